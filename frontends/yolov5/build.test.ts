import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AttrType } from '../../ir/attribute.js';
import { YlcError } from '../../ir/errors.js';
import type { Model } from '../../ir/model.js';
import { decodeModel, encodeModel } from '../../ir/serde/index.js';
import { verifyModel } from '../../ir/verify.js';
import { runPipeline } from '../../passes/manager.js';
import { formatType } from '../../ir/type.js';
import { maxAbsDiff, randomFloat32, runModel } from '../../test/util/ort.js';
import { opHistogram } from '../../test/util/yolov5-fixtures.js';
import { errorOf } from '../../test/util/errors.js';
import { BUILTIN_CONFIGS, buildModel, builtinConfigDir, countParameters, loadConfig, parseConfig, readDetectInfo, toDeployForm, type BuildOptions } from './index.js';
import { describeConfig } from './build.js';

/** An older YOLOv5 layout: Focus, SPP, a repeated Bottleneck. */
const OLD_LAYOUT = `nc: 2
depth_multiple: 1.0
width_multiple: 0.25
anchors: 3
backbone:
  [[-1, 1, Focus, [64, 3]],
   [-1, 1, Conv, [128, 3, 2]],
   [-1, 3, C3, [128]],
   [-1, 1, Conv, [256, 3, 2]],
   [-1, 2, Bottleneck, [256]],
   [-1, 1, SPP, [256, [5, 9, 13]]],
  ]
head:
  [[-1, 1, Conv, [128, 1, 1]],
   [-1, 1, nn.Upsample, [None, 2, 'nearest']],
   [[-1, 2], 1, Concat, [1]],
   [-1, 1, C3, [128, False]],
   [[9, 6], 1, Detect, [nc, anchors]],
  ]
`;

const floats = (m: Model, name: string): Float32Array => m.graph.initializers.get(name)!.constValue!.toFloat32();

describe('parameter counts (REFERENCE 3)', () => {
  const table: Array<[string, number, number]> = [
    ['yolov5n', 1_872_157, 1_867_405],
    ['yolov5s', 7_235_389, 7_225_885],
    ['yolov5m', 21_190_557, 21_172_173],
    ['yolov5l', 46_563_709, 46_533_693],
    ['yolov5x', 86_749_405, 86_705_005],
  ];
  for (const [name, train, folded] of table) {
    it(`${name}: ${train} in training form, ${folded} with BN folded`, () => {
      expect(describeConfig(loadConfig(name)).parameters).toBe(train);
      const m = buildModel(loadConfig(name), { form: 'train' });
      expect(countParameters(m)).toBe(train);
      expect(countParameters(toDeployForm(m))).toBe(folded);
    });
  }

  it('yolov5_convnexts (nc = 1 from its YAML): 60,464,022', () => {
    const m = buildModel(loadConfig('yolov5_convnexts'), { form: 'train' });
    expect(readDetectInfo(m, 'test').nc).toBe(1);
    expect(countParameters(m)).toBe(60_464_022);
    expect(describeConfig(loadConfig('yolov5_convnexts'))).toEqual({ parameters: 60_464_022, maxStride: 32 });
  });

  it('describeConfig counts what the build makes, for every layout (Focus, SPP, Bottleneck, slim, ConvNeXt, other nc)', () => {
    // The larger built-ins are checked against the table above.
    const configs = [
      ...(['yolov5n', 'yolov5n_slim', 'yolov5s_slim'] as const).map((n) => loadConfig(n)),
      loadConfig('test/fixtures/goldens/convnext_tiny_a.yaml'),
      loadConfig('test/fixtures/goldens/yolov5n_slim_pruned.yaml'),
      parseConfig(OLD_LAYOUT, 'old.yaml'),
    ];
    for (const cfg of configs) {
      for (const nc of [cfg.nc, 7]) {
        expect(describeConfig(cfg, nc).parameters, `${cfg.file} nc ${nc}`).toBe(countParameters(buildModel(cfg, { form: 'train', nc, imgsz: 64 })));
      }
    }
  });

  it('yolov5l_slimmed.yaml as written: 23,369,081; yolov5l_slim with every ratio 1.0 is yolov5l', () => {
    expect(countParameters(buildModel(loadConfig('test/fixtures/yolov5l_slimmed.yaml'), { form: 'train' }))).toBe(23_369_081);
    expect(describeConfig(loadConfig('test/fixtures/yolov5l_slimmed.yaml')).parameters).toBe(23_369_081);
    const slim = buildModel(loadConfig('yolov5l_slim'), { form: 'train', imgsz: 64 });
    const full = buildModel(loadConfig('yolov5l'), { form: 'train', imgsz: 64 });
    expect(countParameters(slim)).toBe(46_563_709);
    const shapes = (m: Model) => [...m.graph.initializers].map(([k, v]) => `${k}:${v.constValue!.dims.join('x')}`);
    expect(shapes(slim)).toEqual(shapes(full));
  });
});

