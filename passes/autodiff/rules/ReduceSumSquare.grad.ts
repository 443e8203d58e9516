import type { GradRule } from '../rule.js';
import { keptGradient, reduction } from './reduce.js';

export const reduceSumSquareGrad: GradRule = {
  op: 'ReduceSumSquare',
  grad(g) {
    if (!g.needs(0)) return;
    const { b } = g;
    const x = g.I(0);
    const r = reduction(g);
    const go = r ? keptGradient(g, r.kept) : g.GO(0)!;
    // d(sum x^2) = 2 x, times the broadcast output gradient
    g.GI(0, b.mul(x, b.mul(go, b.scalar(2, g.dtype(x)))));
  },
};
