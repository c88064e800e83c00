// An offline GitLab REST API v4 for tests: a local HTTP server on 127.0.0.1 that plays the routes RegOps'
// GitLab adapter calls through gitbeaker, checks each request's method, path, query and body against the
// shapes in ./schemas.ts (written from GitLab's API documentation), keeps state (notes, commit statuses) so
// that reruns can be observed, and injects faults.
//
//   const gl = await startGitlabMock({ tokens: { 'glpat-bot': BOT }, mergeRequests: [MR] });
//   // child process: CI_API_V4_URL=gl.apiUrl, REGOPS_GITLAB_TOKEN=glpat-bot
//   gl.inject({ method: 'PUT', path: /\/notes\/\d+$/, status: 502, times: 2 });
//   ...
//   gl.assertNoViolations();
//   expect(gl.notesOf(7)).toHaveLength(1);
//   await gl.close();
//
// Violations (recorded in `violations`; the request is refused the way GitLab refuses it): an unknown route or
// method; no PRIVATE-TOKEN / Authorization header; a query or body that does not match the route's schema; a
// body that is not JSON. A response of the mock that does not match its schema is recorded too (kind
// `response-schema`: a bug of the mock). Refusals that are not violations: an unknown token (401), a note of
// another author (403 on edit/delete), an unknown merge request or note (404), and injected faults.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import * as S from './schemas';

export interface MockUser {
  id: number;
  username: string;
  name?: string;
  bot?: boolean;
}

export interface MockMergeRequest {
  iid: number;
  title: string;
  description: string;
  author: MockUser;
  labels?: string[];
  sourceBranch?: string;
  targetBranch?: string;
  /** The head commit. */
  sha: string;
  baseSha: string;
  /** A fork's merge request: its source project. */
  sourceProjectId?: number;
  approvedBy?: { user: MockUser; approvedAt?: string }[];
  /** Pushes (diff versions), oldest first; default: one version of `sha` at the MR's creation. */
  versions?: { head: string; createdAt: string }[];
  /** Changed paths; default ['regops.yml']. */
  changedFiles?: string[];
  createdAt?: string;
}

export interface GitlabMockOptions {
  /** The project served (numeric id and path); default 1217 (gitlab-ci-local's CI_PROJECT_ID) and acme/pima. */
  projectId?: number;
  projectPath?: string;
  /** Accepted tokens and whose they are; any other token gets 401. */
  tokens?: Record<string, MockUser>;
  mergeRequests?: MockMergeRequest[];
  /** Project approval settings; null: GitLab Free (GET /projects/:id/approvals answers 404). */
  resetApprovalsOnPush?: boolean | null;
  /** Start of the clock; every write advances it by one second. */
  now?: string;
  /** Base of web_url; default https://gitlab.example.com. */
  serverUrl?: string;
  /** Default page size of lists (GitLab's is 20). */
  defaultPerPage?: number;
}

export interface NoteRecord {
  id: number;
  iid: number;
  body: string;
  author: MockUser;
  createdAt: string;
  updatedAt: string;
  system: boolean;
}

export interface StatusRecord {
  id: number;
  sha: string;
  name: string;
  state: (typeof S.STATUS_STATES)[number];
  description: string | null;
  targetUrl: string | null;
  pipelineId: number | null;
  ref: string | null;
  author: MockUser;
  createdAt: string;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** The route's name, or null when unknown. */
  route: string | null;
  user: string | null;
}

export type ViolationKind = 'unknown-route' | 'auth' | 'query' | 'body' | 'json' | 'response-schema';
export interface Violation {
  kind: ViolationKind;
  method: string;
  path: string;
  message: string;
}

export interface Fault {
  method?: string;
  path: RegExp | string;
  status: number;
  /** How many matching requests fail; default 1. */
  times?: number;
  headers?: Record<string, string>;
  /** Default: nginx's text for 5xx, GitLab's {"message": …} otherwise. */
  body?: string | Record<string, unknown>;
}

