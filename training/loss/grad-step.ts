/**
 * One train-mode step without the update, as `loss.backward()` sees it in YOLOv5: BatchNorm on
 * batch statistics (running stats updated as PyTorch does), the raw heads, ComputeLoss, and the
 * gradient of the total loss `(lbox + lobj + lcls) * bs` with respect to every parameter. The
 * parity tool behind `ylc grad` and the oracle of the training tests.
 *
 * The model (training form, static batch and image size) is rewritten in place:
 * batchNormToTraining, appendYoloLoss, the target inputs fixed to this batch's counts (the
 * backward graph is built for static shapes), appendBackward over every parameter (weights,
 * biases, BN gamma/beta, and the ones training freezes; not the running stats) with CIoU's alpha
 * and the objectness targets detached; then one ONNX Runtime run.
 */
import { DataType } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import type { Model } from '../../ir/model.js';
import { createSession, ort, type Device } from '../../ir/runtime.js';
import { encodeModel } from '../../ir/serde/index.js';
import { Tensor } from '../../ir/tensor.js';
import { staticDims, tensorType } from '../../ir/type.js';
import { readDetectInfo, readForm } from '../../frontends/yolov5/index.js';
import { appendBackward } from '../../passes/autodiff/index.js';
import { batchNormToTraining } from '../../passes/bn-train.js';
import { collectTrainable, parameterSlots } from '../params.js';
import type { Hyp } from './hyp.js';
import { appendYoloLoss, yoloTargetFeeds, type LossFeed } from './yolo-loss.js';

export interface FloatArray {
  readonly dims: readonly number[];
  readonly data: Float32Array;
}

export interface GradStepOptions {
  /** The hyp as ComputeLoss sees it (rescaled). */
  hyp: Hyp;
  device?: Device;
  threads?: number;
  /** ORT graph optimizations (default 'all'). */
  optimization?: 'disabled' | 'basic' | 'extended' | 'all';
  /** Fixed-capacity target inputs (appendYoloLoss `capacity`); default: this batch's exact counts. */
  capacity?: number | readonly number[];
}

export interface GradStepResult {
  loss: number;
  /** lbox, lobj, lcls. */
  items: [number, number, number];
  /**
   * `loss` [1], `loss_items` [3], the raw heads `pred0..`, `grad.<parameter>` for every parameter
   * and `after.<running_mean|running_var initializer>` (the running stats after the forward).
   */
  tensors: Map<string, Tensor>;
}

/**
 * The parameters a step differentiates: training/params.ts's collectTrainable, the optimizer
 * groups plus the frozen tensors, in initializer order. Training leaves the frozen ones out (train.py
 * hands them to no optimizer group: ConvNeXt's layer-scale gamma), but PyTorch's loss.backward()
 * still fills their `.grad`, and the goldens `ylc grad` is checked against hold those gradients.
 */
export function trainableParameters(model: Model): string[] {
  const set = collectTrainable(model);
  const names = new Set([...parameterSlots(set).map((s) => s.name), ...set.frozen.map((f) => f.name)]);
  return [...model.graph.initializers.keys()].filter((name) => names.has(name));
}

/** Gives the target inputs the static shapes of `feeds` (the backward graph needs static shapes). */
export function fixTargetShapes(model: Model, feeds: Readonly<Record<string, LossFeed>>): void {
  for (const input of model.graph.inputs) {
    const feed = feeds[input.name];
    if (!feed) continue;
    input.type = tensorType(feed.type === 'int64' ? DataType.INT64 : DataType.FLOAT, [...feed.dims]);
  }
}

/**
 * An ORT session that logs errors only, as training sessions do (training/session.ts): the
 * backward graph's static target shapes make ORT warn while merging shapes (`MergeShapeInfo`) on
 * every run, lines that say nothing to the user. When creation fails, `createSession` is asked,
 * for its one-line error (a missing execution provider says how to get it).
 */
async function createQuietSession(model: Model, options: GradStepOptions): Promise<ort.InferenceSession> {
  const bytes = encodeModel(model);
  const settings = { device: options.device, threads: options.threads, optimization: options.optimization ?? 'all' } as const;
  try {
    return await ort.InferenceSession.create(bytes, {
      executionProviders: [settings.device ?? 'cpu'],
      graphOptimizationLevel: settings.optimization,
      logSeverityLevel: 3,
      ...(settings.threads ? { intraOpNumThreads: settings.threads } : {}),
    });
  } catch {
    return createSession(bytes, settings);
  }
}

/** Runs one step on `images` [bs, ch, h, w] and `targets` [n, 6]; see the file header. */
export async function gradStep(model: Model, batch: { images: FloatArray; targets: FloatArray }, options: GradStepOptions): Promise<GradStepResult> {
  if (readForm(model) !== 'train') {
    throw new YlcError('bad-model', 'the model is not in training form (BatchNorm unfused, raw heads pred0..): build it with --form train, or import it');
  }
  const info = readDetectInfo(model, 'gradStep');
  const images = model.graph.inputs[0];
  const want = staticDims(images?.type);
  const got = batch.images.dims;
  if (!want || want.length !== got.length || want.some((d, k) => d !== got[k])) {
    throw new YlcError('bad-option', `the model takes images [${want?.map((d) => d ?? '?').join(', ') ?? '?'}], the batch holds [${got.join(', ')}]: build the model for this batch (--imgsz ${got[2]} --batch ${got[0]})`);
  }
  const wrt = trainableParameters(model);
  const { runningStats } = batchNormToTraining(model, {});
  const lossSpec = appendYoloLoss(model, { hyp: options.hyp, ...(options.capacity !== undefined ? { capacity: options.capacity } : {}) });
  const feeds = yoloTargetFeeds(model, batch.targets.data, { imageShape: got, targetsDims: batch.targets.dims });
  fixTargetShapes(model, feeds);
  const { gradients } = appendBackward(model, { loss: lossSpec.loss, wrt, stopGradient: lossSpec.stopGradient });

  const fetch = new Map<string, string>(); // output value name -> tensor name in the result
  fetch.set(lossSpec.loss, 'loss');
  fetch.set(lossSpec.items, 'loss_items');
  for (const h of info.heads) fetch.set(h, h);
  for (const [name, v] of gradients) fetch.set(v.name, `grad.${name}`);
  for (const [name, v] of runningStats) fetch.set(v.name, `after.${name}`);
  const byName = model.graph.valuesByName();
  for (const name of fetch.keys()) {
    const v = byName.get(name);
    if (!v) throw new Error(`internal error: value '${name}' to fetch is missing`);
    if (!model.graph.outputs.includes(v)) model.graph.outputs.push(v);
  }

  const session = await createQuietSession(model, options);
  try {
    const ortFeeds: Record<string, ort.Tensor> = { [images!.name]: new ort.Tensor('float32', batch.images.data, [...got]) };
    for (const [k, v] of Object.entries(feeds)) ortFeeds[k] = new ort.Tensor(v.type, v.data, [...v.dims]);
    const out = await session.run(ortFeeds, [...fetch.keys()]);
    const tensors = new Map<string, Tensor>();
    for (const [valueName, tensorName] of fetch) {
      const t = out[valueName]!;
      tensors.set(tensorName, Tensor.fromFloat32(t.dims, Float32Array.from(t.data as Float32Array), { name: tensorName }));
    }
    const items = tensors.get('loss_items')!.toFloat32();
    return { loss: tensors.get('loss')!.toFloat32()[0]!, items: [items[0]!, items[1]!, items[2]!], tensors };
  } finally {
    await session.release();
  }
}
