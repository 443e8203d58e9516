/**
 * The Detect head (YOLOv5 v7.0 `models/yolo.py`), in both forms.
 *
 * Training form: per level i a 1x1 Conv to na * no channels (no = nc + 5), reshaped to
 * [bs, na, no, ny, nx] and permuted to [bs, na, ny, nx, no]: graph output `pred<i>`.
 *
 * Deploy form (what export.py writes), appended to each raw head:
 *   y = sigmoid(p); xy, wh, conf = split(y, (2, 2, nc + 1), axis 4)
 *   xy = (xy * 2 + grid) * stride          grid[..., y, x, :] = (x - 0.5, y - 0.5)
 *   wh = (wh * 2) ** 2 * anchor_grid       anchor_grid = (anchors / stride) * stride, in pixels
 *   z  = reshape(concat(xy, wh, conf), [bs, na * ny * nx, no])
 * and `output0` = concat(z_0, z_1, ..., axis 1). With static shapes grid and anchor_grid are
 * Constant tensors [1, na, ny, nx, 2] as the exporter folds them; with dynamic axes the grid is
 * computed from the head's shape (Shape/Range), as export.py --dynamic does.
 *
 * Bias priors (`_initialize_biases`): b[:, 4] += log(8 / (640 / s)^2); b[:, 5:] += log(0.6 / (nc - 0.99999)),
 * added in float32 as PyTorch does.
 */
import { attrInt, attrInts, attrTensor } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import type { Value } from '../../ir/graph.js';
import { Tensor } from '../../ir/tensor.js';
import type { GraphBuilder } from './builder.js';
import { conv2dForDetect, type EmitContext } from './emit.js';

/** What later passes need to know about the head; stored as JSON in `ylc.detect`. */
export interface DetectInfo {
  /** Index of the Detect layer (`model.<layer>`). */
  layer: number;
  nc: number;
  na: number;
  no: number;
  /** Anchors per level as (w, h) pixel pairs. */
  anchors: number[][];
  strides: number[];
  /** Graph outputs of the raw heads in training form. */
  heads: string[];
  /** Class names (export.py writes them as `names`). */
  names: string[];
  /** Image size [h, w] the model was built for. */
  imgsz: [number, number];
  batch: number | 'dynamic';
}

export const HEAD_PERM = [0, 1, 3, 4, 2];

export function headBiasPrior(bias: Float32Array, na: number, nc: number, stride: number): void {
  const no = nc + 5;
  const obj = Math.fround(Math.log(8 / (640 / stride) ** 2));
  const cls = Math.fround(Math.log(0.6 / (nc - 0.99999)));
  for (let a = 0; a < na; a++) {
    bias[a * no + 4] = Math.fround(bias[a * no + 4]! + obj);
    for (let c = 5; c < no; c++) bias[a * no + c] = Math.fround(bias[a * no + c]! + cls);
  }
}

/**
 * Emits the training-form head in the Detect layer's scope; returns the raw head values
 * (already named `pred<i>`).
 */
export function emitDetectHeads(
  ctx: EmitContext,
  inputs: readonly Value[],
  ch: readonly number[],
  info: DetectInfo,
  sizes: ReadonlyArray<readonly [number, number]>,
): Value[] {
  const b = ctx.b;
  return inputs.map((x, i) => {
    const p = ctx.module(`m.${i}`, `m.${i}`, () =>
      conv2dForDetect(ctx, x, ch[i]!, info.na * info.no, (bias) => headBiasPrior(bias, info.na, info.nc, info.strides[i]!)),
    );
    const [ny, nx] = sizes[i]!;
    const shape =
      info.batch === 'dynamic' ? dynamicHeadShape(b, p, info.na, info.no) : b.constInts([info.batch, info.na, info.no, ny, nx]);
    const r = b.op1('Reshape', [p, shape]);
    return b.op1('Transpose', [r], [attrInts('perm', HEAD_PERM)], info.heads[i]!);
  });
}

/** [bs, na, no, ny, nx] from the head conv's runtime shape [bs, na * no, ny, nx]. */
function dynamicHeadShape(b: GraphBuilder, p: Value, na: number, no: number): Value {
  const s = b.op1('Shape', [p]);
  const bs = sliceInts(b, s, 0, 1);
  const hw = sliceInts(b, s, 2, 4);
  return b.op1('Concat', [bs, b.constInts([na, no]), hw], [attrInt('axis', 0)]);
}

function sliceInts(b: GraphBuilder, x: Value, start: number, end: number): Value {
  return b.op1('Slice', [x, b.constInts([start]), b.constInts([end]), b.constInts([0])]);
}

