import { countVector, finiteSample } from './binning';

/** Floor for the reference standard deviation in `normedWassersteinDistance` (Evidently's value). */
export const WASSERSTEIN_MIN_STD = 0.001;

interface Weighted {
  values: Float64Array;
  /** cum[i] = total weight of values[0..i−1] (cum[0] = 0), accumulated in sorted order like numpy.cumsum. */
  cum: Float64Array;
}

function sortedWeighted(x: ArrayLike<number>, w: ArrayLike<number> | undefined, what: string): Weighted {
  const values = finiteSample(x, `wassersteinDistance: ${what}`);
  const n = values.length;
  const cum = new Float64Array(n + 1);
  if (w === undefined) {
    values.sort();
    for (let i = 0; i < n; i++) cum[i + 1] = i + 1;
    return { values, cum };
  }
  const weights = countVector(w, `wassersteinDistance: ${what} weights`);
  if (weights.length !== n)
    throw new Error(`wassersteinDistance: ${what} has ${n} values but ${weights.length} weights`);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (values[a] as number) - (values[b] as number),
  );
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = order[i] as number;
    sorted[i] = values[j] as number;
    cum[i + 1] = (cum[i] as number) + (weights[j] as number);
  }
  return { values: sorted, cum };
}

/**
 * Wasserstein-1 (earth mover's) distance between two one-dimensional empirical distributions, optionally
 * weighted: ∫ |U(x) − V(x)| dx, with U, V the (weighted) empirical CDFs.
 *
 * Matches `scipy.stats.wasserstein_distance(u, v, u_weights, v_weights)`: over the pooled sorted values
 * t_0 ≤ … ≤ t_{N−1}, Σ_i |U(t_i) − V(t_i)|·(t_{i+1} − t_i), with U(t) = (weight of u ≤ t) / (total weight
 * of u). Weights must be finite, ≥ 0, with a positive total; without weights every value weighs 1.
 * Values must be finite (no NaN: drop missing values first). In the units of the data.
 */
export function wassersteinDistance(
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  uWeights?: ArrayLike<number>,
  vWeights?: ArrayLike<number>,
): number {
  const a = sortedWeighted(u, uWeights, 'u');
  const b = sortedWeighted(v, vWeights, 'v');
  const na = a.values.length;
  const nb = b.values.length;
  const totalA = a.cum[na] as number;
  const totalB = b.cum[nb] as number;
  let i = 0; // number of u values ≤ the current point
  let j = 0;
  let sum = 0;
  // Walk the distinct pooled values; between t and the next value t', U − V is constant.
  while (i < na || j < nb) {
    const t =
      i < na && (j >= nb || (a.values[i] as number) <= (b.values[j] as number))
        ? (a.values[i] as number)
        : (b.values[j] as number);
    while (i < na && (a.values[i] as number) <= t) i++;
    while (j < nb && (b.values[j] as number) <= t) j++;
    if (i === na && j === nb) break;
    const next =
      i < na && (j >= nb || (a.values[i] as number) <= (b.values[j] as number))
        ? (a.values[i] as number)
        : (b.values[j] as number);
    sum += Math.abs((a.cum[i] as number) / totalA - (b.cum[j] as number) / totalB) * (next - t);
  }
  return sum;
}

/**
 * Population standard deviation (ddof = 0) of x, optionally weighted: `numpy.std(x)`, or
 * √(`numpy.average((x − numpy.average(x, weights=w))**2, weights=w)`). Two-pass.
 */
export function populationStd(x: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const values = finiteSample(x, 'populationStd: x');
  const n = values.length;
  const w = weights === undefined ? undefined : countVector(weights, 'populationStd: weights');
  if (w !== undefined && w.length !== n)
    throw new Error(`populationStd: ${n} values but ${w.length} weights`);
  let total = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const wi = w === undefined ? 1 : (w[i] as number);
    total += wi;
    mean += wi * (values[i] as number);
  }
  mean /= total;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    ss += (w === undefined ? 1 : (w[i] as number)) * d * d;
  }
  return Math.sqrt(ss / total);
}

export interface NormedWassersteinResult {
  /** `wassersteinDistance(reference, current, …)`, in data units. */
  distance: number;
  /** Population (ddof = 0) standard deviation of the reference, weighted when reference weights are given. */
  referenceStd: number;
  /** distance / max(referenceStd, minStd): unitless, in reference standard deviations. */
  normed: number;
  /** True when referenceStd < minStd, so minStd was the divisor (e.g. a constant reference column). */
  stdFloored: boolean;
}

/**
 * Wasserstein-1 distance in units of the reference spread: distance / max(std_ref, minStd), with
 * std_ref = `numpy.std(reference)` (ddof = 0; weighted population std when `referenceWeights` are given).
 *
 * The floor follows Evidently's `wasserstein_distance_norm` (max(np.std(reference), 0.001)): a constant
 * reference column (std 0) would otherwise give 0/0 or ∞. Then any move of the current data is measured
 * against 0.001 data units — usually a large value, i.e. drift — and `stdFloored` is set so the caller can
 * say why. Pass `minStd` to change the floor (it must be > 0).
 */
export function normedWassersteinDistance(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: {
    referenceWeights?: ArrayLike<number>;
    currentWeights?: ArrayLike<number>;
    minStd?: number;
  } = {},
): NormedWassersteinResult {
  const minStd = options.minStd ?? WASSERSTEIN_MIN_STD;
  if (!(minStd > 0) || !Number.isFinite(minStd))
    throw new Error(`normedWassersteinDistance: minStd must be finite and > 0, got ${minStd}`);
  const distance = wassersteinDistance(reference, current, options.referenceWeights, options.currentWeights);
  const referenceStd = populationStd(reference, options.referenceWeights);
  const stdFloored = referenceStd < minStd;
  return { distance, referenceStd, normed: distance / (stdFloored ? minStd : referenceStd), stdFloored };
}
