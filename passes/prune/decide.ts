/**
 * What prune-slim and prune-l1 share: the scope of groups they may prune, channel importance
 * (BatchNormalization |gamma|, or the L1 norm of the producers' filters), the keep count rule,
 * and the end of a run: slice (or record the masks), count, summarize, emit the YAML.
 *
 * Keep rule (REFERENCE 7, per group): n = max(round_up(count(importance > t), round), min),
 * at most the group's size; the n most important channels stay (ties: the lower index).
 * Importance of a channel of a group with several producers (residual groups under scope=all):
 * the largest |gamma| over the group's BatchNormalizations, so a channel goes only if it is
 * unimportant in every member; for L1, the largest (prune-slim's fallback) or the sum (prune-l1)
 * of the producers' filter norms.
 */
import { DataType } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import { countFlops } from '../../ir/flops.js';
import type { Model } from '../../ir/model.js';
import { summarizeModel } from '../../ir/summary.js';
import { analyzeChannelGroups, type ChannelAnalysis, type ChannelGroup } from '../analysis/channel-groups.js';
import type { PassContext, PassResult } from '../pass.js';
import { emitSlimConfig, prepareEmit, type EmitRequest } from './emit-cfg.js';
import { writeMasks } from './masks.js';
import { PartClassifier } from './parts.js';
import type { Inexact, InexactKind, RemovalOptions } from './constants.js';
import { sliceChannels, type SliceReport } from './slice.js';
import { toFloat64 } from './tensor-edit.js';

export type Scope = 'yolov5-light' | 'all';

export const SCOPE_OPTION = {
  type: 'enum',
  default: 'yolov5-light',
  choices: ['yolov5-light', 'all'],
  help: 'yolov5-light: the parts YOLOv5-Light prunes (Conv, C3 cv3, bottleneck cv1, SPPF cv1); all: every prunable group, residual groups jointly',
} as const;

/** The groups a scope lets a pass prune, and why the others are out. */
export function groupsInScope(model: Model, analysis: ChannelAnalysis, scope: Scope, ctx: PassContext): { groups: ChannelGroup[]; why: string } {
  const prunable = analysis.groups.filter((g) => g.prunable);
  if (scope === 'all') {
    return { groups: prunable, why: prunable.length ? '' : `none of the ${analysis.groups.length} channel groups can be pruned (see 'ylc info --groups')` };
  }
  const classifier = new PartClassifier(model);
  const groups: ChannelGroup[] = [];
  for (const g of prunable) {
    const r = classifier.light(g);
    if (r.inScope) groups.push(g);
    else ctx.remark(g.producers[0]?.node, `group '${g.key}' is out of scope=yolov5-light: ${r.why}`);
  }
  let why = '';
  if (groups.length === 0) {
    const hasBn = model.graph.nodes.toArray().some((n) => n.opType === 'BatchNormalization');
    why = hasBn
      ? `none of the ${prunable.length} prunable channel groups is a YOLOv5-Light part (Conv, C3 cv3, bottleneck cv1, SPPF cv1)`
      : 'the graph has no BatchNormalization and no YOLOv5 module names (model.<i>.cv3.conv.weight, /model.<i>/cv3/conv/Conv), so no Conv/C3/SPPF part can be told';
    why += prunable.length ? '; scope=all prunes every prunable group' : '';
  }
  return { groups, why };
}

function bad(node: { describe(): string }, what: string, name: string, c: number): never {
  throw new YlcError('bad-model', `${node.describe()}: ${what} '${name}' is NaN at channel ${c}; the model cannot be ranked (fix or retrain the checkpoint)`);
}

/** max |gamma| over the group's BatchNormalizations, or undefined when it has none. */
export function gammaImportance(analysis: ChannelAnalysis, g: ChannelGroup): Float64Array | undefined {
  if (g.norms.length === 0) return undefined;
  const imp = new Float64Array(g.size);
  for (const { node, segment } of g.norms) {
    const input = node.input(1)!;
    const values = toFloat64(analysis.param(input)!.tensor);
    for (let i = 0; i < g.size; i++) {
      const v = values[segment.offset + i]!;
      if (Number.isNaN(v)) bad(node, 'gamma', input.name, segment.offset + i);
      imp[i] = Math.max(imp[i]!, Math.abs(v));
    }
  }
  return imp;
}

