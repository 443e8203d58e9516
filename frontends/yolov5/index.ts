/**
 * The YOLOv5 frontend: YOLOv5-format YAML configs -> ylc IR models (training or deploy form),
 * PyTorch state_dicts -> their initializers, and the training -> deploy conversion.
 */
export { loadConfig, parseConfig, configFromDict, BUILTIN_CONFIGS, MAX_NC, MAX_DEPTH, MAX_ANCHORS, builtinConfigDir, type YoloConfig, type LayerConfig, type BuiltinConfigName } from './config.js';
export { buildModel, describeConfig, DEFAULT_OPSET, MAX_BATCH, MAX_IMGSZ, MAX_PARAMETERS, type BuildOptions } from './build.js';
export { toDeployForm, foldBatchNorms } from './deploy.js';
export { applyStateDict, countParameters, type ApplyResult } from './state-dict.js';
export { type DetectInfo } from './detect.js';
export { META_FORM, META_DETECT, META_CONFIG, readDetectInfo, readForm, pyNamesRepr, type ModelForm } from './metadata.js';
export { stateDictOf, type ExportedStateDict } from './state-dict-export.js';
export { rebuildModel, type RebuildOptions } from './rebuild.js';
