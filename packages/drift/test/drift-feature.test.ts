import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CheckRegistry,
  CheckResult,
  createMemo,
  type Logger,
  type RegopsConfig,
  type RunContext,
  type Services,
  type Table,
} from '@regops/core';
import { createDataServices, makeTable } from '@regops/data';
import { describe, expect, it } from 'vitest';
import { type DriftFeatureConfig, driftFeatureCheck, formatStat } from '../src/drift-feature';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const rootDir = path.join(repoRoot, 'examples/pima-diabetes');
const FEATURES = ['pregnant', 'glucose', 'pressure', 'triceps', 'insulin', 'mass', 'pedigree', 'age'];

interface FixtureCase {
  name: string;
  statistic: number;
  p_scipy: number;
  pima?: { column: string; a: string; b: string };
}
const fixture = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/ks/ks_scipy.json'), 'utf8')) as {
  cases: FixtureCase[];
};
function scipyCase(column: string, other: string): FixtureCase {
  const c = fixture.cases.find(
    (x) => x.pima?.column === column && x.pima.a === 'train' && x.pima.b === other,
  );
  if (!c) throw new Error(`fixture has no case for ${column} train vs ${other}`);
  return c;
}

const registry = new CheckRegistry().register(driftFeatureCheck);

/** A full regops.yml as parsed by the real schema (so the check's zod options are exercised too). */
function projectConfig(checks: Record<string, unknown>[], opts: { model?: boolean } = {}): RegopsConfig {
  return registry.configSchema().parse({
    version: 1,
    project: { name: 'pima drift test' },
    ...(opts.model === false
      ? {}
      : {
          model: { path: 'models/pima_hgb_candidate.onnx', input: 'float_input', features: FEATURES },
        }),
    datasets: {
      train: { path: 'data/train.csv', role: 'train' },
      test: { path: 'data/test.csv', role: 'test' },
      shifted: { path: 'data/shifted.csv', role: 'current' },
    },
    requirements: 'requirements.yml',
    checks,
  });
}

function entry(config: RegopsConfig, i = 0): DriftFeatureConfig {
  const c = config.checks[i];
  if (!c) throw new Error(`no check ${i}`);
  return c as DriftFeatureConfig;
}

const quietLog: Logger = { info() {}, warn() {}, debug() {} };

/** A real RunContext: tables read from the example CSVs with the data package's reader. */
function runContext(config: RegopsConfig, override?: (name: string) => Table | undefined): RunContext {
  const data = createDataServices(config, rootDir);
  const services: Services = {
    ...data,
    async loadTable(name) {
      return override?.(name) ?? data.loadTable(name);
    },
    async inspectModel() {
      throw new Error('drift.feature does not inspect models');
    },
  };
  return {
    rootDir,
    config,
    services,
    log: quietLog,
    memo: createMemo(),
  };
}

async function run(check: Record<string, unknown>): Promise<CheckResult[]> {
  const config = projectConfig([{ id: 'drift-pima', type: 'drift.feature', ...check }]);
  return driftFeatureCheck.run(runContext(config), entry(config));
}

const metricValue = (r: CheckResult, name: string) => r.metrics.find((m) => m.name === name)?.value;

