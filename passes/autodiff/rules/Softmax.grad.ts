import type { GradRule } from '../rule.js';
import { normAxis } from './util.js';

/** dx = y (dy - sum(dy y)) along the axis (opset >= 13 semantics). */
export const softmaxGrad: GradRule = {
  op: 'Softmax',
  grad(g) {
    if (!g.needs(0)) return;
    const { b } = g;
    const y = g.O(0);
    const axis = normAxis(g.node.attrInt('axis', -1), g.shape(y).length);
    const go = g.GO(0)!;
    g.GI(0, b.mul(y, b.sub(go, b.reduceSum(b.mul(go, y), [axis], true))));
  },
};
