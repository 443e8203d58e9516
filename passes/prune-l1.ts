/**
 * prune-l1: keep, per channel group, the filters with the largest L1 norm (EagleEye's candidate
 * pruning, REFERENCE 8): keep max(make_divisible(int(C * r), round), min) of a group's C channels,
 * at most C. The L1 norm of a channel is the sum, over the group's producers, of |W| over its
 * filter (a residual group under scope=all adds the norms of every producer).
 *
 * `ratios`: one ratio for every group in scope, or one per group in scope in the order
 * `ylc info --groups` lists them (EagleEye draws one per prunable conv). The removed channels are
 * in general not constant: the outputs change (a finetune or adaptive BN follows); channels that
 * happen to be constant (zero filters, zero gamma) are still folded into their consumers; into a
 * padded conv exactly inside but not on the border, unless `border-maps=true` adds a correction
 * map after that conv (prune-slim's option, prune/constants.ts).
 */
import { YlcError } from '../ir/errors.js';
import type { ChannelGroup } from './analysis/channel-groups.js';
import { definePass } from './pass.js';
import { emitNeedsApply, finishPrune, startPrune, l1Importance, roundUp, SCOPE_OPTION, topIndices } from './prune/decide.js';
import { DEFAULT_MAX_MAP } from './prune/constants.js';

export const pruneL1Pass = definePass({
  name: 'prune-l1',
  summary: 'Keep the channels whose filters have the largest L1 norm, per channel group, at given ratios',
  options: {
    ratios: { type: 'numbers', default: [0.5], min: 0, exclusiveMin: true, max: 1, help: 'kept fraction: one for all groups in scope, or one per group in scope (ylc info --groups order)' },
    round: { type: 'integer', default: 8, min: 1, help: 'kept channels per group are rounded up to a multiple of this' },
    min: { type: 'integer', default: 8, min: 1, help: 'fewest channels a group keeps' },
    scope: SCOPE_OPTION,
    'border-maps': { type: 'boolean', default: false, help: 'fold a removed constant channel read by a padded conv exactly, adding a border correction map after that conv (as large as its output)' },
    'max-map': { type: 'integer', default: DEFAULT_MAX_MAP, min: 1, help: 'with border-maps: largest correction map (elements, Cout x Hout x Wout); a conv that needs a larger one gets none (its border changes)' },
    apply: { type: 'boolean', default: true, help: 'slice now; false: record the masks in metadata ylc.prune.masks for channel-slice' },
    'emit-cfg': { type: 'string', default: '', help: 'write the pruned model as a Slim YOLOv5 YAML to this file' },
  },
  checkOptions: emitNeedsApply,
  run(model, o, ctx) {
    const start = startPrune(model, o, ctx);
    if (!start) return { modified: false };
    const { emit, before, analysis, groups } = start;
    if (o.ratios.length !== 1 && o.ratios.length !== groups.length) {
      throw new YlcError(
        'bad-pipeline',
        `pass 'prune-l1': option 'ratios' has ${o.ratios.length} values but scope=${o.scope} selects ${groups.length} groups: give one ratio for all, or one per group in 'ylc info --groups' order`,
      );
    }
    const masks = new Map<ChannelGroup, number[]>();
    groups.forEach((g, i) => {
      const r = o.ratios.length === 1 ? o.ratios[0]! : o.ratios[i]!;
      const imp = l1Importance(analysis, g, 'sum');
      if (!imp) {
        ctx.remark(g.producers[0]?.node, `group '${g.key}': its filters are not constants; kept`);
        return;
      }
      const n = Math.min(Math.max(roundUp(Math.trunc(g.size * r), o.round), o.min), g.size);
      if (n < g.size) masks.set(g, topIndices(imp, n));
    });
    return finishPrune(model, analysis, masks, { apply: o.apply, constantGamma: 0, removal: { maps: o['border-maps'], maxMap: o['max-map'] }, emit, before, candidates: groups }, ctx);
  },
});
