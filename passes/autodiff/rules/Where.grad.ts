import type { GradRule } from '../rule.js';
import { giReduced } from './util.js';

export const whereGrad: GradRule = {
  op: 'Where',
  grad(g) {
    const { b } = g;
    const go = g.GO(0)!;
    const cond = g.I(0);
    const zero = b.scalar(0, g.dtype(g.O(0)));
    if (g.needs(1)) giReduced(g, 1, b.where(cond, go, zero));
    if (g.needs(2)) giReduced(g, 2, b.where(cond, zero, go));
  },
};
