// Request and response shapes of the GitLab REST API v4 routes RegOps calls, written from GitLab's API
// documentation (notes, commit statuses, merge requests, merge request approvals, users). Requests are
// checked strictly where GitLab documents every parameter; an unknown parameter is recorded (GitLab itself
// ignores it). Responses of the mock are checked too: a mismatch is a bug of the mock.
import { z } from 'zod';

const id = z.number().int().positive();
const time = z.iso.datetime({ offset: true });
const sha = z.string().regex(/^[0-9a-f]{40}$/);

/** Query of every paginated list (offset pagination). */
export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).optional(),
  per_page: z.coerce.number().int().min(1).max(100).optional(),
});

/** GET /projects/:id/merge_requests/:iid/notes */
export const ListNotesQuery = PageQuery.extend({
  sort: z.enum(['asc', 'desc']).optional(),
  order_by: z.enum(['created_at', 'updated_at']).optional(),
});

/** The longest note GitLab accepts, in characters. */
export const NOTE_MAX = 1_000_000;

/** POST /projects/:id/merge_requests/:iid/notes */
export const CreateNoteBody = z.strictObject({
  body: z.string().min(1).max(NOTE_MAX),
  internal: z.boolean().optional(),
  confidential: z.boolean().optional(),
  merge_request_diff_head_sha: sha.optional(),
  created_at: time.optional(),
});

/** PUT /projects/:id/merge_requests/:iid/notes/:note_id */
export const UpdateNoteBody = z.strictObject({
  body: z.string().min(1).max(NOTE_MAX),
  confidential: z.boolean().optional(),
});

export const STATUS_STATES = ['pending', 'running', 'success', 'failed', 'canceled', 'skipped'] as const;

/** POST /projects/:id/statuses/:sha */
export const CreateStatusBody = z
  .strictObject({
    state: z.enum(STATUS_STATES),
    ref: z.string().min(1).max(255).optional(),
    name: z.string().min(1).max(255).optional(),
    context: z.string().min(1).max(255).optional(),
    target_url: z
      .url({ protocol: /^https?$/ })
      .max(255)
      .optional(),
    description: z.string().max(255).optional(),
    coverage: z.number().min(0).max(100).optional(),
    pipeline_id: id.optional(),
  })
  .refine((b) => !(b.name !== undefined && b.context !== undefined && b.name !== b.context), {
    message: 'name and context are aliases: give one',
  });

/** GET routes without parameters. */
export const EmptyQuery = z.strictObject({});
/** gitbeaker sends `{}` as the body of DELETE and nothing on GET. */
export const EmptyBody = z.union([z.undefined(), z.strictObject({})]);

export const UserBasic = z.object({
  id,
  username: z.string(),
  name: z.string(),
  state: z.enum(['active', 'blocked', 'deactivated']),
  avatar_url: z.string().nullable(),
  web_url: z.string(),
});

export const CurrentUser = UserBasic.extend({ bot: z.boolean(), created_at: time });

export const Note = z.object({
  id,
  type: z.enum(['DiffNote', 'DiscussionNote']).nullable(),
  body: z.string(),
  attachment: z.null(),
  author: UserBasic,
  created_at: time,
  updated_at: time,
  system: z.boolean(),
  noteable_id: id,
  noteable_type: z.literal('MergeRequest'),
  project_id: id,
  noteable_iid: id,
  resolvable: z.boolean(),
  confidential: z.boolean(),
  internal: z.boolean(),
});

export const CommitStatus = z.object({
  id,
  sha,
  ref: z.string().nullable(),
  status: z.enum(STATUS_STATES),
  name: z.string(),
  target_url: z.string().nullable(),
  description: z.string().nullable(),
  created_at: time,
  started_at: time.nullable(),
  finished_at: time.nullable(),
  allow_failure: z.boolean(),
  coverage: z.number().nullable(),
  pipeline_id: id.nullable(),
  author: UserBasic,
});

export const MergeRequest = z.object({
  id,
  iid: id,
  project_id: id,
  title: z.string(),
  description: z.string().nullable(),
  state: z.enum(['opened', 'closed', 'locked', 'merged']),
  created_at: time,
  updated_at: time,
  target_branch: z.string(),
  source_branch: z.string(),
  source_project_id: id,
  target_project_id: id,
  author: UserBasic,
  labels: z.array(z.string()),
  draft: z.boolean(),
  sha,
  diff_refs: z.object({ base_sha: sha, head_sha: sha, start_sha: sha }),
  web_url: z.string(),
  references: z.object({ short: z.string(), relative: z.string(), full: z.string() }),
});

export const MergeRequestApprovals = z.object({
  id,
  iid: id,
  project_id: id,
  title: z.string(),
  description: z.string().nullable(),
  state: z.string(),
  created_at: time,
  updated_at: time,
  merge_status: z.string(),
  approved: z.boolean(),
  approvals_required: z.number().int().min(0),
  approvals_left: z.number().int().min(0),
  approved_by: z.array(z.object({ user: UserBasic, approved_at: time.optional() })),
});

export const ProjectApprovalSettings = z.object({
  approvals_before_merge: z.number().int(),
  reset_approvals_on_push: z.boolean(),
  disable_overriding_approvers_per_merge_request: z.boolean(),
  merge_requests_author_approval: z.boolean(),
  merge_requests_disable_committers_approval: z.boolean(),
  require_password_to_approve: z.boolean(),
});

export const DiffVersion = z.object({
  id,
  head_commit_sha: sha,
  base_commit_sha: sha,
  start_commit_sha: sha,
  created_at: time,
  merge_request_id: id,
  state: z.string(),
  real_size: z.string(),
});

export const Diff = z.object({
  old_path: z.string(),
  new_path: z.string(),
  a_mode: z.string(),
  b_mode: z.string(),
  diff: z.string(),
  new_file: z.boolean(),
  renamed_file: z.boolean(),
  deleted_file: z.boolean(),
  generated_file: z.boolean(),
});
