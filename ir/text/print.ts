/**
 * Prints a Model or Graph in the ONNX text syntax (onnx/docs/Syntax.md: what onnx.printer writes
 * and onnx.parser reads). parse.ts reads everything written here back.
 *
 *   <
 *      ir_version: 8,
 *      opset_import: ["" : 17, "com.microsoft" : 1],
 *      producer_name: "pytorch"
 *   >
 *   main_graph (float[1,3,640,640] images) => (float[1,25200,85] output0)
 *      <
 *         float[16,3,6,6] "model.0.conv.weight" = {... min -0.4102 max 0.3901 mean 0.001234 sha256 3fa2c1d4e5f6},
 *         int64[1] c = {2},
 *         float[1,16,320,320] "/model.0/conv/Conv_output_0"
 *      >
 *   {
 *      ["/model.0/conv/Conv"] x1 = Conv <group: int = 1, kernel_shape: ints = [6, 6]> (images, "model.0.conv.weight")
 *      y = If (cond) <then_branch: graph = then_g () => (y1) {
 *         y1 = Identity (x1)
 *      }, else_branch: graph = ...>
 *   }
 *
 * Layout (deterministic; a function of the IR only):
 * - Model header: ir_version and opset_import always, then producer_name, producer_version, domain,
 *   model_version, doc_string, metadata_props when set, as onnx.printer orders them.
 * - Graph: `name (inputs) => (outputs)` (function formals without types: a function's types are its
 *   value_info, printed in the list); then, when the graph has initializers or value_info, the
 *   list `<...>` with one entry per line (initializers first, in file order, then value_info), and
 *   `{` on its own line; otherwise ` {` ends the signature line. Nodes one per line, indented by 3
 *   per nesting level. Functions follow the main graph, each after a blank line.
 * - Names are bare when they are identifiers, else double-quoted (`\` and `"` escaped with `\`, as
 *   onnx.printer does). Names that are type words (`float`, `seq`, ...) or float words (`inf`,
 *   `nan`) are quoted too, so that they cannot read as a type or a number.
 * - Node: `[name] outs = domain.Op:overload <attrs> (ins)`; the `[name]` label only when the node has
 *   a name; absent optional inputs/outputs as `""`. A node with a graph attribute puts its attribute
 *   list after the inputs, as onnx.printer does. A domain that is not a dotted identifier is quoted
 *   (`"my-domain".Op`, an extension).
 * - Attributes always carry their type: `axis: int = 1`, `pads: ints = [1, 1]`, `alpha: float = 0.1`,
 *   `mode: string = "nearest"`, `value: tensor = float[2] {1, 2}`, `body: graph = g (...) => (...) {...}`,
 *   references in function bodies `alpha: float = @alpha`.
 * - Floats: the shortest decimal that reads back as the same float32 (double: float64); `inf`,
 *   `-inf`, `nan`, `-0.0`; integral values of 1e16 and more in exponent form (`1e+20`), so that no
 *   float reads as an out-of-range int64 literal. NaN payloads and the sign of NaN are not kept.
 *   float16/bfloat16/float8 elements print as their unsigned bit patterns (onnx.printer's form);
 *   int4/uint4/int2/uint2 as values; float4e2m1 as 4-bit codes; complex as interleaved real and
 *   imaginary parts; bool as 0/1; strings quoted (not valid UTF-8: replaced characters).
 *
 * Besides printModel/printGraph: printFunction, printNode (one node, no indentation), printTensor,
 * printAttribute and typeText print pieces in the same syntax (the differ uses them).
 * - Tensors with at most `maxInlineElements` elements (default 16) print their values inline:
 *   `int64[2] shape = {1, -1}`. Larger ones (and float6 types at any size) print an elided body
 *   `{... min -0.4102 max 0.3901 mean 0.001234 sha256 3fa2c1d4e5f6}`: the literal `...` right after
 *   `{` marks it, followed by min/max (exact for integers), mean (4 significant digits), `nan N` when
 *   there are NaNs, and the first 12 hex digits of the SHA-256 of the raw little-endian bytes. It
 *   cannot be read as data: parseModel rejects it unless called with `{ elidedTensors: 'zeros' }`.
 *   Tensors whose data is external print the reference as onnx does (`= ["location": "w.bin", ...]`,
 *   with `=` also in tensor attributes) without reading the file; a tensor with no data prints `{}`.
 *
 * Extension (onnx.printer has no form for these): annotation comments `#@ <kind> <json>`. onnx.parser
 * skips them as comments; parse.ts reads them. The JSON object holds only the fields that are set,
 * in this order: "name" (value/initializer kinds), "doc_string", "metadata_props" (array of
 * [key, value]), "attribute_doc_strings" (node kind: object attribute name -> doc string).
 *   #@ graph {...}        first lines of a graph body: the graph's doc_string/metadata_props (in a
 *                         function body: the function's metadata_props)
 *   #@ value {...}        after those: doc_string/metadata_props of the named value (ValueInfoProto)
 *   #@ initializer {...}  after those: doc_string/metadata_props of the named initializer's tensor
 *   #@ node {...}         the line before a node: that node's doc_string/metadata_props and its
 *                         attributes' doc strings
 *
 * Not printed (the text is a view, not a container): `extra` fields, which TensorProto field held the
 * data, dim and type denotations, doc strings of attribute tensors, sparse tensor attributes (printed
 * as an elided `{...}`), function attribute defaults of tensor/graph type.
 */