export interface GitlabMock {
  url: string;
  /** CI_API_V4_URL for the jobs. */
  apiUrl: string;
  projectId: number;
  requests: RequestRecord[];
  violations: Violation[];
  notes: NoteRecord[];
  statuses: StatusRecord[];
  mergeRequests: Map<number, MockMergeRequest>;
  inject(fault: Fault): void;
  /** Notes of a merge request (not system notes), oldest first. */
  notesOf(iid: number): NoteRecord[];
  /** Add notes directly (e.g. many, to test pagination, or someone else's with our marker). */
  addNote(iid: number, author: MockUser, body: string): NoteRecord;
  /** The latest status of `name` on `sha`. */
  latestStatus(sha: string, name: string): StatusRecord | undefined;
  /** Requests to a route (by name), e.g. 'notes.update'. */
  calls(route: string): RequestRecord[];
  assertNoViolations(): void;
  close(): Promise<void>;
}

type Handler = (ctx: HandlerContext) => {
  status: number;
  body: unknown;
  schema?: z.ZodType;
  headers?: Record<string, string>;
};

interface HandlerContext {
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown>;
  user: MockUser;
  url: URL;
}

interface Route {
  name: string;
  method: string;
  pattern: RegExp;
  query: z.ZodType;
  body: z.ZodType;
  handler: Handler;
}

const PROJECT = '(?<project>[^/]+)';
const IID = String.raw`(?<iid>\d+)`;

function userBasic(u: MockUser, server: string) {
  return {
    id: u.id,
    username: u.username,
    name: u.name ?? u.username,
    state: 'active' as const,
    avatar_url: null,
    web_url: `${server}/${u.username}`,
  };
}

