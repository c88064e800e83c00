/**
 * Bootstrap confidence intervals for clinical metrics of a binary classifier (AUROC, sensitivity, …), for
 * acceptance criteria written on confidence bounds ("the lower 95% bound of AUROC is at least 0.80").
 *
 * How it works
 * - The rows are sorted by score once (`sortSample`). A bootstrap resample is never materialized: it is a
 *   vector of integer counts, counts[i] = how many times sorted row i was drawn. Every statistic has a
 *   weighted form that reads (sorted sample, counts) in one O(n) pass, so a resample costs O(n) with no
 *   sort and no copy of the data.
 * - Stratified (default): each resample draws n_pos rows with replacement from the positives and n_neg from
 *   the negatives, so the class sizes are those of the data and AUROC is always defined. This is what
 *   `scipy.stats.bootstrap((positives, negatives), …)` does with two independent samples.
 *   Unstratified: n rows drawn with replacement from all rows; a resample with only one class is skipped
 *   (not redrawn) and counted in `skipped`, as is any resample whose statistic is undefined (NaN, e.g. PPV
 *   with no predicted positive). The interval then uses the resamples that were kept.
 * - Percentile interval: [Q(α/2), Q(1 − α/2)] of the kept resampled statistics, α = 1 − level, with Q the
 *   type-7 quantile (Hyndman & Fan 1996; numpy's default method='linear'): for sorted values x_0..x_{B−1},
 *   h = (B − 1)·p, Q(p) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋).
 * - BCa interval (Efron 1987; Efron & Tibshirani 1993, ch. 14; multi-sample acceleration as in
 *   scipy.stats.bootstrap): the same quantile function at the adjusted levels
 *     α₁ = Φ(z₀ + (z₀ + z_{α/2}) / (1 − a(z₀ + z_{α/2}))),  α₂ = Φ(z₀ + (z₀ + z_{1−α/2}) / (1 − a(z₀ + z_{1−α/2}))),
 *   * z₀ = Φ⁻¹(p₀), p₀ = (#{θ*_b < θ̂} + #{θ*_b ≤ θ̂}) / (2B): the share of resampled statistics below the
 *     point estimate, ties counting one half (scipy's rule). p₀ = 0 or 1 makes BCa undefined: it throws.
 *   * a from the jackknife (leave-one-out) values θ_(i). The rows are split into groups: one group of all
 *     rows (unstratified) or positives and negatives (stratified, the strata being the independently
 *     resampled samples). Per group j of size n_j: θ̄_j = mean of its θ_(i), U_ji = (n_j − 1)(θ̄_j − θ_(ji)),
 *       a = Σ_j Σ_i U_ji³ / n_j³  /  (6 · (Σ_j Σ_i U_ji² / n_j²)^{3/2}),
 *     which for one group is the textbook Σ(θ̄ − θ_(i))³ / (6 (Σ(θ̄ − θ_(i))²)^{3/2}). When every
 *     jackknife value equals its group mean (denominator 0) we set a = 0 (scipy would return NaN).
 *   Leave-one-out values are computed in O(n) after the sort: closed forms for the ready-made statistics
 *   (placement values for AUROC, the four confusion cells for threshold metrics, the sum of squared errors
 *   for Brier), a counts-based fallback for custom statistics (see `leaveOneOut`).
 * - Φ and Φ⁻¹ are `normalCdf` and `normalQuantile` below (full double precision).
 *
 * Reproducibility: the resampling generator is xoshiro128** (./random) seeded with `seed`; the same data,
 * options and seed give bit-identical results. Draw order: for each resample, the positives' draws (indices
 * into the positives in sorted order) then the negatives' (stratified), or n draws over the sorted rows
 * (unstratified). Rows with equal scores are ordered by their input position.
 */
import { Xoshiro128 } from './random';

// ---------------------------------------------------------------------------------------------------------
// Sorted sample

