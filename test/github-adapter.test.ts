// The GitHub platform adapter in-process against the offline GitHub API: the event context, the sticky comment
// (duplicates, someone else's marker, a comment deleted between listing and editing), check runs with more than
// 50 annotations and a summary over the limit, the commit-status fallback for a personal token, rate limits, the
// job summary's 1 MiB, and the inputs. Every request is validated against the OpenAPI subset.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Annotation, PLATFORM_LIMITS } from '@regops/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  GithubPlatform,
  type GithubRunContext,
  readGithubContext,
  readInputs,
} from '../packages/github/src/index';
import { type GithubMock, type GithubMockOptions, startGithubMock } from './github/mock-server.js';
import { EVENTS, forkEventFile, HEAD_SHA, MERGE_SHA, readEvent } from './github-harness';

let gh: GithubMock | undefined;
afterEach(async () => {
  gh?.assertNoViolations();
  await gh?.close();
  gh = undefined;
});

async function mock(options?: GithubMockOptions): Promise<GithubMock> {
  gh = await startGithubMock(options);
  gh.state.seedPullFromEvent(readEvent('pull_request.opened.json'));
  return gh;
}

function env(event: string, file: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path.join(EVENTS, file),
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: 'refs/heads/master',
    GITHUB_RUN_ID: '42',
    ...extra,
  };
}

function platform(
  mockUrl: string,
  options: { token?: string; action?: string; bots?: string[]; ctx?: GithubRunContext } = {},
) {
  const lines: string[] = [];
  const ctx =
    options.ctx ??
    readGithubContext(env('pull_request', 'pull_request.opened.json', { GITHUB_API_URL: mockUrl }));
  const p = new GithubPlatform({
    context: ctx,
    token: options.token ?? 'ghs_mockGithubToken',
    commentAction: options.action ?? 'regops',
    ...(options.bots ? { botLogins: options.bots } : {}),
    log: { info: (m) => lines.push(m), warning: (m) => lines.push(m), debug: () => {} },
  });
  return { p, lines };
}

describe('the run context from the event', () => {
  it('pull_request: the head commit (not the merge commit), the change, fork detection', () => {
    const ctx = readGithubContext(env('pull_request', 'pull_request.opened.json'));
    expect(ctx.problem).toBeNull();
    expect(ctx.sha).toBe(HEAD_SHA);
    expect(ctx.change).toMatchObject({ number: 2, author: 'Codertocat', baseRef: 'master', fromFork: false });
    expect(ctx.runUrl).toBe('https://github.com/Codertocat/Hello-World/actions/runs/42');
    const fork = readGithubContext({ ...env('pull_request_target', ''), GITHUB_EVENT_PATH: forkEventFile() });
    expect(fork.change?.fromFork).toBe(true);
  });

  it('push, workflow_dispatch, release: GITHUB_SHA and no change; other events: a clear problem', () => {
    for (const [event, file] of [
      ['push', 'push.branch.json'],
      ['workflow_dispatch', 'workflow_dispatch.json'],
      ['release', 'release.published.json'],
    ] as const) {
      const ctx = readGithubContext(env(event, file));
      expect(ctx.problem, event).toBeNull();
      expect(ctx.change).toBeNull();
      expect(ctx.sha).toBe(MERGE_SHA);
    }
    expect(readGithubContext(env('schedule', 'push.branch.json')).problem).toMatch(
      /the event "schedule" is not supported: run RegOps on pull_request, pull_request_target, pull_request_review, push, workflow_dispatch, release/,
    );
    expect(readGithubContext({ ...env('push', ''), GITHUB_EVENT_PATH: '/nonexistent.json' }).problem).toMatch(
      /the event payload \/nonexistent.json could not be read \(file not found\)/,
    );
  });
});

