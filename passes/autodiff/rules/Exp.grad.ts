import type { GradRule } from '../rule.js';

export const expGrad: GradRule = {
  op: 'Exp',
  grad(g) {
    if (g.needs(0)) g.GI(0, g.b.mul(g.GO(0)!, g.O(0)));
  },
};
