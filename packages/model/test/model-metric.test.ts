import path from 'node:path';
import {
  CheckRegistry,
  type CheckResult,
  createMemo,
  InputError,
  loadProject,
  type RegopsConfig,
  type RunContext,
  runPipeline,
} from '@regops/core';
import { createDataServices } from '@regops/data';
import * as ort from 'onnxruntime-node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatValue, inspectModel, type ModelMetricConfig, modelMetricCheck } from '../src';
import { FEATURES, PIMA, scratch, sidecar } from './helpers';
import { identityModel } from './onnx-builder';

const registry = new CheckRegistry().register(modelMetricCheck);
const quiet = { info() {}, warn() {}, debug() {} };

/** A check entry as written in YAML (metric left open so the schema's rejection can be tested). */
type CheckInput = Omit<Partial<ModelMetricConfig>, 'metric'> & { id: string; metric: string };

/** A config as loadProject would produce it: parsed by the real schema, defaults applied. */
function pimaConfig(checks: CheckInput[], over: Record<string, unknown> = {}): RegopsConfig {
  return registry.configSchema().parse({
    version: 1,
    project: { name: 'pima' },
    requirements: 'requirements.yml',
    model: { path: 'models/pima_hgb_candidate.onnx', input: 'float_input', features: FEATURES },
    target: { column: 'diabetes', positive: 'pos' },
    datasets: {
      train: { path: 'data/train.csv', role: 'train' },
      test: { path: 'data/test.csv', role: 'test' },
      shifted: { path: 'data/shifted.csv', role: 'current' },
    },
    checks: checks.map((c) => ({ type: 'model.metric', ...c })),
    ...over,
  });
}

/** A RunContext like the pipeline's: tables read once, memo shared by key; counts computations by key. */
function context(config: RegopsConfig, rootDir = PIMA) {
  const computed: string[] = [];
  const ctx: RunContext = {
    rootDir,
    config,
    log: quiet,
    services: {
      ...createDataServices(config, rootDir),
      inspectModel: (rel) => inspectModel(rootDir, rel),
    },
    memo: createMemo((key) => computed.push(key)),
  };
  return { ctx, computed };
}

const entry = (config: RegopsConfig, i = 0) => config.checks[i] as ModelMetricConfig;

