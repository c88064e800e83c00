// An offline GitHub REST API for tests: a local HTTP server that checks every request
// against GitHub's published OpenAPI description (the subset in
// test/fixtures/github/openapi-subset.json), answers with schema-shaped bodies built from
// GitHub's own examples, and keeps state (comments, check runs, statuses) so that a rerun
// of the adapter can be observed.
//
//   const gh = await startGithubMock();
//   // child process: env GITHUB_API_URL=gh.url (set before @actions/github loads), GITHUB_TOKEN=anything
//   ...
//   gh.assertNoViolations();
//   expect(gh.state.comments[2]).toHaveLength(1);
//   await gh.close();
//
// What counts as a violation (recorded in `violations`; the request is refused the way GitHub
// refuses it unless noted): an unknown route or method; no/garbled Authorization; no User-Agent;
// an incompatible Accept or X-GitHub-Api-Version; path/query/body not matching the operation's
// schemas; a JSON body that does not parse; GitHub's own limits (comment body > 65536 characters,
// status description > 140 characters, completed check run without conclusion); another repository
// than the mock's. Unknown query parameters and unknown body properties are recorded but served
// (GitHub ignores them). A response of the mock that does not match the description is recorded too
// (kind `response-schema`): that is a bug of the mock.
//
// Refusals that are not the caller's fault and are not violations: 403 for the Actions/App
// identity on GET /user, 401 on GET /app without an app JWT, 403 on check runs for a personal token,
// 403 on writes when `state.readOnly` (a fork PR's GITHUB_TOKEN), rate limit exhausted.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatErrors, type JsonObject, OpenApiSubset, type Operation, type SchemaError } from './openapi.js';

// ---------------------------------------------------------------------------------------------
// Public types

export type IdentityKind = 'actions' | 'app' | 'user';

/** Who a token is. `actions` is GitHub Actions' GITHUB_TOKEN: the `github-actions[bot]` user of the
 * `github-actions` app; `app` an installation token of another GitHub App (`<slug>[bot]`); `user` a PAT. */
export interface IdentityInit {
  kind?: IdentityKind;
  login?: string;
  id?: number;
  /** For `app`: the app's slug (login becomes `<slug>[bot]`) and id. */
  appSlug?: string;
  appId?: number;
}

export interface MockIdentity {
  kind: IdentityKind;
  login: string;
  id: number;
  type: 'Bot' | 'User';
  appSlug: string | null;
  appId: number | null;
}

export interface GithubMockOptions {
  /** Repository served; default `Codertocat/Hello-World` (id 186853002), as in the webhook fixtures. */
  owner?: string;
  repo?: string;
  repositoryId?: number;
  /** Identity of any token (default `{ kind: 'actions' }` = `github-actions[bot]`). */
  identity?: IdentityInit;
  /** If given, only these tokens are accepted (others get 401 Bad credentials), each with its identity. */
  tokens?: Record<string, IdentityInit>;
  /** Start of the fixed clock; every write advances it by one second. Default 2024-05-01T12:00:00Z. */
  now?: string;
  /** Base of `html_url`s; default https://github.com. */
  serverUrl?: string;
  /** Core rate limit; default 1000 for `actions` (GITHUB_TOKEN's per-repository budget), else 5000. */
  rateLimit?: number;
  /** X-GitHub-Api-Version values accepted when the header is sent; default ['2022-11-28']. */
  apiVersions?: string[];
  /** Link headers in GitHub's `/repositories/{id}/…` form (default, like api.github.com) or `/repos/{owner}/{repo}/…`. */
  linkStyle?: 'repositories' | 'repos';
}

export type ViolationKind =
  | 'unknown-route'
  | 'unknown-repository'
  | 'auth'
  | 'header'
  | 'path-params'
  | 'query'
  | 'unknown-query-param'
  | 'body'
  | 'unknown-body-property'
  | 'github-rule'
  | 'response-schema';

export interface Violation {
  kind: ViolationKind;
  method: string;
  /** Path and query as requested. */
  url: string;
  operationId?: string;
  message: string;
  errors: SchemaError[];
}

export interface RecordedRequest {
  seq: number;
  method: string;
  /** Path and query as requested. */
  url: string;
  /** Path without the query (`/repositories/{id}/…` rewritten to `/repos/{owner}/{repo}/…`). */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, the raw text if it did not parse, or undefined. */
  body: unknown;
  operationId?: string;
  template?: string;
  params: Record<string, string>;
  status: number;
  response: unknown;
  /** True when the response came from `failNext`. */
  scripted: boolean;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  /** Omitted: a GitHub-style error body for status >= 400; for status < 300 the real handler answers
   *  (state changes) with this status and these headers. */
  body?: unknown;
}

/** A user given by login, or with more detail. */
export type UserSeed = string | { login: string; id?: number; type?: 'User' | 'Bot' | 'Organization' };

export interface PullSeed {
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  draft?: boolean;
  merged?: boolean;
  /** Author; default `octocat`. */
  user?: UserSeed;
  labels?: string[];
  head?: { sha?: string; ref?: string; fork?: boolean; owner?: string };
  base?: { sha?: string; ref?: string };
  author_association?: string;
}

export interface ReviewSeed {
  user: UserSeed;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  body?: string;
  commit_id?: string;
  submitted_at?: string;
  author_association?: string;
  id?: number;
}

export interface FileSeed {
  filename: string;
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  additions?: number;
  deletions?: number;
  patch?: string;
  previous_filename?: string;
}

/** A schema-shaped `issue-comment` (fields RegOps reads typed; the rest is there too). */
export interface IssueComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: { login: string; id: number; type: string; [key: string]: unknown };
  created_at: string;
  updated_at: string;
  author_association: string;
  performed_via_github_app: unknown;
  [key: string]: unknown;
}

export interface CheckRunOutput {
  title: string | null;
  summary: string | null;
  text: string | null;
  annotations_count: number;
  annotations_url: string;
}

/** A schema-shaped `check-run`. */
export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  external_id: string | null;
  details_url: string | null;
  output: CheckRunOutput;
  [key: string]: unknown;
}

/** A schema-shaped `check-annotation`. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column: number | null;
  end_column: number | null;
  annotation_level: string | null;
  title: string | null;
  message: string | null;
  raw_details: string | null;
  blob_href: string;
}

/** A schema-shaped `status`. */
export interface CommitStatus {
  id: number;
  state: string;
  description: string | null;
  target_url: string | null;
  context: string;
  created_at: string;
  creator: { login: string; [key: string]: unknown } | null;
  [key: string]: unknown;
}

/** An issue (not a pull request) for issues/list-for-repo; PRs seeded with seedPull are listed too, as GitHub does. */
export interface IssueSeed {
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  /** Author; default `octocat`. */
  user?: UserSeed;
  labels?: string[];
  created_at?: string;
}

/** A release (repos/get-release-by-tag, repos/create-release) and its uploaded assets. */
export interface MockRelease {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  published_at: string | null;
  assets: MockReleaseAsset[];
}

export interface MockReleaseAsset {
  id: number;
  name: string;
  label: string | null;
  content_type: string;
  /** The uploaded bytes, exactly. */
  data: Buffer;
  created_at: string;
}

