/**
 * model.importance: what drives the model, by permutation feature importance on a labelled dataset, with
 * exact Shapley attributions for a few cases (./shapley).
 *
 * - Importance of a feature (or of a group of columns permuted together, row-aligned, e.g. a one-hot group)
 *   = drop of the metric when its values are shuffled across rows: metric(original) − metric(permuted) for
 *   higher-is-better metrics (AUROC, average precision), metric(permuted) − metric(original) for
 *   lower-is-better ones (Brier, log loss); positive = the model relies on it.
 * - `repeats` seeded permutations (Fisher–Yates, xoshiro128**) per feature; the value is the mean drop and the
 *   interval the percentile interval over the repeats. That interval shows the variation due to the random
 *   permutations only, NOT sampling uncertainty of the dataset (no resampling of rows is involved).
 * - Batched inference: every (feature, repeat) permuted copy of the dataset is stacked into a few large
 *   tables (≤ BATCH_CELLS feature cells each), each scored with one inference session.
 * - `must_not_drive`: the check fails when such a feature ranks within the top `top_k` or its interval lies
 *   entirely above 0.
 * - Attributions (`attributions`): exact interventional Shapley values (≤ 12 features) for the rows whose
 *   predicted class flips between baseline and candidate (when a baseline model is resolved) and the most
 *   confidently missed positives (false negatives with the lowest predicted risk). Row numbers and
 *   attributions only: no feature value is ever written, sensitive or not.
 * - Partial dependence (`partial_dependence`, ./partial-dependence): PD and ICE summaries (10th/90th
 *   percentiles across rows) for the top-k features by importance, on a grid of quantiles of the reference data
 *   (the `train` dataset if there is one, else the evaluated one), with a monotonicity verdict per feature.
 *   Sensitive columns (privacy.sensitive / privacy.allow_phi) and groups of columns get no curve (their grid
 *   would be feature values): they are skipped with a note.
 * - Baseline importances (`compare_baseline`): when a baseline model is resolved, the same permutations (same
 *   seed) are scored with it and recorded side by side (details only); must_not_drive applies to the
 *   candidate only.
 */
import {
  type Check,
  type CheckEntry,
  type ConfigProblem,
  ConfigurationError,
  type Metric,
  type ModelConfig,
  nearest,
  type RegopsConfig,
  type RunContext,
  type Table,
} from '@regops/core';
import { z } from 'zod';
import { evalDatasetProblems, modelProblems, runTarget } from './behavior';
import { quantileType7 } from './bootstrap';
import { predictionFlips } from './compare';
import { evalDataset, labelledColumns } from './eval-dataset';
import { LOWER_IS_BETTER, METRIC_LABELS, metricFunction } from './metric-defs';
import { countPositive, labelsFromTable } from './metrics';
import { MONOTONE_TOLERANCE, partialDependence, quantileGrid } from './partial-dependence';
import { Xoshiro128 } from './random';
import { predictPositive } from './runner';
import { exactShapley, MAX_SHAPLEY_FEATURES, numericTable, type ShapleyScale } from './shapley';

export * from './partial-dependence';

export const IMPORTANCE_METRICS = ['auroc', 'average_precision', 'brier', 'log_loss'] as const;
export type ImportanceMetric = (typeof IMPORTANCE_METRICS)[number];

/** Feature cells (rows × features) per stacked inference table: 16M float64 = 128 MB (fewer, larger inference calls: each call opens an ONNX session). */
const BATCH_CELLS = 16_000_000;
/** Fewer rows than this cannot give a meaningful permutation. */
export const MIN_IMPORTANCE_ROWS = 10;

