/**
 * Equality of decoded protobufjs messages, as proto2 defines it: a field that is present (even
 * with its default value) differs from an absent one; repeated fields have no presence (empty =
 * absent); int64 values compare by value whatever their form (Long, number, bigint); bytes by
 * content; floats bit-for-bit except that NaN equals NaN; unknown fields by their bytes.
 */
import { isLong } from './proto.js';

/** Whether two messages are equal (see the file comment). */
export function messagesEqual(a: unknown, b: unknown): boolean {
  return firstDifference(a, b) === undefined;
}

/** A path to the first difference (`graph.node[3].attribute[0].i: 1 != 2`), or undefined. */
export function firstDifference(a: unknown, b: unknown, where = ''): string | undefined {
  if (a === b) return undefined;
  if (isIntLike(a) && isIntLike(b)) {
    if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || (a !== a && b !== b) ? undefined : diff(where, a, b);
    return asU64(a) === asU64(b) ? undefined : diff(where, a, b);
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array)) return diff(where, a, b);
    return bytesEqual(a, b) ? undefined : `${where}: bytes differ (${a.length} vs ${b.length} bytes)`;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? a : [];
    const y = Array.isArray(b) ? b : [];
    if (x.length !== y.length) return `${where}: ${x.length} != ${y.length} elements`;
    for (let i = 0; i < x.length; i++) {
      const d = firstDifference(x[i], y[i], `${where}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const keys = new Set([...presentKeys(a), ...presentKeys(b)]);
    for (const k of keys) {
      const x = (a as Record<string, unknown>)[k];
      const y = (b as Record<string, unknown>)[k];
      const px = isPresent(a, k);
      const py = isPresent(b, k);
      if (px !== py) return `${where}.${k}: ${px ? 'present' : 'absent'} != ${py ? 'present' : 'absent'}`;
      const d = firstDifference(x, y, `${where}.${k}`);
      if (d) return d;
    }
    const ua = unknownBytes(a);
    const ub = unknownBytes(b);
    if (!bytesEqual(ua, ub)) return `${where}.$unknowns: ${ua.length} != ${ub.length} bytes or different`;
    return undefined;
  }
  return diff(where, a, b);
}

function diff(where: string, a: unknown, b: unknown): string {
  return `${where}: ${show(a)} != ${show(b)}`;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (isLong(v)) return v.toString();
  return String(v);
}

function isIntLike(v: unknown): v is number | bigint | { low: number; high: number } {
  return typeof v === 'number' || typeof v === 'bigint' || isLong(v);
}

function asU64(v: number | bigint | { low: number; high: number }): bigint {
  if (typeof v === 'bigint') return BigInt.asUintN(64, v);
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt.asUintN(64, BigInt(v)) : BigInt(-1);
  return (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
}

function presentKeys(m: object): string[] {
  return Object.keys(m).filter((k) => isPresent(m, k));
}

function isPresent(m: object, k: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(m, k)) return false;
  const v = (m as Record<string, unknown>)[k];
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

function unknownBytes(m: object): Uint8Array {
  const u = (m as { $unknowns?: Uint8Array[] }).$unknowns;
  if (!Object.prototype.hasOwnProperty.call(m, '$unknowns') || !u || u.length === 0) return new Uint8Array(0);
  return Buffer.concat(u);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
