import type { GradRule } from '../rule.js';
import { minMaxGrad } from './minmax.js';

export const minGrad: GradRule = { op: 'Min', grad: minMaxGrad };
