/**
 * Helpers of the pruned-latency benchmark (issue 4): the pruned model, and ORT CPU latency of two
 * models measured alike.
 *
 * The pruned model comes from the prune passes when they are registered (PRUNE_PIPELINE on the
 * training form, then `toDeployForm`). Until then it is a stand-in: yolov5l_slim.yaml with every
 * layer ratio set to one r (inner ratios 1.0), r chosen so the FLOPs ratio is closest to the target.
 * That is the same architecture with every width scaled by r (rounded to multiples of 8, as
 * YOLOv5-Light's pruned configs are), i.e. the shape of a uniformly channel-pruned yolov5l; a pass
 * prunes unevenly, so its latency ratio may differ. FLOPs go as r^2 (both channel counts of a
 * conv shrink), so 50% FLOPs is r ~ 0.7, not halved widths (r = 0.5 would be ~25% FLOPs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { countFlops } from '../../ir/flops.js';
import type { Model } from '../../ir/model.js';
import { createSession, ort } from '../../ir/runtime.js';
import { encodeModel } from '../../ir/serde/index.js';
import { buildModel, builtinConfigDir, loadConfig, parseConfig, toDeployForm } from '../../frontends/yolov5/index.js';
import { PASSES } from '../../passes/index.js';
import { runPipeline } from '../../passes/manager.js';

/** What the prune passes are asked for once they land (adjust with their option names). */
export const PRUNE_PIPELINE = 'prune-l1{ratios=0.5}';

/**
 * yolov5l_slim.yaml with every SlimConv/SlimC3/SlimSPPF width scaled by `ratio`. `multiple` 8 writes
 * `ratio` itself (YOLOv5-Light rounds each width up to a multiple of 8); 16 or more writes per
 * layer the ratio that gives the nearest multiple of `multiple` (SlimC3: of 2 * multiple, so that
 * its hidden width c2/2 is one too). Every c2 of the file is a power of two: c2'/c2 is exact.
 */
export function slimConfigText(ratio: number, multiple = 8): string {
  const text = fs.readFileSync(path.join(builtinConfigDir(), 'yolov5l_slim.yaml'), 'utf8');
  let n = 0;
  const out = text.replace(/(Slim(Conv|C3|SPPF), \[(\d+), )1\.0\b/g, (_, head: string, module: string, c2text: string) => {
    n++;
    if (multiple === 8) return `${head}${ratio}`;
    const c2 = Number(c2text);
    const m = module === 'C3' ? 2 * multiple : multiple;
    return `${head}${Math.max(Math.round((c2 * ratio) / m), 1) * m / c2}`;
  });
  if (n !== 18) throw new Error(`yolov5l_slim.yaml: expected 18 slim layers, found ${n}`);
  return out;
}

/** The stand-in with widths scaled by r (rounded to `multiple`), r chosen for the FLOPs ratio closest to the target. */
export function standInYolov5l(fullFlops: number, targetFlopsRatio: number, imgsz: number, multiple: number): { model: Model; ratio: number } {
  let best: { ratio: number; flops: number } | undefined;
  for (let i = 0; i <= 24; i++) {
    const ratio = Math.round((0.64 + i * 0.005) * 1000) / 1000;
    const flops = countFlops(buildModel(parseConfig(slimConfigText(ratio, multiple), 'yolov5l_slim.yaml'), { form: 'train', imgsz })).total;
    if (!best || Math.abs(flops / fullFlops - targetFlopsRatio) < Math.abs(best.flops / fullFlops - targetFlopsRatio)) best = { ratio, flops };
  }
  const model = buildModel(parseConfig(slimConfigText(best!.ratio, multiple), `yolov5l_slim.yaml (widths x${best!.ratio}, multiples of ${multiple})`), { form: 'deploy', imgsz });
  return { model, ratio: best!.ratio };
}

export interface PrunedModel {
  model: Model;
  /** How it was made, for the output. */
  label: string;
  standIn: boolean;
}

/** The pruned yolov5l (deploy form) at about `targetFlopsRatio` of `fullFlops`. */
export async function prunedYolov5l(fullFlops: number, targetFlopsRatio: number, imgsz: number, log: (s: string) => void): Promise<PrunedModel> {
  if (PASSES.some((p) => p.name === 'prune-l1' || p.name === 'prune-slim')) {
    try {
      const train = buildModel(loadConfig('yolov5l'), { form: 'train', imgsz });
      await runPipeline(train, PRUNE_PIPELINE);
      return { model: toDeployForm(train), label: `yolov5l after '${PRUNE_PIPELINE}'`, standIn: false };
    } catch (e) {
      log(`  prune passes registered, but '${PRUNE_PIPELINE}' failed (${(e as Error).message.split('\n')[0]}): using the stand-in`);
    }
  }
  const { model, ratio } = standInYolov5l(fullFlops, targetFlopsRatio, imgsz, 8);
  return { model, label: `STAND-IN: yolov5l_slim, every width x${ratio} (not a pruning pass)`, standIn: true };
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
