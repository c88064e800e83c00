import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CheckResult, type ColumnProfile, Evidence } from '@regops/core';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_NAMES, formatShare, renderAll, renderDatasetCard, resultDatasets } from '../src/index';

const SAMPLE = fileURLToPath(new URL('../../../test/fixtures/evidence/sample.json', import.meta.url));

/** An identifier that only the profile of the sensitive column holds: it must never reach the card. */
const FAKE_MRN = 'MRN-4471-XZ';
/** Numbers only the sensitive hba1c column holds. */
const SECRET_NUMBERS = ['4.0417', '13.9183', '6.271828', '2.468013', '5.7321'];

const SHA = (c: string) => c.repeat(64);

function column(name: string, over: Partial<ColumnProfile>): ColumnProfile {
  return {
    name,
    count: 200,
    missing: 0,
    inferred_type: 'string',
    type_counts: { integer: 0, number: 0, boolean: 0, string: 200 },
    sensitive: false,
    distinct: { value: 2, exact: true },
    numeric: null,
    top: null,
    ...over,
  };
}

function numeric(
  min: number,
  max: number,
  mean: number,
  std: number,
  median: number,
  n: number,
  exact: boolean,
): NonNullable<ColumnProfile['numeric']> {
  const level0 = exact
    ? Array.from({ length: n }, (_, i) => min + ((max - min) * i) / (n - 1))
    : [min, median, max];
  return {
    count: n,
    min,
    max,
    mean,
    std,
    quantiles: [
      { q: 0, value: min },
      { q: 0.5, value: median },
      { q: 1, value: max },
    ],
    histogram: { edges: [min, max], counts: [n] },
    sketch: { kind: 'kll', k: 200, n, levels: exact ? [level0] : [level0, [median, max]] },
  };
}

function result(over: Partial<CheckResult> & Pick<CheckResult, 'id' | 'check' | 'message'>): CheckResult {
  return { title: over.id, status: 'pass', verifies: [], controls: [], metrics: [], ...over };
}

