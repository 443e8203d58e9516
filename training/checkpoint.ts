/**
 * Training checkpoints: one safetensors file (frontends/weights), written through a temporary
 * file, fsync and rename, so an interrupted save leaves the previous checkpoint whole.
 *
 * Tensors, by state_dict name:
 *   <name>                                  parameters and BatchNorm running stats
 *   optimizer.<state>.<name>                momentum_buffer (SGD), exp_avg / exp_avg_sq (AdamW)
 *   ema.<name>                              ModelEMA's weights and (copied) running stats
 *   grad_accumulation.<name>                gradients accumulated since the last optimizer step
 * Missing optimizer state starts at zero and a missing EMA at the weights, as in a fresh run; so
 * the checkpoint `ylc artifacts` writes holds only the initial weights. (After an optimizer step
 * the state is required: TrainingRun refuses a checkpoint without it.)
 * Metadata `ylc.checkpoint`: JSON CheckpointMeta (counters, the optimizer kind, the schedule the
 * counters belong to).
 */
import { YlcError } from '../ir/errors.js';
import type { Tensor } from '../ir/tensor.js';
import { readSafetensors, writeSafetensors } from '../frontends/weights/index.js';
import { readFileBytes } from '../frontends/weights/files.js';
import type { OptimizerKind } from './schedule.js';

export const META_CHECKPOINT = 'ylc.checkpoint';

export interface CheckpointMeta {
  optimizer: OptimizerKind;
  /** Iterations (batches) done: train.py's ni of the next batch. */
  iteration: number;
  /** Optimizer steps done (ModelEMA.updates, Adam's step). */
  updates: number;
  /** train.py's last_opt_step: the iteration of the latest optimizer step, -1 before the first. */
  lastOptStep: number;
  /** The schedule the counters belong to (absent: every iteration stepped at lr0). */
  schedule?: CheckpointSchedule;
}

/** What fixes a run's warmup, LR curve and accumulation (ScheduleOptions less the hyp). */
export interface CheckpointSchedule {
  batchSize: number;
  epochs: number;
  batchesPerEpoch: number;
  cosine: boolean;
  nominalBatch: number;
}

export const checkpointKeys = {
  state: (key: string, name: string) => `optimizer.${key}.${name}`,
  ema: (name: string) => `ema.${name}`,
  accumulation: (name: string) => `grad_accumulation.${name}`,
};

export function writeCheckpoint(file: string, tensors: ReadonlyMap<string, Tensor>, meta: CheckpointMeta): void {
  writeSafetensors(file, tensors, { [META_CHECKPOINT]: JSON.stringify({ version: 1, ...meta }), format: 'pt' });
}

export function readCheckpoint(file: string): { tensors: Map<string, Tensor>; meta: CheckpointMeta } {
  const { tensors, metadata } = readSafetensors(readFileBytes(file), file);
  const text = metadata[META_CHECKPOINT];
  if (text === undefined) throw new YlcError('bad-model', `${file}: not a ylc training checkpoint (no '${META_CHECKPOINT}' metadata)`);
  let meta: CheckpointMeta & { version?: number };
  try {
    meta = JSON.parse(text) as CheckpointMeta & { version?: number };
  } catch (e) {
    throw new YlcError('bad-model', `${file}: metadata '${META_CHECKPOINT}' is not JSON (${(e as Error).message})`);
  }
  const counters = [meta.iteration, meta.updates, meta.lastOptStep];
  const sched = meta.schedule;
  const scheduleOk =
    sched === undefined ||
    (typeof sched === 'object' && sched !== null && [sched.batchSize, sched.epochs, sched.batchesPerEpoch, sched.nominalBatch].every((v) => typeof v === 'number') && typeof sched.cosine === 'boolean');
  if (meta.version !== 1 || (meta.optimizer !== 'sgd' && meta.optimizer !== 'adamw') || !counters.every(Number.isSafeInteger) || !scheduleOk) {
    throw new YlcError('bad-model', `${file}: metadata '${META_CHECKPOINT}' is not a version 1 checkpoint record`);
  }
  const { version: _version, ...rest } = meta;
  return { tensors, meta: rest };
}
