import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ort } from '../ir/runtime.js';
import { loadModel } from '../ir/serde/index.js';
import { expectClose, gradientsAt, groupOf, paramsOf, sgdReference, type Flat } from '../test/util/training.js';
import { tinyBatch, tinyHooks, tinyModel, TINY_BATCH } from '../test/util/tiny-train.js';
import { appendBackward } from '../passes/autodiff/index.js';
import { ARTIFACT_FILES, buildTrainingArtifacts, readManifest, writeTrainingArtifacts, type TrainingHooks } from './artifacts.js';
import { readCheckpoint, writeCheckpoint } from './checkpoint.js';
import { writeSafetensors } from '../frontends/weights/index.js';
import { Tensor } from '../ir/tensor.js';
import { TrainingRun } from './runtime.js';
import { emaDecay } from './schedule.js';

const HYP = { lr0: 0.01, lrf: 0.01, momentum: 0.937, weight_decay: 0.05, warmup_epochs: 3, warmup_momentum: 0.8, warmup_bias_lr: 0.1 };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-train-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function batch(seed = 7): Record<string, ort.Tensor> {
  const b = tinyBatch(seed);
  return { images: new ort.Tensor('float32', b.images, [TINY_BATCH, 4]), target: new ort.Tensor('float32', b.target, [TINY_BATCH, 2]) };
}