export async function startGitlabMock(options: GitlabMockOptions = {}): Promise<GitlabMock> {
  const projectId = options.projectId ?? 1217;
  const projectPath = options.projectPath ?? 'acme/pima';
  const server = (options.serverUrl ?? 'https://gitlab.example.com').replace(/\/+$/, '');
  const tokens = options.tokens ?? {};
  const perPageDefault = options.defaultPerPage ?? 20;
  let clock = Date.parse(options.now ?? '2024-05-01T12:00:00Z');
  const tick = () => {
    clock += 1000;
    return new Date(clock).toISOString();
  };
  const requests: RequestRecord[] = [];
  const violations: Violation[] = [];
  const notes: NoteRecord[] = [];
  const statuses: StatusRecord[] = [];
  const faults: (Fault & { times: number })[] = [];
  const mergeRequests = new Map((options.mergeRequests ?? []).map((m) => [m.iid, m]));
  let nextId = 1000;

  const mrOf = (iid: string) => mergeRequests.get(Number(iid));
  const notFound = (what: string) => ({ status: 404, body: { message: `404 ${what} Not Found` } });
  const mrUrl = (m: MockMergeRequest) => `${server}/${projectPath}/-/merge_requests/${m.iid}`;
  const noteJson = (n: NoteRecord) => ({
    id: n.id,
    type: null,
    body: n.body,
    attachment: null,
    author: userBasic(n.author, server),
    created_at: n.createdAt,
    updated_at: n.updatedAt,
    system: n.system,
    noteable_id: 50_000 + n.iid,
    noteable_type: 'MergeRequest' as const,
    project_id: projectId,
    noteable_iid: n.iid,
    resolvable: false,
    confidential: false,
    internal: false,
  });
  const created = (m: MockMergeRequest) =>
    m.createdAt ?? new Date(Date.parse(options.now ?? '2024-05-01T12:00:00Z') - 86_400_000).toISOString();
  const mrJson = (m: MockMergeRequest) => ({
    id: 50_000 + m.iid,
    iid: m.iid,
    project_id: projectId,
    title: m.title,
    description: m.description,
    state: 'opened' as const,
    created_at: created(m),
    updated_at: created(m),
    target_branch: m.targetBranch ?? 'main',
    source_branch: m.sourceBranch ?? 'feature',
    source_project_id: m.sourceProjectId ?? projectId,
    target_project_id: projectId,
    author: userBasic(m.author, server),
    labels: m.labels ?? [],
    draft: false,
    sha: m.sha,
    diff_refs: { base_sha: m.baseSha, head_sha: m.sha, start_sha: m.baseSha },
    web_url: mrUrl(m),
    references: { short: `!${m.iid}`, relative: `!${m.iid}`, full: `${projectPath}!${m.iid}` },
  });

  /** One page of `items` with GitLab's offset-pagination headers (x-*, Link). */
  const page = <T>(items: T[], ctx: HandlerContext, schema: z.ZodType) => {
    const per = Number(ctx.query.per_page ?? perPageDefault);
    const current = Number(ctx.query.page ?? 1);
    const total = items.length;
    const pages = Math.max(1, Math.ceil(total / per));
    const link = (p: number) => {
      const u = new URL(ctx.url.href);
      u.searchParams.set('page', String(p));
      u.searchParams.set('per_page', String(per));
      return u.href;
    };
    const links: string[] = [];
    if (current > 1) links.push(`<${link(current - 1)}>; rel="prev"`);
    if (current < pages) links.push(`<${link(current + 1)}>; rel="next"`);
    links.push(`<${link(1)}>; rel="first"`, `<${link(pages)}>; rel="last"`);
    return {
      status: 200,
      body: items.slice((current - 1) * per, current * per),
      schema,
      headers: {
        'x-page': String(current),
        'x-per-page': String(per),
        'x-total': String(total),
        'x-total-pages': String(pages),
        'x-next-page': current < pages ? String(current + 1) : '',
        'x-prev-page': current > 1 ? String(current - 1) : '',
        link: links.join(', '),
      },
    };
  };

  const routes: Route[] = [
    {
      name: 'user',
      method: 'GET',
      pattern: /^\/api\/v4\/user$/,
      query: S.EmptyQuery,
      body: S.EmptyBody,
      handler: ({ user }) => ({
        status: 200,
        body: { ...userBasic(user, server), bot: user.bot ?? false, created_at: '2024-01-01T00:00:00.000Z' },
        schema: S.CurrentUser,
      }),
    },
    {
      name: 'mr.show',
      method: 'GET',
      pattern: new RegExp(`^/api/v4/projects/${PROJECT}/merge_requests/${IID}$`),
      query: S.EmptyQuery,
      body: S.EmptyBody,
      handler: ({ params }) => {
        const m = mrOf(params.iid ?? '');
        return m ? { status: 200, body: mrJson(m), schema: S.MergeRequest } : notFound('Merge Request');
      },
    },
    {
      name: 'notes.list',
      method: 'GET',
      pattern: new RegExp(`^/api/v4/projects/${PROJECT}/merge_requests/${IID}/notes$`),
      query: S.ListNotesQuery,
      body: S.EmptyBody,
      handler: (ctx) => {
        const iid = Number(ctx.params.iid);
        if (!mergeRequests.has(iid)) return notFound('Merge Request');
        const key = ctx.query.order_by === 'updated_at' ? 'updatedAt' : 'createdAt';
        const list = notes
          .filter((n) => n.iid === iid)
          .sort((a, b) => a[key].localeCompare(b[key]) || a.id - b.id);
        // GitLab's default order is newest first.
        if (ctx.query.sort !== 'asc') list.reverse();
        return page(list.map(noteJson), ctx, S.Note.array());
      },
    },
    {
      name: 'notes.create',
      method: 'POST',
      pattern: new RegExp(`^/api/v4/projects/${PROJECT}/merge_requests/${IID}/notes$`),
      query: S.EmptyQuery,
      body: S.CreateNoteBody,
      handler: ({ params, body, user }) => {
        const iid = Number(params.iid);
        if (!mergeRequests.has(iid)) return notFound('Merge Request');
        const at = tick();
        const n: NoteRecord = {
          id: nextId++,
          iid,
          body: String(body.body),
          author: user,
          createdAt: at,
          updatedAt: at,
          system: false,
        };
        notes.push(n);
        return { status: 201, body: noteJson(n), schema: S.Note };
      },
    },
    {
      name: 'notes.update',
      method: 'PUT',
      pattern: new RegExp(`^/api/v4/projects/${PROJECT}/merge_requests/${IID}/notes/(?<note>\\d+)$`),
      query: S.EmptyQuery,
      body: S.UpdateNoteBody,
      handler: ({ params, body, user }) => {
        const n = notes.find((x) => x.id === Number(params.note) && x.iid === Number(params.iid));
        if (!n) return notFound('Note');
        if (n.author.id !== user.id) return { status: 403, body: { message: '403 Forbidden' } };
        n.body = String(body.body);
        n.updatedAt = tick();
        return { status: 200, body: noteJson(n), schema: S.Note };
      },
    },
    {
      name: 'notes.delete',
      method: 'DELETE',
      pattern: new RegExp(`^/api/v4/projects/${PROJECT}/merge_requests/${IID}/notes/(?<note>\\d+)$`),
      query: S.EmptyQuery,
      body: S.EmptyBody,
      handler: ({ params, user }) => {
        const i = notes.findIndex((x) => x.id === Number(params.note) && x.iid === Number(params.iid));
        const n = notes[i];
        if (!n) return notFound('Note');
        if (n.author.id !== user.id) return { status: 403, body: { message: '403 Forbidden' } };
        notes.splice(i, 1);
        return { status: 204, body: null };
      },
    },
    {
      name: 'statuses.create',
      method: 'POST',
      pattern: new RegExp(`^/api/v4/projects/${PROJECT}/statuses/(?<sha>[0-9a-fA-F]+)$`),
      query: S.EmptyQuery,
      body: S.CreateStatusBody,
      handler: ({ params, body, user }) => {
        const sha = params.sha ?? '';
        if (!/^[0-9a-f]{40}$/.test(sha)) return notFound('Commit');
        const s: StatusRecord = {
          id: nextId++,
          sha,
          name: String(body.name ?? body.context ?? 'default'),
          state: body.state as StatusRecord['state'],
          description: typeof body.description === 'string' ? body.description : null,
          targetUrl: typeof body.target_url === 'string' ? body.target_url : null,
          pipelineId: typeof body.pipeline_id === 'number' ? body.pipeline_id : null,
          ref: typeof body.ref === 'string' ? body.ref : null,
          author: user,
          createdAt: tick(),
        };
        statuses.push(s);
        const finished = ['success', 'failed', 'canceled', 'skipped'].includes(s.state);
        return {
          status: 201,
          body: {
            id: s.id,
            sha: s.sha,
            ref: s.ref,
            status: s.state,
            name: s.name,
            target_url: s.targetUrl,
            description: s.description,
            created_at: s.createdAt,
            started_at: s.state === 'pending' ? null : s.createdAt,
            finished_at: finished ? s.createdAt : null,
            allow_failure: false,
            coverage: null,
            pipeline_id: s.pipelineId,
            author: userBasic(user, server),
          },
          schema: S.CommitStatus,
        };
      },
    },
    {
      name: 'mr.approvals',
      method: 'GET',
      pattern: new RegExp(`^/api/v4/projects/${PROJECT}/merge_requests/${IID}/approvals$`),
      query: S.EmptyQuery,
      body: S.EmptyBody,
      handler: ({ params }) => {
        const m = mrOf(params.iid ?? '');
        if (!m) return notFound('Merge Request');
        const by = m.approvedBy ?? [];
        return {
          status: 200,
          body: {
            id: 50_000 + m.iid,
            iid: m.iid,
            project_id: projectId,
            title: m.title,
            description: m.description,
            state: 'opened',
            created_at: created(m),
            updated_at: created(m),
            merge_status: 'can_be_merged',
            approved: by.length > 0,
            approvals_required: 0,
            approvals_left: 0,
            approved_by: by.map((a) => ({
              user: userBasic(a.user, server),
              ...(a.approvedAt ? { approved_at: a.approvedAt } : {}),
            })),
          },
          schema: S.MergeRequestApprovals,
        };
      },
    },
    {
      name: 'project.approvals',
      method: 'GET',
      pattern: new RegExp(`^/api/v4/projects/${PROJECT}/approvals$`),
      query: S.EmptyQuery,
      body: S.EmptyBody,
      handler: () => {
        const reset = options.resetApprovalsOnPush ?? null;
        if (reset === null) return { status: 404, body: { message: '404 Not Found' } };
        return {
          status: 200,
          body: {
            approvals_before_merge: 0,
            reset_approvals_on_push: reset,
            disable_overriding_approvers_per_merge_request: false,
            merge_requests_author_approval: false,
            merge_requests_disable_committers_approval: false,
            require_password_to_approve: false,
          },
          schema: S.ProjectApprovalSettings,
        };
      },
    },
    {
      name: 'mr.versions',
      method: 'GET',
      pattern: new RegExp(`^/api/v4/projects/${PROJECT}/merge_requests/${IID}/versions$`),
      query: S.PageQuery,
      body: S.EmptyBody,
      handler: (ctx) => {
        const m = mrOf(ctx.params.iid ?? '');
        if (!m) return notFound('Merge Request');
        const versions = m.versions ?? [{ head: m.sha, createdAt: created(m) }];
        // Newest first, as GitLab lists them.
        const list = versions
          .map((v, i) => ({
            id: 70_000 + i,
            head_commit_sha: v.head,
            base_commit_sha: m.baseSha,
            start_commit_sha: m.baseSha,
            created_at: v.createdAt,
            merge_request_id: 50_000 + m.iid,
            state: 'collected',
            real_size: '1',
          }))
          .reverse();
        return page(list, ctx, S.DiffVersion.array());
      },
    },
    {
      name: 'mr.diffs',
      method: 'GET',
      pattern: new RegExp(`^/api/v4/projects/${PROJECT}/merge_requests/${IID}/diffs$`),
      query: S.PageQuery.extend({ unidiff: z.enum(['true', 'false']).optional() }),
      body: S.EmptyBody,
      handler: (ctx) => {
        const m = mrOf(ctx.params.iid ?? '');
        if (!m) return notFound('Merge Request');
        const diffs = (m.changedFiles ?? ['regops.yml']).map((p) => ({
          old_path: p,
          new_path: p,
          a_mode: '100644',
          b_mode: '100644',
          diff: '@@ -1 +1 @@\n-a\n+b\n',
          new_file: false,
          renamed_file: false,
          deleted_file: false,
          generated_file: false,
        }));
        return page(diffs, ctx, S.Diff.array());
      },
    },
  ];

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (status === 204 || body === null) {
      res.writeHead(status, headers);
      res.end();
      return;
    }
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/html' : 'application/json',
      ...headers,
    });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const query = Object.fromEntries(url.searchParams.entries());
    const record: RequestRecord = {
      method,
      path: url.pathname,
      query,
      body: undefined,
      status: 0,
      route: null,
      user: null,
    };
    requests.push(record);
    const reply = (status: number, body: unknown, headers?: Record<string, string>) => {
      record.status = status;
      send(res, status, body, headers);
    };
    const violation = (kind: ViolationKind, message: string) =>
      violations.push({ kind, method, path: url.pathname, message });

    let body: unknown;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        violation('json', `the body is not JSON: ${raw.slice(0, 80)}`);
        return reply(400, { error: 'body is not valid JSON' });
      }
    }
    record.body = body;

    const route = routes.find((r) => r.pattern.test(url.pathname) && r.method === method);
    if (!route) {
      const other = routes.some((r) => r.pattern.test(url.pathname));
      violation('unknown-route', other ? `method ${method} not allowed` : 'no such route');
      return reply(other ? 405 : 404, { error: other ? '405 Method Not Allowed' : '404 Not Found' });
    }
    record.route = route.name;
    const fault = faults.find(
      (f) =>
        f.times > 0 &&
        (f.method === undefined || f.method === method) &&
        (typeof f.path === 'string' ? url.pathname.endsWith(f.path) : f.path.test(url.pathname)),
    );
    if (fault) {
      fault.times--;
      const text =
        fault.body ??
        (fault.status >= 500
          ? `<html><body><h1>${fault.status} Bad Gateway</h1></body></html>`
          : { message: `${fault.status}` });
      return reply(fault.status, text, fault.headers);
    }
    const params = (route.pattern.exec(url.pathname)?.groups ?? {}) as Record<string, string>;
    if (params.project !== undefined) {
      const p = decodeURIComponent(params.project);
      if (p !== String(projectId) && p !== projectPath)
        return reply(404, { message: '404 Project Not Found' });
    }

    const token =
      (req.headers['private-token'] as string | undefined) ??
      /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (token === undefined) {
      violation('auth', 'no PRIVATE-TOKEN or Authorization: Bearer header');
      return reply(401, { message: '401 Unauthorized' });
    }
    const user = tokens[token];
    if (!user) return reply(401, { message: '401 Unauthorized' });
    record.user = user.username;
    if (raw !== '' && !/^application\/json\b/.test(String(req.headers['content-type'] ?? ''))) {
      violation('body', `content-type ${req.headers['content-type'] ?? '(none)'} for a JSON body`);
    }

    const q = route.query.safeParse(query);
    if (!q.success) {
      violation(
        'query',
        q.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`).join('; '),
      );
      return reply(400, { error: q.error.issues[0]?.message ?? 'invalid query' });
    }
    const b = route.body.safeParse(body);
    if (!b.success) {
      violation(
        'body',
        b.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
      );
      const field = b.error.issues[0]?.path[0];
      return reply(400, { error: field ? `${String(field)} is invalid` : 'body is invalid' });
    }
    const out = route.handler({ params, query, body: (body ?? {}) as Record<string, unknown>, user, url });
    if (out.schema && out.status < 300) {
      const check = out.schema.safeParse(out.body);
      if (!check.success)
        violation(
          'response-schema',
          check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        );
    }
    return reply(out.status, out.body, out.headers);
  };

  const srv = createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      violations.push({
        kind: 'response-schema',
        method: req.method ?? '',
        path: req.url ?? '',
        message: `mock crashed: ${e.stack}`,
      });
      if (!res.headersSent) send(res, 500, { message: '500 Internal Server Error' });
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    apiUrl: `${url}/api/v4`,
    projectId,
    requests,
    violations,
    notes,
    statuses,
    mergeRequests,
    inject(fault) {
      faults.push({ ...fault, times: fault.times ?? 1 });
    },
    notesOf: (iid) => notes.filter((n) => n.iid === iid && !n.system).sort((a, b) => a.id - b.id),
    addNote(iid, author, body) {
      const at = tick();
      const n: NoteRecord = { id: nextId++, iid, body, author, createdAt: at, updatedAt: at, system: false };
      notes.push(n);
      return n;
    },
    latestStatus: (sha, name) => statuses.filter((s) => s.sha === sha && s.name === name).at(-1),
    calls: (route) => requests.filter((r) => r.route === route),
    assertNoViolations() {
      if (violations.length > 0) {
        throw new Error(
          `GitLab mock: ${violations.length} violation(s):\n${violations.map((v) => `  ${v.kind} ${v.method} ${v.path}: ${v.message}`).join('\n')}`,
        );
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        srv.closeAllConnections();
        srv.close(() => resolve());
      }),
  };
}
