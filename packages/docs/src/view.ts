import type { CheckResult, DeclaredCheck, Evidence, Metric, Requirement, Status } from '@regops/core';
import { STATUSES } from '@regops/core';
import { compareCodeUnits, shortSha } from './format';

/**
 * View models: everything the templates show, derived from the evidence alone. Arrays keep the order the
 * evidence gives them (the pipeline's deterministic order); records are sorted by key; nothing reads the
 * clock, the environment or the file system.
 */

export const STATUS_ICON: Record<Status, string> = {
  error: '⛔',
  fail: '❌',
  warn: '⚠️',
  pass: '✅',
  skip: '⏭️',
};

export interface RequirementRef {
  id: string;
  title: string | null;
}

export interface ResultView {
  id: string;
  check: string;
  title: string;
  status: Status;
  icon: string;
  blocking: boolean;
  /** Set when the gate policy treats this status differently from its name (a blocking warning, …). */
  policyNote: string | null;
  message: string;
  metrics: Metric[];
  /** Metrics with a bound: the ones the status was decided on. */
  bounded: Metric[];
  verifies: RequirementRef[];
  controls: string[];
  dataset: string | null;
  criterion: string | null;
}

export interface Counts {
  status: Status;
  icon: string;
  count: number;
}

export interface TraceRow {
  requirement: Requirement;
  hazards: { id: string; title: string }[];
  controls: string[];
  result: ResultView | null;
  /** For a gap: declared checks that name the requirement but produced no result. */
  declaredWithoutResult: string[];
}

export interface UncoveredControl {
  id: string;
  text: string;
  hazard: { id: string; title: string };
  requirements: string[];
}

export interface Common {
  project: Evidence['project'];
  tool: Evidence['tool'];
  schemaVersion: string;
  run: Evidence['run'];
  commit: string;
  /** Whether the working tree had uncommitted changes; dirtyKnown is false when git did not say. */
  dirty: boolean;
  dirtyKnown: boolean;
  change: Evidence['run']['change'];
  modelSha: string;
  verdict: Evidence['gate']['verdict'];
  blocked: boolean;
  counts: Counts[];
  policy: Evidence['gate']['policy'];
  reasons: Evidence['gate']['reasons'];
  results: ResultView[];
  trace: TraceRow[];
  gaps: Requirement[];
  uncoveredControls: UncoveredControl[];
  orphanResults: ResultView[];
  unknownRequirementRefs: { result: string; requirement: string }[];
}

function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** The declared check a result comes from: its id, or the longest id that prefixes `id/part`. */
export function declaredCheckFor(
  result: CheckResult,
  checks: readonly DeclaredCheck[],
): DeclaredCheck | null {
  let best: DeclaredCheck | null = null;
  for (const c of checks) {
    if (c.id === result.id) return c;
    if (result.id.startsWith(`${c.id}/`) && (!best || c.id.length > best.id.length)) best = c;
  }
  return best;
}

const FAILING: readonly Status[] = ['fail', 'error'];

function resultView(e: Evidence, r: CheckResult): ResultView {
  const titles = new Map(e.requirements.map((q) => [q.id, q.title]));
  const dataset = r.details?.dataset;
  const blocking = e.gate.policy.fail_on.includes(r.status);
  return {
    id: r.id,
    check: r.check,
    title: r.title,
    status: r.status,
    icon: STATUS_ICON[r.status],
    blocking,
    policyNote:
      blocking && !FAILING.includes(r.status)
        ? 'blocks the change under the gate policy'
        : !blocking && FAILING.includes(r.status)
          ? 'does not block under the gate policy'
          : null,
    message: r.message,
    metrics: r.metrics,
    bounded: r.metrics.filter((m) => m.threshold !== undefined),
    verifies: uniq(r.verifies).map((id) => ({ id, title: titles.get(id) ?? null })),
    controls: uniq(r.controls),
    dataset: typeof dataset === 'string' ? dataset : null,
    criterion: declaredCheckFor(r, e.checks)?.criterion ?? null,
  };
}

/** Hazards and risk controls linked to a requirement through the risk file (control.requirements). */
function riskLinks(e: Evidence, reqId: string): Pick<TraceRow, 'hazards' | 'controls'> {
  const hazards: TraceRow['hazards'] = [];
  const controls: string[] = [];
  for (const h of e.hazards) {
    const linked = h.controls.filter((c) => c.requirements.includes(reqId));
    if (linked.length === 0) continue;
    hazards.push({ id: h.id, title: h.title });
    controls.push(...linked.map((c) => c.id));
  }
  return { hazards, controls: uniq(controls) };
}

export function buildCommon(e: Evidence): Common {
  const results = e.results.map((r) => resultView(e, r));
  const trace: TraceRow[] = [];
  const gaps: Requirement[] = [];
  for (const req of e.requirements) {
    const links = riskLinks(e, req.id);
    const verifying = results.filter((r) => r.verifies.some((v) => v.id === req.id));
    if (verifying.length === 0) {
      gaps.push(req);
      const declared = e.checks.filter((c) => c.verifies.includes(req.id)).map((c) => c.id);
      trace.push({ requirement: req, ...links, result: null, declaredWithoutResult: declared });
      continue;
    }
    for (const r of verifying)
      trace.push({ requirement: req, ...links, result: r, declaredWithoutResult: [] });
  }
  const named = new Set(results.flatMap((r) => r.controls));
  const uncoveredControls = e.hazards.flatMap((h) =>
    h.controls
      .filter((c) => !named.has(c.id))
      .map((c) => ({
        id: c.id,
        text: c.text,
        hazard: { id: h.id, title: h.title },
        requirements: c.requirements,
      })),
  );
  const known = new Set(e.requirements.map((q) => q.id));
  const unknownRequirementRefs = results.flatMap((r) =>
    r.verifies.filter((v) => !known.has(v.id)).map((v) => ({ result: r.id, requirement: v.id })),
  );
  return {
    project: e.project,
    tool: e.tool,
    schemaVersion: e.schema_version,
    run: e.run,
    commit: shortSha(e.run.git?.sha, 7),
    dirty: e.run.git?.dirty === true,
    dirtyKnown: typeof e.run.git?.dirty === 'boolean',
    change: e.run.change,
    modelSha: shortSha(e.model?.sha256, 12),
    verdict: e.gate.verdict,
    blocked: e.gate.verdict === 'fail',
    counts: STATUSES.map((s) => ({ status: s, icon: STATUS_ICON[s], count: e.gate.counts[s] ?? 0 })),
    policy: e.gate.policy,
    reasons: e.gate.reasons,
    results,
    trace,
    gaps,
    uncoveredControls,
    orphanResults: results.filter((r) => r.verifies.length === 0),
    unknownRequirementRefs,
  };
}

/** Results grouped for the PR comment: worst first, the rest collapsed. */
export function commentGroups(c: Common) {
  const by = (statuses: Status[]) => statuses.flatMap((s) => c.results.filter((r) => r.status === s));
  return {
    failing: by(['error', 'fail']),
    warnings: by(['warn']),
    collapsed: by(['pass', 'skip']),
    passCount: c.results.filter((r) => r.status === 'pass').length,
    skipCount: c.results.filter((r) => r.status === 'skip').length,
  };
}

/** Record entries sorted by key. */
export function sortedEntries<V>(record: Record<string, V>): [string, V][] {
  return Object.entries(record).sort(([a], [b]) => compareCodeUnits(a, b));
}
