import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '@regops/cli';
import {
  CheckRegistry,
  CheckResult,
  createMemo,
  type DatasetProfile,
  displayPath,
  EVIDENCE_SCHEMA_VERSION,
  InputError,
  type Logger,
  type RegopsConfig,
  type RunContext,
  type Services,
  type Table,
} from '@regops/core';
import { createDataServices, makeTable, ProfileBuilder } from '@regops/data';
import { Xoshiro128 } from '@regops/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DriftFeatureConfig, driftFeatureCheck } from '../src/drift-feature';
import { referenceQuantileEdges } from '../src/stats';
import { kllRankError, weightedKs, weightedQuantileEdges, weightedSample } from '../src/weighted-stats';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const pimaDir = path.join(repoRoot, 'examples/pima-diabetes');
const FEATURES = ['pregnant', 'glucose', 'pressure', 'triceps', 'insulin', 'mass', 'pedigree', 'age'];
const GIT_SHA = '3f9c2e1d8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d';

const registry = new CheckRegistry().register(driftFeatureCheck);
const quietLog: Logger = { info() {}, warn() {}, debug() {} };

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const metricValue = (r: CheckResult, name: string) => r.metrics.find((m) => m.name === name)?.value as number;
const byColumn = (results: CheckResult[], column: string) =>
  results.find((r) => r.id.endsWith(`/${column}`)) as CheckResult;

interface FixtureCase {
  statistic: number;
  p_scipy: number;
  pima?: { column: string; a: string; b: string };
}
const ksFixture = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/ks/ks_scipy.json'), 'utf8')) as {
  cases: FixtureCase[];
};
const scipyKs = (column: string) => {
  const c = ksFixture.cases.find(
    (x) => x.pima?.column === column && x.pima.a === 'train' && x.pima.b === 'shifted',
  );
  if (!c) throw new Error(`no KS fixture for ${column}`);
  return c;
};
const stats = JSON.parse(
  readFileSync(path.join(repoRoot, 'test/fixtures/drift-stats/drift_stats_scipy.json'), 'utf8'),
) as Record<string, { name: string; [k: string]: unknown }[]>;
const statsCase = (family: string, name: string) => {
  const c = stats[family]?.find((x) => x.name === name);
  if (!c) throw new Error(`no ${family} case "${name}"`);
  return c;
};

/** A regops.yml for a project whose datasets live in `dir/data` (parsed by the real schema). */
function pimaConfig(checks: Record<string, unknown>[], privacy?: { sensitive: string[] }): RegopsConfig {
  return registry.configSchema().parse({
    version: 1,
    project: { name: 'reference profile test' },
    model: { path: 'models/pima_hgb_candidate.onnx', input: 'float_input', features: FEATURES },
    datasets: {
      train: { path: 'data/train.csv', role: 'train' },
      test: { path: 'data/test.csv', role: 'test' },
      shifted: { path: 'data/shifted.csv', role: 'current' },
    },
    requirements: 'requirements.yml',
    ...(privacy ? { privacy } : {}),
    checks,
  });
}

function runContext(
  config: RegopsConfig,
  rootDir: string,
  override?: (name: string) => Table | undefined,
): RunContext {
  const data = createDataServices(config, rootDir);
  const services: Services = {
    ...data,
    async loadTable(name) {
      return override?.(name) ?? data.loadTable(name);
    },
    // drift.feature asks the scan which columns the PHI scan flags; the in-memory tables here hold
    // synthetic numbers only, so their scan flags nothing.
    async scan(name) {
      if (override?.(name)) {
        return { profile: { dataset: name, rows: 0, columns: [], missing_per_row: [] }, byCheck: new Map() };
      }
      return data.scan(name);
    },
    async inspectModel() {
      throw new Error('not used');
    },
  };
  return { rootDir, config, baseline: null, services, log: quietLog, memo: createMemo() };
}

/**
 * An evidence.json as `regops run` writes it, as far as drift reads it: schema version, run (with git), inputs
 * with each dataset's sha256, datasets, and the profiles made by the real data services' scan.
 */
