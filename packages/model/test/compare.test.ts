import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Baseline,
  CheckRegistry,
  type CheckResult,
  ConfigurationError,
  createMemo,
  type RegopsConfig,
  type RunContext,
} from '@regops/core';
import { createDataServices } from '@regops/data';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, statistics } from '../src/bootstrap';
import {
  type ModelCompareConfig,
  modelCompareCheck,
  nonInferiority,
  pairedBootstrapDelta,
  predictionFlips,
} from '../src/compare';
import { Xoshiro128 } from '../src/random';
import { inspectModel } from '../src/runner';
import { FEATURES, loadPima, PIMA, REPO, referenceP1, scratch } from './helpers';
import { buildModel, FLOAT, int64Initializer, nodeWith, valueInfo } from './onnx-builder';

// ---------------------------------------------------------------------------------------------------------
// Independent references
//
// - test/fixtures/compare/compare.json (scripts/fixtures/make_compare_fixture.py): the paired bootstrap
//   replayed in Python with the generator mirror of make_bootstrap_fixture.py, every statistic recomputed
//   from scratch on the explicit resampled rows (AUROC by counting pairs), interval by numpy's quantile.
// - test/fixtures/delong/delong.json: the Pima AUROCs of both models and DeLong's p from its definition.
// - test/fixtures/pima/*.test_proba.csv: sklearn's P(pos) per row, for the flips.
// - In this file: brute-force enumeration of every resample of a tiny case, an unpaired bootstrap written
//   out with explicit rows, and a coverage simulation with a known true Δ.

interface ReplayCase {
  statistic: 'auroc' | 'brier' | 'sensitivity' | 'specificity' | 'ppv';
  threshold: number | null;
  resamples: number;
  seed: number;
  level: number;
  baseline: number;
  candidate: number;
  delta: number;
  skipped: number;
  low: number;
  high: number;
  se: number;
  first_deltas: number[];
  rows?: string;
  n?: number;
  n_positive?: number;
  scores_baseline?: number[];
  scores_candidate?: number[];
  labels?: number[];
}

const COMPARE = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/compare/compare.json'), 'utf8')) as {
  files: Record<string, { path: string; sha256: string }>;
  pima: {
    n: number;
    n_positive: number;
    flips_at_0_5: { count: number; to_positive: number; to_negative: number; rows: number[] };
    cases: ReplayCase[];
  };
  inline_cases: ReplayCase[];
};
const DELONG = (
  JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/delong/delong.json'), 'utf8')) as {
    cases: { name: string; expected: { aucA: number; aucB: number; difference: number; pValue: number } }[];
  }
).cases.find((c) => c.name === 'pima_baseline_vs_candidate_95')?.expected as {
  aucA: number;
  aucB: number;
  difference: number;
  pValue: number;
};

const pimaCase = (statistic: string, seed: number, rows = 'all') =>
  COMPARE.pima.cases.find(
    (c) => c.statistic === statistic && c.seed === seed && c.rows === rows,
  ) as ReplayCase;

const statisticOf = (c: ReplayCase) =>
  c.statistic === 'auroc' || c.statistic === 'brier'
    ? statistics[c.statistic]
    : statistics[c.statistic](c.threshold as number);

function expectClose(actual: number | null | undefined, expected: number, tol: number, what = '') {
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tol,
  );
}

/** Labels of the Pima test split, 1 = pos (read directly from the CSV). */
function pimaLabels(): Uint8Array {
  const [head, ...rows] = readFileSync(path.join(PIMA, 'data/test.csv'), 'utf8').trim().split(/\r?\n/);
  const col = (head ?? '').split(',').indexOf('diabetes');
  return Uint8Array.from(rows, (r) => (r.split(',')[col] === 'pos' ? 1 : 0));
}

/** AUROC by counting every positive–negative pair (ties ½), over explicit rows. */
function pairAuroc(scores: ArrayLike<number>, labels: ArrayLike<number>, rows?: readonly number[]): number {
  const idx = rows ?? Array.from({ length: labels.length }, (_, i) => i);
  let num = 0;
  let pairs = 0;
  for (const i of idx) {
    if (labels[i] !== 1) continue;
    for (const j of idx) {
      if (labels[j] !== 0) continue;
      const a = scores[i] as number;
      const b = scores[j] as number;
      num += a > b ? 1 : a === b ? 0.5 : 0;
      pairs++;
    }
  }
  return num / pairs;
}

