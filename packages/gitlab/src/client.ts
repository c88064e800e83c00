import {
  Commits,
  GitbeakerRequestError,
  MergeRequestApprovals,
  MergeRequestNotes,
  MergeRequests,
  Users,
} from '@gitbeaker/rest';

/**
 * The GitLab REST client: @gitbeaker/rest's resources (they know the routes, the pagination by Link header
 * and the parameter names) over a small requester of our own. gitbeaker's default requester retries only 429
 * and 502, ten times, 0.25 ms to 128 ms apart, and ignores Retry-After; this one retries every 5xx and 429 a
 * bounded number of times with exponential backoff, honours Retry-After (capped), and never retries another
 * 4xx: the caller turns those into a clear message.
 */

export interface ClientLog {
  debug(message: string): void;
  info(message: string): void;
}

export interface ClientOptions {
  /** CI_API_V4_URL, e.g. https://gitlab.example.com/api/v4 (a relative-URL install keeps its path). */
  apiUrl: string;
  /** A project/group access token or personal access token (sent as PRIVATE-TOKEN). */
  token: string;
  log: ClientLog;
  /** Retries of a 5xx or 429 answer (and of a network error); default 4. */
  retries?: number;
  /** First backoff in ms, doubled each retry (1 s, 2 s, 4 s, 8 s by default). */
  retryDelayMs?: number;
  /** Longest Retry-After honoured, in seconds; a longer one ends the retries. Default 60. */
  maxRetryAfter?: number;
  /** Per-request timeout in ms; default 30 s. */
  timeoutMs?: number;
}

type ResourceConfig = ConstructorParameters<typeof MergeRequestNotes>[0];
type RequesterFn = NonNullable<ResourceConfig['requesterFn']>;
type ResourceOptions = Parameters<RequesterFn>[0];
type Requester = ReturnType<RequesterFn>;
type RequestArgs = Parameters<Requester['get']>[1];

export interface GitlabClient {
  notes: InstanceType<typeof MergeRequestNotes<false>>;
  mergeRequests: InstanceType<typeof MergeRequests<false>>;
  approvals: InstanceType<typeof MergeRequestApprovals<false>>;
  commits: InstanceType<typeof Commits<false>>;
  users: InstanceType<typeof Users<false>>;
}

/** snake_case keys, as the GitLab API expects (gitbeaker's resources take camelCase options). */
function decamelize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decamelize);
  if (value === null || typeof value !== 'object' || value instanceof FormData) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()] = decamelize(v);
  }
  return out;
}

function queryString(params: Record<string, unknown> | undefined): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries((decamelize(params ?? {}) as Record<string, unknown>) ?? {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const x of v) q.append(`${k}[]`, String(x));
    else q.append(k, String(v));
  }
  return q.toString();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait asked for by a Retry-After header (seconds or an HTTP date), in ms; null when absent or unreadable. */
function retryAfterMs(header: string | null): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

async function parseBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const text = await response.text();
  if (type === 'application/json') return text === '' ? {} : JSON.parse(text);
  return text;
}

/** GitLab's own words from an error body ({message} or {error}; a message may be an object of field errors). */
function describeError(body: unknown, status: number, statusText: string): string {
  if (body !== null && typeof body === 'object') {
    const b = body as { message?: unknown; error?: unknown };
    const m = b.message ?? b.error;
    if (typeof m === 'string') return m;
    if (m !== undefined) return JSON.stringify(m);
  }
  // A proxy's HTML error page says nothing the status line does not.
  if (typeof body === 'string' && body.trim() !== '' && body.length < 300 && !/^\s*</.test(body))
    return body.trim();
  return `${status} ${statusText}`.trim();
}

