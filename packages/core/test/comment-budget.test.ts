import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CommentLike,
  composeComment,
  findSticky,
  fitToBudget,
  formatMarker,
  LEGACY_MARKER,
  neutralizeMarkers,
  parseMarker,
  reportLinkLine,
  safeSlice,
} from '../src/comment-budget';
import { LocalPlatform, PLATFORM_LIMITS } from '../src/platform';

const MARKER = { action: 'regops', key: 'default' };
const URL = 'https://github.com/acme/device/actions/runs/42#artifacts';
const LINK = reportLinkLine(URL);

describe('comment marker', () => {
  it('formats and parses back, whatever the key holds', () => {
    for (const m of [
      { action: 'gate', key: 'default' },
      { action: 'data-check', key: 'examples/pima diabetes/regops.yml' },
      { action: 'model-test', key: 'x --> <!-- "quoted" ü 😀' },
    ]) {
      const text = formatMarker(m);
      expect(text.startsWith('<!-- regops:comment action=')).toBe(true);
      expect(text.indexOf('-->')).toBe(text.length - 3);
      expect(parseMarker(text)).toEqual(m);
      expect(parseMarker(`${text}\nbody`)).toEqual(m);
    }
  });

  it('is robust to extra whitespace, case, quotes and attribute order', () => {
    const m = { action: 'gate', key: 'main' };
    expect(parseMarker('<!--regops:comment action=gate key=main-->')).toEqual(m);
    expect(parseMarker('  \n<!--   regops:comment\n  key="main"   action=gate   -->\n### x')).toEqual(m);
    expect(parseMarker("<!-- REGOPS:COMMENT action='gate' key='main' -->")).toEqual(m);
    expect(parseMarker('\uFEFF<!-- regops:comment action = gate key = main -->')).toEqual(m);
  });

  it('reads the bare marker of the documents as the umbrella comment', () => {
    expect(parseMarker('<!-- regops:comment -->\n### ✅')).toEqual(LEGACY_MARKER);
  });

  it('rejects text that does not start with a well-formed marker', () => {
    expect(parseMarker('hello <!-- regops:comment action=gate key=main -->')).toBeNull();
    expect(parseMarker('<!-- regops:commentary action=gate key=main -->')).toBeNull();
    expect(parseMarker('<!-- regops:comment action=gate -->')).toBeNull();
    expect(parseMarker('<!-- regops:comment action=gate key=main junk -->')).toBeNull();
    expect(parseMarker('<!-- regops:comment action=gate key=%E0%A4 -->')).toBeNull();
    expect(parseMarker('<!-- other -->')).toBeNull();
    expect(() => formatMarker({ action: '', key: 'x' })).toThrow(TypeError);
  });

  it('neutralises any marker inside the body, so it cannot be forged from user text', () => {
    const forged = 'title <!-- regops:comment action=gate key=main --> and <!--\n  REGOPS:comment -->';
    const n = neutralizeMarkers(forged);
    expect(n).not.toMatch(/<!--\s*regops:/i);
    expect(neutralizeMarkers(n)).toBe(n);
    const body = composeComment(
      { action: 'gate', key: 'main' },
      `<!-- regops:comment -->\n### Gate\n\n${forged}\n`,
    );
    expect(parseMarker(body)).toEqual({ action: 'gate', key: 'main' });
    expect(body.split('\n')[1]).toBe('### Gate');
    expect(body.slice(1)).not.toMatch(/<!--\s*regops:/i);
  });
});

