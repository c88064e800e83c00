import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DelongPairedResult, type DelongSingleResult, delongPaired, delongSingle } from '../src/delong';
import { auroc } from '../src/metrics';
import { REPO } from './helpers';

// ---------------------------------------------------------------------------------------------------------
// Fixture (scripts/fixtures/make_delong_fixture.py): DeLong's estimator from its O(m·n) definition (structural
// components V10/V01 with ψ = 1 / ½ / 0), in exact rational arithmetic, p from scipy.stats.norm.sf; AUCs
// cross-checked with sklearn's roc_auc_score. Independent of the midrank algorithm under test.
//
// Tolerances: 1e-12 relative for AUCs, covariances, variance, se and z (the reference is exact, rounded once;
// the midrank sums lose a few ulps); 1e-12 absolute for the interval bounds (≈ 0.1 in size; the lower bound
// of a difference near 0 has no meaningful relative error); 1e-9 relative for p-values (normalCdf against
// scipy's ndtr, both good to ~1e-15, plus the propagated error of z).

type Single = Pick<DelongSingleResult, 'auc' | 'variance' | 'se' | 'ci'>;

interface Expected extends DelongPairedResult {
  level: number;
  singleA: Single;
  singleB: Single;
}

interface FileRef {
  path: string;
  column: string;
  sha256: string;
  positive?: string;
}

type Case = {
  name: string;
  description: string;
  expected: Expected;
} & (
  | { source: 'inline'; scoresA: number[]; scoresB: number[]; labels: number[] }
  | { source: 'pima'; files: { labels: FileRef; scoresA: FileRef; scoresB: FileRef } }
);

const FIXTURE = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/delong/delong.json'), 'utf8')) as {
  cases: Case[];
};

/** One column of a simple CSV (no quoted fields in these files), after checking the file's sha256. */
function csvColumn(ref: FileRef): string[] {
  const bytes = readFileSync(path.join(REPO, ref.path));
  expect(createHash('sha256').update(bytes).digest('hex'), `${ref.path} changed since the fixture`).toBe(
    ref.sha256,
  );
  const [head, ...rows] = bytes.toString('utf8').trim().split(/\r?\n/);
  const col = (head ?? '').split(',').indexOf(ref.column);
  expect(col).toBeGreaterThanOrEqual(0);
  return rows.map((r) => r.split(',')[col] ?? '');
}

function inputs(c: Case): { a: Float64Array; b: Float64Array; y: Uint8Array } {
  if (c.source === 'inline') {
    return { a: Float64Array.from(c.scoresA), b: Float64Array.from(c.scoresB), y: Uint8Array.from(c.labels) };
  }
  const { labels, scoresA, scoresB } = c.files;
  return {
    a: Float64Array.from(csvColumn(scoresA), Number),
    b: Float64Array.from(csvColumn(scoresB), Number),
    y: Uint8Array.from(csvColumn(labels), (v) => (v === labels.positive ? 1 : 0)),
  };
}

function relErr(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.abs(expected);
}

