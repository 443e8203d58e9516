/**
 * Test helpers for channel pruning: BatchNormalization parameters that make pruning observable
 * (ylc builds and the yolov5n export have gamma 1, beta 0), relative comparisons of model outputs,
 * and the initializer shapes of a model by name.
 */
import type { Value } from '../../ir/graph.js';
import type { Model } from '../../ir/model.js';
import { Tensor } from '../../ir/tensor.js';
import { maxAbsDiff, randomFloat32, runModel, seededRandom } from './ort.js';

export interface BnOptions {
  seed: number;
  /** Fraction of channels whose gamma becomes exactly 0. */
  zeroFraction: number;
  /** Beta of every channel 0 (then a removed channel is the constant SiLU(0) = 0). */
  zeroBeta?: boolean;
  /** Only BatchNormalizations whose gamma input name matches. */
  match?: RegExp;
}

/** The initializer behind `v` (through Identity nodes). */
export function rootInitializer(v: Value): Value {
  let cur = v;
  while (!cur.isInitializer()) {
    const p = cur.producer();
    if (!p || p.opType !== 'Identity') throw new Error(`'${v.name}' is not an initializer or an Identity of one`);
    cur = p.input(0)!;
  }
  return cur;
}

/**
 * New random values for the BatchNormalization parameters, written as new tensors into the
 * initializers the BNs read (through Identity aliases: tensors PyTorch shared stay shared).
 */
export function randomizeBatchNorms(model: Model, o: BnOptions): number {
  const rnd = seededRandom(o.seed);
  const done = new Set<Value>();
  let zeroed = 0;
  for (const bn of model.graph.nodes) {
    if (bn.opType !== 'BatchNormalization' || (o.match && !o.match.test(bn.input(1)!.name))) continue;
    const roots = [1, 2, 3, 4].map((i) => rootInitializer(bn.input(i)!));
    roots.forEach((root, k) => {
      if (done.has(root)) return;
      done.add(root);
      const c = root.constValue!.size;
      const a = new Float32Array(c);
      for (let i = 0; i < c; i++) {
        const u = rnd();
        if (k === 0) {
          a[i] = u < o.zeroFraction ? 0 : 0.5 + rnd();
          if (a[i] === 0) zeroed++;
        } else if (k === 1) a[i] = o.zeroBeta ? 0 : u - 0.5;
        else if (k === 2) a[i] = (u - 0.5) * 0.2;
        else a[i] = 0.5 + u;
      }
      const t = Tensor.fromFloat32(root.constValue!.dims, a, { name: root.name });
      root.constValue = t;
    });
  }
  return zeroed;
}

/** Every output of `a` and `b` for one seeded input, and the largest |a - b| / max(1, |b|). */
export async function compareOutputs(a: Model | Uint8Array, b: Model | Uint8Array, input: { name: string; dims: number[] }, seed = 20240): Promise<Record<string, number>> {
  const n = input.dims.reduce((x, y) => x * y, 1);
  const feeds = { [input.name]: { dims: input.dims, data: randomFloat32(n, seed) } };
  const ra = await runModel(a, feeds);
  const rb = await runModel(b, feeds);
  const out: Record<string, number> = {};
  for (const [k, va] of Object.entries(ra)) {
    const vb = rb[k]!.data;
    if (va.data.length !== vb.length) throw new Error(`${k}: ${va.data.length} vs ${vb.length} elements`);
    let worst = 0;
    for (let i = 0; i < vb.length; i++) worst = Math.max(worst, Math.abs(va.data[i]! - vb[i]!) / Math.max(1, Math.abs(vb[i]!)));
    out[k] = Number.isNaN(maxAbsDiff(va.data, vb)) ? NaN : worst;
  }
  return out;
}

/** name -> dims of every initializer. */
export function initializerShapes(model: Model): Map<string, readonly number[]> {
  return new Map([...model.graph.initializers].map(([k, v]) => [k, v.constValue!.dims]));
}

/**
 * Two Conv-BN-Relu branches joined by a Concat along H (axis 2, not the channel axis), read by a
 * 1x1 conv: channel 0 of both BNs has gamma 0, so it is the constant Relu(1) in the first half and
 * Relu(`beta`) in the second. Graph text without the model header.
 */
export function concatAlongRowsBody(o: { beta: number; bias: number }): string {
  return `g (float[1,2,4,4] x) => (float[1,1,8,4] y)
<float[2,2,1,1] wa = {1, 2, 3, 4}, float[2] ga = {0, 1}, float[2] ba = {1, 0}, float[2] ma = {0, 0}, float[2] va = {1, 1},
 float[2,2,1,1] wb = {1, -1, 2, 1}, float[2] gb = {0, 1}, float[2] bb = {${o.beta}, 0}, float[2] mb = {0, 0}, float[2] vb = {1, 1},
 float[1,2,1,1] wc = {1, 1}, float[1] bc = {${o.bias}}>
{
  [ca] ya = Conv <kernel_shape: ints = [1, 1]> (x, wa)
  [bna] na = BatchNormalization (ya, ga, ba, ma, va)
  [acta] ra = Relu (na)
  [cb] yb = Conv <kernel_shape: ints = [1, 1]> (x, wb)
  [bnb] nb = BatchNormalization (yb, gb, bb, mb, vb)
  [actb] rb = Relu (nb)
  [cat] cat = Concat <axis: int = 2> (ra, rb)
  [cc] y = Conv <kernel_shape: ints = [1, 1]> (cat, wc, bc)
}`;
}
