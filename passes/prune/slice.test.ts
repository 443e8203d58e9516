import { describe, expect, it } from 'vitest';
import { DataType } from '../../ir/dtype.js';
import type { Model } from '../../ir/model.js';
import { staticDims } from '../../ir/type.js';
import { Tensor } from '../../ir/tensor.js';
import { parseModel } from '../../ir/text/parse.js';
import { printModel } from '../../ir/text/print.js';
import { decodeModel, encodeModel } from '../../ir/serde/index.js';
import { verifyModel } from '../../ir/verify.js';
import { maxAbsDiff, randomFloat32, runModel, seededRandom } from '../../test/util/ort.js';
import { compareOutputs, concatAlongRowsBody } from '../../test/util/prune.js';
import { analyzeChannelGroups, type ChannelAnalysis, type ChannelGroup } from '../analysis/channel-groups.js';
import { checkMasks, sliceChannels } from './slice.js';
import { addAlongAxis, sliceTensor, transposeTensor } from './tensor-edit.js';

/** A model from text whose float initializers get seeded values (gammas and weights as set below). */
function model(body: string, seed = 1, opset = 17): Model {
  const m = parseModel(`<ir_version: 8, opset_import: ["" : ${opset}]>\n${body}`, 'test.onnxtxt', { elidedTensors: 'zeros' });
  const rnd = seededRandom(seed);
  for (const v of m.graph.initializers.values()) {
    const t = v.constValue!;
    if (t.dtype !== DataType.FLOAT || t.storage.kind === 'raw' && t.size > 0 && t.toFloat32().some((x) => x !== 0)) continue;
    const a = new Float32Array(t.size);
    const positive = /var/.test(v.name);
    for (let i = 0; i < a.length; i++) a[i] = positive ? 0.5 + rnd() : rnd() - 0.5;
    v.constValue = Tensor.fromFloat32(t.dims, a, { name: v.name });
  }
  return m;
}

/** Sets entries of a float initializer (a new tensor). */
function set(m: Model, name: string, entries: Record<number, number>): void {
  const v = m.graph.initializers.get(name)!;
  const a = v.constValue!.toFloat32();
  for (const [i, x] of Object.entries(entries)) a[Number(i)] = x;
  v.constValue = Tensor.fromFloat32(v.constValue!.dims, a, { name });
}

function masksFor(a: ChannelAnalysis, spec: Record<string, number[]>): Map<ChannelGroup, number[]> {
  return new Map(Object.entries(spec).map(([k, keep]) => [a.groupByKey(k)!, keep]));
}

function dims(m: Model, name: string): readonly number[] {
  return m.graph.initializers.get(name)!.constValue!.dims;
}

const input = (d: number[]) => ({ name: 'x', dims: d });

