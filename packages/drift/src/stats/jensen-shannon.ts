import { countVector, equalWidthEdges, finiteSample, histogramCounts } from './binning';

/** Bins used by `jensenShannonBinned` unless told otherwise. */
export const JS_DEFAULT_BINS = 10;

/** Smallest normal double (C's DBL_MIN). */
const DBL_MIN = 2.2250738585072014e-308;

/**
 * p·ln(p/m) as `scipy.special.rel_entr(p, m)` computes it, for p ≥ 0 and m > 0 (m is never 0 where p > 0):
 * 0 at p = 0; p·log1p((p − m)/m) when 0.5 < p/m < 2 (accurate when p ≈ m, which is where the JS sum cancels);
 * p·ln(p/m) otherwise, or p·(ln p − ln m) if p/m under- or overflows.
 */
function relEntr(p: number, m: number): number {
  if (p === 0) return 0;
  const ratio = p / m;
  if (ratio > 0.5 && ratio < 2) return p * Math.log1p((p - m) / m);
  if (ratio > DBL_MIN && ratio < Number.POSITIVE_INFINITY) return p * Math.log(ratio);
  return p * (Math.log(p) - Math.log(m));
}

/**
 * Jensen–Shannon distance between two distributions given as count or probability vectors over the same
 * categories/bins (each is normalised by its own sum; entries finite and ≥ 0, sums positive).
 *
 * Matches `scipy.spatial.distance.jensenshannon(p, q, base=2)`: with m = (p + q)/2,
 * √((KL(p‖m) + KL(q‖m)) / (2·ln 2)), each KL term computed like `scipy.special.rel_entr` (with log1p where
 * p ≈ m, so nearly identical distributions keep their precision). Base 2 makes it a value in [0, 1]: 0 for identical distributions,
 * 1 for distributions with disjoint support. (It is the square root of the JS divergence, hence a metric.)
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const a = countVector(p, 'jensenShannonDistance: p');
  const b = countVector(q, 'jensenShannonDistance: q');
  if (a.length !== b.length)
    throw new Error(`jensenShannonDistance: p has ${a.length} entries, q has ${b.length}; align them first`);
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    sa += a[i] as number;
    sb += b[i] as number;
  }
  let left = 0;
  let right = 0;
  for (let i = 0; i < a.length; i++) {
    const pi = (a[i] as number) / sa;
    const qi = (b[i] as number) / sb;
    const m = (pi + qi) / 2;
    left += relEntr(pi, m);
    right += relEntr(qi, m);
  }
  // Rounding can leave a tiny negative sum for (nearly) identical inputs; the divergence is ≥ 0.
  const js = (left + right) / Math.LN2;
  return Math.sqrt(Math.max(0, js / 2));
}

export interface BinnedJensenShannonResult {
  /** `jensenShannonDistance(reference, current)` on the bin counts, in [0, 1]. */
  distance: number;
  /** bins + 1 edges: `numpy.histogram_bin_edges(np.concatenate([reference, current]), bins)`. */
  edges: Float64Array;
  /** Reference counts per bin. */
  reference: Float64Array;
  /** Current counts per bin. */
  current: Float64Array;
}

/**
 * Jensen–Shannon distance (base 2) between two numeric samples binned on common equal-width bins.
 *
 * Binning rule: `bins` (default 10) equal-width bins spanning the pooled range,
 * edges = `numpy.histogram_bin_edges(np.concatenate([reference, current]), bins=bins)`, counts =
 * `numpy.histogram(sample, bins=edges)[0]` (bins [e_i, e_{i+1}), the last one closed, so every value is
 * counted); then `scipy.spatial.distance.jensenshannon(ref_counts, cur_counts, base=2)`. No smoothing:
 * empty bins are fine for JS. A pooled range of zero width is widened to ±0.5, as numpy does.
 * Values must be finite (drop missing values first).
 */
export function jensenShannonBinned(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  bins = JS_DEFAULT_BINS,
): BinnedJensenShannonResult {
  const ref = finiteSample(reference, 'jensenShannonBinned: reference');
  const cur = finiteSample(current, 'jensenShannonBinned: current');
  const edges = equalWidthEdges([ref, cur], bins);
  const refCounts = histogramCounts(ref, edges);
  const curCounts = histogramCounts(cur, edges);
  return {
    distance: jensenShannonDistance(refCounts, curCounts),
    edges,
    reference: refCounts,
    current: curCounts,
  };
}
