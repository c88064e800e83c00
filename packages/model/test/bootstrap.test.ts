import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bcaInterval,
  bootstrapCi,
  intervalFromDistribution,
  jackknifeGroups,
  leaveOneOut,
  normalCdf,
  normalQuantile,
  percentileInterval,
  quantileType7,
  resampleStatistic,
  type Statistic,
  sortSample,
  statistics,
  weightedAuroc,
  weightedBrier,
  weightedConfusion,
} from '../src/bootstrap';
import { auroc, confusionAt } from '../src/metrics';
import { Xoshiro128 } from '../src/random';

// ---------------------------------------------------------------------------------------------------------
// Fixture (scripts/fixtures/make_bootstrap_fixture.py)

interface Intervals {
  percentile: { low: number; high: number };
  bca: { low: number; high: number; z0: number; acceleration: number; alpha_low: number; alpha_high: number };
}

interface FormulaCase extends Intervals {
  name: string;
  level: number;
  point: number;
  theta_b: number[];
  jackknife: number[][];
}

type StatName = 'auroc' | 'sensitivity' | 'specificity' | 'ppv' | 'npv' | 'accuracy' | 'brier';

interface DataCase extends Intervals {
  name: string;
  statistic: StatName;
  threshold: number | null;
  stratified: boolean;
  level: number;
  point: number;
  loo: number[];
  theta_b: number[];
}

interface ReplayCase extends Omit<Intervals, 'bca'> {
  bca?: Intervals['bca'];
  name: string;
  statistic: StatName;
  threshold: number | null;
  stratified: boolean;
  resamples: number;
  seed: number;
  level: number;
  point: number;
  skipped: number;
  se: number;
  first_values: number[];
  scores?: number[];
  labels?: number[];
}

interface Fixture {
  scipy: string;
  rng: {
    reference_state_1234: number[];
    seeds: {
      seed: number;
      state: number[];
      u32: number[];
      ints: { n: number; values: number[] }[];
      floats: number[];
    }[];
  };
  normal: { ndtr: { x: number; p: number; p_mpmath: number | null }[]; ndtri: { p: number; x: number }[] };
  formula_cases: FormulaCase[];
  data: { scores: number[]; labels: number[] };
  data_cases: DataCase[];
  replay_cases: ReplayCase[];
  monte_carlo: {
    method: 'percentile' | 'bca';
    resamples: number;
    low: number;
    high: number;
    se: number;
  }[];
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = JSON.parse(
  readFileSync(`${root}test/fixtures/bootstrap/bootstrap_reference.json`, 'utf8'),
) as Fixture;

function statisticFor(name: StatName, t: number | null): Statistic {
  if (name === 'auroc' || name === 'brier') return statistics[name];
  return statistics[name](t as number);
}

const absErr = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b));
const relErr = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));

/** The data with row i repeated counts[i] times (for checks against the unweighted metrics). */
function repeatRows(scores: ArrayLike<number>, labels: ArrayLike<number>, counts: ArrayLike<number>) {
  const s: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    for (let c = 0; c < (counts[i] as number); c++) {
      s.push(scores[i] as number);
      y.push(labels[i] as number);
    }
  }
  return { s, y };
}

/** Random data with many ties (scores on a coarse grid) and random counts (zeros included). */
function randomWeightedCase(rng: Xoshiro128, n: number, grid: number) {
  const scores = Array.from({ length: n }, () => rng.int(grid) / grid);
  const labels = Array.from({ length: n }, () => rng.int(2));
  labels[0] = 1;
  labels[1] = 0;
  const sample = sortSample(scores, labels);
  const counts = Uint32Array.from({ length: n }, () => rng.int(4));
  counts[sample.positives[0] as number] = 1 + rng.int(3);
  counts[sample.negatives[0] as number] = 1 + rng.int(3);
  return { sample, counts };
}

// ---------------------------------------------------------------------------------------------------------

