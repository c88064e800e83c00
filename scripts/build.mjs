#!/usr/bin/env node
// Builds the committed bundles in dist/ with esbuild. `--check` builds into a temporary directory and fails
// when the result differs from what is committed, so dist/ always matches the sources.
//
//   dist/cli/regops.mjs                the CLI
//   dist/actions/<name>/index.mjs      one entry per GitHub action (regops = the root action.yml), sharing
//   dist/actions/chunks/*.mjs          code-split chunks (@actions/artifact is loaded only when uploading)
//   dist/node_modules/onnxruntime-*    the ONNX runtime the bundles import (kept external: it is native),
//                                      copied from node_modules: linux-x64 only (see actions/README.md)
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const outRoot = check ? mkdtempSync(path.join(tmpdir(), 'regops-dist-')) : path.join(root, 'dist');
// Start clean, so renamed chunks or files no longer produced do not linger in dist/.
if (!check)
  for (const dir of ['cli', 'actions', 'node_modules'])
    rmSync(path.join(outRoot, dir), { recursive: true, force: true });

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

// The GitHub actions: one virtual entry per action that calls the entry's run(), code-split so the entries
// share one copy of the engine.
const ACTIONS = ['regops', 'data-check', 'model-test', 'drift', 'docs', 'gate', 'release'];
const actionEntryPlugin = {
  name: 'action-entry',
  setup(b) {
    b.onResolve({ filter: /^regops-action:/ }, (args) => ({ path: args.path, namespace: 'action-entry' }));
    b.onLoad({ filter: /.*/, namespace: 'action-entry' }, (args) => ({
      contents: `import { run } from './packages/github/src/entries/${args.path.slice('regops-action:'.length)}.ts';\nawait run();\n`,
      resolveDir: root,
      loader: 'ts',
    }));
  },
};
await build({
  absWorkingDir: root,
  entryPoints: ACTIONS.map((name) => ({ in: `regops-action:${name}`, out: `${name}/index` })),
  outdir: path.join(outRoot, 'actions'),
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['onnxruntime-node'],
  banner: {
    js: "import { createRequire as __regopsCreateRequire } from 'node:module';\nconst require = __regopsCreateRequire(import.meta.url);",
  },
  legalComments: 'eof',
  plugins: [rawPlugin, actionEntryPlugin],
  logLevel: 'warning',
});

// The ONNX runtime next to the bundles (Node resolves `onnxruntime-node` from dist/node_modules): its
// JavaScript, and the native library for linux-x64 only (GitHub's ubuntu runners). Byte for byte from
// node_modules, so --check also proves the committed copy is the installed version.
const VENDORED = [
  {
    name: 'onnxruntime-node',
    files: (dir) => [
      'package.json',
      ...readdirSync(path.join(dir, 'dist'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => `dist/${f}`),
      'bin/napi-v6/linux/x64/onnxruntime_binding.node',
      'bin/napi-v6/linux/x64/libonnxruntime.so.1',
    ],
  },
  {
    name: 'onnxruntime-common',
    files: (dir) => [
      'package.json',
      ...['cjs', 'esm'].flatMap((kind) =>
        readdirSync(path.join(dir, 'dist', kind))
          .filter((f) => f.endsWith('.js') || f === 'package.json')
          .map((f) => `dist/${kind}/${f}`),
      ),
    ],
  },
];
const manifest = [
  '# Vendored runtime',
  '',
  'Copied from node_modules by `scripts/build.mjs` (do not edit; `npm run check-dist` compares every byte).',
  'The action bundles in ../actions import `onnxruntime-node`, which Node resolves here, so a workflow needs no',
  'install step. Only the linux-x64 native library is copied (GitHub-hosted ubuntu runners); see actions/README.md.',
  '',
  '| package | version | license | file | bytes | sha256 |',
  '|---|---|---|---|---|---|',
];
for (const pkg of VENDORED) {
  const from = path.join(root, 'node_modules', pkg.name);
  const meta = JSON.parse(readFileSync(path.join(from, 'package.json'), 'utf8'));
  for (const rel of pkg.files(from).sort()) {
    const to = path.join(outRoot, 'node_modules', pkg.name, rel);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(from, rel), to);
    const bytes = readFileSync(to);
    manifest.push(
      `| ${pkg.name} | ${meta.version} | ${meta.license} | ${rel} | ${bytes.length} | ${createHash('sha256').update(bytes).digest('hex')} |`,
    );
  }
}
manifest.push(
  '',
  'onnxruntime-node and onnxruntime-common: Copyright (c) Microsoft Corporation, MIT License',
  '(https://github.com/microsoft/onnxruntime/blob/main/LICENSE).',
  '',
);
writeFileSync(path.join(outRoot, 'node_modules', 'VENDORED.md'), manifest.join('\n'));

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
