/**
 * Emits each YOLOv5 module as ONNX nodes in training form (BatchNormalization unfused), with
 * PyTorch state_dict names for the parameters (`model.4.m.0.cv1.conv.weight`) and PyTorch export
 * names for the nodes (`/model.4/m/m.0/cv1/conv/Conv`). The forward computations follow
 * YOLOv5 v7.0 `models/common.py` and the YOLOv5-Light ConvNeXt modules (REFERENCE 2).
 */
import { attrFloat, attrInt, attrInts, attrString } from '../../ir/attribute.js';
import type { Value } from '../../ir/graph.js';
import { Tensor } from '../../ir/tensor.js';
import type { GraphBuilder } from './builder.js';
import { filled, type Initializer } from './init.js';
import type { ConvParams, ResolvedModule } from './modules.js';

export const BN_EPSILON = 1e-3;
/** PyTorch momentum 0.03, as ONNX writes it (running = momentum * running + (1 - momentum) * batch). */
export const BN_MOMENTUM_ONNX = 0.97;
export const LN_EPSILON = 1e-6;
export const LAYER_SCALE_INIT = 1e-6;
const INT64_MAX = 9223372036854775807n;

/** Scopes for node names and the state_dict prefix, kept in step. */
export class EmitContext {
  private readonly prefix: string[] = [];

  constructor(
    readonly b: GraphBuilder,
    readonly init: Initializer,
  ) {}

  /** Enters a submodule: `scopeName` for node names, `paramName` for the state_dict path. */
  module<T>(scopeName: string, paramName: string, fn: () => T): T {
    return this.b.scope(scopeName, () => {
      this.prefix.push(paramName);
      try {
        return fn();
      } finally {
        this.prefix.pop();
      }
    });
  }

  /** The state_dict name of `leaf` in the current module. */
  name(leaf: string): string {
    return [...this.prefix, leaf].join('.');
  }

  param(leaf: string, tensor: Tensor): Value {
    return this.b.param(this.name(leaf), tensor);
  }
}

function convAttrs(k: number, s: number, p: number, g: number, d: number): ReturnType<typeof attrInts>[] {
  return [attrInts('dilations', [d, d]), attrInt('group', g), attrInts('kernel_shape', [k, k]), attrInts('pads', [p, p, p, p]), attrInts('strides', [s, s])];
}

/** nn.Conv2d in the current scope (`conv`, `dwconv`, `m.0`): weight (and bias) with PyTorch's default init. */
function conv2d(
  ctx: EmitContext,
  x: Value,
  o: { c1: number; c2: number; k: number; s: number; p: number; g: number; d: number; bias: boolean; init?: 'default' | 'trunc-normal' },
): Value {
  const fanIn = (o.c1 / o.g) * o.k * o.k;
  const wDims = [o.c2, o.c1 / o.g, o.k, o.k];
  const w =
    o.init === 'trunc-normal' ? ctx.init.truncNormal(ctx.name('weight'), wDims, 0.02) : ctx.init.kaimingUniform(ctx.name('weight'), wDims, fanIn);
  const inputs = [x, ctx.param('weight', w)];
  if (o.bias) {
    const b = o.init === 'trunc-normal' ? filled([o.c2], 0) : ctx.init.defaultBias(ctx.name('bias'), [o.c2], fanIn);
    inputs.push(ctx.param('bias', b));
  }
  return ctx.b.op1('Conv', inputs, convAttrs(o.k, o.s, o.p, o.g, o.d));
}

/** YOLOv5 Conv: Conv2d(bias=False) -> BatchNorm2d(eps 1e-3, momentum 0.03) -> SiLU. */
export function emitConv(ctx: EmitContext, x: Value, p: ConvParams): Value {
  let y = ctx.module('conv', 'conv', () => conv2d(ctx, x, { ...p, bias: false }));
  y = ctx.module('bn', 'bn', () =>
    ctx.b.op1(
      'BatchNormalization',
      [y, ctx.param('weight', filled([p.c2], 1)), ctx.param('bias', filled([p.c2], 0)), ctx.param('running_mean', filled([p.c2], 0)), ctx.param('running_var', filled([p.c2], 1))],
      [attrFloat('epsilon', BN_EPSILON), attrFloat('momentum', BN_MOMENTUM_ONNX)],
    ),
  );
  if (!p.act) return y;
  return ctx.module('act', 'act', () => ctx.b.op1('Mul', [y, ctx.b.op1('Sigmoid', [y])]));
}

