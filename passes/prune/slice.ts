/**
 * Channel slicing: applies keep-masks of channel groups (channel-groups.ts) to a model.
 *
 * For every space that loses channels: the producer's weight rows and bias, the parameters that
 * follow the channels (BatchNormalization gamma/beta/mean/var, LayerNorm weight/bias, layer-scale
 * and other per-channel operands of elementwise ops, depthwise weights and their `group`), every
 * consumer's weight along its input-channel axis (Concat inputs at their offsets, so a consumer of
 * a Concat loses the right rows), Split sizes, Slice starts/ends and Reshape targets that state a
 * channel count, and the types of all member values. Then the constants of the removed channels
 * are folded into the consumers (constants.ts): each consumer's output o gets delta_o, added to
 * its bias, or subtracted from the running mean of the BatchNormalization it feeds (so a
 * `bias=False` conv stays so and the state_dict keeps its keys), or put in a new bias; a MatMul
 * gets it in the per-channel Add after it. A MatMul without one, or a Conv/Gemm whose bias is
 * computed (a graph input), gets a new `Add(y, folded_bias)` (which takes y's name when y is a
 * graph output, so the model's outputs are the corrected values). A padded
 * Conv consumer whose fold has a border correction (constants.ts) also gets
 * `y' = Add(y, Gather(Gather(<conv>/border_correction, rows, axis 2), cols, axis 3))` right after
 * it: the map [1, Cout, Hout, Wout] for its kept output channels, stored as a small table over row
 * and column classes (before the BatchNormalization it may feed, which then stays unfused).
 *
 * Contracts:
 * - Masks are checked first (group prunable, indices sorted, unique, in range, at least one kept);
 *   a bad mask is a YlcError naming the group, and nothing is changed.
 * - Copy on write: a parameter is rewritten where only this use reads it (an initializer, or the
 *   Identity/Constant/Unsqueeze/... output in front of it), which keeps its name (PyTorch's
 *   deduplicated BN parameters `model.23.cv1.bn.weight = Identity(model.5.bn.weight)` become
 *   initializers of their own names); a tensor that other nodes also read is copied for this use.
 *   Tensors are never written in place. What becomes unused (old initializers, Identity chains)
 *   is removed.
 * - Every member value's type gets its new channel count, so the verifier's Conv/BN/Concat
 *   channel checks hold after the pass.
 */
import { attrInt, AttrType } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import { Node, type Graph, type Value } from '../../ir/graph.js';
import { Tensor } from '../../ir/tensor.js';
import type { ChannelAnalysis, ChannelGroup, NodeEdit } from '../analysis/channel-groups.js';
import type { ChainStep, ParamChain } from '../analysis/param-chain.js';
import { constantOf } from '../util/constants.js';
import { dropValueInfo, isStandardDomain, pruneValueInfos } from '../util/graphs.js';
import { borderCorrection, planRemoval, type Fold, type RemovalOptions, type RemovalPlan } from './constants.js';
import { addAlongAxis, castTensor, fromFloat64, reshapeTensor, sliceTensor, transposeTensor } from './tensor-edit.js';

/** Keep indices per group (sorted, unique); groups not in the map keep every channel. */
export type KeepMasks = ReadonlyMap<ChannelGroup, readonly number[]>;

export interface SliceReport {
  readonly plan: RemovalPlan;
  readonly groupsPruned: number;
  readonly channelsRemoved: number;
  /** Removed channels whose constant was folded into a consumer. */
  readonly folded: number;
  /** Removed channels whose removal changes the outputs (see constants.ts). */
  readonly unfoldable: number;
  /** Padded Conv consumers that got a border correction map (an Add after them). */
  readonly borderMaps: number;
  /** Removed channels taken as constant because 0 < |gamma| <= constantGamma. */
  readonly approximate: number;
}