const Attributions = z.strictObject({
  flips: z
    .number()
    .int()
    .min(0)
    .max(50)
    .default(5)
    .describe('How many baseline→candidate flips to explain (needs a baseline model; 0: none).'),
  false_negatives: z
    .number()
    .int()
    .min(0)
    .max(50)
    .default(3)
    .describe(
      'How many false negatives to explain: the positives with the lowest predicted risk among those missed.',
    ),
  threshold: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Operating point for flips and false negatives: positive iff P(positive) ≥ threshold.'),
  scale: z
    .enum(['logit', 'probability'])
    .default('logit')
    .describe('Scale of the attributions: log-odds (logit) or probability.'),
  background: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .describe('Size of the background sample (seeded, without replacement).'),
  background_dataset: z
    .string()
    .optional()
    .describe(
      'Dataset the background is drawn from (default: the dataset with role `train`, else the evaluated one).',
    ),
});
type AttributionsConfig = z.infer<typeof Attributions>;

const PartialDependence = z.strictObject({
  top_k: z
    .number()
    .int()
    .min(1)
    .max(50)
    .default(3)
    .describe(
      'Curves for the features ranked 1 … top_k by importance (sensitive features and groups skipped).',
    ),
  grid: z
    .number()
    .int()
    .min(2)
    .max(100)
    .default(10)
    .describe(
      'Grid points: quantiles of the reference data at (i + 0.5) / grid (observed values, duplicates removed).',
    ),
  ice_rows: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(50)
    .describe(
      'Rows (seeded sample) whose ICE curves give the 10th/90th percentile band; the PD mean uses every row.',
    ),
});
type PartialDependenceConfig = z.infer<typeof PartialDependence>;

const options = {
  dataset: z.string().optional().describe('Dataset to evaluate on (default: the dataset with role `test`).'),
  metric: z
    .enum(IMPORTANCE_METRICS)
    .default('auroc')
    .describe(
      'Metric whose drop under permutation is the importance: auroc, average_precision, brier, log_loss.',
    ),
  repeats: z
    .number()
    .int()
    .min(2)
    .max(1000)
    .default(10)
    .describe('Seeded permutations per feature; the interval is over these repeats.'),
  seed: z.number().int().min(0).default(0).describe('Seed of the permutations and the background sample.'),
  level: z
    .number()
    .gt(0.5)
    .lt(1)
    .default(0.95)
    .describe(
      'Level of the percentile interval over the permutation repeats (variation of the permutations, not a sampling interval).',
    ),
  groups: z
    .record(z.string(), z.array(z.string()).min(1))
    .optional()
    .describe(
      'Columns permuted together, row-aligned, as one feature (e.g. a one-hot group): { name: [columns] }.',
    ),
  must_not_drive: z
    .array(z.string())
    .default([])
    .describe(
      'Features (or group names) that must not drive the model: the check fails when one ranks within the top `top_k` or its interval lies entirely above 0.',
    ),
  top_k: z.number().int().min(1).default(3).describe('Rank limit for must_not_drive (default 3).'),
  attributions: z
    .union([z.literal(false), Attributions])
    .optional()
    .describe(
      'Exact Shapley attributions (≤ 12 features) for the baseline→candidate flips and the most confidently missed positives; false: none.',
    ),
  partial_dependence: z
    .union([z.literal(false), PartialDependence])
    .default({ top_k: 3, grid: 10, ice_rows: 50 })
    .describe(
      'Partial dependence and ICE summaries (10th/90th percentiles) for the top-k features, on a quantile grid of the reference (train) data, with a monotonicity verdict; false: none.',
    ),
  compare_baseline: z
    .boolean()
    .default(true)
    .describe(
      'When a baseline model is resolved, also record its importances under the same permutations (same seed), side by side.',
    ),
};

export interface ModelImportanceConfig extends CheckEntry {
  dataset?: string | undefined;
  metric: ImportanceMetric;
  repeats: number;
  seed: number;
  level: number;
  groups?: Record<string, string[]> | undefined;
  must_not_drive: string[];
  top_k: number;
  attributions?: false | AttributionsConfig | undefined;
  partial_dependence: false | PartialDependenceConfig;
  compare_baseline: boolean;
}

/** A unit of permutation: one feature, or a named group of feature columns. */
export interface ImportanceUnit {
  name: string;
  /** Indices into model.features. */
  columns: number[];
}

