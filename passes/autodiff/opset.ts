/**
 * Raises a model's ai.onnx opset import (11..16 -> 17 at most), rewriting the nodes whose form or
 * meaning changed on the way, so that every node stays valid at the new opset:
 *   12  Dropout: `ratio` attribute -> input.
 *   13  Split (`split`), Squeeze/Unsqueeze (`axes`), ReduceSum (`axes`): attribute -> int64 input.
 *       Softmax/LogSoftmax/Hardmax: before 13 they coerce the input to 2-D at `axis` (default 1);
 *       from 13 they work along `axis` (default -1). Same result when the axis is the last one;
 *       otherwise the node becomes Flatten(axis) -> op(axis=1) -> Reshape(Shape(x)).
 *   14  BatchNormalization: the optional training outputs are gone; a node that uses them is
 *       refused, unused ones are dropped.
 *   16  RoiAlign: the new `coordinate_transformation_mode` defaults to half_pixel; the old
 *       behaviour is written out as `output_half_pixel`.
 * Other changes between 11 and 17 only add types, attributes with backward-compatible defaults
 * or optional inputs. Nodes in other domains and model-local functions (which carry their own
 * opset imports) are left alone; subgraphs are converted.
 */
import { attrInt, attrString, attrTensor } from '../../ir/attribute.js';
import { YlcError } from '../../ir/errors.js';
import { Node, type Graph, type Value } from '../../ir/graph.js';
import type { Model } from '../../ir/model.js';
import { Tensor } from '../../ir/tensor.js';

export const MAX_UPGRADE_OPSET = 17;

/** Raises the model to `target` (no-op when already there or above); returns how many nodes changed. */
export function upgradeOpset(model: Model, target: number): number {
  if (target > MAX_UPGRADE_OPSET) throw new RangeError(`upgradeOpset: target opset ${target} is above ${MAX_UPGRADE_OPSET}`);
  const from = model.opset;
  if (from >= target) return 0;
  if (from < 11) throw new YlcError('pass-failed', `autodiff: models below opset 11 are not supported (this one imports ai.onnx ${from}); re-export it at opset 11 or later`);
  const changed = convertGraph(model.graph, from, target);
  const key = model.opsetImports.has('') ? '' : model.opsetImports.has('ai.onnx') ? 'ai.onnx' : '';
  model.opsetImports.set(key, target);
  if (model.irVersion < 8n) model.irVersion = 8n;
  return changed;
}

function convertGraph(graph: Graph, from: number, to: number): number {
  let changed = 0;
  for (const node of graph.nodes.toArray()) {
    for (const g of node.subgraphs()) changed += convertGraph(g, from, to);
    if (node.domain !== '' && node.domain !== 'ai.onnx') continue;
    if (convertNode(graph, node, from, to)) changed++;
  }
  return changed;
}

function constantBefore(graph: Graph, node: Node, tensor: Tensor): Value {
  const name = graph.freshName(`${node.name || node.opType}/opset_const`);
  const c = new Node('Constant', [], [name], { name, attributes: [attrTensor('value', tensor)] });
  graph.insertBefore(node, c);
  return c.output(0);
}

/** Moves INTS attribute `attr` into input `index` (appending empty optional inputs as needed). */
function attributeToInput(graph: Graph, node: Node, attr: string, index: number): boolean {
  const values = node.attrInts(attr);
  node.attributes.delete(attr);
  if (values === undefined) return false;
  while (node.inputs.length < index) node.appendInput(null);
  const v = constantBefore(graph, node, Tensor.fromInt64([values.length], values));
  if (node.inputs.length === index) node.appendInput(v);
  else node.replaceInput(index, v);
  return true;
}

function convertNode(graph: Graph, node: Node, from: number, to: number): boolean {
  const crosses = (v: number): boolean => from < v && to >= v;
  let changed = false;
  if (crosses(12) && node.opType === 'Dropout' && node.attr('ratio')) {
    const ratio = node.attrFloat('ratio', 0.5);
    node.attributes.delete('ratio');
    const v = constantBefore(graph, node, Tensor.scalarFloat32(ratio));
    if (node.inputs.length < 2) node.appendInput(v);
    else node.replaceInput(1, v);
    changed = true;
  }
  if (crosses(13)) {
    switch (node.opType) {
      case 'Split':
        changed = attributeToInput(graph, node, 'split', 1) || changed;
        break;
      case 'Squeeze':
      case 'Unsqueeze':
      case 'ReduceSum':
        changed = attributeToInput(graph, node, 'axes', 1) || changed;
        break;
      case 'Softmax':
      case 'LogSoftmax':
      case 'Hardmax':
        changed = convertSoftmax(graph, node) || changed;
        break;
      default:
        break;
    }
  }
  if (crosses(14) && node.opType === 'BatchNormalization' && node.outputs.length > 1) {
    const used = node.outputs.slice(1).filter((o) => o.name !== '' && (o.useCount > 0 || o.isGraphOutput()));
    if (used.length > 0) {
      throw new YlcError('pass-failed', `autodiff: ${node.describe()} uses the training outputs of BatchNormalization (opset < 14), which opset 14 removed; rewrite it with bn-train first`);
    }
    const replacement = new Node('BatchNormalization', node.inputs, [node.output(0).name], { name: node.name, attributes: node.attributes.values() });
    replacement.outputs[0]!.type = node.output(0).type;
    const old = node.output(0);
    graph.insertBefore(node, replacement);
    old.replaceAllUsesWith(replacement.output(0), { includeGraphOutputs: true });
    graph.remove(node);
    changed = true;
  }
  if (crosses(16) && node.opType === 'RoiAlign' && !node.attr('coordinate_transformation_mode')) {
    node.setAttr(attrString('coordinate_transformation_mode', 'output_half_pixel'));
    changed = true;
  }
  return changed;
}

/** Softmax-family before 13 -> 13 (see the file header). */
function convertSoftmax(graph: Graph, node: Node): boolean {
  const x = node.input(0);
  const axis = node.attrInt('axis', 1);
  const rank = x?.type?.kind === 'tensor' ? x.type.shape?.length : undefined;
  if (rank !== undefined && (axis === -1 || axis === rank - 1)) {
    node.setAttr(attrInt('axis', -1));
    return true;
  }
  if (!x) return false;
  const name = (op: string): string => graph.freshName(`${node.name || node.opType}/opset_${op}`);
  const flat = new Node('Flatten', [x], [name('Flatten')], { name: name('Flatten'), attributes: [attrInt('axis', axis)] });
  graph.insertBefore(node, flat);
  const shape = new Node('Shape', [x], [name('Shape')], { name: name('Shape') });
  graph.insertBefore(node, shape);
  const op = new Node(node.opType, [flat.output(0)], [name(node.opType)], { name: name(node.opType), attributes: [attrInt('axis', 1)] });
  graph.insertBefore(node, op);
  const reshape = new Node('Reshape', [op.output(0), shape.output(0)], [node.output(0).name], { name: node.name || name('Reshape') });
  reshape.outputs[0]!.type = node.output(0).type;
  graph.insertBefore(node, reshape);
  node.output(0).replaceAllUsesWith(reshape.output(0), { includeGraphOutputs: true });
  graph.remove(node);
  return true;
}
