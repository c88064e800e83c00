import { copyFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Check,
  type CheckEntry,
  CheckRegistry,
  type CheckResult,
  ConfigurationError,
  createMemo,
  InputError,
  loadProject,
  ModelOutputError,
  type RegopsConfig,
  type RunContext,
  runPipeline,
} from '@regops/core';
import { createDataServices } from '@regops/data';
import * as ort from 'onnxruntime-node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inspectModel, modelMetricCheck, predictPositive } from '../src';
import {
  type CasesConfig,
  casesCheck,
  type DirectionalConfig,
  directionalCheck,
  type InvarianceConfig,
  invarianceCheck,
  sampleRows,
} from '../src/behavior';
import {
  type DeterminismConfig,
  determinismCheck,
  type LatencyConfig,
  latencyCheck,
  percentile,
} from '../src/determinism';
import { csvTable, FEATURES, loadPima, modelConfig, PIMA, REPO, scratch } from './helpers';
import { buildModel, FLOAT, node, pb, valueInfo } from './onnx-builder';

const FIXTURES = path.join(REPO, 'test/fixtures/behavior');
const quiet = { info() {}, warn() {}, debug() {} };
const CHECKS = [invarianceCheck, directionalCheck, casesCheck, determinismCheck, latencyCheck] as const;
const registry = new CheckRegistry();
for (const c of [...CHECKS, modelMetricCheck]) registry.register(c as Check<CheckEntry>);

/** TensorProto of float32 values (dims = 1, data_type = 2, name = 8, raw_data = 9, little-endian). */
const floatInitializer = (name: string, dims: number[], values: number[]) =>
  pb.msg(
    5,
    ...dims.map((d) => pb.varint(1, d)),
    pb.varint(2, FLOAT),
    pb.str(8, name),
    pb.bytes(9, new Uint8Array(Float32Array.from(values).buffer)),
  );

/**
 * probabilities = Softmax(x · W) with W = [[0, wa], [0, wb]]: P(positive) = sigmoid(wa·a + wb·b) for
 * x = [a, b]. Missing inputs (NaN) give NaN, as a model without an imputer would.
 */
