/**
 * Gradient checks through ONNX Runtime: a small forward graph, the loss sum_i <y_i, R_i> with fixed
 * random R_i (so every output element matters, each differently), appendBackward, then the
 * directional derivative <grad, v> against central differences (L(x + hv) - L(x - hv)) / 2h along
 * a few random directions v over all wrt inputs at once.
 *
 * Models are built in float64 where ORT has double kernels for every op of the case (h = 1e-6,
 * tolerance 1e-6 relative), else in float32 with the loss accumulated in float64 (h = 1e-3,
 * tolerance 2e-3): `dtype: 'auto'` tries double first.
 */
import * as ort from 'onnxruntime-node';
import type { Attribute } from '../../ir/attribute.js';
import { attrInt } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import { Graph, Node, Value } from '../../ir/graph.js';
import { Model } from '../../ir/model.js';
import { encodeModel } from '../../ir/serde/index.js';
import { inferShapes } from '../../ir/shape-inference/index.js';
import { Tensor } from '../../ir/tensor.js';
import { staticDims, tensorType } from '../../ir/type.js';
import { verifyModel } from '../../ir/verify.js';
import { appendBackward } from '../../passes/autodiff/index.js';
import { floatTensor } from '../../passes/autodiff/builder.js';
import { seededRandom } from './ort.js';

export class GradCase {
  readonly graph = new Graph('gradcheck');
  readonly model: Model;
  readonly data = new Map<string, { dims: number[]; values: Float64Array }>();
  private readonly next: () => number;

  constructor(
    readonly dtype: DataType,
    opset: number,
    seed: number,
  ) {
    this.model = new Model(this.graph, { irVersion: 8n, opsetImports: [['', opset]] });
    this.next = seededRandom(seed);
  }

  /** A float graph input (differentiated), uniform in [lo, hi) unless `values` are given. */
  input(name: string, dims: number[], lo = -1, hi = 1, values?: readonly number[]): Value {
    const n = dims.reduce((a, b) => a * b, 1);
    const data = values ? Float64Array.from(values) : Float64Array.from({ length: n }, () => lo + (hi - lo) * this.next());
    this.data.set(name, { dims, values: data });
    return this.graph.addInput(new Value(name, tensorType(this.dtype, dims)));
  }

  /** A float constant of the case's dtype (or `dtype`). */
  constant(name: string, dims: number[], values: readonly number[] | [number, number], dtype = this.dtype): Value {
    const n = dims.reduce((a, b) => a * b, 1);
    const data = values.length === n ? values : Array.from({ length: n }, () => values[0]! + (values[1]! - values[0]!) * this.next());
    return this.graph.addInitializer(floatTensor(dtype, dims, data), name);
  }

  ints(name: string, values: readonly number[], dims: number[] = [values.length]): Value {
    return this.graph.addInitializer(Tensor.fromInt64(dims, values), name);
  }

  op(opType: string, inputs: ReadonlyArray<Value | null>, attributes: Attribute[] = [], outputs = 1): Value[] {
    const node = new Node(opType, inputs, outputs, { name: this.graph.freshName(opType), attributes });
    this.graph.append(node);
    return [...node.outputs];
  }

  op1(opType: string, inputs: ReadonlyArray<Value | null>, attributes: Attribute[] = []): Value {
    return this.op(opType, inputs, attributes)[0]!;
  }
}

export interface GradCheckOptions {
  opset?: number;
  dtype?: 'auto' | 'double' | 'float';
  directions?: number;
  seed?: number;
  /** Override the step and tolerance. */
  h?: number;
  tol?: number;
  /** Inputs to differentiate (default: every graph input). */
  wrt?: readonly string[];
  stopGradient?: readonly string[];
}

export interface GradCheckResult {
  dtype: 'double' | 'float';
  /** Per direction: analytic, finite difference. */
  pairs: Array<[number, number]>;
  /** max over directions of |an - fd| / max(|fd|, |an|, sum_i |g_i v_i|) (the last: the size of the terms summed). */
  maxRelError: number;
  tol: number;
  model: Model;
}

type Build = (c: GradCase) => Value | Value[];

