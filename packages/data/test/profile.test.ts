import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetProfile } from '@regops/core';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DistinctCounter } from '../src/profile/distinct';
import { HyperLogLog } from '../src/profile/hll';
import { KllSketch } from '../src/profile/kll';
import { classifyCell, PROFILE_QUANTILES, ProfileBuilder } from '../src/profile/profile';
import { SpaceSaving } from '../src/profile/topk';
import type { Cell, RowBatch } from '../src/types';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/data');

interface FixtureColumn {
  name: string;
  missing: number;
  count: number;
  distinct: number;
  inferred_type: string;
  numeric: {
    count: number;
    min: number;
    max: number;
    mean: number;
    std: number;
    quantiles: { q: number; value: number }[];
    histogram: { edges: number[]; counts: number[] };
  } | null;
  top: { value: string; count: number }[] | null;
}
interface FixtureFile {
  file: string;
  sha256: string;
  rows: number;
  missing_per_row: { missing: number; rows: number }[];
  columns: FixtureColumn[];
}
const fixture = JSON.parse(readFileSync(path.join(FIXTURES, 'pandas_fixture.json'), 'utf8')) as {
  quantile_qs: number[];
  files: FixtureFile[];
};

/** Header and rows of a CSV file; an empty field is missing (null). */
function readCsv(rel: string): { header: string[]; rows: Cell[][]; bytes: Buffer } {
  const bytes = readFileSync(path.join(FIXTURES, rel));
  const records = parse(bytes, { skip_empty_lines: true }) as string[][];
  const [header, ...body] = records;
  if (!header) throw new Error(`${rel}: no header`);
  return { header, rows: body.map((r) => r.map((c) => (c === '' ? null : c))), bytes };
}

function batches(rows: Cell[][], size: number): RowBatch[] {
  const out: RowBatch[] = [];
  for (let i = 0; i < rows.length; i += size) out.push({ rows: rows.slice(i, i + size), start: i + 1 });
  return out;
}

function profileOf(
  name: string,
  header: string[],
  rows: Cell[][],
  size = 100,
  sensitive = new Set<string>(),
) {
  const b = new ProfileBuilder(name, header);
  for (const batch of batches(rows, size)) b.batch(batch);
  return b.finish(sensitive);
}

