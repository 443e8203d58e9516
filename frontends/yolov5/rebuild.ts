/**
 * A built model rebuilt from the config it carries (`ylc.config` metadata, written by buildModel)
 * for another input shape or opset, in training form, with its weights: what `ylc export
 * --dynamic/--opset` and `ylc grad` need when the saved graph's axes do not fit.
 */
import { YlcError } from '../../ir/errors.js';
import type { Model } from '../../ir/model.js';
import { buildModel, type BuildOptions } from './build.js';
import { configFromDict, type YoloConfig } from './config.js';
import { META_CONFIG, readDetectInfo } from './metadata.js';
import { applyStateDict } from './state-dict.js';
import { stateDictOf } from './state-dict-export.js';

export interface RebuildOptions {
  /** Default: the size the model was built for. */
  imgsz?: number | readonly [number, number];
  /** Default: the model's batch. */
  batch?: number | 'dynamic';
  /** Default: the model's opset. */
  opset?: number;
}

/** `file`: where the model was read from, for messages. */
export function rebuildModel(model: Model, file: string, options: RebuildOptions = {}): Model {
  const info = readDetectInfo(model, file);
  const build: BuildOptions = {
    form: 'train',
    nc: info.nc,
    names: info.names,
    imgsz: options.imgsz ?? info.imgsz,
    batch: options.batch ?? info.batch,
    opset: options.opset ?? model.opset,
  };
  const rebuilt = buildModel(storedConfig(model, file), build);
  applyStateDict(rebuilt, stateDictOf(model, file).tensors);
  return rebuilt;
}

function storedConfig(model: Model, file: string): YoloConfig {
  const fail = (problem: string): never => {
    throw new YlcError(
      'bad-model',
      `${file}: cannot rebuild the model for a new input shape or opset: ${problem}; build it again from its YAML with its weights: ` +
        `ylc export-weights ${file} -o w.safetensors, then ylc build --cfg <yaml> --weights w.safetensors`,
    );
  };
  const text = model.getMetadata(META_CONFIG);
  if (text === undefined) return fail(`it has no '${META_CONFIG}' metadata (the config it was built from)`);
  let dict: unknown;
  try {
    dict = JSON.parse(text);
  } catch (e) {
    return fail(`metadata '${META_CONFIG}' is not valid JSON (${(e as Error).message})`);
  }
  if (typeof dict !== 'object' || dict === null || Array.isArray(dict)) return fail(`metadata '${META_CONFIG}' is not a JSON object`);
  return configFromDict(dict as Record<string, unknown>, `${file}:${META_CONFIG}`);
}
