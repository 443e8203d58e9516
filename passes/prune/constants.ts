/**
 * What the removed channels computed: their constant values, for folding into the consumers.
 *
 * A removed channel c of a group is often a constant: after a BatchNormalization with gamma_c = 0
 * it is beta_c everywhere (network slimming drives gamma to 0); after a producer whose filter c is
 * all zeros it is the bias (a deploy-form graph: BN folded into the filter). The constant travels
 * through the group's members like any value: activations map it (SiLU(beta), GELU(b)), casts
 * round or truncate it, pools, Resize, Concat/Split/Slice and reshapes keep it, a residual Add sums the constants of both
 * operands, BatchNormalization maps k to gamma (k - mean) / sqrt(var + eps) + beta, a depthwise
 * conv to k * sum(W_c) + b_c. Where the channel reaches a consumer (a Conv/MatMul/Gemm input) its
 * contribution to output o is k_c * sum over the kernel of W[o, c]: a per-output-channel constant
 * that slice.ts adds to the consumer's bias (or subtracts from the running mean of the
 * BatchNormalization after it). Then removing the channel leaves the model's outputs unchanged.
 *
 * Padded Conv consumers (a 3x3 conv with pads 1): output (y, x) reads the removed channels only at
 * the taps of its window that fall inside the input; the taps on zero padding read 0, not k_c. So
 * the conv received (taps inside the image)
 *
 *   B[o, y, x] = sum_c k_c sum_{(ky, kx) inside at (y, x)} W[o, c, ky, kx]
 *              = delta_o - sum_{(ky, kx) on padding at (y, x)} Weff[o, ky, kx],   Weff = sum_c k_c W[:, c]
 *
 * (the conv of a constant-filled input with zero padding): delta_o goes into the bias as above and
 * the second term, the border correction (0 inside), is added right after the conv as a
 * [1, Cout, Hout, Wout] map (`Fold.border`; computed in float64 from Weff, any stride, dilation,
 * asymmetric or SAME pads), stored compactly as a per-channel table over row and column classes
 * that two Gathers expand (see borderCorrection). It needs the input's static H, W (from the value types, or shape
 * inference on the unmodified model, types restored), a 2-D conv weight read as [Cout, Cin, kh, kw],
 * and at most `maxMap` elements in the expanded map; otherwise, or without `maps: true` (the
 * default: an Add between a conv and its BatchNormalization keeps fold-bn from fusing them), the
 * channels are `unfoldable`.
 *
 * Where this is not exact (the channel is `unfoldable`, with an `Inexact`: a kind and the reason):
 *   - 'not-constant': the channel is not constant at its source: its filter and gamma are not zero
 *     (prune-l1 drops such channels; a finetune recovers);
 *   - 'unmodelled': a constant reaches an op whose value on a constant is not computed here (an op
 *     missing from the tables below, a reduction other than mean/max/min, a non-finite result);
 *   - 'varies': an op on the way makes the constant vary: an operand that is not a constant per
 *     channel (Mul by an attention map), Concat pieces of the channel with different constants;
 *   - 'padded': a nonzero constant into a padded Conv consumer that gets no correction map
 *     (above), or through a padded depthwise conv, Pad, or AveragePool counting pads: the value is
 *     not constant on the border of that map any more;
 *   - 'transposed': a nonzero constant into a ConvTranspose (consumer or depthwise): a constant
 *     input gives a strided pattern, not a constant;
 *   - 'normalised': the group is normalised over its channels (LayerNorm over channels,
 *     reductions): removing a channel changes the statistics, whatever its value.
 * Only 'not-constant' is a property of the channel itself; every other kind is a constant that is
 * not folded exactly.
 * |gamma_c| <= `constantGamma` (prune-slim's thresh) is taken as gamma_c = 0: the constant is
 * beta_c, with an error of at most |gamma_c| |x - mean_c| / sqrt(var_c + eps) (`approximate`).
 */
import type { Node, Value } from '../../ir/graph.js';
import type { Model } from '../../ir/model.js';
import type { Tensor } from '../../ir/tensor.js';
import { DataType } from '../../ir/dtype.js';
import { bfloat16BitsToNumber, float16BitsToNumber, numberToBfloat16Bits, numberToFloat16Bits } from '../../ir/half.js';
import { inferShapes } from '../../ir/shape-inference/index.js';
import type { ChannelAnalysis, ChannelGroup, ChannelLink, ChannelSpace, ConsumerRecord } from '../analysis/channel-groups.js';
import { isPerChannel } from '../analysis/param-chain.js';

