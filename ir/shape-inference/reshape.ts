/** Ops that rearrange dims: Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Expand, Tile, DepthToSpace. */
import type { Dim } from '../type.js';
import type { InferContext, RuleTable, ShapeRule } from './context.js';
import { broadcastShapes, copyDim, dimArith, dimOf, formatShape, knownProduct, normalizeAxis, unknownDim } from './dims.js';

/** Product of dims, keeping a symbol when it is the only dim other than 1s. */
export function productDim(dims: readonly Dim[]): Dim {
  const n = knownProduct(dims);
  if (n !== undefined) return dimOf(n);
  const rest = dims.filter((d) => d.value !== 1);
  return rest.length === 1 ? copyDim(rest[0]) : unknownDim();
}

/** The output rank of input `i` used as a shape (a 1-D tensor of known length). */
function shapeLength(ctx: InferContext, i: number): number | undefined {
  const s = ctx.shape(i);
  return s?.length === 1 ? s[0]!.value : undefined;
}

/** -1 in a Reshape target: input size / product of the other target dims, cancelling shared symbols. */
function inferMinusOne(ctx: InferContext, input: readonly Dim[], target: readonly Dim[], at: number): Dim {
  const inRest = [...input];
  const outRest: Dim[] = [];
  target.forEach((d, i) => {
    if (i === at) return;
    const j = d.param !== undefined ? inRest.findIndex((e) => e.param === d.param) : -1;
    if (j >= 0) inRest.splice(j, 1);
    else outRest.push(d);
  });
  const total = knownProduct(inRest);
  const other = knownProduct(outRest);
  if (other === undefined) return unknownDim();
  if (total === undefined) return other === 1 ? productDim(inRest) : unknownDim();
  if (other === 0 || total % other !== 0) {
    ctx.fail(`cannot reshape ${ctx.describeInput(0)} to ${formatShape(target)}: ${total} elements do not divide by ${other}`);
  }
  return dimOf(total / other);
}

const reshape: ShapeRule = (ctx: InferContext) => {
  const elem = ctx.elemType(0);
  const input = ctx.shape(0);
  const allowZero = ctx.attrInt('allowzero', 0) === 1;
  const attrShape = ctx.opset < 5 ? ctx.attrInts('shape') : undefined;
  const target = attrShape ? attrShape.map(dimOf) : ctx.partial(1);
  if (!target) {
    const n = shapeLength(ctx, 1);
    ctx.output(0, elem, n === undefined ? undefined : new Array(n).fill(0).map(unknownDim));
    return;
  }
  const out: Dim[] = [];
  let minusOne = -1;
  target.forEach((d, i) => {
    if (d.value === 0 && !allowZero) {
      if (input && i >= input.length) ctx.fail(`shape ${formatShape(target)} copies dim ${i} of ${ctx.describeInput(0)}, which has rank ${input.length}`);
      out.push(input ? copyDim(input[i]) : unknownDim());
    } else if (d.value === -1) {
      if (minusOne >= 0) ctx.fail(`shape ${formatShape(target)} has more than one -1`);
      minusOne = i;
      out.push(unknownDim());
    } else if (d.value !== undefined && d.value < -1) {
      ctx.fail(`shape ${formatShape(target)} has a negative dim ${d.value}`);
    } else out.push(copyDim(d));
  });
  if (input) {
    if (minusOne >= 0) out[minusOne] = inferMinusOne(ctx, input, out, minusOne);
    const total = knownProduct(input);
    const product = knownProduct(out);
    if (total !== undefined && product !== undefined && total !== product) {
      ctx.fail(`cannot reshape ${ctx.describeInput(0)} (${total} elements) to ${formatShape(out)} (${product} elements)`);
    }
  }
  ctx.output(0, elem, out);
  if (out.length <= 1) passPartial(ctx);
};

/** Output 0 holds the same elements as input 0 (Identity-like data propagation). */
export function passPartial(ctx: InferContext): void {
  const p = ctx.partial(0);
  if (p && (ctx.rank(0) ?? 2) <= 1) ctx.outputPartial(0, p);
}

const flatten: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  if (!x) {
    ctx.output(0, ctx.elemType(0), [unknownDim(), unknownDim()]);
    return;
  }
  const raw = ctx.attrInt('axis', 1);
  const axis = raw < 0 ? raw + x.length : raw;
  if (axis < 0 || axis > x.length) ctx.fail(`axis ${raw} is out of range for ${ctx.describeInput(0)}`);
  ctx.output(0, ctx.elemType(0), [productDim(x.slice(0, axis)), productDim(x.slice(axis))]);
};

/** Axes of Squeeze/Unsqueeze: an attribute before opset 13, an optional input from it on. */
function axesOf(ctx: InferContext): number[] | undefined | 'unknown' {
  if (ctx.opset < 13) return ctx.attrInts('axes');
  if (!ctx.has(1)) return undefined;
  return ctx.ints(1) ?? 'unknown';
}

