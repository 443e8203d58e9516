/**
 * The YOLOv5 frontend through the binary: build, import, export, export-weights, and the bad
 * input of issue 3 (one line, non-zero exit, nothing written).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, saveModel } from '../ir/serde/index.js';
import { readWeights } from '../frontends/weights/index.js';
import { ROOT, assertBuilt, ylcIn, type CliResult } from './util/cli.js';
import { maxAbsDiff, randomFloat32, runModel } from './util/ort.js';

const PT = path.join(ROOT, 'test', 'fixtures', 'yolov5n.pt');
let dir: string;
let ylc: (...args: string[]) => CliResult;

beforeAll(() => {
  assertBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-yolo-'));
  ylc = ylcIn(dir);
  const r = ylc('import', PT, '-o', 'n.onnx');
  if (r.status !== 0) throw new Error(r.stderr);
});

describe('ylc build / import / export / export-weights', () => {
  it('builds every size from a built-in name with the reference parameter count', () => {
    const r = ylc('build', '--cfg', 'yolov5s', '--nc', '3', '--imgsz', '320', '-o', 's.onnx');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('train form, nc 3, 320x320: 7,027,720 parameters, 269 nodes; wrote s.onnx\n');
  });

  it('imports the official checkpoint from the config it carries, fp16 widened to fp32', () => {
    const model = loadModel(path.join(dir, 'n.onnx'));
    expect(model.getMetadata('ylc.form')).toBe('train');
    expect(model.graph.outputs.map((v) => v.name)).toEqual(['pred0', 'pred1', 'pred2']);
    expect(model.graph.initializers.get('model.0.conv.weight')?.constValue?.dims).toEqual([16, 3, 6, 6]);
  });

  it('export-weights writes the state_dict torch.load reads: the checkpoint keys, same values', () => {
    expect(ylc('export-weights', 'n.onnx', '-o', 'w.pt').stdout).toBe('349 tensors; wrote w.pt\n');
    const ours = readWeights(path.join(dir, 'w.pt')).tensors;
    const official = readWeights(PT).tensors;
    expect([...ours.keys()].sort()).toEqual([...official.keys()].sort());
    for (const [name, t] of official) {
      const o = ours.get(name)!;
      expect(o.dims, name).toEqual(t.dims);
      expect(o.dtype, name).toBe(t.dtype);
      if (name.endsWith('.num_batches_tracked')) continue; // a training counter; ylc writes 0
      expect(Buffer.from(o.bytes()).equals(Buffer.from(t.bytes())), name).toBe(true);
    }
  });

  it('export-weights names the initializers it leaves out (no state_dict name)', () => {
    const model = loadModel(path.join(dir, 'n.onnx'));
    model.graph.renameInitializer(model.graph.initializers.get('model.0.conv.weight')!, 'stem_weight');
    saveModel(model, path.join(dir, 'renamed.onnx'));
    expect(ylc('export-weights', 'renamed.onnx', '-o', 'r.safetensors').stdout).toBe(
      '348 tensors (1 initializers without a state_dict name (model.*) left out: stem_weight); wrote r.safetensors\n',
    );
  });

  it('export names the file when ylc.detect names a head the model does not have', () => {
    const model = loadModel(path.join(dir, 'n.onnx'));
    const info = JSON.parse(model.getMetadata('ylc.detect')!) as { heads: string[] };
    model.setMetadata('ylc.detect', JSON.stringify({ ...info, heads: ['nope0', ...info.heads.slice(1)] }));
    saveModel(model, path.join(dir, 'badheads.onnx'));
    const r = ylc('export', 'badheads.onnx', '-o', 'never.onnx');
    expect([r.status, r.stderr]).toEqual([1, "ylc: error [bad-model] badheads.onnx: the raw head 'nope0' named in 'ylc.detect' is not a graph output\n"]);
    expect(fs.existsSync(path.join(dir, 'never.onnx'))).toBe(false);
  });

  it('build --weights of exported weights (.pt and .safetensors) gives the same network', async () => {
    expect(ylc('export-weights', 'n.onnx', '-o', 'w.safetensors').status).toBe(0);
    for (const w of ['w.pt', 'w.safetensors']) {
      const r = ylc('build', '--cfg', 'yolov5n', '--weights', w, '-o', `from-${w}.onnx`);
      expect(r.stdout).toContain(`weights ${w}: 292 tensors loaded`);
      const diff = ylc('diff', 'n.onnx', `from-${w}.onnx`);
      expect(diff.stdout.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^~ metadata_props "ylc.config"/)]);
    }
  });

  it('export writes the deploy form; --dynamic gives batch/height/width axes that ORT runs', async () => {
    expect(ylc('export', 'n.onnx', '-o', 'deploy.onnx', '--dynamic').stdout).toContain('deploy form, nc 80');
    const deploy = loadModel(path.join(dir, 'deploy.onnx'));
    expect(deploy.graph.inputs[0]!.name).toBe('images');
    expect(deploy.getMetadata('stride')).toBe('32');
    const out = await runModel(deploy, { images: { dims: [2, 3, 320, 256], data: randomFloat32(2 * 3 * 320 * 256, 7) } });
    expect(out.output0!.dims).toEqual([2, 3 * (40 * 32 + 20 * 16 + 10 * 8), 85]);
  });

  it('the deploy form of the imported checkpoint reproduces export.py output within fp16 rounding', async () => {
    expect(ylc('import', PT, '--form', 'deploy', '-o', 'nd.onnx').status).toBe(0);
    const images = { dims: [1, 3, 640, 640], data: randomFloat32(3 * 640 * 640, 3) };
    const ours = await runModel(loadModel(path.join(dir, 'nd.onnx')), { images });
    const reference = await runModel(loadModel(path.join(ROOT, 'test', 'fixtures', 'yolov5n_640.onnx')), { images });
    expect(maxAbsDiff(ours.output0!.data, reference.output0!.data)).toBeLessThan(1e-2);
  });
});

/** A regex matching exactly `s`. */
const exactly = (s: string): RegExp => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

