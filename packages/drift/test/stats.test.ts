import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Table } from '@regops/core';
import { readCsvTable } from '@regops/data';
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochbergAdjust,
  categoryCounts,
  chiSquareHomogeneity,
  chiSquareSf,
  equalWidthEdges,
  erfc,
  gammaP,
  gammaQ,
  histogramCounts,
  holmAdjust,
  jensenShannonBinned,
  jensenShannonDistance,
  logGamma,
  normalSf,
  normedWassersteinDistance,
  populationStabilityIndex,
  psiNumeric,
  quantileBinCounts,
  quantileLinear,
  referenceQuantileEdges,
  twoProportionZTest,
  wassersteinDistance,
} from '../src/stats/index';

/**
 * Tolerances (the issue asks for statistics to 1e-9 and p-values to 1e-6; we hold p-values to 1e-9):
 * - statistics: |x − ref| ≤ 1e-9·max(1, |ref|), i.e. relative for |ref| ≥ 1, absolute below (distances in
 *   [0, 1], z near 0, PSI and JS values of exactly 0);
 * - p-values and special functions: relative, |x − ref| ≤ 1e-9·ref, at every magnitude down to 1e-300;
 *   where scipy's value is below 1e-300 (underflowed to 0 or subnormal) ours must be below 1e-300 too.
 * Bin edges and bin counts must be identical (same floating-point operations as numpy).
 */
const STAT_TOL = 1e-9;
const P_TOL = 1e-9;

