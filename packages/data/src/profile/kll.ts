/**
 * KLL quantile sketch (Karnin, Lang, Liberty: "Optimal Quantile Approximation in Streams", FOCS 2016).
 *
 * Items live in compactors ("levels"); an item at level h stands for 2^h input values. Level capacities
 * shrink geometrically downwards from the top: cap(h) = max(8, ceil(k * (2/3)^(H-1-h))) for H levels. When the
 * retained items exceed the total capacity, the lowest full level is sorted and compacted: if it holds an odd
 * number of items the smallest stays behind, then every other item of the rest (starting at offset 0 or 1)
 * moves up a level with twice the weight, and the others are dropped. The total weight stays exactly n.
 *
 * Differences from the textbook sketch, both on purpose:
 * - Deterministic: the offset bit comes from a xorshift32 generator seeded with a constant, so the same input
 *   sequence always gives the same sketch (and the same evidence).
 * - Exact mode: until more than `exactLimit` values (default 1024) have been seen, nothing is compacted and the
 *   sketch is simply all values at level 0 (memory stays bounded by max(exactLimit, ~3k) numbers). Small
 *   datasets therefore get exact order statistics; the first compaction turns the buffer into a normal KLL.
 *
 * Quantile definition (exact mode gives exactly this; otherwise it is applied to the weighted retained items):
 * quantile(q) is the smallest value x whose rank (number of values <= x) is >= q * n, with quantile(0) = min and
 * quantile(1) = max. For exact data this is the "nearest rank" / inverted-CDF definition, identical to
 * `numpy.quantile(a, q, method='inverted_cdf')` (numpy >= 1.22), i.e. sorted[max(0, ceil(q*n) - 1)].
 */

export interface KllSketchJson {
  kind: 'kll';
  k: number;
  n: number;
  /** Retained items per level (each sorted ascending); an item at level h has weight 2^h. */
  levels: number[][];
}

export interface KllOptions {
  /** Accuracy parameter: capacity of the top level. Default 200 (about 1.3-1.7% rank error). */
  k?: number;
  /** Keep every value (exact quantiles) until more than this many have been seen. Default 1024. */
  exactLimit?: number;
}

export const KLL_DEFAULT_K = 200;
export const KLL_DEFAULT_EXACT_LIMIT = 1024;
const MIN_LEVEL_CAPACITY = 8;
const RNG_SEED = 0x2545f491;

/** Capacity of a level at depth `depth` below the top (0 = top level). */
function levelCapacity(k: number, depth: number): number {
  if (depth > 30) return MIN_LEVEL_CAPACITY;
  return Math.max(MIN_LEVEL_CAPACITY, Math.ceil((k * 2 ** depth) / 3 ** depth));
}

const byValue = (a: number, b: number) => a - b;

