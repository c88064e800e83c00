import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyExample, EXAMPLE, edit } from './helpers';

const EXAMPLE_CONFIG = readFileSync(path.join(EXAMPLE, 'regops.yml'), 'utf8');
/** 1-based line of the first occurrence of `needle` in the example regops.yml, plus `offset` lines. */
function lineOf(needle: string, offset = 0): number {
  const at = EXAMPLE_CONFIG.indexOf(needle);
  if (at < 0) throw new Error(`not in the example regops.yml: ${needle}`);
  return EXAMPLE_CONFIG.slice(0, at).split('\n').length + offset;
}

/**
 * Each bad input gives one clear message naming the file and field, exit code 2, no stack trace, and no
 * output directory at all.
 */
async function runBad(dir: string, args: string[] = []) {
  const out = path.join(dir, 'out');
  const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', out, ...args]);
  expect(existsSync(out)).toBe(false);
  expect(r.err).not.toMatch(/\n\s+at /);
  return { ...r, err: r.err.split(`${dir}/`).join('') };
}

describe('bad input', () => {
  it('missing config', async () => {
    const dir = copyExample();
    const r = await cli(['run', '--config', path.join(dir, 'nope.yml'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err.split(`${dir}/`).join('')).toBe(
      'regops: error: nope.yml: config file not found (no such file)\n',
    );
  });

  it('YAML syntax error, with line and column', async () => {
    const dir = copyExample();
    edit(path.join(dir, 'regops.yml'), (t) => t.replace('  input: float_input', '  input: [float_input'));
    const r = await runBad(dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `regops: error: regops.yml:${lineOf('  input: float_input', 1)}:3: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]\n`,
    );
  });

  it('unknown key, with the nearest known key', async () => {
    const dir = copyExample();
    edit(path.join(dir, 'regops.yml'), (t) =>
      t.replace('    metric: auroc\n    min: 0.75', '    metric: auroc\n    minn: 0.75'),
    );
    const r = await runBad(dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `regops: error: regops.yml:${lineOf('    metric: auroc\n    min: 0.75', 1)}:5: checks[12].minn: unknown key \`minn\`; did you mean \`min\`?\n`,
    );
  });

  it('wrong type', async () => {
    const dir = copyExample();
    edit(path.join(dir, 'regops.yml'), (t) =>
      t.replace('    metric: auroc\n    min: 0.75', '    metric: auroc\n    min: high'),
    );
    const r = await runBad(dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `regops: error: regops.yml:${lineOf('    metric: auroc\n    min: 0.75', 1)}:10: checks[12].min: expected number, got "high"\n`,
    );
  });

  it('a path that does not exist', async () => {
    const dir = copyExample();
    edit(path.join(dir, 'regops.yml'), (t) => t.replace('path: data/test.csv', 'path: data/tset.csv'));
    const r = await runBad(dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `regops: error: regops.yml:${lineOf('path: data/test.csv')}:11: datasets.test.path: file not found: data/tset.csv (looked in data/tset.csv)\n`,
    );
  });

  it('a CSV column named in the config but absent from the file', async () => {
    const dir = copyExample();
    edit(path.join(dir, 'data', 'test.csv'), (t) =>
      t.replace('pregnant,glucose,', 'pregnant,glucose_mg_dl,'),
    );
    const r = await runBad(dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'regops: error: data/test.csv: column "glucose" not found (named by checks[1].columns.glucose in regops.yml, used by check completeness); the file\'s columns are: pregnant, glucose_mg_dl, pressure, triceps, insulin, mass, pedigree, age, diabetes\n',
    );
  });

  it('a model whose input name differs from the config', async () => {
    const dir = copyExample();
    edit(path.join(dir, 'regops.yml'), (t) => t.replace('  input: float_input', '  input: features'));
    const r = await runBad(dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `regops: error: regops.yml:${lineOf('  input: float_input')}:10: model.input: the model models/pima_hgb_candidate.onnx has no input "features"; its inputs are: "float_input". Set model.input to one of them.\n`,
    );
  });

  it('an existing directory that is not RegOps output is never overwritten', async () => {
    const dir = copyExample();
    const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', path.join(dir, 'data')]);
    expect(r.code).toBe(2);
    expect(r.err.split(`${dir}/`).join('')).toMatch(/does not look like RegOps output \(no evidence\.json\)/);
    expect(existsSync(path.join(dir, 'data', 'test.csv'))).toBe(true);
  });

  it('usage errors name the command and point at --help', async () => {
    const r = await cli(['run', '--confg', 'x.yml']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'regops: error: run: unknown option --confg; did you mean --config? (see: regops run --help)\n',
    );
    const r2 = await cli(['frobnicate']);
    expect(r2.err).toBe(
      'regops: error: unknown command "frobnicate"; commands: run, validate, schema, render, data, release, verify, gitlab (see: regops --help)\n',
    );
  });
});

describe('bad data files', () => {
  const cases: [string, (dir: string) => void, string][] = [
    [
      'a ragged row',
      (dir) =>
        edit(path.join(dir, 'data', 'test.csv'), (t) =>
          t.replace('\n4,127,88,11,155,34.5,0.598,28,neg\n', '\n4,127,88,11,155,34.5,0.598,28\n'),
        ),
      'regops: error: data/test.csv: row 2 has 8 field(s), but the header has 9; check the delimiter (",") and quoting\n',
    ],
    [
      'a stray string in a numeric model input column',
      (dir) =>
        edit(path.join(dir, 'data', 'test.csv'), (t) =>
          t.replace('\n4,127,88,11,155,34.5,0.598,28,neg\n', '\n4,127,88,11,155,high,0.598,28,neg\n'),
        ),
      'regops: error: data/test.csv: row 2, column "mass": expected a number, got a text value; fix the cell or add its text to na_values\n',
    ],
    [
      'an empty file',
      (dir) => writeFileSync(path.join(dir, 'data', 'test.csv'), ''),
      'regops: error: data/test.csv: the file is empty (expected a header row)\n',
    ],
    [
      'a header-only file',
      (dir) => edit(path.join(dir, 'data', 'test.csv'), (t) => `${t.split('\n')[0]}\n`),
      'regops: error: data/test.csv: the file has a header but no data rows\n',
    ],
    [
      'a duplicated column name',
      (dir) =>
        edit(path.join(dir, 'data', 'test.csv'), (t) => t.replace('pregnant,glucose,', 'pregnant,pregnant,')),
      'regops: error: data/test.csv: the header names column "pregnant" twice (columns 1 and 2)\n',
    ],
    [
      'invalid UTF-8',
      (dir) => {
        const file = path.join(dir, 'data', 'test.csv');
        const text = readFileSync(file);
        writeFileSync(
          file,
          Buffer.concat([text.subarray(0, 200), Buffer.from([0xff, 0xfe]), text.subarray(200)]),
        );
      },
      'regops: error: data/test.csv: invalid UTF-8 at line 6 (byte offset 200); save the file as UTF-8\n',
    ],
    [
      'a Parquet file that is not Parquet',
      (dir) => {
        cpSync(path.join(dir, 'data', 'test.csv'), path.join(dir, 'data', 'test.parquet'));
        edit(path.join(dir, 'regops.yml'), (t) =>
          t.replace('path: data/test.csv', 'path: data/test.parquet'),
        );
      },
      "regops: error: data/test.parquet: not a Parquet file (no PAR1 magic bytes); set format: to the file's real format\n",
    ],
  ];
  it.each(cases)('%s: exact message, exit 2, nothing written', async (_name, spoil, message) => {
    const dir = copyExample();
    spoil(dir);
    const r = await runBad(dir);
    // Progress lines may come first; the error is the last thing printed.
    expect(r.err.slice(r.err.indexOf('regops: error:'))).toBe(message);
    expect(r.code).toBe(2);
  });

  it('bad data that a check is there to find is a failed check (exit 1), not a crash', async () => {
    const dir = copyExample();
    // A text in a column that only the data checks read as a number: data.schema and data.mixed_types fail.
    edit(path.join(dir, 'regops.yml'), (t) =>
      t.replace(
        'features: [pregnant, glucose, pressure, triceps, insulin, mass, pedigree, age]',
        'features: [pregnant, glucose, pressure, triceps, insulin, mass, pedigree, age]\n  # (unchanged)',
      ),
    );
    edit(path.join(dir, 'data', 'train.csv'), (t) =>
      t.replace('\n1,121,78,39,74,39,0.261,28,neg\n', '\n1,121,78,39,74,39,0.261,28,Neg\n'),
    );
    const out = path.join(dir, 'out');
    const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'schema/train fail: data/train.csv: diabetes: 1 value(s) outside the allowed set {pos, neg} (row 1)',
    );
    expect(existsSync(path.join(out, 'evidence.json'))).toBe(true);
  });
});

describe('a data check naming a column the file does not have', () => {
  it('is a config/input error (exit 2) naming the file, the column and the check', async () => {
    const dir = copyExample();
    edit(path.join(dir, 'regops.yml'), (t) =>
      t.replace('exact_rows: true', 'exact_rows: true\n    id_column: patient_id'),
    );
    const r = await runBad(dir);
    expect(r.code).toBe(2);
    expect(r.err.slice(r.err.indexOf('regops: error:'))).toBe(
      'regops: error: data/train.csv: column "patient_id" not found (named by checks[10].id_column in regops.yml, used by check split); the file\'s columns are: pregnant, glucose, pressure, triceps, insulin, mass, pedigree, age, diabetes\n',
    );
  });
});

describe('bad model files', () => {
  const model = (dir: string) => path.join(dir, 'models', 'pima_hgb_candidate.onnx');
  it.each([
    [
      'a file that is not ONNX',
      (dir: string) => writeFileSync(model(dir), 'hello\n'),
      'regops: error: models/pima_hgb_candidate.onnx: not an ONNX model (unsupported wire type 4, at byte 3). Point model.path at an .onnx file (an ONNX ModelProto).\n',
    ],
    [
      'a truncated ONNX file',
      (dir: string) => writeFileSync(model(dir), readFileSync(model(dir)).subarray(0, 20000)),
      'regops: error: models/pima_hgb_candidate.onnx: not an ONNX model (length-delimited field of 56797 bytes runs past the end of its message, at byte 126). Point model.path at an .onnx file (an ONNX ModelProto).\n',
    ],
    [
      'a model input of the wrong width',
      (dir: string) =>
        edit(path.join(dir, 'regops.yml'), (t) =>
          t.replace(
            'features: [pregnant, glucose, pressure, triceps, insulin, mass, pedigree, age]',
            'features: [pregnant, glucose, pressure, triceps, insulin, mass, pedigree]',
          ),
        ),
      `regops: error: regops.yml:${lineOf('  features: [pregnant')}:13: model.features: 7 feature(s) listed, but input "float_input" of models/pima_hgb_candidate.onnx takes 8 (shape [N, 8])\n`,
    ],
  ])('%s: exact message, exit 2, nothing written', async (_name, spoil, message) => {
    const dir = copyExample();
    spoil(dir);
    const r = await runBad(dir);
    expect(r.err.slice(r.err.indexOf('regops: error:'))).toBe(message);
    expect(r.code).toBe(2);
  });
});
