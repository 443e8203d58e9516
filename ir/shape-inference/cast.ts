/** Type-changing ops that keep the shape: Cast, CastLike, Identity, (De)QuantizeLinear. */
import { DataType } from '../dtype.js';
import { isIntegerType, type InferContext, type RuleTable, type ShapeRule } from './context.js';
import { sameAsInput } from './elementwise.js';
import { passPartial } from './reshape.js';

const cast: ShapeRule = (ctx: InferContext) => {
  const to = ctx.attrInt('to', 0) as DataType;
  if (to === DataType.UNDEFINED) ctx.fail("attribute 'to' is required");
  ctx.output(0, to, ctx.shape(0));
  if (isIntegerType(to) && to !== DataType.BOOL && isIntegerType(ctx.elemType(0))) passPartial(ctx);
};

const castLike: ShapeRule = (ctx: InferContext) => ctx.output(0, ctx.elemType(1), ctx.shape(0));

const identity: ShapeRule = (ctx: InferContext) => {
  sameAsInput(ctx);
  passPartial(ctx);
};

/** y's type: output_dtype (opset 21+), else the zero point's type, else uint8. */
const quantizeLinear: ShapeRule = (ctx: InferContext) => {
  const attr = ctx.opset >= 21 ? ctx.attrInt('output_dtype', 0) : 0;
  const elem = attr !== 0 ? (attr as DataType) : ctx.has(2) ? ctx.elemType(2) : DataType.UINT8;
  ctx.output(0, elem, ctx.shape(0));
};

/** y's type: output_dtype when set, else the scale's type (float before opset 19). */
const dequantizeLinear: ShapeRule = (ctx: InferContext) => {
  const attr = ctx.attrInt('output_dtype', 0);
  const elem = attr !== 0 ? (attr as DataType) : ctx.opset >= 19 ? ctx.elemType(1) : DataType.FLOAT;
  ctx.output(0, elem, ctx.shape(0));
};

const dynamicQuantizeLinear: ShapeRule = (ctx: InferContext) => {
  ctx.output(0, DataType.UINT8, ctx.shape(0));
  ctx.output(1, DataType.FLOAT, []);
  ctx.output(2, DataType.UINT8, []);
};

export const castRules: RuleTable = {
  Cast: cast,
  CastLike: castLike,
  Identity: identity,
  QuantizeLinear: quantizeLinear,
  DequantizeLinear: dequantizeLinear,
  DynamicQuantizeLinear: dynamicQuantizeLinear,
};
