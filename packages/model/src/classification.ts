/**
 * Binary classification metrics over P(positive class) and 0/1 labels, checked against scikit-learn 1.2.1
 * (see packages/model/test/metrics-sklearn.test.ts and scripts/fixtures/make_sklearn_fixture.py).
 *
 * `scores[i]` is P(positive) for row i, `labels[i]` is 1 (positive) or 0. Functions taking `weights` accept
 * one non-negative weight per row (default 1): a bootstrap resample is the same as weighting each row by the
 * number of times it was drawn, so a resample needs no copied arrays. A NaN score, a label other than 0/1 or
 * a bad weight throws a RangeError naming the row (1-based); so does a metric that is undefined on the data
 * (for example average precision without positives).
 */
import type { Confusion, Labels } from './metrics';

/** Tolerance on [0, 1] for probabilities, as predictPositive accepts them (float32 rounding). */
const PROBABILITY_SLACK = 1e-6;

/** Probabilities are clipped to [CLIP, 1 − CLIP] before the logit in calibrationSlopeIntercept. */
export const CALIBRATION_CLIP = 1e-15;

/** log_loss clips to [ε, 1 − ε] with ε the float64 machine epsilon, as sklearn 1.2 does (eps="auto"). */
const LOG_LOSS_EPS = Number.EPSILON;

type Weights = ArrayLike<number> | undefined;

/** Shared input check; `probabilities` also requires every score to lie in [0, 1] (±1e-6). */
function check(scores: ArrayLike<number>, labels: Labels, weights: Weights, probabilities = false): void {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError(`${n} score(s) but ${labels.length} label(s)`);
  if (weights !== undefined && weights.length !== n) {
    throw new RangeError(`${n} score(s) but ${weights.length} weight(s)`);
  }
  if (n === 0) throw new RangeError('no rows: the metric needs at least one score');
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    if (!Number.isFinite(s))
      throw new RangeError(`score ${i + 1} is ${s}; metrics need a number for every row`);
    if (probabilities && (s < -PROBABILITY_SLACK || s > 1 + PROBABILITY_SLACK)) {
      throw new RangeError(`score ${i + 1} is ${s}, outside [0, 1]; this metric needs probabilities`);
    }
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new RangeError(`label ${i + 1} is ${String(y)}, expected 0 or 1`);
    if (weights !== undefined) {
      const w = weights[i] as number;
      if (!(Number.isFinite(w) && w >= 0)) {
        throw new RangeError(`weight ${i + 1} is ${w}, expected a finite number ≥ 0`);
      }
      total += w;
    }
  }
  if (weights !== undefined && !(total > 0)) throw new RangeError('the weights sum to 0');
}

const weightAt = (weights: Weights, i: number): number =>
  weights === undefined ? 1 : (weights[i] as number);

/** Row indices sorted by decreasing score (ties in any order: callers treat tied scores as one group). */
function byDecreasingScore(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (scores[b] as number) - (scores[a] as number));
}

/**
 * Average precision, equal to sklearn's average_precision_score: the step-wise area under the
 * precision-recall curve, AP = Σ_k (R_k − R_{k−1}) · P_k over the distinct scores in decreasing order
 * (R_0 = 0), where P_k and R_k are precision and recall when rows scoring ≥ the k-th distinct score are
 * positive. Tied scores form one step (no interpolation). Throws without positives (AP is undefined).
 */
export function averagePrecision(
  scores: ArrayLike<number>,
  labels: Labels,
  weights?: ArrayLike<number>,
): number {
  check(scores, labels, weights);
  const order = byDecreasingScore(scores);
  const tpsAt: number[] = [];
  const fpsAt: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const w = weightAt(weights, i);
    if (labels[i] === 1) tp += w;
    else fp += w;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      tpsAt.push(tp);
      fpsAt.push(fp);
    }
  }
  if (!(tp > 0)) throw new RangeError('average precision is undefined without positive labels');
  let ap = 0;
  let prevRecall = 0;
  for (let k = 0; k < tpsAt.length; k++) {
    const t = tpsAt[k] as number;
    const predicted = t + (fpsAt[k] as number);
    const precision = predicted === 0 ? 0 : t / predicted;
    const recall = t / tp;
    ap += (recall - prevRecall) * precision;
    prevRecall = recall;
  }
  return ap;
}

