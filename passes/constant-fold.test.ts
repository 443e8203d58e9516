import { describe, expect, it } from 'vitest';
import { AttrType, attrFloat, attrInt, attrInts, attrTensor } from '../ir/attribute.js';
import { DataType } from '../ir/dtype.js';
import { Graph, Node, Value } from '../ir/graph.js';
import { Model } from '../ir/model.js';
import { Tensor } from '../ir/tensor.js';
import { tensorType } from '../ir/type.js';
import { runPass } from '../test/util/pass-context.js';
import { constantFoldPass } from './constant-fold.js';

const ops = (g: Graph): string[] => g.nodes.toArray().map((n) => n.name);
const i64 = (v: number[]) => Tensor.fromInt64([v.length], v);

describe('constant-fold', () => {
  it('folds the Shape/Gather/Unsqueeze/Concat chain of a PyTorch export, keeping value names', async () => {
    const g = new Graph('main');
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [2, 3, 4, 5])));
    const shape = g.append(new Node('Shape', [x], ['s'], { name: 'shape' }));
    const idx = g.append(new Node('Constant', [], ['idx'], { name: 'idx', attributes: [attrInt('value_int', 0)] }));
    const gather = g.append(new Node('Gather', [shape.output(), idx.output()], ['n'], { name: 'gather', attributes: [attrInt('axis', 0)] }));
    const axes = g.addInitializer(i64([0]), 'axes');
    const unsq = g.append(new Node('Unsqueeze', [gather.output(), axes], ['n1'], { name: 'unsqueeze' }));
    const minus1 = g.addInitializer(i64([-1]), 'minus1');
    const concat = g.append(new Node('Concat', [unsq.output(), minus1], ['target'], { name: 'concat', attributes: [attrInt('axis', 0)] }));
    const reshape = g.append(new Node('Reshape', [x, concat.output()], ['y'], { name: 'reshape' }));
    g.outputs.push(reshape.output());
    g.valueInfos = [gather.output()];
    const { modified, ctx } = await runPass(constantFoldPass, new Model(g, { opsetImports: [['', 13]] }));
    expect(modified).toBe(true);
    expect(ops(g)).toEqual(['reshape']);
    expect(ctx.counters).toEqual({ folded: 5 });
    const target = reshape.input(1)!;
    expect(target).toBe(concat.output());
    expect(target.name).toBe('target');
    expect(target.isInitializer()).toBe(true);
    expect(target.constValue!.toBigInt64()).toEqual(BigInt64Array.of(2n, -1n));
    expect(target.type).toEqual(tensorType(DataType.INT64, [2]));
    expect(g.initializers.get('n')!.constValue!.dims).toEqual([]);
    expect(g.valueInfos).toEqual([]);
    expect(x.uses().map((u) => u.node.name)).toEqual(['reshape']);
  });

  it('keeps a folded graph output as a graph output of the same name, now an initializer', async () => {
    const g = new Graph('main');
    const a = g.addInitializer(Tensor.fromFloat32([2], Float32Array.of(1, 2)), 'a');
    const add = g.append(new Node('Add', [a, a], ['out'], { name: 'add' }));
    add.output().type = tensorType(DataType.FLOAT, [2]);
    g.outputs.push(add.output());
    await runPass(constantFoldPass, new Model(g));
    expect(g.outputs.map((v) => v.name)).toEqual(['out']);
    expect(g.outputs[0]!.isInitializer()).toBe(true);
    expect([...g.outputs[0]!.constValue!.toFloat32()]).toEqual([2, 4]);
  });

  it('never writes into the bytes of existing tensors', async () => {
    const g = new Graph('main');
    const buffer = new Uint8Array(new Float32Array([1, 2, 3, 4]).buffer);
    const w = g.addInitializer(Tensor.fromBytes(DataType.FLOAT, [4], buffer), 'w');
    const id = g.append(new Node('Identity', [w], ['w2'], { name: 'id' }));
    const neg = g.append(new Node('Neg', [id.output()], ['w3'], { name: 'neg' }));
    g.outputs.push(neg.output(), id.output());
    const before = Uint8Array.from(buffer);
    await runPass(constantFoldPass, new Model(g));
    expect(buffer).toEqual(before);
    const copy = g.initializers.get('w2')!.constValue!.bytes();
    expect(copy.buffer).not.toBe(buffer.buffer);
    expect([...g.initializers.get('w3')!.constValue!.toFloat32()]).toEqual([-1, -2, -3, -4]);
  });

  it('points the uses of an Identity of a constant at the constant itself instead of copying it', async () => {
    const g = new Graph('main');
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [2])));
    const w = g.addInitializer(Tensor.fromFloat32([2], Float32Array.of(1, 2)), 'w');
    const alias = g.append(new Node('Identity', [w], ['w_alias'], { name: 'alias' }));
    const mul = g.append(new Node('Mul', [x, alias.output()], ['y'], { name: 'mul' }));
    g.outputs.push(mul.output());
    const { ctx } = await runPass(constantFoldPass, new Model(g));
    expect(ops(g)).toEqual(['mul']);
    expect(mul.inputs).toEqual([x, w]);
    expect([...g.initializers.keys()]).toEqual(['w']);
    expect(ctx.counters).toEqual({ folded: 1 });
  });

  it('does not fold graph inputs with initializer defaults or Shape of a symbolic dim', async () => {
    const g = new Graph('main');
    const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, ['batch', 3])));
    const d = g.addInitializer(Tensor.fromFloat32([1], Float32Array.of(1)), 'd');
    g.addInput(d);
    const s = g.append(new Node('Shape', [x], ['s'], { name: 'shape' }));
    const n = g.append(new Node('Neg', [d], ['nd'], { name: 'neg' }));
    g.outputs.push(s.output(), n.output());
    const { modified, ctx } = await runPass(constantFoldPass, new Model(g));
    expect(modified).toBe(false);
    expect(ctx.remarks).toEqual([]);
  });

  it('refuses with remarks: size limit, non-deterministic, custom domain, subgraph, runtime errors', async () => {
    const g = new Graph('main');
    const shape = g.addInitializer(i64([10, 10]), 'shape');
    const zero = g.addInitializer(Tensor.fromInt64([], [0]), 'zero');
    const seven = g.addInitializer(Tensor.fromInt64([], [7]), 'seven');
    const cond = g.addInitializer(Tensor.fromBytes(DataType.BOOL, [], Uint8Array.of(1)), 'cond');
    const nodes = [
      new Node('ConstantOfShape', [shape], ['big'], { name: 'big' }),
      new Node('RandomNormal', [], ['rnd'], { name: 'random', attributes: [attrInts('shape', [2])] }),
      new Node('MyOp', [seven], ['custom'], { name: 'custom', domain: 'com.example' }),
      new Node('If', [cond], ['if_out'], { name: 'if', attributes: [{ name: 'then_branch', type: AttrType.GRAPH, value: new Graph('b') }] }),
      new Node('Div', [seven, zero], ['q'], { name: 'div0' }),
      new Node('Gather', [shape, seven], ['gathered'], { name: 'gather_oob' }),
    ];
    nodes.forEach((n) => g.append(n));
    g.outputs.push(...nodes.map((n) => n.output()));
    const { modified, ctx } = await runPass(constantFoldPass, new Model(g), { 'size-limit': 50 });
    expect(modified).toBe(false);
    expect(ctx.remarks).toEqual([
      "ConstantOfShape 'big': not folded: the output would have 100 elements, over the size limit of 50",
      "RandomNormal 'random': not folded: it is not deterministic",
      "MyOp 'custom': not folded: op com.example:MyOp is not a standard op; its semantics are unknown",
      "If 'if': not folded: it has a subgraph",
      "Div 'div0': not folded: integer division by zero",
      "Gather 'gather_oob': not folded: index 7 is out of range for axis 0 of size 2",
    ]);
  });

  it('refuses before evaluating when a declared output shape is over the limit, and when the result disagrees with the declared type', async () => {
    const g = new Graph('main');
    const a = g.addInitializer(Tensor.fromFloat32([3], Float32Array.of(1, 2, 3)), 'a');
    const tile = g.append(new Node('Tile', [a, g.addInitializer(i64([100]), 'reps')], ['tiled'], { name: 'tile' }));
    tile.output().type = tensorType(DataType.FLOAT, [300]);
    const neg = g.append(new Node('Neg', [a], ['neg_out'], { name: 'neg' }));
    neg.output().type = tensorType(DataType.FLOAT, [4]);
    g.outputs.push(tile.output(), neg.output());
    const { ctx } = await runPass(constantFoldPass, new Model(g), { 'size-limit': 100 });
    expect(ctx.remarks).toEqual([
      "Tile 'tile': not folded: output 'tiled' would have 300 elements, over the size limit of 100",
      "Neg 'neg': not folded: output 'neg_out' is declared [4] but evaluates to [3]",
    ]);
  });

  it('leaves a node without a required input alone, with a remark, instead of failing', async () => {
    const g = new Graph('main');
    const start = g.addInitializer(Tensor.fromInt64([], [0]), 'start');
    const delta = g.addInitializer(Tensor.fromInt64([], [2]), 'delta');
    const range = g.append(new Node('Range', [start, null, delta], ['r'], { name: 'range' }));
    g.outputs.push(range.output());
    const { modified, ctx } = await runPass(constantFoldPass, new Model(g));
    expect(modified).toBe(false);
    expect(ops(g)).toEqual(['range']);
    expect(ctx.remarks).toEqual(["Range 'range': not folded: input 1 of Range is required but absent"]);
  });

  it('evaluates ops without a TypeScript kernel in ONNX Runtime, and remarks when it cannot', async () => {
    const g = new Graph('main');
    const a = g.addInitializer(Tensor.fromFloat32([2, 2], Float32Array.of(1, 2, 3, 4)), 'a');
    const mm = g.append(new Node('MatMul', [a, a], ['mm'], { name: 'matmul' }));
    const split = g.append(new Node('Split', [a], ['s0', 's1'], { name: 'split', attributes: [attrInt('axis', 1)] }));
    const bad = g.append(new Node('MatMul', [a, g.addInitializer(Tensor.fromFloat32([3], Float32Array.of(1, 2, 3)), 'v')], ['bad'], { name: 'bad_matmul' }));
    g.outputs.push(mm.output(), split.output(0), split.output(1), bad.output());
    const { ctx } = await runPass(constantFoldPass, new Model(g, { opsetImports: [['', 13]] }));
    expect(ops(g)).toEqual(['bad_matmul']);
    expect([...g.initializers.get('mm')!.constValue!.toFloat32()]).toEqual([7, 10, 15, 22]);
    expect([...g.initializers.get('s1')!.constValue!.toFloat32()]).toEqual([2, 4]);
    expect(g.initializers.get('s1')!.constValue!.dims).toEqual([2, 1]);
    expect(ctx.remarks).toEqual(["MatMul 'bad_matmul': not folded: shape inference rejects it: inner dims differ: 'a' float[2,2] x 'v' float[3]"]);
  });

  it('knows the size of what ONNX Runtime would compute before running it', async () => {
    const g = new Graph('main');
    const a = g.addInitializer(Tensor.fromFloat32([1000], new Float32Array(1000).fill(1)), 'a');
    // No declared output type: only the repeats say how big the result is (20,000,000 elements).
    const tile = g.append(new Node('Tile', [a, g.addInitializer(i64([20000]), 'reps')], ['tiled'], { name: 'tile' }));
    const nz = g.append(new Node('NonZero', [a], ['nz'], { name: 'nonzero' }));
    const small = g.append(new Node('Tile', [g.addInitializer(i64([1, 2]), 'b'), g.addInitializer(i64([3]), 'reps3')], ['small'], { name: 'small_tile' }));
    g.outputs.push(tile.output(), nz.output(), small.output());
    const { ctx } = await runPass(constantFoldPass, new Model(g));
    expect(ops(g)).toEqual(['tile', 'nonzero']);
    expect(ctx.remarks).toEqual([
      "Tile 'tile': not folded: output 'tiled' would have 20000000 elements, over the size limit of 1000000",
      "NonZero 'nonzero': not folded: the size of output 'nz' is not known before evaluating it",
    ]);
    expect(g.initializers.get('small')!.constValue!.toBigInt64()).toEqual(BigInt64Array.of(1n, 2n, 1n, 2n, 1n, 2n));
  });

  it('refuses casts that are undefined behaviour in C++ (no ONNX Runtime fallback), and leaves string results to ONNX Runtime', async () => {
    const g = new Graph('main');
    const f = g.addInitializer(Tensor.fromFloat32([2], Float32Array.of(1.5, Number.NaN)), 'f');
    const big = g.addInitializer(Tensor.fromFloat32([2], Float32Array.of(2.5, 1e10)), 'big');
    const ok = g.addInitializer(Tensor.fromFloat32([2], Float32Array.of(2.7, -2.7)), 'ok');
    const i = g.addInitializer(i64([12, -3]), 'i');
    const nan = g.append(new Node('Cast', [f], ['as_int'], { name: 'nan_to_int', attributes: [attrInt('to', DataType.INT32)] }));
    const over = g.append(new Node('Cast', [big], ['big_int'], { name: 'out_of_range', attributes: [attrInt('to', DataType.INT32)] }));
    const fine = g.append(new Node('Cast', [ok], ['ok_int'], { name: 'in_range', attributes: [attrInt('to', DataType.INT8)] }));
    const toStr = g.append(new Node('Cast', [i], ['as_str'], { name: 'to_string', attributes: [attrInt('to', DataType.STRING)] }));
    const likeInt = g.addInitializer(i64([0]), 'like_int');
    const likeNan = g.append(new Node('CastLike', [f, likeInt], ['like_nan'], { name: 'castlike_nan' }));
    const likeOk = g.append(new Node('CastLike', [ok, likeInt], ['like_ok'], { name: 'castlike_ok' }));
    g.outputs.push(nan.output(), over.output(), fine.output(), toStr.output(), likeNan.output(), likeOk.output());
    const { ctx } = await runPass(constantFoldPass, new Model(g));
    expect(ops(g)).toEqual(['nan_to_int', 'out_of_range', 'castlike_nan']);
    expect(ctx.counters).toEqual({ folded: 3 });
    expect(ctx.remarks).toEqual([
      "Cast 'nan_to_int': not folded: casting NaN to int32 is undefined behaviour",
      "Cast 'out_of_range': not folded: casting 10000000000 to int32 is undefined behaviour",
      "CastLike 'castlike_nan': not folded: casting NaN to int64 is undefined behaviour",
    ]);
    expect(g.initializers.get('like_ok')!.constValue!.toBigInt64()).toEqual(BigInt64Array.of(2n, -2n));
    expect(g.initializers.get('ok_int')!.constValue!.toNumbers()).toEqual([2, -2]);
    expect(g.initializers.get('as_str')!.constValue!.toStrings()).toEqual(['12', '-3']);
  });

  it('folds inside subgraphs with outer constants, keeping the uses of outer values', async () => {
    const g = new Graph('main');
    const cond = g.addInput(new Value('cond', tensorType(DataType.BOOL, [])));
    const k = g.append(new Node('Constant', [], ['k'], { name: 'k', attributes: [attrFloat('value_float', 3)] }));
    const body = new Graph('then');
    const m = body.append(new Node('Mul', [k.output(), k.output()], ['k2'], { name: 'mul' }));
    body.outputs.push(m.output());
    const iff = g.append(new Node('If', [cond], ['o'], { name: 'if', attributes: [{ name: 'then_branch', type: AttrType.GRAPH, value: body }, { name: 'else_branch', type: AttrType.GRAPH, value: new Graph('else') }] }));
    body.parentNode = iff;
    g.outputs.push(iff.output());
    await runPass(constantFoldPass, new Model(g));
    expect(ops(g)).toEqual(['if']);
    expect(ops(body)).toEqual([]);
    expect(body.outputs[0]).toBe(m.output());
    expect(body.initializers.get('k2')!.constValue!.toFloat32()[0]).toBe(9);
    expect(g.initializers.get('k')!.useCount).toBe(0);
  });

  it('folds Constant nodes of every value_* form into initializers, and Dropout only in inference', async () => {
    const g = new Graph('main');
    const c1 = g.append(new Node('Constant', [], ['c1'], { name: 'c1', attributes: [attrInts('value_ints', [1, 2])] }));
    const c2 = g.append(new Node('Constant', [], ['c2'], { name: 'c2', attributes: [attrTensor('value', Tensor.scalarFloat32(0.5))] }));
    const on = g.addInitializer(Tensor.fromBytes(DataType.BOOL, [], Uint8Array.of(1)), 'on');
    const d1 = g.append(new Node('Dropout', [c2.output()], ['d1'], { name: 'inference_dropout' }));
    const d2 = g.append(new Node('Dropout', [c2.output(), null, on], ['d2'], { name: 'training_dropout' }));
    g.outputs.push(c1.output(), d1.output(), d2.output());
    const { ctx } = await runPass(constantFoldPass, new Model(g));
    expect(ops(g)).toEqual(['training_dropout']);
    expect(g.initializers.get('c1')!.constValue!.toBigInt64()).toEqual(BigInt64Array.of(1n, 2n));
    expect(g.initializers.get('d1')!.constValue!.toFloat32()[0]).toBe(0.5);
    expect(ctx.remarks).toEqual(["Dropout 'training_dropout': not folded: it is not deterministic"]);
  });
});
