/**
 * TrainingRun: runs training artifacts (artifacts.ts) with plain InferenceSessions.
 *
 * State lives on the host as flat float32 buffers, two of each (ping-pong): a step feeds the
 * current buffers and has ONNX Runtime write the updated state straight into the other ones
 * (preallocated outputs), then swaps them. Nothing is copied by ylc per step, no buffer is
 * allocated per step, and a step that fails or whose loss is not finite swaps nothing, so the
 * state stays at the last good step. (onnxruntime-node still copies every fetched output into a
 * fresh array it returns; ylc ignores those for preallocated outputs. V8 frees such arrays only
 * when their external memory has grown by tens of MB, so when node runs with --expose-gc each step
 * starts with a minor GC that frees the previous step's, about 1 ms, which kept yolov5n's peak RSS
 * 35 MB lower.)
 *
 * Iterations follow train.py (schedule.ts): with a schedule, warmup, LR decay, gradient
 * accumulation and the EMA decay come from the iteration count; without one, every iteration is
 * an optimizer step with the hyp's lr0, momentum and weight_decay.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataType } from '../ir/dtype.js';
import { YlcError } from '../ir/errors.js';
import type { Device } from '../ir/runtime.js';
import { ort } from '../ir/runtime.js';
import { decodeModel, encodeModel } from '../ir/serde/index.js';
import { Tensor } from '../ir/tensor.js';
import { ARTIFACT_FILES, LAZY_RESET_INPUT, readManifest, RUNNING_STATS, type TrainingArtifacts, type TrainingManifest } from './artifacts.js';
import { checkpointKeys, readCheckpoint, writeCheckpoint, type CheckpointMeta, type CheckpointSchedule } from './checkpoint.js';
import { ADAM_BETA2, ADAM_EPS, APPLY_INPUT, EMA_DECAY_INPUT, names, OPTIMIZER_STATE } from './optimizer.js';
import { GROUPS, type FlatLayout, type ParamGroup } from './params.js';
import { emaDecay, optimizerHyp, YoloSchedule, type OptimizerHyp, type ScheduleOptions } from './schedule.js';
import { createTrainingSession } from './session.js';

export interface TrainingRunOptions {
  device?: Device;
  threads?: number;
  /** Resume from this checkpoint (default: the artifacts' initial weights). */
  checkpoint?: string;
  /** Hyperparameters (default: the ones recorded in the artifacts). */
  hyp?: Readonly<Record<string, number | undefined>>;
  /** train.py's schedule (warmup, LR decay, accumulation); without it every iteration steps at lr0. */
  schedule?: Omit<ScheduleOptions, 'hyp' | 'optimizer'>;
  /** Write ONNX Runtime profiles with this file prefix. */
  profile?: string;
}

export type Batch = Readonly<Record<string, ort.Tensor>>;

export interface StepResult {
  /** The iteration this batch was (train.py's ni). */
  iteration: number;
  loss: number;
  items: Float32Array | undefined;
  /** Whether the optimizer stepped after this batch. */
  stepped: boolean;
  lr: Record<ParamGroup, number>;
  momentum: number;
}

export interface EvalResult {
  loss: number;
  items: Float32Array | undefined;
  /** The raw heads, by output name. */
  outputs: Record<string, ort.Tensor>;
}

/** Two buffers of one flat state tensor: the current one and the one the next run writes. */
class PingPong {
  private index = 0;
  private readonly tensors: [ort.Tensor, ort.Tensor];

  constructor(size: number) {
    this.tensors = [new ort.Tensor('float32', new Float32Array(size), [size]), new ort.Tensor('float32', new Float32Array(size), [size])];
  }

  get current(): ort.Tensor {
    return this.tensors[this.index]!;
  }

  get next(): ort.Tensor {
    return this.tensors[1 - this.index]!;
  }

  get data(): Float32Array {
    return this.current.data as Float32Array;
  }

  swap(): void {
    this.index = 1 - this.index;
  }
}

interface ArtifactBytes {
  manifest: TrainingManifest;
  metadata: ReadonlyArray<readonly [string, string]>;
  training: Uint8Array;
  optimizer?: Uint8Array;
  eval: Uint8Array;
  /** Initial tensors when no checkpoint file is given. */
  initial: () => Map<string, Tensor>;
}

/** A float32 tensor's values without a copy when its bytes are aligned (safetensors data is). */
function floatValues(t: Tensor): Float32Array {
  const b = t.dtype === DataType.FLOAT ? t.bytes() : undefined;
  return b && b.byteOffset % 4 === 0 ? new Float32Array(b.buffer, b.byteOffset, t.size) : t.toFloat32();
}

