/**
 * Per-op channel rules for channel-groups.ts: for a node, how the channel spaces of its inputs
 * reach its outputs (ties), which constant operands follow the channels (params), which nodes make
 * or consume channels, and which attribute or shape constant states a channel count (edits).
 * A rule that cannot follow the channels through its node refuses it, which makes the groups of its
 * tracked inputs unprunable with the reason.
 */
import type { Node, Value } from '../../ir/graph.js';
import { AttrType } from '../../ir/attribute.js';
import { constantInts, constantOf } from '../util/constants.js';
import type { ChannelRule, ChannelSpace, RuleContext } from './channel-groups.js';

const INT64_MAX = 9223372036854775807;

function attrFloats(node: Node, name: string): number[] | undefined {
  const a = node.attr(name);
  return a?.type === AttrType.FLOATS ? a.value : undefined;
}

/**
 * For ops whose channels flow from input 0 only: refused when another input carries channels or
 * input 0 does not.
 */
function dataInput(rule: ChannelRule): ChannelRule {
  return (node, ctx) => {
    for (let i = 1; i < node.inputs.length; i++) {
      if (ctx.tracked(node.input(i))) return ctx.refuse(node, `${node.describe()}: input ${i} ('${node.input(i)!.name}') carries channels`);
    }
    if (!ctx.tracked(node.input(0))) return;
    rule(node, ctx);
  };
}

function floats(v: Value | undefined | null): number[] | undefined {
  if (!v) return undefined;
  const t = constantOf(v);
  if (!t) return undefined;
  try {
    return t.toNumbers();
  } catch {
    return undefined;
  }
}

function norm(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}

/** Input 0 carried to output 0 on the same axis: activations, casts, Identity. */
const unary: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0));
  for (let i = 1; i < node.inputs.length; i++) {
    if (ctx.tracked(node.input(i))) return ctx.refuse(node, `${node.describe()}: input ${i} carries channels`);
  }
  if (!x) return;
  ctx.derive(x, node.output(0), x.axis, node, 0);
  if (node.opType === 'Dropout' && node.outputs[1] && node.outputs[1].name !== '') ctx.derive(x, node.outputs[1], x.axis, node, 0);
};

/** Elementwise ops with multidirectional broadcasting (Add, Mul, Where, ...). */
const elementwise: ChannelRule = (node, ctx) => {
  const y = node.output(0);
  const ranks = node.inputs.map((v) => ctx.dims(v)?.length);
  const outRank = ctx.dims(y)?.length ?? (ranks.every((r) => r !== undefined) ? Math.max(...(ranks as number[])) : undefined);
  if (outRank === undefined) return ctx.refuse(node, `${node.describe()}: the ranks of its operands are unknown`);
  let axis: number | undefined;
  let size = 0;
  const tracked: Array<[number, ChannelSpace]> = [];
  for (const [i, v] of node.inputs.entries()) {
    const s = ctx.tracked(v);
    if (!s) continue;
    const r = ranks[i];
    if (r === undefined) return ctx.refuse(node, `${node.describe()}: the rank of '${v!.name}' is unknown`);
    const a = s.axis + (outRank - r);
    if (axis !== undefined && (a !== axis || s.size !== size)) {
      return ctx.refuse(node, `${node.describe()} combines channels on different axes or of different counts`);
    }
    axis = a;
    size = s.size;
    tracked.push([i, s]);
  }
  if (axis === undefined) return;
  const paramsOf: Array<[number, number]> = [];
  for (const [i, v] of node.inputs.entries()) {
    if (!v || ctx.tracked(v)) continue;
    const d = ctx.dims(v);
    if (!d) return ctx.refuse(node, `${node.describe()}: the shape of operand '${v.name}' is unknown`);
    const k = axis - (outRank - d.length);
    if (k < 0 || d[k] === 1) continue; // broadcast along the channels
    if (d[k] !== size) return ctx.refuse(node, `${node.describe()}: operand '${v.name}' has ${d[k] ?? '?'} entries along the ${size} channels`);
    if (!ctx.param(v)) return ctx.refuse(node, `${node.describe()}: operand '${v.name}' carries the channels but is not produced by an op the analysis follows`);
    paramsOf.push([i, k]);
  }
  const out = ctx.space(y, axis, size, 'derived', node);
  for (const [i, s] of tracked) ctx.tie(s, 0, out, 0, size, node, i);
  for (const [i, k] of paramsOf) out.params.push({ node, input: i, axis: k });
};

