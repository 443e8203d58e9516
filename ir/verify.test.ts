import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AttrType, attrInt, attrInts, type Attribute } from './attribute.js';
import { DataType } from './dtype.js';
import { Graph, Node, Value } from './graph.js';
import { Model } from './model.js';
import { loadModel } from './serde/index.js';
import { CASES, CaseBuilder } from './shape-inference/cases.js';
import { inferShapes } from './shape-inference/index.js';
import { Tensor } from './tensor.js';
import { tensorType } from './type.js';
import { verifyModel } from './verify.js';

const FIXTURES = path.resolve(import.meta.dirname, '../test/fixtures');

/** x -> Relu 'a' -> Neg 'b' -> output */
function chain(): { g: Graph; m: Model; x: Value; a: Node; b: Node } {
  const g = new Graph('g');
  const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1, 4])));
  const a = g.append(new Node('Relu', [x], ['a'], { name: 'a' }));
  const b = g.append(new Node('Neg', [a.output()], ['b'], { name: 'b' }));
  g.outputs.push(b.output());
  return { g, m: new Model(g), x, a, b };
}

function floats(dims: number[]): Tensor {
  return Tensor.fromFloat32(dims, new Float32Array(dims.reduce((p, q) => p * q, 1)));
}

function subgraph(parent: Node, name: string, g: Graph): Attribute {
  g.parentNode = parent;
  return { name, type: AttrType.GRAPH, value: g };
}

describe('verifyModel accepts valid models', () => {
  it('a small chain', () => {
    expect(verifyModel(chain().m)).toEqual([]);
  });

  it('every hand-built shape-inference case, after inference', () => {
    for (const c of CASES) {
      const b = new CaseBuilder(c.opset ?? 17);
      c.build(b);
      inferShapes(b.model);
      expect([c.name, verifyModel(b.model)]).toEqual([c.name, []]);
    }
  });

  it('YOLOv5n (with and without BatchNormalization), before and after shape inference', () => {
    for (const file of ['yolov5n_640.onnx', 'yolov5n_640_bn.onnx']) {
      const model = loadModel(path.join(FIXTURES, file));
      expect(verifyModel(model)).toEqual([]);
      inferShapes(model);
      expect(verifyModel(model)).toEqual([]);
    }
  });

  it('accepts a valid 1200-node graph (speed: npm run bench)', () => {
    const g = new Graph('big');
    let v = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1, 16, 80, 80])));
    const w = g.addInitializer(floats([16, 16, 3, 3]), 'w');
    const scale = g.addInitializer(floats([16]), 'scale');
    const starts = g.addInitializer(Tensor.fromInt64([1], [0]), 'starts');
    const ends = g.addInitializer(Tensor.fromInt64([1], [16]), 'ends');
    const axes = g.addInitializer(Tensor.fromInt64([1], [1]), 'axes');
    for (let i = 0; i < 200; i++) {
      const c = g.append(new Node('Conv', [v, w], 1, { attributes: [attrInts('pads', [1, 1, 1, 1]), attrInts('kernel_shape', [3, 3])] })).output();
      const bn = g.append(new Node('BatchNormalization', [c, scale, scale, scale, scale])).output();
      const s = g.append(new Node('Sigmoid', [bn])).output();
      const mul = g.append(new Node('Mul', [bn, s])).output();
      v = g.append(new Node('Concat', [mul, v], 1, { attributes: [attrInt('axis', 1)] })).output();
      v = g.append(new Node('Slice', [v, starts, ends, axes])).output();
    }
    g.outputs.push(v);
    const m = new Model(g);
    inferShapes(m);
    expect(verifyModel(m)).toEqual([]);
  });
});

