import type { CheckResult, Evidence, Status } from '@regops/core';
import { z } from 'zod';
import { formatNumber } from './format';
import { STATUS_ICON } from './view';

/**
 * Model examination, from the model.importance results: permutation importance with its intervals (and the
 * baseline model's when recorded), the must-not-drive verdict, the partial-dependence monotonicity and the
 * Shapley attributions of the baseline→candidate flips and the most confidently missed positives. Row numbers
 * and attributions only: the evidence records no feature value, and neither do the documents. Details that do
 * not have the expected shape are left out; numbers are pre-formatted with the documents' one formatter.
 */

const Interval = z.tuple([z.number(), z.number()]);

const Ranking = z.array(
  z.looseObject({
    rank: z.number(),
    feature: z.string(),
    importance: z.number(),
    low: z.number(),
    high: z.number(),
  }),
);

const BaselineImportance = z.array(
  z.looseObject({ feature: z.string(), mean: z.number(), ci: Interval.nullable().optional() }),
);

const MustNotDrive = z.looseObject({
  features: z.array(z.string()),
  top_k: z.number(),
  violations: z.array(z.string()),
});

const PartialDependence = z.array(
  z.looseObject({
    feature: z.string(),
    grid: z.array(z.number()),
    mean: z.array(z.number()),
    ice_p10: z.array(z.number()).optional(),
    ice_p90: z.array(z.number()).optional(),
    monotone: z.unknown().optional(),
  }),
);

const Attributions = z.record(z.string(), z.number());

const Explained = z.looseObject({
  row: z.number(),
  p_baseline: z.number().optional(),
  p_candidate: z.number().optional(),
  candidate: z.looseObject({ attributions: Attributions }),
});

const Flips = z.looseObject({
  count: z.number(),
  to_positive: z.number().optional(),
  to_negative: z.number().optional(),
  explained: z.array(Explained),
});

const Skipped = z.looseObject({ skipped: z.string() });

const FalseNegative = z.looseObject({
  row: z.number(),
  p: z.number().optional(),
  attributions: Attributions,
});

/** A feature's share of one attribution, signed: `+0.41`, `−0.12` (U+2212). */
export interface AttributionTerm {
  feature: string;
  signed: string;
}

export interface ExplainedRow {
  row: number;
  pBaseline: string;
  pCandidate: string;
  /** The largest attributions by absolute value, largest first (ties: feature order of the model). */
  top: AttributionTerm[];
  /** Short form for the comment (two decimals). */
  short: AttributionTerm[];
}

export interface ImportanceRow {
  rank: number;
  feature: string;
  importance: string;
  low: string;
  high: string;
  /** The baseline model's drop with its interval, or null when the evidence has none for the feature. */
  baselineDrop: string | null;
}

export interface ExaminationView {
  id: string;
  title: string;
  status: Status;
  icon: string;
  message: string;
  dataset: string | null;
  metric: string;
  repeats: number | null;
  level: string;
  intervalNote: string | null;
  method: string | null;
  rows: ImportanceRow[];
  hasBaseline: boolean;
  /** The first five rows with four decimals, for the comment. */
  top: ImportanceRow[];
  mustNotDrive: { features: string[]; topK: number; violations: string[]; clear: boolean } | null;
  partialDependence: { feature: string; points: number; monotone: string }[];
  flips: {
    count: number;
    toPositive: number | null;
    toNegative: number | null;
    explained: ExplainedRow[];
  } | null;
  flipsSkipped: string | null;
  attributionMethod: string | null;
  falseNegatives: { row: number; p: string; top: AttributionTerm[] }[];
  falseNegativesTotal: number | null;
}

/** At most this many flips in the comment. */
export const COMMENT_FLIPS = 5;
/** At most this many features in the comment. */
export const COMMENT_FEATURES = 5;

const MINUS = '\u2212';

function signed(v: number, decimals?: number): string {
  const s = decimals === undefined ? formatNumber(v) : formatNumber(v, 'metric', decimals);
  if (s.startsWith('-')) return `${MINUS}${s.slice(1)}`;
  return /^0(\.0*)?$/.test(s) ? s : `+${s}`;
}

/** The `k` largest attributions by |value|, ties in the record's order (the model's feature order). */
function topTerms(attr: Record<string, number>, k: number, decimals?: number): AttributionTerm[] {
  return Object.entries(attr)
    .map(([feature, v], i) => ({ feature, v, i }))
    .filter((x) => Number.isFinite(x.v))
    .sort((a, b) => Math.abs(b.v) - Math.abs(a.v) || a.i - b.i)
    .slice(0, k)
    .map((x) => ({ feature: x.feature, signed: signed(x.v, decimals) }));
}

