/**
 * The loss forward: against the PyTorch goldens (from their raw heads, and from the model's own
 * train-mode forward), against a float64 port of ComputeLoss for the branches the goldens do not
 * reach (label smoothing, pos_weight, duplicate cells), and on edge cases (no targets, nc = 1,
 * dynamic batch).
 */
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { DataType } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import { Graph, Value } from '../../ir/graph.js';
import { Model } from '../../ir/model.js';
import { encodeModel } from '../../ir/serde/index.js';
import { tensorType } from '../../ir/type.js';
import { verifyModel } from '../../ir/verify.js';
import { buildModel, loadConfig, readDetectInfo, toDeployForm, type DetectInfo } from '../../frontends/yolov5/index.js';
import { goldenTrainModel, loadLossGolden, LOSS_GOLDENS, type LossGolden } from '../../test/util/loss-goldens.js';
import { randomFloat32, seededRandom } from '../../test/util/ort.js';
import { useBatchStatistics } from '../../test/util/yolov5-fixtures.js';
import { loadHyp, rescaleHyp, type Hyp } from './hyp.js';
import { assignTargets } from './targets.js';
import { appendYoloLoss, geometryOf, yoloTargetFeeds, type LossFeed } from './yolo-loss.js';

type Feeds = Record<string, LossFeed | { type: 'float32'; data: Float32Array; dims: readonly number[] }>;

async function run(model: Model, feeds: Feeds, outputs?: string[]): Promise<Record<string, { dims: readonly number[]; data: Float32Array }>> {
  const session = await ort.InferenceSession.create(encodeModel(model), { intraOpNumThreads: 1, interOpNumThreads: 1 });
  try {
    const f: Record<string, ort.Tensor> = {};
    for (const [k, v] of Object.entries(feeds)) f[k] = new ort.Tensor(v.type, v.data, [...v.dims]);
    const r = outputs ? await session.run(f, outputs) : await session.run(f);
    const out: Record<string, { dims: readonly number[]; data: Float32Array }> = {};
    for (const [k, t] of Object.entries(r)) out[k] = { dims: t.dims, data: t.data as Float32Array };
    return out;
  } finally {
    await session.release();
  }
}

/** A training-form stand-in whose raw heads are graph inputs: the loss alone, fed any heads. */
function headsAsInputs(info: DetectInfo, imageDims: ReadonlyArray<number | string>, headDims: ReadonlyArray<ReadonlyArray<number | string | null>>): Model {
  const graph = new Graph('heads');
  graph.addInput(new Value('images', tensorType(DataType.FLOAT, imageDims)));
  info.heads.forEach((h, i) => graph.addInput(new Value(h, tensorType(DataType.FLOAT, headDims[i]!))));
  const model = new Model(graph, { irVersion: 7n, opsetImports: [['', 12]] });
  model.setMetadata('ylc.form', 'train');
  model.setMetadata('ylc.detect', JSON.stringify(info));
  return model;
}

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

