import type { CheckResult, Evidence, Metric } from '@regops/core';
import { z } from 'zod';
import {
  type CalibrationBin,
  calibrationChart,
  chartNumber,
  type DistributionData,
  distributionChart,
  type ImportanceBar,
  type IntervalBound,
  type IntervalSection,
  importanceChart,
  intervalChart,
  partialDependenceChart,
  rocChart,
} from './charts';
import { formatNumber } from './format';
import { declaredCheckFor } from './view';

/**
 * The report's figures, drawn from the numbers the checks keep in their results' `details`: ROC curves and
 * reliability diagrams (model.metric), the candidate − baseline difference with its interval (model.compare),
 * per-group intervals with their bounds (model.subgroups) and reference-vs-current histograms of drifted
 * columns (drift.feature). Details that do not have the expected shape are skipped: a figure is an
 * illustration of a result, never its evidence. Order follows the results.
 */

export type FigureKind = 'roc' | 'calibration' | 'compare' | 'subgroups' | 'drift' | 'importance' | 'pdp';

export interface ReportFigure {
  /** Position in the report's figure list; the Markdown refers to a figure by it. */
  key: number;
  /** The result the figure belongs to. */
  resultId: string;
  kind: FigureKind;
  /** Plain text (escaped where it is written). */
  caption: string;
  /** Trusted SVG produced by charts.ts from numbers and escaped labels. */
  svg: string;
}

/** Partial-dependence curves for at most this many features (the top of the importance ranking). */
export const MAX_PDP_FIGURES = 4;

/** At most this many drift histograms; with more drifted columns, those with the smallest adjusted p-values. */
export const MAX_DRIFT_FIGURES = 12;

const Interval = z.tuple([z.number(), z.number()]);

const RocDetails = z.object({
  fpr: z.array(z.number()).min(2),
  tpr: z.array(z.number()).min(2),
});

const CalibrationDetails = z
  .array(
    z.object({
      lower: z.number(),
      upper: z.number(),
      count: z.number(),
      meanPredicted: z.number().nullable(),
      observed: z.number().nullable(),
    }),
  )
  .min(1);

const OperatingPoint = z.object({
  threshold: z.number(),
  rates: z.object({ sensitivity: z.number(), specificity: z.number() }),
});

const ChartDetails = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('histogram'),
    edges: z.array(z.number()).min(2),
    reference: z.array(z.number()),
    current: z.array(z.number()),
  }),
  z.object({
    kind: z.literal('categories'),
    categories: z.array(z.string()),
    reference: z.array(z.number()),
    current: z.array(z.number()),
    other: Interval.optional(),
  }),
]);

const GroupMetric = z.object({ value: z.number().nullable(), ci: Interval.nullable().optional() });

const GroupRow = z.looseObject({
  group: z.string(),
  rows: z.number(),
  too_small: z.boolean().optional(),
});

const CiDetails = z.looseObject({ level: z.number() });

