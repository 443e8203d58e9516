/**
 * autodiff: reverse-mode differentiation of an ONNX graph into more standard ONNX ops, so that
 * ONNX Runtime's InferenceSession runs forward and backward as one graph (after tinygrad
 * `gradient.py`, ORT `gradient_builder.cc`, tfjs-core `gradients/`).
 *
 * Driver. Given a scalar (or one-element) float `loss` and the parameters `wrt` (initializers or
 * graph inputs):
 *   1. the model is raised to opset >= 17 (./opset.ts: Split/Squeeze/Unsqueeze/ReduceSum take
 *      their axes as inputs, ScatterND/ScatterElements accumulate with reduction=add, which the
 *      Gather/GatherND/MaxPool rules need; nodes whose form changed are converted) and shapes are
 *      inferred: rules work with static shapes;
 *   2. the nodes on a path from a wrt value to the loss are found: forward from wrt through float
 *      values (int/bool values carry no gradient; `stopGradient` values cut the path), backward
 *      from the loss;
 *   3. they are visited in reverse topological order; each node's rule (rules/<Op>.grad.ts, one
 *      array in rules/index.ts) gets the gradients of its outputs and emits those of its inputs;
 *      a missing rule is an error naming the op and the node;
 *   4. gradients that meet at a value are summed, with Add (two) or Sum (more); a rule may hand
 *      back a gradient in a shape that broadcasts to its input (a ReduceMean's, [1,C,1,1]), which
 *      is added by broadcasting and expanded only when it is alone;
 *   5. the gradient of each wrt gets a value named `grad.<name>` (an Identity, which ORT removes);
 *      a wrt with no path to the loss gets zeros.
 * The backward nodes are appended after the forward ones; the forward values they read stay alive
 * (no recomputation). Shapes of the new values are inferred at the end.
 *
 * The `autodiff` pass adds the gradients as graph outputs.
 *
 * Running the result in ONNX Runtime (1.30, onnxruntime-node):
 * - ORT runs every node of the graph whatever is fetched, dead nodes included: once the outputs
 *   are chosen, run `dce` (the backward graph itself leaves no dead nodes).
 * - onnxruntime-node ignores feeds for initializers, even initializers listed as graph inputs:
 *   parameters that change from step to step must be plain graph inputs.
 * - yolov5n at 320 x 320, batch 8, bn-train, every parameter (test/bench/autodiff.ts train-step,
 *   graphOptimizationLevel 'all', AMD EPYC Zen 4, 2 cores shared with other work): forward +
 *   backward ~300 ms with 2 intra-op threads in quiet moments (forward alone ~135 ms), ~520 ms
 *   with 1 thread. Convolutions are two thirds of it: with weights as inputs ORT cannot use its
 *   blocked (NCHWc) kernels.
 */
import { YlcError } from '../../ir/errors.js';
import { DataType, dataTypeName, isFloatingPoint } from '../../ir/dtype.js';
import type { Node, Value } from '../../ir/graph.js';
import type { Model } from '../../ir/model.js';
import { inferShapes } from '../../ir/shape-inference/index.js';
import { Tensor } from '../../ir/tensor.js';
import { formatType, staticDims } from '../../ir/type.js';
import { definePass } from '../pass.js';
import { constantOf } from '../util/constants.js';
import { GradBuilder } from './builder.js';
import { upgradeOpset } from './opset.js';
import type { GradContext, GradRule } from './rule.js';
import { GRAD_RULES } from './rules/index.js';

export type { GradContext, GradRule } from './rule.js';
export { GRAD_RULES } from './rules/index.js';
export { upgradeOpset } from './opset.js';

/** The opset the backward graph is written in (at least). */
export const AUTODIFF_OPSET = 17;

export interface BackwardOptions {
  /** Name of the loss value: float, one element. */
  loss: string;
  /** Names of the values to differentiate: initializers or graph inputs. */
  wrt: readonly string[];
  /** Values through which no gradient flows (as `.detach()`). */
  stopGradient?: readonly string[];
  /** The seed: d(objective)/d(loss), default 1. */
  lossGradient?: number;
}

