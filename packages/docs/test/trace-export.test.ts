import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Evidence } from '@regops/core';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderTraceability } from '../src/index';
import {
  csvField,
  diffTrace,
  renderTraceCsv,
  renderTraceDiff,
  renderTraceHtml,
  TRACE_COLUMNS,
} from '../src/trace-export';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/evidence/pima-demo.json', import.meta.url));
const load = (): Evidence => Evidence.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));

/** The demo evidence plus a requirement that nothing verifies, with a hostile title. */
function withGap(): Evidence {
  const e = load();
  e.requirements.push({
    id: 'REQ-099',
    title: '<img src=x onerror=alert(1)> **bold** | =SUM(A1)',
    type: 'safety',
    text: 'An unverified requirement.',
  } as Evidence['requirements'][number]);
  return e;
}

describe('traceability matrix in three formats', () => {
  it('a requirement with no check is a GAP row in Markdown, CSV and HTML', () => {
    const e = withGap();
    const md = renderTraceability(e);
    expect(md.split('\n').some((l) => l.startsWith('| REQ-099 |') && l.includes('**GAP**'))).toBe(true);

    const csv = renderTraceCsv(e);
    const records = parseCsv(csv, { columns: true }) as Record<string, string>[];
    const gap = records.find((r) => r.requirement === 'REQ-099');
    expect(gap).toMatchObject({ kind: 'requirement_gap', status: 'GAP', check: '' });
    // The title survives the round trip, formula-guarded only where a cell starts with a formula character.
    expect(gap?.requirement_title).toBe('<img src=x onerror=alert(1)> **bold** | =SUM(A1)');
    expect(Object.keys(records[0] ?? {})).toEqual([...TRACE_COLUMNS]);

    const html = renderTraceHtml(e);
    expect(html).toContain('<tr class="gap"><td>GAP: requirement without a result</td><td>REQ-099</td>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; **bold** | =SUM(A1)');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('every result of the demo that verifies a requirement is a row; REQ-007 (no check) is a gap', () => {
    const e = load();
    const records = parseCsv(renderTraceCsv(e), { columns: true }) as Record<string, string>[];
    const links = records.filter((r) => r.kind === 'link');
    const expected = e.results.reduce((n, r) => n + r.verifies.length, 0);
    expect(links).toHaveLength(expected);
    expect(records.filter((r) => r.kind === 'requirement_gap').map((r) => r.requirement)).toEqual([
      'REQ-007',
    ]);
    // Commit on every row.
    expect(new Set(records.map((r) => r.commit))).toEqual(new Set([e.run.git?.sha?.slice(0, 7) ?? '']));
  });

  it('CSV fields: quoting and the spreadsheet-formula guard', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-0.5')).toBe("'-0.5");
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });

  it('the same evidence gives byte-identical CSV and HTML', () => {
    expect(renderTraceCsv(load())).toBe(renderTraceCsv(load()));
    expect(renderTraceHtml(load())).toBe(renderTraceHtml(load()));
  });
});

describe('traceability diff against the base branch', () => {
  it('lists added, removed and changed rows', () => {
    const base = load();
    const head = withGap();
    // A result that now fails, and a result that disappeared.
    const auroc = head.results.find((r) => r.id === 'auroc');
    if (!auroc) throw new Error('fixture has no auroc result');
    auroc.status = 'fail';
    head.results = head.results.filter((r) => r.id !== 'determinism');
    const d = diffTrace(base, head);
    // determinism was REQ-015's only result: that requirement becomes a gap (an added GAP row).
    expect(d.added.map((r) => [r.requirement, r.kind])).toEqual([
      ['REQ-015', 'requirement_gap'],
      ['REQ-099', 'requirement_gap'],
    ]);
    expect(d.removed.map((r) => r.check)).toEqual(['determinism']);
    expect(d.changed.map((c) => [c.after.check, c.fields])).toEqual([['auroc', ['status']]]);
    const md = renderTraceDiff(base, head);
    expect(md).toContain('2 added, 1 removed, 1 changed row(s)');
    expect(md).toContain('| REQ-001 | auroc | status | pass | fail |');
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });

  it('the same run diffed with itself has no changes', () => {
    const d = diffTrace(load(), load());
    expect(d).toEqual({ added: [], removed: [], changed: [] });
  });
});
