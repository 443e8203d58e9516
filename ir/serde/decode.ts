/**
 * ModelProto bytes -> IR.
 *
 * Contracts:
 * - No tensor data is copied: raw_data and string_data stay views of `bytes` (keep the buffer
 *   alive as long as the model), external data is read on first use relative to `baseDir`.
 * - Lossless: every field of the schema is either modelled by the IR or kept in the IR object's
 *   `extra` (see proto.ts), and unknown fields of newer schemas are kept as `$unknowns`, so
 *   `encodeModel(decodeModel(b))` decodes to a message equal to `b`'s.
 * - Names resolve through scopes: a node of a subgraph may use a value of an enclosing graph, and
 *   that use is recorded on the enclosing graph's Value. value_info entries resolve in their own
 *   graph only (an entry for a name defined nowhere there becomes a detached Value).
 * - A value that appears in several ValueInfoProtos (graph input and output, output and
 *   value_info, ...) takes its type from the first one decoded; an occurrence that differs is
 *   kept in its graph's `extra.$valueInfoOverrides` and written back in its place.
 * - Every failure is a YlcError('bad-model') whose one-line message names the file.
 */
import * as path from 'node:path';
import { Graph, Node, Value } from '../graph.js';
import { Model, type ModelFunction } from '../model.js';
import { Tensor, type TensorStorage } from '../tensor.js';
import { AttrType, type Attribute } from '../attribute.js';
import type { Dim, ValueType } from '../type.js';
import { DataType } from '../dtype.js';
import { YlcError } from '../errors.js';
import {
  onnx,
  has,
  restOf,
  unmodelledFields,
  notePresentDefaults,
  entriesToPairs,
  entriesToKeep,
  longToBigInt,
  longToNumber,
  type AnyMessage,
} from './proto.js';
import { parseMessage, parseModelProto } from './parse.js';
import { valueInfoProto } from './encode.js';
import { messagesEqual } from './equal.js';
import { checkExternalRef } from './external-data.js';

export interface DecodeOptions {
  /** Directory that external data locations are relative to (default: dirname(fileName) or cwd). */
  baseDir?: string;
  /** The file's name, for messages (default 'model.onnx'). */
  fileName?: string;
}

/**
 * One ValueInfoProto occurrence that differs from what its Value writes back. It is written in
 * place of the Value's own ValueInfoProto while the slot still holds a value of that name and the
 * Value still writes `base` (a pass that changes the value's type or name retires it).
 */
export interface ValueInfoOverride {
  slot: 'input' | 'output' | 'valueInfo';
  index: number;
  name: string;
  proto: onnx.ValueInfoProto;
  base: onnx.ValueInfoProto;
}

export function decodeModel(bytes: Uint8Array, options: DecodeOptions = {}): Model {
  const file = options.fileName ?? 'model.onnx';
  const baseDir = options.baseDir ?? (options.fileName ? path.dirname(options.fileName) : process.cwd());
  const proto = parseModelProto(bytes, file);
  try {
    return new ModelDecoder(baseDir).model(proto);
  } catch (e) {
    if (e instanceof YlcError) throw e.withContext(`cannot read ${file}`);
    throw e;
  }
}

/** One TensorProto (e.g. a test_data_set input_0.pb) -> Tensor; data stays a view of `bytes`. */
export function decodeTensor(bytes: Uint8Array, options: DecodeOptions = {}): Tensor {
  const file = options.fileName ?? 'tensor.pb';
  const baseDir = options.baseDir ?? (options.fileName ? path.dirname(options.fileName) : process.cwd());
  const proto = parseMessage(bytes, file, 'TensorProto', (r) => onnx.TensorProto.decode(r));
  try {
    return new ModelDecoder(baseDir).tensor(proto);
  } catch (e) {
    if (e instanceof YlcError) throw e.withContext(`cannot read ${file}`);
    throw e;
  }
}

function bad(message: string): YlcError {
  return new YlcError('bad-model', message);
}

