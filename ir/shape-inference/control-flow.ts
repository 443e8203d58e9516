/**
 * If, Loop and Scan: the bodies are inferred with their formal inputs typed from the node's
 * inputs (only where the body does not already type them), and the node's outputs come from the
 * body outputs. Dims that may differ between branches or iterations become unknown.
 */
import { AttrType } from '../attribute.js';
import { DataType } from '../dtype.js';
import type { Graph, Value } from '../graph.js';
import type { Dim, TensorType, ValueType } from '../type.js';
import type { InferContext, RuleTable, ShapeRule } from './context.js';
import { copyDim, normalizeAxis, sameDim, unknownDim } from './dims.js';

function graphAttr(ctx: InferContext, name: string): Graph | undefined {
  const a = ctx.node.attr(name);
  return a?.type === AttrType.GRAPH ? a.value : undefined;
}

/** Types a body's formal input when the body leaves it untyped. */
function bindInput(value: Value | undefined, type: ValueType | undefined): void {
  if (value && value.type === undefined && type !== undefined) value.type = type;
}

/** The most specific type both `a` and `b` satisfy. */
function generalize(a: ValueType | undefined, b: ValueType | undefined): ValueType | undefined {
  if (!a || !b) return undefined;
  if (a.kind !== 'tensor' || b.kind !== 'tensor') return a === b ? a : undefined;
  const elemType = a.elemType === b.elemType ? a.elemType : DataType.UNDEFINED;
  let shape: Dim[] | undefined;
  if (a.shape && b.shape && a.shape.length === b.shape.length) {
    shape = a.shape.map((d, i) => (sameDim(d, b.shape![i]!) ? copyDim(d) : unknownDim()));
  }
  return { kind: 'tensor', elemType, shape };
}

const ifRule: ShapeRule = (ctx: InferContext) => {
  const thenBranch = graphAttr(ctx, 'then_branch');
  const elseBranch = graphAttr(ctx, 'else_branch');
  if (!thenBranch || !elseBranch) ctx.fail('needs then_branch and else_branch');
  ctx.inferSubgraph(thenBranch, { mayNotRun: true });
  ctx.inferSubgraph(elseBranch, { mayNotRun: true });
  if (thenBranch.outputs.length !== elseBranch.outputs.length || thenBranch.outputs.length !== ctx.outputCount) {
    ctx.fail(`branches have ${thenBranch.outputs.length} and ${elseBranch.outputs.length} outputs, the node ${ctx.outputCount}`);
  }
  // A condition known from data propagation (e.g. a rank test) selects the branch that runs.
  const cond = ctx.partial(0)?.[0]?.value;
  for (let i = 0; i < ctx.outputCount; i++) {
    const t = thenBranch.outputs[i]!.type;
    const e = elseBranch.outputs[i]!.type;
    ctx.outputType(i, cond === undefined ? generalize(t, e) : cond ? t : e);
  }
};

/** Body (iteration_num, cond, v...) -> (cond, v..., scan_outputs...). */
const loop: ShapeRule = (ctx: InferContext) => {
  const body = graphAttr(ctx, 'body');
  if (!body) ctx.fail('needs a body');
  const carried = ctx.inputCount - 2;
  bindInput(body.inputs[0], { kind: 'tensor', elemType: DataType.INT64, shape: [] });
  bindInput(body.inputs[1], { kind: 'tensor', elemType: DataType.BOOL, shape: [] });
  for (let i = 0; i < carried; i++) bindInput(body.inputs[2 + i], ctx.input(2 + i)?.type);
  ctx.inferSubgraph(body);
  for (let i = 0; i < ctx.outputCount; i++) {
    const out = body.outputs[1 + i]?.type;
    if (i < carried) ctx.outputType(i, generalize(ctx.input(2 + i)?.type, out));
    else if (out?.kind === 'tensor') ctx.output(i, out.elemType, out.shape ? [unknownDim(), ...out.shape] : undefined);
  }
};

/** Scan (opset 9+): N state variables then M scan inputs; scan outputs stack along their axis. */
const scan: ShapeRule = (ctx: InferContext) => {
  const body = graphAttr(ctx, 'body');
  if (!body) ctx.fail('needs a body');
  if (ctx.opset < 9) return;
  const m = ctx.attrInt('num_scan_inputs', 0);
  const n = ctx.inputCount - m;
  const inputAxes = ctx.attrInts('scan_input_axes') ?? new Array<number>(m).fill(0);
  const outputAxes = ctx.attrInts('scan_output_axes');
  let length: Dim = unknownDim();
  for (let i = 0; i < n; i++) bindInput(body.inputs[i], ctx.input(i)?.type);
  for (let j = 0; j < m; j++) {
    const t = ctx.tensorType(n + j);
    if (!t?.shape) continue;
    const axis = normalizeAxis(inputAxes[j] ?? 0, t.shape.length);
    if (axis === undefined) ctx.fail(`scan_input_axes ${inputAxes[j]} is out of range for ${ctx.describeInput(n + j)}`);
    if (length.value === undefined) length = copyDim(t.shape[axis]);
    bindInput(body.inputs[n + j], { kind: 'tensor', elemType: t.elemType, shape: t.shape.filter((_, k) => k !== axis) });
  }
  ctx.inferSubgraph(body);
  for (let i = 0; i < ctx.outputCount; i++) {
    const out = body.outputs[i]?.type;
    if (i < n) {
      ctx.outputType(i, generalize(ctx.input(i)?.type, out));
      continue;
    }
    if (out?.kind !== 'tensor') continue;
    const t: TensorType = { kind: 'tensor', elemType: out.elemType, shape: undefined };
    if (out.shape) {
      const axis = normalizeAxis(outputAxes?.[i - n] ?? 0, out.shape.length + 1) ?? 0;
      t.shape = out.shape.map(copyDim);
      t.shape.splice(axis, 0, copyDim(length));
    }
    ctx.output(i, t.elemType, t.shape);
  }
};

export const controlFlowRules: RuleTable = { If: ifRule, Loop: loop, Scan: scan };
