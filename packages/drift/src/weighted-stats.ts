/**
 * Drift statistics against a weighted reference sample: the items of a KLL sketch, each standing for 2^level
 * values (see @regops/data's profile/kll.ts). Every function treats the weighted sample as the EXPANDED sample
 * (each item repeated `weight` times, weights being whole numbers), so with all weights 1 each one gives exactly
 * what the unweighted function in ./stats or ./ks gives on the same values.
 *
 * With a compacted sketch the expanded sample is not the data, only close to it: every rank it implies is off
 * by at most the sketch's rank error (`kllRankError`) times n, and the statistics inherit that error.
 */
import { kolmogorovSf } from './ks';
import { countVector, finiteSample } from './stats/binning';

/** Values ascending with their weights; cum[i] = total weight of values[0..i−1] (cum[0] = 0). */
export interface WeightedSample {
  values: Float64Array;
  weights: Float64Array;
  cum: Float64Array;
  /** Total weight: the number of values the sample stands for. */
  total: number;
}

/** Sorts `values` (with their weights) ascending; ties keep their input order. */
export function weightedSample(values: ArrayLike<number>, weights: ArrayLike<number>): WeightedSample {
  const v = finiteSample(values, 'weightedSample: values');
  const w = countVector(weights, 'weightedSample: weights');
  if (v.length !== w.length) throw new Error(`weightedSample: ${v.length} values but ${w.length} weights`);
  const order = Array.from({ length: v.length }, (_, i) => i).sort(
    (a, b) => (v[a] as number) - (v[b] as number) || a - b,
  );
  const sorted = new Float64Array(v.length);
  const sw = new Float64Array(v.length);
  const cum = new Float64Array(v.length + 1);
  order.forEach((j, i) => {
    sorted[i] = v[j] as number;
    sw[i] = w[j] as number;
    cum[i + 1] = (cum[i] as number) + (w[j] as number);
  });
  return { values: sorted, weights: sw, cum, total: cum[v.length] as number };
}

/**
 * The KLL sketch's normalized rank error for accuracy parameter k: ε(k) = 2.296 / k^0.9723, the fit Apache
 * DataSketches publishes for its KLL sketch (KllSketch.getNormalizedRankError(k, false): the 99th percentile
 * of the largest |estimated rank − true rank| / n over all queries). Our sketch compacts like DataSketches'
 * (level capacities max(8, ⌈k·(2/3)^depth⌉)) and only keeps more (it stays exact up to 1024 values), so this
 * is its documented error: about 1.33% at the default k = 200.
 */
export function kllRankError(k: number): number {
  return 2.296 / k ** 0.9723;
}

/**
 * Two-sided KS statistic between a weighted reference and an unweighted current sample:
 * D = max over the pooled values x of |W_ref(≤ x)/n − C_cur(≤ x)/m|, from integers (the weights are whole
 * numbers), so exact while n·m < 2^53. p-value: the asymptotic Kolmogorov limit kstwobign.sf(√(n·m/(n+m))·D)
 * with n the reference's total weight (the number of values it summarises).
 */
export function weightedKs(
  reference: WeightedSample,
  current: ArrayLike<number>,
): { statistic: number; pValue: number; n1: number; n2: number } {
  const b = finiteSample(current, 'weightedKs: current').sort();
  const a = reference.values;
  const n1 = reference.total;
  const n2 = b.length;
  if (!(n1 > 0) || n2 === 0) throw new Error(`weightedKs: empty sample (n1=${n1}, n2=${n2})`);
  let i = 0;
  let j = 0;
  let best = 0;
  while (i < a.length || j < n2) {
    const x =
      i < a.length && (j >= n2 || (a[i] as number) <= (b[j] as number)) ? (a[i] as number) : (b[j] as number);
    while (i < a.length && (a[i] as number) <= x) i++;
    while (j < n2 && (b[j] as number) <= x) j++;
    const gap = Math.abs((reference.cum[i] as number) * n2 - j * n1);
    if (gap > best) best = gap;
  }
  const statistic = best / (n1 * n2);
  const en = (n1 * n2) / (n1 + n2);
  return { statistic, pValue: kolmogorovSf(Math.sqrt(en) * statistic), n1, n2 };
}

/** The value at 0-based position p of the expanded sample (p < total). */
function expandedAt(s: WeightedSample, p: number): number {
  // smallest j with cum[j + 1] > p
  let lo = 0;
  let hi = s.values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((s.cum[mid + 1] as number) > p) hi = mid;
    else lo = mid + 1;
  }
  return s.values[lo] as number;
}

/** `quantileLinear` (numpy 'linear') of the expanded sample, with the same floating-point operations. */
export function weightedQuantileLinear(s: WeightedSample, q: number): number {
  const n = s.total;
  if (!(n > 0)) throw new Error('weightedQuantileLinear: empty sample');
  if (!(q >= 0 && q <= 1)) throw new Error(`weightedQuantileLinear: q must be in [0, 1], got ${q}`);
  const h = (n - 1) * q;
  if (h >= n - 1) return s.values[s.values.length - 1] as number;
  const i = Math.floor(h);
  const g = h - i;
  const a = expandedAt(s, i);
  const b = expandedAt(s, i + 1);
  const diff = b - a;
  return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
}

/** `referenceQuantileEdges` of the expanded sample: distinct quantiles at k/bins, k = 1..bins−1. */
export function weightedQuantileEdges(s: WeightedSample, bins = 10): Float64Array {
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const e = weightedQuantileLinear(s, k / bins);
    if (edges.length === 0 || e !== edges[edges.length - 1]) edges.push(e);
  }
  return Float64Array.from(edges);
}

/** Largest i with edges[i] ≤ v; −1 when v < edges[0]. */
function lastEdgeAtOrBelow(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((edges[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** `quantileBinCounts` with weights: bins (−∞, e_1), [e_1, e_2), …, [e_m, +∞). */
export function weightedQuantileBinCounts(s: WeightedSample, edges: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  for (let i = 0; i < s.values.length; i++) {
    const b = lastEdgeAtOrBelow(edges, s.values[i] as number) + 1;
    counts[b] = (counts[b] as number) + (s.weights[i] as number);
  }
  return counts;
}

/** `histogramCounts` with weights: [e_i, e_{i+1}), the last bin closed; values outside the edges not counted. */
export function weightedHistogramCounts(s: WeightedSample, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  if (bins < 1) throw new Error('weightedHistogramCounts: need at least 2 edges');
  const counts = new Float64Array(bins);
  const last = edges[bins] as number;
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i] as number;
    if (v < (edges[0] as number) || v > last) continue;
    const b = v === last ? bins - 1 : lastEdgeAtOrBelow(edges, v);
    counts[b] = (counts[b] as number) + (s.weights[i] as number);
  }
  return counts;
}
