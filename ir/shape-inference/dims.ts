/**
 * Dimension arithmetic for shape inference. A dim is a known size, a symbolic name (`param`) or
 * unknown. Rules never share Dim objects between values: the driver copies them on write.
 */
import type { Dim } from '../type.js';

export const dimOf = (value: number): Dim => ({ value });
export const unknownDim = (): Dim => ({});

/** A dim that carries the same information as `d`, without its denotation. */
export function copyDim(d: Dim | undefined): Dim {
  if (d?.value !== undefined) return { value: d.value };
  if (d?.param !== undefined) return { param: d.param };
  return {};
}

/** true: certainly the same size; false: certainly different; undefined: cannot tell. */
export function sameDim(a: Dim, b: Dim): boolean | undefined {
  if (a.value !== undefined && b.value !== undefined) return a.value === b.value;
  if (a.param !== undefined && a.param === b.param) return true;
  return undefined;
}

/** Product of known dims; undefined when any dim is not a known number. */
export function knownProduct(dims: readonly Dim[]): number | undefined {
  let n = 1;
  for (const d of dims) {
    if (d.value === undefined) return undefined;
    n *= d.value;
  }
  return n;
}

/** `d op k` for a known int `k`, keeping symbolic dims where the operation is the identity. */
export function dimArith(a: Dim, b: Dim, op: '+' | '-' | '*' | '/'): Dim {
  if (a.value !== undefined && b.value !== undefined) {
    switch (op) {
      case '+':
        return dimOf(a.value + b.value);
      case '-':
        return dimOf(a.value - b.value);
      case '*':
        return dimOf(a.value * b.value);
      case '/':
        // Integer division truncates toward zero (C semantics, as ONNX Runtime computes it).
        return b.value === 0 ? unknownDim() : dimOf(Math.trunc(a.value / b.value));
    }
  }
  if ((op === '+' || op === '-') && b.value === 0) return copyDim(a);
  if (op === '+' && a.value === 0) return copyDim(b);
  if ((op === '*' || op === '/') && b.value === 1) return copyDim(a);
  if (op === '*' && a.value === 1) return copyDim(b);
  return unknownDim();
}

/**
 * Multidirectional (numpy) broadcasting. Returns the result shape, or the axis (counted from the
 * right, 0 = last) where two known sizes disagree.
 */
export function broadcastShapes(shapes: ReadonlyArray<readonly Dim[]>): Dim[] | { conflictAxis: number } {
  let rank = 0;
  for (const s of shapes) rank = Math.max(rank, s.length);
  const out = new Array<Dim>(rank);
  for (let k = 0; k < rank; k++) {
    let known: number | undefined;
    const symbolic: Dim[] = [];
    for (const s of shapes) {
      const d = s[s.length - 1 - k];
      if (d === undefined) continue;
      if (d.value !== undefined) {
        if (d.value === 1) continue;
        if (known !== undefined && known !== d.value) return { conflictAxis: k };
        known = d.value;
      } else symbolic.push(d);
    }
    let result: Dim;
    if (known !== undefined) result = dimOf(known);
    else if (symbolic.length === 0) result = dimOf(1);
    else if (symbolic.every((d) => d.param !== undefined && d.param === symbolic[0]!.param)) result = copyDim(symbolic[0]);
    else result = unknownDim();
    out[rank - 1 - k] = result;
  }
  return out;
}

/** Normalizes a possibly negative axis against `rank`; undefined when out of range. */
export function normalizeAxis(axis: number, rank: number): number | undefined {
  const a = axis < 0 ? axis + rank : axis;
  return a >= 0 && a < rank ? a : undefined;
}

export function formatShape(shape: readonly Dim[] | undefined): string {
  if (shape === undefined) return '[?]';
  return `[${shape.map((d) => (d.value !== undefined ? String(d.value) : (d.param ?? '?'))).join(',')}]`;
}
