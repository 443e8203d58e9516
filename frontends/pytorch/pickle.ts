/**
 * A Python pickle reader (protocols 2-5, the opcodes `torch.save` and CPython emit for data) and
 * a small writer for the subset ylc writes. Nothing in a pickle is ever executed.
 *
 * Contract:
 * - Python values map to JS values: None -> null, bool -> boolean, int -> number (bigint outside
 *   +-(2^53 - 1)), float -> number, str -> string, bytes -> Uint8Array, list -> array, tuple -> frozen
 *   array, dict -> Map (keys as decoded), set/frozenset -> Set.
 * - GLOBAL/STACK_GLOBAL resolve through an explicit table (`PickleGlobals`, keyed 'module.name',
 *   Python 2 module names normalised): an entry is either a `PyFunction` (our own TypeScript
 *   stand-in for the Python callable, run by REDUCE/NEWOBJ) or a constant pushed as is (e.g. a
 *   torch storage type). Anything not in the table is a `PyGlobal`; calling it (REDUCE, NEWOBJ)
 *   builds a plain record `{ __class__: 'module.Name', __args__?, ...state }` that BUILD fills
 *   with the pickled state. So `models.yolo.Model` or `os.system` alike become inert records.
 * - Persistent ids (BINPERSID) go to the caller's `persistentLoad`.
 * - Any opcode outside the supported set is a `bad-model` YlcError naming the opcode (hex and
 *   name), its offset and the source; so is a malformed stream (stack underflow, missing MARK,
 *   truncation).
 */
import { YlcError } from '../../ir/errors.js';

/** A class or function named by GLOBAL that the table does not know: inert, callable into a record. */
export class PyGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}

  get qualifiedName(): string {
    return `${this.module}.${this.name}`;
  }
}

/** Our stand-in for a Python callable the table resolves (e.g. `collections.OrderedDict`). */
export class PyFunction {
  constructor(
    readonly qualifiedName: string,
    readonly call: (args: readonly unknown[]) => unknown,
  ) {}
}

/** An instance of a class the table does not know, with its pickled state. */
export interface PyRecord {
  readonly __class__: string;
  /** Constructor arguments (NEWOBJ/REDUCE), when there were any. */
  readonly __args__?: readonly unknown[];
  /** BUILD state that was not a dict (e.g. numpy's tuple states). */
  readonly __state__?: unknown;
  readonly [key: string]: unknown;
}

export function isRecord(v: unknown): v is PyRecord {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === null && typeof (v as PyRecord).__class__ === 'string';
}

/** A fresh record; null-prototype so that state keys such as `__proto__` are plain properties. */
export function makeRecord(className: string, args?: readonly unknown[]): PyRecord {
  const record = Object.create(null) as Record<string, unknown>;
  record['__class__'] = className;
  if (args && args.length > 0) record['__args__'] = args;
  return record as PyRecord;
}

export function isTuple(v: unknown): v is readonly unknown[] {
  return Array.isArray(v) && Object.isFrozen(v);
}

export type PickleGlobals = ReadonlyMap<string, unknown>;

/** Python 2 module names as protocol-2 pickles spell them, mapped to their Python 3 names. */
const MODULE_ALIASES: Readonly<Record<string, string>> = {
  __builtin__: 'builtins',
  copy_reg: 'copyreg',
};

