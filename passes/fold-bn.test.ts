import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attrFloat, attrInt, attrInts } from '../ir/attribute.js';
import { DataType } from '../ir/dtype.js';
import { Graph, Node, Value } from '../ir/graph.js';
import { float16BitsToNumber, numberToFloat16Bits } from '../ir/half.js';
import { Model } from '../ir/model.js';
import { loadModel } from '../ir/serde/index.js';
import { Tensor } from '../ir/tensor.js';
import { tensorType } from '../ir/type.js';
import { maxAbsDiff, randomFloat32, runModel, type FloatInput } from '../test/util/ort.js';
import { recordingContext, type RecordingContext } from '../test/util/pass-context.js';
import { eliminateDeadCode } from './dce.js';
import { foldBnPass } from './fold-bn.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'test', 'fixtures');

// ---------------------------------------------------------------------------------------------
// helpers

async function fold(model: Model): Promise<RecordingContext> {
  const ctx = recordingContext();
  await foldBnPass.run(model, {}, ctx);
  return ctx;
}

let seedCounter = 1;
function init(g: Graph, name: string, dims: number[], lo = -1, hi = 1): Value {
  const n = dims.reduce((a, b) => a * b, 1);
  return g.addInitializer(Tensor.fromFloat32(dims, randomFloat32(n, seedCounter++, lo, hi)), name);
}

/** gamma, beta, mean, var initializers for `c` channels, named `<prefix>.weight` etc. */
function bnParams(g: Graph, prefix: string, c: number): Value[] {
  return [
    init(g, `${prefix}.weight`, [c], 0.5, 1.5),
    init(g, `${prefix}.bias`, [c], -1, 1),
    init(g, `${prefix}.running_mean`, [c], -1, 1),
    init(g, `${prefix}.running_var`, [c], 0.1, 2),
  ];
}

function bn(g: Graph, x: Value, params: Value[], name: string, eps = 1e-3): Node {
  return g.append(new Node('BatchNormalization', [x, ...params], [`${name}_out`], { name, attributes: [attrFloat('epsilon', eps)] }));
}

function input(g: Graph, name: string, dims: number[]): Value {
  return g.addInput(new Value(name, tensorType(DataType.FLOAT, dims)));
}

function output(g: Graph, v: Value): void {
  v.type ??= tensorType(DataType.FLOAT);
  g.outputs.push(v);
}

function feed(dims: number[], seed = 99): FloatInput {
  return { dims, data: randomFloat32(dims.reduce((a, b) => a * b, 1), seed, 0, 1) };
}

/** Runs the model in ORT before and after `fold-bn` (+ dce); returns the max abs diff. */
async function foldAndCompare(model: Model, feeds: Record<string, FloatInput>): Promise<{ diff: number; r: RecordingContext }> {
  const before = await runModel(model, feeds);
  const r = await fold(model);
  eliminateDeadCode(model.graph);
  const after = await runModel(model, feeds);
  let diff = 0;
  for (const [name, out] of Object.entries(before)) {
    const other = after[name];
    expect(other, `output ${name}`).toBeDefined();
    expect(other!.dims).toEqual(out.dims);
    diff = Math.max(diff, maxAbsDiff(out.data, other!.data));
  }
  return { diff, r };
}

function ops(g: Graph): string[] {
  return g.nodes.toArray().map((n) => n.opType);
}

function convBnModel(options: { group: number; cin: number; cout: number; bias: boolean; k?: number }): Model {
  const { group, cin, cout, bias } = options;
  const k = options.k ?? 3;
  const g = new Graph('conv_bn');
  const x = input(g, 'x', [2, cin, 7, 7]);
  const w = init(g, 'conv.weight', [cout, cin / group, k, k]);
  const inputs = [x, w];
  if (bias) inputs.push(init(g, 'conv.bias', [cout]));
  const conv = g.append(
    new Node('Conv', inputs, ['conv_out'], { name: 'conv', attributes: [attrInt('group', group), attrInts('pads', [1, 1, 1, 1])] }),
  );
  const b = bn(g, conv.output(), bnParams(g, 'bn', cout), 'bn');
  const act = g.append(new Node('Relu', [b.output()], ['y']));
  output(g, act.output());
  return new Model(g, { opsetImports: [['', 17]] });
}