export interface Fold {
  readonly consumer: ConsumerRecord;
  readonly space: ChannelSpace;
  /** Added to the consumer's output channel o. */
  readonly delta: Float64Array;
  /** Removed channels whose constant went into delta. */
  readonly channels: number;
  /** The border correction of a padded Conv consumer (see the header), when nonzero constants entered it. */
  readonly border: BorderMap | undefined;
  /** Every constant was 0 (or summed to 0) and there is no border correction: nothing to add. */
  readonly trivial: boolean;
}

/** What a padded 2-D Conv consumer needs for its border correction map (see the header). */
export interface BorderMap {
  readonly input: readonly [number, number];
  readonly output: readonly [number, number];
  readonly kernel: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly dilations: readonly [number, number];
  /** Padding before the first row and column. */
  readonly begin: readonly [number, number];
  /** sum_c k_c W[o, c, ky, kx], [Cout, kh * kw]. */
  readonly weff: Float64Array;
}

/** Why removing a channel changes the outputs (see the header). */
export type InexactKind = 'not-constant' | 'unmodelled' | 'varies' | 'padded' | 'transposed' | 'normalised';

export interface Inexact {
  readonly kind: InexactKind;
  /** For remarks: names the nodes and values involved. */
  readonly why: string;
}

/** A channel's value where it is read: its constant, or why it has none. */
type Traced = number | Inexact;

const known = (t: Traced): t is number => typeof t === 'number';

/** Default `maxMap`: 4M elements (16 MiB in float32), the largest map of yolov5x at 640. */
export const DEFAULT_MAX_MAP = 1 << 22;

export interface RemovalPlan {
  /** Kept indices (space coordinates) of every space that loses channels. */
  readonly keep: Map<ChannelSpace, number[]>;
  readonly folds: Fold[];
  /** Removed channels (group coordinates) whose removal changes the outputs, with why. */
  readonly unfoldable: Map<ChannelGroup, Map<number, Inexact>>;
  /** Removed channels taken as constant with 0 < |gamma| <= constantGamma. */
  readonly approximate: number;
}

export interface RemovalOptions {
  /** |gamma| at or below which a BatchNormalization channel counts as constant beta (default 0). */
  constantGamma?: number;
  /** Compute constants and folds (default true); false: only the keep lists. */
  fold?: boolean;
  /** Border correction maps for padded Conv consumers (default false: such channels are unfoldable). */
  maps?: boolean;
  /** Largest border correction map, in elements (default DEFAULT_MAX_MAP); larger ones are refused. */
  maxMap?: number;
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
  const c = new ConstantTracer(analysis, options.constantGamma ?? 0, plan, options.maps === true ? (options.maxMap ?? DEFAULT_MAX_MAP) : 0);
  for (const [s, gone] of removed) {
    for (const idx of gone) {
      const g = s.segments.find((seg) => idx >= seg.offset && idx < seg.offset + seg.size)?.group;
      if (g?.inexact.length) c.unfoldableAt(s, idx, { kind: 'normalised', why: g.inexact[0]! });
    }
    for (const consumer of s.consumers) c.fold(s, consumer, gone);
  }
  return plan;
}

class ConstantTracer {
  private readonly memo = new Map<ChannelSpace, Map<number, Traced>>();
  private readonly into = new Map<ChannelSpace, ChannelLink[]>();
  private readonly approx = new Set<string>();
  private readonly values = new Map<Tensor, (i: number) => number>();
  private spatial: Map<Value, number[]> | undefined;

  constructor(
    private readonly analysis: ChannelAnalysis,
    private readonly constantGamma: number,
    private readonly plan: RemovalPlan,
    /** 0: no border correction maps. */
    private readonly maxMap: number,
  ) {
    for (const l of analysis.links) {
      let list = this.into.get(l.to);
      if (!list) this.into.set(l.to, (list = []));
      list.push(l);
    }
  }