/** A small, hand-built bundle: two datasets, one sensitive identifier and one sensitive lab value. */
function fixture(): Evidence {
  return Evidence.parse({
    schema_version: '1.0.0',
    tool: { name: 'regops', version: '9.9.9' },
    run: {
      started_at: '2025-01-02T03:04:05.000Z',
      platform: 'local',
      git: { sha: 'abcdef0123456789abcdef0123456789abcdef01', ref: null, dirty: false },
      change: null,
    },
    project: { name: 'hba1c-screen', description: null },
    inputs: [
      { path: 'regops.yml', kind: 'config', sha256: SHA('1'), bytes: 10 },
      { path: 'datacard.yml', kind: 'datacard', sha256: SHA('2'), bytes: 20 },
      { path: 'data/cohort.csv', kind: 'dataset', sha256: SHA('a'), bytes: 300 },
      { path: 'data/holdout.csv', kind: 'dataset', sha256: SHA('b'), bytes: 80 },
    ],
    model: null,
    baseline_model: null,
    datasets: [
      {
        name: 'cohort',
        path: 'data/cohort.csv',
        role: 'train',
        rows: 200,
        columns: ['patient_id', 'age', 'sex', 'hba1c', 'outcome'],
      },
      { name: 'holdout', path: 'data/holdout.csv', role: 'test', rows: 50, columns: ['age', 'outcome'] },
    ],
    profiles: [
      {
        dataset: 'cohort',
        rows: 200,
        columns: [
          column('patient_id', {
            sensitive: true,
            distinct: { value: 198, exact: false },
            top: [
              { value: FAKE_MRN, count: 2 },
              { value: 'MRN-0001-AA', count: 1 },
            ],
          }),
          column('age', {
            count: 197,
            missing: 3,
            inferred_type: 'integer',
            type_counts: { integer: 197, number: 0, boolean: 0, string: 0 },
            distinct: { value: 61, exact: true },
            numeric: numeric(21, 87, 47.123456789, 12.3456789, 45, 197, false),
          }),
          column('sex', {
            distinct: { value: 4, exact: true },
            top: [
              { value: 'F', count: 110 },
              { value: 'M', count: 80 },
              { value: 'U', count: 6 },
              { value: 'X', count: 4 },
            ],
          }),
          column('hba1c', {
            sensitive: true,
            inferred_type: 'number',
            type_counts: { integer: 0, number: 200, boolean: 0, string: 0 },
            distinct: { value: 90, exact: true },
            // A real profile carries no summary for a sensitive column; the card must not print one anyway.
            numeric: numeric(4.0417, 13.9183, 6.271828, 2.468013, 5.7321, 200, true),
            top: [{ value: '5.7321', count: 9 }],
          }),
          column('outcome', {
            top: [
              { value: 'no', count: 150 },
              { value: 'yes', count: 50 },
            ],
          }),
        ],
        missing_per_row: [
          { missing: 0, rows: 180 },
          { missing: 1, rows: 15 },
          { missing: 2, rows: 5 },
        ],
      },
      {
        dataset: 'holdout',
        rows: 50,
        columns: [
          column('age', {
            count: 50,
            inferred_type: 'integer',
            type_counts: { integer: 50, number: 0, boolean: 0, string: 0 },
            distinct: { value: 30, exact: true },
            numeric: numeric(22, 79, 44.5, 11.25, 43, 50, true),
          }),
          column('outcome', {
            count: 50,
            top: [
              { value: 'no', count: 30 },
              { value: 'yes', count: 20 },
            ],
          }),
        ],
        missing_per_row: [{ missing: 0, rows: 50 }],
      },
    ],
    requirements: [{ id: 'REQ-1', title: 'Data', text: 'The data shall be described.', type: 'data' }],
    hazards: [],
    modelcard: null,
    datacard: {
      motivation: { purpose: 'Screen for diabetes | prediabetes\nin primary care', creators: 'Clinic A' },
      composition: { instances: 'One adult patient visit.', notes: ['Lab values from one assay.'] },
      collection: { process: 'Routine visits.' },
      preprocessing: { steps: ['Dropped visits without a lab result.'] },
      uses: { intended: ['Model development.'] },
      distribution: { license: 'Internal use only.' },
      maintenance: { maintainer: 'Data team' },
      datasets: {
        cohort: { description: 'All 2023 visits | site A', source: 'EHR export' },
        holdout: { description: 'Visits from January 2024.' },
      },
    },
    checks: [],
    results: [
      result({
        id: 'prevalence/cohort',
        check: 'data.label_prevalence',
        title: 'Label prevalence: cohort',
        metrics: [{ name: 'prevalence', value: 0.25, ci: [0.19, 0.31], threshold: { op: '>=', value: 0.1 } }],
        message: 'data/cohort.csv: 50 of 200 labelled rows positive (25.0%, 95% CI 19.0%–31.0%)',
        details: { positives: 50, labelled: 200, missing_labels: 0 },
      }),
      result({
        id: 'size/cohort',
        check: 'data.size',
        status: 'fail',
        metrics: [
          { name: 'rows:sex="F"', value: 110, threshold: { op: '>=', value: 20 } },
          { name: 'rows:sex="M"', value: 80, threshold: { op: '>=', value: 20 } },
          { name: 'rows:sex="U"', value: 6, threshold: { op: '>=', value: 20 } },
          { name: 'rows:hba1c=[4, 6.5)', value: 150, threshold: { op: '>=', value: 20 } },
        ],
        message: 'data/cohort.csv: sex "U": 6 rows < 20',
        details: {
          rows: 200,
          groups: [
            { column: 'sex', group: '"F"', rows: 110 },
            { column: 'sex', group: '"M"', rows: 80 },
            { column: 'sex', group: '"U"', rows: 6 },
            { column: 'hba1c', group: '[4, 6.5)', rows: 150 },
          ],
        },
      }),
      result({
        id: 'phi/cohort',
        check: 'data.phi',
        status: 'warn',
        message: 'data/cohort.csv: dates in 1 column(s) not declared in privacy.allow_phi',
        details: { dataset: 'cohort' },
      }),
      result({
        id: 'split/rows',
        check: 'data.leakage',
        message: 'holdout vs cohort: no row of holdout is identical to a row of cohort',
      }),
      result({ id: 'custom', check: 'data.custom', status: 'skip', message: 'nothing to read' }),
      result({
        id: 'auroc',
        check: 'model.metric',
        metrics: [{ name: 'auroc', value: 0.81 }],
        message: 'AUROC 0.81',
        details: { dataset: 'holdout', target: { column: 'outcome', positive: 'yes' } },
      }),
    ],
    gate: {
      verdict: 'pass',
      reasons: [],
      policy: { fail_on: ['fail', 'error'], require_verified: false },
      counts: { pass: 4, fail: 1, warn: 1, error: 0, skip: 1 },
    },
  });
}

