import { readFileSync } from 'node:fs';
import type { ChangeRequest, RunContextInfo } from '@regops/core';

/**
 * The run as GitHub Actions describes it: the GITHUB_* variables and the webhook payload at GITHUB_EVENT_PATH.
 * Read from an environment object (not @actions/github's module-level `context`) so every field is testable.
 */

/** Events the actions understand; anything else runs locally and posts nothing, saying why. */
export const SUPPORTED_EVENTS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'push',
  'workflow_dispatch',
  'release',
  'workflow_run',
] as const;
export type SupportedEvent = (typeof SUPPORTED_EVENTS)[number];

export interface GithubRunContext extends RunContextInfo {
  platform: 'github';
  owner: string | null;
  repo: string | null;
  apiUrl: string;
  serverUrl: string;
  runId: string | null;
  /** GITHUB_WORKSPACE (the checkout), else the working directory. */
  workspace: string;
  /** Why this run cannot publish to GitHub (unsupported event, no repository, unreadable payload); null: it can. */
  problem: string | null;
  /** workflow_run: the triggering run's head SHA and event; null otherwise. */
  triggeringRun: { headSha: string; event: string; id: number | null } | null;
}

type Payload = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const obj = (v: unknown): Payload => (v !== null && typeof v === 'object' ? (v as Payload) : {});

/** A pull request object of a webhook payload (or of GET /pulls/{n}) as a ChangeRequest. */
export function changeFromPull(pr: Payload): ChangeRequest | null {
  const number = pr.number;
  if (typeof number !== 'number') return null;
  const head = obj(pr.head);
  const base = obj(pr.base);
  const headRepo = head.repo === null ? null : obj(head.repo);
  const baseRepo = obj(base.repo);
  const headName = headRepo === null ? null : str(headRepo.full_name);
  const baseName = str(baseRepo.full_name);
  return {
    number,
    url: str(pr.html_url) ?? '',
    title: typeof pr.title === 'string' ? pr.title : '',
    body: typeof pr.body === 'string' ? pr.body : '',
    author: str(obj(pr.user).login) ?? '',
    labels: Array.isArray(pr.labels)
      ? pr.labels.map((l) => str(obj(l).name)).filter((l): l is string => l !== null)
      : [],
    baseRef: str(base.ref) ?? '',
    baseSha: str(base.sha) ?? '',
    headRef: str(head.ref) ?? '',
    headSha: str(head.sha) ?? '',
    // A deleted head repository (null) is a fork that is gone; a different repository is a fork.
    fromFork:
      headRepo === null ||
      head.repo === undefined ||
      (headName !== null && baseName !== null && headName.toLowerCase() !== baseName.toLowerCase()),
  };
}

export function readGithubContext(env: NodeJS.ProcessEnv = process.env): GithubRunContext {
  const event = env.GITHUB_EVENT_NAME ?? '';
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const problems: string[] = [];

  let payload: Payload = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    try {
      payload = obj(JSON.parse(readFileSync(eventPath, 'utf8')));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(
        `the event payload ${eventPath} could not be read (${code === 'ENOENT' ? 'file not found' : (e as Error).message})`,
      );
    }
  }

  const repository = str(env.GITHUB_REPOSITORY) ?? str(obj(payload.repository).full_name);
  const [owner, repo] = repository?.includes('/') ? repository.split('/', 2) : [null, null];
  if (repository === null) problems.push('GITHUB_REPOSITORY is not set: not running on GitHub Actions?');

  let change: ChangeRequest | null = null;
  let sha = str(env.GITHUB_SHA);
  let triggeringRun: GithubRunContext['triggeringRun'] = null;
  if (event === '') {
    problems.push('GITHUB_EVENT_NAME is not set: not running on GitHub Actions?');
  } else if (!(SUPPORTED_EVENTS as readonly string[]).includes(event)) {
    problems.push(
      `the event "${event}" is not supported: run RegOps on ${SUPPORTED_EVENTS.slice(0, -1).join(', ')} (or workflow_run for the docs action); see actions/README.md`,
    );
  } else if (event === 'pull_request' || event === 'pull_request_target' || event === 'pull_request_review') {
    change = changeFromPull(obj(payload.pull_request));
    if (change === null) problems.push(`the ${event} payload has no pull_request.number`);
    // GITHUB_SHA is the merge commit; checks and approvals belong to the head commit.
    else sha = change.headSha || sha;
  } else if (event === 'workflow_run') {
    const run = obj(payload.workflow_run);
    const headSha = str(run.head_sha);
    if (headSha === null) problems.push('the workflow_run payload has no workflow_run.head_sha');
    else {
      triggeringRun = {
        headSha,
        event: str(run.event) ?? '',
        id: typeof run.id === 'number' ? run.id : null,
      };
      sha = headSha;
      const prs = Array.isArray(run.pull_requests) ? run.pull_requests : [];
      // Filled for same-repository pull requests only; a fork's number comes from the evidence.
      const first = prs.length > 0 ? obj(prs[0]) : null;
      if (first && typeof first.number === 'number') {
        change = {
          number: first.number,
          url: repository ? `${serverUrl}/${repository}/pull/${first.number}` : '',
          title: '',
          body: '',
          author: '',
          labels: [],
          baseRef: str(obj(first.base).ref) ?? '',
          baseSha: str(obj(first.base).sha) ?? '',
          headRef: str(obj(first.head).ref) ?? '',
          headSha: str(obj(first.head).sha) ?? headSha,
          fromFork: false,
        };
      }
    }
  }

  const runId = str(env.GITHUB_RUN_ID);
  return {
    platform: 'github',
    event: event || 'unknown',
    repository,
    owner: owner ?? null,
    repo: repo ?? null,
    sha,
    ref: str(env.GITHUB_REF),
    change,
    runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : null,
    apiUrl,
    serverUrl,
    runId,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    problem: problems.length > 0 ? problems.join('; ') : null,
    triggeringRun,
  };
}
