import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../ir/model.js';
import { loadModel } from '../../ir/serde/index.js';
import { parseModel } from '../../ir/text/parse.js';
import { buildModel, loadConfig, parseConfig } from '../../frontends/yolov5/index.js';
import { analyzeChannelGroups, segmentName, type ChannelAnalysis } from './channel-groups.js';

function model(body: string, opset = 17): Model {
  return parseModel(`<ir_version: 8, opset_import: ["" : ${opset}]>\n${body}`, 'test.onnxtxt', { elidedTensors: 'zeros' });
}

interface Row {
  key: string;
  size: number;
  prunable: boolean;
  members: string[];
  producers: string[];
  why?: string;
  inexact?: string;
}

function rows(a: ChannelAnalysis): Row[] {
  return a.groups.map((g) => ({
    key: g.key,
    size: g.size,
    prunable: g.prunable,
    members: g.segments.map(segmentName),
    producers: g.producers.map((p) => p.node.name),
    ...(g.reasons.length ? { why: g.reasons[0] } : {}),
    ...(g.inexact.length ? { inexact: g.inexact[0] } : {}),
  }));
}

const CONV = 'kernel_shape: ints = [1, 1]';

describe('channel groups: op rules on hand-built graphs', () => {
  it('Conv -> BatchNormalization -> SiLU -> Conv: one prunable group; a graph output is not prunable', () => {
    const m = model(`
g (float[1,3,8,8] x) => (float[1,5,8,8] y)
<float[8,3,1,1] w1 = {...}, float[8] s = {...}, float[8] b = {...}, float[8] mu = {...}, float[8] v = {...}, float[5,8,1,1] w2 = {...}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  [bn] n = BatchNormalization (a, s, b, mu, v)
  [sig] sg = Sigmoid (n)
  [mul] h = Mul (n, sg)
  [c2] y = Conv <${CONV}> (h, w2)
}`);
    const a = analyzeChannelGroups(m);
    expect(rows(a)).toEqual([
      { key: 'a', size: 8, prunable: true, members: ['a', 'n', 'sg', 'h'], producers: ['c1'] },
      { key: 'y', size: 5, prunable: false, members: ['y'], producers: ['c2'], why: "'y' is a graph output" },
    ]);
    const g = a.groups[0]!;
    expect(g.norms.map((n) => n.node.name)).toEqual(['bn']);
    expect(g.consumers.map((c) => [c.node.name, c.weightAxis])).toEqual([['c2', 1]]);
    // The BN parameters follow the channels.
    expect(a.spaceOf(m.graph.valuesByName().get('n')!)!.params.map((p) => [p.node.name, p.input, p.axis])).toEqual([
      ['bn', 1, 0],
      ['bn', 2, 0],
      ['bn', 3, 0],
      ['bn', 4, 0],
    ]);
  });

  it('a residual Add ties the channels of both producers into one group', () => {
    const m = model(`
g (float[1,4,8,8] x) => (float[1,2,8,8] y)
<float[4,4,1,1] w1 = {...}, float[4,4,3,3] w2 = {...}, float[2,4,1,1] w3 = {...}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  [c2] b = Conv <kernel_shape: ints = [3, 3], pads: ints = [1, 1, 1, 1]> (a, w2)
  [add] s = Add (a, b)
  [c3] y = Conv <${CONV}> (s, w3)
}`);
    const [g] = rows(analyzeChannelGroups(m));
    expect(g).toEqual({ key: 'a', size: 4, prunable: true, members: ['a', 'b', 's'], producers: ['c1', 'c2'] });
  });

  it('Concat cuts its output at the inputs: each input is its own group, at its offset', () => {
    const m = model(`
g (float[1,3,8,8] x) => (float[1,2,8,8] y)
<float[4,3,1,1] w1 = {...}, float[6,3,1,1] w2 = {...}, float[2,10,1,1] w3 = {...}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  [c2] b = Conv <${CONV}> (x, w2)
  [cat] c = Concat <axis: int = 1> (a, b)
  [c3] y = Conv <${CONV}> (c, w3)
}`);
    expect(rows(analyzeChannelGroups(m)).slice(0, 2)).toEqual([
      { key: 'a', size: 4, prunable: true, members: ['a', 'c[0:4]'], producers: ['c1'] },
      { key: 'b', size: 6, prunable: true, members: ['b', 'c[4:10]'], producers: ['c2'] },
    ]);
  });

  it('Split and Slice on the channel axis tie output ranges to input offsets (cuts carried back)', () => {
    const m = model(`
g (float[1,3,8,8] x) => (float[1,2,8,8] y, float[1,2,8,8] z)
<float[8,3,1,1] w1 = {...}, int64[2] sizes = {3, 5}, float[2,3,1,1] w2 = {...}, float[2,2,1,1] w3 = {...},
 int64[1] st = {1}, int64[1] en = {3}, int64[1] ax = {1}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  [sp] p, q = Split <axis: int = 1> (a, sizes)
  [c2] y = Conv <${CONV}> (p, w2)
  [sl] r = Slice (q, st, en, ax)
  [c3] z = Conv <${CONV}> (r, w3)
}`);
    const r = rows(analyzeChannelGroups(m)).filter((g) => g.producers[0] === 'c1');
    expect(r.map((g) => [g.key, g.size, g.members])).toEqual([
      ['a[0:3]', 3, ['a[0:3]', 'p']],
      ['a[3:4]', 1, ['a[3:4]', 'q[0:1]']],
      ['a[4:6]', 2, ['a[4:6]', 'q[1:3]', 'r']],
      ['a[6:8]', 2, ['a[6:8]', 'q[3:5]']],
    ]);
    expect(r.every((g) => g.prunable)).toBe(true);
  });

  it('depthwise Conv carries its input channels (in = out); a grouped Conv that is not depthwise is refused', () => {
    const m = model(`
g (float[1,3,8,8] x) => (float[1,2,8,8] y, float[1,2,8,8] z)
<float[8,3,1,1] w1 = {...}, float[8,1,3,3] dw = {...}, float[8] db = {...}, float[2,8,1,1] w2 = {...},
 float[4,3,1,1] w3 = {...}, float[4,2,1,1] gw = {...}, float[2,4,1,1] w4 = {...}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  [dwc] d = Conv <group: int = 8, kernel_shape: ints = [3, 3], pads: ints = [1, 1, 1, 1]> (a, dw, db)
  [c2] y = Conv <${CONV}> (d, w2)
  [c3] e = Conv <${CONV}> (x, w3)
  [gc] f = Conv <group: int = 2, ${CONV}> (e, gw)
  [c4] z = Conv <${CONV}> (f, w4)
}`);
    const a = analyzeChannelGroups(m);
    const r = rows(a);
    expect(r[0]).toEqual({ key: 'a', size: 8, prunable: true, members: ['a', 'd'], producers: ['c1'] });
    expect(a.nodeEdits.map((e) => `${e.kind} ${e.node.name}`)).toEqual(['depthwise-group dwc']);
    expect(r.find((g) => g.key === 'e')).toMatchObject({ prunable: false, why: "Conv 'gc' is a grouped convolution (group=2) that is not depthwise" });
    expect(r.find((g) => g.key === 'f')).toMatchObject({ prunable: false, why: "Conv 'gc' is a grouped convolution (group=2) that is not depthwise" });
    expect(a.remarks.map((x) => x.message)).toEqual(["Conv 'gc' is a grouped convolution (group=2) that is not depthwise"]);
  });

  it('NHWC blocks: Transpose moves the channel axis; LayerNormalization over it is inexact; MatMul consumes and produces; layer scale follows', () => {
    const m = model(`
g (float[1,4,8,8] x) => (float[1,3,8,8] y)
<float[8,4,1,1] w1 = {...}, float[8] lw = {...}, float[8] lb = {...}, float[8,16] m1 = {...}, float[16] b1 = {...},
 float[16,8] m2 = {...}, float[8] gamma = {...}, float[3,8,1,1] w2 = {...}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  [t1] h = Transpose <perm: ints = [0, 2, 3, 1]> (a)
  [ln] n = LayerNormalization <axis: int = -1> (h, lw, lb)
  [mm1] p = MatMul (n, m1)
  [add1] q = Add (p, b1)
  [gelu] r = Gelu (q)
  [mm2] o = MatMul (r, m2)
  [ls] s = Mul (gamma, o)
  [t2] t = Transpose <perm: ints = [0, 3, 1, 2]> (s)
  [res] u = Add (a, t)
  [c2] y = Conv <${CONV}> (u, w2)
}`);
    const a = analyzeChannelGroups(m);
    const r = rows(a);
    expect(r[0]).toEqual({
      key: 'a',
      size: 8,
      prunable: true,
      members: ['a', 'h', 'n', 'o', 's', 't', 'u'],
      producers: ['c1', 'mm2'],
      inexact: "LayerNormalization 'ln' normalises over these channels",
    });
    expect(r[1]).toEqual({ key: 'p', size: 16, prunable: true, members: ['p', 'q', 'r'], producers: ['mm1'] });
    const byName = m.graph.valuesByName();
    expect(a.spaceOf(byName.get('h')!)!.axis).toBe(3);
    expect(a.spaceOf(byName.get('s')!)!.params.map((p) => [p.node.name, p.input, p.axis])).toEqual([['ls', 0, 0]]);
    // LayerNorm parameters follow the channels; mm1's weight loses rows (a consumer).
    expect(a.spaceOf(byName.get('n')!)!.params.map((p) => [p.node.name, p.input, p.axis])).toEqual([
      ['ln', 1, 0],
      ['ln', 2, 0],
      ['mm1', 1, 0],
    ]);
    expect(a.groups[1]!.consumers.map((c) => [c.node.name, c.kind, c.weightAxis])).toEqual([['mm2', 'matmul', 0]]);
  });

  it('Flatten of [N, C, 1, 1] keeps the channels for Gemm (transB); the classifier output is fixed', () => {
    const m = model(`
g (float[1,3,8,8] x) => (float[1,10] y)
<float[8,3,1,1] w1 = {...}, float[10,8] fc = {...}, float[10] fb = {...}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  [gap] p = GlobalAveragePool (a)
  [fl] f = Flatten (p)
  [fc] y = Gemm <transB: int = 1> (f, fc, fb)
}`);
    const a = analyzeChannelGroups(m);
    expect(rows(a)).toEqual([
      { key: 'a', size: 8, prunable: true, members: ['a', 'p', 'f'], producers: ['c1'] },
      { key: 'y', size: 10, prunable: false, members: ['y'], producers: ['fc'], why: "'y' is a graph output" },
    ]);
    expect(a.groups[0]!.consumers.map((c) => [c.node.name, c.kind, c.weightAxis])).toEqual([['fc', 'gemm', 1]]);
  });

  it('SPPF: MaxPools in series and their Concat make one group of four segments', () => {
    const m = model(`
g (float[1,3,8,8] x) => (float[1,2,8,8] y)
<float[4,3,1,1] w1 = {...}, float[2,16,1,1] w2 = {...}>
{
  [cv1] a = Conv <${CONV}> (x, w1)
  [p1] b = MaxPool <kernel_shape: ints = [5, 5], pads: ints = [2, 2, 2, 2]> (a)
  [p2] c = MaxPool <kernel_shape: ints = [5, 5], pads: ints = [2, 2, 2, 2]> (b)
  [p3] d = MaxPool <kernel_shape: ints = [5, 5], pads: ints = [2, 2, 2, 2]> (c)
  [cat] e = Concat <axis: int = 1> (a, b, c, d)
  [cv2] y = Conv <${CONV}> (e, w2)
}`);
    expect(rows(analyzeChannelGroups(m))[0]).toEqual({
      key: 'a',
      size: 4,
      prunable: true,
      members: ['a', 'b', 'c', 'd', 'e[0:4]', 'e[4:8]', 'e[8:12]', 'e[12:16]'],
      producers: ['cv1'],
    });
  });

  it('Resize keeps channels at scale 1; a Reshape that splits the channel axis (Detect) and a Shape that reads it are refused', () => {
    const m = model(`
g (float[1,3,8,8] x) => (float[1,3,2,16,16] y, int64[4] s)
<float[4,3,1,1] w1 = {...}, float[0] roi = {}, float[4] sc = {1, 1, 2, 2}, float[6,4,1,1] w2 = {...}, int64[5] shape = {1, 3, 2, 16, 16},
 float[4,3,1,1] w3 = {...}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  [up] u = Resize <mode: string = "nearest"> (a, roi, sc)
  [c2] h = Conv <${CONV}> (u, w2)
  [rs] y = Reshape (h, shape)
  [c3] k = Conv <${CONV}> (x, w3)
  [sh] s = Shape (k)
}`);
    const a = analyzeChannelGroups(m);
    expect(rows(a)).toEqual([
      { key: 'a', size: 4, prunable: true, members: ['a', 'u'], producers: ['c1'] },
      { key: 'h', size: 6, prunable: false, members: ['h'], producers: ['c2'], why: "Reshape 'rs' splits or merges the channel axis ([1,6,16,16] -> [1,3,2,16,16])" },
      { key: 'k', size: 4, prunable: false, members: ['k'], producers: ['c3'], why: "Shape 'sh' reads the channel count" },
    ]);
  });

  it('an op without a rule on a channel path makes its group unprunable, with a remark naming the node; so does a custom domain', () => {
    const m = model(`
g (float[1,3,8,8] x) => (float[1,4,4,4] y, float[1,4,8,8] z)
<float[16,3,1,1] w1 = {...}, float[4,3,1,1] w2 = {...}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  [d2s] y = DepthToSpace <blocksize: int = 2> (a)
  [c2] b = Conv <${CONV}> (x, w2)
  [mine] z = custom.Mystery (b)
}`);
    const a = analyzeChannelGroups(m);
    expect(rows(a).map((g) => [g.key, g.prunable, g.why])).toEqual([
      ['a', false, "DepthToSpace 'd2s': no channel rule for op DepthToSpace"],
      ['b', false, "Mystery 'mine' is an op of domain 'custom', which the channel analysis does not know"],
    ]);
    expect(a.remarks.map((r) => r.node?.name)).toEqual(['d2s', 'mine']);
  });

  it('an operand that carries the channels but is not tracked makes the group unprunable; a per-channel constant follows them', () => {
    const m = model(`
g (float[1,3,8,8] x, float[1,4,8,8] other) => (float[1,2,8,8] y, float[1,2,8,8] z)
<float[4,3,1,1] w1 = {...}, float[2,4,1,1] w2 = {...}, float[4,3,1,1] w3 = {...}, float[4,1,1] scale = {...}, float[2,4,1,1] w4 = {...}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  [add] b = Add (a, other)
  [c2] y = Conv <${CONV}> (b, w2)
  [c3] c = Conv <${CONV}> (x, w3)
  [mul] d = Mul (c, scale)
  [c4] z = Conv <${CONV}> (d, w4)
}`);
    const a = analyzeChannelGroups(m);
    const r = rows(a);
    expect(r[0]).toMatchObject({ key: 'a', prunable: false, why: "Add 'add': operand 'other' carries the channels but is not produced by an op the analysis follows" });
    expect(r.find((g) => g.key === 'c')).toEqual({ key: 'c', size: 4, prunable: true, members: ['c', 'd'], producers: ['c3'] });
    expect(a.spaceOf(m.graph.valuesByName().get('d')!)!.params.map((p) => [p.node.name, p.input, p.axis])).toEqual([
      ['mul', 1, 0],
      ['c4', 1, 1],
    ]);
  });

  it('a ReduceMean over the channels (LayerNorm written out) marks the group inexact; over other axes it passes', () => {
    const m = model(`
g (float[1,3,8,8] x) => (float[1,2,8,8] y)
<float[4,3,1,1] w1 = {...}, float[2,4,1,1] w2 = {...}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  [rm] u = ReduceMean <axes: ints = [1]> (a)
  [sub] d = Sub (a, u)
  [c2] y = Conv <${CONV}> (d, w2)
}`, 13);
    expect(rows(analyzeChannelGroups(m))[0]).toEqual({
      key: 'a',
      size: 4,
      prunable: true,
      members: ['a', 'd'],
      producers: ['c1'],
      inexact: "ReduceMean 'rm' reduces over these channels",
    });
  });

  it.each([
    ['Pad on spatial axes passes', 'int64[8] pads = {0, 0, 1, 1, 0, 0, 1, 1}', '[op] b = Pad (a, pads)', true, undefined],
    ['Pad on the channel axis is refused', 'int64[8] pads = {0, 1, 0, 0, 0, 0, 0, 0}', '[op] b = Pad (a, pads)', false, "Pad 'op' pads the channel axis"],
    ['Unsqueeze then Squeeze move the axis and back', 'int64[1] ax = {0}', '[u] t = Unsqueeze (a, ax)\n  [op] b = Squeeze (t, ax)', true, undefined],
    ['Gather along the channel axis is refused', 'int64[2] idx = {0, 2}', '[op] b = Gather <axis: int = 1> (a, idx)', false, "Gather 'op' selects channels"],
    ['Softmax over the channels is inexact', '', '[op] b = Softmax <axis: int = 1> (a)', true, "Softmax 'op' normalises over these channels"],
    ['ArgMax over the channels is refused', '', '[op] b = ArgMax <axis: int = 1> (a)', false, "ArgMax 'op' returns channel indices"],
    ['Clip, Cast, Where and LeakyRelu pass', 'float lo = {0}, float hi = {6}, bool[1] cond = {1}', '[c] t = Clip (a, lo, hi)\n  [k] t2 = Cast <to: int = 1> (t)\n  [w] t3 = Where (cond, t2, a)\n  [op] b = LeakyRelu (t3)', true, undefined],
    ['per-channel DequantizeLinear scales follow the channels', 'float[4] sc = {...}, int8[4] zp = {...}, float qs = {1}', '[q] t = QuantizeLinear (a, qs)\n  [op] b = DequantizeLinear <axis: int = 1> (t, sc, zp)', true, undefined],
    ['InstanceNormalization carries its scale and bias', 'float[4] s = {...}, float[4] bb = {...}', '[op] b = InstanceNormalization (a, s, bb)', true, undefined],
  ])('%s', (_, inits, ops, prunable, note) => {
    const m = model(`
g (float[1,3,6,6] x) => (float[1,2,6,6] y)
<float[4,3,1,1] w1 = {...}, ${inits ? `${inits}, ` : ''}float[2,4,1,1] w2 = {...}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  ${ops}
  [c2] y = Conv <${CONV}> (b, w2)
}`);
    const [g] = rows(analyzeChannelGroups(m));
    expect(g!.prunable).toBe(prunable);
    if (note !== undefined) expect(g!.why ?? g!.inexact).toBe(note);
    else expect([g!.why, g!.inexact]).toEqual([undefined, undefined]);
  });

  it('leaves the model as it was (types put back)', () => {
    const m = model(`
g (float[1,3,8,8] x) => (float[1,2,8,8] y)
<float[4,3,1,1] w1 = {...}, float[2,4,1,1] w2 = {...}>
{
  [c1] a = Conv <${CONV}> (x, w1)
  [c2] y = Conv <${CONV}> (a, w2)
}`);
    const a = m.graph.valuesByName().get('a')!;
    expect(a.type).toBeUndefined();
    analyzeChannelGroups(m);
    expect(a.type).toBeUndefined();
  });
});

