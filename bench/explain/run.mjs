#!/usr/bin/env node
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTimeV, run } from '../lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const TIME = '/usr/bin/time';
const F = 30;
const INTERCEPT = -1;
const REPEATS = 10;

const HELP = `usage: node bench/explain/run.mjs [options]
  --rows N[,N...]   rows of the test CSV (default 100000)
  --repeat K        runs per N on the same files; the table shows median (min-max)
  --results PATH    where to write the table (default bench/explain/results.md); --no-results: do not write
  --keep            keep the temporary directory (model, data, config, outputs)
  --seed S          data seed (default 42); the coefficients are fixed
  --cli PATH        bundle to run (default dist/cli/regops.mjs)
  --node-flag FLAG  passed to the node running the CLI (repeatable)`;

function parseArgs(argv) {
  const opts = {
    rows: [100_000],
    repeat: 1,
    results: path.join(here, 'results.md'),
    keep: false,
    seed: 42,
    cli: path.join(root, 'dist', 'cli', 'regops.mjs'),
    nodeFlags: [],
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) [a, v] = [a.slice(0, eq), a.slice(eq + 1)];
    const value = () => {
      if (v !== undefined) return v;
      if (argv[++i] === undefined) throw new Error(`${a} needs a value`);
      return argv[i];
    };
    if (a === '--rows')
      opts.rows = value()
        .split(',')
        .map((s) => Math.round(Number(s.trim())));
    else if (a === '--repeat') opts.repeat = Math.round(Number(value()));
    else if (a === '--results') opts.results = path.resolve(value());
    else if (a === '--no-results') opts.results = null;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--seed') opts.seed = Math.round(Number(value()));
    else if (a === '--cli') opts.cli = path.resolve(value());
    else if (a === '--node-flag') opts.nodeFlags.push(value());
    else if (a === '--help' || a === '-h') {
      console.log(HELP);
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (--help lists the options)`);
  }
  if (opts.rows.some((n) => !Number.isInteger(n) || n < 1000)) throw new Error('--rows: integers ≥ 1000');
  if (!Number.isInteger(opts.repeat) || opts.repeat < 1) throw new Error('--repeat: a positive integer');
  return opts;
}

/* ------------------------------------------------------------ random numbers */

/** Seeded mulberry32 in [0, 1). */
function mulberry32(seed) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box–Muller, both values used). */
function normals(rand) {
  let spare = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u = 1 - rand();
    const r = Math.sqrt(-2 * Math.log(u));
    const a = 2 * Math.PI * rand();
    spare = r * Math.sin(a);
    return r * Math.cos(a);
  };
}

/**
 * The true coefficients: |b| = 1.5, 1.45, …, 0.05 (30 distinct magnitudes, equal steps), signs alternating,
 * assigned to x1…x30 in a fixed shuffled order so that the true ranking is not the column order.
 */
function coefficients() {
  const rand = mulberry32(7);
  const order = Array.from({ length: F }, (_, j) => j);
  for (let i = F - 1; i > 0; i--) {
    const k = Math.floor(rand() * (i + 1));
    [order[i], order[k]] = [order[k], order[i]];
  }
  const coef = new Array(F);
  order.forEach((feature, rank) => {
    coef[feature] = (rank % 2 === 0 ? 1 : -1) * Number((1.5 - 0.05 * rank).toFixed(2));
  });
  return coef;
}

/* ------------------------------------------------------- a tiny ONNX writer */

// Protobuf: a field key is (field number << 3 | wire type) as a varint; wire 0 = varint, 2 = length-delimited.
function varint(n) {
  const out = [];
  let v = BigInt.asUintN(64, BigInt(n));
  for (;;) {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    if (v === 0n) {
      out.push(low);
      return Buffer.from(out);
    }
    out.push(low | 0x80);
  }
}
const fInt = (field, n) => Buffer.concat([varint(field << 3), varint(n)]);
const fLen = (field, bytes) => Buffer.concat([varint((field << 3) | 2), varint(bytes.length), bytes]);
const fStr = (field, s) => fLen(field, Buffer.from(s, 'utf8'));
const fMsg = (field, ...parts) => fLen(field, Buffer.concat(parts));

const ONNX_FLOAT = 1;
// GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12.
// NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5.
const opNode = (op, inputs, outputs, intAttrs = {}) =>
  fMsg(
    1,
    ...inputs.map((s) => fStr(1, s)),
    ...outputs.map((s) => fStr(2, s)),
    fStr(3, `${op}_${outputs[0]}`),
    fStr(4, op),
    // AttributeProto: name = 1, i = 3, type = 20 (INT = 2).
    ...Object.entries(intAttrs).map(([k, v]) => fMsg(5, fStr(1, k), fInt(3, v), fInt(20, 2))),
  );
// TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian float32).
const floatTensor = (name, dims, values) => {
  const raw = Buffer.alloc(4 * values.length);
  values.forEach((x, i) => {
    raw.writeFloatLE(x, 4 * i);
  });
  return fMsg(5, ...dims.map((d) => fInt(1, d)), fInt(2, ONNX_FLOAT), fStr(8, name), fLen(9, raw));
};
// ValueInfoProto: name = 1, type = 2; TypeProto.tensor_type = 1: elem_type = 1, shape = 2 (dim = 1:
// dim_value = 1 or dim_param = 2).
const tensorInfo = (field, name, dims) =>
  fMsg(
    field,
    fStr(1, name),
    fMsg(
      2,
      fMsg(
        1,
        fInt(1, ONNX_FLOAT),
        fMsg(2, ...dims.map((d) => fMsg(1, typeof d === 'number' ? fInt(1, d) : fStr(2, d)))),
      ),
    ),
  );

/** p = Sigmoid(x·W + b); probabilities = Concat(1 − p, p) along axis 1: x float [N, 30] → [N, 2]. */
function logisticOnnx(coef, intercept) {
  const graph = Buffer.concat([
    opNode('MatMul', ['x', 'W'], ['xw']),
    opNode('Add', ['xw', 'b'], ['logit']),
    opNode('Sigmoid', ['logit'], ['p']),
    opNode('Sub', ['one', 'p'], ['q']),
    opNode('Concat', ['q', 'p'], ['probabilities'], { axis: 1 }),
    fStr(2, 'logistic'),
    floatTensor('W', [coef.length, 1], coef),
    floatTensor('b', [1], [intercept]),
    floatTensor('one', [1], [1]),
    tensorInfo(11, 'x', ['N', coef.length]),
    tensorInfo(12, 'probabilities', ['N', 2]),
  ]);
  // ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8 (OperatorSetIdProto version = 2).
  return Buffer.concat([fInt(1, 8), fStr(2, 'regops-bench-explain'), fLen(7, graph), fMsg(8, fInt(2, 15))]);
}

/* ------------------------------------------------------------------ set-up */

const features = Array.from({ length: F }, (_, j) => `x${j + 1}`);

function writeProject(dir, n, seed, coef) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'logistic.onnx'), logisticOnnx(coef, INTERCEPT));
  const rand = mulberry32(seed);
  const gauss = normals(rand);
  const lines = [`${features.join(',')},y`];
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const x = Array.from({ length: F }, () => Number(gauss().toFixed(5)));
    const z = x.reduce((s, v, j) => s + v * coef[j], INTERCEPT);
    const y = rand() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    positives += y;
    lines.push(`${x.join(',')},${y}`);
  }
  writeFileSync(path.join(dir, 'test.csv'), `${lines.join('\n')}\n`);
  writeFileSync(
    path.join(dir, 'requirements.yml'),
    `requirements:
  - id: REQ-001
    title: Explainability
    type: performance
    text: The features that drive the model shall be identified.
`,
  );
  writeFileSync(
    path.join(dir, 'regops.yml'),
    `# Generated by bench/explain/run.mjs: one model.importance check on a logistic model with known coefficients.
version: 1
project:
  name: RegOps explainability benchmark
requirements: requirements.yml
model:
  path: logistic.onnx
  input: x
  features: [${features.join(', ')}]
  probabilities: probabilities
  positive_index: 1
target:
  column: y
  positive: '1'
datasets:
  test:
    path: test.csv
    role: test
checks:
  - id: importance
    type: model.importance
    verifies: [REQ-001]
    metric: auroc
    repeats: ${REPEATS}
    seed: 0
    partial_dependence: false
    attributions: false
    compare_baseline: false
`,
  );
  return { positives, bytes: Buffer.byteLength(lines.join('\n')) + 1 };
}

/* ---------------------------------------------------------------- measure */

/** Spearman rank correlation of two rankings given as rank-by-feature maps (no ties). */
function spearman(a, b) {
  const n = a.length;
  const d2 = a.reduce((s, r, i) => s + (r - b[i]) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

async function runOnce(dir, k, opts, coef) {
  const runDir = path.join(dir, `run${k}`);
  mkdirSync(runDir, { recursive: true });
  const out = path.join(runDir, 'out');
  const timeFile = path.join(runDir, 'time.txt');
  const args = [
    ...opts.nodeFlags,
    opts.runCli,
    'run',
    '--config',
    path.join(dir, 'regops.yml'),
    '--out',
    out,
  ];
  const res = await run(TIME, ['-v', '-o', timeFile, process.execPath, ...args], { cwd: dir });
  const t = existsSync(timeFile) ? parseTimeV(readFileSync(timeFile, 'utf8')) : {};
  if (res.code > 1) {
    throw new Error(
      `regops run failed (exit ${res.code}):\n${res.stderr.trim().split('\n').slice(-15).join('\n')}`,
    );
  }
  const evidence = JSON.parse(readFileSync(path.join(out, 'evidence.json'), 'utf8'));
  const entry = evidence.results.find((r) => r.id === 'importance');
  if (!entry?.details?.ranking)
    throw new Error(`no importance ranking in evidence.json: ${JSON.stringify(entry).slice(0, 400)}`);
  const found = entry.details.ranking.map((r) => r.feature);
  const truth = features
    .slice()
    .sort((a, b) => Math.abs(coef[features.indexOf(b)]) - Math.abs(coef[features.indexOf(a)]));
  const rho = spearman(
    features.map((f) => found.indexOf(f)),
    features.map((f) => truth.indexOf(f)),
  );
  const verdict = res.stdout.split('\n').find((l) => /^(PASS|FAIL|WARN)/.test(l.trim())) ?? '';
  return {
    ...t,
    code: res.code,
    status: entry.status,
    durationS: (entry.duration_ms ?? Number.NaN) / 1000,
    auroc: entry.details.metric_value,
    batches: entry.details.inference_batches,
    rho,
    top5: found.slice(0, 5).join(',') === truth.slice(0, 5).join(','),
    exact: found.filter((f, i) => f === truth[i]).length,
    found,
    truth,
    ranking: entry.details.ranking,
    verdict: verdict.trim(),
  };
}

/* ------------------------------------------------------------------ report */

const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stat = (xs, d) =>
  xs.length === 1
    ? fmt(xs[0], d)
    : `${fmt(median(xs), d)} (${fmt(Math.min(...xs), d)}-${fmt(Math.max(...xs), d)})`;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const coef = coefficients();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'regops-bench-explain-'));
  // Run the bundle from a copy (a rebuild during the run does not change what is measured).
  opts.runCli = path.join(tmp, 'regops.mjs');
  copyFileSync(opts.cli, opts.runCli);
  symlinkSync(path.join(root, 'node_modules'), path.join(tmp, 'node_modules'));
  const bundleSha = createHash('sha256').update(readFileSync(opts.cli)).digest('hex');
  const load0 = os.loadavg()[0];
  const started = new Date().toISOString();
  const rows = [];
  let last = null;
  try {
    for (const n of opts.rows) {
      const dir = path.join(tmp, `n${n}`);
      const t0 = performance.now();
      const { positives, bytes } = writeProject(dir, n, opts.seed, coef);
      console.log(
        `\n## N = ${fmt(n)}: model + CSV (${fmt(bytes / 2 ** 20, 1)} MiB, ${fmt((100 * positives) / n, 1)}% positive) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      const runs = [];
      for (let k = 0; k < opts.repeat; k++) {
        console.log(`  regops run ${k + 1}/${opts.repeat} (under /usr/bin/time -v)…`);
        const r = await runOnce(dir, k, opts, coef);
        console.log(
          `    wall ${r.wallS.toFixed(1)} s, CPU ${r.cpuS.toFixed(1)} s, peak RSS ${fmt(r.maxRssMiB)} MiB, check ${r.durationS.toFixed(1)} s, Spearman ${r.rho.toFixed(3)}, top-5 ${r.top5 ? 'exact' : 'differs'}`,
        );
        runs.push(r);
      }
      rows.push({ n, bytes, positives, runs });
      last = { n, run: runs[0] };
    }
  } finally {
    if (opts.keep) console.log(`\nkept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  const load1 = os.loadavg()[0];

  const table = [
    '| N (rows) | CSV size | runs | wall s | CPU user+sys s | peak RSS MiB | check duration s | inference batches | AUROC | Spearman ρ vs true \\|b\\| | exact top-5 | positions exact | exit |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: |',
    ...rows.map(({ n, bytes, runs }) => {
      const r0 = runs[0];
      return `| ${fmt(n)} | ${fmt(bytes / 2 ** 20, 1)} MiB | ${runs.length} | ${stat(
        runs.map((r) => r.wallS),
        1,
      )} | ${stat(
        runs.map((r) => r.cpuS),
        1,
      )} | ${stat(
        runs.map((r) => r.maxRssMiB),
        0,
      )} | ${stat(
        runs.map((r) => r.durationS),
        1,
      )} | ${r0.batches} | ${r0.auroc.toFixed(4)} | ${r0.rho.toFixed(4)} | ${r0.top5 ? 'yes' : 'no'} | ${r0.exact}/${F} | ${r0.code} |`;
    }),
  ].join('\n');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const detail = last
    ? [
        `Ranking at N = ${fmt(last.n)} (first run): found vs true order of |coefficient|`,
        '',
        '| rank | found | importance (AUROC drop) | 95% interval over repeats | true | \\|b\\| of found |',
        '| ---: | --- | ---: | --- | --- | ---: |',
        ...last.run.ranking.map(
          (r, i) =>
            `| ${r.rank} | ${r.feature} | ${r.importance.toFixed(5)} | ${r.low.toFixed(5)} – ${r.high.toFixed(5)} | ${last.run.truth[i]} | ${Math.abs(coef[features.indexOf(r.feature)]).toFixed(2)} |`,
        ),
      ].join('\n')
    : '';
  const md = `# Explainability benchmark results

Generated by \`node bench/explain/run.mjs ${process.argv.slice(2).join(' ')}\`${process.argv.length > 2 ? '' : ' (defaults)'} on ${started}.

- Machine: ${cpu}, ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()} ${process.arch}
- Node ${process.version}; CLI bundle \`${path.relative(root, opts.cli)}\` sha256 \`${bundleSha.slice(0, 16)}…\` (run from a copy taken at the start)
- Load average (1 min) at start / end: ${load0.toFixed(2)} / ${load1.toFixed(2)}
- Model: logistic, 30 float inputs x1…x30, p = Sigmoid(x·W + b) with b = ${INTERCEPT}, probabilities = Concat(1 − p, p) [N, 2]; |W| = 1.50, 1.45, …, 0.05 (signs alternating) over a fixed shuffle of the features. ONNX written by \`run.mjs\` itself (opset 15).
- Data: N rows of 30 independent standard normal features (mulberry32 seed ${opts.seed}, Box–Muller, 5 decimals) and y ~ Bernoulli(p) from the same coefficients.
- Check: one \`model.importance\` (metric auroc, repeats ${REPEATS}, seed 0, \`partial_dependence: false\`, \`attributions: false\`, \`compare_baseline: false\`).
- Wall, CPU and peak RSS from \`/usr/bin/time -v\` of the whole \`node regops.mjs run\` process (start-up, reading the CSV, the check, the profile pass every run makes for the evidence, the documents). Check duration = \`duration_ms\` of the \`importance\` entry in evidence.json. ${opts.repeat > 1 ? `${opts.repeat} runs per N: median (min-max).` : 'One run per N.'}
- Ranking: Spearman ρ between the check's ranking and the true order of |coefficient| (30 features, no ties); exact top-5 = the first five in the true order; positions exact = features at exactly their true rank.

${table}

${detail}
`;
  console.log(`\n${table}\n`);
  if (opts.results) {
    writeFileSync(opts.results, md);
    console.log(`wrote ${path.relative(process.cwd(), opts.results) || opts.results}`);
  }
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