/** Brier score, mean((p − y)²) (weighted mean with weights), as sklearn's brier_score_loss. */
export function brier(scores: ArrayLike<number>, labels: Labels, weights?: ArrayLike<number>): number {
  check(scores, labels, weights, true);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = weightAt(weights, i);
    const d = (scores[i] as number) - (labels[i] as number);
    sum += w * d * d;
    total += w;
  }
  return sum / total;
}

/**
 * Log loss (cross-entropy, natural log), as sklearn 1.2's log_loss: p is clipped to [ε, 1 − ε] with ε the
 * float64 machine epsilon (2.2e-16), the pair (1 − p, p) renormalized, and −log of the true class's
 * probability averaged over rows (weighted with weights).
 */
export function logLoss(scores: ArrayLike<number>, labels: Labels, weights?: ArrayLike<number>): number {
  check(scores, labels, weights, true);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = weightAt(weights, i);
    const p = Math.min(Math.max(scores[i] as number, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    const q = 1 - p;
    const norm = q + p;
    sum += w * -Math.log((labels[i] === 1 ? p : q) / norm);
    total += w;
  }
  return sum / total;
}

/**
 * Calibration bin of probability p among `bins` equal-width bins [k/B, (k+1)/B), the last one closed
 * ([(B−1)/B, 1]). Edges are the float64 values k / B, so p = 0.1 is in bin 1 for B = 10. Probabilities a
 * hair outside [0, 1] (float32 rounding) go to the first or last bin.
 */
export function calibrationBinIndex(p: number, bins = 10): number {
  let b = Math.min(Math.max(Math.floor(p * bins), 0), bins - 1);
  // p * bins is rounded; settle the bin against the exact edges k / bins.
  while (b > 0 && p < b / bins) b--;
  while (b < bins - 1 && p >= (b + 1) / bins) b++;
  return b;
}

function checkBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < 1 || bins > 100) {
    throw new RangeError(`bins must be an integer from 1 to 100, got ${bins}`);
  }
}

/** Per-bin weight, Σw·p and Σw·y over calibration bins (see calibrationBinIndex). */
export function calibrationBinSums(
  scores: ArrayLike<number>,
  labels: Labels,
  bins: number,
  weights?: ArrayLike<number>,
): { weight: Float64Array; sumPredicted: Float64Array; sumObserved: Float64Array } {
  checkBins(bins);
  check(scores, labels, weights, true);
  const weight = new Float64Array(bins);
  const sumPredicted = new Float64Array(bins);
  const sumObserved = new Float64Array(bins);
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i] as number;
    const b = calibrationBinIndex(p, bins);
    const w = weightAt(weights, i);
    weight[b] = (weight[b] as number) + w;
    sumPredicted[b] = (sumPredicted[b] as number) + w * p;
    sumObserved[b] = (sumObserved[b] as number) + w * (labels[i] as number);
  }
  return { weight, sumPredicted, sumObserved };
}

/**
 * Expected calibration error over `bins` equal-width bins [0, 1/B), …, [(B−1)/B, 1] (last bin closed; see
 * calibrationBinIndex): ECE = Σ_b (n_b / N) · |mean(y_b) − mean(p_b)|, empty bins contributing nothing. With
 * weights, n_b and N are sums of weights and the means are weighted.
 */
export function ece(
  scores: ArrayLike<number>,
  labels: Labels,
  bins = 10,
  weights?: ArrayLike<number>,
): number {
  const { weight, sumPredicted, sumObserved } = calibrationBinSums(scores, labels, bins, weights);
  let total = 0;
  for (let b = 0; b < bins; b++) total += weight[b] as number;
  let out = 0;
  for (let b = 0; b < bins; b++) {
    const nb = weight[b] as number;
    if (nb === 0) continue;
    out += (nb / total) * Math.abs((sumObserved[b] as number) / nb - (sumPredicted[b] as number) / nb);
  }
  return out;
}

