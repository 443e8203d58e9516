/**
 * PyTorch state_dicts <-> the initializers of a built model, which carry the state_dict names
 * (`model.4.m.0.cv1.conv.weight`, `model.4.m.0.cv1.bn.running_var`, `model.24.m.0.bias`).
 *
 * applyStateDict is strict by default: a key the model lacks, a model tensor the state_dict lacks,
 * or a shape that differs is an error listing the first few of each, and nothing is loaded. With
 * `partial`, what matches is loaded and the rest is reported as skipped. Floating tensors are
 * converted to the model's dtype (checkpoints are often float16). Buffers without a graph
 * tensor: `num_batches_tracked` is skipped; `model.<L>.anchors` ([nl, na, 2], divided by the
 * strides, as autoanchor may have changed them) updates the anchors in `ylc.detect` and, in
 * deploy form, the decode's anchor_grid constants.
 */
import { DataType, dataTypeName, isFloatingPoint } from '../../ir/dtype.js';
import { YlcError } from '../../ir/errors.js';
import type { Model } from '../../ir/model.js';
import { Tensor } from '../../ir/tensor.js';
import { anchorGridTensor, constantValueAttr, type DetectInfo } from './detect.js';
import { META_DETECT, readDetectInfo, readForm, writeDetectInfo } from './metadata.js';

const BUFFER_SUFFIXES = ['.running_mean', '.running_var', '.num_batches_tracked'];
const SHOWN = 4;

function list(keys: readonly string[]): string {
  const shown = keys.slice(0, SHOWN).join(', ');
  return keys.length > SHOWN ? `${shown}, ... (+${keys.length - SHOWN} more)` : shown;
}

function dims(d: readonly number[]): string {
  return d.length ? `[${d.join(',')}]` : 'scalar';
}

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** `t` as `dtype` with `name`, sharing storage when no conversion is needed. */
function convert(t: Tensor, dtype: DataType, name: string): Tensor {
  if (t.dtype === dtype) return new Tensor(t.dtype, t.dims, t.storage, { name });
  if (dtype === DataType.FLOAT) return Tensor.fromFloat32(t.dims, t.toFloat32(), { name });
  if (dtype === DataType.DOUBLE) {
    const data = t.toFloat64();
    return Tensor.fromBytes(DataType.DOUBLE, t.dims, new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { name });
  }
  throw new Error(`cannot convert ${dataTypeName(t.dtype)} to ${dataTypeName(dtype)}`);
}

export interface ApplyResult {
  /** State-dict keys whose values are now in the model. */
  loaded: string[];
  /** State-dict keys not loaded (buffers the graph does not hold; with `partial`, keys that did not match). */
  skipped: string[];
}

/** Loads `stateDict` into `model`'s initializers (in place). See the file header. */
export function applyStateDict(model: Model, stateDict: Map<string, Tensor>, options: { partial?: boolean } = {}): ApplyResult {
  if (!(stateDict instanceof Map)) throw new TypeError('applyStateDict: stateDict must be a Map<string, Tensor>');
  const graph = model.graph;
  const partial = options.partial ?? false;
  const info = model.getMetadata(META_DETECT) !== undefined ? readDetectInfo(model, 'the model') : undefined;
  const anchorsKey = info ? `model.${info.layer}.anchors` : undefined;

  const matched: Array<[string, Tensor]> = [];
  const unexpected: string[] = [];
  const mismatched: string[] = [];
  const mismatchDetail: string[] = [];
  const skipped: string[] = [];
  let anchors: Tensor | undefined;
  for (const [key, tensor] of stateDict) {
    const target = graph.initializers.get(key);
    if (target) {
      const want = target.constValue!;
      if (!sameDims(want.dims, tensor.dims)) {
        mismatched.push(key);
        mismatchDetail.push(`${key}: model ${dims(want.dims)}, state dict ${dims(tensor.dims)}`);
      } else if (want.dtype !== tensor.dtype && !(isFloatingPoint(want.dtype) && isFloatingPoint(tensor.dtype))) {
        mismatched.push(key);
        mismatchDetail.push(`${key}: model ${dataTypeName(want.dtype)}, state dict ${dataTypeName(tensor.dtype)}`);
      } else {
        matched.push([key, tensor]);
      }
    } else if (key.endsWith('.num_batches_tracked') || (info && (key === `model.${info.layer}.anchor_grid` || key === `model.${info.layer}.grid`))) {
      skipped.push(key);
    } else if (key === anchorsKey && info) {
      const want = [info.heads.length, info.na, 2];
      if (!sameDims(tensor.dims, want) || !isFloatingPoint(tensor.dtype)) {
        mismatched.push(key);
        mismatchDetail.push(`${key}: model ${dims(want)}, state dict ${dims(tensor.dims)} ${dataTypeName(tensor.dtype)}`);
      } else {
        anchors = tensor;
      }
    } else {
      unexpected.push(key);
    }
  }
  const missing = [...graph.initializers.keys()].filter((k) => !stateDict.has(k));

  if (!partial && (missing.length || unexpected.length || mismatched.length)) {
    const parts: string[] = [];
    if (missing.length) parts.push(`${missing.length} missing (${list(missing)})`);
    if (unexpected.length) parts.push(`${unexpected.length} unexpected (${list(unexpected)})`);
    if (mismatched.length) parts.push(`${mismatched.length} mismatched (${list(mismatchDetail)})`);
    throw new YlcError('bad-model', `state dict does not match the model: ${parts.join('; ')}${hint(model, info, unexpected, mismatched, stateDict)}`);
  }

  for (const [key, tensor] of matched) {
    const target = graph.initializers.get(key)!;
    target.constValue = convert(tensor, target.constValue!.dtype, key);
  }
  const loaded = matched.map(([k]) => k);
  if (anchors && info) {
    setAnchors(model, info, anchors);
    loaded.push(anchorsKey!);
  }
  return { loaded, skipped: [...skipped, ...unexpected, ...mismatched] };
}