/** L1 norms of the producers' filters, combined over producers by max or sum. */
export function l1Importance(analysis: ChannelAnalysis, g: ChannelGroup, combine: 'max' | 'sum'): Float64Array | undefined {
  if (g.producers.length === 0) return undefined;
  const imp = new Float64Array(g.size);
  for (const p of g.producers) {
    const input = p.node.input(p.weightInput)!;
    const chain = analysis.param(input);
    if (!chain) return undefined;
    const axis = chain.axisMap[p.weightAxis]!;
    const dims = chain.tensor.dims;
    const n = dims[axis]!;
    let inner = 1;
    for (let a = axis + 1; a < dims.length; a++) inner *= dims[a]!;
    const w = chain.tensor.dtype === DataType.FLOAT ? chain.tensor.toFloat32() : toFloat64(chain.tensor);
    const sums = new Float64Array(n);
    for (let i = 0; i < w.length; i++) {
      const j = Math.floor(i / inner) % n;
      sums[j] = sums[j]! + Math.abs(w[i]!);
    }
    for (let i = 0; i < g.size; i++) {
      const v = sums[p.segment.offset + i]!;
      if (Number.isNaN(v)) bad(p.node, 'weight', input.name, p.segment.offset + i);
      imp[i] = combine === 'max' ? Math.max(imp[i]!, v) : imp[i]! + v;
    }
  }
  return imp;
}

export function roundUp(n: number, multiple: number): number {
  return Math.ceil(n / multiple) * multiple;
}

/** The `n` most important indices (ties: the lower index), sorted. */
export function topIndices(importance: ArrayLike<number>, n: number): number[] {
  const order = Array.from({ length: importance.length }, (_, i) => i);
  order.sort((a, b) => importance[b]! - importance[a]! || a - b);
  return order.slice(0, n).sort((a, b) => a - b);
}

export interface Measure {
  params: number;
  flops: number | undefined;
}

export interface PruneStart {
  readonly emit: EmitRequest | undefined;
  readonly before: Measure;
  readonly analysis: ChannelAnalysis;
  /** The prunable groups in scope (non-empty). */
  readonly groups: ChannelGroup[];
}

/**
 * What every decision pass does first: check `emit-cfg`, measure the model, analyse its channel
 * groups and pick those in scope. Undefined (with a warning saying why) when nothing is in scope.
 */
/** prune-slim's and prune-l1's check of emit-cfg against apply (PassDeclaration.checkOptions). */
export function emitNeedsApply(o: { readonly 'emit-cfg': string; readonly apply: boolean }): string | undefined {
  return o['emit-cfg'] && !o.apply ? "option 'emit-cfg' needs apply=true (the YAML describes the sliced model)" : undefined;
}

export function startPrune(
  model: Model,
  o: { readonly 'emit-cfg': string; readonly apply: boolean; readonly scope: string },
  ctx: PassContext,
): PruneStart | undefined {
  const emit = o['emit-cfg'] ? prepareEmit(model, o['emit-cfg']) : undefined;
  const before = measure(model);
  const analysis = analyzeChannelGroups(model);
  for (const r of analysis.remarks) ctx.remark(r.node, r.message);
  const { groups, why } = groupsInScope(model, analysis, o.scope as Scope, ctx);
  if (groups.length === 0) {
    ctx.warn(`pruned nothing: ${why}`);
    return undefined;
  }
  return { emit, before, analysis, groups };
}

export function measure(model: Model): Measure {
  let flops: number | undefined;
  try {
    flops = countFlops(model).total;
  } catch {
    flops = undefined;
  }
  return { params: summarizeModel(model).parameterCount, flops };
}

export interface FinishOptions {
  readonly apply: boolean;
  readonly constantGamma: number;
  /** How constants are folded when slicing (border correction maps; recorded with the masks when apply=false); constantGamma above wins. */
  readonly removal?: RemovalOptions;
  readonly emit: EmitRequest | undefined;
  readonly before: Measure;
  /** Channels of all groups in scope (for the summary). */
  readonly candidates: readonly ChannelGroup[];
}

function pct(after: number, before: number): string {
  return `${((100 * after) / before).toFixed(1)}%`;
}

function formatCount(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : String(n);
}

