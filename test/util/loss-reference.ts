/**
 * The loss without a network: a training-form stand-in whose raw heads are graph inputs, ONNX
 * Runtime runs of it, and a float64 port of YOLOv5 v7.0 ComputeLoss (build_targets, bbox_iou
 * CIoU, BCEWithLogitsLoss with pos_weight, smooth_BCE) written as the PyTorch code reads, with the
 * detached values (CIoU's alpha, the objectness targets) optionally frozen for finite differences.
 */
import * as ort from 'onnxruntime-node';
import { DataType } from '../../ir/dtype.js';
import { Graph, Value } from '../../ir/graph.js';
import { Model } from '../../ir/model.js';
import { encodeModel } from '../../ir/serde/index.js';
import { tensorType } from '../../ir/type.js';
import type { DetectInfo } from '../../frontends/yolov5/index.js';
import type { Hyp } from '../../training/loss/hyp.js';
import { geometryOf, type LossFeed } from '../../training/loss/yolo-loss.js';
import { seededRandom } from './ort.js';

export type Feeds = Record<string, LossFeed | { type: 'float32'; data: Float32Array; dims: readonly number[] }>;

export async function run(model: Model, feeds: Feeds, outputs?: string[]): Promise<Record<string, { dims: readonly number[]; data: Float32Array }>> {
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
export function headsAsInputs(info: DetectInfo, imageDims: ReadonlyArray<number | string>, headDims: ReadonlyArray<ReadonlyArray<number | string | null>>): Model {
  const graph = new Graph('heads');
  graph.addInput(new Value('images', tensorType(DataType.FLOAT, imageDims)));
  info.heads.forEach((h, i) => graph.addInput(new Value(h, tensorType(DataType.FLOAT, headDims[i]!))));
  const model = new Model(graph, { irVersion: 7n, opsetImports: [['', 12]] });
  model.setMetadata('ylc.form', 'train');
  model.setMetadata('ylc.detect', JSON.stringify(info));
  return model;
}


export interface Head {
  data: Float32Array | Float64Array;
  dims: readonly number[];
}

function bceWithLogits(x: number, t: number, pw: number): number {
  // PyTorch: (1 - t) x + (1 + (pw - 1) t) (log(1 + exp(-|x|)) + max(-x, 0))
  return (1 - t) * x + (1 + (pw - 1) * t) * (Math.log1p(Math.exp(-Math.abs(x))) + Math.max(-x, 0));
}

/** bbox_iou(box1, box2, CIoU=True) of xywh boxes; `alpha` replaces the computed alpha when given. */
function ciou(b1: readonly number[], b2: readonly number[], alphaIn?: number): { ciou: number; alpha: number } {
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
  const alpha = alphaIn ?? v / (v - iou + (1 + eps));
  return { ciou: iou - (rho2 / c2 + v * alpha), alpha };
}

/** The values YOLOv5 detaches, per level: CIoU's alpha per entry, the objectness target per cell. */
export interface Detached {
  alpha: number[][];
  tobj: Float64Array[];
}

export function referenceLoss(heads: readonly Head[], targets: Float32Array, info: DetectInfo, hyp: Hyp, frozen?: Detached): { loss: number; items: number[]; detached: Detached } {
  const [bs, , , , no] = heads[0]!.dims as [number, number, number, number, number];
  const { na, nc } = info;
  const sig = (x: number): number => 1 / (1 + Math.exp(-x));
  const eps = hyp.label_smoothing ?? 0;
  const [cp, cn] = [1 - 0.5 * eps, 0.5 * eps];
  const balance = [4.0, 1.0, 0.4];
  let [lbox, lobj, lcls] = [0, 0, 0];
  const detached: Detached = { alpha: [], tobj: [] };
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
    const alphas: number[] = [];
    if (entries.length) {
      let boxSum = 0;
      let clsSum = 0;
      entries.forEach((e, k) => {
        const pxy = [sig(at(e, 0)) * 2 - 0.5, sig(at(e, 1)) * 2 - 0.5];
        const pwh = [(sig(at(e, 2)) * 2) ** 2 * anchors[2 * e.a]!, (sig(at(e, 3)) * 2) ** 2 * anchors[2 * e.a + 1]!];
        const { ciou: iou, alpha } = ciou([...pxy, ...pwh], e.tbox, frozen?.alpha[i]![k]);
        alphas.push(alpha);
        boxSum += 1 - iou;
        tobj[((e.b * na + e.a) * ny + e.gj) * nx + e.gi] = Math.max(iou, 0); // index_put: the last write wins
        if (nc > 1) for (let c = 0; c < nc; c++) clsSum += bceWithLogits(at(e, 5 + c), c === e.c ? cp : cn, hyp.cls_pw);
      });
      lbox += boxSum / entries.length;
      if (nc > 1) lcls += clsSum / (entries.length * nc);
    }
    detached.alpha.push(alphas);
    detached.tobj.push(tobj);
    const tobjUsed = frozen?.tobj[i] ?? tobj;
    let objSum = 0;
    for (let cell = 0; cell < tobj.length; cell++) objSum += bceWithLogits(head.data[cell * no + 4]!, tobjUsed[cell]!, hyp.obj_pw);
    lobj += (objSum / tobj.length) * balance[i]!;
  });
  const items = [lbox * hyp.box, lobj * hyp.obj, lcls * hyp.cls];
  return { loss: (items[0]! + items[1]! + items[2]!) * bs, items, detached };
}

export function randomTargets(n: number, bs: number, nc: number, seed: number): Float32Array {
  const next = seededRandom(seed);
  const out = new Float32Array(n * 6);
  for (let k = 0; k < n; k++) {
    const w = 0.02 + 0.5 * next();
    const h = 0.02 + 0.5 * next();
    out.set([Math.floor(next() * bs), Math.floor(next() * nc), w / 2 + (1 - w) * next(), h / 2 + (1 - h) * next(), w, h], k * 6);
  }
  return out;
}