function simpleConv(c1: number, c2: number, k: number, s = 1, g = 1): ConvParams {
  return { c1, c2, k, s, p: Math.floor(k / 2), g, d: 1, act: true };
}

/** Bottleneck: x + cv2(cv1(x)) when shortcut and c1 == c2. */
function emitBottleneck(ctx: EmitContext, x: Value, c1: number, c2: number, hidden: number, shortcut: boolean, g: number): Value {
  const h = ctx.module('cv1', 'cv1', () => emitConv(ctx, x, simpleConv(c1, hidden, 1)));
  const y = ctx.module('cv2', 'cv2', () => emitConv(ctx, h, simpleConv(hidden, c2, 3, 1, g)));
  return shortcut && c1 === c2 ? ctx.b.op1('Add', [x, y]) : y;
}

function maxPool(ctx: EmitContext, x: Value, k: number): Value {
  const p = Math.floor(k / 2);
  return ctx.b.op1('MaxPool', [x], [attrInt('ceil_mode', 0), attrInts('dilations', [1, 1]), attrInts('kernel_shape', [k, k]), attrInts('pads', [p, p, p, p]), attrInts('strides', [1, 1])]);
}

/** channels_first LayerNorm (ConvNeXt): u = mean_c(x), s = mean_c((x-u)^2), w * (x-u)/sqrt(s+eps) + b. */
function layerNormChannelsFirst(ctx: EmitContext, x: Value, c: number): Value {
  const b = ctx.b;
  const u = b.reduceMean(x, [1]);
  const d = b.op1('Sub', [x, u]);
  const s = b.reduceMean(b.op1('Pow', [d, b.constFloat(2)]), [1]);
  const r = b.op1('Sqrt', [b.op1('Add', [s, b.constFloat(LN_EPSILON)])]);
  const n = b.op1('Div', [d, r]);
  const w = b.unsqueeze(ctx.param('weight', filled([c], 1)), [1, 2]);
  const bias = b.unsqueeze(ctx.param('bias', filled([c], 0)), [1, 2]);
  return b.op1('Add', [b.op1('Mul', [w, n]), bias]);
}

/** channels_last LayerNorm (F.layer_norm on the last axis). */
function layerNormLastAxis(ctx: EmitContext, x: Value, c: number): Value {
  const b = ctx.b;
  const w = ctx.param('weight', filled([c], 1));
  const bias = ctx.param('bias', filled([c], 0));
  if (b.opset >= 17) return b.op1('LayerNormalization', [x, w, bias], [attrInt('axis', -1), attrFloat('epsilon', LN_EPSILON)]);
  const u = b.reduceMean(x, [-1]);
  const d = b.op1('Sub', [x, u]);
  const s = b.reduceMean(b.op1('Pow', [d, b.constFloat(2)]), [-1]);
  const r = b.op1('Sqrt', [b.op1('Add', [s, b.constFloat(LN_EPSILON)])]);
  return b.op1('Add', [b.op1('Mul', [b.op1('Div', [d, r]), w]), bias]);
}

/** nn.Linear(cin, cout) on the last axis: MatMul(x, W^T) + b, W kept as [cout, cin] under its state_dict name. */
function linear(ctx: EmitContext, x: Value, cin: number, cout: number): Value {
  const b = ctx.b;
  const w = ctx.param('weight', ctx.init.truncNormal(ctx.name('weight'), [cout, cin], 0.02));
  const bias = ctx.param('bias', filled([cout], 0));
  const wt = b.op1('Transpose', [w], [attrInts('perm', [1, 0])]);
  return b.op1('Add', [b.op1('MatMul', [x, wt]), bias]);
}

/** Exact GELU as PyTorch exports it: x * (1 + erf(x / sqrt(2))) * 0.5. */
function gelu(ctx: EmitContext, x: Value): Value {
  const b = ctx.b;
  const e = b.op1('Erf', [b.op1('Div', [x, b.constFloat(Math.SQRT2)])]);
  return b.op1('Mul', [b.op1('Mul', [x, b.op1('Add', [e, b.constFloat(1)])]), b.constFloat(0.5)]);
}

