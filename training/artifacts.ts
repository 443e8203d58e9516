/**
 * Training artifacts, after ONNX Runtime's on-device training artifacts but runnable by a plain
 * InferenceSession (which cannot update initializers, so all state goes in and out as tensors):
 *
 *   training_model.onnx   forward (BatchNorm in training mode) + loss + backward.
 *       in:  the batch (images, loss inputs), `params.<group>` (flat, params.ts),
 *            `running_stats`, `grads.<group>.accumulated`, `lazy_reset_grad` (bool: ignore the
 *            accumulated gradients, as after an optimizer step);
 *       out: loss, loss items, `running_stats.updated`, `grads.<group>` (accumulated + this batch).
 *     With the optimizer fused in (`fuseOptimizer`), it also takes the optimizer state, the EMA,
 *     the scalar hyperparameters and `apply_step` (bool), and returns `params.<group>.updated`,
 *     `<state>.<group>.updated`, `ema.<group>.updated` (optimizer.ts): one run is one iteration.
 *     Without gradient accumulation (`gradientAccumulation: false`) there is no
 *     `lazy_reset_grad`, `grads.<group>.accumulated` nor `apply_step`: every run steps, and a
 *     fused model returns no gradients.
 *   optimizer_model.onnx  (not fused) params, grads, state, EMA, scalars -> updated params/state/EMA.
 *   eval_model.onnx       forward in inference form (BatchNorm on the running stats) + loss:
 *       in: the batch, `params.<group>`, `running_stats`; out: loss, items, the raw heads.
 *   checkpoint.safetensors  the parameters and running stats by state_dict name (checkpoint.ts).
 * The layout of every flat buffer, the batch inputs and the output names are the manifest,
 * stored as metadata `ylc.training` in each model.
 *
 * The graph-level work (BatchNorm to training mode, the loss, the backward pass) is done by
 * `TrainingHooks`; `yoloTrainingHooks` (yolo.ts) supplies YOLOv5's. Frozen tensors (params.ts)
 * stay initializers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { attrInt } from '../ir/attribute.js';
import { DataType, dataTypeName } from '../ir/dtype.js';
import { YlcError } from '../ir/errors.js';
import { Graph, Value } from '../ir/graph.js';
import { Model } from '../ir/model.js';
import { saveModel } from '../ir/serde/index.js';
import { describeIoError, makeOutputDirectory } from '../ir/atomic-write.js';
import type { Tensor } from '../ir/tensor.js';
import { tensorType } from '../ir/type.js';
import { verifyModel } from '../ir/verify.js';
import { eliminateDeadCode } from '../passes/dce.js';
import { GraphBuilder } from '../frontends/yolov5/builder.js';
import { cloneModel } from '../frontends/yolov5/clone.js';
import { readForm } from '../frontends/yolov5/metadata.js';
import { writeCheckpoint } from './checkpoint.js';
import { APPLY_INPUT, emitOptimizerStep, EMA_DECAY_INPUT, names, OPTIMIZER_SCALARS, OPTIMIZER_STATE, scalarInput, type GroupBuffers } from './optimizer.js';
import { collectTrainable, GROUPS, type FlatLayout, type ParamGroup } from './params.js';
import type { OptimizerKind } from './schedule.js';

export const META_TRAINING = 'ylc.training';
export const RUNNING_STATS = 'running_stats';
export const LAZY_RESET_INPUT = 'lazy_reset_grad';
export const ARTIFACT_FILES = {
  training: 'training_model.onnx',
  eval: 'eval_model.onnx',
  optimizer: 'optimizer_model.onnx',
  checkpoint: 'checkpoint.safetensors',
} as const;

/** What the loss hook added, by value name (as appendYoloLoss returns it). */
export interface LossParts {
  /** The scalar (or one-element) value to minimise. */
  loss: string;
  /** Loss components reported beside it (YOLOv5: lbox, lobj, lcls). */
  items?: string;
  /** Graph inputs the loss added (targets). */
  inputs: string[];
  /** Values the gradient must not flow through. */
  stopGradient?: string[];
}

/** The model-specific graph work (YOLOv5's in yolo.ts; tests bring their own for small models). */
export interface TrainingHooks {
  /** Switches BatchNormalization to training mode; running stat initializer name -> its updated value. */
  batchNormToTraining(model: Model): { runningStats: Map<string, Value> };
  /** Appends the loss to a model in either form (training-mode BN, or inference for the eval model). */
  appendLoss(model: Model): LossParts;
  /** Appends the backward pass: gradient of `loss` for each parameter named in `wrt`. */
  appendBackward(model: Model, options: { loss: string; wrt: string[]; stopGradient?: string[] }): { gradients: Map<string, Value> };
}