const conv: ChannelRule = (node, ctx) => {
  if (ctx.tracked(node.input(1)) || ctx.tracked(node.input(2))) return ctx.refuse(node, `${node.describe()}: its weight or bias carries channels`);
  const x = ctx.tracked(node.input(0));
  const w = ctx.param(node.input(1));
  const transpose = node.opType === 'ConvTranspose';
  if (!w || w.dims[w.dims.length - 1]!.length < 2) {
    if (x) ctx.refuse(node, `${node.describe()}: its weight is not a constant`);
    return;
  }
  const wd = w.dims[w.dims.length - 1]!;
  const group = node.attrInt('group', 1);
  const cin = transpose ? wd[0]! : wd[1]! * group;
  const cout = transpose ? wd[1]! * group : wd[0]!;
  const y = node.output(0);
  if (x && x.axis !== 1) return ctx.refuse(node, `${node.describe()}: its input carries channels on axis ${x.axis}, not 1`);
  if (x && x.size !== cin) return ctx.refuse(node, `${node.describe()}: its input has ${x.size} channels, the weight expects ${cin}`);
  const b = node.input(2);
  const biasOk = !b || ctx.param(b);
  const depthwise = group > 1 && group === cin && cout === cin && (transpose ? wd[1] === 1 : wd[1] === 1);
  if (group === 1) {
    if (x) {
      x.consumers.push({ node, kind: transpose ? 'conv-transpose' : 'conv', weightInput: 1, weightAxis: transpose ? 0 : 1 });
      x.params.push({ node, input: 1, axis: transpose ? 0 : 1 });
    }
    const out = ctx.space(y, 1, cout, 'producer', node);
    out.producers.push({ node, kind: transpose ? 'conv-transpose' : 'conv', weightInput: 1, weightAxis: transpose ? 1 : 0, ...(b ? { biasInput: 2 } : {}) });
    out.params.push({ node, input: 1, axis: transpose ? 1 : 0 });
    if (b) {
      if (biasOk && ctx.dims(b)?.[0] === cout) out.params.push({ node, input: 2, axis: 0 });
      else ctx.fix(out, `${node.describe()}: its bias '${b.name}' is not a constant of ${cout} values`);
    }
    return;
  }
  if (depthwise && x) {
    const out = ctx.derive(x, y, 1, node, 0);
    out.params.push({ node, input: 1, axis: 0 });
    if (b) {
      if (biasOk) out.params.push({ node, input: 2, axis: 0 });
      else ctx.fix(out, `${node.describe()}: its bias '${b.name}' is not a constant`);
    }
    ctx.edit({ kind: 'depthwise-group', node });
    return;
  }
  const why = depthwise
    ? `${node.describe()} is depthwise over '${node.input(0)?.name}', whose channels are not tracked`
    : `${node.describe()} is a grouped convolution (group=${group}) that is not depthwise`;
  if (x) ctx.refuse(node, why);
  ctx.fix(ctx.space(y, 1, cout, 'producer', node), why);
};

/** Per-channel normalisations over axis 1 whose parameters follow the channels. */
function channelNorm(paramInputs: readonly number[]): ChannelRule {
  return (node, ctx) => {
    const x = ctx.tracked(node.input(0));
    if (!x) {
      for (let i = 1; i < node.inputs.length; i++) if (ctx.tracked(node.input(i))) return ctx.refuse(node, `${node.describe()}: a parameter carries channels`);
      return;
    }
    for (let i = 1; i < node.inputs.length; i++) if (ctx.tracked(node.input(i))) return ctx.refuse(node, `${node.describe()}: a parameter carries channels`);
    if (node.opType === 'BatchNormalization') {
      const used = node.outputs.slice(1).find((o) => o.name !== '' && (o.useCount > 0 || o.isGraphOutput()));
      if (used || node.attrInt('training_mode', 0) !== 0) return ctx.refuse(node, `${node.describe()} is in training mode`);
    }
    const out = ctx.derive(x, node.output(0), x.axis, node, 0);
    if (x.axis !== 1) return; // the channels tracked are not the ones normalised: a per-element affine map of them
    for (const i of paramInputs) {
      const p = node.input(i);
      if (!p) continue;
      if (!ctx.param(p)) {
        ctx.fix(out, `${node.describe()}: parameter '${p.name}' is not a constant`);
        continue;
      }
      const d = ctx.dims(p);
      if (!d || d.length !== 1 || d[0] !== x.size) {
        ctx.fix(out, `${node.describe()}: parameter '${p.name}' has shape [${d?.join(',') ?? '?'}], not [${x.size}]`);
        continue;
      }
      out.params.push({ node, input: i, axis: 0 });
    }
    if (node.opType === 'BatchNormalization') out.norms.push(node);
  };
}

