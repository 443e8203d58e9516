/**
 * The measured half of `ylc bench train`, in a process of its own (as the PyTorch baseline is):
 *   node bench-child.js <artifact dir> <batch.safetensors> <warmup> <steps> <threads|0> <device> [profile prefix]
 * loads the artifacts and the batch, runs warmup + timed steps and prints one JSON line:
 * { stepMs: number[], losses: number[], peakRssMB }, { error: { code, message } } for a YlcError
 * or { fatal: message } for anything else. Peak RSS is this process's, so it counts
 * what training holds (sessions, activations, state), not the graph building of the parent.
 */
import { YlcError } from '../ir/errors.js';
import { ort, type Device } from '../ir/runtime.js';
import { DataType } from '../ir/dtype.js';
import { readSafetensors } from '../frontends/weights/index.js';
import { readFileBytes } from '../frontends/weights/files.js';
import { TrainingRun } from './runtime.js';

const [dir, batchFile, warmupText, stepsText, threadsText, device, profile] = process.argv.slice(2);

async function measure(): Promise<{ stepMs: number[]; losses: number[]; peakRssMB: number }> {
  const threads = Number(threadsText);
  const run = await TrainingRun.load(dir!, { device: device as Device, ...(threads > 0 ? { threads } : {}), ...(profile ? { profile } : {}) });
  try {
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
    return { stepMs, losses, peakRssMB: process.resourceUsage().maxRSS / 1024 };
  } finally {
    await run.release();
  }
}

// Every failure is one JSON line too: a YlcError keeps its code; anything else (ONNX Runtime
// running out of memory, say) its first line.
let reply: unknown;
try {
  reply = await measure();
} catch (e) {
  reply = e instanceof YlcError ? { error: { code: e.code, message: e.message } } : { fatal: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
}
process.stdout.write(`${JSON.stringify(reply)}\n`);
