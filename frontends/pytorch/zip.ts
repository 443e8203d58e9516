/**
 * The zip container of `torch.save` archives (PKWARE APPNOTE 6.3), reading and writing.
 *
 * Why not a zip library: torch stores every record uncompressed so that storages can be mapped
 * straight from the file, and ylc relies on the same property: a stored entry is returned as a
 * view of the archive buffer, never copied (zip libraries such as fflate hand back copies). On the
 * writing side torch pads each local header with an extra field ('FB' + 'Z' bytes) so that record
 * data starts on a 64-byte boundary, which general zip writers do not offer. The little that a zip
 * library would add (deflate for re-zipped archives, CRC-32) comes from node:zlib.
 *
 * Contract:
 * - Reading: central directory based (the local headers are only used to find where data starts),
 *   zip64 aware. Stored entries are views; deflated entries are inflated into new buffers.
 * - Writing: stored entries only, each record's data aligned to `align` bytes like torch's
 *   PyTorchStreamWriter, CRC-32 and sizes in the local header (no data descriptors), zip64 records
 *   only where an offset or size needs them (or when `forceZip64` asks, for tests).
 */
import * as zlib from 'node:zlib';
import { YlcError } from '../../ir/errors.js';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the entry's data (after its local header) in the archive. */
  readonly dataOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

/** True when the bytes start like a zip archive (a local header, or the end record of an empty one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

export class ZipReader {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const e of entries) this.byName.set(e.name, e);
  }

  /** Parses the central directory; throws `bad-model` naming `fileName` when it is not a zip. */
  static open(bytes: Uint8Array, fileName: string): ZipReader {
    const fail = (why: string): never => {
      throw new YlcError('bad-model', `${fileName}: not a readable zip archive (${why})`);
    };
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = findEndRecord(view);
    if (end < 0) fail('no end of central directory record');
    let count = view.getUint16(end + 10, true);
    let cdSize = view.getUint32(end + 12, true);
    let cdOffset = view.getUint32(end + 16, true);
    const locator = end - 20;
    if (locator >= 0 && view.getUint32(locator, true) === SIG_END64_LOCATOR) {
      const end64 = readU64(view, locator + 8);
      if (end64 + 56 > bytes.length || view.getUint32(end64, true) !== SIG_END64) fail('bad zip64 end record');
      count = readU64(view, end64 + 32);
      cdSize = readU64(view, end64 + 40);
      cdOffset = readU64(view, end64 + 48);
    }
    if (cdOffset + cdSize > bytes.length) fail(`central directory at ${cdOffset} reaches past the end of the file`);
    const decoder = new TextDecoder();
    const entries: ZipEntry[] = [];
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL) fail(`bad central directory entry ${i}`);
      const method = view.getUint16(p + 10, true);
      let compressedSize = view.getUint32(p + 20, true);
      let size = view.getUint32(p + 24, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      let localOffset = view.getUint32(p + 42, true);
      const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
      // zip64 extended information: only the fields whose 32-bit slot is saturated, in this order.
      let q = p + 46 + nameLength;
      const extraEnd = q + extraLength;
      while (q + 4 <= extraEnd) {
        const id = view.getUint16(q, true);
        const length = view.getUint16(q + 2, true);
        if (id === 0x0001) {
          let r = q + 4;
          if (size === U32_MAX) (size = readU64(view, r)), (r += 8);
          if (compressedSize === U32_MAX) (compressedSize = readU64(view, r)), (r += 8);
          if (localOffset === U32_MAX) localOffset = readU64(view, r);
        }
        q += 4 + length;
      }
      p = extraEnd + commentLength;
      if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== SIG_LOCAL) {
        fail(`entry '${name}' has no local header at ${localOffset}`);
      }
      const dataOffset = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
      if (dataOffset + compressedSize > bytes.length) fail(`entry '${name}' reaches past the end of the file`);
      entries.push({ name, method, compressedSize, size, dataOffset });
    }
    return new ZipReader(bytes, fileName, entries);
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The entry's bytes: a view of the archive when stored, a new buffer when deflated. */
  read(entry: ZipEntry): Uint8Array {
    const raw = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (entry.method === 0) return raw;
    if (entry.method === 8) {
      try {
        return new Uint8Array(zlib.inflateRawSync(raw));
      } catch (e) {
        throw new YlcError('bad-model', `${this.fileName}: entry '${entry.name}' does not inflate (${(e as Error).message})`);
      }
    }
    throw new YlcError(
      'bad-model',
      `${this.fileName}: entry '${entry.name}' uses zip compression method ${entry.method}; re-save the file with torch.save`,
    );
  }
}

function findEndRecord(view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  const stop = Math.max(0, view.byteLength - 22 - U16_MAX);
  for (let p = view.byteLength - 22; p >= stop; p--) {
    if (view.getUint32(p, true) === SIG_END) return p;
  }
  return -1;
}

