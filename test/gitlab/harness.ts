// The gitlab-ci-local harness: a bundle of the CLI with `regops gitlab` (test/gitlab/entry.ts), a fixture git
// repository holding the Pima example and the components, and a runner for gitlab-ci-local (shell executor,
// Node 24 from node_modules/.bin) with CI_* variables pointing at the local GitLab API.
//
// Components from a catalog need a GitLab server. GitLab's own way to test a component inside its project is
// `component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/<name>@$CI_COMMIT_SHA`, which resolves to templates/<name>.yml
// of the pipeline's own commit; gitlab-ci-local resolves exactly that form from the working tree (same project
// path as the git remote, same SHA). So the fixture repository carries gitlab-templates/templates/ as its
// templates/, and its .gitlab-ci.yml is the README's include with the address rewritten by `componentRef`.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './fixtures';

export const EXAMPLE = path.join(ROOT, 'examples', 'pima-diabetes');
export const TEMPLATES = path.join(ROOT, 'gitlab-templates', 'templates');
/** Inside the repository's node_modules, so the bundle resolves onnxruntime-node as dist/ bundles do. */
export const BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'regops-gitlab-test', 'regops.mjs');
const BIN = path.join(ROOT, 'node_modules', '.bin');

/** Bundles test/gitlab/entry.ts like scripts/build.mjs bundles the CLI (templates as text, ONNX runtime external). */
export async function buildBundle(): Promise<string> {
  const rawPlugin = {
    name: 'raw',
    setup(b: import('esbuild').PluginBuild) {
      b.onResolve({ filter: /\?raw$/ }, (args) => ({
        path: path.resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)),
        namespace: 'raw',
      }));
      b.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({
        contents: readFileSync(args.path, 'utf8'),
        loader: 'text',
      }));
    },
  };
  await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'test', 'gitlab', 'entry.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['onnxruntime-node'],
    banner: {
      js: "import { createRequire as __regopsCreateRequire } from 'node:module';\nconst require = __regopsCreateRequire(import.meta.url);",
    },
    plugins: [rawPlugin],
    logLevel: 'error',
  });
  return BUNDLE;
}

/** The address the test uses for a component: the fixture project's own templates at its own commit. */
export const componentRef = (name: string) => `$CI_SERVER_FQDN/$CI_PROJECT_PATH/${name}@$CI_COMMIT_SHA`;

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'RegOps Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'RegOps Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

const created: string[] = [];

/** Removes every fixture repository made so far (call it in afterAll). */
export function removeFixtureRepos(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface FixtureRepo {
  dir: string;
  /** The merge request's target (main) and head (feature/retrain) commits. */
  baseSha: string;
  headSha: string;
}

/**
 * A git repository holding the Pima example at its root, the components under templates/, and the given
 * .gitlab-ci.yml: main has the example, feature/retrain one more commit (checked out), origin is
 * https://gitlab.example.com/acme/pima.git (project path acme/pima, as the mock serves).
 */
export function fixtureRepo(ciYml: string): FixtureRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'regops-gitlab-'));
  created.push(dir);
  cpSync(EXAMPLE, dir, { recursive: true });
  cpSync(TEMPLATES, path.join(dir, 'templates'), { recursive: true });
  writeFileSync(path.join(dir, '.gitlab-ci.yml'), ciYml);
  writeFileSync(path.join(dir, '.gitignore'), 'regops-out/\n.gitlab-ci-local/\n.regops-npm/\n');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'remote', 'add', 'origin', 'https://gitlab.example.com/acme/pima.git');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Pima example with the RegOps components');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'update-ref', 'refs/remotes/origin/main', baseSha);
  git(dir, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  git(dir, 'checkout', '-q', '-b', 'feature/retrain');
  writeFileSync(path.join(dir, 'CHANGELOG.md'), '# Changelog\n\n- Retrained the candidate model.\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Retrain the candidate model');
  return { dir, baseSha, headSha: git(dir, 'rev-parse', 'HEAD') };
}

/** Changes a file of the fixture repository and commits it (a push to the merge request's branch). */
export function commitFile(repo: FixtureRepo, file: string, change: (text: string) => string): void {
  const abs = path.join(repo.dir, file);
  const before = existsSync(abs) ? readFileSync(abs, 'utf8') : '';
  const after = change(before);
  if (after === before) throw new Error(`the change of ${file} changed nothing`);
  writeFileSync(abs, after);
  git(repo.dir, 'add', file);
  git(repo.dir, 'commit', '-q', '-m', `Change ${file}`);
  repo.headSha = git(repo.dir, 'rev-parse', 'HEAD');
}

/** The predefined variables of a merge request pipeline for !7, against the mock API. */
export function mrVariables(repo: FixtureRepo, apiUrl: string): Record<string, string> {
  // CI_PROJECT_DIR is left as gitlab-ci-local sets it: for a job with an image, the container path
  // /builds/acme/pima even on the shell executor, which does not exist here, so RegOps uses the job's
  // working directory (the checkout, or its copy under --shell-isolation).
  return {
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_API_V4_URL: apiUrl,
    CI_MERGE_REQUEST_IID: '7',
    CI_MERGE_REQUEST_PROJECT_ID: '1217',
    CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '1217',
    CI_MERGE_REQUEST_PROJECT_URL: 'https://gitlab.example.com/acme/pima',
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/retrain',
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_MERGE_REQUEST_DIFF_BASE_SHA: repo.baseSha,
    CI_MERGE_REQUEST_EVENT_TYPE: 'detached',
    CI_MERGE_REQUEST_TITLE: 'Retrain the candidate model',
    CI_MERGE_REQUEST_LABELS: 'retrain,model',
  };
}

export interface CiRun {
  code: number;
  output: string;
  ms: number;
}

/**
 * Runs gitlab-ci-local in the fixture repository: every job on the shell executor (the components name an
 * image; there is no container engine here), the given variables and component inputs.
 */
export function gitlabCiLocal(
  repo: FixtureRepo,
  options: { variables?: Record<string, string>; inputs?: Record<string, string>; args?: string[] } = {},
): Promise<CiRun> {
  const variables = options.variables ?? {};
  const args = [
    '--force-shell-executor',
    '--no-color',
    '--max-job-name-padding',
    '0',
    '--ignore-predefined-vars',
    Object.keys(variables).join(',') || 'CI',
    ...Object.entries(variables).flatMap(([k, v]) => ['--variable', `${k}=${v}`]),
    ...Object.entries(options.inputs ?? {}).flatMap(([k, v]) => ['--input', `${k}=${v}`]),
    ...(options.args ?? []),
  ];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, 'gitlab-ci-local'), args, {
      cwd: repo.dir,
      env: {
        ...process.env,
        // Node 24 from the devDependency first: gitlab-ci-local needs Node 22 or later, and the jobs run `node`.
        PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`,
        FORCE_COLOR: '0',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output, ms: Date.now() - started }));
  });
}

/** The artifacts gitlab-ci-local kept for a job (what GitLab would upload), as a directory. */
export function artifactsOf(repo: FixtureRepo, job: string): string {
  return path.join(repo.dir, '.gitlab-ci-local', 'artifacts', job);
}

/** The dotenv report of a job as an object. */
export function dotenv(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}
