/**
 * The loss's backward graph (autodiff through the loss alone, the raw heads as inputs) against
 * central differences of the float64 port of ComputeLoss with YOLOv5's detached values frozen
 * (CIoU's alpha, the objectness targets): what `loss.backward()` computes. Covers what the goldens
 * do not: label smoothing, pos_weight != 1, cells shared by several targets.
 */
import { expect, it } from 'vitest';
import { buildModel, loadConfig, readDetectInfo } from '../../frontends/yolov5/index.js';
import { appendBackward } from '../../passes/autodiff/index.js';
import { headsAsInputs, randomTargets, referenceLoss, run, type Feeds, type Head } from '../../test/util/loss-reference.js';
import { randomFloat32, seededRandom } from '../../test/util/ort.js';
import { fixTargetShapes } from './grad-step.js';
import { loadHyp, rescaleHyp } from './hyp.js';
import { appendYoloLoss, yoloTargetFeeds } from './yolo-loss.js';

it('d loss / d heads: autodiff of the loss graph equals finite differences with alpha and tobj detached', async () => {
  const [nc, imgsz, bs] = [4, 64, 2];
  const hyp = { ...rescaleHyp(loadHyp('scratch-low'), { nc, imgsz }), label_smoothing: 0.1, cls_pw: 1.5, obj_pw: 0.7 };
  const info = readDetectInfo(buildModel(loadConfig('yolov5n'), { form: 'train', nc, imgsz, batch: bs }), 'test');
  const headDims = info.strides.map((s) => [bs, info.na, imgsz / s, imgsz / s, info.no]);
  const model = headsAsInputs(info, [bs, 3, imgsz, imgsz], headDims);
  const loss = appendYoloLoss(model, { hyp });
  const targets = randomTargets(14, bs, nc, 21);
  const feeds: Feeds = { ...yoloTargetFeeds(model, targets, { imageShape: [bs, 3, imgsz, imgsz] }) };
  fixTargetShapes(model, feeds as Parameters<typeof fixTargetShapes>[1]);
  const { gradients } = appendBackward(model, { loss: loss.loss, wrt: info.heads, stopGradient: loss.stopGradient });
  for (const g of gradients.values()) model.graph.outputs.push(g);

  const heads: Head[] = headDims.map((dims, i) => ({ data: randomFloat32(dims.reduce((a, b) => a * b, 1), 40 + i, -3, 1.5), dims }));
  feeds.images = { type: 'float32', data: new Float32Array(bs * 3 * imgsz * imgsz), dims: [bs, 3, imgsz, imgsz] };
  info.heads.forEach((h, i) => (feeds[h] = { type: 'float32', data: heads[i]!.data as Float32Array, dims: heads[i]!.dims }));
  const out = await run(model, feeds);

  // Crowded cells: some cell takes more than one entry, so the last-writer rule is exercised.
  const idx = Array.from(feeds.target_indices0!.data as BigInt64Array, Number);
  const cells = new Set(Array.from({ length: idx.length / 4 }, (_, e) => idx.slice(4 * e, 4 * e + 4).join(',')));
  expect(cells.size).toBeLessThan(idx.length / 4);

  const base = heads.map((h) => ({ data: Float64Array.from(h.data), dims: h.dims }));
  const { detached, loss: l0 } = referenceLoss(base, targets, info, hyp);
  expect(Math.abs(out[loss.loss]!.data[0]! - l0) / l0).toBeLessThan(1e-5);
  const next = seededRandom(5);
  let worst = 0;
  let checked = 0;
  base.forEach((head, i) => {
    const grad = out[`grad.${info.heads[i]}`]!.data;
    const scale = Math.max(...Array.from(grad, Math.abs));
    // Every channel of the cells the targets train, and random cells elsewhere.
    const levelIdx = Array.from(feeds[`target_indices${i}`]!.data as BigInt64Array, Number);
    const [, na, ny, nx, no] = head.dims as [number, number, number, number, number];
    const positions = new Set<number>();
    for (let e = 0; e < levelIdx.length / 4 && e < 6; e++) {
      const [b, a, gj, gi] = levelIdx.slice(4 * e, 4 * e + 4) as [number, number, number, number];
      for (let c = 0; c < no; c++) positions.add((((b * na + a) * ny + gj) * nx + gi) * no + c);
    }
    for (let k = 0; k < 12; k++) positions.add(Math.floor(next() * head.data.length));
    for (const p of positions) {
      const h = 1e-4;
      const at = (delta: number): number => {
        const moved = base.map((x) => ({ data: Float64Array.from(x.data), dims: x.dims }));
        moved[i]!.data[p] = moved[i]!.data[p]! + delta;
        return referenceLoss(moved, targets, info, hyp, detached).loss;
      };
      const fd = (at(h) - at(-h)) / (2 * h);
      worst = Math.max(worst, Math.abs(grad[p]! - fd) / scale);
      checked++;
    }
  });
  console.log(`d loss / d heads: ${checked} coordinates, worst |autodiff - fd| / max|grad| = ${worst.toExponential(2)}`);
  expect(worst).toBeLessThan(1e-4);
});
