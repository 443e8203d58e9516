import { describe, expect, it } from 'vitest';
import { DataType } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import { numberToFloat16Bits } from '../../ir/half.js';
import type { Model } from '../../ir/model.js';
import { Tensor } from '../../ir/tensor.js';
import { maxAbsDiff, randomFloat32, runModel } from '../../test/util/ort.js';
import { applyStateDict, buildModel, countParameters, loadConfig, readDetectInfo, toDeployForm } from './index.js';

const build = (form: 'train' | 'deploy', seed = 0, nc?: number): Model => buildModel(loadConfig('yolov5n'), { form, imgsz: 64, seed, ...(nc ? { nc } : {}) });

/** The model's own initializers as a state_dict. */
function stateDictOf(m: Model): Map<string, Tensor> {
  return new Map([...m.graph.initializers].map(([k, v]) => [k, v.constValue!]));
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(YlcError);
    expect((e as YlcError).code).toBe('bad-model');
    return (e as YlcError).message;
  }
  throw new Error('expected a YlcError');
}

describe('applyStateDict', () => {
  it('loads a complete state_dict: the model then computes what the source model computes', async () => {
    const source = build('train', 1);
    const target = build('train', 2);
    const r = applyStateDict(target, stateDictOf(source));
    expect(r.loaded.length).toBe(source.graph.initializers.size);
    expect(r.skipped).toEqual([]);
    const images = { images: { dims: [1, 3, 64, 64], data: randomFloat32(3 * 64 * 64, 3) } };
    const a = await runModel(source, images);
    const b = await runModel(target, images);
    expect(maxAbsDiff(a.pred0!.data, b.pred0!.data)).toBe(0);
  });

  it('strict: lists the first few missing, unexpected and mismatched keys, and loads nothing', () => {
    const target = build('train', 2);
    const sd = stateDictOf(build('train', 1));
    const before = target.graph.initializers.get('model.0.conv.weight')!.constValue;
    for (const k of ['model.0.conv.weight', 'model.0.bn.weight', 'model.1.bn.bias', 'model.2.cv1.bn.running_var', 'model.3.conv.weight']) sd.delete(k);
    sd.set('model.99.conv.weight', Tensor.fromFloat32([1], Float32Array.of(1)));
    sd.set('model.1.conv.weight', Tensor.fromFloat32([1, 2], Float32Array.of(1, 2)));
    expect(messageOf(() => applyStateDict(target, sd))).toBe(
      'state dict does not match the model: 5 missing (model.0.conv.weight, model.0.bn.weight, model.1.bn.bias, model.2.cv1.bn.running_var, ... (+1 more)); ' +
        '1 unexpected (model.99.conv.weight); 1 mismatched (model.1.conv.weight: model [32,16,3,3], state dict [1,2])',
    );
    expect(target.graph.initializers.get('model.0.conv.weight')!.constValue).toBe(before);
  });

  it('partial: loads what matches and reports the rest as skipped', () => {
    const target = build('train', 2);
    const sd = stateDictOf(build('train', 1));
    sd.delete('model.0.conv.weight');
    sd.set('extra.key', Tensor.fromFloat32([1], Float32Array.of(1)));
    sd.set('model.1.conv.weight', Tensor.fromFloat32([1, 2], Float32Array.of(1, 2)));
    const r = applyStateDict(target, sd, { partial: true });
    expect(r.skipped).toEqual(['extra.key', 'model.1.conv.weight']);
    expect(r.loaded.length).toBe(target.graph.initializers.size - 2);
    expect(target.graph.initializers.get('model.1.conv.weight')!.constValue!.dims).toEqual([32, 16, 3, 3]);
  });

  it('widens float16 tensors to the model dtype; skips num_batches_tracked', () => {
    const target = build('train');
    const sd = stateDictOf(target);
    const w = target.graph.initializers.get('model.24.m.0.weight')!.constValue!;
    const halves = Uint16Array.from(w.toFloat32(), (x) => numberToFloat16Bits(x));
    sd.set('model.24.m.0.weight', Tensor.fromBytes(DataType.FLOAT16, w.dims, new Uint8Array(halves.buffer)));
    sd.set('model.0.bn.num_batches_tracked', Tensor.fromInt64([], [100]));
    const r = applyStateDict(target, sd);
    expect(r.skipped).toEqual(['model.0.bn.num_batches_tracked']);
    const loaded = target.graph.initializers.get('model.24.m.0.weight')!.constValue!;
    expect(loaded.dtype).toBe(DataType.FLOAT);
    expect(loaded.name).toBe('model.24.m.0.weight');
    expect(maxAbsDiff(loaded.toFloat32(), w.toFloat32())).toBeLessThan(1e-3);
  });

  it('says when the checkpoint has another nc, or when BN weights meet a deploy-form model', () => {
    expect(messageOf(() => applyStateDict(build('train'), stateDictOf(build('train', 0, 3))))).toBe(
      'state dict does not match the model: 6 mismatched (model.24.m.0.weight: model [255,64,1,1], state dict [24,64,1,1], model.24.m.0.bias: model [255], state dict [24], ' +
        'model.24.m.1.weight: model [255,128,1,1], state dict [24,128,1,1], model.24.m.1.bias: model [255], state dict [24], ... (+2 more)) ' +
        '(the weights are for nc=3, the model has nc=80: build it with --nc 3)',
    );
    const m = messageOf(() => applyStateDict(build('deploy'), stateDictOf(build('train'))));
    expect(m.endsWith('(the model is in deploy form, BatchNorm folded: load the weights into the train form, then convert it with toDeployForm)')).toBe(true);
  });

  it('names corrupt ylc.detect metadata in one line instead of failing on it', () => {
    const m = build('train');
    m.setMetadata('ylc.detect', '{"layer": 24,');
    expect(messageOf(() => applyStateDict(m, stateDictOf(build('train'))))).toMatch(/^the model: metadata 'ylc\.detect' is not valid \(.*JSON.*\)$/);
  });

  it('refuses ylc.detect metadata that does not describe a Detect layer (nc against no, strides, anchor counts)', () => {
    const good = JSON.parse(build('train').getMetadata('ylc.detect')!) as Record<string, unknown>;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ nc: 5 }, 'nc 5, na 3 and no 85 do not fit (no = nc + 5)'],
      [{ strides: [0, 0, 0] }, 'strides [0, 0, 0] must be positive integers'],
      [{ heads: ['pred0'] }, '3 strides, 1 heads and 3 anchor levels'],
      [{ anchors: [[10, 13], [30, 61], [116, 90]] }, 'anchors must be 3 (w, h) pairs of numbers >= 0 per level (0: placeholders)'],
      [{ layer: -1 }, 'layer -1 is not a layer index'],
    ];
    for (const [change, why] of cases) {
      const m = build('train');
      m.setMetadata('ylc.detect', JSON.stringify({ ...good, ...change }));
      expect(messageOf(() => readDetectInfo(m, 'm.onnx'))).toBe(`m.onnx: metadata 'ylc.detect' is not valid (${why})`);
    }
  });

  it('a fused state_dict loads into the deploy form', () => {
    const target = build('deploy', 5);
    const r = applyStateDict(target, stateDictOf(build('deploy', 6)));
    expect(r.loaded.length).toBe(target.graph.initializers.size);
  });

  it('anchors (divided by the strides, as autoanchor leaves them) update ylc.detect and the deploy decode', async () => {
    const px = [
      [12, 14, 18, 32, 36, 24],
      [32, 64, 64, 48, 60, 120],
      [120, 92, 160, 200, 380, 330],
    ];
    const strides = [8, 16, 32];
    const anchors = Tensor.fromFloat32([3, 3, 2], Float32Array.from(px.flatMap((l, i) => l.map((v) => v / strides[i]!))));
    const train = build('train', 1);
    const sd = stateDictOf(train);
    sd.set('model.24.anchors', anchors);
    const deployOld = toDeployForm(train);
    applyStateDict(train, sd);
    expect(readDetectInfo(train, 'test').anchors).toEqual(px);
    const deployNew = toDeployForm(train);
    // Loading the anchors into the deploy form directly gives the same model.
    const deploySd = stateDictOf(deployOld);
    deploySd.set('model.24.anchors', anchors);
    applyStateDict(deployOld, deploySd);
    expect(readDetectInfo(deployOld, 'test').anchors).toEqual(px);
    const images = { images: { dims: [1, 3, 64, 64], data: randomFloat32(3 * 64 * 64, 3) } };
    const a = await runModel(deployOld, images);
    const b = await runModel(deployNew, images);
    expect(maxAbsDiff(a.output0!.data, b.output0!.data)).toBe(0);
    expect(maxAbsDiff(a.output0!.data, (await runModel(toDeployForm(build('train', 1)), images)).output0!.data)).toBeGreaterThan(0);
  });
});

describe('countParameters', () => {
  it('counts parameters, not BN buffers', () => {
    const m = build('train');
    let all = 0;
    for (const v of m.graph.initializers.values()) all += v.constValue!.size;
    let running = 0;
    for (const [k, v] of m.graph.initializers) if (k.endsWith('running_mean') || k.endsWith('running_var')) running += v.constValue!.size;
    expect(countParameters(m)).toBe(all - running);
    expect(countParameters(m)).toBe(1_872_157);
  });
});
