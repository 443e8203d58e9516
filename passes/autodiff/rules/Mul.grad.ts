import type { Value } from '../../../ir/graph.js';
import type { GradContext, GradRule } from '../rule.js';
import { giReduced } from './util.js';

/**
 * Input i of a Mul that is Sigmoid(the other input), read by nothing else: x * sigmoid(x) (SiLU).
 */
function siluSigmoid(g: GradContext): number | undefined {
  for (const i of [0, 1]) {
    const s = g.I(i);
    const p = s.producer();
    if (p?.opType === 'Sigmoid' && p.input(0) === g.I(1 - i) && !s.isGraphOutput() && s.uses().every((u) => u.node === g.node)) return i;
  }
  return undefined;
}

export const mulGrad: GradRule = {
  op: 'Mul',
  grad(g) {
    const { b } = g;
    const [x, y] = [g.I(0), g.I(1)];
    const k = siluSigmoid(g);
    if (k !== undefined && g.needs(1 - k)) {
      // SiLU y = x s(x): dy/dx = s + x s (1 - s) = s (1 + x - y), both paths in one (4 passes
      // instead of 6); the Sigmoid gets no gradient of its own.
      const xv: Value = g.I(1 - k);
      const s = g.I(k);
      const one = b.scalar(1, g.dtype(xv));
      g.GI(1 - k, b.mul(g.GO(0)!, b.mul(s, b.add(b.sub(xv, g.O(0)), one))));
      g.handled(k);
      return;
    }
    if (x === y && g.needs(0)) {
      // x * x: 2 x go, given once; a go that only broadcasts (a mean's) is scaled before it
      // meets x, so the whole gradient is one full-size pass.
      const two = b.scalar(2, g.dtype(x));
      const gb = g.GOb(0)!;
      g.GI(0, gb.broadcast ? b.mul(x, b.mul(gb.value, two)) : b.mul(b.mul(gb.value, x), two));
      g.handled(1);
      return;
    }
    const go = g.GO(0)!;
    if (g.needs(0)) giReduced(g, 0, b.mul(go, y));
    if (g.needs(1)) giReduced(g, 1, b.mul(go, x));
  },
};
