import { z } from 'zod';
import { type ChangeRequest, REVIEW_STATES, type Review } from './platform';
import type { Requirement } from './trace';

/**
 * The design-review gate of a change (ISO 13485 7.3.5 / 21 CFR 820.30(e)): the change links the design input
 * it implements, the right people approved exactly the commit under review, and it carries its change-type
 * label. Shared by the GitHub and GitLab adapters; they only fetch the reviews, files and team members.
 */

// ---------------------------------------------------------------------------------------------------------
// Glob matching (CODEOWNERS-like)

const GLOB_UNSUPPORTED = /^!|[[\]{}\\]/;

/**
 * Compiles a CODEOWNERS-style pattern: `*` (any characters but `/`), `**` (any depth), `?`, a leading `/`
 * anchors at the repository root (so does a `/` inside the pattern), a trailing `/` matches only what is
 * below that directory. A pattern whose last part has no wildcard also matches everything below a directory
 * of that name (`docs`, `**\/logs`); `docs/*` matches the files directly in docs/ only, as on GitHub.
 */
export function compileGlob(pattern: string): RegExp {
  const trimmed = pattern.trim();
  if (trimmed === '' || GLOB_UNSUPPORTED.test(trimmed)) {
    throw new TypeError(
      `unsupported path pattern "${pattern}": use *, **, ? and / (no !, [], {} or \\), as in CODEOWNERS`,
    );
  }
  const dirOnly = trimmed.endsWith('/');
  let p = trimmed.replace(/\/+$/, '');
  const anchored = p.startsWith('/') || p.replace(/^\/+/, '').includes('/');
  p = p.replace(/^\/+/, '');
  if (p === '') return /^.+$/; // "/": the whole repository
  const parts = p.split('/');
  let re = '';
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part === '**') {
      // `**/` at any point: zero or more directories; a final `**`: everything below.
      re += last ? '.*' : '(?:[^/]+/)*';
      return;
    }
    let seg = '';
    for (const ch of part) {
      if (ch === '*') seg += '[^/]*';
      else if (ch === '?') seg += '[^/]';
      else seg += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    re += last ? seg : `${seg}/`;
  });
  // A final part without wildcards may name a directory: everything below it matches too.
  const lastPart = parts[parts.length - 1] ?? '';
  const below = lastPart === '**' ? '' : dirOnly ? '/.+' : /[*?]/.test(lastPart) ? '' : '(?:/.*)?';
  return new RegExp(`^${anchored ? '' : '(?:[^/]+/)*'}${re}${below}$`);
}

/** Whether a repository-relative path (with / separators, no leading /) matches a CODEOWNERS-style pattern. */
export function globMatch(pattern: string, path: string): boolean {
  return compileGlob(pattern).test(path.replace(/^\.?\/+/, ''));
}

// ---------------------------------------------------------------------------------------------------------
// Policy

export const DEFAULT_LINK_PATTERN = String.raw`(?:Implements|Refs|Fixes|Verifies):\s*((?:REQ|CHG)-\d+)`;

function linkPatternProblem(source: string): string | null {
  let re: RegExp;
  try {
    re = new RegExp(source, 'gi');
  } catch (e) {
    return `not a valid regular expression: ${(e as Error).message}`;
  }
  const groups = new RegExp(`${re.source}|`).exec('')?.length ?? 1;
  if (groups - 1 < 1) return 'needs one capture group around the ID, e.g. Implements:\\s*(REQ-\\d+)';
  if (re.test('')) return 'matches the empty text: it would find a link in every description';
  return null;
}

