import { describe, expect, it } from 'vitest';
import {
  compileGlob,
  DEFAULT_LINK_PATTERN,
  DesignReview,
  type DesignReviewInput,
  DesignReviewPolicy,
  type DesignReviewPolicyInput,
  evaluateDesignReview,
  findLinkedIds,
  globMatch,
} from '../src/design-review';
import type { ChangeRequest, Review } from '../src/platform';

const HEAD = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d';
const OLD = '3f2a1c0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a';

const change = (over: Partial<ChangeRequest> = {}): ChangeRequest => ({
  number: 42,
  url: 'https://github.com/acme/device/pull/42',
  title: 'Retrain on the 2025 cohort',
  body: 'Retrained with new data.\n\nImplements: REQ-012',
  author: 'dave',
  labels: ['change:retrain'],
  baseRef: 'main',
  baseSha: 'b'.repeat(40),
  headRef: 'retrain-2025',
  headSha: HEAD,
  fromFork: false,
  ...over,
});

const review = (
  reviewer: string,
  state: Review['state'],
  commitSha: string | null,
  minute: number,
): Review => ({
  reviewer,
  state,
  commitSha,
  submittedAt: new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString(),
});

const requirements = [
  { id: 'REQ-001', title: 'Discrimination' },
  { id: 'REQ-012', title: 'Calibration' },
];

const run = (over: Partial<DesignReviewInput> = {}, policy: DesignReviewPolicyInput = {}) =>
  evaluateDesignReview({
    change: change(),
    reviews: [review('alice', 'approved', HEAD, 1)],
    changedFiles: ['models/model.onnx'],
    requirements,
    policy,
    ...over,
  });

const codes = (r: ReturnType<typeof run>) => r.reasons.map((x) => x.code);

describe('evaluateDesignReview: the issue\'s "done when"', () => {
  it('fails with the reason listed when the PR body lacks a requirement link', () => {
    const r = run({ change: change({ body: 'Retrained with new data.' }) });
    expect(r.verdict).toBe('fail');
    expect(r.reasons).toEqual([
      {
        code: 'missing_link',
        message:
          'no design input is linked: link a requirement in the PR description, e.g. `Implements: REQ-001`',
      },
    ]);
  });

  it('fails when the only approval is on an older SHA, and says to re-approve', () => {
    const r = run({ reviews: [review('alice', 'approved', OLD, 1)] });
    expect(r.verdict).toBe('fail');
    expect(codes(r)).toEqual(['insufficient_approvals', 'stale_approval']);
    expect(r.reasons[1]).toEqual({
      code: 'stale_approval',
      ref: 'alice',
      message: 'approval by alice is on 3f2a1c0, not on the head 9e8d7c6: re-approve',
    });
    expect(r.reasons[0]?.message).toBe(
      '1 approval on the head 9e8d7c6 needed, 0 counted: ask a reviewer other than the author (dave) to approve',
    );
    expect(r.record.reviewers[0]).toMatchObject({
      reviewer: 'alice',
      counts: false,
      note: 'approved 3f2a1c0, not the head 9e8d7c6',
    });
  });

  it('passes once the link is there and the approval is on the head', () => {
    const r = run({ reviews: [review('alice', 'approved', OLD, 1), review('alice', 'approved', HEAD, 5)] });
    expect(r.reasons).toEqual([]);
    expect(r.verdict).toBe('pass');
    expect(r.record.approvals).toEqual(['alice']);
    expect(r.record.links).toEqual([{ id: 'REQ-012', exists: true, title: 'Calibration' }]);
    expect(r.record.reviews).toHaveLength(2);
    expect(r.record.change.head_sha).toBe(HEAD);
    expect(() => DesignReview.parse(r)).not.toThrow();
  });
});

