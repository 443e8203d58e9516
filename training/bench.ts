/**
 * `ylc bench train`: the training throughput of ylc's artifacts against PyTorch eager, measured
 * in the same run on the same machine.
 *
 * ylc: the model (training form, static batch) -> artifacts (SGD, optimizer fused; no EMA and no
 * gradient accumulation: the baseline steps every batch and keeps no EMA) written to a temporary directory -> a child process
 * (bench-child.ts, node --expose-gc: see runtime.ts) that runs warmup + timed steps on a fixed
 * batch: random images and the baseline's synthetic targets (4 boxes per image). Its peak RSS is
 * the training process's.
 * PyTorch: `../shared/bench/torch_yolov5_ref.py bench` (relative to the package root) with the
 * same config, image size, batch, steps and threads, run by `python` when it can import torch.
 * `rounds` alternates the two, so both see the same machine state; each framework's figure is its
 * best round (the median step of that round), which discounts rounds that met a busy machine alike.
 * With `profile`, the first round's child profiles its session and the report carries the
 * summary of where a step's time went (profile-summary.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeOutputDirectory } from '../ir/atomic-write.js';
import { YlcError, type YlcErrorCode } from '../ir/errors.js';
import type { Device } from '../ir/runtime.js';
import { Tensor } from '../ir/tensor.js';
import { packageRoot } from '../cli/package-root.js';
import { writeSafetensors } from '../frontends/weights/index.js';
import { buildModel, loadConfig, readDetectInfo } from '../frontends/yolov5/index.js';
import { buildTrainingArtifacts, writeTrainingArtifacts } from './artifacts.js';
import { loadHyp } from './loss/index.js';
import type { OptimizerKind } from './schedule.js';
import { median, readProfileSummary, type ProfileSummary } from './profile-summary.js';
import { benchTargets, yoloBatch, yoloTrainingHooks } from './yolo.js';

export interface BenchTrainOptions {
  cfg: string;
  imgsz: number;
  batch: number;
  steps: number;
  warmup: number;
  /** Intra-op threads for both (default: each framework's default, one per core). */
  threads?: number;
  /** ONNX Runtime execution provider for ylc (default cpu; PyTorch runs on the CPU). */
  device?: Device;
  optimizer?: OptimizerKind;
  fuseOptimizer?: boolean;
  /** Python with torch for the baseline (default python3); null skips it. */
  python?: string | null;
  rounds?: number;
  /** Write an ONNX Runtime profile with this prefix (first round) and summarize it. */
  profile?: string;
  hyp?: string;
  log?: (line: string) => void;
}

export interface FrameworkFigures {
  framework: string;
  stepMs: number;
  imagesPerSecond: number;
  peakRssMB: number;
}

export interface BenchTrainReport {
  ylc: FrameworkFigures & { buildMs: number; losses: number[] };
  torch?: FrameworkFigures;
  /** Why there is no PyTorch figure. */
  torchSkipped?: string;
  /** With `profile`: the training session's profile (first round) and where its time went. */
  profile?: { file: string; summary: ProfileSummary };
}

/** The newest `<prefix>_<date>.json` written since `since` (ms epoch): the training session's when the optimizer has its own. */
function writtenProfile(prefix: string, since: number): string | undefined {
  const dir = path.dirname(prefix);
  const base = `${path.basename(prefix)}_`;
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(base) && f.endsWith('.json')) : [];
  const fresh = files.map((f) => path.join(dir, f)).map((f) => ({ f, st: fs.statSync(f) })).filter((x) => x.st.mtimeMs >= since);
  return fresh.sort((a, b) => b.st.size - a.st.size)[0]?.f;
}