// Per message type, the fields the IR does not model (kept in `extra`).
const MODEL_REST = unmodelledFields('ModelProto', [
  'irVersion', 'opsetImport', 'producerName', 'producerVersion', 'domain', 'modelVersion',
  'docString', 'graph', 'metadataProps', 'functions',
]);
const GRAPH_REST = unmodelledFields('GraphProto', ['node', 'name', 'initializer', 'docString', 'input', 'output', 'valueInfo', 'metadataProps']);
const NODE_REST = unmodelledFields('NodeProto', ['input', 'output', 'name', 'opType', 'domain', 'overload', 'attribute', 'docString', 'metadataProps']);
const VALUE_INFO_REST = unmodelledFields('ValueInfoProto', ['name', 'type', 'docString', 'metadataProps']);
const FUNCTION_REST = unmodelledFields('FunctionProto', [
  'name', 'input', 'output', 'attribute', 'attributeProto', 'node', 'docString', 'opsetImport',
  'domain', 'overload', 'valueInfo', 'metadataProps',
]);
const TENSOR_BASE = ['dims', 'dataType', 'name', 'docString', 'metadataProps'];
const TENSOR_REST = new Map<string, readonly string[]>(
  [[], ['rawData'], ['floatData'], ['int32Data'], ['int64Data'], ['doubleData'], ['uint64Data'], ['stringData'], ['dataLocation', 'externalData']].map(
    (fields) => [fields.join(), unmodelledFields('TensorProto', [...TENSOR_BASE, ...fields])],
  ),
);

/** AttributeProto field holding the value, by attribute type. */
export const ATTR_VALUE_FIELD: Readonly<Record<number, string>> = {
  [AttrType.FLOAT]: 'f',
  [AttrType.INT]: 'i',
  [AttrType.STRING]: 's',
  [AttrType.TENSOR]: 't',
  [AttrType.GRAPH]: 'g',
  [AttrType.SPARSE_TENSOR]: 'sparseTensor',
  [AttrType.TYPE_PROTO]: 'tp',
  [AttrType.FLOATS]: 'floats',
  [AttrType.INTS]: 'ints',
  [AttrType.STRINGS]: 'strings',
  [AttrType.TENSORS]: 'tensors',
  [AttrType.GRAPHS]: 'graphs',
  [AttrType.SPARSE_TENSORS]: 'sparseTensors',
  [AttrType.TYPE_PROTOS]: 'typeProtos',
};

const ATTR_REST = new Map<string, readonly string[]>(
  Object.values(ATTR_VALUE_FIELD).map((field) => [field, unmodelledFields('AttributeProto', ['name', 'type', 'docString', 'refAttrName', field])]),
);

/** What defined a name: a node, or the kind of graph-level definition. */
type Definer = Node | 'graph input' | 'initializer' | 'sparse initializer' | 'function input';

function describeDefiner(d: Definer, name: string): string {
  return typeof d === 'string' ? `${d} '${name}'` : `node ${d.describe()}`;
}

class Scope {
  readonly values = new Map<string, Value>();
  /** Who defined each name, for duplicate messages. */
  readonly definers = new Map<string, Definer>();
  constructor(readonly parent: Scope | undefined) {}

  lookup(name: string): Value | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const v = s.values.get(name);
      if (v) return v;
    }
    return undefined;
  }

  define(value: Value, definer: Definer): void {
    const previous = this.definers.get(value.name);
    if (previous !== undefined) {
      throw bad(`value '${value.name}' is defined twice: by ${describeDefiner(previous, value.name)} and by ${describeDefiner(definer, value.name)}`);
    }
    this.values.set(value.name, value);
    this.definers.set(value.name, definer);
  }
}

const utf8 = new TextDecoder();

class ModelDecoder {
  /** Values whose ValueInfoProto fields have been set from a first occurrence. */
  private readonly described = new Set<Value>();
  /** External data files checked so far: size, or null when missing. */
  private readonly externalFiles = new Map<string, number | null>();

  constructor(private readonly baseDir: string) {}

  model(p: onnx.ModelProto): Model {
    if (!p.graph) throw bad('the model has no graph');
    const graph = this.graph(p.graph, undefined);
    const model = new Model(graph, { irVersion: has(p, 'irVersion') ? longToBigInt(p.irVersion) : 0n, opsetImports: [] });
    const opsets = decodeOpsets(p.opsetImport);
    for (const [d, v] of opsets.pairs) model.opsetImports.set(d, v);
    if (has(p, 'producerName')) model.producerName = p.producerName;
    if (has(p, 'producerVersion')) model.producerVersion = p.producerVersion;
    if (has(p, 'domain')) model.domain = p.domain;
    if (has(p, 'modelVersion')) model.modelVersion = longToBigInt(p.modelVersion);
    if (has(p, 'docString')) model.docString = p.docString;
    model.metadataProps = entriesToPairs(p.metadataProps);
    let extra = notePresentDefaults(p, restOf(p, MODEL_REST), ['irVersion']);
    const keepMeta = entriesToKeep(p.metadataProps);
    if (keepMeta) (extra ??= {}).$metadataProps = keepMeta;
    if (opsets.keep) (extra ??= {}).$opsetImport = opsets.keep;
    model.functions = p.functions.map((f) => this.function(f));
    model.extra = extra;
    return model;
  }

