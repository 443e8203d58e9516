/**
 * Shape inference against ONNX Runtime: every inferred type must be the element type and dims of
 * the tensor ORT actually produces (unknown or symbolic dims may be anything).
 */
import * as path from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { DataType } from '../dtype.js';
import type { Value } from '../graph.js';
import type { Model } from '../model.js';
import { encodeModel, loadModel } from '../serde/index.js';
import { formatType, type TensorType } from '../type.js';
import { CASES, CaseBuilder } from './cases.js';
import { inferShapes } from './index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures');

const ORT_TYPES: Partial<Record<DataType, string>> = {
  [DataType.FLOAT]: 'float32',
  [DataType.DOUBLE]: 'float64',
  [DataType.FLOAT16]: 'float16',
  [DataType.INT64]: 'int64',
  [DataType.INT32]: 'int32',
  [DataType.INT16]: 'int16',
  [DataType.INT8]: 'int8',
  [DataType.UINT8]: 'uint8',
  [DataType.UINT16]: 'uint16',
  [DataType.UINT32]: 'uint32',
  [DataType.UINT64]: 'uint64',
  [DataType.BOOL]: 'bool',
  [DataType.STRING]: 'string',
};

function feedFor(v: Value, seed: number): ort.Tensor {
  const t = v.type as TensorType;
  const dims = t.shape!.map((d) => d.value!);
  const n = dims.reduce((a, b) => a * b, 1);
  let s = seed;
  const next = (): number => ((s = (s * 1103515245 + 12345) % 2147483648), s / 2147483648);
  switch (t.elemType) {
    case DataType.FLOAT:
      return new ort.Tensor('float32', Float32Array.from({ length: n }, () => next() * 2 - 1), dims);
    case DataType.BOOL:
      return new ort.Tensor('bool', Uint8Array.from({ length: n }, () => (next() < 0.5 ? 1 : 0)), dims);
    case DataType.INT64:
      return new ort.Tensor('int64', new BigInt64Array(n), dims);
    default:
      throw new Error(`no feed for ${formatType(t)}`);
  }
}

/** Runs `model` in ORT and returns, per graph output, what differs between its type and the actual tensor. */
async function mismatches(model: Model): Promise<string[]> {
  const session = await ort.InferenceSession.create(encodeModel(model), {
    graphOptimizationLevel: 'disabled',
    // ORT's own (ONNX) shape inference warns where its ceil_mode output disagrees with what its
    // kernel computes; the kernel's dims are what is compared here.
    logSeverityLevel: 3,
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
  });
  try {
    const feeds: Record<string, ort.Tensor> = {};
    model.graph.inputs.forEach((v, i) => (feeds[v.name] = feedFor(v, i + 1)));
    const results = await session.run(feeds);
    const problems: string[] = [];
    for (const v of model.graph.outputs) {
      const actual = results[v.name];
      const t = v.type;
      if (!actual) problems.push(`${v.name}: ORT gave no tensor`);
      else if (t?.kind !== 'tensor' || t.shape === undefined) problems.push(`${v.name}: not inferred (${formatType(t)})`);
      else {
        const sameElem = ORT_TYPES[t.elemType] === actual.type;
        const sameDims = t.shape.length === actual.dims.length && t.shape.every((d, i) => d.value === undefined || d.value === actual.dims[i]);
        if (!sameElem || !sameDims) problems.push(`${v.name}: inferred ${formatType(t)}, ORT ${actual.type}[${actual.dims.join(',')}]`);
      }
    }
    return problems;
  } finally {
    await session.release();
  }
}

describe('hand-built graphs against ONNX Runtime', () => {
  for (const c of CASES) {
    if (c.ort === false) continue;
    it(c.name, async () => {
      const b = new CaseBuilder(c.opset ?? 17);
      c.build(b);
      inferShapes(b.model);
      expect(await mismatches(b.model)).toEqual([]);
    });
  }
});

/** Every node output becomes a graph output, with its type cleared so that inference must find it. */
function exposeAll(model: Model): Value[] {
  const g = model.graph;
  const outputs = new Set(g.outputs);
  const values: Value[] = [];
  for (const node of g.nodes) {
    for (const v of node.outputs) {
      if (v.name === '') continue;
      v.type = undefined;
      values.push(v);
      if (!outputs.has(v)) g.outputs.push(v);
    }
  }
  g.valueInfos = [];
  return values;
}

describe('YOLOv5n against ONNX Runtime', () => {
  for (const file of ['yolov5n_640.onnx', 'yolov5n_640_bn.onnx']) {
    it(`${file}: every intermediate value is inferred with ORT's dims`, async () => {
      const model = loadModel(path.join(FIXTURES, file));
      const values = exposeAll(model);
      const result = inferShapes(model);
      expect(result.unknownOps).toEqual(new Set());
      expect(result.warnings).toEqual([]);
      expect(result.inferred).toBe(values.length);
      const unknown = values.filter((v) => v.type?.kind !== 'tensor' || !v.type.shape || v.type.shape.some((d) => d.value === undefined));
      expect(unknown.map((v) => `${v.name}: ${formatType(v.type)}`)).toEqual([]);
      expect(await mismatches(model)).toEqual([]);
    });
  }
});
