/** The YOLOv5 loss: hyperparameters, host-side target assignment, the loss graph. */
export { loadHyp, parseHyp, checkHyp, hypFromJson, rescaleHyp, builtinHypDir, BUILTIN_HYPS, LOSS_HYP_KEYS, type Hyp, type BuiltinHypName } from './hyp.js';
export { assignTargets, checkTargets, type LevelTargets, type TargetGeometry, type TargetOptions } from './targets.js';
export { gradStep, trainableParameters, fixTargetShapes, type GradStepOptions, type GradStepResult } from './grad-step.js';
export { appendYoloLoss, yoloTargetFeeds, targetCapacity, geometryOf, objBalance, META_LOSS, LOSS_OUTPUT, LOSS_ITEMS_OUTPUT, type YoloLoss, type YoloLossOptions, type LossFeed } from './yolo-loss.js';
