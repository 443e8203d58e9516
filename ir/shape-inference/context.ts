/**
 * What a shape rule sees: the node, the opset it is read under, its inputs' types, and the values
 * of small integer tensors ("partial values"), and how it reports output types.
 *
 * Partial values follow ONNX data propagation: a small int tensor of rank 0 or 1 (a shape, a
 * Reshape target, Slice starts...) is tracked element by element as dims, so `Shape -> Gather ->
 * Concat -> Reshape` chains stay exact even when some elements are symbolic. A partial value is
 * the flattened element list; its rank comes from the value's type.
 */
import { AttrType } from '../attribute.js';
import { DataType, dataTypeName, isFloatingPoint } from '../dtype.js';
import { YlcError } from '../errors.js';
import type { Graph, Node, Value } from '../graph.js';
import type { Tensor } from '../tensor.js';
import type { Dim, TensorType, ValueType } from '../type.js';
import { dimOf, formatShape } from './dims.js';

/** Constants with more elements than this are never read. */
export const SMALL_TENSOR_LIMIT = 64;

/** What the driver offers rules. */
export interface InferDriver {
  readonly irVersion: bigint;
  partialOf(value: Value): Dim[] | undefined;
  setPartial(value: Value, elems: Dim[]): void;
  setType(value: Value, type: ValueType): void;
  /** `mayNotRun`: an If branch, whose inconsistencies are warnings rather than errors. */
  inferGraph(graph: Graph, mayNotRun?: boolean): void;
}

export type ShapeRule = (ctx: InferContext) => void;
export type RuleTable = Readonly<Record<string, ShapeRule>>;

export class InferContext {
  /** Subgraphs a rule inferred itself; the driver walks the rest. */
  readonly visitedSubgraphs = new Set<Graph>();

  constructor(
    private readonly driver: InferDriver,
    readonly node: Node,
    /** The ai.onnx opset the node is read under. */
    readonly opset: number,
  ) {}

  get inputCount(): number {
    return this.node.inputs.length;
  }

  get outputCount(): number {
    return this.node.outputs.length;
  }

  input(i: number): Value | undefined {
    return this.node.input(i);
  }

  has(i: number): boolean {
    return this.node.input(i) !== undefined;
  }

  /** Whether output `i` exists and is not an absent optional output. */
  hasOutput(i: number): boolean {
    const v = this.node.outputs[i];
    return v !== undefined && v.name !== '';
  }

  tensorType(i: number): TensorType | undefined {
    const t = this.node.input(i)?.type;
    return t?.kind === 'tensor' ? t : undefined;
  }

  /** Element type of input `i`, undefined when unknown. */
  elemType(i: number): DataType | undefined {
    const e = this.tensorType(i)?.elemType;
    return e === undefined || e === DataType.UNDEFINED ? undefined : e;
  }

  shape(i: number): Dim[] | undefined {
    return this.tensorType(i)?.shape;
  }

  rank(i: number): number | undefined {
    return this.tensorType(i)?.shape?.length;
  }

  /** `'x' float[1,3,8,8]`, for messages. */
  describeInput(i: number): string {
    const v = this.node.input(i);
    if (!v) return `input ${i} (absent)`;
    const t = this.tensorType(i);
    const elem = t && t.elemType !== DataType.UNDEFINED ? dataTypeName(t.elemType) : '?';
    return `'${v.name}' ${elem}${formatShape(t?.shape)}`;
  }

  /** Element values of a small integer tensor, each a known int, a symbol or unknown. */
  partial(i: number): Dim[] | undefined {
    const v = this.node.input(i);
    return v ? this.driver.partialOf(v) : undefined;
  }

  /** Element values of a small integer tensor when all are known. */
  ints(i: number): number[] | undefined {
    const p = this.partial(i);
    if (!p) return undefined;
    const out: number[] = [];
    for (const d of p) {
      if (d.value === undefined) return undefined;
      out.push(d.value);
    }
    return out;
  }

