import type { CheckResult, Evidence, Metric } from '@regops/core';
import { type CommentExamination, commentExamination } from './examination';
import { formatNumber } from './format';
import { STATUS_ICON } from './view';

/**
 * What a reviewer of a model change reads first: which baseline it was compared with, the paired comparison
 * (model.compare), what drifted (drift.feature) and the verdict of the change control plan. Built from the
 * evidence only; numbers are pre-formatted with the documents' one formatter.
 */
export interface ChangeControlView {
  baseline: string | null;
  comparisons: {
    id: string;
    metric: string;
    baseline: string;
    candidate: string;
    delta: string;
    interval: string;
    margin: string;
    verdict: string;
    icon: string;
    extra: string;
  }[];
  drift: {
    id: string;
    icon: string;
    summary: string;
    columns: { column: string; icon: string; method: string; stat: string; missing: string }[];
    more: number;
  }[];
  /** What drives the model (the first model.importance result), or null without one. */
  examination: CommentExamination | null;
  pccp: {
    id: string;
    within: boolean;
    verdict: string;
    broken: { rule: string; status: string; message: string }[];
    rules: { rule: string; icon: string; status: string; message: string }[];
    override: { reason: string; approved_by: string; reference: string } | null;
  } | null;
}

const metricValue = (r: CheckResult, name: string): Metric | undefined =>
  r.metrics.find((m) => m.name === name);
const num = (m: Metric | undefined) => formatNumber(m?.value ?? null);
const signed = (v: number | null | undefined) =>
  v === null || v === undefined ? formatNumber(null) : `${v > 0 ? '+' : ''}${formatNumber(v)}`;

function baselineText(e: Evidence): string | null {
  const b = e.baseline;
  if (!b) return e.baseline_model ? e.baseline_model.path : null;
  const hash = e.baseline_model ? `, sha256 ${e.baseline_model.sha256.slice(0, 12)}` : '';
  if (b.source === 'git') {
    return `${b.model ?? 'model'} (read from git at ${b.sha?.slice(0, 7) ?? '?'}, the merge-base with ${b.ref ?? '?'}${hash})`;
  }
  return `${b.model ?? 'model'} (working tree${hash})`;
}

function comparisons(e: Evidence): ChangeControlView['comparisons'] {
  return e.results
    .filter((r) => r.check === 'model.compare' && !r.id.includes('/'))
    .map((r) => {
      const d = (r.details ?? {}) as { metric?: string; margin?: number; delong?: { p_value?: number } };
      const metric = d.metric ?? '?';
      const delta = metricValue(r, `delta_${metric}`);
      const flips = (r.details as { flips?: { count?: number } } | undefined)?.flips?.count;
      const extra = [
        d.delong?.p_value !== undefined ? `DeLong p ${formatNumber(d.delong.p_value)}` : '',
        flips !== undefined ? `${flips} flips` : '',
      ]
        .filter((x) => x !== '')
        .join(', ');
      return {
        id: r.id,
        metric,
        baseline: num(metricValue(r, `${metric}_baseline`)),
        candidate: num(metricValue(r, `${metric}_candidate`)),
        delta: signed(delta?.value),
        interval: delta?.ci ? `${signed(delta.ci[0])} to ${signed(delta.ci[1])}` : '—',
        margin: d.margin !== undefined ? formatNumber(d.margin, 'bound') : '—',
        verdict:
          r.status === 'pass' ? 'non-inferior' : r.status === 'fail' ? 'non-inferiority not shown' : r.status,
        icon: STATUS_ICON[r.status],
        extra,
      };
    });
}

/** Drifted columns first (smallest corrected p / largest distance), at most `max` per check. */
function drift(e: Evidence, max = 5): ChangeControlView['drift'] {
  return e.results
    .filter((r) => r.check === 'drift.feature' && !r.id.includes('/'))
    .map((top) => {
      const cols = e.results.filter((r) => r.id.startsWith(`${top.id}/`) && r.status !== 'skip');
      const drifted = cols.filter((r) => (r.details as { drifted?: boolean } | undefined)?.drifted === true);
      const shown = drifted.slice(0, max).map((r) => {
        const det = r.details as { method?: string; missingness_drift?: boolean };
        const first = r.metrics[0];
        const p = metricValue(r, 'p_adjusted');
        const stat = `${first?.name ?? '?'} ${num(first)}${p ? `, p adj ${num(p)}` : ''}`;
        const missing = `${formatNumber(100 * ((metricValue(r, 'missing_rate_reference')?.value as number) ?? 0), 'bound')}% → ${formatNumber(100 * ((metricValue(r, 'missing_rate_current')?.value as number) ?? 0), 'bound')}%${det.missingness_drift ? ' (drift)' : ''}`;
        return {
          column: r.id.slice(top.id.length + 1),
          icon: STATUS_ICON[r.status],
          method: det.method ?? '?',
          stat,
          missing,
        };
      });
      return {
        id: top.id,
        icon: STATUS_ICON[top.status],
        summary: top.message,
        columns: shown,
        more: Math.max(0, drifted.length - shown.length),
      };
    });
}

function pccp(e: Evidence): ChangeControlView['pccp'] {
  const v = e.pccp;
  if (!v) return null;
  const icon = { met: '✅', violated: '❌', not_evaluated: '⚠️' } as const;
  const statusText = { met: 'met', violated: 'violated', not_evaluated: 'not evaluated' } as const;
  return {
    id: v.id,
    within: v.verdict === 'within',
    verdict: v.verdict === 'within' ? 'within the plan' : 'outside the plan',
    broken: v.rules
      .filter((r) => r.status !== 'met')
      .map((r) => ({ rule: r.rule, status: statusText[r.status], message: r.message })),
    rules: v.rules.map((r) => ({
      rule: r.rule,
      icon: icon[r.status],
      status: statusText[r.status],
      message: r.message,
    })),
    override: v.overridden
      ? {
          reason: v.overridden.reason,
          approved_by: v.overridden.approved_by,
          reference: v.overridden.reference,
        }
      : null,
  };
}

export function buildChangeControl(e: Evidence): ChangeControlView {
  return {
    baseline: baselineText(e),
    comparisons: comparisons(e),
    drift: drift(e),
    examination: commentExamination(e),
    pccp: pccp(e),
  };
}
