/** Ops that make tensors from attributes or from shapes: Constant, ConstantOfShape, Shape, Size, Range, ... */
import { AttrType } from '../attribute.js';
import { DataType, isKnownDataType } from '../dtype.js';
import { isIntegerType, tensorPartial, type InferContext, type RuleTable, type ShapeRule } from './context.js';
import { copyDim, dimOf, knownProduct, normalizeAxis, unknownDim } from './dims.js';

const constant: ShapeRule = (ctx: InferContext) => {
  for (const a of ctx.node.attributes.values()) {
    switch (a.name) {
      case 'value':
        if (a.type !== AttrType.TENSOR) continue;
        ctx.output(0, a.value.dtype, a.value.dims.map(dimOf));
        ctx.outputPartial(0, tensorPartial(a.value));
        return;
      case 'value_float':
        return ctx.output(0, DataType.FLOAT, []);
      case 'value_floats':
        if (a.type === AttrType.FLOATS) ctx.output(0, DataType.FLOAT, [dimOf(a.value.length)]);
        return;
      case 'value_int':
        if (a.type !== AttrType.INT) continue;
        ctx.output(0, DataType.INT64, []);
        ctx.outputPartial(0, [dimOf(Number(a.value))]);
        return;
      case 'value_ints':
        if (a.type !== AttrType.INTS) continue;
        ctx.output(0, DataType.INT64, [dimOf(a.value.length)]);
        ctx.outputPartial(0, a.value.map((v) => dimOf(Number(v))));
        return;
      case 'value_string':
        return ctx.output(0, DataType.STRING, []);
      case 'value_strings':
        if (a.type === AttrType.STRINGS) ctx.output(0, DataType.STRING, [dimOf(a.value.length)]);
        return;
      case 'sparse_value': {
        if (a.type !== AttrType.SPARSE_TENSOR) continue;
        const proto = a.value.proto as { dims?: unknown[]; values?: { dataType?: unknown } } | undefined;
        const dtype = Number(proto?.values?.dataType ?? 0);
        const dims = proto?.dims?.map((d) => dimOf(Number(d)));
        ctx.output(0, isKnownDataType(dtype) && dtype !== 0 ? dtype : undefined, dims);
        return;
      }
    }
  }
  ctx.fail('has no value attribute');
};

const constantOfShape: ShapeRule = (ctx: InferContext) => {
  const value = ctx.node.attrTensor('value');
  const elem = value?.dtype ?? DataType.FLOAT;
  const target = ctx.partial(0);
  if (target) {
    if (target.some((d) => d.value !== undefined && d.value < 0)) ctx.fail(`shape ${ctx.describeInput(0)} has a negative dim`);
    ctx.output(0, elem, target.map(copyDim));
    const n = knownProduct(target);
    const fill = value ? tensorPartial(value)?.[0] : undefined;
    if (n !== undefined && n <= 64 && target.length <= 1 && fill && isIntegerType(elem)) {
      ctx.outputPartial(0, new Array(n).fill(0).map(() => copyDim(fill)));
    }
    return;
  }
  const s = ctx.shape(0);
  const len = s?.length === 1 ? s[0]!.value : undefined;
  ctx.output(0, elem, len === undefined ? undefined : new Array(len).fill(0).map(unknownDim));
};

/** Shape (start/end from opset 15): its value is the input's dims, kept as a partial value. */
const shape: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  if (!x) return ctx.output(0, DataType.INT64, [unknownDim()]);
  const rank = x.length;
  const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + rank : v, 0), rank);
  const start = clamp(ctx.attrInt('start', 0));
  const end = clamp(ctx.attrInt('end', rank));
  const dims = x.slice(start, Math.max(start, end)).map(copyDim);
  ctx.output(0, DataType.INT64, [dimOf(dims.length)]);
  ctx.outputPartial(0, dims);
};

const size: ShapeRule = (ctx: InferContext) => {
  ctx.output(0, DataType.INT64, []);
  const x = ctx.shape(0);
  const n = x ? knownProduct(x) : undefined;
  if (n !== undefined) ctx.outputPartial(0, [dimOf(n)]);
};

/** Range: length = max(ceil((limit - start) / delta), 0). */
const range: ShapeRule = (ctx: InferContext) => {
  const elem = ctx.elemType(0) ?? ctx.elemType(1) ?? ctx.elemType(2);
  const [start, limit, delta] = [0, 1, 2].map((i) => ctx.floats(i)?.[0]);
  if (start === undefined || limit === undefined || delta === undefined) return ctx.output(0, elem, [unknownDim()]);
  if (delta === 0) ctx.fail('delta must not be 0');
  const n = Math.max(Math.ceil((limit - start) / delta), 0);
  ctx.output(0, elem, [dimOf(n)]);
  if (isIntegerType(elem) && n <= 64) ctx.outputPartial(0, Array.from({ length: n }, (_, i) => dimOf(start + i * delta)));
};

/** EyeLike and the *Like random ops: the input's shape, `dtype` or the input's element type. */
const likeInput: ShapeRule = (ctx: InferContext) => {
  const dtype = ctx.attrInt('dtype', 0);
  ctx.output(0, dtype !== 0 ? (dtype as DataType) : ctx.elemType(0), ctx.shape(0));
};

/** RandomNormal/RandomUniform: the `shape` attribute and `dtype` (default float). */
const random: ShapeRule = (ctx: InferContext) => {
  ctx.output(0, ctx.attrInt('dtype', DataType.FLOAT) as DataType, ctx.attrInts('shape')?.map(dimOf));
};

/** OneHot: indices' dims with `depth` inserted at axis (counted in the output rank). */
const oneHot: ShapeRule = (ctx: InferContext) => {
  const indices = ctx.shape(0);
  const elem = ctx.elemType(2);
  if (!indices) return ctx.output(0, elem, undefined);
  const raw = ctx.attrInt('axis', -1);
  const axis = normalizeAxis(raw, indices.length + 1);
  if (axis === undefined) ctx.fail(`axis ${raw} is out of range for output rank ${indices.length + 1}`);
  const depth = ctx.floats(1)?.[0];
  const out = indices.map(copyDim);
  out.splice(axis, 0, depth === undefined ? unknownDim() : dimOf(Math.trunc(depth)));
  ctx.output(0, elem, out);
};

const nonZero: ShapeRule = (ctx: InferContext) => {
  const r = ctx.rank(0);
  ctx.output(0, DataType.INT64, [r === undefined ? unknownDim() : dimOf(r), unknownDim()]);
};

const nonMaxSuppression: ShapeRule = (ctx: InferContext) => ctx.output(0, DataType.INT64, [unknownDim(), dimOf(3)]);

export const constantRules: RuleTable = {
  Constant: constant,
  ConstantOfShape: constantOfShape,
  Shape: shape,
  Size: size,
  Range: range,
  EyeLike: likeInput,
  RandomNormalLike: likeInput,
  RandomUniformLike: likeInput,
  RandomNormal: random,
  RandomUniform: random,
  OneHot: oneHot,
  NonZero: nonZero,
  NonMaxSuppression: nonMaxSuppression,
};
