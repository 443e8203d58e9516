import type { GradRule } from '../rule.js';
import { giReduced } from './util.js';

export const expandGrad: GradRule = {
  op: 'Expand',
  grad(g) {
    if (g.needs(0)) giReduced(g, 0, g.GO(0)!);
  },
};