const layerNorm: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0));
  if (!x) return unary(node, ctx);
  const rank = ctx.dims(node.input(0))?.length;
  if (rank === undefined) return ctx.refuse(node, `${node.describe()}: the rank of its input is unknown`);
  const axis = norm(node.attrInt('axis', -1), rank);
  if (x.axis < axis) return void ctx.derive(x, node.output(0), x.axis, node, 0);
  if (axis !== rank - 1) return ctx.refuse(node, `${node.describe()} normalises over several axes including the channels`);
  const out = ctx.derive(x, node.output(0), x.axis, node, 0);
  ctx.inexact(out, `${node.describe()} normalises over these channels`);
  for (const i of [1, 2]) {
    const p = node.input(i);
    if (!p) continue;
    const d = ctx.dims(p);
    if (!ctx.param(p) || !d || d[d.length - 1] !== x.size) ctx.fix(out, `${node.describe()}: parameter '${p.name}' is not a constant over the channels`);
    else out.params.push({ node, input: i, axis: d.length - 1 });
  }
};

const matmul: ChannelRule = (node, ctx) => {
  const a = ctx.tracked(node.input(0));
  if (ctx.tracked(node.input(1))) return ctx.refuse(node, `${node.describe()}: its second operand carries channels (only constant weights are followed)`);
  const w = ctx.param(node.input(1));
  const wd = w?.dims[w.dims.length - 1];
  if (!w || !wd || wd.length !== 2) {
    if (a) ctx.refuse(node, `${node.describe()}: its weight is not a constant matrix`);
    return;
  }
  const y = node.output(0);
  const rank = ctx.dims(node.input(0))?.length;
  if (a) {
    if (rank === undefined || rank < 2) return ctx.refuse(node, `${node.describe()}: the rank of its input is unknown or below 2`);
    if (a.axis === rank - 1) {
      if (a.size !== wd[0]) return ctx.refuse(node, `${node.describe()}: its input has ${a.size} channels, the weight ${wd[0]} rows`);
      a.consumers.push({ node, kind: 'matmul', weightInput: 1, weightAxis: 0 });
      a.params.push({ node, input: 1, axis: 0 });
    } else {
      // Rows (and batch axes) pass through a product with a matrix; the output is made below too,
      // so this input's channels cannot be followed on another axis at the same time.
      return ctx.refuse(node, `${node.describe()} keeps the channels of its input on a row axis while it makes new ones`);
    }
  }
  const yRank = rank ?? ctx.dims(y)?.length;
  if (yRank === undefined) return;
  const out = ctx.space(y, yRank - 1, wd[1]!, 'producer', node);
  out.producers.push({ node, kind: 'matmul', weightInput: 1, weightAxis: 1 });
  out.params.push({ node, input: 1, axis: 1 });
};

const gemm: ChannelRule = (node, ctx) => {
  const a = ctx.tracked(node.input(0));
  if (ctx.tracked(node.input(1)) || ctx.tracked(node.input(2))) return ctx.refuse(node, `${node.describe()}: its weight or bias carries channels`);
  const w = ctx.param(node.input(1));
  const wd = w?.dims[w.dims.length - 1];
  if (!w || !wd || wd.length !== 2) {
    if (a) ctx.refuse(node, `${node.describe()}: its weight is not a constant matrix`);
    return;
  }
  const transA = node.attrInt('transA', 0) !== 0;
  const transB = node.attrInt('transB', 0) !== 0;
  const k = transB ? wd[1]! : wd[0]!;
  const n = transB ? wd[0]! : wd[1]!;
  if (a) {
    const kAxis = transA ? 0 : 1;
    if (a.axis !== kAxis) return ctx.refuse(node, `${node.describe()} keeps the channels of its input on a row axis while it makes new ones`);
    if (a.size !== k) return ctx.refuse(node, `${node.describe()}: its input has ${a.size} channels, the weight ${k}`);
    a.consumers.push({ node, kind: 'gemm', weightInput: 1, weightAxis: transB ? 1 : 0 });
    a.params.push({ node, input: 1, axis: transB ? 1 : 0 });
  }
  const out = ctx.space(node.output(0), 1, n, 'producer', node);
  const c = node.input(2);
  out.producers.push({ node, kind: 'gemm', weightInput: 1, weightAxis: transB ? 0 : 1, ...(c ? { biasInput: 2 } : {}) });
  out.params.push({ node, input: 1, axis: transB ? 0 : 1 });
  if (c) {
    const cd = ctx.dims(c);
    if (!ctx.param(c) || !cd) ctx.fix(out, `${node.describe()}: its bias '${c.name}' is not a constant`);
    else if (cd.length > 0 && cd[cd.length - 1] === n) out.params.push({ node, input: 2, axis: cd.length - 1 });
    else if (cd.length > 0 && cd[cd.length - 1] !== 1) ctx.fix(out, `${node.describe()}: its bias '${c.name}' does not broadcast along the channels`);
  }
};

