import type { GradRule } from '../rule.js';
import { giReduced } from './util.js';

export const sumGrad: GradRule = {
  op: 'Sum',
  grad(g) {
    g.node.inputs.forEach((_, i) => {
      if (g.needs(i)) giReduced(g, i, g.GO(0)!);
    });
  },
};