describe('evaluateDesignReview: links', () => {
  it('names a linked ID that is not a requirement', () => {
    const r = run({ change: change({ body: 'Implements: REQ-012\nRefs: REQ-999' }) });
    expect(r.reasons).toEqual([
      {
        code: 'unknown_link',
        ref: 'REQ-999',
        message:
          'REQ-999 is linked but is not in the requirements: fix the ID in the description or add REQ-999 to the requirements file',
      },
    ]);
    expect(r.record.links.map((l) => [l.id, l.exists])).toEqual([
      ['REQ-012', true],
      ['REQ-999', false],
    ]);
  });

  it('still asks for a link when every linked ID is unknown', () => {
    const r = run({ change: change({ body: 'Fixes: REQ-404' }) });
    expect(codes(r)).toEqual(['unknown_link', 'missing_link']);
    expect(r.reasons[1]?.message).toContain('no linked ID is a known requirement');
  });

  it('records an external change ID (a prefix no requirement uses) without checking it', () => {
    const r = run({ change: change({ body: 'Refs: CHG-7' }) });
    expect(r.verdict).toBe('pass');
    expect(r.record.links).toEqual([{ id: 'CHG-7', exists: null, title: null }]);
  });

  it('finds links case-insensitively, in the title too, each ID once, in canonical form', () => {
    const r = run({
      change: change({
        title: 'implements: req-001 retrain',
        body: 'Verifies:REQ-012, also VERIFIES: Req-001',
      }),
    });
    expect(r.record.links.map((l) => l.id)).toEqual(['REQ-001', 'REQ-012']);
    expect(findLinkedIds('Implements: REQ-1 Implements: REQ-2')).toEqual(['REQ-1', 'REQ-2']);
    expect(findLinkedIds('Implements REQ-1, see REQ-2')).toEqual([]);
  });

  it('splits a capture group that holds several IDs (custom pattern)', () => {
    const pattern = String.raw`Implements:\s*((?:REQ-\d+[\s,]*)+)`;
    expect(findLinkedIds('Implements: REQ-001, REQ-012 REQ-3', pattern)).toEqual([
      'REQ-001',
      'REQ-012',
      'REQ-3',
    ]);
  });

  it('does not ask for a link when the policy says so', () => {
    expect(run({ change: change({ body: '' }) }, { require_link: false }).verdict).toBe('pass');
  });
});

describe('evaluateDesignReview: reviews', () => {
  it('a dismissed approval does not count', () => {
    const r = run({ reviews: [review('alice', 'approved', HEAD, 1), review('alice', 'dismissed', HEAD, 2)] });
    expect(codes(r)).toEqual(['insufficient_approvals']);
    expect(r.record.reviewers).toMatchObject([
      { reviewer: 'alice', state: 'dismissed', counts: false, note: 'dismissed' },
    ]);
  });

  it('changes requested after an approval by the same reviewer wins, and blocks', () => {
    const r = run({
      reviews: [
        review('alice', 'approved', HEAD, 1),
        review('bob', 'approved', HEAD, 2),
        review('alice', 'changes_requested', HEAD, 3),
      ],
    });
    expect(r.verdict).toBe('fail');
    expect(r.reasons).toEqual([
      {
        code: 'changes_requested',
        ref: 'alice',
        message:
          'alice requested changes on 9e8d7c6: address them and ask alice to review again (or dismiss the review with a reason)',
      },
    ]);
    expect(r.record.approvals).toEqual(['bob']);
  });

  it('an approval after changes requested clears them; a later plain comment does not undo an approval', () => {
    const r = run({
      reviews: [
        review('alice', 'changes_requested', OLD, 1),
        review('alice', 'approved', HEAD, 2),
        review('alice', 'commented', HEAD, 3),
      ],
    });
    expect(r.verdict).toBe('pass');
    expect(r.record.reviewers).toMatchObject([
      { reviewer: 'alice', state: 'approved', counts: true, note: null },
    ]);
  });

  it('orders reviews by time, not by input order', () => {
    const r = run({
      reviews: [review('alice', 'approved', HEAD, 9), review('alice', 'changes_requested', HEAD, 1)],
    });
    expect(r.verdict).toBe('pass');
    expect(r.record.reviews.map((x) => x.state)).toEqual(['changes_requested', 'approved']);
  });

  it("the author's own approval does not count unless the policy allows it", () => {
    const reviews = [review('Dave', 'approved', HEAD, 1)];
    const r = run({ reviews });
    expect(codes(r)).toEqual(['insufficient_approvals']);
    expect(r.reasons[0]?.message).toContain("(the author's own approval does not count)");
    expect(r.record.reviewers[0]?.note).toBe("the author's own approval");
    expect(run({ reviews }, { allow_self_approval: true }).verdict).toBe('pass');
  });

  it('counts distinct reviewers against min_approvals', () => {
    const reviews = [review('alice', 'approved', HEAD, 1), review('alice', 'approved', HEAD, 2)];
    const r = run({ reviews }, { min_approvals: 2 });
    expect(r.reasons[0]?.message).toBe(
      '2 approvals on the head 9e8d7c6 needed, 1 counted: ask a reviewer other than the author (dave) to approve',
    );
    expect(
      run({ reviews: [...reviews, review('bob', 'approved', HEAD, 3)] }, { min_approvals: 2 }).verdict,
    ).toBe('pass');
    expect(run({ reviews: [] }, { min_approvals: 0 }).verdict).toBe('pass');
  });

  it('an approval without a recorded commit does not count', () => {
    const r = run({ reviews: [review('alice', 'approved', null, 1)] });
    expect(codes(r)).toEqual(['insufficient_approvals', 'unrecorded_approval_commit']);
  });

  it('says so when the reviews cannot be read', () => {
    const r = run({ reviews: null });
    expect(codes(r)).toEqual(['reviews_unavailable']);
  });
});

