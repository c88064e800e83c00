/**
 * The catalog of model metric names shared by the checks (packages/model) and by what reads their results
 * (the PCCP evaluator, documents). Only names and labels live here; the computations stay in packages/model.
 */

export const MODEL_METRICS = [
  'auroc',
  'average_precision',
  'brier',
  'log_loss',
  'ece',
  'calibration_slope',
  'calibration_intercept',
  'sensitivity',
  'specificity',
  'ppv',
  'npv',
  'accuracy',
  'f1',
  'net_benefit',
  'mae',
  'rmse',
  'r2',
  'macro_auroc',
  'weighted_auroc',
  'class_recall',
] as const;
export type ModelMetricName = (typeof MODEL_METRICS)[number];

/** Metrics model.compare computes as Δ (candidate − baseline) with a paired interval, and model.subgroups per group. */
export const PAIRED_METRICS = [
  'auroc',
  'sensitivity',
  'specificity',
  'ppv',
  'npv',
  'accuracy',
  'brier',
] as const;
export type PairedMetric = (typeof PAIRED_METRICS)[number];

/** Metrics where a lower value is better (a `max:` bound is the natural one). */
export const LOWER_IS_BETTER: readonly ModelMetricName[] = ['brier', 'log_loss', 'ece', 'mae', 'rmse'];

/** Metrics that depend on an operating point (positive iff P ≥ threshold). */
export const THRESHOLD_METRICS: readonly ModelMetricName[] = [
  'sensitivity',
  'specificity',
  'ppv',
  'npv',
  'accuracy',
  'f1',
  'net_benefit',
];

/** How documents and messages name each metric. */
export const METRIC_LABELS: Record<ModelMetricName, string> = {
  auroc: 'AUROC',
  average_precision: 'average precision',
  brier: 'Brier score',
  log_loss: 'log loss',
  ece: 'ECE',
  calibration_slope: 'calibration slope',
  calibration_intercept: 'calibration intercept',
  sensitivity: 'sensitivity',
  specificity: 'specificity',
  ppv: 'PPV',
  npv: 'NPV',
  accuracy: 'accuracy',
  f1: 'F1',
  net_benefit: 'net benefit',
  mae: 'MAE',
  rmse: 'RMSE',
  r2: 'R²',
  macro_auroc: 'macro AUROC',
  weighted_auroc: 'weighted AUROC',
  class_recall: 'recall',
};
