/** Expand and Where: copies under multidirectional broadcasting. */
import { DataType } from '../../../ir/dtype.js';
import { alloc, at, broadcastIndex, broadcastShapes, Refused, toIndices } from '../ndarray.js';
import { required, type Kernel } from './types.js';

export const Expand: Kernel = (inputs, ctx) => {
  const a = required(inputs, 0, ctx);
  const shape = toIndices(required(inputs, 1, ctx), 'shape');
  const out = alloc(a.dtype, broadcastShapes([a.dims, shape]), ctx.limit);
  const index = broadcastIndex(a.dims, out.dims);
  const src = at(a.data);
  const dst = at(out.data);
  for (let k = 0; k < out.data.length; k++) dst[k] = src[index ? index[k]! : k]!;
  return [out];
};

export const Where: Kernel = (inputs, ctx) => {
  const cond = required(inputs, 0, ctx);
  const x = required(inputs, 1, ctx);
  const y = required(inputs, 2, ctx);
  if (cond.dtype !== DataType.BOOL) throw new Refused('Where condition is not bool');
  if (x.dtype !== y.dtype) throw new Refused('Where branches differ in element type');
  const out = alloc(x.dtype, broadcastShapes([cond.dims, x.dims, y.dims]), ctx.limit);
  const ic = broadcastIndex(cond.dims, out.dims);
  const ix = broadcastIndex(x.dims, out.dims);
  const iy = broadcastIndex(y.dims, out.dims);
  const c = cond.data;
  const xs = at(x.data);
  const ys = at(y.data);
  const dst = at(out.data);
  for (let k = 0; k < out.data.length; k++) {
    dst[k] = c[ic ? ic[k]! : k] ? xs[ix ? ix[k]! : k]! : ys[iy ? iy[k]! : k]!;
  }
  return [out];
};