describe('buildTrainingArtifacts', () => {
  it('turns parameters, state and hyperparameters into graph inputs; frozen tensors stay initializers', () => {
    const a = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP });
    const m = a.manifest;
    expect(m.groups.decay.slots.map((s) => s.name)).toEqual(['fc1.weight', 'fc2.weight']);
    expect(m.groups.bn.slots.map((s) => s.name)).toEqual(['bn.weight']);
    expect(m.groups.bias.slots.map((s) => s.name)).toEqual(['bn.bias', 'fc2.bias']);
    expect(m.runningStats.slots.map((s) => s.name)).toEqual(['bn.running_mean', 'bn.running_var']);
    expect(m.frozen).toEqual(['gamma']);
    expect(m.batchInputs.map((s) => s.name)).toEqual(['images', 'target']);
    const tg = a.training.graph;
    expect(tg.inputs.map((v) => v.name)).toEqual([
      'images', 'target', 'params.decay', 'params.bn', 'params.bias', 'running_stats', 'lazy_reset_grad',
      'grads.decay.accumulated', 'grads.bn.accumulated', 'grads.bias.accumulated',
    ]);
    expect(tg.outputs.map((v) => v.name)).toEqual(['loss', 'loss_items', 'running_stats.updated', 'grads.decay', 'grads.bn', 'grads.bias']);
    expect([...tg.initializers.keys()]).toContain('gamma');
    expect([...tg.initializers.keys()]).not.toContain('fc1.weight');
    expect(a.optimizer!.graph.inputs.map((v) => v.name)).toEqual([
      'params.decay', 'grads.decay', 'params.bn', 'grads.bn', 'params.bias', 'grads.bias',
      'lr.decay', 'lr.bn', 'lr.bias', 'momentum', 'weight_decay', 'ema_decay',
      'momentum_buffer.decay', 'ema.decay', 'momentum_buffer.bn', 'ema.bn', 'momentum_buffer.bias', 'ema.bias',
    ]);
    expect(a.eval.graph.outputs.map((v) => v.name)).toEqual(['loss', 'loss_items', 'pred']);
    expect(readManifest(a.eval, 'eval')).toEqual(m);
  });

  it('fuses the optimizer into the training model on request', () => {
    const a = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP, fuseOptimizer: true, optimizer: 'adamw', ema: false });
    expect(a.optimizer).toBeUndefined();
    const outs = a.training.graph.outputs.map((v) => v.name);
    expect(outs).toEqual([
      'loss', 'loss_items', 'running_stats.updated', 'grads.decay', 'grads.bn', 'grads.bias',
      'params.decay.updated', 'exp_avg.decay.updated', 'exp_avg_sq.decay.updated',
      'params.bn.updated', 'exp_avg.bn.updated', 'exp_avg_sq.bn.updated',
      'params.bias.updated', 'exp_avg.bias.updated', 'exp_avg_sq.bias.updated',
    ]);
    expect(a.training.graph.inputs.map((v) => v.name)).toContain('apply_step');
  });

  it('without gradient accumulation, a fused model takes no accumulators or flags and returns no gradients', async () => {
    const a = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP, fuseOptimizer: true, ema: false, gradientAccumulation: false });
    expect(a.training.graph.inputs.map((v) => v.name).filter((n) => /accumulated|lazy_reset|apply_step/.test(n))).toEqual([]);
    expect(a.training.graph.outputs.map((v) => v.name)).toEqual([
      'loss', 'loss_items', 'running_stats.updated',
      'params.decay.updated', 'momentum_buffer.decay.updated', 'params.bn.updated', 'momentum_buffer.bn.updated', 'params.bias.updated', 'momentum_buffer.bias.updated',
    ]);
    const plain = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP, ema: false });
    const lean = await TrainingRun.fromArtifacts(a);
    const full = await TrainingRun.fromArtifacts(plain);
    for (let i = 0; i < 3; i++) expect((await lean.step(batch(i))).loss).toBe((await full.step(batch(i))).loss);
    expectClose(paramsOf(lean), paramsOf(full), Object.keys(paramsOf(full)));
    // Batch 4 accumulates 16 batches per step (from ni = 4 in the warmup, where
    // round(1 + 15 ni / 100) is 2 and 4 - 3 < 2), which these artifacts cannot: refused up front.
    await expect(TrainingRun.fromArtifacts(a, { schedule: { batchSize: TINY_BATCH, epochs: 1, batchesPerEpoch: 10 } })).rejects.toThrow(
      'batch 4 accumulates gradients over 16 batches (nominal batch 64) but the artifacts were built without gradient accumulation',
    );
    await Promise.all([lean, full].map((r) => r.release()));
  });

  it('refuses models that are not in training form', () => {
    expect(() => buildTrainingArtifacts(tinyModel({ form: 'deploy' }), { hooks: tinyHooks })).toThrow(
      /deploy form \(BatchNorm folded, Detect decoded\) and cannot be trained; build the training form/,
    );
    expect(() => buildTrainingArtifacts(tinyModel({ form: null }), { hooks: tinyHooks })).toThrow(/not in training form \(no 'ylc.form' = train metadata\)/);
  });

  it('autodiff on the tiny model gives the hand-written gradients', async () => {
    const hooks = { ...tinyHooks, appendBackward: appendBackward as TrainingHooks['appendBackward'] };
    const auto = buildTrainingArtifacts(tinyModel(), { hooks, hyp: HYP });
    const hand = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP });
    const w = Object.fromEntries([...hand.initial].map(([k, t]) => [k, t.toFloat64()]));
    const names = Object.keys(w).filter((k) => !k.includes('running'));
    expectClose(await gradientsAt(auto, w, w, batch()), await gradientsAt(hand, w, w, batch()), names);
  });

  it('reports an op without a gradient rule as one line naming op and node', () => {
    const hooks = { ...tinyHooks, appendBackward: appendBackward as TrainingHooks['appendBackward'] };
    expect(() => buildTrainingArtifacts(tinyModel({ activation: 'Softsign' }), { hooks })).toThrow(
      /^cannot build the backward pass: autodiff: no gradient rule for op Softsign \(node 'act'\), which lies between the parameters and the loss; add passes\/autodiff\/rules\/Softsign.grad.ts or cut the path with stopGradient$/,
    );
    const other = { ...tinyHooks, appendBackward: () => { throw new Error('boom\n  at somewhere'); } };
    expect(() => buildTrainingArtifacts(tinyModel(), { hooks: other })).toThrow(/^cannot build the backward pass: boom$/);
  });
});

