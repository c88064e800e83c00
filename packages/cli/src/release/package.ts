import {
  DEFAULT_LINK_PATTERN,
  type DesignReview,
  type DesignReviewPolicyInput,
  type Evidence,
  evaluateDesignReview,
  findLinkedIds,
  MANIFEST_FILE,
  renderSha256Sums,
  sha256Hex,
} from '@regops/core';
import type { AnomalyList } from './anomalies';
import type { GitChange } from './git';
import { DESIGN_CONTROL_CHECK, type DesignControlCheck, type FetchedPull } from './github';

export const RELEASE_FILE = 'release.json';
export const DOCUMENTS_DIR = 'documents';
export const ANOMALIES_FILE = 'anomalies.md';

/** One change of the release: what git says, and the design review record when the platform answered. */
export interface ChangeRecord {
  id: string;
  number: number | null;
  platform: 'github' | 'gitlab' | null;
  kind: GitChange['kind'];
  /** api: the record was fetched from the platform; git: only the git history was available. */
  source: 'api' | 'git';
  commit: string;
  head_sha: string;
  base_sha: string | null;
  merged_at: string;
  title: string;
  author: string;
  url: string | null;
  labels: string[];
  type: string;
  links: { id: string; exists: boolean | null; title: string | null }[];
  approvals: {
    reviewer: string;
    submitted_at: string;
    commit_sha: string | null;
    counts: boolean;
    note: string | null;
  }[];
  reviews: DesignReview['record']['reviews'];
  check: DesignControlCheck | null;
  design_review: { verdict: 'pass' | 'fail'; reasons: DesignReview['reasons'] } | null;
  /** Why the review record is missing (API unavailable or failing), or null. */
  note: string | null;
  /** What an auditor must look at: missing or failing evidence. Empty when the change is fully evidenced. */
  findings: string[];
}

export interface ReleaseInfo {
  format: 'regops-release-1';
  tool: Evidence['tool'];
  version: string;
  from: { ref: string | null; sha: string | null; first_release: boolean };
  to: { ref: string; sha: string };
  /** Where the review records came from, and why not from the platform when they could not be fetched. */
  review_records: { source: 'api' | 'git'; platform: string | null; note: string | null };
  verification: { verdict: 'pass' | 'fail'; counts: Evidence['gate']['counts'] };
  /** Residual anomalies (IEC 62304 §5.8.3): open issues with the labels, or why they could not be listed. */
  anomalies: AnomalyList & { file: string };
  changes: { id: string; file: string; title: string; findings: number }[];
  findings: string[];
}

/** Change type from labels, for the release notes; the first matching group wins. */
const TYPE_GROUPS: { type: string; title: string; labels: string[] }[] = [
  {
    type: 'risk-control',
    title: 'Risk controls and safety',
    labels: ['risk', 'risk-control', 'safety', 'hazard'],
  },
  { type: 'fix', title: 'Fixes', labels: ['bug', 'fix', 'bugfix', 'anomaly', 'defect'] },
  { type: 'feature', title: 'Features', labels: ['feature', 'enhancement', 'feat'] },
  { type: 'model', title: 'Model and data changes', labels: ['model', 'retrain', 'data', 'dataset'] },
  { type: 'docs', title: 'Documentation', labels: ['docs', 'documentation'] },
];
const OTHER = { type: 'other', title: 'Other changes' };

export function changeType(labels: readonly string[]): string {
  const lower = labels.map((l) => l.toLowerCase().replace(/^(type|kind)[:/]\s*/, ''));
  return TYPE_GROUPS.find((g) => g.labels.some((l) => lower.includes(l)))?.type ?? OTHER.type;
}

const short = (sha: string) => sha.slice(0, 7);

export function changeId(c: GitChange): string {
  return c.number !== null ? String(c.number) : `commit-${short(c.commit)}`;
}

/** A change record from git only (no review record could be fetched). */
export function recordFromGit(
  c: GitChange,
  evidence: Evidence,
  linkPattern: string,
  note: string | null,
): ChangeRecord {
  const links = linkRecords(findLinkedIds(`${c.subject}\n${c.body}`, linkPattern), evidence);
  const findings: string[] = [];
  if (c.kind === 'direct')
    findings.push(`committed to the branch without a pull/merge request (${short(c.commit)})`);
  else if (c.number === null) findings.push(`merge ${short(c.commit)} names no pull/merge request number`);
  if (c.kind !== 'direct' && note !== null)
    findings.push(
      'no design review record: approvals and the regops/design-control conclusion are not evidenced',
    );
  if (links.length === 0) findings.push('links no requirement or change ID in the merge message');
  for (const l of links)
    if (l.exists === false) findings.push(`links ${l.id}, which is not in the requirements`);
  const title = c.body.split('\n')[0]?.trim() || c.subject;
  return {
    id: changeId(c),
    number: c.number,
    platform: c.platform,
    kind: c.kind,
    source: 'git',
    commit: c.commit,
    head_sha: c.head,
    base_sha: c.parents[0] ?? null,
    merged_at: c.date,
    title,
    author: c.author,
    url: null,
    labels: [],
    type: OTHER.type,
    links,
    approvals: [],
    reviews: [],
    check: null,
    design_review: null,
    note,
    findings,
  };
}