  /** Element values of a small constant of a real numeric type (ints included). */
  floats(i: number): number[] | undefined {
    const v = this.node.input(i);
    if (!v) return undefined;
    const t = constantTensor(v, this.driver.irVersion);
    if (t && t.size <= SMALL_TENSOR_LIMIT && isFloatingPoint(t.dtype)) return readNumbers(t);
    const producer = v.producer();
    if (producer?.opType === 'Constant' && producer.domain === '') {
      const f = producer.attrFloat('value_float');
      if (f !== undefined) return [f];
      const fs = producer.attributes.get('value_floats');
      if (fs?.type === AttrType.FLOATS && fs.value.length <= SMALL_TENSOR_LIMIT) return [...fs.value];
    }
    return this.ints(i);
  }

  attrInt(name: string, fallback: number): number {
    return this.node.attrInt(name, fallback);
  }

  attrInts(name: string): number[] | undefined {
    return this.node.attrInts(name);
  }

  attrString(name: string, fallback: string): string {
    return this.node.attrString(name, fallback);
  }

  /** Sets output `i` to a tensor type; an undefined elemType and shape set nothing. */
  output(i: number, elemType: DataType | undefined, shape: Dim[] | undefined): void {
    if (elemType === undefined && shape === undefined) return;
    const v = this.node.outputs[i];
    if (!v) return;
    this.driver.setType(v, { kind: 'tensor', elemType: elemType ?? DataType.UNDEFINED, shape });
  }

  outputType(i: number, type: ValueType | undefined): void {
    const v = this.node.outputs[i];
    if (v && type) this.driver.setType(v, type);
  }

  /** Records the element values of output `i` (only for small int tensors of rank <= 1). */
  outputPartial(i: number, elems: Dim[] | undefined): void {
    const v = this.node.outputs[i];
    if (v && elems && elems.length <= SMALL_TENSOR_LIMIT) this.driver.setPartial(v, elems);
  }

  /** An inconsistency in the model: the node's inputs cannot be what the op requires. */
  fail(message: string): never {
    throw new YlcError('verify', `${this.node.describe()}: ${message}`);
  }

  inferSubgraph(graph: Graph, options: { mayNotRun?: boolean } = {}): void {
    this.visitedSubgraphs.add(graph);
    this.driver.inferGraph(graph, options.mayNotRun);
  }
}

/**
 * The constant `value` always holds: an initializer (not an overridable graph input, which from
 * IR 4 on may be fed at run time) or the output of a Constant node holding a tensor.
 */
export function constantTensor(value: Value, irVersion: bigint): Tensor | undefined {
  if (value.constValue && value.isInitializer() && (irVersion < 4n || !value.isGraphInput())) return value.constValue;
  const producer = value.producer();
  if (producer?.opType === 'Constant' && producer.domain === '') return producer.attrTensor('value');
  return undefined;
}

const INTEGER_TYPES: ReadonlySet<DataType> = new Set([
  DataType.INT64,
  DataType.INT32,
  DataType.INT16,
  DataType.INT8,
  DataType.UINT64,
  DataType.UINT32,
  DataType.UINT16,
  DataType.UINT8,
  DataType.BOOL,
]);

export function isIntegerType(dtype: DataType | undefined): boolean {
  return dtype !== undefined && INTEGER_TYPES.has(dtype);
}

/** The elements of a small integer tensor as dims; undefined for big or non-integer tensors. */
export function tensorPartial(t: Tensor): Dim[] | undefined {
  if (!INTEGER_TYPES.has(t.dtype) || t.size > SMALL_TENSOR_LIMIT || t.dims.length > 1) return undefined;
  const values = readNumbers(t);
  return values?.map(dimOf);
}

function readNumbers(t: Tensor): number[] | undefined {
  try {
    return t.toNumbers();
  } catch {
    // Missing external data or malformed bytes: the value is simply not known.
    return undefined;
  }
}