/** Throws a YlcError naming the group when a mask cannot be applied. */
export function checkMasks(masks: KeepMasks, what = 'mask'): void {
  for (const [g, keep] of masks) {
    const name = `group '${g.key}'`;
    if (!g.prunable) throw new YlcError('bad-model', `${what} for ${name}: the group cannot be pruned (${g.reasons[0]})`);
    if (keep.length === 0) throw new YlcError('bad-model', `${what} for ${name} keeps no channel (keep at least one of ${g.size})`);
    if (keep.length > g.size) throw new YlcError('bad-model', `${what} for ${name} keeps ${keep.length} channels but the group has ${g.size}`);
    for (let i = 0; i < keep.length; i++) {
      const k = keep[i]!;
      if (!Number.isInteger(k) || k < 0 || k >= g.size) throw new YlcError('bad-model', `${what} for ${name}: index ${k} is out of range (the group has ${g.size} channels)`);
      if (i > 0 && k <= keep[i - 1]!) throw new YlcError('bad-model', `${what} for ${name}: indices must be sorted and unique (${keep[i - 1]} then ${k})`);
    }
  }
}

/** The removal plan (keep lists, constant folds, what is inexact) without changing the model. */
export function planSlice(analysis: ChannelAnalysis, masks: KeepMasks, options: RemovalOptions = {}): RemovalPlan {
  return planRemoval(analysis, (g) => masks.get(g), options);
}

/** Applies `masks` to the model the analysis was made of (see the file header). */
export function sliceChannels(analysis: ChannelAnalysis, masks: KeepMasks, options: RemovalOptions = {}): SliceReport {
  checkMasks(masks);
  const effective = new Map([...masks].filter(([g, k]) => k.length < g.size));
  const plan = planSlice(analysis, effective, options);
  const editor = new Editor(analysis);
  for (const [space, keep] of plan.keep) {
    for (const p of space.params) editor.slice(p.node, p.input, p.axis, keep);
  }
  let folded = 0;
  let borderMaps = 0;
  const late: Array<() => void> = [];
  for (const fold of plan.folds) {
    folded += fold.channels;
    if (fold.border) borderMaps++;
    const action = editor.fold(fold, plan);
    if (action) late.push(action);
    if (fold.border) late.push(editor.borderAdd(fold, plan));
  }
  for (const e of analysis.nodeEdits) editor.nodeEdit(e, plan);
  editor.apply();
  for (const [space, keep] of plan.keep) setChannels(space.value, space.axis, keep.length);
  for (const action of late) action();
  editor.cleanup();
  let removed = 0;
  for (const [g, keep] of effective) removed += g.size - keep.length;
  let unfoldable = 0;
  for (const m of plan.unfoldable.values()) unfoldable += m.size;
  return { plan, groupsPruned: effective.size, channelsRemoved: removed, folded, unfoldable, borderMaps, approximate: plan.approximate };
}

function setChannels(v: Value, axis: number, n: number): void {
  const t = v.type;
  if (t?.kind !== 'tensor' || !t.shape || axis >= t.shape.length) return;
  v.type = { ...t, shape: t.shape.map((d, i) => (i === axis ? { value: n } : d)) };
}

interface OperandEdit {
  readonly adds: Array<{ axis: number; values: Float64Array }>;
  readonly slices: Map<number, number[]>;
}

class Editor {
  private readonly graph: Graph;
  private readonly edits = new Map<Node, Map<number, OperandEdit>>();
  private readonly orphans = new Set<Value>();

  constructor(private readonly analysis: ChannelAnalysis) {
    this.graph = analysis.model.graph;
  }

  private edit(node: Node, input: number): OperandEdit {
    let m = this.edits.get(node);
    if (!m) this.edits.set(node, (m = new Map()));
    let e = m.get(input);
    if (!e) m.set(input, (e = { adds: [], slices: new Map() }));
    return e;
  }

  slice(node: Node, input: number, axis: number, keep: number[]): void {
    const e = this.edit(node, input);
    const prev = e.slices.get(axis);
    if (prev && (prev.length !== keep.length || prev.some((k, i) => k !== keep[i]))) {
      throw new Error(`internal: ${node.describe()} input ${input} axis ${axis} gets two different channel masks`);
    }
    e.slices.set(axis, keep);
  }

