/**
 * The verifier: the IR invariants every pass must keep. `verifyModel` returns one-line problems,
 * each naming the node or value at fault (empty when the model is valid); the pass manager runs it
 * on the input model (without the order check: topo-sort exists to repair order) and after every
 * pass.
 *
 * Invariants, per graph scope (the main graph, every subgraph, every function body):
 * - names: one definition per value name in a graph (graph inputs, initializers and node outputs
 *   together; a value both input and initializer is one definition), and no subgraph definition
 *   shadowing a name of an enclosing graph; each node output records that node as its producer.
 * - order: every node input is defined earlier in its graph, by an input or initializer, or by an
 *   enclosing graph before the node holding the subgraph. With `order: false`, defined anywhere in
 *   its graph or an enclosing one is enough.
 * - use lists: each node input has its use recorded on the value, and every recorded use is real
 *   (the node reads the value at that index and is still in the model).
 * - graph outputs are defined in the graph itself. A subgraph output naming a value of an
 *   enclosing graph is refused, as onnx.checker (since ONNX 1.17) and ONNX Runtime refuse it; the
 *   IR does not model it either (`Value.isGraphOutput` looks at the value's own graph, so passes
 *   would take the value for unused there and move or delete its producer).
 * - initializers (and Constant tensors): the data length agrees with dtype and dims (raw bytes =
 *   elements x width, typed fields count elements); external data is not read. The value's type,
 *   when set, is the tensor's.
 * - attribute types of common ai.onnx ops (Conv kernel_shape INTS, group INT, ...).
 * - channel agreement where shapes are known: Conv/ConvTranspose input channels against the
 *   weight (x group), Conv bias and output channels, BatchNormalization parameter lengths,
 *   Concat inputs off the axis and the output along it.
 *
 * It reads types as they are (no inference) and never reads tensor data, so it is linear in the
 * model size.
 */
import { AttrType } from './attribute.js';
import { DataType, dataTypeName, rawByteLength } from './dtype.js';
import type { Graph, Node, Value } from './graph.js';
import type { Model } from './model.js';
import type { Tensor } from './tensor.js';
import { formatType, staticDims } from './type.js';

export interface VerifyOptions {
  /** Check that every node comes after the definitions of its inputs (default true). */
  order?: boolean;
}

export function verifyModel(model: Model, options: VerifyOptions = {}): string[] {
  const v = new Verifier(options.order ?? true);
  v.graph(model.graph, undefined, `graph '${model.graph.name}'`);
  for (const f of model.functions) v.graph(f.body, undefined, `function '${f.domain ? `${f.domain}.` : ''}${f.name}'`);
  v.useLists();
  return v.problems;
}

/** Values visible in a graph: its own definitions so far, then the enclosing scopes'. */
class Scope {
  readonly values = new Set<Value>();
  /** Name -> how it was defined, for duplicate messages. */
  readonly names = new Map<string, string>();
  /** Every value the graph defines, wherever in its node list. */
  readonly all = new Set<Value>();

  constructor(readonly parent: Scope | undefined) {}

  has(v: Value): boolean {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.values.has(v)) return true;
    return false;
  }

  /** Whether this graph or an enclosing one defines `v`, before or after the current node. */
  hasAnywhere(v: Value): boolean {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.all.has(v)) return true;
    return false;
  }

  enclosingHasName(name: string): boolean {
    for (let s = this.parent; s; s = s.parent) if (s.names.has(name)) return true;
    return false;
  }
}

class Verifier {
  readonly problems: string[] = [];
  /** Every node in the model (all graphs), for checking recorded uses. */
  private readonly liveNodes = new Set<Node>();
  /** Values whose use lists must be checked. */
  private readonly values = new Set<Value>();

  constructor(private readonly order: boolean) {}

