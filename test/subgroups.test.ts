import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckResult, Evidence } from '@regops/core';
import { describe, expect, it } from 'vitest';
import { identityModel } from '../packages/model/test/onnx-builder';
import { cli } from './helpers';

/**
 * A model whose P(positive) is the input column `p` (an ONNX Identity graph), so every subgroup number can
 * be worked out by hand. Scores are multiples of 1/8: exact in float32.
 */
const CSV = `q,p,y,grp
0.25,0.75,1,A
0.375,0.625,0,A
0.75,0.25,1,A
0.875,0.125,0,A
0.125,0.875,1,B
0.25,0.75,1,B
0.625,0.375,0,B
0.75,0.25,0,B
0.5,0.5,1,C
0.5,0.5,0,C
`;

async function run(check: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'regops-subgroups-'));
  writeFileSync(path.join(dir, 'model.onnx'), identityModel(2));
  writeFileSync(path.join(dir, 'test.csv'), CSV);
  writeFileSync(
    path.join(dir, 'requirements.yml'),
    'requirements:\n  - { id: R-1, title: t, type: safety, text: t }\n',
  );
  writeFileSync(
    path.join(dir, 'regops.yml'),
    `version: 1
project: { name: t }
requirements: requirements.yml
model: { path: model.onnx, input: x, features: [q, p] }
target: { column: y, positive: 1 }
datasets:
  test: { path: test.csv, role: test }
checks:
${check}`,
  );
  const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', path.join(dir, 'out')]);
  if (r.code > 1) throw new Error(r.err);
  const e = JSON.parse(readFileSync(path.join(dir, 'out', 'evidence.json'), 'utf8')) as Evidence;
  return e.results.find((x) => x.check === 'model.subgroups') as CheckResult;
}

const value = (r: CheckResult, name: string) => r.metrics.find((m) => m.name === name)?.value;

describe('model.subgroups (hand-worked)', () => {
  it('computes per-group metrics and the gaps between groups', async () => {
    const r = await run(`  - id: groups
    type: model.subgroups
    attribute: grp
    min_size: 3
    small_groups: warn
    metrics:
      auroc: { min: 0.7 }
      sensitivity: { min: 0.4 }
    gaps: { tpr_difference: 0.6, fpr_difference: 0.6, equalized_odds: 0.6, demographic_parity: 0.1, calibration_difference: 0.2 }
`);
    // A: TP 1 (0.75), FP 1 (0.625), FN 1 (0.25), TN 1 → TPR 0.5, FPR 0.5; AUROC 3 of 4 pairs = 0.75.
    expect(value(r, 'auroc[grp=A]')).toBe(0.75);
    expect(value(r, 'sensitivity[grp=A]')).toBe(0.5);
    // B: both positives above both negatives → AUROC 1, TPR 1, FPR 0.
    expect(value(r, 'auroc[grp=B]')).toBe(1);
    expect(value(r, 'sensitivity[grp=B]')).toBe(1);
    // Gaps over A and B (C has 2 rows < min_size 3, so it is not judged): TPR 0.5 vs 1, FPR 0.5 vs 0,
    // positive rate 0.5 vs 0.5, calibration-in-the-large 0.5 − 0.4375 = 0.0625 vs 0.5 − 0.5625 = −0.0625.
    expect(value(r, 'tpr_difference')).toBe(0.5);
    expect(value(r, 'fpr_difference')).toBe(0.5);
    expect(value(r, 'equalized_odds')).toBe(0.5);
    expect(value(r, 'demographic_parity')).toBe(0);
    expect(value(r, 'calibration_difference')).toBe(0.125);
    expect(value(r, 'small_groups')).toBe(1);
    expect(r.status).toBe('warn');
    expect(r.message).toContain('too small to judge: grp C: 2 rows < 3');
  });

  it('fails a group below its bound and a gap above its bound, and a small group by default', async () => {
    const r = await run(`  - id: groups
    type: model.subgroups
    attribute: grp
    min_size: 3
    metrics:
      sensitivity: { min: 0.6 }
    gaps: { tpr_difference: 0.3 }
`);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('sensitivity in grp A 0.5000 not ≥ 0.6');
    expect(r.message).toContain('tpr difference 0.5000 > 0.3');
    expect(r.message).toContain('too small to judge: grp C');
  });

  it('a subgroup column missing from the data is an input error (exit 2)', async () => {
    await expect(
      run('  - { id: groups, type: model.subgroups, attribute: sex, gaps: { tpr_difference: 0.2 } }\n'),
    ).rejects.toThrow(
      /test\.csv: column "sex" not found \(named by checks\[0\]\.attribute in \S+regops\.yml, used by check groups\); the file's columns are: q, p, y, grp/,
    );
  });
});
