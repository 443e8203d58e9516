import type { GradRule } from '../rule.js';

export const absGrad: GradRule = {
  op: 'Abs',
  grad(g) {
    if (g.needs(0)) g.GI(0, g.b.mul(g.GO(0)!, g.b.op1('Sign', [g.I(0)])));
  },
};