  graph(g: Graph, parent: Scope | undefined, where: string): void {
    const scope = new Scope(parent);
    for (const v of g.definedValues()) scope.all.add(v);
    const define = (v: Value, by: string): void => {
      if (v.name === '') {
        scope.values.add(v);
        return;
      }
      const previous = scope.names.get(v.name);
      if (previous !== undefined) {
        this.problems.push(`value '${v.name}' is defined twice in ${where}: by ${previous} and by ${by}`);
      } else if (parent && scope.enclosingHasName(v.name)) {
        this.problems.push(`value '${v.name}' defined by ${by} in ${where} shadows a value of an enclosing graph`);
      }
      scope.names.set(v.name, by);
      scope.values.add(v);
      this.values.add(v);
    };
    for (const v of g.inputs) define(v, 'a graph input');
    for (const [name, v] of g.initializers) {
      if (v.name !== name) this.problems.push(`initializer '${name}' of ${where} is a value named '${v.name}'`);
      if (!scope.values.has(v)) define(v, 'an initializer'); // else: an input with a default value
      if (v.constValue) this.tensor(v.constValue, `initializer '${v.name}'`, v);
      else this.problems.push(`initializer '${v.name}' of ${where} holds no tensor`);
    }
    const later = new Map<Value, Node>();
    for (const node of g.nodes) for (const out of node.outputs) later.set(out, node);

    for (const node of g.nodes) {
      this.liveNodes.add(node);
      if (node.graph !== g) {
        this.problems.push(`${node.describe()} is in ${where} but records ${node.graph ? `graph '${node.graph.name}'` : 'no graph'}`);
      }
      node.inputs.forEach((input, i) => {
        if (!input) return;
        this.values.add(input);
        const at = `${node.describe()} input ${i} '${input.name}'`;
        if (input.name === '') this.problems.push(`${node.describe()} input ${i} is a value without a name`);
        if (scope.has(input) || (!this.order && scope.hasAnywhere(input))) return;
        const producer = input.producer();
        if (later.has(input)) this.problems.push(`${at} is used before it is defined (by ${later.get(input)!.describe()}, later in ${where})`);
        else if (producer && (producer.removed || !producer.graph)) this.problems.push(`${at} is produced by ${producer.describe()}, which is not in the model`);
        else this.problems.push(`${at} is not defined in ${where} or an enclosing graph`);
      });
      this.attributes(node);
      this.channels(node);
      const constant = node.opType === 'Constant' && isStandard(node) ? node.attrTensor('value') : undefined;
      if (constant) this.tensor(constant, `${node.describe()} value`, undefined);
      for (const a of node.attributes.values()) {
        const subs = a.type === AttrType.GRAPH ? [a.value] : a.type === AttrType.GRAPHS ? a.value : [];
        for (const sub of subs) this.graph(sub, scope, `subgraph '${sub.name}' of ${node.describe()}`);
      }
      node.outputs.forEach((out, i) => {
        if (out.producer() !== node || out.outputIndex() !== i) {
          const p = out.producer();
          this.problems.push(`${node.describe()} output ${i} '${out.name}' records another producer (${p ? `${p.describe()} output ${out.outputIndex()}` : 'none'})`);
        }
        define(out, node.describe());
      });
    }

    for (const out of g.outputs) {
      if (scope.values.has(out)) continue;
      const producer = out.producer();
      if (producer && (producer.removed || !producer.graph)) {
        this.problems.push(`output '${out.name}' of ${where} is produced by ${producer.describe()}, which is not in the model`);
      } else if (parent?.hasAnywhere(out)) {
        this.problems.push(
          `output '${out.name}' of ${where} is a value of an enclosing graph; ONNX requires a subgraph's outputs to be defined in it (add an Identity node in the subgraph)`,
        );
      } else if (parent) {
        this.problems.push(`output '${out.name}' of ${where} is not defined in the subgraph`);
      } else this.problems.push(`output '${out.name}' of ${where} is not defined in the graph`);
    }
  }