/** The table entries any pickle may need, independent of torch. */
export const BUILTIN_GLOBALS: PickleGlobals = new Map<string, unknown>([
  ['collections.OrderedDict', new PyFunction('collections.OrderedDict', (args) => dictFrom(args[0]))],
  ['builtins.dict', new PyFunction('builtins.dict', (args) => dictFrom(args[0]))],
  ['builtins.list', new PyFunction('builtins.list', (args) => (args[0] === undefined ? [] : [...iterableOf(args[0])]))],
  ['builtins.tuple', new PyFunction('builtins.tuple', (args) => Object.freeze(args[0] === undefined ? [] : [...iterableOf(args[0])]))],
  ['builtins.set', new PyFunction('builtins.set', (args) => new Set(args[0] === undefined ? [] : iterableOf(args[0])))],
  ['builtins.frozenset', new PyFunction('builtins.frozenset', (args) => new Set(args[0] === undefined ? [] : iterableOf(args[0])))],
  ['builtins.bytearray', new PyFunction('builtins.bytearray', (args) => bytesFrom(args[0], args[1]))],
  ['builtins.bytes', new PyFunction('builtins.bytes', (args) => bytesFrom(args[0], args[1]))],
  // Python 3 pickles bytes at protocol 2 as _codecs.encode(latin-1 text, 'latin1').
  ['_codecs.encode', new PyFunction('_codecs.encode', (args) => bytesFrom(args[0], args[1]))],
  [
    'copyreg._reconstructor',
    new PyFunction('copyreg._reconstructor', (args) => {
      const cls = args[0];
      return makeRecord(cls instanceof PyGlobal ? cls.qualifiedName : String(cls), args.slice(2).filter((a) => a !== null));
    }),
  ],
]);

function iterableOf(v: unknown): Iterable<unknown> {
  if (Array.isArray(v) || v instanceof Set) return v;
  if (v instanceof Map) return v.keys();
  throw new TypeError(`expected a list, tuple or set, got ${describe(v)}`);
}

function dictFrom(v: unknown): Map<unknown, unknown> {
  if (v === undefined || v === null) return new Map();
  if (v instanceof Map) return new Map(v);
  const out = new Map<unknown, unknown>();
  for (const item of iterableOf(v)) {
    if (!Array.isArray(item) || item.length !== 2) throw new TypeError(`expected (key, value) pairs, got ${describe(item)}`);
    out.set(item[0], item[1]);
  }
  return out;
}

function bytesFrom(v: unknown, encoding: unknown): Uint8Array {
  if (v === undefined) return new Uint8Array(0);
  if (v instanceof Uint8Array) return v.slice();
  if (typeof v === 'string') {
    if (encoding === 'latin1' || encoding === 'latin-1' || encoding === 'iso-8859-1') {
      return Uint8Array.from(v, (c) => c.charCodeAt(0) & 0xff);
    }
    return new TextEncoder().encode(v);
  }
  if (Array.isArray(v)) return Uint8Array.from(v as number[]);
  throw new TypeError(`cannot make bytes from ${describe(v)}`);
}

export function describe(v: unknown): string {
  if (v === null) return 'None';
  if (v instanceof PyGlobal || v instanceof PyFunction) return v.qualifiedName;
  if (isRecord(v)) return `a ${v.__class__} object`;
  if (isTuple(v)) return `a tuple of ${v.length}`;
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (v instanceof Map) return 'a dict';
  if (v instanceof Set) return 'a set';
  if (v instanceof Uint8Array) return 'bytes';
  if (typeof v === 'object') return `a ${v.constructor?.name ?? 'object'}`;
  return `${typeof v} ${String(v)}`;
}

/** Names of every pickle opcode (CPython's pickletools), so that errors can name what they refuse. */
const OPCODE_NAMES: Readonly<Record<number, string>> = {
  0x28: 'MARK', 0x2e: 'STOP', 0x30: 'POP', 0x31: 'POP_MARK', 0x32: 'DUP', 0x46: 'FLOAT', 0x49: 'INT',
  0x4a: 'BININT', 0x4b: 'BININT1', 0x4c: 'LONG', 0x4d: 'BININT2', 0x4e: 'NONE', 0x50: 'PERSID',
  0x51: 'BINPERSID', 0x52: 'REDUCE', 0x53: 'STRING', 0x54: 'BINSTRING', 0x55: 'SHORT_BINSTRING',
  0x56: 'UNICODE', 0x58: 'BINUNICODE', 0x61: 'APPEND', 0x62: 'BUILD', 0x63: 'GLOBAL', 0x64: 'DICT',
  0x7d: 'EMPTY_DICT', 0x65: 'APPENDS', 0x67: 'GET', 0x68: 'BINGET', 0x69: 'INST', 0x6a: 'LONG_BINGET',
  0x6c: 'LIST', 0x5d: 'EMPTY_LIST', 0x6f: 'OBJ', 0x70: 'PUT', 0x71: 'BINPUT', 0x72: 'LONG_BINPUT',
  0x73: 'SETITEM', 0x74: 'TUPLE', 0x29: 'EMPTY_TUPLE', 0x75: 'SETITEMS', 0x47: 'BINFLOAT', 0x80: 'PROTO',
  0x81: 'NEWOBJ', 0x82: 'EXT1', 0x83: 'EXT2', 0x84: 'EXT4', 0x85: 'TUPLE1', 0x86: 'TUPLE2', 0x87: 'TUPLE3',
  0x88: 'NEWTRUE', 0x89: 'NEWFALSE', 0x8a: 'LONG1', 0x8b: 'LONG4', 0x42: 'BINBYTES', 0x43: 'SHORT_BINBYTES',
  0x8c: 'SHORT_BINUNICODE', 0x8d: 'BINUNICODE8', 0x8e: 'BINBYTES8', 0x8f: 'EMPTY_SET', 0x90: 'ADDITEMS',
  0x91: 'FROZENSET', 0x92: 'NEWOBJ_EX', 0x93: 'STACK_GLOBAL', 0x94: 'MEMOIZE', 0x95: 'FRAME',
  0x96: 'BYTEARRAY8', 0x97: 'NEXT_BUFFER', 0x98: 'READONLY_BUFFER',
};