function detail(r: CheckResult, key: string): unknown {
  return r.details?.[key];
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function metric(r: CheckResult, name: string): Metric | undefined {
  return r.metrics.find((m) => m.name === name);
}

/** `95% CI` from details.ci.level, or `CI`. */
function ciName(r: CheckResult): string {
  const ci = CiDetails.safeParse(detail(r, 'ci'));
  return ci.success ? `${formatNumber(ci.data.level * 100, 'bound')}% CI` : 'CI';
}

function counted(r: CheckResult): string {
  const total = metric(r, 'n')?.value;
  const positives = metric(r, 'n_positive')?.value;
  if (typeof total !== 'number') return '';
  return typeof positives === 'number' ? ` (n=${total}, ${positives} positive)` : ` (n=${total})`;
}

function withCi(m: Metric | undefined, r: CheckResult): string {
  if (!m || m.value === null) return '';
  return m.ci
    ? `${formatNumber(m.value)}, ${ciName(r)} ${formatNumber(m.ci[0])} to ${formatNumber(m.ci[1])}`
    : formatNumber(m.value);
}

type Draft = Omit<ReportFigure, 'key'>;

function rocFigure(e: Evidence, r: CheckResult): Draft | null {
  const roc = RocDetails.safeParse(detail(r, 'roc'));
  if (!roc.success || roc.data.fpr.length !== roc.data.tpr.length) return null;
  const dataset = str(detail(r, 'dataset')) ?? 'the evaluation data';
  const model = str(detail(r, 'model'));
  const auroc = metric(r, 'auroc');
  const points: { fpr: number; tpr: number; label: string }[] = [];
  const marked: string[] = [];
  for (const other of e.results) {
    if (other.check !== 'model.metric') continue;
    if (str(detail(other, 'dataset')) !== str(detail(r, 'dataset'))) continue;
    if (str(detail(other, 'model')) !== model) continue;
    const op = OperatingPoint.safeParse(other.details);
    if (!op.success) continue;
    const label = `threshold ${formatNumber(op.data.threshold, 'bound')}`;
    if (points.some((p) => p.label === label)) continue;
    points.push({ fpr: 1 - op.data.rates.specificity, tpr: op.data.rates.sensitivity, label });
    marked.push(
      `${label} (sensitivity ${formatNumber(op.data.rates.sensitivity)}, specificity ${formatNumber(op.data.rates.specificity)})`,
    );
  }
  const aurocText = auroc && auroc.value !== null ? `AUROC ${chartNumber(auroc.value)}` : 'model';
  return {
    resultId: r.id,
    kind: 'roc',
    svg: rocChart({
      title: `ROC curve on ${dataset}`,
      fpr: roc.data.fpr,
      tpr: roc.data.tpr,
      curveLabel: aurocText,
      points,
    }),
    caption: [
      `ROC curve of ${model ?? 'the model'} on ${dataset}${counted(r)}`,
      auroc && auroc.value !== null ? `: AUROC ${withCi(auroc, r)}` : '',
      '. Dashed diagonal: chance.',
      marked.length > 0 ? ` Marked: ${marked.join('; ')}.` : '',
    ].join(''),
  };
}

function calibrationFigure(r: CheckResult): Draft | null {
  const bins = CalibrationDetails.safeParse(detail(r, 'calibration'));
  if (!bins.success) return null;
  const dataset = str(detail(r, 'dataset')) ?? 'the evaluation data';
  const model = str(detail(r, 'model'));
  const brier = metric(r, 'brier');
  const data: CalibrationBin[] = bins.data;
  return {
    resultId: r.id,
    kind: 'calibration',
    svg: calibrationChart({ title: `Reliability diagram on ${dataset}`, bins: data }),
    caption: [
      `Observed share of positives against the mean predicted probability in ${data.length} bins of the predicted probability, ${model ?? 'the model'} on ${dataset}${counted(r)}`,
      brier && brier.value !== null ? `; Brier score ${withCi(brier, r)}` : '',
      '. Points above the dashed diagonal: more positives than predicted. Grey bars: rows per bin.',
    ].join(''),
  };
}

function boundOn(name: string): IntervalBound['on'] {
  return name.endsWith('_ci_lower') ? 'lower' : name.endsWith('_ci_upper') ? 'upper' : 'point';
}

function boundsOf(metrics: readonly Metric[]): IntervalBound[] {
  const out: IntervalBound[] = [];
  for (const m of metrics) {
    if (!m.threshold) continue;
    const b: IntervalBound = { op: m.threshold.op, value: m.threshold.value, on: boundOn(m.name) };
    if (!out.some((x) => x.op === b.op && x.value === b.value && x.on === b.on)) out.push(b);
  }
  return out;
}

function compareFigure(r: CheckResult): Draft | null {
  const name = str(detail(r, 'metric'));
  if (!name) return null;
  const delta = metric(r, `delta_${name}`);
  if (!delta) return null;
  const bounds = boundsOf(r.metrics.filter((m) => m.name.startsWith(`delta_${name}_ci_`)));
  const dataset = str(detail(r, 'dataset')) ?? 'the evaluation data';
  const subgroup = z.object({ attribute: z.string(), group: z.string() }).safeParse(detail(r, 'subgroup'));
  const where = subgroup.success ? `${subgroup.data.attribute} ${subgroup.data.group}` : dataset;
  const baseline = metric(r, `${name}_baseline`)?.value;
  const candidate = metric(r, `${name}_candidate`)?.value;
  const section: IntervalSection = {
    label: `Δ ${name}`,
    rows: [{ label: where, value: delta.value, ci: delta.ci ?? null }],
    bounds,
  };
  return {
    resultId: r.id,
    kind: 'compare',
    svg: intervalChart({
      title: `${name}: candidate − baseline on ${where}`,
      sections: [section],
      xLabel: `Δ ${name} (candidate − baseline)`,
      reference: { value: 0, label: 'no difference' },
      decimals: 4,
    }),
    caption: [
      `Difference candidate − baseline in ${name} on ${where}${counted(r)}: ${delta.value === null ? 'not computed' : withCi(delta, r)}`,
      typeof candidate === 'number' && typeof baseline === 'number'
        ? ` (candidate ${formatNumber(candidate)}, baseline ${formatNumber(baseline)})`
        : '',
      bounds.length > 0 ? '. Dotted red line: the non-inferiority bound' : '',
      '. Dashed grey line: no difference.',
    ].join(''),
  };
}

function subgroupFigure(r: CheckResult): Draft | null {
  const attribute = str(detail(r, 'attribute'));
  const groups = z.array(GroupRow).safeParse(detail(r, 'groups'));
  if (!attribute || !groups.success || groups.data.length === 0) return null;
  const names: string[] = [];
  for (const g of groups.data) {
    for (const [k, v] of Object.entries(g)) {
      if (GroupMetric.safeParse(v).success && !names.includes(k)) names.push(k);
    }
  }
  if (names.length === 0) return null;
  const sections: IntervalSection[] = names.map((name) => ({
    label: name,
    rows: groups.data.map((g) => {
      const m = GroupMetric.safeParse(g[name]);
      if (g.too_small === true || !m.success)
        return { label: g.group, value: null, ci: null, note: `too small to judge (${g.rows} rows)` };
      return { label: g.group, value: m.data.value, ci: m.data.ci ?? null };
    }),
    bounds: boundsOf(r.metrics.filter((m) => m.name.startsWith(`${name}[${attribute}=`))),
  }));
  const dataset = str(detail(r, 'dataset')) ?? 'the evaluation data';
  return {
    resultId: r.id,
    kind: 'subgroups',
    svg: intervalChart({
      title: `${names.join(', ')} by ${attribute} on ${dataset}`,
      sections,
      xLabel: 'Value (square: estimate; bar: interval)',
    }),
    caption: `${names.join(', ')} in each group of ${attribute} on ${dataset}, with bootstrap intervals; dotted red lines: the bounds each group is judged against.`,
  };
}

/** The drifted column of a per-column drift.feature result (`<check id>/<column>`), or null. */
function driftColumn(e: Evidence, r: CheckResult): string | null {
  const declared = declaredCheckFor(r, e.checks);
  if (declared && declared.id !== r.id) return r.id.slice(declared.id.length + 1);
  const slash = r.id.indexOf('/');
  return slash > 0 ? r.id.slice(slash + 1) : null;
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '—';
}

function driftFigure(e: Evidence, r: CheckResult): Draft | null {
  const chart = ChartDetails.safeParse(detail(r, 'chart'));
  const column = driftColumn(e, r);
  if (!chart.success || column === null) return null;
  const c = chart.data;
  const consistent =
    c.kind === 'histogram'
      ? c.reference.length === c.edges.length - 1 && c.current.length === c.edges.length - 1
      : c.reference.length === c.categories.length && c.current.length === c.categories.length;
  if (!consistent) return null;
  const reference = str(detail(r, 'reference')) ?? 'reference';
  const current = str(detail(r, 'current')) ?? 'current';
  const nRef = num(detail(r, 'n_reference'));
  const nCur = num(detail(r, 'n_current'));
  const missRef = num(detail(r, 'missing_reference'));
  const missCur = num(detail(r, 'missing_current'));
  const what = [
    detail(r, 'value_drift') === true ? 'values' : '',
    detail(r, 'missingness_drift') === true ? 'missingness' : '',
  ].filter(Boolean);
  const data: DistributionData = c;
  return {
    resultId: r.id,
    kind: 'drift',
    svg: distributionChart({
      title: `${column}: ${current} against ${reference}`,
      data,
      referenceLabel: `${reference} (reference${nRef === null ? '' : `, n=${nRef}`})`,
      currentLabel: `${current} (current${nCur === null ? '' : `, n=${nCur}`})`,
      xLabel: column,
    }),
    caption: [
      `Distribution of ${column} in ${current} against ${reference}: share of the non-missing values in each ${c.kind === 'histogram' ? 'bin' : 'category'}.`,
      what.length > 0 ? ` Drift in ${what.join(' and ')}.` : '',
      nRef !== null && nCur !== null && missRef !== null && missCur !== null
        ? ` Missing: ${percent(missRef, nRef + missRef)} against ${percent(missCur, nCur + missCur)}.`
        : '',
    ].join(''),
  };
}

const ImportanceRanking = z
  .array(z.looseObject({ feature: z.string(), importance: z.number(), low: z.number(), high: z.number() }))
  .min(1);

const BaselineImportance = z.array(
  z.looseObject({ feature: z.string(), mean: z.number(), ci: Interval.nullable().optional() }),
);

const PartialDependence = z.array(
  z.looseObject({
    feature: z.string(),
    grid: z.array(z.number()).min(2),
    mean: z.array(z.number()).min(2),
    ice_p10: z.array(z.number()).optional(),
    ice_p90: z.array(z.number()).optional(),
    monotone: z.unknown().optional(),
  }),
);

function levelText(r: CheckResult): string {
  const level = z.looseObject({ level: z.number() }).safeParse(detail(r, 'interval'));
  return level.success ? `${formatNumber(level.data.level * 100, 'bound')}% ` : '';
}

function importanceFigure(r: CheckResult): Draft | null {
  const ranking = ImportanceRanking.safeParse(detail(r, 'ranking'));
  if (!ranking.success) return null;
  const baseline = BaselineImportance.safeParse(detail(r, 'baseline_importance'));
  const base = new Map(baseline.success ? baseline.data.map((b) => [b.feature, b]) : []);
  const name = str(detail(r, 'metric')) ?? 'metric';
  const dataset = str(detail(r, 'dataset')) ?? 'the evaluation data';
  const repeats = num(detail(r, 'repeats'));
  const bars: ImportanceBar[] = ranking.data.map((x) => {
    const b = base.get(x.feature);
    return {
      label: x.feature,
      value: x.importance,
      ci: [x.low, x.high],
      baseline: b ? { value: b.mean, ci: b.ci ?? null } : null,
    };
  });
  return {
    resultId: r.id,
    kind: 'importance',
    svg: importanceChart({
      title: `Permutation importance on ${dataset}`,
      bars,
      xLabel: `${name} drop when the feature is shuffled`,
    }),
    caption: [
      `Drop in ${name} on ${dataset}${counted(r)} when each feature's values are shuffled across rows`,
      repeats === null ? '' : `, mean over ${repeats} permutations`,
      `; whiskers: ${levelText(r)}interval over the permutation repeats.`,
      base.size > 0 ? ' Hollow dashed bars: the baseline model.' : '',
      ' Dashed grey line: no effect.',
    ].join(''),
  };
}

function pdFigures(r: CheckResult): Draft[] {
  const pd = PartialDependence.safeParse(detail(r, 'partial_dependence'));
  if (!pd.success) return [];
  const ranking = ImportanceRanking.safeParse(detail(r, 'ranking'));
  const order = ranking.success ? ranking.data.map((x) => x.feature) : [];
  const rank = (f: string) => {
    const i = order.indexOf(f);
    return i < 0 ? order.length : i;
  };
  const dataset = str(detail(r, 'dataset')) ?? 'the evaluation data';
  return pd.data
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.grid.length === p.mean.length)
    .sort((a, b) => rank(a.p.feature) - rank(b.p.feature) || a.i - b.i)
    .slice(0, MAX_PDP_FIGURES)
    .map(({ p }) => {
      const band =
        p.ice_p10 && p.ice_p90 && p.ice_p10.length === p.grid.length && p.ice_p90.length === p.grid.length;
      const m = p.monotone;
      const mono =
        m === true ? 'monotone' : m === false ? 'not monotone' : typeof m === 'string' && m !== '' ? m : null;
      return {
        resultId: r.id,
        kind: 'pdp' as const,
        svg: partialDependenceChart({
          title: `Partial dependence on ${p.feature}`,
          feature: p.feature,
          grid: p.grid,
          mean: p.mean,
          p10: band ? (p.ice_p10 ?? null) : null,
          p90: band ? (p.ice_p90 ?? null) : null,
          yLabel: 'Mean prediction',
        }),
        caption: [
          `Mean prediction on ${dataset} with ${p.feature} set to each of ${p.grid.length} grid values`,
          band ? "; band: 10th to 90th percentile of the individual rows' curves" : '',
          mono ? `. ${mono}` : '',
          '.',
        ].join(''),
      };
    });
}