  /** Use lists against node inputs, over every node and value seen. */
  useLists(): void {
    const expected = new Map<Value, Map<Node, number[]>>();
    for (const node of this.liveNodes) {
      node.inputs.forEach((v, i) => {
        if (!v) return;
        let byNode = expected.get(v);
        if (!byNode) expected.set(v, (byNode = new Map()));
        const list = byNode.get(node);
        if (list) list.push(i);
        else byNode.set(node, [i]);
      });
    }
    for (const v of this.values) {
      const want = expected.get(v);
      const seen = new Map<Node, Set<number>>();
      for (const use of v.uses()) {
        const by = `${use.node.describe()} input ${use.index}`;
        if (!this.liveNodes.has(use.node)) {
          this.problems.push(`value '${v.name}' records a use by ${use.node.describe()}, which is not in the model`);
          continue;
        }
        const actual = use.node.inputs[use.index];
        if (actual !== v) {
          this.problems.push(`value '${v.name}' records a use by ${by}, which ${actual ? `reads '${actual.name}'` : 'is absent'}`);
          continue;
        }
        let indices = seen.get(use.node);
        if (!indices) seen.set(use.node, (indices = new Set()));
        if (indices.has(use.index)) this.problems.push(`value '${v.name}' records the use by ${by} twice`);
        indices.add(use.index);
      }
      if (!want) continue;
      for (const [node, indices] of want) {
        for (const i of indices) {
          if (!seen.get(node)?.has(i)) this.problems.push(`${node.describe()} input ${i} '${v.name}' has no use recorded on the value`);
        }
      }
    }
  }

  /** Data length against dtype and dims; external data is trusted (its length is not read). */
  private tensor(t: Tensor, what: string, value: Value | undefined): void {
    const desc = `${what} ${t.describe()}`;
    if (t.dims.some((d) => !Number.isInteger(d) || d < 0)) {
      this.problems.push(`${desc} has invalid dims`);
      return;
    }
    const n = t.size;
    const s = t.storage;
    switch (s.kind) {
      case 'external':
        break;
      case 'none':
        if (n > 0) this.problems.push(`${desc} has no data`);
        break;
      case 'raw': {
        const want = rawByteLength(t.dtype, n);
        if (t.dtype === DataType.STRING) this.problems.push(`${desc} holds strings in raw_data`);
        else if (s.bytes.byteLength !== want) this.problems.push(`${desc}: raw_data has ${s.bytes.byteLength} bytes, expected ${want}`);
        break;
      }
      default: {
        const want = typedFieldCount(t.dtype, s.kind, n);
        const field = FIELD_NAMES[s.kind];
        if (want === undefined) this.problems.push(`${desc}: ${field} cannot hold ${dataTypeName(t.dtype)}`);
        else if (s.values.length !== want) this.problems.push(`${desc}: ${field} has ${s.values.length} values, expected ${want}`);
      }
    }
    const type = value?.type;
    if (type?.kind === 'tensor') {
      const dims = staticDims(type);
      const agrees =
        (type.elemType === DataType.UNDEFINED || type.elemType === t.dtype) &&
        (dims === undefined || (dims.length === t.dims.length && dims.every((d, i) => d === null || d === t.dims[i])));
      if (!agrees) this.problems.push(`${what} holds ${t.describe()} but its value is typed ${formatType(type)}`);
    }
  }

  private attributes(node: Node): void {
    if (!isStandard(node)) return;
    const spec = ATTRIBUTE_TYPES[node.opType];
    if (!spec) return;
    for (const a of node.attributes.values()) {
      const want = spec[a.name] ?? COMMON_ATTRIBUTES[a.name];
      if (want !== undefined && a.type !== want) {
        this.problems.push(`${node.describe()} attribute '${a.name}' is ${AttrType[a.type] ?? a.type}, expected ${AttrType[want]}`);
      }
    }
  }