/** Where the PyTorch baseline script lives: ../shared/bench beside the package. */
export function torchReferenceScript(): string {
  return path.resolve(packageRoot(), '..', 'shared', 'bench', 'torch_yolov5_ref.py');
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

interface ChildResult {
  stepMs: number[];
  losses: number[];
  peakRssMB: number;
}

export async function benchTrain(options: BenchTrainOptions): Promise<BenchTrainReport> {
  const log = options.log ?? (() => {});
  const rounds = options.rounds ?? 1;
  for (const [k, v] of [['--steps', options.steps], ['--batch', options.batch], ['--rounds', rounds]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new YlcError('bad-option', `${k} expects a positive integer, got ${v}`);
  }
  if (!Number.isInteger(options.warmup) || options.warmup < 0) throw new YlcError('bad-option', `--warmup expects an integer >= 0, got ${options.warmup}`);
  if (options.threads !== undefined && (!Number.isInteger(options.threads) || options.threads < 1 || options.threads > 1024)) {
    throw new YlcError('bad-option', `--threads expects an integer from 1 to 1024 (leave it out for one per core), got ${options.threads}`);
  }
  const cfg = loadConfig(options.cfg);
  if (!cfg.path) throw new YlcError('bad-option', `--cfg ${options.cfg}: the PyTorch baseline needs the config as a file`);
  const hyp = loadHyp(options.hyp ?? 'scratch-low');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ylc-bench-train-'));
  try {
    const t0 = performance.now();
    const model = buildModel(cfg, { form: 'train', imgsz: options.imgsz, batch: options.batch });
    const info = readDetectInfo(model, 'bench');
    const targets = benchTargets(options.batch, info.nc);
    const artifacts = buildTrainingArtifacts(model, {
      hooks: yoloTrainingHooks(model, { hyp, maxTargets: targets.length / 6 }),
      hyp,
      optimizer: options.optimizer ?? 'sgd',
      fuseOptimizer: options.fuseOptimizer ?? true,
      ema: false,
      gradientAccumulation: false,
    });
    const images = new Float32Array(options.batch * 3 * options.imgsz * options.imgsz);
    let seed = 1;
    for (let i = 0; i < images.length; i++) images[i] = ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
    const batch = yoloBatch({ manifest: artifacts.manifest, metadata: artifacts.training.metadataProps }, images, targets);
    const dir = path.join(tmp, 'artifacts');
    writeTrainingArtifacts(dir, artifacts);
    const batchFile = path.join(tmp, 'batch.safetensors');
    const batchTensors = new Map<string, Tensor>();
    for (const [name, t] of Object.entries(batch)) {
      batchTensors.set(name, t.type === 'int64' ? Tensor.fromInt64(t.dims, t.data as BigInt64Array) : Tensor.fromFloat32(t.dims, t.data as Float32Array));
    }
    writeSafetensors(batchFile, batchTensors);
    const buildMs = performance.now() - t0;
    log(`ylc: ${options.cfg} ${options.imgsz}x${options.imgsz} batch ${options.batch}: artifacts (${artifacts.training.graph.nodes.size} nodes, ${artifacts.manifest.optimizer}${artifacts.manifest.fused ? ' fused' : ''}) built in ${(buildMs / 1000).toFixed(1)} s`);

    const script = torchReferenceScript();
    let torchSkipped: string | undefined;
    const python = options.python === undefined ? 'python3' : options.python;
    if (python === null) torchSkipped = 'skipped (--no-torch)';
    else if (!fs.existsSync(script)) torchSkipped = `skipped: ${path.relative(process.cwd(), script)} not found (the PyTorch baseline lives in ../shared/bench beside the repository)`;
    else {
      const probe = spawnSync(python, ['-c', 'import torch, yaml, numpy'], { encoding: 'utf8' });
      if (probe.status !== 0) torchSkipped = `skipped: ${python} cannot import torch, yaml and numpy (${lastLine(probe.stderr || String(probe.error))}); pip install torch pyyaml numpy, or pass --python`;
    }

    const child = fileURLToPath(new URL('./bench-child.js', import.meta.url));
    const ours: ChildResult[] = [];
    const torch: Array<{ step_ms: number; peak_rss_mb: number; framework: string }> = [];
    let profiled: BenchTrainReport['profile'];
    for (let r = 0; r < rounds; r++) {
      const profile = r === 0 && options.profile ? [path.resolve(options.profile)] : [];
      if (profile.length > 0) makeOutputDirectory(path.dirname(profile[0]!));
      const roundStart = Date.now() - 1000;
      const c = spawnSync(
        process.execPath,
        ['--expose-gc', child, dir, batchFile, String(options.warmup), String(options.steps), String(options.threads ?? 0), options.device ?? 'cpu', ...profile],
        { encoding: 'utf8', maxBuffer: 1 << 26 },
      );
      const reply = lastLine(c.stdout);
      if (reply.startsWith('{"error"')) {
        const { error } = JSON.parse(reply) as { error: { code: YlcErrorCode; message: string } };
        throw new YlcError(error.code, error.message);
      }
      if (reply.startsWith('{"fatal"')) throw new Error(`the ylc training process failed: ${(JSON.parse(reply) as { fatal: string }).fatal}`);
      if (c.status !== 0 || !reply.startsWith('{')) throw new Error(`the ylc training process failed: ${c.signal ? `killed by ${c.signal}` : `exit ${c.status}`} (${lastLine(c.stderr)})`);
      const result = JSON.parse(reply) as ChildResult;
      ours.push(result);
      if (profile.length > 0) {
        const file = writtenProfile(profile[0]!, roundStart);
        if (!file) throw new YlcError('io', `--profile ${options.profile}: ONNX Runtime wrote no profile there`);
        profiled = { file, summary: readProfileSummary(file, options.warmup) };
      }
      log(`ylc round ${r + 1}: steps ${result.stepMs.map((t) => t.toFixed(0)).join(', ')} ms, peak RSS ${result.peakRssMB.toFixed(0)} MiB`);
      if (torchSkipped) continue;
      const args = [script, 'bench', '--cfg', cfg.path, '--imgsz', String(options.imgsz), '--batch', String(options.batch), '--steps', String(options.steps), '--warmup', String(options.warmup)];
      if (options.threads) args.push('--threads', String(options.threads));
      const p = spawnSync(python!, args, { encoding: 'utf8' });
      if (p.status !== 0) {
        torchSkipped = `skipped: the PyTorch baseline failed (${lastLine(p.stderr) || `exit ${p.status}`})`;
        continue;
      }
      const t = JSON.parse(lastLine(p.stdout)) as { step_ms: number; peak_rss_mb: number; framework: string };
      torch.push(t);
      log(`torch round ${r + 1}: step ${t.step_ms} ms (median), peak RSS ${t.peak_rss_mb.toFixed(0)} MiB`);
    }
    const stepMs = Math.min(...ours.map((o) => median(o.stepMs)));
    const report: BenchTrainReport = {
      ylc: {
        framework: 'ylc (onnxruntime-node)',
        stepMs,
        imagesPerSecond: (options.batch * 1000) / stepMs,
        peakRssMB: Math.max(...ours.map((o) => o.peakRssMB)),
        buildMs,
        losses: ours[0]!.losses,
      },
    };
    if (profiled) report.profile = profiled;
    if (torch.length > 0 && !torchSkipped) {
      const ms = Math.min(...torch.map((t) => t.step_ms));
      report.torch = { framework: torch[0]!.framework, stepMs: ms, imagesPerSecond: (options.batch * 1000) / ms, peakRssMB: Math.max(...torch.map((t) => t.peak_rss_mb)) };
    } else {
      report.torchSkipped = torchSkipped ?? 'skipped';
    }
    return report;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
