// A fresh clone with no node_modules runs the model-test bundle as the runner would, and reports the Pima
// candidate's AUROC: the ONNX runtime comes from the vendored dist/node_modules, nothing else is installed.
//
// "The clone" is every file git would put in a commit of this work tree (`git ls-files --cached --others
// --exclude-standard`: tracked files plus new files that .gitignore does not exclude), copied into an empty
// directory. So it also proves that .gitignore lets dist/node_modules into the repository. The workspace the action
// runs on is a separate directory (on a runner the action lives under _actions/, the checkout elsewhere).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GithubMock, startGithubMock } from './github/mock-server.js';
import { HEAD_SHA, readEvent, runBundle } from './github-harness';
import { ROOT } from './helpers';

let clone: string;
let ws: string;
let gh: GithubMock;

function nodeModulesIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const p = path.join(d, e.name);
      if (e.name === 'node_modules') found.push(path.relative(dir, p));
      else walk(p);
    }
  };
  walk(dir);
  return found;
}

beforeAll(async () => {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((f) => f !== '' && existsSync(path.join(ROOT, f)));
  clone = mkdtempSync(path.join(tmpdir(), 'regops-clone-'));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(clone, f)), { recursive: true });
    copyFileSync(path.join(ROOT, f), path.join(clone, f));
  }
  ws = path.join(mkdtempSync(path.join(tmpdir(), 'regops-clone-ws-')), 'checkout');
  mkdirSync(ws);
  for (const f of files.filter((x) => x.startsWith('examples/pima-diabetes/'))) {
    const to = path.join(ws, path.relative('examples/pima-diabetes', f));
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(clone, f), to);
  }
  gh = await startGithubMock();
  gh.state.seedPullFromEvent(readEvent('pull_request.opened.json'));
});

afterAll(async () => {
  gh.assertNoViolations();
  await gh.close();
  rmSync(clone, { recursive: true, force: true });
});

describe('a fresh clone without node_modules', () => {
  it('holds the bundles and the vendored runtime, and no other node_modules', () => {
    expect(nodeModulesIn(clone)).toEqual(['dist/node_modules']);
    expect(readdirSync(path.join(clone, 'dist', 'node_modules')).sort()).toEqual([
      'VENDORED.md',
      'onnxruntime-common',
      'onnxruntime-node',
    ]);
    expect(
      existsSync(
        path.join(clone, 'dist/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1'),
      ),
    ).toBe(true);
  });

  it("runs the model-test bundle as the runner would and reports the Pima candidate's AUROC", async () => {
    const run = await runBundle({
      action: 'model-test',
      workspace: ws,
      mock: gh,
      bundle: path.join(clone, 'dist', 'actions', 'model-test', 'index.mjs'),
    });
    expect(run.log).not.toMatch(/internal error|ERR_MODULE_NOT_FOUND|\n\s+at /);
    expect(run.code).toBe(0);
    const auroc = JSON.parse(run.outputs.metrics ?? '{}').auroc?.auroc;
    console.log(`fresh clone, model-test bundle: Pima candidate AUROC ${auroc}`);
    expect(auroc).toBeCloseTo(0.8226, 4);
    expect(run.log).toMatch(/✅ auroc pass: AUROC 0\.8226; 95% CI 0\.7570–0\.8812 \(bound ≥ 0\.75\)/);
    const evidence = JSON.parse(readFileSync(run.outputs.evidence ?? '', 'utf8'));
    expect(evidence.model.sha256).toBe('77a79587e4e55e355baa009b3b5a5f24bc26fe7dda57d9c5dd523a740f98081f');
    expect(evidence.run.platform).toBe('github');
    expect(gh.state.checkRunsFor(HEAD_SHA).map((c) => [c.name, c.conclusion])).toEqual([
      ['regops/model-test', 'success'],
    ]);
  });

  it('a runtime that cannot load is one clear line, not a stack trace', async () => {
    rmSync(path.join(clone, 'dist/node_modules/onnxruntime-node/bin'), { recursive: true });
    const run = await runBundle({
      action: 'model-test',
      workspace: ws,
      bundle: path.join(clone, 'dist', 'actions', 'model-test', 'index.mjs'),
    });
    expect(run.code).toBe(2);
    expect(run.log).toMatch(/::error::the ONNX runtime bundled with RegOps could not be loaded/);
    expect(run.log).not.toMatch(/\n\s+at /);
  });
});
