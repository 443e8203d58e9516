import type { GradRule } from '../rule.js';
import { reduceTo } from './util.js';

export const clipGrad: GradRule = {
  op: 'Clip',
  grad(g) {
    const { b } = g;
    const go = g.GO(0)!;
    const [x, y] = [g.I(0), g.O(0)];
    const dt = g.dtype(x);
    const zero = b.scalar(0, dt);
    // Where the output is the input (bounds included, as PyTorch's clamp) the gradient passes.
    if (g.needs(0)) g.GI(0, b.where(b.op1('Equal', [x, y]), go, zero));
    const shape = g.shape(x);
    if (g.has(1) && g.needs(1)) g.GI(1, reduceTo(b, b.where(b.op1('Less', [x, g.I(1)]), go, zero), shape, g.shape(g.I(1))));
    if (g.has(2) && g.needs(2)) g.GI(2, reduceTo(b, b.where(b.op1('Greater', [x, g.I(2)]), go, zero), shape, g.shape(g.I(2))));
  },
};