export function opcodeName(op: number): string | undefined {
  return OPCODE_NAMES[op];
}

export interface UnpickleOptions {
  /** Names the stream in errors, e.g. `yolov5n.pt (yolov5n/data.pkl)`. */
  readonly source: string;
  /** Resolution table for GLOBAL/STACK_GLOBAL; defaults to `BUILTIN_GLOBALS`. */
  readonly globals?: PickleGlobals;
  /** Called for BINPERSID with the persistent id; without it BINPERSID is an error. */
  readonly persistentLoad?: (pid: unknown) => unknown;
}

/** Decodes one pickle. */
export function unpickle(bytes: Uint8Array, options: UnpickleOptions): unknown {
  return new Unpickler(bytes, options).load();
}

export class Unpickler {
  private readonly view: DataView;
  private readonly decoder = new TextDecoder('utf-8');
  private pos = 0;
  /** Offset of the opcode being executed, for error messages. */
  private at = 0;
  private stack: unknown[] = [];
  private readonly marks: unknown[][] = [];
  private readonly memo = new Map<number, unknown>();
  private readonly globals: PickleGlobals;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly options: UnpickleOptions,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.globals = options.globals ?? BUILTIN_GLOBALS;
  }

  load(): unknown {
    for (;;) {
      this.at = this.pos;
      const op = this.u8();
      try {
        if (this.step(op)) return this.pop();
      } catch (e) {
        if (e instanceof YlcError) throw e;
        throw this.malformed(`${OPCODE_NAMES[op] ?? `0x${hex(op)}`}: ${(e as Error).message}`);
      }
    }
  }

  /** Executes one opcode; true at STOP. */
  private step(op: number): boolean {
    switch (op) {
      case 0x80: {
        const protocol = this.u8();
        if (protocol > 5) throw this.malformed(`pickle protocol ${protocol} is newer than 5`);
        return false;
      }
      case 0x95: // FRAME: framing is only a read-ahead hint
        this.take(8);
        return false;
      case 0x2e: // STOP
        return true;

      case 0x4e: this.push(null); return false;
      case 0x88: this.push(true); return false;
      case 0x89: this.push(false); return false;
      case 0x4a: this.push(this.view.getInt32(this.advance(4), true)); return false;
      case 0x4b: this.push(this.u8()); return false;
      case 0x4d: this.push(this.view.getUint16(this.advance(2), true)); return false;
      case 0x8a: this.push(decodeLong(this.take(this.u8()))); return false;
      case 0x8b: this.push(decodeLong(this.take(this.length(4)))); return false;
      case 0x47: this.push(this.view.getFloat64(this.advance(8), false)); return false;

      case 0x8c: this.push(this.decoder.decode(this.take(this.u8()))); return false;
      case 0x58: this.push(this.decoder.decode(this.take(this.length(4)))); return false;
      case 0x8d: this.push(this.decoder.decode(this.take(this.length(8)))); return false;
      // Python 2 str: its bytes as latin-1 text, as torch.load's default encoding would give.
      case 0x55: this.push(latin1(this.take(this.u8()))); return false;
      case 0x54: this.push(latin1(this.take(this.length(4)))); return false;
      case 0x43: this.push(this.take(this.u8()).slice()); return false;
      case 0x42: this.push(this.take(this.length(4)).slice()); return false;
      case 0x8e: this.push(this.take(this.length(8)).slice()); return false;
      case 0x96: this.push(this.take(this.length(8)).slice()); return false;

      case 0x28: // MARK
        this.marks.push(this.stack);
        this.stack = [];
        return false;
      case 0x31: // POP_MARK
        this.popMark();
        return false;
      case 0x30: // POP
        this.pop();
        return false;
      case 0x32: // DUP
        this.push(this.top());
        return false;

      case 0x29: this.push(Object.freeze([])); return false;
      case 0x85: this.push(Object.freeze([this.pop()])); return false;
      case 0x86: {
        const b = this.pop();
        this.push(Object.freeze([this.pop(), b]));
        return false;
      }
      case 0x87: {
        const c = this.pop();
        const b = this.pop();
        this.push(Object.freeze([this.pop(), b, c]));
        return false;
      }
      case 0x74: this.push(Object.freeze(this.popMark())); return false;

      case 0x5d: this.push([]); return false;
      case 0x6c: this.push(this.popMark()); return false;
      case 0x61: {
        const item = this.pop();
        this.listTop().push(item);
        return false;
      }
      case 0x65: {
        const items = this.popMark();
        this.listTop().push(...items);
        return false;
      }

      case 0x7d: this.push(new Map()); return false;
      case 0x64: {
        const items = this.popMark();
        const dict = new Map<unknown, unknown>();
        for (let i = 0; i + 1 < items.length; i += 2) dict.set(items[i], items[i + 1]);
        this.push(dict);
        return false;
      }
      case 0x73: {
        const value = this.pop();
        const key = this.pop();
        this.setItem(this.top(), key, value);
        return false;
      }
      case 0x75: {
        const items = this.popMark();
        const target = this.top();
        for (let i = 0; i + 1 < items.length; i += 2) this.setItem(target, items[i], items[i + 1]);
        return false;
      }

      case 0x8f: this.push(new Set()); return false;
      case 0x90: {
        const items = this.popMark();
        const set = this.top();
        if (!(set instanceof Set)) throw this.malformed(`ADDITEMS on ${describe(set)}`);
        for (const item of items) set.add(item);
        return false;
      }
      case 0x91: this.push(new Set(this.popMark())); return false;

      case 0x71: this.memo.set(this.u8(), this.top()); return false;
      case 0x72: this.memo.set(this.view.getUint32(this.advance(4), true), this.top()); return false;
      case 0x94: this.memo.set(this.memo.size, this.top()); return false;
      case 0x68: this.push(this.memoGet(this.u8())); return false;
      case 0x6a: this.push(this.memoGet(this.view.getUint32(this.advance(4), true))); return false;

      case 0x63: {
        const module = this.line();
        const name = this.line();
        this.push(this.resolve(module, name));
        return false;
      }
      case 0x93: {
        const name = this.pop();
        const module = this.pop();
        if (typeof module !== 'string' || typeof name !== 'string') throw this.malformed('STACK_GLOBAL needs two strings');
        this.push(this.resolve(module, name));
        return false;
      }
      case 0x52: {
        const args = this.pop();
        const callable = this.pop();
        this.push(this.call(callable, args));
        return false;
      }
      case 0x81: {
        const args = this.pop();
        const cls = this.pop();
        this.push(this.call(cls, args));
        return false;
      }
      case 0x92: {
        const kwargs = this.pop();
        const args = this.pop();
        const cls = this.pop();
        const obj = this.call(cls, args);
        if (isRecord(obj) && kwargs instanceof Map && kwargs.size > 0) {
          (obj as Record<string, unknown>)['__kwargs__'] = kwargs;
        }
        this.push(obj);
        return false;
      }
      case 0x62: {
        const state = this.pop();
        this.build(this.top(), state);
        return false;
      }
      case 0x51: {
        const pid = this.pop();
        if (!this.options.persistentLoad) throw this.malformed('persistent id without a persistent_load');
        this.push(this.options.persistentLoad(pid));
        return false;
      }
      default:
        throw new YlcError(
          'bad-model',
          `${this.options.source}: unsupported pickle opcode 0x${hex(op)}${OPCODE_NAMES[op] ? ` (${OPCODE_NAMES[op]})` : ''} at offset ${this.at}; re-save the file with torch.save`,
        );
    }
  }

  private resolve(module: string, name: string): unknown {
    const mod = MODULE_ALIASES[module] ?? module;
    const key = `${mod}.${name}`;
    return this.globals.has(key) ? this.globals.get(key) : new PyGlobal(mod, name);
  }

  private call(callable: unknown, args: unknown): unknown {
    if (!Array.isArray(args)) throw this.malformed(`arguments are ${describe(args)}, not a tuple`);
    if (callable instanceof PyFunction) return callable.call(args);
    if (callable instanceof PyGlobal) return makeRecord(callable.qualifiedName, args);
    throw this.malformed(`cannot call ${describe(callable)}`);
  }

  /** BUILD: a record takes the state's entries as properties; other objects keep their own state. */
  private build(obj: unknown, state: unknown): void {
    if (!isRecord(obj)) return;
    const target = obj as Record<string, unknown>;
    // (state, slotstate) pairs come from classes with __slots__.
    const parts = isTuple(state) && state.length === 2 ? state : [state];
    for (const part of parts) {
      if (part === null) continue;
      if (part instanceof Map) {
        for (const [k, v] of part) if (k !== '__class__') target[String(k)] = v;
      } else {
        target['__state__'] = state;
        return;
      }
    }
  }

  private setItem(target: unknown, key: unknown, value: unknown): void {
    if (target instanceof Map) target.set(key, value);
    else if (isRecord(target)) (target as Record<string, unknown>)[String(key)] = value;
    else throw this.malformed(`SETITEM on ${describe(target)}`);
  }

  private listTop(): unknown[] {
    const list = this.top();
    if (!Array.isArray(list) || Object.isFrozen(list)) throw this.malformed(`APPEND on ${describe(list)}`);
    return list;
  }

  private memoGet(index: number): unknown {
    if (!this.memo.has(index)) throw this.malformed(`memo entry ${index} was never stored`);
    return this.memo.get(index);
  }

  private push(v: unknown): void {
    this.stack.push(v);
  }

  private pop(): unknown {
    if (this.stack.length === 0) throw this.malformed('stack underflow');
    return this.stack.pop();
  }

  private top(): unknown {
    if (this.stack.length === 0) throw this.malformed('stack underflow');
    return this.stack[this.stack.length - 1];
  }

  private popMark(): unknown[] {
    const items = this.stack;
    const previous = this.marks.pop();
    if (!previous) throw this.malformed('no MARK to pop to');
    this.stack = previous;
    return items;
  }

  private u8(): number {
    if (this.pos >= this.bytes.length) throw this.truncated();
    return this.bytes[this.pos++]!;
  }

  /** Moves past `n` bytes and returns where they started. */
  private advance(n: number): number {
    if (this.pos + n > this.bytes.length) throw this.truncated();
    const start = this.pos;
    this.pos += n;
    return start;
  }

  private take(n: number): Uint8Array {
    const start = this.advance(n);
    return this.bytes.subarray(start, start + n);
  }

  private length(width: 4 | 8): number {
    const start = this.advance(width);
    return width === 4 ? this.view.getUint32(start, true) : Number(this.view.getBigUint64(start, true));
  }

  private line(): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) throw this.truncated();
    const text = this.decoder.decode(this.bytes.subarray(this.pos, end));
    this.pos = end + 1;
    return text;
  }

  private truncated(): YlcError {
    return new YlcError('bad-model', `${this.options.source}: pickle ends unexpectedly at offset ${this.bytes.length}; the file is truncated`);
  }

  private malformed(why: string): YlcError {
    return new YlcError('bad-model', `${this.options.source}: malformed pickle at offset ${this.at} (${why})`);
  }
}

