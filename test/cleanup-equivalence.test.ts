/**
 * Numeric equivalence of the cleanup passes on real YOLOv5n exports: the model before and after
 * each pipeline runs in ONNX Runtime (graph optimizations off) on the same seeded input. The
 * passes that only remove, rename, merge or reorder nodes must give bit-identical outputs; the
 * constant-folding pipeline is allowed 1e-6 (it computes values in TypeScript or a separate ORT
 * session). Pipelines run through the pass manager, so the verifier checks the IR after every
 * pass. `yolov5n_640_bn.onnx` is a PyTorch export with Identity aliases of shared BN
 * initializers and unfused BatchNormalization.
 */
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph, Node } from '../ir/graph.js';
import type { Model } from '../ir/model.js';
import { loadModel } from '../ir/serde/index.js';
import { parseModel } from '../ir/text/parse.js';
import { runPipeline } from '../passes/manager.js';
import { maxAbsDiff, randomFloat32, runModel } from './util/ort.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const INPUT_DIMS = [1, 3, 640, 640];
const feeds = { images: { dims: INPUT_DIMS, data: randomFloat32(3 * 640 * 640, 20240611) } };

/**
 * Runs `pipeline` through the pass manager (so the verifier checks the IR after every pass) and
 * returns the counters summed over its passes and all their remarks.
 */
async function apply(model: Model, pipeline: string): Promise<{ counters: Record<string, number>; remarks: string[] }> {
  const report = await runPipeline(model, pipeline);
  const counters: Record<string, number> = {};
  const remarks: string[] = [];
  for (const p of report.passes) {
    for (const [k, v] of Object.entries(p.counters)) counters[`${p.name}.${k}`] = (counters[`${p.name}.${k}`] ?? 0) + v;
    remarks.push(...p.remarks);
  }
  return { counters, remarks };
}

function opCounts(g: Graph): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of g.nodes) counts[n.opType] = (counts[n.opType] ?? 0) + 1;
  return counts;
}

/** Names of nodes that use a value produced later in the node list (none in a sorted graph). */
function outOfOrder(g: Graph): string[] {
  const seen = new Set<Node>();
  const bad: string[] = [];
  for (const n of g.nodes) {
    for (const v of n.inputs) {
      const p = v?.producer();
      if (p && p.graph === g && !seen.has(p)) bad.push(n.name);
    }
    seen.add(n);
  }
  return bad;
}

/** Bytes held by initializers and Constant nodes. */
function constantBytes(g: Graph): number {
  let n = 0;
  for (const v of g.initializers.values()) n += v.constValue!.byteLength;
  for (const node of g.nodes) if (node.opType === 'Constant') n += node.attrTensor('value')?.byteLength ?? 0;
  return n;
}

for (const fixture of ['yolov5n_640.onnx', 'yolov5n_640_bn.onnx']) {
  describe(fixture, () => {
    let reference: Float64Array;
    const load = (): Model => loadModel(path.join(FIXTURES, fixture));
    const output = async (model: Model): Promise<Float64Array> => (await runModel(model, feeds)).output0!.data;

    beforeAll(async () => {
      reference = await output(load());
    });

    it('constant-fold,dce: Constants become initializers, Identity aliases go without copying data, outputs within 1e-6', async () => {
      const model = load();
      const { Constant = 0, Identity = 0 } = opCounts(model.graph);
      const bytesBefore = constantBytes(model.graph);
      const ctx = await apply(model, 'constant-fold,dce');
      const after = opCounts(model.graph);
      expect([after.Constant, after.Identity]).toEqual([undefined, undefined]);
      expect(ctx.counters['constant-fold.folded']).toBe(Constant + Identity);
      expect(constantBytes(model.graph)).toBe(bytesBefore);
      expect(ctx.remarks).toEqual([]);
      expect(maxAbsDiff(await output(model), reference)).toBeLessThanOrEqual(1e-6);
    });

    it('eliminate-identity,dce: no Identity left, outputs bit-identical', async () => {
      const model = load();
      const before = opCounts(model.graph).Identity ?? 0;
      const ctx = await apply(model, 'eliminate-identity,dce');
      expect(opCounts(model.graph).Identity).toBeUndefined();
      expect(ctx.counters['eliminate-identity.nodes-removed']).toBe(before);
      expect(model.graph.outputs.map((v) => v.name)).toEqual(['output0']);
      expect(maxAbsDiff(await output(model), reference)).toBe(0);
    });

    it('cse,dce: merges the repeated constants, outputs bit-identical', async () => {
      const model = load();
      const nodes = model.graph.nodes.size;
      const ctx = await apply(model, 'cse,dce');
      expect(ctx.counters['cse.constants-merged']).toBeGreaterThan(0);
      expect(model.graph.nodes.size).toBeLessThan(nodes);
      expect(maxAbsDiff(await output(model), reference)).toBe(0);
    });

    it('topo-sort: keeps the exported order, and restores a valid order from a reversed node list', async () => {
      const model = load();
      const order = model.graph.nodes.toArray();
      expect((await runPipeline(model, 'topo-sort')).modified).toBe(false);
      expect(model.graph.nodes.toArray()).toEqual(order);
      model.graph.reorder([...order].reverse());
      expect(outOfOrder(model.graph).length).toBeGreaterThan(0);
      expect((await runPipeline(model, 'topo-sort')).modified).toBe(true);
      expect(outOfOrder(model.graph)).toEqual([]);
      expect(maxAbsDiff(await output(model), reference)).toBe(0);
    });

    it('all of them chained: outputs within 1e-6', async () => {
      const model = load();
      await apply(model, 'eliminate-identity,fixpoint{max=4}(constant-fold,cse,dce),topo-sort');
      expect(maxAbsDiff(await output(model), reference)).toBeLessThanOrEqual(1e-6);
    });
  });
}

describe('folded values as graph outputs', () => {
  it('run in ONNX Runtime as initializers of the main graph and of an If branch', async () => {
    const model = parseModel(`
      <ir_version: 8, opset_import: ["" : 17]>
      g (float[2] x) => (float[2] sum, float[2] y, float[2] branch) <float[2] a = {1, 2}, float[2] b = {0.5, 0.25}, bool cond = {1}> {
         sum = Add (a, b)
         y = Mul (x, sum)
         branch = If (cond) <then_branch: graph = then_g () => (float[2] t) {
            t = Neg (a)
         }, else_branch: graph = else_g () => (float[2] e) {
            e = Abs (x)
         }>
      }`);
    const x = { dims: [2], data: Float32Array.of(3, -4) };
    const before = await runModel(model, { x });
    await apply(model, 'constant-fold,dce');
    expect(model.graph.initializers.get('sum')?.isGraphOutput()).toBe(true);
    const after = await runModel(model, { x });
    for (const name of ['sum', 'y', 'branch']) expect([...after[name]!.data]).toEqual([...before[name]!.data]);
    expect([...after.branch!.data]).toEqual([-1, -2]);
  });
});