  private function(fp: onnx.FunctionProto.$Properties): ModelFunction {
    const f = fp as onnx.FunctionProto;
    const scope = new Scope(undefined);
    const body = new Graph(f.name);
    for (const name of f.input) {
      const v = new Value(name);
      v.ownerGraph = body;
      body.inputs.push(v);
      if (name !== '') scope.define(v, 'function input');
    }
    const nodes = this.defineNodes(body, f.node, scope);
    body.valueInfos = f.valueInfo.map((vi, i) => this.valueInfoOccurrence(body, scope.values.get(vi.name ?? ''), vi, 'valueInfo', i));
    this.resolveNodes(body, f.node, nodes, scope);
    for (const name of f.output) {
      const v = scope.lookup(name);
      if (!v) throw bad(`function '${f.name}' output '${name}' names a value nothing defines`);
      body.outputs.push(v);
    }
    const opsets = decodeOpsets(f.opsetImport);
    let extra = notePresentDefaults(f, restOf(f, FUNCTION_REST), ['name', 'domain']);
    const keepMeta = entriesToKeep(f.metadataProps);
    if (keepMeta) (extra ??= {}).$metadataProps = keepMeta;
    if (opsets.keep) (extra ??= {}).$opsetImport = opsets.keep;
    return {
      name: f.name,
      domain: f.domain,
      overload: has(f, 'overload') ? f.overload : undefined,
      attributeNames: [...f.attribute],
      attributeProtos: [...f.attributeProto],
      opsetImports: new Map(opsets.pairs),
      body,
      docString: has(f, 'docString') ? f.docString : undefined,
      metadataProps: f.metadataProps.length ? entriesToPairs(f.metadataProps) : undefined,
      extra,
    };
  }

  graph(gp: onnx.GraphProto.$Properties, parent: Scope | undefined, parentNode?: Node): Graph {
    const p = gp as onnx.GraphProto;
    const g = new Graph(p.name);
    g.parentNode = parentNode;
    const scope = new Scope(parent);
    let extra = notePresentDefaults(p, restOf(p, GRAPH_REST), ['name']);
    if (has(p, 'docString')) g.docString = p.docString;
    if (p.metadataProps.length) g.metadataProps = entriesToPairs(p.metadataProps);
    const keepMeta = entriesToKeep(p.metadataProps);
    if (keepMeta) (extra ??= {}).$metadataProps = keepMeta;
    g.extra = extra;

    (p.input as onnx.ValueInfoProto[]).forEach((vi, i) => {
      const v = new Value(vi.name);
      v.ownerGraph = g;
      g.inputs.push(v);
      this.valueInfoOccurrence(g, v, vi, 'input', i);
      if (vi.name !== '') scope.define(v, 'graph input');
    });
    for (const tp of p.initializer as onnx.TensorProto[]) {
      const tensor = this.tensor(tp);
      const input = scope.values.get(tp.name);
      let v: Value;
      if (input && input.isGraphInput() && input.constValue === undefined && input.ownerGraph === g) {
        v = input; // IR < 4: an input with a default value
      } else {
        v = new Value(tp.name, { kind: 'tensor', elemType: tensor.dtype, shape: tensor.dims.map((d) => ({ value: d })) });
        scope.define(v, 'initializer');
      }
      v.constValue = tensor;
      g.registerInitializer(v);
    }
    for (const sp of p.sparseInitializer) {
      const name = sp.values?.name ?? '';
      const v = new Value(name);
      v.ownerGraph = g;
      scope.define(v, 'sparse initializer');
    }
    const nodes = this.defineNodes(g, p.node, scope);
    g.valueInfos = p.valueInfo.map((vi, i) => this.valueInfoOccurrence(g, scope.values.get(vi.name ?? ''), vi, 'valueInfo', i));
    this.resolveNodes(g, p.node, nodes, scope);
    (p.output as onnx.ValueInfoProto[]).forEach((vi, i) => {
      const v = scope.lookup(vi.name);
      if (!v) throw bad(`graph output '${vi.name}'${graphWhere(g)} names a value nothing defines`);
      this.valueInfoOccurrence(g, v, vi, 'output', i);
      g.outputs.push(v);
    });
    return g;
  }