const concat: ChannelRule = (node, ctx) => {
  const y = node.output(0);
  const rank = ctx.dims(y)?.length ?? node.inputs.map((v) => ctx.dims(v)?.length).find((r) => r !== undefined);
  if (rank === undefined) return ctx.refuse(node, `${node.describe()}: the rank of its inputs is unknown`);
  const axis = norm(node.attrInt('axis', 0), rank);
  const spaces = node.inputs.map((v) => ctx.tracked(v));
  if (spaces.some((s) => s && s.axis === axis)) {
    if (spaces.some((s) => s && s.axis !== axis)) return ctx.refuse(node, `${node.describe()} joins channels on axis ${axis} with channels on another axis`);
    const sizes: number[] = [];
    for (const [i, v] of node.inputs.entries()) {
      const s = spaces[i];
      const d = s ? s.size : ctx.dims(v)?.[axis];
      if (d === undefined || d === null) return ctx.refuse(node, `${node.describe()}: input '${v?.name}' has an unknown size on axis ${axis}`);
      sizes.push(d);
    }
    const out = ctx.space(y, axis, sizes.reduce((a, b) => a + b, 0), 'derived', node);
    let offset = 0;
    node.inputs.forEach((v, i) => {
      const s = spaces[i] ?? ctx.space(v!, axis, sizes[i]!, 'placeholder');
      ctx.tie(s, 0, out, offset, sizes[i]!, node, i);
      offset += sizes[i]!;
    });
    return;
  }
  // Concatenation along another axis: every input must carry the same channels.
  const first = spaces.find((s) => s);
  if (!first) return;
  if (spaces.some((s) => !s || s.axis !== first.axis || s.size !== first.size)) {
    return ctx.refuse(node, `${node.describe()} concatenates along axis ${axis} inputs whose channels are not all tracked`);
  }
  const out = ctx.space(y, first.axis, first.size, 'derived', node);
  spaces.forEach((s, i) => ctx.tie(s!, 0, out, 0, first.size, node, i));
};

const split: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0));
  if (!x) return;
  if (ctx.tracked(node.input(1))) return ctx.refuse(node, `${node.describe()}: its split sizes carry channels`);
  const rank = ctx.dims(node.input(0))?.length;
  if (rank === undefined) return ctx.refuse(node, `${node.describe()}: the rank of its input is unknown`);
  const axis = norm(node.attrInt('axis', 0), rank);
  const outs = node.outputs;
  if (x.axis !== axis) {
    outs.forEach((o) => o.name !== '' && ctx.derive(x, o, x.axis, node, 0));
    return;
  }
  let sizes = ctx.opset >= 13 ? (node.input(1) ? constantInts(node.input(1)) : undefined) : node.attrInts('split');
  if (ctx.opset >= 13 && node.input(1) && !sizes) return ctx.refuse(node, `${node.describe()}: its split sizes are not a constant`);
  if (!sizes) {
    const n = outs.length;
    if (x.size % n !== 0) return ctx.refuse(node, `${node.describe()}: ${x.size} channels do not split evenly into ${n}`);
    sizes = outs.map(() => x.size / n);
  }
  if (sizes.length !== outs.length || sizes.reduce((a, b) => a + b, 0) !== x.size) return ctx.refuse(node, `${node.describe()}: its split sizes do not add up to ${x.size}`);
  let offset = 0;
  outs.forEach((o, i) => {
    const out = ctx.space(o, axis, sizes[i]!, 'derived', node);
    ctx.tie(x, offset, out, 0, sizes[i]!, node, 0);
    offset += sizes[i]!;
  });
  ctx.edit({ kind: 'split', node, axis });
};

