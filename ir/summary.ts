/**
 * What `ylc info` reports about a model: interface, opsets, op histogram, sizes, metadata.
 */
import { isFloatingPoint } from './dtype.js';
import type { Graph, Value } from './graph.js';
import type { Model } from './model.js';
import { formatType } from './type.js';

export interface ValueSummary {
  name: string;
  type: string;
}

export interface ModelSummary {
  irVersion: number;
  producer: string;
  opsetImports: Record<string, number>;
  inputs: ValueSummary[];
  outputs: ValueSummary[];
  nodeCount: number;
  /** Op type (domain-qualified outside ai.onnx) -> count, over the main graph and its subgraphs. */
  opHistogram: Record<string, number>;
  initializerCount: number;
  /** Elements of floating-point initializers: weights, biases, BN parameters and statistics. */
  parameterCount: number;
  /** Bytes held by initializers. */
  initializerBytes: number;
  functions: string[];
  metadata: Record<string, string>;
}

export function summarizeModel(model: Model): ModelSummary {
  const graph = model.graph;
  const histogram = new Map<string, number>();
  let nodeCount = 0;
  for (const node of graph.allNodes()) {
    nodeCount++;
    const op = node.domain && node.domain !== 'ai.onnx' ? `${node.domain}.${node.opType}` : node.opType;
    histogram.set(op, (histogram.get(op) ?? 0) + 1);
  }
  let parameterCount = 0;
  let initializerBytes = 0;
  let initializerCount = 0;
  for (const g of graphs(graph)) {
    for (const v of g.initializers.values()) {
      const t = v.constValue;
      if (!t) continue;
      initializerCount++;
      initializerBytes += t.byteLength;
      if (isFloatingPoint(t.dtype)) parameterCount += t.size;
    }
  }
  const userInputs = graph.inputs.filter((v) => !graph.initializers.has(v.name));
  return {
    irVersion: Number(model.irVersion),
    producer: [model.producerName, model.producerVersion].filter(Boolean).join(' '),
    opsetImports: Object.fromEntries(model.opsetImports),
    inputs: userInputs.map(describeValue),
    outputs: graph.outputs.map(describeValue),
    nodeCount,
    opHistogram: Object.fromEntries([...histogram].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    initializerCount,
    parameterCount,
    initializerBytes,
    functions: model.functions.map((f) => (f.domain ? `${f.domain}.${f.name}` : f.name)),
    metadata: Object.fromEntries(model.metadataProps),
  };
}

function describeValue(v: Value): ValueSummary {
  return { name: v.name, type: formatType(v.type) };
}

function* graphs(graph: Graph): Iterable<Graph> {
  yield graph;
  for (const node of graph.nodes) for (const g of node.subgraphs()) yield* graphs(g);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
