import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataType } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import { Tensor } from '../../ir/tensor.js';
import { readSafetensors, serializeSafetensors, writeSafetensors } from './safetensors.js';

const GOLDENS = 'test/fixtures/goldens';
const read = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(file));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-safetensors-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let o = 0;
  for (const c of chunks) (out.set(c, o), (o += c.byteLength));
  return out;
}

/** Byte equality without vitest's element-wise diff (slow on megabytes). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** A safetensors file from a header given as text (padded like the reference) and a data buffer. */
function build(header: string, data: Uint8Array = new Uint8Array(0), declared?: bigint): Uint8Array {
  const json = new TextEncoder().encode(header);
  const head = new Uint8Array(8 + json.length);
  new DataView(head.buffer).setBigUint64(0, declared ?? BigInt(json.length), true);
  head.set(json, 8);
  return concat([head, data]);
}

function messageOf(bytes: Uint8Array, name = 'bad.safetensors'): string {
  try {
    readSafetensors(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(YlcError);
    expect((e as YlcError).code).toBe('bad-model');
    return (e as YlcError).message;
  }
  throw new Error('expected a YlcError');
}

describe('readSafetensors: golden files', () => {
  it('golden_yolov5n_slim_pruned', () => {
    const file = `${GOLDENS}/golden_yolov5n_slim_pruned.safetensors`;
    const bytes = read(file);
    const { tensors, metadata } = readSafetensors(bytes, file);
    expect(tensors.size).toBe(591);
    expect(Object.keys(metadata)).toEqual(['imgsz', 'nc', 'seed', 'note', 'hyp']);
    expect(metadata['nc']).toBe('3');
    expect(metadata['imgsz']).toBe('160');
    expect(JSON.parse(metadata['hyp']!)['anchor_t']).toBe(4);
    const mean = tensors.get('after.model.0.bn.running_mean')!;
    expect(mean.dtype).toBe(DataType.FLOAT);
    expect(mean.dims).toEqual([16]);
    expect(mean.bytes().buffer).toBe(bytes.buffer); // a view of the file
    for (const t of tensors.values()) expect(t.dtype).toBe(DataType.FLOAT);
  });

  it('golden_convnext_tiny_a', () => {
    const file = `${GOLDENS}/golden_convnext_tiny_a.safetensors`;
    const { tensors, metadata } = readSafetensors(read(file), file);
    expect(tensors.size).toBe(383);
    expect(metadata['nc']).toBe('2');
    expect(metadata['seed']).toBe('11');
    expect(tensors.get('after.model.11.cv3.bn.running_var')!.dims).toEqual([64]);
  });

  it('our writer reproduces the golden files byte for byte', () => {
    for (const name of ['golden_yolov5n_slim_pruned', 'golden_convnext_tiny_a']) {
      const bytes = read(`${GOLDENS}/${name}.safetensors`);
      const { tensors, metadata } = readSafetensors(bytes, name);
      expect(sameBytes(concat(serializeSafetensors(tensors, metadata)), bytes), name).toBe(true);
    }
  });
});

describe('readSafetensors: every dtype (reference writer output)', () => {
  const file = 'frontends/weights/testdata/dtypes.safetensors';
  const bytes = read(file);
  const { tensors, metadata } = readSafetensors(bytes, file);

  it('reads each dtype', () => {
    expect(metadata).toEqual({ format: 'pt', note: 'made by safetensors 0.8' });
    const get = (n: string): Tensor => tensors.get(n)!;
    expect(get('f32').dtype).toBe(DataType.FLOAT);
    expect(get('f32').dims).toEqual([1, 2]);
    expect(get('f32').toNumbers()).toEqual([1, -2]);
    expect(get('f16').dtype).toBe(DataType.FLOAT16);
    expect(get('f16').toNumbers()).toEqual([0.5, 65504]);
    expect(get('bf16').dtype).toBe(DataType.BFLOAT16);
    expect(get('bf16').toNumbers()).toEqual([-1.5]);
    expect(get('f64').toNumbers()).toEqual([1 / 3]);
    expect(get('i64').toBigInt64()).toEqual(BigInt64Array.of(-(2n ** 40n)));
    expect(get('i32').toNumbers()).toEqual([-7]);
    expect(get('i16').toNumbers()).toEqual([-300]);
    expect(get('i8').toNumbers()).toEqual([-8]);
    expect(get('u8').toNumbers()).toEqual([200]);
    expect(get('bool').dtype).toBe(DataType.BOOL);
    expect(get('bool').toNumbers()).toEqual([1, 0]);
    expect(get('scalar').dims).toEqual([]);
    expect(get('scalar').toNumbers()).toEqual([3]);
    expect(get('empty').dims).toEqual([0, 2]);
  });

  it('our writer reproduces it byte for byte (dtype order, padding, metadata first)', () => {
    expect(concat(serializeSafetensors(tensors, metadata))).toEqual(bytes);
  });
});

describe('writeSafetensors', () => {
  it('round trips names, dtypes, shapes, bytes and metadata', () => {
    const tensors = new Map<string, Tensor>([
      ['w', Tensor.fromFloat32([2, 3], Float32Array.of(1, 2, 3, 4, 5, 6))],
      ['n', Tensor.fromInt64([], [42])],
      ['h', Tensor.fromBytes(DataType.FLOAT16, [3], Uint8Array.of(0, 0x3c, 0, 0xc0, 0xff, 0x7b))],
      ['m', Tensor.fromBytes(DataType.BOOL, [2], Uint8Array.of(1, 0))],
      ['e', Tensor.fromFloat32([0], new Float32Array(0))],
    ]);
    const file = path.join(tmp, 'round.safetensors');
    writeSafetensors(file, tensors, { nc: '80', note: 'a "quoted" \\ note\n' });
    expect(fs.readdirSync(tmp)).toEqual(['round.safetensors']); // the temporary file was renamed
    const bytes = read(file);
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + headerLength) % 8).toBe(0);
    const back = readSafetensors(bytes, file);
    expect(back.metadata).toEqual({ nc: '80', note: 'a "quoted" \\ note\n' });
    expect([...back.tensors.keys()].sort()).toEqual([...tensors.keys()].sort());
    for (const [name, t] of tensors) {
      const b = back.tensors.get(name)!;
      expect(b.dtype, name).toBe(t.dtype);
      expect(b.dims, name).toEqual(t.dims);
      expect(b.bytes(), name).toEqual(t.bytes());
    }
  });

  it('writes no __metadata__ when there is none, like the reference', () => {
    const chunks = serializeSafetensors(new Map([['a', Tensor.fromFloat32([1], Float32Array.of(1))]]));
    const header = new TextDecoder().decode(chunks[0]!.subarray(8)).trimEnd();
    expect(header).toBe('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}');
  });

  it('refuses dtypes safetensors cannot hold', () => {
    const t = Tensor.fromBytes(DataType.INT4, [2], Uint8Array.of(0x21));
    expect(() => serializeSafetensors(new Map([['q', t]]))).toThrow("writeSafetensors: tensor 'q' is int4, which safetensors cannot hold");
  });

  it('names the output when it cannot be written', () => {
    const file = path.join(tmp, 'missing-dir', 'x.safetensors');
    let caught: unknown;
    try {
      writeSafetensors(file, new Map());
    } catch (e) {
      caught = e;
    }
    expect((caught as YlcError).code).toBe('bad-output');
    expect((caught as YlcError).message).toBe(`cannot write ${file}: directory ${path.dirname(file)} does not exist`);
  });
});