const slice: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0));
  if (!x) return;
  for (let i = 1; i < node.inputs.length; i++) if (ctx.tracked(node.input(i))) return ctx.refuse(node, `${node.describe()}: input ${i} carries channels`);
  const rank = ctx.dims(node.input(0))?.length;
  if (rank === undefined) return ctx.refuse(node, `${node.describe()}: the rank of its input is unknown`);
  const old = ctx.opset < 10;
  const starts = old ? node.attrInts('starts') : constantInts(node.input(1));
  const ends = old ? node.attrInts('ends') : constantInts(node.input(2));
  const axesIn = old ? node.attrInts('axes') : node.input(3) ? constantInts(node.input(3)) : undefined;
  const steps = old ? undefined : node.input(4) ? constantInts(node.input(4)) : undefined;
  if (!starts || !ends || (!old && node.input(3) && !axesIn) || (node.input(4) && !steps)) {
    return ctx.refuse(node, `${node.describe()}: its starts/ends/axes/steps are not constants`);
  }
  const axes = (axesIn ?? starts.map((_, i) => i)).map((a) => norm(a, rank));
  const k = axes.indexOf(x.axis);
  if (k < 0) return void ctx.derive(x, node.output(0), x.axis, node, 0);
  if ((steps?.[k] ?? 1) !== 1) return ctx.refuse(node, `${node.describe()} takes every ${steps![k]}th channel`);
  const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + x.size : v, 0), x.size);
  const start = clamp(starts[k]!);
  const end = Math.max(clamp(Math.min(ends[k]!, INT64_MAX)), start);
  const out = ctx.space(node.output(0), x.axis, end - start, 'derived', node);
  ctx.tie(x, start, out, 0, end - start, node, 0);
  ctx.edit({ kind: 'slice', node, axis: k, start, end });
};

const transpose: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0));
  if (!x) return;
  const rank = ctx.dims(node.input(0))?.length;
  const perm = node.attrInts('perm') ?? (rank === undefined ? undefined : Array.from({ length: rank }, (_, i) => rank - 1 - i));
  if (!perm) return ctx.refuse(node, `${node.describe()}: the rank of its input is unknown`);
  const to = perm.indexOf(x.axis);
  if (to < 0) return ctx.refuse(node, `${node.describe()}: its perm drops the channel axis`);
  ctx.derive(x, node.output(0), to, node, 0);
};

/** Reshape/Flatten: the channel axis survives when the dims before it keep their product. */
function reshapeLike(node: Node, ctx: RuleContext, outDims: ReadonlyArray<number | null> | undefined): void {
  const x = ctx.tracked(node.input(0))!;
  const inDims = ctx.dims(node.input(0));
  if (!inDims || !outDims || inDims.some((d) => d === null) || outDims.some((d) => d === null)) {
    return ctx.refuse(node, `${node.describe()}: its shapes are not known, so the channel axis cannot be followed`);
  }
  const before = (inDims as number[]).slice(0, x.axis).reduce((a, b) => a * b, 1);
  let p = 1;
  for (let b = 0; b < outDims.length; b++) {
    if (p === before && outDims[b] === x.size) {
      ctx.derive(x, node.output(0), b, node, 0);
      if (node.opType === 'Reshape') ctx.edit({ kind: 'reshape', node, outAxis: b });
      return;
    }
    p *= outDims[b]!;
    if (p > before) break;
  }
  ctx.refuse(node, `${node.describe()} splits or merges the channel axis (${formatDims(inDims)} -> ${formatDims(outDims)})`);
}

function formatDims(d: ReadonlyArray<number | null>): string {
  return `[${d.map((x) => (x === null ? '?' : x)).join(',')}]`;
}

const reshape: ChannelRule = (node, ctx) => {
  if (!ctx.tracked(node.input(0))) return ctx.refuse(node, `${node.describe()}: its shape input carries channels`);
  if (ctx.tracked(node.input(1))) return ctx.refuse(node, `${node.describe()}: its shape input carries channels`);
  if (!constantInts(node.input(1)) && ctx.opset >= 5) return ctx.refuse(node, `${node.describe()}: its target shape is not a constant`);
  reshapeLike(node, ctx, ctx.dims(node.output(0)));
};

