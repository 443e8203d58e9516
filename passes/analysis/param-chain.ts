/**
 * Constant operands as channel analyses see them: a node input that always holds the same tensor,
 * reached from an initializer or Constant node (the root) through a chain of shape-only or
 * data-preserving nodes. PyTorch exports deduplicate equal tensors through Identity nodes; ylc's
 * own ConvNeXt graphs read LayerNorm weights through Unsqueeze and Linear weights through
 * Transpose. The chain tells which axis of the root an axis of the operand is, so a pass can slice
 * or shift the root instead of the operand and keep the graph's structure (and the state_dict
 * names of its parameters).
 *
 * Chain steps (each node's only data input is the previous value; other inputs must be constants):
 *   Identity, Cast (float types)          dims and axes unchanged
 *   Unsqueeze / Squeeze                   size-1 axes inserted / removed (attribute or constant axes)
 *   Transpose                             axes permuted
 *   Reshape                               only when it inserts or removes size-1 axes (the non-1 dims
 *                                         keep their order), so every non-1 axis is mapped
 * Anything else ends the chain: the operand is then not a constant for these analyses.
 */
import type { Node, Value } from '../../ir/graph.js';
import type { Tensor } from '../../ir/tensor.js';
import { DataType } from '../../ir/dtype.js';
import { constantInts, constantOf } from '../util/constants.js';
import { isOnnxDomain } from '../util/graphs.js';

export type ChainStep =
  | { readonly kind: 'identity'; readonly node: Node }
  | { readonly kind: 'cast'; readonly node: Node; readonly to: DataType }
  /** `map[j]` = the input axis of output axis j, or -1 for an inserted size-1 axis. */
  | { readonly kind: 'reshape-like'; readonly node: Node; readonly map: readonly number[]; readonly dims: readonly number[] }
  | { readonly kind: 'transpose'; readonly node: Node; readonly perm: readonly number[] };

export interface ParamChain {
  /** The value holding the constant: an initializer (not a graph input) or a Constant node's output. */
  readonly root: Value;
  readonly tensor: Tensor;
  /** From the root to the operand, in data-flow order. */
  readonly steps: readonly ChainStep[];
  /** The values along the chain: values[0] = root, values[k] = operand. */
  readonly values: readonly Value[];
  /** Dims of each value along the chain (dims[0] = the root's). */
  readonly dims: ReadonlyArray<readonly number[]>;
  /** Root axis of each operand axis (-1: a size-1 axis the chain inserted). */
  readonly axisMap: readonly number[];
}

const FLOAT_TYPES: ReadonlySet<DataType> = new Set([DataType.FLOAT, DataType.DOUBLE, DataType.FLOAT16, DataType.BFLOAT16]);
const MAX_STEPS = 64;

/** The constant behind `operand`, or undefined when it is not one (see the file header). */
export function resolveParam(operand: Value | undefined | null, opset: number): ParamChain | undefined {
  if (!operand) return undefined;
  const back: Array<{ value: Value; node: Node }> = [];
  let v: Value = operand;
  for (let hops = 0; hops < MAX_STEPS; hops++) {
    const direct = constantOf(v);
    if (direct) return build(v, direct, back.reverse(), opset);
    const p = v.producer();
    if (!p || !p.graph || !isOnnxDomain(p.domain) || !CHAIN_OPS.has(p.opType)) return undefined;
    const next = p.input(0);
    if (!next) return undefined;
    back.push({ value: v, node: p });
    v = next;
  }
  return undefined;
}

const CHAIN_OPS: ReadonlySet<string> = new Set(['Identity', 'Cast', 'Unsqueeze', 'Squeeze', 'Transpose', 'Reshape']);

function build(root: Value, tensor: Tensor, links: Array<{ value: Value; node: Node }>, opset: number): ParamChain | undefined {
  const steps: ChainStep[] = [];
  const values: Value[] = [root];
  const dims: Array<readonly number[]> = [[...tensor.dims]];
  let axisMap: number[] = tensor.dims.map((_, i) => i);
  let cur: readonly number[] = tensor.dims;
  for (const { value, node } of links) {
    const step = chainStep(node, cur, opset);
    if (!step) return undefined;
    steps.push(step);
    values.push(value);
    if (step.kind === 'reshape-like') {
      cur = step.dims;
      axisMap = step.map.map((j) => (j < 0 ? -1 : axisMap[j]!));
    } else if (step.kind === 'transpose') {
      cur = step.perm.map((p) => cur[p]!);
      axisMap = step.perm.map((p) => axisMap[p]!);
    }
    dims.push(cur);
  }
  return { root, tensor, steps, values, dims, axisMap };
}

