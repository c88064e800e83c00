import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { InputError } from '@regops/core';
import { type ColumnSource, parquetWriteFile, type SchemaElement } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFromPath, openSource } from '../src/readers/index';
import { makeTable, readCsvTable, readTable } from '../src/table';
import type { Cell, DatasetSource, SourceSpec } from '../src/types';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/readers');
const dir = mkdtempSync(path.join(tmpdir(), 'regops-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Opts = Partial<Omit<SourceSpec, 'name' | 'absPath' | 'path'>>;

/** Writes `content` to the temp dir and returns a spec for it (path shown as data/NAME). */
function file(name: string, content: string | Buffer, opts: Opts = {}): SourceSpec {
  const absPath = path.join(dir, name);
  writeFileSync(absPath, content);
  return spec(name, absPath, opts);
}
function spec(name: string, absPath: string, opts: Opts = {}): SourceSpec {
  return { name, absPath, path: `data/${name}`, naValues: ['', 'NA'], ...opts };
}

async function rowsOf(source: DatasetSource): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  for await (const b of source.batches()) rows.push(...b.rows);
  return rows;
}
async function read(s: SourceSpec) {
  const source = await openSource(s);
  return { header: source.header, rows: await rowsOf(source) };
}
async function batchShape(s: SourceSpec) {
  const out: { start: number; size: number }[] = [];
  for await (const b of (await openSource(s)).batches()) out.push({ start: b.start, size: b.rows.length });
  return out;
}

/** The promise rejects with an InputError whose message is exactly `message`. */
async function rejectsWith(p: Promise<unknown>, message: string) {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  expect((e as Error).message).toBe(message);
}
function throwsWith(f: () => unknown, message: string) {
  let e: unknown;
  try {
    f();
  } catch (err) {
    e = err;
  }
  expect(e).toBeInstanceOf(InputError);
  expect((e as Error).message).toBe(message);
}

function writeParquet(
  name: string,
  columnData: ColumnSource[],
  extra: { schema?: SchemaElement[]; rowGroupSize?: number } = {},
) {
  const absPath = path.join(dir, name);
  parquetWriteFile({ filename: absPath, columnData, ...extra });
  return absPath;
}

const tenRows = Array.from({ length: 10 }, (_, i) => i + 1);

describe('formats', () => {
  it('picks the reader from the extension, case-insensitively', () => {
    expect(formatFromPath('a.csv')).toBe('csv');
    expect(formatFromPath('a.TXT')).toBe('csv');
    expect(formatFromPath('a.tsv')).toBe('csv');
    expect(formatFromPath('a.jsonl')).toBe('jsonl');
    expect(formatFromPath('a.ndjson')).toBe('jsonl');
    expect(formatFromPath('dir/a.Parquet')).toBe('parquet');
    expect(formatFromPath('a.xlsx')).toBeUndefined();
  });

  it('asks for format: when the extension says nothing, and honours it when set', async () => {
    await rejectsWith(
      openSource(file('a.dat', 'x\n1\n')),
      'data/a.dat: cannot tell the file\'s format from its extension ".dat"; set format: (csv, jsonl or parquet) for this dataset',
    );
    await rejectsWith(
      openSource(file('noext', 'x\n1\n')),
      "data/noext: cannot tell the file's format from a name without an extension; set format: (csv, jsonl or parquet) for this dataset",
    );
    expect(await read(spec('a.dat', path.join(dir, 'a.dat'), { format: 'csv' }))).toEqual({
      header: ['x'],
      rows: [['1']],
    });
    const j = file('rows.data', '{"x": 1}\n', { format: 'jsonl' });
    expect((await openSource(j)).format).toBe('jsonl');
  });

  it('reports a missing file, using display when given', async () => {
    const missing = (name: string, display?: string) =>
      spec(name, path.join(dir, 'nope', name), display ? { display } : {});
    await rejectsWith(openSource(missing('m.csv')), 'data/m.csv: file not found');
    await rejectsWith(openSource(missing('m.jsonl', '../data/m.jsonl')), '../data/m.jsonl: file not found');
    await rejectsWith(openSource(missing('m.parquet')), 'data/m.parquet: file not found');
    await rejectsWith(readTable(missing('m.tsv')), 'data/m.tsv: file not found');
  });

  it('reads the same cells from the CSV, TSV, JSONL and Parquet fixtures', async () => {
    const header = ['id', 'age', 'sex', 'glucose', 'smoker', 'visit', 'note'];
    const rows = [
      ['1', '54', 'F', '148.5', 'true', '2024-01-15', 'fasting, AM'],
      ['2', '31', 'M', null, 'false', '2024-02-01', null],
      ['3', null, 'F', '89', 'true', '2024-02-20', 'said "fine"'],
      ['4', '62', 'M', '137.25', 'false', '2024-03-05', 'two\nlines'],
    ];
    const pq = writeParquet(
      'patients.parquet',
      [
        { name: 'id', data: [1, 2, 3, 4] },
        { name: 'age', data: [54, 31, null, 62] },
        { name: 'sex', data: ['F', 'M', 'F', 'M'] },
        { name: 'glucose', data: [148.5, null, 89, 137.25] },
        { name: 'smoker', data: [true, false, true, false] },
        {
          name: 'visit',
          data: ['2024-01-15', '2024-02-01', '2024-02-20', '2024-03-05'].map((d) => new Date(d)),
        },
        { name: 'note', data: ['fasting, AM', null, 'said "fine"', 'two\nlines'] },
      ],
      {
        schema: [
          { name: 'root', num_children: 7 },
          { name: 'id', type: 'INT32', repetition_type: 'REQUIRED' },
          { name: 'age', type: 'INT32', repetition_type: 'OPTIONAL' },
          { name: 'sex', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
          { name: 'glucose', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
          { name: 'smoker', type: 'BOOLEAN', repetition_type: 'REQUIRED' },
          { name: 'visit', type: 'INT32', converted_type: 'DATE', repetition_type: 'REQUIRED' },
          { name: 'note', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        ],
      },
    );
    for (const f of ['patients.csv', 'patients.tsv', 'patients.jsonl']) {
      expect(await read(spec(f, path.join(fixtures, f))), f).toEqual({ header, rows });
    }
    expect(await read(spec('patients.parquet', pq))).toEqual({ header, rows });
    const t = await readTable(spec('patients.jsonl', path.join(fixtures, 'patients.jsonl')));
    expect(Array.from(t.numeric('glucose'))).toEqual([148.5, Number.NaN, 89, 137.25]);
  });
});

describe('CSV', () => {
  it('reads RFC 4180 quoting, embedded newlines and doubled quotes, CRLF and a BOM', async () => {
    const s = file(
      'a.csv',
      Buffer.from('\uFEFFid,note,value\r\n1,"a, b",2.5\r\n2,"line1\nline2 ""q""",NA\r\n3,,7\r\n'),
    );
    expect(await read(s)).toEqual({
      header: ['id', 'note', 'value'],
      rows: [
        ['1', 'a, b', '2.5'],
        ['2', 'line1\nline2 "q"', null],
        ['3', null, '7'],
      ],
    });
    const t = await readTable(s);
    expect(t.rowCount).toBe(3);
    expect(t.column('note')).toEqual(['a, b', 'line1\nline2 "q"', null]);
    expect(Array.from(t.numeric('value'))).toEqual([2.5, Number.NaN, 7]);
  });

  it('honours the delimiter and custom NA tokens, and trims header names', async () => {
    expect(await read(file('b.csv', ' x ;y\n1;?\n2;3\n', { delimiter: ';', naValues: ['?'] }))).toEqual({
      header: ['x', 'y'],
      rows: [
        ['1', null],
        ['2', '3'],
      ],
    });
    // Without '' in na_values an empty field is an empty text.
    expect((await read(file('b2.csv', 'x,y\n1,\n', { naValues: [] }))).rows).toEqual([['1', '']]);
  });

  it('uses a tab for .tsv and a comma for .txt, and skips blank lines', async () => {
    expect(await read(file('c.tsv', 'a\tb\n1,5\t2\n\n3\t4\n'))).toEqual({
      header: ['a', 'b'],
      rows: [
        ['1,5', '2'],
        ['3', '4'],
      ],
    });
    expect((await read(file('c.txt', 'a,b\n1,2\n'))).rows).toEqual([['1', '2']]);
    // An explicit delimiter wins over the extension.
    expect((await read(file('c2.tsv', 'a;b\n1;2\n', { delimiter: ';' }))).header).toEqual(['a', 'b']);
  });

  it('names the file and row of a ragged row, and the delimiter in use', async () => {
    await rejectsWith(
      readTable(file('r.csv', 'a,b\n1,2\n3\n')),
      'data/r.csv: row 2 has 1 field(s), but the header has 2; check the delimiter (",") and quoting',
    );
    await rejectsWith(
      readTable(file('r.tsv', 'a\tb\n1,2\n')),
      'data/r.tsv: row 1 has 1 field(s), but the header has 2; check the delimiter ("\\t") and quoting',
    );
  });

  it('rejects an empty file, a header without rows, a duplicate and an empty column name', async () => {
    await rejectsWith(openSource(file('e.csv', '')), 'data/e.csv: the file is empty (expected a header row)');
    await rejectsWith(
      openSource(file('e2.csv', Buffer.from('\uFEFF\r\n\r\n'))),
      'data/e2.csv: the file is empty (expected a header row)',
    );
    await rejectsWith(
      openSource(file('h.csv', 'a,b\n')),
      'data/h.csv: the file has a header but no data rows',
    );
    await rejectsWith(
      openSource(file('h2.csv', 'a,b\r\n\r\n\r\n')),
      'data/h2.csv: the file has a header but no data rows',
    );
    await rejectsWith(
      openSource(file('d.csv', 'a,b,a\n1,2,3\n')),
      'data/d.csv: the header names column "a" twice (columns 1 and 3)',
    );
    await rejectsWith(
      openSource(file('d2.csv', 'a, b ,b\n1,2,3\n')),
      'data/d2.csv: the header names column "b" twice (columns 2 and 3)',
    );
    await rejectsWith(
      openSource(file('n.csv', 'a,\n1,2\n')),
      'data/n.csv: the header has an empty column name (column 2)',
    );
  });

  it('reports broken quoting by line, without quoting the cells', async () => {
    await rejectsWith(
      readTable(file('q1.csv', 'a,b\n1,"secret\n')),
      'data/q1.csv: the file ends inside a quoted field (a quote is never closed); check the quoting',
    );
    await rejectsWith(
      readTable(file('q2.csv', 'a,b\n1,"secret"x\n')),
      'data/q2.csv: a closing quote is followed by other text at line 2; check the quoting',
    );
    await rejectsWith(
      readTable(file('q3.csv', 'a,b\n1,2\n3,sec"ret\n')),
      'data/q3.csv: a quote appears inside an unquoted field at line 3; check the quoting',
    );
  });
});

describe('invalid UTF-8', () => {
  it('names the line and byte offset of the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,é\n3,'), Buffer.from([0xff]), Buffer.from('x\n')]);
    await rejectsWith(
      readTable(file('u.csv', bytes)),
      'data/u.csv: invalid UTF-8 at line 3 (byte offset 11); save the file as UTF-8',
    );
    // Latin-1 "é" (0xE9 followed by an ASCII byte) in the header.
    await rejectsWith(
      openSource(
        file('u2.csv', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0x32, 0x0a])),
      ),
      'data/u2.csv: invalid UTF-8 at line 1 (byte offset 3); save the file as UTF-8',
    );
    // An overlong encoding and a UTF-16 file are not UTF-8 either.
    await rejectsWith(
      readTable(file('u3.csv', Buffer.from([0x61, 0x0a, 0xc0, 0x80, 0x0a]))),
      'data/u3.csv: invalid UTF-8 at line 2 (byte offset 2); save the file as UTF-8',
    );
    await rejectsWith(
      openSource(file('u4.csv', Buffer.from('\uFEFFa,b\n1,2\n', 'utf16le'))),
      'data/u4.csv: invalid UTF-8 at line 1 (byte offset 0); save the file as UTF-8',
    );
  });

  it('reports a sequence cut off at the end of the file', async () => {
    const bytes = Buffer.concat([Buffer.from('a\n1\n'), Buffer.from('€').subarray(0, 2)]);
    await rejectsWith(
      readTable(file('u5.csv', bytes)),
      'data/u5.csv: invalid UTF-8 at line 3 (byte offset 4); save the file as UTF-8',
    );
  });

  it('finds bad bytes past the first read chunk, and accepts characters split across chunks', async () => {
    // 12-byte rows, 9 bytes of them '€'s: 7000 rows put the bad byte past the 64 KiB read size, and the
    // first read ends inside a '€' (6 + 5460 * 12 + 10 = 65536).
    const line = 'x,€€€\n';
    const good = Buffer.from(`aa,bb\n${line.repeat(7000)}`);
    expect((await readTable(file('big.csv', good))).rowCount).toBe(7000);
    const bad = Buffer.concat([good, Buffer.from('y,'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]);
    await rejectsWith(
      readTable(file('big-bad.csv', bad)),
      `data/big-bad.csv: invalid UTF-8 at line 7002 (byte offset ${good.length + 2}); save the file as UTF-8`,
    );
  });

  it('points at the start of a sequence that the previous read chunk began', async () => {
    // The first 64 KiB read ends with 0xE2 (a 3-byte lead); the next read starts with 'A'.
    const bytes = Buffer.concat([
      Buffer.from(`a\n${'x'.repeat(65_533)}`),
      Buffer.from([0xe2]),
      Buffer.from('A\n'),
    ]);
    await rejectsWith(
      readTable(file('edge.csv', bytes)),
      'data/edge.csv: invalid UTF-8 at line 2 (byte offset 65535); save the file as UTF-8',
    );
  });

  it('applies to JSONL too', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a": "ok"}\n{"a": "'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}\n'),
    ]);
    await rejectsWith(
      readTable(file('u.jsonl', bytes)),
      'data/u.jsonl: invalid UTF-8 at line 2 (byte offset 19); save the file as UTF-8',
    );
  });
});

