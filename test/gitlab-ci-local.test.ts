// The CI/CD components run by gitlab-ci-local (shell executor) on a fixture git repository holding the Pima
// example, against the offline GitLab API (test/gitlab/mock-server.ts): the full pipeline from the README's
// two-line include, three runs that leave one note and a status that follows the gate, 502s that are retried,
// a missing token with and without fail_on_unposted, every component in one pipeline, the rules, and
// component inputs GitLab refuses. See test/gitlab/harness.ts for how `component:` includes map to files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Evidence } from '@regops/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, AUTHOR, BOT, FIXTURES, TOKEN } from './gitlab/fixtures';
import {
  artifactsOf,
  buildBundle,
  commitFile,
  dotenv,
  type FixtureRepo,
  fixtureRepo,
  gitlabCiLocal,
  mrVariables,
  removeFixtureRepos,
} from './gitlab/harness';
import { type GitlabMock, type MockMergeRequest, startGitlabMock } from './gitlab/mock-server';

const ci = (name: string) => readFileSync(path.join(FIXTURES, 'ci', `${name}.gitlab-ci.yml`), 'utf8');
const MARKER = '<!-- regops:comment action=regops key=regops.yml -->';

let bundle = '';
beforeAll(async () => {
  bundle = await buildBundle();
});
afterAll(() => removeFixtureRepos());

/** Merge request !7 of the fixture repository: links REQ-001; alice approved after the head was pushed. */
function mr(repo: FixtureRepo): MockMergeRequest {
  return {
    iid: 7,
    title: 'Retrain the candidate model',
    description: 'Retrains the candidate on the 2024 extract.\n\nImplements: REQ-001',
    author: AUTHOR,
    labels: ['retrain'],
    sourceBranch: 'feature/retrain',
    targetBranch: 'main',
    sha: repo.headSha,
    baseSha: repo.baseSha,
    createdAt: '2024-04-30T08:00:00.000Z',
    versions: [{ head: repo.headSha, createdAt: '2024-04-30T09:00:00.000Z' }],
    approvedBy: [{ user: ALICE, approvedAt: '2024-04-30T10:00:00.000Z' }],
    changedFiles: ['CHANGELOG.md'],
  };
}

function junitCases(file: string): { classname: string; name: string }[] {
  const xml = readFileSync(file, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (n) => n === 'testsuite' || n === 'testcase',
  }).parse(xml);
  return (doc.testsuites.testsuite as { testcase?: { classname: string; name: string }[] }[]).flatMap(
    (s) => s.testcase ?? [],
  );
}

const evidenceOf = (file: string) => Evidence.parse(JSON.parse(readFileSync(file, 'utf8')));

