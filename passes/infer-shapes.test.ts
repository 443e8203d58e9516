import { describe, expect, it } from 'vitest';
import { DataType } from '../ir/dtype.js';
import { Graph, Node, Value } from '../ir/graph.js';
import { Model } from '../ir/model.js';
import { formatType, tensorType } from '../ir/type.js';
import { runPass } from '../test/util/pass-context.js';
import { inferShapesPass } from './infer-shapes.js';

function model(): { g: Graph; m: Model; relu: Node; custom: Node; tail: Node } {
  const g = new Graph('g');
  const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [1, 4])));
  const relu = g.append(new Node('Relu', [x], ['r'], { name: 'relu' }));
  const custom = g.append(new Node('Fancy', [relu.output()], ['f'], { name: 'fancy', domain: 'com.example' }));
  const tail = g.append(new Node('Sigmoid', [relu.output()], ['s'], { name: 'sig' }));
  g.outputs.push(tail.output(), custom.output());
  return { g, m: new Model(g), relu, custom, tail };
}

describe('infer-shapes pass', () => {
  it('counts inferred values, remarks unknown ops and records value_info', async () => {
    const { g, m, relu, tail } = model();
    const { modified, ctx } = await runPass(inferShapesPass, m);
    expect(modified).toBe(true);
    expect(ctx.counters).toEqual({ inferred: 2 });
    expect(ctx.remarks).toEqual(["Fancy 'fancy': no shape rule for op com.example::Fancy: its outputs keep their types"]);
    expect(formatType(tail.output().type)).toBe('float[1,4]');
    expect(g.valueInfos).toEqual([relu.output()]);
  });

  it('is idempotent, and overwrite replaces a stale type', async () => {
    const { m, relu } = model();
    await runPass(inferShapesPass, m);
    const again = await runPass(inferShapesPass, m);
    expect(again.modified).toBe(false);
    relu.output().type = tensorType(DataType.FLOAT, [1, 8]);
    const kept = await runPass(inferShapesPass, m);
    // The kept type is what later nodes see, so the conflict shows again downstream.
    expect(kept.ctx.warnings).toEqual([
      "infer-shapes: 'r': existing type float[1,8], inferred float[1,4]",
      "infer-shapes: 's': existing type float[1,4], inferred float[1,8]",
    ]);
    expect(formatType(relu.output().type)).toBe('float[1,8]');
    const replaced = await runPass(inferShapesPass, m, { overwrite: true });
    expect(replaced.modified).toBe(true);
    expect(formatType(relu.output().type)).toBe('float[1,4]');
  });
});
