// The committed action bundles, run as the GitHub runner runs them (test/github-harness.ts), against the offline
// GitHub API that validates every request against GitHub's published OpenAPI description. What cannot run here:
// the artifact upload (@actions/artifact needs the runner's ACTIONS_RUNTIME_TOKEN and results service), so every
// run below logs that it skipped it and the files stay in the output directory, which the tests read.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GithubMock, startGithubMock } from './github/mock-server.js';
import {
  type BundleRun,
  EVENTS,
  forkEventFile,
  HEAD_SHA,
  readEvent,
  runBundle,
  workspace,
  writeEventFile,
} from './github-harness';

const OLD_SHA = '1111111111111111111111111111111111111111';

function markerOf(body: string): string | null {
  return /^<!-- regops:comment action=(\S+) key=(\S+) -->/.exec(body)?.slice(1).join(' ') ?? null;
}

function evidenceOf(run: BundleRun): {
  gate: { verdict: string };
  design_review: { verdict: string; reasons: { code: string; message: string }[] } | null;
  run: { platform: string; change: { number: number } | null };
  results: { id: string; status: string; metrics: { name: string; value: number | null }[] }[];
} {
  return JSON.parse(readFileSync(run.outputs.evidence ?? '', 'utf8'));
}

let validated = 0;
const seen: GithubMock[] = [];
async function mock(): Promise<GithubMock> {
  const gh = await startGithubMock();
  gh.state.seedPullFromEvent(readEvent('pull_request.opened.json'));
  seen.push(gh);
  return gh;
}
afterAll(async () => {
  for (const gh of seen) {
    validated += gh.requests.length;
    gh.assertNoViolations();
    await gh.close();
  }
  console.log(`github-actions: ${validated} requests validated against the OpenAPI subset, 0 violations`);
});

