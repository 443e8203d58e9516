/**
 * Pruning masks kept in a model, for `channel-slice`: the metadata key `ylc.prune.masks` holds
 *
 *   {"version": 1, "constantGamma": 1e-5, "borderMaps": true, "maxMap": 4194304,
 *    "groups": [{"key": "/model.0/conv/Conv_output_0", "size": 16, "keep": [0, 1, 3, ...]}, ...]}
 *
 * `key` names a channel group as `ylc info --groups` lists it (its first producer's output value,
 * `name[a:b]` for part of one), `size` is the group's channel count when the masks were made (a
 * check that the model is still the one they were made for), `keep` the kept indices, sorted.
 * `constantGamma` is the |gamma| under which a removed BatchNormalization channel is taken as the
 * constant beta when its value is folded into the consumers (prune-slim's thresh; 0: exact zeros).
 * `borderMaps` (default false) and `maxMap` are the `border-maps` and `max-map` options of the pass
 * that made the masks: whether padded convs that read removed constants get border correction
 * maps, and how large one may be (prune/constants.ts); written only when maps are on.
 * `prune-slim{apply=false}` and `prune-l1{apply=false}` write it; users may edit it by hand.
 */
import { YlcError } from '../../ir/errors.js';
import type { Model } from '../../ir/model.js';
import type { ChannelAnalysis, ChannelGroup } from '../analysis/channel-groups.js';
import type { RemovalOptions } from './constants.js';

export const MASKS_METADATA_KEY = 'ylc.prune.masks';

export interface StoredMasks {
  readonly masks: Map<ChannelGroup, number[]>;
  readonly constantGamma: number;
  /** Border correction maps (`maps`, `maxMap`) as the masks' maker chose them. */
  readonly removal: RemovalOptions;
}

export function writeMasks(model: Model, masks: ReadonlyMap<ChannelGroup, readonly number[]>, constantGamma: number, removal: RemovalOptions = {}): void {
  const groups = [...masks]
    .sort(([a], [b]) => a.id - b.id)
    .map(([g, keep]) => ({ key: g.key, size: g.size, keep: [...keep] }));
  const maps = removal.maps ? { borderMaps: true, ...(removal.maxMap !== undefined ? { maxMap: removal.maxMap } : {}) } : {};
  model.setMetadata(MASKS_METADATA_KEY, JSON.stringify({ version: 1, constantGamma, ...maps, groups }));
}

export function removeMasks(model: Model): void {
  model.metadataProps = model.metadataProps.filter(([k]) => k !== MASKS_METADATA_KEY);
}

/** The masks stored in `model` resolved against its groups; YlcErrors name the group at fault. */
export function readMasks(model: Model, analysis: ChannelAnalysis): StoredMasks | undefined {
  const text = model.getMetadata(MASKS_METADATA_KEY);
  if (text === undefined) return undefined;
  const bad = (why: string): never => {
    throw new YlcError('bad-model', `metadata '${MASKS_METADATA_KEY}': ${why}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return bad(`not JSON (${(e as Error).message})`);
  }
  const d = data as { version?: unknown; constantGamma?: unknown; borderMaps?: unknown; maxMap?: unknown; groups?: unknown };
  if (typeof d !== 'object' || d === null || d.version !== 1) return bad('expected {"version": 1, "groups": [...]}');
  if (!Array.isArray(d.groups)) return bad("'groups' must be a list of {key, size, keep}");
  const constantGamma = d.constantGamma === undefined ? 0 : d.constantGamma;
  if (typeof constantGamma !== 'number' || !(constantGamma >= 0)) return bad(`'constantGamma' must be a number >= 0, got ${JSON.stringify(d.constantGamma)}`);
  if (d.borderMaps !== undefined && typeof d.borderMaps !== 'boolean') return bad(`'borderMaps' must be true or false, got ${JSON.stringify(d.borderMaps)}`);
  if (d.maxMap !== undefined && !(Number.isSafeInteger(d.maxMap) && (d.maxMap as number) >= 1)) return bad(`'maxMap' must be an integer >= 1, got ${JSON.stringify(d.maxMap)}`);
  const removal: RemovalOptions = { maps: d.borderMaps === true, ...(d.maxMap !== undefined ? { maxMap: d.maxMap as number } : {}) };
  const masks = new Map<ChannelGroup, number[]>();
  for (const [i, entry] of d.groups.entries()) {
    const e = entry as { key?: unknown; size?: unknown; keep?: unknown };
    if (typeof e !== 'object' || e === null || typeof e.key !== 'string') return bad(`groups[${i}] has no 'key'`);
    const g = analysis.groupByKey(e.key);
    if (!g) return bad(`group '${e.key}' is not a channel group of this model (see 'ylc info --groups')`);
    if (typeof e.size === 'number' && e.size !== g.size) return bad(`group '${e.key}' has ${g.size} channels in the model but the mask was made for ${e.size}`);
    if (!Array.isArray(e.keep) || !e.keep.every((k) => typeof k === 'number')) return bad(`group '${e.key}': 'keep' must be a list of channel indices`);
    if (masks.has(g)) return bad(`group '${e.key}' is listed twice`);
    masks.set(g, e.keep as number[]);
  }
  return { masks, constantGamma, removal };
}
