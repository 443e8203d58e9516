/**
 * `ylc artifacts` and `ylc bench train` through the binary: artifacts a TrainingRun can load and
 * step, the bad input (one line, exit code), and the benchmark's report without PyTorch.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainingRun } from '../training/runtime.js';
import { benchTargets, yoloBatch } from '../training/yolo.js';
import { assertBuilt, ylcIn, type CliResult } from './util/cli.js';
import { randomFloat32 } from './util/ort.js';

let dir: string;
let ylc: (...args: string[]) => CliResult;

beforeAll(() => {
  assertBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-train-cli-'));
  ylc = ylcIn(dir);
  for (const [form, file] of [['train', 'n.onnx'], ['deploy', 'd.onnx']] as const) {
    const r = ylc('build', '--cfg', 'yolov5n', '--imgsz', '64', '--batch', '2', '--form', form, '-o', file);
    if (r.status !== 0) throw new Error(r.stderr);
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ylc artifacts', () => {
  it('writes artifacts that TrainingRun loads and steps', async () => {
    const r = ylc('artifacts', 'n.onnx', '--out', 'art', '--fuse-optimizer');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('1872157 parameters in groups decay 60, bn 57, bias 60; sgd fused, EMA, gradient accumulation; up to 64 boxes per batch');
    expect(fs.readdirSync(path.join(dir, 'art')).sort()).toEqual(['checkpoint.safetensors', 'eval_model.onnx', 'training_model.onnx']);
    const run = await TrainingRun.load(path.join(dir, 'art'));
    const batch = yoloBatch(run, randomFloat32(2 * 3 * 64 * 64, 5), benchTargets(2, 80));
    const first = await run.step(batch);
    const second = await run.step(batch);
    expect(Number.isFinite(first.loss)).toBe(true);
    expect(second.loss).toBeLessThan(first.loss);
    const ckpt = path.join(dir, 'art', 'step2.safetensors');
    run.saveCheckpoint(ckpt);
    await run.release();
    const resumed = await TrainingRun.load(path.join(dir, 'art'), { checkpoint: ckpt });
    expect(resumed.iteration).toBe(2);
    await resumed.release();
  });

  it('refuses a deploy-form model and bad flags with one line', () => {
    const deploy = ylc('artifacts', 'd.onnx', '--out', 'x');
    expect(deploy.status).toBe(1);
    expect(deploy.stderr).toBe(
      'ylc: error [bad-model] the model is in deploy form (BatchNorm folded, Detect decoded) and cannot be trained; build the training form: ylc build --cfg <cfg> --form train\n',
    );
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
    const optimizer = ylc('artifacts', 'n.onnx', '--out', 'x', '--optimizer', 'rmsprop');
    expect(optimizer.status).toBe(2);
    expect(optimizer.stderr.trim().split('\n')).toHaveLength(1);
    const hyp = ylc('artifacts', 'n.onnx', '--out', 'x', '--hyp', 'nonesuch');
    expect(hyp.status).toBe(1);
    expect(hyp.stderr).toContain("unknown hyp 'nonesuch'");
  });
});

describe('ylc bench train', () => {
  it('reports step time, images/s and peak RSS, and says why PyTorch was skipped', () => {
    const r = ylc('bench', 'train', '--cfg', 'yolov5n', '--imgsz', '64', '--batch', '2', '--steps', '2', '--warmup', '0', '--no-torch');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ylc \(onnxruntime-node\)\s+[\d.]+ ms\/step\s+[\d.]+ img\/s {2}peak RSS\s+\d+ MiB/);
    expect(r.stdout).toContain('PyTorch baseline skipped (--no-torch)');
  });

  it('with --profile, writes the ONNX Runtime profile and says where the step time went', () => {
    const r = ylc('bench', 'train', '--cfg', 'yolov5n', '--imgsz', '64', '--batch', '2', '--steps', '2', '--warmup', '1', '--no-torch', '--profile', 'prof/step');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const written = fs.readdirSync(path.join(dir, 'prof')).filter((f) => f.startsWith('step_') && f.endsWith('.json'));
    expect(written).toHaveLength(1);
    expect(r.stdout).toContain(`wrote ${path.join(dir, 'prof', written[0]!)}`);
    expect(r.stdout).toMatch(/profile: 2 runs, \d+ ms a run profiled \(median\), \d+ nodes; per-node minimum kernel time:/);
    for (const kind of ['convolution', 'data movement', 'elementwise and reductions', 'outside kernels (dispatch)']) expect(r.stdout).toMatch(new RegExp(`\\n  ${kind.replace(/[()]/g, '\\$&')} +[\\d.]+ ms +\\d+%`));
    expect(r.stdout).toMatch(/slowest op types: \w+ [\d.]+ ms \(\d+\)(, \w+ [\d.]+ ms \(\d+\)){7}\n/);
  });

  it('refuses a thread count that is not a positive integer', () => {
    for (const bad of ['0', '-2', 'abc', '1.5']) {
      const r = ylc('bench', 'train', '--imgsz', '64', '--batch', '2', '--steps', '1', '--no-torch', '--threads', bad);
      expect([r.status, r.stderr]).toEqual([2, `ylc: error [bad-option] --threads expects an integer from 1 to 1024 (leave it out for one per core), got ${bad === 'abc' ? 'NaN' : bad}\n`]);
    }
  });

  it('names a missing execution provider in one line, with how to get it', () => {
    const r = ylc('bench', 'train', '--imgsz', '64', '--batch', '2', '--steps', '1', '--warmup', '0', '--no-torch', '--device', 'cuda');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ylc: error \[bad-option\] --device cuda: ONNX Runtime cannot use the cuda execution provider \(.*\); reinstall onnxruntime-node with CUDA binaries: npm_config_onnxruntime_node_install=cuda12 npm ci\n$/);
  });
});
