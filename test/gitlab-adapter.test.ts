// The GitLab platform adapter in-process against the offline GitLab API (test/gitlab/mock-server.ts): the
// run context from the predefined variables, the sticky note over several pages, someone else's marker,
// retries on 5xx/429, refusals (401, 403, 404) in words that say what to do, the commit status, and which
// commit an approval counts on. Every request is checked against the route's schema.
import { PLATFORM_LIMITS } from '@regops/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  changeFromMergeRequest,
  GitlabPlatform,
  parseGitlabArgs,
  readGitlabContext,
  readToken,
} from '../packages/gitlab/src/index';
import {
  ALICE,
  AUTHOR,
  BASE,
  BOT,
  CAROL,
  HEAD,
  MALLORY,
  MR_VARIABLES,
  mergeRequest,
  OLD_HEAD,
  TOKEN,
} from './gitlab/fixtures';
import { type GitlabMock, type GitlabMockOptions, startGitlabMock } from './gitlab/mock-server';

let gl: GitlabMock | undefined;
afterEach(async () => {
  gl?.assertNoViolations();
  await gl?.close();
  gl = undefined;
});

async function mock(options: GitlabMockOptions = {}): Promise<GitlabMock> {
  gl = await startGitlabMock({ tokens: { [TOKEN]: BOT }, mergeRequests: [mergeRequest()], ...options });
  return gl;
}

function platform(
  m: GitlabMock,
  over: { token?: string | null; env?: Record<string, string>; action?: string } = {},
) {
  const lines: string[] = [];
  const ctx = readGitlabContext({ ...MR_VARIABLES, CI_API_V4_URL: m.apiUrl, ...over.env });
  const p = new GitlabPlatform({
    context: ctx,
    token: over.token === undefined ? TOKEN : over.token,
    tokenSource: 'the CI/CD variable REGOPS_GITLAB_TOKEN',
    commentAction: over.action ?? 'regops',
    log: { info: (l) => lines.push(l), warning: (l) => lines.push(l), debug: () => {} },
    client: { retryDelayMs: 1 },
  });
  return { p, lines };
}

const MARKER = '<!-- regops:comment action=regops key=regops.yml -->';

