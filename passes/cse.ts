/**
 * cse: common subexpression elimination.
 *
 * Two nodes of the same graph compute the same values when they have the same op (domain, type,
 * overload), the same attributes (compared deeply; tensor attributes by dtype, dims and bytes),
 * the same inputs (the same Value objects, in order) and the same present outputs. The later one
 * is merged into the earlier: its outputs' uses go to the earlier node's outputs and it is
 * removed. Constants are merged by content: initializers (not graph inputs, whose values can be
 * overridden) and Constant nodes with equal dtype, dims and bytes, up to `max-constant-size`
 * elements; the first initializer, else the first Constant node, is kept (initializers come
 * before every node, so merging into them never breaks the order).
 *
 * Never merged: nodes with subgraphs, the random ops, Dropout that may be in training mode, and
 * ops of non-standard domains (ylc cannot know that they are deterministic).
 *
 * Graph outputs keep their names: when the merged node's output is a graph output and the kept
 * value is a plain node output, the kept value takes the graph output's name (its old name had
 * no meaning outside the graph); when both are graph outputs, or the kept one is an initializer,
 * nothing is merged and a remark says so.
 *
 * Pre (declared, checked by the pass manager): topological order (nodes are visited in order, so
 * a merge can enable merges of the nodes that use it). Post: no two mergeable nodes or constants remain. Safe because a deterministic
 * op applied twice to the same values yields the same values.
 */
import { AttrType, type Attribute } from '../ir/attribute.js';
import type { Graph, Node, Value } from '../ir/graph.js';
import type { Model } from '../ir/model.js';
import type { Tensor } from '../ir/tensor.js';
import { definePass, type PassContext } from './pass.js';
import { constantNodeTensor, tensorKey, tensorsEqual } from './util/constants.js';
import { dropValueInfo, firstUseBeforeDefinition, isNondeterministic, isStandardDomain, pruneValueInfos } from './util/graphs.js';

export interface CseStats {
  nodes: number;
  constants: number;
}

interface ConstantEntry {
  value: Value;
  tensor: Tensor;
}

/** Key of a float attribute value: -0 and NaN are kept apart from 0 and each other by their text. */
function floatKey(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** A key for an attribute; undefined when it cannot take part in CSE (graphs, sparse, types). */
function attributeKey(a: Attribute): string | undefined {
  const ref = a.refAttrName !== undefined ? `@${a.refAttrName}` : '';
  switch (a.type) {
    case AttrType.FLOAT:
      return `f${ref}:${floatKey(a.value)}`;
    case AttrType.INT:
      return `i${ref}:${a.value}`;
    case AttrType.STRING:
      return `s${ref}:${JSON.stringify(a.value)}`;
    case AttrType.FLOATS:
      return `fs${ref}:${a.value.map(floatKey).join(',')}`;
    case AttrType.INTS:
      return `is${ref}:${a.value.join(',')}`;
    case AttrType.STRINGS:
      return `ss${ref}:${JSON.stringify(a.value)}`;
    case AttrType.TENSOR:
      return `t${ref}:${tensorKey(a.value)}`;
    case AttrType.TENSORS:
      return `ts${ref}:${a.value.map(tensorKey).join(',')}`;
    default:
      return undefined;
  }
}

function attributesEqual(a: Attribute, b: Attribute): boolean {
  if (a.type !== b.type || a.refAttrName !== b.refAttrName) return false;
  if (a.type === AttrType.TENSOR && b.type === AttrType.TENSOR) return tensorsEqual(a.value, b.value);
  if (a.type === AttrType.TENSORS && b.type === AttrType.TENSORS) {
    return a.value.length === b.value.length && a.value.every((t, i) => tensorsEqual(t, b.value[i]!));
  }
  return attributeKey(a) === attributeKey(b);
}

/** Whether two nodes with equal keys are really equal (guards against hash collisions). */
function nodesEqual(a: Node, b: Node): boolean {
  if (a.inputs.length !== b.inputs.length || a.inputs.some((v, i) => v !== b.inputs[i])) return false;
  for (const [name, attr] of a.attributes) {
    const other = b.attributes.get(name);
    if (!other || !attributesEqual(attr, other)) return false;
  }
  return a.attributes.size === b.attributes.size;
}

class ValueIds {
  private readonly ids = new Map<Value, number>();
  id(v: Value | null): string {
    if (!v) return '-';
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(v, id);
    }
    return String(id);
  }
}

/** The CSE key of `node`, or undefined when it must not be merged with anything. */
function nodeKey(node: Node, ids: ValueIds): string | undefined {
  if (!isStandardDomain(node.domain) || isNondeterministic(node) || node.subgraphs().length > 0) return undefined;
  const attrs: string[] = [];
  for (const name of [...node.attributes.keys()].sort()) {
    const k = attributeKey(node.attributes.get(name)!);
    if (k === undefined) return undefined;
    attrs.push(`${name}=${k}`);
  }
  const outputs = node.outputs.map((o) => (o.name === '' ? '0' : '1')).join('');
  return `${node.domain}|${node.opType}|${node.overload ?? ''}|${outputs}|${node.inputs.map((v) => ids.id(v)).join(',')}|${attrs.join(';')}`;
}

