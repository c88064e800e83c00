import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type CheckResult,
  type DeclaredCheck,
  evaluateGate,
  meets,
  type Requirement,
  TOOL_VERSION,
  worstStatus,
} from '../src/index';

const result = (id: string, status: CheckResult['status'], verifies: string[] = []): CheckResult => ({
  id,
  check: 'x',
  title: id,
  status,
  verifies,
  controls: [],
  metrics: [],
  message: `${id} message`,
});
const req = (id: string): Requirement => ({ id, title: id, text: 't', type: 'performance' });
const declared = (id: string, verifies: string[], enabled = true): DeclaredCheck => ({
  id,
  type: 'x',
  title: id,
  enabled,
  verifies,
  controls: [],
  criterion: '',
});

describe('evaluateGate', () => {
  const policy = { fail_on: ['fail', 'error'] as CheckResult['status'][], require_verified: false };

  it('passes when no result has a blocking status and counts every status', () => {
    const g = evaluateGate(policy, [result('a', 'pass'), result('b', 'warn'), result('c', 'skip')], [], []);
    expect(g.verdict).toBe('pass');
    expect(g.counts).toEqual({ pass: 1, fail: 0, warn: 1, error: 0, skip: 1 });
    expect(g.reasons).toEqual([]);
  });

  it('blocks on a failing or erroring result and says which', () => {
    const g = evaluateGate(policy, [result('a', 'pass'), result('b', 'fail'), result('c', 'error')], [], []);
    expect(g.verdict).toBe('fail');
    expect(g.reasons.map((r) => r.ref)).toEqual(['b', 'c']);
    expect(g.reasons[0]?.message).toBe('b fail: b message');
  });

  it('blocks on warnings only when the policy says so', () => {
    const g = evaluateGate({ ...policy, fail_on: ['fail', 'warn'] }, [result('a', 'warn')], [], []);
    expect(g.verdict).toBe('fail');
  });

  it('blocks when nothing ran', () => {
    expect(evaluateGate(policy, [], [], []).reasons).toEqual([
      { code: 'no_results', message: 'no check produced a result' },
    ]);
  });

  it('with require_verified, blocks on requirements that no enabled check verifies', () => {
    const checks = [declared('a', ['REQ-1']), declared('b', ['REQ-2'], false)];
    const g = evaluateGate(
      { ...policy, require_verified: true },
      [result('a', 'pass')],
      [req('REQ-1'), req('REQ-2')],
      checks,
    );
    expect(g.verdict).toBe('fail');
    expect(g.reasons).toEqual([
      {
        code: 'unverified_requirement',
        ref: 'REQ-2',
        message: 'REQ-2 (REQ-2) has no check that verifies it',
      },
    ]);
    expect(evaluateGate(policy, [result('a', 'pass')], [req('REQ-1'), req('REQ-2')], checks).verdict).toBe(
      'pass',
    );
  });
});

describe('meets and worstStatus', () => {
  it('compares with each operator and never passes NaN', () => {
    expect(meets(0.75, { op: '>=', value: 0.75 })).toBe(true);
    expect(meets(0.75, { op: '>', value: 0.75 })).toBe(false);
    expect(meets(0.2, { op: '<=', value: 0.2 })).toBe(true);
    expect(meets(0.2, { op: '<', value: 0.2 })).toBe(false);
    expect(meets(Number.NaN, { op: '<=', value: 1 })).toBe(false);
  });
  it('orders error > fail > warn > pass > skip', () => {
    expect(worstStatus(['pass', 'warn', 'skip'])).toBe('warn');
    expect(worstStatus(['fail', 'error'])).toBe('error');
    expect(worstStatus([])).toBe('skip');
  });
});

describe('TOOL_VERSION', () => {
  it('equals the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(TOOL_VERSION).toBe(pkg.version);
  });
});