describe('the root action on a pull request', () => {
  let gh: GithubMock;
  const runs: BundleRun[] = [];
  let ws: string;
  beforeAll(async () => {
    gh = await mock();
    // 120 comments by others: the sticky comment is on the second page and found by following the Link header.
    gh.state.seedComments(2, 120);
    ws = workspace();
    runs.push(await runBundle({ action: 'regops', workspace: ws, mock: gh }));
  });

  it('creates one comment and one check run on the head commit, with the evidence verdict', () => {
    const [first] = runs;
    expect(first?.log).not.toMatch(/internal error|\n\s+at /);
    expect(first?.code).toBe(0);
    const ours = (gh.state.comments[2] ?? []).filter((c) => markerOf(c.body) !== null);
    expect(ours).toHaveLength(1);
    expect(markerOf(ours[0]?.body ?? '')).toBe('regops regops.yml');
    expect(ours[0]?.user.login).toBe('github-actions[bot]');
    const checks = gh.state.checkRunsFor(HEAD_SHA);
    expect(checks).toHaveLength(1);
    expect(checks[0]?.name).toBe('regops/design-control');
    expect(checks[0]?.conclusion).toBe('success');
    expect(evidenceOf(first as BundleRun).gate.verdict).toBe('pass');
    expect(first?.outputs.verdict).toBe('pass');
    expect(first?.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);
    expect(first?.summary).toMatch(/Design control: change may merge/);
    // Annotations: the warnings, on the line of their check entry in regops.yml.
    const annotations = gh.state.annotations[checks[0]?.id ?? 0] ?? [];
    expect(annotations.length).toBeGreaterThan(0);
    const lines = readFileSync(path.join(ws, 'regops.yml'), 'utf8').split('\n');
    for (const a of annotations) {
      expect(a.path).toBe('regops.yml');
      expect(lines[a.start_line - 1]).toMatch(/^\s*- id: /);
    }
    // The artifact service is the one part that cannot run here: the run says so and keeps the files.
    expect(first?.log).toMatch(
      /artifact not uploaded: the artifact service is not available \(no ACTIONS_RUNTIME_TOKEN/,
    );
    expect(readdirSync(first?.outputs.out ?? '')).toEqual(
      expect.arrayContaining(['evidence.json', 'report.html']),
    );
  });

  it('three reruns leave one comment, updated in place, and a conclusion that matches the evidence', async () => {
    for (let i = 0; i < 3; i++) runs.push(await runBundle({ action: 'regops', workspace: ws, mock: gh }));
    for (const r of runs) expect(r.code).toBe(0);
    const ours = (gh.state.comments[2] ?? []).filter((c) => markerOf(c.body) !== null);
    expect(ours).toHaveLength(1);
    const writes = gh.requests.filter((r) => r.operationId?.startsWith('issues/') && r.method !== 'GET');
    expect(writes.map((r) => `${r.operationId} ${r.status}`)).toEqual([
      'issues/create-comment 201',
      'issues/update-comment 200',
      'issues/update-comment 200',
      'issues/update-comment 200',
    ]);
    // Every listing followed GitHub's Link header to page 2 (the /repositories/{id}/… form, verbatim).
    expect(gh.requests.filter((r) => r.url.startsWith('/repositories/')).length).toBe(4);
    const latest = gh.requests.filter((r) => r.operationId === 'checks/create').at(-1);
    const evidence = evidenceOf(runs.at(-1) as BundleRun);
    expect((latest?.response as { conclusion?: string } | undefined)?.conclusion).toBe(
      evidence.gate.verdict === 'pass' ? 'success' : 'failure',
    );
    gh.assertNoViolations();
  });
});

describe('the gate action (design control)', () => {
  it('fails with the reason listed for a missing requirement link or an approval on an older commit, and passes once both are right', async () => {
    const gh = await mock();
    const ws = workspace();
    const checkOf = () => gh.state.checkRunsFor(HEAD_SHA).at(-1);

    // 1. The fixture's description links nothing; nobody approved.
    const noLink = await runBundle({ action: 'gate', workspace: ws, mock: gh });
    expect(noLink.code).toBe(1);
    expect(noLink.outputs.verdict).toBe('fail');
    expect(noLink.outputs.gate).toBe('pass');
    expect(noLink.outputs['design-review']).toBe('fail');
    expect(evidenceOf(noLink).design_review?.reasons.map((r) => r.code)).toContain('missing_link');
    expect(noLink.log).toMatch(/::error::design control failed:.*no design input is linked/);
    expect(checkOf()?.conclusion).toBe('failure');
    expect(checkOf()?.output.summary).toMatch(/`missing_link`: no design input is linked/);

    // 2. Linked, but the only approval is on an older commit.
    const pull = gh.state.pulls[2];
    if (!pull) throw new Error('PR #2 not seeded');
    pull.body = 'Retrains the candidate.\n\nImplements: REQ-001';
    gh.state.reviews[2] = [
      { user: 'hubot', state: 'APPROVED', commit_id: OLD_SHA, submitted_at: '2024-05-01T10:00:00Z' },
    ];
    const stale = await runBundle({ action: 'gate', workspace: ws, mock: gh });
    expect(stale.code).toBe(1);
    const codes = evidenceOf(stale).design_review?.reasons.map((r) => r.code);
    expect(codes).toContain('stale_approval');
    expect(codes).not.toContain('missing_link');
    expect(checkOf()?.output.summary).toMatch(
      /`stale_approval` hubot: approval by hubot is on 1111111, not on the head ec26c3e/,
    );
    expect(stale.log).toMatch(/approval by hubot is on 1111111, not on the head ec26c3e: re-approve/);

    // 3. Approved on the head commit: the design control passes.
    gh.state.reviews[2]?.push({
      user: 'hubot',
      state: 'APPROVED',
      commit_id: HEAD_SHA,
      submitted_at: '2024-05-01T11:00:00Z',
    });
    const ok = await runBundle({ action: 'gate', workspace: ws, mock: gh });
    expect(ok.code).toBe(0);
    expect(ok.outputs.verdict).toBe('pass');
    const review = evidenceOf(ok).design_review;
    expect(review?.verdict).toBe('pass');
    expect(review?.reasons).toEqual([]);
    expect(checkOf()?.conclusion).toBe('success');
    // The record in the evidence: the link, and who approved which commit when.
    const record = JSON.parse(readFileSync(ok.outputs.evidence ?? '', 'utf8')).design_review.record;
    expect(record.links).toEqual([{ id: 'REQ-001', exists: true, title: expect.any(String) }]);
    expect(record.approvals).toEqual(['hubot']);
    expect(record.reviews.map((r: { commit_sha: string }) => r.commit_sha)).toEqual([OLD_SHA, HEAD_SHA]);
    // One gate comment throughout, updated.
    expect((gh.state.comments[2] ?? []).filter((c) => markerOf(c.body) === 'gate regops.yml')).toHaveLength(
      1,
    );
    expect(gh.state.comments[2]?.[0]?.body).toMatch(/Design review of #2: ✅ complete/);
  });
});

describe('bad answers from GitHub', () => {
  it('retries a 502 twice and posts exactly one comment', async () => {
    const gh = await mock();
    gh.failNext('POST', 'issues/create-comment', [{ status: 502 }, { status: 502 }]);
    const run = await runBundle({ action: 'data-check', workspace: workspace(), mock: gh });
    expect(run.code).toBe(0);
    const creates = gh.requests.filter((r) => r.operationId === 'issues/create-comment');
    expect(creates.map((r) => r.status)).toEqual([502, 502, 201]);
    expect(gh.state.comments[2]).toHaveLength(1);
    expect(markerOf(gh.state.comments[2]?.[0]?.body ?? '')).toBe('data-check regops.yml');
    expect(gh.state.checkRunsFor(HEAD_SHA).map((c) => c.name)).toEqual(['regops/data-check']);
  });

  it("a fork's read-only token (403): no crash, summary and evidence written, the log says why nothing was posted", async () => {
    const gh = await mock();
    gh.state.readOnly = true;
    const ws = workspace();
    const run = await runBundle({
      action: 'drift',
      workspace: ws,
      mock: gh,
      event: { name: 'pull_request', path: forkEventFile() },
    });
    expect(run.log).not.toMatch(/internal error|\n\s+at /);
    expect(run.code).toBe(0); // the drift checks pass: the exit code is the gate's
    expect(run.summary).toMatch(/Design control: change may merge/);
    expect(readdirSync(path.join(ws, 'regops-out', 'drift')).sort()).toEqual(
      expect.arrayContaining(['evidence.json', 'comment.md', 'report.html', 'traceability.md']),
    );
    expect(run.log).toMatch(
      /::warning::RegOps posted no comment: the comment on pull request #2: the token is read-only \(403 Resource not accessible by integration\) because this pull request comes from a fork; post from a second workflow on workflow_run/,
    );
    expect(run.log).toMatch(/::warning::RegOps posted no check run regops\/drift: .*read-only.*fork/);
    expect(run.log).toMatch(/artifact not uploaded: the artifact service is not available/);
    expect(gh.state.comments[2] ?? []).toEqual([]);
    expect(gh.state.checkRuns).toEqual([]);
    expect(gh.state.statuses[HEAD_SHA] ?? []).toEqual([]);
  });

  it('an unsupported event: runs locally, writes the evidence, says why nothing is posted, exit code of the gate', async () => {
    const gh = await mock();
    const ws = workspace();
    const run = await runBundle({
      action: 'data-check',
      workspace: ws,
      mock: gh,
      event: { name: 'issue_comment', path: path.join(EVENTS, 'pull_request.opened.json') },
    });
    expect(run.code).toBe(0);
    expect(run.log).toMatch(
      /::warning::RegOps runs locally and posts nothing to GitHub: the event "issue_comment" is not supported/,
    );
    expect(existsSync(path.join(ws, 'regops-out', 'data-check', 'evidence.json'))).toBe(true);
    expect(gh.requests).toEqual([]);
  });

  it('an action that contradicts the config (model-test on a config without model checks): says so, fails the gate', async () => {
    const ws = workspace();
    writeFileSync(
      path.join(ws, 'data-only.yml'),
      'version: 1\nproject:\n  name: Data only\ndatasets:\n  train:\n    path: data/train.csv\n    role: train\nrequirements: requirements.yml\nchecks:\n  - id: duplicates\n    type: data.duplicates\n    verifies: [REQ-008]\n',
    );
    const run = await runBundle({
      action: 'model-test',
      workspace: ws,
      mock: await mock(),
      inputs: { config: 'data-only.yml' },
    });
    expect(run.code).toBe(1);
    expect(run.log).toMatch(
      /::error::data-only.yml declares no model checks: model-test has nothing to verify/,
    );
    expect(run.log).toMatch(/::error::design control failed:%0A {2}- no check produced a result/);
    expect(existsSync(path.join(ws, 'regops-out', 'model-test', 'evidence.json'))).toBe(true);
  });

  it('bad inputs: one clear line per mistake, exit code 2, no stack trace', async () => {
    const run = await runBundle({
      action: 'model-test',
      workspace: workspace(),
      inputs: { comment: 'yes', 'artifact-name': 'a/b', config: 'missing.yml' },
    });
    expect(run.code).toBe(2);
    expect(run.log).toMatch(
      /::error::2 problems:%0A {2}- model-test: input comment: "yes" is not true or false/,
    );
    expect(run.log).toMatch(/input artifact-name: "a\/b" may not contain/);
    expect(run.log).not.toMatch(/\n\s+at /);
    const missing = await runBundle({
      action: 'model-test',
      workspace: workspace(),
      inputs: { config: 'nope.yml' },
    });
    expect(missing.code).toBe(2);
    expect(missing.log).toMatch(/::error::.*nope\.yml.*not found/);
  });
});

describe('the docs action (second workflow of the fork pattern)', () => {
  it('posts the evidence of a verify run for the pull request it names, only when the head matches', async () => {
    const gh = await mock();
    const ws = workspace();
    const verify = await runBundle({
      action: 'gate',
      workspace: ws,
      inputs: { comment: 'false', 'check-run': 'false', 'fail-on-gate': 'false' },
      event: { name: 'pull_request', path: forkEventFile() },
      mock: gh,
    });
    expect(verify.code).toBe(0);
    expect(verify.log).toMatch(/fail-on-gate: false, so this step passes/);
    const workflowRun = (headSha: string) =>
      writeEventFile({
        action: 'completed',
        workflow_run: {
          id: 7001,
          event: 'pull_request',
          head_sha: headSha,
          pull_requests: [],
          conclusion: 'success',
        },
        repository: readEvent('pull_request.opened.json').repository,
      });
    const evidence = path.join('regops-out', 'gate', 'evidence.json');

    const other = await runBundle({
      action: 'docs',
      workspace: ws,
      mock: gh,
      inputs: { evidence },
      event: { name: 'workflow_run', path: workflowRun(OLD_SHA) },
    });
    expect(other.log).toMatch(
      /the evidence names pull request #2, whose head ec26c3e is not the commit 1111111/,
    );
    expect(gh.state.comments[2] ?? []).toEqual([]);

    const docs = await runBundle({
      action: 'docs',
      workspace: ws,
      mock: gh,
      inputs: { evidence },
      event: { name: 'workflow_run', path: workflowRun(HEAD_SHA) },
    });
    expect(docs.code).toBe(1); // the design review of the fixture fails (no link, no approval)
    expect(gh.state.comments[2]).toHaveLength(1);
    expect(markerOf(gh.state.comments[2]?.[0]?.body ?? '')).toBe(`docs ${evidence}`);
    expect(gh.state.comments[2]?.[0]?.body).toMatch(/Design review of #2: ❌ not complete/);
    expect(gh.state.checkRunsFor(HEAD_SHA).map((c) => [c.name, c.conclusion])).toEqual([
      ['regops/design-control', 'failure'],
    ]);
  });

  it('without a token: writes the documents and says that nothing is posted', async () => {
    const ws = workspace();
    const gh = await mock();
    await runBundle({
      action: 'data-check',
      workspace: ws,
      inputs: { comment: 'false', 'check-run': 'false' },
      mock: gh,
    });
    const run = await runBundle({
      action: 'docs',
      workspace: ws,
      inputs: { token: '', evidence: 'regops-out/data-check/evidence.json' },
      mock: gh,
    });
    expect(run.code).toBe(0);
    expect(run.log).toMatch(/::warning::RegOps posted no comment: no token: the token input is empty/);
    expect(existsSync(path.join(ws, 'regops-out', 'docs', 'report.html'))).toBe(true);
  });
});
