/**
 * Percentile bootstrap for metrics that are not a function of one score column: regression (MAE, RMSE, R²)
 * and multiclass (one-vs-rest AUROC, per-class recall). As in ./bootstrap, a resample is a vector of integer
 * counts (counts[i] = how many times row i was drawn) and each metric has a weighted form, so a resample
 * costs one pass over the rows and nothing is copied or re-sorted.
 *
 * - Stratified by class (multiclass): each resample draws, within every class, as many rows as the class
 *   has, so every class keeps its size and the one-vs-rest AUROCs stay defined. Regression is resampled
 *   over all rows.
 * - Interval: percentile, [Q(α/2), Q(1 − α/2)] with the type-7 quantile (numpy's default), as in ./bootstrap.
 *   BCa is not offered here: its acceleration needs a leave-one-out value per row, which for these metrics
 *   has no O(1) update (the config refuses `method: bca` for them).
 * - Draw order (for reproducibility): per resample, the strata in ascending class index, each drawing its
 *   size of indices into its rows (in input order); or n draws over all rows. Same data + seed → same bits.
 */
import { percentileInterval, type SortedSample, sortSample, weightedAuroc } from './bootstrap';
import { Xoshiro128 } from './random';

export interface RowBootstrapOptions {
  resamples: number;
  seed: number;
  level: number;
  /** Stratum (class index 0 … k−1) of every row; absent: resample over all rows. */
  strata?: ArrayLike<number> | undefined;
}

export interface RowBootstrapCi {
  point: number;
  low: number;
  high: number;
  level: number;
  resamples: number;
  /** Resamples whose statistic was undefined (NaN); the interval uses the others. */
  skipped: number;
  /** Standard deviation (ddof 1) of the kept resampled statistics. */
  se: number;
  stratified: boolean;
  seed: number;
}

/** Rows of each stratum, in input order. */
function strataRows(n: number, strata: ArrayLike<number>): Uint32Array[] {
  let k = 0;
  for (let i = 0; i < n; i++) k = Math.max(k, (strata[i] as number) + 1);
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[strata[i] as number] = (sizes[strata[i] as number] as number) + 1;
  const rows = sizes.map((s) => new Uint32Array(s));
  const at = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const c = strata[i] as number;
    (rows[c] as Uint32Array)[at[c] as number] = i;
    at[c] = (at[c] as number) + 1;
  }
  return rows.filter((r) => r.length > 0);
}

/**
 * Percentile bootstrap interval of `statistic`, a function of the row counts (all ones = the data). Throws a
 * RangeError when the statistic is undefined on the data or on every resample.
 */
export function rowBootstrapCi(
  n: number,
  statistic: (counts: Uint32Array) => number,
  { resamples, seed, level, strata }: RowBootstrapOptions,
): RowBootstrapCi {
  if (n === 0) throw new RangeError('no rows to resample');
  if (!Number.isSafeInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  const counts = new Uint32Array(n).fill(1);
  const point = statistic(counts);
  if (Number.isNaN(point)) throw new RangeError('the statistic is undefined on the data; no interval');
  const groups = strata ? strataRows(n, strata) : [Uint32Array.from({ length: n }, (_, i) => i)];
  const draws = groups.map((g) => new Uint32Array(g.length));
  const rng = new Xoshiro128(seed);
  const values = new Float64Array(resamples);
  let kept = 0;
  for (let b = 0; b < resamples; b++) {
    counts.fill(0);
    groups.forEach((rows, g) => {
      const d = draws[g] as Uint32Array;
      rng.fillInts(rows.length, d);
      for (let j = 0; j < d.length; j++) {
        const r = rows[d[j] as number] as number;
        counts[r] = (counts[r] as number) + 1;
      }
    });
    const v = statistic(counts);
    if (!Number.isNaN(v)) values[kept++] = v;
  }
  if (kept === 0)
    throw new RangeError(`all ${resamples} resamples were skipped (statistic undefined on each)`);
  const used = values.subarray(0, kept);
  const { low, high } = percentileInterval(used, level);
  let mean = 0;
  for (const v of used) mean += v;
  mean /= kept;
  let ss = 0;
  for (const v of used) ss += (v - mean) ** 2;
  return {
    point,
    low,
    high,
    level,
    resamples,
    skipped: resamples - kept,
    se: kept > 1 ? Math.sqrt(ss / (kept - 1)) : Number.NaN,
    stratified: strata !== undefined,
    seed,
  };
}

/** One-vs-rest AUROCs of a weighted sample, macro and support-weighted; see `weightedOneVsRest`. */
export interface WeightedOneVsRest {
  macro: number;
  weighted: number;
  perClass: number[];
}

/**
 * Weighted one-vs-rest AUROC over a row-major [N, k] score matrix: each class's column is sorted once here;
 * the returned function evaluates the sample with counts[i] copies of row i in O(N·k), equal to
 * `oneVsRestAuroc` on the data with every row repeated counts[i] times (NaN when a class has no weight).
 */
export function weightedOneVsRest(
  probabilities: ArrayLike<number>,
  k: number,
  labels: ArrayLike<number>,
): (counts: ArrayLike<number>) => WeightedOneVsRest {
  const n = labels.length;
  const samples: SortedSample[] = [];
  const column = new Float64Array(n);
  const isClass = new Uint8Array(n);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) {
      column[i] = probabilities[i * k + c] as number;
      isClass[i] = labels[i] === c ? 1 : 0;
    }
    samples.push(sortSample(column, isClass));
  }
  const sortedCounts = new Float64Array(n);
  return (counts) => {
    const support = new Array<number>(k).fill(0);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const c = labels[i] as number;
      support[c] = (support[c] as number) + (counts[i] as number);
      total += counts[i] as number;
    }
    const perClass = samples.map((s) => {
      for (let j = 0; j < n; j++) sortedCounts[j] = counts[s.order[j] as number] as number;
      return weightedAuroc(s.scores, s.labels, sortedCounts);
    });
    let sum = 0;
    let wsum = 0;
    perClass.forEach((a, c) => {
      sum += a;
      wsum += a * (support[c] as number);
    });
    return { macro: sum / k, weighted: wsum / total, perClass };
  };
}

/** Recall of class `c` with counts[i] copies of row i: Σ counts over rows of class c predicted c / Σ counts over rows of class c. */
export function weightedClassRecall(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  c: number,
  counts: ArrayLike<number>,
): number {
  let hits = 0;
  let support = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== c) continue;
    support += counts[i] as number;
    if (predicted[i] === c) hits += counts[i] as number;
  }
  return support === 0 ? Number.NaN : hits / support;
}
