/** Unary ops, multidirectional broadcasting ops, comparisons and Where. */
import { DataType } from '../dtype.js';
import type { Dim } from '../type.js';
import { isIntegerType, type InferContext, type RuleTable, type ShapeRule } from './context.js';
import { broadcastShapes, dimArith, dimOf, formatShape, unknownDim } from './dims.js';

/** Output 0 has the type of input 0. */
export const sameAsInput: ShapeRule = (ctx: InferContext) => {
  const t = ctx.input(0)?.type;
  if (t?.kind === 'other') ctx.outputType(0, t);
  else ctx.output(0, ctx.elemType(0), ctx.shape(0));
};

/** Unary ops that also negate or take the absolute value of small int tensors (shape arithmetic). */
const unaryPartial = (f: (v: number) => number): ShapeRule => (ctx: InferContext) => {
  sameAsInput(ctx);
  if (isIntegerType(ctx.elemType(0))) propagatePartial(ctx, 1, ([a]) => (a!.value === undefined ? unknownDim() : dimOf(f(a!.value))));
};

const boolLikeInput: ShapeRule = (ctx: InferContext) => ctx.output(0, DataType.BOOL, ctx.shape(0));

/** Broadcast shape of inputs `indices`, or undefined if a rank is unknown; fails on a conflict. */
export function broadcastInputs(ctx: InferContext, indices: readonly number[]): Dim[] | undefined {
  const shapes: Dim[][] = [];
  for (const i of indices) {
    if (!ctx.has(i)) continue;
    const s = ctx.shape(i);
    if (s === undefined) return undefined;
    shapes.push(s);
  }
  const result = broadcastShapes(shapes);
  if (Array.isArray(result)) return result;
  const described = indices.filter((i) => ctx.has(i)).map((i) => ctx.describeInput(i));
  ctx.fail(`cannot broadcast ${described.join(' with ')} (dim ${result.conflictAxis + 1} from the right)`);
}

type Arith = (a: Dim, b: Dim) => Dim;

function binaryPartial(op: '+' | '-' | '*' | '/'): Arith {
  return (a, b) => dimArith(a, b, op);
}

const known2 = (f: (a: number, b: number) => number): Arith => (a, b) =>
  a.value !== undefined && b.value !== undefined ? dimOf(f(a.value, b.value)) : unknownDim();

/** Element-wise propagation of partial values (int tensors of rank <= 1, lengths n or 1). */
function propagatePartial(ctx: InferContext, inputs: number, f: (args: Dim[]) => Dim): void {
  if ((ctx.rank(0) ?? 2) > 1) return;
  const parts: Dim[][] = [];
  for (let i = 0; i < inputs; i++) {
    const p = ctx.partial(i);
    if (!p || (ctx.rank(i) ?? 2) > 1) return;
    parts.push(p);
  }
  const n = Math.max(...parts.map((p) => p.length));
  if (parts.some((p) => p.length !== n && p.length !== 1)) return;
  const out: Dim[] = [];
  for (let k = 0; k < n; k++) out.push(f(parts.map((p) => (p.length === 1 ? p[0]! : p[k]!))));
  ctx.outputPartial(0, out);
}

function broadcasting(options: { bool?: boolean; partial?: Arith; typeFrom?: number } = {}): ShapeRule {
  return (ctx: InferContext) => {
    // Before opset 7, the binary ops broadcast B to A only (the `broadcast` attribute).
    const legacy = ctx.opset < 7 && ctx.inputCount === 2 && !options.bool;
    const shape = legacy ? ctx.shape(0) : broadcastInputs(ctx, [...ctx.node.inputs.keys()]);
    const elem = options.bool ? DataType.BOOL : ctx.elemType(options.typeFrom ?? 0);
    ctx.output(0, elem, shape);
    const partial = options.partial;
    if (partial && isIntegerType(ctx.elemType(0)) && ctx.inputCount === 2) {
      propagatePartial(ctx, 2, (args) => partial(args[0]!, args[1]!));
    }
  };
}

