/**
 * model.compare: the candidate model against the baseline it replaces, scored on the same labelled rows,
 * judged by non-inferiority (the candidate may be worse than the baseline by at most `margin`).
 *
 * Method
 * - Both models are run on the same dataset; Δ = metric(candidate) − metric(baseline).
 * - Paired, stratified bootstrap: each resample is ONE vector of counts over the input rows (counts[r] =
 *   how many times input row r was drawn), applied to both models, so the correlation between the models'
 *   errors on the same patients is kept (an unpaired bootstrap, resampling each model separately, ignores
 *   it and gives intervals that are too wide when the models agree, as they usually do). Draw order per
 *   resample (xoshiro128**, ./random, seeded with `ci.seed`): n_pos draws `int(n_pos)` indexing the
 *   positive rows in input order, then n_neg draws `int(n_neg)` indexing the negative rows in input order.
 *   The counts are then mapped onto each model's score-sorted sample through `sample.order` (sorted once),
 *   and the weighted statistics of ./bootstrap read them in O(n): no re-sort, no copy per resample.
 *   A resample on which the metric is undefined for either model (e.g. PPV with no predicted positive) is
 *   skipped and counted. The interval is the percentile interval (type-7 quantiles) of the kept Δ values.
 * - Verdict: higher-is-better metrics (AUROC and the rates at the operating point) pass iff the lower end of
 *   the Δ interval is ≥ −margin; the Brier score (lower is better) passes iff the upper end is ≤ +margin.
 * - AUROC also gets DeLong's paired test (./delong: Δ, z, two-sided p, normal interval) in the details and
 *   as the metric `delong_p_value`. It is informational: the verdict uses the bootstrap bound, so that
 *   every metric is judged the same way (DeLong exists for AUROC only).
 * - Flips: rows whose predicted class (P ≥ threshold) differs between the two models, by direction, with
 *   the first 20 1-based row numbers (never cell values).
 * - `by`: the same comparison in each group of an attribute (values, or numeric bins [a, b)); a group with
 *   fewer than `min_size` rows, or where the metric is undefined, is reported as `warn` with the reason.
 *   For an attribute listed in privacy.sensitive or privacy.allow_phi the groups are named "group 1", … and
 *   their flipped row numbers are withheld (counts only), so no row is tied to a group.
 */
import {
  type Check,
  type CheckEntry,
  type CheckResult,
  type ConfigProblem,
  ConfigurationError,
  type Metric,
  meets,
  PAIRED_METRICS,
  type PairedMetric,
  type RegopsConfig,
  type RunContext,
  type Threshold,
} from '@regops/core';
import { z } from 'zod';
import { evalDatasetProblems, modelProblems, runTarget } from './behavior';
import { percentileInterval, type Statistic, sortSample } from './bootstrap';
import { delongPaired } from './delong';
import { evalDataset, labelledColumns } from './eval-dataset';
import { METRIC_LABELS, metricFunction, statisticFor } from './metric-defs';
import { countPositive, labelsFromTable } from './metrics';
import { DEFAULT_THRESHOLD, formatValue } from './model-metric';
import { Xoshiro128 } from './random';
import { predictPositive } from './runner';

// ---------------------------------------------------------------------------------------------------------
// Pure helpers

/** Metrics model.compare can compare. */
export const COMPARE_METRICS = PAIRED_METRICS;
export type CompareMetric = PairedMetric;

/** Which way is better for a metric: the Brier score is an error (lower is better); the others are not. */
export type CompareDirection = 'higher_is_better' | 'lower_is_better';

export function compareDirection(metric: CompareMetric): CompareDirection {
  return metric === 'brier' ? 'lower_is_better' : 'higher_is_better';
}

export interface PairedBootstrapOptions {
  /** Baseline P(positive), one per row. */
  baseline: ArrayLike<number>;
  /** Candidate P(positive) on the same rows, in the same order. */
  candidate: ArrayLike<number>;
  /** 1 = positive, 0 = negative. */
  labels: ArrayLike<number>;
  statistic: Statistic;
  /** Resamples drawn (default 1000). */
  resamples?: number;
  /** Seed of the xoshiro128** generator (default 0). */
  seed?: number;
  /** Two-sided confidence level of the percentile interval (default 0.95). */
  level?: number;
}

