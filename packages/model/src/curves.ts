/**
 * Compact curves for the evidence and the report: ROC points and calibration (reliability) bins, at most
 * 101 points each by default. Areas and summary numbers come from classification.ts / metrics.ts, never
 * from these (a downsampled curve is for drawing only).
 */
import { calibrationBinSums } from './classification';
import { countPositive, type Labels } from './metrics';

/** Default upper bound on the number of points in a curve. */
export const MAX_CURVE_POINTS = 101;

export interface RocCurve {
  /** False-positive rate FP/N at each point, non-decreasing; starts at 0 and ends at 1. */
  fpr: number[];
  /** True-positive rate TP/P at each point, non-decreasing; starts at 0 and ends at 1. */
  tpr: number[];
  /**
   * Positive iff score ≥ threshold at each point, decreasing. The first point, (0, 0), has the highest score
   * + 1 (as sklearn 1.2's roc_curve; sklearn ≥ 1.3 writes +inf there), so that it stays a JSON number.
   */
  thresholds: number[];
  /** Number of points before downsampling to maxPoints. */
  fullLength: number;
}

export interface RocCurveOptions {
  /**
   * Drop points that lie on a straight segment between their neighbours, as sklearn's roc_curve with
   * drop_intermediate=True (its default): a point is kept when the second difference of FP or of TP at it is
   * non-zero, or it is the first or last. Default true. false gives one point per distinct score.
   */
  dropIntermediate?: boolean;
  /**
   * At most this many points (≥ 2; default 101, Infinity for no limit). A longer curve is downsampled
   * deterministically to the points with indices round(j·(L − 1)/(maxPoints − 1)), j = 0 … maxPoints − 1,
   * which keeps the first and last point.
   */
  maxPoints?: number;
}

/** Indices round(j·(length − 1)/(max − 1)) for j = 0 … max − 1 (all indices when length ≤ max). */
export function downsampleIndices(length: number, max: number): number[] {
  if (!(max >= 2)) throw new RangeError(`maxPoints must be at least 2, got ${max}`);
  if (length <= max) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: max }, (_, j) => Math.round((j * (length - 1)) / (max - 1)));
}

/**
 * ROC curve as sklearn 1.2's roc_curve(labels, scores, drop_intermediate=…): one point per distinct score
 * (tied scores are one step), in decreasing threshold order, preceded by (0, 0). Needs both classes and no
 * NaN score (throws a RangeError).
 */
export function rocCurve(scores: ArrayLike<number>, labels: Labels, options: RocCurveOptions = {}): RocCurve {
  const { dropIntermediate = true, maxPoints = MAX_CURVE_POINTS } = options;
  const n = scores.length;
  if (labels.length !== n) throw new RangeError(`${n} score(s) but ${labels.length} label(s)`);
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    if (!Number.isFinite(s)) throw new RangeError(`score ${i + 1} is ${s}; the ROC curve needs every score`);
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new RangeError(`label ${i + 1} is ${String(y)}, expected 0 or 1`);
  }
  const nPos = countPositive(labels);
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) {
    throw new RangeError(`the ROC curve needs both classes (${nPos} positive, ${nNeg} negative)`);
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number));

  // Cumulative TP and FP counts at the last row of each group of tied scores.
  let tps: number[] = [];
  let fps: number[] = [];
  let thresholds: number[] = [];
  let tp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    if (labels[i] === 1) tp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      tps.push(tp);
      fps.push(k + 1 - tp);
      thresholds.push(scores[i] as number);
    }
  }
  if (dropIntermediate && tps.length > 2) {
    const keep: number[] = [];
    for (let k = 0; k < tps.length; k++) {
      if (k === 0 || k === tps.length - 1) keep.push(k);
      else {
        const d2 = (a: number[]) => (a[k + 1] as number) - 2 * (a[k] as number) + (a[k - 1] as number);
        if (d2(fps) !== 0 || d2(tps) !== 0) keep.push(k);
      }
    }
    tps = keep.map((k) => tps[k] as number);
    fps = keep.map((k) => fps[k] as number);
    thresholds = keep.map((k) => thresholds[k] as number);
  }
  tps.unshift(0);
  fps.unshift(0);
  thresholds.unshift((thresholds[0] as number) + 1);

  const fullLength = tps.length;
  const pick = downsampleIndices(fullLength, maxPoints);
  return {
    fpr: pick.map((k) => (fps[k] as number) / nNeg),
    tpr: pick.map((k) => (tps[k] as number) / nPos),
    thresholds: pick.map((k) => thresholds[k] as number),
    fullLength,
  };
}

export interface CalibrationPoint {
  /** Bin number, 0 … bins − 1. */
  bin: number;
  /** The bin is [lower, upper), the last one [lower, 1]. */
  lower: number;
  upper: number;
  /** Rows in the bin. */
  count: number;
  /** Mean predicted probability in the bin (x of the reliability diagram). */
  meanPredicted: number;
  /** Fraction of positives in the bin (y of the reliability diagram). */
  observed: number;
}

/**
 * Calibration (reliability) curve over `bins` equal-width bins [0, 1/B), …, [(B−1)/B, 1] (the same bins as
 * ece; default 10, at most 100), one point per non-empty bin. Equal to sklearn's
 * calibration_curve(n_bins=B, strategy='uniform') plus the counts, except for a probability exactly on an
 * inner edge, which sklearn puts in the lower bin.
 */
export function calibrationCurve(scores: ArrayLike<number>, labels: Labels, bins = 10): CalibrationPoint[] {
  const { weight, sumPredicted, sumObserved } = calibrationBinSums(scores, labels, bins);
  const out: CalibrationPoint[] = [];
  for (let b = 0; b < bins; b++) {
    const count = weight[b] as number;
    if (count === 0) continue;
    out.push({
      bin: b,
      lower: b / bins,
      upper: (b + 1) / bins,
      count,
      meanPredicted: (sumPredicted[b] as number) / count,
      observed: (sumObserved[b] as number) / count,
    });
  }
  return out;
}
