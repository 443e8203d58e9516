/**
 * A structural copy of a model without subgraphs or functions (what this frontend builds), so
 * that `toDeployForm` leaves its input alone. Tensors are new objects over the same storage:
 * tensors are never written in place (ir/tensor.ts), so sharing their bytes is safe, and copying
 * 86M parameters would cost more than the rest of the conversion.
 */
import { AttrType, type Attribute } from '../../ir/attribute.js';
import { Graph, Node, Value } from '../../ir/graph.js';
import { Model } from '../../ir/model.js';
import { Tensor } from '../../ir/tensor.js';
import type { ValueType } from '../../ir/type.js';

function copyTensor(t: Tensor): Tensor {
  const copy = new Tensor(t.dtype, t.dims, t.storage, { name: t.name, docString: t.docString, metadataProps: t.metadataProps?.map(([k, v]) => [k, v]) });
  copy.extra = t.extra;
  return copy;
}

function copyType(t: ValueType | undefined): ValueType | undefined {
  if (t === undefined || t.kind === 'other') return t;
  return { ...t, shape: t.shape?.map((d) => ({ ...d })) };
}

function copyValueFields(from: Value, to: Value): void {
  to.type = copyType(from.type);
  to.docString = from.docString;
  to.metadataProps = from.metadataProps?.map(([k, v]) => [k, v]);
  to.extra = from.extra;
}

function copyAttribute(a: Attribute): Attribute {
  if (a.type === AttrType.GRAPH || a.type === AttrType.GRAPHS) throw new Error(`cloneModel: attribute '${a.name}' holds a subgraph`);
  if (a.type === AttrType.TENSOR) return { ...a, value: copyTensor(a.value) };
  if (a.type === AttrType.TENSORS) return { ...a, value: a.value.map(copyTensor) };
  if (Array.isArray(a.value)) return { ...a, value: [...a.value] } as Attribute;
  return { ...a };
}

export function cloneModel(model: Model): Model {
  if (model.functions.length > 0) throw new Error('cloneModel: models with functions are not supported');
  const src = model.graph;
  const graph = new Graph(src.name);
  graph.docString = src.docString;
  graph.metadataProps = src.metadataProps?.map(([k, v]) => [k, v]);
  graph.extra = src.extra;
  const map = new Map<Value, Value>();
  for (const v of src.inputs) {
    const c = new Value(v.name);
    copyValueFields(v, c);
    graph.addInput(c);
    map.set(v, c);
  }
  for (const v of src.initializers.values()) {
    if (map.has(v)) continue;
    const c = graph.addInitializer(copyTensor(v.constValue!), v.name);
    copyValueFields(v, c);
    map.set(v, c);
  }
  for (const node of src.nodes) {
    const inputs = node.inputs.map((v) => {
      if (v === null) return null;
      const c = map.get(v);
      if (!c) throw new Error(`cloneModel: ${node.describe()} reads '${v.name}' before it is defined`);
      return c;
    });
    const copy = new Node(
      node.opType,
      inputs,
      node.outputs.map((v) => v.name),
      {
        name: node.name,
        domain: node.domain,
        overload: node.overload,
        docString: node.docString,
        metadataProps: node.metadataProps?.map(([k, v]) => [k, v]),
        attributes: [...node.attributes.values()].map(copyAttribute),
      },
    );
    copy.extra = node.extra;
    graph.append(copy);
    node.outputs.forEach((v, i) => {
      copyValueFields(v, copy.outputs[i]!);
      map.set(v, copy.outputs[i]!);
    });
  }
  graph.outputs = src.outputs.map((v) => {
    const c = map.get(v);
    if (!c) throw new Error(`cloneModel: graph output '${v.name}' is not defined`);
    return c;
  });
  graph.valueInfos = src.valueInfos.flatMap((v) => {
    const c = map.get(v);
    return c ? [c] : [];
  });
  const copy = new Model(graph, { irVersion: model.irVersion, opsetImports: [...model.opsetImports] });
  copy.producerName = model.producerName;
  copy.producerVersion = model.producerVersion;
  copy.domain = model.domain;
  copy.modelVersion = model.modelVersion;
  copy.docString = model.docString;
  copy.metadataProps = model.metadataProps.map(([k, v]) => [k, v]);
  copy.extra = model.extra;
  return copy;
}
