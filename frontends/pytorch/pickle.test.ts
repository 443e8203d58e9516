import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { YlcError } from '../../ir/errors.js';
import { PickleWriter, PyFunction, PyGlobal, isRecord, isTuple, unpickle } from './pickle.js';

// values_p{2,3,4,5}.pkl: CPython 3.11 `pickle.dumps(value, protocol=p)` of the dict that
// `expectedValues` describes (see frontends/pytorch/testdata/README.md).
const testdata = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(new URL(`./testdata/${name}`, import.meta.url)));

/** A pickle written as text: one char per byte. */
const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

function expectError(fn: () => unknown, message: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(YlcError);
  expect((caught as YlcError).message).toBe(message);
}

describe('unpickle: CPython pickles, protocols 2-5', () => {
  for (const protocol of [2, 3, 4, 5]) {
    it(`protocol ${protocol}`, () => {
      const v = unpickle(testdata(`values_p${protocol}.pkl`), { source: 'values.pkl' }) as Map<string, unknown>;
      expect(v).toBeInstanceOf(Map);
      expect(v.get('ints')).toEqual([0, 1, -1, 255, 256, 65535, 65536, -(2 ** 31), 2 ** 31 - 1, 2 ** 31, 2n ** 53n, -(2n ** 63n), 2n ** 70n]);
      expect(v.get('floats')).toEqual([1.5, -0, 1e300]);
      expect(Object.is((v.get('floats') as number[])[1], -0)).toBe(true);
      expect(v.get('none')).toBeNull();
      expect(v.get('bools')).toEqual([true, false]);
      expect(v.get('text')).toBe('héllo ✓');
      expect(v.get('bytes')).toEqual(new Uint8Array([0, 255]));
      expect(v.get('bytearray')).toEqual(new TextEncoder().encode('xy'));
      expect(v.get('set')).toEqual(new Set([3]));
      expect(v.get('frozenset')).toEqual(new Set([4]));
      const tuples = v.get('tuples') as unknown[][];
      expect(tuples).toEqual([[], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4]]);
      expect(tuples.every((t) => isTuple(t))).toBe(true);
      expect(isTuple(v.get('ints'))).toBe(false);
      const shared = v.get('shared') as unknown[][];
      expect(shared[0]).toBe(shared[1]); // the memo keeps identity
      expect(v.get('intkeys')).toEqual(new Map([[1, 'a'], [2, 'b']]));
      expect(v.get('long_list')).toEqual(new Array(1001).fill(7));

      const objects = v.get('objects') as Map<string, unknown>;
      const point = objects.get('point');
      expect(isRecord(point)).toBe(true);
      expect({ ...(point as object) }).toEqual({ __class__: '__main__.Point', x: 1, y: [2, 3] });
      expect({ ...(objects.get('slotted') as object) }).toEqual({ __class__: '__main__.Slotted', a: 5 });
      expect({ ...(objects.get('reduced') as object) }).toEqual({ __class__: '__main__.Reduced', __args__: [7, 'eight'] });
    });
  }
});

