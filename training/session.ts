/**
 * ONNX Runtime sessions for training: `createSession` (ir/runtime.ts) with the session options a
 * training loop wants as well. When creation fails, `createSession` itself is asked to create the
 * session, so a missing execution provider gives its one-line error with how to get the binaries.
 *
 * Measured on yolov5n (320, batch 8, 2 cores):
 * - the memory pattern is off: with it, ORT plans one block for every intermediate of the forward
 *   and backward graph and keeps it, 1.4 GB peak RSS instead of 0.84 GB, with no gain in step
 *   time; the arena alone reuses memory across steps;
 * - intra-op threads do not spin while waiting for work: on a machine whose cores are shared, a
 *   spinning pool slowed a step 1.5-2.5x (spinning threads take the cores the others need);
 * - graph optimizations stop at 'extended' (fusions such as MatMul + Transpose, which the
 *   backward's im2col products rely on): 'all' adds the NCHWc layout, whose reordered copies of
 *   the activations the backward pass keeps alive: 65 MB more peak RSS, no faster steps.
 */
import { YlcError } from '../ir/errors.js';
import { createSession, ort, type Device } from '../ir/runtime.js';

export interface SessionSettings {
  device?: Device;
  /** Intra-op threads (default: ONNX Runtime's, one per core). */
  threads?: number;
  /** Write an ONNX Runtime profile (JSON, Chrome trace format) with this file prefix. */
  profile?: string;
}

export async function createTrainingSession(bytes: Uint8Array, settings: SessionSettings): Promise<ort.InferenceSession> {
  const device = settings.device ?? 'cpu';
  const options: ort.InferenceSession.SessionOptions = {
    executionProviders: [device],
    graphOptimizationLevel: 'extended',
    executionMode: 'sequential',
    enableCpuMemArena: true,
    enableMemPattern: false,
    logSeverityLevel: 3,
    extra: { session: { intra_op: { allow_spinning: '0' } } },
    ...(settings.threads ? { intraOpNumThreads: settings.threads, interOpNumThreads: 1 } : {}),
    ...(settings.profile ? { enableProfiling: true, profileFilePrefix: settings.profile } : {}),
  };
  try {
    return await ort.InferenceSession.create(bytes, options);
  } catch (error) {
    const session = await createSession(bytes, { device, ...(settings.threads ? { threads: settings.threads } : {}) });
    await session.release();
    const message = error instanceof Error ? error.message : String(error);
    throw new YlcError('bad-model', `ONNX Runtime cannot create the training session: ${message.split('\n')[0]}`);
  }
}