describe('readSafetensors: errors', () => {
  const f32 = (data: number[]): Uint8Array => new Uint8Array(Float32Array.from(data).buffer);

  it('truncated header', () => {
    expect(messageOf(Uint8Array.of(1, 2, 3))).toBe(
      'bad.safetensors: truncated safetensors header (the file has 3 bytes, the header length alone needs 8)',
    );
  });

  it('header length beyond the file', () => {
    expect(messageOf(build('{}', new Uint8Array(0), 1000n))).toBe(
      'bad.safetensors: safetensors header length 1000 reaches beyond the end of the file (10 bytes); the file is truncated',
    );
    expect(messageOf(build('{}', new Uint8Array(0), 2n ** 64n - 1n))).toBe(
      'bad.safetensors: safetensors header length 18446744073709551615 reaches beyond the end of the file (10 bytes); the file is truncated',
    );
  });

  it('bad JSON', () => {
    expect(messageOf(build('{"a": '))).toMatch(/^bad\.safetensors: safetensors header is not valid JSON \(.+\)$/);
    expect(messageOf(build('[1, 2]'))).toBe('bad.safetensors: safetensors header is not a JSON object');
  });

  it('offsets out of range', () => {
    expect(messageOf(build('{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}', f32([1])))).toBe(
      "bad.safetensors: tensor 'w' has data_offsets [0, 8] outside the 4-byte data buffer; the file is truncated or corrupt",
    );
    expect(messageOf(build('{"w":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}}', f32([1])))).toBe(
      "bad.safetensors: tensor 'w' has data_offsets [4, 0] outside the 4-byte data buffer; the file is truncated or corrupt",
    );
  });

  it('byte length that does not match the shape', () => {
    expect(messageOf(build('{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}', f32([1])))).toBe(
      "bad.safetensors: tensor 'w' (F32[2]) needs 8 bytes but data_offsets give 4",
    );
  });

  it('unknown dtype, bad shape, bad offsets, bad metadata', () => {
    expect(messageOf(build('{"w":{"dtype":"C64","shape":[1],"data_offsets":[0,8]}}', new Uint8Array(8)))).toBe(
      `bad.safetensors: tensor 'w' has dtype "C64", which ylc cannot read`,
    );
    expect(messageOf(build('{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}', f32([1])))).toBe(
      "bad.safetensors: tensor 'w' has shape [-1], not a list of sizes",
    );
    expect(messageOf(build('{"w":{"dtype":"F32","shape":[1],"data_offsets":[0]}}', f32([1])))).toBe(
      "bad.safetensors: tensor 'w' has data_offsets [0], not [begin, end]",
    );
    expect(messageOf(build('{"__metadata__":{"a":1}}'))).toBe("bad.safetensors: safetensors __metadata__ entry 'a' is not a string");
    expect(messageOf(build('{"w":3}'))).toBe("bad.safetensors: tensor 'w' has no dtype/shape/data_offsets entry");
  });
});
