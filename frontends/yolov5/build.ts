/**
 * buildModel: a YOLOv5-format config -> an ylc IR model, in training form (BatchNormalization
 * unfused, raw heads `pred0..` as outputs) or deploy form (what export.py writes: BN folded,
 * Detect decoded into `output0`).
 *
 * As YOLOv5's DetectionModel: layers resolved by parse_model (modules.ts); strides from the
 * feature map sizes of a 256x256 input; anchors divided by the strides and their level order
 * checked (check_anchor_order); Detect bias priors; BN eps 1e-3 / momentum 0.03. The deploy form
 * is the training form through `toDeployForm` (fold-bn, dce, decode), so both forms of one seed
 * hold the same network.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataType } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import { Graph, Value } from '../../ir/graph.js';
import { Model } from '../../ir/model.js';
import { tensorType } from '../../ir/type.js';
import { formatCount } from '../../ir/summary.js';
import { verifyModel } from '../../ir/verify.js';
import { packageRoot } from '../../cli/package-root.js';
import { GraphBuilder } from './builder.js';
import { MAX_NC, type LayerConfig, type YoloConfig } from './config.js';
import { emitDetectHeads, type DetectInfo } from './detect.js';
import { EmitContext, emitModule, moduleOutputSize } from './emit.js';
import { Initializer } from './init.js';
import { defaultNames, META_CONFIG, META_FORM, writeDetectInfo } from './metadata.js';
import { resolveLayers, type ConvParams, type ResolvedLayer } from './modules.js';
import { toDeployForm } from './deploy.js';

export const DEFAULT_OPSET = 12;
export const MIN_OPSET = 11;
export const MAX_OPSET = 21;
/**
 * Most parameters a model may have: 2^29, 2 GiB of float32 weights, the most one ONNX file holds
 * without external data (protobuf's 2 GiB limit), about 4x the largest YOLOv5 (yolov5x6, 141M).
 * Counted from the config before any tensor is allocated.
 */
export const MAX_PARAMETERS = 2 ** 29;
/** Largest image side (YOLOv5's largest models train at 1280). */
export const MAX_IMGSZ = 8192;
/** Largest static batch. */
export const MAX_BATCH = 1024;

export interface BuildOptions {
  /** Number of classes (overrides the config's `nc`, as YOLOv5's `--nc` / `Model(cfg, nc=...)`). */
  nc?: number;
  /** Image size, square or [h, w]; a multiple of the largest stride, at most MAX_IMGSZ. Default 640. */
  imgsz?: number | readonly [number, number];
  form: 'train' | 'deploy';
  /** Seed of the parameter initialization (default 0): same seed, same bytes. */
  seed?: number;
  /** Static batch size (default 1, at most MAX_BATCH), or 'dynamic' for dynamic batch/height/width as export.py --dynamic. */
  batch?: number | 'dynamic';
  /** ai.onnx opset (default 12, as export.py). */
  opset?: number;
  /** Class names for the `names` metadata (default class0, class1, ...). */
  names?: readonly string[];
}

/** ONNX IR version that goes with an opset (as onnx.helper's table). */
function irVersionFor(opset: number): bigint {
  if (opset <= 14) return 7n;
  if (opset <= 18) return 8n;
  if (opset <= 20) return 9n;
  return 10n;
}