export interface BackwardResult {
  /** wrt name -> its gradient (a value named `grad.<name>`, same type as the wrt). */
  gradients: Map<string, Value>;
}

const RULES: ReadonlyMap<string, GradRule> = new Map(GRAD_RULES.map((r) => [r.op, r]));

function fail(message: string): never {
  throw new YlcError('pass-failed', `autodiff: ${message}`);
}

function isFloat(v: Value): boolean {
  return v.type?.kind === 'tensor' && isFloatingPoint(v.type.elemType);
}

/** Values of enclosing scopes read inside the subgraphs of `node`. */
function capturedValues(node: Node): Value[] {
  const out: Value[] = [];
  const inner = new Set<Value>();
  const visit = (n: Node): void => {
    for (const g of n.subgraphs()) {
      for (const v of g.definedValues()) inner.add(v);
      for (const m of g.nodes) {
        for (const v of m.inputs) if (v && !inner.has(v)) out.push(v);
        visit(m);
      }
    }
  };
  visit(node);
  return out;
}

interface Contribution {
  value: Value;
  broadcast: boolean;
}

/**
 * Appends the backward graph of `loss` with respect to `wrt` to `model` (see the file header).
 * The model is modified in place: opset raised to >= 17 when lower, value types inferred.
 */
export function appendBackward(model: Model, options: BackwardOptions): BackwardResult {
  if (typeof options !== 'object' || options === null) throw new TypeError('appendBackward: options must be an object');
  if (typeof options.loss !== 'string') throw new TypeError('appendBackward: options.loss must be a value name');
  if (!Array.isArray(options.wrt)) throw new TypeError('appendBackward: options.wrt must be an array of value names');
  const seedValue = options.lossGradient ?? 1;
  if (typeof seedValue !== 'number' || !Number.isFinite(seedValue)) throw new RangeError('appendBackward: options.lossGradient must be a finite number');

  upgradeOpset(model, AUTODIFF_OPSET);
  inferShapes(model);
  const graph = model.graph;
  const byName = graph.valuesByName();

  const loss = byName.get(options.loss);
  if (!loss) fail(`the loss '${options.loss}' is not a value of graph '${graph.name}'`);
  const lossDims = staticDims(loss.type);
  if (!isFloat(loss) || !lossDims || lossDims.some((d) => d === null) || lossDims.reduce<number>((a, d) => a * d!, 1) !== 1) {
    fail(`the loss '${loss.name}' must be a float value of one element, it is ${formatType(loss.type)}`);
  }
  const wrt: Value[] = [];
  for (const name of options.wrt) {
    const v = byName.get(name);
    if (!v || !(v.isInitializer() || v.isGraphInput())) fail(`wrt '${name}' is not an initializer or graph input of graph '${graph.name}'`);
    if (!isFloat(v)) fail(`wrt '${name}' is ${formatType(v.type)}, not a float tensor`);
    if (wrt.includes(v)) fail(`wrt '${name}' is listed twice`);
    wrt.push(v);
  }
  const stopped = new Set<Value>();
  for (const name of options.stopGradient ?? []) {
    const v = byName.get(name);
    if (!v) fail(`stopGradient '${name}' is not a value of graph '${graph.name}'`);
    stopped.add(v);
  }

  // 2. Values that depend on wrt (through float values), then the nodes that lead to the loss.
  const nodes = graph.nodes.toArray();
  const depends = new Set<Value>(wrt.filter((v) => !stopped.has(v)));
  const active = new Set<Node>();
  for (const node of nodes) {
    const reads = [...node.inputs, ...capturedValues(node)];
    if (!reads.some((v) => v && depends.has(v))) continue;
    active.add(node);
    for (const o of node.outputs) if (o.name !== '' && isFloat(o) && !stopped.has(o)) depends.add(o);
  }
  const wanted = new Set<Value>([loss]);
  const onPath: Node[] = [];
  for (let k = nodes.length - 1; k >= 0; k--) {
    const node = nodes[k]!;
    if (!active.has(node) || !node.outputs.some((o) => wanted.has(o) && depends.has(o))) continue;
    onPath.push(node);
    for (const v of [...node.inputs, ...capturedValues(node)]) if (v && depends.has(v)) wanted.add(v);
  }

  // 3-4. Reverse sweep.
  const b = new GradBuilder(graph, model.opset);
  const grads = new Map<Value, Contribution[]>();
  const summed = new Map<Value, Value>();
  const contribute = (v: Value, g: Value, broadcast: boolean): void => {
    if (summed.has(v)) throw new Error(`internal error: gradient of '${v.name}' added after it was used`);
    const list = grads.get(v);
    if (list) list.push({ value: g, broadcast });
    else grads.set(v, [{ value: g, broadcast }]);
  };
  const dimsOf = (v: Value, node?: Node): number[] => {
    const d = staticDims(v.type);
    if (!d || d.some((x) => x === null)) {
      fail(`${node ? `${node.describe()}: ` : ''}the shape of '${v.name}' is not static (${formatType(v.type)}); build the model with a fixed batch and image size`);
    }
    return d as number[];
  };
  const total = (v: Value): Value | undefined => {
    const done = summed.get(v);
    if (done) return done;
    const parts = grads.get(v);
    if (!parts || parts.length === 0) return undefined;
    const saved = b.scopeName;
    b.scopeName = `grad/${v.name}`;
    const full = parts.filter((p) => !p.broadcast).map((p) => p.value);
    const bc = parts.filter((p) => p.broadcast).map((p) => p.value);
    const g = full.length > 0 ? b.sum([...full, ...bc]) : b.expand(b.sum(bc), dimsOf(v));
    b.scopeName = saved;
    summed.set(v, g);
    return g;
  };
  if (depends.has(loss)) {
    const seed = b.constant(seedTensor(loss, lossDims as number[], seedValue));
    contribute(loss, seed, false);
  }

  for (const node of onPath) {
    // A node no gradient reaches (a rule downstream took it into its own, as the SiLU rule
    // takes its Sigmoid) has nothing to pass on.
    if (!node.outputs.some((o) => wanted.has(o) && (grads.get(o)?.length ?? 0) > 0)) continue;
    const rule = node.domain === '' || node.domain === 'ai.onnx' ? RULES.get(node.opType) : undefined;
    if (!rule) {
      const op = node.domain && node.domain !== 'ai.onnx' ? `${node.domain}::${node.opType}` : node.opType;
      fail(`no gradient rule for op ${op} (node '${node.name || node.output(0).name}'), which lies between the parameters and the loss; add passes/autodiff/rules/${node.opType}.grad.ts or cut the path with stopGradient`);
    }
    const given = new Set<number>();
    const scope = `grad${node.name.startsWith('/') ? '' : '/'}${node.name || node.opType}`;
    const ctx: GradContext = {
      node,
      b,
      opset: model.opset,
      I(i) {
        const v = node.input(i);
        if (!v) fail(`${node.describe()}: input ${i} is absent`);
        return v;
      },
      has: (i) => node.input(i) !== undefined,
      O: (i) => node.output(i),
      GO(i) {
        const o = node.outputs[i];
        return o && wanted.has(o) ? total(o) : undefined;
      },
      GOb(i) {
        const o = node.outputs[i];
        if (!o || !wanted.has(o)) return undefined;
        const parts = grads.get(o) ?? [];
        if (!summed.has(o) && parts.length > 0 && parts.every((p) => p.broadcast)) {
          b.scopeName = `grad/${o.name}`;
          const value = b.sum(parts.map((p) => p.value));
          b.scopeName = scope;
          return { value, broadcast: true };
        }
        const value = total(o);
        return value ? { value, broadcast: false } : undefined;
      },
      GOz(i) {
        const g = ctx.GO(i);
        if (g) return g;
        const o = node.output(i);
        return b.zeros(dimsOf(o, node), (o.type as { elemType: DataType }).elemType);
      },
      needs(i) {
        const v = node.input(i);
        return v !== undefined && depends.has(v) && wanted.has(v);
      },
      GI(i, g, opts) {
        const v = node.input(i);
        if (!v) throw new Error(`internal error: ${node.describe()} rule gave a gradient for absent input ${i}`);
        given.add(i);
        if (!ctx.needs(i)) return;
        contribute(v, g, opts?.broadcast ?? false);
      },
      handled(i) {
        given.add(i);
      },
      shape: (v) => dimsOf(v, node),
      dtype(v) {
        if (v.type?.kind !== 'tensor') fail(`${node.describe()}: the type of '${v.name}' is unknown`);
        return v.type.elemType;
      },
      ints(i) {
        const v = node.input(i);
        const t = v ? constantOf(v) : undefined;
        if (!t || (t.dtype !== DataType.INT64 && t.dtype !== DataType.INT32)) return undefined;
        return t.toNumbers();
      },
      floats(i) {
        const v = node.input(i);
        const t = v ? constantOf(v) : undefined;
        if (!t || !isFloatingPoint(t.dtype)) return undefined;
        return t.toNumbers();
      },
      fail: (message) => fail(`${node.describe()}: ${message}`),
    };
    b.scopeName = scope;
    rule.grad(ctx);
    node.inputs.forEach((v, i) => {
      if (v && ctx.needs(i) && !given.has(i)) fail(`${node.describe()}: no gradient for input ${i} ('${v.name}'); the ${node.opType} rule does not differentiate that input`);
    });
  }

  // 5. Named gradients.
  const gradients = new Map<string, Value>();
  for (const v of wrt) {
    b.scopeName = `grad/${v.name}`;
    const g = total(v) ?? b.zeros(dimsOf(v), (v.type as { elemType: DataType }).elemType);
    const named = b.named(g, `grad.${v.name}`);
    named.type = { kind: 'tensor', elemType: (v.type as { elemType: DataType }).elemType, shape: dimsOf(v).map((d) => ({ value: d })) };
    gradients.set(v.name, named);
  }
  inferShapes(model);
  return { gradients };
}

