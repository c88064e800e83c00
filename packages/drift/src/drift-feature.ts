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
import { ksTwoSample } from './ks';

export interface DriftFeatureConfig extends CheckEntry {
  reference?: string | undefined;
  current?: string | undefined;
  columns?: string[] | undefined;
  max_statistic?: number | undefined;
  min_p_value?: number | undefined;
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

function thresholds(config: DriftFeatureConfig): { statistic?: Threshold; pValue?: Threshold } {
  return {
    ...(config.max_statistic !== undefined ? { statistic: { op: '<=', value: config.max_statistic } } : {}),
    ...(config.min_p_value !== undefined ? { pValue: { op: '>=', value: config.min_p_value } } : {}),
  };
}

const OP_TEXT: Record<Threshold['op'], string> = { '<=': '≤', '>=': '≥', '<': '<', '>': '>' };

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

function describeValue(label: string, value: number, bound: Threshold | undefined): string {
  const shown = value === 0 && label === 'p' ? '<1e-300' : `=${formatStat(value, bound)}`;
  if (!bound) return `${label}${shown}`;
  const rule = `${OP_TEXT[bound.op]} ${bound.value}`;
  return `${label}${shown} (${meets(value, bound) ? rule : `not ${rule}`})`;
}

function finiteValues(values: Float64Array): { values: Float64Array; missing: number } {
  const out = values.filter((v) => Number.isFinite(v));
  return { values: out, missing: values.length - out.length };
}

function metric(name: string, value: number | null, threshold: Threshold | undefined): Metric {
  return threshold ? { name, value, threshold } : { name, value };
}

function resolveAll(config: DriftFeatureConfig, project: RegopsConfig) {
  const reference = resolveDataset('reference', config, project);
  const current = resolveDataset('current', config, project);
  const columns = resolveColumns(config, project);
  return { reference, current, columns };
}

function compareColumn(config: DriftFeatureConfig, column: string, ref: Table, cur: Table): CheckResult {
  const bounds = thresholds(config);
  const base = {
    id: `${config.id}/${column}`,
    check: 'drift.feature',
    title: `${config.title ?? 'Feature drift'}: ${column}`,
    verifies: config.verifies,
    controls: config.controls,
  };
  // Non-finite cells are missing (empty/NA cells; ±Infinity only if a file literally says so). Only counts
  // and test results leave this function: never data values (the rows may be patient data).
  const r = finiteValues(ref.numeric(column));
  const c = finiteValues(cur.numeric(column));
  const counts = {
    reference: ref.name,
    current: cur.name,
    n_reference: r.values.length,
    n_current: c.values.length,
    missing_reference: r.missing,
    missing_current: c.missing,
  };
  if (r.values.length === 0 || c.values.length === 0) {
    const empty = r.values.length === 0 ? ref : cur;
    return {
      ...base,
      status: 'skip',
      metrics: [metric('ks_statistic', null, bounds.statistic), metric('p_value', null, bounds.pValue)],
      message: `cannot compare: column "${column}" has no values in ${empty.path} (all ${empty.rowCount} row(s) missing)`,
      details: { ...counts, method: null },
    };
  }
  const ks = ksTwoSample(r.values, c.values);
  const failed =
    (bounds.statistic !== undefined && !meets(ks.statistic, bounds.statistic)) ||
    (bounds.pValue !== undefined && !meets(ks.pValue, bounds.pValue));
  const missing = r.missing + c.missing > 0 ? ` (${r.missing} and ${c.missing} missing)` : '';
  return {
    ...base,
    status: failed ? 'fail' : 'pass',
    metrics: [
      metric('ks_statistic', ks.statistic, bounds.statistic),
      metric('p_value', ks.pValue, bounds.pValue),
    ],
    message: `KS ${describeValue('D', ks.statistic, bounds.statistic)}, ${describeValue('p', ks.pValue, bounds.pValue)}; n=${ks.n1} vs ${ks.n2}${missing}`,
    details: { ...counts, method: ks.method },
  };
}

/**
 * drift.feature: per column, a two-sample Kolmogorov–Smirnov test of the current data against the reference
 * data (p-values as scipy.stats.ks_2samp; see ks.ts). One result per column. With tied values (integer
 * columns such as counts) the p-value is conservative, as in scipy.
 */
export const driftFeatureCheck: Check<DriftFeatureConfig> = {
  type: 'drift.feature',
  stage: 'drift',
  description: 'Feature drift: two-sample Kolmogorov–Smirnov test per column, current data vs reference data',
  options: {
    reference: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Baseline dataset name; default: the dataset with role reference, else the one with role train.',
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
      .describe('Numeric columns to compare; default: model.features.'),
    max_statistic: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('Fail a column when the KS statistic D (largest ECDF gap) is above this.'),
    min_p_value: z
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .describe('Fail a column when the KS p-value is below this.'),
  },

  validate(config, project) {
    const problems: ConfigProblem[] = [];
    if (config.max_statistic === undefined && config.min_p_value === undefined) {
      problems.push({
        path: [],
        message:
          'no acceptance bound: set `max_statistic`, `min_p_value` or both, or the check can never fail',
      });
    }
    const { reference, current, columns } = resolveAll(config, project);
    if (!reference.ok) problems.push(reference.problem);
    if (!current.ok) problems.push(current.problem);
    if (reference.ok && current.ok && reference.name === current.name) {
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
    return problems;
  },

  columns(config, project) {
    const { reference, current, columns } = resolveAll(config, project);
    const needs: ColumnNeed[] = [];
    for (const ds of [reference, current]) {
      if (!ds.ok) continue;
      for (const col of columns ?? []) needs.push({ dataset: ds.name, column: col.name, field: col.field });
    }
    return needs;
  },

  criterion(config, project) {
    const { reference, current } = resolveAll(config, project);
    const b = thresholds(config);
    const rules = [
      b.statistic ? `KS D ${OP_TEXT[b.statistic.op]} ${b.statistic.value}` : null,
      b.pValue ? `${b.statistic ? '' : 'KS '}p ${OP_TEXT[b.pValue.op]} ${b.pValue.value}` : null,
    ].filter((r) => r !== null);
    const which = `${current.ok ? current.name : '?'} vs ${reference.ok ? reference.name : '?'}`;
    return `${rules.length > 0 ? rules.join(' and ') : 'KS D and p reported (no bound)'} per column, ${which}`;
  },

  async run(ctx, config) {
    const { reference, current, columns } = resolveAll(config, ctx.config);
    const problems = [
      ...(reference.ok ? [] : [reference.problem]),
      ...(current.ok ? [] : [current.problem]),
      ...(columns ? [] : [{ path: ['columns'], message: 'no columns listed and no model.features' }]),
    ];
    if (!reference.ok || !current.ok || !columns) {
      throw new ConfigurationError(
        problems.map((p) => `check ${config.id}: ${p.path.join('.')}: ${p.message}`),
      );
    }
    const [ref, cur] = await Promise.all([
      ctx.services.loadTable(reference.name),
      ctx.services.loadTable(current.name),
    ]);
    return columns.map((col) => compareColumn(config, col.name, ref, cur));
  },
};
