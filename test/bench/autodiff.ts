/**
 * Autodiff benchmarks (run: `npm run build && node dist/test/bench/autodiff.js [conv-grad] [train-step]`).
 *
 * conv-grad: the formulations of the Conv gradient (passes/autodiff/rules/Conv.grad.ts) on the
 *   yolov5n layers at 320 x 320, batch 8. Per layer and formulation a model with x, W and the
 *   output gradient as graph inputs (W an input, as in training: nothing about it is folded), the
 *   gradient fetched alone; ms is the median of alternating runs (formulations interleaved, so load
 *   from other processes hits them alike).
 *   Reported: the minimum wall time over runs (on a machine shared with other work, the fastest run
 *   is the one least disturbed) and the median CPU time of the process during a run.
 * train-step: forward + backward of yolov5n (train mode BN, loss = sum of squares of the heads,
 *   gradients of every parameter, running stats) at 320, batch 8, one session created once, feeds
 *   reused, graphOptimizationLevel 'all'.
 */
import * as os from 'node:os';
import * as ort from 'onnxruntime-node';
import { attrInt, attrInts } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import { Graph, Node, Value } from '../../ir/graph.js';
import { Model } from '../../ir/model.js';
import { encodeModel } from '../../ir/serde/index.js';
import { Tensor } from '../../ir/tensor.js';
import { tensorType } from '../../ir/type.js';
import { buildModel, loadConfig } from '../../frontends/yolov5/index.js';
import { appendBackward } from '../../passes/autodiff/index.js';
import { convGradStrategy, type ConvGradStrategy } from '../../passes/autodiff/rules/Conv.grad.js';
import { batchNormToTraining } from '../../passes/bn-train.js';
import { eliminateDeadCode } from '../../passes/dce.js';
import { randomFloat32 } from '../util/ort.js';

export interface ConvLayer {
  name: string;
  ci: number;
  co: number;
  k: number;
  s: number;
  hw: number;
}

/** yolov5n's distinct conv shapes at 320 (input side hw). */
export const YOLOV5N_320_LAYERS: readonly ConvLayer[] = [
  { name: 'model.0 6x6 s2 3->16 @320', ci: 3, co: 16, k: 6, s: 2, hw: 320 },
  { name: 'model.1 3x3 s2 16->32 @160', ci: 16, co: 32, k: 3, s: 2, hw: 160 },
  { name: 'model.2 cv1 1x1 32->16 @80', ci: 32, co: 16, k: 1, s: 1, hw: 80 },
  { name: 'model.2 m.cv2 3x3 16->16 @80', ci: 16, co: 16, k: 3, s: 1, hw: 80 },
  { name: 'model.3 3x3 s2 32->64 @80', ci: 32, co: 64, k: 3, s: 2, hw: 80 },
  { name: 'model.4 m.cv2 3x3 32->32 @40', ci: 32, co: 32, k: 3, s: 1, hw: 40 },
  { name: 'model.4 cv3 1x1 64->64 @40', ci: 64, co: 64, k: 1, s: 1, hw: 40 },
  { name: 'model.5 3x3 s2 64->128 @40', ci: 64, co: 128, k: 3, s: 2, hw: 40 },
  { name: 'model.6 m.cv2 3x3 64->64 @20', ci: 64, co: 64, k: 3, s: 1, hw: 20 },
  { name: 'model.8 m.cv2 3x3 128->128 @10', ci: 128, co: 128, k: 3, s: 1, hw: 10 },
  { name: 'model.9 cv2 1x1 512->256 @10', ci: 512, co: 256, k: 1, s: 1, hw: 10 },
  { name: 'model.24 m.0 1x1 64->255 @40', ci: 64, co: 255, k: 1, s: 1, hw: 40 },
];

