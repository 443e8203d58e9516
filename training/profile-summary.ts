/**
 * Where a training step's time goes, read from an ONNX Runtime profile (Chrome trace JSON, written
 * with `enableProfiling`): for the runs after `skipRuns` (warmup), each node's kernel time is its
 * minimum over those runs (a shared machine inflates single runs; the minimum is what the kernel
 * costs), summed by op type and by kind of work:
 *   - convolution: Conv, ConvTranspose and the MatMul/Gemm products of the weight gradients;
 *   - data movement: ops that only copy or rearrange (im2col windows, Concat, Transpose, ...);
 *   - elementwise and reductions: the rest (BatchNorm statistics, SiLU and their gradients, the
 *     loss, the optimizer step).
 * `outsideKernelsMs` is the run's wall time less the kernels: ONNX Runtime's per-node dispatch,
 * plus the profiler's own overhead, which makes profiled runs slower than unprofiled ones.
 */
import * as fs from 'node:fs';
import { YlcError } from '../ir/errors.js';

export type WorkKind = 'convolution' | 'data movement' | 'elementwise and reductions';

const CONVOLUTION = new Set(['Conv', 'ConvTranspose', 'MatMul', 'FusedMatMul', 'Gemm']);
const DATA_MOVEMENT = new Set([
  'Slice', 'Concat', 'Pad', 'Transpose', 'Split', 'Gather', 'GatherND', 'GatherElements', 'ScatterND', 'ScatterElements',
  'DepthToSpace', 'SpaceToDepth', 'Expand', 'Tile', 'Reshape', 'Unsqueeze', 'Squeeze', 'Flatten', 'Identity', 'Resize', 'Cast',
]);

export function workKind(opType: string): WorkKind {
  if (CONVOLUTION.has(opType)) return 'convolution';
  if (DATA_MOVEMENT.has(opType)) return 'data movement';
  return 'elementwise and reductions';
}

export interface OpTypeTime {
  opType: string;
  kind: WorkKind;
  ms: number;
  nodes: number;
}

export interface ProfileSummary {
  /** Runs summarized (after the skipped ones). */
  runs: number;
  /** Median wall time of those runs, profiler included. */
  runMs: number;
  /** Sum over nodes of each node's minimum kernel time. */
  kernelMs: number;
  outsideKernelsMs: number;
  nodes: number;
  byKind: Record<WorkKind, { ms: number; nodes: number }>;
  /** Slowest first. */
  byOpType: OpTypeTime[];
}

interface TraceEvent {
  cat?: string;
  name?: string;
  ts?: number;
  dur?: number;
  args?: { op_name?: string };
}

const KERNEL_SUFFIX = '_kernel_time';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Summarizes a parsed profile; see the file header. */
export function summarizeProfile(events: readonly TraceEvent[], skipRuns: number): ProfileSummary {
  const runs = events
    .filter((e) => e.cat === 'Session' && e.name === 'model_run' && typeof e.ts === 'number' && typeof e.dur === 'number')
    .sort((a, b) => a.ts! - b.ts!)
    .slice(skipRuns);
  if (runs.length === 0) throw new RangeError(`summarizeProfile: no model run after the first ${skipRuns}`);
  const kernels = events.filter((e) => e.cat === 'Node' && e.name?.endsWith(KERNEL_SUFFIX) && typeof e.ts === 'number' && typeof e.dur === 'number');
  const fastest = new Map<string, { op: string; us: number }>();
  for (const run of runs) {
    const end = run.ts! + run.dur!;
    const inRun = new Map<string, number>();
    for (const k of kernels) if (k.ts! >= run.ts! && k.ts! <= end) inRun.set(k.name!, (inRun.get(k.name!) ?? 0) + k.dur!);
    for (const k of kernels) {
      const us = inRun.get(k.name!);
      if (us === undefined) continue;
      const seen = fastest.get(k.name!);
      if (!seen || us < seen.us) fastest.set(k.name!, { op: k.args?.op_name ?? 'unknown', us });
    }
  }
  const byOp = new Map<string, OpTypeTime>();
  const byKind: ProfileSummary['byKind'] = {
    convolution: { ms: 0, nodes: 0 },
    'data movement': { ms: 0, nodes: 0 },
    'elementwise and reductions': { ms: 0, nodes: 0 },
  };
  let kernelMs = 0;
  for (const { op, us } of fastest.values()) {
    const row = byOp.get(op) ?? { opType: op, kind: workKind(op), ms: 0, nodes: 0 };
    row.ms += us / 1000;
    row.nodes++;
    byOp.set(op, row);
    byKind[row.kind].ms += us / 1000;
    byKind[row.kind].nodes++;
    kernelMs += us / 1000;
  }
  const runMs = median(runs.map((r) => r.dur! / 1000));
  return {
    runs: runs.length,
    runMs,
    kernelMs,
    outsideKernelsMs: Math.max(0, runMs - kernelMs),
    nodes: fastest.size,
    byKind,
    byOpType: [...byOp.values()].sort((a, b) => b.ms - a.ms),
  };
}

/** Reads and summarizes an ONNX Runtime profile file. */
export function readProfileSummary(file: string, skipRuns: number): ProfileSummary {
  let events: unknown;
  try {
    events = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new YlcError('io', `${file}: not an ONNX Runtime profile (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  if (!Array.isArray(events)) throw new YlcError('io', `${file}: not an ONNX Runtime profile (expected a JSON array of trace events)`);
  return summarizeProfile(events as TraceEvent[], skipRuns);
}

/** The summary as lines of text, for the bench report. */
export function formatProfileSummary(s: ProfileSummary, topOps = 8): string[] {
  const pct = (ms: number) => `${((100 * ms) / s.runMs).toFixed(0).padStart(3)}%`;
  const lines = [`profile: ${s.runs} runs, ${s.runMs.toFixed(0)} ms a run profiled (median), ${s.nodes} nodes; per-node minimum kernel time:`];
  for (const [kind, v] of Object.entries(s.byKind)) lines.push(`  ${kind.padEnd(27)} ${v.ms.toFixed(1).padStart(7)} ms ${pct(v.ms)}  ${String(v.nodes).padStart(5)} nodes`);
  lines.push(`  ${'outside kernels (dispatch)'.padEnd(27)} ${s.outsideKernelsMs.toFixed(1).padStart(7)} ms ${pct(s.outsideKernelsMs)}`);
  lines.push(`  slowest op types: ${s.byOpType.slice(0, topOps).map((o) => `${o.opType} ${o.ms.toFixed(1)} ms (${o.nodes})`).join(', ')}`);
  return lines;
}