import { AttrType, type Attribute } from '../attribute.js';
import { DataType, dataTypeName } from '../dtype.js';
import type { Graph, Node, Value } from '../graph.js';
import type { Model, ModelFunction } from '../model.js';
import type { Tensor } from '../tensor.js';
import type { ValueType } from '../type.js';
import {
  ATTR_TYPE_NAMES,
  INDENT,
  elementLiterals,
  formatFloat32,
  formatName,
  isIdentifier,
  quote,
  tensorSummary,
  tensorTypeText,
} from './syntax.js';

export interface PrintOptions {
  /** Tensors with at most this many elements print their values; larger ones a summary. Default 16. */
  maxInlineElements?: number;
}

export function printModel(model: Model, options: PrintOptions = {}): string {
  return new Printer(options).model(model);
}

export function printGraph(graph: Graph, options: PrintOptions = {}): string {
  return new Printer(options).graph(graph, '') + '\n';
}

/** A model-local function: its `<domain, opset_import>` header, signature and body. */
export function printFunction(fn: ModelFunction, options: PrintOptions = {}): string {
  return new Printer(options).function(fn) + '\n';
}

/** One node as a single line (subgraph attributes make it several), without indentation. */
export function printNode(node: Node, options: PrintOptions = {}): string {
  return new Printer(options).node(node, '');
}

/** A tensor as `float[2] {1, 2}` (or its elided summary form), with its name when `named` and it has one. */
export function printTensor(tensor: Tensor, options: PrintOptions & { named?: boolean } = {}): string {
  return new Printer(options).tensorConstant(tensor, options.named === false ? '' : tensor.name);
}

/** An attribute as `name: type = value`. */
export function printAttribute(attr: Attribute, options: PrintOptions = {}): string {
  return new Printer(options).attribute(attr, '');
}

class Printer {
  private readonly maxInline: number;

  constructor(options: PrintOptions) {
    const max = options.maxInlineElements ?? 16;
    if (!(Number.isInteger(max) || max === Infinity) || max < 0) {
      throw new RangeError(`maxInlineElements must be a non-negative integer, got ${max}`);
    }
    this.maxInline = max;
  }

  model(m: Model): string {
    const fields = [`ir_version: ${m.irVersion}`, `opset_import: ${opsetText(m.opsetImports)}`];
    if (m.producerName !== undefined) fields.push(`producer_name: ${quote(m.producerName)}`);
    if (m.producerVersion !== undefined) fields.push(`producer_version: ${quote(m.producerVersion)}`);
    if (m.domain !== undefined) fields.push(`domain: ${quote(m.domain)}`);
    if (m.modelVersion !== undefined) fields.push(`model_version: ${m.modelVersion}`);
    if (m.docString !== undefined) fields.push(`doc_string: ${quote(m.docString)}`);
    if (m.metadataProps.length > 0) fields.push(`metadata_props: ${propsText(m.metadataProps)}`);
    let out = `<\n${fields.map((f) => INDENT + f).join(',\n')}\n>\n${this.graph(m.graph, '')}\n`;
    for (const fn of m.functions) out += `\n${this.function(fn)}\n`;
    return out;
  }

