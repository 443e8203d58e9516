/**
 * The pass registry: one explicit array, in the order `ylc passes` lists them. A duplicate name
 * is a programming error and throws at load time.
 */
import type { PassDeclaration } from './pass.js';
import { foldBnPass } from './fold-bn.js';
import { dcePass } from './dce.js';
import { eliminateIdentityPass } from './eliminate-identity.js';
import { topoSortPass } from './topo-sort.js';
import { csePass } from './cse.js';
import { constantFoldPass } from './constant-fold.js';
import { inferShapesPass } from './infer-shapes.js';
import { pruneSlimPass } from './prune-slim.js';
import { pruneL1Pass } from './prune-l1.js';
import { channelSlicePass } from './channel-slice.js';
import { autodiffPass } from './autodiff/index.js';
import { bnTrainPass } from './bn-train.js';

export const PASSES: readonly PassDeclaration[] = [
  foldBnPass,
  dcePass,
  eliminateIdentityPass,
  topoSortPass,
  csePass,
  constantFoldPass,
  inferShapesPass,
  pruneSlimPass,
  pruneL1Pass,
  channelSlicePass,
  bnTrainPass,
  autodiffPass,
] as readonly PassDeclaration[];

const BY_NAME = new Map<string, PassDeclaration>();
for (const pass of PASSES) {
  if (BY_NAME.has(pass.name)) throw new Error(`duplicate pass name '${pass.name}' in passes/index.ts`);
  BY_NAME.set(pass.name, pass);
}

export function findPass(name: string): PassDeclaration | undefined {
  return BY_NAME.get(name);
}

export function passNames(): string[] {
  return [...BY_NAME.keys()];
}