/** The rows sorted by ascending score (ties in input order), with the labels alongside. */
export interface SortedSample {
  /** Scores, ascending. */
  readonly scores: Float64Array;
  /** Labels of the sorted rows: 1 positive, 0 negative. */
  readonly labels: Uint8Array;
  /** order[i] = input row index of sorted row i. */
  readonly order: Uint32Array;
  /** Sorted positions of the positive rows, ascending. */
  readonly positives: Uint32Array;
  /** Sorted positions of the negative rows, ascending. */
  readonly negatives: Uint32Array;
  readonly n: number;
  readonly nPos: number;
  readonly nNeg: number;
}

/**
 * Sorts the rows by score once. Labels must be 0 or 1 and scores must not be NaN (±Infinity is allowed).
 * O(n log n); everything after this is O(n) per resample.
 */
export function sortSample(scores: ArrayLike<number>, labels: ArrayLike<number>): SortedSample {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError(`${n} score(s) but ${labels.length} label(s)`);
  let nPos = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(scores[i] as number))
      throw new RangeError(`score ${i + 1} is NaN (missing); metrics need every score`);
    const y = labels[i];
    if (y === 1) nPos++;
    else if (y !== 0) throw new RangeError(`label ${i + 1} is ${String(y)}, expected 0 or 1`);
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (scores[a] as number) - (scores[b] as number) || a - b);
  const sortedScores = new Float64Array(n);
  const sortedLabels = new Uint8Array(n);
  const positives = new Uint32Array(nPos);
  const negatives = new Uint32Array(n - nPos);
  let p = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    const r = order[i] as number;
    sortedScores[i] = scores[r] as number;
    const y = labels[r] === 1 ? 1 : 0;
    sortedLabels[i] = y;
    if (y === 1) positives[p++] = i;
    else negatives[q++] = i;
  }
  return {
    scores: sortedScores,
    labels: sortedLabels,
    order,
    positives,
    negatives,
    n,
    nPos,
    nNeg: n - nPos,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Weighted statistics over pre-sorted rows (counts[i] copies of sorted row i)

/**
 * AUROC of the weighted sample: rows sorted by ascending score, counts[i] copies of row i. Equals `auroc`
 * (sklearn's roc_auc_score) on the data with every row repeated counts[i] times: a positive–negative pair
 * with equal scores counts one half. One pass over the tie groups; NaN without positive or negative weight.
 * Exact for integer counts: U is a sum of half-integers, exact in doubles while below 2^52.
 */
export function weightedAuroc(
  sortedScores: ArrayLike<number>,
  sortedLabels: ArrayLike<number>,
  counts: ArrayLike<number>,
): number {
  const n = sortedScores.length;
  let u = 0; // Mann–Whitney U of the positives (ties ½)
  let negBelow = 0;
  let wPos = 0;
  let i = 0;
  while (i < n) {
    const s = sortedScores[i] as number;
    let gPos = 0;
    let gAll = 0;
    do {
      const c = counts[i] as number;
      gPos += c * (sortedLabels[i] as number);
      gAll += c;
      i++;
    } while (i < n && sortedScores[i] === s);
    const gNeg = gAll - gPos;
    u += gPos * (negBelow + 0.5 * gNeg);
    negBelow += gNeg;
    wPos += gPos;
  }
  const wNeg = negBelow;
  return wPos === 0 || wNeg === 0 ? Number.NaN : u / (wPos * wNeg);
}

/** Weighted confusion counts at a threshold (a row is predicted positive iff score ≥ threshold). */
export interface WeightedConfusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** First sorted position whose score is ≥ threshold (n when none). */
function cutIndex(sortedScores: ArrayLike<number>, threshold: number): number {
  let lo = 0;
  let hi = sortedScores.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sortedScores[mid] as number) >= threshold) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Confusion counts of the weighted sample at `threshold` (positive iff score ≥ threshold, as `confusionAt`):
 * a binary search for the cut, then one pass summing counts by label on each side.
 */
export function weightedConfusion(
  sortedScores: ArrayLike<number>,
  sortedLabels: ArrayLike<number>,
  counts: ArrayLike<number>,
  threshold: number,
): WeightedConfusion {
  const n = sortedScores.length;
  const cut = cutIndex(sortedScores, threshold);
  let fn = 0;
  let below = 0;
  for (let i = 0; i < cut; i++) {
    const c = counts[i] as number;
    fn += c * (sortedLabels[i] as number);
    below += c;
  }
  let tp = 0;
  let above = 0;
  for (let i = cut; i < n; i++) {
    const c = counts[i] as number;
    tp += c * (sortedLabels[i] as number);
    above += c;
  }
  return { tp, fp: above - tp, tn: below - fn, fn };
}