  function(fn: ModelFunction): string {
    const fields = [`domain: ${quote(fn.domain)}`];
    if (fn.overload) fields.push(`overload: ${quote(fn.overload)}`);
    fields.push(`opset_import: ${opsetText(fn.opsetImports)}`);
    if (fn.docString !== undefined) fields.push(`doc_string: ${quote(fn.docString)}`);
    const attrs = [...fn.attributeNames.map(formatName), ...fn.attributeProtos.map(attributeProtoText)];
    const attrList = attrs.length > 0 ? ` <${attrs.join(', ')}>` : '';
    const header = `<\n${fields.map((f) => INDENT + f).join(',\n')}\n>\n`;
    return header + this.graph(fn.body, '', { name: fn.name, attrList, metadataProps: fn.metadataProps, isFunction: true });
  }

  /** A graph whose signature starts at the current column and whose body is indented from `indent`. */
  graph(
    g: Graph,
    indent: string,
    fn?: { name: string; attrList: string; metadataProps: Array<[string, string]> | undefined; isFunction: true },
  ): string {
    const inner = indent + INDENT;
    // Function formals are names; their types live in the function's value_info (as in FunctionProto).
    const formal = fn ? (v: Value): string => formatName(v.name) : valueInfoText;
    const signature =
      `${formatName(fn ? fn.name : g.name)}${fn ? fn.attrList : ''} ` + `(${g.inputs.map(formal).join(', ')}) => (${g.outputs.map(formal).join(', ')})`;
    const entries: string[] = [];
    for (const v of g.initializers.values()) {
      if (v.constValue) entries.push(`${this.tensorConstant(v.constValue, v.name, true)}`);
    }
    for (const v of g.valueInfos) entries.push(valueInfoText(v));
    let out = signature;
    if (entries.length > 0) {
      const list = entries.map((e) => inner + INDENT + e).join(',\n');
      out += `\n${inner}<\n${list}\n${inner}>\n${indent}{`;
    } else {
      out += ' {';
    }
    const lines = this.annotations(g, fn?.metadataProps, fn !== undefined).map((a) => inner + a);
    for (const node of g.nodes) {
      const note = nodeAnnotation(node);
      if (note) lines.push(inner + note);
      lines.push(this.node(node, inner));
    }
    return `${out}\n${lines.map((l) => l + '\n').join('')}${indent}}`;
  }

  node(node: Node, indent: string): string {
    const label = node.name !== '' ? `[${formatName(node.name)}] ` : '';
    const outs = node.outputs.map((v) => formatName(v.name)).join(', ');
    const op = (node.domain !== '' ? `${domainText(node.domain)}.` : '') + node.opType + (node.overload ? `:${node.overload}` : '');
    const ins = node.inputs.map((v) => formatName(v ? v.name : '')).join(', ');
    const attrs = [...node.attributes.values()];
    const attrText = attrs.length > 0 ? ` <${attrs.map((a) => this.attribute(a, indent)).join(', ')}>` : '';
    const hasGraph = attrs.some((a) => a.type === AttrType.GRAPH || a.type === AttrType.GRAPHS);
    const head = `${indent}${label}${outs}${outs !== '' ? ' ' : ''}= ${op}`;
    return hasGraph ? `${head} (${ins})${attrText}` : `${head}${attrText} (${ins})`;
  }

  attribute(a: Attribute, indent: string): string {
    const name = isIdentifier(a.name) ? a.name : quote(a.name);
    const head = `${name}: ${ATTR_TYPE_NAMES[a.type]} = `;
    if (a.refAttrName !== undefined) return `${head}@${a.refAttrName}`;
    switch (a.type) {
      case AttrType.FLOAT:
        return head + formatFloat32(a.value);
      case AttrType.INT:
        return head + String(a.value);
      case AttrType.STRING:
        return head + quote(a.value);
      case AttrType.FLOATS:
        return head + `[${a.value.map(formatFloat32).join(', ')}]`;
      case AttrType.INTS:
        return head + `[${a.value.map(String).join(', ')}]`;
      case AttrType.STRINGS:
        return head + `[${a.value.map(quote).join(', ')}]`;
      case AttrType.TENSOR:
        return head + this.tensorConstant(a.value, a.value.name);
      case AttrType.TENSORS:
        return head + `[${a.value.map((t) => this.tensorConstant(t, t.name)).join(', ')}]`;
      case AttrType.GRAPH:
        return head + this.graph(a.value, indent);
      case AttrType.GRAPHS:
        return head + `[${a.value.map((g) => this.graph(g, indent)).join(', ')}]`;
      case AttrType.TYPE_PROTO:
        return head + typeText(a.value);
      case AttrType.TYPE_PROTOS:
        return head + `[${a.value.map(typeText).join(', ')}]`;
      case AttrType.SPARSE_TENSOR:
      case AttrType.SPARSE_TENSORS:
        return head + '{...}';
    }
  }

