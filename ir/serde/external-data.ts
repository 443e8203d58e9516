/**
 * External data (TensorProto.data_location = EXTERNAL).
 *
 * Reading is lazy (Tensor storage 'external' reads on first `bytes()`); at load we only check that
 * each referenced file exists and is long enough, so a missing file is reported against the model
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
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Tensor, externalEntry, type ExternalDataRef } from '../tensor.js';
import { DataType } from '../dtype.js';
import { YlcError } from '../errors.js';
import { onnx } from './proto.js';
import type { EncodeHooks } from './encode.js';

/** Checks that an external tensor's file exists and holds its bytes. */
export function checkExternalRef(ref: ExternalDataRef, tensorName: string, fileSizes: Map<string, number | null>): void {
  const location = externalEntry(ref, 'location');
  if (location === undefined) throw new YlcError('bad-model', `tensor '${tensorName}' has external data without a location`);
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
    throw new YlcError('bad-model', `tensor '${tensorName}' has its data in ${location}, which does not exist in ${ref.baseDir}`);
  }
  const offset = Number(externalEntry(ref, 'offset') ?? 0);
  const length = externalEntry(ref, 'length');
  const end = offset + (length !== undefined ? Number(length) : 0);
  if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(end) || end < offset || end > size) {
    throw new YlcError(
      'bad-model',
      `tensor '${tensorName}' has its data at bytes ${offset}..${end} of ${location}, which has ${size} bytes`,
    );
  }
}

export interface ExternalPlan {
  hooks: EncodeHooks;
  /** The data to write to the data file, in order (filled while the model is encoded). */
  readonly chunks: Uint8Array[];
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
  let offset = 0;
  const dataFile = external ? path.resolve(outDir, external.location) : undefined;
  const hooks: EncodeHooks = {
    tensor(tensor: Tensor, proto: onnx.TensorProto, isInitializer: boolean): onnx.TensorProto {
      const s = tensor.storage;
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
      if (s.kind !== 'external') return proto;
      const location = externalEntry(s.ref, 'location');
      const source = location !== undefined ? path.resolve(s.ref.baseDir, location) : undefined;
      if (location !== undefined && source === path.resolve(outDir, location) && source !== dataFile) return proto;
      const data = tensor.bytes();
      clearData(proto);
      proto.rawData = data;
      return proto;
    },
  };
  return { hooks, chunks };
}
