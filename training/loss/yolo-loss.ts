/**
 * The YOLOv5 v7.0 loss (`utils/loss.py` ComputeLoss, gr = 1, autobalance off) appended to a
 * training-form model, in standard ONNX ops. Target assignment runs on the host (targets.ts); the
 * graph receives, per level i, the entries' cells `target_indices<i>` [n, 4] (b, a, gj, gi),
 * `target_box<i>` [n, 4], `target_anchors<i>` [n, 2], `target_cls<i>` [n] (nc > 1 only) and the
 * objectness rows `target_obj_rows<i>` [m, 1] (GatherND indices into the n entries); n and m may
 * be 0.
 *
 * Per level, with p = GatherND(pred_i, indices) ([n, no]):
 *   pxy = 2 sigmoid(p_xy) - 0.5,  pwh = (2 sigmoid(p_wh))^2 * anchor
 *   CIoU(pbox, tbox), eps = 1e-7:  iou - (rho^2 / c^2 + v * alpha),
 *     v = 4 / pi^2 (atan(w2 / (h2 + eps)) - atan(w1 / (h1 + eps)))^2,
 *     alpha = v / (v - iou + 1 + eps)          (no gradient: listed in `stopGradient`)
 *   lbox_i = sum(1 - CIoU) / max(n, 1)
 *   lcls_i = sum BCE(p_cls, onehot(tcls; cn, cp)) / max(n * nc, 1),  cp = 1 - ls / 2, cn = ls / 2
 *   lobj_i = mean over all cells of BCE(p_obj, tobj),  tobj = clamp(CIoU, 0) at the entries' cells
 *            (no gradient), 0 elsewhere
 * BCE is BCEWithLogits with pos_weight pw, in its stable form:
 *   BCE(x, t) = relu(x) - x t + softplus(-|x|) + (pw - 1) t (relu(-x) + softplus(-|x|))
 * (= (1 - t) x + (1 + (pw - 1) t) log(1 + e^-x)). tobj is sparse, so lobj is the mean of BCE(x, 0)
 * over the dense objectness map minus the target terms at the m cells:
 *   lobj_i = mean(BCE(x, 0)) - sum_k [t_k x_k - (pw - 1) t_k (relu(-x_k) + softplus(-|x_k|))] / N_i,
 * N_i = bs * na * ny * nx, one k per distinct cell (the entry written last, as YOLOv5's index_put).
 * Then
 *   lbox = box * sum_i lbox_i,  lobj = obj * sum_i balance_i lobj_i,  lcls = cls * sum_i lcls_i,
 *   loss = (lbox + lobj + lcls) * bs  [1],  loss_items = (lbox, lobj, lcls)  [3]
 * with balance [4.0, 1.0, 0.4] for 3 levels ([4.0, 1.0, 0.25, 0.06, 0.02] otherwise). Empty levels
 * contribute 0 to lbox and lcls, as YOLOv5 skips them.
 *
 * Counts come from graph inputs only (the target tensors' and the images' shapes), never from a
 * value that depends on the parameters, so the backward pass sees no Shape of a differentiable
 * value. The model's `ylc.loss` metadata records the hyp and the inputs, for `yoloTargetFeeds`.
 *
 * With `capacity`, every target input has a fixed first dim C_i and two more inputs mask the
 * padding: `target_weights<i>` [C] and `target_obj_weights<i>` [C] (1 real, 0 padding); then
 * n = sum(weights), lbox_i and lcls_i sum weighted terms, and the objectness targets are weighted.
 * A backward graph built once (autodiff needs static shapes) then serves every batch whose levels
 * fit, which the exact-count form cannot.
 */
import { attrInt, attrInts } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import { Value } from '../../ir/graph.js';
import type { Model } from '../../ir/model.js';
import { Tensor } from '../../ir/tensor.js';
import { tensorType, staticDims } from '../../ir/type.js';
import { GraphBuilder } from '../../frontends/yolov5/builder.js';
import { readDetectInfo, readForm } from '../../frontends/yolov5/metadata.js';
import type { DetectInfo } from '../../frontends/yolov5/detect.js';
import { checkHyp, type Hyp } from './hyp.js';
import { assignTargets, checkTargets, type LevelTargets } from './targets.js';

export const META_LOSS = 'ylc.loss';
export const LOSS_OUTPUT = 'loss';
export const LOSS_ITEMS_OUTPUT = 'loss_items';
const EPS = 1e-7;

