import { describe, expect, it } from 'vitest';
import { DataType } from '../dtype.js';
import { Graph } from '../graph.js';
import { Model } from '../model.js';
import { Tensor } from '../tensor.js';
import { diffModels, unifiedDiff } from './diff.js';
import { parseModel } from './parse.js';
import { printModel } from './print.js';

const A = `<ir_version: 8, opset_import: ["" : 17], producer_name: "pytorch", metadata_props: ["stride": "32", "old": "1"]>
g (float[1,3,8,8] images) => (float[1,4,8,8] y)
   <float[4,3] w = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, float[4] b = {0, 0, 0, 0}, float[2] gone = {1, 2}, float[1,4,8,8] c>
{
   [conv] c = Conv <group: int = 1, pads: ints = [0, 0, 0, 0]> (images, w, b)
   [act] s = Sigmoid (c)
   y = Mul (c, s)
   r = Relu (c)
}`;

const B = `<ir_version: 9, opset_import: ["" : 18, "com.microsoft" : 1], producer_name: "ylc", metadata_props: ["stride": "32", "new": "2"]>
g (float[1,3,8,8] images, float extra) => (float[1,2,8,8] y)
   <float[2,3] w = {1, 2, 3, 4, 5, 6}, float[4] b = {0, 0.5, 0, -0.25}, float[1] added = {3}, float[1,2,8,8] c>
{
   [conv] c = Conv <group: int = 2, dilations: ints = [1, 1]> (images, w, b)
   [act] s = HardSigmoid (c)
   y = Mul (s, c)
   t = Tanh (c)
}`;

