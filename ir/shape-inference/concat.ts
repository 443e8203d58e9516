/** Concat and Split (split sizes as attribute before opset 13, as input from it on; num_outputs from 18). */
import type { Dim } from '../type.js';
import type { InferContext, RuleTable, ShapeRule } from './context.js';
import { copyDim, dimOf, normalizeAxis, unknownDim } from './dims.js';

const concat: ShapeRule = (ctx: InferContext) => {
  let elem = undefined;
  const shapes: Array<{ i: number; shape: Dim[] }> = [];
  for (let i = 0; i < ctx.inputCount; i++) {
    elem ??= ctx.elemType(i);
    const s = ctx.shape(i);
    if (s) shapes.push({ i, shape: s });
  }
  if (shapes.length === 0) return ctx.output(0, elem, undefined);
  const first = shapes[0]!;
  const rank = first.shape.length;
  const rawAxis = ctx.attrInt('axis', ctx.opset < 4 ? 1 : Number.NaN);
  if (Number.isNaN(rawAxis)) ctx.fail('axis is required');
  const axis = normalizeAxis(rawAxis, rank);
  if (axis === undefined) ctx.fail(`axis ${rawAxis} is out of range for ${ctx.describeInput(first.i)}`);
  const out = first.shape.map(copyDim);
  for (const { i, shape } of shapes.slice(1)) {
    if (shape.length !== rank) ctx.fail(`inputs ${ctx.describeInput(first.i)} and ${ctx.describeInput(i)} differ in rank`);
    shape.forEach((d, k) => {
      if (k === axis) return;
      const o = out[k]!;
      if (o.value !== undefined && d.value !== undefined && o.value !== d.value) {
        ctx.fail(`inputs ${ctx.describeInput(first.i)} and ${ctx.describeInput(i)} disagree on dim ${k}`);
      }
      if (o.value === undefined && (d.value !== undefined || (o.param === undefined && d.param !== undefined))) out[k] = copyDim(d);
    });
  }
  let total: number | undefined = 0;
  for (let i = 0; i < ctx.inputCount; i++) {
    const d = ctx.shape(i)?.[axis]?.value;
    total = d === undefined || total === undefined ? undefined : total + d;
  }
  out[axis] = total !== undefined ? dimOf(total) : ctx.inputCount === 1 ? copyDim(first.shape[axis]) : unknownDim();
  ctx.output(0, elem, out);
  if (rank === 1) {
    const parts: Dim[] = [];
    for (let i = 0; i < ctx.inputCount; i++) {
      const p = ctx.partial(i);
      if (!p) return;
      parts.push(...p.map(copyDim));
    }
    ctx.outputPartial(0, parts);
  }
};

/** Split sizes: attribute (opset < 13) or input 1; undefined when absent, 'unknown' when not constant. */
function splitSizes(ctx: InferContext): number[] | undefined | 'unknown' {
  if (ctx.opset < 13) return ctx.attrInts('split') ?? (ctx.has(1) ? (ctx.ints(1) ?? 'unknown') : undefined);
  if (!ctx.has(1)) return undefined;
  return ctx.ints(1) ?? 'unknown';
}

const split: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const elem = ctx.elemType(0);
  const n = ctx.outputCount;
  if (!x) {
    for (let i = 0; i < n; i++) ctx.output(i, elem, undefined);
    return;
  }
  const rawAxis = ctx.attrInt('axis', 0);
  const axis = normalizeAxis(rawAxis, x.length);
  if (axis === undefined) ctx.fail(`axis ${rawAxis} is out of range for ${ctx.describeInput(0)}`);
  const dim = x[axis]!.value;
  const sizes = splitSizes(ctx);
  let lengths: Array<number | undefined>;
  if (Array.isArray(sizes)) {
    if (sizes.length !== n) ctx.fail(`split has ${sizes.length} sizes for ${n} outputs`);
    const sum = sizes.reduce((a, b) => a + b, 0);
    if (dim !== undefined && sum !== dim) ctx.fail(`split sizes ${JSON.stringify(sizes)} sum to ${sum}, axis ${rawAxis} of ${ctx.describeInput(0)} has ${dim}`);
    lengths = sizes;
  } else if (sizes === 'unknown' || dim === undefined) {
    lengths = new Array<undefined>(n).fill(undefined);
  } else if (ctx.opset >= 18 && ctx.node.attr('num_outputs')) {
    const count = ctx.attrInt('num_outputs', n);
    if (count !== n) ctx.fail(`num_outputs ${count} differs from the ${n} outputs`);
    // Uneven splits: every chunk but the last has ceil(dim / n) elements.
    const chunk = Math.ceil(dim / n);
    lengths = Array.from({ length: n }, (_, i) => (i < n - 1 ? chunk : dim - chunk * (n - 1)));
    if (lengths.some((l) => l! < 0)) ctx.fail(`cannot split ${ctx.describeInput(0)} axis ${rawAxis} into ${n} outputs`);
  } else {
    if (dim % n !== 0) ctx.fail(`axis ${rawAxis} of ${ctx.describeInput(0)} does not split evenly into ${n} outputs`);
    lengths = new Array<number>(n).fill(dim / n);
  }
  const p = x.length === 1 ? ctx.partial(0) : undefined;
  let offset = 0;
  lengths.forEach((len, i) => {
    const shape = x.map(copyDim);
    shape[axis] = len === undefined ? unknownDim() : dimOf(len);
    ctx.output(i, elem, shape);
    if (p && len !== undefined) ctx.outputPartial(i, p.slice(offset, offset + len).map(copyDim));
    offset += len ?? 0;
  });
};

export const concatRules: RuleTable = { Concat: concat, Split: split };
