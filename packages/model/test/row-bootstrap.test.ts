import { describe, expect, it } from 'vitest';
import {
  argmaxClass,
  meanAbsoluteError,
  oneVsRestAuroc,
  perClassRecall,
  rootMeanSquaredError,
  rowBootstrapCi,
  weightedClassRecall,
  weightedOneVsRest,
  Xoshiro128,
} from '../src';

/** The rows of a row-major [N, k] matrix and their labels, row i repeated counts[i] times. */
function repeatRows(p: number[], k: number, y: number[], counts: number[]) {
  const rp: number[] = [];
  const ry: number[] = [];
  counts.forEach((c, i) => {
    for (let t = 0; t < c; t++) {
      rp.push(...p.slice(i * k, i * k + k));
      ry.push(y[i] as number);
    }
  });
  return { rp, ry };
}

describe('weighted multiclass metrics equal the unweighted ones on repeated rows', () => {
  // 8 rows, 3 classes, with ties inside columns.
  const k = 3;
  const p = [
    0.7, 0.2, 0.1, 0.2, 0.5, 0.3, 0.1, 0.1, 0.8, 0.4, 0.4, 0.2, 0.3, 0.3, 0.4, 0.2, 0.6, 0.2, 0.5, 0.2, 0.3,
    0.1, 0.2, 0.7,
  ];
  const y = [0, 1, 2, 0, 2, 1, 1, 2];
  const ovr = weightedOneVsRest(p, k, y);
  const cases = [
    [1, 1, 1, 1, 1, 1, 1, 1],
    [3, 0, 1, 2, 0, 1, 2, 1],
    [0, 2, 2, 1, 1, 0, 1, 1],
  ];
  for (const counts of cases) {
    it(`counts ${counts.join(' ')}`, () => {
      const { rp, ry } = repeatRows(p, k, y, counts);
      const expected = oneVsRestAuroc(rp, k, ry);
      const got = ovr(counts);
      expect(got.macro).toBeCloseTo(expected.macro, 14);
      expect(got.weighted).toBeCloseTo(expected.weighted, 14);
      got.perClass.forEach((a, c) => {
        expect(a).toBeCloseTo(expected.perClass[c] as number, 14);
      });
      const predicted = argmaxClass(p, k);
      const recalls = perClassRecall(argmaxClass(rp, k), ry, k);
      for (let c = 0; c < k; c++) {
        expect(weightedClassRecall(predicted, y, c, counts)).toBeCloseTo(recalls[c] as number, 14);
      }
    });
  }

  it('a class with no weight leaves its AUROC undefined (NaN), so that resample is skipped', () => {
    expect(ovr([1, 1, 0, 1, 0, 1, 1, 0]).macro).toBeNaN();
    expect(weightedClassRecall(argmaxClass(p, k), y, 2, [1, 1, 0, 1, 0, 1, 1, 0])).toBeNaN();
  });
});

describe('rowBootstrapCi', () => {
  it('stratified resamples keep every class at its size', () => {
    const strata = [0, 1, 1, 2, 2, 2, 0];
    const seen: number[][] = [];
    rowBootstrapCi(
      strata.length,
      (counts) => {
        const size = [0, 0, 0];
        counts.forEach((c, i) => {
          size[strata[i] as number] = (size[strata[i] as number] as number) + c;
        });
        seen.push(size);
        return counts[0] as number;
      },
      { resamples: 200, seed: 3, level: 0.95, strata },
    );
    expect(seen).toHaveLength(201);
    for (const s of seen) expect(s).toEqual([2, 2, 3]);
  });

  it('two rows with |errors| 0 and 1: MAE resamples are 0, 0.5 or 1 with probabilities 1/4, 1/2, 1/4', () => {
    const yTrue = [0, 0];
    const yPred = [0, 1];
    const values: number[] = [];
    const r = rowBootstrapCi(
      2,
      (counts) => {
        const v = meanAbsoluteError(yTrue, yPred, counts);
        values.push(v);
        return v;
      },
      { resamples: 4000, seed: 11, level: 0.95 },
    );
    values.shift(); // the point estimate
    const share = (v: number) => values.filter((x) => x === v).length / values.length;
    // Binomial SE of a share near 1/4 over 4000 draws: 0.7 percentage points; allow 4 SE.
    expect(Math.abs(share(0) - 0.25)).toBeLessThan(0.028);
    expect(Math.abs(share(0.5) - 0.5)).toBeLessThan(0.032);
    expect(Math.abs(share(1) - 0.25)).toBeLessThan(0.028);
    expect(r).toMatchObject({ point: 0.5, low: 0, high: 1, skipped: 0, stratified: false });
  });

  it('same data and seed give bit-identical intervals; another seed gives a different one', () => {
    const yTrue = Array.from({ length: 50 }, (_, i) => i % 7);
    const yPred = Array.from({ length: 50 }, (_, i) => (i * 3) % 7);
    const stat = (counts: Uint32Array) => rootMeanSquaredError(yTrue, yPred, counts);
    const a = rowBootstrapCi(50, stat, { resamples: 300, seed: 5, level: 0.9 });
    const b = rowBootstrapCi(50, stat, { resamples: 300, seed: 5, level: 0.9 });
    const c = rowBootstrapCi(50, stat, { resamples: 300, seed: 6, level: 0.9 });
    expect(b).toEqual(a);
    expect(c.low === a.low && c.high === a.high).toBe(false);
  });

  it('an undefined statistic on the data is an error, not an interval', () => {
    expect(() => rowBootstrapCi(3, () => Number.NaN, { resamples: 10, seed: 0, level: 0.95 })).toThrow(
      'the statistic is undefined on the data; no interval',
    );
  });

  // Errors e ~ N(0, σ²): the true MAE is σ·√(2/π) (E|e| of a normal). R = 1000 data sets of 200 rows,
  // B = 1000 resamples each; coverage SE √(0.95·0.05/1000) ≈ 0.7 points, so 92–98% is about ±4 SE.
  it('95% percentile interval of MAE covers the true value in 92–98% of 1000 repetitions', () => {
    const R = 1000;
    const n = 200;
    const sigma = 2;
    const truth = sigma * Math.sqrt(2 / Math.PI);
    const yTrue = new Float64Array(n);
    const yPred = new Float64Array(n);
    let covered = 0;
    for (let r = 0; r < R; r++) {
      const g = new Xoshiro128(7_000_000 + r);
      for (let i = 0; i < n; i++) yPred[i] = yTrue[i] = 0;
      for (let i = 0; i < n; i++) yPred[i] = sigma * g.normal();
      const ci = rowBootstrapCi(n, (counts) => meanAbsoluteError(yTrue, yPred, counts), {
        resamples: 1000,
        seed: r,
        level: 0.95,
      });
      if (ci.low <= truth && truth <= ci.high) covered++;
    }
    const coverage = covered / R;
    console.log(
      `coverage of the true MAE ${truth.toFixed(4)} over ${R} data sets: ${(100 * coverage).toFixed(1)}%`,
    );
    expect(coverage).toBeGreaterThanOrEqual(0.92);
    expect(coverage).toBeLessThanOrEqual(0.98);
  }, 120_000);
});
