/**
 * Test helpers for numeric equivalence (after onnxscript `assert_numerically_equal`): run a model
 * in ONNX Runtime on seeded inputs and compare outputs with a stated tolerance.
 *
 * Sessions run with graph optimizations disabled by default, so that ORT executes the graph as
 * written (its own fusions, e.g. Conv+BatchNormalization, would otherwise hide what a pass did).
 */
import * as ort from 'onnxruntime-node';
import type { Model } from '../../ir/model.js';
import { encodeModel } from '../../ir/serde/index.js';

export type OrtOptimization = 'disabled' | 'basic' | 'extended' | 'all';

export interface RunOptions {
  optimization?: OrtOptimization;
  /** Output names to fetch; all graph outputs when absent. */
  outputs?: readonly string[];
}

export interface FloatInput {
  dims: readonly number[];
  data: Float32Array | Float64Array;
}

/** Runs `model` (an IR model or encoded bytes) once and returns every requested output as float64. */
export async function runModel(
  model: Model | Uint8Array,
  feeds: Record<string, FloatInput>,
  options: RunOptions = {},
): Promise<Record<string, { dims: readonly number[]; data: Float64Array }>> {
  const bytes = model instanceof Uint8Array ? model : encodeModel(model);
  const session = await ort.InferenceSession.create(bytes, {
    graphOptimizationLevel: options.optimization ?? 'disabled',
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
  });
  try {
    const ortFeeds: Record<string, ort.Tensor> = {};
    for (const [name, input] of Object.entries(feeds)) {
      const type = input.data instanceof Float64Array ? 'float64' : 'float32';
      ortFeeds[name] = new ort.Tensor(type, input.data, [...input.dims]);
    }
    const results = options.outputs ? await session.run(ortFeeds, [...options.outputs]) : await session.run(ortFeeds);
    const out: Record<string, { dims: readonly number[]; data: Float64Array }> = {};
    for (const [name, tensor] of Object.entries(results)) {
      out[name] = { dims: tensor.dims, data: Float64Array.from(tensor.data as ArrayLike<number>) };
    }
    return out;
  } finally {
    await session.release();
  }
}

/** Largest |a[i] - b[i]|; throws on a length mismatch; NaN anywhere gives NaN. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`maxAbsDiff: lengths differ (${a.length} vs ${b.length})`);
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!(d <= max)) max = d; // NaN propagates
  }
  return max;
}

/** mulberry32: a small seeded generator, deterministic across runs and platforms. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` seeded uniform values in [lo, hi). */
export function randomFloat32(n: number, seed: number, lo = 0, hi = 1): Float32Array {
  const next = seededRandom(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * next();
  return out;
}
