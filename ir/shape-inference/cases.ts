/**
 * Hand-built graphs, one or more per shape rule, with the types inference must give. The unit
 * tests check the expectations; the ONNX Runtime tests run every case with `ort: true` and compare
 * each inferred shape with the dims of the tensor ORT actually produces.
 */
import { AttrType, attrFloat, attrFloats, attrInt, attrInts, attrString, attrTensor, type Attribute } from '../attribute.js';
import { DataType } from '../dtype.js';
import { Graph, Node, Value } from '../graph.js';
import { Model } from '../model.js';
import { Tensor } from '../tensor.js';
import { tensorType } from '../type.js';

export class CaseBuilder {
  readonly graph = new Graph('case');
  readonly model: Model;

  constructor(opset: number) {
    this.model = new Model(this.graph, { irVersion: opset >= 21 ? 10n : 8n, opsetImports: [['', opset]] });
  }

  input(name: string, dtype: DataType, shape: ReadonlyArray<number | string | null>): Value {
    return this.graph.addInput(new Value(name, tensorType(dtype, shape)));
  }

  ints(name: string, values: ReadonlyArray<number | bigint>, dims: readonly number[] = [values.length]): Value {
    return this.graph.addInitializer(Tensor.fromInt64(dims, BigInt64Array.from(values, (v) => BigInt(v))), name);
  }

  floats(name: string, dims: readonly number[], values?: readonly number[]): Value {
    const n = dims.reduce((a, b) => a * b, 1);
    const data = values ? Float32Array.from(values) : Float32Array.from({ length: n }, (_, i) => ((i * 7919) % 13) / 13 - 0.4);
    return this.graph.addInitializer(Tensor.fromFloat32(dims, data), name);
  }

  tensor(name: string, tensor: Tensor): Value {
    return this.graph.addInitializer(tensor, name);
  }

  /** Appends a node; `outputs` are its output names ('' for an absent optional output). */
  op(opType: string, inputs: ReadonlyArray<Value | null>, outputs: string | readonly string[], attributes: Attribute[] = []): Value[] {
    const names = typeof outputs === 'string' ? [outputs] : outputs;
    const node = this.graph.append(new Node(opType, inputs, names, { name: names[0] || opType, attributes }));
    for (const v of node.outputs) if (v.name !== '') this.graph.outputs.push(v);
    return [...node.outputs];
  }

  one(opType: string, inputs: ReadonlyArray<Value | null>, output: string, attributes: Attribute[] = []): Value {
    return this.op(opType, inputs, output, attributes)[0]!;
  }
}

export interface ShapeCase {
  name: string;
  opset?: number;
  build(b: CaseBuilder): void;
  /** Output name -> formatType() of its inferred type. */
  expect: Record<string, string>;
  /** Run in ONNX Runtime and compare (default true). */
  ort?: boolean;
}

const F = DataType.FLOAT;
const B = DataType.BOOL;

