/**
 * Tensor: a constant (initializer, Constant value, tensor attribute).
 *
 * Contract:
 * - The bytes stay where they were found until someone asks for numbers: `raw` data is a view of
 *   the file buffer, `external` data is read from its file on first use (netron-style laziness).
 * - The storage remembers which TensorProto field held the data, so that an unmodified tensor is
 *   written back exactly as it was read (lossless round trip). Passes that compute new values make
 *   new tensors (`Tensor.fromFloat32`, ...); they never write into an existing tensor's bytes,
 *   because those bytes may be shared with other tensors or with the file buffer.
 * - `bytes()` always returns little-endian raw_data layout (sub-byte types packed low bits first).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataType, dataTypeName, rawByteLength } from './dtype.js';
import { bfloat16BitsToNumber, float16BitsToNumber } from './half.js';
import { YlcError } from './errors.js';

export interface ExternalDataRef {
  /** The `external_data` key/value entries in file order (location, offset, length, checksum, ...). */
  readonly entries: ReadonlyArray<readonly [string, string]>;
  /** Directory the location is relative to (the model file's directory). */
  readonly baseDir: string;
}

/** Which TensorProto field held the values; `none` means no data field was present at all. */
export type TensorStorage =
  | { readonly kind: 'none' }
  | { readonly kind: 'raw'; readonly bytes: Uint8Array }
  | { readonly kind: 'floatData'; readonly values: readonly number[] }
  | { readonly kind: 'int32Data'; readonly values: readonly number[] }
  | { readonly kind: 'doubleData'; readonly values: readonly number[] }
  | { readonly kind: 'int64Data'; readonly values: readonly bigint[] }
  | { readonly kind: 'uint64Data'; readonly values: readonly bigint[] }
  | { readonly kind: 'stringData'; readonly values: readonly Uint8Array[] }
  | { readonly kind: 'external'; readonly ref: ExternalDataRef };

export interface TensorInit {
  name?: string;
  docString?: string;
  /** TensorProto.metadata_props, in order. */
  metadataProps?: Array<[string, string]>;
}

export class Tensor {
  name: string;
  docString: string | undefined;
  metadataProps: Array<[string, string]> | undefined;
  /** Decoded proto fields ylc does not interpret (e.g. `segment`), written back unchanged. */
  extra: Record<string, unknown> | undefined;
  private cachedBytes: Uint8Array | undefined;

  constructor(
    readonly dtype: DataType,
    readonly dims: readonly number[],
    readonly storage: TensorStorage,
    init: TensorInit = {},
  ) {
    this.name = init.name ?? '';
    this.docString = init.docString;
    this.metadataProps = init.metadataProps;
  }

  /** Number of elements. */
  get size(): number {
    let n = 1;
    for (const d of this.dims) n *= d;
    return n;
  }

  get byteLength(): number {
    if (this.storage.kind === 'raw') return this.storage.bytes.byteLength;
    if (this.storage.kind === 'external') {
      const length = externalEntry(this.storage.ref, 'length');
      if (length !== undefined) return Number(length);
    }
    return rawByteLength(this.dtype, this.size);
  }

  static fromBytes(dtype: DataType, dims: readonly number[], bytes: Uint8Array, init?: TensorInit): Tensor {
    return new Tensor(dtype, dims, { kind: 'raw', bytes }, init);
  }

  static fromFloat32(dims: readonly number[], data: Float32Array, init?: TensorInit): Tensor {
    return Tensor.fromBytes(DataType.FLOAT, dims, viewBytes(data), init);
  }

  static fromInt64(dims: readonly number[], data: BigInt64Array | readonly number[], init?: TensorInit): Tensor {
    const array = data instanceof BigInt64Array ? data : BigInt64Array.from(data, (v) => BigInt(v));
    return Tensor.fromBytes(DataType.INT64, dims, viewBytes(array), init);
  }

  static fromInt32(dims: readonly number[], data: Int32Array, init?: TensorInit): Tensor {
    return Tensor.fromBytes(DataType.INT32, dims, viewBytes(data), init);
  }

  static scalarFloat32(value: number, init?: TensorInit): Tensor {
    return Tensor.fromFloat32([], Float32Array.of(value), init);
  }

