/**
 * fold-bn: folds an inference BatchNormalization into the Conv, ConvTranspose or Gemm feeding it
 * (after onnxscript `rewriter/rules/common/_fuse_batchnorm.py`).
 *
 * Math. The producer computes y = W (*) x + b; the BatchNormalization computes, per channel c,
 *     BN(y)[c] = gamma[c] * (y[c] - mean[c]) / sqrt(var[c] + eps) + beta[c].
 * With s[c] = gamma[c] / sqrt(var[c] + eps) this is the producer with
 *     W'[c] = W[c] * s[c]
 *     b'[c] = (b[c] - mean[c]) * s[c] + beta[c]          (b = 0 when the producer has no bias)
 * Where channel c lives in W:
 *   Conv           W [Cout, Cin/g, k...]: axis 0 (groups change nothing: each filter is one channel).
 *   ConvTranspose  W [Cin, Cout/g, k...]: input channel i is in group i / (Cin/g) and W[i, j] feeds
 *                  output channel (i / (Cin/g)) * (Cout/g) + j. Scaling axis 1 alone (as onnxscript
 *                  does) is right only for g = 1.
 *   Gemm           Y = alpha * A' B' + beta * C, channel = column n of Y [M, N]:
 *                  B [K, N] (transB = 0): axis 1; B [N, K] (transB = 1): axis 0. alpha stays (it
 *                  scales W' as it scaled W); the node's beta is folded into the new C:
 *                  C' = (beta * C - mean) * s + bnBeta, broadcast to [N] (or [R, N] when C has R > 1
 *                  rows), and the node's beta attribute goes back to its default 1.
 * Precision: s, W' and b' are computed in float64 from the stored values and rounded once to the
 * weight's dtype (float32, float64 or float16; float16 rounds through float32, which can differ
 * from a direct rounding by one ulp only on exact ties). BN parameters may be any of float32,
 * float64, float16, bfloat16 (opset 15 lets them differ from X).
 *
 * Aliases: weights, biases and BN parameters are resolved through chains of Identity nodes to an
 * initializer or a Constant node (PyTorch exports deduplicate equal tensors, so many BNs read one
 * gamma/beta/mean/var initializer through Identity nodes).
 * Copy on write: W' and b' are new initializers; the old tensors are never written (they are views
 * of the file and may be shared). An old weight or bias initializer that nothing reads any more is
 * removed and its replacement takes its name (`model.0.conv.weight` stays `model.0.conv.weight`,
 * as in PyTorch's fused export; a new bias is named after the weight, `model.0.conv.bias`); one
 * still read elsewhere stays, and the replacement is `<name>_folded`. Whatever else becomes unused
 * (the BN parameters, their Identity nodes) is left for dce.
 *
 * Refusals (a remark on the BatchNormalization, the graph unchanged for that match, counter
 * `refused`):
 *   - the producer's output has another user or is a graph output: the unnormalised value is
 *     observed elsewhere and would change;
 *   - the weight, after alias resolution, also feeds another node: folding would untie shared
 *     weights (the other node keeps the old tensor, the model grows by a copy, and passes that
 *     rely on the tie, such as pruning, would see two weights);
 *   - a weight, bias or BN parameter is not a constant (or is a graph input, which a caller may
 *     override at run time): there is nothing to compute with;
 *   - the BN is in training mode (training_mode=1; before opset 14, optional outputs present;
 *     before opset 7, is_test unset) or an optional output is used: Y then uses batch statistics;
 *     spatial=0 (opset 7-8): statistics per activation, not per channel;
 *   - channel counts disagree (parameter sizes vs. the producer's output channels, ConvTranspose
 *     Cin not divisible by group, a Gemm bias that does not broadcast to [M, N]);
 *   - the weight dtype is not float32/float64/float16, or the bias dtype differs from it (other
 *     dtypes are quantized or integer: folding a float scale into them is not exact);
 *   - the producer is in an enclosing graph of the BN's (a subgraph reads it);
 *   - a channel's scale gamma / sqrt(var + eps) is not finite (var + eps <= 0, NaN or infinite
 *     statistics): the weights would carry the NaN or infinity.
 * A BatchNormalization not fed by Conv/ConvTranspose/Gemm gets a remark but is not a refusal.
 */