  /** The Add of a fold's border correction after its conv, made once the types have their new channels. */
  borderAdd(f: Fold, plan: RemovalPlan): () => void {
    const border = f.border!;
    const node = f.consumer.node;
    const y = node.output(0);
    const outSpace = this.analysis.spaceOf(y);
    const cout = border.weff.length / (border.kernel[0] * border.kernel[1]);
    const outs = (outSpace ? plan.keep.get(outSpace) : undefined) ?? Array.from({ length: cout }, (_, o) => o);
    return () => {
      const dtype = this.analysis.param(node.input(1))?.tensor.dtype ?? DataType.FLOAT;
      const bc = borderCorrection(border, outs);
      const [ho, wo] = border.output;
      const base = node.name || y.name;
      const table = this.graph.addInitializer(fromFloat64(dtype, [1, outs.length, bc.rowClasses, bc.colClasses], bc.table), `${base}/border_correction`);
      const rowIndex = this.graph.addInitializer(Tensor.fromInt64([ho], bc.rowIndex), `${base}/border_rows`);
      const colIndex = this.graph.addInitializer(Tensor.fromInt64([wo], bc.colIndex), `${base}/border_cols`);
      const expand = (input: Value, index: Value, axis: number, dims: number[], output: string, name: string): Node => {
        const gather = new Node('Gather', [input, index], [this.graph.freshName(`${base}/${output}`)], {
          name: this.graph.freshName(`${base}/${name}`),
          attributes: [attrInt('axis', axis)],
        });
        gather.output(0).type = { kind: 'tensor', elemType: dtype, shape: dims.map((d) => ({ value: d })) };
        return gather;
      };
      const byRow = expand(table, rowIndex, 2, [1, outs.length, ho, bc.colClasses], 'border_by_row', 'BorderCorrectionRows');
      const map = expand(byRow.output(0), colIndex, 3, [1, outs.length, ho, wo], 'border_map', 'BorderCorrectionMap');
      this.graph.insertAfter(node, byRow);
      this.graph.insertAfter(byRow, map);
      this.addAfter(map, y, map.output(0), `${base}/BorderCorrection`, 'border', 'uncorrected');
    };
  }

  /**
   * y' = Add(y, operand) inserted after `after`, read instead of y by every node and graph output
   * that read y. A graph output is the model's interface: y' takes its name, y gets
   * `<name>_<oldSuffix>`.
   */
  private addAfter(after: Node, y: Value, operand: Value, nodeName: string, suffix: string, oldSuffix: string): Node {
    const add = new Node('Add', [y, operand], [this.graph.freshName(`${y.name}_${suffix}`)], { name: this.graph.freshName(nodeName) });
    const out = add.output(0);
    out.type = y.type;
    this.graph.insertAfter(after, add);
    for (const u of y.uses()) if (u.node !== add) u.node.replaceInput(u.index, out);
    if (y.isGraphOutput()) {
      const name = y.name;
      y.replaceAllUsesWith(out, { includeGraphOutputs: true });
      add.replaceInput(0, y);
      y.name = this.graph.freshName(`${name}_${oldSuffix}`);
      out.name = name;
    }
    return add;
  }

