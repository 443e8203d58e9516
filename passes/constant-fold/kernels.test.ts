/**
 * Every TypeScript kernel against ONNX Runtime: the same one-node model evaluated both ways must
 * give the same dtype, dims and bytes (a stated tolerance only where the kernel's header says it
 * can differ: float pow and float reductions).
 */
import { describe, expect, it } from 'vitest';
import { attrFloat, attrInt, attrInts, attrTensor, type Attribute } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import { Graph, Node, Value } from '../../ir/graph.js';
import { Model } from '../../ir/model.js';
import { Tensor } from '../../ir/tensor.js';
import { randomFloat32 } from '../../test/util/ort.js';
import { KERNELS, SHAPE_KERNELS } from './kernels/index.js';
import { fromTensor, toTensor } from './ndarray.js';
import { evaluateWithOrt } from './ort.js';

const f32 = (dims: number[], v: number[] | Float32Array) => Tensor.fromFloat32(dims, Float32Array.from(v));
const f64 = (dims: number[], v: number[]) => Tensor.fromBytes(DataType.DOUBLE, dims, new Uint8Array(Float64Array.from(v).buffer));
const i64 = (dims: number[], v: Array<number | bigint>) => Tensor.fromInt64(dims, BigInt64Array.from(v, (x) => BigInt(x)));
const i32 = (dims: number[], v: number[]) => Tensor.fromInt32(dims, Int32Array.from(v));
const u8 = (dims: number[], v: number[]) => Tensor.fromBytes(DataType.UINT8, dims, Uint8Array.from(v));
const i8 = (dims: number[], v: number[]) => Tensor.fromBytes(DataType.INT8, dims, new Uint8Array(Int8Array.from(v).buffer));
const bool = (dims: number[], v: number[]) => Tensor.fromBytes(DataType.BOOL, dims, Uint8Array.from(v));
const rand = (dims: number[], seed: number, lo = -3, hi = 3) => f32(dims, randomFloat32(dims.reduce((a, b) => a * b, 1), seed, lo, hi));
const INT64_MAX = 9223372036854775807n;

interface Case {
  op: string;
  inputs: Array<Tensor | null>;
  attrs?: Attribute[];
  opset?: number;
  outputs?: number;
  /** Largest allowed |ts - ort| for float outputs; exact bytes when absent. */
  tolerance?: number;
  name?: string;
}

async function check(c: Case): Promise<void> {
  const opset = c.opset ?? 17;
  const node = new Node(
    c.op,
    c.inputs.map((t, i) => (t ? new Value(`in${i}`) : null)),
    Array.from({ length: c.outputs ?? 1 }, (_, i) => `out${i}`),
    { attributes: c.attrs ?? [] },
  );
  const ctx = { node, opset, limit: 1_000_000 };
  const shapeKernel = SHAPE_KERNELS.get(c.op);
  const ts = shapeKernel
    ? [toTensor(shapeKernel(c.inputs[0]!.dims, ctx))]
    : KERNELS.get(c.op)!(c.inputs.map((t) => (t ? fromTensor(t) : undefined)), ctx).map((r) => ('data' in r ? toTensor(r) : r));
  const model = new Model(new Graph('m'), { opsetImports: [['', opset]] });
  const ort = await evaluateWithOrt(node, c.inputs.map((t) => t ?? undefined), model, 1_000_000);
  expect(ts.length).toBe(ort.length);
  ts.forEach((t, i) => {
    const o = ort[i]!;
    expect(t.dtype, `dtype of output ${i}`).toBe(o.dtype);
    expect(t.dims, `dims of output ${i}`).toEqual(o.dims);
    if (c.tolerance !== undefined) {
      const a = t.toNumbers();
      const b = o.toNumbers();
      a.forEach((x, k) => expect(Math.abs(x - b[k]!), `element ${k}: ${x} vs ${b[k]}`).toBeLessThanOrEqual(c.tolerance! * Math.max(1, Math.abs(b[k]!))));
    } else {
      expect(Buffer.from(t.bytes()).toString('hex'), `bytes of output ${i}`).toBe(Buffer.from(o.bytes()).toString('hex'));
    }
  });
}