  unfoldableAt(s: ChannelSpace, index: number, why: Inexact): void {
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
    const scale = consumer.kind === 'gemm' ? node.attrFloat('alpha', 1) : 1;
    const contributions: Array<[number, number]> = [];
    for (const idx of gone) {
      const k = this.constAt(s, idx);
      if (!known(k)) {
        const why = k.kind === 'not-constant' ? `channel ${idx} of '${s.value.name}' is not constant where ${node.describe()} reads it` : `channel ${idx} of '${s.value.name}', read by ${node.describe()}: ${k.why}`;
        this.unfoldableAt(s, idx, { kind: k.kind, why });
        continue;
      }
      if (k === 0) {
        channels++;
        continue;
      }
      if (consumer.kind === 'conv-transpose') {
        this.unfoldableAt(s, idx, { kind: 'transposed', why: `${node.describe()} is a transposed convolution: a constant input does not give a constant output` });
        continue;
      }
      contributions.push([idx, k * scale]);
      channels++;
    }
    let border: BorderMap | undefined;
    if (padded && contributions.length) {
      const geometry = this.borderGeometry(node, w.tensor, w.axisMap, dims);
      if (typeof geometry === 'string') {
        for (const [idx, k] of contributions) {
          this.unfoldableAt(s, idx, { kind: 'padded', why: `${node.describe()} reads zero padding: the constant ${fmt(k)} of channel ${idx} folds exactly inside, not on the border (${geometry})` });
        }
      } else {
        border = { ...geometry, weff: effectiveKernel(floatValues(w.tensor), dims, contributions) };
      }
    }
    if (contributions.length) {
      // Root layout = operand layout for Conv weights and plain MatMul/Gemm weights; a transposed
      // chain (ylc's Linear: W[out, in] read through Transpose) swaps the two axes.
      addContributions(delta, floatValues(w.tensor), w.tensor.dims, w.axisMap[consumer.weightAxis]!, w.axisMap[outAxis]!, contributions);
    }
    if (channels) this.plan.folds.push({ consumer, space: s, delta, channels, border, trivial: !border && delta.every((d) => d === 0) });
  }