async function writeEvidence(
  dir: string,
  file: string,
  profiles: DatasetProfile[],
  datasets: { name: string; path: string }[],
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const abs = path.join(dir, file);
  mkdirSync(path.dirname(abs), { recursive: true });
  const evidence = {
    schema_version: EVIDENCE_SCHEMA_VERSION,
    tool: { name: 'regops', version: '0.1.0' },
    run: {
      started_at: '2025-03-14T09:26:53.000Z',
      platform: 'local',
      git: { sha: GIT_SHA, ref: 'refs/heads/main', dirty: false },
      change: null,
    },
    project: { name: 'baseline', description: null },
    inputs: datasets.map((d) => {
      const bytes = readFileSync(path.join(dir, d.path));
      return { path: d.path, kind: 'dataset', sha256: sha256(bytes), bytes: bytes.length };
    }),
    datasets: datasets.map((d, i) => ({
      name: d.name,
      path: d.path,
      role: 'train',
      rows: profiles[i]?.rows ?? 0,
      columns: profiles[i]?.columns.map((c) => c.name) ?? [],
    })),
    profiles,
    ...overrides,
  };
  writeFileSync(abs, `${JSON.stringify(evidence, null, 2)}\n`);
  return abs;
}

/** A temp project with the Pima CSVs and baseline/evidence.json holding the profiles of all three datasets. */
async function pimaProject(privacy?: { sensitive: string[] }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'regops-refprofile-'));
  cpSync(path.join(pimaDir, 'data'), path.join(dir, 'data'), { recursive: true });
  const config = pimaConfig([], privacy);
  const data = createDataServices(config, dir);
  const names = ['train', 'test', 'shifted'];
  const profiles = await Promise.all(names.map(async (n) => (await data.scan(n)).profile));
  const evidence = await writeEvidence(
    dir,
    'baseline/evidence.json',
    profiles,
    names.map((name) => ({ name, path: `data/${name}.csv` })),
  );
  return { dir, evidence, profiles };
}

async function runCheck(
  dir: string,
  check: Record<string, unknown>,
  override?: (n: string) => Table | undefined,
) {
  const config = pimaConfig([{ id: 'drift', type: 'drift.feature', ...check }]);
  const entry = config.checks[0] as DriftFeatureConfig;
  expect(driftFeatureCheck.validate?.(entry, config)).toEqual([]);
  return driftFeatureCheck.run(runContext(config, dir, override), entry);
}

const PROFILE = { evidence: 'baseline/evidence.json', dataset: 'train' };