  /** Records where a fold's delta goes; returns a structural change to make after the edits. */
  fold(f: Fold, plan: RemovalPlan): (() => void) | undefined {
    if (f.trivial || f.delta.every((d) => d === 0)) return undefined;
    const node = f.consumer.node;
    const outSpace = this.analysis.spaceOf(node.output(0));
    const outKeep = outSpace ? plan.keep.get(outSpace) : undefined;
    if (f.consumer.kind === 'conv' || f.consumer.kind === 'gemm') {
      const b = node.input(2);
      const bc = b ? this.analysis.param(b) : undefined;
      const bd = bc?.dims[bc.dims.length - 1];
      const beta = f.consumer.kind === 'gemm' ? node.attrFloat('beta', 1) : 1;
      if (b && bc && bd && bd.length >= 1 && bd[bd.length - 1] === f.delta.length && beta !== 0) {
        // Gemm adds beta * C.
        this.edit(node, 2).adds.push({ axis: bd.length - 1, values: beta === 1 ? f.delta : f.delta.map((d) => d / beta) });
        return undefined;
      }
      const y = node.output(0);
      const use = y.uses()[0];
      const bn = use?.node;
      if (!bc && f.consumer.kind === 'conv' && y.useCount === 1 && !y.isGraphOutput() && bn?.opType === 'BatchNormalization' && use?.index === 0 && this.analysis.param(bn.input(3))) {
        this.edit(bn, 3).adds.push({ axis: 0, values: f.delta.map((d) => -d) });
        return undefined;
      }
      if (b && !bc) {
        // A computed bias (a graph input, say): nothing to rewrite, the delta goes in an Add after
        // the node, broadcast over the spatial axes of a conv's output.
        return () => {
          const dtype = this.analysis.param(node.input(1))?.tensor.dtype ?? DataType.FLOAT;
          const values = outKeep ? Float64Array.from(outKeep, (k) => f.delta[k]!) : f.delta;
          const rank = f.consumer.kind === 'conv' ? (this.analysis.param(node.input(1))?.dims.at(-1)?.length ?? 2) : 2;
          const shape = [values.length, ...Array<number>(Math.max(rank - 2, 0)).fill(1)];
          const bias = this.graph.addInitializer(fromFloat64(dtype, shape, values), `${node.name || y.name}_folded_bias`);
          this.addAfter(node, y, bias, `${node.name || y.name}/FoldedBias`, 'biased', 'unbiased');
        };
      }
      // A new bias holding the delta (plus a broadcast C of a Gemm), sliced like the outputs.
      return () => {
        const dtype = this.analysis.param(node.input(1))?.tensor.dtype ?? DataType.FLOAT;
        const base = bc && bc.tensor.size === 1 ? bc.tensor.toFloat64()[0]! * beta : 0;
        const full = f.delta.map((d) => d + base);
        const values = outKeep ? Float64Array.from(outKeep, (k) => full[k]!) : full;
        const w = node.input(1)!;
        const name = w.name.endsWith('weight') ? `${w.name.slice(0, -'weight'.length)}bias` : `${w.name}_bias`;
        const bias = this.graph.addInitializer(fromFloat64(dtype, [values.length], values), name);
        if (b) {
          node.replaceInput(2, bias);
          this.orphans.add(b);
        } else {
          while (node.inputs.length < 2) node.appendInput(null);
          node.appendInput(bias);
        }
        if (f.consumer.kind === 'gemm' && node.attrFloat('beta', 1) !== 1) node.attributes.delete('beta');
      };
    }
    // MatMul: the Add of a per-channel bias right after it, else a new Add.
    const y = node.output(0);
    const use = y.uses()[0];
    if (y.useCount === 1 && !y.isGraphOutput() && use && use.node.opType === 'Add') {
      const other = 1 - use.index;
      const addSpace = this.analysis.spaceOf(use.node.output(0));
      const rec = addSpace?.params.find((p) => p.node === use.node && p.input === other);
      if (rec) {
        this.edit(use.node, other).adds.push({ axis: rec.axis, values: f.delta });
        return undefined;
      }
    }
    return () => {
      const dtype = this.analysis.param(node.input(1))?.tensor.dtype ?? DataType.FLOAT;
      const values = outKeep ? Float64Array.from(outKeep, (k) => f.delta[k]!) : f.delta;
      const bias = this.graph.addInitializer(fromFloat64(dtype, [values.length], values), `${node.name || y.name}_folded_bias`);
      this.addAfter(node, y, bias, `${node.name || y.name}/FoldedBias`, 'biased', 'unbiased');
    };
  }

