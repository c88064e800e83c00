import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCsvTable } from '@regops/data';
import { describe, expect, it } from 'vitest';
import { KS_EXACT_MAX_N, kolmogorovSf, ksExactPValue, ksTwoSample } from '../src/ks';

/** Same generator as make_ks_fixture.py: x_k = ((k*mul + add) % mod) + offset. */
interface Formula {
  kind: 'modmul';
  n: number;
  mul: number;
  add: number;
  mod: number;
  offset: number;
}

interface Case {
  name: string;
  n1: number;
  n2: number;
  statistic: number;
  p_scipy: number;
  scipy_method: string;
  p_exact?: number;
  p_kstwobign?: number;
  a?: number[];
  b?: number[];
  a_formula?: Formula;
  b_formula?: Formula;
  pima?: { column: string; a: string; b: string };
}

interface Fixture {
  scipy: string;
  cases: Case[];
  kstwobign_sf: { x: number; sf: number }[];
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = JSON.parse(readFileSync(`${root}test/fixtures/ks/ks_scipy.json`, 'utf8')) as Fixture;

function modmul(f: Formula): Float64Array {
  const out = new Float64Array(f.n);
  for (let k = 0; k < f.n; k++) out[k] = ((k * f.mul + f.add) % f.mod) + f.offset;
  return out;
}

async function pimaColumn(dataset: string, column: string): Promise<Float64Array> {
  const table = await readCsvTable({
    name: dataset,
    absPath: `${root}examples/pima-diabetes/data/${dataset}.csv`,
    path: `data/${dataset}.csv`,
    delimiter: ',',
    naValues: ['', 'NA'],
  });
  return table.numeric(column).filter((v) => !Number.isNaN(v));
}

async function inputs(c: Case): Promise<[ArrayLike<number>, ArrayLike<number>]> {
  if (c.pima) return [await pimaColumn(c.pima.a, c.pima.column), await pimaColumn(c.pima.b, c.pima.column)];
  if (c.a_formula && c.b_formula) return [modmul(c.a_formula), modmul(c.b_formula)];
  if (c.a && c.b) return [c.a, c.b];
  throw new Error(`fixture case ${c.name} has no inputs`);
}

const relErr = (x: number, ref: number) => (x === ref ? 0 : Math.abs(x - ref) / Math.abs(ref));

// Worst observed errors, printed at the end (the numbers quoted in reviews come from here).
const worst = { statistic: 0, pScipy: 0, pExact: 0, pKstwobign: 0, kolmogorovSf: 0 };

describe('ksTwoSample: hand-worked cases', () => {
  it('a=[1,2,3], b=[4,5,6]: D = 1, p = 2/C(6,3) = 0.1', () => {
    const r = ksTwoSample([1, 2, 3], [4, 5, 6]);
    expect(r).toMatchObject({ statistic: 1, method: 'exact', n1: 3, n2: 3 });
    expect(relErr(r.pValue, 0.1)).toBeLessThan(1e-15);
  });

  it('a=[1,2], b=[3]: D = 1, p = 2/C(3,1) = 2/3 (both extreme orderings)', () => {
    const r = ksTwoSample([1, 2], [3]);
    expect(r.statistic).toBe(1);
    expect(relErr(r.pValue, 2 / 3)).toBeLessThan(1e-15);
  });

  it('a=[1,3], b=[2,4]: D = 1/2, p = 1 (every ordering reaches a gap of 1/2)', () => {
    // Orderings of {a,a,b,b}: 6; each has some prefix with |c1/2 − c2/2| ≥ 1/2 (the first step already does).
    const r = ksTwoSample([1, 3], [2, 4]);
    expect(r.statistic).toBe(0.5);
    expect(r.pValue).toBe(1);
  });

  it('ties follow searchsorted side=right: a=[1,1,2], b=[1,2,2] → D = 1/3', () => {
    // At x=1: F1 = 2/3, F2 = 1/3; at x=2: both 1. Values strictly between ties are never evaluated.
    expect(ksTwoSample([1, 1, 2], [1, 2, 2]).statistic).toBeCloseTo(1 / 3, 15);
  });

  it('treats -0 and +0 as the same value', () => {
    expect(ksTwoSample([-0, 1], [0, 1]).statistic).toBe(0);
  });

  it('is symmetric in its arguments and ignores input order', () => {
    const a = [0.3, -1.2, 4, 4, 2.5, 0.3, 7];
    const b = [1, 1, 2, -3, 5.5];
    const r1 = ksTwoSample(a, b);
    const r2 = ksTwoSample([...b].reverse(), [...a].reverse());
    expect(r2.statistic).toBe(r1.statistic);
    expect(r2.pValue).toBe(r1.pValue);
  });

  it('throws a plain Error on an empty sample or NaN', () => {
    expect(() => ksTwoSample([], [1])).toThrow(/empty sample/);
    expect(() => ksTwoSample([1], [])).toThrow(/empty sample/);
    expect(() => ksTwoSample([1, Number.NaN], [2])).toThrow(/NaN/);
  });

  it('completely separated samples keep relative precision down to ~1e-240: p = 2 / C(n1+n2, n1)', () => {
    const invBinom = (n1: number, n2: number) => {
      let r = 1;
      for (let k = 1; k <= n1; k++) r *= k / (n2 + k); // n1 rounding steps: relative error ≲ n1·2^-53
      return r;
    };
    for (const [n1, n2] of [
      [400, 400],
      [300, 500],
      [7, 1000],
    ] as const) {
      const a = Array.from({ length: n1 }, (_, k) => k);
      const b = Array.from({ length: n2 }, (_, k) => 10000 + k);
      const r = ksTwoSample(a, b);
      expect(r.statistic).toBe(1);
      expect(relErr(r.pValue, 2 * invBinom(n1, n2))).toBeLessThan(1e-12);
    }
    // 2 / C(20000, 10000) is about 1e-6020: below the double range, so 0 (not a rounding artefact).
    const big = Array.from({ length: 10000 }, (_, k) => k);
    expect(
      ksTwoSample(
        big,
        big.map((x) => x + 1e5),
      ).pValue,
    ).toBe(0);
  });

  it('keeps the exact p-value bounded: 10000 vs 10000 with a wide band runs in well under 5 s', () => {
    for (const h of [9999, 300]) {
      const t0 = performance.now();
      const p = ksExactPValue(10000, 10000, h);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });

  it('the exact p-value of the square case matches the reflection formula', () => {
    // n1 = n2 = n: P(D ≥ h/n) = 2 Σ_{k≥1} (−1)^(k−1) C(2n, n−kh) / C(2n, n); n = 8 is exact in doubles.
    const binom = (n: number, k: number) => {
      let r = 1;
      for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
      return r;
    };
    for (let h = 1; h <= 8; h++) {
      let s = 0;
      for (let k = 1; k * h <= 8; k++) s += (k % 2 === 1 ? 1 : -1) * binom(16, 8 - k * h);
      expect(relErr(ksExactPValue(8, 8, h), (2 * s) / binom(16, 8))).toBeLessThan(1e-14);
    }
  });
});

describe(`ksTwoSample vs scipy ${fixture.scipy} (test/fixtures/ks/ks_scipy.json)`, () => {
  for (const c of fixture.cases) {
    it(c.name, async () => {
      const [a, b] = await inputs(c);
      const r = ksTwoSample(a, b);
      expect([r.n1, r.n2]).toEqual([c.n1, c.n2]);
      expect(r.method).toBe(c.scipy_method === 'exact' ? 'exact' : 'asymptotic');

      const dErr = Math.abs(r.statistic - c.statistic);
      worst.statistic = Math.max(worst.statistic, dErr);
      expect(dErr).toBeLessThanOrEqual(1e-12);

      if (r.method === 'exact') {
        // Relative tolerance in every regime, down to p ~ 1e-29: both scipy and we resolve tiny p-values.
        const e = relErr(r.pValue, c.p_scipy);
        worst.pScipy = Math.max(worst.pScipy, e);
        expect(e).toBeLessThanOrEqual(1e-9);
        if (c.p_exact !== undefined) {
          // p_exact is the correctly rounded value of the exact fraction: we hold a tighter bound to it.
          const ee = relErr(r.pValue, c.p_exact);
          worst.pExact = Math.max(worst.pExact, ee);
          expect(ee).toBeLessThanOrEqual(1e-12);
        }
      } else {
        // We use the Kolmogorov limit kstwobign.sf(√en·D); scipy's 'asymp' uses kstwo.sf(D, round(en)).
        const e = relErr(r.pValue, c.p_kstwobign ?? Number.NaN);
        worst.pKstwobign = Math.max(worst.pKstwobign, e);
        expect(e).toBeLessThanOrEqual(1e-9);
        // The finite-size correction between the two is about 1% here; the limit is the conservative side.
        expect(r.pValue).toBeGreaterThan(c.p_scipy);
        expect(relErr(r.pValue, c.p_scipy)).toBeLessThan(0.03);
      }
    });
  }

  it('covers every regime the brief asks for', () => {
    const names = fixture.cases.map((c) => c.name).join('\n');
    expect(fixture.cases.filter((c) => c.pima)).toHaveLength(16);
    expect(fixture.cases.some((c) => c.scipy_method === 'asymp' && c.n1 > KS_EXACT_MAX_N)).toBe(true);
    expect(fixture.cases.some((c) => c.p_scipy < 1e-20)).toBe(true);
    expect(names).toMatch(/identical/);
    expect(names).toMatch(/heavy ties/);
    expect(names).toMatch(/n=1 vs n=5/);
  });
});

describe('kolmogorovSf vs scipy.stats.kstwobign.sf', () => {
  it.each(fixture.kstwobign_sf)('x = $x', ({ x, sf }) => {
    const e = relErr(kolmogorovSf(x), sf);
    worst.kolmogorovSf = Math.max(worst.kolmogorovSf, e);
    expect(e).toBeLessThanOrEqual(1e-12);
  });

  it('prints the worst errors observed against scipy', () => {
    console.log(`KS worst errors vs scipy: ${JSON.stringify(worst)}`);
    expect(worst.statistic).toBeLessThanOrEqual(1e-12);
  });
});
