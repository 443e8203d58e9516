/** Shape and Size of a tensor whose dims are known statically. */
import { fromInt64s, sizeOf } from '../ndarray.js';
import type { ShapeKernel } from './types.js';

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

export const Shape: ShapeKernel = (dims, { node }) => {
  // opset 15: start/end select a slice of the shape, clamped like Slice.
  const rank = dims.length;
  let start = node.attrInt('start', 0);
  let end = node.attrInt('end', rank);
  if (start < 0) start += rank;
  if (end < 0) end += rank;
  start = clamp(start, 0, rank);
  end = clamp(end, 0, rank);
  const part = dims.slice(start, Math.max(start, end));
  return fromInt64s([part.length], part);
};

export const Size: ShapeKernel = (dims) => fromInt64s([], [sizeOf(dims)]);
