import type { GradRule } from '../rule.js';

export const logGrad: GradRule = {
  op: 'Log',
  grad(g) {
    if (g.needs(0)) g.GI(0, g.b.div(g.GO(0)!, g.I(0)));
  },
};
