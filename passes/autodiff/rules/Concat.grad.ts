import type { GradRule } from '../rule.js';
import { normAxis } from './util.js';

export const concatGrad: GradRule = {
  op: 'Concat',
  grad(g) {
    const go = g.GO(0)!;
    const rank = g.shape(g.O(0)).length;
    const axis = normAxis(g.node.attrInt('axis', 0), rank);
    const n = g.node.inputs.length;
    const sizes = g.node.inputs.map((_, i) => g.shape(g.I(i))[axis]!);
    const wanted = g.node.inputs.map((_, i) => g.needs(i));
    const count = wanted.filter(Boolean).length;
    if (count === 0) return;
    if (count === 1) {
      const i = wanted.indexOf(true);
      const start = sizes.slice(0, i).reduce((a, b) => a + b, 0);
      g.GI(i, g.b.slice(go, [start], [start + sizes[i]!], [axis]));
      return;
    }
    const parts = g.b.split(go, axis, sizes);
    for (let i = 0; i < n; i++) if (wanted[i]) g.GI(i, parts[i]!);
  },
};
