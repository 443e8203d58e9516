/**
 * Value types (TypeProto). Tensors are modelled; sequence/map/optional/sparse/opaque types are
 * kept as their decoded proto so they round-trip unchanged.
 */
import { DataType, dataTypeName } from './dtype.js';

/** One dimension: a known size, a symbolic name, or unknown. `denotation` is kept for round trips. */
export interface Dim {
  value?: number;
  param?: string;
  denotation?: string;
}

export interface TensorType {
  readonly kind: 'tensor';
  elemType: DataType;
  /** undefined: rank unknown. [] : a scalar. */
  shape: Dim[] | undefined;
  denotation?: string;
}

export interface OtherType {
  readonly kind: 'other';
  /** The decoded onnx.TypeProto, kept as is. */
  readonly proto: unknown;
}

export type ValueType = TensorType | OtherType;

export function tensorType(elemType: DataType, shape?: ReadonlyArray<number | string | null>): TensorType {
  return {
    kind: 'tensor',
    elemType,
    shape: shape?.map((d) => (typeof d === 'number' ? { value: d } : typeof d === 'string' ? { param: d } : {})),
  };
}

/** Dims as numbers where known, `null` where symbolic or unknown; undefined when the rank is unknown. */
export function staticDims(type: ValueType | undefined): Array<number | null> | undefined {
  if (type?.kind !== 'tensor' || type.shape === undefined) return undefined;
  return type.shape.map((d) => d.value ?? null);
}

export function formatDim(d: Dim): string {
  return d.value !== undefined ? String(d.value) : d.param !== undefined ? d.param : '?';
}

export function formatType(type: ValueType | undefined): string {
  if (type === undefined) return '?';
  if (type.kind === 'other') return 'non-tensor';
  const elem = dataTypeName(type.elemType);
  return type.shape === undefined ? elem : `${elem}[${type.shape.map(formatDim).join(',')}]`;
}
