import type { Value } from '../../../ir/graph.js';
import type { GradRule } from '../rule.js';

/**
 * x - mean already in the graph, when mean is (a Reshape of) ReduceMean(x) and the forward
 * subtracts it from x (bn-train's statistics): reused instead of recomputed.
 */
function centered(x: Value, mean: Value): Value | undefined {
  let m = mean;
  if (m.producer()?.opType === 'Reshape') m = m.producer()!.input(0)!;
  if (m.producer()?.opType !== 'ReduceMean' || m.producer()!.input(0) !== x) return undefined;
  const sub = x.uses().find((u) => u.node.opType === 'Sub' && u.index === 0 && u.node.input(1) === m && u.node.graph === x.graph());
  return sub?.node.output(0);
}

/**
 * Inference-form BatchNormalization with any of its inputs differentiable (frozen statistics, or
 * statistics computed upstream): y = (x - m) s + B with s = scale r, r = 1/sqrt(v + eps), per
 * channel (axis 1):
 *   dx = dy s, dB = sum dy, dscale = sum(dy (x - m)) r, dm = -s sum dy,
 *   dv = -scale r^3 / 2 sum(dy (x - m)).
 */
export const batchNormalizationGrad: GradRule = {
  op: 'BatchNormalization',
  grad(g) {
    const { b } = g;
    if (g.node.attrInt('training_mode', 0) !== 0) return g.fail('training_mode=1 is not differentiated; rewrite the model with bn-train');
    if (g.node.outputs.slice(1).some((o) => o.name !== '' && g.GO(g.node.outputs.indexOf(o)))) return g.fail('gradients through the training outputs are not supported');
    const x = g.I(0);
    const shape = g.shape(x);
    const C = shape[1]!;
    const dt = g.dtype(x);
    const eps = g.node.attrFloat('epsilon', 1e-5);
    const bc = shape.map((d, k) => (k === 1 ? C : 1));
    const axes = shape.map((_, k) => k).filter((k) => k !== 1);
    const go = g.GO(0)!;
    const [scale, mean, variance] = [g.I(1), g.I(3), g.I(4)];
    const r = b.div(b.scalar(1, dt), b.op1('Sqrt', [b.add(variance, b.scalar(eps, dt))]));
    const s = b.mul(scale, r);
    if (g.needs(0)) g.GI(0, b.mul(go, b.reshape(s, bc)));
    const needSum = g.needs(2) || g.needs(3);
    const sumGo = needSum ? b.reduceSum(go, axes, false) : undefined;
    if (g.needs(2)) g.GI(2, sumGo!);
    if (g.needs(3)) g.GI(3, b.neg(b.mul(sumGo!, s)));
    if (g.needs(1) || g.needs(4)) {
      const dot = b.reduceSum(b.mul(go, centered(x, mean) ?? b.sub(x, b.reshape(mean, bc))), axes, false);
      if (g.needs(1)) g.GI(1, b.mul(dot, r));
      if (g.needs(4)) g.GI(4, b.mul(dot, b.mul(b.mul(scale, b.mul(r, b.mul(r, r))), b.scalar(-0.5, dt))));
    }
  },
};