function seedTensor(loss: Value, dims: readonly number[], value: number): Tensor {
  const dtype = (loss.type as { elemType: DataType }).elemType;
  switch (dtype) {
    case DataType.FLOAT:
      return Tensor.fromFloat32(dims, Float32Array.of(value));
    case DataType.DOUBLE:
      return Tensor.fromBytes(DataType.DOUBLE, dims, new Uint8Array(Float64Array.of(value).buffer));
    default:
      return fail(`the loss '${loss.name}' is ${dataTypeName(dtype)}; float or double losses only`);
  }
}

/**
 * wrt=all: every float initializer that is not a graph input, in file order, less BatchNorm's
 * running statistics (inputs 3 and 4 of BatchNormalization nodes): buffers, not parameters.
 */
function allParameters(model: Model): string[] {
  const buffers = new Set<Value>();
  for (const node of model.graph.nodes) {
    if (node.opType !== 'BatchNormalization') continue;
    for (const i of [3, 4]) {
      const v = node.input(i);
      if (v?.isInitializer()) buffers.add(v);
    }
  }
  return [...model.graph.initializers.values()].filter((v) => !v.isGraphInput() && isFloat(v) && !buffers.has(v)).map((v) => v.name);
}

export const autodiffPass = definePass({
  name: 'autodiff',
  summary: 'Append the backward graph of a scalar loss; gradients become graph outputs grad.<name>',
  options: {
    loss: { type: 'string', default: 'loss', help: 'name of the scalar loss value' },
    wrt: { type: 'string', default: 'all', help: "parameters to differentiate: 'all' (every float initializer but BatchNorm running stats) or a list [a,b,...]" },
    stop: { type: 'string', default: '', help: 'values through which no gradient flows: a list [a,b,...]' },
  },
  run(model, options, ctx) {
    const list = (text: string): string[] => {
      const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
      return inner.split(',').filter((s) => s !== '');
    };
    const wrt = options.wrt === 'all' ? allParameters(model) : list(options.wrt);
    if (wrt.length === 0) throw new YlcError('pass-failed', 'autodiff: nothing to differentiate (wrt is empty)');
    const { gradients } = appendBackward(model, { loss: options.loss, wrt, stopGradient: list(options.stop) });
    for (const g of gradients.values()) model.graph.outputs.push(g);
    ctx.count('gradients', gradients.size);
    return { modified: true };
  },
});