  /** The geometry of a padded Conv's border correction, or why it gets none. */
  private borderGeometry(node: Node, w: Tensor, axisMap: readonly number[], dims: readonly number[]): Omit<BorderMap, 'weff'> | string {
    if (this.maxMap === 0) return 'exact: no correction maps';
    if (dims.length !== 4 || w.dims.length !== 4 || axisMap.some((a, i) => a !== i)) return 'correction maps are made for 2-D convolutions whose weight is read as stored';
    const x = node.input(0)!;
    const xd = this.staticDims(x);
    if (!xd) return `the spatial size of '${x.name}' is not static: run with a fixed input size (infer-shapes)`;
    const input = [xd[2]!, xd[3]!] as const;
    const kernel = [dims[2]!, dims[3]!] as const;
    const ints = (name: string, n: number, dflt: number): number[] => {
      const v = node.attrInts(name);
      return v && v.length === n ? v : Array<number>(n).fill(dflt);
    };
    const strides = ints('strides', 2, 1);
    const dilations = ints('dilations', 2, 1);
    const autoPad = node.attrString('auto_pad', 'NOTSET');
    const begin: number[] = [];
    const output: number[] = [];
    for (let a = 0; a < 2; a++) {
      const span = (kernel[a]! - 1) * dilations[a]! + 1;
      if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
        const out = Math.ceil(input[a]! / strides[a]!);
        const total = Math.max(0, (out - 1) * strides[a]! + span - input[a]!);
        begin.push(autoPad === 'SAME_UPPER' ? Math.floor(total / 2) : Math.ceil(total / 2));
        output.push(out);
      } else {
        const pads = autoPad === 'VALID' ? [0, 0, 0, 0] : ints('pads', 4, 0);
        begin.push(pads[a]!);
        output.push(Math.floor((input[a]! + pads[a]! + pads[a + 2]! - span) / strides[a]!) + 1);
      }
    }
    const yd = this.staticDims(node.output(0));
    if (yd && (yd[2] !== output[0] || yd[3] !== output[1])) return `its output is typed ${yd.join('x')}, not the ${output.join('x')} its attributes give`;
    const size = dims[0]! * output[0]! * output[1]!;
    if (size > this.maxMap) return `its correction map would hold ${size} elements, more than max-map=${this.maxMap}`;
    const pair = (v: number[]): readonly [number, number] => [v[0]!, v[1]!];
    return { input: pair([...input]), output: pair(output), kernel: pair([...kernel]), strides: pair(strides), dilations: pair(dilations), begin: pair(begin) };
  }

  /** Static dims of a value: its type, else shape inference on the unmodified model (types put back). */
  private staticDims(v: Value): number[] | undefined {
    const own = knownDims(v);
    if (own) return own;
    if (!this.spatial) this.spatial = inferredDims(this.analysis.model);
    return this.spatial.get(v);
  }

  /** Element i of a tensor, read where it lies (weights are large: no copies). */
  reader(t: Tensor): (i: number) => number {
    let f = this.values.get(t);
    if (!f) this.values.set(t, (f = elementReader(t)));
    return f;
  }

  /** The constant value of channel `c` of space `s`, or why it has none. */
  constAt(s: ChannelSpace, c: number): Traced {
    let m = this.memo.get(s);
    if (!m) this.memo.set(s, (m = new Map()));
    const hit = m.get(c);
    if (hit !== undefined) return hit;
    // Cycles cannot happen in a DAG; this guards against malformed input.
    m.set(c, { kind: 'unmodelled', why: `'${s.value.name}' depends on itself` });
    const v = this.compute(s, c);
    m.set(c, v);
    return v;
  }

  private compute(s: ChannelSpace, c: number): Traced {
    if (s.origin === 'placeholder' || !s.node) return { kind: 'not-constant', why: `'${s.value.name}' is not made by an op the analysis follows` };
    if (s.origin === 'producer') return this.producerConst(s, c);
    const node = s.node;
    const links = (this.into.get(s) ?? []).filter((l) => c >= l.toOffset && c < l.toOffset + l.length);
    // Absent optional inputs are NaN: the ops that have them look at node.input(i) first.
    const inputs = node.inputs.map((v, i): Traced => {
      if (!v) return NaN;
      const l = links.find((x) => x.inputIndex === i);
      if (l) return this.constAt(l.from, l.fromOffset + (c - l.toOffset));
      const k = this.operandConst(s, node, i, v, c);
      return Number.isNaN(k) ? { kind: 'varies', why: `${node.describe()} combines channel ${c} with '${v.name}', which is not a constant per channel` } : k;
    });
    const v = this.transfer(node, s, c, this.dataInput(node, c, links.map((l) => inputs[l.inputIndex]!)), inputs);
    if (known(v) && !Number.isFinite(v)) return { kind: 'unmodelled', why: `${node.describe()} gives channel ${c} the value ${v}, not a finite constant` };
    return v;
  }

  /**
   * The data input x of a node from the values its linked inputs give channel c. Several links
   * carry channel c where a Concat joins along another axis (or an elementwise op, which reads
   * all of its inputs itself): each input is a piece of the output channel, constant only when
   * every piece holds the same constant.
   */
  private dataInput(node: Node, c: number, pieces: readonly Traced[]): Traced {
    const [first] = pieces;
    if (first === undefined) return { kind: 'unmodelled', why: `${node.describe()} does not carry channel ${c}` };
    const missing = firstUnknown(pieces);
    if (missing) return missing;
    const other = pieces.find((p) => p !== first);
    if (other === undefined) return first;
    return { kind: 'varies', why: `${node.describe()} joins pieces of channel ${c} with different constants (${fmt(first as number)} and ${fmt(other as number)})` };
  }

  /** A constant operand's value at channel c of the output space (per-channel or broadcast scalar). */
  private operandConst(s: ChannelSpace, node: Node, i: number, v: Value, c: number): number {
    const chain = this.analysis.param(v);
    if (!chain) return NaN;
    const rec = s.params.find((p) => p.node === node && p.input === i);
    if (rec) return isPerChannel(chain, rec.axis) && chain.tensor.size === s.size ? this.reader(chain.tensor)(c) : NaN;
    return chain.tensor.size === 1 ? this.reader(chain.tensor)(0) : NaN;
  }

  private producerConst(s: ChannelSpace, c: number): Traced {
    const p = s.producers[0];
    const notConstant: Inexact = { kind: 'not-constant', why: `channel ${c} of '${s.value.name}' is not constant` };
    if (!p) return notConstant;
    const w = this.analysis.param(p.node.input(p.weightInput));
    if (!w || !filterIsZero(this.reader(w.tensor), w.tensor.dims, w.axisMap[p.weightAxis]!, c)) return notConstant;
    let bias = 0;
    if (p.biasInput !== undefined && p.node.input(p.biasInput)) {
      const rec = s.params.find((r) => r.node === p.node && r.input === p.biasInput);
      const b = this.analysis.param(p.node.input(p.biasInput));
      const unknownBias: Inexact = { kind: 'varies', why: `${p.node.describe()} has a zero filter for channel ${c} but its bias is not a constant per channel` };
      if (!b) return unknownBias;
      if (b.tensor.size === 1) bias = this.reader(b.tensor)(0);
      else if (rec && isPerChannel(b, rec.axis) && b.tensor.size === s.size) bias = this.reader(b.tensor)(c);
      else return unknownBias;
      if (p.kind === 'gemm') bias *= p.node.attrFloat('beta', 1);
    }
    return bias;
  }

  private paramAt(s: ChannelSpace, node: Node, input: number, c: number): number {
    const v = node.input(input);
    return v ? this.operandConst(s, node, input, v, c) : NaN;
  }

  /** Channel c of the output of `node` from its data input x and all its inputs `ins`. */
  private transfer(node: Node, s: ChannelSpace, c: number, x: Traced, ins: readonly Traced[]): Traced {
    const op = node.opType;
    const unmodelled = (): Inexact => ({ kind: 'unmodelled', why: `${node.describe()}: the value of ${op} on a constant is not computed` });
    switch (op) {
      case 'Identity':
      case 'Dropout':
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
      case 'Cast':
      case 'CastLike': {
        if (!known(x)) return x;
        const like = node.input(1)?.type;
        const to = op === 'Cast' ? node.attrInt('to', DataType.UNDEFINED) : like?.kind === 'tensor' ? like.elemType : undefined;
        const v = to === undefined ? undefined : castValue(x, to);
        return v ?? { kind: 'unmodelled', why: `${node.describe()}: the cast of the constant ${fmt(x)} to element type ${to ?? '?'} is not computed` };
      }
      case 'AveragePool':
        if (known(x) && x !== 0 && node.attrInt('count_include_pad', 0) !== 0 && hasPads(node)) {
          this.unfoldableAt(s, c, { kind: 'padded', why: `${node.describe()} averages zero padding into channel ${c}` });
        }
        return x;
      case 'Pad':
        if (known(x) && x !== 0) this.unfoldableAt(s, c, { kind: 'padded', why: `${node.describe()} pads channel ${c}, constant ${fmt(x)}, with other values` });
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
        if (!known(x)) return x;
        const mean = this.paramAt(s, node, 3, c);
        const variance = this.paramAt(s, node, 4, c);
        const eps = Math.fround(node.attrFloat('epsilon', 1e-5));
        return ((x - mean) * gamma) / Math.sqrt(variance + eps) + beta;
      }
      case 'InstanceNormalization':
        // Over the spatial axes of channel c: a constant normalises to 0, leaving the bias. On
        // another axis the tracked channel is normalised together with other values.
        if (!known(x)) return x;
        return s.axis === 1 ? this.paramAt(s, node, 2, c) : { kind: 'varies', why: `${node.describe()} normalises channel ${c} together with other values` };
      case 'Conv': {
        // Depthwise (the only conv that carries a space through): k * sum(W_c) + b_c.
        if (!known(x)) return x;
        const w = this.analysis.param(node.input(1));
        if (!w || w.axisMap[0] !== 0) return unmodelled();
        const at = this.reader(w.tensor);
        const per = w.tensor.size / w.tensor.dims[0]!;
        let sum = 0;
        for (let t = 0; t < per; t++) sum += at(c * per + t);
        const b = node.input(2) ? this.paramAt(s, node, 2, c) : 0;
        if (x !== 0 && windowReadsPadding(node, w.dims[w.dims.length - 1]!)) {
          this.unfoldableAt(s, c, { kind: 'padded', why: `${node.describe()} reads zero padding: channel ${c} is constant inside only` });
        }
        return x * sum + b;
      }
      case 'ConvTranspose':
        // Depthwise: a zero input leaves the bias everywhere; any other constant gives a strided pattern.
        if (!known(x)) return x;
        if (x !== 0) return { kind: 'transposed', why: `${node.describe()} is a transposed convolution: the constant ${fmt(x)} of channel ${c} does not give a constant output` };
        return node.input(2) ? this.paramAt(s, node, 2, c) : 0;
      case 'Clip': {
        if (!known(x)) return x;
        const lo = node.input(1) ? ins[1]! : node.attrFloat('min', -Infinity);
        const hi = node.input(2) ? ins[2]! : node.attrFloat('max', Infinity);
        if (!known(lo)) return lo;
        if (!known(hi)) return hi;
        return Math.min(Math.max(x, lo), hi);
      }
      case 'Where': {
        const [cond = NaN, a = NaN, b = NaN] = ins;
        if (known(cond)) return cond !== 0 ? a : b;
        if (known(a) && known(b) && a === b) return a;
        return firstUnknown(ins) ?? unmodelled();
      }
      default: {
        const f = ELEMENTWISE[op];
        if (f) {
          const missing = firstUnknown(ins);
          return missing ?? f(ins as number[], node);
        }
        const u = UNARY[op];
        if (!u) return unmodelled();
        return known(x) ? u(x, node) : x;
      }
    }
  }
}

