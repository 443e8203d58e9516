import type { GradRule } from '../rule.js';
import { keptGradient, reduction } from './reduce.js';

/** The gradient goes to the maxima, split evenly among ties (as PyTorch's amax). */
export const reduceMaxGrad: GradRule = {
  op: 'ReduceMax',
  grad(g) {
    if (!g.needs(0)) return;
    const { b } = g;
    const x = g.I(0);
    const r = reduction(g);
    if (!r) return g.GI(0, g.GO(0)!);
    const y = g.node.attrInt('keepdims', 1) === 1 ? g.O(0) : b.reshape(g.O(0), r.kept);
    const mask = b.cast(b.op1('Equal', [x, y]), g.dtype(x));
    const count = b.reduceSum(mask, r.axes, true);
    g.GI(0, b.mul(mask, b.div(keptGradient(g, r.kept), count)));
  },
};