describe('names and producers', () => {
  it('two nodes defining the same name', () => {
    const { g, m, x } = chain();
    g.append(new Node('Relu', [x], ['a'], { name: 'again' }));
    expect(verifyModel(m)).toEqual(["value 'a' is defined twice in graph 'g': by Relu 'a' and by Relu 'again'"]);
  });

  it('an input and a different initializer value of the same name', () => {
    const { g, m } = chain();
    const w = new Value('x');
    w.constValue = floats([1, 4]);
    g.registerInitializer(w);
    expect(verifyModel(m)).toEqual(["value 'x' is defined twice in graph 'g': by a graph input and by an initializer"]);
  });

  it('an input that is also its own initializer is one definition', () => {
    const { g, m, x } = chain();
    x.constValue = floats([1, 4]);
    g.registerInitializer(x);
    expect(verifyModel(m)).toEqual([]);
  });

  it('a subgraph shadowing a name of the enclosing graph', () => {
    const { g, m, x } = chain();
    const body = new Graph('then');
    body.outputs.push(body.append(new Node('Identity', [x], ['a'], { name: 'inner' })).output());
    const els = new Graph('else');
    els.outputs.push(els.append(new Node('Identity', [x], ['e'], { name: 'e' })).output());
    const cond = g.addInput(new Value('cond', tensorType(DataType.BOOL, [])));
    const iff = new Node('If', [cond], ['r'], { name: 'if' });
    iff.setAttr(subgraph(iff, 'then_branch', body));
    iff.setAttr(subgraph(iff, 'else_branch', els));
    g.append(iff);
    expect(verifyModel(m)).toEqual(["value 'a' defined by Identity 'inner' in subgraph 'then' of If 'if' shadows a value of an enclosing graph"]);
  });

  it('a node output that records another producer', () => {
    const { m, a, b } = chain();
    Value.setProducer(b.output(), a, 0);
    expect(verifyModel(m)).toEqual(["Neg 'b' output 0 'b' records another producer (Relu 'a' output 0)"]);
  });

  it('an initializer map key that is not its value name', () => {
    const { g, m } = chain();
    const w = g.addInitializer(floats([2]), 'w');
    w.name = 'renamed';
    expect(verifyModel(m)).toEqual(["initializer 'w' of graph 'g' is a value named 'renamed'"]);
  });
});

describe('topological order', () => {
  it('a node using a value produced later', () => {
    const { m, a, b } = chain();
    a.replaceInput(0, b.output());
    expect(verifyModel(m)).toEqual(["Relu 'a' input 0 'b' is used before it is defined (by Neg 'b', later in graph 'g')"]);
  });

  it('a node using a value that no graph defines', () => {
    const { m, b } = chain();
    b.replaceInput(0, new Value('ghost'));
    expect(verifyModel(m)).toEqual(["Neg 'b' input 0 'ghost' is not defined in graph 'g' or an enclosing graph"]);
  });

  it('a node using the output of a removed node', () => {
    const { g, m, a } = chain();
    g.remove(a, { force: true });
    expect(verifyModel(m)).toEqual(["Neg 'b' input 0 'a' is produced by Relu 'a', which is not in the model"]);
  });

  it('a subgraph may use values of the enclosing graph defined before its node', () => {
    const { g, m, a } = chain();
    const body = new Graph('then');
    body.outputs.push(body.append(new Node('Identity', [a.output()], ['inner_out'])).output());
    const els = new Graph('else');
    els.outputs.push(els.append(new Node('Neg', [a.output()], ['else_out'])).output());
    const cond = g.addInput(new Value('cond', tensorType(DataType.BOOL, [])));
    const iff = new Node('If', [cond], ['r'], { name: 'if' });
    iff.setAttr(subgraph(iff, 'then_branch', body));
    iff.setAttr(subgraph(iff, 'else_branch', els));
    g.insertBefore(g.nodes.first()!, iff);
    expect(verifyModel(m)).toEqual([
      "Identity 'inner_out' input 0 'a' is not defined in subgraph 'then' of If 'if' or an enclosing graph",
      "Neg 'else_out' input 0 'a' is not defined in subgraph 'else' of If 'if' or an enclosing graph",
    ]);
    expect(verifyModel(m, { order: false })).toEqual([]);
    const [ifNode, relu, neg] = g.nodes.toArray();
    g.reorder([relu!, neg!, ifNode!]);
    expect(verifyModel(m)).toEqual([]);
  });

  it('order: false accepts a value used above its definition, not an undefined one', () => {
    const { m, a, b } = chain();
    a.replaceInput(0, b.output());
    expect(verifyModel(m, { order: false })).toEqual([]);
    b.replaceInput(0, new Value('ghost'));
    expect(verifyModel(m, { order: false })).toEqual(["Neg 'b' input 0 'ghost' is not defined in graph 'g' or an enclosing graph"]);
  });

  it('a subgraph output naming a value of an enclosing graph, wherever that value is defined (onnx.checker refuses it)', () => {
    const { g, m, x, a } = chain();
    const body = new Graph('then');
    body.outputs.push(a.output());
    const els = new Graph('else');
    els.outputs.push(x);
    const cond = g.addInput(new Value('cond', tensorType(DataType.BOOL, [])));
    const iff = new Node('If', [cond], ['r'], { name: 'if' });
    iff.setAttr(subgraph(iff, 'then_branch', body));
    iff.setAttr(subgraph(iff, 'else_branch', els));
    g.append(iff);
    const problems = [
      "output 'a' of subgraph 'then' of If 'if' is a value of an enclosing graph; ONNX requires a subgraph's outputs to be defined in it (add an Identity node in the subgraph)",
      "output 'x' of subgraph 'else' of If 'if' is a value of an enclosing graph; ONNX requires a subgraph's outputs to be defined in it (add an Identity node in the subgraph)",
    ];
    expect(verifyModel(m)).toEqual(problems);
    g.reorder([iff, ...g.nodes.toArray().filter((n) => n !== iff)]);
    expect(verifyModel(m, { order: false })).toEqual(problems);
  });

  it('a subgraph output defined nowhere', () => {
    const { g, m } = chain();
    const body = new Graph('then');
    body.outputs.push(new Value('nowhere'));
    const cond = g.addInput(new Value('cond', tensorType(DataType.BOOL, [])));
    const iff = new Node('If', [cond], ['r'], { name: 'if' });
    iff.setAttr(subgraph(iff, 'then_branch', body));
    g.append(iff);
    expect(verifyModel(m)).toEqual(["output 'nowhere' of subgraph 'then' of If 'if' is not defined in the subgraph"]);
  });
});