export interface ArtifactOptions {
  hooks: TrainingHooks;
  /** Default 'sgd'. */
  optimizer?: OptimizerKind;
  /** The optimizer step inside the training model (one session run per iteration). Default false. */
  fuseOptimizer?: boolean;
  /** Keep an exponential moving average of the weights (ModelEMA). Default true. */
  ema?: boolean;
  /**
   * Gradient accumulation across iterations (train.py's `accumulate`, needed below the nominal
   * batch of 64). Default true; without it every iteration is an optimizer step and the fused
   * model skips the accumulation inputs and the `apply_step` selects.
   */
  gradientAccumulation?: boolean;
  /** The hyperparameters, recorded in the manifest. */
  hyp?: Readonly<Record<string, number | undefined>>;
}

export interface TensorSpec {
  name: string;
  dtype: string;
  /** Sizes; symbolic dims as their names, unknown ones as null. */
  dims: Array<number | string | null>;
}

export interface TrainingManifest {
  format: 'ylc.training';
  version: 1;
  optimizer: OptimizerKind;
  fused: boolean;
  ema: boolean;
  /** Whether the training model accumulates gradients over iterations (see the file header). */
  accumulation: boolean;
  groups: Record<ParamGroup, FlatLayout>;
  runningStats: FlatLayout;
  frozen: string[];
  /** The batch: the model's inputs and the loss's, fed every step. */
  batchInputs: TensorSpec[];
  loss: string;
  items: string | null;
  /** The eval model's raw outputs (the training-form model's outputs). */
  heads: string[];
  hyp: Record<string, number>;
}

export interface TrainingArtifacts {
  manifest: TrainingManifest;
  training: Model;
  eval: Model;
  /** Absent when the optimizer is fused. */
  optimizer?: Model;
  /** Initial parameters and running stats by name (views of the model's tensors). */
  initial: Map<string, Tensor>;
}

function specOf(v: Value): TensorSpec {
  const t = v.type;
  if (t?.kind !== 'tensor') throw new YlcError('bad-model', `input '${v.name}' has no tensor type`);
  return { name: v.name, dtype: dataTypeName(t.elemType), dims: (t.shape ?? []).map((d) => d.value ?? d.param ?? null) };
}

/** The values named `names` in `model`'s graph (undefined stays undefined). */
function lookup(model: Model, valueNames: ReadonlyArray<string | undefined>): Array<Value | undefined> {
  const byName = model.graph.valuesByName();
  return valueNames.map((n) => {
    if (n === undefined) return undefined;
    const v = byName.get(n);
    if (!v) throw new Error(`internal error: the loss hook named value '${n}', which the graph does not define`);
    return v;
  });
}

/** A YlcError unless `model` is in training form (ylc.form = train). */
export function checkTrainingForm(model: Model): void {
  const form = readForm(model);
  if (form === 'train') return;
  if (form === 'deploy') {
    throw new YlcError('bad-model', 'the model is in deploy form (BatchNorm folded, Detect decoded) and cannot be trained; build the training form: ylc build --cfg <cfg> --form train');
  }
  throw new YlcError('bad-model', "the model is not in training form (no 'ylc.form' = train metadata); make it with ylc build --form train or ylc import");
}

/** Runs a hook; a failure becomes a one-line YlcError naming the step (a YlcError keeps its code). */
function hook<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof YlcError) throw e.withContext(what);
    const message = e instanceof Error ? e.message : String(e);
    throw new YlcError('pass-failed', `${what}: ${message.split('\n')[0]}`, { cause: e });
  }
}

/**
 * Replaces the initializers of `layout` by slices of one flat graph input `name`: Split, then
 * Reshape back to each tensor's dims (appended: `atFront` moves them before the graph's nodes).
 */