const INT_RANGES: Partial<Record<DataType, readonly [number, number]>> = {
  [DataType.INT8]: [-128, 127],
  [DataType.UINT8]: [0, 255],
  [DataType.INT16]: [-32768, 32767],
  [DataType.UINT16]: [0, 65535],
  [DataType.INT32]: [-2147483648, 2147483647],
  [DataType.UINT32]: [0, 4294967295],
  [DataType.INT64]: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  [DataType.UINT64]: [0, Number.MAX_SAFE_INTEGER],
};

/**
 * x cast to `to` as ONNX Runtime casts it: rounded to the float type, truncated toward zero for
 * integers (undefined where the result is out of range, which C++ leaves undefined), 0/1 for bool.
 */
function castValue(x: number, to: DataType): number | undefined {
  switch (to) {
    case DataType.FLOAT:
      return Math.fround(x);
    case DataType.DOUBLE:
      return x;
    case DataType.FLOAT16:
      return float16BitsToNumber(numberToFloat16Bits(x));
    case DataType.BFLOAT16:
      return bfloat16BitsToNumber(numberToBfloat16Bits(x));
    case DataType.BOOL:
      return x !== 0 ? 1 : 0;
    default: {
      const range = INT_RANGES[to];
      const t = Math.trunc(x);
      return range && t >= range[0] && t <= range[1] ? t : undefined;
    }
  }
}