function hex(op: number): string {
  return op.toString(16).padStart(2, '0');
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** LONG1/LONG4 payload: little-endian two's complement. */
function decodeLong(bytes: Uint8Array): number | bigint {
  if (bytes.length === 0) return 0;
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]!);
  if (bytes[bytes.length - 1]! & 0x80) v -= 1n << BigInt(bytes.length * 8);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/**
 * Writes protocol-2 pickles opcode by opcode (what torch.save's pickler emits for a state dict).
 * GLOBALs are memoised (BINPUT on first use, BINGET after), like CPython's pickler.
 */
export class PickleWriter {
  private chunks: number[] = [];
  private readonly encoder = new TextEncoder();
  private readonly globalsMemo = new Map<string, number>();
  private nextMemo = 0;

  proto(protocol = 2): this {
    return this.op(0x80, protocol);
  }

  global(module: string, name: string): this {
    const key = `${module}\n${name}\n`;
    const memo = this.globalsMemo.get(key);
    if (memo !== undefined) return this.get(memo);
    this.op(0x63).raw(this.encoder.encode(key));
    this.globalsMemo.set(key, this.nextMemo);
    return this.put(this.nextMemo++);
  }

  mark(): this {
    return this.op(0x28);
  }

  emptyTuple(): this {
    return this.op(0x29);
  }