describe('the run context from the predefined variables', () => {
  it('a merge request pipeline: project, MR, diff base, head, fork', () => {
    const ctx = readGitlabContext(MR_VARIABLES);
    expect(ctx.problem).toBeNull();
    expect(ctx).toMatchObject({
      platform: 'gitlab',
      event: 'merge_request_event',
      projectId: '1217',
      mergeRequestProjectId: '1217',
      sha: HEAD,
      apiUrl: 'https://gitlab.example.com/api/v4',
      runUrl: 'https://gitlab.example.com/acme/pima/-/jobs/4711',
    });
    expect(ctx.change).toMatchObject({
      number: 7,
      url: 'https://gitlab.example.com/acme/pima/-/merge_requests/7',
      baseSha: BASE,
      headSha: HEAD,
      labels: ['retrain', 'model'],
      fromFork: false,
    });
    const fork = readGitlabContext({ ...MR_VARIABLES, CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '4242' });
    expect(fork.change?.fromFork).toBe(true);
    // A merged-results pipeline runs on a merge commit: the head is the source branch's SHA.
    const merged = readGitlabContext({
      ...MR_VARIABLES,
      CI_MERGE_REQUEST_EVENT_TYPE: 'merged_result',
      CI_COMMIT_SHA: 'f'.repeat(40),
      CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: HEAD,
    });
    expect(merged.sha).toBe(HEAD);
  });

  it('a branch or tag pipeline has no change; outside GitLab CI there is a clear problem', () => {
    const branch = Object.fromEntries(
      Object.entries(MR_VARIABLES).filter(([k]) => !k.startsWith('CI_MERGE_REQUEST_')),
    );
    const ctx = readGitlabContext({ ...branch, CI_PIPELINE_SOURCE: 'push' });
    expect(ctx.change).toBeNull();
    expect(ctx.sha).toBe(HEAD);
    expect(readGitlabContext({}).problem).toBe(
      'CI_API_V4_URL and CI_SERVER_URL are not set: not running in GitLab CI?; CI_PROJECT_ID is not set: not running in GitLab CI?',
    );
  });

  it('the token comes from the variable the component names, never CI_JOB_TOKEN', () => {
    expect(readToken({ MY_TOKEN: ' glpat-x ' }, 'MY_TOKEN')).toMatchObject({
      token: 'glpat-x',
      problem: null,
    });
    expect(readToken({}, 'REGOPS_GITLAB_TOKEN').problem).toMatch(
      /^the CI\/CD variable REGOPS_GITLAB_TOKEN is not set, and CI_JOB_TOKEN cannot post merge request notes or commit statuses: create a project \(or group\) access token with the api scope/,
    );
    expect(readToken({ CI_JOB_TOKEN: 'x' }, 'CI_JOB_TOKEN')).toMatchObject({ token: null });
    expect(() => parseGitlabArgs(['full', '--token-variable', 'glpat-123abc'])).toThrow(
      /--token-variable: "glpat-123abc" is not a variable name; give the NAME of the CI\/CD variable/,
    );
    expect(() => parseGitlabArgs(['full', '--fail-on-unposted', 'yes', '--comment', '1'])).toThrow(
      'gitlab full: --comment: "1" is not true or false; --fail-on-unposted: "yes" is not true or false',
    );
    expect(() => parseGitlabArgs(['ful'])).toThrow('gitlab: unknown job "ful"; did you mean full?');
    expect(() => parseGitlabArgs(['full', '--statsu', 'true'])).toThrow(
      /unknown option --statsu; did you mean --status\?/,
    );
  });

  it('a merge request of the API becomes a ChangeRequest', () => {
    expect(
      changeFromMergeRequest({
        iid: 7,
        title: 'T',
        description: null,
        author: { username: 'bob' },
        labels: ['a'],
        target_branch: 'main',
        source_branch: 'f',
        sha: HEAD,
        diff_refs: { base_sha: BASE },
        source_project_id: 2,
        target_project_id: 1,
        web_url: 'u',
      }),
    ).toEqual({
      number: 7,
      url: 'u',
      title: 'T',
      body: '',
      author: 'bob',
      labels: ['a'],
      baseRef: 'main',
      baseSha: BASE,
      headRef: 'f',
      headSha: HEAD,
      fromFork: true,
    });
  });
});

