import type { GradRule } from '../rule.js';
import { normAxis, reduceTo } from './util.js';

/**
 * y = xhat * scale + bias, xhat = (x - mu) r, r = 1/sqrt(var + eps), statistics over the axes
 * from `axis` on. With dxhat = dy * scale:
 *   dx = r (dxhat - mean(dxhat) - xhat mean(dxhat xhat)),
 *   dscale = sum over the leading axes of dy xhat, dbias = sum of dy.
 * mu and r come from the node's optional outputs when present, else are recomputed.
 */
export const layerNormalizationGrad: GradRule = {
  op: 'LayerNormalization',
  grad(g) {
    const { b } = g;
    if (g.GO(1) || g.GO(2)) return g.fail('gradients through the Mean/InvStdDev outputs are not supported');
    const x = g.I(0);
    const shape = g.shape(x);
    const rank = shape.length;
    const dt = g.dtype(x);
    const axis = normAxis(g.node.attrInt('axis', -1), rank);
    const eps = g.node.attrFloat('epsilon', 1e-5);
    const axes = shape.map((_, k) => k).filter((k) => k >= axis);
    const go = g.GO(0)!;
    const present = (i: number): boolean => (g.node.outputs[i]?.name ?? '') !== '';
    const mu = present(1) ? g.O(1) : b.reduceMean(x, axes, true);
    const xc = b.sub(x, mu);
    const r = present(2)
      ? g.O(2)
      : b.div(b.scalar(1, dt), b.op1('Sqrt', [b.add(b.reduceMean(b.mul(xc, xc), axes, true), b.scalar(eps, dt))]));
    const xhat = b.mul(xc, r);
    if (g.needs(0)) {
      const dxhat = b.mul(go, g.I(1));
      const m1 = b.reduceMean(dxhat, axes, true);
      const m2 = b.reduceMean(b.mul(dxhat, xhat), axes, true);
      g.GI(0, b.mul(r, b.sub(b.sub(dxhat, m1), b.mul(xhat, m2))));
    }
    if (g.needs(1)) g.GI(1, reduceTo(b, b.mul(go, xhat), shape, g.shape(g.I(1))));
    if (g.has(2) && g.needs(2)) g.GI(2, reduceTo(b, go, shape, g.shape(g.I(2))));
  },
};
