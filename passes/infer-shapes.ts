/**
 * infer-shapes: shape and element type inference (ir/shape-inference).
 *
 * Sets the type of every node output whose op has a rule, in node order and through subgraphs,
 * reading only small integer constants (Reshape targets, Slice starts, ...) and propagating small
 * int tensors computed from shapes (Shape -> Gather -> Concat -> Reshape). Existing types are only
 * refined (unknown or symbolic dims made known) unless `overwrite`; an existing type that
 * contradicts the inferred one is kept, with a warning. Like onnx.shape_inference, intermediate
 * values that get a type are recorded as value_info entries, so a saved model carries them.
 *
 * Ops without a rule (other domains, model-local functions, sequence ops) leave their outputs as
 * they are: one remark per op type. Inputs that contradict an op (Conv channels, impossible
 * broadcasting, ...) fail the pass with a `verify` error naming the node and the shapes.
 */
import type { Graph, Node } from '../ir/graph.js';
import type { Model } from '../ir/model.js';
import { inferShapes } from '../ir/shape-inference/index.js';
import { definePass } from './pass.js';

function firstNodeOf(model: Model, label: string): Node | undefined {
  for (const node of model.graph.allNodes()) {
    const domain = node.domain === 'ai.onnx' ? '' : node.domain;
    if ((domain === '' ? node.opType : `${domain}::${node.opType}`) === label) return node;
  }
  return undefined;
}

/** Adds typed intermediate values of `g` (and of its subgraphs) to their graph's value_info list. */
function recordValueInfos(g: Graph): void {
  const listed = new Set(g.valueInfos);
  const outputs = new Set(g.outputs);
  for (const node of g.nodes) {
    for (const v of node.outputs) {
      if (v.name !== '' && v.type !== undefined && !listed.has(v) && !outputs.has(v)) g.valueInfos.push(v);
    }
    for (const sub of node.subgraphs()) recordValueInfos(sub);
  }
}

export const inferShapesPass = definePass({
  name: 'infer-shapes',
  summary: 'Infer element types and shapes of intermediate values (ONNX operator rules, data propagation)',
  options: {
    overwrite: { type: 'boolean', default: false, help: 'replace existing value types by the inferred ones' },
  },
  run(model, options, ctx) {
    const result = inferShapes(model, { overwrite: options.overwrite });
    ctx.count('inferred', result.inferred);
    for (const op of [...result.unknownOps].sort()) {
      ctx.remark(firstNodeOf(model, op), `no shape rule for op ${op}: its outputs keep their types`);
    }
    for (const w of result.warnings) ctx.warn(`infer-shapes: ${w}`);
    if (result.inferred > 0) recordValueInfos(model.graph);
    return { modified: result.inferred > 0 };
  },
});