const scalarTensor = (): ort.Tensor => new ort.Tensor('float32', new Float32Array(1), []);
const boolTensor = (): ort.Tensor => new ort.Tensor('bool', new Uint8Array(1), []);

export class TrainingRun {
  private readonly params = new Map<ParamGroup, PingPong>();
  private readonly state = new Map<ParamGroup, PingPong[]>();
  private readonly ema = new Map<ParamGroup, PingPong>();
  /** Gradients the training model returns (accumulated ones, with accumulation). */
  private readonly accumulated = new Map<ParamGroup, PingPong>();
  private readonly stats: PingPong | undefined;
  private readonly emaStats: Float32Array | undefined;
  private readonly scalars = new Map<string, ort.Tensor>();
  private readonly reset = boolTensor();
  private readonly apply = boolTensor();
  private readonly groups: ParamGroup[];
  private readonly hyp: OptimizerHyp;
  private readonly schedule: YoloSchedule | undefined;
  private evalSession: ort.InferenceSession | undefined;
  private meta: CheckpointMeta;

  private constructor(
    readonly manifest: TrainingManifest,
    /** The training model's metadata (the loss's `ylc.loss`, the detector's `ylc.detect`, ...). */
    readonly metadata: ReadonlyArray<readonly [string, string]>,
    private readonly training: ort.InferenceSession,
    private readonly optimizer: ort.InferenceSession | undefined,
    private readonly evalBytes: Uint8Array,
    private readonly options: TrainingRunOptions,
  ) {
    this.groups = GROUPS.filter((g) => manifest.groups[g].size > 0);
    for (const g of this.groups) {
      const size = manifest.groups[g].size;
      this.params.set(g, new PingPong(size));
      this.state.set(g, OPTIMIZER_STATE[manifest.optimizer].map(() => new PingPong(size)));
      if (manifest.accumulation || !manifest.fused) this.accumulated.set(g, new PingPong(size));
      if (manifest.ema) this.ema.set(g, new PingPong(size));
    }
    if (manifest.runningStats.size > 0) {
      this.stats = new PingPong(manifest.runningStats.size);
      if (manifest.ema) this.emaStats = new Float32Array(manifest.runningStats.size);
    }
    this.hyp = optimizerHyp(options.hyp ?? manifest.hyp, options.hyp ? 'the hyp' : 'the hyp recorded in the artifacts');
    this.schedule = options.schedule ? new YoloSchedule({ ...options.schedule, hyp: this.hyp, optimizer: manifest.optimizer }) : undefined;
    if (this.schedule) {
      const batch = manifest.batchInputs[0]?.dims[0];
      if (typeof batch === 'number' && batch !== this.schedule.options.batchSize) {
        throw new YlcError('bad-option', `schedule batchSize ${this.schedule.options.batchSize}: the artifacts were built for batch ${batch}; give the batch they take`);
      }
      if (this.schedule.accumulate > 1 && !manifest.accumulation) {
        throw new YlcError(
          'bad-option',
          `batch ${this.schedule.options.batchSize} accumulates gradients over ${this.schedule.accumulate} batches (nominal batch ${this.schedule.nominalBatch}) but the artifacts were built without gradient accumulation; rebuild them with it, or train with a batch of ${this.schedule.nominalBatch}`,
        );
      }
    }
    this.meta = { optimizer: manifest.optimizer, iteration: 0, updates: 0, lastOptStep: -1 };
    this.reset.data[0] = 1;
  }

  /** Opens the artifacts written by `writeTrainingArtifacts` (ylc artifacts) in `dir`. */
  static async load(dir: string, options: TrainingRunOptions = {}): Promise<TrainingRun> {
    const read = (file: string): Uint8Array => {
      try {
        return fs.readFileSync(path.join(dir, file));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new YlcError('io', `cannot read ${path.join(dir, file)}: ${code === 'ENOENT' ? 'no such file (write the artifacts with ylc artifacts)' : (code ?? String(e))}`);
      }
    };
    const training = read(ARTIFACT_FILES.training);
    const model = decodeModel(training, { fileName: ARTIFACT_FILES.training });
    const manifest = readManifest(model, path.join(dir, ARTIFACT_FILES.training));
    const bytes: ArtifactBytes = {
      manifest,
      metadata: model.metadataProps,
      training,
      eval: read(ARTIFACT_FILES.eval),
      ...(manifest.fused ? {} : { optimizer: read(ARTIFACT_FILES.optimizer) }),
      initial: () => readCheckpoint(path.join(dir, ARTIFACT_FILES.checkpoint)).tensors,
    };
    return TrainingRun.open(bytes, options);
  }