describe('the full pipeline component, three runs on merge request !7', () => {
  let repo: FixtureRepo;
  let gl: GitlabMock;
  beforeAll(async () => {
    repo = fixtureRepo(ci('two-line'));
    gl = await startGitlabMock({ tokens: { [TOKEN]: BOT }, mergeRequests: [mr(repo)] });
  });
  afterAll(async () => {
    gl.assertNoViolations();
    await gl.close();
  });
  const run = () =>
    gitlabCiLocal(repo, {
      variables: { ...mrVariables(repo, gl.apiUrl), REGOPS_GITLAB_TOKEN: TOKEN },
      inputs: { regops: `node ${bundle}` },
    });

  it('run 1: exit 0; evidence.json, a JUnit file with one testcase per check, report.html; one note, status success', async () => {
    const r = await run();
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/PASS\s+regops/);
    const out = path.join(artifactsOf(repo, 'regops'), 'regops-out');
    const evidence = evidenceOf(path.join(out, 'evidence.json'));
    expect(evidence.run.platform).toBe('gitlab');
    expect(evidence.run.change).toEqual({
      number: 7,
      url: 'https://gitlab.example.com/acme/pima/-/merge_requests/7',
      title: 'Retrain the candidate model',
    });
    const cases = junitCases(path.join(out, 'junit.xml'));
    expect(cases).toHaveLength(evidence.results.length);
    expect(cases.map((c) => c.classname)).toEqual(evidence.results.map((r) => r.check));
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(dotenv(path.join(out, 'regops.env'))).toMatchObject({
      REGOPS_VERDICT: 'pass',
      REGOPS_GATE: 'pass',
      REGOPS_STATUS: 'success',
      REGOPS_EVIDENCE: 'regops-out/evidence.json',
      REGOPS_NOTE_URL: expect.stringMatching(
        /^https:\/\/gitlab\.example\.com\/acme\/pima\/-\/merge_requests\/7#note_\d+$/,
      ),
    });
    const notes = gl.notesOf(7);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.author.username).toBe(BOT.username);
    expect(notes[0]?.body.startsWith(`${MARKER}\n### ✅ Design control: change may merge`)).toBe(true);
    expect(notes[0]?.body).toContain('· change !7 ·');
    const status = gl.latestStatus(repo.headSha, 'regops/design-control');
    expect(status).toMatchObject({
      state: 'success',
      description: expect.stringMatching(/^Design control passed \(\d+ pass, 0 fail/),
      targetUrl: expect.stringMatching(
        /^https:\/\/gitlab\.example\.com\/acme\/pima\/-\/jobs\/\d+\/artifacts\/file\/regops-out\/report\.html$/,
      ),
    });
  });

  it('run 2, GitLab answers 502 twice: retried, still one note (updated)', async () => {
    gl.inject({ method: 'PUT', path: /\/notes\/\d+$/, status: 502, times: 2 });
    const r = await run();
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(
      /GitLab PUT \/api\/v4\/projects\/1217\/merge_requests\/7\/notes\/\d+: 502 Bad Gateway; retry 1\/4 in 1000 ms/,
    );
    expect(r.output).toMatch(/retry 2\/4 in 2000 ms/);
    expect(r.output).toMatch(/updated the merge request note/);
    expect(gl.notesOf(7)).toHaveLength(1);
    expect(gl.calls('notes.update').map((c) => c.status)).toEqual([502, 502, 200]);
  });

  it('run 3, a push that fails the gate: the same note says so, the status is failed, the job fails', async () => {
    commitFile(repo, 'regops.yml', (t) =>
      t.replace('metric: auroc\n    min: 0.75', 'metric: auroc\n    min: 0.99'),
    );
    const m = gl.mergeRequests.get(7);
    if (m) m.sha = repo.headSha;
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/FAIL\s+regops/);
    expect(r.output).toMatch(/design control failed:\n.*auroc/);
    const out = path.join(artifactsOf(repo, 'regops'), 'regops-out');
    const env = dotenv(path.join(out, 'regops.env'));
    expect(env).toMatchObject({ REGOPS_VERDICT: 'fail', REGOPS_STATUS: 'failed' });
    const failed = junitCases(path.join(out, 'junit.xml')).filter((c) => 'failure' in c);
    expect(failed.map((c) => c.classname)).toContain('model.metric');
    // One note, updated by runs 2 and 3; the status on each head matches that run's gate.
    const notes = gl.notesOf(7);
    expect(notes).toHaveLength(1);
    expect(gl.calls('notes.create')).toHaveLength(1);
    expect(gl.calls('notes.update').filter((c) => c.status === 200)).toHaveLength(2);
    expect(notes[0]?.body).toMatch(
      /^<!-- regops:comment action=regops key=regops\.yml -->\n### ❌ Design control: change blocked/,
    );
    expect(gl.latestStatus(repo.headSha, 'regops/design-control')?.state).toBe('failed');
    expect(gl.statuses.map((s) => s.state)).toEqual(['success', 'success', 'failed']);
  });
});

