/**
 * What the removed channels computed: their constant values, for folding into the consumers.
 *
 * A removed channel c of a group is often a constant: after a BatchNormalization with gamma_c = 0
 * it is beta_c everywhere (network slimming drives gamma to 0); after a producer whose filter c is
 * all zeros it is the bias (a deploy-form graph: BN folded into the filter). The constant travels
 * through the group's members like any value: activations map it (SiLU(beta), GELU(b)), pools,
 * Resize, Concat/Split/Slice and reshapes keep it, a residual Add sums the constants of both
 * operands, BatchNormalization maps k to gamma (k - mean) / sqrt(var + eps) + beta, a depthwise
 * conv to k * sum(W_c) + b_c. Where the channel reaches a consumer (a Conv/MatMul/Gemm input) its
 * contribution to output o is k_c * sum over the kernel of W[o, c]: a per-output-channel constant
 * that slice.ts adds to the consumer's bias (or subtracts from the running mean of the
 * BatchNormalization after it). Then removing the channel leaves the model's outputs unchanged.
 *
 * Where this is not exact (the channel is `unfoldable`, with the reason):
 *   - the channel is not constant (NaN here): its filter and gamma are not zero (prune-l1 drops
 *     such channels; a finetune recovers);
 *   - a nonzero constant goes through a window that reads zero padding: a padded Conv consumer,
 *     a padded depthwise conv, Pad, AveragePool counting pads. The constant holds inside, and the
 *     fold is exact there, but the border rows/columns of that output saw zeros instead of k;
 *   - the group is normalised over its channels (LayerNorm over channels, reductions): removing a
 *     channel changes the statistics, whatever its value;
 *   - a ConvTranspose consumer (a constant input gives a strided pattern, not a constant).
 * |gamma_c| <= `constantGamma` (prune-slim's thresh) is taken as gamma_c = 0: the constant is
 * beta_c, with an error of at most |gamma_c| |x - mean_c| / sqrt(var_c + eps) (`approximate`).
 */
import type { Node, Value } from '../../ir/graph.js';
import type { Tensor } from '../../ir/tensor.js';
import { DataType } from '../../ir/dtype.js';
import { float16BitsToNumber } from '../../ir/half.js';
import type { ChannelAnalysis, ChannelGroup, ChannelLink, ChannelSpace, ConsumerRecord } from '../analysis/channel-groups.js';
import { isPerChannel } from '../analysis/param-chain.js';

export interface Fold {
  readonly consumer: ConsumerRecord;
  readonly space: ChannelSpace;
  /** Added to the consumer's output channel o. */
  readonly delta: Float64Array;
  /** Removed channels whose constant went into delta. */
  readonly channels: number;
  /** Whether a nonzero constant entered a padded window (exact inside only). */
  readonly border: boolean;
  /** Every constant was 0 (or summed to 0): nothing to add. */
  readonly trivial: boolean;
}

export interface RemovalPlan {
  /** Kept indices (space coordinates) of every space that loses channels. */
  readonly keep: Map<ChannelSpace, number[]>;
  readonly folds: Fold[];
  /** Removed channels (group coordinates) whose removal changes the outputs, with why. */
  readonly unfoldable: Map<ChannelGroup, Map<number, string>>;
  /** Removed channels taken as constant with 0 < |gamma| <= constantGamma. */
  readonly approximate: number;
}

export interface RemovalOptions {
  /** |gamma| at or below which a BatchNormalization channel counts as constant beta (default 0). */
  constantGamma?: number;
  /** Compute constants and folds (default true); false: only the keep lists. */
  fold?: boolean;
}