interface PimaRef {
  column: string;
  a: string;
  b: string;
  rate?: 'missing' | 'pos';
}
interface ChiCase {
  name: string;
  pima?: PimaRef;
  categories?: (number | string)[];
  ref: number[];
  cur: number[];
  statistic: number;
  dof: number;
  pvalue: number;
  /** Categories kept after dropping those with both counts 0. */
  kept: number;
}
interface ZCase {
  name: string;
  pima?: PimaRef;
  k1: number;
  n1: number;
  k2: number;
  n2: number;
  z: number;
  pvalue: number;
  chi2_statistic?: number;
  chi2_pvalue?: number;
}
interface WsCase {
  name: string;
  pima?: PimaRef;
  u?: number[];
  v?: number[];
  u_weights?: number[];
  v_weights?: number[];
  distance: number;
  ref_std: number;
  normed: number;
  floored: boolean;
}
interface JsCountsCase {
  name: string;
  pima?: PimaRef;
  p: number[];
  q: number[];
  distance: number;
}
interface BinnedCase {
  name: string;
  pima?: PimaRef;
  a?: number[];
  b?: number[];
  edges: number[];
  ref_counts: number[];
  cur_counts: number[];
  distance?: number;
  psi?: number;
}
interface PsiCountsCase {
  name: string;
  ref: number[];
  cur: number[];
  psi: number;
}
interface MtCase {
  name: string;
  p: number[];
  bh: number[];
  holm: number[];
  bh_reject: boolean[];
  holm_reject: boolean[];
}
interface Fixture {
  scipy: string;
  numpy: string;
  psi_epsilon: number;
  wasserstein_min_std: number;
  alpha: number;
  chi_square: ChiCase[];
  z_test: ZCase[];
  wasserstein: WsCase[];
  js_counts: JsCountsCase[];
  js_binned: BinnedCase[];
  psi_numeric: BinnedCase[];
  psi_counts: PsiCountsCase[];
  multiple_testing: MtCase[];
  special: {
    chi2_sf: { dof: number; x: number; sf: number }[];
    norm_sf: { z: number; sf: number }[];
    erfc: { x: number; erfc: number }[];
    gamma_inc: { a: number; x: number; q: number; p: number }[];
    gammaln: { x: number; value: number }[];
  };
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = JSON.parse(
  readFileSync(`${root}test/fixtures/drift-stats/drift_stats_scipy.json`, 'utf8'),
) as Fixture;

const tables = new Map<string, Promise<Table>>();
function pimaTable(dataset: string): Promise<Table> {
  let t = tables.get(dataset);
  if (!t) {
    t = readCsvTable({
      name: dataset,
      absPath: `${root}examples/pima-diabetes/data/${dataset}.csv`,
      path: `data/${dataset}.csv`,
      delimiter: ',',
      naValues: ['', 'NA'],
    });
    tables.set(dataset, t);
  }
  return t;
}

/** The non-missing values of a Pima column (missing = empty field, dropped, as in the script). */
async function pimaNumeric(dataset: string, column: string): Promise<Float64Array> {
  return (await pimaTable(dataset)).numeric(column).filter((v) => !Number.isNaN(v));
}

async function samples(c: {
  name: string;
  pima?: PimaRef;
  a?: number[];
  b?: number[];
  u?: number[];
  v?: number[];
}) {
  if (c.pima) return [await pimaNumeric(c.pima.a, c.pima.column), await pimaNumeric(c.pima.b, c.pima.column)];
  const a = c.a ?? c.u;
  const b = c.b ?? c.v;
  if (!a || !b) throw new Error(`fixture case ${c.name} has no inputs`);
  return [a, b];
}

const statErr = (x: number, ref: number) => Math.abs(x - ref) / Math.max(1, Math.abs(ref));
const pErr = (x: number, ref: number) => {
  if (x === ref) return 0;
  if (ref < 1e-300) return x < 1e-300 ? 0 : Number.POSITIVE_INFINITY;
  return Math.abs(x - ref) / ref;
};

// Worst observed errors per quantity, printed at the end (the figures quoted in reviews come from here).
const worst: Record<string, number> = {};
function track(key: string, err: number, tol: number): void {
  worst[key] = Math.max(worst[key] ?? 0, err);
  expect(err, key).toBeLessThanOrEqual(tol);
}

describe('hand-worked cases', () => {
  it('chi-square: [10, 20] vs [20, 10] → X² = 4·25/15, dof 1, p = erfc(√(X²/2))', () => {
    const r = chiSquareHomogeneity([10, 20], [20, 10]);
    expect(r.statistic).toBeCloseTo(20 / 3, 14);
    expect(r.dof).toBe(1);
    expect(r.categories).toBe(2);
    expect(pErr(r.pValue, erfc(Math.sqrt(10 / 3)))).toBeLessThan(1e-14);
  });

  it('chi-square: both-zero categories are dropped; one category left is the degenerate case (p = 1)', () => {
    expect(chiSquareHomogeneity([5, 0, 9], [6, 0, 4])).toEqual(chiSquareHomogeneity([5, 9], [6, 4]));
    expect(chiSquareHomogeneity([10, 0], [5, 0])).toEqual({ statistic: 0, dof: 0, pValue: 1, categories: 1 });
  });

  it('z-test: z² equals the 2×2 chi-square statistic and both give the same p', () => {
    const z = twoProportionZTest(12, 40, 25, 50);
    const chi = chiSquareHomogeneity([12, 28], [25, 25]);
    expect(z.z).toBeLessThan(0);
    expect(statErr(z.z * z.z, chi.statistic)).toBeLessThan(1e-14);
    expect(pErr(z.pValue, chi.pValue)).toBeLessThan(1e-13);
    expect(twoProportionZTest(0, 10, 0, 20)).toMatchObject({ z: 0, pValue: 1, pooled: 0 });
    expect(twoProportionZTest(10, 10, 20, 20)).toMatchObject({ z: 0, pValue: 1, pooled: 1 });
  });

  it('Wasserstein: shifting a sample by c moves it by |c|; weights [3,1] vs [2,2] on {0,1} give 1/4', () => {
    expect(wassersteinDistance([0, 1, 3], [5, 6, 8])).toBe(5);
    expect(wassersteinDistance([0, 1], [0, 1], [3, 1], [2, 2])).toBe(0.25);
    expect(wassersteinDistance(new Float64Array([2, 2, 7]), [7, 2, 2])).toBe(0);
  });

  it('normed Wasserstein: divides by the population std; a constant reference uses the 0.001 floor', () => {
    const r = normedWassersteinDistance([1, 3], [4, 6]); // distance 3, std 1
    expect(r).toEqual({ distance: 3, referenceStd: 1, normed: 3, stdFloored: false });
    const c = normedWassersteinDistance([2, 2, 2], [2, 3]);
    expect(c).toMatchObject({ distance: 0.5, referenceStd: 0, stdFloored: true });
    expect(c.normed).toBeCloseTo(500, 9);
    expect(normedWassersteinDistance([2, 2], [3], { minStd: 0.5 }).normed).toBe(2);
  });

  it('Jensen–Shannon (base 2): 0 for proportional counts, 1 for disjoint support', () => {
    expect(jensenShannonDistance([1, 2, 3], [2, 4, 6])).toBe(0);
    expect(jensenShannonDistance([5, 0, 0], [0, 3, 0])).toBe(1);
    // p = (1, 0), q = (1/2, 1/2): m = (3/4, 1/4); JS div = (ln(4/3) + ½ln(2/3) + ½ln 2) / (2 ln 2)
    const js = (Math.log(4 / 3) + 0.5 * Math.log(2 / 3) + 0.5 * Math.log(2)) / (2 * Math.LN2);
    expect(jensenShannonDistance([1, 0], [1, 1])).toBeCloseTo(Math.sqrt(js), 15);
  });

  it('PSI: [50, 50] vs [25, 75] = ¼·ln 2 + ¼·ln 1.5 = ¼·ln 3; a zero proportion becomes 1e-4', () => {
    expect(populationStabilityIndex([50, 50], [25, 75])).toBeCloseTo(0.25 * Math.log(3), 15);
    // r = (1, 0) → (1, 1e-4); c = (0.5, 0.5)
    const expected = (0.5 - 1) * Math.log(0.5) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4);
    expect(populationStabilityIndex([10, 0], [3, 3])).toBeCloseTo(expected, 14);
  });

  it('binning: numpy histogram edges/counts and reference-decile bins', () => {
    const edges = equalWidthEdges([[0, 10]], 10);
    expect(Array.from(edges)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // [e_i, e_{i+1}) except the last bin, which is closed: 10 lands in bin 9 with 9.
    expect(Array.from(histogramCounts([0, 0.5, 1, 9, 10, 11, -1], edges))).toEqual([
      2, 1, 0, 0, 0, 0, 0, 0, 0, 2,
    ]);
    expect(Array.from(equalWidthEdges([[3], [3]], 2))).toEqual([2.5, 3, 3.5]);
    // numpy.quantile([1, 2, 4, 8], 0.5) = 3 (h = 1.5); q = 1 is the maximum.
    expect(quantileLinear(new Float64Array([1, 2, 4, 8]), 0.5)).toBe(3);
    expect(quantileLinear(new Float64Array([1, 2, 4, 8]), 1)).toBe(8);
    // Deciles of 0..10 are 1..9; x = 1 goes right of the edge 1 (searchsorted side='right').
    const dec = referenceQuantileEdges([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Array.from(dec)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(quantileBinCounts([-5, 0.99, 1, 9, 100], dec))).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
    // Ties merge edges: deciles of [0×6, 1×4] are 0,0,0,0,0,0.4,1,1,1 → edges [0, 0.4, 1] (up to rounding).
    expect(referenceQuantileEdges([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]).length).toBe(3);
  });

  it('categoryCounts aligns the union of categories (numbers ascending, else as strings)', () => {
    expect(categoryCounts([3, 1, 1], [2, 3])).toEqual({
      categories: [1, 2, 3],
      reference: Float64Array.from([2, 0, 1]),
      current: Float64Array.from([0, 1, 1]),
    });
    expect(categoryCounts(['neg', 'pos', 'neg'], ['pos']).categories).toEqual(['neg', 'pos']);
  });

  it('Holm and BH on four p-values, worked by hand', () => {
    const p = [0.01, 0.04, 0.03, 0.005];
    // Sorted: 0.005 (×4 = 0.02), 0.01 (×3 = 0.03), 0.03 (×2 = 0.06), 0.04 (×1 = 0.04 → running max 0.06).
    const holm = holmAdjust(p);
    for (const [i, v] of [0.03, 0.06, 0.06, 0.02].entries()) expect(holm.adjusted[i]).toBeCloseTo(v, 15);
    expect(holm.reject).toEqual([true, false, false, true]);
    // BH: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04; running min from the top.
    const bh = benjaminiHochbergAdjust(p);
    for (const [i, v] of [0.02, 0.04, 0.04, 0.02].entries()) expect(bh.adjusted[i]).toBeCloseTo(v, 15);
    expect(bh.reject).toEqual([true, true, true, true]);
    expect(holmAdjust([0.02, 0.5], 0.01).reject).toEqual([false, false]);
    expect(holmAdjust([]).adjusted.length).toBe(0);
  });

  it('rejects bad input with a plain Error', () => {
    expect(() => chiSquareHomogeneity([1, 2], [1])).toThrow(/align/);
    expect(() => chiSquareHomogeneity([1, -2], [1, 1])).toThrow(/≥ 0/);
    expect(() => chiSquareHomogeneity([0, 0], [1, 1])).toThrow(/all entries are 0/);
    expect(() => twoProportionZTest(5, 4, 1, 2)).toThrow(/k1/);
    expect(() => twoProportionZTest(1, 0, 1, 2)).toThrow(/n1/);
    expect(() => wassersteinDistance([1, Number.NaN], [2])).toThrow(/NaN/);
    expect(() => wassersteinDistance([], [2])).toThrow(/empty/);
    expect(() => wassersteinDistance([1, 2], [2], [1])).toThrow(/weights/);
    expect(() => wassersteinDistance([1, 2], [2], [0, 0])).toThrow(/all entries are 0/);
    expect(() => jensenShannonBinned([1, Number.POSITIVE_INFINITY], [2])).toThrow(/finite/);
    expect(() => psiNumeric([1, 2], [Number.NaN])).toThrow(/NaN/);
    expect(() => holmAdjust([0.5, 1.2])).toThrow(/\[0, 1\]/);
    expect(() => benjaminiHochbergAdjust([Number.NaN])).toThrow(/\[0, 1\]/);
  });
});

describe(`drift statistics vs scipy ${fixture.scipy} / numpy ${fixture.numpy} (test/fixtures/drift-stats)`, () => {
  describe('chiSquareHomogeneity = chi2_contingency([ref, cur], correction=False)', () => {
    for (const c of fixture.chi_square) {
      it(c.name, async () => {
        let ref: ArrayLike<number> = c.ref;
        let cur: ArrayLike<number> = c.cur;
        if (c.pima) {
          const [ta, tb] = [await pimaTable(c.pima.a), await pimaTable(c.pima.b)];
          const counts =
            c.pima.column === 'diabetes'
              ? categoryCounts(
                  ta.column('diabetes').map((v) => v ?? ''),
                  tb.column('diabetes').map((v) => v ?? ''),
                )
              : categoryCounts(
                  await pimaNumeric(c.pima.a, c.pima.column),
                  await pimaNumeric(c.pima.b, c.pima.column),
                );
          expect(counts.categories).toEqual(c.categories);
          expect(Array.from(counts.reference)).toEqual(c.ref);
          expect(Array.from(counts.current)).toEqual(c.cur);
          ref = counts.reference;
          cur = counts.current;
        }
        const r = chiSquareHomogeneity(ref, cur);
        expect(r.dof).toBe(c.dof);
        expect(r.categories).toBe(c.kept);
        track('chiSquare.statistic', statErr(r.statistic, c.statistic), STAT_TOL);
        track('chiSquare.p', pErr(r.pValue, c.pvalue), P_TOL);
      });
    }
  });

  describe('twoProportionZTest = Evidently z, p = 2·norm.sf(|z|)', () => {
    for (const c of fixture.z_test) {
      it(c.name, async () => {
        if (c.pima) {
          const { column, a, b, rate } = c.pima;
          const count = async (dataset: string) => {
            const t = await pimaTable(dataset);
            const k =
              rate === 'pos'
                ? t.column(column).filter((v) => v === 'pos').length
                : t.numeric(column).filter((v) => Number.isNaN(v)).length;
            return [k, t.rowCount];
          };
          expect([...(await count(a)), ...(await count(b))]).toEqual([c.k1, c.n1, c.k2, c.n2]);
        }
        const r = twoProportionZTest(c.k1, c.n1, c.k2, c.n2);
        track('zTest.z', statErr(r.z, c.z), STAT_TOL);
        track('zTest.p', pErr(r.pValue, c.pvalue), P_TOL);
        if (c.chi2_statistic !== undefined && c.chi2_pvalue !== undefined) {
          // Independent route: the 2×2 chi-square test without continuity correction.
          track('zTest.z² vs chi2', statErr(r.z * r.z, c.chi2_statistic), STAT_TOL);
          track('zTest.p vs chi2', pErr(r.pValue, c.chi2_pvalue), P_TOL);
        }
      });
    }
  });

  describe('wassersteinDistance = scipy.stats.wasserstein_distance; normed = / max(np.std(ref), 0.001)', () => {
    for (const c of fixture.wasserstein) {
      it(c.name, async () => {
        const [u, v] = await samples(c);
        const d = wassersteinDistance(
          u as ArrayLike<number>,
          v as ArrayLike<number>,
          c.u_weights,
          c.v_weights,
        );
        track('wasserstein.distance', statErr(d, c.distance), STAT_TOL);
        const n = normedWassersteinDistance(u as ArrayLike<number>, v as ArrayLike<number>, {
          ...(c.u_weights ? { referenceWeights: c.u_weights } : {}),
          ...(c.v_weights ? { currentWeights: c.v_weights } : {}),
        });
        expect(n.distance).toBe(d);
        expect(n.stdFloored).toBe(c.floored);
        track('wasserstein.refStd', statErr(n.referenceStd, c.ref_std), STAT_TOL);
        track('wasserstein.normed', statErr(n.normed, c.normed), STAT_TOL);
      });
    }
  });

  describe('jensenShannonDistance = scipy.spatial.distance.jensenshannon(p, q, base=2)', () => {
    for (const c of fixture.js_counts) {
      it(c.name, () => {
        track('jsCounts.distance', statErr(jensenShannonDistance(c.p, c.q), c.distance), STAT_TOL);
      });
    }
  });

  describe('jensenShannonBinned = jensenshannon of np.histogram counts on histogram_bin_edges(pooled, 10)', () => {
    for (const c of fixture.js_binned) {
      it(c.name, async () => {
        const [a, b] = await samples(c);
        const r = jensenShannonBinned(a as ArrayLike<number>, b as ArrayLike<number>);
        expect(Array.from(r.edges)).toEqual(c.edges);
        expect(Array.from(r.reference)).toEqual(c.ref_counts);
        expect(Array.from(r.current)).toEqual(c.cur_counts);
        track('jsBinned.distance', statErr(r.distance, c.distance ?? Number.NaN), STAT_TOL);
      });
    }
  });

  describe('psiNumeric = PSI on np.unique(np.quantile(ref, k/10)) bins, searchsorted side=right, eps 1e-4', () => {
    for (const c of fixture.psi_numeric) {
      it(c.name, async () => {
        const [a, b] = await samples(c);
        const r = psiNumeric(a as ArrayLike<number>, b as ArrayLike<number>);
        expect(Array.from(r.edges)).toEqual(c.edges);
        expect(Array.from(r.reference)).toEqual(c.ref_counts);
        expect(Array.from(r.current)).toEqual(c.cur_counts);
        track('psiNumeric.psi', statErr(r.psi, c.psi ?? Number.NaN), STAT_TOL);
      });
    }
  });

  describe('populationStabilityIndex on count vectors (categorical PSI)', () => {
    for (const c of fixture.psi_counts) {
      it(c.name, () => {
        track('psiCounts.psi', statErr(populationStabilityIndex(c.ref, c.cur), c.psi), STAT_TOL);
      });
    }
  });

  describe('Holm (numpy, from the definition) and BH (scipy.stats.false_discovery_control)', () => {
    for (const c of fixture.multiple_testing) {
      it(c.name, () => {
        const holm = holmAdjust(c.p, fixture.alpha);
        const bh = benjaminiHochbergAdjust(c.p, fixture.alpha);
        c.p.forEach((_, i) => {
          track('holm.adjusted', statErr(holm.adjusted[i] as number, c.holm[i] as number), STAT_TOL);
          track('bh.adjusted', statErr(bh.adjusted[i] as number, c.bh[i] as number), STAT_TOL);
        });
        expect(holm.reject).toEqual(c.holm_reject);
        expect(bh.reject).toEqual(c.bh_reject);
      });
    }
  });

  it('covers the regimes the issue asks for', () => {
    const chi = fixture.chi_square;
    expect(chi.some((c) => c.dof >= 49 && c.pvalue < 1e-12 && c.pvalue > 1e-300)).toBe(true);
    expect(chi.some((c) => c.statistic > 1e4)).toBe(true);
    expect(chi.some((c) => c.dof === 0)).toBe(true);
    expect(fixture.z_test.some((c) => c.pvalue < 1e-12 && c.pvalue > 0)).toBe(true);
    expect(fixture.wasserstein.some((c) => c.u_weights && c.v_weights)).toBe(true);
    expect(fixture.wasserstein.some((c) => c.floored)).toBe(true);
    for (const section of [fixture.chi_square, fixture.z_test, fixture.wasserstein, fixture.js_binned]) {
      expect(section.filter((c) => c.pima).length).toBeGreaterThanOrEqual(4);
    }
    expect(fixture.psi_numeric.filter((c) => c.pima)).toHaveLength(16);
    expect(fixture.special.chi2_sf.some((c) => c.sf < 1e-250)).toBe(true);
  });
});

describe('special functions vs scipy', () => {
  it('chiSquareSf = scipy.stats.chi2.sf on x = chi2.isf(p, dof), p from 0.999 to 1e-300, dof 1..5000', () => {
    for (const { dof, x, sf } of fixture.special.chi2_sf)
      track('chi2.sf', pErr(chiSquareSf(x, dof), sf), P_TOL);
  });

  it('normalSf = scipy.stats.norm.sf; erfc = scipy.special.erfc', () => {
    for (const { z, sf } of fixture.special.norm_sf) track('norm.sf', pErr(normalSf(z), sf), P_TOL);
    for (const { x, erfc: e } of fixture.special.erfc) track('erfc', pErr(erfc(x), e), P_TOL);
  });

  it('gammaQ / gammaP = scipy.special.gammaincc / gammainc', () => {
    for (const { a, x, q, p } of fixture.special.gamma_inc) {
      track('gammaincc', pErr(gammaQ(a, x), q), P_TOL);
      track('gammainc', pErr(gammaP(a, x), p), P_TOL);
    }
  });

  it('logGamma = scipy.special.gammaln (absolute error relative to max(1, |value|))', () => {
    for (const { x, value } of fixture.special.gammaln) track('gammaln', statErr(logGamma(x), value), 1e-13);
  });

  it('prints the worst errors observed against scipy', () => {
    console.log(`drift stats worst errors vs scipy/numpy: ${JSON.stringify(worst, null, 1)}`);
    expect(Object.keys(worst).length).toBeGreaterThan(10);
  });
});
