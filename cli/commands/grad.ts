/**
 * `ylc grad`: one YOLOv5 train-mode step without the update, for parity with PyTorch.
 *
 *   ylc grad --model m.onnx | --cfg <yaml|name> [--nc N] [--weights w] --batch batch.safetensors
 *            [--hyp h.yaml] -o out.safetensors
 *
 * The batch file holds `input` [N, 3, H, W] and `targets` [n, 6] (image, class, x, y, w, h). The
 * output holds `loss`, `loss_items`, `pred0..`, `grad.<state_dict name>` for every parameter and
 * `after.<BN buffer>` running stats, the layout of the PyTorch goldens. The model is built (--cfg)
 * or rebuilt (--model, from the config it carries) for the batch's size when its input differs.
 * The hyp: a --hyp file (raw, rescaled as train.py does for nc, the image size and nl), else the
 * batch file's metadata `hyp` (JSON, already rescaled), else scratch-low rescaled.
 */
import * as path from 'node:path';
import type { Argv } from 'yargs';
import { YlcError } from '../../ir/errors.js';
import type { Model } from '../../ir/model.js';
import { DataType } from '../../ir/dtype.js';
import type { Tensor } from '../../ir/tensor.js';
import { staticDims } from '../../ir/type.js';
import { applyStateDict, buildModel, describeConfig, loadConfig, readDetectInfo, readForm, rebuildModel, MAX_BATCH, MAX_IMGSZ, type ApplyResult } from '../../frontends/yolov5/index.js';
import { readWeights, writeSafetensors } from '../../frontends/weights/index.js';
import { hypFromJson, loadHyp, rescaleHyp, type Hyp } from '../../training/loss/hyp.js';
import { gradStep } from '../../training/loss/grad-step.js';
import { checkTargets } from '../../training/loss/targets.js';
import { checkOutputPath, readModelFile } from '../io.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** More intra-op threads than this only oversubscribes the cores; far more makes ORT fail to allocate them. */
const MAX_THREADS = 1024;

export interface GradFlags {
  model?: string;
  cfg?: string;
  nc?: number;
  weights?: string;
  batch: string;
  hyp?: string;
  output: string;
  threads?: number;
}

export function gradCommand<T>(y: Argv<T>): Argv<T> {
  return y.command(
    'grad',
    'one YOLOv5 train-mode step without update: loss, items, raw heads, every parameter gradient, BN running stats (.safetensors)',
    (b) =>
      b
        .option('model', { type: 'string', describe: 'training-form model (ylc build / ylc import)' })
        .option('cfg', { type: 'string', describe: 'or build from a YAML config (a path or a built-in name)' })
        .option('nc', { type: 'number', describe: "with --cfg: number of classes (default: the config's)" })
        .option('weights', { type: 'string', describe: 'weights to load: .pt/.pth or .safetensors (a golden file\'s weight.* tensors too)' })
        .option('batch', { type: 'string', demandOption: true, describe: 'safetensors with input [N,3,H,W] and targets [n,6] (image, class, x, y, w, h)' })
        .option('hyp', { type: 'string', describe: 'hyp YAML (path or scratch-low|med|high|convnext), rescaled as train.py does; default: the batch metadata hyp, else scratch-low' })
        .option('threads', { type: 'number', describe: `ONNX Runtime intra-op threads, 1 to ${MAX_THREADS} (default: one per core)` })
        .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'output .safetensors' })
        .check((argv) => {
          if (argv.model === undefined && argv.cfg === undefined) throw new YlcError('bad-option', 'name the model: --model m.onnx or --cfg <yaml|name>');
          if (argv.model !== undefined && argv.cfg !== undefined) throw new YlcError('bad-option', '--model and --cfg exclude each other');
          if (argv.model !== undefined && argv.nc !== undefined) throw new YlcError('bad-option', '--nc goes with --cfg (a saved model has its nc)');
          return true;
        }),
    async (argv) => gradFile(argv as unknown as GradFlags),
  );
}

interface Batch {
  images: Tensor;
  targets: Tensor;
  hyp?: Hyp;
}

