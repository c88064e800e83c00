import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
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
  type RunContextInfo,
} from '@regops/core';
import { type ClientOptions, createClient, type GitlabClient, httpError } from './client';
import type { GitlabRunContext } from './context';

export interface PlatformLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export interface GitlabPlatformOptions {
  context: GitlabRunContext;
  /** The access token (project/group access token or personal access token); null: nothing is posted. */
  token: string | null;
  /** Where the token comes from, for messages (e.g. `the CI/CD variable REGOPS_GITLAB_TOKEN`). */
  tokenSource: string;
  /** Why there is no token, in words that say what to do; used when `token` is null. */
  tokenProblem?: string | null;
  /** The action that owns the sticky note (its marker's `action`). */
  commentAction: string;
  /** Further usernames the sticky note may have been posted as (the token's own user is asked with GET /user). */
  botUsernames?: string[];
  /** Where setOutputs writes the dotenv report (KEY=value lines); null: outputs are kept in memory only. */
  dotenvPath?: string | null;
  /** Where the full report will be (the job's artifact URL of report.html); null: the job page. */
  reportUrl?: string | null;
  log: PlatformLog;
  /** Retry settings of the client (tests shorten the backoff). */
  client?: Pick<ClientOptions, 'retries' | 'retryDelayMs' | 'maxRetryAfter' | 'timeoutMs'>;
}

/** GitLab's commit status states: RegOps' `failure` and `error` are both `failed`. */
const STATUS_STATE: Record<CommitState, 'pending' | 'success' | 'failed'> = {
  pending: 'pending',
  success: 'success',
  failure: 'failed',
  error: 'failed',
};

/** GitLab stores the description and target URL of a commit status in 255 characters. */
const STATUS_TEXT = 255;

interface NoteLike {
  id: number;
  body: string;
  system?: boolean;
  created_at: string;
  author?: { username?: string } | null;
}

/**
 * The GitLab platform adapter: the sticky merge request note, the commit status, the approvals and changed
 * files for the design review, and the dotenv outputs. Marker handling, the size budget and the choice of the
 * note to update are core's (composeComment, fitToBudget, findSticky), exactly as for GitHub.
 */
export class GitlabPlatform implements Platform {
  readonly name = 'gitlab' as const;
  readonly #ctx: GitlabRunContext;
  readonly #client: GitlabClient | null;
  readonly #options: GitlabPlatformOptions;
  readonly #outputs: Record<string, string> = {};
  readonly #botUsernames: string[];
  #identity: Promise<string[]> | null = null;

  constructor(options: GitlabPlatformOptions) {
    this.#options = options;
    this.#ctx = options.context;
    this.#botUsernames = [...(options.botUsernames ?? [])];
    const token = options.token?.trim() || null;
    this.#client =
      token === null || this.#ctx.apiUrl === null || this.#ctx.problem !== null
        ? null
        : createClient({
            apiUrl: this.#ctx.apiUrl,
            token,
            log: { info: options.log.info, debug: options.log.debug },
            ...options.client,
          });
  }

  get gitlabContext(): GitlabRunContext {
    return this.#ctx;
  }

  /** Where the full report is: the job's artifact (report.html) when known, else the job page. */
  get reportUrl(): string | null {
    return this.#options.reportUrl ?? this.#ctx.runUrl;
  }

