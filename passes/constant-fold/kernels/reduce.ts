/**
 * ReduceSum and ReduceProd on small tensors. Integer results are exact (int32 products via
 * Math.imul, int64 in bigint); float sums and products accumulate in float64 and round once,
 * which can differ from ONNX Runtime's float32 accumulation in the last bit.
 */
import { dataTypeName } from '../../../ir/dtype.js';
import { alloc, at, normalizeAxis, numericClass, stridesOf, Unsupported, type Scalar } from '../ndarray.js';
import { axesOf } from './reshape.js';
import { required, type Kernel } from './types.js';

function reduction(initial: { num: number; big: bigint }, step: { float: (a: number, x: number) => number; int: (a: number, x: number) => number; big: (a: bigint, x: bigint) => bigint }): Kernel {
  return (inputs, ctx) => {
    const a = required(inputs, 0, ctx);
    const cls = numericClass(a.dtype);
    if (cls !== 'float' && cls !== 'int' && cls !== 'bigint') throw new Unsupported(`${ctx.node.opType} on ${dataTypeName(a.dtype)}`);
    const rank = a.dims.length;
    const keep = ctx.node.attrInt('keepdims', 1) !== 0;
    const listed = axesOf(ctx.node, inputs, 1);
    if ((listed === undefined || listed.length === 0) && ctx.node.attrInt('noop_with_empty_axes', 0) !== 0) {
      const out = alloc(a.dtype, a.dims, ctx.limit);
      out.data.set(a.data as never);
      return [out];
    }
    const axes = new Set(listed && listed.length > 0 ? listed.map((x) => normalizeAxis(x, rank)) : a.dims.map((_, i) => i));
    const outDims = a.dims.map((d, i) => (axes.has(i) ? 1 : d));
    const out = alloc(a.dtype, keep ? outDims : a.dims.filter((_, i) => !axes.has(i)), ctx.limit);
    const acc: Scalar[] = new Array<Scalar>(out.data.length).fill(cls === 'bigint' ? initial.big : initial.num);
    const outStrides = stridesOf(outDims);
    const src = at(a.data);
    const counter = new Array<number>(rank).fill(0);
    for (let k = 0; k < a.data.length; k++) {
      let o = 0;
      for (let d = 0; d < rank; d++) if (!axes.has(d)) o += counter[d]! * outStrides[d]!;
      const x = src[k]!;
      if (cls === 'bigint') acc[o] = step.big(acc[o] as bigint, x as bigint);
      else if (cls === 'int') acc[o] = step.int(acc[o] as number, x as number);
      else acc[o] = step.float(acc[o] as number, x as number);
      for (let d = rank - 1; d >= 0; d--) {
        if (++counter[d]! < a.dims[d]!) break;
        counter[d] = 0;
      }
    }
    const dst = at(out.data);
    acc.forEach((v, i) => {
      dst[i] = v;
    });
    return [out];
  };
}

export const ReduceSum = reduction(
  { num: 0, big: 0n },
  { float: (a, x) => a + x, int: (a, x) => (a + x) | 0, big: (a, x) => BigInt.asIntN(64, a + x) },
);

export const ReduceProd = reduction(
  { num: 1, big: 1n },
  { float: (a, x) => a * x, int: (a, x) => Math.imul(a, x), big: (a, x) => BigInt.asIntN(64, a * x) },
);