describe('the sticky note', () => {
  it('finds ours on a later page, updates it, leaves a marker by someone else alone', async () => {
    const m = await mock();
    m.addNote(7, MALLORY, `${MARKER}\nforged`);
    for (let i = 0; i < 150; i++) m.addNote(7, AUTHOR, `comment ${i}`);
    const ours = m.addNote(7, BOT, `${MARKER}\nold`);
    const { p, lines } = platform(m);
    const outcome = await p.upsertComment('regops.yml', '### ✅ Design control: change may merge\n');
    expect(outcome).toEqual({
      status: 'updated',
      id: String(ours.id),
      url: `https://gitlab.example.com/acme/pima/-/merge_requests/7#note_${ours.id}`,
    });
    // Both pages were read (per_page 100), oldest first.
    expect(m.calls('notes.list').map((r) => [r.query.page ?? '1', r.query.per_page, r.query.sort])).toEqual([
      ['1', '100', 'asc'],
      ['2', '100', 'asc'],
    ]);
    expect(m.calls('user')).toHaveLength(1);
    expect(m.notesOf(7)).toHaveLength(152);
    expect(m.notesOf(7).find((n) => n.id === ours.id)?.body).toMatch(
      /^<!-- regops:comment action=regops key=regops\.yml -->\n### ✅ Design control/,
    );
    expect(m.notesOf(7)[0]?.body).toBe(`${MARKER}\nforged`);
    expect(lines).toContain(
      '1 note(s) carry the RegOps marker but were written by someone else (not project_1217_bot_3f2a9c): left alone',
    );
  });

  it('creates one note, then updates it; deletes a duplicate of ours', async () => {
    const m = await mock();
    const { p } = platform(m);
    expect(await p.upsertComment('regops.yml', 'first')).toMatchObject({ status: 'created' });
    m.addNote(7, BOT, `${MARKER}\nduplicate`);
    expect(await p.upsertComment('regops.yml', 'second')).toMatchObject({ status: 'updated' });
    expect(m.notesOf(7).map((n) => n.body.split('\n')[1])).toEqual(['second']);
    // Another key or action is another note.
    expect(await p.upsertComment('other.yml', 'third')).toMatchObject({ status: 'created' });
    expect(m.notesOf(7)).toHaveLength(2);
  });

  it('fits the note to GitLab limit of 1,000,000 characters', async () => {
    const m = await mock();
    const { p } = platform(m);
    const huge = `### ❌ Design control: change blocked\n\n#### Failures\n\n${Array.from({ length: 20_000 }, (_, i) => `- **check-${i}** failed: ${'x'.repeat(60)}`).join('\n')}\n`;
    expect(huge.length).toBeGreaterThan(PLATFORM_LIMITS.gitlabNote);
    await p.upsertComment('regops.yml', huge);
    const body = m.notesOf(7)[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(PLATFORM_LIMITS.gitlabNote);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body.trimEnd().endsWith('[Full report](https://gitlab.example.com/acme/pima/-/jobs/4711)')).toBe(
      true,
    );
  });

  it('502 twice then success: retried, still one note', async () => {
    const m = await mock();
    const { p, lines } = platform(m);
    await p.upsertComment('regops.yml', 'first');
    m.inject({ method: 'PUT', path: /\/notes\/\d+$/, status: 502, times: 2 });
    m.inject({ method: 'GET', path: /\/notes$/, status: 429, times: 1, headers: { 'retry-after': '0' } });
    expect(await p.upsertComment('regops.yml', 'second')).toMatchObject({ status: 'updated' });
    expect(m.notesOf(7)).toHaveLength(1);
    expect(m.calls('notes.update').map((r) => r.status)).toEqual([502, 502, 200]);
    expect(
      lines.filter((l) => /^GitLab (PUT|GET) .*: (502|429) .*; retry \d\/4 in \d+ ms$/.test(l)),
    ).toHaveLength(3);
  });

  it('a 5xx that outlasts the retries throws (the job logs it as not posted)', async () => {
    const m = await mock();
    const { p } = platform(m);
    m.inject({ method: 'GET', path: /\/notes$/, status: 503, times: 10 });
    await expect(p.upsertComment('regops.yml', 'x')).rejects.toThrow(/503/);
    expect(m.calls('notes.list').map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
  });

  it('401, 403 and 404 are refusals that say what to do', async () => {
    const m = await mock();
    const refused = await platform(m, { token: 'glpat-revoked' }).p.upsertComment('regops.yml', 'x');
    expect(refused).toEqual({
      status: 'skipped',
      reason:
        'the note on merge request !7: GitLab refused the token in the CI/CD variable REGOPS_GITLAB_TOKEN (401 401 Unauthorized): it has expired, was revoked or is not a token of this GitLab; create a project access token with the api scope and store it in the CI/CD variable REGOPS_GITLAB_TOKEN',
    });
    const missing = await platform(m, { env: { CI_MERGE_REQUEST_IID: '99' } }).p.upsertComment(
      'regops.yml',
      'x',
    );
    expect(missing).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(
        /^the note on merge request !99: not found \(404 404 Merge Request Not Found\); does the token's user have access to acme\/pima\?$/,
      ),
    });
    m.inject({ method: 'POST', path: /\/statuses\//, status: 403, body: { message: '403 Forbidden' } });
    const status = await platform(m).p.setStatus('regops/design-control', 'success', 'ok');
    expect(status).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(
        /^the commit status regops\/design-control: the token in .* may not do this \(403 403 Forbidden\): it needs the api scope and the Developer role in acme\/pima$/,
      ),
    });
  });

  it('without a token or outside a merge request pipeline nothing is sent, with the reason', async () => {
    const m = await mock();
    const none = platform(m, { token: null }).p;
    expect(await none.upsertComment('k', 'x')).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/^no token/),
    });
    expect(none.capabilities()).toMatchObject({
      comment: false,
      commitStatus: false,
      reviews: false,
      checkRun: false,
    });
    const branch = platform(m, { env: { CI_MERGE_REQUEST_IID: '', CI_PIPELINE_SOURCE: 'push' } }).p;
    expect(branch.capabilities().reason.comment).toBe(
      'no merge request for this push pipeline (notes and approvals belong to merge request pipelines)',
    );
    expect(m.requests).toHaveLength(0);
  });
});

