/**
 * The arrays the constant-folding kernels compute with: a dtype, dims and a typed array of the
 * elements (a fresh copy, never a view of a model tensor). int64/uint64 are BigInt64Array/
 * BigUint64Array; float16/bfloat16 and the 8-bit floats are kept as their bit patterns, which
 * the data-movement kernels can copy but arithmetic does not interpret. Storing into a typed array
 * gives the element type's semantics for free: float32 rounding (Math.fround) and two's-complement
 * wrap-around of integers.
 */
import { DataType, dataTypeName } from '../../ir/dtype.js';
import { Tensor } from '../../ir/tensor.js';

export type Elements =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

export type Scalar = number | bigint;

export interface NdArray {
  readonly dtype: DataType;
  readonly dims: readonly number[];
  readonly data: Elements;
}

/** The kernel cannot compute this (dtype, attribute form, ...): ONNX Runtime may. */
export class Unsupported extends Error {}

/** The node must not be folded (error at run time, output too large, undefined behaviour). */
export class Refused extends Error {}

type ElementsCtor = { new (length: number): Elements; BYTES_PER_ELEMENT: number };

const STORAGE: ReadonlyMap<DataType, ElementsCtor> = new Map<DataType, ElementsCtor>([
  [DataType.FLOAT, Float32Array],
  [DataType.DOUBLE, Float64Array],
  [DataType.INT8, Int8Array],
  [DataType.UINT8, Uint8Array],
  [DataType.BOOL, Uint8Array],
  [DataType.INT16, Int16Array],
  [DataType.UINT16, Uint16Array],
  [DataType.INT32, Int32Array],
  [DataType.UINT32, Uint32Array],
  [DataType.INT64, BigInt64Array],
  [DataType.UINT64, BigUint64Array],
  [DataType.FLOAT16, Uint16Array],
  [DataType.BFLOAT16, Uint16Array],
  [DataType.FLOAT8E4M3FN, Uint8Array],
  [DataType.FLOAT8E4M3FNUZ, Uint8Array],
  [DataType.FLOAT8E5M2, Uint8Array],
  [DataType.FLOAT8E5M2FNUZ, Uint8Array],
  [DataType.FLOAT8E8M0, Uint8Array],
]);

function storageOf(dtype: DataType): ElementsCtor {
  const ctor = STORAGE.get(dtype);
  if (!ctor) throw new Unsupported(`${dataTypeName(dtype)} tensors`);
  return ctor;
}

/** Arithmetic classes: how kernels compute with a dtype's elements. */
export type NumericClass = 'float' | 'int' | 'bigint' | 'bool' | 'opaque';

export function numericClass(dtype: DataType): NumericClass {
  switch (dtype) {
    case DataType.FLOAT:
    case DataType.DOUBLE:
      return 'float';
    case DataType.INT8:
    case DataType.UINT8:
    case DataType.INT16:
    case DataType.UINT16:
    case DataType.INT32:
    case DataType.UINT32:
      return 'int';
    case DataType.INT64:
    case DataType.UINT64:
      return 'bigint';
    case DataType.BOOL:
      return 'bool';
    default:
      return 'opaque';
  }
}

export function sizeOf(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/** A copy of `t`'s elements (the tensor's own bytes are never handed out). */
export function fromTensor(t: Tensor): NdArray {
  if (t.storage.kind === 'stringData') throw new Unsupported('string tensors');
  const ctor = storageOf(t.dtype);
  const n = t.size;
  const bytes = t.bytes();
  if (bytes.byteLength !== n * ctor.BYTES_PER_ELEMENT) {
    throw new Refused(`constant '${t.name}' holds ${bytes.byteLength} bytes, ${t.describe()} needs ${n * ctor.BYTES_PER_ELEMENT}`);
  }
  const data = new ctor(n);
  new Uint8Array(data.buffer).set(bytes);
  return { dtype: t.dtype, dims: [...t.dims], data };
}

export function toTensor(a: NdArray, name = ''): Tensor {
  return Tensor.fromBytes(a.dtype, a.dims, new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength), { name });
}

