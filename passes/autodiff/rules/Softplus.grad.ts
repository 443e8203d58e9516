import type { GradRule } from '../rule.js';

export const softplusGrad: GradRule = {
  op: 'Softplus',
  grad(g) {
    // softplus'(x) = sigmoid(x)
    if (g.needs(0)) g.GI(0, g.b.mul(g.GO(0)!, g.b.op1('Sigmoid', [g.I(0)])));
  },
};
