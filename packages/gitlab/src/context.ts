import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ChangeRequest, RunContextInfo } from '@regops/core';

/**
 * The run as GitLab CI describes it: the predefined CI_* variables of the job, read from an environment
 * object so that every field is testable. Nothing here calls the API.
 */

export interface GitlabRunContext extends RunContextInfo {
  platform: 'gitlab';
  /** CI_API_V4_URL (else CI_SERVER_URL + /api/v4); null outside GitLab CI. */
  apiUrl: string | null;
  serverUrl: string | null;
  /** The project the pipeline runs in (CI_PROJECT_ID): commit statuses go here. */
  projectId: string | null;
  /** The merge request's (target) project (CI_MERGE_REQUEST_PROJECT_ID): notes and approvals live here. */
  mergeRequestProjectId: string | null;
  /** CI_MERGE_REQUEST_SOURCE_PROJECT_ID: differs from the MR project for a fork's merge request. */
  sourceProjectId: string | null;
  /** CI_PIPELINE_ID, CI_JOB_ID, CI_JOB_URL. */
  pipelineId: string | null;
  jobId: string | null;
  jobUrl: string | null;
  /** CI_PIPELINE_SOURCE: merge_request_event, push, web, schedule, … */
  pipelineSource: string | null;
  /** CI_MERGE_REQUEST_EVENT_TYPE: detached, merged_result or merge_train. */
  mergeRequestEventType: string | null;
  defaultBranch: string | null;
  tag: string | null;
  /** CI_PROJECT_DIR (the checkout) when it exists, else the working directory (where GitLab starts the job anyway). */
  workspace: string;
  /** Why this run cannot talk to GitLab (not in GitLab CI, no project); null: it can. */
  problem: string | null;
}

const str = (v: string | undefined): string | null => (v !== undefined && v.trim() !== '' ? v.trim() : null);

/** The merge request of an MR pipeline, from the predefined variables (the API may know more: see GitlabPlatform.fetchChange). */
export function changeFromVariables(env: NodeJS.ProcessEnv): ChangeRequest | null {
  const iid = str(env.CI_MERGE_REQUEST_IID);
  if (iid === null || !/^\d+$/.test(iid)) return null;
  const projectUrl = str(env.CI_MERGE_REQUEST_PROJECT_URL) ?? str(env.CI_PROJECT_URL);
  const target = str(env.CI_MERGE_REQUEST_PROJECT_ID) ?? str(env.CI_PROJECT_ID);
  const source = str(env.CI_MERGE_REQUEST_SOURCE_PROJECT_ID);
  return {
    number: Number(iid),
    url: projectUrl ? `${projectUrl}/-/merge_requests/${iid}` : '',
    title: env.CI_MERGE_REQUEST_TITLE ?? '',
    // GitLab truncates CI_MERGE_REQUEST_DESCRIPTION (2,700 characters); the API gives the whole text.
    body: env.CI_MERGE_REQUEST_DESCRIPTION ?? '',
    author: '',
    labels: (env.CI_MERGE_REQUEST_LABELS ?? '')
      .split(',')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    baseRef: env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME ?? '',
    baseSha: env.CI_MERGE_REQUEST_DIFF_BASE_SHA ?? env.CI_MERGE_REQUEST_TARGET_BRANCH_SHA ?? '',
    headRef: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME ?? '',
    // In a merged-results pipeline CI_COMMIT_SHA is the merge commit; the head is the source branch's SHA.
    headSha: str(env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA) ?? env.CI_COMMIT_SHA ?? '',
    fromFork: source !== null && target !== null && source !== target,
  };
}

export function readGitlabContext(env: NodeJS.ProcessEnv = process.env): GitlabRunContext {
  const problems: string[] = [];
  const serverUrl = str(env.CI_SERVER_URL)?.replace(/\/+$/, '') ?? null;
  const apiUrl = str(env.CI_API_V4_URL)?.replace(/\/+$/, '') ?? (serverUrl ? `${serverUrl}/api/v4` : null);
  const projectId = str(env.CI_PROJECT_ID);
  if (apiUrl === null)
    problems.push('CI_API_V4_URL and CI_SERVER_URL are not set: not running in GitLab CI?');
  if (projectId === null) problems.push('CI_PROJECT_ID is not set: not running in GitLab CI?');
  if (apiUrl !== null && !/^https?:\/\//i.test(apiUrl))
    problems.push(`CI_API_V4_URL "${apiUrl}" is not an http(s) URL`);
  const change = changeFromVariables(env);
  const pipelineSource = str(env.CI_PIPELINE_SOURCE);
  const sha = change?.headSha || str(env.CI_COMMIT_SHA);
  return {
    platform: 'gitlab',
    event: pipelineSource ?? (change ? 'merge_request_event' : 'unknown'),
    repository: str(env.CI_PROJECT_PATH),
    sha: sha || null,
    ref: str(env.CI_COMMIT_REF_NAME),
    change,
    runUrl: str(env.CI_JOB_URL) ?? str(env.CI_PIPELINE_URL),
    apiUrl,
    serverUrl,
    projectId,
    mergeRequestProjectId: change ? (str(env.CI_MERGE_REQUEST_PROJECT_ID) ?? projectId) : null,
    sourceProjectId: str(env.CI_MERGE_REQUEST_SOURCE_PROJECT_ID),
    pipelineId: str(env.CI_PIPELINE_ID),
    jobId: str(env.CI_JOB_ID),
    jobUrl: str(env.CI_JOB_URL),
    pipelineSource,
    mergeRequestEventType: str(env.CI_MERGE_REQUEST_EVENT_TYPE),
    defaultBranch: str(env.CI_DEFAULT_BRANCH),
    tag: str(env.CI_COMMIT_TAG),
    workspace: workspaceOf(env),
    problem: problems.length > 0 ? problems.join('; ') : null,
  };
}

function workspaceOf(env: NodeJS.ProcessEnv): string {
  const dir = str(env.CI_PROJECT_DIR);
  // gitlab-ci-local's shell executor sets CI_PROJECT_DIR to the container path (/builds/…) of a job with an image.
  return dir !== null && existsSync(dir) ? path.resolve(dir) : process.cwd();
}
