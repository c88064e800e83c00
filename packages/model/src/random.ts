/**
 * A small seeded pseudo-random generator for reproducible resampling (bootstrap confidence intervals).
 *
 * Generator: xoshiro128** 1.1 (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021; reference C code at https://prng.di.unimi.it/xoshiro128starstar.c). 128 bits of
 * state, period 2^128 − 1, 32-bit outputs. It is not cryptographic.
 *
 * Determinism: every step is 32-bit integer arithmetic (`Math.imul`, shifts, xor) or exact double
 * arithmetic on integers below 2^53, so a seed gives the same sequence on every JavaScript engine and
 * Node version. The one exception is `normal()`, which calls `Math.log` and `Math.sqrt`: `Math.sqrt` is
 * correctly rounded by IEEE 754; `Math.log` is not specified to the last bit by ECMAScript (V8 uses an
 * fdlibm port), so normal deviates are reproducible on a given engine but not guaranteed bit-identical
 * across engines. Nothing in the bootstrap itself depends on `normal()`.
 *
 * Seeding: a seed is an integer in [0, 2^53). Its low and high 32-bit halves are expanded into the four
 * state words with the MurmurHash3 32-bit finalizer (`fmix32`):
 *   s[k] = fmix32((lo + (k + 1) · 0x9E3779B9) mod 2^32  xor  fmix32((hi + k) mod 2^32)),  k = 0..3,
 * and an all-zero state (the one state xoshiro forbids) is replaced by s = [1, 0, 0, 0]. Nearby seeds
 * therefore give unrelated streams.
 */

/** MurmurHash3's 32-bit finalizer: a bijection on 32-bit words with full avalanche. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;
const TWO_21 = 2097152;
const INV_TWO_32 = 1 / TWO_32;

export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | null = null;

  /** A generator seeded from an integer in [0, 2^53) (see the module comment for the expansion). */
  constructor(seed = 0) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`seed must be an integer in [0, 2^53), got ${seed}`);
    }
    const lo = seed % TWO_32;
    const hi = Math.floor(seed / TWO_32);
    const words = [0, 1, 2, 3].map((k) => fmix32(((lo + (k + 1) * 0x9e3779b9) >>> 0) ^ fmix32(hi + k)));
    this.s0 = words[0] as number;
    this.s1 = words[1] as number;
    this.s2 = words[2] as number;
    this.s3 = words[3] as number;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator with the given raw state (four 32-bit words, not all zero), e.g. for known-answer tests. */
  static fromState(state: readonly [number, number, number, number]): Xoshiro128 {
    const g = new Xoshiro128(0);
    g.s0 = state[0] >>> 0;
    g.s1 = state[1] >>> 0;
    g.s2 = state[2] >>> 0;
    g.s3 = state[3] >>> 0;
    if ((g.s0 | g.s1 | g.s2 | g.s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
    return g;
  }

  /** The current state words (unsigned). */
  state(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  /** Next 32-bit output as an unsigned integer in [0, 2^32). */
  nextU32(): number {
    const s1 = this.s1;
    // result = rotl(s1 * 5, 7) * 9
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /**
   * Uniform integer in [0, n), n an integer in [1, 2^32], without bias: Lemire's multiply-and-reject method
   * (D. Lemire, "Fast random integer generation in an interval", ACM TOMACS 29(1), 2019). The 64-bit
   * product x·n is formed exactly from double arithmetic (directly when n ≤ 2^21, where x·n < 2^53; from
   * 16-bit halves of x otherwise), so both paths return the same values.
   */
  int(n: number): number {
    if (n <= TWO_21) {
      if (!(n >= 1) || n !== Math.floor(n)) throw new RangeError(`int(n) needs an integer n ≥ 1, got ${n}`);
      let threshold = -1; // (2^32 − n) mod n, computed only when a rejection is possible
      for (;;) {
        const p = this.nextU32() * n; // exact: < 2^53
        const hi = (p * INV_TWO_32) | 0; // floor, since 0 ≤ p / 2^32 < n ≤ 2^21
        const lo = p - hi * TWO_32;
        if (lo >= n) return hi;
        if (threshold < 0) threshold = TWO_32 % n;
        if (lo >= threshold) return hi;
      }
    }
    if (n > TWO_32 || n !== Math.floor(n)) throw new RangeError(`int(n) needs an integer n ≤ 2^32, got ${n}`);
    const threshold = TWO_32 % n;
    for (;;) {
      const x = this.nextU32();
      const t = (x & 0xffff) * n; // < 2^48
      const tHigh = Math.floor(t / 65536);
      const m = (x >>> 16) * n + tHigh; // < 2^49: x·n = m·2^16 + (t mod 2^16)
      const hi = Math.floor(m / 65536);
      const lo = (m - hi * 65536) * 65536 + (t - tHigh * 65536);
      if (lo >= threshold) return hi;
    }
  }

  /**
   * Fills `out` with uniform integers in [0, n): the same values, in the same order, as out.length calls
   * of `int(n)`, with the generator state kept in locals (about twice as fast in the bootstrap's loop).
   */
  fillInts(n: number, out: Uint32Array): Uint32Array {
    if (!(n >= 1 && n <= TWO_21) || n !== Math.floor(n)) {
      for (let i = 0; i < out.length; i++) out[i] = this.int(n);
      return out;
    }
    const threshold = TWO_32 % n;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const len = out.length;
    let i = 0;
    while (i < len) {
      const m = Math.imul(s1, 5);
      const x = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const p = x * n;
      const hi = (p * INV_TWO_32) | 0;
      if (p - hi * TWO_32 >= threshold) out[i++] = hi;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return out;
  }

  /**
   * Uniform double in [0, 1) with 53 random bits: (a >>> 5) · 2^26 + (b >>> 6), divided by 2^53, for two
   * consecutive outputs a, b (the construction numpy and the xoshiro authors use).
   */
  float(): number {
    const a = this.nextU32() >>> 5;
    const b = this.nextU32() >>> 6;
    return (a * 67108864 + b) / TWO_53;
  }

  /**
   * Standard normal deviate by Marsaglia's polar method (pairs of uniforms in the unit disc; the second
   * deviate of each pair is kept for the next call). See the module comment about `Math.log`.
   */
  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    for (;;) {
      const u = 2 * this.float() - 1;
      const v = 2 * this.float() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spareNormal = v * f;
        return u * f;
      }
    }
  }
}