describe('TrainingRun', () => {
  const schedule = { batchSize: TINY_BATCH, epochs: 10, batchesPerEpoch: 50 };
  // batch 4: accumulate = round(64 / 4) = 16, weight decay *= 4 * 16 / 64; the first warmup
  // iterations have accumulate 1, so every one of these steps.
  const wd = HYP.weight_decay * ((TINY_BATCH * 16) / 64);

  for (const fuseOptimizer of [false, true]) {
    it(`an SGD step sequence of 3 steps on one batch matches a hand-derived reference (${fuseOptimizer ? 'fused' : 'optimizer model'})`, async () => {
      const a = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP, fuseOptimizer });
      const plain = fuseOptimizer ? buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP }) : a;
      const run = await TrainingRun.fromArtifacts(a, { schedule });
      const b = batch();
      const p = paramsOf(run);
      const ema: Flat = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Float64Array.from(v)]));
      const trained = Object.keys(await gradientsAt(plain, p, run, b));
      const buf: Flat = Object.fromEntries(trained.map((k) => [k, new Float64Array(p[k]!.length)]));
      const lrs: number[][] = [];
      for (let k = 0; k < 3; k++) {
        const g = await gradientsAt(plain, p, run, b);
        const r = await run.step(b);
        expect(r.stepped).toBe(true);
        lrs.push([r.lr.decay, r.lr.bn, r.lr.bias, r.momentum]);
        sgdReference(a, p, buf, g, r, wd);
        const d = emaDecay(k + 1);
        for (const name of trained) for (let i = 0; i < p[name]!.length; i++) ema[name]![i] = d * ema[name]![i]! + (1 - d) * p[name]![i]!;
        expectClose(paramsOf(run), p, trained);
      }
      expectClose(paramsOf(run, { ema: true }), ema, trained);
      // Warmup (nw = max(round(3 * 50), 100) = 150): bias lr falls from 0.1, the others rise from 0.
      const nw = 150;
      const target = HYP.lr0 * ((1 - 0 / 10) * (1 - HYP.lrf) + HYP.lrf);
      lrs.forEach(([decay, bn, bias, momentum], ni) => {
        expect(decay).toBeCloseTo((ni / nw) * target, 12);
        expect(bn).toBe(decay);
        expect(bias).toBeCloseTo(HYP.warmup_bias_lr + (ni / nw) * (target - HYP.warmup_bias_lr), 12);
        expect(momentum).toBeCloseTo(HYP.warmup_momentum + (ni / nw) * (HYP.momentum - HYP.warmup_momentum), 12);
      });
      await run.release();
    });
  }

  it('AdamW: 3 steps match torch.optim.AdamW in float64 (decoupled decay on the decay group only)', async () => {
    const a = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP, optimizer: 'adamw', fuseOptimizer: true, ema: false });
    const plain = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP, optimizer: 'adamw' });
    const run = await TrainingRun.fromArtifacts(a);
    const b = batch(3);
    const p = paramsOf(run);
    const trained = Object.keys(await gradientsAt(plain, p, run, b));
    const m1: Flat = Object.fromEntries(trained.map((k) => [k, new Float64Array(p[k]!.length)]));
    const v1: Flat = Object.fromEntries(trained.map((k) => [k, new Float64Array(p[k]!.length)]));
    const [beta1, beta2, eps] = [HYP.momentum, 0.999, 1e-8];
    for (let t = 1; t <= 3; t++) {
      const g = await gradientsAt(plain, p, run, b);
      const r = await run.step(b);
      for (const name of trained) {
        const decay = groupOf(a, name) === 'decay' ? HYP.weight_decay : 0;
        const lr = r.lr[groupOf(a, name)];
        for (let i = 0; i < p[name]!.length; i++) {
          const gi = g[name]![i]!;
          p[name]![i] = p[name]![i]! * (1 - lr * decay);
          m1[name]![i] = m1[name]![i]! + (1 - beta1) * (gi - m1[name]![i]!);
          v1[name]![i] = beta2 * v1[name]![i]! + (1 - beta2) * gi * gi;
          const denom = Math.sqrt(v1[name]![i]!) / Math.sqrt(1 - beta2 ** t) + eps;
          p[name]![i] = p[name]![i]! - (lr / (1 - beta1 ** t)) * (m1[name]![i]! / denom);
        }
      }
      expectClose(paramsOf(run), p, trained);
    }
    await run.release();
  });

  it('accumulates gradients between optimizer steps as train.py does', async () => {
    // Nominal batch 8 with batch 4: accumulate 2 after a warmup of max(round(0 * nb), 100) = 100 iterations.
    const hyp = { ...HYP, warmup_epochs: 0 };
    const schedule = { batchSize: TINY_BATCH, epochs: 1, batchesPerEpoch: 1000, nominalBatch: 8 };
    const fused = await TrainingRun.fromArtifacts(buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp, fuseOptimizer: true }), { schedule });
    const plain = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp });
    const split = await TrainingRun.fromArtifacts(plain, { schedule });
    // train.py's loop: accumulate = max(1, round(interp(ni, [0, nw], [1, nbs / bs]))) during warmup.
    const expected: number[] = [];
    let last = -1;
    for (let ni = 0; ni < 106; ni++) {
      const acc = ni <= 100 ? Math.max(1, ni / 100 === 0.5 ? 2 : Math.round(1 + ni / 100)) : 2;
      if (ni - last >= acc) {
        expected.push(ni);
        last = ni;
      }
    }
    const stepped: number[] = [];
    let pending: { ni: number; resumed: TrainingRun } | undefined;
    for (let ni = 0; ni < 106; ni++) {
      const b = batch(100 + (ni % 5));
      const atStart = paramsOf(split);
      const r = await fused.step(b);
      const rs = await split.step(b);
      expect(rs.stepped).toBe(r.stepped);
      if (r.stepped) stepped.push(r.iteration);
      if (pending) await pending.resumed.step(b);
      if (ni > 100 && !r.stepped && !pending) {
        // What was accumulated is this batch's gradient; the next step adds the next batch's.
        const ckpt = path.join(tmp, 'pending.safetensors');
        split.saveCheckpoint(ckpt);
        const { tensors } = readCheckpoint(ckpt);
        const grads = await gradientsAt(plain, atStart, atStart, b);
        const names = Object.keys(grads);
        expectClose(Object.fromEntries(names.map((n) => [n, tensors.get(`grad_accumulation.${n}`)!.toFloat64()])), grads, names);
        // A run resumed from the middle of an accumulation goes on exactly as the original.
        pending = { ni, resumed: await TrainingRun.fromArtifacts(plain, { schedule, checkpoint: ckpt }) };
      } else if (pending && ni === pending.ni + 1) {
        expect(r.stepped).toBe(true);
      }
    }
    expect(stepped).toEqual(expected);
    expect(pending).toBeDefined();
    expect(paramsOf(pending!.resumed)).toEqual(paramsOf(split));
    expectClose(paramsOf(fused), paramsOf(split), Object.keys(paramsOf(split)));
    await Promise.all([fused, split, pending!.resumed].map((r) => r.release()));
  });

  it('an optimizer step after accumulation applies the sum of the micro-batch gradients', async () => {
    const hyp = { ...HYP, warmup_epochs: 0 };
    const schedule = { batchSize: TINY_BATCH, epochs: 1, batchesPerEpoch: 1000, nominalBatch: 8 };
    const plain = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp, ema: false });
    const run = await TrainingRun.fromArtifacts(plain, { schedule });
    // accumulate = round(1 + ni / 100) is 2 from ni = 50 (1.5 rounds to even): steps at 51, 53, ..., 99, 101, 103.
    for (let ni = 0; ni <= 101; ni++) await run.step(batch(ni % 3));
    const ckpt = path.join(tmp, 'acc.safetensors');
    const p = paramsOf(run);
    run.saveCheckpoint(ckpt);
    const names = plain.manifest.groups.decay.slots.map((s) => s.name).concat(plain.manifest.groups.bn.slots.map((s) => s.name), plain.manifest.groups.bias.slots.map((s) => s.name));
    const buf: Flat = Object.fromEntries(names.map((n) => [n, readCheckpoint(ckpt).tensors.get(`optimizer.momentum_buffer.${n}`)!.toFloat64()]));
    const g1 = await gradientsAt(plain, p, run, batch(7));
    expect((await run.step(batch(7))).stepped).toBe(false);
    const g2 = await gradientsAt(plain, p, run, batch(8));
    const r = await run.step(batch(8));
    expect(r.stepped).toBe(true);
    const sum: Flat = Object.fromEntries(names.map((n) => [n, g1[n]!.map((x, i) => x + g2[n]![i]!)]));
    sgdReference(plain, p, buf, sum, r, HYP.weight_decay * ((TINY_BATCH * 2) / 8));
    expectClose(paramsOf(run), p, names);
    await run.release();
  });

  it('stops on a NaN loss with the iteration number and keeps the last good state and checkpoint', async () => {
    const a = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP, fuseOptimizer: true });
    const run = await TrainingRun.fromArtifacts(a);
    await run.step(batch());
    await run.step(batch());
    const ckpt = path.join(tmp, 'nan.safetensors');
    run.saveCheckpoint(ckpt);
    const saved = fs.readFileSync(ckpt);
    const good = paramsOf(run);
    const bad = batch();
    (bad.images!.data as Float32Array)[3] = Number.NaN;
    await expect(run.step(bad)).rejects.toThrow('training diverged at iteration 2: the loss is NaN; the state stays at iteration 1 (after 2 optimizer steps), and saveCheckpoint writes it');
    expect(paramsOf(run)).toEqual(good);
    expect(fs.readFileSync(ckpt).equals(saved)).toBe(true);
    expect(run.iteration).toBe(2);
    await run.release();
  });

  it('resumes from a checkpoint exactly where it stopped', async () => {
    const dir = path.join(tmp, 'resume');
    const a = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP });
    writeTrainingArtifacts(dir, a);
    expect(fs.readdirSync(dir).sort()).toEqual(Object.values(ARTIFACT_FILES).sort());
    const opts = { schedule: { batchSize: TINY_BATCH, epochs: 10, batchesPerEpoch: 50 } };
    const straight = await TrainingRun.load(dir, opts);
    const first = await TrainingRun.load(dir, opts);
    for (let i = 0; i < 3; i++) {
      await straight.step(batch(i));
      await first.step(batch(i));
    }
    const ckpt = path.join(dir, 'step3.safetensors');
    first.saveCheckpoint(ckpt);
    const { tensors, meta } = readCheckpoint(ckpt);
    expect(meta).toEqual({ optimizer: 'sgd', iteration: 3, updates: 3, lastOptStep: 2, schedule: { batchSize: TINY_BATCH, epochs: 10, batchesPerEpoch: 50, cosine: false, nominalBatch: 64 } });
    expect([...tensors.keys()].sort()).toContain('optimizer.momentum_buffer.fc1.weight');
    expect([...tensors.keys()].sort()).toContain('ema.bn.running_mean');
    const resumed = await TrainingRun.load(dir, { ...opts, checkpoint: ckpt });
    for (let i = 3; i < 6; i++) {
      const x = await straight.step(batch(i));
      const y = await resumed.step(batch(i));
      expect(y.loss).toBe(x.loss);
    }
    expect(paramsOf(resumed)).toEqual(paramsOf(straight));
    expect(paramsOf(resumed, { ema: true })).toEqual(paramsOf(straight, { ema: true }));
    const ev = await resumed.evaluate(batch(9));
    expect(ev.outputs.pred!.dims).toEqual([TINY_BATCH, 2]);
    expect(Number.isFinite(ev.loss)).toBe(true);
    await Promise.all([straight, first, resumed].map((r) => r.release()));
    expect(readManifest(loadModel(path.join(dir, ARTIFACT_FILES.training)), 'x').optimizer).toBe('sgd');
    const bogus = path.join(dir, 'bogus.safetensors');
    writeSafetensors(bogus, new Map([['x', Tensor.scalarFloat32(1)]]));
    await expect(TrainingRun.load(dir, { checkpoint: bogus })).rejects.toThrow(`${bogus}: not a ylc training checkpoint (no 'ylc.checkpoint' metadata)`);
    const empty = path.join(dir, 'empty.safetensors');
    writeCheckpoint(empty, new Map(), { optimizer: 'sgd', iteration: 0, updates: 0, lastOptStep: -1 });
    await expect(TrainingRun.load(dir, { checkpoint: empty })).rejects.toThrow(`${empty}: no tensor 'fc1.weight'; the checkpoint does not belong to these artifacts`);
  });

  it('refuses what would otherwise train wrong without a word, in one line each', async () => {
    const a = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP, fuseOptimizer: true });
    const schedule = { batchSize: TINY_BATCH, epochs: 1, batchesPerEpoch: 3 };
    await expect(TrainingRun.fromArtifacts(a, { schedule: { ...schedule, batchSize: 8 } })).rejects.toThrow(
      `schedule batchSize 8: the artifacts were built for batch ${TINY_BATCH}; give the batch they take`,
    );
    const noAccumulation = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP, gradientAccumulation: false });
    await expect(TrainingRun.fromArtifacts(noAccumulation, { schedule })).rejects.toThrow(
      `batch ${TINY_BATCH} accumulates gradients over 16 batches (nominal batch 64) but the artifacts were built without gradient accumulation; rebuild them with it, or train with a batch of 64`,
    );

    const run = await TrainingRun.fromArtifacts(a, { schedule });
    await run.step(batch(1));
    await run.step(batch(2));
    const ckpt = path.join(tmp, 'two.safetensors');
    run.saveCheckpoint(ckpt);
    await run.step(batch(3));
    await expect(run.step(batch(4))).rejects.toThrow(
      "training is finished: the schedule's 1 epochs of 3 batches (3 iterations) are done; save the checkpoint, and to train further build a model from it (ylc build --weights <checkpoint> --weights-partial) for a new run",
    );
    expect(run.iteration).toBe(3);
    const wrongShape = { ...batch(), images: new ort.Tensor('float32', new Float32Array(TINY_BATCH * 5), [TINY_BATCH, 5]) };
    await expect(run.step(wrongShape)).rejects.toThrow(`batch tensor 'images' is float32[${TINY_BATCH},5]; the training model takes float32[${TINY_BATCH},4]`);
    expect(() => run.stateDict({ ema: true })).not.toThrow();
    await run.release();

    await expect(TrainingRun.fromArtifacts(a, { schedule: { ...schedule, epochs: 2 }, checkpoint: ckpt })).rejects.toThrow(
      `${ckpt}: it was saved at iteration 2 of a run with batch ${TINY_BATCH}, 1 epochs of 3 batches, linear LR, nominal batch 64; resume with the same schedule (this run has batch ${TINY_BATCH}, 2 epochs of 3 batches, linear LR, nominal batch 64)`,
    );
    await expect(TrainingRun.fromArtifacts(a, { checkpoint: ckpt })).rejects.toThrow('resume with the same schedule (this run has no schedule (every iteration a step at lr0))');

    // After optimizer steps, a checkpoint without the optimizer state cannot resume them.
    const { tensors, meta } = readCheckpoint(ckpt);
    const stateless = path.join(tmp, 'stateless.safetensors');
    writeCheckpoint(stateless, new Map([...tensors].filter(([k]) => !k.startsWith('optimizer.'))), meta);
    await expect(TrainingRun.fromArtifacts(a, { schedule, checkpoint: stateless })).rejects.toThrow(
      `${stateless}: no tensor 'optimizer.momentum_buffer.fc1.weight'; the checkpoint does not belong to these artifacts`,
    );
    const accumulated = path.join(tmp, 'accumulated.safetensors');
    writeCheckpoint(accumulated, new Map([...tensors, ['grad_accumulation.fc1.weight', tensors.get('fc1.weight')!]]), { ...meta, schedule: undefined, iteration: 0 });
    await expect(TrainingRun.fromArtifacts(noAccumulation, { checkpoint: accumulated })).rejects.toThrow(
      `${accumulated}: it holds gradients accumulated since the last optimizer step, and these artifacts were built without gradient accumulation; resume with artifacts built with it`,
    );

    const noEma = await TrainingRun.fromArtifacts(buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP, ema: false }));
    expect(() => noEma.stateDict({ ema: true })).toThrow('these artifacts keep no EMA (built with ema: false)');
    await noEma.release();
  });

  it('writes artifacts all or nothing: a failure leaves the directory as it was', () => {
    const dir = path.join(tmp, 'all-or-nothing');
    const first = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP });
    writeTrainingArtifacts(dir, first);
    const before = Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
    // The optimizer model's place is taken by a directory: the write fails after the others are staged.
    fs.rmSync(path.join(dir, ARTIFACT_FILES.optimizer));
    fs.mkdirSync(path.join(dir, ARTIFACT_FILES.optimizer));
    const other = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: { ...HYP, lr0: 0.5 }, optimizer: 'adamw' });
    expect(() => writeTrainingArtifacts(dir, other)).toThrow(`cannot write ${path.join(dir, ARTIFACT_FILES.optimizer)}: it is a directory`);
    expect(fs.readdirSync(dir).sort()).toEqual(Object.keys(before).sort());
    for (const [f, bytes] of Object.entries(before)) if (f !== ARTIFACT_FILES.optimizer) expect(fs.readFileSync(path.join(dir, f)).equals(bytes)).toBe(true);
  });

  it('names a missing execution provider and how to get it', async () => {
    const a = buildTrainingArtifacts(tinyModel(), { hooks: tinyHooks, hyp: HYP });
    await expect(TrainingRun.fromArtifacts(a, { device: 'cuda' })).rejects.toThrow(/--device cuda: ONNX Runtime cannot use the cuda execution provider .*npm_config_onnxruntime_node_install=cuda12 npm ci/);
  });
});
