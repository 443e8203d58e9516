import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataType } from '../../ir/dtype.js';
import { Tensor } from '../../ir/tensor.js';
import { zipChunks } from '../pytorch/zip.js';
import { readWeights, writeSafetensors, writeTorchStateDict } from './index.js';
import { errorOf } from '../../test/util/errors.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-weights-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const testdata = (name: string): string => path.join('frontends/weights/testdata', name);

function write(name: string, bytes: Uint8Array | Iterable<Uint8Array>): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes instanceof Uint8Array ? bytes : Buffer.concat([...bytes]));
  return file;
}


describe('readWeights', () => {
  it('reads the official YOLOv5 checkpoint with its config', () => {
    const w = readWeights('test/fixtures/yolov5n.pt');
    expect(w.format).toBe('pt');
    expect(w.tensors.get('model.0.conv.weight')!.dims).toEqual([16, 3, 6, 6]);
    expect(w.tensors.get('model.0.conv.weight')!.dtype).toBe(DataType.FLOAT);
    expect(w.config?.['nc']).toBe(80);
    expect(w.notes).toContain('widened 292 half-precision tensors (torch.HalfStorage) to float32');
  });

  it('reads safetensors with their metadata', () => {
    const w = readWeights('test/fixtures/goldens/golden_convnext_tiny_a.safetensors');
    expect(w.format).toBe('safetensors');
    expect(w.tensors.size).toBe(383);
    expect(w.metadata?.['nc']).toBe('2');
    expect(w.config).toBeUndefined();
    expect(w.notes).toEqual([]);
  });

  it('widens half-precision safetensors to float32, keeping the rest', () => {
    const w = readWeights(testdata('dtypes.safetensors'));
    expect(w.tensors.get('f16')!.dtype).toBe(DataType.FLOAT);
    expect(w.tensors.get('f16')!.toNumbers()).toEqual([0.5, 65504]);
    expect(w.tensors.get('bf16')!.toNumbers()).toEqual([-1.5]);
    expect(w.tensors.get('i64')!.dtype).toBe(DataType.INT64);
    expect(w.notes).toEqual(['widened 2 half-precision tensors to float32']);
  });

  it('chooses by content, not by extension', () => {
    const tensors = new Map([['w', Tensor.fromFloat32([2], Float32Array.of(1, 2))]]);
    const st = path.join(tmp, 'really_safetensors.pt');
    writeSafetensors(st, tensors);
    expect(readWeights(st).format).toBe('safetensors');
    const pt = path.join(tmp, 'really_torch.safetensors');
    writeTorchStateDict(pt, tensors);
    const w = readWeights(pt);
    expect(w.format).toBe('pt');
    expect(w.tensors.get('w')!.toNumbers()).toEqual([1, 2]);
  });
});

describe('readWeights: errors', () => {
  it('a missing file', () => {
    const file = path.join(tmp, 'nope.pt');
    const e = errorOf(() => readWeights(file));
    expect(e.code).toBe('io');
    expect(e.message).toBe(`cannot read ${file}: no such file; check the path`);
  });

  it('a directory', () => {
    const e = errorOf(() => readWeights(tmp));
    expect(e.code).toBe('io');
    expect(e.message).toBe(`cannot read ${tmp}: it is a directory; pass a weights file`);
  });

  it('a FIFO is refused before it is opened (opening one waits for a writer)', () => {
    const fifo = path.join(tmp, 'weights.fifo');
    execFileSync('mkfifo', [fifo]);
    const e = errorOf(() => readWeights(fifo));
    expect([e.code, e.message]).toEqual(['io', `cannot read ${fifo}: it is a FIFO, not a regular file`]);
    fs.rmSync(fifo);
  });

  it('neither a zip nor safetensors', () => {
    const file = write('notes.txt', new TextEncoder().encode('just some text, not weights'));
    const e = errorOf(() => readWeights(file));
    expect(e.code).toBe('bad-model');
    expect(e.message).toBe(
      `${file}: neither a PyTorch checkpoint (zip) nor a safetensors file; pass a .pt/.pth saved by torch.save or a .safetensors file`,
    );
  });

  it('a truncated safetensors header', () => {
    const short = write('short.safetensors', Uint8Array.of(1, 2, 3, 4, 5));
    expect(errorOf(() => readWeights(short)).message).toBe(
      `${short}: truncated safetensors header (the file has 5 bytes, the header length alone needs 8)`,
    );
    // A header that starts like safetensors but was cut off.
    const head = new Uint8Array(8 + 10);
    new DataView(head.buffer).setBigUint64(0, 4096n, true);
    head.set(new TextEncoder().encode('{"w":{"dty'), 8);
    const cut = write('cut.bin', head);
    expect(errorOf(() => readWeights(cut)).message).toBe(
      `${cut}: safetensors header length 4096 reaches beyond the end of the file (18 bytes); the file is truncated`,
    );
  });

  it('an unsupported pickle opcode is named', () => {
    const file = write('opcode.pt', zipChunks([{ name: 'opcode/data.pkl', data: Uint8Array.of(0x80, 0x02, 0x97, 0x2e) }]));
    expect(errorOf(() => readWeights(file)).message).toBe(
      `${file} (opcode/data.pkl): unsupported pickle opcode 0x97 (NEXT_BUFFER) at offset 2; re-save the file with torch.save`,
    );
  });

  it('an unsupported storage type is named', () => {
    const file = testdata('complex.pt');
    expect(errorOf(() => readWeights(file)).message).toBe(
      `${file}: tensor 'c' uses torch.ComplexFloatStorage, which ylc cannot read; save the weights as float32 (model.float().state_dict())`,
    );
  });

  it('the legacy torch format', () => {
    const file = testdata('legacy.pt');
    expect(errorOf(() => readWeights(file)).message).toBe(
      `${file}: legacy (pre-1.6, non-zip) PyTorch format; re-save it with a current torch: torch.save(torch.load(f), f)`,
    );
  });
});
