import { statSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import {
  type Annotation,
  type Capabilities,
  type ChangeRequest,
  type CheckOutput,
  type CommentMarker,
  type CommentOutcome,
  type CommitState,
  composeComment,
  findSticky,
  fitToBudget,
  type Outcome,
  PLATFORM_LIMITS,
  type Platform,
  type Review,
  type ReviewState,
  type RunContextInfo,
} from '@regops/core';
import { changeFromPull, type GithubRunContext } from './context';
import { createClient, type GithubClient, httpError } from './octokit';

export interface PlatformLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export interface GithubPlatformOptions {
  context: GithubRunContext;
  /** The token (input `token`, default GITHUB_TOKEN); null: nothing is read from or written to the API. */
  token: string | null;
  /** The action that owns the sticky comment (its marker's `action`). */
  commentAction: string;
  /**
   * Logins the sticky comment may have been posted as (compared case-insensitively); default
   * `github-actions[bot]` (GITHUB_TOKEN). A personal access token's own login is added when GET /user answers.
   */
  botLogins?: string[];
  log: PlatformLog;
  /** Passed to the client (tests shorten nothing: the waits are the real ones). */
  retries?: number;
}

const ACTIONS_BOT = 'github-actions[bot]';
const MAX_ANNOTATION_MESSAGE = 4000;
const STATUS_DESCRIPTION = 140;

/** What a refused write means, in words that say what to do. */
function refusal(
  what: string,
  permission: string,
  e: { status: number; message: string },
  change: ChangeRequest | null,
): string {
  if (e.status === 401) return `${what}: the token was refused (401 ${e.message}): check the token input`;
  if (e.status === 403 && /rate limit/i.test(e.message)) {
    return `${what}: GitHub's rate limit was reached (403 ${e.message}); the next run will post again`;
  }
  if (e.status === 403 && change?.fromFork) {
    return `${what}: the token is read-only (403 ${e.message}) because this pull request comes from a fork; post from a second workflow on workflow_run (see actions/README.md, "Pull requests from forks")`;
  }
  if (e.status === 403) {
    return `${what}: the token may not do this (403 ${e.message}); give the job \`permissions: ${permission}: write\`, or the token that permission`;
  }
  if (e.status === 404) {
    return `${what}: not found (404 ${e.message}); does the token have access to this repository?`;
  }
  if (e.status === 429) return `${what}: rate limited (429 ${e.message}); the next run will post again`;
  return `${what}: GitHub answered ${e.status} (${e.message})`;
}

const REVIEW_STATE: Record<string, ReviewState> = {
  APPROVED: 'approved',
  CHANGES_REQUESTED: 'changes_requested',
  COMMENTED: 'commented',
  DISMISSED: 'dismissed',
};

/** The GitHub platform adapter: sticky comment, check run (commit status as fallback), job summary, outputs, artifacts. */
export class GithubPlatform implements Platform {
  readonly name = 'github' as const;
  readonly #ctx: GithubRunContext;
  readonly #token: string | null;
  readonly #client: GithubClient | null;
  readonly #log: PlatformLog;
  readonly #commentAction: string;
  readonly #botLogins: string[];
  #identityChecked = false;
  #reportUrl: string | null = null;

  constructor(options: GithubPlatformOptions) {
    this.#ctx = options.context;
    this.#token = options.token && options.token.trim() !== '' ? options.token.trim() : null;
    this.#log = options.log;
    this.#commentAction = options.commentAction;
    this.#botLogins =
      options.botLogins && options.botLogins.length > 0 ? [...options.botLogins] : [ACTIONS_BOT];
    this.#client =
      this.#token === null || this.#ctx.owner === null
        ? null
        : createClient({
            token: this.#token,
            baseUrl: this.#ctx.apiUrl,
            log: { debug: options.log.debug, info: options.log.info },
            ...(options.retries !== undefined ? { retries: options.retries } : {}),
          });
  }

  /** Where the full report is: the artifact once uploaded, else the run's page. */
  get reportUrl(): string | null {
    return this.#reportUrl ?? this.#ctx.runUrl;
  }

  context(): RunContextInfo {
    return this.#ctx;
  }

  get githubContext(): GithubRunContext {
    return this.#ctx;
  }

  /** Adopt the change request the run belongs to (e.g. read back from the evidence in a workflow_run). */
  setChange(change: ChangeRequest): void {
    this.#ctx.change = change;
    if (change.headSha) this.#ctx.sha = change.headSha;
  }

  #noApi(): string | null {
    if (this.#ctx.problem) return this.#ctx.problem;
    if (this.#token === null) {
      return 'no token: the token input is empty (default: the workflow GITHUB_TOKEN); nothing is posted';
    }
    return null;
  }

  capabilities(): Capabilities {
    const noApi = this.#noApi();
    const noChange = this.#ctx.change === null ? `no pull request for the ${this.#ctx.event} event` : null;
    const summaryPath = process.env.GITHUB_STEP_SUMMARY;
    const reason: Capabilities['reason'] = {};
    const cap = (k: keyof Omit<Capabilities, 'reason'>, why: string | null) => {
      if (why !== null) reason[k] = why;
      return why === null;
    };
    return {
      comment: cap('comment', noApi ?? noChange),
      checkRun: cap('checkRun', noApi ?? (this.#ctx.sha === null ? 'no commit SHA' : null)),
      commitStatus: cap('commitStatus', noApi ?? (this.#ctx.sha === null ? 'no commit SHA' : null)),
      summary: cap('summary', summaryPath ? null : 'GITHUB_STEP_SUMMARY is not set (not on a runner)'),
      artifacts: cap(
        'artifacts',
        process.env.ACTIONS_RUNTIME_TOKEN
          ? null
          : 'the artifact service is not available (no ACTIONS_RUNTIME_TOKEN: not on a GitHub-hosted or self-hosted runner)',
      ),
      reviews: cap('reviews', noApi ?? noChange),
      labels: cap('labels', noChange),
      reason,
    };
  }

  #repo(): { owner: string; repo: string } {
    return { owner: this.#ctx.owner ?? '', repo: this.#ctx.repo ?? '' };
  }

  /** A personal access token may say who it is; GITHUB_TOKEN and App tokens get 403/401 and keep the given logins. */
  async #identity(): Promise<string[]> {
    if (this.#identityChecked || this.#client === null) return this.#botLogins;
    this.#identityChecked = true;
    if (!/^(ghp_|github_pat_|gho_|ghu_)/.test(this.#token ?? '')) return this.#botLogins;
    try {
      const { data } = await this.#client.rest.users.getAuthenticated();
      if (data.login && !this.#botLogins.some((l) => l.toLowerCase() === data.login.toLowerCase())) {
        this.#botLogins.push(data.login);
      }
    } catch (e) {
      this.#log.debug(`GET /user: ${httpError(e)?.status ?? (e as Error).message}`);
    }
    return this.#botLogins;
  }

  /** The pull request as it is now (title, body and labels may have changed since the event), or null. */
  async fetchChange(number: number): Promise<ChangeRequest | null> {
    if (this.#client === null) return null;
    try {
      const { data } = await this.#client.rest.pulls.get({ ...this.#repo(), pull_number: number });
      return changeFromPull(data as unknown as Record<string, unknown>);
    } catch (e) {
      const err = httpError(e);
      if (!err) throw e;
      this.#log.info(refusal(`reading pull request #${number}`, 'pull-requests', err, this.#ctx.change));
      return null;
    }
  }

  async upsertComment(key: string, body: string): Promise<CommentOutcome> {
    const cannot = this.capabilities().reason.comment;
    if (cannot || this.#client === null || this.#ctx.change === null) {
      return { status: 'skipped', reason: cannot ?? 'no pull request' };
    }
    const client = this.#client;
    const issue_number = this.#ctx.change.number;
    const marker: CommentMarker = { action: this.#commentAction, key };
    const text = fitToBudget(composeComment(marker, body), {
      limit: PLATFORM_LIMITS.githubComment,
      reportUrl: this.reportUrl,
    }).markdown;
    const what = `the comment on pull request #${issue_number}`;
    try {
      const comments = await client.paginate(client.rest.issues.listComments, {
        ...this.#repo(),
        issue_number,
        per_page: 100,
      });
      const match = findSticky(
        comments.map((c) => ({
          id: c.id,
          author: c.user?.login ?? null,
          body: c.body ?? '',
          createdAt: c.created_at,
          url: c.html_url,
        })),
        { marker, botLogins: await this.#identity() },
      );
      if (match.foreign.length > 0) {
        this.#log.info(
          `${match.foreign.length} comment(s) carry the RegOps marker but were written by someone else (not ${this.#botLogins.join(', ')}): left alone`,
        );
      }
      let outcome: CommentOutcome | null = null;
      if (match.sticky) {
        try {
          const { data } = await client.rest.issues.updateComment({
            ...this.#repo(),
            comment_id: Number(match.sticky.id),
            body: text,
          });
          outcome = { status: 'updated', id: String(data.id), url: data.html_url };
        } catch (e) {
          // Deleted since it was listed: post a new one.
          if (httpError(e)?.status !== 404) throw e;
          this.#log.info(`comment ${match.sticky.id} was deleted meanwhile: posting a new one`);
        }
      }
      if (outcome === null) {
        const { data } = await client.rest.issues.createComment({
          ...this.#repo(),
          issue_number,
          body: text,
        });
        outcome = { status: 'created', id: String(data.id), url: data.html_url };
      }
      for (const dup of match.duplicates) {
        try {
          await client.rest.issues.deleteComment({ ...this.#repo(), comment_id: Number(dup.id) });
          this.#log.info(`deleted duplicate RegOps comment ${dup.id}`);
        } catch (e) {
          this.#log.info(
            `could not delete duplicate comment ${dup.id} (${httpError(e)?.status ?? (e as Error).message}): left as it is`,
          );
        }
      }
      return outcome;
    } catch (e) {
      const err = httpError(e);
      if (!err || err.status >= 500) throw e;
      return { status: 'skipped', reason: refusal(what, 'pull-requests', err, this.#ctx.change) };
    }
  }

  /**
   * A completed check run on the head commit, with the summary fitted to 65 535 characters and the annotations
   * sent 50 per request. When check runs are refused (a personal token, or `checks: write` missing), a commit
   * status with the same name is set instead.
   */
  async publishCheck(name: string, output: CheckOutput): Promise<Outcome> {
    const cannot = this.capabilities().reason.checkRun;
    if (cannot || this.#client === null || this.#ctx.sha === null) {
      return { status: 'skipped', reason: cannot ?? 'no commit SHA' };
    }
    const client = this.#client;
    const summary = fitToBudget(output.summary, {
      limit: PLATFORM_LIMITS.githubCheckSummary,
      reportUrl: this.reportUrl,
    }).markdown;
    const title = output.title.slice(0, 255);
    const annotations = output.annotations.map((a) => ({
      path: a.path,
      start_line: a.startLine,
      end_line: a.endLine,
      annotation_level: a.level,
      title: a.title.slice(0, 255),
      message:
        a.message.length > MAX_ANNOTATION_MESSAGE
          ? `${a.message.slice(0, MAX_ANNOTATION_MESSAGE)}…`
          : a.message,
    }));
    const per = PLATFORM_LIMITS.githubAnnotationsPerRequest;
    try {
      const { data } = await client.rest.checks.create({
        ...this.#repo(),
        name,
        head_sha: this.#ctx.sha,
        status: 'completed',
        conclusion: output.conclusion,
        ...(this.#ctx.runUrl ? { details_url: this.#ctx.runUrl } : {}),
        output: { title, summary, annotations: annotations.slice(0, per) },
      });
      for (let i = per; i < annotations.length; i += per) {
        await client.rest.checks.update({
          ...this.#repo(),
          check_run_id: data.id,
          output: { title, summary, annotations: annotations.slice(i, i + per) },
        });
      }
      return { status: 'done', url: data.html_url ?? null };
    } catch (e) {
      const err = httpError(e);
      if (!err || err.status >= 500) throw e;
      if (err.status !== 403 || /rate limit/i.test(err.message)) {
        return {
          status: 'skipped',
          reason: refusal(`the check run ${name}`, 'checks', err, this.#ctx.change),
        };
      }
      this.#log.info(
        `check run ${name} refused (403 ${err.message}): setting a commit status ${name} instead`,
      );
      const state: CommitState = output.conclusion === 'failure' ? 'failure' : 'success';
      const status = await this.setStatus(name, state, title, this.reportUrl ?? undefined);
      if (status.status === 'skipped') {
        return {
          status: 'skipped',
          reason: `${refusal(`the check run ${name}`, 'checks', err, this.#ctx.change)}; and ${status.reason}`,
        };
      }
      return status;
    }
  }

  async setStatus(
    context: string,
    state: CommitState,
    description: string,
    targetUrl?: string,
  ): Promise<Outcome> {
    const cannot = this.capabilities().reason.commitStatus;
    if (cannot || this.#client === null || this.#ctx.sha === null) {
      return { status: 'skipped', reason: cannot ?? 'no commit SHA' };
    }
    const chars = Array.from(description);
    const text =
      chars.length > STATUS_DESCRIPTION ? `${chars.slice(0, STATUS_DESCRIPTION - 1).join('')}…` : description;
    try {
      const { data } = await this.#client.rest.repos.createCommitStatus({
        ...this.#repo(),
        sha: this.#ctx.sha,
        state,
        context,
        description: text,
        ...(targetUrl ? { target_url: targetUrl } : {}),
      });
      return { status: 'done', url: data.target_url ?? null };
    } catch (e) {
      const err = httpError(e);
      if (!err || err.status >= 500) throw e;
      return {
        status: 'skipped',
        reason: refusal(`the commit status ${context}`, 'statuses', err, this.#ctx.change),
      };
    }
  }

  /** Every submitted review, oldest first (pending reviews are not reviews yet). Throws on HTTP errors. */
  async listReviews(): Promise<Review[]> {
    if (this.#client === null || this.#ctx.change === null) return [];
    const client = this.#client;
    const reviews = await client.paginate(client.rest.pulls.listReviews, {
      ...this.#repo(),
      pull_number: this.#ctx.change.number,
      per_page: 100,
    });
    const out: Review[] = [];
    for (const r of reviews) {
      const state = REVIEW_STATE[r.state];
      if (!state || !r.user) continue;
      out.push({
        reviewer: r.user.login,
        state,
        commitSha: r.commit_id ?? null,
        submittedAt: r.submitted_at ?? '',
      });
    }
    return out;
  }

  /** Files changed by the pull request (GitHub lists at most 3000). Throws on HTTP errors. */
  async changedFiles(): Promise<string[]> {
    if (this.#client === null || this.#ctx.change === null) return [];
    const client = this.#client;
    const files = await client.paginate(client.rest.pulls.listFiles, {
      ...this.#repo(),
      pull_number: this.#ctx.change.number,
      per_page: 100,
    });
    return files.map((f) => f.filename);
  }

  /** Appends to the job summary, fitted to what is left of its 1 MiB. */
  async writeSummary(markdown: string): Promise<Outcome> {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) return { status: 'skipped', reason: 'GITHUB_STEP_SUMMARY is not set (not on a runner)' };
    let used = 0;
    try {
      used = statSync(file).size;
    } catch {
      used = 0;
    }
    const limit = PLATFORM_LIMITS.githubStepSummaryBytes - used - 1;
    if (limit < 512) return { status: 'skipped', reason: 'the job summary of this step is full (1 MiB)' };
    const fitted = fitToBudget(markdown, { limit, reportUrl: this.reportUrl, unit: 'utf8' }).markdown;
    try {
      await core.summary.addRaw(fitted, true).write();
      return { status: 'done', url: null };
    } catch (e) {
      return { status: 'skipped', reason: `the job summary could not be written: ${(e as Error).message}` };
    }
  }

  async setOutputs(outputs: Record<string, string>): Promise<Outcome> {
    for (const [k, v] of Object.entries(outputs)) core.setOutput(k, v);
    return { status: 'done', url: null };
  }

  /** Uploads the files as one artifact (needs the runner's artifact service: ACTIONS_RUNTIME_TOKEN). */
  async uploadArtifacts(name: string, files: string[]): Promise<Outcome> {
    const cannot = this.capabilities().reason.artifacts;
    if (cannot) return { status: 'skipped', reason: cannot };
    if (files.length === 0) return { status: 'skipped', reason: 'no files' };
    const root = commonDir(files);
    try {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const client = new DefaultArtifactClient();
      const res = await client.uploadArtifact(name, files, root, {});
      const url =
        res.id !== undefined && this.#ctx.runUrl !== null ? `${this.#ctx.runUrl}/artifacts/${res.id}` : null;
      if (url) this.#reportUrl = url;
      return { status: 'done', url };
    } catch (e) {
      return {
        status: 'skipped',
        reason: `the artifact ${name} could not be uploaded: ${(e as Error).message.split('\n')[0]}${/Conflict|already exists/i.test((e as Error).message) ? ' (an artifact of that name exists in this run: set artifact-name)' : ''}`,
      };
    }
  }
}

function commonDir(files: string[]): string {
  const dirs = files.map((f) => path.dirname(path.resolve(f)).split(path.sep));
  const first = dirs[0] ?? [];
  let n = first.length;
  for (const d of dirs) {
    let i = 0;
    while (i < n && d[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}

export type { Annotation };
