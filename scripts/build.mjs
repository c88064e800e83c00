#!/usr/bin/env node
// Builds the committed bundles in dist/ with esbuild. `--check` builds into a temporary directory and fails
// when the result differs from what is committed, so dist/ always matches the sources.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const outRoot = check ? mkdtempSync(path.join(tmpdir(), 'regops-dist-')) : path.join(root, 'dist');

/** Files imported with a `?raw` suffix become their text (templates). */
const rawPlugin = {
  name: 'raw',
  setup(b) {
    // Paths relative to the repository, so the bundle is the same whatever folder it is built in.
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: path
        .relative(root, path.resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)))
        .split(path.sep)
        .join('/'),
      namespace: 'raw',
    }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({
      contents: readFileSync(path.join(root, args.path), 'utf8'),
      loader: 'text',
    }));
  },
};

const entries = [{ in: 'packages/cli/src/bin.ts', out: 'cli/regops' }];

await build({
  absWorkingDir: root,
  entryPoints: entries.map((e) => ({ in: e.in, out: e.out })),
  outdir: outRoot,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The native ONNX runtime stays a real package: it cannot be inlined into a JavaScript bundle.
  external: ['onnxruntime-node'],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __regopsCreateRequire } from 'node:module';\nconst require = __regopsCreateRequire(import.meta.url);",
  },
  legalComments: 'eof',
  plugins: [rawPlugin],
  logLevel: 'warning',
});

if (check) {
  const list = (dir) =>
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => statSync(path.join(dir, f)).isFile())
      .sort();
  const committed = path.join(root, 'dist');
  const built = list(outRoot);
  let have = [];
  try {
    have = list(committed);
  } catch {
    have = [];
  }
  const problems = [];
  for (const f of built) {
    if (!have.includes(f)) problems.push(`dist/${f} is missing`);
    else if (!readFileSync(path.join(committed, f)).equals(readFileSync(path.join(outRoot, f)))) {
      problems.push(`dist/${f} differs from a fresh build`);
    }
  }
  for (const f of have) if (!built.includes(f)) problems.push(`dist/${f} is not produced by the build`);
  rmSync(outRoot, { recursive: true, force: true });
  if (problems.length > 0) {
    console.error(
      `check-dist: the committed bundles do not match the sources:\n  ${problems.join('\n  ')}\nRun: npm run build, and commit dist/.`,
    );
    process.exit(1);
  }
  console.log(`check-dist: ${built.length} bundle file(s) match the sources`);
}
