// The CI/CD components in gitlab-templates/templates: typed spec:inputs that agree with the jobs of
// packages/gitlab (defaults, options), a script whose every flag `regops gitlab` understands, the rules, the
// artifacts and reports; the README's examples; and `regops gitlab lint` for inputs GitLab would refuse.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  COMPONENT_SOURCES,
  checkComponentInputs,
  componentInputs,
  GITLAB_JOB_SPECS,
  GITLAB_JOBS,
  lintCiConfig,
  parseGitlabArgs,
  runGitlab,
} from '../packages/gitlab/src/index';
import { ROOT } from './gitlab/fixtures';

const DIR = path.join(ROOT, 'gitlab-templates', 'templates');
const README = readFileSync(path.join(ROOT, 'gitlab-templates', 'README.md'), 'utf8');

interface Job {
  stage: string;
  image: string;
  allow_failure: string;
  rules: { if: string }[];
  script: string[];
  needs?: { job: string; artifacts: boolean }[];
  artifacts: {
    when: string;
    expose_as: string;
    paths: string[];
    reports: { junit: string; dotenv: string };
  };
}

/** The job of a component with every input at its default, interpolated as GitLab does. */
function renderJob(name: string): { key: string; job: Job } {
  const source = readFileSync(path.join(DIR, `${name}.yml`), 'utf8');
  const inputs = componentInputs(source);
  const body = source
    .slice(source.indexOf('\n---\n') + 5)
    .replace(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g, (_, k: string) => String(inputs[k]?.default));
  const [doc] = parseAllDocuments(body);
  const jobs = doc?.toJS() as Record<string, Job>;
  const [key] = Object.keys(jobs);
  return { key: key ?? '', job: jobs[key ?? ''] as Job };
}

describe('the components', () => {
  it('one per job, each bundled for lint exactly as committed', () => {
    expect(readdirSync(DIR).sort()).toEqual(GITLAB_JOBS.map((j) => `${j}.yml`).sort());
    for (const name of GITLAB_JOBS) {
      expect(COMPONENT_SOURCES[name]).toBe(readFileSync(path.join(DIR, `${name}.yml`), 'utf8'));
    }
  });

  it('typed inputs, each with a description and a default of its type (and among its options)', () => {
    for (const name of GITLAB_JOBS) {
      const inputs = componentInputs(COMPONENT_SOURCES[name]);
      for (const [input, spec] of Object.entries(inputs)) {
        expect(spec.description.length, `${name}.${input}`).toBeGreaterThan(10);
        expect(typeof spec.default, `${name}.${input}`).toBe(spec.type);
        if (spec.options) expect(spec.options, `${name}.${input}`).toContain(spec.default);
      }
      expect(checkComponentInputs(name, inputs, {}), name).toEqual([]);
      expect(Object.keys(inputs)).toEqual(
        expect.arrayContaining([
          'stage',
          'out',
          'image',
          'regops',
          'token_variable',
          'fail_on_unposted',
          'allow_failure',
        ]),
      );
      expect(inputs.image?.default).toBe('node:24');
      expect(inputs.token_variable).toMatchObject({
        default: 'REGOPS_GITLAB_TOKEN',
        regex: '^[A-Za-z_][A-Za-z0-9_]*$',
      });
    }
  });

  it('defaults agree with the jobs, and every flag of the script is understood by `regops gitlab`', () => {
    for (const name of GITLAB_JOBS) {
      const spec = GITLAB_JOB_SPECS[name];
      const inputs = componentInputs(COMPONENT_SOURCES[name]);
      expect(inputs.out?.default, name).toBe(spec.out);
      expect(inputs.status_name?.default, name).toBe(spec.statusName);
      if (spec.designReview !== 'false') expect(inputs.design_review?.default, name).toBe(spec.designReview);
      else expect(inputs.design_review, name).toBeUndefined();
      const { job } = renderJob(name);
      const [command] = job.script;
      const argv = (command ?? '').split(/\s+/).map((a) => a.replace(/="(.*)"$/, '=$1'));
      expect(argv.slice(0, 5)).toEqual(['npx', '--yes', 'regops@0.1.0', 'gitlab', name]);
      const parsed = parseGitlabArgs(argv.slice(4));
      if (parsed === 'help') throw new Error('help');
      expect(parsed).toMatchObject({
        job: name,
        out: spec.out,
        statusName: spec.statusName,
        designReview: spec.designReview,
        tokenVariable: 'REGOPS_GITLAB_TOKEN',
        comment: true,
        status: true,
        failOnGate: true,
        failOnUnposted: false,
      });
    }
  });

  it('rules for merge requests, tags and the default branch; reports and artifacts always', () => {
    for (const name of GITLAB_JOBS) {
      const { key, job } = renderJob(name);
      expect(key).toBe(name === 'full' ? 'regops' : `regops-${name}`);
      expect(job.rules.map((r) => r.if)).toEqual([
        '$CI_PIPELINE_SOURCE == "merge_request_event"',
        '$CI_COMMIT_TAG',
        '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
      ]);
      const out = GITLAB_JOB_SPECS[name].out;
      expect(job.artifacts).toMatchObject({
        when: 'always',
        paths: [`${out}/report.html`, `${out}/`],
        reports: { junit: `${out}/junit.xml`, dotenv: `${out}/regops.env` },
      });
      expect(job.artifacts.expose_as).toMatch(/^[\w\- ]+$/);
      if (name === 'docs') expect(job.needs).toEqual([{ job: 'regops', artifacts: true }]);
    }
  });
});

