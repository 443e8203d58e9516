/** The TypeScript kernels of constant-fold, by ai.onnx op type. */
import { Add, Div, Equal, Max, Min, Mul, Pow, Sub } from './binary.js';
import { Expand, Where } from './broadcast.js';
import { Cast, CastLike } from './cast.js';
import { Constant, ConstantOfShape } from './constant.js';
import { Concat, Gather, Slice } from './gather.js';
import { Range } from './range.js';
import { ReduceProd, ReduceSum } from './reduce.js';
import { Flatten, Identity, Reshape, Squeeze, Unsqueeze } from './reshape.js';
import { Shape, Size } from './shape.js';
import { Transpose } from './transpose.js';
import type { Kernel, ShapeKernel } from './types.js';
import { Abs, Neg, Reciprocal, Sqrt } from './unary.js';

export type { Kernel, KernelContext, ShapeKernel } from './types.js';

export const KERNELS: ReadonlyMap<string, Kernel> = new Map<string, Kernel>([
  ['Constant', Constant],
  ['ConstantOfShape', ConstantOfShape],
  ['Identity', Identity],
  ['Reshape', Reshape],
  ['Unsqueeze', Unsqueeze],
  ['Squeeze', Squeeze],
  ['Flatten', Flatten],
  ['Gather', Gather],
  ['Concat', Concat],
  ['Slice', Slice],
  ['Transpose', Transpose],
  ['Expand', Expand],
  ['Where', Where],
  ['Cast', Cast],
  ['CastLike', CastLike],
  ['Range', Range],
  ['Add', Add],
  ['Sub', Sub],
  ['Mul', Mul],
  ['Div', Div],
  ['Pow', Pow],
  ['Min', Min],
  ['Max', Max],
  ['Equal', Equal],
  ['Neg', Neg],
  ['Abs', Abs],
  ['Sqrt', Sqrt],
  ['Reciprocal', Reciprocal],
  ['ReduceSum', ReduceSum],
  ['ReduceProd', ReduceProd],
]);

/** Ops folded from the static dims of their input, which need not be constant. */
export const SHAPE_KERNELS: ReadonlyMap<string, ShapeKernel> = new Map<string, ShapeKernel>([
  ['Shape', Shape],
  ['Size', Size],
]);
