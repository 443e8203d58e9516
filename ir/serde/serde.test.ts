import { describe, expect, it } from 'vitest';
import { Graph, Node, Value } from '../graph.js';
import { Model } from '../model.js';
import { Tensor } from '../tensor.js';
import { DataType } from '../dtype.js';
import { tensorType } from '../type.js';
import { AttrType, attrInt, attrInts, attrFloat, attrString } from '../attribute.js';
import { decodeModel, encodeModel } from './index.js';

function buildModel(): Model {
  const g = new Graph('main');
  const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, ['N', 3, 8, 8])));
  const w = g.addInitializer(Tensor.fromFloat32([4, 3, 1, 1], new Float32Array(12).fill(0.5)), 'w');
  const conv = g.append(new Node('Conv', [x, w, null], ['y'], { name: 'conv', attributes: [attrInts('kernel_shape', [1, 1])] }));
  const slice = g.append(
    new Node('Slice', [conv.output()], 1, {
      attributes: [attrInt('end', 9223372036854775807n), attrFloat('alpha', 0.25), attrString('mode', 'héllo')],
    }),
  );
  g.outputs.push(slice.output());
  return new Model(g, { irVersion: 8n, opsetImports: [['', 17]] });
}

describe('plain graphs built in code', () => {
  it('encode -> decode gives the same graph', () => {
    const back = decodeModel(encodeModel(buildModel()));
    expect(back.irVersion).toBe(8n);
    expect([...back.opsetImports]).toEqual([['', 17]]);
    const g = back.graph;
    expect(g.name).toBe('main');
    expect(g.inputs.map((v) => v.name)).toEqual(['x']);
    expect(g.inputs[0]!.type).toEqual(tensorType(DataType.FLOAT, ['N', 3, 8, 8]));
    const [conv, slice] = g.nodes.toArray();
    expect(conv!.inputs.map((v) => v?.name ?? null)).toEqual(['x', 'w', null]);
    expect(conv!.input(1)!.constValue!.toFloat32()).toEqual(new Float32Array(12).fill(0.5));
    expect(g.inputs[0]!.uses().map((u) => [u.node, u.index])).toEqual([[conv, 0]]);
    expect(slice!.attr('end')).toEqual({ name: 'end', type: AttrType.INT, value: 9223372036854775807n });
    expect(slice!.attrFloat('alpha')).toBe(0.25);
    expect(slice!.attrString('mode')).toBe('héllo');
    expect(g.outputs).toEqual([slice!.output()]);
    expect(encodeModel(back)).toEqual(encodeModel(buildModel()));
  });
});
