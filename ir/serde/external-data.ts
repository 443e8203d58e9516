/**
 * External data (TensorProto.data_location = EXTERNAL).
 *
 * Reading is lazy (Tensor storage 'external' reads on first `bytes()`); at load we only check that
 * each referenced file exists and is long enough, so a missing file is reported against the model
 * rather than deep inside a pass.
 *
 * Writing moves initializers of at least `threshold` bytes (not STRING ones) into one data file
 * beside the model, contiguously in model order, with location/offset/length entries, as
 * onnx.save(..., save_as_external_data=True) does. Tensors already external are rewritten too
 * (read through `bytes()`, which caches them: the data file being replaced may be their own).
 * When not writing external data, an external tensor keeps its entries if its file resolves to the
 * same place from the output directory, and is written inline otherwise.
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
  if (!Number.isSafeInteger(offset) || offset < 0 || end > size || Number.isNaN(end)) {
    throw new YlcError(
      'bad-model',
      `tensor '${tensorName}' has its data at bytes ${offset}..${end} of ${location}, which has ${size} bytes`,
    );
  }
}

export interface ExternalPlan {
  hooks: EncodeHooks;
  /** The data to write to the data file, in order (filled while the model is encoded). */
  chunks: Uint8Array[];
  size(): number;
}

/** Encoder hooks that move big initializers into `location` (relative to the model's directory). */
export function planExternalData(location: string, threshold: number): ExternalPlan {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const hooks: EncodeHooks = {
    initializer(tensor: Tensor, proto: onnx.TensorProto): onnx.TensorProto {
      if (tensor.dtype === DataType.STRING || tensor.storage.kind === 'none' || tensor.storage.kind === 'stringData') return proto;
      if (tensor.byteLength < threshold) return proto;
      const data = tensor.bytes();
      const entries = [
        new onnx.StringStringEntryProto({ key: 'location', value: location }),
        new onnx.StringStringEntryProto({ key: 'offset', value: String(offset) }),
        new onnx.StringStringEntryProto({ key: 'length', value: String(data.length) }),
      ];
      chunks.push(data);
      offset += data.length;
      for (const field of ['rawData', 'floatData', 'int32Data', 'int64Data', 'doubleData', 'uint64Data', 'stringData']) {
        delete (proto as unknown as Record<string, unknown>)[field];
      }
      proto.externalData = entries;
      proto.dataLocation = onnx.TensorProto.DataLocation.EXTERNAL;
      return proto;
    },
  };
  return { hooks, chunks, size: () => offset };
}

/** Hooks for an inline save into `outDir`: external tensors whose file is not reachable from there are inlined. */
export function inlineUnreachable(outDir: string): EncodeHooks {
  return {
    initializer(tensor: Tensor, proto: onnx.TensorProto): onnx.TensorProto {
      const s = tensor.storage;
      if (s.kind !== 'external') return proto;
      const location = externalEntry(s.ref, 'location');
      if (location !== undefined && path.resolve(outDir, location) === path.resolve(s.ref.baseDir, location)) return proto;
      const data = tensor.bytes();
      delete (proto as unknown as Record<string, unknown>).externalData;
      delete (proto as unknown as Record<string, unknown>).dataLocation;
      proto.rawData = data;
      return proto;
    },
  };
}
