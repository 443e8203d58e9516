/**
 * Parameter initialization as PyTorch / YOLOv5 do it, drawn from a seeded generator of our own
 * (REFERENCE 2). PyTorch's own generator is not reproduced: the distributions are, and the same
 * seed always gives the same bytes.
 *
 * Each tensor has its own stream, keyed by (seed, state_dict name): a tensor's values do not
 * depend on which layers come before it, so editing one layer of a config leaves the others alone.
 * The generator is xoshiro128** (normals by Marsaglia's polar method) seeded through splitmix32 from a 32-bit FNV-1a hash of the name
 * mixed with the seed.
 *
 * - Conv2d / Linear weight: kaiming_uniform(a = sqrt(5)): U(-b, b), b = sqrt(3) * gain / sqrt(fan_in),
 *   gain = sqrt(2 / (1 + a^2)), i.e. b = 1 / sqrt(fan_in); fan_in = (c_in / groups) * kh * kw.
 * - Conv2d / Linear bias: U(-1 / sqrt(fan_in), 1 / sqrt(fan_in)).
 * - ConvNeXt block Conv/Linear: trunc_normal(std 0.02, bounds [-2, 2]) weights, zero bias.
 */
import { Tensor } from '../../ir/tensor.js';

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | undefined;

  constructor(seed: number, key: string) {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    let x = (h ^ Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca6b)) >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next() | 1;
  }

  /** The next 32 random bits, unsigned. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.nextU32() / 4294967296;
  }

  /** Standard normal (Marsaglia's polar method: no trigonometry, one log per pair). */
  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = this.uniform() * 2 - 1;
      v = this.uniform() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function size(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

export class Initializer {
  constructor(readonly seed: number) {}

  private rng(name: string): Rng {
    return new Rng(this.seed, name);
  }

  uniform(name: string, dims: readonly number[], bound: number): Tensor {
    const rng = this.rng(name);
    const data = new Float32Array(size(dims));
    for (let i = 0; i < data.length; i++) data[i] = -bound + 2 * bound * rng.uniform();
    return Tensor.fromFloat32(dims, data);
  }

  /** PyTorch's default Conv2d/Linear weight init (kaiming_uniform, a = sqrt(5)). */
  kaimingUniform(name: string, dims: readonly number[], fanIn: number): Tensor {
    const a = Math.sqrt(5);
    const gain = Math.sqrt(2 / (1 + a * a));
    const bound = Math.sqrt(3) * (gain / Math.sqrt(fanIn));
    return this.uniform(name, dims, bound);
  }

  /** PyTorch's default Conv2d/Linear bias init. */
  defaultBias(name: string, dims: readonly number[], fanIn: number): Tensor {
    return this.uniform(name, dims, fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0);
  }

  /** timm's trunc_normal_(std, a=-2, b=2): a normal with absolute bounds, resampled outside them. */
  truncNormal(name: string, dims: readonly number[], std: number, lo = -2, hi = 2): Tensor {
    const rng = this.rng(name);
    const data = new Float32Array(size(dims));
    for (let i = 0; i < data.length; i++) {
      let v: number;
      do v = rng.normal() * std;
      while (v < lo || v > hi);
      data[i] = v;
    }
    return Tensor.fromFloat32(dims, data);
  }
}

export function filled(dims: readonly number[], value: number): Tensor {
  return Tensor.fromFloat32(dims, new Float32Array(size(dims)).fill(value));
}