/** YOLOv5's autopad: k // 2. */
function padOf(l: ConvLayer): number {
  return Math.floor(l.k / 2);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Conv + loss <y, G> (G an input), backward for the wanted gradient under `strategy`. */
function convModel(l: ConvLayer, batch: number, strategy: ConvGradStrategy, wrt: 'x' | 'w'): { bytes: Uint8Array; fetch: string } {
  const g = new Graph('conv');
  const pad = padOf(l);
  const ho = Math.floor((l.hw + 2 * pad - l.k) / l.s) + 1;
  const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [batch, l.ci, l.hw, l.hw])));
  const w = g.addInput(new Value('w', tensorType(DataType.FLOAT, [l.co, l.ci, l.k, l.k])));
  const seed = g.addInput(new Value('dy', tensorType(DataType.FLOAT, [batch, l.co, ho, ho])));
  const y = g.append(new Node('Conv', [x, w], ['y'], { name: 'conv', attributes: [attrInts('kernel_shape', [l.k, l.k]), attrInts('strides', [l.s, l.s]), attrInts('pads', [pad, pad, pad, pad])] })).output(0);
  const prod = g.append(new Node('Mul', [y, seed], ['prod'], { name: 'mul' })).output(0);
  g.append(new Node('ReduceSum', [prod], ['loss'], { name: 'loss', attributes: [attrInt('keepdims', 0)] }));
  const model = new Model(g, { opsetImports: [['', 17]] });
  const saved = { ...convGradStrategy };
  Object.assign(convGradStrategy, strategy);
  try {
    const { gradients } = appendBackward(model, { loss: 'loss', wrt: [wrt], stopGradient: ['dy'] });
    // Only the gradient is an output, and dead code goes: ORT runs every node of a graph whatever
    // the fetches, dead ones included (here the forward conv and the loss, which neither dX nor
    // dW reads).
    const gv = gradients.get(wrt)!;
    g.outputs = [gv];
    eliminateDeadCode(g);
    return { bytes: encodeModel(model), fetch: gv.name };
  } finally {
    Object.assign(convGradStrategy, saved);
  }
}

function forwardModel(l: ConvLayer, batch: number): { bytes: Uint8Array; fetch: string } {
  const g = new Graph('conv');
  const pad = padOf(l);
  const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [batch, l.ci, l.hw, l.hw])));
  const w = g.addInput(new Value('w', tensorType(DataType.FLOAT, [l.co, l.ci, l.k, l.k])));
  g.addInput(new Value('dy', tensorType(DataType.FLOAT, [batch, l.co, Math.floor((l.hw + 2 * pad - l.k) / l.s) + 1, Math.floor((l.hw + 2 * pad - l.k) / l.s) + 1])));
  const y = g.append(new Node('Conv', [x, w], ['y'], { name: 'conv', attributes: [attrInts('kernel_shape', [l.k, l.k]), attrInts('strides', [l.s, l.s]), attrInts('pads', [pad, pad, pad, pad])] })).output(0);
  g.outputs.push(y);
  return { bytes: encodeModel(new Model(g, { opsetImports: [['', 17]] })), fetch: 'y' };
}

/** What every gradient model spends before its Conv rule: Expand(seed) * dy. */
function seedModel(l: ConvLayer, batch: number): { bytes: Uint8Array; fetch: string } {
  const g = new Graph('seed');
  const pad = padOf(l);
  const ho = Math.floor((l.hw + 2 * pad - l.k) / l.s) + 1;
  g.addInput(new Value('x', tensorType(DataType.FLOAT, [batch, l.ci, l.hw, l.hw])));
  g.addInput(new Value('w', tensorType(DataType.FLOAT, [l.co, l.ci, l.k, l.k])));
  const dy = g.addInput(new Value('dy', tensorType(DataType.FLOAT, [batch, l.co, ho, ho])));
  const one = g.addInitializer(Tensor.fromFloat32([], Float32Array.of(1)), 'one');
  const shape = g.addInitializer(Tensor.fromInt64([4], [batch, l.co, ho, ho]), 'shape');
  const e = g.append(new Node('Expand', [one, shape], ['e'], { name: 'expand' })).output(0);
  g.outputs.push(g.append(new Node('Mul', [e, dy], ['out'], { name: 'mul' })).output(0));
  return { bytes: encodeModel(new Model(g, { opsetImports: [['', 17]] })), fetch: 'out' };
}

export interface ConvGradRow {
  layer: string;
  /** formulation -> [min wall ms, median CPU ms] */
  dx: Record<string, [number, number]>;
  dw: Record<string, [number, number]>;
  forward: [number, number];
}