describe('fixtures', () => {
  it('the files the fixture was made from are unchanged', () => {
    for (const f of Object.values(COMPARE.files)) {
      const sha = createHash('sha256')
        .update(readFileSync(path.join(REPO, f.path)))
        .digest('hex');
      expect(sha, f.path).toBe(f.sha256);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Pure functions

describe('pairedBootstrapDelta against the Python replay', () => {
  const y = pimaLabels();
  const a = referenceP1('pima_logreg_baseline');
  const b = referenceP1('pima_hgb_candidate');

  for (const c of COMPARE.pima.cases) {
    it(`Pima ${c.statistic}${c.threshold === null ? '' : `@${c.threshold}`} B=${c.resamples} seed=${c.seed} level=${c.level} (${c.rows})`, () => {
      let rows: number[] | null = null;
      if (c.rows !== 'all') {
        const ages = readFileSync(path.join(PIMA, 'data/test.csv'), 'utf8').trim().split(/\r?\n/);
        const col = (ages[0] ?? '').split(',').indexOf('age');
        rows = ages
          .slice(1)
          .map((r, i) => [Number(r.split(',')[col]), i] as const)
          .filter(([age]) => age >= 30 && age < 50)
          .map(([, i]) => i);
        expect(rows.length).toBe(c.n);
      }
      const sel = (v: ArrayLike<number>): number[] =>
        rows ? rows.map((r) => v[r] as number) : Array.from(v);
      const r = pairedBootstrapDelta({
        baseline: sel(a),
        candidate: sel(b),
        labels: sel(y),
        statistic: statisticOf(c),
        resamples: c.resamples,
        seed: c.seed,
        level: c.level,
      });
      expectClose(r.baseline, c.baseline, 1e-12, 'baseline');
      expectClose(r.candidate, c.candidate, 1e-12, 'candidate');
      expectClose(r.delta, c.delta, 1e-12, 'delta');
      expect(r.skipped).toBe(c.skipped);
      expect(r.values.length).toBe(c.resamples - c.skipped);
      c.first_deltas.forEach((d, i) => {
        expectClose(r.values[i], d, 1e-12, `Δ of resample ${i + 1}`);
      });
      expectClose(r.low, c.low, 1e-12, 'low');
      expectClose(r.high, c.high, 1e-12, 'high');
      expectClose(r.se, c.se, 1e-12, 'se');
    });
  }

  it('skips resamples where the statistic is undefined for either model (PPV, small inline case)', () => {
    const c = COMPARE.inline_cases[0] as ReplayCase;
    const r = pairedBootstrapDelta({
      baseline: c.scores_baseline as number[],
      candidate: c.scores_candidate as number[],
      labels: c.labels as number[],
      statistic: statisticOf(c),
      resamples: c.resamples,
      seed: c.seed,
      level: c.level,
    });
    expect(c.skipped).toBeGreaterThan(0);
    expect(r.skipped).toBe(c.skipped);
    expectClose(r.delta, c.delta, 1e-12, 'delta');
    c.first_deltas.forEach((d, i) => {
      expectClose(r.values[i], d, 1e-12, `Δ ${i + 1}`);
    });
    expectClose(r.low, c.low, 1e-12, 'low');
    expectClose(r.high, c.high, 1e-12, 'high');
    expectClose(r.se, c.se, 1e-12, 'se');
  });
});

describe('pairedBootstrapDelta: pairing', () => {
  it('the same model as baseline and candidate gives Δ = 0 on every resample, interval exactly [0, 0]', () => {
    const y = pimaLabels();
    const a = referenceP1('pima_logreg_baseline');
    for (const statistic of [statistics.auroc, statistics.brier, statistics.sensitivity(0.5)]) {
      const r = pairedBootstrapDelta({ baseline: a, candidate: Float64Array.from(a), labels: y, statistic });
      expect(r.delta).toBe(0);
      expect(r.values.every((v) => v === 0)).toBe(true);
      expect([r.low, r.high]).toEqual([0, 0]);
      expect(nonInferiority([r.low, r.high], 0, 'higher_is_better').pass).toBe(true);
    }
  });

  // Worked by hand: positives P1, P2 then negatives N1, N2.
  //   baseline  P1 0.9, P2 0.4, N1 0.5, N2 0.1: every pair ordered right except (P2, N1)
  //   candidate P1 0.3, P2 0.6, N1 0.5, N2 0.1: every pair ordered right except (P1, N1)
  // A stratified resample draws 2 of {P1, P2} and 2 of {N1, N2} with replacement: counts a1 + a2 = 2 and
  // b1 + b2 = 2, each of the 4 × 4 ordered draws with probability 1/16. AUROC = Σ a_i b_j [pair right] / 4, so
  //   Δ = candidate − baseline = (a2·b1 − a1·b1) / 4 = b1 (a2 − a1) / 4,
  // with a2 − a1 ∈ {−2, 0, 2} (prob. 1/4, 1/2, 1/4) and b1 ∈ {0, 1, 2} (1/4, 1/2, 1/4) independent:
  //   P(Δ = −1) = 1/16, P(Δ = −½) = 1/8, P(Δ = 0) = 1/2 + 1/4 − 1/8 = 5/8, P(Δ = ½) = 1/8, P(Δ = 1) = 1/16.
  // Unpaired (the two models resampled independently), Δ = (a2·b1 − a1'·b1') / 4 and
  //   P(Δ = 0) = P(a2 b1 = a1' b1') = (7/16)² + (1/4)² + (1/4)² + (1/16)² = 82/256 ≈ 0.32 — so the paired
  // distribution is told apart from the unpaired one by its frequencies.
  const tiny = {
    baseline: [0.9, 0.4, 0.5, 0.1],
    candidate: [0.3, 0.6, 0.5, 0.1],
    labels: [1, 1, 0, 0],
  };
  const exact = new Map([
    [-1, 1 / 16],
    [-0.5, 1 / 8],
    [0, 5 / 8],
    [0.5, 1 / 8],
    [1, 1 / 16],
  ]);

  it('hand-worked tiny case: the exact distribution by enumerating every resample', () => {
    const paired = new Map<number, number>();
    const unpaired = new Map<number, number>();
    const draws: number[][] = [];
    for (const p of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ])
      for (const q of [
        [2, 2],
        [2, 3],
        [3, 2],
        [3, 3],
      ])
        draws.push([...p, ...q]);
    const add = (m: Map<number, number>, k: number, w: number) => m.set(k, (m.get(k) ?? 0) + w);
    for (const rows of draws) {
      add(
        paired,
        pairAuroc(tiny.candidate, tiny.labels, rows) - pairAuroc(tiny.baseline, tiny.labels, rows),
        1 / 16,
      );
      for (const rowsB of draws) {
        add(
          unpaired,
          pairAuroc(tiny.candidate, tiny.labels, rowsB) - pairAuroc(tiny.baseline, tiny.labels, rows),
          1 / 256,
        );
      }
    }
    expect(new Map([...paired].sort((x, z) => x[0] - z[0]))).toEqual(exact);
    expect(unpaired.get(0)).toBeCloseTo(82 / 256, 12);
  });

  it('hand-worked tiny case: the paired bootstrap draws that distribution, and its 80% interval is [−½, ½]', () => {
    const B = 40_000;
    const r = pairedBootstrapDelta({
      ...tiny,
      statistic: statistics.auroc,
      resamples: B,
      seed: 11,
      level: 0.8,
    });
    expect(r.delta).toBe(0); // both AUROCs are 3/4
    const freq = new Map<number, number>();
    for (const v of r.values) freq.set(v, (freq.get(v) ?? 0) + 1 / B);
    expect([...freq.keys()].sort((x, z) => x - z)).toEqual([-1, -0.5, 0, 0.5, 1]);
    for (const [v, p] of exact) {
      // 5 binomial standard errors (at most 0.012 here).
      expect(Math.abs((freq.get(v) ?? 0) - p), `P(Δ = ${v})`).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / B));
    }
    // CDF: F(−1) = 1/16, F(−½) = 3/16, F(0) = 13/16, F(½) = 15/16: the 10% and 90% quantiles are −½ and ½.
    expect([r.low, r.high]).toEqual([-0.5, 0.5]);
  });

  it('two highly correlated models: the paired interval is much narrower than an unpaired one', () => {
    // 150 + 150 rows; baseline score z1 + 1.2·y, candidate 0.95·z1 + 0.31·z2 + 1.25·y (correlation 0.95).
    const g = new Xoshiro128(2024);
    const n = 300;
    const y = Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const z1 = g.normal();
      const z2 = g.normal();
      a[i] = z1 + 1.2 * (y[i] as number);
      b[i] = 0.95 * z1 + Math.sqrt(1 - 0.95 ** 2) * z2 + 1.25 * (y[i] as number);
    }
    const B = 1000;
    const paired = pairedBootstrapDelta({
      baseline: a,
      candidate: b,
      labels: y,
      statistic: statistics.auroc,
      resamples: B,
    });
    // Unpaired, written out: each model gets its own independent stratified resample of explicit rows.
    const pos = [...y.keys()].filter((i) => y[i] === 1);
    const neg = [...y.keys()].filter((i) => y[i] === 0);
    const ga = new Xoshiro128(1);
    const gb = new Xoshiro128(2);
    const draw = (gen: Xoshiro128) => [
      ...pos.map(() => pos[gen.int(pos.length)] as number),
      ...neg.map(() => neg[gen.int(neg.length)] as number),
    ];
    const unpaired: number[] = [];
    for (let k = 0; k < B; k++) unpaired.push(pairAuroc(b, y, draw(gb)) - pairAuroc(a, y, draw(ga)));
    unpaired.sort((x, z) => x - z);
    const q = (p: number) => {
      const h = (B - 1) * p;
      const lo = Math.floor(h);
      return (unpaired[lo] as number) + (h - lo) * ((unpaired[lo + 1] as number) - (unpaired[lo] as number));
    };
    const widthPaired = paired.high - paired.low;
    const widthUnpaired = q(0.975) - q(0.025);
    console.log(
      `correlated models: paired 95% width ${widthPaired.toFixed(4)}, unpaired ${widthUnpaired.toFixed(4)} (ratio ${(widthPaired / widthUnpaired).toFixed(2)})`,
    );
    expect(widthPaired).toBeLessThan(0.5 * widthUnpaired);
    expect(paired.low).toBeLessThanOrEqual(paired.delta);
    expect(paired.high).toBeGreaterThanOrEqual(paired.delta);
  });
});

describe('coverage simulation for Δ AUROC (acceptance criterion)', () => {
  // Binormal, correlated: negatives' scores (z1, ρ z1 + √(1−ρ²) z2), positives' the same plus (dA, dB), with
  // z1, z2 independent N(0, 1). Each model's positive-minus-negative difference is N(d, 2), so AUROC = Φ(d/√2):
  // d = √2 Φ⁻¹(AUROC) gives baseline 0.80 and candidate 0.83 exactly, true Δ = 0.03, ρ = 0.7.
  // R = 2000 data sets of 100 + 100 rows, 1000 paired resamples each; binomial SE of the coverage estimate
  // √(0.95·0.05/2000) ≈ 0.5 points, so 93–97% is ±4 SE around 95%. Fixed seeds: deterministic.
  it('95% paired percentile interval covers the true Δ (0.03) in 93–97% of 2000 repetitions', () => {
    const R = 2000;
    const B = 1000;
    const nPerClass = 100;
    const aucA = 0.8;
    const aucB = 0.83;
    const rho = 0.7;
    const dA = Math.SQRT2 * normalQuantile(aucA);
    const dB = Math.SQRT2 * normalQuantile(aucB);
    expect(normalCdf(dA / Math.SQRT2)).toBeCloseTo(aucA, 14);
    expect(normalCdf(dB / Math.SQRT2)).toBeCloseTo(aucB, 14);
    const truth = aucB - aucA;
    const n = 2 * nPerClass;
    const labels = Uint8Array.from({ length: n }, (_, i) => (i < nPerClass ? 1 : 0));
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    const s = Math.sqrt(1 - rho * rho);
    let covered = 0;
    let missLow = 0;
    let missHigh = 0;
    let width = 0;
    const t0 = performance.now();
    for (let r = 0; r < R; r++) {
      const g = new Xoshiro128(5_000_000 + r);
      for (let i = 0; i < n; i++) {
        const z1 = g.normal();
        const z2 = g.normal();
        const y = labels[i] as number;
        a[i] = z1 + dA * y;
        b[i] = rho * z1 + s * z2 + dB * y;
      }
      const ci = pairedBootstrapDelta({
        baseline: a,
        candidate: b,
        labels,
        statistic: statistics.auroc,
        resamples: B,
        seed: r,
      });
      if (ci.low <= truth && truth <= ci.high) covered++;
      else if (truth < ci.low) missLow++;
      else missHigh++;
      width += ci.high - ci.low;
    }
    const seconds = (performance.now() - t0) / 1000;
    const coverage = covered / R;
    console.log(
      `coverage of the true Δ AUROC ${truth.toFixed(2)} over ${R} data sets (n = ${nPerClass}+${nPerClass}, ρ = ${rho}, B = ${B}): ` +
        `${(100 * coverage).toFixed(1)}% (misses: ${missLow} with the truth below, ${missHigh} above; mean width ${(width / R).toFixed(4)}); ${seconds.toFixed(1)} s`,
    );
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.97);
  }, 120_000);
});