describe('drift.feature against the Pima train profile (exact-mode sketch: 576 rows)', () => {
  let project: Awaited<ReturnType<typeof pimaProject>>;
  beforeAll(async () => {
    project = await pimaProject();
  });

  it('the profile keeps every value: each numeric column is one level-0 sketch holding all its values', () => {
    const train = project.profiles[0] as DatasetProfile;
    expect(train.rows).toBe(576);
    for (const f of FEATURES) {
      const col = train.columns.find((c) => c.name === f);
      expect(col?.numeric?.sketch.levels).toHaveLength(1);
      expect(col?.numeric?.sketch.levels[0]).toHaveLength(col?.count as number);
    }
  });

  it('KS D and p per column equal the raw-data path and scipy (D to 1e-12); age drifts; the baseline is named', async () => {
    const fromProfile = await runCheck(project.dir, { reference_profile: PROFILE, missingness: false });
    const fromData = await runCheck(project.dir, { reference: 'train', missingness: false });
    expect(fromProfile.map((r) => r.id)).toEqual(fromData.map((r) => r.id));
    const evidenceSha = sha256(readFileSync(project.evidence));
    const trainSha = sha256(readFileSync(path.join(project.dir, 'data/train.csv')));
    for (const column of FEATURES) {
      const p = byColumn(fromProfile, column);
      const d = byColumn(fromData, column);
      expect(() => CheckResult.parse(p)).not.toThrow();
      expect(p.details?.method).toBe('ks');
      const ref = scipyKs(column);
      // profile path = raw-data path
      expect(Math.abs(metricValue(p, 'ks_statistic') - metricValue(d, 'ks_statistic'))).toBeLessThanOrEqual(
        1e-12,
      );
      expect(Math.abs(metricValue(p, 'p_value') / metricValue(d, 'p_value') - 1)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(metricValue(p, 'p_adjusted') / metricValue(d, 'p_adjusted') - 1)).toBeLessThanOrEqual(
        1e-12,
      );
      // and scipy's ks_2samp (D exactly; p to the tolerance the raw path meets)
      expect(Math.abs(metricValue(p, 'ks_statistic') - ref.statistic)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(metricValue(p, 'p_value') / ref.p_scipy - 1)).toBeLessThanOrEqual(1e-9);
      expect(p.status).toBe(d.status);
      expect(p.details?.chart).toEqual(d.details?.chart);
      expect(p.details).toMatchObject({
        reference: 'train',
        current: 'shifted',
        n_reference: d.details?.n_reference,
        missing_reference: d.details?.missing_reference,
        reference_source: 'profile',
        reference_accuracy: 'profile (exact: the KLL sketch holds every value)',
        reference_profile: {
          evidence: 'baseline/evidence.json',
          sha256: evidenceSha,
          git_sha: GIT_SHA,
          git_dirty: false,
          dataset: 'train',
          dataset_path: 'data/train.csv',
          dataset_sha256: trainSha,
          schema_version: EVIDENCE_SCHEMA_VERSION,
          rows: 576,
        },
      });
      expect(p.message).toBe(d.message);
    }
    expect(byColumn(fromProfile, 'age').status).toBe('warn');
    expect(byColumn(fromProfile, 'age').message).toMatch(/^drift: KS D=0\.7205, p=1\.15e-22/);
    const dataset = fromProfile[0] as CheckResult;
    expect(dataset.metrics).toEqual(fromData[0]?.metrics);
    expect(dataset.message).toContain(
      'shifted vs train profile from baseline/evidence.json (commit 3f9c2e1), Holm at α=0.05',
    );
    expect(dataset.details).toMatchObject({
      reference_source: 'profile',
      reference_profile: { sha256: evidenceSha },
    });
  });

  it('other methods in exact mode equal the numpy/scipy fixture: PSI, Wasserstein, chi-square; diabetes (top values) gets the Z-test', async () => {
    const results = await runCheck(project.dir, {
      reference_profile: PROFILE,
      columns: ['age', 'mass', 'pregnant', 'diabetes'],
      methods: { age: 'psi', mass: 'wasserstein', pregnant: 'chi_square' },
    });
    const psi = statsCase('psi_numeric', 'pima age train vs shifted');
    expect(Math.abs(metricValue(byColumn(results, 'age'), 'psi') - (psi.psi as number))).toBeLessThanOrEqual(
      1e-9,
    );
    const w = statsCase('wasserstein', 'pima mass train vs shifted');
    expect(
      Math.abs(metricValue(byColumn(results, 'mass'), 'wasserstein_normed') - (w.normed as number)),
    ).toBeLessThanOrEqual(1e-9);
    const chi = statsCase('chi_square', 'pima pregnant train vs shifted');
    const pregnant = byColumn(results, 'pregnant');
    expect(Math.abs(metricValue(pregnant, 'chi_square') - (chi.statistic as number))).toBeLessThanOrEqual(
      1e-9,
    );
    const z = statsCase('z_test', 'pima diabetes == pos rate train vs shifted');
    const d = byColumn(results, 'diabetes');
    expect(d.details).toMatchObject({
      method: 'z',
      reference_accuracy: 'profile (exact: the top values cover every cell)',
      n_reference: 576,
    });
    expect(Math.abs(Math.abs(metricValue(d, 'z')) - Math.abs(z.z as number))).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(metricValue(d, 'p_value') / (z.pvalue as number) - 1)).toBeLessThanOrEqual(1e-9);
  });

  it('missingness: the Z-test on the profile’s missing count equals scipy (insulin, train vs test)', async () => {
    const results = await runCheck(project.dir, {
      reference_profile: PROFILE,
      current: 'test',
      columns: ['insulin'],
      correction: 'none',
    });
    const z = statsCase('z_test', 'pima insulin missing rate train vs test');
    const r = byColumn(results, 'insulin');
    expect(Math.abs(metricValue(r, 'missing_p_adjusted') / (z.pvalue as number) - 1)).toBeLessThanOrEqual(
      1e-9,
    );
    expect(metricValue(r, 'missing_rate_reference')).toBeCloseTo((z.k1 as number) / (z.n1 as number), 15);
    expect(results[0]?.details?.tests_in_family).toBe(2);
  });

  it('a column that is sensitive in the profile is skipped with the reason; the others are compared', async () => {
    const secret = await pimaProject({ sensitive: ['age'] });
    const age = (secret.profiles[0] as DatasetProfile).columns.find((c) => c.name === 'age');
    expect(age).toMatchObject({ sensitive: true, numeric: null, top: null });
    const results = await runCheck(secret.dir, { reference_profile: PROFILE, columns: ['age', 'glucose'] });
    expect(byColumn(results, 'age')).toMatchObject({
      status: 'skip',
      metrics: [],
      message:
        'cannot compare: column "age" is sensitive in the reference profile, which therefore holds none of its values',
      details: { method: null, reference_source: 'profile', reference_accuracy: 'profile (not comparable)' },
    });
    expect(byColumn(results, 'glucose').status).not.toBe('skip');
    expect(results[0]?.metrics.find((m) => m.name === 'columns_compared')?.value).toBe(1);
  });
});

