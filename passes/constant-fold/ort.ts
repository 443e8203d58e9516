/**
 * Constant folding through ONNX Runtime, for ops without a TypeScript kernel: the node is copied
 * into a one-node model whose inputs are initializers (wrapping the same immutable storage), the
 * model is encoded and run once on the CPU with graph optimizations off, and its outputs are
 * copied into new tensors.
 */
import * as ort from 'onnxruntime-node';
import { DataType } from '../../ir/dtype.js';
import { Graph, Node } from '../../ir/graph.js';
import { Model } from '../../ir/model.js';
import { encodeModel } from '../../ir/serde/index.js';
import { Tensor } from '../../ir/tensor.js';
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
 * Evaluates `node` on constant `inputs` (undefined for absent optional inputs) in ONNX Runtime.
 * Returns one tensor per output (undefined for absent outputs). Throws Refused when an output has
 * more than `limit` elements; any ONNX Runtime failure propagates as its own error.
 */
export async function evaluateWithOrt(
  node: Node,
  inputs: ReadonlyArray<Tensor | undefined>,
  model: Model,
  limit: number,
): Promise<Array<Tensor | undefined>> {
  const graph = new Graph('constant-fold');
  const ins = inputs.map((t, i) => (t ? graph.addInitializer(new Tensor(t.dtype, t.dims, t.storage), `input_${i}`) : null));
  const outNames = node.outputs.map((v, i) => (v.name === '' ? '' : `output_${i}`));
  const copy = new Node(node.opType, ins, outNames, {
    domain: node.domain,
    ...(node.overload !== undefined ? { overload: node.overload } : {}),
    attributes: [...node.attributes.values()],
  });
  graph.append(copy);
  graph.outputs = copy.outputs.filter((v) => v.name !== '');
  const single = new Model(graph, { irVersion: model.irVersion, opsetImports: model.opsetImports });
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