function cases(title: string, list: Case[]): void {
  describe(title, () => {
    list.forEach((c, i) => it(c.name ?? `${c.op} #${i + 1}`, () => check(c)));
  });
}

cases('shape ops', [
  { op: 'Shape', inputs: [rand([2, 3, 4], 1)] },
  { op: 'Shape', inputs: [rand([2, 3, 4], 1)], attrs: [attrInt('start', 1)], opset: 15 },
  { op: 'Shape', inputs: [rand([2, 3, 4, 5], 1)], attrs: [attrInt('start', -3), attrInt('end', -1)], opset: 15 },
  { op: 'Shape', inputs: [rand([2, 3], 1)], attrs: [attrInt('start', 5)], opset: 15 },
  { op: 'Size', inputs: [rand([2, 3, 4], 1)] },
  { op: 'Size', inputs: [f32([0, 3], [])] },
]);

cases('constants', [
  { op: 'Constant', inputs: [], attrs: [attrTensor('value', rand([2, 2], 2))] },
  { op: 'Constant', inputs: [], attrs: [attrFloat('value_float', 0.1)] },
  { op: 'Constant', inputs: [], attrs: [{ name: 'value_floats', type: 6, value: [1.5, -2] }] },
  { op: 'Constant', inputs: [], attrs: [attrInt('value_int', -7)] },
  { op: 'Constant', inputs: [], attrs: [attrInts('value_ints', [1, INT64_MAX, -1])] },
  { op: 'ConstantOfShape', inputs: [i64([3], [2, 1, 3])] },
  { op: 'ConstantOfShape', inputs: [i64([2], [2, 2])], attrs: [attrTensor('value', i64([1], [-5]))] },
  { op: 'ConstantOfShape', inputs: [i64([0], [])], attrs: [attrTensor('value', f32([1], [2.5]))] },
]);

cases('gather, concat, slice', [
  { op: 'Gather', inputs: [i64([4], [10, 20, 30, 40]), i64([], [2])] },
  { op: 'Gather', inputs: [rand([3, 4], 3), i64([2, 2], [0, -1, 3, 1])], attrs: [attrInt('axis', 1)] },
  { op: 'Gather', inputs: [rand([3, 4, 2], 4), i32([1], [-3])], attrs: [attrInt('axis', 0)] },
  { op: 'Concat', inputs: [i64([1], [1]), i64([2], [-1, 3]), i64([0], [])], attrs: [attrInt('axis', 0)] },
  { op: 'Concat', inputs: [rand([2, 1, 3], 5), rand([2, 2, 3], 6)], attrs: [attrInt('axis', -2)] },
  { op: 'Slice', inputs: [rand([4, 5], 7), i64([1], [1]), i64([1], [INT64_MAX])] },
  { op: 'Slice', inputs: [rand([4, 5], 7), i64([2], [-1, 4]), i64([2], [-100n, 0]), i64([2], [0, -1]), i64([2], [-2, -3])] },
  { op: 'Slice', inputs: [rand([3, 6, 2], 8), i64([1], [5]), i64([1], [-INT64_MAX]), i64([1], [1]), i64([1], [-1])] },
  { op: 'Slice', inputs: [i64([5], [0, 1, 2, 3, 4]), i64([1], [7]), i64([1], [9])] },
  { op: 'Slice', inputs: [rand([4, 5], 9)], attrs: [attrInts('starts', [1, -2]), attrInts('ends', [3, 1000]), attrInts('axes', [0, 1])], opset: 9 },
]);

