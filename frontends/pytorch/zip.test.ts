import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { YlcError } from '../../ir/errors.js';
import { ZipReader, looksLikeZip, zipChunks, type ZipWriteEntry } from './zip.js';

function concat(chunks: Iterable<Uint8Array>): Uint8Array {
  const list = [...chunks];
  const out = new Uint8Array(list.reduce((n, c) => n + c.byteLength, 0));
  let o = 0;
  for (const c of list) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}

const entries: ZipWriteEntry[] = [
  { name: 'a/data.pkl', data: new TextEncoder().encode('pickle bytes') },
  { name: 'a/data/0', data: new Uint8Array(1000).map((_, i) => i & 0xff) },
  { name: 'a/empty', data: new Uint8Array(0) },
  { name: 'a/ünïcode', data: new Uint8Array([1, 2, 3]) },
];

describe('zip', () => {
  for (const forceZip64 of [false, true]) {
    it(`writes aligned stored records that read back as views${forceZip64 ? ' (zip64)' : ''}`, () => {
      const bytes = concat(zipChunks(entries, { forceZip64 }));
      expect(looksLikeZip(bytes)).toBe(true);
      const zip = ZipReader.open(bytes, 'x.zip');
      expect(zip.entries.map((e) => e.name)).toEqual(entries.map((e) => e.name));
      for (const [i, e] of zip.entries.entries()) {
        expect(e.method).toBe(0);
        expect(e.dataOffset % 64).toBe(0);
        const data = zip.read(e);
        expect(data).toEqual(entries[i]!.data);
        expect(data.buffer).toBe(bytes.buffer); // a view, not a copy
      }
    });
  }

  it('honours another alignment', () => {
    const zip = ZipReader.open(concat(zipChunks(entries, { align: 4096 })), 'x.zip');
    expect(zip.entries.every((e) => e.dataOffset % 4096 === 0)).toBe(true);
  });

  it('reads what Python zipfile wrote, deflated entries included', () => {
    const bytes = new Uint8Array(fs.readFileSync(new URL('./testdata/mixed_methods.zip', import.meta.url)));
    const zip = ZipReader.open(bytes, 'mixed_methods.zip');
    const deflated = zip.get('d/deflated.txt')!;
    expect(deflated.method).toBe(8);
    expect(new TextDecoder().decode(zip.read(deflated))).toBe('hello '.repeat(50));
    expect(zip.read(zip.get('d/stored.bin')!)).toEqual(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });

  it('is deterministic', () => {
    expect(concat(zipChunks(entries))).toEqual(concat(zipChunks(entries)));
  });

  it('refuses what is not a zip, naming the file', () => {
    let caught: unknown;
    try {
      ZipReader.open(new Uint8Array(100), 'junk.bin');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(YlcError);
    expect((caught as YlcError).message).toBe('junk.bin: not a readable zip archive (no end of central directory record)');
  });

  it('refuses a truncated archive', () => {
    const bytes = concat(zipChunks(entries));
    // Drop the records' middle but keep the central directory and end record.
    const cdOffset = new DataView(bytes.buffer).getUint32(bytes.length - 22 + 16, true);
    const cut = concat([bytes.subarray(0, 200), bytes.subarray(cdOffset)]);
    let caught: unknown;
    try {
      ZipReader.open(cut, 'cut.zip');
    } catch (e) {
      caught = e;
    }
    expect((caught as YlcError).message).toBe(
      `cut.zip: not a readable zip archive (central directory at ${cdOffset} reaches past the end of the file)`,
    );
  });
});