/** Cells of a GFM table row: split at pipes not escaped by a backslash. */
function cells(row: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (ch === '\\' && i + 1 < row.length) {
      cur += ch + row[i + 1];
      i++;
    } else if (ch === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.slice(1, -1);
}

/** Rows of the first table after `from` whose header starts with `first`, as header → cell maps. */
function table(doc: string, first: string, from = 0): Record<string, string>[] {
  const lines = doc.slice(from).split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  expect(start, `table starting with ${first}`).toBeGreaterThanOrEqual(0);
  const header = cells(lines[start] ?? '');
  const rows: Record<string, string>[] = [];
  for (let i = start + 2; i < lines.length && lines[i]?.startsWith('|'); i++) {
    const c = cells(lines[i] ?? '');
    expect(c, `row ${lines[i]}`).toHaveLength(header.length);
    rows.push(Object.fromEntries(header.map((h, k) => [h, c[k] ?? ''])));
  }
  return rows;
}

/** The text of one dataset's part of the card, from its heading to the next dataset or section. */
function datasetPart(card: string, name: string): string {
  const start = card.indexOf(`### Dataset ${name}\n`);
  expect(start, `dataset ${name}`).toBeGreaterThanOrEqual(0);
  const rest = card.slice(start + 1);
  const end = rest.search(/\n### |\n## /);
  return end < 0 ? rest : rest.slice(0, end);
}

function gaps(card: string): string[] {
  return card
    .slice(card.indexOf('## Gaps'))
    .split('\n')
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2));
}