export const CASES: ShapeCase[] = [
  // Conv / ConvTranspose
  {
    name: 'Conv with pads',
    build: (b) => b.one('Conv', [b.input('x', F, [1, 3, 8, 8]), b.floats('w', [16, 3, 3, 3]), b.floats('bias', [16])], 'y', [attrInts('pads', [1, 1, 1, 1])]),
    expect: { y: 'float[1,16,8,8]' },
  },
  {
    name: 'Conv with strides, dilations, groups and asymmetric pads',
    build: (b) =>
      b.one('Conv', [b.input('x', F, [1, 4, 10, 9]), b.floats('w', [6, 2, 3, 3])], 'y', [
        attrInt('group', 2),
        attrInts('strides', [2, 2]),
        attrInts('dilations', [2, 1]),
        attrInts('pads', [0, 1, 0, 1]),
      ]),
    expect: { y: 'float[1,6,3,5]' },
  },
  {
    name: 'Conv auto_pad SAME_UPPER, SAME_LOWER and VALID',
    build: (b) => {
      const x = b.input('x', F, [1, 2, 7, 6]);
      const w = b.floats('w', [4, 2, 3, 2]);
      b.one('Conv', [x, w], 'upper', [attrString('auto_pad', 'SAME_UPPER'), attrInts('strides', [2, 2])]);
      b.one('Conv', [x, w], 'lower', [attrString('auto_pad', 'SAME_LOWER'), attrInts('strides', [2, 3])]);
      b.one('Conv', [x, w], 'valid', [attrString('auto_pad', 'VALID'), attrInts('strides', [2, 2])]);
    },
    expect: { upper: 'float[1,4,4,3]', lower: 'float[1,4,4,2]', valid: 'float[1,4,3,3]' },
  },
  {
    name: 'Conv 1-D with kernel_shape',
    build: (b) => b.one('Conv', [b.input('x', F, [2, 3, 10]), b.floats('w', [5, 3, 4])], 'y', [attrInts('kernel_shape', [4]), attrInts('strides', [3])]),
    expect: { y: 'float[2,5,3]' },
  },
  {
    name: 'Conv keeps a symbolic batch',
    build: (b) => b.one('Conv', [b.input('x', F, ['N', 3, 8, 8]), b.floats('w', [16, 3, 3, 3])], 'y'),
    expect: { y: 'float[N,16,6,6]' },
    ort: false,
  },
  {
    name: 'ConvTranspose with strides, pads, output_padding and groups',
    build: (b) => {
      const x = b.input('x', F, [1, 4, 5, 5]);
      b.one('ConvTranspose', [x, b.floats('w', [4, 3, 3, 3])], 'y', [attrInts('strides', [2, 2]), attrInts('pads', [1, 1, 1, 1]), attrInts('output_padding', [1, 1])]);
      b.one('ConvTranspose', [x, b.floats('wg', [4, 2, 3, 3])], 'grouped', [attrInt('group', 2)]);
    },
    expect: { y: 'float[1,3,10,10]', grouped: 'float[1,4,7,7]' },
  },
  {
    name: 'ConvTranspose with output_shape, auto_pad SAME_UPPER and dilations',
    build: (b) => {
      const x = b.input('x', F, [1, 2, 3, 3]);
      b.one('ConvTranspose', [x, b.floats('w', [2, 3, 3, 3])], 'shaped', [attrInts('strides', [3, 3]), attrInts('output_shape', [8, 8])]);
      b.one('ConvTranspose', [x, b.floats('w2', [2, 1, 3, 3])], 'same', [attrInts('strides', [2, 2]), attrString('auto_pad', 'SAME_UPPER')]);
      b.one('ConvTranspose', [x, b.floats('w3', [2, 1, 2, 2])], 'dilated', [attrInts('dilations', [2, 2])]);
    },
    expect: { shaped: 'float[1,3,8,8]', same: 'float[1,1,6,6]', dilated: 'float[1,1,5,5]' },
  },
  // Pooling
  {
    // For 'edge' ONNX's shape inference says 3x3; ONNX Runtime's kernel (and the spec's "the last
    // window must start inside the input" rule) gives 2x2.
    name: 'MaxPool ceil_mode with Indices, and a last window that would start in the padding',
    build: (b) => {
      b.op('MaxPool', [b.input('x', F, [1, 1, 5, 5])], ['y', 'indices'], [attrInts('kernel_shape', [2, 2]), attrInts('strides', [2, 2]), attrInt('ceil_mode', 1)]);
      b.one('MaxPool', [b.input('x2', F, [1, 1, 3, 3])], 'edge', [attrInts('kernel_shape', [2, 2]), attrInts('strides', [2, 2]), attrInts('pads', [1, 1, 1, 1]), attrInt('ceil_mode', 1)]);
    },
    expect: { y: 'float[1,1,3,3]', indices: 'int64[1,1,3,3]', edge: 'float[1,1,2,2]' },
  },
  {
    name: 'MaxPool dilations and SAME_UPPER, AveragePool pads, global pools',
    build: (b) => {
      const x = b.input('x', F, [1, 2, 8, 7]);
      b.one('MaxPool', [x], 'dilated', [attrInts('kernel_shape', [2, 2]), attrInts('dilations', [2, 2])]);
      b.one('MaxPool', [x], 'same', [attrInts('kernel_shape', [3, 3]), attrInts('strides', [2, 2]), attrString('auto_pad', 'SAME_UPPER')]);
      b.one('AveragePool', [x], 'avg', [attrInts('kernel_shape', [3, 3]), attrInts('strides', [2, 2]), attrInts('pads', [1, 1, 1, 1])]);
      b.one('AveragePool', [x], 'avgceil', [attrInts('kernel_shape', [3, 2]), attrInts('strides', [2, 2]), attrInt('ceil_mode', 1)]);
      b.one('GlobalAveragePool', [x], 'gap');
      b.one('GlobalMaxPool', [x], 'gmp');
    },
    expect: {
      dilated: 'float[1,2,6,5]',
      same: 'float[1,2,4,4]',
      avg: 'float[1,2,4,4]',
      avgceil: 'float[1,2,4,4]',
      gap: 'float[1,2,1,1]',
      gmp: 'float[1,2,1,1]',
    },
  },
  // Normalization
  {
    name: 'BatchNormalization inference',
    build: (b) => {
      const p = (n: string): Value => b.floats(n, [4], [1, 2, 3, 4]);
      b.one('BatchNormalization', [b.input('x', F, [2, 4, 3, 3]), p('s'), p('bb'), p('m'), p('v')], 'y');
    },
    expect: { y: 'float[2,4,3,3]' },
  },
  {
    name: 'BatchNormalization training mode outputs (opset 15)',
    opset: 15,
    build: (b) => {
      const p = (n: string): Value => b.floats(n, [4], [1, 2, 3, 4]);
      b.op('BatchNormalization', [b.input('x', F, [2, 4, 3, 3]), p('s'), p('bb'), p('m'), p('v')], ['y', 'rm', 'rv'], [attrInt('training_mode', 1)]);
    },
    expect: { y: 'float[2,4,3,3]', rm: 'float[4]', rv: 'float[4]' },
    ort: false, // ORT's CPU build has no training-mode BatchNormalization
  },
  {
    name: 'LayerNormalization with Mean and InvStdDev',
    build: (b) => {
      const x = b.input('x', F, [2, 3, 4]);
      b.op('LayerNormalization', [x, b.floats('g', [4]), b.floats('beta', [4])], ['y', 'mean', 'istd']);
      b.op('LayerNormalization', [x, b.floats('g2', [3, 4])], ['y2', 'mean2', ''], [attrInt('axis', 1)]);
    },
    expect: { y: 'float[2,3,4]', mean: 'float[2,3,1]', istd: 'float[2,3,1]', y2: 'float[2,3,4]', mean2: 'float[2,1,1]' },
  },
  {
    name: 'Dropout mask, InstanceNormalization',
    build: (b) => {
      const x = b.input('x', F, [2, 3, 4]);
      b.op('Dropout', [x], ['d', 'mask']);
      b.one('InstanceNormalization', [x, b.floats('s', [3]), b.floats('bb', [3])], 'inorm');
    },
    expect: { d: 'float[2,3,4]', mask: 'bool[2,3,4]', inorm: 'float[2,3,4]' },
  },
  // Element-wise
  {
    name: 'activations keep the input type',
    opset: 20,
    build: (b) => {
      const x = b.input('x', F, [2, 3]);
      for (const op of ['Relu', 'LeakyRelu', 'Sigmoid', 'Tanh', 'HardSigmoid', 'HardSwish', 'Softplus', 'Elu', 'Gelu', 'Mish', 'Erf', 'Exp', 'Sqrt', 'Neg', 'Abs', 'Reciprocal', 'Floor', 'Ceil', 'Round', 'Sign', 'Softmax', 'LogSoftmax', 'Clip', 'Log']) {
        b.one(op, [x], op.toLowerCase());
      }
      b.one('IsNaN', [x], 'isnan');
      b.one('Not', [b.input('bx', B, [3])], 'not');
      b.one('PRelu', [x, b.floats('slope', [3])], 'prelu');
    },
    expect: {
      relu: 'float[2,3]', leakyrelu: 'float[2,3]', sigmoid: 'float[2,3]', tanh: 'float[2,3]', hardsigmoid: 'float[2,3]',
      hardswish: 'float[2,3]', softplus: 'float[2,3]', elu: 'float[2,3]', gelu: 'float[2,3]', mish: 'float[2,3]', erf: 'float[2,3]',
      exp: 'float[2,3]', sqrt: 'float[2,3]', neg: 'float[2,3]', abs: 'float[2,3]', reciprocal: 'float[2,3]', floor: 'float[2,3]',
      ceil: 'float[2,3]', round: 'float[2,3]', sign: 'float[2,3]', softmax: 'float[2,3]', logsoftmax: 'float[2,3]', clip: 'float[2,3]',
      log: 'float[2,3]', isnan: 'bool[2,3]', not: 'bool[3]', prelu: 'float[2,3]',
    },
  },
  {
    name: 'multidirectional broadcasting, comparisons give bool, Where takes X type',
    build: (b) => {
      const x = b.input('x', F, [2, 1, 4]);
      const y = b.input('y', F, [3, 1]);
      b.one('Add', [x, y], 'add');
      b.one('Mul', [y, x], 'mul');
      b.one('Sub', [x, b.floats('one', [])], 'sub');
      b.one('Div', [x, y], 'div');
      b.one('Pow', [x, b.ints('e', [2], [])], 'pow');
      b.one('Max', [x, y, b.floats('m', [4])], 'max');
      b.one('Min', [x], 'min');
      b.one('Sum', [x, y], 'sum');
      b.one('Mean', [y, x], 'mean');
      b.one('Equal', [x, y], 'eq');
      b.one('Less', [x, y], 'lt');
      b.one('Greater', [x, y], 'gt');
      const c = b.input('c', B, [3, 1]);
      b.one('And', [c, b.input('d', B, [1, 5])], 'and');
      b.one('Or', [c, c], 'or');
      b.one('Where', [c, x, b.floats('z', [])], 'where');
    },
    expect: {
      add: 'float[2,3,4]', mul: 'float[2,3,4]', sub: 'float[2,1,4]', div: 'float[2,3,4]', pow: 'float[2,1,4]', max: 'float[2,3,4]',
      min: 'float[2,1,4]', sum: 'float[2,3,4]', mean: 'float[2,3,4]', eq: 'bool[2,3,4]', lt: 'bool[2,3,4]', gt: 'bool[2,3,4]',
      and: 'bool[3,5]', or: 'bool[3,1]', where: 'float[2,3,4]',
    },
  },
  {
    name: 'broadcasting symbolic dims',
    build: (b) => {
      b.one('Add', [b.input('x', F, ['N', 1, 4]), b.input('y', F, ['N', 3, 1])], 'same');
      b.one('Add', [b.input('p', F, ['A', 4]), b.input('q', F, [1, 4])], 'one');
      b.one('Add', [b.input('r', F, ['A', 4]), b.input('s', F, ['B', 4])], 'two');
      b.one('Add', [b.input('t', F, ['A', 4]), b.input('u', F, [5, 4])], 'known');
    },
    expect: { same: 'float[N,3,4]', one: 'float[A,4]', two: 'float[?,4]', known: 'float[5,4]' },
    ort: false,
  },
  // Concat / Split / Slice
  {
    name: 'Concat along positive and negative axes',
    build: (b) => {
      b.one('Concat', [b.input('x', F, [1, 2, 4]), b.input('y', F, [1, 3, 4])], 'c1', [attrInt('axis', 1)]);
      b.one('Concat', [b.input('p', F, [2, 2]), b.input('q', F, [2, 5]), b.input('r', F, [2, 1])], 'c2', [attrInt('axis', -1)]);
    },
    expect: { c1: 'float[1,5,4]', c2: 'float[2,8]' },
  },
  {
    name: 'Split with the split attribute (opset 12)',
    opset: 12,
    build: (b) => {
      const x = b.input('x', F, [2, 6]);
      b.op('Split', [x], ['s1', 's2'], [attrInt('axis', 1), attrInts('split', [1, 5])]);
      b.op('Split', [x], ['e1', 'e2', 'e3'], [attrInt('axis', -1)]);
    },
    expect: { s1: 'float[2,1]', s2: 'float[2,5]', e1: 'float[2,2]', e2: 'float[2,2]', e3: 'float[2,2]' },
  },
  {
    name: 'Split with the split input (opset 13) and num_outputs (opset 18)',
    opset: 18,
    build: (b) => {
      const x = b.input('x', F, [7, 2]);
      b.op('Split', [x, b.ints('sizes', [2, 5])], ['s1', 's2']);
      b.op('Split', [x], ['n1', 'n2', 'n3'], [attrInt('num_outputs', 3)]);
    },
    expect: { s1: 'float[2,2]', s2: 'float[5,2]', n1: 'float[3,2]', n2: 'float[3,2]', n3: 'float[1,2]' },
  },
  {
    name: 'Slice with attributes (opset 9)',
    opset: 9,
    build: (b) => b.one('Slice', [b.input('x', F, [5, 6])], 'y', [attrInts('starts', [1, 0]), attrInts('ends', [4, 100]), attrInts('axes', [0, 1])]),
    expect: { y: 'float[3,6]' },
  },
  {
    name: 'Slice with inputs: negative steps, clamping, default axes',
    build: (b) => {
      const x = b.input('x', F, [5, 6, 7]);
      b.one('Slice', [x, b.ints('st', [-1]), b.ints('en', [-10000]), b.ints('ax', [1]), b.ints('sp', [-2])], 'rev');
      b.one('Slice', [x, b.ints('st2', [1, 2]), b.ints('en2', [1000, -1])], 'fwd');
      b.one('Slice', [x, b.ints('st3', [0]), b.ints('en3', [9223372036854775807n]), b.ints('ax3', [-1]), b.ints('sp3', [3])], 'step');
      b.one('Slice', [x, b.ints('st4', [4]), b.ints('en4', [2]), b.ints('ax4', [0])], 'empty');
    },
    expect: { rev: 'float[5,3,7]', fwd: 'float[4,3,7]', step: 'float[5,6,3]', empty: 'float[0,6,7]' },
  },
  // Reshape family
  {
    name: 'Reshape with 0 and -1, Flatten, Transpose',
    build: (b) => {
      const x = b.input('x', F, [2, 3, 4]);
      b.one('Reshape', [x, b.ints('s1', [0, -1])], 'r1');
      b.one('Reshape', [x, b.ints('s2', [-1, 2, 2])], 'r2');
      b.one('Flatten', [x], 'f1');
      b.one('Flatten', [x], 'f0', [attrInt('axis', 0)]);
      b.one('Flatten', [x], 'fm', [attrInt('axis', -1)]);
      b.one('Transpose', [x], 't');
      b.one('Transpose', [x], 'tp', [attrInts('perm', [1, 2, 0])]);
    },
    expect: { r1: 'float[2,12]', r2: 'float[6,2,2]', f1: 'float[2,12]', f0: 'float[1,24]', fm: 'float[6,4]', t: 'float[4,3,2]', tp: 'float[3,4,2]' },
  },
  {
    name: 'Reshape allowzero (opset 14)',
    opset: 14,
    build: (b) => {
      b.one('Reshape', [b.input('x', F, [0, 3]), b.ints('s', [3, 0])], 'y', [attrInt('allowzero', 1)]);
    },
    expect: { y: 'float[3,0]' },
  },
  {
    name: 'Squeeze and Unsqueeze with axes attributes (opset 11)',
    opset: 11,
    build: (b) => {
      b.one('Squeeze', [b.input('x', F, [3, 1, 4, 1])], 'sq', [attrInts('axes', [1])]);
      b.one('Squeeze', [b.input('y', F, [1, 3, 1, 2])], 'all');
      b.one('Unsqueeze', [b.input('z', F, [3, 4])], 'un', [attrInts('axes', [0, 3])]);
    },
    expect: { sq: 'float[3,4,1]', all: 'float[3,2]', un: 'float[1,3,4,1]' },
  },
  {
    name: 'Squeeze and Unsqueeze with axes inputs (opset 13)',
    build: (b) => {
      b.one('Squeeze', [b.input('x', F, [3, 1, 4, 1]), b.ints('a', [-1, 1])], 'sq');
      b.one('Unsqueeze', [b.input('z', F, [3, 4]), b.ints('b', [0, -1])], 'un');
    },
    expect: { sq: 'float[3,4]', un: 'float[1,3,4,1]' },
  },
  {
    name: 'Expand and Tile',
    build: (b) => {
      const x = b.input('x', F, [3, 1]);
      b.one('Expand', [x, b.ints('s', [2, 1, 6])], 'e');
      b.one('Expand', [x, b.ints('s2', [3, 1])], 'e2');
      b.one('Tile', [x, b.ints('r', [2, 5])], 't');
    },
    expect: { e: 'float[2,3,6]', e2: 'float[3,1]', t: 'float[6,5]' },
  },
  {
    name: 'DepthToSpace and SpaceToDepth',
    build: (b) => {
      const x = b.input('x', F, [1, 8, 2, 3]);
      b.one('DepthToSpace', [x], 'd2s', [attrInt('blocksize', 2)]);
      b.one('SpaceToDepth', [b.input('y', F, [1, 2, 4, 6])], 's2d', [attrInt('blocksize', 2)]);
    },
    expect: { d2s: 'float[1,2,4,6]', s2d: 'float[1,8,2,3]' },
  },
  // Resize / Upsample
  {
    name: 'Resize with roi and scales (opset 12, as YOLOv5 exports it)',
    opset: 12,
    build: (b) => {
      const x = b.input('x', F, [1, 2, 3, 3]);
      b.one('Resize', [x, b.floats('roi', [0], []), b.floats('scales', [4], [1, 1, 2, 2])], 'y', [attrString('mode', 'nearest')]);
      b.one('Resize', [x, b.floats('roi2', [0], []), b.floats('sc2', [0], []), b.ints('sizes', [1, 2, 5, 7])], 'z');
      b.one('Resize', [x, b.floats('roi3', [0], []), b.floats('sc3', [4], [1, 1, 1.5, 0.7])], 'frac');
    },
    expect: { y: 'float[1,2,6,6]', z: 'float[1,2,5,7]', frac: 'float[1,2,4,2]' },
  },
  {
    name: 'Resize with axes and keep_aspect_ratio_policy (opset 18)',
    opset: 18,
    build: (b) => {
      const x = b.input('x', F, [1, 1, 4, 8]);
      b.one('Resize', [x, null, b.floats('scales', [2], [1.5, 2])], 'axes', [attrInts('axes', [2, 3])]);
      const sizes = b.ints('sizes', [6, 10]);
      b.one('Resize', [x, null, null, sizes], 'nl', [attrInts('axes', [2, 3]), attrString('keep_aspect_ratio_policy', 'not_larger')]);
      b.one('Resize', [x, null, null, sizes], 'ns', [attrInts('axes', [2, 3]), attrString('keep_aspect_ratio_policy', 'not_smaller')]);
    },
    expect: { axes: 'float[1,1,6,16]', nl: 'float[1,1,5,10]', ns: 'float[1,1,6,12]' },
  },
  {
    name: 'Resize with scales only (opset 10)',
    opset: 10,
    build: (b) => b.one('Resize', [b.input('x', F, [1, 1, 2, 3]), b.floats('scales', [4], [1, 1, 2, 3])], 'y'),
    expect: { y: 'float[1,1,4,9]' },
  },
  {
    name: 'Upsample with scales input (opset 9)',
    opset: 9,
    build: (b) => b.one('Upsample', [b.input('x', F, [1, 1, 2, 2]), b.floats('scales', [4], [1, 1, 2, 3])], 'y'),
    expect: { y: 'float[1,1,4,6]' },
  },
  {
    name: 'Upsample with scales attribute (opset 7)',
    opset: 7,
    build: (b) => b.one('Upsample', [b.input('x', F, [1, 1, 2, 2])], 'y', [attrFloats('scales', [1, 1, 2, 2])]),
    expect: { y: 'float[1,1,4,4]' },
  },
  // MatMul / Gemm / Einsum
  {
    name: 'MatMul: batched, broadcast and 1-D operands',
    build: (b) => {
      b.one('MatMul', [b.input('a', F, [2, 3, 4]), b.input('b', F, [4, 5])], 'mm');
      const v = b.input('v', F, [4]);
      b.one('MatMul', [v, v], 'dot');
      b.one('MatMul', [b.input('m', F, [3, 4]), v], 'mv');
      b.one('MatMul', [v, b.input('t', F, [2, 4, 5])], 'vm');
      b.one('MatMul', [b.input('p', F, [2, 1, 3, 4]), b.input('q', F, [5, 4, 6])], 'bc');
    },
    expect: { mm: 'float[2,3,5]', dot: 'float[]', mv: 'float[3]', vm: 'float[2,5]', bc: 'float[2,5,3,6]' },
  },
  {
    name: 'Gemm with transA and transB',
    build: (b) => {
      b.one('Gemm', [b.input('a', F, [4, 3]), b.floats('b', [5, 4]), b.floats('c', [5])], 'y', [attrInt('transA', 1), attrInt('transB', 1)]);
      b.one('Gemm', [b.input('p', F, [2, 3]), b.floats('q', [3, 6])], 'z');
    },
    expect: { y: 'float[3,5]', z: 'float[2,6]' },
  },
  {
    name: 'Einsum explicit, implicit and with ellipsis',
    build: (b) => {
      b.one('Einsum', [b.input('a', F, [2, 3, 4]), b.input('b', F, [2, 4, 5])], 'bmm', [attrString('equation', 'bij,bjk->bik')]);
      b.one('Einsum', [b.input('p', F, [3, 4]), b.input('q', F, [4, 5])], 'implicit', [attrString('equation', 'ij,jk')]);
      b.one('Einsum', [b.input('e', F, [2, 7, 3, 4])], 'ell', [attrString('equation', '...ij->...ji')]);
      b.one('Einsum', [b.input('t', F, [3, 3])], 'trace', [attrString('equation', 'ii->')]);
    },
    expect: { bmm: 'float[2,3,5]', implicit: 'float[3,5]', ell: 'float[2,7,4,3]', trace: 'float[]' },
  },
  // Reductions
  {
    name: 'Reduce with axes attribute (opset 13), ReduceSum with axes input',
    opset: 13,
    build: (b) => {
      const x = b.input('x', F, [2, 3, 4]);
      b.one('ReduceMean', [x], 'mean', [attrInts('axes', [1]), attrInt('keepdims', 0)]);
      b.one('ReduceMax', [x], 'max');
      b.one('ReduceSum', [x, b.ints('ax', [-1])], 'sum');
      b.one('ReduceSum', [x], 'sumall', [attrInt('keepdims', 0)]);
      b.one('ReduceSum', [x, b.ints('none', [])], 'noop', [attrInt('noop_with_empty_axes', 1)]);
    },
    expect: { mean: 'float[2,4]', max: 'float[1,1,1]', sum: 'float[2,3,1]', sumall: 'float[]', noop: 'float[2,3,4]' },
  },
  {
    name: 'Reduce with axes input (opset 18), ArgMax, TopK',
    opset: 18,
    build: (b) => {
      const x = b.input('x', F, [3, 5]);
      b.one('ReduceMean', [x, b.ints('ax', [0])], 'mean');
      b.one('ReduceL2', [x, b.ints('ax2', [1])], 'l2', [attrInt('keepdims', 0)]);
      b.one('ArgMax', [x], 'argmax', [attrInt('axis', 1), attrInt('keepdims', 0)]);
      b.one('ArgMin', [x], 'argmin');
      b.op('TopK', [x, b.ints('k', [2])], ['values', 'indices']);
    },
    expect: { mean: 'float[1,5]', l2: 'float[3]', argmax: 'int64[3]', argmin: 'int64[1,5]', values: 'float[3,2]', indices: 'int64[3,2]' },
  },
  // Gather family, Pad
  {
    name: 'Gather, GatherElements, GatherND',
    build: (b) => {
      const data = b.input('data', F, [3, 4, 5]);
      b.one('Gather', [data, b.ints('idx', [0, 1, 2, 0], [2, 2])], 'g', [attrInt('axis', 1)]);
      b.one('Gather', [data, b.ints('s', [-1], [])], 'scalar');
      b.one('GatherElements', [data, b.ints('gei', new Array(3 * 2 * 5).fill(1), [3, 2, 5])], 'ge', [attrInt('axis', 1)]);
      b.one('GatherND', [b.input('nd', F, [2, 3, 4]), b.ints('ndi', [0, 1, 1, 2], [2, 1, 2])], 'gnd');
      b.one('GatherND', [b.input('nd2', F, [2, 3, 4]), b.ints('ndi2', [1, 2], [2, 1])], 'gnd_b', [attrInt('batch_dims', 1)]);
    },
    expect: { g: 'float[3,2,2,5]', scalar: 'float[4,5]', ge: 'float[3,2,5]', gnd: 'float[2,1,4]', gnd_b: 'float[2,4]' },
  },
  {
    name: 'Pad with pads input (opset 13) and with axes (opset 18)',
    opset: 18,
    build: (b) => {
      const x = b.input('x', F, [1, 1, 2, 2]);
      b.one('Pad', [x, b.ints('pads', [0, 0, 1, 2, 0, 0, 3, 4])], 'p');
      b.one('Pad', [x, b.ints('pads2', [1, 2, 0, 1]), null, b.ints('axes', [-1, 2])], 'pa');
    },
    expect: { p: 'float[1,1,6,8]', pa: 'float[1,1,5,3]' },
  },
  {
    name: 'Pad with pads attribute (opset 7)',
    opset: 7,
    build: (b) => b.one('Pad', [b.input('x', F, [2, 3])], 'p', [attrInts('pads', [1, 0, 2, 3])]),
    expect: { p: 'float[5,6]' },
  },
  // Constants and shapes
  {
    name: 'Constant value attributes, ConstantOfShape, Shape (start/end), Size',
    opset: 15,
    build: (b) => {
      b.one('Constant', [], 'ct', [attrTensor('value', Tensor.fromInt32([2, 3], new Int32Array(6)))]);
      b.one('Constant', [], 'cf', [attrFloat('value_float', 1.5)]);
      b.one('Constant', [], 'cfs', [attrFloats('value_floats', [1, 2, 3])]);
      b.one('Constant', [], 'ci', [attrInt('value_int', 4)]);
      b.one('Constant', [], 'cstr', [attrString('value_string', 'a')]);
      b.one('Constant', [], 'cstrs', [{ name: 'value_strings', type: AttrType.STRINGS, value: ['a', 'b'] }]);
      const ints = b.one('Constant', [], 'cis', [attrInts('value_ints', [2, 3, 1])]);
      b.one('ConstantOfShape', [ints], 'cos', [attrTensor('value', Tensor.fromInt64([1], [7]))]);
      b.one('ConstantOfShape', [ints], 'cosf');
      const x = b.input('x', F, [2, 3, 4, 5]);
      b.one('Shape', [x], 'shape');
      b.one('Shape', [x], 'mid', [attrInt('start', 1), attrInt('end', -1)]);
      b.one('Size', [x], 'size');
    },
    expect: {
      ct: 'int32[2,3]', cf: 'float[]', cfs: 'float[3]', ci: 'int64[]', cstr: 'string[]', cstrs: 'string[2]', cis: 'int64[3]', cos: 'int64[2,3,1]', cosf: 'float[2,3,1]',
      shape: 'int64[4]', mid: 'int64[2]', size: 'int64[]',
    },
  },
  {
    name: 'Range with int and float operands',
    build: (b) => {
      b.one('Range', [b.ints('s', [0], []), b.ints('l', [10], []), b.ints('d', [3], [])], 'ri');
      b.one('Range', [b.floats('fs', [], [1]), b.floats('fl', [], [2]), b.floats('fd', [], [0.3])], 'rf');
      b.one('Range', [b.ints('s2', [5], []), b.ints('l2', [1], []), b.ints('d2', [1], [])], 'empty');
    },
    expect: { ri: 'int64[4]', rf: 'float[4]', empty: 'int64[0]' },
  },
  {
    name: 'Cast, CastLike, Identity, QuantizeLinear, DequantizeLinear',
    build: (b) => {
      const x = b.input('x', F, [2, 3]);
      b.one('Cast', [x], 'cast', [attrInt('to', DataType.INT32)]);
      b.one('CastLike', [x, b.tensor('like', Tensor.fromInt32([1], Int32Array.of(0)))], 'castlike');
      b.one('Identity', [x], 'id');
      const q = b.one('QuantizeLinear', [x, b.floats('qs', [], [0.1]), b.tensor('zp', Tensor.fromBytes(DataType.INT8, [], Uint8Array.of(0)))], 'q');
      b.one('QuantizeLinear', [x, b.floats('qs2', [], [0.1])], 'qu8');
      b.one('DequantizeLinear', [q, b.floats('ds', [], [0.1])], 'dq');
    },
    expect: { cast: 'int32[2,3]', castlike: 'int32[2,3]', id: 'float[2,3]', q: 'int8[2,3]', qu8: 'uint8[2,3]', dq: 'float[2,3]' },
  },
  {
    name: 'NonMaxSuppression, NonZero, OneHot',
    build: (b) => {
      b.one('NonMaxSuppression', [b.input('boxes', F, [1, 6, 4]), b.input('scores', F, [1, 1, 6]), b.ints('max', [3], [])], 'nms');
      b.one('NonZero', [b.input('x', F, [2, 3])], 'nz');
      b.one('OneHot', [b.ints('idx', [0, 2, 1], [3]), b.ints('depth', [4], []), b.floats('vals', [2], [0, 1])], 'oh', [attrInt('axis', 0)]);
    },
    expect: { nms: 'int64[?,3]', nz: 'int64[2,?]', oh: 'float[4,3]' },
  },
  // Data propagation
  {
    name: 'Shape -> Gather -> Concat -> Reshape',
    build: (b) => {
      const x = b.input('x', F, [2, 3, 4, 5]);
      const s = b.one('Shape', [x], 's');
      const n = b.one('Gather', [s, b.ints('i0', [0])], 'n');
      const hw = b.one('Mul', [b.one('Gather', [s, b.ints('i2', [2], [])], 'h'), b.one('Gather', [s, b.ints('i3', [3], [])], 'w')], 'hw');
      const hw1 = b.one('Unsqueeze', [hw, b.ints('ax', [0])], 'hw1');
      b.one('Reshape', [x, b.one('Concat', [n, b.ints('m1', [-1])], 'c', [attrInt('axis', 0)])], 'r');
      b.one('Reshape', [x, b.one('Concat', [n, b.ints('three', [3]), hw1], 'c2', [attrInt('axis', 0)])], 'r2');
      const sl = b.one('Slice', [s, b.ints('st', [1]), b.ints('en', [3])], 'sl');
      b.one('Expand', [b.input('y', F, [1, 1]), sl], 'ex');
      b.one('ConstantOfShape', [b.one('Cast', [sl], 'slc', [attrInt('to', DataType.INT64)])], 'zeros');
    },
    expect: {
      s: 'int64[4]', n: 'int64[1]', h: 'int64[]', w: 'int64[]', hw: 'int64[]', hw1: 'int64[1]', c: 'int64[2]', r: 'float[2,60]',
      c2: 'int64[3]', r2: 'float[2,3,20]', sl: 'int64[2]', ex: 'float[3,4]', slc: 'int64[2]', zeros: 'float[3,4]',
    },
  },
  {
    name: 'data propagation keeps symbolic dims',
    build: (b) => {
      const x = b.input('x', F, ['N', 3, 4, 5]);
      const s = b.one('Shape', [x], 's');
      const n = b.one('Gather', [s, b.ints('i0', [0])], 'n');
      b.one('Reshape', [x, b.one('Concat', [n, b.ints('m1', [-1])], 'c', [attrInt('axis', 0)])], 'r');
      b.one('Reshape', [x, b.ints('t', [0, 12, -1])], 'r2');
      b.one('Reshape', [x, b.ints('t3', [-1, 20])], 'r3');
      b.one('Flatten', [x], 'f');
      b.one('Expand', [b.input('y', F, [1, 4, 1]), s], 'ex');
    },
    expect: { s: 'int64[4]', n: 'int64[1]', c: 'int64[2]', r: 'float[N,60]', r2: 'float[N,12,5]', r3: 'float[?,20]', f: 'float[N,60]', ex: 'float[N,3,4,5]' },
    ort: false,
  },
  {
    name: 'data propagation through Size, Equal and Neg selects the If branch that runs',
    build: (b) => {
      const x = b.input('x', F, [2, 3]);
      const rank = b.one('Size', [b.one('Shape', [x], 's')], 'rank');
      const is2d = b.one('Equal', [rank, b.ints('two', [2], [])], 'is2d');
      const flat = b.ints('flat', [6]);
      const thenBranch = new Graph('then');
      thenBranch.outputs.push(thenBranch.append(new Node('Reshape', [x, flat], ['flat_x'])).output());
      const elseBranch = new Graph('else');
      elseBranch.outputs.push(elseBranch.append(new Node('Identity', [x], ['same_x'])).output());
      const sel = b.one('If', [is2d], 'sel', [
        { name: 'then_branch', type: AttrType.GRAPH, value: thenBranch },
        { name: 'else_branch', type: AttrType.GRAPH, value: elseBranch },
      ]);
      thenBranch.parentNode = sel.producer();
      elseBranch.parentNode = sel.producer();
      b.one('ConstantOfShape', [b.one('Neg', [b.ints('m', [-2, -3])], 'neg')], 'cos');
    },
    expect: { s: 'int64[2]', rank: 'int64[]', is2d: 'bool[]', sel: 'float[6]', neg: 'int64[2]', cos: 'float[2,3]' },
  },
  // Control flow
  {
    name: 'If merges its branches',
    build: (b) => {
      const x = b.input('x', F, [2, 3]);
      const branch = (name: string, op: string, shape: number[]): Graph => {
        const g = new Graph(name);
        const n = g.append(new Node(op, [x], [`${name}_out`], shape.length ? { attributes: [attrInts('perm', shape)] } : {}));
        g.outputs.push(n.output());
        return g;
      };
      const cond = b.input('cond', B, []);
      const ifNode = (out: string, thenBranch: Graph, elseBranch: Graph): void => {
        const v = b.one('If', [cond], out, [
          { name: 'then_branch', type: AttrType.GRAPH, value: thenBranch },
          { name: 'else_branch', type: AttrType.GRAPH, value: elseBranch },
        ]);
        thenBranch.parentNode = v.producer();
        elseBranch.parentNode = v.producer();
      };
      ifNode('same', branch('t1', 'Relu', []), branch('e1', 'Neg', []));
      ifNode('differ', branch('t2', 'Relu', []), branch('e2', 'Transpose', [1, 0]));
    },
    expect: { same: 'float[2,3]', differ: 'float[?,?]' },
  },
];