// ---------------------------------------------------------------------------------------------

describe('fold-bn on Conv', () => {
  it('folds Conv+BN with bias and is numerically equivalent', async () => {
    const model = convBnModel({ group: 1, cin: 3, cout: 8, bias: true });
    const { diff, r } = await foldAndCompare(model, { x: feed([2, 3, 7, 7]) });
    expect(diff).toBeLessThan(1e-5);
    expect(r.counters).toEqual({ folded: 1 });
    expect(ops(model.graph)).toEqual(['Conv', 'Relu']);
    const conv = model.graph.nodes.first()!;
    // The replaced initializers are read by nothing else, so the folded ones take their names.
    expect(conv.inputs.map((v) => v?.name)).toEqual(['x', 'conv.weight', 'conv.bias']);
    expect([...model.graph.initializers.keys()]).toEqual(['conv.weight', 'conv.bias']);
  });

  it('creates the bias when the Conv has none', async () => {
    const model = convBnModel({ group: 1, cin: 4, cout: 6, bias: false });
    const { diff } = await foldAndCompare(model, { x: feed([2, 4, 7, 7]) });
    expect(diff).toBeLessThan(1e-5);
    expect(model.graph.nodes.first()!.inputs.map((v) => v?.name)).toEqual(['x', 'conv.weight', 'conv.bias']);
  });

  it('folds grouped and depthwise Conv', async () => {
    for (const [group, cin, cout] of [
      [2, 4, 6],
      [8, 8, 8],
      [4, 4, 8],
    ] as const) {
      const model = convBnModel({ group, cin, cout, bias: group === 2 });
      const { diff, r } = await foldAndCompare(model, { x: feed([2, cin, 7, 7]) });
      expect(diff, `group=${group}`).toBeLessThan(1e-5);
      expect(r.counters.folded).toBe(1);
    }
  });

  it('keeps the name of a BN output that is a graph output', async () => {
    const g = new Graph('g');
    const x = input(g, 'x', [1, 2, 5, 5]);
    const conv = g.append(new Node('Conv', [x, init(g, 'w', [3, 2, 1, 1])], ['c']));
    const b = bn(g, conv.output(), bnParams(g, 'bn', 3), 'bn');
    b.output().type = tensorType(DataType.FLOAT, [1, 3, 5, 5]);
    g.outputs.push(b.output());
    const model = new Model(g);
    const { diff } = await foldAndCompare(model, { x: feed([1, 2, 5, 5]) });
    expect(diff).toBeLessThan(1e-5);
    expect(g.outputs.map((v) => v.name)).toEqual(['bn_out']);
    expect(g.outputs[0]!.producer()?.opType).toBe('Conv');
    expect(g.outputs[0]!.type).toEqual(tensorType(DataType.FLOAT, [1, 3, 5, 5]));
  });

  it("moves the BN output's value_info to the Conv output, in place", async () => {
    const model = convBnModel({ group: 1, cin: 2, cout: 2, bias: false });
    const g = model.graph;
    const values = g.valuesByName();
    const bnOut = values.get('bn_out')!;
    bnOut.type = tensorType(DataType.FLOAT, [2, 2, 7, 7]);
    g.valueInfos = [values.get('x')!, bnOut, values.get('y')!];
    await fold(model);
    expect(g.valueInfos.map((v) => v.name)).toEqual(['x', 'conv_out', 'y']);
    expect(values.get('conv_out')!.type).toEqual(tensorType(DataType.FLOAT, [2, 2, 7, 7]));
  });

  it('folds a chain BN -> BN into the same Conv', async () => {
    const g = new Graph('g');
    const x = input(g, 'x', [1, 2, 5, 5]);
    const conv = g.append(new Node('Conv', [x, init(g, 'w', [3, 2, 3, 3])], ['c']));
    const b1 = bn(g, conv.output(), bnParams(g, 'bn1', 3), 'bn1');
    const b2 = bn(g, b1.output(), bnParams(g, 'bn2', 3), 'bn2', 1e-5);
    output(g, b2.output());
    const model = new Model(g);
    const { diff, r } = await foldAndCompare(model, { x: feed([1, 2, 5, 5]) });
    expect(diff).toBeLessThan(1e-5);
    expect(r.counters).toEqual({ folded: 2 });
    expect(ops(g)).toEqual(['Conv']);
  });
});

