import { attrInt, attrString } from '../../../ir/attribute.js';
import { DataType } from '../../../ir/dtype.js';
import { Tensor } from '../../../ir/tensor.js';
import type { GradRule } from '../rule.js';
import { normAxis, product } from './util.js';

/**
 * data [P, A, Q] (A the gathered axis), indices of K elements: the output gradient [P, K, Q] is
 * scattered back along A with ScatterElements reduction=add (repeated indices accumulate).
 */
export const gatherGrad: GradRule = {
  op: 'Gather',
  grad(g) {
    if (!g.needs(0)) return;
    const { b } = g;
    const data = g.I(0);
    const shape = g.shape(data);
    const axis = normAxis(g.node.attrInt('axis', 0), shape.length);
    const P = product(shape.slice(0, axis));
    const A = shape[axis]!;
    const Q = product(shape.slice(axis + 1));
    const K = product(g.shape(g.I(1)));
    if (K === 0) {
      // Nothing was gathered: the gradient is zero (and Reshape would read a 0 dim as "copy").
      g.GI(0, b.zeros(shape, g.dtype(data)));
      return;
    }
    let idx = b.reshape(g.dtype(g.I(1)) === DataType.INT64 ? g.I(1) : b.cast(g.I(1), DataType.INT64), [1, K, 1]);
    const A64 = b.constant(Tensor.fromInt64([], [A]));
    idx = b.where(b.op1('Less', [idx, b.constant(Tensor.fromInt64([], [0]))]), b.add(idx, A64), idx);
    const scattered = b.op1(
      'ScatterElements',
      [b.zeros([P, A, Q], g.dtype(data)), b.expand(idx, [P, K, Q]), b.reshape(g.GO(0)!, [P, K, Q])],
      [attrInt('axis', 1), attrString('reduction', 'add')],
    );
    g.GI(0, b.reshape(scattered, shape));
  },
};
