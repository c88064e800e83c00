/**
 * Binning shared by the drift statistics, each rule reproducing a numpy computation bit for bit (edges are
 * formed with the same floating-point operations numpy uses, so a value lying exactly on an edge falls in
 * the same bin as in numpy):
 *
 * - `equalWidthEdges`: `numpy.histogram_bin_edges(np.concatenate([reference, current]), bins=k)`;
 *   `histogramCounts`: `numpy.histogram(x, bins=edges)[0]` (bins [e_i, e_{i+1}), the last one closed).
 * - `referenceQuantileEdges`: `numpy.unique(numpy.quantile(reference, [1/k, …, (k−1)/k], method='linear'))`;
 *   `quantileBinCounts`: `numpy.bincount(numpy.searchsorted(edges, x, side='right'), minlength=len(edges)+1)`,
 *   i.e. bins (−∞, e_1), [e_1, e_2), …, [e_last, +∞).
 * - `categoryCounts`: counts per category over the union of both samples' categories.
 */

/**
 * A copy of `x` as a Float64Array, after checking that it is non-empty and that every value is finite.
 * `what` names the function and argument in the error (e.g. "wassersteinDistance: u").
 */
export function finiteSample(x: ArrayLike<number>, what: string): Float64Array {
  if (x.length === 0) throw new Error(`${what}: empty sample`);
  const out = Float64Array.from(x);
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as number;
    if (Number.isNaN(v)) throw new Error(`${what}: contains NaN (drop missing values first)`);
    if (!Number.isFinite(v)) throw new Error(`${what}: contains ${v}; values must be finite`);
  }
  return out;
}

/**
 * A copy of a count (or weight) vector after checking that every entry is finite and ≥ 0; the sum must be
 * positive unless `allowZeroTotal`.
 */
export function countVector(x: ArrayLike<number>, what: string, allowZeroTotal = false): Float64Array {
  if (x.length === 0) throw new Error(`${what}: empty vector`);
  const out = Float64Array.from(x);
  let total = 0;
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as number;
    if (!(v >= 0) || !Number.isFinite(v))
      throw new Error(`${what}: entry ${i} is ${v}; must be finite and ≥ 0`);
    total += v;
  }
  if (!allowZeroTotal && !(total > 0)) throw new Error(`${what}: all entries are 0`);
  return out;
}

/**
 * `numpy.histogram_bin_edges(np.concatenate(samples), bins)`: `bins` + 1 equally spaced edges from the
 * pooled minimum to the pooled maximum (numpy.linspace: e_i = i·((max − min)/bins) + min, the last edge set
 * to max exactly). When min = max the range is widened to [min − 0.5, max + 0.5], as numpy does.
 */
export function equalWidthEdges(samples: ArrayLike<number>[], bins = 10): Float64Array {
  if (!Number.isInteger(bins) || bins < 1)
    throw new Error(`equalWidthEdges: bins must be a positive integer`);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of samples) {
    for (let i = 0; i < s.length; i++) {
      const v = s[i] as number;
      if (!Number.isFinite(v)) throw new Error(`equalWidthEdges: values must be finite, got ${v}`);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) throw new Error('equalWidthEdges: no values');
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const step = (hi - lo) / bins;
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i < bins; i++) edges[i] = i * step + lo;
  edges[bins] = hi;
  for (let i = 1; i <= bins; i++) {
    if (!((edges[i] as number) > (edges[i - 1] as number)))
      throw new Error(`equalWidthEdges: range too small for ${bins} finite-sized bins`);
  }
  return edges;
}