export interface MockState {
  readonly owner: string;
  readonly repo: string;
  readonly repositoryId: number;
  /** The default token identity (tokens given in options have their own). */
  readonly identity: MockIdentity;
  /** Issue/PR number → its comments, oldest first. Any issue number exists. */
  comments: Record<number, IssueComment[]>;
  /** Every check run, in creation order. */
  checkRuns: CheckRun[];
  /** Check run id → its annotations (they accumulate over updates). */
  annotations: Record<number, CheckAnnotation[]>;
  /** SHA → statuses, oldest first. */
  statuses: Record<string, CommitStatus[]>;
  /** PR number → seed (rendered on read as a full `pull-request`); unseeded PRs are 404. */
  pulls: Record<number, PullSeed>;
  /** PR number → reviews. */
  reviews: Record<number, ReviewSeed[]>;
  /** Issue number → seed (issues/list-for-repo); numbers should not collide with seeded PRs. */
  issues: Record<number, IssueSeed>;
  /** Releases, in creation order (repos/create-release adds one). */
  releases: MockRelease[];
  /** PR number → changed files. */
  files: Record<number, FileSeed[]>;
  /** `heads/main`, `tags/v1` … → SHA, for git/get-ref (and refs given to the checks/status list endpoints). */
  refs: Record<string, string>;
  /** Path → text, served by repos/get-content at any ref … */
  contents: Record<string, string>;
  /** … unless `contentsByRef[ref][path]` exists for the `ref` query parameter. */
  contentsByRef: Record<string, Record<string, string>>;
  /** Repository fields for repos/get (default_branch `master`, private false, …). */
  repository: {
    default_branch: string;
    private: boolean;
    fork: boolean;
    visibility: 'public' | 'private' | 'internal';
  };
  /** Writes answer 403 "Resource not accessible by integration" (GITHUB_TOKEN on a fork PR). */
  readOnly: boolean;
  rateLimit: { limit: number; remaining: number; reset: number };
  /** Current time of the fixed clock (ISO, seconds). */
  now(): string;
  /** Adds a comment as if someone posted it (default user `octocat`). */
  addComment(issue: number, comment: { body: string; user?: UserSeed }): IssueComment;
  /** Adds n comments from other users (`user` default: alternating octocat/hubot), bodies `comment i`. */
  seedComments(
    issue: number,
    n: number,
    opts?: { user?: UserSeed; body?: (i: number) => string },
  ): IssueComment[];
  /** Seeds a PR (merged over defaults: head/base SHAs and refs of the webhook fixtures). */
  seedPull(number: number, seed?: PullSeed): PullSeed;
  /** Seeds an issue (listed by issues/list-for-repo). */
  seedIssue(number: number, seed?: IssueSeed): IssueSeed;
  /** Seeds a published release of a tag (no assets). */
  seedRelease(tag: string, init?: Partial<Omit<MockRelease, 'id' | 'tag_name' | 'assets'>>): MockRelease;
  /** Seeds a PR from a `pull_request` webhook payload (e.g. test/fixtures/github/events/pull_request.opened.json). */
  seedPullFromEvent(event: { pull_request: unknown }): PullSeed;
  /** Check runs for a head SHA, in creation order. */
  checkRunsFor(sha: string): CheckRun[];
}

export interface GithubMock {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash): GITHUB_API_URL. */
  url: string;
  state: MockState;
  requests: RecordedRequest[];
  violations: Violation[];
  /** Scripts the next responses for requests matching method (or '*') and pathPattern: an operationId
   *  (`issues/update-comment`), a template (`/repos/{owner}/{repo}/issues/comments/{comment_id}`), a
   *  concrete path, or a glob (`*` one segment, `**` any). Consumed in order; then normal service resumes. */
  failNext(method: string, pathPattern: string, responses: ScriptedResponse[]): void;
  /** Throws, listing them, if any violation was recorded. */
  assertNoViolations(): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Constants

const DEFAULT_NOW = '2024-05-01T12:00:00Z';
const DEFAULT_HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const DEFAULT_BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const COMMENT_MAX = 65536;
const STATUS_DESCRIPTION_MAX = 140;
const CHECK_OUTPUT_MAX = 65535;
const GITHUB_ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282 };
const GITHUB_ACTIONS_APP = { slug: 'github-actions', id: 15368 };

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Bad credentials',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  422: 'Validation Failed',
  429: 'Too Many Requests',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

let cachedSubset: OpenApiSubset | undefined;
/** The compiled subset (compiled once per process). */
export function openApiSubset(): OpenApiSubset {
  cachedSubset ??= OpenApiSubset.load();
  return cachedSubset;
}

// ---------------------------------------------------------------------------------------------
// Helpers

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A non-JSON body (raw media type). */
  raw?: { text: string; contentType: string };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly violation?: { kind: ViolationKind; errors?: SchemaError[] },
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function makeIdentity(init: IdentityInit | undefined): MockIdentity {
  const kind = init?.kind ?? 'actions';
  if (kind === 'actions') {
    return {
      kind,
      login: init?.login ?? GITHUB_ACTIONS_BOT.login,
      id: init?.id ?? GITHUB_ACTIONS_BOT.id,
      type: 'Bot',
      appSlug: GITHUB_ACTIONS_APP.slug,
      appId: GITHUB_ACTIONS_APP.id,
    };
  }
  if (kind === 'app') {
    const slug = init?.appSlug ?? 'regops';
    return {
      kind,
      login: init?.login ?? `${slug}[bot]`,
      id: init?.id ?? 190000001,
      type: 'Bot',
      appSlug: slug,
      appId: init?.appId ?? 900001,
    };
  }
  const login = init?.login ?? 'octocat';
  return { kind, login, id: init?.id ?? stableId(login), type: 'User', appSlug: null, appId: null };
}

