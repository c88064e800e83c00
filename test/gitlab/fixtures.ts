// Shared test data of the GitLab tests: users, the merge request !7 of the MR-pipeline variables fixture,
// and the variables themselves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MockMergeRequest, MockUser } from './mock-server';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'gitlab');

/** The predefined variables of a merge request pipeline (test/fixtures/gitlab/mr-pipeline.variables.json). */
export const MR_VARIABLES: Record<string, string> = JSON.parse(
  readFileSync(path.join(FIXTURES, 'mr-pipeline.variables.json'), 'utf8'),
);

export const HEAD = MR_VARIABLES.CI_COMMIT_SHA ?? '';
export const BASE = MR_VARIABLES.CI_MERGE_REQUEST_DIFF_BASE_SHA ?? '';
export const OLD_HEAD = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';

/** A project access token's bot user, as GitLab names them. */
export const BOT: MockUser = { id: 900, username: 'project_1217_bot_3f2a9c', name: 'regops', bot: true };
export const AUTHOR: MockUser = { id: 12, username: 'bob' };
export const ALICE: MockUser = { id: 11, username: 'alice' };
export const CAROL: MockUser = { id: 14, username: 'carol' };
export const MALLORY: MockUser = { id: 13, username: 'mallory' };
export const TOKEN = 'glpat-regops-bot-token';

/** Merge request !7: pushed twice (OLD_HEAD, then HEAD); links REQ-001; carries labels. */
export function mergeRequest(over: Partial<MockMergeRequest> = {}): MockMergeRequest {
  return {
    iid: 7,
    title: MR_VARIABLES.CI_MERGE_REQUEST_TITLE ?? '',
    description: 'Retrains the candidate.\n\nImplements: REQ-001',
    author: AUTHOR,
    labels: ['retrain', 'model'],
    sourceBranch: 'feature/retrain',
    targetBranch: 'main',
    sha: HEAD,
    baseSha: BASE,
    createdAt: '2024-04-30T08:00:00.000Z',
    versions: [
      { head: OLD_HEAD, createdAt: '2024-04-30T09:00:00.000Z' },
      { head: HEAD, createdAt: '2024-04-30T10:00:00.000Z' },
    ],
    changedFiles: ['models/pima_hgb_candidate.onnx', 'regops.yml'],
    ...over,
  };
}
