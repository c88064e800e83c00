import type { Evidence, Metric } from '@regops/core';
import { formatObserved } from './format';
import { buildCommon, type Common } from './view';

/**
 * The traceability matrix as flat rows, for the CSV and HTML forms and for the diff between two runs: one
 * row per requirement × verifying result, a GAP row for a requirement that no result verifies, one for a risk
 * control no result names, and one for a result that verifies no requirement. Derived from the evidence only.
 */
export type TraceRowKind = 'link' | 'requirement_gap' | 'control_gap' | 'orphan_result';

export interface FlatTraceRow {
  kind: TraceRowKind;
  requirement: string;
  requirement_title: string;
  hazards: string;
  risk_controls: string;
  check: string;
  check_type: string;
  criterion: string;
  observed: string;
  status: string;
  commit: string;
  change: string;
}

export const TRACE_COLUMNS: readonly (keyof FlatTraceRow)[] = [
  'kind',
  'requirement',
  'requirement_title',
  'hazards',
  'risk_controls',
  'check',
  'check_type',
  'criterion',
  'observed',
  'status',
  'commit',
  'change',
];

const observedText = (metrics: Metric[], message: string) =>
  metrics.length > 0 ? metrics.map((m) => `${m.name} ${formatObserved(m, (s) => s)}`).join('; ') : message;

