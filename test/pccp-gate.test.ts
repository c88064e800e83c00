import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyExample, edit } from './helpers';

/**
 * PR-like changes to the Pima example, judged against its PCCP (examples/pima-diabetes/pccp.yml) by the real
 * CLI: the unchanged example is within the plan; a change to the sequestered test set is outside it and fails
 * the gate, naming the rule; an override with a reason and an approver lets it through and is recorded.
 */
async function runExample(change?: (dir: string) => void) {
  const dir = copyExample();
  change?.(dir);
  const out = path.join(dir, 'out');
  const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', out]);
  const evidence = JSON.parse(readFileSync(path.join(out, 'evidence.json'), 'utf8'));
  const comment = readFileSync(path.join(out, 'comment.md'), 'utf8');
  return { r, evidence, comment };
}

describe('the PCCP in the gate (Pima example, real CLI)', () => {
  it('the example change is within the plan', async () => {
    const { r, evidence, comment } = await runExample();
    expect(r.code).toBe(0);
    expect(evidence.pccp.verdict).toBe('within');
    expect(evidence.pccp.rules.every((x: { status: string }) => x.status === 'met')).toBe(true);
    expect(evidence.gate.verdict).toBe('pass');
    expect(comment).toContain('PCCP-001');
  });

  it('a changed test set is outside the plan: the gate fails and names data.test_set', async () => {
    const { r, evidence, comment } = await runExample((dir) => {
      // The file changes (an empty line at the end), the rows do not: only the hash tells.
      appendFileSync(path.join(dir, 'data/test.csv'), '\n');
    });
    expect(r.code).toBe(1);
    expect(evidence.pccp.verdict).toBe('outside');
    const rule = evidence.pccp.rules.find((x: { rule: string }) => x.rule === 'data.test_set');
    expect(rule.status).toBe('violated');
    expect(rule.message).toMatch(
      /^test: sha256 6670abb17a4b… in the plan, [0-9a-f]{12}… in the change \(the sequestered test set must not change\)$/,
    );
    // The only blocking reason is the plan: the data itself is unchanged (one more line ending).
    expect(evidence.gate.reasons.map((x: { code: string }) => x.code)).toEqual(['pccp_outside']);
    const reason = evidence.gate.reasons.find((x: { code: string }) => x.code === 'pccp_outside');
    expect(reason.ref).toBe('PCCP-001');
    expect(reason.message).toContain('data.test_set violated');
    expect(comment).toContain('outside');
    expect(comment).toContain('data.test_set');
  });

  it('a modification type the plan does not allow is outside the plan', async () => {
    const { r, evidence } = await runExample((dir) =>
      edit(path.join(dir, 'regops.yml'), (t) =>
        t.replace('modifications: [retrain, hyperparameters]', 'modifications: [retrain, architecture]'),
      ),
    );
    expect(r.code).toBe(1);
    const rule = evidence.pccp.rules.find((x: { rule: string }) => x.rule === 'modifications');
    expect(rule).toMatchObject({ status: 'violated' });
    expect(rule.message).toContain('architecture');
  });

  it('an override with reason, approver and reference lets the change through and is recorded', async () => {
    const { r, evidence, comment } = await runExample((dir) => {
      appendFileSync(path.join(dir, 'data/test.csv'), '\n');
      edit(path.join(dir, 'regops.yml'), (t) =>
        t.replace(
          '  modifications: [retrain, hyperparameters] # what this change does to the cleared model\n',
          '  modifications: [retrain, hyperparameters]\n  override:\n    reason: Test set corrected after the data audit; new submission filed.\n    approved_by: Head of Regulatory Affairs\n    reference: CAPA-2026-014\n',
        ),
      );
    });
    expect(r.code).toBe(0);
    expect(evidence.pccp.verdict).toBe('outside');
    expect(evidence.pccp.overridden).toMatchObject({
      approved_by: 'Head of Regulatory Affairs',
      reference: 'CAPA-2026-014',
    });
    expect(evidence.gate.verdict).toBe('pass');
    expect(comment).toContain('CAPA-2026-014');
  });

  it('a pccp.yml with an unknown criterion is exit 2 with file, line and the nearest name', async () => {
    const dir = copyExample();
    edit(path.join(dir, 'pccp.yml'), (t) => t.replace('  non_inferiority:', '  non_inferiorty:'));
    const r = await cli(['validate', '--config', path.join(dir, 'regops.yml')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /pccp\.yml:\d+:\d+: acceptance\.non_inferiorty: unknown key `non_inferiorty`; did you mean `non_inferiority`\?/,
    );
  });
});
