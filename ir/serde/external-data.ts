/**
 * External data (TensorProto.data_location = EXTERNAL).
 *
 * Reading is lazy (Tensor storage 'external' reads on first `bytes()`); at load we only check that
 * each location stays inside the model's directory (a model must not make ylc read, and copy into
 * its output, any file on the disk), that a declared length is the tensor's size, and that each
 * referenced file exists and is long enough, so a bad reference is reported against the model
 * rather than deep inside a pass.
 *
 * Writing (`externalData: true`) moves initializers of at least `threshold` bytes (not STRING
 * ones) into one data file beside the model, contiguously in model order, with location/offset/
 * length entries, as onnx.save(..., save_as_external_data=True) does.
 *
 * A tensor that is already external keeps its entries when it is not rewritten and its file is
 * reachable under the same location from the output directory and is not the data file being
 * replaced; otherwise its bytes are read (through `bytes()`, which caches them, so the in-memory
 * model stays valid after the old data file is replaced) and written inline or into the new file.
 * The model file itself must not replace a file external tensors read from (saveModel refuses):
 * the input model, and the output's kept references, would then point at the new model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Tensor, externalEntry, type ExternalDataRef } from '../tensor.js';
import { DataType, dataTypeBits, rawByteLength } from '../dtype.js';
import { YlcError } from '../errors.js';
import { onnx } from './proto.js';
import type { EncodeHooks } from './encode.js';

/**
 * Refuses a location that leaves the model's directory: an absolute path, or one whose `..`
 * climbs out of it (as onnx.checker does). A file inside the directory may still be a symlink to
 * one outside; that is the directory owner's choice and is not checked.
 */
export function checkExternalLocation(ref: ExternalDataRef, tensorName: string): string {
  const location = externalEntry(ref, 'location');
  if (location === undefined) throw new YlcError('bad-model', `tensor '${tensorName}' has external data without a location`);
  if (path.isAbsolute(location)) {
    throw new YlcError(
      'bad-model',
      `tensor '${tensorName}' has its data at the absolute path ${location}; ONNX allows only locations relative to the model's directory`,
    );
  }
  const outside = (dir: string, file: string) => {
    const relative = path.relative(dir, file);
    return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  };
  const file = path.resolve(ref.baseDir, location);
  if (outside(path.resolve(ref.baseDir), file)) {
    throw new YlcError(
      'bad-model',
      `tensor '${tensorName}' has its data in ${location}, which is outside the model's directory ${ref.baseDir}; ONNX allows only locations inside it`,
    );
  }
  // A symlink in the directory may point anywhere (a model shipped as an archive can carry
  // w.bin -> /etc/passwd): where the file really is counts.
  let real: string | undefined;
  try {
    real = fs.realpathSync(file);
  } catch {
    real = undefined; // missing: reported where the file is read
  }
  if (real !== undefined && outside(fs.realpathSync(ref.baseDir), real)) {
    throw new YlcError('bad-model', `tensor '${tensorName}' has its data in ${location}, a link to ${real} outside the model's directory ${ref.baseDir}; ONNX allows only files inside it`);
  }
  return location;
}

/**
 * Checks that an external tensor's location stays in the model's directory, that its declared
 * length is the tensor's size, and that its file exists and holds its bytes.
 */
export function checkExternalRef(tensor: Tensor, fileSizes: Map<string, number | null>): void {
  if (tensor.storage.kind !== 'external') return;
  const ref = tensor.storage.ref;
  const location = checkExternalLocation(ref, tensor.name);
  const offset = Number(externalEntry(ref, 'offset') ?? 0);
  const length = externalEntry(ref, 'length');
  if (length !== undefined && dataTypeBits(tensor.dtype) > 0) {
    const expected = rawByteLength(tensor.dtype, tensor.size);
    if (Number(length) !== expected) {
      throw new YlcError(
        'bad-model',
        `tensor '${tensor.name}' has external data length ${length} in ${location}, but ${tensor.describe()} takes ${expected} bytes`,
      );
    }
  }
  const file = path.resolve(ref.baseDir, location);
  let size = fileSizes.get(file);
  if (size === undefined) {
    try {
      const st = fs.statSync(file);
      size = st.isFile() ? st.size : null;
    } catch {
      size = null;
    }
    fileSizes.set(file, size);
  }
  if (size === null) {
    throw new YlcError('bad-model', `tensor '${tensor.name}' has its data in ${location}, which does not exist in ${ref.baseDir}`);
  }
  const end = offset + (length !== undefined ? Number(length) : 0);
  if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(end) || end < offset || end > size) {
    throw new YlcError(
      'bad-model',
      `tensor '${tensor.name}' has its data at bytes ${offset}..${end} of ${location}, which has ${size} bytes`,
    );
  }
}