  nodeEdit(e: NodeEdit, plan: RemovalPlan): void {
    const node = e.node;
    const keepOf = (v: Value | undefined | null): number[] | undefined => {
      const s = v ? this.analysis.spaceOf(v) : undefined;
      return s ? plan.keep.get(s) : undefined;
    };
    switch (e.kind) {
      case 'depthwise-group': {
        const keep = keepOf(node.output(0));
        if (keep) node.setAttr(attrInt('group', keep.length));
        return;
      }
      case 'split': {
        const spaces = node.outputs.map((o) => this.analysis.spaceOf(o));
        if (!spaces.some((s) => s && plan.keep.has(s))) return;
        const sizes = spaces.map((s) => (s ? (plan.keep.get(s)?.length ?? s.size) : 0));
        if (this.analysis.model.opset >= 13) {
          const t = Tensor.fromInt64([sizes.length], sizes);
          if (node.input(1)) this.replaceOperand(node, 1, t);
          else {
            while (node.inputs.length < 1) node.appendInput(null);
            node.appendInput(this.graph.addInitializer(t, `${node.name || node.output(0).name}_split`));
            node.attributes.delete('num_outputs');
          }
        } else node.setAttr({ name: 'split', type: AttrType.INTS, value: sizes.map(BigInt) });
        return;
      }
      case 'slice': {
        const keep = keepOf(node.input(0));
        if (!keep) return;
        const start = keep.filter((k) => k < e.start).length;
        const end = start + keep.filter((k) => k >= e.start && k < e.end).length;
        if (this.analysis.model.opset < 10) {
          for (const [name, v] of [['starts', start], ['ends', end]] as const) {
            const old = node.attrInts(name)!;
            node.setAttr({ name, type: AttrType.INTS, value: old.map((x, i) => BigInt(i === e.axis ? v : x)) });
          }
          return;
        }
        for (const [input, v] of [[1, start], [2, end]] as const) {
          const old = constantOf(node.input(input)!)!;
          const values = old.toNumbers().map((x, i) => (i === e.axis ? v : x));
          const t = old.dtype === DataType.INT32 ? Tensor.fromInt32(old.dims, Int32Array.from(values)) : Tensor.fromInt64(old.dims, values);
          this.replaceOperand(node, input, t);
        }
        return;
      }
      case 'reshape': {
        const out = this.analysis.spaceOf(node.output(0));
        const keep = out ? plan.keep.get(out) : undefined;
        if (!out || !keep) return;
        const shape = constantOf(node.input(1)!)!;
        const values = shape.toNumbers();
        if (values[e.outAxis] !== out.size) return; // -1 or 0: follows the input
        values[e.outAxis] = keep.length;
        this.replaceOperand(node, 1, Tensor.fromInt64(shape.dims, values));
        return;
      }
    }
  }

  /** Applies every operand edit (see the file header: copy on write, names kept). */
  apply(): void {
    const all: Array<{ node: Node; input: number; chain: ParamChain; e: OperandEdit }> = [];
    for (const [node, inputs] of this.edits) {
      for (const [input, e] of inputs) {
        const v = node.input(input);
        const chain = v ? this.analysis.param(v) : undefined;
        if (!v || !chain) throw new Error(`internal: ${node.describe()} input ${input} is not a constant`);
        all.push({ node, input, chain, e });
      }
    }
    // Aliases first (longer chains): once they have their own tensors, a root that other nodes
    // shared through them is read by one node only, and is rewritten under its own name.
    all.sort((a, b) => b.chain.values.length - a.chain.values.length);
    for (const { node, input, chain, e } of all) this.materialize(node, input, chain, e);
  }

