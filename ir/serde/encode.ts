/**
 * IR -> protobufjs message tree (the mirror of decode.ts).
 *
 * No tensor data is copied here: raw_data fields are the tensors' own views; writer.ts turns the
 * tree into bytes without copying big fields either. Each message starts from its IR object's
 * `extra` (unmodelled fields, `$unknowns`, present-default markers; see proto.ts) and then gets
 * every modelled field that differs from its default, so unmodified objects write back as read
 * and objects built by passes write what they hold.
 */
import { Graph, Node, Value } from '../graph.js';
import type { Model, ModelFunction } from '../model.js';
import { Tensor } from '../tensor.js';
import { AttrType, type Attribute } from '../attribute.js';
import type { ValueType } from '../type.js';
import { onnx, applyExtra, bigIntToLong, pairsToEntries, samePairs, type Extra } from './proto.js';
import type { ValueInfoOverride } from './decode.js';
import { ChunkWriter, concatChunks } from './writer.js';
import { messagesEqual } from './equal.js';

export interface EncodeHooks {
  /**
   * Called for the TensorProto of every Tensor (initializers, tensor attributes); may change it
   * (external data). Tensors inside protos kept as they were read (sparse tensors, training info)
   * are not passed.
   */
  tensor?(tensor: Tensor, proto: onnx.TensorProto, isInitializer: boolean): onnx.TensorProto;
}

export function modelProto(model: Model, hooks: EncodeHooks = {}): onnx.ModelProto {
  const e = new Encoder(hooks);
  const m = applyExtra(new onnx.ModelProto(), model.extra);
  if (model.irVersion !== 0n) m.irVersion = bigIntToLong(model.irVersion);
  m.opsetImport = opsetProtos(model.opsetImports, model.extra);
  if (model.producerName !== undefined) m.producerName = model.producerName;
  if (model.producerVersion !== undefined) m.producerVersion = model.producerVersion;
  if (model.domain !== undefined) m.domain = model.domain;
  if (model.modelVersion !== undefined) m.modelVersion = bigIntToLong(model.modelVersion);
  if (model.docString !== undefined) m.docString = model.docString;
  m.graph = e.graph(model.graph);
  m.metadataProps = metadata(model.metadataProps, model.extra);
  m.functions = model.functions.map((f) => e.function(f));
  return m;
}

/** One Tensor -> TensorProto bytes. */
export function encodeTensor(t: Tensor): Uint8Array {
  const w = new ChunkWriter();
  onnx.TensorProto.encode(tensorProto(t), w);
  return concatChunks(w.chunks(), w.size);
}

export function valueInfoProto(v: Value): onnx.ValueInfoProto {
  const m = applyExtra(new onnx.ValueInfoProto(), v.extra);
  if (v.name !== '') m.name = v.name;
  if (v.type !== undefined) m.type = typeProto(v.type);
  if (v.docString !== undefined) m.docString = v.docString;
  m.metadataProps = metadata(v.metadataProps, v.extra);
  return m;
}

export function typeProto(t: ValueType): onnx.TypeProto {
  if (t.kind === 'other') return t.proto as onnx.TypeProto;
  const tt = new onnx.TypeProto.Tensor({ elemType: t.elemType });
  if (t.shape !== undefined) {
    tt.shape = new onnx.TensorShapeProto({
      dim: t.shape.map((d) => {
        const dim = new onnx.TensorShapeProto.Dimension();
        if (d.value !== undefined) dim.dimValue = d.value;
        if (d.param !== undefined) dim.dimParam = d.param;
        if (d.denotation !== undefined) dim.denotation = d.denotation;
        return dim;
      }),
    });
  }
  const m = new onnx.TypeProto({ tensorType: tt });
  if (t.denotation !== undefined) m.denotation = t.denotation;
  return m;
}

