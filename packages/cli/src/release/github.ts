import type { ChangeRequest, Review, ReviewState } from '@regops/core';

/** The check (or commit status context) whose conclusion is the change's design-control verdict. */
export const DESIGN_CONTROL_CHECK = 'regops/design-control';

export interface GithubApi {
  /** GITHUB_API_URL, without a trailing slash. */
  baseUrl: string;
  token: string;
  /** owner/name. */
  repository: string;
}

/** What the API answered about one pull request. */
export interface FetchedPull {
  change: ChangeRequest;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  reviews: Review[];
  check: DesignControlCheck | null;
}

export interface DesignControlCheck {
  name: string;
  source: 'check-run' | 'status';
  status: string;
  /** success, failure, neutral, … ; null while the check has not completed. */
  conclusion: string | null;
  completed_at: string | null;
  url: string | null;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** The API settings from the environment, or why there are none. */
export function githubApiFromEnv(
  env: NodeJS.ProcessEnv,
  repository?: string,
): { api: GithubApi } | { reason: string } {
  const missing: string[] = [];
  const baseUrl = env.GITHUB_API_URL?.trim();
  const token = (env.GITHUB_TOKEN ?? env.GH_TOKEN)?.trim();
  const repo = (repository ?? env.GITHUB_REPOSITORY)?.trim();
  if (!baseUrl) missing.push('GITHUB_API_URL');
  if (!token) missing.push('GITHUB_TOKEN (or GH_TOKEN)');
  if (!repo) missing.push('GITHUB_REPOSITORY (or --repo)');
  if (missing.length > 0 || !baseUrl || !token || !repo) return { reason: `${missing.join(', ')} not set` };
  if (!/^[^/\s]+\/[^/\s]+$/.test(repo)) return { reason: `repository "${repo}" is not owner/name` };
  return { api: { baseUrl: baseUrl.replace(/\/+$/, ''), token, repository: repo } };
}

const API_VERSION = '2022-11-28';

async function request(
  api: GithubApi,
  pathAndQuery: string,
): Promise<{ body: unknown; next: string | null }> {
  const url = pathAndQuery.startsWith('http') ? pathAndQuery : `${api.baseUrl}${pathAndQuery}`;
  let res: Response;
  try {
    res = await fetch(url, {
      headers: {
        authorization: `Bearer ${api.token}`,
        accept: 'application/vnd.github+json',
        'user-agent': 'regops-release',
        'x-github-api-version': API_VERSION,
      },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    const cause = (e as Error & { cause?: Error }).cause;
    throw new ApiError(`GET ${url}: ${cause?.message ?? (e as Error).message}`, null);
  }
  const text = await res.text();
  if (!res.ok) {
    let message = text.slice(0, 200);
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? message;
    } catch {}
    throw new ApiError(`GET ${pathAndQuery.split('?')[0]}: ${res.status} ${message}`, res.status);
  }
  const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
  try {
    return { body: JSON.parse(text), next };
  } catch {
    throw new ApiError(`GET ${pathAndQuery.split('?')[0]}: the answer is not JSON`, res.status);
  }
}

async function getAll<T>(api: GithubApi, first: string, pick: (body: unknown) => T[]): Promise<T[]> {
  const out: T[] = [];
  let next: string | null = first;
  for (let page = 0; next !== null && page < 50; page++) {
    const r: { body: unknown; next: string | null } = await request(api, next);
    out.push(...pick(r.body));
    next = r.next;
  }
  return out;
}

type Json = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const login = (u: unknown): string => str((u as Json | null)?.login);

const REVIEW_STATE: Record<string, ReviewState> = {
  APPROVED: 'approved',
  CHANGES_REQUESTED: 'changes_requested',
  COMMENTED: 'commented',
  DISMISSED: 'dismissed',
};

/** A pull request's review record: the PR, its reviews, and the design-control check on its head commit. */
export async function fetchPull(api: GithubApi, number: number): Promise<FetchedPull> {
  const repo = `/repos/${api.repository}`;
  const pr = (await request(api, `${repo}/pulls/${number}`)).body as Json;
  const head = (pr.head ?? {}) as Json;
  const base = (pr.base ?? {}) as Json;
  const change: ChangeRequest = {
    number,
    url: str(pr.html_url),
    title: str(pr.title),
    body: str(pr.body),
    author: login(pr.user),
    labels: ((pr.labels as Json[] | undefined) ?? []).map((l) => str(l.name)),
    baseRef: str(base.ref),
    baseSha: str(base.sha),
    headRef: str(head.ref),
    headSha: str(head.sha),
    fromFork: Boolean(((head.repo ?? {}) as Json).fork),
  };
  const reviews = (
    await getAll(api, `${repo}/pulls/${number}/reviews?per_page=100`, (b) => (b as Json[]) ?? [])
  )
    .filter((r) => REVIEW_STATE[str(r.state)] !== undefined)
    .map(
      (r): Review => ({
        reviewer: login(r.user),
        state: REVIEW_STATE[str(r.state)] as ReviewState,
        commitSha: typeof r.commit_id === 'string' ? r.commit_id : null,
        submittedAt: str(r.submitted_at),
      }),
    );
  return {
    change,
    mergedAt: typeof pr.merged_at === 'string' ? pr.merged_at : null,
    mergeCommitSha: typeof pr.merge_commit_sha === 'string' ? pr.merge_commit_sha : null,
    reviews,
    check: change.headSha ? await fetchDesignControl(api, change.headSha) : null,
  };
}

/** The latest `regops/design-control` check run on a commit, else its latest commit status of that context. */
async function fetchDesignControl(api: GithubApi, sha: string): Promise<DesignControlCheck | null> {
  const repo = `/repos/${api.repository}`;
  const name = encodeURIComponent(DESIGN_CONTROL_CHECK);
  const runs = (await request(api, `${repo}/commits/${sha}/check-runs?check_name=${name}&per_page=100`))
    .body as { check_runs?: Json[] };
  const run = (runs.check_runs ?? []).find((r) => r.name === DESIGN_CONTROL_CHECK);
  if (run) {
    return {
      name: DESIGN_CONTROL_CHECK,
      source: 'check-run',
      status: str(run.status),
      conclusion: typeof run.conclusion === 'string' ? run.conclusion : null,
      completed_at: typeof run.completed_at === 'string' ? run.completed_at : null,
      url: typeof run.html_url === 'string' ? run.html_url : null,
    };
  }
  const statuses = (await request(api, `${repo}/commits/${sha}/statuses?per_page=100`)).body as Json[];
  const status = (statuses ?? []).find((s) => s.context === DESIGN_CONTROL_CHECK); // newest first
  if (!status) return null;
  const state = str(status.state);
  return {
    name: DESIGN_CONTROL_CHECK,
    source: 'status',
    status: state === 'pending' ? 'in_progress' : 'completed',
    conclusion: state === 'pending' ? null : state,
    completed_at: str(status.created_at) || null,
    url: typeof status.target_url === 'string' ? status.target_url : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Residual anomalies and the GitHub release

/** One open issue (pull requests skipped) with any of the labels; GitHub's `labels` filter is AND, so one list per label. */
export async function listOpenIssues(
  api: GithubApi,
  labels: readonly string[],
): Promise<
  {
    number: number;
    title: string;
    body: string;
    url: string;
    author: string;
    labels: string[];
    created_at: string;
  }[]
> {
  const repo = `/repos/${api.repository}`;
  const seen = new Map<number, Json>();
  for (const label of labels) {
    const q = new URLSearchParams({ state: 'open', labels: label, per_page: '100' });
    const list = await getAll(api, `${repo}/issues?${q.toString()}`, (b) => (b as Json[]) ?? []);
    for (const issue of list) {
      if (issue.pull_request !== undefined) continue;
      const n = Number(issue.number);
      if (!seen.has(n)) seen.set(n, issue);
    }
  }
  return [...seen.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, i]) => ({
      number,
      title: str(i.title),
      body: str(i.body),
      url: str(i.html_url),
      author: login(i.user),
      labels: ((i.labels as (Json | string)[] | undefined) ?? []).map((l) =>
        typeof l === 'string' ? l : str(l.name),
      ),
      created_at: str(i.created_at),
    }));
}

async function send(
  api: GithubApi,
  method: string,
  url: string,
  body: { json: unknown } | { bytes: Uint8Array; contentType: string } | null,
): Promise<{ status: number; body: unknown }> {
  const full = url.startsWith('http') ? url : `${api.baseUrl}${url}`;
  const headers: Record<string, string> = {
    authorization: `Bearer ${api.token}`,
    accept: 'application/vnd.github+json',
    'user-agent': 'regops-release',
    'x-github-api-version': API_VERSION,
  };
  let payload: string | Uint8Array | undefined;
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers['content-type'] = body.contentType;
    payload = body.bytes;
  }
  let res: Response;
  try {
    res = await fetch(full, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
      signal: AbortSignal.timeout(120_000),
    });
  } catch (e) {
    const cause = (e as Error & { cause?: Error }).cause;
    throw new ApiError(`${method} ${full}: ${cause?.message ?? (e as Error).message}`, null);
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {}
  if (!res.ok && res.status !== 404) {
    const message = (parsed as { message?: string } | null)?.message ?? text.slice(0, 200);
    throw new ApiError(`${method} ${full.split('?')[0]}: ${res.status} ${message}`, res.status);
  }
  return { status: res.status, body: parsed };
}

export interface PublishedAsset {
  release_id: number;
  release_url: string;
  /** True when the release was created by this run. */
  created: boolean;
  asset_id: number;
  name: string;
  size: number;
  download_url: string;
  /** True when an asset of the same name was replaced. */
  replaced: boolean;
}

/**
 * Attaches a file to the GitHub release of a tag: finds the release (repos/get-release-by-tag) or creates it
 * (repos/create-release), removes an earlier asset of the same name (a rerun), and uploads to the release's
 * `upload_url` (uploads.github.com on GitHub; whatever the server answers otherwise).
 */
export async function publishToRelease(
  api: GithubApi,
  tag: string,
  target: string,
  file: { name: string; data: Uint8Array; contentType: string },
): Promise<PublishedAsset> {
  const repo = `/repos/${api.repository}`;
  let created = false;
  let got = await send(api, 'GET', `${repo}/releases/tags/${encodeURIComponent(tag)}`, null);
  if (got.status === 404) {
    got = await send(api, 'POST', `${repo}/releases`, {
      json: { tag_name: tag, target_commitish: target, name: tag },
    });
    if (got.status === 404) throw new ApiError(`POST ${repo}/releases: 404 Not Found`, 404);
    created = true;
  }
  const release = got.body as Json;
  const id = Number(release.id);
  let replaced = false;
  const assets = await getAll(api, `${repo}/releases/${id}/assets?per_page=100`, (b) => (b as Json[]) ?? []);
  for (const a of assets.filter((x) => x.name === file.name)) {
    await send(api, 'DELETE', `${repo}/releases/assets/${Number(a.id)}`, null);
    replaced = true;
  }
  const template = str(release.upload_url) || `${api.baseUrl}${repo}/releases/${id}/assets`;
  const uploadUrl = `${template.replace(/\{[^}]*\}$/, '')}?name=${encodeURIComponent(file.name)}`;
  const up = await send(api, 'POST', uploadUrl, { bytes: file.data, contentType: file.contentType });
  if (up.status === 404) throw new ApiError(`POST ${uploadUrl.split('?')[0]}: 404 Not Found`, 404);
  const asset = up.body as Json;
  return {
    release_id: id,
    release_url: str(release.html_url),
    created,
    asset_id: Number(asset.id),
    name: str(asset.name),
    size: Number(asset.size),
    download_url: str(asset.browser_download_url),
    replaced,
  };
}
