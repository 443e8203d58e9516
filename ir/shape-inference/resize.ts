/**
 * Resize and Upsample.
 *
 *   scales: out = floor(in * scale), computed in float32 as ONNX and ONNX Runtime do
 *   sizes:  out = sizes, or with keep_aspect_ratio_policy (opset 18) not_larger/not_smaller:
 *           s = min/max over axes of sizes[i] / in[i], out = round(in * s)
 */
import { AttrType } from '../attribute.js';
import type { Dim } from '../type.js';
import type { InferContext, RuleTable, ShapeRule } from './context.js';
import { copyDim, dimOf, normalizeAxis, unknownDim } from './dims.js';

function scaled(d: Dim, scale: number): Dim {
  if (d.value === undefined) return scale === 1 ? copyDim(d) : unknownDim();
  return dimOf(Math.floor(Math.fround(Math.fround(d.value) * Math.fround(scale))));
}

function applyScales(ctx: InferContext, x: Dim[], scales: number[], axes: number[]): Dim[] {
  if (scales.length !== axes.length) ctx.fail(`scales has ${scales.length} values for ${axes.length} axes of ${ctx.describeInput(0)}`);
  const out = x.map(copyDim);
  axes.forEach((a, k) => {
    if (!(scales[k]! > 0)) ctx.fail(`scale ${scales[k]} must be positive`);
    out[a] = scaled(x[a]!, scales[k]!);
  });
  return out;
}

function resizeAxes(ctx: InferContext, rank: number): number[] {
  const attr = ctx.opset >= 18 ? ctx.attrInts('axes') : undefined;
  if (!attr) return Array.from({ length: rank }, (_, i) => i);
  return attr.map((a) => {
    const axis = normalizeAxis(a, rank);
    if (axis === undefined) ctx.fail(`axis ${a} is out of range for ${ctx.describeInput(0)}`);
    return axis;
  });
}

const resize: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const elem = ctx.elemType(0);
  if (!x) return ctx.output(0, elem, undefined);
  const axes = resizeAxes(ctx, x.length);
  // Opset 10: (X, scales). From 11: (X, roi, scales, sizes), where unused ones may be empty.
  const scalesInput = ctx.opset < 11 ? 1 : 2;
  const scales = ctx.has(scalesInput) ? ctx.floats(scalesInput) : undefined;
  if (scales && scales.length > 0) return ctx.output(0, elem, applyScales(ctx, x, scales, axes));
  const sizes = ctx.opset >= 11 && ctx.has(3) ? ctx.partial(3) : undefined;
  if (!sizes || sizes.length === 0) {
    // Non-constant scales/sizes: rank is kept, axes outside `axes` too.
    const resized = new Set(axes);
    return ctx.output(0, elem, x.map((d, i) => (resized.has(i) ? unknownDim() : copyDim(d))));
  }
  if (sizes.length !== axes.length) ctx.fail(`sizes has ${sizes.length} values for ${axes.length} axes of ${ctx.describeInput(0)}`);
  const out = x.map(copyDim);
  const policy = ctx.attrString('keep_aspect_ratio_policy', 'stretch');
  if (ctx.opset >= 18 && policy !== 'stretch') {
    let scale: number | undefined;
    axes.forEach((a, k) => {
      const s = sizes[k]!.value;
      const d = x[a]!.value;
      const r = s === undefined || d === undefined ? Number.NaN : Math.fround(s / d);
      if (scale === undefined) scale = r;
      else scale = policy === 'not_larger' ? Math.min(scale, r) : Math.max(scale, r);
    });
    axes.forEach((a) => {
      const d = x[a]!.value;
      out[a] = d === undefined || scale === undefined || Number.isNaN(scale) ? unknownDim() : dimOf(Math.round(Math.fround(scale * d)));
    });
  } else {
    axes.forEach((a, k) => (out[a] = copyDim(sizes[k])));
  }
  ctx.output(0, elem, out);
};

/** Upsample: scales as attribute to opset 8, as input 1 from 9. */
const upsample: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const elem = ctx.elemType(0);
  if (!x) return ctx.output(0, elem, undefined);
  const scales = ctx.opset < 9 ? ctx.node.attributes.get('scales') : undefined;
  const values = scales?.type === AttrType.FLOATS ? scales.value : ctx.opset >= 9 ? ctx.floats(1) : undefined;
  if (!values) return ctx.output(0, elem, x.map(unknownDim));
  ctx.output(0, elem, applyScales(ctx, x, values, x.map((_, i) => i)));
};

export const resizeRules: RuleTable = { Resize: resize, Upsample: upsample };
