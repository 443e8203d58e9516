/**
 * FLOPs of a model as YOLOv5 reports them (`model_info`, through thop): multiply-accumulates of the
 * convolution and linear layers, times 2, for one image.
 *
 *   Conv, ConvInteger, QLinearConv   MACs = numel(Y) * (C_in / group) * prod(kernel)       (W: [C_out, C_in/group, k...])
 *   ConvTranspose                    MACs = numel(X) * (C_out / group) * prod(kernel)      (W: [C_in, C_out/group, k...])
 *   Gemm                             MACs = M * N * K                                        (Y: [M, N])
 *   MatMul, MatMulInteger, QLinearMatMul  MACs = numel(Y) * K                               (K: last dim of A)
 *
 * Not counted, as thop does not count them for YOLOv5 (REFERENCE 3 is conv + linear only): bias
 * adds, element-wise ops and activations (Add, Mul, Sigmoid, ...), BatchNormalization, pools,
 * Resize, Concat and the shape ops. YOLOv5's Detect 1x1 convs are ordinary Conv nodes and counted.
 *
 * Shapes come from shape inference. The model's own values are inferred in place and every type is
 * put back before returning (the caller's model is left as it was; a structural copy would cost as
 * much and could not hold If/Loop bodies). 4-D graph inputs are taken as NCHW: `imgsz` sets H and
 * W; a symbolic or unknown batch is 1 and symbolic/unknown H, W are `imgsz` (default 640). When
 * `imgsz` differs from the input's own size, every node output type is cleared first, so nothing
 * stale from the file survives. When shape inference fails at `imgsz` (a static export fixes its
 * Reshape targets at [1,3,85,80,80]; a size that is not a multiple of the stride makes a Concat
 * disagree), the count is made at the model's own size and the convolutions are scaled by the
 * area ratio, as YOLOv5's model_info scales a profile made at stride size (exact when every
 * feature map divides evenly; Gemm/MatMul are not scaled), and `scaledFrom` gives the reason.
 *
 * Only the main graph is counted: nodes inside If/Loop/Scan bodies (which may run any number of
 * times) and model-local functions are not. A counted op whose shapes stay unknown is listed in
 * `unresolved` with 0 FLOPs instead of being guessed.
 */
import { YlcError } from './errors.js';
import type { Graph, Node, Value } from './graph.js';
import type { Model } from './model.js';
import { inferShapes } from './shape-inference/index.js';
import type { Dim, ValueType } from './type.js';

export interface FlopsOptions {
  /** Input image size, square or [h, w]: overrides H and W of 4-D (NCHW) graph inputs. */
  imgsz?: number | [number, number];
}

export interface FlopsResult {
  /** FLOPs (MACs x 2) of the whole model, batch as the input says (1 when symbolic). */
  total: number;
  /** FLOPs of every counted node with known shapes (nodes that count nothing are absent). */
  perNode: Map<Node, number>;
  /** FLOPs by op type. */
  byOp: Record<string, number>;
  /** Counted ops whose shapes could not be inferred (0 FLOPs in the totals). */
  unresolved: Node[];
  /**
   * Set when shapes could not be inferred at `imgsz` (sizes fixed in the graph, such as a static
   * export's Reshape targets, or a size the network cannot take): the figures were counted at the
   * model's own input `size` and the convolutions scaled by area; `reason` is the inference error.
   */
  scaledFrom?: { size: [number, number]; reason: string };
}

export const DEFAULT_IMGSZ = 640;

/** Ops whose FLOPs grow with the image area (scaled when shapes cannot be re-inferred). */
const SPATIAL_OPS = new Set(['Conv', 'ConvInteger', 'QLinearConv', 'ConvTranspose']);

/** MACs of one node from its (inferred) types; null when a shape it needs is unknown. */
type MacRule = (node: Node) => number | null;

const MAC_RULES: Record<string, MacRule> = {
  Conv: (n) => convMacs(n, 1),
  ConvInteger: (n) => convMacs(n, 1),
  QLinearConv: (n) => convMacs(n, 3),
  ConvTranspose: (n) => {
    const x = dims(n.input(0));
    const w = dims(n.input(1));
    if (!x || !w || w.length < 2) return null;
    return numel(x) * w[1]! * numel(w.slice(2));
  },
  Gemm: (n) => {
    const a = dims(n.input(0));
    const y = dims(n.output(0));
    if (!a || a.length !== 2 || !y) return null;
    const k = n.attrInt('transA', 0) ? a[0]! : a[1]!;
    return numel(y) * k;
  },
  MatMul: (n) => matMulMacs(n, 1),
  MatMulInteger: (n) => matMulMacs(n, 1),
  QLinearMatMul: (n) => matMulMacs(n, 3),
};

function convMacs(node: Node, weightIndex: number): number | null {
  const y = dims(node.output(0));
  const w = dims(node.input(weightIndex));
  if (!y || !w || w.length < 2) return null;
  return numel(y) * w[1]! * numel(w.slice(2));
}

