import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The one interface every CI platform adapter (GitHub, GitLab, local) implements. A capability the platform
 * or the token lacks is a flag in `capabilities()` with the reason, and the matching call resolves to
 * `{ status: 'skipped', reason }`: nothing here throws because a platform cannot do something. Calls throw
 * only for unexpected failures (network down, a 5xx after retries).
 */

export const PLATFORM_NAMES = ['github', 'gitlab', 'local'] as const;
export type PlatformName = (typeof PLATFORM_NAMES)[number];

/** Sizes the platforms enforce (UTF-16 code units unless named otherwise). */
export const PLATFORM_LIMITS = {
  /** GitHub issue/PR comment body. */
  githubComment: 65_536,
  /** GitHub check-run `output.summary` and `output.text`. */
  githubCheckSummary: 65_535,
  /** GitHub job summary (GITHUB_STEP_SUMMARY), in bytes. */
  githubStepSummaryBytes: 1024 * 1024,
  /** Annotations per check-run create/update request (send more in further updates). */
  githubAnnotationsPerRequest: 50,
  /** GitLab note (MR comment) body, in characters. */
  gitlabNote: 1_000_000,
} as const;

/** The pull request (GitHub) or merge request (GitLab) the run belongs to. */
export interface ChangeRequest {
  number: number;
  url: string;
  title: string;
  /** The description; '' when empty. */
  body: string;
  /** Login of the author. */
  author: string;
  labels: string[];
  /** Target branch name, e.g. main. */
  baseRef: string;
  baseSha: string;
  /** Source branch name. */
  headRef: string;
  /** The commit under review: approvals count only on this SHA. */
  headSha: string;
  /** Opened from a fork: the token is usually read-only and secrets are absent. */
  fromFork: boolean;
}

export interface RunContextInfo {
  platform: PlatformName;
  /** The triggering event: pull_request, push, merge_request_event, local, … */
  event: string;
  /** owner/name (GitHub) or group/project path (GitLab); null when unknown (local run outside a remote). */
  repository: string | null;
  /** The commit the run verified; null when not in a git work tree. */
  sha: string | null;
  ref: string | null;
  change: ChangeRequest | null;
  /** Link to the run/job page, for comments and statuses; null for local runs. */
  runUrl: string | null;
}

export const REVIEW_STATES = ['approved', 'changes_requested', 'commented', 'dismissed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface Review {
  /** Login of the reviewer. */
  reviewer: string;
  state: ReviewState;
  /** The commit the review was given on; null when the platform does not record it. */
  commitSha: string | null;
  /** ISO 8601. */
  submittedAt: string;
}

