#!/usr/bin/env node
// Deterministic synthetic EHR-like table for the data-pipeline benchmark: N rows × 30 columns written as CSV,
// streamed in chunks (memory does not depend on N). No dependencies.
//
//   node bench/data/generate.mjs --rows 1000000 --out /tmp/train.csv [--split train|test] [--offset 0] [--seed 42]
//
// Columns: patient_id (unique per generated patient, P0000001…), visit_time (ISO date-time, increasing with
// the row), 21 numeric columns (normal, lognormal, integer counts; each with its own fixed rate of empty
// fields), 6 categorical columns (small vocabularies; `smoker` has a rare "yes" spelling of "Yes"; in the
// test split `site` also has a rare site the training data never had), and a binary `outcome` (0/1).
// About 0.1% of rows are exact copies of a recent earlier row (duplicates).
//
// `--offset K` shifts patient numbers and visit times by K rows, so a test split generated with
// `--offset <train rows + gap>` has no patient in common with the training split and only later visit times.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** mulberry32: small, fast, seeded 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.u = mulberry32(seed);
    this.spare = null;
  }
  /** Standard normal (Marsaglia polar method, the second value kept for the next call). */
  normal() {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let x;
    let y;
    let r;
    do {
      x = 2 * this.u() - 1;
      y = 2 * this.u() - 1;
      r = x * x + y * y;
    } while (r >= 1 || r === 0);
    const f = Math.sqrt((-2 * Math.log(r)) / r);
    this.spare = y * f;
    return x * f;
  }
  /** Poisson by inversion (small means only). */
  poisson(lambda) {
    const l = Math.exp(-lambda);
    let k = 0;
    let p = this.u();
    while (p > l) {
      k++;
      p *= this.u();
    }
    return k;
  }
  pick(values, weights) {
    let x = this.u() * weights.total;
    for (let i = 0; i < values.length; i++) {
      x -= weights.list[i];
      if (x < 0) return values[i];
    }
    return values[values.length - 1];
  }
}

const W = (...list) => ({ list, total: list.reduce((s, w) => s + w, 0) });
const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));

/**
 * Numeric columns: name, missing rate, value generator. `z` is a per-row latent "sickness" score shared by a
 * few columns and the outcome, so the label is learnable and columns are mildly correlated.
 */
const NUMERIC = [
  ['age', 0.005, (r, z) => String(Math.round(clamp(55 + 15 * r.normal() + 4 * z, 18, 99)))],
  ['bmi', 0.02, (r, z) => clamp(28 + 5 * r.normal() + z, 14, 70).toFixed(1)],
  ['sbp', 0.01, (r, z) => String(Math.round(clamp(128 + 18 * r.normal() + 5 * z, 70, 240)))],
  ['dbp', 0.01, (r) => String(Math.round(clamp(80 + 11 * r.normal(), 35, 140)))],
  ['heart_rate', 0.005, (r, z) => String(Math.round(clamp(75 + 12 * r.normal() + 3 * z, 30, 200)))],
  ['resp_rate', 0.03, (r) => String(Math.round(clamp(16 + 3 * r.normal(), 6, 50)))],
  ['temp_c', 0.02, (r) => clamp(36.9 + 0.5 * r.normal(), 33, 42).toFixed(1)],
  ['spo2', 0.015, (r, z) => String(Math.round(clamp(97 + 2 * r.normal() - 0.8 * Math.max(z, 0), 70, 100)))],
  ['glucose', 0.04, (r, z) => String(Math.round(Math.exp(Math.log(105) + 0.25 * r.normal() + 0.08 * z)))],
  ['creatinine', 0.05, (r) => Math.exp(Math.log(0.9) + 0.3 * r.normal()).toFixed(2)],
  ['hemoglobin', 0.03, (r) => clamp(13.5 + 1.7 * r.normal(), 5, 20).toFixed(1)],
  ['wbc', 0.03, (r, z) => Math.exp(Math.log(7) + 0.3 * r.normal() + 0.05 * z).toFixed(1)],
  ['platelets', 0.03, (r) => String(Math.round(Math.exp(Math.log(250) + 0.25 * r.normal())))],
  ['sodium', 0.02, (r) => String(Math.round(clamp(139 + 3 * r.normal(), 120, 160)))],
  ['potassium', 0.02, (r) => clamp(4.2 + 0.4 * r.normal(), 2, 7).toFixed(1)],
  ['cholesterol', 0.08, (r) => String(Math.round(clamp(195 + 38 * r.normal(), 80, 400)))],
  ['triglycerides', 0.09, (r) => String(Math.round(Math.exp(Math.log(140) + 0.45 * r.normal())))],
  ['hba1c', 0.12, (r, z) => clamp(5.9 + 0.9 * r.normal() + 0.3 * z, 3.5, 16).toFixed(1)],
  // A lab value reported below the detection limit as text ("<0.5") now and then: a mixed-type column.
  ['crp', 0.1, (r) => (r.u() < 0.0002 ? '<0.5' : Math.exp(Math.log(3) + r.normal()).toFixed(1))],
  ['prior_visits', 0.01, (r, z) => String(r.poisson(3 + Math.max(z, 0)))],
  ['num_medications', 0.01, (r) => String(r.poisson(5))],
];

const SITES = ['SITE_A', 'SITE_B', 'SITE_C', 'SITE_D', 'SITE_E', 'SITE_F'];

