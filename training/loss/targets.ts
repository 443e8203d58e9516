/**
 * Target assignment of YOLOv5 v7.0 (`ComputeLoss.build_targets`), on the host: which prediction
 * cells each ground-truth box trains, per level. It is data-dependent indexing, so it stays out of
 * the graph; the loss graph (yolo-loss.ts) receives its result as index and target tensors.
 *
 * Targets are rows `[image, class, x, y, w, h]`, xywh normalised to [0, 1]. For level i with grid
 * ny x nx and anchors A_i (pixels / stride), every (anchor a, target) pair with
 *   max(r, 1/r) < anchor_t in both w and h,   r = (w * nx, h * ny) / A_i[a]
 * is kept, in anchor-major order. With gxy = (x * nx, y * ny) and gxi = (nx, ny) - gxy, each kept
 * pair trains its own cell and, with offset g = 0.5, its neighbours
 *   left  if frac(gx) < 0.5 and gx > 1,   up    if frac(gy) < 0.5 and gy > 1,
 *   right if frac(gxi) < 0.5 and gxi > 1, down  if frac(gyi) < 0.5 and gyi > 1
 * (two in general; four when the centre lies exactly on grid lines, frac = 0 on both sides),
 * listed offset-major (own cells, then left, up, right, down), as YOLOv5's boolean-mask gathers
 * order them. gij = trunc(gxy - offset), clamped to the grid; tbox = (gxy - gij, gwh) with the
 * clamped gij (YOLOv5 clamps gij in place), tcls = trunc(class), anchors = A_i[a].
 *
 * Every value is computed in float32 (Math.fround after each operation) as PyTorch computes it,
 * so that the cells and box targets agree bit for bit.
 *
 * Objectness: `tobj[b, a, gj, gi] = iou` writes once per entry in list order, so where several
 * entries share a cell the last one wins (PyTorch's CPU index_put_ without accumulate runs
 * serially for these sizes). `objRows` lists, per level, the entry that wins each distinct cell,
 * in first-seen cell order.
 */
import { YlcError } from '../../ir/errors.js';

const f = Math.fround;

/** The geometry the assignment needs: per level the grid and the anchors in grid units. */
export interface TargetGeometry {
  /** Images in the batch. */
  batchSize: number;
  nc: number;
  /** Per level: [ny, nx]. */
  grids: ReadonlyArray<readonly [number, number]>;
  /** Per level: (w, h) anchor pairs in grid units (pixels / stride, float32), flat. */
  anchors: ReadonlyArray<readonly number[]>;
}

/** One level's assignment; n = entries (target/anchor/cell triples), m = distinct cells. */
export interface LevelTargets {
  /** [n, 4] int64 rows (b, a, gj, gi): the prediction cells, for GatherND on [bs, na, ny, nx, no]. */
  indices: BigInt64Array;
  /** [n, 4] (x, y, w, h) in grid units, xy relative to the cell. */
  tbox: Float32Array;
  /** [n] class index. */
  tcls: BigInt64Array;
  /** [n, 2] the anchor of each entry, grid units. */
  anchors: Float32Array;
  /** [m] the entry whose IoU becomes the objectness target of each distinct cell. */
  objRows: BigInt64Array;
  readonly n: number;
}

export interface TargetOptions {
  anchorT: number;
  /** Neighbour-cell offset (0.5 in YOLOv5). */
  g?: number;
}

/**
 * Checks `targets` ([n, 6] rows) against the batch: a one-line YlcError naming the first bad row
 * and what is wrong with it. `what` names the tensor in messages.
 */
export function checkTargets(targets: Float32Array, dims: readonly number[], geometry: Pick<TargetGeometry, 'batchSize' | 'nc'>, what = 'targets'): number {
  if (dims.length !== 2 || dims[1] !== 6) {
    throw new YlcError('bad-option', `${what}: expected [n, 6] rows (image, class, x, y, w, h), got [${dims.join(', ')}]`);
  }
  const n = dims[0]!;
  if (targets.length !== n * 6) throw new RangeError(`checkTargets: ${targets.length} values for [${n}, 6]`);
  for (let r = 0; r < n; r++) {
    const row = targets.subarray(r * 6, r * 6 + 6);
    const [img, cls, x, y, w, h] = row as unknown as [number, number, number, number, number, number];
    const show = `[${Array.from(row, short).join(', ')}]`;
    const bad = (why: string): never => {
      throw new YlcError('bad-option', `${what} row ${r} ${show}: ${why}`);
    };
    if (!row.every(Number.isFinite)) bad('holds a non-finite value');
    if (!Number.isInteger(img) || img < 0 || img >= geometry.batchSize) bad(`image index ${short(img)} is not an image of the batch (0..${geometry.batchSize - 1})`);
    if (!Number.isInteger(cls) || cls < 0) bad(`class ${short(cls)} is not a class index`);
    if (cls >= geometry.nc) bad(`class ${cls} is out of range for nc=${geometry.nc} (classes 0..${geometry.nc - 1})`);
    for (const [name, v] of [['x', x], ['y', y], ['w', w], ['h', h]] as const) {
      if (v < 0 || v > 1) bad(`box ${name} = ${short(v)} is outside [0, 1] (targets are xywh normalised by the image size)`);
    }
  }
  return n;
}