describe('renderDatasetCard', () => {
  const card = renderDatasetCard(fixture());

  it('has the Datasheets sections in order, then Gaps', () => {
    const headings = card.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Motivation',
      '## Composition',
      '## Collection process',
      '## Preprocessing / cleaning / labelling',
      '## Uses',
      '## Distribution',
      '## Maintenance',
      '## Gaps',
    ]);
    expect(card.startsWith('# Dataset card: hba1c-screen\n')).toBe(true);
    expect(card).toContain('commit `abcdef0`');
    expect(card).toContain('Written answers come from `datacard.yml`');
    const cohort = card.indexOf('### Dataset cohort');
    const holdout = card.indexOf('### Dataset holdout');
    expect(cohort).toBeGreaterThan(card.indexOf('## Composition'));
    expect(holdout).toBeGreaterThan(cohort);
    expect(card.indexOf('## Collection process')).toBeGreaterThan(holdout);
    const sub = datasetPart(card, 'cohort')
      .split('\n')
      .filter((l) => l.startsWith('#### '));
    expect(sub).toEqual([
      '#### Columns',
      '#### Label balance',
      '#### Subgroups',
      '#### Missing values per row',
      '#### Data checks',
    ]);
  });

  it('summarises each dataset from the evidence', () => {
    const cohort = datasetPart(card, 'cohort');
    expect(cohort).toContain('- **File:** `data/cohort.csv`');
    expect(cohort).toContain('- **Role:** train');
    expect(cohort).toContain('- **Rows:** 200');
    expect(cohort).toContain('- **Columns:** 5');
    expect(cohort).toContain(`- **sha256:** \`${SHA('a')}\``);
    expect(datasetPart(card, 'holdout')).toContain(`- **sha256:** \`${SHA('b')}\``);
  });

  it('formats the measured numbers of the column table', () => {
    const rows = table(datasetPart(card, 'cohort'), 'Column');
    expect(rows.map((r) => r.Column)).toEqual(['`patient_id`', '`age`', '`sex`', '`hba1c`', '`outcome`']);
    const age = rows[1];
    expect(age).toEqual({
      Column: '`age`',
      Type: 'integer',
      Missing: '3 (1.5%)',
      Distinct: '61',
      Min: '21',
      Median: '≈45',
      Max: '87',
      'Mean ± std': '47.123457 ± 12.345679',
      'Top values': '—',
    });
    expect(rows[2]?.['Top values']).toBe('`F` (110), `M` (80), `U` (6)');
    expect(rows[2]?.Min).toBe('—');
    expect(rows[0]?.Distinct).toBe('≈198');
    expect(card).toContain('≈: an estimate.');
    // An exact sketch gives an exact median.
    const holdoutAge = table(datasetPart(card, 'holdout'), 'Column')[0];
    expect(holdoutAge?.Median).toBe('43');
    expect(holdoutAge?.['Mean ± std']).toBe('44.500000 ± 11.250000');
  });

  it('shows label balance, subgroups, missing values per row and the data checks', () => {
    const cohort = datasetPart(card, 'cohort');
    expect(cohort).toContain(
      '- ✅ `prevalence/cohort`: 50 of 200 labelled rows positive, prevalence 0.250000 (95% CI 0.190000–0.310000); 0 rows without a label.',
    );
    const groups = table(cohort, 'Column', cohort.indexOf('#### Subgroups'));
    expect(groups.map((g) => [g.Group, g.Rows, g.Share, g.Bound, g.Meets])).toEqual([
      ['`"F"`', '110', '55.0%', '≥ 20', 'yes'],
      ['`"M"`', '80', '40.0%', '≥ 20', 'yes'],
      ['`"U"`', '6', '3.0%', '≥ 20', 'no'],
      ['withheld (sensitive)', '150', '75.0%', '≥ 20', 'yes'],
    ]);
    const perRow = table(cohort, 'Missing cells in the row');
    expect(perRow.map((r) => [r['Missing cells in the row'], r.Rows, r.Share])).toEqual([
      ['0', '180', '90.0%'],
      ['1', '15', '7.5%'],
      ['2', '5', '2.5%'],
    ]);
    const checks = cohort.slice(cohort.indexOf('#### Data checks'));
    expect(checks).toContain(
      '- ✅ **pass** `prevalence/cohort` (`data.label_prevalence`) — data/cohort.csv: 50 of 200',
    );
    expect(checks).toContain(
      '- ❌ **fail** `size/cohort` (`data.size`) — data/cohort.csv: sex "U": 6 rows &lt; 20',
    );
    expect(checks).toContain('- ⚠️ **warn** `phi/cohort` (`data.phi`)');
    expect(checks).toContain('`split/rows` (`data.leakage`) — holdout vs cohort');
    expect(checks).not.toContain('`auroc`');
  });

  it('reads the label balance of a dataset without a prevalence check from the recorded target column', () => {
    const holdout = datasetPart(card, 'holdout');
    expect(holdout).toContain("From the profile's value counts of the target column `outcome`:");
    expect(table(holdout, 'Label')).toEqual([
      { Label: '`no`', Rows: '30', Share: '60.0%' },
      { Label: '`yes` (positive)', Rows: '20', Share: '40.0%' },
    ]);
    expect(holdout).toContain('Not measured: no data.size check covers this dataset; see Gaps.');
    expect(holdout).toContain('`split/rows` (`data.leakage`)');
  });

  it('says "not measured" rather than guess a label column', () => {
    const e = fixture();
    e.results = e.results.filter((r) => r.check !== 'model.metric' && r.check !== 'data.label_prevalence');
    const bare = renderDatasetCard(e);
    const text =
      'Not measured: no data.label_prevalence result, and the evidence records no target column; see Gaps.';
    expect(datasetPart(bare, 'holdout')).toContain(text);
    expect(datasetPart(bare, 'cohort')).toContain(text);
    expect(bare).not.toContain('| Label |');
    expect(gaps(bare)).toContain(
      'Composition › cohort › label balance: not measured: no data.label_prevalence result, and the evidence records no target column',
    );
  });

  it('lists data results that name no dataset separately', () => {
    const shared = card.slice(
      card.indexOf('### Data checks not tied to one dataset'),
      card.indexOf('## Collection'),
    );
    expect(shared).toContain('- ⏭️ **skip** `custom` (`data.custom`) — nothing to read');
  });

  it('never shows a value of a sensitive column', () => {
    const doc = renderAll(fixture())['dataset-card.md'];
    expect(doc).toBe(card);
    expect(card).not.toContain(FAKE_MRN);
    expect(card).not.toContain('MRN-0001-AA');
    expect(card).not.toContain('•••');
    for (const n of SECRET_NUMBERS) expect(card, n).not.toContain(n);
    expect(card).not.toContain('6.5)');
    const rows = table(datasetPart(card, 'cohort'), 'Column');
    for (const row of [rows[0], rows[3]]) {
      for (const key of ['Min', 'Median', 'Max', 'Mean ± std', 'Top values'])
        expect(row?.[key], key).toBe('withheld (sensitive)');
    }
    expect(rows[3]?.Type).toBe('number');
    expect(rows[3]?.Missing).toBe('0 (0%)');
  });

  it('withholds the label balance when the target column is sensitive', () => {
    const e = fixture();
    const outcome = e.profiles[1]?.columns.find((c) => c.name === 'outcome');
    if (!outcome) throw new Error('fixture');
    outcome.sensitive = true;
    outcome.top = [{ value: 'yes-secret', count: 20 }];
    const doc = renderDatasetCard(e);
    expect(datasetPart(doc, 'holdout')).toContain(
      'Label balance withheld (sensitive): the target column `outcome` is sensitive.',
    );
    expect(doc).not.toContain('yes-secret');
  });

  it('lists the measurements that are absent', () => {
    const g = gaps(card);
    expect(g).toContain('Composition › holdout: no data.size check: subgroup sizes not measured');
    expect(g).toContain('Composition › holdout: no data.duplicates check: duplicate rows not measured');
    expect(g).toContain(
      'Composition › cohort: no data.missing check: missing values not judged against a bound',
    );
    expect(g).not.toContain('Composition › cohort: no data.size check: subgroup sizes not measured');
    expect(g).not.toContain('Composition: no data.leakage check: overlap between datasets not measured');
    expect(g).toContain('Motivation › funding: not answered in datacard.yml');
    expect(g).toContain('Collection process › holdout › source: not answered in datacard.yml');
    expect(g.some((x) => x.startsWith('Composition › cohort › description'))).toBe(false);

    const e = fixture();
    e.profiles = e.profiles.slice(0, 1);
    e.results = [];
    const sparse = gaps(renderDatasetCard(e));
    expect(sparse).toContain(
      'Composition › holdout: no profile in the evidence, so columns and missing values are not measured',
    );
    expect(sparse).toContain('Composition: no data.leakage check: overlap between datasets not measured');
  });

  it('lists every Datasheets question as a gap when there is no dataset card file', () => {
    const e = fixture();
    e.datacard = null;
    e.inputs = e.inputs.filter((i) => i.kind !== 'datacard');
    const bare = renderDatasetCard(e);
    const why = 'not answered (the config names no dataset card file)';
    const g = gaps(bare);
    for (const q of [
      'Motivation › purpose',
      'Motivation › creators',
      'Motivation › funding',
      'Composition › what one row represents',
      'Composition › label source',
      'Composition › sensitive data',
      'Composition › cohort › description',
      'Composition › holdout › description',
      'Collection process › process',
      'Collection process › timeframe',
      'Collection process › ethics review',
      'Collection process › consent',
      'Collection process › cohort › source',
      'Preprocessing / cleaning / labelling › steps',
      'Preprocessing / cleaning / labelling › raw data kept',
      'Uses › intended uses',
      'Uses › uses not recommended',
      'Distribution › license',
      'Distribution › access',
      'Maintenance › maintainer',
      'Maintenance › update policy',
      'Maintenance › errata',
    ])
      expect(g, q).toContain(`${q}: ${why}`);
    expect(bare).toContain('No dataset card file is in the evidence inputs');
    for (const section of ['Motivation', 'Collection process', 'Uses', 'Distribution', 'Maintenance']) {
      const start = bare.indexOf(`## ${section}\n`);
      const body = bare.slice(start, bare.indexOf('\n## ', start + 1));
      expect(body.trim(), section).toBe(`## ${section}\n\nNot answered; see Gaps.`);
    }
    // The measured composition does not depend on the written answers.
    expect(table(datasetPart(bare, 'cohort'), 'Column')).toEqual(
      table(datasetPart(card, 'cohort'), 'Column'),
    );
  });

  it('escapes pipes, newlines and Markdown in user text', () => {
    expect(card).toContain('- **Purpose:** Screen for diabetes \\| prediabetes<br>in primary care');
    expect(datasetPart(card, 'cohort')).toContain('All 2023 visits \\| site A');
    const e = fixture();
    const sex = e.profiles[0]?.columns.find((c) => c.name === 'sex');
    if (!sex?.top || !e.datacard?.maintenance) throw new Error('fixture');
    sex.top[0] = { value: 'F|x\ny', count: 110 };
    e.datacard.maintenance.errata = '# none\n| a | b |';
    const doc = renderDatasetCard(e);
    const row = table(datasetPart(doc, 'cohort'), 'Column')[2];
    expect(row?.['Top values']).toBe('`F\\|x y` (110), `M` (80), `U` (6)');
    expect(doc).toContain('- **Errata:** \\# none<br>\\| a \\| b \\|');
    expect(doc).not.toMatch(/^# none/m);
  });

  it('is byte-identical for the same evidence', () => {
    const e = fixture();
    expect(renderDatasetCard(e)).toBe(card);
    expect(renderDatasetCard(Evidence.parse(JSON.parse(JSON.stringify(e))))).toBe(card);
    const shuffled = structuredClone(e);
    if (shuffled.datacard?.datasets)
      shuffled.datacard.datasets = Object.fromEntries(Object.entries(shuffled.datacard.datasets).reverse());
    expect(renderDatasetCard(shuffled)).toBe(card);
  });
});

