/**
 * PyTorch checkpoints -> a state dict of IR tensors.
 *
 * Accepted shapes of the pickled object:
 * - a YOLOv5 training checkpoint `{'model': Model, 'ema': Model | None, 'epoch': ..., ...}`: the
 *   `ema` model when it is not None (what train.py evaluates and exports), else `model`;
 * - a whole `nn.Module` (`torch.save(model)`);
 * - `{'model': state_dict}` or `{'state_dict': state_dict}` wrappers (official ConvNeXt weights);
 * - a plain `state_dict` (name -> tensor).
 *
 * A module is walked the way `nn.Module.state_dict()` does: its `_parameters`, then its persistent
 * `_buffers` (those not in `_non_persistent_buffers_set`), then its `_modules`, names joined with
 * '.'. float16/bfloat16 tensors are widened to float32; integer tensors (BatchNorm's
 * `num_batches_tracked`) keep their dtype. The Model's `yaml` attribute (its config dict) comes
 * back as `config`.
 */
import { YlcError } from '../../ir/errors.js';
import type { Tensor } from '../../ir/tensor.js';
import { describe, isRecord, type PyRecord } from '../pytorch/pickle.js';
import { TorchTensor, loadTorchArchive, materialize } from '../pytorch/torch-archive.js';
import { isHalf, widenToFloat32 } from './convert.js';

export interface TorchCheckpoint {
  /** state_dict names (`model.4.m.0.cv1.conv.weight`) -> tensors, in state_dict order. */
  readonly stateDict: Map<string, Tensor>;
  /** The Model's `.yaml` dict (YOLOv5 whole-model checkpoints), as plain JS values. */
  readonly config?: Record<string, unknown>;
  /** The Model's class names, when the checkpoint holds a whole model that has them. */
  readonly names?: string[];
  readonly source: 'ema' | 'model' | 'state_dict' | 'wrapped';
  /** What the reader chose or changed, one sentence each (e.g. the float16 -> float32 widening). */
  readonly notes: string[];
}

export function readTorchCheckpoint(bytes: Uint8Array, fileName: string): TorchCheckpoint {
  const { root } = loadTorchArchive(bytes, fileName);
  const notes: string[] = [];
  const found = new Map<string, TorchTensor>();
  let source: TorchCheckpoint['source'];
  let module: PyRecord | undefined;

  if (isModule(root)) {
    source = 'model';
    module = root;
    notes.push(`read the whole ${root.__class__} object`);
  } else if (root instanceof Map) {
    const ema = root.get('ema');
    const model = root.get('model');
    if (isModule(ema)) {
      source = 'ema';
      module = ema;
      notes.push(`read the EMA weights ('ema', a ${ema.__class__}) rather than 'model'`);
    } else if (isModule(model)) {
      source = 'model';
      module = model;
      notes.push(`read 'model' (a ${model.__class__})${root.has('ema') ? "; 'ema' is None" : ''}`);
    } else {
      const wrapperKey = ['model', 'state_dict'].find((k) => isStateDict(root.get(k)));
      if (wrapperKey !== undefined) {
        source = 'wrapped';
        notes.push(`read the state dict under '${wrapperKey}'`);
        collectStateDict(root.get(wrapperKey) as Map<unknown, unknown>, found, notes, fileName);
      } else if (isStateDict(root)) {
        source = 'state_dict';
        collectStateDict(root, found, notes, fileName);
      } else {
        const keys = [...root.keys()].slice(0, 8).map((k) => String(k));
        throw new YlcError(
          'bad-model',
          `${fileName}: no weights found (top-level keys: ${keys.join(', ') || 'none'}); expected a state_dict, {'model': ...} or a whole model`,
        );
      }
    }
  } else {
    throw new YlcError('bad-model', `${fileName}: no weights found (the checkpoint holds ${describe(root)}); expected a state_dict, {'model': ...} or a whole model`);
  }
  if (module) walkModule(module, '', found, fileName);
  if (found.size === 0) throw new YlcError('bad-model', `${fileName}: the checkpoint holds no tensors`);

  const stateDict = new Map<string, Tensor>();
  let widened = 0;
  let widenedFrom = '';
  for (const [name, t] of found) {
    let tensor = materialize(t, name, fileName);
    if (isHalf(tensor.dtype)) {
      widenedFrom = t.dtype?.name ?? '';
      tensor = widenToFloat32(tensor);
      widened++;
    }
    stateDict.set(name, tensor);
  }
  if (widened > 0) notes.push(`widened ${widened} half-precision ${widened === 1 ? 'tensor' : 'tensors'} (${widenedFrom}) to float32`);

  const yaml = module?.['yaml'];
  const config = yaml instanceof Map ? (toPlain(yaml) as Record<string, unknown>) : undefined;
  const names = classNames(module?.['names']);
  return { stateDict, source, notes, ...(config ? { config } : {}), ...(names ? { names } : {}) };
}

