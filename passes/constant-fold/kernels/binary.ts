/**
 * Elementwise ops with multidirectional broadcasting: Add, Sub, Mul, Div, Pow, Min, Max, Equal.
 *
 * float32 results are exact: the float64 result of +, -, *, / on two float32 values rounds to the
 * same float32 that float32 arithmetic gives (the double rounding is innocuous), and storing into a
 * Float32Array is that rounding. Integers wrap like C++: products of 32-bit ints use Math.imul so
 * no bits are lost in float64; division truncates toward zero and is refused for a zero divisor
 * or an unrepresentable quotient (INT_MIN / -1), which are undefined behaviour in ONNX Runtime.
 * Pow follows ONNX Runtime: x*x for an exponent of 2, x*x*x for 3, else pow in float64 rounded.
 */
import { DataType, dataTypeName } from '../../../ir/dtype.js';
import {
  alloc,
  at,
  broadcastIndex,
  broadcastShapes,
  numericClass,
  Refused,
  Unsupported,
  type NdArray,
  type Scalar,
} from '../ndarray.js';
import { required, type Kernel, type KernelContext } from './types.js';

type Op = (x: Scalar, y: Scalar) => Scalar;

function map2(a: NdArray, b: NdArray, outDtype: DataType, ctx: KernelContext, f: Op): NdArray {
  const out = alloc(outDtype, broadcastShapes([a.dims, b.dims]), ctx.limit);
  const ia = broadcastIndex(a.dims, out.dims);
  const ib = broadcastIndex(b.dims, out.dims);
  const xs = at(a.data);
  const ys = at(b.data);
  const dst = at(out.data);
  for (let k = 0; k < out.data.length; k++) dst[k] = f(xs[ia ? ia[k]! : k]!, ys[ib ? ib[k]! : k]!);
  return out;
}

function sameType(a: NdArray, b: NdArray, ctx: KernelContext): void {
  if (a.dtype !== b.dtype) throw new Refused(`${ctx.node.opType} inputs differ in element type (${dataTypeName(a.dtype)}, ${dataTypeName(b.dtype)})`);
}

interface ArithOps {
  float: (x: number, y: number) => number;
  int: (x: number, y: number) => number;
  bigint: (x: bigint, y: bigint) => bigint;
}

/** Checks that `q`, computed exactly, fits the element type of `dtype` (else it is UB). */
function representable(dtype: DataType, q: Scalar): boolean {
  const probe = alloc(dtype, [1], 1);
  at(probe.data)[0] = q;
  return at(probe.data)[0] === q;
}

function arithmetic(ops: ArithOps): Kernel {
  return (inputs, ctx) => {
    const a = required(inputs, 0, ctx);
    const b = required(inputs, 1, ctx);
    if (ctx.node.attr('broadcast') || ctx.node.attr('axis')) throw new Unsupported('legacy broadcast attributes (opset < 7)');
    sameType(a, b, ctx);
    const cls = numericClass(a.dtype);
    let f: Op;
    if (cls === 'float') f = ops.float as Op;
    else if (cls === 'int') f = ops.int as Op;
    else if (cls === 'bigint') f = ops.bigint as Op;
    else throw new Unsupported(`${ctx.node.opType} on ${dataTypeName(a.dtype)}`);
    return [map2(a, b, a.dtype, ctx, f)];
  };
}

export const Add = arithmetic({ float: (x, y) => x + y, int: (x, y) => x + y, bigint: (x, y) => x + y });
export const Sub = arithmetic({ float: (x, y) => x - y, int: (x, y) => x - y, bigint: (x, y) => x - y });
export const Mul = arithmetic({ float: (x, y) => x * y, int: (x, y) => Math.imul(x, y), bigint: (x, y) => x * y });

export const Div: Kernel = (inputs, ctx) => {
  const a = required(inputs, 0, ctx);
  const dtype = a.dtype;
  const check = (q: Scalar): Scalar => {
    if (!representable(dtype, q)) throw new Refused(`integer division overflows ${dataTypeName(dtype)}`);
    return q;
  };
  return arithmetic({
    float: (x, y) => x / y,
    int: (x, y) => {
      if (y === 0) throw new Refused('integer division by zero');
      return check(Math.trunc(x / y)) as number;
    },
    bigint: (x, y) => {
      if (y === 0n) throw new Refused('integer division by zero');
      return check(x / y) as bigint;
    },
  })(inputs, ctx);
};

export const Pow: Kernel = (inputs, ctx) => {
  const a = required(inputs, 0, ctx);
  const b = required(inputs, 1, ctx);
  if (numericClass(a.dtype) !== 'float') throw new Unsupported(`Pow of ${dataTypeName(a.dtype)}`);
  const ec = numericClass(b.dtype);
  if (ec !== 'float' && ec !== 'int' && ec !== 'bigint') throw new Unsupported(`Pow exponent of ${dataTypeName(b.dtype)}`);
  const round = a.dtype === DataType.FLOAT ? Math.fround : (x: number): number => x;
  return [
    map2(a, b, a.dtype, ctx, (x, y) => {
      const e = Number(y);
      const v = x as number;
      if (e === 2) return v * v;
      if (e === 3) return round(v * v) * v;
      return Math.pow(v, e);
    }),
  ];
};

function extremum(pick: (x: Scalar, y: Scalar) => boolean): Kernel {
  return (inputs, ctx) => {
    const arrays = inputs.filter((x): x is NdArray => x !== undefined);
    let acc = arrays[0];
    if (!acc) throw new Refused(`${ctx.node.opType} without inputs`);
    const cls = numericClass(acc.dtype);
    if (cls === 'opaque' || cls === 'bool') throw new Unsupported(`${ctx.node.opType} on ${dataTypeName(acc.dtype)}`);
    // A single input still goes through map2 (with itself) so that the output is a fresh array.
    if (arrays.length === 1) acc = map2(acc, acc, acc.dtype, ctx, (x) => x);
    for (const b of arrays.slice(1)) {
      sameType(acc, b, ctx);
      acc = map2(acc, b, acc.dtype, ctx, (x, y) => {
        if (cls === 'float' && (Number.isNaN(x) || Number.isNaN(y))) return NaN;
        return pick(x, y) ? x : y;
      });
    }
    return [acc];
  };
}

export const Min = extremum((x, y) => x <= y);
export const Max = extremum((x, y) => x >= y);

export const Equal: Kernel = (inputs, ctx) => {
  const a = required(inputs, 0, ctx);
  const b = required(inputs, 1, ctx);
  sameType(a, b, ctx);
  if (numericClass(a.dtype) === 'opaque') throw new Unsupported(`Equal on ${dataTypeName(a.dtype)}`);
  return [map2(a, b, DataType.BOOL, ctx, (x, y) => (x === y ? 1 : 0))];
};