/** Weighted Brier score: Σ counts·(score − label)² / Σ counts (NaN for zero weight). */
export function weightedBrier(
  sortedScores: ArrayLike<number>,
  sortedLabels: ArrayLike<number>,
  counts: ArrayLike<number>,
): number {
  let sum = 0;
  let w = 0;
  for (let i = 0; i < sortedScores.length; i++) {
    const c = counts[i] as number;
    const e = (sortedScores[i] as number) - (sortedLabels[i] as number);
    sum += c * e * e;
    w += c;
  }
  return w === 0 ? Number.NaN : sum / w;
}

// ---------------------------------------------------------------------------------------------------------
// Statistics

/** A statistic of (scores, labels) evaluated on a weighted pre-sorted sample. */
export interface Statistic {
  /** Shown in results, e.g. "auroc" or "sensitivity@0.5". */
  readonly name: string;
  /**
   * Value on the sample with counts[i] copies of sorted row i; NaN when undefined on that resample. Must
   * run without sorting or copying the rows.
   */
  readonly weighted: (sample: SortedSample, counts: ArrayLike<number>) => number;
  /**
   * Optional fast jackknife: value with sorted row i left out (every other row once), for every i. When
   * absent, `leaveOneOut` falls back to evaluating `weighted` once per distinct (score, label) pair.
   */
  readonly leaveOneOut?: (sample: SortedSample) => Float64Array;
}

/** AUROC leave-one-out values from placement values, O(n) after the sort. */
function aurocLeaveOneOut(sample: SortedSample): Float64Array {
  const { scores, labels, n, nPos: m, nNeg: k } = sample;
  // place[i]: for a positive, #negatives below + ½ #negatives tied; for a negative, #positives above + ½ tied.
  const place = new Float64Array(n);
  let u = 0;
  let negBelow = 0;
  let posBelow = 0;
  let i = 0;
  while (i < n) {
    const start = i;
    const s = scores[i] as number;
    let gPos = 0;
    do {
      gPos += labels[i] as number;
      i++;
    } while (i < n && scores[i] === s);
    const gNeg = i - start - gPos;
    const pPos = negBelow + 0.5 * gNeg;
    const pNeg = m - posBelow - gPos + 0.5 * gPos;
    for (let r = start; r < i; r++) place[r] = labels[r] === 1 ? pPos : pNeg;
    u += gPos * pPos;
    negBelow += gNeg;
    posBelow += gPos;
  }
  const out = new Float64Array(n);
  const dPos = (m - 1) * k;
  const dNeg = m * (k - 1);
  for (let r = 0; r < n; r++) {
    const d = labels[r] === 1 ? dPos : dNeg;
    out[r] = d === 0 ? Number.NaN : (u - (place[r] as number)) / d;
  }
  return out;
}

/** A statistic computed from weighted confusion counts at a threshold, with closed-form leave-one-out. */
function confusionStatistic(
  name: string,
  threshold: number,
  f: (tp: number, fp: number, tn: number, fn: number) => number,
): Statistic {
  if (!Number.isFinite(threshold)) throw new RangeError(`threshold must be a number, got ${threshold}`);
  return {
    name: `${name}@${threshold}`,
    weighted: (s, counts) => {
      const c = weightedConfusion(s.scores, s.labels, counts, threshold);
      return f(c.tp, c.fp, c.tn, c.fn);
    },
    leaveOneOut: (s) => {
      const cut = cutIndex(s.scores, threshold);
      let tp = 0;
      let fn = 0;
      for (let i = 0; i < s.n; i++) {
        if (s.labels[i] === 1) {
          if (i >= cut) tp++;
          else fn++;
        }
      }
      const fp = s.n - cut - tp;
      const tn = cut - fn;
      // Four possible values: one per confusion cell of the row left out.
      const vTp = f(tp - 1, fp, tn, fn);
      const vFp = f(tp, fp - 1, tn, fn);
      const vTn = f(tp, fp, tn - 1, fn);
      const vFn = f(tp, fp, tn, fn - 1);
      const out = new Float64Array(s.n);
      for (let i = 0; i < s.n; i++) {
        const pos = s.labels[i] === 1;
        out[i] = i >= cut ? (pos ? vTp : vFp) : pos ? vFn : vTn;
      }
      return out;
    },
  };
}

