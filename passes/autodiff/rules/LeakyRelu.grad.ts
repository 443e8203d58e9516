import type { GradRule } from '../rule.js';

export const leakyReluGrad: GradRule = {
  op: 'LeakyRelu',
  grad(g) {
    const { b } = g;
    const dt = g.dtype(g.O(0));
    const go = g.GO(0)!;
    const alpha = g.node.attrFloat('alpha', 0.01);
    if (g.needs(0)) g.GI(0, b.where(b.op1('Greater', [g.I(0), b.scalar(0, dt)]), go, b.mul(go, b.scalar(alpha, dt))));
  },
};
