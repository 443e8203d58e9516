/** Gather, GatherElements, GatherND, and Pad. */
import type { Dim } from '../type.js';
import type { InferContext, RuleTable, ShapeRule } from './context.js';
import { copyDim, dimArith, dimOf, normalizeAxis, unknownDim } from './dims.js';

/** out = data[:axis] + indices.shape + data[axis+1:] */
const gather: ShapeRule = (ctx: InferContext) => {
  const data = ctx.shape(0);
  const indices = ctx.shape(1);
  const elem = ctx.elemType(0);
  if (!data || !indices) return ctx.output(0, elem, undefined);
  const rawAxis = ctx.attrInt('axis', 0);
  const axis = normalizeAxis(rawAxis, data.length);
  if (axis === undefined) ctx.fail(`axis ${rawAxis} is out of range for ${ctx.describeInput(0)}`);
  ctx.output(0, elem, [...data.slice(0, axis), ...indices, ...data.slice(axis + 1)].map(copyDim));
  const p = data.length === 1 ? ctx.partial(0) : undefined;
  const idx = indices.length <= 1 ? ctx.ints(1) : undefined;
  if (p && idx) {
    const picked: Dim[] = [];
    for (const i of idx) {
      const e = p[i < 0 ? i + p.length : i];
      if (!e) ctx.fail(`index ${i} is out of range for ${ctx.describeInput(0)}`);
      picked.push(copyDim(e));
    }
    ctx.outputPartial(0, picked);
  }
};

const gatherElements: ShapeRule = (ctx: InferContext) => ctx.output(0, ctx.elemType(0), ctx.shape(1));

/** out = indices.shape[:-1] + data.shape[batch_dims + indices.shape[-1]:] */
const gatherND: ShapeRule = (ctx: InferContext) => {
  const data = ctx.shape(0);
  const indices = ctx.shape(1);
  const elem = ctx.elemType(0);
  if (!data || !indices) return ctx.output(0, elem, undefined);
  const b = ctx.attrInt('batch_dims', 0);
  if (indices.length < 1) ctx.fail(`indices ${ctx.describeInput(1)} must have rank >= 1`);
  const last = indices[indices.length - 1]!.value;
  if (last === undefined) return ctx.output(0, elem, undefined);
  if (b + last > data.length) ctx.fail(`indices ${ctx.describeInput(1)} index ${last} dims of ${ctx.describeInput(0)} after ${b} batch dims`);
  ctx.output(0, elem, [...indices.slice(0, -1), ...data.slice(b + last)].map(copyDim));
};

/** Pad: pads as attribute (`paddings` in opset 1, `pads` to 10), as input from 11; axes input from 18. */
const pad: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const elem = ctx.elemType(0);
  if (!x) return ctx.output(0, elem, undefined);
  const pads = ctx.opset < 11 ? (ctx.attrInts('pads') ?? ctx.attrInts('paddings')) : ctx.partial(1)?.map((d) => d.value);
  let axes: number[] | undefined = x.map((_, i) => i);
  if (ctx.opset >= 18 && ctx.has(3)) axes = ctx.ints(3);
  if (!pads || !axes) return ctx.output(0, elem, x.map(unknownDim));
  const n = axes.length;
  if (pads.length !== 2 * n) ctx.fail(`pads has ${pads.length} values, expected ${2 * n}`);
  const out = x.map(copyDim);
  axes.forEach((a, k) => {
    const axis = normalizeAxis(a, x.length);
    if (axis === undefined) ctx.fail(`axis ${a} is out of range for ${ctx.describeInput(0)}`);
    const before = pads[k];
    const after = pads[k + n];
    if (before === undefined || after === undefined) {
      out[axis] = unknownDim();
      return;
    }
    const d = dimArith(x[axis]!, dimOf(before + after), '+');
    if (d.value !== undefined && d.value < 0) ctx.fail(`pads ${JSON.stringify(pads)} remove more than axis ${axis} of ${ctx.describeInput(0)} holds`);
    out[axis] = d;
  });
  ctx.output(0, elem, out);
};

export const gatherRules: RuleTable = {
  Gather: gather,
  GatherElements: gatherElements,
  GatherND: gatherND,
  Pad: pad,
};
