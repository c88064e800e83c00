import {
  type Check,
  type CheckEntry,
  type CheckResult,
  type ColumnNeed,
  type ConfigProblem,
  ConfigurationError,
  type DatasetConfig,
  type Metric,
  meets,
  nearest,
  type RegopsConfig,
  type Table,
  type Threshold,
} from '@regops/core';
import { z } from 'zod';
import {
  autoMethod,
  type ColumnKind,
  type ColumnSide,
  type ColumnTest,
  chartData,
  columnKind,
  columnSide,
  DEFAULT_DISTANCE_THRESHOLD,
  DRIFT_METHODS,
  type DriftMethod,
  type DriftMethodOption,
  METHOD_LABEL,
  MethodMismatch,
  missingnessTest,
  newCategories,
  testColumn,
} from './column-drift';
import {
  accuracyText,
  countTable,
  describeSource,
  type LoadedReferenceProfile,
  loadReferenceProfile,
  profileChartData,
  profileColumn,
  profileKind,
  profileSide,
  type ReferenceProfileSpec,
  testAgainstProfile,
} from './reference-profile';
import { benjaminiHochbergAdjust, holmAdjust } from './stats';

export interface DriftFeatureConfig extends CheckEntry {
  reference?: string | undefined;
  reference_profile?: ReferenceProfileSpec | undefined;
  current?: string | undefined;
  columns?: string[] | undefined;
  method: DriftMethodOption;
  methods?: Record<string, DriftMethodOption> | undefined;
  threshold?: number | undefined;
  alpha: number;
  correction: 'holm' | 'bh' | 'none';
  missingness: boolean;
  drift_share: number;
  fail_on: 'dataset' | 'column' | 'none';
}

type Side = 'reference' | 'current';

/** Roles tried, in order, when the entry does not name the dataset. */
const DEFAULT_ROLES: Record<Side, DatasetConfig['role'][]> = {
  reference: ['reference', 'train'],
  current: ['current', 'test'],
};

type Resolved = { ok: true; name: string } | { ok: false; problem: ConfigProblem };

function knownList(project: RegopsConfig): string {
  const names = Object.keys(project.datasets);
  return names.length > 0 ? `defined: ${names.join(', ')}` : 'no datasets are defined';
}

/** The dataset a side compares: the one named in the entry, else the only one with the first matching role. */
function resolveDataset(side: Side, config: DriftFeatureConfig, project: RegopsConfig): Resolved {
  const named = config[side];
  const names = Object.keys(project.datasets);
  if (named !== undefined) {
    if (named in project.datasets) return { ok: true, name: named };
    const hint = nearest(named, names);
    return {
      ok: false,
      problem: {
        path: [side],
        message: `unknown dataset "${named}"${hint ? `; did you mean "${hint}"?` : ''} (${knownList(project)})`,
      },
    };
  }
  for (const role of DEFAULT_ROLES[side]) {
    const withRole = names.filter((n) => project.datasets[n]?.role === role);
    if (withRole.length === 1 && withRole[0] !== undefined) return { ok: true, name: withRole[0] };
    if (withRole.length > 1) {
      return {
        ok: false,
        problem: {
          path: [side],
          message: `${withRole.length} datasets have role ${role} (${withRole.join(', ')}); set \`${side}:\` to the one to use`,
        },
      };
    }
  }
  return {
    ok: false,
    problem: {
      path: [side],
      message: `no ${side} dataset: none has role ${DEFAULT_ROLES[side].join(' or ')}; set \`${side}:\` to a dataset name (${knownList(project)})`,
    },
  };
}

interface ColumnRef {
  name: string;
  /** Config path of the text that names the column: ['model', 'features', k], or ['columns', k] inside the entry. */
  field: (string | number)[];
}

/** The columns compared: the entry's list, else the model's features; null when there is neither. */
function resolveColumns(config: DriftFeatureConfig, project: RegopsConfig): ColumnRef[] | null {
  if (config.columns) return config.columns.map((name, k) => ({ name, field: ['columns', k] }));
  if (project.model)
    return project.model.features.map((name, k) => ({ name, field: ['model', 'features', k] }));
  return null;
}

