import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CheckEntry,
  type CheckResult,
  checkCommonShape,
  createMemo,
  type RegopsConfig,
  type RunContext,
  type ScanResult,
} from '@regops/core';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mask } from '../src/mask';
import {
  nameKind,
  normaliseColumnName,
  type PhiCheckConfig,
  type PhiFinding,
  PhiScanner,
  type PhiScanOptions,
  type PhiValueId,
  phiCheck,
  valueDetectorsMatching,
} from '../src/phi';
import { PHI_KEY, SENSITIVE_KEY, SOURCE_KEY, stateKey, streamingCheck } from '../src/stream-check';
import type { Cell, DatasetSource, RowBatch } from '../src/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtureDir = path.join(root, 'test/fixtures/phi');
const pimaDir = path.join(root, 'examples/pima-diabetes/data');
const wdbcDir = '/work/shared/datasets/breast-cancer-wisconsin';
const FAKE = readFileSync(path.join(fixtureDir, 'fake-values.txt'), 'utf8').split('\n').filter(Boolean);
const PHI_COLUMNS = [
  'patient_name',
  'dob',
  'ssn',
  'mrn',
  'email',
  'phone',
  'address',
  'zip',
  'ip',
  'homepage',
];

interface Csv {
  header: string[];
  rows: Cell[][];
}
function readCsv(file: string): Csv {
  const recs = parse(readFileSync(file, 'utf8'), { bom: true, skip_empty_lines: true }) as string[][];
  const [header, ...rest] = recs;
  return { header: header ?? [], rows: rest.map((r) => r.map((v) => (v === '' || v === 'NA' ? null : v))) };
}
/** The rows in batches of `size`, as the readers deliver them (start: 1-based row number of rows[0]). */
function batches(rows: Cell[][], size = 7): RowBatch[] {
  const out: RowBatch[] = [];
  for (let i = 0; i < rows.length; i += size) out.push({ rows: rows.slice(i, i + size), start: i + 1 });
  return out;
}
function scan(csv: Csv, options: PhiScanOptions = {}, size = 7): PhiFinding[] {
  const s = new PhiScanner(csv.header, options);
  for (const b of batches(csv.rows, size)) s.batch(b);
  return s.findings();
}
/** One column, one value per row. */
const col = (name: string, values: (string | null)[]): Csv => ({
  header: [name],
  rows: values.map((v) => [v]),
});
const ids = (f: PhiFinding | undefined) => f?.detectors.map((d) => d.id) ?? [];
const repeat = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

const PIMA = ['train', 'test', 'shifted'].map((n) => path.join(pimaDir, `${n}.csv`));
const WDBC = ['train', 'test'].map((n) => path.join(wdbcDir, `${n}.csv`));
const haveWdbc = WDBC.every((f) => existsSync(f));

