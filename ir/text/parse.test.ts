import { describe, expect, it } from 'vitest';
import { AttrType } from '../attribute.js';
import { DataType } from '../dtype.js';
import { YlcError } from '../errors.js';
import { parseGraph, parseModel } from './parse.js';
import { printGraph } from './print.js';

const HEADER = '<ir_version: 8, opset_import: ["" : 17]>\n';

function parseError(text: string, options?: Parameters<typeof parseModel>[2]): string {
  try {
    parseModel(text, 'm.onnxtxt', options);
  } catch (e) {
    if (!(e instanceof YlcError)) throw e;
    expect(e.code).toBe('bad-text');
    return e.message;
  }
  throw new Error('parsed without error');
}

describe('parseModel', () => {
  it('reads the example of onnx/docs/Syntax.md', () => {
    const m = parseModel(`
<
  ir_version: 7,
  opset_import: [ "" : 10 ]
>
agraph (float[N, 128] X, float[128, 10] W, float[10] B) => (float[N, 10] C)
{
    T = MatMul(X, W)
    S = Add(T, B)
    C = Softmax(S)
}`);
    expect(m.irVersion).toBe(7n);
    expect([...m.opsetImports]).toEqual([['', 10]]);
    const g = m.graph;
    expect(g.name).toBe('agraph');
    expect(g.inputs.map((v) => v.name)).toEqual(['X', 'W', 'B']);
    expect(g.inputs[0]!.type).toEqual({ kind: 'tensor', elemType: DataType.FLOAT, shape: [{ param: 'N' }, { value: 128 }] });
    const [t, s, c] = g.nodes.toArray();
    expect(t!.opType).toBe('MatMul');
    expect(s!.inputs).toEqual([t!.output(), g.inputs[2]]);
    expect(c!.output()).toBe(g.outputs[0]);
    expect(g.outputs[0]!.type).toEqual({ kind: 'tensor', elemType: DataType.FLOAT, shape: [{ param: 'N' }, { value: 10 }] });
    expect(t!.output().uses().map((u) => [u.node, u.index])).toEqual([[s, 0]]);
  });

  it('reads what onnx.printer writes, spacing quirks included', () => {
    // onnx.printer: "name =  {1,2}" (two spaces, no space after commas), a space after the
    // signature, attributes after the inputs of a node with a subgraph, "[name]" labels.
    const m = parseModel(`<
   ir_version: 8,
   opset_import: ["" : 17],
   producer_name: "onnx"
>
main (float[2] x, bool c) => (float[2] y) 
   <float[2] w =  {1,2}, float[2] t>
{
   ["mul"] t = Mul (x, w)
   [""] y = If (c) <then_branch: graph = then_g () => ( float[2] a) {
      a = Identity (t)
   }, else_branch: graph = else_g () => ( float[2] b) {
      b = Neg (t)
   }>
}

<
  domain: "local",
  opset_import: ["" : 17]
>
Twice <k>(x) => (y)
{
   y = Add (x, x)
}
`);
    const g = m.graph;
    expect(g.initializers.get('w')!.constValue!.toFloat32()).toEqual(Float32Array.of(1, 2));
    expect(g.valueInfos.map((v) => v.name)).toEqual(['t']);
    const [mul, iff] = g.nodes.toArray();
    expect(mul!.name).toBe('mul');
    expect(iff!.name).toBe('');
    expect(iff!.subgraphs().map((s) => s.outputs[0]!.type)).toEqual([
      { kind: 'tensor', elemType: DataType.FLOAT, shape: [{ value: 2 }] },
      { kind: 'tensor', elemType: DataType.FLOAT, shape: [{ value: 2 }] },
    ]);
    expect(m.functions.map((f) => [f.name, f.attributeNames, f.body.nodes.size])).toEqual([['Twice', ['k'], 1]]);
  });

  it('reads header fields, initializers, value_info, names, domains and empty inputs', () => {
    const m = parseModel(`<
   ir_version: 8,
   opset_import: ["" : 17, "com.microsoft" : 1],
   producer_name: "pytorch",
   producer_version: "2.1",
   domain: "ai.ylc",
   model_version: 3,
   doc_string: "a \\"model\\"",
   metadata_props: ["stride": "32", "names": "{0: 'person'}"]
>
main_graph (float[1,3,640,640] images) => (float[1,16,320,320] y)
   <float[2] w =  {1,2}, int64[1] c = {2}, float[1,16,320,320] "/conv_out", float[3] stale>
{
   # a comment
   ["/model.0/conv/Conv"] "/conv_out" = Conv <dilations: ints = [1, 1], group: int = 1> (images, w, )   # trailing comma: 2 inputs
   y, "" = com.microsoft.Fused.Act:v2 <alpha: float = 0.100000001> ("/conv_out", , c, "")
}
`);
    expect(m.producerName).toBe('pytorch');
    expect(m.producerVersion).toBe('2.1');
    expect(m.domain).toBe('ai.ylc');
    expect(m.modelVersion).toBe(3n);
    expect(m.docString).toBe('a "model"');
    expect(m.metadataProps).toEqual([
      ['stride', '32'],
      ['names', "{0: 'person'}"],
    ]);
    const g = m.graph;
    expect([...g.initializers.keys()]).toEqual(['w', 'c']);
    expect(g.initializers.get('w')!.constValue!.toFloat32()).toEqual(Float32Array.of(1, 2));
    expect(g.initializers.get('c')!.constValue!.toBigInt64()).toEqual(BigInt64Array.of(2n));
    expect(g.valueInfos.map((v) => v.name)).toEqual(['/conv_out', 'stale']);
    expect(g.valueInfos[1]!.producer()).toBeUndefined();
    const [conv, act] = g.nodes.toArray();
    expect(conv!.name).toBe('/model.0/conv/Conv');
    expect(conv!.inputs.length).toBe(2);
    expect(conv!.output().type).toEqual({ kind: 'tensor', elemType: DataType.FLOAT, shape: [1, 16, 320, 320].map((value) => ({ value })) });
    expect(act!.domain).toBe('com.microsoft.Fused');
    expect(act!.opType).toBe('Act');
    expect(act!.overload).toBe('v2');
    expect(act!.inputs.map((v) => v?.name ?? null)).toEqual(['/conv_out', null, 'c', null]);
    expect(act!.outputs.map((v) => v.name)).toEqual(['y', '']);
    expect(act!.attrFloat('alpha')).toBe(Math.fround(0.1));
  });

  it('defaults ir_version 10 and opset 17 when the header is missing', () => {
    const m = parseModel('g (float x) => (x) {}');
    expect(m.irVersion).toBe(10n);
    expect([...m.opsetImports]).toEqual([['', 17]]);
    expect(m.graph.outputs[0]).toBe(m.graph.inputs[0]);
  });

  it('infers attribute types as onnx.parser does and checks declared ones', () => {
    const g = parseGraph(`g (float x) => (y) {
      y = Op <i = 3, f = 2.5, e = 1e-3, n = -inf, s = "str", is = [1, -2], fs = [1, 2.5], ss = ["a", "b"],
              t = float[2] {1, 2}, tn = int64 shape {4}, teq = float[1] = {7}, tp = float[N], tps = [int64, seq(float)],
              cast: float = 3, fl: floats = [1, 2], nan = nan, big = 9223372036854775807,
              g1 = body () => (z) { z = Constant <value = float {1}> () }, gs: graphs = [a () => () {}, b () => () {}]> (x)
    }`);
    const n = g.nodes.first()!;
    const attr = (name: string): unknown => {
      const a = n.attr(name)!;
      return [a.type, a.value];
    };
    expect(attr('i')).toEqual([AttrType.INT, 3n]);
    expect(attr('f')).toEqual([AttrType.FLOAT, 2.5]);
    expect(attr('e')).toEqual([AttrType.FLOAT, Math.fround(1e-3)]);
    expect(attr('n')).toEqual([AttrType.FLOAT, -Infinity]);
    expect(attr('s')).toEqual([AttrType.STRING, 'str']);
    expect(attr('is')).toEqual([AttrType.INTS, [1n, -2n]]);
    expect(attr('fs')).toEqual([AttrType.FLOATS, [1, 2.5]]);
    expect(attr('ss')).toEqual([AttrType.STRINGS, ['a', 'b']]);
    expect(n.attrTensor('t')!.toFloat32()).toEqual(Float32Array.of(1, 2));
    expect(n.attrTensor('tn')!.name).toBe('shape');
    expect(n.attrTensor('tn')!.dims).toEqual([]);
    expect(n.attrTensor('teq')!.toFloat32()).toEqual(Float32Array.of(7));
    expect(attr('tp')).toEqual([AttrType.TYPE_PROTO, { kind: 'tensor', elemType: DataType.FLOAT, shape: [{ param: 'N' }] }]);
    expect(attr('tps')).toEqual([
      AttrType.TYPE_PROTOS,
      [
        { kind: 'tensor', elemType: DataType.INT64, shape: [] },
        { kind: 'other', proto: { sequenceType: { elemType: { tensorType: { elemType: DataType.FLOAT, shape: { dim: [] } } } } } },
      ],
    ]);
    expect(attr('cast')).toEqual([AttrType.FLOAT, 3]);
    expect(attr('fl')).toEqual([AttrType.FLOATS, [1, 2]]);
    expect(Number.isNaN(n.attrFloat('nan'))).toBe(true);
    expect(attr('big')).toEqual([AttrType.INT, 2n ** 63n - 1n]);
    const body = n.attr('g1')!;
    expect(body.type).toBe(AttrType.GRAPH);
    if (body.type !== AttrType.GRAPH) throw new Error();
    expect(body.value.parentNode).toBe(n);
    expect(body.value.nodes.first()!.attrTensor('value')!.toFloat32()).toEqual(Float32Array.of(1));
    const gs = n.attr('gs')!;
    expect(gs.type === AttrType.GRAPHS && gs.value.map((x) => x.name)).toEqual(['a', 'b']);
  });

  it('reads every type form', () => {
    const g = parseGraph(`g (float s, float[] r, float[2,N,?,"batch size"] t, seq(float[2]) q, map(int64, seq(string)) m,
        optional(int8) o, sparse_tensor(float[3]) sp, opaque(com.foo, Thing) op, opaque(Thing) op1, opaque() op2, x) => () {}`);
    expect(g.inputs.map((v) => v.type)).toEqual([
      { kind: 'tensor', elemType: DataType.FLOAT, shape: [] },
      { kind: 'tensor', elemType: DataType.FLOAT, shape: undefined },
      { kind: 'tensor', elemType: DataType.FLOAT, shape: [{ value: 2 }, { param: 'N' }, {}, { param: 'batch size' }] },
      { kind: 'other', proto: { sequenceType: { elemType: { tensorType: { elemType: DataType.FLOAT, shape: { dim: [{ dimValue: 2 }] } } } } } },
      {
        kind: 'other',
        proto: { mapType: { keyType: DataType.INT64, valueType: { sequenceType: { elemType: { tensorType: { elemType: DataType.STRING, shape: { dim: [] } } } } } } },
      },
      { kind: 'other', proto: { optionalType: { elemType: { tensorType: { elemType: DataType.INT8, shape: { dim: [] } } } } } },
      { kind: 'other', proto: { sparseTensorType: { elemType: DataType.FLOAT, shape: { dim: [{ dimValue: 3 }] } } } },
      { kind: 'other', proto: { opaqueType: { domain: 'com.foo', name: 'Thing' } } },
      { kind: 'other', proto: { opaqueType: { domain: '', name: 'Thing' } } },
      { kind: 'other', proto: { opaqueType: { domain: '', name: '' } } },
      undefined,
    ]);
    expect(printGraph(g)).toBe(
      'g (float s, float[] r, float[2,N,?,"batch size"] t, seq(float[2]) q, map(int64, seq(string)) m, optional(int8) o, ' +
        'sparse_tensor(float[3]) sp, opaque(com.foo,Thing) op, opaque(Thing) op1, opaque() op2, x) => () {\n}\n',
    );
  });

  it('reads input defaults as initializers that are also graph inputs', () => {
    const g = parseGraph('g (float[2] x = {1, 2}, float y) => (z) { z = Add (x, y) }');
    const x = g.inputs[0]!;
    expect(g.initializers.get('x')).toBe(x);
    expect(x.isInitializer() && x.isGraphInput()).toBe(true);
    expect(x.constValue!.toFloat32()).toEqual(Float32Array.of(1, 2));
    const h = parseGraph('g (float[2] x) => (z) <float[2] x = {3, 4}> { z = Neg (x) }');
    expect(h.initializers.get('x')).toBe(h.inputs[0]);
  });

  it('resolves subgraph references to enclosing values, wherever the producer is', () => {
    const g = parseGraph(`g (bool c) => (y) {
      y = If (c) <then_branch: graph = t () => (a) { a = Identity (late) }, else_branch: graph = e () => (b) { b = Neg (late) }>
      late = Constant <value = float {1}> ()
    }`);
    const [iff, constant] = g.nodes.toArray();
    const late = constant!.output();
    expect(late.uses().map((u) => u.node.graph?.name)).toEqual(['t', 'e']);
    expect(iff!.subgraphs().map((s) => s.parentNode)).toEqual([iff, iff]);
    expect(g.freshName('late')).not.toBe('late');
  });

  it('keeps subgraph initializer names as written when a sibling uses the same name', () => {
    const g = parseGraph(`g (bool c) => (y) {
      y = If (c) <then_branch: graph = t () => (k) <float k = {1}> {}, else_branch: graph = e () => (k) <float k = {2}> {}>
    }`);
    const [t, e] = g.nodes.first()!.subgraphs();
    expect(t!.outputs[0]!.name).toBe('k');
    expect(e!.outputs[0]!.name).toBe('k');
    expect(e!.initializers.get('k')!.constValue!.toFloat32()).toEqual(Float32Array.of(2));
  });

  it('reads #@ annotations back onto graph, values, initializer tensors and nodes', () => {
    const g = parseGraph(`g (float x) => (y) <float w = {1}> {
      #@ graph {"doc_string":"G","metadata_props":[["a","b"]]}
      #@ value {"name":"x","doc_string":"X"}
      #@ value {"name":"y","metadata_props":[["m","n"]]}
      #@ initializer {"name":"w","doc_string":"W"}
      #@ node {"doc_string":"N","attribute_doc_strings":{"axis":"A"}}
      y = Mul <axis: int = 0> (x, w)
    }`);
    expect([g.docString, g.metadataProps]).toEqual(['G', [['a', 'b']]]);
    expect(g.inputs[0]!.docString).toBe('X');
    expect(g.outputs[0]!.metadataProps).toEqual([['m', 'n']]);
    expect(g.initializers.get('w')!.constValue!.docString).toBe('W');
    const n = g.nodes.first()!;
    expect(n.docString).toBe('N');
    expect(n.attr('axis')!.docString).toBe('A');
  });

  it('reads functions, typed formals, attribute defaults and references', () => {
    const m = parseModel(`${HEADER}g (float x) => (y) { y = local.Swish <beta: float = 2> (x) }
<domain: "local", opset_import: ["" : 17], doc_string: "swish", overload: "o">
Swish <beta, gamma: int = 3, names = ["a"]> (float x) => (y) <float s> {
   #@ graph {"metadata_props":[["p","q"]]}
   s = Sigmoid (x)
   y = Mul <b: float = @beta> (x, s)
}`);
    const fn = m.functions[0]!;
    expect([fn.name, fn.domain, fn.overload, fn.docString]).toEqual(['Swish', 'local', 'o', 'swish']);
    expect(fn.attributeNames).toEqual(['beta']);
    expect(fn.attributeProtos).toEqual([
      { name: 'gamma', type: AttrType.INT, i: 3 },
      { name: 'names', type: AttrType.STRINGS, strings: [new TextEncoder().encode('a')] },
    ]);
    expect([...fn.opsetImports]).toEqual([['', 17]]);
    expect(fn.metadataProps).toEqual([['p', 'q']]);
    expect(fn.body.inputs[0]!.type).toEqual({ kind: 'tensor', elemType: DataType.FLOAT, shape: [] });
    expect(fn.body.valueInfos.map((v) => v.name)).toEqual(['x', 's']);
    const mul = fn.body.nodes.last()!;
    expect(mul.attr('b')).toMatchObject({ type: AttrType.FLOAT, refAttrName: 'beta' });
  });

  it('reads values of every dtype', () => {
    const g = parseGraph(`g () => () <
      float16[2] h = {15360, 1.5}, bfloat16[1] bf = {-2.0}, int4[3] i4 = {7, -1, -8}, uint2[2] u2 = {3, 1},
      bool[2] b = {1, 0}, uint64[1] u = {18446744073709551615}, double[1] d = {0.1}, complex64[1] cx = {1, -2},
      string[2] s = {"a", ""}, float8e5m2[1] f8 = {60}, float[2] none = {}> {}`);
    const bytes = (name: string): number[] => [...g.initializers.get(name)!.constValue!.bytes()];
    expect(bytes('h')).toEqual([0x00, 0x3c, 0x00, 0x3e]);
    expect(bytes('bf')).toEqual([0x00, 0xc0]);
    expect(bytes('i4')).toEqual([0xf7, 0x08]);
    expect(bytes('u2')).toEqual([0b0111]);
    expect(bytes('b')).toEqual([1, 0]);
    expect(bytes('u')).toEqual([255, 255, 255, 255, 255, 255, 255, 255]);
    expect(g.initializers.get('d')!.constValue!.toFloat64()).toEqual(Float64Array.of(0.1));
    expect(bytes('cx')).toEqual([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0]);
    expect(g.initializers.get('s')!.constValue!.toStrings()).toEqual(['a', '']);
    expect(bytes('f8')).toEqual([60]);
    expect(g.initializers.get('none')!.constValue!.storage.kind).toBe('none');
  });

  it('reads external data references relative to the file', () => {
    const g = parseGraph('g () => () <float[4] w = ["location": "w.bin", "offset": "16"]> {}', '/models/m.onnxtxt');
    const t = g.initializers.get('w')!.constValue!;
    expect(t.storage).toEqual({ kind: 'external', ref: { entries: [['location', 'w.bin'], ['offset', '16']], baseDir: '/models' } });
  });

  it('refuses external data outside the file\'s directory, as the binary reader does', () => {
    expect(() => parseGraph('g () => () <float[4] w = ["location": "/etc/passwd"]> {}', '/models/m.onnxtxt')).toThrow(
      "/models/m.onnxtxt:1:22: tensor 'w' has its data at the absolute path /etc/passwd; ONNX allows only locations relative to the model's directory",
    );
    expect(() => parseGraph('g () => () <float[4] w = ["location": "../x.bin"]> {}', '/models/m.onnxtxt')).toThrow("which is outside the model's directory /models");
  });

  it('reads elided tensors as zeros only when asked', () => {
    const text = `${HEADER}g () => (w) <float[2,2] w = {... min -1 max 1 mean 0 sha256 0123456789ab}, string[2] s = {...}> {}`;
    const m = parseModel(text, 'm.onnxtxt', { elidedTensors: 'zeros' });
    expect(m.graph.initializers.get('w')!.constValue!.toFloat32()).toEqual(new Float32Array(4));
    expect(m.graph.initializers.get('s')!.constValue!.toStrings()).toEqual(['', '']);
    expect(parseError(text)).toBe(
      "m.onnxtxt:2:29: tensor 'w' (float[2,2]) is elided ({...}): its values are not in the text; print with a larger maxInlineElements (ylc print --max-inline N), or parse with { elidedTensors: 'zeros' } (ylc parse --elided-as-zeros)",
    );
  });
});