describe('evaluateDesignReview: required reviewers by path', () => {
  const policy: DesignReviewPolicyInput = {
    required_reviewers: [{ paths: ['models/', '*.onnx'], users: ['carol'], teams: ['acme/ml-leads'] }],
  };

  it('needs an approval by a listed user when a matching file changed', () => {
    const r = run({}, policy);
    expect(r.verdict).toBe('fail');
    expect(r.reasons).toEqual([
      {
        code: 'required_reviewer',
        ref: 'models/ *.onnx',
        message:
          "models/model.onnx changed (models/, *.onnx): needs an approval on the head 9e8d7c6 by carol or @acme/ml-leads: request a review; members of @acme/ml-leads could not be read: give the token read access to the organisation's teams or list the users",
      },
    ]);
    const ok = run(
      { reviews: [review('alice', 'approved', HEAD, 1), review('carol', 'approved', HEAD, 2)] },
      policy,
    );
    expect(ok.verdict).toBe('pass');
    expect(ok.record.required_reviewers[0]).toMatchObject({
      matched_files: ['models/model.onnx'],
      satisfied_by: 'carol',
    });
  });

  it('accepts a team member and says re-approve when the owner approved an older commit', () => {
    const teamMembers = { 'acme/ml-leads': ['erin'] };
    expect(run({ teamMembers, reviews: [review('erin', 'approved', HEAD, 1)] }, policy).verdict).toBe('pass');
    const stale = run(
      { teamMembers, reviews: [review('alice', 'approved', HEAD, 1), review('carol', 'approved', OLD, 2)] },
      policy,
    );
    expect(codes(stale)).toEqual(['required_reviewer']);
    expect(stale.reasons[0]?.message).toContain(
      '(carol: approved 3f2a1c0, not the head 9e8d7c6): re-approve',
    );
  });

  it('does not apply when no changed file matches', () => {
    const r = run({ changedFiles: ['README.md', 'docs/models.md'] }, policy);
    expect(r.verdict).toBe('pass');
    expect(r.record.required_reviewers[0]).toMatchObject({ matched_files: [], satisfied_by: null });
  });

  it('says when the author is the only one listed', () => {
    const r = run({}, { required_reviewers: [{ paths: ['**'], users: ['dave'] }] });
    expect(r.reasons[0]?.message).toContain(
      'the author dave is the only one listed: add another reviewer to the rule',
    );
  });

  it('says so when the changed files cannot be listed', () => {
    expect(codes(run({ changedFiles: null }, policy))).toEqual(['changed_files_unavailable']);
  });
});

