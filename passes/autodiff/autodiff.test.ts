/**
 * The appendBackward driver: opset conversion, path search, accumulation, stop-gradient, zeros for
 * parameters off the path, errors (exact text), the `autodiff` pass.
 */
import { describe, expect, it } from 'vitest';
import { attrInt, attrInts } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import { Graph, Node, Value } from '../../ir/graph.js';
import { Model } from '../../ir/model.js';
import { Tensor } from '../../ir/tensor.js';
import { tensorType } from '../../ir/type.js';
import { verifyModel } from '../../ir/verify.js';
import { gradCheck } from '../../test/util/gradcheck.js';
import { maxAbsDiff, runModel } from '../../test/util/ort.js';
import { runPipeline } from '../manager.js';
import { appendBackward, upgradeOpset } from './index.js';
import { errorOf } from '../../test/util/errors.js';

const messageOf = (fn: () => unknown): string => errorOf(fn).message;

/** x [2,3] input, w [3] initializer; y = op chain built by `body`; loss = ReduceSum(y) (keepdims 0). */
function tiny(body: (g: Graph, x: Value, w: Value) => Value, opset = 17): Model {
  const g = new Graph('tiny');
  const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [2, 3])));
  const w = g.addInitializer(Tensor.fromFloat32([3], Float32Array.of(0.5, -1, 2)), 'w');
  const y = body(g, x, w);
  const loss = g.append(new Node('ReduceSum', [y], ['loss'], { name: 'sum', attributes: [attrInt('keepdims', 0)] })).output(0);
  g.outputs.push(loss);
  return new Model(g, { opsetImports: [['', opset]] });
}

const op = (g: Graph, type: string, inputs: Value[], name: string, attributes = [] as ReturnType<typeof attrInt>[]): Value =>
  g.append(new Node(type, inputs, [name], { name, attributes })).output(0);

const X = { x: { dims: [2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) } };