const squeeze: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const axes = axesOf(ctx);
  if (!x || axes === 'unknown') {
    ctx.output(0, ctx.elemType(0), undefined);
    return;
  }
  let out: Dim[];
  if (axes === undefined || axes.length === 0) {
    if (x.some((d) => d.value === undefined)) {
      ctx.output(0, ctx.elemType(0), undefined);
      return;
    }
    out = x.filter((d) => d.value !== 1).map(copyDim);
  } else {
    const drop = new Set<number>();
    for (const a of axes) {
      const axis = normalizeAxis(a, x.length);
      if (axis === undefined) ctx.fail(`axis ${a} is out of range for ${ctx.describeInput(0)}`);
      const v = x[axis]!.value;
      if (v !== undefined && v !== 1) ctx.fail(`cannot squeeze axis ${a} of ${ctx.describeInput(0)}: its size is ${v}`);
      drop.add(axis);
    }
    out = x.filter((_, i) => !drop.has(i)).map(copyDim);
  }
  ctx.output(0, ctx.elemType(0), out);
  if (out.length <= 1) passPartial(ctx);
};

const unsqueeze: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const axes = axesOf(ctx);
  if (axes === undefined) ctx.fail('axes are required');
  if (!x || axes === 'unknown') {
    ctx.output(0, ctx.elemType(0), undefined);
    return;
  }
  const rank = x.length + axes.length;
  const ones = new Set<number>();
  for (const a of axes) {
    const axis = normalizeAxis(a, rank);
    if (axis === undefined || ones.has(axis)) ctx.fail(`axes ${JSON.stringify(axes)} are out of range or repeated for output rank ${rank}`);
    ones.add(axis);
  }
  const out: Dim[] = [];
  let j = 0;
  for (let i = 0; i < rank; i++) out.push(ones.has(i) ? dimOf(1) : copyDim(x[j++]));
  ctx.output(0, ctx.elemType(0), out);
  if (out.length <= 1) passPartial(ctx);
};

const transpose: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  if (!x) {
    const perm = ctx.attrInts('perm');
    ctx.output(0, ctx.elemType(0), perm ? perm.map(unknownDim) : undefined);
    return;
  }
  const perm = ctx.attrInts('perm') ?? x.map((_, i) => x.length - 1 - i);
  if (perm.length !== x.length || new Set(perm).size !== perm.length || perm.some((p) => p < 0 || p >= x.length)) {
    ctx.fail(`perm ${JSON.stringify(perm)} is not a permutation of the ${x.length} axes of ${ctx.describeInput(0)}`);
  }
  ctx.output(0, ctx.elemType(0), perm.map((p) => copyDim(x[p])));
};

const expand: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const target = ctx.partial(1);
  if (!x || !target) {
    const n = shapeLength(ctx, 1);
    ctx.output(0, ctx.elemType(0), n !== undefined && x ? new Array(Math.max(n, x.length)).fill(0).map(unknownDim) : undefined);
    return;
  }
  const out = broadcastShapes([x, target]);
  if (!Array.isArray(out)) ctx.fail(`cannot expand ${ctx.describeInput(0)} to ${formatShape(target)}`);
  ctx.output(0, ctx.elemType(0), out);
};

const tile: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const repeats = ctx.partial(1);
  if (!x) {
    ctx.output(0, ctx.elemType(0), undefined);
    return;
  }
  if (!repeats) {
    ctx.output(0, ctx.elemType(0), x.map(unknownDim));
    return;
  }
  if (repeats.length !== x.length) ctx.fail(`repeats has ${repeats.length} values, input ${ctx.describeInput(0)} has rank ${x.length}`);
  ctx.output(0, ctx.elemType(0), x.map((d, i) => dimArith(d, repeats[i]!, '*')));
};

const depthToSpace: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const b = ctx.attrInt('blocksize', 1);
  if (!x) return ctx.output(0, ctx.elemType(0), undefined);
  if (x.length !== 4) ctx.fail(`input ${ctx.describeInput(0)} must have rank 4`);
  const toSpace = ctx.node.opType === 'DepthToSpace';
  const c = x[1]!.value;
  if (toSpace && c !== undefined && c % (b * b) !== 0) ctx.fail(`channels of ${ctx.describeInput(0)} do not divide by blocksize^2 = ${b * b}`);
  const bb = dimOf(b * b);
  const bd = dimOf(b);
  const out = toSpace
    ? [copyDim(x[0]), dimArith(x[1]!, bb, '/'), dimArith(x[2]!, bd, '*'), dimArith(x[3]!, bd, '*')]
    : [copyDim(x[0]), dimArith(x[1]!, bb, '*'), dimArith(x[2]!, bd, '/'), dimArith(x[3]!, bd, '/')];
  ctx.output(0, ctx.elemType(0), out);
};

export const reshapeRules: RuleTable = {
  Reshape: reshape,
  Flatten: flatten,
  Squeeze: squeeze,
  Unsqueeze: unsqueeze,
  Transpose: transpose,
  Expand: expand,
  Tile: tile,
  DepthToSpace: depthToSpace,
  SpaceToDepth: depthToSpace,
};
