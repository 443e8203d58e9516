import { describe, expect, it } from 'vitest';
import { attrInt, attrInts } from '../attribute.js';
import { DataType } from '../dtype.js';
import { YlcError } from '../errors.js';
import { Graph, Node, Value } from '../graph.js';
import { Model } from '../model.js';
import { Tensor } from '../tensor.js';
import { formatType, tensorType } from '../type.js';
import { CASES, CaseBuilder } from './cases.js';
import { inferShapes } from './index.js';

function typesOf(b: CaseBuilder, names: Iterable<string>): Record<string, string> {
  const byName = new Map(b.graph.outputs.map((v) => [v.name, v]));
  return Object.fromEntries([...names].map((n) => [n, formatType(byName.get(n)?.type)]));
}

describe('shape rules on hand-built graphs', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const b = new CaseBuilder(c.opset ?? 17);
      c.build(b);
      const result = inferShapes(b.model);
      expect(result.unknownOps).toEqual(new Set());
      expect(typesOf(b, Object.keys(c.expect))).toEqual(c.expect);
    });
  }
});

function model(opset = 17): { g: Graph; m: Model } {
  const g = new Graph('g');
  return { g, m: new Model(g, { opsetImports: [['', opset]] }) };
}

function verifyError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(YlcError);
    expect((e as YlcError).code).toBe('verify');
    return (e as YlcError).message;
  }
  throw new Error('expected a YlcError');
}

describe('inconsistent inputs are verify errors naming the node and the shapes', () => {
  it('Conv channel mismatch', () => {
    const { g, m } = model();
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1, 3, 8, 8])));
    const w = g.addInitializer(Tensor.fromFloat32([8, 4, 3, 3], new Float32Array(8 * 4 * 9)), 'w');
    g.append(new Node('Conv', [x, w], ['y'], { name: 'conv0' }));
    expect(verifyError(() => inferShapes(m))).toBe(
      "Conv 'conv0': input channels 3 of 'x' float[1,3,8,8] do not match weight in-channels 4 x group 1 of 'w' float[8,4,3,3]",
    );
  });

  it('Conv and pool window attributes out of range (a stride of 0 gave dims of Infinity)', () => {
    const { g, m } = model();
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1, 3, 8, 8])));
    const w = g.addInitializer(Tensor.fromFloat32([4, 3, 3, 3], new Float32Array(4 * 3 * 9)), 'w');
    g.append(new Node('Conv', [x, w], ['y'], { name: 'conv0', attributes: [attrInts('strides', [0, 0])] }));
    expect(verifyError(() => inferShapes(m))).toBe("Conv 'conv0': strides must be positive, got [0, 0]");
    const p = model();
    const px = p.g.addInput(new Value('x', tensorType(DataType.FLOAT, [1, 3, 8, 8])));
    p.g.append(new Node('MaxPool', [px], ['y'], { name: 'pool0', attributes: [attrInts('kernel_shape', [2, 2]), attrInts('pads', [-1, 0, 0, 0])] }));
    expect(verifyError(() => inferShapes(p.m))).toBe("MaxPool 'pool0': pads must not be negative, got [-1, 0, 0, 0]");
  });

  it('impossible broadcasting', () => {
    const { g, m } = model();
    const a = g.addInput(new Value('a', tensorType(DataType.FLOAT, [2, 3])));
    const b = g.addInput(new Value('b', tensorType(DataType.FLOAT, [4, 3])));
    g.append(new Node('Add', [a, b], ['c'], { name: 'add0' }));
    expect(verifyError(() => inferShapes(m))).toBe("Add 'add0': cannot broadcast 'a' float[2,3] with 'b' float[4,3] (dim 2 from the right)");
  });

  it('Concat inputs that disagree off the axis', () => {
    const { g, m } = model();
    const a = g.addInput(new Value('a', tensorType(DataType.FLOAT, [1, 2, 4])));
    const b = g.addInput(new Value('b', tensorType(DataType.FLOAT, [1, 3, 5])));
    g.append(new Node('Concat', [a, b], ['c'], { name: 'cat', attributes: [attrInt('axis', 1)] }));
    expect(verifyError(() => inferShapes(m))).toBe("Concat 'cat': inputs 'a' float[1,2,4] and 'b' float[1,3,5] disagree on dim 2");
  });

  it('Reshape to a different element count', () => {
    const { g, m } = model();
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [2, 3])));
    const s = g.addInitializer(Tensor.fromInt64([2], [4, 2]), 's');
    g.append(new Node('Reshape', [x, s], ['y'], { name: 'rs' }));
    expect(verifyError(() => inferShapes(m))).toBe("Reshape 'rs': cannot reshape 'x' float[2,3] (6 elements) to [4,2] (8 elements)");
  });

  it('Split sizes that do not sum to the dim', () => {
    const { g, m } = model(12);
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [6])));
    g.append(new Node('Split', [x], ['p', 'q'], { name: 'sp', attributes: [attrInts('split', [2, 3])] }));
    expect(verifyError(() => inferShapes(m))).toBe("Split 'sp': split sizes [2,3] sum to 5, axis 0 of 'x' float[6] has 6");
  });

  it('BatchNormalization parameters of the wrong length', () => {
    const { g, m } = model();
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1, 4, 2, 2])));
    const p = (n: string, len: number): Value => g.addInitializer(Tensor.fromFloat32([len], new Float32Array(len)), n);
    g.append(new Node('BatchNormalization', [x, p('s', 4), p('b', 4), p('mean', 3), p('var', 4)], ['y'], { name: 'bn' }));
    expect(verifyError(() => inferShapes(m))).toBe("BatchNormalization 'bn': mean 'mean' float[3] has 3 values, input 'x' float[1,4,2,2] has 4 channels");
  });
});

