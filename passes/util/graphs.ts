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

/** Drops `valueInfos` entries of `graph` whose values no longer exist (their node was removed). */
export function pruneValueInfos(graph: Graph): void {
  if (graph.valueInfos.some((v) => !isLiveValue(v))) graph.valueInfos = graph.valueInfos.filter(isLiveValue);
}

/** Removes `value` from `graph.valueInfos` (it became an initializer, whose type it carries). */
export function dropValueInfo(graph: Graph, value: Value): void {
  if (graph.valueInfos.includes(value)) graph.valueInfos = graph.valueInfos.filter((v) => v !== value);
}

/** `graph` and every graph nested in it, outer first. */
export function* graphsOf(graph: Graph): Iterable<Graph> {
  yield graph;
  for (const node of graph.nodes) for (const sub of node.subgraphs()) yield* graphsOf(sub);
}