  private channels(node: Node): void {
    if (!isStandard(node)) return;
    switch (node.opType) {
      case 'Conv':
      case 'ConvTranspose':
        return this.convChannels(node);
      case 'BatchNormalization':
        return this.batchNormChannels(node);
      case 'Concat':
        return this.concatDims(node);
    }
  }

  private convChannels(node: Node): void {
    const x = node.input(0);
    const w = node.input(1);
    const xd = dimsOf(x);
    const wd = dimsOf(w);
    if (!x || !w || !xd || !wd || xd.length < 2 || wd.length < 2) return;
    const group = node.attrInt('group', 1);
    const channels = xd[1];
    const transpose = node.opType === 'ConvTranspose';
    const perGroup = transpose ? wd[0] : wd[1];
    const expected = perGroup === null || perGroup === undefined ? null : transpose ? perGroup : perGroup * group;
    if (channels !== null && channels !== undefined && expected !== null && channels !== expected) {
      this.problems.push(
        `${node.describe()}: input '${x.name}' has ${channels} channels, weight '${w.name}' ${fmt(wd)} with group ${group} expects ${expected}`,
      );
    }
    const filters = transpose ? (wd[1] === null || wd[1] === undefined ? null : wd[1] * group) : wd[0];
    if (filters === null || filters === undefined) return;
    const b = node.input(2);
    const bd = dimsOf(b);
    if (b && bd && bd.length === 1 && bd[0] !== null && bd[0] !== filters) {
      this.problems.push(`${node.describe()}: bias '${b.name}' has ${bd[0]} values, weight '${w.name}' ${fmt(wd)} gives ${filters} output channels`);
    }
    const y = node.outputs[0];
    const yd = dimsOf(y);
    if (y && yd && yd.length >= 2 && yd[1] !== null && yd[1] !== filters) {
      this.problems.push(`${node.describe()}: output '${y.name}' has ${yd[1]} channels, weight '${w.name}' ${fmt(wd)} gives ${filters}`);
    }
  }

  private batchNormChannels(node: Node): void {
    const x = node.input(0);
    const xd = dimsOf(x);
    const channels = xd && xd.length >= 2 ? xd[1] : null;
    if (!x || channels === null || channels === undefined) return;
    ['scale', 'B', 'mean', 'var'].forEach((role, k) => {
      const p = node.input(k + 1);
      const pd = dimsOf(p);
      if (!p || !pd || pd.length !== 1 || pd[0] === null) return;
      if (pd[0] !== channels) this.problems.push(`${node.describe()}: ${role} '${p.name}' has ${pd[0]} values, input '${x.name}' has ${channels} channels`);
    });
  }

  private concatDims(node: Node): void {
    const rawAxis = node.attrInt('axis');
    if (rawAxis === undefined) return;
    let first: { v: Value; d: Array<number | null> } | undefined;
    let sum: number | null = 0;
    for (const v of node.inputs) {
      const d = dimsOf(v);
      if (!v || !d) {
        sum = null;
        continue;
      }
      const axis = rawAxis < 0 ? rawAxis + d.length : rawAxis;
      if (axis < 0 || axis >= d.length) return;
      sum = sum === null || d[axis] === null ? null : sum + d[axis]!;
      if (!first) {
        first = { v, d };
        continue;
      }
      if (d.length !== first.d.length) {
        this.problems.push(`${node.describe()}: inputs '${first.v.name}' ${fmt(first.d)} and '${v.name}' ${fmt(d)} differ in rank`);
        return;
      }
      for (let k = 0; k < d.length; k++) {
        if (k === axis || d[k] === null || first.d[k] === null || d[k] === first.d[k]) continue;
        this.problems.push(`${node.describe()}: inputs '${first.v.name}' ${fmt(first.d)} and '${v.name}' ${fmt(d)} disagree on dim ${k}`);
        return;
      }
    }
    const y = node.outputs[0];
    const yd = dimsOf(y);
    if (!y || !yd || !first || sum === null) return;
    const axis = rawAxis < 0 ? rawAxis + yd.length : rawAxis;
    const got = yd[axis];
    if (got !== null && got !== undefined && got !== sum) {
      this.problems.push(`${node.describe()}: output '${y.name}' has ${got} on axis ${rawAxis}, the inputs sum to ${sum}`);
    }
  }
}