function linkRecords(ids: string[], evidence: Evidence): ChangeRecord['links'] {
  const byId = new Map(evidence.requirements.map((r) => [r.id.toLowerCase(), r]));
  const prefixes = new Set(evidence.requirements.map((r) => r.id.replace(/-[^-]*$/, '').toLowerCase()));
  return ids.map((id) => {
    const req = byId.get(id.toLowerCase());
    const known = prefixes.has(id.replace(/-[^-]*$/, '').toLowerCase());
    return { id, exists: req ? true : known ? false : null, title: req?.title ?? null };
  });
}

/** A change record from the platform's answer, judged with the project's review policy. */
export function recordFromApi(
  c: GitChange,
  pull: FetchedPull,
  evidence: Evidence,
  policy: DesignReviewPolicyInput,
): ChangeRecord {
  const review = evaluateDesignReview({
    change: pull.change,
    reviews: pull.reviews,
    changedFiles: null,
    requirements: evidence.requirements,
    policy,
  });
  const r = review.record;
  const findings: string[] = [];
  if (pull.check === null)
    findings.push(
      `no ${DESIGN_CONTROL_CHECK} check or status on the head commit ${short(r.change.head_sha)}`,
    );
  else if (pull.check.conclusion !== 'success')
    findings.push(
      `${DESIGN_CONTROL_CHECK} on ${short(r.change.head_sha)} ${pull.check.conclusion === null ? `has not completed (${pull.check.status})` : `concluded ${pull.check.conclusion}`}`,
    );
  for (const reason of review.reasons) findings.push(`design review: ${reason.message}`);
  if (c.kind === 'merge' && pull.change.headSha !== '' && pull.change.headSha !== c.head)
    findings.push(
      `the reviewed head ${short(pull.change.headSha)} is not the merged commit ${short(c.head)}: commits after the review?`,
    );
  return {
    id: changeId(c),
    number: c.number,
    platform: c.platform,
    kind: c.kind,
    source: 'api',
    commit: c.commit,
    head_sha: r.change.head_sha,
    base_sha: r.change.base_sha || null,
    merged_at: pull.mergedAt ?? c.date,
    title: r.change.title,
    author: r.change.author,
    url: r.change.url || null,
    labels: r.labels,
    type: changeType(r.labels),
    links: r.links,
    approvals: r.reviewers
      .filter((x) => x.state === 'approved')
      .map((x) => ({
        reviewer: x.reviewer,
        submitted_at: x.submitted_at,
        commit_sha: x.commit_sha,
        counts: x.counts,
        note: x.note,
      })),
    reviews: r.reviews,
    check: pull.check,
    design_review: { verdict: review.verdict, reasons: review.reasons },
    note: null,
    findings,
  };
}

export const defaultLinkPattern = (policy: DesignReviewPolicyInput) =>
  policy.link_pattern ?? DEFAULT_LINK_PATTERN;

