#!/usr/bin/env node
// The drifted twin of the drift benchmark: a CSV made by bench/data/generate.mjs (another seed) streamed
// through a fixed, documented set of changes, so the benchmark knows which columns the drift check should flag.
//
//   node bench/drift/drift-twin.mjs --in RAW.csv --out CURRENT.csv [--seed S]
//
// The changes (DRIFT below) are deterministic: the random ones draw from a seeded mulberry32 stream, so the
// same input and seed give the same bytes. Memory does not depend on the file size (1 MiB chunks, line by line).
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** mulberry32, as in bench/data/generate.mjs: floats in [0, 1). */
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

/** Adds `delta` to a number printed with `decimals` decimals, printed the same way; missing stays missing. */
const add = (delta, decimals) => (cell) => (cell === '' ? '' : (Number(cell) + delta).toFixed(decimals));

/**
 * What drifts, column by column. The SD quoted is the column's standard deviation in the generator (noise and
 * latent score terms, before rounding), so shift / SD is the shift in standard deviations, which is what the
 * normed Wasserstein distance measures (a pure shift by d moves every quantile by d: W1 = d). `expect`: should
 * `drift.feature` (auto method, > 1000 reference values, default thresholds) flag the column?
 */
export const DRIFT = [
  {
    column: 'bmi',
    change: '+1.5 kg/m² on every value (0.29 SD; generator SD √(5² + 1²) = 5.10)',
    expect: true,
    why: 'normed Wasserstein ≈ 0.29 ≥ 0.1',
    cell: add(1.5, 1),
  },
  {
    column: 'sbp',
    change: '+6 mmHg on every value (0.32 SD; generator SD √(18² + 5²) = 18.7)',
    expect: true,
    why: 'normed Wasserstein ≈ 0.32 ≥ 0.1',
    cell: add(6, 0),
  },
  {
    column: 'hemoglobin',
    change: '+0.5 g/dL on every value (0.29 SD; generator SD 1.7)',
    expect: true,
    why: 'normed Wasserstein ≈ 0.29 ≥ 0.1',
    cell: add(0.5, 1),
  },
  {
    column: 'heart_rate',
    change:
      '+1 /min on every value (0.08 SD; generator SD √(12² + 3²) = 12.4): a small shift under the threshold',
    expect: false,
    why: 'normed Wasserstein ≈ 0.08 < 0.1 (a KS test at this size would reject)',
    cell: add(1, 0),
  },
  {
    column: 'insurance',
    change:
      'mix public/private/none/other 48/40/7/5 → 33/55/7/5 (a `public` cell becomes `private` with probability 15/48)',
    expect: true,
    why: 'Jensen–Shannon distance ≈ 0.137 ≥ 0.1',
    cell: (cell, u) => (cell === 'public' && u() < 15 / 48 ? 'private' : cell),
  },
  {
    column: 'cholesterol',
    change:
      'missing rate 8% → 15% (a present cell is emptied with probability 0.07/0.92); the values keep their distribution',
    expect: true,
    why: 'missingness Z-test, Holm-adjusted p ≪ 0.05 (the value distance stays ≈ 0)',
    cell: (cell, u) => (cell !== '' && u() < 0.07 / 0.92 ? '' : cell),
  },
];

/** Columns the check should flag. */
export const EXPECTED_DRIFTED = DRIFT.filter((d) => d.expect).map((d) => d.column);

/**
 * Streams `input` (a CSV from generate.mjs: no quoting, comma-separated) to `out` with the DRIFT changes
 * applied; resolves to { rows, bytes }.
 */
export async function driftTwin({ input, out, seed = 7 }) {
  const u = mulberry32((seed * 2654435761 + 0xd71f7) >>> 0);
  const src = createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const dst = createWriteStream(out, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const closed = once(dst, 'close');
  let rest = '';
  let header = null;
  let changes = null; // [column index, cell function]
  let rows = 0;
  let bytes = 0;
  const write = async (text) => {
    bytes += Buffer.byteLength(text);
    if (!dst.write(text)) await once(dst, 'drain');
  };
  const line = (text) => {
    if (header === null) {
      header = text.split(',');
      changes = DRIFT.map((d) => {
        const j = header.indexOf(d.column);
        if (j < 0) throw new Error(`column ${d.column} is not in ${input}`);
        return [j, d.cell];
      });
      return text;
    }
    rows++;
    const cells = text.split(',');
    if (cells.length !== header.length) throw new Error(`${input}: row ${rows} has ${cells.length} fields`);
    for (const [j, cell] of changes) cells[j] = cell(cells[j], u);
    return cells.join(',');
  };
  for await (const chunk of src) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop();
    const lines = [];
    for (const p of parts) lines.push(line(p));
    if (lines.length) await write(`${lines.join('\n')}\n`);
  }
  if (rest !== '') await write(`${line(rest)}\n`);
  dst.end();
  await closed;
  return { rows, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const input = arg('--in');
  const out = arg('--out');
  if (!input || !out) {
    console.error('usage: drift-twin.mjs --in RAW.csv --out CURRENT.csv [--seed S]');
    process.exit(2);
  }
  const t0 = performance.now();
  const r = await driftTwin({ input, out, seed: Math.round(Number(arg('--seed') ?? 7)) });
  console.log(
    `${out}: ${r.rows} rows, ${r.bytes} bytes with drift in ${DRIFT.map((d) => d.column).join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
