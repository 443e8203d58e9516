/**
 * A tiny trainable model with hand-written training hooks, for testing the training layer apart
 * from the YOLOv5 loss and autodiff:
 *
 *   h = x @ fc1.weight                      x [B, 4], fc1.weight [4, 5]         (decay group)
 *   y = BatchNormalization(h; bn.*)         bn.weight (bn group), bn.bias (bias group)
 *   a = tanh(y)
 *   pred = (a @ fc2.weight + fc2.bias) * gamma    gamma [2]: in no optimizer group (frozen)
 *   loss = mean((pred - target)^2)
 *
 * `activation` replaces tanh (to put an op without a gradient rule on the path).
 * The "training mode" hook keeps BatchNorm on its running stats (so the backward is short) and
 * updates them as PyTorch would from the batch: new = 0.97 * old + 0.03 * batch stat (unbiased
 * variance). The backward hook writes the gradients out by hand.
 */
import { attrFloat, attrInt, attrInts } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import { Graph, Node, Value } from '../../ir/graph.js';
import { Model } from '../../ir/model.js';
import { Tensor } from '../../ir/tensor.js';
import { tensorType } from '../../ir/type.js';
import type { TrainingHooks } from '../../training/artifacts.js';
import { randomFloat32 } from './ort.js';

export const TINY_BATCH = 4;
const EPS = 1e-5;

export function tinyModel(options: { seed?: number; form?: 'train' | 'deploy' | null; activation?: string } = {}): Model {
  const seed = options.seed ?? 1;
  const g = new Graph('tiny');
  const x = g.addInput(new Value('images', tensorType(DataType.FLOAT, [TINY_BATCH, 4])));
  const init = (name: string, dims: number[], data: Float32Array) => g.addInitializer(Tensor.fromFloat32(dims, data), name);
  const w1 = init('fc1.weight', [4, 5], randomFloat32(20, seed, -0.8, 0.8));
  const bw = init('bn.weight', [5], randomFloat32(5, seed + 1, 0.5, 1.5));
  const bb = init('bn.bias', [5], randomFloat32(5, seed + 2, -0.2, 0.2));
  const rm = init('bn.running_mean', [5], randomFloat32(5, seed + 3, -0.1, 0.1));
  const rv = init('bn.running_var', [5], randomFloat32(5, seed + 4, 0.8, 1.2));
  const w2 = init('fc2.weight', [5, 2], randomFloat32(10, seed + 5, -0.8, 0.8));
  const b2 = init('fc2.bias', [2], randomFloat32(2, seed + 6, -0.1, 0.1));
  const gamma = init('gamma', [2], Float32Array.of(1.5, 0.75));
  const h = g.append(new Node('MatMul', [x, w1], ['h'])).output();
  const y = g.append(new Node('BatchNormalization', [h, bw, bb, rm, rv], ['y'], { attributes: [attrFloat('epsilon', EPS), attrFloat('momentum', 0.97)] })).output();
  const a = g.append(new Node(options.activation ?? 'Tanh', [y], ['a'], { name: 'act' })).output();
  const o = g.append(new Node('Add', [g.append(new Node('MatMul', [a, w2], ['o0'])).output(), b2], ['o'])).output();
  const pred = g.append(new Node('Mul', [o, gamma], ['pred'])).output();
  pred.type = tensorType(DataType.FLOAT, [TINY_BATCH, 2]);
  g.outputs = [pred];
  const model = new Model(g, { irVersion: 8n, opsetImports: [['', 17]] });
  if (options.form !== null) model.setMetadata('ylc.form', options.form ?? 'train');
  return model;
}

function op(g: Graph, opType: string, inputs: Value[], attributes: ReturnType<typeof attrInt>[] = []): Value {
  return g.append(new Node(opType, inputs, 1, { attributes })).output();
}

function constant(g: Graph, t: Tensor): Value {
  return g.addInitializer(t, g.freshName('const'));
}

function sum0(g: Graph, v: Value): Value {
  return op(g, 'ReduceSum', [v, constant(g, Tensor.fromInt64([1], [0]))], [attrInt('keepdims', 0)]);
}

