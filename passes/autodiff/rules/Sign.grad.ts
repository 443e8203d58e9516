import { zeroGradRule } from './util.js';

export const signGrad = zeroGradRule('Sign');
