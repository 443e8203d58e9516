/**
 * Channel dependency analysis: which channels of which tensors must be pruned together.
 *
 * Model. A *channel space* is one tensor (a Value) together with the axis that carries channels
 * and its size C. Spaces are created where channels are created (the output of a Conv, Gemm or a
 * MatMul with a constant weight: *producers*) and followed from op to op by per-op rules
 * (channel-rules.ts); a rule *ties* a range of one space to a range of another when element i of
 * the first must be the same channel as element i of the second (elementwise ops, activations,
 * BatchNormalization, pools, Resize, Transpose, Reshape that keeps the axis, and Concat/Split/Slice
 * at their offsets). Spaces end at *consumers*: the input of a Conv/Gemm/MatMul, whose weight
 * then loses the matching input channels.
 *
 * Groups. Ties cut spaces into segments (a Concat output is cut where its inputs meet, and the
 * cut is carried through every tie until nothing changes); segments linked by ties are united. A
 * *group* is one equivalence class: a set of segments of equal size whose channel i is the same
 * channel everywhere. Pruning decisions are keep-masks over a group's indices (prune-slim,
 * prune-l1); channel-slice applies them to every member at once.
 *
 * Prunability. A group is prunable only when every one of its segments can be sliced and every
 * parameter attached to it is a constant the slicer can rewrite. It is not when a member is a graph
 * input or output, goes through an op no rule knows (a remark names the node: never a silent
 * wrong group), a grouped convolution that is not depthwise, a Reshape that merges the channel
 * axis with another (Detect's head), a Shape that reads the channel count, a non-constant weight,
 * an operand that carries the channels but is not tracked, or a use inside a subgraph. Each reason
 * is kept with the group. A group whose channels are normalised together (LayerNormalization over
 * the channel axis, a reduction or softmax over it) stays prunable but is marked `inexact`: removing
 * a channel changes the others.
 *
 * The analysis reads static shapes (inferred into a copy of the types, which are put back
 * afterwards: the model is not changed) and never reads weight data, so it is linear in the graph.
 */
import type { Graph, Node, Value } from '../../ir/graph.js';
import type { Model } from '../../ir/model.js';
import { inferShapes } from '../../ir/shape-inference/index.js';
import { staticDims, type ValueType } from '../../ir/type.js';
import { isOnnxDomain } from '../util/graphs.js';
import { resolveParam, type ParamChain } from './param-chain.js';
import { CHANNEL_RULES } from './channel-rules.js';

/** How a node creates the channels of its output space. */
export interface ProducerRecord {
  readonly node: Node;
  readonly kind: 'conv' | 'conv-transpose' | 'matmul' | 'gemm';
  /** The weight input and the axis of it that holds the output channels. */
  readonly weightInput: number;
  readonly weightAxis: number;
  /** The bias input (Conv/ConvTranspose B, Gemm C), when there is one. */
  readonly biasInput?: number;
}

/** A node that reduces the channels of its input space away (their weights lose those rows). */
export interface ConsumerRecord {
  readonly node: Node;
  readonly kind: 'conv' | 'conv-transpose' | 'matmul' | 'gemm';
  readonly weightInput: number;
  /** The axis of the weight that matches the input channels. */
  readonly weightAxis: number;
}

/** A constant operand sliced along `axis` (of the operand as the node reads it) with its space. */
export interface ParamRecord {
  readonly node: Node;
  readonly input: number;
  readonly axis: number;
}

/** An attribute or shape constant of a node that states a channel count and must be rewritten. */
export type NodeEdit =
  | { readonly kind: 'depthwise-group'; readonly node: Node }
  | { readonly kind: 'split'; readonly node: Node; readonly axis: number }
  | { readonly kind: 'slice'; readonly node: Node; readonly axis: number; readonly start: number; readonly end: number }
  | { readonly kind: 'reshape'; readonly node: Node; readonly outAxis: number };

