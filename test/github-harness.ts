// Runs a committed action bundle the way the GitHub runner does: `node dist/actions/<name>/index.mjs` as a child
// process on Node 24 (the runner's node24), inputs as INPUT_<NAME> (upper case, hyphens kept), GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, the event payload at GITHUB_EVENT_PATH and GITHUB_API_URL pointing at the offline
// GitHub API (test/github/mock-server.ts). Nothing of the test process's environment leaks in but PATH and HOME.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GithubMock } from './github/mock-server.js';
import { EXAMPLE, ROOT } from './helpers';

export const EVENTS = path.join(ROOT, 'test', 'fixtures', 'github', 'events');
/** Head of PR #2 in the webhook fixtures. */
export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** GITHUB_SHA of a pull_request run: the merge commit, not the head. */
export const MERGE_SHA = '5e1f2d3c4b5a69788796a5b4c3d2e1f009182736';

/** The Node 24 the runner uses for `runs.using: node24` (the `node` devDependency), else this process's node. */
export function node24(): string {
  const bin = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
  return existsSync(bin) ? realpathSync(bin) : process.execPath;
}

export function readEvent(name: string): { pull_request: Record<string, unknown>; [key: string]: unknown } {
  return JSON.parse(readFileSync(path.join(EVENTS, name), 'utf8'));
}

/** A copy of the Pima example as the workflow's checkout (GITHUB_WORKSPACE). */
export function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'regops-gh-ws-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

/**
 * webhooks-examples 7.6.1 has no fork pull request, so this is pull_request.opened.json with the head repository
 * changed to a fork (id, full_name, owner, fork: true), as the fixtures' README suggests.
 */
export function forkEventFile(): string {
  const event = readEvent('pull_request.opened.json');
  const head = event.pull_request.head as { repo: Record<string, unknown> };
  head.repo = {
    ...head.repo,
    id: 999000111,
    full_name: 'contributor/Hello-World',
    fork: true,
    owner: { ...(head.repo.owner as object), login: 'contributor', id: 31337 },
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'regops-gh-event-')), 'fork.json');
  writeFileSync(file, JSON.stringify(event));
  return file;
}

export function writeEventFile(payload: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'regops-gh-event-')), 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<delimiter` … `delimiter`. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const [, name, delimiter] = m as unknown as [string, string, string];
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '');
    out[name] = value.join('\n');
  }
  return out;
}

export interface BundleRun {
  code: number | null;
  /** stdout and stderr, interleaved as written. */
  log: string;
  outputs: Record<string, string>;
  summary: string;
  ms: number;
}

export interface BundleOptions {
  action: string;
  workspace: string;
  mock?: GithubMock;
  /** Event name and payload file; default pull_request with pull_request.opened.json. */
  event?: { name: string; path: string };
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** The bundle to run (a fresh clone's); default the committed dist/actions/<action>/index.mjs. */
  bundle?: string;
}

export async function runBundle(options: BundleOptions): Promise<BundleRun> {
  const files = mkdtempSync(path.join(tmpdir(), 'regops-gh-run-'));
  const output = path.join(files, 'output');
  const summary = path.join(files, 'summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const event = options.event ?? {
    name: 'pull_request',
    path: path.join(EVENTS, 'pull_request.opened.json'),
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? files,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: event.path,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: 'refs/pull/2/merge',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.mock?.url ?? 'http://127.0.0.1:9',
    RUNNER_TEMP: files,
    ...Object.fromEntries(
      Object.entries({ token: 'ghs_mockGithubToken', ...options.inputs }).map(([k, v]) => [
        `INPUT_${k.toUpperCase()}`,
        v,
      ]),
    ),
    ...options.env,
  };
  const bundle = options.bundle ?? path.join(ROOT, 'dist', 'actions', options.action, 'index.mjs');
  const started = performance.now();
  const { code, log } = await new Promise<{ code: number | null; log: string }>((resolve, reject) => {
    const child = spawn(node24(), [bundle], {
      cwd: options.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
  return {
    code,
    log,
    outputs: parseOutputs(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
    ms: Math.round(performance.now() - started),
  };
}