describe('without the token variable', () => {
  it('writes every report, says why nothing was posted, and fails only the job with fail_on_unposted', async () => {
    const repo = fixtureRepo(ci('unposted'));
    const gl = await startGitlabMock({ tokens: { [TOKEN]: BOT }, mergeRequests: [mr(repo)] });
    try {
      const r = await gitlabCiLocal(repo, {
        variables: mrVariables(repo, gl.apiUrl),
        inputs: { regops: `node ${bundle}` },
      });
      expect(r.code).toBe(1);
      expect(r.output).toMatch(/PASS\s+data-check-report-only/);
      expect(r.output).toMatch(/FAIL\s+data-check-must-post/);
      const why =
        'nothing will be posted to GitLab: the CI/CD variable REGOPS_GITLAB_TOKEN is not set, and CI_JOB_TOKEN cannot post merge request notes or commit statuses: create a project (or group) access token with the api scope';
      for (const job of ['data-check-report-only', 'data-check-must-post']) {
        const log = r.output
          .split('\n')
          .filter((l) => l.startsWith(`${job} `))
          .join('\n');
        expect(log).toContain(why);
        expect(log).toMatch(
          /RegOps posted no merge request note: the CI\/CD variable REGOPS_GITLAB_TOKEN is not set/,
        );
        expect(log).toMatch(
          /RegOps set no commit status regops\/data-check: the CI\/CD variable REGOPS_GITLAB_TOKEN is not set/,
        );
      }
      expect(r.output).toMatch(
        /data-check-report-only > .*fail_on_unposted is false, so this does not fail the job\)/,
      );
      expect(r.output).toMatch(
        /data-check-must-post > .*fail_on_unposted is true, so this job fails \(exit 4\)\)/,
      );
      for (const [job, dir] of [
        ['data-check-report-only', 'report-only'],
        ['data-check-must-post', 'must-post'],
      ] as const) {
        const out = path.join(artifactsOf(repo, job), 'regops-out', dir);
        const evidence = evidenceOf(path.join(out, 'evidence.json'));
        expect(evidence.results.every((x) => x.check.startsWith('data.'))).toBe(true);
        expect(junitCases(path.join(out, 'junit.xml'))).toHaveLength(evidence.results.length);
        expect(dotenv(path.join(out, 'regops.env'))).toMatchObject({
          REGOPS_VERDICT: 'pass',
          REGOPS_STATUS: 'not set',
        });
      }
      expect(gl.requests).toHaveLength(0);
    } finally {
      await gl.close();
    }
  });
});

