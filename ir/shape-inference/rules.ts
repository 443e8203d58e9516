/** The shape rules of ai.onnx ops, one table assembled from the per-family files. */
import type { RuleTable, ShapeRule } from './context.js';
import { castRules } from './cast.js';
import { concatRules } from './concat.js';
import { constantRules } from './constant.js';
import { controlFlowRules } from './control-flow.js';
import { convRules } from './conv.js';
import { elementwiseRules } from './elementwise.js';
import { gatherRules } from './gather.js';
import { matmulRules } from './matmul.js';
import { normalizationRules } from './normalization.js';
import { poolRules } from './pool.js';
import { reduceRules } from './reduce.js';
import { reshapeRules } from './reshape.js';
import { resizeRules } from './resize.js';
import { sliceRules } from './slice.js';

const FAMILIES: readonly RuleTable[] = [
  castRules,
  concatRules,
  constantRules,
  controlFlowRules,
  convRules,
  elementwiseRules,
  gatherRules,
  matmulRules,
  normalizationRules,
  poolRules,
  reduceRules,
  reshapeRules,
  resizeRules,
  sliceRules,
];

function assemble(): Readonly<Record<string, ShapeRule>> {
  const table: Record<string, ShapeRule> = Object.create(null) as Record<string, ShapeRule>;
  for (const family of FAMILIES) {
    for (const [op, rule] of Object.entries(family)) {
      if (table[op]) throw new Error(`shape rule for ${op} is registered twice`);
      table[op] = rule;
    }
  }
  return table;
}

export const SHAPE_RULES = assemble();
