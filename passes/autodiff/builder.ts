/**
 * The graph builder gradient rules emit through: appends standard ONNX nodes at the end of the
 * graph (after the forward nodes they read), with names under `grad/<forward node>/`, and hides
 * the forms that changed across opsets (ReduceSum axes became an input at 13, ReduceMean/Max at
 * 18, Squeeze/Unsqueeze/Split at 13). appendBackward raises the model to opset >= 17 first (see
 * ./opset.ts), so the builder only distinguishes 17 from 18+.
 *
 * Small constants (scalars, shapes, axes) are Constant nodes, shared per builder by content.
 * Static shapes are known to the rules (shape inference ran first); the builder does not track
 * the shapes of the values it makes.
 */
import { attrInt, attrInts, attrString, attrTensor, type Attribute } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import { Node, type Graph, type Value } from '../../ir/graph.js';
import { numberToBfloat16Bits, numberToFloat16Bits } from '../../ir/half.js';
import { Tensor } from '../../ir/tensor.js';

export class GradBuilder {
  private readonly constants = new Map<string, Value>();
  /** The forward node whose rule is running: names new nodes. */
  scopeName = 'grad';

  constructor(
    readonly graph: Graph,
    readonly opset: number,
  ) {}

  /** Appends `opType(inputs)` with `outputs` outputs; returns them. */
  op(opType: string, inputs: ReadonlyArray<Value | null>, attributes: readonly Attribute[] = [], outputs = 1, domain = ''): Value[] {
    const name = this.graph.freshName(`${this.scopeName}/${opType}`);
    const names = Array.from({ length: outputs }, (_, i) => this.graph.freshName(`${name}_output_${i}`));
    const node = new Node(opType, inputs, names, { name, attributes, domain });
    this.graph.append(node);
    return [...node.outputs];
  }

  op1(opType: string, inputs: ReadonlyArray<Value | null>, attributes: readonly Attribute[] = []): Value {
    return this.op(opType, inputs, attributes)[0]!;
  }

  /** A Constant node holding `tensor`, shared with every other request of equal content. */
  constant(tensor: Tensor): Value {
    const bytes = tensor.bytes();
    let key = `${tensor.dtype}:${tensor.dims.join('x')}:`;
    for (let i = 0; i < bytes.length; i++) key += bytes[i]!.toString(16).padStart(2, '0');
    const cached = this.constants.get(key);
    if (cached) return cached;
    const saved = this.scopeName;
    this.scopeName = 'grad';
    const v = this.op1('Constant', [], [attrTensor('value', tensor)]);
    this.scopeName = saved;
    this.constants.set(key, v);
    return v;
  }

  /** A constant of element type `dtype` (float/double/half) and shape `dims`, every element `value`. */
  filled(value: number, dtype: DataType, dims: readonly number[] = []): Value {
    const n = dims.reduce((a, b) => a * b, 1);
    return this.constant(floatTensor(dtype, dims, new Array<number>(n).fill(value)));
  }

  scalar(value: number, dtype: DataType): Value {
    return this.filled(value, dtype, []);
  }

  ints(values: readonly number[]): Value {
    return this.constant(Tensor.fromInt64([values.length], values));
  }

  add(a: Value, b: Value): Value {
    return this.op1('Add', [a, b]);
  }

  sub(a: Value, b: Value): Value {
    return this.op1('Sub', [a, b]);
  }

  mul(a: Value, b: Value): Value {
    return this.op1('Mul', [a, b]);
  }

  div(a: Value, b: Value): Value {
    return this.op1('Div', [a, b]);
  }

  neg(a: Value): Value {
    return this.op1('Neg', [a]);
  }

  where(cond: Value, a: Value, b: Value): Value {
    return this.op1('Where', [cond, a, b]);
  }

  cast(x: Value, to: DataType): Value {
    return this.op1('Cast', [x], [attrInt('to', to)]);
  }

  reshape(x: Value, dims: readonly number[]): Value {
    return this.op1('Reshape', [x, this.ints(dims)]);
  }

  transpose(x: Value, perm: readonly number[]): Value {
    return this.op1('Transpose', [x], [attrInts('perm', perm)]);
  }

  expand(x: Value, dims: readonly number[]): Value {
    return this.op1('Expand', [x, this.ints(dims)]);
  }

