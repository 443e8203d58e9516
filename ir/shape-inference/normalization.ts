/** BatchNormalization (with its training-mode outputs), LayerNormalization and Dropout. */
import { DataType } from '../dtype.js';
import type { InferContext, RuleTable, ShapeRule } from './context.js';
import { copyDim, dimOf, normalizeAxis, unknownDim } from './dims.js';

const PARAM_NAMES = ['scale', 'B', 'mean', 'var'] as const;

const batchNormalization: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  let channels = x && x.length >= 2 ? copyDim(x[1]) : unknownDim();
  // spatial=0 (opset < 9) allows per-activation parameters; only 1-D parameters are checked.
  const spatial = ctx.opset >= 9 || ctx.attrInt('spatial', 1) === 1;
  for (let i = 1; i <= 4 && spatial; i++) {
    const p = ctx.shape(i);
    if (!p) continue;
    if (p.length !== 1) ctx.fail(`${PARAM_NAMES[i - 1]} ${ctx.describeInput(i)} must be 1-D`);
    const len = p[0]!.value;
    if (len === undefined) continue;
    if (channels.value !== undefined && len !== channels.value) {
      ctx.fail(`${PARAM_NAMES[i - 1]} ${ctx.describeInput(i)} has ${len} values, input ${ctx.describeInput(0)} has ${channels.value} channels`);
    }
    channels = dimOf(len);
  }
  ctx.output(0, ctx.elemType(0), x);
  // Training outputs: running_mean/running_var (opset 14+), or mean/var/saved_mean/saved_var.
  const statsElem = ctx.elemType(3) ?? ctx.elemType(0);
  for (let i = 1; i < ctx.outputCount; i++) if (ctx.hasOutput(i)) ctx.output(i, statsElem, [channels]);
};

/** Mean and InvStdDev keep X's dims before `axis` and are 1 from it on; their type is stash_type. */
const layerNormalization: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  ctx.output(0, ctx.elemType(0), x);
  const stash = ctx.attrInt('stash_type', DataType.FLOAT) as DataType;
  let statShape = undefined;
  if (x) {
    const axis = normalizeAxis(ctx.attrInt('axis', -1), x.length);
    if (axis === undefined) ctx.fail(`axis ${ctx.attrInt('axis', -1)} is out of range for ${ctx.describeInput(0)}`);
    statShape = x.map((d, i) => (i < axis ? copyDim(d) : dimOf(1)));
  }
  for (const i of [1, 2]) if (ctx.hasOutput(i)) ctx.output(i, stash, statShape);
};

const dropout: ShapeRule = (ctx: InferContext) => {
  ctx.output(0, ctx.elemType(0), ctx.shape(0));
  if (ctx.hasOutput(1)) ctx.output(1, ctx.opset >= 10 ? DataType.BOOL : ctx.elemType(0), ctx.shape(0));
};

export const normalizationRules: RuleTable = {
  BatchNormalization: batchNormalization,
  LayerNormalization: layerNormalization,
  Dropout: dropout,
};