function readU64(view: DataView, offset: number): number {
  return Number(view.getBigUint64(offset, true));
}

export interface ZipWriteEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

export interface ZipWriteOptions {
  /** Record data starts at a multiple of this many bytes (torch: 64). */
  readonly align?: number;
  /** Write zip64 records even where 32-bit fields would do (exercises the zip64 path in tests). */
  readonly forceZip64?: boolean;
}

/**
 * The archive as a sequence of chunks (headers and the entries' own buffers, not copied), ready to
 * be written one after the other.
 */
export function* zipChunks(entries: Iterable<ZipWriteEntry>, options: ZipWriteOptions = {}): Generator<Uint8Array> {
  const align = options.align ?? 64;
  const encoder = new TextEncoder();
  const central: Uint8Array[] = [];
  let offset = 0;
  let count = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const size = entry.data.byteLength;
    const crc = zlib.crc32(entry.data) >>> 0;
    const zip64 = options.forceZip64 === true || size >= U32_MAX || offset >= U32_MAX;
    const flags = name.length === entry.name.length ? 0 : 0x0800;
    const version = zip64 ? 45 : 20;

    // Local header: zip64 extra (sizes), then torch's 'FB' padding extra.
    const zip64Local = zip64 ? 20 : 0;
    const start = offset + 30 + name.length + zip64Local + 4;
    const padding = (align - (start % align)) % align;
    const local = new Uint8Array(30 + name.length + zip64Local + 4 + padding);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, SIG_LOCAL, true);
    lv.setUint16(4, version, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, 0, true); // stored
    lv.setUint16(10, 0, true); // time 00:00
    lv.setUint16(12, DOS_DATE_1980, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, zip64 ? U32_MAX : size, true);
    lv.setUint32(22, zip64 ? U32_MAX : size, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, zip64Local + 4 + padding, true);
    local.set(name, 30);
    let q = 30 + name.length;
    if (zip64) {
      lv.setUint16(q, 0x0001, true);
      lv.setUint16(q + 2, 16, true);
      lv.setBigUint64(q + 4, BigInt(size), true);
      lv.setBigUint64(q + 12, BigInt(size), true);
      q += 20;
    }
    local[q] = 0x46; // 'F'
    local[q + 1] = 0x42; // 'B'
    lv.setUint16(q + 2, padding, true);
    local.fill(0x5a, q + 4); // 'Z'

    const zip64Central = zip64 ? 28 : 0;
    const cd = new Uint8Array(46 + name.length + zip64Central);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, version, true);
    cv.setUint16(6, version, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, 0, true);
    cv.setUint16(12, 0, true);
    cv.setUint16(14, DOS_DATE_1980, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, zip64 ? U32_MAX : size, true);
    cv.setUint32(24, zip64 ? U32_MAX : size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, zip64Central, true);
    cv.setUint32(42, zip64 ? U32_MAX : offset, true);
    cd.set(name, 46);
    if (zip64) {
      const r = 46 + name.length;
      cv.setUint16(r, 0x0001, true);
      cv.setUint16(r + 2, 24, true);
      cv.setBigUint64(r + 4, BigInt(size), true);
      cv.setBigUint64(r + 12, BigInt(size), true);
      cv.setBigUint64(r + 20, BigInt(offset), true);
    }
    central.push(cd);

    yield local;
    if (size > 0) yield entry.data;
    offset += local.length + size;
    count++;
  }

  const cdOffset = offset;
  let cdSize = 0;
  for (const cd of central) {
    yield cd;
    cdSize += cd.length;
  }
  const zip64End = options.forceZip64 === true || count >= U16_MAX || cdOffset >= U32_MAX || cdSize >= U32_MAX;
  if (zip64End) {
    const rec = new Uint8Array(56 + 20);
    const v = new DataView(rec.buffer);
    v.setUint32(0, SIG_END64, true);
    v.setBigUint64(4, 44n, true);
    v.setUint16(12, 45, true);
    v.setUint16(14, 45, true);
    v.setBigUint64(24, BigInt(count), true);
    v.setBigUint64(32, BigInt(count), true);
    v.setBigUint64(40, BigInt(cdSize), true);
    v.setBigUint64(48, BigInt(cdOffset), true);
    v.setUint32(56, SIG_END64_LOCATOR, true);
    v.setBigUint64(64, BigInt(cdOffset + cdSize), true);
    v.setUint32(72, 1, true);
    yield rec;
  }
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, SIG_END, true);
  ev.setUint16(8, zip64End ? U16_MAX : count, true);
  ev.setUint16(10, zip64End ? U16_MAX : count, true);
  ev.setUint32(12, zip64End ? U32_MAX : cdSize, true);
  ev.setUint32(16, zip64End ? U32_MAX : cdOffset, true);
  yield end;
}

/** 1980-01-01: the earliest DOS date; a fixed stamp keeps the output byte-for-byte reproducible. */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