export function tensorProto(t: Tensor, name = t.name): onnx.TensorProto {
  const m = applyExtra(new onnx.TensorProto(), t.extra);
  m.dims = t.dims as number[];
  if (t.dtype !== 0) m.dataType = t.dtype;
  if (name !== '') m.name = name;
  if (t.docString !== undefined) m.docString = t.docString;
  m.metadataProps = metadata(t.metadataProps, t.extra);
  const s = t.storage;
  switch (s.kind) {
    case 'none':
      break;
    case 'raw':
      m.rawData = s.bytes;
      break;
    case 'floatData':
      m.floatData = s.values as number[];
      break;
    case 'int32Data':
      m.int32Data = s.values as number[];
      break;
    case 'doubleData':
      m.doubleData = s.values as number[];
      break;
    case 'int64Data':
      m.int64Data = s.values.map((v) => bigIntToLong(v));
      break;
    case 'uint64Data':
      m.uint64Data = s.values.map((v) => bigIntToLong(v, true));
      break;
    case 'stringData':
      m.stringData = s.values as Uint8Array[];
      break;
    case 'external':
      m.externalData = pairsToEntries(s.ref.entries, keptExternalEntries(t.extra));
      m.dataLocation = onnx.TensorProto.DataLocation.EXTERNAL;
      break;
  }
  return m;
}

function keptExternalEntries(extra: Extra | undefined): onnx.StringStringEntryProto.$Properties[] | undefined {
  return extra?.$externalData as onnx.StringStringEntryProto.$Properties[] | undefined;
}

class Encoder {
  constructor(private readonly hooks: EncodeHooks) {}

  function(f: ModelFunction): onnx.FunctionProto {
    const m = applyExtra(new onnx.FunctionProto(), f.extra);
    if (f.name !== '') m.name = f.name;
    if (f.domain !== '') m.domain = f.domain;
    if (f.overload !== undefined) m.overload = f.overload;
    m.input = f.body.inputs.map((v) => v.name);
    m.output = f.body.outputs.map((v) => v.name);
    m.attribute = [...f.attributeNames];
    m.attributeProto = f.attributeProtos as onnx.AttributeProto[];
    m.node = f.body.nodes.toArray().map((n) => this.node(n));
    if (f.docString !== undefined) m.docString = f.docString;
    m.opsetImport = opsetProtos(f.opsetImports, f.extra);
    m.valueInfo = valueInfos(f.body, 'valueInfo', f.body.valueInfos);
    m.metadataProps = metadata(f.metadataProps, f.extra);
    return m;
  }

  graph(g: Graph): onnx.GraphProto {
    const m = applyExtra(new onnx.GraphProto(), g.extra);
    m.node = g.nodes.toArray().map((n) => this.node(n));
    if (g.name !== '') m.name = g.name;
    m.initializer = [...g.initializers.values()].map((v) => {
      const t = v.constValue!;
      return this.tensor(t, v.name, true);
    });
    if (g.docString !== undefined) m.docString = g.docString;
    m.input = valueInfos(g, 'input', g.inputs);
    m.output = valueInfos(g, 'output', g.outputs);
    m.valueInfo = valueInfos(g, 'valueInfo', g.valueInfos);
    m.metadataProps = metadata(g.metadataProps, g.extra);
    return m;
  }

  private tensor(t: Tensor, name: string, isInitializer: boolean): onnx.TensorProto {
    const p = tensorProto(t, name);
    return this.hooks.tensor ? this.hooks.tensor(t, p, isInitializer) : p;
  }

  node(n: Node): onnx.NodeProto {
    const m = applyExtra(new onnx.NodeProto(), n.extra);
    m.input = n.inputs.map((v) => (v ? v.name : ''));
    m.output = n.outputs.map((v) => v.name);
    if (n.name !== '') m.name = n.name;
    if (n.opType !== '') m.opType = n.opType;
    if (n.domain !== '') m.domain = n.domain;
    if (n.overload !== undefined) m.overload = n.overload;
    m.attribute = [...n.attributes.values()].map((a) => this.attribute(a));
    if (n.docString !== undefined) m.docString = n.docString;
    m.metadataProps = metadata(n.metadataProps, n.extra);
    return m;
  }

