import { countVector } from './binning';
import { chiSquareSf } from './special';

export interface ChiSquareResult {
  /** Pearson's X² over the 2×K table of kept categories. */
  statistic: number;
  /** K − 1, where K is the number of kept categories (0 in the degenerate case). */
  dof: number;
  pValue: number;
  /** K: categories with a non-zero count on at least one side. */
  categories: number;
}

/**
 * Chi-square test of homogeneity for categorical drift: are `reference` and `current`, two count vectors
 * over the same categories (same order), draws from one distribution?
 *
 * Matches `scipy.stats.chi2_contingency([reference, current], correction=False)` (Pearson's statistic, no
 * Yates correction) on the table with the categories where both counts are 0 removed (scipy rejects a zero
 * expected frequency; such a category carries no information): expected E_rj = row_r·col_j / total,
 * X² = Σ (O − E)²/E, dof = K − 1, p = chi2.sf(X², dof), computed as the upper incomplete gamma directly so
 * tiny p-values keep their relative precision.
 *
 * Degenerate case: with a single kept category the table has no degrees of freedom, and like scipy we
 * return statistic 0, dof 0, p = 1 (no evidence of drift).
 *
 * Counts must be finite and ≥ 0 (they need not be integers); each side must have a positive total.
 */
export function chiSquareHomogeneity(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
): ChiSquareResult {
  const ref = countVector(reference, 'chiSquareHomogeneity: reference');
  const cur = countVector(current, 'chiSquareHomogeneity: current');
  if (ref.length !== cur.length)
    throw new Error(
      `chiSquareHomogeneity: reference has ${ref.length} categories, current has ${cur.length}; align them first`,
    );
  const keep: number[] = [];
  let refTotal = 0;
  let curTotal = 0;
  for (let j = 0; j < ref.length; j++) {
    const r = ref[j] as number;
    const c = cur[j] as number;
    if (r === 0 && c === 0) continue;
    keep.push(j);
    refTotal += r;
    curTotal += c;
  }
  const k = keep.length;
  if (k <= 1) return { statistic: 0, dof: 0, pValue: 1, categories: k };
  const total = refTotal + curTotal;
  let statistic = 0;
  for (const j of keep) {
    const r = ref[j] as number;
    const c = cur[j] as number;
    const col = r + c;
    const er = (refTotal * col) / total;
    const ec = (curTotal * col) / total;
    statistic += (r - er) ** 2 / er + (c - ec) ** 2 / ec;
  }
  const dof = k - 1;
  return { statistic, dof, pValue: chiSquareSf(statistic, dof), categories: k };
}
