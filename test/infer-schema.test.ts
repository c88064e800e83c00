import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Evidence } from '@regops/core';
import { SchemaFile } from '@regops/data';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, EXAMPLE, ROOT } from './helpers';

describe('regops data infer-schema', () => {
  it('writes a schema with the observed types, nullability, ranges and categories (Pima train, checked by hand)', async () => {
    const r = await cli(['data', 'infer-schema', path.join(EXAMPLE, 'data', 'train.csv')]);
    expect(r.code).toBe(0);
    const schema = SchemaFile.parse(parse(r.out));
    expect(schema.columns.pregnant).toMatchObject({ type: 'integer', nullable: false, min: 0, max: 17 });
    expect(schema.columns.glucose).toMatchObject({ type: 'integer', nullable: true, min: 56, max: 199 });
    expect(schema.columns.mass).toMatchObject({ type: 'number', min: 18.2, max: 67.1 });
    expect(schema.columns.diabetes).toMatchObject({
      type: 'string',
      nullable: false,
      allowed: ['neg', 'pos'],
    });
    expect(r.out).toContain('insulin: { type: integer, min: 16, max: 744 }  # 273 of 576 missing');
  });

  it('round-trips: the inferred schema, used as a schema file, passes on the data it came from', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regops-infer-'));
    cpSync(path.join(EXAMPLE, 'data', 'train.csv'), path.join(dir, 'train.csv'));
    writeFileSync(
      path.join(dir, 'schema.yml'),
      (await cli(['data', 'infer-schema', path.join(dir, 'train.csv')])).out,
    );
    writeFileSync(
      path.join(dir, 'requirements.yml'),
      'requirements:\n  - { id: R-1, title: t, type: data, text: t }\n',
    );
    writeFileSync(
      path.join(dir, 'regops.yml'),
      'version: 1\nproject: { name: t }\nrequirements: requirements.yml\ndatasets:\n  train: { path: train.csv, role: train }\nchecks:\n  - { id: schema, type: data.schema, schema: schema.yml, allow_extra_columns: false }\n',
    );
    const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(0);
    const e = JSON.parse(readFileSync(path.join(dir, 'out', 'evidence.json'), 'utf8')) as Evidence;
    expect(e.results[0]?.message).toBe('train.csv: 9 declared column(s) conform in 576 rows');
  });

  it('gives sensitive columns a type only: no value of them is printed', async () => {
    const file = path.join(ROOT, 'test', 'fixtures', 'phi', 'patients.csv');
    const r = await cli(['data', 'infer-schema', file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      / {2}ssn: \{ type: string(, nullable: false)? \} {2}# .*sensitive: values withheld/,
    );
    const fake = readFileSync(path.join(ROOT, 'test', 'fixtures', 'phi', 'fake-values.txt'), 'utf8')
      .split('\n')
      .filter(Boolean);
    expect(fake.filter((v) => r.out.includes(v))).toEqual([]);
  });

  it('rejects a wrong call with a usage error', async () => {
    const r = await cli(['data', 'infer-schema']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'regops: error: data infer-schema: give exactly one data file (see: regops data --help)\n',
    );
  });
});