describe('channel groups of real graphs', () => {
  const keysOf = (a: ChannelAnalysis) => a.groups.map((g) => `${g.key} ${g.size} ${g.prunable ? 'P' : '-'}`);

  it('yolov5n built by ylc: 53 groups; residual, concat and SPPF groups as YOLOv5 ties them; Detect heads fixed', () => {
    const a = analyzeChannelGroups(buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: 320 }));
    expect(a.groups.length).toBe(53);
    expect(a.groups.filter((g) => g.prunable).length).toBe(50);
    const byKey = (k: string) => a.groupByKey(k)!;
    const res = byKey('/model.4/cv1/conv/Conv_output_0');
    expect(res.producers.map((p) => p.node.name)).toEqual(['/model.4/cv1/conv/Conv', '/model.4/m/m.0/cv2/conv/Conv', '/model.4/m/m.1/cv2/conv/Conv']);
    expect(res.segments.map(segmentName)).toContain('/model.4/Concat_output_0[0:32]');
    expect(byKey('/model.4/cv2/conv/Conv_output_0').segments.map(segmentName)).toContain('/model.4/Concat_output_0[32:64]');
    // C3 cv3 of layer 4 feeds layer 5 and the head's Concat (layer 16) after the upsampled 64 channels.
    expect(byKey('/model.4/cv3/conv/Conv_output_0').segments.map(segmentName)).toContain('/model.16/Concat_output_0[64:128]');
    const sppf = byKey('/model.9/cv1/conv/Conv_output_0');
    expect(sppf.segments.map(segmentName).filter((s) => s.startsWith('/model.9/Concat'))).toEqual([
      '/model.9/Concat_output_0[0:128]',
      '/model.9/Concat_output_0[128:256]',
      '/model.9/Concat_output_0[256:384]',
      '/model.9/Concat_output_0[384:512]',
    ]);
    // Head C3 without shortcut: bottleneck cv2 is not tied to cv1.
    expect(byKey('/model.13/m/m.0/cv2/conv/Conv_output_0').producers.length).toBe(1);
    for (const i of [0, 1, 2]) {
      expect(byKey(`/model.24/m.${i}/Conv_output_0`).reasons[0]).toMatch(/^Reshape '\/model.24\/Reshape(_\d)?' splits or merges the channel axis/);
    }
  });

  it('the PyTorch export (BN parameters shared through Identity) gives the same groups as the ylc build', () => {
    const ours = analyzeChannelGroups(buildModel(loadConfig('yolov5n'), { form: 'train' }));
    const theirs = analyzeChannelGroups(loadModel('test/fixtures/yolov5n_640_bn.onnx'));
    expect(keysOf(theirs)).toEqual(keysOf(ours));
    // Every BN parameter behind an Identity resolves to its constant.
    const bn = theirs.groupByKey('/model.23/cv1/conv/Conv_output_0')!.norms[0]!.node;
    expect(bn.input(1)!.name).toBe('model.23.cv1.bn.weight');
    expect(theirs.param(bn.input(1))!.root.name).toBe('model.5.bn.weight');
  });

  it('yolov5s in deploy form (BN folded, Detect decoded): the same groups, producers with bias', () => {
    const a = analyzeChannelGroups(buildModel(loadConfig('yolov5s'), { form: 'deploy', imgsz: 320 }));
    expect(a.groups.length).toBe(53);
    expect(a.groups.filter((g) => g.prunable).length).toBe(50);
    expect(a.groups.every((g) => g.norms.length === 0)).toBe(true);
    expect(a.groups[0]!.producers[0]!.biasInput).toBe(2);
  });

  it('the ConvNeXt golden config: stage streams tie stem/downsample convs, depthwise convs and pwconv2 through the residuals', () => {
    const cfg = parseConfig(fs.readFileSync('test/fixtures/goldens/convnext_tiny_a.yaml', 'utf8'), 'convnext_tiny_a.yaml');
    const a = analyzeChannelGroups(buildModel(cfg, { form: 'train', imgsz: 128 }));
    const stream = a.groupByKey('/model.0/conv/Conv_output_0')!;
    expect(stream.prunable).toBe(true);
    expect(stream.inexact[0]).toBe("ReduceMean '/model.0/ln/ReduceMean' reduces over these channels");
    expect(stream.producers.map((p) => p.node.name)).toEqual(['/model.0/conv/Conv', '/model.1/m/m.0/pwconv2/MatMul']);
    const hidden = a.groupByKey('/model.1/m/m.0/pwconv1/MatMul_output_0')!;
    expect([hidden.size, hidden.prunable, hidden.inexact.length]).toEqual([64, true, 0]);
    expect(a.nodeEdits.filter((e) => e.kind === 'depthwise-group').length).toBe(5);
    expect(a.groups.filter((g) => !g.prunable).map((g) => g.key)).toEqual(['/model.22/m.0/Conv_output_0', '/model.22/m.1/Conv_output_0', '/model.22/m.2/Conv_output_0']);
  });
});