describe('JSONL', () => {
  it('turns JSON values into cells: strings as is, numbers and booleans as text, null and absent keys missing', async () => {
    const s = file(
      'j.jsonl',
      Buffer.from(
        '\uFEFF{"id": 1, "score": 0.25, "big": 1e21, "ok": true, "name": "Ann", "code": "NA"}\r\n' +
          '\r\n' +
          '{"id": 2, "score": -3, "ok": false, "name": null, "code": "7"}\n' +
          '{"code": "", "id": 3}',
      ),
    );
    const source = await openSource(s);
    expect(source.format).toBe('jsonl');
    expect(source.header).toEqual(['id', 'score', 'big', 'ok', 'name', 'code']);
    expect(await rowsOf(source)).toEqual([
      ['1', '0.25', '1e+21', 'true', 'Ann', null],
      ['2', '-3', null, 'false', null, '7'],
      ['3', null, null, null, null, null],
    ]);
  });

  it('rejects a key the first row does not have, and nested values', async () => {
    await rejectsWith(
      readTable(file('k.jsonl', '{"a": 1}\n\n{"a": 2, "b": 3}\n')),
      'data/k.jsonl: row 2 has key "b", which the first row does not have; every row must use the first row\'s keys',
    );
    await rejectsWith(
      readTable(file('n.jsonl', '{"a": 1, "b": 2}\n{"a": 2, "b": [1, 2]}\n')),
      'data/n.jsonl: row 2, column "b": nested values (arrays and objects) are not supported; flatten the column',
    );
    await rejectsWith(
      readTable(file('n2.jsonl', '{"a": {"x": 1}}\n')),
      'data/n2.jsonl: row 1, column "a": nested values (arrays and objects) are not supported; flatten the column',
    );
  });

  it('names the line of invalid JSON with a short reason and no cell text', async () => {
    await rejectsWith(
      readTable(file('b1.jsonl', '{"a": 1}\n{"a": 2,}\n')),
      'data/b1.jsonl: line 2 is not valid JSON (expected double-quoted property name at column 9)',
    );
    await rejectsWith(
      readTable(file('b2.jsonl', '{"a": 1}\n\n{"a": secret}\n')),
      'data/b2.jsonl: line 3 is not valid JSON (unexpected character)',
    );
    await rejectsWith(
      openSource(file('b3.jsonl', '{"a": "secret\n')),
      'data/b3.jsonl: line 1 is not valid JSON (unterminated string at column 14)',
    );
    await rejectsWith(
      readTable(file('b4.jsonl', '{"a": 1}\n[1, 2]\n')),
      'data/b4.jsonl: line 2 is not a JSON object (expected one object per line)',
    );
  });

  it('rejects an empty file, an empty first object and an empty key', async () => {
    await rejectsWith(
      openSource(file('e.jsonl', '\n \n')),
      'data/e.jsonl: the file is empty (expected one JSON object per line)',
    );
    await rejectsWith(
      openSource(file('e2.jsonl', '{}\n{"a": 1}\n')),
      "data/e2.jsonl: line 1 is an empty object; the first object's keys name the columns",
    );
    await rejectsWith(
      openSource(file('e3.jsonl', '{"a": 1, "": 2}\n')),
      'data/e3.jsonl: the header has an empty column name (column 2)',
    );
  });
});

