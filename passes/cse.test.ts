import { describe, expect, it } from 'vitest';
import { AttrType, attrFloat, attrInt, attrInts, attrTensor } from '../ir/attribute.js';
import { DataType } from '../ir/dtype.js';
import { Graph, Node, Value } from '../ir/graph.js';
import { Model } from '../ir/model.js';
import { Tensor } from '../ir/tensor.js';
import { tensorType } from '../ir/type.js';
import { runPass } from '../test/util/pass-context.js';
import { parseModel } from '../ir/text/parse.js';
import { printModel } from '../ir/text/print.js';
import { csePass } from './cse.js';
import { runPipeline } from './manager.js';

const f32 = (dims: number[]) => tensorType(DataType.FLOAT, dims);
const ops = (g: Graph): string[] => g.nodes.toArray().map((n) => n.name);

function graphWithInputs(): { g: Graph; x: Value; y: Value } {
  const g = new Graph('main');
  return { g, x: g.addInput(new Value('x', f32([2]))), y: g.addInput(new Value('y', f32([2]))) };
}

describe('cse', () => {
  it('merges equal nodes, and then the nodes that became equal through the merge', async () => {
    const { g, x, y } = graphWithInputs();
    const a1 = g.append(new Node('Add', [x, y], ['a1'], { name: 'add1' }));
    const a2 = g.append(new Node('Add', [x, y], ['a2'], { name: 'add2' }));
    const swapped = g.append(new Node('Add', [y, x], ['a3'], { name: 'add_swapped' }));
    const r1 = g.append(new Node('Relu', [a1.output()], ['r1'], { name: 'relu1' }));
    const r2 = g.append(new Node('Relu', [a2.output()], ['r2'], { name: 'relu2' }));
    const sum = g.append(new Node('Sum', [r1.output(), r2.output(), swapped.output()], ['s'], { name: 'sum' }));
    g.outputs.push(sum.output());
    g.valueInfos = [a2.output(), r1.output()];
    const { modified, ctx } = await runPass(csePass, new Model(g));
    expect(modified).toBe(true);
    expect(ops(g)).toEqual(['add1', 'add_swapped', 'relu1', 'sum']);
    expect(sum.inputs).toEqual([r1.output(), r1.output(), swapped.output()]);
    expect(ctx.counters).toEqual({ 'nodes-merged': 2 });
    expect(g.valueInfos).toEqual([r1.output()]);
  });

  it('declares its pre-condition, topological order: the manager refuses to run it on an unsorted graph', async () => {
    const text = `<ir_version: 8, opset_import: ["" : 17]>
      g (float[2] x) => (float[2] y) {
        y = Add (a, b)
        a = Neg (x)
        b = Neg (x)
      }`;
    const model = parseModel(text);
    const before = printModel(model);
    await expect(runPipeline(model, 'cse', { verifyEach: false })).rejects.toThrow(
      "[cse] needs its nodes in topological order (run topo-sort first): Add 'y' input 0 'a' is read before Neg 'a' defines it",
    );
    expect(printModel(model)).toBe(before);
    await runPipeline(model, 'topo-sort,cse');
    expect(model.graph.nodes.toArray().map((n) => n.opType)).toEqual(['Neg', 'Add']);
  });

  it('compares attributes deeply (order-free, tensors by content) and keeps different ones apart', async () => {
    const { g, x } = graphWithInputs();
    const t = (v: number) => Tensor.fromFloat32([1], Float32Array.of(v));
    const mk = (name: string, attrs: Parameters<typeof attrInt>[1][], value: number) =>
      g.append(
        new Node('Custom', [x], [name], {
          name,
          attributes: [attrInts('axes', attrs), attrTensor('value', t(value)), attrFloat('alpha', 0.5)],
        }),
      );
    const n1 = mk('n1', [0, 1], 1);
    const n2 = g.append(
      new Node('Custom', [x], ['n2'], { name: 'n2', attributes: [attrFloat('alpha', 0.5), attrTensor('value', t(1)), attrInts('axes', [0, 1])] }),
    );
    const n3 = mk('n3', [1, 0], 1);
    const n4 = mk('n4', [0, 1], 2);
    [n1, n2, n3, n4].forEach((n) => (n.domain = 'ai.onnx'));
    const c = g.append(new Node('Concat', [n1.output(), n2.output(), n3.output(), n4.output()], ['c'], { name: 'concat', attributes: [attrInt('axis', 0)] }));
    g.outputs.push(c.output());
    await runPass(csePass, new Model(g));
    expect(ops(g)).toEqual(['n1', 'n3', 'n4', 'concat']);
    expect(c.inputs).toEqual([n1.output(), n1.output(), n3.output(), n4.output()]);
  });

  it('never merges random ops, training Dropout, nodes with subgraphs, or non-standard domains', async () => {
    const { g, x } = graphWithInputs();
    const on = g.addInitializer(Tensor.fromBytes(DataType.BOOL, [], Uint8Array.of(1)), 'training');
    const pairs: Node[][] = [
      [0, 1].map((i) => new Node('RandomNormalLike', [x], [`rn${i}`], { name: `rn${i}` })),
      [0, 1].map((i) => new Node('Dropout', [x, null, on], [`dt${i}`], { name: `dt${i}` })),
      [0, 1].map((i) => new Node('MyOp', [x], [`my${i}`], { name: `my${i}`, domain: 'com.example' })),
      [0, 1].map(
        (i) => new Node('If', [x], [`if${i}`], { name: `if${i}`, attributes: [{ name: 'then_branch', type: AttrType.GRAPH, value: new Graph('b') }] }),
      ),
    ];
    for (const p of pairs) for (const n of p) g.append(n);
    g.outputs.push(...pairs.flat().map((n) => n.output()));
    const { modified } = await runPass(csePass, new Model(g));
    expect(modified).toBe(false);
    expect(g.nodes.size).toBe(8);
  });

  it('merges equal constants: initializers first, then Constant nodes in any value_* form', async () => {
    const { g, x } = graphWithInputs();
    const w1 = g.addInitializer(Tensor.fromFloat32([2], Float32Array.of(1, 2)), 'w1');
    const w2 = g.addInitializer(Tensor.fromFloat32([2], Float32Array.of(1, 2)), 'w2');
    const w3 = g.addInitializer(Tensor.fromFloat32([2], Float32Array.of(1, 3)), 'w3');
    const overridable = g.addInitializer(Tensor.fromFloat32([2], Float32Array.of(1, 2)), 'overridable');
    g.addInput(overridable);
    const k1 = g.append(new Node('Constant', [], ['k1'], { name: 'k1', attributes: [attrTensor('value', Tensor.scalarFloat32(0.5))] }));
    const k2 = g.append(new Node('Constant', [], ['k2'], { name: 'k2', attributes: [attrFloat('value_float', 0.5)] }));
    const k3 = g.append(new Node('Constant', [], ['k3'], { name: 'k3', attributes: [{ name: 'value_floats', type: AttrType.FLOATS, value: [1, 2] }] }));
    const s = g.append(
      new Node('Sum', [x, w1, w2, w3, overridable, k1.output(), k2.output(), k3.output()], ['s'], { name: 'sum' }),
    );
    g.outputs.push(s.output());
    const { ctx } = await runPass(csePass, new Model(g));
    expect(ops(g)).toEqual(['k1', 'sum']);
    expect(s.inputs).toEqual([x, w1, w1, w3, overridable, k1.output(), k1.output(), w1]);
    expect([...g.initializers.keys()]).toEqual(['w1', 'w3', 'overridable']);
    expect(ctx.counters).toEqual({ 'constants-merged': 3 });
  });

  it('keeps graph output names: the kept value takes the name, or nothing merges when both are outputs', async () => {
    const { g, x, y } = graphWithInputs();
    const a1 = g.append(new Node('Mul', [x, y], ['inner'], { name: 'mul1' }));
    const user = g.append(new Node('Neg', [a1.output()], ['n'], { name: 'neg' }));
    const a2 = g.append(new Node('Mul', [x, y], ['out1'], { name: 'mul2' }));
    const a3 = g.append(new Node('Mul', [x, y], ['out2'], { name: 'mul3' }));
    a2.output().type = f32([2]);
    const w = g.addInitializer(Tensor.scalarFloat32(7), 'w');
    const k = g.append(new Node('Constant', [], ['k_out'], { name: 'k', attributes: [attrFloat('value_float', 7)] }));
    g.outputs.push(a2.output(), user.output(), a3.output(), k.output());
    const use = g.append(new Node('Add', [w, x], ['u'], { name: 'use_w' }));
    g.outputs.push(use.output());
    const { ctx } = await runPass(csePass, new Model(g));
    expect(ops(g)).toEqual(['mul1', 'neg', 'mul3', 'k', 'use_w']);
    expect(g.outputs.map((v) => v.name)).toEqual(['out1', 'n', 'out2', 'k_out', 'u']);
    expect(g.outputs[0]).toBe(a1.output());
    expect(a1.output().type).toEqual(f32([2]));
    expect(user.inputs).toEqual([a1.output()]);
    expect(ctx.remarks).toEqual([
      "Mul 'mul3': computes the same as Mul 'mul1' but was not merged: 'out2' and 'out1' are both graph outputs; merging would rename one",
      "Constant 'k': equals 'w' but was not merged: 'k_out' is a graph output and 'w' is not a node output of the same graph; merging would rename it",
    ]);
  });
});
