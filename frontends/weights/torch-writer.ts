/**
 * Writes a state dict as a `.pt` file that `torch.load` reads (also with `weights_only=True`), in
 * the layout of torch 2.x's `torch.save` (torch/serialization.py `_save`, caffe2/serialize
 * inline_container.cc):
 *
 *   <name>/data.pkl                 protocol-2 pickle: OrderedDict of name ->
 *                                   torch._utils._rebuild_tensor_v2(
 *                                     persistent_load(('storage', torch.FloatStorage, '<i>', 'cpu', numel)),
 *                                     0, size, stride, False, OrderedDict())
 *   <name>/.format_version          "1"
 *   <name>/.storage_alignment       "64"
 *   <name>/byteorder                "little"
 *   <name>/data/<i>                 the i-th tensor's bytes, little-endian, row-major
 *   <name>/version                  "3\n"
 *   <name>/.data/serialization_id   40 decimal digits
 *
 * Every record's data starts on a 64-byte boundary (zip.ts). `<name>` is the file name without
 * its extension, as torch uses. The serialization id is derived from the pickle's and the
 * tensors' CRCs rather than drawn at random, so the same weights always give the same bytes.
 */
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { DataType, dataTypeName, rawByteLength } from '../../ir/dtype.js';
import type { Tensor } from '../../ir/tensor.js';
import { PickleWriter } from '../pytorch/pickle.js';
import { zipChunks, type ZipWriteEntry, type ZipWriteOptions } from '../pytorch/zip.js';
import { writeFileAtomic } from '../../ir/atomic-write.js';

const STORAGE_CLASS: ReadonlyMap<DataType, string> = new Map([
  [DataType.FLOAT, 'FloatStorage'],
  [DataType.FLOAT16, 'HalfStorage'],
  [DataType.BFLOAT16, 'BFloat16Storage'],
  [DataType.DOUBLE, 'DoubleStorage'],
  [DataType.INT64, 'LongStorage'],
  [DataType.INT32, 'IntStorage'],
  [DataType.INT16, 'ShortStorage'],
  [DataType.INT8, 'CharStorage'],
  [DataType.UINT8, 'ByteStorage'],
  [DataType.BOOL, 'BoolStorage'],
]);

/** Writes `tensors` (in map order) as a torch state dict, atomically (temporary file + rename). */
export function writeTorchStateDict(file: string, tensors: ReadonlyMap<string, Tensor>, options: ZipWriteOptions = {}): void {
  const archiveName = path.basename(file).replace(/\.[^.]*$/, '') || 'archive';
  writeFileAtomic(file, zipChunks(torchStateDictRecords(archiveName, tensors), options), { durable: true });
}

/** The archive's records, in the order torch writes them. */
export function torchStateDictRecords(archiveName: string, tensors: ReadonlyMap<string, Tensor>): ZipWriteEntry[] {
  const storages: Uint8Array[] = [];
  const p = new PickleWriter().proto(2);
  p.global('collections', 'OrderedDict').emptyTuple().reduce();
  p.mark();
  for (const [name, t] of tensors) {
    const storageClass = STORAGE_CLASS.get(t.dtype);
    if (storageClass === undefined) {
      throw new RangeError(`writeTorchStateDict: tensor '${name}' is ${dataTypeName(t.dtype)}, which has no torch storage type`);
    }
    const bytes = t.bytes();
    if (bytes.byteLength !== rawByteLength(t.dtype, t.size)) {
      throw new RangeError(`writeTorchStateDict: tensor '${name}' has ${bytes.byteLength} bytes for ${t.describe()}`);
    }
    const key = String(storages.length);
    storages.push(bytes);
    p.unicode(name);
    p.global('torch._utils', '_rebuild_tensor_v2');
    p.tuple([
      () => {
        p.tuple([
          () => p.unicode('storage'),
          () => p.global('torch', storageClass),
          () => p.unicode(key),
          () => p.unicode('cpu'),
          () => p.int(t.size),
        ]);
        p.binPersId();
      },
      () => p.int(0),
      () => p.intTuple(t.dims),
      () => p.intTuple(contiguousStrides(t.dims)),
      () => p.bool(false),
      () => p.global('collections', 'OrderedDict').emptyTuple().reduce(),
    ]);
    p.reduce();
  }
  p.setItems().stop();
  const pickle = p.bytes();

  const text = (s: string): Uint8Array => new TextEncoder().encode(s);
  let id = BigInt(zlib.crc32(pickle));
  for (const s of storages) id = (id * 4294967311n + BigInt(zlib.crc32(s))) % 10n ** 40n;
  const records: ZipWriteEntry[] = [
    { name: 'data.pkl', data: pickle },
    { name: '.format_version', data: text('1') },
    { name: '.storage_alignment', data: text('64') },
    { name: 'byteorder', data: text('little') },
    ...storages.map((data, i) => ({ name: `data/${i}`, data })),
    { name: 'version', data: text('3\n') },
    { name: '.data/serialization_id', data: text(id.toString().padStart(40, '0')) },
  ];
  return records.map((r) => ({ name: `${archiveName}/${r.name}`, data: r.data }));
}

function contiguousStrides(dims: readonly number[]): number[] {
  const strides = new Array<number>(dims.length);
  let s = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= dims[i]!;
  }
  return strides;
}
