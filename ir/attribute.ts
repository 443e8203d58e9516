/**
 * Node attributes. Integers are int64 in ONNX and kept as `bigint` so that values such as
 * INT64_MAX (Slice ends) survive a round trip; `Node.attrInt`/`attrInts` give numbers to passes.
 */
import type { Tensor } from './tensor.js';
import type { Graph } from './graph.js';
import type { ValueType } from './type.js';

export enum AttrType {
  UNDEFINED = 0,
  FLOAT = 1,
  INT = 2,
  STRING = 3,
  TENSOR = 4,
  GRAPH = 5,
  FLOATS = 6,
  INTS = 7,
  STRINGS = 8,
  TENSORS = 9,
  GRAPHS = 10,
  SPARSE_TENSOR = 11,
  SPARSE_TENSORS = 12,
  TYPE_PROTO = 13,
  TYPE_PROTOS = 14,
}

/** A sparse tensor attribute is kept as its decoded proto; ylc does not compute with it. */
export interface SparseTensorProtoValue {
  readonly proto: unknown;
}

export type AttrValue =
  | { type: AttrType.FLOAT; value: number }
  | { type: AttrType.INT; value: bigint }
  | { type: AttrType.STRING; value: string }
  | { type: AttrType.TENSOR; value: Tensor }
  | { type: AttrType.GRAPH; value: Graph }
  | { type: AttrType.SPARSE_TENSOR; value: SparseTensorProtoValue }
  | { type: AttrType.TYPE_PROTO; value: ValueType }
  | { type: AttrType.FLOATS; value: number[] }
  | { type: AttrType.INTS; value: bigint[] }
  | { type: AttrType.STRINGS; value: string[] }
  | { type: AttrType.TENSORS; value: Tensor[] }
  | { type: AttrType.GRAPHS; value: Graph[] }
  | { type: AttrType.SPARSE_TENSORS; value: SparseTensorProtoValue[] }
  | { type: AttrType.TYPE_PROTOS; value: ValueType[] };

export type Attribute = AttrValue & {
  name: string;
  docString?: string;
  /** Set inside function bodies: the attribute takes the value of the caller's attribute of this name. */
  refAttrName?: string;
  /** Decoded proto fields ylc does not interpret, written back unchanged. */
  extra?: Record<string, unknown>;
};

export function attrInt(name: string, value: number | bigint): Attribute {
  return { name, type: AttrType.INT, value: BigInt(value) };
}

export function attrInts(name: string, values: ReadonlyArray<number | bigint>): Attribute {
  return { name, type: AttrType.INTS, value: values.map((v) => BigInt(v)) };
}

export function attrFloat(name: string, value: number): Attribute {
  return { name, type: AttrType.FLOAT, value };
}

export function attrFloats(name: string, values: readonly number[]): Attribute {
  return { name, type: AttrType.FLOATS, value: [...values] };
}

export function attrString(name: string, value: string): Attribute {
  return { name, type: AttrType.STRING, value };
}

export function attrTensor(name: string, value: Tensor): Attribute {
  return { name, type: AttrType.TENSOR, value };
}
