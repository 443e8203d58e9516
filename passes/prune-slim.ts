/**
 * prune-slim: network-slimming channel pruning (YOLOv5-Light's `slim.py --thresh`, REFERENCE 7)
 * on the graph, over the channel groups of passes/analysis/channel-groups.ts.
 *
 * Ranking: a channel's importance is |gamma| of the BatchNormalization after it (the largest over
 * the group's BatchNormalizations when several producers share the channels: a residual group
 * under scope=all loses a channel only if it is unimportant in every member). A group without
 * BatchNormalization (a deploy-form graph, BN folded into the convs) is ranked by the L1 norm of
 * its producers' filters instead, with the same threshold, and the pass says so: a folded channel
 * whose gamma was 0 has an all-zero filter.
 *
 * Keep count per group: n = max(round_up(count(importance > t), round), min), at most the group's
 * size; the n most important channels stay. t = thresh (ranking=local), or the `percent` quantile
 * of the |gamma| of every channel in scope when higher (ranking=global: network slimming's global
 * threshold). A threshold that removes every channel of a group keeps `min` of them, with a warning
 * naming the group.
 *
 * Exactness: the removed channels' constant outputs (beta after a zero gamma, through the
 * activation and whatever else the group holds) are folded into the consumers (prune/constants.ts),
 * so removing zero-gamma channels leaves the outputs unchanged. Into a padded conv (3x3, pads 1)
 * a constant k_c contributes sum_k W[:, c, k] k_c inside the image but less on the border, where
 * the window reads zero padding, so a bias alone is not exact there. By default such a channel is
 * kept (with a remark, the group's count rounded up again): removing constant channels never
 * changes the outputs and adds no nodes, so fold-bn and the deploy form stay as they were.
 * `border-maps=true` removes them too: the conv gets the interior constant in its bias plus an
 * `Add(y, border_correction)` of a [1, Cout, Hout, Wout] map (B - bias, 0 inside; computed in
 * float64 as the conv of the constants with zero padding; stored as a small table that two Gathers
 * expand), which needs the static input size and at most `max-map` elements (else the channel is
 * kept). Opt-in because the Add between a conv and its BatchNormalization keeps fold-bn from
 * fusing them, and it costs a pass over the conv's output at run time.
 * Likewise, with border-maps or not, every channel at or under thresh whose removal is not exact
 * for another reason (prune/constants.ts: an op whose value on a constant is not computed, an
 * operand that is not constant per channel, a ConvTranspose, a normalisation over the channels) is
 * kept, with a remark naming the reason. Channels above thresh (ranking=global) are removed
 * anyway, constant or not, as network slimming does before its finetune; the summary counts them.
 * Channels with 0 < |gamma| <= thresh are taken as constant beta (`channels-approximate`).
 *
 * `apply=false` records the masks in metadata `ylc.prune.masks` for `channel-slice` (or hand
 * edits) instead of slicing. `emit-cfg=<file>` writes the Slim YAML of the result (prune/emit-cfg.ts).
 */
import type { ChannelGroup } from './analysis/channel-groups.js';
import { definePass } from './pass.js';
import { countByKind, emitNeedsApply, finishPrune, startPrune, gammaImportance, l1Importance, roundUp, SCOPE_OPTION, topIndices } from './prune/decide.js';
import { DEFAULT_MAX_MAP, type Inexact, type RemovalOptions } from './prune/constants.js';
import { planSlice } from './prune/slice.js';