const flatten: ChannelRule = (node, ctx) => {
  const inDims = ctx.dims(node.input(0));
  if (!inDims) return ctx.refuse(node, `${node.describe()}: the rank of its input is unknown`);
  const axis = norm(node.attrInt('axis', 1), inDims.length);
  const prod = (ds: ReadonlyArray<number | null>): number | null => (ds.some((d) => d === null) ? null : (ds as number[]).reduce((a, b) => a * b, 1));
  reshapeLike(node, ctx, [prod(inDims.slice(0, axis)), prod(inDims.slice(axis))]);
};

const squeeze: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0))!;
  const dims = ctx.dims(node.input(0));
  if (!dims) return ctx.refuse(node, `${node.describe()}: the rank of its input is unknown`);
  const rank = dims.length;
  const given = ctx.opset >= 13 ? (node.input(1) ? constantInts(node.input(1)) : []) : (node.attrInts('axes') ?? []);
  if (!given) return ctx.refuse(node, `${node.describe()}: its axes are not a constant`);
  const axes = given.length ? given.map((a) => norm(a, rank)) : dims.flatMap((d, i) => (d === 1 ? [i] : []));
  if (axes.includes(x.axis)) return ctx.refuse(node, `${node.describe()} removes the channel axis`);
  ctx.derive(x, node.output(0), x.axis - axes.filter((a) => a < x.axis).length, node, 0);
};

const unsqueeze: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0))!;
  const rank = ctx.dims(node.input(0))?.length;
  const given = ctx.opset >= 13 ? constantInts(node.input(1)) : node.attrInts('axes');
  if (rank === undefined || !given) return ctx.refuse(node, `${node.describe()}: its rank or axes are unknown`);
  const outRank = rank + given.length;
  const axes = new Set(given.map((a) => norm(a, outRank)));
  let j = 0;
  for (let k = 0; k < outRank; k++) {
    if (axes.has(k)) continue;
    if (j === x.axis) return void ctx.derive(x, node.output(0), k, node, 0);
    j++;
  }
  ctx.refuse(node, `${node.describe()}: its axes are out of range`);
};

const resize: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0));
  if (!x) return ctx.refuse(node, `${node.describe()}: a scale or size input carries channels`);
  for (let i = 1; i < node.inputs.length; i++) if (ctx.tracked(node.input(i))) return ctx.refuse(node, `${node.describe()}: input ${i} carries channels`);
  let scales: number[] | undefined;
  if (node.opType === 'Upsample') scales = ctx.opset >= 9 ? floats(node.input(1)) : attrFloats(node, 'scales');
  else if (ctx.opset >= 11) {
    const s = node.input(2);
    const sizes = node.input(3);
    if (sizes) return ctx.refuse(node, `${node.describe()} gives output sizes, which state the channel count`);
    scales = floats(s);
    if (node.attrInts('axes')) return ctx.refuse(node, `${node.describe()} has an axes attribute`);
  } else scales = floats(node.input(1));
  if (!scales || scales[x.axis] !== 1) return ctx.refuse(node, `${node.describe()} does not keep the channel axis at scale 1`);
  ctx.derive(x, node.output(0), x.axis, node, 0);
};

const pool: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0))!;
  if (x.axis !== 1) return ctx.refuse(node, `${node.describe()} pools a tensor whose channels are on axis ${x.axis}`);
  if (node.outputs[1] && node.outputs[1].name !== '' && (node.outputs[1].useCount > 0 || node.outputs[1].isGraphOutput())) {
    return ctx.refuse(node, `${node.describe()}: its indices output is used`);
  }
  ctx.derive(x, node.output(0), 1, node, 0);
};

const pad: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0));
  if (!x) return ctx.refuse(node, `${node.describe()}: a pads or value input carries channels`);
  const rank = ctx.dims(node.input(0))?.length;
  const pads = ctx.opset >= 11 ? constantInts(node.input(1)) : node.attrInts('pads');
  const axesIn = ctx.opset >= 18 && node.input(3) ? constantInts(node.input(3)) : undefined;
  if (!pads || rank === undefined || (node.input(3) && !axesIn)) return ctx.refuse(node, `${node.describe()}: its pads are not constants`);
  const axes = (axesIn ?? Array.from({ length: rank }, (_, i) => i)).map((a) => norm(a, rank));
  const k = axes.indexOf(x.axis);
  if (k >= 0 && (pads[k] !== 0 || pads[k + axes.length] !== 0)) return ctx.refuse(node, `${node.describe()} pads the channel axis`);
  ctx.derive(x, node.output(0), x.axis, node, 0);
};

