/**
 * `ylc demo`: the main job on a built-in default. For now: the bundled yolov5n export with its
 * BatchNormalization nodes, through `fold-bn,dce`, checked against the unfolded model in ONNX
 * Runtime, written to ./ylc-demo/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadModel, saveModel } from '../../ir/serde/index.js';
import { runPipeline } from '../../passes/manager.js';
import { createSession, ort } from '../../ir/runtime.js';
import { formatCount, summarizeModel } from '../../ir/summary.js';
import type { Model } from '../../ir/model.js';
import { packageRoot } from '../package-root.js';
import { formatStats } from './optimize.js';

export const DEMO_PIPELINE = 'fold-bn,dce';

export async function demoCommand(outDir: string): Promise<void> {
  const input = path.join(packageRoot(), 'test', 'fixtures', 'yolov5n_640_bn.onnx');
  const output = path.join(outDir, 'yolov5n_640_folded.onnx');
  fs.mkdirSync(outDir, { recursive: true });

  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`ylc demo: ${DEMO_PIPELINE} on the bundled yolov5n (PyTorch export with BatchNormalization kept)`);
  const reference = loadModel(input);
  const model = loadModel(input);
  const before = summarizeModel(model);
  const report = await runPipeline(model, DEMO_PIPELINE);
  const after = summarizeModel(model);
  saveModel(model, output);
  process.stdout.write(formatStats(report));

  const diff = await maxOutputDifference(reference, model);
  const ops = (s: typeof before) => `${s.opHistogram['BatchNormalization'] ?? 0} BatchNormalization, ${s.opHistogram['Identity'] ?? 0} Identity`;
  say(`nodes      ${formatCount(before.nodeCount)} -> ${formatCount(after.nodeCount)} (${ops(before)} -> ${ops(after)})`);
  say(`parameters ${formatCount(before.parameterCount)} -> ${formatCount(after.parameterCount)}`);
  say(`ONNX Runtime check: max |output0 difference| = ${diff.toExponential(2)} on a seeded 1x3x640x640 input`);
  say(`wrote ${output}`);
  say(`next: npx ylc info ${output}   |   npx ylc diff ${input} ${output}`);
}

async function maxOutputDifference(a: Model, b: Model): Promise<number> {
  const input = seededImage(1, 3, 640, 640);
  const [ya, yb] = await Promise.all([runFirstOutput(a, input), runFirstOutput(b, input)]);
  let max = 0;
  for (let i = 0; i < ya.length; i++) max = Math.max(max, Math.abs(ya[i]! - yb[i]!));
  return max;
}

async function runFirstOutput(model: Model, input: ort.Tensor): Promise<Float32Array> {
  const session = await createSession(model);
  const name = session.inputNames[0]!;
  const result = await session.run({ [name]: input });
  const out = result[session.outputNames[0]!]!;
  await session.release();
  return out.data as Float32Array;
}

function seededImage(...dims: number[]): ort.Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  let state = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = state / 2 ** 32;
  }
  return new ort.Tensor('float32', data, dims);
}