describe('names and structure', () => {
  const n = buildModel(loadConfig('yolov5n'), { form: 'train' });

  it('initializers carry the PyTorch state_dict names', () => {
    const names = [...n.graph.initializers.keys()];
    expect(names.slice(0, 5)).toEqual(['model.0.conv.weight', 'model.0.bn.weight', 'model.0.bn.bias', 'model.0.bn.running_mean', 'model.0.bn.running_var']);
    for (const k of ['model.4.m.0.cv1.conv.weight', 'model.4.m.1.cv2.bn.running_var', 'model.9.cv2.conv.weight', 'model.24.m.0.weight', 'model.24.m.2.bias']) expect(names).toContain(k);
    expect(n.graph.initializers.get('model.24.m.0.weight')!.constValue!.dims).toEqual([255, 64, 1, 1]);
  });

  it('nodes are named as PyTorch exports name them', () => {
    const nodes = n.graph.nodes.toArray().map((x) => x.name);
    for (const k of ['/model.0/conv/Conv', '/model.0/bn/BatchNormalization', '/model.0/act/Sigmoid', '/model.0/act/Mul', '/model.4/m/m.0/cv1/conv/Conv', '/model.4/m/m.1/Add', '/model.9/m/MaxPool', '/model.9/m_1/MaxPool', '/model.9/m_2/MaxPool', '/model.11/Resize', '/model.12/Concat', '/model.24/m.2/Conv', '/model.24/Reshape_2', '/model.24/Transpose_2']) {
      expect(nodes).toContain(k);
    }
  });

  it('training form: unfused BN (eps 1e-3, momentum 0.03), raw heads pred0..2 [bs, na, ny, nx, nc + 5]', () => {
    const bn = n.graph.nodes.toArray().filter((x) => x.opType === 'BatchNormalization');
    expect(bn.length).toBe(57);
    expect(bn[0]!.attrFloat('epsilon')).toBeCloseTo(1e-3, 9);
    expect(bn[0]!.attrFloat('momentum')).toBeCloseTo(0.97, 7);
    expect(n.graph.outputs.map((v) => `${v.name}:${formatType(v.type)}`)).toEqual(['pred0:float[1,3,80,80,85]', 'pred1:float[1,3,40,40,85]', 'pred2:float[1,3,20,20,85]']);
    expect(n.graph.inputs.map((v) => `${v.name}:${formatType(v.type)}`)).toEqual(['images:float[1,3,640,640]']);
    expect(n.getMetadata('ylc.form')).toBe('train');
    const info = readDetectInfo(n, 'test');
    expect(info).toEqual({
      layer: 24, nc: 80, na: 3, no: 85,
      anchors: [[10, 13, 16, 30, 33, 23], [30, 61, 62, 45, 59, 119], [116, 90, 156, 198, 373, 326]],
      strides: [8, 16, 32], heads: ['pred0', 'pred1', 'pred2'],
      names: Array.from({ length: 80 }, (_, i) => `class${i}`), imgsz: [640, 640], batch: 1,
    });
    const config = JSON.parse(n.getMetadata('ylc.config')!) as Record<string, unknown>;
    expect([config.nc, config.depth_multiple, config.width_multiple, (config.head as unknown[]).length]).toEqual([80, 0.33, 0.25, 15]);
    expect(n.opset).toBe(12);
  });

  it('deploy form: what export.py writes (op counts of REFERENCE 3, output0, stride/names metadata)', () => {
    const d = buildModel(loadConfig('yolov5n'), { form: 'deploy' });
    expect(opHistogram(d)).toEqual({ Conv: 60, Sigmoid: 60, Mul: 69, Add: 10, Concat: 17, MaxPool: 3, Resize: 2, Reshape: 6, Transpose: 3, Split: 3, Pow: 3, Constant: 28 });
    expect(d.graph.outputs.map((v) => `${v.name}:${formatType(v.type)}`)).toEqual(['output0:float[1,25200,85]']);
    expect(d.metadataProps.slice(0, 3).map(([k, v]) => [k, v.slice(0, 40)])).toEqual([
      ['stride', '32'],
      ['names', "{0: 'class0', 1: 'class1', 2: 'class2', "],
      ['ylc.form', 'deploy'],
    ]);
    expect(d.getMetadata('names')!.endsWith("79: 'class79'}")).toBe(true);
    expect(d.graph.initializers.has('model.0.conv.bias')).toBe(true);
    expect([...d.graph.initializers.keys()].some((k) => k.includes('bn') || k.endsWith('_folded'))).toBe(false);
    const tail = d.graph.nodes.toArray().slice(-3).map((x) => x.name);
    expect(tail).toEqual(['/model.24/Constant_23', '/model.24/Reshape_5', '/model.24/Concat_3']);
  });

  it('nc, names and opset options; ConvNeXt blocks with LayerNormalization from opset 17', () => {
    const m = buildModel(loadConfig('yolov5s'), { form: 'deploy', nc: 3, imgsz: 320, names: ['cat', "o'clock", 'a\\b'], opset: 13 });
    expect(m.getMetadata('names')).toBe(`{0: 'cat', 1: "o'clock", 2: 'a\\\\b'}`);
    expect(m.graph.outputs[0]!.type && formatType(m.graph.outputs[0]!.type)).toBe('float[1,6300,8]');
    expect(m.opset).toBe(13);
    const c12 = opHistogram(buildModel(loadConfig('yolov5_convnexts'), { form: 'train', imgsz: 64 }));
    const c17 = opHistogram(buildModel(loadConfig('yolov5_convnexts'), { form: 'train', imgsz: 64, opset: 17 }));
    expect([c12.LayerNormalization, c12.Erf, c17.LayerNormalization, c17.Erf]).toEqual([undefined, 36, 36, 36]);
  });

  it('rejects options it cannot honour, naming the flag', () => {
    const cfg = loadConfig('yolov5n');
    const message = (o: BuildOptions) => {
      try {
        buildModel(cfg, o);
      } catch (e) {
        expect(e).toBeInstanceOf(YlcError);
        return (e as YlcError).message;
      }
      return 'no error';
    };
    expect(message({ form: 'train', imgsz: 650 })).toBe("--imgsz 650x650: the height 650 is not a multiple of the model's largest stride 32 (try 640 or 672)");
    expect(message({ form: 'train', nc: 0 })).toBe('--nc must be a positive integer, got 0');
    expect(message({ form: 'train', opset: 9 })).toBe('--opset must be an integer from 11 to 21, got 9');
    expect(message({ form: 'train', batch: 0 })).toBe("--batch must be a positive integer or 'dynamic', got 0");
    expect(message({ form: 'test' as 'train' })).toBe("--form must be train or deploy, got 'test'");
    expect(message({ form: 'train', nc: 2, names: ['a'] })).toBe('--names: 1 class names given for nc=2');
    expect(message({ form: 'train', imgsz: 1e9 })).toBe('--imgsz 1000000000x1000000000: ylc builds images up to 8192 on a side');
    expect(message({ form: 'train', imgsz: [640, 8224] })).toBe('--imgsz 640x8224: ylc builds images up to 8192 on a side');
    expect(message({ form: 'train', batch: 99999999999 })).toBe("--batch 99999999999: ylc builds batches of at most 1024 images (or 'dynamic')");
    expect(message({ form: 'train', nc: 100_001 })).toBe('--nc 100001: ylc builds at most 100000 classes');
    expect(message({ form: 'train', imgsz: 8192, batch: 1024, nc: 100_000 })).toBe('no error');
  });

  it('refuses a model over 2^29 parameters before allocating it, naming its largest layer', () => {
    const wide = parseConfig(fs.readFileSync(path.join(builtinConfigDir(), 'yolov5n.yaml'), 'utf8').replace('width_multiple: 0.25', 'width_multiple: 1000'), 'w.yaml');
    expect(errorOf(() => buildModel(wide, { form: 'train', imgsz: 64 })).message).toBe(
      'w.yaml:23: layer 8 (C3): the model would have 27,935,221,888,765 parameters (this layer, the largest, 4,718,598,144,000); ' +
        'ylc builds at most 536,870,912 (2^29, 2 GiB of float32): lower width_multiple, depth_multiple, nc or the layer widths',
    );
  });
});

