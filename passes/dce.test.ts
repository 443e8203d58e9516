import { describe, expect, it } from 'vitest';
import { AttrType } from '../ir/attribute.js';
import { DataType } from '../ir/dtype.js';
import { Graph, Node, Value } from '../ir/graph.js';
import { Model } from '../ir/model.js';
import { Tensor } from '../ir/tensor.js';
import { tensorType } from '../ir/type.js';
import { runPass } from '../test/util/pass-context.js';
import { dcePass } from './dce.js';

const f32 = (dims: number[]) => tensorType(DataType.FLOAT, dims);

function ops(g: Graph): string[] {
  return g.nodes.toArray().map((n) => n.name);
}

/** An If node whose branches are built by `then`/`else` (each returns the branch's output). */
function ifNode(g: Graph, cond: Value, name: string, build: (branch: Graph) => Value): Node {
  const branches = ['then', 'else'].map((b) => {
    const sub = new Graph(`${name}_${b}`);
    sub.outputs.push(build(sub));
    return sub;
  });
  const node = new Node('If', [cond], [`${name}_out`], {
    name,
    attributes: [
      { name: 'then_branch', type: AttrType.GRAPH, value: branches[0]! },
      { name: 'else_branch', type: AttrType.GRAPH, value: branches[1]! },
    ],
  });
  branches.forEach((b) => (b.parentNode = node));
  return g.append(node);
}

describe('dce', () => {
  it('removes a dead chain in one run, keeps what feeds the outputs, and counts', async () => {
    const g = new Graph('main');
    const x = g.addInput(new Value('x', f32([2])));
    const a = g.append(new Node('Relu', [x], ['a'], { name: 'live' }));
    const d1 = g.append(new Node('Neg', [x], ['d1'], { name: 'dead1' }));
    g.append(new Node('Abs', [d1.output()], ['d2'], { name: 'dead2' }));
    g.outputs.push(a.output());
    g.valueInfos = [d1.output(), a.output()];
    const { modified, ctx } = await runPass(dcePass, new Model(g));
    expect(modified).toBe(true);
    expect(ops(g)).toEqual(['live']);
    expect(ctx.counters).toEqual({ 'nodes-removed': 2 });
    expect(x.uses().map((u) => u.node.name)).toEqual(['live']);
    expect(g.valueInfos).toEqual([a.output()]);
  });

  it('keeps nodes whose only use is a graph output, and reports no change when nothing is dead', async () => {
    const g = new Graph('main');
    const x = g.addInput(new Value('x', f32([2])));
    const a = g.append(new Node('Relu', [x], ['a'], { name: 'r' }));
    g.outputs.push(a.output(), x);
    const { modified, ctx } = await runPass(dcePass, new Model(g));
    expect(modified).toBe(false);
    expect(ops(g)).toEqual(['r']);
    expect(ctx.counters).toEqual({});
  });

  it('removes unused initializers but not graph inputs, graph outputs, or those used in subgraphs', async () => {
    const g = new Graph('main');
    const cond = g.addInput(new Value('cond', tensorType(DataType.BOOL, [])));
    const unused = g.addInitializer(Tensor.scalarFloat32(1), 'unused');
    const overridable = g.addInitializer(Tensor.scalarFloat32(2), 'overridable');
    g.addInput(overridable);
    const out = g.addInitializer(Tensor.scalarFloat32(3), 'const_out');
    const inner = g.addInitializer(Tensor.scalarFloat32(4), 'inner');
    const n = ifNode(g, cond, 'if', (b) => b.append(new Node('Neg', [inner], [`${b.name}_y`])).output());
    g.outputs.push(n.output(), out);
    const { ctx } = await runPass(dcePass, new Model(g));
    expect([...g.initializers.keys()]).toEqual(['overridable', 'const_out', 'inner']);
    expect(ctx.counters).toEqual({ 'initializers-removed': 1 });
    expect(unused.useCount).toBe(0);
  });

  it('cleans subgraphs, and an outer value used only by dead code inside a body goes in the same run', async () => {
    const g = new Graph('main');
    const cond = g.addInput(new Value('cond', tensorType(DataType.BOOL, [])));
    const x = g.addInput(new Value('x', f32([2])));
    const t = g.append(new Node('Sigmoid', [x], ['t'], { name: 'feeds_dead_inner' }));
    const n = ifNode(g, cond, 'if', (b) => {
      b.append(new Node('Mul', [t.output(), t.output()], [`${b.name}_dead`], { name: `${b.name}_dead` }));
      return b.append(new Node('Neg', [x], [`${b.name}_y`], { name: `${b.name}_live` })).output();
    });
    g.outputs.push(n.output());
    const { ctx } = await runPass(dcePass, new Model(g));
    expect(ops(g)).toEqual(['if']);
    const [thenBranch, elseBranch] = n.subgraphs();
    expect(ops(thenBranch!)).toEqual(['if_then_live']);
    expect(ops(elseBranch!)).toEqual(['if_else_live']);
    expect(ctx.counters['nodes-removed']).toBe(3);
  });

  it('removes a dead node with subgraphs together with its bodies, releasing their uses of outer values', async () => {
    const g = new Graph('main');
    const cond = g.addInput(new Value('cond', tensorType(DataType.BOOL, [])));
    const x = g.addInput(new Value('x', f32([2])));
    const t = g.append(new Node('Sigmoid', [x], ['t'], { name: 'only_used_in_body' }));
    ifNode(g, cond, 'dead_if', (b) => b.append(new Node('Neg', [t.output()], [`${b.name}_y`])).output());
    const live = g.append(new Node('Relu', [x], ['y'], { name: 'live' }));
    g.outputs.push(live.output());
    const { ctx } = await runPass(dcePass, new Model(g));
    expect(ops(g)).toEqual(['live']);
    expect(t.output().useCount).toBe(0);
    expect(x.uses().map((u) => u.node.name)).toEqual(['live']);
    expect(ctx.counters['nodes-removed']).toBe(4);
  });

  it('keeps dead nodes of non-standard domains unless aggressive, and side-effect ops always', async () => {
    const build = (): Graph => {
      const g = new Graph('main');
      const x = g.addInput(new Value('x', f32([2])));
      g.append(new Node('MyOp', [x], ['c'], { name: 'custom', domain: 'com.example' }));
      g.append(new Node('PrintTensor', [x], ['p'], { name: 'print', domain: 'ai.graphcore' }));
      g.append(new Node('FusedGemm', [x], ['m'], { name: 'ms', domain: 'com.microsoft' }));
      g.outputs.push(x);
      return g;
    };
    const g1 = build();
    const { ctx } = await runPass(dcePass, new Model(g1));
    expect(ops(g1)).toEqual(['custom', 'print', 'ms']);
    expect(ctx.remarks).toEqual([
      "FusedGemm 'ms': kept although its outputs are unused: op com.microsoft:FusedGemm may have side effects (use aggressive to remove nodes of non-standard domains)",
      "PrintTensor 'print': kept although its outputs are unused: op ai.graphcore:PrintTensor has side effects",
      "MyOp 'custom': kept although its outputs are unused: op com.example:MyOp may have side effects (use aggressive to remove nodes of non-standard domains)",
    ]);
    const g2 = build();
    await runPass(dcePass, new Model(g2), { aggressive: true });
    expect(ops(g2)).toEqual(['print']);
  });
});
