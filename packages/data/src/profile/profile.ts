import type { ColumnProfile, DatasetProfile, NumericSummary } from '@regops/core';
import { mask } from '../mask';
import type { Cell, RowBatch, RowVisitor } from '../types';
import { DISTINCT_EXACT_LIMIT, DistinctCounter } from './distinct';
import { KLL_DEFAULT_EXACT_LIMIT, KLL_DEFAULT_K, KllSketch } from './kll';
import { SpaceSaving, TOPK_CAPACITY, TOPK_REPORTED } from './topk';

/** Quantiles reported in every numeric summary. */
export const PROFILE_QUANTILES: readonly number[] = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1];
export const PROFILE_HISTOGRAM_BINS = 20;
/** A column gets a numeric summary when at least this share of its non-missing cells are numbers. */
export const NUMERIC_SHARE = 0.9;

export interface ProfileOptions {
  /** KLL accuracy parameter (default 200). */
  kllK?: number;
  /** KLL stays exact up to this many numeric values per column (default 1024). */
  kllExactLimit?: number;
  /** Space-Saving counters per column (default 20). */
  topCapacity?: number;
  /** Top values reported per column (default 10). */
  topReported?: number;
  /** Distinct counts are exact up to this many distinct values, then HyperLogLog (default 10 000). */
  distinctLimit?: number;
}

export type CellType = 'integer' | 'number' | 'boolean' | 'string';

const BOOLEANS = new Set(['true', 'false', 'TRUE', 'FALSE', 'True', 'False']);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSign = (c: number) => c === 43 || c === 45;

/**
 * The value of a decimal number text, or NaN. Grammar (after trimming whitespace as String.prototype.trim
 * does): [+-] digits [. digits] [(e|E) [+-] digits], with at least one mantissa digit ("5.", ".5" are fine);
 * no hex/binary/octal literals, no Infinity/NaN, no thousands separators; values that overflow to ±Infinity
 * are not numbers.
 */