describe('parse errors', () => {
  const cases: Array<[string, string, string]> = [
    ['unexpected character', 'g (float x) => (x) { y = Relu (x) $ }', "m.onnxtxt:1:35: unexpected character \"$\""],
    ['unterminated string', 'g ("x) => () {}', 'm.onnxtxt:1:4: unterminated string literal'],
    ['invalid number', '<ir_version: -x> g () => () {}', "m.onnxtxt:1:14: invalid number '-x'"],
    ['unknown header key', '<ir_versio: 8> g () => () {}', "m.onnxtxt:1:2: unknown model header key 'ir_versio' (expected ir_version, opset_import, producer_name, producer_version, domain, model_version, doc_string or metadata_props)"],
    ['header value of the wrong kind', '<ir_version: "8"> g () => () {}', 'm.onnxtxt:1:14: expected an integer ir_version, found string "8"'],
    ['opset version out of range', '<opset_import: ["" : 4294967296]> g () => () {}', "m.onnxtxt:1:22: 4294967296 is out of range for an opset version (0..2147483647)"],
    ['missing =>', 'g (float x) (x) {}', "m.onnxtxt:1:13: expected '=>' between graph inputs and outputs, found '('"],
    ['missing graph name', '(float x) => (x) {}', "m.onnxtxt:1:1: expected a graph name, found '('"],
    ['type without name', 'g (float) => () {}', "m.onnxtxt:1:9: expected a value name after its type, found ')'"],
    ['unknown type inside seq', 'g (seq(flaot) x) => () {}', "m.onnxtxt:1:8: unknown type 'flaot'"],
    ['bad dimension', 'g (float[1,-]) => () {}', 'm.onnxtxt:1:12: unexpected character "-"'],
    ['unterminated body', 'g (float x) => (x) { y = Relu (x)', "m.onnxtxt:1:34: expected a node or '}' to close graph 'g', found end of input"],
    ['node without =', 'g (float x) => (y) { y Relu (x) }', "m.onnxtxt:1:24: expected '=' after the node outputs, found identifier 'Relu'"],
    ['node without inputs', 'g (float x) => (y) { y = Relu }', "m.onnxtxt:1:31: expected '(' to open the inputs of Relu, found '}'"],
    ['undefined input', 'g (float x) => (y) { ["r"] y = Relu (z) }', "m.onnxtxt:1:38: node Relu 'r': input 0 'z' is not defined in graph 'g' or an enclosing graph"],
    ['undefined input of an unnamed node', 'g (float x) => (y) { y = Add (x, w) }', "m.onnxtxt:1:34: node Add 'y': input 1 'w' is not defined in graph 'g' or an enclosing graph"],
    ['undefined output', 'g (float x) => (y) {}', "m.onnxtxt:1:17: output 'y' of graph 'g' is not defined"],
    ['defined twice', 'g (float x) => (x) { x = Relu (x) }', "m.onnxtxt:1:22: value 'x' is defined twice in graph 'g'"],
    ['initializer defined twice', 'g () => () <float a = {1}, float a = {2}> {}', "m.onnxtxt:1:34: value 'a' is defined twice in graph 'g'"],
    ['initializer without type', 'g () => () <a = {1}> {}', "m.onnxtxt:1:13: initializer 'a' needs a tensor type (e.g. float[2] a = {1, 2})"],
    ['initializer with symbolic dims', 'g () => () <float[N] a = {1}> {}', "m.onnxtxt:1:22: initializer 'a' needs a tensor type with numeric dims, found float[N]"],
    ['too many values', 'g () => () <float[2] a = {1, 2, 3}> {}', "m.onnxtxt:1:26: tensor 'a' (float[2]) has 3 values, expected 2"],
    ['float in an int tensor', 'g () => () <int64[1] a = {1.5}> {}', "m.onnxtxt:1:27: expected an integer in int64 tensor 'a', found number 1.5"],
    ['int out of range', 'g () => () <uint8[1] a = {256}> {}', 'm.onnxtxt:1:27: value 256 is out of range for uint8'],
    ['string in a float tensor', 'g () => () <float[1] a = {"1"}> {}', "m.onnxtxt:1:27: expected a number in tensor 'a', found string \"1\""],
    ['number in a string tensor', 'g () => () <string[1] a = {1}> {}', "m.onnxtxt:1:28: expected a string value of tensor 'a', found number 1"],
    ['identifier as a tensor value', 'g () => () <float[1] a = {x}> {}', "m.onnxtxt:1:27: expected a value of tensor 'a', found identifier 'x'"],
    ['float6 values', 'g () => () <float6e2m3[1] a = {1}> {}', "m.onnxtxt:1:31: tensor 'a': float6e2m3 values have no text form"],
    ['unterminated elided tensor', 'g () => () <float[20] a = {... min 0', "m.onnxtxt:1:28: unterminated elided tensor: '{...' without '}'"],
    ['function initializer', '<ir_version: 8> g () => () {}\nf (x) => (y) <float a = {1}> { y = Neg (x) }', 'm.onnxtxt:2:23: functions have no initializers'],
    ['output default', 'g () => (float[1] y = {1}) {}', 'm.onnxtxt:1:21: graph outputs cannot have initial values'],
    ['unknown attribute type', 'g (float x) => (y) { y = Relu <a: intz = 1> (x) }', "m.onnxtxt:1:35: unknown attribute type 'intz' (expected one of float, int, string, tensor, graph, floats, ints, strings, tensors, graphs, sparse_tensor, sparse_tensors, type_proto, type_protos)"],
    ['declared type mismatch', 'g (float x) => (y) { y = Relu <a: int = 1.5> (x) }', "m.onnxtxt:1:41: attribute 'a' is declared int but the value is a float"],
    ['list element type mismatch', 'g (float x) => (y) { y = Relu <a: ints = [1, "2"]> (x) }', "m.onnxtxt:1:46: attribute 'a' is declared int but the value is a string"],
    ['mixed list', 'g (float x) => (y) { y = Relu <a = [1, "2"]> (x) }', "m.onnxtxt:1:40: attribute 'a' mixes int and string values in one list"],
    ['empty list without annotation', 'g (float x) => (y) { y = Relu <pads = []> (x) }', "m.onnxtxt:1:32: empty list for attribute 'pads' needs a type annotation (pads: ints = [])"],
    ['list for a singleton type', 'g (float x) => (y) { y = Relu <a: int = [1]> (x) }', "m.onnxtxt:1:41: attribute 'a' is declared int, which is not a list type"],
    ['singleton for a list type', 'g (float x) => (y) { y = Relu <a: ints = 1> (x) }', "m.onnxtxt:1:42: expected '[' to open the ints of attribute 'a', found number 1"],
    ['reference without a type', 'g (float x) => (y) { y = Relu <a = @b> (x) }', "m.onnxtxt:1:36: attribute 'a' refers to '@b' and needs a type annotation (a: float = @b)"],
    ['attribute given twice', 'g (float x) => (y) { y = Relu <a = 1, a = 2> (x) }', "m.onnxtxt:1:39: attribute 'a' is given twice"],
    ['identifier for a string attribute', 'g (float x) => (y) { y = Resize <mode: string = nearest> (x) }', "m.onnxtxt:1:49: expected a string value for attribute 'mode', found identifier 'nearest'"],
    ['identifier for an int attribute', 'g (float x) => (y) { y = Relu <a: int = b> (x) }', "m.onnxtxt:1:41: expected an int value for attribute 'a', found identifier 'b'"],
    ['a name with a newline stays on one line', 'g (float x) => (y) { y = Relu ("a\nb") }', "m.onnxtxt:1:32: node Relu 'y': input 0 'a\\nb' is not defined in graph 'g' or an enclosing graph"],
    ['sparse tensor attribute', 'g (float x) => (y) { y = Relu <a: sparse_tensor = {...}> (x) }', "m.onnxtxt:1:32: attribute 'a': sparse tensor attributes have no text form"],
    ['tensor attribute without a type', 'g (float x) => (y) { y = Relu <a: tensor = {1}> (x) }', "m.onnxtxt:1:44: expected a type starting the tensor value of attribute 'a', found '{'"],
    ['int attribute out of int64', 'g (float x) => (y) { y = Relu <a = 9223372036854775808> (x) }', "m.onnxtxt:1:36: attribute 'a': 9223372036854775808 does not fit in int64"],
    ['annotation outside a body', '#@ graph {}\ng () => () {}', "m.onnxtxt:1:1: annotation '#@ graph' is not allowed here: annotations go at the start of a graph body or before a node"],
    ['unknown annotation kind', 'g () => () {\n#@ edge {}\n}', 'm.onnxtxt:2:1: bad annotation: expected #@ graph|value|initializer|node {json}'],
    ['bad annotation JSON', 'g () => () {\n#@ graph {doc}\n}', 'm.onnxtxt:2:1: bad annotation: the text after the kind is not valid JSON'],
    ['bad annotation field', 'g () => () {\n#@ graph {"doc_string": 1}\n}', 'm.onnxtxt:2:1: bad annotation: "doc_string" must be a string'],
    ['bad metadata_props', 'g () => () {\n#@ graph {"metadata_props": [["a"]]}\n}', 'm.onnxtxt:2:1: bad annotation: "metadata_props" must be an array of [key, value] strings'],
    ['value annotation without a name', 'g () => () {\n#@ value {}\n}', "m.onnxtxt:2:1: bad annotation: '#@ value' needs a \"name\""],
    ['annotation of an unknown value', 'g () => () {\n#@ value {"name": "q"}\n}', "m.onnxtxt:2:1: annotation names value 'q', which graph 'g' does not define"],
    ['annotation of an unknown initializer', 'g () => () {\n#@ initializer {"name": "q"}\n}', "m.onnxtxt:2:1: annotation names initializer 'q', which graph 'g' does not have"],
    ['node annotation without a node', 'g () => () {\n#@ node {}\n}', "m.onnxtxt:3:1: expected a node after '#@ node'"],
    ['graph annotation after a node', 'g (float x) => () {\ny = Neg (x)\n#@ graph {}\n}', "m.onnxtxt:3:1: '#@ graph' annotations go before the first node of the graph"],
    ['attribute doc of a missing attribute', 'g (float x) => () {\n#@ node {"attribute_doc_strings": {"q": "d"}}\ny = Neg (x)\n}', "m.onnxtxt:2:1: annotation names attribute 'q', which the node does not have"],
    ['trailing input', '<ir_version: 8> g () => () {} }', "m.onnxtxt:1:31: expected a function name, found '}'"],
    ['function default of an unsupported type', '<ir_version: 8> g () => () {}\nf <t = float {1}> () => () {}', "m.onnxtxt:2:4: function attribute 't': defaults of type tensor are not supported in text"],
  ];
  for (const [what, text, message] of cases) {
    it(what, () => {
      expect(parseError(text)).toBe(message);
    });
  }

  it('reports positions on later lines and in parseGraph', () => {
    expect(() => parseGraph('g (float x) => (y) {\n   y = Relu (x)\n   z = Neg (q)\n}', 'sub.txt')).toThrow(
      new YlcError('bad-text', "sub.txt:3:13: node Neg 'z': input 0 'q' is not defined in graph 'g' or an enclosing graph"),
    );
    expect(() => parseGraph('g () => () {} extra')).toThrow("<text>:1:15: expected end of input, found identifier 'extra'");
  });
});