export interface PairedBootstrapResult {
  statistic: string;
  /** The statistic of each model on the data (every row once). */
  baseline: number;
  candidate: number;
  /** candidate − baseline. */
  delta: number;
  /** Percentile interval of the resampled Δ. */
  low: number;
  high: number;
  level: number;
  /** Kept resampled Δ values, in draw order. */
  values: Float64Array;
  /** Resamples drawn (kept + skipped). */
  resamples: number;
  /** Resamples where the statistic was undefined for either model. */
  skipped: number;
  /** Standard deviation (ddof 1) of the kept Δ values. */
  se: number;
  seed: number;
}

/**
 * Paired, label-stratified bootstrap of Δ = statistic(candidate) − statistic(baseline) on the same rows
 * (see the module comment for the draw order). Both models see exactly the same resample, so identical
 * models give Δ = 0 on every resample. Throws RangeError on mismatched lengths, bad labels or NaN scores
 * (as `sortSample`), when the statistic is undefined on the data for either model, or when every resample
 * was skipped.
 */
export function pairedBootstrapDelta(options: PairedBootstrapOptions): PairedBootstrapResult {
  const { baseline, candidate, labels, statistic, resamples = 1000, seed = 0, level = 0.95 } = options;
  if (!Number.isSafeInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const n = labels.length;
  if (baseline.length !== n || candidate.length !== n) {
    throw new RangeError(
      `baseline has ${baseline.length} score(s), candidate ${candidate.length}, but there are ${n} label(s)`,
    );
  }
  if (n === 0) throw new RangeError('no rows to resample');
  const sA = sortSample(baseline, labels);
  const sB = sortSample(candidate, labels);
  const ones = new Uint32Array(n).fill(1);
  const pointA = statistic.weighted(sA, ones);
  const pointB = statistic.weighted(sB, ones);
  for (const [who, v] of [
    ['baseline', pointA],
    ['candidate', pointB],
  ] as const) {
    if (Number.isNaN(v)) {
      throw new RangeError(
        `${statistic.name} of the ${who} is undefined on the data (${sA.nPos} positive, ${sA.nNeg} negative rows); no interval`,
      );
    }
  }
  // Strata in input-row order: the draws index these lists.
  const pos: number[] = [];
  const neg: number[] = [];
  for (let r = 0; r < n; r++) (labels[r] === 1 ? pos : neg).push(r);
  const strata = [pos, neg]
    .filter((rows) => rows.length > 0)
    .map((rows) => ({
      rows: Uint32Array.from(rows),
      draws: new Uint32Array(rows.length),
      counts: new Uint32Array(rows.length),
    }));
  const rng = new Xoshiro128(seed);
  const inputCounts = new Uint32Array(n);
  const countsA = new Uint32Array(n);
  const countsB = new Uint32Array(n);
  const orderA = sA.order;
  const orderB = sB.order;
  const values = new Float64Array(resamples);
  let kept = 0;
  let skipped = 0;
  for (let b = 0; b < resamples; b++) {
    for (const s of strata) {
      const size = s.rows.length;
      rng.fillInts(size, s.draws);
      s.counts.fill(0);
      for (let k = 0; k < size; k++) {
        const j = s.draws[k] as number;
        s.counts[j] = (s.counts[j] as number) + 1;
      }
      for (let j = 0; j < size; j++) inputCounts[s.rows[j] as number] = s.counts[j] as number;
    }
    for (let i = 0; i < n; i++) {
      countsA[i] = inputCounts[orderA[i] as number] as number;
      countsB[i] = inputCounts[orderB[i] as number] as number;
    }
    const vA = statistic.weighted(sA, countsA);
    const vB = statistic.weighted(sB, countsB);
    if (Number.isNaN(vA) || Number.isNaN(vB)) {
      skipped++;
      continue;
    }
    values[kept++] = vB - vA;
  }
  if (kept === 0) {
    throw new RangeError(
      `all ${resamples} resamples were skipped (${statistic.name} undefined on each for a model)`,
    );
  }
  const kept_ = values.slice(0, kept);
  const { low, high } = percentileInterval(kept_, level);
  let mean = 0;
  for (let i = 0; i < kept; i++) mean += kept_[i] as number;
  mean /= kept;
  let ss = 0;
  for (let i = 0; i < kept; i++) ss += ((kept_[i] as number) - mean) ** 2;
  return {
    statistic: statistic.name,
    baseline: pointA,
    candidate: pointB,
    delta: pointB - pointA,
    low,
    high,
    level,
    values: kept_,
    resamples,
    skipped,
    se: kept > 1 ? Math.sqrt(ss / (kept - 1)) : Number.NaN,
    seed,
  };
}

/** Rows whose predicted class changes between baseline and candidate (positive iff P ≥ threshold). */
export interface PredictionFlips {
  count: number;
  /** Baseline negative, candidate positive. */
  to_positive: number;
  /** Baseline positive, candidate negative. */
  to_negative: number;
  /** The first `max` flipped rows, as 1-based row numbers. */
  rows: number[];
}

/**
 * Flips at `threshold`. `rowNumbers[i]` is the 1-based row number reported for element i (default i + 1;
 * a subgroup passes the rows' numbers in the whole dataset). Only row numbers are kept, never values.
 */
export function predictionFlips(
  baseline: ArrayLike<number>,
  candidate: ArrayLike<number>,
  threshold: number,
  rowNumbers?: ArrayLike<number>,
  max = 20,
): PredictionFlips {
  if (baseline.length !== candidate.length) {
    throw new RangeError(`baseline has ${baseline.length} score(s), candidate ${candidate.length}`);
  }
  let toPositive = 0;
  let toNegative = 0;
  const rows: number[] = [];
  for (let i = 0; i < baseline.length; i++) {
    const a = (baseline[i] as number) >= threshold;
    const b = (candidate[i] as number) >= threshold;
    if (a === b) continue;
    if (b) toPositive++;
    else toNegative++;
    if (rows.length < max) rows.push(rowNumbers ? (rowNumbers[i] as number) : i + 1);
  }
  return { count: toPositive + toNegative, to_positive: toPositive, to_negative: toNegative, rows };
}

export interface NonInferiority {
  /** The end of the Δ interval that is judged: lower (higher is better) or upper (lower is better). */
  end: 'lower' | 'upper';
  value: number;
  /** ≥ −margin, or ≤ +margin. */
  threshold: Threshold;
  pass: boolean;
}

/**
 * The non-inferiority verdict from the Δ interval (candidate − baseline): higher is better → the lower end
 * must be ≥ −margin; lower is better → the upper end must be ≤ +margin.
 */
export function nonInferiority(
  ci: readonly [number, number],
  margin: number,
  direction: CompareDirection,
): NonInferiority {
  if (!(margin >= 0)) throw new RangeError(`margin must be ≥ 0, got ${margin}`);
  const higher = direction === 'higher_is_better';
  const threshold: Threshold = higher
    ? { op: '>=', value: margin === 0 ? 0 : -margin }
    : { op: '<=', value: margin };
  const value = higher ? ci[0] : ci[1];
  return { end: higher ? 'lower' : 'upper', value, threshold, pass: meets(value, threshold) };
}

// ---------------------------------------------------------------------------------------------------------
// The check

export const DEFAULT_MIN_GROUP_SIZE = 30;

const CompareCi = z.strictObject({
  resamples: z
    .number()
    .int()
    .min(100)
    .max(100000)
    .default(1000)
    .describe('Paired bootstrap resamples (default 1000).'),
  level: z.number().gt(0.5).lt(1).default(0.95).describe('Two-sided confidence level (default 0.95).'),
  seed: z.number().int().min(0).default(0).describe('Seed of the resampling generator (default 0).'),
});
export type CompareCiConfig = z.infer<typeof CompareCi>;
const DEFAULT_CI: CompareCiConfig = { resamples: 1000, level: 0.95, seed: 0 };

export interface ModelCompareConfig extends CheckEntry {
  dataset?: string | undefined;
  metric: CompareMetric;
  threshold?: number | undefined;
  margin: number;
  ci?: CompareCiConfig | undefined;
  by?: string | undefined;
  bins?: number[] | undefined;
  min_size?: number | undefined;
}

const options = {
  dataset: z
    .string()
    .optional()
    .describe('Dataset both models are scored on (default: the dataset with role `test`).'),
  metric: z
    .enum(COMPARE_METRICS)
    .describe(
      'Metric compared, Δ = candidate − baseline: auroc, brier (lower is better), or at the operating point: sensitivity, specificity, ppv, npv, accuracy.',
    ),
  threshold: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      `Operating point, the same for both models: a row is predicted positive iff P(positive) ≥ threshold (default ${DEFAULT_THRESHOLD}). Used by the rates and by the count of flipped predictions.`,
    ),
  margin: z
    .number()
    .min(0)
    .describe(
      'Non-inferiority margin (≥ 0, in units of the metric): passes when the lower end of the Δ interval is ≥ −margin (for brier: the upper end ≤ +margin).',
    ),
  ci: CompareCi.default(() => ({ ...DEFAULT_CI })).describe(
    'Paired bootstrap interval of Δ (same resample for both models, stratified by label, percentile, seeded); default 1000 resamples, 95%, seed 0.',
  ),
  by: z
    .string()
    .min(1)
    .optional()
    .describe('Also compare within each group of this column (e.g. sex, site); one result per group.'),
  bins: z
    .array(z.number())
    .min(2)
    .optional()
    .describe('With `by` on a numeric column: ascending bin edges [a, b), e.g. [21, 40, 120].'),
  min_size: z
    .number()
    .int()
    .min(1)
    .default(DEFAULT_MIN_GROUP_SIZE)
    .describe(
      `With \`by\`: groups with fewer rows are reported as warn (too small to judge), never passed (default ${DEFAULT_MIN_GROUP_SIZE}).`,
    ),
};

