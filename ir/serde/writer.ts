/**
 * Message tree -> bytes without copying big byte fields.
 *
 * `ChunkWriter` is a protobufjs BufferWriter in which a bytes field (or raw unknown field) of at
 * least HOLE_BYTES is not copied into the writer's buffer: only its length prefix is written and
 * the view is remembered as a "hole" at that position. Length prefixes of enclosing messages
 * (fork/ldelim) count the holes' bytes. The result is a list of chunks (structure bytes and the
 * tensors' own views, in file order) that can be written to a file one by one, so saving a model
 * needs about 1x its size in memory, or concatenated once into an exactly sized buffer.
 */
import $protobuf from 'protobufjs/minimal.js';

/** Byte fields at least this long are written from their views instead of being copied. */
export const HOLE_BYTES = 4096;

interface Hole {
  pos: number;
  data: Uint8Array;
}

interface ForkState {
  lenPos: number;
  holeIndex: number;
  holeBytes: number;
}

/** What protobufjs' Writer keeps internally and ChunkWriter relies on. */
interface WriterInternals {
  buf: Uint8Array;
  pos: number;
  _reserve(n: number): void;
  uint32(v: number): unknown;
}

export class ChunkWriter extends $protobuf.BufferWriter {
  private readonly holes: Hole[] = [];
  private holeBytes = 0;
  private readonly forks: ForkState[] = [];

  private get w(): WriterInternals {
    return this as unknown as WriterInternals;
  }

  override fork(): this {
    const w = this.w;
    w._reserve(1);
    this.forks.push({ lenPos: w.pos, holeIndex: this.holes.length, holeBytes: this.holeBytes });
    w.pos += 1;
    return this;
  }

  override ldelim(): this {
    const state = this.forks.pop();
    if (!state) throw new Error('ChunkWriter: ldelim without fork');
    const w = this.w;
    const len = w.pos - state.lenPos - 1 + (this.holeBytes - state.holeBytes);
    const vlen = varintSize(len);
    if (vlen > 1) {
      w._reserve(vlen - 1);
      w.buf.copyWithin(state.lenPos + vlen, state.lenPos + 1, w.pos);
      w.pos += vlen - 1;
      for (let i = state.holeIndex; i < this.holes.length; i++) this.holes[i]!.pos += vlen - 1;
    }
    writeVarint(len, w.buf, state.lenPos);
    return this;
  }

  override bytes(value: Uint8Array | string): this {
    if (typeof value === 'string' || value.length < HOLE_BYTES) {
      super.bytes(value);
      return this;
    }
    this.w.uint32(value.length);
    this.hole(value);
    return this;
  }

  override raw(value: Uint8Array): this {
    if (value.length < HOLE_BYTES) {
      super.raw(value);
      return this;
    }
    this.hole(value);
    return this;
  }

  private hole(data: Uint8Array): void {
    this.holes.push({ pos: this.w.pos, data });
    this.holeBytes += data.length;
  }

  /** Total encoded size in bytes. */
  get size(): number {
    return this.w.pos + this.holeBytes;
  }

  /** The encoded bytes as chunks in order (views of the writer's buffer and of the holes' data). */
  chunks(): Uint8Array[] {
    if (this.forks.length) throw new Error('ChunkWriter: unbalanced fork');
    const out: Uint8Array[] = [];
    const buf = this.w.buf;
    let at = 0;
    for (const h of this.holes) {
      if (h.pos > at) out.push(buf.subarray(at, h.pos));
      out.push(h.data);
      at = h.pos;
    }
    if (this.w.pos > at) out.push(buf.subarray(at, this.w.pos));
    return out;
  }
}

export function concatChunks(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  if (at !== size) throw new Error(`ChunkWriter: wrote ${at} bytes, expected ${size}`);
  return out;
}

function varintSize(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

function writeVarint(v: number, buf: Uint8Array, pos: number): void {
  while (v > 127) {
    buf[pos++] = (v & 127) | 128;
    v >>>= 7;
  }
  buf[pos] = v;
}