describe('predictionFlips and nonInferiority', () => {
  it('flips at 0.5 on Pima equal the count from the reference probability files', () => {
    const a = referenceP1('pima_logreg_baseline');
    const b = referenceP1('pima_hgb_candidate');
    const rows: number[] = [];
    let up = 0;
    for (let i = 0; i < a.length; i++) {
      if ((a[i] as number) >= 0.5 !== (b[i] as number) >= 0.5) {
        rows.push(i + 1);
        if ((b[i] as number) >= 0.5) up++;
      }
    }
    const f = predictionFlips(a, b, 0.5);
    expect(f).toEqual({
      count: rows.length,
      to_positive: up,
      to_negative: rows.length - up,
      rows: rows.slice(0, 20),
    });
    expect(f).toEqual(COMPARE.pima.flips_at_0_5);
  });

  it('keeps at most 20 row numbers, and reports the given row numbers', () => {
    const a = new Float64Array(30).fill(0.2);
    const b = new Float64Array(30).fill(0.8);
    const f = predictionFlips(a, b, 0.5);
    expect(f.count).toBe(30);
    expect(f.to_positive).toBe(30);
    expect(f.rows).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(predictionFlips([0.6, 0.2], [0.4, 0.2], 0.5, [17, 40])).toEqual({
      count: 1,
      to_positive: 0,
      to_negative: 1,
      rows: [17],
    });
  });

  it('judges the lower end (higher is better) or the upper end (lower is better)', () => {
    expect(nonInferiority([-0.03, 0.02], 0.05, 'higher_is_better')).toEqual({
      end: 'lower',
      value: -0.03,
      threshold: { op: '>=', value: -0.05 },
      pass: true,
    });
    expect(nonInferiority([-0.06, 0.02], 0.05, 'higher_is_better').pass).toBe(false);
    expect(nonInferiority([-0.06, 0.02], 0.05, 'lower_is_better')).toEqual({
      end: 'upper',
      value: 0.02,
      threshold: { op: '<=', value: 0.05 },
      pass: true,
    });
    expect(nonInferiority([-0.01, 0.06], 0.05, 'lower_is_better').pass).toBe(false);
    expect(nonInferiority([0, 0], 0, 'higher_is_better').threshold).toEqual({ op: '>=', value: 0 });
  });
});