function byName(model: Model, name: string): Value {
  const v = model.graph.valuesByName().get(name);
  if (!v) throw new Error(`tiny model: no value '${name}'`);
  return v;
}

export const tinyHooks: TrainingHooks = {
  batchNormToTraining(model) {
    const g = model.graph;
    const h = byName(model, 'h');
    const mom = constant(g, Tensor.scalarFloat32(0.97));
    const rate = constant(g, Tensor.scalarFloat32(0.03));
    const mean = op(g, 'ReduceMean', [h], [attrInts('axes', [0]), attrInt('keepdims', 0)]);
    const centered = op(g, 'Sub', [h, mean]);
    const unbiased = op(g, 'Mul', [op(g, 'ReduceMean', [op(g, 'Mul', [centered, centered])], [attrInts('axes', [0]), attrInt('keepdims', 0)]), constant(g, Tensor.scalarFloat32(TINY_BATCH / (TINY_BATCH - 1)))]);
    const blend = (old: Value, batch: Value) => op(g, 'Add', [op(g, 'Mul', [old, mom]), op(g, 'Mul', [batch, rate])]);
    return {
      runningStats: new Map([
        ['bn.running_mean', blend(byName(model, 'bn.running_mean'), mean)],
        ['bn.running_var', blend(byName(model, 'bn.running_var'), unbiased)],
      ]),
    };
  },

  appendLoss(model) {
    const g = model.graph;
    const target = g.addInput(new Value('target', tensorType(DataType.FLOAT, [TINY_BATCH, 2])));
    const diff = g.append(new Node('Sub', [byName(model, 'pred'), target], ['diff'])).output();
    const loss = g.append(new Node('ReduceMean', [op(g, 'Mul', [diff, diff])], ['loss'], { attributes: [attrInt('keepdims', 0)] })).output();
    loss.type = tensorType(DataType.FLOAT, []);
    const items = g.append(new Node('Reshape', [loss, constant(g, Tensor.fromInt64([1], [1]))], ['loss_items'])).output();
    items.type = tensorType(DataType.FLOAT, [1]);
    return { loss: 'loss', items: 'loss_items', inputs: ['target'] };
  },

  appendBackward(model, { wrt }) {
    const g = model.graph;
    const v = (n: string) => byName(model, n);
    const f = (x: number) => constant(g, Tensor.scalarFloat32(x));
    const t = (x: Value) => op(g, 'Transpose', [x], [attrInts('perm', [1, 0])]);
    const dpred = op(g, 'Mul', [v('diff'), f(2 / (TINY_BATCH * 2))]);
    const dout = op(g, 'Mul', [dpred, v('gamma')]);
    const a = v('a');
    const dW2 = op(g, 'MatMul', [t(a), dout]);
    const db2 = sum0(g, dout);
    const da = op(g, 'MatMul', [dout, t(v('fc2.weight'))]);
    const dy = op(g, 'Mul', [da, op(g, 'Sub', [f(1), op(g, 'Mul', [a, a])])]);
    const inv = op(g, 'Reciprocal', [op(g, 'Sqrt', [op(g, 'Add', [v('bn.running_var'), f(EPS)])])]);
    const n = op(g, 'Mul', [op(g, 'Sub', [v('h'), v('bn.running_mean')]), inv]);
    const dg = sum0(g, op(g, 'Mul', [dy, n]));
    const db = sum0(g, dy);
    const dh = op(g, 'Mul', [op(g, 'Mul', [dy, v('bn.weight')]), inv]);
    const dW1 = op(g, 'MatMul', [t(v('images')), dh]);
    const all = new Map([
      ['fc1.weight', dW1],
      ['bn.weight', dg],
      ['bn.bias', db],
      ['fc2.weight', dW2],
      ['fc2.bias', db2],
    ]);
    return { gradients: new Map(wrt.map((name) => [name, all.get(name)!])) };
  },
};

/** One seeded batch of the tiny model. */
export function tinyBatch(seed = 7): { images: Float32Array; target: Float32Array } {
  return { images: randomFloat32(TINY_BATCH * 4, seed, -1, 1), target: randomFloat32(TINY_BATCH * 2, seed + 1, -1, 1) };
}
