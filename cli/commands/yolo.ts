/**
 * The YOLOv5 frontend on the command line:
 *   ylc build --cfg yolov5s.yaml [--nc 3] [--weights w.pt] [--form train|deploy] -o model.onnx
 *   ylc import yolov5s.pt -o model.onnx          (the checkpoint carries its config)
 *   ylc export model.onnx -o deploy.onnx [--dynamic] [--opset 12]
 *   ylc export-weights model.onnx -o weights.safetensors|.pt
 * Weights are always loaded into the training form (BatchNorm unfused, state_dict names); the
 * deploy form is made from it, as export.py fuses a loaded model.
 */
import * as path from 'node:path';
import type { Argv } from 'yargs';
import { YlcError } from '../../ir/errors.js';
import type { Model } from '../../ir/model.js';
import { saveModel } from '../../ir/serde/index.js';
import { formatCount, summarizeModel } from '../../ir/summary.js';
import {
  applyStateDict,
  buildModel,
  configFromDict,
  countParameters,
  loadConfig,
  readDetectInfo,
  readForm,
  rebuildModel,
  stateDictOf,
  toDeployForm,
  DEFAULT_OPSET,
  MAX_BATCH,
  MAX_IMGSZ,
  type ApplyResult,
  type BuildOptions,
  type YoloConfig,
} from '../../frontends/yolov5/index.js';
import { readWeights, writeSafetensors, writeTorchStateDict, type Weights } from '../../frontends/weights/index.js';
import { isConvNeXtCheckpoint, remapConvNeXtCheckpoint } from '../../frontends/weights/convnext.js';
import { checkOutputPath, readModelFile } from '../io.js';
import { outputOptions, saveOptions, type OutputFlags } from './optimize.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

export interface ShapeFlags {
  imgsz: number;
  batch: string;
  opset: number;
}

function shapeOptions<T>(y: Argv<T>) {
  return y
    .option('imgsz', { type: 'number', default: 640, describe: `input image size (a multiple of 32, at most ${MAX_IMGSZ})` })
    .option('batch', { type: 'string', default: '1', describe: `batch size (at most ${MAX_BATCH}), or 'dynamic' for dynamic batch/height/width axes` })
    .option('opset', { type: 'number', default: DEFAULT_OPSET, describe: 'ai.onnx opset of the model' });
}

function buildOptions(flags: ShapeFlags, form: 'train' | 'deploy'): BuildOptions {
  let batch: number | 'dynamic';
  if (flags.batch === 'dynamic') batch = 'dynamic';
  else if (/^\d+$/.test(flags.batch) && Number(flags.batch) >= 1) batch = Number(flags.batch);
  else throw new YlcError('bad-option', `--batch expects a positive integer or 'dynamic', got '${flags.batch}'`);
  if (!Number.isInteger(flags.imgsz) || flags.imgsz < 32 || flags.imgsz % 32 !== 0) {
    throw new YlcError('bad-option', `--imgsz expects a positive multiple of 32, got '${flags.imgsz}'`);
  }
  if (!Number.isInteger(flags.opset)) throw new YlcError('bad-option', `--opset expects an integer, got '${flags.opset}'`);
  return { form, imgsz: flags.imgsz, batch, opset: flags.opset };
}