function readBatch(file: string): Batch {
  const { tensors, metadata } = readWeights(file);
  if (!metadata) throw new YlcError('bad-model', `${file}: not a safetensors file (the batch: input [N, 3, H, W], targets [n, 6])`);
  const images = tensors.get('input');
  const targets = tensors.get('targets');
  if (!images) throw new YlcError('bad-model', `${file}: no 'input' tensor (the images, [N, 3, H, W])`);
  if (!targets) throw new YlcError('bad-model', `${file}: no 'targets' tensor ([n, 6] rows image, class, x, y, w, h)`);
  if (images.dims.length !== 4 || images.dtype !== DataType.FLOAT) {
    throw new YlcError('bad-model', `${file}: 'input' must be float32 [N, 3, H, W], got ${images.describe()}`);
  }
  if (targets.dims.length !== 2 || targets.dims[1] !== 6 || targets.dtype !== DataType.FLOAT) {
    throw new YlcError('bad-model', `${file}: 'targets' must be float32 [n, 6], got ${targets.describe()}`);
  }
  checkFinite(file, images);
  let hyp: Hyp | undefined;
  try {
    hyp = metadata.hyp !== undefined ? hypFromJson(metadata.hyp, `${file}: metadata hyp`) : undefined;
  } catch (e) {
    // A bad hyp in the batch file is bad input (exit 1), not a usage error.
    throw e instanceof YlcError ? new YlcError('bad-model', e.message) : e;
  }
  return { images, targets, ...(hyp ? { hyp } : {}) };
}

/** A NaN or infinity in the images would give a NaN loss and gradients, written as if fine. */
function checkFinite(file: string, images: Tensor): void {
  const data = images.toFloat32();
  const bad = data.findIndex((v) => !Number.isFinite(v));
  if (bad < 0) return;
  const index: number[] = [];
  for (let k = images.dims.length - 1, rest = bad; k >= 0; k--) {
    index.unshift(rest % images.dims[k]!);
    rest = Math.floor(rest / images.dims[k]!);
  }
  throw new YlcError('bad-model', `${file}: tensor 'input' holds ${data[bad]} at [${index.join(', ')}] (element ${bad}); the images must be finite numbers`);
}

/** The weights of a file; a golden's `weight.<name>` tensors are taken under `<name>`. */
function readStateDict(file: string): Map<string, Tensor> {
  const { tensors } = readWeights(file);
  const prefixed = [...tensors.keys()].filter((k) => k.startsWith('weight.'));
  if (prefixed.length > 0 && ![...tensors.keys()].some((k) => k.startsWith('model.'))) {
    return new Map(prefixed.map((k) => [k.slice('weight.'.length), tensors.get(k)!]));
  }
  return tensors;
}

/** The model's name in messages: its file, or its config. */
function modelName(flags: GradFlags): string {
  return flags.model ?? flags.cfg!;
}

function sameShape(model: Model, dims: readonly number[]): boolean {
  const want = staticDims(model.graph.inputs[0]?.type);
  return want !== undefined && want.length === dims.length && want.every((d, k) => d === dims[k]);
}

/**
 * The model is built or rebuilt for the batch's shape, so a shape it cannot take is the batch
 * file's fault: said here, naming the file, before a build would blame --imgsz or --batch.
 */
function checkImageShape(file: string, dims: readonly number[], ch: number, stride: number): void {
  const [n, c, h, w] = dims as [number, number, number, number];
  const side = (x: number): boolean => x >= stride && x <= MAX_IMGSZ && x % stride === 0;
  if (n >= 1 && n <= MAX_BATCH && c === ch && side(h) && side(w)) return;
  throw new YlcError(
    'bad-model',
    `${file}: tensor 'input' is [${dims.join(',')}]; images must be [N,${ch},H,W] with N from 1 to ${MAX_BATCH} and H, W multiples of ${stride} (the model's stride) up to ${MAX_IMGSZ}`,
  );
}

