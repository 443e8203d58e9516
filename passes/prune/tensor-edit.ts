/**
 * New tensors from old ones for channel pruning: keep some indices along some axes, add a vector
 * along an axis, permute axes, convert between float types. The old tensor is never written (its
 * bytes may be a view of the file buffer shared with other tensors); every result is a new tensor.
 * Slicing copies raw elements (bit patterns, any dtype of 1, 2, 4 or 8 bytes), so weights of any
 * type are sliced exactly; arithmetic (adds, casts) is done in float64 and rounded once.
 */
import { DataType, dataTypeName } from '../../ir/dtype.js';
import { numberToFloat16Bits } from '../../ir/half.js';
import { Tensor } from '../../ir/tensor.js';

const FLOATS: ReadonlySet<DataType> = new Set([DataType.FLOAT, DataType.DOUBLE, DataType.FLOAT16]);

function elementBytes(dtype: DataType): number {
  switch (dtype) {
    case DataType.DOUBLE:
    case DataType.INT64:
    case DataType.UINT64:
      return 8;
    case DataType.FLOAT:
    case DataType.INT32:
    case DataType.UINT32:
      return 4;
    case DataType.FLOAT16:
    case DataType.BFLOAT16:
    case DataType.INT16:
    case DataType.UINT16:
      return 2;
    case DataType.INT8:
    case DataType.UINT8:
    case DataType.BOOL:
      return 1;
    default:
      throw new TypeError(`cannot slice a ${dataTypeName(dtype)} tensor`);
  }
}

/** Raw bytes of `t`, copied when they are not aligned for word access (file buffers may not be). */
function alignedBytes(t: Tensor, width: number): Uint8Array {
  const src = t.bytes();
  if (src.byteOffset % Math.min(width, 4) === 0) return src;
  const copy = new Uint8Array(src.byteLength);
  copy.set(src);
  return copy;
}

type Words = Uint8Array | Uint16Array | Uint32Array;

function wordsOf(bytes: Uint8Array, width: number): { words: Words; per: number } {
  // 8-byte elements are copied as two 32-bit words.
  if (width === 1) return { words: bytes, per: 1 };
  if (width === 2) return { words: new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2), per: 1 };
  return { words: new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4), per: width / 4 };
}

/**
 * `t` with only the indices `keep[axis]` along each axis that has a keep list (in the given
 * order); other axes whole.
 */
export function sliceTensor(t: Tensor, keep: ReadonlyMap<number, readonly number[]>): Tensor {
  const dims = t.dims;
  for (const [axis, k] of keep) {
    if (axis < 0 || axis >= dims.length) throw new RangeError(`sliceTensor: axis ${axis} out of range for ${t.describe()}`);
    for (const i of k) if (i < 0 || i >= dims[axis]!) throw new RangeError(`sliceTensor: index ${i} out of range on axis ${axis} of ${t.describe()}`);
  }
  const outDims = dims.map((d, a) => keep.get(a)?.length ?? d);
  const width = elementBytes(t.dtype);
  const size = outDims.reduce((a, b) => a * b, 1);
  const out = new Uint8Array(size * width);
  if (size === 0) return Tensor.fromBytes(t.dtype, outDims, out);
  // Innermost axes without a keep list form contiguous runs.
  let last = dims.length - 1;
  while (last >= 0 && !keep.has(last)) last--;
  if (last < 0) {
    out.set(t.bytes().subarray(0, size * width));
    return Tensor.fromBytes(t.dtype, outDims, out);
  }
  let run = 1;
  for (let a = last + 1; a < dims.length; a++) run *= dims[a]!;
  const { words: src, per } = wordsOf(alignedBytes(t, width), width);
  const { words: dst } = wordsOf(out, width);
  const runWords = run * per;
  // Source offsets (in runs) of the outer index lists, combined axis by axis.
  let offsets: number[] = [0];
  for (let a = 0; a <= last; a++) {
    const list = keep.get(a) ?? Array.from({ length: dims[a]! }, (_, i) => i);
    const next = new Array<number>(offsets.length * list.length);
    let k = 0;
    for (const o of offsets) for (const i of list) next[k++] = o * dims[a]! + i;
    offsets = next;
  }
  let d = 0;
  if (runWords >= 16) {
    for (const o of offsets) {
      const s = o * runWords;
      dst.set(src.subarray(s, s + runWords), d);
      d += runWords;
    }
  } else {
    for (const o of offsets) {
      let s = o * runWords;
      for (let w = 0; w < runWords; w++) dst[d++] = src[s++]!;
    }
  }
  return Tensor.fromBytes(t.dtype, outDims, out);
}