/** A float32 value as a short decimal (0.1, not 0.10000000149011612). */
function short(v: number): string {
  return String(Number(v.toPrecision(7)));
}

/** build_targets for every level. `targets` must have passed `checkTargets`. */
export function assignTargets(targets: Float32Array, geometry: TargetGeometry, options: TargetOptions): LevelTargets[] {
  const nt = targets.length / 6;
  const g = options.g ?? 0.5;
  const anchorT = f(options.anchorT);
  const off: ReadonlyArray<readonly [number, number]> = [
    [0, 0],
    [g, 0],
    [0, g],
    [-g, 0],
    [0, -g],
  ];
  return geometry.grids.map(([ny, nx], level) => {
    const anchors = geometry.anchors[level]!;
    const na = anchors.length / 2;
    const gain = [f(nx), f(ny), f(nx), f(ny)];
    // Kept pairs, anchor-major: t = targets * gain, then the anchor-ratio filter.
    const kept: Array<{ b: number; c: number; gx: number; gy: number; gw: number; gh: number; a: number }> = [];
    for (let a = 0; a < na; a++) {
      const aw = f(anchors[2 * a]!);
      const ah = f(anchors[2 * a + 1]!);
      for (let k = 0; k < nt; k++) {
        const row = k * 6;
        const gw = f(targets[row + 4]! * gain[2]!);
        const gh = f(targets[row + 5]! * gain[3]!);
        const rw = f(gw / aw);
        const rh = f(gh / ah);
        const worst = Math.max(Math.max(rw, f(1 / rw)), Math.max(rh, f(1 / rh)));
        if (!(worst < anchorT)) continue;
        kept.push({ b: targets[row]!, c: targets[row + 1]!, gx: f(targets[row + 2]! * gain[0]!), gy: f(targets[row + 3]! * gain[1]!), gw, gh, a });
      }
    }
    // Neighbour masks, then the offset-major listing.
    const frac = (v: number): number => f(v - Math.floor(v));
    const masks = kept.map((t) => {
      const gxi = f(gain[0]! - t.gx);
      const gyi = f(gain[1]! - t.gy);
      return [true, frac(t.gx) < g && t.gx > 1, frac(t.gy) < g && t.gy > 1, frac(gxi) < g && gxi > 1, frac(gyi) < g && gyi > 1];
    });
    const indices: number[] = [];
    const tbox: number[] = [];
    const tcls: number[] = [];
    const anch: number[] = [];
    for (let o = 0; o < 5; o++) {
      const [ox, oy] = off[o]!;
      kept.forEach((t, j) => {
        if (!masks[j]![o]) return;
        const gi = Math.min(Math.max(Math.trunc(f(t.gx - ox)), 0), nx - 1);
        const gj = Math.min(Math.max(Math.trunc(f(t.gy - oy)), 0), ny - 1);
        indices.push(Math.trunc(t.b), t.a, gj, gi);
        tbox.push(f(t.gx - gi), f(t.gy - gj), t.gw, t.gh);
        tcls.push(Math.trunc(t.c));
        anch.push(f(anchors[2 * t.a]!), f(anchors[2 * t.a + 1]!));
      });
    }
    const n = tcls.length;
    // The last entry of each cell sets its objectness target.
    const winner = new Map<string, number>();
    for (let e = 0; e < n; e++) winner.set(`${indices[4 * e]},${indices[4 * e + 1]},${indices[4 * e + 2]},${indices[4 * e + 3]}`, e);
    return {
      n,
      indices: BigInt64Array.from(indices, (v) => BigInt(v)),
      tbox: Float32Array.from(tbox),
      tcls: BigInt64Array.from(tcls, (v) => BigInt(v)),
      anchors: Float32Array.from(anch),
      objRows: BigInt64Array.from(winner.values(), (v) => BigInt(v)),
    };
  });
}