/** A tie made by `node`: from[fromOffset + i] is to[toOffset + i] for i < length. */
export interface ChannelLink {
  readonly from: ChannelSpace;
  readonly fromOffset: number;
  readonly to: ChannelSpace;
  readonly toOffset: number;
  readonly length: number;
  readonly node: Node;
  /** Which input of `node` `from` is (-1 when the link is not input -> output). */
  readonly inputIndex: number;
}

export interface ChannelSpace {
  readonly id: number;
  readonly value: Value;
  readonly axis: number;
  readonly size: number;
  /** The node whose output this is (undefined for placeholder spaces of untracked values). */
  readonly node: Node | undefined;
  /** How the channels arise: made by a producer, carried from the inputs, or a placeholder. */
  readonly origin: 'producer' | 'derived' | 'placeholder';
  readonly producers: ProducerRecord[];
  readonly consumers: ConsumerRecord[];
  readonly params: ParamRecord[];
  /**
   * BatchNormalization nodes whose output is this space (derived from their input's, so both are in
   * one group; their gammas rank its channels).
   */
  readonly norms: Node[];
  /** Why these channels cannot be pruned. */
  readonly fixed: string[];
  /** Why pruning these channels changes other channels' values. */
  readonly inexact: string[];
  /** Segments after refinement, in channel order. */
  segments: ChannelSegment[];
}

export interface ChannelSegment {
  readonly space: ChannelSpace;
  readonly offset: number;
  readonly size: number;
  group: ChannelGroup;
}

export interface ChannelGroup {
  readonly id: number;
  /** Stable name: the first producer's (else first member's) value, `name` or `name[a:b]`. */
  key: string;
  readonly size: number;
  readonly segments: ChannelSegment[];
  readonly producers: Array<ProducerRecord & { readonly segment: ChannelSegment }>;
  readonly consumers: Array<ConsumerRecord & { readonly segment: ChannelSegment }>;
  readonly norms: Array<{ readonly node: Node; readonly segment: ChannelSegment }>;
  prunable: boolean;
  /** Why not prunable (empty when prunable). */
  readonly reasons: string[];
  readonly inexact: string[];
}

export interface ChannelAnalysis {
  readonly model: Model;
  readonly groups: readonly ChannelGroup[];
  readonly spaces: readonly ChannelSpace[];
  readonly links: readonly ChannelLink[];
  readonly nodeEdits: readonly NodeEdit[];
  /** Nodes on a channel path the rules do not know, with why (also in the groups' reasons). */
  readonly remarks: ReadonlyArray<{ readonly node: Node | undefined; readonly message: string }>;
  spaceOf(value: Value): ChannelSpace | undefined;
  groupByKey(key: string): ChannelGroup | undefined;
  /** The constant behind a node input (through Identity/Unsqueeze/Transpose/... chains). */
  param(value: Value | undefined | null): ParamChain | undefined;
}

/** What a per-op rule sees and may do (channel-rules.ts). */
export interface RuleContext {
  readonly opset: number;
  /** The space of a tracked input, or undefined. */
  tracked(value: Value | undefined | null): ChannelSpace | undefined;
  /** Static dims of a value (null for unknown dims), or undefined when the rank is unknown. */
  dims(value: Value | undefined | null): Array<number | null> | undefined;
  param(value: Value | undefined | null): ParamChain | undefined;
  /** A new space for `value` (reused if it has one) made by a producer or a placeholder. */
  space(value: Value, axis: number, size: number, origin: 'producer' | 'placeholder' | 'derived', node?: Node): ChannelSpace;
  /** The output `value` carries `from` unchanged on `axis` (a full tie). */
  derive(from: ChannelSpace, value: Value, axis: number, node: Node, inputIndex: number): ChannelSpace;
  tie(from: ChannelSpace, fromOffset: number, to: ChannelSpace, toOffset: number, length: number, node: Node, inputIndex: number): void;
  fix(space: ChannelSpace, reason: string): void;
  inexact(space: ChannelSpace, reason: string): void;
  /** Every tracked input of `node` becomes unprunable, with a remark. */
  refuse(node: Node, reason: string): void;
  edit(edit: NodeEdit): void;
}

