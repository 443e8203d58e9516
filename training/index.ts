/** Training through ONNX Runtime: artifacts, optimizers as graphs, the train.py schedule, checkpoints, the runtime. */
export {
  buildTrainingArtifacts,
  writeTrainingArtifacts,
  readManifest,
  checkTrainingForm,
  ARTIFACT_FILES,
  type ArtifactOptions,
  type TrainingArtifacts,
  type TrainingHooks,
  type TrainingManifest,
  type LossParts,
} from './artifacts.js';
export { TrainingRun, type TrainingRunOptions, type Batch, type StepResult, type EvalResult } from './runtime.js';
export { yoloTrainingHooks, yoloBatch, benchTargets, type YoloHookOptions } from './yolo.js';
export { YoloSchedule, optimizerHyp, emaDecay, type OptimizerKind, type OptimizerHyp, type ScheduleOptions, type IterationHyper } from './schedule.js';
export { collectTrainable, GROUPS, type ParamGroup, type TrainableSet } from './params.js';
export { readCheckpoint, writeCheckpoint, checkpointKeys, type CheckpointMeta } from './checkpoint.js';
export { benchTrain, type BenchTrainOptions, type BenchTrainReport } from './bench.js';