/** The permutation units: each group, then every feature in no group (model.features order). */
export function importanceUnits(
  features: readonly string[],
  groups: Record<string, string[]> = {},
): ImportanceUnit[] {
  const grouped = new Set<string>();
  const units: ImportanceUnit[] = [];
  for (const [name, cols] of Object.entries(groups)) {
    units.push({ name, columns: cols.map((c) => features.indexOf(c)) });
    for (const c of cols) grouped.add(c);
  }
  features.forEach((f, j) => {
    if (!grouped.has(f)) units.push({ name: f, columns: [j] });
  });
  return units;
}

export interface FeatureImportance {
  feature: string;
  columns: string[];
  rank: number;
  /** Mean drop over the repeats. */
  importance: number;
  low: number;
  high: number;
  sd: number;
  drops: number[];
}

export interface PermutationImportanceOptions {
  rootDir: string;
  model: ModelConfig;
  table: Table;
  labels: Uint8Array;
  metric: ImportanceMetric;
  units: ImportanceUnit[];
  repeats: number;
  seed: number;
  level: number;
  /** P(positive) on the unpermuted table, when already computed (e.g. memoized). */
  scores?: Float64Array;
}

export interface PermutationImportanceResult {
  /** The metric on the unpermuted data. */
  baseline: number;
  /** Sorted by importance, highest first. */
  ranking: FeatureImportance[];
  /** Inference calls (sessions) used for the permuted copies. */
  batches: number;
}

function shuffleIndex(n: number, rng: Xoshiro128): Uint32Array {
  const p = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const k = rng.int(i + 1);
    const t = p[i] as number;
    p[i] = p[k] as number;
    p[k] = t;
  }
  return p;
}

/**
 * Permutation importance of each unit: `repeats` seeded permutations, stacked into a few large tables for
 * inference. Throws RangeError when the metric is undefined on the original data.
 */
export async function permutationImportance(
  opts: PermutationImportanceOptions,
): Promise<PermutationImportanceResult> {
  const { model, table, labels, units, repeats, level } = opts;
  const n = table.rowCount;
  const features = model.features;
  const width = features.length;
  const fn = metricFunction(opts.metric, 0.5);
  const sign = LOWER_IS_BETTER.includes(opts.metric) ? -1 : 1;
  const original = features.map((f) => table.numeric(f));
  const scores = opts.scores ?? (await predictPositive({ rootDir: opts.rootDir, model, table }));
  const baseline = fn(scores, labels);
  if (baseline === null) throw new RangeError(`${METRIC_LABELS[opts.metric]} is undefined on ${table.path}`);

  // Blocks (repeat, unit) in a fixed order, so the permutations depend on the seed only.
  const rng = new Xoshiro128(opts.seed);
  const blocks: { unit: number; perm: Uint32Array }[] = [];
  for (let r = 0; r < repeats; r++) {
    for (let u = 0; u < units.length; u++) blocks.push({ unit: u, perm: shuffleIndex(n, rng) });
  }
  const drops = units.map(() => new Float64Array(repeats));
  const filled = units.map(() => 0);
  const perTable = Math.max(1, Math.floor(BATCH_CELLS / Math.max(1, n * width)));
  let batches = 0;
  for (let start = 0; start < blocks.length; start += perTable) {
    const chunk = blocks.slice(start, start + perTable);
    const cols = original.map(() => new Float64Array(chunk.length * n));
    chunk.forEach(({ unit, perm }, c) => {
      const permuted = new Set((units[unit] as ImportanceUnit).columns);
      const at = c * n;
      for (let j = 0; j < width; j++) {
        const src = original[j] as Float64Array;
        const dst = cols[j] as Float64Array;
        if (!permuted.has(j)) dst.set(src, at);
        else for (let i = 0; i < n; i++) dst[at + i] = src[perm[i] as number] as number;
      }
    });
    const stacked = numericTable(table.name, `${table.path} (permuted copies)`, [...features], cols);
    const p = await predictPositive({ rootDir: opts.rootDir, model, table: stacked });
    batches++;
    chunk.forEach(({ unit }, c) => {
      const v = fn(p.subarray(c * n, (c + 1) * n), labels);
      const k = filled[unit] as number;
      (drops[unit] as Float64Array)[k] = v === null ? Number.NaN : sign * (baseline - v);
      filled[unit] = k + 1;
    });
  }
  const alpha = (1 - level) / 2;
  const ranking = units.map((u, i): FeatureImportance => {
    const d = Array.from(drops[i] as Float64Array).filter((v) => !Number.isNaN(v));
    const mean = d.reduce((s, v) => s + v, 0) / d.length;
    const sd = d.length > 1 ? Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (d.length - 1)) : 0;
    const sorted = Float64Array.from(d).sort();
    return {
      feature: u.name,
      columns: u.columns.map((j) => features[j] as string),
      rank: 0,
      importance: mean,
      low: quantileType7(sorted, alpha),
      high: quantileType7(sorted, 1 - alpha),
      sd,
      drops: d,
    };
  });
  ranking.sort((a, b) => b.importance - a.importance || a.feature.localeCompare(b.feature));
  ranking.forEach((r, i) => {
    r.rank = i + 1;
  });
  return { baseline, ranking, batches };
}

