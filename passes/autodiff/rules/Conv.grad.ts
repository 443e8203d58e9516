/**
 * Conv: Y = W (*) X + b, with strides s, dilations d, pads (pb, pe) and groups g.
 *
 * dX, the transposed convolution of dY with W (strategy `input`):
 *   - 'conv-transpose': ConvTranspose(dY, W; s, d, pads, g, output_padding = the input rows the
 *     forward never read);
 *   - 'conv': for stride 1, Conv(dY, W'; d, pads (k-1)d - p, g) with W' the spatially flipped W,
 *     in/out channels swapped per group (W' is small and computed per step); for stride s > 1
 *     (2-D, no dilation) the polyphase split: s*s stride-1 sub-kernels gathered from W as the
 *     output channels of one Conv, interleaved by DepthToSpace;
 *   - 'matmul': for 1x1, stride 1, no pads, g = 1: MatMul(W^T [Ci, Co], dY [N, Co, HW]).
 * dW[co, ci, k] = sum_n,o dY[n, co, o] X[n, ci, o s + k d - pb] (strategy `weight`):
 *   - 'conv': a convolution of X (batch and channels swapped: [Ci/g, g N, H, W]) with dY as the
 *     kernel ([Co, N, Ho, Wo]), strides d, dilations s, groups g: out [Ci/g, Co, k, k], transposed;
 *     input rows past the last window are cropped so the result is exactly k;
 *   - 'im2col' (g = 1): the k*k shifted, strided windows of the padded X (Slice) stacked as
 *     cols [N, Ci k k, Ho Wo] (1x1 stride 1: X itself), dW = sum_n dY_n cols_n^T by a batched
 *     MatMul (ORT fuses the transposition) and a ReduceSum over N;
 *   - 'patches' (g = 1): the same cols made by one Conv with k*k one-hot kernels over X seen as
 *     [N Ci, 1, H, W];
 *   - 'im2col-folded' (g = 1): X and dY with batch and channels swapped, the batch folded into the
 *     contraction: one [Co, N Ho Wo] x [N Ho Wo, Ci k k] MatMul, no ReduceSum.
 * db = ReduceSum(dY) over all axes but 1. Formulations that do not apply fall back to
 * ConvTranspose (dX) and the convolution form (dW).
 *
 * Which is fastest: test/bench/autodiff.ts conv-grad, yolov5n's layers at 320 x 320, batch 8, W a
 * graph input (as in training), ORT 1.30 CPU, graphOptimizationLevel 'all', 1 intra-op thread
 * (the 2-core machine was shared: 1-thread CPU time is what could be measured reliably), AMD EPYC
 * (Zen 4, AVX-512). ms, median CPU time per run of the gradient alone (dead forward nodes removed,
 * the seed Expand * dY subtracted); '-' = not applicable. fwd: the Conv itself, for scale.
 *
 *   layer                          fwd |  dX: ConvT  Conv(flip/  MatMul |  dW: Conv(X^T,  im2col  im2col   im2col
 *                                      |            polyphase)         |       dY^T)     Slice   Conv(eye) folded
 *   model.0  6x6 s2   3->16  @320  23.6 |      14.4    21.1       -    |      18.3       35.9    30.1     43.5
 *   model.1  3x3 s2  16->32  @160  10.0 |       9.5    19.6       -    |      21.6       22.4    11.2     25.7
 *   model.2  1x1     32->16  @80    1.6 |       1.4     1.2      1.6   |       8.9        0.6     -        1.3
 *   model.2  3x3     16->16  @80    4.2 |       5.0     4.1       -    |      14.9        7.7     8.5      9.3
 *   model.3  3x3 s2  32->64  @80    7.1 |       6.7    12.4       -    |      13.6       13.3     8.2     12.3
 *   model.4  3x3     32->32  @40    3.4 |       3.6     3.1       -    |       9.0        4.8     5.7      5.5
 *   model.4  1x1     64->64  @40    1.5 |       1.5     1.2      1.5   |       6.5        0.9     -        1.1
 *   model.5  3x3 s2  64->128 @40    5.7 |       5.8    11.3       -    |      10.5        8.4     7.2      8.5
 *   model.6  3x3     64->64  @20    2.9 |       3.1     2.9       -    |       6.2        4.0     4.7      4.0
 *   model.8  3x3    128->128 @10    2.9 |       3.0     3.4       -    |       5.4        4.4     4.2      3.5
 *   model.9  1x1    512->256 @10    2.4 |       2.6     2.4      2.6   |       6.5        3.1     -        2.4
 *   model.24 1x1     64->255 @40    6.2 |       4.5     4.0      4.4   |      21.3        6.6     -        4.3
 * 'auto' (the default) therefore takes: dX by Conv for stride 1 (flipped kernel), ConvTranspose
 * for stride > 1 (the polyphase split loses to ORT's ConvTranspose by ~2x); dW by im2col MatMul for
 * 1x1 (5-10x faster than the convolution form, whose dY-sized kernel ORT runs slowly) and k x k stride 1,
 * im2col by one-hot Conv for small strided kernels, the folded im2col on maps of 16 x 16 or less,
 * and the convolution form for kernels of 16 taps or more (the 6x6 stem: im2col would copy X 36
 * times).
 */
