import type { GradRule } from '../rule.js';
import { normAxis } from './util.js';

const INT64_MIN = -(2 ** 63);

/**
 * The gradient of a slice is the output gradient put back at its positions, zeros elsewhere:
 * per sliced axis, a negative step is flipped, a step s > 1 is undone by interleaving s - 1 zeros
 * (Unsqueeze, Pad, Reshape), and Pad puts the window at its offset.
 */
export const sliceGrad: GradRule = {
  op: 'Slice',
  grad(g) {
    if (!g.needs(0)) return;
    const { b } = g;
    const shape = g.shape(g.I(0));
    const rank = shape.length;
    const starts = g.ints(1);
    const ends = g.ints(2);
    const axes = g.has(3) ? g.ints(3) : shape.map((_, k) => k).slice(0, starts?.length ?? 0);
    const steps = g.has(4) ? g.ints(4) : starts?.map(() => 1);
    if (!starts || !ends || !axes || !steps) return g.fail('starts, ends, axes and steps must be constants');
    const cur = [...g.shape(g.O(0))];
    if (cur.some((d) => d === 0)) return g.GI(0, b.zeros(shape, g.dtype(g.I(0))));
    let gi = g.GO(0)!;
    const pads = new Array<number>(2 * rank).fill(0);
    axes.forEach((a0, k) => {
      const a = normAxis(a0, rank);
      const dim = shape[a]!;
      const step = steps[k]!;
      let s = starts[k]!;
      if (s < 0) s += dim;
      s = step > 0 ? Math.min(Math.max(s, 0), dim) : Math.min(Math.max(s, 0), dim - 1);
      const count = cur[a]!;
      let first = s;
      let st = step;
      if (step < 0) {
        gi = b.slice(gi, [-1], [INT64_MIN], [a], [-1]);
        first = s + step * (count - 1);
        st = -step;
      }
      if (st > 1 && count > 1) {
        const p = new Array<number>(2 * (rank + 1)).fill(0);
        p[rank + 1 + a + 1] = st - 1;
        gi = b.pad(b.unsqueeze(gi, [a + 1]), p);
        const merged = [...cur];
        merged[a] = count * st;
        gi = b.reshape(gi, merged);
        gi = b.slice(gi, [0], [(count - 1) * st + 1], [a]);
      }
      const span = (count - 1) * st + 1;
      pads[a] = first;
      pads[a + rank] = dim - first - span;
      cur[a] = dim;
    });
    g.GI(0, pads.some((p) => p !== 0) ? b.pad(gi, pads) : gi);
  },
};