describe('the sticky comment', () => {
  it('updates the oldest of ours, deletes our duplicates, leaves a marker by someone else alone', async () => {
    const g = await mock();
    const marker = '<!-- regops:comment action=regops key=regops.yml -->';
    g.state.addComment(2, { body: `${marker}\nforged`, user: 'mallory' });
    const first = g.state.addComment(2, { body: `${marker}\nold`, user: 'github-actions[bot]' });
    g.state.seedComments(2, 3);
    g.state.addComment(2, { body: `${marker}\nduplicate`, user: 'github-actions[bot]' });
    const { p, lines } = platform(g.url);
    const outcome = await p.upsertComment(
      'regops.yml',
      '### Body\n\n<!-- regops:comment action=regops key=x -->',
    );
    expect(outcome).toMatchObject({ status: 'updated', id: String(first.id) });
    const bodies = (g.state.comments[2] ?? []).map((c) => [c.user.login, c.body.split('\n')[0]]);
    expect(bodies.filter(([, b]) => b === marker)).toEqual([
      ['mallory', marker],
      ['github-actions[bot]', marker],
    ]);
    const mine = g.state.comments[2]?.find((c) => c.id === first.id)?.body ?? '';
    expect(mine).toMatch(/&lt;!-- regops:comment action=regops key=x -->/); // a forged marker in the body is inert
    expect(mine).toMatch(/Full report/);
    expect(lines.join('\n')).toMatch(
      /1 comment\(s\) carry the RegOps marker but were written by someone else/,
    );
    expect(g.requests.filter((r) => r.operationId === 'issues/delete-comment')).toHaveLength(1);
  });

  it('a comment deleted between listing and editing (404): posts a new one', async () => {
    const g = await mock();
    g.state.addComment(2, {
      body: '<!-- regops:comment action=gate key=k -->\nold',
      user: 'github-actions[bot]',
    });
    g.failNext('PATCH', 'issues/update-comment', [{ status: 404 }]);
    const { p, lines } = platform(g.url, { action: 'gate' });
    const outcome = await p.upsertComment('k', 'new body');
    expect(outcome.status).toBe('created');
    expect(lines.join('\n')).toMatch(/was deleted meanwhile: posting a new one/);
    expect(g.state.comments[2]?.at(-1)?.body).toMatch(/^<!-- regops:comment action=gate key=k -->\nnew body/);
  });

  it('a body over 65 536 characters is fitted, with the link to the full report', async () => {
    const g = await mock();
    const { p } = platform(g.url);
    const failures = Array.from(
      { length: 3000 },
      (_, i) => `- ❌ **fail** \`check-${i}\` — ${'x'.repeat(40)}`,
    );
    await p.upsertComment(
      'big',
      `### ❌ Design control: change blocked\n\n#### Failures and errors\n\n${failures.join('\n')}`,
    );
    const body = g.state.comments[2]?.[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(PLATFORM_LIMITS.githubComment);
    expect(body).toMatch(/… and \d+ more/);
    expect(body).toMatch(/Full report.*\/actions\/runs\/42\)$/);
  });
});

describe('the check run', () => {
  it('sends 120 annotations 50 per request and fits a summary over 65 535 characters', async () => {
    const g = await mock();
    const { p } = platform(g.url);
    const annotations: Annotation[] = Array.from({ length: 120 }, (_, i) => ({
      path: 'regops.yml',
      startLine: i + 1,
      endLine: i + 1,
      level: 'failure',
      title: `r${i}: fail`,
      message: 'failed',
    }));
    const outcome = await p.publishCheck('regops/design-control', {
      conclusion: 'failure',
      title: 'Design control failed',
      summary: `## Failures\n\n${Array.from({ length: 4000 }, (_, i) => `- item ${i} ${'y'.repeat(30)}`).join('\n')}`,
      annotations,
    });
    expect(outcome.status).toBe('done');
    const sent = g.requests
      .filter((r) => r.operationId === 'checks/create' || r.operationId === 'checks/update')
      .map((r) => (r.body as { output: { annotations: unknown[]; summary: string } }).output);
    expect(sent.map((o) => o.annotations.length)).toEqual([50, 50, 20]);
    for (const o of sent) expect(o.summary.length).toBeLessThanOrEqual(PLATFORM_LIMITS.githubCheckSummary);
    const run = g.state.checkRunsFor(HEAD_SHA)[0];
    expect(run?.conclusion).toBe('failure');
    expect(g.state.annotations[run?.id ?? 0]).toHaveLength(120);
  });

  it('a personal access token may not create check runs (403): a commit status instead; its own login finds its comment', async () => {
    const g = await mock({ identity: { kind: 'user', login: 'release-bot' } });
    g.state.addComment(2, { body: '<!-- regops:comment action=regops key=k -->\nold', user: 'release-bot' });
    const { p, lines } = platform(g.url, { token: 'ghp_personalAccessToken' });
    const check = await p.publishCheck('regops/design-control', {
      conclusion: 'success',
      title: `Design control passed ${'z'.repeat(200)}`,
      summary: 'ok',
      annotations: [],
    });
    expect(check.status).toBe('done');
    expect(lines.join('\n')).toMatch(
      /refused \(403 You must authenticate via a GitHub App\.\): setting a commit status/,
    );
    const status = g.state.statuses[HEAD_SHA]?.[0];
    expect(status).toMatchObject({ context: 'regops/design-control', state: 'success' });
    expect(Array.from(status?.description ?? '').length).toBeLessThanOrEqual(140);
    expect(await p.upsertComment('k', 'new')).toMatchObject({ status: 'updated' });
    expect(g.state.comments[2]).toHaveLength(1);
  });
});

