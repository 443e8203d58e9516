/**
 * The ylc library API: the same power as the CLI.
 *
 *   import { loadModel, runPipeline, saveModel } from 'ylc';
 *   const model = loadModel('yolov5n.onnx');
 *   await runPipeline(model, 'fold-bn,dce');
 *   saveModel(model, 'yolov5n_folded.onnx');
 */
export { decodeModel, encodeModel, loadModel, saveModel } from './ir/serde/index.js';
export { Model, type ModelFunction } from './ir/model.js';
export { Graph, Node, Value, type Use } from './ir/graph.js';
export { Tensor, type TensorStorage } from './ir/tensor.js';
export { AttrType, type Attribute } from './ir/attribute.js';
export { DataType, dataTypeName } from './ir/dtype.js';
export { tensorType, formatType, type ValueType, type TensorType, type Dim } from './ir/type.js';
export { YlcError, type YlcErrorCode } from './ir/errors.js';
export { verifyModel } from './ir/verify.js';
export { inferShapes } from './ir/shape-inference/index.js';
export { printModel } from './ir/text/print.js';
export { parseModel } from './ir/text/parse.js';
export { diffModels, unifiedDiff } from './ir/text/diff.js';
export { summarizeModel, type ModelSummary } from './ir/summary.js';
export { createSession, type Device } from './ir/runtime.js';
export { runPipeline, planPipeline, type PipelineRunOptions, type PipelineReport } from './passes/manager.js';
export { parsePipeline, printPipeline, type PipelineElement } from './passes/pipeline-text.js';
export { PASSES, findPass } from './passes/index.js';
export { definePass, type PassDeclaration, type PassContext, type PassResult } from './passes/pass.js';
export { countFlops } from './ir/flops.js';
export { buildModel, loadConfig, toDeployForm, applyStateDict, countParameters, stateDictOf } from './frontends/yolov5/index.js';
export { readWeights, readSafetensors, writeSafetensors, writeTorchStateDict } from './frontends/weights/index.js';
export { buildTrainingArtifacts, writeTrainingArtifacts, TrainingRun, yoloTrainingHooks, yoloBatch, YoloSchedule, readCheckpoint, type TrainingArtifacts, type TrainingManifest, type StepResult } from './training/index.js';
export { appendYoloLoss, yoloTargetFeeds, gradStep, loadHyp, rescaleHyp, type YoloLossOptions, type GradStepOptions, type GradStepResult, type Hyp } from './training/loss/index.js';
