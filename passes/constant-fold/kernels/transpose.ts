/** Transpose. */
import { alloc, at, Refused, stridesOf } from '../ndarray.js';
import { required, type Kernel } from './types.js';

export const Transpose: Kernel = (inputs, ctx) => {
  const a = required(inputs, 0, ctx);
  const rank = a.dims.length;
  const perm = ctx.node.attrInts('perm') ?? a.dims.map((_, i) => rank - 1 - i);
  if (perm.length !== rank || new Set(perm).size !== rank || perm.some((p) => p < 0 || p >= rank)) {
    throw new Refused(`perm [${perm.join(',')}] is not a permutation of ${rank} axes`);
  }
  const out = alloc(a.dtype, perm.map((p) => a.dims[p]!), ctx.limit);
  const inStrides = stridesOf(a.dims);
  const strides = perm.map((p) => inStrides[p]!);
  const src = at(a.data);
  const dst = at(out.data);
  const counter = new Array<number>(rank).fill(0);
  let offset = 0;
  for (let k = 0; k < out.data.length; k++) {
    dst[k] = src[offset]!;
    for (let d = rank - 1; d >= 0; d--) {
      counter[d]!++;
      offset += strides[d]!;
      if (counter[d]! < out.dims[d]!) break;
      offset -= strides[d]! * counter[d]!;
      counter[d] = 0;
    }
  }
  return [out];
};