/** Categorical columns: name, missing rate, value generator (the split decides `site`). */
function categorical(split) {
  const sites = split === 'test' ? [...SITES, 'SITE_G'] : SITES;
  const siteW = split === 'test' ? W(30, 25, 15, 12, 10, 8, 0.2) : W(30, 25, 15, 12, 10, 8);
  const smokers = ['No', 'Yes', 'yes'];
  const smokerW = W(78, 22, 0.05); // "yes": a rare second spelling of "Yes"
  return [
    ['sex', 0.001, (r) => (r.u() < 0.52 ? 'F' : 'M')],
    ['smoker', 0.02, (r) => r.pick(smokers, smokerW)],
    ['site', 0, (r) => r.pick(sites, siteW)],
    ['insurance', 0.01, (r) => r.pick(['public', 'private', 'none', 'other'], W(48, 40, 7, 5))],
    ['admission_type', 0.005, (r) => r.pick(['elective', 'emergency', 'urgent'], W(45, 35, 20))],
    [
      'ethnicity',
      0.03,
      (r) => r.pick(['group_1', 'group_2', 'group_3', 'group_4', 'group_5'], W(55, 18, 14, 9, 4)),
    ],
  ];
}

export const COLUMNS = [
  'patient_id',
  'visit_time',
  ...NUMERIC.map((c) => c[0]),
  ...categorical('train').map((c) => c[0]),
  'outcome',
];

const DUPLICATE_RATE = 0.001;
const RECENT = 1024;
const T0 = Date.UTC(2015, 0, 1);
const STEP_MS = 60_000; // one visit a minute on average

/** Seed of a split: the same base seed gives different but reproducible streams for train and test. */
const splitSeed = (seed, split) => (seed * 2654435761 + (split === 'test' ? 0x51ed27 : 0x7a11)) >>> 0;

/**
 * Writes `rows` rows to `out`; resolves to { rows, bytes, duplicates }. Holds one chunk (~1 MiB) of text
 * and the last RECENT rows (duplicate sources) in memory, whatever `rows` is.
 */
export async function generate({ rows, out, split = 'train', offset = 0, seed = 42 }) {
  const r = new Rng(splitSeed(seed, split));
  const cats = categorical(split);
  const stream = createWriteStream(out, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const closed = once(stream, 'close');
  let bytes = 0;
  let chunk = [];
  let chunkChars = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const text = chunk.join('');
    chunk = [];
    chunkChars = 0;
    bytes += Buffer.byteLength(text);
    if (!stream.write(text)) await once(stream, 'drain');
  };
  const push = async (line) => {
    chunk.push(line);
    chunkChars += line.length;
    if (chunkChars >= 1 << 20) await flush();
  };

  await push(`${COLUMNS.join(',')}\n`);
  const recent = new Array(RECENT);
  let made = 0; // distinct generated rows (patients)
  let duplicates = 0;
  for (let i = 0; i < rows; i++) {
    if (made > 0 && r.u() < DUPLICATE_RATE) {
      await push(recent[Math.floor(r.u() * Math.min(made, RECENT))]);
      duplicates++;
      continue;
    }
    const n = offset + made + 1; // patient number and time slot
    const z = r.normal();
    const cells = new Array(COLUMNS.length);
    cells[0] = `P${String(n).padStart(7, '0')}`;
    cells[1] = `${new Date(T0 + n * STEP_MS + Math.floor(r.u() * STEP_MS)).toISOString().slice(0, 19)}Z`;
    let k = 2;
    for (const [, miss, gen] of NUMERIC) {
      const v = gen(r, z); // always draw, so the missing pattern does not shift the value stream
      cells[k++] = r.u() < miss ? '' : v;
    }
    for (const [, miss, gen] of cats) {
      const v = gen(r);
      cells[k++] = r.u() < miss ? '' : v;
    }
    // Outcome: logistic in the latent score, age and glucose; prevalence about 15%.
    const age = Number(cells[2]) || 55;
    const logit = -2.1 + 0.9 * z + 0.02 * (age - 55) + 0.3 * r.normal();
    cells[k] = r.u() < 1 / (1 + Math.exp(-logit)) ? '1' : '0';
    const line = `${cells.join(',')}\n`;
    recent[made % RECENT] = line;
    made++;
    await push(line);
  }
  await flush();
  stream.end();
  await closed;
  return { rows, bytes, duplicates };
}

function parseArgs(argv) {
  const opts = { rows: 100_000, out: null, split: 'train', offset: 0, seed: 42 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--rows') opts.rows = Math.round(Number(v));
    else if (a === '--out') opts.out = v;
    else if (a === '--split') opts.split = v;
    else if (a === '--offset') opts.offset = Math.round(Number(v));
    else if (a === '--seed') opts.seed = Math.round(Number(v));
    else if (a === '--help' || a === '-h') {
      console.log('usage: generate.mjs --rows N --out FILE.csv [--split train|test] [--offset K] [--seed S]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
    i++;
  }
  if (!opts.out) throw new Error('--out FILE.csv is required');
  if (!Number.isInteger(opts.rows) || opts.rows < 1) throw new Error('--rows must be a positive integer');
  if (!['train', 'test'].includes(opts.split)) throw new Error('--split must be train or test');
  if (opts.offset + opts.rows > 9_999_999)
    throw new Error('patient numbers would exceed 7 digits (offset + rows ≤ 9 999 999)');
  return opts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const t0 = performance.now();
    const res = await generate(opts);
    const s = (performance.now() - t0) / 1000;
    console.log(
      `${opts.out}: ${res.rows} rows (${res.duplicates} duplicates), ${res.bytes} bytes (${(res.bytes / 2 ** 20).toFixed(1)} MiB) in ${s.toFixed(1)} s`,
    );
  } catch (e) {
    console.error(`generate.mjs: ${e.message}`);
    process.exit(2);
  }
}