const variadic = (partial?: Arith): ShapeRule => (ctx: InferContext) => {
  ctx.output(0, ctx.elemType(0), broadcastInputs(ctx, [...ctx.node.inputs.keys()]));
  if (partial && isIntegerType(ctx.elemType(0)) && ctx.inputCount >= 1) {
    propagatePartial(ctx, ctx.inputCount, (args) => args.reduce((a, b) => partial(a, b)));
  }
};

const where: ShapeRule = (ctx: InferContext) => {
  ctx.output(0, ctx.elemType(1) ?? ctx.elemType(2), broadcastInputs(ctx, [0, 1, 2]));
  if (isIntegerType(ctx.elemType(1)) && (ctx.rank(1) ?? 2) <= 1) {
    propagatePartial(ctx, 3, ([c, x, y]) => (c!.value === undefined ? unknownDim() : c!.value ? x! : y!));
  }
};

/** PRelu: the slope broadcasts to X (unidirectionally), so Y has X's shape. */
const prelu: ShapeRule = (ctx: InferContext) => {
  const x = ctx.shape(0);
  const slope = ctx.shape(1);
  if (x && slope && ctx.opset >= 7) {
    const b = broadcastShapes([x, slope]);
    if (!Array.isArray(b) || b.length !== x.length) {
      ctx.fail(`slope ${formatShape(slope)} does not broadcast to X ${ctx.describeInput(0)}`);
    }
  }
  ctx.output(0, ctx.elemType(0), x);
};

const UNARY = [
  'Acos', 'Acosh', 'Asin', 'Asinh', 'Atan', 'Atanh', 'BitwiseNot', 'Ceil', 'Celu', 'Clip', 'Cos', 'Cosh',
  'CumSum', 'Elu', 'Erf', 'Exp', 'Floor', 'Gelu', 'HardSigmoid', 'HardSwish', 'Hardmax', 'LeakyRelu', 'Log',
  'LogSoftmax', 'Mish', 'Not', 'Reciprocal', 'Relu', 'Round', 'Selu', 'Shrink', 'Sigmoid', 'Sign', 'Sin',
  'Sinh', 'Softmax', 'Softplus', 'Softsign', 'Sqrt', 'Tan', 'Tanh', 'ThresholdedRelu', 'Trilu', 'Swish',
  // Normalizations whose output is the input's type.
  'InstanceNormalization', 'GroupNormalization', 'LpNormalization', 'LRN', 'MeanVarianceNormalization',
  'RMSNormalization',
  // Ops that write into a copy of their first input.
  'Scatter', 'ScatterElements', 'ScatterND', 'TensorScatter',
] as const;

export const elementwiseRules: RuleTable = {
  ...Object.fromEntries(UNARY.map((op) => [op, sameAsInput])),
  Neg: unaryPartial((v) => -v),
  Abs: unaryPartial(Math.abs),
  IsNaN: boolLikeInput,
  IsInf: boolLikeInput,
  PRelu: prelu,
  Add: broadcasting({ partial: binaryPartial('+') }),
  Sub: broadcasting({ partial: binaryPartial('-') }),
  Mul: broadcasting({ partial: binaryPartial('*') }),
  Div: broadcasting({ partial: binaryPartial('/') }),
  Pow: broadcasting(),
  Mod: broadcasting(),
  BitShift: broadcasting(),
  BitwiseAnd: broadcasting(),
  BitwiseOr: broadcasting(),
  BitwiseXor: broadcasting(),
  Max: variadic(known2(Math.max)),
  Min: variadic(known2(Math.min)),
  Sum: variadic(binaryPartial('+')),
  Mean: variadic(),
  Equal: broadcasting({ bool: true, partial: known2((a, b) => Number(a === b)) }),
  Less: broadcasting({ bool: true }),
  LessOrEqual: broadcasting({ bool: true }),
  Greater: broadcasting({ bool: true }),
  GreaterOrEqual: broadcasting({ bool: true }),
  And: broadcasting({ bool: true }),
  Or: broadcasting({ bool: true }),
  Xor: broadcasting({ bool: true }),
  Where: where,
};
