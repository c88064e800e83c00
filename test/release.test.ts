import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  checkSha256Sums,
  compareVersions,
  crc32,
  mergeReference,
  readZip,
  renderSha256Sums,
  writeZip,
} from '@regops/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isEvaluated, parseAnomalyFields } from '../packages/cli/src/release/anomalies';
import { type GithubMock, startGithubMock } from './github/mock-server.js';
import { cli, copyExample } from './helpers';

/**
 * A fixture repository built with the real git from the Pima example: v1.0.0, then three pull requests merged
 * with --no-ff the way GitHub writes merge commits, each linking a requirement in its description.
 */
const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=RegOps Test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();

const PRS = [
  {
    number: 11,
    branch: 'feature-a',
    title: 'Add feature A',
    req: 'REQ-001',
    label: 'feature',
    author: 'alice',
  },
  { number: 12, branch: 'fix-b', title: 'Fix threshold B', req: 'REQ-002', label: 'bug', author: 'carol' },
  {
    number: 13,
    branch: 'docs-c',
    title: 'Document C',
    req: 'REQ-003',
    label: 'documentation',
    author: 'dave',
  },
];

let repo: string;
let work: string;
let v1: string;
const heads: Record<number, string> = {};

beforeAll(() => {
  repo = copyExample();
  work = execFileSync('mktemp', ['-d', path.join(tmpdir(), 'regops-release-out-XXXXXX')], {
    encoding: 'utf8',
  }).trim();
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'initial release');
  git(repo, 'tag', 'v1.0.0');
  v1 = git(repo, 'rev-parse', 'HEAD');
  for (const pr of PRS) {
    git(repo, 'checkout', '-q', '-b', pr.branch, 'main');
    mkdirSync(path.join(repo, 'notes'), { recursive: true });
    writeFileSync(path.join(repo, 'notes', `${pr.branch}.md`), `${pr.title}\n`);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', pr.title);
    heads[pr.number] = git(repo, 'rev-parse', 'HEAD');
    git(repo, 'checkout', '-q', 'main');
    git(
      repo,
      'merge',
      '--no-ff',
      '-q',
      pr.branch,
      '-m',
      `Merge pull request #${pr.number} from org/${pr.branch}`,
      '-m',
      `${pr.title}\n\nImplements: ${pr.req}`,
    );
  }
  git(repo, 'tag', 'v1.1.0');
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const noApi = () => {
  for (const k of ['GITHUB_API_URL', 'GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_REPOSITORY']) vi.stubEnv(k, '');
};
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('regops release with the GitHub API (harness server)', () => {
  let gh: GithubMock;
  const out = () => path.join(work, 'pkg-api');

  beforeAll(async () => {
    gh = await startGithubMock();
    for (const pr of PRS) {
      gh.state.seedPull(pr.number, {
        title: pr.title,
        body: `${pr.title}\n\nImplements: ${pr.req}`,
        user: pr.author,
        labels: [pr.label],
        state: 'closed',
        merged: true,
        head: { sha: heads[pr.number], ref: pr.branch },
        base: { sha: v1, ref: 'main' },
      });
      gh.state.reviews[pr.number] = [
        {
          user: 'bob',
          state: 'COMMENTED',
          commit_id: heads[pr.number],
          submitted_at: '2024-04-30T09:00:00Z',
        },
        { user: 'bob', state: 'APPROVED', commit_id: heads[pr.number], submitted_at: '2024-04-30T10:00:00Z' },
      ];
      const res = await fetch(`${gh.url}/repos/Codertocat/Hello-World/check-runs`, {
        method: 'POST',
        headers: {
          authorization: 'token ghs_mocktoken',
          accept: 'application/vnd.github+json',
          'user-agent': 'regops-test',
          'x-github-api-version': '2022-11-28',
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          name: 'regops/design-control',
          head_sha: heads[pr.number],
          status: 'completed',
          conclusion: 'success',
        }),
      });
      expect(res.status).toBe(201);
    }
    // Residual anomalies: one with `Field: value` lines, one from an issue form (### headings), one closed,
    // one without the labels, and an open pull request labelled bug (listed by GitHub as an issue: skipped).
    gh.state.seedIssue(21, {
      title: 'Threshold drifts on night-shift data',
      labels: ['bug'],
      body: 'Seen on 2024-04-01.\n\n- **Severity:** minor\nProbability: remote\nRisk evaluation: acceptable\nDecision: defer to v1.2\n',
    });
    gh.state.seedIssue(22, {
      title: 'Wrong unit in the model card',
      labels: ['anomaly', 'docs'],
      body: '### Hazard\n\nMisread dose\n\n### Severity\n\nserious\n\n### Probability\n\n_No response_\n\n### Decision\n\nfix before v1.2\n',
    });
    gh.state.seedIssue(23, { title: 'Closed bug', labels: ['bug'], state: 'closed', body: 'Severity: low' });
    gh.state.seedIssue(24, { title: 'Feature idea', labels: ['enhancement'] });
    gh.state.seedPull(30, { title: 'Open fix', labels: ['bug'], state: 'open' });
  });
  afterAll(async () => {
    await gh.close();
  });

  it('holds three change records with approvals and check conclusions; SHA256SUMS and verify pass', async () => {
    vi.stubEnv('GITHUB_API_URL', gh.url);
    vi.stubEnv('GITHUB_TOKEN', 'ghs_mocktoken');
    vi.stubEnv('GITHUB_REPOSITORY', 'Codertocat/Hello-World');
    vi.stubEnv('SOURCE_DATE_EPOCH', '');
    const r = await cli(['release', '--config', path.join(repo, 'regops.yml'), '--out', out()]);
    expect(r.err).not.toMatch(/error/);
    expect(r.out).toMatch(
      /^release v1\.1\.0 \(v1\.0\.0\.\.v1\.1\.0\): 3 changes, review records from api, verification pass, 0 findings/,
    );
    expect(r.code).toBe(0);

    const release = json(path.join(out(), 'release.json'));
    expect(release.from).toEqual({ ref: 'v1.0.0', sha: v1, first_release: false });
    expect(release.review_records).toEqual({ source: 'api', platform: 'github', note: null });
    expect(release.anomalies).toMatchObject({ source: 'api', labels: ['bug', 'anomaly'], note: null });
    expect(
      release.anomalies.items.map((a: { number: number; fields: unknown; evaluated: boolean }) => [
        a.number,
        a.fields,
        a.evaluated,
      ]),
    ).toEqual([
      [
        21,
        {
          severity: 'minor',
          probability: 'remote',
          risk_evaluation: 'acceptable',
          decision: 'defer to v1.2',
        },
        true,
      ],
      [22, { hazard: 'Misread dose', severity: 'serious', decision: 'fix before v1.2' }, true],
    ]);
    const anomaliesMd = readFileSync(path.join(out(), 'anomalies.md'), 'utf8');
    expect(anomaliesMd).toContain(
      '| [#21](https://github.com/Codertocat/Hello-World/issues/21) | Threshold drifts on night-shift data | bug | minor | remote | acceptable | defer to v1.2 |',
    );
    expect(anomaliesMd).toContain('- **hazard:** Misread dose');
    expect(anomaliesMd).not.toMatch(/#2[34]|#30/);
    expect(
      gh.requests
        .filter((q) => q.operationId === 'issues/list-for-repo')
        .map((q) => [q.query.state, q.query.labels]),
    ).toEqual([
      ['open', 'bug'],
      ['open', 'anomaly'],
    ]);
    expect(release.changes.map((c: { file: string }) => c.file)).toEqual([
      'changes/11.json',
      'changes/12.json',
      'changes/13.json',
    ]);
    for (const pr of PRS) {
      const c = json(path.join(out(), 'changes', `${pr.number}.json`));
      expect(c).toMatchObject({
        number: pr.number,
        source: 'api',
        title: pr.title,
        author: pr.author,
        head_sha: heads[pr.number],
        labels: [pr.label],
        links: [{ id: pr.req, exists: true }],
        approvals: [
          {
            reviewer: 'bob',
            submitted_at: '2024-04-30T10:00:00Z',
            commit_sha: heads[pr.number],
            counts: true,
          },
        ],
        check: { name: 'regops/design-control', source: 'check-run', conclusion: 'success' },
        design_review: { verdict: 'pass', reasons: [] },
        note: null,
        findings: [],
      });
    }
    const notes = readFileSync(path.join(out(), 'release-notes.md'), 'utf8');
    expect(notes).toContain('## Features\n\n- #11 Add feature A by @alice: REQ-001 (Discrimination)');
    expect(notes).toContain('## Fixes\n\n- #12');
    expect(notes).toContain('## Documentation\n\n- #13');
    const index = readFileSync(path.join(out(), 'design-history-index.md'), 'utf8');
    for (const f of [
      'changes/11.json',
      'documents/model-card.md',
      'evidence.json',
      'SHA256SUMS',
      'release-notes.md',
      'anomalies.md',
    ])
      expect(index).toContain(`| ${f} |`);

    // The manifest checks with the real sha256sum, and lists every file but itself, sorted.
    expect(
      execFileSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: out(), encoding: 'utf8' }),
    ).not.toMatch(/FAILED/);
    const listed = readFileSync(path.join(out(), 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.slice(66));
    expect(listed).toEqual([...listed].sort());
    expect(listed).not.toContain('SHA256SUMS');
    expect(listed).toContain('documents/traceability.md');

    // The zip holds the same files (checked with the system's unzip when there is one).
    const zip = `${out()}.zip`;
    const entries = readZip(readFileSync(zip));
    expect([...entries.keys()].map((n) => n.replace(/^pkg-api\//, '')).sort()).toEqual(
      [...listed, 'SHA256SUMS'].sort(),
    );
    try {
      execFileSync('unzip', ['-tq', zip], { encoding: 'utf8' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }

    expect(await cli(['verify', out()])).toMatchObject({ code: 0, out: expect.stringMatching(/^OK: /) });
    expect(await cli(['verify', zip])).toMatchObject({ code: 0 });
    gh.assertNoViolations();
  }, 120_000);

  it('a package rebuilt from the same inputs is byte-identical, evidence.json and the SBOM included', async () => {
    vi.stubEnv('GITHUB_API_URL', gh.url);
    vi.stubEnv('GITHUB_TOKEN', 'ghs_mocktoken');
    vi.stubEnv('GITHUB_REPOSITORY', 'Codertocat/Hello-World');
    const again = path.join(work, 'pkg-api-again');
    const r = await cli(['release', '--config', path.join(repo, 'regops.yml'), '--out', again]);
    expect(r.code).toBe(0);
    // The release run leaves check timings out of the evidence (RunOptions.reproducible), so every file,
    // evidence.json and the SBOM (its serial number derives from the evidence) included, is the same.
    const sums = (d: string) => readFileSync(path.join(d, 'SHA256SUMS'), 'utf8');
    expect(sums(again)).toBe(sums(out()));
    gh.assertNoViolations();
  }, 120_000);

  it('editing one byte of one document makes verify fail naming that file', async () => {
    const doc = path.join(out(), 'documents', 'model-card.md');
    const text = readFileSync(doc);
    const i = text.indexOf('#');
    text[i + 1] = text[i + 1] === 0x41 ? 0x42 : 0x41;
    writeFileSync(doc, text);
    const r = await cli(['verify', out()]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('documents/model-card.md: SHA-256 does not match SHA256SUMS');
    expect(r.out).toMatch(
      /documents\/model-card\.md: differs from the document re-rendered from evidence\.json at byte \d+/,
    );
    expect(r.out).not.toMatch(/model-card\.md[^\n]*\n[\s\S]*(?:soup|traceability)\.md/);

    // Even with the manifest "fixed", the re-rendered document still tells.
    const sums = readFileSync(path.join(out(), 'SHA256SUMS'), 'utf8');
    const files = Object.fromEntries(
      sums
        .trim()
        .split('\n')
        .map((l) => l.slice(66))
        .map((n) => [n, readFileSync(path.join(out(), n))]),
    );
    writeFileSync(path.join(out(), 'SHA256SUMS'), renderSha256Sums(files));
    const r2 = await cli(['verify', out()]);
    expect(r2.code).toBe(1);
    expect(r2.out).toBe(
      `FAIL: ${out()}: 1 problem\n  - documents/model-card.md: differs from the document re-rendered from evidence.json at byte ${i + 1}\n`,
    );
  });
});

describe('regops release --publish github (harness server)', () => {
  let gh: GithubMock;
  beforeAll(async () => {
    gh = await startGithubMock();
  });
  afterAll(async () => {
    await gh.close();
  });

  it('creates the release of the tag, attaches the zip, replaces it on rerun; an unevaluated anomaly is a finding', async () => {
    vi.stubEnv('GITHUB_API_URL', gh.url);
    vi.stubEnv('GITHUB_TOKEN', 'ghs_mocktoken');
    vi.stubEnv('GITHUB_REPOSITORY', 'Codertocat/Hello-World');
    gh.state.seedIssue(40, { title: 'Crash on empty CSV', labels: ['anomaly'], body: 'Steps: …' });
    const out = path.join(work, 'pkg-publish');
    const args = [
      'release',
      '--config',
      path.join(repo, 'regops.yml'),
      '--out',
      out,
      '--anomaly-labels',
      'anomaly',
      '--publish',
      'github',
    ];
    const r = await cli(args);
    // The PRs are not seeded on this server: their records are findings, and so is the unevaluated anomaly.
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      '  - open anomaly #40 Crash on empty CSV has no risk evaluation (no severity, risk evaluation, decision field in the issue)',
    );
    expect(r.out).toContain(
      'attached pkg-publish.zip to the GitHub release v1.1.0: https://github.com/Codertocat/Hello-World/releases/download/v1.1.0/pkg-publish.zip',
    );
    expect(gh.state.releases).toHaveLength(1);
    const rel = gh.state.releases[0];
    expect(rel?.tag_name).toBe('v1.1.0');
    expect(rel?.assets.map((a) => a.name)).toEqual(['pkg-publish.zip']);
    expect(rel?.assets[0]?.content_type).toBe('application/zip');
    expect(rel?.assets[0]?.data.equals(readFileSync(`${out}.zip`))).toBe(true);
    const upload = gh.requests.find((q) => q.operationId === 'repos/upload-release-asset');
    expect(upload).toMatchObject({ status: 201, query: { name: 'pkg-publish.zip' } });

    // Rerun: the release is found by tag, the asset replaced (one asset, same name).
    const again = await cli(args);
    expect(again.err).toContain('replacing the earlier upload');
    expect(gh.state.releases).toHaveLength(1);
    expect(gh.state.releases[0]?.assets.map((a) => a.name)).toEqual(['pkg-publish.zip']);
    expect(gh.requests.filter((q) => q.operationId === 'repos/create-release')).toHaveLength(1);
    expect(gh.requests.filter((q) => q.operationId === 'repos/delete-release-asset')).toHaveLength(1);
    const list = await fetch(`${gh.url}/repos/Codertocat/Hello-World/releases/${rel?.id}/assets`, {
      headers: { authorization: 'token x', 'user-agent': 'regops-test' },
    });
    expect(((await list.json()) as { name: string }[]).map((a) => a.name)).toEqual(['pkg-publish.zip']);
    expect((await cli(['verify', `${out}.zip`])).code).toBe(0);
    gh.assertNoViolations();
  }, 240_000);

  it('finds an existing release by tag; --publish github without API access is exit 2', async () => {
    vi.stubEnv('GITHUB_API_URL', gh.url);
    vi.stubEnv('GITHUB_TOKEN', 'ghs_mocktoken');
    vi.stubEnv('GITHUB_REPOSITORY', 'Codertocat/Hello-World');
    const seeded = gh.state.seedRelease('v1.0.0');
    const r = await cli([
      'release',
      '--config',
      path.join(repo, 'regops.yml'),
      '--to',
      'v1.0.0',
      '--out',
      path.join(work, 'pkg-publish-first'),
      '--publish',
      'github',
    ]);
    expect(r.err).not.toContain('(created)');
    expect(seeded.assets.map((a) => a.name)).toEqual(['pkg-publish-first.zip']);
    gh.assertNoViolations();
    noApi();
    const bad = await cli([
      'release',
      '--config',
      path.join(repo, 'regops.yml'),
      '--out',
      path.join(work, 'y'),
      '--publish',
      'github',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--publish github needs the GitHub API: GITHUB_API_URL');
    expect(existsSync(path.join(work, 'y'))).toBe(false);
  }, 240_000);
});

describe('regops release without API access', () => {
  it('yields the three changes from git history with the note that review records could not be fetched', async () => {
    noApi();
    const out = path.join(work, 'pkg-git');
    const r = await cli(['release', '--config', path.join(repo, 'regops.yml'), '--out', out]);
    expect(r.code).toBe(1); // findings: no review evidence
    expect(r.out).toContain('3 changes, review records from git');
    expect(r.out).toContain(
      'note: review records could not be fetched: GITHUB_API_URL, GITHUB_TOKEN (or GH_TOKEN), GITHUB_REPOSITORY (or --repo) not set',
    );
    const release = json(path.join(out, 'release.json'));
    expect(release.review_records.note).toMatch(/^review records could not be fetched: /);
    for (const pr of PRS) {
      const c = json(path.join(out, 'changes', `${pr.number}.json`));
      expect(c).toMatchObject({
        number: pr.number,
        platform: 'github',
        kind: 'merge',
        source: 'git',
        head_sha: heads[pr.number],
        title: pr.title,
        links: [{ id: pr.req, exists: true }],
        approvals: [],
        check: null,
        note: expect.stringMatching(/^review records could not be fetched: /),
        findings: [
          'no design review record: approvals and the regops/design-control conclusion are not evidenced',
        ],
      });
    }
    const notes = readFileSync(path.join(out, 'release-notes.md'), 'utf8');
    expect(notes).toContain('> **Note:** review records could not be fetched:');
    expect(notes).toContain('- #11: no design review record');
    expect(release.anomalies).toMatchObject({ source: 'none', items: [] });
    expect(release.findings.at(-1)).toMatch(
      /^residual anomalies could not be listed: GITHUB_API_URL, GITHUB_TOKEN \(or GH_TOKEN\)/,
    );
    expect(readFileSync(path.join(out, 'anomalies.md'), 'utf8')).toContain(
      '**The residual anomalies could not be listed**',
    );
    expect((await cli(['verify', out])).code).toBe(0);
  }, 120_000);

  it('first release: no earlier tag, all history, said so', async () => {
    noApi();
    const out = path.join(work, 'pkg-first');
    const r = await cli([
      'release',
      '--config',
      path.join(repo, 'regops.yml'),
      '--to',
      'v1.0.0',
      '--out',
      out,
    ]);
    expect(r.err).toContain('no earlier release tag matching v*: first release, including all history');
    const release = json(path.join(out, 'release.json'));
    expect(release.from).toEqual({ ref: null, sha: null, first_release: true });
    expect(release.version).toBe('v1.0.0');
    expect(release.changes).toHaveLength(1);
    expect(release.findings[0]).toMatch(/committed to the branch without a pull\/merge request/);
    expect(readFileSync(path.join(out, 'release-notes.md'), 'utf8')).toContain(
      'First release: no earlier release tag',
    );
    expect(r.code).toBe(1);
  }, 120_000);

  it('bad input: an unknown --from is exit 2 naming it; verify of something that is not a package is exit 2', async () => {
    noApi();
    const r = await cli([
      'release',
      '--config',
      path.join(repo, 'regops.yml'),
      '--from',
      'v9.9.9',
      '--out',
      path.join(work, 'x'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--from v9\.9\.9: not a commit of this repository/);
    expect(existsSync(path.join(work, 'x'))).toBe(false);
    expect((await cli(['verify', path.join(work, 'nothing')])).code).toBe(2);
    writeFileSync(path.join(work, 'bad.zip'), 'not a zip');
    const z = await cli(['verify', path.join(work, 'bad.zip')]);
    expect(z.code).toBe(2);
    expect(z.err).toContain('not a release package directory or zip');
    expect((await cli(['verify'])).code).toBe(2);
  });
});

describe('release building blocks', () => {
  it('anomaly fields: lines, bold names, bullets, headings; _No response_ and prose ignored', () => {
    expect(
      parseAnomalyFields(
        'Intro text.\r\n* Severity = major\r\n__Risk acceptance__: accepted\r\nLikelihood: occasional\r\nSeverity: ignored (first wins)',
      ),
    ).toEqual({ severity: 'major', decision: 'accepted', probability: 'occasional' });
    expect(
      parseAnomalyFields(
        '### Risk evaluation\n\nALARP,\nmonitored\n\n### Workaround\n\n_No response_\n## Other\nx',
      ),
    ).toEqual({ risk_evaluation: 'ALARP,\nmonitored' });
    expect(parseAnomalyFields('It crashes when I click: the button')).toEqual({});
    expect(isEvaluated({ hazard: 'x' })).toBe(false);
    expect(isEvaluated({ decision: 'defer' })).toBe(true);
  });

  it('CRC-32 of the check string', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('zip round trip, stored and deflated, deterministic', () => {
    const entries = [
      { name: 'a.txt', data: 'x'.repeat(1000) },
      { name: 'dir/b.bin', data: new Uint8Array([1, 2, 3]) },
    ];
    const zip = writeZip(entries);
    expect(writeZip(entries).equals(zip)).toBe(true);
    const back = readZip(zip);
    expect(back.get('a.txt')?.toString()).toBe('x'.repeat(1000));
    expect([...(back.get('dir/b.bin') ?? [])]).toEqual([1, 2, 3]);
  });

  it('SHA256SUMS names the changed, missing and unlisted files', () => {
    const files = { 'a.md': 'a', 'b.md': 'b' };
    const sums = renderSha256Sums(files);
    const have = new Map([
      ['a.md', Buffer.from('A')],
      ['c.md', Buffer.from('c')],
    ]);
    expect(checkSha256Sums(sums, have).problems).toEqual([
      { file: 'a.md', problem: 'modified' },
      { file: 'b.md', problem: 'missing' },
      { file: 'c.md', problem: 'not in the manifest' },
    ]);
  });

  it('merge subjects and versions', () => {
    expect(mergeReference('Merge pull request #11 from org/feature-a\n\nTitle', true)).toEqual({
      platform: 'github',
      number: 11,
      kind: 'merge',
    });
    expect(
      mergeReference("Merge branch 'x' into 'main'\n\nTitle\n\nSee merge request grp/proj!42", true),
    ).toEqual({
      platform: 'gitlab',
      number: 42,
      kind: 'merge',
    });
    expect(mergeReference('Add thing (#7)', false)).toEqual({
      platform: 'github',
      number: 7,
      kind: 'squash',
    });
    expect(mergeReference('wip', false)).toEqual({ platform: null, number: null, kind: 'direct' });
    expect(['v1.10.0', 'v1.9.0', 'v1.10.0-rc.1', 'v2.0.0'].sort(compareVersions)).toEqual([
      'v1.9.0',
      'v1.10.0-rc.1',
      'v1.10.0',
      'v2.0.0',
    ]);
  });
});