function flatInput(b: GraphBuilder, layout: FlatLayout, name: string): Value | undefined {
  if (layout.slots.length === 0) return undefined;
  const graph = b.graph;
  const input = graph.addInput(new Value(name, tensorType(DataType.FLOAT, [layout.size])));
  const pieces = layout.slots.length === 1 ? [input] : b.split(input, 0, layout.slots.map((s) => s.size));
  layout.slots.forEach((slot, i) => {
    const init = graph.initializers.get(slot.name);
    if (!init) throw new Error(`internal error: initializer '${slot.name}' disappeared while building the training graph`);
    const piece = b.op1('Reshape', [pieces[i]!, b.constInts(slot.dims)]);
    piece.type = tensorType(DataType.FLOAT, slot.dims);
    init.replaceAllUsesWith(piece, { includeGraphOutputs: true });
    if (!graph.removeInitializer(init)) throw new Error(`internal error: initializer '${slot.name}' is still in use after its replacement`);
  });
  return input;
}

/** Runs `fn`, which appends nodes, and moves those nodes before the ones the graph had. */
function atFront<T>(graph: Graph, fn: () => T): T {
  const before = graph.nodes.toArray();
  const result = fn();
  const known = new Set(before);
  graph.reorder([...graph.nodes.toArray().filter((n) => !known.has(n)), ...before]);
  return result;
}

/** Concatenates `values` (flattened, in layout order) into one output named `name`. */
function flatOutput(b: GraphBuilder, values: Value[], name: string, size: number): Value {
  const flat = b.constInts([-1]);
  if (values.length === 1) return typed(b.op1('Reshape', [values[0]!, flat], [], name), size);
  return typed(b.op1('Concat', values.map((v) => b.op1('Reshape', [v, flat])), [attrInt('axis', 0)], name), size);
}

function typed(v: Value, size: number): Value {
  v.type = tensorType(DataType.FLOAT, [size]);
  return v;
}

/** Drops what no output needs (ONNX Runtime runs every node, fetched or not), records the manifest, verifies. */
function finish(model: Model, manifest: TrainingManifest, what: string): Model {
  eliminateDeadCode(model.graph);
  model.setMetadata(META_TRAINING, JSON.stringify(manifest));
  const problems = verifyModel(model);
  if (problems.length > 0) throw new Error(`internal error: the ${what} fails verification: ${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`);
  return model;
}

function presentGroups(groups: Record<ParamGroup, FlatLayout>): ParamGroup[] {
  return GROUPS.filter((g) => groups[g].slots.length > 0);
}