const rate = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);

const aurocStatistic: Statistic = {
  name: 'auroc',
  weighted: (s, counts) => weightedAuroc(s.scores, s.labels, counts),
  leaveOneOut: aurocLeaveOneOut,
};

const brierStatistic: Statistic = {
  name: 'brier',
  weighted: (s, counts) => weightedBrier(s.scores, s.labels, counts),
  leaveOneOut: (s) => {
    const err = new Float64Array(s.n);
    let sum = 0;
    for (let i = 0; i < s.n; i++) {
      const e = (s.scores[i] as number) - (s.labels[i] as number);
      err[i] = e * e;
      sum += e * e;
    }
    for (let i = 0; i < s.n; i++) err[i] = s.n > 1 ? (sum - (err[i] as number)) / (s.n - 1) : Number.NaN;
    return err;
  },
};

/**
 * Ready-made statistics. Threshold metrics call a row positive iff score ≥ t (as `confusionAt`) and are
 * NaN where their denominator is zero.
 */
export const statistics = {
  /** Area under the ROC curve (sklearn roc_auc_score; ties ½). */
  auroc: aurocStatistic,
  /** TP / (TP + FN). */
  sensitivity: (t: number): Statistic =>
    confusionStatistic('sensitivity', t, (tp, _fp, _tn, fn) => rate(tp, tp + fn)),
  /** TN / (TN + FP). */
  specificity: (t: number): Statistic =>
    confusionStatistic('specificity', t, (_tp, fp, tn) => rate(tn, tn + fp)),
  /** TP / (TP + FP). */
  ppv: (t: number): Statistic => confusionStatistic('ppv', t, (tp, fp) => rate(tp, tp + fp)),
  /** TN / (TN + FN). */
  npv: (t: number): Statistic => confusionStatistic('npv', t, (_tp, _fp, tn, fn) => rate(tn, tn + fn)),
  /** (TP + TN) / n. */
  accuracy: (t: number): Statistic =>
    confusionStatistic('accuracy', t, (tp, fp, tn, fn) => rate(tp + tn, tp + fp + tn + fn)),
  /** F1 = 2TP / (2TP + FP + FN). */
  f1: (t: number): Statistic =>
    confusionStatistic('f1', t, (tp, fp, _tn, fn) => rate(2 * tp, 2 * tp + fp + fn)),
  /** Mean squared error of the scores as probabilities: mean (score − label)². */
  brier: brierStatistic,
} as const;

/**
 * Leave-one-out (jackknife) values of a statistic: out[i] = the statistic with sorted row i removed. Uses
 * the statistic's `leaveOneOut` when it has one (O(n) for the ready-made ones). Otherwise it evaluates
 * `weighted` with count 0 on one row and 1 elsewhere, once per distinct (score, label) pair, since rows
 * with equal score and label have equal values: O(n · distinct pairs), so up to O(n²).
 */
export function leaveOneOut(sample: SortedSample, statistic: Statistic): Float64Array {
  if (statistic.leaveOneOut) return statistic.leaveOneOut(sample);
  const { n, scores, labels } = sample;
  const out = new Float64Array(n);
  const counts = new Uint32Array(n).fill(1);
  let i = 0;
  while (i < n) {
    const start = i;
    const s = scores[i] as number;
    while (i < n && scores[i] === s) i++;
    for (const y of [0, 1]) {
      let first = -1;
      for (let r = start; r < i; r++) if (labels[r] === y) first = first < 0 ? r : first;
      if (first < 0) continue;
      counts[first] = 0;
      const v = statistic.weighted(sample, counts);
      counts[first] = 1;
      for (let r = start; r < i; r++) if (labels[r] === y) out[r] = v;
    }
  }
  return out;
}