// ---------------------------------------------------------------------------------------------------------
// The check

const registry = new CheckRegistry().register(modelCompareCheck);
const quiet = { info() {}, warn() {}, debug() {} };
type CheckInput = Omit<Partial<ModelCompareConfig>, 'metric'> & {
  id: string;
  metric: string;
  margin: number;
};

function pimaConfig(checks: CheckInput[], over: Record<string, unknown> = {}): RegopsConfig {
  return registry.configSchema().parse({
    version: 1,
    project: { name: 'pima' },
    requirements: 'requirements.yml',
    model: { path: 'models/pima_hgb_candidate.onnx', input: 'float_input', features: FEATURES },
    baseline: { model: 'models/pima_logreg_baseline.onnx' },
    target: { column: 'diabetes', positive: 'pos' },
    datasets: {
      train: { path: 'data/train.csv', role: 'train' },
      test: { path: 'data/test.csv', role: 'test' },
    },
    checks: checks.map((c) => ({ type: 'model.compare', ...c })),
    ...over,
  });
}

function pathBaseline(rootDir: string, rel: string): Baseline {
  return { source: 'path', modelPath: path.join(rootDir, rel), modelDisplay: rel, config: null };
}

async function runCompare(
  config: RegopsConfig,
  baseline: Baseline | null | undefined,
  rootDir = PIMA,
): Promise<CheckResult[]> {
  const ctx: RunContext = {
    rootDir,
    config,
    baseline,
    log: quiet,
    services: { ...createDataServices(config, rootDir), inspectModel: (rel) => inspectModel(rootDir, rel) },
    memo: createMemo(),
  };
  const results: CheckResult[] = [];
  for (const c of config.checks) results.push(...(await modelCompareCheck.run(ctx, c as ModelCompareConfig)));
  return results;
}