import { AttrType } from '../ir/attribute.js';
import type { Graph, Node, Value } from '../ir/graph.js';
import { DataType, dataTypeName, rawByteLength } from '../ir/dtype.js';
import { float16BitsToNumber, numberToFloat16Bits } from '../ir/half.js';
import { Tensor } from '../ir/tensor.js';
import { definePass, type PassContext } from './pass.js';

type ProducerOp = 'Conv' | 'ConvTranspose' | 'Gemm';
const PRODUCERS: ReadonlySet<string> = new Set<ProducerOp>(['Conv', 'ConvTranspose', 'Gemm']);
const PARAM_NAMES = ['scale', 'B', 'input_mean', 'input_var'] as const;

export const foldBnPass = definePass({
  name: 'fold-bn',
  summary: 'Fold inference BatchNormalization into the preceding Conv, ConvTranspose or Gemm',
  options: {},
  run(model, _options, ctx) {
    let modified = false;
    const visit = (graph: Graph): void => {
      for (const node of graph.nodes) {
        for (const sub of node.subgraphs()) visit(sub);
        if (node.opType !== 'BatchNormalization' || !isOnnxDomain(node)) continue;
        const plan = planFold(node, model.opset);
        if (plan.kind !== 'fold') {
          ctx.remark(node, plan.why);
          if (plan.kind === 'refuse') ctx.count('refused');
          continue;
        }
        applyFold(plan, ctx);
        modified = true;
      }
    };
    visit(model.graph);
    return { modified };
  },
});

export default foldBnPass;

interface FoldPlan {
  readonly kind: 'fold';
  readonly bn: Node;
  readonly producer: Node;
  readonly weight: Tensor;
  readonly bias: Tensor;
  /** Gemm only: the node's beta attribute must be reset to 1 (it was folded into the bias). */
  readonly resetGemmBeta: boolean;
}

type Plan = FoldPlan | { readonly kind: 'skip' | 'refuse'; readonly why: string };

function refuse(why: string): Plan {
  return { kind: 'refuse', why };
}

function isOnnxDomain(node: Node): boolean {
  return node.domain === '' || node.domain === 'ai.onnx';
}

