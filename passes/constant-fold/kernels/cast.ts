/**
 * Cast between the real numeric types, bool, float16 and bfloat16. Integer-to-integer casts wrap
 * (static_cast); float-to-integer casts truncate toward zero, and are refused (not folded, not
 * handed to ONNX Runtime) when the value is NaN, infinite or out of the target's range: that is
 * undefined behaviour in C++, so the result is whatever the CPU running the model does (x86 gives
 * INT_MIN, ARM saturates), and the build host's answer must not be baked into the model, as Div
 * refuses INT_MIN / -1. float16/bfloat16 conversions round to nearest even.
 * Strings, 8-bit floats and sub-byte types go to ONNX Runtime. int64 -> float32 of magnitudes
 * above 2^53 rounds twice (to float64, then float32) and can differ from a direct cast in the
 * last bit.
 */
import { DataType, dataTypeName } from '../../../ir/dtype.js';
import { bfloat16BitsToNumber, float16BitsToNumber, numberToBfloat16Bits, numberToFloat16Bits } from '../../../ir/half.js';
import { alloc, at, numericClass, Refused, Unsupported, type NdArray, type Scalar } from '../ndarray.js';
import { required, type Kernel } from './types.js';

const INT_RANGE: ReadonlyMap<DataType, readonly [number, number]> = new Map([
  [DataType.INT8, [-128, 127]],
  [DataType.UINT8, [0, 255]],
  [DataType.INT16, [-32768, 32767]],
  [DataType.UINT16, [0, 65535]],
  [DataType.INT32, [-2147483648, 2147483647]],
  [DataType.UINT32, [0, 4294967295]],
  [DataType.INT64, [-9223372036854775808, 9223372036854775807]],
  [DataType.UINT64, [0, 18446744073709551615]],
]);

/** Reads elements of `a` as numbers or bigints, decoding the half-precision bit patterns. */
function reader(a: NdArray): (i: number) => Scalar {
  const src = at(a.data);
  if (a.dtype === DataType.FLOAT16) return (i) => float16BitsToNumber(src[i] as number);
  if (a.dtype === DataType.BFLOAT16) return (i) => bfloat16BitsToNumber(src[i] as number);
  if (numericClass(a.dtype) === 'opaque') throw new Unsupported(`Cast from ${dataTypeName(a.dtype)}`);
  return (i) => src[i]!;
}

function converter(from: DataType, to: DataType): (x: Scalar) => Scalar {
  const fromFloat = (numericClass(from) === 'float' || from === DataType.FLOAT16 || from === DataType.BFLOAT16);
  switch (to) {
    case DataType.FLOAT:
    case DataType.DOUBLE:
      return (x) => Number(x);
    case DataType.FLOAT16:
      return (x) => numberToFloat16Bits(Number(x));
    case DataType.BFLOAT16:
      return (x) => numberToBfloat16Bits(Number(x));
    case DataType.BOOL:
      return (x) => (typeof x === 'bigint' ? x !== 0n : x !== 0) ? 1 : 0;
    default:
      break;
  }
  const range = INT_RANGE.get(to);
  if (!range) throw new Unsupported(`Cast to ${dataTypeName(to)}`);
  const big = numericClass(to) === 'bigint';
  if (fromFloat) {
    return (x) => {
      const t = Math.trunc(x as number);
      // The upper bounds of the 64-bit ranges round up to 2^63 / 2^64 as floats: exclude them.
      if (!Number.isFinite(t) || t < range[0] || t > range[1] || (big && t === range[1])) {
        throw new Refused(`casting ${x} to ${dataTypeName(to)} is undefined behaviour`);
      }
      return big ? BigInt(t) : t;
    };
  }
  if (big) return (x) => (typeof x === 'bigint' ? x : BigInt(x));
  const bits = Math.log2(range[1] - range[0] + 1);
  const signed = range[0] < 0;
  return (x) => (typeof x === 'bigint' ? Number(signed ? BigInt.asIntN(bits, x) : BigInt.asUintN(bits, x)) : x);
}

function castTo(a: Parameters<typeof reader>[0], to: DataType, limit: number): ReturnType<typeof alloc> {
  const read = reader(a);
  const convert = converter(a.dtype, to);
  const out = alloc(to, a.dims, limit);
  const dst = at(out.data);
  for (let i = 0; i < out.data.length; i++) dst[i] = convert(read(i));
  return out;
}

export const Cast: Kernel = (inputs, ctx) => {
  const a = required(inputs, 0, ctx);
  const to = ctx.node.attrInt('to');
  if (to === undefined) throw new Unsupported('Cast without to');
  return [castTo(a, to as DataType, ctx.limit)];
};

/** CastLike: Cast to the element type of input 1 (its values are not read). */
export const CastLike: Kernel = (inputs, ctx) => {
  const a = required(inputs, 0, ctx);
  const like = required(inputs, 1, ctx);
  return [castTo(a, like.dtype, ctx.limit)];
};