describe('Xoshiro128 (random.ts) vs the reference and a Python mirror', () => {
  it('reproduces the published xoshiro128** outputs from state (1, 2, 3, 4)', () => {
    const g = Xoshiro128.fromState([1, 2, 3, 4]);
    const got = fixture.rng.reference_state_1234.map(() => g.nextU32());
    expect(got).toEqual(fixture.rng.reference_state_1234);
  });

  it('seed expansion, raw outputs, unbiased ints (both code paths) and floats match the Python mirror', () => {
    for (const c of fixture.rng.seeds) {
      const g = new Xoshiro128(c.seed);
      expect(g.state(), `seed ${c.seed}`).toEqual(c.state);
      expect(c.u32.map(() => g.nextU32())).toEqual(c.u32);
      const h = new Xoshiro128(c.seed);
      for (const { n, values } of c.ints)
        expect(
          values.map(() => h.int(n)),
          `seed ${c.seed}, n ${n}`,
        ).toEqual(values);
      const f = new Xoshiro128(c.seed);
      expect(c.floats.map(() => f.float())).toEqual(c.floats);
    }
  });

  it('fillInts gives the same values and leaves the same state as repeated int()', () => {
    for (const n of [1, 7, 1000, 2 ** 21, 2 ** 21 + 1, 2 ** 32]) {
      const a = new Xoshiro128(99);
      const b = new Xoshiro128(99);
      const bulk = a.fillInts(n, new Uint32Array(5000));
      const one = Array.from({ length: 5000 }, () => b.int(n));
      expect(Array.from(bulk)).toEqual(one);
      expect(a.state()).toEqual(b.state());
    }
  });

  it('ints are uniform (chi-square over 10 cells) and floats lie in [0, 1)', () => {
    const g = new Xoshiro128(3);
    const cells = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) cells[g.int(10)]++;
    const chi2 = cells.reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(27.9); // χ²(9) 99.9th percentile
    for (let i = 0; i < 10_000; i++) {
      const u = g.float();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });

  it('rejects bad seeds and arguments', () => {
    expect(() => new Xoshiro128(-1)).toThrow(RangeError);
    expect(() => new Xoshiro128(1.5)).toThrow(RangeError);
    expect(() => new Xoshiro128(2 ** 53)).toThrow(RangeError);
    expect(() => new Xoshiro128(0).int(0)).toThrow(RangeError);
    expect(() => new Xoshiro128(0).int(2.5)).toThrow(RangeError);
    expect(() => new Xoshiro128(0).int(2 ** 32 + 1)).toThrow(RangeError);
    expect(() => Xoshiro128.fromState([0, 0, 0, 0])).toThrow(RangeError);
  });
});

