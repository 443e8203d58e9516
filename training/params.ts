/**
 * What a training-form model trains: its parameters in train.py's three optimizer groups, its
 * BatchNorm running statistics, and the flat layout both take in the training artifacts.
 *
 * Groups follow the seed's train.py, which picks them by module attribute (REFERENCE 5):
 *   decay  every `.weight` that is not a normalization layer's (conv, linear, and the custom
 *          ConvNeXt LayerNorm's weight): weight decay applies;
 *   bn     `.weight` of a BatchNormalization: no decay;
 *   bias   every `.bias`: no decay.
 * Anything else (ConvNeXt's layer-scale `gamma`) is in no group: train.py never hands it to the
 * optimizer, so it is frozen and stays an initializer. Names are the state_dict names the YOLOv5
 * frontend gives initializers; the leaf after the last '.' plays the role of the attribute name.
 *
 * Layout: each group is one flat float32 vector (parameters in initializer order, each at an
 * offset), and so are the running statistics. One tensor per group instead of one per parameter
 * means the optimizer is a handful of large elementwise ops and a step feeds and fetches a few
 * buffers instead of hundreds.
 */
import { DataType } from '../ir/dtype.js';
import { YlcError } from '../ir/errors.js';
import type { Value } from '../ir/graph.js';
import type { Model } from '../ir/model.js';

export const GROUPS = ['decay', 'bn', 'bias'] as const;
export type ParamGroup = (typeof GROUPS)[number];

/** One tensor inside a flat buffer. */
export interface Slot {
  readonly name: string;
  readonly dims: readonly number[];
  /** Offset in elements. */
  readonly offset: number;
  readonly size: number;
}

/** A flat buffer's contents, in order. */
export interface FlatLayout {
  readonly slots: readonly Slot[];
  /** Total elements. */
  readonly size: number;
}

export interface TrainableSet {
  readonly groups: Readonly<Record<ParamGroup, FlatLayout>>;
  readonly runningStats: FlatLayout;
  /** Float initializers in no optimizer group (frozen), with why. */
  readonly frozen: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
}

const RUNNING_STAT_INPUTS = new Set([3, 4]);

/** The consumers of `value`, looking through Identity aliases (PyTorch exports share tensors that way). */
function consumers(value: Value): Array<{ opType: string; index: number }> {
  const out: Array<{ opType: string; index: number }> = [];
  const visit = (v: Value, depth: number): void => {
    for (const use of v.uses()) {
      if (use.node.opType === 'Identity' && depth < 8) visit(use.node.output(0), depth + 1);
      else out.push({ opType: use.node.opType, index: use.index });
    }
  };
  visit(value, 0);
  return out;
}

export function layoutOf(entries: ReadonlyArray<{ name: string; dims: readonly number[] }>): FlatLayout {
  let offset = 0;
  const slots = entries.map(({ name, dims }) => {
    const size = dims.reduce((a, d) => a * d, 1);
    const slot = { name, dims: [...dims], offset, size };
    offset += size;
    return slot;
  });
  return { slots, size: offset };
}

/** Sorts the float initializers of a training-form model into groups, running stats and frozen tensors. */
export function collectTrainable(model: Model): TrainableSet {
  const entries: Record<ParamGroup, Array<{ name: string; dims: readonly number[] }>> = { decay: [], bn: [], bias: [] };
  const stats: Array<{ name: string; dims: readonly number[] }> = [];
  const frozen: Array<{ name: string; reason: string }> = [];
  for (const [name, value] of model.graph.initializers) {
    const t = value.constValue!;
    if (value.useCount === 0) continue;
    const uses = consumers(value);
    const leaf = name.slice(name.lastIndexOf('.') + 1);
    const bnInput = uses.find((u) => u.opType === 'BatchNormalization');
    if (bnInput && RUNNING_STAT_INPUTS.has(bnInput.index)) {
      if (t.dtype !== DataType.FLOAT) throw new YlcError('bad-model', `running statistic '${name}' is ${t.describe()}; training needs float32`);
      stats.push({ name, dims: t.dims });
      continue;
    }
    if (t.dtype !== DataType.FLOAT) {
      if (t.dtype === DataType.FLOAT16 || t.dtype === DataType.BFLOAT16 || t.dtype === DataType.DOUBLE) {
        throw new YlcError('bad-model', `parameter '${name}' is ${t.describe()}; training needs float32 parameters (rebuild the model, or load the weights into a float32 build)`);
      }
      continue; // shapes, indices
    }
    if (leaf === 'bias') entries.bias.push({ name, dims: t.dims });
    else if (leaf === 'weight') (bnInput?.index === 1 ? entries.bn : entries.decay).push({ name, dims: t.dims });
    else frozen.push({ name, reason: `'${leaf}' is neither a weight nor a bias: train.py puts it in no optimizer group` });
  }
  if (entries.decay.length + entries.bn.length + entries.bias.length === 0) {
    throw new YlcError('bad-model', 'the model has no trainable parameters (float initializers named like state_dict entries, <module>.weight / <module>.bias)');
  }
  return {
    groups: { decay: layoutOf(entries.decay), bn: layoutOf(entries.bn), bias: layoutOf(entries.bias) },
    runningStats: layoutOf(stats),
    frozen,
  };
}

/** Every parameter slot with its group, in group order. */
export function parameterSlots(set: Pick<TrainableSet, 'groups'>): Array<Slot & { group: ParamGroup }> {
  return GROUPS.flatMap((group) => set.groups[group].slots.map((s) => ({ ...s, group })));
}