  get outputs(): Readonly<Record<string, string>> {
    return { ...this.#outputs };
  }

  context(): RunContextInfo {
    return this.#ctx;
  }

  /** Why nothing can be sent to the API; null when it can. */
  #noApi(): string | null {
    if (this.#ctx.problem) return this.#ctx.problem;
    if (this.#client === null) {
      return (
        this.#options.tokenProblem ?? `no token: ${this.#options.tokenSource} is empty; nothing is posted`
      );
    }
    return null;
  }

  capabilities(): Capabilities {
    const noApi = this.#noApi();
    const noChange =
      this.#ctx.change === null
        ? `no merge request for this ${this.#ctx.pipelineSource ?? 'unknown'} pipeline (notes and approvals belong to merge request pipelines)`
        : null;
    const reason: Capabilities['reason'] = {};
    const cap = (k: keyof Omit<Capabilities, 'reason'>, why: string | null) => {
      if (why !== null) reason[k] = why;
      return why === null;
    };
    return {
      comment: cap('comment', noApi ?? noChange),
      checkRun: cap(
        'checkRun',
        'GitLab has no check runs: the commit status and the JUnit test report take their place',
      ),
      commitStatus: cap(
        'commitStatus',
        noApi ?? (this.#ctx.sha === null ? 'no commit SHA (CI_COMMIT_SHA)' : null),
      ),
      summary: cap(
        'summary',
        'GitLab has no job summary: the merge request note, the test report and report.html take its place',
      ),
      artifacts: cap('artifacts', "GitLab Runner uploads the files the job's artifacts: section lists"),
      reviews: cap('reviews', noApi ?? noChange),
      labels: cap('labels', noChange),
      reason,
    };
  }

  /** A refused request in words that say what to do. */
  refusal(what: string, e: { status: number; message: string }): string {
    const token = this.#options.tokenSource;
    const project = this.#ctx.repository ?? `project ${this.#ctx.projectId ?? '?'}`;
    if (e.status === 401) {
      return `${what}: GitLab refused the token in ${token} (401 ${e.message}): it has expired, was revoked or is not a token of this GitLab; create a project access token with the api scope and store it in ${token}`;
    }
    if (e.status === 403) {
      return `${what}: the token in ${token} may not do this (403 ${e.message}): it needs the api scope and the Developer role in ${project}${this.#ctx.change?.fromFork ? ' (this merge request comes from a fork: the token must belong to the target project)' : ''}`;
    }
    if (e.status === 404) {
      return `${what}: not found (404 ${e.message}); does the token's user have access to ${project}?`;
    }
    if (e.status === 429)
      return `${what}: rate limited by GitLab (429 ${e.message}) after retries; the next run will post again`;
    return `${what}: GitLab answered ${e.status} (${e.message})`;
  }

  /** The usernames our notes may carry: the token's own user (GET /user) and the configured ones. */
  async #usernames(): Promise<string[]> {
    if (this.#client === null) return this.#botUsernames;
    const client = this.#client;
    this.#identity ??= (async () => {
      const user = (await client.users.showCurrentUser()) as { username?: string };
      if (
        user.username &&
        !this.#botUsernames.some((u) => u.toLowerCase() === user.username?.toLowerCase())
      ) {
        this.#botUsernames.push(user.username);
      }
      return this.#botUsernames;
    })();
    return this.#identity;
  }

