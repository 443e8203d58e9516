/**
 * Structural diff of two models (`ylc diff a.onnx b.onnx`), and unified diffs of printed IR.
 *
 * diffModels writes one line per difference, `+` added, `-` removed, `~` changed, in this order:
 * model header (ir_version, opset_import, producer/domain/version/doc fields, metadata_props),
 * then per graph: name, inputs, outputs, initializers, value_info, nodes; then functions. Lines of a
 * subgraph start with the path to it (`If 'cond'/then_branch: `). Examples:
 *
 *   ~ opset_import "": 17 -> 18
 *   ~ input images: float[1,3,640,640] -> float[1,3,320,320]
 *   ~ initializer w: float[4]: 2 of 4 values differ, max abs diff 0.5
 *   ~ initializer b: float[16] {... min ...} -> float[8] {... min ...}
 *   ~ initializer c: float[100000,100000,100]: data missing -> 4 of 4000000000000 bytes
 *   - node Relu 'r1': r = Relu (x)
 *   ~ node Conv 'c': attribute group: int = 1 -> int = 2
 *   ~ node Conv 'c': input 1: w -> w2
 *
 * Nodes match by name when the name is unique in both graphs; the rest match by op type and
 * position (the k-th unmatched Conv of one graph with the k-th unmatched Conv of the other).
 * Values are compared by name. Doc strings of nodes/values and `extra` fields are not compared.
 * Tensors compare the data they hold: one whose data does not fill its dims (a broken file) differs
 * from one that does, and two such tensors are equal when they store the same bytes or values.
 * The result is '' when the models are structurally equal.
 */
import { createTwoFilesPatch } from 'diff';
import { AttrType, type Attribute } from '../attribute.js';
import { DataType, dataTypeBits, rawByteLength } from '../dtype.js';
import type { Graph, Node, Value } from '../graph.js';
import type { Model, ModelFunction } from '../model.js';
import type { Tensor } from '../tensor.js';
import { printAttribute, printTensor, typeText } from './print.js';
import { formatName, literalCount, numericValues, quote, tensorTypeText } from './syntax.js';

