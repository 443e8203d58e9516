import type { GradContext } from '../rule.js';
import { normAxis } from './util.js';

/**
 * The reduced axes of a Reduce* node (attribute or, from ReduceSum-13 / the others at 18, input 1),
 * in [0, rank), and the output shape with those axes kept as 1; undefined for a no-op
 * (noop_with_empty_axes with no axes).
 */
export function reduction(g: GradContext): { axes: number[]; kept: number[] } | undefined {
  const x = g.I(0);
  const shape = g.shape(x);
  let axes: number[] | undefined;
  if (g.has(1)) {
    axes = g.ints(1);
    if (!axes) return g.fail('the axes input is not a constant');
  } else axes = g.node.attrInts('axes');
  if (!axes || axes.length === 0) {
    if (g.node.attrInt('noop_with_empty_axes', 0) === 1) return undefined;
    axes = shape.map((_, k) => k);
  }
  const norm = axes.map((a) => normAxis(a, shape.length));
  return { axes: norm, kept: shape.map((d, k) => (norm.includes(k) ? 1 : d)) };
}

/** Output gradient reshaped to the kept-dims shape, so it broadcasts against the input. */
export function keptGradient(g: GradContext, kept: readonly number[]) {
  const go = g.GO(0)!;
  return g.node.attrInt('keepdims', 1) === 1 ? go : g.b.reshape(go, kept);
}
