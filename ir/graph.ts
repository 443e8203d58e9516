/**
 * The use-def core of the IR: Value, Node and Graph.
 *
 * Contracts (after onnx-ir):
 * - A Value has at most one producer (a node output, a graph input or an initializer) and knows
 *   every use of it as (node, input index). Only `Node.replaceInput` (and the methods built on it)
 *   edits use lists, so they can never drift from the nodes' inputs. `Value.uses()` returns a copy:
 *   a pass may rewrite uses while iterating over them.
 * - Nodes of a graph live in an ordered list that tolerates removal and insertion during iteration.
 * - `Graph.remove(node)` refuses while an output of the node is still used or is a graph output; a
 *   refused edit changes nothing.
 * - Subgraphs (If/Loop/Scan bodies) are Graphs held in GRAPH attributes; a node of a subgraph may use
 *   a Value of an enclosing graph, and that use is recorded on that Value like any other.
 * - Absent optional inputs are `null`; absent optional outputs are Values named ''.
 */
import { AttrType, type Attribute } from './attribute.js';
import type { Tensor } from './tensor.js';
import type { ValueType } from './type.js';

export interface Use {
  readonly node: Node;
  readonly index: number;
}

export class Value {
  name: string;
  type: ValueType | undefined;
  docString: string | undefined;
  metadataProps: Array<[string, string]> | undefined;
  /** Decoded ValueInfoProto fields ylc does not interpret, written back unchanged. */
  extra: Record<string, unknown> | undefined;
  /** Set for initializers: the constant this value always holds. */
  constValue: Tensor | undefined;
  /** The graph that owns this value as an input or initializer (node outputs: their node's graph). */
  ownerGraph: Graph | undefined;

  private producerNode: Node | undefined;
  private producerIndex = -1;
  private readonly useList: Use[] = [];

  constructor(name: string, type?: ValueType) {
    this.name = name;
    this.type = type;
  }

  producer(): Node | undefined {
    return this.producerNode;
  }

  /** Index of this value among its producer's outputs (-1 for graph inputs and initializers). */
  outputIndex(): number {
    return this.producerIndex;
  }

  /** A copy of the uses: safe to iterate while rewriting them. */
  uses(): Use[] {
    return [...this.useList];
  }

  get useCount(): number {
    return this.useList.length;
  }

  graph(): Graph | undefined {
    return this.producerNode ? this.producerNode.graph : this.ownerGraph;
  }

  isInitializer(): boolean {
    return this.constValue !== undefined && this.ownerGraph?.initializers.get(this.name) === this;
  }

  isGraphInput(): boolean {
    return this.ownerGraph?.inputs.includes(this) ?? false;
  }

  isGraphOutput(): boolean {
    const g = this.graph();
    return g?.outputs.includes(this) ?? false;
  }

  /** Points every use of this value at `other`; graph outputs too when `includeGraphOutputs`. */
  replaceAllUsesWith(other: Value, options: { includeGraphOutputs?: boolean } = {}): void {
    if (other === this) return;
    for (const use of this.uses()) use.node.replaceInput(use.index, other);
    if (options.includeGraphOutputs) {
      const g = this.graph();
      if (g) g.outputs = g.outputs.map((v) => (v === this ? other : v));
    }
  }

  /** @internal Only Node edits use lists. */
  static addUse(value: Value, use: Use): void {
    value.useList.push(use);
  }

  /** @internal */
  static removeUse(value: Value, node: Node, index: number): void {
    const i = value.useList.findIndex((u) => u.node === node && u.index === index);
    if (i >= 0) value.useList.splice(i, 1);
  }

  /** @internal */
  static setProducer(value: Value, node: Node | undefined, index: number): void {
    value.producerNode = node;
    value.producerIndex = index;
  }
}

export interface NodeInit {
  name?: string;
  domain?: string;
  overload?: string;
  docString?: string;
  attributes?: Iterable<Attribute>;
  metadataProps?: Array<[string, string]>;
}

