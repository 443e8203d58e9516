/**
 * Parity with PyTorch: the YOLOv5n export of test/fixtures (export.py, opset 12) and the
 * ConvNeXt / Slim goldens recorded with YOLOv5 v7.0 and YOLOv5-Light.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../ir/serde/index.js';
import { verifyModel } from '../../ir/verify.js';
import { maxAbsDiff, randomFloat32, runModel } from '../../test/util/ort.js';
import { opHistogram, readSafetensorsFile, relativeError, stateDictFromExport } from '../../test/util/yolov5-fixtures.js';
import { batchNormToTraining } from '../../passes/bn-train.js';
import { readWeights } from '../weights/index.js';
import { applyStateDict, buildModel, configFromDict, loadConfig, parseConfig, toDeployForm } from './index.js';

const FIXTURES = 'test/fixtures';

describe('YOLOv5n against its export.py ONNX', () => {
  const exported = loadModel(`${FIXTURES}/yolov5n_640.onnx`);
  const unfused = loadModel(`${FIXTURES}/yolov5n_640_bn.onnx`);
  const images = { images: { dims: [1, 3, 640, 640], data: randomFloat32(3 * 640 * 640, 20240) } };

  it('the weights of yolov5n_640_bn.onnx, built and exported by ylc, reproduce output0 within 1e-4', async () => {
    const sd = stateDictFromExport(unfused);
    expect(sd.size).toBe(57 * 5 + 6);
    expect(sd.get('model.23.m.0.cv2.bn.running_mean')!.dims).toEqual([128]);
    const train = buildModel(loadConfig('yolov5n'), { form: 'train' });
    expect(applyStateDict(train, sd)).toEqual({ loaded: [...sd.keys()], skipped: [] });
    const deploy = toDeployForm(train);
    expect(verifyModel(deploy)).toEqual([]);
    const ours = await runModel(deploy, images);
    const theirs = await runModel(exported, images);
    expect(ours.output0!.dims).toEqual([1, 25200, 85]);
    const diff = maxAbsDiff(ours.output0!.data, theirs.output0!.data);
    console.log(`yolov5n deploy vs export.py: output0 max abs diff ${diff}`);
    expect(diff).toBeLessThan(1e-4);
  });

  it("the op histogram is export.py's, less the Identity nodes of PyTorch's weight dedupe", () => {
    const ours = opHistogram(buildModel(loadConfig('yolov5n'), { form: 'deploy' }));
    const theirs = opHistogram(exported);
    expect(theirs.Identity).toBe(52);
    delete theirs.Identity;
    expect(ours).toEqual(theirs);
    expect(ours).toEqual({ Conv: 60, Sigmoid: 60, Mul: 69, Add: 10, Concat: 17, MaxPool: 3, Resize: 2, Reshape: 6, Transpose: 3, Split: 3, Pow: 3, Constant: 28 });
  });

  it('node names, input, output and stride metadata are the export\'s', () => {
    const ours = buildModel(loadConfig('yolov5n'), { form: 'deploy' });
    const names = (m: typeof ours) => m.graph.nodes.toArray().filter((n) => n.opType !== 'Identity').map((n) => `${n.opType} ${n.name}`);
    expect(names(ours)).toEqual(names(exported));
    expect(ours.graph.inputs.map((v) => v.name)).toEqual(['images']);
    expect(ours.graph.outputs.map((v) => v.name)).toEqual(['output0']);
    expect(ours.getMetadata('stride')).toBe(exported.getMetadata('stride'));
    expect(ours.opset).toBe(exported.opset);
  });

  it('the official checkpoint yolov5n.pt (fp16), built from the config it carries, loads strictly and agrees with the export', async () => {
    const w = readWeights(`${FIXTURES}/yolov5n.pt`);
    const train = buildModel(configFromDict(w.config!, 'yolov5n.pt'), { form: 'train' });
    const { loaded, skipped } = applyStateDict(train, w.tensors);
    expect(loaded).toContain('model.24.anchors');
    expect(skipped.length).toBe(57);
    expect(skipped.every((k) => k.endsWith('.num_batches_tracked'))).toBe(true);
    const ours = await runModel(toDeployForm(train), images);
    const theirs = await runModel(exported, images);
    const rel = relativeError(ours.output0!.data, theirs.output0!.data);
    console.log(`yolov5n.pt deploy vs export.py: output0 relative error ${rel}`);
    expect(rel).toBeLessThan(1e-4);
  });
});

describe('goldens (YOLOv5 v7.0 / YOLOv5-Light in PyTorch)', () => {
  for (const name of ['convnext_tiny_a', 'yolov5n_slim_pruned']) {
    it(`${name}: output0 (eval, decoded) and pred0..2 (train-mode raw heads) within 1e-4 relative`, async () => {
      const golden = readSafetensorsFile(`${FIXTURES}/goldens/golden_${name}.safetensors`);
      const cfg = parseConfig(fs.readFileSync(`${FIXTURES}/goldens/${name}.yaml`, 'utf8'), `${name}.yaml`);
      const input = golden.tensors.get('input')!;
      const options = { nc: Number(golden.metadata.nc), imgsz: Number(golden.metadata.imgsz), batch: input.dims[0]! };
      const sd = new Map([...golden.tensors].filter(([k]) => k.startsWith('weight.')).map(([k, v]) => [k.slice('weight.'.length), v]));
      const feeds = { images: { dims: input.dims, data: input.toFloat32() } };

      const train = buildModel(cfg, { form: 'train', ...options });
      expect(applyStateDict(train, sd).skipped).toEqual([]);
      const deploy = toDeployForm(train);
      const out = await runModel(deploy, feeds);
      const errors: Record<string, number> = { output0: relativeError(out.output0!.data, golden.tensors.get('output0')!.toFloat32()) };

      // The raw heads were recorded in train mode: BatchNorm normalizes with the batch statistics.
      batchNormToTraining(train);
      const raw = await runModel(train, feeds);
      for (const p of ['pred0', 'pred1', 'pred2']) {
        expect(raw[p]!.dims).toEqual(golden.tensors.get(p)!.dims);
        errors[p] = relativeError(raw[p]!.data, golden.tensors.get(p)!.toFloat32());
      }
      console.log(`${name}: relative errors ${JSON.stringify(errors)}`);
      for (const e of Object.values(errors)) expect(e).toBeLessThan(1e-4);
    });
  }
});
