/** Every gradient rule, one per ai.onnx op; the driver looks them up by op type. */
import type { GradRule } from '../rule.js';
import { absGrad } from './Abs.grad.js';
import { addGrad } from './Add.grad.js';
import { atanGrad } from './Atan.grad.js';
import { batchNormalizationGrad } from './BatchNormalization.grad.js';
import { castGrad } from './Cast.grad.js';
import { ceilGrad } from './Ceil.grad.js';
import { clipGrad } from './Clip.grad.js';
import { concatGrad } from './Concat.grad.js';
import { convGrad } from './Conv.grad.js';
import { divGrad } from './Div.grad.js';
import { dropoutGrad } from './Dropout.grad.js';
import { erfGrad } from './Erf.grad.js';
import { expGrad } from './Exp.grad.js';
import { expandGrad } from './Expand.grad.js';
import { flattenGrad } from './Flatten.grad.js';
import { floorGrad } from './Floor.grad.js';
import { gatherGrad } from './Gather.grad.js';
import { gatherElementsGrad } from './GatherElements.grad.js';
import { gatherNDGrad } from './GatherND.grad.js';
import { gemmGrad } from './Gemm.grad.js';
import { globalAveragePoolGrad } from './GlobalAveragePool.grad.js';
import { identityGrad } from './Identity.grad.js';
import { layerNormalizationGrad } from './LayerNormalization.grad.js';
import { leakyReluGrad } from './LeakyRelu.grad.js';
import { logGrad } from './Log.grad.js';
import { logSoftmaxGrad } from './LogSoftmax.grad.js';
import { matMulGrad } from './MatMul.grad.js';
import { maxGrad } from './Max.grad.js';
import { maxPoolGrad } from './MaxPool.grad.js';
import { minGrad } from './Min.grad.js';
import { mulGrad } from './Mul.grad.js';
import { negGrad } from './Neg.grad.js';
import { padGrad } from './Pad.grad.js';
import { powGrad } from './Pow.grad.js';
import { reciprocalGrad } from './Reciprocal.grad.js';
import { reduceMaxGrad } from './ReduceMax.grad.js';
import { reduceMeanGrad } from './ReduceMean.grad.js';
import { reduceSumGrad } from './ReduceSum.grad.js';
import { reduceSumSquareGrad } from './ReduceSumSquare.grad.js';
import { reluGrad } from './Relu.grad.js';
import { reshapeGrad } from './Reshape.grad.js';
import { resizeGrad } from './Resize.grad.js';
import { roundGrad } from './Round.grad.js';
import { sigmoidGrad } from './Sigmoid.grad.js';
import { signGrad } from './Sign.grad.js';
import { sliceGrad } from './Slice.grad.js';
import { softmaxGrad } from './Softmax.grad.js';
import { softplusGrad } from './Softplus.grad.js';
import { splitGrad } from './Split.grad.js';
import { sqrtGrad } from './Sqrt.grad.js';
import { squeezeGrad } from './Squeeze.grad.js';
import { subGrad } from './Sub.grad.js';
import { sumGrad } from './Sum.grad.js';
import { tanhGrad } from './Tanh.grad.js';
import { transposeGrad } from './Transpose.grad.js';
import { unsqueezeGrad } from './Unsqueeze.grad.js';
import { whereGrad } from './Where.grad.js';

export const GRAD_RULES: readonly GradRule[] = [
  absGrad,
  addGrad,
  atanGrad,
  batchNormalizationGrad,
  castGrad,
  ceilGrad,
  clipGrad,
  concatGrad,
  convGrad,
  divGrad,
  dropoutGrad,
  erfGrad,
  expGrad,
  expandGrad,
  flattenGrad,
  floorGrad,
  gatherGrad,
  gatherElementsGrad,
  gatherNDGrad,
  gemmGrad,
  globalAveragePoolGrad,
  identityGrad,
  layerNormalizationGrad,
  leakyReluGrad,
  logGrad,
  logSoftmaxGrad,
  matMulGrad,
  maxGrad,
  maxPoolGrad,
  minGrad,
  mulGrad,
  negGrad,
  padGrad,
  powGrad,
  reciprocalGrad,
  reduceMaxGrad,
  reduceMeanGrad,
  reduceSumGrad,
  reduceSumSquareGrad,
  reluGrad,
  reshapeGrad,
  resizeGrad,
  roundGrad,
  sigmoidGrad,
  signGrad,
  sliceGrad,
  softmaxGrad,
  softplusGrad,
  splitGrad,
  sqrtGrad,
  squeezeGrad,
  subGrad,
  sumGrad,
  tanhGrad,
  transposeGrad,
  unsqueezeGrad,
  whereGrad,
];

const seen = new Set<string>();
for (const r of GRAD_RULES) {
  if (seen.has(r.op)) throw new Error(`gradient rule for ${r.op} is registered twice`);
  seen.add(r.op);
}