/** Sorts ascending in place: insertion sort for the many small levels, a typed-array sort for big ones. */
function sortNumbers(a: number[]): void {
  const n = a.length;
  if (n > 48) {
    const t = Float64Array.from(a).sort();
    for (let i = 0; i < n; i++) a[i] = t[i] as number;
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= 0 && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

export class KllSketch {
  readonly k: number;
  readonly exactLimit: number;
  private levels: number[][] = [[]];
  private count = 0;
  private retained = 0;
  private capacity: number;
  /** Capacity of each level for the current number of levels. */
  private caps: number[] = [];
  private rng: number;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;
  /** Sorted retained values with cumulative weights, built lazily for queries. */
  private view: { values: Float64Array; cum: Float64Array } | null = null;

  constructor(opts: KllOptions = {}) {
    const k = opts.k ?? KLL_DEFAULT_K;
    if (!Number.isInteger(k) || k < MIN_LEVEL_CAPACITY) {
      throw new RangeError(`KLL k must be an integer >= ${MIN_LEVEL_CAPACITY}, got ${k}`);
    }
    const exactLimit = opts.exactLimit ?? KLL_DEFAULT_EXACT_LIMIT;
    if (!Number.isInteger(exactLimit) || exactLimit < 0) {
      throw new RangeError(`KLL exactLimit must be a non-negative integer, got ${exactLimit}`);
    }
    this.k = k;
    this.exactLimit = exactLimit;
    this.capacity = this.totalCapacity();
    this.rng = RNG_SEED;
  }

  /** Number of values summarised (the total weight of the retained items). */
  get n(): number {
    return this.count;
  }

  /** Smallest value seen (for a deserialized sketch: the smallest retained). NaN when empty. */
  get min(): number {
    return this.count === 0 ? Number.NaN : this.lo;
  }

  /** Largest value seen (for a deserialized sketch: the largest retained). NaN when empty. */
  get max(): number {
    return this.count === 0 ? Number.NaN : this.hi;
  }

  /** True while no compaction has happened: every value is retained and all queries are exact. */
  get isExact(): boolean {
    return this.levels.length === 1;
  }

  /** Number of items currently stored. */
  get size(): number {
    return this.retained;
  }

  update(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`KLL sketch accepts only finite numbers, got ${x}`);
    (this.levels[0] as number[]).push(x);
    this.count++;
    this.retained++;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    this.view = null;
    if (this.overFull()) this.compress();
  }

  /** Adds another sketch's values to this one (the other sketch is not changed). */
  merge(other: KllSketch): void {
    if (other.count === 0) return;
    const src = other.levels.map((l) => l.slice());
    while (this.levels.length < src.length) this.levels.push([]);
    for (let h = 0; h < src.length; h++) {
      const into = this.levels[h] as number[];
      for (const v of src[h] as number[]) into.push(v);
    }
    this.count += other.count;
    this.retained += other.retained;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    this.capacity = this.totalCapacity();
    this.view = null;
    if (this.overFull()) this.compress();
  }

  /**
   * The smallest retained value whose estimated rank (weight of values <= it) is >= q * n; q <= 0 gives the
   * minimum, q >= 1 the maximum. NaN when empty.
   */
  quantile(q: number): number {
    if (Number.isNaN(q)) throw new RangeError('quantile: q is NaN');
    if (this.count === 0) return Number.NaN;
    if (q <= 0) return this.lo;
    if (q >= 1) return this.hi;
    const { values, cum } = this.sorted();
    const target = q * this.count;
    let a = 0;
    let b = cum.length - 1;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if ((cum[mid] as number) >= target) b = mid;
      else a = mid + 1;
    }
    return values[a] as number;
  }

  quantiles(qs: readonly number[]): number[] {
    return qs.map((q) => this.quantile(q));
  }

  /** Estimated number of values <= x. */
  rank(x: number): number {
    return this.weightBelow(x, true);
  }

  /** Estimated number of values < x. */
  rankLess(x: number): number {
    return this.weightBelow(x, false);
  }

  /** Estimated fraction of values <= x (0 when empty). */
  cdf(x: number): number {
    return this.count === 0 ? 0 : this.rank(x) / this.count;
  }

  toJSON(): KllSketchJson {
    return {
      kind: 'kll',
      k: this.k,
      n: this.count,
      levels: this.levels.map((l) => l.slice().sort(byValue)),
    };
  }

  static fromJSON(json: KllSketchJson, opts: Omit<KllOptions, 'k'> = {}): KllSketch {
    if (json.kind !== 'kll') throw new Error(`not a KLL sketch: kind ${String(json.kind)}`);
    const s = new KllSketch({ k: json.k, exactLimit: opts.exactLimit });
    const levels = json.levels.length === 0 ? [[]] : json.levels.map((l) => l.slice());
    let weight = 0;
    let retained = 0;
    for (let h = 0; h < levels.length; h++) {
      for (const v of levels[h] as number[]) {
        if (!Number.isFinite(v)) throw new Error('KLL sketch holds a non-finite item');
        if (v < s.lo) s.lo = v;
        if (v > s.hi) s.hi = v;
      }
      weight += (levels[h] as number[]).length * 2 ** h;
      retained += (levels[h] as number[]).length;
    }
    if (weight !== json.n)
      throw new Error(`KLL sketch is inconsistent: n = ${json.n}, but the items weigh ${weight}`);
    s.levels = levels;
    s.count = json.n;
    s.retained = retained;
    s.capacity = s.totalCapacity();
    s.rng = (RNG_SEED ^ json.n) >>> 0 || RNG_SEED;
    return s;
  }

  private overFull(): boolean {
    return this.levels.length === 1 ? this.retained > this.exactLimit : this.retained > this.capacity;
  }

  /** Recomputes the per-level capacities (after the number of levels changed) and returns their sum. */
  private totalCapacity(): number {
    const H = this.levels.length;
    this.caps = [];
    let total = 0;
    for (let h = 0; h < H; h++) {
      const c = levelCapacity(this.k, H - 1 - h);
      this.caps.push(c);
      total += c;
    }
    return total;
  }

  private compress(): void {
    while (this.overFull()) {
      const H = this.levels.length;
      let h = 0;
      if (H > 1) {
        while (h < H - 1 && (this.levels[h] as number[]).length < (this.caps[h] as number)) h++;
      }
      this.compact(h);
    }
  }

  private compact(h: number): void {
    const items = this.levels[h] as number[];
    sortNumbers(items);
    const odd = items.length % 2;
    if (h + 1 === this.levels.length) {
      this.levels.push([]);
      this.capacity = this.totalCapacity();
    }
    const up = this.levels[h + 1] as number[];
    const before = items.length;
    for (let i = odd + this.nextBit(); i < before; i += 2) up.push(items[i] as number);
    items.length = odd; // an odd item out stays behind: the smallest
    this.retained -= (before - odd) / 2;
  }

  private nextBit(): number {
    let x = this.rng;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.rng = x >>> 0;
    return this.rng >>> 31;
  }

  private sorted(): { values: Float64Array; cum: Float64Array } {
    if (this.view) return this.view;
    const pairs: [number, number][] = [];
    for (let h = 0; h < this.levels.length; h++) {
      const w = 2 ** h;
      for (const v of this.levels[h] as number[]) pairs.push([v, w]);
    }
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const values = new Float64Array(pairs.length);
    const cum = new Float64Array(pairs.length);
    let c = 0;
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i] as [number, number];
      values[i] = p[0];
      c += p[1];
      cum[i] = c;
    }
    this.view = { values, cum };
    return this.view;
  }

  private weightBelow(x: number, inclusive: boolean): number {
    if (this.count === 0) return 0;
    const { values, cum } = this.sorted();
    // number of retained items with value < x (or <= x)
    let a = 0;
    let b = values.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      const v = values[mid] as number;
      if (inclusive ? v <= x : v < x) a = mid + 1;
      else b = mid;
    }
    return a === 0 ? 0 : (cum[a - 1] as number);
  }
}