describe('Parquet', () => {
  it('reads ints, bigints, floats, strings, booleans, nulls, dates and timestamps as text', async () => {
    const absPath = writeParquet(
      'types.parquet',
      [
        { name: 'i32', data: [1, null, -3] },
        { name: 'i64', data: [10n, 2n ** 60n, null] },
        { name: 'f64', data: [1.5, null, 0.1] },
        { name: 'f32', data: [0.1, 2.5, null] },
        { name: 'text', data: ['a', null, 'NA'] },
        { name: 'flag', data: [true, false, null] },
        { name: 'day', data: [new Date('2024-01-15'), new Date('1969-12-31'), null] },
        { name: 'at', data: [new Date('2024-01-15T10:20:30.456Z'), null, new Date(0)] },
      ],
      {
        schema: [
          { name: 'root', num_children: 8 },
          { name: 'i32', type: 'INT32', repetition_type: 'OPTIONAL' },
          { name: 'i64', type: 'INT64', repetition_type: 'OPTIONAL' },
          { name: 'f64', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
          { name: 'f32', type: 'FLOAT', repetition_type: 'OPTIONAL' },
          { name: 'text', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
          { name: 'flag', type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
          { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
          { name: 'at', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
        ],
      },
    );
    const source = await openSource(spec('types.parquet', absPath));
    expect(source.format).toBe('parquet');
    expect(source.header).toEqual(['i32', 'i64', 'f64', 'f32', 'text', 'flag', 'day', 'at']);
    expect(await rowsOf(source)).toEqual([
      ['1', '10', '1.5', '0.1', 'a', 'true', '2024-01-15', '2024-01-15T10:20:30.456Z'],
      [null, '1152921504606846976', null, '2.5', null, 'false', '1969-12-31', null],
      ['-3', null, '0.1', null, null, null, null, '1970-01-01T00:00:00.000Z'],
    ]);
    const t = await readTable(spec('types.parquet', absPath));
    expect(Array.from(t.numeric('f32'))).toEqual([0.1, 2.5, Number.NaN]);
  });

  it('rejects a file that is not Parquet, an empty file and a file without rows', async () => {
    await rejectsWith(
      openSource(file('text.parquet', 'a,b\n1,2\n')),
      "data/text.parquet: not a Parquet file (no PAR1 magic bytes); set format: to the file's real format",
    );
    await rejectsWith(
      openSource(file('csv-as.csv', 'a,b\n1,2\n', { format: 'parquet' })),
      "data/csv-as.csv: not a Parquet file (no PAR1 magic bytes); set format: to the file's real format",
    );
    await rejectsWith(
      openSource(file('empty.parquet', '')),
      'data/empty.parquet: the file is empty (expected a Parquet file)',
    );
    const none = writeParquet('none.parquet', [{ name: 'x', data: [], type: 'INT32' }]);
    await rejectsWith(
      openSource(spec('none.parquet', none)),
      'data/none.parquet: the file has a header but no data rows',
    );
  });

  it('reads a row group bigger than one decoding range, in order', async () => {
    const n = 70_000;
    const absPath = writeParquet(
      'long.parquet',
      [{ name: 'id', data: Int32Array.from({ length: n }, (_, i) => i + 1), type: 'INT32', nullable: false }],
      { rowGroupSize: n },
    );
    let expected = 1;
    let ok = true;
    for await (const b of (await openSource(spec('long.parquet', absPath))).batches()) {
      if (b.start !== expected) ok = false;
      for (const [id] of b.rows) if (id !== String(expected++)) ok = false;
    }
    expect(ok).toBe(true);
    expect(expected - 1).toBe(n);
  });
});

describe('batches', () => {
  const csvText = `n,sq\n${tenRows.map((i) => `${i},${i * i}`).join('\n')}\n`;
  const jsonlText = tenRows.map((i) => JSON.stringify({ n: i, sq: i * i })).join('\n');
  const formats = () => [
    file('ten.csv', csvText, { batchSize: 3 }),
    file('ten.jsonl', jsonlText, { batchSize: 3 }),
    spec(
      'ten.parquet',
      writeParquet(
        'ten.parquet',
        [
          { name: 'n', data: tenRows, type: 'INT32' },
          { name: 'sq', data: tenRows.map((i) => i * i), type: 'INT32' },
        ],
        { rowGroupSize: 4 },
      ),
      { batchSize: 3 },
    ),
  ];

  it('come in batchSize rows with 1-based starts, in every format', async () => {
    for (const s of formats()) {
      expect(await batchShape(s), s.path).toEqual([
        { start: 1, size: 3 },
        { start: 4, size: 3 },
        { start: 7, size: 3 },
        { start: 10, size: 1 },
      ]);
    }
  });

  it('read the file from the start on every call, also after stopping early', async () => {
    for (const s of formats()) {
      const source = await openSource(s);
      for await (const _ of source.batches()) break;
      const first = await rowsOf(source);
      const second = await rowsOf(source);
      expect(first, s.path).toEqual(tenRows.map((i) => [String(i), String(i * i)]));
      expect(second, s.path).toEqual(first);
    }
  });

  it('default to 8192 rows', async () => {
    const big = `n\n${Array.from({ length: 9000 }, (_, i) => i).join('\n')}\n`;
    expect(await batchShape(file('9000.csv', big))).toEqual([
      { start: 1, size: 8192 },
      { start: 8193, size: 808 },
    ]);
  });
});

describe('readTable and makeTable', () => {
  it('names file, row and column of a non-number without printing the value', async () => {
    const t = await readTable(file('d.csv', 'age,name\n40,x\nforty-two,y\n'));
    throwsWith(
      () => t.numeric('age'),
      'data/d.csv: row 2, column "age": expected a number, got a text value; fix the cell or add its text to na_values',
    );
    expect(() => t.numeric('age')).not.toThrow(/forty/);
    const j = await readTable(file('d.jsonl', '{"age": 40}\n{"age": "n/a"}\n', { display: 'in/d.jsonl' }));
    throwsWith(
      () => j.numeric('age'),
      'in/d.jsonl: row 2, column "age": expected a number, got a text value; fix the cell or add its text to na_values',
    );
    expect(j.path).toBe('data/d.jsonl');
  });

  it('names an absent column and lists the real ones', async () => {
    const t = await readTable(file('e.csv', 'a,b\n1,2\n'));
    expect(t.hasColumn('a')).toBe(true);
    expect(t.hasColumn('c')).toBe(false);
    throwsWith(() => t.column('c'), 'data/e.csv: column "c" not found; the file\'s columns are: a, b');
  });

  it('keeps readCsvTable (always CSV, given delimiter) and makeTable', async () => {
    const absPath = path.join(dir, 'semi.data');
    writeFileSync(absPath, 'x;y\n1;NA\n');
    const t = await readCsvTable({
      name: 'semi',
      absPath,
      path: 'data/semi.data',
      delimiter: ';',
      naValues: ['NA'],
    });
    expect(t).toMatchObject({ name: 'semi', path: 'data/semi.data', header: ['x', 'y'], rowCount: 1 });
    expect(t.column('y')).toEqual([null]);
    const m = makeTable('m', 'data/m.csv', ['v'], [['1', null, '2.5']], 3);
    expect(Array.from(m.numeric('v'))).toEqual([1, Number.NaN, 2.5]);
    expect(m.numeric('v')).toBe(m.numeric('v'));
  });
});

/** A `gc()` for measuring retained memory (V8's --expose-gc switched on at run time); undefined if refused. */
function exposeGc(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

describe('streaming', () => {
  it('reads a 200k-row CSV while holding only a fraction of it in memory', async () => {
    const absPath = path.join(dir, 'large.csv');
    writeFileSync(absPath, 'id,age,glucose,sex,note\n');
    const rows = 200_000;
    for (let from = 0; from < rows; from += 10_000) {
      let chunk = '';
      for (let i = from; i < from + 10_000; i++) {
        chunk += `${i + 1},${20 + (i % 60)},${(70 + (i % 130) * 0.7).toFixed(1)},${i % 2 ? 'F' : 'M'},"visit note for patient ${i}, routine"\n`;
      }
      appendFileSync(absPath, chunk);
    }
    const size = statSync(absPath).size;
    expect(size).toBeGreaterThan(10_000_000);

    const gc = exposeGc();
    const heap = () => {
      gc?.();
      return process.memoryUsage().heapUsed;
    };
    const base = heap();
    let peak = 0;
    let count = 0;
    let lastId: Cell = null;
    for await (const b of (await openSource(spec('large.csv', absPath))).batches()) {
      count += b.rows.length;
      lastId = b.rows.at(-1)?.[0] ?? null;
      peak = Math.max(peak, heap() - base);
    }
    expect(count).toBe(rows);
    expect(lastId).toBe(String(rows));
    expect(peak).toBeLessThan(size * 0.5);
  });
});