  /** Runs artifacts built in memory (buildTrainingArtifacts), without writing them. */
  static async fromArtifacts(artifacts: TrainingArtifacts, options: TrainingRunOptions = {}): Promise<TrainingRun> {
    return TrainingRun.open(
      {
        manifest: artifacts.manifest,
        metadata: artifacts.training.metadataProps,
        training: encodeModel(artifacts.training),
        eval: encodeModel(artifacts.eval),
        ...(artifacts.optimizer ? { optimizer: encodeModel(artifacts.optimizer) } : {}),
        initial: () => artifacts.initial,
      },
      options,
    );
  }

  private static async open(bytes: ArtifactBytes, options: TrainingRunOptions): Promise<TrainingRun> {
    const settings = { ...(options.device ? { device: options.device } : {}), ...(options.threads ? { threads: options.threads } : {}), ...(options.profile ? { profile: options.profile } : {}) };
    const training = await createTrainingSession(bytes.training, settings);
    let optimizer: ort.InferenceSession | undefined;
    let run: TrainingRun;
    try {
      optimizer = bytes.optimizer ? await createTrainingSession(bytes.optimizer, settings) : undefined;
      run = new TrainingRun(bytes.manifest, bytes.metadata, training, optimizer, bytes.eval, { ...options, ...settings });
    } catch (e) {
      await training.release();
      await optimizer?.release();
      throw e;
    }
    try {
      if (options.checkpoint) {
        const { tensors, meta } = readCheckpoint(options.checkpoint);
        run.restore(tensors, meta, options.checkpoint);
      } else {
        run.restore(bytes.initial(), { optimizer: bytes.manifest.optimizer, iteration: 0, updates: 0, lastOptStep: -1, ...run.scheduleRecord() }, 'the initial weights');
      }
    } catch (e) {
      await run.release();
      throw e;
    }
    return run;
  }

  /** Iterations done so far (the next batch's train.py ni). */
  get iteration(): number {
    return this.meta.iteration;
  }

  /** Optimizer steps done so far. */
  get updates(): number {
    return this.meta.updates;
  }

  private restore(tensors: Map<string, Tensor>, meta: CheckpointMeta, what: string): void {
    const load = (layout: FlatLayout, target: Float32Array, key: (name: string) => string, required: boolean, fallback?: Float32Array): void => {
      for (const slot of layout.slots) {
        const t = tensors.get(key(slot.name));
        if (!t) {
          if (required) throw new YlcError('bad-model', `${what}: no tensor '${key(slot.name)}'; the checkpoint does not belong to these artifacts`);
          if (fallback) target.set(fallback.subarray(slot.offset, slot.offset + slot.size), slot.offset);
          continue;
        }
        if (t.size !== slot.size || t.dims.length !== slot.dims.length || t.dims.some((d, i) => d !== slot.dims[i])) {
          throw new YlcError('bad-model', `${what}: tensor '${key(slot.name)}' is ${t.describe()}, the artifacts expect [${slot.dims.join(',')}]`);
        }
        target.set(floatValues(t), slot.offset);
      }
    };
    if (meta.optimizer !== this.manifest.optimizer && meta.updates > 0) {
      throw new YlcError('bad-model', `${what}: a checkpoint of ${meta.optimizer} cannot resume ${this.manifest.optimizer} artifacts`);
    }
    const schedule = this.scheduleRecord().schedule;
    if (meta.iteration > 0 && JSON.stringify(meta.schedule) !== JSON.stringify(schedule)) {
      const describe = (s: CheckpointSchedule | undefined) =>
        s ? `batch ${s.batchSize}, ${s.epochs} epochs of ${s.batchesPerEpoch} batches, ${s.cosine ? 'cosine' : 'linear'} LR, nominal batch ${s.nominalBatch}` : 'no schedule (every iteration a step at lr0)';
      throw new YlcError('bad-option', `${what}: it was saved at iteration ${meta.iteration} of a run with ${describe(meta.schedule)}; resume with the same schedule (this run has ${describe(schedule)})`);
    }
    if (!this.manifest.accumulation && [...tensors.keys()].some((k) => k.startsWith(checkpointKeys.accumulation('')))) {
      throw new YlcError('bad-model', `${what}: it holds gradients accumulated since the last optimizer step, and these artifacts were built without gradient accumulation; resume with artifacts built with it`);
    }
    // After an optimizer step the state is part of the run: without it momentum (or Adam's
    // moments, whose bias correction goes on from the step count) would restart from zero.
    const stateRequired = meta.updates > 0;
    const same = (name: string) => name;
    let pending = false;
    for (const g of this.groups) {
      const layout = this.manifest.groups[g];
      const params = this.params.get(g)!.data;
      load(layout, params, same, true);
      OPTIMIZER_STATE[this.manifest.optimizer].forEach((key, i) => {
        const buf = this.state.get(g)![i]!.data;
        buf.fill(0);
        load(layout, buf, (n) => checkpointKeys.state(key, n), stateRequired);
      });
      const acc = this.manifest.accumulation ? this.accumulated.get(g)!.data : undefined;
      if (acc) {
        acc.fill(0);
        pending ||= layout.slots.some((s) => tensors.has(checkpointKeys.accumulation(s.name)));
        load(layout, acc, checkpointKeys.accumulation, false);
      }
      const ema = this.ema.get(g)?.data;
      if (ema) load(layout, ema, checkpointKeys.ema, false, params);
    }
    if (this.stats) {
      load(this.manifest.runningStats, this.stats.data, same, true);
      if (this.emaStats) load(this.manifest.runningStats, this.emaStats, checkpointKeys.ema, false, this.stats.data);
    }
    this.meta = { ...meta, optimizer: this.manifest.optimizer, ...this.scheduleRecord() };
    this.reset.data[0] = pending ? 0 : 1;
  }

