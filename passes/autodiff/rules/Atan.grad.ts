import type { GradRule } from '../rule.js';

export const atanGrad: GradRule = {
  op: 'Atan',
  grad(g) {
    const { b } = g;
    const x = g.I(0);
    if (g.needs(0)) g.GI(0, b.div(g.GO(0)!, b.add(b.mul(x, x), b.scalar(1, g.dtype(x)))));
  },
};
