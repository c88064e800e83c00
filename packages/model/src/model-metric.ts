import {
  type Check,
  type CheckEntry,
  type CheckResult,
  type ConfigProblem,
  ConfigurationError,
  InputError,
  type Metric,
  meets,
  nearest,
  type RegopsConfig,
  type RunContext,
  type Table,
  type Threshold,
} from '@regops/core';
import { z } from 'zod';
import { bootstrapCi, type CiMethod } from './bootstrap';
import { confusionMatrix, thresholdForSensitivity, thresholdForSpecificity } from './classification';
import { calibrationCurve, rocCurve } from './curves';
import { evalDataset, labelledColumns } from './eval-dataset';
import {
  METRIC_LABELS,
  MODEL_METRICS,
  type ModelMetricName,
  metricFunction,
  metricTask,
  statisticFor,
  THRESHOLD_METRICS,
} from './metric-defs';
import { type Confusion, countPositive, labelsFromTable } from './metrics';
import { argmaxClass, oneVsRestAuroc, perClassRecall } from './multiclass';
import { meanAbsoluteError, r2Score, rootMeanSquaredError } from './regression';
import { rowBootstrapCi, weightedClassRecall, weightedOneVsRest } from './row-bootstrap';
import { predictMatrix, predictPositive, predictValues } from './runner';

export { MODEL_METRICS, type ModelMetricName } from './metric-defs';
export const DEFAULT_THRESHOLD = 0.5;
const LABELS = METRIC_LABELS;

const CiOptions = z.strictObject({
  resamples: z.number().int().min(100).max(100000).default(1000),
  level: z.number().gt(0.5).lt(1).default(0.95),
  method: z.enum(['percentile', 'bca']).default('percentile'),
  seed: z.number().int().min(0).default(0),
});
type CiConfig = z.infer<typeof CiOptions>;
const DEFAULT_CI: CiConfig = { resamples: 1000, level: 0.95, method: 'percentile', seed: 0 };

const options = {
  dataset: z.string().optional().describe('Dataset to evaluate on (default: the dataset with role `test`).'),
  metric: z
    .enum(MODEL_METRICS)
    .describe(
      'Binary: auroc, average_precision, brier, log_loss, ece, calibration_slope, calibration_intercept, or at the operating point: sensitivity, specificity, ppv, npv, accuracy, f1, net_benefit. Regression (model.task: regression): mae, rmse, r2. Multiclass (model.task: multiclass): macro_auroc, weighted_auroc (one-vs-rest), class_recall (with `class`).',
    ),
  class: z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .optional()
    .describe('class_recall: the label (one of target.classes) whose recall is judged.'),
  threshold: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      `Operating point for threshold metrics: a row is predicted positive iff P(positive) ≥ threshold (default ${DEFAULT_THRESHOLD}).`,
    ),
  threshold_for: z
    .strictObject({
      sensitivity: z.number().gt(0).max(1).optional(),
      specificity: z.number().gt(0).max(1).optional(),
    })
    .optional()
    .describe(
      'Choose the operating point on this dataset: the threshold that reaches this sensitivity (or specificity).',
    ),
  min: z.number().optional().describe('Lowest acceptable value (passes when value ≥ min).'),
  max: z.number().optional().describe('Highest acceptable value (passes when value ≤ max).'),
  on: z
    .enum(['point', 'lower', 'upper'])
    .default('point')
    .describe(
      'What the bound applies to: the point estimate, or the lower/upper end of the confidence interval.',
    ),
  ci: z
    .union([z.literal(false), CiOptions])
    .optional()
    .describe(
      'Bootstrap confidence interval (stratified by label, seeded); default 1000 resamples, 95%, percentile. false: none.',
    ),
};