describe('column-name detectors', () => {
  it('normalises names: lower-case, camelCase split, non-alphanumerics to _', () => {
    expect(normaliseColumnName('Date of Birth')).toBe('date_of_birth');
    expect(normaliseColumnName('patientID')).toBe('patient_id');
    expect(normaliseColumnName('IPAddress')).toBe('ip_address');
    expect(normaliseColumnName(' E-Mail ')).toBe('e_mail');
  });

  const cases: [string, string][] = [
    ['name', 'person-name'],
    ['First Name', 'person-name'],
    ['first_name', 'person-name'],
    ['lastName', 'person-name'],
    ['surname', 'person-name'],
    ['patient_name', 'person-name'],
    ['PatientFullName', 'person-name'],
    ['full_name', 'person-name'],
    ['next_of_kin', 'person-name'],
    ['dob', 'date-of-birth'],
    ['DOB', 'date-of-birth'],
    ['date_of_birth', 'date-of-birth'],
    ['birth_date', 'date-of-birth'],
    ['BirthDate', 'date-of-birth'],
    ['birthdate', 'date-of-birth'],
    ['patient_dob', 'date-of-birth'],
    ['ssn', 'ssn'],
    ['SSN', 'ssn'],
    ['social_security_number', 'ssn'],
    ['mrn', 'mrn'],
    ['MRN', 'mrn'],
    ['medical_record', 'mrn'],
    ['medical_record_number', 'mrn'],
    ['patient_id', 'mrn'],
    ['PatientID', 'mrn'],
    ['record_id', 'mrn'],
    ['chart', 'mrn'],
    ['chart_no', 'mrn'],
    ['subject_id', 'mrn'],
    ['email', 'email'],
    ['e-mail', 'email'],
    ['Email Address', 'email'],
    ['phone', 'phone'],
    ['telephone', 'phone'],
    ['mobile', 'phone'],
    ['fax', 'phone'],
    ['home_phone', 'phone'],
    ['phone_number', 'phone'],
    ['address', 'address'],
    ['street', 'address'],
    ['addr', 'address'],
    ['address_line_1', 'address'],
    ['zip', 'zip'],
    ['zipcode', 'zip'],
    ['ZIP Code', 'zip'],
    ['postcode', 'zip'],
    ['postal_code', 'zip'],
    ['ip', 'ip'],
    ['ip_address', 'ip'],
    ['IPAddress', 'ip'],
    ['client_ip', 'ip'],
    ['url', 'url'],
    ['website', 'url'],
    ['homepage', 'url'],
  ];
  it.each(cases)('%s → %s', (column, kind) => {
    expect(nameKind(column)).toBe(kind);
  });

  it('does not flag ordinary clinical column names', () => {
    const ordinary = [
      'pregnant',
      'glucose',
      'pressure',
      'triceps',
      'insulin',
      'mass',
      'pedigree',
      'age',
      'diabetes',
      'systolic',
      'outcome',
      'sex',
      'gender',
      'id',
      'sample_id',
      'drug_name',
      'site_name',
      'file_name',
      'birth_weight',
      'birth_year',
      'ip_days',
      'cell_size',
      'uniformity_of_cell_size',
      'bare_nuclei',
      'visit_date',
      'admission_date',
      'residence_type',
      'patient_age',
      'patient_weight',
      'chart_review_score',
      'subject_group',
      'state',
      'country',
    ];
    expect(ordinary.filter((c) => nameKind(c) !== null)).toEqual([]);
  });

  it('does not flag any real Pima or WDBC header', () => {
    const headers = [...PIMA, ...(haveWdbc ? WDBC : [])].flatMap((f) => readCsv(f).header);
    expect(headers.length).toBeGreaterThanOrEqual(9);
    expect(headers).toContain('pedigree');
    if (haveWdbc)
      expect(headers).toEqual(expect.arrayContaining(['mean_radius', 'worst_concave_points', 'malignant']));
    expect(headers.filter((h) => nameKind(h) !== null)).toEqual([]);
  });
});