describe('drift.feature against the evidence.json written by `regops run`', () => {
  it('the train profile of a real run gives the same KS D and p as the raw data, for every feature', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regops-refprofile-cli-'));
    cpSync(pimaDir, dir, { recursive: true });
    const io = { out: () => {}, err: () => {} };
    const code = await main(
      ['run', '--config', path.join(dir, 'regops.yml'), '--out', path.join(dir, 'baseline')],
      io,
    );
    expect([0, 1]).toContain(code);
    const profile = { evidence: 'baseline/evidence.json', dataset: 'train' };
    const fromProfile = await runCheck(dir, { reference_profile: profile, missingness: false });
    const fromData = await runCheck(dir, { reference: 'train', missingness: false });
    for (const column of FEATURES) {
      const p = byColumn(fromProfile, column);
      const d = byColumn(fromData, column);
      expect(metricValue(p, 'ks_statistic')).toBe(metricValue(d, 'ks_statistic'));
      expect(metricValue(p, 'p_value')).toBe(metricValue(d, 'p_value'));
      expect(Math.abs(metricValue(p, 'ks_statistic') - scipyKs(column).statistic)).toBeLessThanOrEqual(1e-12);
    }
    expect(byColumn(fromProfile, 'age').status).toBe('warn');
    expect(fromProfile[0]?.details?.reference_profile).toMatchObject({
      evidence: 'baseline/evidence.json',
      sha256: sha256(readFileSync(path.join(dir, 'baseline/evidence.json'))),
      dataset: 'train',
      dataset_path: 'data/train.csv',
      dataset_sha256: sha256(readFileSync(path.join(dir, 'data/train.csv'))),
    });
  });
});