export interface ModelMetricConfig extends CheckEntry {
  dataset?: string | undefined;
  metric: ModelMetricName;
  class?: string | undefined;
  threshold?: number | undefined;
  threshold_for?: { sensitivity?: number | undefined; specificity?: number | undefined } | undefined;
  min?: number | undefined;
  max?: number | undefined;
  on: 'point' | 'lower' | 'upper';
  ci?: false | CiConfig | undefined;
}

function ciConfig(cfg: ModelMetricConfig): CiConfig | null {
  if (cfg.ci === false) return null;
  return cfg.ci ?? DEFAULT_CI;
}

const isThresholdMetric = (m: ModelMetricName) => THRESHOLD_METRICS.includes(m);

/** The dataset the check evaluates on: the configured one, or the single dataset with role `test`. */
export function metricDataset(cfg: ModelMetricConfig, project: RegopsConfig): string | null {
  return evalDataset(cfg.dataset, project);
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

const operatingPoint = (cfg: ModelMetricConfig, chosen?: number) => {
  if (!isThresholdMetric(cfg.metric)) return '';
  const tf = cfg.threshold_for;
  if (tf?.sensitivity !== undefined)
    return ` at the threshold reaching sensitivity ${tf.sensitivity}${chosen !== undefined ? ` (${chosen})` : ''}`;
  if (tf?.specificity !== undefined)
    return ` at the threshold reaching specificity ${tf.specificity}${chosen !== undefined ? ` (${chosen})` : ''}`;
  return ` at threshold ${cfg.threshold ?? DEFAULT_THRESHOLD}`;
};

const onText = (cfg: ModelMetricConfig) =>
  cfg.on === 'point'
    ? ''
    : ` on the ${cfg.on} end of the ${Math.round(100 * (ciConfig(cfg)?.level ?? 0.95))}% CI`;

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
    const UNBOUNDED: ModelMetricName[] = [
      'log_loss',
      'calibration_slope',
      'calibration_intercept',
      'net_benefit',
      'mae',
      'rmse',
      'r2',
    ];
    if (!UNBOUNDED.includes(cfg.metric)) {
      for (const key of ['min', 'max'] as const) {
        const v = cfg[key];
        if (v !== undefined && (v < 0 || v > 1)) {
          problems.push({
            path: [key],
            message: `${LABELS[cfg.metric]} lies between 0 and 1, so ${key}: ${v} cannot be meant${v > 1 && v <= 100 ? ` (a percentage? use ${v / 100})` : ''}`,
          });
        }
      }
    }
    if (cfg.min !== undefined && cfg.max !== undefined && cfg.min > cfg.max) {
      problems.push({
        path: ['min'],
        message: `min (${cfg.min}) is greater than max (${cfg.max}); no value can pass`,
      });
    }
    const tf = cfg.threshold_for;
    if (tf) {
      const keys = Object.keys(tf).filter((k) => tf[k as keyof typeof tf] !== undefined);
      if (keys.length !== 1) {
        problems.push({ path: ['threshold_for'], message: 'give exactly one of sensitivity or specificity' });
      }
      if (cfg.threshold !== undefined) {
        problems.push({ path: ['threshold'], message: 'give either threshold or threshold_for, not both' });
      }
      if (!isThresholdMetric(cfg.metric)) {
        problems.push({
          path: ['threshold_for'],
          message: `${LABELS[cfg.metric]} does not use an operating point (remove threshold_for)`,
        });
      }
    }
    if (cfg.on !== 'point' && cfg.ci === false) {
      problems.push({
        path: ['on'],
        message: `on: ${cfg.on} needs a confidence interval; remove \`ci: false\``,
      });
    }
    if (cfg.threshold !== undefined && !isThresholdMetric(cfg.metric)) {
      problems.push({
        path: ['threshold'],
        message: `threshold applies to ${THRESHOLD_METRICS.join(', ')}; ${LABELS[cfg.metric]} does not use an operating point (remove it)`,
      });
    }
    problems.push(...taskProblems(cfg, project));
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
    return labelledColumns(cfg.dataset, project);
  },

  criterion(cfg, project) {
    const dataset = metricDataset(cfg, project) ?? cfg.dataset ?? 'the test dataset';
    return `${LABELS[cfg.metric]}${classText(cfg)}${operatingPoint(cfg)} ${boundsText(bounds(cfg))}${onText(cfg)} on ${dataset}`;
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
    if (metricTask(cfg.metric) !== 'binary') return runNonBinary(ctx, cfg, dataset, table);
    if (target.positive === undefined) {
      throw new ConfigurationError(
        `check ${cfg.id}: ${LABELS[cfg.metric]} needs target.positive, the label value of the positive class`,
      );
    }
    const labels = labelsFromTable(table, target);
    const scores = await ctx.memo(`predict:${dataset}`, () =>
      predictPositive({ rootDir: ctx.rootDir, model, table }),
    );
    const n = labels.length;
    const nPos = countPositive(labels);
    const label = LABELS[cfg.metric];
    const bs = bounds(cfg);
    const details: Record<string, unknown> = {
      dataset,
      dataset_path: table.path,
      model: model.path,
      target: { column: target.column, positive: target.positive },
    };
    const counts = `n=${n}, ${nPos} positive`;
    const base = {
      id: cfg.id,
      check: 'model.metric',
      title: cfg.title ?? modelMetricCheck.description,
      verifies: cfg.verifies,
      controls: cfg.controls,
    };
    const undefinedResult = (reason: string, confText = '', metrics: Metric[] = []): CheckResult[] => [
      {
        ...base,
        status: 'error',
        metrics: [
          { name: cfg.metric, value: null },
          ...metrics,
          { name: 'n', value: n },
          { name: 'n_positive', value: nPos },
        ],
        details,
        message: `${label}${operatingPoint(cfg)} is undefined on ${dataset} (${counts}${confText}): ${reason}`,
      },
    ];
    if (n === 0) return undefinedResult('the dataset has no rows');
    if (nPos === 0 || nPos === n) {
      return undefinedResult(
        `only one class is present (${nPos === 0 ? `no row has ${target.column} = "${target.positive}"; check target.positive` : 'every row is positive'})`,
      );
    }

    // Operating point: fixed, or chosen on these data to reach a target sensitivity/specificity.
    let threshold = cfg.threshold ?? DEFAULT_THRESHOLD;
    const tf = cfg.threshold_for;
    if (isThresholdMetric(cfg.metric) && tf) {
      const op =
        tf.sensitivity !== undefined
          ? thresholdForSensitivity(scores, labels, tf.sensitivity)
          : thresholdForSpecificity(scores, labels, tf.specificity as number);
      threshold = op.threshold;
      details.operating_point = {
        chosen_for: tf.sensitivity !== undefined ? 'sensitivity' : 'specificity',
        target: op.target,
        achieved: op.achieved,
        threshold: op.threshold,
      };
    }
    const value = metricFunction(cfg.metric, threshold)(scores, labels);
    let conf: Confusion | null = null;
    if (isThresholdMetric(cfg.metric)) {
      conf = confusionMatrix(scores, labels, threshold);
      details.threshold = threshold;
      details.confusion = { tp: conf.tp, fp: conf.fp, tn: conf.tn, fn: conf.fn };
      details.rates = {
        sensitivity: conf.sensitivity,
        specificity: conf.specificity,
        ppv: conf.ppv,
        npv: conf.npv,
        accuracy: conf.accuracy,
      };
    }
    // Curve points for charts: ROC for ranking metrics, reliability bins for calibration metrics.
    if (cfg.metric === 'auroc' || cfg.metric === 'average_precision') details.roc = rocCurve(scores, labels);
    if (['brier', 'log_loss', 'ece', 'calibration_slope', 'calibration_intercept'].includes(cfg.metric)) {
      details.calibration = calibrationCurve(scores, labels, 10);
    }
    const confText = conf ? `; TP ${conf.tp}, FP ${conf.fp}, TN ${conf.tn}, FN ${conf.fn}` : '';
    if (value === null) {
      const reason = conf
        ? undefinedReason(cfg.metric, conf, threshold)
        : 'it cannot be computed on these data (e.g. the classes are perfectly separated)';
      return undefinedResult(reason, confText);
    }

    // Bootstrap interval (stratified by label, seeded): the bound may apply to one of its ends.
    const ciCfg = ciConfig(cfg);
    let ci: [number, number] | undefined;
    if (ciCfg) {
      try {
        const r = bootstrapCi({
          scores,
          labels,
          statistic: statisticFor(cfg.metric, threshold),
          resamples: ciCfg.resamples,
          seed: ciCfg.seed,
          level: ciCfg.level,
          method: ciCfg.method as CiMethod,
          stratified: true,
        });
        ci = [r.low, r.high];
        details.ci = {
          level: ciCfg.level,
          method: ciCfg.method,
          resamples: r.resamples,
          skipped: r.skipped,
          seed: ciCfg.seed,
          se: r.se,
          stratified: true,
        };
      } catch (e) {
        details.ci = { error: (e as Error).message };
      }
    }
    return judge({
      cfg,
      base,
      details,
      value,
      ci,
      level: ciCfg?.level,
      extra: [
        { name: 'n', value: n },
        { name: 'n_positive', value: nPos },
        ...(isThresholdMetric(cfg.metric) ? [{ name: 'threshold', value: threshold }] : []),
      ],
      describe: (shown, ciText, judgedText) =>
        `${label} ${shown}${operatingPoint(cfg, tf ? threshold : undefined)}${ciText}${judgedText} (bound ${boundsText(bs)}${onText(cfg)}) on ${dataset} (${counts}${confText})`,
    });
  },
};

