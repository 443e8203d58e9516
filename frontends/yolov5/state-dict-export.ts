/**
 * A built model's weights back to a PyTorch state_dict, so that a pruned or finetuned model can
 * go back into a PyTorch workflow: `model.load_state_dict(torch.load('w.pt'))` with strict=True.
 *
 * The initializers already carry the state_dict names. What PyTorch's state_dict has beyond them
 * is added as YOLOv5 registers it: each BatchNorm's `num_batches_tracked` (int64 scalar 0) and
 * Detect's `anchors` buffer ([nl, na, 2], anchors in pixels divided by the level's stride).
 * Initializers that are not under `model.` (constants a pass created) are not weights and are
 * reported as skipped.
 */
import { YlcError } from '../../ir/errors.js';
import type { Model } from '../../ir/model.js';
import { Tensor } from '../../ir/tensor.js';
import type { DetectInfo } from './detect.js';
import { META_DETECT, readDetectInfo } from './metadata.js';

export interface ExportedStateDict {
  readonly tensors: Map<string, Tensor>;
  /** Initializers left out: not under `model.`. */
  readonly skipped: string[];
}

const RUNNING_VAR = '.running_var';

/** `what` names the model in messages (its file, where it came from one). */
export function stateDictOf(model: Model, what = 'the model'): ExportedStateDict {
  const info = model.getMetadata(META_DETECT) !== undefined ? readDetectInfo(model, what) : undefined;
  const tensors = new Map<string, Tensor>();
  const skipped: string[] = [];
  for (const [name, value] of model.graph.initializers) {
    if (!name.startsWith('model.') || !value.constValue) {
      skipped.push(name);
      continue;
    }
    // PyTorch lists a module's own buffers before its submodules: Detect's anchors come first.
    if (info && name.startsWith(`model.${info.layer}.`) && !tensors.has(anchorsKey(info))) tensors.set(anchorsKey(info), anchorsTensor(info));
    tensors.set(name, value.constValue);
    if (name.endsWith(RUNNING_VAR)) {
      const key = `${name.slice(0, -RUNNING_VAR.length)}.num_batches_tracked`;
      tensors.set(key, Tensor.fromInt64([], [0], { name: key }));
    }
  }
  if (tensors.size === 0) {
    throw new YlcError('bad-model', `${what}: no weights with PyTorch state_dict names (model.*); export-weights needs a model built or imported by ylc`);
  }
  if (info && !tensors.has(anchorsKey(info))) tensors.set(anchorsKey(info), anchorsTensor(info));
  return { tensors, skipped };
}

function anchorsKey(info: DetectInfo): string {
  return `model.${info.layer}.anchors`;
}

function anchorsTensor(info: DetectInfo): Tensor {
  const anchors = new Float32Array(info.strides.length * info.na * 2);
  info.anchors.forEach((level, l) => level.forEach((v, j) => (anchors[l * info.na * 2 + j] = v / info.strides[l]!)));
  return Tensor.fromFloat32([info.strides.length, info.na, 2], anchors, { name: anchorsKey(info) });
}
