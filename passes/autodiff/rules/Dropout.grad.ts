import type { GradRule } from '../rule.js';

/** Dropout in inference form (no training_mode input set): the identity. */
export const dropoutGrad: GradRule = {
  op: 'Dropout',
  grad(g) {
    const mode = g.has(2) ? g.ints(2) : [0];
    if (!mode || mode[0] !== 0) return g.fail('Dropout in training mode is not differentiated (its mask is random); use it in inference form');
    if (g.needs(0)) g.GI(0, g.GO(0)!);
  },
};
