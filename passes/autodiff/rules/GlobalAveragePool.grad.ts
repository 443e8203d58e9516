import type { GradRule } from '../rule.js';
import { product } from './util.js';

export const globalAveragePoolGrad: GradRule = {
  op: 'GlobalAveragePool',
  grad(g) {
    if (!g.needs(0)) return;
    const x = g.I(0);
    const count = product(g.shape(x).slice(2));
    g.GI(0, g.b.mul(g.GO(0)!, g.b.scalar(1 / count, g.dtype(x))), { broadcast: true });
  },
};