describe('fold-bn on ConvTranspose', () => {
  it('scales W [Cin, Cout/g, k, k] per group', async () => {
    for (const [group, cin, coutPerGroup, bias] of [
      [1, 3, 4, true],
      [2, 4, 3, false],
      [3, 6, 2, true],
    ] as const) {
      const g = new Graph('convT_bn');
      const x = input(g, 'x', [2, cin, 4, 4]);
      const inputs = [x, init(g, 'deconv.weight', [cin, coutPerGroup, 3, 3])];
      const cout = group * coutPerGroup;
      if (bias) inputs.push(init(g, 'deconv.bias', [cout]));
      const ct = g.append(
        new Node('ConvTranspose', inputs, ['ct'], { name: 'deconv', attributes: [attrInt('group', group), attrInts('strides', [2, 2])] }),
      );
      const b = bn(g, ct.output(), bnParams(g, 'bn', cout), 'bn');
      output(g, g.append(new Node('Sigmoid', [b.output()], ['y'])).output());
      const model = new Model(g);
      const { diff, r } = await foldAndCompare(model, { x: feed([2, cin, 4, 4]) });
      expect(diff, `group=${group}`).toBeLessThan(1e-5);
      expect(r.counters).toEqual({ folded: 1 });
      expect(ops(g)).toEqual(['ConvTranspose', 'Sigmoid']);
    }
  });
});

describe('fold-bn on Gemm', () => {
  const cases: Array<{ transB: number; c?: number[]; alpha?: number; beta?: number; title: string }> = [
    { transB: 0, title: 'transB=0, no C' },
    { transB: 1, title: 'transB=1, no C' },
    { transB: 0, c: [5], alpha: 2, beta: 0.5, title: 'transB=0, C [N], alpha=2, beta=0.5' },
    { transB: 1, c: [1, 5], title: 'transB=1, C [1, N]' },
    { transB: 1, c: [], beta: 3, title: 'transB=1, scalar C, beta=3' },
    { transB: 0, c: [4, 5], title: 'transB=0, C [M, N]' },
    { transB: 0, c: [4, 1], beta: -1, title: 'transB=0, C [M, 1], beta=-1' },
  ];
  for (const { transB, c, alpha, beta, title } of cases) {
    it(title, async () => {
      const g = new Graph('gemm_bn');
      const a = input(g, 'a', [4, 6]);
      const inputs = [a, init(g, 'fc.weight', transB ? [5, 6] : [6, 5])];
      if (c) inputs.push(init(g, 'fc.bias', c));
      const attributes = [attrInt('transB', transB)];
      if (alpha !== undefined) attributes.push(attrFloat('alpha', alpha));
      if (beta !== undefined) attributes.push(attrFloat('beta', beta));
      const gemm = g.append(new Node('Gemm', inputs, ['fc'], { name: 'fc', attributes }));
      const b = bn(g, gemm.output(), bnParams(g, 'bn', 5), 'bn');
      output(g, b.output());
      const model = new Model(g);
      const { diff, r } = await foldAndCompare(model, { a: feed([4, 6]) });
      expect(diff).toBeLessThan(1e-5);
      expect(r.counters).toEqual({ folded: 1 });
      const node = g.nodes.first()!;
      expect(node.attrFloat('beta', 1)).toBe(1);
      expect(node.attrFloat('alpha', 1)).toBe(alpha ?? 1);
    });
  }
});