/** One ConvNeXt block: dwconv 7x7 -> NHWC -> LN -> Linear(4x) -> GELU -> Linear -> gamma * -> NCHW -> + x. */
function convNextInnerBlock(ctx: EmitContext, x: Value, dim: number): Value {
  const b = ctx.b;
  const dw = ctx.module('dwconv', 'dwconv', () => conv2d(ctx, x, { c1: dim, c2: dim, k: 7, s: 1, p: 3, g: dim, d: 1, bias: true, init: 'trunc-normal' }));
  const nhwc = b.op1('Transpose', [dw], [attrInts('perm', [0, 2, 3, 1])]);
  const n = ctx.module('norm', 'norm', () => layerNormLastAxis(ctx, nhwc, dim));
  const h = ctx.module('pwconv1', 'pwconv1', () => linear(ctx, n, dim, 4 * dim));
  const a = ctx.module('act', 'act', () => gelu(ctx, h));
  const o = ctx.module('pwconv2', 'pwconv2', () => linear(ctx, a, 4 * dim, dim));
  const scaled = b.op1('Mul', [ctx.param('gamma', filled([dim], LAYER_SCALE_INIT)), o]);
  const nchw = b.op1('Transpose', [scaled], [attrInts('perm', [0, 3, 1, 2])]);
  return b.op1('Add', [x, nchw]);
}

/**
 * Emits one non-Detect module in the current (layer) scope; `inputs` are the values named by
 * `from`. Returns the module's output.
 */
export function emitModule(ctx: EmitContext, m: Exclude<ResolvedModule, { kind: 'Detect' }>, inputs: readonly Value[]): Value {
  const b = ctx.b;
  const x = inputs[0]!;
  switch (m.kind) {
    case 'Conv':
      return emitConv(ctx, x, m.conv);
    case 'Bottleneck':
      return emitBottleneck(ctx, x, m.c1, m.c2, m.hidden, m.shortcut, m.g);
    case 'C3': {
      const c = m.hidden;
      let y = ctx.module('cv1', 'cv1', () => emitConv(ctx, x, simpleConv(m.c1, c, 1)));
      y = ctx.module('m', 'm', () => {
        let h = y;
        m.bottlenecks.forEach((hidden, j) => {
          h = ctx.module(`m.${j}`, `${j}`, () => emitBottleneck(ctx, h, c, c, hidden, m.shortcut, m.g));
        });
        return h;
      });
      const z = ctx.module('cv2', 'cv2', () => emitConv(ctx, x, simpleConv(m.c1, c, 1)));
      const cat = b.op1('Concat', [y, z], [attrInt('axis', 1)]);
      return ctx.module('cv3', 'cv3', () => emitConv(ctx, cat, simpleConv(2 * c, m.c2, 1)));
    }
    case 'SPPF': {
      const h = ctx.module('cv1', 'cv1', () => emitConv(ctx, x, simpleConv(m.c1, m.hidden, 1)));
      const y1 = ctx.module('m', 'm', () => maxPool(ctx, h, m.k));
      const y2 = ctx.module('m', 'm', () => maxPool(ctx, y1, m.k));
      const y3 = ctx.module('m', 'm', () => maxPool(ctx, y2, m.k));
      const cat = b.op1('Concat', [h, y1, y2, y3], [attrInt('axis', 1)]);
      return ctx.module('cv2', 'cv2', () => emitConv(ctx, cat, simpleConv(4 * m.hidden, m.c2, 1)));
    }
    case 'SPP': {
      const h = ctx.module('cv1', 'cv1', () => emitConv(ctx, x, simpleConv(m.c1, m.hidden, 1)));
      const pooled = m.ks.map((k, j) => ctx.module(`m.${j}`, `m.${j}`, () => maxPool(ctx, h, k)));
      const cat = b.op1('Concat', [h, ...pooled], [attrInt('axis', 1)]);
      return ctx.module('cv2', 'cv2', () => emitConv(ctx, cat, simpleConv(m.hidden * (m.ks.length + 1), m.c2, 1)));
    }
    case 'Focus': {
      // x[..., ::2, ::2], x[..., 1::2, ::2], x[..., ::2, 1::2], x[..., 1::2, 1::2]
      const patches = [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ].map(([r, c]) => {
        const rows = slice(ctx, x, 2, r!);
        return slice(ctx, rows, 3, c!);
      });
      const cat = b.op1('Concat', patches, [attrInt('axis', 1)]);
      return ctx.module('conv', 'conv', () => emitConv(ctx, cat, m.conv));
    }
    case 'Concat':
      return b.op1('Concat', inputs, [attrInt('axis', m.axis)]);
    case 'Upsample': {
      const scales = b.constant(Tensor.fromFloat32([4], Float32Array.of(1, 1, m.scale, m.scale)));
      const roi = b.constant(Tensor.fromFloat32([0], new Float32Array(0)));
      return b.op1('Resize', [x, roi, scales], [
        attrString('coordinate_transformation_mode', 'asymmetric'),
        attrFloat('cubic_coeff_a', -0.75),
        attrString('mode', 'nearest'),
        attrString('nearest_mode', 'floor'),
      ]);
    }
    case 'ConvNeXt_Stem': {
      const y = ctx.module('conv', 'conv', () => conv2d(ctx, x, { c1: m.c1, c2: m.c2, k: m.k, s: m.s, p: 0, g: 1, d: 1, bias: true }));
      return ctx.module('ln', 'ln', () => layerNormChannelsFirst(ctx, y, m.c2));
    }
    case 'ConvNeXt_Downsample': {
      const y = ctx.module('ln', 'ln', () => layerNormChannelsFirst(ctx, x, m.c1));
      return ctx.module('conv', 'conv', () => conv2d(ctx, y, { c1: m.c1, c2: m.c2, k: m.k, s: m.s, p: 0, g: 1, d: 1, bias: true }));
    }
    case 'ConvNeXt_Block':
      return ctx.module('m', 'm', () => {
        let h = x;
        for (let j = 0; j < m.blocks; j++) h = ctx.module(`m.${j}`, `${j}`, () => convNextInnerBlock(ctx, h, m.dim));
        return h;
      });
  }
}

