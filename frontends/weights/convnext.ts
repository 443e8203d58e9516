/**
 * Official ConvNeXt checkpoints (`convnext_small_22k_224.pth`: `{'model': state_dict}`) use the
 * classification network's names; YOLOv5-Light's ConvNeXt backbone layers have YOLOv5 names.
 * The map (REFERENCE 2):
 *   downsample_layers.0.0 -> model.0.conv     downsample_layers.0.1 -> model.0.ln
 *   downsample_layers.k.0 -> model.{2,4,6}.ln  downsample_layers.k.1 -> model.{2,4,6}.conv  (k = 1..3)
 *   stages.k.j.<rest>     -> model.{1,3,5,7}.m.j.<rest>   (dwconv, norm, pwconv1, pwconv2, gamma)
 * The classifier's final `norm.*` and `head.*` have no place in a detector and are dropped.
 */
import type { Tensor } from '../../ir/tensor.js';

export interface RemappedCheckpoint {
  readonly tensors: Map<string, Tensor>;
  /** Keys of the checkpoint that have no place in the detector (`norm.*`, `head.*`). */
  readonly dropped: string[];
}

const DOWNSAMPLE = /^downsample_layers\.(\d+)\.([01])\.(.+)$/;
const STAGE = /^stages\.(\d+)\.(\d+)\.(.+)$/;

/** True when the keys are those of an official ConvNeXt classifier checkpoint. */
export function isConvNeXtCheckpoint(tensors: ReadonlyMap<string, Tensor>): boolean {
  const keys = [...tensors.keys()];
  return keys.some((k) => k.startsWith('downsample_layers.')) && keys.some((k) => k.startsWith('stages.'));
}

export function remapConvNeXtCheckpoint(tensors: ReadonlyMap<string, Tensor>): RemappedCheckpoint {
  const out = new Map<string, Tensor>();
  const dropped: string[] = [];
  for (const [key, tensor] of tensors) {
    const name = remapKey(key);
    if (name === undefined) dropped.push(key);
    else out.set(name, tensor);
  }
  return { tensors: out, dropped };
}

function remapKey(key: string): string | undefined {
  const d = DOWNSAMPLE.exec(key);
  if (d) {
    const stage = Number(d[1]);
    const part = d[2] === '0' ? (stage === 0 ? 'conv' : 'ln') : stage === 0 ? 'ln' : 'conv';
    return `model.${stage * 2}.${part}.${d[3]}`;
  }
  const s = STAGE.exec(key);
  if (s) return `model.${Number(s[1]) * 2 + 1}.m.${s[2]}.${s[3]}`;
  return undefined;
}