/** Smallest adjusted p-value of a drift result (1 when it has none): ranks the drifted columns. */
function driftRank(r: CheckResult): number {
  const ps = r.metrics
    .filter((m) => m.name.endsWith('p_adjusted') && typeof m.value === 'number')
    .map((m) => m.value as number);
  return ps.length > 0 ? Math.min(...ps) : 1;
}

/** Every figure the evidence supports, in result order, numbered from 0. */
export function reportFigures(e: Evidence): ReportFigure[] {
  const drifted = e.results
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => r.check === 'drift.feature' && detail(r, 'drifted') === true && detail(r, 'chart'))
    .sort((a, b) => driftRank(a.r) - driftRank(b.r) || a.index - b.index)
    .slice(0, MAX_DRIFT_FIGURES);
  const driftShown = new Set(drifted.map((x) => x.r));
  const drafts: Draft[] = [];
  const seenRoc = new Set<string>();
  for (const r of e.results) {
    switch (r.check) {
      case 'model.metric': {
        const roc = RocDetails.safeParse(detail(r, 'roc'));
        if (roc.success) {
          const key = JSON.stringify([detail(r, 'model'), detail(r, 'dataset'), roc.data.fpr, roc.data.tpr]);
          if (!seenRoc.has(key)) {
            seenRoc.add(key);
            const f = rocFigure(e, r);
            if (f) drafts.push(f);
          }
        }
        const cal = calibrationFigure(r);
        if (cal) drafts.push(cal);
        break;
      }
      case 'model.compare': {
        const f = compareFigure(r);
        if (f) drafts.push(f);
        break;
      }
      case 'model.subgroups': {
        const f = subgroupFigure(r);
        if (f) drafts.push(f);
        break;
      }
      case 'model.importance': {
        const f = importanceFigure(r);
        if (f) drafts.push(f);
        drafts.push(...pdFigures(r));
        break;
      }
      case 'drift.feature': {
        if (!driftShown.has(r)) break;
        const f = driftFigure(e, r);
        if (f) drafts.push(f);
        break;
      }
    }
  }
  return drafts.map((d, key) => ({ key, ...d }));
}
