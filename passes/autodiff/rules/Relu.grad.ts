import type { GradRule } from '../rule.js';

export const reluGrad: GradRule = {
  op: 'Relu',
  grad(g) {
    const { b } = g;
    const dt = g.dtype(g.O(0));
    if (g.needs(0)) g.GI(0, b.where(b.op1('Greater', [g.O(0), b.scalar(0, dt)]), g.GO(0)!, b.scalar(0, dt)));
  },
};
