import { zeroGradRule } from './util.js';

export const roundGrad = zeroGradRule('Round');