describe('drift.feature against a compacted sketch (20 000 synthetic rows)', () => {
  /** Standard normal draws (Box–Muller on xoshiro128** uniforms), as 4-decimal texts like a CSV holds them. */
  function normals(seed: number, n: number, shift: number): string[] {
    const rng = new Xoshiro128(seed);
    const u = () => (rng.nextU32() + 0.5) / 2 ** 32;
    const out: string[] = [];
    while (out.length < n) {
      const r = Math.sqrt(-2 * Math.log(u()));
      const t = 2 * Math.PI * u();
      out.push((r * Math.cos(t) + shift).toFixed(4), (r * Math.sin(t) + shift).toFixed(4));
    }
    return out.slice(0, n);
  }

  /** KS D by its definition: the largest |F_ref(x) − F_cur(x)| over every observed x (written here, not imported). */
  function exactD(a: number[], b: number[]): number {
    const xs = [...new Set([...a, ...b])].sort((x, y) => x - y);
    const sa = [...a].sort((x, y) => x - y);
    const sb = [...b].sort((x, y) => x - y);
    let i = 0;
    let j = 0;
    let d = 0;
    for (const x of xs) {
      while (i < sa.length && (sa[i] as number) <= x) i++;
      while (j < sb.length && (sb[j] as number) <= x) j++;
      d = Math.max(d, Math.abs(i / sa.length - j / sb.length));
    }
    return d;
  }

  /** kstwobign.sf(x) = 2 Σ (−1)^(k−1) exp(−2k²x²) (the Kolmogorov limit), for x well above 0. */
  const kolmogorovSf = (x: number) => {
    let s = 0;
    for (let k = 1; k <= 100; k++) s += (k % 2 === 1 ? 2 : -2) * Math.exp(-2 * k * k * x * x);
    return s;
  };

  it('KS D from the sketch is within the documented rank error of the exact D; p is asymptotic with n = 20000', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regops-refprofile-big-'));
    const refTexts = normals(7, 20000, 0);
    const builder = new ProfileBuilder('train', ['x']);
    for (let s = 0; s < refTexts.length; s += 4096)
      builder.batch({ rows: refTexts.slice(s, s + 4096).map((t) => [t]), start: s + 1 });
    const profile = builder.finish();
    const sketch = profile.columns[0]?.numeric?.sketch;
    expect(sketch?.n).toBe(20000);
    expect(sketch?.k).toBe(200);
    const retained = sketch?.levels.reduce((a, l) => a + l.length, 0) as number;
    expect(sketch?.levels.length).toBeGreaterThan(1); // compacted
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data/train.csv'), `x\n${refTexts.join('\n')}\n`);
    await writeEvidence(
      dir,
      'baseline/evidence.json',
      [profile],
      [{ name: 'train', path: 'data/train.csv' }],
    );

    const results: Record<string, number> = {};
    const ref = refTexts.map(Number);
    // rank error documented for k = 200 (Apache DataSketches' fit, kllRankError): 2.296 / 200^0.9723
    const bound = 2.296 / 200 ** 0.9723;
    expect(bound).toBeCloseTo(0.01329, 5);
    for (const shift of [0, 0.1, 0.3]) {
      const curTexts = normals(100 + Math.round(shift * 10), 500, shift);
      const cur = makeTable('shifted', 'data/shifted.csv', ['x'], [curTexts], curTexts.length);
      const out = await runCheck(dir, { reference_profile: PROFILE, columns: ['x'], method: 'ks' }, (n) =>
        n === 'shifted' ? cur : undefined,
      );
      const r = byColumn(out, 'x');
      const d = metricValue(r, 'ks_statistic');
      const exact = exactD(ref, curTexts.map(Number));
      results[`shift ${shift}: D profile`] = d;
      results[`shift ${shift}: D exact`] = exact;
      results[`shift ${shift}: |error|`] = Math.abs(d - exact);
      expect(Math.abs(d - exact)).toBeLessThanOrEqual(bound);
      const en = (20000 * 500) / 20500;
      expect(Math.abs(metricValue(r, 'p_value') / kolmogorovSf(Math.sqrt(en) * d) - 1)).toBeLessThanOrEqual(
        1e-12,
      );
      expect(r.details).toMatchObject({
        n_reference: 20000,
        n_current: 500,
        reference_accuracy: 'profile (approximate: KLL sketch, rank error ≈ 1.33%)',
      });
      expect(r.message).toContain(
        '; approximate: reference profile (approximate: KLL sketch, rank error ≈ 1.33%)',
      );
    }
    console.log(`compacted sketch: ${retained} items for 20000 values; rank error bound ${bound}`, results);
    expect(results['shift 0.3: D exact']).toBeGreaterThan(0.1);
  });

  it('auto picks normed Wasserstein (n > 1000); its error against the raw data stays within ε·(max − min)/std', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regops-refprofile-w-'));
    const refTexts = normals(11, 20000, 0);
    const builder = new ProfileBuilder('train', ['x']);
    builder.batch({ rows: refTexts.map((t) => [t]), start: 1 });
    const profile = builder.finish();
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data/train.csv'), `x\n${refTexts.join('\n')}\n`);
    await writeEvidence(
      dir,
      'baseline/evidence.json',
      [profile],
      [{ name: 'train', path: 'data/train.csv' }],
    );
    const curTexts = normals(12, 800, 0.2);
    const cur = makeTable('shifted', 'data/shifted.csv', ['x'], [curTexts], curTexts.length);
    const over = (n: string) => (n === 'shifted' ? cur : undefined);
    const fromProfile = byColumn(
      await runCheck(dir, { reference_profile: PROFILE, columns: ['x'] }, over),
      'x',
    );
    const fromData = byColumn(await runCheck(dir, { reference: 'train', columns: ['x'] }, over), 'x');
    expect(fromProfile.details?.method).toBe('wasserstein');
    expect(fromData.details?.method).toBe('wasserstein');
    const num = profile.columns[0]?.numeric;
    const eps = 2.296 / 200 ** 0.9723;
    const wBound = (eps * ((num?.max as number) - (num?.min as number))) / (num?.std as number);
    const wErr = Math.abs(
      metricValue(fromProfile, 'wasserstein_normed') - metricValue(fromData, 'wasserstein_normed'),
    );
    console.log(
      `normed Wasserstein: profile ${metricValue(fromProfile, 'wasserstein_normed')}, raw ${metricValue(fromData, 'wasserstein_normed')}, |error| ${wErr}, bound ${wBound}`,
    );
    expect(wErr).toBeLessThanOrEqual(wBound);
    expect(fromProfile.status).toBe(fromData.status);
    // PSI and Jensen–Shannon on weighted bins: close to the raw data's
    for (const method of ['psi', 'jensen_shannon'] as const) {
      const p = byColumn(
        await runCheck(dir, { reference_profile: PROFILE, columns: ['x'], method }, over),
        'x',
      );
      const d = byColumn(await runCheck(dir, { reference: 'train', columns: ['x'], method }, over), 'x');
      console.log(`${method}: profile ${metricValue(p, method)}, raw ${metricValue(d, method)}`);
      expect(Math.abs(metricValue(p, method) - metricValue(d, method))).toBeLessThanOrEqual(0.02);
    }
  });
});