export type ChannelRule = (node: Node, ctx: RuleContext) => void;

const MAX_REASONS = 8;

/** Runs the analysis on the main graph of `model` (see the file header). */
export function analyzeChannelGroups(model: Model): ChannelAnalysis {
  const restore = inferTypesTemporarily(model);
  try {
    const a = new Analyzer(model);
    a.walk(model.graph);
    return a.finish();
  } finally {
    restore();
  }
}

/** Infers shapes into the model's values and returns a function that puts every old type back. */
function inferTypesTemporarily(model: Model): () => void {
  const saved = new Map<Value, ValueType | undefined>();
  const visit = (g: Graph): void => {
    for (const v of g.inputs) saved.set(v, v.type);
    for (const node of g.nodes) {
      for (const out of node.outputs) saved.set(out, out.type);
      for (const sub of node.subgraphs()) visit(sub);
    }
  };
  visit(model.graph);
  // inferShapes edits types in place; keep private copies so the restored objects are untouched.
  for (const [v, t] of saved) if (t?.kind === 'tensor') v.type = { ...t, shape: t.shape?.map((d) => ({ ...d })) };
  try {
    inferShapes(model);
  } catch {
    // Inconsistent shapes: the analysis works with what is known (unknown dims make groups unprunable).
  }
  return () => {
    for (const [v, t] of saved) v.type = t;
  };
}

class Analyzer implements RuleContext {
  readonly spaces: ChannelSpace[] = [];
  readonly links: ChannelLink[] = [];
  readonly nodeEdits: NodeEdit[] = [];
  readonly remarks: Array<{ node: Node | undefined; message: string }> = [];
  private readonly byValue = new Map<Value, ChannelSpace>();
  private readonly params = new Map<Value, ParamChain | null>();
  private readonly visited = new Set<Node>();
  readonly opset: number;

  constructor(readonly model: Model) {
    this.opset = model.opset;
  }

  walk(graph: Graph): void {
    for (const node of graph.nodes) {
      this.visited.add(node);
      const anyTracked = node.inputs.some((v) => v && this.byValue.has(v));
      const creates = isOnnxDomain(node.domain) && CREATORS.has(node.opType);
      if (!anyTracked && !creates) continue;
      if (!isOnnxDomain(node.domain)) {
        this.refuse(node, `${node.describe()} is an op of domain '${node.domain}', which the channel analysis does not know`);
        continue;
      }
      const rule = CHANNEL_RULES[node.opType];
      if (!rule) {
        this.refuse(node, `${node.describe()}: no channel rule for op ${node.opType}`);
        continue;
      }
      rule(node, this);
    }
  }

  tracked(value: Value | undefined | null): ChannelSpace | undefined {
    return value ? this.byValue.get(value) : undefined;
  }

  dims(value: Value | undefined | null): Array<number | null> | undefined {
    if (!value) return undefined;
    if (value.constValue && value.isInitializer()) return [...value.constValue.dims];
    return staticDims(value.type);
  }

  param(value: Value | undefined | null): ParamChain | undefined {
    if (!value) return undefined;
    let p = this.params.get(value);
    if (p === undefined) {
      p = resolveParam(value, this.opset) ?? null;
      this.params.set(value, p);
    }
    return p ?? undefined;
  }

  space(value: Value, axis: number, size: number, origin: 'producer' | 'placeholder' | 'derived', node?: Node): ChannelSpace {
    const existing = this.byValue.get(value);
    if (existing) {
      if (existing.axis !== axis || existing.size !== size) {
        this.fix(existing, `'${value.name}' is seen with channels on axis ${axis} (${size}) and on axis ${existing.axis} (${existing.size})`);
      }
      return existing;
    }
    const s: ChannelSpace = {
      id: this.spaces.length,
      value,
      axis,
      size,
      node,
      origin,
      producers: [],
      consumers: [],
      params: [],
      norms: [],
      fixed: [],
      inexact: [],
      segments: [],
    };
    this.spaces.push(s);
    this.byValue.set(value, s);
    const d = this.dims(value);
    const known = d?.[axis];
    if (known !== undefined && known !== null && known !== size) {
      this.fix(s, `'${value.name}' is typed with ${known} channels on axis ${axis}, the graph gives ${size}`);
    }
    if (origin === 'placeholder') this.fix(s, `'${value.name}' is not made by an op the analysis follows`);
    return s;
  }