const REDUCE_AXES_INPUT: Readonly<Record<string, number>> = { ReduceSum: 13 };

const reduce: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0));
  if (!x) return ctx.refuse(node, `${node.describe()}: its axes input carries channels`);
  const rank = ctx.dims(node.input(0))?.length;
  if (rank === undefined) return ctx.refuse(node, `${node.describe()}: the rank of its input is unknown`);
  const fromInput = ctx.opset >= (REDUCE_AXES_INPUT[node.opType] ?? 18);
  let axes = fromInput ? (node.input(1) ? constantInts(node.input(1)) : []) : (node.attrInts('axes') ?? []);
  if (!axes) return ctx.refuse(node, `${node.describe()}: its axes are not a constant`);
  if (axes.length === 0) {
    if (fromInput && node.attrInt('noop_with_empty_axes', 0) !== 0) return void ctx.derive(x, node.output(0), x.axis, node, 0);
    axes = Array.from({ length: rank }, (_, i) => i);
  }
  const set = new Set(axes.map((a) => norm(a, rank)));
  const keep = node.attrInt('keepdims', 1) !== 0;
  if (set.has(x.axis)) {
    // The result does not carry the channels; every channel contributes to it.
    ctx.inexact(x, `${node.describe()} reduces over these channels`);
    return;
  }
  ctx.derive(x, node.output(0), keep ? x.axis : x.axis - [...set].filter((a) => a < x.axis).length, node, 0);
};

const argReduce: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0))!;
  const rank = ctx.dims(node.input(0))?.length;
  if (rank === undefined) return ctx.refuse(node, `${node.describe()}: the rank of its input is unknown`);
  const axis = norm(node.attrInt('axis', 0), rank);
  if (axis === x.axis) return ctx.refuse(node, `${node.describe()} returns channel indices`);
  const keep = node.attrInt('keepdims', 1) !== 0;
  ctx.derive(x, node.output(0), keep || axis > x.axis ? x.axis : x.axis - 1, node, 0);
};

const softmax: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0))!;
  const rank = ctx.dims(node.input(0))?.length;
  if (rank === undefined) return ctx.refuse(node, `${node.describe()}: the rank of its input is unknown`);
  const axis = norm(node.attrInt('axis', ctx.opset >= 13 ? -1 : 1), rank);
  const out = ctx.derive(x, node.output(0), x.axis, node, 0);
  const over = ctx.opset >= 13 ? axis === x.axis : x.axis >= axis;
  if (over) ctx.inexact(out, `${node.describe()} normalises over these channels`);
};

const shape: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0))!;
  const rank = ctx.dims(node.input(0))?.length;
  const start = node.attrInt('start', 0);
  const endAttr = node.attrInt('end');
  if (rank === undefined) return ctx.refuse(node, `${node.describe()} reads the shape of a tensor of unknown rank`);
  const s = Math.min(Math.max(norm(start, rank), 0), rank);
  const e = endAttr === undefined ? rank : Math.min(Math.max(norm(endAttr, rank), 0), rank);
  if (x.axis >= s && x.axis < e) ctx.refuse(node, `${node.describe()} reads the channel count`);
};

const gather: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0));
  if (!x || ctx.tracked(node.input(1))) return ctx.refuse(node, `${node.describe()}: its indices carry channels`);
  const rank = ctx.dims(node.input(0))?.length;
  const iRank = ctx.dims(node.input(1))?.length;
  if (rank === undefined || iRank === undefined) return ctx.refuse(node, `${node.describe()}: the ranks of its inputs are unknown`);
  const axis = norm(node.attrInt('axis', 0), rank);
  if (axis === x.axis) return ctx.refuse(node, `${node.describe()} selects channels`);
  ctx.derive(x, node.output(0), x.axis < axis ? x.axis : x.axis + iRank - 1, node, 0);
};