export interface YoloLossOptions {
  /** The hyperparameters as ComputeLoss sees them (already rescaled for nc, imgsz and nl). */
  hyp: Hyp;
  /**
   * A static batch size for the `* bs` factor and the objectness means; default: the `images`
   * input's batch dimension, read at run time when it is dynamic.
   */
  batchSize?: number;
  /**
   * Fixed-capacity target inputs: at most this many entries per level (one number for every level,
   * or one per level), padded on the host and masked by `target_weights<i>` / `target_obj_weights<i>`
   * (1 for real entries, 0 for padding). Every shape is then static, as a backward graph reused
   * across batches needs. Default: dynamic first dims n, m (exact counts, no padding).
   */
  capacity?: number | readonly number[];
}

export interface YoloLoss {
  /** Graph output [1]: (lbox + lobj + lcls) * bs. */
  loss: string;
  /** Graph output [3]: lbox, lobj, lcls (gains applied, not multiplied by bs). */
  items: string;
  /** The target inputs added to the graph, in order (see `yoloTargetFeeds`). */
  inputs: string[];
  /** Values the gradient must not flow through (CIoU's alpha, the objectness targets). */
  stopGradient: string[];
}

/** What `ylc.loss` records. */
interface LossMeta {
  hyp: Hyp;
  inputs: string[];
  levels: number;
  /** Entries per level of fixed-capacity inputs; absent for dynamic ones. */
  capacity?: number[];
}

/**
 * A capacity that holds every entry `maxTargets` boxes can make on one level: each box matches
 * at most na anchors and trains at most 5 cells per anchor (3, unless its centre lies exactly on
 * a grid line: then both neighbours of that axis qualify).
 */
export function targetCapacity(maxTargets: number, na = 3): number {
  if (!Number.isInteger(maxTargets) || maxTargets < 0) throw new RangeError(`targetCapacity: maxTargets must be an integer >= 0, got ${maxTargets}`);
  return Math.max(1, maxTargets * na * 5);
}

export function objBalance(nl: number): number[] {
  return nl === 3 ? [4.0, 1.0, 0.4] : [4.0, 1.0, 0.25, 0.06, 0.02].slice(0, nl);
}

