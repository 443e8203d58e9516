/** Gather, Slice and Concat: ops that select or join elements along one axis. */
import { alloc, at, normalizeAxis, Refused, sizeOf, stridesOf, toIndices, type NdArray } from '../ndarray.js';
import { required, type Kernel } from './types.js';

export const Gather: Kernel = (inputs, ctx) => {
  const data = required(inputs, 0, ctx);
  const indices = required(inputs, 1, ctx);
  const rank = data.dims.length;
  const axis = normalizeAxis(ctx.node.attrInt('axis', 0), rank);
  const dim = data.dims[axis]!;
  const idx = toIndices(indices, 'indices').map((i) => {
    const j = i < 0 ? i + dim : i;
    if (j < 0 || j >= dim) throw new Refused(`index ${i} is out of range for axis ${axis} of size ${dim}`);
    return j;
  });
  const outer = sizeOf(data.dims.slice(0, axis));
  const inner = sizeOf(data.dims.slice(axis + 1));
  const out = alloc(data.dtype, [...data.dims.slice(0, axis), ...indices.dims, ...data.dims.slice(axis + 1)], ctx.limit);
  const src = at(data.data);
  const dst = at(out.data);
  let k = 0;
  for (let o = 0; o < outer; o++) {
    for (const j of idx) {
      const base = (o * dim + j) * inner;
      for (let i = 0; i < inner; i++) dst[k++] = src[base + i]!;
    }
  }
  return [out];
};

export const Concat: Kernel = (inputs, ctx) => {
  const parts = inputs.filter((a): a is NdArray => a !== undefined);
  const first = parts[0];
  if (!first) throw new Refused('Concat without inputs');
  const rank = first.dims.length;
  const axis = normalizeAxis(ctx.node.attrInt('axis', 0), rank);
  for (const p of parts) {
    if (p.dtype !== first.dtype) throw new Refused('Concat inputs differ in element type');
    if (p.dims.length !== rank || p.dims.some((d, i) => i !== axis && d !== first.dims[i])) {
      throw new Refused(`Concat inputs [${first.dims.join(',')}] and [${p.dims.join(',')}] differ off axis ${axis}`);
    }
  }
  const dims = [...first.dims];
  dims[axis] = parts.reduce((n, p) => n + p.dims[axis]!, 0);
  const out = alloc(first.dtype, dims, ctx.limit);
  const outer = sizeOf(first.dims.slice(0, axis));
  const dst = at(out.data);
  let k = 0;
  for (let o = 0; o < outer; o++) {
    for (const p of parts) {
      const chunk = sizeOf(p.dims.slice(axis));
      const src = at(p.data);
      for (let i = 0; i < chunk; i++) dst[k++] = src[o * chunk + i]!;
    }
  }
  return [out];
};

/** Slice's per-axis parameters after clamping, as the ONNX spec defines them. */
function sliceRange(start: number, end: number, step: number, dim: number): { start: number; count: number } {
  if (start < 0) start += dim;
  if (end < 0) end += dim;
  if (step > 0) {
    start = Math.min(Math.max(start, 0), dim);
    end = Math.min(Math.max(end, 0), dim);
    return { start, count: Math.max(0, Math.ceil((end - start) / step)) };
  }
  start = Math.min(Math.max(start, 0), dim - 1);
  end = Math.min(Math.max(end, -1), dim - 1);
  return { start, count: Math.max(0, Math.ceil((start - end) / -step)) };
}

export const Slice: Kernel = (inputs, ctx) => {
  const data = required(inputs, 0, ctx);
  const node = ctx.node;
  const rank = data.dims.length;
  // opset < 10 carries starts/ends/axes as attributes; later versions as inputs.
  const legacy = node.attrInts('starts') !== undefined;
  const starts = legacy ? node.attrInts('starts')! : toIndices(required(inputs, 1, ctx), 'starts');
  const ends = legacy ? node.attrInts('ends', []) : toIndices(required(inputs, 2, ctx), 'ends');
  const axesIn = legacy ? node.attrInts('axes') : inputs[3] && toIndices(inputs[3], 'axes');
  const stepsIn = legacy ? undefined : inputs[4] && toIndices(inputs[4], 'steps');
  const axes = axesIn ?? starts.map((_, i) => i);
  const steps = stepsIn ?? starts.map(() => 1);
  if (ends.length !== starts.length || axes.length !== starts.length || steps.length !== starts.length) {
    throw new Refused('Slice starts, ends, axes and steps differ in length');
  }
  const first = data.dims.map(() => 0);
  const step = data.dims.map(() => 1);
  const count = [...data.dims];
  const seen = new Set<number>();
  starts.forEach((s, i) => {
    const axis = normalizeAxis(axes[i]!, rank);
    if (seen.has(axis)) throw new Refused(`Slice repeats axis ${axis}`);
    seen.add(axis);
    const st = steps[i]!;
    if (st === 0) throw new Refused('Slice step 0');
    const r = sliceRange(s, ends[i]!, st, data.dims[axis]!);
    first[axis] = r.start;
    step[axis] = st;
    count[axis] = r.count;
  });
  const out = alloc(data.dtype, count, ctx.limit);
  const strides = stridesOf(data.dims);
  const src = at(data.data);
  const dst = at(out.data);
  const n = out.data.length;
  const counter = new Array<number>(rank).fill(0);
  let offset = first.reduce((acc, f, d) => acc + f * strides[d]!, 0);
  for (let k = 0; k < n; k++) {
    dst[k] = src[offset]!;
    for (let d = rank - 1; d >= 0; d--) {
      counter[d]!++;
      offset += step[d]! * strides[d]!;
      if (counter[d]! < count[d]!) break;
      offset -= step[d]! * strides[d]! * counter[d]!;
      counter[d] = 0;
    }
  }
  return [out];
};