describe('fold-bn sees through aliases and copies on write', () => {
  it('folds two BNs that share parameters through Identity nodes and leaves the shared tensors alone', async () => {
    const g = new Graph('shared');
    const x = input(g, 'x', [1, 4, 6, 6]);
    const shared = bnParams(g, 'model.0.bn', 4);
    const sharedBytes = shared.map((v) => Uint8Array.from(v.constValue!.bytes()));
    const sharedTensors = shared.map((v) => v.constValue!);
    // The second BN reads the same initializers through Identity nodes, as PyTorch exports do;
    // the second conv reads its weight through an Identity too.
    const aliases = shared.map((v, i) => g.append(new Node('Identity', [v], [`model.1.bn.p${i}`])).output());
    const w1 = init(g, 'model.1.conv.weight.raw', [4, 4, 3, 3]);
    const w1alias = g.append(new Node('Identity', [w1], ['model.1.conv.weight'])).output();
    const c0 = g.append(new Node('Conv', [x, init(g, 'model.0.conv.weight', [4, 4, 3, 3])], ['c0'], { attributes: [attrInts('pads', [1, 1, 1, 1])] }));
    const b0 = bn(g, c0.output(), shared, 'bn0');
    const c1 = g.append(new Node('Conv', [b0.output(), w1alias], ['c1'], { attributes: [attrInts('pads', [1, 1, 1, 1])] }));
    const b1 = bn(g, c1.output(), aliases, 'bn1');
    output(g, b1.output());
    const model = new Model(g);
    const { diff, r } = await foldAndCompare(model, { x: feed([1, 4, 6, 6]) });
    expect(diff).toBeLessThan(1e-5);
    expect(r.counters).toEqual({ folded: 2 });
    expect(ops(g)).toEqual(['Conv', 'Conv']);
    expect(g.nodes.toArray()[1]!.input(1)!.name).toBe('model.1.conv.weight_folded');
    // Copy on write: the shared tensors are the same objects with the same bytes.
    sharedTensors.forEach((t, i) => {
      expect(t.bytes()).toEqual(sharedBytes[i]);
      expect(t.storage.kind).toBe('raw');
    });
  });

  it('resolves weights and BN parameters held by Constant nodes', async () => {
    const g = new Graph('constants');
    const x = input(g, 'x', [1, 2, 4, 4]);
    const constant = (name: string, dims: number[], lo: number, hi: number): Value => {
      const t = Tensor.fromFloat32(dims, randomFloat32(dims.reduce((a, b) => a * b, 1), seedCounter++, lo, hi));
      return g.append(new Node('Constant', [], [name], { attributes: [{ name: 'value', type: 4, value: t }] })).output();
    };
    const w = constant('w', [3, 2, 1, 1], -1, 1);
    const params = [constant('g', [3], 0.5, 1.5), constant('b', [3], -1, 1), constant('m', [3], -1, 1), constant('v', [3], 0.1, 2)];
    const conv = g.append(new Node('Conv', [x, w], ['c']));
    output(g, bn(g, conv.output(), params, 'bn').output());
    const model = new Model(g);
    const { diff, r } = await foldAndCompare(model, { x: feed([1, 2, 4, 4]) });
    expect(diff).toBeLessThan(1e-5);
    expect(r.counters).toEqual({ folded: 1 });
    expect(ops(g)).toEqual(['Conv']);
  });
});

