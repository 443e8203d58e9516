import type { GradRule } from '../rule.js';
import { minMaxGrad } from './minmax.js';

export const maxGrad: GradRule = { op: 'Max', grad: minMaxGrad };