describe('appendBackward', () => {
  it('sums the gradients of a value used three times (Sum) and seeds with lossGradient', async () => {
    const model = tiny((g, x, w) => {
      const a = op(g, 'Mul', [x, w], 'a');
      const b = op(g, 'Mul', [x, w], 'b');
      return op(g, 'Add', [op(g, 'Add', [a, b], 'ab'), op(g, 'Mul', [x, x], 'xx')], 'y');
    });
    const { gradients } = appendBackward(model, { loss: 'loss', wrt: ['x', 'w'], lossGradient: 0.5 });
    expect([...gradients.keys()]).toEqual(['x', 'w']);
    expect(gradients.get('x')!.name).toBe('grad.x');
    model.graph.outputs.push(...gradients.values());
    expect(verifyModel(model)).toEqual([]);
    expect(model.graph.nodes.toArray().filter((n) => n.opType === 'Sum')).toHaveLength(1);
    const out = await runModel(model, X);
    // d/dx sum(2 x w + x^2) = 2 w + 2 x; d/dw = 2 sum_rows x; times 0.5
    const xs = [1, 2, 3, 4, 5, 6];
    const w = [0.5, -1, 2];
    expect(maxAbsDiff(out['grad.x']!.data, xs.map((v, i) => 0.5 * (2 * w[i % 3]! + 2 * v)))).toBeLessThan(1e-6);
    expect(maxAbsDiff(out['grad.w']!.data, [5, 7, 9])).toBeLessThan(1e-6);
  });

  it('stopGradient cuts the path; int values carry no gradient; a parameter off the path gets zeros', async () => {
    const model = tiny((g, x, w) => {
      const s = op(g, 'Identity', [x], 's');
      const shape = op(g, 'Shape', [x], 'shape'); // int64: no gradient, no rule needed
      const flat = op(g, 'Reshape', [op(g, 'Mul', [x, s], 'xs'), shape], 'r');
      void w;
      return flat;
    });
    const unused = model.graph.addInitializer(Tensor.fromFloat32([2], Float32Array.of(1, 1)), 'unused');
    void unused;
    const { gradients } = appendBackward(model, { loss: 'loss', wrt: ['x', 'unused'], stopGradient: ['s'] });
    model.graph.outputs.push(...gradients.values());
    const out = await runModel(model, X);
    expect(maxAbsDiff(out['grad.x']!.data, [1, 2, 3, 4, 5, 6])).toBe(0); // d(x * stop(x)) = stop(x)
    expect([...out['grad.unused']!.data]).toEqual([0, 0]);
    expect(out['grad.unused']!.dims).toEqual([2]);
  });

  it('walks only the nodes between the parameters and the loss (no rule needed elsewhere)', () => {
    const model = tiny((g, x, w) => {
      op(g, 'Sin', [x], 'side'); // not on a path to the loss
      const c = op(g, 'Sin', [op(g, 'Identity', [w], 'wc')], 'const_branch'); // depends on w only
      return op(g, 'Mul', [x, c], 'y');
    });
    expect(() => appendBackward(model, { loss: 'loss', wrt: ['x'] })).not.toThrow();
    const again = tiny((g, x, w) => op(g, 'Mul', [x, op(g, 'Sin', [w], 'sin')], 'y'));
    expect(messageOf(() => appendBackward(again, { loss: 'loss', wrt: ['w'] }))).toBe(
      "autodiff: no gradient rule for op Sin (node 'sin'), which lies between the parameters and the loss; add passes/autodiff/rules/Sin.grad.ts or cut the path with stopGradient",
    );
  });

  it('argument errors name the value', () => {
    const model = () => tiny((g, x, w) => op(g, 'Mul', [x, w], 'y'));
    expect(messageOf(() => appendBackward(model(), { loss: 'nope', wrt: ['w'] }))).toBe("autodiff: the loss 'nope' is not a value of graph 'tiny'");
    expect(messageOf(() => appendBackward(model(), { loss: 'y', wrt: ['w'] }))).toBe("autodiff: the loss 'y' must be a float value of one element, it is float[2,3]");
    expect(messageOf(() => appendBackward(model(), { loss: 'loss', wrt: ['y'] }))).toBe("autodiff: wrt 'y' is not an initializer or graph input of graph 'tiny'");
    expect(messageOf(() => appendBackward(model(), { loss: 'loss', wrt: ['w', 'w'] }))).toBe("autodiff: wrt 'w' is listed twice");
    expect(messageOf(() => appendBackward(model(), { loss: 'loss', wrt: ['w'], stopGradient: ['q'] }))).toBe("autodiff: stopGradient 'q' is not a value of graph 'tiny'");
    expect(() => appendBackward(model(), { loss: 'loss', wrt: ['w'], lossGradient: Number.NaN })).toThrow(RangeError);
  });

  it('needs static shapes on the path and says so', () => {
    const g = new Graph('dyn');
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, ['batch', 3])));
    const w = g.addInitializer(Tensor.fromFloat32([3], Float32Array.of(1, 2, 3)), 'w');
    const y = op(g, 'Mul', [x, w], 'y');
    g.outputs.push(op(g, 'ReduceSum', [y], 'loss', [attrInt('keepdims', 0)]));
    expect(messageOf(() => appendBackward(new Model(g), { loss: 'loss', wrt: ['w'] }))).toBe(
      "autodiff: ReduceSum 'loss': the shape of 'y' is not static (float[batch,3]); build the model with a fixed batch and image size",
    );
  });

  it('raises an opset-12 model to 17, converting Split/Unsqueeze/ReduceSum/Softmax, and differentiates it', async () => {
    const r = await gradCheck(
      (c) => {
        const [a, b] = c.op('Split', [c.input('x', [2, 6])], [attrInt('axis', 1), attrInts('split', [2, 4])], 2);
        const u = c.op1('Unsqueeze', [a!], [attrInts('axes', [0])]);
        const s = c.op1('ReduceSum', [u], [attrInts('axes', [0]), attrInt('keepdims', 0)]);
        const sm = c.op1('Softmax', [c.op1('Reshape', [b!, c.ints('shape', [2, 2, 2])])], [attrInt('axis', 1)]);
        return [s, sm];
      },
      { opset: 12 },
    );
    expect(r.model.opset).toBe(17);
    expect(r.model.irVersion).toBeGreaterThanOrEqual(8n);
    const ops = r.model.graph.nodes.toArray();
    expect(ops.find((n) => n.opType === 'Split')!.attr('split')).toBeUndefined();
    expect(ops.filter((n) => n.opType === 'Flatten')).toHaveLength(1); // Softmax axis 1 of a rank-3 input: coerced form
    expect(r.maxRelError).toBeLessThan(r.tol);
  });

  it('upgradeOpset keeps Softmax on the last axis as is and refuses a BatchNormalization using training outputs', () => {
    const g = new Graph('u');
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [2, 3])));
    g.outputs.push(op(g, 'Softmax', [x], 'sm', [attrInt('axis', 1)]));
    const m = new Model(g, { opsetImports: [['', 11]] });
    upgradeOpset(m, 17);
    expect(g.nodes.toArray().map((n) => n.opType)).toEqual(['Softmax']);
    expect(g.nodes.first()!.attrInt('axis')).toBe(-1);

    const g2 = new Graph('bn');
    const x2 = g2.addInput(new Value('x', tensorType(DataType.FLOAT, [2, 1, 2, 2])));
    const p = (n: string) => g2.addInitializer(Tensor.fromFloat32([1], Float32Array.of(1)), n);
    const bn = g2.append(new Node('BatchNormalization', [x2, p('s'), p('b'), p('m'), p('v')], ['y', 'rm', 'rv'], { name: 'bn' }));
    g2.outputs.push(bn.output(0), bn.output(1));
    expect(messageOf(() => upgradeOpset(new Model(g2, { opsetImports: [['', 12]] }), 17))).toBe(
      "autodiff: BatchNormalization 'bn' uses the training outputs of BatchNormalization (opset < 14), which opset 14 removed; rewrite it with bn-train first",
    );
  });

  it('the autodiff pass adds grad.<name> outputs (wrt=all or a list)', async () => {
    const model = tiny((g, x, w) => op(g, 'Mul', [x, w], 'y'));
    await runPipeline(model, 'autodiff{loss=loss,wrt=all}');
    expect(model.graph.outputs.map((v) => v.name)).toEqual(['loss', 'grad.w']);
    const out = await runModel(model, X);
    expect([...out['grad.w']!.data]).toEqual([5, 7, 9]);
    // BatchNorm running statistics are buffers: not in wrt=all.
    const bn = tiny((g, x, w) => {
      const p = (n: string, v: number) => g.addInitializer(Tensor.fromFloat32([3], Float32Array.of(v, v, v)), n);
      const x4 = op(g, 'Reshape', [x, g.addInitializer(Tensor.fromInt64([4], [2, 3, 1, 1]), 'shape4')], 'x4');
      return op(g, 'Mul', [op(g, 'BatchNormalization', [x4, p('gamma', 1), p('beta', 0), p('rm', 0), p('rv', 1)], 'bn'), op(g, 'Reshape', [w, g.addInitializer(Tensor.fromInt64([4], [1, 3, 1, 1]), 'shape_w')], 'w4')], 'y');
    });
    await runPipeline(bn, 'autodiff');
    expect(bn.graph.outputs.map((v) => v.name)).toEqual(['loss', 'grad.w', 'grad.gamma', 'grad.beta']);
    const listed = tiny((g, x, w) => op(g, 'Mul', [x, w], 'y'));
    await runPipeline(listed, 'autodiff{wrt=[x,w]}');
    expect(listed.graph.outputs.map((v) => v.name)).toEqual(['loss', 'grad.x', 'grad.w']);
  });
});
