/**
 * bn-train against PyTorch: the golden train step of yolov5n (test/fixtures/golden_train_step,
 * YOLOv5 v7.0, seed-0 weights of yolov5n_640_bn.onnx) records the raw heads of the train-mode
 * forward and the running statistics after it.
 */
import { describe, expect, it } from 'vitest';
import { attrFloat } from '../ir/attribute.js';
import { DataType } from '../ir/dtype.js';
import { loadModel } from '../ir/serde/index.js';
import { verifyModel } from '../ir/verify.js';
import { applyStateDict, buildModel, loadConfig } from '../frontends/yolov5/index.js';
import { gradCheck } from '../test/util/gradcheck.js';
import { maxAbsDiff, runModel } from '../test/util/ort.js';
import { readSafetensorsFile, relativeError, stateDictFromExport } from '../test/util/yolov5-fixtures.js';
import { batchNormToTraining } from './bn-train.js';

const FIXTURES = 'test/fixtures';

describe('batchNormToTraining', () => {
  it('yolov5n: pred0..2 within 1e-4 relative and running stats within 1e-5 of the PyTorch golden', async () => {
    const golden = readSafetensorsFile(`${FIXTURES}/golden_train_step.safetensors`);
    const input = golden.tensors.get('input')!;
    const model = buildModel(loadConfig('yolov5n'), { form: 'train', imgsz: Number(golden.metadata.imgsz), batch: input.dims[0]! });
    const sd = stateDictFromExport(loadModel(`${FIXTURES}/yolov5n_640_bn.onnx`));
    expect(applyStateDict(model, sd).skipped).toEqual([]);
    const { runningStats } = batchNormToTraining(model);
    expect(runningStats.size).toBe(57 * 2);
    expect(verifyModel(model)).toEqual([]);
    // The BatchNormalization nodes left normalise with the batch statistics, computed in the graph.
    const bns = model.graph.nodes.toArray().filter((n) => n.opType === 'BatchNormalization');
    expect(bns).toHaveLength(57);
    for (const n of bns) for (const i of [3, 4]) expect(n.input(i)!.isInitializer()).toBe(false);
    const out = await runModel(model, { images: { dims: input.dims, data: input.toFloat32() } });
    const errors: Record<string, number> = {};
    for (const p of ['pred0', 'pred1', 'pred2']) {
      expect(out[p]!.dims).toEqual(golden.tensors.get(p)!.dims);
      errors[p] = relativeError(out[p]!.data, golden.tensors.get(p)!.toFloat32());
      expect(errors[p]).toBeLessThan(1e-4);
    }
    let worst = 0;
    for (const [name, v] of runningStats) {
      const want = golden.tensors.get(`after.${name}`);
      expect(want, name).toBeDefined();
      expect(model.graph.outputs).toContain(v);
      expect(v.name).toBe(`update.${name}`);
      const d = maxAbsDiff(out[v.name]!.data, want!.toFloat32());
      worst = Math.max(worst, d);
      expect(d, name).toBeLessThan(1e-5);
    }
    console.log(`bn-train vs PyTorch: heads relative ${JSON.stringify(errors)}, running stats max abs diff ${worst.toExponential(2)}`);
  });

  it('momentum from the node (ONNX 1 - m), from the option, or PyTorch default 0.1; unbiased running variance', async () => {
    const { Graph, Node, Value } = await import('../ir/graph.js');
    const { Model } = await import('../ir/model.js');
    const { Tensor } = await import('../ir/tensor.js');
    const { tensorType } = await import('../ir/type.js');
    const make = (momentum?: number) => {
      const g = new Graph('bn');
      const x = g.addInput(new Value('x', tensorType(DataType.FLOAT, [2, 1, 1, 2])));
      const p = (name: string, v: number) => g.addInitializer(Tensor.fromFloat32([1], Float32Array.of(v)), name);
      const attrs = [attrFloat('epsilon', 0)];
      if (momentum !== undefined) attrs.push(attrFloat('momentum', momentum));
      const bn = g.append(new Node('BatchNormalization', [x, p('g', 2), p('b', 1), p('rm', 10), p('rv', 3)], ['y'], { name: 'bn', attributes: attrs }));
      g.outputs.push(bn.output(0));
      return new Model(g, { opsetImports: [['', 12]] });
    };
    const x = { x: { dims: [2, 1, 1, 2], data: Float32Array.of(1, 2, 3, 6) } }; // mean 3, biased var 3.5, unbiased 14/3
    for (const [momentum, option, m] of [[0.97, undefined, 0.03], [undefined, undefined, 0.1], [0.97, 0.5, 0.5]] as const) {
      const model = make(momentum);
      batchNormToTraining(model, option === undefined ? {} : { momentum: option });
      const out = await runModel(model, x);
      expect(out['update.rm']!.data[0]).toBeCloseTo((1 - m) * 10 + m * 3, 5);
      expect(out['update.rv']!.data[0]).toBeCloseTo((1 - m) * 3 + (m * 14) / 3, 5);
      const y = [1, 2, 3, 6].map((v) => ((v - 3) / Math.sqrt(3.5)) * 2 + 1);
      expect(maxAbsDiff(out.y!.data, y)).toBeLessThan(1e-5);
    }
  });

  it('is differentiable through the autodiff rules (finite differences in x, gamma, beta)', async () => {
    const r = await gradCheck((c) => {
      const bn = c.op1('BatchNormalization', [c.input('x', [3, 2, 2, 3]), c.input('gamma', [2]), c.input('beta', [2]), c.constant('rm', [2], [0, 0]), c.constant('rv', [2], [1, 1])], [attrFloat('epsilon', 1e-3)]);
      batchNormToTraining(c.model);
      return bnOutput(c.graph, bn.name);
    });
    console.log(`bn-train finite differences: ${r.dtype}, max relative error ${r.maxRelError.toExponential(2)}`);
    expect(r.maxRelError).toBeLessThan(r.tol);
  });
});

/** The value that replaced the BatchNormalization output (it keeps the output's name). */
function bnOutput(graph: import('../ir/graph.js').Graph, name: string) {
  const v = graph.valuesByName().get(name);
  if (!v) throw new Error(`no value ${name}`);
  return v;
}