export interface ConfusionMatrix extends Confusion {
  /** 2·TP / (2·TP + FP + FN); null when there is no positive label and no positive prediction. */
  f1: number | null;
  /** sklearn confusion_matrix layout: rows true 0/1, columns predicted 0/1, i.e. [[TN, FP], [FN, TP]]. */
  matrix: [[number, number], [number, number]];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/**
 * Confusion matrix and rates at a threshold: a row is predicted positive iff its score ≥ threshold (as
 * confusionAt in metrics.ts). `threshold` may be ±Infinity (+Infinity: no row positive). With weights the
 * counts and n are sums of weights.
 */
export function confusionMatrix(
  scores: ArrayLike<number>,
  labels: Labels,
  threshold: number,
  weights?: ArrayLike<number>,
): ConfusionMatrix {
  check(scores, labels, weights);
  if (Number.isNaN(threshold)) throw new RangeError('threshold must be a number, got NaN');
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = weightAt(weights, i);
    const predicted = (scores[i] as number) >= threshold;
    if (labels[i] === 1) {
      if (predicted) tp += w;
      else fn += w;
    } else if (predicted) fp += w;
    else tn += w;
  }
  const n = tp + fp + tn + fn;
  return {
    threshold,
    n,
    tp,
    fp,
    tn,
    fn,
    sensitivity: ratio(tp, tp + fn),
    specificity: ratio(tn, tn + fp),
    ppv: ratio(tp, tp + fp),
    npv: ratio(tn, tn + fn),
    accuracy: ratio(tp + tn, n),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    matrix: [
      [tn, fp],
      [fn, tp],
    ],
  };
}

/** F1 at a threshold (positive iff score ≥ threshold); null when undefined (see ConfusionMatrix.f1). */
export function f1At(
  scores: ArrayLike<number>,
  labels: Labels,
  threshold: number,
  weights?: ArrayLike<number>,
): number | null {
  return confusionMatrix(scores, labels, threshold, weights).f1;
}

export interface OperatingPoint {
  /** The sensitivity or specificity asked for. */
  target: number;
  /** Positive iff score ≥ threshold. Infinity (no row positive) only from thresholdForSpecificity. */
  threshold: number;
  /** The sensitivity (or specificity) reached at `threshold` on these data, ≥ target. */
  achieved: number;
  confusion: ConfusionMatrix;
}

function checkTarget(target: number, what: string): void {
  if (!(target > 0 && target <= 1)) throw new RangeError(`target ${what} must be in (0, 1], got ${target}`);
}

/**
 * The largest threshold whose sensitivity on these data reaches `target`: with positive iff score ≥ t,
 * sensitivity(t) = #{positives with score ≥ t} / #positives falls as t rises, and the largest t with
 * sensitivity(t) ≥ target is the score of the k-th highest-scoring positive, k the smallest count with
 * k / #positives ≥ target (compared in float64). It is always an observed score, and it has the highest
 * specificity among thresholds meeting the target. Throws without positives or for a target outside (0, 1].
 */
export function thresholdForSensitivity(
  scores: ArrayLike<number>,
  labels: Labels,
  target: number,
): OperatingPoint {
  check(scores, labels, undefined);
  checkTarget(target, 'sensitivity');
  const positives: number[] = [];
  for (let i = 0; i < scores.length; i++) if (labels[i] === 1) positives.push(scores[i] as number);
  const nPos = positives.length;
  if (nPos === 0) throw new RangeError('sensitivity is undefined without positive labels');
  positives.sort((a, b) => b - a);
  let k = 1;
  while (k < nPos && k / nPos < target) k++;
  const threshold = positives[k - 1] as number;
  const confusion = confusionMatrix(scores, labels, threshold);
  return { target, threshold, achieved: confusion.sensitivity as number, confusion };
}

/**
 * The smallest threshold whose specificity on these data reaches `target`, among the candidate thresholds:
 * the observed scores, then +Infinity (no row positive). Specificity(t) = #{negatives with score < t} /
 * #negatives rises with t; with m the smallest count with m / #negatives ≥ target (float64) and v the m-th
 * lowest negative score, the answer is the lowest observed score above v, or Infinity when no score is above
 * v. Any t in (v, answer] gives the same confusion matrix on these data; the observed score is reported, as
 * for sklearn's roc_curve thresholds. Throws without negatives or for a target outside (0, 1].
 */
