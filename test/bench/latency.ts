/**
 * Helpers of the pruned-latency benchmark (issue 4): the pruned model, and ORT CPU latency of two
 * models measured alike.
 *
 * The pruned model is what a user deploys: yolov5l in training form, `prune-l1{ratios=r, round,
 * scope}` (the real pass: filter L1 ranking, slicing, folding), then `toDeployForm` (BN folded into
 * the convs, as `ylc export` does after the finetune). Pruning the deploy form directly gives the
 * same widths; the training form is what is pruned and finetuned in practice. r is found by
 * bisection on `countFlops` for the FLOPs ratio closest to the target: with scope=yolov5-light
 * (the default: the residual streams of C3 keep their width) 50% FLOPs is r ~ 0.55; with
 * scope=all FLOPs go as ~r^2 and 50% is r ~ 0.68.
 */
import { countFlops } from '../../ir/flops.js';
import type { Model } from '../../ir/model.js';
import { createSession, ort } from '../../ir/runtime.js';
import { encodeModel } from '../../ir/serde/index.js';
import { buildModel, loadConfig, toDeployForm } from '../../frontends/yolov5/index.js';
import { runPipeline } from '../../passes/manager.js';

export interface PruneSettings {
  round: number;
  scope: 'yolov5-light' | 'all';
}

export interface PrunedModel {
  /** Deploy form. */
  model: Model;
  ratio: number;
  flops: number;
  pipeline: string;
}

async function pruneAt(ratio: number, s: PruneSettings, imgsz: number): Promise<PrunedModel> {
  const pipeline = `prune-l1{ratios=${ratio},round=${s.round},scope=${s.scope}}`;
  const train = buildModel(loadConfig('yolov5l'), { form: 'train', imgsz });
  await runPipeline(train, pipeline, { log: () => {} });
  const model = toDeployForm(train);
  return { model, ratio, flops: countFlops(model).total, pipeline };
}

/** yolov5l pruned by prune-l1 (deploy form) at the ratio whose FLOPs ratio is closest to `target` (bisection, ratios to 0.01). */
export async function prunedYolov5l(fullFlops: number, target: number, imgsz: number, s: PruneSettings): Promise<PrunedModel> {
  // In hundredths, so that the bisection ends.
  let lo = 20;
  let hi = 100;
  let best: PrunedModel | undefined;
  const closer = (p: PrunedModel) => !best || Math.abs(p.flops / fullFlops - target) < Math.abs(best.flops / fullFlops - target);
  while (hi - lo > 1) {
    const mid = Math.round((lo + hi) / 2);
    const p = await pruneAt(mid / 100, s, imgsz);
    if (closer(p)) best = p;
    if (p.flops / fullFlops > target) hi = mid;
    else lo = mid;
  }
  return best!;
}

export interface LatencyOptions {
  threads: number;
  warmup: number;
  runs: number;
}

export interface Latency {
  medianMs: number;
  runsMs: number[];
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * ORT CPU latency of each model on the same seeded input, with the same session options. Runs
 * alternate between the models (A B A B ...) so that load from others on the machine falls on both.
 */
export async function measureLatencies(models: readonly Model[], input: { name: string; dims: number[] }, o: LatencyOptions): Promise<Latency[]> {
  const sessions = [];
  for (const m of models) sessions.push(await createSession(encodeModel(m), { device: 'cpu', threads: o.threads, optimization: 'all' }));
  try {
    const size = input.dims.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    let s = 12345;
    for (let i = 0; i < size; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      data[i] = (s >>> 8) / 2 ** 24;
    }
    const feeds = { [input.name]: new ort.Tensor('float32', data, input.dims) };
    for (let i = 0; i < o.warmup; i++) for (const session of sessions) await session.run(feeds);
    const runs: number[][] = sessions.map(() => []);
    for (let i = 0; i < o.runs; i++) {
      for (const [j, session] of sessions.entries()) {
        const t0 = performance.now();
        await session.run(feeds);
        runs[j]!.push(performance.now() - t0);
      }
    }
    return runs.map((r) => ({ medianMs: median(r), runsMs: r }));
  } finally {
    for (const session of sessions) await session.release();
  }
}