export const CAPABILITIES = [
  'comment',
  'checkRun',
  'commitStatus',
  'summary',
  'artifacts',
  'reviews',
  'labels',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** What this platform and token can do; for each `false`, `reason` says why (e.g. 'read-only token from a fork'). */
export type Capabilities = Record<Capability, boolean> & { reason: Partial<Record<Capability, string>> };

export interface Annotation {
  /** Repository-relative, with / separators. */
  path: string;
  startLine: number;
  endLine: number;
  level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface CheckOutput {
  conclusion: CheckConclusion;
  title: string;
  /** Markdown; fit it with fitToBudget to PLATFORM_LIMITS.githubCheckSummary. */
  summary: string;
  annotations: Annotation[];
}

export type CommitState = 'pending' | 'success' | 'failure' | 'error';

/** Done, with a link to what was published when there is one; or skipped, with the reason. */
export type Outcome = { status: 'done'; url: string | null } | { status: 'skipped'; reason: string };

export type CommentOutcome =
  | { status: 'created' | 'updated'; id: string; url: string | null }
  | { status: 'skipped'; reason: string };

export interface Platform {
  readonly name: PlatformName;
  context(): RunContextInfo;
  capabilities(): Capabilities;
  /** Create or update the sticky comment identified by `key` (one per action and key; see comment-budget). */
  upsertComment(key: string, body: string): Promise<CommentOutcome>;
  publishCheck(name: string, output: CheckOutput): Promise<Outcome>;
  setStatus(context: string, state: CommitState, description: string, targetUrl?: string): Promise<Outcome>;
  /** Every review of the change, oldest first; [] without a change or without the `reviews` capability. */
  listReviews(): Promise<Review[]>;
  /** Paths changed by the change (base...head), repository-relative. */
  changedFiles(): Promise<string[]>;
  writeSummary(markdown: string): Promise<Outcome>;
  setOutputs(outputs: Record<string, string>): Promise<Outcome>;
  uploadArtifacts(name: string, files: string[]): Promise<Outcome>;
}

export interface LocalPlatformOptions {
  /** Commit, ref and repository of the work tree (e.g. from gitInfo); null when unknown. */
  sha?: string | null;
  ref?: string | null;
  repository?: string | null;
  /** Append each summary to this file (Markdown); when absent, summaries are skipped. */
  summaryPath?: string | null;
  /** Write the outputs set so far to this file as JSON; when absent, they are only kept in memory. */
  outputsPath?: string | null;
  /** What `changedFiles()` returns (a local run has no change request to ask). */
  changedFiles?: string[];
}

const LOCAL_RUN = 'local run';

/** No network: comments, checks, statuses and uploads are skipped with the reason 'local run'. */
export class LocalPlatform implements Platform {
  readonly name = 'local' as const;
  readonly #options: LocalPlatformOptions;
  readonly #outputs: Record<string, string> = {};

  constructor(options: LocalPlatformOptions = {}) {
    this.#options = options;
  }

  /** The outputs set so far. */
  get outputs(): Readonly<Record<string, string>> {
    return { ...this.#outputs };
  }

  context(): RunContextInfo {
    return {
      platform: 'local',
      event: 'local',
      repository: this.#options.repository ?? null,
      sha: this.#options.sha ?? null,
      ref: this.#options.ref ?? null,
      change: null,
      runUrl: null,
    };
  }

  capabilities(): Capabilities {
    const summary = Boolean(this.#options.summaryPath);
    return {
      comment: false,
      checkRun: false,
      commitStatus: false,
      summary,
      artifacts: false,
      reviews: false,
      labels: false,
      reason: {
        comment: LOCAL_RUN,
        checkRun: LOCAL_RUN,
        commitStatus: LOCAL_RUN,
        artifacts: `${LOCAL_RUN}: the files stay in the output directory`,
        reviews: `${LOCAL_RUN}: no change request`,
        labels: `${LOCAL_RUN}: no change request`,
        ...(summary ? {} : { summary: `${LOCAL_RUN}: no summary file given` }),
      },
    };
  }

  async upsertComment(_key: string, _body: string): Promise<CommentOutcome> {
    return { status: 'skipped', reason: LOCAL_RUN };
  }

  async publishCheck(_name: string, _output: CheckOutput): Promise<Outcome> {
    return { status: 'skipped', reason: LOCAL_RUN };
  }

  async setStatus(
    _context: string,
    _state: CommitState,
    _description: string,
    _targetUrl?: string,
  ): Promise<Outcome> {
    return { status: 'skipped', reason: LOCAL_RUN };
  }

  async listReviews(): Promise<Review[]> {
    return [];
  }

  async changedFiles(): Promise<string[]> {
    return [...(this.#options.changedFiles ?? [])];
  }

  async writeSummary(markdown: string): Promise<Outcome> {
    const path = this.#options.summaryPath;
    if (!path) return { status: 'skipped', reason: `${LOCAL_RUN}: no summary file given` };
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
    return { status: 'done', url: null };
  }

  async setOutputs(outputs: Record<string, string>): Promise<Outcome> {
    Object.assign(this.#outputs, outputs);
    const path = this.#options.outputsPath;
    if (!path) return { status: 'done', url: null };
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(this.#outputs, null, 2)}\n`, 'utf8');
    return { status: 'done', url: null };
  }

  async uploadArtifacts(_name: string, _files: string[]): Promise<Outcome> {
    return { status: 'skipped', reason: `${LOCAL_RUN}: the files stay in the output directory` };
  }
}