/**
 * The jackknife values split into the groups BCa's acceleration sums over: [all rows] unstratified,
 * [positives, negatives] stratified (each group in sorted order; an empty class gives no group).
 */
export function jackknifeGroups(
  sample: SortedSample,
  statistic: Statistic,
  stratified: boolean,
): Float64Array[] {
  const loo = leaveOneOut(sample, statistic);
  if (!stratified) return [loo];
  const groups: Float64Array[] = [];
  for (const rows of [sample.positives, sample.negatives]) {
    if (rows.length === 0) continue;
    const g = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) g[k] = loo[rows[k] as number] as number;
    groups.push(g);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------------------
// Normal distribution (double precision)

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_PI = 0.5641895835477563; // 1/√π
const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)

/** exp(−x²/2) without the rounding error of x² (x split into a 1/16-grid part, whose square is exact, and a rest). */
function expHalfSquare(x: number): number {
  const a = Math.abs(x);
  const hi = Math.round(a * 16) / 16;
  return Math.exp(-0.5 * hi * hi) * Math.exp(-0.5 * (a - hi) * (a + hi));
}

/**
 * Φ(−|x|) for |x| ≥ 1/√2 from the continued fraction of erfc (z = |x|/√2):
 *   erfc(z) = e^{−z²}/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + 2/(z + …))))),
 * evaluated backwards from depth ⌈250/z²⌉ + 20 (enough for double precision for z ≥ 1/2; at most 1020 terms).
 */
function lowerTail(x: number): number {
  const z = Math.abs(x) * SQRT1_2;
  let f = z;
  for (let k = Math.ceil(250 / (z * z)) + 20; k >= 1; k--) f = z + k / 2 / f;
  return (0.5 * INV_SQRT_PI * expHalfSquare(x)) / f;
}

/** erf(z) for |z| ≲ 1/2 by its Taylor series. */
function erfSmall(z: number): number {
  // erf(z) = 2/√π · Σ (−1)^k z^{2k+1} / (k! (2k+1)); |terms| fall by z² < 1/4 per step.
  const z2 = z * z;
  let power = z;
  let sum = z;
  for (let k = 1; k < 40; k++) {
    power *= -z2 / k;
    const term = power / (2 * k + 1);
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return 2 * INV_SQRT_PI * sum;
}

/**
 * Standard normal CDF Φ(x) (scipy.special.ndtr) to a few units in the last place: a Taylor series of erf
 * near 0, the continued fraction of erfc elsewhere (so the lower tail keeps its relative precision).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const z = Math.abs(x) * SQRT1_2;
  if (z < 0.5) return 0.5 + 0.5 * erfSmall(x * SQRT1_2);
  if (x < -40) return 0;
  if (x > 40) return 1;
  const tail = lowerTail(x);
  return x < 0 ? tail : 1 - tail;
}

/**
 * Standard normal quantile Φ⁻¹(p) (scipy.special.ndtri): Abramowitz & Stegun 26.2.23 as the start, then
 * Halley steps on Φ(x) − q in the lower tail (q = min(p, 1 − p)) to full precision (a few units in the last
 * place; scipy agrees to ~5e-15 relative). ±Infinity at 0 and 1,
 * NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  const q = p < 0.5 ? p : 1 - p; // 1 − p is exact for p ≥ 0.5
  const t = Math.sqrt(-2 * Math.log(q));
  let x = -(
    t -
    (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)))
  );
  // Near the centre the residual is formed as ½erf(x/√2) − (q − ½) (q − ½ is exact), which keeps the
  // relative precision of small quantiles.
  const centred = q > 0.25;
  for (let it = 0; it < 8; it++) {
    const e = centred ? 0.5 * erfSmall(x * SQRT1_2) - (q - 0.5) : normalCdf(x) - q;
    const u = e / (INV_SQRT_2PI * expHalfSquare(x));
    const step = u / (1 + 0.5 * x * u);
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.abs(x)) break;
  }
  return p < 0.5 ? x : -x;
}

// ---------------------------------------------------------------------------------------------------------
// Intervals from a bootstrap distribution

/** Type-7 quantile (numpy method='linear') of ascending values at p ∈ [0, 1]. */
export function quantileType7(sortedValues: ArrayLike<number>, p: number): number {
  const m = sortedValues.length;
  if (m === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const h = (m - 1) * p;
  const lo = Math.floor(h);
  const a = sortedValues[lo] as number;
  if (lo >= m - 1) return a;
  const b = sortedValues[lo + 1] as number;
  return a + (h - lo) * (b - a);
}

function sortedCopy(values: ArrayLike<number>): Float64Array {
  if (values.length === 0) throw new RangeError('no bootstrap values');
  const out = Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(out[i] as number)) throw new RangeError(`bootstrap value ${i + 1} is NaN`);
  }
  return out.sort();
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
}

