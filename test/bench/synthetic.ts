/**
 * A synthetic model for the load/save benchmark, built with the IR API: a chain of biased
 * convolutions with SiLU (Sigmoid * Mul), sized to make a file of a chosen size.
 */
import { attrInts } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import { Graph, Node, Value } from '../../ir/graph.js';
import { Model } from '../../ir/model.js';
import { Tensor } from '../../ir/tensor.js';
import { tensorType } from '../../ir/type.js';

export interface ConvChainSpec {
  blocks: number;
  channels: number;
  kernel: number;
  seed?: number;
}

export function convChainModel(spec: ConvChainSpec): Model {
  const { blocks, channels: c, kernel: k } = spec;
  const random = lcg(spec.seed ?? 1);
  const graph = new Graph('conv_chain');
  let x: Value = graph.addInput(new Value('images', tensorType(DataType.FLOAT, [1, c, 16, 16])));
  const pad = (k - 1) / 2;
  for (let i = 0; i < blocks; i++) {
    const w = graph.addInitializer(Tensor.fromFloat32([c, c, k, k], randomArray(c * c * k * k, random, 0.05)), `model.${i}.conv.weight`);
    const inputs: Value[] = [x, w, graph.addInitializer(Tensor.fromFloat32([c], randomArray(c, random, 0.1)), `model.${i}.conv.bias`)];
    const conv = graph.append(
      new Node('Conv', inputs, [`/model.${i}/conv/Conv_output_0`], {
        name: `/model.${i}/conv/Conv`,
        attributes: [attrInts('kernel_shape', [k, k]), attrInts('pads', [pad, pad, pad, pad]), attrInts('strides', [1, 1])],
      }),
    );
    x = conv.output();
    const sig = graph.append(new Node('Sigmoid', [x], [`/model.${i}/act/Sigmoid_output_0`], { name: `/model.${i}/act/Sigmoid` }));
    x = graph.append(new Node('Mul', [x, sig.output()], [`/model.${i}/act/Mul_output_0`], { name: `/model.${i}/act/Mul` })).output();
  }
  x.type = tensorType(DataType.FLOAT, [1, c, 16, 16]);
  graph.outputs.push(x);
  const model = new Model(graph, { irVersion: 8n, opsetImports: [['', 17]] });
  model.producerName = 'ylc-bench';
  return model;
}

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomArray(n: number, random: () => number, scale: number, offset = 0): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = offset + (random() * 2 - 1) * scale;
  return a;
}