let cachedVersion: string | undefined;
function ylcVersion(): string {
  if (cachedVersion === undefined) {
    try {
      cachedVersion = (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? '';
    } catch {
      cachedVersion = '';
    }
  }
  return cachedVersion;
}

interface CheckedOptions {
  nc: number;
  imgsz: [number, number];
  seed: number;
  batch: number | 'dynamic';
  opset: number;
  names: string[] | undefined;
}

function checkOptions(cfg: YoloConfig, options: BuildOptions): CheckedOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('buildModel: options must be an object with form: train | deploy');
  if (options.form !== 'train' && options.form !== 'deploy') {
    throw new YlcError('bad-option', `--form must be train or deploy, got '${String(options.form)}'`);
  }
  const isPosInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
  const nc = options.nc ?? cfg.nc;
  if (!isPosInt(nc)) throw new YlcError('bad-option', `--nc must be a positive integer, got ${String(nc)}`);
  if (nc > MAX_NC) throw new YlcError('bad-option', `--nc ${nc}: ylc builds at most ${MAX_NC} classes`);
  const raw = options.imgsz ?? 640;
  const imgsz: [number, number] = typeof raw === 'number' ? [raw, raw] : [raw[0], raw[1]];
  if (!imgsz.every(isPosInt) || (typeof raw !== 'number' && raw.length !== 2)) {
    throw new YlcError('bad-option', `--imgsz must be a positive integer or [h, w], got ${JSON.stringify(raw)}`);
  }
  if (imgsz.some((side) => side > MAX_IMGSZ)) throw new YlcError('bad-option', `--imgsz ${imgsz.join('x')}: ylc builds images up to ${MAX_IMGSZ} on a side`);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new YlcError('bad-option', `--seed must be a non-negative integer, got ${String(seed)}`);
  const batch = options.batch ?? 1;
  if (batch !== 'dynamic' && !isPosInt(batch)) throw new YlcError('bad-option', `--batch must be a positive integer or 'dynamic', got ${String(batch)}`);
  if (batch !== 'dynamic' && batch > MAX_BATCH) throw new YlcError('bad-option', `--batch ${batch}: ylc builds batches of at most ${MAX_BATCH} images (or 'dynamic')`);
  const opset = options.opset ?? DEFAULT_OPSET;
  if (!Number.isInteger(opset) || opset < MIN_OPSET || opset > MAX_OPSET) {
    throw new YlcError('bad-option', `--opset must be an integer from ${MIN_OPSET} to ${MAX_OPSET}, got ${String(opset)}`);
  }
  const names = options.names ? [...options.names] : undefined;
  if (names && !names.every((n) => typeof n === 'string')) throw new TypeError('buildModel: options.names must be strings');
  return { nc, imgsz, seed, batch, opset, names };
}

/** Spatial size of every layer's output for an h x w input ([-1, -1] where it cannot be computed). */
function layerSizes(layers: readonly ResolvedLayer[], h: number, w: number, fail: (layer: LayerConfig, message: string) => never): Array<[number, number]> {
  const sizes: Array<[number, number]> = [];
  for (const layer of layers) {
    const ins = layer.from.map((f) => (f < 0 ? ([h, w] as const) : sizes[f]!));
    if (layer.module.kind === 'Concat') {
      const first = ins[0]!;
      const other = ins.findIndex((s) => s[0] !== first[0] || s[1] !== first[1]);
      if (other > 0) {
        const a = layer.from[0]!;
        const bIdx = layer.from[other]!;
        fail(layer.config, `Concat inputs differ in size for a ${h}x${w} image: layer ${a} is ${first[0]}x${first[1]}, layer ${bIdx} is ${ins[other]![0]}x${ins[other]![1]}`);
      }
    }
    let size: [number, number] = [ins[0]![0], ins[0]![1]];
    for (let r = 0; r < layer.repeats; r++) size = moduleOutputSize(layer.module, [size]);
    if (size[0] <= 0 || size[1] <= 0) {
      fail(layer.config, `${layer.config.module} gets no output for a ${h}x${w} image (${layer.module.kind === 'SPPF' || layer.module.kind === 'SPP' ? 'pooling kernels must be odd' : 'the feature map shrinks to nothing'})`);
    }
    sizes.push(size);
  }
  return sizes;
}

/** A conv as YOLOv5's Conv: weight, BatchNorm weight and bias (running stats are buffers). */
function bnConvParameters(c: Pick<ConvParams, 'c1' | 'c2' | 'k' | 'g'>): number {
  return c.c2 * (c.c1 / c.g) * c.k * c.k + 2 * c.c2;
}