describe('value detectors', () => {
  const cases: [PhiValueId, string[], string[]][] = [
    [
      'email',
      ['jo.doe@example.com', 'A_B+tag@mail.example.org', ' x@example.co.uk '],
      ['jo.doe@', '@example.com', 'jo doe@example.com', 'jo@localhost', 'pos', '12.5'],
    ],
    [
      'phone',
      [
        '(212) 555-0147',
        '212-555-0147',
        '212.555.0147',
        '212 555 0147',
        '+1 212 555 0147',
        '1-212-555-0147',
        '212-555-0147 x12',
        '+44 20 7946 0958',
        '+4915123456789',
      ],
      [
        '2125550147',
        '123-456-7890',
        '212-055-0147',
        '2023-01-15',
        '555-0147',
        '+12.5',
        '+123456.78',
        '0.123',
        '1e10',
      ],
    ],
    [
      'ssn-like',
      ['123-45-6789', '665-01-0001', '123 45 6789'],
      [
        '000-12-3456',
        '666-12-3456',
        '900-12-3456',
        '987-65-4321',
        '123-00-4567',
        '123-45-0000',
        '123456789',
        '123-45 6789',
        '12-345-6789',
      ],
    ],
    [
      'mrn-like',
      ['MRN1234567', 'MRN-0048213', 'mrn 1234', 'AB1234567', 'QZ0925600', 'A12345', 'ABCD-1234567890'],
      ['AB1234', 'ABCDE12345', 'A12345678901', '1234567', 'pos', 'Maria Lopez', 'E11.9'],
    ],
    [
      'address',
      [
        '123 Main St',
        '4821 Quorin Lane',
        '10 Downing Street',
        '7956 Brindlecote Road, Apt 21',
        '22B Baker St.',
        '1600 Pennsylvania Ave NW',
        '5 Elm Ct',
      ],
      ['Main St', '123 Main', '12 mg daily', '3 times per day', 'St Louis', '123'],
    ],
    [
      'date-of-birth',
      ['1957-03-14', '03/14/1957', '14.03.1957', '2000-02-29', '1900-01-01', '2025-12-31'],
      ['1899-12-31', '2090-01-01', '1957-02-30', '2001-02-29', '13/01/1957', '1957-3-14', '19570314'],
    ],
    [
      'date',
      ['2019-06-01', '2019-06-01T08:30:00Z', '06/01/2019', '01.06.2019', '2090-01-01'],
      ['2019-13-01', '32.01.2019', 'June 1', '2019'],
    ],
    ['zip', ['02139', '94105', '94105-1234'], ['2139', '941051', '94105-12', '9410S']],
    [
      'ip',
      ['192.0.2.17', '10.0.0.1', '2001:db8::1', '2001:0db8:0000:0000:0000:ff00:0042:8329', '::1'],
      ['192.0.2', '256.1.1.1', '1.2.3.4.5', '12:30:00', '0.123'],
    ],
    [
      'url',
      [
        'https://www.example.org/~jdoe',
        'http://example.com',
        'www.example.net/profile?id=3',
        'ftp://files.example.com/x',
      ],
      ['example.com', 'https://', 'http://localhost', 'www', 'mailto:jo@example.com'],
    ],
    [
      'person-name',
      [
        'Maria Lopez',
        'Maria',
        "Sean O'Brien",
        'Anne-Marie McDonald',
        'José Álvarez',
        'Maria J. Lopez',
        'MARIA LOPEZ',
      ],
      [
        'maria lopez',
        'pos',
        'Maria Lopez Garcia Diaz',
        'Maria2',
        'A B',
        'J. K.',
        'Acute Heart Failure',
        'Male',
        'Female',
      ],
    ],
  ];
  describe.each(cases)('%s', (id, positives, negatives) => {
    it.each(positives)('matches %s', (v) => expect(valueDetectorsMatching(v)).toContain(id));
    it.each(negatives)('does not match %s', (v) => expect(valueDetectorsMatching(v)).not.toContain(id));
  });

  it('plain numbers match nothing but a 5-digit ZIP', () => {
    for (const v of ['0', '148', '0.627', '-3.5', '1e-5', '33.6', '1001', '123456', '4254.0'])
      expect(valueDetectorsMatching(v)).toEqual([]);
    expect(valueDetectorsMatching('12345')).toEqual(['zip']);
  });

  it('a custom MRN pattern replaces the default, also on plain numbers', () => {
    expect(valueDetectorsMatching('00481234', /^\d{8}$/)).toEqual(['mrn-like']);
    expect(valueDetectorsMatching('AB1234567', /^\d{8}$/)).toEqual([]);
  });
});