/** Keep lists of the spaces and the constant folds for the groups' keep masks. */
export function planRemoval(
  analysis: ChannelAnalysis,
  keepOf: (g: ChannelGroup) => readonly number[] | undefined,
  options: RemovalOptions = {},
): RemovalPlan {
  const keep = new Map<ChannelSpace, number[]>();
  const removed = new Map<ChannelSpace, number[]>();
  for (const s of analysis.spaces) {
    const kept: number[] = [];
    const gone: number[] = [];
    for (const seg of s.segments) {
      const k = keepOf(seg.group);
      if (!k) {
        for (let i = 0; i < seg.size; i++) kept.push(seg.offset + i);
        continue;
      }
      let p = 0;
      for (let i = 0; i < seg.size; i++) {
        if (p < k.length && k[p] === i) {
          kept.push(seg.offset + i);
          p++;
        } else gone.push(seg.offset + i);
      }
    }
    if (gone.length) {
      keep.set(s, kept);
      removed.set(s, gone);
    }
  }
  const plan: RemovalPlan = { keep, folds: [], unfoldable: new Map(), approximate: 0 };
  if (options.fold === false) return plan;
  const c = new ConstantTracer(analysis, options.constantGamma ?? 0, plan);
  for (const [s, gone] of removed) {
    for (const idx of gone) {
      const g = s.segments.find((seg) => idx >= seg.offset && idx < seg.offset + seg.size)?.group;
      if (g?.inexact.length) c.unfoldableAt(s, idx, g.inexact[0]!);
    }
    for (const consumer of s.consumers) c.fold(s, consumer, gone);
  }
  return plan;
}

class ConstantTracer {
  private readonly memo = new Map<ChannelSpace, Map<number, number>>();
  private readonly into = new Map<ChannelSpace, ChannelLink[]>();
  private readonly approx = new Set<string>();
  private readonly values = new Map<Tensor, (i: number) => number>();

  constructor(
    private readonly analysis: ChannelAnalysis,
    private readonly constantGamma: number,
    private readonly plan: RemovalPlan,
  ) {
    for (const l of analysis.links) {
      let list = this.into.get(l.to);
      if (!list) this.into.set(l.to, (list = []));
      list.push(l);
    }
  }

  unfoldableAt(s: ChannelSpace, index: number, why: string): void {
    const seg = s.segments.find((x) => index >= x.offset && index < x.offset + x.size);
    if (!seg) return;
    let m = this.plan.unfoldable.get(seg.group);
    if (!m) this.plan.unfoldable.set(seg.group, (m = new Map()));
    if (!m.has(index - seg.offset)) m.set(index - seg.offset, why);
  }

  fold(s: ChannelSpace, consumer: ConsumerRecord, gone: readonly number[]): void {
    const node = consumer.node;
    const w = this.analysis.param(node.input(consumer.weightInput));
    if (!w) return;
    const dims = w.dims[w.dims.length - 1]!;
    const padded = consumer.kind === 'conv' && windowReadsPadding(node, dims);
    const outAxis = consumer.kind === 'conv' ? 0 : consumer.kind === 'matmul' ? 1 : consumer.weightAxis === 0 ? 1 : 0;
    const outCount = dims[outAxis]!;
    const delta = new Float64Array(outCount);
    let channels = 0;
    let border = false;
    const scale = consumer.kind === 'gemm' ? node.attrFloat('alpha', 1) : 1;
    const contributions: Array<[number, number]> = [];
    for (const idx of gone) {
      const k = this.constAt(s, idx);
      if (Number.isNaN(k)) {
        this.unfoldableAt(s, idx, `channel ${idx} of '${s.value.name}' is not constant where ${node.describe()} reads it`);
        continue;
      }
      if (k === 0) {
        channels++;
        continue;
      }
      if (consumer.kind === 'conv-transpose') {
        this.unfoldableAt(s, idx, `${node.describe()} is a transposed convolution: a constant input does not give a constant output`);
        continue;
      }
      if (padded) {
        border = true;
        this.unfoldableAt(s, idx, `${node.describe()} reads zero padding: the constant ${fmt(k)} of channel ${idx} folds exactly inside, not on the border`);
      }
      contributions.push([idx, k * scale]);
      channels++;
    }
    if (contributions.length) {
      // Root layout = operand layout for Conv weights and plain MatMul/Gemm weights; a transposed
      // chain (ylc's Linear: W[out, in] read through Transpose) swaps the two axes.
      addContributions(delta, floatValues(w.tensor), w.tensor.dims, w.axisMap[consumer.weightAxis]!, w.axisMap[outAxis]!, contributions);
    }
    if (channels) this.plan.folds.push({ consumer, space: s, delta, channels, border, trivial: delta.every((d) => d === 0) });
  }

  /** Element i of a tensor, read where it lies (weights are large: no copies). */
  reader(t: Tensor): (i: number) => number {
    let f = this.values.get(t);
    if (!f) this.values.set(t, (f = elementReader(t)));
    return f;
  }