/** Appends the loss to a training-form model (in place). See the file header. */
export function appendYoloLoss(model: Model, options: YoloLossOptions): YoloLoss {
  if (typeof options !== 'object' || options === null) throw new TypeError('appendYoloLoss: options must be an object with a hyp');
  const hyp = checkHyp(options.hyp as unknown as Record<string, unknown>, 'appendYoloLoss: options.hyp');
  if ((hyp.fl_gamma ?? 0) > 0) {
    throw new YlcError('bad-option', `hyp fl_gamma = ${hyp.fl_gamma}: focal loss is not supported (YOLOv5's hyps use fl_gamma 0.0)`);
  }
  if (options.batchSize !== undefined && !(Number.isInteger(options.batchSize) && options.batchSize > 0)) {
    throw new RangeError(`appendYoloLoss: options.batchSize must be a positive integer, got ${String(options.batchSize)}`);
  }
  const form = readForm(model);
  if (form !== 'train') {
    throw new YlcError('bad-model', `appendYoloLoss: the model is ${form === undefined ? 'not a model built by ylc (no ylc.form metadata)' : `in ${form} form`}; the loss needs the training form (BatchNorm unfused, raw heads pred0..)`);
  }
  const info = readDetectInfo(model, 'appendYoloLoss');
  const graph = model.graph;
  if (model.getMetadata(META_LOSS) !== undefined || graph.outputs.some((v) => v.name === LOSS_OUTPUT)) {
    throw new YlcError('bad-model', `appendYoloLoss: the model already has a loss ('${META_LOSS}' metadata or a '${LOSS_OUTPUT}' output)`);
  }
  const byName = graph.valuesByName();
  const images = graph.inputs[0];
  if (!images) throw new YlcError('bad-model', 'appendYoloLoss: the model has no image input');
  const heads = info.heads.map((h) => {
    const v = byName.get(h);
    if (!v) throw new YlcError('bad-model', `appendYoloLoss: the model has no raw head '${h}' (ylc.detect lists ${info.heads.join(', ')})`);
    return v;
  });
  const imageDims = staticDims(images.type);
  const staticBatch = options.batchSize ?? (typeof imageDims?.[0] === 'number' ? imageDims[0] : undefined);
  if (options.batchSize !== undefined && typeof imageDims?.[0] === 'number' && imageDims[0] !== options.batchSize) {
    throw new YlcError('bad-option', `appendYoloLoss: batchSize ${options.batchSize} but the model's images input has batch ${imageDims[0]}`);
  }

  const nl = heads.length;
  const capacity = options.capacity === undefined ? undefined : typeof options.capacity === 'number' ? new Array<number>(nl).fill(options.capacity) : [...options.capacity];
  if (capacity && (capacity.length !== nl || !capacity.every((c) => Number.isInteger(c) && c > 0))) {
    throw new RangeError(`appendYoloLoss: options.capacity must be a positive integer or one per level (${nl}), got ${JSON.stringify(options.capacity)}`);
  }

  const b = new GraphBuilder(graph, model.opset);
  const opset = model.opset;
  const { nc, na, no } = info;
  const balance = objBalance(nl);
  const inputs: string[] = [];
  const stopGradient: string[] = [];
  const f32 = (v: number): Value => b.constFloat(v);
  const i64 = (values: readonly number[]): Value => b.constInts(values);
  const op = (type: string, ins: Array<Value | null>, attrs: Parameters<GraphBuilder['op1']>[2] = []): Value => b.op1(type, ins, attrs);
  const add = (x: Value, y: Value): Value => op('Add', [x, y]);
  const sub = (x: Value, y: Value): Value => op('Sub', [x, y]);
  const mul = (x: Value, y: Value): Value => op('Mul', [x, y]);
  const div = (x: Value, y: Value): Value => op('Div', [x, y]);
  // Without axes (attribute or input), the reductions cover every axis at any opset.
  const reduceSum = (x: Value): Value => op('ReduceSum', [x], [attrInt('keepdims', 0)]);
  const reduceMean = (x: Value): Value => op('ReduceMean', [x], [attrInt('keepdims', 0)]);
  const cols = (x: Value, start: number, end: number, axis: number): Value => op('Slice', [x, i64([start]), i64([end]), i64([axis])]);
  const squeeze = (x: Value, axis: number): Value => (opset >= 13 ? op('Squeeze', [x, i64([axis])]) : op('Squeeze', [x], [attrInts('axes', [axis])]));
  const addInput = (name: string, elem: DataType, shape: Array<number | string>): Value => {
    if (byName.has(name)) throw new YlcError('bad-model', `appendYoloLoss: the model already has a value named '${name}'`);
    inputs.push(name);
    return graph.addInput(new Value(name, tensorType(elem, shape)));
  };
  /** BCE(x, 0) = relu(x) + softplus(-|x|), and the softplus(-x) of the pos_weight term. */
  const logTerm = (x: Value): Value => op('Softplus', [op('Neg', [op('Abs', [x])])]);

  // Shapes from the images input: bs and (per level) the number of cells.
  let bs: Value;
  let shapeF: Value | undefined;
  if (staticBatch !== undefined) bs = f32(staticBatch);
  else {
    shapeF = op('Cast', [op('Shape', [images])], [attrInt('to', DataType.FLOAT)]);
    bs = op('Gather', [shapeF, b.constant(Tensor.fromInt64([], [0]))], [attrInt('axis', 0)]);
  }
  const cellsOf = (level: number): Value => {
    const dims = staticDims(heads[level]!.type);
    if (dims && dims.length === 5 && dims.slice(1, 4).every((d) => typeof d === 'number')) {
      const cells = na * (dims[2] as number) * (dims[3] as number);
      return staticBatch !== undefined ? f32(staticBatch * cells) : mul(bs, f32(cells));
    }
    if (!shapeF) shapeF = op('Cast', [op('Shape', [images])], [attrInt('to', DataType.FLOAT)]);
    const hw = cols(shapeF, 2, 4, 0);
    const grid = op('Ceil', [div(hw, f32(info.strides[level]!))]);
    return mul(mul(bs, f32(na)), reduceProd(b, grid));
  };
  const countOf = (index: Value): Value => op('Cast', [op('Gather', [op('Shape', [index]), b.constant(Tensor.fromInt64([], [0]))], [attrInt('axis', 0)])], [attrInt('to', DataType.FLOAT)]);

  const ls = hyp.label_smoothing ?? 0;
  const cp = 1.0 - 0.5 * ls;
  const cn = 0.5 * ls;
  let lbox: Value | undefined;
  let lobj: Value | undefined;
  let lcls: Value | undefined;
  const acc = (sum: Value | undefined, x: Value): Value => (sum ? add(sum, x) : x);

  b.enterScopes(['loss']);
  heads.forEach((pred, i) => {
    b.enterScopes(['loss', `level${i}`]);
    const [nDim, mDim] = capacity ? [capacity[i]!, capacity[i]!] : [`n${i}`, `m${i}`];
    const indices = addInput(`target_indices${i}`, DataType.INT64, [nDim, 4]);
    const tbox = addInput(`target_box${i}`, DataType.FLOAT, [nDim, 4]);
    const anchors = addInput(`target_anchors${i}`, DataType.FLOAT, [nDim, 2]);
    const tcls = nc > 1 ? addInput(`target_cls${i}`, DataType.INT64, [nDim]) : undefined;
    const objRows = addInput(`target_obj_rows${i}`, DataType.INT64, [mDim, 1]);
    // Fixed capacity: padding entries are masked out of every sum, and n counts the real ones.
    const weights = capacity ? addInput(`target_weights${i}`, DataType.FLOAT, [nDim]) : undefined;
    const objWeights = capacity ? addInput(`target_obj_weights${i}`, DataType.FLOAT, [mDim]) : undefined;
    const masked = (x: Value, w: Value | undefined): Value => (w ? mul(x, w) : x);
    const n = weights ? reduceSum(weights) : countOf(indices);
    const nSafe = op('Max', [n, f32(1)]);

    const ps = op('GatherND', [pred, indices]);
    const pxy = sub(mul(op('Sigmoid', [cols(ps, 0, 2, 1)]), f32(2)), f32(0.5));
    const s2 = mul(op('Sigmoid', [cols(ps, 2, 4, 1)]), f32(2));
    const pwh = mul(mul(s2, s2), anchors);

    // CIoU of (pxy, pwh) against tbox, columns [n, 1].
    const [x1, y1] = [cols(pxy, 0, 1, 1), cols(pxy, 1, 2, 1)];
    const [w1, h1] = [cols(pwh, 0, 1, 1), cols(pwh, 1, 2, 1)];
    const [x2, y2, w2, h2] = [0, 1, 2, 3].map((c) => cols(tbox, c, c + 1, 1)) as [Value, Value, Value, Value];
    const half = (v: Value): Value => div(v, f32(2));
    const [w1h, h1h, w2h, h2h] = [half(w1), half(h1), half(w2), half(h2)];
    const b1x1 = sub(x1, w1h);
    const b1x2 = add(x1, w1h);
    const b1y1 = sub(y1, h1h);
    const b1y2 = add(y1, h1h);
    const b2x1 = sub(x2, w2h);
    const b2x2 = add(x2, w2h);
    const b2y1 = sub(y2, h2h);
    const b2y2 = add(y2, h2h);
    const min = (p: Value, q: Value): Value => op('Min', [p, q]);
    const max = (p: Value, q: Value): Value => op('Max', [p, q]);
    const iw = op('Relu', [sub(min(b1x2, b2x2), max(b1x1, b2x1))]);
    const ih = op('Relu', [sub(min(b1y2, b2y2), max(b1y1, b2y1))]);
    const inter = mul(iw, ih);
    const union = add(sub(add(mul(w1, h1), mul(w2, h2)), inter), f32(EPS));
    const iou = div(inter, union);
    const cw = sub(max(b1x2, b2x2), min(b1x1, b2x1));
    const ch = sub(max(b1y2, b2y2), min(b1y1, b2y1));
    const c2 = add(add(mul(cw, cw), mul(ch, ch)), f32(EPS));
    const dx = sub(sub(add(b2x1, b2x2), b1x1), b1x2);
    const dy = sub(sub(add(b2y1, b2y2), b1y1), b1y2);
    const rho2 = div(add(mul(dx, dx), mul(dy, dy)), f32(4));
    const dAtan = sub(op('Atan', [div(w2, add(h2, f32(EPS)))]), op('Atan', [div(w1, add(h1, f32(EPS)))]));
    const v = mul(f32(4 / Math.PI ** 2), mul(dAtan, dAtan));
    const alpha = div(v, add(sub(v, iou), f32(1 + EPS)));
    stopGradient.push(alpha.name);
    const ciou = squeeze(sub(iou, add(div(rho2, c2), mul(v, alpha))), 1);
    lbox = acc(lbox, div(reduceSum(masked(sub(f32(1), ciou), weights)), nSafe));

    // Objectness: dense BCE(x, 0), less the target terms at the distinct cells.
    const tobj = op('Relu', [ciou]);
    stopGradient.push(tobj.name);
    const xo = cols(pred, 4, 5, 4);
    const dense = reduceMean(add(op('Relu', [xo]), logTerm(xo)));
    const xw = op('GatherND', [squeeze(cols(ps, 4, 5, 1), 1), objRows]);
    const tw = masked(op('GatherND', [tobj, objRows]), objWeights);
    let corr = mul(tw, xw);
    if (hyp.obj_pw !== 1) corr = sub(corr, mul(f32(hyp.obj_pw - 1), mul(tw, add(op('Relu', [op('Neg', [xw])]), logTerm(xw)))));
    const obji = sub(dense, div(reduceSum(corr), cellsOf(i)));
    lobj = acc(lobj, mul(obji, f32(balance[i]!)));

    if (tcls) {
      const xc = cols(ps, 5, no, 1);
      const t = op('OneHot', [tcls, i64([nc]), b.constant(Tensor.fromFloat32([2], Float32Array.of(cn, cp)))], [attrInt('axis', -1)]);
      let bce = add(sub(op('Relu', [xc]), mul(xc, t)), logTerm(xc));
      if (hyp.cls_pw !== 1) bce = add(bce, mul(f32(hyp.cls_pw - 1), mul(t, add(op('Relu', [op('Neg', [xc])]), logTerm(xc)))));
      lcls = acc(lcls, div(reduceSum(masked(bce, weights ? b.unsqueeze(weights, [1]) : undefined)), op('Max', [mul(n, f32(nc)), f32(1)])));
    }
  });

  b.enterScopes(['loss']);
  const oneD = (x: Value): Value => op('Reshape', [x, i64([1])]);
  const box = oneD(mul(lbox!, f32(hyp.box)));
  const obj = oneD(mul(lobj!, f32(hyp.obj)));
  const cls = oneD(lcls ? mul(lcls, f32(hyp.cls)) : f32(0));
  const items = b.op1('Concat', [box, obj, cls], [attrInt('axis', 0)], LOSS_ITEMS_OUTPUT);
  const loss = b.op1('Mul', [add(add(box, obj), cls), bs], [], LOSS_OUTPUT);
  items.type = tensorType(DataType.FLOAT, [3]);
  loss.type = tensorType(DataType.FLOAT, [1]);
  graph.outputs.push(loss, items);
  const meta: LossMeta = { hyp, inputs, levels: nl, ...(capacity ? { capacity } : {}) };
  model.setMetadata(META_LOSS, JSON.stringify(meta));
  return { loss: loss.name, items: items.name, inputs, stopGradient };
}