describe('the sample evidence fixture', () => {
  const e = Evidence.parse(JSON.parse(readFileSync(SAMPLE, 'utf8')));
  const card = renderDatasetCard(e);

  it('has profiles of the Pima train and test sets and a dataset card', () => {
    expect(e.profiles.map((p) => [p.dataset, p.rows])).toEqual([
      ['train', 576],
      ['test', 192],
    ]);
    expect(e.datacard?.datasets && Object.keys(e.datacard.datasets).sort()).toEqual(['test', 'train']);
  });

  it('renders the measured composition of the Pima data', () => {
    const train = table(datasetPart(card, 'train'), 'Column');
    expect(train.find((r) => r.Column === '`glucose`')).toMatchObject({
      Missing: '4 (0.7%)',
      Min: '56',
      Median: '117',
      Max: '199',
      'Mean ± std': '121.611888 ± 30.225940',
    });
    expect(train.find((r) => r.Column === '`diabetes`')?.['Top values']).toBe('`neg` (375), `pos` (201)');
    expect(datasetPart(card, 'train')).toContain('- **Columns:** 9');
    expect(gaps(card)).toContain(
      'Composition › shifted: no profile in the evidence, so columns and missing values are not measured',
    );
    expect(gaps(card)).toContain(
      'Composition › train: 5 column(s) not in the profile: pregnant, pressure, triceps, mass, pedigree',
    );
  });

  it('is one of the documents renderAll writes', () => {
    expect(DOCUMENT_NAMES).toContain('dataset-card.md');
    expect(renderAll(e)['dataset-card.md']).toBe(card);
  });
});

