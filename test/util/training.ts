/** Helpers for the training tests: parameters as float64, gradients from a training model, references. */
import { expect } from 'vitest';
import { ort } from '../../ir/runtime.js';
import { encodeModel } from '../../ir/serde/index.js';
import type { TrainingArtifacts } from '../../training/artifacts.js';
import { GROUPS, type ParamGroup } from '../../training/params.js';
import { TrainingRun, type StepResult } from '../../training/runtime.js';

export type Flat = Record<string, Float64Array>;

/** The run's parameters, per name, as float64. */
export function paramsOf(run: TrainingRun, options: { ema?: boolean } = {}): Flat {
  const out: Flat = {};
  for (const [name, t] of run.stateDict(options)) out[name] = t.toFloat64();
  return out;
}

const sessions = new WeakMap<TrainingArtifacts, Promise<ort.InferenceSession>>();

export interface TrainingOutputs {
  loss: number;
  items: Float32Array | undefined;
  /** Per parameter, this batch's gradient. */
  grads: Flat;
  /** Per running stat, its value after the forward. */
  stats: Flat;
}

/**
 * One run of the (unfused) training model at `params` (one batch, nothing accumulated), with the
 * running stats of `stats` (a run's current ones, or given by name). Sessions are kept per artifacts.
 */
export async function trainingOutputs(a: TrainingArtifacts, params: Flat, stats: TrainingRun | Flat, b: Record<string, ort.Tensor>): Promise<TrainingOutputs> {
  const m = a.manifest;
  if (m.fused || !m.accumulation) throw new Error('trainingOutputs needs unfused artifacts with accumulation');
  const statValues = stats instanceof TrainingRun ? paramsOf(stats) : stats;
  for (const s of m.runningStats.slots) params = { ...params, [s.name]: statValues[s.name]! };
  let session = sessions.get(a);
  if (!session) sessions.set(a, (session = ort.InferenceSession.create(encodeModel(a.training))));
  const flat = (layout: { slots: readonly { name: string; offset: number; size: number }[]; size: number }) => {
    const data = new Float32Array(layout.size);
    for (const s of layout.slots) data.set(params[s.name]!, s.offset);
    return new ort.Tensor('float32', data, [layout.size]);
  };
  const feeds: Record<string, ort.Tensor> = { ...b, lazy_reset_grad: new ort.Tensor('bool', Uint8Array.of(1), []) };
  if (m.runningStats.size) feeds.running_stats = flat(m.runningStats);
  const groups = GROUPS.filter((g) => m.groups[g].size > 0);
  for (const g of groups) {
    feeds[`params.${g}`] = flat(m.groups[g]);
    feeds[`grads.${g}.accumulated`] = new ort.Tensor('float32', new Float32Array(m.groups[g].size), [m.groups[g].size]);
  }
  const out = await (await session).run(feeds);
  const unflatten = (layout: { slots: readonly { name: string; offset: number; size: number }[] }, data: Float32Array, into: Flat) => {
    for (const s of layout.slots) into[s.name] = Float64Array.from(data.subarray(s.offset, s.offset + s.size));
  };
  const grads: Flat = {};
  for (const g of groups) unflatten(m.groups[g], out[`grads.${g}`]!.data as Float32Array, grads);
  const after: Flat = {};
  if (m.runningStats.size) unflatten(m.runningStats, out['running_stats.updated']!.data as Float32Array, after);
  return { loss: (out[m.loss]!.data as Float32Array)[0]!, items: m.items ? (out[m.items]!.data as Float32Array) : undefined, grads, stats: after };
}

/** The gradients of one batch at `params` (see trainingOutputs). */
export async function gradientsAt(a: TrainingArtifacts, params: Flat, stats: TrainingRun | Flat, b: Record<string, ort.Tensor>): Promise<Flat> {
  return (await trainingOutputs(a, params, stats, b)).grads;
}

export function groupOf(a: TrainingArtifacts, name: string): ParamGroup {
  return GROUPS.find((g) => a.manifest.groups[g].slots.some((s) => s.name === name))!;
}

/** |actual - expected| <= atol + rtol |expected|, elementwise (float32 against a float64 reference). */
export function expectClose(actual: Flat, expected: Flat, names: readonly string[], rtol = 1e-5, atol = 1e-6): void {
  for (const name of names) {
    const a = actual[name]!;
    const e = expected[name]!;
    let worst = 0;
    for (let i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(a[i]! - e[i]!) / (atol + rtol * Math.abs(e[i]!)));
    expect(worst, name).toBeLessThan(1);
  }
}

/** torch.optim.SGD(nesterov) in float64, group by group. */
export function sgdReference(a: TrainingArtifacts, p: Flat, buf: Flat, g: Flat, r: StepResult, wd: number): void {
  for (const name of Object.keys(g)) {
    const group = groupOf(a, name);
    const lr = r.lr[group];
    const decay = group === 'decay' ? wd : 0;
    for (let i = 0; i < p[name]!.length; i++) {
      const d = g[name]![i]! + decay * p[name]![i]!;
      buf[name]![i] = r.momentum * buf[name]![i]! + d;
      p[name]![i] = p[name]![i]! - lr * (d + r.momentum * buf[name]![i]!);
    }
  }
}

