import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { targetRef } from '@regops/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, copyExample, edit } from './helpers';

/**
 * A PR-like repository built with the real git: on `main` the model file is the logistic-regression baseline;
 * the branch `pr` replaces that same file with the gradient-boosted candidate. `baseline.from: git` must read
 * the baseline at the merge-base, and the evidence must say which commit and file it used.
 */
const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=RegOps Test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();

const sha256 = (file: string) =>
  execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0] as string;

describe('baseline from git (merge-base of HEAD and the target branch)', () => {
  let dir: string;
  let base: string;
  const logreg = () => path.join(dir, 'models/pima_logreg_baseline.onnx');
  const hgb = () => path.join(dir, 'models/pima_hgb_candidate.onnx');

  beforeAll(() => {
    dir = copyExample();
    // The model is one file, models/model.onnx, retrained in place by the PR.
    copyFileSync(logreg(), path.join(dir, 'models/model.onnx'));
    edit(path.join(dir, 'regops.yml'), (t) =>
      t
        .replace('  path: models/pima_hgb_candidate.onnx', '  path: models/model.onnx')
        .replace(
          /baseline:\n {2}model: models\/pima_logreg_baseline.onnx\n/,
          'baseline:\n  from: git\n  ref: main\n',
        ),
    );
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'released model');
    base = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'checkout', '-q', '-b', 'pr');
    copyFileSync(hgb(), path.join(dir, 'models/model.onnx'));
    git(dir, 'commit', '-q', '-am', 'retrain');
    // main moves on after the branch point: the merge-base, not main's tip, is the baseline.
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'later work on main');
    git(dir, 'checkout', '-q', 'pr');
  });

  it('reads the model at the merge-base and records commit, ref and hash', async () => {
    const out = path.join(dir, 'out');
    const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', out]);
    expect(r.err).not.toMatch(/error/);
    const e = JSON.parse(readFileSync(path.join(out, 'evidence.json'), 'utf8'));
    expect(e.baseline).toEqual({
      source: 'git',
      ref: 'main',
      sha: base,
      model: `models/model.onnx@${base.slice(0, 7)}`,
    });
    // The baseline is the logistic regression as committed on main, the candidate the retrained file.
    expect(e.baseline_model.sha256).toBe(sha256(logreg()));
    expect(e.model.sha256).toBe(sha256(hgb()));
    const input = e.inputs.find((i: { kind: string }) => i.kind === 'baseline_model');
    expect(input).toMatchObject({ path: `models/model.onnx@${base.slice(0, 7)}`, sha256: sha256(logreg()) });
  });

  it('an unknown target branch is exit 2 with what to do', async () => {
    edit(path.join(dir, 'regops.yml'), (t) => t.replace('  ref: main\n', '  ref: origin/develop\n'));
    const r = await cli(['run', '--config', path.join(dir, 'regops.yml'), '--out', path.join(dir, 'out2')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^regops: error: baseline: cannot find the merge-base of HEAD and origin\/develop \(from baseline\.ref\): .*Fetch the target branch with its history \(actions\/checkout fetch-depth: 0; GitLab GIT_DEPTH: 0\)\.\n$/,
    );
    expect(r.err).not.toMatch(/\n\s+at /);
    edit(path.join(dir, 'regops.yml'), (t) => t.replace('  ref: origin/develop\n', '  ref: main\n'));
  });

  it('a model path that does not exist at the merge-base names the file and the commit', async () => {
    edit(path.join(dir, 'regops.yml'), (t) =>
      t.replace('  from: git\n', '  from: git\n  model: models/old.onnx\n'),
    );
    const r = await cli(['validate', '--config', path.join(dir, 'regops.yml')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `regops: error: baseline.model: models/old.onnx does not exist at ${base.slice(0, 7)} (the merge-base of HEAD and main); set baseline.model to the model's path on the target branch\n`,
    );
    edit(path.join(dir, 'regops.yml'), (t) => t.replace('  model: models/old.onnx\n', ''));
  });
});

describe('targetRef: the target branch from the config or the CI platform', () => {
  it('prefers baseline.ref, then GitLab’s diff base SHA, then GitHub’s base ref', () => {
    expect(targetRef('origin/release', { GITHUB_BASE_REF: 'main' })).toEqual({
      ref: 'origin/release',
      from: 'baseline.ref',
    });
    expect(
      targetRef(undefined, { CI_MERGE_REQUEST_DIFF_BASE_SHA: 'abc123', GITHUB_BASE_REF: 'main' }),
    ).toEqual({
      ref: 'abc123',
      from: 'CI_MERGE_REQUEST_DIFF_BASE_SHA',
    });
    expect(targetRef(undefined, { GITHUB_BASE_REF: 'main' })).toEqual({
      ref: 'origin/main',
      from: 'GITHUB_BASE_REF',
    });
    expect(targetRef(undefined, { CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'dev' })).toEqual({
      ref: 'origin/dev',
      from: 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME',
    });
    expect(targetRef(undefined, {})).toBeNull();
  });
});