function isStandard(node: Node): boolean {
  return node.domain === '' || node.domain === 'ai.onnx';
}

/** Known dims of a value: an initializer's tensor dims, else its type's. */
function dimsOf(v: Value | null | undefined): Array<number | null> | undefined {
  if (!v) return undefined;
  if (v.constValue && v.isInitializer()) return [...v.constValue.dims];
  return staticDims(v.type);
}

function fmt(dims: ReadonlyArray<number | null>): string {
  return `[${dims.map((d) => (d === null ? '?' : String(d))).join(',')}]`;
}

const FIELD_NAMES = {
  floatData: 'float_data',
  int32Data: 'int32_data',
  doubleData: 'double_data',
  int64Data: 'int64_data',
  uint64Data: 'uint64_data',
  stringData: 'string_data',
} as const;

/** How many entries a typed TensorProto field holds for `n` elements (onnx.proto packing rules). */
function typedFieldCount(dtype: DataType, field: keyof typeof FIELD_NAMES, n: number): number | undefined {
  switch (field) {
    case 'floatData':
      return dtype === DataType.FLOAT ? n : dtype === DataType.COMPLEX64 ? 2 * n : undefined;
    case 'doubleData':
      return dtype === DataType.DOUBLE ? n : dtype === DataType.COMPLEX128 ? 2 * n : undefined;
    case 'int64Data':
      return dtype === DataType.INT64 ? n : undefined;
    case 'uint64Data':
      return dtype === DataType.UINT64 || dtype === DataType.UINT32 ? n : undefined;
    case 'stringData':
      return dtype === DataType.STRING ? n : undefined;
    case 'int32Data':
      switch (dtype) {
        case DataType.INT4:
        case DataType.UINT4:
        case DataType.FLOAT4E2M1:
          return Math.ceil(n / 2);
        case DataType.INT2:
        case DataType.UINT2:
          return Math.ceil(n / 4);
        case DataType.INT32:
        case DataType.INT16:
        case DataType.INT8:
        case DataType.UINT16:
        case DataType.UINT8:
        case DataType.BOOL:
        case DataType.FLOAT16:
        case DataType.BFLOAT16:
        case DataType.FLOAT8E4M3FN:
        case DataType.FLOAT8E4M3FNUZ:
        case DataType.FLOAT8E5M2:
        case DataType.FLOAT8E5M2FNUZ:
        case DataType.FLOAT8E8M0:
          return n;
        default:
          return undefined;
      }
  }
}

type AttrSpec = Readonly<Record<string, AttrType>>;

const { INT, INTS, FLOAT, FLOATS, STRING, TENSOR, GRAPH } = AttrType;

/** Attributes shared by many ops, checked for any op of ATTRIBUTE_TYPES that does not list them. */
const COMMON_ATTRIBUTES: AttrSpec = { axis: INT, axes: INTS, keepdims: INT };

const WINDOW: AttrSpec = { auto_pad: STRING, dilations: INTS, kernel_shape: INTS, pads: INTS, strides: INTS };
const CONV: AttrSpec = { ...WINDOW, group: INT };
const POOL: AttrSpec = { ...WINDOW, ceil_mode: INT, count_include_pad: INT, storage_order: INT, p: INT };
const REDUCE: AttrSpec = { noop_with_empty_axes: INT };
const ALPHA: AttrSpec = { alpha: FLOAT };
const NONE: AttrSpec = {};

