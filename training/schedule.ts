/**
 * train.py's optimizer recipe on the host, in float64 (YOLOv5 v7.0, REFERENCE 5):
 *
 *   accumulate = max(round(nbs / bs), 1)             nbs = 64 (nominal batch size)
 *   weight_decay *= bs * accumulate / nbs            (decay group only)
 *   lf(e) = (1 - e / E) * (1 - lrf) + lrf            linear, or
 *   lf(e) = ((1 - cos(e * pi / E)) / 2) * (lrf - 1) + 1   one_cycle (--cos-lr)
 *   nw = max(round(warmup_epochs * nb), 100)         warmup iterations
 *   while ni <= nw (ni = i + nb * epoch):
 *     accumulate = max(1, round(interp(ni, [0, nw], [1, nbs / bs])))
 *     lr(bias)   = interp(ni, [0, nw], [warmup_bias_lr, lr0 * lf(epoch)])
 *     lr(others) = interp(ni, [0, nw], [0, lr0 * lf(epoch)])
 *     momentum   = interp(ni, [0, nw], [warmup_momentum, momentum])   (SGD only: Adam has betas)
 *   afterwards lr = lr0 * lf(epoch) (LambdaLR, stepped once per epoch), momentum = hyp momentum;
 *   an optimizer step runs when ni - last_opt_step >= accumulate.
 *   EMA decay d(updates) = 0.9999 * (1 - exp(-updates / 2000)), updates counting optimizer steps.
 * `round` is NumPy's and Python's: halves go to the even neighbour.
 */
import { YlcError } from '../ir/errors.js';
import type { ParamGroup } from './params.js';

export const NOMINAL_BATCH = 64;
export const EMA_DECAY = 0.9999;
export const EMA_TAU = 2000;

export type OptimizerKind = 'sgd' | 'adamw';

/** The hyp keys the optimizer reads (hyp.scratch-*.yaml). */
export interface OptimizerHyp {
  lr0: number;
  lrf: number;
  momentum: number;
  weight_decay: number;
  warmup_epochs: number;
  warmup_momentum: number;
  warmup_bias_lr: number;
}

export const OPTIMIZER_HYP_KEYS = ['lr0', 'lrf', 'momentum', 'weight_decay', 'warmup_epochs', 'warmup_momentum', 'warmup_bias_lr'] as const;

/** The optimizer's part of a hyp (as `loadHyp` returns it); `what` names it in messages. */
export function optimizerHyp(hyp: Readonly<Record<string, number | undefined>>, what: string): OptimizerHyp {
  const missing = OPTIMIZER_HYP_KEYS.filter((k) => typeof hyp[k] !== 'number');
  if (missing.length) throw new YlcError('bad-option', `${what}: the hyp lacks ${missing.map((k) => `'${k}'`).join(', ')} (the optimizer needs ${OPTIMIZER_HYP_KEYS.join(', ')})`);
  const h = Object.fromEntries(OPTIMIZER_HYP_KEYS.map((k) => [k, hyp[k]!])) as unknown as OptimizerHyp;
  if (!(h.lr0 > 0)) throw new YlcError('bad-option', `${what}: 'lr0' must be > 0, got ${h.lr0}`);
  if (!(h.lrf > 0 && h.lrf <= 1)) throw new YlcError('bad-option', `${what}: 'lrf' must be in (0, 1], got ${h.lrf}`);
  for (const k of ['momentum', 'warmup_momentum'] as const) {
    if (!(h[k] >= 0 && h[k] < 1)) throw new YlcError('bad-option', `${what}: '${k}' must be in [0, 1), got ${h[k]}`);
  }
  for (const k of ['weight_decay', 'warmup_epochs', 'warmup_bias_lr'] as const) {
    if (!(h[k] >= 0)) throw new YlcError('bad-option', `${what}: '${k}' must be >= 0, got ${h[k]}`);
  }
  return h;
}

/** Python's round() / NumPy's round(): to nearest, halves to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** numpy.interp for two points. */
export function interp(x: number, [x0, x1]: readonly [number, number], [y0, y1]: readonly [number, number]): number {
  if (x <= x0) return y0;
  if (x >= x1) return y1;
  return y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
}