  derive(from: ChannelSpace, value: Value, axis: number, node: Node, inputIndex: number): ChannelSpace {
    const s = this.space(value, axis, from.size, 'derived', node);
    this.tie(from, 0, s, 0, from.size, node, inputIndex);
    return s;
  }

  tie(from: ChannelSpace, fromOffset: number, to: ChannelSpace, toOffset: number, length: number, node: Node, inputIndex: number): void {
    if (length <= 0) return;
    if (fromOffset < 0 || toOffset < 0 || fromOffset + length > from.size || toOffset + length > to.size) {
      const why = `${node.describe()} ties channels out of range`;
      this.fix(from, why);
      this.fix(to, why);
      return;
    }
    this.links.push({ from, fromOffset, to, toOffset, length, node, inputIndex });
  }

  fix(space: ChannelSpace, reason: string): void {
    if (!space.fixed.includes(reason)) space.fixed.push(reason);
  }

  inexact(space: ChannelSpace, reason: string): void {
    if (!space.inexact.includes(reason)) space.inexact.push(reason);
  }

  refuse(node: Node, reason: string): void {
    let any = false;
    for (const v of node.inputs) {
      const s = this.tracked(v);
      if (s) {
        this.fix(s, reason);
        any = true;
      }
    }
    if (any) this.remarks.push({ node, message: reason });
  }

  edit(edit: NodeEdit): void {
    this.nodeEdits.push(edit);
  }

  finish(): ChannelAnalysis {
    for (const s of this.spaces) {
      if (s.value.isGraphOutput()) this.fix(s, `'${s.value.name}' is a graph output`);
      if (s.value.isGraphInput()) this.fix(s, `'${s.value.name}' is a graph input`);
      for (const use of s.value.uses()) {
        if (!this.visited.has(use.node)) {
          const why = `'${s.value.name}' is used by ${use.node.describe()} inside a subgraph`;
          this.fix(s, why);
          this.remarks.push({ node: use.node, message: why });
        }
      }
    }
    const groups = this.buildGroups();
    const byKey = new Map(groups.map((g) => [g.key, g]));
    return {
      model: this.model,
      groups,
      spaces: this.spaces,
      links: this.links,
      nodeEdits: this.nodeEdits,
      remarks: this.remarks,
      spaceOf: (v) => this.byValue.get(v),
      groupByKey: (k) => byKey.get(k),
      param: (v) => this.param(v),
    };
  }

