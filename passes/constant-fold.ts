/**
 * constant-fold: evaluates nodes whose inputs are all constant and replaces their outputs by
 * initializers.
 *
 * Constant inputs are initializers that are not graph inputs (a graph input's initializer is only
 * a default) and outputs of Constant nodes. Shape and Size also fold when their input's dims are
 * all known, from its declared type or from a constant, whatever its values. Nodes are visited in
 * graph order, so whole Shape -> Gather -> Unsqueeze -> Concat -> Reshape chains of PyTorch
 * exports fold in one run; subgraphs are visited too (outer constants count as constants there).
 *
 * Evaluation: TypeScript kernels (constant-fold/kernels/) for the shape-computation ops and
 * simple arithmetic, with ONNX Runtime's semantics (float32 rounding, C++ integer wrap-around);
 * other ops of the standard domains run in ONNX Runtime as a one-node model. Results are always
 * new tensors; the bytes of existing tensors, views of the model file shared with other tensors,
 * are only read.
 *
 * Names: a folded output keeps its Value, turned into an initializer of the node's graph
 * (Graph.adoptAsInitializer), so its name, its uses and its graph-output slots do not change.
 * Downstream names stay stable and a graph output produced by a folded node stays a graph output
 * of the same name (an initializer can be a graph output). The one exception is an Identity of a
 * constant that is not a graph output: its uses go to the constant itself, so that aliases of
 * shared weights (PyTorch exports) do not become copies of them.
 *
 * Not folded (with a remark when all inputs are constant): nodes of non-standard domains (their
 * semantics are unknown), nodes with subgraphs, non-deterministic nodes (Random*, Multinomial,
 * Bernoulli, Dropout that may be in training mode), outputs over `size-limit` elements (the model
 * would grow; the size is known before anything is computed: kernels check it before allocating,
 * and ONNX Runtime is not run when shape inference cannot tell it), results whose type or shape
 * disagree with the declared ones, and nodes that neither a kernel nor ONNX Runtime can evaluate
 * (errors, undefined behaviour).
 *
 * Pre: none (unsorted graphs fold less in one run). Post: every folded node is gone and its
 * outputs are initializers; its constant inputs may now be unused (run dce). Safe because each
 * replaced value equals what the node computes at run time for every input of the model.
 */
import type { Graph, Node, Value } from '../ir/graph.js';
import type { Model } from '../ir/model.js';
import type { Tensor } from '../ir/tensor.js';
import { dataTypeName } from '../ir/dtype.js';
import { staticDims } from '../ir/type.js';
import { definePass, type PassContext } from './pass.js';
import { KERNELS, SHAPE_KERNELS, type KernelContext } from './constant-fold/kernels/index.js';
import { fromTensor, Refused, toTensor, Unsupported, type NdArray } from './constant-fold/ndarray.js';
import { evaluateWithOrt } from './constant-fold/ort.js';
import { constantOf } from './util/constants.js';
import { dropValueInfo, isNondeterministic, isOnnxDomain, isStandardDomain } from './util/graphs.js';

export const DEFAULT_SIZE_LIMIT = 1_000_000;

export interface FoldOptions {
  /** Most elements a folded output may have (default 1,000,000). */
  sizeLimit?: number;
  /** Evaluate ops without a TypeScript kernel in ONNX Runtime (default true). */
  useOrt?: boolean;
  ctx?: PassContext;
}

/** Dims of `v` when all are known: a constant's, or its declared type's. */
function knownDims(v: Value): number[] | undefined {
  const c = constantOf(v);
  if (c) return [...c.dims];
  const dims = staticDims(v.type);
  if (!dims || dims.some((d) => d === null)) return undefined;
  return dims as number[];
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.trim();
}

/** Why `t` cannot replace `v`, or undefined when it agrees with what the model declares for v. */
function disagreement(v: Value, t: Tensor): string | undefined {
  if (!v.type) return undefined;
  if (v.type.kind !== 'tensor') return `output '${v.name}' is declared as a non-tensor type`;
  if (v.type.elemType !== t.dtype) {
    return `output '${v.name}' is declared ${dataTypeName(v.type.elemType)} but evaluates to ${dataTypeName(t.dtype)}`;
  }
  const dims = staticDims(v.type);
  if (dims && (dims.length !== t.dims.length || dims.some((d, i) => d !== null && d !== t.dims[i]))) {
    return `output '${v.name}' is declared [${dims.map((d) => d ?? '?').join(',')}] but evaluates to [${t.dims.join(',')}]`;
  }
  return undefined;
}

class Folder {
  folded = 0;
  private readonly limit: number;
  private readonly useOrt: boolean;
  private readonly ctx: PassContext | undefined;

  constructor(
    private readonly model: Model,
    options: FoldOptions,
  ) {
    this.limit = options.sizeLimit ?? DEFAULT_SIZE_LIMIT;
    this.useOrt = options.useOrt ?? true;
    this.ctx = options.ctx;
  }

  async visit(g: Graph): Promise<void> {
    for (const node of g.nodes) {
      if (node.subgraphs().length > 0) {
        for (const sub of node.subgraphs()) await this.visit(sub);
        if (node.inputs.every((v) => !v || constantOf(v))) this.refuse(node, 'it has a subgraph');
        continue;
      }
      if (this.bypassIdentity(g, node)) continue;
      const tensors = await this.evaluate(node);
      if (tensors) this.replace(g, node, tensors);
    }
  }