  /** The constant value of channel `c` of space `s`, NaN when it is not constant. */
  constAt(s: ChannelSpace, c: number): number {
    let m = this.memo.get(s);
    if (!m) this.memo.set(s, (m = new Map()));
    const hit = m.get(c);
    if (hit !== undefined) return hit;
    m.set(c, NaN); // cycles cannot happen in a DAG; this guards against malformed input
    const v = this.compute(s, c);
    m.set(c, v);
    return v;
  }

  private compute(s: ChannelSpace, c: number): number {
    if (s.origin === 'placeholder' || !s.node) return NaN;
    if (s.origin === 'producer') return this.producerConst(s, c);
    const node = s.node;
    const links = this.into.get(s) ?? [];
    const inputs = node.inputs.map((v, i): number => {
      if (!v) return NaN;
      const l = links.find((x) => x.inputIndex === i && c >= x.toOffset && c < x.toOffset + x.length);
      if (l) return this.constAt(l.from, l.fromOffset + (c - l.toOffset));
      return this.operandConst(s, node, i, v, c);
    });
    const data = links.find((x) => c >= x.toOffset && c < x.toOffset + x.length);
    const x = data ? inputs[data.inputIndex]! : NaN;
    return this.transfer(node, s, c, x, inputs);
  }

  /** A constant operand's value at channel c of the output space (per-channel or broadcast scalar). */
  private operandConst(s: ChannelSpace, node: Node, i: number, v: Value, c: number): number {
    const chain = this.analysis.param(v);
    if (!chain) return NaN;
    const rec = s.params.find((p) => p.node === node && p.input === i);
    if (rec) return isPerChannel(chain, rec.axis) && chain.tensor.size === s.size ? this.reader(chain.tensor)(c) : NaN;
    return chain.tensor.size === 1 ? this.reader(chain.tensor)(0) : NaN;
  }

  private producerConst(s: ChannelSpace, c: number): number {
    const p = s.producers[0];
    if (!p) return NaN;
    const w = this.analysis.param(p.node.input(p.weightInput));
    if (!w || !filterIsZero(this.reader(w.tensor), w.tensor.dims, w.axisMap[p.weightAxis]!, c)) return NaN;
    let bias = 0;
    if (p.biasInput !== undefined && p.node.input(p.biasInput)) {
      const rec = s.params.find((r) => r.node === p.node && r.input === p.biasInput);
      const b = this.analysis.param(p.node.input(p.biasInput));
      if (!b) return NaN;
      if (b.tensor.size === 1) bias = this.reader(b.tensor)(0);
      else if (rec && isPerChannel(b, rec.axis) && b.tensor.size === s.size) bias = this.reader(b.tensor)(c);
      else return NaN;
      if (p.kind === 'gemm') bias *= p.node.attrFloat('beta', 1);
    }
    return bias;
  }

  private paramAt(s: ChannelSpace, node: Node, input: number, c: number): number {
    const v = node.input(input);
    return v ? this.operandConst(s, node, input, v, c) : NaN;
  }

