import type { Value } from '../../../ir/graph.js';
import type { GradContext } from '../rule.js';
import { giReduced } from './util.js';

/**
 * Min/Max (variadic, broadcasting): the gradient goes to the inputs equal to the output, split
 * evenly among ties (as PyTorch's maximum/minimum split it between two).
 */
export function minMaxGrad(g: GradContext): void {
  const { b } = g;
  const n = g.node.inputs.length;
  const go = g.GO(0)!;
  if (n === 1) {
    if (g.needs(0)) g.GI(0, go);
    return;
  }
  const dt = g.dtype(g.O(0));
  const masks: Value[] = [];
  for (let i = 0; i < n; i++) masks.push(b.cast(b.op1('Equal', [g.I(i), g.O(0)]), dt));
  const share = b.div(go, b.sum(masks));
  for (let i = 0; i < n; i++) if (g.needs(i)) giReduced(g, i, b.mul(share, masks[i]!));
}
