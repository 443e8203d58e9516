/**
 * Pass option values from text (pipeline options and CLI flags share this), checked against the
 * pass declaration so that a typo is a one-line usage error naming the pass, option and the fix.
 */
import { YlcError } from '../ir/errors.js';
import type { PassDeclaration, PassOptionSpec, PassOptionValue } from './pass.js';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function parseOptionValue(pass: string, key: string, spec: PassOptionSpec, text: string): PassOptionValue {
  const bad = (expected: string): never => {
    throw new YlcError('bad-pipeline', `pass '${pass}': option '${key}' expects ${expected}, got '${text}'`);
  };
  switch (spec.type) {
    case 'number':
    case 'integer': {
      if (!NUMBER.test(text)) bad(spec.type === 'integer' ? 'an integer' : 'a number');
      const value = Number(text);
      if (spec.type === 'integer' && !Number.isInteger(value)) bad('an integer');
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        bad(`a value in [${spec.min ?? '-inf'}, ${spec.max ?? 'inf'}]`);
      }
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
      const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
      const parts = inner.split(/[,:]/).filter((p) => p !== '');
      if (parts.length === 0 || !parts.every((p) => NUMBER.test(p))) bad('a list of numbers like [0.5,0.25]');
      return parts.map(Number);
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
  return values;
}

export function formatOptionValue(value: PassOptionValue): string {
  return Array.isArray(value) ? `[${value.join(',')}]` : String(value);
}