const LABELS = METRIC_LABELS;
const THRESHOLD_COMPARE: readonly CompareMetric[] = ['sensitivity', 'specificity', 'ppv', 'npv', 'accuracy'];

const ciOf = (cfg: ModelCompareConfig): CompareCiConfig => cfg.ci ?? DEFAULT_CI;
const pctOf = (level: number) => `${Number((100 * level).toFixed(2))}%`;

/** A number with a true minus sign (U+2212). */
const minus = (text: string) => text.replace(/^-/, '−');
/** Δ with its sign: +0.0012, −0.0013, 0.0000. */
const signed = (text: string) => (text.startsWith('-') ? minus(text) : Number(text) > 0 ? `+${text}` : text);
const opSign = (op: Threshold['op']) => ({ '>=': '≥', '<=': '≤', '>': '>', '<': '<' })[op];
const boundText = (t: Threshold) =>
  `${opSign(t.op)} ${t.value < 0 ? `−${-t.value}` : t.op === '<=' && t.value > 0 ? `+${t.value}` : t.value}`;
const failedOp = (op: Threshold['op']) => ({ '>=': '<', '<=': '>', '>': '≤', '<': '≥' })[op];

function operatingPointText(cfg: ModelCompareConfig): string {
  return THRESHOLD_COMPARE.includes(cfg.metric) ? ` at threshold ${cfg.threshold ?? DEFAULT_THRESHOLD}` : '';
}

