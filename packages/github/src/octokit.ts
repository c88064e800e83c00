import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

/** The REST API version every request asks for (and the committed OpenAPI subset describes). */
export const API_VERSION = '2022-11-28';

export type GithubClient = ReturnType<typeof getOctokit>;

let clients = 0;

export interface ClientLog {
  debug(message: string): void;
  info(message: string): void;
}

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL. */
  baseUrl: string;
  log: ClientLog;
  /** Retries of a 5xx answer, 1 s, 4 s, 9 s apart (rate limits are the throttling plugin's, which honours retry-after). */
  retries?: number;
  /** Longest wait for a rate limit (primary or secondary) before giving up, in seconds. */
  maxRateLimitWait?: number;
  /** How many times one request waits out a rate limit. */
  rateLimitRetries?: number;
}

/**
 * Octokit from @actions/github (proxy-aware fetch, GITHUB_API_URL) with the retry and throttling plugins:
 * 5xx answers are retried (bounded), rate limits (403/429 with x-ratelimit-remaining: 0, or a secondary
 * limit with retry-after) are waited out when the wait is short, and writes are spaced as GitHub asks.
 * 4xx answers other than rate limits are never retried: the caller turns them into a clear message.
 */
export function createClient(options: ClientOptions): GithubClient {
  const maxWait = options.maxRateLimitWait ?? 60;
  const rateRetries = options.rateLimitRetries ?? 2;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const what = `${request.method} ${request.url}`;
      if (retryCount < rateRetries && retryAfter <= maxWait) {
        options.log.info(`GitHub ${kind} for ${what}: retrying in ${retryAfter} s`);
        return true;
      }
      options.log.info(
        `GitHub ${kind} for ${what}: not waiting ${retryAfter} s (${retryCount} retries so far; at most ${rateRetries}, ${maxWait} s each)`,
      );
      return false;
    };
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      userAgent: 'regops-action',
      log: {
        debug: (m: string) => options.log.debug(`octokit: ${m}`),
        info: (m: string) => options.log.debug(`octokit: ${m}`),
        warn: (m: string) => options.log.info(`octokit: ${m}`),
        error: (m: string) => options.log.info(`octokit: ${m}`),
      },
      retry: {
        retries: options.retries ?? 3,
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
      },
      throttle: {
        // Writes are paced per client (one per action run); the plugin's default key would pace every client
        // of the process together.
        id: `regops-${++clients}`,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
  octokit.hook.before('request', (request) => {
    request.headers['x-github-api-version'] = API_VERSION;
  });
  return octokit;
}

/** Status, message and GitHub's own message of a failed request; null for anything that is not an HTTP error. */
export function httpError(e: unknown): { status: number; message: string } | null {
  if (e === null || typeof e !== 'object') return null;
  const err = e as { status?: unknown; message?: unknown; response?: { data?: unknown } };
  if (typeof err.status !== 'number') return null;
  const data = err.response?.data;
  const apiMessage =
    data !== null && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string'
      ? (data as { message: string }).message
      : null;
  return {
    status: err.status,
    message: (apiMessage ?? (typeof err.message === 'string' ? err.message : '')).split('\n')[0] ?? '',
  };
}