  /** `float[2] name = {1, 2}` for initializers, `float[2] name {1, 2}` for tensor constants. */
  tensorConstant(t: Tensor, name: string, initializer = false): string {
    const label = name !== '' || initializer ? ` ${formatName(name)}` : '';
    const eq = initializer || t.storage.kind === 'external' ? ' =' : '';
    return `${tensorTypeText(t)}${label}${eq} ${this.tensorBody(t)}`;
  }

  private tensorBody(t: Tensor): string {
    const s = t.storage;
    if (s.kind === 'external') return propsText(s.ref.entries);
    if (s.kind === 'none') return '{}';
    const literals = t.size <= this.maxInline ? elementLiterals(t) : undefined;
    if (literals) return `{${literals.join(', ')}}`;
    return `{... ${tensorSummary(t)}}`;
  }

  private annotations(g: Graph, fnMetadata: Array<[string, string]> | undefined, isFunction: boolean): string[] {
    const out: string[] = [];
    const graphNote = isFunction ? noteJson({ metadataProps: fnMetadata }) : noteJson(g);
    if (graphNote) out.push(`#@ graph ${graphNote}`);
    const seen = new Set<Value>();
    const values: Value[] = [...g.inputs, ...g.initializers.values()];
    for (const n of g.nodes) values.push(...n.outputs);
    // value_info entries for values no node produces belong here too; outer values are annotated outside.
    values.push(...g.valueInfos.filter((v) => v.graph() === undefined || v.graph() === g));
    for (const v of values) {
      if (seen.has(v)) continue;
      seen.add(v);
      const note = noteJson(v, v.name);
      if (note) out.push(`#@ value ${note}`);
    }
    for (const v of g.initializers.values()) {
      const note = v.constValue ? noteJson(v.constValue, v.name) : undefined;
      if (note) out.push(`#@ initializer ${note}`);
    }
    return out;
  }
}

interface Documented {
  docString?: string | undefined;
  metadataProps?: Array<[string, string]> | undefined;
}

function noteJson(x: Documented, name?: string, attributeDocs?: Record<string, string>): string | undefined {
  const note: Record<string, unknown> = {};
  if (name !== undefined) note['name'] = name;
  if (x.docString !== undefined) note['doc_string'] = x.docString;
  if (x.metadataProps && x.metadataProps.length > 0) note['metadata_props'] = x.metadataProps;
  if (attributeDocs && Object.keys(attributeDocs).length > 0) note['attribute_doc_strings'] = attributeDocs;
  return Object.keys(note).length > (name !== undefined ? 1 : 0) ? JSON.stringify(note) : undefined;
}

function nodeAnnotation(node: Node): string | undefined {
  const attributeDocs: Record<string, string> = {};
  for (const a of node.attributes.values()) if (a.docString !== undefined) attributeDocs[a.name] = a.docString;
  const note = noteJson(node, undefined, attributeDocs);
  return note ? `#@ node ${note}` : undefined;
}

function valueInfoText(v: Value): string {
  return v.type === undefined ? formatName(v.name) : `${typeText(v.type)} ${formatName(v.name)}`;
}

function opsetText(opsets: ReadonlyMap<string, number>): string {
  return `[${[...opsets].map(([d, v]) => `${quote(d)} : ${v}`).join(', ')}]`;
}

function propsText(props: ReadonlyArray<readonly [string, string]>): string {
  return `[${props.map(([k, v]) => `${quote(k)}: ${quote(v)}`).join(', ')}]`;
}

function domainText(domain: string): string {
  return domain.split('.').every(isIdentifier) ? domain : quote(domain);
}

function dimText(d: { value?: number; param?: string }): string {
  if (d.value !== undefined) return String(d.value);
  if (d.param !== undefined) return formatName(d.param);
  return '?';
}

/** `float[1,3,N,?]`, `float` (scalar), `float[]` (rank unknown), `seq(float[2])`, ... */
export function typeText(type: ValueType | undefined): string {
  if (type === undefined) return '';
  if (type.kind === 'tensor') {
    const elem = dataTypeName(type.elemType);
    if (type.shape === undefined) return `${elem}[]`;
    return type.shape.length > 0 ? `${elem}[${type.shape.map(dimText).join(',')}]` : elem;
  }
  return typeProtoText(type.proto);
}