/** Builds the artifacts of a training-form model (left unchanged). See the file header. */
export function buildTrainingArtifacts(model: Model, options: ArtifactOptions): TrainingArtifacts {
  checkTrainingForm(model);
  const kind = options.optimizer ?? 'sgd';
  if (kind !== 'sgd' && kind !== 'adamw') throw new YlcError('bad-option', `optimizer must be 'sgd' or 'adamw', got '${String(kind)}'`);
  const fused = options.fuseOptimizer ?? false;
  const useEma = options.ema ?? true;
  const accumulation = options.gradientAccumulation ?? true;
  const { hooks } = options;
  const trainable = collectTrainable(model);
  const groups = presentGroups(trainable.groups);

  const initial = new Map<string, Tensor>();
  for (const g of groups) for (const s of trainable.groups[g].slots) initial.set(s.name, model.graph.initializers.get(s.name)!.constValue!);
  for (const s of trainable.runningStats.slots) initial.set(s.name, model.graph.initializers.get(s.name)!.constValue!);

  // Training model.
  const train = cloneModel(model);
  const heads = train.graph.outputs.map((v) => v.name);
  const { runningStats } = hook('cannot switch BatchNorm to training mode', () => hooks.batchNormToTraining(train));
  const lossParts = hook('cannot append the loss', () => hooks.appendLoss(train));
  const wrt = groups.flatMap((g) => trainable.groups[g].slots.map((s) => s.name));
  const { gradients } = hook('cannot build the backward pass', () =>
    hooks.appendBackward(train, { loss: lossParts.loss, wrt, ...(lossParts.stopGradient ? { stopGradient: lossParts.stopGradient } : {}) }),
  );
  const [loss, items] = lookup(train, [lossParts.loss, lossParts.items]);
  const lossInputs = lookup(train, lossParts.inputs) as Value[];

  const manifest: TrainingManifest = {
    format: 'ylc.training',
    version: 1,
    optimizer: kind,
    fused,
    ema: useEma,
    accumulation,
    groups: trainable.groups,
    runningStats: trainable.runningStats,
    frozen: trainable.frozen.map((f) => f.name),
    batchInputs: [...train.graph.inputs.filter((v) => !lossInputs.includes(v)), ...lossInputs].map(specOf),
    loss: lossParts.loss,
    items: lossParts.items ?? null,
    heads,
    hyp: Object.fromEntries(Object.entries(options.hyp ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number')),
  };

  const tg = train.graph;
  const front = new GraphBuilder(tg, train.opset);
  front.enterScopes(['train', 'inputs']);
  const back = new GraphBuilder(tg, train.opset);
  back.enterScopes(['train', 'outputs']);
  const params = new Map<ParamGroup, Value>();
  const statsIn = atFront(tg, () => {
    for (const g of groups) params.set(g, flatInput(front, trainable.groups[g], names.params(g))!);
    return flatInput(front, trainable.runningStats, RUNNING_STATS);
  });

  const outputs: Value[] = [loss!];
  if (items) outputs.push(items);
  if (statsIn) {
    const updated = trainable.runningStats.slots.map((s) => {
      const v = runningStats.get(s.name);
      if (!v) throw new Error(`internal error: batchNormToTraining gave no updated value for running stat '${s.name}'`);
      return v;
    });
    outputs.push(flatOutput(back, updated, names.updated(RUNNING_STATS), trainable.runningStats.size));
  }
  const reset = accumulation ? scalarInput(tg, LAZY_RESET_INPUT, DataType.BOOL) : undefined;
  const grads = new Map<ParamGroup, Value>();
  for (const g of groups) {
    const layout = trainable.groups[g];
    const parts = layout.slots.map((s) => {
      const grad = gradients.get(s.name);
      if (!grad) throw new Error(`internal error: the backward pass gave no gradient for '${s.name}'`);
      return grad;
    });
    if (!reset) {
      const batchGrads = flatOutput(back, parts, names.grads(g), layout.size);
      grads.set(g, batchGrads);
      if (!fused) outputs.push(batchGrads);
      continue;
    }
    const fresh = flatOutput(back, parts, `${names.grads(g)}.batch`, layout.size);
    const acc = tg.addInput(new Value(names.accumulated(g), tensorType(DataType.FLOAT, [layout.size])));
    const total = back.op1('Where', [reset, fresh, back.op1('Add', [acc, fresh])], [], names.grads(g));
    grads.set(g, typed(total, layout.size));
    outputs.push(total);
  }
  if (fused) {
    const apply = accumulation ? scalarInput(tg, APPLY_INPUT, DataType.BOOL) : undefined;
    const step = emitOptimizerStep(back, kind, groupBuffers(tg, kind, groups, trainable.groups, params, grads, useEma), apply ? { apply } : {});
    for (const g of groups) {
      const u = step[g]!;
      outputs.push(u.param, ...u.state, ...(u.ema ? [u.ema] : []));
    }
  }
  tg.outputs = outputs;
  finish(train, manifest, 'training model');

  // Eval model: the inference form with the same inputs.
  const evalModel = cloneModel(model);
  const headValues = [...evalModel.graph.outputs];
  const evalLoss = hook('cannot append the loss', () => hooks.appendLoss(evalModel));
  const [evalLossValue, evalItems] = lookup(evalModel, [evalLoss.loss, evalLoss.items]);
  const eg = evalModel.graph;
  const evalFront = new GraphBuilder(eg, evalModel.opset);
  evalFront.enterScopes(['eval', 'inputs']);
  atFront(eg, () => {
    for (const g of groups) flatInput(evalFront, trainable.groups[g], names.params(g));
    flatInput(evalFront, trainable.runningStats, RUNNING_STATS);
  });
  eg.outputs = [evalLossValue!, ...(evalItems ? [evalItems] : []), ...headValues];
  if (evalLoss.loss !== manifest.loss || (evalLoss.items ?? null) !== manifest.items) {
    throw new Error('internal error: the loss hook named its outputs differently in the eval model');
  }
  finish(evalModel, manifest, 'eval model');

  let optimizer: Model | undefined;
  if (!fused) {
    const og = new Graph('optimizer');
    const opt = new Model(og, { irVersion: train.irVersion, opsetImports: [['', Math.max(train.opset, 13)]] });
    opt.producerName = 'ylc';
    const ob = new GraphBuilder(og, opt.opset);
    ob.enterScopes(['optimizer']);
    const p = new Map<ParamGroup, Value>();
    const gr = new Map<ParamGroup, Value>();
    for (const g of groups) {
      const size = trainable.groups[g].size;
      p.set(g, og.addInput(new Value(names.params(g), tensorType(DataType.FLOAT, [size]))));
      gr.set(g, og.addInput(new Value(names.grads(g), tensorType(DataType.FLOAT, [size]))));
    }
    const step = emitOptimizerStep(ob, kind, groupBuffers(og, kind, groups, trainable.groups, p, gr, useEma));
    og.outputs = groups.flatMap((g) => {
      const u = step[g]!;
      return [u.param, ...u.state, ...(u.ema ? [u.ema] : [])].map((v) => typed(v, trainable.groups[g].size));
    });
    optimizer = finish(opt, manifest, 'optimizer model');
  }
  return { manifest, training: train, eval: evalModel, ...(optimizer ? { optimizer } : {}), initial };
}

/** The optimizer's inputs for each group: state and EMA buffers as new graph inputs. */
function groupBuffers(
  graph: Graph,
  kind: OptimizerKind,
  groups: readonly ParamGroup[],
  layouts: Record<ParamGroup, FlatLayout>,
  params: Map<ParamGroup, Value>,
  grads: Map<ParamGroup, Value>,
  ema: boolean,
): Partial<Record<ParamGroup, GroupBuffers>> {
  const flat = (name: string, g: ParamGroup) => graph.addInput(new Value(name, tensorType(DataType.FLOAT, [layouts[g].size])));
  for (const g of groups) scalarInput(graph, names.lr(g));
  for (const s of OPTIMIZER_SCALARS[kind]) scalarInput(graph, s);
  if (ema) scalarInput(graph, EMA_DECAY_INPUT);
  const out: Partial<Record<ParamGroup, GroupBuffers>> = {};
  for (const g of groups) {
    out[g] = {
      param: params.get(g)!,
      grad: grads.get(g)!,
      state: OPTIMIZER_STATE[kind].map((key) => flat(names.state(key, g), g)),
      ...(ema ? { ema: flat(names.ema(g), g) } : {}),
    };
  }
  return out;
}

/**
 * Writes the artifacts into `dir` (created if missing). Every file is written first into a
 * staging directory inside `dir`, and only when all are written are they renamed into place: a
 * failure leaves `dir` as it was, never a mix of old and new artifacts.
 */
export function writeTrainingArtifacts(dir: string, artifacts: TrainingArtifacts): string[] {
  makeOutputDirectory(dir);
  const staging = path.join(dir, `.staging-${process.pid}`);
  const files: string[] = [];
  try {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging);
    const stage = (file: string, write: (target: string) => void) => {
      write(path.join(staging, file));
      files.push(path.join(dir, file));
    };
    stage(ARTIFACT_FILES.training, (f) => saveModel(artifacts.training, f));
    stage(ARTIFACT_FILES.eval, (f) => saveModel(artifacts.eval, f));
    if (artifacts.optimizer) stage(ARTIFACT_FILES.optimizer, (f) => saveModel(artifacts.optimizer!, f));
    stage(ARTIFACT_FILES.checkpoint, (f) => writeCheckpoint(f, artifacts.initial, { optimizer: artifacts.manifest.optimizer, iteration: 0, updates: 0, lastOptStep: -1 }));
    // Everything staged moves: the models' external data files too, when a model needed them.
    const staged = fs.readdirSync(staging).map((f) => [path.join(staging, f), path.join(dir, f)] as const);
    for (const [, target] of staged) {
      if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new YlcError('bad-output', `cannot write ${target}: it is a directory`);
    }
    for (const [from, to] of staged) fs.renameSync(from, to);
    if (!artifacts.optimizer) fs.rmSync(path.join(dir, ARTIFACT_FILES.optimizer), { force: true });
  } catch (e) {
    if (e instanceof YlcError) throw e;
    throw new YlcError('bad-output', `cannot write the artifacts into ${dir}: ${describeIoError(e)}`, { cause: e });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return files;
}

/** The manifest of a training artifact model. */
export function readManifest(model: Model, file: string): TrainingManifest {
  const text = model.getMetadata(META_TRAINING);
  if (text === undefined) throw new YlcError('bad-model', `${file}: not a training artifact (no '${META_TRAINING}' metadata); write artifacts with ylc artifacts`);
  try {
    const m = JSON.parse(text) as TrainingManifest;
    if (m.format !== 'ylc.training' || m.version !== 1) throw new Error(`format ${String(m.format)} version ${String(m.version)}`);
    return m;
  } catch (e) {
    throw new YlcError('bad-model', `${file}: metadata '${META_TRAINING}' is not a ylc training manifest (${(e as Error).message})`);
  }
}