  /** The merge request as it is now (description, labels, author, head), or null when it cannot be read. */
  async fetchChange(iid: number): Promise<ChangeRequest | null> {
    if (this.#client === null || this.#ctx.mergeRequestProjectId === null) return null;
    try {
      const mr = (await this.#client.mergeRequests.show(this.#ctx.mergeRequestProjectId, iid)) as Record<
        string,
        unknown
      >;
      return changeFromMergeRequest(mr);
    } catch (e) {
      const err = httpError(e);
      if (!err || err.status >= 500) throw e;
      this.#options.log.warning(this.refusal(`reading merge request !${iid}`, err));
      return null;
    }
  }

  async upsertComment(key: string, body: string): Promise<CommentOutcome> {
    const cannot = this.capabilities().reason.comment;
    const change = this.#ctx.change;
    const project = this.#ctx.mergeRequestProjectId;
    if (cannot || this.#client === null || change === null || project === null) {
      return { status: 'skipped', reason: cannot ?? 'no merge request' };
    }
    const client = this.#client;
    const iid = change.number;
    const marker: CommentMarker = { action: this.#options.commentAction, key };
    const text = fitToBudget(composeComment(marker, body), {
      limit: PLATFORM_LIMITS.gitlabNote,
      reportUrl: this.reportUrl,
    }).markdown;
    const noteUrl = (id: number) => (change.url ? `${change.url}#note_${id}` : null);
    try {
      const usernames = await this.#usernames();
      // Every page, oldest first; system notes ("added 1 commit") are never ours.
      const notes = (
        (await client.notes.all(project, iid, {
          perPage: 100,
          sort: 'asc',
          orderBy: 'created_at',
        })) as NoteLike[]
      ).filter((n) => !n.system);
      const match = findSticky(
        notes.map((n) => ({
          id: n.id,
          author: n.author?.username ?? null,
          body: n.body ?? '',
          createdAt: n.created_at,
        })),
        { marker, botLogins: usernames },
      );
      if (match.foreign.length > 0) {
        this.#options.log.info(
          `${match.foreign.length} note(s) carry the RegOps marker but were written by someone else (not ${usernames.join(', ')}): left alone`,
        );
      }
      let outcome: CommentOutcome | null = null;
      if (match.sticky) {
        try {
          const note = (await client.notes.edit(project, iid, Number(match.sticky.id), {
            body: text,
          })) as NoteLike;
          outcome = { status: 'updated', id: String(note.id), url: noteUrl(note.id) };
        } catch (e) {
          if (httpError(e)?.status !== 404) throw e;
          this.#options.log.info(`note ${match.sticky.id} was deleted meanwhile: posting a new one`);
        }
      }
      if (outcome === null) {
        const note = (await client.notes.create(project, iid, text)) as NoteLike;
        outcome = { status: 'created', id: String(note.id), url: noteUrl(note.id) };
      }
      for (const dup of match.duplicates) {
        try {
          await client.notes.remove(project, iid, Number(dup.id));
          this.#options.log.info(`deleted duplicate RegOps note ${dup.id}`);
        } catch (e) {
          this.#options.log.info(
            `could not delete duplicate note ${dup.id} (${httpError(e)?.status ?? (e as Error).message}): left as it is`,
          );
        }
      }
      return outcome;
    } catch (e) {
      const err = httpError(e);
      if (!err || err.status >= 500) throw e;
      return { status: 'skipped', reason: this.refusal(`the note on merge request !${iid}`, err) };
    }
  }

  async publishCheck(_name: string, _output: CheckOutput): Promise<Outcome> {
    return { status: 'skipped', reason: this.capabilities().reason.checkRun ?? 'no check runs on GitLab' };
  }

  /**
   * A commit status on the head commit, in this pipeline when the pipeline ran on that commit (pipeline_id;
   * a merged-results pipeline runs on a merge commit, so its status goes on the head without one).
   */
  async setStatus(
    context: string,
    state: CommitState,
    description: string,
    targetUrl?: string,
  ): Promise<Outcome> {
    const cannot = this.capabilities().reason.commitStatus;
    const sha = this.#ctx.sha;
    const project = this.#ctx.projectId;
    if (cannot || this.#client === null || sha === null || project === null) {
      return { status: 'skipped', reason: cannot ?? 'no commit SHA' };
    }
    const chars = Array.from(description);
    const text = chars.length > STATUS_TEXT ? `${chars.slice(0, STATUS_TEXT - 1).join('')}…` : description;
    const url = targetUrl && targetUrl.length <= STATUS_TEXT ? targetUrl : (this.#ctx.jobUrl ?? undefined);
    const samePipeline =
      this.#ctx.pipelineId !== null &&
      this.#ctx.mergeRequestEventType !== 'merged_result' &&
      this.#ctx.mergeRequestEventType !== 'merge_train';
    try {
      const status = (await this.#client.commits.editStatus(project, sha, STATUS_STATE[state], {
        name: context,
        description: text,
        ...(url ? { targetUrl: url } : {}),
        ...(samePipeline ? { pipelineId: Number(this.#ctx.pipelineId) } : {}),
      })) as { target_url?: string | null };
      return { status: 'done', url: status.target_url ?? url ?? null };
    } catch (e) {
      const err = httpError(e);
      if (!err || err.status >= 500) throw e;
      // A status of that name already in that state (e.g. a retried job): GitLab refuses the transition.
      if (err.status === 400 && /cannot transition status/i.test(err.message)) {
        this.#options.log.info(`commit status ${context} is already ${STATUS_STATE[state]} (${err.message})`);
        return { status: 'done', url: url ?? null };
      }
      return { status: 'skipped', reason: this.refusal(`the commit status ${context}`, err) };
    }
  }

  /**
   * The approvals of the merge request as reviews. GitLab records who approved and (GitLab 17.x) when, but not
   * which commit. The approved commit is taken to be:
   *  - the merge request's current head, when the project resets approvals on push (every push removes the
   *    approvals, so a standing approval can only be on the current head);
   *  - otherwise the head of the merge request's diff version that was current when the approval was given
   *    (GitLab records each push as a version with the time it was created, so this is not the commit date,
   *    which the author controls);
   *  - otherwise unknown (null): such an approval does not count, and the gate says so.
   */
  async listReviews(): Promise<Review[]> {
    const change = this.#ctx.change;
    const project = this.#ctx.mergeRequestProjectId;
    if (this.#client === null || change === null || project === null) return [];
    const client = this.#client;
    const state = (await client.approvals.showConfiguration(project, { mergerequestIId: change.number })) as {
      approved_by?: { user?: { username?: string } | null; approved_at?: string | null }[];
    };
    const approvals = (state.approved_by ?? []).filter((a) => a.user?.username);
    if (approvals.length === 0) return [];

    let resetOnPush: boolean | null = null;
    try {
      const settings = (await client.approvals.showConfiguration(project)) as {
        reset_approvals_on_push?: unknown;
      };
      if (typeof settings.reset_approvals_on_push === 'boolean')
        resetOnPush = settings.reset_approvals_on_push;
    } catch (e) {
      const err = httpError(e);
      if (!err || err.status >= 500) throw e;
      // GitLab Free has no project approval settings (404), a Reporter cannot read them (403).
      this.#options.log.debug(`project approval settings: ${err.status} ${err.message}`);
    }
    let currentHead: string | null = null;
    let versions: { head: string; at: number }[] | null = null;
    if (resetOnPush) {
      const mr = await this.fetchChange(change.number);
      currentHead = mr?.headSha || null;
    } else {
      try {
        const list = (await client.mergeRequests.allDiffVersions(project, change.number)) as {
          head_commit_sha?: string;
          created_at?: string;
        }[];
        versions = list
          .map((v) => ({ head: v.head_commit_sha ?? '', at: Date.parse(v.created_at ?? '') }))
          .filter((v) => v.head !== '' && !Number.isNaN(v.at))
          .sort((a, b) => a.at - b.at);
      } catch (e) {
        const err = httpError(e);
        if (!err || err.status >= 500) throw e;
        this.#options.log.debug(`merge request versions: ${err.status} ${err.message}`);
      }
    }
    return approvals.map((a) => {
      const at = a.approved_at ?? null;
      let commitSha: string | null = null;
      if (resetOnPush) commitSha = currentHead;
      else if (at !== null && versions !== null) {
        const t = Date.parse(at);
        const before = versions.filter((v) => v.at <= t);
        commitSha = before[before.length - 1]?.head ?? null;
      }
      return {
        reviewer: a.user?.username ?? '',
        state: 'approved' as const,
        commitSha,
        submittedAt: at ?? '',
      };
    });
  }

  /** Paths the merge request changes (both sides of a rename), from its diffs, every page. */
  async changedFiles(): Promise<string[]> {
    const change = this.#ctx.change;
    const project = this.#ctx.mergeRequestProjectId;
    if (this.#client === null || change === null || project === null) return [];
    const diffs = (await this.#client.mergeRequests.allDiffs(project, change.number, { perPage: 100 })) as {
      old_path?: string;
      new_path?: string;
    }[];
    const files = new Set<string>();
    for (const d of diffs) {
      if (d.new_path) files.add(d.new_path);
      if (d.old_path) files.add(d.old_path);
    }
    return [...files];
  }

  async writeSummary(_markdown: string): Promise<Outcome> {
    return { status: 'skipped', reason: this.capabilities().reason.summary ?? 'no job summary on GitLab' };
  }

  /**
   * Outputs as a dotenv report (`artifacts:reports:dotenv`): REGOPS_<NAME>=value, one per line, for later jobs.
   * GitLab's dotenv has no quoting and no multi-line values: line breaks become spaces.
   */
  async setOutputs(outputs: Record<string, string>): Promise<Outcome> {
    Object.assign(this.#outputs, outputs);
    const file = this.#options.dotenvPath;
    if (!file) return { status: 'done', url: null };
    const lines = Object.entries(this.#outputs).map(
      ([k, v]) => `${dotenvName(k)}=${v.replace(/[\r\n]+/g, ' ')}`,
    );
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${lines.join('\n')}\n`, 'utf8');
    return { status: 'done', url: null };
  }

  async uploadArtifacts(_name: string, _files: string[]): Promise<Outcome> {
    return { status: 'skipped', reason: this.capabilities().reason.artifacts ?? 'uploaded by the runner' };
  }
}

/** `design-review` → REGOPS_DESIGN_REVIEW. */
export function dotenvName(key: string): string {
  return `REGOPS_${key.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`;
}

/** A merge request of the API (GET /projects/:id/merge_requests/:iid) as a ChangeRequest. */
export function changeFromMergeRequest(mr: Record<string, unknown>): ChangeRequest | null {
  const iid = mr.iid;
  if (typeof iid !== 'number') return null;
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  const refs = (mr.diff_refs ?? {}) as Record<string, unknown>;
  const author = (mr.author ?? {}) as Record<string, unknown>;
  const labels = Array.isArray(mr.labels)
    ? mr.labels
        .map((l) => (typeof l === 'string' ? l : s((l as Record<string, unknown>)?.name)))
        .filter((l) => l !== '')
    : [];
  return {
    number: iid,
    url: s(mr.web_url),
    title: s(mr.title),
    body: s(mr.description),
    author: s(author.username),
    labels,
    baseRef: s(mr.target_branch),
    baseSha: s(refs.base_sha),
    headRef: s(mr.source_branch),
    headSha: s(mr.sha) || s(refs.head_sha),
    fromFork:
      typeof mr.source_project_id === 'number' &&
      typeof mr.target_project_id === 'number' &&
      mr.source_project_id !== mr.target_project_id,
  };
}