  emptyDict(): this {
    return this.op(0x7d);
  }

  /** TUPLE1/2/3 for short tuples, TUPLE after a MARK otherwise. */
  tuple(items: readonly (() => void)[]): this {
    if (items.length === 0) return this.emptyTuple();
    if (items.length > 3) this.mark();
    for (const item of items) item();
    return this.op(items.length === 1 ? 0x85 : items.length === 2 ? 0x86 : items.length === 3 ? 0x87 : 0x74);
  }

  intTuple(values: readonly number[]): this {
    return this.tuple(values.map((v) => () => this.int(v)));
  }

  reduce(): this {
    return this.op(0x52);
  }

  setItems(): this {
    return this.op(0x75);
  }

  binPersId(): this {
    return this.op(0x51);
  }

  none(): this {
    return this.op(0x4e);
  }

  bool(v: boolean): this {
    return this.op(v ? 0x88 : 0x89);
  }

  int(v: number | bigint): this {
    if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new RangeError(`int: ${v} is not a safe integer`);
    if (typeof v === 'number' && v >= 0 && v < 0x100) return this.op(0x4b, v);
    if (typeof v === 'number' && v >= 0 && v < 0x10000) return this.op(0x4d, v & 0xff, v >> 8);
    if (typeof v === 'number' && v >= -0x80000000 && v <= 0x7fffffff) {
      return this.op(0x4a, v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
    }
    // LONG1: minimal little-endian two's complement.
    let big = BigInt(v);
    const out: number[] = [];
    for (;;) {
      const byte = Number(big & 0xffn);
      out.push(byte);
      big >>= 8n;
      if ((big === 0n && !(byte & 0x80)) || (big === -1n && byte & 0x80)) break;
    }
    return this.op(0x8a, out.length, ...out);
  }

  unicode(s: string): this {
    const bytes = this.encoder.encode(s);
    const n = bytes.length;
    return this.op(0x58, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff).raw(bytes);
  }

  stop(): this {
    return this.op(0x2e);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }

  private put(index: number): this {
    return index < 0x100 ? this.op(0x71, index) : this.op(0x72, index & 0xff, (index >> 8) & 0xff, (index >> 16) & 0xff, index >>> 24);
  }

  private get(index: number): this {
    return index < 0x100 ? this.op(0x68, index) : this.op(0x6a, index & 0xff, (index >> 8) & 0xff, (index >> 16) & 0xff, index >>> 24);
  }

  private op(...bytes: number[]): this {
    for (const b of bytes) this.chunks.push(b);
    return this;
  }

  private raw(bytes: Uint8Array): this {
    for (const b of bytes) this.chunks.push(b);
    return this;
  }
}