export async function benchConvGrad(options: { batch?: number; runs?: number; threads?: number; log?: (s: string) => void } = {}): Promise<ConvGradRow[]> {
  const batch = options.batch ?? 8;
  const runs = options.runs ?? 15;
  const threads = options.threads ?? os.availableParallelism();
  const log = options.log ?? console.log;
  const rows: ConvGradRow[] = [];
  const dxs: Array<[string, ConvGradStrategy['input']]> = [['ConvTranspose', 'conv-transpose'], ['Conv', 'conv'], ['MatMul', 'matmul']];
  const dws: Array<[string, ConvGradStrategy['weight']]> = [['Conv(X^T, dY^T)', 'conv'], ['im2col Slice', 'im2col'], ['im2col Conv', 'patches'], ['im2col folded', 'im2col-folded']];
  for (const l of YOLOV5N_320_LAYERS) {
    const variants: Array<{ kind: 'dx' | 'dw' | 'fwd'; label: string; session: ort.InferenceSession; fetch: string }> = [];
    const add = async (kind: 'dx' | 'dw' | 'fwd', label: string, m: { bytes: Uint8Array; fetch: string }) => {
      variants.push({ kind, label, fetch: m.fetch, session: await ort.InferenceSession.create(m.bytes, { graphOptimizationLevel: 'all', intraOpNumThreads: threads }) });
    };
    await add('fwd', 'forward', forwardModel(l, batch));
    await add('dx', 'seed', seedModel(l, batch));
    for (const [label, input] of dxs) {
      if (input === 'matmul' && (l.k !== 1 || l.s !== 1)) continue;
      await add('dx', label, convModel(l, batch, { input, weight: 'conv' }, 'x'));
    }
    for (const [label, weight] of dws) {
      if (weight === 'patches' && l.k === 1) continue;
      await add('dw', label, convModel(l, batch, { input: 'conv-transpose', weight }, 'w'));
    }
    const pad = padOf(l);
    const ho = Math.floor((l.hw + 2 * pad - l.k) / l.s) + 1;
    const feeds = {
      x: new ort.Tensor('float32', randomFloat32(batch * l.ci * l.hw * l.hw, 1, -1, 1), [batch, l.ci, l.hw, l.hw]),
      w: new ort.Tensor('float32', randomFloat32(l.co * l.ci * l.k * l.k, 2, -0.1, 0.1), [l.co, l.ci, l.k, l.k]),
      dy: new ort.Tensor('float32', randomFloat32(batch * l.co * ho * ho, 3, -1, 1), [batch, l.co, ho, ho]),
    };
    const times = variants.map(() => [] as number[]);
    const cpu = variants.map(() => [] as number[]);
    for (let r = 0; r < runs + 3; r++) {
      for (const [i, v] of variants.entries()) {
        const c0 = process.cpuUsage();
        const t = performance.now();
        await v.session.run(feeds, [v.fetch]);
        const wall = performance.now() - t;
        const c1 = process.cpuUsage(c0);
        if (r >= 3) {
          times[i]!.push(wall);
          cpu[i]!.push((c1.user + c1.system) / 1000);
        }
      }
    }
    const row: ConvGradRow = { layer: l.name, dx: {}, dw: {}, forward: [0, 0] };
    // A gradient model's time is its backward op(s) and the seed (Expand, Mul by dy: the same in
    // every formulation, measured by the seed model and subtracted below).
    variants.forEach((v, i) => {
      const ms: [number, number] = [Math.min(...times[i]!), median(cpu[i]!)];
      if (v.kind === 'fwd') row.forward = ms;
      else row[v.kind][v.label] = ms;
    });
    for (const v of variants) await v.session.release();
    // Less the seed: the backward op(s) alone.
    const seed = row.dx.seed!;
    delete row.dx.seed;
    for (const r of [row.dx, row.dw]) for (const k of Object.keys(r)) r[k] = [r[k]![0] - seed[0], r[k]![1] - seed[1]];
    rows.push(row);
    const f = (v: [number, number]) => `${v[0].toFixed(1)}/${v[1].toFixed(1)}`;
    const fmt = (r: Record<string, [number, number]>) => Object.entries(r).map(([k, v]) => `${k} ${f(v)}`).join(', ');
    log(`${l.name}: ms wall min/CPU median: forward ${f(row.forward)} | dX: ${fmt(row.dx)} | dW: ${fmt(row.dw)}`);
  }
  return rows;
}

