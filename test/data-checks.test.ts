import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckResult, Evidence } from '@regops/core';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLE } from './helpers';

const REQS = `requirements:
  - { id: REQ-001, title: Data, type: data, text: The data shall be fit for use. }
`;

/** Write a small project (config, requirements, data files) and run it through the CLI; returns its evidence. */
async function runProject(files: Record<string, string>, checks: string, extra = '') {
  const dir = mkdtempSync(path.join(tmpdir(), 'regops-data-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const datasets = Object.keys(files)
    .filter((f) => /\.(csv|jsonl)$/.test(f))
    .map(
      (f) =>
        `  ${f.replace(/\.\w+$/, '')}: { path: ${f}, role: ${f.startsWith('train') ? 'train' : 'test'} }`,
    )
    .join('\n');
  writeFileSync(
    path.join(dir, 'regops.yml'),
    `version: 1\nproject: { name: t }\nrequirements: requirements.yml\n${extra}datasets:\n${datasets}\nchecks:\n${checks}`,
  );
  writeFileSync(path.join(dir, 'requirements.yml'), REQS);
  const out = path.join(dir, 'out');
  const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', out]);
  if (r.code > 1) throw new Error(`regops run failed (${r.code}): ${r.err}`);
  const evidence = JSON.parse(readFileSync(path.join(out, 'evidence.json'), 'utf8')) as Evidence;
  const written = [
    'evidence.json',
    'comment.md',
    'model-card.md',
    'dataset-card.md',
    'traceability.md',
    'report.html',
  ]
    .map((f) => readFileSync(path.join(out, f), 'utf8'))
    .join('\n');
  return { evidence, code: r.code, printed: r.out + r.err, written, dir };
}

const byId = (e: Evidence, id: string): CheckResult => {
  const r = e.results.find((x) => x.id === id);
  if (!r) throw new Error(`no result ${id}: ${e.results.map((x) => x.id).join(', ')}`);
  return r;
};
const metric = (r: CheckResult, name: string) => r.metrics.find((m) => m.name === name)?.value;

/** Pima train/test with a patient_id column; `shared` test rows reuse train IDs. */
function pimaWithIds(shared: number[]): { train: string; test: string; ids: string[] } {
  const read = (f: string) =>
    readFileSync(path.join(EXAMPLE, 'data', f), 'utf8')
      .trimEnd()
      .split('\n');
  const train = read('train.csv');
  const test = read('test.csv');
  const ids: string[] = [];
  const trainOut = train.map((l, i) => (i === 0 ? `patient_id,${l}` : `PT-${String(100000 + i)},${l}`));
  const testOut = test.map((l, i) => {
    if (i === 0) return `patient_id,${l}`;
    if (shared.includes(i)) {
      const id = `PT-${String(100000 + i * 2)}`;
      ids.push(id);
      return `${id},${l}`;
    }
    return `PT-${String(900000 + i)},${l}`;
  });
  return { train: `${trainOut.join('\n')}\n`, test: `${testOut.join('\n')}\n`, ids };
}

describe('data.leakage', () => {
  it('fails on 3 patient IDs shared between train and test, names the count and shows the IDs masked', async () => {
    const { train, test, ids } = pimaWithIds([5, 50, 150]);
    const { evidence, code, printed, written } = await runProject(
      { 'train.csv': train, 'test.csv': test },
      '  - { id: split, type: data.leakage, verifies: [REQ-001], reference: train, current: test, id_column: patient_id }\n',
    );
    expect(code).toBe(1);
    const r = byId(evidence, 'split/ids');
    expect(r.status).toBe('fail');
    expect(metric(r, 'shared_ids')).toBe(3);
    expect(r.message).toMatch(
      /^test vs train: 3 patient_id value\(s\) in both datasets \(3 test row\(s\)\), e\.g\. •••\d\d, •••\d\d, •••\d\d at test rows /,
    );
    for (const id of ids) {
      expect(written).not.toContain(id);
      expect(printed).not.toContain(id);
    }
    expect(byId(evidence, 'split/rows').status).toBe('pass');
  });

  it('passes disjoint IDs, and finds identical rows and test rows earlier than train', async () => {
    const { train, test } = pimaWithIds([]);
    const tr = `${train
      .trimEnd()
      .split('\n')
      .map((l, i) => `${l},${i === 0 ? 'visit' : `2020-01-${String((i % 28) + 1).padStart(2, '0')}`}`)
      .join('\n')}\n`;
    // test rows: dates in 2021 except rows 1 and 2 (2019); row 3 copies train row 1 exactly.
    const trainRow1 = tr.split('\n')[1] as string;
    const te = `${test
      .trimEnd()
      .split('\n')
      .map((l, i) =>
        i === 0 ? `${l},visit` : i === 3 ? trainRow1 : `${l},${i <= 2 ? '2019-06-01' : '2021-03-01'}`,
      )
      .join('\n')}\n`;
    const { evidence } = await runProject(
      { 'train.csv': tr, 'test.csv': te },
      '  - { id: split, type: data.leakage, reference: train, current: test, id_column: patient_id, time_column: visit }\n',
    );
    expect(metric(byId(evidence, 'split/ids'), 'shared_ids')).toBe(1); // the copied row brings its ID along
    expect(metric(byId(evidence, 'split/rows'), 'overlapping_rows')).toBe(1);
    const time = byId(evidence, 'split/time');
    expect(metric(time, 'earlier_rows')).toBe(3); // rows 1, 2 (2019) and 3 (a 2020 train date)
    expect(time.status).toBe('fail');
  });
});

describe('small hand-worked data checks', () => {
  const csv = [
    'id,smoker,site,score,outcome,const',
    '1,Yes,A,1.5,1,x',
    '2,yes ,A,2,0,x',
    '3,YES,B,abc,1,x',
    '4,No,A,3,0,x',
    '4,No,A,3,0,x',
    '5,No,B,,1,x',
    '6,Yes,A,1.5,0,x',
  ].join('\n');
  const test = ['id,smoker,site,score,outcome,const', '7,No,C,1,1,x', '8,No,D,2,0,x', '9,Maybe,A,2,0,x'].join(
    '\n',
  );

  it('computes each check as worked out by hand', async () => {
    const checks = `
  - { id: dup, type: data.duplicates, datasets: [train] }
  - { id: conf, type: data.conflicting_labels, datasets: [train], target: outcome, features: [smoker, site, score] }
  - { id: mixed, type: data.mixed_types, datasets: [train] }
  - { id: var, type: data.category_variants, datasets: [train], columns: [smoker, site] }
  - { id: const, type: data.constant, datasets: [train] }
  - { id: unseen, type: data.unseen_categories, reference: train, current: test, columns: [smoker, site] }
  - { id: prev, type: data.label_prevalence, target: outcome, positive: 1, min: 0.45, max: 0.55 }
  - { id: size, type: data.size, datasets: [train], min_rows: 5, subgroups: [{ column: site, min_rows: 3 }] }
  - { id: miss, type: data.missing, datasets: [train], max_fraction: 0.1, row_max_missing: 0, max_incomplete_rows: 0.1 }
`;
    const { evidence } = await runProject({ 'train.csv': `${csv}\n`, 'test.csv': `${test}\n` }, checks);
    // Row 5 repeats row 4.
    expect(metric(byId(evidence, 'dup/train'), 'duplicate_rows')).toBe(1);
    expect(byId(evidence, 'dup/train').message).toContain('row 5 = row 4');
    // (Yes, A, 1.5) has labels 1 (row 1) and 0 (row 7): 2 rows in 1 group.
    expect(metric(byId(evidence, 'conf/train'), 'conflicting_rows')).toBe(2);
    // score: 5 numbers and 1 text ("abc") → minority 1/6.
    const mixed = byId(evidence, 'mixed/train');
    expect(mixed.status).toBe('fail');
    expect(metric(mixed, 'minority_fraction:score')).toBeCloseTo(1 / 6, 12);
    expect(mixed.message).toContain('score: 5 number(s) and 1 text value(s) (minority 16.7%; e.g. rows 3)');
    // smoker: Yes ×2, "yes " ×1, YES ×1 are one category.
    expect(byId(evidence, 'var/train').message).toBe(
      'train.csv: one category spelled several ways: smoker: "Yes" ×2, "YES" ×1, "yes " ×1',
    );
    // const is constant; nothing else reaches 99%.
    expect(byId(evidence, 'const/train').message).toBe(
      'train.csv: const: constant (one value in all 7 cells)',
    );
    // test has site C and D (2 rows) and smoker Maybe (1 row) unseen in train.
    expect(byId(evidence, 'unseen/test').message).toBe(
      'test.csv: categories not in train: smoker: "Maybe" (1 rows); site: "C" (1 rows), "D" (1 rows)',
    );
    // prevalence 3/7 in train (fails ≥ 0.45), 1/3 in test (fails).
    const prev = byId(evidence, 'prev/train');
    expect(metric(prev, 'prevalence')).toBeCloseTo(3 / 7, 12);
    // Wilson 95% interval for 3/7 from scipy: binomtest(3, 7).proportion_ci(method='wilson').
    expect(prev.metrics[0]?.ci?.[0]).toBeCloseTo(0.1582198552514697, 12);
    expect(prev.metrics[0]?.ci?.[1]).toBeCloseTo(0.7495416354723428, 12);
    // site: A 5 rows, B 2 rows (< 3).
    expect(byId(evidence, 'size/train').message).toBe('train.csv: site "B": 2 rows < 3');
    // score missing in 1 of 7 rows (14.3% > 10%); 1 incomplete row (row 6).
    expect(byId(evidence, 'miss/train').message).toContain('score 14.3% missing (1/7) > 10.0%');
    expect(metric(byId(evidence, 'miss/train'), 'incomplete_rows')).toBeCloseTo(1 / 7, 12);
  });
});
