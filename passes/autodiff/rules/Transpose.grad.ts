import type { GradRule } from '../rule.js';

export const transposeGrad: GradRule = {
  op: 'Transpose',
  grad(g) {
    if (!g.needs(0)) return;
    const rank = g.shape(g.I(0)).length;
    const perm = g.node.attrInts('perm') ?? Array.from({ length: rank }, (_, k) => rank - 1 - k);
    const inverse = new Array<number>(rank);
    perm.forEach((p, k) => (inverse[p] = k));
    g.GI(0, g.b.transpose(g.GO(0)!, inverse));
  },
};