  private transfer(node: Node, s: ChannelSpace, c: number, x: number, ins: number[]): number {
    const op = node.opType;
    switch (op) {
      case 'Identity':
      case 'Dropout':
      case 'Cast':
      case 'CastLike':
      case 'MaxPool':
      case 'GlobalMaxPool':
      case 'GlobalAveragePool':
      case 'Resize':
      case 'Upsample':
      case 'Concat':
      case 'Split':
      case 'Slice':
      case 'Transpose':
      case 'Reshape':
      case 'Flatten':
      case 'Squeeze':
      case 'Unsqueeze':
      case 'Gather':
      case 'ReduceMean':
      case 'ReduceMax':
      case 'ReduceMin':
        return x;
      case 'AveragePool':
        if (x !== 0 && node.attrInt('count_include_pad', 0) !== 0 && hasPads(node)) this.unfoldableAt(s, c, `${node.describe()} averages zero padding into channel ${c}`);
        return x;
      case 'Pad':
        if (x !== 0) this.unfoldableAt(s, c, `${node.describe()} pads channel ${c}, constant ${fmt(x)}, with other values`);
        return x;
      case 'BatchNormalization': {
        const gamma = this.paramAt(s, node, 1, c);
        const beta = this.paramAt(s, node, 2, c);
        if (gamma === 0) return beta;
        if (Math.abs(gamma) <= this.constantGamma) {
          const key = `${node.name}#${c}`;
          if (!this.approx.has(key)) {
            this.approx.add(key);
            (this.plan as { approximate: number }).approximate++;
          }
          return beta;
        }
        const mean = this.paramAt(s, node, 3, c);
        const variance = this.paramAt(s, node, 4, c);
        const eps = Math.fround(node.attrFloat('epsilon', 1e-5));
        return ((x - mean) * gamma) / Math.sqrt(variance + eps) + beta;
      }
      case 'InstanceNormalization':
        return Number.isNaN(x) ? NaN : this.paramAt(s, node, 2, c);
      case 'Conv': {
        // Depthwise (the only conv that carries a space through): k * sum(W_c) + b_c.
        if (Number.isNaN(x)) return NaN;
        const w = this.analysis.param(node.input(1));
        if (!w || w.axisMap[0] !== 0) return NaN;
        const at = this.reader(w.tensor);
        const per = w.tensor.size / w.tensor.dims[0]!;
        let sum = 0;
        for (let t = 0; t < per; t++) sum += at(c * per + t);
        const b = node.input(2) ? this.paramAt(s, node, 2, c) : 0;
        if (x !== 0 && windowReadsPadding(node, w.dims[w.dims.length - 1]!)) {
          this.unfoldableAt(s, c, `${node.describe()} reads zero padding: channel ${c} is constant inside only`);
        }
        return x * sum + b;
      }
      case 'Clip': {
        const lo = node.input(1) ? ins[1]! : node.attrFloat('min', -Infinity);
        const hi = node.input(2) ? ins[2]! : node.attrFloat('max', Infinity);
        return Math.min(Math.max(x, lo), hi);
      }
      default: {
        const f = ELEMENTWISE[op];
        if (f) return f(ins, node);
        const u = UNARY[op];
        return u ? u(x, node) : NaN;
      }
    }
  }
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

const UNARY: Readonly<Record<string, (x: number, node: Node) => number>> = {
  Relu: (x) => Math.max(x, 0),
  LeakyRelu: (x, n) => (x >= 0 ? x : x * Math.fround(n.attrFloat('alpha', 0.01))),
  Sigmoid: sigmoid,
  HardSigmoid: (x, n) => Math.min(Math.max(Math.fround(n.attrFloat('alpha', 0.2)) * x + Math.fround(n.attrFloat('beta', 0.5)), 0), 1),
  HardSwish: (x) => x * Math.min(Math.max(x / 6 + 0.5, 0), 1),
  Tanh: Math.tanh,
  Elu: (x, n) => (x >= 0 ? x : Math.fround(n.attrFloat('alpha', 1)) * (Math.exp(x) - 1)),
  Selu: (x, n) => Math.fround(n.attrFloat('gamma', 1.0507009873554805)) * (x > 0 ? x : Math.fround(n.attrFloat('alpha', 1.6732632423543772)) * (Math.exp(x) - 1)),
  Celu: (x, n) => {
    const a = Math.fround(n.attrFloat('alpha', 1));
    return Math.max(0, x) + Math.min(0, a * (Math.exp(x / a) - 1));
  },
  Softplus: (x) => Math.log1p(Math.exp(x)),
  Softsign: (x) => x / (1 + Math.abs(x)),
  Mish: (x) => x * Math.tanh(Math.log1p(Math.exp(x))),
  Gelu: (x, n) =>
    n.attrString('approximate', 'none') === 'tanh' ? 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))) : 0.5 * x * (1 + erf(x / Math.SQRT2)),
  Erf: erf,
  Abs: Math.abs,
  Neg: (x) => -x,
  Exp: Math.exp,
  Log: Math.log,
  Sqrt: Math.sqrt,
  Reciprocal: (x) => 1 / x,
  Floor: Math.floor,
  Ceil: Math.ceil,
  Round: (x) => {
    const f = Math.floor(x);
    const d = x - f;
    return d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  },
  Sign: Math.sign,
  ThresholdedRelu: (x, n) => (x > Math.fround(n.attrFloat('alpha', 1)) ? x : 0),
};