const TASK_METRICS = (task: 'binary' | 'multiclass' | 'regression') =>
  MODEL_METRICS.filter((m) => metricTask(m) === task).join(', ');

const classText = (cfg: ModelMetricConfig) =>
  cfg.metric === 'class_recall' && cfg.class !== undefined ? ` of class "${cfg.class}"` : '';

/** target.classes, which the RegopsConfig type does not spell out (the schema has it). */
const targetClasses = (project: RegopsConfig): string[] | undefined =>
  (project.target as { classes?: string[] | undefined } | undefined)?.classes;

/** Config problems from model.task: the metric must fit it, and each task needs its own fields. */
function taskProblems(cfg: ModelMetricConfig, project: RegopsConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const label = LABELS[cfg.metric];
  const mTask = metricTask(cfg.metric);
  if (project.model) {
    const task = project.model.task ?? 'binary';
    if (task !== mTask) {
      problems.push({
        path: ['metric'],
        message: `${label} (${cfg.metric}) is a ${mTask} metric, but model.task is ${task}${project.model.task === undefined ? ' (the default)' : ''}; use one of ${TASK_METRICS(task)}, or set model.task: ${mTask}`,
      });
    }
    if (mTask === 'regression' && project.model.output === undefined) {
      problems.push({
        path: [],
        message: `${label} needs the model's predictions: set model.output to the name of the output holding them ([N] or [N, 1])`,
      });
    }
  }
  if (mTask === 'binary' && project.target && project.target.positive === undefined) {
    problems.push({
      path: [],
      message: `${label} needs target.positive: the label value of the positive class (e.g. positive: 1)`,
    });
  }
  const classes = targetClasses(project);
  if (mTask === 'multiclass' && project.target && classes === undefined) {
    problems.push({
      path: [],
      message: `${label} needs target.classes: the label values in the order of the columns of model.probabilities`,
    });
  }
  if (cfg.metric === 'class_recall') {
    if (cfg.class === undefined) {
      problems.push({
        path: ['class'],
        message: `class_recall needs \`class\`: the label whose recall is judged${classes ? ` (one of: ${classes.join(', ')})` : ''}`,
      });
    } else if (classes && !classes.includes(cfg.class)) {
      const hint = nearest(cfg.class, classes);
      problems.push({
        path: ['class'],
        message: `class "${cfg.class}" is not in target.classes (${classes.join(', ')})${hint ? `; did you mean "${hint}"?` : ''}`,
      });
    }
  } else if (cfg.class !== undefined) {
    problems.push({
      path: ['class'],
      message: `class applies to class_recall only; ${label} does not use it (remove it)`,
    });
  }
  if (mTask !== 'binary' && cfg.ci && cfg.ci.method === 'bca') {
    problems.push({
      path: ['ci', 'method'],
      message: `BCa intervals are computed for binary metrics only; ${label} (a ${mTask} metric) gets a percentile interval: set method: percentile`,
    });
  }
  return problems;
}

