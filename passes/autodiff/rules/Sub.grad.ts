import type { GradRule } from '../rule.js';
import { reduceTo } from './util.js';

export const subGrad: GradRule = {
  op: 'Sub',
  grad(g) {
    const go = g.GO(0)!;
    const out = g.shape(g.O(0));
    if (g.needs(0)) g.GI(0, reduceTo(g.b, go, out, g.shape(g.I(0))));
    if (g.needs(1)) g.GI(1, g.b.neg(reduceTo(g.b, go, out, g.shape(g.I(1)))));
  },
};
