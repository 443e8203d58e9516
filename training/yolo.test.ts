/**
 * The training artifacts of real detectors: parameter groups of YOLOv5 and ConvNeXt, the training
 * model's loss, gradients and running stats against the PyTorch goldens of test/fixtures, and
 * optimizer steps against references derived in float64 from the training model's gradients.
 */
import { describe, expect, it } from 'vitest';
import { ort } from '../ir/runtime.js';
import { buildModel, countParameters, loadConfig } from '../frontends/yolov5/index.js';
import { goldenTrainModel, loadLossGolden, type LossGolden } from '../test/util/loss-goldens.js';
import { expectClose, paramsOf, sgdReference, trainingOutputs, type Flat } from '../test/util/training.js';
import { relativeError } from '../test/util/yolov5-fixtures.js';
import { buildTrainingArtifacts, type TrainingArtifacts } from './artifacts.js';
import { loadHyp } from './loss/index.js';
import { collectTrainable, parameterSlots } from './params.js';
import { TrainingRun } from './runtime.js';
import { yoloBatch, yoloTrainingHooks } from './yolo.js';

function goldenArtifacts(g: LossGolden, options: { fuseOptimizer?: boolean; optimizer?: 'sgd' | 'adamw' } = {}): TrainingArtifacts {
  const model = goldenTrainModel(g);
  const maxTargets = g.tensors.get('targets')!.dims[0]!;
  return buildTrainingArtifacts(model, { hooks: yoloTrainingHooks(model, { hyp: g.hyp, rescale: false, maxTargets }), hyp: g.hyp, ema: false, ...options });
}

function goldenBatch(a: TrainingArtifacts, g: LossGolden): Record<string, ort.Tensor> {
  return yoloBatch({ manifest: a.manifest, metadata: a.training.metadataProps }, g.tensors.get('input')!.toFloat32(), g.tensors.get('targets')!.toFloat32());
}

function weightsOf(a: TrainingArtifacts): Flat {
  return Object.fromEntries([...a.initial].map(([k, t]) => [k, t.toFloat64()]));
}

describe('parameter groups (train.py)', () => {
  it('yolov5n: conv weights decay, BN weights and biases do not; running stats are state; the groups hold every parameter', () => {
    const model = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 64 });
    const t = collectTrainable(model);
    expect([t.groups.decay.slots.length, t.groups.bn.slots.length, t.groups.bias.slots.length]).toEqual([60, 57, 60]);
    expect(t.groups.decay.slots.every((s) => s.name.endsWith('conv.weight') || /^model\.24\.m\.\d\.weight$/.test(s.name))).toBe(true);
    expect(t.groups.bn.slots.every((s) => s.name.endsWith('bn.weight'))).toBe(true);
    expect(t.runningStats.slots.length).toBe(114);
    expect(t.frozen).toEqual([]);
    expect(parameterSlots(t).reduce((n, s) => n + s.size, 0)).toBe(countParameters(model));
    expect(countParameters(model)).toBe(1_872_157);
  });

  it("ConvNeXt: the custom LayerNorm's weight decays, the layer-scale gamma is in no group (frozen)", () => {
    const model = goldenTrainModel(loadLossGolden('convnext_tiny_a'));
    const t = collectTrainable(model);
    const decay = t.groups.decay.slots.map((s) => s.name);
    expect(decay).toContain('model.0.ln.weight'); // channels_first LayerNorm of the stem
    expect(decay).toContain('model.1.m.0.norm.weight'); // channels_last LayerNorm in a block
    expect(decay).toContain('model.1.m.0.pwconv1.weight');
    expect(t.groups.bias.slots.map((s) => s.name)).toContain('model.1.m.0.norm.bias');
    expect(t.frozen.map((f) => f.name).filter((n) => n.endsWith('.gamma')).length).toBe(t.frozen.length);
    expect(t.frozen.length).toBeGreaterThan(0);
  });
});

