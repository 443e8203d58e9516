/**
 * Optimizer steps as ONNX graphs, one chain of elementwise ops per parameter group on its flat
 * buffer (params.ts). PyTorch's update rules (torch.optim, single-tensor path, as on CPU):
 *
 * SGD, nesterov (momentum buffer zero before the first step, which equals torch's clone of d):
 *   d = g + wd * p                 (wd only in the decay group)
 *   buf' = momentum * buf + d
 *   p' = p - lr * (d + momentum * buf')
 *
 * AdamW (decoupled weight decay; beta1 = hyp momentum, beta2 = 0.999, eps = 1e-8, as train.py):
 *   p1 = p * (1 - lr * wd)         (decay group only)
 *   m' = m + (1 - beta1) * (g - m)            (torch's lerp)
 *   v' = beta2 * v + (1 - beta2) * g * g
 *   p' = p1 - (lr / bc1) * m' / (sqrt(v') / sqrt(bc2) + eps),  bc_i = 1 - beta_i^t
 *
 * EMA (ModelEMA): e' = d * e + (1 - d) * p'.
 *
 * Hyperparameters are scalar graph inputs (a session cannot change initializers), so one graph
 * serves the whole schedule: lr per group, momentum, weight decay, Adam's bias corrections
 * (computed on the host in float64 from the step count), the EMA decay. With `apply` (a bool
 * scalar), every updated buffer is `Where(apply, new, old)`: a run that only accumulates
 * gradients leaves them as they were, bit for bit.
 */
import { DataType } from '../ir/dtype.js';
import { Value, type Graph } from '../ir/graph.js';
import { tensorType } from '../ir/type.js';
import type { GraphBuilder } from '../frontends/yolov5/builder.js';
import type { OptimizerKind } from './schedule.js';
import { GROUPS, type ParamGroup } from './params.js';

export const ADAM_BETA2 = 0.999;
export const ADAM_EPS = 1e-8;

/** Per-parameter state of each optimizer, with torch's state keys. */
export const OPTIMIZER_STATE: Record<OptimizerKind, readonly string[]> = {
  sgd: ['momentum_buffer'],
  adamw: ['exp_avg', 'exp_avg_sq'],
};

/** Scalar inputs of each optimizer besides the per-group learning rates `lr.<group>`. */
export const OPTIMIZER_SCALARS: Record<OptimizerKind, readonly string[]> = {
  sgd: ['momentum', 'weight_decay'],
  adamw: ['beta1', 'beta2', 'eps', 'weight_decay', 'bias_correction1', 'bias_correction2_sqrt'],
};

export const EMA_DECAY_INPUT = 'ema_decay';
export const APPLY_INPUT = 'apply_step';

/** Graph value names of the flat buffers. */
export const names = {
  params: (g: ParamGroup) => `params.${g}`,
  grads: (g: ParamGroup) => `grads.${g}`,
  accumulated: (g: ParamGroup) => `grads.${g}.accumulated`,
  state: (key: string, g: ParamGroup) => `${key}.${g}`,
  ema: (g: ParamGroup) => `ema.${g}`,
  lr: (g: ParamGroup) => `lr.${g}`,
  updated: (name: string) => `${name}.updated`,
};

export interface GroupBuffers {
  param: Value;
  grad: Value;
  state: Value[];
  ema?: Value;
}

export interface GroupUpdate {
  param: Value;
  state: Value[];
  ema?: Value;
}

/** The scalar input `name` of `graph` (float unless `dtype` says otherwise), added on first use. */
export function scalarInput(graph: Graph, name: string, dtype: DataType = DataType.FLOAT): Value {
  return graph.inputs.find((v) => v.name === name) ?? graph.addInput(new Value(name, tensorType(dtype, [])));
}

/**
 * Appends the step of `kind` for every group present in `groups` and returns the updated
 * buffers, named `<input>.updated`. Scalars are the graph's inputs `lr.<group>` and
 * OPTIMIZER_SCALARS[kind] (and `ema_decay` when a group has an EMA buffer).
 */
export function emitOptimizerStep(
  b: GraphBuilder,
  kind: OptimizerKind,
  groups: Partial<Record<ParamGroup, GroupBuffers>>,
  options: { apply?: Value } = {},
): Partial<Record<ParamGroup, GroupUpdate>> {
  const scalar = (name: string) => scalarInput(b.graph, name);
  const { apply } = options;
  /** The last op of an update, named `<old>.updated`; with `apply`, `Where(apply, new, old)`. */
  const last = (opType: string, inputs: Value[], old: Value): Value => {
    const outName = names.updated(old.name);
    return apply ? b.op1('Where', [apply, b.op1(opType, inputs), old], [], outName) : b.op1(opType, inputs, [], outName);
  };
  const out: Partial<Record<ParamGroup, GroupUpdate>> = {};
  for (const group of GROUPS) {
    const buffers = groups[group];
    if (!buffers) continue;
    const { param: p, grad: g, state } = buffers;
    const lr = scalar(names.lr(group));
    const decay = group === 'decay';
    out[group] = b.scope(`${kind}.${group}`, () => {
      let update: GroupUpdate;
      if (kind === 'sgd') {
        const m = scalar('momentum');
        const buf = state[0]!;
        const d = decay ? b.op1('Add', [g, b.op1('Mul', [scalar('weight_decay'), p])]) : g;
        const buf1 = last('Add', [b.op1('Mul', [m, buf]), d], buf);
        const upd = b.op1('Add', [d, b.op1('Mul', [m, buf1])]);
        update = { param: last('Sub', [p, b.op1('Mul', [lr, upd])], p), state: [buf1] };
      } else {
        const [m, v] = state as [Value, Value];
        const one = b.constFloat(1);
        const pd = decay ? b.op1('Mul', [p, b.op1('Sub', [one, b.op1('Mul', [lr, scalar('weight_decay')])])]) : p;
        const m1 = last('Add', [m, b.op1('Mul', [b.op1('Sub', [g, m]), b.op1('Sub', [one, scalar('beta1')])])], m);
        const beta2 = scalar('beta2');
        const v1 = last('Add', [b.op1('Mul', [v, beta2]), b.op1('Mul', [b.op1('Mul', [g, g]), b.op1('Sub', [one, beta2])])], v);
        const denom = b.op1('Add', [b.op1('Div', [b.op1('Sqrt', [v1]), scalar('bias_correction2_sqrt')]), scalar('eps')]);
        const stepSize = b.op1('Div', [lr, scalar('bias_correction1')]);
        update = { param: last('Sub', [pd, b.op1('Mul', [b.op1('Div', [m1, denom]), stepSize])], p), state: [m1, v1] };
      }
      if (buffers.ema) {
        const e = buffers.ema;
        const dec = scalar(EMA_DECAY_INPUT);
        update.ema = last('Add', [b.op1('Mul', [e, dec]), b.op1('Mul', [update.param, b.op1('Sub', [b.constFloat(1), dec])])], e);
      }
      return update;
    });
  }
  return out;
}