/** Percentile interval: type-7 quantiles at (1 − level)/2 and (1 + level)/2 of the values. */
export function percentileInterval(values: ArrayLike<number>, level = 0.95): { low: number; high: number } {
  checkLevel(level);
  const sorted = sortedCopy(values);
  const alpha = (1 - level) / 2;
  return { low: quantileType7(sorted, alpha), high: quantileType7(sorted, 1 - alpha) };
}

export interface BcaInterval {
  low: number;
  high: number;
  /** Bias correction Φ⁻¹(p₀). */
  z0: number;
  /** Acceleration from the jackknife. */
  acceleration: number;
  /** Adjusted quantile levels α₁, α₂ at which the interval is read. */
  alphaLow: number;
  alphaHigh: number;
}

/** BCa acceleration from jackknife groups (see the module comment); 0 when the jackknife values do not vary. */
export function bcaAcceleration(jackknife: readonly ArrayLike<number>[]): number {
  let num = 0;
  let den = 0;
  for (const g of jackknife) {
    const nj = g.length;
    if (nj === 0) continue;
    let mean = 0;
    for (let i = 0; i < nj; i++) mean += g[i] as number;
    mean /= nj;
    let s2 = 0;
    let s3 = 0;
    for (let i = 0; i < nj; i++) {
      const u = (nj - 1) * (mean - (g[i] as number));
      s2 += u * u;
      s3 += u * u * u;
    }
    num += s3 / (nj * nj * nj);
    den += s2 / (nj * nj);
  }
  if (Number.isNaN(num) || Number.isNaN(den)) {
    throw new RangeError('BCa needs every leave-one-out value to be defined (each class needs ≥ 2 rows)');
  }
  return den === 0 ? 0 : num / (6 * den ** 1.5);
}

/**
 * BCa interval from the point estimate, the bootstrap values and the jackknife groups (see the module
 * comment for the formulas). Throws when every bootstrap value lies on one side of the point estimate.
 */
