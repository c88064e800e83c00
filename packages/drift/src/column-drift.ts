/**
 * Drift of one column between a reference and a current sample: which test to use, the test itself, and the
 * missingness comparison. Pure functions over cell texts; the check (drift-feature.ts) adds the multiple-
 * testing correction across columns and turns the numbers into results.
 *
 * Default method ("auto"), after Evidently's rule, by the column's kind and the reference size:
 *   - numeric: every non-missing cell parses as a finite number and there are more than 5 distinct values
 *     (over both sides); otherwise the column is categorical (a numeric code with ≤ 5 values is a category).
 *   - numeric, reference ≤ 1000 values: two-sample Kolmogorov–Smirnov (p-value);
 *     above: Wasserstein distance normed by the reference standard deviation (threshold 0.1).
 *   - categorical with exactly 2 categories, reference ≤ 1000: two-proportion Z-test (p-value);
 *     other categorical, reference ≤ 1000: chi-square test of homogeneity (p-value);
 *     above 1000: Jensen–Shannon distance of the category frequencies (threshold 0.1).
 * Rationale: with large samples every p-value test rejects for differences too small to matter, so above
 * 1000 rows a distance with a fixed threshold is used instead.
 */
import { ksTwoSample } from './ks';
import {
  categoryCounts,
  chiSquareHomogeneity,
  equalWidthEdges,
  histogramCounts,
  jensenShannonBinned,
  jensenShannonDistance,
  normedWassersteinDistance,
  populationStabilityIndex,
  psiNumeric,
  twoProportionZTest,
} from './stats';

export const DRIFT_METHODS = [
  'auto',
  'ks',
  'chi_square',
  'z',
  'wasserstein',
  'jensen_shannon',
  'psi',
] as const;
export type DriftMethodOption = (typeof DRIFT_METHODS)[number];
export type DriftMethod = Exclude<DriftMethodOption, 'auto'>;

/** Methods whose decision is a p-value (corrected across the family); the others compare a distance with a threshold. */
export const P_VALUE_METHODS: readonly DriftMethod[] = ['ks', 'chi_square', 'z'];

/** Default drift thresholds of the distance methods (a column drifts when the distance is ≥ the threshold). */
export const DEFAULT_DISTANCE_THRESHOLD: Record<'wasserstein' | 'jensen_shannon' | 'psi', number> = {
  wasserstein: 0.1,
  jensen_shannon: 0.1,
  psi: 0.1,
};

/** Reference size up to which "auto" uses a p-value test. */
export const AUTO_SMALL_N = 1000;
/** Up to this many distinct values a numeric column counts as categorical. */
export const AUTO_MAX_CATEGORIES_AS_NUMBER = 5;

const STATISTIC_NAME: Record<DriftMethod, string> = {
  ks: 'ks_statistic',
  chi_square: 'chi_square',
  z: 'z',
  wasserstein: 'wasserstein_normed',
  jensen_shannon: 'jensen_shannon',
  psi: 'psi',
};

export const METHOD_LABEL: Record<DriftMethod, string> = {
  ks: 'KS',
  chi_square: 'chi-square',
  z: 'Z-test',
  wasserstein: 'Wasserstein (normed)',
  jensen_shannon: 'Jensen–Shannon',
  psi: 'PSI',
};

/** One side of a column: its cells split into values and missing. */
export interface ColumnSide {
  rows: number;
  missing: number;
  /** Cell texts of the non-missing cells. */
  texts: string[];
  /** The same cells as numbers, or null when some cell is not a finite number. */
  numbers: Float64Array | null;
}

export function columnSide(cells: readonly (string | null)[]): ColumnSide {
  const texts: string[] = [];
  for (const c of cells) if (c !== null && c.trim() !== '') texts.push(c);
  let numbers: Float64Array | null = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const v = Number(texts[i]);
    if (!Number.isFinite(v)) {
      numbers = null;
      break;
    }
    numbers[i] = v;
  }
  return { rows: cells.length, missing: cells.length - texts.length, texts, numbers };
}

export type ColumnKind = 'numeric' | 'categorical';