function missingBaselineMessage(id: string, project: RegopsConfig): string {
  const configured = project.baseline?.model;
  return `check ${id}: model.compare needs a baseline model: set baseline.model (${
    configured === undefined
      ? 'the ONNX model this change replaces, relative to regops.yml'
      : `it names ${configured}, but no baseline model was resolved for this run`
  })`;
}

interface Group {
  name: string;
  rows: number[];
}

/** Rows by attribute value (sorted), or by numeric bin [a, b) in bin order; others are counted as unassigned. */
function groupRows(
  values: (string | null)[],
  bins: number[] | undefined,
): { groups: Group[]; unassigned: number } {
  const byName = new Map<string, number[]>();
  const names: string[] = [];
  if (bins) for (let i = 0; i < bins.length - 1; i++) names.push(`[${bins[i]}, ${bins[i + 1]})`);
  let unassigned = 0;
  values.forEach((v, r) => {
    let name: string | undefined = v ?? undefined;
    if (v !== null && bins) {
      const x = v.trim() === '' ? Number.NaN : Number(v);
      name = undefined;
      for (let i = 0; i < bins.length - 1; i++) {
        if (x >= (bins[i] as number) && x < (bins[i + 1] as number)) name = names[i];
      }
    }
    if (name === undefined) {
      unassigned++;
      return;
    }
    const list = byName.get(name);
    if (list) list.push(r);
    else byName.set(name, [r]);
  });
  const order = bins ? names : [...byName.keys()].sort();
  return {
    groups: order.filter((n) => byName.has(n)).map((name) => ({ name, rows: byName.get(name) ?? [] })),
    unassigned,
  };
}