function isNumericText(s: string): boolean {
  return s !== '' && Number.isFinite(Number(s));
}

const rowsText = (rows: number[], max = 5) =>
  rows.slice(0, max).join(', ') + (rows.length > max ? ', …' : '');

/**
 * Class index (position in target.classes) of every row's label; a cell matches a class by its text or, for
 * numbers, by value (1 matches 1.0). InputError naming file, column and rows for a missing label or one that
 * is not in target.classes.
 */
export function classIndicesFromTable(table: Table, column: string, classes: readonly string[]): Uint32Array {
  const raw = table.column(column);
  const wanted = classes.map((c) => c.trim());
  const out = new Uint32Array(raw.length);
  const missing: number[] = [];
  const others: number[] = [];
  const otherValues = new Set<string>();
  for (let r = 0; r < raw.length; r++) {
    const v = raw[r]?.trim() ?? '';
    if (v === '') {
      missing.push(r + 1);
      continue;
    }
    let idx = wanted.indexOf(v);
    if (idx < 0 && isNumericText(v)) {
      idx = wanted.findIndex((c) => isNumericText(c) && Number(c) === Number(v));
    }
    if (idx < 0) {
      others.push(r + 1);
      otherValues.add(v);
      continue;
    }
    out[r] = idx;
  }
  if (missing.length > 0) {
    throw new InputError(
      `${table.path}: column "${column}" (target.column): the label is missing on ${missing.length} row(s) (rows ${rowsText(missing)}). Model metrics need a label on every row: fill it in or remove the row.`,
    );
  }
  if (others.length > 0) {
    const shown = [...otherValues].slice(0, 5).map((v) => `"${v}"`);
    throw new InputError(
      `${table.path}: column "${column}" (target.column): ${others.length} row(s) hold a label that is not in target.classes (${wanted.join(', ')}) (rows ${rowsText(others)}; label(s) ${shown.join(', ')}${otherValues.size > 5 ? ', …' : ''}); fix those rows or target.classes`,
    );
  }
  return out;
}

