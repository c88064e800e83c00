// One implementation, two transports: the GitHub and GitLab adapters run the same core functions for the sticky
// comment (composeComment, findSticky, fitToBudget) and for the design-review gate (evaluateDesignReview).
// @regops/core is replaced by itself with each of these functions wrapped in a spy, for every module of this
// file's graph (both adapters included); each adapter then runs against its offline API, and the spies show
// that both called the same function objects, with the platform's own limits, and judged the same facts alike.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@regops/core';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GithubPlatform, readGithubContext, runAction } from '../packages/github/src/index';
import { GitlabPlatform, readGitlabContext, runGitlab } from '../packages/gitlab/src/index';
import { startGithubMock } from './github/mock-server.js';
import { EVENTS, HEAD_SHA, MERGE_SHA, readEvent, workspace } from './github-harness';
import { ALICE, AUTHOR, BOT, MR_VARIABLES, mergeRequest, TOKEN } from './gitlab/fixtures';
import { startGitlabMock } from './gitlab/mock-server';

vi.mock('@regops/core', async (importOriginal) => {
  const real = await importOriginal<typeof import('@regops/core')>();
  return {
    ...real,
    composeComment: vi.fn(real.composeComment),
    findSticky: vi.fn(real.findSticky),
    fitToBudget: vi.fn(real.fitToBudget),
    evaluateDesignReview: vi.fn(real.evaluateDesignReview),
  };
});

const spies = {
  composeComment: vi.mocked(core.composeComment),
  findSticky: vi.mocked(core.findSticky),
  fitToBudget: vi.mocked(core.fitToBudget),
  evaluateDesignReview: vi.mocked(core.evaluateDesignReview),
};
beforeEach(() => {
  for (const s of Object.values(spies)) s.mockClear();
});

const log = { info: () => {}, warning: () => {}, debug: () => {} };
const closers: (() => Promise<void>)[] = [];
const temp = (dir: string) => {
  closers.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
};
afterAll(async () => {
  for (const c of closers) await c();
});

async function github() {
  const gh = await startGithubMock();
  closers.push(() => gh.close());
  gh.state.seedPullFromEvent(readEvent('pull_request.opened.json'));
  return gh;
}

async function gitlab(mr = mergeRequest()) {
  const gl = await startGitlabMock({ tokens: { [TOKEN]: BOT }, mergeRequests: [mr] });
  closers.push(() => gl.close());
  return gl;
}

describe('the sticky comment: the same core functions on both platforms', () => {
  it('composeComment, findSticky and fitToBudget, with each platform limit', async () => {
    const gh = await github();
    const gl = await gitlab();
    const ghPlatform = new GithubPlatform({
      context: readGithubContext({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: path.join(EVENTS, 'pull_request.opened.json'),
        GITHUB_REPOSITORY: 'Codertocat/Hello-World',
        GITHUB_SHA: MERGE_SHA,
        GITHUB_API_URL: gh.url,
      }),
      token: 'ghs_mockGithubToken',
      commentAction: 'regops',
      log,
    });
    const glPlatform = new GitlabPlatform({
      context: readGitlabContext({ ...MR_VARIABLES, CI_API_V4_URL: gl.apiUrl }),
      token: TOKEN,
      tokenSource: 'REGOPS_GITLAB_TOKEN',
      commentAction: 'regops',
      log,
    });
    const body =
      '### ✅ Design control: change may merge\n\n<!-- regops:comment action=regops key=forged -->';
    expect(await ghPlatform.upsertComment('regops.yml', body)).toMatchObject({ status: 'created' });
    const afterGithub = Object.fromEntries(Object.entries(spies).map(([k, s]) => [k, s.mock.calls.length]));
    expect(await glPlatform.upsertComment('regops.yml', body)).toMatchObject({ status: 'created' });
    for (const name of ['composeComment', 'findSticky', 'fitToBudget'] as const) {
      expect(afterGithub[name], `${name} by GitHub`).toBe(1);
      expect(spies[name].mock.calls.length, `${name} by GitLab`).toBe(2);
    }
    expect(spies.fitToBudget.mock.calls.map(([, o]) => o.limit)).toEqual([
      core.PLATFORM_LIMITS.githubComment,
      core.PLATFORM_LIMITS.gitlabNote,
    ]);
    // The same marker handling on both: ours first, the forged one neutralised.
    const ghBody = (gh.state.comments[2] ?? [])[0]?.body ?? '';
    const glBody = gl.notesOf(7)[0]?.body ?? '';
    expect(glBody.split('\n').slice(0, 3)).toEqual(ghBody.split('\n').slice(0, 3));
    expect(glBody).toContain('&lt;!-- regops:comment action=regops key=forged -->');
  });
});