  /** Creates the nodes of a graph and defines their outputs (inputs are resolved later). */
  private defineNodes(g: Graph, nodeProtos: readonly onnx.NodeProto.$Properties[], scope: Scope): Node[] {
    return (nodeProtos as onnx.NodeProto[]).map((p) => {
      const node = new Node(p.opType, [], p.output, {
        name: p.name,
        domain: p.domain,
        overload: has(p, 'overload') ? p.overload : undefined,
        docString: has(p, 'docString') ? p.docString : undefined,
        metadataProps: p.metadataProps.length ? entriesToPairs(p.metadataProps) : undefined,
      });
      let extra = notePresentDefaults(p, restOf(p, NODE_REST), ['name', 'opType', 'domain']);
      const keepMeta = entriesToKeep(p.metadataProps);
      if (keepMeta) (extra ??= {}).$metadataProps = keepMeta;
      node.extra = extra;
      node.graph = g;
      g.nodes.link(node, g.nodes.last());
      for (const out of node.outputs) {
        if (out.name !== '') scope.define(out, node);
      }
      return node;
    });
  }

  private resolveNodes(g: Graph, nodeProtos: readonly onnx.NodeProto.$Properties[], nodes: readonly Node[], scope: Scope): void {
    (nodeProtos as onnx.NodeProto[]).forEach((p, i) => {
      const node = nodes[i]!;
      for (const ap of p.attribute) {
        const a = this.attribute(ap, scope, node);
        node.attributes.set(a.name, a);
      }
      for (const name of p.input) {
        if (name === '') {
          node.appendInput(null);
          continue;
        }
        const v = scope.lookup(name);
        if (!v) throw bad(`node ${node.describe()}${graphWhere(g)} uses value '${name}' that nothing defines`);
        node.appendInput(v);
      }
    });
  }

  /** Applies one ValueInfoProto occurrence to `value` (undefined: a detached value is made). */
  private valueInfoOccurrence(
    g: Graph,
    value: Value | undefined,
    vip: onnx.ValueInfoProto.$Properties,
    slot: ValueInfoOverride['slot'],
    index: number,
  ): Value {
    const vi = vip as onnx.ValueInfoProto;
    const v = value ?? new Value(vi.name);
    if (!this.described.has(v)) {
      this.described.add(v);
      v.type = has(vi, 'type') && vi.type ? decodeType(vi.type) : undefined;
      v.docString = has(vi, 'docString') ? vi.docString : undefined;
      v.metadataProps = vi.metadataProps.length ? entriesToPairs(vi.metadataProps) : undefined;
      let extra = notePresentDefaults(vi, restOf(vi, VALUE_INFO_REST), ['name']);
      const keepMeta = entriesToKeep(vi.metadataProps);
      if (keepMeta) (extra ??= {}).$metadataProps = keepMeta;
      v.extra = extra;
      return v;
    }
    const base = valueInfoProto(v);
    if (!messagesEqual(vi, base)) {
      const overrides = ((g.extra ??= {}).$valueInfoOverrides ??= []) as ValueInfoOverride[];
      overrides.push({ slot, index, name: vi.name, proto: vi, base });
    }
    return v;
  }

  private attribute(ap: onnx.AttributeProto.$Properties, scope: Scope, node: Node): Attribute {
    const p = ap as onnx.AttributeProto;
    const typeKnown = has(p, 'type') && p.type !== 0;
    const type = typeKnown ? (p.type as number as AttrType) : inferAttrType(p);
    if (type === undefined) throw bad(`attribute '${p.name}' of node ${node.describe()} has no type`);
    const field = ATTR_VALUE_FIELD[type];
    if (field === undefined) throw bad(`attribute '${p.name}' of node ${node.describe()} has unknown type ${type}`);
    let extra = notePresentDefaults(p, restOf(p, ATTR_REST.get(field)!), ['name']);
    if (!typeKnown) {
      // The type was absent (IR v1) or UNDEFINED: write back what was there.
      (extra ??= {}).$type = has(p, 'type') ? p.type : null;
    }
    const present = has(p, field);
    if (!present && !isRepeatedAttrField(field)) (extra ??= {}).$noValue = true;
    const { value, raw } = this.attributeValue(p, type, scope, node);
    if (raw) (extra ??= {}).$rawStrings = raw;
    const a = { name: p.name, type, value } as Attribute;
    if (has(p, 'docString')) a.docString = p.docString;
    if (has(p, 'refAttrName')) a.refAttrName = p.refAttrName;
    if (extra) a.extra = extra;
    return a;
  }

