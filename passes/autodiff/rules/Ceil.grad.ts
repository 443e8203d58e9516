import { zeroGradRule } from './util.js';

export const ceilGrad = zeroGradRule('Ceil');
