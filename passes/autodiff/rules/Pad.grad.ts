import type { GradRule } from '../rule.js';
import { normAxis } from './util.js';

/** Constant-mode Pad: the gradient is the unpadded window (negative pads crop, their gradient pads). */
export const padGrad: GradRule = {
  op: 'Pad',
  grad(g) {
    if (!g.needs(0)) return;
    const mode = g.node.attrString('mode', 'constant');
    if (mode !== 'constant') return g.fail(`Pad mode '${mode}' is not differentiated (constant only)`);
    if (g.has(2) && g.needs(2)) return g.fail('the gradient of the pad value is not supported');
    const shape = g.shape(g.I(0));
    const rank = shape.length;
    const pads = g.ints(1);
    if (!pads) return g.fail('the pads input is not a constant');
    const axes = g.has(3) ? g.ints(3)?.map((a) => normAxis(a, rank)) : shape.map((_, k) => k);
    if (!axes) return g.fail('the axes input is not a constant');
    const full = new Array<number>(2 * rank).fill(0);
    axes.forEach((a, k) => {
      full[a] = pads[k]!;
      full[a + rank] = pads[k + axes.length]!;
    });
    // Crop what was padded, pad what was cropped.
    const crop = full.map((p) => Math.max(p, 0));
    const grow = full.map((p) => Math.max(-p, 0));
    const out = g.shape(g.O(0));
    let gi = g.GO(0)!;
    if (crop.some((p) => p > 0)) {
      gi = g.b.slice(gi, crop.slice(0, rank), out.map((d, k) => d - crop[k + rank]!), shape.map((_, k) => k));
    }
    if (grow.some((p) => p > 0)) gi = g.b.pad(gi, grow);
    g.GI(0, gi);
  },
};