/** Loads weights into a training-form model; ConvNeXt classifier checkpoints fill the backbone only. */
function loadWeightsInto(model: Model, file: string, weights: Weights, partial: boolean): string {
  if (isConvNeXtCheckpoint(weights.tensors)) {
    const { tensors, dropped } = remapConvNeXtCheckpoint(weights.tensors);
    const result = applyStateDict(model, tensors, { partial: true });
    const notLoaded = [...tensors.keys()].filter((k) => !result.loaded.includes(k));
    if (notLoaded.length && !partial) {
      throw new YlcError('bad-model', `${file}: ConvNeXt weights that do not fit the backbone: ${notLoaded.slice(0, 4).join(', ')}${notLoaded.length > 4 ? `, ... (+${notLoaded.length - 4} more)` : ''}`);
    }
    return `ConvNeXt backbone: ${result.loaded.length} tensors loaded, the head keeps its initialization; dropped ${dropped.length} classifier tensors (norm.*, head.*)`;
  }
  let result: ApplyResult;
  try {
    result = applyStateDict(model, weights.tensors, { partial });
  } catch (e) {
    throw e instanceof YlcError ? e.withContext(file) : e;
  }
  const skipped = result.skipped.filter((k) => !k.endsWith('.num_batches_tracked'));
  return `${result.loaded.length} tensors loaded${skipped.length ? `, ${skipped.length} skipped (${skipped.slice(0, 4).join(', ')}${skipped.length > 4 ? ', ...' : ''})` : ''}`;
}

/** Class names from a checkpoint, when they fit the model's nc (some checkpoints carry a stale list). */
function namesFor(nc: number, weights: Weights | undefined, notes: string[]): { names?: string[] } {
  if (!weights?.names) return {};
  if (weights.names.length === nc) return { names: weights.names };
  notes.push(`ignored its ${weights.names.length} class names (the model has nc=${nc})`);
  return {};
}

function describeModel(model: Model): string {
  const info = readDetectInfo(model, 'ylc');
  const s = summarizeModel(model);
  return `${readForm(model)} form, nc ${info.nc}, ${info.imgsz.join('x')}: ${formatCount(countParameters(model))} parameters, ${formatCount(s.nodeCount)} nodes`;
}

function finish(model: Model, form: 'train' | 'deploy', output: string, flags: OutputFlags, what?: string): void {
  const result = form === 'deploy' && readForm(model) !== 'deploy' ? toDeployForm(model, what) : model;
  saveModel(result, output, saveOptions(flags));
  say(`${describeModel(result)}; wrote ${output}`);
}