function hint(model: Model, info: DetectInfo | undefined, unexpected: readonly string[], mismatched: readonly string[], sd: Map<string, Tensor>): string {
  if (readForm(model) === 'deploy' && unexpected.some((k) => k.includes('.bn.'))) {
    return ' (the model is in deploy form, BatchNorm folded: load the weights into the train form, then convert it with toDeployForm)';
  }
  if (info) {
    const head = mismatched.find((k) => k.startsWith(`model.${info.layer}.m.`) && k.endsWith('.weight'));
    const t = head ? sd.get(head) : undefined;
    if (t && t.dims[0]! % info.na === 0) {
      const nc = t.dims[0]! / info.na - 5;
      if (nc > 0 && nc !== info.nc) return ` (the weights are for nc=${nc}, the model has nc=${info.nc}: build it with --nc ${nc})`;
    }
  }
  return '';
}

/** New anchors ([nl, na, 2], divided by the strides) into ylc.detect and, in deploy form, the anchor_grid constants. */
function setAnchors(model: Model, info: DetectInfo, anchors: Tensor): void {
  const values = anchors.toFloat32();
  const px = info.strides.map((s, l) => Array.from({ length: info.na * 2 }, (_, j) => Math.fround(values[l * info.na * 2 + j]! * s)));
  const same = px.every((level, l) => level.every((v, j) => v === info.anchors[l]![j]));
  if (same) return;
  writeDetectInfo(model, { ...info, anchors: px });
  if (readForm(model) !== 'deploy') return;
  // In deploy form, anchor_grid is the Constant multiplied into the Pow of each level, in level order.
  let level = 0;
  for (const node of model.graph.nodes) {
    if (node.opType !== 'Mul' || node.input(0)?.producer()?.opType !== 'Pow') continue;
    const c = node.input(1)?.producer();
    const t = c?.opType === 'Constant' ? c.attrTensor('value') : undefined;
    if (!c || !t || t.dims.length !== 5 || level >= px.length) continue;
    const size: [number, number] = [t.dims[2]!, t.dims[3]!];
    const grid = anchorGridTensor(px[level]!, info.strides[level]!, size);
    c.setAttr(constantValueAttr(grid));
    level++;
  }
  if (level !== px.length) throw new YlcError('bad-model', `applyStateDict: found ${level} of ${px.length} anchor_grid constants to update in the deploy-form model`);
}

/** PyTorch's parameter count: floating initializers except BatchNorm buffers (running stats). */
export function countParameters(model: Model): number {
  let n = 0;
  for (const [name, v] of model.graph.initializers) {
    const t = v.constValue;
    if (!t || !isFloatingPoint(t.dtype)) continue;
    if (BUFFER_SUFFIXES.some((s) => name.endsWith(s))) continue;
    n += t.size;
  }
  return n;
}