import { attrInt, attrInts, attrString } from '../../../ir/attribute.js';
import { DataType } from '../../../ir/dtype.js';
import { Tensor } from '../../../ir/tensor.js';
import type { Value } from '../../../ir/graph.js';
import type { GradContext, GradRule } from '../rule.js';
import { product } from './util.js';

export interface ConvGradStrategy {
  input: 'auto' | 'conv-transpose' | 'conv' | 'matmul';
  weight: 'auto' | 'conv' | 'im2col' | 'patches' | 'im2col-folded';
}

/** The formulation used; 'auto' picks by the benchmark above. Tests and benchmarks may set it. */
export const convGradStrategy: ConvGradStrategy = { input: 'auto', weight: 'auto' };

export interface ConvGeometry {
  x: number[];
  w: number[];
  y: number[];
  strides: number[];
  dilations: number[];
  padsBegin: number[];
  padsEnd: number[];
  group: number;
}

export function convGeometry(g: GradContext): ConvGeometry {
  const x = g.shape(g.I(0));
  const w = g.shape(g.I(1));
  const y = g.shape(g.O(0));
  const n = x.length - 2;
  const ones = new Array<number>(n).fill(1);
  const strides = g.node.attrInts('strides') ?? ones;
  const dilations = g.node.attrInts('dilations') ?? ones;
  const group = g.node.attrInt('group', 1);
  const autoPad = g.node.attrString('auto_pad', 'NOTSET');
  let padsBegin: number[];
  let padsEnd: number[];
  if (autoPad === 'NOTSET') {
    const pads = g.node.attrInts('pads') ?? new Array<number>(2 * n).fill(0);
    padsBegin = pads.slice(0, n);
    padsEnd = pads.slice(n);
  } else if (autoPad === 'VALID') {
    padsBegin = new Array<number>(n).fill(0);
    padsEnd = new Array<number>(n).fill(0);
  } else {
    padsBegin = [];
    padsEnd = [];
    for (let k = 0; k < n; k++) {
      const total = Math.max(0, (y[k + 2]! - 1) * strides[k]! + (w[k + 2]! - 1) * dilations[k]! + 1 - x[k + 2]!);
      const begin = autoPad === 'SAME_LOWER' ? Math.ceil(total / 2) : Math.floor(total / 2);
      padsBegin.push(begin);
      padsEnd.push(total - begin);
    }
  }
  return { x, w, y, strides, dilations, padsBegin, padsEnd, group };
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);

function isPointwise(c: ConvGeometry): boolean {
  return c.w.slice(2).every((k) => k === 1) && c.strides.every((s) => s === 1) && [...c.padsBegin, ...c.padsEnd].every((p) => p === 0);
}

/** Input rows (per spatial axis) that no window reads, past the last one. */
function unreadTail(c: ConvGeometry): number[] {
  return c.x.slice(2).map((h, k) => {
    const span = c.strides[k]! * (c.y[k + 2]! - 1) + c.dilations[k]! * (c.w[k + 2]! - 1) + 1;
    return h + c.padsBegin[k]! + c.padsEnd[k]! - span;
  });
}

function inputByConvTranspose(g: GradContext, c: ConvGeometry): Value {
  return g.b.op1('ConvTranspose', [g.GO(0)!, g.I(1)], [
    attrInts('strides', c.strides),
    attrInts('dilations', c.dilations),
    attrInts('pads', [...c.padsBegin, ...c.padsEnd]),
    attrInts('output_padding', unreadTail(c)),
    attrInt('group', c.group),
    attrInts('kernel_shape', c.w.slice(2)),
  ]);
}

