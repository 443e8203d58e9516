/**
 * ONNX Runtime, the only executor: sessions on models that passes produced. The execution
 * provider is chosen by name; a provider whose binaries are missing is a one-line error saying
 * how to get them.
 */
import * as ort from 'onnxruntime-node';
import { YlcError } from './errors.js';
import type { Model } from './model.js';
import { encodeModel } from './serde/index.js';

export type Device = 'cpu' | 'cuda' | 'webgpu';
export const DEVICES: readonly Device[] = ['cpu', 'cuda', 'webgpu'];

const HOW_TO_GET: Record<Device, string> = {
  cpu: 'reinstall onnxruntime-node (npm ci)',
  cuda: 'reinstall onnxruntime-node with CUDA binaries: npm_config_onnxruntime_node_install=cuda12 npm ci',
  webgpu: 'use an onnxruntime-node build with the WebGPU EP (linux x64 and win32 packages ship it)',
};

export async function createSession(
  model: Model | Uint8Array,
  options: { device?: Device; threads?: number; optimization?: 'disabled' | 'basic' | 'extended' | 'all' } = {},
): Promise<ort.InferenceSession> {
  const device = options.device ?? 'cpu';
  const bytes = model instanceof Uint8Array ? model : encodeModel(model);
  try {
    return await ort.InferenceSession.create(bytes, {
      executionProviders: [device],
      graphOptimizationLevel: options.optimization ?? 'all',
      ...(options.threads ? { intraOpNumThreads: options.threads } : {}),
    });
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (device !== 'cpu' && /provider|backend|not (found|available|supported)|cannot find|load/i.test(message)) {
      throw new YlcError('bad-option', `--device ${device}: ONNX Runtime cannot use the ${device} execution provider (${firstLine(message)}); ${HOW_TO_GET[device]}`);
    }
    throw new YlcError('bad-model', `ONNX Runtime cannot load the model: ${firstLine(message)}`);
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

export { ort };
