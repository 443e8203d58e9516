import type { GradRule } from '../rule.js';

/** Source index of output index i along one axis, as ONNX Resize (nearest) computes it. */
function nearestSource(i: number, inDim: number, outDim: number, scale: number, transform: string, rounding: string): number | undefined {
  let x: number;
  switch (transform) {
    case 'half_pixel':
      x = (i + 0.5) / scale - 0.5;
      break;
    case 'pytorch_half_pixel':
      x = outDim > 1 ? (i + 0.5) / scale - 0.5 : 0;
      break;
    case 'asymmetric':
      x = i / scale;
      break;
    case 'tf_half_pixel_for_nn':
      x = (i + 0.5) / scale;
      break;
    case 'align_corners':
      x = outDim === 1 ? 0 : (i * (inDim - 1)) / (outDim - 1);
      break;
    default:
      return undefined;
  }
  let r: number;
  switch (rounding) {
    case 'round_prefer_floor':
      r = x === Math.floor(x) + 0.5 ? Math.floor(x) : Math.round(x);
      break;
    case 'round_prefer_ceil':
      r = Math.round(x);
      break;
    case 'floor':
      r = Math.floor(x);
      break;
    case 'ceil':
      r = Math.ceil(x);
      break;
    default:
      return undefined;
  }
  return Math.min(Math.max(r, 0), inDim - 1);
}

/**
 * Nearest upsampling by integer factors: each input element is copied to an s1 x s2 block, so
 * its gradient is the sum over the block: Reshape [.., H, s1, W, s2] and ReduceSum over the s axes.
 */
export const resizeGrad: GradRule = {
  op: 'Resize',
  grad(g) {
    if (!g.needs(0)) return;
    const mode = g.node.attrString('mode', 'nearest');
    if (mode !== 'nearest') return g.fail(`Resize mode '${mode}' is not differentiated (nearest only)`);
    const transform = g.node.attrString('coordinate_transformation_mode', 'half_pixel');
    const rounding = g.node.attrString('nearest_mode', 'round_prefer_floor');
    const inShape = g.shape(g.I(0));
    const outShape = g.shape(g.O(0));
    const scales = g.has(2) ? g.floats(2) : undefined;
    const factors: number[] = [];
    inShape.forEach((d, k) => {
      const o = outShape[k]!;
      const f = o / d;
      const scale = scales && scales.length === inShape.length ? scales[k]! : f;
      if (!Number.isInteger(f)) return g.fail(`axis ${k} is resized from ${d} to ${o}, not by an integer factor`);
      for (let i = 0; i < o; i++) {
        if (nearestSource(i, d, o, scale, transform, rounding) !== Math.floor(i / f)) {
          g.fail(`axis ${k}: ${transform}/${rounding} does not copy each input to a block of ${f} (only such nearest upsampling is differentiated)`);
        }
      }
      factors.push(f);
    });
    const split: number[] = [];
    const axes: number[] = [];
    inShape.forEach((d, k) => {
      split.push(d);
      if (factors[k] !== 1) {
        split.push(factors[k]!);
        axes.push(split.length - 1);
      }
    });
    g.GI(0, axes.length === 0 ? g.GO(0)! : g.b.reshape(g.b.reduceSum(g.b.reshape(g.GO(0)!, split), axes, false), inShape));
  },
};
