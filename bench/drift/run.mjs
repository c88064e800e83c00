#!/usr/bin/env node
// Drift benchmark: a reference CSV (bench/data/generate.mjs) and its drifted twin (the same generator with
// another seed, then the documented changes of drift-twin.mjs), a regops.yml with one drift.feature check over
// the 28 comparable columns, and the real CLI bundle (`node dist/cli/regops.mjs run`) as a child process under
// `/usr/bin/time -v`; then the same computation in pandas + scipy (pandas_drift.py), timed the same way, with
// the ratios and a per-column comparison of the statistics. See bench/README.md.
//
//   node bench/drift/run.mjs                        # N = 1 000 000 rows on each side
//   node bench/drift/run.mjs --rows 200000          # quick run (a list works too: --rows 200000,1000000)
//   options: --repeat K, --results PATH | --no-results, --keep, --seed S, --cli PATH, --node-flag FLAG
//            (repeatable), --no-pandas, --python PATH, --with-ids, --no-snapshot
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { COLUMNS } from '../data/generate.mjs';
import { DRIFT, driftTwin, EXPECTED_DRIFTED } from './drift-twin.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const TIME = '/usr/bin/time';
const MiB = 2 ** 20;
const IDS = ['patient_id', 'visit_time'];
/** With --with-ids: one value per row, and the twin's patients and visits come after the reference's. */
const ID_DRIFT = IDS.map((column) => ({
  column,
  change: 'none (one value per row; the twin has later patients and visits: no value in common)',
  expect: true,
  why: 'categorical, disjoint categories: Jensen–Shannon distance 1',
}));

const HELP = `usage: node bench/drift/run.mjs [options]
  --rows N[,N...]     rows of each side (reference and current); default 1000000
  --repeat K          runs per N and tool on the same files; the table shows median (min-max)
  --results PATH      where to write the table (default bench/drift/results.md); --no-results: do not write
  --keep              keep the temporary directory (data, config, outputs)
  --seed S            generator seed of the reference (the twin uses S+1); default 42
  --cli PATH          bundle to run (default dist/cli/regops.mjs)
  --node-flag FLAG    passed to the node running the CLI (repeatable), e.g. --node-flag=--max-old-space-size=8192
  --no-pandas         skip the pandas + scipy comparison
  --python PATH       python for the comparison (default /usr/bin/python3)
  --with-ids          also compare patient_id and visit_time (30 columns instead of 28)
  --no-snapshot       run the bundle in place instead of from a copy`;

