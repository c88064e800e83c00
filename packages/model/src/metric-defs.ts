import type { ModelMetricName } from '@regops/core';
import { type Statistic, statistics } from './bootstrap';
import {
  averagePrecision,
  brier,
  calibrationLogits,
  calibrationSlopeIntercept,
  confusionMatrix,
  ece,
  f1At,
  logLoss,
  netBenefit,
} from './classification';
import { auroc } from './metrics';

export {
  LOWER_IS_BETTER,
  METRIC_LABELS,
  MODEL_METRICS,
  type ModelMetricName,
  THRESHOLD_METRICS,
} from '@regops/core';

/** Metrics of a regression model (model.task: regression). */
export const REGRESSION_METRICS: readonly ModelMetricName[] = ['mae', 'rmse', 'r2'];

/** Metrics of a multiclass model (model.task: multiclass). */
export const MULTICLASS_METRICS: readonly ModelMetricName[] = [
  'macro_auroc',
  'weighted_auroc',
  'class_recall',
];

/** The model.task a metric applies to. */
export function metricTask(metric: ModelMetricName): 'binary' | 'multiclass' | 'regression' {
  if (REGRESSION_METRICS.includes(metric)) return 'regression';
  if (MULTICLASS_METRICS.includes(metric)) return 'multiclass';
  return 'binary';
}

type Fn = (
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  weights?: ArrayLike<number>,
) => number | null;

/**
 * The metric as a function of (scores, labels, optional row weights); null where it is undefined on these
 * data (one class only, no predicted positives, a calibration fit that does not converge).
 */
export function metricFunction(metric: ModelMetricName, threshold: number): Fn {
  const safe =
    (f: Fn): Fn =>
    (s, l, w) => {
      try {
        const v = f(s, l, w);
        return v === null || Number.isNaN(v) ? null : v;
      } catch {
        return null;
      }
    };
  const labels01 = (l: ArrayLike<number>) => l as unknown as Uint8Array;
  switch (metric) {
    case 'auroc':
      // Weighted AUROC (the bootstrap) goes through statisticFor(): statistics.auroc on the pre-sorted sample.
      return safe((s, l) => auroc(s, labels01(l)));
    case 'average_precision':
      return safe((s, l, w) => averagePrecision(s, labels01(l), w));
    case 'brier':
      return safe((s, l, w) => brier(s, labels01(l), w));
    case 'log_loss':
      return safe((s, l, w) => logLoss(s, labels01(l), w));
    case 'ece':
      return safe((s, l, w) => ece(s, labels01(l), 10, w));
    case 'calibration_slope':
      return safe((s, l, w) => calibrationSlopeIntercept(s, labels01(l), w).slope);
    case 'calibration_intercept':
      return safe((s, l, w) => calibrationSlopeIntercept(s, labels01(l), w).intercept);
    case 'f1':
      return safe((s, l, w) => f1At(s, labels01(l), threshold, w));
    case 'net_benefit':
      return safe((s, l, w) => netBenefit(s, labels01(l), threshold, w).netBenefit);
    case 'mae':
    case 'rmse':
    case 'r2':
    case 'macro_auroc':
    case 'weighted_auroc':
    case 'class_recall':
      throw new Error(
        `${metric} is not a binary metric of (scores, labels); model.metric computes it directly`,
      );
    default:
      return safe((s, l, w) => {
        if (w) throw new Error('weighted confusion rates go through the bootstrap statistic');
        return confusionMatrix(s, labels01(l), threshold)[metric];
      });
  }
}

/**
 * The bootstrap statistic of a metric: the fast O(n) ones where they exist (AUROC, confusion rates,
 * Brier), otherwise the metric function evaluated with the resample's counts as weights.
 */
export function statisticFor(metric: ModelMetricName, threshold: number): Statistic {
  switch (metric) {
    case 'auroc':
      return statistics.auroc;
    case 'brier':
      return statistics.brier;
    case 'sensitivity':
    case 'specificity':
    case 'ppv':
    case 'npv':
    case 'accuracy':
      return statistics[metric](threshold);
    case 'calibration_slope':
    case 'calibration_intercept': {
      // Newton from the full-sample fit: a resample's optimum is close, so 2–3 steps instead of ~8.
      let start: { a: number; b: number; c: number } | undefined;
      let logits: Float64Array | undefined;
      const fits = metric === 'calibration_slope' ? 'slope' : 'intercept';
      return {
        name: metric,
        weighted: (sample, counts) => {
          try {
            if (!start || !logits) {
              logits = calibrationLogits(sample.scores);
              const full = calibrationSlopeIntercept(sample.scores, sample.labels, undefined, { logits });
              start = { a: full.interceptTwoParam, b: full.slope, c: full.intercept };
            }
            const fit = calibrationSlopeIntercept(sample.scores, sample.labels, counts, {
              start,
              fits,
              logits,
            });
            return metric === 'calibration_slope' ? fit.slope : fit.intercept;
          } catch {
            return Number.NaN;
          }
        },
      };
    }
    default: {
      const f = metricFunction(metric, threshold);
      return {
        name: metric,
        weighted: (sample, counts) => f(sample.scores, sample.labels, counts) ?? Number.NaN,
      };
    }
  }
}