/** Parameters of one layer as countParameters counts them in the built model (buffers excluded). */
function layerParameters(layer: ResolvedLayer): number {
  const m = layer.module;
  const conv = (c1: number, c2: number, k: number, g = 1): number => bnConvParameters({ c1, c2, k, g });
  let n: number;
  switch (m.kind) {
    case 'Conv':
    case 'Focus':
      n = bnConvParameters(m.conv);
      break;
    case 'Bottleneck':
      n = conv(m.c1, m.hidden, 1) + conv(m.hidden, m.c2, 3, m.g);
      break;
    case 'C3':
      n = 2 * conv(m.c1, m.hidden, 1) + conv(2 * m.hidden, m.c2, 1) + m.bottlenecks.reduce((sum, h) => sum + conv(m.hidden, h, 1) + conv(h, m.hidden, 3, m.g), 0);
      break;
    case 'SPPF':
      n = conv(m.c1, m.hidden, 1) + conv(4 * m.hidden, m.c2, 1);
      break;
    case 'SPP':
      n = conv(m.c1, m.hidden, 1) + conv(m.hidden * (m.ks.length + 1), m.c2, 1);
      break;
    case 'Concat':
    case 'Upsample':
      n = 0;
      break;
    case 'Detect': {
      const out = (m.anchors[0]!.length / 2) * (m.nc + 5);
      n = m.ch.reduce((sum, c) => sum + (c + 1) * out, 0);
      break;
    }
    case 'ConvNeXt_Stem':
    case 'ConvNeXt_Downsample':
      // Conv2d with bias and a channels-first LayerNorm (after the stem's conv, before the downsample's).
      n = m.c2 * m.c1 * m.k * m.k + m.c2 + 2 * (m.kind === 'ConvNeXt_Stem' ? m.c2 : m.c1);
      break;
    case 'ConvNeXt_Block':
      // dwconv 7x7 with bias, LayerNorm, Linear(d, 4d), Linear(4d, d), layer scale gamma.
      n = m.blocks * (50 * m.dim + 2 * m.dim + (4 * m.dim * m.dim + 4 * m.dim) + (4 * m.dim * m.dim + m.dim) + m.dim);
      break;
  }
  return n * layer.repeats;
}

/** Builds the model described by `cfg`. See BuildOptions; errors are YlcErrors naming the YAML file and line. */
export function buildModel(cfg: YoloConfig, options: BuildOptions): Model {
  const train = buildTrainForm(cfg, options);
  if (options.form === 'train') return assertVerified(train, cfg);
  return assertVerified(toDeployForm(train), cfg);
}

/** A built model that breaks an IR invariant is a bug here, not bad input. */
function assertVerified(model: Model, cfg: YoloConfig): Model {
  const problems = verifyModel(model);
  if (problems.length > 0) throw new Error(`internal error: the model built from ${cfg.file} fails verification: ${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`);
  return model;
}

/** Refuses a model over MAX_PARAMETERS before any tensor is allocated, naming its largest layer. */
function checkSize(layers: readonly ResolvedLayer[], fail: (layer: LayerConfig, message: string) => never): void {
  const counts = layers.map(layerParameters);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= MAX_PARAMETERS) return;
  const largest = counts.indexOf(Math.max(...counts));
  const show = (n: number): string => (n < 1e15 ? formatCount(n) : n.toPrecision(3));
  fail(
    layers[largest]!.config,
    `the model would have ${show(total)} parameters (this layer, the largest, ${show(counts[largest]!)}); ` +
      `ylc builds at most ${formatCount(MAX_PARAMETERS)} (2^29, 2 GiB of float32): lower width_multiple, depth_multiple, nc or the layer widths`,
  );
}

/** A problem with one layer: `<file>:<line>: layer <i> (<module>): <message>`. */
function layerFailure(cfg: YoloConfig): (layer: LayerConfig, message: string) => never {
  return (layer, message) => {
    throw new YlcError('bad-model', `${cfg.file}:${layer.line}: layer ${layer.index} (${layer.module}): ${message}`);
  };
}

/** Strides of the Detect levels as YOLOv5 finds them: from the feature map sizes of a 256x256 forward. */
function detectStrides(layers: readonly ResolvedLayer[], fail: (layer: LayerConfig, message: string) => never): number[] {
  const sizes256 = layerSizes(layers, 256, 256, fail);
  return layers[layers.length - 1]!.from.map((f) => 256 / sizes256[f]![0]);
}

/**
 * The parameters the model of `cfg` would have (as countParameters counts them), computed from the
 * config alone, and the largest stride of its Detect levels: what an image side must be a multiple of.
 */
export function describeConfig(cfg: YoloConfig, nc = cfg.nc): { parameters: number; maxStride: number } {
  const fail = layerFailure(cfg);
  const layers = resolveLayers(cfg, nc, fail);
  return { parameters: layers.reduce((sum, l) => sum + layerParameters(l), 0), maxStride: Math.max(...detectStrides(layers, fail)) };
}

