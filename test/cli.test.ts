import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, EXAMPLE, ROOT } from './helpers';

describe('regops --help', () => {
  it('has help for the tool and every command', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    for (const cmd of ['run', 'validate', 'schema', 'render']) {
      expect(top.out).toContain(`  ${cmd} `);
      const r = await cli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: regops ${cmd}`));
    }
  });

  it('prints the version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await cli(['--version'])).out).toBe(`${pkg.version}\n`);
  });
});

describe('schema/regops.schema.json', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'regops.schema.json'), 'utf8'));
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
  const example = parse(readFileSync(path.join(EXAMPLE, 'regops.yml'), 'utf8'));

  it('accepts the example config, as an editor would', () => {
    expect(validate(example), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects an unknown key and a wrong type, as the loader does', () => {
    expect(validate({ ...example, gate: { fail_onn: ['fail'] } })).toBe(false);
    const checks = structuredClone(example.checks);
    const auroc = checks.findIndex((c: { id: string }) => c.id === 'auroc');
    checks[auroc].min = 'high';
    expect(validate({ ...example, checks })).toBe(false);
  });
});
