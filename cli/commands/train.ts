/**
 * Training on the command line:
 *   ylc artifacts model.onnx --out dir/ [--hyp scratch-low] [--optimizer sgd|adamw] [--fuse-optimizer]
 *   ylc bench train --cfg yolov5n --imgsz 320 --batch 8 [--steps 5] [--python python3]
 */
import type { Argv } from 'yargs';
import { DEVICES, type Device } from '../../ir/runtime.js';
import { staticDims } from '../../ir/type.js';
import { readDetectInfo } from '../../frontends/yolov5/index.js';
import { buildTrainingArtifacts, checkTrainingForm, writeTrainingArtifacts } from '../../training/artifacts.js';
import { benchTrain, type BenchTrainReport } from '../../training/bench.js';
import { formatProfileSummary } from '../../training/profile-summary.js';
import { loadHyp } from '../../training/loss/index.js';
import { parameterSlots } from '../../training/params.js';
import { yoloTrainingHooks } from '../../training/yolo.js';
import { readModelFile } from '../io.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

export function trainCommands<T>(y: Argv<T>): Argv<T> {
  return y
    .command(
      'artifacts <model>',
      'write training artifacts (training/eval/optimizer models and a checkpoint) for ONNX Runtime',
      (b) =>
        b
          .positional('model', { type: 'string', demandOption: true, describe: 'a training-form model (ylc build --form train)' })
          .option('out', { type: 'string', demandOption: true, describe: 'output directory' })
          .option('hyp', { type: 'string', default: 'scratch-low', describe: 'hyp YAML path or built-in: scratch-low|med|high|convnext' })
          .option('optimizer', { choices: ['sgd', 'adamw'] as const, default: 'sgd' as const, describe: 'SGD (nesterov) or AdamW (the ConvNeXt recipe)' })
          .option('fuse-optimizer', { type: 'boolean', default: false, describe: 'put the optimizer step in the training model (one run per iteration)' })
          .option('ema', { type: 'boolean', default: true, describe: 'keep an EMA of the weights (ModelEMA)' })
          .option('accumulation', { type: 'boolean', default: true, describe: 'gradient accumulation to the nominal batch 64 (--no-accumulation: every batch steps)' })
          .option('max-targets', { type: 'number', describe: 'most boxes in one batch (sizes the padded target inputs; default 32 per image)' }),
      (argv) => {
        const model = readModelFile(argv.model);
        checkTrainingForm(model);
        readDetectInfo(model, argv.model);
        const hyp = loadHyp(argv.hyp);
        const batch = staticDims(model.graph.inputs[0]?.type)?.[0];
        const maxTargets = argv['max-targets'] ?? 32 * (typeof batch === 'number' ? batch : 1);
        const artifacts = buildTrainingArtifacts(model, {
          hooks: yoloTrainingHooks(model, { hyp, maxTargets }),
          hyp,
          optimizer: argv.optimizer,
          fuseOptimizer: argv['fuse-optimizer'],
          ema: argv.ema,
          gradientAccumulation: argv.accumulation,
        });
        const files = writeTrainingArtifacts(argv.out, artifacts);
        const m = artifacts.manifest;
        const params = parameterSlots(m).reduce((n, s) => n + s.size, 0);
        say(
          `${params} parameters in groups decay ${m.groups.decay.slots.length}, bn ${m.groups.bn.slots.length}, bias ${m.groups.bias.slots.length}` +
            `${m.frozen.length ? ` (${m.frozen.length} frozen: ${m.frozen.slice(0, 3).join(', ')}${m.frozen.length > 3 ? ', ...' : ''})` : ''}; ` +
            `${m.optimizer}${m.fused ? ' fused' : ''}${m.ema ? ', EMA' : ''}${m.accumulation ? ', gradient accumulation' : ''}; up to ${maxTargets} boxes per batch`,
        );
        for (const f of files) say(`wrote ${f}`);
      },
    )
    .command('bench', 'performance measurements', (b) =>
      b
        .command(
          'train',
          'training images/s and peak RSS of ylc vs PyTorch eager (same run, same machine)',
          (c) =>
            c
              .option('cfg', { type: 'string', default: 'yolov5n', describe: 'YAML path or built-in config' })
              .option('imgsz', { type: 'number', default: 320 })
              .option('batch', { type: 'number', default: 8 })
              .option('steps', { type: 'number', default: 5, describe: 'timed steps (medians are reported)' })
              .option('warmup', { type: 'number', default: 2, describe: 'untimed steps first' })
              .option('rounds', { type: 'number', default: 1, describe: 'alternating ylc / PyTorch rounds' })
              .option('threads', { type: 'number', describe: 'intra-op threads for both (default: one per core)' })
              .option('device', { choices: DEVICES, default: 'cpu' as Device, describe: 'ONNX Runtime execution provider for ylc' })
              .option('optimizer', { choices: ['sgd', 'adamw'] as const, default: 'sgd' as const })
              .option('fuse-optimizer', { type: 'boolean', default: true, describe: 'optimizer step inside the training model' })
              .option('python', { type: 'string', default: process.env.YLC_PYTHON ?? 'python3', describe: 'python with torch for the baseline ($YLC_PYTHON)' })
              .option('torch', { type: 'boolean', default: true, describe: 'run the PyTorch baseline (--no-torch skips it)' })
              .option('profile', { type: 'string', describe: 'write an ONNX Runtime profile (first round) with this file prefix and print where the step time goes' }),
          async (argv) => {
            const report = await benchTrain({
              cfg: argv.cfg,
              imgsz: argv.imgsz,
              batch: argv.batch,
              steps: argv.steps,
              warmup: argv.warmup,
              rounds: argv.rounds,
              optimizer: argv.optimizer,
              fuseOptimizer: argv['fuse-optimizer'],
              python: argv.torch ? argv.python : null,
              device: argv.device,
              ...(argv.threads !== undefined ? { threads: argv.threads } : {}),
              ...(argv.profile ? { profile: argv.profile } : {}),
              log: say,
            });
            printReport(report, argv.batch);
          },
        )
        .demandCommand(1, 'name a benchmark: train'),
    );
}

function printReport(r: BenchTrainReport, batch: number): void {
  if (r.profile) {
    say(`wrote ${r.profile.file}`);
    for (const line of formatProfileSummary(r.profile.summary)) say(line);
  }
  const row = (name: string, f: { stepMs: number; imagesPerSecond: number; peakRssMB: number }) =>
    say(`${name.padEnd(28)} ${f.stepMs.toFixed(1).padStart(8)} ms/step ${f.imagesPerSecond.toFixed(2).padStart(8)} img/s  peak RSS ${f.peakRssMB.toFixed(0).padStart(6)} MiB`);
  say('');
  row(r.ylc.framework, r.ylc);
  if (!r.torch) {
    say(`PyTorch baseline ${r.torchSkipped}`);
    return;
  }
  row(r.torch.framework, r.torch);
  say(
    `ratio (ylc / PyTorch, batch ${batch}): throughput ${(r.ylc.imagesPerSecond / r.torch.imagesPerSecond).toFixed(2)}x (target >= 1.2x), ` +
      `peak RSS ${(r.ylc.peakRssMB / r.torch.peakRssMB).toFixed(2)}x (target <= 1x)`,
  );
}
