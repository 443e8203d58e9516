import type { GradRule } from '../rule.js';
import { normAxis } from './util.js';

export const splitGrad: GradRule = {
  op: 'Split',
  grad(g) {
    if (!g.needs(0)) return;
    const axis = normAxis(g.node.attrInt('axis', 0), g.shape(g.I(0)).length);
    const parts = g.node.outputs.map((_, i) => g.GOz(i));
    g.GI(0, g.b.concat(parts, axis));
  },
};
