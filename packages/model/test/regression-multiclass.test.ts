import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CheckRegistry,
  type CheckResult,
  createMemo,
  InputError,
  type RegopsConfig,
  type RunContext,
} from '@regops/core';
import { createDataServices } from '@regops/data';
import { describe, expect, it } from 'vitest';
import { inspectModel, type ModelMetricConfig, modelMetricCheck, predictMatrix, predictValues } from '../src';
import { csvTable, REPO, scratch } from './helpers';
import { identityModel } from './onnx-builder';

const registry = new CheckRegistry().register(modelMetricCheck);
const quiet = { info() {}, warn() {}, debug() {} };
const FIXTURES = path.join(REPO, 'test/fixtures/multiclass');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

type CheckInput = Omit<Partial<ModelMetricConfig>, 'metric' | 'class'> & {
  id: string;
  metric: string;
  class?: string | number;
};

const MULTICLASS = {
  model: { path: 'model.onnx', input: 'x', features: ['p0', 'p1', 'p2'], task: 'multiclass' },
  target: { column: 'y', classes: ['a', 'b', 'c'] },
  datasets: { test: { path: 'data.csv', role: 'test' } },
};
const REGRESSION = {
  model: { path: 'model.onnx', input: 'x', features: ['x'], task: 'regression', output: 'probabilities' },
  target: { column: 'y' },
  datasets: { test: { path: 'data.csv', role: 'test' } },
};

function config(checks: CheckInput[], over: Record<string, unknown>): RegopsConfig {
  return registry.configSchema().parse({
    version: 1,
    project: { name: 'mc' },
    requirements: 'requirements.yml',
    checks: checks.map((c) => ({ type: 'model.metric', ...c })),
    ...over,
  });
}

async function runAll(cfg: RegopsConfig, rootDir: string): Promise<CheckResult[]> {
  const ctx: RunContext = {
    rootDir,
    config: cfg,
    log: quiet,
    services: { ...createDataServices(cfg, rootDir), inspectModel: (rel) => inspectModel(rootDir, rel) },
    memo: createMemo(),
  };
  const out: CheckResult[] = [];
  for (const c of cfg.checks) out.push(...(await modelMetricCheck.run(ctx, c as ModelMetricConfig)));
  return out;
}

async function withFiles<T>(model: Uint8Array, csv: string, f: (dir: string) => Promise<T>): Promise<T> {
  const s = scratch({ 'model.onnx': model, 'data.csv': csv });
  try {
    return await f(s.dir);
  } finally {
    s.cleanup();
  }
}

const problems = (check: CheckInput, over: Record<string, unknown>) => {
  const cfg = config([check], over);
  return modelMetricCheck.validate?.(cfg.checks[0] as ModelMetricConfig, cfg) ?? [];
};

/*
 * three-class.csv, classes a, b, c (support 2, 2, 3; n = 7), probabilities = the p0, p1, p2 columns.
 * One-vs-rest AUROC by pair counting (ties ½):
 *   a (column p0): positives 0.6, 0.25 vs negatives 0.2, 0.25, 0.1, 0.5, 0.2 → (5 + 3.5) / 10 = 0.85
 *   b (column p1): positives 0.7, 0.4 vs negatives 0.3, 0.65, 0.2, 0.1, 0.3 → (5 + 4) / 10 = 0.9
 *   c (column p2): positives 0.7, 0.4, 0.5 vs negatives 0.1, 0.1, 0.1, 0.35 → 12 / 12 = 1
 *   macro = (0.85 + 0.9 + 1) / 3 = 0.91666…; weighted = (2·0.85 + 2·0.9 + 3·1) / 7 = 6.5 / 7 = 0.928571…
 * Argmax predictions a, b, b, b, c, a, c → recall a 1/2, b 2/2, c 2/3.
 */