describe('the README', () => {
  const blocks = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

  it('its include examples pass lint', () => {
    const includes = blocks.filter((b) => b.includes('component:'));
    expect(includes.length).toBeGreaterThanOrEqual(2);
    expect(includes[0]?.trim().split('\n')).toHaveLength(2);
    for (const b of includes) expect(lintCiConfig(b)).toMatchObject({ checked: 1, problems: [] });
  });

  it('the lint excerpt is what lint says', () => {
    const { problems } = lintCiConfig(
      'include:\n  - component: $CI_SERVER_FQDN/regops/regops-components/gate@0.1.0\n    inputs:\n      fail_on_unpost: true\n      comment: "no"\n',
    );
    const excerpt = README.slice(README.indexOf('regops: error: 2 problems:'));
    for (const p of problems) expect(excerpt).toContain(`  - ${p.split(', config, ')[0]}`);
    expect(problems).toHaveLength(2);
  });
});

describe('bad component inputs, as GitLab refuses them', () => {
  const lint = (inputs: string) =>
    lintCiConfig(
      `include:\n  - component: gitlab.example.com/acme/components/full@1.0.0\n    inputs:\n${inputs}`,
    ).problems;

  it('an unknown input, a wrong type, a value outside the options, a token instead of its variable name', () => {
    expect(lint('      fail_on_unposed: true\n')).toEqual([
      expect.stringMatching(
        /^\.gitlab-ci\.yml: include\[0\] full: unknown input fail_on_unposed \(did you mean fail_on_unposted\?\); the inputs are job_name, stage, config, out,/,
      ),
    ]);
    expect(lint('      allow_failure: "true"\n')).toEqual([
      '.gitlab-ci.yml: include[0] full: input allow_failure must be a boolean, got the string "true" (write true or false without quotes)',
    ]);
    expect(lint('      design_review: maybe\n')).toEqual([
      '.gitlab-ci.yml: include[0] full: input design_review must be one of "auto", "true", "false", got "maybe"',
    ]);
    expect(lint('      token_variable: glpat-XXXXXXXXXXXXXXXXXXXX\n')[0]).toMatch(
      /^\.gitlab-ci\.yml: include\[0\] full: input token_variable "glpat-X+" does not match \^\[A-Za-z_\]\[A-Za-z0-9_\]\*\$: NAME of the CI\/CD variable/,
    );
    expect(lint('      config: regops.yml\n')).toEqual([]);
    // Components that are not RegOps' are not checked.
    expect(
      lintCiConfig('include:\n  - component: gitlab.example.com/other/x/deploy@1\n    inputs: { a: 1 }\n'),
    ).toEqual({
      checked: 0,
      problems: [],
    });
  });

  it('a required input that is missing', () => {
    const spec = {
      ...componentInputs(COMPONENT_SOURCES.docs),
      evidence_job: { type: 'string' as const, description: 'The job that made the evidence.' },
    };
    expect(checkComponentInputs('docs', spec, {})).toEqual([
      'docs: input evidence_job is required: The job that made the evidence.',
    ]);
  });

  it('`regops gitlab lint` exits 2 with every problem, 0 when the inputs are valid', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regops-lint-'));
    const file = path.join(dir, '.gitlab-ci.yml');
    writeFileSync(
      file,
      'include:\n  - component: gitlab.example.com/acme/c/gate@1\n    inputs:\n      comment: no\n      statuss: true\n',
    );
    let err = '';
    let out = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
    expect(await runGitlab(['lint', '--file', file], io)).toBe(2);
    expect(err).toContain('regops: error: 2 problems:');
    expect(err).toContain('gate: input comment must be a boolean, got the string "no"');
    expect(err).toContain('gate: unknown input statuss (did you mean status?)');
    writeFileSync(
      file,
      'include:\n  - component: gitlab.example.com/acme/c/gate@1\n    inputs:\n      comment: false\n',
    );
    expect(await runGitlab(['lint', '--file', file], io)).toBe(0);
    expect(out).toBe(`${file}: 1 RegOps component include(s), inputs valid\n`);
    rmSync(dir, { recursive: true, force: true });
  });
});
