/** MatMul (numpy semantics: 1-D operands, batched broadcasting), Gemm, Einsum and quantized forms. */
import { DataType } from '../dtype.js';
import type { Dim } from '../type.js';
import type { InferContext, RuleTable, ShapeRule } from './context.js';
import { broadcastShapes, copyDim, dimOf, sameDim, unknownDim } from './dims.js';

function matmulShape(ctx: InferContext, ia: number, ib: number): Dim[] | undefined {
  const a = ctx.shape(ia);
  const b = ctx.shape(ib);
  if (!a || !b) return undefined;
  if (a.length === 0 || b.length === 0) ctx.fail(`operands ${ctx.describeInput(ia)} and ${ctx.describeInput(ib)} must not be scalars`);
  const a2 = a.length === 1 ? [dimOf(1), a[0]!] : a;
  const b2 = b.length === 1 ? [b[0]!, dimOf(1)] : b;
  const k1 = a2[a2.length - 1]!;
  const k2 = b2[b2.length - 2]!;
  if (sameDim(k1, k2) === false) ctx.fail(`inner dims differ: ${ctx.describeInput(ia)} x ${ctx.describeInput(ib)}`);
  const batch = broadcastShapes([a2.slice(0, -2), b2.slice(0, -2)]);
  if (!Array.isArray(batch)) ctx.fail(`batch dims of ${ctx.describeInput(ia)} and ${ctx.describeInput(ib)} do not broadcast`);
  const out = [...batch];
  if (a.length !== 1) out.push(copyDim(a2[a2.length - 2]));
  if (b.length !== 1) out.push(copyDim(b2[b2.length - 1]));
  return out;
}

const matmul: ShapeRule = (ctx: InferContext) => ctx.output(0, ctx.elemType(0), matmulShape(ctx, 0, 1));
const matmulInteger: ShapeRule = (ctx: InferContext) => ctx.output(0, DataType.INT32, matmulShape(ctx, 0, 1));
const qlinearMatmul: ShapeRule = (ctx: InferContext) => ctx.output(0, ctx.elemType(7) ?? ctx.elemType(0), matmulShape(ctx, 0, 3));

/** Gemm: Y[M, N] = op(A)[M, K] op(B)[K, N] (+ C broadcast to [M, N]). */
const gemm: ShapeRule = (ctx: InferContext) => {
  const a = ctx.shape(0);
  const b = ctx.shape(1);
  const elem = ctx.elemType(0);
  if (!a || !b) {
    if (ctx.opset >= 7) ctx.output(0, elem, [unknownDim(), unknownDim()]);
    return;
  }
  if (a.length !== 2 || b.length !== 2) ctx.fail(`operands ${ctx.describeInput(0)} and ${ctx.describeInput(1)} must be 2-D`);
  const ta = ctx.attrInt('transA', 0) === 1;
  const tb = ctx.attrInt('transB', 0) === 1;
  const m = ta ? a[1]! : a[0]!;
  const ka = ta ? a[0]! : a[1]!;
  const kb = tb ? b[1]! : b[0]!;
  const n = tb ? b[0]! : b[1]!;
  if (sameDim(ka, kb) === false) {
    ctx.fail(`inner dims differ: ${ctx.describeInput(0)}${ta ? ' (transposed)' : ''} x ${ctx.describeInput(1)}${tb ? ' (transposed)' : ''}`);
  }
  const out = [copyDim(m), copyDim(n)];
  const c = ctx.has(2) ? ctx.shape(2) : undefined;
  if (c && !Array.isArray(broadcastShapes([out, c]))) ctx.fail(`C ${ctx.describeInput(2)} does not broadcast to [M, N]`);
  ctx.output(0, elem, out);
};

/** Einsum: explicit (`ij,jk->ik`) or implicit output, with `...` broadcast across operands. */
const einsum: ShapeRule = (ctx: InferContext) => {
  const elem = ctx.elemType(0);
  const equation = ctx.attrString('equation', '').replace(/\s+/g, '');
  const [lhs, rhs] = equation.split('->') as [string, string | undefined];
  const terms = lhs.split(',');
  if (terms.length !== ctx.inputCount) ctx.fail(`equation '${equation}' has ${terms.length} operands, the node ${ctx.inputCount}`);
  const letters = new Map<string, Dim>();
  const counts = new Map<string, number>();
  const ellipses: Dim[][] = [];
  for (let i = 0; i < terms.length; i++) {
    const s = ctx.shape(i);
    if (!s) return ctx.output(0, elem, undefined);
    const term = terms[i]!;
    const dots = term.indexOf('...');
    const labels = term.replace('...', '');
    const ellipsisRank = dots >= 0 ? s.length - labels.length : 0;
    if (ellipsisRank < 0 || (dots < 0 && labels.length !== s.length)) ctx.fail(`term '${term}' does not match ${ctx.describeInput(i)}`);
    let k = 0;
    for (let p = 0; p < term.length; p++) {
      if (p === dots) {
        ellipses.push(s.slice(k, k + ellipsisRank));
        k += ellipsisRank;
        p += 2;
        continue;
      }
      const l = term[p]!;
      const d = s[k++]!;
      counts.set(l, (counts.get(l) ?? 0) + 1);
      const prev = letters.get(l);
      if (prev && sameDim(prev, d) === false && prev.value !== 1 && d.value !== 1) ctx.fail(`label '${l}' has sizes ${prev.value} and ${d.value}`);
      if (!prev || (prev.value === undefined && d.value !== undefined) || prev.value === 1) letters.set(l, d);
    }
  }
  const ell = broadcastShapes(ellipses);
  if (!Array.isArray(ell)) ctx.fail(`'...' dims of equation '${equation}' do not broadcast`);
  const outTerm = rhs ?? `...${[...counts].filter(([, c]) => c === 1).map(([l]) => l).sort().join('')}`;
  const out: Dim[] = [];
  for (let p = 0; p < outTerm.length; p++) {
    if (outTerm.startsWith('...', p)) {
      out.push(...ell.map(copyDim));
      p += 2;
      continue;
    }
    const d = letters.get(outTerm[p]!);
    if (!d) ctx.fail(`output label '${outTerm[p]}' of equation '${equation}' is not in any operand`);
    out.push(copyDim(d));
  }
  ctx.output(0, elem, out);
};

export const matmulRules: RuleTable = {
  MatMul: matmul,
  MatMulInteger: matmulInteger,
  QLinearMatMul: qlinearMatmul,
  Gemm: gemm,
  Einsum: einsum,
};
