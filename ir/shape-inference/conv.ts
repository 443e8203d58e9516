/**
 * Conv, ConvTranspose and their quantized forms.
 *
 *   Conv:          out = floor((in + pad_begin + pad_end - ((k - 1) * d + 1)) / s) + 1
 *                  SAME_UPPER/SAME_LOWER: ceil(in / s);  VALID: pads are 0
 *   ConvTranspose: out = s * (in - 1) + output_padding + ((k - 1) * d + 1) - pad_begin - pad_end
 *                  SAME_*: in * s;  output_shape given: that
 */
import { DataType } from '../dtype.js';
import type { Dim } from '../type.js';
import type { InferContext, RuleTable, ShapeRule } from './context.js';
import { copyDim, dimOf, unknownDim } from './dims.js';

export interface WindowAttrs {
  kernel: Array<number | undefined>;
  strides: number[];
  dilations: number[];
  pads: number[];
  autoPad: string;
}

/** Kernel window attributes with ONNX defaults for `n` spatial dims. */
export function windowAttrs(ctx: InferContext, n: number, kernel: Array<number | undefined>): WindowAttrs {
  const strides = ctx.attrInts('strides') ?? new Array<number>(n).fill(1);
  const dilations = ctx.attrInts('dilations') ?? new Array<number>(n).fill(1);
  const pads = ctx.attrInts('pads') ?? new Array<number>(2 * n).fill(0);
  if (strides.length !== n) ctx.fail(`strides has ${strides.length} values, expected ${n}`);
  if (dilations.length !== n) ctx.fail(`dilations has ${dilations.length} values, expected ${n}`);
  if (pads.length !== 2 * n) ctx.fail(`pads has ${pads.length} values, expected ${2 * n}`);
  if (kernel.length !== n) ctx.fail(`kernel_shape has ${kernel.length} values, expected ${n}`);
  if (strides.some((v) => v < 1)) ctx.fail(`strides must be positive, got [${strides.join(', ')}]`);
  if (dilations.some((v) => v < 1)) ctx.fail(`dilations must be positive, got [${dilations.join(', ')}]`);
  if (pads.some((v) => v < 0)) ctx.fail(`pads must not be negative, got [${pads.join(', ')}]`);
  if (kernel.some((v) => v !== undefined && v < 1)) ctx.fail(`kernel_shape must be positive, got [${kernel.join(', ')}]`);
  return { kernel, strides, dilations, pads, autoPad: ctx.attrString('auto_pad', 'NOTSET') };
}