describe('every component in one pipeline', () => {
  it('stages on their own, the gate with the design review, docs republishing the full evidence', async () => {
    const repo = fixtureRepo(ci('all-components'));
    const gl = await startGitlabMock({ tokens: { [TOKEN]: BOT }, mergeRequests: [mr(repo)] });
    try {
      const r = await gitlabCiLocal(repo, {
        variables: { ...mrVariables(repo, gl.apiUrl), REGOPS_GITLAB_TOKEN: TOKEN },
        inputs: { regops: `node ${bundle}` },
        // Each job in its own copy of the checkout, as on a runner (the full job's regops-out holds the others').
        args: ['--shell-isolation'],
      });
      expect(r.code, r.output).toBe(0);
      for (const job of [
        'regops',
        'regops-data-check',
        'regops-model-test',
        'regops-drift',
        'regops-gate',
        'regops-docs',
      ]) {
        expect(r.output).toMatch(new RegExp(`PASS\\s+${job}\\b`));
      }
      const stages = { 'data-check': 'data.', 'model-test': 'model.', drift: 'drift.' } as const;
      for (const [job, prefix] of Object.entries(stages)) {
        const out = path.join(artifactsOf(repo, `regops-${job}`), 'regops-out', job);
        const evidence = evidenceOf(path.join(out, 'evidence.json'));
        expect(evidence.results.length).toBeGreaterThan(0);
        expect(
          evidence.results.every((x) => x.check.startsWith(prefix)),
          job,
        ).toBe(true);
        expect(junitCases(path.join(out, 'junit.xml'))).toHaveLength(evidence.results.length);
        expect(gl.latestStatus(repo.headSha, `regops/${job}`)?.state).toBe('success');
      }
      // The gate judged the design review: REQ-001 linked, alice's approval on the head counts.
      const gate = evidenceOf(
        path.join(artifactsOf(repo, 'regops-gate'), 'regops-out', 'gate', 'evidence.json'),
      );
      expect(gate.design_review).toMatchObject({
        verdict: 'pass',
        reasons: [],
        record: { approvals: ['alice'], links: [{ id: 'REQ-001', exists: true }], labels: ['retrain'] },
      });
      expect(gate.design_review?.record.reviewers[0]).toMatchObject({
        reviewer: 'alice',
        commit_sha: repo.headSha,
        counts: true,
      });
      expect(
        dotenv(path.join(artifactsOf(repo, 'regops-gate'), 'regops-out', 'gate', 'regops.env')),
      ).toMatchObject({
        REGOPS_DESIGN_REVIEW: 'pass',
      });
      // Notes: one per action; docs updated the full pipeline's note instead of adding one.
      const markers = gl.notesOf(7).map((n) => n.body.split('\n')[0]);
      expect(markers.sort()).toEqual(
        [
          '<!-- regops:comment action=data-check key=regops.yml -->',
          '<!-- regops:comment action=drift key=regops.yml -->',
          '<!-- regops:comment action=gate key=regops.yml -->',
          '<!-- regops:comment action=model-test key=regops.yml -->',
          MARKER,
        ].sort(),
      );
      const gateNote = gl.notesOf(7).find((n) => n.body.includes('action=gate'))?.body ?? '';
      expect(gateNote).toContain('#### Design review of !7: ✅ complete');
      expect(r.output).toMatch(/regops-docs > regops: read regops-out\/evidence\.json/);
      expect(r.output).toMatch(/regops-docs > regops: updated the merge request note/);
      expect(existsIn(artifactsOf(repo, 'regops-docs'), 'regops-out/docs/report.html')).toBe(true);
      gl.assertNoViolations();
    } finally {
      await gl.close();
    }
  });
});

function existsIn(dir: string, rel: string): boolean {
  try {
    readFileSync(path.join(dir, rel));
    return true;
  } catch {
    return false;
  }
}

describe('rules and inputs as GitLab evaluates them', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = fixtureRepo(ci('two-line'));
  });
  const when = async (variables: Record<string, string>) => {
    const r = await gitlabCiLocal(repo, { variables, args: ['--list-json'] });
    expect(r.code, r.output).toBe(0);
    const jobs = JSON.parse(r.output.slice(r.output.indexOf('['))) as { name: string; when: string }[];
    return jobs.find((j) => j.name === 'regops')?.when;
  };

  it('runs in merge request pipelines, for tags and on the default branch; not on other branches', async () => {
    expect(await when({ CI_PIPELINE_SOURCE: 'merge_request_event' })).toBe('on_success');
    expect(await when({ CI_COMMIT_TAG: 'v1.2.0' })).toBe('on_success');
    expect(await when({ CI_COMMIT_BRANCH: 'main' })).toBe('on_success');
    expect(await when({})).toBe('never');
  });

  it('refuses an input of the wrong type or a token where the variable name belongs', async () => {
    const bad = async (inputs: string) => {
      const { dir } = repo;
      const file = path.join(dir, '.gitlab-ci.yml');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(
        file,
        `include:\n  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/full@$CI_COMMIT_SHA\n    inputs:\n${inputs}`,
      );
      const r = await gitlabCiLocal(repo, { args: ['--list'] });
      writeFileSync(file, ci('two-line'));
      return r;
    };
    const type = await bad('      fail_on_unposted: "yes"\n');
    expect(type.code).not.toBe(0);
    expect(type.output).toMatch(/`fail_on_unposted` input: provided value is not a boolean/);
    const token = await bad('      token_variable: glpat-abcdef123456\n');
    expect(token.code).not.toBe(0);
    expect(token.output).toMatch(
      /`token_variable` input: `glpat-abcdef123456` does not match required regex/,
    );
  });
});
