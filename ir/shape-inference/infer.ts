/**
 * The shape inference driver: walks nodes in order (recursing into subgraphs), runs the rule of
 * each ai.onnx op and writes output types.
 *
 * Contract:
 * - An existing type is kept unless `overwrite`; inference only refines it (an unknown element
 *   type, an unknown rank, unknown or symbolic dims become known). When the existing type
 *   contradicts the inferred one, the existing type stays and the conflict is listed.
 * - With `overwrite`, the inferred type replaces the existing one wherever a rule produced one.
 * - Ops without a rule (or of another domain) leave their outputs as they are and are listed in
 *   `unknownOps`; inputs that contradict the op's requirements throw `YlcError('verify')`.
 * - Only small integer constants are read (see SMALL_TENSOR_LIMIT), never weights.
 */
import { DataType } from '../dtype.js';
import { YlcError } from '../errors.js';
import type { Graph, Node, Value } from '../graph.js';
import type { Model } from '../model.js';
import { formatType, type Dim, type TensorType, type ValueType } from '../type.js';
import { InferContext, constantTensor, tensorPartial, type InferDriver } from './context.js';
import { copyDim } from './dims.js';
import { SHAPE_RULES } from './rules.js';

export interface InferShapesOptions {
  /** Replace existing types by inferred ones (default: keep them, only refine). */
  overwrite?: boolean;
}

export interface InferShapesResult {
  /** Values whose type was set or refined. */
  inferred: number;
  /** Ops with no rule, as `Op` (ai.onnx) or `domain::Op`. */
  unknownOps: Set<string>;
  /**
   * Values whose existing type contradicts the inferred one (the existing type was kept), and
   * inconsistencies inside If branches (which may never run; the node's outputs stay unknown).
   */
  warnings: string[];
}

export function inferShapes(model: Model, options: InferShapesOptions = {}): InferShapesResult {
  const driver = new Driver(model, options.overwrite ?? false);
  driver.inferGraph(model.graph);
  return { inferred: driver.inferred, unknownOps: driver.unknownOps, warnings: driver.warnings };
}

class Driver implements InferDriver {
  inferred = 0;
  readonly unknownOps = new Set<string>();
  readonly warnings: string[] = [];
  /** How many If branches enclose the nodes being inferred. */
  private branchDepth = 0;
  readonly irVersion: bigint;
  private readonly opset: number;
  private readonly partials = new Map<Value, Dim[] | null>();

  constructor(
    model: Model,
    private readonly overwrite: boolean,
  ) {
    this.irVersion = model.irVersion;
    this.opset = model.opset;
  }

  inferGraph(graph: Graph, mayNotRun = false): void {
    if (mayNotRun) this.branchDepth++;
    try {
      for (const node of graph.nodes) this.inferNode(node);
    } finally {
      if (mayNotRun) this.branchDepth--;
    }
  }

  private inferNode(node: Node): void {
    const domain = node.domain === 'ai.onnx' ? '' : node.domain;
    const rule = domain === '' ? SHAPE_RULES[node.opType] : undefined;
    if (!rule) {
      this.unknownOps.add(domain === '' ? node.opType : `${domain}::${node.opType}`);
      for (const g of node.subgraphs()) this.inferGraph(g);
      return;
    }
    const ctx = new InferContext(this, node, this.opset);
    try {
      rule(ctx);
    } catch (e) {
      if (e instanceof YlcError) {
        if (this.branchDepth === 0) throw e;
        this.warnings.push(`${e.message} (in an If branch, which may not run)`);
        return;
      }
      const message = e instanceof Error ? e.message : String(e);
      throw new Error(`shape inference failed on ${node.describe()}: ${message}`, { cause: e });
    }
    for (const g of node.subgraphs()) if (!ctx.visitedSubgraphs.has(g)) this.inferGraph(g);
  }

  partialOf(value: Value): Dim[] | undefined {
    const cached = this.partials.get(value);
    if (cached !== undefined) return cached ?? undefined;
    const t = constantTensor(value, this.irVersion);
    const p = t ? tensorPartial(t) : undefined;
    this.partials.set(value, p ?? null);
    return p;
  }

  setPartial(value: Value, elems: Dim[]): void {
    this.partials.set(value, elems);
  }

  setType(value: Value, type: ValueType): void {
    if (value.name === '') return;
    const existing = value.type;
    if (type.kind === 'other') {
      if (existing === undefined || this.overwrite) {
        if (existing !== type) this.inferred++;
        value.type = type;
      }
      return;
    }
    if (existing === undefined || this.overwrite || existing.kind === 'other') {
      if (existing?.kind === 'other' && !this.overwrite) return;
      if (existing?.kind === 'tensor' && sameTensorType(existing, type)) return;
      value.type = cloneTensorType(type);
      this.inferred++;
      return;
    }
    const merged = refine(existing, type);
    if (merged === 'conflict') {
      this.warnings.push(`'${value.name}': existing type ${formatType(existing)}, inferred ${formatType(type)}`);
    } else if (merged) {
      value.type = merged;
      this.inferred++;
    }
  }
}

function cloneTensorType(t: TensorType): TensorType {
  return { kind: 'tensor', elemType: t.elemType, shape: t.shape?.map(copyDim) };
}

function sameTensorType(a: TensorType, b: TensorType): boolean {
  if (a.elemType !== b.elemType) return false;
  if (a.shape === undefined || b.shape === undefined) return a.shape === b.shape;
  if (a.shape.length !== b.shape.length) return false;
  return a.shape.every((d, i) => {
    const e = b.shape![i]!;
    return d.value === e.value && d.param === e.param;
  });
}

/** `existing` refined by `inferred`: undefined when nothing is learnt, 'conflict' on a contradiction. */
function refine(existing: TensorType, inferred: TensorType): TensorType | 'conflict' | undefined {
  let changed = false;
  let elemType = existing.elemType;
  if (inferred.elemType !== DataType.UNDEFINED) {
    if (elemType === DataType.UNDEFINED) {
      elemType = inferred.elemType;
      changed = true;
    } else if (elemType !== inferred.elemType) return 'conflict';
  }
  let shape = existing.shape;
  if (inferred.shape !== undefined) {
    if (shape === undefined) {
      shape = inferred.shape.map(copyDim);
      changed = true;
    } else {
      if (shape.length !== inferred.shape.length) return 'conflict';
      const out: Dim[] = [];
      for (let i = 0; i < shape.length; i++) {
        const e = shape[i]!;
        const n = inferred.shape[i]!;
        if (e.value !== undefined) {
          if (n.value !== undefined && n.value !== e.value) return 'conflict';
          out.push(e);
        } else if (n.value !== undefined || (e.param === undefined && n.param !== undefined)) {
          out.push(e.denotation !== undefined ? { ...copyDim(n), denotation: e.denotation } : copyDim(n));
          changed = true;
        } else out.push(e);
      }
      shape = out;
    }
  }
  if (!changed) return undefined;
  const result: TensorType = { kind: 'tensor', elemType, shape };
  if (existing.denotation !== undefined) result.denotation = existing.denotation;
  return result;
}