  /** Little-endian raw_data bytes of this tensor (reads external data on first call). */
  bytes(): Uint8Array {
    if (this.cachedBytes) return this.cachedBytes;
    const s = this.storage;
    switch (s.kind) {
      case 'raw':
        return s.bytes;
      case 'none':
        return new Uint8Array(0);
      case 'external':
        this.cachedBytes = readExternal(s.ref, this.name);
        return this.cachedBytes;
      case 'stringData':
        throw new TypeError(`tensor '${this.name}': string tensors have no raw bytes`);
      default:
        // One value per element, except the int32_data of packed 4-/2-bit types; a short field
        // is a broken file, refused before a buffer of the declared size is made.
        if (s.values.length < this.size && !(s.kind === 'int32Data' && dataTypeBitsPacked(this.dtype))) {
          throw new YlcError('bad-model', `tensor '${this.name}': its ${fieldName(s.kind)} holds ${s.values.length} values, but ${dataTypeName(this.dtype)}[${this.dims.join(',')}] has ${this.size} elements`);
        }
        this.cachedBytes = fieldsToBytes(this.dtype, s.kind, s.values, this.size);
        return this.cachedBytes;
    }
  }

  /** Element values as float32 (converting from any real numeric dtype). */
  toFloat32(): Float32Array {
    if (this.dtype === DataType.FLOAT) return copyAligned(this.bytes(), Float32Array);
    return Float32Array.from(this.toNumbers());
  }

  toFloat64(): Float64Array {
    return Float64Array.from(this.toNumbers());
  }

  toBigInt64(): BigInt64Array {
    if (this.dtype === DataType.INT64) return copyAligned(this.bytes(), BigInt64Array);
    return BigInt64Array.from(this.toNumbers(), (v) => BigInt(Math.trunc(v)));
  }

  /** Element values as JS numbers (int64 beyond 2^53 loses precision; use toBigInt64 for those). */
  toNumbers(): number[] {
    if (this.storage.kind === 'stringData') throw new TypeError(`tensor '${this.name}' holds strings`);
    const b = this.bytes();
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const n = this.size;
    const out = new Array<number>(n);
    const read = elementReader(this.dtype, view);
    for (let i = 0; i < n; i++) out[i] = read(i);
    return out;
  }

  /** String elements (STRING tensors only). */
  toStrings(): string[] {
    if (this.storage.kind !== 'stringData') throw new TypeError(`tensor '${this.name}' does not hold strings`);
    const decoder = new TextDecoder();
    return this.storage.values.map((v) => decoder.decode(v));
  }

  describe(): string {
    return `${dataTypeName(this.dtype)}[${this.dims.join(',')}]`;
  }
}

export function externalEntry(ref: ExternalDataRef, key: string): string | undefined {
  return ref.entries.find(([k]) => k === key)?.[1];
}

function readExternal(ref: ExternalDataRef, tensorName: string): Uint8Array {
  const location = externalEntry(ref, 'location');
  if (location === undefined) {
    throw new YlcError('bad-model', `tensor '${tensorName}' has external data without a location`);
  }
  const file = path.resolve(ref.baseDir, location);
  const offset = Number(externalEntry(ref, 'offset') ?? 0);
  const declared = externalEntry(ref, 'length');
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw new YlcError(
      'bad-model',
      `tensor '${tensorName}': cannot open external data file ${file} (${(e as NodeJS.ErrnoException).code ?? e}); keep it next to the model`,
    );
  }
  try {
    const length = declared !== undefined ? Number(declared) : fs.fstatSync(fd).size - offset;
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const n = fs.readSync(fd, out, done, length - done, offset + done);
      if (n === 0) {
        throw new YlcError(
          'bad-model',
          `tensor '${tensorName}': external data file ${file} ends at byte ${offset + done}, expected ${offset + length}`,
        );
      }
      done += n;
    }
    return out;
  } finally {
    fs.closeSync(fd);
  }
}

