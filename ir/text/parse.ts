/**
 * Reads the ONNX text syntax (onnx/docs/Syntax.md, onnx.parser) into the IR: everything print.ts
 * writes (see its header for the format and the `#@` annotation extension) and what
 * onnx.parser.parse_model accepts, with these differences:
 * - Names resolve like references in the IR: a node input, graph output or annotation naming no
 *   value of its graph or an enclosing graph is an error. Nodes may appear in any order.
 * - A tensor's value count must match its shape (`{}` alone means "no data", as in onnx).
 * - Extensions onnx.parser lacks: quoted dims (`float["batch size"]`), a quoted domain
 *   (`"my-domain".Op`), float literals for float16/bfloat16 tensors (converted with round to
 *   nearest even; integer literals stay bit patterns, as in onnx), and `#@` annotations.
 * - An elided tensor body (`{... summary}`, see print.ts) is an error, or reads as zeros with
 *   `{ elidedTensors: 'zeros' }`.
 * - Defaults when the model header leaves them out: ir_version 10, opset_import ["" : 17].
 * - A value_info entry naming no value is kept as a detached Value (ONNX files carry stale entries).
 *   Typed function formals are value_info entries of the function, as in onnx.parser.
 * - Strings follow onnx: `\` makes the next character literal (no `\n` escapes); a string may
 *   span lines.
 *
 * Errors are `YlcError('bad-text', 'file:line:column: what was expected')`, one line each.
 */
import * as path from 'node:path';
import { checkExternalLocation } from '../serde/external-data.js';
import { AttrType, type Attribute } from '../attribute.js';
import { DataType, dataTypeBits, dataTypeFromName, dataTypeName, rawByteLength } from '../dtype.js';
import { YlcError } from '../errors.js';
import { Graph, Node, Value } from '../graph.js';
import { numberToBfloat16Bits, numberToFloat16Bits } from '../half.js';
import { Model, type ModelFunction } from '../model.js';
import { Tensor } from '../tensor.js';
import { tensorType, type Dim, type TensorType, type ValueType } from '../type.js';
import { typeText } from './print.js';
import {
  ATTR_TYPE_NAMES,
  attrTypeFromName,
  floatLiteralValue,
  hasInlineForm,
  isFloatWord,
  isTypeWord,
  literalCount,
} from './syntax.js';

export interface ParseOptions {
  /** What an elided tensor body `{...}` becomes: an error (default) or a tensor of zeros. */
  elidedTensors?: 'error' | 'zeros';
}

export function parseModel(text: string, fileName?: string, options: ParseOptions = {}): Model {
  const p = new Parser(text, fileName, options);
  const ast = p.model();
  return new Builder(p).model(ast);
}

/** A graph alone (`name (inputs) => (outputs) <...> {...}`), without a model header. */
export function parseGraph(text: string, fileName?: string, options: ParseOptions = {}): Graph {
  const p = new Parser(text, fileName, options);
  const ast = p.graph();
  p.expectEnd();
  const g = new Graph(ast.name);
  new Builder(p).graph(ast, g, undefined);
  return g;
}

// ---------------------------------------------------------------------------------------------
// Lexer

type TokKind = 'id' | 'str' | 'int' | 'float' | 'punct' | 'elided' | 'annot' | 'eof';

interface Tok {
  kind: TokKind;
  /** Identifier, punctuation or number as written; a string's decoded value; an annotation's body. */
  text: string;
  line: number;
  col: number;
}

const PUNCT = new Set(['<', '>', '(', ')', '[', ']', '{', '}', ',', '=', ':', '.', '@', '?']);