/** x[..., start::2] on `axis`, as the exporter writes it (Slice with constant starts/ends/axes/steps). */
function slice(ctx: EmitContext, x: Value, axis: number, start: number): Value {
  const b = ctx.b;
  const c = (v: bigint | number): Value => b.constant(Tensor.fromInt64([1], BigInt64Array.of(BigInt(v))));
  return b.op1('Slice', [x, c(start), c(INT64_MAX), c(axis), c(2)]);
}

/** Output spatial size of each module, for strides (a 256x256 forward in YOLOv5) and head shapes. */
export function moduleOutputSize(m: ResolvedModule, inputs: ReadonlyArray<readonly [number, number]>): [number, number] {
  const [h, w] = inputs[0]!;
  const convOut = (n: number, k: number, s: number, p: number, d: number): number => Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
  switch (m.kind) {
    case 'Conv':
      return [convOut(h, m.conv.k, m.conv.s, m.conv.p, m.conv.d), convOut(w, m.conv.k, m.conv.s, m.conv.p, m.conv.d)];
    case 'Focus': {
      const hh = Math.ceil(h / 2);
      const ww = Math.ceil(w / 2);
      return [convOut(hh, m.conv.k, m.conv.s, m.conv.p, m.conv.d), convOut(ww, m.conv.k, m.conv.s, m.conv.p, m.conv.d)];
    }
    case 'SPPF':
    case 'SPP': {
      const ks = m.kind === 'SPPF' ? [m.k] : m.ks;
      for (const k of ks) {
        if (convOut(h, k, 1, Math.floor(k / 2), 1) !== h) return [-1, -1]; // even kernels change the size: Concat fails
      }
      return [h, w];
    }
    case 'Upsample':
      return [Math.floor(h * m.scale), Math.floor(w * m.scale)];
    case 'ConvNeXt_Stem':
    case 'ConvNeXt_Downsample':
      return [convOut(h, m.k, m.s, 0, 1), convOut(w, m.k, m.s, 0, 1)];
    default:
      return [h, w];
  }
}

export function conv2dForDetect(ctx: EmitContext, x: Value, c1: number, c2: number, biasPrior: (bias: Float32Array) => void): Value {
  const fanIn = c1;
  const w = ctx.init.kaimingUniform(ctx.name('weight'), [c2, c1, 1, 1], fanIn);
  const bias = ctx.init.defaultBias(ctx.name('bias'), [c2], fanIn).toFloat32();
  biasPrior(bias);
  return ctx.b.op1('Conv', [x, ctx.param('weight', w), ctx.param('bias', Tensor.fromFloat32([c2], bias))], convAttrs(1, 1, 0, 1, 1));
}