describe('fold-bn refusals', () => {
  function refusedModel(build: (g: Graph) => void): { model: Model; g: Graph } {
    const g = new Graph('refuse');
    build(g);
    return { model: new Model(g), g };
  }

  async function expectRefused(model: Model, remark: RegExp): Promise<void> {
    const g = model.graph;
    const before = ops(g);
    const inits = [...g.initializers.keys()];
    const inputsBefore = g.nodes.toArray().map((n) => n.inputs.map((v) => v?.name));
    const r = await fold(model);
    expect(r.counters).toEqual({ refused: 1 });
    expect(r.remarks).toHaveLength(1);
    expect(r.remarks[0]).toMatch(remark);
    expect(ops(g)).toEqual(before);
    expect([...g.initializers.keys()]).toEqual(inits);
    expect(g.nodes.toArray().map((n) => n.inputs.map((v) => v?.name))).toEqual(inputsBefore);
  }

  it('refuses when the weight is shared by another node (directly or through Identity)', async () => {
    for (const viaIdentity of [false, true]) {
      const { model } = refusedModel((g) => {
        const x = input(g, 'x', [1, 2, 4, 4]);
        const w = init(g, 'w', [2, 2, 1, 1]);
        const w2 = viaIdentity ? g.append(new Node('Identity', [w], ['w_alias'])).output() : w;
        const c0 = g.append(new Node('Conv', [x, w], ['c0'], { name: 'conv0' }));
        output(g, bn(g, c0.output(), bnParams(g, 'bn', 2), 'bn').output());
        output(g, g.append(new Node('Conv', [x, w2], ['c1'], { name: 'conv1' })).output());
      });
      await expectRefused(model, /^BatchNormalization 'bn': weight 'w' is shared with Conv 'conv1': folding would untie them$/);
    }
  });

  it('refuses when the Conv output has another user or is a graph output', async () => {
    const { model } = refusedModel((g) => {
      const x = input(g, 'x', [1, 2, 4, 4]);
      const c = g.append(new Node('Conv', [x, init(g, 'w', [2, 2, 1, 1])], ['c'], { name: 'conv' }));
      output(g, bn(g, c.output(), bnParams(g, 'bn', 2), 'bn').output());
      output(g, g.append(new Node('Relu', [c.output()], ['r'], { name: 'relu' })).output());
    });
    await expectRefused(model, /output 'c' of Conv 'conv' is also used by Relu 'relu': it would change$/);
    const second = refusedModel((g) => {
      const x = input(g, 'x', [1, 2, 4, 4]);
      const c = g.append(new Node('Conv', [x, init(g, 'w', [2, 2, 1, 1])], ['c'], { name: 'conv' }));
      output(g, bn(g, c.output(), bnParams(g, 'bn', 2), 'bn').output());
      output(g, c.output());
    });
    await expectRefused(second.model, /output 'c' of Conv 'conv' is a graph output: it would change$/);
  });

  it('refuses when a BN parameter or the weight is not a constant', async () => {
    const { model } = refusedModel((g) => {
      const x = input(g, 'x', [1, 2, 4, 4]);
      const gamma = input(g, 'gamma', [2]);
      const c = g.append(new Node('Conv', [x, init(g, 'w', [2, 2, 1, 1])], ['c']));
      const [, beta, mean, variance] = bnParams(g, 'bn', 2);
      const alias = g.append(new Node('Identity', [gamma], ['gamma_alias'])).output();
      output(g, bn(g, c.output(), [alias, beta!, mean!, variance!], 'bn').output());
    });
    await expectRefused(model, /scale 'gamma_alias' \(via 'gamma'\) is a graph input: it can change at run time$/);
    const second = refusedModel((g) => {
      const x = input(g, 'x', [1, 2, 4, 4]);
      const w = g.append(new Node('Abs', [init(g, 'w', [2, 2, 1, 1])], ['w_abs'], { name: 'abs' })).output();
      const c = g.append(new Node('Conv', [x, w], ['c']));
      output(g, bn(g, c.output(), bnParams(g, 'bn', 2), 'bn').output());
    });
    await expectRefused(second.model, /weight 'w_abs' is computed by Abs 'abs', not a constant$/);
  });

  it('refuses training mode and used optional outputs', async () => {
    const { model } = refusedModel((g) => {
      const x = input(g, 'x', [1, 2, 4, 4]);
      const c = g.append(new Node('Conv', [x, init(g, 'w', [2, 2, 1, 1])], ['c']));
      const b = bn(g, c.output(), bnParams(g, 'bn', 2), 'bn');
      b.setAttr(attrInt('training_mode', 1));
      output(g, b.output());
    });
    model.opsetImports.set('', 15);
    await expectRefused(model, /training_mode=1: Y uses batch statistics$/);
    const second = refusedModel((g) => {
      const x = input(g, 'x', [1, 2, 4, 4]);
      const c = g.append(new Node('Conv', [x, init(g, 'w', [2, 2, 1, 1])], ['c']));
      const b = g.append(new Node('BatchNormalization', [c.output(), ...bnParams(g, 'bn', 2)], ['y', 'mean', 'var'], { name: 'bn' }));
      output(g, b.output());
    });
    second.model.opsetImports.set('', 12);
    await expectRefused(second.model, /optional output 1 'mean' is present: before opset 14 that is training mode$/);
  });

  it('refuses channel mismatches and unsupported dtypes', async () => {
    const { model } = refusedModel((g) => {
      const x = input(g, 'x', [1, 2, 4, 4]);
      const c = g.append(new Node('Conv', [x, init(g, 'w', [3, 2, 1, 1])], ['c'], { name: 'conv' }));
      output(g, bn(g, c.output(), bnParams(g, 'bn', 2), 'bn').output());
    });
    await expectRefused(model, /scale has 2 elements but Conv 'conv' has 3 output channels$/);
    const second = refusedModel((g) => {
      const x = input(g, 'x', [1, 2, 4, 4]);
      const w = g.addInitializer(Tensor.fromBytes(DataType.INT8, [2, 2, 1, 1], new Uint8Array(4)), 'w');
      const c = g.append(new Node('Conv', [x, w], ['c'], { name: 'conv' }));
      output(g, bn(g, c.output(), bnParams(g, 'bn', 2), 'bn').output());
    });
    await expectRefused(second.model, /weight 'w' is int8: only float, double and float16 weights are folded$/);
  });

  it('remarks on a BN that follows something else, without counting a refusal', async () => {
    const g = new Graph('g');
    const x = input(g, 'x', [1, 2, 4, 4]);
    const relu = g.append(new Node('Relu', [x], ['r'], { name: 'relu' }));
    output(g, bn(g, relu.output(), bnParams(g, 'bn', 2), 'bn').output());
    const r = await fold(new Model(g));
    expect(r.counters).toEqual({});
    expect(r.remarks).toEqual(["BatchNormalization 'bn': input is Relu 'relu', not Conv, ConvTranspose or Gemm: nothing to fold into"]);
  });
});