const ELEMENTWISE: Readonly<Record<string, (ins: number[], node: Node) => number>> = {
  Add: ([a, b]) => a! + b!,
  Sub: ([a, b]) => a! - b!,
  Mul: ([a, b]) => a! * b!,
  Div: ([a, b]) => a! / b!,
  Pow: ([a, b]) => a! ** b!,
  Max: (xs) => Math.max(...xs),
  Min: (xs) => Math.min(...xs),
  Sum: (xs) => xs.reduce((p, q) => p + q, 0),
  Mean: (xs) => xs.reduce((p, q) => p + q, 0) / xs.length,
  PRelu: ([x, slope]) => (x! >= 0 ? x! : x! * slope!),
};

/** erf to double precision: its Maclaurin series for |x| < 3, the continued fraction of erfc beyond. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 3) {
    let term = ax;
    let sum = ax;
    for (let n = 1; n < 200; n++) {
      term *= (-ax * ax) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return Math.sign(x) * ((2 / Math.sqrt(Math.PI)) * sum);
  }
  // erfc(x) = exp(-x^2) / sqrt(pi) * 1 / (x + 1/2 / (x + 1 / (x + 3/2 / (x + ...))))
  let f = ax;
  for (let k = 60; k >= 1; k--) f = ax + k / 2 / f;
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}

function hasPads(node: Node): boolean {
  const autoPad = node.attrString('auto_pad', 'NOTSET');
  if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') return true;
  return (node.attrInts('pads') ?? []).some((p) => p !== 0);
}

/** Whether some output position of a Conv/pool window reads the zero padding. */
function windowReadsPadding(node: Node, weightDims: readonly number[]): boolean {
  const kernel = node.attrInts('kernel_shape') ?? weightDims.slice(2);
  if (kernel.every((k) => k === 1)) return false;
  return hasPads(node);
}

/** Whether the slice of `values` at index c of `axis` is all zeros. */
function filterIsZero(at: (i: number) => number, dims: readonly number[], axis: number, c: number): boolean {
  let inner = 1;
  for (let a = axis + 1; a < dims.length; a++) inner *= dims[a]!;
  const n = dims[axis]!;
  const outer = dims.reduce((x, y) => x * y, 1) / (inner * n);
  for (let o = 0; o < outer; o++) {
    const base = (o * n + c) * inner;
    for (let t = 0; t < inner; t++) if (at(base + t) !== 0) return false;
  }
  return true;
}

/** Reads float elements in place (float32/float64/float16 through a DataView), else from a copy. */
function elementReader(t: Tensor): (i: number) => number {
  const b = t.bytes();
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  switch (t.dtype) {
    case DataType.FLOAT:
      return (i) => view.getFloat32(4 * i, true);
    case DataType.DOUBLE:
      return (i) => view.getFloat64(8 * i, true);
    case DataType.FLOAT16:
      return (i) => float16BitsToNumber(view.getUint16(2 * i, true));
    default: {
      const values = t.toFloat64();
      return (i) => values[i]!;
    }
  }
}

/**
 * delta[o] += k_c * (sum of W over every axis but `inAxis` (= c) and `outAxis` (= o)), for each
 * (c, k_c) of `contributions`: one pass over the needed elements, typed-array reads.
 */
function addContributions(delta: Float64Array, w: Float32Array | Float64Array, dims: readonly number[], inAxis: number, outAxis: number, contributions: ReadonlyArray<readonly [number, number]>): void {
  const strides = dims.map((_, a) => dims.slice(a + 1).reduce((x, y) => x * y, 1));
  // Offsets of every combination of the other axes.
  let rest = [0];
  dims.forEach((d, a) => {
    if (a === inAxis || a === outAxis) return;
    const next: number[] = [];
    for (const r of rest) for (let i = 0; i < d; i++) next.push(r + i * strides[a]!);
    rest = next;
  });
  const outs = dims[outAxis]!;
  const so = strides[outAxis]!;
  const si = strides[inAxis]!;
  for (const [c, k] of contributions) {
    const base = c * si;
    for (let o = 0; o < outs; o++) {
      const at = base + o * so;
      let sum = 0;
      for (let t = 0; t < rest.length; t++) sum += w[at + rest[t]!]!;
      delta[o] = delta[o]! + k * sum;
    }
  }
}

/** The elements of a float tensor as a typed array (float32 without conversion). */
function floatValues(t: Tensor): Float32Array | Float64Array {
  return t.dtype === DataType.FLOAT ? t.toFloat32() : t.toFloat64();
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}