function matMulMacs(node: Node, bIndex: number): number | null {
  const a = dims(node.input(0));
  const b = dims(node.input(bIndex));
  const y = dims(node.output(0));
  if (!a || a.length === 0 || !b || !y) return null;
  return numel(y) * a[a.length - 1]!;
}

/** Static dims of a value (initializers from their tensor), or undefined when any is unknown. */
function dims(v: Value | undefined): number[] | undefined {
  if (!v) return undefined;
  if (v.constValue) return [...v.constValue.dims];
  if (v.type?.kind !== 'tensor' || v.type.shape === undefined) return undefined;
  const out: number[] = [];
  for (const d of v.type.shape) {
    if (d.value === undefined) return undefined;
    out.push(d.value);
  }
  return out;
}

function numel(ds: readonly number[]): number {
  return ds.reduce((p, d) => p * d, 1);
}

function checkImgsz(imgsz: FlopsOptions['imgsz']): [number, number] | undefined {
  if (imgsz === undefined) return undefined;
  const hw = typeof imgsz === 'number' ? [imgsz, imgsz] : imgsz;
  if (!Array.isArray(hw) || hw.length !== 2 || !hw.every((d) => Number.isInteger(d) && d > 0)) {
    throw new RangeError(`countFlops: imgsz must be a positive integer or [h, w] of positive integers, got ${JSON.stringify(imgsz)}`);
  }
  return [hw[0]!, hw[1]!];
}

/** Every value of a graph and its subgraphs whose type inference may set. */
function collectValues(graph: Graph, out: Value[]): void {
  out.push(...graph.inputs);
  for (const node of graph.nodes) {
    out.push(...node.outputs);
    for (const g of node.subgraphs()) collectValues(g, out);
  }
}

function inputType(v: Value, imgsz: [number, number] | undefined): ValueType | undefined {
  const t = v.type;
  if (t?.kind !== 'tensor' || t.shape?.length !== 4) return t;
  const [n, c, h, w] = t.shape as [Dim, Dim, Dim, Dim];
  const spatial = (d: Dim, size: number | undefined): Dim => (size !== undefined ? { value: size } : d.value !== undefined ? d : { value: DEFAULT_IMGSZ });
  return { ...t, shape: [n.value !== undefined ? n : { value: 1 }, c, spatial(h, imgsz?.[0]), spatial(w, imgsz?.[1])] };
}

/** H x W of the first 4-D graph input as counted without `imgsz`. */
function nativeSize(graph: Graph): [number, number] | undefined {
  for (const v of graph.inputs) {
    if (v.constValue) continue;
    const t = inputType(v, undefined);
    if (t?.kind === 'tensor' && t.shape?.length === 4) return [t.shape[2]!.value!, t.shape[3]!.value!];
  }
  return undefined;
}

export function countFlops(model: Model, options: FlopsOptions = {}): FlopsResult {
  let imgsz = checkImgsz(options.imgsz);
  const native = nativeSize(model.graph);
  if (imgsz && native && imgsz[0] === native[0] && imgsz[1] === native[1]) imgsz = undefined;
  if (!imgsz) return count(model, undefined);
  try {
    return count(model, imgsz);
  } catch (e) {
    if (!(e instanceof YlcError) || !native) throw e;
    // Sizes fixed in the graph (an export's Reshape to [1,3,85,80,80]) or a size the network cannot
    // take: count at the model's own size and scale the convolutions by area, as model_info does.
    const base = count(model, undefined);
    const factor = (imgsz[0] * imgsz[1]) / (native[0] * native[1]);
    const perNode = new Map<Node, number>();
    const byOp: Record<string, number> = {};
    let total = 0;
    for (const [node, flops] of base.perNode) {
      const scaled = SPATIAL_OPS.has(node.opType) ? flops * factor : flops;
      perNode.set(node, scaled);
      byOp[node.opType] = (byOp[node.opType] ?? 0) + scaled;
      total += scaled;
    }
    return { total, perNode, byOp, unresolved: base.unresolved, scaledFrom: { size: native, reason: e.message } };
  }
}

function count(model: Model, imgsz: [number, number] | undefined): FlopsResult {
  const graph = model.graph;
  const values: Value[] = [];
  collectValues(graph, values);
  const saved = values.map((v) => v.type);
  try {
    if (imgsz) for (const v of values) if (v.producer()) v.type = undefined;
    for (const v of graph.inputs) if (!v.constValue) v.type = inputType(v, imgsz);
    inferShapes(model);
    const perNode = new Map<Node, number>();
    const byOp: Record<string, number> = {};
    const unresolved: Node[] = [];
    let total = 0;
    for (const node of graph.nodes) {
      const rule = node.domain === '' || node.domain === 'ai.onnx' ? MAC_RULES[node.opType] : undefined;
      if (!rule) continue;
      const macs = rule(node);
      if (macs === null) {
        unresolved.push(node);
        continue;
      }
      const flops = 2 * macs;
      perNode.set(node, flops);
      byOp[node.opType] = (byOp[node.opType] ?? 0) + flops;
      total += flops;
    }
    return { total, perNode, byOp, unresolved };
  } finally {
    values.forEach((v, i) => {
      v.type = saved[i];
    });
  }
}
