/**
 * `torch.save` archives: a zip holding `<name>/data.pkl` (the pickled object), `<name>/data/<key>`
 * (one record per storage, raw little-endian elements) and bookkeeping records (`version`,
 * `byteorder`, `.format_version`, `.storage_alignment`, `.data/serialization_id`).
 *
 * Contract:
 * - The pickle is decoded with torch's table of GLOBALs: storage classes, dtypes and the
 *   `torch._utils._rebuild_*` functions become `TorchStorageType`, `TorchDtype` and `TorchTensor`;
 *   every other class becomes an inert record (see pickle.ts).
 * - Persistent ids `('storage', storage_type, key, location, numel)` become `TorchStorage`s whose
 *   bytes are fetched from `data/<key>` on first use, as views of the archive (torch stores them
 *   uncompressed). A storage type ylc cannot read (complex, quantized, ...) is kept by name and is
 *   an error only when a tensor over it is materialised, so that e.g. optimizer state in a
 *   checkpoint cannot stop the weights from loading.
 * - `materialize` turns a TorchTensor (storage, offset, size, stride) into an IR Tensor: a view of
 *   the storage when the strides are the contiguous ones, a copy gathered through the strides
 *   otherwise.
 */
import { DataType } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import { Tensor } from '../../ir/tensor.js';
import { BUILTIN_GLOBALS, PyFunction, PyGlobal, describe, isTuple, unpickle } from './pickle.js';
import { ZipReader, looksLikeZip } from './zip.js';

/** A torch storage class (`torch.HalfStorage`, `torch.UntypedStorage`, ...). */
export class TorchStorageType {
  constructor(
    readonly name: string,
    /** Element type; UINT8 for the untyped (byte) storage. */
    readonly dtype: DataType,
    readonly elementSize: number,
    readonly untyped = false,
  ) {}
}

/** A torch dtype object (`torch.float16`), as `_rebuild_tensor_v3` receives it. */
export class TorchDtype {
  constructor(
    readonly name: string,
    readonly dtype: DataType,
    readonly elementSize: number,
  ) {}
}

export class TorchStorage {
  private cached: Uint8Array | undefined;

  constructor(
    /** e.g. 'torch.HalfStorage'. */
    readonly typeName: string,
    /** Undefined when ylc cannot read this storage type. */
    readonly type: TorchStorageType | undefined,
    readonly key: string,
    readonly location: string,
    /** Elements of `type` (bytes for untyped storages). */
    readonly numel: number,
    private readonly load: () => Uint8Array,
  ) {}

  bytes(): Uint8Array {
    this.cached ??= this.load();
    return this.cached;
  }
}

export class TorchTensor {
  constructor(
    readonly storage: TorchStorage,
    /** Element type of the tensor (the storage's, or `_rebuild_tensor_v3`'s dtype argument). */
    readonly dtype: { readonly name: string; readonly dtype: DataType; readonly elementSize: number } | undefined,
    /** In elements. */
    readonly offset: number,
    readonly size: readonly number[],
    /** In elements. */
    readonly stride: readonly number[],
    readonly requiresGrad: boolean,
    readonly isParameter = false,
  ) {}

  asParameter(requiresGrad: boolean): TorchTensor {
    return new TorchTensor(this.storage, this.dtype, this.offset, this.size, this.stride, requiresGrad, true);
  }
}

const STORAGE_TYPES: ReadonlyArray<[string, DataType, number]> = [
  ['FloatStorage', DataType.FLOAT, 4],
  ['HalfStorage', DataType.FLOAT16, 2],
  ['BFloat16Storage', DataType.BFLOAT16, 2],
  ['DoubleStorage', DataType.DOUBLE, 8],
  ['LongStorage', DataType.INT64, 8],
  ['IntStorage', DataType.INT32, 4],
  ['ShortStorage', DataType.INT16, 2],
  ['CharStorage', DataType.INT8, 1],
  ['ByteStorage', DataType.UINT8, 1],
  ['BoolStorage', DataType.BOOL, 1],
];

const DTYPES: ReadonlyArray<[readonly string[], DataType, number]> = [
  [['float32', 'float'], DataType.FLOAT, 4],
  [['float16', 'half'], DataType.FLOAT16, 2],
  [['bfloat16'], DataType.BFLOAT16, 2],
  [['float64', 'double'], DataType.DOUBLE, 8],
  [['int64', 'long'], DataType.INT64, 8],
  [['int32', 'int'], DataType.INT32, 4],
  [['int16', 'short'], DataType.INT16, 2],
  [['int8'], DataType.INT8, 1],
  [['uint8'], DataType.UINT8, 1],
  [['uint16'], DataType.UINT16, 2],
  [['uint32'], DataType.UINT32, 4],
  [['uint64'], DataType.UINT64, 8],
  [['bool'], DataType.BOOL, 1],
  [['float8_e4m3fn'], DataType.FLOAT8E4M3FN, 1],
  [['float8_e5m2'], DataType.FLOAT8E5M2, 1],
];