/**
 * Appends the deploy-form decode of one level after its raw head `pred` (a [bs, na, ny, nx, no]
 * value); returns z [bs, na * ny * nx, no]. `size` is [ny, nx] for static shapes, undefined for
 * dynamic ones.
 */
export function emitDecodeLevel(b: GraphBuilder, pred: Value, info: DetectInfo, level: number, size: readonly [number, number] | undefined): Value {
  const { na, no, nc } = info;
  const stride = info.strides[level]!;
  const y = b.op1('Sigmoid', [pred]);
  const [xy0, wh0, conf] = b.split(y, 4, [2, 2, nc + 1]) as [Value, Value, Value];
  let xy = b.op1('Mul', [xy0, b.constFloat(2)]);
  const grid = size ? b.constant(gridTensor(na, size[0], size[1])) : dynamicGrid(b, pred);
  xy = b.op1('Add', [xy, grid]);
  xy = b.op1('Mul', [xy, b.constFloat(stride)]);
  let wh = b.op1('Mul', [wh0, b.constFloat(2)]);
  wh = b.op1('Pow', [wh, b.constFloat(2)]);
  wh = b.op1('Mul', [wh, b.constant(anchorGridTensor(info.anchors[level]!, stride, size))]);
  const cat = b.op1('Concat', [xy, wh, conf], [attrInt('axis', 4)]);
  const shape = size ? b.constInts([info.batch as number, na * size[0] * size[1], no]) : b.constInts([0, -1, no]);
  return b.op1('Reshape', [cat, shape]);
}

/** grid[0, a, y, x, :] = (x - 0.5, y - 0.5), shape [1, na, ny, nx, 2]. */
export function gridTensor(na: number, ny: number, nx: number): Tensor {
  const data = new Float32Array(na * ny * nx * 2);
  let k = 0;
  for (let a = 0; a < na; a++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        data[k++] = x - 0.5;
        data[k++] = y - 0.5;
      }
    }
  }
  return Tensor.fromFloat32([1, na, ny, nx, 2], data);
}

/** anchor_grid in pixels, [1, na, ny, nx, 2] (static) or [1, na, 1, 1, 2] (dynamic, broadcast). */
export function anchorGridTensor(anchorsPx: readonly number[], stride: number, size: readonly [number, number] | undefined): Tensor {
  const na = anchorsPx.length / 2;
  const [ny, nx] = size ?? [1, 1];
  // YOLOv5 keeps anchors / stride in float32 and multiplies back by the stride.
  const s = Math.fround(stride);
  const pairs = Array.from({ length: anchorsPx.length }, (_, j) => Math.fround(Math.fround(Math.fround(anchorsPx[j]!) / s) * s));
  const data = new Float32Array(na * ny * nx * 2);
  let k = 0;
  for (let a = 0; a < na; a++) {
    for (let c = 0; c < ny * nx; c++) {
      data[k++] = pairs[2 * a]!;
      data[k++] = pairs[2 * a + 1]!;
    }
  }
  return Tensor.fromFloat32([1, na, ny, nx, 2], data);
}

/** The grid from the head's runtime shape: [ny, nx, 2] of (x - 0.5, y - 0.5), broadcast over [bs, na]. */
function dynamicGrid(b: GraphBuilder, pred: Value): Value {
  const s = b.op1('Shape', [pred]);
  const hw = b.op1('Slice', [s, b.constInts([2]), b.constInts([4]), b.constInts([0])]);
  const hwf = b.op1('Cast', [hw], [attrInt('to', DataType.FLOAT)]);
  const gather = (j: number): Value => b.op1('Gather', [hwf, b.constant(Tensor.fromInt64([], [j]))], [attrInt('axis', 0)]);
  const ny = gather(0);
  const nx = gather(1);
  const ys = b.op1('Range', [b.constFloat(0), ny, b.constFloat(1)]);
  const xs = b.op1('Range', [b.constFloat(0), nx, b.constFloat(1)]);
  const gx = b.op1('Expand', [b.unsqueeze(xs, [0]), hw]);
  const gy = b.op1('Expand', [b.unsqueeze(ys, [1]), hw]);
  const grid = b.op1('Concat', [b.unsqueeze(gx, [2]), b.unsqueeze(gy, [2])], [attrInt('axis', 2)]);
  return b.op1('Sub', [grid, b.constFloat(0.5)]);
}

/** The Constant node's tensor attribute helper, for rewriting anchors in a deploy-form model. */
export function constantValueAttr(t: Tensor): ReturnType<typeof attrTensor> {
  return attrTensor('value', t);
}
