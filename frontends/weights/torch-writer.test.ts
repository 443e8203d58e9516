import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataType } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import { Tensor } from '../../ir/tensor.js';
import { loadTorchArchive, materialize, TorchTensor } from '../pytorch/torch-archive.js';
import { ZipReader } from '../pytorch/zip.js';
import { readTorchCheckpoint } from './checkpoint.js';
import { writeTorchStateDict } from './torch-writer.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-torch-writer-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const read = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(file));

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** Every tensor as written: names in order, dtypes, dims and bytes, without the reader's widening. */
function rawStateDict(file: string): Map<string, Tensor> {
  const { root } = loadTorchArchive(read(file), file);
  expect(root).toBeInstanceOf(Map);
  const out = new Map<string, Tensor>();
  for (const [name, t] of root as Map<string, unknown>) {
    expect(t).toBeInstanceOf(TorchTensor);
    out.set(name as string, materialize(t as TorchTensor, name as string, file));
  }
  return out;
}

const mixed = new Map<string, Tensor>([
  ['conv.weight', Tensor.fromFloat32([2, 1, 2, 2], Float32Array.of(1, -2, 3.5, 4, 5, 6, 7, -8e-30))],
  ['bn.num_batches_tracked', Tensor.fromInt64([], BigInt64Array.of(12345678901n))],
  ['half', Tensor.fromBytes(DataType.FLOAT16, [2], Uint8Array.of(0x00, 0x3c, 0xff, 0x7b))],
  ['bf16', Tensor.fromBytes(DataType.BFLOAT16, [1], Uint8Array.of(0x49, 0x40))],
  ['double', Tensor.fromBytes(DataType.DOUBLE, [1], new Uint8Array(Float64Array.of(1 / 3).buffer))],
  ['int', Tensor.fromInt32([3], Int32Array.of(-1, 0, 2 ** 31 - 1))],
  ['short', Tensor.fromBytes(DataType.INT16, [1], Uint8Array.of(0x00, 0x80))],
  ['char', Tensor.fromBytes(DataType.INT8, [2], Uint8Array.of(0x80, 0x7f))],
  ['byte', Tensor.fromBytes(DataType.UINT8, [2], Uint8Array.of(0, 255))],
  ['mask', Tensor.fromBytes(DataType.BOOL, [2, 1], Uint8Array.of(1, 0))],
  ['empty', Tensor.fromFloat32([0, 3], new Float32Array(0))],
  ['scalar', Tensor.fromFloat32([], Float32Array.of(2.5))],
  ['big', Tensor.fromFloat32([300, 1], new Float32Array(300).map((_, i) => i))],
]);

describe('writeTorchStateDict', () => {
  it('round trips names, dtypes, shapes and bytes exactly', () => {
    const file = path.join(tmp, 'mixed.pt');
    writeTorchStateDict(file, mixed);
    const back = rawStateDict(file);
    expect([...back.keys()]).toEqual([...mixed.keys()]);
    for (const [name, t] of mixed) {
      const b = back.get(name)!;
      expect(b.dtype, name).toBe(t.dtype);
      expect(b.dims, name).toEqual(t.dims);
      expect(b.bytes(), name).toEqual(t.bytes());
    }
    // Through the checkpoint reader: a plain state dict, halves widened.
    const ck = readTorchCheckpoint(read(file), file);
    expect(ck.source).toBe('state_dict');
    expect(ck.stateDict.get('half')!.toNumbers()).toEqual([1, 65504]);
    expect(ck.stateDict.get('bn.num_batches_tracked')!.toBigInt64()).toEqual(BigInt64Array.of(12345678901n));
  });

  it('lays the archive out like torch.save', () => {
    const file = path.join(tmp, 'layout.pt');
    writeTorchStateDict(file, new Map([...mixed].slice(0, 2)));
    const zip = ZipReader.open(read(file), file);
    expect(zip.entries.map((e) => e.name)).toEqual([
      'layout/data.pkl',
      'layout/.format_version',
      'layout/.storage_alignment',
      'layout/byteorder',
      'layout/data/0',
      'layout/data/1',
      'layout/version',
      'layout/.data/serialization_id',
    ]);
    const text = (name: string): string => new TextDecoder().decode(zip.read(zip.get(`layout/${name}`)!));
    expect(text('version')).toBe('3\n');
    expect(text('byteorder')).toBe('little');
    expect(text('.format_version')).toBe('1');
    expect(text('.storage_alignment')).toBe('64');
    expect(text('.data/serialization_id')).toMatch(/^\d{40}$/);
    for (const e of zip.entries) expect(e.dataOffset % 64, e.name).toBe(0);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('round trips the yolov5n state dict, and is deterministic', () => {
    const source = readTorchCheckpoint(read('test/fixtures/yolov5n.pt'), 'yolov5n.pt');
    const a = path.join(tmp, 'yolov5n_a.pt');
    const b = path.join(tmp, 'b', 'yolov5n_a.pt');
    fs.mkdirSync(path.dirname(b));
    writeTorchStateDict(a, source.stateDict);
    writeTorchStateDict(b, source.stateDict);
    expect(sameBytes(read(a), read(b))).toBe(true);
    const back = readTorchCheckpoint(read(a), a);
    expect(back.source).toBe('state_dict');
    expect([...back.stateDict.keys()]).toEqual([...source.stateDict.keys()]);
    for (const [name, t] of source.stateDict) {
      const r = back.stateDict.get(name)!;
      expect(r.dtype, name).toBe(t.dtype);
      expect(r.dims, name).toEqual(t.dims);
      expect(sameBytes(r.bytes(), t.bytes()), name).toBe(true);
    }
  });

  it('writes zip64 records when asked, and reads them back', () => {
    const file = path.join(tmp, 'zip64.pt');
    writeTorchStateDict(file, mixed, { forceZip64: true });
    const back = rawStateDict(file);
    for (const [name, t] of mixed) expect(back.get(name)!.bytes(), name).toEqual(t.bytes());
  });

  it('refuses dtypes torch has no storage for', () => {
    const t = Tensor.fromBytes(DataType.UINT16, [1], Uint8Array.of(1, 0));
    expect(() => writeTorchStateDict(path.join(tmp, 'u16.pt'), new Map([['u', t]]))).toThrow(
      "writeTorchStateDict: tensor 'u' is uint16, which has no torch storage type",
    );
    expect(fs.existsSync(path.join(tmp, 'u16.pt'))).toBe(false);
  });

  it('names the output when it cannot be written', () => {
    const file = path.join(tmp, 'nowhere', 'x.pt');
    let caught: unknown;
    try {
      writeTorchStateDict(file, mixed);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(YlcError);
    expect((caught as YlcError).message).toBe(`cannot write ${file}: directory ${path.dirname(file)} does not exist`);
  });
});
