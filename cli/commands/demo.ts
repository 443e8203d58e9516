/**
 * `ylc demo`: the main job on a built-in default. Builds yolov5n from its built-in config
 * (training form, seed 0), runs `fold-bn,dce` and checks in ONNX Runtime that the raw heads are
 * unchanged, then writes the training form and the deploy form (as export.py writes it) to
 * ./ylc-demo/.
 */
import * as path from 'node:path';
import { runPipeline } from '../../passes/manager.js';
import { createSession, ort } from '../../ir/runtime.js';
import { formatCount, summarizeModel } from '../../ir/summary.js';
import type { Model } from '../../ir/model.js';
import { buildModel, countParameters, loadConfig, toDeployForm } from '../../frontends/yolov5/index.js';
import { decodeModel, encodeModel, saveModel } from '../../ir/serde/index.js';
import { formatStats } from './optimize.js';
import { makeOutputDirectory } from '../../ir/atomic-write.js';
import { checkOutputPath } from '../io.js';

export const DEMO_CONFIG = 'yolov5n';
export const DEMO_PIPELINE = 'fold-bn,dce';
const IMGSZ = 640;

export async function demoCommand(outDir: string): Promise<void> {
  makeOutputDirectory(outDir);
  for (const name of [`${DEMO_CONFIG}_train.onnx`, `${DEMO_CONFIG}.onnx`]) checkOutputPath(path.join(outDir, name));
  const say = (line: string) => process.stdout.write(`${line}\n`);

  say(`ylc demo: build ${DEMO_CONFIG} from its built-in config, then ${DEMO_PIPELINE}`);
  const train = buildModel(loadConfig(DEMO_CONFIG), { form: 'train', imgsz: IMGSZ, seed: 0 });
  const trainFile = path.join(outDir, `${DEMO_CONFIG}_train.onnx`);
  saveModel(train, trainFile);
  say(`built      ${formatCount(countParameters(train))} parameters (training form: BatchNorm unfused, raw heads pred0..2)`);

  const folded = decodeModel(encodeModel(train));
  const before = summarizeModel(folded);
  const report = await runPipeline(folded, DEMO_PIPELINE);
  const after = summarizeModel(folded);
  process.stdout.write(formatStats(report));
  const bn = (s: typeof before) => s.opHistogram['BatchNormalization'] ?? 0;
  say(`nodes      ${formatCount(before.nodeCount)} -> ${formatCount(after.nodeCount)} (BatchNormalization ${bn(before)} -> ${bn(after)})`);
  const diff = await maxOutputDifference(train, folded);
  say(`ONNX Runtime check: max |pred difference| = ${diff.toExponential(2)} on a seeded 1x3x${IMGSZ}x${IMGSZ} input`);

  const deploy = toDeployForm(train);
  const deployFile = path.join(outDir, `${DEMO_CONFIG}.onnx`);
  saveModel(deploy, deployFile);
  say(`wrote ${trainFile} (training form) and ${deployFile} (deploy form: output0 ${summarizeModel(deploy).outputs[0]?.type})`);
  say(`next: npx ylc info ${deployFile}   |   npx ylc opt --pipeline 'fold-bn,dce' ${trainFile} -o folded.onnx --stats`);
}

async function maxOutputDifference(a: Model, b: Model): Promise<number> {
  const input = seededImage(1, 3, IMGSZ, IMGSZ);
  const [ya, yb] = [await runOutputs(a, input), await runOutputs(b, input)];
  let max = 0;
  for (const [name, values] of Object.entries(ya)) {
    const other = yb[name]!;
    for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]! - other[i]!));
  }
  return max;
}

/** Runs with ORT's own graph optimizations off, so that its Conv+BN fusion does not hide ours. */
async function runOutputs(model: Model, input: ort.Tensor): Promise<Record<string, Float32Array>> {
  const session = await createSession(model, { optimization: 'disabled' });
  const result = await session.run({ [session.inputNames[0]!]: input });
  await session.release();
  return Object.fromEntries(Object.entries(result).map(([k, t]) => [k, t.data as Float32Array]));
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
