/**
 * A small graph builder that names nodes the way PyTorch's ONNX exporter does, so that built
 * models read like `export.py` output: node `/model.2/m/m.0/cv1/conv/Conv`, its output
 * `/model.2/m/m.0/cv1/conv/Conv_output_0`; repeated op types in one scope are numbered
 * (`/model.24/Mul`, `/model.24/Mul_1`), and so are repeated calls of one submodule (`/model.9/m`,
 * `/model.9/m_1`). It also hides the opset differences of the few ops whose signature changed
 * (Unsqueeze/Split axes at 13, ReduceMean axes at 18).
 */
import { attrInt, attrInts, attrTensor, type Attribute } from '../../ir/attribute.js';
import { Node, type Graph, type Value } from '../../ir/graph.js';
import { Tensor } from '../../ir/tensor.js';

export class GraphBuilder {
  private readonly scopes: string[] = [];
  private readonly opCounts = new Map<string, number>();
  private readonly scopeCounts = new Map<string, number>();
  /** Where new nodes go: after this node (undefined: at the end of the graph). */
  private cursor: Node | undefined;
  private insertAtEnd = true;

  constructor(
    readonly graph: Graph,
    readonly opset: number,
  ) {}

  /** Runs `fn` inside a module scope; a scope entered again under the same parent gets `_1`, `_2`. */
  scope<T>(name: string, fn: () => T): T {
    const key = `${this.path()}/${name}`;
    const count = this.scopeCounts.get(key) ?? 0;
    this.scopeCounts.set(key, count + 1);
    this.scopes.push(count === 0 ? name : `${name}_${count}`);
    try {
      return fn();
    } finally {
      this.scopes.pop();
    }
  }

  /** Sets the scope stack directly (for appending to a graph built earlier). */
  enterScopes(scopes: readonly string[]): void {
    this.scopes.length = 0;
    this.scopes.push(...scopes);
  }

  /** New nodes are inserted after `node` (and after each other), instead of at the end. */
  insertAfter(node: Node | undefined): void {
    this.cursor = node;
    this.insertAtEnd = node === undefined;
  }

  private path(): string {
    return this.scopes.length ? `/${this.scopes.join('/')}` : '';
  }

  /** The name the next `opType` node of the current scope gets. */
  nextName(opType: string): string {
    const key = `${this.path()}/${opType}`;
    const count = this.opCounts.get(key) ?? 0;
    return count === 0 ? key : `${key}_${count}`;
  }

  /** Appends a node; returns its outputs. */
  op(opType: string, inputs: ReadonlyArray<Value | null>, attributes: readonly Attribute[] = [], outputs: number | readonly string[] = 1): Value[] {
    const key = `${this.path()}/${opType}`;
    const count = this.opCounts.get(key) ?? 0;
    this.opCounts.set(key, count + 1);
    const name = count === 0 ? key : `${key}_${count}`;
    const names = typeof outputs === 'number' ? Array.from({ length: outputs }, (_, i) => `${name}_output_${i}`) : outputs;
    const node = new Node(opType, inputs, names, { name, attributes });
    if (this.insertAtEnd) this.graph.append(node);
    else {
      this.graph.insertAfter(this.cursor, node);
      this.cursor = node;
    }
    return [...node.outputs];
  }

  /** A one-output node; `outputName` overrides the exporter-style name (graph outputs). */
  op1(opType: string, inputs: ReadonlyArray<Value | null>, attributes: readonly Attribute[] = [], outputName?: string): Value {
    return this.op(opType, inputs, attributes, outputName === undefined ? 1 : [outputName])[0]!;
  }

  /** A Constant node in the current scope (as the exporter writes constants). */
  constant(tensor: Tensor): Value {
    return this.op1('Constant', [], [attrTensor('value', tensor)]);
  }

  constFloat(value: number): Value {
    return this.constant(Tensor.scalarFloat32(value));
  }

  constInts(values: readonly number[]): Value {
    return this.constant(Tensor.fromInt64([values.length], values));
  }

  /** An initializer with a state_dict name. */
  param(name: string, tensor: Tensor): Value {
    if (this.graph.initializers.has(name)) throw new Error(`duplicate parameter '${name}'`);
    return this.graph.addInitializer(tensor, name);
  }

  unsqueeze(x: Value, axes: readonly number[]): Value {
    if (this.opset >= 13) return this.op1('Unsqueeze', [x, this.constInts(axes)]);
    return this.op1('Unsqueeze', [x], [attrInts('axes', axes)]);
  }

  reduceMean(x: Value, axes: readonly number[]): Value {
    if (this.opset >= 18) return this.op1('ReduceMean', [x, this.constInts(axes)]);
    return this.op1('ReduceMean', [x], [attrInts('axes', axes)]);
  }

  split(x: Value, axis: number, sizes: readonly number[]): Value[] {
    if (this.opset >= 13) return this.op('Split', [x, this.constInts(sizes)], [attrInt('axis', axis)], sizes.length);
    return this.op('Split', [x], [attrInt('axis', axis), attrInts('split', sizes)], sizes.length);
  }
}