export class Node {
  opType: string;
  domain: string;
  name: string;
  overload: string | undefined;
  docString: string | undefined;
  metadataProps: Array<[string, string]> | undefined;
  /** Decoded NodeProto fields ylc does not interpret (device_configurations, ...), written back unchanged. */
  extra: Record<string, unknown> | undefined;
  readonly attributes = new Map<string, Attribute>();
  readonly outputs: readonly Value[];
  /** The graph whose node list holds this node. */
  graph: Graph | undefined;

  private readonly inputList: Array<Value | null> = [];
  /** @internal Outputs built from a count get fresh names when the node joins a graph. */
  readonly namesOutputsOnInsert: boolean;
  /** @internal Linked-list links of the owning NodeList. */
  prevNode: Node | undefined;
  nextNode: Node | undefined;
  removed = false;

  /**
   * @param outputs a count (names are made fresh when the node is inserted into a graph) or the
   *   output names ('' for an absent optional output).
   */
  constructor(opType: string, inputs: ReadonlyArray<Value | null>, outputs: number | readonly string[] = 1, init: NodeInit = {}) {
    this.opType = opType;
    this.domain = init.domain ?? '';
    this.name = init.name ?? '';
    this.overload = init.overload;
    this.docString = init.docString;
    this.metadataProps = init.metadataProps;
    for (const a of init.attributes ?? []) this.attributes.set(a.name, a);
    this.namesOutputsOnInsert = typeof outputs === 'number';
    const names = typeof outputs === 'number' ? new Array<string>(outputs).fill('') : outputs;
    this.outputs = names.map((name, i) => {
      const v = new Value(name);
      Value.setProducer(v, this, i);
      return v;
    });
    inputs.forEach((v) => this.appendInput(v));
  }

  get inputs(): ReadonlyArray<Value | null> {
    return this.inputList;
  }

  /** The i-th input, or undefined when absent (out of range or an empty optional input). */
  input(i: number): Value | undefined {
    return this.inputList[i] ?? undefined;
  }

  output(i = 0): Value {
    const v = this.outputs[i];
    if (!v) throw new RangeError(`node '${this.name}' (${this.opType}) has no output ${i}`);
    return v;
  }

  replaceInput(index: number, value: Value | null): void {
    if (index < 0 || index >= this.inputList.length) throw new RangeError(`input index ${index} out of range`);
    const old = this.inputList[index];
    if (old === value) return;
    if (old) Value.removeUse(old, this, index);
    this.inputList[index] = value;
    if (value) Value.addUse(value, { node: this, index });
  }

  appendInput(value: Value | null): void {
    this.inputList.push(value);
    if (value) Value.addUse(value, { node: this, index: this.inputList.length - 1 });
  }

  /** Drops trailing inputs from `count` on (used to remove optional inputs). */
  truncateInputs(count: number): void {
    while (this.inputList.length > count) {
      const index = this.inputList.length - 1;
      const old = this.inputList[index];
      if (old) Value.removeUse(old, this, index);
      this.inputList.pop();
    }
  }

  /** @internal Releases all inputs; used when the node leaves its graph. */
  detachInputs(): void {
    this.inputList.forEach((v, i) => {
      if (v) Value.removeUse(v, this, i);
    });
    this.inputList.length = 0;
  }

  attr(name: string): Attribute | undefined {
    return this.attributes.get(name);
  }

  setAttr(attribute: Attribute): void {
    this.attributes.set(attribute.name, attribute);
  }

  attrInt(name: string, fallback: number): number;
  attrInt(name: string): number | undefined;
  attrInt(name: string, fallback?: number): number | undefined {
    const a = this.attributes.get(name);
    return a?.type === AttrType.INT ? Number(a.value) : fallback;
  }

