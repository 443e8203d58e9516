/**
 * What a gradient rule sees (after ORT `gradient_builder.cc` and tfjs-core `gradients/*_grad.ts`):
 * the forward node's inputs `I(i)`, outputs `O(i)`, the gradients reaching its outputs `GO(i)`,
 * `needs(i)` (does a gradient of input i lie on a path from the parameters to the loss), and
 * `GI(i, g)` to hand back the gradient of input i. Rules emit standard ONNX ops through `b`.
 *
 * Shapes are static: `shape(v)` gives the dims of a forward value (shape inference ran before the
 * rules) and fails, naming the node, when one is unknown. A rule must give a GI for every input it
 * is asked about (`needs(i)` true); the driver checks it.
 */
import type { DataType } from '../../ir/dtype.js';
import type { Node, Value } from '../../ir/graph.js';
import type { GradBuilder } from './builder.js';

export interface GradContext {
  readonly node: Node;
  readonly b: GradBuilder;
  readonly opset: number;
  /** Input i (throws when absent). */
  I(i: number): Value;
  /** Whether optional input i is present. */
  has(i: number): boolean;
  O(i: number): Value;
  /** The gradient of output i, or undefined when none reaches it (it is zero). */
  GO(i: number): Value | undefined;
  /**
   * The gradient of output i as it is accumulated: when every part of it has a shape that only
   * broadcasts to the output's (ReduceMean gradients), their sum unexpanded with `broadcast`
   * true, for rules that multiply it into a full-size tensor anyway; else GO(i).
   */
  GOb(i: number): { value: Value; broadcast: boolean } | undefined;
  /** The gradient of output i, zeros when none reaches it. */
  GOz(i: number): Value;
  /** Whether the gradient of input i is wanted. */
  needs(i: number): boolean;
  /**
   * Hands back the gradient of input i. With `broadcast`, `g` has a shape that broadcasts to the
   * input's (e.g. [1, C, 1, 1] for a [N, C, H, W] input): the driver adds it to the other
   * gradients of that value by broadcasting, and expands it only when it is the only one.
   */
  GI(i: number, g: Value, options?: { broadcast?: boolean }): void;
  /**
   * Declares input i's gradient accounted for without a contribution: a rule that differentiates
   * through the input's producer itself (SiLU through its Sigmoid) gives the producer nothing.
   */
  handled(i: number): void;
  /** Static dims of a forward value. */
  shape(v: Value): number[];
  dtype(v: Value): DataType;
  /** The values of a constant integer input (Reshape shape, Slice starts, axes, ...), or undefined. */
  ints(i: number): number[] | undefined;
  /** The values of a constant float input (Pow exponent, Clip bounds), or undefined. */
  floats(i: number): number[] | undefined;
  /** A YlcError naming this node. */
  fail(message: string): never;
}

export interface GradRule {
  /** The ai.onnx op type. */
  readonly op: string;
  grad(g: GradContext): void;
}