export const RequiredReviewersRule = z.strictObject({
  paths: z
    .array(
      z
        .string()
        .min(1)
        .refine((p) => !GLOB_UNSUPPORTED.test(p.trim()), 'use *, **, ? and / (no !, [], {} or \\)'),
    )
    .min(1)
    .describe(
      'CODEOWNERS-style patterns (*, **, dir/, /anchored); the rule applies when a changed file matches.',
    ),
  users: z
    .array(z.string().min(1))
    .default([])
    .describe('Logins; an approval by any one of them satisfies the rule.'),
  teams: z
    .array(z.string().min(1))
    .default([])
    .describe('Team slugs (GitHub org/team, GitLab group path) whose members may approve as well.'),
});
export type RequiredReviewersRule = z.infer<typeof RequiredReviewersRule>;

export const DesignReviewPolicy = z
  .strictObject({
    link_pattern: z
      .string()
      .superRefine((s, ctx) => {
        const problem = linkPatternProblem(s);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .default(DEFAULT_LINK_PATTERN)
      .describe(
        'Regular expression (case-insensitive, every match counts) that finds linked design inputs in the title and description; its first capture group is the ID (several IDs in it may be separated by commas or spaces).',
      ),
    require_link: z.boolean().default(true).describe('Block a change that links no requirement.'),
    min_approvals: z
      .number()
      .int()
      .min(0)
      .default(1)
      .describe('Approvals needed on the head commit, the author not counted.'),
    required_reviewers: z
      .array(RequiredReviewersRule)
      .default([])
      .describe('Who must approve when certain files change (every applicable rule must be satisfied).'),
    required_labels: z
      .array(z.strictObject({ any_of: z.array(z.string().min(1)).min(1) }))
      .default([])
      .describe('Change-type labels: for each entry the change must carry at least one of the labels.'),
    allow_self_approval: z
      .boolean()
      .default(false)
      .describe("Count the author's own approval (GitLab can allow it; design reviews usually must not)."),
  })
  .describe(
    'Design review of a change: linked design input, approvals on the head commit, change-type labels.',
  );
export type DesignReviewPolicy = z.infer<typeof DesignReviewPolicy>;
export type DesignReviewPolicyInput = z.input<typeof DesignReviewPolicy>;

// ---------------------------------------------------------------------------------------------------------
// Result

export const DESIGN_REVIEW_REASON_CODES = [
  'missing_link',
  'unknown_link',
  'insufficient_approvals',
  'stale_approval',
  'unrecorded_approval_commit',
  'changes_requested',
  'required_reviewer',
  'missing_label',
  'reviews_unavailable',
  'changed_files_unavailable',
] as const;

export const DesignReviewReason = z.strictObject({
  code: z.enum(DESIGN_REVIEW_REASON_CODES),
  message: z.string().describe('What is wrong and what to do about it.'),
  ref: z.string().optional(),
});
export type DesignReviewReason = z.infer<typeof DesignReviewReason>;

const ReviewRecord = z.strictObject({
  reviewer: z.string(),
  state: z.enum(REVIEW_STATES),
  commit_sha: z.string().nullable(),
  submitted_at: z.string(),
});

export const DesignReviewRecord = z.strictObject({
  change: z.strictObject({
    number: z.number().int(),
    url: z.string(),
    title: z.string(),
    author: z.string(),
    base_sha: z.string(),
    head_sha: z.string(),
  }),
  links: z
    .array(
      z.strictObject({
        id: z.string(),
        exists: z
          .boolean()
          .nullable()
          .describe(
            'In requirements.yml; null: an external ID (its prefix is used by no requirement), not checked.',
          ),
        title: z.string().nullable(),
      }),
    )
    .describe('Design inputs the change says it implements, in order of first mention.'),
  reviews: z.array(ReviewRecord).describe('Every review, oldest first.'),
  reviewers: z
    .array(
      ReviewRecord.extend({
        counts: z.boolean().describe('An approval that counts: on the head commit, not by the author.'),
        note: z.string().nullable().describe('Why it does not count, or null.'),
      }),
    )
    .describe("Each reviewer's standing review (the latest that is not a plain comment)."),
  approvals: z.array(z.string()).describe('Reviewers whose approval counts.'),
  required_reviewers: z.array(
    z.strictObject({
      paths: z.array(z.string()),
      users: z.array(z.string()),
      teams: z.array(z.string()),
      matched_files: z
        .array(z.string())
        .nullable()
        .describe('Changed files the rule applies to (null: unknown).'),
      satisfied_by: z.string().nullable(),
    }),
  ),
  labels: z.array(z.string()),
  required_labels: z.array(z.strictObject({ any_of: z.array(z.string()), present: z.string().nullable() })),
  changed_files: z.number().int().nullable(),
});
export type DesignReviewRecord = z.infer<typeof DesignReviewRecord>;

export const DesignReview = z.strictObject({
  verdict: z.enum(['pass', 'fail']),
  reasons: z.array(DesignReviewReason),
  policy: DesignReviewPolicy,
  record: DesignReviewRecord,
});
export type DesignReview = z.infer<typeof DesignReview>;

export interface DesignReviewInput {
  change: ChangeRequest;
  /** Every review of the change; null when the platform or token cannot list them. */
  reviews: readonly Review[] | null;
  /** Paths changed by the change; null when they could not be listed. */
  changedFiles: readonly string[] | null;
  /** The requirements of the evidence bundle (design inputs). */
  requirements: readonly Pick<Requirement, 'id' | 'title'>[];
  policy: DesignReviewPolicy | DesignReviewPolicyInput;
  /** Members of each team a rule names (resolved by the adapter); a team missing here has no known member. */
  teamMembers?: Readonly<Record<string, readonly string[]>>;
}

// ---------------------------------------------------------------------------------------------------------
// Evaluation

const short = (sha: string | null) => (sha === null ? 'an unrecorded commit' : sha.slice(0, 7));
/** Logins and labels compare case-insensitively, as both platforms treat them. */
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const sameSha = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/** The IDs the title and description link, in order of first mention, de-duplicated. */
export function findLinkedIds(text: string, linkPattern: string = DEFAULT_LINK_PATTERN): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(new RegExp(linkPattern, 'gi'))) {
    for (const id of (m[1] ?? '').split(/[\s,;]+/)) {
      if (id !== '' && !ids.some((x) => x.toLowerCase() === id.toLowerCase())) ids.push(id);
    }
  }
  return ids;
}