/** The true values of a regression target: numbers on every row (InputError naming file, column and rows). */
function trueValues(table: Table, column: string): Float64Array {
  const y = table.numeric(column);
  const missing: number[] = [];
  for (let r = 0; r < y.length; r++) if (!Number.isFinite(y[r] as number)) missing.push(r + 1);
  if (missing.length > 0) {
    throw new InputError(
      `${table.path}: column "${column}" (target.column): the true value is missing or not finite on ${missing.length} row(s) (rows ${rowsText(missing)}). Regression metrics need a value on every row: fill it in or remove the row.`,
    );
  }
  return y;
}

/** model.metric for regression and multiclass metrics, with a percentile bootstrap interval (./row-bootstrap). */
async function runNonBinary(
  ctx: RunContext,
  cfg: ModelMetricConfig,
  dataset: string,
  table: Table,
): Promise<CheckResult[]> {
  const model = ctx.config.model;
  const target = ctx.config.target;
  if (!model || !target) throw new Error('model.metric without model or target (run() checks this)');
  const task = metricTask(cfg.metric);
  const label = `${LABELS[cfg.metric]}${classText(cfg)}`;
  const bs = bounds(cfg);
  const n = table.rowCount;
  const details: Record<string, unknown> = {
    dataset,
    dataset_path: table.path,
    model: model.path,
    task,
  };
  const base = {
    id: cfg.id,
    check: 'model.metric',
    title: cfg.title ?? modelMetricCheck.description,
    verifies: cfg.verifies,
    controls: cfg.controls,
  };
  const extra: Metric[] = [];
  let value: number | null = null;
  let reason = '';
  /** The metric with counts[i] copies of row i (for the bootstrap); strata for a stratified one. */
  let weighted: ((counts: Uint32Array) => number) | undefined;
  let strata: Uint32Array | undefined;
  if (task === 'regression') {
    if (model.output === undefined) {
      throw new ConfigurationError(
        `check ${cfg.id}: ${label} needs model.output, the output holding the predictions`,
      );
    }
    details.target = { column: target.column };
    const y = trueValues(table, target.column);
    const pred = await ctx.memo(`predict-values:${dataset}`, () =>
      predictValues({ rootDir: ctx.rootDir, model, table }),
    );
    const fn =
      cfg.metric === 'mae' ? meanAbsoluteError : cfg.metric === 'rmse' ? rootMeanSquaredError : r2Score;
    try {
      value = fn(y, pred);
    } catch (e) {
      reason = (e as Error).message;
    }
    weighted = (counts) => fn(y, pred, counts);
  } else {
    const classes = targetClasses(ctx.config);
    if (!classes) {
      throw new ConfigurationError(`check ${cfg.id}: ${label} needs target.classes (validate reports this)`);
    }
    details.target = { column: target.column, classes };
    const y = classIndicesFromTable(table, target.column, classes);
    const p = await ctx.memo(`predict-matrix:${dataset}`, () =>
      predictMatrix({ rootDir: ctx.rootDir, model, table }),
    );
    if (n > 0 && p.k !== classes.length) {
      throw new InputError(
        `${model.path}: output "${model.probabilities}" has ${p.k} column(s), but target.classes lists ${classes.length} label(s) (${classes.join(', ')}); list one label per probabilities column, in order.`,
      );
    }
    const k = classes.length;
    const support = new Array<number>(k).fill(0);
    for (const c of y) support[c] = (support[c] as number) + 1;
    const predicted = argmaxClass(p.values, k);
    const recalls = n > 0 ? perClassRecall(predicted, y, k) : classes.map(() => null);
    strata = y;
    const perClass: Record<string, { support: number; recall: number | null; auroc?: number }> = {};
    classes.forEach((c, i) => {
      perClass[c] = { support: support[i] as number, recall: recalls[i] ?? null };
    });
    details.per_class = perClass;
    if (cfg.metric === 'class_recall') {
      const idx = classes.indexOf(cfg.class ?? '');
      if (idx < 0)
        throw new ConfigurationError(`check ${cfg.id}: class "${cfg.class}" is not in target.classes`);
      value = recalls[idx] ?? null;
      if (value === null) reason = `no row has the label "${cfg.class}"`;
      weighted = (counts) => weightedClassRecall(predicted, y, idx, counts);
      extra.push({ name: 'n_class', value: support[idx] as number });
    } else {
      try {
        const r = oneVsRestAuroc(p.values, k, y);
        classes.forEach((c, i) => {
          (perClass[c] as { auroc?: number }).auroc = r.perClass[i] as number;
        });
        value = cfg.metric === 'macro_auroc' ? r.macro : r.weighted;
        const ovr = weightedOneVsRest(p.values, k, y);
        weighted = (counts) => {
          const w = ovr(counts);
          return cfg.metric === 'macro_auroc' ? w.macro : w.weighted;
        };
      } catch (e) {
        reason = (e as Error).message;
      }
    }
  }
  if (n === 0) reason = 'the dataset has no rows';
  if (value === null || reason !== '') {
    return [
      {
        ...base,
        status: 'error',
        metrics: [{ name: cfg.metric, value: null }, ...extra, { name: 'n', value: n }],
        details,
        message: `${label} is undefined on ${dataset} (n=${n}): ${reason || 'it cannot be computed'}`,
      },
    ];
  }
  const ciCfg = ciConfig(cfg);
  let ci: [number, number] | undefined;
  if (ciCfg && weighted) {
    try {
      const r = rowBootstrapCi(n, weighted, { ...ciCfg, strata });
      ci = [r.low, r.high];
      details.ci = {
        level: ciCfg.level,
        method: 'percentile',
        resamples: r.resamples,
        skipped: r.skipped,
        seed: ciCfg.seed,
        se: r.se,
        stratified: r.stratified,
      };
    } catch (e) {
      details.ci = { error: (e as Error).message };
    }
  }
  return judge({
    cfg,
    base,
    details,
    value,
    ci,
    level: ciCfg?.level,
    extra: [...extra, { name: 'n', value: n }],
    describe: (shown, ciText, judgedText) =>
      `${label} ${shown}${ciText}${judgedText} (bound ${boundsText(bs)}${onText(cfg)}) on ${dataset} (n=${n})`,
  });
}