/** A zero-filled array; refuses when it would exceed `limit` elements. */
export function alloc(dtype: DataType, dims: readonly number[], limit: number): NdArray {
  const n = sizeOf(dims);
  if (dims.some((d) => !Number.isInteger(d) || d < 0)) throw new Refused(`invalid output shape [${dims.join(',')}]`);
  if (n > limit) throw new Refused(`the output would have ${n} elements, over the size limit of ${limit}`);
  return { dtype, dims: [...dims], data: new (storageOf(dtype))(n) };
}

/** Indexed read/write of any Elements; the typed array converts on store. */
export function at(data: Elements): { [i: number]: Scalar } {
  return data as unknown as { [i: number]: Scalar };
}

/** Element values of an integer array (indices, shapes, axes) as numbers. */
export function toIndices(a: NdArray, what: string): number[] {
  const cls = numericClass(a.dtype);
  if (cls !== 'int' && cls !== 'bigint') throw new Refused(`${what} must be an integer tensor, got ${dataTypeName(a.dtype)}`);
  return Array.from(a.data as ArrayLike<Scalar>, (v) => Number(v));
}

/** Element values as numbers (floats, ints, bools; int64 beyond 2^53 rounds). */
export function toNumbers(a: NdArray): number[] {
  const cls = numericClass(a.dtype);
  if (cls === 'opaque') throw new Unsupported(`${dataTypeName(a.dtype)} arithmetic`);
  return Array.from(a.data as ArrayLike<Scalar>, (v) => Number(v));
}

export function fromInt64s(dims: readonly number[], values: readonly number[]): NdArray {
  return { dtype: DataType.INT64, dims: [...dims], data: BigInt64Array.from(values, (v) => BigInt(v)) };
}

/** Row-major strides of `dims`. */
export function stridesOf(dims: readonly number[]): number[] {
  const s = new Array<number>(dims.length);
  let acc = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= dims[i]!;
  }
  return s;
}

/** Multidirectional (numpy) broadcasting of shapes; refuses when they do not broadcast. */
export function broadcastShapes(shapes: ReadonlyArray<readonly number[]>): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const o = rank - s.length + i;
      const d = s[i]!;
      if (d === out[o]) continue;
      if (out[o] === 1) out[o] = d;
      else if (d !== 1) throw new Refused(`shapes ${shapes.map((x) => `[${x.join(',')}]`).join(' and ')} do not broadcast`);
    }
  }
  return out;
}

/** For each element of an array of shape `outDims`, the flat index of the element of `inDims` it broadcasts from. */
export function broadcastIndex(inDims: readonly number[], outDims: readonly number[]): Int32Array | undefined {
  const n = sizeOf(outDims);
  if (inDims.length === outDims.length && inDims.every((d, i) => d === outDims[i])) return undefined;
  const rank = outDims.length;
  const inStrides = stridesOf(inDims);
  const strides = new Array<number>(rank).fill(0);
  for (let i = 0; i < inDims.length; i++) {
    const o = rank - inDims.length + i;
    strides[o] = inDims[i] === 1 ? 0 : inStrides[i]!;
  }
  const index = new Int32Array(n);
  const counter = new Array<number>(rank).fill(0);
  let offset = 0;
  for (let k = 0; k < n; k++) {
    index[k] = offset;
    for (let d = rank - 1; d >= 0; d--) {
      counter[d]!++;
      offset += strides[d]!;
      if (counter[d]! < outDims[d]!) break;
      offset -= strides[d]! * counter[d]!;
      counter[d] = 0;
    }
  }
  return index;
}

/** Normalizes a possibly negative axis of a rank-`rank` tensor; refuses when out of range. */
export function normalizeAxis(axis: number, rank: number, what = 'axis'): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) throw new Refused(`${what} ${axis} is out of range for rank ${rank}`);
  return a;
}
