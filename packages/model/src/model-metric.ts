import {
  type Check,
  type CheckEntry,
  type CheckResult,
  type ColumnNeed,
  type ConfigProblem,
  ConfigurationError,
  type Metric,
  meets,
  nearest,
  type RegopsConfig,
  type RunContext,
  type Threshold,
} from '@regops/core';
import { z } from 'zod';
import { auroc, type Confusion, confusionAt, countPositive, labelsFromTable } from './metrics';
import { predictPositive } from './runner';

export const MODEL_METRICS = ['auroc', 'sensitivity', 'specificity', 'ppv', 'npv', 'accuracy'] as const;
export type ModelMetricName = (typeof MODEL_METRICS)[number];

/** Metrics that depend on an operating point. */
const THRESHOLD_METRICS: readonly ModelMetricName[] = [
  'sensitivity',
  'specificity',
  'ppv',
  'npv',
  'accuracy',
];
export const DEFAULT_THRESHOLD = 0.5;

const LABELS: Record<ModelMetricName, string> = {
  auroc: 'AUROC',
  sensitivity: 'sensitivity',
  specificity: 'specificity',
  ppv: 'PPV',
  npv: 'NPV',
  accuracy: 'accuracy',
};

const options = {
  dataset: z.string().optional().describe('Dataset to evaluate on (default: the dataset with role `test`).'),
  metric: z
    .enum(MODEL_METRICS)
    .describe(
      'auroc (roc_auc_score), or a rate at the operating point: sensitivity, specificity, ppv, npv, accuracy.',
    ),
  threshold: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      `Operating point for threshold metrics: a row is predicted positive iff P(positive) ≥ threshold (default ${DEFAULT_THRESHOLD}). Not used by auroc.`,
    ),
  min: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Lowest acceptable value (the metric passes when value ≥ min).'),
  max: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Highest acceptable value (the metric passes when value ≤ max).'),
};

export interface ModelMetricConfig extends CheckEntry {
  dataset?: string | undefined;
  metric: ModelMetricName;
  threshold?: number | undefined;
  min?: number | undefined;
  max?: number | undefined;
}

const isThresholdMetric = (m: ModelMetricName) => THRESHOLD_METRICS.includes(m);

/** The dataset the check evaluates on: the configured one, or the single dataset with role `test`. */
export function metricDataset(cfg: ModelMetricConfig, project: RegopsConfig): string | null {
  if (cfg.dataset !== undefined) return cfg.dataset in project.datasets ? cfg.dataset : null;
  const tests = Object.entries(project.datasets).filter(([, ds]) => ds.role === 'test');
  return tests.length === 1 ? (tests[0]?.[0] ?? null) : null;
}

function bounds(cfg: ModelMetricConfig): Threshold[] {
  const out: Threshold[] = [];
  if (cfg.min !== undefined) out.push({ op: '>=', value: cfg.min });
  if (cfg.max !== undefined) out.push({ op: '<=', value: cfg.max });
  return out;
}

const opSign = (op: Threshold['op']) => ({ '>=': '≥', '<=': '≤', '>': '>', '<': '<' })[op];

function boundsText(bs: Threshold[]): string {
  if (bs.length === 0) return '(no bound set)';
  return bs.map((b) => `${opSign(b.op)} ${b.value}`).join(' and ');
}

const operatingPoint = (cfg: ModelMetricConfig) =>
  isThresholdMetric(cfg.metric) ? ` at threshold ${cfg.threshold ?? DEFAULT_THRESHOLD}` : '';

/**
 * The value with 4 decimals, or more where 4 would round it across a bound (0.74996 shown as 0.75 next
 * to "≥ 0.75" while failing would mislead).
 */
export function formatValue(value: number, bs: Threshold[]): string {
  for (let d = 4; d < 12; d++) {
    const shown = Number(value.toFixed(d));
    if (bs.every((b) => meets(shown, b) === meets(value, b))) return value.toFixed(d);
  }
  return String(value);
}

function undefinedReason(metric: ModelMetricName, c: Confusion, threshold: number): string {
  switch (metric) {
    case 'sensitivity':
      return 'there are no positive rows';
    case 'specificity':
      return 'there are no negative rows';
    case 'ppv':
      return `no row is predicted positive (P ≥ ${threshold}); the model flags nobody at this operating point`;
    case 'npv':
      return `no row is predicted negative (P < ${threshold}); the model flags everybody at this operating point`;
    default:
      return c.n === 0 ? 'the dataset has no rows' : 'it cannot be computed';
  }
}