/** ID prefix: everything before the last `-` (REQ-012 → REQ), or the whole ID. */
const prefixOf = (id: string) => id.replace(/-[^-]*$/, '').toLowerCase();

/** The standing review of each reviewer: the latest approval, change request or dismissal; else the latest comment. */
function standingReviews(reviews: readonly Review[]): Review[] {
  const byReviewer = new Map<string, Review>();
  for (const r of reviews) {
    const key = r.reviewer.toLowerCase();
    const current = byReviewer.get(key);
    if (current === undefined || r.state !== 'commented' || current.state === 'commented')
      byReviewer.set(key, r);
  }
  return [...byReviewer.values()];
}

function sortByTime(reviews: readonly Review[]): Review[] {
  return reviews
    .map((r, i) => ({ r, i, t: Date.parse(r.submittedAt) }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? 0 : a.t - b.t) || a.i - b.i)
    .map((x) => x.r);
}

const list = (xs: readonly string[], word = 'or') =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${word} ${xs[xs.length - 1]}`;

/**
 * Evaluates the design review of a change. Every failing reason says what to do; the record is what an auditor
 * reads: the linked design inputs, who reviewed which commit when, which approvals count and why the others do
 * not, and the labels.
 */
export function evaluateDesignReview(input: DesignReviewInput): DesignReview {
  const policy = DesignReviewPolicy.parse(input.policy);
  const { change } = input;
  const head = change.headSha;
  const reasons: DesignReviewReason[] = [];

  // Linked design inputs.
  const byId = new Map(input.requirements.map((r) => [r.id.toLowerCase(), r]));
  const prefixes = new Set(input.requirements.map((r) => prefixOf(r.id)));
  const links: DesignReviewRecord['links'] = findLinkedIds(
    `${change.title}\n\n${change.body}`,
    policy.link_pattern,
  ).map((id) => {
    const req = byId.get(id.toLowerCase());
    if (req) return { id: req.id, exists: true, title: req.title };
    return { id, exists: prefixes.has(prefixOf(id)) ? false : null, title: null };
  });
  for (const l of links.filter((x) => x.exists === false)) {
    reasons.push({
      code: 'unknown_link',
      ref: l.id,
      message: `${l.id} is linked but is not in the requirements: fix the ID in the description or add ${l.id} to the requirements file`,
    });
  }
  if (policy.require_link && !links.some((l) => l.exists !== false)) {
    const example = input.requirements[0]?.id ?? 'REQ-012';
    reasons.push({
      code: 'missing_link',
      message:
        links.length === 0
          ? `no design input is linked: link a requirement in the PR description, e.g. \`Implements: ${example}\``
          : `no linked ID is a known requirement: link an existing one in the PR description, e.g. \`Implements: ${example}\``,
    });
  }

  // Reviews: the standing review of each reviewer, and which approvals count.
  const history = input.reviews === null ? [] : sortByTime(input.reviews);
  const standing = standingReviews(history);
  const isAuthor = (login: string) => sameName(login, change.author);
  const reviewers = standing.map((r) => {
    let note: string | null = null;
    if (r.state !== 'approved')
      note = r.state === 'commented' ? 'commented only' : `${r.state.replace('_', ' ')}`;
    else if (isAuthor(r.reviewer) && !policy.allow_self_approval) note = "the author's own approval";
    else if (r.commitSha === null) note = 'the approved commit is not recorded';
    else if (!sameSha(r.commitSha, head))
      note = `approved ${short(r.commitSha)}, not the head ${short(head)}`;
    return { review: r, counts: note === null, note };
  });
  const counting = reviewers.filter((r) => r.counts).map((r) => r.review.reviewer);

  if (input.reviews === null) {
    if (policy.min_approvals > 0 || policy.required_reviewers.length > 0) {
      reasons.push({
        code: 'reviews_unavailable',
        message:
          'the reviews of this change could not be read: give the token read access to pull requests (GitHub) or the API scope (GitLab)',
      });
    }
  } else {
    for (const r of reviewers) {
      if (r.review.state === 'changes_requested' && !isAuthor(r.review.reviewer)) {
        reasons.push({
          code: 'changes_requested',
          ref: r.review.reviewer,
          message: `${r.review.reviewer} requested changes on ${short(r.review.commitSha)}: address them and ask ${r.review.reviewer} to review again (or dismiss the review with a reason)`,
        });
      }
    }
    if (counting.length < policy.min_approvals) {
      const need = policy.min_approvals;
      const selfApproved = reviewers.some(
        (r) => r.review.state === 'approved' && !r.counts && isAuthor(r.review.reviewer),
      );
      reasons.push({
        code: 'insufficient_approvals',
        message:
          `${need} approval${need === 1 ? '' : 's'} on the head ${short(head)} needed, ${counting.length} counted: ask ${need - counting.length === 1 ? 'a reviewer' : 'reviewers'} other than the author (${change.author}) to approve` +
          (selfApproved ? " (the author's own approval does not count)" : ''),
      });
      for (const r of reviewers) {
        if (r.review.state !== 'approved' || r.counts || isAuthor(r.review.reviewer)) continue;
        reasons.push(
          r.review.commitSha === null
            ? {
                code: 'unrecorded_approval_commit',
                ref: r.review.reviewer,
                message: `approval by ${r.review.reviewer} does not record which commit it approved: re-approve on the head ${short(head)}`,
              }
            : {
                code: 'stale_approval',
                ref: r.review.reviewer,
                message: `approval by ${r.review.reviewer} is on ${short(r.review.commitSha)}, not on the head ${short(head)}: re-approve`,
              },
        );
      }
    }
  }

  // Path-based required reviewers.
  const files = input.changedFiles;
  if (files === null && policy.required_reviewers.length > 0) {
    reasons.push({
      code: 'changed_files_unavailable',
      message:
        'the changed files could not be listed, so the path-based required reviewers cannot be checked: give the token read access to the pull/merge request',
    });
  }
  const requiredReviewers = policy.required_reviewers.map((rule) => {
    const matchers = rule.paths.map(compileGlob);
    const matched =
      files === null ? null : files.filter((f) => matchers.some((m) => m.test(f.replace(/^\.?\/+/, ''))));
    const members = rule.teams.flatMap((t) => input.teamMembers?.[t] ?? []);
    const eligible = [...rule.users, ...members];
    const canApprove = (login: string) => eligible.some((u) => sameName(u, login));
    const satisfiedBy = counting.find(canApprove) ?? null;
    if (matched !== null && matched.length > 0 && satisfiedBy === null && input.reviews !== null) {
      const who = list([...rule.users, ...rule.teams.map((t) => `@${t}`)]);
      const sample = `${matched.slice(0, 3).join(', ')}${matched.length > 3 ? ` and ${matched.length - 3} more` : ''}`;
      const notes = reviewers
        .filter((r) => canApprove(r.review.reviewer) && r.review.state === 'approved' && !r.counts)
        .map((r) => `${r.review.reviewer}: ${r.note}`);
      const unresolved = rule.teams.filter((t) => input.teamMembers?.[t] === undefined);
      const onlyAuthor =
        eligible.length > 0 &&
        eligible.every((u) => isAuthor(u)) &&
        !policy.allow_self_approval &&
        unresolved.length === 0;
      reasons.push({
        code: 'required_reviewer',
        ref: rule.paths.join(' '),
        message:
          `${sample} changed (${rule.paths.join(', ')}): needs an approval on the head ${short(head)} by ${who}` +
          (notes.length > 0 ? ` (${notes.join('; ')}): re-approve` : ': request a review') +
          (onlyAuthor
            ? `; the author ${change.author} is the only one listed: add another reviewer to the rule`
            : '') +
          (unresolved.length > 0
            ? `; members of ${list(
                unresolved.map((t) => `@${t}`),
                'and',
              )} could not be read: give the token read access to the organisation's teams or list the users`
            : ''),
      });
    }
    return {
      paths: [...rule.paths],
      users: [...rule.users],
      teams: [...rule.teams],
      matched_files: matched,
      satisfied_by: matched === null || matched.length === 0 ? null : satisfiedBy,
    };
  });

  // Change-type labels.
  const requiredLabels = policy.required_labels.map((rule) => {
    const present = change.labels.find((l) => rule.any_of.some((x) => sameName(x, l))) ?? null;
    if (present === null) {
      reasons.push({
        code: 'missing_label',
        ref: rule.any_of.join(' '),
        message: `the change carries none of the labels ${list(rule.any_of.map((l) => `\`${l}\``))}: add the one that says what kind of change this is`,
      });
    }
    return { any_of: [...rule.any_of], present };
  });

  const toRecord = (r: Review) => ({
    reviewer: r.reviewer,
    state: r.state,
    commit_sha: r.commitSha,
    submitted_at: r.submittedAt,
  });
  return {
    verdict: reasons.length === 0 ? 'pass' : 'fail',
    reasons,
    policy,
    record: {
      change: {
        number: change.number,
        url: change.url,
        title: change.title,
        author: change.author,
        base_sha: change.baseSha,
        head_sha: change.headSha,
      },
      links,
      reviews: history.map(toRecord),
      reviewers: reviewers.map((r) => ({ ...toRecord(r.review), counts: r.counts, note: r.note })),
      approvals: counting,
      required_reviewers: requiredReviewers,
      labels: [...change.labels],
      required_labels: requiredLabels,
      changed_files: files === null ? null : files.length,
    },
  };
}
