import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CheckRegistry,
  type CheckResult,
  createMemo,
  type RegopsConfig,
  type RunContext,
} from '@regops/core';
import { createDataServices } from '@regops/data';
import { inspectModel } from '@regops/model';
import { describe, expect, it } from 'vitest';
import { type DriftPredictionConfig, driftPredictionCheck } from '../src/drift-prediction';

/**
 * drift.prediction on the real Pima models (onnxruntime-node): candidate scores on train vs the older cohort,
 * the diabetes share on both, and the candidate vs the baseline on the cohort's rows. Reference values come
 * from sklearn's probabilities and scipy (scripts/fixtures/make_prediction_drift_fixture.py).
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const rootDir = path.join(repoRoot, 'examples/pima-diabetes');
const fixture = JSON.parse(
  readFileSync(path.join(repoRoot, 'test/fixtures/drift-prediction/pima.json'), 'utf8'),
) as {
  score_ks: { statistic: number; pvalue: number };
  label: { k1: number; n1: number; k2: number; n2: number; pvalue: number };
  holm: [number, number];
  baseline: { mean_abs: number; max_abs: number; flips: number; to_positive: number; rows: number[] };
};
const FEATURES = ['pregnant', 'glucose', 'pressure', 'triceps', 'insulin', 'mass', 'pedigree', 'age'];
const registry = new CheckRegistry().register(driftPredictionCheck);

function config(check: Record<string, unknown>, baseline = true): RegopsConfig {
  return registry.configSchema().parse({
    version: 1,
    project: { name: 'prediction drift' },
    model: { path: 'models/pima_hgb_candidate.onnx', input: 'float_input', features: FEATURES },
    ...(baseline ? { baseline: { model: 'models/pima_logreg_baseline.onnx' } } : {}),
    target: { column: 'diabetes', positive: 'pos' },
    datasets: {
      train: { path: 'data/train.csv', role: 'train' },
      shifted: { path: 'data/shifted.csv', role: 'current' },
    },
    requirements: 'requirements.yml',
    checks: [{ id: 'pred', type: 'drift.prediction', reference: 'train', current: 'shifted', ...check }],
  });
}

async function run(check: Record<string, unknown> = {}, baseline = true): Promise<CheckResult> {
  const cfg = config(check, baseline);
  const ctx: RunContext = {
    rootDir,
    config: cfg,
    baseline: baseline
      ? {
          source: 'path',
          modelPath: path.join(rootDir, 'models/pima_logreg_baseline.onnx'),
          modelDisplay: 'models/pima_logreg_baseline.onnx',
          config: null,
        }
      : null,
    services: { ...createDataServices(cfg, rootDir), inspectModel: (rel) => inspectModel(rootDir, rel) },
    log: { info() {}, warn() {}, debug() {} },
    memo: createMemo(),
  };
  const [r] = await driftPredictionCheck.run(ctx, cfg.checks[0] as DriftPredictionConfig);
  return r as CheckResult;
}

const value = (r: CheckResult, name: string) => r.metrics.find((m) => m.name === name)?.value as number;

describe('drift.prediction on the Pima models', () => {
  it('score KS, label share and their Holm correction equal scipy on the sklearn probabilities', async () => {
    const r = await run();
    expect(Math.abs(value(r, 'score_ks_statistic') - fixture.score_ks.statistic)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(value(r, 'score_p_adjusted') / fixture.holm[0] - 1)).toBeLessThanOrEqual(1e-9);
    expect(value(r, 'label_share_reference')).toBe(fixture.label.k1 / fixture.label.n1);
    expect(value(r, 'label_share_current')).toBe(fixture.label.k2 / fixture.label.n2);
    expect(Math.abs(value(r, 'label_p_adjusted') / fixture.holm[1] - 1)).toBeLessThanOrEqual(1e-9);
    // The scores drift (Holm p 1.5e-4), the label share does not (p 0.078): the check fails by default.
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(
      /^drift: scores: KS D=0\.3389, p\(holm\)=1\.45e-4 \(drift\); label share 34\.9% → 47\.8%, p\(holm\)=0\.0784; /,
    );
  });

  it('candidate vs baseline on the same rows: |ΔP| and flips equal the sklearn probabilities (row numbers only)', async () => {
    const r = await run();
    expect(Math.abs(value(r, 'mean_abs_score_change') - fixture.baseline.mean_abs)).toBeLessThan(1e-6);
    expect(Math.abs(value(r, 'max_abs_score_change') - fixture.baseline.max_abs)).toBeLessThan(1e-6);
    expect(value(r, 'flips')).toBe(fixture.baseline.flips);
    const flips = (r.details as { baseline: { flips: { rows: number[]; to_positive: number } } }).baseline
      .flips;
    expect(flips.rows).toEqual(fixture.baseline.rows);
    expect(flips.to_positive).toBe(fixture.baseline.to_positive);
    expect(r.message).toContain(`${fixture.baseline.flips} flip(s) at 0.5`);
  });

  it('fail_on: none reports drift as a warning; without a baseline the comparison is left out', async () => {
    const r = await run({ fail_on: 'none' }, false);
    expect(r.status).toBe('warn');
    expect(r.metrics.map((m) => m.name)).not.toContain('flips');
    expect(r.details?.baseline).toBeUndefined();
  });

  it('validate names unknown datasets with a suggestion', () => {
    const cfg = config({ current: 'shifed' });
    expect(driftPredictionCheck.validate?.(cfg.checks[0] as DriftPredictionConfig, cfg)).toEqual([
      {
        path: ['current'],
        message: 'unknown dataset "shifed"; did you mean "shifted"? (defined: train, shifted)',
      },
    ]);
  });
});
