import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { allSchemas } from '@regops/cli';
import { DOCUMENT_NAMES } from '@regops/docs';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, cli, copyExample, EXAMPLE, edit, ROOT } from './helpers';

const DOCS = [...DOCUMENT_NAMES];
const sidecar = JSON.parse(readFileSync(path.join(EXAMPLE, 'models', 'pima_hgb_candidate.json'), 'utf8')) as {
  metrics: { test: { auroc: number; sensitivity: number } };
};

function runBundle(node: string, args: string[]) {
  return spawnSync(node, [BUNDLE, ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** The AUROC printed on the comment's line for the `auroc` check. */
function commentAuroc(comment: string): number {
  // The first value with 6 decimals at or after the line that names the `auroc` check.
  const lines = comment.split('\n');
  const start = lines.findIndex((l) => l.includes('`auroc`'));
  const line = start < 0 ? undefined : lines.slice(start).find((l) => /\d\.\d{6}/.test(l));
  if (!line) throw new Error(`no AUROC line with 6 decimals in the comment:\n${comment}`);
  return Number(/(\d\.\d{6,})/.exec(line)?.[1]);
}

describe('the demo on the bundled example (dist/cli/regops.mjs, as a subprocess)', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'regops-demo-')), 'out');
  let run: ReturnType<typeof runBundle>;
  beforeAll(() => {
    run = runBundle(process.execPath, ['run', '--config', 'examples/pima-diabetes/regops.yml', '--out', out]);
  });

  it('exits 0 and writes the evidence and every document', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^PASS: design control passed \(\d+ pass, 0 fail/);
    expect(readdirSync(out).sort()).toEqual(['evidence.json', ...DOCS].sort());
  });

  it('writes evidence that validates against the committed JSON Schema', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'evidence.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const evidence = JSON.parse(readFileSync(path.join(out, 'evidence.json'), 'utf8'));
    expect(validate(evidence), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(evidence.model.sha256).toBe('77a79587e4e55e355baa009b3b5a5f24bc26fe7dda57d9c5dd523a740f98081f');
    expect(evidence.inputs.map((i: { kind: string }) => i.kind)).toEqual([
      'config',
      'requirements',
      'risks',
      'modelcard',
      'datacard',
      'pccp',
      'dataset',
      'dataset',
      'dataset',
      'model',
      'baseline_model',
      'lockfile',
      'soup',
    ]);
  });

  it("prints the candidate's AUROC equal to the sklearn value in the model's sidecar (to 1e-6)", () => {
    const comment = readFileSync(path.join(out, 'comment.md'), 'utf8');
    expect(Math.abs(commentAuroc(comment) - sidecar.metrics.test.auroc)).toBeLessThan(1e-6);
    const evidence = JSON.parse(readFileSync(path.join(out, 'evidence.json'), 'utf8'));
    const auroc = evidence.results.find((r: { id: string }) => r.id === 'auroc');
    expect(Math.abs(auroc.metrics[0].value - sidecar.metrics.test.auroc)).toBeLessThan(1e-6);
  });

  it('re-renders byte-identical documents from the evidence alone', () => {
    const again = path.join(path.dirname(out), 'again');
    const r = runBundle(process.execPath, [
      'render',
      '--evidence',
      path.join(out, 'evidence.json'),
      '--out',
      again,
    ]);
    expect(r.status).toBe(0);
    for (const f of DOCS)
      expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(out, f))), f).toBe(true);
  });

  it('runs on Node 20 as well (the CLI supports Node >= 20)', () => {
    const node20 = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => {
      if (!existsSync(p)) return false;
      return /^v20\./.test(execFileSync(p, ['--version'], { encoding: 'utf8' }));
    });
    if (!node20) {
      console.warn('no Node 20 binary at /usr/bin/node or /usr/local/bin/node; Node 20 run not exercised');
      return;
    }
    const out20 = path.join(path.dirname(out), 'node20');
    const r = runBundle(node20, ['run', '--config', 'examples/pima-diabetes/regops.yml', '--out', out20]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(0);
    const a = JSON.parse(readFileSync(path.join(out, 'evidence.json'), 'utf8'));
    const b = JSON.parse(readFileSync(path.join(out20, 'evidence.json'), 'utf8'));
    expect(b.results).toEqual(
      a.results.map((x: { duration_ms?: number }) => ({ ...x, duration_ms: expect.any(Number) })),
    );
  });
});

describe('a bound the candidate cannot meet', () => {
  it('fails the gate with exit 1 and names check, observed value, bound and requirement', async () => {
    const dir = copyExample();
    edit(path.join(dir, 'regops.yml'), (t) =>
      t.replace('    metric: auroc\n    min: 0.75', '    metric: auroc\n    min: 0.99'),
    );
    const out = path.join(dir, 'out');
    const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL: design control failed/);
    const comment = readFileSync(path.join(out, 'comment.md'), 'utf8');
    // The failures section comes right after the verdict and names check, observed value, bound, requirement.
    const failures = comment.slice(comment.indexOf('#### Failures'), comment.indexOf('<details>'));
    expect(comment.indexOf('Design control: change blocked')).toBeLessThan(comment.indexOf('#### Failures'));
    expect(failures).toContain('`auroc`');
    expect(failures).toContain('0.822567 < 0.99 (bound ≥ 0.99)');
    expect(failures).toContain('REQ-001');
    expect(Math.abs(commentAuroc(comment) - sidecar.metrics.test.auroc)).toBeLessThan(1e-6);
  });
});

describe('committed JSON Schemas', () => {
  it('equal the schemas generated from the zod sources', () => {
    for (const [name, text] of Object.entries(allSchemas())) {
      expect(
        readFileSync(path.join(ROOT, 'schema', name), 'utf8'),
        `schema/${name} is stale: run npm run schema`,
      ).toBe(text);
    }
  });

  it('accept the example regops.yml', async () => {
    const r = await cli(['validate', '--config', path.join(EXAMPLE, 'regops.yml')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /regops\.yml: valid \(28 checks, 18 requirements, 6 hazards, 13 input files hashed\)/,
    );
  });
});