cases('reshaping', [
  { op: 'Identity', inputs: [i64([2], [3, 4])] },
  { op: 'Reshape', inputs: [rand([2, 3, 4], 10), i64([3], [0, -1, 2])] },
  { op: 'Reshape', inputs: [rand([2, 3, 4], 10), i64([1], [-1])] },
  { op: 'Reshape', inputs: [f32([0, 3], []), i64([2], [3, 0])], attrs: [attrInt('allowzero', 1)], opset: 14 },
  { op: 'Unsqueeze', inputs: [i64([], [5]), i64([1], [0])] },
  { op: 'Unsqueeze', inputs: [rand([2, 3], 11), i64([2], [-1, 1])] },
  { op: 'Unsqueeze', inputs: [rand([2, 3], 11)], attrs: [attrInts('axes', [0, 3])], opset: 11 },
  { op: 'Squeeze', inputs: [rand([1, 3, 1, 2], 12)] },
  { op: 'Squeeze', inputs: [rand([1, 3, 1, 2], 12), i64([1], [-2])] },
  { op: 'Squeeze', inputs: [rand([1, 3, 1, 2], 12), i64([0], [])] },
  { op: 'Squeeze', inputs: [rand([1, 3, 1], 12)], attrs: [attrInts('axes', [0])], opset: 11 },
  { op: 'Flatten', inputs: [rand([2, 3, 4], 13)] },
  { op: 'Flatten', inputs: [rand([2, 3, 4], 13)], attrs: [attrInt('axis', 0)] },
  { op: 'Flatten', inputs: [rand([2, 3, 4], 13)], attrs: [attrInt('axis', -1)] },
  { op: 'Transpose', inputs: [rand([2, 3, 4], 14)] },
  { op: 'Transpose', inputs: [rand([2, 3, 4, 5], 14)], attrs: [attrInts('perm', [0, 2, 3, 1])] },
  { op: 'Expand', inputs: [rand([3, 1], 15), i64([3], [2, 1, 4])] },
  { op: 'Expand', inputs: [i64([1], [7]), i64([2], [2, 3])] },
  { op: 'Where', inputs: [bool([2, 1], [1, 0]), rand([1, 3], 16), rand([2, 3], 17)] },
  { op: 'Where', inputs: [bool([3], [0, 1, 1]), i64([], [1]), i64([3], [4, 5, 6])] },
]);

cases('cast and range', [
  { op: 'Cast', inputs: [f32([6], [-2.7, -0.5, 0, 0.5, 2.9, 1e9])], attrs: [attrInt('to', DataType.INT32)] },
  { op: 'Cast', inputs: [f32([4], [-2.7, 0, 0.1, Number.NaN])], attrs: [attrInt('to', DataType.BOOL)] },
  { op: 'Cast', inputs: [bool([3], [1, 0, 1])], attrs: [attrInt('to', DataType.FLOAT)] },
  { op: 'Cast', inputs: [i64([4], [-1, 300, 2 ** 40, -(2 ** 33) - 5])], attrs: [attrInt('to', DataType.INT32)] },
  { op: 'Cast', inputs: [i32([3], [-1, 256, 300])], attrs: [attrInt('to', DataType.UINT8)] },
  { op: 'Cast', inputs: [i64([3], [16777217, -3, 2 ** 60])], attrs: [attrInt('to', DataType.FLOAT)] },
  { op: 'Cast', inputs: [f32([4], [1.5, -2.5, 3e9, -7.9])], attrs: [attrInt('to', DataType.INT64)] },
  { op: 'Cast', inputs: [f64([3], [0.1, 1e300, -1e-300])], attrs: [attrInt('to', DataType.FLOAT)] },
  { op: 'Cast', inputs: [rand([8], 18, -70000, 70000)], attrs: [attrInt('to', DataType.FLOAT16)] },
  { op: 'Cast', inputs: [f32([3], [0.1, 65519, 1e-8])], attrs: [attrInt('to', DataType.FLOAT16)] },
  { op: 'Cast', inputs: [u8([3], [0, 200, 255])], attrs: [attrInt('to', DataType.INT8)] },
  { op: 'Range', inputs: [f32([], [0]), f32([], [1]), f32([], [0.1])] },
  { op: 'Range', inputs: [f32([], [-2.5]), f32([], [3.3]), f32([], [0.7])] },
  { op: 'Range', inputs: [i64([], [10]), i64([], [0]), i64([], [-3])] },
  { op: 'Range', inputs: [i32([], [0]), i32([], [5]), i32([], [1])] },
  { op: 'Range', inputs: [i64([], [5]), i64([], [0]), i64([], [1])] },
]);