export function diffModels(a: Model, b: Model): string {
  const out: string[] = [];
  const change = (what: string, x: string, y: string): void => {
    if (x !== y) out.push(`~ ${what}: ${x} -> ${y}`);
  };
  change('ir_version', String(a.irVersion), String(b.irVersion));
  diffMaps(out, 'opset_import', a.opsetImports, b.opsetImports, (v) => String(v));
  change('producer_name', optString(a.producerName), optString(b.producerName));
  change('producer_version', optString(a.producerVersion), optString(b.producerVersion));
  change('domain', optString(a.domain), optString(b.domain));
  change('model_version', a.modelVersion === undefined ? '(none)' : String(a.modelVersion), b.modelVersion === undefined ? '(none)' : String(b.modelVersion));
  change('doc_string', optString(a.docString), optString(b.docString));
  diffMaps(out, 'metadata_props', new Map(a.metadataProps), new Map(b.metadataProps), quote);
  diffGraphs(out, '', a.graph, b.graph);
  diffFunctions(out, a.functions, b.functions);
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

/**
 * A unified diff of two printed IRs (`--- before` / `+++ after` headers, 3 lines of context), with
 * no timestamps or index lines so that golden files stay stable; '' when the texts are equal.
 */
export function unifiedDiff(beforeText: string, afterText: string, labels: { before: string; after: string } = { before: 'before', after: 'after' }): string {
  if (beforeText === afterText) return '';
  const patch = createTwoFilesPatch(labels.before, labels.after, beforeText, afterText, undefined, undefined, { context: 3 });
  return patch.replace(/^=+\n/, '');
}

function optString(s: string | undefined): string {
  if (s === undefined) return '(none)';
  return quote(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

function diffMaps<V>(
  out: string[],
  what: string,
  a: ReadonlyMap<string, V>,
  b: ReadonlyMap<string, V>,
  show: (v: V) => string,
  key: (k: string) => string = quote,
): void {
  for (const [k, v] of a) {
    if (!b.has(k)) out.push(`- ${what} ${key(k)}: ${show(v)}`);
    else if (show(b.get(k)!) !== show(v)) out.push(`~ ${what} ${key(k)}: ${show(v)} -> ${show(b.get(k)!)}`);
  }
  for (const [k, v] of b) if (!a.has(k)) out.push(`+ ${what} ${key(k)}: ${show(v)}`);
}

function valueList(values: readonly Value[]): string {
  return `(${values.map((v) => formatName(v.name)).join(', ')})`;
}

function typeOf(v: Value): string {
  return typeText(v.type) || '(no type)';
}

function diffValues(out: string[], p: string, what: string, a: readonly Value[], b: readonly Value[]): void {
  const byName = (vs: readonly Value[]): Map<string, Value> => new Map(vs.map((v) => [v.name, v]));
  const am = byName(a);
  const bm = byName(b);
  for (const v of a) {
    const w = bm.get(v.name);
    if (!w) out.push(`- ${p}${what} ${formatName(v.name)}: ${typeOf(v)}`);
    else if (typeOf(v) !== typeOf(w)) out.push(`~ ${p}${what} ${formatName(v.name)}: ${typeOf(v)} -> ${typeOf(w)}`);
  }
  for (const w of b) if (!am.has(w.name)) out.push(`+ ${p}${what} ${formatName(w.name)}: ${typeOf(w)}`);
  const common = (xs: readonly Value[], other: Map<string, Value>): string[] => xs.filter((v) => other.has(v.name)).map((v) => v.name);
  const ao = common(a, bm);
  const bo = common(b, am);
  if (ao.join('\0') !== bo.join('\0')) out.push(`~ ${p}${what}s order: ${valueList(a)} -> ${valueList(b)}`);
}

function diffGraphs(out: string[], p: string, a: Graph, b: Graph): void {
  if (a.name !== b.name) out.push(`~ ${p}graph name: ${formatName(a.name)} -> ${formatName(b.name)}`);
  diffValues(out, p, 'input', a.inputs, b.inputs);
  diffValues(out, p, 'output', a.outputs, b.outputs);
  for (const [name, v] of a.initializers) {
    const w = b.initializers.get(name);
    if (!w) out.push(`- ${p}initializer ${formatName(name)}: ${tensorText(v.constValue)}`);
    else {
      const d = tensorDifference(v.constValue, w.constValue);
      if (d) out.push(`~ ${p}initializer ${formatName(name)}: ${d}`);
    }
  }
  for (const [name, w] of b.initializers) {
    if (!a.initializers.has(name)) out.push(`+ ${p}initializer ${formatName(name)}: ${tensorText(w.constValue)}`);
  }
  const infos = (g: Graph): Map<string, Value> => new Map(g.valueInfos.map((v) => [v.name, v]));
  diffMaps(out, `${p}value_info`, infos(a), infos(b), typeOf, formatName);
  diffNodes(out, p, a, b);
}

function tensorText(t: Tensor | undefined): string {
  return t ? printTensor(t, { maxInlineElements: 16, named: false }) : '(no value)';
}

/** Why two tensors differ, or undefined when they hold the same type, shape and values. */
function tensorDifference(x: Tensor | undefined, y: Tensor | undefined): string | undefined {
  if (!x || !y) return x === y ? undefined : `${tensorText(x)} -> ${tensorText(y)}`;
  const tx = tensorTypeText(x);
  const ty = tensorTypeText(y);
  if (tx !== ty) return `${tensorText(x)} -> ${tensorText(y)}`;
  if (x.storage.kind === 'external' && y.storage.kind === 'external') {
    const ex = JSON.stringify(x.storage.ref.entries);
    if (ex === JSON.stringify(y.storage.ref.entries) && x.storage.ref.baseDir === y.storage.ref.baseDir) return undefined;
  }
  // A tensor may declare far more elements than it holds (dims [100000,100000,100] with empty
  // raw_data): compare what is there, never loop over or materialize the declared size.
  const hx = incompleteData(x);
  const hy = incompleteData(y);
  if (hx !== hy) return `${tx}: data ${hx ?? 'complete'} -> ${hy ?? 'complete'}`;
  if (hx !== undefined) return sameStoredData(x, y) ? undefined : `${tx}: data ${hx} in both, and what is there differs`;
  const { count, maxAbs } = countDifferences(x, y);
  if (count === 0) return undefined;
  return `${tx}: ${count} of ${x.size} values differ${maxAbs !== undefined ? `, max abs diff ${formatStat(maxAbs)}` : ''}`;
}

/**
 * What a tensor holds when it is not what its dims call for (`missing`, `4 of 432 bytes`, `1 of 6
 * values`, `2 of 3 strings`); undefined when it holds exactly that, or for element types of
 * unknown width.
 */
function incompleteData(t: Tensor): string | undefined {
  const s = t.storage;
  const held = (n: number, wanted: number, unit: string): string | undefined =>
    n === wanted ? undefined : n === 0 ? 'missing' : `${n} of ${wanted} ${unit}`;
  if (t.dtype === DataType.STRING) return held(s.kind === 'stringData' ? s.values.length : 0, t.size, 'strings');
  const bits = dataTypeBits(t.dtype);
  if (bits === 0) return undefined;
  switch (s.kind) {
    case 'none':
      return held(0, t.size, 'values');
    case 'stringData':
      return held(s.values.length, t.size, 'values');
    case 'raw':
    case 'external':
      return held(t.bytes().byteLength, rawByteLength(t.dtype, t.size), 'bytes');
    default:
      // Sub-byte types keep one byte per value in int32_data; complex types two values per element.
      return held(s.values.length, bits < 8 ? rawByteLength(t.dtype, t.size) : literalCount(t.dtype, t.size), 'values');
  }
}

/** Whether two tensors store the same data in the same form (for tensors that do not fill their dims). */
function sameStoredData(x: Tensor, y: Tensor): boolean {
  const a = storedData(x);
  const b = storedData(y);
  if (a.form !== b.form || a.values.length !== b.values.length) return false;
  for (let i = 0; i < a.values.length; i++) {
    const u = a.values[i];
    const v = b.values[i];
    if (u instanceof Uint8Array && v instanceof Uint8Array ? !Buffer.from(u).equals(v) : !Object.is(u, v)) return false;
  }
  return true;
}

function storedData(t: Tensor): { form: string; values: ArrayLike<unknown> } {
  const s = t.storage;
  switch (s.kind) {
    case 'none':
      return { form: 'bytes', values: [] };
    case 'raw':
    case 'external':
      return { form: 'bytes', values: t.bytes() };
    default:
      return { form: s.kind, values: s.values };
  }
}

function formatStat(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

function countDifferences(x: Tensor, y: Tensor): { count: number; maxAbs: number | undefined } {
  if (x.dtype === DataType.STRING) {
    const xs = x.storage.kind === 'stringData' ? x.toStrings() : [];
    const ys = y.storage.kind === 'stringData' ? y.toStrings() : [];
    let count = 0;
    for (let i = 0; i < Math.max(xs.length, ys.length); i++) if (xs[i] !== ys[i]) count++;
    return { count, maxAbs: undefined };
  }
  const bx = x.bytes();
  const by = y.bytes();
  const bits = dataTypeBits(x.dtype);
  const nx = numericValues(x);
  const ny = numericValues(y);
  let count = 0;
  let maxAbs: number | undefined;
  if (bits >= 8 && bits % 8 === 0 && bx.byteLength === by.byteLength) {
    const width = bits / 8;
    for (let i = 0; i < x.size; i++) {
      let same = true;
      for (let k = i * width; k < (i + 1) * width; k++) {
        if (bx[k] !== by[k]) {
          same = false;
          break;
        }
      }
      if (same) continue;
      count++;
      if (nx && ny) {
        const d = Math.abs(nx[i]! - ny[i]!);
        if (!Number.isNaN(d)) maxAbs = Math.max(maxAbs ?? 0, d);
      }
    }
    return { count, maxAbs };
  }
  if (nx && ny) {
    for (let i = 0; i < x.size; i++) {
      const a = nx[i]!;
      const b = ny[i]!;
      if (a === b || (Number.isNaN(a) && Number.isNaN(b))) continue;
      count++;
      const d = Math.abs(a - b);
      if (!Number.isNaN(d)) maxAbs = Math.max(maxAbs ?? 0, d);
    }
    return { count, maxAbs };
  }
  if (bx.byteLength !== by.byteLength) return { count: x.size, maxAbs: undefined };
  return { count: bx.every((v, i) => v === by[i]) ? 0 : x.size, maxAbs: undefined };
}

function opText(n: Node): string {
  return (n.domain !== '' ? `${n.domain}.` : '') + n.opType + (n.overload ? `:${n.overload}` : '');
}

function isGraphAttr(a: Attribute): boolean {
  return a.type === AttrType.GRAPH || a.type === AttrType.GRAPHS;
}

function attrText(a: Attribute): string {
  if (a.type === AttrType.GRAPH) return `${a.name}: graph = ${formatName(a.value.name)} {${a.value.nodes.size} nodes}`;
  if (a.type === AttrType.GRAPHS) return `${a.name}: graphs = [${a.value.map((g) => `${formatName(g.name)} {${g.nodes.size} nodes}`).join(', ')}]`;
  return printAttribute(a, { maxInlineElements: 16 });
}

/** `int = 1` for `group: int = 1`. */
function attrValueText(a: Attribute): string {
  return attrText({ ...a, name: 'x' }).slice(3);
}

/** The node on one line, subgraphs summarized: `y = Conv <group: int = 1> (x, w)`. */
function nodeLine(n: Node): string {
  const outs = n.outputs.map((v) => formatName(v.name)).join(', ');
  const attrs = [...n.attributes.values()].map(attrText);
  const ins = n.inputs.map((v) => formatName(v ? v.name : '')).join(', ');
  return `${outs} = ${opText(n)}${attrs.length > 0 ? ` <${attrs.join(', ')}>` : ''} (${ins})`;
}

/** Pairs nodes: by unique name first, then the k-th unmatched node of an op type with the k-th of the other graph. */
function matchNodes(a: readonly Node[], b: readonly Node[]): Map<Node, Node> {
  const pairs = new Map<Node, Node>();
  const uniqueNames = (ns: readonly Node[]): Map<string, Node> => {
    const count = new Map<string, number>();
    for (const n of ns) if (n.name !== '') count.set(n.name, (count.get(n.name) ?? 0) + 1);
    return new Map(ns.filter((n) => count.get(n.name) === 1).map((n) => [n.name, n]));
  };
  const an = uniqueNames(a);
  const bn = uniqueNames(b);
  const taken = new Set<Node>();
  for (const [name, n] of an) {
    const m = bn.get(name);
    if (m) {
      pairs.set(n, m);
      taken.add(m);
    }
  }
  const queues = new Map<string, Node[]>();
  for (const m of b) {
    if (taken.has(m)) continue;
    const key = `${m.domain}.${m.opType}`;
    const q = queues.get(key) ?? [];
    q.push(m);
    queues.set(key, q);
  }
  for (const n of a) {
    if (pairs.has(n)) continue;
    const m = queues.get(`${n.domain}.${n.opType}`)?.shift();
    if (m) pairs.set(n, m);
  }
  return pairs;
}

function diffNodes(out: string[], p: string, ga: Graph, gb: Graph): void {
  const a = ga.nodes.toArray();
  const b = gb.nodes.toArray();
  const pairs = matchNodes(a, b);
  const matched = new Set(pairs.values());
  for (const n of a) {
    const m = pairs.get(n);
    if (!m) {
      out.push(`- ${p}node ${n.describe()}: ${nodeLine(n)}`);
      continue;
    }
    const label = `${p}node ${n.describe()}`;
    if (opText(n) !== opText(m)) out.push(`~ ${label}: op ${opText(n)} -> ${opText(m)}`);
    if (n.name !== m.name) out.push(`~ ${label}: name ${formatName(n.name)} -> ${formatName(m.name)}`);
    diffNames(out, label, 'input', n.inputs, m.inputs);
    diffNames(out, label, 'output', n.outputs, m.outputs);
    for (const [name, x] of n.attributes) {
      const y = m.attributes.get(name);
      if (!y) out.push(`- ${label}: attribute ${attrText(x)}`);
      else if (isGraphAttr(x) && x.type === y.type) diffSubgraphs(out, `${p}${n.describe()}/${name}`, x, y);
      else if (attrValueText(x) !== attrValueText(y)) out.push(`~ ${label}: attribute ${attrText(x)} -> ${attrValueText(y)}`);
    }
    for (const [name, y] of m.attributes) if (!n.attributes.has(name)) out.push(`+ ${label}: attribute ${attrText(y)}`);
  }
  for (const m of b) if (!matched.has(m)) out.push(`+ ${p}node ${m.describe()}: ${nodeLine(m)}`);
}

function diffSubgraphs(out: string[], path: string, x: Attribute, y: Attribute): void {
  const xs = x.type === AttrType.GRAPH ? [x.value] : x.type === AttrType.GRAPHS ? x.value : [];
  const ys = y.type === AttrType.GRAPH ? [y.value] : y.type === AttrType.GRAPHS ? y.value : [];
  if (xs.length !== ys.length) {
    out.push(`~ ${path}: ${xs.length} graphs -> ${ys.length} graphs`);
    return;
  }
  xs.forEach((g, i) => diffGraphs(out, `${path}${xs.length > 1 || x.type === AttrType.GRAPHS ? `[${i}]` : ''}: `, g, ys[i]!));
}

function diffNames(out: string[], label: string, what: string, a: ReadonlyArray<Value | null>, b: ReadonlyArray<Value | null>): void {
  const name = (v: Value | null | undefined): string => (v === undefined ? '(none)' : formatName(v ? v.name : ''));
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = name(a[i]);
    const y = name(b[i]);
    if (x !== y) out.push(`~ ${label}: ${what} ${i}: ${x} -> ${y}`);
  }
}

function functionKey(f: ModelFunction): string {
  return `${f.domain}.${f.name}${f.overload ? `:${f.overload}` : ''}`;
}

function diffFunctions(out: string[], a: readonly ModelFunction[], b: readonly ModelFunction[]): void {
  const bm = new Map(b.map((f) => [functionKey(f), f]));
  const am = new Map(a.map((f) => [functionKey(f), f]));
  for (const f of a) {
    const key = functionKey(f);
    const g = bm.get(key);
    if (!g) {
      out.push(`- function ${key}`);
      continue;
    }
    const p = `function ${key}: `;
    const attrs = (x: ModelFunction): string => x.attributeNames.join(', ') + (x.attributeProtos.length > 0 ? ` (+${x.attributeProtos.length} with defaults)` : '');
    if (attrs(f) !== attrs(g)) out.push(`~ ${p}attributes: <${attrs(f)}> -> <${attrs(g)}>`);
    diffMaps(out, `${p}opset_import`, f.opsetImports, g.opsetImports, (v) => String(v));
    diffGraphs(out, p, f.body, g.body);
  }
  for (const g of b) if (!am.has(functionKey(g))) out.push(`+ function ${functionKey(g)}`);
}
