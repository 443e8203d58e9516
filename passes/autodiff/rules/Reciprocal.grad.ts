import type { GradRule } from '../rule.js';

export const reciprocalGrad: GradRule = {
  op: 'Reciprocal',
  grad(g) {
    const { b } = g;
    const y = g.O(0);
    // d(1/x) = -1/x^2 = -y^2
    if (g.needs(0)) g.GI(0, b.neg(b.mul(g.GO(0)!, b.mul(y, y))));
  },
};