/**
 * The categories of a column's cells on both sides, spelled the same way on both: numbers by value (1 and 1.0
 * are one category) when every cell of BOTH sides is a number, otherwise the text as written, so one text cell
 * on one side does not split "3" and "3.0" into two categories there only.
 */
function categoriesOf(ref: ColumnSide, cur: ColumnSide): [string[], string[]] {
  const byValue = ref.numbers !== null && cur.numbers !== null;
  const spell = (side: ColumnSide) =>
    byValue ? Array.from(side.numbers as Float64Array, (v) => String(v)) : side.texts;
  return [spell(ref), spell(cur)];
}

/** Kind of the column over both sides, and the number of distinct values. */
export function columnKind(ref: ColumnSide, cur: ColumnSide): { kind: ColumnKind; distinct: number } {
  const numeric = ref.numbers !== null && cur.numbers !== null;
  let distinct: number;
  if (numeric) {
    // Numbers counted by value, without building a string per cell.
    const seen = new Set<number>();
    for (const side of [ref, cur]) for (const v of side.numbers as Float64Array) seen.add(v === 0 ? 0 : v);
    distinct = seen.size;
  } else {
    distinct = new Set([...ref.texts, ...cur.texts]).size;
  }
  return {
    kind: numeric && distinct > AUTO_MAX_CATEGORIES_AS_NUMBER ? 'numeric' : 'categorical',
    distinct,
  };
}

/** The method "auto" picks, with the rule in words. */
export function autoMethod(
  kind: ColumnKind,
  distinct: number,
  nReference: number,
): { method: DriftMethod; rule: string } {
  const small = nReference <= AUTO_SMALL_N;
  const size = `${nReference} reference value(s) ${small ? '≤' : '>'} ${AUTO_SMALL_N}`;
  if (kind === 'numeric') {
    return small
      ? { method: 'ks', rule: `numeric, ${size}` }
      : { method: 'wasserstein', rule: `numeric, ${size}` };
  }
  if (!small) return { method: 'jensen_shannon', rule: `categorical, ${size}` };
  return distinct === 2
    ? { method: 'z', rule: `binary (2 categories), ${size}` }
    : { method: 'chi_square', rule: `categorical (${distinct} categories), ${size}` };
}

export interface ColumnTest {
  method: DriftMethod;
  statistic_name: string;
  statistic: number;
  /** Raw p-value for p-value methods; null for distances. */
  p_value: number | null;
  /** Distance methods: drift when statistic ≥ threshold. */
  threshold: number | null;
}

/** A method that does not fit the column's kind; the message says which methods do. */
export class MethodMismatch extends Error {}

/** MethodMismatch when a numbers-only method (KS, Wasserstein) meets a column that holds text. */
export function requireNumbers(method: DriftMethod, numeric: boolean): void {
  if ((method === 'ks' || method === 'wasserstein') && !numeric) {
    throw new MethodMismatch(
      `${METHOD_LABEL[method]} needs numbers, and the column holds text; use chi_square, jensen_shannon or psi`,
    );
  }
}

/** A column's test result: p-value methods carry the p-value, distance methods the threshold they are judged by. */
export function columnTest(
  method: DriftMethod,
  statistic: number,
  p: number | null,
  threshold?: number,
): ColumnTest {
  return {
    method,
    statistic_name: STATISTIC_NAME[method],
    statistic,
    p_value: p,
    threshold:
      p === null
        ? (threshold ?? DEFAULT_DISTANCE_THRESHOLD[method as keyof typeof DEFAULT_DISTANCE_THRESHOLD])
        : null,
  };
}