/** The first input without a value, one that is not constant at its source first. */
function firstUnknown(ins: readonly Traced[]): Inexact | undefined {
  let first: Inexact | undefined;
  for (const t of ins) {
    if (known(t)) continue;
    if (t.kind === 'not-constant') return t;
    first ??= t;
  }
  return first;
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
  Shrink: (x, n) => {
    const lambd = Math.fround(n.attrFloat('lambd', 0.5));
    const bias = Math.fround(n.attrFloat('bias', 0));
    return x < -lambd ? x + bias : x > lambd ? x - bias : 0;
  },
  Sin: Math.sin,
  Cos: Math.cos,
  Tan: Math.tan,
  Asin: Math.asin,
  Acos: Math.acos,
  Atan: Math.atan,
  Sinh: Math.sinh,
  Cosh: Math.cosh,
  Asinh: Math.asinh,
  Acosh: Math.acosh,
  Atanh: Math.atanh,
  // Booleans are 0 and 1.
  Not: (x) => (x === 0 ? 1 : 0),
  IsNaN: (x) => (Number.isNaN(x) ? 1 : 0),
  IsInf: (x, n) => ((x === Infinity && n.attrInt('detect_positive', 1) !== 0) || (x === -Infinity && n.attrInt('detect_negative', 1) !== 0) ? 1 : 0),
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
  // fmod=1: the sign of the dividend (C fmod, JS %); fmod=0 (integers): the sign of the divisor.
  Mod: ([a, b], n) => {
    const r = a! % b!;
    return n.attrInt('fmod', 0) !== 0 || r === 0 || (r < 0) === (b! < 0) ? r : r + b!;
  },
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

/** Weff[o, t] = sum_c k_c W[o, c, t] of a conv weight [O, I, kh, kw] (t: the kernel positions). */
function effectiveKernel(w: Float32Array | Float64Array, dims: readonly number[], contributions: ReadonlyArray<readonly [number, number]>): Float64Array {
  const [outs, ins] = [dims[0]!, dims[1]!];
  const taps = dims[2]! * dims[3]!;
  const weff = new Float64Array(outs * taps);
  for (let o = 0; o < outs; o++) {
    for (const [c, k] of contributions) {
      const base = (o * ins + c) * taps;
      for (let t = 0; t < taps; t++) weff[o * taps + t] = weff[o * taps + t]! + k * w[base + t]!;
    }
  }
  return weff;
}

/**
 * The border correction of output channels `outs`, stored compactly. The correction at (y, x) is
 * -sum of Weff[o] over the taps of the window at (y, x) that fall on padding; it depends on y only
 * through which kernel rows fall inside the image (a handful of row classes: the top and bottom
 * rows, and the interior) and likewise on x. So it is a table [outs.length, rowClasses,
 * colClasses] plus the class of every output row and column: `Gather` along H then W expands it to
 * the full [outs, Hout, Wout] map at run time (0 for the interior class), and the model stores a
 * few numbers per channel instead of a map as large as the conv's output.
 */
export interface BorderCorrection {
  readonly table: Float64Array;
  readonly rowClasses: number;
  readonly colClasses: number;
  /** Class of each output row (Hout) and column (Wout). */
  readonly rowIndex: number[];
  readonly colIndex: number[];
}

export function borderCorrection(b: BorderMap, outs: readonly number[]): BorderCorrection {
  const [ho, wo] = b.output;
  const [kh, kw] = b.kernel;
  /** For each output position along axis `a`: which of the k taps fall inside the input; grouped into classes. */
  const classes = (a: 0 | 1, n: number, k: number): { index: number[]; patterns: Uint8Array[] } => {
    const byKey = new Map<string, number>();
    const patterns: Uint8Array[] = [];
    const index: number[] = [];
    for (let y = 0; y < n; y++) {
      const ok = new Uint8Array(k);
      for (let t = 0; t < k; t++) {
        const i = y * b.strides[a] - b.begin[a] + t * b.dilations[a];
        ok[t] = i >= 0 && i < b.input[a] ? 1 : 0;
      }
      const key = ok.join('');
      let c = byKey.get(key);
      if (c === undefined) {
        c = patterns.length;
        byKey.set(key, c);
        patterns.push(ok);
      }
      index.push(c);
    }
    return { index, patterns };
  };
  const rows = classes(0, ho, kh);
  const cols = classes(1, wo, kw);
  const R = rows.patterns.length;
  const C = cols.patterns.length;
  const table = new Float64Array(outs.length * R * C);
  const taps = kh * kw;
  outs.forEach((o, j) => {
    const base = o * taps;
    for (let r = 0; r < R; r++) {
      const rowIn = rows.patterns[r]!;
      for (let c = 0; c < C; c++) {
        const colIn = cols.patterns[c]!;
        let sum = 0;
        for (let ky = 0; ky < kh; ky++) for (let kx = 0; kx < kw; kx++) if (!rowIn[ky] || !colIn[kx]) sum -= b.weff[base + ky * kw + kx]!;
        table[(j * R + r) * C + c] = sum;
      }
    }
  });
  return { table, rowClasses: R, colClasses: C, rowIndex: rows.index, colIndex: cols.index };
}

/** The dims of a 4-D value's type, -1 where unknown (a symbolic batch), undefined unless H and W are known. */
function knownDims(v: Value): number[] | undefined {
  const t = v.type;
  if (t?.kind !== 'tensor' || t.shape?.length !== 4 || t.shape[2]?.value === undefined || t.shape[3]?.value === undefined) return undefined;
  return t.shape.map((d) => d.value ?? -1);
}

/** knownDims of the main graph's values after shape inference; the model's types are put back. */
function inferredDims(model: Model): Map<Value, number[]> {
  const graph = model.graph;
  const values = new Set<Value>(graph.inputs);
  for (const n of graph.nodes) for (const v of n.outputs) values.add(v);
  const saved = [...values].map((v) => [v, v.type] as const);
  const out = new Map<Value, number[]>();
  try {
    inferShapes(model);
    for (const v of values) {
      const d = knownDims(v);
      if (d) out.set(v, d);
    }
  } catch {
    // a graph shape inference rejects: no static sizes
  } finally {
    for (const [v, t] of saved) v.type = t;
  }
  return out;
}

/** The elements of a float tensor as a typed array (float32 without conversion). */
function floatValues(t: Tensor): Float32Array | Float64Array {
  return t.dtype === DataType.FLOAT ? t.toFloat32() : t.toFloat64();
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}
