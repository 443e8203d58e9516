import { zeroGradRule } from './util.js';

export const floorGrad = zeroGradRule('Floor');