  attrInts(name: string, fallback: number[]): number[];
  attrInts(name: string): number[] | undefined;
  attrInts(name: string, fallback?: number[]): number[] | undefined {
    const a = this.attributes.get(name);
    return a?.type === AttrType.INTS ? a.value.map(Number) : fallback;
  }

  attrFloat(name: string, fallback: number): number;
  attrFloat(name: string): number | undefined;
  attrFloat(name: string, fallback?: number): number | undefined {
    const a = this.attributes.get(name);
    return a?.type === AttrType.FLOAT ? a.value : fallback;
  }

  attrString(name: string, fallback: string): string;
  attrString(name: string): string | undefined;
  attrString(name: string, fallback?: string): string | undefined {
    const a = this.attributes.get(name);
    return a?.type === AttrType.STRING ? a.value : fallback;
  }

  attrTensor(name: string): Tensor | undefined {
    const a = this.attributes.get(name);
    return a?.type === AttrType.TENSOR ? a.value : undefined;
  }

  /** Subgraphs held in this node's GRAPH/GRAPHS attributes. */
  subgraphs(): Graph[] {
    const out: Graph[] = [];
    for (const a of this.attributes.values()) {
      if (a.type === AttrType.GRAPH) out.push(a.value);
      else if (a.type === AttrType.GRAPHS) out.push(...a.value);
    }
    return out;
  }

  /** `Conv '/model.0/conv/Conv'`, for messages. */
  describe(): string {
    return `${this.opType} '${this.name || this.outputs[0]?.name || '?'}'`;
  }
}

/** Ordered node list; iteration survives removal of the current node and insertion after it. */
export class NodeList implements Iterable<Node> {
  private head: Node | undefined;
  private tail: Node | undefined;
  private count = 0;

  get size(): number {
    return this.count;
  }

  first(): Node | undefined {
    return this.head;
  }

  last(): Node | undefined {
    return this.tail;
  }

  *[Symbol.iterator](): Iterator<Node> {
    let node = this.head;
    while (node) {
      if (!node.removed) yield node;
      node = nextLive(node);
    }
  }

  *reversed(): Iterable<Node> {
    let node = this.tail;
    while (node) {
      if (!node.removed) yield node;
      let prev = node.prevNode;
      while (prev?.removed) prev = prev.prevNode;
      node = prev;
    }
  }

  toArray(): Node[] {
    return [...this];
  }

  /** @internal */
  link(node: Node, after: Node | undefined): void {
    node.removed = false;
    node.prevNode = after;
    node.nextNode = after ? after.nextNode : this.head;
    if (node.nextNode) node.nextNode.prevNode = node;
    else this.tail = node;
    if (after) after.nextNode = node;
    else this.head = node;
    this.count++;
  }

  /** @internal Keeps the removed node's `nextNode` so an iterator standing on it can move on. */
  unlink(node: Node): void {
    if (node.prevNode) node.prevNode.nextNode = node.nextNode;
    else this.head = node.nextNode;
    if (node.nextNode) node.nextNode.prevNode = node.prevNode;
    else this.tail = node.prevNode;
    node.removed = true;
    this.count--;
  }
}

function nextLive(node: Node): Node | undefined {
  let next = node.nextNode;
  while (next?.removed) next = next.nextNode;
  return next;
}

export class Graph {
  name: string;
  docString: string | undefined;
  metadataProps: Array<[string, string]> | undefined;
  /** Decoded GraphProto fields ylc does not interpret (quantization_annotation, sparse_initializer). */
  extra: Record<string, unknown> | undefined;
  inputs: Value[] = [];
  outputs: Value[] = [];
  /** Initializers by name, in file order. */
  readonly initializers = new Map<string, Value>();
  readonly nodes = new NodeList();
  /** Values that carry a value_info entry, in order (intermediate values with known types). */
  valueInfos: Value[] = [];
  /** The node whose attribute holds this graph, for subgraphs. */
  parentNode: Node | undefined;
  private nameCounter = 0;
  private usedNames: Set<string> | undefined;