  /** The value; `raw` holds the bytes of STRING/STRINGS values that are not valid UTF-8. */
  private attributeValue(p: onnx.AttributeProto, type: AttrType, scope: Scope, node: Node): { value: unknown; raw?: Uint8Array[] } {
    switch (type) {
      case AttrType.FLOAT:
        return { value: p.f };
      case AttrType.INT:
        return { value: longToBigInt(p.i) };
      case AttrType.STRING: {
        const s = utf8.decode(p.s);
        return utf8RoundTrips(s, p.s) ? { value: s } : { value: s, raw: [p.s] };
      }
      case AttrType.STRINGS: {
        const values = p.strings.map((b) => utf8.decode(b));
        return values.every((s, i) => utf8RoundTrips(s, p.strings[i]!)) ? { value: values } : { value: values, raw: [...p.strings] };
      }
      case AttrType.TENSOR:
        return { value: p.t ? this.tensor(p.t) : new Tensor(DataType.UNDEFINED, [], { kind: 'none' }) };
      case AttrType.GRAPH:
        return { value: p.g ? this.subgraph(p.g, scope, node) : new Graph() };
      case AttrType.SPARSE_TENSOR:
        return { value: { proto: p.sparseTensor ?? new onnx.SparseTensorProto() } };
      case AttrType.TYPE_PROTO:
        return { value: p.tp ? decodeType(p.tp) : { kind: 'other', proto: new onnx.TypeProto() } };
      case AttrType.FLOATS:
        return { value: [...p.floats] };
      case AttrType.INTS:
        return { value: p.ints.map((v) => longToBigInt(v)) };
      case AttrType.TENSORS:
        return { value: p.tensors.map((t) => this.tensor(t)) };
      case AttrType.GRAPHS:
        return { value: p.graphs.map((g) => this.subgraph(g, scope, node)) };
      case AttrType.SPARSE_TENSORS:
        return { value: p.sparseTensors.map((proto) => ({ proto })) };
      case AttrType.TYPE_PROTOS:
        return { value: p.typeProtos.map((t) => decodeType(t)) };
      default:
        throw bad(`attribute '${p.name}' of node ${node.describe()} has unknown type ${type as number}`);
    }
  }

  private subgraph(p: onnx.GraphProto.$Properties, scope: Scope, node: Node): Graph {
    return this.graph(p, scope, node);
  }

  tensor(tp: onnx.TensorProto.$Properties): Tensor {
    const p = tp as onnx.TensorProto;
    const dims = p.dims.map(longToNumber);
    const dtype = p.dataType as DataType;
    const { storage, fields } = this.storage(p);
    const t = new Tensor(dtype, dims, storage, {
      name: p.name,
      docString: has(p, 'docString') ? p.docString : undefined,
      metadataProps: p.metadataProps.length ? entriesToPairs(p.metadataProps) : undefined,
    });
    let extra = notePresentDefaults(p, restOf(p, TENSOR_REST.get(fields.join())!), ['name', 'dataType']);
    const keepMeta = entriesToKeep(p.metadataProps);
    if (keepMeta) (extra ??= {}).$metadataProps = keepMeta;
    checkExternalRef(t, this.externalFiles);
    const keepExternal = storage.kind === 'external' ? entriesToKeep(p.externalData) : undefined;
    if (keepExternal) (extra ??= {}).$externalData = keepExternal;
    t.extra = extra;
    return t;
  }

