import path from 'node:path';
import type { DesignReview } from './design-review';
import type { Evidence } from './evidence';
import type { Annotation, CheckConclusion } from './platform';
import type { Project } from './project';

/**
 * What the GitHub and GitLab integrations publish, in Markdown: the design-review section, the check-run output and the annotations.
 * The body of the comment itself is the engine's comment.md (rendered from the evidence by @regops/docs).
 */

export type Verdict = 'pass' | 'fail';

/** The design control: the evidence's verification gate and, when judged, the design review. */
export function overallVerdict(e: Evidence): Verdict {
  return e.gate.verdict === 'pass' && (e.design_review?.verdict ?? 'pass') === 'pass' ? 'pass' : 'fail';
}

const esc = (s: string) => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
const short = (sha: string | null) => (sha ? `\`${sha.slice(0, 7)}\`` : 'an unrecorded commit');

/** The design-review section: verdict, every reason (what to do), and the record (links, reviewers, labels). */
export function designReviewMarkdown(review: DesignReview): string {
  const r = review.record;
  const lines: string[] = [];
  lines.push(
    review.verdict === 'pass'
      ? `#### Design review of #${r.change.number}: ✅ complete`
      : `#### Design review of #${r.change.number}: ❌ not complete`,
    '',
  );
  if (review.reasons.length > 0) {
    for (const reason of review.reasons) {
      lines.push(`- ❌ \`${reason.code}\`${reason.ref ? ` ${esc(reason.ref)}` : ''}: ${reason.message}`);
    }
    lines.push('');
  }
  const links =
    r.links.length === 0
      ? 'none'
      : r.links
          .map(
            (l) =>
              `${l.exists === false ? '❌' : l.exists === null ? '❔' : '✅'} ${esc(l.id)}${l.title ? ` (${esc(l.title)})` : ''}`,
          )
          .join(', ');
  lines.push(`**Design inputs linked:** ${links}`, '');
  lines.push(
    `**Approvals on the head ${short(r.change.head_sha)}:** ${r.approvals.length === 0 ? 'none' : r.approvals.map(esc).join(', ')}${r.labels.length > 0 ? ` · **Labels:** ${r.labels.map(esc).join(', ')}` : ''}`,
    '',
  );
  if (r.reviewers.length > 0) {
    lines.push('<details><summary>Design review record</summary>', '');
    lines.push('| Reviewer | Review | Commit | Submitted | Counts |', '|---|---|---|---|---|');
    for (const v of r.reviewers) {
      lines.push(
        `| ${esc(v.reviewer)} | ${v.state.replace('_', ' ')} | ${short(v.commit_sha)} | ${esc(v.submitted_at)} | ${v.counts ? '✅ yes' : `no: ${esc(v.note ?? '')}`} |`,
      );
    }
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}

/**
 * The comment (and job summary) body: the engine's comment with the design review first. When the review
 * blocks a change whose verification passed, the engine's "change may merge" heading says what it is.
 */
export function commentBody(e: Evidence, engineComment: string): string {
  const review = e.design_review;
  const engine = engineComment.replace(/^\uFEFF?\s*<!--\s*regops:comment\b[^>]*-->[ \t]*\r?\n?/, '');
  if (!review) return engine;
  const adjusted =
    review.verdict === 'fail'
      ? engine.replace(
          /^### ✅ Design control: change may merge$/m,
          '### ✅ Verification passed (the design review above blocks the change)',
        )
      : engine;
  return `${designReviewMarkdown(review)}\n${adjusted}`;
}

function countsText(e: Evidence): string {
  const c = e.gate.counts;
  return `${c.pass ?? 0} pass, ${c.fail ?? 0} fail, ${c.warn ?? 0} warn, ${c.error ?? 0} error, ${c.skip ?? 0} skip`;
}

/** Check-run title (also the commit-status description): short, says the verdict and why. */
export function checkTitle(e: Evidence): string {
  const verdict = overallVerdict(e);
  const why: string[] = [];
  if (e.gate.verdict === 'fail') why.push(`${e.gate.reasons.length} gate reason(s)`);
  if (e.design_review?.verdict === 'fail')
    why.push(`design review: ${e.design_review.reasons.length} reason(s)`);
  return verdict === 'pass'
    ? `Design control passed (${countsText(e)})`
    : `Design control failed: ${why.join('; ')} (${countsText(e)})`;
}

/** The check-run summary: the verdict, every reason for failing, then the engine's comment. */
export function checkSummary(e: Evidence, engineComment: string): string {
  const verdict = overallVerdict(e);
  const lines = [`## ${verdict === 'pass' ? '✅' : '❌'} ${checkTitle(e)}`, ''];
  const reasons = [
    ...e.gate.reasons.map((r) => `\`${r.code}\`${r.ref ? ` ${esc(r.ref)}` : ''}: ${r.message}`),
    ...(e.design_review?.reasons ?? []).map(
      (r) => `design review \`${r.code}\`${r.ref ? ` ${esc(r.ref)}` : ''}: ${r.message}`,
    ),
  ];
  if (reasons.length > 0) {
    lines.push('**Gate reasons**', '');
    for (const r of reasons) lines.push(`- ${r}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n${commentBody(e, engineComment)}`;
}

export function conclusion(e: Evidence): CheckConclusion {
  return overallVerdict(e) === 'pass' ? 'success' : 'failure';
}

/**
 * An annotation for every result that failed, errored or warns, on the line of its check's entry in regops.yml
 * (the config path relative to the repository). None when the config lies outside the workspace.
 */
export function annotationsFor(project: Project, e: Evidence, workspace: string): Annotation[] {
  const rel = path.relative(workspace, project.configPath);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return [];
  const file = rel.split(path.sep).join('/');
  const out: Annotation[] = [];
  for (const r of e.results) {
    if (r.status !== 'fail' && r.status !== 'error' && r.status !== 'warn') continue;
    const index = project.config.checks.findIndex((c) => r.id === c.id || r.id.startsWith(`${c.id}/`));
    const pos = index >= 0 ? project.configFile.locate(['checks', index]) : undefined;
    const line = pos?.line ?? 1;
    out.push({
      path: file,
      startLine: line,
      endLine: line,
      level: r.status === 'warn' ? 'warning' : 'failure',
      title: `${r.id}: ${r.status}`,
      message: `${r.title}: ${r.message}`,
    });
  }
  return out;
}

/** result id → { metric name → value }, for the `metrics` output. */
export function metricsOutput(e: Evidence): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of e.results) {
    if (r.metrics.length === 0) continue;
    const m: Record<string, number> = {};
    for (const x of r.metrics)
      if (typeof x.value === 'number' && Number.isFinite(x.value)) m[x.name] = x.value;
    out[r.id] = m;
  }
  return out;
}