function tensorFromArgs(
  storage: unknown,
  offset: unknown,
  size: unknown,
  stride: unknown,
  requiresGrad: unknown,
  dtype?: unknown,
): TorchTensor {
  if (!(storage instanceof TorchStorage)) throw new TypeError(`a tensor's storage is ${describe(storage)}`);
  let elementType: TorchTensor['dtype'];
  if (dtype === undefined) {
    elementType = storage.type && { name: storage.typeName, dtype: storage.type.dtype, elementSize: storage.type.elementSize };
  } else if (dtype instanceof TorchDtype) {
    elementType = dtype;
  } else {
    // An unknown dtype: remembered by name through the storage, reported when materialised.
    elementType = undefined;
  }
  return new TorchTensor(storage, elementType, toIndex(offset), toIndexList(size), toIndexList(stride), requiresGrad === true);
}

function toIndex(v: unknown): number {
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new TypeError(`expected a size or offset, got ${describe(v)}`);
  return n;
}

function toIndexList(v: unknown): number[] {
  if (!Array.isArray(v)) throw new TypeError(`expected a tuple of sizes, got ${describe(v)}`);
  return v.map(toIndex);
}

function parameterFrom(data: unknown, requiresGrad: unknown): unknown {
  return data instanceof TorchTensor ? data.asParameter(requiresGrad === true) : data;
}

/** The GLOBAL table for torch archives: the builtins plus torch's storages, dtypes and rebuilders. */
export const TORCH_GLOBALS: ReadonlyMap<string, unknown> = (() => {
  const table = new Map<string, unknown>(BUILTIN_GLOBALS);
  for (const [name, dtype, size] of STORAGE_TYPES) table.set(`torch.${name}`, new TorchStorageType(`torch.${name}`, dtype, size));
  const untyped = new TorchStorageType('torch.UntypedStorage', DataType.UINT8, 1, true);
  table.set('torch.UntypedStorage', untyped);
  table.set('torch.storage.UntypedStorage', untyped);
  for (const [names, dtype, size] of DTYPES) {
    for (const name of names) table.set(`torch.${name}`, new TorchDtype(`torch.${names[0]}`, dtype, size));
  }
  const fn = (name: string, call: (args: readonly unknown[]) => unknown): void => {
    table.set(name, new PyFunction(name, call));
  };
  fn('torch._utils._rebuild_tensor', (a) => tensorFromArgs(a[0], a[1], a[2], a[3], false));
  fn('torch._utils._rebuild_tensor_v2', (a) => tensorFromArgs(a[0], a[1], a[2], a[3], a[4]));
  fn('torch._utils._rebuild_tensor_v3', (a) => tensorFromArgs(a[0], a[1], a[2], a[3], a[4], a[6]));
  fn('torch._utils._rebuild_parameter', (a) => parameterFrom(a[0], a[1]));
  fn('torch._utils._rebuild_parameter_with_state', (a) => parameterFrom(a[0], a[1]));
  // Tensors that carry Python attributes: (rebuild function, type, its args, state).
  fn('torch._tensor._rebuild_from_type_v2', (a) => {
    const [func, , args] = a;
    if (func instanceof PyFunction && Array.isArray(args)) return func.call(args);
    throw new TypeError(`_rebuild_from_type_v2 of ${describe(func)}`);
  });
  fn('torch.Size', (a) => Object.freeze(Array.isArray(a[0]) ? [...a[0]] : []));
  fn('torch.device', (a) => (a[1] === undefined || a[1] === null ? String(a[0]) : `${String(a[0])}:${String(a[1])}`));
  return table;
})();

export interface TorchArchive {
  /** The unpickled `data.pkl`. */
  readonly root: unknown;
  /** The archive's top folder (`archive`, or the saved file's name for recent torch). */
  readonly prefix: string;
  readonly zip: ZipReader;
}

