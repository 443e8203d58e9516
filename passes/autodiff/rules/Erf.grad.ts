import type { GradRule } from '../rule.js';

export const erfGrad: GradRule = {
  op: 'Erf',
  grad(g) {
    const { b } = g;
    const x = g.I(0);
    const dt = g.dtype(x);
    // erf'(x) = 2/sqrt(pi) exp(-x^2)
    if (g.needs(0)) g.GI(0, b.mul(g.GO(0)!, b.mul(b.op1('Exp', [b.neg(b.mul(x, x))]), b.scalar(2 / Math.sqrt(Math.PI), dt))));
  },
};
