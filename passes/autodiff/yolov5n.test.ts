/**
 * The whole yolov5n training form (bn-train, loss = mean of the squared raw heads) differentiated
 * with respect to every parameter, checked by directional finite differences through ONNX Runtime
 * on parameters spread over the network: the stem, a C3 bottleneck, SPPF (MaxPool), the head after
 * the upsampling and concatenations, BN scales and shifts, and the Detect convs.
 *
 * float32 (ORT has no double Conv): the step h = 5e-4 x rms(parameter) balances rounding noise
 * (~1e-7 of the loss / h) against the kinks of the network (MaxPool's argmax and the like switch
 * under larger steps); wrong gradients miss by O(1), these agree to ~1e-3 or better.
 */
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { attrInt } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import { Node, type Graph, type Value } from '../../ir/graph.js';
import type { Tensor } from '../../ir/tensor.js';
import { loadModel, encodeModel } from '../../ir/serde/index.js';
import { verifyModel } from '../../ir/verify.js';
import { applyStateDict, buildModel, loadConfig } from '../../frontends/yolov5/index.js';
import { randomFloat32, seededRandom } from '../../test/util/ort.js';
import { stateDictFromExport } from '../../test/util/yolov5-fixtures.js';
import { batchNormToTraining } from '../bn-train.js';
import { appendBackward } from './index.js';

const CHECKED = [
  'model.0.conv.weight',
  'model.0.bn.weight',
  'model.2.m.0.cv2.conv.weight',
  'model.4.cv3.bn.bias',
  'model.9.cv2.conv.weight',
  'model.13.cv3.conv.weight',
  'model.21.conv.weight',
  'model.23.m.0.cv1.bn.weight',
  'model.24.m.0.weight',
  'model.24.m.2.bias',
];

/** Turns initializer `name` into a graph input; returns its tensor. */
function toInput(g: Graph, name: string): Tensor {
  const v = g.initializers.get(name)!;
  const t = v.constValue!;
  g.initializers.delete(name);
  v.constValue = undefined;
  g.inputs.push(v);
  return t;
}

describe('yolov5n forward + backward', () => {
  it('gradients of every parameter; directional finite differences on 10 of them within 5e-3', async () => {
    const [batch, imgsz] = [2, 64];
    const model = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz, batch });
    applyStateDict(model, stateDictFromExport(loadModel('test/fixtures/yolov5n_640_bn.onnx')));
    const g = model.graph;
    const stats = new Set<string>();
    for (const n of g.nodes) if (n.opType === 'BatchNormalization') for (const i of [3, 4]) stats.add(n.input(i)!.name);
    const wrt = [...g.initializers.values()].filter((v) => !stats.has(v.name) && v.constValue?.dtype === DataType.FLOAT).map((v) => v.name);
    expect(wrt).toHaveLength(57 * 3 + 6);
    batchNormToTraining(model);
    // loss = sum_i mean(pred_i^2), accumulated in float64
    const heads = g.outputs.filter((v) => v.name.startsWith('pred'));
    const terms: Value[] = heads.map((h, i) => {
      const d = g.append(new Node('Cast', [h], 1, { name: `cast${i}`, attributes: [attrInt('to', DataType.DOUBLE)] })).output(0);
      return g.append(new Node('ReduceMean', [g.append(new Node('Mul', [d, d], 1, { name: `sq${i}` })).output(0)], 1, { name: `mean${i}`, attributes: [attrInt('keepdims', 0)] })).output(0);
    });
    const loss = g.append(new Node('Sum', terms, ['loss'], { name: 'loss' })).output(0);
    g.outputs.push(loss);
    const { gradients } = appendBackward(model, { loss: 'loss', wrt });
    expect(gradients.size).toBe(wrt.length);
    // The checked parameters become plain graph inputs (onnxruntime-node does not let a run
    // override an initializer, even one listed among the graph inputs).
    const params = new Map(CHECKED.map((n) => [n, toInput(g, n)]));
    g.outputs.push(...CHECKED.map((n) => gradients.get(n)!));
    expect(verifyModel(model)).toEqual([]);

    const session = await ort.InferenceSession.create(encodeModel(model), { graphOptimizationLevel: 'all', intraOpNumThreads: 1 });
    const feedsAt = (name?: string, dir?: Float32Array, h = 0): Record<string, ort.Tensor> => {
      const feeds: Record<string, ort.Tensor> = { images: new ort.Tensor('float32', randomFloat32(batch * 3 * imgsz * imgsz, 11), [batch, 3, imgsz, imgsz]) };
      for (const [n, t] of params) {
        const base = t.toFloat32();
        const data = n === name ? base.map((x, k) => x + h * dir![k]!) : base;
        feeds[n] = new ort.Tensor('float32', data, [...t.dims]);
      }
      return feeds;
    };
    const base = await session.run(feedsAt());
    const next = seededRandom(5);
    const report: string[] = [];
    let worst = 0;
    for (const name of CHECKED) {
      const grad = base[gradients.get(name)!.name]!.data as Float32Array;
      const p = params.get(name)!.toFloat32();
      const scale = Math.sqrt(p.reduce((a, x) => a + x * x, 0) / p.length) || 1;
      const dir = Float32Array.from(p, () => (next() * 2 - 1) * scale);
      let analytic = 0;
      let mass = 0;
      grad.forEach((gk, k) => {
        analytic += gk * dir[k]!;
        mass += Math.abs(gk * dir[k]!);
      });
      const h = 5e-4;
      const plus = Number((await session.run(feedsAt(name, dir, h), ['loss'])).loss!.data[0]);
      const minus = Number((await session.run(feedsAt(name, dir, -h), ['loss'])).loss!.data[0]);
      const fd = (plus - minus) / (2 * h);
      const err = Math.abs(analytic - fd) / Math.max(Math.abs(fd), Math.abs(analytic), mass);
      worst = Math.max(worst, err);
      report.push(`  ${name}: analytic ${analytic.toExponential(5)}, fd ${fd.toExponential(5)}, rel ${err.toExponential(2)}`);
    }
    await session.release();
    console.log(`yolov5n ${imgsz}x${imgsz} batch ${batch}, float32, h = 5e-4 x rms(param):\n${report.join('\n')}`);
    expect(worst).toBeLessThan(5e-3);
  });
});