const metric = (r: CheckResult | undefined, name: string) => r?.metrics.find((m) => m.name === name);

describe('model.compare on the Pima example (real ONNX models)', () => {
  it('AUROC: point values, Δ, paired interval, DeLong, flips, message and details', async () => {
    const config = pimaConfig([{ id: 'cmp', metric: 'auroc', margin: 0.05, verifies: ['REQ-9'] }]);
    const [r, ...rest] = await runCompare(config, pathBaseline(PIMA, 'models/pima_logreg_baseline.onnx'));
    expect(rest).toEqual([]);
    const ref = pimaCase('auroc', 0);
    expect(r?.id).toBe('cmp');
    expect(r?.check).toBe('model.compare');
    expect(r?.status).toBe('pass');
    expect(r?.verifies).toEqual(['REQ-9']);
    expect(r?.metrics.map((m) => m.name)).toEqual([
      'auroc_baseline',
      'auroc_candidate',
      'delta_auroc',
      'delta_auroc_ci_lower',
      'n',
      'n_positive',
      'delong_p_value',
    ]);
    // Shared reference AUROCs (DeLong fixture, from the definition; cross-checked with sklearn).
    expectClose(metric(r, 'auroc_baseline')?.value, DELONG.aucA, 1e-12, 'baseline AUROC');
    expectClose(metric(r, 'auroc_candidate')?.value, DELONG.aucB, 1e-12, 'candidate AUROC');
    expect(DELONG.aucA).toBeCloseTo(0.823880597, 9);
    expect(DELONG.aucB).toBeCloseTo(0.8225671642, 9);
    const delta = metric(r, 'delta_auroc');
    expectClose(delta?.value, DELONG.difference, 1e-12, 'Δ');
    // The paired interval: the Python replay with the same draws (onnxruntime ranks the rows as sklearn does).
    expectClose(delta?.ci?.[0], ref.low, 1e-12, 'CI low');
    expectClose(delta?.ci?.[1], ref.high, 1e-12, 'CI high');
    expect(metric(r, 'delta_auroc_ci_lower')).toEqual({
      name: 'delta_auroc_ci_lower',
      value: delta?.ci?.[0],
      threshold: { op: '>=', value: -0.05 },
    });
    expect(metric(r, 'n')?.value).toBe(192);
    expect(metric(r, 'n_positive')?.value).toBe(67);
    expectClose(metric(r, 'delong_p_value')?.value, DELONG.pValue, 1e-9, 'DeLong p');
    const flips = COMPARE.pima.flips_at_0_5;
    expect(r?.details?.flips).toEqual(flips);
    expect(r?.message).toBe(
      'AUROC Δ −0.0013 (candidate 0.8226 vs baseline 0.8239); 95% CI −0.0322–0.0279, lower end ≥ −0.05: non-inferior; DeLong p=0.93; 19 flips at 0.5 (12 to positive, 7 to negative) on test (n=192, 67 positive)',
    );
    expect(r?.details).toMatchObject({
      dataset: 'test',
      dataset_path: 'data/test.csv',
      metric: 'auroc',
      margin: 0.05,
      threshold: 0.5,
      direction: 'higher_is_better',
      baseline: { model: 'models/pima_logreg_baseline.onnx', source: 'path' },
      candidate: { model: 'models/pima_hgb_candidate.onnx' },
      subgroup: null,
      ci: { level: 0.95, method: 'percentile', resamples: 1000, seed: 0, paired: true, stratified: true },
    });
    expect(r?.details?.baseline).not.toHaveProperty('sha');
    const dl = r?.details?.delong as { delta: number; z: number; p_value: number; ci: [number, number] };
    expectClose(dl.delta, DELONG.difference, 1e-12, 'DeLong Δ');
    expectClose(dl.p_value, DELONG.pValue, 1e-9, 'DeLong p');
    expect(modelCompareCheck.criterion(config.checks[0] as ModelCompareConfig, config)).toBe(
      'AUROC non-inferior to the baseline: lower 95% bound of Δ ≥ −0.05 on test',
    );
  });

  it('Brier (lower is better): the upper end is judged against +margin', async () => {
    const config = pimaConfig([{ id: 'brier', metric: 'brier', margin: 0.01 }]);
    const [r] = await runCompare(config, pathBaseline(PIMA, 'models/pima_logreg_baseline.onnx'));
    const ref = pimaCase('brier', 0);
    expect(r?.metrics.map((m) => m.name)).toEqual([
      'brier_baseline',
      'brier_candidate',
      'delta_brier',
      'delta_brier_ci_upper',
      'n',
      'n_positive',
    ]);
    // float32 model outputs vs sklearn's float64 probabilities: Brier agrees to ~1e-7.
    expectClose(metric(r, 'brier_baseline')?.value, ref.baseline, 1e-6);
    expectClose(metric(r, 'delta_brier')?.value, ref.delta, 1e-6);
    expectClose(metric(r, 'delta_brier')?.ci?.[0], ref.low, 1e-6);
    expectClose(metric(r, 'delta_brier')?.ci?.[1], ref.high, 1e-6);
    expect(metric(r, 'delta_brier_ci_upper')?.threshold).toEqual({ op: '<=', value: 0.01 });
    // Upper end 0.0115 > 0.01: not shown non-inferior, though the candidate's Brier score is lower.
    expect(ref.high).toBeGreaterThan(0.01);
    expect(r?.status).toBe('fail');
    expect(r?.details?.direction).toBe('lower_is_better');
    expect(r?.message).toBe(
      'Brier score Δ −0.0045 (candidate 0.1654 vs baseline 0.1699; lower is better); 95% CI −0.0186–0.0115, upper end 0.0115 > +0.01: non-inferiority not shown; 19 flips at 0.5 (12 to positive, 7 to negative) on test (n=192, 67 positive)',
    );
    expect(modelCompareCheck.criterion(config.checks[0] as ModelCompareConfig, config)).toBe(
      'Brier score non-inferior to the baseline (lower is better): upper 95% bound of Δ ≤ +0.01 on test',
    );
    const [loose] = await runCompare(
      pimaConfig([{ id: 'brier', metric: 'brier', margin: 0.02 }]),
      pathBaseline(PIMA, 'models/pima_logreg_baseline.onnx'),
    );
    expect(loose?.status).toBe('pass');
    expect(loose?.message).toContain('upper end ≤ +0.02: non-inferior');
  });

  it('sensitivity at the operating point matches the replay', async () => {
    const config = pimaConfig([{ id: 'sens', metric: 'sensitivity', margin: 0.05 }]);
    const [r] = await runCompare(config, pathBaseline(PIMA, 'models/pima_logreg_baseline.onnx'));
    const ref = pimaCase('sensitivity', 0);
    expectClose(metric(r, 'sensitivity_baseline')?.value, ref.baseline, 1e-12);
    expectClose(metric(r, 'sensitivity_candidate')?.value, ref.candidate, 1e-12);
    expectClose(metric(r, 'delta_sensitivity')?.ci?.[0], ref.low, 1e-12);
    expectClose(metric(r, 'delta_sensitivity')?.ci?.[1], ref.high, 1e-12);
    expect(r?.status).toBe('pass');
    expect(r?.message).toMatch(
      /^sensitivity Δ \+0\.1045 at threshold 0\.5 \(candidate 0\.6119 vs baseline 0\.5075\)/,
    );
    expect(modelCompareCheck.criterion(config.checks[0] as ModelCompareConfig, config)).toBe(
      'sensitivity at threshold 0.5 non-inferior to the baseline: lower 95% bound of Δ ≥ −0.05 on test',
    );
  });

  it('the same model file as baseline and candidate: Δ interval exactly [0, 0], no flips, non-inferior', async () => {
    const config = pimaConfig([{ id: 'self', metric: 'auroc', margin: 0 }]);
    const [r] = await runCompare(config, pathBaseline(PIMA, 'models/pima_hgb_candidate.onnx'));
    expect(metric(r, 'delta_auroc')).toEqual({ name: 'delta_auroc', value: 0, ci: [0, 0] });
    expect(metric(r, 'delta_auroc_ci_lower')?.value).toBe(0);
    expect(metric(r, 'delong_p_value')?.value).toBe(1);
    expect(r?.status).toBe('pass');
    expect(r?.details?.flips).toEqual({ count: 0, to_positive: 0, to_negative: 0, rows: [] });
    expect(r?.message).toContain('0 flips at 0.5 on test');
  });

  it('by age bins: one result per group with the documented ids; a group below min_size is warn', async () => {
    const config = pimaConfig([
      { id: 'cmp', metric: 'auroc', margin: 0.1, by: 'age', bins: [21, 30, 50, 100] },
    ]);
    const results = await runCompare(config, pathBaseline(PIMA, 'models/pima_logreg_baseline.onnx'));
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['cmp', 'pass'],
      ['cmp/age=[21, 30)', 'pass'],
      ['cmp/age=[30, 50)', 'pass'],
      ['cmp/age=[50, 100)', 'warn'],
    ]);
    const mid = results[2];
    const ref = pimaCase('auroc', 0, 'age in [30, 50)');
    expect(mid?.details?.subgroup).toEqual({ attribute: 'age', group: '[30, 50)' });
    expect(metric(mid, 'n')?.value).toBe(ref.n);
    expect(metric(mid, 'n_positive')?.value).toBe(ref.n_positive);
    expectClose(metric(mid, 'auroc_baseline')?.value, ref.baseline, 1e-12);
    expectClose(metric(mid, 'delta_auroc')?.ci?.[0], ref.low, 1e-12);
    expectClose(metric(mid, 'delta_auroc')?.ci?.[1], ref.high, 1e-12);
    // Flipped rows are numbered in the whole dataset, and only those in the group.
    const flips = mid?.details?.flips as { rows: number[] };
    const ages = (await loadPima('test')).numeric('age');
    expect(flips.rows.every((row) => (ages[row - 1] as number) >= 30 && (ages[row - 1] as number) < 50)).toBe(
      true,
    );
    expect(flips.rows.every((row) => COMPARE.pima.flips_at_0_5.rows.includes(row))).toBe(true);
    const small = results[3];
    expect(metric(small, 'n')?.value).toBe(21);
    expect(metric(small, 'delta_auroc_ci_lower')).toEqual({
      name: 'delta_auroc_ci_lower',
      value: null,
      threshold: { op: '>=', value: -0.1 },
    });
    expect(small?.message).toMatch(
      /^AUROC not compared on test, age \[50, 100\) \(n=21, 9 positive\): too small to judge: 21 rows < min_size 30 \(/,
    );
    expect(results[0]?.message).toMatch(/; by age: 3 groups \(1 not judged\)$/);
    expect(modelCompareCheck.criterion(config.checks[0] as ModelCompareConfig, config)).toBe(
      'AUROC non-inferior to the baseline: lower 95% bound of Δ ≥ −0.1 on test; also in each group of age (bins 21, 30, 50, 100) with ≥ 30 rows',
    );
  });

  it('a sensitive attribute is shown as group numbers', async () => {
    const config = pimaConfig(
      [{ id: 'cmp', metric: 'accuracy', margin: 0.1, by: 'pregnant', min_size: 20 }],
      {
        privacy: { sensitive: ['pregnant'], allow_phi: [] },
      },
    );
    const results = await runCompare(config, pathBaseline(PIMA, 'models/pima_logreg_baseline.onnx'));
    expect(results[1]?.id).toBe('cmp/pregnant=group 1');
    expect(results.slice(1).every((r) => /^cmp\/pregnant=group \d+$/.test(r.id))).toBe(true);
    expect(results.filter((r) => r.status === 'warn').length).toBeGreaterThan(0);
    // Row numbers would tie rows to a masked group: counts only.
    const groupFlips = results.slice(1).map((r) => r.details?.flips as { count: number; rows: number[] });
    expect(groupFlips.reduce((acc, f) => acc + f.count, 0)).toBe(19);
    expect(groupFlips.every((f) => f.rows.length === 0)).toBe(true);
    expect(results[0]?.details?.flips).toEqual(COMPARE.pima.flips_at_0_5);
  });

  it('without a resolved baseline model: a ConfigurationError that says what to set', async () => {
    const config = pimaConfig([{ id: 'cmp', metric: 'auroc', margin: 0.05 }], { baseline: undefined });
    const run = runCompare(config, null);
    await expect(run).rejects.toThrow(ConfigurationError);
    await expect(runCompare(config, undefined)).rejects.toThrow(
      'check cmp: model.compare needs a baseline model: set baseline.model (the ONNX model this change replaces, relative to regops.yml)',
    );
    const problems = modelCompareCheck.validate?.(config.checks[0] as ModelCompareConfig, config);
    expect(problems).toContainEqual({
      path: [],
      message:
        'model.compare needs a baseline model: set baseline.model (the ONNX model this change replaces, relative to regops.yml), or baseline.from: git',
    });
    const withBaseline = pimaConfig([{ id: 'cmp', metric: 'auroc', margin: 0.05 }]);
    expect(modelCompareCheck.validate?.(withBaseline.checks[0] as ModelCompareConfig, withBaseline)).toEqual(
      [],
    );
    await expect(
      runCompare(withBaseline, { source: 'path', modelPath: null, modelDisplay: null, config: null }),
    ).rejects.toThrow(
      'check cmp: model.compare needs a baseline model: set baseline.model (it names models/pima_logreg_baseline.onnx, but no baseline model was resolved for this run)',
    );
  });

  it('config checks: margin as a percentage, bins without by, descending bins', () => {
    const config = pimaConfig([{ id: 'c', metric: 'auroc', margin: 5, bins: [50, 30] }]);
    const problems = modelCompareCheck.validate?.(config.checks[0] as ModelCompareConfig, config) ?? [];
    expect(problems.map((p) => p.path)).toEqual([['margin'], ['bins'], ['bins']]);
    expect(problems[0]?.message).toContain('(a percentage? use 0.05)');
    expect(() => pimaConfig([{ id: 'c', metric: 'f1', margin: 0.05 }])).toThrow();
    expect(() => pimaConfig([{ id: 'c', metric: 'auroc', margin: -0.01 }])).toThrow();
    expect(() => pimaConfig([{ id: 'c', metric: 'auroc' } as CheckInput])).toThrow();
    expect(
      modelCompareCheck.columns?.(
        pimaConfig([{ id: 'c', metric: 'auroc', margin: 0.05, by: 'age' }]).checks[0] as ModelCompareConfig,
        config,
      ),
    ).toContainEqual({ dataset: 'test', column: 'age', field: ['by'] });
  });
});