export function thresholdForSpecificity(
  scores: ArrayLike<number>,
  labels: Labels,
  target: number,
): OperatingPoint {
  check(scores, labels, undefined);
  checkTarget(target, 'specificity');
  const negatives: number[] = [];
  for (let i = 0; i < scores.length; i++) if (labels[i] === 0) negatives.push(scores[i] as number);
  const nNeg = negatives.length;
  if (nNeg === 0) throw new RangeError('specificity is undefined without negative labels');
  negatives.sort((a, b) => a - b);
  let m = 1;
  while (m < nNeg && m / nNeg < target) m++;
  const v = negatives[m - 1] as number;
  let threshold = Number.POSITIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (s > v && s < threshold) threshold = s;
  }
  const confusion = confusionMatrix(scores, labels, threshold);
  return { target, threshold, achieved: confusion.specificity as number, confusion };
}

export interface CalibrationFit {
  /** b in logit P(y=1) = a + b·logit(p), both fitted (ideal 1; below 1: predictions too extreme). */
  slope: number;
  /**
   * Calibration-in-the-large: a in logit P(y=1) = a + logit(p), with the slope fixed at 1 (logit(p) as an
   * offset). Ideal 0; above 0: the model under-predicts risk on average.
   */
  intercept: number;
  /** a of the two-parameter fit (the intercept that goes with `slope`). */
  interceptTwoParam: number;
  /** Newton iterations used by the two fits. */
  iterations: { twoParam: number; offset: number };
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** log(1 + e^t) without overflow. */
const softplus = (t: number): number => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));

/** Weighted Bernoulli log-likelihood of linear predictor a + b·x: log σ(z) = −softplus(−z), log(1 − σ(z)) = −softplus(z). */
function logLikelihood(x: Float64Array, labels: Labels, weights: Weights, a: number, b: number): number {
  let ll = 0;
  for (let i = 0; i < x.length; i++) {
    const z = a + b * (x[i] as number);
    ll -= weightAt(weights, i) * (labels[i] === 1 ? softplus(-z) : softplus(z));
  }
  return ll;
}

const NEWTON_MAX_ITERATIONS = 100;
const NEWTON_TOLERANCE = 1e-13;
const converged = (step: number, value: number) => Math.abs(step) <= NEWTON_TOLERANCE * (1 + Math.abs(value));

function notConverged(what: string): RangeError {
  return new RangeError(
    `calibration ${what} did not converge: the scores separate the classes (almost) perfectly, so the logistic recalibration has no finite maximum-likelihood fit`,
  );
}

/**
 * Logistic recalibration (Cox 1958): x = logit(p) = log(p) − log1p(−p) with p clipped to [1e-15, 1 − 1e-15].
 * The slope is b from the maximum-likelihood fit of y ~ a + b·x; the intercept is the usual
 * "calibration-in-the-large", a from the fit y ~ a + offset(x) (slope fixed at 1). Both fits use Newton's
 * method (IRLS) from a = 0, b = 1 until every Newton step is below 1e-13 relative to 1 + |value| (a step that
 * would lower the likelihood by more than rounding is halved; near the optimum every step is a full one). With weights the likelihood is weighted. Throws when one class is
 * absent or the fit does not converge in 100 iterations (classes separated by the score).
 */
/** logit(p) with p clipped to [CALIBRATION_CLIP, 1 − CALIBRATION_CLIP]: the recalibration's covariate. */
export function calibrationLogits(scores: ArrayLike<number>): Float64Array {
  const x = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const p = Math.min(Math.max(scores[i] as number, CALIBRATION_CLIP), 1 - CALIBRATION_CLIP);
    x[i] = Math.log(p) - Math.log1p(-p);
  }
  return x;
}