describe('against the PyTorch goldens', () => {
  for (const name of LOSS_GOLDENS) {
    it(`${name}: loss and items from the golden's raw heads within 1e-4 relative`, async () => {
      const g = loadLossGolden(name);
      const train = goldenTrainModel(g);
      const info = readDetectInfo(train, name);
      const input = g.tensors.get('input')!;
      const model = headsAsInputs(info, input.dims, info.heads.map((h) => g.tensors.get(h)!.dims));
      const loss = appendYoloLoss(model, { hyp: g.hyp });
      expect(verifyModel(model)).toEqual([]);
      const targets = g.tensors.get('targets')!;
      const feeds: Feeds = { ...yoloTargetFeeds(model, targets.toFloat32(), { imageShape: input.dims, targetsDims: targets.dims }) };
      feeds.images = { type: 'float32', data: input.toFloat32(), dims: input.dims };
      for (const h of info.heads) feeds[h] = { type: 'float32', data: g.tensors.get(h)!.toFloat32(), dims: g.tensors.get(h)!.dims };
      const out = await run(model, feeds);
      const want = g.tensors.get('loss')!.toFloat32()[0]!;
      const items = g.tensors.get('loss_items')!.toFloat32();
      const errors = { loss: rel(out[loss.loss]!.data[0]!, want), items: [0, 1, 2].map((k) => rel(out[loss.items]!.data[k]!, items[k]!)) };
      console.log(`${name} loss from golden heads: relative errors ${JSON.stringify(errors)}`);
      expect(out[loss.loss]!.dims).toEqual([1]);
      expect(out[loss.items]!.dims).toEqual([3]);
      expect(errors.loss).toBeLessThan(1e-4);
      for (const e of errors.items) expect(e).toBeLessThan(1e-4);
    });

    it(`${name}: loss and items from the model's own train-mode forward within 1e-4 relative`, async () => {
      const g = loadLossGolden(name);
      const model = goldenTrainModel(g);
      useBatchStatistics(model);
      const loss = appendYoloLoss(model, { hyp: g.hyp });
      const input = g.tensors.get('input')!;
      const targets = g.tensors.get('targets')!;
      const feeds: Feeds = { ...yoloTargetFeeds(model, targets.toFloat32(), { imageShape: input.dims }) };
      feeds.images = { type: 'float32', data: input.toFloat32(), dims: input.dims };
      const out = await run(model, feeds, [loss.loss, loss.items]);
      const want = g.tensors.get('loss')!.toFloat32()[0]!;
      const items = g.tensors.get('loss_items')!.toFloat32();
      const errors = { loss: rel(out[loss.loss]!.data[0]!, want), items: [0, 1, 2].map((k) => rel(out[loss.items]!.data[k]!, items[k]!)) };
      console.log(`${name} loss from the model: relative errors ${JSON.stringify(errors)}`);
      expect(errors.loss).toBeLessThan(1e-4);
      for (const e of errors.items) expect(e).toBeLessThan(1e-4);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// A float64 port of YOLOv5 v7.0 ComputeLoss (build_targets, bbox_iou CIoU, BCEWithLogitsLoss
// with pos_weight, smooth_BCE), written as the PyTorch code reads.

interface Head {
  data: Float32Array;
  dims: readonly number[];
}

function bceWithLogits(x: number, t: number, pw: number): number {
  // PyTorch: (1 - t) x + (1 + (pw - 1) t) (log(1 + exp(-|x|)) + max(-x, 0))
  return (1 - t) * x + (1 + (pw - 1) * t) * (Math.log1p(Math.exp(-Math.abs(x))) + Math.max(-x, 0));
}

function ciou(b1: readonly number[], b2: readonly number[]): number {
  const eps = 1e-7;
  const [x1, y1, w1, h1] = b1 as [number, number, number, number];
  const [x2, y2, w2, h2] = b2 as [number, number, number, number];
  const [b1x1, b1x2, b1y1, b1y2] = [x1 - w1 / 2, x1 + w1 / 2, y1 - h1 / 2, y1 + h1 / 2];
  const [b2x1, b2x2, b2y1, b2y2] = [x2 - w2 / 2, x2 + w2 / 2, y2 - h2 / 2, y2 + h2 / 2];
  const inter = Math.max(Math.min(b1x2, b2x2) - Math.max(b1x1, b2x1), 0) * Math.max(Math.min(b1y2, b2y2) - Math.max(b1y1, b2y1), 0);
  const union = w1 * h1 + w2 * h2 - inter + eps;
  const iou = inter / union;
  const cw = Math.max(b1x2, b2x2) - Math.min(b1x1, b2x1);
  const ch = Math.max(b1y2, b2y2) - Math.min(b1y1, b2y1);
  const c2 = cw ** 2 + ch ** 2 + eps;
  const rho2 = ((b2x1 + b2x2 - b1x1 - b1x2) ** 2 + (b2y1 + b2y2 - b1y1 - b1y2) ** 2) / 4;
  const v = (4 / Math.PI ** 2) * (Math.atan(w2 / (h2 + eps)) - Math.atan(w1 / (h1 + eps))) ** 2;
  const alpha = v / (v - iou + (1 + eps));
  return iou - (rho2 / c2 + v * alpha);
}

function referenceLoss(heads: readonly Head[], targets: Float32Array, info: DetectInfo, hyp: Hyp): { loss: number; items: number[] } {
  const [bs, , , , no] = heads[0]!.dims as [number, number, number, number, number];
  const { na, nc } = info;
  const sig = (x: number): number => 1 / (1 + Math.exp(-x));
  const eps = hyp.label_smoothing ?? 0;
  const [cp, cn] = [1 - 0.5 * eps, 0.5 * eps];
  const balance = [4.0, 1.0, 0.4];
  let [lbox, lobj, lcls] = [0, 0, 0];
  const geometry = geometryOf(info, bs, heads[0]!.dims[2]! * info.strides[0]!, heads[0]!.dims[3]! * info.strides[0]!);
  heads.forEach((head, i) => {
    const [, , ny, nx] = head.dims as [number, number, number, number, number];
    const anchors = geometry.anchors[i]!;
    // build_targets, as the PyTorch code reads: [na, nt, 7] * gain, ratio filter, 5 offsets.
    const g = 0.5;
    const off = [[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]].map(([a, c]) => [a! * g, c! * g]);
    const t: number[][] = [];
    for (let a = 0; a < na; a++) {
      for (let k = 0; k < targets.length / 6; k++) {
        const r = targets.subarray(k * 6, k * 6 + 6);
        const row = [r[0]!, r[1]!, Math.fround(r[2]! * nx), Math.fround(r[3]! * ny), Math.fround(r[4]! * nx), Math.fround(r[5]! * ny), a];
        const rw = Math.fround(row[4]! / anchors[2 * a]!);
        const rh = Math.fround(row[5]! / anchors[2 * a + 1]!);
        if (Math.max(rw, Math.fround(1 / rw), rh, Math.fround(1 / rh)) < hyp.anchor_t) t.push(row);
      }
    }
    const entries: Array<{ b: number; a: number; gj: number; gi: number; tbox: number[]; c: number }> = [];
    for (let o = 0; o < 5; o++) {
      for (const row of t) {
        const [gx, gy] = [row[2]!, row[3]!];
        const [gxi, gyi] = [Math.fround(nx - gx), Math.fround(ny - gy)];
        const masks = [true, gx % 1 < g && gx > 1, gy % 1 < g && gy > 1, gxi % 1 < g && gxi > 1, gyi % 1 < g && gyi > 1];
        if (!masks[o]) continue;
        const gi = Math.min(Math.max(Math.trunc(Math.fround(gx - off[o]![0]!)), 0), nx - 1);
        const gj = Math.min(Math.max(Math.trunc(Math.fround(gy - off[o]![1]!)), 0), ny - 1);
        entries.push({ b: row[0]!, a: row[6]!, gj, gi, tbox: [gx - gi, gy - gj, row[4]!, row[5]!], c: row[1]! });
      }
    }
    const at = (e: { b: number; a: number; gj: number; gi: number }, c: number): number => head.data[(((e.b * na + e.a) * ny + e.gj) * nx + e.gi) * no + c]!;
    const tobj = new Float64Array(bs * na * ny * nx);
    if (entries.length) {
      let boxSum = 0;
      let clsSum = 0;
      for (const e of entries) {
        const pxy = [sig(at(e, 0)) * 2 - 0.5, sig(at(e, 1)) * 2 - 0.5];
        const pwh = [(sig(at(e, 2)) * 2) ** 2 * anchors[2 * e.a]!, (sig(at(e, 3)) * 2) ** 2 * anchors[2 * e.a + 1]!];
        const iou = ciou([...pxy, ...pwh], e.tbox);
        boxSum += 1 - iou;
        tobj[((e.b * na + e.a) * ny + e.gj) * nx + e.gi] = Math.max(iou, 0); // index_put: the last write wins
        if (nc > 1) for (let c = 0; c < nc; c++) clsSum += bceWithLogits(at(e, 5 + c), c === e.c ? cp : cn, hyp.cls_pw);
      }
      lbox += boxSum / entries.length;
      if (nc > 1) lcls += clsSum / (entries.length * nc);
    }
    let objSum = 0;
    for (let cell = 0; cell < tobj.length; cell++) objSum += bceWithLogits(head.data[cell * no + 4]!, tobj[cell]!, hyp.obj_pw);
    lobj += (objSum / tobj.length) * balance[i]!;
  });
  const items = [lbox * hyp.box, lobj * hyp.obj, lcls * hyp.cls];
  return { loss: (items[0]! + items[1]! + items[2]!) * bs, items };
}

/** Random raw heads and targets for a model built from `cfg`, checked against referenceLoss. */
async function compareWithReference(options: { nc: number; imgsz: number; bs: number; targets: Float32Array; hyp: Hyp; seed: number; dynamic?: boolean }): Promise<{ loss: number; items: number[]; ref: { loss: number; items: number[] } }> {
  const train = buildModel(loadConfig('yolov5n'), { form: 'train', nc: options.nc, imgsz: options.imgsz, batch: options.bs });
  const info = readDetectInfo(train, 'test');
  const headDims = info.strides.map((s) => [options.bs, info.na, options.imgsz / s, options.imgsz / s, info.no]);
  const model = options.dynamic
    ? headsAsInputs(info, ['batch', 3, 'height', 'width'], headDims.map(() => ['batch', info.na, null, null, info.no]))
    : headsAsInputs(info, [options.bs, 3, options.imgsz, options.imgsz], headDims);
  const loss = appendYoloLoss(model, { hyp: options.hyp });
  const heads = headDims.map((dims, i) => ({ data: randomFloat32(dims.reduce((a, b) => a * b, 1), options.seed + i, -4, 2), dims }));
  const feeds: Feeds = { ...yoloTargetFeeds(model, options.targets, { imageShape: [options.bs, 3, options.imgsz, options.imgsz] }) };
  feeds.images = { type: 'float32', data: new Float32Array(options.bs * 3 * options.imgsz * options.imgsz), dims: [options.bs, 3, options.imgsz, options.imgsz] };
  info.heads.forEach((h, i) => (feeds[h] = { type: 'float32', ...heads[i]! }));
  const out = await run(model, feeds);
  return { loss: out[loss.loss]!.data[0]!, items: Array.from(out[loss.items]!.data), ref: referenceLoss(heads, options.targets, info, options.hyp) };
}

function randomTargets(n: number, bs: number, nc: number, seed: number): Float32Array {
  const next = seededRandom(seed);
  const out = new Float32Array(n * 6);
  for (let k = 0; k < n; k++) {
    const w = 0.02 + 0.5 * next();
    const h = 0.02 + 0.5 * next();
    out.set([Math.floor(next() * bs), Math.floor(next() * nc), w / 2 + (1 - w) * next(), h / 2 + (1 - h) * next(), w, h], k * 6);
  }
  return out;
}

describe('against a float64 port of ComputeLoss', () => {
  const expectClose = (r: Awaited<ReturnType<typeof compareWithReference>>, tol = 1e-5): void => {
    expect(rel(r.loss, r.ref.loss)).toBeLessThan(tol);
    r.items.forEach((v, k) => (r.ref.items[k] === 0 ? expect(v).toBe(0) : expect(rel(v, r.ref.items[k]!)).toBeLessThan(tol)));
  };

  it('scratch-low rescaled, many targets in a crowded batch (duplicate cells)', async () => {
    const hyp = rescaleHyp(loadHyp('scratch-low'), { nc: 5, imgsz: 128 });
    const r = await compareWithReference({ nc: 5, imgsz: 128, bs: 3, targets: randomTargets(40, 3, 5, 7), hyp, seed: 100 });
    expectClose(r);
  });

  it('label smoothing, cls_pw and obj_pw != 1', async () => {
    const hyp = { ...rescaleHyp(loadHyp('scratch-high'), { nc: 4, imgsz: 96 }), label_smoothing: 0.1, cls_pw: 1.7, obj_pw: 0.6 };
    const r = await compareWithReference({ nc: 4, imgsz: 96, bs: 2, targets: randomTargets(12, 2, 4, 8), hyp, seed: 200 });
    expectClose(r);
  });

  it('nc = 1: no class input, lcls = 0', async () => {
    const hyp = rescaleHyp(loadHyp('scratch-low'), { nc: 1, imgsz: 64 });
    const r = await compareWithReference({ nc: 1, imgsz: 64, bs: 2, targets: randomTargets(6, 2, 1, 9), hyp, seed: 300 });
    expect(r.items[2]).toBe(0);
    expectClose(r);
  });

  it('a dynamic-batch model computes bs and the cell counts from the images input', async () => {
    const hyp = rescaleHyp(loadHyp('scratch-med'), { nc: 3, imgsz: 64 });
    const r = await compareWithReference({ nc: 3, imgsz: 64, bs: 2, targets: randomTargets(8, 2, 3, 10), hyp, seed: 400, dynamic: true });
    expectClose(r);
  });

  it('no targets: zero-length tensors, lbox = lcls = 0, obj against zeros', async () => {
    const hyp = rescaleHyp(loadHyp('scratch-low'), { nc: 3, imgsz: 64 });
    const r = await compareWithReference({ nc: 3, imgsz: 64, bs: 2, targets: new Float32Array(0), hyp, seed: 500 });
    expect(r.items[0]).toBe(0);
    expect(r.items[2]).toBe(0);
    expect(r.items[1]).toBeGreaterThan(0);
    expectClose(r);
  });

  it('targets that match no anchor leave their level empty', async () => {
    // A 0.9 x 0.02 box has no anchor within a factor of 4 at any level of a 64x64 image.
    const hyp = rescaleHyp(loadHyp('scratch-low'), { nc: 3, imgsz: 64 });
    const targets = Float32Array.of(0, 1, 0.5, 0.5, 0.9, 0.02);
    const info = readDetectInfo(buildModel(loadConfig('yolov5n'), { form: 'train', nc: 3, imgsz: 64 }), 't');
    expect(assignTargets(targets, geometryOf(info, 1, 64, 64), { anchorT: 4 }).map((l) => l.n)).toEqual([0, 0, 0]);
    const r = await compareWithReference({ nc: 3, imgsz: 64, bs: 1, targets, hyp, seed: 600 });
    expect(r.items[0]).toBe(0);
    expectClose(r);
  });
});

describe('appendYoloLoss', () => {
  const hyp = rescaleHyp(loadHyp('scratch-low'), { nc: 80, imgsz: 64 });

  it('adds the target inputs with dynamic first dims, loss [1] and loss_items [3], and verifies', () => {
    const model = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 64, batch: 2 });
    const loss = appendYoloLoss(model, { hyp });
    expect(loss.loss).toBe('loss');
    expect(loss.items).toBe('loss_items');
    expect(loss.inputs).toEqual([0, 1, 2].flatMap((i) => [`target_indices${i}`, `target_box${i}`, `target_anchors${i}`, `target_cls${i}`, `target_obj_rows${i}`]));
    expect(loss.stopGradient).toHaveLength(6);
    const types = Object.fromEntries(model.graph.inputs.map((v) => [v.name, v.type?.kind === 'tensor' ? v.type.shape?.map((d) => d.value ?? d.param) : undefined]));
    expect(types.target_indices0).toEqual(['n0', 4]);
    expect(types.target_obj_rows2).toEqual(['m2']);
    expect(model.graph.outputs.map((v) => v.name)).toEqual(['pred0', 'pred1', 'pred2', 'loss', 'loss_items']);
    expect(model.graph.initializers.size).toBe(buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 64 }).graph.initializers.size);
    expect(verifyModel(model)).toEqual([]);
  });

  it('refuses a deploy-form model, a second loss, focal loss and a batchSize that contradicts the model', () => {
    const train = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 64 });
    expect(() => appendYoloLoss(toDeployForm(train), { hyp })).toThrow(/in deploy form; the loss needs the training form/);
    appendYoloLoss(train, { hyp });
    expect(() => appendYoloLoss(train, { hyp })).toThrow(/already has a loss/);
    const other = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 64 });
    expect(() => appendYoloLoss(other, { hyp: { ...hyp, fl_gamma: 1.5 } })).toThrow(/focal loss is not supported/);
    expect(() => appendYoloLoss(other, { hyp, batchSize: 4 })).toThrow(/batchSize 4 but the model's images input has batch 1/);
    expect(() => appendYoloLoss(other, { hyp: { box: 0.05 } as unknown as Hyp })).toThrow(YlcError);
  });

  it('yoloTargetFeeds names the bad target row', () => {
    const model = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 64, batch: 2 });
    appendYoloLoss(model, { hyp });
    const feeds = (t: number[]) => () => yoloTargetFeeds(model, Float32Array.from(t), { imageShape: [2, 3, 64, 64] });
    expect(feeds([0, 80, 0.5, 0.5, 0.1, 0.1])).toThrow('targets row 0 [0, 80, 0.5, 0.5, 0.1, 0.1]: class 80 is out of range for nc=80 (classes 0..79)');
    expect(feeds([0, 1, 0.5, 0.5, 0.1, 0.1, 1, 2, 0.5, 1.25, 0.1, 0.1])).toThrow('targets row 1 [1, 2, 0.5, 1.25, 0.1, 0.1]: box y = 1.25 is outside [0, 1] (targets are xywh normalised by the image size)');
    expect(feeds([2, 1, 0.5, 0.5, 0.1, 0.1])).toThrow('targets row 0 [2, 1, 0.5, 0.5, 0.1, 0.1]: image index 2 is not an image of the batch (0..1)');
  });
});