describe('drift.feature against a categorical profile listing only its top values', () => {
  const fx = JSON.parse(
    readFileSync(path.join(repoRoot, 'test/fixtures/reference-profile/categorical_scipy.json'), 'utf8'),
  ) as {
    profile: { count: number; missing: number; top: { value: string; count: number }[] };
    current: Record<string, number>;
    chi_square: { statistic: number; pvalue: number };
    jensen_shannon: number;
    psi: number;
  };

  it('top counts + an "other" bucket (current categories the profile does not list join it) equal scipy', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regops-refprofile-cat-'));
    const profile: DatasetProfile = {
      dataset: 'train',
      rows: fx.profile.count + fx.profile.missing,
      columns: [
        {
          name: 'site',
          count: fx.profile.count,
          missing: fx.profile.missing,
          inferred_type: 'string',
          type_counts: { integer: 0, number: 0, boolean: 0, string: fx.profile.count },
          sensitive: false,
          distinct: { value: 13, exact: true },
          numeric: null,
          top: fx.profile.top,
        },
      ],
      missing_per_row: [],
    };
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data/train.csv'), 'site\nA\n');
    await writeEvidence(
      dir,
      'baseline/evidence.json',
      [profile],
      [{ name: 'train', path: 'data/train.csv' }],
    );
    const cells = Object.entries(fx.current).flatMap(([v, n]) => Array<string>(n).fill(v));
    const cur = makeTable('shifted', 'data/shifted.csv', ['site'], [cells], cells.length);
    const over = (n: string) => (n === 'shifted' ? cur : undefined);
    const run = async (method: string) =>
      byColumn(
        await runCheck(
          dir,
          { reference_profile: PROFILE, columns: ['site'], method, correction: 'none' },
          over,
        ),
        'site',
      );
    const chi = await run('chi_square');
    expect(Math.abs(metricValue(chi, 'chi_square') / fx.chi_square.statistic - 1)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(metricValue(chi, 'p_value') / fx.chi_square.pvalue - 1)).toBeLessThanOrEqual(1e-9);
    expect(chi.details).toMatchObject({
      n_reference: fx.profile.count,
      reference_accuracy:
        'profile (approximate: the 10 most frequent categories, the rest as one "other" bucket)',
      new_categories: { count: null, rows: null },
    });
    const auto = await run('auto'); // 2500 reference values > 1000: Jensen–Shannon
    expect(auto.details?.method).toBe('jensen_shannon');
    expect(Math.abs(metricValue(auto, 'jensen_shannon') - fx.jensen_shannon)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(metricValue(await run('psi'), 'psi') - fx.psi)).toBeLessThanOrEqual(1e-12);
    await expect(run('ks')).rejects.toThrow('check drift: column "site" (categorical): KS needs numbers');
  });
});