function expectRel(actual: number, expected: number, tol: number, what: string): void {
  expect(relErr(actual, expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

function expectAbs(actual: number, expected: number, tol: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

describe('delongPaired against the O(m·n) reference (scripts/fixtures/make_delong_fixture.py)', () => {
  it('has the expected cases', () => {
    expect(FIXTURE.cases.map((c) => c.name)).toEqual([
      'pima_baseline_vs_candidate_95',
      'pima_baseline_vs_candidate_90',
      'pima_identical_models',
      'correlated_continuous',
      'correlated_continuous_90',
      'ties_one_decimal',
      'heavy_ties_binary',
      'heavy_ties_three_levels',
      'tiny_2pos_3neg',
      'imbalanced_3_of_200',
      'reversed',
      'identical_ranks',
    ]);
  });

  for (const c of FIXTURE.cases) {
    it(`${c.name}: ${c.description}`, () => {
      const { a, b, y } = inputs(c);
      const e = c.expected;
      const r = delongPaired(a, b, y, e.level);
      expect(r.nPositive).toBe(e.nPositive);
      expect(r.nNegative).toBe(e.nNegative);
      expectRel(r.aucA, e.aucA, 1e-12, 'aucA');
      expectRel(r.aucB, e.aucB, 1e-12, 'aucB');
      for (const [i, j] of [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ] as const) {
        expectRel(r.covariance[i][j], e.covariance[i][j], 1e-12, `covariance[${i}][${j}]`);
      }
      expectAbs(r.difference, e.difference, 1e-12, 'difference');
      if (e.variance === 0) {
        expect(r.variance).toBe(0);
        expect(r.se).toBe(0);
        expect(r.z).toBe(0);
        expect(r.pValue).toBe(1);
        expect(r.ci).toEqual([0, 0]);
      } else {
        expectRel(r.variance, e.variance, 1e-12, 'variance');
        expectRel(r.se, e.se, 1e-12, 'se');
        expectRel(r.z, e.z, 1e-12, 'z');
        expectRel(r.pValue, e.pValue, 1e-9, 'pValue');
      }
      expectAbs(r.ci[0], e.ci[0], 1e-12, 'ci low');
      expectAbs(r.ci[1], e.ci[1], 1e-12, 'ci high');

      for (const [scores, single] of [
        [a, e.singleA],
        [b, e.singleB],
      ] as const) {
        const s = delongSingle(scores, y, e.level);
        expectRel(s.auc, single.auc, 1e-12, 'single auc');
        expectRel(s.variance, single.variance, 1e-12, 'single variance');
        expectRel(s.se, single.se, 1e-12, 'single se');
        expectAbs(s.ci[0], single.ci[0], 1e-12, 'single ci low');
        expectAbs(s.ci[1], single.ci[1], 1e-12, 'single ci high');
      }
    });
  }

  it('Pima baseline vs candidate agrees with the figures in shared/datasets/models/README.md', () => {
    // "the difference is −0.0013 (DeLong p = 0.93)"; test AUROCs 0.8239 and 0.8226 (those came from the
    // ONNX float32 outputs; the sklearn float64 probabilities used here give the same 4 decimals).
    const c = FIXTURE.cases[0] as Case;
    const { a, b, y } = inputs(c);
    const r = delongPaired(a, b, y);
    expect(r.difference.toFixed(4)).toBe('-0.0013');
    expect(r.pValue.toFixed(2)).toBe('0.93');
    expect(r.aucA.toFixed(4)).toBe('0.8239');
    expect(r.aucB.toFixed(4)).toBe('0.8226');
    expect(r.nPositive + r.nNegative).toBe(192);
  });
});

describe('delongPaired, worked by hand', () => {
  // Rows: 2 positives then 2 negatives.
  //   A: positives 0.8, 0.4; negatives 0.6, 0.2
  //   B: positives 0.7, 0.5; negatives 0.5, 0.1   (a tie between positive 0.5 and negative 0.5)
  // ψ(x, y) = 1 if x > y, ½ if x = y, 0 if x < y; m = n = 2.
  //   A: V10 = (ψ(.8,.6)+ψ(.8,.2))/2, (ψ(.4,.6)+ψ(.4,.2))/2 = 1, 1/2
  //      V01 = (ψ(.8,.6)+ψ(.4,.6))/2, (ψ(.8,.2)+ψ(.4,.2))/2 = 1/2, 1      θA = 3/4
  //   B: V10 = (1+1)/2, (½+1)/2 = 1, 3/4;  V01 = (1+½)/2, (1+1)/2 = 3/4, 1       θB = 7/8
  // Deviations from θ: A V10 ±1/4, A V01 ∓1/4; B V10 ±1/8, B V01 ∓1/8 (same sign pattern as A).
  //   S10 (÷ m−1 = 1): AA = 2/16 = 1/8, BB = 2/64 = 1/32, AB = 2/32 = 1/16; S01 the same.
  //   S = S10/2 + S01/2:  vA = 1/8, vB = 1/32, cAB = 1/16.
  //   var(d) = 1/8 + 1/32 − 2/16 = 1/32;  d = 7/8 − 3/4 = 1/8;  se = 1/√32 = √2/8
  //   z = (1/8)/(√2/8) = 1/√2;  p = 2Φ(−1/√2) = erfc(1/2) = 0.4795001221869535 (math.erfc(0.5)).
  const y = [1, 1, 0, 0];
  const a = [0.8, 0.4, 0.6, 0.2];
  const b = [0.7, 0.5, 0.5, 0.1];

  it('gives the hand-computed AUCs, covariance, z and p', () => {
    const r = delongPaired(a, b, y);
    expect(r.aucA).toBe(0.75);
    expect(r.aucB).toBe(0.875);
    expect(r.difference).toBe(0.125);
    expect(r.covariance).toEqual([
      [1 / 8, 1 / 16],
      [1 / 16, 1 / 32],
    ]);
    expect(r.variance).toBe(1 / 32);
    expectRel(r.se, Math.SQRT2 / 8, 1e-15, 'se');
    expectRel(r.z, Math.SQRT1_2, 1e-15, 'z');
    expectRel(r.pValue, 0.4795001221869535, 1e-14, 'p');
    // 95%: 1/8 ∓ 1.959963984540054·√2/8
    expectRel(r.ci[0], 0.125 - (1.959963984540054 * Math.SQRT2) / 8, 1e-14, 'ci low');
    expectRel(r.ci[1], 0.125 + (1.959963984540054 * Math.SQRT2) / 8, 1e-14, 'ci high');
  });

  it('delongSingle gives the diagonal and clips the interval to [0, 1]', () => {
    const s = delongSingle(a, y);
    expect(s.auc).toBe(0.75);
    expect(s.variance).toBe(1 / 8);
    // 3/4 ∓ 1.96·0.3536: the upper end (1.443) is clipped to 1
    expectRel(s.ci[0], 0.75 - 1.959963984540054 * Math.sqrt(1 / 8), 1e-14, 'ci low');
    expect(s.ci[1]).toBe(1);
    expect(delongSingle(b, y).variance).toBe(1 / 32);
  });

  it('is antisymmetric in the two models and invariant to row order', () => {
    const r = delongPaired(a, b, y);
    const swapped = delongPaired(b, a, y);
    expect(swapped.difference).toBe(-r.difference);
    expect(swapped.z).toBe(-r.z);
    expect(swapped.pValue).toBe(r.pValue);
    expect(swapped.covariance).toEqual([
      [r.covariance[1][1], r.covariance[0][1]],
      [r.covariance[1][0], r.covariance[0][0]],
    ]);
    const perm = [2, 0, 3, 1];
    const p = delongPaired(
      perm.map((i) => a[i] as number),
      perm.map((i) => b[i] as number),
      perm.map((i) => y[i] as number),
    );
    expect(p.covariance).toEqual(r.covariance);
    expect(p.z).toBe(r.z);
  });
});

describe('delongPaired, degenerate variance', () => {
  it('identical models: variance 0, z = 0, p = 1', () => {
    const s = [0.3, 0.3, 0.9, 0.1, 0.5, 0.3];
    const y = [1, 0, 1, 0, 1, 0];
    const r = delongPaired(s, s, y);
    expect(r.variance).toBe(0);
    expect(r.z).toBe(0);
    expect(r.pValue).toBe(1);
    expect(r.ci).toEqual([0, 0]);
    expect(r.aucA).toBe(auroc(s, y));
    // same ranks, different scores (a strictly increasing transform) is the same case
    const t = delongPaired(
      s,
      s.map((v) => Math.exp(10 * v)),
      y,
    );
    expect([t.variance, t.z, t.pValue]).toEqual([0, 0, 1]);
  });

  it('a perfect model against a constant one: variance 0 but difference −½, so z = −∞ and p = 0', () => {
    // A: every positive above every negative, V10 = V01 = 1. B: all tied, V10 = V01 = ½.
    // Every placement value differs by exactly −½, so the difference has no sampling variance.
    const y = [1, 1, 0, 0];
    const r = delongPaired([2, 3, 0, 1], [5, 5, 5, 5], y);
    expect([r.aucA, r.aucB, r.difference, r.variance]).toEqual([1, 0.5, -0.5, 0]);
    expect(r.covariance).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(r.z).toBe(Number.NEGATIVE_INFINITY);
    expect(r.pValue).toBe(0);
    expect(r.ci).toEqual([-0.5, -0.5]);
    expect(delongSingle([2, 3, 0, 1], y).ci).toEqual([1, 1]);
  });
});

describe('delongPaired, bad input', () => {
  const y = [1, 1, 0, 0];
  const s = [0.8, 0.4, 0.6, 0.2];

  it('throws a plain Error with a clear message', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => delongPaired(s, [0.1, 0.2, 0.3], y), /scoresB has 3 value\(s\) but there are 4 label\(s\)/],
      [() => delongPaired([0.1], s, y), /scoresA has 1 value\(s\) but there are 4 label\(s\)/],
      [() => delongPaired(s, [0.1, Number.NaN, 0.3, 0.4], y), /scoresB 2 is NaN/],
      [() => delongPaired(s, s, [1, Number.NaN, 0, 0]), /label 2 is NaN/],
      [() => delongPaired(s, s, [1, 2, 0, 0]), /label 2 is 2, expected 0 or 1/],
      [() => delongPaired(s, s, [0, 0, 0, 0]), /only one class present \(0 positive, 4 negative\)/],
      [() => delongPaired(s, s, [1, 1, 1, 1]), /only one class present \(4 positive, 0 negative\)/],
      [() => delongPaired(s, s, [1, 0, 0, 0]), /at least 2 positives and 2 negatives/],
      [() => delongPaired(s, s, y, 1), /level must be in \(0, 1\)/],
      [() => delongSingle(s, [1, 1, 0]), /scores has 4 value\(s\) but there are 3 label\(s\)/],
      [() => delongSingle(s, [0, 0, 0, 0]), /only one class present/],
    ];
    for (const [fn, message] of cases) {
      let thrown: unknown;
      try {
        fn();
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as Error).constructor).toBe(Error);
      expect((thrown as Error).message).toMatch(message);
    }
  });
});
