/**
 * YOLOv5's training hooks for the artifacts: BatchNorm in training mode (passes/bn-train), the
 * YOLOv5 loss (training/loss) with train.py's gain rescaling, and autodiff's backward pass.
 *
 * The backward graph is built for static shapes (passes/autodiff), so the loss takes its targets
 * at a fixed capacity per level, padded and masked on the host (appendYoloLoss `capacity`): with
 * `maxTargets` boxes per batch, `targetCapacity(maxTargets)` entries per level always suffice.
 */
import { YlcError } from '../ir/errors.js';
import { Graph } from '../ir/graph.js';
import { Model } from '../ir/model.js';
import { ort } from '../ir/runtime.js';
import { staticDims } from '../ir/type.js';
import { readDetectInfo } from '../frontends/yolov5/index.js';
import { appendBackward } from '../passes/autodiff/index.js';
import { batchNormToTraining } from '../passes/bn-train.js';
import { appendYoloLoss, rescaleHyp, targetCapacity, yoloTargetFeeds, type Hyp, type LossFeed } from './loss/index.js';
import type { TrainingHooks } from './artifacts.js';
import type { Batch, TrainingRun } from './runtime.js';

export interface YoloHookOptions {
  /** The hyp as read from its file (`loadHyp`), rescaled here for the model's nc, nl and image size. */
  hyp: Hyp;
  /** false: `hyp` is already rescaled (what train.py saves, the goldens' metadata). Default true. */
  rescale?: boolean;
  /** The most boxes a batch may hold (sizes the loss's fixed-capacity target inputs). */
  maxTargets: number;
}

/** The images input's static [bs, ch, h, w]. */
function imageShape(model: Model): number[] {
  const dims = staticDims(model.graph.inputs[0]?.type);
  if (!dims || dims.length !== 4 || dims.some((d) => d === null)) {
    throw new YlcError('bad-model', `training needs a static image input [bs, ch, h, w], the model has ${model.graph.inputs[0]?.name ?? 'none'} [${dims?.map((d) => d ?? '?').join(', ') ?? '?'}]; build it with --batch <n> --imgsz <size>`);
  }
  return dims as number[];
}

export function yoloTrainingHooks(model: Model, options: YoloHookOptions): TrainingHooks {
  const info = readDetectInfo(model, 'training');
  const shape = imageShape(model);
  const hyp = options.rescale === false ? options.hyp : rescaleHyp(options.hyp, { nc: info.nc, imgsz: Math.max(shape[2]!, shape[3]!), nl: info.heads.length });
  if (!Number.isInteger(options.maxTargets) || options.maxTargets < 1) {
    throw new YlcError('bad-option', `--max-targets expects a positive integer (boxes per batch), got ${options.maxTargets}`);
  }
  const capacity = targetCapacity(options.maxTargets, info.na);
  return {
    batchNormToTraining: (m) => batchNormToTraining(m, {}),
    appendLoss(m) {
      const loss = appendYoloLoss(m, { hyp, capacity });
      return { loss: loss.loss, items: loss.items, inputs: loss.inputs, stopGradient: loss.stopGradient };
    },
    appendBackward: (m, { loss, wrt, stopGradient }) => appendBackward(m, { loss, wrt, ...(stopGradient ? { stopGradient } : {}) }),
  };
}

/**
 * A batch for TrainingRun: images [bs, ch, h, w] and targets [n, 6] (image, class, x, y, w, h,
 * normalised), assigned to the loss's target inputs on the host as the run's artifacts say.
 */
export function yoloBatch(run: Pick<TrainingRun, 'manifest' | 'metadata'>, images: Float32Array, targets: Float32Array): Batch {
  const [imagesSpec] = run.manifest.batchInputs;
  const dims = imagesSpec!.dims as number[];
  // yoloTargetFeeds reads the loss and Detect metadata only.
  const meta = new Model(new Graph('metadata'));
  meta.metadataProps = run.metadata.map(([k, v]) => [k, v]);
  const feeds: Record<string, LossFeed> = yoloTargetFeeds(meta, targets, { imageShape: dims });
  const batch: Record<string, ort.Tensor> = { [imagesSpec!.name]: new ort.Tensor('float32', images, dims) };
  for (const [name, feed] of Object.entries(feeds)) batch[name] = new ort.Tensor(feed.type, feed.data, [...feed.dims]);
  return batch;
}

/** The synthetic targets of torch_yolov5_ref.py's bench: 4 boxes per image, classes j % nc. */
export function benchTargets(batchSize: number, nc: number): Float32Array {
  const rows: number[] = [];
  for (let i = 0; i < batchSize; i++) for (let j = 0; j < 4; j++) rows.push(i, j % nc, 0.5, 0.5, 0.2 + 0.05 * j, 0.3);
  return Float32Array.from(rows);
}
