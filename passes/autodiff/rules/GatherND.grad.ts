import { attrString } from '../../../ir/attribute.js';
import { DataType } from '../../../ir/dtype.js';
import { Tensor } from '../../../ir/tensor.js';
import type { GradRule } from '../rule.js';

/** ScatterND with reduction=add into zeros: targets that pick one cell twice accumulate. */
export const gatherNDGrad: GradRule = {
  op: 'GatherND',
  grad(g) {
    if (!g.needs(0)) return;
    const { b } = g;
    if (g.node.attrInt('batch_dims', 0) !== 0) return g.fail('batch_dims != 0 is not supported');
    const data = g.I(0);
    const shape = g.shape(data);
    const r = g.shape(g.I(1)).at(-1)!;
    let idx = g.dtype(g.I(1)) === DataType.INT64 ? g.I(1) : b.cast(g.I(1), DataType.INT64);
    idx = b.where(b.op1('Less', [idx, b.constant(Tensor.fromInt64([], [0]))]), b.add(idx, b.constant(Tensor.fromInt64([r], shape.slice(0, r)))), idx);
    g.GI(0, b.op1('ScatterND', [b.zeros(shape, g.dtype(data)), idx, g.GO(0)!], [attrString('reduction', 'add')]));
  },
};
