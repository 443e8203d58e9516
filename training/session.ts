/**
 * ONNX Runtime sessions for training: `createSession` (ir/runtime.ts) with the session options a
 * training loop wants as well. When creation fails, `createSession` itself is asked to create the
 * session, so a missing execution provider gives its one-line error with how to get the binaries.
 *
 * The memory pattern is off: with it, ORT plans one block for every intermediate of the forward
 * and backward graph and keeps it, which took yolov5n (320, batch 8) from 0.84 to 1.4 GB peak RSS
 * with no measurable gain in step time; the arena alone reuses memory across steps.
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
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    enableCpuMemArena: true,
    enableMemPattern: false,
    logSeverityLevel: 3,
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