describe('helpers', () => {
  it('formats shares without rounding to 0% or 100%', () => {
    expect(formatShare(0, 10)).toBe('0%');
    expect(formatShare(10, 10)).toBe('100%');
    expect(formatShare(1, 3)).toBe('33.3%');
    expect(formatShare(1, 10_000)).toBe('<0.1%');
    expect(formatShare(9_999, 10_000)).toBe('>99.9%');
    expect(formatShare(1, 0)).toBe('—');
  });

  it('assigns data results to datasets by details, file path, split pair or id', () => {
    const ds = [
      { name: 'train', path: 'data/train.csv' },
      { name: 'test', path: 'data/test.csv' },
    ];
    const r = (id: string, message: string, details?: Record<string, unknown>) =>
      result({ id, check: 'data.x', message, ...(details ? { details } : {}) });
    expect(resultDatasets(r('a', 'x', { dataset: 'test' }), ds)).toEqual(['test']);
    expect(resultDatasets(r('b', 'data/train.csv: ok'), ds)).toEqual(['train']);
    expect(resultDatasets(r('c', 'test vs train: ok'), ds)).toEqual(['test', 'train']);
    expect(resultDatasets(r('d/test', 'column(s) missing'), ds)).toEqual(['test']);
    expect(resultDatasets(r('e', 'elsewhere vs train: ok'), ds)).toEqual([]);
  });
});