describe('model.metric on a multiclass model', () => {
  const csv = fixture('three-class.csv');

  it('macro and weighted one-vs-rest AUROC equal the hand-worked values', async () => {
    const results = await withFiles(identityModel(3), csv, (dir) =>
      runAll(
        config(
          [
            { id: 'macro', metric: 'macro_auroc', min: 0.9 },
            { id: 'weighted', metric: 'weighted_auroc', min: 0.95 },
          ],
          MULTICLASS,
        ),
        dir,
      ),
    );
    const [macro, weighted] = results;
    expect(macro?.status).toBe('pass');
    expect(macro?.metrics[0]?.value).toBeCloseTo(2.75 / 3, 12);
    expect(macro?.message).toMatch(
      /^macro AUROC 0\.9167; 95% CI \d\.\d{4}–\d\.\d{4} \(bound ≥ 0\.9\) on test \(n=7\)$/,
    );
    expect(macro?.details?.ci).toMatchObject({ method: 'percentile', resamples: 1000, stratified: true });
    expect(macro?.details?.per_class).toEqual({
      a: { support: 2, recall: 0.5, auroc: 0.85 },
      b: { support: 2, recall: 1, auroc: 0.9 },
      c: { support: 3, recall: 2 / 3, auroc: 1 },
    });
    expect(weighted?.status).toBe('fail');
    expect(weighted?.metrics[0]?.value).toBeCloseTo(6.5 / 7, 12);
    expect(weighted?.message).toMatch(/^weighted AUROC 0\.9286; 95% CI /);
    expect(weighted?.message).toContain('(bound ≥ 0.95) on test (n=7)');
  });

  it('class recall of each class from the argmax prediction', async () => {
    const results = await withFiles(identityModel(3), csv, (dir) =>
      runAll(
        config(
          [
            { id: 'ra', metric: 'class_recall', class: 'a', min: 0.6 },
            { id: 'rb', metric: 'class_recall', class: 'b', min: 0.6 },
            { id: 'rc', metric: 'class_recall', class: 'c', min: 0.6 },
          ],
          MULTICLASS,
        ),
        dir,
      ),
    );
    expect(results.map((r) => r.metrics[0]?.value)).toEqual([0.5, 1, 2 / 3]);
    expect(results.map((r) => r.status)).toEqual(['fail', 'pass', 'pass']);
    // Class a has 2 rows: a stratified resample draws 2 of them, so its recall is 0, 0.5 or 1.
    expect(results[0]?.message).toBe(
      'recall of class "a" 0.5000; 95% CI 0.0000–1.0000 (bound ≥ 0.6) on test (n=7)',
    );
    expect(results[2]?.metrics).toContainEqual({ name: 'n_class', value: 3 });
  });

  it('predictMatrix returns the whole [N, k] output', async () => {
    const m = await withFiles(identityModel(3), csv, async (dir) => {
      const cfg = config([], MULTICLASS);
      const table = await csvTable(dir, 'data.csv');
      return predictMatrix({ rootDir: dir, model: cfg.model as NonNullable<RegopsConfig['model']>, table });
    });
    expect(m.k).toBe(3);
    expect(m.values.length).toBe(21);
    expect(m.values[3]).toBe(0.25);
    expect(m.values[4]).toBeCloseTo(0.65, 6);
  });

  it('a label outside target.classes is an InputError naming file, column and rows', async () => {
    const error = await withFiles(identityModel(3), fixture('bad-label.csv'), (dir) =>
      runAll(config([{ id: 'm', metric: 'macro_auroc', min: 0.5 }], MULTICLASS), dir),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'data.csv: column "y" (target.column): 2 row(s) hold a label that is not in target.classes (a, b, c) (rows 2, 4; label(s) "d", "B"); fix those rows or target.classes',
    );
  });

  it('a probabilities width that differs from target.classes names the model file', async () => {
    await expect(
      withFiles(identityModel(3), csv, (dir) =>
        runAll(
          config([{ id: 'm', metric: 'macro_auroc', min: 0.5 }], {
            ...MULTICLASS,
            target: { column: 'y', classes: ['a', 'b', 'c', 'd'] },
          }),
          dir,
        ),
      ),
    ).rejects.toThrow(
      'model.onnx: output "probabilities" has 3 column(s), but target.classes lists 4 label(s) (a, b, c, d)',
    );
  });
});

