/**
 * Residual anomalies (IEC 62304 §5.8.3): the open issues carrying the configured labels, with the risk
 * evaluation fields their issue template provides.
 *
 * Accepted forms in the issue body (field names case-insensitive; `**bold**` names and list bullets allowed):
 *   - a line `Severity: high` (also `- **Severity:** high`, `Severity = high`);
 *   - a heading `### Severity` followed by its text up to the next heading (what GitHub issue forms write;
 *     `_No response_` counts as not given).
 * Field names and their aliases: see ANOMALY_FIELDS.
 */

export const DEFAULT_ANOMALY_LABELS = ['bug', 'anomaly'];

/** Canonical field → accepted names (lower case). */
export const ANOMALY_FIELDS: Record<string, string[]> = {
  hazard: ['hazard', 'hazardous situation', 'harm'],
  severity: ['severity'],
  probability: ['probability', 'likelihood', 'occurrence', 'probability of occurrence'],
  risk_evaluation: ['risk evaluation', 'risk', 'risk level', 'risk assessment', 'risk analysis'],
  decision: ['decision', 'risk acceptance', 'acceptability', 'acceptance', 'disposition'],
  rationale: ['rationale', 'justification', 'reason'],
  workaround: ['workaround', 'mitigation', 'risk control'],
};
/** A residual anomaly counts as evaluated when one of these is given. */
const EVALUATION_FIELDS = ['severity', 'risk_evaluation', 'decision'];

const ALIAS = new Map(
  Object.entries(ANOMALY_FIELDS).flatMap(([key, names]) => names.map((n) => [n, key] as const)),
);

export interface Anomaly {
  number: number;
  title: string;
  url: string;
  author: string;
  labels: string[];
  created_at: string;
  /** Canonical field → text, only the fields the body gives. */
  fields: Record<string, string>;
  evaluated: boolean;
}

export interface AnomalyList {
  /** api: listed from the platform; none: could not be listed (see note). */
  source: 'api' | 'none';
  labels: string[];
  note: string | null;
  items: Anomaly[];
}

const fieldKey = (name: string): string | undefined =>
  ALIAS.get(name.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase());

/** The risk evaluation fields an issue body gives (first occurrence of each wins). */
export function parseAnomalyFields(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      const key = fieldKey(heading[1] as string);
      if (!key) continue;
      const text: string[] = [];
      let j = i + 1;
      for (; j < lines.length && !/^\s{0,3}#{1,6}\s/.test(lines[j] as string); j++)
        text.push(lines[j] as string);
      const value = text.join('\n').trim();
      if (value !== '' && !/^_no response_$/i.test(value) && out[key] === undefined) out[key] = value;
      i = j - 1;
      continue;
    }
    const m =
      /^\s*(?:[-*+]\s+)?(\*\*|__)?([A-Za-z][A-Za-z ]{1,40}?)\s*(?::\s*\1|\1\s*:|:|=)\s*(.+?)\s*$/.exec(line);
    if (!m) continue;
    const key = fieldKey(m[2] as string);
    const value = (m[3] as string).replace(/^\*\*|\*\*$/g, '').trim();
    if (key && value !== '' && out[key] === undefined) out[key] = value;
  }
  return out;
}

export function isEvaluated(fields: Record<string, string>): boolean {
  return EVALUATION_FIELDS.some((f) => fields[f] !== undefined);
}

/** Findings for the release: anomalies not listed, or listed without a risk evaluation. */
export function anomalyFindings(list: AnomalyList): string[] {
  if (list.source === 'none')
    return [`residual anomalies could not be listed: ${list.note ?? 'no platform API'}`];
  return list.items
    .filter((a) => !a.evaluated)
    .map(
      (a) =>
        `open anomaly #${a.number} ${a.title} has no risk evaluation (no ${EVALUATION_FIELDS.map((f) => ANOMALY_FIELDS[f]?.[0]).join(', ')} field in the issue)`,
    );
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function renderAnomalies(version: string, list: AnomalyList): string {
  const lines = [`# Residual anomalies: release ${version}`, ''];
  const labels = list.labels.map((l) => `\`${l}\``).join(', ');
  if (list.source === 'none') {
    lines.push(
      `**The residual anomalies could not be listed**: ${list.note ?? 'no platform API'}.`,
      '',
      `Open issues labelled ${labels} must be evaluated by hand for this release (IEC 62304 §5.8.3).`,
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `Open issues labelled ${labels} (any of them) at the time of the release, with the risk evaluation fields their issue gives (IEC 62304 §5.8.3, ISO 14971 §7.4).`,
    '',
  );
  if (list.items.length === 0) {
    lines.push('None.');
    return `${lines.join('\n')}\n`;
  }
  const cols = ['severity', 'probability', 'risk_evaluation', 'decision'];
  lines.push(
    '| Issue | Title | Labels | Severity | Probability | Risk evaluation | Decision |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const a of list.items)
    lines.push(
      `| [#${a.number}](${a.url}) | ${esc(a.title)} | ${esc(a.labels.join(', '))} | ${cols.map((c) => esc(a.fields[c] ?? (a.evaluated ? '' : '**not evaluated**'))).join(' | ')} |`,
    );
  const more = list.items.filter((a) => Object.keys(a.fields).some((k) => !cols.includes(k)));
  for (const a of more) {
    lines.push('', `## #${a.number} ${a.title}`, '');
    for (const [k, v] of Object.entries(a.fields))
      if (!cols.includes(k)) lines.push(`- **${ANOMALY_FIELDS[k]?.[0] ?? k}:** ${esc(v)}`);
  }
  return `${lines.join('\n')}\n`;
}