  /**
   * `y = Identity(c)` of a constant: y's uses are pointed at c rather than at a copy of it, so that
   * aliases of shared weights (PyTorch exports) do not duplicate their data. When y is a graph
   * output it cannot be renamed, and the general path makes it an initializer.
   */
  private bypassIdentity(g: Graph, node: Node): boolean {
    if (node.opType !== 'Identity' || !isOnnxDomain(node.domain)) return false;
    const x = node.input(0);
    const y = node.outputs[0];
    if (!x || !y || node.outputs.length !== 1 || !constantOf(x) || y.isGraphOutput()) return false;
    y.replaceAllUsesWith(x);
    g.remove(node);
    dropValueInfo(g, y);
    this.folded++;
    return true;
  }

  private refuse(node: Node, why: string): undefined {
    this.ctx?.remark(node, `not folded: ${why}`);
    return undefined;
  }

  private kernelContext(node: Node): KernelContext {
    return { node, opset: this.model.opset, limit: this.limit };
  }

  /** The node's output tensors (undefined for absent outputs), or undefined when it does not fold. */
  private async evaluate(node: Node): Promise<Array<Tensor | undefined> | undefined> {
    // Dead nodes are dce's business: evaluating them would only cost time.
    if (node.outputs.every((o) => o.useCount === 0 && !o.isGraphOutput())) return undefined;
    const onnx = isOnnxDomain(node.domain);
    const shapeKernel = onnx ? SHAPE_KERNELS.get(node.opType) : undefined;
    if (shapeKernel) {
      const x = node.input(0);
      const dims = x && knownDims(x);
      if (!dims) return undefined;
      return [toTensor(shapeKernel(dims, this.kernelContext(node)))];
    }
    const inputs = node.inputs.map((v) => (v ? constantOf(v) : undefined));
    if (node.inputs.some((v, i) => v && !inputs[i])) return undefined;

    if (!isStandardDomain(node.domain)) return this.refuse(node, `op ${node.domain}:${node.opType} is not a standard op; its semantics are unknown`);
    if (isNondeterministic(node)) return this.refuse(node, 'it is not deterministic');
    if (node.opType !== 'Constant') {
      for (const o of node.outputs) {
        const dims = staticDims(o.type);
        if (!dims || dims.some((d) => d === null)) continue;
        const size = (dims as number[]).reduce((n, d) => n * d, 1);
        if (size > this.limit) return this.refuse(node, `output '${o.name}' would have ${size} elements, over the size limit of ${this.limit}`);
      }
    }

    const kernel = onnx ? KERNELS.get(node.opType) : undefined;
    let unsupported = kernel ? '' : 'no TypeScript kernel';
    if (kernel) {
      try {
        const arrays = inputs.map((t): NdArray | undefined => (t ? fromTensor(t) : undefined));
        const results = kernel(arrays, this.kernelContext(node));
        if (results.length < node.outputs.filter((o) => o.name !== '').length) throw new Unsupported(`${results.length} of ${node.outputs.length} outputs`);
        return node.outputs.map((o, i) => {
          const r = results[i];
          if (o.name === '' || !r) return undefined;
          return 'data' in r ? toTensor(r) : r;
        });
      } catch (e) {
        if (e instanceof Refused) return this.refuse(node, e.message);
        if (!(e instanceof Unsupported)) throw e;
        unsupported = e.message;
      }
    }
    if (!this.useOrt) return this.refuse(node, `the TypeScript kernel cannot evaluate it (${unsupported})`);
    try {
      return await evaluateWithOrt(node, inputs, this.model, this.limit);
    } catch (e) {
      if (e instanceof Refused) return this.refuse(node, e.message);
      return this.refuse(node, `ONNX Runtime could not evaluate it (${firstLine(e)})`);
    }
  }

  private replace(g: Graph, node: Node, tensors: Array<Tensor | undefined>): void {
    const present = node.outputs.filter((o) => o.name !== '');
    for (const o of present) {
      const t = tensors[o.outputIndex()];
      if (!t) return void this.refuse(node, `no value computed for output '${o.name}'`);
      const why = disagreement(o, t);
      if (why) return void this.refuse(node, why);
    }
    g.remove(node, { force: true });
    for (const o of present) {
      g.adoptAsInitializer(o, tensors[o.outputIndex()]!);
      dropValueInfo(g, o);
    }
    this.folded++;
  }
}

/** Folds constant computations in `model` (main graph and subgraphs); returns how many nodes were folded. */
export async function foldConstants(model: Model, options: FoldOptions = {}): Promise<number> {
  const folder = new Folder(model, options);
  await folder.visit(model.graph);
  return folder.folded;
}

export const constantFoldPass = definePass({
  name: 'constant-fold',
  summary: 'Evaluate nodes whose inputs are all constant and turn their outputs into initializers',
  options: {
    'size-limit': {
      type: 'integer',
      default: DEFAULT_SIZE_LIMIT,
      min: 0,
      help: 'largest output, in elements, that a folded node may produce',
    },
  },
  async run(model: Model, options, ctx) {
    const n = await foldConstants(model, { sizeLimit: options['size-limit'], ctx });
    if (n) ctx.count('folded', n);
    return { modified: n > 0 };
  },
});