/** Stride 1: the correlation of dY with the flipped, channel-swapped kernel; undefined when it does not apply. */
function inputByConv(g: GradContext, c: ConvGeometry): Value | undefined {
  if (!c.strides.every((s) => s === 1)) return undefined;
  const n = c.x.length - 2;
  const k = c.w.slice(2);
  const pb = k.map((kk, i) => (kk - 1) * c.dilations[i]! - c.padsBegin[i]!);
  const pe = k.map((kk, i) => (kk - 1) * c.dilations[i]! - c.padsEnd[i]!);
  if ([...pb, ...pe].some((p) => p < 0)) return undefined;
  const { b } = g;
  const [co, cig] = [c.w[0]!, c.w[1]!];
  const grp = c.group;
  let w = g.I(1);
  if (co / grp === 1 || cig === 1) {
    // [g, Co/g, Ci/g] -> [g, Ci/g, Co/g] moves only a size-1 axis: a Reshape
    w = b.reshape(w, [grp * cig, co / grp, ...k]);
  } else {
    w = b.reshape(b.transpose(b.reshape(w, [grp, co / grp, cig, ...k]), [0, 2, 1, ...range(3, 3 + n)]), [grp * cig, co / grp, ...k]);
  }
  const flipAxes = range(2, 2 + n).filter((a) => k[a - 2]! > 1);
  if (flipAxes.length > 0) w = b.slice(w, flipAxes.map(() => -1), flipAxes.map(() => -(2 ** 63)), flipAxes, flipAxes.map(() => -1));
  return b.op1('Conv', [g.GO(0)!, w], [
    attrInts('dilations', c.dilations),
    attrInts('pads', [...pb, ...pe]),
    attrInt('group', grp),
    attrInts('kernel_shape', k),
    attrInts('strides', k.map(() => 1)),
  ]);
}

/**
 * Stride s > 1 (2-D, equal strides, no dilation): the transposed convolution split by output phase
 * (sub-pixel / polyphase): input row i = s q + r receives dY[q + a_r - u] W[s u + b_r] with
 * r + pb = s a_r + b_r, a stride-1 correlation with a sub-kernel per phase. The s*s sub-kernels
 * (zero-padded to one size) are gathered from W as the output channels of one Conv, and
 * DepthToSpace interleaves the phases.
 */