  private storage(p: onnx.TensorProto): { storage: TensorStorage; fields: string[] } {
    if (has(p, 'dataLocation') && p.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL) {
      const entries = entriesToPairs(p.externalData);
      return { storage: { kind: 'external', ref: { entries, baseDir: this.baseDir } }, fields: ['dataLocation', 'externalData'] };
    }
    if (has(p, 'rawData')) return { storage: { kind: 'raw', bytes: p.rawData }, fields: ['rawData'] };
    if (p.floatData.length) return { storage: { kind: 'floatData', values: p.floatData }, fields: ['floatData'] };
    if (p.int32Data.length) return { storage: { kind: 'int32Data', values: p.int32Data }, fields: ['int32Data'] };
    if (p.int64Data.length) {
      return { storage: { kind: 'int64Data', values: p.int64Data.map((v) => longToBigInt(v)) }, fields: ['int64Data'] };
    }
    if (p.doubleData.length) return { storage: { kind: 'doubleData', values: p.doubleData }, fields: ['doubleData'] };
    if (p.uint64Data.length) {
      return { storage: { kind: 'uint64Data', values: p.uint64Data.map((v) => longToBigInt(v, true)) }, fields: ['uint64Data'] };
    }
    if (p.stringData.length) return { storage: { kind: 'stringData', values: p.stringData }, fields: ['stringData'] };
    return { storage: { kind: 'none' }, fields: [] };
  }
}

/** ` in subgraph 'body'` for messages about subgraphs, '' for the main graph. */
function graphWhere(g: Graph): string {
  return g.parentNode ? ` in subgraph '${g.name}' of node ${g.parentNode.describe()}` : '';
}

function isRepeatedAttrField(field: string): boolean {
  return field.endsWith('s') && field !== 's';
}

function inferAttrType(p: onnx.AttributeProto): AttrType | undefined {
  for (const [type, field] of Object.entries(ATTR_VALUE_FIELD)) {
    const v = (p as unknown as AnyMessage)[field];
    if (has(p, field) && !(Array.isArray(v) && v.length === 0)) return Number(type) as AttrType;
  }
  return undefined;
}

function utf8RoundTrips(s: string, bytes: Uint8Array): boolean {
  const back = Buffer.from(s, 'utf8');
  return back.length === bytes.length && back.equals(bytes);
}

function decodeOpsets(protos: readonly onnx.OperatorSetIdProto.$Properties[]): {
  pairs: Array<[string, number]>;
  keep: onnx.OperatorSetIdProto[] | undefined;
} {
  const list = protos as onnx.OperatorSetIdProto[];
  const pairs = list.map((o): [string, number] => [o.domain, longToNumber(o.version)]);
  const canonical = list.every(
    (o) => has(o, 'domain') && has(o, 'version') && Object.keys(o).length === 2 && !(o as unknown as AnyMessage).$unknowns?.length,
  );
  const distinct = new Set(pairs.map(([d]) => d)).size === pairs.length;
  return { pairs, keep: canonical && distinct ? undefined : [...list] };
}

/** TypeProto -> ValueType: plain tensor types are modelled, anything else is kept as the proto. */
export function decodeType(typeProto: onnx.TypeProto.$Properties): ValueType {
  const tp = typeProto as onnx.TypeProto;
  const keys = Object.keys(tp).filter((k) => k !== 'denotation');
  if (keys.length !== 1 || keys[0] !== 'tensorType' || hasUnknowns(tp) || !tp.tensorType) return { kind: 'other', proto: tp };
  const tt = tp.tensorType;
  if (!has(tt, 'elemType') || hasUnknowns(tt) || Object.keys(tt).some((k) => k !== 'elemType' && k !== 'shape')) {
    return { kind: 'other', proto: tp };
  }
  let shape: Dim[] | undefined;
  if (has(tt, 'shape') && tt.shape) {
    const sh = tt.shape;
    if (hasUnknowns(sh) || Object.keys(sh).some((k) => k !== 'dim')) return { kind: 'other', proto: tp };
    shape = [];
    for (const d of sh.dim ?? []) {
      if (hasUnknowns(d) || Object.keys(d).some((k) => k !== 'dimValue' && k !== 'dimParam' && k !== 'denotation')) {
        return { kind: 'other', proto: tp };
      }
      const dim: Dim = {};
      if (has(d, 'dimValue') && d.dimValue != null) {
        const n = longToBigInt(d.dimValue);
        if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) return { kind: 'other', proto: tp };
        dim.value = Number(n);
      }
      if (has(d, 'dimParam') && d.dimParam != null) dim.param = d.dimParam;
      if (has(d, 'denotation') && d.denotation != null) dim.denotation = d.denotation;
      shape.push(dim);
    }
  }
  const t: ValueType = { kind: 'tensor', elemType: tt.elemType as DataType, shape };
  if (has(tp, 'denotation')) t.denotation = tp.denotation;
  return t;
}

function hasUnknowns(m: object): boolean {
  const u = (m as AnyMessage).$unknowns;
  return has(m, '$unknowns') && !!u && u.length > 0;
}
