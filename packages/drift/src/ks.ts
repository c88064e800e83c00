/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, matching `scipy.stats.ks_2samp(a, b)` (method='auto').
 *
 * - Statistic: D = max_x |F1(x) − F2(x)| over all observed x, with F the right-continuous ECDF (ties are
 *   counted like numpy's searchsorted side='right'). It is computed from integer counts, so it is exact:
 *   D = h / lcm(n1, n2) for an integer h.
 * - p-value, max(n1, n2) ≤ 10000 ('exact'): the probability, under H0 with no ties, that a uniformly random
 *   lattice path from (0,0) to (n1,n2) leaves the band |i/n1 − j/n2| < D. Computed by propagating
 *   probability mass through the band and summing the mass that steps out of it, so small p-values keep
 *   their relative precision (1 − P(inside) could not resolve p below about 1e-16).
 * - p-value, max(n1, n2) > 10000 ('asymptotic'): see `kolmogorovSf`.
 *
 * As in scipy, ties do not change the p-value formula; with tied data the test is conservative.
 */

export interface KsResult {
  /** D = sup |ECDF_a − ECDF_b|, in [0, 1]. */
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
  n1: number;
  n2: number;
}

/** Like scipy's MAX_AUTO_N: above this sample size the asymptotic p-value is used. */
export const KS_EXACT_MAX_N = 10000;

/** Mass below this is dropped in the exact p-value (avoids slow subnormal arithmetic); see ksExactPValue. */
const TINY_MASS = 1e-300;

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function sortedCopy(x: ArrayLike<number>, which: string): Float64Array {
  const out = Float64Array.from(x);
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(out[i] as number))
      throw new Error(`ksTwoSample: sample ${which} contains NaN (drop missing values first)`);
  }
  return out.sort();
}

/**
 * The largest |c1·n2 − c2·n1| over the distinct values of the pooled sample, where c1, c2 count the values
 * ≤ x in each sorted sample. D = result / (n1·n2). Exact while n1·n2 < 2^53.
 */
function maxCountGap(a: Float64Array, b: Float64Array): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let best = 0;
  while (i < n1 || j < n2) {
    // Next distinct value of the pooled sample; `<=` also merges -0 with +0, as numpy's comparisons do.
    const x =
      i < n1 && (j >= n2 || (a[i] as number) <= (b[j] as number)) ? (a[i] as number) : (b[j] as number);
    while (i < n1 && (a[i] as number) <= x) i++;
    while (j < n2 && (b[j] as number) <= x) j++;
    const gap = Math.abs(i * n2 - j * n1);
    if (gap > best) best = gap;
  }
  return best;
}

/**
 * Exact two-sided p-value for D = h / lcm(n1, n2): the probability that a uniformly random path of n1 steps
 * right (i) and n2 steps up (j) reaches a point with |i·(n2/g) − j·(n1/g)| ≥ h, g = gcd(n1, n2).
 *
 * Walks the band column by column (i = 0..n1), keeping the probability of arriving at each inside point
 * without having left. From (i, j) the next step goes right with probability (n1−i)/(n1−i+n2−j), else up.
 * Mass stepping onto an outside point is added to the result (a sum of positive terms, compensated).
 * Work is O(n1 · band width) ≤ O(n1·n2) (≤ 1e8 cell updates at the 10000 limit), memory O(n2).
 * Mass below 1e-300 is dropped: this changes the result by less than 1e-292 in absolute terms.
 */