async function runAll(config: RegopsConfig, rootDir = PIMA) {
  const { ctx, computed } = context(config, rootDir);
  const results: CheckResult[] = [];
  for (const c of config.checks) results.push(...(await modelMetricCheck.run(ctx, c as ModelMetricConfig)));
  return { results, computed };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('model.metric run on the Pima test split', () => {
  it('passes with AUROC ≥ 0.75 and reports value, bound and counts', async () => {
    const config = pimaConfig([{ id: 'auroc-test', metric: 'auroc', min: 0.75, verifies: ['REQ-1'] }]);
    const {
      results: [r],
    } = await runAll(config);
    const expected = sidecar('pima_hgb_candidate').metrics.test.auroc as number;
    expect(r?.status).toBe('pass');
    expect(r?.id).toBe('auroc-test');
    expect(r?.check).toBe('model.metric');
    expect(r?.verifies).toEqual(['REQ-1']);
    expect(r?.message).toBe('AUROC 0.8226; 95% CI 0.7570–0.8812 (bound ≥ 0.75) on test (n=192, 67 positive)');
    expect(r?.metrics[0]).toMatchObject({ name: 'auroc', threshold: { op: '>=', value: 0.75 } });
    expect(Math.abs((r?.metrics[0]?.value as number) - expected)).toBeLessThan(1e-6);
    expect(r?.metrics.slice(1)).toEqual([
      { name: 'n', value: 192 },
      { name: 'n_positive', value: 67 },
    ]);
    expect(r?.details).toMatchObject({
      dataset: 'test',
      dataset_path: 'data/test.csv',
      model: 'models/pima_hgb_candidate.onnx',
    });
  });

  it('fails with AUROC ≥ 0.99; the message has the observed value and the bound', async () => {
    const {
      results: [r],
    } = await runAll(pimaConfig([{ id: 'auroc-strict', metric: 'auroc', min: 0.99 }]));
    expect(r?.status).toBe('fail');
    expect(r?.message).toContain('AUROC 0.8226');
    expect(r?.message).toContain('≥ 0.99');
  });

  it('threshold metrics carry the operating point and the confusion counts', async () => {
    const car = sidecar('pima_hgb_candidate').metrics.test;
    const config = pimaConfig([
      { id: 'sens', metric: 'sensitivity', min: 0.6 },
      { id: 'spec', metric: 'specificity', min: 0.8, max: 0.95 },
      { id: 'ppv', metric: 'ppv', min: 0.6 },
      { id: 'npv', metric: 'npv', min: 0.9 },
      { id: 'acc', metric: 'accuracy', min: 0.75 },
    ]);
    const { results } = await runAll(config);
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass', 'pass', 'fail', 'pass']);
    const [sens, spec, ppv, npv, acc] = results;
    expect(sens?.message).toBe(
      'sensitivity 0.6119 at threshold 0.5; 95% CI 0.4925–0.7313 (bound ≥ 0.6) on test (n=192, 67 positive; TP 41, FP 18, TN 107, FN 26)',
    );
    expect(sens?.details).toMatchObject({ threshold: 0.5, confusion: { tp: 41, fp: 18, tn: 107, fn: 26 } });
    expect(spec?.metrics.filter((m) => m.name === 'specificity').map((m) => m.threshold)).toEqual([
      { op: '>=', value: 0.8 },
      { op: '<=', value: 0.95 },
    ]);
    expect(spec?.message).toContain('(bound ≥ 0.8 and ≤ 0.95)');
    for (const [r, name] of [
      [sens, 'sensitivity'],
      [spec, 'specificity'],
      [ppv, 'ppv'],
      [npv, 'npv'],
      [acc, 'accuracy'],
    ] as const) {
      expect(Math.abs((r?.metrics[0]?.value as number) - (car[name] as number)), name).toBeLessThan(1e-6);
      expect(r?.metrics.find((m) => m.name === 'threshold')?.value).toBe(0.5);
    }
  });

  it('runs the model once per dataset for several metric checks (memo)', async () => {
    const create = vi.spyOn(ort.InferenceSession, 'create');
    const config = pimaConfig([
      { id: 'a', metric: 'auroc', min: 0.75 },
      { id: 'b', metric: 'sensitivity', min: 0.5, threshold: 0.3 },
      { id: 'c', metric: 'auroc', min: 0.7, dataset: 'shifted' },
      { id: 'd', metric: 'accuracy', min: 0.5, dataset: 'test' },
    ]);
    const { results, computed } = await runAll(config);
    expect(computed).toEqual(['predict:test', 'predict:shifted']);
    expect(create).toHaveBeenCalledTimes(2);
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(results[1]?.message).toMatch(
      /^sensitivity 0\.\d{4} at threshold 0\.3; 95% CI 0\.\d{4}–0\.\d{4} \(bound ≥ 0\.5\) on test/,
    );
    // shifted.csv: 46 rows, 22 positive; sidecar AUROC 0.7936.
    expect(results[2]?.message).toMatch(
      /^AUROC 0\.7936; 95% CI 0\.\d{4}–0\.\d{4} \(bound ≥ 0\.7\) on shifted \(n=46, 22 positive\)$/,
    );
  });

  it('an undefined metric is an error result that says why', async () => {
    const { results } = await runAll(pimaConfig([{ id: 'p', metric: 'ppv', min: 0.5, threshold: 1 }]));
    expect(results[0]?.status).toBe('error');
    expect(results[0]?.metrics[0]?.value).toBeNull();
    expect(results[0]?.message).toMatch(
      /^PPV at threshold 1 is undefined on test \(n=192, 67 positive; TP 0, FP 0, TN 125, FN 67\): no row is predicted positive/,
    );
    const wrongPositive = pimaConfig([{ id: 'a', metric: 'auroc', min: 0.5 }], {
      target: { column: 'diabetes', positive: 'yes' },
    });
    await expect(runAll(wrongPositive)).rejects.toThrow(
      'data/test.csv: column "diabetes" (target.column): no row has the label target.positive "yes", and there are several other labels; check target.positive (and set target.negative)',
    );
  });
});

describe('model.metric errors from data and model', () => {
  it('a missing label names file, row and column', async () => {
    const s = scratch({
      'model.onnx': identityModel(2),
      'labels.csv': 'a,b,y\n0.1,0.2,1\n0.3,0.4,\n',
    });
    try {
      const config = pimaConfig([{ id: 'a', metric: 'auroc', min: 0.5 }], {
        model: { path: 'model.onnx', input: 'x', features: ['a', 'b'] },
        target: { column: 'y', positive: 1 },
        datasets: { test: { path: 'labels.csv', role: 'test' } },
      });
      await expect(runAll(config, s.dir)).rejects.toThrow(InputError);
      await expect(runAll(config, s.dir)).rejects.toThrow(
        'labels.csv: row 2, column "y" (target.column): the label is missing. Model metrics need a label on every row: fill it in or remove the row.',
      );
    } finally {
      s.cleanup();
    }
  });

  it('NaN probabilities from a model without an imputer are an error, not dropped rows', async () => {
    const s = scratch({
      'model.onnx': identityModel(2),
      'rows.csv': 'a,b,y\n0.1,0.2,1\n0.3,,0\n0.5,0.9,0\n',
    });
    try {
      const config = pimaConfig([{ id: 'a', metric: 'auroc', min: 0.5 }], {
        model: { path: 'model.onnx', input: 'x', features: ['a', 'b'] },
        target: { column: 'y', positive: 1 },
        datasets: { test: { path: 'rows.csv', role: 'test' } },
      });
      await expect(runAll(config, s.dir)).rejects.toThrow(
        /^model\.onnx: output "probabilities" column 1 is NaN for 1 of 3 rows of rows\.csv \(rows 2\); regops does not drop rows\. All of them have missing feature values \(columns: b\)/,
      );
    } finally {
      s.cleanup();
    }
  });
});

describe('model.metric config checks', () => {
  const problems = (check: CheckInput, over: Record<string, unknown> = {}) => {
    const config = pimaConfig([check], over);
    return modelMetricCheck.validate?.(entry(config), config) ?? [];
  };

  it('accepts a complete entry', () => {
    expect(problems({ id: 'a', metric: 'auroc', min: 0.75 })).toEqual([]);
    expect(problems({ id: 'a', metric: 'npv', max: 0.99, threshold: 0.2, dataset: 'shifted' })).toEqual([]);
  });

  it('needs a bound, a consistent range, and threshold only for threshold metrics', () => {
    expect(problems({ id: 'a', metric: 'auroc' })).toEqual([
      { path: [], message: 'set `min` and/or `max`: the acceptance bound for AUROC (e.g. min: 0.75)' },
    ]);
    expect(problems({ id: 'a', metric: 'ppv', min: 0.9, max: 0.8 })).toEqual([
      { path: ['min'], message: 'min (0.9) is greater than max (0.8); no value can pass' },
    ]);
    expect(problems({ id: 'a', metric: 'auroc', min: 0.7, threshold: 0.5 })[0]?.path).toEqual(['threshold']);
  });

  it('needs model, target and a known dataset', () => {
    const msgs = problems(
      { id: 'a', metric: 'auroc', min: 0.7, dataset: 'tset' },
      { model: undefined, target: undefined },
    ).map((p) => p.message);
    expect(msgs).toEqual([
      'model.metric needs the model under test: add a `model:` section to the config',
      'model.metric needs the true labels: add a `target:` section (column and positive value) to the config',
      'unknown dataset "tset"; did you mean "test"? (defined: train, test, shifted)',
    ]);
    const noTest = problems(
      { id: 'a', metric: 'auroc', min: 0.7 },
      { datasets: { train: { path: 'data/train.csv', role: 'train' } } },
    );
    expect(noTest[0]?.message).toBe(
      'no `dataset:` given and no dataset has role `test`; set `dataset:` to one of: train',
    );
  });

  it('rejects out-of-range bounds (validate) and unknown metrics (schema)', () => {
    const config = pimaConfig([{ id: 'a', metric: 'auroc', min: 75 }]);
    expect(modelMetricCheck.validate?.(entry(config), config)).toEqual([
      {
        path: ['min'],
        message: 'AUROC lies between 0 and 1, so min: 75 cannot be meant (a percentage? use 0.75)',
      },
    ]);
    expect(() => pimaConfig([{ id: 'a', metric: 'f2', min: 0.5 }])).toThrow();
    expect(() => pimaConfig([{ id: 'a', metric: 'sensitivity', min: 0.5, threshold: 1.5 }])).toThrow();
  });

  it('columns(): features and target on the evaluated dataset, with their config paths', () => {
    const config = pimaConfig([{ id: 'a', metric: 'auroc', min: 0.7 }]);
    const needs = modelMetricCheck.columns?.(entry(config), config) ?? [];
    expect(needs).toHaveLength(9);
    expect(needs[0]).toEqual({ dataset: 'test', column: 'pregnant', field: ['model', 'features', 0] });
    expect(needs[7]).toEqual({ dataset: 'test', column: 'age', field: ['model', 'features', 7] });
    expect(needs[8]).toEqual({ dataset: 'test', column: 'diabetes', field: ['target', 'column'] });
  });

  it('criterion() in words', () => {
    const config = pimaConfig([
      { id: 'a', metric: 'auroc', min: 0.75 },
      { id: 'b', metric: 'sensitivity', min: 0.8, threshold: 0.3, dataset: 'shifted' },
      { id: 'c', metric: 'specificity', min: 0.5, max: 0.9 },
    ]);
    expect(config.checks.map((c) => modelMetricCheck.criterion(c as ModelMetricConfig, config))).toEqual([
      'AUROC ≥ 0.75 on test',
      'sensitivity at threshold 0.3 ≥ 0.8 on shifted',
      'specificity at threshold 0.5 ≥ 0.5 and ≤ 0.9 on test',
    ]);
  });

  it('formatValue never rounds a value across its bound', () => {
    expect(formatValue(0.82256716, [{ op: '>=', value: 0.75 }])).toBe('0.8226');
    expect(formatValue(0.749996, [{ op: '>=', value: 0.75 }])).toBe('0.749996');
    expect(formatValue(0.80004, [{ op: '<=', value: 0.8 }])).toBe('0.80004');
  });
});

describe('through loadProject and runPipeline', () => {
  const yml = (input: string) => `version: 1
project:
  name: pima-e2e
requirements: requirements.yml
model:
  path: ${JSON.stringify(path.join(PIMA, 'models/pima_hgb_candidate.onnx'))}
  input: ${input}
  features: [${FEATURES.join(', ')}]
target:
  column: diabetes
  positive: pos
datasets:
  test:
    path: ${JSON.stringify(path.join(PIMA, 'data/test.csv'))}
    role: test
checks:
  - id: auroc
    type: model.metric
    metric: auroc
    min: 0.75
    verifies: [REQ-PERF-1]
  - id: sensitivity
    type: model.metric
    metric: sensitivity
    threshold: 0.4
    min: 0.6
    verifies: [REQ-PERF-1]
`;
  const requirements = `requirements:
  - id: REQ-PERF-1
    title: Discrimination
    text: The model shall discriminate diabetes from no diabetes with AUROC of at least 0.75.
    type: performance
`;

  it('evidence records the model and both results; the model runs once', async () => {
    const s = scratch({ 'regops.yml': yml('float_input'), 'requirements.yml': requirements });
    const create = vi.spyOn(ort.InferenceSession, 'create');
    try {
      const project = loadProject(path.join(s.dir, 'regops.yml'), registry);
      const { ctx } = context(project.config, project.rootDir);
      const evidence = await runPipeline(project, registry, ctx.services, { log: quiet });
      expect(evidence.model?.sha256).toBe(sidecar('pima_hgb_candidate').sha256);
      expect(evidence.results.map((r) => [r.id, r.status])).toEqual([
        ['auroc', 'pass'],
        ['sensitivity', 'pass'],
      ]);
      expect(evidence.results[0]?.message).toBe(
        'AUROC 0.8226; 95% CI 0.7570–0.8812 (bound ≥ 0.75) on test (n=192, 67 positive)',
      );
      expect(evidence.checks.map((c) => c.criterion)).toEqual([
        'AUROC ≥ 0.75 on test',
        'sensitivity at threshold 0.4 ≥ 0.6 on test',
      ]);
      expect(create).toHaveBeenCalledTimes(1);
    } finally {
      s.cleanup();
    }
  });

  it('a wrong model.input is an InputError naming the model file and its inputs', async () => {
    const s = scratch({ 'regops.yml': yml('input'), 'requirements.yml': requirements });
    try {
      const project = loadProject(path.join(s.dir, 'regops.yml'), registry);
      const { ctx } = context(project.config, project.rootDir);
      const run = runPipeline(project, registry, ctx.services, { log: quiet });
      await expect(run).rejects.toThrow(InputError);
      await expect(run).rejects.toThrow(
        /pima_hgb_candidate\.onnx has no input "input"; its inputs are: "float_input"/,
      );
    } finally {
      s.cleanup();
    }
  });

  it('validate problems carry the file position', () => {
    const s = scratch({
      'regops.yml': yml('float_input').replace('    min: 0.75\n', ''),
      'requirements.yml': requirements,
    });
    try {
      expect(() => loadProject(path.join(s.dir, 'regops.yml'), registry)).toThrow(
        /regops\.yml:\d+:\d+: checks\[0\]: set `min` and\/or `max`/,
      );
    } finally {
      s.cleanup();
    }
  });
});
