/**
 * Slice (attributes before opset 10, inputs from it on).
 *
 *   step > 0: start, end clamped to [0, dim];   step < 0: start to [0, dim-1], end to [-1, dim-1]
 *   (negative start/end count from the end first);  length = max(0, ceil((end - start) / step))
 */
import type { InferContext, RuleTable, ShapeRule } from './context.js';
import { copyDim, dimOf, normalizeAxis, unknownDim } from './dims.js';

/** Indices [start, end) stepped, clamped as Slice does. */
export function sliceRange(dim: number, start: number, end: number, step: number): { start: number; length: number } {
  const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);
  let s = start < 0 ? start + dim : start;
  let e = end < 0 ? end + dim : end;
  if (step > 0) {
    s = clamp(s, 0, dim);
    e = clamp(e, 0, dim);
  } else {
    s = clamp(s, 0, dim - 1);
    e = clamp(e, -1, dim - 1);
  }
  return { start: s, length: Math.max(0, Math.ceil((e - s) / step)) };
}

/** Slice params; `undefined` entries are inputs whose values are not known. */
function sliceParams(ctx: InferContext): { starts?: number[]; ends?: number[]; axes?: number[]; steps?: number[] } {
  if (ctx.opset < 10) {
    return { starts: ctx.attrInts('starts'), ends: ctx.attrInts('ends'), axes: ctx.attrInts('axes'), steps: undefined };
  }
  return { starts: ctx.ints(1), ends: ctx.ints(2), axes: ctx.has(3) ? ctx.ints(3) : undefined, steps: ctx.has(4) ? ctx.ints(4) : undefined };
}

/** Ends at or beyond this are "to the end" whatever the dim. */
const TO_END = 2 ** 31 - 1;

const slice: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const elem = ctx.elemType(0);
  if (!x) return ctx.output(0, elem, undefined);
  const { starts, ends, steps } = sliceParams(ctx);
  let { axes } = sliceParams(ctx);
  const axesGiven = ctx.opset < 10 ? axes !== undefined : ctx.has(3);
  if (axesGiven && axes === undefined) return ctx.output(0, elem, x.map(unknownDim));
  if (!starts || !ends) {
    // Which axes are sliced is still known: the others keep their dims.
    if (!axes) return ctx.output(0, elem, x.map(unknownDim));
    const sliced = new Set(axes.map((a) => normalizeAxis(a, x.length)));
    return ctx.output(0, elem, x.map((d, i) => (sliced.has(i) ? unknownDim() : copyDim(d))));
  }
  if (starts.length !== ends.length) ctx.fail(`starts has ${starts.length} values, ends ${ends.length}`);
  axes ??= starts.map((_, i) => i);
  if (axes.length !== starts.length) ctx.fail(`axes has ${axes.length} values, starts ${starts.length}`);
  if (steps && steps.length !== starts.length) ctx.fail(`steps has ${steps.length} values, starts ${starts.length}`);
  const out = x.map(copyDim);
  const seen = new Set<number>();
  const ranges: Array<{ start: number; length: number; step: number } | undefined> = [];
  axes.forEach((a, k) => {
    const axis = normalizeAxis(a, x.length);
    if (axis === undefined) ctx.fail(`axis ${a} is out of range for ${ctx.describeInput(0)}`);
    if (seen.has(axis)) ctx.fail(`axis ${a} is repeated`);
    seen.add(axis);
    const step = steps?.[k] ?? 1;
    if (step === 0) ctx.fail('steps must not be 0');
    const start = starts[k]!;
    const end = ends[k]!;
    const dim = x[axis]!.value;
    if (dim === undefined) {
      out[axis] = step === 1 && start === 0 && end >= TO_END ? copyDim(x[axis]) : unknownDim();
      return;
    }
    const r = sliceRange(dim, start, end, step);
    out[axis] = dimOf(r.length);
    if (axis === 0) ranges[0] = { ...r, step };
  });
  ctx.output(0, elem, out);
  const p = ctx.partial(0);
  if (p && x.length === 1) {
    const r = ranges[0];
    ctx.outputPartial(0, r ? Array.from({ length: r.length }, (_, i) => p[r.start + i * r.step]!).map(copyDim) : p);
  }
};

export const sliceRules: RuleTable = { Slice: slice };
