import type { GradRule } from '../rule.js';
import { giReduced, reduceTo } from './util.js';

export const powGrad: GradRule = {
  op: 'Pow',
  grad(g) {
    const { b } = g;
    const go = g.GO(0)!;
    const [x, e] = [g.I(0), g.I(1)];
    const dt = g.dtype(x);
    if (g.needs(0)) {
      const k = g.floats(1);
      if (k && k.length === 1 && !g.needs(1)) {
        const p = k[0]!;
        // d(x^p) = p x^(p-1), with the common exponents written without Pow
        if (p === 0) g.GI(0, b.mul(go, b.scalar(0, dt)));
        else if (p === 1) g.GI(0, go);
        else if (p === 2) giReduced(g, 0, b.mul(go, b.mul(x, b.scalar(2, dt))));
        else if (p === 0.5) giReduced(g, 0, b.div(b.mul(go, b.scalar(0.5, dt)), g.O(0)));
        else giReduced(g, 0, b.mul(go, b.mul(b.op1('Pow', [x, b.scalar(p - 1, g.dtype(e))]), b.scalar(p, dt))));
      } else {
        const em1 = b.sub(e, b.scalar(1, g.dtype(e)));
        giReduced(g, 0, b.mul(b.mul(go, e), b.op1('Pow', [x, em1])));
      }
    }
    if (g.needs(1)) {
      // d(x^e)/de = x^e ln x
      g.GI(1, reduceTo(b, b.mul(b.mul(go, g.O(0)), b.op1('Log', [x])), g.shape(g.O(0)), g.shape(e)));
    }
  },
};