  /** ReduceSum over `axes` (no-op when empty). */
  reduceSum(x: Value, axes: readonly number[], keepdims: boolean): Value {
    if (axes.length === 0) return x;
    return this.op1('ReduceSum', [x, this.ints(axes)], [attrInt('keepdims', keepdims ? 1 : 0)]);
  }

  reduceMean(x: Value, axes: readonly number[], keepdims: boolean): Value {
    if (this.opset >= 18) return this.op1('ReduceMean', [x, this.ints(axes)], [attrInt('keepdims', keepdims ? 1 : 0)]);
    return this.op1('ReduceMean', [x], [attrInts('axes', axes), attrInt('keepdims', keepdims ? 1 : 0)]);
  }

  reduceSumSquare(x: Value, axes: readonly number[], keepdims: boolean): Value {
    if (this.opset >= 18) return this.op1('ReduceSumSquare', [x, this.ints(axes)], [attrInt('keepdims', keepdims ? 1 : 0)]);
    return this.op1('ReduceSumSquare', [x], [attrInts('axes', axes), attrInt('keepdims', keepdims ? 1 : 0)]);
  }

  unsqueeze(x: Value, axes: readonly number[]): Value {
    return this.op1('Unsqueeze', [x, this.ints(axes)]);
  }

  squeeze(x: Value, axes: readonly number[]): Value {
    return this.op1('Squeeze', [x, this.ints(axes)]);
  }

  split(x: Value, axis: number, sizes: readonly number[]): Value[] {
    return this.op('Split', [x, this.ints(sizes)], [attrInt('axis', axis)], sizes.length);
  }

  slice(x: Value, starts: readonly number[], ends: readonly number[], axes: readonly number[], steps?: readonly number[]): Value {
    const inputs = [x, this.ints(starts), this.ints(ends), this.ints(axes)];
    if (steps) inputs.push(this.ints(steps));
    return this.op1('Slice', inputs);
  }

  concat(xs: readonly Value[], axis: number): Value {
    return xs.length === 1 ? xs[0]! : this.op1('Concat', xs, [attrInt('axis', axis)]);
  }

  pad(x: Value, pads: readonly number[]): Value {
    return this.op1('Pad', [x, this.ints(pads)], [attrString('mode', 'constant')]);
  }

  /** Zeros of `dims` without storing them: ConstantOfShape. */
  zeros(dims: readonly number[], dtype: DataType): Value {
    return this.op1('ConstantOfShape', [this.ints(dims)], [attrTensor('value', floatTensor(dtype, [1], [0]))]);
  }

  /** Sums with Add (two) or Sum (more), which broadcast. */
  sum(xs: readonly Value[]): Value {
    if (xs.length === 0) throw new Error('sum of nothing');
    if (xs.length === 1) return xs[0]!;
    if (xs.length === 2) return this.add(xs[0]!, xs[1]!);
    return this.op1('Sum', xs);
  }

  /** Identity with a chosen output name (made unique when taken). */
  named(x: Value, name: string): Value {
    const out = this.graph.freshName(name);
    const node = new Node('Identity', [x], [out], { name: this.graph.freshName(`${name}/Identity`) });
    this.graph.append(node);
    return node.output(0);
  }
}

/** A float tensor of `dtype` (FLOAT, DOUBLE, FLOAT16, BFLOAT16) from numbers. */
export function floatTensor(dtype: DataType, dims: readonly number[], values: readonly number[]): Tensor {
  switch (dtype) {
    case DataType.FLOAT:
      return Tensor.fromFloat32(dims, Float32Array.from(values));
    case DataType.DOUBLE: {
      const a = Float64Array.from(values);
      return Tensor.fromBytes(DataType.DOUBLE, dims, new Uint8Array(a.buffer));
    }
    case DataType.FLOAT16: {
      const out = new Uint16Array(values.length);
      values.forEach((v, i) => (out[i] = numberToFloat16Bits(v)));
      return Tensor.fromBytes(DataType.FLOAT16, dims, new Uint8Array(out.buffer));
    }
    case DataType.BFLOAT16: {
      const out = new Uint16Array(values.length);
      values.forEach((v, i) => (out[i] = numberToBfloat16Bits(v)));
      return Tensor.fromBytes(DataType.BFLOAT16, dims, new Uint8Array(out.buffer));
    }
    default:
      throw new TypeError(`autodiff: constants of element type ${DataType[dtype]} are not supported`);
  }
}