function logisticModel(wa: number, wb: number): Uint8Array {
  return buildModel({
    producer: 'regops-test',
    graph: [
      node('MatMul', ['x', 'W'], ['logits']),
      node('Softmax', ['logits'], ['probabilities']),
      floatInitializer('W', [2, 2], [0, wa, 0, wb]),
      valueInfo(11, 'x', FLOAT, ['N', 2]),
      valueInfo(12, 'probabilities', FLOAT, ['N', 2]),
    ],
  });
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

let models: ReturnType<typeof scratch>;
/** Absolute path of a tiny model (written once per run). */
const tiny = (name: string) => path.join(models.dir, `${name}.onnx`);

beforeAll(() => {
  models = scratch({
    'only-a.onnx': logisticModel(4, 0), // P = sigmoid(4a): b is ignored
    'a-and-b.onnx': logisticModel(1, 5), // P = sigmoid(a + 5b): b matters, enough to flip decisions
    'rising.onnx': logisticModel(1, 0), // P = sigmoid(a): rises with a
    'falling.onnx': logisticModel(-1, 0), // P = sigmoid(-a): falls as a rises
  });
});

afterAll(() => models.cleanup());
afterEach(() => {
  vi.restoreAllMocks();
});

type Entry = Record<string, unknown> & { id: string; type: string };

/** A config with a tiny model over columns a, b and the fixture `data` as the test dataset. */
function tinyConfig(model: string, data: string, checks: Entry[], over: Record<string, unknown> = {}) {
  return registry.configSchema().parse({
    version: 1,
    project: { name: 'tiny' },
    requirements: 'requirements.yml',
    model: { path: tiny(model), input: 'x', features: ['a', 'b'] },
    datasets: { test: { path: data, role: 'test' } },
    checks,
    ...over,
  });
}

function pimaConfig(checks: Entry[], over: Record<string, unknown> = {}): RegopsConfig {
  return registry.configSchema().parse({
    version: 1,
    project: { name: 'pima' },
    requirements: 'requirements.yml',
    model: { path: 'models/pima_hgb_candidate.onnx', input: 'float_input', features: FEATURES },
    target: { column: 'diabetes', positive: 'pos' },
    datasets: {
      train: { path: 'data/train.csv', role: 'train' },
      test: { path: 'data/test.csv', role: 'test' },
    },
    checks,
    ...over,
  });
}

function context(config: RegopsConfig, rootDir: string) {
  const computed: string[] = [];
  const ctx: RunContext = {
    rootDir,
    config,
    log: quiet,
    services: { ...createDataServices(config, rootDir), inspectModel: (rel) => inspectModel(rootDir, rel) },
    memo: createMemo((key) => computed.push(key)),
  };
  return { ctx, computed };
}

/** Run every check of the config in order with one shared context. */
async function runAll(config: RegopsConfig, rootDir: string) {
  const { ctx, computed } = context(config, rootDir);
  const results: CheckResult[] = [];
  for (const c of config.checks) {
    const check = registry.get(c.type) as Check;
    results.push(...(await check.run(ctx, c)));
  }
  return { results, computed };
}

async function runOne(config: RegopsConfig, rootDir = FIXTURES): Promise<CheckResult> {
  const { results } = await runAll(config, rootDir);
  expect(results).toHaveLength(1);
  return results[0] as CheckResult;
}

const metric = (r: CheckResult | undefined, name: string) => r?.metrics.find((m) => m.name === name);
const value = (r: CheckResult | undefined, name: string) => metric(r, name)?.value;

describe('model.invariance (tiny models)', () => {
  it('passes for a feature the model ignores, whatever the perturbation', async () => {
    for (const perturbation of [
      { add: 1 },
      { multiply: 3 },
      { set: 0 },
      { set: '-7.5' },
      { shuffle: true },
    ]) {
      const config = tinyConfig('only-a', 'invariance.csv', [
        { id: 'inv', type: 'model.invariance', feature: 'b', perturbation, verifies: ['REQ-7'] },
      ]);
      const r = await runOne(config);
      expect(r.status, JSON.stringify(perturbation)).toBe('pass');
      expect(value(r, 'max_abs_change')).toBe(0);
      expect(value(r, 'rows_over_tolerance')).toBe(0);
      expect(value(r, 'flipped_decisions')).toBe(0);
      expect(value(r, 'n')).toBe(6);
      expect(r.verifies).toEqual(['REQ-7']);
    }
    const r = await runOne(
      tinyConfig('only-a', 'invariance.csv', [
        { id: 'inv', type: 'model.invariance', feature: 'b', perturbation: { shuffle: true } },
      ]),
    );
    expect(r.check).toBe('model.invariance');
    expect(r.message).toBe(
      'P(positive) changed by at most 0.0000 (tolerance 0.01) on all 6 rows of test when b is shuffled across rows; 0 decisions flipped at threshold 0.5',
    );
    expect(metric(r, 'max_abs_change')?.threshold).toEqual({ op: '<=', value: 0.01 });
    expect(r.details).toMatchObject({
      feature: 'b',
      perturbation: { shuffle: true },
      seed: 1,
      sampled: false,
    });
  });

  it('FAILS for a model that flips its output under the "irrelevant" perturbation', async () => {
    // P = sigmoid(a + 5b); b set to 0. Rows (a, b): (-1, .5) .818→.269 flip; (1, -.5) .182→.731 flip;
    // (2, .1) .924→.881; (.5, 0) unchanged; (-2, .001) moves 5e-4; (-.3, .1) .550→.426 flip.
    const config = tinyConfig('a-and-b', 'invariance.csv', [
      { id: 'inv', type: 'model.invariance', feature: 'b', perturbation: { set: 0 } },
    ]);
    const r = await runOne(config);
    expect(r.status).toBe('fail');
    expect(value(r, 'rows_over_tolerance')).toBe(4);
    expect(value(r, 'flipped_decisions')).toBe(3);
    expect(value(r, 'max_abs_change')).toBeCloseTo(sigmoid(1.5) - sigmoid(-1), 5);
    expect(value(r, 'fraction_within_tolerance')).toBeCloseTo(2 / 6, 12);
    expect(r.details).toMatchObject({ rows_over_tolerance: [1, 2, 3, 6], flipped_rows: [1, 2, 6] });
    expect(r.message).toBe(
      'P(positive) changed by more than 0.01 on 4 of 6 rows of test (rows 1, 2, 3, 6) when b is set to 0; max change 0.5486; 3 decisions flipped at threshold 0.5',
    );
  });

  it('min_fraction lets a share of rows move; max_flipped bounds the flipped decisions', async () => {
    const run = (over: Record<string, unknown>) =>
      runOne(
        tinyConfig('a-and-b', 'invariance.csv', [
          { id: 'inv', type: 'model.invariance', feature: 'b', perturbation: { set: 0 }, ...over },
        ]),
      );
    const loose = await run({ min_fraction: 0.3 });
    expect(loose.status).toBe('pass'); // 2 of 6 rows within 0.01
    expect(metric(loose, 'max_abs_change')?.threshold).toBeUndefined();
    expect(metric(loose, 'fraction_within_tolerance')?.threshold).toEqual({ op: '>=', value: 0.3 });
    expect(loose.message).toContain('; 0.3333 of rows within tolerance (bound ≥ 0.3); 3 decisions flipped');
    expect((await run({ min_fraction: 0.5 })).status).toBe('fail');
    const flips = await run({ min_fraction: 0.3, max_flipped: 2 });
    expect(flips.status).toBe('fail');
    expect(flips.message).toMatch(/3 decisions flipped at threshold 0\.5 \(at most 2 allowed\)$/);
    // A wide tolerance still lets decisions flip; only max_flipped catches that.
    expect((await run({ tolerance: 0.6 })).status).toBe('pass');
    expect((await run({ tolerance: 0.6, max_flipped: 0 })).status).toBe('fail');
    // At threshold 0.9 only row 3 (.924 → .881) flips.
    expect(value(await run({ tolerance: 0.6, threshold: 0.9 }), 'flipped_decisions')).toBe(1);
  });

  it('missing: a model without an imputer gives NaN, which the runner reports as the model misbehaving', async () => {
    const config = tinyConfig('only-a', 'invariance.csv', [
      { id: 'inv', type: 'model.invariance', feature: 'b', perturbation: { missing: true } },
    ]);
    await expect(runOne(config)).rejects.toThrow(ModelOutputError);
    await expect(runOne(config)).rejects.toThrow(/is NaN for 6 of 6 rows .*columns: b/);
  });
});

describe('model.directional (tiny models)', () => {
  // directional.csv, a: -0.5, 0, 1, (missing), 2, 30.
  const run = (model: string, over: Record<string, unknown>) =>
    runOne(
      tinyConfig(model, 'directional.csv', [
        { id: 'dir', type: 'model.directional', feature: 'a', direction: 'increase', ...over },
      ]),
    );

  it('passes on a monotone model; the row with the feature missing is skipped and counted', async () => {
    const r = await run('rising', { delta: 1 });
    expect(r.status).toBe('pass');
    expect(value(r, 'violations')).toBe(0);
    expect(metric(r, 'violations')?.threshold).toEqual({ op: '<=', value: 0 });
    expect(value(r, 'rows_checked')).toBe(5);
    expect(value(r, 'rows_skipped_missing')).toBe(1);
    expect(value(r, 'worst_opposite_change')).toBe(0);
    expect(r.message).toBe(
      'raising a by 1 never lowered P(positive) by more than 0.000001 on 5 rows of test; worst opposite change 0.0000; 1 row skipped with a missing',
    );
  });

  it('fails on an anti-monotone model with the violations counted exactly', async () => {
    // P = sigmoid(-a); a + 1 lowers P on rows 1, 2, 3, 5. Row 6 (a = 30) moves by ~6e-14 ≤ 1e-6.
    const r = await run('falling', { delta: 1 });
    expect(r.status).toBe('fail');
    expect(value(r, 'violations')).toBe(4);
    expect(value(r, 'rows_skipped_missing')).toBe(1);
    expect(value(r, 'worst_opposite_change')).toBeCloseTo(sigmoid(0.5) - sigmoid(-0.5), 5);
    expect(r.details).toMatchObject({ violating_rows: [1, 2, 3, 5], direction: 'increase', delta: 1 });
    expect(r.message).toBe(
      'raising a by 1 lowered P(positive) by more than 0.000001 on 4 of 5 rows of test (rows 1, 2, 3, 5); worst opposite change 0.2449; 1 row skipped with a missing',
    );
  });

  it('tolerance and max_violations; the expected direction can be "decrease"', async () => {
    // Drops: .2449, .2311, .1497, (missing), .0718, ~0 → three above 0.1.
    const tol = await run('falling', { delta: 1, tolerance: 0.1 });
    expect(value(tol, 'violations')).toBe(3);
    expect(tol.status).toBe('fail');
    const allowed = await run('falling', { delta: 1, tolerance: 0.1, max_violations: 3 });
    expect(allowed.status).toBe('pass');
    expect(allowed.message).toContain('(rows 1, 2, 3; at most 3 allowed)');
    expect((await run('falling', { delta: 1, direction: 'decrease' })).status).toBe('pass');
    const wrongWay = await run('rising', { delta: 1, direction: 'decrease' });
    expect(value(wrongWay, 'violations')).toBe(4);
    expect(wrongWay.message).toMatch(
      /^raising a by 1 raised P\(positive\) by more than 0\.000001 on 4 of 5 rows/,
    );
    // Lowering a on the rising model lowers P: as expected when risk increases with a.
    const lowering = await run('rising', { delta: -1 });
    expect(lowering.status).toBe('pass');
    expect(lowering.message).toMatch(/^lowering a by 1 never raised P\(positive\)/);
  });

  it('factor: each row is judged by the direction its own value moved; a = 0 does not move', async () => {
    // a × 2: -0.5 → -1 (a fell, P rose: violation), 0 unchanged, 1 → 2 and 2 → 4 (a rose, P fell), 30 → 60 ~0.
    const r = await run('falling', { factor: 2 });
    expect(value(r, 'violations')).toBe(3);
    expect(value(r, 'rows_unchanged')).toBe(1);
    expect(value(r, 'rows_skipped_missing')).toBe(1);
    expect(value(r, 'rows_checked')).toBe(4);
    expect(r.details).toMatchObject({ violating_rows: [1, 3, 5], factor: 2 });
    expect(value(r, 'worst_opposite_change')).toBeCloseTo(sigmoid(-1) - sigmoid(-2), 5);
    expect(r.message).toContain('; 1 row skipped with a missing, 1 row unchanged (a = 0)');
  });
});

describe('model.cases (tiny model, P = sigmoid(4a))', () => {
  const run = (file: string, over: Record<string, unknown> = {}) =>
    runOne(
      tinyConfig('only-a', 'invariance.csv', [{ id: 'cases', type: 'model.cases', file, ...over }], {
        target: { column: 'y', positive: 1 },
      }),
    );

  it('CSV: exact failing ids; a case without an id is named by its number', async () => {
    const r = await run('cases.csv');
    expect(r.status).toBe('fail');
    expect(value(r, 'cases')).toBe(6);
    expect(value(r, 'failed')).toBe(2);
    expect(value(r, 'pass_rate')).toBeCloseTo(4 / 6, 12);
    expect(r.message).toBe(
      '4 of 6 cases in cases.csv classified as expected at threshold 0.5 (pass rate 0.6667, bound ≥ 1); failing: wrong-neg, wrong-pos',
    );
    const cases = r.details?.cases as { id: string; pass: boolean; p_positive: number; note?: string }[];
    expect(cases.map((c) => c.id)).toEqual([
      'clear-pos',
      'clear-neg',
      'on-boundary',
      'wrong-neg',
      'wrong-pos',
      '#6',
    ]);
    expect(cases[2]?.p_positive).toBe(0.5);
    expect(cases[2]?.pass).toBe(true);
    expect(cases[3]?.note).toBe('the model calls this positive');
    expect(r.details?.file_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('YAML gives the same verdicts; threshold and min_pass_rate', async () => {
    const r = await run('cases.yml');
    expect(r.message).toMatch(/; failing: wrong-neg, wrong-pos$/);
    expect((await run('cases.csv', { min_pass_rate: 0.6 })).status).toBe('pass');
    const strict = await run('cases.yml', { threshold: 0.7 });
    expect(strict.message).toBe(
      '3 of 6 cases in cases.yml classified as expected at threshold 0.7 (pass rate 0.5000, bound ≥ 1); failing: on-boundary, wrong-neg, wrong-pos',
    );
  });

  it('input errors name the file, and the column or case', async () => {
    await expect(run('cases-missing-column.csv')).rejects.toThrow(InputError);
    await expect(run('cases-missing-column.csv')).rejects.toThrow(
      /cases-missing-column\.csv: column "b" not found \(model\.features\[1\]\); the cases need every model feature and `expected`; the file's columns are: id, a, expected$/,
    );
    await expect(run('cases-bad-label.yml')).rejects.toThrow(
      /cases-bad-label\.yml: case one: `expected` "maybe" is not a label regops knows; use "1" \(target\.positive\), 1\/0/,
    );
    await expect(run('no-such-cases.yml')).rejects.toThrow(
      /check cases: file: file not found: no-such-cases\.yml/,
    );
    const s = scratch({
      'dup.yml': '- {id: x, a: 1, b: 0, expected: 1}\n- {id: x, a: 2, b: 0, expected: 1}\n',
      'gap.yml': '- {id: x, a: 1, b: 0, expected: 1}\n- {id: y, a: 2, expected: 1}\n',
      'text.csv': 'a,b,expected\n1,high,1\n',
    });
    try {
      const inDir = (file: string) =>
        runOne(
          tinyConfig('only-a', path.join(FIXTURES, 'invariance.csv'), [
            { id: 'c', type: 'model.cases', file },
          ]),
          s.dir,
        );
      await expect(inDir('dup.yml')).rejects.toThrow(
        /dup\.yml: case id "x" is used by cases 1 and 2; ids must be unique/,
      );
      await expect(inDir('gap.yml')).rejects.toThrow(
        /gap\.yml: case y has no "b"; every case lists every model feature/,
      );
      await expect(inDir('text.csv')).rejects.toThrow(/text\.csv: row 1, column "b": expected a number/);
    } finally {
      s.cleanup();
    }
  });
});

describe('on the Pima candidate', () => {
  it('directional: glucose +10 mg/dL must not lower the risk (result recorded for the example)', async () => {
    const config = pimaConfig([
      {
        id: 'glucose-up',
        type: 'model.directional',
        feature: 'glucose',
        direction: 'increase',
        delta: 10,
        verifies: ['REQ-001'],
      },
    ]);
    const r = await runOne(config, PIMA);
    // The gradient-boosted candidate has no monotonic constraint: +10 mg/dL raises P on 143 rows, leaves 33
    // unchanged and lowers it on 15, by 0.0018-0.0125 on 14 of them and by 0.126 on one (a decision flip at
    // 0.5). The logistic-regression baseline raises P on all 191 rows.
    expect(r.status).toBe('fail');
    expect(r.details).toMatchObject({
      violating_rows: [7, 11, 12, 13, 27, 54, 57, 72, 95, 101, 102, 152, 164, 168, 184],
      worst_row: 184,
    });
    expect(value(r, 'violations')).toBe(15);
    expect(value(r, 'rows_checked')).toBe(191);
    expect(value(r, 'rows_skipped_missing')).toBe(1);
    expect(value(r, 'worst_opposite_change')).toBeCloseTo(0.126, 3);
    expect(r.message).toBe(
      'raising glucose by 10 lowered P(positive) by more than 0.000001 on 15 of 191 rows of test (rows 7, 11, 12, 13, 27, …); worst opposite change 0.1260; 1 row skipped with glucose missing',
    );
    const run = async (over: Record<string, unknown>) =>
      runOne(pimaConfig([{ ...config.checks[0], ...over } as Entry]), PIMA);
    expect(value(await run({ tolerance: 0.005 }), 'violations')).toBe(12);
    expect(value(await run({ tolerance: 0.01 }), 'violations')).toBe(2);
    expect(value(await run({ tolerance: 0.02 }), 'violations')).toBe(1);
    expect((await run({ tolerance: 0.13 })).status).toBe('pass');
    expect((await run({ tolerance: 0.02, max_violations: 1 })).status).toBe('pass');
    const baseline = await runOne(
      pimaConfig([config.checks[0] as Entry], {
        model: { path: 'models/pima_logreg_baseline.onnx', input: 'float_input', features: FEATURES },
      }),
      PIMA,
    );
    expect(baseline.status).toBe('pass');
    expect(value(baseline, 'worst_opposite_change')).toBe(0);
  });

  it('invariance with max_rows samples rows deterministically and names them by their dataset row', async () => {
    const entry = {
      id: 'insulin-missing',
      type: 'model.invariance',
      feature: 'insulin',
      perturbation: { missing: true },
      max_rows: 50,
      tolerance: 0.05,
    };
    const { results, computed } = await runAll(pimaConfig([entry, { ...entry, id: 'again' }]), PIMA);
    const [a, b] = results;
    expect(value(a, 'n')).toBe(50);
    expect(a?.details).toMatchObject({ sampled: true, rows_evaluated: 50, rows_in_dataset: 192, seed: 1 });
    expect(a?.metrics).toEqual(b?.metrics);
    expect(computed).toEqual(['predict:test:sample:50:1']); // the unperturbed sample is predicted once
    // Row numbers are the dataset's own (1-based), not positions in the sample.
    expect(a?.details).toMatchObject({
      rows_over_tolerance: [4, 61, 107, 129, 131, 192],
      flipped_rows: [44, 107],
    });
    expect(a?.status).toBe('fail');
    expect(a?.message).toBe(
      'P(positive) changed by more than 0.05 on 6 of 50 sampled rows of test (of 192) (rows 4, 61, 107, 129, 131, …) when insulin is set to missing; max change 0.3226; 2 decisions flipped at threshold 0.5',
    );
  });

  it('invariance without max_rows shares the unperturbed predictions with model.metric', async () => {
    const config = pimaConfig([
      { id: 'auroc', type: 'model.metric', metric: 'auroc', min: 0.75 },
      { id: 'pressure', type: 'model.invariance', feature: 'pressure', perturbation: { add: 1 } },
    ]);
    const { results, computed } = await runAll(config, PIMA);
    expect(computed).toEqual(['predict:test']);
    expect(value(results[1], 'n')).toBe(192);
    // Pressure is recorded in even mm Hg and the trees split halfway between values, so +1 moves no row.
    expect(results[1]?.status).toBe('pass');
    expect(value(results[1], 'max_abs_change')).toBe(0);
  });

  it('cases: clear-cut hand-written cases, with missing values', async () => {
    const config = pimaConfig([
      { id: 'cases', type: 'model.cases', file: path.join(FIXTURES, 'pima-cases.yml') },
    ]);
    const r = await runOne(config, PIMA);
    expect(r.status).toBe('pass');
    expect(value(r, 'cases')).toBe(4);
  });

  it('determinism: two separate sessions, not memoized, identical probabilities', async () => {
    const create = vi.spyOn(ort.InferenceSession, 'create');
    const config = pimaConfig([{ id: 'det', type: 'model.determinism', verifies: ['REQ-X'] }]);
    const { results, computed } = await runAll(config, PIMA);
    const r = results[0];
    expect(r?.status).toBe('pass');
    expect(value(r, 'max_abs_difference')).toBe(0);
    expect(metric(r, 'max_abs_difference')?.threshold).toEqual({ op: '<=', value: 0 });
    expect(value(r, 'n')).toBe(192);
    expect(r?.message).toBe(
      'two runs in separate sessions gave identical P(positive) on all 192 rows of test (tolerance 0)',
    );
    expect(create).toHaveBeenCalledTimes(2);
    expect(computed).toEqual([]);
  });

  it('determinism fails when the second session returns different numbers', async () => {
    const original = ort.InferenceSession.create.bind(ort.InferenceSession) as (
      ...args: unknown[]
    ) => Promise<ort.InferenceSession>;
    let sessions = 0;
    vi.spyOn(ort.InferenceSession, 'create').mockImplementation((async (...args: unknown[]) => {
      const session = await original(...args);
      if (++sessions === 2) {
        const run = session.run.bind(session);
        session.run = (async (...a: Parameters<typeof run>) => {
          const out = await run(...a);
          const p = out.probabilities?.data as Float32Array;
          const k = 3 * 2 + 1; // row 4, positive column; the negative column moves the other way
          const d = (p[k] as number) < 0.5 ? 0.25 : -0.25;
          p[k] = (p[k] as number) + d;
          p[k - 1] = (p[k - 1] as number) - d;
          return out;
        }) as typeof session.run;
      }
      return session;
    }) as typeof ort.InferenceSession.create);
    const r = await runOne(pimaConfig([{ id: 'det', type: 'model.determinism', tolerance: 1e-6 }]), PIMA);
    expect(r.status).toBe('fail');
    expect(value(r, 'rows_different')).toBe(1);
    expect(value(r, 'max_abs_difference')).toBeCloseTo(0.25, 6);
    expect(r.message).toMatch(
      /^two runs in separate sessions gave P\(positive\) differing by more than 0\.000001 on 1 of 192 rows of test \(rows 4\); max difference 0\.25/,
    );
  });

  it('latency: p50 ≤ p95, positive, bounded; machine recorded', async () => {
    const entry = {
      id: 'latency',
      type: 'model.latency',
      sample: 40,
      batches: 4,
      batch_size: 64,
      warmup: 2,
      max_p95_ms_per_row: 10_000,
      max_p95_ms_per_batch: 10_000,
    };
    const { results } = await runAll(
      pimaConfig([entry, { ...entry, id: 'tight', max_p95_ms_per_row: 1e-6 }]),
      PIMA,
    );
    const [r, tight] = results;
    expect(r?.status).toBe('pass');
    for (const unit of ['row', 'batch']) {
      const p50 = value(r, `p50_ms_per_${unit}`) as number;
      const p95 = value(r, `p95_ms_per_${unit}`) as number;
      expect(p50).toBeGreaterThan(0);
      expect(p50).toBeLessThanOrEqual(p95);
      expect(p95).toBeLessThan(10_000);
      expect(metric(r, `p95_ms_per_${unit}`)?.unit).toBe('ms');
    }
    expect(metric(r, 'p95_ms_per_row')?.threshold).toEqual({ op: '<=', value: 10_000 });
    expect(value(r, 'rows_timed')).toBe(40);
    expect(value(r, 'batches_timed')).toBe(4);
    expect(value(r, 'batch_size')).toBe(64);
    expect(r?.details?.machine).toMatchObject({ threads: 1, logical_cpus: expect.any(Number) });
    expect(r?.message).toMatch(
      /^p95 [\d.e-]+ ms per row \(bound ≤ 10000 ms; p50 [\d.e-]+ ms\), p95 [\d.e-]+ ms per batch of 64 rows \(bound ≤ 10000 ms; p50 [\d.e-]+ ms\) on test; 40 single-row runs, 4 batches, 1 thread$/,
    );
    expect(tight?.status).toBe('fail');
    console.log(`Pima latency: ${r?.message}`);
  });
});

describe('config checks', () => {
  const problems = (entry: Entry, over: Record<string, unknown> = {}) => {
    const config = pimaConfig([entry], over);
    const check = registry.get(entry.type) as Check;
    return (check.validate?.(config.checks[0] as CheckEntry, config) ?? []).map((p) => p.message);
  };

  it('complete entries have no problems', () => {
    expect(
      problems({ id: 'a', type: 'model.invariance', feature: 'pregnant', perturbation: { shuffle: true } }),
    ).toEqual([]);
    expect(
      problems({ id: 'a', type: 'model.directional', feature: 'glucose', direction: 'increase', delta: 10 }),
    ).toEqual([]);
    expect(problems({ id: 'a', type: 'model.cases', file: 'cases.yml' })).toEqual([]);
    expect(problems({ id: 'a', type: 'model.determinism' })).toEqual([]);
    expect(problems({ id: 'a', type: 'model.latency', max_p95_ms_per_batch: 50 })).toEqual([]);
  });

  it('a feature that is not a model feature, with a suggestion', () => {
    expect(
      problems({ id: 'a', type: 'model.invariance', feature: 'glucos', perturbation: { add: 1 } }),
    ).toEqual([
      'feature "glucos" is not one of model.features; did you mean "glucose"? (model.features: pregnant, glucose, pressure, triceps, insulin, mass, pedigree, age)',
    ]);
    expect(
      problems({
        id: 'a',
        type: 'model.directional',
        feature: 'diabetes',
        direction: 'increase',
        delta: 1,
      })[0],
    ).toMatch(/^feature "diabetes" is not one of model\.features \(model\.features: pregnant/);
  });

  it('an unknown dataset, or no test dataset to default to', () => {
    for (const entry of [
      { id: 'a', type: 'model.determinism', dataset: 'tset' },
      { id: 'a', type: 'model.latency', dataset: 'tset', max_p95_ms_per_row: 5 },
      { id: 'a', type: 'model.invariance', dataset: 'tset', feature: 'age', perturbation: { add: 1 } },
    ]) {
      expect(problems(entry)).toEqual([
        'unknown dataset "tset"; did you mean "test"? (defined: train, test)',
      ]);
    }
    expect(
      problems(
        { id: 'a', type: 'model.directional', feature: 'age', direction: 'increase', delta: 1 },
        { datasets: { train: { path: 'data/train.csv', role: 'train' } } },
      ),
    ).toEqual(['no `dataset:` given and no dataset has role `test`; set `dataset:` to one of: train']);
  });

  it('latency needs a bound; directional needs exactly one step; no-op perturbations are refused', () => {
    expect(problems({ id: 'a', type: 'model.latency' })).toEqual([
      'set `max_p95_ms_per_row` and/or `max_p95_ms_per_batch`: the latency bound in milliseconds (e.g. max_p95_ms_per_row: 5)',
    ]);
    expect(problems({ id: 'a', type: 'model.directional', feature: 'age', direction: 'increase' })).toEqual([
      'set `delta` (an absolute step, e.g. delta: 10) or `factor` (e.g. factor: 1.1): how much to change age',
    ]);
    expect(
      problems({
        id: 'a',
        type: 'model.directional',
        feature: 'age',
        direction: 'increase',
        delta: 1,
        factor: 2,
      }),
    ).toEqual(['set either `delta` or `factor`, not both']);
    expect(
      problems({ id: 'a', type: 'model.directional', feature: 'age', direction: 'increase', delta: 0 }),
    ).toEqual(['delta 0 changes nothing; the check could not fail']);
    expect(
      problems({ id: 'a', type: 'model.invariance', feature: 'age', perturbation: { multiply: 1 } }),
    ).toEqual(['multiplying by 1 changes nothing; the check could not fail']);
    expect(
      problems({ id: 'a', type: 'model.invariance', feature: 'age', perturbation: { set: 'old' } }),
    ).toEqual([
      '"old" is not a number nor one of the dataset\'s na_values ("", "NA"); model features are fed as numbers (use `missing: true` for a missing value)',
    ]);
    expect(
      problems({ id: 'a', type: 'model.invariance', feature: 'age', perturbation: { set: 'NA' } }),
    ).toEqual([]);
    expect(problems({ id: 'a', type: 'model.cases', file: 'cases.txt' })).toEqual([
      '"cases.txt": cases are read from .csv, .tsv, .yml, .yaml, .json files (by extension)',
    ]);
  });

  it('every check needs a model section', () => {
    expect(problems({ id: 'a', type: 'model.cases', file: 'c.yml' }, { model: undefined })).toEqual([
      'model.cases needs the model under test: add a `model:` section to the config',
    ]);
  });

  it('the schema rejects malformed entries', () => {
    const bad: Entry[] = [
      { id: 'a', type: 'model.invariance', feature: 'age', perturbation: { add: 1, multiply: 2 } },
      { id: 'a', type: 'model.invariance', feature: 'age', perturbation: { shuffle: false } },
      { id: 'a', type: 'model.invariance', feature: 'age', perturbation: { jitter: 1 } },
      { id: 'a', type: 'model.directional', feature: 'age', direction: 'up', delta: 1 },
      { id: 'a', type: 'model.directional', feature: 'age', direction: 'increase', factor: -2 },
      { id: 'a', type: 'model.cases', file: 'c.yml', min_pass_rate: 2 },
      { id: 'a', type: 'model.latency', max_p95_ms_per_row: 0 },
      { id: 'a', type: 'model.determinism', tolerance: -1 },
    ];
    for (const entry of bad) expect(() => pimaConfig([entry]), JSON.stringify(entry)).toThrow();
  });

  it('columns(): every model feature on the evaluated dataset; criterion() in words', () => {
    const config = pimaConfig([
      {
        id: 'i',
        type: 'model.invariance',
        feature: 'pregnant',
        perturbation: { set: 0 },
        min_fraction: 0.95,
      },
      { id: 'd', type: 'model.directional', feature: 'glucose', direction: 'increase', delta: 10 },
      { id: 'c', type: 'model.cases', file: 'cases.yml', min_pass_rate: 0.9, threshold: 0.3 },
      { id: 'x', type: 'model.determinism', dataset: 'train' },
      { id: 'l', type: 'model.latency', max_p95_ms_per_row: 5, max_p95_ms_per_batch: 50 },
    ]);
    const criteria = config.checks.map((c) => (registry.get(c.type) as Check).criterion(c, config));
    expect(criteria).toEqual([
      'P(positive) changes by ≤ 0.01 on at least 95% of rows of test when pregnant is set to 0',
      'raising glucose by 10 never lowered P(positive) by more than 0.000001 on test',
      'at least 90% of the cases in cases.yml classified as expected at threshold 0.3',
      'two independent runs on train give identical P(positive) for every row',
      'p95 inference latency ≤ 5 ms per row (batch size 1) and ≤ 50 ms per batch of 4096 rows on test',
    ]);
    const needs = determinismCheck.columns?.(config.checks[3] as DeterminismConfig, config) ?? [];
    expect(needs).toHaveLength(8);
    expect(needs[1]).toEqual({ dataset: 'train', column: 'glucose', field: ['model', 'features', 1] });
    expect(casesCheck.columns).toBeUndefined();
    const typed: [InvarianceConfig, DirectionalConfig, CasesConfig, LatencyConfig] = [
      config.checks[0] as InvarianceConfig,
      config.checks[1] as DirectionalConfig,
      config.checks[2] as CasesConfig,
      config.checks[4] as LatencyConfig,
    ];
    expect(typed.map((c) => c.id)).toEqual(['i', 'd', 'c', 'l']);
  });
});

describe('helpers', () => {
  it('sampleRows is deterministic, ascending, without replacement', () => {
    expect(sampleRows(5, undefined, 1)).toEqual([0, 1, 2, 3, 4]);
    expect(sampleRows(5, 10, 1)).toEqual([0, 1, 2, 3, 4]);
    const s = sampleRows(1000, 20, 7);
    expect(s).toEqual(sampleRows(1000, 20, 7));
    expect(new Set(s).size).toBe(20);
    expect([...s].sort((a, b) => a - b)).toEqual(s);
    expect(sampleRows(1000, 20, 8)).not.toEqual(s);
  });

  it('percentile is nearest-rank', () => {
    const v = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(v, 0.5)).toBe(5);
    expect(percentile(v, 0.95)).toBe(10);
    expect(percentile([3], 0.95)).toBe(3);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('the tiny logistic model computes what the tests assume', async () => {
    const p = await predictPositive({
      rootDir: FIXTURES,
      model: {
        ...modelConfig('pima_hgb_candidate'),
        path: tiny('a-and-b'),
        input: 'x',
        features: ['a', 'b'],
      },
      table: await csvTable(FIXTURES, 'invariance.csv'),
    });
    const expected = [1.5, -1.5, 2.5, 0.5, -1.995, 0.2].map(sigmoid);
    for (const [i, e] of expected.entries()) expect(p[i]).toBeCloseTo(e, 6);
    expect((await loadPima('test')).rowCount).toBe(192); // the size the Pima tests assume
  });
});

describe('through loadProject and runPipeline', () => {
  it('the checks load from YAML, run in the model stage and land in the evidence', async () => {
    const abs = (rel: string) => JSON.stringify(path.join(PIMA, rel));
    const yml = `version: 1
project:
  name: pima-behaviour
requirements: requirements.yml
model:
  path: ${abs('models/pima_hgb_candidate.onnx')}
  input: float_input
  features: [${FEATURES.join(', ')}]
target:
  column: diabetes
  positive: pos
datasets:
  test:
    path: ${abs('data/test.csv')}
    role: test
checks:
  - id: pregnant-irrelevant
    type: model.invariance
    feature: pregnant
    perturbation: { add: 0.001 }
    verifies: [REQ-ROBUST]
  - id: cases
    type: model.cases
    file: cases.yml
    verifies: [REQ-ROBUST]
  - id: determinism
    type: model.determinism
    verifies: [REQ-ROBUST]
`;
    const s = scratch({
      'regops.yml': yml,
      'requirements.yml': `requirements:
  - id: REQ-ROBUST
    title: Robustness
    text: The model shall behave as expected on hand-written cases and under irrelevant perturbations.
    type: performance
`,
    });
    copyFileSync(path.join(FIXTURES, 'pima-cases.yml'), path.join(s.dir, 'cases.yml'));
    try {
      const project = loadProject(path.join(s.dir, 'regops.yml'), registry);
      const { ctx } = context(project.config, project.rootDir);
      const evidence = await runPipeline(project, registry, ctx.services, { log: quiet });
      expect(evidence.results.map((r) => [r.id, r.check, r.status])).toEqual([
        ['pregnant-irrelevant', 'model.invariance', 'pass'],
        ['cases', 'model.cases', 'pass'],
        ['determinism', 'model.determinism', 'pass'],
      ]);
      expect(evidence.checks.map((c) => c.criterion)).toEqual([
        'P(positive) changes by ≤ 0.01 on every row of test when pregnant is increased by 0.001',
        'every case in cases.yml classified as expected at threshold 0.5',
        'two independent runs on test give identical P(positive) for every row',
      ]);
    } finally {
      s.cleanup();
    }
  });

  it('validate problems carry the file position', () => {
    const s = scratch({
      'regops.yml': `version: 1
project:
  name: x
requirements: requirements.yml
model:
  path: m.onnx
  input: x
  features: [a, b]
datasets:
  test: { path: t.csv, role: test }
checks:
  - id: latency
    type: model.latency
`,
      'requirements.yml': 'requirements: []\n',
    });
    try {
      expect(() => loadProject(path.join(s.dir, 'regops.yml'), registry)).toThrow(
        /regops\.yml:\d+:\d+: checks\[0\]: set `max_p95_ms_per_row` and\/or `max_p95_ms_per_batch`/,
      );
    } finally {
      s.cleanup();
    }
  });
});

// Keep the unused-import linter honest about ConfigurationError: runTarget throws it without validate().
it('run() without a model section is a configuration error', async () => {
  const config = pimaConfig([{ id: 'det', type: 'model.determinism' }], { model: undefined });
  await expect(runOne(config, PIMA)).rejects.toThrow(ConfigurationError);
  await expect(runOne(config, PIMA)).rejects.toThrow(
    'check det: model.determinism needs a `model:` section in the config',
  );
});
