/**
 * Pooling. Window sizes follow Conv (see conv.ts); with ceil_mode the division rounds up, but the
 * last window must start inside the input or its left padding.
 */
import { DataType } from '../dtype.js';
import type { Dim } from '../type.js';
import type { InferContext, RuleTable, ShapeRule } from './context.js';
import { windowAttrs, windowOutput } from './conv.js';
import { copyDim, dimOf, unknownDim } from './dims.js';

const pool: ShapeRule = (ctx: InferContext) => {
  const elem = ctx.elemType(0);
  const x = ctx.shape(0);
  if (x === undefined) {
    ctx.output(0, elem, undefined);
    if (ctx.hasOutput(1)) ctx.output(1, DataType.INT64, undefined);
    return;
  }
  if (x.length < 3) ctx.fail(`input ${ctx.describeInput(0)} must have rank >= 3`);
  const n = x.length - 2;
  const kernel = ctx.attrInts('kernel_shape');
  if (!kernel) ctx.fail('kernel_shape is required');
  const a = windowAttrs(ctx, n, kernel);
  const ceilMode = ctx.attrInt('ceil_mode', 0) === 1;
  const out: Dim[] = [copyDim(x[0]), copyDim(x[1])];
  for (let i = 0; i < n; i++) out.push(windowOutput(ctx, a, i, x[2 + i]!, ceilMode));
  ctx.output(0, elem, out);
  if (ctx.hasOutput(1)) ctx.output(1, DataType.INT64, out);
};

const globalPool: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  if (x && x.length < 2) ctx.fail(`input ${ctx.describeInput(0)} must have rank >= 2`);
  ctx.output(0, ctx.elemType(0), x ? [copyDim(x[0]), copyDim(x[1]), ...x.slice(2).map(() => dimOf(1))] : undefined);
};

/** MaxRoiPool / RoiAlign: [num_rois, C, pooled...]. */
const roiPool: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const rois = ctx.shape(1);
  const pooled =
    ctx.node.opType === 'RoiAlign'
      ? [ctx.attrInt('output_height', 1), ctx.attrInt('output_width', 1)]
      : (ctx.attrInts('pooled_shape') ?? []);
  ctx.output(0, ctx.elemType(0), [rois ? copyDim(rois[0]) : unknownDim(), x ? copyDim(x[1]) : unknownDim(), ...pooled.map(dimOf)]);
};

export const poolRules: RuleTable = {
  MaxPool: pool,
  AveragePool: pool,
  LpPool: pool,
  GlobalAveragePool: globalPool,
  GlobalMaxPool: globalPool,
  GlobalLpPool: globalPool,
  MaxRoiPool: roiPool,
  RoiAlign: roiPool,
};