describe('tensor edits', () => {
  it('slices along several axes, copying elements bit for bit', () => {
    const t = Tensor.fromFloat32([3, 4, 2], Float32Array.from({ length: 24 }, (_, i) => i));
    const s = sliceTensor(t, new Map([[0, [0, 2]], [1, [1, 3]]]));
    expect(s.dims).toEqual([2, 2, 2]);
    expect([...s.toFloat32()]).toEqual([2, 3, 6, 7, 18, 19, 22, 23]);
    const i64 = Tensor.fromInt64([4], [1, -2, 3, 9007199254740993n as unknown as number]);
    expect(sliceTensor(i64, new Map([[0, [1, 3]]])).toBigInt64()).toEqual(BigInt64Array.of(-2n, 9007199254740993n));
  });

  it('adds along an axis and transposes, as new tensors', () => {
    const t = Tensor.fromFloat32([2, 3], Float32Array.of(1, 2, 3, 4, 5, 6));
    expect([...addAlongAxis(t, 1, Float64Array.of(10, 20, 30)).toFloat32()]).toEqual([11, 22, 33, 14, 25, 36]);
    expect([...transposeTensor(t, [1, 0]).toFloat32()]).toEqual([1, 4, 2, 5, 3, 6]);
    expect([...t.toFloat32()]).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

const CONCAT_MODEL = `
g (float[1,3,8,8] x) => (float[1,2,8,8] y)
<float[4,3,3,3] w1 = {...}, float[4] s1 = {...}, float[4] b1 = {...}, float[4] m1 = {...}, float[4] var1 = {...},
 float[6,3,1,1] w2 = {...}, float[6] s2 = {...}, float[6] b2 = {...}, float[6] m2 = {...}, float[6] var2 = {...},
 float[2,10,1,1] w3 = {...}, float[2] s3 = {...}, float[2] b3 = {...}, float[2] m3 = {...}, float[2] var3 = {...}>
{
  [c1] a = Conv <kernel_shape: ints = [3, 3], pads: ints = [1, 1, 1, 1]> (x, w1)
  [bn1] an = BatchNormalization (a, s1, b1, m1, var1)
  [sg1] as = Sigmoid (an)
  [act1] ao = Mul (an, as)
  [c2] b = Conv <kernel_shape: ints = [1, 1]> (x, w2)
  [bn2] bn = BatchNormalization (b, s2, b2, m2, var2)
  [act2] bo = Relu (bn)
  [cat] c = Concat <axis: int = 1> (ao, bo)
  [c3] d = Conv <kernel_shape: ints = [1, 1]> (c, w3)
  [bn3] y = BatchNormalization (d, s3, b3, m3, var3)
}`;

describe('sliceChannels', () => {
  it('Concat inputs at their offsets: producers, BN parameters and the consumer rows; constants folded into the next BN mean', async () => {
    const m = model(CONCAT_MODEL);
    set(m, 's1', { 1: 0 });
    set(m, 's2', { 2: 0, 5: 0 });
    const before = decodeModel(encodeModel(m));
    const a = analyzeChannelGroups(m);
    const report = sliceChannels(a, masksFor(a, { a: [0, 2, 3], b: [0, 1, 3, 4] }));
    expect(verifyModel(m)).toEqual([]);
    expect(report).toMatchObject({ groupsPruned: 2, channelsRemoved: 3, folded: 3, unfoldable: 0 });
    expect(dims(m, 'w1')).toEqual([3, 3, 3, 3]);
    expect(dims(m, 's1')).toEqual([3]);
    expect(dims(m, 'w2')).toEqual([4, 3, 1, 1]);
    expect(dims(m, 'w3')).toEqual([2, 7, 1, 1]);
    expect(m.graph.nodes.toArray().find((n) => n.name === 'c3')!.inputs.length).toBe(2); // no bias added: the BN mean took it
    expect(m.graph.initializers.get('m3')!.constValue!.toFloat32()).not.toEqual(before.graph.initializers.get('m3')!.constValue!.toFloat32());
    const diff = await compareOutputs(m, before, input([1, 3, 8, 8]));
    expect(diff.y).toBeLessThan(1e-5);
  });

  it('Split sizes and Slice starts/ends are restated; the removed channels fold into each consumer', async () => {
    const m = model(`
g (float[1,3,6,6] x) => (float[1,2,6,6] y, float[1,2,6,6] z)
<float[8,3,1,1] w1 = {...}, float[8] s1 = {...}, float[8] b1 = {...}, float[8] m1 = {...}, float[8] var1 = {...},
 int64[2] sizes = {3, 5}, float[2,3,1,1] w2 = {...}, float[2] c2b = {...}, float[2,2,1,1] w3 = {...}, float[2] c3b = {...},
 int64[1] st = {1}, int64[1] en = {3}, int64[1] ax = {1}>
{
  [c1] a = Conv <kernel_shape: ints = [1, 1]> (x, w1)
  [bn1] an = BatchNormalization (a, s1, b1, m1, var1)
  [act] h = Sigmoid (an)
  [sp] p, q = Split <axis: int = 1> (h, sizes)
  [c2] y = Conv <kernel_shape: ints = [1, 1]> (p, w2, c2b)
  [sl] r = Slice (q, st, en, ax)
  [c3] z = Conv <kernel_shape: ints = [1, 1]> (r, w3, c3b)
}`);
    // Groups: a[0:3] (-> c2), a[3:4] (unused channel of q), a[4:6] (-> r -> c3), a[6:8] (unused).
    set(m, 's1', { 1: 0, 3: 0, 4: 0 });
    const before = decodeModel(encodeModel(m));
    const a = analyzeChannelGroups(m);
    sliceChannels(a, masksFor(a, { 'a[0:3]': [0, 2], 'a[3:4]': [], 'a[4:6]': [1], 'a[6:8]': [0, 1] }).set(a.groupByKey('a[3:4]')!, [0]));
    // a[3:4] keeps its one channel: masks need at least one.
    expect(verifyModel(m)).toEqual([]);
    expect([...m.graph.initializers.get('sizes')!.constValue!.toBigInt64()]).toEqual([2n, 4n]);
    const sl = m.graph.nodes.toArray().find((n) => n.name === 'sl')!;
    expect([sl.input(1), sl.input(2)].map((v) => Number(v!.constValue!.toBigInt64()[0]))).toEqual([1, 2]);
    expect(dims(m, 'w3')).toEqual([2, 1, 1, 1]);
    const diff = await compareOutputs(m, before, input([1, 3, 6, 6]));
    expect(Math.max(diff.y!, diff.z!)).toBeLessThan(1e-5);
  });

  it('depthwise: group and weights follow the channels; a removed constant-zero channel leaves a constant bias behind', async () => {
    const m = model(`
g (float[1,3,6,6] x) => (float[1,2,6,6] y)
<float[4,3,1,1] w1 = {...}, float[4] s1 = {...}, float[4] b1 = {...}, float[4] m1 = {...}, float[4] var1 = {...},
 float[4,1,3,3] dw = {...}, float[4] db = {...}, float[2,4,1,1] w2 = {...}, float[2] cb = {...}>
{
  [c1] a = Conv <kernel_shape: ints = [1, 1]> (x, w1)
  [bn1] an = BatchNormalization (a, s1, b1, m1, var1)
  [sg] sgm = Sigmoid (an)
  [act] h = Mul (an, sgm)
  [dwc] d = Conv <group: int = 4, kernel_shape: ints = [3, 3], pads: ints = [1, 1, 1, 1]> (h, dw, db)
  [c2] y = Conv <kernel_shape: ints = [1, 1]> (d, w2, cb)
}`);
    set(m, 's1', { 2: 0 });
    set(m, 'b1', { 2: 0 }); // SiLU(0) = 0: the depthwise output of channel 2 is its bias, everywhere
    const before = decodeModel(encodeModel(m));
    const a = analyzeChannelGroups(m);
    const r = sliceChannels(a, masksFor(a, { a: [0, 1, 3] }));
    expect(r.unfoldable).toBe(0);
    expect(verifyModel(m)).toEqual([]);
    expect(m.graph.nodes.toArray().find((n) => n.name === 'dwc')!.attrInt('group')).toBe(3);
    expect(dims(m, 'dw')).toEqual([3, 1, 3, 3]);
    expect((await compareOutputs(m, before, input([1, 3, 6, 6]))).y).toBeLessThan(1e-5);
  });

  const padded = (attrs: string, out: [number, number], kernel = 3): Model =>
    model(
      CONCAT_MODEL.replace('[c3] d = Conv <kernel_shape: ints = [1, 1]>', `[c3] d = Conv <kernel_shape: ints = [${kernel}, ${kernel}], ${attrs}>`)
        .replace('float[2,10,1,1] w3', `float[2,10,${kernel},${kernel}] w3`)
        .replace('=> (float[1,2,8,8] y)', `=> (float[1,2,${out[0]},${out[1]}] y)`),
    );

  it('a nonzero constant into a padded conv: bias inside plus a border correction map, exact for stride, dilation, asymmetric and SAME pads', async () => {
    const cases: Array<[string, [number, number], number?]> = [
      ['pads: ints = [1, 1, 1, 1]', [8, 8]],
      ['pads: ints = [1, 1, 1, 1], strides: ints = [2, 2]', [4, 4]],
      ['pads: ints = [0, 2, 1, 0], dilations: ints = [2, 1]', [5, 8]],
      ['auto_pad: string = "SAME_UPPER", strides: ints = [2, 3]', [4, 3], 4],
      ['auto_pad: string = "SAME_LOWER"', [8, 8], 4],
    ];
    for (const [attrs, out, kernel] of cases) {
      const m = padded(attrs, out, kernel);
      set(m, 's1', { 1: 0 });
      set(m, 'b1', { 1: 0.4 });
      const before = decodeModel(encodeModel(m));
      const a = analyzeChannelGroups(m);
      const r = sliceChannels(a, masksFor(a, { a: [0, 2, 3] }), { maps: true });
      expect(r, attrs).toMatchObject({ channelsRemoved: 1, unfoldable: 0, borderMaps: 1 });
      expect(verifyModel(m)).toEqual([]);
      const add = m.graph.nodes.toArray().find((n) => n.name === 'c3/BorderCorrection')!;
      expect(staticDims(add.input(1)!.type)).toEqual([1, 2, ...out]);
      if (attrs === 'pads: ints = [1, 1, 1, 1]') {
        // Stored as a table over row/column classes (top, interior, bottom), not as the 8x8 map.
        expect(m.graph.initializers.get('c3/border_correction')!.constValue!.dims).toEqual([1, 2, 3, 3]);
      }
      expect(add.output(0).uses()[0]!.node.name).toBe('bn3');
      const diff = await compareOutputs(m, before, input([1, 3, 8, 8]));
      expect(diff.y, attrs).toBeLessThan(1e-5);
    }
  });

  it('without a correction map (maps off by default, over maxMap, unknown spatial size) the channel is reported unfoldable and the border changes', async () => {
    const why = (m: Model, options: Parameters<typeof sliceChannels>[2]): string[] => {
      set(m, 's1', { 1: 0 });
      set(m, 'b1', { 1: 0.4 });
      const a = analyzeChannelGroups(m);
      const r = sliceChannels(a, masksFor(a, { a: [0, 2, 3] }), options);
      expect(r).toMatchObject({ channelsRemoved: 1, unfoldable: 1, borderMaps: 0 });
      return [...r.plan.unfoldable.get(a.groupByKey('a')!)!.values()].map((w) => w.why);
    };
    const m = padded('pads: ints = [1, 1, 1, 1]', [8, 8]);
    const before = decodeModel(encodeModel(m));
    expect(why(m, {})).toEqual(["Conv 'c3' reads zero padding: the constant 0.2395 of channel 1 folds exactly inside, not on the border (exact: no correction maps)"]);
    expect((await compareOutputs(m, before, input([1, 3, 8, 8]))).y).toBeGreaterThan(1e-4);
    expect(why(padded('pads: ints = [1, 1, 1, 1]', [8, 8]), { maps: true, maxMap: 127 })).toEqual([
      "Conv 'c3' reads zero padding: the constant 0.2395 of channel 1 folds exactly inside, not on the border (its correction map would hold 128 elements, more than max-map=127)",
    ]);
    const dynamic = model(
      CONCAT_MODEL.replace('g (float[1,3,8,8] x) => (float[1,2,8,8] y)', 'g (float[1,3,H,W] x) => (float[1,2,H,W] y)')
        .replace('[c3] d = Conv <kernel_shape: ints = [1, 1]>', '[c3] d = Conv <kernel_shape: ints = [3, 3], pads: ints = [1, 1, 1, 1]>')
        .replace('float[2,10,1,1] w3', 'float[2,10,3,3] w3'),
    );
    expect(why(dynamic, { maps: true })).toEqual([
      "Conv 'c3' reads zero padding: the constant 0.2395 of channel 1 folds exactly inside, not on the border (the spatial size of 'c' is not static: run with a fixed input size (infer-shapes))",
    ]);
  });

  it('MatMul channels (ConvNeXt MLP): zero weight columns make constants GELU(b) that fold into the next bias', async () => {
    const body = (withBias: boolean) => `
g (float[1,4,5,5] x) => (float[1,4,5,5] y)
<float[4,4,1,1] w1 = {...}, float[4,16] m1 = {...}, float[16] b1 = {...}, float[16,4] m2 = {...}, ${withBias ? 'float[4] b2 = {...},' : ''} float[4] gamma = {...}>
{
  [c1] a = Conv <kernel_shape: ints = [1, 1]> (x, w1)
  [t1] h = Transpose <perm: ints = [0, 2, 3, 1]> (a)
  [mm1] p = MatMul (h, m1)
  [add1] q = Add (p, b1)
  [gelu] r = Gelu (q)
  [mm2] o = MatMul (r, m2)
  ${withBias ? '[add2] ob = Add (o, b2)\n  [ls] s = Mul (gamma, ob)' : '[ls] s = Mul (gamma, o)'}
  [t2] t = Transpose <perm: ints = [0, 3, 1, 2]> (s)
  [res] y = Add (a, t)
}`;
    for (const withBias of [true, false]) {
      const m = model(body(withBias), 3, 20);
      const cols = new Float32Array(m.graph.initializers.get('m1')!.constValue!.toFloat32());
      for (let r = 0; r < 4; r++) for (const c of [2, 7, 11]) cols[r * 16 + c] = 0;
      m.graph.initializers.get('m1')!.constValue = Tensor.fromFloat32([4, 16], cols, { name: 'm1' });
      const before = decodeModel(encodeModel(m));
      const a = analyzeChannelGroups(m);
      const keep = Array.from({ length: 16 }, (_, i) => i).filter((i) => ![2, 7, 11].includes(i));
      const r = sliceChannels(a, masksFor(a, { p: keep }));
      expect(r).toMatchObject({ channelsRemoved: 3, folded: 3, unfoldable: 0 });
      expect(verifyModel(m)).toEqual([]);
      expect(dims(m, 'm1')).toEqual([4, 13]);
      expect(dims(m, 'm2')).toEqual([13, 4]);
      expect(m.graph.nodes.toArray().some((n) => n.name.endsWith('/FoldedBias'))).toBe(!withBias);
      expect((await compareOutputs(m, before, input([1, 4, 5, 5]))).y).toBeLessThan(1e-5);
    }
  });

  it('a MatMul consumer whose output is a graph output: the folded bias is added to the value the graph outputs', async () => {
    const m = model(`
g (float[4,2] x) => (float[4,2] y)
<float[2,3] w1 = {0, 1, 2, 0, 3, 4}, float[3] b1 = {1.5, 0.1, 0.2}, float[3,2] w2 = {1, 2, 3, 4, 5, 6}>
{
  [mm1] h = MatMul (x, w1)
  [add1] hb = Add (h, b1)
  [act] r = Relu (hb)
  [mm2] y = MatMul (r, w2)
}`);
    const before = decodeModel(encodeModel(m));
    const a = analyzeChannelGroups(m);
    const r = sliceChannels(a, masksFor(a, { h: [1, 2] }));
    expect(r).toMatchObject({ channelsRemoved: 1, folded: 1, unfoldable: 0 });
    expect(verifyModel(m)).toEqual([]);
    // The graph output keeps its name and is the corrected value.
    expect(m.graph.outputs.map((v) => v.name)).toEqual(['y']);
    expect(m.graph.outputs[0]!.producer()!.opType).toBe('Add');
    expect((await compareOutputs(m, before, input([4, 2]))).y).toBeLessThan(1e-5);
  });

  it('a consumer whose bias is not a constant (a graph input): the folded constants go after it', async () => {
    const body = (weights: string, consumer: string, out: string) => `
g (float[1,2,4,4] x, float[1] bc) => (${out})
<float[2,2,1,1] wa = {1, 2, 3, 4}, float[2] ga = {0, 1}, float[2] ba = {1, 0}, float[2] ma = {0, 0}, float[2] va = {1, 1}, ${weights}>
{
  [ca] ya = Conv <kernel_shape: ints = [1, 1]> (x, wa)
  [bna] na = BatchNormalization (ya, ga, ba, ma, va)
  [act] ra = Relu (na)
  ${consumer}
}`;
    const conv = 'float[1,2,1,1] wc = {1, 2}';
    const bn = 'float[1] gc = {2}, float[1] bb = {0.5}, float[1] mc = {0.25}, float[1] vc = {4}';
    // The last field: whether an Add(y, folded_bias) is made (else the next BN's mean takes the delta).
    const cases: Array<[string, string, string, string, boolean]> = [
      ['conv, graph output', conv, '[cc] y = Conv <kernel_shape: ints = [1, 1]> (ra, wc, bc)', 'float[1,1,4,4] y', true],
      ['conv, then Sigmoid', conv, '[cc] yc = Conv <kernel_shape: ints = [1, 1]> (ra, wc, bc)\n  [sg] y = Sigmoid (yc)', 'float[1,1,4,4] y', true],
      ['conv, then BatchNormalization', `${conv}, ${bn}`, '[cc] yc = Conv <kernel_shape: ints = [1, 1]> (ra, wc, bc)\n  [bnc] y = BatchNormalization (yc, gc, bb, mc, vc)', 'float[1,1,4,4] y', false],
      ['gemm', 'float[1,2] fc = {1, 2}', '[gap] p = GlobalAveragePool (ra)\n  [fl] f = Flatten (p)\n  [fc] y = Gemm <transB: int = 1, alpha: float = 0.5> (f, fc, bc)', 'float[1,1] y', true],
    ];
    const feeds = { x: { dims: [1, 2, 4, 4], data: randomFloat32(32, 7, -1, 1) }, bc: { dims: [1], data: Float32Array.of(0.5) } };
    for (const [what, weights, consumer, out, added] of cases) {
      const m = model(body(weights, consumer, out));
      const expected = (await runModel(m, feeds)).y!.data;
      const a = analyzeChannelGroups(m);
      const r = sliceChannels(a, masksFor(a, { ya: [1] }));
      expect(r, what).toMatchObject({ channelsRemoved: 1, folded: 1, unfoldable: 0 });
      expect(verifyModel(m), what).toEqual([]);
      expect(m.graph.nodes.toArray().some((n) => n.name.endsWith('/FoldedBias')), what).toBe(added);
      expect(m.graph.outputs.map((v) => v.name), what).toEqual(['y']);
      expect(maxAbsDiff((await runModel(m, feeds)).y!.data, expected), what).toBeLessThan(1e-5);
    }
  });

  it('Concat along another axis: a channel is constant only when every input gives it the same constant', async () => {
    const m = (betaB: number) =>
      model(concatAlongRowsBody({ beta: betaB, bias: 0.5 }));
    // The same constant Relu(1) in both halves of channel 0: folded, exact.
    const same = m(1);
    const before = decodeModel(encodeModel(same));
    let a = analyzeChannelGroups(same);
    expect(sliceChannels(a, masksFor(a, { ya: [1] }))).toMatchObject({ channelsRemoved: 1, folded: 1, unfoldable: 0 });
    expect(verifyModel(same)).toEqual([]);
    expect((await compareOutputs(same, before, input([1, 2, 4, 4]))).y).toBeLessThan(1e-6);
    // Relu(1) above, Relu(5) below: not one constant.
    const differ = m(5);
    const before2 = decodeModel(encodeModel(differ));
    a = analyzeChannelGroups(differ);
    const r = sliceChannels(a, masksFor(a, { ya: [1] }));
    expect(r).toMatchObject({ channelsRemoved: 1, folded: 0, unfoldable: 1 });
    expect([...r.plan.unfoldable.get(a.groupByKey('ya')!)!.values()]).toEqual([
      { kind: 'varies', why: "channel 0 of 'cat', read by Conv 'cc': Concat 'cat' joins pieces of channel 0 with different constants (1 and 5)" },
    ]);
    expect((await compareOutputs(differ, before2, input([1, 2, 4, 4]))).y).toBeGreaterThan(0.5); // reported: removed, not folded
  });

  it('copy on write: a gamma shared through Identity is copied for the pruned BN, kept whole for the other', async () => {
    const m = model(`
g (float[1,3,6,6] x) => (float[1,2,6,6] y, float[1,2,6,6] z)
<float[4,3,1,1] w1 = {...}, float[4,3,1,1] w2 = {...}, float[4] s = {...}, float[4] b = {...}, float[4] mu = {...}, float[4] var = {...},
 float[2,4,1,1] w3 = {...}, float[2,4,1,1] w4 = {...}>
{
  [i1] "one.weight" = Identity (s)
  [i2] "two.weight" = Identity (s)
  [c1] a = Conv <kernel_shape: ints = [1, 1]> (x, w1)
  [bn1] an = BatchNormalization (a, "one.weight", b, mu, var)
  [c3] y = Conv <kernel_shape: ints = [1, 1]> (an, w3)
  [c2] e = Conv <kernel_shape: ints = [1, 1]> (x, w2)
  [bn2] en = BatchNormalization (e, "two.weight", b, mu, var)
  [c4] z = Conv <kernel_shape: ints = [1, 1]> (en, w4)
}`);
    set(m, 's', { 0: 0 });
    const sBefore = m.graph.initializers.get('s')!.constValue!;
    const before = decodeModel(encodeModel(m));
    const a = analyzeChannelGroups(m);
    sliceChannels(a, masksFor(a, { a: [1, 2, 3] }));
    expect(verifyModel(m)).toEqual([]);
    const bn1 = m.graph.nodes.toArray().find((n) => n.name === 'bn1')!;
    const bn2 = m.graph.nodes.toArray().find((n) => n.name === 'bn2')!;
    expect(bn1.input(1)!.name).toBe('one.weight');
    expect(bn1.input(1)!.isInitializer()).toBe(true);
    expect(bn1.input(1)!.constValue!.dims).toEqual([3]);
    expect(bn2.input(1)!.name).toBe('two.weight');
    expect(bn2.input(1)!.producer()!.opType).toBe('Identity');
    expect(m.graph.initializers.get('s')!.constValue).toBe(sBefore); // untouched
    expect(bn1.input(2)!.constValue!.dims).toEqual([3]);
    expect(bn2.input(2)!.constValue!.dims).toEqual([4]);
    expect(m.graph.nodes.toArray().some((n) => n.name === 'i1')).toBe(false);
    const diff = await compareOutputs(m, before, input([1, 3, 6, 6]));
    expect(Math.max(diff.y!, diff.z!)).toBeLessThan(1e-5);
  });

  it('ConvTranspose produces channels (weight axis 1) and Gemm consumes them after Flatten; zero filters fold into C (alpha, beta)', async () => {
    const m = model(`
g (float[1,3,4,4] x) => (float[1,5] y)
<float[3,6,2,2] wt = {...}, float[6] bt = {...}, float[5,6] fc = {...}, float[5] fb = {...}>
{
  [up] a = ConvTranspose <kernel_shape: ints = [2, 2], strides: ints = [2, 2]> (x, wt, bt)
  [act] h = Relu (a)
  [gap] p = GlobalAveragePool (h)
  [fl] f = Flatten (p)
  [fc] y = Gemm <transB: int = 1, alpha: float = 0.5, beta: float = 2> (f, fc, fb)
}`);
    const wt = m.graph.initializers.get('wt')!;
    const w = wt.constValue!.toFloat32();
    for (let i = 0; i < 3; i++) for (const c of [1, 4]) w.fill(0, (i * 6 + c) * 4, (i * 6 + c) * 4 + 4);
    wt.constValue = Tensor.fromFloat32([3, 6, 2, 2], w, { name: 'wt' });
    const before = decodeModel(encodeModel(m));
    const a = analyzeChannelGroups(m);
    const r = sliceChannels(a, masksFor(a, { a: [0, 2, 3, 5] }));
    expect(r).toMatchObject({ channelsRemoved: 2, folded: 2, unfoldable: 0 });
    expect(verifyModel(m)).toEqual([]);
    expect(dims(m, 'wt')).toEqual([3, 4, 2, 2]);
    expect(dims(m, 'fc')).toEqual([5, 4]);
    expect((await compareOutputs(m, before, input([1, 3, 4, 4]))).y).toBeLessThan(1e-5);
  });

  it('refuses bad masks with one-line messages, changing nothing', () => {
    const m = model(CONCAT_MODEL);
    const text = printModel(m);
    const a = analyzeChannelGroups(m);
    const g = a.groupByKey('a')!;
    const fixed = a.groupByKey('d')!;
    const cases: Array<[Map<ChannelGroup, number[]>, string]> = [
      [new Map([[fixed, [0]]]), "mask for group 'd': the group cannot be pruned ('y' is a graph output)"],
      [new Map([[g, []]]), "mask for group 'a' keeps no channel (keep at least one of 4)"],
      [new Map([[g, [0, 4]]]), "mask for group 'a': index 4 is out of range (the group has 4 channels)"],
      [new Map([[g, [2, 1]]]), "mask for group 'a': indices must be sorted and unique (2 then 1)"],
      [new Map([[g, [0, 1, 1]]]), "mask for group 'a': indices must be sorted and unique (1 then 1)"],
      [new Map([[g, [0, 1, 2, 3, 3]]]), "mask for group 'a' keeps 5 channels but the group has 4"],
    ];
    for (const [masks, message] of cases) {
      expect(() => checkMasks(masks)).toThrow(message);
      expect(() => sliceChannels(a, masks)).toThrow(message);
    }
    expect(printModel(m)).toBe(text);
  });
});
