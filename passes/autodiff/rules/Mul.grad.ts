import type { GradRule } from '../rule.js';
import { giReduced } from './util.js';

export const mulGrad: GradRule = {
  op: 'Mul',
  grad(g) {
    const { b } = g;
    const go = g.GO(0)!;
    const [x, y] = [g.I(0), g.I(1)];
    if (x === y && g.needs(0)) {
      // x * x: both inputs are x; the driver sums the two halves of 2 x go
      const t = b.mul(go, x);
      g.GI(0, t);
      g.GI(1, t);
      return;
    }
    if (g.needs(0)) giReduced(g, 0, b.mul(go, y));
    if (g.needs(1)) giReduced(g, 1, b.mul(go, x));
  },
};
