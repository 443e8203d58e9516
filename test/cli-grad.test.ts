/**
 * `ylc grad` through the binary: the PyTorch goldens reproduced end to end (from a config with the
 * golden's own weights, and from a saved training-form model rebuilt for the batch with a raw hyp
 * file), and the bad input (one line, non-zero exit, nothing written).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSafetensors } from '../frontends/weights/index.js';
import { loadModel, saveModel } from '../ir/serde/index.js';
import { Tensor } from '../ir/tensor.js';
import { ROOT, assertBuilt, ylcIn, type CliResult } from './util/cli.js';
import { loadLossGolden, type LossGolden } from './util/loss-goldens.js';
import { readSafetensorsFile, relativeError } from './util/yolov5-fixtures.js';

let dir: string;
let ylc: (...args: string[]) => CliResult;

beforeAll(() => {
  assertBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-grad-'));
  ylc = ylcIn(dir);
  // yolov5n with the golden step's weights, saved at the default 640x640, batch 1.
  writeSafetensors(path.join(dir, 'w.safetensors'), loadLossGolden('yolov5n').stateDict);
  const r = ylc('build', '--cfg', 'yolov5n', '--weights', 'w.safetensors', '-o', 'n.onnx');
  if (r.status !== 0) throw new Error(r.stderr);
});

/**
 * Worst relative error of the loss, items, gradients and running stats of `out` against `g`; a
 * gradient that is zero in exact arithmetic (golden norm below 1e-6 of the largest) counts as
 * matching when ours is below that floor too (see training/loss/grad-step.test.ts).
 */
function compare(out: string, g: LossGolden): { loss: number; grad: number; after: number } {
  const ours = readSafetensorsFile(out).tensors;
  const norm = (a: Float32Array): number => Math.sqrt(a.reduce((acc, v) => acc + v * v, 0));
  const floor = 1e-6 * Math.max(...[...g.tensors].filter(([k]) => k.startsWith('grad.')).map(([, t]) => norm(t.toFloat32())));
  const worst = (prefix: string): number => {
    let w = 0;
    for (const [k, t] of g.tensors) {
      if (!k.startsWith(prefix)) continue;
      const o = ours.get(k);
      if (!o) throw new Error(`${out}: ${k} is missing`);
      if (prefix === 'grad.' && norm(t.toFloat32()) < floor) {
        if (!(norm(o.toFloat32()) < floor)) return Infinity;
        continue;
      }
      w = Math.max(w, relativeError(o.toFloat32(), t.toFloat32()));
    }
    return w;
  };
  return { loss: Math.max(worst('loss'), worst('loss_items')), grad: worst('grad.'), after: worst('after.') };
}

