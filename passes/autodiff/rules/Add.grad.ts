import type { GradRule } from '../rule.js';
import { giReduced } from './util.js';

export const addGrad: GradRule = {
  op: 'Add',
  grad(g) {
    const go = g.GO(0)!;
    if (g.needs(0)) giReduced(g, 0, go);
    if (g.needs(1)) giReduced(g, 1, go);
  },
};
