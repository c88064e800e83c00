/**
 * Baseline resolution: which model (and config) a change is compared with.
 *
 * - `baseline.model` alone: a file in the working tree (e.g. the released model kept beside the candidate).
 * - `baseline.from: git`: the files as they were at the merge-base of HEAD and the target branch, read with
 *   `git merge-base` and `git show <sha>:<path>` (no network; the checkout must have the target branch's
 *   history, e.g. `fetch-depth: 0` on GitHub, `GIT_DEPTH: 0` on GitLab). The target branch is `baseline.ref`,
 *   else the platform's variables (GITHUB_BASE_REF, CI_MERGE_REQUEST_DIFF_BASE_SHA,
 *   CI_MERGE_REQUEST_TARGET_BRANCH_NAME), else an error that says what to set. The model path at the base is
 *   `baseline.model` when given, else `model.path` (a PR that retrains the model in place).
 *   The baseline's regops.yml at that commit is read too (when it exists) for frozen-item comparisons.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Baseline } from './check';
import type { RegopsConfig } from './config';
import { InputError } from './errors';

function git(cwd: string, args: string[]): { ok: true; out: Buffer } | { ok: false; message: string } {
  try {
    return { ok: true, out: execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    const err = e as { stderr?: Buffer; code?: string; message: string };
    if (err.code === 'ENOENT') return { ok: false, message: 'git is not installed' };
    const text = err.stderr?.toString('utf8').trim().split('\n')[0] ?? err.message;
    return { ok: false, message: text };
  }
}

/** The target branch or commit the change will merge into, from the config or the CI platform. */
export function targetRef(
  configured: string | undefined,
  env: NodeJS.ProcessEnv,
): { ref: string; from: string } | null {
  if (configured) return { ref: configured, from: 'baseline.ref' };
  if (env.CI_MERGE_REQUEST_DIFF_BASE_SHA) {
    return { ref: env.CI_MERGE_REQUEST_DIFF_BASE_SHA, from: 'CI_MERGE_REQUEST_DIFF_BASE_SHA' };
  }
  if (env.GITHUB_BASE_REF) return { ref: `origin/${env.GITHUB_BASE_REF}`, from: 'GITHUB_BASE_REF' };
  if (env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME) {
    return {
      ref: `origin/${env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME}`,
      from: 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME',
    };
  }
  return null;
}

/** Path of `file` (relative to the config directory) from the repository root, with forward slashes. */
function repoPath(repoRoot: string, rootDir: string, file: string): string {
  return path.relative(repoRoot, path.resolve(rootDir, file)).split(path.sep).join('/');
}

export interface BaselineOptions {
  rootDir: string;
  /** The config file's path relative to rootDir (to read the baseline's config at the same place). */
  configFile: string;
  config: RegopsConfig;
  env?: NodeJS.ProcessEnv;
}

/**
 * The baseline the config declares: null without `baseline:`; the working-tree file for `baseline.model`;
 * files read from git for `baseline.from: git`. Throws InputError (exit 2) naming the setting and what to do
 * when git, the ref, the merge-base or the file at that commit is missing.
 */
export function resolveBaseline({
  rootDir,
  configFile,
  config,
  env = process.env,
}: BaselineOptions): Baseline | null {
  const b = config.baseline;
  if (!b) return null;
  if (b.from !== 'git') {
    if (b.model === undefined) return null;
    return { source: 'path', modelPath: path.resolve(rootDir, b.model), modelDisplay: b.model, config: null };
  }
  const target = targetRef(b.ref, env);
  if (!target) {
    throw new InputError(
      'baseline.from is git, but no target branch is known: set baseline.ref (e.g. origin/main), or run in a pull/merge request pipeline (GITHUB_BASE_REF, CI_MERGE_REQUEST_DIFF_BASE_SHA)',
    );
  }
  const top = git(rootDir, ['rev-parse', '--show-toplevel']);
  if (!top.ok)
    throw new InputError(`baseline.from is git, but ${rootDir} is not in a git work tree (${top.message})`);
  const repoRoot = top.out.toString('utf8').trim();
  const base = git(rootDir, ['merge-base', 'HEAD', target.ref]);
  if (!base.ok) {
    throw new InputError(
      `baseline: cannot find the merge-base of HEAD and ${target.ref} (from ${target.from}): ${base.message}. Fetch the target branch with its history (actions/checkout fetch-depth: 0; GitLab GIT_DEPTH: 0).`,
    );
  }
  const sha = base.out.toString('utf8').trim();
  const short = sha.slice(0, 7);
  const modelRel = b.model ?? config.model?.path;
  if (modelRel === undefined) {
    throw new InputError(
      'baseline.from is git, but neither baseline.model nor model.path names the model file',
    );
  }
  const modelInRepo = repoPath(repoRoot, rootDir, modelRel);
  const blob = git(repoRoot, ['show', `${sha}:${modelInRepo}`]);
  if (!blob.ok) {
    throw new InputError(
      `baseline.model: ${modelInRepo} does not exist at ${short} (the merge-base of HEAD and ${target.ref}); set baseline.model to the model's path on the target branch`,
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'regops-baseline-'));
  // The copy lives for this process only.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const modelPath = path.join(dir, path.basename(modelInRepo));
  writeFileSync(modelPath, blob.out);
  let baseConfig: Record<string, unknown> | null = null;
  const cfg = git(repoRoot, ['show', `${sha}:${repoPath(repoRoot, rootDir, configFile)}`]);
  if (cfg.ok) {
    try {
      const parsed: unknown = parseYaml(cfg.out.toString('utf8'));
      baseConfig = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
    } catch {
      baseConfig = null;
    }
  }
  return {
    source: 'git',
    sha,
    ref: target.ref,
    modelPath,
    modelDisplay: `${modelRel}@${short}`,
    config: baseConfig,
  };
}