const pick = (a: ArrayLike<number>, rows: readonly number[]) =>
  Float64Array.from(rows, (r) => a[r] as number);

interface Unit {
  id: string;
  baseline: Float64Array;
  candidate: Float64Array;
  labels: Uint8Array;
  /** 1-based row numbers in the dataset, one per element. */
  rowNumbers: ArrayLike<number>;
  subgroup: { attribute: string; group: string } | null;
  /** Groups of a sensitive attribute: flipped row numbers would tie rows to a masked group; keep counts only. */
  withholdRows?: boolean;
}

interface RunInfo {
  cfg: ModelCompareConfig;
  dataset: string;
  datasetPath: string;
  candidatePath: string;
  baseline: { model: string; source: 'path' | 'git'; sha?: string };
}

/** One result: the comparison on a whole dataset or on one group. */
function compareUnit(info: RunInfo, unit: Unit): CheckResult {
  const { cfg, dataset } = info;
  const metric = cfg.metric;
  const label = LABELS[metric];
  const threshold = cfg.threshold ?? DEFAULT_THRESHOLD;
  const ci = ciOf(cfg);
  const direction = compareDirection(metric);
  const margin = cfg.margin;
  const y = unit.labels;
  const n = y.length;
  const nPos = countPositive(y);
  const f = metricFunction(metric, threshold);
  const valueBase = n === 0 ? null : f(unit.baseline, y);
  const valueCand = n === 0 ? null : f(unit.candidate, y);
  const delta = valueBase === null || valueCand === null ? null : valueCand - valueBase;
  const flips: PredictionFlips & { rows_withheld?: string } = predictionFlips(
    unit.baseline,
    unit.candidate,
    threshold,
    unit.rowNumbers,
    unit.withholdRows ? 0 : 20,
  );
  if (unit.withholdRows) flips.rows_withheld = 'sensitive attribute';
  const judgedName = `delta_${metric}_ci_${direction === 'higher_is_better' ? 'lower' : 'upper'}`;
  const verdictThreshold = nonInferiority([0, 0], margin, direction).threshold;
  const where = unit.subgroup ? `${dataset}, ${unit.subgroup.attribute} ${unit.subgroup.group}` : dataset;
  const counts = `(n=${n}, ${nPos} positive)`;
  const flipsText = `${flips.count} flip${flips.count === 1 ? '' : 's'} at ${threshold}${flips.count > 0 ? ` (${flips.to_positive} to positive, ${flips.to_negative} to negative)` : ''}`;
  const details: Record<string, unknown> = {
    dataset,
    dataset_path: info.datasetPath,
    metric,
    margin,
    threshold,
    direction,
    baseline: info.baseline,
    candidate: { model: info.candidatePath },
    subgroup: unit.subgroup,
    ci: {
      level: ci.level,
      method: 'percentile',
      resamples: ci.resamples,
      seed: ci.seed,
      paired: true,
      stratified: true,
    },
  };
  const base = {
    id: unit.id,
    check: 'model.compare',
    title:
      (cfg.title ?? `${label} non-inferior to the baseline`) +
      (unit.subgroup ? ` (${unit.subgroup.attribute} ${unit.subgroup.group})` : ''),
    verifies: cfg.verifies,
    controls: cfg.controls,
  };
  const metricsWith = (interval: [number, number] | null, judged: number | null, pValue?: number | null) => {
    const out: Metric[] = [
      { name: `${metric}_baseline`, value: valueBase },
      { name: `${metric}_candidate`, value: valueCand },
      { name: `delta_${metric}`, value: delta, ...(interval ? { ci: interval } : {}) },
      { name: judgedName, value: judged, threshold: verdictThreshold },
      { name: 'n', value: n },
      { name: 'n_positive', value: nPos },
    ];
    if (metric === 'auroc') out.push({ name: 'delong_p_value', value: pValue ?? null });
    return out;
  };
  const fmt = (v: number | null) => (v === null ? 'undefined' : formatValue(v, []));
  const pointsText = `candidate ${fmt(valueCand)} vs baseline ${fmt(valueBase)}${direction === 'lower_is_better' ? '; lower is better' : ''}`;
  /** warn (a group) or error (the whole dataset) when nothing can be judged. */
  const notJudged = (reason: string): CheckResult => ({
    ...base,
    status: unit.subgroup ? 'warn' : 'error',
    metrics: metricsWith(null, null),
    details: { ...details, flips },
    message: `${label}${operatingPointText(cfg)} not compared on ${where} ${counts}: ${reason} (${pointsText}); ${flipsText}`,
  });

  if (unit.subgroup && n < (cfg.min_size ?? DEFAULT_MIN_GROUP_SIZE)) {
    return notJudged(`too small to judge: ${n} rows < min_size ${cfg.min_size ?? DEFAULT_MIN_GROUP_SIZE}`);
  }
  if (n === 0) return notJudged('there are no rows');
  if (metric === 'auroc' && (nPos === 0 || nPos === n)) {
    return notJudged(`AUROC is undefined with only one class present`);
  }
  if (valueBase === null || valueCand === null) {
    const who = [valueBase === null ? 'baseline' : '', valueCand === null ? 'candidate' : '']
      .filter(Boolean)
      .join(' and ');
    return notJudged(`${label} of the ${who} is undefined (${undefinedReason(metric, threshold)})`);
  }
  let boot: PairedBootstrapResult;
  try {
    boot = pairedBootstrapDelta({
      baseline: unit.baseline,
      candidate: unit.candidate,
      labels: y,
      statistic: statisticFor(metric, threshold),
      resamples: ci.resamples,
      seed: ci.seed,
      level: ci.level,
    });
  } catch (e) {
    return notJudged(`no bootstrap interval (${(e as Error).message})`);
  }
  const interval: [number, number] = [boot.low, boot.high];
  const verdict = nonInferiority(interval, margin, direction);
  if (boot.skipped > 0) (details.ci as Record<string, unknown>).skipped = boot.skipped;
  let pValue: number | null = null;
  let delongText = '';
  if (metric === 'auroc') {
    try {
      const d = delongPaired(unit.baseline, unit.candidate, y, ci.level);
      pValue = d.pValue;
      details.delong = {
        delta: d.difference,
        se: d.se,
        z: d.z,
        p_value: d.pValue,
        ci: d.ci,
        level: ci.level,
      };
      delongText = `; DeLong p=${pText(d.pValue)}`;
    } catch (e) {
      details.delong = { error: (e as Error).message };
      delongText = '; DeLong not computed';
    }
  }
  details.flips = flips;
  const judgedShown = minus(formatValue(verdict.value, [verdict.threshold]));
  const lowShown = verdict.end === 'lower' ? judgedShown : minus(formatValue(boot.low, []));
  const highShown = verdict.end === 'upper' ? judgedShown : minus(formatValue(boot.high, []));
  const verdictText = verdict.pass
    ? `${verdict.end} end ${boundText(verdict.threshold)}: non-inferior`
    : `${verdict.end} end ${judgedShown} ${failedOp(verdict.threshold.op)} ${boundText(verdict.threshold).slice(2)}: non-inferiority not shown`;
  const skippedText =
    boot.skipped > 0 ? ` (${boot.skipped} of ${boot.resamples} resamples skipped: ${label} undefined)` : '';
  return {
    ...base,
    status: verdict.pass ? 'pass' : 'fail',
    metrics: metricsWith(interval, verdict.value, metric === 'auroc' ? pValue : undefined),
    details,
    message: `${label} Δ ${signed(formatValue(delta ?? 0, []))}${operatingPointText(cfg)} (${pointsText}); ${pctOf(ci.level)} CI ${lowShown}–${highShown}${skippedText}, ${verdictText}${delongText}; ${flipsText} on ${where} ${counts}`,
  };
}

