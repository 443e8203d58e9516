import { describe, expect, it } from 'vitest';
import { AttrType, attrInt } from '../ir/attribute.js';
import { DataType } from '../ir/dtype.js';
import { Graph, Node, Value } from '../ir/graph.js';
import { Model } from '../ir/model.js';
import { Tensor } from '../ir/tensor.js';
import { tensorType } from '../ir/type.js';
import { runPass } from '../test/util/pass-context.js';
import { eliminateIdentityPass } from './eliminate-identity.js';

const f32 = (dims: number[]) => tensorType(DataType.FLOAT, dims);
const ops = (g: Graph): string[] => g.nodes.toArray().map((n) => n.name);

describe('eliminate-identity', () => {
  it('rewires the uses of an Identity chain to the original value', async () => {
    const g = new Graph('main');
    const x = g.addInput(new Value('x', f32([2])));
    const i1 = g.append(new Node('Identity', [x], ['i1'], { name: 'id1' }));
    const i2 = g.append(new Node('Identity', [i1.output()], ['i2'], { name: 'id2' }));
    const r = g.append(new Node('Relu', [i2.output()], ['y'], { name: 'relu' }));
    g.outputs.push(r.output());
    g.valueInfos = [i1.output(), i2.output()];
    const { modified, ctx } = await runPass(eliminateIdentityPass, new Model(g));
    expect(modified).toBe(true);
    expect(ops(g)).toEqual(['relu']);
    expect(r.inputs).toEqual([x]);
    expect(ctx.counters).toEqual({ 'nodes-removed': 2 });
    expect(g.valueInfos).toEqual([]);
  });

  it('keeps a graph output name by renaming the producer output instead', async () => {
    const g = new Graph('main');
    const x = g.addInput(new Value('x', f32([2])));
    const r = g.append(new Node('Relu', [x], ['r'], { name: 'relu' }));
    const other = g.append(new Node('Neg', [r.output()], ['n'], { name: 'neg' }));
    const id = g.append(new Node('Identity', [r.output()], ['y'], { name: 'id' }));
    id.output().type = f32([2]);
    g.outputs.push(id.output(), other.output());
    await runPass(eliminateIdentityPass, new Model(g));
    expect(ops(g)).toEqual(['relu', 'neg']);
    expect(g.outputs.map((v) => v.name)).toEqual(['y', 'n']);
    expect(g.outputs[0]).toBe(r.output());
    expect(r.output().type).toEqual(f32([2]));
    expect(other.inputs).toEqual([r.output()]);
  });

  it('keeps an Identity between a graph input (or initializer, or another graph output) and a graph output, saying why', async () => {
    const g = new Graph('main');
    const x = g.addInput(new Value('x', f32([2])));
    const w = g.addInitializer(Tensor.scalarFloat32(1), 'w');
    const r = g.append(new Node('Relu', [x], ['r'], { name: 'relu' }));
    const a = g.append(new Node('Identity', [x], ['y1'], { name: 'from_input' }));
    const b = g.append(new Node('Identity', [w], ['y2'], { name: 'from_init' }));
    const c = g.append(new Node('Identity', [r.output()], ['y3'], { name: 'from_output' }));
    g.outputs.push(a.output(), b.output(), c.output(), r.output());
    const { modified, ctx } = await runPass(eliminateIdentityPass, new Model(g));
    expect(modified).toBe(false);
    expect(ops(g)).toEqual(['relu', 'from_input', 'from_init', 'from_output']);
    expect(ctx.remarks).toEqual([
      "Identity 'from_input': output 'y1' is a graph output and input 'x' is a graph input or initializer; kept so that the graph output keeps its name",
      "Identity 'from_init': output 'y2' is a graph output and input 'w' is a graph input or initializer; kept so that the graph output keeps its name",
      "Identity 'from_output': output 'y3' is a graph output and input 'r' is also a graph output; kept so that both graph outputs keep their names",
    ]);
  });

  it('of two Identities of one value feeding two graph outputs, removes the first and keeps the second', async () => {
    const g = new Graph('main');
    const x = g.addInput(new Value('x', f32([2])));
    const r = g.append(new Node('Relu', [x], ['r'], { name: 'relu' }));
    const a = g.append(new Node('Identity', [r.output()], ['y1'], { name: 'id1' }));
    const b = g.append(new Node('Identity', [r.output()], ['y2'], { name: 'id2' }));
    g.outputs.push(a.output(), b.output());
    const { ctx } = await runPass(eliminateIdentityPass, new Model(g));
    expect(ops(g)).toEqual(['relu', 'id2']);
    expect(g.outputs.map((v) => v.name)).toEqual(['y1', 'y2']);
    expect(b.inputs).toEqual([r.output()]);
    expect(ctx.remarks).toEqual([
      "Identity 'id2': output 'y2' is a graph output and input 'y1' is also a graph output; kept so that both graph outputs keep their names",
    ]);
  });

  it('inside a subgraph: rewires Identities of outer values, keeps one that makes a branch output', async () => {
    const g = new Graph('main');
    const cond = g.addInput(new Value('cond', tensorType(DataType.BOOL, [])));
    const w = g.addInitializer(Tensor.scalarFloat32(2), 'w');
    const body = new Graph('then');
    const alias = body.append(new Node('Identity', [w], ['w_alias'], { name: 'alias' }));
    const neg = body.append(new Node('Neg', [alias.output()], ['t'], { name: 'neg' }));
    const out = body.append(new Node('Identity', [w], ['then_out'], { name: 'out' }));
    body.outputs.push(out.output(), neg.output());
    const iff = g.append(
      new Node('If', [cond], ['o1', 'o2'], { name: 'if', attributes: [{ name: 'then_branch', type: AttrType.GRAPH, value: body }] }),
    );
    body.parentNode = iff;
    g.outputs.push(...iff.outputs);
    const { ctx } = await runPass(eliminateIdentityPass, new Model(g));
    expect(ops(body)).toEqual(['neg', 'out']);
    expect(neg.inputs).toEqual([w]);
    expect(ctx.remarks).toEqual([
      "Identity 'out': output 'then_out' is a graph output and input 'w' is a graph input or initializer; kept so that the graph output keeps its name",
    ]);
  });

  it('removes inference Dropout without a used mask and Cast to the known same type; keeps the others', async () => {
    const g = new Graph('main');
    const x = g.addInput(new Value('x', f32([2])));
    const on = g.addInitializer(Tensor.fromBytes(DataType.BOOL, [], Uint8Array.of(1)), 'training');
    const off = g.addInitializer(Tensor.fromBytes(DataType.BOOL, [], Uint8Array.of(0)), 'inference');
    const d1 = g.append(new Node('Dropout', [x], ['d1', 'm1'], { name: 'drop_unused_mask' }));
    const d2 = g.append(new Node('Dropout', [d1.output(), null, off], ['d2'], { name: 'drop_off' }));
    const d3 = g.append(new Node('Dropout', [d2.output(), null, on], ['d3'], { name: 'drop_training' }));
    const d4 = g.append(new Node('Dropout', [d3.output()], ['d4', 'm4'], { name: 'drop_mask_used' }));
    const unknown = g.append(new Node('Cast', [d4.output()], ['c0'], { name: 'cast_unknown_type', attributes: [attrInt('to', DataType.FLOAT)] }));
    unknown.output().type = f32([2]);
    const c1 = g.append(new Node('Cast', [unknown.output()], ['c1'], { name: 'cast_same', attributes: [attrInt('to', DataType.FLOAT)] }));
    const c2 = g.append(new Node('Cast', [c1.output()], ['c2'], { name: 'cast_half', attributes: [attrInt('to', DataType.FLOAT16)] }));
    g.outputs.push(c2.output(), d4.output(1));
    await runPass(eliminateIdentityPass, new Model(g));
    expect(ops(g)).toEqual(['drop_training', 'drop_mask_used', 'cast_unknown_type', 'cast_half']);
    expect(d3.inputs[0]).toBe(x);
    expect(c2.inputs).toEqual([unknown.output()]);
  });
});
