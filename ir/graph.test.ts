import { describe, expect, it } from 'vitest';
import { AttrType } from './attribute.js';
import { Graph, Node, Value } from './graph.js';
import { tensorType } from './type.js';
import { DataType } from './dtype.js';
import { Tensor } from './tensor.js';

function chain(): { g: Graph; x: Value; a: Node; b: Node; c: Node } {
  const g = new Graph('g');
  const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1, 4])));
  const a = g.append(new Node('Relu', [x], ['a']));
  const b = g.append(new Node('Neg', [a.output()], ['b']));
  const c = g.append(new Node('Add', [a.output(), b.output()], ['c']));
  g.outputs.push(c.output());
  return { g, x, a, b, c };
}

describe('use-def chains', () => {
  it('records uses with input indices and keeps them in step with replaceInput', () => {
    const { x, a, b, c } = chain();
    expect(a.output().uses().map((u) => [u.node.opType, u.index])).toEqual([
      ['Neg', 0],
      ['Add', 0],
    ]);
    c.replaceInput(0, x);
    expect(a.output().uses().map((u) => u.node)).toEqual([b]);
    expect(x.uses().map((u) => [u.node.opType, u.index])).toEqual([
      ['Relu', 0],
      ['Add', 0],
    ]);
  });

  it('replaceAllUsesWith moves every use, and graph outputs only on request', () => {
    const { g, x, a, c } = chain();
    a.output().replaceAllUsesWith(x);
    expect(a.output().useCount).toBe(0);
    expect(x.useCount).toBe(3);
    c.output().replaceAllUsesWith(x, { includeGraphOutputs: true });
    expect(g.outputs).toEqual([x]);
  });

  it('refuses to remove a node whose output is used or is a graph output, changing nothing', () => {
    const { g, a, c } = chain();
    expect(() => g.remove(a)).toThrow(/still used/);
    expect(g.nodes.size).toBe(3);
    expect(a.inputs.length).toBe(1);
    expect(() => g.remove(c)).toThrow(/graph output/);
  });

  it('removing a node removes its subgraphs too, releasing the uses they held on outer values', () => {
    const { g, x, a } = chain();
    const cond = g.addInput(new Value('cond', tensorType(DataType.BOOL, [])));
    const iff = g.append(new Node('If', [cond], ['r']));
    for (const branch of ['then_branch', 'else_branch']) {
      const body = new Graph(branch);
      body.parentNode = iff;
      const inner = body.append(new Node('Mul', [a.output(), x], [`${branch}_out`]));
      const nested = new Graph(`${branch}_nested`);
      nested.parentNode = inner;
      nested.append(new Node('Neg', [x], [`${branch}_neg`]));
      inner.setAttr({ name: 'unused_body', type: AttrType.GRAPH, value: nested });
      body.outputs.push(inner.output());
      iff.setAttr({ name: branch, type: AttrType.GRAPH, value: body });
    }
    expect(x.useCount).toBe(1 + 4);
    expect(a.output().useCount).toBe(2 + 2);
    g.remove(iff);
    expect(x.uses().map((u) => u.node.opType)).toEqual(['Relu']);
    expect(a.output().useCount).toBe(2);
    expect(cond.useCount).toBe(0);
  });

  it('iteration survives removal of the current node and of the next one', () => {
    const { g, b, c } = chain();
    g.outputs = [];
    const seen: string[] = [];
    for (const n of g.nodes) {
      seen.push(n.opType);
      if (n === b) {
        g.remove(c);
      }
    }
    expect(seen).toEqual(['Relu', 'Neg']);
    const seen2: string[] = [];
    for (const n of g.nodes) {
      seen2.push(n.opType);
      if (n.opType === 'Neg') g.remove(n);
    }
    expect(seen2).toEqual(['Relu', 'Neg']);
    expect(g.nodes.toArray().map((n) => n.opType)).toEqual(['Relu']);
  });

  it('names outputs of count-built nodes freshly and never reuses a name', () => {
    const { g, x } = chain();
    const n1 = g.append(new Node('Relu', [x], 1));
    const n2 = g.append(new Node('Relu', [x], 1));
    expect(n1.output().name).not.toBe('');
    expect(n1.output().name).not.toBe(n2.output().name);
    const w = g.addInitializer(Tensor.scalarFloat32(1), 'a');
    expect(w.name).not.toBe('a');
  });
});
