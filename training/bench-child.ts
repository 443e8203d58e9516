/**
 * The measured half of `ylc bench train`, in a process of its own (as the PyTorch baseline is):
 *   node bench-child.js <artifact dir> <batch.safetensors> <warmup> <steps> <threads|0> <device> [profile prefix]
 * loads the artifacts and the batch, runs warmup + timed steps and prints one JSON line:
 * { stepMs: number[], losses: number[], peakRssMB }, or { error: { code, message } } for a YlcError. Peak RSS is this process's, so it counts
 * what training holds (sessions, activations, state), not the graph building of the parent.
 */
import { YlcError } from '../ir/errors.js';
import { ort, type Device } from '../ir/runtime.js';
import { DataType } from '../ir/dtype.js';
import { readSafetensors } from '../frontends/weights/index.js';
import { readFileBytes } from '../frontends/weights/files.js';
import { TrainingRun } from './runtime.js';

const [dir, batchFile, warmupText, stepsText, threadsText, device, profile] = process.argv.slice(2);
const threads = Number(threadsText);
let run: TrainingRun;
try {
  run = await TrainingRun.load(dir!, { device: device as Device, ...(threads > 0 ? { threads } : {}), ...(profile ? { profile } : {}) });
} catch (e) {
  if (!(e instanceof YlcError)) throw e;
  process.stdout.write(`${JSON.stringify({ error: { code: e.code, message: e.message } })}\n`);
  process.exit(1);
}
const { tensors } = readSafetensors(readFileBytes(batchFile!), batchFile!);
// Views of the file's bytes (safetensors data is aligned: int64 tensors first, then float32).
const batch: Record<string, ort.Tensor> = {};
for (const [name, t] of tensors) {
  const b = t.bytes();
  batch[name] =
    t.dtype === DataType.INT64
      ? new ort.Tensor('int64', new BigInt64Array(b.buffer, b.byteOffset, t.size), [...t.dims])
      : new ort.Tensor('float32', new Float32Array(b.buffer, b.byteOffset, t.size), [...t.dims]);
}
const stepMs: number[] = [];
const losses: number[] = [];
for (let i = 0; i < Number(warmupText) + Number(stepsText); i++) {
  const t0 = performance.now();
  const r = await run.step(batch);
  if (i >= Number(warmupText)) stepMs.push(performance.now() - t0);
  losses.push(r.loss);
}
if (profile) run.endProfiling();
await run.release();
process.stdout.write(`${JSON.stringify({ stepMs, losses, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