export function ksExactPValue(n1: number, n2: number, h: number): number {
  if (h <= 0) return 1;
  const g = gcd(n1, n2);
  const n1g = n1 / g;
  const n2g = n2 / g;
  if (h > n1g * n2) return 0; // D > 1 is impossible; guard only
  // Inside points of column i: lo(i) ≤ j ≤ hi(i), both non-decreasing in i.
  const lo = (i: number) => Math.max(0, Math.floor((i * n2g - h) / n1g) + 1);
  const hi = (i: number) => Math.min(n2, Math.ceil((i * n2g + h) / n1g) - 1);
  // col[j]: mass arriving at (i, j) by a right step from (i−1, j); zero outside the previous column's band.
  const col = new Float64Array(n2 + 1);
  col[0] = 1; // the start (0, 0), as if arriving from the left
  let sum = 0;
  let comp = 0; // Neumaier compensation for `sum`
  const addOut = (m: number) => {
    const t = sum + m;
    comp += Math.abs(sum) >= Math.abs(m) ? sum - t + m : m - t + sum;
    sum = t;
  };
  // col is zero outside [nzLo, nzHi]; skipping the zero stretches is what keeps strongly separated samples
  // (where most of the band carries no representable mass) cheap.
  let nzLo = 0;
  let nzHi = 0;
  for (let i = 0; i <= n1; i++) {
    const jHi = hi(i);
    const nextLo = i < n1 ? lo(i + 1) : n2 + 1;
    const restI = n1 - i;
    let newLo = -1;
    let newHi = -1;
    let up = 0; // mass arriving at (i, j) by an up step from (i, j−1)
    for (let j = Math.max(lo(i), nzLo); j <= jHi; j++) {
      let m = (col[j] as number) + up;
      if (m < TINY_MASS) {
        if (j > nzHi) {
          up = 0; // dropped with m: it was the mass arriving here, not mass leaving the band
          break; // beyond nzHi nothing arrives from the left either
        }
        m = 0;
      }
      const restJ = n2 - j;
      const rest = restI + restJ;
      // Both shares by multiplication (not m − right), so each keeps full relative precision.
      const right = rest === 0 ? 0 : (m * restI) / rest;
      up = rest === 0 ? 0 : (m * restJ) / rest;
      if (j < nextLo) {
        if (right > 0) addOut(right);
        col[j] = 0;
      } else {
        col[j] = right;
        if (right > 0) {
          if (newLo < 0) newLo = j;
          newHi = j;
        }
      }
    }
    // The up step from the band's top point leaves the band (unless the top is j = n2, where up = 0).
    if (up > 0) addOut(up);
    if (newLo < 0) break; // no mass left inside the band
    nzLo = newLo;
    nzHi = newHi;
  }
  return Math.min(1, sum + comp);
}

/**
 * Survival function of the Kolmogorov limiting distribution, P(K > x) with K = sup |Brownian bridge|
 * (scipy.stats.kstwobign.sf). Two series, each used where it converges in a few terms:
 *   x ≤ 0.82: 1 − (√(2π)/x) Σ_{k≥1} exp(−(2k−1)²π²/(8x²));  x > 0.82: 2 Σ_{k≥1} (−1)^{k−1} exp(−2k²x²).
 */
export function kolmogorovSf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x <= 0.82) {
    const c = -(Math.PI * Math.PI) / (8 * x * x);
    let s = 0;
    for (let k = 1; k <= 20; k++) {
      const t = Math.exp((2 * k - 1) * (2 * k - 1) * c);
      s += t;
      if (t < 1e-17 * s || t === 0) break;
    }
    return 1 - (Math.sqrt(2 * Math.PI) / x) * s;
  }
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const t = Math.exp(-2 * k * k * x * x);
    s += k % 2 === 1 ? t : -t;
    if (t < 1e-17 * s || t === 0) break;
  }
  return Math.max(0, Math.min(1, 2 * s));
}

/**
 * Two-sided two-sample KS test; see the file comment. Inputs must not contain NaN (±Infinity is allowed,
 * it just sorts to the ends). Throws on an empty sample.
 *
 * Asymptotic p-value (max(n1, n2) > 10000): kstwobign.sf(√en · D) with en = n1·n2/(n1+n2), i.e. the
 * Kolmogorov limit. scipy's 'asymp' instead evaluates kstwo.sf(D, round(en)), the exact one-sample
 * distribution at the effective size; the two differ by a finite-size correction of order 1/√en (about
 * 1% relative at en ≈ 6700, p ≈ 0.02, where the limit is the slightly larger, i.e. more conservative, one).
 */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new Error(`ksTwoSample: empty sample (n1=${n1}, n2=${n2})`);
  const sa = sortedCopy(a, 'a');
  const sb = sortedCopy(b, 'b');
  const g = gcd(n1, n2);
  let statistic: number;
  let h: number;
  if (n1 * n2 <= Number.MAX_SAFE_INTEGER) {
    const gap = maxCountGap(sa, sb); // a multiple of g
    h = gap / g;
    statistic = h / ((n1 / g) * n2); // h / lcm, as scipy reports it
  } else {
    // Beyond exact integer range (only reachable on the asymptotic path): compare the ECDFs in floating point.
    statistic = 0;
    let i = 0;
    let j = 0;
    while (i < n1 || j < n2) {
      const x =
        i < n1 && (j >= n2 || (sa[i] as number) <= (sb[j] as number)) ? (sa[i] as number) : (sb[j] as number);
      while (i < n1 && (sa[i] as number) <= x) i++;
      while (j < n2 && (sb[j] as number) <= x) j++;
      statistic = Math.max(statistic, Math.abs(i / n1 - j / n2));
    }
    h = Number.NaN;
  }
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N) {
    return { statistic, pValue: ksExactPValue(n1, n2, h), method: 'exact', n1, n2 };
  }
  const en = (n1 * n2) / (n1 + n2);
  return { statistic, pValue: kolmogorovSf(Math.sqrt(en) * statistic), method: 'asymptotic', n1, n2 };
}