describe('PhiScanner column rules', () => {
  const emails = (n: number, of: number) => repeat(of, (i) => (i < n ? `user${i}@example.com` : String(i)));

  it('flags a column when at least min_fraction of its non-missing values match', () => {
    expect(ids(scan(col('contact', emails(3, 10)))[0])).toEqual(['email']);
    expect(scan(col('contact', emails(2, 10)))).toEqual([]);
    expect(scan(col('contact', emails(2, 10)), { min_fraction: 0.2 })[0]?.detectors).toEqual([
      { id: 'email', matches: 2, scanned: 10 },
    ]);
    // missing and blank cells are not scanned: 3 of 5 non-missing
    const sparse = col('contact', [...emails(3, 5), null, null, '  ', null, null]);
    expect(scan(sparse)[0]?.detectors).toEqual([{ id: 'email', matches: 3, scanned: 5 }]);
  });

  it('reports the first 3 matching 1-based row numbers across batches, never values', () => {
    const values = repeat(20, (i) => (i === 4 || i === 9 || i >= 12 ? `p${i}@example.com` : 'x'));
    const [f] = scan(col('contact', values), {}, 3);
    expect(f).toEqual({
      column: 'contact',
      detectors: [{ id: 'email', matches: 10, scanned: 20 }],
      by_name: false,
      name_kind: null,
      severity: 'high',
      example_rows: [5, 10, 13],
    });
  });

  it('flags by name alone, with no value detector and no rows', () => {
    expect(
      scan(
        col(
          'patient_id',
          repeat(10, (i) => String(1000 + i)),
        ),
      ),
    ).toEqual([
      {
        column: 'patient_id',
        detectors: [],
        by_name: true,
        name_kind: 'mrn',
        severity: 'high',
        example_rows: [],
      },
    ]);
  });

  it('ZIP codes need 80% of values, so 5-digit measurements in a mixed column are not ZIP', () => {
    const zips = (n: number) => repeat(10, (i) => (i < n ? String(10000 + 137 * i) : String(i * 3)));
    expect(ids(scan(col('area', zips(8)))[0])).toEqual(['zip']);
    expect(scan(col('area', zips(7)))).toEqual([]);
    expect(scan(col('area', zips(7)), { min_fraction: 0.1 })).toEqual([]);
  });

  it('person names: categories such as Male/Female or pos/neg are not names', () => {
    expect(
      scan(
        col(
          'sex',
          repeat(200, (i) => (i % 2 ? 'Male' : 'Female')),
        ),
      ),
    ).toEqual([]);
    expect(
      scan(
        col(
          'diabetes',
          repeat(200, (i) => (i % 3 ? 'pos' : 'neg')),
        ),
      ),
    ).toEqual([]);
    expect(
      scan(
        col(
          'arm',
          repeat(200, (i) => (i % 3 ? 'Placebo' : 'Treatment')),
        ),
      ),
    ).toEqual([]);
    expect(
      scan(
        col(
          'region',
          repeat(200, (i) => ['New York', 'San Diego', 'Los Angeles'][i % 3] ?? ''),
        ),
      ),
    ).toEqual([]);
  });

  it('person names: ≥ 50 distinct full names flag a column whatever its name; a name-like name needs no count', () => {
    const firsts = ['Avrelle', 'Brisko', 'Calindra', 'Dovrin', 'Essaly', 'Faurel', 'Gwenthal', 'Halvric'];
    const lasts = ['Brackwell', 'Corrinth', 'Dunmerrow', 'Elsquith', 'Farrowmere', 'Glenquist', 'Ivesdale'];
    const full = (i: number) => `${firsts[i % 8]} ${lasts[Math.floor(i / 8) % 7]}`;
    const f = scan(col('attending', repeat(56, full)));
    expect(f.map((x) => [x.column, ids(x), x.by_name])).toEqual([['attending', ['person-name'], false]]);
    // 40 distinct names only: could be a category column, not flagged without a name-like column name
    expect(
      scan(
        col(
          'attending',
          repeat(200, (i) => full(i % 40)),
        ),
      ),
    ).toEqual([]);
    const first = scan(
      col(
        'first_name',
        repeat(10, (i) => firsts[i % 8] ?? ''),
      ),
    );
    expect(first.map((x) => [ids(x), x.by_name, x.name_kind])).toEqual([
      [['person-name'], true, 'person-name'],
    ]);
  });

  it('dates: birth dates are flagged, event dates only with dates: true (low severity)', () => {
    const births = repeat(30, (i) => `${1940 + i}-0${1 + (i % 9)}-1${i % 9}`);
    const visits = repeat(30, (i) => `2019-0${1 + (i % 9)}-1${i % 9}`);
    const future = repeat(30, (i) => `20${60 + i}-01-01`);
    // name hints birth
    expect(scan(col('dob', births)).map((x) => [ids(x), x.by_name])).toEqual([[['date-of-birth'], true]]);
    // neutral name, years 1900..now: treated as dates of birth
    expect(ids(scan(col('d1', births))[0])).toEqual(['date-of-birth']);
    expect(ids(scan(col('d1', visits))[0])).toEqual(['date-of-birth']);
    // event names: plain dates, reported only with dates: true
    for (const name of ['visit_date', 'admission', 'sample_collected', 'ts']) {
      expect(scan(col(name, births))).toEqual([]);
      const [f] = scan(col(name, visits), { dates: true });
      expect([ids(f), f?.severity]).toEqual([['date'], 'low']);
    }
    // years no one alive was born in: not a date of birth
    expect(scan(col('d1', future))).toEqual([]);
    expect(scan(col('d1', future), { dates: true }).map((x) => [ids(x), x.severity])).toEqual([
      [['date'], 'low'],
    ]);
    // a birth column stays high severity and is not also reported as plain `date`
    expect(scan(col('d1', births), { dates: true }).map((x) => [ids(x), x.severity])).toEqual([
      [['date-of-birth'], 'high'],
    ]);
  });

  it('mrn_pattern replaces the default MRN pattern', () => {
    const ids8 = col(
      'code',
      repeat(10, (i) => String(10_000_000 + i * 7919)),
    );
    expect(scan(ids8)).toEqual([]);
    expect(ids(scan(ids8, { mrn_pattern: '^\\d{8}$' })[0])).toEqual(['mrn-like']);
    expect(ids(scan(ids8, { mrn_pattern: /^\d{8}$/g })[0])).toEqual(['mrn-like']);
  });

  it('ignore: ignored columns are neither scanned nor reported, even with a PHI name', () => {
    const csv: Csv = {
      header: ['email', 'note'],
      rows: repeat(5, (i) => [`u${i}@example.com`, `u${i}@example.com`]),
    };
    expect(scan(csv).map((f) => f.column)).toEqual(['email', 'note']);
    expect(scan(csv, { ignore: ['email'] }).map((f) => f.column)).toEqual(['note']);
  });

  it('stops looking after max_values non-missing values per column and counts matches only in those', () => {
    const values = [
      ...repeat(10, (i) => (i % 2 ? null : String(i))),
      ...repeat(100, (i) => `late${i}@example.com`),
    ];
    // default: 5 numbers + 100 e-mails scanned
    expect(scan(col('contact', values))[0]?.detectors).toEqual([{ id: 'email', matches: 100, scanned: 105 }]);
    // max_values 5: only the 5 numbers are looked at
    expect(scan(col('contact', values), { max_values: 5 })).toEqual([]);
    expect(scan(col('contact', values), { max_values: 9, min_fraction: 0.1 })[0]?.detectors).toEqual([
      { id: 'email', matches: 4, scanned: 9 },
    ]);
  });

  it('once every column is full, later batches are not even read', () => {
    const s = new PhiScanner(['a', 'b'], { max_values: 3 });
    s.batch({
      rows: [
        ['1', null],
        ['2', 'x@example.com'],
        ['3', 'y@example.com'],
        ['4', 'z@example.com'],
      ],
      start: 1,
    });
    expect(s.done).toBe(true);
    const untouchable = new Proxy([], {
      get() {
        throw new Error('read after max_values');
      },
    }) as unknown as Cell[][];
    expect(() => s.batch({ rows: untouchable, start: 5 })).not.toThrow();
    expect(s.findings()).toEqual([
      {
        column: 'b',
        detectors: [{ id: 'email', matches: 3, scanned: 3 }],
        by_name: false,
        name_kind: null,
        severity: 'high',
        example_rows: [2, 3, 4],
      },
    ]);
  });

  it('findings are JSON-serialisable', () => {
    const f = scan(readCsv(path.join(fixtureDir, 'patients.csv')));
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });
});

