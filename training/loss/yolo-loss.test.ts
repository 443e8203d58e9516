/**
 * The loss forward: against the PyTorch goldens (from their raw heads, and from the model's own
 * train-mode forward), against a float64 port of ComputeLoss for the branches the goldens do not
 * reach (label smoothing, pos_weight, duplicate cells), and on edge cases (no targets, nc = 1,
 * dynamic batch).
 */
import { describe, expect, it } from 'vitest';
import { YlcError } from '../../ir/errors.js';
import { verifyModel } from '../../ir/verify.js';
import { buildModel, loadConfig, readDetectInfo, toDeployForm } from '../../frontends/yolov5/index.js';
import { goldenTrainModel, loadLossGolden, LOSS_GOLDENS } from '../../test/util/loss-goldens.js';
import { headsAsInputs, randomTargets, referenceLoss, run, type Feeds } from '../../test/util/loss-reference.js';
import { randomFloat32 } from '../../test/util/ort.js';
import { batchNormToTraining } from '../../passes/bn-train.js';
import { loadHyp, rescaleHyp, type Hyp } from './hyp.js';
import { assignTargets } from './targets.js';
import { appendYoloLoss, geometryOf, targetCapacity, yoloTargetFeeds } from './yolo-loss.js';

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
      batchNormToTraining(model);
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

/** Random raw heads and targets for a model built from `cfg`, checked against referenceLoss. */
async function compareWithReference(options: { nc: number; imgsz: number; bs: number; targets: Float32Array; hyp: Hyp; seed: number; dynamic?: boolean; capacity?: number }): Promise<{ loss: number; items: number[]; ref: { loss: number; items: number[] } }> {
  const train = buildModel(loadConfig('yolov5n'), { form: 'train', nc: options.nc, imgsz: options.imgsz, batch: options.bs });
  const info = readDetectInfo(train, 'test');
  const headDims = info.strides.map((s) => [options.bs, info.na, options.imgsz / s, options.imgsz / s, info.no]);
  const model = options.dynamic
    ? headsAsInputs(info, ['batch', 3, 'height', 'width'], headDims.map(() => ['batch', info.na, null, null, info.no]))
    : headsAsInputs(info, [options.bs, 3, options.imgsz, options.imgsz], headDims);
  const loss = appendYoloLoss(model, { hyp: options.hyp, ...(options.capacity ? { capacity: options.capacity } : {}) });
  const heads = headDims.map((dims, i) => ({ data: randomFloat32(dims.reduce((a, b) => a * b, 1), options.seed + i, -4, 2), dims }));
  const feeds: Feeds = { ...yoloTargetFeeds(model, options.targets, { imageShape: [options.bs, 3, options.imgsz, options.imgsz] }) };
  feeds.images = { type: 'float32', data: new Float32Array(options.bs * 3 * options.imgsz * options.imgsz), dims: [options.bs, 3, options.imgsz, options.imgsz] };
  info.heads.forEach((h, i) => (feeds[h] = { type: 'float32', ...heads[i]! }));
  const out = await run(model, feeds);
  return { loss: out[loss.loss]!.data[0]!, items: Array.from(out[loss.items]!.data), ref: referenceLoss(heads, options.targets, info, options.hyp) };
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

  it('fixed capacity: padded, masked target inputs give the same loss; with no targets too', async () => {
    const hyp = { ...rescaleHyp(loadHyp('scratch-low'), { nc: 5, imgsz: 128 }), cls_pw: 1.3, obj_pw: 0.8 };
    expectClose(await compareWithReference({ nc: 5, imgsz: 128, bs: 3, targets: randomTargets(20, 3, 5, 11), hyp, seed: 700, capacity: targetCapacity(20) }));
    expectClose(await compareWithReference({ nc: 5, imgsz: 128, bs: 3, targets: new Float32Array(0), hyp, seed: 800, capacity: 4 }));
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
    expect(types.target_obj_rows2).toEqual(['m2', 1]);
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

  it('fixed capacity: static target inputs with weights; feeds are padded; a level over capacity is an error', () => {
    const model = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 64, batch: 2 });
    const loss = appendYoloLoss(model, { hyp, capacity: [16, 16, 12] });
    expect(loss.inputs.filter((n) => n.endsWith('2'))).toEqual(['target_indices2', 'target_box2', 'target_anchors2', 'target_cls2', 'target_obj_rows2', 'target_weights2', 'target_obj_weights2']);
    const dims = Object.fromEntries(model.graph.inputs.map((v) => [v.name, v.type?.kind === 'tensor' ? v.type.shape?.map((d) => d.value ?? d.param) : undefined]));
    expect(dims.target_indices2).toEqual([12, 4]);
    expect(dims.target_obj_weights0).toEqual([16]);
    // One box: 3 anchors x 3 cells on level 0.
    const feeds = yoloTargetFeeds(model, Float32Array.of(1, 3, 0.55, 0.55, 0.3, 0.3), { imageShape: [2, 3, 64, 64] });
    expect(feeds.target_indices0!.dims).toEqual([16, 4]);
    expect(Array.from(feeds.target_weights0!.data as Float32Array)).toEqual([...new Array<number>(9).fill(1), ...new Array<number>(7).fill(0)]);
    expect(Array.from(feeds.target_obj_weights0!.data as Float32Array)).toEqual([...new Array<number>(9).fill(1), ...new Array<number>(7).fill(0)]);
    expect(Array.from((feeds.target_box0!.data as Float32Array).subarray(36, 40))).toEqual([0.5, 0.5, 1, 1]);
    expect(Array.from((feeds.target_indices0!.data as BigInt64Array).subarray(36, 40))).toEqual([0n, 0n, 0n, 0n]);
    // Centred on a grid line, a box trains all 5 cells of its neighbourhood: 6 of them overflow level 0.
    const crowd = Float32Array.from({ length: 6 * 6 }, (_, k) => [0, 3, 0.5, 0.5, 0.3, 0.3][k % 6]!);
    expect(() => yoloTargetFeeds(model, crowd, { imageShape: [2, 3, 64, 64] })).toThrow('targets: level 0 takes 90 target entries, the loss was built for at most 16 (appendYoloLoss capacity; targetCapacity(max boxes) always suffices)');
    expect(() => appendYoloLoss(buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 64 }), { hyp, capacity: [8, 8] })).toThrow(RangeError);
    expect(targetCapacity(6)).toBe(90);
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