/** A Model's `names`: a list, or a dict {0: 'person', ...} as train.py sets it since v6.2. */
function classNames(value: unknown): string[] | undefined {
  const plain = toPlain(value);
  if (Array.isArray(plain) && plain.every((n) => typeof n === 'string')) return plain as string[];
  if (plain && typeof plain === 'object') {
    const entries = Object.entries(plain as Record<string, unknown>);
    if (entries.length && entries.every(([k, n], i) => String(i) === k && typeof n === 'string')) return entries.map(([, n]) => n as string);
  }
  return undefined;
}

function isModule(v: unknown): v is PyRecord {
  return isRecord(v) && (v['_modules'] instanceof Map || v['_parameters'] instanceof Map);
}

function isStateDict(v: unknown): v is Map<unknown, unknown> {
  if (!(v instanceof Map) || v.size === 0) return false;
  for (const value of v.values()) if (value instanceof TorchTensor || isRebuiltTensor(value)) return true;
  return false;
}

/** A tensor torch rebuilds with a function ylc does not implement (quantized, sparse, ...). */
function isRebuiltTensor(v: unknown): v is PyRecord {
  return isRecord(v) && v.__class__.startsWith('torch.') && v.__class__.includes('._rebuild_');
}

function collectStateDict(dict: Map<unknown, unknown>, out: Map<string, TorchTensor>, notes: string[], fileName: string): void {
  const skipped: string[] = [];
  for (const [key, value] of dict) {
    const name = String(key);
    if (value instanceof TorchTensor) out.set(name, value);
    else if (isRebuiltTensor(value)) throw unsupportedTensor(fileName, name, value);
    else skipped.push(name);
  }
  if (skipped.length > 0) {
    const shown = skipped.slice(0, 4).join(', ') + (skipped.length > 4 ? ', ...' : '');
    notes.push(`skipped ${skipped.length} non-tensor ${skipped.length === 1 ? 'entry' : 'entries'} (${shown})`);
  }
}

function walkModule(module: PyRecord, prefix: string, out: Map<string, TorchTensor>, fileName: string): void {
  const add = (name: string, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (!(value instanceof TorchTensor)) throw unsupportedTensor(fileName, prefix + name, value);
    out.set(prefix + name, value);
  };
  const params = module['_parameters'];
  if (params instanceof Map) for (const [name, value] of params) add(String(name), value);
  const buffers = module['_buffers'];
  const nonPersistent = module['_non_persistent_buffers_set'];
  if (buffers instanceof Map) {
    for (const [name, value] of buffers) {
      if (nonPersistent instanceof Set && nonPersistent.has(name)) continue;
      add(String(name), value);
    }
  }
  const children = module['_modules'];
  if (children instanceof Map) {
    for (const [name, child] of children) {
      if (child === null) continue;
      if (!isModule(child)) continue;
      walkModule(child, `${prefix}${String(name)}.`, out, fileName);
    }
  }
}

function unsupportedTensor(fileName: string, name: string, value: unknown): YlcError {
  const what = isRebuiltTensor(value) ? `a tensor rebuilt by ${value.__class__}` : describe(value);
  return new YlcError('bad-model', `${fileName}: '${name}' is ${what}, which ylc cannot read; save the weights as float32 (model.float().state_dict())`);
}

/** Pickled config values -> plain JS: dicts to objects, tuples and sets to arrays. */
function toPlain(v: unknown): unknown {
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, value] of v) {
      Object.defineProperty(out, String(k), { value: toPlain(value), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof Set) return [...v].map(toPlain);
  return v;
}