const clip: ChannelRule = (node, ctx) => {
  for (let i = 1; i < node.inputs.length; i++) if (ctx.tracked(node.input(i))) return ctx.refuse(node, `${node.describe()}: a bound carries channels`);
  unary(node, ctx);
};

const quantizeLinear: ChannelRule = (node, ctx) => {
  const x = ctx.tracked(node.input(0));
  if (!x) return ctx.refuse(node, `${node.describe()}: a scale or zero point carries channels`);
  const rank = ctx.dims(node.input(0))?.length;
  const sd = ctx.dims(node.input(1));
  if (rank === undefined || !sd) return ctx.refuse(node, `${node.describe()}: the shapes of its inputs are unknown`);
  const out = ctx.derive(x, node.output(0), x.axis, node, 0);
  if (sd.length === 0 || (sd.length === 1 && sd[0] === 1)) return;
  const axis = norm(node.attrInt('axis', 1), rank);
  if (sd.length !== 1 || axis !== x.axis || node.attr('block_size')) return ctx.fix(out, `${node.describe()} quantizes along another axis or by blocks`);
  for (const i of [1, 2]) {
    if (!node.input(i)) continue;
    if (!ctx.param(node.input(i))) ctx.fix(out, `${node.describe()}: input ${i} is not a constant`);
    else out.params.push({ node, input: i, axis: 0 });
  }
};

const UNARY = [
  'Identity', 'Cast', 'CastLike', 'Dropout', 'Relu', 'LeakyRelu', 'Sigmoid', 'HardSigmoid', 'HardSwish', 'Tanh', 'Elu', 'Selu',
  'Celu', 'Softplus', 'Softsign', 'Mish', 'Gelu', 'Erf', 'Abs', 'Neg', 'Exp', 'Log', 'Sqrt', 'Reciprocal', 'Floor', 'Ceil',
  'Round', 'Sign', 'Sin', 'Cos', 'Tan', 'Asin', 'Acos', 'Atan', 'Sinh', 'Cosh', 'Asinh', 'Acosh', 'Atanh', 'Not', 'IsNaN',
  'IsInf', 'ThresholdedRelu', 'Shrink',
];
const ELEMENTWISE = [
  'Add', 'Sub', 'Mul', 'Div', 'Pow', 'Max', 'Min', 'Sum', 'Mean', 'Mod', 'PRelu', 'Where', 'Equal', 'Greater', 'Less',
  'GreaterOrEqual', 'LessOrEqual', 'And', 'Or', 'Xor', 'BitwiseAnd', 'BitwiseOr', 'BitwiseXor',
];
const REDUCE = ['ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceL1', 'ReduceL2', 'ReduceLogSum', 'ReduceLogSumExp', 'ReduceSumSquare'];
const POOLS = ['MaxPool', 'AveragePool', 'LpPool', 'GlobalAveragePool', 'GlobalMaxPool', 'GlobalLpPool'];

export const CHANNEL_RULES: Readonly<Record<string, ChannelRule>> = {
  ...Object.fromEntries(UNARY.map((op) => [op, unary])),
  ...Object.fromEntries(ELEMENTWISE.map((op) => [op, elementwise])),
  ...Object.fromEntries(REDUCE.map((op) => [op, dataInput(reduce)])),
  ...Object.fromEntries(POOLS.map((op) => [op, dataInput(pool)])),
  Conv: conv,
  ConvTranspose: conv,
  BatchNormalization: channelNorm([1, 2, 3, 4]),
  InstanceNormalization: channelNorm([1, 2]),
  LayerNormalization: layerNorm,
  MatMul: matmul,
  Gemm: gemm,
  Concat: concat,
  Split: dataInput(split),
  Slice: dataInput(slice),
  Transpose: dataInput(transpose),
  Reshape: dataInput(reshape),
  Flatten: dataInput(flatten),
  Squeeze: dataInput(squeeze),
  Unsqueeze: dataInput(unsqueeze),
  Resize: dataInput(resize),
  Upsample: dataInput(resize),
  Pad: dataInput(pad),
  ArgMax: dataInput(argReduce),
  ArgMin: dataInput(argReduce),
  Softmax: dataInput(softmax),
  LogSoftmax: dataInput(softmax),
  Hardmax: dataInput(softmax),
  Shape: dataInput(shape),
  Gather: dataInput(gather),
  Clip: dataInput(clip),
  QuantizeLinear: dataInput(quantizeLinear),
  DequantizeLinear: dataInput(quantizeLinear),
};