/*
 * regression.csv: prediction x = 1, 2, 3, 4; truth y = 1.5, 2, 2, 5; residuals 0.5, 0, −1, 1.
 *   MAE = 2.5 / 4 = 0.625; RMSE = √(2.25 / 4) = 0.75;
 *   R² = 1 − 2.25 / Σ(y − 2.625)² = 1 − 2.25 / 7.6875 = 29/41 = 0.70731…
 */
describe('model.metric on a regression model', () => {
  const csv = fixture('regression.csv');

  it('MAE, RMSE and R² equal the hand-worked values', async () => {
    const results = await withFiles(identityModel(1), csv, (dir) =>
      runAll(
        config(
          [
            { id: 'mae', metric: 'mae', max: 0.7 },
            { id: 'rmse', metric: 'rmse', max: 0.7 },
            { id: 'r2', metric: 'r2', min: 0.7 },
          ],
          REGRESSION,
        ),
        dir,
      ),
    );
    const [mae, rmse, r2] = results;
    expect(mae?.metrics[0]?.value).toBe(0.625);
    expect(rmse?.metrics[0]?.value).toBe(0.75);
    expect(r2?.metrics[0]?.value).toBeCloseTo(29 / 41, 12);
    expect(results.map((r) => r.status)).toEqual(['pass', 'fail', 'pass']);
    // |errors| 0.5, 0, 1, 1; a resample is 4 draws: P(MAE ≤ 0.125) = 5/256 < 2.5% < P(MAE ≤ 0.25) = 19/256,
    // P(MAE = 1) = (1/2)^4 = 1/16 > 2.5%: the 95% percentile interval is 0.25–1 (1000 resamples).
    expect(mae?.message).toBe('MAE 0.6250; 95% CI 0.2500–1.0000 (bound ≤ 0.7) on test (n=4)');
    expect(r2?.metrics).toEqual([
      {
        name: 'r2',
        value: r2?.metrics[0]?.value,
        ci: r2?.metrics[0]?.ci,
        threshold: { op: '>=', value: 0.7 },
      },
      { name: 'n', value: 4 },
    ]);
  });

  it('predictValues reads an [N, 1] output', async () => {
    const v = await withFiles(identityModel(1), csv, async (dir) => {
      const cfg = config([], REGRESSION);
      const table = await csvTable(dir, 'data.csv');
      return predictValues({ rootDir: dir, model: cfg.model as NonNullable<RegopsConfig['model']>, table });
    });
    expect([...v]).toEqual([1, 2, 3, 4]);
  });

  it('a model.output the model does not have is an InputError naming the model file', async () => {
    await expect(
      withFiles(identityModel(1), csv, (dir) =>
        runAll(
          config([{ id: 'mae', metric: 'mae', max: 1 }], {
            ...REGRESSION,
            model: { ...REGRESSION.model, output: 'variable' },
          }),
          dir,
        ),
      ),
    ).rejects.toThrow(
      'model.onnx: the model has no output "variable" (model.output); its outputs are: "probabilities".',
    );
  });

  it('a missing true value is an InputError naming file, column and rows', async () => {
    await expect(
      withFiles(identityModel(1), 'x,y\n1,1\n2,\n3,3\n', (dir) =>
        runAll(config([{ id: 'mae', metric: 'mae', max: 1 }], REGRESSION), dir),
      ),
    ).rejects.toThrow(
      'data.csv: column "y" (target.column): the true value is missing or not finite on 1 row(s) (rows 2)',
    );
  });
});