function expectRel(actual: number, expected: number, tol = 1e-9) {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(Math.abs(actual - expected) / scale, `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

/** Deterministic uniform [0, 1) generator (xorshift32) for the synthetic streams. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/** Fraction of `sorted` strictly below v and at or below v. */
function trueRankInterval(sorted: Float64Array, v: number): [number, number] {
  const lower = (strict: boolean) => {
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      const x = sorted[m] as number;
      if (strict ? x < v : x <= v) a = m + 1;
      else b = m;
    }
    return a;
  };
  return [lower(true) / sorted.length, lower(false) / sorted.length];
}

/** How far q is from the true rank interval of the value the sketch returned for q. */
function rankError(sorted: Float64Array, q: number, v: number): number {
  const [lo, hi] = trueRankInterval(sorted, v);
  return q < lo ? lo - q : q > hi ? q - hi : 0;
}

describe('ProfileBuilder on the fixture CSVs equals pandas/numpy', () => {
  it('the fixture was generated from these exact CSV copies', () => {
    expect(fixture.quantile_qs).toEqual([...PROFILE_QUANTILES]);
    for (const f of fixture.files) {
      const { bytes } = readCsv(f.file);
      expect(createHash('sha256').update(bytes).digest('hex'), f.file).toBe(f.sha256);
    }
  });

  for (const f of fixture.files) {
    it(`${f.file}: counts, missing, distinct, moments, exact quantiles, histogram, missing per row`, () => {
      const { header, rows } = readCsv(f.file);
      const profile = profileOf(f.file, header, rows, 100);
      expect(DatasetProfile.parse(profile)).toEqual(profile);
      expect(profile.rows).toBe(f.rows);
      expect(profile.missing_per_row).toEqual(f.missing_per_row);
      expect(profile.columns.map((c) => c.name)).toEqual(f.columns.map((c) => c.name));
      for (const [i, want] of f.columns.entries()) {
        const got = profile.columns[i];
        if (!got) throw new Error(`missing column ${want.name}`);
        expect(got.count, want.name).toBe(want.count);
        expect(got.missing, want.name).toBe(want.missing);
        expect(got.distinct, want.name).toEqual({ value: want.distinct, exact: true });
        expect(got.inferred_type, want.name).toBe(want.inferred_type);
        expect(got.sensitive).toBe(false);
        expect(got.top, want.name).toEqual(want.top);
        if (!want.numeric) {
          expect(got.numeric, want.name).toBeNull();
          continue;
        }
        const n = got.numeric;
        if (!n) throw new Error(`${want.name}: no numeric summary`);
        expect(n.count).toBe(want.numeric.count);
        expect(n.min).toBe(want.numeric.min);
        expect(n.max).toBe(want.numeric.max);
        expectRel(n.mean, want.numeric.mean);
        expectRel(n.std, want.numeric.std);
        expect(n.quantiles, want.name).toEqual(want.numeric.quantiles);
        expect(n.histogram, want.name).toEqual(want.numeric.histogram);
        expect(n.sketch.n).toBe(want.numeric.count);
        expect(n.sketch.levels).toHaveLength(1); // exact mode: every value kept at weight 1
      }
    });
  }

  it('pima.csv: inferred types as documented in the dataset README', () => {
    const { header, rows } = readCsv('pima/pima.csv');
    const types = Object.fromEntries(
      profileOf('pima', header, rows).columns.map((c) => [c.name, c.inferred_type]),
    );
    expect(types).toEqual({
      pregnant: 'integer',
      glucose: 'integer',
      pressure: 'integer',
      triceps: 'integer',
      insulin: 'integer',
      mass: 'number',
      pedigree: 'number',
      age: 'integer',
      diabetes: 'string',
    });
  });
});

describe('ProfileBuilder semantics', () => {
  it('classifies cells: integer, number, boolean, string', () => {
    const t = (s: string) => classifyCell(s).type;
    expect(['0', '-3', '+7', '3.0', '1e3', ' 42 '].map(t)).toEqual(Array(6).fill('integer'));
    expect(['0.5', '-1.25e-3', '.5', '5.'].map(t)).toEqual(['number', 'number', 'number', 'integer']);
    expect(['true', 'FALSE', 'True'].map(t)).toEqual(['boolean', 'boolean', 'boolean']);
    expect(['+.5', '\u00a02.5\t', '-1E-2'].map(t)).toEqual(['number', 'number', 'number']);
    expect(['1e', '-', '.', 'e5', '1.2.3', '--1', '1 2', ' true '].map(t)).toEqual([
      'string',
      'string',
      'string',
      'string',
      'string',
      'string',
      'string',
      'boolean',
    ]);
    expect(classifyCell('-0').value).toBe(-0);
    expect(['yes', 'NaN', 'Infinity', '0x10', '1,000', '1e999', '', 'tRUE'].map(t)).toEqual(
      Array(8).fill('string'),
    );
  });

  it('type counts, inferred type with integer ⊂ number, the 90% numeric rule, empty columns, short rows', () => {
    const header = ['ints', 'mixednum', 'mostly', 'bools', 'empty', 'short'];
    const rows: Cell[][] = [];
    for (let i = 0; i < 20; i++) {
      rows.push([
        String(i),
        i % 2 ? `${i}.5` : String(i),
        i < 18 ? String(i) : 'x', // 18 of 20 numeric = 90%
        i % 3 ? 'true' : 'False',
        null,
        ...(i < 5 ? ['a'] : []),
      ]);
    }
    rows.push(['1', '1', 'y', 'zzz', null]); // now 18 of 21 numeric in "mostly" (< 90%)
    const p = profileOf('t', header, rows.slice(0, 20));
    const col = (name: string, prof = p) => prof.columns.find((c) => c.name === name);
    expect(col('ints')?.inferred_type).toBe('integer');
    expect(col('mixednum')?.inferred_type).toBe('number');
    expect(col('mixednum')?.type_counts).toEqual({ integer: 10, number: 10, boolean: 0, string: 0 });
    expect(col('mostly')?.inferred_type).toBe('integer');
    expect(col('mostly')?.numeric?.count).toBe(18);
    expect(col('mostly')?.top).toBeNull();
    expect(col('bools')?.inferred_type).toBe('boolean');
    expect(col('bools')?.numeric).toBeNull();
    expect(col('bools')?.top).toEqual([
      { value: 'true', count: 13 },
      { value: 'False', count: 7 },
    ]);
    expect(col('empty')).toMatchObject({
      inferred_type: 'empty',
      count: 0,
      missing: 20,
      numeric: null,
      top: [],
    });
    expect(col('short')).toMatchObject({ count: 5, missing: 15 });
    expect(p.missing_per_row).toEqual([
      { missing: 1, rows: 5 },
      { missing: 2, rows: 15 },
    ]);
    const p2 = profileOf('t', header, rows);
    expect(col('mostly', p2)?.numeric).toBeNull();
    expect(col('mostly', p2)?.top?.[0]).toEqual({ value: 'x', count: 2 });
    expect(col('mostly', p2)?.top).toHaveLength(10);
    expect(DatasetProfile.parse(p2)).toEqual(p2);
  });

  it('numeric distinct counts values, not spellings; single value has std 0 and a ±0.5 histogram', () => {
    const p = profileOf('t', ['v'], [['1'], ['1.0'], ['1e0'], ['+1']]);
    const c = p.columns[0];
    expect(c?.distinct).toEqual({ value: 1, exact: true });
    expect(c?.numeric).toMatchObject({ count: 4, min: 1, max: 1, mean: 1, std: 0 });
    expect(c?.numeric?.histogram.edges[0]).toBe(0.5);
    expect(c?.numeric?.histogram.edges[20]).toBe(1.5);
    expect(c?.numeric?.histogram.counts.reduce((a, b) => a + b)).toBe(4);
  });

  it('huge magnitudes: a valid profile, the numeric summary withheld only when the moments overflow', () => {
    const p = profileOf(
      't',
      ['big', 'huge'],
      [
        ['1e150', '1e300'],
        ['-1e150', '-1e300'],
        ['3', '0'],
      ],
    );
    expect(DatasetProfile.parse(p)).toEqual(p);
    expect(p.columns[0]?.numeric?.std).toBeGreaterThan(1e149);
    expect(p.columns[1]).toMatchObject({ inferred_type: 'integer', numeric: null, top: null });
  });

  it('sensitive columns: no raw value anywhere in the profile, only masked top values', () => {
    const header = ['patient_id', 'ssn', 'initials', 'age'];
    const ids: string[] = [];
    const ssns: string[] = [];
    const initials = ['QXZ', 'JKW', 'VBY'];
    const rows: Cell[][] = [];
    for (let i = 0; i < 300; i++) {
      const id = `MRN-${String(73_000_000 + ((i * 7919) % 150)).padStart(8, '0')}`;
      const ssn = String(900_000_000 + ((i * 104_729) % 99_991));
      ids.push(id);
      ssns.push(ssn);
      rows.push([id, ssn, initials[i % 3] as string, String(20 + (i % 60))]);
    }
    const sensitive = new Set(['patient_id', 'ssn', 'initials']);
    const p = profileOf('phi', header, rows, 64, sensitive);
    expect(DatasetProfile.parse(p)).toEqual(p);
    const text = JSON.stringify(p);
    for (const v of [...new Set([...ids, ...ssns, ...initials])]) expect(text.includes(v), v).toBe(false);
    const [pid, ssn, ini, age] = p.columns;
    expect(pid).toMatchObject({ sensitive: true, numeric: null, inferred_type: 'string' });
    expect(pid?.distinct).toEqual({ value: 150, exact: true });
    expect(pid?.top).toHaveLength(10);
    for (const t of pid?.top ?? []) expect(t.value).toMatch(/^•••\d\d$/);
    expect(ssn).toMatchObject({ sensitive: true, numeric: null, top: null, inferred_type: 'integer' });
    expect(ini?.top).toEqual([
      { value: '•••', count: 100 },
      { value: '•••', count: 100 },
      { value: '•••', count: 100 },
    ]);
    expect(age).toMatchObject({ sensitive: false, top: null });
    expect(age?.numeric?.min).toBe(20);
    // the same data without the sensitive set does show the values (so the test above is meaningful)
    const open = JSON.stringify(profileOf('phi', header, rows, 64));
    expect(open.includes(ids[0] as string) || open.includes(initials[0] as string)).toBe(true);
  });

  it('deterministic: same data gives a deep-equal profile, whatever the batch size', () => {
    const { header, rows } = readCsv('pima/pima.csv');
    const a = profileOf('pima', header, rows, 100);
    const b = profileOf('pima', header, rows, 100);
    const c = profileOf('pima', header, rows, 7);
    const d = profileOf('pima', header, rows, 10_000);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c).toEqual(a);
    expect(d).toEqual(a);
    // also beyond exact mode (compacting sketches, evicting top-k counters, HLL distinct)
    const big: Cell[][] = [];
    const r = rng(7);
    for (let i = 0; i < 30_000; i++) big.push([String(r() * 1000), `cat${Math.floor(r() ** 3 * 50_000)}`]);
    const e = profileOf('big', ['x', 'cat'], big, 1000);
    const f = profileOf('big', ['x', 'cat'], big, 333);
    expect(JSON.stringify(f)).toBe(JSON.stringify(e));
    expect(e.columns[0]?.numeric?.sketch.levels.length).toBeGreaterThan(1);
    expect(e.columns[1]?.distinct.exact).toBe(false);
    expect(DatasetProfile.parse(e)).toEqual(e);
  });
});

describe('KLL sketch', () => {
  it('is exact (nearest-rank quantiles) while n <= exactLimit, then compacts', () => {
    const s = new KllSketch();
    const xs: number[] = [];
    const r = rng(3);
    for (let i = 0; i < 1024; i++) {
      const v = Math.round(r() * 500) / 10;
      xs.push(v);
      s.update(v);
    }
    const sorted = xs.slice().sort((a, b) => a - b);
    expect(s.isExact).toBe(true);
    for (let i = 0; i <= 1000; i++) {
      const q = i / 1000;
      const want = sorted[Math.max(0, Math.ceil(q * xs.length) - 1)];
      expect(s.quantile(q), String(q)).toBe(want);
    }
    expect(s.rank(sorted[99] as number)).toBe(sorted.filter((v) => v <= (sorted[99] as number)).length);
    s.update(1);
    expect(s.isExact).toBe(false);
    expect(s.n).toBe(1025);
    expect(s.size).toBeLessThanOrEqual(700);
  });

  const N = 1_000_000;
  const r = rng(12345);
  const data = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    // a skewed mixture with ties: lognormal-ish body, a spike at 0, a far tail
    const u = r();
    data[i] = u < 0.1 ? 0 : u < 0.95 ? Math.exp(3 * (r() + r() + r() - 1.5)) : 1000 + Math.floor(r() * 100);
  }
  const sorted = data.slice().sort();
  const qs = [...PROFILE_QUANTILES, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 0.001, 0.999];

  it('1e6 values: every quantile within 2% rank error, rank() within 2%, bounded size', () => {
    const s = new KllSketch();
    for (const v of data) s.update(v);
    expect(s.n).toBe(N);
    let worst = 0;
    for (const q of qs) worst = Math.max(worst, rankError(sorted, q, s.quantile(q)));
    expect(worst).toBeLessThanOrEqual(0.02);
    for (let i = 0; i <= 100; i++) {
      const x = sorted[Math.min(N - 1, Math.floor((i / 100) * N))] as number;
      const [lo, hi] = trueRankInterval(sorted, x);
      expect(Math.abs(s.cdf(x) - hi)).toBeLessThanOrEqual(0.02);
      expect(Math.abs(s.rankLess(x) / N - lo)).toBeLessThanOrEqual(0.02);
    }
    expect(s.quantile(0)).toBe(sorted[0]);
    expect(s.quantile(1)).toBe(sorted[N - 1]);
    expect(s.size).toBeLessThan(3 * s.k + 8 * 20);
    console.log(`KLL 1e6: worst quantile rank error ${worst.toFixed(5)}, retained ${s.size} items`);
  });

  it('merge of two sketches ≈ sketch of the union; serialization round-trips; deterministic', () => {
    const a = new KllSketch();
    const b = new KllSketch();
    const u = new KllSketch();
    for (let i = 0; i < N; i++) {
      const v = data[i] as number;
      (i < N / 2 ? a : b).update(v);
      u.update(v);
    }
    const m = KllSketch.fromJSON(a.toJSON());
    m.merge(b);
    expect(m.n).toBe(N);
    let worst = 0;
    let apart = 0;
    for (const q of qs.filter((q) => q > 0 && q < 1)) {
      const em = rankError(sorted, q, m.quantile(q));
      worst = Math.max(worst, em, rankError(sorted, q, u.quantile(q)));
      const [mlo, mhi] = trueRankInterval(sorted, m.quantile(q));
      const [ulo, uhi] = trueRankInterval(sorted, u.quantile(q));
      apart = Math.max(apart, Math.max(0, mlo - uhi, ulo - mhi));
    }
    expect(worst).toBeLessThanOrEqual(0.02);
    expect(apart).toBeLessThanOrEqual(0.02);
    console.log(
      `KLL merge: worst rank error ${worst.toFixed(5)}, merged vs union rank gap ${apart.toFixed(5)}`,
    );

    const json = u.toJSON();
    const back = KllSketch.fromJSON(JSON.parse(JSON.stringify(json)));
    expect(back.toJSON()).toEqual(json);
    for (const q of qs.filter((q) => q > 0 && q < 1)) expect(back.quantile(q)).toBe(u.quantile(q));
    const again = new KllSketch();
    for (const v of data) again.update(v);
    expect(again.toJSON()).toEqual(json);
    expect(json.levels.reduce((w, l, h) => w + l.length * 2 ** h, 0)).toBe(N);
    expect(() => KllSketch.fromJSON({ ...json, n: N + 1 })).toThrow(/inconsistent/);
  });

  it('sorted input (1e6 ascending) stays within 2%', () => {
    const s = new KllSketch();
    for (const v of sorted) s.update(v);
    for (const q of qs) expect(rankError(sorted, q, s.quantile(q)), String(q)).toBeLessThanOrEqual(0.02);
  });

  it('merging exact sketches stays exact while small', () => {
    const a = new KllSketch();
    const b = new KllSketch();
    for (let i = 0; i < 300; i++) a.update(i);
    for (let i = 300; i < 600; i++) b.update(i);
    a.merge(b);
    expect(a.isExact).toBe(true);
    expect(a.quantile(0.5)).toBe(299);
    expect(a.quantile(0.25)).toBe(149);
    expect(() => a.update(Number.NaN)).toThrow(RangeError);
  });
});

describe('HyperLogLog and distinct counting', () => {
  for (const n of [100_000, 1_000_000]) {
    it(`${n.toLocaleString('en')} distinct strings: estimate within 3%`, () => {
      const h = new HyperLogLog();
      for (let i = 0; i < n; i++) h.add(`patient-${i}`);
      for (let i = 0; i < n; i += 10) h.add(`patient-${i}`); // repeats change nothing
      const rel = h.estimate() / n - 1;
      console.log(
        `HLL ${n}: estimate ${Math.round(h.estimate())}, relative error ${(rel * 100).toFixed(3)}%`,
      );
      expect(Math.abs(rel)).toBeLessThanOrEqual(0.03);
    });
  }

  it('small cardinalities are near exact; merge is a union', () => {
    const e = new HyperLogLog();
    expect(e.estimate()).toBe(0);
    for (const n of [1, 10, 100, 1000]) {
      // averaged over 100 key sets (a single set of 10 keys can share a register: ~1% chance per set)
      let sum = 0;
      for (let t = 0; t < 100; t++) {
        const h = new HyperLogLog();
        for (let i = 0; i < n; i++) h.add(`set${t}-${i}`);
        const e = h.estimate();
        expect(Math.abs(e - n), `${n}`).toBeLessThanOrEqual(Math.max(2, 0.06 * n));
        sum += e;
      }
      expect(Math.abs(sum / 100 / n - 1), `mean for ${n}`).toBeLessThanOrEqual(0.01);
    }
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    for (let i = 0; i < 60_000; i++) a.add(`k${i}`);
    for (let i = 40_000; i < 100_000; i++) b.add(`k${i}`);
    a.merge(b);
    expect(Math.abs(a.estimate() / 100_000 - 1)).toBeLessThanOrEqual(0.03);
  });

  it('DistinctCounter keeps numbers (by value) and strings apart, in exact and HLL mode', () => {
    const d = new DistinctCounter(100);
    for (const v of [1, 1, 0, -0, 2.5]) d.addNumber(v);
    for (const v of ['a', 'a', '1']) d.add(v);
    expect(d.result()).toEqual({ value: 5, exact: true }); // 1, 0, 2.5 | 'a', '1'
    for (let i = 0; i < 30_000; i++) {
      d.addNumber(i / 4);
      d.add(`s${i % 5000}`);
    }
    const r = d.result();
    expect(r.exact).toBe(false);
    expect(Math.abs(r.value / 35_002 - 1)).toBeLessThanOrEqual(0.03);
  });

  it('DistinctCounter is exact up to 10 000 distinct values, then a HyperLogLog estimate', () => {
    const d = new DistinctCounter();
    for (let i = 0; i < 10_000; i++) d.add(`v${i}`);
    for (let i = 0; i < 10_000; i++) d.add(`v${i}`);
    expect(d.result()).toEqual({ value: 10_000, exact: true });
    d.add('one more');
    const r = d.result();
    expect(r.exact).toBe(false);
    expect(Math.abs(r.value / 10_001 - 1)).toBeLessThanOrEqual(0.03);
    for (let i = 0; i < 50_000; i++) d.add(`w${i}`);
    expect(Math.abs(d.result().value / 60_001 - 1)).toBeLessThanOrEqual(0.03);
  });
});

describe('Space-Saving top-k', () => {
  it('exact counts while distinct values <= capacity', () => {
    const t = new SpaceSaving(20);
    const words = 'b a c a b a d e e e e f'.split(' ');
    for (const w of words) t.add(w);
    expect(t.exact).toBe(true);
    expect(t.top(10).map(({ value, count }) => ({ value, count }))).toEqual([
      { value: 'e', count: 4 },
      { value: 'a', count: 3 },
      { value: 'b', count: 2 },
      { value: 'c', count: 1 },
      { value: 'd', count: 1 },
      { value: 'f', count: 1 },
    ]);
    expect(t.top(2)).toHaveLength(2);
  });

  it('finds the true heavy hitters of a skewed stream', () => {
    const t = new SpaceSaving(20);
    const truth = new Map<string, number>();
    const r = rng(99);
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r();
      // five heavy items (20%, 12%, 8%, 6%, 5.5%) and a long tail of ~50 000 rare ones
      const v =
        u < 0.2
          ? 'H0'
          : u < 0.32
            ? 'H1'
            : u < 0.4
              ? 'H2'
              : u < 0.46
                ? 'H3'
                : u < 0.515
                  ? 'H4'
                  : `t${Math.floor(r() * 50_000)}`;
      t.add(v);
      truth.set(v, (truth.get(v) ?? 0) + 1);
    }
    expect(t.exact).toBe(false);
    const top = t.top(10);
    expect(top.slice(0, 5).map((x) => x.value)).toEqual(['H0', 'H1', 'H2', 'H3', 'H4']);
    for (const x of top) {
      const c = truth.get(x.value) ?? 0;
      expect(x.count).toBeGreaterThanOrEqual(c);
      expect(x.count - x.error).toBeLessThanOrEqual(c);
      expect(x.error).toBeLessThanOrEqual(n / 20);
    }
  });
});