describe('evaluateDesignReview: labels', () => {
  const policy: DesignReviewPolicyInput = {
    required_labels: [
      { any_of: ['change:retrain', 'change:data', 'change:code'] },
      { any_of: ['risk-reviewed'] },
    ],
  };

  it('needs one label of each rule (case-insensitive) and says which are missing', () => {
    const r = run({}, policy);
    expect(r.reasons).toEqual([
      {
        code: 'missing_label',
        ref: 'risk-reviewed',
        message:
          'the change carries none of the labels `risk-reviewed`: add the one that says what kind of change this is',
      },
    ]);
    const none = run({ change: change({ labels: [] }) }, policy);
    expect(none.reasons[0]?.message).toContain('`change:retrain`, `change:data` or `change:code`');
    const ok = run({ change: change({ labels: ['Change:Retrain', 'risk-reviewed'] }) }, policy);
    expect(ok.verdict).toBe('pass');
    expect(ok.record.required_labels).toEqual([
      { any_of: ['change:retrain', 'change:data', 'change:code'], present: 'Change:Retrain' },
      { any_of: ['risk-reviewed'], present: 'risk-reviewed' },
    ]);
  });
});

describe('DesignReviewPolicy', () => {
  it('has the documented defaults', () => {
    expect(DesignReviewPolicy.parse({})).toEqual({
      link_pattern: DEFAULT_LINK_PATTERN,
      require_link: true,
      min_approvals: 1,
      required_reviewers: [],
      required_labels: [],
      allow_self_approval: false,
    });
  });

  it('rejects a pattern that is not a regex, has no capture group or matches nothing at all', () => {
    const issue = (link_pattern: string) =>
      DesignReviewPolicy.safeParse({ link_pattern }).error?.issues[0]?.message ?? 'ok';
    expect(issue('Implements: (REQ-\\d+')).toMatch(/^not a valid regular expression/);
    expect(issue('Implements: REQ-\\d+')).toMatch(/capture group/);
    expect(issue('(x*)')).toMatch(/empty text/);
    expect(issue('Ticket #(\\d+)')).toBe('ok');
    expect(DesignReviewPolicy.safeParse({ required_reviewers: [{ paths: ['!x'] }] }).success).toBe(false);
    expect(DesignReviewPolicy.safeParse({ unknown: 1 }).success).toBe(false);
  });
});

describe('globMatch (CODEOWNERS-like)', () => {
  it.each([
    ['*', 'a.txt', true],
    ['*', 'deep/dir/a.txt', true],
    ['*.onnx', 'models/m.onnx', true],
    ['*.onnx', 'models/m.onnx.bak', false],
    ['/*.md', 'README.md', true],
    ['/*.md', 'docs/a.md', false],
    ['docs/*', 'docs/a.md', true],
    ['docs/*', 'docs/build/a.md', false],
    ['docs/**', 'docs/build/a.md', true],
    ['docs/', 'docs/a.md', true],
    ['docs/', 'src/docs/a.md', true],
    ['docs/', 'docs', false],
    ['/docs/', 'src/docs/a.md', false],
    ['apps/github', 'apps/github/x/y.ts', true],
    ['apps/github', 'src/apps/github/x.ts', false],
    ['**/logs', 'build/logs/a.log', true],
    ['**/logs', 'logs/a.log', true],
    ['**/logs', 'build/logs2/a.log', false],
    ['models', 'models/m.onnx', true],
    ['models', 'src/models/m.onnx', true],
    ['models', 'models.yml', false],
    ['data/**/*.csv', 'data/a.csv', true],
    ['data/**/*.csv', 'data/x/y/a.csv', true],
    ['data/**/*.csv', 'other/data/a.csv', false],
    ['file?.txt', 'file1.txt', true],
    ['file?.txt', 'file10.txt', false],
    ['a.b', 'axb', false],
    ['/', 'anything/at/all', true],
    ['regops.yml', './regops.yml', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(globMatch(pattern, path)).toBe(expected);
  });

  it('refuses what CODEOWNERS does not support', () => {
    for (const p of ['!x', '[ab].txt', '{a,b}', 'a\\b', '']) expect(() => compileGlob(p)).toThrow(TypeError);
  });
});