/** Slices (or records) the masks, counts, and writes the summary and the YAML (see the header). */
export function finishPrune(model: Model, analysis: ChannelAnalysis, masks: Map<ChannelGroup, number[]>, o: FinishOptions, ctx: PassContext): PassResult {
  const effective = new Map([...masks].filter(([g, keep]) => keep.length < g.size));
  const total = o.candidates.reduce((n, g) => n + g.size, 0);
  if (effective.size === 0) {
    ctx.warn(`pruned nothing: every channel of the ${o.candidates.length} groups in scope is kept (${total} channels)`);
    return { modified: false };
  }
  let removed = 0;
  for (const [g, keep] of effective) removed += g.size - keep.length;
  if (!o.apply) {
    writeMasks(model, effective, o.constantGamma, o.removal);
    ctx.count('groups-masked', effective.size);
    ctx.count('channels-masked', removed);
    ctx.warn(`recorded masks for ${effective.size} groups (${removed} of ${total} channels to remove) in metadata 'ylc.prune.masks'; run channel-slice to apply them`);
    return { modified: true };
  }
  const report = sliceChannels(analysis, effective, { ...o.removal, constantGamma: o.constantGamma });
  const after = measure(model);
  summarize(report, o, after, total, ctx);
  if (o.emit) emitSlimConfig(model, o.emit, ctx);
  return { modified: true };
}

function summarize(r: SliceReport, o: FinishOptions, after: Measure, total: number, ctx: PassContext): void {
  ctx.count('groups-pruned', r.groupsPruned);
  ctx.count('channels-removed', r.channelsRemoved);
  ctx.count('channels-folded', r.folded);
  if (r.unfoldable) ctx.count('channels-inexact', r.unfoldable);
  if (r.borderMaps) ctx.count('border-maps', r.borderMaps);
  if (r.approximate) ctx.count('channels-approximate', r.approximate);
  ctx.count('params-before', o.before.params);
  ctx.count('params-after', after.params);
  if (o.before.flops !== undefined && after.flops !== undefined) {
    ctx.count('flops-before', o.before.flops);
    ctx.count('flops-after', after.flops);
  }
  const flops =
    o.before.flops !== undefined && after.flops !== undefined
      ? `, GFLOPs ${(o.before.flops / 1e9).toFixed(2)} -> ${(after.flops / 1e9).toFixed(2)} (${pct(after.flops, o.before.flops)})`
      : '';
  let exact: string;
  const maps = r.borderMaps ? ` (${r.borderMaps} padded convs with a border correction map)` : '';
  if (r.unfoldable === 0 && r.approximate === 0) exact = `outputs unchanged: every removed channel was constant and is folded into its consumers${maps}`;
  else if (r.unfoldable === 0) exact = `${r.approximate} removed channels had 0 < |gamma| <= thresh: taken as constant beta (each changes the outputs by |gamma| (x - mean) / sqrt(var + eps) before its activation)`;
  else {
    exact = `${r.unfoldable} removed channels change the outputs (${countByKind([...r.plan.unfoldable.values()].flatMap((m) => [...m.values()]))})`;
  }
  ctx.warn(
    `removed ${r.channelsRemoved} of ${total} channels in ${r.groupsPruned} groups: parameters ${formatCount(o.before.params)} -> ${formatCount(after.params)} ` +
      `(${pct(after.params, o.before.params)})${flops}; ${exact}`,
  );
}

/** How the summaries count channels whose removal changes the outputs, by kind. */
export const INEXACT_LABELS: Readonly<Record<InexactKind, string>> = {
  'not-constant': 'not constant',
  unmodelled: 'through ops whose value on a constant is not computed',
  varies: 'made to vary by an op on the way',
  padded: 'nonzero constants into padded windows (exact inside, not on the border)',
  transposed: 'nonzero constants into transposed convolutions',
  normalised: 'normalised with other channels',
};

/** "2 not constant, 1 normalised with other channels" */
export function countByKind(reasons: Iterable<Inexact>): string {
  const n = new Map<InexactKind, number>();
  for (const r of reasons) n.set(r.kind, (n.get(r.kind) ?? 0) + 1);
  return [...n].map(([k, count]) => `${count} ${INEXACT_LABELS[k]}`).join(', ');
}
