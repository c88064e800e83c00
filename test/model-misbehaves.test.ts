import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Evidence } from '@regops/core';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers';

const MODELS = path.join(ROOT, 'test', 'fixtures', 'models');

describe('a model that misbehaves on valid input', () => {
  it('is a failed check (exit 1) with the reason, not a crash and not an input error', async () => {
    // breast_cancer_logreg has no imputer: one empty feature cell gives a NaN probability for that row.
    const dir = mkdtempSync(path.join(tmpdir(), 'regops-nan-'));
    cpSync(path.join(MODELS, 'breast_cancer_logreg.onnx'), path.join(dir, 'model.onnx'));
    const csv = readFileSync(path.join(MODELS, 'wdbc', 'test.csv'), 'utf8').split('\n');
    const header = (csv[0] as string).split(',');
    const row3 = (csv[3] as string).split(',');
    row3[0] = '';
    csv[3] = row3.join(',');
    writeFileSync(path.join(dir, 'test.csv'), csv.join('\n'));
    const features = header.filter((c) => c !== 'malignant');
    writeFileSync(
      path.join(dir, 'requirements.yml'),
      'requirements:\n  - { id: R-1, title: t, type: performance, text: t }\n',
    );
    writeFileSync(
      path.join(dir, 'regops.yml'),
      `version: 1
project: { name: wdbc }
requirements: requirements.yml
model: { path: model.onnx, input: float_input, features: [${features.join(', ')}] }
target: { column: malignant, positive: 1 }
datasets:
  test: { path: test.csv, role: test }
checks:
  - { id: auroc, type: model.metric, verifies: [R-1], metric: auroc, min: 0.9 }
`,
    );
    const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(1);
    const e = JSON.parse(readFileSync(path.join(dir, 'out', 'evidence.json'), 'utf8')) as Evidence;
    expect(e.results[0]?.status).toBe('fail');
    expect(e.results[0]?.message).toMatch(
      /^the model misbehaved: model\.onnx: .*is NaN for 1 of 143 rows of test\.csv \(rows 3\); regops does not drop rows\. All of them have missing feature values \(columns: mean_radius\)/,
    );
  });
});
