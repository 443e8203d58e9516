/**
 * print(parse(print(m))) === print(m), and parse(print(m)) holds the same model: checked by
 * comparing the serde encodings byte for byte (models built here keep raw tensor data and no
 * `extra` fields, so equal IR encodes to equal bytes).
 */
import { describe, expect, it } from 'vitest';
import { AttrType, type Attribute } from '../attribute.js';
import { DataType, rawByteLength } from '../dtype.js';
import { Graph, Node, Value } from '../graph.js';
import { Model } from '../model.js';
import { encodeModel } from '../serde/index.js';
import { Tensor } from '../tensor.js';
import { tensorType } from '../type.js';
import { parseModel } from './parse.js';
import { printModel } from './print.js';

function expectRoundTrip(m: Model, maxInlineElements = Infinity): void {
  const text = printModel(m, { maxInlineElements });
  const back = parseModel(text, 'roundtrip.onnxtxt');
  expect(printModel(back, { maxInlineElements })).toBe(text);
  expect(Buffer.from(encodeModel(back)).equals(Buffer.from(encodeModel(m)))).toBe(true);
}

describe('round trip', () => {
  it('holds for a hand-written model with every construct', () => {
    const text = `<
   ir_version: 9,
   opset_import: ["" : 17, "com.microsoft" : 1, "local" : 1],
   producer_name: "ylc",
   producer_version: "0.1",
   domain: "ai.ylc",
   model_version: 2,
   doc_string: "multi\nline \\"doc\\"",
   metadata_props: ["stride": "32"]
>
"main graph" (float[1,3,N,?] images, bool cond) => (float[1,16,N,?] out, float[] "/odd name")
   <
      float[4] "model.0.w" = {0.1, -0.0, nan, -inf},
      int64[2] shape = {-9223372036854775808, 9223372036854775807},
      float16[2] h = {15360, 65535},
      string[2] words = {"a \\"b\\"", "c\\\\d"},
      float[1,16,N,?] mid
   >
{
   #@ graph {"doc_string":"g","metadata_props":[["k","v"]]}
   #@ value {"name":"images","doc_string":"RGB"}
   #@ initializer {"name":"shape","metadata_props":[["q","r"]]}
   #@ node {"doc_string":"the conv","attribute_doc_strings":{"group":"one"}}
   ["/model.0/conv"] mid = Conv <group: int = 1, pads: ints = [1, 1, 1, 1], alpha: float = 1e-7, s: strings = ["x", ""], t: tensor = uint8[2] {0, 255}, e: floats = []> (images, "model.0.w", "")
   out, "" = com.microsoft.Fused:v2 <tp: type_proto = seq(float[N]), tps: type_protos = [int8, map(int64, float[])]> (mid, , shape)
   "/odd name" = If (cond) <then_branch: graph = then_g () => (float[1] a)
      <
         float[1] k = {3}
      >
   {
      #@ value {"name":"a","metadata_props":[["m","n"]]}
      a = Add (k, "model.0.w")
   }, else_branch: graph = else_g () => (b) {
      b = local.Twice <factor: float = 2> (mid)
   }>
}

<
   domain: "local",
   opset_import: ["" : 17]
>
Twice <factor, bias: float = 0.5> (float x) => (y)
   <
      float t
   >
{
   #@ graph {"metadata_props":[["p","q"]]}
   f = Constant <value_float: float = @factor> ()
   t = Mul (x, f)
   y = Add <unused: ints = [1]> (t, x)
}
`;
    expectRoundTrip(parseModel(text));
  });

  it('holds for generated models (random names, attributes and tensor bits)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const m = randomModel(seed);
      try {
        expectRoundTrip(m);
      } catch (e) {
        throw new Error(`seed ${seed}: ${(e as Error).message}\n${printModel(m)}`);
      }
    }
  });

  it('keeps float32 bits of every finite and infinite value it prints', () => {
    const bits = new Uint32Array(4096);
    let s = 7;
    for (let i = 0; i < bits.length; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      bits[i] = (s & 0x7f800000) === 0x7f800000 && s & 0x7fffff ? 0x7fc00000 : s; // NaN payloads have no text form
    }
    bits[0] = 0x00000001; // smallest subnormal
    bits[1] = 0x80000000; // -0
    bits[2] = 0x7f7fffff; // largest finite
    const g = new Graph('g');
    const w = g.addInitializer(Tensor.fromBytes(DataType.FLOAT, [bits.length], new Uint8Array(bits.buffer)), 'w');
    g.outputs.push(w);
    expectRoundTrip(new Model(g));
  });
});

// --- a small model generator ---

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAME_PARTS = ['x', 'conv', '/model.0/Conv', 'a b', 'float', 'inf', 'seq', 'q"uote', 'back\\slash', 'ünï', 'new\nline', '_1', '1st', ''];