/**
 * A short rendering of `value` that, when a bound is given, is on the same side of the bound as the value
 * itself (so a message never reads "D=0.2000 (not ≤ 0.2)").
 */
export function formatStat(value: number, bound?: Threshold): string {
  if (value === 0) return '0';
  const small = Math.abs(value) < 1e-3;
  for (let digits = small ? 2 : 4; digits <= 15; digits++) {
    const text = small ? value.toExponential(digits) : value.toFixed(digits);
    if (!bound || meets(Number(text), bound) === meets(value, bound)) return text;
  }
  return String(value);
}

const pText = (p: number) => (p === 0 ? '<1e-300' : formatStat(p));

/** The reference dataset of this run; null when the baseline is a stored profile (`reference_profile:`). */
function resolveAll(config: DriftFeatureConfig, project: RegopsConfig) {
  const reference = config.reference_profile ? null : resolveDataset('reference', config, project);
  const current = resolveDataset('current', config, project);
  const columns = resolveColumns(config, project);
  return { reference, current, columns };
}

type Chart = ReturnType<typeof chartData>;

/** Everything measured on one column before the correction across columns. */
interface Measured {
  column: string;
  counts: { n_reference: number; n_current: number; missing_reference: number; missing_current: number };
  /** null: the column could not be compared (`skip` says why). */
  test: ColumnTest | null;
  skip: string | null;
  rule: string;
  missing: { reference: number; current: number; p_value: number | null };
  /** known: false when the reference lists only its most frequent categories (a profile's top values). */
  fresh: { values: string[]; rows: number; known: boolean };
  chart: Chart | null;
  /** Details added to the column's result (e.g. the reference's accuracy), and a note for its message. */
  extra: Record<string, unknown>;
  note: string;
}

/** The method used on a column and the rule, in words, that chose it. */
function chooseMethod(
  config: DriftFeatureConfig,
  column: string,
  kind: ColumnKind,
  distinct: number,
  nReference: number,
): { method: DriftMethod; rule: string } {
  const chosen = config.methods?.[column] ?? config.method;
  const auto = autoMethod(kind, distinct, nReference);
  return {
    method: chosen === 'auto' ? auto.method : chosen,
    rule: chosen === 'auto' ? `auto: ${auto.rule}` : `${chosen} (configured)`,
  };
}

/** Runs a column's test; a method that does not fit the column is a configuration error naming the field. */
function runTest(config: DriftFeatureConfig, column: string, kind: ColumnKind, test: () => ColumnTest) {
  try {
    return test();
  } catch (e) {
    if (!(e instanceof MethodMismatch)) throw e;
    throw new ConfigurationError(
      `check ${config.id}: column "${column}" (${kind}): ${e.message} (${config.methods?.[column] ? `methods.${column}` : 'method'})`,
    );
  }
}

function missingShares(config: DriftFeatureConfig, r: ColumnSide, c: ColumnSide) {
  if (config.missingness) return missingnessTest(r, c);
  return {
    reference: r.rows === 0 ? 0 : r.missing / r.rows,
    current: c.rows === 0 ? 0 : c.missing / c.rows,
    p_value: null,
  };
}

const noValues = (column: string, where: string, rows: number) =>
  `cannot compare: column "${column}" has no values in ${where} (all ${rows} row(s) missing)`;