export const modelMetricCheck: Check<ModelMetricConfig> = {
  type: 'model.metric',
  stage: 'model',
  description:
    'Model performance metric on a labelled dataset (AUROC, or a rate at an operating point) within bounds',
  options,

  validate(cfg, project) {
    const problems: ConfigProblem[] = [];
    if (cfg.min === undefined && cfg.max === undefined) {
      problems.push({
        path: [],
        message: `set \`min\` and/or \`max\`: the acceptance bound for ${LABELS[cfg.metric]} (e.g. min: 0.75)`,
      });
    }
    if (cfg.min !== undefined && cfg.max !== undefined && cfg.min > cfg.max) {
      problems.push({
        path: ['min'],
        message: `min (${cfg.min}) is greater than max (${cfg.max}); no value can pass`,
      });
    }
    if (cfg.threshold !== undefined && !isThresholdMetric(cfg.metric)) {
      problems.push({
        path: ['threshold'],
        message: `threshold applies to ${THRESHOLD_METRICS.join(', ')}; ${LABELS[cfg.metric]} does not use an operating point (remove it)`,
      });
    }
    if (!project.model) {
      problems.push({
        path: [],
        message: 'model.metric needs the model under test: add a `model:` section to the config',
      });
    }
    if (!project.target) {
      problems.push({
        path: [],
        message:
          'model.metric needs the true labels: add a `target:` section (column and positive value) to the config',
      });
    }
    const known = Object.keys(project.datasets);
    const knownText = known.join(', ') || 'none';
    if (cfg.dataset !== undefined) {
      if (!known.includes(cfg.dataset)) {
        const hint = nearest(cfg.dataset, known);
        problems.push({
          path: ['dataset'],
          message: `unknown dataset "${cfg.dataset}"${hint ? `; did you mean "${hint}"?` : ''} (defined: ${knownText})`,
        });
      }
    } else {
      const tests = known.filter((k) => project.datasets[k]?.role === 'test');
      if (tests.length === 0) {
        problems.push({
          path: [],
          message: `no \`dataset:\` given and no dataset has role \`test\`; set \`dataset:\` to one of: ${knownText}`,
        });
      } else if (tests.length > 1) {
        problems.push({
          path: [],
          message: `no \`dataset:\` given and several datasets have role \`test\` (${tests.join(', ')}); set \`dataset:\` to one of them`,
        });
      }
    }
    return problems;
  },

  columns(cfg, project) {
    const dataset = metricDataset(cfg, project);
    if (dataset === null) return [];
    const needs: ColumnNeed[] = (project.model?.features ?? []).map((column, k) => ({
      dataset,
      column,
      field: ['model', 'features', k],
    }));
    if (project.target) needs.push({ dataset, column: project.target.column, field: ['target', 'column'] });
    return needs;
  },

  criterion(cfg, project) {
    const dataset = metricDataset(cfg, project) ?? cfg.dataset ?? 'the test dataset';
    return `${LABELS[cfg.metric]}${operatingPoint(cfg)} ${boundsText(bounds(cfg))} on ${dataset}`;
  },

  async run(ctx: RunContext, cfg) {
    const { model, target } = ctx.config;
    if (!model || !target) {
      throw new ConfigurationError(
        `check ${cfg.id}: model.metric needs both a \`model:\` and a \`target:\` section in the config`,
      );
    }
    const dataset = metricDataset(cfg, ctx.config);
    if (dataset === null) {
      throw new ConfigurationError(
        `check ${cfg.id}: cannot tell which dataset to evaluate on; set \`dataset:\` (defined: ${Object.keys(ctx.config.datasets).join(', ') || 'none'})`,
      );
    }
    const table = await ctx.services.loadTable(dataset);
    const labels = labelsFromTable(table, target);
    const scores = await ctx.memo(`predict:${dataset}`, () =>
      predictPositive({ rootDir: ctx.rootDir, model, table }),
    );
    const n = labels.length;
    const nPos = countPositive(labels);
    const label = LABELS[cfg.metric];
    const bs = bounds(cfg);
    const threshold = cfg.threshold ?? DEFAULT_THRESHOLD;
    const details: Record<string, unknown> = {
      dataset,
      dataset_path: table.path,
      model: model.path,
      target: { column: target.column, positive: target.positive },
    };
    const counts = `n=${n}, ${nPos} positive`;

    let value: number | null;
    let reason = '';
    if (cfg.metric === 'auroc') {
      if (nPos === 0 || nPos === n) {
        value = null;
        reason =
          n === 0
            ? 'the dataset has no rows'
            : `only one class is present (${nPos === 0 ? `no row has ${target.column} = "${target.positive}"; check target.positive` : 'every row is positive'})`;
      } else {
        value = auroc(scores, labels);
      }
    } else {
      const c = confusionAt(scores, labels, threshold);
      Object.assign(details, {
        threshold,
        confusion: { tp: c.tp, fp: c.fp, tn: c.tn, fn: c.fn },
        rates: {
          sensitivity: c.sensitivity,
          specificity: c.specificity,
          ppv: c.ppv,
          npv: c.npv,
          accuracy: c.accuracy,
        },
      });
      value = c[cfg.metric];
      if (value === null) reason = undefinedReason(cfg.metric, c, threshold);
    }

    const metrics: Metric[] = (bs.length > 0 ? bs : [undefined]).map((t) => ({
      name: cfg.metric,
      value,
      ...(t ? { threshold: t } : {}),
    }));
    metrics.push({ name: 'n', value: n }, { name: 'n_positive', value: nPos });
    if (isThresholdMetric(cfg.metric)) metrics.push({ name: 'threshold', value: threshold });

    const base = {
      id: cfg.id,
      check: 'model.metric',
      title: cfg.title ?? modelMetricCheck.description,
      verifies: cfg.verifies,
      controls: cfg.controls,
      metrics,
      details,
    };
    const conf = details.confusion as Pick<Confusion, 'tp' | 'fp' | 'tn' | 'fn'> | undefined;
    const confText = conf ? `; TP ${conf.tp}, FP ${conf.fp}, TN ${conf.tn}, FN ${conf.fn}` : '';
    if (value === null) {
      const result: CheckResult = {
        ...base,
        status: 'error',
        message: `${label}${operatingPoint(cfg)} is undefined on ${dataset} (${counts}${confText}): ${reason}`,
      };
      return [result];
    }
    const pass = bs.length > 0 && bs.every((b) => meets(value, b));
    const result: CheckResult = {
      ...base,
      status: pass ? 'pass' : 'fail',
      message: `${label} ${formatValue(value, bs)}${operatingPoint(cfg)} (bound ${boundsText(bs)}) on ${dataset} (${counts}${confText})`,
    };
    return [result];
  },
};