describe('ylc grad', () => {
  it("a golden file as both weights and batch (its metadata hyp): PyTorch's loss, gradients and running stats", () => {
    const g = loadLossGolden('convnext_tiny_a');
    const golden = path.join(ROOT, g.file);
    const r = ylc('grad', '--cfg', path.join(ROOT, g.cfgArg), '--nc', '2', '--weights', golden, '--batch', golden, '-o', 'c.safetensors');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^weights .*: 188 tensors loaded\nhyp: the batch metadata \(as given\)\nloss 0\.45793\d+ \(lbox 0\.117240\d*, lobj 0\.00800\d+, lcls 0\.0274\d+\); 139 gradients, 48 running stats; wrote c\.safetensors\n$/);
    const e = compare(path.join(dir, 'c.safetensors'), g);
    expect(e.loss).toBeLessThan(1e-4);
    expect(e.grad).toBeLessThan(1e-3);
    expect(e.after).toBeLessThan(1e-5);
  });

  it('--model at another size is rebuilt for the batch; --hyp scratch-low is rescaled as train.py does', () => {
    const g = loadLossGolden('yolov5n');
    // A batch without metadata: the hyp comes from --hyp.
    writeSafetensors(path.join(dir, 'batch.safetensors'), new Map([['input', g.tensors.get('input')!], ['targets', g.tensors.get('targets')!]]));
    const r = ylc('grad', '--model', 'n.onnx', '--batch', 'batch.safetensors', '--hyp', 'scratch-low', '-o', 'n.safetensors');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^hyp: scratch-low, rescaled\nloss 0\.4597\d+ .*; 177 gradients, 114 running stats; wrote n\.safetensors\n$/);
    const out = readSafetensorsFile(path.join(dir, 'n.safetensors'));
    expect(JSON.parse(out.metadata.hyp!)).toMatchObject({ box: 0.05, cls: 0.5, obj: 0.16000000000000003 });
    expect([...out.tensors.keys()].filter((k) => !k.startsWith('grad.') && !k.startsWith('after.')).sort()).toEqual(['loss', 'loss_items', 'pred0', 'pred1', 'pred2']);
    const e = compare(path.join(dir, 'n.safetensors'), g);
    expect(e.loss).toBeLessThan(1e-4);
    expect(e.grad).toBeLessThan(1e-3);
    expect(e.after).toBeLessThan(1e-5);
  });

  it('a step whose targets leave some anchors empty writes nothing to stderr (ONNX Runtime logs errors only)', () => {
    // One target on 64x64 images: ORT warned 'MergeShapeInfo: Error merging shape info' for the empty levels.
    const images = Float32Array.from({ length: 2 * 3 * 64 * 64 }, (_, i) => (i % 7) / 7);
    writeSafetensors(path.join(dir, 'small.safetensors'), new Map([['input', Tensor.fromFloat32([2, 3, 64, 64], images)], ['targets', Tensor.fromFloat32([1, 6], Float32Array.of(0, 0, 0.5, 0.5, 0.2, 0.2))]]));
    const r = ylc('grad', '--cfg', 'yolov5n', '--batch', 'small.safetensors', '-o', 'small-out.safetensors');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^hyp: scratch-low, rescaled\nloss \S+ \(lbox \S+, lobj \S+, lcls \S+\); 177 gradients, 114 running stats; wrote small-out\.safetensors\n$/);
  });

  it('bad input: one line, exit 1 or 2, nothing written', () => {
    const g = loadLossGolden('yolov5n');
    const input = g.tensors.get('input')!;
    const batch = (name: string, targets: number[]) =>
      writeSafetensors(path.join(dir, name), new Map([['input', input], ['targets', Tensor.fromFloat32([targets.length / 6, 6], Float32Array.from(targets))]]));
    batch('bad-class.safetensors', [0, 0, 0.5, 0.5, 0.2, 0.2, 1, 80, 0.5, 0.5, 0.2, 0.2]);
    batch('bad-box.safetensors', [0, 0, 0.5, 1.5, 0.2, 0.2]);
    writeSafetensors(path.join(dir, 'no-targets.safetensors'), new Map([['input', input]]));
    const nan = Float32Array.from(input.toFloat32());
    nan[200_000] = NaN;
    const shaped = (name: string, dims: number[]) =>
      writeSafetensors(path.join(dir, name), new Map([['input', Tensor.fromFloat32(dims, new Float32Array(dims.reduce((a, b) => a * b, 1)))], ['targets', Tensor.fromFloat32([0, 6], new Float32Array(0))]]));
    shaped('b65.safetensors', [2, 3, 65, 65]);
    shaped('b0.safetensors', [0, 3, 64, 64]);
    shaped('c1.safetensors', [2, 1, 64, 64]);
    writeSafetensors(path.join(dir, 'bad-hyp.safetensors'), new Map([['input', input], ['targets', Tensor.fromFloat32([0, 6], new Float32Array(0))]]), { hyp: '{"box": 0.05}' });
    fs.mkdirSync(path.join(dir, 'hyps'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'hyps', 'empty.yaml'), '');
    writeSafetensors(path.join(dir, 'nan.safetensors'), new Map([['input', Tensor.fromFloat32(input.dims, nan)], ['targets', Tensor.fromFloat32([1, 6], Float32Array.of(0, 0, 0.5, 0.5, 0.2, 0.2))]]));
    expect(ylc('export', 'n.onnx', '-o', 'deploy.onnx').status).toBe(0);

    const cases: Array<[string[], number, string]> = [
      [['--cfg', 'yolov5n', '--batch', 'bad-class.safetensors'], 1, 'ylc: error [bad-model] bad-class.safetensors: targets row 1 [1, 80, 0.5, 0.5, 0.2, 0.2]: class 80 is out of range for nc=80 (classes 0..79)'],
      [['--cfg', 'yolov5n', '--batch', 'bad-box.safetensors'], 1, 'ylc: error [bad-model] bad-box.safetensors: targets row 0 [0, 0, 0.5, 1.5, 0.2, 0.2]: box y = 1.5 is outside [0, 1] (targets are xywh normalised by the image size)'],
      [['--model', 'deploy.onnx', '--batch', 'bad-box.safetensors'], 1, "ylc: error [bad-model] deploy.onnx: a model in deploy form (BatchNorm folded, Detect decoded) is not in training form; give the training form (ylc build --form train, ylc import)"],
      [['--batch', 'bad-box.safetensors'], 2, 'ylc: error [bad-option] name the model: --model m.onnx or --cfg <yaml|name>'],
      [['--model', 'n.onnx', '--batch', 'bad-box.safetensors', '--threads', '1e9'], 2,
        "ylc: error [bad-option] --threads expects an integer from 1 to 1024 (ONNX Runtime intra-op threads; default one per core), got '1000000000'"],
      [['--model', 'n.onnx', '--batch', 'bad-box.safetensors', '--threads', '0'], 2,
        "ylc: error [bad-option] --threads expects an integer from 1 to 1024 (ONNX Runtime intra-op threads; default one per core), got '0'"],
      [['--cfg', 'yolov5n', '--model', 'n.onnx', '--batch', 'bad-box.safetensors'], 2, 'ylc: error [bad-option] --model and --cfg exclude each other'],
      [['--model', 'n.onnx', '--nc', '3', '--batch', 'bad-box.safetensors'], 2, 'ylc: error [bad-option] --nc goes with --cfg (a saved model has its nc)'],
      [['--cfg', 'yolov5n', '--batch', 'nan.safetensors'], 1, "ylc: error [bad-model] nan.safetensors: tensor 'input' holds NaN at [1, 0, 13, 64] (element 200000); the images must be finite numbers"],
      [['--cfg', 'yolov5n', '--batch', 'b65.safetensors'], 1,
        "ylc: error [bad-model] b65.safetensors: tensor 'input' is [2,3,65,65]; images must be [N,3,H,W] with N from 1 to 1024 and H, W multiples of 32 (the model's stride) up to 8192"],
      [['--model', 'n.onnx', '--batch', 'b65.safetensors'], 1,
        "ylc: error [bad-model] b65.safetensors: tensor 'input' is [2,3,65,65]; images must be [N,3,H,W] with N from 1 to 1024 and H, W multiples of 32 (the model's stride) up to 8192"],
      [['--cfg', 'yolov5n', '--batch', 'b0.safetensors'], 1,
        "ylc: error [bad-model] b0.safetensors: tensor 'input' is [0,3,64,64]; images must be [N,3,H,W] with N from 1 to 1024 and H, W multiples of 32 (the model's stride) up to 8192"],
      [['--model', 'n.onnx', '--batch', 'c1.safetensors'], 1,
        "ylc: error [bad-model] c1.safetensors: tensor 'input' is [2,1,64,64]; images must be [N,3,H,W] with N from 1 to 1024 and H, W multiples of 32 (the model's stride) up to 8192"],
      [['--cfg', 'yolov5n', '--batch', 'bad-hyp.safetensors'], 1,
        "ylc: error [bad-model] bad-hyp.safetensors: metadata hyp: the hyp lacks 'cls', 'cls_pw', 'obj', 'obj_pw', 'anchor_t' (the loss needs box, cls, cls_pw, obj, obj_pw, anchor_t)"],
      [['--cfg', 'yolov5n', '--batch', 'no-targets.safetensors'], 1, "ylc: error [bad-model] no-targets.safetensors: no 'targets' tensor ([n, 6] rows image, class, x, y, w, h)"],
      [['--cfg', 'yolov5n', '--batch', 'missing.safetensors'], 1, 'ylc: error [io] cannot read missing.safetensors: no such file; check the path'],
      [['--cfg', 'yolov5n', '--batch', 'bad-box.safetensors', '--hyp', 'hyps/empty.yaml'], 1,
        'ylc: error [bad-model] hyps/empty.yaml:1: a hyp file must be a YAML mapping of names to numbers (box: 0.05, cls: 0.5, ...)'],
      [['--cfg', 'yolov5n', '--batch', 'bad-box.safetensors', '--hyp', 'scratch-huge'], 1, "ylc: error [io] unknown hyp 'scratch-huge': not a built-in (scratch-low, scratch-med, scratch-high, scratch-convnext) nor a file"],
    ];
    for (const [args, status, message] of cases) {
      const r = ylc('grad', ...args, '-o', 'bad.safetensors');
      expect(r.stderr, args.join(' ')).toBe(`${message}\n`);
      expect(r.status, args.join(' ')).toBe(status);
      expect(fs.existsSync(path.join(dir, 'bad.safetensors'))).toBe(false);
    }
    const r = ylc('grad', '--cfg', 'yolov5n', '--batch', 'bad-box.safetensors', '-o', 'out.onnx');
    expect(r.stderr).toBe('ylc: error [bad-option] -o out.onnx: ylc grad writes a .safetensors file\n');
  });

  it('a --model whose ylc.detect metadata is corrupt, and --weights of another model, are named in the error', () => {
    const model = loadModel(path.join(dir, 'n.onnx'));
    model.setMetadata('ylc.detect', '{"nc": 3}');
    saveModel(model, path.join(dir, 'bad-detect.onnx'));
    writeSafetensors(path.join(dir, 'one.safetensors'), new Map([['input', Tensor.fromFloat32([1, 3, 64, 64], new Float32Array(3 * 64 * 64))], ['targets', Tensor.fromFloat32([0, 6], new Float32Array(0))]]));
    let r = ylc('grad', '--model', 'bad-detect.onnx', '--batch', 'one.safetensors', '-o', 'bad.safetensors');
    expect(r.stderr).toBe("ylc: error [bad-model] bad-detect.onnx: metadata 'ylc.detect' is not valid (fields missing)\n");
    expect(r.status).toBe(1);
    r = ylc('grad', '--cfg', 'yolov5s', '--weights', 'w.safetensors', '--batch', 'one.safetensors', '-o', 'bad.safetensors');
    expect(r.stderr).toBe(
      'ylc: error [bad-model] w.safetensors: state dict does not match the model: 288 mismatched (model.0.bn.bias: model [32], state dict [16], ' +
        'model.0.bn.running_mean: model [32], state dict [16], model.0.bn.running_var: model [32], state dict [16], model.0.bn.weight: model [32], state dict [16], ... (+284 more))\n',
    );
    expect(r.status).toBe(1);
    expect(fs.existsSync(path.join(dir, 'bad.safetensors'))).toBe(false);
  });

  it('a --model to rebuild for the batch whose ylc.config metadata is corrupt: one line, exit 1', () => {
    const model = loadModel(path.join(dir, 'n.onnx'));
    model.setMetadata('ylc.config', '{"nc": 80, "backbone": [');
    saveModel(model, path.join(dir, 'bad-config.onnx'));
    // The batch is not 640x640 batch 1, so n.onnx must be rebuilt for it.
    writeSafetensors(path.join(dir, 'golden-batch.safetensors'), new Map([['input', loadLossGolden('yolov5n').tensors.get('input')!], ['targets', Tensor.fromFloat32([1, 6], Float32Array.from([0, 0, 0.5, 0.5, 0.2, 0.2]))]]));
    const r = ylc('grad', '--model', 'bad-config.onnx', '--batch', 'golden-batch.safetensors', '-o', 'bad.safetensors');
    expect(r.stderr).toMatch(
      /^ylc: error \[bad-model\] bad-config\.onnx: cannot rebuild the model for a new input shape or opset: metadata 'ylc\.config' is not valid JSON \(.+\); build it again from its YAML with its weights: ylc export-weights bad-config\.onnx -o w\.safetensors, then ylc build --cfg <yaml> --weights w\.safetensors\n$/,
    );
    expect(r.status).toBe(1);
    expect(fs.existsSync(path.join(dir, 'bad.safetensors'))).toBe(false);
  });
});
