import type { GradRule } from '../rule.js';
import { broadcastShape, reduceTo } from './util.js';

/** Swaps the last two axes. */
function lastTwo(rank: number): number[] {
  const p = Array.from({ length: rank }, (_, k) => k);
  [p[rank - 2], p[rank - 1]] = [p[rank - 1]!, p[rank - 2]!];
  return p;
}

/**
 * C = A B (numpy matmul): dA = dC B^T, dB = A^T dC, summed over broadcast batch axes. 1-D
 * operands are made [1, K] / [K, 1] first; a 2-D B under a batched A takes the batch into the
 * contraction (one MatMul of [K, b*M] x [b*M, N]) instead of a batched product and a ReduceSum.
 */
export const matMulGrad: GradRule = {
  op: 'MatMul',
  grad(g) {
    const { b } = g;
    const [A, B] = [g.I(0), g.I(1)];
    const sa = g.shape(A);
    const sb = g.shape(B);
    const a2 = sa.length === 1 ? [1, sa[0]!] : sa;
    const b2 = sb.length === 1 ? [sb[0]!, 1] : sb;
    const M = a2.at(-2)!;
    const K = a2.at(-1)!;
    const N = b2.at(-1)!;
    const batch = broadcastShape(a2.slice(0, -2), b2.slice(0, -2));
    const c2 = [...batch, M, N];
    const go = b.reshape(g.GO(0)!, c2);
    const Av = sa.length === 1 ? b.reshape(A, a2) : A;
    const Bv = sb.length === 1 ? b.reshape(B, b2) : B;
    if (g.needs(0)) {
      const ga = reduceTo(b, b.op1('MatMul', [go, b.transpose(Bv, lastTwo(b2.length))]), [...batch, M, K], a2);
      g.GI(0, sa.length === 1 ? b.reshape(ga, sa) : ga);
    }
    if (g.needs(1)) {
      let gb;
      if (b2.length === 2 && a2.length > 2) {
        const rows = a2.slice(0, -1).reduce((x, y) => x * y, 1);
        gb = b.op1('MatMul', [b.transpose(b.reshape(Av, [rows, K]), [1, 0]), b.reshape(go, [rows, N])]);
      } else {
        gb = reduceTo(b, b.op1('MatMul', [b.transpose(Av, lastTwo(a2.length)), go]), [...batch, K, N], b2);
      }
      g.GI(1, sb.length === 1 ? b.reshape(gb, sb) : gb);
    }
  },
};
