import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Evidence } from '@regops/core';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers';

interface FixtureFile {
  file: string;
  rows: number;
  duplicated_rows: number;
  conflicting_labels: { target: string; groups: number; rows: number };
  columns: { name: string; missing: number; distinct: number }[];
}
const FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures', 'data');
const fixture = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'pandas_fixture.json'), 'utf8')) as {
  files: FixtureFile[];
};

/**
 * The full pipeline (streaming readers, one-pass profile, spilled duplicate and conflict checks) on the shared
 * Pima and WDBC files, against pandas: isna().sum(), nunique(), duplicated().sum() and the conflicting-label
 * groups computed by scripts/fixtures/make_data_fixture.py.
 */
describe.each(fixture.files.map((f) => [f.file, f] as const))('%s against pandas', (_name, expected) => {
  it('has the same missing counts, distinct counts, duplicate rows and conflicting-label rows', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regops-pandas-'));
    cpSync(path.join(FIXTURE_DIR, expected.file), path.join(dir, 'data.csv'));
    writeFileSync(
      path.join(dir, 'requirements.yml'),
      'requirements:\n  - { id: R-1, title: t, type: data, text: t }\n',
    );
    const target = expected.conflicting_labels.target;
    writeFileSync(
      path.join(dir, 'regops.yml'),
      `version: 1
project: { name: fixture }
requirements: requirements.yml
datasets:
  data: { path: data.csv, role: train }
checks:
  - { id: dups, type: data.duplicates }
  - { id: conflicts, type: data.conflicting_labels, target: ${target} }
  - { id: missing, type: data.missing, max_fraction: 1 }
`,
    );
    const out = path.join(dir, 'out');
    const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', out]);
    expect(r.err).not.toMatch(/error/);
    const e = JSON.parse(readFileSync(path.join(out, 'evidence.json'), 'utf8')) as Evidence;
    const profile = e.profiles[0];
    expect(profile?.rows).toBe(expected.rows);
    expect(profile?.columns.map((c) => [c.name, c.missing, c.distinct.value])).toEqual(
      expected.columns.map((c) => [c.name, c.missing, c.distinct]),
    );
    const missing = e.results.find((x) => x.id === 'missing/data')?.details?.missing;
    expect(missing).toEqual(Object.fromEntries(expected.columns.map((c) => [c.name, c.missing])));
    const dups = e.results.find((x) => x.id === 'dups/data');
    expect(dups?.metrics.find((m) => m.name === 'duplicate_rows')?.value).toBe(expected.duplicated_rows);
    const conflicts = e.results.find((x) => x.id === 'conflicts/data');
    expect(conflicts?.metrics.find((m) => m.name === 'conflicting_rows')?.value).toBe(
      expected.conflicting_labels.rows,
    );
    expect(conflicts?.metrics.find((m) => m.name === 'conflicting_groups')?.value).toBe(
      expected.conflicting_labels.groups,
    );
  });
});
