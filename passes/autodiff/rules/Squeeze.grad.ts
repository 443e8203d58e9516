import type { GradRule } from '../rule.js';

export const squeezeGrad: GradRule = {
  op: 'Squeeze',
  grad(g) {
    if (g.needs(0)) g.GI(0, g.b.reshape(g.GO(0)!, g.shape(g.I(0))));
  },
};