interface Judgement {
  cfg: ModelMetricConfig;
  base: Pick<CheckResult, 'id' | 'check' | 'title' | 'verifies' | 'controls'>;
  details: Record<string, unknown>;
  value: number;
  ci: [number, number] | undefined;
  level: number | undefined;
  /** Metrics listed after the judged ones (n, n_positive, …). */
  extra: Metric[];
  /** The message from the value as shown, the "; 95% CI …" text and the ", lower end …" text. */
  describe: (shown: string, ciText: string, judgedText: string) => string;
}

/**
 * The result of a model.metric check from its value and interval: the bound is applied to the point estimate
 * or to the configured end of the interval; an error (not a pass) when that end could not be computed.
 */
function judge({ cfg, base, details, value, ci, level, extra, describe }: Judgement): CheckResult[] {
  const bs = bounds(cfg);
  const judged = cfg.on === 'point' ? value : ci ? (cfg.on === 'lower' ? ci[0] : ci[1]) : null;
  const metrics: Metric[] = [];
  if (cfg.on === 'point') {
    for (const t of bs.length > 0 ? bs : [undefined]) {
      metrics.push({ name: cfg.metric, value, ...(ci ? { ci } : {}), ...(t ? { threshold: t } : {}) });
    }
  } else {
    metrics.push({ name: cfg.metric, value, ...(ci ? { ci } : {}) });
    for (const t of bs) metrics.push({ name: `${cfg.metric}_ci_${cfg.on}`, value: judged, threshold: t });
  }
  metrics.push(...extra);
  if (judged === null) {
    const why = (details.ci as { error?: string } | undefined)?.error ?? 'not computed';
    return [
      {
        ...base,
        status: 'error',
        metrics,
        details,
        message: `${LABELS[cfg.metric]}${classText(cfg)} ${formatValue(value, bs)}: no confidence interval to judge the ${cfg.on} end by (${why})`,
      },
    ];
  }
  const ciText = ci
    ? `; ${Math.round(100 * (level ?? 0.95))}% CI ${formatValue(ci[0], [])}–${formatValue(ci[1], [])}`
    : '';
  const pass = bs.length > 0 && bs.every((b) => meets(judged, b));
  const judgedText = cfg.on === 'point' ? '' : `, ${cfg.on} end ${formatValue(judged, bs)}`;
  return [
    {
      ...base,
      status: pass ? 'pass' : 'fail',
      metrics,
      details,
      message: describe(formatValue(value, cfg.on === 'point' ? bs : []), ciText, judgedText),
    },
  ];
}
