/**
 * Pieces of the ONNX text syntax shared by the printer, the parser and the differ: which names
 * need quotes, how numbers are written so that they read back bit for bit, attribute type names,
 * and the one-line summary that stands in for the values of a large tensor.
 *
 * The format itself is documented in print.ts.
 */
import { createHash } from 'node:crypto';
import { AttrType } from '../attribute.js';
import { DataType, dataTypeFromName, dataTypeName, isKnownDataType, rawByteLength } from '../dtype.js';
import type { Tensor } from '../tensor.js';

export const INDENT = '   ';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FLOAT_WORD = /^(inf|infinity|nan)$/i;

/** Words that start a type; a value with such a name is quoted so that it cannot read as a type. */
export const TYPE_KEYWORDS: ReadonlySet<string> = new Set(['seq', 'map', 'optional', 'sparse_tensor', 'opaque']);

const RESERVED: ReadonlySet<string> = new Set([
  ...TYPE_KEYWORDS,
  ...Array.from({ length: 64 }, (_, i) => i)
    .filter(isKnownDataType)
    .map((d) => dataTypeName(d)),
]);

export function isIdentifier(s: string): boolean {
  return IDENTIFIER.test(s);
}

/** True when `word` starts a type in a value-info position. */
export function isTypeWord(word: string): boolean {
  return dataTypeFromName(word) !== undefined || TYPE_KEYWORDS.has(word);
}

/** A double-quoted string literal; like onnx.printer, only `\` and `"` are escaped. */
export function quote(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

/** A name as an identifier when it reads back as the same name in every position, else quoted. */
export function formatName(s: string): string {
  return IDENTIFIER.test(s) && !RESERVED.has(s) && !FLOAT_WORD.test(s) ? s : quote(s);
}

export function isFloatWord(s: string): boolean {
  return FLOAT_WORD.test(s);
}

/** The shortest decimal (at most 9 significant digits) that reads back as the same float32. */
export function formatFloat32(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0.0';
  const f = Math.fround(x);
  // If p correctly rounded digits read back as f, so do p + 1: binary search the smallest p in 1..9.
  let lo = 1;
  let hi = 9;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Math.fround(Number(f.toPrecision(mid))) === f) hi = mid;
    else lo = mid + 1;
  }
  return plainOrExponent(Number(f.toPrecision(lo)));
}

/** JS writes numbers below 1e21 in full; an integral literal that long would read as an int64. */
function plainOrExponent(x: number): string {
  const s = String(x);
  return Math.abs(x) >= 1e16 && !/[.e]/.test(s) ? x.toExponential() : s;
}

/** The shortest decimal that reads back as the same float64. */
export function formatFloat64(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0.0';
  return plainOrExponent(x);
}

/** A numeric literal as the lexer saw it (`1`, `-2.5e-3`, `inf`, `-nan`) as a float64. */
export function floatLiteralValue(text: string): number {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  if (/^nan$/i.test(body)) return NaN;
  if (/^inf(inity)?$/i.test(body)) return negative ? -Infinity : Infinity;
  return Number(text);
}

export const ATTR_TYPE_NAMES: Readonly<Record<AttrType, string>> = {
  [AttrType.UNDEFINED]: 'undefined',
  [AttrType.FLOAT]: 'float',
  [AttrType.INT]: 'int',
  [AttrType.STRING]: 'string',
  [AttrType.TENSOR]: 'tensor',
  [AttrType.GRAPH]: 'graph',
  [AttrType.SPARSE_TENSOR]: 'sparse_tensor',
  [AttrType.TYPE_PROTO]: 'type_proto',
  [AttrType.FLOATS]: 'floats',
  [AttrType.INTS]: 'ints',
  [AttrType.STRINGS]: 'strings',
  [AttrType.TENSORS]: 'tensors',
  [AttrType.GRAPHS]: 'graphs',
  [AttrType.SPARSE_TENSORS]: 'sparse_tensors',
  [AttrType.TYPE_PROTOS]: 'type_protos',
};

const ATTR_TYPE_BY_NAME: ReadonlyMap<string, AttrType> = new Map(
  Object.entries(ATTR_TYPE_NAMES)
    .filter(([code]) => Number(code) !== AttrType.UNDEFINED)
    .map(([code, name]) => [name, Number(code) as AttrType]),
);

export function attrTypeFromName(name: string): AttrType | undefined {
  return ATTR_TYPE_BY_NAME.get(name);
}

/** `float[16,3,6,6]`, `int64` (a scalar). */
export function tensorTypeText(t: Tensor): string {
  return dataTypeName(t.dtype) + (t.dims.length > 0 ? `[${t.dims.join(',')}]` : '');
}

/**
 * How the elements of a dtype are written inline, or undefined when the dtype has no inline form
 * (float6 types, undefined). Floats print as the shortest round-trip decimal; float16, bfloat16 and
 * float8 types as their unsigned bit patterns (as onnx.printer does); 4- and 2-bit integer types as
 * their values; float4e2m1 as its 4-bit codes; complex types as interleaved real, imaginary parts.
 */