function reduceProd(b: GraphBuilder, x: Value): Value {
  return b.op1('ReduceProd', [x], [attrInt('keepdims', 0)]);
}

/** One graph input's value for ONNX Runtime (`new ort.Tensor(type, data, dims)`). */
export interface LossFeed {
  readonly type: 'int64' | 'float32';
  readonly data: BigInt64Array | Float32Array;
  readonly dims: readonly number[];
}

/**
 * The target inputs of a model with an appended loss, for one batch: `targets` [n, 6] rows
 * (image, class, x, y, w, h) checked (one-line YlcError naming the bad row) and assigned on the
 * host. `imageShape` is the batch's [bs, ch, h, w].
 */
export function yoloTargetFeeds(model: Model, targets: Float32Array, options: { imageShape: readonly number[]; targetsDims?: readonly number[]; what?: string }): Record<string, LossFeed> {
  const meta = readLossMeta(model);
  const info = readDetectInfo(model, 'yoloTargetFeeds');
  const [bs, , h, w] = options.imageShape as [number, number, number, number];
  if (options.imageShape.length !== 4 || ![bs, h, w].every((d) => Number.isInteger(d) && d > 0)) {
    throw new YlcError('bad-option', `images: expected [bs, ch, h, w], got [${options.imageShape.join(', ')}]`);
  }
  const dims = options.targetsDims ?? [targets.length / 6, 6];
  checkTargets(targets, dims, { batchSize: bs, nc: info.nc }, options.what ?? 'targets');
  const levels = assignTargets(targets, geometryOf(info, bs, h, w), { anchorT: meta.hyp.anchor_t });
  return levelFeeds(levels, meta.inputs, meta.capacity, options.what ?? 'targets');
}

