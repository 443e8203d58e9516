import { describe, expect, it } from 'vitest';
import { AttrType, type Attribute, attrFloat, attrFloats, attrInt, attrInts, attrString, attrTensor } from '../attribute.js';
import { DataType } from '../dtype.js';
import { Graph, Node, Value } from '../graph.js';
import { Model } from '../model.js';
import { Tensor } from '../tensor.js';
import { tensorType } from '../type.js';
import { printGraph, printModel, printNode, printTensor } from './print.js';
import { formatFloat32, formatName } from './syntax.js';

function convModel(): Model {
  const g = new Graph('main_graph');
  const images = g.addInput(new Value('images', tensorType(DataType.FLOAT, [1, 3, 'N', null])));
  const w = g.addInitializer(Tensor.fromFloat32([2, 3, 1, 1], Float32Array.from({ length: 6 }, (_, i) => i / 4 - 0.5)), 'model.0.conv.weight');
  const b = g.addInitializer(Tensor.fromFloat32([2], Float32Array.of(0.1, -0)), 'model.0.conv.bias');
  const conv = g.append(
    new Node('Conv', [images, w, b], ['/model.0/conv/Conv_output_0'], {
      name: '/model.0/conv/Conv',
      attributes: [attrInts('dilations', [1, 1]), attrInt('group', 1), attrInts('pads', [0, 0, 0, 0])],
    }),
  );
  const act = g.append(new Node('Sigmoid', [conv.output()], ['s']));
  const mul = g.append(new Node('Mul', [conv.output(), act.output()], ['y']));
  g.outputs.push(mul.output());
  mul.output().type = tensorType(DataType.FLOAT, [1, 2, 'N', null]);
  g.valueInfos.push(act.output());
  act.output().type = tensorType(DataType.FLOAT, [1, 2, 'N', null]);
  const m = new Model(g, { irVersion: 8n, opsetImports: [['', 17], ['com.microsoft', 1]] });
  m.producerName = 'pytorch';
  m.metadataProps = [['stride', '32']];
  return m;
}

