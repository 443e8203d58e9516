/**
 * Shared helpers over the generated protobufjs module: Long <-> bigint, field presence, and the
 * `extra` convention used by decode.ts and encode.ts.
 *
 * The `extra` convention: an IR object's `extra` holds, under their protobufjs (camelCase) names,
 * the decoded fields the IR does not model (e.g. `segment`, `trainingInfo`), `$unknowns` (raw
 * fields of newer schemas), and fields the IR models with a default value that were *present* with
 * that default in the file (e.g. `name: ''`), so that presence survives. Keys starting with `$`
 * other than `$unknowns` are serde's own markers and are never copied into a message. Encoding
 * starts from `extra` and then writes every modelled field that differs from its default.
 */
import Long from 'long';
import { onnx } from './generated/onnx.js';
import { SCHEMA } from './generated/schema.js';

export { onnx, Long };

export type Extra = Record<string, unknown>;
export type AnyMessage = Record<string, unknown> & { $unknowns?: Uint8Array[] };

export function longToBigInt(v: number | Long | bigint, unsigned = false): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  const big = (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
  return unsigned ? big : BigInt.asIntN(64, big);
}

export function bigIntToLong(v: bigint, unsigned = false): Long {
  const u = BigInt.asUintN(64, v);
  return new Long(Number(u & 0xffffffffn) | 0, Number(u >> 32n) | 0, unsigned);
}

/**
 * Whether `v` is a Long. Duck-typed: protobufjs loads the CommonJS build of 'long', which is not
 * the class this ESM module imports.
 */
export function isLong(v: unknown): v is Long {
  return typeof v === 'object' && v !== null && typeof (v as Long).low === 'number' && typeof (v as Long).high === 'number';
}

export function longToNumber(v: number | Long): number {
  return typeof v === 'number' ? v : v.toNumber();
}

export function has(m: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, key);
}

/** The fields of message type `type` (a schema name) that are not in `modelled`. */
export function unmodelledFields(type: string, modelled: readonly string[]): readonly string[] {
  const all = Object.values(SCHEMA[type] ?? {}).map((f) => f.name);
  const unknown = modelled.filter((f) => !all.includes(f));
  if (unknown.length) throw new Error(`serde: ${type} has no field ${unknown.join(', ')}`);
  return all.filter((f) => !modelled.includes(f));
}

/**
 * The message's own, non-empty fields among `unmodelled` (see `unmodelledFields`), plus
 * `$unknowns`; undefined when there are none (the common case allocates nothing).
 */
export function restOf(m: object, unmodelled: readonly string[]): Extra | undefined {
  let out: Extra | undefined;
  for (const key of unmodelled) {
    if (!has(m, key)) continue;
    const v = (m as Record<string, unknown>)[key];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    (out ??= {})[key] = v;
  }
  const unknowns = (m as AnyMessage).$unknowns;
  if (has(m, '$unknowns') && unknowns && unknowns.length > 0) (out ??= {}).$unknowns = unknowns;
  return out;
}

/** Records modelled fields that were present with their default value (see the file comment). */
export function notePresentDefaults(m: object, extra: Extra | undefined, fields: readonly string[]): Extra | undefined {
  for (const f of fields) {
    if (!has(m, f)) continue;
    const v = (m as Record<string, unknown>)[f];
    if (v === '' || v === 0 || (isLong(v) && v.low === 0 && v.high === 0)) (extra ??= {})[f] = v;
  }
  return extra;
}

/** Copies `extra` into a fresh message (markers excluded), `$unknowns` as a hidden own property. */
export function applyExtra<T extends object>(m: T, extra: Extra | undefined): T {
  if (!extra) return m;
  for (const key of Object.keys(extra)) {
    if (key === '$unknowns') {
      Object.defineProperty(m, '$unknowns', { value: extra[key], enumerable: false, configurable: true, writable: true });
    } else if (!key.startsWith('$')) {
      (m as Record<string, unknown>)[key] = extra[key];
    }
  }
  return m;
}

/** StringStringEntryProto lists (metadata_props, external_data) as key/value pairs. */
export function entriesToPairs(list: readonly onnx.StringStringEntryProto.$Properties[]): Array<[string, string]> {
  return list.map((e) => [e.key ?? '', e.value ?? '']);
}

/** The entries when they are not what `pairsToEntries` would write back (absent key/value, unknown fields). */
export function entriesToKeep(list: readonly onnx.StringStringEntryProto.$Properties[]): onnx.StringStringEntryProto.$Properties[] | undefined {
  const canonical = list.every((e) => has(e, 'key') && has(e, 'value') && !(e as AnyMessage).$unknowns?.length && Object.keys(e).length === 2);
  return canonical ? undefined : [...list];
}

export function pairsToEntries(
  pairs: ReadonlyArray<readonly [string, string]>,
  keep: onnx.StringStringEntryProto.$Properties[] | undefined,
): onnx.StringStringEntryProto.$Properties[] {
  if (keep && samePairs(entriesToPairs(keep), pairs)) return keep;
  return pairs.map(([key, value]) => new onnx.StringStringEntryProto({ key, value }));
}

export function samePairs(a: ReadonlyArray<readonly [string, string]>, b: ReadonlyArray<readonly [string, string]>): boolean {
  return a.length === b.length && a.every((p, i) => p[0] === b[i]![0] && p[1] === b[i]![1]);
}