/** Largest i with edges[i] ≤ v (edges sorted ascending); −1 when v < edges[0]. */
function lastEdgeAtOrBelow(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length; // answer in [lo − 1, hi − 1]
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((edges[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * `numpy.histogram(x, bins=edges)[0]`: counts in [e_i, e_{i+1}) for i < last and [e_last−1, e_last] for the
 * last bin; values outside [e_0, e_last] are not counted. `x` must not contain NaN.
 */
export function histogramCounts(x: ArrayLike<number>, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  if (bins < 1) throw new Error('histogramCounts: need at least 2 edges');
  const counts = new Float64Array(bins);
  const last = edges[bins] as number;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) throw new Error('histogramCounts: x contains NaN (drop missing values first)');
    if (v < (edges[0] as number) || v > last) continue;
    const b = v === last ? bins - 1 : lastEdgeAtOrBelow(edges, v);
    counts[b] = (counts[b] as number) + 1;
  }
  return counts;
}

/**
 * `numpy.quantile(sorted, q, method='linear')` for an ascending, NaN-free array: virtual index
 * h = (n − 1)·q, then a + (b − a)·g (or b − (b − a)·(1 − g) when g ≥ 0.5) with a = x[⌊h⌋], b = x[⌊h⌋ + 1],
 * g = h − ⌊h⌋, the same operations as numpy's `_lerp`.
 */
export function quantileLinear(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('quantileLinear: empty sample');
  if (!(q >= 0 && q <= 1)) throw new Error(`quantileLinear: q must be in [0, 1], got ${q}`);
  const h = (n - 1) * q;
  if (h >= n - 1) return sorted[n - 1] as number;
  const i = Math.floor(h);
  const g = h - i;
  const a = sorted[i] as number;
  const b = sorted[i + 1] as number;
  const diff = b - a;
  return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
}

/**
 * Inner bin edges from the reference quantiles: the distinct values, ascending, of
 * `numpy.quantile(reference, [k/bins for k in 1..bins−1], method='linear')` (q_k = k/bins as a double).
 * With ties in the reference, coinciding quantiles merge, so there may be fewer than bins − 1 edges.
 */
export function referenceQuantileEdges(reference: ArrayLike<number>, bins = 10): Float64Array {
  if (!Number.isInteger(bins) || bins < 2)
    throw new Error('referenceQuantileEdges: bins must be an integer ≥ 2');
  const sorted = finiteSample(reference, 'referenceQuantileEdges: reference').sort();
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const e = quantileLinear(sorted, k / bins);
    if (edges.length === 0 || e !== edges[edges.length - 1]) edges.push(e);
  }
  return Float64Array.from(edges);
}

/**
 * Counts of `x` in the bins cut by ascending inner `edges`, outer bins open to ±∞:
 * (−∞, e_1), [e_1, e_2), …, [e_m, +∞) — `numpy.bincount(numpy.searchsorted(edges, x, side='right'),
 * minlength=m+1)`. Returns m + 1 counts.
 */
export function quantileBinCounts(x: ArrayLike<number>, edges: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) throw new Error('quantileBinCounts: x contains NaN (drop missing values first)');
    const b = lastEdgeAtOrBelow(edges, v) + 1;
    counts[b] = (counts[b] as number) + 1;
  }
  return counts;
}

export interface CategoryCounts<T> {
  /** The union of categories seen in either sample: numbers ascending if all are numbers, else sorted as strings. */
  categories: T[];
  reference: Float64Array;
  current: Float64Array;
}

/**
 * Counts of each category in `reference` and `current`, aligned over the union of their categories
 * (`numpy.unique(np.concatenate([reference, current]))` order for numbers). Categories are compared with
 * SameValueZero (Map keys), so 1 and '1' are different categories; NaN is rejected (drop missing first).
 */
export function categoryCounts<T extends string | number>(
  reference: ArrayLike<T>,
  current: ArrayLike<T>,
): CategoryCounts<T> {
  const ref = new Map<T, number>();
  const cur = new Map<T, number>();
  const tally = (xs: ArrayLike<T>, into: Map<T, number>) => {
    for (let i = 0; i < xs.length; i++) {
      const v = xs[i] as T;
      if (typeof v === 'number' && Number.isNaN(v))
        throw new Error('categoryCounts: NaN category (drop missing values first)');
      into.set(v, (into.get(v) ?? 0) + 1);
    }
  };
  tally(reference, ref);
  tally(current, cur);
  const categories = [...new Set<T>([...ref.keys(), ...cur.keys()])];
  if (categories.every((c) => typeof c === 'number'))
    categories.sort((a, b) => (a as number) - (b as number));
  else categories.sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  return {
    categories,
    reference: Float64Array.from(categories, (c) => ref.get(c) ?? 0),
    current: Float64Array.from(categories, (c) => cur.get(c) ?? 0),
  };
}