describe('printModel', () => {
  it('prints header, signature, the initializer/value_info list and nodes as ONNX text', () => {
    expect(printModel(convModel(), { maxInlineElements: 4 })).toBe(
      `<
   ir_version: 8,
   opset_import: ["" : 17, "com.microsoft" : 1],
   producer_name: "pytorch",
   metadata_props: ["stride": "32"]
>
main_graph (float[1,3,N,?] images) => (float[1,2,N,?] y)
   <
      float[2,3,1,1] "model.0.conv.weight" = {... min -0.5 max 0.75 mean 0.125 sha256 fb80bcdaae9a},
      float[2] "model.0.conv.bias" = {0.1, -0.0},
      float[1,2,N,?] s
   >
{
   ["/model.0/conv/Conv"] "/model.0/conv/Conv_output_0" = Conv <dilations: ints = [1, 1], group: int = 1, pads: ints = [0, 0, 0, 0]> (images, "model.0.conv.weight", "model.0.conv.bias")
   s = Sigmoid ("/model.0/conv/Conv_output_0")
   y = Mul ("/model.0/conv/Conv_output_0", s)
}
`,
    );
  });

  it('puts { on the signature line when there is no initializer or value_info list', () => {
    const g = new Graph('g');
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [2])));
    g.outputs.push(g.append(new Node('Relu', [x], ['y'])).output());
    expect(printGraph(g)).toBe('g (float[2] x) => (y) {\n   y = Relu (x)\n}\n');
  });

  it('prints tensors inline up to maxInlineElements and a summary beyond', () => {
    const t16 = Tensor.fromFloat32([16], Float32Array.from({ length: 16 }, (_, i) => i));
    const t17 = Tensor.fromFloat32([17], Float32Array.from({ length: 17 }, (_, i) => i));
    expect(printTensor(t16)).toBe('float[16] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}');
    expect(printTensor(t17)).toBe('float[17] {... min 0 max 16 mean 8 sha256 b578392a98eb}');
    expect(printTensor(t17, { maxInlineElements: 17 })).toMatch(/^float\[17\] \{0, 1, .*, 16\}$/);
    expect(printTensor(t16, { maxInlineElements: 0 })).toMatch(/^float\[16\] \{\.\.\. min 0 max 15 mean 7\.5 sha256 [0-9a-f]{12}\}$/);
    const withNaN = Tensor.fromFloat32([3], Float32Array.of(NaN, 1, 2));
    expect(printTensor(withNaN, { maxInlineElements: 2 })).toMatch(/^float\[3\] \{\.\.\. min 1 max 2 mean 1\.5 nan 1 sha256 [0-9a-f]{12}\}$/);
    expect(printTensor(Tensor.fromInt64([20], Array.from({ length: 20 }, (_, i) => i * 3)))).toMatch(
      /^int64\[20\] \{\.\.\. min 0 max 57 mean 28\.5 sha256 [0-9a-f]{12}\}$/,
    );
  });

  it('rejects a bad maxInlineElements', () => {
    const m = convModel();
    expect(() => printModel(m, { maxInlineElements: -1 })).toThrow(new RangeError('maxInlineElements must be a non-negative integer, got -1'));
    expect(() => printModel(m, { maxInlineElements: 1.5 })).toThrow(RangeError);
    expect(() => printModel(m, { maxInlineElements: Infinity })).not.toThrow();
  });

  it('writes elements of every dtype in a form that reads back', () => {
    const raw = (dtype: DataType, dims: number[], bytes: number[]): string => printTensor(Tensor.fromBytes(dtype, dims, Uint8Array.from(bytes)));
    expect(printTensor(Tensor.fromFloat32([6], Float32Array.of(NaN, Infinity, -Infinity, -0, 1e-7, 3.4028234663852886e38)))).toBe(
      'float[6] {nan, inf, -inf, -0.0, 1e-7, 3.4028235e+38}',
    );
    expect(printTensor(Tensor.fromBytes(DataType.DOUBLE, [2], new Uint8Array(Float64Array.of(0.1, 1 / 3).buffer)))).toBe(
      'double[2] {0.1, 0.3333333333333333}',
    );
    expect(printTensor(Tensor.fromInt64([2], BigInt64Array.of(-(2n ** 63n), 2n ** 63n - 1n)))).toBe(
      'int64[2] {-9223372036854775808, 9223372036854775807}',
    );
    expect(raw(DataType.UINT64, [1], [255, 255, 255, 255, 255, 255, 255, 255])).toBe('uint64[1] {18446744073709551615}');
    expect(raw(DataType.FLOAT16, [2], [0x00, 0x3c, 0x00, 0xc0])).toBe('float16[2] {15360, 49152}');
    expect(raw(DataType.BFLOAT16, [1], [0x80, 0x3f])).toBe('bfloat16[1] {16256}');
    expect(raw(DataType.INT4, [3], [0xf7, 0x08])).toBe('int4[3] {7, -1, -8}');
    expect(raw(DataType.UINT4, [3], [0xf7, 0x08])).toBe('uint4[3] {7, 15, 8}');
    expect(raw(DataType.FLOAT4E2M1, [2], [0x9a])).toBe('float4e2m1[2] {10, 9}');
    expect(raw(DataType.FLOAT8E4M3FN, [2], [0x38, 0xff])).toBe('float8e4m3fn[2] {56, 255}');
    expect(raw(DataType.BOOL, [2], [1, 0])).toBe('bool[2] {1, 0}');
    expect(raw(DataType.INT8, [2], [0x80, 0x7f])).toBe('int8[2] {-128, 127}');
    expect(raw(DataType.UINT16, [1], [0xff, 0xff])).toBe('uint16[1] {65535}');
    expect(raw(DataType.COMPLEX64, [1], [0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0])).toBe('complex64[1] {1, -2}');
    expect(raw(DataType.FLOAT6E2M3, [1], [1])).toMatch(/^float6e2m3\[1\] \{\.\.\. sha256 [0-9a-f]{12}\}$/);
    const strings = new Tensor(DataType.STRING, [2], { kind: 'stringData', values: [new TextEncoder().encode('a "q" \\'), new Uint8Array(0)] });
    expect(printTensor(strings)).toBe('string[2] {"a \\"q\\" \\\\", ""}');
    expect(printTensor(Tensor.scalarFloat32(2.5, { name: 'c' }))).toBe('float c {2.5}');
    expect(printTensor(new Tensor(DataType.FLOAT, [0], { kind: 'none' }))).toBe('float[0] {}');
    const external = new Tensor(DataType.FLOAT, [4], { kind: 'external', ref: { entries: [['location', 'w.bin'], ['offset', '0']], baseDir: '/nowhere' } });
    expect(printTensor(external)).toBe('float[4] = ["location": "w.bin", "offset": "0"]');
  });

  it('quotes names that are not identifiers or that read as a type or a number', () => {
    expect(['x_1', '_a', 'a.b', '/m/Conv', '1x', '', 'float', 'seq', 'inf', 'NaN', 'Float', 'say "hi"', 'back\\slash'].map(formatName)).toEqual([
      'x_1',
      '_a',
      '"a.b"',
      '"/m/Conv"',
      '"1x"',
      '""',
      '"float"',
      '"seq"',
      '"inf"',
      '"NaN"',
      'Float',
      '"say \\"hi\\""',
      '"back\\\\slash"',
    ]);
  });

  it('formats float32 values as the shortest decimal that reads back', () => {
    expect([0.1, 1 / 3, 100, 1e21, 2 ** -149, -2.5e-8, 16777217, 1e15, -9.532356e18].map((x) => formatFloat32(Math.fround(x)))).toEqual([
      '0.1',
      '0.33333334',
      '100',
      '1e+21',
      '1e-45',
      '-2.5e-8',
      '16777216',
      '1000000000000000',
      '-9.532356e+18',
    ]);
  });

  it('prints absent inputs/outputs, domains, overloads and every attribute kind', () => {
    const g = new Graph('g');
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [])));
    const attrs: Attribute[] = [
      attrFloat('alpha', 0.1),
      attrFloats('scales', [1, 2.5]),
      attrString('mode', 'nearest'),
      { name: 'names', type: AttrType.STRINGS, value: ['a', 'b c'] },
      { name: 'empty', type: AttrType.INTS, value: [] },
      attrTensor('value', Tensor.fromInt64([2], [1, -1])),
      { name: 'tp', type: AttrType.TYPE_PROTO, value: tensorType(DataType.INT64, ['N']) },
      { name: 'tps', type: AttrType.TYPE_PROTOS, value: [tensorType(DataType.BOOL, []), { kind: 'other', proto: { sequenceType: { elemType: { tensorType: { elemType: 1 } } } } }] },
      { name: 'ts', type: AttrType.TENSORS, value: [Tensor.scalarFloat32(1)] },
      { name: 'big', type: AttrType.INT, value: 2n ** 63n - 1n },
      { name: 'ref', type: AttrType.FLOAT, value: 0, refAttrName: 'alpha' },
    ];
    const n = g.append(new Node('Foo', [null, x, null], ['', 'y'], { domain: 'com.microsoft', overload: 'v2', attributes: attrs }));
    g.outputs.push(n.output(1));
    expect(printNode(n)).toBe(
      '"", y = com.microsoft.Foo:v2 <alpha: float = 0.1, scales: floats = [1, 2.5], mode: string = "nearest", names: strings = ["a", "b c"], ' +
        'empty: ints = [], value: tensor = int64[2] {1, -1}, tp: type_proto = int64[N], tps: type_protos = [bool, seq(float[])], ' +
        'ts: tensors = [float {1}], big: int = 9223372036854775807, ref: float = @alpha> ("", x, "")',
    );
    const odd = g.append(new Node('Bar', [x], [], { domain: 'my-domain' }));
    expect(printNode(odd)).toBe('= "my-domain".Bar (x)');
  });

  it('prints subgraphs nested, with the attribute list after the inputs', () => {
    const g = new Graph('g');
    const c = g.addInput(new Value('c', tensorType(DataType.BOOL, [])));
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1])));
    const iff = new Node('If', [c], ['y']);
    g.append(iff);
    const then = new Graph('then_g');
    then.parentNode = iff;
    then.outputs.push(then.append(new Node('Identity', [x], ['t'])).output());
    const els = new Graph('else_g');
    els.parentNode = iff;
    const k = els.addInitializer(Tensor.fromFloat32([1], Float32Array.of(3)), 'k');
    els.outputs.push(els.append(new Node('Add', [x, k], ['e'])).output());
    iff.setAttr({ name: 'then_branch', type: AttrType.GRAPH, value: then });
    iff.setAttr({ name: 'else_branch', type: AttrType.GRAPH, value: els });
    g.outputs.push(iff.output());
    expect(printGraph(g)).toBe(`g (bool c, float[1] x) => (y) {
   y = If (c) <then_branch: graph = then_g () => (t) {
      t = Identity (x)
   }, else_branch: graph = else_g () => (e)
      <
         float[1] k = {3}
      >
   {
      e = Add (x, k)
   }>
}
`);
  });

  it('prints doc strings and metadata as #@ annotations', () => {
    const g = new Graph('g');
    g.docString = 'the graph';
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1])));
    x.docString = 'input\nwith a newline';
    const w = g.addInitializer(Tensor.fromFloat32([1], Float32Array.of(2), { docString: 'weight', metadataProps: [['k', 'v']] }), 'w');
    const n = g.append(new Node('Mul', [x, w], ['y'], { docString: 'mul', metadataProps: [['a', 'b']], attributes: [{ ...attrInt('axis', 0), docString: 'unused' }] }));
    g.outputs.push(n.output());
    n.output().metadataProps = [['m', 'n']];
    expect(printGraph(g)).toBe(`g (float[1] x) => (y)
   <
      float[1] w = {2}
   >
{
   #@ graph {"doc_string":"the graph"}
   #@ value {"name":"x","doc_string":"input\\nwith a newline"}
   #@ value {"name":"y","metadata_props":[["m","n"]]}
   #@ initializer {"name":"w","doc_string":"weight","metadata_props":[["k","v"]]}
   #@ node {"doc_string":"mul","metadata_props":[["a","b"]],"attribute_doc_strings":{"axis":"unused"}}
   y = Mul <axis: int = 0> (x, w)
}
`);
  });

  it('prints functions after the main graph', () => {
    const m = convModel();
    const body = new Graph('Swish');
    const x = body.addInput(new Value('x', tensorType(DataType.FLOAT, [])));
    body.valueInfos.push(x);
    const s = body.append(new Node('Sigmoid', [x], ['s']));
    const y = body.append(new Node('Mul', [x, s.output()], ['y'], { attributes: [{ name: 'beta', type: AttrType.FLOAT, value: 0, refAttrName: 'beta' }] }));
    body.outputs.push(y.output());
    m.functions.push({
      name: 'Swish',
      domain: 'local',
      overload: undefined,
      attributeNames: ['beta'],
      attributeProtos: [{ name: 'gamma', type: AttrType.INTS, ints: [1, { toString: () => '2' }] }],
      opsetImports: new Map([['', 17]]),
      body,
      docString: 'swish',
      metadataProps: [['p', 'q']],
      extra: undefined,
    });
    const text = printModel(m);
    expect(text.slice(text.indexOf('}\n') + 2)).toBe(`
<
   domain: "local",
   opset_import: ["" : 17],
   doc_string: "swish"
>
Swish <beta, gamma: ints = [1, 2]> (x) => (y)
   <
      float x
   >
{
   #@ graph {"metadata_props":[["p","q"]]}
   s = Sigmoid (x)
   y = Mul <beta: float = @beta> (x, s)
}
`);
  });

  it('is deterministic', () => {
    expect(printModel(convModel())).toBe(printModel(convModel()));
  });
});