/** Both sides' cells known: the raw-data path (a reference dataset, or an exact-mode profile sketch). */
function measureSides(
  config: DriftFeatureConfig,
  column: string,
  r: ColumnSide,
  c: ColumnSide,
  sensitive: boolean,
  where: { reference: string; current: string },
  extra: Record<string, unknown> = {},
): Measured {
  const { kind, distinct } = columnKind(r, c);
  const { method, rule } = chooseMethod(config, column, kind, distinct, r.texts.length);
  const base = {
    column,
    counts: {
      n_reference: r.texts.length,
      n_current: c.texts.length,
      missing_reference: r.missing,
      missing_current: c.missing,
    },
    rule,
    missing: missingShares(config, r, c),
    fresh: { values: [], rows: 0, known: true },
    extra,
    note: '',
  };
  if (r.texts.length === 0 || c.texts.length === 0) {
    const skip =
      r.texts.length === 0
        ? noValues(column, where.reference, r.rows)
        : noValues(column, where.current, c.rows);
    return { ...base, test: null, skip, chart: null };
  }
  const test = runTest(config, column, kind, () => testColumn(method, r, c, kind, config.threshold));
  return {
    ...base,
    test,
    skip: null,
    fresh: kind === 'categorical' ? { ...newCategories(r, c), known: true } : base.fresh,
    chart: sensitive ? null : chartData(r, c, kind),
  };
}

function measure(
  config: DriftFeatureConfig,
  column: string,
  ref: Table,
  cur: Table,
  sensitive: boolean,
): Measured {
  return measureSides(
    config,
    column,
    columnSide(ref.column(column)),
    columnSide(cur.column(column)),
    sensitive,
    {
      reference: ref.path,
      current: cur.path,
    },
  );
}

/** One column against the reference profile (see ./reference-profile for what each kind of column allows). */
function measureProfile(
  config: DriftFeatureConfig,
  column: string,
  loaded: LoadedReferenceProfile,
  cur: Table,
  sensitive: boolean,
  where: string,
): Measured {
  const ref = profileSide(
    profileColumn(loaded, column, where),
    loaded.profile.rows,
    `${where}: ${loaded.display}`,
  );
  const c = columnSide(cur.column(column));
  const profileWhere = `the ${loaded.source.dataset} profile (${loaded.display})`;
  const extra = { reference_accuracy: accuracyText(ref) };
  if (ref.type === 'values') {
    return measureSides(
      config,
      column,
      ref.side,
      c,
      sensitive,
      { reference: profileWhere, current: cur.path },
      extra,
    );
  }
  const base = {
    column,
    counts: {
      n_reference: ref.count,
      n_current: c.texts.length,
      missing_reference: ref.missing,
      missing_current: c.missing,
    },
    // rows and missing cells are all the missingness test reads
    missing: missingShares(config, { rows: ref.rows, missing: ref.missing, texts: [], numbers: null }, c),
    fresh: { values: [], rows: 0, known: true },
    extra,
    note: '',
  };
  if (ref.type === 'skip')
    return { ...base, rule: 'not compared', test: null, skip: `cannot compare: ${ref.reason}`, chart: null };
  if (c.texts.length === 0) {
    return {
      ...base,
      rule: 'not compared',
      test: null,
      skip: noValues(column, cur.path, c.rows),
      chart: null,
    };
  }
  const { kind, distinct } = profileKind(ref, c);
  const { method, rule } = chooseMethod(config, column, kind, distinct, ref.count);
  const test = runTest(config, column, kind, () =>
    testAgainstProfile(method, ref, c, kind, config.threshold),
  );
  const exact = ref.type === 'counts' && ref.complete;
  const fresh =
    kind !== 'categorical'
      ? base.fresh
      : exact
        ? { ...countTable(ref, c).fresh, known: true }
        : { values: [], rows: 0, known: false };
  return {
    ...base,
    rule,
    test,
    skip: null,
    fresh,
    chart: sensitive ? null : profileChartData(ref, c, kind),
    note: exact ? '' : `; approximate: reference ${accuracyText(ref)}`,
  };
}

function adjust(p: number[], config: DriftFeatureConfig): number[] {
  if (p.length === 0 || config.correction === 'none') return p;
  const r =
    config.correction === 'holm' ? holmAdjust(p, config.alpha) : benjaminiHochbergAdjust(p, config.alpha);
  return [...r.adjusted];
}

const CORRECTION_TEXT = { holm: 'Holm', bh: 'Benjamini–Hochberg', none: 'no correction' } as const;

