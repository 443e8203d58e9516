/** Constant (every value_* form) and ConstantOfShape. */
import { Tensor } from '../../../ir/tensor.js';
import { constantNodeTensor } from '../../util/constants.js';
import { alloc, at, fromTensor, toIndices, Unsupported } from '../ndarray.js';
import { required, type Kernel } from './types.js';

export const Constant: Kernel = (_inputs, { node }) => {
  const t = constantNodeTensor(node);
  if (!t) throw new Unsupported('Constant without a dense value_* attribute');
  return [t];
};

export const ConstantOfShape: Kernel = (inputs, ctx) => {
  const dims = toIndices(required(inputs, 0, ctx), 'shape');
  const attr = ctx.node.attrTensor('value');
  const fill = attr ? fromTensor(attr) : fromTensor(Tensor.fromFloat32([1], Float32Array.of(0)));
  if (fill.data.length !== 1) throw new Unsupported(`ConstantOfShape value with ${fill.data.length} elements`);
  const out = alloc(fill.dtype, dims, ctx.limit);
  const v = at(fill.data)[0]!;
  const o = at(out.data);
  for (let i = 0; i < out.data.length; i++) o[i] = v;
  return [out];
};