/** Run `method` on the two sides. Numeric methods need numbers on both sides; z needs exactly 2 categories. */
export function testColumn(
  method: DriftMethod,
  ref: ColumnSide,
  cur: ColumnSide,
  kind: ColumnKind,
  threshold?: number,
): ColumnTest {
  const numeric = ref.numbers !== null && cur.numbers !== null;
  requireNumbers(method, numeric);
  const out = (statistic: number, p: number | null) => columnTest(method, statistic, p, threshold);
  const r = ref.numbers as Float64Array;
  const c = cur.numbers as Float64Array;
  // Distances of numeric columns bin the numbers; of categorical ones, count the categories.
  const asNumbers = numeric && kind === 'numeric';
  const counts = () => categoryCounts(...categoriesOf(ref, cur));
  switch (method) {
    case 'ks': {
      const ks = ksTwoSample(r, c);
      return out(ks.statistic, ks.pValue);
    }
    case 'wasserstein':
      return out(normedWassersteinDistance(r, c).normed, null);
    case 'jensen_shannon': {
      if (asNumbers) return out(jensenShannonBinned(r, c).distance, null);
      const k = counts();
      return out(jensenShannonDistance(k.reference, k.current), null);
    }
    case 'psi': {
      if (asNumbers) return out(psiNumeric(r, c).psi, null);
      const k = counts();
      return out(populationStabilityIndex(k.reference, k.current), null);
    }
    case 'chi_square': {
      const k = counts();
      const chi = chiSquareHomogeneity(k.reference, k.current);
      return out(chi.statistic, chi.pValue);
    }
    case 'z': {
      const k = counts();
      if (k.categories.length !== 2) {
        throw new MethodMismatch(
          `the Z-test compares the share of one of 2 categories, and the column has ${k.categories.length}; use chi_square`,
        );
      }
      const z = twoProportionZTest(
        k.reference[0] as number,
        ref.texts.length,
        k.current[0] as number,
        cur.texts.length,
      );
      return out(z.z, z.pValue);
    }
  }
}

/** Missing share on each side, and the two-proportion Z-test p-value (null when neither side has a missing cell). */
export function missingnessTest(
  ref: ColumnSide,
  cur: ColumnSide,
): { reference: number; current: number; p_value: number | null } {
  const reference = ref.rows === 0 ? 0 : ref.missing / ref.rows;
  const current = cur.rows === 0 ? 0 : cur.missing / cur.rows;
  if (ref.missing + cur.missing === 0 || ref.rows === 0 || cur.rows === 0)
    return { reference, current, p_value: null };
  return {
    reference,
    current,
    p_value: twoProportionZTest(ref.missing, ref.rows, cur.missing, cur.rows).pValue,
  };
}

/** Categories present in the current data and never in the reference (categorical columns). */
export function newCategories(ref: ColumnSide, cur: ColumnSide): { values: string[]; rows: number } {
  const [r, c] = categoriesOf(ref, cur);
  const seen = new Set(r);
  const fresh = new Map<string, number>();
  for (const x of c) if (!seen.has(x)) fresh.set(x, (fresh.get(x) ?? 0) + 1);
  let rows = 0;
  for (const n of fresh.values()) rows += n;
  return { values: [...fresh.keys()].sort(), rows };
}

/** What the evidence keeps for charts: counts on common bins (numeric) or per category (at most `maxCategories`). */
export function chartData(
  ref: ColumnSide,
  cur: ColumnSide,
  kind: ColumnKind,
  maxCategories = 20,
):
  | { kind: 'histogram'; edges: number[]; reference: number[]; current: number[] }
  | {
      kind: 'categories';
      categories: string[];
      reference: number[];
      current: number[];
      other: [number, number];
    } {
  if (kind === 'numeric' && ref.numbers && cur.numbers && ref.numbers.length + cur.numbers.length > 0) {
    const edges = equalWidthEdges(
      [ref.numbers, cur.numbers].filter((x) => x.length > 0),
      10,
    );
    return {
      kind: 'histogram',
      edges: [...edges],
      reference: [...histogramCounts(ref.numbers, edges)],
      current: [...histogramCounts(cur.numbers, edges)],
    };
  }
  const k = categoryCounts(...categoriesOf(ref, cur));
  const order = k.categories
    .map((c, i) => ({ c, i, n: (k.reference[i] as number) + (k.current[i] as number) }))
    .sort((a, b) => b.n - a.n || (a.c < b.c ? -1 : 1));
  const kept = order.slice(0, maxCategories);
  const rest = order.slice(maxCategories);
  return {
    kind: 'categories',
    categories: kept.map((x) => x.c),
    reference: kept.map((x) => k.reference[x.i] as number),
    current: kept.map((x) => k.current[x.i] as number),
    other: [
      rest.reduce((s, x) => s + (k.reference[x.i] as number), 0),
      rest.reduce((s, x) => s + (k.current[x.i] as number), 0),
    ],
  };
}