function pText(p: number): string {
  if (p < 0.0001) return '<0.0001';
  return String(Number(p.toPrecision(2)));
}

function undefinedReason(metric: CompareMetric, threshold: number): string {
  switch (metric) {
    case 'sensitivity':
      return 'there are no positive rows';
    case 'specificity':
      return 'there are no negative rows';
    case 'ppv':
      return `no row is predicted positive (P ≥ ${threshold})`;
    case 'npv':
      return `no row is predicted negative (P < ${threshold})`;
    default:
      return 'it cannot be computed on these rows';
  }
}

/**
 * model.compare: the candidate against the baseline model on the same rows, by non-inferiority of a metric
 * with a paired bootstrap interval of the difference (see the module comment).
 */
export const modelCompareCheck: Check<ModelCompareConfig> = {
  type: 'model.compare',
  stage: 'model',
  description:
    'Candidate vs baseline model on the same labelled rows: non-inferiority of a metric by a paired bootstrap interval of the difference',
  options,

  validate(cfg, project) {
    const problems: ConfigProblem[] = [
      ...modelProblems('model.compare', project),
      ...evalDatasetProblems(cfg.dataset, project),
    ];
    if (project.model && (project.model.task ?? 'binary') !== 'binary') {
      problems.push({
        path: [],
        message: `model.compare compares binary classifiers, but model.task is ${project.model.task}`,
      });
    }
    if (!project.target) {
      problems.push({
        path: [],
        message:
          'model.compare needs the true labels: add a `target:` section (column and positive value) to the config',
      });
    } else if (project.target.positive === undefined) {
      problems.push({
        path: [],
        message:
          'model.compare needs target.positive: the label value of the positive class (e.g. positive: 1)',
      });
    }
    if (project.baseline?.model === undefined && project.baseline?.from !== 'git') {
      problems.push({
        path: [],
        message:
          'model.compare needs a baseline model: set baseline.model (the ONNX model this change replaces, relative to regops.yml), or baseline.from: git',
      });
    }
    if (cfg.margin > 1) {
      problems.push({
        path: ['margin'],
        message: `${LABELS[cfg.metric]} lies between 0 and 1, so a margin of ${cfg.margin} admits any candidate${cfg.margin <= 100 ? ` (a percentage? use ${cfg.margin / 100})` : ''}`,
      });
    }
    if (cfg.bins !== undefined && cfg.by === undefined) {
      problems.push({ path: ['bins'], message: 'bins group the `by` column; set `by:` or remove `bins:`' });
    }
    if (cfg.bins?.some((b, i) => i > 0 && b <= (cfg.bins?.[i - 1] ?? b))) {
      problems.push({ path: ['bins'], message: 'bin edges must be strictly ascending' });
    }
    return problems;
  },

  columns(cfg, project) {
    const dataset = evalDataset(cfg.dataset, project);
    if (dataset === null) return [];
    const needs = labelledColumns(cfg.dataset, project);
    if (cfg.by !== undefined) needs.push({ dataset, column: cfg.by, field: ['by'] });
    return needs;
  },

  criterion(cfg, project) {
    const dataset = evalDataset(cfg.dataset, project) ?? cfg.dataset ?? 'the test dataset';
    const direction = compareDirection(cfg.metric);
    const v = nonInferiority([0, 0], cfg.margin, direction);
    const groups =
      cfg.by === undefined
        ? ''
        : `; also in each group of ${cfg.by}${cfg.bins ? ` (bins ${cfg.bins.join(', ')})` : ''} with ≥ ${cfg.min_size ?? DEFAULT_MIN_GROUP_SIZE} rows`;
    return `${LABELS[cfg.metric]}${operatingPointText(cfg)} non-inferior to the baseline${direction === 'lower_is_better' ? ' (lower is better)' : ''}: ${v.end} ${pctOf(ciOf(cfg).level)} bound of Δ ${boundText(v.threshold)} on ${dataset}${groups}`;
  },

  async run(ctx: RunContext, cfg) {
    const { model, dataset } = runTarget(ctx, cfg, 'model.compare');
    const target = ctx.config.target;
    if (!target) {
      throw new ConfigurationError(
        `check ${cfg.id}: model.compare needs the true labels: add a \`target:\` section to the config`,
      );
    }
    const resolved = ctx.baseline;
    const baselinePath = resolved?.modelPath;
    if (!resolved || !baselinePath) {
      throw new ConfigurationError(missingBaselineMessage(cfg.id, ctx.config));
    }
    const table = await ctx.services.loadTable(dataset);
    const labels = labelsFromTable(table, target);
    const candidate = await ctx.memo(`predict:${dataset}`, () =>
      predictPositive({ rootDir: ctx.rootDir, model, table }),
    );
    // path.resolve(rootDir, absolute) keeps the absolute path of the resolved baseline model.
    const baselineModel = { ...model, path: baselinePath };
    const baseline = await ctx.memo(`predict-baseline:${dataset}:${baselinePath}`, () =>
      predictPositive({ rootDir: ctx.rootDir, model: baselineModel, table }),
    );
    const info: RunInfo = {
      cfg,
      dataset,
      datasetPath: table.path,
      candidatePath: model.path,
      baseline: {
        model: resolved.modelDisplay ?? ctx.config.baseline?.model ?? baselinePath,
        source: resolved.source,
        ...(resolved.sha !== undefined ? { sha: resolved.sha } : {}),
      },
    };
    const rowNumbers = Uint32Array.from({ length: labels.length }, (_, i) => i + 1);
    const overall = compareUnit(info, {
      id: cfg.id,
      baseline,
      candidate,
      labels,
      rowNumbers,
      subgroup: null,
    });
    const results: CheckResult[] = [overall];
    if (cfg.by === undefined) return results;

    const attribute = cfg.by;
    const masked =
      ctx.config.privacy.sensitive.includes(attribute) || ctx.config.privacy.allow_phi.includes(attribute);
    const { groups, unassigned } = groupRows(table.column(attribute), cfg.bins);
    let small = 0;
    groups.forEach((g, gi) => {
      const group = masked ? `group ${gi + 1}` : g.name;
      const r = compareUnit(info, {
        id: `${cfg.id}/${attribute}=${group}`,
        baseline: pick(baseline, g.rows),
        candidate: pick(candidate, g.rows),
        labels: Uint8Array.from(g.rows, (row) => labels[row] as number),
        rowNumbers: Uint32Array.from(g.rows, (row) => row + 1),
        subgroup: { attribute, group },
        withholdRows: masked,
      });
      if (r.status === 'warn') small++;
      results.push(r);
    });
    overall.message += `; by ${attribute}: ${groups.length} group${groups.length === 1 ? '' : 's'}${small > 0 ? ` (${small} not judged)` : ''}${unassigned > 0 ? `, ${unassigned} row${unassigned === 1 ? '' : 's'} without a group` : ''}`;
    return results;
  },
};