describe('training model against the PyTorch goldens', () => {
  for (const name of ['yolov5n', 'convnext_tiny_a'] as const) {
    it(`${name}: loss, every gradient and the running stats of one train-mode step`, async () => {
      const g = loadLossGolden(name);
      const a = goldenArtifacts(g);
      const out = await trainingOutputs(a, weightsOf(a), weightsOf(a), goldenBatch(a, g));
      expect(Math.abs(out.loss - g.tensors.get('loss')!.toFloat32()[0]!) / g.tensors.get('loss')!.toFloat32()[0]!).toBeLessThan(1e-4);
      const norm = (x: ArrayLike<number>) => Math.sqrt(Array.from(x).reduce((s, v) => s + v * v, 0));
      const golden = [...g.tensors].filter(([k]) => k.startsWith('grad.'));
      // Gradients that are zero in exact arithmetic (a bias right before batch statistics) are float noise in both.
      const floor = 1e-6 * Math.max(...golden.map(([, t]) => norm(t.toFloat32())));
      let worst = 0;
      let compared = 0;
      for (const [key, t] of golden) {
        const mine = out.grads[key.slice('grad.'.length)];
        if (!mine) {
          expect(a.manifest.frozen, key).toContain(key.slice('grad.'.length));
          continue;
        }
        const theirs = t.toFloat32();
        if (norm(theirs) < floor) expect(norm(mine)).toBeLessThan(floor);
        else worst = Math.max(worst, relativeError(Float32Array.from(mine), theirs));
        compared++;
      }
      expect(compared).toBe(parameterSlots(a.manifest).length);
      expect(worst).toBeLessThan(1e-3);
      for (const [key, t] of g.tensors) {
        if (key.startsWith('after.')) expect(relativeError(Float32Array.from(out.stats[key.slice('after.'.length)]!), t.toFloat32()), key).toBeLessThan(1e-5);
      }
    });
  }

  it('yolov5n: an SGD step sequence of 3 steps on one batch matches a hand-derived reference (fused, train.py warmup)', async () => {
    const g = loadLossGolden('yolov5n');
    const plain = goldenArtifacts(g);
    const fused = goldenArtifacts(g, { fuseOptimizer: true });
    const schedule = { batchSize: g.batch, epochs: 300, batchesPerEpoch: 100 };
    const run = await TrainingRun.fromArtifacts(fused, { schedule });
    const batch = goldenBatch(fused, g);
    const p = weightsOf(plain);
    const trained = parameterSlots(plain.manifest).map((s) => s.name);
    const buf: Flat = Object.fromEntries(trained.map((k) => [k, new Float64Array(p[k]!.length)]));
    const wd = g.hyp.weight_decay! * ((g.batch * 32) / 64); // batch 2: accumulate round(64 / 2) = 32
    for (let k = 0; k < 3; k++) {
      const { grads, loss } = await trainingOutputs(plain, p, run, batch);
      const r = await run.step(batch);
      expect(r.stepped).toBe(true);
      expect(r.loss).toBeCloseTo(loss, 5);
      sgdReference(plain, p, buf, grads, r, wd);
      expectClose(paramsOf(run), p, trained, 1e-4, 1e-6);
    }
    await run.release();
  });

  it('convnext_tiny_a: AdamW steps train every group but the frozen layer scale', async () => {
    const g = loadLossGolden('convnext_tiny_a');
    const a = goldenArtifacts(g, { optimizer: 'adamw', fuseOptimizer: true });
    const run = await TrainingRun.fromArtifacts(a, { hyp: { ...loadHyp('scratch-convnext'), ...g.hyp, lr0: 0.001, momentum: 0.9, weight_decay: 0.05 } });
    const before = paramsOf(run);
    const batch = goldenBatch(a, g);
    const losses: number[] = [];
    for (let k = 0; k < 3; k++) losses.push((await run.step(batch)).loss);
    const after = paramsOf(run);
    for (const s of parameterSlots(a.manifest)) expect(after[s.name], s.name).not.toEqual(before[s.name]);
    expect(a.training.graph.initializers.has(a.manifest.frozen[0]!)).toBe(true);
    expect(losses[2]!).toBeLessThan(losses[0]!);
    await run.release();
  });
});