function inputByPolyphase(g: GradContext, c: ConvGeometry): Value | undefined {
  const n = c.x.length - 2;
  const s = c.strides[0]!;
  if (n !== 2 || s === 1 || !c.strides.every((t) => t === s) || !c.dilations.every((d) => d === 1)) return undefined;
  const { b } = g;
  const [Co, cig] = [c.w[0]!, c.w[1]!];
  const grp = c.group;
  const Ci = cig * grp;
  const K = c.w.slice(2);
  interface Axis {
    taps: Array<{ a: number; b: number; U: number }>;
    pb: number;
    pe: number;
    size: number;
    crop: number;
    shift: number[];
  }
  const axes: Axis[] = [];
  for (let k = 0; k < n; k++) {
    const taps = Array.from({ length: s }, (_, r) => {
      const cr = r + c.padsBegin[k]!;
      const bb = ((cr % s) + s) % s;
      const a = (cr - bb) / s;
      return { a, b: bb, U: Math.max(0, Math.ceil((K[k]! - bb) / s)) };
    });
    const live = taps.filter((t) => t.U > 0);
    const pb = Math.max(0, ...live.map((t) => t.U - 1 - t.a));
    const shift = taps.map((t) => t.a - (t.U - 1) + pb);
    const size = Math.max(1, ...taps.map((t, r) => (t.U > 0 ? shift[r]! + t.U : 1)));
    const Ho = c.y[k + 2]!;
    const Q = Math.ceil(c.x[k + 2]! / s);
    const pe = Q - 1 + size - Ho - pb;
    axes.push({ taps, pb, pe: Math.max(pe, 0), size, crop: Math.max(-pe, 0), shift });
  }
  // Gather indices: per phase (rh, rw) and sub-kernel position (vh, vw), the flat tap of W or the zero slot.
  const zero = K[0]! * K[1]!;
  const idx: number[] = [];
  for (let rh = 0; rh < s; rh++) {
    for (let rw = 0; rw < s; rw++) {
      for (let vh = 0; vh < axes[0]!.size; vh++) {
        for (let vw = 0; vw < axes[1]!.size; vw++) {
          const tap = (ax: Axis, r: number, v: number, kk: number): number | undefined => {
            const t = ax.taps[r]!;
            const u1 = v - ax.shift[r]!;
            if (u1 < 0 || u1 >= t.U) return undefined;
            const k = s * (t.U - 1 - u1) + t.b;
            return k < kk ? k : undefined;
          };
          const th = tap(axes[0]!, rh, vh, K[0]!);
          const tw = tap(axes[1]!, rw, vw, K[1]!);
          idx.push(th === undefined || tw === undefined ? zero : th * K[1]! + tw);
        }
      }
    }
  }
  const S = s * s;
  const UU = axes[0]!.size * axes[1]!.size;
  // W [g, Co/g, Ci/g, k] -> Wt [Ci, Co/g, kk] (+ a zero tap)
  let wt: Value;
  if (Co / grp === 1 || cig === 1) wt = b.reshape(g.I(1), [Ci, Co / grp, zero]);
  else wt = b.reshape(b.transpose(b.reshape(g.I(1), [grp, Co / grp, cig, zero]), [0, 2, 1, 3]), [Ci, Co / grp, zero]);
  const wext = b.pad(wt, [0, 0, 0, 0, 0, 1]);
  const gathered = b.op1('Gather', [wext, b.constant(Tensor.fromInt64([S, UU], idx))], [attrInt('axis', 2)]); // [Ci, Co/g, S, UU]
  const wp = b.reshape(b.transpose(gathered, [0, 2, 1, 3]), [Ci * S, Co / grp, axes[0]!.size, axes[1]!.size]);
  let go = g.GO(0)!;
  if (axes.some((a) => a.crop > 0)) {
    go = b.slice(go, [0, 0], axes.map((a, k) => c.y[k + 2]! - a.crop), [2, 3]);
  }
  const phases = b.op1('Conv', [go, wp], [
    attrInts('pads', [axes[0]!.pb, axes[1]!.pb, axes[0]!.pe, axes[1]!.pe]),
    attrInt('group', grp),
    attrInts('kernel_shape', [axes[0]!.size, axes[1]!.size]),
    attrInts('strides', [1, 1]),
    attrInts('dilations', [1, 1]),
  ]);
  let dx = b.op1('DepthToSpace', [phases], [attrInt('blocksize', s), attrString('mode', 'CRD')]);
  const full = [Math.ceil(c.x[2]! / s) * s, Math.ceil(c.x[3]! / s) * s];
  if (full[0] !== c.x[2] || full[1] !== c.x[3]) dx = b.slice(dx, [0, 0], [c.x[2]!, c.x[3]!], [2, 3]);
  return dx;
}

function inputByMatMul(g: GradContext, c: ConvGeometry): Value | undefined {
  if (!isPointwise(c) || c.group !== 1) return undefined;
  const { b } = g;
  const [N, Ci] = [c.x[0]!, c.x[1]!];
  const Co = c.w[0]!;
  const P = product(c.x.slice(2));
  const wt = b.transpose(b.reshape(g.I(1), [Co, Ci]), [1, 0]);
  return b.reshape(b.op1('MatMul', [wt, b.reshape(g.GO(0)!, [N, Co, P])]), c.x);
}

function weightByConv(g: GradContext, c: ConvGeometry): Value {
  const { b } = g;
  const n = c.x.length - 2;
  const [N, Ci] = [c.x[0]!, c.x[1]!];
  const Co = c.w[0]!;
  const grp = c.group;
  const cig = Ci / grp;
  let x = g.I(0);
  // Crop input rows past the last window that the end padding cannot absorb.
  const tail = unreadTail(c);
  const padsEnd = c.padsEnd.map((p, k) => Math.max(p - tail[k]!, 0));
  const crop = tail.map((r, k) => Math.max(r - c.padsEnd[k]!, 0));
  if (crop.some((r) => r > 0)) {
    const axes = range(2, 2 + n).filter((a) => crop[a - 2]! > 0);
    x = b.slice(x, axes.map(() => 0), axes.map((a) => c.x[a]! - crop[a - 2]!), axes);
  }
  const xs = c.x.map((d, k) => (k >= 2 ? d - crop[k - 2]! : d));
  // X [N, g, Ci/g, S] -> [Ci/g, g, N, S] -> [Ci/g, g N, S]
  let xt: Value;
  if (N === 1 && cig === 1) xt = b.reshape(x, [1, grp, ...xs.slice(2)]);
  else if ((N === 1 && grp === 1) || (grp === 1 && cig === 1)) xt = b.reshape(x, [cig, grp * N, ...xs.slice(2)]);
  else if (grp === 1) xt = b.transpose(x, [1, 0, ...range(2, 2 + n)]);
  else xt = b.reshape(b.transpose(b.reshape(x, [N, grp, cig, ...xs.slice(2)]), [2, 1, 0, ...range(3, 3 + n)]), [cig, grp * N, ...xs.slice(2)]);
  const gt = N === 1 ? b.reshape(g.GO(0)!, [Co, 1, ...c.y.slice(2)]) : b.transpose(g.GO(0)!, [1, 0, ...range(2, 2 + n)]);
  const dw = b.op1('Conv', [xt, gt], [
    attrInts('strides', c.dilations),
    attrInts('dilations', c.strides),
    attrInts('pads', [...c.padsBegin, ...padsEnd]),
    attrInt('group', grp),
    attrInts('kernel_shape', c.y.slice(2)),
  ]);
  // [Ci/g, Co, k] -> [Co, Ci/g, k]
  return cig === 1 ? b.reshape(dw, c.w) : b.transpose(dw, [1, 0, ...range(2, 2 + n)]);
}

