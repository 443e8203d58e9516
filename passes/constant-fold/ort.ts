/**
 * Constant folding through ONNX Runtime, for ops without a TypeScript kernel: the node is copied
 * into a one-node model whose inputs are initializers (wrapping the same immutable storage), the
 * model is encoded and run once on the CPU with graph optimizations off, and its outputs are
 * copied into new tensors.
 *
 * The size of every output is known before anything runs: shape inference on the one-node model
 * (which reads the small integer inputs: Tile repeats, Expand shapes, Range bounds...) gives its
 * dims, and a node whose outputs are over the limit, or whose output dims inference cannot tell
 * (no rule for the op, data-dependent sizes such as NonZero), is refused without running. A Tile
 * by 10^9 would otherwise be materialized by ONNX Runtime before its size could be checked.
 */
import * as ort from 'onnxruntime-node';
import { DataType } from '../../ir/dtype.js';
import { Graph, Node, type Value } from '../../ir/graph.js';
import { Model } from '../../ir/model.js';
import { encodeModel } from '../../ir/serde/index.js';
import { inferShapes } from '../../ir/shape-inference/index.js';
import { Tensor } from '../../ir/tensor.js';
import { staticDims } from '../../ir/type.js';
import { Refused } from './ndarray.js';

const ORT_TYPES: Readonly<Record<string, DataType>> = {
  float32: DataType.FLOAT,
  float64: DataType.DOUBLE,
  float16: DataType.FLOAT16,
  int8: DataType.INT8,
  uint8: DataType.UINT8,
  int16: DataType.INT16,
  uint16: DataType.UINT16,
  int32: DataType.INT32,
  uint32: DataType.UINT32,
  int64: DataType.INT64,
  uint64: DataType.UINT64,
  bool: DataType.BOOL,
  string: DataType.STRING,
};

function toIrTensor(t: ort.Tensor, what: string): Tensor {
  const dtype = ORT_TYPES[t.type];
  if (dtype === undefined) throw new Refused(`ONNX Runtime returned ${what} of type ${t.type}, which ylc cannot store`);
  const dims = t.dims.map(Number);
  if (dtype === DataType.STRING) {
    const enc = new TextEncoder();
    return new Tensor(dtype, dims, { kind: 'stringData', values: (t.data as string[]).map((s) => enc.encode(s)) });
  }
  const data = t.data as ArrayBufferView;
  const bytes = new Uint8Array(data.byteLength);
  bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return Tensor.fromBytes(dtype, dims, bytes);
}

/**
 * Refuses (throws Refused) unless shape inference gives every output of `copy`, the node of the
 * one-node `model`, known dims with at most `limit` elements.
 */
function checkOutputSizes(model: Model, copy: Node, limit: number): void {
  try {
    inferShapes(model);
  } catch (e) {
    const text = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();
    const prefix = `${copy.describe()}: `;
    throw new Refused(`shape inference rejects it: ${text.startsWith(prefix) ? text.slice(prefix.length) : text}`);
  }
  for (const v of copy.outputs) {
    if (v.name === '') continue;
    const dims = staticDims(v.type);
    if (!dims || dims.some((d) => d === null)) {
      throw new Refused(`the size of output '${v.name}' is not known before evaluating it`);
    }
    const size = (dims as number[]).reduce((n, d) => n * d, 1);
    if (size > limit) throw new Refused(`output '${v.name}' would have ${size} elements, over the size limit of ${limit}`);
  }
}

/**
 * Evaluates `node` on constant `inputs` (undefined for absent optional inputs) in ONNX Runtime.
 * Returns one tensor per output (undefined for absent outputs). Throws Refused, before running
 * anything, when an output would have more than `limit` elements or its size cannot be inferred;
 * any ONNX Runtime failure propagates as its own error.
 */
export async function evaluateWithOrt(
  node: Node,
  inputs: ReadonlyArray<Tensor | undefined>,
  model: Model,
  limit: number,
): Promise<Array<Tensor | undefined>> {
  // The copy keeps the node's name and its values' names, so that messages about it read as
  // messages about the node. A value read twice becomes one initializer.
  const graph = new Graph('constant-fold');
  const copies = new Map<Value, Value>();
  const ins = inputs.map((t, i) => {
    if (!t) return null;
    const v = node.input(i);
    const seen = v && copies.get(v);
    if (seen) return seen;
    const init = graph.addInitializer(new Tensor(t.dtype, t.dims, t.storage), v?.name || `input_${i}`);
    if (v) copies.set(v, init);
    return init;
  });
  const outNames = node.outputs.map((v) => v.name);
  const copy = new Node(node.opType, ins, outNames, {
    name: node.name,
    domain: node.domain,
    ...(node.overload !== undefined ? { overload: node.overload } : {}),
    attributes: [...node.attributes.values()],
  });
  graph.append(copy);
  graph.outputs = copy.outputs.filter((v) => v.name !== '');
  const single = new Model(graph, { irVersion: model.irVersion, opsetImports: model.opsetImports });
  checkOutputSizes(single, copy, limit);
  const session = await ort.InferenceSession.create(encodeModel(single), {
    graphOptimizationLevel: 'disabled',
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
  });
  try {
    const results = await session.run({});
    return outNames.map((name, i) => {
      if (name === '') return undefined;
      const r = results[name];
      if (!r) throw new Refused(`ONNX Runtime returned no value for output ${i}`);
      const size = r.dims.reduce((n, d) => n * Number(d), 1);
      if (size > limit) throw new Refused(`output '${node.outputs[i]!.name}' has ${size} elements, over the size limit of ${limit}`);
      return toIrTensor(r, `output ${i}`);
    });
  } finally {
    await session.release();
  }
}