/** Everything is checked and computed here, before the graph is touched. */
function planFold(bn: Node, opset: number): Plan {
  const x = bn.input(0);
  const producer = x?.producer();
  if (!x || !producer || !PRODUCERS.has(producer.opType) || !isOnnxDomain(producer)) {
    const what = producer ? `${producer.describe()}` : x ? `'${x.name}' (not a node output)` : 'nothing';
    return { kind: 'skip', why: `input is ${what}, not Conv, ConvTranspose or Gemm: nothing to fold into` };
  }
  const op = producer.opType as ProducerOp;
  const prod = producer.describe();

  if (producer.graph !== bn.graph) return refuse(`${prod} is in an enclosing graph`);
  if (x.isGraphOutput()) return refuse(`output '${x.name}' of ${prod} is a graph output: it would change`);
  const otherUser = x.uses().find((u) => u.node !== bn || u.index !== 0);
  if (otherUser) return refuse(`output '${x.name}' of ${prod} is also used by ${otherUser.node.describe()}: it would change`);

  // Inference form only.
  const trainingMode = bn.attrInt('training_mode', 0);
  if (trainingMode !== 0) return refuse(`training_mode=${trainingMode}: Y uses batch statistics`);
  if (opset < 7 && bn.attrInt('is_test', 0) === 0) return refuse(`is_test is not set (opset ${opset}): training mode`);
  if (bn.attrInt('spatial', 1) === 0) return refuse('spatial=0: statistics per activation, not per channel');
  for (let i = 1; i < bn.outputs.length; i++) {
    const out = bn.output(i);
    if (out.name === '') continue;
    if (out.useCount > 0 || out.isGraphOutput()) return refuse(`optional output ${i} '${out.name}' is used`);
    if (opset < 14) return refuse(`optional output ${i} '${out.name}' is present: before opset 14 that is training mode`);
  }

  // Constants.
  const params: Float64Array[] = [];
  for (let i = 0; i < 4; i++) {
    const c = resolveConstant(bn.input(i + 1), `${PARAM_NAMES[i]}`);
    if (typeof c === 'string') return refuse(c);
    if (!isReadableFloat(c.tensor.dtype)) return refuse(`${PARAM_NAMES[i]} '${c.name}' is ${dataTypeName(c.tensor.dtype)}, not a float type`);
    if (!hasData(c.tensor)) return refuse(`${PARAM_NAMES[i]} '${c.name}' holds no data`);
    params.push(c.tensor.toFloat64());
  }
  const [gamma, beta, mean, variance] = params as [Float64Array, Float64Array, Float64Array, Float64Array];

  const wIn = producer.input(1);
  const w = resolveConstant(wIn, 'weight');
  if (typeof w === 'string') return refuse(w);
  const weight = w.tensor;
  const dtype = weight.dtype;
  if (dtype !== DataType.FLOAT && dtype !== DataType.DOUBLE && dtype !== DataType.FLOAT16) {
    return refuse(`weight '${w.name}' is ${dataTypeName(dtype)}: only float, double and float16 weights are folded`);
  }
  if (!hasData(weight)) return refuse(`weight '${w.name}' holds no data`);
  const sharer = otherConsumers(w.root, producer)[0];
  if (sharer) return refuse(`weight '${w.name}' is shared with ${sharer.describe()}: folding would untie them`);

  const bIn = producer.input(2);
  let bias: Tensor | undefined;
  if (bIn) {
    const b = resolveConstant(bIn, op === 'Gemm' ? 'C' : 'bias');
    if (typeof b === 'string') return refuse(b);
    if (b.tensor.dtype !== dtype) return refuse(`bias '${b.name}' is ${dataTypeName(b.tensor.dtype)} but the weight is ${dataTypeName(dtype)}`);
    if (!hasData(b.tensor)) return refuse(`bias '${b.name}' holds no data`);
    bias = b.tensor;
  }

  // Where the output channels sit in W (see forEachRun).
  const dims = weight.dims;
  let outer: number;
  let outerPerGroup: number;
  let mid: number;
  let inner: number;
  let channels: number;
  if (op === 'Conv') {
    if (dims.length < 1) return refuse(`weight '${w.name}' is a scalar`);
    outer = 1;
    outerPerGroup = 1;
    mid = channels = dims[0]!;
    inner = product(dims.slice(1));
  } else if (op === 'ConvTranspose') {
    if (dims.length < 2) return refuse(`weight '${w.name}' has rank ${dims.length}, ConvTranspose needs [Cin, Cout/group, ...]`);
    const group = producer.attrInt('group', 1);
    const cin = dims[0]!;
    if (group < 1 || cin % group !== 0) return refuse(`weight '${w.name}' has ${cin} input channels, not divisible by group=${group}`);
    outer = cin;
    outerPerGroup = cin / group;
    mid = dims[1]!;
    channels = group * mid;
    inner = product(dims.slice(2));
  } else {
    if (dims.length !== 2) return refuse(`weight '${w.name}' has rank ${dims.length}, Gemm needs rank 2`);
    if (producer.attrInt('transB', 0) !== 0) {
      outer = 1;
      outerPerGroup = 1;
      mid = channels = dims[0]!;
      inner = dims[1]!;
    } else {
      outer = outerPerGroup = dims[0]!;
      mid = channels = dims[1]!;
      inner = 1;
    }
  }
  for (let i = 0; i < 4; i++) {
    const n = params[i]!.length;
    if (n !== channels) return refuse(`${PARAM_NAMES[i]} has ${n} elements but ${prod} has ${channels} output channels`);
  }

  // Bias layout: element (r, n) of the result reads bias[r * rowStride + n * colStride].
  let rows = 1;
  let rowStride = 0;
  let colStride = 1;
  let biasDims: number[] = [channels];
  if (bias) {
    const bd = bias.dims;
    const last = bd.length === 0 ? 1 : bd[bd.length - 1]!;
    const ok =
      op === 'Gemm'
        ? bd.length <= 2 && (last === 1 || last === channels)
        : bd.length === 1 && last === channels;
    if (!ok) return refuse(`bias has shape [${bd.join(',')}], which does not match ${channels} output channels`);
    colStride = last === 1 ? 0 : 1;
    if (bd.length === 2 && bd[0] !== 1) {
      rows = bd[0]!;
      rowStride = last;
      biasDims = [rows, channels];
    }
  }

  // epsilon is a float32 in the file: an in-memory double means what it will mean once saved.
  const eps = Math.fround(bn.attrFloat('epsilon', 1e-5));
  const scale = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    scale[c] = gamma[c]! / Math.sqrt(variance[c]! + eps);
    // The BatchNormalization itself computes NaN or infinity there; folding would bake it into W.
    if (!Number.isFinite(scale[c]!)) return refuse(`channel ${c}: gamma / sqrt(var + eps) = ${gamma[c]} / sqrt(${variance[c]} + ${eps}) is not finite; the model's statistics are broken`);
  }

  const newWeight = scaleWeight(weight, scale, outer, outerPerGroup, mid, inner);

  const gemmBeta = op === 'Gemm' ? producer.attrFloat('beta', 1) : 1;
  const oldBias = bias ? bias.toFloat64() : undefined;
  const newBias = new Float64Array(rows * channels);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < channels; c++) {
      const b = oldBias ? gemmBeta * oldBias[r * rowStride + c * colStride]! : 0;
      newBias[r * channels + c] = (b - mean[c]!) * scale[c]! + beta[c]!;
    }
  }

  return {
    kind: 'fold',
    bn,
    producer,
    weight: newWeight,
    bias: fromFloat64(dtype, biasDims, newBias),
    resetGemmBeta: op === 'Gemm' && gemmBeta !== 1,
  };
}