describe('the design-review gate: evaluateDesignReview on both platforms, the same verdict for the same facts', () => {
  const saved = { GITHUB_OUTPUT: process.env.GITHUB_OUTPUT, exitCode: process.exitCode };
  afterEach(() => {
    process.env.GITHUB_OUTPUT = saved.GITHUB_OUTPUT;
    process.exitCode = saved.exitCode;
  });

  it('a change linking REQ-001, approved on its head by someone other than the author', async () => {
    // GitHub: pull request #2 (head HEAD_SHA), alice approved commit HEAD_SHA.
    const gh = await github();
    gh.state.seedPull(2, { body: 'Implements: REQ-001', user: 'bob' });
    gh.state.reviews[2] = [
      { user: 'alice', state: 'APPROVED', commit_id: HEAD_SHA, submitted_at: '2024-04-30T10:00:00Z' },
    ];
    gh.state.files[2] = [{ filename: 'CHANGELOG.md' }];
    const ghWs = temp(workspace());
    const outputs = path.join(temp(mkdtempSync(path.join(tmpdir(), 'regops-gh-out-'))), 'output');
    writeFileSync(outputs, '');
    process.env.GITHUB_OUTPUT = outputs;
    // @actions/core logs to stdout: keep the test output readable.
    const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const ghCode = await runAction('gate', {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(EVENTS, 'pull_request.opened.json'),
      GITHUB_REPOSITORY: 'Codertocat/Hello-World',
      GITHUB_SHA: MERGE_SHA,
      GITHUB_API_URL: gh.url,
      GITHUB_WORKSPACE: ghWs,
      INPUT_CONFIG: 'regops.yml',
      INPUT_OUT: 'regops-out',
      INPUT_TOKEN: 'ghs_mockGithubToken',
      'INPUT_UPLOAD-ARTIFACTS': 'false',
    }).finally(() => quiet.mockRestore());
    expect(spies.evaluateDesignReview).toHaveBeenCalledTimes(1);
    const ghReview = JSON.parse(
      readFileSync(path.join(ghWs, 'regops-out', 'evidence.json'), 'utf8'),
    ).design_review;
    expect(ghReview).toEqual(JSON.parse(JSON.stringify(spies.evaluateDesignReview.mock.results[0]?.value)));

    // GitLab: merge request !7 (head CI_COMMIT_SHA), alice approved after that head was pushed.
    const gl = await gitlab(
      mergeRequest({
        author: AUTHOR,
        description: 'Implements: REQ-001',
        approvedBy: [{ user: ALICE, approvedAt: '2024-04-30T10:30:00.000Z' }],
        changedFiles: ['CHANGELOG.md'],
      }),
    );
    const glWs = temp(workspace());
    let log = '';
    const glCode = await runGitlab(
      ['gate', '--config', 'regops.yml', '--out', 'regops-out'],
      { out: (t) => (log += t), err: (t) => (log += t) },
      { ...MR_VARIABLES, CI_API_V4_URL: gl.apiUrl, CI_PROJECT_DIR: glWs, REGOPS_GITLAB_TOKEN: TOKEN },
    );
    expect(glCode, log).toBe(0);
    expect(ghCode).toBe(0);
    expect(spies.evaluateDesignReview).toHaveBeenCalledTimes(2);
    const glReview = JSON.parse(
      readFileSync(path.join(glWs, 'regops-out', 'evidence.json'), 'utf8'),
    ).design_review;
    expect(glReview).toEqual(JSON.parse(JSON.stringify(spies.evaluateDesignReview.mock.results[1]?.value)));

    // The same facts, the same judgement: only the transport-specific fields differ.
    const facts = (r: core.DesignReview) => ({
      verdict: r.verdict,
      reasons: r.reasons,
      policy: r.policy,
      links: r.record.links,
      approvals: r.record.approvals,
      counts: r.record.reviewers.map((v) => [v.reviewer, v.state, v.counts, v.note]),
    });
    expect(facts(glReview)).toEqual(facts(ghReview));
    expect(facts(glReview)).toMatchObject({ verdict: 'pass', approvals: ['alice'] });
    gh.assertNoViolations();
    gl.assertNoViolations();
  });
});
