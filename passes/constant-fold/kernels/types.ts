/** What a constant-folding kernel is; kernels throw Unsupported (try ONNX Runtime) or Refused (do not fold). */
import type { Node } from '../../../ir/graph.js';
import type { Tensor } from '../../../ir/tensor.js';
import { Refused, type NdArray } from '../ndarray.js';

export interface KernelContext {
  readonly node: Node;
  /** The model's ai.onnx opset version. */
  readonly opset: number;
  /** Most elements an output may have. */
  readonly limit: number;
}

/** Computes a node's outputs from its inputs (undefined: absent optional input), in output order. */
export type Kernel = (inputs: ReadonlyArray<NdArray | undefined>, ctx: KernelContext) => Array<NdArray | Tensor>;

/** Computes a node's single output from the static dims of its first input (Shape, Size). */
export type ShapeKernel = (dims: readonly number[], ctx: KernelContext) => NdArray;

/**
 * The i-th input, refusing when absent: ONNX defines no result for a node missing a required
 * input (ONNX Runtime would not load it either), so there is nothing to fold.
 */
export function required(inputs: ReadonlyArray<NdArray | undefined>, i: number, ctx: KernelContext): NdArray {
  const a = inputs[i];
  if (!a) throw new Refused(`input ${i} of ${ctx.node.opType} is required but absent`);
  return a;
}