describe('the fake-patient fixture', () => {
  const csv = readCsv(path.join(fixtureDir, 'patients.csv'));

  it('is what scripts/fixtures/make_phi_fixture.mjs generates', () => {
    expect(() =>
      execFileSync(process.execPath, [path.join(root, 'scripts/fixtures/make_phi_fixture.mjs'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
    expect(csv.rows).toHaveLength(60);
    expect(csv.header).toEqual([...PHI_COLUMNS, 'age', 'glucose', 'systolic', 'outcome']);
    expect(FAKE.length).toBeGreaterThan(500);
    expect(FAKE.every((v) => v.length >= 8)).toBe(true);
  });

  it('flags exactly the identifier columns, each with the right detector', () => {
    const f = scan(csv);
    expect(f.map((x) => [x.column, ids(x), x.by_name])).toEqual([
      ['patient_name', ['person-name'], true],
      ['dob', ['date-of-birth'], true],
      ['ssn', ['ssn-like'], true],
      ['mrn', ['mrn-like'], true],
      ['email', ['email'], true],
      ['phone', ['phone'], true],
      ['address', ['address'], true],
      ['zip', ['zip'], true],
      ['ip', ['ip'], true],
      ['homepage', ['url'], true],
    ]);
    // every non-missing identifier value matches its detector
    const byCol = Object.fromEntries(f.map((x) => [x.column, x.detectors[0]]));
    expect(byCol.email).toEqual({ id: 'email', matches: 59, scanned: 59 });
    expect(byCol.phone).toEqual({ id: 'phone', matches: 59, scanned: 59 });
    expect(byCol.ip).toEqual({ id: 'ip', matches: 59, scanned: 59 });
    for (const c of ['patient_name', 'dob', 'ssn', 'mrn', 'address', 'zip', 'homepage'])
      expect(byCol[c]).toEqual({ id: expect.any(String), matches: 60, scanned: 60 });
    expect(f.every((x) => x.example_rows.join() === '1,2,3')).toBe(true);
  });

  it('finds the same by values alone, with neutral column names', () => {
    const renamed = { header: csv.header.map((_, i) => `c${i}`), rows: csv.rows };
    expect(scan(renamed).map((x) => [x.column, ids(x), x.by_name])).toEqual([
      ['c0', ['person-name'], false],
      ['c1', ['date-of-birth'], false],
      ['c2', ['ssn-like'], false],
      ['c3', ['mrn-like'], false],
      ['c4', ['email'], false],
      ['c5', ['phone'], false],
      ['c6', ['address'], false],
      ['c7', ['zip'], false],
      ['c8', ['ip'], false],
      ['c9', ['url'], false],
    ]);
  });
});

describe('real clinical data: no findings', () => {
  it.each(PIMA)('Pima %s', (file) => {
    const csv = readCsv(file);
    expect(csv.rows.length).toBeGreaterThan(40);
    expect(scan(csv, {}, 8192)).toEqual([]);
    expect(scan(csv, { dates: true, min_fraction: 0.05 }, 8192)).toEqual([]);
  });
  it.skipIf(!haveWdbc).each(WDBC)('WDBC %s', (file) => {
    const csv = readCsv(file);
    expect(csv.header).toHaveLength(31);
    expect(scan(csv, {}, 8192)).toEqual([]);
    expect(scan(csv, { dates: true, min_fraction: 0.05 }, 8192)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The data.phi check, run the way the data services run it: one pass per dataset feeding the always-on
// PhiScanner (defaults) and the check's own visitor; `finish` reads both from ScanResult.byCheck.

const entrySchema = z.strictObject({ ...checkCommonShape, type: z.literal('data.phi'), ...phiCheck.options });
const entry = (o: Record<string, unknown> = {}) =>
  entrySchema.parse({ id: 'phi', type: 'data.phi', ...o }) as unknown as PhiCheckConfig;

const visits: Csv = {
  header: ['visit_date', 'glucose'],
  rows: repeat(40, (i) => [`2019-0${1 + (i % 9)}-1${i % 9}`, String(80 + i)]),
};
const DATASETS: Record<string, { csv: () => Csv; path: string }> = {
  patients: { csv: () => readCsv(path.join(fixtureDir, 'patients.csv')), path: 'data/patients.csv' },
  pima: { csv: () => readCsv(path.join(pimaDir, 'test.csv')), path: 'data/test.csv' },
  visits: { csv: () => visits, path: 'data/visits.csv' },
};

function project(checks: CheckEntry[], allow_phi: string[] = []): RegopsConfig {
  return {
    version: 1,
    project: { name: 'phi-test' },
    datasets: Object.fromEntries(
      Object.entries(DATASETS).map(([n, d]) => [
        n,
        { path: d.path, role: 'test', format: 'csv', delimiter: ',', na_values: [''] },
      ]),
    ),
    requirements: 'requirements.yml',
    privacy: { sensitive: [], allow_phi },
    gate: { fail_on: ['fail', 'error'], require_verified: false },
    checks,
  } as unknown as RegopsConfig;
}

function context(config: RegopsConfig, opts: { withoutPhiScan?: boolean } = {}): RunContext {
  const scans = new Map<string, ScanResult>();
  const scanOnce = (name: string): ScanResult => {
    const d = DATASETS[name];
    if (!d) throw new Error(`no dataset ${name}`);
    const csv = d.csv();
    const source = {
      name,
      path: d.path,
      display: d.path,
      format: 'csv',
      header: csv.header,
    } as DatasetSource;
    const phi = new PhiScanner(csv.header, {});
    const checks = config.checks.flatMap((e) => {
      const def = streamingCheck(e.type);
      return def?.datasets(e, config).includes(name)
        ? [{ id: e.id, v: def.visitor(e, { source, project: config, rootDir: process.cwd() }) }]
        : [];
    });
    for (const b of batches(csv.rows, 16)) for (const v of [phi, ...checks.map((c) => c.v)]) v.batch(b);
    const byCheck = new Map<string, unknown>([
      [SENSITIVE_KEY, []],
      [SOURCE_KEY, { path: d.path, header: csv.header }],
    ]);
    if (!opts.withoutPhiScan) byCheck.set(PHI_KEY, phi.findings());
    for (const c of checks) byCheck.set(stateKey(c.id), c.v.state());
    return { profile: null, byCheck } as unknown as ScanResult;
  };
  const services = {
    scan: async (name: string) => {
      let s = scans.get(name);
      if (!s) {
        s = scanOnce(name);
        scans.set(name, s);
      }
      return s;
    },
    header: async (name: string) => DATASETS[name]?.csv().header,
    loadTable: () => Promise.reject(new Error('data.phi must not load whole tables')),
    inspectModel: () => Promise.reject(new Error('no model')),
  };
  return {
    rootDir: root,
    config,
    services: services as unknown as RunContext['services'],
    log: { info() {}, warn() {}, debug() {} },
    memo: createMemo(),
  };
}

async function runCheck(
  cfg: PhiCheckConfig,
  allow_phi: string[] = [],
  opts: { withoutPhiScan?: boolean } = {},
) {
  const config = project([cfg], allow_phi);
  return phiCheck.run(context(config, opts), cfg);
}
const metric = (r: CheckResult | undefined, name: string) => r?.metrics.find((m) => m.name === name)?.value;

describe('data.phi check', () => {
  it('fails on the fake patients, naming columns, detectors and row numbers only; passes Pima', async () => {
    const [patients, pima, visitDates] = await runCheck(entry());
    expect(patients?.id).toBe('phi/patients');
    expect(patients?.status).toBe('fail');
    expect(metric(patients, 'phi_columns')).toBe(10);
    expect(metric(patients, 'allowed_phi_columns')).toBe(0);
    expect(patients?.metrics[0]?.threshold).toEqual({ op: '<=', value: 0 });
    expect(patients?.message).toBe(
      'data/patients.csv: possible PHI in 10 column(s) not declared in privacy.allow_phi: ' +
        'patient_name (person-name, by name), dob (date-of-birth, by name), ssn (ssn-like, by name), ' +
        'mrn (mrn-like, by name), email (email, by name), phone (phone, by name), address (address, by name), ' +
        'zip (zip, by name), ip (ip, by name), homepage (url, by name); rows 1, 2, 3',
    );
    expect(patients?.details).toMatchObject({
      dataset: 'patients',
      scan: 'shared',
      not_allowed: PHI_COLUMNS,
    });
    expect(pima).toMatchObject({
      id: 'phi/pima',
      status: 'pass',
      message: 'data/test.csv: no possible PHI outside privacy.allow_phi',
    });
    expect(metric(pima, 'phi_columns')).toBe(0);
    // event dates are not reported unless dates: true
    expect(visitDates?.status).toBe('pass');
  });

  it('passes when every flagged column is declared in privacy.allow_phi (they stay flagged in the details)', async () => {
    const [patients] = await runCheck(entry({ datasets: ['patients'] }), PHI_COLUMNS);
    expect(patients?.status).toBe('pass');
    expect(metric(patients, 'phi_columns')).toBe(0);
    expect(metric(patients, 'allowed_phi_columns')).toBe(10);
    expect(patients?.message).toBe(
      `data/patients.csv: no possible PHI outside privacy.allow_phi; 10 flagged column(s) declared in privacy.allow_phi: ${PHI_COLUMNS.join(', ')}`,
    );
    const [partial] = await runCheck(entry({ datasets: ['patients'] }), PHI_COLUMNS.slice(1));
    expect(partial?.status).toBe('fail');
    expect(partial?.message).toMatch(
      /^data\/patients\.csv: possible PHI in 1 column\(s\) not declared in privacy\.allow_phi: patient_name \(person-name, by name\); rows 1, 2, 3; 9 flagged/,
    );
  });

  it('ignore drops columns without a scan of its own', async () => {
    const [r] = await runCheck(entry({ datasets: ['patients'], ignore: PHI_COLUMNS.slice(0, 9) }));
    expect(r?.status).toBe('fail');
    expect(r?.details).toMatchObject({ scan: 'shared', not_allowed: ['homepage'] });
  });

  it('options that change detection scan in the same pass with the entry’s own scanner', async () => {
    const cfg = entry({ datasets: ['patients'], min_fraction: 0.5, mrn_pattern: '^MRN\\d{7}$' });
    const [r] = await runCheck(cfg);
    expect(r?.details).toMatchObject({ scan: 'own' });
    // only a third of the MRNs are MRN-prefixed: below 0.5, so mrn is flagged by name only
    expect(((r?.details?.findings ?? []) as PhiFinding[]).find((f) => f.column === 'mrn')?.detectors).toEqual(
      [],
    );
    const [dflt] = await runCheck(entry({ datasets: ['patients'] }));
    expect(dflt?.details).toMatchObject({ scan: 'shared' });
  });

  it('fails closed when the data pass produced no PHI findings', async () => {
    const [r] = await runCheck(entry({ datasets: ['pima'] }), [], { withoutPhiScan: true });
    expect(r?.status).toBe('error');
  });

  it('warns, not fails, when only event dates are found (dates: true)', async () => {
    const [pima, v] = await runCheck(entry({ datasets: ['pima', 'visits'], dates: true }));
    expect(pima?.status).toBe('pass');
    expect(metric(pima, 'date_columns')).toBe(0);
    expect(v?.status).toBe('warn');
    expect(metric(v, 'phi_columns')).toBe(0);
    expect(metric(v, 'date_columns')).toBe(1);
    expect(v?.message).toBe(
      'data/visits.csv: dates in 1 column(s) not declared in privacy.allow_phi: visit_date (date); rows 1, 2, 3',
    );
    const [allowed] = await runCheck(entry({ datasets: ['visits'], dates: true }), ['visit_date']);
    expect(allowed?.status).toBe('pass');
  });

  it('validates dataset names and the MRN pattern; states its criterion', () => {
    const config = project([]);
    expect(phiCheck.validate?.(entry({ datasets: ['patients', 'pimaa'] }), config)).toEqual([
      {
        path: ['datasets', 1],
        message: 'unknown dataset "pimaa"; did you mean "pima"? (defined: patients, pima, visits)',
      },
    ]);
    expect(phiCheck.validate?.(entry({ mrn_pattern: '([' }), config)?.[0]?.path).toEqual(['mrn_pattern']);
    expect(phiCheck.criterion(entry(), config)).toBe(
      'no identifiers (names, dates of birth, SSN, MRN, contact details, addresses, ZIP, IP, URL) outside privacy.allow_phi; datasets: patients, pima, visits',
    );
  });

  it('writes no fake identifier anywhere: results and findings hold row numbers, never values', async () => {
    const results = [
      ...(await runCheck(entry())),
      ...(await runCheck(entry({ dates: true, min_fraction: 0.2 }))),
      ...(await runCheck(entry(), PHI_COLUMNS)),
    ];
    const findings = scan(readCsv(path.join(fixtureDir, 'patients.csv')));
    const text = JSON.stringify({ results, findings });
    expect(FAKE.filter((v) => text.includes(v))).toEqual([]);
    // masked forms are all RegOps may ever show of such a value
    expect(FAKE.filter((v) => mask(v).includes(v) || mask(v).length > 5)).toEqual([]);
  });
});
