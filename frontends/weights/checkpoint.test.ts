import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataType } from '../../ir/dtype.js';
import { loadModel } from '../../ir/serde/index.js';
import type { Tensor } from '../../ir/tensor.js';
import { PickleWriter } from '../pytorch/pickle.js';
import { loadTorchArchive, materialize, TorchTensor } from '../pytorch/torch-archive.js';
import { zipChunks } from '../pytorch/zip.js';
import { readTorchCheckpoint } from './checkpoint.js';
import { errorOf } from '../../test/util/errors.js';

const YOLOV5N_PT = 'test/fixtures/yolov5n.pt';
const YOLOV5N_ONNX = 'test/fixtures/yolov5n_640_bn.onnx';
const testdata = (name: string): string => path.join('frontends/weights/testdata', name);
const read = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(file));

function sum(t: Tensor): number {
  return t.toNumbers().reduce((a, b) => a + b, 0);
}


function concat(chunks: Iterable<Uint8Array>): Uint8Array {
  const list = [...chunks];
  const out = new Uint8Array(list.reduce((n, c) => n + c.byteLength, 0));
  let o = 0;
  for (const c of list) (out.set(c, o), (o += c.byteLength));
  return out;
}

describe('readTorchCheckpoint: official YOLOv5 checkpoint (whole fp16 Model)', () => {
  const ck = readTorchCheckpoint(read(YOLOV5N_PT), YOLOV5N_PT);

  it('walks the modules to state_dict names in state_dict order', () => {
    // Expected values from torch: torch.load(...)['model'].float().state_dict().
    expect(ck.source).toBe('model');
    expect(ck.stateDict.size).toBe(349);
    const names = [...ck.stateDict.keys()];
    expect(names.slice(0, 7)).toEqual([
      'model.0.conv.weight',
      'model.0.bn.weight',
      'model.0.bn.bias',
      'model.0.bn.running_mean',
      'model.0.bn.running_var',
      'model.0.bn.num_batches_tracked',
      'model.1.conv.weight',
    ]);
    expect(names.slice(-7)).toEqual([
      'model.24.anchors',
      'model.24.m.0.weight',
      'model.24.m.0.bias',
      'model.24.m.1.weight',
      'model.24.m.1.bias',
      'model.24.m.2.weight',
      'model.24.m.2.bias',
    ]);
    expect(names).toContain('model.4.m.0.cv1.conv.weight');
    expect(names.filter((n) => n.endsWith('.num_batches_tracked'))).toHaveLength(57);
    expect(names.filter((n) => n.endsWith('.running_var'))).toHaveLength(57);
    let params = 0;
    for (const t of ck.stateDict.values()) params += t.size;
    expect(params).toBe(1881736);
  });

  it('widens fp16 to fp32 and keeps int64 buffers', () => {
    const dims = (n: string): readonly number[] | undefined => ck.stateDict.get(n)?.dims;
    expect(dims('model.0.conv.weight')).toEqual([16, 3, 6, 6]);
    expect(dims('model.24.m.0.weight')).toEqual([255, 64, 1, 1]);
    expect(dims('model.24.anchors')).toEqual([3, 3, 2]);
    for (const [name, t] of ck.stateDict) {
      expect(t.dtype, name).toBe(name.endsWith('num_batches_tracked') ? DataType.INT64 : DataType.FLOAT);
      expect(t.name).toBe(name);
    }
    const nbt = ck.stateDict.get('model.0.bn.num_batches_tracked')!;
    expect(nbt.dims).toEqual([]);
    expect(nbt.toBigInt64()).toEqual(BigInt64Array.of(1n));
    expect(ck.notes).toEqual(["read 'model' (a models.yolo.DetectionModel); 'ema' is None", 'widened 292 half-precision tensors (torch.HalfStorage) to float32']);
  });

  it('has the values torch has', () => {
    const w = ck.stateDict.get('model.0.conv.weight')!;
    expect(w.toNumbers().slice(0, 3)).toEqual([-0.0007205009460449219, 0.051605224609375, -0.0792236328125]);
    const sums: Record<string, number> = {
      'model.0.conv.weight': -0.9965733885765076,
      'model.0.bn.running_var': 14.3984375,
      'model.24.m.0.weight': 14.187357544898987,
      'model.24.m.2.bias': -1182.1852197647095,
      'model.24.anchors': 78.46875,
    };
    for (const [name, expected] of Object.entries(sums)) expect(sum(ck.stateDict.get(name)!), name).toBeCloseTo(expected, 9);
    expect(ck.stateDict.get('model.24.anchors')!.toNumbers().slice(0, 3)).toEqual([1.25, 1.625, 2]);
  });

  it("returns the Model's yaml config", () => {
    const c = ck.config!;
    expect(c['nc']).toBe(80);
    expect(c['depth_multiple']).toBe(0.33);
    expect(c['width_multiple']).toBe(0.25);
    expect(c['anchors']).toEqual([[10, 13, 16, 30, 33, 23], [30, 61, 62, 45, 59, 119], [116, 90, 156, 198, 373, 326]]);
    expect(c['backbone']).toHaveLength(10);
    expect(c['head']).toHaveLength(15);
    expect((c['backbone'] as unknown[])[0]).toEqual([-1, 1, 'Conv', [64, 6, 2, 2]]);
    expect((c['head'] as unknown[])[14]).toEqual([[17, 20, 23], 1, 'Detect', ['nc', 'anchors']]);
  });

  it('keeps int64 storages as views of the file (no copy until widened)', () => {
    const bytes = read(YOLOV5N_PT);
    const again = readTorchCheckpoint(bytes, YOLOV5N_PT);
    expect(again.stateDict.get('model.0.bn.num_batches_tracked')!.bytes().buffer).toBe(bytes.buffer);
  });

  it('equals the fp32 ONNX export of the same weights within fp16 rounding', () => {
    const model = loadModel(YOLOV5N_ONNX);
    let compared = 0;
    for (const [name, value] of model.graph.initializers) {
      const ours = ck.stateDict.get(name);
      const theirs = value.constValue;
      if (!ours || !theirs || ours.dims.join() !== theirs.dims.join()) continue;
      const a = ours.toFloat32();
      const b = theirs.toFloat32();
      for (let i = 0; i < a.length; i++) {
        if (Math.abs(a[i]! - b[i]!) > Math.abs(b[i]!) * 2 ** -11 + 1e-7) {
          throw new Error(`${name}[${i}]: ${a[i]} vs ONNX ${b[i]}`);
        }
      }
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(70);
  });
});

describe('readTorchCheckpoint: other checkpoint shapes', () => {
  const emaNames = [
    'conv.weight',
    'bn.weight',
    'bn.bias',
    'bn.running_mean',
    'bn.running_var',
    'bn.num_batches_tracked',
    'head.0.weight',
    'head.0.bias',
  ];

  it("prefers 'ema' when it is not None; skips non-persistent buffers", () => {
    const ck = readTorchCheckpoint(read(testdata('ema.pt')), 'ema.pt');
    expect(ck.source).toBe('ema');
    expect([...ck.stateDict.keys()]).toEqual(emaNames); // no 'scratch' (persistent=False)
    expect(ck.stateDict.get('head.0.bias')!.toNumbers()).toEqual([1.3056640625, 0.68408203125]);
    expect(ck.stateDict.get('conv.weight')!.toNumbers().slice(0, 3)).toEqual([1.0283203125, 1.0458984375, 1.0751953125]);
    expect(ck.config).toEqual({ nc: 2, depth_multiple: 0.33, anchors: [[10, 13], [16, 30]], names: { 0: 'a', 1: 'b' } });
    expect(ck.notes[0]).toBe("read the EMA weights ('ema', a __main__.Net) rather than 'model'");
  });

  it("reads 'model' when 'ema' is None", () => {
    const ck = readTorchCheckpoint(read(testdata('model_only.pt')), 'model_only.pt');
    expect(ck.source).toBe('model');
    expect(ck.stateDict.get('head.0.bias')!.toNumbers()).toEqual([-0.12445068359375, 0.0225677490234375]);
  });

  it("reads {'model': state_dict} wrappers", () => {
    const ck = readTorchCheckpoint(read(testdata('wrapped.pt')), 'wrapped.pt');
    expect(ck.source).toBe('wrapped');
    expect([...ck.stateDict.keys()]).toEqual(emaNames);
    expect(ck.stateDict.get('head.0.bias')!.toNumbers()).toEqual([1.3056640625, 0.68408203125]);
    expect(ck.config).toBeUndefined();
    expect(ck.notes).toEqual(["read the state dict under 'model'"]);
  });

  for (const file of ['strided.pt', 'strided_p4.pt']) {
    it(`materialises storage offsets and strides, every dtype (${file})`, () => {
      const ck = readTorchCheckpoint(read(testdata(file)), file);
      expect(ck.source).toBe('state_dict');
      const get = (n: string): Tensor => ck.stateDict.get(n)!;
      const base = (r: number, c: number): number => r * 6 + c;
      expect(get('transposed').dims).toEqual([6, 4]);
      expect(get('transposed').toNumbers()).toEqual(Array.from({ length: 24 }, (_, i) => base(i % 4, Math.floor(i / 4))));
      expect(get('sliced').toNumbers()).toEqual([8, 9, 10, 14, 15, 16]);
      expect(get('stepped').toNumbers()).toEqual([0, 3, 12, 15]);
      expect(get('expanded').toNumbers()).toEqual([1.5, -2, 3.25, 1.5, -2, 3.25]);
      expect(get('half').dtype).toBe(DataType.FLOAT);
      expect(get('half').toNumbers()).toEqual([0.0999755859375, -2.5, 65504, 6.002187728881836e-5]);
      expect(get('bf16').dtype).toBe(DataType.FLOAT);
      expect(get('bf16').toNumbers()).toEqual([1, -3.140625, 1.0002555517425873e30]);
      expect(get('half_t').toNumbers()).toEqual([0, 3, 1, 4, 2, 5]);
      expect(get('long').dtype).toBe(DataType.INT64);
      expect(get('long').toBigInt64()).toEqual(BigInt64Array.of(1n, -2n, 2n ** 40n));
      expect(get('int').dtype).toBe(DataType.INT32);
      expect(get('int').toNumbers()).toEqual([7, -8]);
      expect(get('byte').dtype).toBe(DataType.UINT8);
      expect(get('byte').toNumbers()).toEqual([0, 255]);
      expect(get('bool').dtype).toBe(DataType.BOOL);
      expect(get('bool').toNumbers()).toEqual([1, 0, 1]);
      expect(get('double').dtype).toBe(DataType.DOUBLE);
      expect(get('double').toNumbers()).toEqual([1 / 3]);
      expect(get('scalar').dims).toEqual([]);
      expect(get('scalar').toNumbers()).toEqual([2.5]);
      expect(get('empty').dims).toEqual([0, 4]);
      expect(get('empty').bytes().byteLength).toBe(0);
      expect(get('param').toNumbers()).toEqual([4, 5]);
    });
  }

  it('marks parameters and shares storages between views', () => {
    const { root } = loadTorchArchive(read(testdata('strided.pt')), 'strided.pt');
    const sd = root as Map<string, TorchTensor>;
    expect(sd.get('param')!.isParameter).toBe(true);
    expect(sd.get('sliced')!.storage).toBe(sd.get('transposed')!.storage);
    expect(sd.get('sliced')!.offset).toBe(8);
    expect(sd.get('expanded')!.stride).toEqual([0, 1]);
  });

  it("reads {'state_dict': ...} wrappers and skips non-tensor entries of a plain state dict", () => {
    // {'state_dict': {'w': tensor}, 'epoch': 1} and {'w': tensor, 'epoch': 3}, built by hand.
    const tensor = (p: PickleWriter): void => {
      p.global('torch._utils', '_rebuild_tensor_v2');
      p.tuple([
        () => p.tuple([() => p.unicode('storage'), () => p.global('torch', 'FloatStorage'), () => p.unicode('0'), () => p.unicode('cpu'), () => p.int(2)]).binPersId(),
        () => p.int(0),
        () => p.intTuple([2]),
        () => p.intTuple([1]),
        () => p.bool(false),
        () => p.global('collections', 'OrderedDict').emptyTuple().reduce(),
      ]);
      p.reduce();
    };
    const archive = (pickle: Uint8Array): Uint8Array =>
      concat(zipChunks([{ name: 'a/data.pkl', data: pickle }, { name: 'a/data/0', data: new Uint8Array(Float32Array.of(1, 2).buffer) }]));

    const wrapped = new PickleWriter().proto(2).emptyDict().mark().unicode('state_dict').emptyDict().mark().unicode('w');
    tensor(wrapped);
    wrapped.setItems().unicode('epoch').int(1).setItems().stop();
    const a = readTorchCheckpoint(archive(wrapped.bytes()), 'a.pt');
    expect(a.source).toBe('wrapped');
    expect(a.notes).toEqual(["read the state dict under 'state_dict'"]);
    expect(a.stateDict.get('w')!.toNumbers()).toEqual([1, 2]);

    const plain = new PickleWriter().proto(2).emptyDict().mark().unicode('w');
    tensor(plain);
    plain.unicode('epoch').int(3).setItems().stop();
    const b = readTorchCheckpoint(archive(plain.bytes()), 'b.pt');
    expect(b.source).toBe('state_dict');
    expect([...b.stateDict.keys()]).toEqual(['w']);
    expect(b.notes).toEqual(['skipped 1 non-tensor entry (epoch)']);
  });

  it('reads _rebuild_tensor_v3 over an untyped storage', () => {
    const ck = readTorchCheckpoint(read(testdata('uint16.pt')), 'uint16.pt');
    const u = ck.stateDict.get('u')!;
    expect(u.dtype).toBe(DataType.UINT16);
    expect(u.toNumbers()).toEqual([1, 65535]);
  });
});

describe('readTorchCheckpoint: errors', () => {
  it('an unsupported storage type is named', () => {
    expect(errorOf(() => readTorchCheckpoint(read(testdata('complex.pt')), 'complex.pt')).message).toBe(
      "complex.pt: tensor 'c' uses torch.ComplexFloatStorage, which ylc cannot read; save the weights as float32 (model.float().state_dict())",
    );
  });

  it('a tensor torch rebuilds some other way is named', () => {
    expect(errorOf(() => readTorchCheckpoint(read(testdata('quantized.pt')), 'quantized.pt')).message).toBe(
      "quantized.pt: 'q' is a tensor rebuilt by torch._utils._rebuild_qtensor, which ylc cannot read; save the weights as float32 (model.float().state_dict())",
    );
  });

  it('the legacy format says to re-save', () => {
    const e = errorOf(() => readTorchCheckpoint(read(testdata('legacy.pt')), 'legacy.pt'));
    expect(e.code).toBe('bad-model');
    expect(e.message).toBe('legacy.pt: legacy (pre-1.6, non-zip) PyTorch format; re-save it with a current torch: torch.save(torch.load(f), f)');
  });

  it('not a zip', () => {
    expect(errorOf(() => readTorchCheckpoint(new TextEncoder().encode('hello world'), 'notes.txt')).message).toBe(
      'notes.txt: not a PyTorch checkpoint (a torch.save zip archive); pass a .pt file saved by torch.save',
    );
  });

  it('a zip without data.pkl', () => {
    const zip = concat(zipChunks([{ name: 'x/readme.txt', data: new Uint8Array(3) }]));
    expect(errorOf(() => readTorchCheckpoint(zip, 'x.zip')).message).toBe(
      'x.zip: zip archive without a data.pkl, not a torch.save checkpoint; pass a .pt file saved by torch.save',
    );
  });

  it('an unsupported pickle opcode inside data.pkl', () => {
    const zip = concat(zipChunks([{ name: 'w/data.pkl', data: Uint8Array.of(0x80, 0x02, 0x7d, 0x69) }]));
    expect(errorOf(() => readTorchCheckpoint(zip, 'w.pt')).message).toBe(
      'w.pt (w/data.pkl): unsupported pickle opcode 0x69 (INST) at offset 3; re-save the file with torch.save',
    );
  });

  const stateDictPickle = (numel: number, size: number[]): Uint8Array => {
    const p = new PickleWriter().proto(2);
    p.global('collections', 'OrderedDict').emptyTuple().reduce().mark();
    p.unicode('w').global('torch._utils', '_rebuild_tensor_v2');
    p.tuple([
      () => p.tuple([() => p.unicode('storage'), () => p.global('torch', 'FloatStorage'), () => p.unicode('0'), () => p.unicode('cpu'), () => p.int(numel)]).binPersId(),
      () => p.int(0),
      () => p.intTuple(size),
      () => p.intTuple(size.length === 1 ? [1] : [size[1]!, 1]),
      () => p.bool(false),
      () => p.global('collections', 'OrderedDict').emptyTuple().reduce(),
    ]);
    return p.reduce().setItems().stop().bytes();
  };

  it('a missing storage record', () => {
    const zip = concat(zipChunks([{ name: 'm/data.pkl', data: stateDictPickle(4, [4]) }]));
    expect(errorOf(() => readTorchCheckpoint(zip, 'm.pt')).message).toBe(
      "m.pt: storage '0' (m/data/0) is missing from the archive; the file is incomplete",
    );
  });

  it('a tensor reaching past its storage', () => {
    const zip = concat(
      zipChunks([
        { name: 's/data.pkl', data: stateDictPickle(4, [2, 3]) },
        { name: 's/data/0', data: new Uint8Array(16) },
      ]),
    );
    expect(errorOf(() => readTorchCheckpoint(zip, 's.pt')).message).toBe(
      "s.pt: tensor 'w' reaches element 5 of its storage '0', which holds 4; the file is corrupt",
    );
  });

  it('a checkpoint without tensors', () => {
    const p = new PickleWriter().proto(2).emptyDict().stop().bytes();
    const zip = concat(zipChunks([{ name: 'e/data.pkl', data: p }]));
    expect(errorOf(() => readTorchCheckpoint(zip, 'e.pt')).message).toBe(
      "e.pt: no weights found (top-level keys: none); expected a state_dict, {'model': ...} or a whole model",
    );
  });

  it('materialize names the tensor and file', () => {
    const { root } = loadTorchArchive(read(testdata('complex.pt')), 'c.pt');
    const t = (root as Map<string, TorchTensor>).get('c')!;
    expect(() => materialize(t, 'renamed', 'c.pt')).toThrow("c.pt: tensor 'renamed' uses torch.ComplexFloatStorage");
  });
});
