/**
 * safetensors files (https://github.com/huggingface/safetensors): an 8-byte little-endian header
 * length N, N bytes of JSON `{"__metadata__": {str: str}, name: {dtype, shape, data_offsets}}`,
 * then the data buffer; offsets are relative to the buffer's start.
 *
 * Reading validates what the reference implementation validates (header bounds, JSON, dtypes,
 * offsets inside the buffer, byte length = elements x element size); tensors are views of the
 * file's bytes. Writing follows the reference writer so that its output is byte-identical:
 * tensors ordered by dtype width (widest first) then name, compact JSON with `__metadata__`
 * first, the header padded with spaces so that the data starts at a multiple of 8.
 */
import { DataType, dataTypeName, rawByteLength } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import { Tensor } from '../../ir/tensor.js';
import { writeFileAtomic } from '../../ir/atomic-write.js';

export interface SafetensorsFile {
  readonly tensors: Map<string, Tensor>;
  readonly metadata: Record<string, string>;
}

/** safetensors dtype names, in the reference's `Dtype` order (the writer sorts by it). */
const DTYPES: ReadonlyArray<readonly [string, DataType]> = [
  ['BOOL', DataType.BOOL],
  ['U8', DataType.UINT8],
  ['I8', DataType.INT8],
  ['F8_E5M2', DataType.FLOAT8E5M2],
  ['F8_E4M3', DataType.FLOAT8E4M3FN],
  ['I16', DataType.INT16],
  ['U16', DataType.UINT16],
  ['F16', DataType.FLOAT16],
  ['BF16', DataType.BFLOAT16],
  ['I32', DataType.INT32],
  ['U32', DataType.UINT32],
  ['F32', DataType.FLOAT],
  ['F64', DataType.DOUBLE],
  ['I64', DataType.INT64],
  ['U64', DataType.UINT64],
];
const BY_NAME = new Map<string, DataType>(DTYPES.map(([n, d]) => [n, d]));
const NAME_OF = new Map<DataType, string>(DTYPES.map(([n, d]) => [d, n]));
const RANK = new Map<DataType, number>(DTYPES.map(([, d], i) => [d, i]));

/** The reference rejects headers above 100 MB; so do we, before parsing. */
const MAX_HEADER = 100_000_000;

export function readSafetensors(bytes: Uint8Array, fileName: string): SafetensorsFile {
  const fail = (why: string): never => {
    throw new YlcError('bad-model', `${fileName}: ${why}`);
  };
  if (bytes.byteLength < 8) {
    fail(`truncated safetensors header (the file has ${bytes.byteLength} bytes, the header length alone needs 8)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength > BigInt(bytes.byteLength - 8)) {
    fail(`safetensors header length ${headerLength} reaches beyond the end of the file (${bytes.byteLength} bytes); the file is truncated`);
  }
  const n = Number(headerLength);
  if (n > MAX_HEADER) fail(`safetensors header of ${n} bytes is larger than the 100 MB limit`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch (e) {
    fail(`safetensors header is not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(header)) fail('safetensors header is not a JSON object');
  const data = bytes.subarray(8 + n);

  const metadata: Record<string, string> = {};
  const tensors = new Map<string, Tensor>();
  for (const [name, info] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (!isObject(info)) fail('safetensors __metadata__ is not an object of strings');
      for (const [k, v] of Object.entries(info as Record<string, unknown>)) {
        if (typeof v !== 'string') fail(`safetensors __metadata__ entry '${k}' is not a string`);
        Object.defineProperty(metadata, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
      continue;
    }
    if (!isObject(info)) fail(`tensor '${name}' has no dtype/shape/data_offsets entry`);
    const { dtype, shape, data_offsets: offsets } = info as Record<string, unknown>;
    const type = typeof dtype === 'string' ? BY_NAME.get(dtype) : undefined;
    if (type === undefined) fail(`tensor '${name}' has dtype ${JSON.stringify(dtype)}, which ylc cannot read`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      fail(`tensor '${name}' has shape ${JSON.stringify(shape)}, not a list of sizes`);
    }
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)) {
      fail(`tensor '${name}' has data_offsets ${JSON.stringify(offsets)}, not [begin, end]`);
    }
    const [begin, end] = offsets as [number, number];
    if (begin > end || end > data.byteLength) {
      fail(`tensor '${name}' has data_offsets [${begin}, ${end}] outside the ${data.byteLength}-byte data buffer; the file is truncated or corrupt`);
    }
    const dims = shape as number[];
    const expected = rawByteLength(type!, dims.reduce((a, d) => a * d, 1));
    if (end - begin !== expected) {
      fail(`tensor '${name}' (${dtype as string}[${dims.join(',')}]) needs ${expected} bytes but data_offsets give ${end - begin}`);
    }
    tensors.set(name, Tensor.fromBytes(type!, dims, data.subarray(begin, end), { name }));
  }
  return { tensors, metadata };
}

/** The file's bytes as header + data chunks (the data chunks are the tensors' own bytes). */
export function serializeSafetensors(tensors: ReadonlyMap<string, Tensor>, metadata?: Readonly<Record<string, string>>): Uint8Array[] {
  const entries = [...tensors].map(([name, t]) => {
    const dtype = NAME_OF.get(t.dtype);
    if (dtype === undefined) {
      throw new RangeError(`writeSafetensors: tensor '${name}' is ${dataTypeName(t.dtype)}, which safetensors cannot hold`);
    }
    const bytes = t.bytes();
    if (bytes.byteLength !== rawByteLength(t.dtype, t.size)) {
      throw new RangeError(`writeSafetensors: tensor '${name}' has ${bytes.byteLength} bytes for ${t.describe()}`);
    }
    return { name, dtype, rank: RANK.get(t.dtype)!, dims: t.dims, bytes };
  });
  entries.sort((a, b) => b.rank - a.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const header: Record<string, unknown> = {};
  const define = (k: string, v: unknown): void => {
    Object.defineProperty(header, k, { value: v, enumerable: true, writable: true, configurable: true });
  };
  if (metadata && Object.keys(metadata).length > 0) define('__metadata__', { ...metadata });
  let offset = 0;
  for (const e of entries) {
    define(e.name, { dtype: e.dtype, shape: [...e.dims], data_offsets: [offset, offset + e.bytes.byteLength] });
    offset += e.bytes.byteLength;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const padded = json.length + ((8 - (json.length % 8)) % 8);
  const head = new Uint8Array(8 + padded).fill(0x20, 8 + json.length);
  new DataView(head.buffer).setBigUint64(0, BigInt(padded), true);
  head.set(json, 8);
  return [head, ...entries.map((e) => e.bytes)];
}

/** Writes a .safetensors file atomically (temporary file + rename). */
export function writeSafetensors(file: string, tensors: ReadonlyMap<string, Tensor>, metadata?: Readonly<Record<string, string>>): void {
  writeFileAtomic(file, serializeSafetensors(tensors, metadata), { durable: true });
}

/** True when the bytes start like a safetensors file: a header length, then '{'. */
export function looksLikeSafetensors(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 9 && bytes[8] === 0x7b;
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
