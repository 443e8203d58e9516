/**
 * Widening of half-precision weights to float32: what ylc computes in. Exact (every float16 and
 * bfloat16 value is a float32 value); float16 goes through a 64K-entry table built on first use.
 */
import { DataType } from '../../ir/dtype.js';
import { float16BitsToNumber } from '../../ir/half.js';
import { Tensor } from '../../ir/tensor.js';

let halfTable: Float32Array | undefined;

function float16Table(): Float32Array {
  if (!halfTable) {
    halfTable = new Float32Array(0x10000);
    for (let h = 0; h < 0x10000; h++) halfTable[h] = float16BitsToNumber(h);
  }
  return halfTable;
}

export function isHalf(dtype: DataType): boolean {
  return dtype === DataType.FLOAT16 || dtype === DataType.BFLOAT16;
}

/** A new FLOAT tensor with the values of a FLOAT16/BFLOAT16 tensor (same name and dims). */
export function widenToFloat32(t: Tensor): Tensor {
  const bytes = t.bytes();
  const n = t.size;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(n);
  if (t.dtype === DataType.FLOAT16) {
    const table = float16Table();
    for (let i = 0; i < n; i++) out[i] = table[view.getUint16(i * 2, true)]!;
  } else if (t.dtype === DataType.BFLOAT16) {
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < n; i++) bits[i] = view.getUint16(i * 2, true) << 16;
  } else {
    throw new TypeError(`widenToFloat32: tensor '${t.name}' is not float16 or bfloat16`);
  }
  return Tensor.fromFloat32(t.dims, out, { name: t.name });
}