  attribute(a: Attribute): onnx.AttributeProto {
    const m = applyExtra(new onnx.AttributeProto(), a.extra);
    if (a.name !== '') m.name = a.name;
    const keptType = a.extra && '$type' in a.extra ? (a.extra.$type as number | null) : undefined;
    if (keptType === undefined) m.type = a.type as number;
    else if (keptType !== null) m.type = keptType;
    if (a.docString !== undefined) m.docString = a.docString;
    if (a.refAttrName !== undefined) m.refAttrName = a.refAttrName;
    if (a.extra?.$noValue) return m;
    const raw = a.extra?.$rawStrings as Uint8Array[] | undefined;
    switch (a.type) {
      case AttrType.FLOAT:
        m.f = a.value;
        break;
      case AttrType.INT:
        m.i = bigIntToLong(a.value);
        break;
      case AttrType.STRING:
        m.s = raw?.[0] && utf8Decode(raw[0]) === a.value ? raw[0] : utf8Encode(a.value);
        break;
      case AttrType.TENSOR:
        m.t = this.tensor(a.value, a.value.name, false);
        break;
      case AttrType.GRAPH:
        m.g = this.graph(a.value);
        break;
      case AttrType.SPARSE_TENSOR:
        m.sparseTensor = a.value.proto as onnx.SparseTensorProto;
        break;
      case AttrType.TYPE_PROTO:
        m.tp = typeProto(a.value);
        break;
      case AttrType.FLOATS:
        m.floats = a.value;
        break;
      case AttrType.INTS:
        m.ints = a.value.map((v) => bigIntToLong(v));
        break;
      case AttrType.STRINGS:
        m.strings =
          raw && raw.length === a.value.length && raw.every((b, i) => utf8Decode(b) === a.value[i])
            ? raw
            : a.value.map(utf8Encode);
        break;
      case AttrType.TENSORS:
        m.tensors = a.value.map((t) => this.tensor(t, t.name, false));
        break;
      case AttrType.GRAPHS:
        m.graphs = a.value.map((g) => this.graph(g));
        break;
      case AttrType.SPARSE_TENSORS:
        m.sparseTensors = a.value.map((s) => s.proto as onnx.SparseTensorProto);
        break;
      case AttrType.TYPE_PROTOS:
        m.typeProtos = a.value.map(typeProto);
        break;
    }
    return m;
  }
}

function valueInfos(g: Graph, slot: ValueInfoOverride['slot'], values: readonly Value[]): onnx.ValueInfoProto[] {
  const overrides = g.extra?.$valueInfoOverrides as ValueInfoOverride[] | undefined;
  return values.map((v, index) => {
    const own = valueInfoProto(v);
    const o = overrides?.find((x) => x.slot === slot && x.index === index && x.name === v.name);
    return o && messagesEqual(own, o.base) ? o.proto : own;
  });
}

function metadata(pairs: ReadonlyArray<readonly [string, string]> | undefined, extra: Extra | undefined): onnx.StringStringEntryProto.$Properties[] {
  return pairsToEntries(pairs ?? [], extra?.$metadataProps as onnx.StringStringEntryProto.$Properties[] | undefined);
}

function opsetProtos(opsets: ReadonlyMap<string, number>, extra: Extra | undefined): onnx.OperatorSetIdProto[] {
  const kept = extra?.$opsetImport as onnx.OperatorSetIdProto[] | undefined;
  const pairs = [...opsets].map(([d, v]): [string, string] => [d, String(v)]);
  if (kept) {
    const keptMap = new Map<string, string>();
    for (const o of kept) keptMap.set(o.domain, String(o.version));
    if (samePairs([...keptMap], pairs)) return kept;
  }
  return [...opsets].map(([domain, version]) => new onnx.OperatorSetIdProto({ domain, version }));
}

const decoder = new TextDecoder();
function utf8Decode(b: Uint8Array): string {
  return decoder.decode(b);
}
function utf8Encode(s: string): Uint8Array {
  return Buffer.from(s, 'utf8');
}
