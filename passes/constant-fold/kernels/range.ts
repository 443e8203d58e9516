/**
 * Range, computed as ONNX Runtime does: n = ceil((limit - start) / delta) with the difference
 * taken in the element type, then values accumulated by repeated addition in the element type.
 */
import { alloc, at, numericClass, Refused, Unsupported } from '../ndarray.js';
import { required, type Kernel } from './types.js';

export const Range: Kernel = (inputs, ctx) => {
  const [start, limit, delta] = [0, 1, 2].map((i) => required(inputs, i, ctx));
  if (start!.data.length !== 1 || limit!.data.length !== 1 || delta!.data.length !== 1) throw new Refused('Range inputs must be scalars');
  const dtype = start!.dtype;
  const cls = numericClass(dtype);
  if (cls !== 'float' && cls !== 'int' && cls !== 'bigint') throw new Unsupported(`Range of ${dtype}`);
  // One-element scratch array: stores give the element type's rounding/wrap-around.
  const scratch = alloc(dtype, [1], 1);
  const s = at(scratch.data);
  const st = at(start!.data)[0]!;
  const lt = at(limit!.data)[0]!;
  const dt = at(delta!.data)[0]!;
  if (Number(dt) === 0) throw new Refused('Range delta is 0');
  s[0] = cls === 'bigint' ? (lt as bigint) - (st as bigint) : (lt as number) - (st as number);
  const n = Math.max(0, Math.ceil(Number(s[0]) / Number(dt)));
  const out = alloc(dtype, [n], ctx.limit);
  const o = at(out.data);
  s[0] = st;
  for (let i = 0; i < n; i++) {
    o[i] = s[0]!;
    s[0] = cls === 'bigint' ? (s[0] as bigint) + (dt as bigint) : (s[0] as number) + (dt as number);
  }
  return [out];
};
