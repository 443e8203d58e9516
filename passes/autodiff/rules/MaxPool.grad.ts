import { attrInt, attrString } from '../../../ir/attribute.js';
import type { GradRule } from '../rule.js';
import { product } from './util.js';

/**
 * The gradient of each output goes to the input element its Indices output names (flat indices
 * over the whole input): ScatterElements with reduction=add into zeros, so overlapping windows
 * (SPPF's stride-1 pools) accumulate. Indices come from the forward node when it has them, else
 * from a second MaxPool in the backward graph.
 */
export const maxPoolGrad: GradRule = {
  op: 'MaxPool',
  grad(g) {
    if (!g.needs(0)) return;
    const { b } = g;
    if (g.node.attrInt('storage_order', 0) !== 0) return g.fail('storage_order=1 is not supported');
    const x = g.I(0);
    const shape = g.shape(x);
    const out = g.node.outputs[1];
    const indices = out && out.name !== '' ? out : b.op('MaxPool', [x], [...g.node.attributes.values()], 2)[1]!;
    const n = product(shape);
    const scattered = b.op1('ScatterElements', [b.zeros([n], g.dtype(x)), b.reshape(indices, [-1]), b.reshape(g.GO(0)!, [-1])], [
      attrInt('axis', 0),
      attrString('reduction', 'add'),
    ]);
    g.GI(0, b.reshape(scattered, shape));
  },
};
