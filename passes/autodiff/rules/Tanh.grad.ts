import type { GradRule } from '../rule.js';

export const tanhGrad: GradRule = {
  op: 'Tanh',
  grad(g) {
    const { b } = g;
    const y = g.O(0);
    if (g.needs(0)) g.GI(0, b.mul(g.GO(0)!, b.sub(b.scalar(1, g.dtype(y)), b.mul(y, y))));
  },
};
