import type { GradRule } from '../rule.js';
import { reduceTo } from './util.js';

export const divGrad: GradRule = {
  op: 'Div',
  grad(g) {
    const { b } = g;
    const go = g.GO(0)!;
    const out = g.shape(g.O(0));
    const y = g.I(1);
    // a / b: d/da = 1/b, d/db = -(a/b)/b
    if (g.needs(0)) g.GI(0, reduceTo(b, b.div(go, y), out, g.shape(g.I(0))));
    if (g.needs(1)) g.GI(1, b.neg(reduceTo(b, b.div(b.mul(go, g.O(0)), y), out, g.shape(y))));
  },
};
