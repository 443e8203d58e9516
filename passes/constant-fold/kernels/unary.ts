/** Elementwise unary ops: Neg, Abs (any signed/unsigned number), Sqrt, Reciprocal (floats). */
import { dataTypeName } from '../../../ir/dtype.js';
import { alloc, at, numericClass, Unsupported, type NdArray, type Scalar } from '../ndarray.js';
import { required, type Kernel } from './types.js';

function map1(a: NdArray, limit: number, f: (x: Scalar) => Scalar): NdArray {
  const out = alloc(a.dtype, a.dims, limit);
  const src = at(a.data);
  const dst = at(out.data);
  for (let k = 0; k < out.data.length; k++) dst[k] = f(src[k]!);
  return out;
}

function unary(floatOnly: boolean, num: (x: number) => number, big: (x: bigint) => bigint): Kernel {
  return (inputs, ctx) => {
    const a = required(inputs, 0, ctx);
    const cls = numericClass(a.dtype);
    if (cls === 'float' || (!floatOnly && cls === 'int')) return [map1(a, ctx.limit, (x) => num(x as number))];
    if (!floatOnly && cls === 'bigint') return [map1(a, ctx.limit, (x) => big(x as bigint))];
    throw new Unsupported(`${ctx.node.opType} on ${dataTypeName(a.dtype)}`);
  };
}

export const Neg = unary(false, (x) => -x, (x) => -x);
export const Abs = unary(false, Math.abs, (x) => (x < 0n ? -x : x));
export const Sqrt = unary(true, Math.sqrt, (x) => x);
export const Reciprocal = unary(true, (x) => 1 / x, (x) => x);