const a34 = rand([3, 4], 20);
const b4 = rand([4], 21);
cases('arithmetic', [
  { op: 'Add', inputs: [a34, b4] },
  { op: 'Sub', inputs: [rand([2, 1, 3], 22), rand([4, 1], 23)] },
  { op: 'Mul', inputs: [a34, f32([], [0.1])] },
  { op: 'Div', inputs: [a34, rand([3, 1], 24, 0.5, 2)] },
  { op: 'Div', inputs: [f32([3], [1, -1, 0]), f32([3], [0, 0, 0])] },
  { op: 'Add', inputs: [i32([2], [2147483647, -5]), i32([], [1])] },
  { op: 'Mul', inputs: [i32([2], [123456789, -98765]), i32([2], [987654321, 43210])] },
  { op: 'Mul', inputs: [i64([2], [2n ** 40n, -3]), i64([2], [2n ** 30n, 5])] },
  { op: 'Div', inputs: [i64([4], [7, -7, 7, -7]), i64([4], [2, 2, -2, -2])] },
  { op: 'Div', inputs: [i32([2], [-9, 9]), i32([], [4])] },
  { op: 'Sub', inputs: [u8([2], [1, 5]), u8([2], [2, 1])] },
  { op: 'Add', inputs: [f64([2], [0.1, 1e300]), f64([2], [0.2, 1e300])] },
  { op: 'Neg', inputs: [a34] },
  { op: 'Neg', inputs: [i64([2], [5, -9])] },
  { op: 'Abs', inputs: [a34] },
  { op: 'Abs', inputs: [i8([3], [-128, -5, 7])] },
  { op: 'Sqrt', inputs: [rand([10], 25, 0, 100)] },
  { op: 'Reciprocal', inputs: [rand([10], 26, 0.1, 10)] },
  { op: 'Pow', inputs: [a34, f32([], [2])] },
  { op: 'Pow', inputs: [a34, f32([], [3])] },
  { op: 'Pow', inputs: [rand([10], 27, 0, 10), f32([], [0.5])], tolerance: 1.2e-7 },
  { op: 'Pow', inputs: [rand([10], 28, 0, 3), i64([], [2])] },
  { op: 'Min', inputs: [a34, b4, f32([], [0.5])] },
  { op: 'Max', inputs: [a34, b4] },
  { op: 'Max', inputs: [i64([3], [1, -4, 9])] },
  { op: 'Min', inputs: [i64([3], [1, -4, 9]), i64([1], [0])] },
  { op: 'Equal', inputs: [f32([3], [1, 2, Number.NaN]), f32([3], [1, 3, Number.NaN])] },
  { op: 'Equal', inputs: [i64([2, 2], [1, 2, 3, 4]), i64([2], [1, 4])] },
]);

cases('reductions', [
  { op: 'ReduceProd', inputs: [i64([3], [2, 3, 7])], attrs: [attrInt('keepdims', 0)] },
  { op: 'ReduceProd', inputs: [i64([2, 3], [1, 2, 3, 4, 5, 6])], attrs: [attrInts('axes', [1])] },
  { op: 'ReduceProd', inputs: [rand([2, 3], 29)], attrs: [attrInts('axes', [0])], tolerance: 1.2e-7 },
  { op: 'ReduceSum', inputs: [i64([2, 3], [1, 2, 3, 4, 5, 6]), i64([1], [-1])], attrs: [attrInt('keepdims', 0)] },
  { op: 'ReduceSum', inputs: [rand([2, 3, 4], 30)], tolerance: 1.2e-6 },
  { op: 'ReduceSum', inputs: [rand([2, 3, 4], 30), i64([2], [0, 2])], tolerance: 1.2e-6 },
  { op: 'ReduceSum', inputs: [i32([2, 2], [1, 2, 3, 4]), i64([0], [])], attrs: [attrInt('noop_with_empty_axes', 1)] },
  { op: 'ReduceSum', inputs: [i32([2, 2], [1, 2, 3, 4])], attrs: [attrInts('axes', [0])], opset: 11 },
]);