export function bcaInterval(
  point: number,
  values: ArrayLike<number>,
  jackknife: readonly ArrayLike<number>[],
  level = 0.95,
): BcaInterval {
  checkLevel(level);
  const sorted = sortedCopy(values);
  const b = sorted.length;
  let below = 0;
  let atOrBelow = 0;
  for (let i = 0; i < b; i++) {
    const v = sorted[i] as number;
    if (v < point) below++;
    if (v <= point) atOrBelow++;
  }
  const p0 = (below + atOrBelow) / (2 * b);
  if (p0 === 0 || p0 === 1) {
    throw new RangeError(
      `BCa is undefined: all ${b} bootstrap values are ${p0 === 0 ? 'above' : 'below'} the point estimate ${point}; use the percentile method`,
    );
  }
  const z0 = normalQuantile(p0);
  const a = bcaAcceleration(jackknife);
  const alpha = (1 - level) / 2;
  const adjust = (zq: number) => {
    const num = z0 + zq;
    return normalCdf(z0 + num / (1 - a * num));
  };
  const alphaLow = adjust(normalQuantile(alpha));
  const alphaHigh = adjust(normalQuantile(1 - alpha));
  return {
    low: quantileType7(sorted, alphaLow),
    high: quantileType7(sorted, alphaHigh),
    z0,
    acceleration: a,
    alphaLow,
    alphaHigh,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Resampling

export interface ResampleOptions {
  resamples?: number;
  seed?: number;
  stratified?: boolean;
}

export interface BootstrapDistribution {
  statistic: string;
  /** The statistic on the data (every row once). */
  point: number;
  /** Kept resampled statistics, in draw order. */
  values: Float64Array;
  /** Resamples drawn (kept + skipped). */
  resamples: number;
  /** Resamples skipped: one class only (unstratified) or statistic undefined. */
  skipped: number;
  stratified: boolean;
  seed: number;
}

function checkResamples(resamples: number): void {
  if (!Number.isSafeInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
}

/** Point estimate and bootstrap distribution of a statistic on a sorted sample (no interval). */
export function resampleStatistic(
  sample: SortedSample,
  statistic: Statistic,
  { resamples = 1000, seed = 0, stratified = true }: ResampleOptions = {},
): BootstrapDistribution {
  checkResamples(resamples);
  const { n, nPos, nNeg, positives, negatives, labels } = sample;
  if (n === 0) throw new RangeError('no rows to resample');
  const counts = new Uint32Array(n);
  counts.fill(1);
  const point = statistic.weighted(sample, counts);
  if (Number.isNaN(point)) {
    throw new RangeError(
      `${statistic.name} is undefined on the data (${nPos} positive, ${nNeg} negative rows); no interval`,
    );
  }
  const rng = new Xoshiro128(seed);
  const values = new Float64Array(resamples);
  let kept = 0;
  let skipped = 0;
  // Stratified: per class, draw indices into the class's rows, count them in a class-local vector (cheaper
  // random access than going through the class's row positions), then scatter into counts.
  const classes = stratified
    ? [positives, negatives]
        .filter((rows) => rows.length > 0)
        .map((rows) => ({ rows, draws: new Uint32Array(rows.length), counts: new Uint32Array(rows.length) }))
    : [];
  const draws = stratified ? new Uint32Array(0) : new Uint32Array(n);
  for (let b = 0; b < resamples; b++) {
    if (stratified) {
      for (const c of classes) {
        const size = c.rows.length;
        rng.fillInts(size, c.draws);
        c.counts.fill(0);
        for (let k = 0; k < size; k++) {
          const j = c.draws[k] as number;
          c.counts[j] = (c.counts[j] as number) + 1;
        }
        for (let j = 0; j < size; j++) counts[c.rows[j] as number] = c.counts[j] as number;
      }
    } else {
      counts.fill(0);
      rng.fillInts(n, draws);
      let drawnPos = 0;
      for (let k = 0; k < n; k++) {
        const r = draws[k] as number;
        counts[r] = (counts[r] as number) + 1;
        drawnPos += labels[r] as number;
      }
      if (drawnPos === 0 || drawnPos === n) {
        skipped++;
        continue;
      }
    }
    const v = statistic.weighted(sample, counts);
    if (Number.isNaN(v)) {
      skipped++;
      continue;
    }
    values[kept++] = v;
  }
  if (kept === 0) {
    throw new RangeError(`all ${resamples} resamples were skipped (${statistic.name} undefined on each)`);
  }
  return {
    statistic: statistic.name,
    point,
    values: values.slice(0, kept),
    resamples,
    skipped,
    stratified,
    seed,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Public entry point

export type CiMethod = 'percentile' | 'bca';

export interface BootstrapCiOptions {
  scores: ArrayLike<number>;
  /** 1 = positive, 0 = negative. */
  labels: ArrayLike<number>;
  statistic: Statistic;
  /** Number of resamples drawn (default 1000). */
  resamples?: number;
  /** Seed of the xoshiro128** generator (integer in [0, 2^53), default 0). */
  seed?: number;
  /** Two-sided confidence level (default 0.95). */
  level?: number;
  method: CiMethod;
  /** Resample within each class (default true). */
  stratified?: boolean;
}

export interface BootstrapCi {
  statistic: string;
  point: number;
  low: number;
  high: number;
  method: CiMethod;
  level: number;
  /** Resamples drawn. */
  resamples: number;
  /** Resamples not used (one class only, or statistic undefined); the interval uses resamples − skipped. */
  skipped: number;
  /** Bootstrap standard error: standard deviation (ddof 1) of the kept resampled statistics. */
  se: number;
  stratified: boolean;
  seed: number;
  /** BCa diagnostics (method 'bca' only). */
  bca?: { z0: number; acceleration: number; alphaLow: number; alphaHigh: number };
}

/** Sample standard deviation (ddof = 1); NaN for fewer than two values. */
function sampleSd(values: Float64Array): number {
  const m = values.length;
  if (m < 2) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < m; i++) mean += values[i] as number;
  mean /= m;
  let ss = 0;
  for (let i = 0; i < m; i++) {
    const d = (values[i] as number) - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / (m - 1));
}

/** Confidence interval from a bootstrap distribution already drawn on `sample`. */
export function intervalFromDistribution(
  sample: SortedSample,
  statistic: Statistic,
  dist: BootstrapDistribution,
  method: CiMethod,
  level = 0.95,
): BootstrapCi {
  checkLevel(level);
  const base = {
    statistic: dist.statistic,
    point: dist.point,
    method,
    level,
    resamples: dist.resamples,
    skipped: dist.skipped,
    se: sampleSd(dist.values),
    stratified: dist.stratified,
    seed: dist.seed,
  };
  if (method === 'percentile') return { ...base, ...percentileInterval(dist.values, level) };
  if (method !== 'bca') throw new RangeError(`method must be 'percentile' or 'bca', got ${String(method)}`);
  const r = bcaInterval(dist.point, dist.values, jackknifeGroups(sample, statistic, dist.stratified), level);
  return {
    ...base,
    low: r.low,
    high: r.high,
    bca: { z0: r.z0, acceleration: r.acceleration, alphaLow: r.alphaLow, alphaHigh: r.alphaHigh },
  };
}

/**
 * Bootstrap confidence interval of `statistic` on (scores, labels): sorts once, draws `resamples`
 * count-vector resamples with a seeded xoshiro128**, and reads a percentile or BCa interval.
 */
export function bootstrapCi(options: BootstrapCiOptions): BootstrapCi {
  const {
    scores,
    labels,
    statistic,
    resamples = 1000,
    seed = 0,
    level = 0.95,
    method,
    stratified = true,
  } = options;
  checkLevel(level);
  checkResamples(resamples);
  if (method !== 'percentile' && method !== 'bca') {
    throw new RangeError(`method must be 'percentile' or 'bca', got ${String(method)}`);
  }
  const sample = sortSample(scores, labels);
  const dist = resampleStatistic(sample, statistic, { resamples, seed, stratified });
  return intervalFromDistribution(sample, statistic, dist, method, level);
}

// ---------------------------------------------------------------------------------------------------------
// Benchmark hook (for the project's bench; not run by the tests)

export interface BootstrapBenchResult {
  rows: number;
  resamples: number;
  /** Time to generate the synthetic data (ms; not part of the bootstrap). */
  generateMs: number;
  /** Time of bootstrapCi end to end: sort, resampling and interval (ms). */
  bootstrapMs: number;
  ci: BootstrapCi;
}

/**
 * Times `bootstrapCi` for AUROC on synthetic data: `rows` rows, half positive, negatives' scores N(0, 1)
 * and positives' N(1.19, 1) (true AUROC ≈ 0.80), scores rounded to 1e-3 so there are ties.
 */
export function benchBootstrapAuroc({
  rows = 100_000,
  resamples = 1000,
  seed = 1,
  method = 'percentile' as CiMethod,
  stratified = true,
} = {}): BootstrapBenchResult {
  const t0 = performance.now();
  const rng = new Xoshiro128(seed);
  const scores = new Float64Array(rows);
  const labels = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const y = i % 2;
    labels[i] = y;
    scores[i] = Math.round((rng.normal() + 1.19 * y) * 1000) / 1000;
  }
  const t1 = performance.now();
  const ci = bootstrapCi({
    scores,
    labels,
    statistic: statistics.auroc,
    resamples,
    seed,
    method,
    stratified,
  });
  const t2 = performance.now();
  return { rows, resamples, generateMs: t1 - t0, bootstrapMs: t2 - t1, ci };
}
