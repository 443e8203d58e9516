import { isFloatingPoint } from '../../../ir/dtype.js';
import type { GradRule } from '../rule.js';

export const castGrad: GradRule = {
  op: 'Cast',
  grad(g) {
    if (!g.needs(0)) return;
    const from = g.dtype(g.I(0));
    if (!isFloatingPoint(from)) return;
    g.GI(0, from === g.dtype(g.O(0)) ? g.GO(0)! : g.b.cast(g.GO(0)!, from));
  },
};
