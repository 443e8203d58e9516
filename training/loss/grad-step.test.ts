/**
 * One train-mode step (BN on batch statistics, loss, backward) against the PyTorch goldens:
 * loss and items within 1e-4, every parameter gradient within 1e-3 (||ours - theirs|| / ||theirs||),
 * BN running stats within 1e-5, raw heads within 1e-4. A gradient that is zero in exact arithmetic
 * (float noise in both runs) is compared against 1e-6 of the largest gradient norm instead.
 */
import { describe, expect, it } from 'vitest';
import { goldenTrainModel, loadLossGolden, LOSS_GOLDENS } from '../../test/util/loss-goldens.js';
import { relativeError } from '../../test/util/yolov5-fixtures.js';
import { buildModel, loadConfig } from '../../frontends/yolov5/index.js';
import { randomFloat32 } from '../../test/util/ort.js';
import { gradStep, trainableParameters } from './grad-step.js';
import { loadHyp, rescaleHyp } from './hyp.js';

describe('gradStep against the PyTorch goldens', () => {
  for (const name of LOSS_GOLDENS) {
    it(`${name}: loss, items, gradients, running stats`, async () => {
      const g = loadLossGolden(name);
      const model = goldenTrainModel(g);
      const input = g.tensors.get('input')!;
      const targets = g.tensors.get('targets')!;
      const r = await gradStep(model, { images: { dims: input.dims, data: input.toFloat32() }, targets: { dims: targets.dims, data: targets.toFloat32() } }, { hyp: g.hyp, threads: 2 });

      const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
      const wantItems = g.tensors.get('loss_items')!.toFloat32();
      const lossErr = rel(r.loss, g.tensors.get('loss')!.toFloat32()[0]!);
      const itemErr = Math.max(...[0, 1, 2].map((k) => rel(r.items[k]!, wantItems[k]!)));
      const norm = (a: Float32Array): number => Math.sqrt(a.reduce((acc, v) => acc + v * v, 0));
      // A gradient that is zero in exact arithmetic (a per-channel bias right before a batch-statistics
      // normalization) is float noise in both runs: below 1e-6 of the largest gradient norm, both
      // runs must stay below that floor, and the relative error is not measured.
      const floor = 1e-6 * Math.max(...[...g.tensors].filter(([k]) => k.startsWith('grad.')).map(([, t]) => norm(t.toFloat32())));
      const zero: string[] = [];
      const worst = (prefix: string): [number, string] => {
        let w: [number, string] = [0, ''];
        for (const [k, t] of g.tensors) {
          if (!k.startsWith(prefix)) continue;
          const ours = r.tensors.get(k);
          expect(ours, `${k} missing`).toBeDefined();
          expect(ours!.dims).toEqual(t.dims);
          const theirs = t.toFloat32();
          if (prefix === 'grad.' && norm(theirs) < floor) {
            zero.push(k);
            expect(norm(ours!.toFloat32()), k).toBeLessThan(floor);
            continue;
          }
          const e = relativeError(ours!.toFloat32(), theirs);
          if (!(e <= w[0])) w = [e, k];
        }
        return w;
      };
      const grad = worst('grad.');
      const after = worst('after.');
      const pred = worst('pred');
      console.log(
        `${name}: loss ${lossErr.toExponential(2)}, items ${itemErr.toExponential(2)}, worst gradient ${grad[0].toExponential(2)} (${grad[1]}), ` +
          `BN stats ${after[0].toExponential(2)} (${after[1]}), heads ${pred[0].toExponential(2)}${zero.length ? `; zero in exact arithmetic, below ${floor.toExponential(1)} in both: ${zero.join(', ')}` : ''}`,
      );
      expect(lossErr).toBeLessThan(1e-4);
      expect(itemErr).toBeLessThan(1e-4);
      expect(grad[0]).toBeLessThan(1e-3);
      expect(after[0]).toBeLessThan(1e-5);
      expect(pred[0]).toBeLessThan(1e-4);
      const count = (p: string): number => [...r.tensors.keys()].filter((k) => k.startsWith(p)).length;
      expect(count('grad.')).toBe([...g.tensors.keys()].filter((k) => k.startsWith('grad.')).length);
      expect(count('after.')).toBe([...g.tensors.keys()].filter((k) => k.startsWith('after.')).length);
    });
  }
});

describe('gradStep', () => {
  it('fixed-capacity target inputs (padded, masked) give the exact-count loss and gradients', async () => {
    const g = loadLossGolden('yolov5n_slim_pruned');
    const input = g.tensors.get('input')!;
    const targets = g.tensors.get('targets')!;
    const batch = { images: { dims: input.dims, data: input.toFloat32() }, targets: { dims: targets.dims, data: targets.toFloat32() } };
    const exact = await gradStep(goldenTrainModel(g), batch, { hyp: g.hyp, threads: 2 });
    const padded = await gradStep(goldenTrainModel(g), batch, { hyp: g.hyp, threads: 2, capacity: 64 });
    expect(Math.abs(padded.loss - exact.loss) / exact.loss).toBeLessThan(1e-6);
    let worst = 0;
    for (const [k, t] of exact.tensors) if (k.startsWith('grad.')) worst = Math.max(worst, relativeError(padded.tensors.get(k)!.toFloat32(), t.toFloat32()));
    expect(worst).toBeLessThan(1e-5);
  });

  it('no targets: lbox = lcls = 0, finite gradients (zero-length target tensors through the backward graph)', async () => {
    const model = buildModel(loadConfig('yolov5n'), { form: 'train', nc: 3, imgsz: 64, batch: 2 });
    const params = trainableParameters(model);
    const hyp = rescaleHyp(loadHyp('scratch-low'), { nc: 3, imgsz: 64 });
    const r = await gradStep(model, { images: { dims: [2, 3, 64, 64], data: randomFloat32(2 * 3 * 64 * 64, 3) }, targets: { dims: [0, 6], data: new Float32Array(0) } }, { hyp, threads: 2 });
    expect(r.items[0]).toBe(0);
    expect(r.items[2]).toBe(0);
    expect(r.items[1]).toBeGreaterThan(0);
    expect(params.every((p) => r.tensors.has(`grad.${p}`))).toBe(true);
    for (const p of params) expect(r.tensors.get(`grad.${p}`)!.toFloat32().every(Number.isFinite)).toBe(true);
    // Only objectness trains: the class logits of the head get no gradient.
    const head = r.tensors.get('grad.model.24.m.0.bias')!.toFloat32();
    expect(Array.from(head.subarray(5, 8))).toEqual([0, 0, 0]);
    expect(head[4]).not.toBe(0);
  });

  it('parameters are weights, biases and BN gamma/beta, never running stats', () => {
    const params = trainableParameters(buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 64 }));
    expect(params).toHaveLength(177);
    expect(params.filter((p) => p.includes('running'))).toEqual([]);
    expect(params.slice(0, 3)).toEqual(['model.0.conv.weight', 'model.0.bn.weight', 'model.0.bn.bias']);
  });
});