describe('reference_profile: bad inputs', () => {
  let project: Awaited<ReturnType<typeof pimaProject>>;
  beforeAll(async () => {
    project = await pimaProject();
  });

  async function failure(
    spec: { evidence: string; dataset: string },
    columns = ['age'],
  ): Promise<InputError> {
    try {
      await runCheck(project.dir, { reference_profile: spec, columns });
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).exitCode).toBe(2);
      return e as InputError;
    }
    throw new Error('expected an InputError');
  }
  const shown = (rel: string) => displayPath(path.join(project.dir, rel));

  it('a missing file', async () => {
    expect((await failure({ evidence: 'baseline/nope.json', dataset: 'train' })).message).toBe(
      `check drift: reference_profile.evidence: file not found: baseline/nope.json (looked in ${shown('baseline/nope.json')})`,
    );
  });

  it('a file that is not JSON', async () => {
    const text = '{"schema_version": "1.0.0", profiles: []}';
    writeFileSync(path.join(project.dir, 'baseline/broken.json'), text);
    let parseMessage = '';
    try {
      JSON.parse(text);
    } catch (e) {
      parseMessage = (e as Error).message;
    }
    expect((await failure({ evidence: 'baseline/broken.json', dataset: 'train' })).message).toBe(
      `check drift: reference_profile: ${shown('baseline/broken.json')} is not JSON (${parseMessage}); expected the evidence.json of a previous regops run`,
    );
    writeFileSync(path.join(project.dir, 'baseline/list.json'), '[1, 2]');
    expect((await failure({ evidence: 'baseline/list.json', dataset: 'train' })).message).toBe(
      `check drift: reference_profile: ${shown('baseline/list.json')} is not a RegOps evidence bundle (no schema_version); expected the evidence.json of a previous regops run`,
    );
  });

  it('an incompatible evidence schema version', async () => {
    const evidence = JSON.parse(readFileSync(project.evidence, 'utf8'));
    writeFileSync(
      path.join(project.dir, 'baseline/v2.json'),
      JSON.stringify({ ...evidence, schema_version: '2.0.0' }),
    );
    expect((await failure({ evidence: 'baseline/v2.json', dataset: 'train' })).message).toBe(
      `check drift: reference_profile: ${shown('baseline/v2.json')}: evidence schema version 2.0.0, this RegOps reads 1.x: re-run the baseline with this version`,
    );
    // a later minor version of the same major is read; profile fields this version does not know are ignored
    const later = structuredClone(evidence);
    later.profiles[0].columns[7].numeric.entropy = 3.2;
    later.profiles[0].sampled = false;
    writeFileSync(
      path.join(project.dir, 'baseline/v1-7.json'),
      JSON.stringify({ ...later, schema_version: '1.7.0' }),
    );
    const ok = await runCheck(project.dir, {
      reference_profile: { evidence: 'baseline/v1-7.json', dataset: 'train' },
      columns: ['age'],
    });
    expect(byColumn(ok, 'age').details).toMatchObject({
      method: 'ks',
      reference_profile: { schema_version: '1.7.0' },
    });
  });

  it('an unknown dataset, with the nearest name and the profiles there are', async () => {
    expect((await failure({ evidence: 'baseline/evidence.json', dataset: 'trian' })).message).toBe(
      `check drift: reference_profile.dataset: ${shown('baseline/evidence.json')} has no profile of dataset "trian"; did you mean "train"? (profiles: train, test, shifted)`,
    );
  });

  it('an unknown column, with the nearest name', async () => {
    expect((await failure({ evidence: 'baseline/evidence.json', dataset: 'train' }, ['agee'])).message).toBe(
      `check drift: reference_profile: ${shown('baseline/evidence.json')}: the profile of dataset "train" has no column "agee"; did you mean "age"? (columns: pregnant, glucose, pressure, triceps, insulin, mass, pedigree, age, diabetes)`,
    );
  });

  it('a profile entry that does not match the profile schema', async () => {
    const evidence = JSON.parse(readFileSync(project.evidence, 'utf8'));
    evidence.profiles[0].columns[7].count = 'many';
    writeFileSync(path.join(project.dir, 'baseline/bad-profile.json'), JSON.stringify(evidence));
    expect((await failure({ evidence: 'baseline/bad-profile.json', dataset: 'train' })).message).toBe(
      `check drift: reference_profile: ${shown('baseline/bad-profile.json')}: profiles[0] (dataset "train") is not a valid profile: columns.7.count: Invalid input: expected number, received string`,
    );
  });

  it('validate(): reference and reference_profile together is a config problem; the profile needs only the current dataset’s columns', () => {
    const both = pimaConfig([
      { id: 'drift', type: 'drift.feature', reference: 'train', reference_profile: PROFILE },
    ]);
    expect(driftFeatureCheck.validate?.(both.checks[0] as DriftFeatureConfig, both)).toEqual([
      {
        path: ['reference_profile'],
        message:
          'set either `reference:` (a dataset of this run) or `reference_profile:` (a profile stored in a previous evidence bundle), not both',
      },
    ]);
    expect(() =>
      pimaConfig([{ id: 'drift', type: 'drift.feature', reference_profile: { evidence: 'e.json' } }]),
    ).toThrow();
    const one = pimaConfig([
      { id: 'drift', type: 'drift.feature', reference_profile: PROFILE, current: 'test', columns: ['age'] },
    ]);
    const entry = one.checks[0] as DriftFeatureConfig;
    expect(driftFeatureCheck.columns?.(entry, one)).toEqual([
      { dataset: 'test', column: 'age', field: ['columns', 0] },
    ]);
    expect(driftFeatureCheck.criterion(entry, one)).toBe(
      'drifted share < 0.5 (per column auto-selected test, p (Holm) ≥ 0.05 or distance below its threshold), test vs train profile from baseline/evidence.json',
    );
  });
});

describe('weighted statistics (a weighted sample is its expanded sample)', () => {
  it('KS D of a weighted reference equals scipy whatever the (equal) weights: the ECDF does not change', async () => {
    const config = pimaConfig([]);
    const data = createDataServices(config, pimaDir);
    const [train, shifted] = await Promise.all([data.loadTable('train'), data.loadTable('shifted')]);
    const age = (t: Table) => t.column('age').map(Number);
    const ref = scipyKs('age');
    for (const w of [1, 2, 64]) {
      const s = weightedSample(age(train), Array<number>(576).fill(w));
      expect(Math.abs(weightedKs(s, age(shifted)).statistic - ref.statistic)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('quantile edges with whole-number weights equal those of the values repeated', () => {
    const values = [5, 1, 9, 3, 3, 7, 2, 8];
    const weights = [1, 4, 2, 1, 3, 8, 2, 1];
    const expanded = values.flatMap((v, i) => Array<number>(weights[i] as number).fill(v));
    expect([...weightedQuantileEdges(weightedSample(values, weights), 10)]).toEqual([
      ...referenceQuantileEdges(expanded, 10),
    ]);
    expect(kllRankError(200)).toBeCloseTo(0.013295, 6);
  });
});