/** Opens a `torch.save` zip archive and unpickles its `data.pkl`; storages load lazily. */
export function loadTorchArchive(bytes: Uint8Array, fileName: string): TorchArchive {
  if (!looksLikeZip(bytes)) {
    if (isLegacyTorchFile(bytes)) {
      throw new YlcError(
        'bad-model',
        `${fileName}: legacy (pre-1.6, non-zip) PyTorch format; re-save it with a current torch: torch.save(torch.load(f), f)`,
      );
    }
    throw new YlcError('bad-model', `${fileName}: not a PyTorch checkpoint (a torch.save zip archive); pass a .pt file saved by torch.save`);
  }
  const zip = ZipReader.open(bytes, fileName);
  const first = zip.entries[0]?.name ?? '';
  const prefix = first.includes('/') ? first.slice(0, first.indexOf('/')) : '';
  const pkl = zip.get(`${prefix}/data.pkl`);
  if (!pkl) {
    throw new YlcError('bad-model', `${fileName}: zip archive without a data.pkl, not a torch.save checkpoint; pass a .pt file saved by torch.save`);
  }
  const byteorder = zip.get(`${prefix}/byteorder`);
  if (byteorder && new TextDecoder().decode(zip.read(byteorder)).trim() === 'big') {
    throw new YlcError('bad-model', `${fileName}: saved on a big-endian machine; re-save it on a little-endian one`);
  }

  const storages = new Map<string, TorchStorage>();
  const persistentLoad = (pid: unknown): unknown => {
    if (!isTuple(pid) || pid[0] !== 'storage' || pid.length < 5) throw new TypeError(`unknown persistent id ${describe(pid)}`);
    const [, type, key, location, numel] = pid;
    if (typeof key !== 'string') throw new TypeError(`storage key is ${describe(key)}`);
    const known = storages.get(key);
    if (known) return known;
    const typeName = type instanceof TorchStorageType ? type.name : type instanceof PyGlobal ? type.qualifiedName : describe(type);
    const entryName = `${prefix}/data/${key}`;
    const storage = new TorchStorage(
      typeName,
      type instanceof TorchStorageType ? type : undefined,
      key,
      typeof location === 'string' ? location : String(location),
      toIndex(numel),
      () => {
        const entry = zip.get(entryName);
        if (!entry) {
          throw new YlcError('bad-model', `${fileName}: storage '${key}' (${entryName}) is missing from the archive; the file is incomplete`);
        }
        return zip.read(entry);
      },
    );
    storages.set(key, storage);
    return storage;
  };
  const root = unpickle(zip.read(pkl), { source: `${fileName} (${pkl.name})`, globals: TORCH_GLOBALS, persistentLoad });
  return { root, prefix, zip };
}

/** Legacy `torch.save` (before 1.6, or `_use_new_zipfile_serialization=False`): raw pickles, or a tar. */
export function isLegacyTorchFile(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && bytes[0] === 0x80 && bytes[1]! >= 2 && bytes[1]! <= 5) return true;
  return bytes.length >= 262 && new TextDecoder().decode(bytes.subarray(257, 262)) === 'ustar';
}

/**
 * The IR tensor for a TorchTensor, in the tensor's own dtype: a view of the storage bytes when
 * contiguous, otherwise a new buffer gathered through the strides. `name` goes into errors and
 * onto the tensor.
 */
export function materialize(t: TorchTensor, name: string, fileName: string): Tensor {
  const fail = (why: string): never => {
    throw new YlcError('bad-model', `${fileName}: tensor '${name}' ${why}`);
  };
  if (!t.storage.type) {
    fail(`uses ${t.storage.typeName}, which ylc cannot read; save the weights as float32 (model.float().state_dict())`);
  }
  const type = t.dtype ?? fail(`has a dtype ylc cannot read; save the weights as float32 (model.float().state_dict())`);
  const es = type.elementSize;
  if (t.size.length !== t.stride.length) fail(`has ${t.size.length} sizes but ${t.stride.length} strides`);
  const storageBytes = t.storage.bytes();
  // Untyped storages count bytes; typed ones count their own elements.
  const storageElementSize = t.storage.type!.untyped ? 1 : t.storage.type!.elementSize;
  const storageLength = Math.min(storageBytes.byteLength, t.storage.numel * storageElementSize);
  let count = 1;
  for (const d of t.size) count *= d;
  const dims = [...t.size];
  if (count === 0) return Tensor.fromBytes(type.dtype, dims, new Uint8Array(0), { name });

  let last = t.offset;
  for (let i = 0; i < dims.length; i++) last += (dims[i]! - 1) * t.stride[i]!;
  if ((last + 1) * es > storageLength) {
    fail(`reaches element ${last} of its storage '${t.storage.key}', which holds ${Math.floor(storageLength / es)}; the file is corrupt`);
  }
  if (isContiguous(dims, t.stride)) {
    return Tensor.fromBytes(type.dtype, dims, storageBytes.subarray(t.offset * es, (t.offset + count) * es), { name });
  }

  // Gather: an odometer over all dims but the last, copying one innermost row per step.
  const out = new Uint8Array(count * es);
  const rank = dims.length;
  const inner = dims[rank - 1]!;
  const innerStride = t.stride[rank - 1]!;
  const index = new Array<number>(rank).fill(0);
  let written = 0;
  for (;;) {
    let base = t.offset;
    for (let i = 0; i < rank - 1; i++) base += index[i]! * t.stride[i]!;
    if (innerStride === 1) {
      out.set(storageBytes.subarray(base * es, (base + inner) * es), written);
      written += inner * es;
    } else {
      for (let j = 0; j < inner; j++) {
        const from = (base + j * innerStride) * es;
        for (let b = 0; b < es; b++) out[written++] = storageBytes[from + b]!;
      }
    }
    let axis = rank - 2;
    while (axis >= 0) {
      index[axis]!++;
      if (index[axis]! < dims[axis]!) break;
      index[axis] = 0;
      axis--;
    }
    if (axis < 0) break;
  }
  return Tensor.fromBytes(type.dtype, dims, out, { name });
}

function isContiguous(dims: readonly number[], stride: readonly number[]): boolean {
  let expected = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    if (dims[i] !== 1 && stride[i] !== expected) return false;
    expected *= dims[i]!;
  }
  return true;
}