function buildTrainForm(cfg: YoloConfig, options: BuildOptions): Model {
  const o = checkOptions(cfg, options);
  const fail = layerFailure(cfg);
  const layers = resolveLayers(cfg, o.nc, fail);
  checkSize(layers, fail);
  const detectLayer = layers[layers.length - 1]!;
  const detect = detectLayer.module;
  if (detect.kind !== 'Detect') throw new YlcError('bad-model', `${cfg.file}: the last layer must be Detect`);

  const strides = detectStrides(layers, fail);
  const maxStride = Math.max(...strides);
  for (const [k, side] of o.imgsz.entries()) {
    if (side % maxStride !== 0) {
      const lo = Math.max(Math.floor(side / maxStride), 1) * maxStride;
      const hi = Math.ceil(side / maxStride) * maxStride;
      throw new YlcError('bad-option', `--imgsz ${o.imgsz.join('x')}: the ${k === 0 ? 'height' : 'width'} ${side} is not a multiple of the model's largest stride ${maxStride} (try ${lo === hi ? lo : `${lo} or ${hi}`})`);
    }
  }
  const sizes = layerSizes(layers, o.imgsz[0], o.imgsz[1], fail);

  // check_anchor_order on the stride-normalized anchors: flip the levels if their areas run against the strides.
  let anchors = detect.anchors.map((l) => [...l]);
  const area = (l: number[], s: number): number => {
    let sum = 0;
    for (let j = 0; j < l.length; j += 2) sum += (l[j]! / s) * (l[j + 1]! / s);
    return sum / (l.length / 2);
  };
  const da = area(anchors[anchors.length - 1]!, strides[strides.length - 1]!) - area(anchors[0]!, strides[0]!);
  const ds = strides[strides.length - 1]! - strides[0]!;
  if (da !== 0 && Math.sign(da) !== Math.sign(ds)) anchors = anchors.reverse();

  const nc = detect.nc;
  const na = anchors[0]!.length / 2;
  const names = o.names ?? defaultNames(nc);
  if (names.length !== nc) throw new YlcError('bad-option', `--names: ${names.length} class names given for nc=${nc}`);
  const info: DetectInfo = {
    layer: detectLayer.index,
    nc,
    na,
    no: nc + 5,
    anchors,
    strides,
    heads: detectLayer.from.map((_, i) => `pred${i}`),
    names,
    imgsz: o.imgsz,
    batch: o.batch,
  };

  const graph = new Graph('main_graph');
  const dynamic = o.batch === 'dynamic';
  const images = graph.addInput(new Value('images', tensorType(DataType.FLOAT, [dynamic ? 'batch' : (o.batch as number), cfg.ch, dynamic ? 'height' : o.imgsz[0], dynamic ? 'width' : o.imgsz[1]])));
  const b = new GraphBuilder(graph, o.opset);
  const ctx = new EmitContext(b, new Initializer(o.seed));
  const outputs: Value[] = [];
  const valueOf = (f: number): Value => (f < 0 ? images : outputs[f]!);
  for (const layer of layers) {
    const name = `model.${layer.index}`;
    const inputs = layer.from.map(valueOf);
    const m = layer.module;
    if (m.kind === 'Detect') {
      const heads = ctx.module(name, name, () => emitDetectHeads(ctx, inputs, m.ch, info, layer.from.map((f) => sizes[f]!)));
      heads.forEach((v, i) => {
        const [ny, nx] = sizes[layer.from[i]!]!;
        v.type = tensorType(DataType.FLOAT, dynamic ? ['batch', na, null, null, nc + 5] : [o.batch as number, na, ny, nx, nc + 5]);
      });
      graph.outputs = heads;
      outputs.push(heads[0]!);
      continue;
    }
    const out =
      layer.repeats === 1
        ? ctx.module(name, name, () => emitModule(ctx, m, inputs))
        : ctx.module(name, name, () => {
            let x = inputs[0]!;
            for (let j = 0; j < layer.repeats; j++) {
              const xin = x;
              x = ctx.module(`${name}.${j}`, `${j}`, () => emitModule(ctx, m, [xin]));
            }
            return x;
          });
    outputs.push(out);
  }

  const model = new Model(graph, { irVersion: irVersionFor(o.opset), opsetImports: [['', o.opset]] });
  model.producerName = 'ylc';
  model.producerVersion = ylcVersion();
  model.setMetadata(META_FORM, 'train');
  writeDetectInfo(model, info);
  model.setMetadata(META_CONFIG, JSON.stringify({ ...cfg.dict, nc: o.nc }));
  return model;
}