describe('diffModels', () => {
  it('is empty for structurally equal models', () => {
    expect(diffModels(parseModel(A), parseModel(A))).toBe('');
  });

  it('lists header, signature, initializer, value_info and node changes', () => {
    expect(diffModels(parseModel(A), parseModel(B))).toBe(`~ ir_version: 8 -> 9
~ opset_import "": 17 -> 18
+ opset_import "com.microsoft": 1
~ producer_name: "pytorch" -> "ylc"
- metadata_props "old": "1"
+ metadata_props "new": "2"
+ input extra: float
~ output y: float[1,4,8,8] -> float[1,2,8,8]
~ initializer w: float[4,3] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12} -> float[2,3] {1, 2, 3, 4, 5, 6}
~ initializer b: float[4]: 2 of 4 values differ, max abs diff 0.5
- initializer gone: float[2] {1, 2}
+ initializer added: float[1] {3}
~ value_info c: float[1,4,8,8] -> float[1,2,8,8]
~ node Conv 'conv': attribute group: int = 1 -> int = 2
- node Conv 'conv': attribute pads: ints = [0, 0, 0, 0]
+ node Conv 'conv': attribute dilations: ints = [1, 1]
~ node Sigmoid 'act': op Sigmoid -> HardSigmoid
~ node Mul 'y': input 0: c -> s
~ node Mul 'y': input 1: s -> c
- node Relu 'r': r = Relu (c)
+ node Tanh 't': t = Tanh (c)
`);
  });

  it('summarizes large tensors and counts differing elements', () => {
    const values = (f: (i: number) => number): string => Array.from({ length: 20 }, (_, i) => f(i)).join(', ');
    const a = parseModel(`g () => (w, v) <float[20] w = {${values((i) => i)}}, int64[20] v = {${values((i) => i)}}> {}`);
    const b = parseModel(`g () => (w, v) <float[20] w = {${values((i) => (i % 5 === 0 ? i + 0.25 : i))}}, int64[2,10] v = {${values((i) => i)}}> {}`);
    expect(diffModels(a, b)).toBe(`~ output v: int64[20] -> int64[2,10]
~ initializer w: float[20]: 4 of 20 values differ, max abs diff 0.25
~ initializer v: int64[20] {... min 0 max 19 mean 9.5 sha256 f5c4cb24f4c9} -> int64[2,10] {... min 0 max 19 mean 9.5 sha256 f5c4cb24f4c9}
`);
  });

  it('compares the data a tensor holds, never the size its dims declare (no loop over 10^12 elements)', () => {
    const huge = [100000, 100000, 100];
    const model = (w: Tensor): Model => {
      const g = new Graph('g');
      g.outputs.push(g.addInitializer(w, 'w'));
      return new Model(g, { irVersion: 8n, opsetImports: [['', 17]] });
    };
    const raw = (bytes: number[]): Tensor => Tensor.fromBytes(DataType.FLOAT, huge, Uint8Array.from(bytes));
    const floats = (values: number[]): Tensor => new Tensor(DataType.FLOAT, huge, { kind: 'floatData', values });
    const none = new Tensor(DataType.FLOAT, huge, { kind: 'none' });
    expect(diffModels(model(raw([])), model(raw([])))).toBe('');
    expect(diffModels(model(none), model(raw([])))).toBe('');
    expect(diffModels(model(raw([1, 2, 3, 4])), model(raw([1, 2, 3, 4])))).toBe('');
    expect(diffModels(model(floats([1])), model(floats([1])))).toBe('');
    expect(diffModels(model(raw([])), model(raw([0, 0, 128, 63])))).toBe(
      '~ initializer w: float[100000,100000,100]: data missing -> 4 of 4000000000000 bytes\n',
    );
    expect(diffModels(model(raw([1, 2, 3, 4])), model(raw([1, 2, 3, 5])))).toBe(
      '~ initializer w: float[100000,100000,100]: data 4 of 4000000000000 bytes in both, and what is there differs\n',
    );
    expect(diffModels(model(floats([1])), model(floats([2])))).toBe(
      '~ initializer w: float[100000,100000,100]: data 1 of 1000000000000 values in both, and what is there differs\n',
    );
    expect(diffModels(model(floats([1])), model(raw([])))).toBe(
      '~ initializer w: float[100000,100000,100]: data 1 of 1000000000000 values -> missing\n',
    );
    // Small tensors: short data is a difference from complete data, even when the missing bytes would be zeros.
    const small = (bytes: number[]): Tensor => Tensor.fromBytes(DataType.FLOAT, [2], Uint8Array.from(bytes));
    expect(diffModels(model(small([0, 0, 0, 0])), model(small([0, 0, 0, 0, 0, 0, 0, 0])))).toBe(
      '~ initializer w: float[2]: data 4 of 8 bytes -> complete\n',
    );
  });

  it('matches unnamed nodes by op type and position (another op type is a remove and an add), and diffs subgraphs with their path', () => {
    const a = parseModel(`g (bool c, float x) => (y) {
      a = Relu (x)
      b = Relu (a)
      y = If (c) <then_branch: graph = t () => (p) { p = Neg (a) }, else_branch: graph = e () => (q) { q = Neg (b) }>
    }`);
    const b = parseModel(`g (bool c, float x) => (y) {
      a = Relu (x)
      b2 = Relu (a)
      y = If (c) <then_branch: graph = t () => (p) { p = Abs (a) }, else_branch: graph = e () => (q) { q = Neg (b2) }>
    }`);
    expect(diffModels(a, b)).toBe(`~ node Relu 'b': output 0: b -> b2
- If 'y'/then_branch: node Neg 'p': p = Neg (a)
+ If 'y'/then_branch: node Abs 'p': p = Abs (a)
~ If 'y'/else_branch: node Neg 'q': input 0: b -> b2
`);
  });

  it('reports input order, functions and node renames', () => {
    const fn = (body: string): string => `<domain: "local", opset_import: ["" : 17]>\nF (x) => (y) { ${body} }`;
    const a = parseModel(`g (float x, float z) => (y) { [n1] y = Add (x, z) }\n${fn('y = Neg (x)')}`);
    const b = parseModel(`g (float z, float x) => (y) { [n2] y = Add (x, z) }\n${fn('y = Abs (x)')}\n<domain: "local", opset_import: []>\nG () => () {}`);
    expect(diffModels(a, b)).toBe(`~ inputs order: (x, z) -> (z, x)
~ node Add 'n1': name n1 -> n2
- function local.F: node Neg 'y': y = Neg (x)
+ function local.F: node Abs 'y': y = Abs (x)
+ function local.G
`);
  });
});

describe('unifiedDiff', () => {
  it('is a unified diff with stable headers, empty for equal texts', () => {
    const before = printModel(parseModel(A));
    const after = before.replace('group: int = 1', 'group: int = 2');
    expect(unifiedDiff(before, before)).toBe('');
    expect(unifiedDiff(before, after, { before: 'input', after: 'fold-bn' })).toBe(`--- input
+++ fold-bn
@@ -12,7 +12,7 @@
       float[1,4,8,8] c
    >
 {
-   [conv] c = Conv <group: int = 1, pads: ints = [0, 0, 0, 0]> (images, w, b)
+   [conv] c = Conv <group: int = 2, pads: ints = [0, 0, 0, 0]> (images, w, b)
    [act] s = Sigmoid (c)
    y = Mul (c, s)
    r = Relu (c)
`);
    expect(unifiedDiff('a\n', 'b\n')).toBe('--- before\n+++ after\n@@ -1,1 +1,1 @@\n-a\n+b\n');
  });
});