function weightByIm2col(g: GradContext, c: ConvGeometry): Value | undefined {
  if (c.group !== 1) return undefined;
  const { b } = g;
  const [N, Ci] = [c.x[0]!, c.x[1]!];
  const Co = c.w[0]!;
  const k = c.w.slice(2);
  const P = product(c.y.slice(2));
  let cols: Value;
  if (isPointwise(c)) cols = b.reshape(g.I(0), [N, Ci, P]);
  else {
    let x = g.I(0);
    const pads = [...c.padsBegin, ...c.padsEnd];
    if (pads.some((p) => p !== 0)) x = b.pad(x, [0, 0, ...c.padsBegin, 0, 0, ...c.padsEnd]);
    cols = b.reshape(b.concat(kernelWindows(g, x, c, 2), 2), [N, Ci * product(k), P]);
  }
  return sumOfProducts(g, b.reshape(g.GO(0)!, [N, Co, P]), cols, c.w);
}

/**
 * The strided slices of (padded) `x` that each kernel offset reads, in row-major offset order,
 * each with a new axis at `stackAxis` to concatenate them on: the columns of im2col.
 */
function kernelWindows(g: GradContext, x: Value, c: ConvGeometry, stackAxis: number): Value[] {
  const { b } = g;
  const n = c.x.length - 2;
  const k = c.w.slice(2);
  const windows: Value[] = [];
  for (let o = 0; o < product(k); o++) {
    let rest = o;
    const at = new Array<number>(n);
    for (let a = n - 1; a >= 0; a--) {
      at[a] = rest % k[a]!;
      rest = Math.floor(rest / k[a]!);
    }
    const starts = at.map((t, a) => t * c.dilations[a]!);
    const ends = starts.map((s0, a) => s0 + c.strides[a]! * (c.y[a + 2]! - 1) + 1);
    windows.push(b.unsqueeze(b.slice(x, starts, ends, range(2, 2 + n), c.strides), [stackAxis]));
  }
  return windows;
}

/**
 * im2col with the batch folded into the contraction: X and dY with batch and channels swapped
 * ([Ci, N, ...], [Co, N, ...]), windows stacked as [Ci k k, N Ho Wo], one MatMul (no ReduceSum).
 */
function weightByIm2colFolded(g: GradContext, c: ConvGeometry): Value | undefined {
  if (c.group !== 1) return undefined;
  const { b } = g;
  const n = c.x.length - 2;
  const [N, Ci] = [c.x[0]!, c.x[1]!];
  const Co = c.w[0]!;
  const k = c.w.slice(2);
  const NP = N * product(c.y.slice(2));
  const swap = [1, 0, ...range(2, 2 + n)];
  let x = N === 1 ? b.reshape(g.I(0), [Ci, 1, ...c.x.slice(2)]) : b.transpose(g.I(0), swap);
  let cols: Value;
  if (isPointwise(c)) cols = b.reshape(x, [Ci, NP]);
  else {
    if ([...c.padsBegin, ...c.padsEnd].some((p) => p !== 0)) x = b.pad(x, [0, 0, ...c.padsBegin, 0, 0, ...c.padsEnd]);
    cols = b.reshape(b.concat(kernelWindows(g, x, c, 1), 1), [Ci * product(k), NP]);
  }
  const go = N === 1 ? b.reshape(g.GO(0)!, [Co, NP]) : b.reshape(b.transpose(g.GO(0)!, swap), [Co, NP]);
  return b.reshape(b.op1('MatMul', [go, b.transpose(cols, [1, 0])]), c.w);
}