export function hasInlineForm(dtype: DataType): boolean {
  switch (dtype) {
    case DataType.UNDEFINED:
    case DataType.FLOAT6E2M3:
    case DataType.FLOAT6E3M2:
      return false;
    default:
      return isKnownDataType(dtype);
  }
}

/** The elements of `t` as literals, or undefined when they cannot be written inline. */
export function elementLiterals(t: Tensor): string[] | undefined {
  const dtype = t.dtype;
  if (!hasInlineForm(dtype)) return undefined;
  const n = t.size;
  if (dtype === DataType.STRING) return t.storage.kind === 'stringData' ? t.toStrings().map(quote) : undefined;
  const bytes = t.bytes();
  if (bytes.byteLength < rawByteLength(dtype, n)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  const each = (count: number, f: (i: number) => string): string[] => {
    for (let i = 0; i < count; i++) out.push(f(i));
    return out;
  };
  switch (dtype) {
    case DataType.FLOAT:
      return each(n, (i) => formatFloat32(view.getFloat32(i * 4, true)));
    case DataType.DOUBLE:
      return each(n, (i) => formatFloat64(view.getFloat64(i * 8, true)));
    case DataType.COMPLEX64:
      return each(2 * n, (i) => formatFloat32(view.getFloat32(i * 4, true)));
    case DataType.COMPLEX128:
      return each(2 * n, (i) => formatFloat64(view.getFloat64(i * 8, true)));
    case DataType.INT64:
      return each(n, (i) => String(view.getBigInt64(i * 8, true)));
    case DataType.UINT64:
      return each(n, (i) => String(view.getBigUint64(i * 8, true)));
    case DataType.FLOAT16:
    case DataType.BFLOAT16:
      return each(n, (i) => String(view.getUint16(i * 2, true)));
    case DataType.FLOAT8E4M3FN:
    case DataType.FLOAT8E4M3FNUZ:
    case DataType.FLOAT8E5M2:
    case DataType.FLOAT8E5M2FNUZ:
    case DataType.FLOAT8E8M0:
      return each(n, (i) => String(view.getUint8(i)));
    case DataType.FLOAT4E2M1:
      return each(n, (i) => String((view.getUint8(i >> 1) >> ((i & 1) * 4)) & 0xf));
    default:
      return t.toNumbers().map(String);
  }
}

/** Number of literals an inline tensor body holds (complex elements take two). */
export function literalCount(dtype: DataType, size: number): number {
  return dtype === DataType.COMPLEX64 || dtype === DataType.COMPLEX128 ? 2 * size : size;
}

function formatStat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return String(Number(x.toPrecision(4)));
}

/** Statistics of a tensor's values, for summaries and diffs; undefined for non-numeric dtypes. */
export function numericValues(t: Tensor): Float64Array | undefined {
  switch (t.dtype) {
    case DataType.FLOAT:
    case DataType.DOUBLE:
    case DataType.FLOAT16:
    case DataType.BFLOAT16:
    case DataType.INT8:
    case DataType.UINT8:
    case DataType.INT16:
    case DataType.UINT16:
    case DataType.INT32:
    case DataType.UINT32:
    case DataType.INT64:
    case DataType.UINT64:
    case DataType.BOOL:
    case DataType.INT4:
    case DataType.UINT4:
    case DataType.INT2:
    case DataType.UINT2:
      break;
    default:
      return undefined;
  }
  if (t.storage.kind === 'none' || t.bytes().byteLength < rawByteLength(t.dtype, t.size)) return undefined;
  return t.toFloat64();
}

/** First 12 hex digits of the SHA-256 of the tensor's raw bytes (strings: of their UTF-8, NUL-separated). */
export function tensorDigest(t: Tensor): string {
  const hash = createHash('sha256');
  if (t.dtype === DataType.STRING && t.storage.kind === 'stringData') {
    for (const s of t.storage.values) {
      hash.update(s);
      hash.update(new Uint8Array(1));
    }
  } else {
    hash.update(t.bytes());
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * `min -0.4102 max 0.3901 mean 0.001234 sha256 3fa2c1d4e5f6`: min and max exactly for integers,
 * 4 significant digits otherwise, NaNs counted apart (`nan 3`); non-numeric dtypes get the digest only.
 */
export function tensorSummary(t: Tensor): string {
  const parts: string[] = [];
  const values = numericValues(t);
  if (values && values.length > 0) {
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    let nan = 0;
    for (const v of values) {
      if (Number.isNaN(v)) {
        nan++;
        continue;
      }
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    if (nan < values.length) {
      parts.push(`min ${formatStat(min)}`, `max ${formatStat(max)}`, `mean ${formatStat(sum / (values.length - nan))}`);
    }
    if (nan > 0) parts.push(`nan ${nan}`);
  }
  parts.push(`sha256 ${tensorDigest(t)}`);
  return parts.join(' ');
}
