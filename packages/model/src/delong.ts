import { normalCdf, normalQuantile } from './bootstrap';
import { auroc } from './metrics';

// DeLong, DeLong & Clarke-Pearson (1988), "Comparing the areas under two or more correlated receiver
// operating characteristic curves: a nonparametric approach", Biometrics 44(3):837-845; computed with the
// midrank algorithm of Sun & Xu (2014), "Fast implementation of DeLong's algorithm for comparing the areas
// under correlated receiver operating characteristic curves", IEEE Signal Processing Letters 21(11):1389-1393.
//
// With m positives X_i and n negatives Y_j, and the kernel ψ(x, y) = 1 if x > y, ½ if x = y, 0 otherwise,
// DeLong's structural components (placement values) are
//   V10(X_i) = (1/n) Σ_j ψ(X_i, Y_j)   and   V01(Y_j) = (1/m) Σ_i ψ(X_i, Y_j),
// both averaging to the AUC θ. Sun & Xu obtain them without the m·n double sum from three midrankings:
// T_X (positives among themselves), T_Y (negatives among themselves) and T_Z (the pooled sample):
//   V10(X_i) = (T_Z(X_i) − T_X(X_i)) / n   and   V01(Y_j) = 1 − (T_Z(Y_j) − T_Y(Y_j)) / m,
// because T_Z(X_i) − T_X(X_i) counts the negatives below X_i, a tied negative counting ½ (midranks).
// Then S10 and S01 are the sample covariance matrices (denominators m − 1, n − 1) of the V10 and V01 of the
// models, and S = S10/m + S01/n is the covariance matrix of their AUCs.

/** Paired DeLong comparison of two models' AUROCs on the same rows; see `delongPaired`. */
export interface DelongPairedResult {
  /** AUROC of model A (equal to `auroc(scoresA, labels)`). */
  aucA: number;
  /** AUROC of model B. */
  aucB: number;
  /** aucB − aucA. */
  difference: number;
  /** DeLong variance of the difference: vA + vB − 2·cAB. */
  variance: number;
  /** √variance. */
  se: number;
  /** difference / se (0 when both are 0; see `delongPaired`). */
  z: number;
  /** Two-sided p-value 2·Φ(−|z|) of H0: AUC_A = AUC_B. */
  pValue: number;
  /** Normal (Wald) confidence interval of the difference at `level`: difference ∓ Φ⁻¹(1 − (1 − level)/2)·se. */
  ci: [number, number];
  /** DeLong covariance matrix of (aucA, aucB): [[vA, cAB], [cAB, vB]]. */
  covariance: [[number, number], [number, number]];
  nPositive: number;
  nNegative: number;
}

/** DeLong variance and normal confidence interval of one AUROC; see `delongSingle`. */
export interface DelongSingleResult {
  /** AUROC (equal to `auroc(scores, labels)`). */
  auc: number;
  /** DeLong variance of the AUROC: S10/m + S01/n. */
  variance: number;
  /** √variance. */
  se: number;
  /** auc ∓ Φ⁻¹(1 − (1 − level)/2)·se, clipped to [0, 1] (as pROC's ci.auc with method "delong"). */
  ci: [number, number];
  nPositive: number;
  nNegative: number;
}

/** Midranks (1-based, ties get the average of their ranks) of `values`. */
function midranks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const x = values[a] as number;
    const y = values[b] as number;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    const v = values[order[i] as number];
    while (j + 1 < n && values[order[j + 1] as number] === v) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] as number] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Which rows are positive, after checking the labels; throws on bad input. */
function checkLabels(labels: ArrayLike<number>): { positive: Uint8Array; m: number; n: number } {
  const positive = new Uint8Array(labels.length);
  let m = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] as number;
    if (Number.isNaN(y)) throw new Error(`DeLong: label ${i + 1} is NaN (missing); every row needs a label`);
    if (y !== 0 && y !== 1) throw new Error(`DeLong: label ${i + 1} is ${String(y)}, expected 0 or 1`);
    if (y === 1) {
      positive[i] = 1;
      m++;
    }
  }
  const n = labels.length - m;
  if (m === 0 || n === 0) {
    throw new Error(
      `DeLong: the AUROC is undefined with only one class present (${m} positive, ${n} negative)`,
    );
  }
  if (m < 2 || n < 2) {
    throw new Error(
      `DeLong: the variance needs at least 2 positives and 2 negatives (got ${m} positive, ${n} negative)`,
    );
  }
  return { positive, m, n };
}

function checkScores(name: string, scores: ArrayLike<number>, nLabels: number): void {
  if (scores.length !== nLabels) {
    throw new Error(`DeLong: ${name} has ${scores.length} value(s) but there are ${nLabels} label(s)`);
  }
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i] as number)) {
      throw new Error(`DeLong: ${name} ${i + 1} is NaN (missing); every row needs a score`);
    }
  }
}

function checkLevel(level: number): number {
  if (!(level > 0 && level < 1)) throw new Error(`DeLong: level must be in (0, 1), got ${level}`);
  return normalQuantile(1 - (1 - level) / 2);
}

