/**
 * eliminate-identity: removes nodes that copy their input unchanged.
 *
 * Which nodes: ai.onnx Identity; Dropout in inference form (training_mode absent or a constant
 * false) whose mask output is absent or unused (then its output equals its input, whatever the
 * ratio); Cast to the element type its input already has (known from the input's declared type or
 * constant), which ONNX defines as a copy.
 *
 * How: `y = Identity(x)`: every use of y becomes a use of x and the node goes. When y is a graph
 * output its name is part of the model's interface and must not change, so the rewrite goes the
 * other way: if x is the output of a node of the same graph and is not itself a graph input or
 * output, x is renamed y (taking y's declared type, and leaving value_info) and replaces it
 * everywhere. Otherwise (x is a graph input, an initializer, another graph output, or a value of
 * an enclosing graph seen from a subgraph) the node stays and a remark says why.
 *
 * Pre: none. Post: the graph outputs keep their names; no value changes, only its name or
 * which Value object carries it. Safe because each removed node computes the identity function;
 * uses inside subgraphs are recorded on the value, so they are rewired too.
 */
import type { Graph, Node, Value } from '../ir/graph.js';
import type { Model } from '../ir/model.js';
import { definePass, type PassContext } from './pass.js';
import { constantOf } from './util/constants.js';
import { dropValueInfo, isInferenceDropout, isOnnxDomain, pruneValueInfos } from './util/graphs.js';

/** The input a copying node passes through unchanged, or undefined when `node` is not one. */
function copiedInput(node: Node): Value | undefined {
  if (!isOnnxDomain(node.domain)) return undefined;
  const x = node.input(0);
  if (!x) return undefined;
  switch (node.opType) {
    case 'Identity':
      return node.inputs.length === 1 && node.outputs.length === 1 ? x : undefined;
    case 'Dropout': {
      if (!isInferenceDropout(node)) return undefined;
      const mask = node.outputs[1];
      if (mask && (mask.useCount > 0 || mask.isGraphOutput())) return undefined;
      return x;
    }
    case 'Cast': {
      const to = node.attrInt('to');
      return to !== undefined && to === knownElemType(x) ? x : undefined;
    }
    default:
      return undefined;
  }
}

function knownElemType(v: Value): number | undefined {
  if (v.type?.kind === 'tensor') return v.type.elemType;
  return constantOf(v)?.dtype;
}

/** Why `y = op(x)` cannot go without renaming a graph output, or undefined when it can. */
function keepReason(node: Node, x: Value, y: Value): string | undefined {
  if (!y.isGraphOutput()) return undefined;
  const where = `output '${y.name}' is a graph output and input '${x.name}'`;
  const p = x.producer();
  if (!p) return `${where} is a graph input or initializer; kept so that the graph output keeps its name`;
  if (p.graph !== node.graph) return `${where} comes from an enclosing graph; kept so that the graph output keeps its name`;
  if (x.isGraphOutput()) return `${where} is also a graph output; kept so that both graph outputs keep their names`;
  return undefined;
}

/** Removes `node` (computing `y = copy(x)`), keeping the name of y when it is a graph output. */
function bypass(graph: Graph, node: Node, x: Value, y: Value): void {
  if (y.isGraphOutput()) {
    const name = y.name;
    const type = y.type ?? x.type;
    const { docString, metadataProps } = y;
    y.replaceAllUsesWith(x, { includeGraphOutputs: true });
    graph.remove(node);
    x.name = name;
    x.type = type;
    // A graph output carries its own type; a value_info entry for it would only repeat it.
    dropValueInfo(graph, x);
    if (docString !== undefined) x.docString = docString;
    if (metadataProps !== undefined) x.metadataProps = metadataProps;
    return;
  }
  y.replaceAllUsesWith(x);
  graph.remove(node);
}

export function eliminateIdentities(root: Graph, ctx?: PassContext): number {
  let removed = 0;
  const visit = (g: Graph): void => {
    let changed = false;
    for (const node of g.nodes) {
      for (const sub of node.subgraphs()) visit(sub);
      const x = copiedInput(node);
      if (!x) continue;
      const y = node.output(0);
      const reason = keepReason(node, x, y);
      if (reason) {
        ctx?.remark(node, reason);
        continue;
      }
      bypass(g, node, x, y);
      removed++;
      changed = true;
    }
    if (changed) pruneValueInfos(g);
  };
  visit(root);
  return removed;
}

export const eliminateIdentityPass = definePass({
  name: 'eliminate-identity',
  summary: 'Remove Identity, inference Dropout and same-type Cast nodes by rewiring their uses to the input',
  options: {},
  run(model: Model, _options, ctx) {
    const n = eliminateIdentities(model.graph, ctx);
    if (n) ctx.count('nodes-removed', n);
    return { modified: n > 0 };
  },
});