function applyFold(plan: FoldPlan, ctx: PassContext): void {
  const { bn, producer } = plan;
  const graph = producer.graph!;
  const wIn = producer.input(1)!;
  const bIn = producer.input(2);
  const wName = wIn.name;
  const bName = bIn ? bIn.name : wName.endsWith('weight') ? `${wName.slice(0, -'weight'.length)}bias` : `${wName}_bias`;

  const newW = graph.addInitializer(plan.weight, `${wName}_folded`);
  const newB = graph.addInitializer(plan.bias, bIn ? `${bName}_folded` : bName);
  producer.replaceInput(1, newW);
  if (producer.inputs.length > 2) producer.replaceInput(2, newB);
  else producer.appendInput(newB);
  takeOverName(graph, wIn, newW);
  if (bIn) takeOverName(graph, bIn, newB);
  if (plan.resetGemmBeta) producer.attributes.delete('beta');

  const y = producer.output(0);
  const bnOut = bn.output(0);
  const wasGraphOutput = bnOut.isGraphOutput();
  const bnName = bnOut.name;
  bnOut.replaceAllUsesWith(y, { includeGraphOutputs: true });
  graph.remove(bn);
  // BN keeps shape and dtype, so its output's type (and value_info entry, in place) describes y.
  y.type = bnOut.type ?? y.type;
  if (wasGraphOutput) {
    y.name = bnName; // a graph output is the model's interface: it keeps its name
    graph.valueInfos = graph.valueInfos.filter((v) => v !== bnOut && v !== y);
  } else {
    const keepY = !graph.valueInfos.includes(y);
    graph.valueInfos = graph.valueInfos.flatMap((v) => (v === bnOut ? (keepY ? [y] : []) : [v]));
  }
  ctx.count('folded');
}

/**
 * When the replaced initializer is read by nobody else any more, it goes and the folded tensor
 * takes its name (`model.0.conv.weight` stays `model.0.conv.weight`, as in PyTorch's fused export).
 */
function takeOverName(graph: Graph, old: Value, replacement: Value): void {
  const name = old.name;
  if (old.isInitializer() && old.graph() === graph && graph.removeInitializer(old)) graph.renameInitializer(replacement, name);
}

interface Constant {
  readonly tensor: Tensor;
  /** The value holding the constant (an initializer or a Constant node's output). */
  readonly root: Value;
  /** The name as the consumer sees it, for messages. */
  readonly name: string;
}

/** Walks Identity chains from `value` to an initializer or a Constant node; a string says why not. */
function resolveConstant(value: Value | undefined, role: string): Constant | string {
  if (!value) return `${role} is absent`;
  let v = value;
  for (let p = v.producer(); p && p.opType === 'Identity' && isOnnxDomain(p); p = v.producer()) {
    const next = p.input(0);
    if (!next) return `${role} '${value.name}' is an Identity of nothing`;
    v = next;
  }
  const via = v === value ? '' : ` (via '${v.name}')`;
  if (v.isGraphInput()) return `${role} '${value.name}'${via} is a graph input: it can change at run time`;
  const p = v.producer();
  if (p) {
    const tensor = p.opType === 'Constant' && isOnnxDomain(p) ? constantNodeTensor(p) : undefined;
    if (tensor) return { tensor, root: v, name: value.name };
    return `${role} '${value.name}'${via} is computed by ${p.describe()}, not a constant`;
  }
  if (v.constValue && v.isInitializer()) return { tensor: v.constValue, root: v, name: value.name };
  return `${role} '${value.name}'${via} is not a constant`;
}

