import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type Check,
  CheckRegistry,
  ConfigurationError,
  loadProject,
  nearest,
  parseYamlText,
} from '../src/index';

// A small check type registered only here, so the loader is tested apart from the real plugins.
const probe: Check = {
  type: 'test.probe',
  stage: 'data',
  description: 'probe',
  options: { threshold: z.number(), dataset: z.string().optional() },
  criterion: () => 'probe',
  validate: (cfg, project) =>
    cfg.dataset && !((cfg.dataset as string) in project.datasets)
      ? [{ path: ['dataset'], message: 'unknown dataset' }]
      : [],
  run: async () => [],
};
const registry = () => new CheckRegistry().register(probe);

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'regops-core-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return path.join(dir, 'regops.yml');
}

const REQS = `requirements:
  - id: REQ-001
    title: A
    type: performance
    text: The model shall do A.
  - id: REQ-002
    title: B
    type: data
    text: The data shall be B.
`;
const RISKS = `hazards:
  - id: HAZ-001
    title: H
    harm: bad
    controls:
      - id: RC-001
        text: control
        requirements: [REQ-001]
`;

function problems(configPath: string): string[] {
  try {
    loadProject(configPath, registry());
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    const dir = `${path.dirname(configPath)}/`;
    return (e as ConfigurationError).problems.map((p) => p.split(dir).join(''));
  }
  throw new Error('expected a ConfigurationError');
}

const base = (checks: string, extra = '') => `version: 1
project:
  name: p
requirements: requirements.yml
risks: risks.yml
${extra}checks:
${checks}`;

describe('loadProject', () => {
  it('loads a valid project with defaults filled in', () => {
    const p = loadProject(
      project({
        'regops.yml': base('  - id: a\n    type: test.probe\n    threshold: 0.5\n    verifies: [REQ-001]\n'),
        'requirements.yml': REQS,
        'risks.yml': RISKS,
      }),
      registry(),
    );
    expect(p.requirements.map((r) => r.id)).toEqual(['REQ-001', 'REQ-002']);
    expect(p.config.checks[0]).toMatchObject({ id: 'a', enabled: true, controls: [], threshold: 0.5 });
    expect(p.config.gate).toEqual({ fail_on: ['fail', 'error'], require_verified: false });
  });

  it('reports every problem at once, each with file, line, column and path', () => {
    const cfg = base(
      [
        '  - id: a',
        '    type: test.probe',
        '    threshold: 0.5',
        '  - id: b',
        '    type: test.probe',
        '    threshold: 0.5',
        '  - id: c',
        '    type: test.probe',
        '    threshold: high',
        '    treshold2: 1',
        '',
      ].join('\n'),
      'gate:\n  fail_onn: [fail]\n',
    );
    const got = problems(project({ 'regops.yml': cfg, 'requirements.yml': REQS, 'risks.yml': RISKS }));
    expect(got).toEqual([
      'regops.yml:7:3: gate.fail_onn: unknown key `fail_onn`; did you mean `fail_on`?',
      'regops.yml:17:16: checks[2].threshold: expected number, got "high"',
      'regops.yml:18:5: checks[2].treshold2: unknown key `treshold2`; did you mean `threshold`?',
    ]);
  });

  it('names an unknown check type and the nearest known one', () => {
    const got = problems(
      project({
        'regops.yml': base('  - id: a\n    type: test.prob\n'),
        'requirements.yml': REQS,
        'risks.yml': RISKS,
      }),
    );
    expect(got).toEqual([
      'regops.yml:8:11: checks[0].type: unknown type "test.prob"; did you mean "test.probe"? (known: test.probe)',
    ]);
  });

  it('reports a YAML syntax error with line and column', () => {
    const got = problems(
      project({ 'regops.yml': 'version: 1\nproject:\n  name: [unclosed\n', 'requirements.yml': REQS }),
    );
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^regops\.yml:\d+:\d+: YAML syntax error: /);
  });

  it('reports a missing config file and a missing linked file', () => {
    expect(() => loadProject('/nonexistent/regops.yml', registry())).toThrow(
      '/nonexistent/regops.yml: config file not found (no such file)',
    );
    const got = problems(project({ 'regops.yml': base('  []\n').replace('checks:\n  []', 'checks: []') }));
    expect(got).toEqual([
      'regops.yml:4:15: requirements: requirements file not found: requirements.yml (looked in requirements.yml)',
      'regops.yml:5:8: risks: risks file not found: risks.yml (looked in risks.yml)',
    ]);
  });

  it('rejects dangling and duplicate IDs across files', () => {
    const cfg = base(
      '  - id: a\n    type: test.probe\n    threshold: 1\n    verifies: [REQ-01]\n    controls: [RC-009]\n  - id: a\n    type: test.probe\n    threshold: 1\n',
    );
    const risks = RISKS.replace('requirements: [REQ-001]', 'requirements: [REQ-001, REQ-404]');
    const got = problems(project({ 'regops.yml': cfg, 'requirements.yml': REQS, 'risks.yml': risks }));
    expect(got).toEqual([
      'risks.yml:8:33: hazards[0].controls[0].requirements[1]: unknown requirement "REQ-404"; did you mean "REQ-001"? (defined: REQ-001, REQ-002)',
      'regops.yml:12:9: checks[1].id: duplicate check id "a"',
      'regops.yml:10:16: checks[0].verifies[0]: unknown requirement "REQ-01"; did you mean "REQ-001"? (defined: REQ-001, REQ-002)',
      'regops.yml:11:16: checks[0].controls[0]: unknown risk control "RC-009"; did you mean "RC-001"? (defined: RC-001)',
    ]);
  });
});

describe('nearest', () => {
  it('suggests close keys and nothing for unrelated ones', () => {
    expect(nearest('treshold', ['threshold', 'dataset'])).toBe('threshold');
    expect(nearest('zzzzzz', ['threshold', 'dataset'])).toBeUndefined();
  });
});

describe('parseYamlText', () => {
  it('locates values and keys', () => {
    const f = parseYamlText('a:\n  b: [1, 2]\n  c: x\n', 'f.yml');
    expect(f.locate(['a', 'b', 1])).toEqual({ line: 2, col: 10 });
    expect(f.locate(['a'], 'c')).toEqual({ line: 3, col: 3 });
  });
});
