import type { GradRule } from '../rule.js';
import { normAxis } from './util.js';

/** dx = dy - exp(y) sum(dy) along the axis (opset >= 13 semantics). */
export const logSoftmaxGrad: GradRule = {
  op: 'LogSoftmax',
  grad(g) {
    if (!g.needs(0)) return;
    const { b } = g;
    const y = g.O(0);
    const axis = normAxis(g.node.attrInt('axis', -1), g.shape(y).length);
    const go = g.GO(0)!;
    g.GI(0, b.sub(go, b.mul(b.op1('Exp', [y]), b.reduceSum(go, [axis], true))));
  },
};