// --- decoded TypeProto / AttributeProto objects (protobufjs messages or plain objects) ---

function field(o: unknown, key: string): unknown {
  if (o === null || typeof o !== 'object') return undefined;
  const v = (o as Record<string, unknown>)[key];
  return v === null ? undefined : v;
}

/** An own (explicitly set) field; protobufjs keeps defaults on the prototype. */
function ownField(o: unknown, key: string): unknown {
  if (o === null || typeof o !== 'object' || !Object.prototype.hasOwnProperty.call(o, key)) return undefined;
  const v = (o as Record<string, unknown>)[key];
  return v === null ? undefined : v;
}

/** int64 fields arrive as number, bigint, string or Long. */
export function protoInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  if (v === undefined || v === null) return 0n;
  return BigInt(String(v));
}

function shapeProtoText(shape: unknown): string {
  if (shape === undefined) return '[]';
  const dims = (field(shape, 'dim') as unknown[] | undefined) ?? [];
  if (dims.length === 0) return '';
  const text = dims.map((d) => {
    const value = ownField(d, 'dimValue');
    const param = ownField(d, 'dimParam');
    if (value !== undefined) return String(protoInt(value));
    if (typeof param === 'string') return formatName(param);
    return '?';
  });
  return `[${text.join(',')}]`;
}

function typeProtoText(p: unknown): string {
  const tensor = field(p, 'tensorType');
  if (tensor !== undefined) {
    return dataTypeName(Number(field(tensor, 'elemType') ?? 0) as DataType) + shapeProtoText(field(tensor, 'shape'));
  }
  const seq = field(p, 'sequenceType');
  if (seq !== undefined) return `seq(${typeProtoText(field(seq, 'elemType'))})`;
  const map = field(p, 'mapType');
  if (map !== undefined) {
    return `map(${dataTypeName(Number(field(map, 'keyType') ?? 0) as DataType)}, ${typeProtoText(field(map, 'valueType'))})`;
  }
  const opt = field(p, 'optionalType');
  if (opt !== undefined) return `optional(${typeProtoText(field(opt, 'elemType'))})`;
  const sparse = field(p, 'sparseTensorType');
  if (sparse !== undefined) {
    return `sparse_tensor(${dataTypeName(Number(field(sparse, 'elemType') ?? 0) as DataType)}${shapeProtoText(field(sparse, 'shape'))})`;
  }
  const opaque = field(p, 'opaqueType');
  if (opaque !== undefined) {
    const domain = String(field(opaque, 'domain') ?? '');
    const name = String(field(opaque, 'name') ?? '');
    return `opaque(${domain !== '' ? `${domain},` : ''}${name})`;
  }
  return 'undefined[]';
}

const textDecoder = new TextDecoder();

function protoString(v: unknown): string {
  if (v instanceof Uint8Array) return textDecoder.decode(v);
  return typeof v === 'string' ? v : '';
}

/** A function attribute with a default value (a decoded AttributeProto): `beta: float = 0.5`. */
function attributeProtoText(p: unknown): string {
  const name = String(field(p, 'name') ?? '');
  const type = Number(field(p, 'type') ?? 0) as AttrType;
  const head = `${isIdentifier(name) ? name : quote(name)}: ${ATTR_TYPE_NAMES[type] ?? 'undefined'} = `;
  const list = (key: string): unknown[] => (field(p, key) as unknown[] | undefined) ?? [];
  switch (type) {
    case AttrType.INT:
      return head + String(protoInt(field(p, 'i')));
    case AttrType.FLOAT:
      return head + formatFloat32(Number(field(p, 'f') ?? 0));
    case AttrType.STRING:
      return head + quote(protoString(field(p, 's')));
    case AttrType.INTS:
      return head + `[${list('ints').map((v) => String(protoInt(v))).join(', ')}]`;
    case AttrType.FLOATS:
      return head + `[${list('floats').map((v) => formatFloat32(Number(v))).join(', ')}]`;
    case AttrType.STRINGS:
      return head + `[${list('strings').map((v) => quote(protoString(v))).join(', ')}]`;
    default:
      return isIdentifier(name) ? name : quote(name);
  }
}