/** The per-level grids and anchors (grid units, float32) of a batch of h x w images. */
export function geometryOf(info: DetectInfo, batchSize: number, h: number, w: number): { batchSize: number; nc: number; grids: Array<[number, number]>; anchors: number[][] } {
  return {
    batchSize,
    nc: info.nc,
    grids: info.strides.map((s) => [Math.ceil(h / s), Math.ceil(w / s)]),
    anchors: info.anchors.map((level, l) => level.map((px) => Math.fround(Math.fround(px) / Math.fround(info.strides[l]!)))),
  };
}

function levelFeeds(levels: readonly LevelTargets[], names: readonly string[], capacity: readonly number[] | undefined, what: string): Record<string, LossFeed> {
  const feeds: Record<string, LossFeed> = {};
  levels.forEach((t, i) => {
    const m = t.objRows.length;
    let all: Record<string, LossFeed>;
    if (capacity) {
      const c = capacity[i]!;
      if (t.n > c) {
        throw new YlcError('bad-option', `${what}: level ${i} takes ${t.n} target entries, the loss was built for at most ${c} (appendYoloLoss capacity; targetCapacity(max boxes) always suffices)`);
      }
      // Padding: cell (0, 0, 0, 0), a unit box and anchor (finite CIoU), weight 0.
      const pad = <T extends Float32Array | BigInt64Array>(data: T, width: number, fill: ArrayLike<number | bigint>, rows: number): T => {
        const out = new (data.constructor as { new (n: number): T })(c * width);
        out.set(data as never);
        for (let r = rows; r < c; r++) for (let k = 0; k < width; k++) (out as unknown as Array<number | bigint>)[r * width + k] = fill[k]!;
        return out;
      };
      const ones = (k: number): Float32Array => Float32Array.from({ length: c }, (_, r) => (r < k ? 1 : 0));
      all = {
        [`target_indices${i}`]: { type: 'int64', data: pad(t.indices, 4, [0n, 0n, 0n, 0n], t.n), dims: [c, 4] },
        [`target_box${i}`]: { type: 'float32', data: pad(t.tbox, 4, [0.5, 0.5, 1, 1], t.n), dims: [c, 4] },
        [`target_anchors${i}`]: { type: 'float32', data: pad(t.anchors, 2, [1, 1], t.n), dims: [c, 2] },
        [`target_cls${i}`]: { type: 'int64', data: pad(t.tcls, 1, [0n], t.n), dims: [c] },
        [`target_obj_rows${i}`]: { type: 'int64', data: pad(t.objRows, 1, [0n], m), dims: [c, 1] },
        [`target_weights${i}`]: { type: 'float32', data: ones(t.n), dims: [c] },
        [`target_obj_weights${i}`]: { type: 'float32', data: ones(m), dims: [c] },
      };
    } else {
      all = {
        [`target_indices${i}`]: { type: 'int64', data: t.indices, dims: [t.n, 4] },
        [`target_box${i}`]: { type: 'float32', data: t.tbox, dims: [t.n, 4] },
        [`target_anchors${i}`]: { type: 'float32', data: t.anchors, dims: [t.n, 2] },
        [`target_cls${i}`]: { type: 'int64', data: t.tcls, dims: [t.n] },
        [`target_obj_rows${i}`]: { type: 'int64', data: t.objRows, dims: [m, 1] },
      };
    }
    for (const [k, v] of Object.entries(all)) if (names.includes(k)) feeds[k] = v;
  });
  return feeds;
}

function readLossMeta(model: Model): LossMeta {
  const text = model.getMetadata(META_LOSS);
  if (text === undefined) throw new YlcError('bad-model', `the model has no loss ('${META_LOSS}' metadata): append it with appendYoloLoss`);
  try {
    const meta = JSON.parse(text) as LossMeta;
    if (!Array.isArray(meta.inputs) || typeof meta.hyp !== 'object') throw new Error('fields missing');
    return meta;
  } catch (e) {
    throw new YlcError('bad-model', `metadata '${META_LOSS}' is not valid (${(e as Error).message})`);
  }
}
