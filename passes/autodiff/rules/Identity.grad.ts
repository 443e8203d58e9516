import type { GradRule } from '../rule.js';

export const identityGrad: GradRule = {
  op: 'Identity',
  grad(g) {
    if (g.needs(0)) g.GI(0, g.GO(0)!);
  },
};
