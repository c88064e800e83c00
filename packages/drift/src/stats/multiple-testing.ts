export interface AdjustedPValues {
  /** Adjusted p-values, in the order of the input. */
  adjusted: Float64Array;
  /** reject[i] = adjusted[i] ≤ alpha, in the order of the input. */
  reject: boolean[];
  alpha: number;
}

function checkedPValues(pValues: ArrayLike<number>, alpha: number, fn: string): Float64Array {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`${fn}: alpha must be in (0, 1), got ${alpha}`);
  const p = Float64Array.from(pValues);
  for (let i = 0; i < p.length; i++) {
    const v = p[i] as number;
    if (!(v >= 0 && v <= 1)) throw new Error(`${fn}: p-value ${i} is ${v}; must be in [0, 1]`);
  }
  return p;
}

/** Indices of p in ascending order of p (stable: ties keep input order; the adjusted values do not depend on it). */
function ascendingOrder(p: Float64Array): number[] {
  return Array.from({ length: p.length }, (_, i) => i).sort((a, b) => (p[a] as number) - (p[b] as number));
}

function result(adjusted: Float64Array, alpha: number): AdjustedPValues {
  return { adjusted, reject: Array.from(adjusted, (a) => a <= alpha), alpha };
}

/**
 * Holm (step-down Bonferroni) adjusted p-values, controlling the family-wise error rate.
 *
 * With p_(1) ≤ … ≤ p_(m) the sorted p-values: adj_(i) = max_{j ≤ i} min(1, (m − j + 1)·p_(j)) — monotone
 * non-decreasing in i and capped at 1 (as R's `p.adjust(p, 'holm')` and statsmodels' `multipletests(...,
 * method='holm')`). reject = adjusted ≤ alpha, which is exactly Holm's rule: reject H_(1..k−1), where k is
 * the first i with p_(i) > alpha/(m − i + 1). Returned in the input order. An empty input gives empty output.
 */
export function holmAdjust(pValues: ArrayLike<number>, alpha = 0.05): AdjustedPValues {
  const p = checkedPValues(pValues, alpha, 'holmAdjust');
  const m = p.length;
  const adjusted = new Float64Array(m);
  let running = 0;
  ascendingOrder(p).forEach((idx, i) => {
    running = Math.max(running, Math.min(1, (m - i) * (p[idx] as number)));
    adjusted[idx] = running;
  });
  return result(adjusted, alpha);
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), controlling the false discovery rate.
 *
 * Matches `scipy.stats.false_discovery_control(p, method='bh')`: with p_(1) ≤ … ≤ p_(m),
 * adj_(i) = min(1, min_{j ≥ i} p_(j)·(m/j)) — monotone, capped at 1. reject = adjusted ≤ alpha, which is
 * exactly the BH step-up rule: reject H_(1..k) for the largest k with p_(k) ≤ k·alpha/m. Returned in the
 * input order. An empty input gives empty output.
 */
export function benjaminiHochbergAdjust(pValues: ArrayLike<number>, alpha = 0.05): AdjustedPValues {
  const p = checkedPValues(pValues, alpha, 'benjaminiHochbergAdjust');
  const m = p.length;
  const order = ascendingOrder(p);
  const adjusted = new Float64Array(m);
  let running = Number.POSITIVE_INFINITY;
  for (let i = m - 1; i >= 0; i--) {
    const idx = order[i] as number;
    running = Math.min(running, (p[idx] as number) * (m / (i + 1)));
    adjusted[idx] = Math.min(1, running);
  }
  return result(adjusted, alpha);
}