  private materialize(node: Node, input: number, chain: ParamChain, e: OperandEdit): void {
    const k = chain.values.length - 1;
    const toRoot = (axis: number): number => {
      const r = chain.axisMap[axis];
      if (r === undefined || r < 0) throw new Error(`internal: ${node.describe()} input ${input}: axis ${axis} is not an axis of the constant`);
      return r;
    };
    let root = chain.tensor;
    for (const add of e.adds) root = addAlongAxis(root, toRoot(add.axis), add.values);
    const slices = new Map<number, number[]>();
    for (const [axis, keep] of e.slices) slices.set(toRoot(axis), keep);
    if (slices.size) root = sliceTensor(root, slices);
    // The shortest suffix of the chain read only along it.
    let m = k + 1;
    for (let j = k; j >= 0; j--) {
      const v = chain.values[j]!;
      if (v.useCount !== 1 || v.isGraphOutput() || v.isGraphInput()) break;
      m = j;
    }
    let tensor = root;
    const upTo = Math.min(m, k);
    for (let j = 0; j < upTo; j++) tensor = applyStep(chain.steps[j]!, tensor);
    if (m > k) {
      // Shared: a private copy for this use.
      const v = node.input(input)!;
      const copy = this.graph.addInitializer(tensor, v.name);
      node.replaceInput(input, copy);
      this.orphans.add(v);
      return;
    }
    this.replaceValue(chain.values[m]!, tensor);
    // Later chain steps keep running on the new tensor: retype them, restate reshape targets.
    let dims = tensor.dims;
    for (let j = m; j < k; j++) {
      const step = chain.steps[j]!;
      dims = stepDims(step, dims);
      if (step.kind === 'reshape-like' && step.node.opType === 'Reshape') {
        const shape = constantOf(step.node.input(1)!)!;
        const values = shape.toNumbers();
        const restated = values.map((s, i) => (s > 0 ? dims[i]! : s));
        if (restated.some((s, i) => s !== values[i])) this.replaceOperand(step.node, 1, Tensor.fromInt64(shape.dims, restated));
      }
      const v = chain.values[j + 1]!;
      if (v.type?.kind === 'tensor') v.type = { ...v.type, shape: dims.map((d) => ({ value: d })) };
    }
  }

  /**
   * Gives `v` (read by one node only) the constant `t`, keeping its name and place: an initializer
   * holds the new tensor (the old tensor object is left as it was), a node output becomes an
   * initializer once its node is gone.
   */
  private replaceValue(v: Value, t: Tensor): void {
    if (v.isInitializer()) {
      t.name = v.name;
      v.constValue = t;
      v.type = { kind: 'tensor', elemType: t.dtype, shape: t.dims.map((d) => ({ value: d })) };
      return;
    }
    const p = v.producer()!;
    const g = p.graph!;
    const inputs = p.inputs.filter((x): x is Value => x !== null);
    g.remove(p, { force: true });
    g.adoptAsInitializer(v, t);
    dropValueInfo(g, v);
    for (const x of inputs) this.orphans.add(x);
  }

  /** Replaces a constant operand (shape, sizes, starts) of `node` by `t`, copy on write. */
  private replaceOperand(node: Node, input: number, t: Tensor): void {
    const v = node.input(input)!;
    if (v.useCount === 1 && !v.isGraphOutput() && !v.isGraphInput() && (v.isInitializer() || v.producer()?.opType === 'Constant')) {
      this.replaceValue(v, t);
      return;
    }
    node.replaceInput(input, this.graph.addInitializer(t, v.name));
    this.orphans.add(v);
  }

  /** Removes what the edits left unused: initializers and the nodes that fed only them. */
  cleanup(): void {
    const stack = [...this.orphans];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (v.useCount > 0 || v.isGraphOutput() || v.isGraphInput()) continue;
      if (v.isInitializer()) {
        v.ownerGraph!.removeInitializer(v);
        continue;
      }
      const p = v.producer();
      if (!p?.graph || !isStandardDomain(p.domain)) continue;
      if (p.outputs.some((o) => o.useCount > 0 || o.isGraphOutput())) continue;
      const inputs = p.inputs.filter((x): x is Value => x !== null);
      p.graph.remove(p);
      stack.push(...inputs);
    }
    pruneValueInfos(this.graph);
  }
}

function applyStep(step: ChainStep, t: Tensor): Tensor {
  switch (step.kind) {
    case 'identity':
      return t;
    case 'cast':
      return castTensor(t, step.to);
    case 'transpose':
      return transposeTensor(t, step.perm);
    case 'reshape-like':
      return reshapeTensor(t, stepDims(step, t.dims));
  }
}

function stepDims(step: ChainStep, dims: readonly number[]): readonly number[] {
  switch (step.kind) {
    case 'reshape-like':
      return step.map.map((j) => (j < 0 ? 1 : dims[j]!));
    case 'transpose':
      return step.perm.map((p) => dims[p]!);
    default:
      return dims;
  }
}

