import { describe, expect, it } from 'vitest';
import { AttrType } from '../ir/attribute.js';
import { DataType } from '../ir/dtype.js';
import { YlcError } from '../ir/errors.js';
import { Graph, Node, Value } from '../ir/graph.js';
import { Model } from '../ir/model.js';
import { tensorType } from '../ir/type.js';
import { runPass } from '../test/util/pass-context.js';
import { topoSortPass } from './topo-sort.js';

const f32 = (dims: number[]) => tensorType(DataType.FLOAT, dims);
const ops = (g: Graph): string[] => g.nodes.toArray().map((n) => n.name);

/** Builds nodes from `a = Op(b, c)` specs (in the order given), on graph inputs x and y. */
function build(specs: Array<[string, string[]]>): { g: Graph; byName: Map<string, Node> } {
  const g = new Graph('main');
  const values = new Map<string, Value>([
    ['x', g.addInput(new Value('x', f32([1])))],
    ['y', g.addInput(new Value('y', f32([1])))],
  ]);
  const nodes = specs.map(([name]) => new Node('Add', [], [name], { name }));
  nodes.forEach((n) => values.set(n.name, n.output()));
  const byName = new Map(nodes.map((n) => [n.name, n]));
  specs.forEach(([, inputs], i) => inputs.forEach((v) => nodes[i]!.appendInput(values.get(v)!)));
  nodes.forEach((n) => g.append(n));
  g.outputs.push(nodes[nodes.length - 1]!.output());
  return { g, byName };
}

describe('topo-sort', () => {
  it('keeps a valid order exactly and reports no change', async () => {
    const { g } = build([
      ['b', ['y', 'y']],
      ['a', ['x', 'x']],
      ['c', ['a', 'b']],
    ]);
    const { modified } = await runPass(topoSortPass, new Model(g));
    expect(modified).toBe(false);
    expect(ops(g)).toEqual(['b', 'a', 'c']);
  });

  it('moves misplaced nodes only as far as needed, keeping the others in their order', async () => {
    const { g } = build([
      ['d', ['c', 'x']],
      ['p', ['x', 'x']],
      ['c', ['b', 'x']],
      ['q', ['y', 'y']],
      ['b', ['x', 'y']],
      ['e', ['d', 'q']],
    ]);
    const { modified, ctx } = await runPass(topoSortPass, new Model(g));
    expect(modified).toBe(true);
    expect(ops(g)).toEqual(['p', 'q', 'b', 'c', 'd', 'e']);
    expect(ctx.counters).toEqual({ 'graphs-reordered': 1 });
    // Uses are untouched by reordering.
    expect(g.nodes.toArray().find((n) => n.name === 'e')!.inputs.map((v) => v!.name)).toEqual(['d', 'q']);
  });

  it('puts a node after the producers of outer values its subgraph uses, and sorts the subgraph too', async () => {
    const g = new Graph('main');
    const cond = g.addInput(new Value('cond', tensorType(DataType.BOOL, [])));
    const x = g.addInput(new Value('x', f32([1])));
    const body = new Graph('body');
    const iff = g.append(new Node('If', [cond], ['o'], { name: 'if', attributes: [{ name: 'then_branch', type: AttrType.GRAPH, value: body }] }));
    body.parentNode = iff;
    const t = g.append(new Node('Neg', [x], ['t'], { name: 'makes_t' }));
    const inner2 = new Node('Abs', [], ['u2'], { name: 'inner_second' });
    const inner1 = body.append(new Node('Relu', [t.output()], ['u1'], { name: 'inner_first' }));
    body.insertBefore(inner1, inner2);
    inner2.appendInput(inner1.output());
    body.outputs.push(inner2.output());
    g.outputs.push(iff.output());
    await runPass(topoSortPass, new Model(g));
    expect(ops(g)).toEqual(['makes_t', 'if']);
    expect(ops(body)).toEqual(['inner_first', 'inner_second']);
  });

  it('declares its post-condition, topological order, which the manager checks', async () => {
    const g = new Graph('main');
    const cond = g.addInput(new Value('cond', tensorType(DataType.BOOL, [])));
    const x = g.addInput(new Value('x', f32([1])));
    const body = new Graph('body');
    const iff = g.append(new Node('If', [cond], ['o'], { name: 'if', attributes: [{ name: 'then_branch', type: AttrType.GRAPH, value: body }] }));
    body.parentNode = iff;
    const t = g.append(new Node('Neg', [x], ['t'], { name: 'makes_t' }));
    body.outputs.push(body.append(new Node('Relu', [t.output()], ['u'], { name: 'inner' })).output());
    g.outputs.push(iff.output());
    const model = new Model(g);
    expect(topoSortPass.ensures?.(model)).toBe("nodes are still out of order: Relu 'inner' input 0 't' is read before Neg 'makes_t' defines it");
    await runPass(topoSortPass, model);
    expect(topoSortPass.ensures?.(model)).toBeUndefined();
  });

  it('names the nodes of a cycle and changes nothing', async () => {
    const { g } = build([
      ['a', ['x', 'c']],
      ['b', ['a', 'y']],
      ['c', ['b', 'x']],
      ['d', ['x', 'y']],
    ]);
    let error: unknown;
    try {
      await runPass(topoSortPass, new Model(g));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YlcError);
    expect((error as YlcError).code).toBe('pass-failed');
    expect((error as YlcError).message).toBe(
      "graph 'main' has a cycle through Add 'a' (Add 'a' -> Add 'b' -> Add 'c' -> Add 'a'); a node cannot depend on its own output",
    );
    expect(ops(g)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reports a node that uses its own output', async () => {
    const { g } = build([['a', ['x', 'a']]]);
    await expect(runPass(topoSortPass, new Model(g))).rejects.toThrow("graph 'main' has a cycle through Add 'a' (Add 'a' -> Add 'a')");
  });
});