/** Placement values V10 (one per positive, row order) and V01 (one per negative) by Sun & Xu's midranks. */
function placements(
  scores: ArrayLike<number>,
  positive: Uint8Array,
  m: number,
  n: number,
): { v10: Float64Array; v01: Float64Array } {
  const x = new Float64Array(m);
  const y = new Float64Array(n);
  const z = new Float64Array(m + n); // positives first, then negatives
  let ix = 0;
  let iy = 0;
  for (let i = 0; i < positive.length; i++) {
    const s = scores[i] as number;
    if (positive[i] === 1) x[ix++] = s;
    else y[iy++] = s;
  }
  z.set(x, 0);
  z.set(y, m);
  const tx = midranks(x);
  const ty = midranks(y);
  const tz = midranks(z);
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  for (let i = 0; i < m; i++) v10[i] = ((tz[i] as number) - (tx[i] as number)) / n;
  for (let j = 0; j < n; j++) v01[j] = 1 - ((tz[m + j] as number) - (ty[j] as number)) / m;
  return { v10, v01 };
}

function mean(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] as number;
  return s / v.length;
}

/** Sample covariance (denominator length − 1) of two equally long vectors, centred on their own means. */
function sampleCovariance(a: Float64Array, b: Float64Array): number {
  const ma = mean(a);
  const mb = mean(b);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((a[i] as number) - ma) * ((b[i] as number) - mb);
  return s / (a.length - 1);
}

function difference(a: Float64Array, b: Float64Array): Float64Array {
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) d[i] = (b[i] as number) - (a[i] as number);
  return d;
}

/**
 * DeLong's test of H0: AUC_A = AUC_B for two models scored on the same rows (paired, correlated AUROCs),
 * with DeLong, DeLong & Clarke-Pearson's (1988) nonparametric covariance, computed in O(N log N) by the
 * midrank algorithm of Sun & Xu (2014). Tied scores count ½ (within a model, a positive and a negative with
 * the same score), so the AUCs equal `auroc` (sklearn's roc_auc_score). `labels` are 1 (positive) / 0
 * (negative); `level` is the confidence level of the interval of the difference (default 0.95).
 *
 * Returns both AUROCs, their 2×2 covariance matrix, the difference B − A, its variance
 * (vA + vB − 2·cAB, computed directly from the differences of the placement values so that models with the
 * same ranks give exactly 0), the standard error, z = difference / se, the two-sided p-value 2·Φ(−|z|)
 * and the normal interval difference ∓ Φ⁻¹(1 − (1 − level)/2)·se.
 *
 * Degenerate variance: when the variance of the difference is 0 and the difference is 0 (identical models,
 * or models whose scores rank the rows identically), z = 0 and p = 1 (pROC's convention) and the interval is
 * [0, 0]. When the variance is 0 but the difference is not (e.g. a perfect model against a constant one:
 * every placement value differs by the same amount), z = ±Infinity and p = 0, the limit of the formula; the
 * normal approximation means little there.
 *
 * Throws a plain Error when the arrays differ in length, a score or label is NaN, a label is not 0 or 1, a
 * class is empty, a class has a single row (the sample covariances need at least 2 positives and 2
 * negatives), or `level` is outside (0, 1).
 */
export function delongPaired(
  scoresA: ArrayLike<number>,
  scoresB: ArrayLike<number>,
  labels: ArrayLike<number>,
  level = 0.95,
): DelongPairedResult {
  checkScores('scoresA', scoresA, labels.length);
  checkScores('scoresB', scoresB, labels.length);
  const { positive, m, n } = checkLabels(labels);
  const q = checkLevel(level);
  const a = placements(scoresA, positive, m, n);
  const b = placements(scoresB, positive, m, n);
  const covAB = sampleCovariance(a.v10, b.v10) / m + sampleCovariance(a.v01, b.v01) / n;
  const varA = sampleCovariance(a.v10, a.v10) / m + sampleCovariance(a.v01, a.v01) / n;
  const varB = sampleCovariance(b.v10, b.v10) / m + sampleCovariance(b.v01, b.v01) / n;
  const d10 = difference(a.v10, b.v10);
  const d01 = difference(a.v01, b.v01);
  const variance = sampleCovariance(d10, d10) / m + sampleCovariance(d01, d01) / n;
  const aucA = auroc(scoresA, labels);
  const aucB = auroc(scoresB, labels);
  const diff = aucB - aucA;
  const se = Math.sqrt(variance);
  let z: number;
  let pValue: number;
  if (variance === 0) {
    z = diff === 0 ? 0 : diff > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    pValue = diff === 0 ? 1 : 0;
  } else {
    z = diff / se;
    pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  }
  return {
    aucA,
    aucB,
    difference: diff,
    variance,
    se,
    z,
    pValue,
    ci: [diff - q * se, diff + q * se],
    covariance: [
      [varA, covAB],
      [covAB, varB],
    ],
    nPositive: m,
    nNegative: n,
  };
}

/**
 * DeLong variance of one AUROC (S10/m + S01/n, by the same midrank algorithm as `delongPaired`) and its
 * normal interval auc ∓ Φ⁻¹(1 − (1 − level)/2)·se, clipped to [0, 1] as pROC's ci.auc(method = "delong")
 * does. An AUROC of 0 or 1 has variance 0 and the interval [auc, auc]. Throws like `delongPaired`.
 */
export function delongSingle(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  level = 0.95,
): DelongSingleResult {
  checkScores('scores', scores, labels.length);
  const { positive, m, n } = checkLabels(labels);
  const q = checkLevel(level);
  const { v10, v01 } = placements(scores, positive, m, n);
  const variance = sampleCovariance(v10, v10) / m + sampleCovariance(v01, v01) / n;
  const auc = auroc(scores, labels);
  const se = Math.sqrt(variance);
  return {
    auc,
    variance,
    se,
    ci: [Math.max(0, auc - q * se), Math.min(1, auc + q * se)],
    nPositive: m,
    nNegative: n,
  };
}
