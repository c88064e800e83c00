import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Evidence } from '@regops/core';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'phi');
const FAKE = readFileSync(path.join(FIXTURE, 'fake-values.txt'), 'utf8').split('\n').filter(Boolean);

describe('PHI never leaks', () => {
  it('fails the PHI check naming the columns, and no fake value appears in anything RegOps wrote or printed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regops-phi-'));
    cpSync(path.join(FIXTURE, 'patients.csv'), path.join(dir, 'patients.csv'));
    writeFileSync(
      path.join(dir, 'requirements.yml'),
      'requirements:\n  - { id: REQ-001, title: No PHI, type: security, text: The data shall hold no identifiers. }\n',
    );
    // Every check that can show values runs on every column, to try hard to make something leak.
    writeFileSync(
      path.join(dir, 'regops.yml'),
      `version: 1
project: { name: phi }
requirements: requirements.yml
datasets:
  patients: { path: patients.csv, role: train }
checks:
  - { id: phi, type: data.phi, verifies: [REQ-001] }
  - { id: variants, type: data.category_variants }
  - { id: constant, type: data.constant, max_dominant_fraction: 0.01 }
  - { id: dups, type: data.duplicates, columns: [zip] }
  - { id: size, type: data.size, subgroups: [{ column: patient_name, min_rows: 2 }, { column: zip, min_rows: 2 }] }
  - { id: mixed, type: data.mixed_types }
  - { id: missing, type: data.missing, max_fraction: 0 }
  - id: schema
    type: data.schema
    columns:
      ssn: { type: integer }
      email: { type: string, allowed: [nobody] }
      dob: { type: number, min: 0 }
`,
    );
    const out = path.join(dir, 'out');
    const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', out]);
    expect(r.code).toBe(1);
    const evidence = JSON.parse(readFileSync(path.join(out, 'evidence.json'), 'utf8')) as Evidence;
    const phi = evidence.results.find((x) => x.id === 'phi/patients');
    expect(phi?.status).toBe('fail');
    for (const col of [
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
    ]) {
      expect(phi?.message).toContain(col);
    }
    for (const col of ['age', 'glucose', 'systolic', 'outcome'])
      expect(phi?.message).not.toMatch(new RegExp(`\\b${col}\\b`));
    // The profile marks the flagged columns sensitive and keeps no value of them.
    const profile = evidence.profiles[0];
    expect(profile?.columns.filter((c) => c.sensitive).map((c) => c.name)).toEqual([
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
    ]);
    const everything = [
      r.out,
      r.err,
      ...readdirSync(out).map((f) => readFileSync(path.join(out, f), 'utf8')),
    ].join('\n');
    const leaked = FAKE.filter((v) => everything.includes(v));
    expect(leaked).toEqual([]);
    expect(FAKE.length).toBeGreaterThan(500);
  });
});
