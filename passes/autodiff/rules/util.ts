/** Helpers shared by the gradient rules. */
import type { Value } from '../../../ir/graph.js';
import type { GradBuilder } from '../builder.js';
import type { GradContext, GradRule } from '../rule.js';

/** Numpy broadcast of static shapes. */
export function broadcastShape(...shapes: ReadonlyArray<readonly number[]>): number[] {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let k = 0; k < rank; k++) {
    let d = 1;
    for (const s of shapes) {
      const e = s[s.length - rank + k] ?? 1;
      if (e !== 1) d = e;
    }
    out.push(d);
  }
  return out;
}

/**
 * Sums `g` (of shape `from`, the broadcast result) down to `to`, the shape of an input that was
 * broadcast: over the leading axes `to` lacks and over the axes where `to` has 1.
 */
export function reduceTo(b: GradBuilder, g: Value, from: readonly number[], to: readonly number[]): Value {
  const lead = from.length - to.length;
  const axes: number[] = [];
  for (let k = 0; k < from.length; k++) {
    if (k < lead) axes.push(k);
    else if (to[k - lead] === 1 && from[k] !== 1) axes.push(k);
  }
  if (axes.length === 0) return lead === 0 ? g : b.reshape(g, to);
  const r = b.reduceSum(g, axes, true);
  return lead === 0 ? r : b.reshape(r, to);
}

/**
 * Hands `gFull` (shape of output 0) to input i as its gradient, summed down to the input's shape
 * when it was broadcast.
 */
export function giReduced(g: GradContext, i: number, gFull: Value): void {
  g.GI(i, reduceTo(g.b, gFull, g.shape(g.O(0)), g.shape(g.I(i))));
}

export function product(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** Axis in [0, rank). */
export function normAxis(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}

/** Whether `v` is the output of a Constant node or an initializer (not a graph input). */
export function isConstant(v: Value): boolean {
  if (v.constValue !== undefined) return !v.isGraphInput();
  return v.producer()?.opType === 'Constant';
}

/** Piecewise-constant ops (Floor, Round, Sign, ...): zero gradient almost everywhere, as PyTorch's. */
export function zeroGradRule(op: string): GradRule {
  return {
    op,
    grad(g) {
      if (g.needs(0)) g.GI(0, g.b.zeros(g.shape(g.I(0)), g.dtype(g.I(0))));
    },
  };
}