function stableId(text: string): number {
  return (createHash('sha1').update(text).digest().readUInt32BE(0) % 90_000_000) + 10_000_000;
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function gitBlobSha(text: string): string {
  const buf = Buffer.from(text, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${buf.length}\0`), buf]))
    .digest('hex');
}

/** The list at record[key], created empty if missing. */
function listAt<T>(record: Record<string | number, T[]>, key: string | number): T[] {
  let list = record[key];
  if (!list) {
    list = [];
    record[key] = list;
  }
  return list;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function globToRegex(pattern: string): RegExp {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      src += '.*';
      i++;
    } else if (c === '*') src += '[^/]*';
    else if (c === '{') {
      const end = pattern.indexOf('}', i);
      src += '[^/]+';
      i = end < 0 ? pattern.length : end;
    } else src += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${src}$`);
}

// ---------------------------------------------------------------------------------------------
// The server

export async function startGithubMock(options: GithubMockOptions = {}): Promise<GithubMock> {
  const api = openApiSubset();
  const owner = options.owner ?? 'Codertocat';
  const repo = options.repo ?? 'Hello-World';
  const repositoryId = options.repositoryId ?? 186853002;
  const serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/$/, '');
  const identity = makeIdentity(options.identity);
  const tokenIdentities = options.tokens
    ? new Map(Object.entries(options.tokens).map(([t, i]) => [t, makeIdentity(i)]))
    : undefined;
  const apiVersions = options.apiVersions ?? ['2022-11-28'];
  const linkStyle = options.linkStyle ?? 'repositories';
  let clock = Date.parse(options.now ?? DEFAULT_NOW);
  if (Number.isNaN(clock)) throw new Error(`bad options.now ${options.now}`);
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const tick = () => {
    const t = iso(clock);
    clock += 1000;
    return t;
  };
  const ids = {
    comment: 2_200_000_000,
    checkRun: 24_000_000_000,
    status: 30_000_000_000,
    suite: 25_000_000_000,
    release: 150_000_000,
    asset: 160_000_000,
  };
  let base = ''; // set once listening
  const repoApi = () => `${base}/repos/${owner}/${repo}`;
  const repoHtml = () => `${serverUrl}/${owner}/${repo}`;

  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const scripts: { method: string; pattern: string; regex: RegExp; queue: ScriptedResponse[] }[] = [];

  // --- rendering -------------------------------------------------------------------------------
  const userObject = (u: UserSeed | MockIdentity) => {
    const login = typeof u === 'string' ? u : u.login;
    const id = typeof u === 'string' ? undefined : u.id;
    const type = typeof u === 'string' ? undefined : u.type;
    const isBot = type === 'Bot' || login.endsWith('[bot]');
    const uid = id ?? (login === GITHUB_ACTIONS_BOT.login ? GITHUB_ACTIONS_BOT.id : stableId(login));
    const enc = encodeURIComponent(login);
    const userApi = `${base}/users/${enc}`;
    return {
      login,
      id: uid,
      node_id: Buffer.from(`${isBot ? '03:Bot' : '04:User'}${uid}`).toString('base64'),
      avatar_url:
        login === GITHUB_ACTIONS_BOT.login
          ? 'https://avatars.githubusercontent.com/in/15368?v=4'
          : `https://avatars.githubusercontent.com/u/${uid}?v=4`,
      gravatar_id: '',
      url: userApi,
      html_url: isBot ? `${serverUrl}/apps/${enc.replace(/%5Bbot%5D$/, '')}` : `${serverUrl}/${enc}`,
      followers_url: `${userApi}/followers`,
      following_url: `${userApi}/following{/other_user}`,
      gists_url: `${userApi}/gists{/gist_id}`,
      starred_url: `${userApi}/starred{/owner}{/repo}`,
      subscriptions_url: `${userApi}/subscriptions`,
      organizations_url: `${userApi}/orgs`,
      repos_url: `${userApi}/repos`,
      events_url: `${userApi}/events{/privacy}`,
      received_events_url: `${userApi}/received_events`,
      type: type ?? (isBot ? 'Bot' : 'User'),
      user_view_type: 'public',
      site_admin: false,
    };
  };
  const seedUser = (u: UserSeed) =>
    typeof u === 'string'
      ? userObject(u)
      : { ...userObject(u.login), ...(u.id ? { id: u.id } : {}), ...(u.type ? { type: u.type } : {}) };

  const appObject = (who: MockIdentity) => {
    if (who.appSlug === null) return null;
    const app = api.componentExample('integration') as Record<string, unknown>;
    const actions = who.kind === 'actions';
    return {
      ...app,
      id: who.appId,
      slug: who.appSlug,
      node_id: Buffer.from(`03:App${who.appId}`).toString('base64'),
      owner: actions ? { ...userObject('github'), id: 9919, type: 'Organization' } : userObject(owner),
      name: actions ? 'GitHub Actions' : who.appSlug,
      description: actions ? 'Automate your workflow from idea to production' : '',
      external_url: actions ? 'https://help.github.com/en/actions' : `${serverUrl}/apps/${who.appSlug}`,
      html_url: `${serverUrl}/apps/${who.appSlug}`,
      created_at: '2018-07-30T09:30:17Z',
      updated_at: '2024-04-10T20:33:16Z',
      permissions: {
        checks: 'write',
        contents: 'read',
        issues: 'write',
        metadata: 'read',
        pull_requests: 'write',
        statuses: 'write',
      },
      events: ['check_run', 'check_suite', 'pull_request', 'push'],
    };
  };

  const isPull = (issue: number) => state.pulls[issue] !== undefined;

  const makeComment = (
    issue: number,
    body: string,
    who: UserSeed | MockIdentity,
    app: unknown,
  ): IssueComment => {
    const id = ++ids.comment;
    const at = tick();
    return {
      id,
      node_id: nodeId('IC', id),
      url: `${repoApi()}/issues/comments/${id}`,
      html_url: `${repoHtml()}/${isPull(issue) ? 'pull' : 'issues'}/${issue}#issuecomment-${id}`,
      body,
      user: typeof who === 'object' && 'kind' in who ? userObject(who) : seedUser(who as UserSeed),
      created_at: at,
      updated_at: at,
      issue_url: `${repoApi()}/issues/${issue}`,
      author_association: typeof who === 'object' && 'kind' in who && who.kind === 'user' ? 'OWNER' : 'NONE',
      performed_via_github_app: app,
      reactions: {
        url: `${repoApi()}/issues/comments/${id}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0,
      },
    };
  };

  type ResolvedPull = Omit<PullSeed, 'head' | 'base'> & {
    head: { sha: string; ref: string; fork?: boolean; owner?: string };
    base: { sha: string; ref: string };
  };
  const pullSeed = (n: number): ResolvedPull => {
    const s = state.pulls[n];
    if (!s) throw new HttpError(404, 'Not Found');
    return {
      ...s,
      head: { sha: DEFAULT_HEAD_SHA, ref: 'changes', ...s.head },
      base: { sha: DEFAULT_BASE_SHA, ref: state.repository.default_branch, ...s.base },
    };
  };

  const labelObject = (name: string) => {
    const id = stableId(`label:${name}`);
    return {
      id,
      node_id: nodeId('LA', id),
      url: `${repoApi()}/labels/${encodeURIComponent(name)}`,
      name,
      // '' rather than null: pull-request-simple's label schema does not allow null.
      description: '',
      color: createHash('sha1').update(name).digest('hex').slice(0, 6),
      default: false,
    };
  };

  const repoObjectFrom = (template: Record<string, unknown>, forkOwner?: string) => {
    const o = forkOwner ?? owner;
    const id = forkOwner ? stableId(`fork:${forkOwner}/${repo}`) : repositoryId;
    let text = JSON.stringify(template);
    text = text
      .replaceAll('https://api.github.com/repos/octocat/Hello-World', `${base}/repos/${o}/${repo}`)
      .replaceAll('https://github.com/octocat/Hello-World', `${serverUrl}/${o}/${repo}`)
      .replaceAll('octocat/Hello-World', `${o}/${repo}`);
    return {
      ...(JSON.parse(text) as Record<string, unknown>),
      id,
      node_id: nodeId('R', id),
      name: repo,
      full_name: `${o}/${repo}`,
      owner: userObject(o),
      private: state.repository.private,
      fork: forkOwner !== undefined ? true : state.repository.fork,
      default_branch: state.repository.default_branch,
      visibility: state.repository.visibility,
    };
  };

  /** A `pull-request` (or, with simple, a `pull-request-simple`) from the published example and the seed. */
  const renderPull = (n: number, simple: boolean) => {
    const s = pullSeed(n);
    const example = simple
      ? ((
          api.example(api.operation('repos/list-pull-requests-associated-with-commit'), 200) as unknown[]
        )[0] as Record<string, unknown>)
      : (api.example(api.operation('pulls/get'), 200) as Record<string, unknown>);
    let text = JSON.stringify(example);
    text = text
      .replaceAll('https://api.github.com/repos/octocat/Hello-World', repoApi())
      .replaceAll('https://github.com/octocat/Hello-World', repoHtml())
      .replaceAll('/1347', `/${n}`);
    const pr = JSON.parse(text) as Record<string, unknown>;
    const exHead = pr.head as Record<string, unknown>;
    const exBase = pr.base as Record<string, unknown>;
    const forkOwner = s.head.fork ? (s.head.owner ?? 'fork-owner') : undefined;
    const headOwner = forkOwner ?? owner;
    const id = stableId(`pull:${n}`);
    const merged = s.merged ?? false;
    const closed = (s.state ?? 'open') === 'closed' || merged;
    const out: Record<string, unknown> = {
      ...pr,
      id,
      node_id: nodeId('PR', id),
      number: n,
      state: closed ? 'closed' : 'open',
      locked: false,
      active_lock_reason: null,
      title: s.title ?? `Pull request ${n}`,
      body: s.body === undefined ? null : s.body,
      user: seedUser(s.user ?? 'octocat'),
      labels: (s.labels ?? []).map(labelObject),
      milestone: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      draft: s.draft ?? false,
      created_at: iso(Date.parse(options.now ?? DEFAULT_NOW) - 86_400_000),
      updated_at: iso(Date.parse(options.now ?? DEFAULT_NOW) - 3_600_000),
      closed_at: closed ? iso(Date.parse(options.now ?? DEFAULT_NOW) - 60_000) : null,
      merged_at: merged ? iso(Date.parse(options.now ?? DEFAULT_NOW) - 60_000) : null,
      merge_commit_sha: merged ? createHash('sha1').update(`merge:${n}`).digest('hex') : null,
      statuses_url: `${repoApi()}/statuses/${s.head.sha}`,
      author_association: s.author_association ?? 'CONTRIBUTOR',
      auto_merge: null,
      head: {
        ...exHead,
        label: `${headOwner}:${s.head.ref}`,
        ref: s.head.ref,
        sha: s.head.sha,
        user: userObject(headOwner),
        repo: repoObjectFrom(exHead.repo as Record<string, unknown>, forkOwner),
      },
      base: {
        ...exBase,
        label: `${owner}:${s.base.ref}`,
        ref: s.base.ref,
        sha: s.base.sha,
        user: userObject(owner),
        repo: repoObjectFrom(exBase.repo as Record<string, unknown>),
      },
    };
    if (!simple) {
      Object.assign(out, {
        merged,
        merged_by: merged ? userObject(owner) : null,
        mergeable: closed ? null : true,
        rebaseable: closed ? null : true,
        mergeable_state: closed ? 'unknown' : 'clean',
        comments: state.comments[n]?.length ?? 0,
        review_comments: 0,
        changed_files: state.files[n]?.length ?? 0,
        additions: (state.files[n] ?? []).reduce((a, f) => a + (f.additions ?? 1), 0),
        deletions: (state.files[n] ?? []).reduce((a, f) => a + (f.deletions ?? 0), 0),
        commits: 1,
      });
    }
    return out;
  };

  const minimalPull = (n: number) => {
    const s = pullSeed(n);
    const r = { id: repositoryId, url: `${base}/repositories/${repositoryId}`, name: repo };
    return {
      id: stableId(`pull:${n}`),
      number: n,
      url: `${repoApi()}/pulls/${n}`,
      head: {
        ref: s.head.ref,
        sha: s.head.sha,
        repo: s.head.fork ? { ...r, id: stableId(`fork:${s.head.owner ?? 'fork-owner'}/${repo}`) } : r,
      },
      base: { ref: s.base.ref, sha: s.base.sha, repo: r },
    };
  };

  const openPullsWithHead = (sha: string) =>
    Object.keys(state.pulls)
      .map(Number)
      .filter((n) => {
        const s = pullSeed(n);
        return s.head.sha === sha && (s.state ?? 'open') === 'open' && !s.merged;
      });

  const annotationObject = (a: Record<string, unknown>, sha: string): CheckAnnotation => ({
    path: String(a.path),
    start_line: Number(a.start_line),
    end_line: Number(a.end_line),
    start_column: typeof a.start_column === 'number' ? a.start_column : null,
    end_column: typeof a.end_column === 'number' ? a.end_column : null,
    annotation_level: String(a.annotation_level),
    title: typeof a.title === 'string' ? a.title : null,
    message: String(a.message),
    raw_details: typeof a.raw_details === 'string' ? a.raw_details : null,
    blob_href: `${repoHtml()}/blob/${sha}/${String(a.path)}`,
  });

  // --- state -----------------------------------------------------------------------------------
  const resolveRef = (ref: string) =>
    state.refs[ref] ??
    state.refs[`heads/${ref}`] ??
    state.refs[`tags/${ref}`] ??
    state.refs[ref.replace(/^refs\//, '')] ??
    ref;

  const state: MockState = {
    owner,
    repo,
    repositoryId,
    identity,
    comments: {},
    checkRuns: [],
    annotations: {},
    statuses: {},
    pulls: {},
    reviews: {},
    issues: {},
    releases: [],
    files: {},
    refs: {},
    contents: {},
    contentsByRef: {},
    repository: { default_branch: 'master', private: false, fork: false, visibility: 'public' },
    readOnly: false,
    rateLimit: {
      limit: options.rateLimit ?? (identity.kind === 'actions' ? 1000 : 5000),
      remaining: options.rateLimit ?? (identity.kind === 'actions' ? 1000 : 5000),
      reset: Math.floor(Date.parse(options.now ?? DEFAULT_NOW) / 1000) + 3600,
    },
    now: () => iso(clock),
    addComment(issue, comment) {
      const c = makeComment(issue, comment.body, comment.user ?? 'octocat', null);
      listAt(state.comments, issue).push(c);
      return c;
    },
    seedComments(issue, n, opts = {}) {
      const out: IssueComment[] = [];
      for (let i = 0; i < n; i++) {
        const user = opts.user ?? (i % 2 === 0 ? 'octocat' : 'hubot');
        out.push(state.addComment(issue, { body: opts.body ? opts.body(i) : `comment ${i + 1}`, user }));
      }
      return out;
    },
    seedPull(number, seed = {}) {
      state.pulls[number] = seed;
      state.files[number] ??= [];
      state.reviews[number] ??= [];
      return seed;
    },
    seedIssue(number, seed = {}) {
      state.issues[number] = seed;
      return seed;
    },
    seedRelease(tag, init = {}) {
      const at = tick();
      const r: MockRelease = {
        id: ++ids.release,
        tag_name: tag,
        target_commitish: state.repository.default_branch,
        name: tag,
        body: null,
        draft: false,
        prerelease: false,
        created_at: at,
        published_at: at,
        ...init,
        assets: [],
      };
      state.releases.push(r);
      return r;
    },
    seedPullFromEvent(event) {
      const pr = event.pull_request as {
        number: number;
        title: string;
        body: string | null;
        state: 'open' | 'closed';
        draft?: boolean;
        merged?: boolean;
        user: { login: string; id: number; type: 'User' | 'Bot' | 'Organization' };
        labels: { name: string }[];
        author_association?: string;
        head: { sha: string; ref: string; repo: { id: number; owner: { login: string } } | null };
        base: { sha: string; ref: string; repo: { id: number } };
      };
      const fork = pr.head.repo !== null && pr.head.repo.id !== pr.base.repo.id;
      return state.seedPull(pr.number, {
        title: pr.title,
        body: pr.body,
        state: pr.state,
        draft: pr.draft ?? false,
        merged: pr.merged ?? false,
        user: { login: pr.user.login, id: pr.user.id, type: pr.user.type },
        labels: pr.labels.map((l) => l.name),
        head: {
          sha: pr.head.sha,
          ref: pr.head.ref,
          fork,
          ...(fork ? { owner: pr.head.repo?.owner.login } : {}),
        },
        base: { sha: pr.base.sha, ref: pr.base.ref },
        ...(pr.author_association ? { author_association: pr.author_association } : {}),
      });
    },
    checkRunsFor(sha) {
      return state.checkRuns.filter((r) => r.head_sha === sha);
    },
  };

  // --- pagination ------------------------------------------------------------------------------
  const paginate = <T>(items: T[], ctx: Ctx): { page: T[]; headers: Record<string, string> } => {
    const perPage = Math.min(Math.max(Number(ctx.query.per_page ?? 30) || 30, 1), 100);
    const page = Math.max(Number(ctx.query.page ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const linkPath =
      linkStyle === 'repositories'
        ? ctx.path.replace(`/repos/${owner}/${repo}`, `/repositories/${repositoryId}`)
        : ctx.path;
    const href = (p: number) => {
      const q = new URLSearchParams(ctx.rawQuery);
      q.delete('page');
      q.append('page', String(p));
      return `<${base}${linkPath}?${q.toString()}>`;
    };
    const links: string[] = [];
    if (page > 1) links.push(`${href(Math.min(page - 1, last))}; rel="prev"`);
    if (page < last) links.push(`${href(page + 1)}; rel="next"`, `${href(last)}; rel="last"`);
    if (page > 1) links.push(`${href(1)}; rel="first"`);
    return { page: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
  };

  // --- handlers --------------------------------------------------------------------------------
  interface Ctx {
    op: Operation;
    params: Record<string, string>;
    query: Record<string, string>;
    rawQuery: string;
    path: string;
    body: Record<string, unknown>;
    who: MockIdentity;
    auth: { scheme: string; token: string };
    accept: string;
    /** The request body as received (binary uploads). */
    raw: Buffer;
    contentType: string;
  }

  const findComment = (id: number): { issue: number; index: number; comment: IssueComment } => {
    for (const [issue, list] of Object.entries(state.comments)) {
      const index = list.findIndex((c) => c.id === id);
      if (index >= 0) return { issue: Number(issue), index, comment: list[index] as IssueComment };
    }
    throw new HttpError(404, 'Not Found');
  };
  const findRun = (id: number): CheckRun => {
    const run = state.checkRuns.find((r) => r.id === id);
    if (!run) throw new HttpError(404, 'Not Found');
    return run;
  };
  const commentBody = (body: unknown, create: boolean) => {
    const text = String(body ?? '');
    if (codePoints(text) > COMMENT_MAX) {
      throw new HttpError(
        422,
        'Validation Failed',
        { kind: 'github-rule' },
        {
          errors: [
            {
              resource: 'IssueComment',
              code: 'unprocessable',
              field: 'data',
              message: `Body is too long (maximum is ${COMMENT_MAX} characters)`,
            },
          ],
        },
      );
    }
    if (create && text.trim() === '') {
      throw new HttpError(
        422,
        'Validation Failed',
        { kind: 'github-rule' },
        { errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] },
      );
    }
    return text;
  };
  const checksAllowed = (ctx: Ctx) => {
    if (ctx.who.kind === 'user') throw new HttpError(403, 'You must authenticate via a GitHub App.');
  };
  const applyOutput = (run: CheckRun, output: Record<string, unknown> | undefined) => {
    if (!output) return;
    if (typeof output.title === 'string') run.output.title = output.title;
    if (typeof output.summary === 'string') run.output.summary = output.summary;
    if (typeof output.text === 'string') run.output.text = output.text;
    const added = Array.isArray(output.annotations) ? (output.annotations as Record<string, unknown>[]) : [];
    const list = listAt(state.annotations, run.id);
    for (const a of added) list.push(annotationObject(a, run.head_sha));
    run.output.annotations_count = list.length;
  };
  const applyStatus = (run: CheckRun, body: Record<string, unknown>, create: boolean) => {
    if (typeof body.name === 'string') run.name = body.name;
    if (typeof body.details_url === 'string') run.details_url = body.details_url;
    if (typeof body.external_id === 'string') run.external_id = body.external_id;
    if (typeof body.started_at === 'string') run.started_at = body.started_at;
    if (typeof body.status === 'string') run.status = body.status;
    if (typeof body.conclusion === 'string') {
      run.conclusion = body.conclusion;
      run.status = 'completed';
    }
    if (typeof body.completed_at === 'string') {
      run.completed_at = body.completed_at;
      if (body.conclusion === undefined && run.conclusion === null) {
        throw new HttpError(
          422,
          'Invalid request.\n\n`conclusion` is required when `completed_at` is provided.',
          {
            kind: 'github-rule',
          },
        );
      }
    }
    if (run.status === 'completed') {
      if (run.conclusion === null) {
        throw new HttpError(
          422,
          `Invalid request.\n\n\`conclusion\` is required when \`status\` is \`completed\`.`,
          { kind: 'github-rule' },
        );
      }
      run.completed_at ??= state.now();
    }
    if (create && run.status !== 'queued') run.started_at ??= state.now();
  };
  const commitStatus = (sha: string, body: Record<string, unknown>, who: MockIdentity): CommitStatus => {
    const description = typeof body.description === 'string' ? body.description : null;
    if (description !== null && codePoints(description) > STATUS_DESCRIPTION_MAX) {
      throw new HttpError(
        422,
        'Validation Failed',
        { kind: 'github-rule' },
        {
          errors: [
            {
              resource: 'Status',
              code: 'custom',
              field: 'description',
              message: `description is too long (maximum is ${STATUS_DESCRIPTION_MAX} characters)`,
            },
          ],
        },
      );
    }
    const id = ++ids.status;
    const at = tick();
    const creator = userObject(who);
    return {
      url: `${repoApi()}/statuses/${sha}`,
      avatar_url: creator.avatar_url,
      id,
      node_id: nodeId('SC', id),
      state: String(body.state),
      description,
      target_url: typeof body.target_url === 'string' ? body.target_url : null,
      context: typeof body.context === 'string' ? body.context : 'default',
      created_at: at,
      updated_at: at,
      creator,
    };
  };
  const contentFile = (path: string, text: string, ref: string | undefined): Reply => {
    const sha = gitBlobSha(text);
    const b64 = Buffer.from(text, 'utf8').toString('base64');
    const wrapped = `${(b64.match(/.{1,60}/g) ?? []).join('\n')}\n`;
    const enc = path.split('/').map(encodeURIComponent).join('/');
    const at = ref ?? state.repository.default_branch;
    const self = `${repoApi()}/contents/${enc}?ref=${encodeURIComponent(at)}`;
    const html = `${repoHtml()}/blob/${at}/${enc}`;
    const git = `${repoApi()}/git/blobs/${sha}`;
    return {
      status: 200,
      body: {
        type: 'file',
        encoding: 'base64',
        size: Buffer.byteLength(text),
        name: path.split('/').pop() ?? path,
        path,
        content: wrapped,
        sha,
        url: self,
        git_url: git,
        html_url: html,
        download_url: `https://raw.githubusercontent.com/${owner}/${repo}/${at}/${enc}`,
        _links: { self, git, html },
      },
    };
  };

  const renderIssue = (n: number) => {
    const pr = state.issues[n] === undefined ? pullSeed(n) : undefined;
    const s: IssueSeed = state.issues[n] ?? (pr as IssueSeed);
    const ex = (
      api.example(api.operation('issues/list-for-repo'), 200) as Record<string, unknown>[]
    )[0] as Record<string, unknown>;
    const id = stableId(`issue:${n}`);
    const st = s.state ?? 'open';
    const created = s.created_at ?? '2024-04-01T12:00:00Z';
    const {
      pull_request: _pr,
      milestone: _m,
      closed_by: _c,
      pinned_comment: _pc,
      assignee: _a,
      assignees: _as,
      ...rest
    } = ex;
    return {
      ...rest,
      id,
      node_id: nodeId('I', id),
      url: `${repoApi()}/issues/${n}`,
      repository_url: repoApi(),
      labels_url: `${repoApi()}/issues/${n}/labels{/name}`,
      comments_url: `${repoApi()}/issues/${n}/comments`,
      events_url: `${repoApi()}/issues/${n}/events`,
      html_url: `${repoHtml()}/${pr ? 'pull' : 'issues'}/${n}`,
      number: n,
      state: st,
      state_reason: null,
      title: s.title ?? `Issue ${n}`,
      body: s.body === undefined ? null : s.body,
      user: seedUser(s.user ?? 'octocat'),
      labels: (s.labels ?? []).map(labelObject),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: state.comments[n]?.length ?? 0,
      closed_at: st === 'closed' ? created : null,
      created_at: created,
      updated_at: created,
      author_association: 'CONTRIBUTOR',
      ...(pr
        ? {
            pull_request: {
              url: `${repoApi()}/pulls/${n}`,
              html_url: `${repoHtml()}/pull/${n}`,
              diff_url: `${repoHtml()}/pull/${n}.diff`,
              patch_url: `${repoHtml()}/pull/${n}.patch`,
              merged_at: pr.merged ? created : null,
            },
          }
        : {}),
    };
  };

  const findRelease = (id: number): MockRelease => {
    const r = state.releases.find((x) => x.id === id);
    if (!r) throw new HttpError(404, 'Not Found');
    return r;
  };
  const renderAsset = (a: MockReleaseAsset) => ({
    url: `${repoApi()}/releases/assets/${a.id}`,
    browser_download_url: `${repoHtml()}/releases/download/${encodeURIComponent(
      state.releases.find((r) => r.assets.includes(a))?.tag_name ?? '',
    )}/${encodeURIComponent(a.name)}`,
    id: a.id,
    node_id: nodeId('RA', a.id),
    name: a.name,
    label: a.label,
    state: 'uploaded',
    content_type: a.content_type,
    size: a.data.length,
    digest: `sha256:${createHash('sha256').update(a.data).digest('hex')}`,
    download_count: 0,
    created_at: a.created_at,
    updated_at: a.created_at,
    uploader: null,
  });
  const renderRelease = (r: MockRelease) => {
    const ex = api.example(api.operation('repos/get-release-by-tag'), 200) as Record<string, unknown>;
    const { reactions: _r, mentions_count: _m, discussion_url: _d, ...rest } = ex;
    const url = `${repoApi()}/releases/${r.id}`;
    return {
      ...rest,
      url,
      html_url: `${repoHtml()}/releases/tag/${encodeURIComponent(r.tag_name)}`,
      assets_url: `${url}/assets`,
      // GitHub points this at uploads.github.com; the mock serves uploads itself.
      upload_url: `${url}/assets{?name,label}`,
      tarball_url: `${repoApi()}/tarball/${encodeURIComponent(r.tag_name)}`,
      zipball_url: `${repoApi()}/zipball/${encodeURIComponent(r.tag_name)}`,
      id: r.id,
      node_id: nodeId('RE', r.id),
      tag_name: r.tag_name,
      target_commitish: r.target_commitish,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      created_at: r.created_at,
      published_at: r.published_at,
      author: userObject(identity),
      assets: r.assets.map(renderAsset),
    };
  };

  const handlers: Record<string, (ctx: Ctx) => Reply> = {
    'issues/list-comments': (ctx) => {
      const n = Number(ctx.params.issue_number);
      let list = state.comments[n] ?? [];
      if (ctx.query.since !== undefined) {
        const since = Date.parse(ctx.query.since);
        list = list.filter((c) => Date.parse(c.updated_at) >= since);
      }
      const { page, headers } = paginate(list, ctx);
      return { status: 200, body: page, headers };
    },
    'issues/create-comment': (ctx) => {
      const n = Number(ctx.params.issue_number);
      const body = commentBody(ctx.body.body, true);
      const c = makeComment(n, body, ctx.who, appObject(ctx.who));
      listAt(state.comments, n).push(c);
      return { status: 201, body: c, headers: { location: c.url } };
    },
    'issues/get-comment': (ctx) => ({
      status: 200,
      body: findComment(Number(ctx.params.comment_id)).comment,
    }),
    'issues/update-comment': (ctx) => {
      const { comment } = findComment(Number(ctx.params.comment_id));
      comment.body = commentBody(ctx.body.body, false);
      comment.updated_at = tick();
      return { status: 200, body: comment };
    },
    'issues/delete-comment': (ctx) => {
      const { issue, index } = findComment(Number(ctx.params.comment_id));
      state.comments[issue]?.splice(index, 1);
      return { status: 204 };
    },
    'checks/create': (ctx) => {
      checksAllowed(ctx);
      const id = ++ids.checkRun;
      const sha = String(ctx.body.head_sha);
      const run: CheckRun = {
        id,
        name: String(ctx.body.name),
        head_sha: sha,
        node_id: nodeId('CR', id),
        external_id: '',
        url: `${repoApi()}/check-runs/${id}`,
        html_url: `${repoHtml()}/runs/${id}`,
        details_url: `${repoHtml()}/runs/${id}`,
        status: 'queued',
        conclusion: null,
        started_at: null,
        completed_at: null,
        output: {
          title: null,
          summary: null,
          text: null,
          annotations_count: 0,
          annotations_url: `${repoApi()}/check-runs/${id}/annotations`,
        },
        check_suite: { id: ++ids.suite },
        app: appObject(ctx.who),
        pull_requests: [],
      };
      tick();
      applyStatus(run, ctx.body, true);
      applyOutput(run, ctx.body.output as Record<string, unknown> | undefined);
      run.pull_requests = openPullsWithHead(sha).map(minimalPull);
      state.checkRuns.push(run);
      return { status: 201, body: run };
    },
    'checks/update': (ctx) => {
      checksAllowed(ctx);
      const run = findRun(Number(ctx.params.check_run_id));
      tick();
      const before = structuredClone(run);
      try {
        applyStatus(run, ctx.body, false);
      } catch (e) {
        Object.assign(run, before);
        throw e;
      }
      applyOutput(run, ctx.body.output as Record<string, unknown> | undefined);
      run.pull_requests = openPullsWithHead(run.head_sha).map(minimalPull);
      return { status: 200, body: run };
    },
    'checks/get': (ctx) => ({ status: 200, body: findRun(Number(ctx.params.check_run_id)) }),
    'checks/list-annotations': (ctx) => {
      const run = findRun(Number(ctx.params.check_run_id));
      const { page, headers } = paginate(state.annotations[run.id] ?? [], ctx);
      return { status: 200, body: page, headers };
    },
    'checks/list-for-ref': (ctx) => {
      const sha = resolveRef(String(ctx.params.ref));
      let runs = state.checkRunsFor(sha).slice().reverse(); // newest first, like GitHub
      if (ctx.query.check_name) runs = runs.filter((r) => r.name === ctx.query.check_name);
      if (ctx.query.status) runs = runs.filter((r) => r.status === ctx.query.status);
      if (ctx.query.app_id)
        runs = runs.filter((r) => (r.app as { id?: number } | null)?.id === Number(ctx.query.app_id));
      if ((ctx.query.filter ?? 'latest') === 'latest') {
        const seen = new Set<string>();
        runs = runs.filter((r) => {
          if (seen.has(r.name)) return false;
          seen.add(r.name);
          return true;
        });
      }
      const { page, headers } = paginate(runs, ctx);
      return { status: 200, body: { total_count: runs.length, check_runs: page }, headers };
    },
    'repos/create-commit-status': (ctx) => {
      const sha = String(ctx.params.sha);
      const s = commitStatus(sha, ctx.body, ctx.who);
      listAt(state.statuses, sha).push(s);
      return { status: 201, body: s, headers: { location: s.url as string } };
    },
    'repos/list-commit-statuses-for-ref': (ctx) => {
      const sha = resolveRef(String(ctx.params.ref));
      const { page, headers } = paginate((state.statuses[sha] ?? []).slice().reverse(), ctx);
      return { status: 200, body: page, headers };
    },
    'pulls/get': (ctx) => ({ status: 200, body: renderPull(Number(ctx.params.pull_number), false) }),
    'pulls/list-reviews': (ctx) => {
      const n = Number(ctx.params.pull_number);
      const s = pullSeed(n);
      const list = (state.reviews[n] ?? []).map((r, i) => {
        const id = r.id ?? 1_900_000_000 + n * 1000 + i;
        const html = `${repoHtml()}/pull/${n}#pullrequestreview-${id}`;
        return {
          id,
          node_id: nodeId('PRR', id),
          user: seedUser(r.user),
          body: r.body ?? '',
          state: r.state,
          html_url: html,
          pull_request_url: `${repoApi()}/pulls/${n}`,
          _links: { html: { href: html }, pull_request: { href: `${repoApi()}/pulls/${n}` } },
          ...(r.state === 'PENDING' ? {} : { submitted_at: r.submitted_at ?? state.now() }),
          commit_id: r.commit_id ?? s.head.sha ?? DEFAULT_HEAD_SHA,
          author_association: r.author_association ?? 'COLLABORATOR',
        };
      });
      const { page, headers } = paginate(list, ctx);
      return { status: 200, body: page, headers };
    },
    'pulls/list-files': (ctx) => {
      const n = Number(ctx.params.pull_number);
      const s = pullSeed(n);
      const list = (state.files[n] ?? []).map((f) => {
        const additions = f.additions ?? 1;
        const deletions = f.deletions ?? 0;
        const enc = f.filename.split('/').map(encodeURIComponent).join('/');
        return {
          sha: gitBlobSha(`${n}:${f.filename}`),
          filename: f.filename,
          status: f.status ?? 'modified',
          additions,
          deletions,
          changes: additions + deletions,
          blob_url: `${repoHtml()}/blob/${s.head.sha}/${enc}`,
          raw_url: `${repoHtml()}/raw/${s.head.sha}/${enc}`,
          contents_url: `${repoApi()}/contents/${enc}?ref=${s.head.sha}`,
          ...(f.patch !== undefined ? { patch: f.patch } : {}),
          ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {}),
        };
      });
      // GitHub lists at most 3000 files.
      const { page, headers } = paginate(list.slice(0, 3000), ctx);
      return { status: 200, body: page, headers };
    },
    'issues/list-labels-on-issue': (ctx) => {
      const n = Number(ctx.params.issue_number);
      const { page, headers } = paginate((pullSeed(n).labels ?? []).map(labelObject), ctx);
      return { status: 200, body: page, headers };
    },
    'repos/list-pull-requests-associated-with-commit': (ctx) => {
      const sha = String(ctx.params.commit_sha);
      const nums = Object.keys(state.pulls)
        .map(Number)
        .filter((n) => pullSeed(n).head.sha === sha);
      const { page, headers } = paginate(
        nums.map((n) => renderPull(n, true)),
        ctx,
      );
      return { status: 200, body: page, headers };
    },
    'users/get-authenticated': (ctx) => {
      if (ctx.who.kind !== 'user') throw new HttpError(403, 'Resource not accessible by integration');
      const ex = api.example(api.operation('users/get-authenticated'), 200) as Record<string, unknown>;
      return { status: 200, body: { ...ex, ...userObject(ctx.who), name: ctx.who.login, email: null } };
    },
    'apps/get-authenticated': (ctx) => {
      const jwt = ctx.auth.scheme === 'bearer' && ctx.auth.token.split('.').length === 3;
      if (ctx.who.kind !== 'app' || !jwt) throw new HttpError(401, 'A JSON web token could not be decoded');
      return { status: 200, body: appObject(ctx.who) };
    },
    'repos/get': () => {
      const ex = api.example(api.operation('repos/get'), 200) as Record<string, unknown>;
      const { parent: _p, source: _s, organization: _o, template_repository: _t, ...rest } = ex;
      return {
        status: 200,
        body: {
          ...repoObjectFrom(rest),
          language: null,
          permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
        },
      };
    },
    'git/get-ref': (ctx) => {
      const ref = String(ctx.params.ref);
      const sha = state.refs[ref];
      if (!sha) throw new HttpError(404, 'Not Found');
      return {
        status: 200,
        body: {
          ref: `refs/${ref}`,
          node_id: Buffer.from(`REF_${ref}`).toString('base64'),
          url: `${repoApi()}/git/refs/${ref}`,
          object: { type: 'commit', sha, url: `${repoApi()}/git/commits/${sha}` },
        },
      };
    },
    'repos/get-content': (ctx) => {
      const p = String(ctx.params.path).replace(/^\/+/, '');
      const ref = ctx.query.ref;
      const text = (ref !== undefined ? state.contentsByRef[ref]?.[p] : undefined) ?? state.contents[p];
      if (text === undefined) throw new HttpError(404, 'Not Found');
      if (/application\/vnd\.github(\.v3)?\.raw/.test(ctx.accept)) {
        return { status: 200, raw: { text, contentType: 'text/plain; charset=utf-8' } };
      }
      return contentFile(p, text, ref);
    },
    'issues/list-for-repo': (ctx) => {
      // GitHub lists pull requests as issues too (with a `pull_request` key); numbers ascending here,
      // newest first like GitHub's default sort=created direction=desc.
      const want = (ctx.query.labels ?? '')
        .split(',')
        .map((l) => l.trim().toLowerCase())
        .filter((l) => l !== '');
      const stateQ = ctx.query.state ?? 'open';
      const numbers = [...new Set([...Object.keys(state.issues), ...Object.keys(state.pulls)].map(Number))]
        .sort((a, b) => b - a)
        .filter((n) => {
          const seed = state.issues[n] ?? pullSeed(n);
          const st = seed.state ?? 'open';
          if (stateQ !== 'all' && st !== stateQ) return false;
          const have = (seed.labels ?? []).map((l) => l.toLowerCase());
          // `labels` is an AND filter on GitHub.
          return want.every((l) => have.includes(l));
        });
      const { page, headers } = paginate(numbers.map(renderIssue), ctx);
      return { status: 200, body: page, headers };
    },
    'repos/get-release-by-tag': (ctx) => {
      const r = state.releases.find((x) => x.tag_name === ctx.params.tag && !x.draft);
      if (!r) throw new HttpError(404, 'Not Found');
      return { status: 200, body: renderRelease(r) };
    },
    'repos/create-release': (ctx) => {
      const tag = String(ctx.body.tag_name);
      if (state.releases.some((x) => x.tag_name === tag)) {
        throw new HttpError(
          422,
          'Validation Failed',
          { kind: 'github-rule' },
          { errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] },
        );
      }
      const draft = ctx.body.draft === true;
      const r = state.seedRelease(tag, {
        target_commitish:
          typeof ctx.body.target_commitish === 'string'
            ? ctx.body.target_commitish
            : state.repository.default_branch,
        name: typeof ctx.body.name === 'string' ? ctx.body.name : tag,
        body: typeof ctx.body.body === 'string' ? ctx.body.body : null,
        draft,
        prerelease: ctx.body.prerelease === true,
      });
      if (draft) r.published_at = null;
      const body = renderRelease(r);
      return { status: 201, body, headers: { location: body.url } };
    },
    'repos/list-release-assets': (ctx) => {
      const r = findRelease(Number(ctx.params.release_id));
      const { page, headers } = paginate(
        r.assets.map((a) => renderAsset(a)),
        ctx,
      );
      return { status: 200, body: page, headers };
    },
    'repos/delete-release-asset': (ctx) => {
      const id = Number(ctx.params.asset_id);
      for (const r of state.releases) {
        const i = r.assets.findIndex((a) => a.id === id);
        if (i >= 0) {
          r.assets.splice(i, 1);
          return { status: 204 };
        }
      }
      throw new HttpError(404, 'Not Found');
    },
    'repos/upload-release-asset': (ctx) => {
      // Served on the mock's own origin: the upload_url of a release points back here.
      const r = findRelease(Number(ctx.params.release_id));
      const name = String(ctx.query.name);
      if (r.assets.some((a) => a.name === name)) {
        throw new HttpError(
          422,
          'Validation Failed',
          { kind: 'github-rule' },
          { errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }] },
        );
      }
      if (!ctx.contentType) {
        throw new HttpError(422, 'Validation Failed: Content-Type is required', { kind: 'header' });
      }
      const a: MockReleaseAsset = {
        id: ++ids.asset,
        name,
        label: ctx.query.label ?? null,
        content_type: ctx.contentType,
        data: ctx.raw,
        created_at: tick(),
      };
      r.assets.push(a);
      return { status: 201, body: renderAsset(a) };
    },
    'rate-limit/get': () => {
      const used = state.rateLimit.limit - state.rateLimit.remaining;
      const core = {
        limit: state.rateLimit.limit,
        used,
        remaining: state.rateLimit.remaining,
        reset: state.rateLimit.reset,
      };
      const ex = api.example(api.operation('rate-limit/get'), 200) as { resources: Record<string, unknown> };
      return { status: 200, body: { resources: { ...ex.resources, core }, rate: core } };
    },
  };

  // --- request pipeline ------------------------------------------------------------------------
  const WRITE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

  const errorBody = (
    status: number,
    message: string,
    op: Operation | undefined,
    extra: Record<string, unknown> = {},
  ) => ({
    message,
    documentation_url: op?.docUrl ?? 'https://docs.github.com/rest',
    status: String(status),
    ...extra,
  });

  const unknownBodyProperties = (schema: unknown, value: unknown, where: string, out: SchemaError[]) => {
    const s = api.deref<Record<string, unknown>>(schema);
    if (!s || typeof s !== 'object') return;
    if (Array.isArray(value) && s.items) {
      value.forEach((v, i) => {
        unknownBodyProperties(s.items, v, `${where}/${i}`, out);
      });
      return;
    }
    if (!isPlainObject(value) || !isPlainObject(s.properties)) return;
    if (s.additionalProperties !== undefined && s.additionalProperties !== false) return;
    const props = s.properties as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) {
      if (!(k in props)) {
        out.push({
          where: `${where}/${k}`,
          message: `unknown property '${k}'`,
          keyword: 'additionalProperties',
          params: {},
        });
      } else unknownBodyProperties(props[k], v, `${where}/${k}`, out);
    }
  };

  const violation = (v: Omit<Violation, 'errors'> & { errors?: SchemaError[] }) => {
    violations.push({ ...v, errors: v.errors ?? [] });
  };

  const handle = (rawBody: string, rec: RecordedRequest, rawBytes: Buffer): Reply => {
    const method = rec.method;
    const url = rec.url;
    const ua = rec.headers['user-agent'];
    // Route first: GitHub answers 404 for unknown routes before it looks at credentials.
    const routed = api.match(method, rec.path);
    if (!routed.op) {
      violation({
        kind: 'unknown-route',
        method,
        url,
        message:
          routed.allowed.length > 0
            ? `${method} ${rec.path}: the subset has this path only for ${routed.allowed.join(', ')}`
            : `${method} ${rec.path} matches no operation in the OpenAPI subset`,
      });
      return { status: 404, body: errorBody(404, 'Not Found', undefined) };
    }
    const op = routed.op;
    rec.operationId = op.id;
    rec.template = op.template;
    rec.params = routed.params;
    const fail = (
      status: number,
      kind: ViolationKind,
      message: string,
      errors: SchemaError[] = [],
      extra = {},
    ): Reply => {
      violation({ kind, method, url, operationId: op.id, message, errors });
      return { status, body: errorBody(status, message, op, extra) };
    };

    if (!ua) {
      return fail(
        403,
        'header',
        'Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). Check https://developer.github.com for other possible causes.',
      );
    }
    const authHeader = rec.headers.authorization;
    if (!authHeader) return fail(401, 'auth', 'Requires authentication');
    const am = /^(token|bearer)\s+(\S+)\s*$/i.exec(authHeader);
    if (!am?.[2]) return fail(401, 'auth', 'Bad credentials');
    const auth = { scheme: (am[1] as string).toLowerCase(), token: am[2] };
    let who = identity;
    if (tokenIdentities) {
      const found = tokenIdentities.get(auth.token);
      if (!found) return fail(401, 'auth', 'Bad credentials');
      who = found;
    }
    const accept = rec.headers.accept ?? '';
    if (accept) {
      const ok = accept
        .split(',')
        .map((a) => a.trim().split(';')[0]?.trim().toLowerCase() ?? '')
        .some(
          (a) =>
            a === '*/*' ||
            a === 'application/*' ||
            a === 'application/json' ||
            a.startsWith('application/vnd.github'),
        );
      if (!ok)
        return fail(
          415,
          'header',
          `Unsupported 'Accept' header: '${accept}'. Must accept 'application/json'.`,
        );
    }
    const version = rec.headers['x-github-api-version'];
    if (version !== undefined && !apiVersions.includes(version)) {
      return fail(
        400,
        'header',
        `Unsupported 'X-GitHub-Api-Version' header: '${version}'. The supported versions are: ${apiVersions.join(', ')}.`,
      );
    }
    if (routed.params.owner !== undefined) {
      const same =
        routed.params.owner.toLowerCase() === owner.toLowerCase() &&
        routed.params.repo?.toLowerCase() === repo.toLowerCase();
      if (!same) {
        return fail(
          404,
          'unknown-repository',
          `Not Found (the mock serves ${owner}/${repo}, not ${routed.params.owner}/${routed.params.repo})`,
        );
      }
    }

    // Path, query, body against the description.
    const v = api.validators(op);
    const pathParams: Record<string, unknown> = { ...routed.params };
    if (!v.path(pathParams)) {
      return fail(404, 'path-params', 'Not Found', formatErrors(v.path.errors));
    }
    const queryObj: Record<string, unknown> = { ...rec.query };
    if (!v.query(queryObj)) {
      const errs = formatErrors(v.query.errors);
      const unknown = errs.filter((e) => e.keyword === 'additionalProperties');
      const real = errs.filter((e) => e.keyword !== 'additionalProperties');
      for (const e of unknown) {
        violation({
          kind: 'unknown-query-param',
          method,
          url,
          operationId: op.id,
          message: `unknown query parameter '${String(e.params.additionalProperty)}' (GitHub ignores it)`,
          errors: [e],
        });
      }
      if (real.length > 0) {
        return fail(
          422,
          'query',
          `Invalid request.\n\n${real.map((e) => `query${e.where} ${e.message}`).join('\n')}`,
          real,
          {
            errors: real.map((e) => ({
              resource: 'Query',
              field: e.where.slice(1),
              code: 'invalid',
              message: e.message,
            })),
          },
        );
      }
    }
    let body: unknown;
    const binaryBody =
      op.spec.requestBody !== undefined && op.spec.requestBody.content['application/json'] === undefined;
    if (rawBody.length > 0 && method !== 'GET' && method !== 'DELETE' && !binaryBody) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return fail(400, 'body', 'Problems parsing JSON');
      }
    }
    if (v.body) {
      if (body === undefined && v.bodyRequired) {
        return fail(422, 'body', 'Invalid request.\n\nA JSON request body is required.');
      }
      if (body !== undefined && !v.body(body)) {
        const all = formatErrors(v.body.errors);
        // An `anyOf` failure repeats its branches' errors: keep the branches' (more telling) ones.
        const errs = all.length > 1 ? all.filter((e) => e.keyword !== 'anyOf') : all;
        const long = errs.find(
          (e) =>
            e.keyword === 'maxLength' &&
            /^\/output\/(summary|text)$/.test(e.where) &&
            e.params.limit === CHECK_OUTPUT_MAX,
        );
        const message = long
          ? `Invalid request.\n\nOnly ${CHECK_OUTPUT_MAX} characters are allowed; ${codePoints(String(getPointer(body, long.where)))} were supplied.`
          : `Invalid request.\n\n${errs.map((e) => `body${e.where === '/' ? '' : e.where} ${e.message}`).join('\n')}`;
        return fail(422, 'body', message, errs, {
          errors: errs.map((e) => ({
            resource: 'Body',
            field: e.where.slice(1),
            code: 'invalid',
            message: e.message,
          })),
        });
      }
      const unknown: SchemaError[] = [];
      unknownBodyProperties(op.spec.requestBody?.content['application/json']?.schema, body, '', unknown);
      for (const e of unknown) {
        violation({
          kind: 'unknown-body-property',
          method,
          url,
          operationId: op.id,
          message: `${e.message} at ${e.where} (GitHub ignores it)`,
          errors: [e],
        });
      }
    }

    if (WRITE.has(method) && state.readOnly) {
      return { status: 403, body: errorBody(403, 'Resource not accessible by integration', op) };
    }
    if (op.id !== 'rate-limit/get') {
      if (state.rateLimit.remaining <= 0) {
        return {
          status: 403,
          body: errorBody(
            403,
            `API rate limit exceeded for ${who.kind === 'user' ? 'user' : 'installation'} ID ${who.id}.`,
            op,
          ),
        };
      }
      state.rateLimit.remaining--;
    }

    const script = scripts.find(
      (s) => (s.method === '*' || s.method === method) && (s.pattern === op.id || s.regex.test(rec.path)),
    );
    const scripted = script?.queue.shift();
    if (script && script.queue.length === 0) scripts.splice(scripts.indexOf(script), 1);
    if (scripted && (scripted.status >= 300 || scripted.body !== undefined)) {
      rec.scripted = true;
      return {
        status: scripted.status,
        body:
          scripted.body !== undefined
            ? scripted.body
            : scripted.status >= 400
              ? errorBody(scripted.status, STATUS_TEXT[scripted.status] ?? 'Error', op)
              : undefined,
        headers: scripted.headers ?? {},
      };
    }

    const handler = handlers[op.id];
    if (!handler) return fail(501, 'unknown-route', `the mock does not implement ${op.id}`);
    const ctx: Ctx = {
      op,
      params: routed.params,
      query: rec.query,
      rawQuery: new URL(url, 'http://x').search.slice(1),
      path: rec.path,
      body: isPlainObject(body) ? body : {},
      who,
      auth,
      accept,
      raw: rawBytes,
      contentType: rec.headers['content-type'] ?? '',
    };
    try {
      const reply = handler(ctx);
      if (scripted) {
        rec.scripted = true;
        return { ...reply, status: scripted.status, headers: { ...reply.headers, ...scripted.headers } };
      }
      return reply;
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      if (e.violation) return fail(e.status, e.violation.kind, e.message, e.violation.errors ?? [], e.extra);
      return { status: e.status, body: errorBody(e.status, e.message, op, e.extra) };
    }
  };

  let seq = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBytes = Buffer.concat(chunks);
      const rawBody = rawBytes.toString('utf8');
      const url = req.url ?? '/';
      const parsed = new URL(url, 'http://mock.invalid');
      let path = parsed.pathname;
      const alias = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
      if (alias && Number(alias[1]) === repositoryId) path = `/repos/${owner}/${repo}${alias[2] ?? ''}`;
      const headers: Record<string, string> = {};
      for (const [k, val] of Object.entries(req.headers)) {
        if (val !== undefined) headers[k.toLowerCase()] = Array.isArray(val) ? val.join(', ') : val;
      }
      let parsedBody: unknown;
      if (rawBody.length > 0) {
        try {
          parsedBody = JSON.parse(rawBody);
        } catch {
          parsedBody = rawBody;
        }
      }
      const rec: RecordedRequest = {
        seq: ++seq,
        method: (req.method ?? 'GET').toUpperCase(),
        url,
        path,
        query: Object.fromEntries(parsed.searchParams),
        headers,
        body: parsedBody,
        params: {},
        status: 0,
        response: undefined,
        scripted: false,
      };
      let reply: Reply;
      try {
        reply = handle(rawBody, rec, rawBytes);
      } catch (e) {
        reply = { status: 500, body: { message: `mock error: ${e instanceof Error ? e.stack : String(e)}` } };
      }
      // Check the mock's own answer against the description.
      if (!rec.scripted && reply.body !== undefined && rec.operationId) {
        const op = api.operation(rec.operationId);
        const validate = api.responseValidator(op, reply.status);
        if (validate && !validate(reply.body)) {
          violation({
            kind: 'response-schema',
            method: rec.method,
            url,
            operationId: op.id,
            message: `the mock's ${reply.status} response does not match the description (a bug of the mock)`,
            errors: formatErrors(validate.errors),
          });
        }
      }
      rec.status = reply.status;
      rec.response = reply.raw ? reply.raw.text : reply.body;
      requests.push(rec);
      const out: Record<string, string> = {
        'x-github-request-id': `MOCK:${rec.seq}`,
        'x-github-api-version-selected': '2022-11-28',
        'x-github-media-type': 'github.v3; format=json',
        'x-ratelimit-limit': String(state.rateLimit.limit),
        'x-ratelimit-remaining': String(state.rateLimit.remaining),
        'x-ratelimit-reset': String(state.rateLimit.reset),
        'x-ratelimit-used': String(state.rateLimit.limit - state.rateLimit.remaining),
        'x-ratelimit-resource': 'core',
        ...(reply.headers ?? {}),
      };
      if (reply.raw) {
        out['content-type'] = reply.raw.contentType;
        res.writeHead(reply.status, out);
        res.end(reply.raw.text);
      } else if (reply.body === undefined || reply.status === 204 || reply.status === 304) {
        res.writeHead(reply.status, out);
        res.end();
      } else {
        out['content-type'] ??= 'application/json; charset=utf-8';
        res.writeHead(reply.status, out);
        res.end(JSON.stringify(reply.body));
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    state,
    requests,
    violations,
    failNext(method, pathPattern, responses) {
      if (responses.length === 0) return;
      scripts.push({
        method: method.toUpperCase(),
        pattern: pathPattern,
        regex: globToRegex(pathPattern),
        queue: [...responses],
      });
    },
    assertNoViolations() {
      if (violations.length === 0) return;
      const lines = violations.map(
        (v) =>
          `- [${v.kind}] ${v.method} ${v.url}${v.operationId ? ` (${v.operationId})` : ''}: ${v.message}` +
          v.errors.map((e) => `\n    ${e.where} ${e.message}`).join(''),
      );
      throw new Error(`GitHub mock: ${violations.length} violation(s):\n${lines.join('\n')}`);
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function getPointer(value: unknown, pointer: string): unknown {
  let cur = value;
  for (const part of pointer.split('/').slice(1)) {
    cur = (cur as Record<string, unknown> | undefined)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return cur;
}

export type { JsonObject };