type TypedArrayCtor<T> = { new (buffer: ArrayBuffer, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

function copyAligned<T>(bytes: Uint8Array, ctor: TypedArrayCtor<T>): T {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new ctor(copy.buffer, 0, bytes.byteLength / ctor.BYTES_PER_ELEMENT);
}

function viewBytes(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** TensorProto typed fields -> raw_data layout, following the packing rules in onnx.proto. */
/** The TensorProto field name of a storage kind (floatData: float_data). */
function fieldName(kind: string): string {
  return kind.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function fieldsToBytes(
  dtype: DataType,
  field: 'floatData' | 'int32Data' | 'doubleData' | 'int64Data' | 'uint64Data',
  values: readonly (number | bigint)[],
  size: number,
): Uint8Array {
  const out = new Uint8Array(rawByteLength(dtype, size));
  const view = new DataView(out.buffer);
  const write = elementWriter(dtype, view, out);
  if (field === 'int32Data' && (dtype === DataType.FLOAT16 || dtype === DataType.BFLOAT16)) {
    // float16/bfloat16 keep their bit patterns in int32_data.
    values.forEach((v, i) => view.setUint16(i * 2, Number(v), true));
    return out;
  }
  if (field === 'int32Data' && dataTypeBitsPacked(dtype)) {
    // 4-bit and 2-bit types pack several elements into each int32_data entry, low bits first.
    values.forEach((v, i) => {
      out[i] = Number(v) & 0xff;
    });
    return out;
  }
  if (field === 'int32Data' && isByteFloat(dtype)) {
    values.forEach((v, i) => {
      out[i] = Number(v) & 0xff;
    });
    return out;
  }
  if (dtype === DataType.COMPLEX64 || dtype === DataType.COMPLEX128) {
    const width = dtype === DataType.COMPLEX64 ? 4 : 8;
    values.forEach((v, i) =>
      width === 4 ? view.setFloat32(i * 4, Number(v), true) : view.setFloat64(i * 8, Number(v), true),
    );
    return out;
  }
  values.forEach((v, i) => write(i, v));
  return out;
}

function dataTypeBitsPacked(dtype: DataType): boolean {
  return (
    dtype === DataType.INT4 ||
    dtype === DataType.UINT4 ||
    dtype === DataType.FLOAT4E2M1 ||
    dtype === DataType.INT2 ||
    dtype === DataType.UINT2
  );
}

function isByteFloat(dtype: DataType): boolean {
  return (
    dtype === DataType.FLOAT8E4M3FN ||
    dtype === DataType.FLOAT8E4M3FNUZ ||
    dtype === DataType.FLOAT8E5M2 ||
    dtype === DataType.FLOAT8E5M2FNUZ ||
    dtype === DataType.FLOAT8E8M0
  );
}

function elementWriter(dtype: DataType, view: DataView, out: Uint8Array): (i: number, v: number | bigint) => void {
  switch (dtype) {
    case DataType.FLOAT:
      return (i, v) => view.setFloat32(i * 4, Number(v), true);
    case DataType.DOUBLE:
      return (i, v) => view.setFloat64(i * 8, Number(v), true);
    case DataType.INT64:
      return (i, v) => view.setBigInt64(i * 8, BigInt(v), true);
    case DataType.UINT64:
      return (i, v) => view.setBigUint64(i * 8, BigInt.asUintN(64, BigInt(v)), true);
    case DataType.INT32:
      return (i, v) => view.setInt32(i * 4, Number(v), true);
    case DataType.UINT32:
      return (i, v) => view.setUint32(i * 4, Number(v), true);
    case DataType.INT16:
      return (i, v) => view.setInt16(i * 2, Number(v), true);
    case DataType.UINT16:
      return (i, v) => view.setUint16(i * 2, Number(v), true);
    default:
      return (i, v) => {
        out[i] = Number(v) & 0xff;
      };
  }
}

function elementReader(dtype: DataType, view: DataView): (i: number) => number {
  switch (dtype) {
    case DataType.FLOAT:
      return (i) => view.getFloat32(i * 4, true);
    case DataType.DOUBLE:
      return (i) => view.getFloat64(i * 8, true);
    case DataType.FLOAT16:
      return (i) => float16BitsToNumber(view.getUint16(i * 2, true));
    case DataType.BFLOAT16:
      return (i) => bfloat16BitsToNumber(view.getUint16(i * 2, true));
    case DataType.INT64:
      return (i) => Number(view.getBigInt64(i * 8, true));
    case DataType.UINT64:
      return (i) => Number(view.getBigUint64(i * 8, true));
    case DataType.INT32:
      return (i) => view.getInt32(i * 4, true);
    case DataType.UINT32:
      return (i) => view.getUint32(i * 4, true);
    case DataType.INT16:
      return (i) => view.getInt16(i * 2, true);
    case DataType.UINT16:
      return (i) => view.getUint16(i * 2, true);
    case DataType.INT8:
      return (i) => view.getInt8(i);
    case DataType.UINT8:
    case DataType.BOOL:
      return (i) => view.getUint8(i);
    case DataType.INT4:
      return (i) => ((view.getUint8(i >> 1) >> ((i & 1) * 4)) << 28) >> 28;
    case DataType.UINT4:
      return (i) => (view.getUint8(i >> 1) >> ((i & 1) * 4)) & 0xf;
    case DataType.INT2:
      return (i) => ((view.getUint8(i >> 2) >> ((i & 3) * 2)) << 30) >> 30;
    case DataType.UINT2:
      return (i) => (view.getUint8(i >> 2) >> ((i & 3) * 2)) & 0x3;
    default:
      throw new TypeError(`reading ${dataTypeName(dtype)} elements as numbers is not supported`);
  }
}