describe('fold-bn precision and dtypes', () => {
  it('computes in float64 and rounds once (float32, float64, float16)', async () => {
    for (const dtype of [DataType.FLOAT, DataType.DOUBLE, DataType.FLOAT16]) {
      const g = new Graph('g');
      const x = g.addInput(new Value('x', tensorType(dtype, [1, 2, 3, 3])));
      const wValues = [0.1, -0.7, 1.3, 2.5, -3.25, 0.01, 7, -0.2];
      const bValues = [0.5, -0.125];
      const enc = (values: number[], dims: number[]): Tensor =>
        dtype === DataType.DOUBLE
          ? Tensor.fromBytes(dtype, dims, new Uint8Array(Float64Array.from(values).buffer))
          : dtype === DataType.FLOAT16
            ? Tensor.fromBytes(dtype, dims, new Uint8Array(Uint16Array.from(values, numberToFloat16Bits).buffer))
            : Tensor.fromFloat32(dims, Float32Array.from(values));
      const w = g.addInitializer(enc(wValues, [4, 2, 1, 1]), 'w');
      const b = g.addInitializer(enc(bValues.concat([1, 2]), [4]), 'b');
      const gamma = [1.5, 0.3, -2, 0.7];
      const beta = [0.1, 0.2, 0.3, 0.4];
      const mean = [0.05, -1, 2, 0];
      const variance = [0.5, 1.7, 0.001, 3];
      const params = [gamma, beta, mean, variance].map((p, i) => g.addInitializer(Tensor.fromFloat32([4], Float32Array.from(p)), `p${i}`));
      const conv = g.append(new Node('Conv', [x, w, b], ['c']));
      output(g, bn(g, conv.output(), params, 'bn', 1e-3).output());
      await fold(new Model(g));
      const conv2 = g.nodes.first()!;
      const wf = conv2.input(1)!.constValue!;
      const bf = conv2.input(2)!.constValue!;
      expect(wf.dtype).toBe(dtype);
      expect(bf.dtype).toBe(dtype);
      const eps = Math.fround(1e-3);
      const wIn = w.constValue!.toNumbers();
      const bIn = b.constValue!.toNumbers();
      const [G, B, M, V] = [gamma, beta, mean, variance].map((p) => p.map(Math.fround)) as [number[], number[], number[], number[]];
      const round = (v: number): number =>
        dtype === DataType.DOUBLE ? v : dtype === DataType.FLOAT ? Math.fround(v) : float16BitsToNumber(numberToFloat16Bits(v));
      const expectedW = wIn.map((v, i) => {
        const c = Math.floor(i / 2);
        return round(v * (G[c]! / Math.sqrt(V[c]! + eps)));
      });
      const expectedB = bIn.map((v, c) => round((v - M[c]!) * (G[c]! / Math.sqrt(V[c]! + eps)) + B[c]!));
      expect(wf.toNumbers()).toEqual(expectedW);
      expect(bf.toNumbers()).toEqual(expectedB);
    }
  });
});

