/**
 * Test helpers for the YOLOv5 frontend: PyTorch-exported ONNX models as state_dicts, the golden
 * safetensors files of test/fixtures/goldens (train-mode BatchNorm: passes/bn-train).
 */
import * as fs from 'node:fs';
import type { Node, Value } from '../../ir/graph.js';
import type { Model } from '../../ir/model.js';
import type { Tensor } from '../../ir/tensor.js';
import { readSafetensors, type SafetensorsFile } from '../../frontends/weights/safetensors.js';
import { batchNormToTraining } from '../../passes/bn-train.js';
import { exportScopePath } from '../../passes/prune/parts.js';

/** The tensor behind `v`, following Identity chains (PyTorch exports dedupe equal tensors that way). */
export function resolveConstant(v: Value): Tensor | undefined {
  let cur: Value | undefined = v;
  for (let hops = 0; cur && hops < 64; hops++) {
    if (cur.constValue) return cur.constValue;
    const p = cur.producer();
    if (p?.opType === 'Identity') cur = p.input(0);
    else if (p?.opType === 'Constant') return p.attrTensor('value');
    else return undefined;
  }
  return undefined;
}

/** The module path of a node from its PyTorch export name (`model.2.m.0.cv1.conv`). */
export function modulePathOfNode(node: Node): string {
  return exportScopePath(node.name);
}

const PARAM_SLOTS: Record<string, readonly string[]> = {
  Conv: ['weight', 'bias'],
  BatchNormalization: ['weight', 'bias', 'running_mean', 'running_var'],
};

/** The state_dict of a PyTorch-exported model, keyed by the names its Conv/BN nodes imply. */
export function stateDictFromExport(model: Model): Map<string, Tensor> {
  const sd = new Map<string, Tensor>();
  for (const node of model.graph.nodes) {
    const slots = PARAM_SLOTS[node.opType];
    if (!slots) continue;
    const base = modulePathOfNode(node);
    slots.forEach((slot, i) => {
      const v = node.input(i + 1);
      if (!v) return;
      const t = resolveConstant(v);
      if (!t) throw new Error(`${node.describe()}: input ${i + 1} is not a constant`);
      sd.set(`${base}.${slot}`, t);
    });
  }
  return sd;
}

/** A safetensors file of test/fixtures (tensors and `__metadata__`). */
export function readSafetensorsFile(file: string): SafetensorsFile {
  return readSafetensors(fs.readFileSync(file), file);
}

/** ||a - b|| / ||b||. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`relativeError: lengths differ (${a.length} vs ${b.length})`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    num += d * d;
    den += b[i]! * b[i]!;
  }
  return Math.sqrt(num) / Math.sqrt(den);
}

/** Op type -> count over the main graph. */
export function opHistogram(model: Model): Record<string, number> {
  const h: Record<string, number> = {};
  for (const n of model.graph.nodes) h[n.opType] = (h[n.opType] ?? 0) + 1;
  return h;
}

/**
 * @deprecated Use `batchNormToTraining` (passes/bn-train), which this now calls: BatchNorm on the
 * batch statistics as PyTorch's train mode, running statistics as extra outputs `update.<name>`.
 */
export function useBatchStatistics(model: Model): void {
  batchNormToTraining(model);
}
