import { ModelConfig as ModelConfigSchema } from '@regops/core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  exactShapley,
  MAX_SHAPLEY_FEATURES,
  numericTable,
  onScale,
  predictPositive,
  shapleyFromCoalitions,
  Xoshiro128,
} from '../src';
import { logisticSetup } from './logistic';

const COEF = [0.5, 0.25, -0.4, 0, 0.1];
const INTERCEPT = -0.2;
const setup = logisticSetup(COEF, INTERCEPT);
afterAll(() => setup.cleanup());

function uniformColumns(n: number, seed: number, lo = -1, hi = 1): Float64Array[] {
  const rng = new Xoshiro128(seed);
  return COEF.map(() => Float64Array.from({ length: n }, () => Math.fround(lo + (hi - lo) * rng.float())));
}

describe('shapleyFromCoalitions', () => {
  it('is additive for an additive game and symmetric for an interaction', () => {
    // v(S) = Σ_{j∈S} a_j: φ = a.
    const a = [1, -2, 0.5];
    const v = Array.from({ length: 8 }, (_, m) => a.reduce((s, x, j) => s + (m & (1 << j) ? x : 0), 0));
    expect(Array.from(shapleyFromCoalitions(v, 3))).toEqual([1, -2, 0.5]);
    // v = 1 only for {0,1}: split equally.
    const w = [0, 0, 0, 1];
    expect(Array.from(shapleyFromCoalitions(w, 2))).toEqual([0.5, 0.5]);
    expect(() => shapleyFromCoalitions([0, 1], 2)).toThrow(/4 coalition values/);
  });
});

describe('exact Shapley on a hand-built ONNX logistic model', () => {
  const n = 20;
  const B = 64;
  const data = uniformColumns(n, 1);
  const background = uniformColumns(B, 2);
  const table = numericTable('rows', 'rows.csv', setup.features, data);

  it('the model computes the logistic function of the coefficients', async () => {
    const p = await predictPositive({ rootDir: setup.dir, model: setup.model, table });
    for (let i = 0; i < n; i++) {
      const z = INTERCEPT + COEF.reduce((s, c, j) => s + c * (data[j]?.[i] as number), 0);
      expect(p[i]).toBeCloseTo(1 / (1 + Math.exp(-z)), 6);
    }
  });

  it('equals coef × (x − mean background) on the logit to 1e-6, and the sum equals f(x) − E f(background)', async () => {
    const rows = [0, 3, 7, 19];
    const cases = await exactShapley({
      rootDir: setup.dir,
      model: setup.model,
      table,
      rows,
      background,
      scale: 'logit',
    });
    const mean = background.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
    let worst = 0;
    cases.forEach((c, k) => {
      const r = rows[k] as number;
      expect(c.row).toBe(r + 1);
      COEF.forEach((beta, j) => {
        const closed = Math.fround(beta) * ((data[j]?.[r] as number) - (mean[j] as number));
        worst = Math.max(worst, Math.abs((c.attributions[j] as number) - closed));
      });
      const sum = c.attributions.reduce((s, v) => s + v, 0);
      expect(Math.abs(sum - (c.value - c.base))).toBeLessThan(1e-9);
      expect(c.efficiency_gap).toBe(sum - (c.value - c.base));
    });
    expect(worst).toBeLessThan(1e-6);
    // The feature with coefficient 0 gets nothing.
    for (const c of cases) expect(Math.abs(c.attributions[3] as number)).toBeLessThan(1e-6);
  });

  it('on the probability scale the attributions still add up to f(x) − E f(background)', async () => {
    const [c] = await exactShapley({
      rootDir: setup.dir,
      model: setup.model,
      table,
      rows: [5],
      background,
      scale: 'probability',
    });
    const p = await predictPositive({ rootDir: setup.dir, model: setup.model, table });
    expect(c?.value).toBeCloseTo(p[5] as number, 12);
    const sum = (c?.attributions ?? []).reduce((s, v) => s + v, 0);
    expect(sum).toBeCloseTo((c?.value as number) - (c?.base as number), 12);
  });

  it('refuses more features than exact enumeration allows', async () => {
    const many = Array.from({ length: MAX_SHAPLEY_FEATURES + 1 }, (_, j) => `f${j}`);
    const model = ModelConfigSchema.parse({ path: 'logistic.onnx', input: 'x', features: many });
    const cols = many.map(() => new Float64Array(1));
    await expect(
      exactShapley({
        rootDir: setup.dir,
        model,
        table: numericTable('t', 't.csv', many, cols),
        rows: [0],
        background: cols,
        scale: 'logit',
      }),
    ).rejects.toThrow(/at most 12 features/);
  });

  it('onScale clamps probabilities 0 and 1 to finite logits', () => {
    expect(Number.isFinite(onScale(0, 'logit'))).toBe(true);
    expect(Number.isFinite(onScale(1, 'logit'))).toBe(true);
    expect(onScale(0.5, 'logit')).toBe(0);
    expect(onScale(0.3, 'probability')).toBe(0.3);
  });
});
