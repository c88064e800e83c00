import { normalSf } from './special';

export interface TwoProportionZResult {
  /** (p1 − p2) / √(P(1 − P)(1/n1 + 1/n2)); positive when the reference rate is the higher one. */
  z: number;
  /** Two-sided: 2·P(Z ≥ |z|). */
  pValue: number;
  /** k1/n1, the reference rate. */
  p1: number;
  /** k2/n2, the current rate. */
  p2: number;
  /** P = (k1 + k2)/(n1 + n2). */
  pooled: number;
}

function checkCounts(k: number, n: number, side: string): void {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`twoProportionZTest: n${side} must be an integer ≥ 1, got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n)
    throw new Error(`twoProportionZTest: k${side} must be an integer in [0, n${side}] = [0, ${n}], got ${k}`);
}

/**
 * Two-proportion Z-test with pooled variance, two-sided, for a binary column or a missing-value rate:
 * k1 of n1 reference rows vs k2 of n2 current rows.
 *
 * z = (p1 − p2) / √(P(1 − P)(1/n1 + 1/n2)) with p1 = k1/n1, p2 = k2/n2, P = (k1 + k2)/(n1 + n2) — Evidently's
 * `proportions_diff_z_stat_ind` — and p = 2·`scipy.stats.norm.sf(|z|)` (Evidently writes
 * 2·(1 − norm.cdf(|z|)), which is the same number but loses tiny p-values to rounding; we keep them).
 * z² equals `scipy.stats.chi2_contingency([[k1, n1−k1], [k2, n2−k2]], correction=False).statistic`.
 *
 * When P is 0 or 1 (no event, or only events, on both sides) the variance is 0 and the rates are equal:
 * z = 0, p = 1.
 */
export function twoProportionZTest(k1: number, n1: number, k2: number, n2: number): TwoProportionZResult {
  checkCounts(k1, n1, '1');
  checkCounts(k2, n2, '2');
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const pooled = (k1 + k2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) return { z: 0, pValue: 1, p1, p2, pooled };
  const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return { z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))), p1, p2, pooled };
}
