import type { GradRule } from '../rule.js';

export const sigmoidGrad: GradRule = {
  op: 'Sigmoid',
  grad(g) {
    const { b } = g;
    const y = g.O(0);
    // s' = s (1 - s)
    if (g.needs(0)) g.GI(0, b.mul(g.GO(0)!, b.mul(y, b.sub(b.scalar(1, g.dtype(y)), y))));
  },
};
