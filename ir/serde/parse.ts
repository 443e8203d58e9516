/**
 * Bytes -> onnx.ModelProto with protobufjs, keeping unknown fields, and turning every low-level
 * failure into a one-line YlcError('bad-model') that names the file.
 */
import $protobuf from 'protobufjs/minimal.js';
import { YlcError } from '../errors.js';
import { onnx } from './proto.js';

export function parseModelProto(bytes: Uint8Array, file: string): onnx.ModelProto {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = $protobuf.Reader.create(buffer);
  reader.discardUnknown = false;
  try {
    return onnx.ModelProto.decode(reader);
  } catch (e) {
    throw notAModel(file, describeFailure(e, reader.pos, buffer.length), e);
  }
}

export function notAModel(file: string, why: string, cause?: unknown): YlcError {
  return new YlcError('bad-model', `cannot read ${file}: not an ONNX ModelProto (${why})`, { cause });
}

function describeFailure(e: unknown, pos: number, length: number): string {
  const message = e instanceof Error ? e.message : String(e);
  const wire = /invalid wire type (\d+) at offset (\d+)/.exec(message);
  if (wire) return `invalid wire type ${wire[1]} at byte ${wire[2]}`;
  if (e instanceof RangeError || /index out of range/.test(message)) return `truncated at byte ${Math.min(pos, length)}`;
  if (/max depth exceeded/.test(message)) return `messages nested too deeply at byte ${pos}`;
  return `${message} at byte ${pos}`;
}
