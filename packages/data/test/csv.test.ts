import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../src/index';

const dir = mkdtempSync(path.join(tmpdir(), 'regops-csv-'));
function csv(name: string, text: string | Buffer, opts: { delimiter?: string; na?: string[] } = {}) {
  const absPath = path.join(dir, name);
  writeFileSync(absPath, text);
  return readCsvTable({
    name,
    absPath,
    path: `data/${name}`,
    delimiter: opts.delimiter ?? ',',
    naValues: opts.na ?? ['', 'NA'],
  });
}

describe('readCsvTable', () => {
  it('reads RFC 4180 quoting, embedded newlines and doubled quotes, CRLF and a BOM', async () => {
    const t = await csv(
      'a.csv',
      Buffer.from('\uFEFFid,note,value\r\n1,"a, b",2.5\r\n2,"line1\nline2 ""q""",NA\r\n3,,7\r\n'),
    );
    expect(t.header).toEqual(['id', 'note', 'value']);
    expect(t.rowCount).toBe(3);
    expect(t.column('note')).toEqual(['a, b', 'line1\nline2 "q"', null]);
    expect(Array.from(t.numeric('value'))).toEqual([2.5, Number.NaN, 7]);
  });

  it('honours the delimiter and custom NA tokens', async () => {
    const t = await csv('b.csv', 'x;y\n1;?\n2;3\n', { delimiter: ';', na: ['?'] });
    expect(t.column('y')).toEqual([null, '3']);
  });

  it('names the file and row of a ragged row', async () => {
    await expect(csv('c.csv', 'a,b\n1,2\n3\n')).rejects.toThrow(
      'data/c.csv: row 2 has 1 field(s), but the header has 2; check the delimiter (",") and quoting',
    );
  });

  it('names file, row and column of a non-number without printing the value', async () => {
    const t = await csv('d.csv', 'age,name\n40,x\nforty,y\n');
    expect(() => t.numeric('age')).toThrow(
      'data/d.csv: row 2, column "age": expected a number, got a text value; fix the cell or add its text to na_values',
    );
    try {
      t.numeric('age');
    } catch (e) {
      expect((e as Error).message).not.toContain('forty');
    }
  });

  it('names an absent column and lists the real ones', async () => {
    const t = await csv('e.csv', 'a,b\n1,2\n');
    expect(() => t.column('c')).toThrow('data/e.csv: column "c" not found; the file\'s columns are: a, b');
  });

  it('rejects an empty file, a duplicate header and an empty header name', async () => {
    await expect(csv('f.csv', '')).rejects.toThrow('data/f.csv: the file is empty (expected a header row)');
    await expect(csv('g.csv', 'a,a\n1,2\n')).rejects.toThrow('data/g.csv: the header names column "a" twice');
    await expect(csv('h.csv', 'a,\n1,2\n')).rejects.toThrow(
      'data/h.csv: the header has an empty column name',
    );
  });
});
