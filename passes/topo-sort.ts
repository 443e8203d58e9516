/**
 * topo-sort: orders the nodes of every graph so that each node comes after the producers of its
 * inputs, moving as little as possible.
 *
 * A node depends on the producers (in its own graph) of its inputs and of every value of this
 * graph that a node inside its subgraphs uses, at any depth: an If whose branch reads `t` must
 * come after the node making `t`. The order is Kahn's algorithm taking, among the ready nodes,
 * the one earliest in the current order; so an already valid order is kept exactly, and a
 * misplaced node moves only as far as its inputs require. Subgraphs are sorted the same way.
 *
 * Pre: none. Post (declared, checked by the pass manager): topological order in every graph; on a
 * cycle, a YlcError('pass-failed') naming its nodes (the graph is then left unchanged). Safe because the order of a valid ONNX
 * graph's node list carries no meaning beyond the data dependencies.
 */
import type { Graph, Node, Value } from '../ir/graph.js';
import type { Model } from '../ir/model.js';
import { YlcError } from '../ir/errors.js';
import { definePass } from './pass.js';
import { firstUseBeforeDefinition } from './util/graphs.js';

/** Values used by nodes inside `node`'s subgraphs, at any depth. */
function valuesUsedInside(node: Node, out: Set<Value>): void {
  for (const g of node.subgraphs()) {
    for (const inner of g.nodes) {
      for (const v of inner.inputs) if (v) out.add(v);
      valuesUsedInside(inner, out);
    }
  }
}

/** Min-heap of node positions. */
class PositionHeap {
  private readonly items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= x) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && a[r]! < a[l]! ? r : l;
        if (a[c]! >= last) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

/** The order to give `graph`'s nodes, or throws naming a cycle. */
function sortedOrder(graph: Graph): Node[] {
  const nodes = graph.nodes.toArray();
  const position = new Map<Node, number>(nodes.map((n, i) => [n, i]));
  const deps: Array<Set<number>> = nodes.map(() => new Set());
  const users: number[][] = nodes.map(() => []);
  nodes.forEach((node, i) => {
    const used = new Set<Value>();
    for (const v of node.inputs) if (v) used.add(v);
    valuesUsedInside(node, used);
    for (const v of used) {
      const p = v.producer();
      const j = p ? position.get(p) : undefined;
      if (j === undefined || deps[i]!.has(j)) continue;
      deps[i]!.add(j);
      users[j]!.push(i);
    }
  });
  const pending = deps.map((d) => d.size);
  const ready = new PositionHeap();
  pending.forEach((n, i) => {
    if (n === 0) ready.push(i);
  });
  const order: Node[] = [];
  while (ready.size > 0) {
    const i = ready.pop();
    order.push(nodes[i]!);
    for (const u of users[i]!) if (--pending[u]! === 0) ready.push(u);
  }
  if (order.length < nodes.length) throw cycleError(graph, nodes, deps, pending);
  return order;
}

function cycleError(graph: Graph, nodes: Node[], deps: Array<Set<number>>, pending: number[]): YlcError {
  // Every unsorted node waits on another unsorted node; walking those edges must revisit one.
  let i = pending.findIndex((n) => n > 0);
  const seen = new Map<number, number>();
  const path: number[] = [];
  while (!seen.has(i)) {
    seen.set(i, path.length);
    path.push(i);
    i = [...deps[i]!].find((j) => pending[j]! > 0)!;
  }
  // In data-flow order, starting from the node that comes first in the graph.
  const found = path.slice(seen.get(i)!).reverse();
  const first = found.indexOf(Math.min(...found));
  const cycle = [...found.slice(first), ...found.slice(0, first)];
  const names = [...cycle, cycle[0]!].map((j) => nodes[j]!.describe());
  const where = graph.name ? `graph '${graph.name}'` : 'the graph';
  return new YlcError(
    'pass-failed',
    `${where} has a cycle through ${nodes[cycle[0]!]!.describe()} (${names.join(' -> ')}); a node cannot depend on its own output`,
  );
}

/** Sorts `root` and its subgraphs; returns how many graphs changed order. Throws before changing anything on a cycle. */
export function topoSort(root: Graph): number {
  const plans: Array<[Graph, Node[]]> = [];
  const visit = (g: Graph): void => {
    const order = sortedOrder(g);
    const current = g.nodes.toArray();
    if (order.some((n, i) => n !== current[i])) plans.push([g, order]);
    for (const n of current) for (const sub of n.subgraphs()) visit(sub);
  };
  visit(root);
  for (const [g, order] of plans) g.reorder(order);
  return plans.length;
}

export const topoSortPass = definePass({
  name: 'topo-sort',
  summary: 'Order nodes topologically, keeping the existing order wherever it is already valid',
  options: {},
  ensures(model: Model) {
    const misplaced = firstUseBeforeDefinition(model.graph);
    return misplaced && `nodes are still out of order: ${misplaced}`;
  },
  run(model: Model, _options, ctx) {
    const changed = topoSort(model.graph);
    if (changed) ctx.count('graphs-reordered', changed);
    return { modified: changed > 0 };
  },
});
