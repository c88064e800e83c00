import { countVector, finiteSample, quantileBinCounts, referenceQuantileEdges } from './binning';

/** Proportion substituted for an empty bin/category in the PSI (Evidently's value). */
export const PSI_EPSILON = 1e-4;
/** Reference quantile bins used by `psiNumeric` unless told otherwise (deciles). */
export const PSI_DEFAULT_BINS = 10;

/**
 * Population Stability Index between two count vectors over the same bins or categories:
 * PSI = Σ_i (c_i − r_i)·ln(c_i / r_i), with r_i = reference_i / Σ reference and c_i = current_i / Σ current.
 *
 * An empty bin on either side has proportion 0, where the log is undefined; like Evidently, a proportion of
 * exactly 0 is replaced by `epsilon` (default 1e-4) and nothing is renormalised. A bin empty on both sides
 * then contributes 0. Numpy equivalent: `r = ref/ref.sum(); c = cur/cur.sum(); r[r == 0] = eps;
 * c[c == 0] = eps; np.sum((c - r) * np.log(c / r))`. PSI ≥ 0, 0 for identical proportions.
 * For categorical data pass the aligned category counts (see `categoryCounts`).
 */
export function populationStabilityIndex(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  epsilon = PSI_EPSILON,
): number {
  const ref = countVector(reference, 'populationStabilityIndex: reference');
  const cur = countVector(current, 'populationStabilityIndex: current');
  if (ref.length !== cur.length)
    throw new Error(
      `populationStabilityIndex: reference has ${ref.length} bins, current has ${cur.length}; align them first`,
    );
  if (!(epsilon > 0 && epsilon < 1)) throw new Error(`populationStabilityIndex: epsilon must be in (0, 1)`);
  let sr = 0;
  let sc = 0;
  for (let i = 0; i < ref.length; i++) {
    sr += ref[i] as number;
    sc += cur[i] as number;
  }
  let psi = 0;
  for (let i = 0; i < ref.length; i++) {
    const r0 = (ref[i] as number) / sr;
    const c0 = (cur[i] as number) / sc;
    const r = r0 === 0 ? epsilon : r0;
    const c = c0 === 0 ? epsilon : c0;
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}

export interface NumericPsiResult {
  psi: number;
  /** Inner bin edges (reference quantiles, duplicates merged); the outer bins are open to ±∞. */
  edges: Float64Array;
  /** Reference counts per bin (edges.length + 1 bins). */
  reference: Float64Array;
  /** Current counts per bin. */
  current: Float64Array;
}

/**
 * PSI of a numeric column on reference-quantile bins (deciles by default).
 *
 * Binning rule: inner edges = the distinct values of `numpy.quantile(reference, [k/bins for k in
 * 1..bins−1], method='linear')`; bins (−∞, e_1), [e_1, e_2), …, [e_last, +∞), i.e. a value's bin is
 * `numpy.searchsorted(edges, x, side='right')`. Open outer bins mean current values outside the reference
 * range are still counted. Ties in the reference merge edges, so a column with few distinct values gets
 * fewer bins. Then `populationStabilityIndex` on the two count vectors (zero proportions → `epsilon`).
 * Values must be finite (drop missing values first).
 */
export function psiNumeric(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: { bins?: number; epsilon?: number } = {},
): NumericPsiResult {
  const ref = finiteSample(reference, 'psiNumeric: reference');
  const cur = finiteSample(current, 'psiNumeric: current');
  const edges = referenceQuantileEdges(ref, options.bins ?? PSI_DEFAULT_BINS);
  const refCounts = quantileBinCounts(ref, edges);
  const curCounts = quantileBinCounts(cur, edges);
  return {
    psi: populationStabilityIndex(refCounts, curCounts, options.epsilon ?? PSI_EPSILON),
    edges,
    reference: refCounts,
    current: curCounts,
  };
}
