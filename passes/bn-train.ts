/**
 * bn-train: BatchNormalization in training mode, written out in primitives so that autodiff
 * differentiates it through its ordinary rules (PyTorch `BatchNorm2d.train()` semantics).
 *
 * Math, per channel c over the M = N x spatial elements of x (statistics axes 0, 2, 3, ...):
 *     mu     = mean(x)                                  ReduceMean
 *     d      = x - mu
 *     var    = mean(d d)           (biased: normalises)  Mul, ReduceMean (ORT's ReduceSumSquare
 *                                                       over N, H, W is 4x slower than the two)
 *     y      = (x - mu) gamma / sqrt(var + eps) + beta  BatchNormalization (inference form) fed
 *                                                       with mu and var: one fused pass instead of
 *                                                       Sub, Mul, Add; its gradient rule takes all
 *                                                       five inputs and reuses d.
 * Running statistics, PyTorch momentum m (ONNX's `momentum` attribute is 1 - m; PyTorch's
 * default 0.1 is ONNX's default 0.9), unbiased variance:
 *     running_mean' = (1 - m) running_mean + m mu
 *     running_var'  = (1 - m) running_var  + m var M / (M - 1)
 * They become graph outputs `update.<running stat name>`; the pass returns them by the running
 * stat's name. m comes from `options.momentum` when given (for every node), else from the node.
 *
 * The variance is two-pass (sum of squares of d, not E[x^2] - mu^2) for float32 accuracy.
 * Nodes whose input shape is unknown are refused (the count M must be static), as are nodes that
 * already use their training outputs, and running stats shared by two nodes.
 */
import { attrFloat, attrInt, attrInts, attrTensor, type Attribute } from '../ir/attribute.js';
import { DataType } from '../ir/dtype.js';
import { YlcError } from '../ir/errors.js';
import { Node, type Graph, type Value } from '../ir/graph.js';
import type { Model } from '../ir/model.js';
import { inferShapes } from '../ir/shape-inference/index.js';
import { Tensor } from '../ir/tensor.js';
import { staticDims } from '../ir/type.js';
import { floatTensor } from './autodiff/builder.js';
import { definePass } from './pass.js';

export interface BnTrainOptions {
  /** PyTorch momentum for every node (default: each node's 1 - momentum attribute, else 0.1). */
  momentum?: number;
}

export interface BnTrainResult {
  /** Running-stat value name (running_mean / running_var initializer) -> its updated value. */
  runningStats: Map<string, Value>;
}

export const RUNNING_STAT_PREFIX = 'update.';

class Emitter {
  constructor(
    private readonly graph: Graph,
    private readonly before: Node,
    private readonly opset: number,
  ) {}

  op(opType: string, inputs: Value[], attributes: Attribute[] = []): Value {
    const name = this.graph.freshName(`${this.before.name || 'BatchNormalization'}/${opType}`);
    const node = new Node(opType, inputs, [this.graph.freshName(`${name}_output_0`)], { name, attributes });
    this.graph.insertBefore(this.before, node);
    return node.output(0);
  }

  constant(t: Tensor): Value {
    return this.op('Constant', [], [attrTensor('value', t)]);
  }

  reduce(op: 'ReduceMean', x: Value, axes: number[]): Value {
    if (this.opset >= 18) return this.op(op, [x, this.constant(Tensor.fromInt64([axes.length], axes))], [attrInt('keepdims', 1)]);
    return this.op(op, [x], [attrInts('axes', axes), attrInt('keepdims', 1)]);
  }
}

function fail(message: string): never {
  throw new YlcError('pass-failed', `bn-train: ${message}`);
}