describe('findSticky', () => {
  const marker = { action: 'gate', key: 'main' };
  const ours = formatMarker(marker);
  const c = (id: number, author: string | null, body: string, createdAt: string): CommentLike => ({
    id,
    author,
    body,
    createdAt,
  });

  it('picks the oldest comment by one of our identities that starts with the marker, and reports duplicates', () => {
    const comments = [
      c(5, 'github-actions[bot]', `${ours}\nnewer`, '2025-01-03T00:00:00Z'),
      c(1, 'mallory', `${ours}\nforged by a user`, '2025-01-01T00:00:00Z'),
      c(2, 'alice', 'LGTM', '2025-01-01T00:00:00Z'),
      c(
        3,
        'GitHub-Actions[bot]',
        `  <!--regops:comment   key=main action=gate -->\noldest`,
        '2025-01-02T00:00:00Z',
      ),
      c(
        4,
        'github-actions[bot]',
        `${formatMarker({ action: 'gate', key: 'other' })}\nother key`,
        '2025-01-01T00:00:00Z',
      ),
      c(6, 'github-actions[bot]', `quoted: ${ours}`, '2025-01-01T00:00:00Z'),
      c(7, null, `${ours}\nghost`, '2025-01-01T00:00:00Z'),
    ];
    const found = findSticky(comments, { marker, botLogins: ['github-actions[bot]'] });
    expect(found.sticky?.id).toBe(3);
    expect(found.duplicates.map((x) => x.id)).toEqual([5]);
    expect(found.foreign.map((x) => x.id)).toEqual([1, 7]);
  });

  it('breaks ties on time by id, and finds nothing without a bot identity', () => {
    const comments = [
      c(9, 'bot', `${ours}\nb`, '2025-01-01T00:00:00Z'),
      c(8, 'bot', `${ours}\na`, '2025-01-01T00:00:00Z'),
    ];
    expect(findSticky(comments, { marker, botLogins: ['bot'] }).sticky?.id).toBe(8);
    expect(findSticky(comments, { marker, botLogins: [] })).toEqual({
      sticky: null,
      duplicates: [],
      foreign: comments,
    });
    expect(findSticky([], { marker, botLogins: ['bot'] }).sticky).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------
// A comment with the structure of packages/docs/src/templates/comment.md.hbs, with n results.

function generateComment(n: number, seed = 1): string {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const results = Array.from({ length: n }, (_, i) => {
    const r = rnd();
    return { i, status: r < 0.15 ? 'fail' : r < 0.3 ? 'warn' : 'pass' };
  });
  const fails = results.filter((r) => r.status === 'fail');
  const warns = results.filter((r) => r.status === 'warn');
  const passes = results.filter((r) => r.status === 'pass');
  const title = (i: number) => `Discrimination on cohort ${i} 🧪 (age ≥ 40) ${'x'.repeat(i % 17)}`;
  const lines: string[] = [];
  lines.push(
    fails.length > 0 ? '### ❌ Design control: change blocked' : '### ✅ Design control: change may merge',
    '',
    `**Pima diabetes risk model** · change #7 · ✅ ${passes.length} pass · ❌ ${fails.length} fail · ⚠️ ${warns.length} warn`,
    '',
  );
  if (fails.length > 0) {
    lines.push('#### Failures and errors', '');
    for (const r of fails) {
      lines.push(
        `- ❌ **fail** \`check-${r.i}\` — ${title(r.i)}`,
        `  - auroc: **0.6${r.i} < 0.7 (bound ≥ 0.7)** · CI 0.61 to 0.7`,
        `  - AUROC 0.6${r.i} below 0.7 on test 😀 with \\| pipes`,
        '  - Verifies REQ-001 (Discrimination) · risk controls RC-001',
      );
    }
    lines.push('');
  }
  lines.push(
    '#### Change control plan `PCCP-001`: ✅ within the plan',
    '',
    '<details><summary>All 3 rules of the plan</summary>',
    '',
    '| Rule | Status | Detail |',
    '|---|---|---|',
    '| `modifications` | ✅ met | declared retrain |',
    '| `frozen.intended_use` | ✅ met | as in the plan |',
    '| `data.test_set` | ✅ met | sha256 6670abb17a4b… as in the plan |',
    '',
    '</details>',
    '',
    '#### Drift',
    '',
    '- ✅ `drift`: 0 of 8 column(s) drifted',
    '- ⚠️ `drift-shifted`: 2 of 8 column(s) drifted',
    '',
    '  | Column | Method | Statistic | Missing |',
    '  |---|---|---|---|',
    '  | ⚠️ `pregnant` | ks | ks_statistic 0.48 | 0% → 0% |',
    '  | ⚠️ `age` | ks | ks_statistic 0.72 | 0% → 0% |',
    '',
  );
  if (warns.length > 0) {
    lines.push('#### Warnings', '');
    for (const r of warns) {
      lines.push(
        `- ⚠️ **warn** \`drift/${r.i}\` — ${title(r.i)}`,
        `  - p_adjusted: **0.0${r.i} < 0.05 (bound ≥ 0.05)**`,
        `  - drift: KS D=0.4804, p=1.59e-9 &lt; 0.05 for column ${r.i}`,
        '  - Verifies REQ-016 (Shift) · risk controls —',
      );
    }
    lines.push('');
  }
  lines.push('**Requirements without a verifying result:** REQ-007 (Output presentation)', '');
  if (passes.length > 0) {
    lines.push(
      `<details><summary>${passes.length} passed · 0 skipped</summary>`,
      '',
      '| Status | Result | Observed | Verifies | Risk controls |',
      '|---|---|---|---|---|',
      ...passes.map(
        (r) =>
          `| ✅ pass | \`check-${r.i}\` ${title(r.i)} | auroc 0.82${r.i} > 0.75 (bound ≥ 0.75) | REQ-001 | — |`,
      ),
      '',
      '</details>',
      '',
    );
  }
  if (fails.length > 0) {
    lines.push('**Gate reasons** (blocks on fail, error; requirements must be verified: no):', '');
    for (const r of fails)
      lines.push(`- \`result_status\` check-${r.i}: check-${r.i} fail: AUROC 0.6${r.i} below 0.7`);
  } else {
    lines.push('Gate: no reason to block (blocks on fail, error; requirements must be verified: no).');
  }
  lines.push('', '<sub>regops 0.1.0 · commit `ca18411` · model sha256 `77a79587e4e5`</sub>', '');
  return composeComment(MARKER, `<!-- regops:comment -->\n${lines.join('\n')}`);
}

/** Every run of table lines has a header, a delimiter row and whole rows with the header's column count. */
function expectValidTables(markdown: string) {
  const lines = markdown.split('\n');
  const cells = (l: string) => l.trim().replace(/\\\|/g, '').split('|').length;
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\|/.test(lines[i] ?? '')) continue;
    let j = i;
    while (j < lines.length && /^\s*\|/.test(lines[j] ?? '')) j++;
    const table = lines.slice(i, j);
    expect(table.length, `table at line ${i}: ${table[0]}`).toBeGreaterThanOrEqual(2);
    expect(table[1]).toMatch(/^\s*\|(\s*:?-+:?\s*\|)+\s*$/);
    for (const row of table) {
      expect(row.trimEnd().endsWith('|'), row).toBe(true);
      expect(cells(row)).toBe(cells(table[0] ?? ''));
    }
    expect((lines[j] ?? '').trim(), 'a table ends with a blank line or the end').toBe('');
    i = j;
  }
}

function expectWellFormed(out: string, limit: number) {
  expect(out.length).toBeLessThanOrEqual(limit);
  expect(parseMarker(out)).toEqual(MARKER);
  expect(out.startsWith(formatMarker(MARKER))).toBe(true);
  expect(out.endsWith(LINK)).toBe(true);
  expect(out.slice(1)).not.toMatch(/<!--\s*regops:/i);
  // No lone surrogate anywhere (a cut inside a pair would leave one).
  expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  expect(out.match(/<details>/g)?.length ?? 0).toBe(out.match(/<\/details>/g)?.length ?? 0);
  expectValidTables(out);
}

describe('fitToBudget', () => {
  const sizes = [1, 2, 3, 5, 8, 13, 40, 100, 250, 600, 1000, 2000, 3500, 5000];

  it.each(sizes)('keeps a comment with %i results under the GitHub limit, marker first, link last', (n) => {
    const md = generateComment(n, n);
    const { markdown: out, steps } = fitToBudget(md, {
      limit: PLATFORM_LIMITS.githubComment,
      reportUrl: URL,
    });
    expectWellFormed(out, PLATFORM_LIMITS.githubComment);
    if (`${md.trimEnd()}\n\n${LINK}`.length <= PLATFORM_LIMITS.githubComment) {
      expect(out).toBe(`${md.trimEnd()}\n\n${LINK}`);
      expect(steps).toEqual([]);
    } else {
      expect(steps[0]).toBe('collapse-passed');
      expect(out).toContain('passed · 0 skipped — [see the full report](');
    }
    // A second pass changes nothing.
    expect(fitToBudget(out, { limit: PLATFORM_LIMITS.githubComment, reportUrl: URL }).markdown).toBe(out);
  });

  it.each([
    [1200, 5000],
    [3000, 2000],
    [8000, 1000],
    [20000, 5000],
    [1_000_000, 5000],
  ])('holds for a limit of %i with %i results, in UTF-16 and UTF-8', (limit, n) => {
    const md = generateComment(n, 7);
    expectWellFormed(fitToBudget(md, { limit, reportUrl: URL }).markdown, limit);
    const utf8 = fitToBudget(md, { limit, reportUrl: URL, unit: 'utf8' });
    expect(Buffer.byteLength(utf8.markdown, 'utf8')).toBeLessThanOrEqual(limit);
    expect(utf8.size).toBe(Buffer.byteLength(utf8.markdown, 'utf8'));
    expect(utf8.markdown.endsWith(LINK)).toBe(true);
  });

  it('takes the steps in order and only as far as needed', () => {
    const md = generateComment(300, 3);
    const full = `${md.trimEnd()}\n\n${LINK}`.length;
    const passedOnly = fitToBudget(md, { limit: full - 1, reportUrl: URL });
    expect(passedOnly.steps).toEqual(['collapse-passed']);
    expect(passedOnly.markdown).toContain('All 3 rules of the plan'); // other details kept
    expect(passedOnly.markdown).toContain('  - auroc: **'); // failure details kept

    const warnings = fitToBudget(md, { limit: 9000, reportUrl: URL });
    expect(warnings.steps.slice(0, 3)).toEqual(['collapse-passed', 'collapse-details', 'collapse-warnings']);
    expect(warnings.markdown).not.toContain('  - p_adjusted');
    expect(warnings.markdown).not.toContain('  | Column |');

    const failures = fitToBudget(generateComment(3000, 3), { limit: 20000, reportUrl: URL });
    expect(failures.steps).toContain('trim-failures');
    expect(failures.markdown).toMatch(/^- … and \d+ more — \[see the full report\]/m);
    expect(failures.markdown).toContain('#### Failures and errors\n\n- ❌ **fail**');
    expect(failures.steps).not.toContain('hard-cut');
    expect(failures.markdown).toContain('<sub>regops 0.1.0');
  });

  it('appends the link line once and leaves a fitting comment as it is', () => {
    const md = `${formatMarker(MARKER)}\n### ✅ fine\n\n\n\nunusual spacing kept\n`;
    const once = fitToBudget(md, { limit: 65536, reportUrl: URL }).markdown;
    expect(once).toBe(`${md.trimEnd()}\n\n${LINK}`);
    expect(fitToBudget(once, { limit: 65536, reportUrl: URL }).markdown).toBe(once);
    const local = fitToBudget(md, { limit: 65536, reportUrl: null }).markdown;
    expect(local.endsWith('📄 Full report: `report.html` in the artifacts of this run')).toBe(true);
    expect(reportLinkLine('https://x.test/a b(c)')).toBe('📄 [Full report](https://x.test/a%20b%28c%29)');
  });

  it('cuts one enormous line without splitting a surrogate pair', () => {
    for (const limit of [1001, 1002, 1003, 5000, 5001]) {
      const md = `${formatMarker(MARKER)}\n### ❌\n\n**Requirements without a verifying result:** ${'😀 '.repeat(20_000)}\n\n<sub>end</sub>`;
      const out = fitToBudget(md, { limit, reportUrl: URL });
      expect(out.steps).toContain('hard-cut');
      expectWellFormed(out.markdown, limit);
      expect(out.markdown).toContain('😀…');
      expect(out.markdown).toContain(`_This comment was cut to fit ${limit} characters._`);
    }
  });

  it('cuts tables at row boundaries and closes an open <details>', () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `| ✅ pass | \`r-${i}\` 😀 | ${'v'.repeat(i % 50)} |`,
    );
    const md = [
      formatMarker(MARKER),
      '### ✅',
      '',
      '<details><summary>Unterminated</summary>',
      '',
      '| Status | Result | Observed |',
      '|---|---|---|',
      ...rows,
    ].join('\n');
    for (const limit of [400, 4000, 40_000]) {
      const { markdown: out } = fitToBudget(md, { limit, reportUrl: URL });
      expectWellFormed(out, limit);
    }
  });

  it('rejects a limit that cannot hold the marker and the link', () => {
    expect(() => fitToBudget(generateComment(10), { limit: 100, reportUrl: URL })).toThrow(RangeError);
  });

  it('safeSlice never ends on the first half of a pair', () => {
    expect(safeSlice('a😀b', 2)).toBe('a');
    expect(safeSlice('a😀b', 3)).toBe('a😀');
    expect(safeSlice('abc', 10)).toBe('abc');
    expect(safeSlice('abc', 0)).toBe('');
  });
});