export function monotoneText(m: unknown): string {
  if (m === true) return 'monotone';
  if (m === false) return 'not monotone';
  if (typeof m === 'string' && m !== '') return m;
  return 'not determined';
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function examination(r: CheckResult): ExaminationView {
  const d = r.details ?? {};
  const ranking = Ranking.safeParse(d.ranking);
  const baseline = BaselineImportance.safeParse(d.baseline_importance);
  const baseByFeature = new Map(baseline.success ? baseline.data.map((b) => [b.feature, b]) : []);
  const rows: ImportanceRow[] = (ranking.success ? ranking.data : []).map((x) => {
    const b = baseByFeature.get(x.feature);
    return {
      rank: x.rank,
      feature: x.feature,
      importance: formatNumber(x.importance),
      low: formatNumber(x.low),
      high: formatNumber(x.high),
      baselineDrop: b
        ? `${formatNumber(b.mean)}${b.ci ? ` (${formatNumber(b.ci[0])} to ${formatNumber(b.ci[1])})` : ''}`
        : null,
    };
  });
  const interval = z.looseObject({ level: z.number(), note: z.string().optional() }).safeParse(d.interval);
  const mnd = MustNotDrive.safeParse(d.must_not_drive);
  const pd = PartialDependence.safeParse(d.partial_dependence);
  const att = z.looseObject({}).safeParse(d.attributions);
  const a = att.success ? att.data : {};
  const flips = Flips.safeParse(a.flips);
  const skipped = Skipped.safeParse(a.flips);
  const fns = z.array(FalseNegative).safeParse(a.false_negatives);
  const fnTotal = a.false_negatives_total;
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    icon: STATUS_ICON[r.status],
    message: r.message,
    dataset: str(d.dataset),
    metric: str(d.metric) ?? 'metric',
    repeats: typeof d.repeats === 'number' ? d.repeats : null,
    level: interval.success ? `${formatNumber(interval.data.level * 100, 'bound')}%` : '',
    intervalNote: interval.success ? (interval.data.note ?? null) : null,
    method: str(d.method),
    rows,
    hasBaseline: baseline.success && baseline.data.length > 0,
    top: (ranking.success ? ranking.data : []).slice(0, COMMENT_FEATURES).map((x) => ({
      rank: x.rank,
      feature: x.feature,
      importance: formatNumber(x.importance, 'metric', 4),
      low: formatNumber(x.low, 'metric', 4),
      high: formatNumber(x.high, 'metric', 4),
      baselineDrop: null,
    })),
    mustNotDrive: mnd.success
      ? {
          features: mnd.data.features,
          topK: mnd.data.top_k,
          violations: mnd.data.violations,
          clear: mnd.data.violations.length === 0,
        }
      : null,
    partialDependence: pd.success
      ? pd.data.map((p) => ({
          feature: p.feature,
          points: p.grid.length,
          monotone: monotoneText(p.monotone),
        }))
      : [],
    flips: flips.success
      ? {
          count: flips.data.count,
          toPositive: flips.data.to_positive ?? null,
          toNegative: flips.data.to_negative ?? null,
          explained: flips.data.explained.map((f) => ({
            row: f.row,
            pBaseline: formatNumber(f.p_baseline ?? null),
            pCandidate: formatNumber(f.p_candidate ?? null),
            top: topTerms(f.candidate.attributions, 3),
            short: topTerms(f.candidate.attributions, 3, 2),
          })),
        }
      : null,
    flipsSkipped: skipped.success ? skipped.data.skipped : null,
    attributionMethod: str(a.method),
    falseNegatives: fns.success
      ? fns.data.map((f) => ({
          row: f.row,
          p: formatNumber(f.p ?? null),
          top: topTerms(f.attributions, 3),
        }))
      : [],
    falseNegativesTotal: typeof fnTotal === 'number' ? fnTotal : null,
  };
}

/** One view per top-level model.importance result, in result order. */
export function buildExaminations(e: Evidence): ExaminationView[] {
  return e.results.filter((r) => r.check === 'model.importance' && !r.id.includes('/')).map(examination);
}

/** The comment's view: the first examination, with at most COMMENT_FLIPS flips. */
export type CommentExamination = ExaminationView & { shownFlips: ExplainedRow[] };

export function commentExamination(e: Evidence): CommentExamination | null {
  const x = buildExaminations(e)[0];
  if (!x) return null;
  return { ...x, shownFlips: x.flips ? x.flips.explained.slice(0, COMMENT_FLIPS) : [] };
}
