import type { GradRule } from '../rule.js';

export const sqrtGrad: GradRule = {
  op: 'Sqrt',
  grad(g) {
    const { b } = g;
    if (g.needs(0)) g.GI(0, b.div(b.mul(g.GO(0)!, b.scalar(0.5, g.dtype(g.O(0)))), g.O(0)));
  },
};