// ---------------------------------------------------------------------------------------------------------
// Markdown

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderReleaseNotes(info: ReleaseInfo, changes: readonly ChangeRecord[]): string {
  const lines: string[] = [`# Release ${info.version}`, ''];
  lines.push(
    info.from.first_release
      ? `First release: no earlier release tag, so every change up to ${short(info.to.sha)} is included.`
      : `Changes from ${info.from.ref ?? short(info.from.sha ?? '')} (${short(info.from.sha ?? '')}) to ${info.to.ref} (${short(info.to.sha)}).`,
    '',
  );
  if (info.review_records.note) lines.push(`> **Note:** ${info.review_records.note}`, '');
  lines.push(
    `Verification on the release commit: **${info.verification.verdict.toUpperCase()}** (${info.verification.counts.pass} pass, ${info.verification.counts.fail} fail, ${info.verification.counts.warn} warn, ${info.verification.counts.error} error, ${info.verification.counts.skip} skip).`,
    '',
  );
  const groups = [...TYPE_GROUPS, OTHER];
  for (const g of groups) {
    const inGroup = changes.filter((c) => c.type === g.type);
    if (inGroup.length === 0) continue;
    lines.push(`## ${g.title}`, '');
    for (const c of inGroup) {
      const ref = c.number === null ? short(c.commit) : `${c.platform === 'gitlab' ? '!' : '#'}${c.number}`;
      const links =
        c.links.length === 0
          ? 'no linked requirement'
          : c.links.map((l) => (l.title ? `${l.id} (${l.title})` : l.id)).join(', ');
      const who = c.author ? ` by @${c.author}` : '';
      lines.push(`- ${ref} ${c.title}${who}: ${links} [record](changes/${c.id}.json)`);
    }
    lines.push('');
  }
  if (changes.length === 0) lines.push('No changes.', '');
  lines.push('## Residual anomalies', '');
  if (info.anomalies.source === 'none')
    lines.push(
      `Could not be listed: ${info.anomalies.note ?? 'no platform API'}. See ${info.anomalies.file}.`,
      '',
    );
  else
    lines.push(
      `${info.anomalies.items.length} open issue${info.anomalies.items.length === 1 ? '' : 's'} labelled ${info.anomalies.labels.join(' or ')}: see ${info.anomalies.file}.`,
      '',
    );
  lines.push('## Findings', '');
  if (info.findings.length === 0) lines.push('None: every change carries its design review evidence.', '');
  else lines.push(...info.findings.map((f) => `- ${f}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

const DOCUMENT_PURPOSE: Record<string, string> = {
  'comment.md': 'summary of the verification run (as posted on a pull/merge request)',
  'model-card.md': 'model card: intended use, performance, limitations of the released model',
  'dataset-card.md': 'dataset card (Datasheets for Datasets) of the datasets used',
  'traceability.md': 'full traceability matrix: requirement, risk control, check, result',
  'traceability.csv': 'full traceability matrix, as CSV',
  'traceability.html': 'full traceability matrix, as HTML',
  'report.html': 'full verification report of the release commit',
  'compliance.md': 'evidence mapped to IEC 62304, ISO 14971, GMLP, the PCCP and EU AI Act Annex IV',
  'sbom.cdx.json': 'CycloneDX SBOM: model, datasets, dependencies',
  'soup.md': 'SOUP list (IEC 62304 §5.3.3, §8.1.2)',
  'junit.xml': 'verification results as JUnit XML',
};

export function renderDesignHistoryIndex(
  info: ReleaseInfo,
  files: readonly string[],
  changes: readonly ChangeRecord[],
): string {
  const byFile = new Map(changes.map((c) => [`changes/${c.id}.json`, c]));
  const purpose = (f: string): string => {
    if (f === RELEASE_FILE) return 'release metadata: range, source of the review records, findings';
    if (f === 'release-notes.md')
      return 'released version documented: changes by type with their requirement links (IEC 62304 §5.8.4)';
    if (f === 'evidence.json')
      return 'evidence bundle of the verification re-run on the release commit; the documents re-render from it';
    if (f === 'design-history-index.md') return 'this index';
    if (f === ANOMALIES_FILE)
      return info.anomalies.source === 'api'
        ? `known residual anomalies: ${info.anomalies.items.length} open issue${info.anomalies.items.length === 1 ? '' : 's'} labelled ${info.anomalies.labels.join(' or ')}, with their risk evaluation (IEC 62304 §5.8.3)`
        : 'known residual anomalies: could not be listed (no platform API), to evaluate by hand (IEC 62304 §5.8.3)';
    if (f === MANIFEST_FILE) return 'SHA-256 of every other file (sha256sum --check SHA256SUMS)';
    const c = byFile.get(f);
    if (c)
      return `design review record of ${c.number === null ? short(c.commit) : `${c.platform === 'gitlab' ? '!' : '#'}${c.number}`} ${c.title} (${c.source === 'api' ? 'from the platform API' : 'from git history only'}${c.findings.length > 0 ? `; ${c.findings.length} finding${c.findings.length === 1 ? '' : 's'}` : ''})`;
    const doc = f.startsWith(`${DOCUMENTS_DIR}/`) ? f.slice(DOCUMENTS_DIR.length + 1) : null;
    if (doc !== null)
      return `${DOCUMENT_PURPOSE[doc] ?? 'document rendered from evidence.json'} (verification of the release commit)`;
    return '';
  };
  const lines = [
    `# Design history index: release ${info.version}`,
    '',
    `Release commit ${info.to.sha}; package format ${info.format}; ${info.tool.name} ${info.tool.version}.`,
    `Every file of the package, with what it evidences. \`regops verify\` re-checks ${MANIFEST_FILE} and re-renders the documents from evidence.json.`,
    '',
    '| File | Evidences |',
    '| --- | --- |',
    ...[...files, MANIFEST_FILE].sort().map((f) => `| ${esc(f)} | ${esc(purpose(f))} |`),
  ];
  return `${lines.join('\n')}\n`;
}

export const fileDigest = sha256Hex;
export { renderSha256Sums };