/** Output size of a sliding window (Conv, pooling) along spatial axis `i`. */
export function windowOutput(ctx: InferContext, a: WindowAttrs, i: number, input: Dim, ceilMode: boolean): Dim {
  const k = a.kernel[i];
  const s = a.strides[i]!;
  const inSize = input.value;
  if (inSize === undefined) return unknownDim();
  if (a.autoPad === 'SAME_UPPER' || a.autoPad === 'SAME_LOWER') return dimOf(Math.ceil(inSize / s));
  if (k === undefined) return unknownDim();
  const effectiveKernel = (k - 1) * a.dilations[i]! + 1;
  const padBegin = a.autoPad === 'VALID' ? 0 : a.pads[i]!;
  const padEnd = a.autoPad === 'VALID' ? 0 : a.pads[i + a.kernel.length]!;
  const span = inSize + padBegin + padEnd - effectiveKernel;
  if (span < 0) {
    ctx.fail(`kernel ${effectiveKernel} (with dilation) is larger than the padded input ${inSize + padBegin + padEnd} on spatial axis ${i}`);
  }
  let out = (ceilMode ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  // The last window must start inside the input or its left padding (ONNX and ONNX Runtime).
  if (ceilMode && (out - 1) * s >= inSize + padBegin) out--;
  return dimOf(out);
}

interface ConvInputs {
  x: number;
  w: number;
  bias?: number;
  /** Output dtype when it is not the input's (ConvInteger, QLinearConv). */
  outElem?: (ctx: InferContext) => DataType | undefined;
}

function conv(io: ConvInputs): ShapeRule {
  return (ctx: InferContext) => {
    const elem = io.outElem ? io.outElem(ctx) : ctx.elemType(io.x);
    const x = ctx.shape(io.x);
    const w = ctx.shape(io.w);
    const group = ctx.attrInt('group', 1);
    if (x === undefined) {
      if (w !== undefined) ctx.output(0, elem, [unknownDim(), copyDim(w[0]), ...w.slice(2).map(unknownDim)]);
      else ctx.output(0, elem, undefined);
      return;
    }
    if (x.length < 3) ctx.fail(`input ${ctx.describeInput(io.x)} must have rank >= 3`);
    const n = x.length - 2;
    if (w !== undefined) {
      if (w.length !== x.length) ctx.fail(`weight ${ctx.describeInput(io.w)} has rank ${w.length}, input ${ctx.describeInput(io.x)} has rank ${x.length}`);
      const c = x[1]!.value;
      const wc = w[1]!.value;
      if (c !== undefined && wc !== undefined && c !== wc * group) {
        ctx.fail(`input channels ${c} of ${ctx.describeInput(io.x)} do not match weight in-channels ${wc} x group ${group} of ${ctx.describeInput(io.w)}`);
      }
      const m = w[0]!.value;
      if (m !== undefined && m % group !== 0) ctx.fail(`weight ${ctx.describeInput(io.w)} has ${m} output channels, not a multiple of group ${group}`);
      if (io.bias !== undefined && ctx.has(io.bias)) {
        const b = ctx.shape(io.bias);
        if (b && (b.length !== 1 || (b[0]!.value !== undefined && m !== undefined && b[0]!.value !== m))) {
          ctx.fail(`bias ${ctx.describeInput(io.bias)} does not match the ${m ?? '?'} output channels of weight ${ctx.describeInput(io.w)}`);
        }
      }
    }
    const kernelAttr = ctx.attrInts('kernel_shape');
    const kernel = kernelAttr ?? (w ? w.slice(2).map((d) => d.value) : new Array<undefined>(n).fill(undefined));
    const a = windowAttrs(ctx, n, kernel);
    const out: Dim[] = [copyDim(x[0]), w ? copyDim(w[0]) : unknownDim()];
    for (let i = 0; i < n; i++) out.push(windowOutput(ctx, a, i, x[2 + i]!, false));
    ctx.output(0, elem, out);
  };
}

const convTranspose: ShapeRule = (ctx: InferContext) => {
  const elem = ctx.elemType(0);
  const x = ctx.shape(0);
  const w = ctx.shape(1);
  const group = ctx.attrInt('group', 1);
  if (x === undefined) {
    ctx.output(0, elem, undefined);
    return;
  }
  if (x.length < 3) ctx.fail(`input ${ctx.describeInput(0)} must have rank >= 3`);
  const n = x.length - 2;
  let outChannels: Dim = unknownDim();
  if (w !== undefined) {
    if (w.length !== x.length) ctx.fail(`weight ${ctx.describeInput(1)} has rank ${w.length}, input ${ctx.describeInput(0)} has rank ${x.length}`);
    const c = x[1]!.value;
    const wc = w[0]!.value;
    if (c !== undefined && wc !== undefined && c !== wc) {
      ctx.fail(`input channels ${c} of ${ctx.describeInput(0)} do not match weight in-channels ${wc} of ${ctx.describeInput(1)}`);
    }
    if (w[1]!.value !== undefined) outChannels = dimOf(w[1]!.value * group);
  }
  const kernelAttr = ctx.attrInts('kernel_shape');
  const kernel = kernelAttr ?? (w ? w.slice(2).map((d) => d.value) : new Array<undefined>(n).fill(undefined));
  const a = windowAttrs(ctx, n, kernel);
  const outputPadding = ctx.attrInts('output_padding') ?? new Array<number>(n).fill(0);
  const outputShape = ctx.attrInts('output_shape');
  const out: Dim[] = [copyDim(x[0]), outChannels];
  for (let i = 0; i < n; i++) {
    if (outputShape) {
      // output_shape may list the spatial dims only, or all dims.
      const v = outputShape[outputShape.length - n + i];
      out.push(v === undefined ? unknownDim() : dimOf(v));
      continue;
    }
    const inSize = x[2 + i]!.value;
    const k = kernel[i];
    const s = a.strides[i]!;
    if (inSize === undefined) out.push(unknownDim());
    else if (a.autoPad === 'SAME_UPPER' || a.autoPad === 'SAME_LOWER') out.push(dimOf(inSize * s));
    else if (k === undefined) out.push(unknownDim());
    else {
      const pads = a.autoPad === 'VALID' ? 0 : a.pads[i]! + a.pads[i + n]!;
      const size = s * (inSize - 1) + (outputPadding[i] ?? 0) + (k - 1) * a.dilations[i]! + 1 - pads;
      if (size <= 0) ctx.fail(`output size ${size} on spatial axis ${i} is not positive`);
      out.push(dimOf(size));
    }
  }
  ctx.output(0, elem, out);
};

export const convRules: RuleTable = {
  Conv: conv({ x: 0, w: 1, bias: 2 }),
  ConvInteger: conv({ x: 0, w: 1, outElem: () => DataType.INT32 }),
  QLinearConv: conv({ x: 0, w: 3, bias: 8, outElem: (ctx) => ctx.elemType(7) ?? ctx.elemType(0) }),
  ConvTranspose: convTranspose,
};
