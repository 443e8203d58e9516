/** Ops that change only the dims: Reshape, Unsqueeze, Squeeze, Flatten, and Identity. */
import type { Node } from '../../../ir/graph.js';
import { normalizeAxis, Refused, sizeOf, toIndices, type NdArray } from '../ndarray.js';
import { required, type Kernel } from './types.js';

function withDims(a: NdArray, dims: readonly number[]): NdArray {
  if (sizeOf(dims) !== a.data.length) throw new Refused(`cannot reshape ${a.data.length} elements to [${dims.join(',')}]`);
  return { dtype: a.dtype, dims: [...dims], data: a.data.slice() };
}

/** `axes` from the attribute (older opsets) or from the input at `index` (opset 13+); undefined when neither. */
export function axesOf(node: Node, inputs: ReadonlyArray<NdArray | undefined>, index: number): number[] | undefined {
  const attr = node.attrInts('axes');
  if (attr) return attr;
  const a = inputs[index];
  return a ? toIndices(a, 'axes') : undefined;
}

export const Identity: Kernel = (inputs, ctx) => {
  const a = required(inputs, 0, ctx);
  return [withDims(a, a.dims)];
};

export const Reshape: Kernel = (inputs, ctx) => {
  const a = required(inputs, 0, ctx);
  const requested = ctx.node.attrInts('shape') ?? toIndices(required(inputs, 1, ctx), 'shape');
  const allowZero = ctx.node.attrInt('allowzero', 0) !== 0;
  const dims = requested.map((d, i) => {
    if (d !== 0 || allowZero) return d;
    const copied = a.dims[i];
    if (copied === undefined) throw new Refused(`shape entry ${i} is 0 but the input has rank ${a.dims.length}`);
    return copied;
  });
  const inferred = dims.filter((d) => d === -1).length;
  if (inferred > 1) throw new Refused('shape has more than one -1');
  if (dims.some((d) => d < -1)) throw new Refused(`invalid shape [${dims.join(',')}]`);
  if (inferred === 1) {
    const known = sizeOf(dims.filter((d) => d !== -1));
    if (known === 0 || a.data.length % known !== 0) throw new Refused(`cannot infer -1 reshaping ${a.data.length} elements to [${dims.join(',')}]`);
    dims[dims.indexOf(-1)] = a.data.length / known;
  }
  return [withDims(a, dims)];
};

export const Unsqueeze: Kernel = (inputs, ctx) => {
  const a = required(inputs, 0, ctx);
  const axes = axesOf(ctx.node, inputs, 1);
  if (!axes) throw new Refused('Unsqueeze without axes');
  const rank = a.dims.length + axes.length;
  const set = new Set(axes.map((x) => normalizeAxis(x, rank)));
  if (set.size !== axes.length) throw new Refused(`axes [${axes.join(',')}] repeat an axis`);
  const dims: number[] = [];
  let k = 0;
  for (let i = 0; i < rank; i++) dims.push(set.has(i) ? 1 : a.dims[k++]!);
  return [withDims(a, dims)];
};

export const Squeeze: Kernel = (inputs, ctx) => {
  const a = required(inputs, 0, ctx);
  // An empty axes input means "not given", as in ONNX Runtime: squeeze every dim of size 1.
  const listed = axesOf(ctx.node, inputs, 1);
  const axes = listed && listed.length > 0 ? listed : undefined;
  const rank = a.dims.length;
  const drop = new Set(axes ? axes.map((x) => normalizeAxis(x, rank)) : a.dims.flatMap((d, i) => (d === 1 ? [i] : [])));
  for (const i of drop) if (a.dims[i] !== 1) throw new Refused(`cannot squeeze axis ${i} of size ${a.dims[i]}`);
  return [withDims(a, a.dims.filter((_, i) => !drop.has(i)))];
};

export const Flatten: Kernel = (inputs, ctx) => {
  const a = required(inputs, 0, ctx);
  const rank = a.dims.length;
  let axis = ctx.node.attrInt('axis', 1);
  if (axis < 0) axis += rank;
  if (axis < 0 || axis > rank) throw new Refused(`axis ${ctx.node.attrInt('axis', 1)} is out of range for rank ${rank}`);
  return [withDims(a, [sizeOf(a.dims.slice(0, axis)), sizeOf(a.dims.slice(axis))])];
};