describe('the commit status', () => {
  it('regops/design-control on the head in this pipeline; failure is failed; long text is cut', async () => {
    const m = await mock();
    const { p } = platform(m);
    expect(
      await p.setStatus('regops/design-control', 'failure', 'd'.repeat(400), 'https://gitlab.example.com/x'),
    ).toEqual({
      status: 'done',
      url: 'https://gitlab.example.com/x',
    });
    const s = m.latestStatus(HEAD, 'regops/design-control');
    expect(s).toMatchObject({ state: 'failed', pipelineId: 1001, targetUrl: 'https://gitlab.example.com/x' });
    expect(Array.from(s?.description ?? '')).toHaveLength(255);
    await p.setStatus('regops/design-control', 'success', 'ok');
    expect(m.latestStatus(HEAD, 'regops/design-control')?.state).toBe('success');
    // A merged-results pipeline ran on a merge commit: the status goes on the head, without its pipeline.
    const merged = platform(m, {
      env: {
        CI_MERGE_REQUEST_EVENT_TYPE: 'merged_result',
        CI_COMMIT_SHA: 'f'.repeat(40),
        CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: HEAD,
      },
    }).p;
    await merged.setStatus('regops/design-control', 'success', 'ok');
    expect(m.latestStatus(HEAD, 'regops/design-control')?.pipelineId).toBeNull();
  });
});

describe('approvals as reviews: which commit an approval is on', () => {
  const approvals = [
    { user: ALICE, approvedAt: '2024-04-30T10:30:00.000Z' }, // after HEAD was pushed
    { user: CAROL, approvedAt: '2024-04-30T09:30:00.000Z' }, // between the pushes: OLD_HEAD
    { user: MALLORY }, // an older GitLab: no approved_at
  ];

  it('from the diff version current at the approval time', async () => {
    const m = await mock({ mergeRequests: [mergeRequest({ approvedBy: approvals })] });
    expect(await platform(m).p.listReviews()).toEqual([
      { reviewer: 'alice', state: 'approved', commitSha: HEAD, submittedAt: '2024-04-30T10:30:00.000Z' },
      { reviewer: 'carol', state: 'approved', commitSha: OLD_HEAD, submittedAt: '2024-04-30T09:30:00.000Z' },
      { reviewer: 'mallory', state: 'approved', commitSha: null, submittedAt: '' },
    ]);
    expect(m.calls('project.approvals').map((r) => r.status)).toEqual([404]);
  });

  it('the current head when the project resets approvals on push', async () => {
    const m = await mock({
      resetApprovalsOnPush: true,
      mergeRequests: [mergeRequest({ approvedBy: approvals })],
    });
    const reviews = await platform(m).p.listReviews();
    expect(reviews.map((r) => r.commitSha)).toEqual([HEAD, HEAD, HEAD]);
    expect(m.calls('mr.versions')).toHaveLength(0);
  });

  it('changed files from the diffs, every page', async () => {
    const files = Array.from({ length: 130 }, (_, i) => `data/part-${i}.csv`);
    const m = await mock({ mergeRequests: [mergeRequest({ changedFiles: files })] });
    expect(await platform(m).p.changedFiles()).toEqual(files);
    expect(m.calls('mr.diffs')).toHaveLength(2);
  });
});