  /** Cut refinement, then union of aligned segments (see the file header). */
  private buildGroups(): ChannelGroup[] {
    const cuts = this.spaces.map((s) => new Set([0, s.size]));
    const bySpace = this.spaces.map((): ChannelLink[] => []);
    for (const l of this.links) {
      bySpace[l.from.id]!.push(l);
      if (l.to !== l.from) bySpace[l.to.id]!.push(l);
      for (const [s, o] of [
        [l.from, l.fromOffset],
        [l.to, l.toOffset],
      ] as const) {
        cuts[s.id]!.add(o);
        cuts[s.id]!.add(o + l.length);
      }
    }
    const queue = this.spaces.map((s) => s.id);
    const queued = new Uint8Array(this.spaces.length).fill(1);
    while (queue.length > 0) {
      const id = queue.pop()!;
      queued[id] = 0;
      const mine = [...cuts[id]!];
      for (const l of bySpace[id]!) {
        const sides: Array<[number, number, number, number]> = [];
        if (l.from.id === id) sides.push([l.fromOffset, l.to.id, l.toOffset, 0]);
        if (l.to.id === id) sides.push([l.toOffset, l.from.id, l.fromOffset, 0]);
        for (const [myOff, otherId, otherOff] of sides) {
          const other = cuts[otherId]!;
          for (const c of mine) {
            if (c <= myOff || c >= myOff + l.length) continue;
            const mapped = otherOff + (c - myOff);
            if (!other.has(mapped)) {
              other.add(mapped);
              if (!queued[otherId]) {
                queued[otherId] = 1;
                queue.push(otherId);
              }
            }
          }
        }
      }
    }

    // Segments, numbered globally in space order.
    const segs: ChannelSegment[] = [];
    const first: number[] = [];
    for (const s of this.spaces) {
      first.push(segs.length);
      const points = [...cuts[s.id]!].sort((a, b) => a - b);
      for (let k = 0; k + 1 < points.length; k++) {
        const seg = { space: s, offset: points[k]!, size: points[k + 1]! - points[k]!, group: undefined as unknown as ChannelGroup };
        s.segments.push(seg);
        segs.push(seg);
      }
    }
    const parent = new Int32Array(segs.length).map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) {
        parent[i] = parent[parent[i]!]!;
        i = parent[i]!;
      }
      return i;
    };
    const segAt = (s: ChannelSpace, offset: number): number => {
      let lo = 0;
      let hi = s.segments.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (s.segments[mid]!.offset <= offset) lo = mid;
        else hi = mid - 1;
      }
      return first[s.id]! + lo;
    };
    for (const l of this.links) {
      let p = 0;
      while (p < l.length) {
        const a = segAt(l.from, l.fromOffset + p);
        const b = segAt(l.to, l.toOffset + p);
        const ra = find(a);
        const rb = find(b);
        if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        p += segs[a]!.size;
      }
    }

    const groups: ChannelGroup[] = [];
    const byRoot = new Map<number, ChannelGroup>();
    segs.forEach((seg, i) => {
      const r = find(i);
      let g = byRoot.get(r);
      if (!g) {
        g = { id: groups.length, key: '', size: seg.size, segments: [], producers: [], consumers: [], norms: [], prunable: true, reasons: [], inexact: [] };
        byRoot.set(r, g);
        groups.push(g);
      }
      seg.group = g;
      g.segments.push(seg);
    });
    for (const g of groups) {
      for (const seg of g.segments) {
        const s = seg.space;
        if (seg.size !== g.size) g.reasons.push(`internal: segment of '${s.value.name}' has ${seg.size} channels, the group ${g.size}`);
        for (const p of s.producers) g.producers.push({ ...p, segment: seg });
        for (const c of s.consumers) g.consumers.push({ ...c, segment: seg });
        for (const n of s.norms) g.norms.push({ node: n, segment: seg });
        for (const r of s.fixed) if (!g.reasons.includes(r) && g.reasons.length < MAX_REASONS) g.reasons.push(r);
        for (const r of s.inexact) if (!g.inexact.includes(r) && g.inexact.length < MAX_REASONS) g.inexact.push(r);
      }
      if (g.producers.length === 0 && g.reasons.length === 0) g.reasons.push('no Conv, Gemm or MatMul produces these channels');
      g.prunable = g.reasons.length === 0 && g.size > 0;
      const anchor = g.producers[0]?.segment ?? g.segments[0]!;
      g.key = segmentName(anchor);
    }
    return groups;
  }
}

/** `name` for a whole space, `name[a:b]` for part of one. */
export function segmentName(seg: { space: ChannelSpace; offset: number; size: number }): string {
  const s = seg.space;
  return seg.offset === 0 && seg.size === s.size ? s.value.name : `${s.value.name}[${seg.offset}:${seg.offset + seg.size}]`;
}

/** Ops that create channel spaces even when no input is tracked. */
const CREATORS: ReadonlySet<string> = new Set(['Conv', 'ConvTranspose', 'MatMul', 'Gemm']);
