import { expect, it } from 'vitest';
import { Tensor } from '../../ir/tensor.js';
import { isConvNeXtCheckpoint, remapConvNeXtCheckpoint } from './convnext.js';

it('maps official ConvNeXt keys to the YOLOv5-Light backbone names and drops the classifier', () => {
  const keys = [
    'downsample_layers.0.0.weight',
    'downsample_layers.0.1.bias',
    'downsample_layers.1.0.weight',
    'downsample_layers.3.1.bias',
    'stages.0.0.dwconv.weight',
    'stages.2.26.gamma',
    'stages.3.2.pwconv2.bias',
    'norm.weight',
    'head.bias',
  ];
  const tensors = new Map(keys.map((k) => [k, Tensor.scalarFloat32(0)]));
  expect(isConvNeXtCheckpoint(tensors)).toBe(true);
  const { tensors: out, dropped } = remapConvNeXtCheckpoint(tensors);
  expect([...out.keys()]).toEqual([
    'model.0.conv.weight',
    'model.0.ln.bias',
    'model.2.ln.weight',
    'model.6.conv.bias',
    'model.1.m.0.dwconv.weight',
    'model.5.m.26.gamma',
    'model.7.m.2.pwconv2.bias',
  ]);
  expect(dropped).toEqual(['norm.weight', 'head.bias']);
  expect(isConvNeXtCheckpoint(new Map([['model.0.conv.weight', Tensor.scalarFloat32(0)]]))).toBe(false);
});