describe('drift.feature on the Pima CSVs', () => {
  it('defaults to train (role train) vs shifted (role current) over model.features; values equal scipy', async () => {
    const results = await run({ max_statistic: 0.5, verifies: ['REQ-9'], controls: ['RC-3'] });
    expect(results.map((r) => r.id)).toEqual(FEATURES.map((f) => `drift-pima/${f}`));
    for (const r of results) {
      expect(() => CheckResult.parse(r)).not.toThrow();
      const column = r.id.split('/')[1] as string;
      const ref = scipyCase(column, 'shifted');
      const d = metricValue(r, 'ks_statistic') as number;
      const p = metricValue(r, 'p_value') as number;
      expect(Math.abs(d - ref.statistic)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(p - ref.p_scipy) / ref.p_scipy).toBeLessThanOrEqual(1e-9);
      expect(r).toMatchObject({
        check: 'drift.feature',
        title: `Feature drift: ${column}`,
        verifies: ['REQ-9'],
        controls: ['RC-3'],
        status: ref.statistic <= 0.5 ? 'pass' : 'fail',
        details: { reference: 'train', current: 'shifted', method: 'exact' },
      });
      expect(r.metrics[0]).toEqual({ name: 'ks_statistic', value: d, threshold: { op: '<=', value: 0.5 } });
      expect(r.metrics[1]).toEqual({ name: 'p_value', value: p }); // no bound set: no threshold
    }
    // age (D ≈ 0.72) is the one feature beyond 0.5 in the shifted sample.
    expect(results.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual(['drift-pima/age']);
  });

  it('train vs test passes min_p_value 0.01 everywhere, and statuses flip when the bounds are tightened', async () => {
    const loose = await run({ current: 'test', min_p_value: 0.01, max_statistic: 0.2 });
    expect(loose.every((r) => r.status === 'pass')).toBe(true);
    for (const r of loose) {
      const column = r.id.split('/')[1] as string;
      expect(
        Math.abs((metricValue(r, 'ks_statistic') as number) - scipyCase(column, 'test').statistic),
      ).toBeLessThanOrEqual(1e-12);
    }

    // Tighter p bound: exactly the columns whose scipy p-value is below 0.5 fail.
    const tightP = await run({ current: 'test', min_p_value: 0.5 });
    const expectedP = FEATURES.filter((f) => scipyCase(f, 'test').p_scipy < 0.5);
    expect(expectedP).toEqual(['insulin', 'mass', 'pedigree', 'age']);
    expect(tightP.filter((r) => r.status === 'fail').map((r) => r.id.split('/')[1])).toEqual(expectedP);

    // Tighter D bound: the columns whose scipy statistic is above 0.06 fail.
    const tightD = await run({ current: 'test', max_statistic: 0.06 });
    const expectedD = FEATURES.filter((f) => scipyCase(f, 'test').statistic > 0.06);
    expect(expectedD.length).toBeGreaterThan(0);
    expect(tightD.filter((r) => r.status === 'fail').map((r) => r.id.split('/')[1])).toEqual(expectedD);
  });

  it('reports missing cells as counts and says why in a one-line message without data values', async () => {
    const [glucose] = await run({
      current: 'test',
      columns: ['glucose'],
      max_statistic: 0.2,
      min_p_value: 0.01,
    });
    expect(glucose?.details).toEqual({
      reference: 'train',
      current: 'test',
      n_reference: 572,
      n_current: 191,
      missing_reference: 4,
      missing_current: 1,
      method: 'exact',
    });
    expect(glucose?.message).toBe('KS D=0.0516 (≤ 0.2), p=0.8151 (≥ 0.01); n=572 vs 191 (4 and 1 missing)');

    const [age] = await run({ columns: ['age'], max_statistic: 0.2, min_p_value: 0.01 });
    expect(age?.status).toBe('fail');
    expect(age?.message).toBe('KS D=0.7205 (not ≤ 0.2), p=1.15e-22 (not ≥ 0.01); n=576 vs 46');
  });

  it('uses columns: when given, and the check title when set', async () => {
    const results = await run({ title: 'Input shift', columns: ['mass', 'age'], max_statistic: 0.9 });
    expect(results.map((r) => [r.id, r.title])).toEqual([
      ['drift-pima/mass', 'Input shift: mass'],
      ['drift-pima/age', 'Input shift: age'],
    ]);
  });

  it('skips a column with no values in one dataset, and says which file', async () => {
    const config = projectConfig([
      { id: 'd', type: 'drift.feature', columns: ['glucose'], max_statistic: 0.2 },
    ]);
    const empty = makeTable('shifted', 'data/shifted.csv', ['glucose'], [[null, null, null]], 3);
    const ctx = runContext(config, (name) => (name === 'shifted' ? empty : undefined));
    const [r] = await driftFeatureCheck.run(ctx, entry(config));
    expect(r).toMatchObject({
      id: 'd/glucose',
      status: 'skip',
      message: 'cannot compare: column "glucose" has no values in data/shifted.csv (all 3 row(s) missing)',
      metrics: [
        { name: 'ks_statistic', value: null, threshold: { op: '<=', value: 0.2 } },
        { name: 'p_value', value: null },
      ],
      details: { n_reference: 572, n_current: 0, missing_current: 3, method: null },
    });
  });

  it('a non-numeric column is an input error that names file and column, not the cell text', async () => {
    await expect(run({ columns: ['diabetes'], max_statistic: 0.2 })).rejects.toThrow(
      /data\/train\.csv: row 1, column "diabetes": expected a number, got a text value/,
    );
  });
});

describe('drift.feature config checks', () => {
  const validate = (check: Record<string, unknown>, opts: { model?: boolean } = {}) => {
    const config = projectConfig([{ id: 'drift', type: 'drift.feature', ...check }], opts);
    return driftFeatureCheck.validate?.(entry(config), config) ?? [];
  };

  it('accepts a complete entry', () => {
    expect(validate({ max_statistic: 0.2 })).toEqual([]);
    expect(validate({ reference: 'train', current: 'test', min_p_value: 0.01, columns: ['age'] })).toEqual(
      [],
    );
  });

  it('reports a misspelled dataset name with a suggestion and the known names', () => {
    expect(validate({ current: 'tset', max_statistic: 0.2 })).toEqual([
      {
        path: ['current'],
        message: 'unknown dataset "tset"; did you mean "test"? (defined: train, test, shifted)',
      },
    ]);
    expect(validate({ reference: 'trian', min_p_value: 0.05 })[0]?.path).toEqual(['reference']);
  });

  it('reports a missing bound, missing columns without a model, and self-comparison', () => {
    expect(validate({})).toEqual([
      {
        path: [],
        message:
          'no acceptance bound: set `max_statistic`, `min_p_value` or both, or the check can never fail',
      },
    ]);
    expect(validate({ max_statistic: 0.2 }, { model: false })).toEqual([
      {
        path: ['columns'],
        message: 'no columns: list them in `columns:` (there is no model.features to default to)',
      },
    ]);
    expect(validate({ current: 'train', max_statistic: 0.2 })[0]).toMatchObject({ path: ['current'] });
    expect(validate({ columns: ['age', 'mass', 'age'], max_statistic: 0.2 })).toEqual([
      { path: ['columns', 2], message: 'column "age" is listed twice' },
    ]);
  });

  it('reports when no default dataset exists, or a default is ambiguous', () => {
    const base = projectConfig([{ id: 'drift', type: 'drift.feature', max_statistic: 0.2 }]);
    const noCurrent: RegopsConfig = {
      ...base,
      datasets: {
        train: base.datasets.train,
        holdout: { ...base.datasets.train, role: 'reference' },
      } as RegopsConfig['datasets'],
    };
    expect(driftFeatureCheck.validate?.(entry(base), noCurrent)).toEqual([
      {
        path: ['current'],
        message:
          'no current dataset: none has role current or test; set `current:` to a dataset name (defined: train, holdout)',
      },
    ]);
    const twoCurrent: RegopsConfig = {
      ...base,
      datasets: { ...base.datasets, shifted2: base.datasets.shifted } as RegopsConfig['datasets'],
    };
    expect(driftFeatureCheck.validate?.(entry(base), twoCurrent)?.[0]?.message).toBe(
      '2 datasets have role current (shifted, shifted2); set `current:` to the one to use',
    );
  });

  it('rejects out-of-range bounds through the schema', () => {
    expect(() => validate({ max_statistic: 1.5 })).toThrow();
    expect(() => validate({ min_p_value: 0 })).toThrow();
    expect(() => validate({ min_p_value: 1 })).toThrow();
    expect(() => validate({ max_statistic: 0.2, colums: ['age'] })).toThrow();
  });

  it('columns() names every column in both datasets with its absolute config path', () => {
    const config = projectConfig([
      { id: 'other', type: 'drift.feature', max_statistic: 0.2 },
      { id: 'drift', type: 'drift.feature', current: 'test', columns: ['age', 'mass'], max_statistic: 0.2 },
    ]);
    expect(driftFeatureCheck.columns?.(entry(config, 1), config)).toEqual([
      { dataset: 'train', column: 'age', field: ['columns', 0] },
      { dataset: 'train', column: 'mass', field: ['columns', 1] },
      { dataset: 'test', column: 'age', field: ['columns', 0] },
      { dataset: 'test', column: 'mass', field: ['columns', 1] },
    ]);
    const fromModel = driftFeatureCheck.columns?.(entry(config, 0), config) ?? [];
    expect(fromModel).toHaveLength(2 * FEATURES.length);
    expect(fromModel[1]).toEqual({ dataset: 'train', column: 'glucose', field: ['model', 'features', 1] });
    expect(fromModel[FEATURES.length]).toEqual({
      dataset: 'shifted',
      column: 'pregnant',
      field: ['model', 'features', 0],
    });
  });

  it('states the criterion in words', () => {
    const config = projectConfig([
      { id: 'a', type: 'drift.feature', max_statistic: 0.2 },
      { id: 'b', type: 'drift.feature', current: 'test', max_statistic: 0.2, min_p_value: 0.01 },
      { id: 'c', type: 'drift.feature', min_p_value: 0.05 },
    ]);
    expect(config.checks.map((c) => driftFeatureCheck.criterion(c, config))).toEqual([
      'KS D ≤ 0.2 per column, shifted vs train',
      'KS D ≤ 0.2 and p ≥ 0.01 per column, test vs train',
      'KS p ≥ 0.05 per column, shifted vs train',
    ]);
  });

  it('formats numbers so they never appear on the wrong side of their bound', () => {
    expect(formatStat(0.20004, { op: '<=', value: 0.2 })).toBe('0.20004');
    expect(formatStat(0.2, { op: '<=', value: 0.2 })).toBe('0.2000');
    expect(formatStat(0.0099996, { op: '>=', value: 0.01 })).toBe('0.0099996');
    expect(formatStat(3.1225e-5)).toBe('3.12e-5');
  });
});
