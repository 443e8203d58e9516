/**
 * Reductions. Axes are an attribute, or an input from opset 13 (ReduceSum) / 18 (the others),
 * where `noop_with_empty_axes` also appears. ArgMax/ArgMin reduce one axis to INT64 indices;
 * TopK keeps K entries along its axis (K an attribute before opset 10).
 */
import { DataType } from '../dtype.js';
import type { Dim } from '../type.js';
import type { InferContext, RuleTable, ShapeRule } from './context.js';
import { copyDim, dimOf, knownProduct, normalizeAxis, unknownDim } from './dims.js';

function axesFromInputSince(op: string): number {
  return op === 'ReduceSum' ? 13 : 18;
}

const reduce: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const elem = ctx.elemType(0);
  const keep = ctx.attrInt('keepdims', 1) === 1;
  const fromInput = ctx.opset >= axesFromInputSince(ctx.node.opType);
  let axes: number[] | undefined;
  if (fromInput) {
    if (ctx.has(1)) {
      axes = ctx.ints(1);
      if (!axes) {
        // Unknown axes: with keepdims the rank stays.
        return ctx.output(0, elem, keep && x ? x.map(unknownDim) : undefined);
      }
    }
  } else axes = ctx.attrInts('axes');
  if (!x) return ctx.output(0, elem, undefined);
  if (!axes || axes.length === 0) {
    if (fromInput && ctx.attrInt('noop_with_empty_axes', 0) === 1) {
      ctx.output(0, elem, x);
      return;
    }
    axes = x.map((_, i) => i);
  }
  const reduced = new Set<number>();
  for (const a of axes) {
    const axis = normalizeAxis(a, x.length);
    if (axis === undefined) ctx.fail(`axis ${a} is out of range for ${ctx.describeInput(0)}`);
    reduced.add(axis);
  }
  const out: Dim[] = [];
  x.forEach((d, i) => {
    if (!reduced.has(i)) out.push(copyDim(d));
    else if (keep) out.push(dimOf(1));
  });
  ctx.output(0, elem, out);
  // ReduceProd over a shape gives an element count (Flatten exports).
  if (ctx.node.opType === 'ReduceProd' && x.length === 1) {
    const p = ctx.partial(0);
    const n = p ? knownProduct(p) : undefined;
    if (n !== undefined) ctx.outputPartial(0, [dimOf(n)]);
  }
};

const argReduce: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  if (!x) return ctx.output(0, DataType.INT64, undefined);
  const raw = ctx.attrInt('axis', 0);
  const axis = normalizeAxis(raw, x.length);
  if (axis === undefined) ctx.fail(`axis ${raw} is out of range for ${ctx.describeInput(0)}`);
  const keep = ctx.attrInt('keepdims', 1) === 1;
  const out: Dim[] = [];
  x.forEach((d, i) => {
    if (i !== axis) out.push(copyDim(d));
    else if (keep) out.push(dimOf(1));
  });
  ctx.output(0, DataType.INT64, out);
};

function topKValue(ctx: InferContext): Dim {
  if (ctx.opset < 10) return dimOf(ctx.attrInt('k', -1));
  const k = ctx.partial(1);
  return k?.length === 1 ? copyDim(k[0]) : unknownDim();
}

const topK: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  if (!x) {
    ctx.output(0, ctx.elemType(0), undefined);
    ctx.output(1, DataType.INT64, undefined);
    return;
  }
  const raw = ctx.attrInt('axis', -1);
  const axis = normalizeAxis(raw, x.length);
  if (axis === undefined) ctx.fail(`axis ${raw} is out of range for ${ctx.describeInput(0)}`);
  const k = topKValue(ctx);
  const n = x[axis]!.value;
  if (k.value !== undefined && n !== undefined && k.value > n) ctx.fail(`K ${k.value} exceeds axis ${raw} of ${ctx.describeInput(0)}`);
  const out = x.map(copyDim);
  out[axis] = k;
  ctx.output(0, ctx.elemType(0), out);
  ctx.output(1, DataType.INT64, out);
};

const REDUCE_OPS = [
  'ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceL1', 'ReduceL2', 'ReduceLogSum',
  'ReduceLogSumExp', 'ReduceSumSquare',
] as const;

export const reduceRules: RuleTable = {
  ...Object.fromEntries(REDUCE_OPS.map((op) => [op, reduce])),
  ArgMax: argReduce,
  ArgMin: argReduce,
  TopK: topK,
};
