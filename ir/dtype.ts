/**
 * ONNX element types (TensorProto.DataType) and what the rest of ylc needs to know about them:
 * their names in ONNX text syntax, their width in bits, and the typed array that holds them.
 */

export enum DataType {
  UNDEFINED = 0,
  FLOAT = 1,
  UINT8 = 2,
  INT8 = 3,
  UINT16 = 4,
  INT16 = 5,
  INT32 = 6,
  INT64 = 7,
  STRING = 8,
  BOOL = 9,
  FLOAT16 = 10,
  DOUBLE = 11,
  UINT32 = 12,
  UINT64 = 13,
  COMPLEX64 = 14,
  COMPLEX128 = 15,
  BFLOAT16 = 16,
  FLOAT8E4M3FN = 17,
  FLOAT8E4M3FNUZ = 18,
  FLOAT8E5M2 = 19,
  FLOAT8E5M2FNUZ = 20,
  UINT4 = 21,
  INT4 = 22,
  FLOAT4E2M1 = 23,
  FLOAT8E8M0 = 24,
  UINT2 = 25,
  INT2 = 26,
  FLOAT6E2M3 = 27,
  FLOAT6E3M2 = 28,
}

interface DataTypeInfo {
  /** Name used by the ONNX text syntax (onnx.parser / onnx.printer). */
  readonly textName: string;
  /** Width of one element in bits; 0 for STRING (variable length). */
  readonly bits: number;
}

const INFO: Readonly<Record<number, DataTypeInfo>> = {
  [DataType.UNDEFINED]: { textName: 'undefined', bits: 0 },
  [DataType.FLOAT]: { textName: 'float', bits: 32 },
  [DataType.UINT8]: { textName: 'uint8', bits: 8 },
  [DataType.INT8]: { textName: 'int8', bits: 8 },
  [DataType.UINT16]: { textName: 'uint16', bits: 16 },
  [DataType.INT16]: { textName: 'int16', bits: 16 },
  [DataType.INT32]: { textName: 'int32', bits: 32 },
  [DataType.INT64]: { textName: 'int64', bits: 64 },
  [DataType.STRING]: { textName: 'string', bits: 0 },
  [DataType.BOOL]: { textName: 'bool', bits: 8 },
  [DataType.FLOAT16]: { textName: 'float16', bits: 16 },
  [DataType.DOUBLE]: { textName: 'double', bits: 64 },
  [DataType.UINT32]: { textName: 'uint32', bits: 32 },
  [DataType.UINT64]: { textName: 'uint64', bits: 64 },
  [DataType.COMPLEX64]: { textName: 'complex64', bits: 64 },
  [DataType.COMPLEX128]: { textName: 'complex128', bits: 128 },
  [DataType.BFLOAT16]: { textName: 'bfloat16', bits: 16 },
  [DataType.FLOAT8E4M3FN]: { textName: 'float8e4m3fn', bits: 8 },
  [DataType.FLOAT8E4M3FNUZ]: { textName: 'float8e4m3fnuz', bits: 8 },
  [DataType.FLOAT8E5M2]: { textName: 'float8e5m2', bits: 8 },
  [DataType.FLOAT8E5M2FNUZ]: { textName: 'float8e5m2fnuz', bits: 8 },
  [DataType.UINT4]: { textName: 'uint4', bits: 4 },
  [DataType.INT4]: { textName: 'int4', bits: 4 },
  [DataType.FLOAT4E2M1]: { textName: 'float4e2m1', bits: 4 },
  [DataType.FLOAT8E8M0]: { textName: 'float8e8m0', bits: 8 },
  [DataType.UINT2]: { textName: 'uint2', bits: 2 },
  [DataType.INT2]: { textName: 'int2', bits: 2 },
  [DataType.FLOAT6E2M3]: { textName: 'float6e2m3', bits: 6 },
  [DataType.FLOAT6E3M2]: { textName: 'float6e3m2', bits: 6 },
};

const BY_TEXT_NAME: ReadonlyMap<string, DataType> = new Map(
  Object.entries(INFO).map(([code, info]) => [info.textName, Number(code) as DataType]),
);

export function isKnownDataType(code: number): code is DataType {
  return INFO[code] !== undefined;
}

export function dataTypeName(dtype: DataType): string {
  return INFO[dtype]?.textName ?? `dtype${dtype}`;
}

export function dataTypeFromName(name: string): DataType | undefined {
  return BY_TEXT_NAME.get(name);
}

export function dataTypeBits(dtype: DataType): number {
  return INFO[dtype]?.bits ?? 0;
}

/** Bytes taken by `count` elements in raw_data (sub-byte types are packed, low bits first). */
export function rawByteLength(dtype: DataType, count: number): number {
  return Math.ceil((dataTypeBits(dtype) * count) / 8);
}

export function isFloatingPoint(dtype: DataType): boolean {
  switch (dtype) {
    case DataType.FLOAT:
    case DataType.DOUBLE:
    case DataType.FLOAT16:
    case DataType.BFLOAT16:
    case DataType.FLOAT8E4M3FN:
    case DataType.FLOAT8E4M3FNUZ:
    case DataType.FLOAT8E5M2:
    case DataType.FLOAT8E5M2FNUZ:
    case DataType.FLOAT4E2M1:
    case DataType.FLOAT8E8M0:
    case DataType.FLOAT6E2M3:
    case DataType.FLOAT6E3M2:
      return true;
    default:
      return false;
  }
}