describe('model.compare with hand-built models of known AUROC', () => {
  // Candidate = columns (c0, c1) and baseline = columns (b0, b1) of the same 4-wide input, picked by Gather:
  // both models read the same model.features, as the check feeds them.
  const gather = (cols: [number, number]) =>
    buildModel({
      producer: 'regops-test',
      graph: [
        nodeWith('Gather', ['x', 'cols'], ['probabilities'], { axis: 1 }),
        int64Initializer('cols', cols),
        valueInfo(11, 'x', FLOAT, ['N', 4]),
        valueInfo(12, 'probabilities', FLOAT, ['N', 2]),
      ],
    });
  // 80 rows, half positive: baseline separates well (latent 2·y + noise), candidate barely (0.3·y + noise).
  const g = new Xoshiro128(99);
  const rows: { b1: number; c1: number; y: number }[] = [];
  for (let i = 0; i < 80; i++) {
    const y = i % 2;
    const p = (x: number) => Number((1 / (1 + Math.exp(-x))).toFixed(6));
    rows.push({ y, b1: p(2 * y - 1 + g.normal()), c1: p(0.3 * y - 0.15 + g.normal()) });
  }
  const csv = `b0,b1,c0,c1,y\n${rows.map((r) => `${(1 - r.b1).toFixed(6)},${r.b1},${(1 - r.c1).toFixed(6)},${r.c1},${r.y}`).join('\n')}\n`;
  const y = rows.map((r) => r.y);
  // What the model outputs: the CSV numbers as float32.
  const b = rows.map((r) => Math.fround(r.b1));
  const c = rows.map((r) => Math.fround(r.c1));

  function config(checks: CheckInput[]) {
    return pimaConfig(checks, {
      model: { path: 'candidate.onnx', input: 'x', features: ['b0', 'b1', 'c0', 'c1'] },
      baseline: { model: 'baseline.onnx' },
      target: { column: 'y', positive: 1 },
      datasets: { test: { path: 'rows.csv', role: 'test' } },
    });
  }

  it('a candidate worse by more than the margin fails non-inferiority, with the numbers', async () => {
    const s = scratch({ 'candidate.onnx': gather([2, 3]), 'baseline.onnx': gather([0, 1]), 'rows.csv': csv });
    try {
      const aucB = pairAuroc(b, y);
      const aucC = pairAuroc(c, y);
      expect(aucB - aucC).toBeGreaterThan(0.2);
      const [r] = await runCompare(
        config([{ id: 'worse', metric: 'auroc', margin: 0.001 }]),
        pathBaseline(s.dir, 'baseline.onnx'),
        s.dir,
      );
      expectClose(metric(r, 'auroc_baseline')?.value, aucB, 1e-12);
      expectClose(metric(r, 'auroc_candidate')?.value, aucC, 1e-12);
      expectClose(metric(r, 'delta_auroc')?.value, aucC - aucB, 1e-12);
      expect(r?.status).toBe('fail');
      const lower = metric(r, 'delta_auroc_ci_lower')?.value as number;
      expect(lower).toBeLessThan(-0.001);
      expect(r?.message).toContain(
        `lower end ${lower.toFixed(4).replace('-', '−')} < −0.001: non-inferiority not shown`,
      );
      expect(r?.message).toMatch(/^AUROC Δ −0\.\d{4} \(candidate 0\.\d{4} vs baseline 0\.\d{4}\); 95% CI −/);
      // Swapped roles: the better model as candidate is non-inferior.
      const s2 = scratch({
        'candidate.onnx': gather([0, 1]),
        'baseline.onnx': gather([2, 3]),
        'rows.csv': csv,
      });
      try {
        const [r2] = await runCompare(
          config([{ id: 'better', metric: 'auroc', margin: 0.001 }]),
          pathBaseline(s2.dir, 'baseline.onnx'),
          s2.dir,
        );
        expect(r2?.status).toBe('pass');
        expectClose(metric(r2, 'delta_auroc')?.value, aucB - aucC, 1e-12);
      } finally {
        s2.cleanup();
      }
    } finally {
      s.cleanup();
    }
  });

  it('Brier of a worse candidate: the upper end is above +margin', async () => {
    const s = scratch({ 'candidate.onnx': gather([2, 3]), 'baseline.onnx': gather([0, 1]), 'rows.csv': csv });
    try {
      const brier = (p: number[]) => p.reduce((acc, v, i) => acc + (v - (y[i] as number)) ** 2, 0) / p.length;
      const [r] = await runCompare(
        config([{ id: 'brier', metric: 'brier', margin: 0.001 }]),
        pathBaseline(s.dir, 'baseline.onnx'),
        s.dir,
      );
      expectClose(metric(r, 'brier_baseline')?.value, brier(b), 1e-12);
      expectClose(metric(r, 'brier_candidate')?.value, brier(c), 1e-12);
      expect(brier(c)).toBeGreaterThan(brier(b));
      expect(r?.status).toBe('fail');
      expect(metric(r, 'delta_brier_ci_upper')?.value as number).toBeGreaterThan(0.001);
      expect(r?.message).toContain('> +0.001: non-inferiority not shown');
    } finally {
      s.cleanup();
    }
  });
});
