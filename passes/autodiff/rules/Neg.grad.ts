import type { GradRule } from '../rule.js';

export const negGrad: GradRule = {
  op: 'Neg',
  grad(g) {
    if (g.needs(0)) g.GI(0, g.b.neg(g.GO(0)!));
  },
};
