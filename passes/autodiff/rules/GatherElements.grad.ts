import { attrInt, attrString } from '../../../ir/attribute.js';
import { DataType } from '../../../ir/dtype.js';
import { Tensor } from '../../../ir/tensor.js';
import type { GradRule } from '../rule.js';
import { normAxis } from './util.js';

export const gatherElementsGrad: GradRule = {
  op: 'GatherElements',
  grad(g) {
    if (!g.needs(0)) return;
    const { b } = g;
    const data = g.I(0);
    const shape = g.shape(data);
    const axis = normAxis(g.node.attrInt('axis', 0), shape.length);
    let idx = g.dtype(g.I(1)) === DataType.INT64 ? g.I(1) : b.cast(g.I(1), DataType.INT64);
    idx = b.where(b.op1('Less', [idx, b.constant(Tensor.fromInt64([], [0]))]), b.add(idx, b.constant(Tensor.fromInt64([], [shape[axis]!]))), idx);
    g.GI(0, b.op1('ScatterElements', [b.zeros(shape, g.dtype(data)), idx, g.GO(0)!], [attrInt('axis', axis), attrString('reduction', 'add')]));
  },
};
