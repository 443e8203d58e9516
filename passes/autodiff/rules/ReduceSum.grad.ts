import type { GradRule } from '../rule.js';
import { keptGradient, reduction } from './reduce.js';

export const reduceSumGrad: GradRule = {
  op: 'ReduceSum',
  grad(g) {
    if (!g.needs(0)) return;
    const r = reduction(g);
    if (!r) return g.GI(0, g.GO(0)!);
    g.GI(0, keptGradient(g, r.kept), { broadcast: true });
  },
};