function constantNodeTensor(node: Node): Tensor | undefined {
  const t = node.attrTensor('value');
  if (t) return t;
  const f = node.attrFloat('value_float');
  if (f !== undefined) return Tensor.scalarFloat32(f);
  const fs = node.attr('value_floats');
  if (fs?.type === AttrType.FLOATS) return Tensor.fromFloat32([fs.value.length], Float32Array.from(fs.value));
  return undefined;
}

/** Nodes other than `self` that read `root`, directly or through Identity nodes. */
function otherConsumers(root: Value, self: Node): Node[] {
  const found: Node[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const use of v.uses()) {
      if (use.node.opType === 'Identity' && isOnnxDomain(use.node)) stack.push(use.node.output(0));
      else if (use.node !== self) found.push(use.node);
    }
  }
  return found;
}

function isReadableFloat(dtype: DataType): boolean {
  return dtype === DataType.FLOAT || dtype === DataType.DOUBLE || dtype === DataType.FLOAT16 || dtype === DataType.BFLOAT16;
}

function hasData(t: Tensor): boolean {
  if (t.size === 0) return true;
  return t.storage.kind !== 'none' && t.byteLength >= rawByteLength(t.dtype, t.size);
}

function product(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/**
 * W' as a new tensor of W's dtype. The old bytes are read through a DataView (no copy, no alignment
 * requirement on the file buffer) and each product, computed in float64, is rounded once by the
 * store into the new buffer; the new memory is touched once and nothing is allocated per element.
 */
function scaleWeight(
  weight: Tensor,
  scale: Float64Array,
  outer: number,
  outerPerGroup: number,
  mid: number,
  inner: number,
): Tensor {
  const size = weight.size;
  const src = weight.bytes();
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const runs = (fn: (start: number, end: number, s: number) => void): void =>
    forEachRun(scale, outer, outerPerGroup, mid, inner, fn);
  switch (weight.dtype) {
    case DataType.FLOAT16: {
      const out = new Uint16Array(size);
      runs((start, end, s) => {
        for (let i = start; i < end; i++) out[i] = numberToFloat16Bits(float16BitsToNumber(view.getUint16(2 * i, true)) * s);
      });
      return Tensor.fromBytes(DataType.FLOAT16, weight.dims, new Uint8Array(out.buffer));
    }
    case DataType.DOUBLE: {
      const out = new Float64Array(size);
      runs((start, end, s) => {
        for (let i = start; i < end; i++) out[i] = view.getFloat64(8 * i, true) * s;
      });
      return Tensor.fromBytes(DataType.DOUBLE, weight.dims, new Uint8Array(out.buffer));
    }
    default: {
      const out = new Float32Array(size);
      runs((start, end, s) => {
        for (let i = start; i < end; i++) out[i] = view.getFloat32(4 * i, true) * s;
      });
      return Tensor.fromFloat32(weight.dims, out);
    }
  }
}

/**
 * Calls `fn` for each run of W's elements that share one scale: element ((o * mid) + m) * inner + k
 * belongs to channel floor(o / outerPerGroup) * mid + m.
 */
function forEachRun(
  scale: Float64Array,
  outer: number,
  outerPerGroup: number,
  mid: number,
  inner: number,
  fn: (start: number, end: number, s: number) => void,
): void {
  let i = 0;
  for (let o = 0; o < outer; o++) {
    const base = Math.floor(o / outerPerGroup) * mid;
    for (let m = 0; m < mid; m++, i += inner) fn(i, i + inner, scale[base + m]!);
  }
}

function fromFloat64(dtype: DataType, dims: readonly number[], values: Float64Array): Tensor {
  if (dtype === DataType.DOUBLE) return Tensor.fromBytes(dtype, dims, new Uint8Array(values.buffer));
  if (dtype === DataType.FLOAT16) {
    const bits = Uint16Array.from(values, numberToFloat16Bits);
    return Tensor.fromBytes(dtype, dims, new Uint8Array(bits.buffer));
  }
  return Tensor.fromFloat32(dims, Float32Array.from(values));
}