/**
 * drift.feature: per column, the current data against the reference data with a test chosen by the column's
 * kind and size (see column-drift.ts), the p-values of all columns (and of the missingness comparisons)
 * corrected together (Holm by default), plus a dataset-level result: the share of drifted columns.
 */
export const driftFeatureCheck: Check<DriftFeatureConfig> = {
  type: 'drift.feature',
  stage: 'drift',
  description:
    'Feature drift per column (KS, chi-square, Z-test, Wasserstein, Jensen–Shannon or PSI; auto by type and size), missingness drift and new categories, with multiple-testing correction and a dataset-level drift share',
  options: {
    reference: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Baseline dataset name; default: the dataset with role reference, else the one with role train. Not with `reference_profile`.',
      ),
    reference_profile: z
      .strictObject({
        evidence: z
          .string()
          .min(1)
          .describe('A previous evidence.json (relative to regops.yml) whose `profiles` hold the baseline.'),
        dataset: z
          .string()
          .min(1)
          .describe('The dataset, inside that evidence, whose profile is the baseline.'),
      })
      .optional()
      .describe(
        'Baseline from a stored profile instead of a dataset of this run, so its raw data is not needed: numeric columns from the KLL sketch (exact up to 1024 values, else within its rank error), categorical ones from the top values; sensitive columns cannot be compared. Not with `reference`.',
      ),
    current: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Dataset compared with the baseline; default: the dataset with role current, else role test.',
      ),
    columns: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('Columns to compare (numeric or categorical); default: model.features.'),
    method: z
      .enum(DRIFT_METHODS)
      .default('auto')
      .describe(
        'Test for every column: auto (KS / chi-square / Z-test up to 1000 reference values, normed Wasserstein / Jensen–Shannon above), ks, chi_square, z, wasserstein, jensen_shannon or psi.',
      ),
    methods: z
      .record(z.string(), z.enum(DRIFT_METHODS))
      .optional()
      .describe('Per-column method, overriding `method` (e.g. { age: psi }).'),
    threshold: z
      .number()
      .gt(0)
      .optional()
      .describe(
        `Distance methods: a column drifts when the distance is ≥ this (default ${DEFAULT_DISTANCE_THRESHOLD.wasserstein} for wasserstein, jensen_shannon and psi).`,
      ),
    alpha: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.05)
      .describe('p-value methods: a column drifts when its corrected p-value is below this.'),
    correction: z
      .enum(['holm', 'bh', 'none'])
      .default('holm')
      .describe(
        'Multiple-testing correction over all p-values of the check (columns and missingness): holm (family-wise error), bh (false discovery rate) or none.',
      ),
    missingness: z
      .boolean()
      .default(true)
      .describe(
        'Also compare the share of missing cells per column (two-proportion Z-test, in the corrected family).',
      ),
    drift_share: z
      .number()
      .gt(0)
      .max(1)
      .default(0.5)
      .describe('Dataset-level drift when at least this share of the compared columns drifted.'),
    fail_on: z
      .enum(['dataset', 'column', 'none'])
      .default('dataset')
      .describe(
        'dataset: the check fails on dataset-level drift and a drifted column is a warning; column: any drifted column fails; none: report only (drift is a warning, never a failure).',
      ),
  },

  validate(config, project) {
    const problems: ConfigProblem[] = [];
    const { reference, current, columns } = resolveAll(config, project);
    if (config.reference_profile && config.reference !== undefined) {
      problems.push({
        path: ['reference_profile'],
        message:
          'set either `reference:` (a dataset of this run) or `reference_profile:` (a profile stored in a previous evidence bundle), not both',
      });
    }
    if (reference && !reference.ok) problems.push(reference.problem);
    if (!current.ok) problems.push(current.problem);
    if (reference?.ok && current.ok && reference.name === current.name) {
      problems.push({
        path: [config.current !== undefined ? 'current' : 'reference'],
        message: `reference and current are both "${reference.name}": the check would compare a dataset with itself`,
      });
    }
    if (!columns) {
      problems.push({
        path: ['columns'],
        message: 'no columns: list them in `columns:` (there is no model.features to default to)',
      });
    }
    config.columns?.forEach((name, k) => {
      if (config.columns?.indexOf(name) !== k) {
        problems.push({ path: ['columns', k], message: `column "${name}" is listed twice` });
      }
    });
    const names = columns?.map((c) => c.name) ?? [];
    for (const col of Object.keys(config.methods ?? {})) {
      if (!names.includes(col)) {
        const hint = nearest(col, names);
        problems.push({
          path: ['methods', col],
          message: `column "${col}" is not compared by this check${hint ? `; did you mean "${hint}"?` : ''} (columns: ${names.join(', ')})`,
        });
      }
    }
    return problems;
  },

  columns(config, project) {
    const { reference, current, columns } = resolveAll(config, project);
    const needs: ColumnNeed[] = [];
    for (const ds of reference ? [reference, current] : [current]) {
      if (!ds.ok) continue;
      for (const col of columns ?? []) needs.push({ dataset: ds.name, column: col.name, field: col.field });
    }
    return needs;
  },

  criterion(config, project) {
    const { reference, current } = resolveAll(config, project);
    const profile = config.reference_profile;
    const baseline = profile
      ? `${profile.dataset} profile from ${profile.evidence}`
      : reference?.ok
        ? reference.name
        : '?';
    const which = `${current.ok ? current.name : '?'} vs ${baseline}`;
    const per = `per column ${config.method === 'auto' ? 'auto-selected test' : METHOD_LABEL[config.method]}, p (${CORRECTION_TEXT[config.correction]}) ≥ ${config.alpha} or distance below its threshold`;
    const share = `drifted share < ${config.drift_share}`;
    return config.fail_on === 'column'
      ? `no drifted column (${per}), ${which}`
      : `${share} (${per}), ${which}`;
  },

  async run(ctx, config) {
    const { reference, current, columns } = resolveAll(config, ctx.config);
    const problems = [
      ...(reference === null || reference.ok ? [] : [reference.problem]),
      ...(current.ok ? [] : [current.problem]),
      ...(columns ? [] : [{ path: ['columns'], message: 'no columns listed and no model.features' }]),
      ...(config.reference_profile && config.reference !== undefined
        ? [
            {
              path: ['reference_profile'],
              message: 'set either `reference:` or `reference_profile:`, not both',
            },
          ]
        : []),
    ];
    if (problems.length > 0 || !current.ok || !columns) {
      throw new ConfigurationError(
        problems.map((p) => `check ${config.id}: ${p.path.join('.')}: ${p.message}`),
      );
    }
    const privacy = ctx.config.privacy;
    const sensitive = new Set([...(privacy?.sensitive ?? []), ...(privacy?.allow_phi ?? [])]);
    // Columns the PHI scan flags in a dataset this check reads are sensitive too (masked, no values shown).
    for (const ds of [current.name, ...(reference?.ok ? [reference.name] : [])]) {
      const { profile } = await ctx.services.scan(ds);
      for (const c of profile.columns) if (c.sensitive) sensitive.add(c.name);
    }
    if (config.reference_profile) {
      const where = `check ${config.id}: reference_profile`;
      const [loaded, cur] = await Promise.all([
        loadReferenceProfile(ctx.rootDir, config.reference_profile, where),
        ctx.services.loadTable(current.name),
      ]);
      const measured = columns.map((col) =>
        measureProfile(config, col.name, loaded, cur, sensitive.has(col.name), where),
      );
      return judgeColumns(config, measured, sensitive, {
        reference: loaded.source.dataset,
        current: cur.name,
        baseline: describeSource(loaded.source),
        details: { reference_source: 'profile', reference_profile: loaded.source },
      });
    }
    if (!reference?.ok) throw new Error('drift.feature: no reference dataset resolved'); // reported above
    const [ref, cur] = await Promise.all([
      ctx.services.loadTable(reference.name),
      ctx.services.loadTable(current.name),
    ]);
    const measured = columns.map((col) => measure(config, col.name, ref, cur, sensitive.has(col.name)));
    return judgeColumns(config, measured, sensitive, {
      reference: ref.name,
      current: cur.name,
      baseline: ref.name,
      details: {},
    });
  },
};