  /** This run's schedule as checkpoints record it (nothing without one). */
  private scheduleRecord(): { schedule?: CheckpointSchedule } {
    if (!this.schedule) return {};
    const o = this.schedule.options;
    return { schedule: { batchSize: o.batchSize, epochs: o.epochs, batchesPerEpoch: o.batchesPerEpoch, cosine: o.cosine ?? false, nominalBatch: this.schedule.nominalBatch } };
  }

  private scalar(name: string, value: number): ort.Tensor {
    let t = this.scalars.get(name);
    if (!t) this.scalars.set(name, (t = scalarTensor()));
    (t.data as Float32Array)[0] = value;
    return t;
  }

  /** The optimizer's scalar inputs for its next step (step number updates + 1: Adam's bias corrections, the EMA decay). */
  private hyperFeeds(lr: Record<ParamGroup, number>, momentum: number, decay: number): Record<string, ort.Tensor> {
    const feeds: Record<string, ort.Tensor> = {};
    for (const g of this.groups) feeds[names.lr(g)] = this.scalar(names.lr(g), lr[g]);
    const t = this.meta.updates + 1;
    if (this.manifest.optimizer === 'sgd') {
      feeds.momentum = this.scalar('momentum', momentum);
      feeds.weight_decay = this.scalar('weight_decay', decay);
    } else {
      const beta1 = this.hyp.momentum;
      feeds.beta1 = this.scalar('beta1', beta1);
      feeds.beta2 = this.scalar('beta2', ADAM_BETA2);
      feeds.eps = this.scalar('eps', ADAM_EPS);
      feeds.weight_decay = this.scalar('weight_decay', decay);
      feeds.bias_correction1 = this.scalar('bias_correction1', 1 - beta1 ** t);
      feeds.bias_correction2_sqrt = this.scalar('bias_correction2_sqrt', Math.sqrt(1 - ADAM_BETA2 ** t));
    }
    if (this.manifest.ema) feeds[EMA_DECAY_INPUT] = this.scalar(EMA_DECAY_INPUT, emaDecay(t));
    return feeds;
  }

  private checkBatch(batch: Batch): void {
    for (const spec of this.manifest.batchInputs) {
      const t = batch[spec.name];
      if (!(t instanceof ort.Tensor)) {
        throw new YlcError('bad-option', `the batch has no tensor '${spec.name}' (the training model reads ${this.manifest.batchInputs.map((s) => s.name).join(', ')})`);
      }
      const fits = t.dims.length === spec.dims.length && spec.dims.every((d, i) => typeof d !== 'number' || d === t.dims[i]);
      // ONNX names the element types float and double; onnxruntime-node float32 and float64.
      const dtype = ({ float: 'float32', double: 'float64' } as Record<string, string>)[spec.dtype] ?? spec.dtype;
      if (t.type !== dtype || !fits) {
        const want = `${dtype}[${spec.dims.map((d) => d ?? '?').join(',')}]`;
        throw new YlcError('bad-option', `batch tensor '${spec.name}' is ${t.type}[${t.dims.join(',')}]; the training model takes ${want}`);
      }
    }
  }

