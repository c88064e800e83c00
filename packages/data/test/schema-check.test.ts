import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ColumnFinding, ColumnSpec, checkColumn, readCsvTable } from '../src/index';

const dataDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../examples/pima-diabetes/data',
);
const load = (name: string) =>
  readCsvTable({
    name,
    absPath: path.join(dataDir, `${name}.csv`),
    path: `data/${name}.csv`,
    delimiter: ',',
    naValues: [''],
  });
const spec = (s: Record<string, unknown>) => ColumnSpec.parse(s);
const problems = (f: ColumnFinding[]) => f.map((x) => ({ problem: x.problem, count: x.count, rows: x.rows }));

// Expected counts and rows were computed independently with Python's csv module on the same files.
describe('checkColumn on the Pima data', () => {
  it('counts missing cells and applies max_missing (train: glucose 4/576, pressure 23/576)', async () => {
    const t = await load('train');
    expect(checkColumn(t, 'glucose', spec({ type: 'integer', max_missing: 0.03 }))).toEqual([]);
    expect(problems(checkColumn(t, 'pressure', spec({ type: 'integer', max_missing: 0.03 })))).toEqual([
      { problem: 'too_many_missing', count: 23, rows: [] },
    ]);
    expect(checkColumn(t, 'pressure', spec({ type: 'integer', max_missing: 0.03 }))[0]?.text).toBe(
      '4.0% missing (23/576), above the allowed 3.0%',
    );
  });

  it('finds out-of-range values with their first row numbers (train glucose > 180: 29 rows)', async () => {
    const t = await load('train');
    expect(problems(checkColumn(t, 'glucose', spec({ type: 'integer', max: 180 })))).toEqual([
      { problem: 'above_max', count: 29, rows: [45, 78, 80, 154, 158] },
    ]);
    expect(problems(checkColumn(t, 'pressure', spec({ type: 'integer', min: 50 })))).toEqual([
      { problem: 'below_min', count: 14, rows: [67, 69, 121, 136, 167] },
    ]);
  });

  it('flags missing cells in a non-nullable column, wrong types, categories and patterns', async () => {
    const t = await load('test');
    expect(problems(checkColumn(t, 'mass', spec({ type: 'number', nullable: false })))).toEqual([
      { problem: 'not_nullable', count: 2, rows: expect.any(Array) },
    ]);
    expect(problems(checkColumn(t, 'mass', spec({ type: 'integer' })))[0]).toMatchObject({ problem: 'type' });
    expect(checkColumn(t, 'diabetes', spec({ type: 'string', allowed: ['pos', 'neg'] }))).toEqual([]);
    expect(problems(checkColumn(t, 'diabetes', spec({ type: 'string', allowed: ['pos'] })))).toEqual([
      { problem: 'not_allowed', count: 125, rows: expect.any(Array) },
    ]);
    expect(checkColumn(t, 'diabetes', spec({ type: 'string', pattern: '^(pos|neg)$' }))).toEqual([]);
    expect(checkColumn(t, 'age', spec({ type: 'boolean' }))[0]?.problem).toBe('type');
  });

  it('never puts cell values into findings', async () => {
    const t = await load('test');
    const f = checkColumn(t, 'diabetes', spec({ type: 'string', allowed: ['maybe'] }));
    expect(JSON.stringify(f)).not.toMatch(/"(pos|neg)"/);
  });
});
