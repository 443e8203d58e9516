/**
 * Bytes -> onnx.ModelProto with protobufjs, keeping unknown fields, and turning every low-level
 * failure into a one-line YlcError('bad-model') that names the file:
 *   cannot read <file>: not an ONNX ModelProto (<why>)
 * protobufjs treats a known field with the wrong wire type as unknown; the schema walk below
 * reports it instead (an unknown field number, or a known one with its own wire type, such as an
 * enum value of a newer schema, is kept as `$unknowns`).
 */
import $protobuf from 'protobufjs/minimal.js';
import { YlcError } from '../errors.js';
import { onnx, type AnyMessage } from './proto.js';
import { SCHEMA, type FieldSchema } from './generated/schema.js';

export function parseModelProto(bytes: Uint8Array, file: string): onnx.ModelProto {
  return parseMessage(bytes, file, 'ModelProto', (r) => onnx.ModelProto.decode(r));
}

/** Decodes one message of type `type` (a name in the schema), checked as described above. */
export function parseMessage<M extends object>(bytes: Uint8Array, file: string, type: string, decode: (r: $protobuf.Reader) => M): M {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length === 0) throw notA(type, file, 'the file is empty');
  const reader = $protobuf.Reader.create(buffer);
  reader.discardUnknown = false;
  let message: M;
  try {
    message = decode(reader);
  } catch (e) {
    throw notA(type, file, describeFailure(e, reader.pos, buffer.length), e);
  }
  const known = Object.keys(message).some((k) => {
    const v = (message as AnyMessage)[k];
    return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
  });
  if (!known) {
    const head = [...buffer.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    throw notA(type, file, `no ${type} field in ${buffer.length} bytes starting ${head}`);
  }
  const wrong = wrongWireType(message, type);
  if (wrong) throw notA(type, file, wrong);
  return message;
}

function notA(type: string, file: string, why: string, cause?: unknown): YlcError {
  return new YlcError('bad-model', `cannot read ${file}: not an ONNX ${type} (${why})`, { cause });
}

function describeFailure(e: unknown, pos: number, length: number): string {
  const message = e instanceof Error ? e.message : String(e);
  const wire = /invalid wire type (\d+) at offset (\d+)/.exec(message);
  if (wire) return `invalid wire type ${wire[1]} at byte ${wire[2]}`;
  if (/index out of range/.test(message)) return `truncated at byte ${Math.min(pos, length)}`;
  const tag = /illegal tag: field number (\d+)/.exec(message);
  if (tag) return `invalid field number ${tag[1]} at byte ${pos}`;
  if (/max depth exceeded/.test(message)) return `messages nested too deeply at byte ${pos}`;
  return `${message.split('\n')[0]} at byte ${pos}`;
}

const messageFieldCache = new Map<string, ReadonlyArray<readonly [string, string]>>();
/** [field name, message type] of the message-typed fields of `type`. */
function messageFields(type: string): ReadonlyArray<readonly [string, string]> {
  let m = messageFieldCache.get(type);
  if (!m) {
    m = Object.values(SCHEMA[type] ?? {}).flatMap((f: FieldSchema) => (f.message ? [[f.name, f.message] as const] : []));
    messageFieldCache.set(type, m);
  }
  return m;
}

/** The first field of the tree with a wrong wire type, described; undefined if none. */
export function wrongWireType(m: object, type: string): string | undefined {
  const found = findWrongWireType(m, type);
  if (!found) return undefined;
  const where = found.path.reverse().join('.');
  return `${found.what}${where ? ` at ${where}` : ''}${found.tail}`;
}

interface WrongWire {
  what: string;
  tail: string;
  /** Path segments from the innermost message outwards. */
  path: string[];
}

/** Allocation-free unless something is found: this walks every message of the model. */
function findWrongWireType(m: object, type: string): WrongWire | undefined {
  const unknowns = (m as AnyMessage).$unknowns;
  if (Object.prototype.hasOwnProperty.call(m, '$unknowns') && unknowns) {
    const fields = SCHEMA[type] ?? {};
    for (const raw of unknowns) {
      const tag = readVarint(raw);
      const number = Math.floor(tag / 8);
      const field = fields[number];
      const wire = tag % 8;
      if (field && wire !== field.wire && !(field.packed && wire === 2)) {
        const name = field.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
        return { what: `field ${name} (${number}) of ${type}`, tail: ` has wire type ${wire}, expected ${field.wire}`, path: [] };
      }
    }
  }
  for (const [key, message] of messageFields(type)) {
    if (!Object.prototype.hasOwnProperty.call(m, key)) continue;
    const v = (m as AnyMessage)[key];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const found = findWrongWireType(v[i] as object, message);
        if (found) {
          found.path.push(`${key}[${i}]`);
          return found;
        }
      }
    } else if (v && typeof v === 'object') {
      const found = findWrongWireType(v, message);
      if (found) {
        found.path.push(key);
        return found;
      }
    }
  }
  return undefined;
}

function readVarint(b: Uint8Array): number {
  let v = 0;
  let scale = 1;
  for (let i = 0; i < b.length && i < 10; i++) {
    const byte = b[i]!;
    v += (byte & 0x7f) * scale;
    if (byte < 0x80) break;
    scale *= 128;
  }
  return v;
}