  /** One iteration: forward, loss, backward, and the optimizer step when the schedule says so. */
  async step(batch: Batch): Promise<StepResult> {
    this.checkBatch(batch);
    // The previous step's output copies are unreachable by now (see the file header).
    (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc?.({ type: 'minor' });
    const ni = this.meta.iteration;
    if (this.schedule && ni >= this.schedule.totalIterations) {
      const o = this.schedule.options;
      throw new YlcError('bad-option', `training is finished: the schedule's ${o.epochs} epochs of ${o.batchesPerEpoch} batches (${this.schedule.totalIterations} iterations) are done; save the checkpoint, and to train further build a model from it (ylc build --weights <checkpoint> --weights-partial) for a new run`);
    }
    const h = this.schedule?.at(ni, this.meta.lastOptStep);
    const lr = h?.lr ?? { decay: this.hyp.lr0, bn: this.hyp.lr0, bias: this.hyp.lr0 };
    const momentum = h?.momentum ?? this.hyp.momentum;
    const decay = this.schedule?.weightDecay ?? this.hyp.weight_decay;
    const stepping = h?.step ?? true;
    const m = this.manifest;

    const feeds: Record<string, ort.Tensor> = { ...batch };
    if (m.accumulation) feeds[LAZY_RESET_INPUT] = this.reset;
    const fetches: Record<string, ort.Tensor | null> = { [m.loss]: null };
    if (m.items) fetches[m.items] = null;
    if (this.stats) {
      feeds[RUNNING_STATS] = this.stats.current;
      fetches[names.updated(RUNNING_STATS)] = this.stats.next;
    }
    const swaps: PingPong[] = [];
    if (this.stats) swaps.push(this.stats);
    for (const g of this.groups) {
      feeds[names.params(g)] = this.params.get(g)!.current;
      const acc = this.accumulated.get(g);
      if (!acc) continue;
      if (m.accumulation) feeds[names.accumulated(g)] = acc.current;
      fetches[names.grads(g)] = acc.next;
      swaps.push(acc);
    }
    if (m.fused) {
      Object.assign(feeds, this.hyperFeeds(lr, momentum, decay));
      if (m.accumulation) {
        this.apply.data[0] = stepping ? 1 : 0;
        feeds[APPLY_INPUT] = this.apply;
      }
      swaps.push(...this.bindState(feeds, fetches));
    }
    const out = await this.training.run(feeds, fetches);
    const loss = (out[m.loss]!.data as Float32Array)[0]!;
    const items = m.items ? (out[m.items]!.data as Float32Array) : undefined;
    if (!Number.isFinite(loss)) {
      throw new YlcError(
        'pass-failed',
        `training diverged at iteration ${ni}: the loss is ${loss}; the state stays at iteration ${ni - 1} (after ${this.meta.updates} optimizer steps), and saveCheckpoint writes it`,
      );
    }
    if (!m.fused && stepping) {
      // The gradients are in the buffers the training run just wrote; nothing is swapped until
      // the optimizer has run too, so a failure leaves the whole state at the previous iteration.
      const optFeeds: Record<string, ort.Tensor> = this.hyperFeeds(lr, momentum, decay);
      const optFetches: Record<string, ort.Tensor | null> = {};
      for (const g of this.groups) optFeeds[names.grads(g)] = this.accumulated.get(g)!.next;
      swaps.push(...this.bindState(optFeeds, optFetches));
      await this.optimizer!.run(optFeeds, optFetches);
    }
    for (const s of swaps) s.swap();
    if (stepping) {
      this.meta.updates++;
      this.meta.lastOptStep = ni;
      if (this.emaStats && this.stats) this.emaStats.set(this.stats.data);
    }
    this.reset.data[0] = stepping ? 1 : 0;
    this.meta.iteration++;
    return { iteration: ni, loss, items: items ? Float32Array.from(items) : undefined, stepped: stepping, lr, momentum };
  }

  /** Feeds params, optimizer state and EMA, and binds their updates to the other buffers. */
  private bindState(feeds: Record<string, ort.Tensor>, fetches: Record<string, ort.Tensor | null>): PingPong[] {
    const swaps: PingPong[] = [];
    const bind = (name: string, buf: PingPong) => {
      feeds[name] = buf.current;
      fetches[names.updated(name)] = buf.next;
      swaps.push(buf);
    };
    for (const g of this.groups) {
      bind(names.params(g), this.params.get(g)!);
      OPTIMIZER_STATE[this.manifest.optimizer].forEach((key, i) => bind(names.state(key, g), this.state.get(g)![i]!));
      const ema = this.ema.get(g);
      if (ema) bind(names.ema(g), ema);
    }
    return swaps;
  }

  /** Forward in inference form (BatchNorm on the running stats) with the loss; `ema` evaluates the EMA weights. */
  async evaluate(batch: Batch, options: { ema?: boolean } = {}): Promise<EvalResult> {
    this.checkBatch(batch);
    if (options.ema && !this.manifest.ema) throw new YlcError('bad-option', 'these artifacts keep no EMA (built with ema: false)');
    // Profiling covers the training step (endProfiling ends the sessions that step).
    this.evalSession ??= await createTrainingSession(this.evalBytes, { ...this.options, profile: undefined });
    const feeds: Record<string, ort.Tensor> = { ...batch };
    for (const g of this.groups) {
      const buf = options.ema ? this.ema.get(g)! : this.params.get(g)!;
      feeds[names.params(g)] = buf.current;
    }
    if (this.stats) {
      feeds[RUNNING_STATS] = options.ema ? new ort.Tensor('float32', this.emaStats!, [this.emaStats!.length]) : this.stats.current;
    }
    const out = await this.evalSession.run(feeds);
    const m = this.manifest;
    const outputs: Record<string, ort.Tensor> = {};
    for (const h of m.heads) outputs[h] = out[h]!;
    return { loss: (out[m.loss]!.data as Float32Array)[0]!, items: m.items ? (out[m.items]!.data as Float32Array) : undefined, outputs };
  }

  /** The weights (or their EMA) and running stats by state_dict name, as copies. */
  stateDict(options: { ema?: boolean } = {}): Map<string, Tensor> {
    if (options.ema && !this.manifest.ema) throw new YlcError('bad-option', 'these artifacts keep no EMA (built with ema: false)');
    const out = new Map<string, Tensor>();
    const add = (layout: FlatLayout, data: Float32Array) => {
      for (const s of layout.slots) out.set(s.name, Tensor.fromFloat32(s.dims, data.slice(s.offset, s.offset + s.size), { name: s.name }));
    };
    for (const g of this.groups) add(this.manifest.groups[g], (options.ema ? this.ema.get(g) : this.params.get(g))!.data);
    if (this.stats) add(this.manifest.runningStats, options.ema && this.emaStats ? this.emaStats : this.stats.data);
    return out;
  }

  /** Writes the whole training state (checkpoint.ts) through a temp file and a rename. */
  saveCheckpoint(file: string): void {
    const tensors = new Map<string, Tensor>();
    const add = (layout: FlatLayout, data: Float32Array, key: (name: string) => string) => {
      for (const s of layout.slots) tensors.set(key(s.name), Tensor.fromFloat32(s.dims, data.subarray(s.offset, s.offset + s.size)));
    };
    const same = (name: string) => name;
    const pending = this.manifest.accumulation && this.reset.data[0] === 0;
    for (const g of this.groups) {
      const layout = this.manifest.groups[g];
      add(layout, this.params.get(g)!.data, same);
      OPTIMIZER_STATE[this.manifest.optimizer].forEach((key, i) => add(layout, this.state.get(g)![i]!.data, (n) => checkpointKeys.state(key, n)));
      const ema = this.ema.get(g);
      if (ema) add(layout, ema.data, checkpointKeys.ema);
      if (pending) add(layout, this.accumulated.get(g)!.data, checkpointKeys.accumulation);
    }
    if (this.stats) {
      add(this.manifest.runningStats, this.stats.data, same);
      if (this.emaStats) add(this.manifest.runningStats, this.emaStats, checkpointKeys.ema);
    }
    writeCheckpoint(file, tensors, this.meta);
  }

  /** Ends profiling (when enabled): ONNX Runtime writes its profile files (`<prefix>_<date>.json`). */
  endProfiling(): void {
    this.training.endProfiling();
    this.optimizer?.endProfiling();
  }

  async release(): Promise<void> {
    await this.training.release();
    await this.optimizer?.release();
    await this.evalSession?.release();
  }
}
