/**
 * Textual pipelines, MLIR style:
 *
 *   pipeline := element (',' element)*
 *   element  := name options? ('(' pipeline ')')?
 *   options  := '{' key '=' value ((',' | ' ') key '=' value)* '}'
 *   value    := a bare token (number, word) or a bracketed list '[' token (',' token)* ']'
 *
 * e.g. `fold-bn,dce,fixpoint{max=4}(constant-fold,dce),prune-slim{thresh=1e-5}`.
 * Option values keep the text they were written with, so printing a parsed pipeline gives the
 * same text back (`1e-5` stays `1e-5`). Checking names and option types against the pass
 * registry is the pass manager's job; this file only knows the syntax.
 */
import { YlcError } from '../ir/errors.js';

export interface PipelineElement {
  readonly name: string;
  /** Option key -> value text, in the order written. */
  readonly options: ReadonlyArray<readonly [string, string]>;
  /** Nested pipeline of a combinator such as `fixpoint(...)`; undefined for plain passes. */
  readonly body: readonly PipelineElement[] | undefined;
}

const NAME = /[A-Za-z][A-Za-z0-9_-]*/y;
const TOKEN = /[^\s,{}()[\]=]+/y;

export function parsePipeline(text: string): PipelineElement[] {
  const parser = new PipelineParser(text);
  const elements = parser.pipeline();
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail(`unexpected '${parser.peek()}'`);
  return elements;
}

export function printPipeline(elements: readonly PipelineElement[]): string {
  return elements
    .map((e) => {
      const options = e.options.length ? `{${e.options.map(([k, v]) => `${k}=${v}`).join(',')}}` : '';
      const body = e.body ? `(${printPipeline(e.body)})` : '';
      return `${e.name}${options}${body}`;
    })
    .join(',');
}

class PipelineParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  pipeline(): PipelineElement[] {
    const out = [this.element()];
    for (;;) {
      this.skipSpace();
      if (this.peek() !== ',') return out;
      this.pos++;
      out.push(this.element());
    }
  }

  private element(): PipelineElement {
    this.skipSpace();
    const name = this.match(NAME);
    if (name === undefined) this.fail(this.atEnd() ? 'expected a pass name' : `expected a pass name, found '${this.peek()}'`);
    const options: Array<[string, string]> = [];
    this.skipSpace();
    if (this.peek() === '{') {
      this.pos++;
      for (;;) {
        this.skipSpace();
        if (this.peek() === '}') {
          this.pos++;
          break;
        }
        if (options.length > 0 && this.peek() === ',') {
          this.pos++;
          this.skipSpace();
        }
        const key = this.match(NAME);
        if (key === undefined) this.fail(this.atEnd() ? `unclosed '{' in options of '${name}'` : `expected an option name in '${name}{...}', found '${this.peek()}'`);
        this.skipSpace();
        if (this.peek() !== '=') this.fail(`expected '=' after option '${key}' of '${name}'`);
        this.pos++;
        this.skipSpace();
        options.push([key, this.value(name, key)]);
      }
    }
    this.skipSpace();
    let body: PipelineElement[] | undefined;
    if (this.peek() === '(') {
      this.pos++;
      body = this.pipeline();
      this.skipSpace();
      if (this.peek() !== ')') this.fail(this.atEnd() ? `unclosed '(' after '${name}'` : `expected ')' to close '${name}(', found '${this.peek()}'`);
      this.pos++;
    }
    return { name, options, body };
  }

  private value(pass: string, key: string): string {
    if (this.peek() === '[') {
      const start = this.pos;
      const close = this.text.indexOf(']', start);
      if (close < 0) this.fail(`unclosed '[' in option '${key}' of '${pass}'`);
      this.pos = close + 1;
      return this.text.slice(start, this.pos).replace(/\s+/g, '');
    }
    const token = this.match(TOKEN);
    if (token === undefined) this.fail(`missing value for option '${key}' of '${pass}'`);
    return token;
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  private match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) return undefined;
    this.pos = re.lastIndex;
    return m[0];
  }

  fail(message: string): never {
    throw new YlcError('bad-pipeline', `pipeline '${this.text}': ${message} at column ${this.pos + 1}`);
  }
}