export function traceRows(e: Evidence, common: Common = buildCommon(e)): FlatTraceRow[] {
  const commit = common.commit;
  const change = common.change ? `#${common.change.number}` : '';
  const base = { commit, change };
  const rows: FlatTraceRow[] = common.trace.map((t) => ({
    kind: t.result ? 'link' : 'requirement_gap',
    requirement: t.requirement.id,
    requirement_title: t.requirement.title,
    hazards: t.hazards.map((h) => h.id).join(' '),
    risk_controls: t.controls.join(' '),
    check: t.result?.id ?? '',
    check_type: t.result?.check ?? '',
    criterion: t.result
      ? (t.result.criterion ?? '')
      : t.declaredWithoutResult.length > 0
        ? `declared check(s) ${t.declaredWithoutResult.join(', ')} produced no result`
        : 'no check verifies this requirement',
    observed: t.result ? observedText(t.result.metrics, t.result.message) : '',
    status: t.result ? t.result.status : 'GAP',
    ...base,
  }));
  for (const c of common.uncoveredControls) {
    rows.push({
      kind: 'control_gap',
      requirement: c.requirements.join(' '),
      requirement_title: '',
      hazards: c.hazard.id,
      risk_controls: c.id,
      check: '',
      check_type: '',
      criterion: 'no result names this risk control',
      observed: '',
      status: 'GAP',
      ...base,
    });
  }
  for (const r of common.orphanResults) {
    rows.push({
      kind: 'orphan_result',
      requirement: '',
      requirement_title: '',
      hazards: '',
      risk_controls: r.controls.join(' '),
      check: r.id,
      check_type: r.check,
      criterion: r.criterion ?? '',
      observed: observedText(r.metrics, r.message),
      status: r.status,
      ...base,
    });
  }
  return rows;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a text starting with =, +, −,
 * @, tab or carriage return is prefixed with ' so a spreadsheet does not run it as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The matrix as CSV: a header row, then one line per row, CRLF line ends (RFC 4180). */
export function renderTraceCsv(e: Evidence): string {
  const lines = [TRACE_COLUMNS.join(',')];
  for (const row of traceRows(e)) lines.push(TRACE_COLUMNS.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const KIND_TEXT: Record<TraceRowKind, string> = {
  link: 'verified by',
  requirement_gap: 'GAP: requirement without a result',
  control_gap: 'GAP: risk control without a result',
  orphan_result: 'result verifying no requirement',
};

/** The matrix as one self-contained HTML page (inline CSS, no script, every text escaped). */
export function renderTraceHtml(e: Evidence): string {
  const rows = traceRows(e);
  const head = TRACE_COLUMNS.map((c) => `<th>${escapeHtml(c.replaceAll('_', ' '))}</th>`).join('');
  const body = rows
    .map((r) => {
      const cls =
        r.status === 'GAP'
          ? ' class="gap"'
          : r.status === 'fail' || r.status === 'error'
            ? ' class="bad"'
            : '';
      const cells = TRACE_COLUMNS.map(
        (c) => `<td>${escapeHtml(c === 'kind' ? KIND_TEXT[r.kind] : r[c])}</td>`,
      ).join('');
      return `<tr${cls}>${cells}</tr>`;
    })
    .join('\n');
  const title = `Traceability matrix: ${e.project.name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#111}
table{border-collapse:collapse;font-size:.85rem}
th,td{border:1px solid #999;padding:.25rem .4rem;vertical-align:top;text-align:left}
th{background:#eee}
tr.gap td{background:#fff4cc;font-weight:600}
tr.bad td{background:#fde2e2}
@media print{tr{page-break-inside:avoid}}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>Commit ${escapeHtml(e.run.git?.sha?.slice(0, 7) ?? 'not recorded')} · run started ${escapeHtml(e.run.started_at)} · ${escapeHtml(`${e.tool.name} ${e.tool.version}`)} · gate verdict <strong>${escapeHtml(e.gate.verdict)}</strong> · ${rows.filter((r) => r.status === 'GAP').length} gap row(s)</p>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}

/** What changed in the matrix between the base branch's run and this one. */
export interface TraceDiff {
  added: FlatTraceRow[];
  removed: FlatTraceRow[];
  changed: { before: FlatTraceRow; after: FlatTraceRow; fields: (keyof FlatTraceRow)[] }[];
}

const rowKey = (r: FlatTraceRow) => `${r.kind}\u0000${r.requirement}\u0000${r.risk_controls}\u0000${r.check}`;
const COMPARED: readonly (keyof FlatTraceRow)[] = [
  'criterion',
  'observed',
  'status',
  'hazards',
  'risk_controls',
  'requirement_title',
];

export function diffTrace(base: Evidence, head: Evidence): TraceDiff {
  const before = new Map(traceRows(base).map((r) => [rowKey(r), r]));
  const after = new Map(traceRows(head).map((r) => [rowKey(r), r]));
  const diff: TraceDiff = { added: [], removed: [], changed: [] };
  for (const [k, r] of after) {
    const b = before.get(k);
    if (!b) diff.added.push(r);
    else {
      const fields = COMPARED.filter((f) => b[f] !== r[f]);
      if (fields.length > 0) diff.changed.push({ before: b, after: r, fields });
    }
  }
  for (const [k, r] of before) if (!after.has(k)) diff.removed.push(r);
  return diff;
}

/** Markdown cell text: pipes and line breaks cannot break the table, and Markdown/HTML is shown literally. */
function cell(s: string): string {
  return s === ''
    ? '—'
    : s
        .replaceAll('\\', '\\\\')
        .replace(/[|*_`[\]<>#~]/g, (c) => `\\${c}`)
        .replace(/\r?\n/g, ' ');
}

const describeRow = (r: FlatTraceRow) =>
  `${cell(r.requirement)} | ${cell(r.requirement_title)} | ${cell(r.check)} | ${cell(KIND_TEXT[r.kind])} | ${cell(r.status)}`;

/** The diff as Markdown: added, removed and changed links/results, each as a table. */
export function renderTraceDiff(base: Evidence, head: Evidence): string {
  const d = diffTrace(base, head);
  const baseCommit = base.run.git?.sha?.slice(0, 7) ?? 'unknown';
  const headCommit = head.run.git?.sha?.slice(0, 7) ?? 'unknown';
  const out = [
    `# Traceability changes: ${cell(head.project.name)}`,
    '',
    `Base ${baseCommit} → this change ${headCommit}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed row(s).`,
    '',
  ];
  const table = (title: string, rows: FlatTraceRow[]) => {
    out.push(`## ${title}`, '');
    if (rows.length === 0) {
      out.push('None.', '');
      return;
    }
    out.push('| Requirement | Title | Check | Row | Status |', '|---|---|---|---|---|');
    for (const r of rows) out.push(`| ${describeRow(r)} |`);
    out.push('');
  };
  table('Added', d.added);
  table('Removed', d.removed);
  out.push('## Changed', '');
  if (d.changed.length === 0) out.push('None.', '');
  else {
    out.push('| Requirement | Check | Field | Before | After |', '|---|---|---|---|---|');
    for (const c of d.changed) {
      for (const f of c.fields) {
        out.push(
          `| ${cell(c.after.requirement)} | ${cell(c.after.check)} | ${f} | ${cell(c.before[f])} | ${cell(c.after[f])} |`,
        );
      }
    }
    out.push('');
  }
  return out.join('\n');
}