describe('driver', () => {
  it('lists unknown ops and domains without throwing, leaving their outputs unknown', () => {
    const { g, m } = model();
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [2])));
    const foo = g.append(new Node('Foo', [x], ['f']));
    const bar = g.append(new Node('Relu', [foo.output()], ['r'], { domain: 'com.example' }));
    const relu = g.append(new Node('Relu', [bar.output()], ['after']));
    const result = inferShapes(m);
    expect(result.unknownOps).toEqual(new Set(['Foo', 'com.example::Relu']));
    expect(foo.output().type).toBeUndefined();
    expect(relu.output().type).toBeUndefined();
    expect(result.inferred).toBe(0);
  });

  it('keeps an existing type that conflicts, and reports the conflict', () => {
    const { g, m } = model();
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [2, 3])));
    const n = g.append(new Node('Relu', [x], ['y']));
    n.output().type = tensorType(DataType.FLOAT, [3, 2]);
    const result = inferShapes(m);
    expect(formatType(n.output().type)).toBe('float[3,2]');
    expect(result.warnings).toEqual(["'y': existing type float[3,2], inferred float[2,3]"]);
    expect(result.inferred).toBe(0);
  });

  it('refines unknown and symbolic dims of an existing type, and overwrites only when asked', () => {
    const { g, m } = model();
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [2, 3])));
    const n = g.append(new Node('Relu', [x], ['y']));
    n.output().type = tensorType(DataType.FLOAT, ['N', null]);
    expect(inferShapes(m).inferred).toBe(1);
    expect(formatType(n.output().type)).toBe('float[2,3]');
    expect(inferShapes(m).inferred).toBe(0);
    n.output().type = tensorType(DataType.INT8, [7]);
    expect(inferShapes(m, { overwrite: true }).inferred).toBe(1);
    expect(formatType(n.output().type)).toBe('float[2,3]');
  });

  it('does not share dim objects between values', () => {
    const { g, m } = model();
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, ['N', 3])));
    const n = g.append(new Node('Relu', [x], ['y']));
    inferShapes(m);
    const t = n.output().type;
    expect(t?.kind === 'tensor' && t.shape?.[0]).not.toBe(x.type?.kind === 'tensor' && x.type.shape?.[0]);
  });

  it('infers inside subgraphs with outer-scope values (Loop)', () => {
    const { g, m } = model();
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [2, 3])));
    const trip = g.addInitializer(Tensor.fromInt64([], [3]), 'trip');
    const body = new Graph('body');
    const iter = body.addInput(new Value('i'));
    const cond = body.addInput(new Value('cond_in'));
    const acc = body.addInput(new Value('acc'));
    const sum = body.append(new Node('Add', [acc, x], ['acc_out']));
    const condOut = body.append(new Node('Identity', [cond], ['cond_out']));
    const scanOut = body.append(new Node('Relu', [x], ['scan']));
    body.outputs.push(condOut.output(), sum.output(), scanOut.output());
    const loop = g.append(
      new Node('Loop', [trip, null, x], ['final', 'stacked'], { attributes: [{ name: 'body', type: 5, value: body }] }),
    );
    body.parentNode = loop;
    inferShapes(m);
    expect(formatType(iter.type)).toBe('int64[]');
    expect(formatType(sum.output().type)).toBe('float[2,3]');
    expect(formatType(loop.outputs[0]!.type)).toBe('float[2,3]');
    expect(formatType(loop.outputs[1]!.type)).toBe('float[?,2,3]');
  });

  it('infers a 1000-node chain end to end (speed: npm run bench)', () => {
    const { g, m } = model();
    let v = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1, 16, 80, 80])));
    const w = g.addInitializer(Tensor.fromFloat32([16, 16, 3, 3], new Float32Array(16 * 16 * 9)), 'w');
    for (let i = 0; i < 250; i++) {
      const c = g.append(new Node('Conv', [v, w], 1, { attributes: [attrInts('pads', [1, 1, 1, 1])] })).output();
      const s = g.append(new Node('Sigmoid', [c])).output();
      const mul = g.append(new Node('Mul', [c, s])).output();
      v = g.append(new Node('Add', [mul, v])).output();
    }
    inferShapes(m);
    expect(formatType(v.type)).toBe('float[1,16,80,80]');
  });
});
