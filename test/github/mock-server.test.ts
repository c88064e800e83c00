// Self-tests of the offline GitHub API (test/github/mock-server.ts): it accepts what GitHub accepts,
// refuses and records what GitHub refuses, paginates like GitHub, keeps state, scripts failures,
// and its own responses match GitHub's published response schemas.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GithubMock, type GithubMockOptions, openApiSubset, startGithubMock } from './mock-server.js';
import { formatErrors } from './openapi.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'github');
const REPO = '/repos/Codertocat/Hello-World';
const HEADERS = {
  authorization: 'token ghs_mocktoken',
  accept: 'application/vnd.github+json',
  'user-agent': 'regops-test',
  'x-github-api-version': '2022-11-28',
};

function event(name: string): { pull_request: Record<string, unknown>; [key: string]: unknown } {
  return JSON.parse(readFileSync(path.join(FIXTURES, 'events', name), 'utf8'));
}

let gh: GithubMock;
async function start(options?: GithubMockOptions): Promise<GithubMock> {
  await gh?.close();
  gh = await startGithubMock(options);
  return gh;
}

async function call(
  method: string,
  p: string,
  body?: unknown,
  headers: Record<string, string> = HEADERS,
): Promise<{ status: number; headers: Headers; json: unknown }> {
  const res = await fetch(`${gh.url}${p}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

/** Validates a body against the subset's schema for the operation and status, in the test itself. */
function expectSchema(operationId: string, status: number, body: unknown): void {
  const api = openApiSubset();
  const validate = api.responseValidator(api.operation(operationId), status);
  if (!validate) throw new Error(`no response schema for ${operationId} ${status}`);
  const ok = validate(body);
  expect(ok ? [] : formatErrors(validate.errors)).toEqual([]);
}

beforeEach(async () => {
  gh = await startGithubMock();
});
afterEach(async () => {
  await gh.close();
});

describe('the OpenAPI subset', () => {
  it('records its source and holds every operation RegOps uses, with every $ref resolvable', () => {
    const doc = JSON.parse(readFileSync(path.join(FIXTURES, 'openapi-subset.json'), 'utf8'));
    const source = doc['x-regops-source'];
    expect(source.package).toBe('@octokit/openapi');
    expect(source.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    const ids = openApiSubset().operations.map((o) => o.id);
    expect(ids.sort()).toEqual(Object.keys(source.operations).sort());
    const text = JSON.stringify(doc);
    for (const [, ref] of text.matchAll(/"\$ref":"([^"]+)"/g)) {
      const target = (ref as string)
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
    expect(text.length).toBeLessThan(1024 * 1024);
  });
});

describe('issue comments', () => {
  it('accepts a valid comment, answers like GitHub and lists it', async () => {
    const created = await call('POST', `${REPO}/issues/2/comments`, { body: 'hello <!-- regops -->' });
    expect(created.status).toBe(201);
    expectSchema('issues/create-comment', 201, created.json);
    const c = created.json as {
      id: number;
      user: { login: string; type: string };
      created_at: string;
      url: string;
    };
    expect(c.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot', id: 41898282 });
    expect(c.created_at).toBe('2024-05-01T12:00:00Z');
    expect(created.headers.get('location')).toBe(c.url);
    expect(c.id).toBeGreaterThan(2 ** 31); // real comment ids do not fit an int32

    const listed = await call('GET', `${REPO}/issues/2/comments`);
    expect(listed.status).toBe(200);
    expectSchema('issues/list-comments', 200, listed.json);
    expect(listed.json).toEqual([created.json]);
    expect(listed.headers.get('link')).toBeNull();
    expect(gh.state.comments[2]?.map((x) => x.body)).toEqual(['hello <!-- regops -->']);

    const updated = await call('PATCH', `${REPO}/issues/comments/${c.id}`, { body: 'rerun' });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ id: c.id, body: 'rerun', updated_at: '2024-05-01T12:00:01Z' });
    expectSchema('issues/update-comment', 200, updated.json);
    expect(gh.state.comments[2]).toHaveLength(1);

    expect((await call('DELETE', `${REPO}/issues/comments/${c.id}`)).status).toBe(204);
    expect(gh.state.comments[2]).toEqual([]);
    const gone = await call('PATCH', `${REPO}/issues/comments/${c.id}`, { body: 'again' });
    expect(gone.status).toBe(404);
    expect(gone.json).toMatchObject({ message: 'Not Found' });
    gh.assertNoViolations();
    expect(gh.requests.map((r) => `${r.operationId} ${r.status}`)).toEqual([
      'issues/create-comment 201',
      'issues/list-comments 200',
      'issues/update-comment 200',
      'issues/delete-comment 204',
      'issues/update-comment 404',
    ]);
  });

  it('paginates 150 comments with Link headers exactly like GitHub', async () => {
    gh.state.seedComments(2, 150);
    const base = `${gh.url}/repositories/186853002/issues/2/comments`;

    const p1 = await call('GET', `${REPO}/issues/2/comments?per_page=100`);
    expect((p1.json as unknown[]).length).toBe(100);
    expect(p1.headers.get('link')).toBe(
      `<${base}?per_page=100&page=2>; rel="next", <${base}?per_page=100&page=2>; rel="last"`,
    );
    const p2 = await call('GET', `/repositories/186853002/issues/2/comments?per_page=100&page=2`);
    expect((p2.json as { body: string }[]).map((c) => c.body).at(-1)).toBe('comment 150');
    expect(p2.headers.get('link')).toBe(
      `<${base}?per_page=100&page=1>; rel="prev", <${base}?per_page=100&page=1>; rel="first"`,
    );

    const d3 = await call('GET', `${REPO}/issues/2/comments?page=3`);
    expect((d3.json as unknown[]).length).toBe(30);
    expect(d3.headers.get('link')).toBe(
      `<${base}?page=2>; rel="prev", <${base}?page=4>; rel="next", <${base}?page=5>; rel="last", <${base}?page=1>; rel="first"`,
    );
    // per_page above 100 is capped at 100, as GitHub does.
    expect(((await call('GET', `${REPO}/issues/2/comments?per_page=500`)).json as unknown[]).length).toBe(
      100,
    );
    gh.assertNoViolations();
  });

  it('works with @actions/github (getOctokit) including paginate over the /repositories links', async () => {
    gh.state.seedComments(7, 120, { user: 'someone-else' });
    const octokit = getOctokit('ghs_mocktoken', { baseUrl: gh.url });
    const { data: mine } = await octokit.rest.issues.createComment({
      owner: 'Codertocat',
      repo: 'Hello-World',
      issue_number: 7,
      body: '<!-- regops:report -->\nreport',
    });
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: 'Codertocat',
      repo: 'Hello-World',
      issue_number: 7,
      per_page: 100,
    });
    expect(all).toHaveLength(121);
    const ours = all.filter(
      (c) => c.user?.login === 'github-actions[bot]' && c.body?.includes('<!-- regops:report'),
    );
    expect(ours.map((c) => c.id)).toEqual([mine.id]);
    await octokit.rest.issues.updateComment({
      owner: 'Codertocat',
      repo: 'Hello-World',
      comment_id: mine.id,
      body: 'updated',
    });
    expect(gh.state.comments[7]?.at(-1)?.body).toBe('updated');
    expect(gh.requests.map((r) => r.path)).toContain('/repos/Codertocat/Hello-World/issues/7/comments');
    expect(gh.requests.find((r) => r.url.startsWith('/repositories/'))?.operationId).toBe(
      'issues/list-comments',
    );
    gh.assertNoViolations();
  });

  it('refuses a body of the wrong type with 422 and records the violation', async () => {
    const res = await call('POST', `${REPO}/issues/2/comments`, { body: 42 });
    expect(res.status).toBe(422);
    expectSchema('issues/create-comment', 422, res.json);
    expect((res.json as { message: string }).message).toContain('/body must be string');
    expect(gh.state.comments[2]).toBeUndefined();
    expect(gh.violations).toHaveLength(1);
    expect(gh.violations[0]).toMatchObject({
      kind: 'body',
      operationId: 'issues/create-comment',
      method: 'POST',
    });
    expect(gh.violations[0]?.errors[0]).toMatchObject({ where: '/body', keyword: 'type' });
    expect(() => gh.assertNoViolations()).toThrow(/1 violation.*\n- \[body\] POST/);
  });

  it('refuses a missing body, unparsable JSON and a comment longer than GitHub allows', async () => {
    expect((await call('POST', `${REPO}/issues/2/comments`, {})).status).toBe(422);
    const bad = await call('POST', `${REPO}/issues/2/comments`, '{"body": ');
    expect(bad).toMatchObject({ status: 400, json: { message: 'Problems parsing JSON' } });
    const long = await call('POST', `${REPO}/issues/2/comments`, { body: 'x'.repeat(65537) });
    expect(long.status).toBe(422);
    expect(long.json).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', message: 'Body is too long (maximum is 65536 characters)' }],
    });
    expect((await call('POST', `${REPO}/issues/2/comments`, { body: 'x'.repeat(65536) })).status).toBe(201);
    expect(gh.violations.map((v) => v.kind)).toEqual(['body', 'body', 'github-rule']);
  });

  it('records unknown query parameters and body properties but serves them, as GitHub ignores them', async () => {
    expect((await call('GET', `${REPO}/issues/2/comments?perPage=100`)).status).toBe(200);
    expect((await call('POST', `${REPO}/issues/2/comments`, { body: 'x', bdy: 'typo' })).status).toBe(201);
    expect(gh.violations.map((v) => [v.kind, v.message])).toEqual([
      ['unknown-query-param', "unknown query parameter 'perPage' (GitHub ignores it)"],
      ['unknown-body-property', "unknown property 'bdy' at /bdy (GitHub ignores it)"],
    ]);
    const bad = await call('GET', `${REPO}/issues/2/comments?per_page=lots`);
    expect(bad.status).toBe(422);
    expect(gh.violations.at(-1)).toMatchObject({ kind: 'query' });
  });
});

describe('requests GitHub would refuse', () => {
  it('records unknown routes, other repositories, bad path parameters and missing credentials', async () => {
    expect((await call('GET', `${REPO}/issues/2/comment`)).status).toBe(404);
    expect((await call('PUT', `${REPO}/issues/2/comments`, { body: 'x' })).status).toBe(404);
    expect((await call('GET', '/repos/someone/else/pulls/1')).status).toBe(404);
    expect((await call('GET', `${REPO}/issues/two/comments`)).status).toBe(404);
    const noAuth = await call('GET', `${REPO}/pulls/1`, undefined, { accept: 'application/json' });
    expect(noAuth).toMatchObject({ status: 401, json: { message: 'Requires authentication' } });
    const badAuth = await call('GET', `${REPO}/pulls/1`, undefined, { ...HEADERS, authorization: 'ghs_x' });
    expect(badAuth).toMatchObject({ status: 401, json: { message: 'Bad credentials' } });
    expect(
      (await call('GET', `${REPO}/pulls/1`, undefined, { ...HEADERS, accept: 'text/html' })).status,
    ).toBe(415);
    const version = await call('GET', `${REPO}/pulls/1`, undefined, {
      ...HEADERS,
      'x-github-api-version': '2020-01-01',
    });
    expect(version.status).toBe(400);
    expect(gh.violations.map((v) => v.kind)).toEqual([
      'unknown-route',
      'unknown-route',
      'unknown-repository',
      'path-params',
      'auth',
      'auth',
      'header',
      'header',
    ]);
    expect(gh.violations[1]?.message).toContain('only for GET, POST');
    expect(gh.requests).toHaveLength(8);
  });

  it('accepts only the configured tokens when tokens are given', async () => {
    await start({ tokens: { ghs_good: { kind: 'actions' }, ghp_user: { kind: 'user', login: 'alice' } } });
    expect((await call('GET', '/user', undefined, { ...HEADERS, authorization: 'token nope' })).status).toBe(
      401,
    );
    const me = await call('GET', '/user', undefined, { ...HEADERS, authorization: 'Bearer ghp_user' });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ login: 'alice', type: 'User' });
    expectSchema('users/get-authenticated', 200, me.json);
    const bot = await call('GET', '/user', undefined, { ...HEADERS, authorization: 'token ghs_good' });
    expect(bot).toMatchObject({ status: 403, json: { message: 'Resource not accessible by integration' } });
    expect(gh.violations.map((v) => v.kind)).toEqual(['auth']);
  });
});

describe('failNext', () => {
  it('scripts 502, 502, then normal service', async () => {
    gh.failNext('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', [
      { status: 502 },
      { status: 502 },
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call('POST', `${REPO}/issues/2/comments`, { body: 'x' })).status);
    expect(statuses).toEqual([502, 502, 201]);
    expect(gh.state.comments[2]).toHaveLength(1);
    expect(gh.requests.map((r) => r.scripted)).toEqual([true, true, false]);
    gh.assertNoViolations();
  });

  it('scripts a secondary rate limit (403 + retry-after), matched by operationId', async () => {
    gh.failNext('*', 'issues/create-comment', [
      {
        status: 403,
        headers: { 'retry-after': '1' },
        body: { message: 'You have exceeded a secondary rate limit.' },
      },
    ]);
    const limited = await call('POST', `${REPO}/issues/2/comments`, { body: 'x' });
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.json).toEqual({ message: 'You have exceeded a secondary rate limit.' });
    expect((await call('POST', `${REPO}/issues/2/comments`, { body: 'x' })).status).toBe(201);
  });

  it('scripts a 404 on the update of a comment deleted meanwhile, by glob', async () => {
    const c = gh.state.addComment(2, { body: '<!-- regops -->', user: 'github-actions[bot]' });
    gh.failNext('PATCH', '/repos/*/*/issues/comments/*', [{ status: 404 }]);
    const res = await call('PATCH', `${REPO}/issues/comments/${c.id}`, { body: 'new' });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ message: 'Not Found', status: '404' });
    expect(gh.state.comments[2]?.[0]?.body).toBe('<!-- regops -->');
  });

  it('still validates a scripted request first, and a 2xx without body runs the real handler', async () => {
    gh.failNext('POST', '**/comments', [{ status: 202, headers: { 'x-extra': 'yes' } }]);
    expect((await call('POST', `${REPO}/issues/2/comments`, { body: 7 })).status).toBe(422);
    const res = await call('POST', `${REPO}/issues/2/comments`, { body: 'x' });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-extra')).toBe('yes');
    expect(gh.state.comments[2]).toHaveLength(1);
  });
});

describe('check runs and statuses', () => {
  const SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
  const annotation = (i: number) => ({
    path: 'data/train.csv',
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: 'warning',
    message: `row ${i + 1}`,
  });

  it('creates, appends annotations on update, completes, and lists by ref', async () => {
    gh.state.seedPullFromEvent(event('pull_request.opened.json'));
    const created = await call('POST', `${REPO}/check-runs`, {
      name: 'RegOps',
      head_sha: SHA,
      status: 'in_progress',
      output: {
        title: 'RegOps',
        summary: 'running',
        annotations: Array.from({ length: 50 }, (_, i) => annotation(i)),
      },
    });
    expect(created.status).toBe(201);
    expectSchema('checks/create', 201, created.json);
    const run = created.json as { id: number; app: { slug: string }; pull_requests: { number: number }[] };
    expect(run.app.slug).toBe('github-actions');
    expect(run.pull_requests.map((p) => p.number)).toEqual([2]);

    const updated = await call('PATCH', `${REPO}/check-runs/${run.id}`, {
      conclusion: 'failure',
      output: { title: 'RegOps: 2 gates failed', summary: 'done', annotations: [annotation(50)] },
    });
    expect(updated.status).toBe(200);
    expectSchema('checks/update', 200, updated.json);
    expect(updated.json).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      completed_at: '2024-05-01T12:00:02Z',
      output: { title: 'RegOps: 2 gates failed', summary: 'done', annotations_count: 51 },
    });
    expect(gh.state.annotations[run.id]).toHaveLength(51);

    const second = await call('POST', `${REPO}/check-runs`, { name: 'RegOps', head_sha: SHA });
    expect(second.json).toMatchObject({ status: 'queued', conclusion: null, started_at: null });
    const latest = await call('GET', `${REPO}/commits/${SHA}/check-runs?check_name=RegOps`);
    expectSchema('checks/list-for-ref', 200, latest.json);
    expect(latest.json).toMatchObject({
      total_count: 1,
      check_runs: [{ id: (second.json as { id: number }).id }],
    });
    const all = await call('GET', `${REPO}/commits/${SHA}/check-runs?filter=all`);
    expect((all.json as { total_count: number }).total_count).toBe(2);
    gh.state.refs['heads/changes'] = SHA;
    const byBranch = await call('GET', `${REPO}/commits/changes/check-runs`);
    expect((byBranch.json as { total_count: number }).total_count).toBe(1);

    const ann = await call('GET', `${REPO}/check-runs/${run.id}/annotations?per_page=50`);
    expectSchema('checks/list-annotations', 200, ann.json);
    expect(ann.headers.get('link')).toContain('rel="next"');
    expectSchema('checks/get', 200, (await call('GET', `${REPO}/check-runs/${run.id}`)).json);
    gh.assertNoViolations();
  });

  it('refuses what GitHub refuses: 51 annotations, a summary over 65535 characters, completed without conclusion', async () => {
    const many = await call('POST', `${REPO}/check-runs`, {
      name: 'RegOps',
      head_sha: SHA,
      output: { title: 't', summary: 's', annotations: Array.from({ length: 51 }, (_, i) => annotation(i)) },
    });
    expect(many.status).toBe(422);
    const long = await call('POST', `${REPO}/check-runs`, {
      name: 'RegOps',
      head_sha: SHA,
      output: { title: 't', summary: 'é'.repeat(65536) },
    });
    expect(long.status).toBe(422);
    expect((long.json as { message: string }).message).toBe(
      'Invalid request.\n\nOnly 65535 characters are allowed; 65536 were supplied.',
    );
    expectSchema('checks/create', 422, long.json);
    const ok = await call('POST', `${REPO}/check-runs`, {
      name: 'RegOps',
      head_sha: SHA,
      status: 'in_progress',
    });
    const id = (ok.json as { id: number }).id;
    expect((await call('PATCH', `${REPO}/check-runs/${id}`, { status: 'completed' })).status).toBe(422);
    expect(
      (await call('POST', `${REPO}/check-runs`, { name: 'x', head_sha: SHA, status: 'completed' })).status,
    ).toBe(422);
    expect(gh.state.checkRuns.map((r) => r.status)).toEqual(['in_progress']);
    expect(gh.violations.map((v) => v.kind)).toEqual(['body', 'body', 'body', 'github-rule']);
  });

  it('refuses check runs for a personal token, as GitHub does (not a violation)', async () => {
    await start({ identity: { kind: 'user', login: 'alice' } });
    const res = await call('POST', `${REPO}/check-runs`, { name: 'RegOps', head_sha: SHA });
    expect(res).toMatchObject({ status: 403, json: { message: 'You must authenticate via a GitHub App.' } });
    gh.assertNoViolations();
  });

  it('creates and lists commit statuses, and refuses a description over 140 characters', async () => {
    const res = await call('POST', `${REPO}/statuses/${SHA}`, {
      state: 'failure',
      context: 'regops',
      description: '2 gates failed',
      target_url: 'https://example.invalid/run/1',
    });
    expect(res.status).toBe(201);
    expectSchema('repos/create-commit-status', 201, res.json);
    expect(res.json).toMatchObject({ creator: { login: 'github-actions[bot]' }, state: 'failure' });
    const listed = await call('GET', `${REPO}/commits/${SHA}/statuses`);
    expectSchema('repos/list-commit-statuses-for-ref', 200, listed.json);
    expect(listed.json).toEqual([res.json]);
    const long = await call('POST', `${REPO}/statuses/${SHA}`, {
      state: 'success',
      description: 'x'.repeat(141),
    });
    expect(long.status).toBe(422);
    expect(gh.violations.map((v) => v.kind)).toEqual(['github-rule']);
  });
});

describe('pull request context, identity, contents, rate limit', () => {
  it('serves a PR seeded from a real webhook payload, with reviews, files, labels and the PR for a SHA', async () => {
    const ev = event('pull_request.opened.labeled.json');
    gh.state.seedPullFromEvent(ev);
    gh.state.reviews[2] = [
      { user: 'alice', state: 'APPROVED' },
      { user: { login: 'bob', id: 7 }, state: 'CHANGES_REQUESTED', body: 'no' },
    ];
    gh.state.files[2] = [{ filename: 'models/model.onnx', status: 'modified' }, { filename: 'regops.yml' }];
    const pr = await call('GET', `${REPO}/pulls/2`);
    expect(pr.status).toBe(200);
    expectSchema('pulls/get', 200, pr.json);
    const head = (ev.pull_request as { head: { sha: string } }).head.sha;
    expect(pr.json).toMatchObject({
      number: 2,
      title: ev.pull_request.title,
      body: ev.pull_request.body,
      head: { sha: head, ref: 'changes' },
      base: { sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e', ref: 'master' },
      user: { login: 'Codertocat' },
      labels: [{ name: 'bug' }],
      changed_files: 2,
    });
    const reviews = await call('GET', `${REPO}/pulls/2/reviews`);
    expectSchema('pulls/list-reviews', 200, reviews.json);
    expect(
      (reviews.json as { user: { login: string }; state: string }[]).map((r) => [r.user.login, r.state]),
    ).toEqual([
      ['alice', 'APPROVED'],
      ['bob', 'CHANGES_REQUESTED'],
    ]);
    const files = await call('GET', `${REPO}/pulls/2/files`);
    expectSchema('pulls/list-files', 200, files.json);
    expect((files.json as { filename: string }[]).map((f) => f.filename)).toEqual([
      'models/model.onnx',
      'regops.yml',
    ]);
    const labels = await call('GET', `${REPO}/issues/2/labels`);
    expectSchema('issues/list-labels-on-issue', 200, labels.json);
    const assoc = await call('GET', `${REPO}/commits/${head}/pulls`);
    expectSchema('repos/list-pull-requests-associated-with-commit', 200, assoc.json);
    expect((assoc.json as { number: number }[]).map((p) => p.number)).toEqual([2]);
    expect((await call('GET', `${REPO}/pulls/3`)).status).toBe(404);
    gh.assertNoViolations();
  });

  it('renders a fork PR', async () => {
    gh.state.seedPull(5, { head: { sha: 'a'.repeat(40), ref: 'patch-1', fork: true, owner: 'contributor' } });
    const pr = await call('GET', `${REPO}/pulls/5`);
    expectSchema('pulls/get', 200, pr.json);
    expect(pr.json).toMatchObject({
      head: { label: 'contributor:patch-1', repo: { fork: true, full_name: 'contributor/Hello-World' } },
      base: { repo: { fork: false, full_name: 'Codertocat/Hello-World', id: 186853002 } },
    });
    gh.state.readOnly = true;
    const refused = await call('POST', `${REPO}/issues/5/comments`, { body: 'x' });
    expect(refused).toMatchObject({
      status: 403,
      json: { message: 'Resource not accessible by integration' },
    });
    gh.assertNoViolations();
  });

  it('answers identity endpoints as GitHub does for GITHUB_TOKEN', async () => {
    const user = await call('GET', '/user');
    expect(user).toMatchObject({ status: 403, json: { message: 'Resource not accessible by integration' } });
    const app = await call('GET', '/app');
    expect(app).toMatchObject({ status: 401, json: { message: 'A JSON web token could not be decoded' } });
    const repo = await call('GET', REPO);
    expectSchema('repos/get', 200, repo.json);
    expect(repo.json).toMatchObject({
      full_name: 'Codertocat/Hello-World',
      default_branch: 'master',
      id: 186853002,
    });
    gh.assertNoViolations();
  });

  it('serves a GitHub App identity with a JWT on /app', async () => {
    await start({ identity: { kind: 'app', appSlug: 'regops', appId: 4242 } });
    const jwt = await call('GET', '/app', undefined, { ...HEADERS, authorization: 'Bearer aaa.bbb.ccc' });
    expect(jwt.status).toBe(200);
    expectSchema('apps/get-authenticated', 200, jwt.json);
    expect(jwt.json).toMatchObject({ slug: 'regops', id: 4242 });
    const c = await call('POST', `${REPO}/issues/1/comments`, { body: 'x' });
    expect(c.json).toMatchObject({
      user: { login: 'regops[bot]', type: 'Bot' },
      performed_via_github_app: { slug: 'regops' },
    });
    gh.assertNoViolations();
  });

  it('serves CODEOWNERS and refs, with octokit path encoding and the raw media type', async () => {
    gh.state.contents['.github/CODEOWNERS'] = '* @Codertocat\n/models/ @ml-team\n';
    gh.state.contentsByRef.master = { '.github/CODEOWNERS': '* @base-owner\n' };
    gh.state.refs['heads/master'] = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
    const octokit = getOctokit('ghs_mocktoken', { baseUrl: gh.url });
    const { data } = await octokit.rest.repos.getContent({
      owner: 'Codertocat',
      repo: 'Hello-World',
      path: '.github/CODEOWNERS',
    });
    expectSchema('repos/get-content', 200, data);
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file');
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe('* @Codertocat\n/models/ @ml-team\n');
    const raw = await octokit.rest.repos.getContent({
      owner: 'Codertocat',
      repo: 'Hello-World',
      path: '.github/CODEOWNERS',
      ref: 'master',
      mediaType: { format: 'raw' },
    });
    expect(raw.data as unknown).toBe('* @base-owner\n');
    await expect(
      octokit.rest.repos.getContent({ owner: 'Codertocat', repo: 'Hello-World', path: 'CODEOWNERS' }),
    ).rejects.toMatchObject({ status: 404 });
    const ref = await octokit.rest.git.getRef({
      owner: 'Codertocat',
      repo: 'Hello-World',
      ref: 'heads/master',
    });
    expectSchema('git/get-ref', 200, ref.data);
    expect(ref.data.object.sha).toBe('f95f852bd8fca8fcc58a9a2d6c842781e32a215e');
    gh.assertNoViolations();
  });

  it('sends rate-limit headers, counts down, and refuses when exhausted', async () => {
    const first = await call('GET', REPO);
    expect(first.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('999');
    expect(first.headers.get('x-ratelimit-used')).toBe('1');
    const overview = await call('GET', '/rate_limit');
    expectSchema('rate-limit/get', 200, overview.json);
    expect(overview.json).toMatchObject({ rate: { remaining: 999, limit: 1000 } });
    gh.state.rateLimit.remaining = 0;
    const limited = await call('GET', REPO);
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((limited.json as { message: string }).message).toMatch(/^API rate limit exceeded/);
  });
});

describe('every operation of the subset', () => {
  it('is served by the mock, and its responses match the published schemas', async () => {
    const SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
    gh.state.seedPullFromEvent(event('pull_request.synchronize.json'));
    gh.state.reviews[2] = [{ user: 'alice', state: 'APPROVED' }];
    gh.state.files[2] = [{ filename: 'a.txt', patch: '@@ -1 +1 @@' }];
    gh.state.refs['heads/changes'] = SHA;
    gh.state.contents.CODEOWNERS = '* @a\n';
    const c = gh.state.addComment(2, { body: 'x' });
    const runRes = await call('POST', `${REPO}/check-runs`, { name: 'n', head_sha: SHA });
    const run = (runRes.json as { id: number }).id;
    const calls: [string, string, unknown?][] = [
      ['GET', `${REPO}/issues/2/comments`],
      ['POST', `${REPO}/issues/2/comments`, { body: 'y' }],
      ['GET', `${REPO}/issues/comments/${c.id}`],
      ['PATCH', `${REPO}/issues/comments/${c.id}`, { body: 'z' }],
      ['PATCH', `${REPO}/check-runs/${run}`, { conclusion: 'success' }],
      ['GET', `${REPO}/check-runs/${run}`],
      ['GET', `${REPO}/check-runs/${run}/annotations`],
      ['GET', `${REPO}/commits/${SHA}/check-runs`],
      ['POST', `${REPO}/statuses/${SHA}`, { state: 'success' }],
      ['GET', `${REPO}/commits/${SHA}/statuses`],
      ['GET', `${REPO}/pulls/2`],
      ['GET', `${REPO}/pulls/2/reviews`],
      ['GET', `${REPO}/pulls/2/files`],
      ['GET', `${REPO}/issues/2/labels`],
      ['GET', `${REPO}/commits/${SHA}/pulls`],
      ['GET', '/user'],
      ['GET', '/app'],
      ['GET', REPO],
      ['GET', `${REPO}/git/ref/heads/changes`],
      ['GET', `${REPO}/contents/CODEOWNERS`],
      ['GET', '/rate_limit'],
      ['DELETE', `${REPO}/issues/comments/${c.id}`],
    ];
    gh.state.seedIssue(7, { title: 'An anomaly', labels: ['bug'] });
    calls.push(['GET', `${REPO}/issues?state=open&labels=bug`]);
    calls.push(['POST', `${REPO}/releases`, { tag_name: 'v1.0.0', name: 'v1.0.0' }]);
    calls.push(['GET', `${REPO}/releases/tags/v1.0.0`]);
    for (const [method, p, body] of calls) {
      const res = await call(method, p, body);
      const rec = gh.requests.at(-1);
      if (!rec?.operationId) throw new Error(`${method} ${p} was not routed`);
      if (res.status < 300 && res.json !== undefined) expectSchema(rec.operationId, res.status, res.json);
    }
    // Release assets: the upload is a raw octet stream to the release's upload URL (the mock's own origin).
    const release = gh.state.releases.find((r) => r.tag_name === 'v1.0.0');
    if (!release) throw new Error('the release was not created');
    const upload = await fetch(`${gh.url}${REPO}/releases/${release.id}/assets?name=package.zip`, {
      method: 'POST',
      headers: { ...HEADERS, 'content-type': 'application/zip' },
      body: new Uint8Array([0x50, 0x4b, 0x05, 0x06]),
    });
    expect(upload.status).toBe(201);
    const asset = (await upload.json()) as { id: number };
    expectSchema('repos/upload-release-asset', 201, asset);
    const listed = await call('GET', `${REPO}/releases/${release.id}/assets`);
    expectSchema('repos/list-release-assets', 200, listed.json);
    expect((await call('DELETE', `${REPO}/releases/assets/${asset.id}`)).status).toBe(204);
    const served = new Set(gh.requests.map((r) => r.operationId));
    expect(
      openApiSubset()
        .operations.filter((o) => !served.has(o.id))
        .map((o) => o.id),
    ).toEqual([]);
    gh.assertNoViolations();
  });
});