function parseArgs(argv) {
  const opts = {
    rows: [1_000_000],
    repeat: 1,
    results: path.join(here, 'results.md'),
    keep: false,
    seed: 42,
    cli: path.join(root, 'dist', 'cli', 'regops.mjs'),
    nodeFlags: [],
    pandas: true,
    python: '/usr/bin/python3',
    withIds: false,
    snapshot: true,
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
    else if (a === '--repeat') opts.repeat = Math.round(Number(value()));
    else if (a === '--results') opts.results = path.resolve(value());
    else if (a === '--no-results') opts.results = null;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--seed') opts.seed = Math.round(Number(value()));
    else if (a === '--cli') opts.cli = path.resolve(value());
    else if (a === '--node-flag') opts.nodeFlags.push(value());
    else if (a === '--no-pandas') opts.pandas = false;
    else if (a === '--python') opts.python = value();
    else if (a === '--with-ids') opts.withIds = true;
    else if (a === '--no-snapshot') opts.snapshot = false;
    else if (a === '--help' || a === '-h') {
      console.log(HELP);
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (--help lists the options)`);
  }
  // Every column needs > 1000 reference values for the auto rule's distance methods (hba1c is 12% missing).
  if (opts.rows.some((n) => !Number.isInteger(n) || n < 5000)) throw new Error('--rows: integers ≥ 5000');
  if (opts.rows.some((n) => 2 * n + 1440 > 9_999_999)) throw new Error('--rows: N at most about 4 990 000');
  if (!Number.isInteger(opts.repeat) || opts.repeat < 1) throw new Error('--repeat: a positive integer');
  return opts;
}

/* ------------------------------------------------------------------ setup */

/** Runs a command; resolves to { code, signal, stdout, stderr }. */
function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? 128, signal, stdout, stderr }));
  });
}

async function sha256(file) {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk);
  return h.digest('hex');
}

const compared = (opts) => COLUMNS.filter((c) => opts.withIds || !IDS.includes(c));

function configYaml(columns) {
  return `# Generated by bench/drift/run.mjs: one drift.feature check, reference vs its drifted twin.
version: 1
project:
  name: RegOps drift benchmark
requirements: requirements.yml
datasets:
  reference:
    path: reference.csv
    role: reference
  current:
    path: current.csv
    role: current
checks:
  - id: drift
    type: drift.feature
    verifies: [REQ-001]
    columns: [${columns.join(', ')}]
gate:
  fail_on: [fail, error]
`;
}

const REQUIREMENTS = `requirements:
  - id: REQ-001
    title: Input population stability
    type: data
    text: The current input data shall not drift from the reference data beyond the declared thresholds.
`;

/** The reference (seed S) and its twin (seed S+1, later patients and visits, then drift-twin.mjs) for N. */
async function prepare(n, opts, tmp) {
  const dir = path.join(tmp, `n${n}`);
  mkdirSync(dir, { recursive: true });
  const gen = path.join(root, 'bench', 'data', 'generate.mjs');
  console.log(`\n## N = ${fmt(n)}: generating the reference and its drifted twin (${fmt(n)} rows each)…`);
  const t0 = performance.now();
  const raw = path.join(dir, 'twin-raw.csv');
  const [ref, twin] = await Promise.all([
    run(process.execPath, [
      ...[gen, '--rows', String(n), '--out', path.join(dir, 'reference.csv'), '--seed', String(opts.seed)],
    ]),
    run(process.execPath, [
      ...[gen, '--rows', String(n), '--out', raw, '--seed', String(opts.seed + 1)],
      ...['--offset', String(n + 1440)],
    ]),
  ]);
  for (const g of [ref, twin]) {
    if (g.code !== 0) throw new Error(`generator failed (exit ${g.code}):\n${g.stderr}`);
    process.stdout.write(`  ${g.stdout}`);
  }
  const d = await driftTwin({ input: raw, out: path.join(dir, 'current.csv'), seed: opts.seed });
  rmSync(raw);
  console.log(
    `  drifted twin: ${fmt(d.rows)} rows; generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const columns = compared(opts);
  writeFileSync(path.join(dir, 'requirements.yml'), REQUIREMENTS);
  writeFileSync(path.join(dir, 'regops.yml'), configYaml(columns));
  const bytes = statSync(path.join(dir, 'reference.csv')).size + statSync(path.join(dir, 'current.csv')).size;
  return { n, dir, bytes, columns };
}

/* ---------------------------------------------------------------- measure */

/** The fields of `/usr/bin/time -v` we use. */
function parseTimeV(text) {
  const field = (label) => {
    const m = new RegExp(`^\\s*${label}:\\s*(.+)$`, 'm').exec(text);
    return m ? m[1].trim() : null;
  };
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)');
  const signal = /Command terminated by signal (\d+)/.exec(text);
  return {
    wallS: wall ? wall.split(':').reduce((s, x) => s * 60 + Number(x), 0) : null,
    maxRssMiB: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024 || null,
    cpuS: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')),
    signal: signal ? Number(signal[1]) : null,
  };
}

/** Runs `cmd args` under /usr/bin/time -v; resolves to the time fields and the command's own output. */
async function timed(cmd, args, runDir, options = {}) {
  const timeFile = path.join(runDir, 'time.txt');
  const t0 = performance.now();
  const res = await run(TIME, ['-v', '-o', timeFile, cmd, ...args], options);
  const parentWallS = (performance.now() - t0) / 1000;
  const m = existsSync(timeFile) ? parseTimeV(readFileSync(timeFile, 'utf8')) : {};
  return {
    ...res,
    ...m,
    wallS: m.wallS ?? parentWallS,
    code: res.code,
    signal: res.signal ?? m.signal ?? null,
  };
}

/** The last lines of a failed command's stderr that say why (V8's fatal error, a stack, …). */
function failure(res) {
  const lines = res.stderr.trim().split('\n').filter(Boolean);
  const fatal = lines.find((l) => /FATAL ERROR|out of memory|Killed|Error:/i.test(l));
  return (fatal ?? lines.at(-1) ?? `exit ${res.code}`).trim().slice(0, 200);
}

async function runRegops(prep, k, opts) {
  const runDir = path.join(prep.dir, `regops${k}`);
  mkdirSync(runDir, { recursive: true });
  const out = path.join(runDir, 'out');
  const args = [
    ...opts.nodeFlags,
    opts.runCli,
    'run',
    '--config',
    path.join(prep.dir, 'regops.yml'),
    '--out',
    out,
  ];
  console.log(`  regops run ${k + 1}/${opts.repeat}: node ${args.join(' ')} (under /usr/bin/time -v)`);
  const res = await timed(process.execPath, args, runDir, { cwd: prep.dir });
  let evidence = null;
  try {
    evidence = JSON.parse(readFileSync(path.join(out, 'evidence.json'), 'utf8'));
  } catch {
    evidence = null;
  }
  const entry = evidence?.results.find((r) => r.id === 'drift') ?? null;
  const columns = {};
  for (const r of evidence?.results ?? []) {
    if (!r.id.startsWith('drift/')) continue;
    const metric = (name) => r.metrics.find((x) => x.name === name)?.value ?? null;
    columns[r.id.slice('drift/'.length)] = {
      status: r.status,
      method: r.details?.method ?? null,
      statistic: r.metrics[0]?.value ?? null,
      missingRateReference: metric('missing_rate_reference'),
      missingRateCurrent: metric('missing_rate_current'),
      missingPAdjusted: metric('missing_p_adjusted'),
      drifted: r.details?.drifted ?? null,
      valueDrift: r.details?.value_drift ?? null,
      missingnessDrift: r.details?.missingness_drift ?? null,
    };
  }
  const ok = res.code === 0 || res.code === 1;
  const result = {
    tool: 'regops',
    n: prep.n,
    wallS: res.wallS,
    maxRssMiB: res.maxRssMiB ?? null,
    cpuS: res.cpuS ?? null,
    code: res.code,
    ok: ok && entry !== null,
    why: ok ? null : failure(res),
    stepS: entry?.duration_ms !== undefined ? entry.duration_ms / 1000 : null,
    drifted: entry?.details?.drifted ?? null,
    status: entry?.status ?? null,
    message: entry?.message ?? null,
    columns,
  };
  const rss = result.maxRssMiB === null ? 'n/a' : `${fmt(result.maxRssMiB)} MiB`;
  console.log(
    `    exit ${res.code}${res.signal ? ` (signal ${res.signal})` : ''}, ${fmt(res.wallS, 1)} s wall, peak RSS ${rss}, CPU ${fmt(res.cpuS, 1)} s, drift check ${fmt(result.stepS, 1)} s`,
  );
  if (entry) console.log(`    ${entry.status}: ${entry.message}`);
  if (!result.ok) console.log(`    failed: ${result.why}`);
  if (!opts.keep) rmSync(runDir, { recursive: true, force: true });
  return result;
}

async function runPandas(prep, k, opts) {
  const runDir = path.join(prep.dir, `pandas${k}`);
  mkdirSync(runDir, { recursive: true });
  const json = path.join(runDir, 'result.json');
  const args = [
    path.join(here, 'pandas_drift.py'),
    ...['--reference', path.join(prep.dir, 'reference.csv'), '--current', path.join(prep.dir, 'current.csv')],
    ...['--columns', prep.columns.join(','), '--out', json],
  ];
  console.log(
    `  pandas run ${k + 1}/${opts.repeat}: ${opts.python} bench/drift/pandas_drift.py … (under /usr/bin/time -v)`,
  );
  const res = await timed(opts.python, args, runDir);
  let out = null;
  try {
    out = JSON.parse(readFileSync(json, 'utf8'));
  } catch {
    out = null;
  }
  const columns = {};
  for (const c of out?.columns ?? []) {
    columns[c.column] = {
      method: c.method,
      statistic: c.statistic,
      missingRateReference: c.missing_rate_reference,
      missingRateCurrent: c.missing_rate_current,
      missingPAdjusted: c.missing_p_adjusted,
      drifted: c.drifted,
      valueDrift: c.value_drift,
      missingnessDrift: c.missingness_drift,
    };
  }
  const result = {
    tool: 'pandas',
    n: prep.n,
    wallS: res.wallS,
    maxRssMiB: res.maxRssMiB ?? null,
    cpuS: res.cpuS ?? null,
    code: res.code,
    ok: res.code === 0 && out !== null,
    why: res.code === 0 ? null : failure(res),
    stepS: out ? out.read_s + out.compute_s : null,
    readS: out?.read_s ?? null,
    testsS: out?.compute_s ?? null,
    drifted: out?.drifted ?? null,
    version: out?.tool ?? null,
    columns,
  };
  console.log(
    `    exit ${res.code}, ${fmt(res.wallS, 1)} s wall, peak RSS ${fmt(result.maxRssMiB)} MiB, CPU ${fmt(res.cpuS, 1)} s${out ? `, ${res.stdout.trim()}` : ''}`,
  );
  if (!result.ok) console.log(`    failed: ${result.why}`);
  if (!opts.keep) rmSync(runDir, { recursive: true, force: true });
  return result;
}

/* ----------------------------------------------------------------- report */

const fmt = (x, d = 0) =>
  x === null || x === undefined || Number.isNaN(x)
    ? 'n/a'
    : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const h = Math.floor(v.length / 2);
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/** Median, with (min-max) when there are several values. */
function spread(xs, d = 0) {
  const v = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x));
  if (v.length <= 1) return fmt(v[0] ?? null, d);
  return `${fmt(median(v), d)} (${fmt(Math.min(...v), d)}-${fmt(Math.max(...v), d)})`;
}

const esc = (s) => String(s).replace(/\|/g, '\\|');

/** A Markdown table padded as `biome format` pads tables (bench/ is linted). align: 'l' or 'r' per column. */
function mdTable(head, align, rows) {
  const len = (s) => [...s].length;
  const widths = head.map((h, j) => Math.max(3, len(h), ...rows.map((r) => len(r[j]))));
  const cell = (s, j) => {
    const pad = ' '.repeat(widths[j] - len(s));
    return align[j] === 'r' ? pad + s : s + pad;
  };
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  const sep = `| ${widths.map((w, j) => (align[j] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), sep, ...rows.map(line)].join('\n');
}

/** Results grouped by N and tool, in run order. */
function groups(results) {
  const g = new Map();
  for (const r of results) {
    const key = `${r.n}/${r.tool}`;
    g.set(key, [...(g.get(key) ?? []), r]);
  }
  return [...g.values()];
}

function mainTable(results, bytesByN) {
  const head = [
    'N (each side)',
    'CSV size (both)',
    'tool',
    'runs',
    'wall s',
    'peak RSS MiB',
    'CPU user+sys s',
    'exit',
    'drift step s',
    'drifted columns',
  ];
  const rows = groups(results).map((g) => {
    const r = g[0];
    const ok = g.filter((x) => x.ok);
    const fails = g.filter((x) => !x.ok);
    const drifted = [...new Set(ok.map((x) => (x.drifted ?? []).join(', ')))].join(' / ');
    const step = spread(
      ok.map((x) => x.stepS),
      1,
    );
    return [
      fmt(r.n),
      `${fmt(bytesByN.get(r.n) / MiB)} MiB`,
      r.tool,
      String(g.length),
      spread(
        g.map((x) => x.wallS),
        1,
      ),
      spread(g.map((x) => x.maxRssMiB)),
      spread(
        g.map((x) => x.cpuS),
        1,
      ),
      [...new Set(g.map((x) => x.code))].join(', '),
      r.tool === 'pandas' && ok.length
        ? `${step} (read ${fmt(median(ok.map((x) => x.readS)), 1)} + tests ${fmt(
            median(ok.map((x) => x.testsS)),
            1,
          )})`
        : step,
      esc(fails.length ? `failed: ${fails[0].why}` : drifted || '(none)'),
    ];
  });
  return mdTable(head, 'rrlrrrrrrl', rows);
}

function ratioTable(results) {
  const ns = [...new Set(results.map((r) => r.n))];
  const rows = [];
  for (const n of ns) {
    const a = results.filter((r) => r.n === n && r.tool === 'regops');
    const b = results.filter((r) => r.n === n && r.tool === 'pandas');
    if (!a.length || !b.length) continue;
    const ratio = (key) => {
      const x = median(a.filter((r) => r.ok).map((r) => r[key]));
      const y = median(b.filter((r) => r.ok).map((r) => r[key]));
      return x && y ? `${fmt(x / y, 2)}×` : 'n/a';
    };
    rows.push([fmt(n), ratio('wallS'), ratio('maxRssMiB'), ratio('cpuS'), ratio('stepS')]);
  }
  if (!rows.length) return '';
  return mdTable(
    [
      'N (each side)',
      'wall regops/pandas',
      'peak RSS regops/pandas',
      'CPU regops/pandas',
      'drift step regops/pandas',
    ],
    'rrrrr',
    rows,
  );
}

/** Expected vs found per column that was changed or flagged, for one N. */
function expectTable(results, n) {
  const reg = results.find((r) => r.n === n && r.tool === 'regops' && r.ok);
  const pan = results.find((r) => r.n === n && r.tool === 'pandas' && r.ok);
  const cols = [
    ...DRIFT.map((d) => d.column),
    ...ID_DRIFT.filter((d) => reg?.columns[d.column] || pan?.columns[d.column]).map((d) => d.column),
    ...new Set(
      [...(reg?.drifted ?? []), ...(pan?.drifted ?? [])].filter((c) => !DRIFT.some((d) => d.column === c)),
    ),
  ];
  const flag = (r, c) => {
    if (!r) return 'n/a';
    const x = r.columns[c];
    if (!x) return 'n/a';
    if (!x.drifted) return 'no';
    const why = [x.valueDrift ? 'value' : null, x.missingnessDrift ? 'missingness' : null].filter(Boolean);
    return `yes (${why.join(' + ')})`;
  };
  const rows = cols.map((c) => {
    const d = DRIFT.find((x) => x.column === c) ?? ID_DRIFT.find((x) => x.column === c);
    const expected = d ? d.expect : false;
    const found = reg?.columns[c]?.drifted;
    const verdict =
      found === undefined || found === null ? 'n/a' : found === expected ? 'as expected' : '**unexpected**';
    return [
      c,
      esc(d ? d.change : '(unchanged)'),
      expected ? `yes: ${esc(d.why)}` : d ? `no: ${esc(d.why)}` : 'no',
      flag(reg, c),
      flag(pan, c),
      verdict,
    ];
  });
  return mdTable(
    ['column', 'change in the twin', 'expected', 'regops', 'pandas', 'regops vs expected'],
    'llllll',
    rows,
  );
}

/** Per-column numbers of both tools for one N, and the largest differences. */
function columnTable(results, n) {
  const reg = results.find((r) => r.n === n && r.tool === 'regops' && r.ok);
  const pan = results.find((r) => r.n === n && r.tool === 'pandas' && r.ok);
  if (!reg) return { table: '', summary: '' };
  const sci = (x) =>
    x === null || x === undefined ? '-' : x === 0 ? '0' : x < 1e-4 ? x.toExponential(2) : x.toFixed(4);
  let dStat = 0;
  let dMiss = 0;
  let dP = 0;
  let methodsAgree = true;
  let flagsAgree = true;
  const rows = Object.entries(reg.columns).map(([c, x]) => {
    const y = pan?.columns[c];
    let delta = '-';
    if (y) {
      const ds = Math.abs(x.statistic - y.statistic);
      dStat = Math.max(dStat, ds);
      dMiss = Math.max(
        dMiss,
        Math.abs(x.missingRateReference - y.missingRateReference),
        Math.abs(x.missingRateCurrent - y.missingRateCurrent),
      );
      if ((x.missingPAdjusted === null) !== (y.missingPAdjusted === null)) dP = Number.POSITIVE_INFINITY;
      else if (x.missingPAdjusted !== null)
        dP = Math.max(dP, Math.abs(x.missingPAdjusted - y.missingPAdjusted));
      if (x.method !== y.method) methodsAgree = false;
      if (x.drifted !== y.drifted) flagsAgree = false;
      delta = ds === 0 ? '0' : ds.toExponential(1);
    }
    return [
      c,
      x.method ?? 'n/a',
      x.statistic === null ? 'n/a' : x.statistic.toFixed(6),
      y ? y.statistic.toFixed(6) : '-',
      delta,
      `${(100 * x.missingRateReference).toFixed(2)} / ${(100 * x.missingRateCurrent).toFixed(2)}`,
      sci(x.missingPAdjusted),
      y ? sci(y.missingPAdjusted) : '-',
      x.drifted ? 'yes' : 'no',
      y ? (y.drifted ? 'yes' : 'no') : '-',
    ];
  });
  const table = mdTable(
    [
      'column',
      'method',
      'statistic regops',
      'statistic pandas',
      'abs Δ',
      'missing % ref / cur',
      'missing p(Holm) regops',
      'pandas',
      'drift regops',
      'pandas',
    ],
    'llrrrrrrll',
    rows,
  );
  const summary = pan
    ? `Sanity check at N=${fmt(n)}: max |Δ| over the ${rows.length} columns of the statistic (normed Wasserstein / Jensen–Shannon) ${dStat.toExponential(2)}, of the missing rates ${dMiss.toExponential(2)}, of the Holm-adjusted missingness p-values ${dP.toExponential(2)}; methods ${methodsAgree ? 'agree' : '**differ**'}; drift flags ${flagsAgree ? 'agree' : '**differ**'}.`
    : '';
  return { table, summary };
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
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/* ------------------------------------------------------------------- main */

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.cli))
    throw new Error(`${path.relative(root, opts.cli)} not found: build it first (npm run -s build)`);
  if (!existsSync(TIME)) throw new Error(`${TIME} not found (Debian: apt-get install time)`);
  let pandasNote = null;
  if (opts.pandas) {
    const probe = await run(opts.python, ['-c', 'import pandas, scipy, numpy']).catch((e) => ({
      code: -1,
      stderr: e.message,
    }));
    if (probe.code !== 0) {
      pandasNote = `pandas comparison skipped: \`${opts.python} -c "import pandas, scipy, numpy"\` failed (${probe.stderr.trim().split('\n').at(-1)})`;
      console.warn(pandasNote);
      opts.pandas = false;
    }
  }
  const cliHash = await sha256(opts.cli);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'regops-bench-drift-'));
  const cleanup = () => {
    if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  const results = [];
  const bytesByN = new Map();
  const load0 = os.loadavg();
  const started = new Date();
  let columns = compared(opts);
  try {
    opts.runCli = opts.cli;
    if (opts.snapshot) {
      // A copy, so a rebuild of dist/ during the run does not change what is measured; node_modules for
      // the bundle's external imports.
      mkdirSync(path.join(tmp, 'cli'));
      opts.runCli = path.join(tmp, 'cli', path.basename(opts.cli));
      copyFileSync(opts.cli, opts.runCli);
      symlinkSync(path.join(root, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
      if ((await sha256(opts.runCli)) !== cliHash)
        throw new Error(`${opts.cli} changed while it was copied; run again`);
    }
    for (const n of opts.rows) {
      const prep = await prepare(n, opts, tmp);
      columns = prep.columns;
      bytesByN.set(n, prep.bytes);
      for (let k = 0; k < opts.repeat; k++) results.push(await runRegops(prep, k, opts));
      if (opts.pandas) for (let k = 0; k < opts.repeat; k++) results.push(await runPandas(prep, k, opts));
      if (!opts.keep) rmSync(prep.dir, { recursive: true, force: true });
    }
  } finally {
    if (opts.keep) console.log(`\nkept the temporary data in ${tmp}`);
    else cleanup();
  }
  const load1 = os.loadavg();
  const mc = machine();
  const args = process.argv.slice(2);
  const last =
    Math.max(...results.filter((r) => r.ok && r.tool === 'regops').map((r) => r.n), 0) || opts.rows.at(-1);
  const table = mainTable(results, bytesByN);
  const ratios = ratioTable(results);
  const expected = opts.rows.map((n) => `At N=${fmt(n)}:\n\n${expectTable(results, n)}`).join('\n\n');
  const perColumn = columnTable(results, last);
  const pandasVersion = results.find((r) => r.tool === 'pandas' && r.version)?.version;
  const md = `# Drift benchmark results

Generated by \`node bench/drift/run.mjs${args.length ? ` ${args.join(' ')}` : ''}\` on ${started.toISOString()}.

- Machine: ${mc.cpu}, ${mc.cores} cores, ${mc.memGiB.toFixed(0)} GiB RAM, ${mc.os}
- Node ${process.version}${opts.nodeFlags.length ? ` with ${opts.nodeFlags.map((f) => `\`${f}\``).join(' ')}` : ''} (V8 heap limit without flags: ${fmt(v8.getHeapStatistics().heap_size_limit / MiB)} MiB); CLI bundle \`${path.relative(root, opts.cli)}\` sha256 \`${cliHash.slice(0, 16)}…\`${opts.snapshot ? ' (run from a copy taken at the start)' : ''}${pandasVersion ? `; comparison: ${pandasVersion} (\`${opts.python}\`)` : ''}${pandasNote ? `; ${pandasNote}` : ''}
- Load average (1 min) at start / end: ${load0[0].toFixed(2)} / ${load1[0].toFixed(2)} (other work on the machine lengthens wall times; CPU seconds are less affected)
- Wall, peak RSS and CPU from \`/usr/bin/time -v\` of the whole process (regops: \`node regops.mjs run\`: start-up, the drift check, the profile pass over both datasets that every run makes for the evidence, the documents; pandas: \`python3 pandas_drift.py\`: start-up, reading both CSVs, the tests).${opts.repeat > 1 ? ` ${opts.repeat} runs per N and tool on the same files: median (min-max).` : ''}
- Drift step: regops = \`duration_ms\` of the \`drift.feature\` entry in evidence.json (reading both files whole into memory with \`loadTable\`, then the per-column tests); pandas = \`read_csv\` of both files + the tests.
- Data: reference = \`bench/data/generate.mjs --seed ${opts.seed}\` (N rows × 30 columns); current = the same generator with \`--seed ${opts.seed + 1}\` (later patients and visits), then \`bench/drift/drift-twin.mjs\`. Compared: ${columns.length} columns (${opts.withIds ? 'all, with patient_id and visit_time' : 'all but patient_id and visit_time'}), \`method: auto\`, Holm at α = 0.05, default thresholds (0.1).

${table}

${ratios ? `Ratios (medians of the successful runs):\n\n${ratios}\n` : ''}
Expected vs found (drifted = value distance ≥ 0.1 or Holm-adjusted missingness p < 0.05; expected: ${EXPECTED_DRIFTED.join(', ')}):

${expected}

${perColumn.summary}

Per column at N=${fmt(last)} (regops statistic: normed Wasserstein for numeric columns, Jensen–Shannon distance for the others):

${perColumn.table}
`;
  console.log(`\n${table}\n`);
  if (ratios) console.log(`${ratios}\n`);
  console.log(`${expected}\n`);
  if (perColumn.summary) console.log(`${perColumn.summary}\n`);
  if (opts.results) {
    writeFileSync(opts.results, md);
    console.log(`wrote ${path.relative(process.cwd(), opts.results) || opts.results}`);
  }
  const failed = results.filter((r) => !r.ok);
  if (failed.length) {
    console.error(
      `\n${failed.length} run(s) failed: ${failed.map((r) => `${r.tool} N=${fmt(r.n)}: ${r.why}`).join('; ')}`,
    );
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(`run.mjs: ${e.stack ?? e.message}`);
  process.exit(2);
});