  constructor(name = '') {
    this.name = name;
  }

  /** The outermost graph. */
  root(): Graph {
    let g: Graph = this;
    while (g.parentNode?.graph) g = g.parentNode.graph;
    return g;
  }

  addInput(value: Value): Value {
    value.ownerGraph = this;
    this.inputs.push(value);
    this.noteName(value.name);
    return value;
  }

  /** Adds an initializer named `name` (made unique if taken) holding `tensor`. */
  addInitializer(tensor: Tensor, name = tensor.name): Value {
    const unique = this.initializers.has(name) || this.root().isNameTaken(name) ? this.freshName(name) : name;
    this.noteName(unique);
    tensor.name = unique;
    const v = new Value(unique, { kind: 'tensor', elemType: tensor.dtype, shape: tensor.dims.map((d) => ({ value: d })) });
    v.constValue = tensor;
    v.ownerGraph = this;
    this.initializers.set(unique, v);
    return v;
  }

  /** @internal serde: registers an already-built initializer value under its own name. */
  registerInitializer(value: Value): void {
    value.ownerGraph = this;
    this.initializers.set(value.name, value);
  }

  /** Removes an unused initializer; refuses (returns false) while it is used or is a graph input/output. */
  removeInitializer(value: Value): boolean {
    if (value.useCount > 0 || value.isGraphOutput() || value.isGraphInput()) return false;
    if (this.initializers.get(value.name) !== value) return false;
    this.initializers.delete(value.name);
    this.root().usedNames?.delete(value.name);
    return true;
  }

  /**
   * Gives initializer `value` the name `name` when no value of the model has it (e.g. the name of
   * an initializer just removed, so a rewritten tensor keeps the name users and tools know).
   * Returns false, changing nothing, when the name is taken.
   */
  renameInitializer(value: Value, name: string): boolean {
    if (this.initializers.get(value.name) !== value) return false;
    if (value.name === name) return true;
    if (this.root().isNameTaken(name)) return false;
    this.root().usedNames?.delete(value.name);
    const entries = [...this.initializers.values()];
    this.initializers.clear();
    value.name = name;
    if (value.constValue) value.constValue.name = name;
    for (const v of entries) this.initializers.set(v.name, v); // keeps file order
    this.noteName(name);
    return true;
  }

  /**
   * Turns `value`, an output of a node already removed from its graph, into an initializer of this
   * graph holding `tensor`. The Value object stays, so its name, its uses (here and in subgraphs)
   * and its graph-output slots are kept: constant folding replaces a computation by its result
   * without renaming anything downstream. Its type becomes the tensor's.
   */
  adoptAsInitializer(value: Value, tensor: Tensor): Value {
    const producer = value.producer();
    if (producer?.graph) throw new Error(`value '${value.name}' is still produced by ${producer.describe()}`);
    if (value.isInitializer() || value.isGraphInput()) throw new Error(`value '${value.name}' is already an input or initializer`);
    if (this.initializers.has(value.name)) throw new Error(`initializer '${value.name}' already exists`);
    Value.setProducer(value, undefined, -1);
    tensor.name = value.name;
    value.constValue = tensor;
    value.type = { kind: 'tensor', elemType: tensor.dtype, shape: tensor.dims.map((d) => ({ value: d })) };
    value.ownerGraph = this;
    this.initializers.set(value.name, value);
    this.noteName(value.name);
    return value;
  }

  /**
   * Relinks this graph's nodes in `order`, a permutation of them; inputs, outputs and uses are
   * untouched. Not to be called while iterating over this graph's nodes.
   */
  reorder(order: readonly Node[]): void {
    const current = this.nodes.toArray();
    const set = new Set(order);
    if (set.size !== order.length || order.length !== current.length || current.some((n) => !set.has(n))) {
      throw new Error(`reorder of graph '${this.name}' needs a permutation of its ${current.length} nodes`);
    }
    for (const n of current) this.nodes.unlink(n);
    let prev: Node | undefined;
    for (const n of order) {
      this.nodes.link(n, prev);
      prev = n;
    }
  }