/**
 * dW = sum_n dY_n cols_n^T for dY [N, Co, P], cols [N, R, P]: MatMul with the transposition fused
 * by ORT, the wider of Co and R as the rows (MLAS is faster that way round: 16x6400x144 2.4 ms
 * instead of 4.5), ReduceSum over N.
 */
function sumOfProducts(g: GradContext, dy: Value, cols: Value, w: readonly number[]): Value {
  const { b } = g;
  const R = product(w.slice(1));
  if (R > w[0]!) {
    const prod = b.op1('MatMul', [cols, b.transpose(dy, [0, 2, 1])]); // [N, R, Co]
    return b.reshape(b.transpose(b.reduceSum(prod, [0], false), [1, 0]), w);
  }
  const prod = b.op1('MatMul', [dy, b.transpose(cols, [0, 2, 1])]); // [N, Co, R]
  return b.reshape(b.reduceSum(prod, [0], false), w);
}

/** im2col by a Conv with one-hot kernels: every (channel, image) plane becomes k*k planes of windows. */
function weightByPatches(g: GradContext, c: ConvGeometry): Value | undefined {
  if (c.group !== 1 || isPointwise(c)) return c.group === 1 ? weightByIm2col(g, c) : undefined;
  const { b } = g;
  const [N, Ci] = [c.x[0]!, c.x[1]!];
  const Co = c.w[0]!;
  const k = c.w.slice(2);
  const kk = product(k);
  const P = product(c.y.slice(2));
  const eye = new Array<number>(kk * kk).fill(0);
  for (let o = 0; o < kk; o++) eye[o * kk + o] = 1;
  const dt = g.dtype(g.I(0));
  const kernel = b.constant(dt === DataType.DOUBLE ? Tensor.fromBytes(dt, [kk, 1, ...k], new Uint8Array(Float64Array.from(eye).buffer)) : Tensor.fromFloat32([kk, 1, ...k], Float32Array.from(eye)));
  const planes = b.op1('Conv', [b.reshape(g.I(0), [N * Ci, 1, ...c.x.slice(2)]), kernel], [
    attrInts('strides', c.strides),
    attrInts('dilations', c.dilations),
    attrInts('pads', [...c.padsBegin, ...c.padsEnd]),
    attrInts('kernel_shape', k),
  ]);
  const cols = b.reshape(planes, [N, Ci * kk, P]);
  return sumOfProducts(g, b.reshape(g.GO(0)!, [N, Co, P]), cols, c.w);
}

export const convGrad: GradRule = {
  op: 'Conv',
  grad(g) {
    const c = convGeometry(g);
    const { b } = g;
    if (g.has(2) && g.needs(2)) g.GI(2, b.reduceSum(g.GO(0)!, [0, ...range(2, c.y.length)], false));
    if (g.needs(0)) {
      const s = convGradStrategy.input;
      let dx: Value | undefined;
      if (s === 'matmul') dx = inputByMatMul(g, c);
      else if (s === 'conv') dx = inputByConv(g, c) ?? inputByPolyphase(g, c);
      else if (s === 'auto') dx = AUTO_INPUT(g, c);
      g.GI(0, dx ?? inputByConvTranspose(g, c));
    }
    if (g.needs(1)) {
      const s = convGradStrategy.weight;
      let dw: Value | undefined;
      if (s === 'im2col') dw = weightByIm2col(g, c);
      else if (s === 'patches') dw = weightByPatches(g, c);
      else if (s === 'im2col-folded') dw = weightByIm2colFolded(g, c);
      else if (s === 'auto') dw = AUTO_WEIGHT(g, c);
      g.GI(1, dw ?? weightByConv(g, c));
    }
  },
};

function AUTO_INPUT(g: GradContext, c: ConvGeometry): Value | undefined {
  return inputByConv(g, c);
}

function AUTO_WEIGHT(g: GradContext, c: ConvGeometry): Value | undefined {
  if (c.group !== 1) return undefined;
  // Small maps (10 x 10 at 320): the batched products are too short; fold the batch into them.
  if (product(c.y.slice(2)) <= 256 && product(c.w.slice(2)) < 16) return weightByIm2colFolded(g, c);
  if (isPointwise(c)) return weightByIm2col(g, c);
  if (product(c.w.slice(2)) >= 16) return undefined;
  return c.strides.every((s) => s === 1) ? weightByIm2col(g, c) : weightByPatches(g, c);
}