describe('LocalPlatform', () => {
  it('skips what needs a platform, with the reason, and writes the summary and outputs when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regops-local-'));
    const p = new LocalPlatform({
      sha: 'abc',
      ref: 'refs/heads/main',
      summaryPath: join(dir, 'sub', 'summary.md'),
      outputsPath: join(dir, 'outputs.json'),
      changedFiles: ['a.txt'],
    });
    expect(p.context()).toEqual({
      platform: 'local',
      event: 'local',
      repository: null,
      sha: 'abc',
      ref: 'refs/heads/main',
      change: null,
      runUrl: null,
    });
    const caps = p.capabilities();
    expect(caps.comment).toBe(false);
    expect(caps.reason.comment).toBe('local run');
    expect(caps.summary).toBe(true);
    expect(await p.upsertComment('k', 'body')).toEqual({ status: 'skipped', reason: 'local run' });
    expect(
      await p.publishCheck('regops', { conclusion: 'success', title: 't', summary: 's', annotations: [] }),
    ).toEqual({ status: 'skipped', reason: 'local run' });
    expect(await p.setStatus('regops/gate', 'success', 'ok')).toEqual({
      status: 'skipped',
      reason: 'local run',
    });
    expect((await p.uploadArtifacts('evidence', ['x'])).status).toBe('skipped');
    expect(await p.listReviews()).toEqual([]);
    expect(await p.changedFiles()).toEqual(['a.txt']);
    await p.writeSummary('# one');
    await p.writeSummary('# two\n');
    expect(readFileSync(join(dir, 'sub', 'summary.md'), 'utf8')).toBe('# one\n# two\n');
    await p.setOutputs({ verdict: 'pass' });
    await p.setOutputs({ report: 'out/report.html' });
    expect(JSON.parse(readFileSync(join(dir, 'outputs.json'), 'utf8'))).toEqual({
      verdict: 'pass',
      report: 'out/report.html',
    });
    expect(p.outputs).toEqual({ verdict: 'pass', report: 'out/report.html' });
  });

  it('skips the summary without a file', async () => {
    const p = new LocalPlatform();
    expect(p.capabilities().summary).toBe(false);
    expect(await p.writeSummary('x')).toEqual({
      status: 'skipped',
      reason: 'local run: no summary file given',
    });
    expect(await p.setOutputs({ a: '1' })).toEqual({ status: 'done', url: null });
  });
});
