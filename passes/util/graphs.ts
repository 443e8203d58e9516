/**
 * Helpers shared by the cleanup passes: which domains are standard, which nodes are not pure
 * functions of their inputs, and keeping `Graph.valueInfos` in step after values disappear.
 */
import type { Graph, Node, Value } from '../../ir/graph.js';

const STANDARD_DOMAINS: ReadonlySet<string> = new Set(['', 'ai.onnx', 'ai.onnx.ml', 'ai.onnx.preview.training']);

/** ai.onnx, ai.onnx.ml and ai.onnx.preview.training: ops whose semantics ONNX defines. */
export function isStandardDomain(domain: string): boolean {
  return STANDARD_DOMAINS.has(domain);
}

/** The default ai.onnx domain. */
export function isOnnxDomain(domain: string): boolean {
  return domain === '' || domain === 'ai.onnx';
}

const RANDOM_OPS: ReadonlySet<string> = new Set([
  'RandomNormal',
  'RandomUniform',
  'RandomNormalLike',
  'RandomUniformLike',
  'Multinomial',
  'Bernoulli',
]);

/**
 * Whether two evaluations of `node` on the same inputs may differ: the random ops, and Dropout
 * unless its `training_mode` input is absent or a constant false (then it is the identity).
 */
export function isNondeterministic(node: Node): boolean {
  if (!isOnnxDomain(node.domain)) return false;
  if (RANDOM_OPS.has(node.opType)) return true;
  if (node.opType === 'Dropout') return !isInferenceDropout(node);
  return false;
}

/** Dropout whose `training_mode` input is absent or an initializer holding false. */
export function isInferenceDropout(node: Node): boolean {
  const mode = node.input(2);
  if (!mode) return true;
  const t = mode.isGraphInput() ? undefined : mode.constValue;
  if (!t || t.size !== 1) return false;
  try {
    return t.toNumbers()[0] === 0;
  } catch {
    return false;
  }
}

/** Whether `value` is still defined somewhere: a live node's output, or a graph input/initializer. */
export function isLiveValue(value: Value): boolean {
  const p = value.producer();
  if (p) return p.graph !== undefined;
  return value.isGraphInput() || value.isInitializer();
}

/**
 * The first node input, in `graph` or its subgraphs, read before its definition: the output of a
 * node later in the same graph, or of a node of an enclosing graph placed at or after the node
 * holding the subgraph. Described for messages; undefined when every graph is in topological order.
 */
export function firstUseBeforeDefinition(graph: Graph): string | undefined {
  const scopes: Array<{ graph: Graph; seen: Set<Value> }> = [];
  const visit = (g: Graph): string | undefined => {
    const seen = new Set<Value>();
    scopes.push({ graph: g, seen });
    try {
      for (const node of g.nodes) {
        for (const [i, v] of node.inputs.entries()) {
          const p = v?.producer();
          // Graph inputs, initializers and values of no enclosing graph are the verifier's business.
          if (!v || !p || !scopes.some((s) => s.graph === p.graph) || scopes.some((s) => s.seen.has(v))) continue;
          return `${node.describe()} input ${i} '${v.name}' is read before ${p.describe()} defines it`;
        }
        for (const sub of node.subgraphs()) {
          const found = visit(sub);
          if (found) return found;
        }
        for (const v of node.outputs) seen.add(v);
      }
      return undefined;
    } finally {
      scopes.pop();
    }
  };
  return visit(graph);
}

/** Drops `valueInfos` entries of `graph` whose values no longer exist (their node was removed). */
export function pruneValueInfos(graph: Graph): void {
  if (graph.valueInfos.some((v) => !isLiveValue(v))) graph.valueInfos = graph.valueInfos.filter(isLiveValue);
}

/** Removes `value` from `graph.valueInfos` (it became an initializer, whose type it carries). */
export function dropValueInfo(graph: Graph, value: Value): void {
  if (graph.valueInfos.includes(value)) graph.valueInfos = graph.valueInfos.filter((v) => v !== value);
}
