import type { GradRule } from '../rule.js';
import { keptGradient, reduction } from './reduce.js';
import { product } from './util.js';

export const reduceMeanGrad: GradRule = {
  op: 'ReduceMean',
  grad(g) {
    if (!g.needs(0)) return;
    const r = reduction(g);
    if (!r) return g.GI(0, g.GO(0)!);
    const count = product(g.shape(g.I(0))) / product(r.kept);
    const go = keptGradient(g, r.kept);
    g.GI(0, g.b.mul(go, g.b.scalar(1 / count, g.dtype(g.I(0)))), { broadcast: true });
  },
};
