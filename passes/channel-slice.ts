/**
 * channel-slice: applies the pruning masks recorded in the model's metadata `ylc.prune.masks`
 * (prune/masks.ts; written by `prune-slim{apply=false}`, `prune-l1{apply=false}` or by hand) to
 * every member of each channel group (prune/slice.ts), folds the removed channels' constants into
 * their consumers (with border correction maps when the metadata asks for them, as the pass that
 * recorded the masks would have), and removes the metadata. prune-slim and prune-l1 call the same slicer
 * themselves by default; this pass is for masks made or edited elsewhere. Masks are checked
 * before anything changes: an unknown group, a size that differs from the model's, an index out of
 * range, unsorted or repeated indices, or an empty keep list is an error naming the group.
 */
import { YlcError } from '../ir/errors.js';
import { analyzeChannelGroups } from './analysis/channel-groups.js';
import { definePass } from './pass.js';
import { finishPrune, measure } from './prune/decide.js';
import { checkMasks } from './prune/slice.js';
import { MASKS_METADATA_KEY, readMasks, removeMasks } from './prune/masks.js';

export const channelSlicePass = definePass({
  name: 'channel-slice',
  summary: `Apply the channel masks in metadata '${MASKS_METADATA_KEY}' to producers, parameters and consumers`,
  options: {
    'allow-missing': { type: 'boolean', default: false, help: `do nothing (instead of failing) when the model has no '${MASKS_METADATA_KEY}'` },
  },
  run(model, o, ctx) {
    if (model.getMetadata(MASKS_METADATA_KEY) === undefined) {
      if (o['allow-missing']) return { modified: false };
      throw new YlcError('bad-model', `the model has no '${MASKS_METADATA_KEY}' metadata: run prune-slim or prune-l1 with apply=false first (or use allow-missing=true)`);
    }
    const before = measure(model);
    const analysis = analyzeChannelGroups(model);
    const stored = readMasks(model, analysis)!;
    checkMasks(stored.masks, `metadata '${MASKS_METADATA_KEY}'`);
    removeMasks(model);
    finishPrune(model, analysis, stored.masks, { apply: true, constantGamma: stored.constantGamma, removal: stored.removal, emit: undefined, before, candidates: [...stored.masks.keys()] }, ctx);
    return { modified: true };
  },
});
