/**
 * Special functions shared by the drift statistics: log-gamma, the regularized incomplete gamma functions,
 * the chi-square and standard normal survival functions.
 *
 * Upper tails are computed directly (continued fraction for Q(a, x)), never as 1 − P, so a p-value keeps
 * its relative precision all the way down to the double range (~1e-300), as scipy's do.
 */

/** Relative tolerance at which the series / continued fraction stop. */
const EPS = 1e-16;
/** Guard against a zero denominator in the modified Lentz algorithm. */
const FPMIN = 1e-300;
/** Iteration cap; convergence takes O(√a) steps, so this covers a (= dof/2) far beyond any category count. */
const MAX_ITER = 100_000;

// Lanczos approximation, g = 6.024680040776729583740234375, N = 13 (the coefficients of CPython's
// math.lgamma), written as a rational function whose denominator is x(x+1)…(x+11); relative
// error of Γ about 1e-15 over x > 0. The literals are the nearest doubles to the published 50-digit values.
const LANCZOS_G = 6.02468004077673;
const LANCZOS_NUM = [
  23531376880.41076, 42919803642.6491, 35711959237.35567, 17921034426.03721, 6039542586.352028,
  1439720407.3117216, 248874557.86205417, 31426415.585400194, 2876370.6289353725, 186056.26539522348,
  8071.672002365816, 210.82427775157936, 2.5066282746310002,
];
const LANCZOS_DEN = [
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0,
  32670.0, 1925.0, 66.0, 1.0,
];

function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  const n = LANCZOS_NUM.length;
  if (x < 5) {
    for (let i = n - 1; i >= 0; i--) {
      num = num * x + (LANCZOS_NUM[i] as number);
      den = den * x + (LANCZOS_DEN[i] as number);
    }
  } else {
    // Same rational function in 1/x: no overflow for large x, and more accurate there.
    for (let i = 0; i < n; i++) {
      num = num / x + (LANCZOS_NUM[i] as number);
      den = den / x + (LANCZOS_DEN[i] as number);
    }
  }
  return num / den;
}

/**
 * ln Γ(x) for x > 0 (= `scipy.special.gammaln(x)` there). Absolute error about 1e-15·max(1, |ln Γ(x)|).
 * Exact 0 at x = 1 and x = 2.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new Error(`logGamma: x must be > 0, got ${x}`);
  if (x === 1 || x === 2) return 0;
  if (x === Number.POSITIVE_INFINITY) return x;
  if (x < 1e-20) return -Math.log(x);
  return Math.log(lanczosSum(x)) - LANCZOS_G + (x - 0.5) * (Math.log(x + LANCZOS_G - 0.5) - 1);
}

/** x^a·e^(−x)/Γ(a), the common factor of the series and the continued fraction. */
function gammaPrefix(a: number, x: number): number {
  return Math.exp(a * Math.log(x) - x - logGamma(a));
}

/** P(a, x) by its power series; converges quickly for x < a + 1. */
function gammaPSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n <= MAX_ITER; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) return sum * gammaPrefix(a, x);
  }
  throw new Error(`gammaP: series did not converge for a=${a}, x=${x}`);
}

/** Q(a, x) by its continued fraction (modified Lentz); converges quickly for x ≥ a + 1. */
function gammaQContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return h * gammaPrefix(a, x);
  }
  throw new Error(`gammaQ: continued fraction did not converge for a=${a}, x=${x}`);
}

function checkGammaArgs(fn: string, a: number, x: number): void {
  if (!(a > 0) || a === Number.POSITIVE_INFINITY)
    throw new Error(`${fn}: a must be finite and > 0, got ${a}`);
  if (!(x >= 0)) throw new Error(`${fn}: x must be ≥ 0, got ${x}`);
}

/**
 * Regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a) (= `scipy.special.gammaincc(a, x)`), a > 0,
 * x ≥ 0. For x ≥ a + 1 it is the continued fraction (Numerical Recipes `gcf`, modified Lentz), so tiny
 * values keep their relative precision; for x < a + 1 it is 1 − P(a, x) with P from the power series (there
 * Q is not small, so the subtraction loses nothing that matters). The common factor x^a·e^(−x)/Γ(a) is
 * exp(a·ln x − x − ln Γ(a)), whose rounding grows with the size of those terms: relative error ≈ 1e-16·x,
 * i.e. about 1e-12 at a chi-square dof of 5000 and 1e-10 at 10^6 (far beyond any category count).
 */
export function gammaQ(a: number, x: number): number {
  checkGammaArgs('gammaQ', a, x);
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return x < a + 1 ? 1 - gammaPSeries(a, x) : gammaQContinuedFraction(a, x);
}

/** Regularized lower incomplete gamma P(a, x) = 1 − Q(a, x) (= `scipy.special.gammainc(a, x)`). */
export function gammaP(a: number, x: number): number {
  checkGammaArgs('gammaP', a, x);
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  return x < a + 1 ? gammaPSeries(a, x) : 1 - gammaQContinuedFraction(a, x);
}

/**
 * Chi-square survival function P(X² ≥ x) with `dof` degrees of freedom (= `scipy.stats.chi2.sf(x, dof)`):
 * Q(dof/2, x/2). dof > 0 (need not be an integer); x ≤ 0 gives 1.
 */
export function chiSquareSf(x: number, dof: number): number {
  if (!(dof > 0)) throw new Error(`chiSquareSf: dof must be > 0, got ${dof}`);
  if (Number.isNaN(x)) throw new Error('chiSquareSf: x is NaN');
  if (x <= 0) return 1;
  return gammaQ(dof / 2, x / 2);
}

/**
 * Complementary error function (= `scipy.special.erfc(x)`): erfc(x) = Q(1/2, x²) for x ≥ 0 and
 * 2 − erfc(−x) for x < 0. Relative precision is kept in the upper tail (erfc(27) ≈ 5e-319 is still resolved).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) throw new Error('erfc: x is NaN');
  const q = gammaQ(0.5, x * x);
  return x >= 0 ? q : 2 - q;
}

/**
 * Standard normal survival function P(Z ≥ z) (= `scipy.stats.norm.sf(z)`) = erfc(z/√2)/2, evaluated as
 * Q(1/2, z²/2)/2 for z ≥ 0 (z²/2 is formed without the rounding of z/√2), 1 − that for z < 0.
 */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) throw new Error('normalSf: z is NaN');
  const half = 0.5 * gammaQ(0.5, 0.5 * z * z);
  return z >= 0 ? half : 1 - half;
}