describe(`normalCdf / normalQuantile vs scipy ${fixture.scipy} ndtr / ndtri`, () => {
  it('normalCdf: to 1e-15 relative of 50-digit mpmath, to 1e-13 of scipy (whose far tail is less exact)', () => {
    for (const { x, p, p_mpmath } of fixture.normal.ndtr) {
      expect(relErr(normalCdf(x), p), `x = ${x}`).toBeLessThan(1e-13);
      if (p_mpmath !== null) expect(relErr(normalCdf(x), p_mpmath), `x = ${x}`).toBeLessThan(1e-15);
    }
    expect(normalCdf(Number.NaN)).toBeNaN();
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('normalQuantile', () => {
    for (const { p, x } of fixture.normal.ndtri) {
      expect(relErr(normalQuantile(p), x), `p = ${p}`).toBeLessThan(x === 0 ? 1e-300 : 1e-15);
    }
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});

describe('interval formulas on fixed arrays (textbook BCa in numpy, test/fixtures/bootstrap)', () => {
  it('quantileType7 is numpy linear: hand cases', () => {
    const x = [1, 2, 4, 8];
    expect(quantileType7(x, 0)).toBe(1);
    expect(quantileType7(x, 1)).toBe(8);
    expect(quantileType7(x, 0.5)).toBe(3); // h = 1.5
    expect(quantileType7(x, 0.25)).toBe(1.75); // h = 0.75
    expect(quantileType7([5], 0.3)).toBe(5);
    expect(quantileType7([], 0.3)).toBeNaN();
  });

  for (const c of fixture.formula_cases) {
    it(c.name, () => {
      const p = percentileInterval(c.theta_b, c.level);
      expect(absErr(p.low, c.percentile.low)).toBeLessThanOrEqual(1e-12);
      expect(absErr(p.high, c.percentile.high)).toBeLessThanOrEqual(1e-12);
      const b = bcaInterval(c.point, c.theta_b, c.jackknife, c.level);
      expect(absErr(b.z0, c.bca.z0)).toBeLessThanOrEqual(1e-12);
      expect(absErr(b.acceleration, c.bca.acceleration)).toBeLessThanOrEqual(1e-12);
      expect(absErr(b.alphaLow, c.bca.alpha_low)).toBeLessThanOrEqual(1e-12);
      expect(absErr(b.alphaHigh, c.bca.alpha_high)).toBeLessThanOrEqual(1e-12);
      expect(absErr(b.low, c.bca.low)).toBeLessThanOrEqual(1e-12);
      expect(absErr(b.high, c.bca.high)).toBeLessThanOrEqual(1e-12);
    });
  }

  it('BCa throws when every bootstrap value is on one side of the point estimate', () => {
    expect(() => bcaInterval(0, [1, 2, 3], [[1, 2]])).toThrow(/above the point estimate/);
    expect(() => bcaInterval(5, [1, 2, 3], [[1, 2]])).toThrow(/below the point estimate/);
    expect(() => bcaInterval(2, [1, 2, 3], [[1, Number.NaN]])).toThrow(/leave-one-out/);
    expect(() => percentileInterval([1, 2], 1)).toThrow(/level/);
  });
});

describe('weighted statistics over the pre-sorted rows', () => {
  it('sortSample: ascending scores, ties in input order, classes indexed, -0 and 0 tied', () => {
    const s = sortSample([0.5, 0.1, 0.5, -0, 0, 0.9], [1, 0, 0, 1, 0, 1]);
    expect(Array.from(s.order)).toEqual([3, 4, 1, 0, 2, 5]);
    expect(Array.from(s.labels)).toEqual([1, 0, 0, 1, 0, 1]);
    expect(Array.from(s.positives)).toEqual([0, 3, 5]);
    expect(Array.from(s.negatives)).toEqual([1, 2, 4]);
    expect([s.n, s.nPos, s.nNeg]).toEqual([6, 3, 3]);
    // -0 and 0 form one tie group: the pair counts ½.
    expect(weightedAuroc([-0, 0], [1, 0], [1, 1])).toBe(0.5);
    expect(() => sortSample([1, Number.NaN], [0, 1])).toThrow(/NaN/);
    expect(() => sortSample([1, 2], [0, 2])).toThrow(/label 2/);
    expect(() => sortSample([1, 2], [0])).toThrow(/label/);
  });

  it('weightedAuroc with integer counts equals auroc on the repeated rows (200 random cases with ties)', () => {
    const rng = new Xoshiro128(2024);
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + rng.int(60);
      const { sample, counts } = randomWeightedCase(rng, n, 1 + rng.int(12));
      const { s, y } = repeatRows(sample.scores, sample.labels, counts);
      // U is a sum of half-integers in both: identical doubles.
      expect(weightedAuroc(sample.scores, sample.labels, counts)).toBe(auroc(s, y));
    }
  });

  it('weightedAuroc: NaN without one class, all-ones counts give auroc', () => {
    expect(weightedAuroc([0.1, 0.2], [1, 1], [1, 1])).toBeNaN();
    expect(weightedAuroc([0.1, 0.2], [0, 1], [1, 0])).toBeNaN();
    const scores = [0.1, 0.4, 0.35, 0.8];
    const labels = [0, 0, 1, 1];
    const s = sortSample(scores, labels);
    expect(weightedAuroc(s.scores, s.labels, [1, 1, 1, 1])).toBe(0.75);
  });

  it('weighted confusion metrics, F1 and Brier equal the unweighted ones on the repeated rows', () => {
    const rng = new Xoshiro128(77);
    for (let trial = 0; trial < 100; trial++) {
      const { sample, counts } = randomWeightedCase(rng, 2 + rng.int(40), 1 + rng.int(10));
      const { s, y } = repeatRows(sample.scores, sample.labels, counts);
      for (const t of [-1, 0, 0.3, 0.5, 0.55, 1, 2]) {
        const ref = confusionAt(s, y, t);
        const c = weightedConfusion(sample.scores, sample.labels, counts, t);
        expect(c).toEqual({ tp: ref.tp, fp: ref.fp, tn: ref.tn, fn: ref.fn });
        for (const name of ['sensitivity', 'specificity', 'ppv', 'npv', 'accuracy'] as const) {
          const v = statistics[name](t).weighted(sample, counts);
          const want = ref[name];
          if (want === null) expect(v).toBeNaN();
          else expect(v).toBe(want);
        }
        const f1 = statistics.f1(t).weighted(sample, counts);
        if (2 * ref.tp + ref.fp + ref.fn === 0) expect(f1).toBeNaN();
        else expect(f1).toBe((2 * ref.tp) / (2 * ref.tp + ref.fp + ref.fn));
      }
      const brier = s.reduce((acc, v, i) => acc + (v - (y[i] as number)) ** 2, 0) / s.length;
      expect(relErr(weightedBrier(sample.scores, sample.labels, counts), brier)).toBeLessThan(1e-14);
    }
  });
});

describe('leave-one-out (jackknife) values', () => {
  const all: [string, Statistic][] = [
    ['auroc', statistics.auroc],
    ['sensitivity', statistics.sensitivity(0.5)],
    ['specificity', statistics.specificity(0.5)],
    ['ppv', statistics.ppv(0.5)],
    ['npv', statistics.npv(0.5)],
    ['accuracy', statistics.accuracy(0.5)],
    ['f1', statistics.f1(0.5)],
    ['brier', statistics.brier],
  ];

  it('closed forms equal the counts-based fallback (random data with ties)', () => {
    const rng = new Xoshiro128(5);
    for (let trial = 0; trial < 40; trial++) {
      const n = 4 + rng.int(50);
      const grid = 1 + rng.int(10);
      const scores = Array.from({ length: n }, () => rng.int(grid) / grid);
      const labels = Array.from({ length: n }, (_, i) => (i < 2 ? i : rng.int(2)));
      const sample = sortSample(scores, labels);
      for (const [name, stat] of all) {
        const fast = leaveOneOut(sample, stat);
        const slow = leaveOneOut(sample, { name, weighted: stat.weighted });
        for (let i = 0; i < n; i++) {
          const a = fast[i] as number;
          const b = slow[i] as number;
          if (Number.isNaN(b)) expect(a, `${name} row ${i}`).toBeNaN();
          else expect(absErr(a, b), `${name} row ${i}`).toBeLessThanOrEqual(1e-15);
        }
      }
    }
  });

  it('AUROC placement values: O(n) jackknife on 200k rows in well under a second', () => {
    const rng = new Xoshiro128(8);
    const n = 200_000;
    const scores = Float64Array.from({ length: n }, () => Math.round(rng.normal() * 100) / 100);
    const labels = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const sample = sortSample(scores, labels);
    const t0 = performance.now();
    const loo = leaveOneOut(sample, statistics.auroc);
    expect(performance.now() - t0).toBeLessThan(1000);
    // Spot-check a few rows against recomputation without that row.
    const ones = new Uint32Array(n).fill(1);
    for (const i of [0, 1, 12345, 99_999, n - 1]) {
      ones[i] = 0;
      expect(loo[i]).toBe(weightedAuroc(sample.scores, sample.labels, ones));
      ones[i] = 1;
    }
  });
});

describe(`data cases vs brute force and scipy ${fixture.scipy} on a fixed bootstrap distribution`, () => {
  const { scores, labels } = fixture.data;
  const sample = sortSample(scores, labels);
  for (const c of fixture.data_cases) {
    it(c.name, () => {
      const stat = statisticFor(c.statistic, c.threshold);
      const ones = new Uint32Array(sample.n).fill(1);
      expect(absErr(stat.weighted(sample, ones), c.point)).toBeLessThanOrEqual(1e-15);
      // Jackknife: our O(n) values (sorted order) vs recomputation without each row (input order).
      const loo = leaveOneOut(sample, stat);
      for (let i = 0; i < sample.n; i++) {
        expect(absErr(loo[i] as number, c.loo[sample.order[i] as number] as number)).toBeLessThanOrEqual(
          1e-15,
        );
      }
      // Intervals on the stored distribution (the script checked these equal scipy.stats.bootstrap's).
      const p = percentileInterval(c.theta_b, c.level);
      expect(absErr(p.low, c.percentile.low)).toBeLessThanOrEqual(1e-12);
      expect(absErr(p.high, c.percentile.high)).toBeLessThanOrEqual(1e-12);
      const b = bcaInterval(c.point, c.theta_b, jackknifeGroups(sample, stat, c.stratified), c.level);
      expect(absErr(b.z0, c.bca.z0)).toBeLessThanOrEqual(1e-12);
      expect(absErr(b.acceleration, c.bca.acceleration)).toBeLessThanOrEqual(1e-12);
      expect(absErr(b.low, c.bca.low)).toBeLessThanOrEqual(1e-12);
      expect(absErr(b.high, c.bca.high)).toBeLessThanOrEqual(1e-12);
    });
  }
});

describe('bootstrapCi end to end', () => {
  for (const c of fixture.replay_cases) {
    it(`reproduces the Python replay of our resampling scheme: ${c.name}`, () => {
      const scores = c.scores ?? fixture.data.scores;
      const labels = c.labels ?? fixture.data.labels;
      const statistic = statisticFor(c.statistic, c.threshold);
      const opts = { scores, labels, statistic, resamples: c.resamples, seed: c.seed, level: c.level };
      const sample = sortSample(scores, labels);
      const dist = resampleStatistic(sample, statistic, { ...opts, stratified: c.stratified });
      for (let k = 0; k < c.first_values.length; k++) {
        expect(absErr(dist.values[k] as number, c.first_values[k] as number)).toBeLessThanOrEqual(1e-15);
      }
      const pct = bootstrapCi({ ...opts, method: 'percentile', stratified: c.stratified });
      expect(pct.skipped).toBe(c.skipped);
      expect(pct.resamples).toBe(c.resamples);
      expect(absErr(pct.point, c.point)).toBeLessThanOrEqual(1e-15);
      expect(relErr(pct.se, c.se)).toBeLessThanOrEqual(1e-12);
      expect(absErr(pct.low, c.percentile.low)).toBeLessThanOrEqual(1e-12);
      expect(absErr(pct.high, c.percentile.high)).toBeLessThanOrEqual(1e-12);
      if (c.bca) {
        const bca = bootstrapCi({ ...opts, method: 'bca', stratified: c.stratified });
        expect(absErr(bca.low, c.bca.low)).toBeLessThanOrEqual(1e-12);
        expect(absErr(bca.high, c.bca.high)).toBeLessThanOrEqual(1e-12);
        expect(absErr(bca.bca?.acceleration as number, c.bca.acceleration)).toBeLessThanOrEqual(1e-12);
      } else {
        // Unstratified with a single positive: leaving it out makes AUROC undefined.
        expect(() => bootstrapCi({ ...opts, method: 'bca', stratified: c.stratified })).toThrow(
          /leave-one-out/,
        );
      }
    });
  }

  it('unstratified resamples with one class are skipped and counted; stratified never skips AUROC', () => {
    const c = fixture.replay_cases.find((r) => r.labels) as ReplayCase;
    const opts = { scores: c.scores as number[], labels: c.labels as number[], statistic: statistics.auroc };
    const un = bootstrapCi({ ...opts, method: 'percentile', stratified: false, resamples: 1000, seed: 11 });
    // P(no positive among 10 draws) = 0.9^10 ≈ 0.349.
    expect(un.skipped).toBeGreaterThan(300);
    expect(un.skipped).toBeLessThan(400);
    const st = bootstrapCi({ ...opts, method: 'percentile', resamples: 1000, seed: 11 });
    expect(st.skipped).toBe(0);
  });

  it(`agrees with scipy.stats.bootstrap's own resampling (20000 resamples) within Monte Carlo error`, () => {
    const { scores, labels } = fixture.data;
    for (const ref of fixture.monte_carlo) {
      const ci = bootstrapCi({
        scores,
        labels,
        statistic: statistics.auroc,
        resamples: ref.resamples,
        seed: 314,
        method: ref.method,
      });
      // SE ≈ 0.074; the Monte Carlo error of a 2.5% quantile with 20000 resamples is about 0.0015.
      expect(Math.abs(ci.low - ref.low), `${ref.method} low`).toBeLessThan(0.008);
      expect(Math.abs(ci.high - ref.high), `${ref.method} high`).toBeLessThan(0.008);
      expect(relErr(ci.se, ref.se)).toBeLessThan(0.03);
    }
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const { scores, labels } = fixture.data;
    const run = (seed: number) =>
      bootstrapCi({ scores, labels, statistic: statistics.auroc, resamples: 300, seed, method: 'bca' });
    const a = run(42);
    expect(run(42)).toEqual(a);
    expect(run(43)).not.toEqual(a);
    const sample = sortSample(scores, labels);
    const d1 = resampleStatistic(sample, statistics.auroc, { resamples: 300, seed: 42 });
    expect(intervalFromDistribution(sample, statistics.auroc, d1, 'bca')).toEqual(a);
    expect(
      Array.from(resampleStatistic(sample, statistics.auroc, { resamples: 300, seed: 42 }).values),
    ).toEqual(Array.from(d1.values));
  });

  it('input order does not matter (rows with equal scores are resampled by position within ties only)', () => {
    // Permuting rows with distinct scores leaves the sorted sample, hence the result, unchanged.
    const rng = new Xoshiro128(4);
    const n = 60;
    const scores = Array.from({ length: n }, (_, i) => i / n + rng.float() / (2 * n));
    const labels = Array.from({ length: n }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0));
    const perm = Array.from({ length: n }, (_, i) => (i * 17) % n);
    const opts = { statistic: statistics.auroc, resamples: 200, seed: 9, method: 'bca' as const };
    const a = bootstrapCi({ ...opts, scores, labels });
    const b = bootstrapCi({
      ...opts,
      scores: perm.map((i) => scores[i] as number),
      labels: perm.map((i) => labels[i] as number),
    });
    expect(b).toEqual(a);
  });

  it('reports errors clearly', () => {
    const base = { scores: [0.1, 0.9, 0.4], labels: [0, 1, 1], statistic: statistics.auroc };
    expect(() => bootstrapCi({ ...base, labels: [1, 1, 1], method: 'percentile' })).toThrow(
      /auroc is undefined/,
    );
    expect(() => bootstrapCi({ ...base, method: 'percentile', resamples: 0 })).toThrow(/resamples/);
    expect(() => bootstrapCi({ ...base, method: 'percentile', level: 95 })).toThrow(/level/);
    expect(() => bootstrapCi({ ...base, method: 'basic' as 'bca' })).toThrow(/method/);
    expect(() => bootstrapCi({ ...base, method: 'percentile', seed: -3 })).toThrow(/seed/);
    expect(() => statistics.sensitivity(Number.NaN)).toThrow(/threshold/);
    // PPV undefined on the data (nothing predicted positive): no interval.
    expect(() => bootstrapCi({ ...base, statistic: statistics.ppv(2), method: 'percentile' })).toThrow(
      /undefined/,
    );
  });

  it('perfect separation: interval [1, 1], BCa with zero acceleration', () => {
    const scores = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9];
    const labels = [0, 0, 0, 1, 1, 1];
    for (const method of ['percentile', 'bca'] as const) {
      const ci = bootstrapCi({ scores, labels, statistic: statistics.auroc, method, resamples: 200 });
      expect([ci.point, ci.low, ci.high, ci.se]).toEqual([1, 1, 1, 0]);
      if (method === 'bca') expect(ci.bca?.acceleration).toBe(0);
    }
  });
});

describe('coverage simulation (acceptance criterion)', () => {
  // Negatives' scores ~ N(0, 1), positives' ~ N(d, 1): AUROC = Φ(d/√2); d = √2·Φ⁻¹(0.8) gives exactly 0.8.
  // R = 2000 data sets of 100 + 100 rows, 1000 stratified resamples each: the coverage estimate has a
  // binomial standard error of √(0.95·0.05/2000) ≈ 0.5 percentage points, so 93–97% is ±4 SE around 95%.
  // Both intervals are read from the same resamples. Fixed seeds: the outcome is deterministic.
  it('95% percentile interval covers the true AUROC (0.8) in 93–97% of 2000 repetitions', () => {
    const R = 2000;
    const B = 1000;
    const nPerClass = 100;
    const truth = 0.8;
    const d = Math.SQRT2 * normalQuantile(truth);
    expect(normalCdf(d / Math.SQRT2)).toBeCloseTo(truth, 15);
    const scores = new Float64Array(2 * nPerClass);
    const labels = new Uint8Array(2 * nPerClass);
    for (let i = 0; i < nPerClass; i++) labels[i] = 1;
    let coveredPct = 0;
    let coveredBca = 0;
    let widthPct = 0;
    let missLow = 0;
    let missHigh = 0;
    const t0 = performance.now();
    for (let r = 0; r < R; r++) {
      const g = new Xoshiro128(1_000_000 + r);
      for (let i = 0; i < scores.length; i++) scores[i] = g.normal() + (labels[i] === 1 ? d : 0);
      const sample = sortSample(scores, labels);
      const dist = resampleStatistic(sample, statistics.auroc, { resamples: B, seed: r });
      const pct = intervalFromDistribution(sample, statistics.auroc, dist, 'percentile');
      const bca = intervalFromDistribution(sample, statistics.auroc, dist, 'bca');
      if (pct.low <= truth && truth <= pct.high) coveredPct++;
      else if (truth < pct.low) missLow++;
      else missHigh++;
      if (bca.low <= truth && truth <= bca.high) coveredBca++;
      widthPct += pct.high - pct.low;
    }
    const seconds = (performance.now() - t0) / 1000;
    const coverage = coveredPct / R;
    console.log(
      `coverage of the true AUROC 0.8 over ${R} data sets (n = ${nPerClass}+${nPerClass}, B = ${B}): ` +
        `percentile ${(100 * coverage).toFixed(1)}% (misses: ${missLow} above, ${missHigh} below the truth; ` +
        `mean width ${(widthPct / R).toFixed(4)}), BCa ${((100 * coveredBca) / R).toFixed(1)}%; ${seconds.toFixed(1)} s`,
    );
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.97);
  }, 120_000);
});