export function parseDecimal(text: string): number {
  let s = text;
  const n0 = s.length;
  if (n0 === 0) return Number.NaN;
  const first = s.charCodeAt(0);
  const lastc = s.charCodeAt(n0 - 1);
  if (first <= 32 || first >= 127 || lastc <= 32 || lastc >= 127) s = s.trim();
  const n = s.length;
  let i = 0;
  if (isSign(s.charCodeAt(0))) i++;
  let digits = 0;
  while (i < n && isDigit(s.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    while (i < n && isDigit(s.charCodeAt(i))) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return Number.NaN;
  if (i < n && (s.charCodeAt(i) | 32) === 101) {
    i++;
    if (i < n && isSign(s.charCodeAt(i))) i++;
    let exp = 0;
    while (i < n && isDigit(s.charCodeAt(i))) {
      i++;
      exp++;
    }
    if (exp === 0) return Number.NaN;
  }
  if (i !== n) return Number.NaN;
  const v = Number(s);
  return Number.isFinite(v) ? v : Number.NaN;
}

/**
 * The type one non-missing cell parses as (surrounding whitespace ignored): 'integer' a finite decimal number
 * (see parseDecimal) with an integral value ("3", "3.0", "1e3"), 'number' any other finite decimal number,
 * 'boolean' true/false/TRUE/FALSE/True/False, else 'string'. `value` is the number, NaN for the others.
 */
export function classifyCell(text: string): { type: CellType; value: number } {
  const v = parseDecimal(text);
  if (!Number.isNaN(v)) return { type: Number.isInteger(v) ? 'integer' : 'number', value: v };
  return { type: BOOLEANS.has(text.trim()) ? 'boolean' : 'string', value: Number.NaN };
}

class ColumnState {
  missing = 0;
  integer = 0;
  number = 0;
  boolean = 0;
  string = 0;
  /** Welford running mean and sum of squared deviations, over the numeric cells. */
  mean = 0;
  m2 = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  readonly kll: KllSketch;
  readonly distinct: DistinctCounter;
  readonly top: SpaceSaving;

  constructor(o: Required<ProfileOptions>) {
    this.kll = new KllSketch({ k: o.kllK, exactLimit: o.kllExactLimit });
    this.distinct = new DistinctCounter(o.distinctLimit);
    this.top = new SpaceSaving(o.topCapacity);
  }

  add(text: string): void {
    this.top.add(text);
    const value = parseDecimal(text);
    if (Number.isNaN(value)) {
      if (BOOLEANS.has(text.trim())) this.boolean++;
      else this.string++;
      this.distinct.add(text);
      return;
    }
    if (Number.isInteger(value)) this.integer++;
    else this.number++;
    const n = this.integer + this.number;
    const d = value - this.mean;
    this.mean += d / n;
    this.m2 += d * (value - this.mean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    this.kll.update(value);
    // by value: "1", "1.0" and "1e0" are one distinct value
    this.distinct.addNumber(value);
  }
}

/**
 * One-pass profile of a dataset (a RowVisitor for the shared scan). Memory per column is bounded: a KLL sketch,
 * a distinct counter (Set up to 10 000 keys, then a 4 KB HyperLogLog) and 20 Space-Saving counters; no column's
 * values are stored beyond that. A missing cell is `null` (or absent, in a row shorter than the header); cells
 * beyond the header are ignored. The result depends only on the sequence of rows, not on how they are batched.
 */
export class ProfileBuilder implements RowVisitor {
  readonly dataset: string;
  readonly header: readonly string[];
  private readonly opts: Required<ProfileOptions>;
  private readonly columns: ColumnState[];
  private rows = 0;
  /** missing cells per row → number of rows */
  private readonly missingPerRow = new Map<number, number>();

  constructor(dataset: string, header: string[], options: ProfileOptions = {}) {
    this.dataset = dataset;
    this.header = header.slice();
    this.opts = {
      kllK: options.kllK ?? KLL_DEFAULT_K,
      kllExactLimit: options.kllExactLimit ?? KLL_DEFAULT_EXACT_LIMIT,
      topCapacity: options.topCapacity ?? TOPK_CAPACITY,
      topReported: options.topReported ?? TOPK_REPORTED,
      distinctLimit: options.distinctLimit ?? DISTINCT_EXACT_LIMIT,
    };
    this.columns = this.header.map(() => new ColumnState(this.opts));
  }

  batch(b: RowBatch): void {
    const ncol = this.columns.length;
    for (const row of b.rows) {
      let missing = 0;
      for (let c = 0; c < ncol; c++) {
        const cell: Cell | undefined = row[c];
        const col = this.columns[c] as ColumnState;
        if (cell === null || cell === undefined) {
          col.missing++;
          missing++;
        } else {
          col.add(cell);
        }
      }
      this.rows++;
      this.missingPerRow.set(missing, (this.missingPerRow.get(missing) ?? 0) + 1);
    }
  }

  /**
   * The profile. Columns named in `sensitive` carry no values: `numeric` is null (no min/max/quantiles/sketch)
   * and top values appear only as `mask(value)`; if such a column is mostly numeric, `top` is null too.
   * `numeric` is also null for a mostly-numeric column whose mean/std overflow float64 (|values| > ~1e154).
   * Does not change the builder (it can be called again, or more batches added).
   */
  finish(sensitive: ReadonlySet<string> = new Set()): DatasetProfile {
    const columns = this.header.map((name, i) =>
      this.columnProfile(name, this.columns[i] as ColumnState, sensitive.has(name)),
    );
    const missing_per_row = [...this.missingPerRow]
      .sort((a, b) => a[0] - b[0])
      .map(([missing, rows]) => ({ missing, rows }));
    return { dataset: this.dataset, rows: this.rows, columns, missing_per_row };
  }

  private columnProfile(name: string, s: ColumnState, isSensitive: boolean): ColumnProfile {
    const numericCount = s.integer + s.number;
    const count = numericCount + s.boolean + s.string;
    const mostlyNumeric = count > 0 && numericCount >= NUMERIC_SHARE * count;
    let top: ColumnProfile['top'] = null;
    if (!mostlyNumeric) {
      const limit = this.opts.topReported;
      if (isSensitive) {
        // mask first, then order (count, then masked text) and cut, so the raw values decide nothing
        top = s.top
          .top(Number.POSITIVE_INFINITY)
          .map((t) => ({ value: mask(t.value), count: t.count }))
          .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
          .slice(0, limit);
      } else {
        top = s.top.top(limit).map((t) => ({ value: t.value, count: t.count }));
      }
    }
    return {
      name,
      count,
      missing: s.missing,
      inferred_type: inferType(s),
      type_counts: { integer: s.integer, number: s.number, boolean: s.boolean, string: s.string },
      sensitive: isSensitive,
      distinct: s.distinct.result(),
      numeric: mostlyNumeric && !isSensitive ? numericSummary(s) : null,
      top,
    };
  }
}

/**
 * The plurality type of the non-missing cells, integers counting as numbers: numbers win → 'integer' when all
 * are integral, else 'number'. Ties go to 'string', then numbers, then 'boolean'. No cells → 'empty'.
 */
function inferType(s: ColumnState): ColumnProfile['inferred_type'] {
  const numeric = s.integer + s.number;
  if (numeric + s.boolean + s.string === 0) return 'empty';
  if (s.string >= numeric && s.string >= s.boolean) return 'string';
  if (numeric >= s.boolean) return s.number > 0 ? 'number' : 'integer';
  return 'boolean';
}

/** Null when the moments overflowed float64 (values beyond about ±1e154, whose squares overflow). */
function numericSummary(s: ColumnState): NumericSummary | null {
  const n = s.integer + s.number;
  const kll = s.kll;
  const std = n > 1 ? Math.sqrt(s.m2 / (n - 1)) : 0;
  if (!Number.isFinite(s.mean) || !Number.isFinite(std)) return null;
  return {
    count: n,
    min: s.min,
    max: s.max,
    mean: s.mean,
    std,
    quantiles: PROFILE_QUANTILES.map((q) => ({ q, value: kll.quantile(q) })),
    histogram: sketchHistogram(kll, s.min, s.max, PROFILE_HISTOGRAM_BINS),
    sketch: kll.toJSON(),
  };
}

/**
 * `bins` equal-width bins from min to max with counts from the sketch: bin i is [e_i, e_i+1), the last one
 * also includes max. Edges are e_i = min + i * (max - min) / bins (e_bins = max); when min = max the range is
 * widened to [min - 0.5, max + 0.5]. For an exact sketch this is `numpy.histogram(x, bins)` exactly.
 */
export function sketchHistogram(
  kll: KllSketch,
  min: number,
  max: number,
  bins = PROFILE_HISTOGRAM_BINS,
): { edges: number[]; counts: number[] } {
  let lo = min;
  let hi = max;
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const step = Number.isFinite(hi - lo) ? (hi - lo) / bins : hi / bins - lo / bins;
  const edges: number[] = [];
  for (let i = 0; i < bins; i++) edges.push(i * step + lo);
  edges.push(hi);
  const counts: number[] = [];
  let below = 0;
  for (let i = 0; i < bins; i++) {
    const next = i === bins - 1 ? kll.n : kll.rankLess(edges[i + 1] as number);
    counts.push(next - below);
    below = next;
  }
  return { edges, counts };
}