describe('bad input of the frontend', () => {
  const write = (name: string, data: string | Uint8Array) => () => fs.writeFileSync(path.join(dir, name), data);
  const yolov5n = fs.readFileSync(path.join(ROOT, 'frontends', 'yolov5', 'configs', 'yolov5n.yaml'), 'utf8');
  const cases: Array<[string, string[], number, RegExp, () => void]> = [
    ['an nc that would take GBs of class names', ['build', '--cfg', 'nc.yaml', '--imgsz', '64', '-o', 'x.onnx'], 1,
      exactly("ylc: error [bad-model] nc.yaml:4: 'nc' is 100000000: ylc builds at most 100000 classes"), write('nc.yaml', yolov5n.replace(/^nc: 80/m, 'nc: 100000000'))],
    ['a width that would make a model over 2^29 parameters', ['build', '--cfg', 'wide.yaml', '--imgsz', '64', '-o', 'x.onnx'], 1,
      exactly(
        'ylc: error [bad-model] wide.yaml:23: layer 8 (C3): the model would have 27,935,221,888,765 parameters (this layer, the largest, 4,718,598,144,000); ' +
          'ylc builds at most 536,870,912 (2^29, 2 GiB of float32): lower width_multiple, depth_multiple, nc or the layer widths',
      ),
      write('wide.yaml', yolov5n.replace(/^width_multiple: 0\.25/m, 'width_multiple: 1000'))],
    ['an absurd --imgsz', ['build', '--cfg', 'yolov5n', '--imgsz', '1e9', '-o', 'x.onnx'], 2,
      exactly('ylc: error [bad-option] --imgsz 1000000000x1000000000: ylc builds images up to 8192 on a side'), () => {}],
    ['an absurd --batch', ['build', '--cfg', 'yolov5n', '--batch', '99999999999', '-o', 'x.onnx'], 2,
      exactly("ylc: error [bad-option] --batch 99999999999: ylc builds batches of at most 1024 images (or 'dynamic')"), () => {}],
    ['unknown module, naming the YAML file and line', ['build', '--cfg', 'bad.yaml', '-o', 'x.onnx'], 1, /^ylc: error \[bad-model\] bad\.yaml:7: unknown module 'C4'/,
      write('bad.yaml', 'nc: 2\ndepth_multiple: 1.0\nwidth_multiple: 1.0\nanchors: 3\nbackbone:\n  - [-1, 1, Conv, [16, 3, 2]]\n  - [-1, 1, C4, [16]]\nhead:\n  - [[1], 1, Detect, [nc, anchors]]\n')],
    ['malformed YAML', ['build', '--cfg', 'broken.yaml', '-o', 'x.onnx'], 1, /^ylc: error \[bad-model\] broken\.yaml:\d+/, write('broken.yaml', 'nc: [1, 2\nbackbone: {\n')],
    ['a .pt that is not a zip', ['build', '--cfg', 'yolov5n', '--weights', 'fake.pt', '-o', 'x.onnx'], 1, /^ylc: error \[bad-model\] .*fake\.pt/, write('fake.pt', 'not a checkpoint at all')],
    ['weights for another architecture, naming the weights file and listing the first mismatches', ['build', '--cfg', 'yolov5s', '--weights', 'w.pt', '-o', 'x.onnx'], 1,
      exactly(
        'ylc: error [bad-model] w.pt: state dict does not match the model: 288 mismatched (model.0.conv.weight: model [32,3,6,6], state dict [16,3,6,6], ' +
          'model.0.bn.weight: model [32], state dict [16], model.0.bn.bias: model [32], state dict [16], model.0.bn.running_mean: model [32], state dict [16], ... (+284 more))',
      ),
      () => {}],
    ['a truncated safetensors header', ['build', '--cfg', 'yolov5n', '--weights', 'cut.safetensors', '-o', 'x.onnx'], 1, /^ylc: error \[bad-model\] .*cut\.safetensors/,
      () => fs.writeFileSync(path.join(dir, 'cut.safetensors'), fs.readFileSync(path.join(dir, 'w.safetensors')).subarray(0, 100))],
    ['a state_dict given to import', ['import', 'w.pt', '-o', 'x.onnx'], 1, /^ylc: error \[bad-model\] w\.pt holds weights but no model config \(a state_dict\); use: ylc build --cfg <yaml> --weights w\.pt$/, () => {}],
    ['export-weights to an unknown format', ['export-weights', 'n.onnx', '-o', 'x.bin'], 2, /^ylc: error \[bad-option\] cannot tell the format of x\.bin: name it \.safetensors, \.pt or \.pth$/, () => {}],
    ['an unknown built-in name', ['build', '--cfg', 'yolov9', '-o', 'x.onnx'], 1, /^ylc: error \[\S+\] .*yolov9/, () => {}],
    ['export of a model whose ylc.detect metadata is corrupt names the file', ['export', 'bad-detect.onnx', '-o', 'x.onnx'], 1,
      exactly("ylc: error [bad-model] bad-detect.onnx: metadata 'ylc.detect' is not valid (fields missing)"),
      () => {
        const model = loadModel(path.join(dir, 'n.onnx'));
        model.setMetadata('ylc.detect', '{"nc": 3}');
        saveModel(model, path.join(dir, 'bad-detect.onnx'));
      }],
    ['export --dynamic of that model', ['export', 'bad-detect.onnx', '--dynamic', '-o', 'x.onnx'], 1,
      exactly("ylc: error [bad-model] bad-detect.onnx: metadata 'ylc.detect' is not valid (fields missing)"), () => {}],
    ['export-weights of that model', ['export-weights', 'bad-detect.onnx', '-o', 'x.safetensors'], 1,
      exactly("ylc: error [bad-model] bad-detect.onnx: metadata 'ylc.detect' is not valid (fields missing)"), () => {}],
    ['export --dynamic of a model whose ylc.config metadata is corrupt', ['export', 'bad-config.onnx', '--dynamic', '-o', 'x.onnx'], 1,
      /^ylc: error \[bad-model\] bad-config\.onnx: cannot rebuild the model for a new input shape or opset: metadata 'ylc\.config' is not valid JSON \(.+\); build it again from its YAML with its weights: ylc export-weights bad-config\.onnx -o w\.safetensors, then ylc build --cfg <yaml> --weights w\.safetensors$/,
      () => {
        const model = loadModel(path.join(dir, 'n.onnx'));
        model.setMetadata('ylc.config', '{"nc": 80, "backbone": [');
        saveModel(model, path.join(dir, 'bad-config.onnx'));
      }],
  ];
  for (const [title, args, status, message, setup] of cases) {
    it(title, () => {
      setup();
      const before = fs.readdirSync(dir).sort();
      const r = ylc(...args);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.status).toBe(status);
      expect(fs.readdirSync(dir).sort()).toEqual(before);
    });
  }
});
