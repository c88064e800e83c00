#!/usr/bin/env node
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mdTable, parseTimeV, run } from '../lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const TIME = '/usr/bin/time';
const MiB = 2 ** 20;

function parseArgs(argv) {
  const opts = {
    rows: [1_000_000, 5_000_000],
    cli: path.join(root, 'dist', 'cli', 'regops.mjs'),
    results: path.join(here, 'results.md'),
    keep: false,
    seed: 42,
    nodeFlags: [],
    snapshot: true,
    repeat: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      v = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const value = () => {
      if (v !== undefined) return v;
      i++;
      if (argv[i] === undefined) throw new Error(`${a} needs a value`);
      return argv[i];
    };
    if (a === '--rows')
      opts.rows = value()
        .split(',')
        .map((s) => Math.round(Number(s.trim())));
    else if (a === '--cli') opts.cli = path.resolve(value());
    else if (a === '--results') opts.results = path.resolve(value());
    else if (a === '--no-results') opts.results = null;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--no-snapshot') opts.snapshot = false;
    else if (a === '--seed') opts.seed = Math.round(Number(value()));
    else if (a === '--node-flag') opts.nodeFlags.push(value());
    else if (a === '--repeat') opts.repeat = Math.round(Number(value()));
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: run.mjs [--rows N[,N…]] [--cli PATH] [--results PATH | --no-results] [--keep] [--seed S] [--node-flag FLAG]… [--repeat K] [--no-snapshot]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (opts.rows.some((n) => !Number.isInteger(n) || n < 1000))
    throw new Error('--rows: each N must be an integer ≥ 1000');
  if (!Number.isInteger(opts.repeat) || opts.repeat < 1) throw new Error('--repeat: a positive integer');
  if (opts.rows.some((n) => n + 1440 + Math.ceil(n / 4) > 9_999_999))
    throw new Error('--rows: N at most about 7 900 000');
  return opts;
}

/** Bytes under a directory (0 when it does not exist); tolerant of files vanishing while it walks. */
function du(dir) {
  let total = 0;
  let names;
  try {
    names = readdirSync(dir, { recursive: true });
  } catch {
    return 0;
  }
  for (const n of names) {
    try {
      const s = statSync(path.join(dir, String(n)));
      if (s.isFile()) total += s.size;
    } catch {
      // removed meanwhile
    }
  }
  return total;
}

function sha256(file) {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/* ------------------------------------------------------------------ config */

const NUMERIC_SPECS = {
  age: '{ type: integer, nullable: true, min: 18, max: 110, max_missing: 0.02, unit: years }',
  bmi: '{ type: number, min: 10, max: 80, max_missing: 0.05, unit: kg/m² }',
  sbp: '{ type: integer, min: 50, max: 260, max_missing: 0.03, unit: mm Hg }',
  dbp: '{ type: integer, min: 20, max: 160, max_missing: 0.03, unit: mm Hg }',
  heart_rate: '{ type: integer, min: 20, max: 250, max_missing: 0.02, unit: /min }',
  resp_rate: '{ type: integer, min: 4, max: 60, max_missing: 0.05, unit: /min }',
  temp_c: '{ type: number, min: 30, max: 43, max_missing: 0.05, unit: °C }',
  spo2: '{ type: integer, min: 50, max: 100, max_missing: 0.03, unit: "%" }',
  glucose: '{ type: integer, min: 20, max: 1000, max_missing: 0.06, unit: mg/dL }',
  creatinine: '{ type: number, min: 0.1, max: 20, max_missing: 0.08, unit: mg/dL }',
  hemoglobin: '{ type: number, min: 3, max: 25, max_missing: 0.05, unit: g/dL }',
  wbc: '{ type: number, min: 0.1, max: 200, max_missing: 0.05, unit: 10^9/L }',
  platelets: '{ type: integer, min: 1, max: 2000, max_missing: 0.05, unit: 10^9/L }',
  sodium: '{ type: integer, min: 100, max: 180, max_missing: 0.05, unit: mmol/L }',
  potassium: '{ type: number, min: 1, max: 9, max_missing: 0.05, unit: mmol/L }',
  cholesterol: '{ type: integer, min: 50, max: 600, max_missing: 0.12, unit: mg/dL }',
  triglycerides: '{ type: integer, min: 10, max: 5000, max_missing: 0.12, unit: mg/dL }',
  hba1c: '{ type: number, min: 3, max: 20, max_missing: 0.15, unit: "%" }',
  crp: '{ type: number, min: 0, max: 500, max_missing: 0.15, unit: mg/L }',
  prior_visits: '{ type: integer, min: 0, max: 100, max_missing: 0.02 }',
  num_medications: '{ type: integer, min: 0, max: 60, max_missing: 0.02 }',
};
const FEATURES = [
  ...Object.keys(NUMERIC_SPECS),
  'sex',
  'smoker',
  'site',
  'insurance',
  'admission_type',
  'ethnicity',
];

function configYaml() {
  const numeric = Object.entries(NUMERIC_SPECS)
    .map(([c, s]) => `      ${c}: ${s}`)
    .join('\n');
  return `# Generated by bench/data/run.mjs: every streaming data check on a synthetic EHR-like table.
version: 1
project:
  name: RegOps data-pipeline benchmark
requirements: requirements.yml
target:
  column: outcome
  positive: "1"
datasets:
  train:
    path: train.csv
    role: train
  test:
    path: test.csv
    role: test
privacy:
  allow_phi: [patient_id]
checks:
  - id: schema
    type: data.schema
    verifies: [REQ-001]
    allow_extra_columns: false
    columns:
      patient_id: { type: string, nullable: false, pattern: "^P[0-9]{7}$" }
      visit_time: { type: string, nullable: false, pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$" }
${numeric}
      sex: { type: string, allowed: [F, M], max_missing: 0.01 }
      smoker: { type: string, allowed: ["Yes", "No"], max_missing: 0.05 }
      site: { type: string, nullable: false, allowed: [SITE_A, SITE_B, SITE_C, SITE_D, SITE_E, SITE_F, SITE_G] }
      insurance: { type: string, allowed: [public, private, none, other], max_missing: 0.03 }
      admission_type: { type: string, allowed: [elective, emergency, urgent], max_missing: 0.03 }
      ethnicity: { type: string, allowed: [group_1, group_2, group_3, group_4, group_5], max_missing: 0.05 }
      outcome: { type: integer, nullable: false, allowed: [0, 1] }
  - id: missing
    type: data.missing
    verifies: [REQ-001]
    max_fraction: 0.05
    columns: { cholesterol: 0.12, triglycerides: 0.12, hba1c: 0.15, crp: 0.15, creatinine: 0.08, glucose: 0.06 }
    row_max_missing: 6
    max_incomplete_rows: 0.01
  - id: duplicates
    type: data.duplicates
    verifies: [REQ-001]
    max_fraction: 0.0005
  - id: conflicting-labels
    type: data.conflicting_labels
    verifies: [REQ-001]
    features: [${FEATURES.join(', ')}]
  - id: mixed-types
    type: data.mixed_types
    verifies: [REQ-001]
  - id: category-variants
    type: data.category_variants
    verifies: [REQ-001]
  - id: constant
    type: data.constant
    verifies: [REQ-001]
    max_dominant_fraction: 0.99
  - id: unseen-categories
    type: data.unseen_categories
    verifies: [REQ-001]
    reference: train
    current: test
    max_unseen_fraction: 0.001
  - id: label-prevalence
    type: data.label_prevalence
    verifies: [REQ-001]
    min: 0.05
    max: 0.4
  - id: size
    type: data.size
    verifies: [REQ-001]
    min_rows: 1000
    subgroups:
      - { column: sex, min_rows: 500 }
      - { column: age, bins: [18, 40, 65, 111], min_rows: 500 }
  - id: leakage
    type: data.leakage
    verifies: [REQ-001]
    reference: train
    current: test
    id_column: patient_id
    time_column: visit_time
    exact_rows: true
  - id: phi
    type: data.phi
    verifies: [REQ-001]
gate:
  fail_on: [fail, error]
`;
}

const REQUIREMENTS = `requirements:
  - id: REQ-001
    title: Training and test data quality
    type: data
    text: Training and test data shall conform to the declared schema and be free of duplicates, leakage and identifiers.
`;

/* ----------------------------------------------------------------- measure */

/** Wrapper loaded with --import when /usr/bin/time is missing: writes the process's maxRSS on exit. */
const RSS_WRAPPER = `import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.REGOPS_BENCH_RUSAGE, JSON.stringify({ maxRssKiB: u.maxRSS, userS: u.userCPUTime / 1e6, sysS: u.systemCPUTime / 1e6 }));
});
`;

/** Generates the train and test files and the config for one N; returns where they are. */
async function prepare(n, opts, tmp) {
  const dir = path.join(tmp, `n${n}`);
  mkdirSync(dir, { recursive: true });
  const nTest = Math.ceil(n / 4);
  const gen = path.join(here, 'generate.mjs');
  console.log(`\n## N = ${fmt(n)}: generating train (${n}) and test (${nTest}) rows…`);
  const t0 = performance.now();
  const seed = String(opts.seed);
  const [tr, te] = await Promise.all([
    run(process.execPath, [gen, '--rows', String(n), '--out', path.join(dir, 'train.csv'), '--seed', seed]),
    run(process.execPath, [
      gen,
      ...['--rows', String(nTest), '--out', path.join(dir, 'test.csv'), '--split', 'test', '--seed', seed],
      // a day of one-a-minute visits after the last training visit; no patient number in common
      ...['--offset', String(n + 1440)],
    ]),
  ]);
  for (const g of [tr, te]) {
    if (g.code !== 0) throw new Error(`generator failed (exit ${g.code}):\n${g.stderr}`);
    process.stdout.write(`  ${g.stdout}`);
  }
  console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  writeFileSync(path.join(dir, 'requirements.yml'), REQUIREMENTS);
  writeFileSync(path.join(dir, 'regops.yml'), configYaml());
  const bytes = statSync(path.join(dir, 'train.csv')).size + statSync(path.join(dir, 'test.csv')).size;
  return { n, nTest, dir, bytes };
}

/** One run of the CLI on prepared data, as a child process; returns its measurements. */
async function runOnce(prep, k, opts) {
  const { n, nTest, dir, bytes } = prep;
  const runDir = path.join(dir, `run${k}`);
  const spill = path.join(runDir, 'spill');
  mkdirSync(spill, { recursive: true });
  const out = path.join(runDir, 'out');
  const cliArgs = [
    ...opts.nodeFlags,
    opts.runCli,
    'run',
    '--config',
    path.join(dir, 'regops.yml'),
    '--out',
    out,
  ];
  const timeFile = path.join(runDir, 'time.txt');
  const rusageFile = path.join(runDir, 'rusage.json');
  const haveTime = existsSync(TIME);
  let cmd;
  let args;
  if (haveTime) {
    cmd = TIME;
    args = ['-v', '-o', timeFile, process.execPath, ...cliArgs];
  } else {
    const wrapper = path.join(runDir, 'rusage.mjs');
    writeFileSync(wrapper, RSS_WRAPPER);
    cmd = process.execPath;
    args = ['--import', wrapper, ...cliArgs];
  }
  console.log(
    `  run ${k + 1}/${opts.repeat}: node ${cliArgs.join(' ')}${haveTime ? ' (under /usr/bin/time -v)' : ''}`,
  );
  // Spill files go to a directory of ours (os.tmpdir() honours TMPDIR), so their peak size can be watched.
  let spillPeak = 0;
  const watch = setInterval(() => {
    spillPeak = Math.max(spillPeak, du(spill));
  }, 1000);
  const t1 = performance.now();
  const res = await run(cmd, args, {
    cwd: dir,
    env: { ...process.env, TMPDIR: spill, REGOPS_BENCH_RUSAGE: rusageFile },
  });
  const wallParent = (performance.now() - t1) / 1000;
  clearInterval(watch);
  const spillLeft = du(spill);

  const usage = haveTime && existsSync(timeFile) ? parseTimeV(readFileSync(timeFile, 'utf8')) : null;
  const rusage = !haveTime && existsSync(rusageFile) ? JSON.parse(readFileSync(rusageFile, 'utf8')) : null;
  const m = usage ?? rusage ?? {};
  const verdict = res.stdout.split('\n').find((l) => /^(PASS|FAIL):/.test(l)) ?? '(no verdict line)';
  let evidence = null;
  try {
    evidence = JSON.parse(readFileSync(path.join(out, 'evidence.json'), 'utf8'));
  } catch {
    evidence = null;
  }
  const rowsScanned = evidence ? evidence.datasets.reduce((s, d) => s + d.rows, 0) : null;
  const wallS = m.wallS ?? wallParent;
  const result = {
    n,
    nTest,
    bytes,
    rowsScanned,
    rowsExpected: n + nTest,
    wallS,
    rowsPerS: (rowsScanned ?? n + nTest) / wallS,
    maxRssMiB: m.maxRssKiB ? m.maxRssKiB / 1024 : null,
    cpuS: m.userS === undefined || m.userS === null ? null : m.userS + m.sysS,
    spillPeak,
    spillLeft,
    code: res.code,
    signal: res.signal,
    verdict: verdict.replace(/; wrote .*$/, ''),
    stdout: res.stdout,
    stderr: res.stderr,
    checks: evidence
      ? evidence.results.map((r) => ({
          id: r.id,
          status: r.status,
          ms: r.duration_ms ?? null,
          message: r.message,
        }))
      : [],
    rssSource: usage ? '/usr/bin/time -v' : rusage ? 'process.resourceUsage().maxRSS' : 'n/a',
  };
  const rss = result.maxRssMiB === null ? 'n/a' : `${result.maxRssMiB.toFixed(0)} MiB`;
  console.log(
    `    exit ${res.code}, ${wallS.toFixed(1)} s wall, ${fmt(result.rowsPerS)} rows/s, peak RSS ${rss}, peak spill ${fmt(spillPeak / MiB)} MiB`,
  );
  console.log(`    ${result.verdict}`);
  if (res.code !== 0 && res.code !== 1) {
    console.error(
      `\nthe CLI failed with exit code ${res.code}${res.signal ? ` (signal ${res.signal})` : ''}; its stderr:\n${res.stderr}`,
    );
    if (res.stdout) console.error(`its stdout:\n${res.stdout}`);
  }
  if (!opts.keep) rmSync(runDir, { recursive: true, force: true });
  return result;
}

/* ------------------------------------------------------------------ report */

const fmt = (x, d = 0) =>
  x === null || x === undefined || Number.isNaN(x)
    ? 'n/a'
    : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function median(xs) {
  const v = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const h = Math.floor(v.length / 2);
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/** Median, and (min-max) when there are several runs. */
function spread(xs, d = 0) {
  const v = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x));
  if (v.length <= 1) return fmt(v[0] ?? null, d);
  return `${fmt(median(v), d)} (${fmt(Math.min(...v), d)}-${fmt(Math.max(...v), d)})`;
}

/** Runs grouped by N, in the order the Ns were given. */
function byN(results) {
  const groups = new Map();
  for (const r of results) groups.set(r.n, [...(groups.get(r.n) ?? []), r]);
  return [...groups.values()];
}

const esc = (s) => s.replace(/\|/g, '\\|');

/**
 * A Markdown table padded the way `biome format` lays tables out (bench/ is inside the repo's lint scope), so
 * the generated results.md passes `npm run lint` as written. `align`: 'l' or 'r' per column.
 */

function table(results) {
  const head = [
    'N (train)',
    'rows scanned (train+test)',
    'CSV size',
    'runs',
    'wall s',
    'rows/s',
    'peak RSS MiB',
    'CPU user+sys s',
    'peak spill MiB',
    'exit',
    'verdict',
  ];
  const rows = byN(results).map((g) => {
    const r = g[0];
    return [
      fmt(r.n),
      fmt(r.rowsScanned ?? r.rowsExpected),
      `${fmt(r.bytes / MiB)} MiB`,
      String(g.length),
      spread(
        g.map((x) => x.wallS),
        1,
      ),
      spread(g.map((x) => x.rowsPerS)),
      spread(g.map((x) => x.maxRssMiB)),
      spread(
        g.map((x) => x.cpuS),
        1,
      ),
      fmt(Math.max(...g.map((x) => x.spillPeak)) / MiB),
      [...new Set(g.map((x) => x.code))].join(', '),
      esc([...new Set(g.map((x) => x.verdict))].join(' / ')),
    ];
  });
  return mdTable(head, 'rrrrrrrrrrl', rows);
}

function runTable(results) {
  const head = ['N (train)', 'run', 'wall s', 'rows/s', 'peak RSS MiB', 'CPU user+sys s', 'exit'];
  const rows = byN(results).flatMap((g) =>
    g.map((r, k) => [
      fmt(r.n),
      String(k + 1),
      fmt(r.wallS, 1),
      fmt(r.rowsPerS),
      fmt(r.maxRssMiB),
      fmt(r.cpuS, 1),
      String(r.code),
    ]),
  );
  return mdTable(head, 'rrrrrrr', rows);
}

/** Median seconds per check entry: the first data check absorbs the one shared pass over each dataset. */
function checkTable(results) {
  const groups = byN(results);
  const entries = [];
  for (const r of results) {
    for (const c of r.checks) {
      const e = c.id.split('/')[0];
      if (!entries.includes(e)) entries.push(e);
    }
  }
  // the results of one entry (one per dataset) all carry the entry's duration: take the first
  const seconds = (r, e) => {
    const c = r.checks.find((x) => x.id.split('/')[0] === e);
    return c?.ms === null || c?.ms === undefined ? null : c.ms / 1000;
  };
  const head = ['check entry', ...groups.map((g) => `N=${fmt(g[0].n)} s`)];
  const rows = entries.map((e) => [e, ...groups.map((g) => fmt(median(g.map((r) => seconds(r, e))), 1))]);
  return mdTable(head, `l${'r'.repeat(groups.length)}`, rows);
}

function statusTable(results) {
  const last = results[results.length - 1];
  if (!last?.checks.length) return '';
  const cut = (s) => (s.length > 140 ? `${s.slice(0, 140)}...` : s);
  return mdTable(
    [`result (N=${fmt(last.n)})`, 'status', 'message'],
    'lll',
    last.checks.map((c) => [c.id, c.status, esc(cut(c.message.replace(/\s+/g, ' ')))]),
  );
}

function machine() {
  let cpu = os.cpus()[0]?.model?.trim() ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    cpu,
    cores: os.cpus().length,
    memGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

function growthText(results) {
  const groups = byN(results);
  if (groups.length < 2) return '';
  const first = groups[0];
  const last = groups[groups.length - 1];
  const a = median(first.map((r) => r.maxRssMiB));
  const b = median(last.map((r) => r.maxRssMiB));
  if (!a || !b) return '';
  const pctText = `${fmt(Math.abs((100 * b) / a - 100), 1)}% ${b >= a ? 'above' : 'below'}`;
  const of = first.length > 1 || last.length > 1 ? 'median peak RSS' : 'peak RSS';
  return `The ${of} at N=${fmt(last[0].n)} is ${pctText} that at N=${fmt(first[0].n)} (target: within 10%).`;
}

/* -------------------------------------------------------------------- main */

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.cli)) {
    throw new Error(`${path.relative(root, opts.cli)} not found: build it first (npm run -s build)`);
  }
  const cliHash = await sha256(opts.cli);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'regops-bench-'));
  const cleanup = () => {
    if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  const results = [];
  let failed = null;
  const load0 = os.loadavg();
  try {
    opts.runCli = opts.cli;
    if (opts.snapshot) {
      mkdirSync(path.join(tmp, 'cli'));
      opts.runCli = path.join(tmp, 'cli', path.basename(opts.cli));
      copyFileSync(opts.cli, opts.runCli);
      symlinkSync(path.join(root, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
      if ((await sha256(opts.runCli)) !== cliHash)
        throw new Error(`${opts.cli} changed while it was copied; run again`);
    }
    for (const n of opts.rows) {
      const prep = await prepare(n, opts, tmp);
      for (let k = 0; k < opts.repeat && !failed; k++) {
        const r = await runOnce(prep, k, opts);
        results.push(r);
        if (r.code !== 0 && r.code !== 1) failed = r;
      }
      if (!opts.keep) rmSync(prep.dir, { recursive: true, force: true });
      if (failed) break;
    }
  } finally {
    if (opts.keep) console.log(`\nkept the temporary data in ${tmp}`);
    else cleanup();
  }
  const load1 = os.loadavg();
  const cliHashAfter = opts.snapshot ? cliHash : await sha256(opts.cli);

  const mc = machine();
  const args = process.argv.slice(2);
  const growth = growthText(results);
  const md = `# Data-pipeline benchmark results

Generated by \`node bench/data/run.mjs${args.length ? ` ${args.join(' ')}` : ''}\` on ${new Date().toISOString()}.

- Machine: ${mc.cpu}, ${mc.cores} cores, ${mc.memGiB.toFixed(0)} GiB RAM, ${mc.os}
- Node ${mc.node}${opts.nodeFlags.length ? ` with ${opts.nodeFlags.map((f) => `\`${f}\``).join(' ')}` : ''}; CLI bundle \`${path.relative(root, opts.cli)}\` sha256 \`${cliHash.slice(0, 16)}…\`${opts.snapshot ? ' (run from a copy taken at the start)' : ''}${cliHashAfter !== cliHash ? ' (**the bundle changed during the run**)' : ''}
- Load average (1 min) at start / end: ${load0[0].toFixed(2)} / ${load1[0].toFixed(2)} (other work on the machine lengthens wall times; CPU seconds are less affected)
- Peak RSS from ${results[0]?.rssSource ?? 'n/a'}; wall time of the CLI process; rows/s = rows scanned (train + test, from evidence.json) / wall s${opts.repeat > 1 ? `; ${opts.repeat} runs per N on the same files: median (min-max)` : ''}.
- Data: 30 columns (ID, ISO time, 21 numeric, 6 categorical, binary label); test = N/4 rows with later visits; 12 data check entries (every streaming data check).

${table(results)}

${growth}
${opts.repeat > 1 ? `\nEvery run:\n\n${runTable(results)}\n` : ''}
Seconds per check entry (median \`duration_ms\` in evidence.json). The first data check, \`schema\`, waits for the one shared streaming pass over both datasets (profile, PHI scan and every check's visitor), so its time is the scan; the others then only finish (spill-partition reads and set operations):

${checkTable(results)}

${statusTable(results)}
`;
  console.log(`\n${table(results)}\n\n${growth}`);
  if (opts.repeat > 1) console.log(`\n${runTable(results)}`);
  console.log(`\n${checkTable(results)}`);
  if (cliHashAfter !== cliHash) console.warn('\nwarning: the CLI bundle changed while the benchmark ran');
  const leftover = results.filter((r) => r.spillLeft > 0);
  if (leftover.length) {
    console.warn(
      `\nnote: spill files were left behind after the CLI exited (N=${leftover.map((r) => r.n).join(', ')})`,
    );
  }
  if (failed) {
    console.error(
      `\nbenchmark failed: the CLI exited with ${failed.code} at N=${failed.n}; ${opts.results ? 'results not written' : ''}`,
    );
    process.exit(1);
  }
  if (opts.results) {
    writeFileSync(opts.results, md);
    console.log(`\nwrote ${path.relative(process.cwd(), opts.results) || opts.results}`);
  }
}

main().catch((e) => {
  console.error(`run.mjs: ${e.stack ?? e.message}`);
  process.exit(2);
});