  append(node: Node): Node {
    return this.insertAfter(this.nodes.last(), node);
  }

  insertBefore(ref: Node, node: Node): Node {
    return this.insertAfter(ref.removed ? undefined : ref.prevNode, node, ref);
  }

  /** Inserts `node` after `ref` (at the front when `ref` is undefined). */
  insertAfter(ref: Node | undefined, node: Node, check?: Node): Node {
    if (node.graph) throw new Error(`node ${node.describe()} already belongs to a graph`);
    if (check && check.graph !== this) throw new Error(`node ${check.describe()} is not in this graph`);
    node.graph = this;
    this.nodes.link(node, ref);
    node.outputs.forEach((v, i) => {
      if (node.namesOutputsOnInsert && v.name === '') v.name = this.freshName(`${node.name || node.opType}_${i}`);
      else this.noteName(v.name);
    });
    return node;
  }

  /**
   * Removes `node`. Refuses (throws, nothing changed) while any output is still used or is a graph
   * output; with `force` the node is removed anyway (for passes that rewire uses afterwards). The
   * nodes of its subgraphs go with it, so the values of enclosing graphs they read lose those uses.
   */
  remove(node: Node, options: { force?: boolean } = {}): void {
    if (node.graph !== this) throw new Error(`node ${node.describe()} is not in this graph`);
    if (!options.force) {
      for (const out of node.outputs) {
        if (out.useCount > 0) throw new Error(`cannot remove ${node.describe()}: output '${out.name}' is still used`);
        if (out.isGraphOutput()) throw new Error(`cannot remove ${node.describe()}: output '${out.name}' is a graph output`);
      }
    }
    for (const g of node.subgraphs()) {
      for (const inner of [...g.nodes.reversed()]) g.remove(inner, { force: true });
    }
    node.detachInputs();
    this.nodes.unlink(node);
    node.graph = undefined;
  }

  /** Every node of this graph and of its subgraphs, depth first, in order. */
  *allNodes(): Iterable<Node> {
    for (const node of this.nodes) {
      yield node;
      for (const g of node.subgraphs()) yield* g.allNodes();
    }
  }

  /** Every value defined in this graph (inputs, initializers, node outputs), not in subgraphs. */
  *definedValues(): Iterable<Value> {
    yield* this.inputs;
    for (const v of this.initializers.values()) if (!this.inputs.includes(v)) yield v;
    for (const node of this.nodes) for (const v of node.outputs) if (v.name !== '') yield v;
  }

  /** Values by name, for this graph only. Built on each call: callers keep the map while they need it. */
  valuesByName(): Map<string, Value> {
    const map = new Map<string, Value>();
    for (const v of this.definedValues()) map.set(v.name, v);
    return map;
  }

  /** A name not used anywhere in the model, derived from `hint`. */
  freshName(hint: string): string {
    const root = this.root();
    const base = hint || 'v';
    let name = base;
    while (root.isNameTaken(name)) name = `${base}_${++root.nameCounter}`;
    root.noteName(name);
    return name;
  }

  private isNameTaken(name: string): boolean {
    return this.nameSet().has(name);
  }

  private noteName(name: string): void {
    if (name !== '') this.root().nameSet().add(name);
  }

  private nameSet(): Set<string> {
    if (!this.usedNames) {
      this.usedNames = new Set();
      const visit = (g: Graph): void => {
        for (const v of g.definedValues()) this.usedNames!.add(v.name);
        for (const n of g.nodes) {
          if (n.name) this.usedNames!.add(n.name);
          n.subgraphs().forEach(visit);
        }
      };
      visit(this);
    }
    return this.usedNames;
  }
}