function chainStep(node: Node, dims: readonly number[], opset: number): ChainStep | undefined {
  const rank = dims.length;
  switch (node.opType) {
    case 'Identity':
      return { kind: 'identity', node };
    case 'Cast': {
      const to = node.attrInt('to', 0) as DataType;
      return FLOAT_TYPES.has(to) ? { kind: 'cast', node, to } : undefined;
    }
    case 'Transpose': {
      const perm = node.attrInts('perm') ?? dims.map((_, i) => rank - 1 - i);
      if (perm.length !== rank || new Set(perm).size !== rank || perm.some((p) => p < 0 || p >= rank)) return undefined;
      return { kind: 'transpose', node, perm };
    }
    case 'Unsqueeze': {
      const axes = opset >= 13 ? constantInts(node.input(1)) : node.attrInts('axes');
      if (!axes) return undefined;
      const outRank = rank + axes.length;
      const norm = new Set(axes.map((a) => (a < 0 ? a + outRank : a)));
      if (norm.size !== axes.length || [...norm].some((a) => a < 0 || a >= outRank)) return undefined;
      const map: number[] = [];
      const out: number[] = [];
      let j = 0;
      for (let k = 0; k < outRank; k++) {
        if (norm.has(k)) {
          map.push(-1);
          out.push(1);
        } else {
          map.push(j);
          out.push(dims[j++]!);
        }
      }
      return { kind: 'reshape-like', node, map, dims: out };
    }
    case 'Squeeze': {
      const given = opset >= 13 ? (node.input(1) ? constantInts(node.input(1)) : []) : (node.attrInts('axes') ?? []);
      if (!given) return undefined;
      const axes = given.length ? new Set(given.map((a) => (a < 0 ? a + rank : a))) : new Set(dims.flatMap((d, i) => (d === 1 ? [i] : [])));
      if ([...axes].some((a) => a < 0 || a >= rank || dims[a] !== 1)) return undefined;
      const map: number[] = [];
      const out: number[] = [];
      dims.forEach((d, i) => {
        if (!axes.has(i)) {
          map.push(i);
          out.push(d);
        }
      });
      return { kind: 'reshape-like', node, map, dims: out };
    }
    case 'Reshape': {
      const shape = constantInts(node.input(1));
      if (!shape || node.attrInt('allowzero', 0) !== 0) return undefined;
      const total = dims.reduce((n, d) => n * d, 1);
      const out = shape.map((s, i) => (s === 0 ? (dims[i] ?? -2) : s));
      const known = out.filter((s) => s !== -1).reduce((n, d) => n * d, 1);
      const minus = out.filter((s) => s === -1).length;
      if (out.some((s) => s < -1) || minus > 1) return undefined;
      if (minus === 1) {
        if (known === 0 || total % known !== 0) return undefined;
        out[out.indexOf(-1)] = total / known;
      } else if (known !== total) return undefined;
      // Only insertions/removals of size-1 axes: the non-1 dims must match in order.
      const inNon1 = dims.flatMap((d, i) => (d !== 1 ? [i] : []));
      const outNon1 = out.flatMap((d, i) => (d !== 1 ? [i] : []));
      if (inNon1.length !== outNon1.length || inNon1.some((i, k) => dims[i] !== out[outNon1[k]!])) return undefined;
      const map = out.map(() => -1);
      outNon1.forEach((o, k) => (map[o] = inNon1[k]!));
      return { kind: 'reshape-like', node, map, dims: out };
    }
    default:
      return undefined;
  }
}

/**
 * Whether a constant operand varies only along operand axis `axis` (every other axis has size 1):
 * then the root's values, in order, are its per-channel values.
 */
export function isPerChannel(chain: ParamChain, axis: number): boolean {
  const dims = chain.dims[chain.dims.length - 1]!;
  return dims.every((d, i) => i === axis || d === 1);
}
