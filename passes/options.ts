/**
 * Pass option values from text (pipeline options and CLI flags share this), checked against the
 * pass declaration so that a typo is a one-line usage error naming the pass, option and the fix.
 */
import { YlcError } from '../ir/errors.js';
import type { NumericBounds, PassDeclaration, PassOptionSpec, PassOptionValue } from './pass.js';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** `[min, max]`, `(min, max]`..., for messages. */
function interval(b: NumericBounds): string {
  return `${b.exclusiveMin ? '(' : '['}${b.min ?? '-inf'}, ${b.max ?? 'inf'}]`;
}

function inBounds(x: number, b: NumericBounds): boolean {
  if (b.min !== undefined && (b.exclusiveMin ? x <= b.min : x < b.min)) return false;
  return b.max === undefined || x <= b.max;
}

/**
 * The value of option `key` of `pass` written as `text`. Numbers must be finite (`1e999` is not
 * Infinity), integers exact (at most 2^53 - 1 in magnitude), and both within the declared bounds.
 * A list is `[a,b,...]` with no empty element, or a single bare number.
 */
export function parseOptionValue(pass: string, key: string, spec: PassOptionSpec, text: string): PassOptionValue {
  const bad = (expected: string): never => {
    throw new YlcError('bad-pipeline', `pass '${pass}': option '${key}' expects ${expected}, got '${text}'`);
  };
  switch (spec.type) {
    case 'number':
    case 'integer': {
      if (!NUMBER.test(text)) bad(spec.type === 'integer' ? 'an integer' : 'a number');
      const value = Number(text);
      if (spec.type === 'integer' && !Number.isSafeInteger(value)) bad('an integer');
      if (!Number.isFinite(value)) bad('a finite number');
      if (!inBounds(value, spec)) bad(`a value in ${interval(spec)}`);
      return value;
    }
    case 'boolean':
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      return bad('true or false');
    case 'enum':
      if (!spec.choices.includes(text)) bad(`one of ${spec.choices.join('|')}`);
      return text;
    case 'numbers': {
      const parts = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1).split(',') : [text];
      if (!parts.every((p) => NUMBER.test(p))) bad('a list of numbers like [0.5,0.25]');
      const values = parts.map(Number);
      if (!values.every(Number.isFinite)) bad('a list of finite numbers like [0.5,0.25]');
      if (!values.every((x) => inBounds(x, spec))) bad(`values in ${interval(spec)}`);
      return values;
    }
    case 'string':
      return text;
  }
}

/** Defaults overlaid with the given option texts; unknown keys are errors listing the known ones. */
export function resolveOptions(
  pass: PassDeclaration,
  given: ReadonlyArray<readonly [string, string]>,
): Record<string, PassOptionValue> {
  const values: Record<string, PassOptionValue> = {};
  for (const [key, spec] of Object.entries(pass.options)) values[key] = spec.default;
  const seen = new Set<string>();
  for (const [key, text] of given) {
    const spec = pass.options[key];
    if (!spec) {
      const known = Object.keys(pass.options);
      throw new YlcError(
        'bad-pipeline',
        `pass '${pass.name}' has no option '${key}'` + (known.length ? ` (options: ${known.join(', ')})` : ' (it takes no options)'),
      );
    }
    if (seen.has(key)) throw new YlcError('bad-pipeline', `pass '${pass.name}': option '${key}' given twice`);
    seen.add(key);
    values[key] = parseOptionValue(pass.name, key, spec, text);
  }
  const problem = pass.checkOptions?.(values as never);
  if (problem) throw new YlcError('bad-pipeline', `pass '${pass.name}': ${problem}`);
  return values;
}

/**
 * An option value as pipeline text (`[0.5,0.25]` for a list). Also takes the words of a repeated
 * CLI flag (`--ratios 0.5 --ratios 0.25`).
 */
export function formatOptionValue(value: PassOptionValue | readonly string[]): string {
  return Array.isArray(value) ? `[${value.join(',')}]` : String(value);
}