export function yoloCommands<T>(y: Argv<T>): Argv<T> {
  return y
    .command(
      'build',
      'build a YOLOv5-family model from a YAML config (a path or a built-in name)',
      (b) =>
        shapeOptions(outputOptions(b))
          .option('cfg', { type: 'string', demandOption: true, describe: 'YAML path or built-in: yolov5n|s|m|l|x, yolov5n|s|l_slim, yolov5_convnexts' })
          .option('nc', { type: 'number', describe: "number of classes (overrides the config's nc)" })
          .option('weights', { type: 'string', describe: 'weights to load: .pt/.pth (state_dict, checkpoint, ConvNeXt) or .safetensors' })
          .option('weights-partial', { type: 'boolean', default: false, describe: 'load the weights that match and report the rest' })
          .option('form', { choices: ['train', 'deploy'] as const, default: 'train' as const, describe: 'train: BN unfused, raw heads pred0..2; deploy: as export.py writes it' })
          .option('seed', { type: 'number', default: 0, describe: 'seed of the parameter initialization' })
          .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'output model' }),
      (argv) => {
        checkOutputPath(argv.output);
        const options = buildOptions(argv, 'train');
        if (argv.nc !== undefined && (!Number.isInteger(argv.nc) || argv.nc < 1)) throw new YlcError('bad-option', `--nc expects a positive integer, got '${argv.nc}'`);
        const cfg = loadConfig(argv.cfg);
        const weights = argv.weights ? readWeights(argv.weights) : undefined;
        const notes = [...(weights?.notes ?? [])];
        const nc = argv.nc ?? cfg.nc;
        const model = buildModel(cfg, { ...options, seed: argv.seed, nc, ...namesFor(nc, weights, notes) });
        if (weights && argv.weights) say(`weights ${argv.weights}: ${[...notes, loadWeightsInto(model, argv.weights, weights, argv['weights-partial'])].join('; ')}`);
        finish(model, argv.form, argv.output, argv);
      },
    )
    .command(
      'import <checkpoint>',
      'turn an official YOLOv5 checkpoint (.pt with its config) into a ylc model',
      (b) =>
        shapeOptions(outputOptions(b))
          .positional('checkpoint', { type: 'string', demandOption: true })
          .option('form', { choices: ['train', 'deploy'] as const, default: 'train' as const, describe: 'train (BN unfused) or deploy (as export.py writes it)' })
          .option('output', { alias: 'o', type: 'string', describe: 'output model (default: <checkpoint>.onnx)' }),
      (argv) => {
        const output = argv.output ?? path.join(path.dirname(argv.checkpoint), `${path.parse(argv.checkpoint).name}.onnx`);
        checkOutputPath(output);
        const options = buildOptions(argv, 'train');
        const weights = readWeights(argv.checkpoint);
        if (!weights.config) {
          throw new YlcError('bad-model', `${argv.checkpoint} holds weights but no model config (a state_dict); use: ylc build --cfg <yaml> --weights ${argv.checkpoint}`);
        }
        const cfg: YoloConfig = configFromDict(weights.config, `${argv.checkpoint}:model.yaml`);
        const notes = [...weights.notes];
        const model = buildModel(cfg, { ...options, ...namesFor(cfg.nc, weights, notes) });
        say(`weights ${argv.checkpoint}: ${[...notes, loadWeightsInto(model, argv.checkpoint, weights, false)].join('; ')}`);
        finish(model, argv.form, output, argv);
      },
    )
    .command(
      'export <model>',
      'write the deploy form as export.py does (BN folded, Detect decoded, output0, metadata stride/names)',
      (b) =>
        outputOptions(b)
          .positional('model', { type: 'string', demandOption: true })
          .option('dynamic', { type: 'boolean', default: false, describe: 'dynamic batch/height/width axes' })
          .option('opset', { type: 'number', describe: 'ai.onnx opset (default: the model’s)' })
          .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'output model' }),
      (argv) => {
        checkOutputPath(argv.output);
        const model = readModelFile(argv.model);
        const form = readForm(model);
        if (form === undefined) throw new YlcError('bad-model', `${argv.model}: not a model built by ylc (no 'ylc.form' metadata); build or import it first`);
        readDetectInfo(model, argv.model); // a corrupt 'ylc.detect' is said naming the file
        const wantsRebuild = argv.dynamic || (argv.opset !== undefined && argv.opset !== model.opset);
        let train = model;
        if (wantsRebuild) {
          if (form !== 'train') throw new YlcError('bad-option', `${argv.model} is already in deploy form: --dynamic/--opset need the training-form model`);
          train = rebuildModel(model, argv.model, { opset: argv.opset, batch: argv.dynamic ? 'dynamic' : undefined });
        }
        finish(train, 'deploy', argv.output, argv, argv.model);
      },
    )
    .command(
      'export-weights <model>',
      'write the weights with PyTorch state_dict names (.safetensors, or a .pt that torch.load reads)',
      (b) =>
        b
          .positional('model', { type: 'string', demandOption: true })
          .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'weights.safetensors or weights.pt' }),
      (argv) => {
        const ext = path.extname(argv.output).toLowerCase();
        if (!['.safetensors', '.pt', '.pth'].includes(ext)) {
          throw new YlcError('bad-option', `cannot tell the format of ${argv.output}: name it .safetensors, .pt or .pth`);
        }
        checkOutputPath(argv.output);
        const { tensors, skipped } = stateDictOf(readModelFile(argv.model), argv.model);
        if (ext === '.safetensors') writeSafetensors(argv.output, tensors, { format: 'pt' });
        else writeTorchStateDict(argv.output, tensors);
        const left = skipped.length ? ` (${skipped.length} initializers without a state_dict name (model.*) left out: ${skipped.slice(0, 4).join(', ')}${skipped.length > 4 ? ', ...' : ''})` : '';
        say(`${tensors.size} tensors${left}; wrote ${argv.output}`);
      },
    );
}
