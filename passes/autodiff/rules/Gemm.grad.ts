import { attrFloat, attrInt } from '../../../ir/attribute.js';
import type { GradRule } from '../rule.js';
import { reduceTo } from './util.js';

/**
 * Y = alpha A' B' + beta C (A' = A^T when transA, B' likewise):
 *   dA' = alpha dY B'^T, dB' = alpha A'^T dY, written as Gemms with transposition flags;
 *   dC = beta dY summed to C's shape.
 */
export const gemmGrad: GradRule = {
  op: 'Gemm',
  grad(g) {
    const { b } = g;
    const go = g.GO(0)!;
    const [A, B] = [g.I(0), g.I(1)];
    const alpha = g.node.attrFloat('alpha', 1);
    const beta = g.node.attrFloat('beta', 1);
    const tA = g.node.attrInt('transA', 0);
    const tB = g.node.attrInt('transB', 0);
    const gemm = (x: typeof go, y: typeof go, ta: number, tb: number) =>
      b.op1('Gemm', [x, y], [attrFloat('alpha', alpha), attrInt('transA', ta), attrInt('transB', tb)]);
    if (g.needs(0)) g.GI(0, tA === 0 ? gemm(go, B, 0, 1 - tB) : gemm(B, go, tB, 1));
    if (g.needs(1)) g.GI(1, tB === 0 ? gemm(A, go, 1 - tA, 0) : gemm(go, A, 1, tA));
    if (g.has(2) && g.needs(2)) {
      const C = g.I(2);
      const dc = reduceTo(b, go, g.shape(g.O(0)), g.shape(C));
      g.GI(2, beta === 1 ? dc : b.mul(dc, b.scalar(beta, g.dtype(C))));
    }
  },
};
