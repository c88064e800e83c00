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
import { Xoshiro128 } from '@regops/model';
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
    baseline: null,
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
const byColumn = (results: CheckResult[], column: string) =>
  results.find((r) => r.id.endsWith(`/${column}`)) as CheckResult;

const stats = JSON.parse(
  readFileSync(path.join(repoRoot, 'test/fixtures/drift-stats/drift_stats_scipy.json'), 'utf8'),
) as Record<string, { name: string; [k: string]: unknown }[]>;
const statsCase = (family: string, name: string) => {
  const c = stats[family]?.find((x) => x.name === name);
  if (!c) throw new Error(`no ${family} case "${name}"`);
  return c;
};

/** Holm's step-down adjustment written from its definition (independent of the code under test). */
function holmByHand(p: number[]): number[] {
  const m = p.length;
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(([v, i], k) => {
    running = Math.max(running, Math.min(1, (m - k) * v));
    out[i] = running;
  });
  return out;
}

describe('drift.feature on the Pima CSVs', () => {
  it('train vs shifted: auto picks KS for every feature; D and p equal scipy, Holm by hand; age drifts', async () => {
    const results = await run({ missingness: false, verifies: ['REQ-9'], controls: ['RC-3'] });
    expect(results.map((r) => r.id)).toEqual(['drift-pima', ...FEATURES.map((f) => `drift-pima/${f}`)]);
    const perColumn = results.slice(1);
    const holm = holmByHand(FEATURES.map((f) => scipyCase(f, 'shifted').p_scipy));
    FEATURES.forEach((column, k) => {
      const r = perColumn[k] as CheckResult;
      expect(() => CheckResult.parse(r)).not.toThrow();
      const ref = scipyCase(column, 'shifted');
      expect(Math.abs((metricValue(r, 'ks_statistic') as number) - ref.statistic)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs((metricValue(r, 'p_value') as number) / ref.p_scipy - 1)).toBeLessThanOrEqual(1e-9);
      const adj = metricValue(r, 'p_adjusted') as number;
      expect(Math.abs(adj - (holm[k] as number))).toBeLessThanOrEqual(
        1e-9 * Math.max(1e-300, holm[k] as number),
      );
      expect(r).toMatchObject({
        check: 'drift.feature',
        title: `Feature drift: ${column}`,
        verifies: ['REQ-9'],
        controls: ['RC-3'],
        status: (holm[k] as number) < 0.05 ? 'warn' : 'pass',
        details: {
          reference: 'train',
          current: 'shifted',
          method: 'ks',
        },
      });
    });
    const drifted = FEATURES.filter((_, k) => (holm[k] as number) < 0.05);
    expect(drifted).toContain('age');
    expect(byColumn(results, 'age').message).toMatch(
      /^drift: KS D=0\.7205, p=1\.15e-22, p\(holm\)=9\.\d+e-22 < 0\.05; missing 0\.0% vs 0\.0%; n=576 vs 46 \(auto: numeric/,
    );
    const dataset = results[0] as CheckResult;
    expect(dataset.metrics).toEqual([
      { name: 'drift_share', value: drifted.length / 8, threshold: { op: '<', value: 0.5 } },
      { name: 'drifted_columns', value: drifted.length },
      { name: 'columns_compared', value: 8 },
    ]);
    expect(dataset.status).toBe(drifted.length / 8 >= 0.5 ? 'fail' : 'pass');
  });

  it('fail_on: column fails the check on a drifted column; the evidence keeps histograms for charts', async () => {
    const results = await run({ columns: ['age', 'glucose'], fail_on: 'column' });
    expect(byColumn(results, 'age').status).toBe('fail');
    expect(results[0]?.status).toBe('fail');
    const chart = byColumn(results, 'age').details?.chart as {
      kind: string;
      edges: number[];
      reference: number[];
      current: number[];
    };
    expect(chart.kind).toBe('histogram');
    expect(chart.edges).toHaveLength(11);
    expect(chart.reference.reduce((a, b) => a + b, 0)).toBe(576);
    expect(chart.current.reduce((a, b) => a + b, 0)).toBe(46);
  });

  it('methods: per-column PSI and Wasserstein equal the numpy/scipy fixture; binary categorical gets the Z-test', async () => {
    const results = await run({
      columns: ['age', 'mass', 'diabetes'],
      methods: { age: 'psi', mass: 'wasserstein' },
    });
    const psi = statsCase('psi_numeric', 'pima age train vs shifted');
    expect(
      Math.abs((metricValue(byColumn(results, 'age'), 'psi') as number) - (psi.psi as number)),
    ).toBeLessThanOrEqual(1e-9);
    expect(byColumn(results, 'age').status).toBe('warn'); // PSI 5.6 ≥ 0.1
    const w = statsCase('wasserstein', 'pima mass train vs shifted');
    expect(
      Math.abs(
        (metricValue(byColumn(results, 'mass'), 'wasserstein_normed') as number) - (w.normed as number),
      ),
    ).toBeLessThanOrEqual(1e-9);
    const z = statsCase('z_test', 'pima diabetes == pos rate train vs shifted');
    const d = byColumn(results, 'diabetes');
    expect(d.details?.method).toBe('z');
    expect(Math.abs(Math.abs(metricValue(d, 'z') as number) - Math.abs(z.z as number))).toBeLessThanOrEqual(
      1e-9,
    );
    expect(Math.abs((metricValue(d, 'p_value') as number) / (z.pvalue as number) - 1)).toBeLessThanOrEqual(
      1e-9,
    );
  });

  it('a categorical column with more than 2 values gets chi-square; equal to scipy', async () => {
    const results = await run({ columns: ['pregnant'], method: 'chi_square' });
    const chi = statsCase('chi_square', 'pima pregnant train vs shifted');
    const r = byColumn(results, 'pregnant');
    expect(
      Math.abs((metricValue(r, 'chi_square') as number) - (chi.statistic as number)),
    ).toBeLessThanOrEqual(1e-9);
    expect(Math.abs((metricValue(r, 'p_value') as number) / (chi.pvalue as number) - 1)).toBeLessThanOrEqual(
      1e-9,
    );
  });

  it('missingness: the missing shares are compared with the Z-test (scipy fixture) inside the corrected family', async () => {
    const results = await run({ columns: ['insulin'], current: 'test', correction: 'none' });
    const z = statsCase('z_test', 'pima insulin missing rate train vs test');
    const r = byColumn(results, 'insulin');
    expect(
      Math.abs((metricValue(r, 'missing_p_adjusted') as number) / (z.pvalue as number) - 1),
    ).toBeLessThanOrEqual(1e-9);
    expect(metricValue(r, 'missing_rate_reference')).toBeCloseTo((z.k1 as number) / (z.n1 as number), 15);
    expect(results[0]?.details?.tests_in_family).toBe(2);
  });

  it('two random halves of the same cohort: over 20 seeds, at most 1 split with a flagged column (Holm, 5% FWER), no dataset-level alarm', async () => {
    const config = projectConfig([
      { id: 'halves', type: 'drift.feature', reference: 'train', current: 'test' },
    ]);
    const all = await createDataServices(config, rootDir).loadTable('train');
    const test = await createDataServices(config, rootDir).loadTable('test');
    const header = all.header;
    const rows: (string | null)[][] = [];
    for (const t of [all, test]) {
      const cols = header.map((h) => t.column(h));
      for (let i = 0; i < t.rowCount; i++) rows.push(cols.map((c) => c[i] ?? null));
    }
    let flagged = 0;
    let alarms = 0;
    const flaggedNames: string[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      // Seeded Fisher–Yates shuffle with the project's xoshiro128** generator.
      const rng = new Xoshiro128(seed);
      const order = rows.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      const half = order.length / 2;
      const side = (name: string, idx: number[]) =>
        makeTable(
          name,
          `data/${name}.csv`,
          header,
          header.map((_, c) => idx.map((i) => rows[i]?.[c] ?? null)),
          idx.length,
        );
      const a = side('train', order.slice(0, half));
      const b = side('test', order.slice(half));
      const ctx = runContext(config, (name) => (name === 'train' ? a : name === 'test' ? b : undefined));
      const results = await driftFeatureCheck.run(ctx, entry(config));
      const drifted = results.slice(1).filter((r) => r.status !== 'pass');
      flagged += drifted.length;
      flaggedNames.push(...drifted.map((r) => `${seed}:${r.id}: ${r.message}`));
      if (results[0]?.status === 'fail') alarms++;
    }
    expect(rows).toHaveLength(768);
    // Holm keeps the chance of any flagged column at ≤ 5% per split (about 17 tests: 8 KS + 9 missingness),
    // so about 1 split in 20 may flag one column. Observed with these seeds: one column in one split
    // (seed 13, insulin: KS p 0.0017, Holm 0.022), printed below; no dataset-level alarm.
    console.log(`halves, 20 seeds: ${flagged} flagged column(s): ${flaggedNames.join(' | ') || 'none'}`);
    const seedsWithFlags = new Set(flaggedNames.map((n) => n.split(':')[0])).size;
    expect(seedsWithFlags).toBeLessThanOrEqual(1);
    expect(alarms).toBeLessThanOrEqual(1);
    expect(alarms).toBe(0);
  });

  it('skips a column with no values in one dataset, and says which file', async () => {
    const config = projectConfig([{ id: 'd', type: 'drift.feature', columns: ['glucose'] }]);
    const empty = makeTable('shifted', 'data/shifted.csv', ['glucose'], [[null, null, null]], 3);
    const ctx = runContext(config, (name) => (name === 'shifted' ? empty : undefined));
    const [dataset, r] = await driftFeatureCheck.run(ctx, entry(config));
    expect(r).toMatchObject({
      id: 'd/glucose',
      status: 'skip',
      message: 'cannot compare: column "glucose" has no values in data/shifted.csv (all 3 row(s) missing)',
      details: { n_reference: 572, n_current: 0, missing_current: 3, method: null },
    });
    expect(dataset).toMatchObject({ status: 'skip', message: 'no column could be compared' });
  });

  it('a numeric-only method on a text column is a configuration error naming the column and the fix', async () => {
    await expect(run({ columns: ['diabetes'], method: 'ks' })).rejects.toThrow(
      'check drift-pima: column "diabetes" (categorical): KS needs numbers, and the column holds text; use chi_square, jensen_shannon or psi (method)',
    );
  });

  it('new categories are listed, and only counted for a sensitive column', async () => {
    const config = projectConfig([{ id: 'd', type: 'drift.feature', columns: ['site'] }]);
    const ref = makeTable('train', 'data/train.csv', ['site'], [['A', 'B', 'A', 'B', 'A']], 5);
    const cur = makeTable('shifted', 'data/shifted.csv', ['site'], [['A', 'C', 'D', 'C']], 4);
    const tables = (name: string) => (name === 'train' ? ref : name === 'shifted' ? cur : undefined);
    const [, r] = await driftFeatureCheck.run(runContext(config, tables), entry(config));
    expect(r?.details?.new_categories).toEqual({ values: ['C', 'D'], count: 2, rows: 3 });
    expect(r?.message).toContain('2 new categories in 3 current row(s) (C, D)');
    const secret = { ...config, privacy: { sensitive: ['site'], allow_phi: [] } };
    const [, s] = await driftFeatureCheck.run(runContext(secret, tables), entry(config));
    expect(s?.details?.new_categories).toEqual({ count: 2, rows: 3, masked: true });
    expect(s?.details?.chart).toBeUndefined();
    expect(JSON.stringify(s)).not.toMatch(/"C"|"D"/);
  });
});

describe('drift.feature privacy and category spelling', () => {
  it('a column the PHI scan flags is masked although privacy does not list it', async () => {
    const config = projectConfig([{ id: 'd', type: 'drift.feature', columns: ['contact'] }]);
    const mails = (n: number, offset: number) =>
      Array.from({ length: n }, (_, i) => `patient${i + offset}@example.org`);
    const ref = makeTable('train', 'data/train.csv', ['contact'], [mails(40, 0)], 40);
    const cur = makeTable('shifted', 'data/shifted.csv', ['contact'], [mails(40, 20)], 40);
    const tables = (name: string) => (name === 'train' ? ref : name === 'shifted' ? cur : undefined);
    const ctx = runContext(config, tables);
    // The scan of these in-memory tables is what the data services would report for the real files.
    ctx.services = {
      ...ctx.services,
      async scan(name) {
        const t = tables(name);
        return {
          profile: {
            dataset: name,
            rows: t?.rowCount ?? 0,
            columns: [{ name: 'contact', sensitive: true }],
            missing_per_row: [],
          } as never,
          byCheck: new Map(),
        };
      },
    };
    const [, r] = await driftFeatureCheck.run(ctx, entry(config));
    expect(r?.details?.new_categories).toEqual({ count: 20, rows: 20, masked: true });
    expect(r?.details?.chart).toBeUndefined();
    expect(JSON.stringify(r)).not.toContain('@example.org');
  });

  it('one text cell on one side does not split the numbers spelled alike on both sides', async () => {
    const config = projectConfig([
      { id: 'd', type: 'drift.feature', columns: ['crp'], method: 'jensen_shannon' },
    ]);
    const cells = ['3.0', '1.5', '2', '3.0', '1.5', '2'];
    const ref = makeTable('train', 'data/train.csv', ['crp'], [cells], cells.length);
    const cur = makeTable('shifted', 'data/shifted.csv', ['crp'], [[...cells, '<0.5']], cells.length + 1);
    const tables = (name: string) => (name === 'train' ? ref : name === 'shifted' ? cur : undefined);
    const [, r] = await driftFeatureCheck.run(runContext(config, tables), entry(config));
    // Categories 1.5, 2, 3.0 (2 each) on both sides, plus <0.5 once in current: JS distance by hand, base 2:
    // p = (2,2,2,0)/6, q = (2,2,2,1)/7, m = (p+q)/2; JS = sqrt((KL(p||m) + KL(q||m)) / 2).
    const p = [2 / 6, 2 / 6, 2 / 6, 0];
    const q = [2 / 7, 2 / 7, 2 / 7, 1 / 7];
    const kl = (a: number[], b: number[]) =>
      a.reduce((s, x, i) => (x > 0 ? s + x * Math.log2(x / (b[i] as number)) : s), 0);
    const m = p.map((x, i) => (x + (q[i] as number)) / 2);
    const js = Math.sqrt((kl(p, m) + kl(q, m)) / 2);
    expect(metricValue(r as CheckResult, 'jensen_shannon')).toBeCloseTo(js, 12);
    expect(r?.details?.new_categories).toEqual({ values: ['<0.5'], count: 1, rows: 1 });
  });
});

describe('drift.feature config checks', () => {
  const validate = (check: Record<string, unknown>, opts: { model?: boolean } = {}) => {
    const config = projectConfig([{ id: 'drift', type: 'drift.feature', ...check }], opts);
    return driftFeatureCheck.validate?.(entry(config), config) ?? [];
  };

  it('accepts a complete entry, with defaults auto / Holm / 0.05 / share 0.5 / fail on dataset', () => {
    expect(validate({})).toEqual([]);
    const config = projectConfig([{ id: 'drift', type: 'drift.feature' }]);
    expect(entry(config)).toMatchObject({
      method: 'auto',
      correction: 'holm',
      alpha: 0.05,
      drift_share: 0.5,
      fail_on: 'dataset',
      missingness: true,
    });
  });

  it('reports a misspelled dataset name with a suggestion and the known names', () => {
    expect(validate({ current: 'tset' })).toEqual([
      {
        path: ['current'],
        message: 'unknown dataset "tset"; did you mean "test"? (defined: train, test, shifted)',
      },
    ]);
    expect(validate({ reference: 'trian' })[0]?.path).toEqual(['reference']);
  });

  it('reports missing columns without a model, self-comparison, duplicates and a per-column method for an unknown column', () => {
    expect(validate({}, { model: false })).toEqual([
      {
        path: ['columns'],
        message: 'no columns: list them in `columns:` (there is no model.features to default to)',
      },
    ]);
    expect(validate({ current: 'train' })[0]).toMatchObject({ path: ['current'] });
    expect(validate({ columns: ['age', 'mass', 'age'] })).toEqual([
      { path: ['columns', 2], message: 'column "age" is listed twice' },
    ]);
    expect(validate({ columns: ['age', 'mass'], methods: { ages: 'psi' } })).toEqual([
      {
        path: ['methods', 'ages'],
        message: 'column "ages" is not compared by this check; did you mean "age"? (columns: age, mass)',
      },
    ]);
  });

  it('reports when no default dataset exists, or a default is ambiguous', () => {
    const base = projectConfig([{ id: 'drift', type: 'drift.feature' }]);
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

  it('rejects out-of-range options and unknown methods through the schema', () => {
    expect(() => validate({ alpha: 0 })).toThrow();
    expect(() => validate({ drift_share: 1.5 })).toThrow();
    expect(() => validate({ method: 'kolmogorov' })).toThrow();
    expect(() => validate({ colums: ['age'] })).toThrow();
  });

  it('columns() names every column in both datasets with its absolute config path', () => {
    const config = projectConfig([
      { id: 'other', type: 'drift.feature' },
      { id: 'drift', type: 'drift.feature', current: 'test', columns: ['age', 'mass'] },
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
  });

  it('states the criterion in words', () => {
    const config = projectConfig([
      { id: 'a', type: 'drift.feature' },
      { id: 'b', type: 'drift.feature', current: 'test', fail_on: 'column', method: 'psi', correction: 'bh' },
    ]);
    expect(config.checks.map((c) => driftFeatureCheck.criterion(c as DriftFeatureConfig, config))).toEqual([
      'drifted share < 0.5 (per column auto-selected test, p (Holm) ≥ 0.05 or distance below its threshold), shifted vs train',
      'no drifted column (per column PSI, p (Benjamini–Hochberg) ≥ 0.05 or distance below its threshold), test vs train',
    ]);
  });

  it('formats numbers so they never appear on the wrong side of their bound', () => {
    expect(formatStat(0.20004, { op: '<=', value: 0.2 })).toBe('0.20004');
    expect(formatStat(0.2, { op: '<=', value: 0.2 })).toBe('0.2000');
    expect(formatStat(0.0099996, { op: '>=', value: 0.01 })).toBe('0.0099996');
    expect(formatStat(3.1225e-5)).toBe('3.12e-5');
  });
});
