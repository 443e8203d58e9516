/**
 * The training-step goldens of test/fixtures (one train-mode step of YOLOv5 v7.0 in PyTorch: input,
 * targets, raw heads, loss, items, every parameter gradient, BN running stats after the forward),
 * with the model they were recorded on, built by ylc and loaded with their weights.
 */
import * as fs from 'node:fs';
import { loadModel } from '../../ir/serde/index.js';
import type { Model } from '../../ir/model.js';
import type { Tensor } from '../../ir/tensor.js';
import { applyStateDict, buildModel, loadConfig, parseConfig, type YoloConfig } from '../../frontends/yolov5/index.js';
import { hypFromJson, type Hyp } from '../../training/loss/hyp.js';
import { readSafetensorsFile } from './yolov5-fixtures.js';

export const FIXTURES = 'test/fixtures';
export const LOSS_GOLDENS = ['yolov5n', 'convnext_tiny_a', 'yolov5n_slim_pruned'] as const;
export type LossGoldenName = (typeof LOSS_GOLDENS)[number];

export interface LossGolden {
  readonly name: LossGoldenName;
  readonly file: string;
  readonly tensors: Map<string, Tensor>;
  readonly metadata: Record<string, string>;
  readonly cfg: YoloConfig;
  /** The config's path, or built-in name. */
  readonly cfgArg: string;
  readonly nc: number;
  readonly imgsz: number;
  readonly batch: number;
  readonly hyp: Hyp;
  /** The weights the step ran with, under state_dict names (anchors included). */
  readonly stateDict: Map<string, Tensor>;
}

export function goldenFile(name: LossGoldenName): string {
  return name === 'yolov5n' ? `${FIXTURES}/golden_train_step.safetensors` : `${FIXTURES}/goldens/golden_${name}.safetensors`;
}

export function loadLossGolden(name: LossGoldenName): LossGolden {
  const file = goldenFile(name);
  const { tensors, metadata } = readSafetensorsFile(file);
  const input = tensors.get('input')!;
  const stateDict = new Map<string, Tensor>();
  for (const [k, v] of tensors) if (k.startsWith('weight.')) stateDict.set(k.slice('weight.'.length), v);
  let cfg: YoloConfig;
  let cfgArg: string;
  let nc: number;
  if (name === 'yolov5n') {
    // The weights are those of yolov5n_640_bn.onnx, found through the metadata map (the export dedupes equal tensors).
    const onnx = loadModel(`${FIXTURES}/yolov5n_640_bn.onnx`);
    const map = JSON.parse(metadata.state_dict_to_onnx_initializer!) as Record<string, string>;
    for (const [key, init] of Object.entries(map)) stateDict.set(key, onnx.graph.initializers.get(init)!.constValue!);
    cfgArg = 'yolov5n';
    cfg = loadConfig(cfgArg);
    nc = 80;
  } else {
    cfgArg = `${FIXTURES}/goldens/${name}.yaml`;
    cfg = parseConfig(fs.readFileSync(cfgArg, 'utf8'), `${name}.yaml`, cfgArg);
    nc = Number(metadata.nc);
  }
  return {
    name,
    file,
    tensors,
    metadata,
    cfg,
    cfgArg,
    nc,
    imgsz: input.dims[2]!,
    batch: input.dims[0]!,
    hyp: hypFromJson(metadata.hyp!, `${file} metadata`),
    stateDict,
  };
}

/** The training-form model of a golden, sized for its batch, with its weights. */
export function goldenTrainModel(g: LossGolden): Model {
  const model = buildModel(g.cfg, { form: 'train', nc: g.nc, imgsz: g.imgsz, batch: g.batch });
  const { skipped } = applyStateDict(model, g.stateDict);
  if (skipped.length) throw new Error(`${g.name}: weights skipped: ${skipped.join(', ')}`);
  return model;
}