const LABELS = METRIC_LABELS;
const f4 = (v: number) => (Object.is(Math.round(v * 1e4) / 1e4, -0) ? 0 : v).toFixed(4);
const pct = (level: number) => `${Math.round(level * 1000) / 10}%`;

/** A feature must not drive the model: why it does, or null. */
function violation(r: FeatureImportance, cfg: ModelImportanceConfig, total: number): string | null {
  const inTop = r.rank <= cfg.top_k;
  const excludesZero = r.low > 0;
  if (!inTop && !excludesZero) return null;
  const why = [
    inTop ? `ranks #${r.rank} of ${total} (top ${cfg.top_k})` : '',
    excludesZero ? `its ${pct(cfg.level)} interval over repeats lies above 0` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return `${r.feature} must not drive the model, but it ${why}: ${LABELS[cfg.metric]} drop ${f4(r.importance)} (${f4(r.low)} to ${f4(r.high)})`;
}

function groupProblems(cfg: ModelImportanceConfig, project: RegopsConfig): ConfigProblem[] {
  const features = project.model?.features ?? [];
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, string>();
  for (const [name, cols] of Object.entries(cfg.groups ?? {})) {
    if (features.includes(name) && !cols.includes(name)) {
      problems.push({
        path: ['groups', name],
        message: `group name "${name}" is also a feature name; rename the group`,
      });
    }
    cols.forEach((c, k) => {
      if (project.model && !features.includes(c)) {
        const hint = nearest(c, features);
        problems.push({
          path: ['groups', name, k],
          message: `"${c}" is not one of model.features${hint ? `; did you mean "${hint}"?` : ''} (features: ${features.join(', ')})`,
        });
      }
      const other = seen.get(c);
      if (other !== undefined) {
        problems.push({
          path: ['groups', name, k],
          message: `"${c}" is already in group "${other}"; a column can be permuted in one group only`,
        });
      }
      seen.set(c, name);
    });
  }
  if (project.model) {
    const names = importanceUnits(
      features,
      Object.fromEntries(
        Object.entries(cfg.groups ?? {}).map(([k, v]) => [k, v.filter((c) => features.includes(c))]),
      ),
    ).map((u) => u.name);
    cfg.must_not_drive.forEach((f, k) => {
      if (!names.includes(f)) {
        const hint = nearest(f, names);
        problems.push({
          path: ['must_not_drive', k],
          message: `"${f}" is not a model feature or group${hint ? `; did you mean "${hint}"?` : ''} (importance is measured for: ${names.join(', ')})`,
        });
      }
    });
  }
  return problems;
}

/** The dataset with role `train` when there is exactly one, else the evaluated one. */
function referenceDataset(project: RegopsConfig, evaluated: string): string {
  const train = Object.entries(project.datasets).filter(([, d]) => d.role === 'train');
  return train.length === 1 ? (train[0]?.[0] as string) : evaluated;
}

/** The dataset the attributions' background is drawn from. */
function backgroundDataset(att: AttributionsConfig, project: RegopsConfig, evaluated: string): string {
  if (att.background_dataset !== undefined) return att.background_dataset;
  const train = Object.entries(project.datasets).filter(([, d]) => d.role === 'train');
  return train.length === 1 ? (train[0]?.[0] as string) : evaluated;
}

export const modelImportanceCheck: Check<ModelImportanceConfig> = {
  type: 'model.importance',
  stage: 'model',
  description:
    'What drives the model: permutation feature importance with intervals over repeats, must-not-drive features, and exact Shapley attributions for flipped and missed cases',
  options,

  validate(cfg, project) {
    const problems: ConfigProblem[] = [
      ...modelProblems('model.importance', project),
      ...evalDatasetProblems(cfg.dataset, project),
      ...groupProblems(cfg, project),
    ];
    if (!project.target) {
      problems.push({
        path: [],
        message:
          'model.importance needs the true labels: add a `target:` section (column and positive value)',
      });
    } else if (project.target.positive === undefined) {
      problems.push({
        path: [],
        message: 'model.importance needs target.positive, the label of the positive class',
      });
    }
    if (project.model && (project.model.task ?? 'binary') !== 'binary') {
      problems.push({
        path: [],
        message: `model.importance explains binary classifiers, but model.task is ${project.model.task}`,
      });
    }
    const att = cfg.attributions;
    if (att && att.background_dataset !== undefined && !(att.background_dataset in project.datasets)) {
      problems.push({
        path: ['attributions', 'background_dataset'],
        message: `unknown dataset "${att.background_dataset}" (defined: ${Object.keys(project.datasets).join(', ') || 'none'})`,
      });
    }
    if (att && project.model && project.model.features.length > MAX_SHAPLEY_FEATURES) {
      problems.push({
        path: ['attributions'],
        message: `exact Shapley attributions need at most ${MAX_SHAPLEY_FEATURES} features; the model has ${project.model.features.length} (set attributions: false)`,
      });
    }
    return problems;
  },

  columns(cfg, project) {
    const dataset = evalDataset(cfg.dataset, project);
    if (dataset === null) return [];
    const needs = labelledColumns(cfg.dataset, project);
    const reference = referenceDataset(project, dataset);
    if (cfg.partial_dependence && reference !== dataset) {
      for (const [k, column] of (project.model?.features ?? []).entries()) {
        needs.push({ dataset: reference, column, field: ['model', 'features', k] });
      }
    }
    return needs;
  },

  criterion(cfg, project) {
    const dataset = evalDataset(cfg.dataset, project) ?? cfg.dataset ?? 'the test dataset';
    const base = `Permutation importance (${LABELS[cfg.metric]} drop, ${cfg.repeats} repeats) recorded on ${dataset}`;
    return cfg.must_not_drive.length === 0
      ? base
      : `${base}; ${cfg.must_not_drive.join(', ')} outside the top ${cfg.top_k} with an interval reaching 0`;
  },

  async run(ctx: RunContext, cfg) {
    const { model, dataset } = runTarget(ctx, cfg, 'model.importance');
    const target = ctx.config.target;
    if (!target)
      throw new ConfigurationError(`check ${cfg.id}: model.importance needs a \`target:\` section`);
    const problems = groupProblems(cfg, ctx.config);
    if (problems.length > 0) {
      throw new ConfigurationError(
        problems.map((p) => `check ${cfg.id}: ${[...p.path].join('.')}: ${p.message}`),
      );
    }
    const table = await ctx.services.loadTable(dataset);
    const labels = labelsFromTable(table, target);
    const n = labels.length;
    if (n < MIN_IMPORTANCE_ROWS || logFactorial(n) < Math.log(cfg.repeats)) {
      throw new ConfigurationError(
        `check ${cfg.id}: repeats: ${dataset} has ${n} row(s), too few for ${cfg.repeats} permutation repeats (at least ${MIN_IMPORTANCE_ROWS} rows needed); use a larger dataset`,
      );
    }
    const nPos = countPositive(labels);
    const base = {
      id: cfg.id,
      check: 'model.importance',
      title: cfg.title ?? 'What drives the model (permutation importance)',
      verifies: cfg.verifies,
      controls: cfg.controls,
    };
    if (nPos === 0 || nPos === n) {
      return [
        {
          ...base,
          status: 'error',
          metrics: [{ name: 'n', value: n }],
          details: { dataset },
          message: `permutation importance is undefined on ${dataset}: only one class is present (${nPos} positive of ${n})`,
        },
      ];
    }
    const units = importanceUnits(model.features, cfg.groups);
    const scores = await ctx.memo(`predict:${dataset}`, () =>
      predictPositive({ rootDir: ctx.rootDir, model, table }),
    );
    const result = await permutationImportance({
      scores,
      rootDir: ctx.rootDir,
      model,
      table,
      labels,
      metric: cfg.metric,
      units,
      repeats: cfg.repeats,
      seed: cfg.seed,
      level: cfg.level,
    });
    const metrics: Metric[] = [{ name: cfg.metric, value: result.baseline }];
    for (const r of result.ranking) {
      metrics.push({ name: `importance:${r.feature}`, value: r.importance, ci: [r.low, r.high] });
    }
    metrics.push({ name: 'n', value: n }, { name: 'n_positive', value: nPos });
    const details: Record<string, unknown> = {
      dataset,
      dataset_path: table.path,
      model: model.path,
      metric: cfg.metric,
      metric_value: result.baseline,
      method: `permutation importance: ${LABELS[cfg.metric]} drop when a feature's values are shuffled across rows (positive = the model relies on it)`,
      repeats: cfg.repeats,
      seed: cfg.seed,
      interval: {
        level: cfg.level,
        kind: 'percentile over the permutation repeats',
        note: 'shows the variation due to the random permutations, not the sampling uncertainty of the dataset',
      },
      ranking: result.ranking.map((r) => ({
        rank: r.rank,
        feature: r.feature,
        ...(r.columns.length > 1 || r.columns[0] !== r.feature ? { columns: r.columns } : {}),
        importance: r.importance,
        low: r.low,
        high: r.high,
        sd: r.sd,
      })),
      inference_batches: result.batches,
    };
    const violations = cfg.must_not_drive
      .map((f) => result.ranking.find((r) => r.feature === f))
      .map((r) => (r ? violation(r, cfg, result.ranking.length) : null))
      .filter((v): v is string => v !== null);
    if (cfg.must_not_drive.length > 0) {
      details.must_not_drive = { features: cfg.must_not_drive, top_k: cfg.top_k, violations };
    }
    if (cfg.compare_baseline) {
      const baselinePath = ctx.baseline?.modelPath;
      if (!baselinePath) details.baseline_importance_skipped = 'no baseline model resolved';
      else {
        const baselineModel = { ...model, path: baselinePath };
        try {
          const baseScores = await ctx.memo(`predict-baseline:${dataset}:${baselinePath}`, () =>
            predictPositive({ rootDir: ctx.rootDir, model: baselineModel, table }),
          );
          const prev = await permutationImportance({
            scores: baseScores,
            rootDir: ctx.rootDir,
            model: baselineModel,
            table,
            labels,
            metric: cfg.metric,
            units,
            repeats: cfg.repeats,
            seed: cfg.seed,
            level: cfg.level,
          });
          details.baseline_importance = prev.ranking.map((r) => ({
            feature: r.feature,
            mean: r.importance,
            ci: [r.low, r.high],
          }));
          details.baseline_importance_method = {
            model: ctx.baseline?.modelDisplay ?? baselinePath,
            metric_value: prev.baseline,
            note: `the same ${cfg.repeats} permutations (seed ${cfg.seed}) scored with the baseline model; ordered by the baseline's own importance; must_not_drive applies to the candidate only`,
          };
        } catch (e) {
          details.baseline_importance_skipped = `baseline model could not be scored: ${(e as Error).message}`;
        }
      }
    }
    if (cfg.partial_dependence) {
      Object.assign(
        details,
        await partialDependenceDetails(
          ctx,
          cfg,
          cfg.partial_dependence,
          model,
          table,
          dataset,
          result.ranking,
        ),
      );
    }
    if (cfg.attributions) {
      details.attributions = await attributions(ctx, cfg, cfg.attributions, model, table, labels, dataset);
    }
    const top = result.ranking
      .slice(0, Math.min(3, result.ranking.length))
      .map((r) => `${r.feature} ${f4(r.importance)} (${f4(r.low)} to ${f4(r.high)})`)
      .join(', ');
    const summary = `${LABELS[cfg.metric]} ${f4(result.baseline)} on ${dataset} (n=${n}); top features by ${LABELS[cfg.metric]} drop over ${cfg.repeats} permutations (${pct(cfg.level)} interval over repeats): ${top}`;
    return [
      {
        ...base,
        status: violations.length > 0 ? 'fail' : 'pass',
        metrics,
        details,
        message: violations.length > 0 ? `${violations.join('; ')}. ${summary}` : summary,
      },
    ];
  },
};

/** PD/ICE curves for the top-k features, with notes for the skipped ones. */
async function partialDependenceDetails(
  ctx: RunContext,
  cfg: ModelImportanceConfig,
  pd: PartialDependenceConfig,
  model: ModelConfig,
  table: Table,
  dataset: string,
  ranking: FeatureImportance[],
): Promise<Record<string, unknown>> {
  const refName = referenceDataset(ctx.config, dataset);
  const refTable = refName === dataset ? table : await ctx.services.loadTable(refName);
  const { sensitive, allow_phi } = ctx.config.privacy;
  const skipped: { feature: string; reason: string }[] = [];
  const wanted: { feature: string; grid: number[] }[] = [];
  for (const r of ranking.slice(0, pd.top_k)) {
    if (r.columns.some((c) => sensitive.includes(c) || allow_phi.includes(c))) {
      skipped.push({
        feature: r.feature,
        reason: 'sensitive column (privacy.sensitive / allow_phi): grid values would disclose feature values',
      });
    } else if (r.columns.length !== 1 || r.columns[0] !== r.feature) {
      skipped.push({ feature: r.feature, reason: 'group of columns: partial dependence is per column' });
    } else {
      const grid = quantileGrid(refTable.numeric(r.feature), pd.grid);
      if (grid.length < 2) {
        skipped.push({ feature: r.feature, reason: `fewer than 2 distinct finite values in ${refName}` });
      } else wanted.push({ feature: r.feature, grid });
    }
  }
  const out = await partialDependence({
    rootDir: ctx.rootDir,
    model,
    table,
    features: wanted,
    iceRows: pd.ice_rows,
    seed: cfg.seed,
  });
  const tol = MONOTONE_TOLERANCE.toExponential();
  return {
    partial_dependence: out.curves,
    partial_dependence_method: {
      top_k: pd.top_k,
      grid: `quantiles of ${refName} at (i + 0.5)/${pd.grid}, observed values, duplicates removed`,
      reference_dataset: refName,
      mean: `P(positive) averaged over all ${table.rowCount} rows of ${dataset} with the feature set to the grid value`,
      ice: `10th and 90th percentiles across ${out.iceRows} rows (seed ${cfg.seed}) of the per-row curves; per-row curves are not recorded`,
      monotone: `on P(positive), tolerance ${tol}: flat when max − min < ${tol}; increasing (decreasing) when no step between successive grid points falls (rises) by more than ${tol}; else non-monotone`,
      inference_batches: out.batches,
      ...(skipped.length > 0 ? { skipped } : {}),
    },
  };
}

function logFactorial(n: number): number {
  let s = 0;
  for (let k = 2; k <= n; k++) s += Math.log(k);
  return s;
}

/** Exact Shapley attributions for the flips and the most confidently missed positives. */
async function attributions(
  ctx: RunContext,
  cfg: ModelImportanceConfig,
  att: AttributionsConfig,
  model: ModelConfig,
  table: Table,
  labels: Uint8Array,
  dataset: string,
): Promise<Record<string, unknown>> {
  const candidate = await ctx.memo(`predict:${dataset}`, () =>
    predictPositive({ rootDir: ctx.rootDir, model, table }),
  );
  const bgName = backgroundDataset(att, ctx.config, dataset);
  const bgTable = bgName === dataset ? table : await ctx.services.loadTable(bgName);
  const rng = new Xoshiro128(cfg.seed);
  const order = shuffleIndex(bgTable.rowCount, rng).subarray(0, Math.min(att.background, bgTable.rowCount));
  const background = model.features.map((f) => {
    const col = bgTable.numeric(f);
    return Float64Array.from(order, (i) => col[i] as number);
  });
  const scale: ShapleyScale = att.scale;
  const out: Record<string, unknown> = {
    method: `exact interventional Shapley values on the ${scale} scale, background ${order.length} rows of ${bgName} (seed ${cfg.seed}); Σ attributions = f(row) − mean f(background), checked`,
    features: model.features,
    threshold: att.threshold,
    values_withheld: 'row numbers and attributions only; no feature value is recorded',
  };
  const explain = async (m: ModelConfig, rows: number[]) =>
    rows.length === 0 ? [] : exactShapley({ rootDir: ctx.rootDir, model: m, table, rows, background, scale });
  const named = (a: number[]) => Object.fromEntries(model.features.map((f, j) => [f, a[j] as number]));

  // The most confidently missed positives: predicted negative, lowest P(positive) first.
  const fn: number[] = [];
  for (let i = 0; i < labels.length; i++)
    if (labels[i] === 1 && (candidate[i] as number) < att.threshold) fn.push(i);
  fn.sort((a, b) => (candidate[a] as number) - (candidate[b] as number) || a - b);
  const fnRows = fn.slice(0, att.false_negatives);
  out.false_negatives = (await explain(model, fnRows)).map((c) => ({
    row: c.row,
    p: candidate[c.row - 1],
    value: c.value,
    base: c.base,
    attributions: named(c.attributions),
    efficiency_gap: c.efficiency_gap,
  }));
  out.false_negatives_total = fn.length;

  const baselinePath = ctx.baseline?.modelPath;
  if (baselinePath && att.flips > 0) {
    const baselineModel = { ...model, path: baselinePath };
    const base = await ctx.memo(`predict-baseline:${dataset}:${baselinePath}`, () =>
      predictPositive({ rootDir: ctx.rootDir, model: baselineModel, table }),
    );
    const flips = predictionFlips(base, candidate, att.threshold, undefined, att.flips);
    const rows = flips.rows.map((r) => r - 1);
    const cand = await explain(model, rows);
    const prev = await explain(baselineModel, rows);
    out.flips = {
      count: flips.count,
      to_positive: flips.to_positive,
      to_negative: flips.to_negative,
      explained: cand.map((c, i) => {
        const b = prev[i];
        return {
          row: c.row,
          p_baseline: base[c.row - 1],
          p_candidate: candidate[c.row - 1],
          candidate: { value: c.value, base: c.base, attributions: named(c.attributions) },
          ...(b ? { baseline: { value: b.value, base: b.base, attributions: named(b.attributions) } } : {}),
        };
      }),
    };
  } else {
    out.flips = baselinePath ? { skipped: 'flips: 0' } : { skipped: 'no baseline model resolved' };
  }
  return out;
}