/** yolov5n fwd+bwd at `imgsz`, `batch`; returns per-run ms. */
export async function benchTrainStep(options: { imgsz?: number; batch?: number; runs?: number; threads?: number; log?: (s: string) => void } = {}): Promise<{ stepMs: number[]; forwardMs: number[] }> {
  const imgsz = options.imgsz ?? 320;
  const batch = options.batch ?? 8;
  const log = options.log ?? console.log;
  const threads = options.threads ?? os.availableParallelism();
  const model = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz, batch });
  const g = model.graph;
  const stats = new Set<string>();
  for (const n of g.nodes) if (n.opType === 'BatchNormalization') for (const i of [3, 4]) stats.add(n.input(i)!.name);
  const wrt = [...g.initializers.values()].filter((v) => !stats.has(v.name) && v.constValue?.dtype === DataType.FLOAT).map((v) => v.name);
  const { runningStats } = batchNormToTraining(model);
  const heads = g.outputs.filter((v) => v.name.startsWith('pred'));
  const terms = heads.map((h) => g.append(new Node('ReduceSumSquare', [h], 1, { name: `loss_${h.name}`, attributes: [attrInt('keepdims', 0)] })).output(0));
  g.outputs.push(g.append(new Node('Sum', terms, ['loss'], { name: 'loss' })).output(0));
  // The forward alone: a session of its own (ORT runs every node of a graph whatever is fetched).
  const forwardModel = encodeModel(model);
  const t0 = performance.now();
  const { gradients } = appendBackward(model, { loss: 'loss', wrt });
  const buildMs = performance.now() - t0;
  // Parameters as graph inputs, as a training loop feeds them (nothing about them is folded).
  const values = new Map<string, Float32Array>();
  for (const name of wrt) {
    const v = g.initializers.get(name)!;
    values.set(name, v.constValue!.toFloat32());
    g.initializers.delete(name);
    v.constValue = undefined;
    g.inputs.push(v);
  }
  for (const v of gradients.values()) g.outputs.push(v);
  const bytes = encodeModel(model);
  const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'all', intraOpNumThreads: threads });
  const feeds: Record<string, ort.Tensor> = { images: new ort.Tensor('float32', randomFloat32(batch * 3 * imgsz * imgsz, 7), [batch, 3, imgsz, imgsz]) };
  for (const name of wrt) {
    const v = g.inputs.find((x) => x.name === name)!;
    feeds[name] = new ort.Tensor('float32', values.get(name)!, (v.type as { shape: Array<{ value?: number }> }).shape.map((d) => d.value!));
  }
  const forward = await ort.InferenceSession.create(forwardModel, { graphOptimizationLevel: 'all', intraOpNumThreads: threads });
  const fetchAll = [...g.outputs.map((v) => v.name)];
  const fetchForward = ['loss', ...[...runningStats.values()].map((v) => v.name)];
  const stepMs: number[] = [];
  const forwardMs: number[] = [];
  const runs = options.runs ?? 10;
  for (let r = 0; r < runs + 2; r++) {
    let t = performance.now();
    await session.run(feeds, fetchAll);
    if (r >= 2) stepMs.push(performance.now() - t);
    t = performance.now();
    await forward.run({ images: feeds.images! }, fetchForward);
    if (r >= 2) forwardMs.push(performance.now() - t);
  }
  await session.release();
  await forward.release();
  log(`yolov5n train step ${imgsz}x${imgsz} batch ${batch}, ${threads} threads: ${g.nodes.size} nodes (backward built in ${buildMs.toFixed(0)} ms)`);
  log(`  fwd+bwd median ${median(stepMs).toFixed(0)} ms (runs ${stepMs.map((t) => t.toFixed(0)).join(', ')})`);
  log(`  forward median ${median(forwardMs).toFixed(0)} ms (runs ${forwardMs.map((t) => t.toFixed(0)).join(', ')})`);
  return { stepMs, forwardMs };
}

const isMain = process.argv[1]?.endsWith('autodiff.js') ?? false;
if (isMain) {
  const only = process.argv.slice(2);
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  if (wanted('conv-grad')) await benchConvGrad();
  if (wanted('train-step')) await benchTrainStep();
}