function isAlpha(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function lex(src: string, fail: (line: number, col: number, message: string) => never): Tok[] {
  const toks: Tok[] = [];
  const n = src.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const skipToEol = (): number => {
    const eol = src.indexOf('\n', i);
    return eol < 0 ? n : eol;
  };
  for (;;) {
    while (i < n) {
      const c = src[i];
      if (c === '\n') {
        line++;
        lineStart = ++i;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\v' || c === '\f') {
        i++;
      } else if (c === '#') {
        const eol = skipToEol();
        if (src[i + 1] === '@') toks.push({ kind: 'annot', text: src.slice(i + 2, eol).trim(), line, col: i - lineStart + 1 });
        i = eol;
      } else {
        break;
      }
    }
    const col = i - lineStart + 1;
    if (i >= n) {
      toks.push({ kind: 'eof', text: '', line, col });
      return toks;
    }
    const start = i;
    const c = src[i]!;
    if (isAlpha(c) || c === '_') {
      i++;
      while (i < n && (isAlpha(src[i]) || isDigit(src[i]) || src[i] === '_')) i++;
      toks.push({ kind: 'id', text: src.slice(start, i), line, col });
    } else if (isDigit(c) || (c === '-' && (isDigit(src[i + 1]) || isAlpha(src[i + 1])))) {
      if (c === '-') i++;
      if (isAlpha(src[i])) {
        while (i < n && isAlpha(src[i])) i++;
        const word = src.slice(start + 1, i);
        if (!isFloatWord(word)) fail(line, col, `invalid number '${src.slice(start, i)}'`);
        toks.push({ kind: 'float', text: src.slice(start, i), line, col });
        continue;
      }
      let isFloat = false;
      while (i < n && (isDigit(src[i]) || (src[i] === '.' && !isFloat && src[i + 1] !== '.'))) {
        if (src[i] === '.') isFloat = true;
        i++;
      }
      if ((src[i] === 'e' || src[i] === 'E') && (isDigit(src[i + 1]) || ((src[i + 1] === '+' || src[i + 1] === '-') && isDigit(src[i + 2])))) {
        isFloat = true;
        i += 2;
        while (i < n && isDigit(src[i])) i++;
      }
      toks.push({ kind: isFloat ? 'float' : 'int', text: src.slice(start, i), line, col });
    } else if (c === '"') {
      const startLine = line;
      let value = '';
      i++;
      for (;;) {
        if (i >= n) fail(line, col, 'unterminated string literal');
        const ch = src[i]!;
        if (ch === '"') break;
        if (ch === '\\') {
          i++;
          if (i >= n) fail(line, col, 'unterminated string literal');
        }
        const lit = src[i]!;
        if (lit === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += lit;
        i++;
      }
      i++;
      toks.push({ kind: 'str', text: value, line: startLine, col });
    } else if (src.startsWith('...', i) && toks[toks.length - 1]?.kind === 'punct' && toks[toks.length - 1]?.text === '{') {
      const startLine = line;
      const close = src.indexOf('}', i);
      if (close < 0) fail(line, col, "unterminated elided tensor: '{...' without '}'");
      const body = src.slice(i + 3, close);
      for (let k = i; k < close; k++) {
        if (src[k] === '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      i = close;
      toks.push({ kind: 'elided', text: body.trim(), line: startLine, col });
    } else if (c === '=' && src[i + 1] === '>') {
      i += 2;
      toks.push({ kind: 'punct', text: '=>', line, col });
    } else if (PUNCT.has(c)) {
      i++;
      toks.push({ kind: 'punct', text: c, line, col });
    } else {
      fail(line, col, `unexpected character ${JSON.stringify(c)}`);
    }
  }
}

function describe(t: Tok): string {
  switch (t.kind) {
    case 'eof':
      return 'end of input';
    case 'id':
      return `identifier '${t.text}'`;
    case 'str':
      return `string ${JSON.stringify(t.text.length > 40 ? t.text.slice(0, 40) + '...' : t.text)}`;
    case 'int':
    case 'float':
      return `number ${t.text}`;
    case 'elided':
      return "elided tensor '{...}'";
    case 'annot':
      return `annotation '#@ ${t.text.split(' ')[0] ?? ''}'`;
    default:
      return `'${t.text}'`;
  }
}

// ---------------------------------------------------------------------------------------------
// Syntax tree: names stay names until the builder resolves them against the graphs' scopes.

interface NameRef {
  name: string;
  tok: Tok;
}

interface ValueInfoAst extends NameRef {
  type: ValueType | undefined;
  /** A default value given in the input list (`float[2] x = {1, 2}`) or an initializer entry. */
  init?: Tensor;
}

interface NoteAst {
  tok: Tok;
  kind: string;
  data: Record<string, unknown>;
}

interface GraphAst {
  name: string;
  tok: Tok;
  inputs: ValueInfoAst[];
  outputs: ValueInfoAst[];
  initializers: ValueInfoAst[];
  valueInfos: ValueInfoAst[];
  notes: NoteAst[];
  nodes: NodeAst[];
}

interface AttrAst {
  tok: Tok;
  attr: Attribute;
  /** For GRAPH/GRAPHS attributes: the bodies, built once the node is in its graph. */
  graphs?: GraphAst[];
}

interface NodeAst {
  tok: Tok;
  name: string;
  outputs: NameRef[];
  domain: string;
  opType: string;
  overload: string | undefined;
  attrs: AttrAst[];
  inputs: NameRef[];
  note: NoteAst | undefined;
}

interface FunctionAst {
  tok: Tok;
  name: string;
  domain: string;
  overload: string | undefined;
  docString: string | undefined;
  opsetImports: Map<string, number>;
  attributeNames: string[];
  attributeProtos: unknown[];
  graph: GraphAst;
}

interface ModelAst {
  header: Map<string, { tok: Tok; value: unknown }>;
  graph: GraphAst;
  functions: FunctionAst[];
}

type Single =
  | { kind: 'int'; tok: Tok; value: bigint }
  | { kind: 'float'; tok: Tok; value: number }
  | { kind: 'string'; tok: Tok; value: string }
  | { kind: 'tensor'; tok: Tok; value: Tensor }
  | { kind: 'graph'; tok: Tok; value: GraphAst }
  | { kind: 'type'; tok: Tok; value: ValueType }
  | { kind: 'ref'; tok: Tok; value: string };

const SINGLE_KIND: Partial<Record<AttrType, Single['kind']>> = {
  [AttrType.INT]: 'int',
  [AttrType.FLOAT]: 'float',
  [AttrType.STRING]: 'string',
  [AttrType.TENSOR]: 'tensor',
  [AttrType.GRAPH]: 'graph',
  [AttrType.TYPE_PROTO]: 'type',
};

const LIST_OF: Partial<Record<AttrType, AttrType>> = {
  [AttrType.INTS]: AttrType.INT,
  [AttrType.FLOATS]: AttrType.FLOAT,
  [AttrType.STRINGS]: AttrType.STRING,
  [AttrType.TENSORS]: AttrType.TENSOR,
  [AttrType.GRAPHS]: AttrType.GRAPH,
  [AttrType.TYPE_PROTOS]: AttrType.TYPE_PROTO,
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const MODEL_KEYS = ['ir_version', 'opset_import', 'producer_name', 'producer_version', 'domain', 'model_version', 'doc_string', 'metadata_props'];
const FUNCTION_KEYS = ['domain', 'overload', 'opset_import', 'doc_string'];

// ---------------------------------------------------------------------------------------------
// Parser: text -> syntax tree

class Parser {
  private readonly toks: Tok[];
  private pos = 0;
  readonly file: string;
  readonly baseDir: string;

  constructor(
    text: string,
    fileName: string | undefined,
    readonly options: ParseOptions,
  ) {
    this.file = fileName ?? '<text>';
    this.baseDir = fileName !== undefined ? path.dirname(path.resolve(fileName)) : process.cwd();
    this.toks = lex(text, (line, col, message) => this.failAt(line, col, message));
  }

  failAt(line: number, col: number, message: string): never {
    // One line, whatever the names in it hold.
    throw new YlcError('bad-text', `${this.file}:${line}:${col}: ${message.replace(/\r?\n/g, '\\n')}`);
  }

  fail(tok: Tok, message: string): never {
    return this.failAt(tok.line, tok.col, message);
  }

  expected(what: string, tok: Tok = this.peek()): never {
    return this.fail(tok, `expected ${what}, found ${describe(tok)}`);
  }

  /** The next token; annotations are refused here, they are only read where they may appear. */
  peek(): Tok {
    const t = this.toks[this.pos]!;
    if (t.kind === 'annot') {
      this.fail(t, `${describe(t)} is not allowed here: annotations go at the start of a graph body or before a node`);
    }
    return t;
  }

  peekRaw(): Tok {
    return this.toks[this.pos]!;
  }

  next(): Tok {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  at(punct: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === punct;
  }

  eat(punct: string): boolean {
    if (!this.at(punct)) return false;
    this.pos++;
    return true;
  }

  expect(punct: string, context?: string): Tok {
    if (!this.at(punct)) this.expected(`'${punct}'${context ? ` ${context}` : ''}`);
    return this.next();
  }

  expectEnd(): void {
    if (this.peek().kind !== 'eof') this.expected('end of input');
  }

  identifier(what: string): Tok {
    if (this.peek().kind !== 'id') this.expected(what);
    return this.next();
  }

  quotableId(what: string): Tok {
    const t = this.peek();
    if (t.kind !== 'id' && t.kind !== 'str') this.expected(what);
    return this.next();
  }

  string(what: string): string {
    if (this.peek().kind !== 'str') this.expected(what);
    return this.next().text;
  }

  integer(what: string, lo = INT64_MIN, hi = INT64_MAX): bigint {
    const t = this.peek();
    if (t.kind !== 'int') this.expected(what);
    this.next();
    const v = BigInt(t.text);
    if (v < lo || v > hi) this.fail(t, `${t.text} is out of range for ${what} (${lo}..${hi})`);
    return v;
  }

  // --- model ---

  model(): ModelAst {
    const header = this.at('<') ? this.header(MODEL_KEYS, 'model header') : new Map<string, { tok: Tok; value: unknown }>();
    const graph = this.graph();
    const functions: FunctionAst[] = [];
    while (this.peekRaw().kind !== 'eof') functions.push(this.function());
    return { header, graph, functions };
  }

  private header(keys: readonly string[], what: string): Map<string, { tok: Tok; value: unknown }> {
    const out = new Map<string, { tok: Tok; value: unknown }>();
    this.expect('<');
    do {
      const key = this.identifier(`a ${what} key`);
      if (!keys.includes(key.text)) {
        this.fail(key, `unknown ${what} key '${key.text}' (expected ${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1]})`);
      }
      this.expect(':', `after '${key.text}'`);
      const tok = this.peek();
      let value: unknown;
      switch (key.text) {
        case 'ir_version':
        case 'model_version':
          value = this.integer(`an integer ${key.text}`);
          break;
        case 'opset_import':
          value = this.opsets();
          break;
        case 'metadata_props':
          value = this.stringPairs();
          break;
        default:
          value = this.string(`a string ${key.text}`);
      }
      out.set(key.text, { tok, value });
    } while (this.eat(','));
    this.expect('>', `to close the ${what}`);
    return out;
  }

  private opsets(): Map<string, number> {
    const out = new Map<string, number>();
    this.expect('[', 'to open the opset_import list');
    if (this.eat(']')) return out;
    do {
      const domain = this.string('an opset domain string');
      this.expect(':', 'after the opset domain');
      out.set(domain, Number(this.integer('an opset version', 0n, 2n ** 31n - 1n)));
    } while (this.eat(','));
    this.expect(']', 'to close the opset_import list');
    return out;
  }

  private stringPairs(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    this.expect('[', 'to open the key/value list');
    if (this.eat(']')) return out;
    do {
      const key = this.string('a key string');
      this.expect(':', 'after the key');
      out.push([key, this.string('a value string')]);
    } while (this.eat(','));
    this.expect(']', 'to close the key/value list');
    return out;
  }

  // --- graphs and functions ---

  graph(): GraphAst {
    const tok = this.quotableId('a graph name');
    const ast: GraphAst = { name: tok.text, tok, inputs: [], outputs: [], initializers: [], valueInfos: [], notes: [], nodes: [] };
    ast.inputs = this.valueInfoList('graph inputs', true);
    this.expect('=>', 'between graph inputs and outputs');
    ast.outputs = this.valueInfoList('graph outputs', false);
    if (this.at('<')) this.initializerList(ast, true);
    this.body(ast);
    return ast;
  }

  private function(): FunctionAst {
    const start = this.peek();
    const header = this.at('<') ? this.header(FUNCTION_KEYS, 'function header') : new Map<string, { tok: Tok; value: unknown }>();
    const tok = this.quotableId('a function name');
    const attributeNames: string[] = [];
    const attributeProtos: unknown[] = [];
    if (this.eat('<')) {
      do {
        const name = this.quotableId('a function attribute name');
        if (this.at(':') || this.at('=')) attributeProtos.push(attributeProto(this, this.attribute(name)));
        else attributeNames.push(name.text);
      } while (this.eat(','));
      this.expect('>', 'to close the function attributes');
    }
    const graph: GraphAst = { name: tok.text, tok, inputs: [], outputs: [], initializers: [], valueInfos: [], notes: [], nodes: [] };
    graph.inputs = this.valueInfoList('function inputs', false);
    this.expect('=>', 'between function inputs and outputs');
    graph.outputs = this.valueInfoList('function outputs', false);
    if (this.at('<')) this.initializerList(graph, false);
    this.body(graph);
    const str = (key: string): string | undefined => header.get(key)?.value as string | undefined;
    return {
      tok: start,
      name: tok.text,
      domain: str('domain') ?? '',
      overload: str('overload'),
      docString: str('doc_string'),
      opsetImports: (header.get('opset_import')?.value as Map<string, number> | undefined) ?? new Map(),
      attributeNames,
      attributeProtos,
      graph,
    };
  }

  private valueInfoList(what: string, allowDefaults: boolean): ValueInfoAst[] {
    this.expect('(', `to open the ${what}`);
    const out: ValueInfoAst[] = [];
    if (this.eat(')')) return out;
    do {
      const vi = this.valueInfo();
      if (this.at('=')) {
        if (!allowDefaults) this.fail(this.peek(), `${what} cannot have initial values`);
        this.next();
        vi.init = this.tensorBody(this.constantType(vi), vi.name, vi.tok);
      }
      out.push(vi);
    } while (this.eat(','));
    this.expect(')', `to close the ${what}`);
    return out;
  }

  private initializerList(ast: GraphAst, allowInitializers: boolean): void {
    this.expect('<');
    if (this.eat('>')) return;
    do {
      const vi = this.valueInfo();
      if (this.at('=')) {
        if (!allowInitializers) this.fail(this.peek(), 'functions have no initializers');
        this.next();
        vi.init = this.tensorBody(this.constantType(vi), vi.name, vi.tok);
        ast.initializers.push(vi);
      } else {
        ast.valueInfos.push(vi);
      }
    } while (this.eat(','));
    this.expect('>', 'to close the initializer and value_info list');
  }

  private valueInfo(): ValueInfoAst {
    const t = this.peek();
    const type = t.kind === 'id' && isTypeWord(t.text) ? this.type() : undefined;
    const name = this.quotableId(type ? 'a value name after its type' : 'a type or a value name');
    return { name: name.text, tok: name, type };
  }

  /** The tensor type of a constant: numeric dims required. */
  private constantType(vi: { name: string; tok: Tok; type: ValueType | undefined }): { dtype: DataType; dims: number[]; text: string } {
    const type = vi.type;
    const label = `'${vi.name}'`;
    if (type === undefined) this.fail(vi.tok, `initializer ${label} needs a tensor type (e.g. float[2] ${vi.name} = {1, 2})`);
    if (type.kind !== 'tensor' || type.shape === undefined || type.shape.some((d) => d.value === undefined)) {
      this.fail(vi.tok, `initializer ${label} needs a tensor type with numeric dims, found ${typeText(type)}`);
    }
    return { dtype: type.elemType, dims: type.shape.map((d) => d.value!), text: typeText(type) };
  }

  private body(ast: GraphAst): void {
    this.expect('{', `to open the body of graph '${ast.name}'`);
    let nodeNote: NoteAst | undefined;
    for (;;) {
      const t = this.peekRaw();
      if (t.kind === 'annot') {
        this.pos++;
        const note = this.note(t);
        if (nodeNote) this.fail(t, "expected a node after '#@ node'");
        if (note.kind === 'node') nodeNote = note;
        else if (ast.nodes.length > 0) this.fail(t, `'#@ ${note.kind}' annotations go before the first node of the graph`);
        else ast.notes.push(note);
        continue;
      }
      if (this.at('}')) break;
      if (t.kind === 'eof') this.expected(`a node or '}' to close graph '${ast.name}'`);
      ast.nodes.push(this.node(nodeNote));
      nodeNote = undefined;
    }
    if (nodeNote) this.fail(this.peek(), "expected a node after '#@ node'");
    this.next();
  }

  private note(t: Tok): NoteAst {
    const m = /^([a-z_]+)\s+(\{.*\})$/.exec(t.text);
    const kind = m?.[1];
    if (!m || kind === undefined || !['graph', 'value', 'initializer', 'node'].includes(kind)) {
      this.fail(t, 'bad annotation: expected #@ graph|value|initializer|node {json}');
    }
    let data: unknown;
    try {
      data = JSON.parse(m[2]!);
    } catch {
      this.fail(t, 'bad annotation: the text after the kind is not valid JSON');
    }
    const obj = data as Record<string, unknown>;
    const checkString = (key: string): void => {
      if (obj[key] !== undefined && typeof obj[key] !== 'string') this.fail(t, `bad annotation: "${key}" must be a string`);
    };
    checkString('name');
    checkString('doc_string');
    const props = obj['metadata_props'];
    if (props !== undefined && !(Array.isArray(props) && props.every((p) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === 'string')))) {
      this.fail(t, 'bad annotation: "metadata_props" must be an array of [key, value] strings');
    }
    const docs = obj['attribute_doc_strings'];
    if (docs !== undefined && (typeof docs !== 'object' || docs === null || Object.values(docs).some((s) => typeof s !== 'string'))) {
      this.fail(t, 'bad annotation: "attribute_doc_strings" must map attribute names to strings');
    }
    if ((kind === 'value' || kind === 'initializer') && typeof obj['name'] !== 'string') {
      this.fail(t, `bad annotation: '#@ ${kind}' needs a "name"`);
    }
    return { tok: t, kind, data: obj };
  }

  private node(note: NoteAst | undefined): NodeAst {
    const tok = this.peek();
    let name = '';
    if (this.eat('[')) {
      if (!this.at(']')) name = this.quotableId('a node name').text;
      this.expect(']', 'after the node name');
    }
    const outputs = this.idList();
    this.expect('=', 'after the node outputs');
    let domain = '';
    let opType: string;
    if (this.peek().kind === 'str') {
      domain = this.next().text;
      this.expect('.', 'after the quoted domain');
      opType = this.identifier('an operator name').text;
    } else {
      const parts = [this.identifier('an operator name').text];
      while (this.eat('.')) parts.push(this.identifier('an operator name after \'.\'').text);
      opType = parts.pop()!;
      domain = parts.join('.');
    }
    const overload = this.eat(':') ? this.identifier('an overload name').text : undefined;
    let attrs = this.at('<') ? this.attributeList() : [];
    this.expect('(', `to open the inputs of ${opType}`);
    const inputs = this.idList();
    this.expect(')', `to close the inputs of ${opType}`);
    const after = this.peekRaw();
    if (attrs.length === 0 && after.kind === 'punct' && after.text === '<') attrs = this.attributeList();
    return { tok, name, outputs, domain, opType, overload, attrs, inputs, note };
  }

  /** Names separated by commas; an empty name is `""` or nothing before a comma (onnx's IdList). */
  private idList(): NameRef[] {
    const out: NameRef[] = [];
    let item = this.optionalId();
    if (!item) return out;
    out.push(item);
    while (this.eat(',')) {
      item = this.optionalId();
      if (!item) break;
      out.push(item);
    }
    return out;
  }

  private optionalId(): NameRef | undefined {
    const t = this.peek();
    if (t.kind === 'id' || t.kind === 'str') {
      this.next();
      return { name: t.text, tok: t };
    }
    return this.at(',') ? { name: '', tok: t } : undefined;
  }

  private attributeList(): AttrAst[] {
    this.expect('<');
    const out: AttrAst[] = [];
    const seen = new Set<string>();
    do {
      const name = this.quotableId('an attribute name');
      if (seen.has(name.text)) this.fail(name, `attribute '${name.text}' is given twice`);
      seen.add(name.text);
      out.push(this.attribute(name));
    } while (this.eat(','));
    this.expect('>', 'to close the attribute list');
    return out;
  }

  attribute(nameTok: Tok): AttrAst {
    const name = nameTok.text;
    let declared: AttrType | undefined;
    if (this.eat(':')) {
      const t = this.identifier('an attribute type');
      declared = attrTypeFromName(t.text);
      if (declared === undefined) this.fail(t, `unknown attribute type '${t.text}' (expected one of ${Object.values(ATTR_TYPE_NAMES).slice(1).join(', ')})`);
    }
    this.expect('=', `after attribute '${name}'`);
    if (declared === AttrType.SPARSE_TENSOR || declared === AttrType.SPARSE_TENSORS) {
      this.fail(nameTok, `attribute '${name}': sparse tensor attributes have no text form`);
    }
    if (this.at('[') && (declared === undefined || LIST_OF[declared] !== undefined)) {
      return this.listAttribute(nameTok, declared);
    }
    if (declared !== undefined && LIST_OF[declared] !== undefined) this.expected(`'[' to open the ${ATTR_TYPE_NAMES[declared]} of attribute '${name}'`);
    if (this.at('[')) this.fail(this.peek(), `attribute '${name}' is declared ${ATTR_TYPE_NAMES[declared!]}, which is not a list type`);
    const single = this.single(name, declared);
    if (single.kind === 'ref') {
      if (declared === undefined) this.fail(single.tok, `attribute '${name}' refers to '@${single.value}' and needs a type annotation (${name}: float = @${single.value})`);
      return { tok: nameTok, attr: { ...emptyAttribute(name, declared), refAttrName: single.value } };
    }
    return singleAttribute(name, nameTok, single);
  }

  private listAttribute(nameTok: Tok, declared: AttrType | undefined): AttrAst {
    const name = nameTok.text;
    this.expect('[');
    const items: Single[] = [];
    if (this.at(']')) {
      if (declared === undefined) this.fail(nameTok, `empty list for attribute '${name}' needs a type annotation (${name}: ints = [])`);
    } else {
      const elem = declared !== undefined ? LIST_OF[declared] : undefined;
      do {
        const item = this.single(name, elem);
        if (item.kind === 'ref') this.fail(item.tok, `attribute '${name}': a reference cannot be a list element`);
        items.push(item);
      } while (this.eat(','));
    }
    this.expect(']', `to close the list of attribute '${name}'`);
    let kind: Single['kind'] | undefined = declared !== undefined ? SINGLE_KIND[LIST_OF[declared]!] : undefined;
    for (const item of items) {
      if (kind === undefined || kind === item.kind) kind = item.kind;
      else if ((kind === 'int' && item.kind === 'float') || (kind === 'float' && item.kind === 'int')) kind = 'float';
      else this.fail(item.tok, `attribute '${name}' mixes ${kind} and ${item.kind} values in one list`);
    }
    const floats = (): number[] => items.map((s) => Math.fround(Number(s.value as number | bigint)));
    const attr = ((): Attribute => {
      switch (kind) {
        case 'int':
          return { name, type: AttrType.INTS, value: items.map((s) => s.value as bigint) };
        case 'float':
          return { name, type: AttrType.FLOATS, value: floats() };
        case 'string':
          return { name, type: AttrType.STRINGS, value: items.map((s) => s.value as string) };
        case 'tensor':
          return { name, type: AttrType.TENSORS, value: items.map((s) => s.value as Tensor) };
        case 'type':
          return { name, type: AttrType.TYPE_PROTOS, value: items.map((s) => s.value as ValueType) };
        case 'graph': {
          const graphs = items.map((s) => s.value as GraphAst);
          return { name, type: AttrType.GRAPHS, value: graphs.map((g) => new Graph(g.name)) };
        }
        default:
          throw new Error('unreachable');
      }
    })();
    const graphs = kind === 'graph' ? items.map((s) => s.value as GraphAst) : undefined;
    return graphs ? { tok: nameTok, attr, graphs } : { tok: nameTok, attr };
  }

  /** One attribute value; `expected` is the declared type (the element type for lists). */
  private single(name: string, expected: AttrType | undefined): Single {
    const t = this.peek();
    let s: Single;
    if (expected === AttrType.GRAPH) {
      s = { kind: 'graph', tok: t, value: this.graph() };
    } else if ((expected === AttrType.TENSOR || expected === AttrType.TYPE_PROTO) && !(t.kind === 'id' && isTypeWord(t.text))) {
      return this.expected(`a type starting the ${ATTR_TYPE_NAMES[expected]} value of attribute '${name}'`);
    } else if ((expected === AttrType.INT || expected === AttrType.FLOAT || expected === AttrType.STRING) && t.kind === 'id' && !isFloatWord(t.text)) {
      return this.expected(`a${expected === AttrType.INT ? 'n' : ''} ${ATTR_TYPE_NAMES[expected]} value for attribute '${name}'`);
    } else if (this.eat('@')) {
      s = { kind: 'ref', tok: t, value: this.quotableId('an attribute name after \'@\'').text };
    } else if (t.kind === 'id' && isTypeWord(t.text)) {
      const type = this.type();
      const n = this.peek();
      const isTensor =
        expected === AttrType.TENSOR ||
        (expected === undefined && (n.kind === 'id' || n.kind === 'str' || (n.kind === 'punct' && (n.text === '{' || n.text === '='))));
      if (isTensor) {
        let tensorName = '';
        if (n.kind === 'id' || n.kind === 'str') tensorName = this.next().text;
        this.eat('=');
        const vi = { name: tensorName || name, tok: t, type };
        const ct = this.constantTypeFor(vi, `tensor of attribute '${name}'`);
        s = { kind: 'tensor', tok: t, value: this.tensorBody(ct, tensorName, t, `tensor of attribute '${name}'`) };
      } else {
        s = { kind: 'type', tok: t, value: type };
      }
    } else if (t.kind === 'id' && isFloatWord(t.text)) {
      this.next();
      s = { kind: 'float', tok: t, value: floatLiteralValue(t.text) };
    } else if (t.kind === 'id' || (t.kind === 'str' && expected === undefined && this.peekAt(1, '('))) {
      s = { kind: 'graph', tok: t, value: this.graph() };
    } else if (t.kind === 'str') {
      this.next();
      s = { kind: 'string', tok: t, value: t.text };
    } else if (t.kind === 'int' && expected === AttrType.FLOAT) {
      this.next();
      s = { kind: 'float', tok: t, value: floatLiteralValue(t.text) };
    } else if (t.kind === 'int') {
      this.next();
      const v = BigInt(t.text);
      if (v < INT64_MIN || v > INT64_MAX) this.fail(t, `attribute '${name}': ${t.text} does not fit in int64`);
      s = { kind: 'int', tok: t, value: v };
    } else if (t.kind === 'float') {
      this.next();
      s = { kind: 'float', tok: t, value: floatLiteralValue(t.text) };
    } else {
      return this.expected(`a value for attribute '${name}'`);
    }
    if (expected !== undefined && s.kind !== 'ref' && SINGLE_KIND[expected] !== s.kind) {
      if (expected === AttrType.FLOAT && s.kind === 'int') return { kind: 'float', tok: s.tok, value: Number(s.value) };
      this.fail(s.tok, `attribute '${name}' is declared ${ATTR_TYPE_NAMES[expected]} but the value is a ${s.kind}`);
    }
    return s;
  }

  private peekAt(offset: number, punct: string): boolean {
    const t = this.toks[this.pos + offset];
    return t !== undefined && t.kind === 'punct' && t.text === punct;
  }

  private constantTypeFor(vi: { name: string; tok: Tok; type: ValueType }, what: string): { dtype: DataType; dims: number[]; text: string } {
    const type = vi.type;
    if (type.kind !== 'tensor' || type.shape === undefined || type.shape.some((d) => d.value === undefined)) {
      this.fail(vi.tok, `${what} needs a tensor type with numeric dims, found ${typeText(type)}`);
    }
    return { dtype: type.elemType, dims: type.shape.map((d) => d.value!), text: typeText(type) };
  }

  // --- types ---

  type(): ValueType {
    const proto = this.typeProto();
    const tensor = proto['tensorType'] as { elemType: number; shape?: { dim: Array<Record<string, unknown>> } } | undefined;
    if (tensor === undefined) return { kind: 'other', proto };
    const t: TensorType = { kind: 'tensor', elemType: tensor.elemType as DataType, shape: undefined };
    if (tensor.shape) {
      t.shape = tensor.shape.dim.map((d): Dim => {
        if (d['dimValue'] !== undefined) return { value: d['dimValue'] as number };
        if (d['dimParam'] !== undefined) return { param: d['dimParam'] as string };
        return {};
      });
    }
    return t;
  }

  /** A TypeProto as a plain object with protobufjs field names (what `OtherType.proto` holds). */
  private typeProto(): Record<string, unknown> {
    const t = this.identifier('a type');
    const elem = dataTypeFromName(t.text);
    if (elem !== undefined) return { tensorType: { elemType: elem, ...this.shapeSuffix() } };
    const open = (): void => void this.expect('(', `after '${t.text}'`);
    const close = (): void => void this.expect(')', `to close '${t.text}('`);
    const primitive = (what: string): DataType => {
      const p = this.identifier(what);
      const d = dataTypeFromName(p.text);
      if (d === undefined) this.fail(p, `unknown element type '${p.text}'`);
      return d;
    };
    let out: Record<string, unknown>;
    switch (t.text) {
      case 'seq':
        open();
        out = { sequenceType: { elemType: this.typeProto() } };
        break;
      case 'optional':
        open();
        out = { optionalType: { elemType: this.typeProto() } };
        break;
      case 'map': {
        open();
        const keyType = primitive('a map key type');
        this.expect(',', 'after the map key type');
        out = { mapType: { keyType, valueType: this.typeProto() } };
        break;
      }
      case 'sparse_tensor':
        open();
        out = { sparseTensorType: { elemType: primitive('a sparse tensor element type'), ...this.shapeSuffix() } };
        break;
      case 'opaque': {
        open();
        const parts: string[] = [];
        let name = '';
        let domain = '';
        if (!this.at(')')) {
          parts.push(this.identifier('an opaque type name').text);
          while (this.eat('.')) parts.push(this.identifier('an opaque type name').text);
          if (this.eat(',')) {
            domain = parts.join('.');
            name = this.identifier('an opaque type name').text;
          } else {
            name = parts.join('.');
          }
        }
        out = { opaqueType: { domain, name } };
        break;
      }
      default:
        return this.fail(t, `unknown type '${t.text}'`);
    }
    close();
    return out;
  }

  /** `[1,N,?]` -> dims; `[]` -> rank unknown (no shape); nothing -> a scalar. */
  private shapeSuffix(): { shape?: { dim: Array<Record<string, unknown>> } } {
    if (!this.eat('[')) return { shape: { dim: [] } };
    if (this.eat(']')) return {};
    const dim: Array<Record<string, unknown>> = [];
    do {
      const t = this.peek();
      if (this.eat('?')) dim.push({});
      else if (t.kind === 'id' || t.kind === 'str') dim.push({ dimParam: this.next().text });
      else if (t.kind === 'int') dim.push({ dimValue: Number(this.integer('a dimension')) });
      else this.expected("a dimension (a number, a name or '?')");
    } while (this.eat(','));
    this.expect(']', 'to close the shape');
    return { shape: { dim } };
  }

  // --- tensors ---

  tensorBody(ct: { dtype: DataType; dims: number[]; text: string }, name: string, tok: Tok, what?: string): Tensor {
    const label = what ?? (name !== '' ? `tensor '${name}'` : 'tensor');
    const { dtype, dims } = ct;
    const size = dims.reduce((a, b) => a * b, 1);
    if (this.at('[')) {
      const entries = this.stringPairs();
      const ref = { entries, baseDir: this.baseDir };
      try {
        checkExternalLocation(ref, name || label);
      } catch (e) {
        if (!(e instanceof YlcError)) throw e;
        this.fail(tok, e.message);
      }
      return new Tensor(dtype, dims, { kind: 'external', ref }, { name });
    }
    const open = this.expect('{', `with the values of ${label}`);
    if (this.peek().kind === 'elided') {
      this.next();
      this.expect('}');
      if (this.options.elidedTensors !== 'zeros') {
        this.fail(
          open,
          `${label} (${ct.text}) is elided ({...}): its values are not in the text; print with a larger maxInlineElements (ylc print --max-inline N), or parse with { elidedTensors: 'zeros' } (ylc parse --elided-as-zeros)`,
        );
      }
      if (dtype === DataType.STRING) {
        return new Tensor(dtype, dims, { kind: 'stringData', values: Array.from({ length: size }, () => new Uint8Array(0)) }, { name });
      }
      return Tensor.fromBytes(dtype, dims, new Uint8Array(rawByteLength(dtype, size)), { name });
    }
    const values: Tok[] = [];
    if (!this.eat('}')) {
      do {
        const t = this.peek();
        if (t.kind !== 'int' && t.kind !== 'float' && t.kind !== 'str' && !(t.kind === 'id' && isFloatWord(t.text))) {
          this.expected(`a value of ${label}`);
        }
        values.push(this.next());
      } while (this.eat(','));
      this.expect('}', `to close the values of ${label}`);
    }
    if (values.length === 0) return new Tensor(dtype, dims, { kind: 'none' }, { name });
    if (!hasInlineForm(dtype)) this.fail(open, `${label}: ${dataTypeName(dtype)} values have no text form`);
    const expected = literalCount(dtype, size);
    if (values.length !== expected) this.fail(open, `${label} (${ct.text}) has ${values.length} values, expected ${expected}`);
    if (dtype === DataType.STRING) {
      const encoder = new TextEncoder();
      const strings = values.map((v) => {
        if (v.kind !== 'str') this.fail(v, `expected a string value of ${label}, found ${describe(v)}`);
        return encoder.encode(v.text);
      });
      return new Tensor(dtype, dims, { kind: 'stringData', values: strings }, { name });
    }
    return Tensor.fromBytes(dtype, dims, this.encode(dtype, size, values, label), { name });
  }

  private encode(dtype: DataType, size: number, values: Tok[], label: string): Uint8Array {
    const out = new Uint8Array(rawByteLength(dtype, size));
    const view = new DataView(out.buffer);
    const typeName = dataTypeName(dtype);
    const float = (t: Tok): number => {
      if (t.kind === 'str') this.fail(t, `expected a number in ${label}, found ${describe(t)}`);
      return floatLiteralValue(t.text);
    };
    const int = (t: Tok, lo: bigint, hi: bigint): bigint => {
      if (t.kind !== 'int') this.fail(t, `expected an integer in ${typeName} ${label}, found ${describe(t)}`);
      const v = BigInt(t.text);
      if (v < lo || v > hi) this.fail(t, `value ${t.text} is out of range for ${typeName}`);
      return v;
    };
    const signed = (bits: number): [bigint, bigint] => [-(2n ** BigInt(bits - 1)), 2n ** BigInt(bits - 1) - 1n];
    const unsigned = (bits: number): [bigint, bigint] => [0n, 2n ** BigInt(bits) - 1n];
    values.forEach((t, i) => {
      switch (dtype) {
        case DataType.FLOAT:
        case DataType.COMPLEX64:
          view.setFloat32(i * 4, float(t), true);
          break;
        case DataType.DOUBLE:
        case DataType.COMPLEX128:
          view.setFloat64(i * 8, float(t), true);
          break;
        case DataType.INT8:
          view.setInt8(i, Number(int(t, ...signed(8))));
          break;
        case DataType.UINT8:
        case DataType.FLOAT8E4M3FN:
        case DataType.FLOAT8E4M3FNUZ:
        case DataType.FLOAT8E5M2:
        case DataType.FLOAT8E5M2FNUZ:
        case DataType.FLOAT8E8M0:
          view.setUint8(i, Number(int(t, ...unsigned(8))));
          break;
        case DataType.BOOL:
          view.setUint8(i, Number(int(t, 0n, 1n)));
          break;
        case DataType.INT16:
          view.setInt16(i * 2, Number(int(t, ...signed(16))), true);
          break;
        case DataType.UINT16:
          view.setUint16(i * 2, Number(int(t, ...unsigned(16))), true);
          break;
        case DataType.FLOAT16:
        case DataType.BFLOAT16: {
          const bits =
            t.kind === 'int'
              ? Number(int(t, ...unsigned(16)))
              : dtype === DataType.FLOAT16
                ? numberToFloat16Bits(float(t))
                : numberToBfloat16Bits(float(t));
          view.setUint16(i * 2, bits, true);
          break;
        }
        case DataType.INT32:
          view.setInt32(i * 4, Number(int(t, ...signed(32))), true);
          break;
        case DataType.UINT32:
          view.setUint32(i * 4, Number(int(t, ...unsigned(32))), true);
          break;
        case DataType.INT64:
          view.setBigInt64(i * 8, int(t, ...signed(64)), true);
          break;
        case DataType.UINT64:
          view.setBigUint64(i * 8, int(t, ...unsigned(64)), true);
          break;
        case DataType.INT4:
        case DataType.UINT4:
        case DataType.INT2:
        case DataType.UINT2:
        case DataType.FLOAT4E2M1: {
          const bits = dataTypeBits(dtype);
          const isSigned = dtype === DataType.INT4 || dtype === DataType.INT2;
          const code = Number(int(t, ...(isSigned ? signed(bits) : unsigned(bits)))) & ((1 << bits) - 1);
          const bit = i * bits;
          out[bit >> 3]! |= code << (bit & 7);
          break;
        }
        default:
          this.fail(t, `${label}: ${typeName} values have no text form`);
      }
    });
    return out;
  }
}

function emptyAttribute(name: string, type: AttrType): Attribute {
  switch (type) {
    case AttrType.INT:
      return { name, type, value: 0n };
    case AttrType.FLOAT:
      return { name, type, value: 0 };
    case AttrType.STRING:
      return { name, type, value: '' };
    case AttrType.TENSOR:
      return { name, type, value: new Tensor(DataType.FLOAT, [], { kind: 'none' }) };
    case AttrType.GRAPH:
      return { name, type, value: new Graph() };
    case AttrType.TYPE_PROTO:
      return { name, type, value: tensorType(DataType.UNDEFINED) };
    case AttrType.SPARSE_TENSOR:
      return { name, type, value: { proto: {} } };
    case AttrType.INTS:
    case AttrType.FLOATS:
    case AttrType.STRINGS:
    case AttrType.TENSORS:
    case AttrType.GRAPHS:
    case AttrType.SPARSE_TENSORS:
    case AttrType.TYPE_PROTOS:
      return { name, type, value: [] } as Attribute;
    default:
      return { name, type: AttrType.INT, value: 0n };
  }
}

function singleAttribute(name: string, tok: Tok, s: Single): AttrAst {
  switch (s.kind) {
    case 'int':
      return { tok, attr: { name, type: AttrType.INT, value: s.value } };
    case 'float':
      return { tok, attr: { name, type: AttrType.FLOAT, value: Math.fround(s.value) } };
    case 'string':
      return { tok, attr: { name, type: AttrType.STRING, value: s.value } };
    case 'tensor':
      return { tok, attr: { name, type: AttrType.TENSOR, value: s.value } };
    case 'type':
      return { tok, attr: { name, type: AttrType.TYPE_PROTO, value: s.value } };
    case 'graph':
      return { tok, attr: { name, type: AttrType.GRAPH, value: new Graph(s.value.name) }, graphs: [s.value] };
    case 'ref':
      throw new Error('unreachable');
  }
}

/** A function attribute default as a plain AttributeProto object (protobufjs field names). */
function attributeProto(p: Parser, a: AttrAst): unknown {
  const attr = a.attr;
  const int64 = (v: bigint): number | string => (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : String(v));
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
  const base = { name: attr.name, type: attr.type };
  switch (attr.type) {
    case AttrType.INT:
      return { ...base, i: int64(attr.value) };
    case AttrType.FLOAT:
      return { ...base, f: attr.value };
    case AttrType.STRING:
      return { ...base, s: utf8(attr.value) };
    case AttrType.INTS:
      return { ...base, ints: attr.value.map(int64) };
    case AttrType.FLOATS:
      return { ...base, floats: attr.value };
    case AttrType.STRINGS:
      return { ...base, strings: attr.value.map(utf8) };
    default:
      return p.fail(a.tok, `function attribute '${attr.name}': defaults of type ${ATTR_TYPE_NAMES[attr.type]} are not supported in text`);
  }
}

// ---------------------------------------------------------------------------------------------
// Builder: syntax tree -> IR, resolving names against the scopes of the graph and its parents.

class Scope {
  readonly values = new Map<string, Value>();

  constructor(readonly parent: Scope | undefined) {}

  lookup(name: string): Value | undefined {
    return this.values.get(name) ?? this.parent?.lookup(name);
  }
}

class Builder {
  constructor(private readonly p: Parser) {}

  model(ast: ModelAst): Model {
    const h = ast.header;
    const graph = new Graph(ast.graph.name);
    this.graph(ast.graph, graph, undefined);
    const opsets = h.get('opset_import')?.value as Map<string, number> | undefined;
    const model = new Model(graph, {
      irVersion: (h.get('ir_version')?.value as bigint | undefined) ?? 10n,
      opsetImports: opsets ?? [['', 17]],
    });
    const str = (key: string): string | undefined => h.get(key)?.value as string | undefined;
    model.producerName = str('producer_name');
    model.producerVersion = str('producer_version');
    model.domain = str('domain');
    model.modelVersion = h.get('model_version')?.value as bigint | undefined;
    model.docString = str('doc_string');
    model.metadataProps = (h.get('metadata_props')?.value as Array<[string, string]> | undefined) ?? [];
    for (const f of ast.functions) model.functions.push(this.function(f));
    return model;
  }

  private function(f: FunctionAst): ModelFunction {
    const body = new Graph(f.name);
    const fn: ModelFunction = {
      name: f.name,
      domain: f.domain,
      overload: f.overload,
      attributeNames: f.attributeNames,
      attributeProtos: f.attributeProtos,
      opsetImports: f.opsetImports,
      body,
      docString: f.docString,
      metadataProps: undefined,
      extra: undefined,
    };
    this.graph(f.graph, body, undefined, fn);
    return fn;
  }

  graph(ast: GraphAst, g: Graph, parent: Scope | undefined, fn?: ModelFunction): void {
    const p: Parser = this.p;
    const scope = new Scope(parent);
    const where = fn ? `function '${fn.name}'` : `graph '${ast.name}'`;
    const define = (ref: NameRef, v: Value): void => {
      if (scope.values.has(ref.name)) p.fail(ref.tok, `value '${ref.name}' is defined twice in ${where}`);
      scope.values.set(ref.name, v);
    };
    // In a function, a typed formal is a value_info entry (as onnx.parser and FunctionProto have it).
    const typedFormals: Value[] = [];
    for (const vi of ast.inputs) {
      const v = g.addInput(new Value(vi.name, vi.type));
      define(vi, v);
      if (fn && vi.type !== undefined) typedFormals.push(v);
    }
    for (const vi of [...ast.inputs.filter((x) => x.init), ...ast.initializers]) {
      const tensor = vi.init!;
      tensor.name = vi.name;
      const existing = scope.values.get(vi.name);
      if (existing && g.inputs.includes(existing) && existing.constValue === undefined) {
        existing.constValue = tensor;
        g.registerInitializer(existing);
      } else {
        define(vi, defineInitializer(g, vi.name, tensor));
      }
    }
    const built: Array<{ ast: NodeAst; node: Node }> = [];
    for (const n of ast.nodes) {
      const docs = (n.note?.data['attribute_doc_strings'] as Record<string, string> | undefined) ?? {};
      for (const [attrName] of Object.entries(docs)) {
        if (!n.attrs.some((a) => a.attr.name === attrName)) p.fail(n.note!.tok, `annotation names attribute '${attrName}', which the node does not have`);
      }
      const node = new Node(
        n.opType,
        [],
        n.outputs.map((o) => o.name),
        {
          name: n.name,
          domain: n.domain,
          overload: n.overload,
          attributes: n.attrs.map((a) => (docs[a.attr.name] !== undefined ? { ...a.attr, docString: docs[a.attr.name] } : a.attr)),
          docString: n.note?.data['doc_string'] as string | undefined,
          metadataProps: n.note?.data['metadata_props'] as Array<[string, string]> | undefined,
        },
      );
      g.append(node);
      n.outputs.forEach((o, i) => {
        if (o.name !== '') define(o, node.outputs[i]!);
      });
      built.push({ ast: n, node });
    }
    for (const { ast: n, node } of built) {
      n.inputs.forEach((ref, i) => {
        if (ref.name === '') return node.appendInput(null);
        const v = scope.lookup(ref.name);
        if (!v) p.fail(ref.tok, `node ${node.describe()}: input ${i} '${ref.name}' is not defined in ${where} or an enclosing graph`);
        node.appendInput(v);
      });
    }
    for (const { ast: n, node } of built) {
      for (const a of n.attrs) {
        if (!a.graphs) continue;
        const attr = node.attr(a.attr.name)!;
        const graphs = attr.type === AttrType.GRAPH ? [attr.value] : attr.type === AttrType.GRAPHS ? attr.value : [];
        a.graphs.forEach((sub, k) => {
          const sg = graphs[k]!;
          sg.parentNode = node;
          this.graph(sub, sg, scope);
        });
      }
    }
    for (const vi of ast.outputs) {
      const v = scope.lookup(vi.name);
      if (!v) p.fail(vi.tok, `output '${vi.name}' of ${where} is not defined`);
      if (vi.type !== undefined) v.type = vi.type;
      if (fn && vi.type !== undefined) typedFormals.push(v);
      g.outputs.push(v);
    }
    g.valueInfos.push(...typedFormals);
    for (const vi of ast.valueInfos) {
      let v = scope.lookup(vi.name);
      if (!v) {
        // A value_info entry for a value no node produces: kept, as ONNX files carry such stale entries.
        v = new Value(vi.name);
        scope.values.set(vi.name, v);
      }
      v.type = vi.type;
      g.valueInfos.push(v);
    }
    for (const note of ast.notes) {
      const doc = note.data['doc_string'] as string | undefined;
      const props = note.data['metadata_props'] as Array<[string, string]> | undefined;
      const name = note.data['name'] as string;
      let target: { docString: string | undefined; metadataProps: Array<[string, string]> | undefined };
      if (note.kind === 'graph') {
        target = fn ?? g;
      } else if (note.kind === 'value') {
        const v = scope.values.get(name);
        if (!v) p.fail(note.tok, `annotation names value '${name}', which ${where} does not define`);
        target = v;
      } else {
        const t = g.initializers.get(name)?.constValue;
        if (!t) p.fail(note.tok, `annotation names initializer '${name}', which ${where} does not have`);
        target = t;
      }
      if (doc !== undefined) target.docString = doc;
      if (props !== undefined) target.metadataProps = props;
    }
  }
}

/** Adds an initializer under exactly `name` (Graph.addInitializer renames when the name is taken elsewhere in the model). */
function defineInitializer(g: Graph, name: string, tensor: Tensor): Value {
  const v = g.addInitializer(tensor, name);
  if (v.name === name) return v;
  g.initializers.delete(v.name);
  tensor.name = name;
  const w = new Value(name, v.type);
  w.constValue = tensor;
  g.registerInitializer(w);
  return w;
}
