import { describe, expect, it } from 'vitest';
import { emaDecay, interp, optimizerHyp, roundHalfEven, YoloSchedule } from './schedule.js';

const LOW = { lr0: 0.01, lrf: 0.01, momentum: 0.937, weight_decay: 0.0005, warmup_epochs: 3.0, warmup_momentum: 0.8, warmup_bias_lr: 0.1 };

describe('train.py schedule', () => {
  it('rounds halves to even, as Python and NumPy do', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4, 2.6, 7].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3, 7]);
  });

  it('interpolates like numpy.interp, clamping outside the range', () => {
    expect(interp(-1, [0, 10], [1, 2])).toBe(1);
    expect(interp(5, [0, 10], [1, 2])).toBe(1.5);
    expect(interp(11, [0, 10], [1, 2])).toBe(2);
  });

  it('scales weight decay to the nominal batch 64 and sets accumulate', () => {
    const at = (batchSize: number) => new YoloSchedule({ hyp: LOW, optimizer: 'sgd', batchSize, epochs: 300, batchesPerEpoch: 1000 });
    expect(at(8).accumulate).toBe(8);
    expect(at(8).weightDecay).toBe(0.0005);
    expect(at(24).accumulate).toBe(3); // round(2.67)
    expect(at(24).weightDecay).toBeCloseTo(0.0005 * (72 / 64), 15);
    expect(at(128).accumulate).toBe(1);
    expect(at(128).weightDecay).toBe(0.0005 * 2);
    expect(at(40).accumulate).toBe(2); // round(1.6)
  });

  it('refuses an iteration past the last epoch (the LR factor would leave the recipe) and a nominal batch that is not positive', () => {
    const s = new YoloSchedule({ hyp: { ...LOW, warmup_epochs: 0 }, optimizer: 'sgd', batchSize: 64, epochs: 2, batchesPerEpoch: 150 });
    expect(s.totalIterations).toBe(300);
    expect(s.at(299, 298).lr.decay).toBeCloseTo(0.01 * s.lrFactor(1), 15);
    expect(() => s.at(300, 299)).toThrow("YoloSchedule: iteration 300 is outside the run's 300 iterations");
    expect(() => new YoloSchedule({ hyp: LOW, optimizer: 'sgd', batchSize: 8, epochs: 1, batchesPerEpoch: 1, nominalBatch: 0 })).toThrow(
      'YoloSchedule: nominalBatch must be a positive number, got 0',
    );
  });

  it('warms up over max(round(warmup_epochs * nb), 100) iterations: bias lr down, other lrs and momentum up', () => {
    const s = new YoloSchedule({ hyp: LOW, optimizer: 'sgd', batchSize: 16, epochs: 100, batchesPerEpoch: 20 });
    expect(s.warmupIterations).toBe(100); // 3 * 20 = 60 < 100
    const first = s.at(0, -1);
    expect(first).toEqual({ lr: { decay: 0, bn: 0, bias: 0.1 }, momentum: 0.8, accumulate: 1, step: true });
    const mid = s.at(50, 49);
    const target = 0.01 * ((1 - 2 / 100) * 0.99 + 0.01); // epoch 2 = floor(50 / 20)
    expect(mid.lr.decay).toBeCloseTo(target / 2, 15);
    expect(mid.lr.bias).toBeCloseTo(0.1 + (target - 0.1) / 2, 15);
    expect(mid.momentum).toBeCloseTo(0.8 + (0.937 - 0.8) / 2, 15);
    expect(mid.accumulate).toBe(2); // round(1 + 3 * 0.5) = round(2.5) = 2
    const after = s.at(101, 100);
    const lf5 = (1 - 5 / 100) * 0.99 + 0.01;
    expect(after).toEqual({ lr: { decay: 0.01 * lf5, bn: 0.01 * lf5, bias: 0.01 * lf5 }, momentum: 0.937, accumulate: 4, step: false });
    expect(s.at(104, 100).step).toBe(true);
  });

  it('one-cycle cosine LR and AdamW (no momentum warmup: Adam has betas)', () => {
    const s = new YoloSchedule({ hyp: LOW, optimizer: 'adamw', batchSize: 64, epochs: 10, batchesPerEpoch: 1000, cosine: true });
    expect(s.lrFactor(0)).toBe(1);
    expect(s.lrFactor(5)).toBeCloseTo(0.505, 12);
    expect(s.lrFactor(10)).toBeCloseTo(0.01, 12);
    expect(s.at(10, 9).momentum).toBe(0.937);
  });

  it('EMA decay ramps as 0.9999 * (1 - exp(-updates / 2000))', () => {
    expect(emaDecay(0)).toBe(0);
    expect(emaDecay(2000)).toBeCloseTo(0.9999 * (1 - Math.exp(-1)), 15);
    expect(emaDecay(1e6)).toBeCloseTo(0.9999, 12);
  });

  it('names the hyp keys the optimizer needs', () => {
    expect(() => optimizerHyp({ lr0: 0.01, box: 0.05 }, 'hyp.yaml')).toThrow(
      "hyp.yaml: the hyp lacks 'lrf', 'momentum', 'weight_decay', 'warmup_epochs', 'warmup_momentum', 'warmup_bias_lr' (the optimizer needs lr0, lrf, momentum, weight_decay, warmup_epochs, warmup_momentum, warmup_bias_lr)",
    );
    expect(() => optimizerHyp({ ...LOW, momentum: 1 }, 'hyp.yaml')).toThrow("hyp.yaml: 'momentum' must be in [0, 1), got 1");
    expect(optimizerHyp({ ...LOW, box: 0.05 }, 'x')).toEqual(LOW);
  });
});