/** The training-form model of --model/--cfg for the batch in `batchFile`, with --weights loaded. */
function modelFor(flags: GradFlags, batchFile: string, dims: readonly number[]): Model {
  const [bs, , h, w] = dims as [number, number, number, number];
  let model: Model;
  if (flags.cfg !== undefined) {
    if (flags.nc !== undefined && (!Number.isInteger(flags.nc) || flags.nc < 1)) throw new YlcError('bad-option', `--nc expects a positive integer, got '${flags.nc}'`);
    const cfg = loadConfig(flags.cfg);
    checkImageShape(batchFile, dims, cfg.ch, describeConfig(cfg).maxStride);
    model = buildModel(cfg, { form: 'train', imgsz: [h, w], batch: bs, ...(flags.nc !== undefined ? { nc: flags.nc } : {}) });
  } else {
    const file = flags.model!;
    model = readModelFile(file);
    const form = readForm(model);
    if (form !== 'train') {
      throw new YlcError(
        'bad-model',
        `${file}: ${form === 'deploy' ? 'a model in deploy form (BatchNorm folded, Detect decoded)' : 'not a model built by ylc (no ylc.form metadata)'} is not in training form; give the training form (ylc build --form train, ylc import)`,
      );
    }
    const ch = staticDims(model.graph.inputs[0]?.type)?.[1];
    if (typeof ch !== 'number') throw new YlcError('bad-model', `${file}: the model's input has no channel count (a ylc-built model's is [N, 3, H, W])`);
    checkImageShape(batchFile, dims, ch, Math.max(...readDetectInfo(model, file).strides));
    if (!sameShape(model, dims)) model = rebuildModel(model, file, { imgsz: [h, w], batch: bs });
  }
  if (flags.weights !== undefined) {
    let result: ApplyResult;
    try {
      result = applyStateDict(model, readStateDict(flags.weights));
    } catch (e) {
      throw e instanceof YlcError ? e.withContext(flags.weights) : e;
    }
    say(`weights ${flags.weights}: ${result.loaded.length} tensors loaded`);
  }
  return model;
}

function hypFor(flags: GradFlags, batch: Batch, model: Model): { hyp: Hyp; source: string } {
  const info = readDetectInfo(model, modelName(flags));
  const [, , h, w] = batch.images.dims as [number, number, number, number];
  const scale = (raw: Hyp): Hyp => rescaleHyp(raw, { nc: info.nc, imgsz: Math.max(h, w), nl: info.heads.length });
  if (flags.hyp !== undefined) return { hyp: scale(loadHyp(flags.hyp)), source: `${flags.hyp}, rescaled` };
  if (batch.hyp) return { hyp: batch.hyp, source: 'the batch metadata (as given)' };
  return { hyp: scale(loadHyp('scratch-low')), source: 'scratch-low, rescaled' };
}

export async function gradFile(flags: GradFlags): Promise<void> {
  if (path.extname(flags.output).toLowerCase() !== '.safetensors') {
    throw new YlcError('bad-option', `-o ${flags.output}: ylc grad writes a .safetensors file`);
  }
  checkOutputPath(flags.output);
  if (flags.threads !== undefined && (!Number.isInteger(flags.threads) || flags.threads < 1 || flags.threads > MAX_THREADS)) {
    throw new YlcError('bad-option', `--threads expects an integer from 1 to ${MAX_THREADS} (ONNX Runtime intra-op threads; default one per core), got '${flags.threads}'`);
  }
  const batch = readBatch(flags.batch);
  const model = modelFor(flags, flags.batch, batch.images.dims);
  const { hyp, source } = hypFor(flags, batch, model);
  try {
    checkTargets(batch.targets.toFloat32(), batch.targets.dims, { batchSize: batch.images.dims[0]!, nc: readDetectInfo(model, modelName(flags)).nc }, `${flags.batch}: targets`);
  } catch (e) {
    // Bad rows in the batch file are bad input (exit 1), not a usage error.
    throw e instanceof YlcError ? new YlcError('bad-model', e.message) : e;
  }
  const result = await gradStep(
    model,
    { images: { dims: batch.images.dims, data: batch.images.toFloat32() }, targets: { dims: batch.targets.dims, data: batch.targets.toFloat32() } },
    { hyp, ...(flags.threads !== undefined ? { threads: flags.threads } : {}) },
  );
  writeSafetensors(flags.output, result.tensors, { hyp: JSON.stringify(hyp), note: 'ylc grad: one train-mode step, YOLOv5 v7.0 ComputeLoss; loss = (lbox + lobj + lcls) * bs' });
  const keys = [...result.tensors.keys()];
  const [lbox, lobj, lcls] = result.items;
  say(`hyp: ${source}`);
  say(
    `loss ${result.loss.toPrecision(6)} (lbox ${lbox.toPrecision(6)}, lobj ${lobj.toPrecision(6)}, lcls ${lcls.toPrecision(6)}); ` +
      `${keys.filter((k) => k.startsWith('grad.')).length} gradients, ${keys.filter((k) => k.startsWith('after.')).length} running stats; wrote ${flags.output}`,
  );
}