describe('rate limits', () => {
  it('waits out a secondary rate limit with a short retry-after, once', async () => {
    const g = await mock();
    g.failNext('POST', 'repos/create-commit-status', [
      {
        status: 403,
        headers: { 'retry-after': '1' },
        body: { message: 'You have exceeded a secondary rate limit.' },
      },
    ]);
    const { p, lines } = platform(g.url);
    expect((await p.setStatus('regops/x', 'success', 'ok')).status).toBe('done');
    expect(lines.join('\n')).toMatch(/secondary rate limit for POST .*: retrying in 1 s/);
    expect(
      g.requests.filter((r) => r.operationId === 'repos/create-commit-status').map((r) => r.status),
    ).toEqual([403, 201]);
  });

  it('does not wait out a long one: the status is skipped with the reason', async () => {
    const g = await mock();
    g.failNext('POST', 'repos/create-commit-status', [
      {
        status: 429,
        headers: { 'retry-after': '600' },
        body: { message: 'You have exceeded a secondary rate limit.' },
      },
    ]);
    const { p, lines } = platform(g.url);
    const outcome = await p.setStatus('regops/x', 'success', 'ok');
    expect(outcome).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/rate limit/) });
    expect(lines.join('\n')).toMatch(/not waiting 600 s/);
  });
});

describe('the job summary', () => {
  it('stays under 1 MiB for the step, counting what is already there', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regops-summary-'));
    const file = path.join(dir, 'summary.md');
    writeFileSync(file, `${'a'.repeat(100_000)}\n`);
    const before = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = file;
    try {
      const { p } = platform('http://127.0.0.1:9', { token: '' });
      const huge = `#### Warnings\n\n${Array.from({ length: 60_000 }, (_, i) => `- ⚠️ warning ${i} ${'w'.repeat(20)}`).join('\n')}`;
      expect((await p.writeSummary(huge)).status).toBe('done');
      expect(statSync(file).size).toBeLessThanOrEqual(PLATFORM_LIMITS.githubStepSummaryBytes);
      expect(readFileSync(file, 'utf8')).toMatch(/… and \d+ more/);
    } finally {
      if (before === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = before;
    }
  });
});

describe('the inputs', () => {
  it('defaults as in action.yml, relative to the workspace; every mistake listed', () => {
    const inputs = readInputs('gate', { GITHUB_WORKSPACE: '/ws', GITHUB_TOKEN: 'ghs_env' });
    expect(inputs).toMatchObject({
      config: '/ws/regops.yml',
      out: '/ws/regops-out/gate',
      token: 'ghs_env',
      comment: true,
      commentKey: 'regops.yml',
      checkName: 'regops/design-control',
      failOnGate: true,
      artifactName: 'regops-gate',
      designReview: 'true',
    });
    expect(() =>
      readInputs('regops', {
        GITHUB_WORKSPACE: '/ws',
        'INPUT_FAIL-ON-GATE': 'maybe',
        'INPUT_DESIGN-REVIEW': 'sometimes',
      }),
    ).toThrow(
      /2 problems:\n {2}- regops: input design-review: "sometimes" is not true, false or auto\n {2}- regops: input fail-on-gate: "maybe" is not true or false/,
    );
  });
});