/** Builds the case in `dtype`, appends the loss and the backward graph; returns it with its session. */
async function prepare(build: Build, dtype: 'double' | 'float', o: GradCheckOptions) {
  const dt = dtype === 'double' ? DataType.DOUBLE : DataType.FLOAT;
  const c = new GradCase(dt, o.opset ?? 17, o.seed ?? 1);
  const outs = [build(c)].flat();
  inferShapes(c.model);
  const terms: Value[] = [];
  outs.forEach((y, i) => {
    const dims = staticDims(y.type);
    if (!dims || dims.some((d) => d === null)) throw new Error(`gradcheck: output ${y.name} has no static shape`);
    const yd = y.type?.kind === 'tensor' && y.type.elemType === DataType.DOUBLE ? y : c.op1('Cast', [y], [attrInt('to', DataType.DOUBLE)]);
    const r = c.constant(`R${i}`, dims as number[], [-1, 1], DataType.DOUBLE);
    terms.push(c.op1('ReduceSum', [c.op1('Mul', [yd, r])], [attrInt('keepdims', 0)]));
  });
  const loss = terms.length === 1 ? terms[0]! : c.op1('Sum', terms);
  const lossName = loss.name;
  c.graph.outputs.push(loss);
  const wrt = o.wrt ?? c.graph.inputs.map((v) => v.name);
  const { gradients } = appendBackward(c.model, { loss: lossName, wrt, stopGradient: o.stopGradient });
  for (const g of gradients.values()) c.graph.outputs.push(g);
  const problems = verifyModel(c.model);
  if (problems.length > 0) throw new Error(`gradcheck: the model fails verification: ${problems.join('; ')}`);
  const session = await ort.InferenceSession.create(encodeModel(c.model), { graphOptimizationLevel: 'disabled', intraOpNumThreads: 1, interOpNumThreads: 1 });
  return { c, session, lossName, gradients, wrt };
}

function isMissingKernel(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e);
  return /NOT_IMPLEMENTED|Could not find an implementation|not supported|Type Error/i.test(m);
}

export async function gradCheck(build: Build, options: GradCheckOptions = {}): Promise<GradCheckResult> {
  const mode = options.dtype ?? 'auto';
  let dtype: 'double' | 'float' = mode === 'float' ? 'float' : 'double';
  let prepared;
  try {
    prepared = await prepare(build, dtype, options);
  } catch (e) {
    if (mode !== 'auto' || !isMissingKernel(e)) throw e;
    dtype = 'float';
    prepared = await prepare(build, dtype, options);
  }
  const { c, session, lossName, gradients, wrt } = prepared;
  try {
    const typed = (values: Float64Array): Float64Array | Float32Array => (dtype === 'double' ? values : Float32Array.from(values));
    const feedsAt = (shift?: Map<string, Float64Array>, h = 0): Record<string, ort.Tensor> => {
      const feeds: Record<string, ort.Tensor> = {};
      for (const [name, d] of c.data) {
        const v = shift?.get(name);
        const values = v ? d.values.map((x, k) => x + h * v[k]!) : d.values;
        feeds[name] = new ort.Tensor(dtype === 'double' ? 'float64' : 'float32', typed(values), d.dims);
      }
      return feeds;
    };
    const gradNames = wrt.map((n) => gradients.get(n)!.name);
    const base = await session.run(feedsAt(), [lossName, ...gradNames]);
    const grads = new Map(wrt.map((n, k) => [n, Float64Array.from(base[gradNames[k]!]!.data as ArrayLike<number>)]));
    const lossAt = async (shift: Map<string, Float64Array>, h: number): Promise<number> => {
      const out = await session.run(feedsAt(shift, h), [lossName]);
      return Number((out[lossName]!.data as ArrayLike<number>)[0]);
    };
    const next = seededRandom((options.seed ?? 1) + 1000);
    const h = options.h ?? (dtype === 'double' ? 1e-6 : 1e-3);
    const tol = options.tol ?? (dtype === 'double' ? 1e-6 : 2e-3);
    const pairs: Array<[number, number]> = [];
    let maxRelError = 0;
    for (let k = 0; k < (options.directions ?? 3); k++) {
      const shift = new Map<string, Float64Array>();
      let analytic = 0;
      let mass = 0;
      for (const name of wrt) {
        const d = c.data.get(name)!;
        const v = Float64Array.from(d.values, () => next() * 2 - 1);
        shift.set(name, v);
        const g = grads.get(name)!;
        for (let i = 0; i < v.length; i++) {
          analytic += g[i]! * v[i]!;
          mass += Math.abs(g[i]! * v[i]!);
        }
      }
      const fd = ((await lossAt(shift, h)) - (await lossAt(shift, -h))) / (2 * h);
      pairs.push([analytic, fd]);
      const err = Math.abs(analytic - fd) / Math.max(Math.abs(fd), Math.abs(analytic), mass, 1e-12);
      maxRelError = Math.max(maxRelError, err);
    }
    return { dtype, pairs, maxRelError, tol, model: c.model };
  } finally {
    await session.release();
  }
}