const ATTRIBUTE_TYPES: Readonly<Record<string, AttrSpec>> = {
  Conv: CONV,
  ConvInteger: CONV,
  QLinearConv: CONV,
  ConvTranspose: { ...CONV, output_padding: INTS, output_shape: INTS },
  MaxPool: POOL,
  AveragePool: POOL,
  LpPool: POOL,
  GlobalLpPool: { p: INT },
  BatchNormalization: { epsilon: FLOAT, momentum: FLOAT, training_mode: INT, spatial: INT, is_test: INT },
  InstanceNormalization: { epsilon: FLOAT },
  LayerNormalization: { epsilon: FLOAT, stash_type: INT },
  GroupNormalization: { epsilon: FLOAT, num_groups: INT, stash_type: INT },
  LRN: { alpha: FLOAT, beta: FLOAT, bias: FLOAT, size: INT },
  Gemm: { alpha: FLOAT, beta: FLOAT, transA: INT, transB: INT },
  Concat: NONE,
  Split: { split: INTS, num_outputs: INT },
  Slice: { starts: INTS, ends: INTS },
  Gather: NONE,
  GatherElements: NONE,
  GatherND: { batch_dims: INT },
  Flatten: NONE,
  Squeeze: NONE,
  Unsqueeze: NONE,
  Reshape: { allowzero: INT, shape: INTS },
  Transpose: { perm: INTS },
  Softmax: NONE,
  LogSoftmax: NONE,
  Hardmax: NONE,
  Resize: {
    mode: STRING,
    coordinate_transformation_mode: STRING,
    nearest_mode: STRING,
    cubic_coeff_a: FLOAT,
    exclude_outside: INT,
    extrapolation_value: FLOAT,
    antialias: INT,
    keep_aspect_ratio_policy: STRING,
  },
  Upsample: { mode: STRING, scales: FLOATS },
  LeakyRelu: ALPHA,
  Elu: ALPHA,
  Celu: ALPHA,
  ThresholdedRelu: ALPHA,
  Selu: { alpha: FLOAT, gamma: FLOAT },
  HardSigmoid: { alpha: FLOAT, beta: FLOAT },
  Clip: { min: FLOAT, max: FLOAT },
  Gelu: { approximate: STRING },
  Cast: { to: INT, saturate: INT, round_mode: STRING },
  ReduceMean: REDUCE,
  ReduceSum: REDUCE,
  ReduceMax: REDUCE,
  ReduceMin: REDUCE,
  ReduceProd: REDUCE,
  ReduceL1: REDUCE,
  ReduceL2: REDUCE,
  ReduceLogSum: REDUCE,
  ReduceLogSumExp: REDUCE,
  ReduceSumSquare: REDUCE,
  ArgMax: { select_last_index: INT },
  ArgMin: { select_last_index: INT },
  TopK: { k: INT, largest: INT, sorted: INT },
  Pad: { mode: STRING, pads: INTS, value: FLOAT },
  Constant: {
    value: TENSOR,
    value_float: FLOAT,
    value_floats: FLOATS,
    value_int: INT,
    value_ints: INTS,
    value_string: STRING,
    value_strings: AttrType.STRINGS,
    sparse_value: AttrType.SPARSE_TENSOR,
  },
  ConstantOfShape: { value: TENSOR },
  Dropout: { ratio: FLOAT, seed: INT },
  QuantizeLinear: { saturate: INT, block_size: INT, output_dtype: INT, precision: INT },
  DequantizeLinear: { block_size: INT, output_dtype: INT },
  Shape: { start: INT, end: INT },
  DepthToSpace: { blocksize: INT, mode: STRING },
  SpaceToDepth: { blocksize: INT },
  Einsum: { equation: STRING },
  CumSum: { exclusive: INT, reverse: INT },
  Trilu: { upper: INT },
  NonMaxSuppression: { center_point_box: INT },
  If: { then_branch: GRAPH, else_branch: GRAPH },
  Loop: { body: GRAPH },
  Scan: { body: GRAPH, num_scan_inputs: INT, scan_input_axes: INTS, scan_input_directions: INTS, scan_output_axes: INTS, scan_output_directions: INTS },
};