describe('model.metric validate() with model.task', () => {
  it('accepts fitting metrics, with no target.positive for regression and multiclass', () => {
    expect(problems({ id: 'm', metric: 'mae', max: 1 }, REGRESSION)).toEqual([]);
    expect(problems({ id: 'm', metric: 'r2', min: -0.5 }, REGRESSION)).toEqual([]);
    expect(problems({ id: 'm', metric: 'macro_auroc', min: 0.8 }, MULTICLASS)).toEqual([]);
    expect(problems({ id: 'm', metric: 'class_recall', class: 'b', min: 0.8 }, MULTICLASS)).toEqual([]);
  });

  it('rejects a metric that does not fit model.task', () => {
    expect(problems({ id: 'm', metric: 'auroc', min: 0.8 }, REGRESSION)).toContainEqual({
      path: ['metric'],
      message:
        'AUROC (auroc) is a binary metric, but model.task is regression; use one of mae, rmse, r2, or set model.task: binary',
    });
    expect(
      problems(
        { id: 'm', metric: 'mae', max: 1 },
        { ...MULTICLASS, model: { ...MULTICLASS.model, task: undefined } },
      ),
    ).toContainEqual({
      path: ['metric'],
      message:
        'MAE (mae) is a regression metric, but model.task is binary (the default); use one of auroc, average_precision, brier, log_loss, ece, calibration_slope, calibration_intercept, sensitivity, specificity, ppv, npv, accuracy, f1, net_benefit, or set model.task: regression',
    });
  });

  it('names the fields each task needs', () => {
    expect(
      problems({ id: 'm', metric: 'macro_auroc', min: 0.8 }, { ...MULTICLASS, target: { column: 'y' } }),
    ).toEqual([
      {
        path: [],
        message:
          'macro AUROC needs target.classes: the label values in the order of the columns of model.probabilities',
      },
    ]);
    const { output: _, ...noOutput } = REGRESSION.model;
    expect(problems({ id: 'm', metric: 'rmse', max: 1 }, { ...REGRESSION, model: noOutput })).toEqual([
      {
        path: [],
        message:
          "RMSE needs the model's predictions: set model.output to the name of the output holding them ([N] or [N, 1])",
      },
    ]);
    expect(
      problems(
        { id: 'm', metric: 'auroc', min: 0.8 },
        { ...REGRESSION, model: { path: 'model.onnx', input: 'x', features: ['x'] } },
      ),
    ).toEqual([
      {
        path: [],
        message: 'AUROC needs target.positive: the label value of the positive class (e.g. positive: 1)',
      },
    ]);
  });

  it('class_recall needs a class from target.classes; other metrics take none', () => {
    expect(problems({ id: 'm', metric: 'class_recall', min: 0.8 }, MULTICLASS)).toEqual([
      {
        path: ['class'],
        message: 'class_recall needs `class`: the label whose recall is judged (one of: a, b, c)',
      },
    ]);
    expect(problems({ id: 'm', metric: 'class_recall', class: 'C', min: 0.8 }, MULTICLASS)).toEqual([
      { path: ['class'], message: 'class "C" is not in target.classes (a, b, c); did you mean "c"?' },
    ]);
    expect(problems({ id: 'm', metric: 'macro_auroc', class: 'a', min: 0.8 }, MULTICLASS)).toEqual([
      {
        path: ['class'],
        message: 'class applies to class_recall only; macro AUROC does not use it (remove it)',
      },
    ]);
  });

  it('on: lower/upper works for regression and multiclass metrics; BCa is refused for them', () => {
    expect(problems({ id: 'm', metric: 'mae', max: 1, on: 'upper' }, REGRESSION)).toEqual([]);
    expect(problems({ id: 'm', metric: 'weighted_auroc', min: 0.8, on: 'lower' }, MULTICLASS)).toEqual([]);
    expect(
      problems({ id: 'm', metric: 'mae', max: 1, on: 'upper', ci: { method: 'bca' } }, REGRESSION),
    ).toEqual([
      {
        path: ['ci', 'method'],
        message:
          'BCa intervals are computed for binary metrics only; MAE (a regression metric) gets a percentile interval: set method: percentile',
      },
    ]);
    expect(problems({ id: 'm', metric: 'mae', max: 1, on: 'upper', ci: false }, REGRESSION)).toHaveLength(1);
  });

  it('MAE and RMSE bounds are not limited to [0, 1]', () => {
    expect(problems({ id: 'm', metric: 'rmse', max: 12.5 }, REGRESSION)).toEqual([]);
  });
});