export interface ExternalPlan {
  hooks: EncodeHooks;
  /** The data to write to the data file, in order (filled while the model is encoded). */
  readonly chunks: Uint8Array[];
  /** The files the model's external tensors read from (filled while the model is encoded). */
  readonly sources: Set<string>;
}

/**
 * Whether renaming a new file onto `target` replaces the file `source` reads: the same path, or
 * the same file reached through symlinks (a symlinked directory, or `source` being a symlink).
 */
export function replacesFile(target: string, source: string): boolean {
  const t = path.resolve(target);
  if (t === path.resolve(source)) return true;
  try {
    return path.join(fs.realpathSync(path.dirname(t)), path.basename(t)) === fs.realpathSync(source);
  } catch {
    return false;
  }
}

const DATA_FIELDS = ['rawData', 'floatData', 'int32Data', 'int64Data', 'doubleData', 'uint64Data', 'stringData', 'externalData', 'dataLocation'];

function clearData(proto: onnx.TensorProto): void {
  for (const field of DATA_FIELDS) delete (proto as unknown as Record<string, unknown>)[field];
}

/**
 * Encoder hooks for a save into `outDir`. With `external`, initializers of at least `threshold`
 * bytes go to the data file `external.location` (relative to `outDir`).
 */
export function saveHooks(outDir: string, external?: { location: string; threshold: number }): ExternalPlan {
  const chunks: Uint8Array[] = [];
  const sources = new Set<string>();
  let offset = 0;
  const dataFile = external ? path.resolve(outDir, external.location) : undefined;
  const replacesData = new Map<string, boolean>();
  const hooks: EncodeHooks = {
    tensor(tensor: Tensor, proto: onnx.TensorProto, isInitializer: boolean): onnx.TensorProto {
      const s = tensor.storage;
      // Checked again here for tensors that did not come through the decoder (ONNX text, the API).
      const location = s.kind === 'external' ? checkExternalLocation(s.ref, tensor.name) : undefined;
      const source = s.kind === 'external' && location !== undefined ? path.resolve(s.ref.baseDir, location) : undefined;
      if (source !== undefined) sources.add(source);
      if (
        external &&
        isInitializer &&
        tensor.dtype !== DataType.STRING &&
        s.kind !== 'none' &&
        s.kind !== 'stringData' &&
        tensor.byteLength >= external.threshold
      ) {
        const data = tensor.bytes();
        clearData(proto);
        proto.externalData = [
          new onnx.StringStringEntryProto({ key: 'location', value: external.location }),
          new onnx.StringStringEntryProto({ key: 'offset', value: String(offset) }),
          new onnx.StringStringEntryProto({ key: 'length', value: String(data.length) }),
        ];
        proto.dataLocation = onnx.TensorProto.DataLocation.EXTERNAL;
        chunks.push(data);
        offset += data.length;
        return proto;
      }
      if (location === undefined || source === undefined) return proto;
      if (source === path.resolve(outDir, location) && !replaces(source)) return proto;
      const data = tensor.bytes();
      clearData(proto);
      proto.rawData = data;
      return proto;
    },
  };
  return { hooks, chunks, sources };

  /** Whether the data file being written replaces `source` (its tensors must then be read first). */
  function replaces(source: string): boolean {
    if (dataFile === undefined) return false;
    let r = replacesData.get(source);
    if (r === undefined) replacesData.set(source, (r = replacesFile(dataFile, source)));
    return r;
  }
}