export function calibrationSlopeIntercept(
  scores: ArrayLike<number>,
  labels: Labels,
  weights?: ArrayLike<number>,
  /** Newton starting points (e.g. the full-sample fit, for bootstrap resamples) and which fits to run. */
  options: {
    start?: { a: number; b: number; c: number };
    fits?: 'both' | 'slope' | 'intercept';
    /** logit(clip(score)) of every row, when the caller has them already (bootstrap resamples). */
    logits?: Float64Array;
  } = {},
): CalibrationFit {
  check(scores, labels, weights, true);
  let wPos = 0;
  let wNeg = 0;
  const n = scores.length;
  const x = options.logits ?? calibrationLogits(scores);
  for (let i = 0; i < n; i++) {
    if (labels[i] === 1) wPos += weightAt(weights, i);
    else wNeg += weightAt(weights, i);
  }
  if (!(wPos > 0 && wNeg > 0)) {
    throw new RangeError('calibration slope and intercept are undefined with only one class present');
  }

  // Two-parameter fit: y ~ a + b·x.
  const fits = options.fits ?? 'both';
  let a = options.start?.a ?? 0;
  let b = options.start?.b ?? 1;
  let ll = logLikelihood(x, labels, weights, a, b);
  let twoParam = 0;
  for (; fits !== 'intercept'; ) {
    if (++twoParam > NEWTON_MAX_ITERATIONS) throw notConverged('slope');
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i] as number;
      const w = weightAt(weights, i);
      const mu = sigmoid(a + b * xi);
      const r = w * ((labels[i] as number) - mu);
      const v = w * mu * (1 - mu);
      g0 += r;
      g1 += r * xi;
      h00 += v;
      h01 += v * xi;
      h11 += v * xi * xi;
    }
    const det = h00 * h11 - h01 * h01;
    if (!(det > 0)) throw notConverged('slope');
    let da = (h11 * g0 - h01 * g1) / det;
    let db = (h00 * g1 - h01 * g0) / det;
    if (!(Number.isFinite(da) && Number.isFinite(db))) throw notConverged('slope');
    if (converged(da, a + da) && converged(db, b + db)) {
      // At the optimum the likelihood is flat to rounding: take the last full step without a check.
      a += da;
      b += db;
      break;
    }
    // Halve a step that lowers the likelihood by more than rounding (Newton can overshoot far from the
    // optimum); near it the full step is always taken, as in a plain Newton iteration.
    let next = logLikelihood(x, labels, weights, a + da, b + db);
    const slack = 1e-9 * (1 + Math.abs(ll));
    for (let halvings = 0; !(next >= ll - slack) && halvings < 30; halvings++) {
      da /= 2;
      db /= 2;
      next = logLikelihood(x, labels, weights, a + da, b + db);
    }
    a += da;
    b += db;
    ll = next;
  }

  // Calibration-in-the-large: y ~ c + offset(x). Concave in one variable; Newton from 0.
  let c = options.start?.c ?? 0;
  let offset = 0;
  for (; fits !== 'slope'; ) {
    if (++offset > NEWTON_MAX_ITERATIONS) throw notConverged('intercept');
    let g = 0;
    let h = 0;
    for (let i = 0; i < n; i++) {
      const w = weightAt(weights, i);
      const mu = sigmoid(c + (x[i] as number));
      g += w * ((labels[i] as number) - mu);
      h += w * mu * (1 - mu);
    }
    if (!(h > 0)) throw notConverged('intercept');
    const dc = g / h;
    c += dc;
    if (!Number.isFinite(c)) throw notConverged('intercept');
    if (converged(dc, c)) break;
  }
  return {
    slope: fits === 'intercept' ? Number.NaN : b,
    intercept: fits === 'slope' ? Number.NaN : c,
    interceptTwoParam: fits === 'intercept' ? Number.NaN : a,
    iterations: { twoParam, offset },
  };
}

export interface NetBenefit {
  threshold: number;
  /** TP/N − FP/N · t/(1 − t), positive iff score ≥ t. */
  netBenefit: number;
  /** Treat everyone: prevalence − (1 − prevalence) · t/(1 − t). */
  treatAll: number;
  /** Treat no one: always 0. */
  treatNone: 0;
}

/**
 * Net benefit of decision-curve analysis (Vickers & Elkin 2006) at threshold probability t in (0, 1):
 * NB = TP/N − FP/N · t/(1 − t), a row treated iff score ≥ t, with the treat-all and treat-none references.
 * With weights, TP, FP and N are sums of weights.
 */
export function netBenefit(
  scores: ArrayLike<number>,
  labels: Labels,
  threshold: number,
  weights?: ArrayLike<number>,
): NetBenefit {
  if (!(threshold > 0 && threshold < 1)) {
    throw new RangeError(`net benefit needs a threshold strictly between 0 and 1, got ${threshold}`);
  }
  const c = confusionMatrix(scores, labels, threshold, weights);
  const odds = threshold / (1 - threshold);
  const prevalence = (c.tp + c.fn) / c.n;
  return {
    threshold,
    netBenefit: c.tp / c.n - (c.fp / c.n) * odds,
    treatAll: prevalence - (1 - prevalence) * odds,
    treatNone: 0,
  };
}
