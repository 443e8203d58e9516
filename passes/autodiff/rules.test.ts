/**
 * Every gradient rule against central finite differences through ONNX Runtime (test/util/gradcheck:
 * float64 where ORT has double kernels for the case, else float32 with the loss in float64).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { attrFloat, attrInt, attrInts, attrString } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import type { Value } from '../../ir/graph.js';
import { Tensor } from '../../ir/tensor.js';
import { gradCheck, type GradCase, type GradCheckOptions } from '../../test/util/gradcheck.js';
import { convGradStrategy, type ConvGradStrategy } from './rules/Conv.grad.js';

const summary: string[] = [];
afterAll(() => console.log(`finite-difference checks (case: dtype, max relative error):\n${summary.join('\n')}`));

async function check(name: string, build: (c: GradCase) => Value | Value[], options: GradCheckOptions = {}): Promise<void> {
  const r = await gradCheck(build, options);
  summary.push(`  ${name}: ${r.dtype}, ${r.maxRelError.toExponential(2)}`);
  expect(r.maxRelError, `${name}: ${JSON.stringify(r.pairs)}`).toBeLessThan(r.tol);
}

const boolConst = (c: GradCase, name: string, dims: number[], values: boolean[]): Value =>
  c.graph.addInitializer(Tensor.fromBytes(DataType.BOOL, dims, Uint8Array.from(values, (v) => (v ? 1 : 0))), name);

describe('elementwise rules with broadcasting', () => {
  it('Add, Sub', async () => {
    await check('Add [2,3,4]+[3,1]', (c) => c.op1('Add', [c.input('x', [2, 3, 4]), c.input('y', [3, 1])]));
    await check('Sub [2,3,4]-[4]', (c) => c.op1('Sub', [c.input('x', [2, 3, 4]), c.input('y', [4])]));
    await check('Sub [1,3,1]-[2,3,4]', (c) => c.op1('Sub', [c.input('x', [1, 3, 1]), c.input('y', [2, 3, 4])]));
  });
  it('Mul, Div, Mul(x, x), Sum', async () => {
    await check('Mul [2,3,4]*[2,1,4]', (c) => c.op1('Mul', [c.input('x', [2, 3, 4]), c.input('y', [2, 1, 4])]));
    await check('Mul x*x', (c) => {
      const x = c.input('x', [3, 4]);
      return c.op1('Mul', [x, x]);
    });
    await check('Div [2,3]/[3]', (c) => c.op1('Div', [c.input('x', [2, 3]), c.input('y', [3], 0.5, 2)]));
    await check('Sum of 3 broadcast', (c) => c.op1('Sum', [c.input('x', [2, 3]), c.input('y', [3]), c.input('z', [2, 1])]));
  });
  it('SiLU x * Sigmoid(x) (fused gradient, either order), and a Sigmoid also read elsewhere (not fused)', async () => {
    await check('SiLU x*s', (c) => {
      const x = c.input('x', [2, 3, 4], -3, 3);
      return c.op1('Mul', [x, c.op1('Sigmoid', [x])]);
    });
    await check('SiLU s*x', (c) => {
      const x = c.input('x', [2, 3, 4], -3, 3);
      return c.op1('Mul', [c.op1('Sigmoid', [x]), x]);
    });
    await check('x * Sigmoid(x), Sigmoid also an output', (c) => {
      const x = c.input('x', [2, 3, 4], -3, 3);
      const s = c.op1('Sigmoid', [x]);
      return [c.op1('Mul', [x, s]), s];
    });
  });
  it('Pow with constant exponents and a differentiable one', async () => {
    for (const p of [2, 0.5, 3, -1.5, 1]) {
      await check(`Pow x^${p}`, (c) => c.op1('Pow', [c.input('x', [2, 5], 0.5, 2), c.constant(`p`, [], [p])]));
    }
    await check('Pow x^y', (c) => c.op1('Pow', [c.input('x', [2, 5], 0.5, 2), c.input('y', [5], -1, 2)]));
  });
  it('unary: Sqrt, Exp, Log, Neg, Abs, Reciprocal, Sigmoid, Tanh, Relu, LeakyRelu, Erf, Atan, Softplus', async () => {
    const away = [-2, -0.1, 0.1, 2]; // inputs kept away from kinks
    const awayInput = (c: GradCase) => c.input('x', [4, 3], 0, 1, Array.from({ length: 12 }, (_, k) => away[k % 4]! * (1 + k / 12)));
    await check('Sqrt', (c) => c.op1('Sqrt', [c.input('x', [3, 4], 0.2, 2)]));
    await check('Exp', (c) => c.op1('Exp', [c.input('x', [3, 4])]));
    await check('Log', (c) => c.op1('Log', [c.input('x', [3, 4], 0.2, 2)]));
    await check('Neg', (c) => c.op1('Neg', [c.input('x', [3, 4])]));
    await check('Abs', (c) => c.op1('Abs', [awayInput(c)]));
    await check('Reciprocal', (c) => c.op1('Reciprocal', [c.input('x', [3, 4], 0.5, 2)]));
    await check('Sigmoid', (c) => c.op1('Sigmoid', [c.input('x', [3, 4], -3, 3)]));
    await check('Tanh', (c) => c.op1('Tanh', [c.input('x', [3, 4], -2, 2)]));
    await check('Relu', (c) => c.op1('Relu', [awayInput(c)]));
    await check('LeakyRelu', (c) => c.op1('LeakyRelu', [awayInput(c)], [attrFloat('alpha', 0.2)]));
    await check('Erf', (c) => c.op1('Erf', [c.input('x', [3, 4], -2, 2)]));
    await check('Atan', (c) => c.op1('Atan', [c.input('x', [3, 4], -3, 3)]));
    await check('Softplus', (c) => c.op1('Softplus', [c.input('x', [3, 4], -3, 3)]));
  });
  it('Floor, Ceil, Round, Sign: zero almost everywhere', async () => {
    for (const op of ['Floor', 'Ceil', 'Round', 'Sign']) {
      await check(op, (c) => c.op1('Mul', [c.op1(op, [c.input('x', [6], 0, 1, [0.3, 1.2, -0.7, 2.2, -1.4, 0.6])]), c.input('y', [6])]));
    }
  });
  it('Clip with constant bounds and differentiable bounds', async () => {
    const xs = [-2, -1.2, -0.6, 0.1, 0.4, 0.9, 1.3, 2.5];
    await check('Clip [-1, 1]', (c) => c.op1('Clip', [c.input('x', [8], 0, 1, xs), c.constant('lo', [], [-1]), c.constant('hi', [], [1])]));
    await check('Clip min only', (c) => c.op1('Clip', [c.input('x', [8], 0, 1, xs), c.constant('lo', [], [0])]));
    await check('Clip bounds as inputs', (c) => c.op1('Clip', [c.input('x', [8], 0, 1, xs), c.input('lo', [], 0, 1, [-1]), c.input('hi', [], 0, 1, [1])]));
  });
  it('Min, Max (2 and 3 inputs, broadcast)', async () => {
    await check('Max [2,3],[3]', (c) => c.op1('Max', [c.input('x', [2, 3]), c.input('y', [3])]));
    await check('Min [2,3],[2,1]', (c) => c.op1('Min', [c.input('x', [2, 3]), c.input('y', [2, 1])]));
    await check('Max of 3', (c) => c.op1('Max', [c.input('x', [4]), c.input('y', [4]), c.input('z', [4])]));
  });
  it('Where', async () => {
    await check('Where', (c) => c.op1('Where', [boolConst(c, 'cond', [2, 3], [true, false, true, false, false, true]), c.input('x', [2, 3]), c.input('y', [3])]));
  });
});

describe('reductions', () => {
  it('ReduceMean (axes attribute at 17), ReduceSum (axes input), keepdims 0/1, all axes', async () => {
    await check('ReduceMean [0,2] keep', (c) => c.op1('ReduceMean', [c.input('x', [2, 3, 4])], [attrInts('axes', [0, 2])]));
    await check('ReduceMean [1] drop', (c) => c.op1('ReduceMean', [c.input('x', [2, 3, 4])], [attrInts('axes', [1]), attrInt('keepdims', 0)]));
    await check('ReduceMean all', (c) => c.op1('ReduceMean', [c.input('x', [2, 3])], [attrInt('keepdims', 0)]));
    await check('ReduceSum [-1] drop', (c) => c.op1('ReduceSum', [c.input('x', [2, 3, 4]), c.ints('axes', [-1])], [attrInt('keepdims', 0)]));
    await check('ReduceSum all keep', (c) => c.op1('ReduceSum', [c.input('x', [2, 3, 4])]));
    await check('ReduceMean at opset 18 (axes input)', (c) => c.op1('ReduceMean', [c.input('x', [2, 3, 4]), c.ints('axes', [1])]), { opset: 18 });
  });
  it('ReduceSumSquare, ReduceMax', async () => {
    await check('ReduceSumSquare', (c) => c.op1('ReduceSumSquare', [c.input('x', [2, 3, 4])], [attrInts('axes', [0, 2])]));
    await check('ReduceMax', (c) => c.op1('ReduceMax', [c.input('x', [2, 3, 4])], [attrInts('axes', [2]), attrInt('keepdims', 0)]));
  });
  it('GlobalAveragePool', async () => {
    await check('GlobalAveragePool', (c) => c.op1('GlobalAveragePool', [c.input('x', [2, 3, 4, 5])]));
  });
});

describe('shape and data movement', () => {
  it('Concat, Split', async () => {
    await check('Concat axis 1', (c) => c.op1('Concat', [c.input('x', [2, 3, 2]), c.input('y', [2, 1, 2]), c.input('z', [2, 2, 2])], [attrInt('axis', 1)]));
    await check('Concat one input differentiated', (c) => c.op1('Concat', [c.input('x', [2, 3]), c.constant('k', [2, 2], [-1, 1])], [attrInt('axis', -1)]));
    await check('Split sizes, one output unused', (c) => {
      const [a, , b2] = c.op('Split', [c.input('x', [2, 7]), c.ints('split', [2, 3, 2])], [attrInt('axis', 1)], 3);
      return [a!, b2!];
    });
  });
  it('Slice: steps 1, 2, -1, -2, clamped ends', async () => {
    const slice = (starts: number[], ends: number[], axes: number[], steps?: number[]) => (c: GradCase) => {
      const inputs = [c.input('x', [4, 9, 5]), c.ints('s', starts), c.ints('e', ends), c.ints('a', axes)];
      if (steps) inputs.push(c.ints('st', steps));
      return c.op1('Slice', inputs);
    };
    await check('Slice [1:3, 2:-1]', slice([1, 2], [3, -1], [0, 1]));
    await check('Slice step 2 and 3', slice([0, 1], [9, 5], [1, 2], [2, 3]));
    await check('Slice step -1', slice([-1], [-100], [1], [-1]));
    await check('Slice step -2 from 7', slice([7, 0], [0, 99], [1, 2], [-2, 1]));
  });
  it('Reshape, Flatten, Transpose, Squeeze, Unsqueeze, Expand, Identity, Pad', async () => {
    await check('Reshape', (c) => c.op1('Reshape', [c.input('x', [2, 3, 4]), c.ints('s', [4, -1])]));
    await check('Flatten', (c) => c.op1('Flatten', [c.input('x', [2, 3, 4])], [attrInt('axis', 2)]));
    await check('Transpose', (c) => c.op1('Transpose', [c.input('x', [2, 3, 4])], [attrInts('perm', [2, 0, 1])]));
    await check('Transpose default', (c) => c.op1('Transpose', [c.input('x', [2, 3, 4])]));
    await check('Squeeze', (c) => c.op1('Squeeze', [c.input('x', [2, 1, 4]), c.ints('a', [1])]));
    await check('Unsqueeze', (c) => c.op1('Unsqueeze', [c.input('x', [2, 4]), c.ints('a', [0, 2])]));
    await check('Expand', (c) => c.op1('Expand', [c.input('x', [3, 1]), c.ints('s', [2, 3, 4])]));
    await check('Identity', (c) => c.op1('Identity', [c.input('x', [3])]));
    await check('Pad constant, positive and negative', (c) => c.op1('Pad', [c.input('x', [2, 3, 4]), c.ints('p', [0, 1, -1, 0, 2, 1])]));
  });
  it('Cast float <-> double, Dropout (inference)', async () => {
    await check('Cast to double', (c) => c.op1('Cast', [c.input('x', [3])], [attrInt('to', DataType.DOUBLE)]), { dtype: 'float' });
    await check('Dropout', (c) => c.op('Dropout', [c.input('x', [3, 2])], [], 1)[0]!);
  });
  it('Resize nearest x2 (asymmetric/floor as PyTorch exports, and the defaults), x3 x2', async () => {
    await check('Resize asymmetric floor', (c) =>
      c.op1('Resize', [c.input('x', [2, 3, 4, 5]), null, c.constant('scales', [4], [1, 1, 2, 2], DataType.FLOAT)], [
        attrString('mode', 'nearest'),
        attrString('coordinate_transformation_mode', 'asymmetric'),
        attrString('nearest_mode', 'floor'),
      ]),
    );
    await check('Resize defaults', (c) => c.op1('Resize', [c.input('x', [1, 2, 3, 3]), null, c.constant('scales', [4], [1, 1, 2, 2], DataType.FLOAT)], [attrString('mode', 'nearest')]));
    await check('Resize sizes x3 x2', (c) => c.op1('Resize', [c.input('x', [1, 2, 3, 3]), null, null, c.ints('sizes', [1, 2, 9, 6])], [attrString('mode', 'nearest'), attrString('coordinate_transformation_mode', 'asymmetric'), attrString('nearest_mode', 'floor')]));
  });
  it('Gather (repeated and negative indices), GatherElements, GatherND (repeated rows)', async () => {
    await check('Gather axis 1', (c) => c.op1('Gather', [c.input('x', [2, 5, 3]), c.ints('i', [4, 0, 4, -1, 2, 2], [2, 3])], [attrInt('axis', 1)]));
    await check('Gather axis 0 scalar index', (c) => c.op1('Gather', [c.input('x', [4, 3]), c.ints('i', [2], [])]));
    await check('Gather with no indices', (c) => c.op1('Gather', [c.input('x', [4, 3]), c.ints('i', [], [0])]));
    await check('GatherElements', (c) => c.op1('GatherElements', [c.input('x', [3, 4]), c.ints('i', [0, 3, 3, 1, 2, 2, 0, 0], [2, 4])], [attrInt('axis', 1)]));
    await check('GatherND', (c) => c.op1('GatherND', [c.input('x', [2, 3, 4, 5]), c.ints('i', [0, 1, 2, 1, 2, 3, 0, 1, 2, -1, 0, 0], [4, 3])]));
  });
  it('MaxPool: SPPF k5 s1 p2 (overlapping windows), k2 s2, with and without Indices', async () => {
    await check('MaxPool k5 s1 p2', (c) => c.op1('MaxPool', [c.input('x', [2, 3, 6, 6], -1, 1)], [attrInts('kernel_shape', [5, 5]), attrInts('strides', [1, 1]), attrInts('pads', [2, 2, 2, 2])]));
    await check('MaxPool k2 s2 with Indices', (c) => c.op('MaxPool', [c.input('x', [1, 2, 5, 4])], [attrInts('kernel_shape', [2, 2]), attrInts('strides', [2, 2])], 2)[0]!);
    await check('MaxPool k3 s2 p1 ceil', (c) => c.op1('MaxPool', [c.input('x', [1, 2, 6, 7])], [attrInts('kernel_shape', [3, 3]), attrInts('strides', [2, 2]), attrInts('pads', [1, 1, 1, 1]), attrInt('ceil_mode', 1)]));
  });
});

describe('matrix products', () => {
  it('MatMul: 2-D, batched, broadcast batch, 2-D weight under a batch, 1-D operands', async () => {
    await check('MatMul 2D', (c) => c.op1('MatMul', [c.input('a', [3, 4]), c.input('b', [4, 5])]));
    await check('MatMul batched', (c) => c.op1('MatMul', [c.input('a', [2, 3, 4]), c.input('b', [2, 4, 5])]));
    await check('MatMul broadcast batch', (c) => c.op1('MatMul', [c.input('a', [2, 1, 3, 4]), c.input('b', [3, 4, 2])]));
    await check('MatMul batched x 2D', (c) => c.op1('MatMul', [c.input('a', [2, 3, 4]), c.input('b', [4, 5])]));
    await check('MatMul 2D x batched', (c) => c.op1('MatMul', [c.input('a', [3, 4]), c.input('b', [2, 4, 5])]));
    await check('MatMul 1D x 2D', (c) => c.op1('MatMul', [c.input('a', [4]), c.input('b', [4, 5])]));
    await check('MatMul 2D x 1D', (c) => c.op1('MatMul', [c.input('a', [3, 4]), c.input('b', [4])]));
  });
  it('Gemm: every transposition, alpha/beta, broadcast C', async () => {
    for (const [tA, tB] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
      await check(`Gemm transA=${tA} transB=${tB}`, (c) =>
        c.op1('Gemm', [c.input('a', tA ? [4, 3] : [3, 4]), c.input('b', tB ? [5, 4] : [4, 5]), c.input('c', [5])], [
          attrInt('transA', tA),
          attrInt('transB', tB),
          attrFloat('alpha', 0.7),
          attrFloat('beta', 1.3),
        ]),
      );
    }
    await check('Gemm C [3,1]', (c) => c.op1('Gemm', [c.input('a', [3, 4]), c.input('b', [4, 5]), c.input('c', [3, 1])]));
  });
});

describe('Conv: every formulation of dX and dW', () => {
  const saved: ConvGradStrategy = { ...convGradStrategy };
  afterAll(() => Object.assign(convGradStrategy, saved));
  const conv = (x: number[], w: number[], attrs: Parameters<typeof attrInts>[] , group = 1, bias = false) => (c: GradCase) => {
    const inputs = [c.input('x', x), c.input('w', w, -0.5, 0.5)];
    if (bias) inputs.push(c.input('b', [w[0]!]));
    return c.op1('Conv', inputs, [...attrs.map(([n, v]) => attrInts(n, v)), attrInt('group', group)]);
  };
  const cases: Array<[string, (c: GradCase) => Value]> = [
    ['3x3 s1 p1 + bias', conv([2, 3, 6, 5], [4, 3, 3, 3], [['pads', [1, 1, 1, 1]]], 1, true)],
    ['6x6 s2 p2 (stem)', conv([2, 3, 12, 12], [4, 3, 6, 6], [['strides', [2, 2]], ['pads', [2, 2, 2, 2]]])],
    ['3x3 s2 p1 odd input (unread tail)', conv([1, 2, 7, 8], [3, 2, 3, 3], [['strides', [2, 2]], ['pads', [1, 1, 1, 1]]])],
    ['3x3 s2 p0 (tail cropped)', conv([2, 2, 8, 7], [3, 2, 3, 3], [['strides', [2, 2]]])],
    ['4x4 s3 p1 grouped (polyphase with empty taps)', conv([1, 4, 10, 11], [4, 2, 4, 4], [['strides', [3, 3]], ['pads', [1, 2, 0, 1]]], 2)],
    ['2x2 s2 depthwise', conv([2, 3, 6, 6], [3, 1, 2, 2], [['strides', [2, 2]]], 3)],
    ['1x1', conv([2, 4, 3, 5], [6, 4, 1, 1], [])],
    ['1x1 s2', conv([2, 4, 5, 5], [3, 4, 1, 1], [['strides', [2, 2]]])],
    ['depthwise 7x7 p3 + bias', conv([2, 4, 9, 9], [4, 1, 7, 7], [['pads', [3, 3, 3, 3]]], 4, true)],
    ['grouped g2 3x3 p1', conv([2, 4, 5, 6], [6, 2, 3, 3], [['pads', [1, 1, 1, 1]]], 2)],
    ['dilation 2 p2', conv([1, 2, 9, 8], [3, 2, 3, 3], [['dilations', [2, 2]], ['pads', [2, 2, 2, 2]]])],
    ['asymmetric pads, stride 2x1', conv([2, 3, 7, 6], [2, 3, 3, 2], [['strides', [2, 1]], ['pads', [0, 1, 2, 0]]])],
    ['1-D conv', conv([2, 3, 10], [4, 3, 3], [['pads', [1, 1]], ['strides', [2]]])],
  ];
  for (const [input, weight] of [
    ['conv-transpose', 'conv'],
    ['conv', 'im2col'],
    ['conv', 'patches'],
    ['matmul', 'im2col'],
    ['auto', 'auto'],
  ] as const) {
    it(`dX by ${input}, dW by ${weight}`, async () => {
      Object.assign(convGradStrategy, { input, weight });
      for (const [name, build] of cases) await check(`Conv ${name} (${input}/${weight})`, build);
    });
  }
  it('SAME_UPPER auto_pad', async () => {
    await check('Conv SAME_UPPER s2', (c) => c.op1('Conv', [c.input('x', [1, 2, 7, 7]), c.input('w', [3, 2, 3, 3])], [attrString('auto_pad', 'SAME_UPPER'), attrInts('strides', [2, 2])]));
  });
});

describe('normalization', () => {
  it('LayerNormalization (last axis, last two axes, with Mean/InvStdDev outputs)', async () => {
    await check('LayerNormalization axis -1', (c) => c.op1('LayerNormalization', [c.input('x', [2, 3, 5]), c.input('s', [5]), c.input('b', [5])], [attrFloat('epsilon', 1e-5)]));
    await check('LayerNormalization axis 1, no bias', (c) => c.op1('LayerNormalization', [c.input('x', [2, 3, 4]), c.input('s', [3, 4])], [attrInt('axis', 1)]));
    await check('LayerNormalization with stat outputs', (c) => c.op('LayerNormalization', [c.input('x', [4, 6]), c.input('s', [6]), c.input('b', [6])], [], 3)[0]!);
  });
  it('Softmax, LogSoftmax', async () => {
    await check('Softmax axis 1', (c) => c.op1('Softmax', [c.input('x', [2, 4, 3])], [attrInt('axis', 1)]));
    await check('LogSoftmax', (c) => c.op1('LogSoftmax', [c.input('x', [2, 5])]));
  });
  it('BatchNormalization (inference form) in all five inputs', async () => {
    await check('BatchNormalization', (c) =>
      c.op1('BatchNormalization', [c.input('x', [2, 3, 4, 2]), c.input('g', [3]), c.input('b', [3]), c.input('m', [3]), c.input('v', [3], 0.5, 2)], [attrFloat('epsilon', 1e-3)]),
    );
  });
});
