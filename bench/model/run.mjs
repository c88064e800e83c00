#!/usr/bin/env node
// Model-test benchmark: 100k rows drawn (seeded, with replacement) from the Pima data. It times
//   bare: onnxruntime-node inference alone on data already in memory (the floor), and
//   full: `regops run` with model.metric checks (AUROC, sensitivity, specificity, Brier, ECE, calibration
//         slope, net benefit), each with a 1000-resample bootstrap interval, plus a subgroup analysis,
//         i.e. reading the CSV, inference, every metric and every interval, in one run,
// and prints the ratio full / bare. Usage: node bench/model/run.mjs [--rows 100000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rowsArg = process.argv.indexOf('--rows');
const N = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 100_000;
const FEATURES = ['pregnant', 'glucose', 'pressure', 'triceps', 'insulin', 'mass', 'pedigree', 'age'];

// Seeded mulberry32, so the benchmark data are the same on every run.
let state = 12345;
const rand = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const example = path.join(root, 'examples', 'pima-diabetes');
const source = readFileSync(path.join(example, 'data', 'train.csv'), 'utf8')
  .trimEnd()
  .split('\n');
const header = source[0];
const body = source.slice(1);
const dir = mkdtempSync(path.join(tmpdir(), 'regops-bench-model-'));
const lines = [header];
for (let i = 0; i < N; i++) lines.push(body[Math.floor(rand() * body.length)]);
writeFileSync(path.join(dir, 'test.csv'), `${lines.join('\n')}\n`);

// Bare inference: the same rows as a float32 tensor, one session, batches of 4096 (the CLI's default).
const require = createRequire(path.join(root, 'package.json'));
const ort = require('onnxruntime-node');
const cols = header.split(',');
const idx = FEATURES.map((f) => cols.indexOf(f));
const x = new Float32Array(N * FEATURES.length);
lines.slice(1).forEach((l, r) => {
  const cells = l.split(',');
  idx.forEach((j, k) => {
    x[r * FEATURES.length + k] = cells[j] === '' ? Number.NaN : Number(cells[j]);
  });
});
const session = await ort.InferenceSession.create(path.join(example, 'models', 'pima_hgb_candidate.onnx'), {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
});
const t0 = performance.now();
const B = 4096;
for (let s = 0; s < N; s += B) {
  const n = Math.min(B, N - s);
  await session.run({ float_input: new ort.Tensor('float32', x.subarray(s * 8, (s + n) * 8), [n, 8]) });
}
const bare = (performance.now() - t0) / 1000;
await session.release();

// Full model test through the CLI bundle.
const metric = (id, m, extra = '') =>
  `  - { id: ${id}, type: model.metric, verifies: [REQ-001], metric: ${m}, ${extra} ci: { resamples: 1000 } }`;
writeFileSync(
  path.join(dir, 'requirements.yml'),
  'requirements:\n  - { id: REQ-001, title: Performance, type: performance, text: The model shall perform. }\n',
);
writeFileSync(
  path.join(dir, 'regops.yml'),
  `version: 1
project: { name: model benchmark }
requirements: requirements.yml
model: { path: ${JSON.stringify(path.join(example, 'models', 'pima_hgb_candidate.onnx'))}, input: float_input, features: [${FEATURES.join(', ')}] }
target: { column: diabetes, positive: pos }
datasets:
  test: { path: test.csv, role: test }
checks:
${metric('auroc', 'auroc', 'min: 0.5,')}
${metric('sensitivity', 'sensitivity', 'threshold: 0.3, min: 0.5,')}
${metric('specificity', 'specificity', 'threshold: 0.3, min: 0.5,')}
${metric('brier', 'brier', 'max: 0.3,')}
${metric('ece', 'ece', 'max: 0.3,')}
${metric('slope', 'calibration_slope', 'min: 0.5,')}
${metric('net-benefit', 'net_benefit', 'threshold: 0.3, min: -1,')}
  - id: age
    type: model.subgroups
    verifies: [REQ-001]
    attribute: age
    bins: [21, 40, 120]
    threshold: 0.3
    metrics: { auroc: { min: 0.5 }, sensitivity: { min: 0.3 } }
`,
);
const t1 = performance.now();
let exit = 0;
try {
  execFileSync(
    process.execPath,
    [
      path.join(root, 'dist', 'cli', 'regops.mjs'),
      'run',
      '--config',
      path.join(dir, 'regops.yml'),
      '--out',
      path.join(dir, 'out'),
    ],
    {
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
} catch (e) {
  exit = e.status ?? -1;
}
const full = (performance.now() - t1) / 1000;
const evidence = JSON.parse(readFileSync(path.join(dir, 'out', 'evidence.json'), 'utf8'));
rmSync(dir, { recursive: true, force: true });
if (exit > 1) {
  console.error(`regops run failed with exit code ${exit}`);
  process.exit(1);
}
const auroc = evidence.results.find((r) => r.id === 'auroc');
console.log(`| rows | bare inference s | full model test s | full / bare | results | AUROC (95% CI) |`);
console.log(`|---:|---:|---:|---:|---:|---|`);
console.log(
  `| ${N.toLocaleString('en-US')} | ${bare.toFixed(3)} | ${full.toFixed(2)} | ${(full / bare).toFixed(1)} | ${evidence.results.length} | ${auroc.metrics[0].value.toFixed(4)} (${auroc.metrics[0].ci.map((v) => v.toFixed(4)).join('–')}) |`,
);
console.log('\n| check | seconds |\n|---|---:|');
for (const r of evidence.results) console.log(`| ${r.id} | ${((r.duration_ms ?? 0) / 1000).toFixed(2)} |`);
console.log(
  `\nnode ${process.version}, ${process.arch}; full = a whole \`regops run\` process (start-up, CSV parsing, inference, 7 metrics with 1000-resample intervals, a 2-group subgroup analysis with intervals, documents).`,
);