describe('use lists', () => {
  it('an input whose use is not recorded', () => {
    const { m, x, a } = chain();
    Value.removeUse(x, a, 0);
    expect(verifyModel(m)).toEqual(["Relu 'a' input 0 'x' has no use recorded on the value"]);
  });

  it('a recorded use by a node that reads another value there', () => {
    const { m, x, b } = chain();
    Value.addUse(x, { node: b, index: 0 });
    expect(verifyModel(m)).toEqual(["value 'x' records a use by Neg 'b' input 0, which reads 'a'"]);
  });

  it('a recorded use by a node input that is absent', () => {
    const { m, x, b } = chain();
    Value.addUse(x, { node: b, index: 3 });
    expect(verifyModel(m)).toEqual(["value 'x' records a use by Neg 'b' input 3, which is absent"]);
  });

  it('a use recorded twice', () => {
    const { m, x, a } = chain();
    Value.addUse(x, { node: a, index: 0 });
    expect(verifyModel(m)).toEqual(["value 'x' records the use by Relu 'a' input 0 twice"]);
  });

  it('a recorded use by a node that is not in the model', () => {
    const { m, x } = chain();
    new Node('Relu', [x], ['stray'], { name: 'stray' });
    expect(verifyModel(m)).toEqual(["value 'x' records a use by Relu 'stray', which is not in the model"]);
  });
});

describe('graph outputs', () => {
  it('an output that nothing defines', () => {
    const { g, m } = chain();
    g.outputs.push(new Value('nowhere'));
    expect(verifyModel(m)).toEqual(["output 'nowhere' of graph 'g' is not defined in the graph"]);
  });

  it('an output of a removed node', () => {
    const { g, m, b } = chain();
    g.remove(b, { force: true });
    expect(verifyModel(m)).toEqual(["output 'b' of graph 'g' is produced by Neg 'b', which is not in the model"]);
  });

  it('inputs and initializers may be outputs', () => {
    const { g, m, x } = chain();
    g.outputs.push(x, g.addInitializer(floats([2]), 'w'));
    expect(verifyModel(m)).toEqual([]);
  });
});