describe('initialization', () => {
  it('same seed, same bytes; another seed, other weights', () => {
    const cfg = loadConfig('yolov5n');
    const a = encodeModel(buildModel(cfg, { form: 'train', seed: 7 }));
    const b = encodeModel(buildModel(cfg, { form: 'train', seed: 7 }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = buildModel(cfg, { form: 'train', seed: 8 });
    expect(Buffer.from(encodeModel(c)).equals(Buffer.from(a))).toBe(false);
    const d0 = buildModel(cfg, { form: 'deploy', seed: 7 });
    expect(Buffer.from(encodeModel(d0)).equals(Buffer.from(encodeModel(buildModel(cfg, { form: 'deploy', seed: 7 }))))).toBe(true);
    for (const name of ['model.0.conv.weight', 'model.24.m.1.weight', 'model.24.m.1.bias']) {
      expect(maxAbsDiff(floats(decodeModel(a), name), floats(c, name))).toBeGreaterThan(0);
    }
  });

  it('as PyTorch: kaiming_uniform conv weights, BN 1/0/0/1, Detect bias priors', () => {
    const m = buildModel(loadConfig('yolov5n'), { form: 'train', seed: 1 });
    const w = floats(m, 'model.4.m.0.cv2.conv.weight'); // [32, 32, 3, 3]: bound 1/sqrt(288)
    const bound = 1 / Math.sqrt(32 * 9);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.99 * bound);
    const variance = w.reduce((s, x) => s + x * x, 0) / w.length;
    expect(variance).toBeCloseTo((bound * bound) / 3, 4);
    expect([...floats(m, 'model.4.cv1.bn.weight')].every((x) => x === 1)).toBe(true);
    expect([...floats(m, 'model.4.cv1.bn.bias'), ...floats(m, 'model.4.cv1.bn.running_mean')].every((x) => x === 0)).toBe(true);
    expect([...floats(m, 'model.4.cv1.bn.running_var')].every((x) => x === 1)).toBe(true);
    // Detect: bias = U(-1/sqrt(64), 1/sqrt(64)) + log(8 / (640 / s)^2) at index 4 of each anchor,
    // + log(0.6 / (nc - 0.99999)) at the class logits; 0..3 keep the uniform draw.
    const b0 = floats(m, 'model.24.m.0.bias');
    const obj = Math.log(8 / (640 / 8) ** 2);
    const cls = Math.log(0.6 / (80 - 0.99999));
    for (let a = 0; a < 3; a++) {
      expect(Math.abs(b0[a * 85 + 4]! - obj)).toBeLessThanOrEqual(1 / 8 + 1e-6);
      for (const c of [0, 1, 2, 3]) expect(Math.abs(b0[a * 85 + c]!)).toBeLessThanOrEqual(1 / 8);
      for (let c = 5; c < 85; c++) expect(Math.abs(b0[a * 85 + c]! - cls)).toBeLessThanOrEqual(1 / 8 + 1e-6);
    }
    const b2 = floats(m, 'model.24.m.2.bias');
    expect(Math.abs(b2[4]! - Math.log(8 / (640 / 32) ** 2))).toBeLessThanOrEqual(1 / 16 + 1e-6);
  });

  it('ConvNeXt: trunc_normal(0.02) block weights with zero bias, layer scale 1e-6, LayerNorm 1/0', () => {
    const m = buildModel(loadConfig('yolov5_convnexts'), { form: 'train', imgsz: 64, seed: 2 });
    const w = floats(m, 'model.5.m.3.pwconv1.weight'); // [1536, 384]
    const mean = w.reduce((s, x) => s + x, 0) / w.length;
    const std = Math.sqrt(w.reduce((s, x) => s + (x - mean) ** 2, 0) / w.length);
    expect(Math.abs(mean)).toBeLessThan(1e-3);
    expect(std).toBeCloseTo(0.02, 3);
    expect([...floats(m, 'model.5.m.3.pwconv1.bias'), ...floats(m, 'model.5.m.3.dwconv.bias')].every((x) => x === 0)).toBe(true);
    expect([...floats(m, 'model.5.m.3.gamma')].every((x) => x === Math.fround(1e-6))).toBe(true);
    expect([...floats(m, 'model.2.ln.weight')].every((x) => x === 1)).toBe(true);
    expect(m.graph.initializers.get('model.1.m.2.dwconv.weight')!.constValue!.dims).toEqual([96, 1, 7, 7]);
    // Stem and downsample convs keep PyTorch's default init: |w| <= 1/sqrt(fan_in), bias uniform too.
    const stem = floats(m, 'model.0.conv.weight');
    expect(Math.max(...stem.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(3 * 16));
    expect(floats(m, 'model.0.conv.bias').some((x) => x !== 0)).toBe(true);
  });
});

describe('every built model verifies and runs in ONNX Runtime', () => {
  for (const name of [...BUILTIN_CONFIGS, 'test/fixtures/yolov5l_slimmed.yaml']) {
    it(name, async () => {
      const cfg = loadConfig(name);
      for (const form of ['train', 'deploy'] as const) {
        const m = buildModel(cfg, { form, imgsz: 64 });
        expect(verifyModel(m)).toEqual([]);
        const out = await runModel(m, { images: { dims: [1, 3, 64, 64], data: randomFloat32(3 * 64 * 64, 5) } });
        const no = readDetectInfo(m, 'test').no;
        if (form === 'train') expect(Object.values(out).map((o) => o.dims)).toEqual([[1, 3, 8, 8, no], [1, 3, 4, 4, no], [1, 3, 2, 2, no]]);
        else expect(out.output0!.dims).toEqual([1, 252, no]);
        for (const o of Object.values(out)) expect(o.data.every(Number.isFinite)).toBe(true);
      }
    });
  }
});

describe('dynamic axes and saved models', () => {
  it("batch 'dynamic' gives dynamic batch/height/width, equal to the static model where both run", async () => {
    const cfg = loadConfig('yolov5n');
    const dyn = buildModel(cfg, { form: 'deploy', imgsz: 128, batch: 'dynamic', seed: 4 });
    expect(verifyModel(dyn)).toEqual([]);
    expect(formatType(dyn.graph.inputs[0]!.type)).toBe('float[batch,3,height,width]');
    expect(formatType(dyn.graph.outputs[0]!.type)).toBe('float[batch,anchors,85]');
    const data = randomFloat32(2 * 3 * 96 * 160, 9);
    const stat = buildModel(cfg, { form: 'deploy', imgsz: [96, 160], batch: 2, seed: 4 });
    const a = await runModel(dyn, { images: { dims: [2, 3, 96, 160], data } });
    const b = await runModel(stat, { images: { dims: [2, 3, 96, 160], data } });
    expect(a.output0!.dims).toEqual([2, 3 * (12 * 20 + 6 * 10 + 3 * 5), 85]);
    expect(maxAbsDiff(a.output0!.data, b.output0!.data)).toBe(0);
    const trainDyn = buildModel(cfg, { form: 'train', batch: 'dynamic', seed: 4 });
    const t = await runModel(trainDyn, { images: { dims: [2, 3, 96, 160], data } });
    expect(t.pred1!.dims).toEqual([2, 3, 6, 10, 85]);
  });

  it('toDeployForm of a saved train-form model needs no YAML and equals the deploy build', () => {
    const cfg = loadConfig('yolov5s');
    const saved = encodeModel(buildModel(cfg, { form: 'train', imgsz: 320, seed: 3 }));
    const fromSaved = toDeployForm(decodeModel(saved));
    const direct = buildModel(cfg, { form: 'deploy', imgsz: 320, seed: 3 });
    expect(verifyModel(fromSaved)).toEqual([]);
    expect(Buffer.from(encodeModel(fromSaved)).equals(Buffer.from(encodeModel(direct)))).toBe(true);
  });

  it('its BN folding is what the fold-bn,dce pipeline does (verified after each pass)', async () => {
    const train = buildModel(loadConfig('yolov5s'), { form: 'train', imgsz: 64, seed: 5 });
    const deploy = toDeployForm(train);
    const piped = decodeModel(encodeModel(train));
    await runPipeline(piped, 'fold-bn,dce');
    const base64 = (t: { bytes(): Uint8Array }): string => Buffer.from(t.bytes()).toString('base64');
    const folded = new Map([...piped.graph.initializers].map(([k, v]) => [k.replace(/_folded$/, ''), base64(v.constValue!)] as const));
    const ours = new Map([...deploy.graph.initializers].map(([k, v]) => [k, base64(v.constValue!)] as const));
    expect(ours).toEqual(folded);
  });

  it('toDeployForm leaves its input alone and refuses models that are not train form', () => {
    const train = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 64 });
    const before = encodeModel(train);
    const deploy = toDeployForm(train);
    expect(Buffer.from(encodeModel(train)).equals(Buffer.from(before))).toBe(true);
    expect(() => toDeployForm(deploy)).toThrow('toDeployForm: the model is already in deploy form');
    train.metadataProps = [];
    expect(() => toDeployForm(train)).toThrow("toDeployForm: the model is not a ylc training-form model (no 'ylc.form' = train metadata); build it with 'ylc build --form train'");
  });

  it('Focus and SPP (older YOLOv5 layouts) build, verify and run', async () => {
    const cfg = parseConfig(OLD_LAYOUT, 'old.yaml');
    for (const form of ['train', 'deploy'] as const) {
      const m = buildModel(cfg, { form, imgsz: 64 });
      expect(verifyModel(m)).toEqual([]);
      const names = m.graph.nodes.toArray().map((x) => x.name);
      expect(names).toContain('/model.0/Slice_7');
      expect(names).toContain('/model.4/model.4.1/cv2/conv/Conv');
      expect(names).toContain('/model.5/m.2/MaxPool');
      expect(m.graph.initializers.has('model.4.1.cv2.conv.weight')).toBe(true);
      const out = await runModel(m, { images: { dims: [1, 3, 64, 64], data: randomFloat32(3 * 64 * 64, 2) } });
      expect(Object.values(out)[0]!.dims).toEqual(form === 'train' ? [1, 3, 16, 16, 7] : [1, 3 * (256 + 64), 7]);
    }
  });
});

it('Constant tensors carry export-style attributes', () => {
  const d = buildModel(loadConfig('yolov5n'), { form: 'deploy', imgsz: 64 });
  const grid = d.graph.nodes.toArray().find((x) => x.name === '/model.24/Constant_2')!;
  const value = grid.attributes.get('value')!;
  expect(value.type).toBe(AttrType.TENSOR);
  expect(grid.attrTensor('value')!.dims).toEqual([1, 3, 8, 8, 2]);
  expect([...grid.attrTensor('value')!.toFloat32().slice(0, 6)]).toEqual([-0.5, -0.5, 0.5, -0.5, 1.5, -0.5]);
});
