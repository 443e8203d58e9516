/**
 * Weights from PyTorch checkpoints and safetensors files, chosen by content (a zip archive is a
 * torch.save checkpoint; an 8-byte length followed by '{' is safetensors), never by extension.
 * Half-precision tensors come back widened to float32 from both formats, so that consumers see
 * the same dtypes whichever file they were handed; integer tensors keep their dtype.
 */
import { YlcError } from '../../ir/errors.js';
import type { Tensor } from '../../ir/tensor.js';
import { isLegacyTorchFile } from '../pytorch/torch-archive.js';
import { looksLikeZip } from '../pytorch/zip.js';
import { readTorchCheckpoint } from './checkpoint.js';
import { isHalf, widenToFloat32 } from './convert.js';
import { readFileBytes } from './files.js';
import { looksLikeSafetensors, readSafetensors } from './safetensors.js';

export { readTorchCheckpoint, type TorchCheckpoint } from './checkpoint.js';
export { readSafetensors, writeSafetensors, serializeSafetensors, type SafetensorsFile } from './safetensors.js';
export { writeTorchStateDict } from './torch-writer.js';

export interface Weights {
  readonly tensors: Map<string, Tensor>;
  /** The YOLOv5 Model's config dict, when the checkpoint holds a whole model. */
  readonly config?: Record<string, unknown>;
  /** Class names of a whole-model checkpoint. */
  readonly names?: string[];
  /** The safetensors `__metadata__`. */
  readonly metadata?: Record<string, string>;
  readonly format: 'pt' | 'safetensors';
  readonly notes: string[];
}

export function readWeights(file: string): Weights {
  const bytes = readFileBytes(file);
  if (looksLikeZip(bytes) || isLegacyTorchFile(bytes)) {
    const { stateDict: tensors, config, names, notes } = readTorchCheckpoint(bytes, file);
    return { tensors, format: 'pt', notes, ...(config ? { config } : {}), ...(names ? { names } : {}) };
  }
  if (looksLikeSafetensors(bytes) || /\.safetensors$/i.test(file)) {
    const { tensors, metadata } = readSafetensors(bytes, file);
    const notes: string[] = [];
    let widened = 0;
    for (const [name, t] of tensors) {
      if (!isHalf(t.dtype)) continue;
      tensors.set(name, widenToFloat32(t));
      widened++;
    }
    if (widened > 0) notes.push(`widened ${widened} half-precision ${widened === 1 ? 'tensor' : 'tensors'} to float32`);
    return { tensors, metadata, format: 'safetensors', notes };
  }
  throw new YlcError(
    'bad-model',
    `${file}: neither a PyTorch checkpoint (zip) nor a safetensors file; pass a .pt/.pth saved by torch.save or a .safetensors file`,
  );
}