describe('unpickle: globals', () => {
  it('never executes a GLOBAL: os.system becomes an inert record', () => {
    const w = new PickleWriter().proto(2);
    w.global('os', 'system');
    w.tuple([() => w.unicode('rm -rf /')]).reduce().stop();
    const v = unpickle(w.bytes(), { source: 'evil.pkl' });
    expect({ ...(v as object) }).toEqual({ __class__: 'os.system', __args__: ['rm -rf /'] });
  });

  it('resolves through the caller table; Python 2 module names are normalised', () => {
    const raw = bytesOf('\x80\x02c__builtin__\nset\n]K\x01a\x85R.');
    expect(unpickle(raw, { source: 's.pkl' })).toEqual(new Set([1]));
    const table = new Map<string, unknown>([['m.f', new PyFunction('m.f', (args) => `called with ${args.length}`)]]);
    const w = new PickleWriter().proto(2);
    w.global('m', 'f').tuple([() => w.int(1), () => w.int(2)]).reduce().stop();
    expect(unpickle(w.bytes(), { source: 'f.pkl', globals: table })).toBe('called with 2');
    const g = new PickleWriter().proto(2);
    g.global('m', 'g').stop();
    expect(unpickle(g.bytes(), { source: 'g.pkl', globals: table })).toEqual(new PyGlobal('m', 'g'));
  });

  it('state keys are plain properties, even __proto__', () => {
    const raw = bytesOf('\x80\x02cm\nC\n)\x81}X\t\x00\x00\x00__proto__K\x05sb.');
    const v = unpickle(raw, { source: 'p.pkl' }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(v['__proto__']).toBe(5);
    expect(v['__class__']).toBe('m.C');
  });
});

describe('unpickle: errors', () => {
  it('an unknown opcode names its byte, offset and the source', () => {
    expectError(
      () => unpickle(new Uint8Array([0x80, 0x02, 0xff]), { source: 'w.pt (w/data.pkl)' }),
      'w.pt (w/data.pkl): unsupported pickle opcode 0xff at offset 2; re-save the file with torch.save',
    );
  });

  it('a known opcode ylc does not support is named', () => {
    expectError(
      () => unpickle(bytesOf('\x80\x02I01\n.'), { source: 'old.pkl' }),
      'old.pkl: unsupported pickle opcode 0x49 (INT) at offset 2; re-save the file with torch.save',
    );
  });

  it('truncation, underflow, bad memo and newer protocols', () => {
    expectError(
      () => unpickle(new Uint8Array([0x80, 0x02, 0x58, 0x05, 0, 0, 0, 0x61]), { source: 't.pkl' }),
      't.pkl: pickle ends unexpectedly at offset 8; the file is truncated',
    );
    expectError(() => unpickle(new Uint8Array([0x80, 0x02, 0x2e]), { source: 'u.pkl' }), 'u.pkl: malformed pickle at offset 2 (stack underflow)');
    expectError(
      () => unpickle(new Uint8Array([0x80, 0x02, 0x68, 0x07, 0x2e]), { source: 'm.pkl' }),
      'm.pkl: malformed pickle at offset 2 (memo entry 7 was never stored)',
    );
    expectError(() => unpickle(new Uint8Array([0x80, 0x06, 0x2e]), { source: 'p.pkl' }), 'p.pkl: malformed pickle at offset 0 (pickle protocol 6 is newer than 5)');
    expectError(
      () => unpickle(new Uint8Array([0x80, 0x02, 0x4e, 0x51, 0x2e]), { source: 'q.pkl' }),
      'q.pkl: malformed pickle at offset 3 (persistent id without a persistent_load)',
    );
  });
});

describe('PickleWriter', () => {
  it('ints of every width read back', () => {
    const values: Array<number | bigint> = [0, 255, 256, 65535, 65536, -1, -129, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, 2n ** 64n, -(2n ** 64n), 127, 128];
    const w = new PickleWriter().proto(2).mark();
    for (const v of values) w.int(v);
    const bytes = [...w.bytes(), 0x6c, 0x2e]; // LIST, STOP
    expect(unpickle(new Uint8Array(bytes), { source: 'ints.pkl' })).toEqual(values);
  });

  it('tuples, strings, persistent ids and memoised globals', () => {
    const w = new PickleWriter().proto(2);
    w.tuple([
      () => w.unicode('héllo'),
      () => w.none(),
      () => w.bool(true),
      () => w.tuple([() => w.unicode('storage'), () => w.int(3)]).binPersId(),
      () => w.global('a', 'b'),
      () => w.global('a', 'b'),
    ]).stop();
    const pids: unknown[] = [];
    const v = unpickle(w.bytes(), { source: 'w.pkl', persistentLoad: (pid) => (pids.push(pid), 'loaded') }) as unknown[];
    expect(v).toEqual(['héllo', null, true, 'loaded', new PyGlobal('a', 'b'), new PyGlobal('a', 'b')]);
    expect(pids).toEqual([['storage', 3]]);
    // The second GLOBAL is a BINGET of the first.
    expect([...w.bytes()].filter((b) => b === 0x63)).toHaveLength(1);
  });
});