describe('initializers', () => {
  it('raw data of the wrong length', () => {
    const { g, m } = chain();
    g.addInitializer(Tensor.fromBytes(DataType.FLOAT, [2, 3], new Uint8Array(20)), 'w');
    expect(verifyModel(m)).toEqual(["initializer 'w' float[2,3]: raw_data has 20 bytes, expected 24"]);
  });

  it('a typed field with the wrong count, and packed int4 counted by pairs', () => {
    const { g, m } = chain();
    g.addInitializer(new Tensor(DataType.FLOAT, [2, 3], { kind: 'floatData', values: [1, 2, 3, 4, 5] }), 'w');
    g.addInitializer(new Tensor(DataType.INT4, [3], { kind: 'int32Data', values: [0x21, 0x03] }), 'q');
    g.addInitializer(new Tensor(DataType.INT64, [2], { kind: 'floatData', values: [1, 2] }), 'bad');
    expect(verifyModel(m)).toEqual([
      "initializer 'w' float[2,3]: float_data has 5 values, expected 6",
      "initializer 'bad' int64[2]: float_data cannot hold int64",
    ]);
  });

  it('no data, and external data that is not read', () => {
    const { g, m } = chain();
    g.addInitializer(new Tensor(DataType.FLOAT, [4], { kind: 'none' }), 'empty');
    g.addInitializer(new Tensor(DataType.FLOAT, [0], { kind: 'none' }), 'zero');
    g.addInitializer(new Tensor(DataType.FLOAT, [4], { kind: 'external', ref: { entries: [['location', 'missing.bin']], baseDir: '/nonexistent' } }), 'ext');
    expect(verifyModel(m)).toEqual(["initializer 'empty' float[4] has no data"]);
  });

  it('a value typed differently from its tensor', () => {
    const { g, m } = chain();
    const w = g.addInitializer(floats([2, 3]), 'w');
    w.type = tensorType(DataType.FLOAT, [3, 2]);
    expect(verifyModel(m)).toEqual(["initializer 'w' holds float[2,3] but its value is typed float[3,2]"]);
  });

  it('a Constant node whose tensor has the wrong length', () => {
    const { g, m } = chain();
    g.append(new Node('Constant', [], ['k'], { name: 'k', attributes: [{ name: 'value', type: AttrType.TENSOR, value: Tensor.fromBytes(DataType.INT64, [2], new Uint8Array(8)) }] }));
    expect(verifyModel(m)).toEqual(["Constant 'k' value int64[2]: raw_data has 8 bytes, expected 16"]);
  });
});

describe('attribute types', () => {
  it('Conv kernel_shape, group; BatchNormalization epsilon; Concat axis', () => {
    const g = new Graph('g');
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1, 2, 4, 4])));
    const w = g.addInitializer(floats([2, 2, 1, 1]), 'w');
    const p = g.addInitializer(floats([2]), 'p');
    const c = g.append(new Node('Conv', [x, w], ['c'], { name: 'conv', attributes: [attrInt('kernel_shape', 1), attrInts('group', [1])] }));
    const bn = g.append(new Node('BatchNormalization', [c.output(), p, p, p, p], ['bn'], { name: 'bn', attributes: [attrInt('epsilon', 0)] }));
    const cat = g.append(new Node('Concat', [bn.output(), x], ['cat'], { name: 'cat', attributes: [attrInts('axis', [1])] }));
    g.append(new Node('Weird', [cat.output()], ['w2'], { name: 'weird', attributes: [attrInts('kernel_shape', [1]), attrInt('group', 1)] }));
    g.outputs.push(cat.output());
    expect(verifyModel(new Model(g))).toEqual([
      "Conv 'conv' attribute 'kernel_shape' is INT, expected INTS",
      "Conv 'conv' attribute 'group' is INTS, expected INT",
      "BatchNormalization 'bn' attribute 'epsilon' is INT, expected FLOAT",
      "Concat 'cat' attribute 'axis' is INTS, expected INT",
    ]);
  });
});