/** Rewrites every BatchNormalization of the main graph (see the file header). */
export function batchNormToTraining(model: Model, options: BnTrainOptions = {}): BnTrainResult {
  if (options.momentum !== undefined && !(options.momentum >= 0 && options.momentum <= 1)) {
    throw new RangeError(`batchNormToTraining: momentum must be in [0, 1], got ${options.momentum}`);
  }
  const graph = model.graph;
  const bns = graph.nodes.toArray().filter((n) => n.opType === 'BatchNormalization' && (n.domain === '' || n.domain === 'ai.onnx'));
  const runningStats = new Map<string, Value>();
  if (bns.length === 0) return { runningStats };
  inferShapes(model);
  const owner = new Map<string, Node>();
  for (const bn of bns) {
    for (const i of [3, 4]) {
      const v = bn.input(i);
      if (!v) fail(`${bn.describe()} has no input ${i}`);
      const other = owner.get(v.name);
      if (other) fail(`${bn.describe()} and ${other.describe()} share the running statistic '${v.name}'; give each node its own`);
      owner.set(v.name, bn);
    }
    if (bn.outputs.slice(1).some((o) => o.name !== '' && (o.useCount > 0 || o.isGraphOutput()))) {
      fail(`${bn.describe()} already uses its training outputs`);
    }
  }
  for (const bn of bns) {
    const [x, gamma, beta, runMean, runVar] = [0, 1, 2, 3, 4].map((i) => bn.input(i)!);
    const dims = staticDims(x!.type);
    if (!dims || dims.length < 2 || dims.some((d) => d === null)) fail(`${bn.describe()}: the input shape must be static, got ${dims ? `[${dims.map((d) => d ?? '?').join(',')}]` : 'unknown'}`);
    const shape = dims as number[];
    const dt = x!.type?.kind === 'tensor' ? x!.type.elemType : DataType.FLOAT;
    const C = shape[1]!;
    const M = shape.reduce((a, d, k) => (k === 1 ? a : a * d), 1);
    const eps = bn.attrFloat('epsilon', 1e-5);
    const attr = bn.attrFloat('momentum');
    const m = options.momentum ?? (attr !== undefined ? 1 - attr : 0.1);
    const axes = shape.map((_, k) => k).filter((k) => k !== 1);
    const e = new Emitter(graph, bn, model.opset);
    const scalar = (v: number): Value => e.constant(floatTensor(dt, [], [v]));
    const flat = e.constant(Tensor.fromInt64([1], [C]));

    const mu4 = e.reduce('ReduceMean', x!, axes);
    const d = e.op('Sub', [x!, mu4]);
    const mu = e.op('Reshape', [mu4, flat]);
    const variance = e.op('Reshape', [e.reduce('ReduceMean', e.op('Mul', [d, d]), axes), flat]);
    const y = e.op('BatchNormalization', [x!, gamma!, beta!, mu, variance], [attrFloat('epsilon', eps)]);

    const update = (running: Value, batch: Value, factor: number): Value => {
      const mixed = e.op('Add', [e.op('Mul', [running, scalar(1 - m)]), e.op('Mul', [batch, scalar(m * factor)])]);
      const out = e.op('Identity', [mixed]);
      out.name = graph.freshName(`${RUNNING_STAT_PREFIX}${running.name}`);
      return out;
    };
    runningStats.set(runMean!.name, update(runMean!, mu, 1));
    runningStats.set(runVar!.name, update(runVar!, variance, M > 1 ? M / (M - 1) : 1));

    const old = bn.output(0);
    const name = old.name;
    y.type = old.type;
    old.replaceAllUsesWith(y, { includeGraphOutputs: true });
    graph.remove(bn);
    if (name !== '') y.name = name;
  }
  for (const v of runningStats.values()) graph.outputs.push(v);
  inferShapes(model);
  return { runningStats };
}

export const bnTrainPass = definePass({
  name: 'bn-train',
  summary: 'Rewrite BatchNormalization to training mode (batch statistics) in primitives; running stats become outputs update.<name>',
  options: {
    momentum: { type: 'number', default: -1, help: "PyTorch momentum for every node; -1: each node's own (1 - ONNX momentum, default 0.1)", min: -1, max: 1 },
  },
  run(model, options, ctx) {
    const { runningStats } = batchNormToTraining(model, options.momentum >= 0 ? { momentum: options.momentum } : {});
    ctx.count('batchnorms', runningStats.size / 2);
    return { modified: runningStats.size > 0 };
  },
});