describe('fold-bn on the YOLOv5n export', () => {
  it('matches the PyTorch-fused export node for node and numerically', async () => {
    const model = loadModel(path.join(FIXTURES, 'yolov5n_640_bn.onnx'));
    const reference = loadModel(path.join(FIXTURES, 'yolov5n_640.onnx'));
    // This export's weights are untrained: activations shrink layer after layer, so output0 alone
    // hardly depends on BN (dropping every BN moves it by ~1e-4). Every SiLU activation is also
    // compared, relative to its magnitude.
    const refValues = reference.graph.valuesByName();
    const activations = model.graph.nodes
      .toArray()
      .filter((n) => n.opType === 'Mul' && n.name.includes('/act/') && refValues.has(n.output().name))
      .map((n) => n.output().name);
    expect(activations.length).toBe(57);
    for (const m of [model, reference]) {
      const values = m.graph.valuesByName();
      for (const name of activations) output(m.graph, values.get(name)!);
    }
    const images = feed([1, 3, 640, 640], 20240601);
    const unfolded = await runModel(model, { images });
    const r = await fold(model);
    eliminateDeadCode(model.graph);
    expect(r.counters).toEqual({ folded: 57 });
    expect(r.remarks).toEqual([]);

    const seq = (m: Model): string[] => ops(m.graph).filter((op) => op !== 'Identity');
    expect(seq(model)).toEqual(seq(reference));
    expect(seq(model)).toHaveLength(264);
    expect(ops(model.graph).filter((op) => op === 'Identity')).toEqual([]);

    const folded = await runModel(model, { images });
    const fused = await runModel(reference, { images });
    const vsUnfolded = maxAbsDiff(folded.output0!.data, unfolded.output0!.data);
    const vsReference = maxAbsDiff(folded.output0!.data, fused.output0!.data);
    let relUnfolded = 0;
    let relReference = 0;
    for (const name of activations) {
      const base = unfolded[name]!.data;
      const scale = maxAbsDiff(base, new Float64Array(base.length));
      relUnfolded = Math.max(relUnfolded, maxAbsDiff(folded[name]!.data, base) / scale);
      relReference = Math.max(relReference, maxAbsDiff(folded[name]!.data, fused[name]!.data) / scale);
    }

    // Folded weights against PyTorch's fused ones, matched by Conv node name.
    const refConvs = new Map(reference.graph.nodes.toArray().filter((n) => n.opType === 'Conv').map((n) => [n.name, n] as const));
    const constOf = (v: Value | null | undefined): Tensor => {
      let cur = v!;
      while (cur.producer()?.opType === 'Identity') cur = cur.producer()!.input(0)!;
      return cur.constValue!;
    };
    let wDiff = 0;
    let bDiff = 0;
    let matched = 0;
    for (const conv of model.graph.nodes) {
      if (conv.opType !== 'Conv') continue;
      const ref = refConvs.get(conv.name);
      expect(ref, conv.name).toBeDefined();
      wDiff = Math.max(wDiff, maxAbsDiff(constOf(conv.input(1)).toFloat32(), constOf(ref!.input(1)).toFloat32()));
      bDiff = Math.max(bDiff, maxAbsDiff(constOf(conv.input(2)).toFloat32(), constOf(ref!.input(2)).toFloat32()));
      matched++;
    }
    console.log(
      `yolov5n fold-bn: ${matched} Conv matched by name; max |W'-W_ref| = ${wDiff.toExponential(3)}, max |b'-b_ref| = ${bDiff.toExponential(3)}; ` +
        `output0 max abs diff: vs reference ${vsReference.toExponential(3)}, vs unfolded ${vsUnfolded.toExponential(3)}; ` +
        `SiLU activations, max abs diff / max abs value: vs unfolded ${relUnfolded.toExponential(3)}, vs reference ${relReference.toExponential(3)}`,
    );
    expect(matched).toBe(60);
    expect(vsReference).toBeLessThan(1e-4);
    expect(vsUnfolded).toBeLessThan(1e-4);
    expect(relUnfolded).toBeLessThan(1e-5);
    expect(relReference).toBeLessThan(1e-5);
    expect(wDiff).toBeLessThan(1e-6);
    expect(bDiff).toBeLessThan(1e-6);
  });
});