function datasetStatus(
  config: DriftFeatureConfig,
  compared: number,
  drifted: number,
  datasetDrift: boolean,
): CheckResult['status'] {
  if (compared === 0) return 'skip';
  const drift = datasetDrift || (config.fail_on === 'column' && drifted > 0);
  if (!drift) return 'pass';
  return config.fail_on === 'none' ? 'warn' : 'fail';
}

/** The two sides as results name them; `baseline` is how the dataset-level message names the reference. */
interface Sides {
  reference: string;
  current: string;
  baseline: string;
  /** Added to every result's details (where a stored reference profile came from). */
  details: Record<string, unknown>;
}

/** Corrected p-values, per-column verdicts and the dataset-level result. */
function judgeColumns(
  config: DriftFeatureConfig,
  measured: Measured[],
  sensitive: Set<string>,
  sides: Sides,
): CheckResult[] {
  // The family: every value test with a p-value, then every missingness test.
  const family: { m: number; kind: 'value' | 'missing' }[] = [];
  const raw: number[] = [];
  measured.forEach((x, m) => {
    if (x.test?.p_value !== null && x.test?.p_value !== undefined) {
      family.push({ m, kind: 'value' });
      raw.push(x.test.p_value);
    }
  });
  measured.forEach((x, m) => {
    if (x.missing.p_value !== null) {
      family.push({ m, kind: 'missing' });
      raw.push(x.missing.p_value);
    }
  });
  const adjusted = adjust(raw, config);
  const adj = measured.map(() => ({ value: null as number | null, missing: null as number | null }));
  family.forEach((f, i) => {
    (adj[f.m] as { value: number | null; missing: number | null })[f.kind === 'value' ? 'value' : 'missing'] =
      adjusted[i] as number;
  });
  const alphaBound: Threshold = { op: '>=', value: config.alpha };
  const pLabel = config.correction === 'none' ? 'p' : `p(${config.correction})`;
  const results: CheckResult[] = [];
  let drifted = 0;
  let compared = 0;
  const driftedNames: string[] = [];
  measured.forEach((x, m) => {
    const base = {
      id: `${config.id}/${x.column}`,
      check: 'drift.feature',
      title: `${config.title ?? 'Feature drift'}: ${x.column}`,
      verifies: config.verifies,
      controls: config.controls,
    };
    const counts = {
      reference: sides.reference,
      current: sides.current,
      ...x.counts,
      ...sides.details,
      ...x.extra,
    };
    const missText = `missing ${(100 * x.missing.reference).toFixed(1)}% vs ${(100 * x.missing.current).toFixed(1)}%`;
    const a = adj[m] as { value: number | null; missing: number | null };
    const missingDrift = a.missing !== null && a.missing < config.alpha;
    if (x.test === null) {
      results.push({
        ...base,
        status: 'skip',
        metrics: [],
        message: x.skip ?? 'cannot compare',
        details: { ...counts, method: null },
      });
      return;
    }
    compared++;
    const t = x.test;
    const valueDrift =
      t.p_value !== null ? (a.value as number) < config.alpha : t.statistic >= (t.threshold as number);
    const isDrift = valueDrift || missingDrift;
    if (isDrift) {
      drifted++;
      driftedNames.push(x.column);
    }
    const metrics: Metric[] = [];
    if (t.p_value !== null) {
      metrics.push({ name: t.statistic_name, value: t.statistic });
      metrics.push({ name: 'p_value', value: t.p_value });
      metrics.push({ name: 'p_adjusted', value: a.value, threshold: alphaBound });
    } else {
      metrics.push({
        name: t.statistic_name,
        value: t.statistic,
        threshold: { op: '<', value: t.threshold as number },
      });
    }
    metrics.push(
      { name: 'missing_rate_reference', value: x.missing.reference },
      { name: 'missing_rate_current', value: x.missing.current },
    );
    if (a.missing !== null)
      metrics.push({ name: 'missing_p_adjusted', value: a.missing, threshold: alphaBound });
    const valueText =
      t.p_value !== null
        ? `${METHOD_LABEL[t.method]} ${t.statistic_name === 'ks_statistic' ? 'D' : t.method === 'z' ? 'z' : 'χ²'}=${formatStat(t.statistic)}, p=${pText(t.p_value)}, ${pLabel}=${pText(a.value as number)} ${valueDrift ? `< ${config.alpha}` : `≥ ${config.alpha}`}`
        : `${METHOD_LABEL[t.method]} ${formatStat(t.statistic)} ${valueDrift ? '≥' : '<'} ${t.threshold}`;
    const missDriftText =
      a.missing !== null
        ? `${missText} (${pLabel}=${pText(a.missing)}${missingDrift ? ': drift' : ''})`
        : missText;
    const isSensitive = sensitive.has(x.column);
    const freshText =
      x.fresh.rows > 0
        ? `; ${x.fresh.values.length} new categor${x.fresh.values.length === 1 ? 'y' : 'ies'} in ${x.fresh.rows} current row(s)${isSensitive ? '' : ` (${x.fresh.values.slice(0, 5).join(', ')}${x.fresh.values.length > 5 ? ', …' : ''})`}`
        : '';
    results.push({
      ...base,
      status: isDrift ? (config.fail_on === 'column' ? 'fail' : 'warn') : 'pass',
      metrics,
      message: `${isDrift ? 'drift: ' : ''}${valueText}; ${missDriftText}${freshText}; n=${x.counts.n_reference} vs ${x.counts.n_current} (${x.rule})${x.note}`,
      details: {
        ...counts,
        method: t.method,
        method_rule: x.rule,
        drifted: isDrift,
        value_drift: valueDrift,
        missingness_drift: missingDrift,
        correction: config.correction,
        new_categories: !x.fresh.known
          ? {
              count: null,
              rows: null,
              unknown: 'the reference profile lists only its most frequent categories',
            }
          : isSensitive
            ? { count: x.fresh.values.length, rows: x.fresh.rows, masked: true }
            : { values: x.fresh.values.slice(0, 50), count: x.fresh.values.length, rows: x.fresh.rows },
        ...(x.chart ? { chart: x.chart } : {}),
      },
    });
  });
  const share = compared === 0 ? 0 : drifted / compared;
  const datasetDrift = compared > 0 && share >= config.drift_share;
  results.unshift({
    id: config.id,
    check: 'drift.feature',
    title: config.title ?? 'Feature drift',
    verifies: config.verifies,
    controls: config.controls,
    status: datasetStatus(config, compared, drifted, datasetDrift),
    metrics: [
      { name: 'drift_share', value: share, threshold: { op: '<', value: config.drift_share } },
      { name: 'drifted_columns', value: drifted },
      { name: 'columns_compared', value: compared },
    ],
    message:
      compared === 0
        ? 'no column could be compared'
        : `${drifted} of ${compared} column(s) drifted (${formatStat(share)} ${datasetDrift ? '≥' : '<'} ${config.drift_share}: ${datasetDrift ? 'dataset drift' : 'no dataset drift'})${driftedNames.length > 0 ? `: ${driftedNames.join(', ')}` : ''}; ${sides.current} vs ${sides.baseline}, ${CORRECTION_TEXT[config.correction]} at α=${config.alpha}`,
    details: {
      reference: sides.reference,
      current: sides.current,
      ...sides.details,
      drifted: driftedNames,
      correction: config.correction,
      alpha: config.alpha,
      tests_in_family: raw.length,
    },
  });
  return results;
}