/**
 * Why `dup` cannot be replaced by `kept`, or undefined when it can. A graph output keeps its name:
 * the kept value may take it only when it is a plain node output of the same graph.
 */
function mergeRefusal(kept: Value, dup: Value): string | undefined {
  if (!dup.isGraphOutput()) return undefined;
  if (kept.isGraphOutput()) return `'${dup.name}' and '${kept.name}' are both graph outputs; merging would rename one`;
  if (!kept.producer() || kept.graph() !== dup.graph()) return `'${dup.name}' is a graph output and '${kept.name}' is not a node output of the same graph; merging would rename it`;
  return undefined;
}

/** Makes every use of `dup` (and its graph-output slots) use `kept`, which takes dup's name if it was a graph output. */
function redirect(kept: Value, dup: Value): void {
  if (dup.isGraphOutput()) {
    const name = dup.name;
    const type = dup.type ?? kept.type;
    dup.replaceAllUsesWith(kept, { includeGraphOutputs: true });
    kept.name = name;
    kept.type = type;
    const g = kept.graph();
    if (g) dropValueInfo(g, kept);
    return;
  }
  dup.replaceAllUsesWith(kept);
}

export function eliminateCommonSubexpressions(
  root: Graph,
  options: { maxConstantSize?: number; ctx?: PassContext } = {},
): CseStats {
  const stats: CseStats = { nodes: 0, constants: 0 };
  const limit = options.maxConstantSize ?? 65536;
  const ctx = options.ctx;

  const visit = (g: Graph): void => {
    const ids = new ValueIds();
    const constants = new Map<string, ConstantEntry[]>();
    const nodes = new Map<string, Node[]>();
    let changed = false;

    /** The constant equal to `tensor` seen before, or undefined after recording this one. */
    const findConstant = (value: Value, tensor: Tensor): ConstantEntry | undefined => {
      if (tensor.size > limit) return undefined;
      const key = tensorKey(tensor);
      const bucket = constants.get(key);
      const hit = bucket?.find((e) => tensorsEqual(e.tensor, tensor));
      if (hit) return hit;
      if (bucket) bucket.push({ value, tensor });
      else constants.set(key, [{ value, tensor }]);
      return undefined;
    };

    for (const v of [...g.initializers.values()]) {
      if (v.isGraphInput() || !v.constValue) continue;
      const hit = findConstant(v, v.constValue);
      if (!hit) continue;
      const refusal = mergeRefusal(hit.value, v);
      if (refusal) {
        ctx?.remark(undefined, `initializer '${v.name}' equals '${hit.value.name}' but was not merged: ${refusal}`);
        continue;
      }
      redirect(hit.value, v);
      g.removeInitializer(v);
      stats.constants++;
    }

    for (const node of g.nodes) {
      for (const sub of node.subgraphs()) visit(sub);
      const constant = node.opType === 'Constant' ? constantNodeTensor(node) : undefined;
      if (constant) {
        const out = node.output(0);
        const hit = findConstant(out, constant);
        if (!hit) continue;
        const refusal = mergeRefusal(hit.value, out);
        if (refusal) {
          ctx?.remark(node, `equals '${hit.value.name}' but was not merged: ${refusal}`);
          continue;
        }
        redirect(hit.value, out);
        g.remove(node);
        stats.constants++;
        changed = true;
        continue;
      }
      const key = nodeKey(node, ids);
      if (key === undefined) continue;
      const bucket = nodes.get(key);
      const kept = bucket?.find((n) => nodesEqual(n, node));
      if (!kept) {
        if (bucket) bucket.push(node);
        else nodes.set(key, [node]);
        continue;
      }
      const refusal = node.outputs.map((o, i) => (o.name === '' ? undefined : mergeRefusal(kept.output(i), o))).find((r) => r);
      if (refusal) {
        ctx?.remark(node, `computes the same as ${kept.describe()} but was not merged: ${refusal}`);
        continue;
      }
      node.outputs.forEach((o, i) => {
        if (o.name !== '') redirect(kept.output(i), o);
      });
      g.remove(node);
      stats.nodes++;
      changed = true;
    }
    if (changed) pruneValueInfos(g);
  };
  visit(root);
  return stats;
}

export const csePass = definePass({
  name: 'cse',
  summary: 'Merge nodes that compute the same values, and equal constants',
  options: {
    'max-constant-size': {
      type: 'integer',
      default: 65536,
      min: 0,
      help: 'largest constant (in elements) compared by content for merging',
    },
  },
  requires(model: Model) {
    const misplaced = firstUseBeforeDefinition(model.graph);
    return misplaced && `needs its nodes in topological order (run topo-sort first): ${misplaced}`;
  },
  run(model: Model, options, ctx) {
    const stats = eliminateCommonSubexpressions(model.graph, { maxConstantSize: options['max-constant-size'], ctx });
    if (stats.nodes) ctx.count('nodes-merged', stats.nodes);
    if (stats.constants) ctx.count('constants-merged', stats.constants);
    return { modified: stats.nodes + stats.constants > 0 };
  },
});