describe('channel agreement', () => {
  function convModel(xShape: Array<number | string>, wShape: number[], attrs: Attribute[] = [], bias?: number[]): { g: Graph; m: Model; conv: Node } {
    const g = new Graph('g');
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, xShape)));
    const inputs = [x, g.addInitializer(floats(wShape), 'w')];
    if (bias) inputs.push(g.addInitializer(floats(bias), 'bias'));
    const conv = g.append(new Node('Conv', inputs, ['y'], { name: 'conv', attributes: attrs }));
    g.outputs.push(conv.output());
    return { g, m: new Model(g), conv };
  }

  it('Conv input channels against weight in-channels x group', () => {
    expect(verifyModel(convModel([1, 3, 8, 8], [8, 4, 3, 3]).m)).toEqual([
      "Conv 'conv': input 'x' has 3 channels, weight 'w' [8,4,3,3] with group 1 expects 4",
    ]);
    expect(verifyModel(convModel([1, 8, 8, 8], [8, 4, 3, 3], [attrInt('group', 2)]).m)).toEqual([]);
    expect(verifyModel(convModel([1, 'C', 8, 8], [8, 4, 3, 3]).m)).toEqual([]);
  });

  it('Conv bias length and output channels against the filters', () => {
    const { m, conv } = convModel([1, 4, 8, 8], [8, 4, 3, 3], [], [7]);
    conv.output().type = tensorType(DataType.FLOAT, [1, 16, 6, 6]);
    expect(verifyModel(m)).toEqual([
      "Conv 'conv': bias 'bias' has 7 values, weight 'w' [8,4,3,3] gives 8 output channels",
      "Conv 'conv': output 'y' has 16 channels, weight 'w' [8,4,3,3] gives 8",
    ]);
  });

  it('ConvTranspose input channels against weight dim 0', () => {
    const g = new Graph('g');
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1, 3, 4, 4])));
    const ct = g.append(new Node('ConvTranspose', [x, g.addInitializer(floats([4, 2, 3, 3]), 'w')], ['y'], { name: 'ct' }));
    g.outputs.push(ct.output());
    expect(verifyModel(new Model(g))).toEqual(["ConvTranspose 'ct': input 'x' has 3 channels, weight 'w' [4,2,3,3] with group 1 expects 4"]);
  });

  it('BatchNormalization parameter lengths against input channels', () => {
    const g = new Graph('g');
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1, 4, 2, 2])));
    const p4 = g.addInitializer(floats([4]), 'p4');
    const mean = g.addInitializer(floats([3]), 'mean');
    const bn = g.append(new Node('BatchNormalization', [x, p4, p4, mean, p4], ['y'], { name: 'bn' }));
    g.outputs.push(bn.output());
    expect(verifyModel(new Model(g))).toEqual(["BatchNormalization 'bn': mean 'mean' has 3 values, input 'x' has 4 channels"]);
  });

  it('Concat inputs off the axis, and the output along it', () => {
    const g = new Graph('g');
    const a = g.addInput(new Value('a', tensorType(DataType.FLOAT, [1, 2, 4])));
    const b = g.addInput(new Value('b', tensorType(DataType.FLOAT, [1, 3, 5])));
    const c = g.addInput(new Value('c', tensorType(DataType.FLOAT, [1, 3, 4])));
    const bad = g.append(new Node('Concat', [a, b], ['bad'], { name: 'bad', attributes: [attrInt('axis', 1)] }));
    const sum = g.append(new Node('Concat', [a, c], ['sum'], { name: 'sum', attributes: [attrInt('axis', -2)] }));
    sum.output().type = tensorType(DataType.FLOAT, [1, 6, 4]);
    g.outputs.push(bad.output(), sum.output());
    expect(verifyModel(new Model(g))).toEqual([
      "Concat 'bad': inputs 'a' [1,2,4] and 'b' [1,3,5] disagree on dim 2",
      "Concat 'sum': output 'sum' has 6 on axis -2, the inputs sum to 5",
    ]);
  });
});
