import { afterAll, describe, expect, it } from 'vitest';
import {
  MONOTONE_TOLERANCE,
  monotonicity,
  numericTable,
  partialDependence,
  quantileGrid,
  Xoshiro128,
} from '../src';
import { logisticSetup } from './logistic';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('quantile grid and monotonicity verdict', () => {
  it('takes observed quantiles at (i + 0.5)/points, unique and ascending', () => {
    const v = Float64Array.from({ length: 100 }, (_, i) => i + 1); // 1 … 100
    expect(quantileGrid(v, 4)).toEqual([13, 38, 63, 88]);
    // A 0/1 feature gets only the values it takes; NaN is ignored.
    const binary = [0, 0, 0, 1, 1, Number.NaN];
    expect(quantileGrid(binary, 10)).toEqual([0, 1]);
    expect(quantileGrid([Number.NaN], 10)).toEqual([]);
  });

  it('classifies curves with the documented tolerance', () => {
    expect(monotonicity([0.1, 0.2, 0.3])).toBe('increasing');
    expect(monotonicity([0.3, 0.2, 0.2])).toBe('decreasing');
    expect(monotonicity([0.2, 0.2 + MONOTONE_TOLERANCE / 2, 0.2])).toBe('flat');
    expect(monotonicity([0.1, 0.3, 0.2])).toBe('non-monotone');
    // A dip below the tolerance does not break monotonicity.
    expect(monotonicity([0.1, 0.2, 0.2 - MONOTONE_TOLERANCE / 2, 0.3])).toBe('increasing');
  });
});

describe('partial dependence on a synthetic logistic ONNX model', () => {
  const COEF = [2.0, -1.0, 0.3, 0];
  const B0 = -0.5;
  const setup = logisticSetup(COEF, B0);
  afterAll(() => setup.cleanup());
  const n = 2000;
  const rng = new Xoshiro128(7);
  const cols = COEF.map(() => Float64Array.from({ length: n }, () => rng.normal()));
  const table = numericTable('synthetic', 'synthetic.csv', setup.features, cols);

  it('gives the closed-form PD, the right verdicts and an ICE band around the mean', async () => {
    const features = setup.features.map((feature, j) => ({
      feature,
      grid: quantileGrid(cols[j] as Float64Array, 10),
    }));
    const r = await partialDependence({
      rootDir: setup.dir,
      model: setup.model,
      table,
      features,
      iceRows: n,
      seed: 0,
    });
    // 4 features × 10 grid points × 2000 rows in one inference call.
    expect(r.batches).toBe(1);
    expect(r.iceRows).toBe(n);
    expect(r.curves.map((c) => c.monotone)).toEqual(['increasing', 'decreasing', 'increasing', 'flat']);
    for (const [j, c] of r.curves.entries()) {
      expect(c.grid).toHaveLength(10);
      expect(Object.keys(c).sort()).toEqual(['feature', 'grid', 'ice_p10', 'ice_p90', 'mean', 'monotone']);
      c.grid.forEach((v, g) => {
        // PD(v) = mean_i sigmoid(b0 + coef_j·v + Σ_{k≠j} coef_k x_ik), computed here in float64.
        let s = 0;
        for (let i = 0; i < n; i++) {
          let z = B0 + (COEF[j] as number) * v;
          for (let k = 0; k < COEF.length; k++)
            if (k !== j) z += (COEF[k] as number) * (cols[k]?.[i] as number);
          s += sigmoid(z);
        }
        // The model computes in float32 (inputs rounded to ~6e-8 relative): 1e-6 absorbs that.
        expect(Math.abs((c.mean[g] as number) - s / n)).toBeLessThan(1e-6);
        expect(c.ice_p10[g] as number).toBeLessThanOrEqual(c.mean[g] as number);
        expect(c.mean[g] as number).toBeLessThanOrEqual(c.ice_p90[g] as number);
      });
    }
    const flat = r.curves[3]?.mean as number[];
    expect(Math.max(...flat) - Math.min(...flat)).toBeLessThan(MONOTONE_TOLERANCE);
  });

  it('batches the copies into several calls when they exceed the cell budget, with the same numbers', async () => {
    const big = 120_000;
    const r2 = new Xoshiro128(1);
    const bigCols = COEF.map(() => Float64Array.from({ length: big }, () => r2.normal()));
    const bigTable = numericTable('big', 'big.csv', setup.features, bigCols);
    const features = [{ feature: 'x1', grid: quantileGrid(bigCols[0] as Float64Array, 10) }];
    const r = await partialDependence({
      rootDir: setup.dir,
      model: setup.model,
      table: bigTable,
      features,
      iceRows: 50,
      seed: 0,
    });
    // 4M cells per call / (120k rows × 4 features) = 8 grid points per call: 2 calls.
    expect(r.batches).toBe(2);
    expect(r.iceRows).toBe(50);
    expect(r.curves[0]?.monotone).toBe('increasing');
  });
});