/** `t` with `values[i]` added to every element whose index along `axis` is i (float tensors). */
export function addAlongAxis(t: Tensor, axis: number, values: Float64Array): Tensor {
  if (!FLOATS.has(t.dtype)) throw new TypeError(`cannot add to a ${dataTypeName(t.dtype)} tensor`);
  const dims = t.dims;
  if (dims[axis] !== values.length) throw new RangeError(`addAlongAxis: ${values.length} values for axis ${axis} of ${t.describe()}`);
  let inner = 1;
  for (let a = axis + 1; a < dims.length; a++) inner *= dims[a]!;
  const n = dims[axis]!;
  const data = toFloat64(t);
  for (let i = 0; i < data.length; i++) data[i] = data[i]! + values[Math.floor(i / inner) % n]!;
  return fromFloat64(t.dtype, dims, data);
}

/** A float tensor of `dtype` holding `values` (rounded once). */
export function fromFloat64(dtype: DataType, dims: readonly number[], values: Float64Array): Tensor {
  if (dtype === DataType.DOUBLE) return Tensor.fromBytes(dtype, dims, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  if (dtype === DataType.FLOAT16) {
    const bits = Uint16Array.from(values, numberToFloat16Bits);
    return Tensor.fromBytes(dtype, dims, new Uint8Array(bits.buffer));
  }
  if (dtype === DataType.FLOAT) return Tensor.fromFloat32(dims, Float32Array.from(values));
  throw new TypeError(`cannot make a ${dataTypeName(dtype)} tensor from numbers`);
}

/** `t` with its axes permuted (`perm[j]` = the input axis of output axis j). */
export function transposeTensor(t: Tensor, perm: readonly number[]): Tensor {
  const dims = t.dims;
  const outDims = perm.map((p) => dims[p]!);
  const width = elementBytes(t.dtype);
  const { words: src, per } = wordsOf(alignedBytes(t, width), width);
  const out = new Uint8Array(t.size * width);
  const { words: dst } = wordsOf(out, width);
  const strides = dims.map((_, a) => dims.slice(a + 1).reduce((x, y) => x * y, 1));
  const idx = new Array<number>(outDims.length).fill(0);
  for (let k = 0; k < t.size; k++) {
    let s = 0;
    for (let j = 0; j < outDims.length; j++) s += idx[j]! * strides[perm[j]!]!;
    for (let w = 0; w < per; w++) dst[k * per + w] = src[s * per + w]!;
    for (let j = outDims.length - 1; j >= 0; j--) {
      if (++idx[j]! < outDims[j]!) break;
      idx[j] = 0;
    }
  }
  return Tensor.fromBytes(t.dtype, outDims, out);
}

/** `t` converted to the float type `to`. */
export function castTensor(t: Tensor, to: DataType): Tensor {
  if (t.dtype === to) return t;
  return fromFloat64(to, t.dims, toFloat64(t));
}

/** `t` with new dims (same element order). */
export function reshapeTensor(t: Tensor, dims: readonly number[]): Tensor {
  return Tensor.fromBytes(t.dtype, dims, t.bytes());
}

/** Float64 values of a float tensor (float32 through one aligned copy, not element by element). */
export function toFloat64(t: Tensor): Float64Array {
  return t.dtype === DataType.FLOAT ? Float64Array.from(t.toFloat32()) : t.toFloat64();
}