export function createRequesterFn(options: Omit<ClientOptions, 'apiUrl' | 'token'>): RequesterFn {
  const retries = options.retries ?? 4;
  const baseDelay = options.retryDelayMs ?? 1000;
  const maxAfter = (options.maxRetryAfter ?? 60) * 1000;
  const timeout = options.timeoutMs ?? 30_000;
  return (resource: ResourceOptions): Requester => {
    const call =
      (method: string) =>
      async (
        endpoint: string,
        args?: RequestArgs,
      ): Promise<{ body: never; headers: Record<string, string>; status: number }> => {
        const base = resource.url.endsWith('/') ? resource.url : `${resource.url}/`;
        const url = new URL(endpoint, base);
        url.search = queryString(args?.searchParams);
        const headers: Record<string, string> = { ...resource.headers, 'user-agent': 'regops-gitlab' };
        for (const [name, value] of Object.entries(resource.authHeaders)) headers[name] = await value();
        if (args?.sudo !== undefined) headers.sudo = String(args.sudo);
        let body: string | FormData | undefined;
        if (args?.body instanceof FormData) body = args.body;
        else if (args?.body !== undefined && method !== 'GET') {
          body = JSON.stringify(decamelize(args.body));
          headers['content-type'] = 'application/json';
        }
        const what = `${method} ${url.pathname}`;
        for (let attempt = 0; ; attempt++) {
          let response: Response;
          try {
            response = await fetch(url, {
              method,
              headers,
              ...(body !== undefined ? { body } : {}),
              signal: args?.signal ?? AbortSignal.timeout(timeout),
            });
          } catch (e) {
            if (attempt >= retries) throw e;
            const wait = baseDelay * 2 ** attempt;
            options.log.info(
              `GitLab ${what}: ${(e as Error).message} (network); retry ${attempt + 1}/${retries} in ${wait} ms`,
            );
            await sleep(wait);
            continue;
          }
          const parsed = await parseBody(response);
          if (response.ok) {
            return {
              body: parsed as never,
              headers: Object.fromEntries(response.headers.entries()),
              status: response.status,
            };
          }
          const retryable = response.status >= 500 || response.status === 429;
          const asked = retryAfterMs(response.headers.get('retry-after'));
          if (retryable && attempt < retries && (asked === null || asked <= maxAfter)) {
            const wait = asked ?? baseDelay * 2 ** attempt;
            options.log.info(
              `GitLab ${what}: ${response.status} ${response.statusText}; retry ${attempt + 1}/${retries} in ${wait} ms`,
            );
            await sleep(wait);
            continue;
          }
          const description = describeError(parsed, response.status, response.statusText);
          throw new GitbeakerRequestError(description, {
            cause: {
              description,
              request: new Request(url, { method }),
              response: new Response(typeof parsed === 'string' ? parsed : JSON.stringify(parsed), {
                status: response.status,
                statusText: response.statusText,
                headers: response.headers,
              }),
            },
          });
        }
      };
    return {
      get: call('GET'),
      post: call('POST'),
      put: call('PUT'),
      patch: call('PATCH'),
      delete: call('DELETE'),
    } as unknown as Requester;
  };
}

/** The gitbeaker resources RegOps uses, on `apiUrl` with `token`. */
export function createClient(options: ClientOptions): GitlabClient {
  const host = options.apiUrl.replace(/\/+$/, '').replace(/\/api\/v4$/, '');
  const config = {
    host,
    token: options.token,
    requesterFn: createRequesterFn(options),
    // The requester has its own timeout per attempt.
    queryTimeout: null,
  } as const;
  return {
    notes: new MergeRequestNotes(config),
    mergeRequests: new MergeRequests(config),
    approvals: new MergeRequestApprovals(config),
    commits: new Commits(config),
    users: new Users(config),
  };
}

/** Status and GitLab's message of a failed request; null for anything that is not an HTTP error. */
export function httpError(e: unknown): { status: number; message: string } | null {
  if (!(e instanceof GitbeakerRequestError)) return null;
  const cause = e.cause as { response?: Response; description?: string } | undefined;
  const status = cause?.response?.status;
  if (typeof status !== 'number') return null;
  return { status, message: (cause?.description ?? e.message).split('\n')[0] ?? '' };
}
