import { describe, expect, it } from 'vitest';
import { YlcError } from '../../ir/errors.js';
import { assignTargets, checkTargets, type TargetGeometry } from './targets.js';

/** One 8x8 level with anchors (1, 1) and (3, 3) in grid units. */
const geometry: TargetGeometry = { batchSize: 2, nc: 3, grids: [[8, 8]], anchors: [[1, 1, 3, 3]] };
const rows = (l: { indices: BigInt64Array; n: number }): number[][] =>
  Array.from({ length: l.n }, (_, e) => Array.from(l.indices.subarray(4 * e, 4 * e + 4), Number));

describe('assignTargets', () => {
  it('a box in the lower-left quarter of its cell trains the cell, its left and its upper neighbour', () => {
    // gxy = (3.25, 4.25), gwh = (1.2, 0.8): anchor 0 only (anchor 1 ratio 3 / 0.8 = 3.75 < 4 too: both).
    const [level] = assignTargets(Float32Array.of(1, 2, 3.25 / 8, 4.25 / 8, 1.2 / 8, 0.8 / 8), geometry, { anchorT: 4 });
    // Anchor-major kept pairs (a0, a1), then offsets: own, left (x frac < .5), up (y frac < .5).
    expect(rows(level!)).toEqual([
      [1, 0, 4, 3],
      [1, 1, 4, 3],
      [1, 0, 4, 2],
      [1, 1, 4, 2],
      [1, 0, 3, 3],
      [1, 1, 3, 3],
    ]);
    expect(Array.from(level!.tbox.subarray(0, 4))).toEqual([0.25, 0.25, Math.fround(1.2), Math.fround(0.8)].map(Math.fround));
    expect(Array.from(level!.tbox.subarray(8, 12))).toEqual([1.25, 0.25, Math.fround(1.2), Math.fround(0.8)].map(Math.fround));
    expect(Array.from(level!.tcls)).toEqual(new Array(6).fill(2n));
    expect(Array.from(level!.anchors)).toEqual([1, 1, 3, 3, 1, 1, 3, 3, 1, 1, 3, 3]);
    expect(Array.from(level!.objRows)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
  });

  it('upper-right quarter: right and lower neighbours; no neighbour across the border (gxy <= 1, gxi <= 1)', () => {
    const [a] = assignTargets(Float32Array.of(0, 0, 3.75 / 8, 4.75 / 8, 0.1, 0.1), { ...geometry, anchors: [[1, 1]] }, { anchorT: 4 });
    expect(rows(a!)).toEqual([[0, 0, 4, 3], [0, 0, 4, 4], [0, 0, 5, 3]]);
    const [edge] = assignTargets(Float32Array.of(0, 0, 0.25 / 8, 7.75 / 8, 0.1, 0.1), { ...geometry, anchors: [[1, 1]] }, { anchorT: 4 });
    expect(rows(edge!)).toEqual([[0, 0, 7, 0]]);
  });

  it('a box at x = 1 lands in the last column (clamped), with tbox x relative to it', () => {
    const [level] = assignTargets(Float32Array.of(0, 0, 1, 0.5, 0.1, 0.1), { ...geometry, anchors: [[1, 1]] }, { anchorT: 4 });
    expect(rows(level!)[0]).toEqual([0, 0, 4, 7]);
    expect(level!.tbox[0]).toBe(1);
  });

  it('anchor_t filters on max(r, 1/r) of both sides, strictly', () => {
    const one = { ...geometry, anchors: [[1, 1]] };
    expect(assignTargets(Float32Array.of(0, 0, 0.5, 0.5, 4 / 8, 1 / 8), one, { anchorT: 4 })[0]!.n).toBe(0);
    expect(assignTargets(Float32Array.of(0, 0, 0.5, 0.5, 3.9 / 8, 1 / 8), one, { anchorT: 4 })[0]!.n).toBeGreaterThan(0);
    expect(assignTargets(Float32Array.of(0, 0, 0.5, 0.5, 0.25 / 8, 1 / 8), one, { anchorT: 4 })[0]!.n).toBe(0);
  });

  it('two targets in one cell: the objectness target of that cell comes from the last entry', () => {
    const t = Float32Array.of(0, 0, 4.5 / 8, 4.5 / 8, 0.1, 0.1, 0, 1, 4.6 / 8, 4.6 / 8, 0.12, 0.12);
    const [level] = assignTargets(t, { ...geometry, anchors: [[1, 1]] }, { anchorT: 4 });
    expect(rows(level!)).toEqual([[0, 0, 4, 4], [0, 0, 4, 4], [0, 0, 4, 5], [0, 0, 5, 4]]);
    expect(Array.from(level!.objRows)).toEqual([1n, 2n, 3n]);
  });

  it('no targets: every level empty', () => {
    const levels = assignTargets(new Float32Array(0), { ...geometry, grids: [[8, 8], [4, 4]], anchors: [[1, 1], [2, 2]] }, { anchorT: 4 });
    expect(levels.map((l) => [l.n, l.indices.length, l.objRows.length])).toEqual([[0, 0, 0], [0, 0, 0]]);
  });
});

describe('checkTargets', () => {
  const check = (t: number[], dims = [t.length / 6, 6]) => () => checkTargets(Float32Array.from(t), dims, geometry);
  it('accepts good rows and counts them', () => {
    expect(checkTargets(Float32Array.of(0, 2, 0, 1, 1, 0, 1, 0, 0.5, 0.5, 0.1, 0.1), [2, 6], geometry)).toBe(2);
    expect(checkTargets(new Float32Array(0), [0, 6], geometry)).toBe(0);
  });
  it('names the row and the problem in one line', () => {
    expect(check([0, 3, 0.5, 0.5, 0.1, 0.1])).toThrow(new YlcError('bad-option', 'targets row 0 [0, 3, 0.5, 0.5, 0.1, 0.1]: class 3 is out of range for nc=3 (classes 0..2)'));
    expect(check([0, 1.5, 0.5, 0.5, 0.1, 0.1])).toThrow('targets row 0 [0, 1.5, 0.5, 0.5, 0.1, 0.1]: class 1.5 is not a class index');
    expect(check([0, 0, 0.5, 0.5, 0.1, 0.1, 0, 0, -0.1, 0.5, 0.1, 0.1])).toThrow('targets row 1 [0, 0, -0.1, 0.5, 0.1, 0.1]: box x = -0.1 is outside [0, 1]');
    expect(check([0, 0, 0.5, 0.5, 1.5, 0.1])).toThrow('box w = 1.5 is outside [0, 1]');
    expect(check([-1, 0, 0.5, 0.5, 0.1, 0.1])).toThrow('image index -1 is not an image of the batch (0..1)');
    expect(check([0, 0, NaN, 0.5, 0.1, 0.1])).toThrow('targets row 0 [0, 0, NaN, 0.5, 0.1, 0.1]: holds a non-finite value');
    expect(check([0, 0, 0.5, 0.5, 0.1], [1, 5])).toThrow('targets: expected [n, 6] rows (image, class, x, y, w, h), got [1, 5]');
  });
});