export interface ScheduleOptions {
  hyp: OptimizerHyp;
  optimizer: OptimizerKind;
  batchSize: number;
  epochs: number;
  /** Batches per epoch (len(train_loader)). */
  batchesPerEpoch: number;
  /** One-cycle cosine LR instead of linear (train.py --cos-lr). */
  cosine?: boolean;
  nominalBatch?: number;
}

/** What one iteration uses. */
export interface IterationHyper {
  lr: Record<ParamGroup, number>;
  momentum: number;
  accumulate: number;
  /** Whether the optimizer steps after this iteration's backward. */
  step: boolean;
}

/**
 * The recipe as a function of the iteration. `lastOptStep` is train.py's `last_opt_step`: the
 * iteration of the latest optimizer step (-1 before the first), kept by the caller (and in
 * checkpoints) so a resumed run steps where the original would have.
 */
export class YoloSchedule {
  readonly nominalBatch: number;
  /** accumulate after warmup: max(round(nbs / bs), 1). */
  readonly accumulate: number;
  /** Weight decay of the decay group, scaled to the nominal batch. */
  readonly weightDecay: number;
  /** Warmup iterations. */
  readonly warmupIterations: number;

  constructor(readonly options: ScheduleOptions) {
    const { hyp, batchSize, epochs, batchesPerEpoch } = options;
    for (const [k, v] of [['batchSize', batchSize], ['epochs', epochs], ['batchesPerEpoch', batchesPerEpoch]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`YoloSchedule: ${k} must be a positive integer, got ${v}`);
    }
    this.nominalBatch = options.nominalBatch ?? NOMINAL_BATCH;
    if (!(this.nominalBatch > 0) || !Number.isFinite(this.nominalBatch)) throw new RangeError(`YoloSchedule: nominalBatch must be a positive number, got ${this.nominalBatch}`);
    this.accumulate = Math.max(roundHalfEven(this.nominalBatch / batchSize), 1);
    this.weightDecay = hyp.weight_decay * ((batchSize * this.accumulate) / this.nominalBatch);
    this.warmupIterations = Math.max(roundHalfEven(hyp.warmup_epochs * batchesPerEpoch), 100);
  }

  /** Iterations in the whole run: epochs x batches per epoch. */
  get totalIterations(): number {
    return this.options.epochs * this.options.batchesPerEpoch;
  }

  /** lf(epoch). */
  lrFactor(epoch: number): number {
    const { epochs, hyp, cosine } = this.options;
    if (cosine) return ((1 - Math.cos((epoch * Math.PI) / epochs)) / 2) * (hyp.lrf - 1) + 1;
    return (1 - epoch / epochs) * (1.0 - hyp.lrf) + hyp.lrf;
  }

  /**
   * The hyperparameters of iteration `ni` (counted from the start of training). Past the last
   * epoch the LR factor leaves the recipe (linear goes negative, cosine climbs back), so an
   * iteration there is refused.
   */
  at(ni: number, lastOptStep: number): IterationHyper {
    const { hyp, batchSize, batchesPerEpoch, optimizer } = this.options;
    if (!Number.isInteger(ni) || ni < 0 || ni >= this.totalIterations) {
      throw new RangeError(`YoloSchedule: iteration ${ni} is outside the run's ${this.totalIterations} iterations`);
    }
    const epoch = Math.floor(ni / batchesPerEpoch);
    const target = hyp.lr0 * this.lrFactor(epoch);
    let lr = { decay: target, bn: target, bias: target };
    let momentum = hyp.momentum;
    let accumulate = this.accumulate;
    const nw = this.warmupIterations;
    if (ni <= nw) {
      accumulate = Math.max(1, roundHalfEven(interp(ni, [0, nw], [1, this.nominalBatch / batchSize])));
      const up = interp(ni, [0, nw], [0, target]);
      lr = { decay: up, bn: up, bias: interp(ni, [0, nw], [hyp.warmup_bias_lr, target]) };
      if (optimizer === 'sgd') momentum = interp(ni, [0, nw], [hyp.warmup_momentum, hyp.momentum]);
    }
    return { lr, momentum, accumulate, step: ni - lastOptStep >= accumulate };
  }
}

/** ModelEMA's decay after `updates` optimizer steps. */
export function emaDecay(updates: number): number {
  return EMA_DECAY * (1 - Math.exp(-updates / EMA_TAU));
}
