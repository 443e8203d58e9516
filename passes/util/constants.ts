/**
 * Constants as passes see them: an initializer that is not a graph input (a graph input with a
 * default can be overridden at run time), or the output of a Constant node. Also content keys
 * for tensors, so equal constants can be found by hashing and confirmed byte by byte.
 */
import { AttrType } from '../../ir/attribute.js';
import { DataType } from '../../ir/dtype.js';
import type { Node, Value } from '../../ir/graph.js';
import { Tensor } from '../../ir/tensor.js';
import { isOnnxDomain } from './graphs.js';

/**
 * The tensor a Constant node produces, from whichever `value*` attribute it has; undefined for
 * `sparse_value` (ylc does not densify sparse tensors) or a malformed node. A `value` tensor is
 * re-wrapped, not copied: its storage is immutable and shared.
 */
export function constantNodeTensor(node: Node): Tensor | undefined {
  if (node.opType !== 'Constant' || !isOnnxDomain(node.domain)) return undefined;
  for (const a of node.attributes.values()) {
    if (a.refAttrName !== undefined) return undefined;
    switch (a.name) {
      case 'value':
        if (a.type !== AttrType.TENSOR) return undefined;
        return new Tensor(a.value.dtype, a.value.dims, a.value.storage, {
          docString: a.value.docString,
          metadataProps: a.value.metadataProps,
        });
      case 'value_float':
        if (a.type !== AttrType.FLOAT) return undefined;
        return Tensor.fromFloat32([], Float32Array.of(a.value));
      case 'value_floats':
        if (a.type !== AttrType.FLOATS) return undefined;
        return Tensor.fromFloat32([a.value.length], Float32Array.from(a.value));
      case 'value_int':
        if (a.type !== AttrType.INT) return undefined;
        return Tensor.fromInt64([], BigInt64Array.of(BigInt.asIntN(64, a.value)));
      case 'value_ints':
        if (a.type !== AttrType.INTS) return undefined;
        return Tensor.fromInt64([a.value.length], BigInt64Array.from(a.value, (v) => BigInt.asIntN(64, v)));
      case 'value_string':
        if (a.type !== AttrType.STRING) return undefined;
        return new Tensor(DataType.STRING, [], { kind: 'stringData', values: [new TextEncoder().encode(a.value)] });
      case 'value_strings': {
        if (a.type !== AttrType.STRINGS) return undefined;
        const enc = new TextEncoder();
        return new Tensor(DataType.STRING, [a.value.length], { kind: 'stringData', values: a.value.map((s) => enc.encode(s)) });
      }
      default:
        break;
    }
  }
  return undefined;
}

/** The constant `value` always holds, or undefined when it is not a constant (see file header). */
export function constantOf(value: Value): Tensor | undefined {
  if (value.constValue !== undefined) return value.isGraphInput() ? undefined : value.constValue;
  const p = value.producer();
  if (p && p.graph && p.opType === 'Constant') return constantNodeTensor(p);
  return undefined;
}

/** Bytes that identify a tensor's values (strings length-prefixed so that they cannot run together). */
/** The values of a constant int64 or int32 tensor (a shape, axes, Slice starts...), else undefined. */
export function constantInts(v: Value | null | undefined): number[] | undefined {
  if (!v) return undefined;
  const t = constantOf(v);
  if (!t || (t.dtype !== DataType.INT64 && t.dtype !== DataType.INT32)) return undefined;
  return t.toNumbers();
}

export function contentBytes(t: Tensor): Uint8Array {
  if (t.storage.kind !== 'stringData') return t.bytes();
  const parts = t.storage.values;
  const out = new Uint8Array(parts.reduce((n, p) => n + 4 + p.byteLength, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const p of parts) {
    view.setUint32(at, p.byteLength, true);
    out.set(p, at + 4);
    at += 4 + p.byteLength;
  }
  return out;
}

/** 32-bit FNV-1a of `bytes`, as 8 hex digits. */
export function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A hash key for a tensor's dtype, dims and values; equal tensors have equal keys. */
export function tensorKey(t: Tensor): string {
  return `${t.dtype}[${t.dims.join(',')}]#${fnv1a(contentBytes(t))}`;
}

/** Same dtype, same dims, same bytes (NaN payloads included: this is identity, not numeric ==). */
export function tensorsEqual(a: Tensor, b: Tensor): boolean {
  if (a === b) return true;
  if (a.dtype !== b.dtype || a.dims.length !== b.dims.length || a.dims.some((d, i) => d !== b.dims[i])) return false;
  const x = contentBytes(a);
  const y = contentBytes(b);
  if (x.byteLength !== y.byteLength) return false;
  for (let i = 0; i < x.byteLength; i++) if (x[i] !== y[i]) return false;
  return true;
}