export const pruneSlimPass = definePass({
  name: 'prune-slim',
  summary: 'Network-slimming channel pruning: drop channels whose BatchNorm |gamma| is below a threshold, folding their constant outputs into the consumers',
  options: {
    thresh: { type: 'number', default: 1e-5, min: 0, help: 'channels with |gamma| at or below this are removed' },
    round: { type: 'integer', default: 8, min: 1, help: 'kept channels per group are rounded up to a multiple of this' },
    min: { type: 'integer', default: 8, min: 1, help: 'fewest channels a group keeps' },
    scope: SCOPE_OPTION,
    ranking: { type: 'enum', default: 'local', choices: ['local', 'global'], help: 'local: thresh per channel; global: the percent quantile of all |gamma| in scope, when above thresh' },
    percent: { type: 'number', default: 0, min: 0, max: 0.99, help: 'ranking=global: fraction of the channels in scope, smallest |gamma| first, under the global threshold' },
    'border-maps': { type: 'boolean', default: false, help: 'also remove constant channels read by padded convs, adding an exact border correction map after each such conv (as large as its output)' },
    'max-map': { type: 'integer', default: DEFAULT_MAX_MAP, min: 1, help: 'with border-maps: largest correction map (elements, Cout x Hout x Wout); a conv that needs a larger one keeps its channels' },
    apply: { type: 'boolean', default: true, help: 'slice now; false: record the masks in metadata ylc.prune.masks for channel-slice' },
    'emit-cfg': { type: 'string', default: '', help: 'write the pruned model as a Slim YOLOv5 YAML to this file' },
  },
  checkOptions(o) {
    if (o.ranking === 'local' && o.percent > 0) return "option 'percent' needs ranking=global";
    return emitNeedsApply(o);
  },
  run(model, o, ctx) {
    const start = startPrune(model, o, ctx);
    if (!start) return { modified: false };
    const { emit, before, analysis, groups } = start;
    const importance = new Map<ChannelGroup, Float64Array>();
    const byL1 = new Set<ChannelGroup>();
    for (const g of groups) {
      let imp = gammaImportance(analysis, g);
      if (!imp) {
        imp = l1Importance(analysis, g, 'max');
        if (!imp) {
          ctx.remark(g.producers[0]?.node, `group '${g.key}' has neither BatchNormalization nor constant filters to rank`);
          continue;
        }
        byL1.add(g);
      }
      importance.set(g, imp);
    }
    if (byL1.size) {
      ctx.warn(`${byL1.size} of ${groups.length} groups have no BatchNormalization (BN folded: deploy form?): ranked by the L1 norm of their filters, threshold ${o.thresh}`);
    }
    let t = o.thresh;
    if (o.ranking === 'global' && o.percent > 0) {
      const all: number[] = [];
      for (const [g, imp] of importance) if (!byL1.has(g)) for (const v of imp) all.push(v);
      all.sort((a, b) => a - b);
      const k = Math.floor(o.percent * all.length);
      if (k > 0) t = Math.max(t, all[k - 1]!);
      ctx.remark(undefined, `global threshold ${t} (${o.percent} quantile of ${all.length} |gamma|)`);
    }
    const masks = new Map<ChannelGroup, number[]>();
    for (const [g, imp] of importance) {
      const threshold = byL1.has(g) ? o.thresh : t;
      let count = 0;
      for (const v of imp) if (v > threshold) count++;
      const n = Math.min(Math.max(roundUp(count, o.round), o.min), g.size);
      if (count === 0 && n < g.size) {
        ctx.warn(`group '${g.key}': every channel has ${byL1.has(g) ? 'a filter L1 norm' : '|gamma|'} <= ${threshold}; keeping the ${n} largest (min=${o.min})`);
      }
      if (n < g.size) masks.set(g, topIndices(imp, n));
    }
    const removal: RemovalOptions = { constantGamma: o.thresh, maps: o['border-maps'], maxMap: o['max-map'] };
    if (masks.size) {
      const plan = planSlice(analysis, masks, removal);
      let added = 0;
      const why: Inexact[] = [];
      for (const [g, unfoldable] of plan.unfoldable) {
        const keep = masks.get(g);
        if (!keep || unfoldable.size === 0) continue;
        const imp = importance.get(g)!;
        const back: number[] = [];
        for (const [c, w] of unfoldable) {
          // A channel at or under thresh (|gamma| ~ 0: a constant) whose removal is not exact comes
          // back, whatever the reason; one above it (ranking=global) is pruned lossily, as network
          // slimming does before its finetune.
          if (keep.includes(c) || imp[c]! > o.thresh) continue;
          back.push(c);
          ctx.remark(g.producers[0]?.node, `group '${g.key}': kept channel ${c}: ${w.why}`);
          why.push(w);
        }
        if (back.length === 0) continue;
        const kept = new Set([...keep, ...back]);
        const n = Math.min(roundUp(kept.size, o.round), g.size);
        const order = Array.from({ length: g.size }, (_, i) => i).sort((a, b) => imp[b]! - imp[a]! || a - b);
        for (const i of order) {
          if (kept.size >= n) break;
          kept.add(i);
        }
        added += kept.size - keep.length;
        if (kept.size >= g.size) masks.delete(g);
        else masks.set(g, [...kept].sort((a, b) => a - b));
      }
      if (added) {
        ctx.count('kept-for-exactness', added);
        ctx.warn(`kept ${added} channels (rounding included) whose removal would change the outputs: ${countByKind(why)}`);
      }
    }
    return finishPrune(model, analysis, masks, { apply: o.apply, constantGamma: o.thresh, removal, emit, before, candidates: groups }, ctx);
  },
});
