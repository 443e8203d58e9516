/**
 * dce: dead code elimination.
 *
 * Removes every node whose outputs are all unused and none of which is a graph output, then every
 * initializer that is unused and is neither a graph input nor a graph output. Works on the main
 * graph and on every subgraph (If/Loop/Scan bodies); model-local function bodies are left alone.
 *
 * Order: each graph is walked in reverse, so a node whose only users were removed is seen after
 * them and goes in the same sweep. When the walk meets a live node with subgraphs it cleans the
 * subgraphs first: a value of this graph used only by dead code inside a body is then seen as
 * unused by the earlier nodes that produce it. A dead node with subgraphs is removed together with
 * its bodies (Graph.remove releases the uses they held on outer values).
 *
 * Pre: use lists are consistent (the IR keeps them so). Post: no node has all outputs dead, except
 * nodes kept for side effects; no unused initializer that is not a graph input/output.
 *
 * Safe because the standard ONNX ops are pure: a node whose results nobody reads cannot change
 * the graph outputs. Ops of other domains (custom ops, com.microsoft, ...) may have effects ylc
 * cannot see, so they are kept unless `aggressive`; SIDE_EFFECT_OPS are kept even then.
 */
import type { Graph, Node } from '../ir/graph.js';
import type { Model } from '../ir/model.js';
import { definePass, type PassContext } from './pass.js';
import { isStandardDomain, pruneValueInfos } from './util/graphs.js';

/** `domain:opType` of ops run for their effects, kept even with `aggressive`. */
const SIDE_EFFECT_OPS: ReadonlySet<string> = new Set([
  // Graphcore PopART prints the tensor (and its gradient) as it passes through.
  'ai.graphcore:PrintTensor',
]);

export interface DceStats {
  nodes: number;
  initializers: number;
}

/** Why `node` must stay even when its outputs are dead, or undefined when it may go. */
function keepReason(node: Node, aggressive: boolean): string | undefined {
  const op = `${node.domain}:${node.opType}`;
  if (SIDE_EFFECT_OPS.has(op)) return `op ${op} has side effects`;
  if (aggressive || isStandardDomain(node.domain)) return undefined;
  return `op ${op} may have side effects (use aggressive to remove nodes of non-standard domains)`;
}

function isDead(node: Node): boolean {
  return node.outputs.every((v) => v.useCount === 0 && !v.isGraphOutput());
}

/** The nodes of `node`'s subgraphs, at every depth (they go when it is removed). */
function subgraphNodeCount(node: Node): number {
  let n = 0;
  for (const g of node.subgraphs()) for (const _ of g.allNodes()) n++;
  return n;
}

/** Removes dead code from `graph` and its subgraphs; returns what it removed. */
export function eliminateDeadCode(graph: Graph, options: { aggressive?: boolean; ctx?: PassContext } = {}): DceStats {
  const stats: DceStats = { nodes: 0, initializers: 0 };
  const aggressive = options.aggressive ?? false;
  const visit = (g: Graph): void => {
    let removed = false;
    for (const node of g.nodes.reversed()) {
      if (isDead(node)) {
        const reason = keepReason(node, aggressive);
        if (reason) {
          options.ctx?.remark(node, `kept although its outputs are unused: ${reason}`);
          continue;
        }
        stats.nodes += subgraphNodeCount(node) + 1;
        g.remove(node);
        removed = true;
        continue;
      }
      for (const sub of node.subgraphs()) visit(sub);
    }
    for (const v of [...g.initializers.values()]) {
      if (g.removeInitializer(v)) stats.initializers++;
    }
    if (removed) pruneValueInfos(g);
  };
  visit(graph);
  return stats;
}

export const dcePass = definePass({
  name: 'dce',
  summary: 'Remove nodes whose outputs are unused and initializers nobody reads',
  options: {
    aggressive: {
      type: 'boolean',
      default: false,
      help: 'also remove dead nodes of non-standard domains (custom ops are assumed to have side effects otherwise)',
    },
  },
  run(model: Model, options, ctx) {
    const stats = eliminateDeadCode(model.graph, { aggressive: options.aggressive, ctx });
    if (stats.nodes) ctx.count('nodes-removed', stats.nodes);
    if (stats.initializers) ctx.count('initializers-removed', stats.initializers);
    return { modified: stats.nodes + stats.initializers > 0 };
  },
});