function randomModel(seed: number): Model {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (n: number): number => Math.floor(r() * n);
  let counter = 0;
  const name = (): string => `${pick(NAME_PARTS)}${pick(NAME_PARTS)}#${counter++}`;
  const float32 = (): number => {
    const u = new Uint32Array(1);
    u[0] = (r() * 2 ** 32) >>> 0;
    const f = new Float32Array(u.buffer)[0]!;
    return Number.isNaN(f) ? 0.5 : f;
  };
  const dtypes = [DataType.FLOAT, DataType.INT64, DataType.INT8, DataType.UINT8, DataType.INT32, DataType.BOOL, DataType.FLOAT16, DataType.DOUBLE, DataType.INT4, DataType.UINT16];
  const randomTensor = (): Tensor => {
    const dtype = pick(dtypes);
    const dims = Array.from({ length: int(3) }, () => 1 + int(3));
    const size = dims.reduce((a, b) => a * b, 1);
    const bytes = new Uint8Array(rawByteLength(dtype, size));
    for (let i = 0; i < bytes.length; i++) bytes[i] = int(256);
    if (dtype === DataType.BOOL) bytes.forEach((_, i) => (bytes[i] = int(2)));
    if (dtype === DataType.INT4 && size % 2 === 1) bytes[bytes.length - 1]! &= 0x0f;
    const view = new DataView(bytes.buffer);
    if (dtype === DataType.FLOAT) for (let i = 0; i < size; i++) view.setFloat32(i * 4, float32(), true);
    if (dtype === DataType.DOUBLE) for (let i = 0; i < size; i++) view.setFloat64(i * 8, float32() * (r() + 0.1), true);
    return Tensor.fromBytes(dtype, dims, bytes);
  };
  const randomAttr = (attrName: string): Attribute => {
    switch (int(7)) {
      case 0:
        return { name: attrName, type: AttrType.INT, value: BigInt(int(2 ** 31)) * BigInt(int(2 ** 31)) * (r() < 0.5 ? -1n : 1n) };
      case 1:
        return { name: attrName, type: AttrType.FLOAT, value: float32() };
      case 2:
        return { name: attrName, type: AttrType.STRING, value: name() };
      case 3:
        return { name: attrName, type: AttrType.INTS, value: Array.from({ length: int(4) }, () => BigInt(int(100) - 50)) };
      case 4:
        return { name: attrName, type: AttrType.FLOATS, value: Array.from({ length: int(4) }, float32) };
      case 5:
        return { name: attrName, type: AttrType.STRINGS, value: Array.from({ length: int(3) }, name) };
      default:
        return { name: attrName, type: AttrType.TENSOR, value: randomTensor() };
    }
  };
  const g = new Graph(name());
  const values: Value[] = [];
  for (let i = 0, n = 1 + int(3); i < n; i++) {
    const v = g.addInput(new Value(name(), r() < 0.7 ? tensorType(pick(dtypes), [1 + int(4), 'N', null]) : undefined));
    if (r() < 0.3) v.docString = name();
    values.push(v);
  }
  for (let i = 0, n = int(4); i < n; i++) {
    const v = g.addInitializer(randomTensor(), name());
    if (r() < 0.3) v.constValue!.metadataProps = [[name(), name()]];
    values.push(v);
  }
  for (let i = 0, n = 1 + int(6); i < n; i++) {
    const inputs = Array.from({ length: int(4) }, () => (r() < 0.15 ? null : pick(values)));
    const outputs = Array.from({ length: 1 + int(2) }, () => (r() < 0.15 ? '' : name()));
    const attrs = Array.from({ length: int(4) }, (_, k) => randomAttr(`a${k}`));
    const node = g.append(
      new Node(pick(['Conv', 'Relu', 'Foo']), inputs, outputs, {
        name: r() < 0.5 ? name() : '',
        domain: pick(['', '', 'com.microsoft', 'ai.onnx.ml']),
        attributes: attrs,
        docString: r() < 0.2 ? name() : undefined,
        metadataProps: r() < 0.2 ? [[name(), name()]] : undefined,
      }),
    );
    for (const o of node.outputs) {
      if (o.name === '') continue;
      values.push(o);
      if (r() < 0.3) {
        o.type = tensorType(DataType.FLOAT, [int(5)]);
        g.valueInfos.push(o);
      }
    }
  }
  g.outputs = Array.from({ length: 1 + int(2) }, () => pick(values));
  const m = new Model(g, { irVersion: BigInt(int(11)), opsetImports: [['', 11 + int(10)]] });
  if (r() < 0.5) m.producerName = name();
  if (r() < 0.5) m.metadataProps = [[name(), name()]];
  return m;
}
