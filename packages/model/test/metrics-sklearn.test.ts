/**
 * The metrics of classification.ts, curves.ts, regression.ts and multiclass.ts against scikit-learn 1.2.1
 * (test/fixtures/sklearn/metrics.json, written by scripts/fixtures/make_sklearn_fixture.py from the
 * onnxruntime-node probabilities that scripts/fixtures/dump_ort_probabilities.mjs dumped), plus small cases
 * worked by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ModelConfig, type Table } from '@regops/core';
import { readCsvTable } from '@regops/data';
import { afterAll, describe, expect, it } from 'vitest';
import { auroc, labelsFromTable, predictPositive } from '../src';
import {
  averagePrecision,
  brier,
  CALIBRATION_CLIP,
  calibrationBinIndex,
  calibrationSlopeIntercept,
  confusionMatrix,
  ece,
  f1At,
  logLoss,
  netBenefit,
  thresholdForSensitivity,
  thresholdForSpecificity,
} from '../src/classification';
import { calibrationCurve, downsampleIndices, rocCurve } from '../src/curves';
import { argmaxClass, oneVsRestAuroc, perClassRecall } from '../src/multiclass';
import { meanAbsoluteError, r2Score, rootMeanSquaredError } from '../src/regression';
import { maxAbsDiff, REPO } from './helpers';

const FIXTURES = path.join(REPO, 'test/fixtures/sklearn');
const SHARED_REFERENCE = '/work/shared/datasets/models/reference';

interface AtThreshold {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
  sensitivity: number;
  specificity: number;
  ppv: number;
  npv: number;
  accuracy: number;
  f1: number;
}
interface NetBenefitRef {
  model: number;
  treat_all: number;
}
interface CalibrationRef {
  slope: number;
  intercept: number;
  intercept_two_param: number;
  cross_check: {
    sklearn_lbfgs: { slope: number; intercept_two_param: number };
    scipy_brentq: { intercept: number };
  };
}
interface ThresholdRef {
  threshold: number | null;
  sensitivity: number;
  specificity: number;
}
interface RocRef {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}
interface ModelRef {
  p1_file: string;
  data: string;
  target: { column: string; positive: string };
  n: number;
  n_positive: number;
  auroc: number;
  average_precision: number;
  brier: number;
  log_loss: number;
  ece_10: number;
  at: Record<string, AtThreshold>;
  net_benefit: Record<string, NetBenefitRef>;
  calibration: CalibrationRef;
  threshold_for_sensitivity: Record<string, ThresholdRef>;
  threshold_for_specificity: Record<string, ThresholdRef>;
  roc_curve: { drop_intermediate: RocRef; full: RocRef };
  calibration_curve: {
    ours: {
      bin: number;
      lower: number;
      upper: number;
      count: number;
      mean_predicted: number;
      observed: number;
    }[];
    sklearn: { prob_true: number[]; prob_pred: number[] };
  };
  bootstrap: {
    n: number;
    n_positive: number;
    weights: number[];
    average_precision: number;
    brier: number;
    log_loss: number;
    ece_10: number;
    at: Record<string, AtThreshold>;
    net_benefit: Record<string, NetBenefitRef>;
    calibration: CalibrationRef;
  };
}
interface RegressionSet {
  mae: number;
  rmse: number;
  r2: number;
}
interface Fixture {
  versions: Record<string, string>;
  models: Record<string, ModelRef>;
  calibration_clipped: CalibrationRef & { p: number[]; y: number[] };
  regression: {
    y_true: number[];
    y_pred: number[];
    weights: number[];
    unweighted: RegressionSet;
    weighted: RegressionSet;
    constant_target: {
      y_true: number[];
      y_pred_exact: number[];
      y_pred_off: number[];
      r2_exact: number;
      r2_off: number;
    };
  };
  multiclass: {
    k: number;
    labels: number[];
    probabilities: number[][];
    auroc_macro: number;
    auroc_weighted: number;
    auroc_per_class: number[];
    predicted_argmax: number[];
    recall_per_class: number[];
  };
}

const fixture = JSON.parse(readFileSync(path.join(FIXTURES, 'metrics.json'), 'utf8')) as Fixture;

/** How each model is run: the directory model.path is relative to, and its sidecar. */
const RUNS = {
  pima_hgb_candidate: { rootDir: 'examples/pima-diabetes', model: 'models/pima_hgb_candidate.onnx' },
  pima_logreg_baseline: { rootDir: 'examples/pima-diabetes', model: 'models/pima_logreg_baseline.onnx' },
  breast_cancer_logreg: { rootDir: 'test/fixtures/models', model: 'breast_cancer_logreg.onnx' },
} as const;
type ModelName = keyof typeof RUNS;
const MODEL_NAMES = Object.keys(RUNS) as ModelName[];

/** Largest differences seen, per kind of comparison, printed at the end for the record. */
const observed: Record<string, number> = {};
function note(kind: string, diff: number): void {
  observed[kind] = Math.max(observed[kind] ?? 0, diff);
}
afterAll(() => {
  console.log(
    `max abs differences observed (sklearn ${fixture.versions['scikit-learn']}, numpy ${fixture.versions.numpy}):\n`,
    Object.entries(observed)
      .map(([k, v]) => `  ${k}: ${v === 0 ? '0' : v.toExponential(2)}`)
      .join('\n'),
  );
});

/** expect |got − want| ≤ tol, recording the difference under `kind`. */
function close(got: number | null, want: number, tol: number, kind: string, what: string): void {
  expect(got, what).not.toBeNull();
  const diff = Math.abs((got as number) - want);
  note(kind, diff);
  expect(diff, `${what}: got ${got}, sklearn ${want}`).toBeLessThanOrEqual(tol);
}

function readP1(file: string): Float64Array {
  const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const col = (head ?? '').split(',').indexOf('p1');
  return Float64Array.from(rows, (r) => Number(r.split(',')[col]));
}

function loadTable(rel: string): Promise<Table> {
  return readCsvTable({
    name: path.basename(rel),
    absPath: path.join(REPO, rel),
    path: rel,
    delimiter: ',',
    naValues: ['', 'NA'],
  });
}

function sidecarOf(name: ModelName): { inputs: { columns: string[] }[] } {
  const run = RUNS[name];
  const file = path.join(REPO, run.rootDir, run.model.replace(/\.onnx$/, '.json'));
  return JSON.parse(readFileSync(file, 'utf8'));
}

interface Loaded {
  ref: ModelRef;
  p: Float64Array;
  y: Uint8Array;
  table: Table;
}
const loaded = new Map<ModelName, Promise<Loaded>>();
function load(name: ModelName): Promise<Loaded> {
  let out = loaded.get(name);
  if (!out) {
    out = (async () => {
      const ref = fixture.models[name] as ModelRef;
      const table = await loadTable(ref.data);
      const y = labelsFromTable(table, ref.target);
      return { ref, p: readP1(path.join(REPO, ref.p1_file)), y, table };
    })();
    loaded.set(name, out);
  }
  return out;
}

const TOL = 1e-9;

describe.each(MODEL_NAMES)('%s on its test split', (name) => {
  it('onnxruntime P(pos) equals the dumped p1 (and sklearn predict_proba within 1e-5)', async () => {
    const { ref, p: dumped, table } = await load(name);
    const run = RUNS[name];
    const model = ModelConfig.parse({
      path: run.model,
      input: 'float_input',
      features: sidecarOf(name).inputs[0]?.columns,
    });
    const p = await predictPositive({ rootDir: path.join(REPO, run.rootDir), model, table });
    expect(p.length).toBe(ref.n);
    const diff = maxAbsDiff(p, dumped);
    note('onnxruntime vs dumped p1', diff);
    expect(diff).toBeLessThanOrEqual(TOL);

    const shared = path.join(SHARED_REFERENCE, `${name}.test_proba.csv`);
    if (!existsSync(shared)) return; // /work/shared is not on every machine
    const sklearn = readP1(shared);
    expect(sklearn.length).toBe(ref.n);
    const d = maxAbsDiff(p, sklearn);
    note('onnxruntime vs sklearn predict_proba (float32)', d);
    expect(d).toBeLessThan(1e-5);
  });

  it('AUROC, average precision, Brier, log loss and ECE equal sklearn', async () => {
    const { ref, p, y } = await load(name);
    expect(y.length).toBe(ref.n);
    expect(y.reduce((a, b) => a + b, 0)).toBe(ref.n_positive);
    close(auroc(p, y), ref.auroc, TOL, 'scalar metrics', 'auroc');
    close(averagePrecision(p, y), ref.average_precision, TOL, 'scalar metrics', 'average precision');
    close(brier(p, y), ref.brier, TOL, 'scalar metrics', 'brier');
    close(logLoss(p, y), ref.log_loss, TOL, 'scalar metrics', 'log loss');
    close(ece(p, y), ref.ece_10, TOL, 'scalar metrics', 'ece');
  });

  it('confusion matrix, F1 and rates at 0.5 and 0.3 equal sklearn', async () => {
    const { ref, p, y } = await load(name);
    for (const [t, want] of Object.entries(ref.at)) {
      const c = confusionMatrix(p, y, Number(t));
      expect(c.matrix, `matrix at ${t}`).toEqual([
        [want.tn, want.fp],
        [want.fn, want.tp],
      ]);
      for (const k of ['sensitivity', 'specificity', 'ppv', 'npv', 'accuracy', 'f1'] as const) {
        close(c[k], want[k], TOL, 'threshold metrics', `${k} at ${t}`);
      }
      close(f1At(p, y, Number(t)), want.f1, TOL, 'threshold metrics', `f1At(${t})`);
    }
  });

  it('net benefit and the treat-all reference equal the fixture', async () => {
    const { ref, p, y } = await load(name);
    for (const [t, want] of Object.entries(ref.net_benefit)) {
      const nb = netBenefit(p, y, Number(t));
      close(nb.netBenefit, want.model, TOL, 'net benefit', `net benefit at ${t}`);
      close(nb.treatAll, want.treat_all, TOL, 'net benefit', `treat all at ${t}`);
      expect(nb.treatNone).toBe(0);
    }
  });

  it('calibration slope and intercept equal the numpy Newton fit (and independent solvers within 1e-6)', async () => {
    const { ref, p, y } = await load(name);
    const fit = calibrationSlopeIntercept(p, y);
    const want = ref.calibration;
    close(fit.slope, want.slope, TOL, 'calibration vs numpy Newton', 'slope');
    close(fit.intercept, want.intercept, TOL, 'calibration vs numpy Newton', 'intercept');
    close(fit.interceptTwoParam, want.intercept_two_param, TOL, 'calibration vs numpy Newton', 'a (2-param)');
    // scipy's brentq solves the same 1-D score equation to 1e-15: the same number.
    close(fit.intercept, want.cross_check.scipy_brentq.intercept, TOL, 'calibration vs brentq', 'intercept');
    // sklearn's lbfgs stops on its gradient tolerance, a few 1e-7 short of the optimum: checked more loosely.
    const lbfgs = want.cross_check.sklearn_lbfgs;
    close(fit.slope, lbfgs.slope, 1e-6, 'calibration vs sklearn lbfgs', 'slope');
    close(
      fit.interceptTwoParam,
      lbfgs.intercept_two_param,
      1e-6,
      'calibration vs sklearn lbfgs',
      'a (2-param)',
    );
  });

  it('threshold for a target sensitivity / specificity equals the brute-force search', async () => {
    const { ref, p, y } = await load(name);
    for (const [target, want] of Object.entries(ref.threshold_for_sensitivity)) {
      const op = thresholdForSensitivity(p, y, Number(target));
      expect(op.threshold, `sensitivity ${target}`).toBe(want.threshold);
      expect(op.achieved).toBe(want.sensitivity);
      expect(op.achieved).toBeGreaterThanOrEqual(Number(target));
      expect(op.confusion.specificity).toBe(want.specificity);
    }
    for (const [target, want] of Object.entries(ref.threshold_for_specificity)) {
      const op = thresholdForSpecificity(p, y, Number(target));
      expect(op.threshold, `specificity ${target}`).toBe(want.threshold ?? Number.POSITIVE_INFINITY);
      expect(op.achieved).toBe(want.specificity);
      expect(op.achieved).toBeGreaterThanOrEqual(Number(target));
      expect(op.confusion.sensitivity).toBe(want.sensitivity);
    }
  });

  it('ROC curve equals sklearn roc_curve, with and without drop_intermediate', async () => {
    const { ref, p, y } = await load(name);
    for (const [variant, dropIntermediate] of [
      ['drop_intermediate', true],
      ['full', false],
    ] as const) {
      const want = ref.roc_curve[variant];
      const got = rocCurve(p, y, { dropIntermediate, maxPoints: Number.POSITIVE_INFINITY });
      expect(got.fpr.length, variant).toBe(want.fpr.length);
      expect(got.fullLength).toBe(want.fpr.length);
      note('roc curve', Math.max(maxAbsDiff(got.fpr, want.fpr), maxAbsDiff(got.tpr, want.tpr)));
      expect(got.fpr).toEqual(want.fpr);
      expect(got.tpr).toEqual(want.tpr);
      expect(got.thresholds).toEqual(want.thresholds);
    }
    // Default: drop_intermediate and at most 101 points, each one a point of sklearn's full curve.
    const compact = rocCurve(p, y);
    expect(compact.fpr.length).toBeLessThanOrEqual(101);
    const full = ref.roc_curve.full;
    const fullByThreshold = new Map(full.thresholds.map((t, i) => [t, i]));
    compact.thresholds.forEach((t, j) => {
      const i = fullByThreshold.get(t);
      expect(i, `threshold ${t}`).toBeDefined();
      expect(compact.fpr[j]).toBe(full.fpr[i as number]);
      expect(compact.tpr[j]).toBe(full.tpr[i as number]);
    });
    const thinned = rocCurve(p, y, { dropIntermediate: false });
    expect(thinned.fullLength).toBe(full.fpr.length);
    expect(thinned.fpr.length).toBe(Math.min(101, full.fpr.length));
    expect([thinned.fpr[0], thinned.tpr[0], thinned.fpr.at(-1), thinned.tpr.at(-1)]).toEqual([0, 0, 1, 1]);
  });

  it('calibration curve equals sklearn calibration_curve (uniform, 10 bins) and carries the counts', async () => {
    const { ref, p, y } = await load(name);
    const got = calibrationCurve(p, y);
    const want = ref.calibration_curve;
    expect(got.map((b) => [b.bin, b.lower, b.upper, b.count])).toEqual(
      want.ours.map((b) => [b.bin, b.lower, b.upper, b.count]),
    );
    expect(got.reduce((a, b) => a + b.count, 0)).toBe(ref.n);
    got.forEach((b, i) => {
      close(b.meanPredicted, want.sklearn.prob_pred[i] as number, TOL, 'calibration curve', `bin ${b.bin} x`);
      close(b.observed, want.sklearn.prob_true[i] as number, TOL, 'calibration curve', `bin ${b.bin} y`);
    });
    // ECE is the count-weighted gap of the same points.
    const fromCurve = got.reduce((a, b) => a + (b.count / ref.n) * Math.abs(b.observed - b.meanPredicted), 0);
    close(fromCurve, ref.ece_10, TOL, 'scalar metrics', 'ece from curve');
  });

  it('weighting rows by bootstrap counts gives sklearn’s metrics on the resampled rows', async () => {
    const { ref, p, y } = await load(name);
    const b = ref.bootstrap;
    const w = Float64Array.from(b.weights);
    expect(w.reduce((a, v) => a + v, 0)).toBe(ref.n);
    const kind = 'bootstrap-weighted metrics';
    close(averagePrecision(p, y, w), b.average_precision, TOL, kind, 'average precision');
    close(brier(p, y, w), b.brier, TOL, kind, 'brier');
    close(logLoss(p, y, w), b.log_loss, TOL, kind, 'log loss');
    close(ece(p, y, 10, w), b.ece_10, TOL, kind, 'ece');
    const at = b.at['0.5'] as AtThreshold;
    const c = confusionMatrix(p, y, 0.5, w);
    expect(c.matrix).toEqual([
      [at.tn, at.fp],
      [at.fn, at.tp],
    ]);
    for (const k of ['sensitivity', 'specificity', 'ppv', 'npv', 'accuracy', 'f1'] as const) {
      close(c[k], at[k], TOL, kind, k);
    }
    const nb = b.net_benefit['0.2'] as NetBenefitRef;
    close(netBenefit(p, y, 0.2, w).netBenefit, nb.model, TOL, kind, 'net benefit');
    close(netBenefit(p, y, 0.2, w).treatAll, nb.treat_all, TOL, kind, 'treat all');
    const fit = calibrationSlopeIntercept(p, y, w);
    close(fit.slope, b.calibration.slope, TOL, 'calibration vs numpy Newton', 'bootstrap slope');
    close(fit.intercept, b.calibration.intercept, TOL, 'calibration vs numpy Newton', 'bootstrap intercept');
    close(
      fit.slope,
      b.calibration.cross_check.sklearn_lbfgs.slope,
      1e-6,
      'calibration vs sklearn lbfgs',
      'slope',
    );
  });
});

describe('regression metrics against sklearn', () => {
  const r = fixture.regression;
  it('MAE, RMSE and R², unweighted and weighted', () => {
    for (const [set, w] of [
      ['unweighted', undefined],
      ['weighted', r.weights],
    ] as const) {
      const want = r[set];
      close(meanAbsoluteError(r.y_true, r.y_pred, w), want.mae, TOL, 'regression', `${set} mae`);
      close(rootMeanSquaredError(r.y_true, r.y_pred, w), want.rmse, TOL, 'regression', `${set} rmse`);
      close(r2Score(r.y_true, r.y_pred, w), want.r2, TOL, 'regression', `${set} r2`);
    }
  });

  it('R² of a constant target is 1 for exact predictions and 0 otherwise (force_finite)', () => {
    const c = r.constant_target;
    expect(r2Score(c.y_true, c.y_pred_exact)).toBe(c.r2_exact);
    expect(r2Score(c.y_true, c.y_pred_off)).toBe(c.r2_off);
  });

  it('hand-worked case and bad input', () => {
    // residuals 1, −1, 2, 0: MAE 1, RMSE sqrt(6/4); mean y 2.5, SS_tot 5, so R² = 1 − 6/5.
    const yTrue = [1, 2, 3, 4];
    const yPred = [0, 3, 1, 4];
    expect(meanAbsoluteError(yTrue, yPred)).toBe(1);
    expect(rootMeanSquaredError(yTrue, yPred)).toBe(Math.sqrt(1.5));
    expect(r2Score(yTrue, yPred)).toBeCloseTo(-0.2, 15);
    // Weight 2 on a row = the row twice.
    expect(meanAbsoluteError(yTrue, yPred, [2, 1, 1, 1])).toBe(
      meanAbsoluteError([1, ...yTrue], [0, ...yPred]),
    );
    expect(() => r2Score([1], [1])).toThrow(RangeError);
    expect(() => meanAbsoluteError([1, 2], [1])).toThrow(/2 true value/);
    expect(() => meanAbsoluteError([1, Number.NaN], [1, 2])).toThrow(/true value 2/);
  });
});

describe('multiclass metrics against sklearn', () => {
  const m = fixture.multiclass;
  const flat = Float64Array.from(m.probabilities.flat());
  it('one-vs-rest AUROC, macro and weighted', () => {
    const got = oneVsRestAuroc(flat, m.k, m.labels);
    close(got.macro, m.auroc_macro, TOL, 'multiclass', 'macro');
    close(got.weighted, m.auroc_weighted, TOL, 'multiclass', 'weighted');
    got.perClass.forEach((a, c) => {
      close(a, m.auroc_per_class[c] as number, TOL, 'multiclass', `class ${c}`);
    });
    expect(got.support.reduce((a, b) => a + b, 0)).toBe(m.labels.length);
  });

  it('argmax predictions and per-class recall', () => {
    const predicted = argmaxClass(flat, m.k);
    expect(Array.from(predicted)).toEqual(m.predicted_argmax);
    const recall = perClassRecall(predicted, m.labels, m.k);
    recall.forEach((r, c) => {
      close(r, m.recall_per_class[c] as number, TOL, 'multiclass', `recall ${c}`);
    });
  });

  it('hand-worked case, ties, and a missing class', () => {
    // Class 0 column [0.6, 0.6, 0.2] with labels [0, 1, 2]: the positive ties one negative and beats one: 0.75.
    const probs = [0.6, 0.2, 0.2, 0.6, 0.3, 0.1, 0.2, 0.3, 0.5];
    const got = oneVsRestAuroc(probs, 3, [0, 1, 2]);
    expect(got.perClass[0]).toBe(0.75);
    // Class 1 column [0.2, 0.3, 0.3]: the positive (0.3) beats 0.2 and ties 0.3: 0.75. Class 2: 0.5 beats both.
    expect(got.perClass).toEqual([0.75, 0.75, 1]);
    expect(got.macro).toBeCloseTo(2.5 / 3, 15);
    expect(Array.from(argmaxClass([0.4, 0.4, 0.2], 3))).toEqual([0]); // a tie goes to the lowest index
    expect(perClassRecall([0, 0, 2], [0, 1, 2], 4)).toEqual([1, 0, 1, null]);
    expect(() => oneVsRestAuroc(probs, 3, [0, 0, 2])).toThrow(/class\(es\) 1/);
    expect(() => oneVsRestAuroc(probs, 3, [0, 1, 3])).toThrow(/label 3/);
  });
});

describe('hand-worked cases', () => {
  it('calibration bins: [k/10, (k+1)/10), the last one closed', () => {
    for (let k = 0; k < 10; k++) {
      expect(calibrationBinIndex(k / 10), `${k}/10`).toBe(k);
      if (k > 0)
        expect(calibrationBinIndex((k / 10) * (1 - Number.EPSILON)), `just below ${k}/10`).toBe(k - 1);
    }
    expect(calibrationBinIndex(1)).toBe(9);
    expect(calibrationBinIndex(-1e-7)).toBe(0);
    expect(calibrationBinIndex(1 + 1e-7)).toBe(9);
    expect(calibrationBinIndex(0.5, 2)).toBe(1);
    expect(calibrationBinIndex(0.49, 3)).toBe(1);
  });

  it('ECE by hand', () => {
    // bin 0: {0.05 → 0}: |0 − 0.05| · 1/6; bin 1: {0.1 → 0, 0.15 → 1, 0.15 → 0}: |1/3 − 0.4/3| = 0.2, · 3/6;
    // bin 9: {0.95 → 1, 1 → 1}: |1 − 0.975| · 2/6. Total (0.05 + 0.6 + 0.05) / 6 = 0.7 / 6.
    const p = [0.05, 0.15, 0.15, 0.95, 1, 0.1];
    const y = [0, 1, 0, 1, 1, 0];
    expect(ece(p, y)).toBeCloseTo(0.7 / 6, 15);
    const curve = calibrationCurve(p, y);
    expect(curve.map((b) => [b.bin, b.count])).toEqual([
      [0, 1],
      [1, 3],
      [9, 2],
    ]);
    expect(curve[1]?.observed).toBeCloseTo(1 / 3, 15);
    // Weights: weight 2 on a row = the row twice; weight 0 = the row left out.
    const w = [2, 1, 0, 1, 1, 1];
    expect(ece(p, y, 10, w)).toBeCloseTo(ece([0.05, 0.05, 0.15, 0.95, 1, 0.1], [0, 0, 1, 1, 1, 0]), 15);
    // Perfect calibration in every bin: ECE 0.
    expect(ece([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0])).toBe(0);
    expect(() => ece([0.5, 1.1], [0, 1])).toThrow(/outside \[0, 1\]/);
    expect(() => ece([0.5], [1], 0)).toThrow(/bins/);
  });

  it('net benefit by hand', () => {
    const p = [0.9, 0.8, 0.4, 0.3, 0.2];
    const y = [1, 0, 1, 0, 0];
    // t = 0.25: treated 0.9, 0.8, 0.4, 0.3 → TP 2, FP 2; odds 1/3: 2/5 − 2/5 · 1/3 = 4/15.
    // Treat all: prevalence 2/5 − 3/5 · 1/3 = 1/5.
    const a = netBenefit(p, y, 0.25);
    expect(a.netBenefit).toBeCloseTo(4 / 15, 15);
    expect(a.treatAll).toBeCloseTo(1 / 5, 15);
    // t = 0.4 treats the row scoring exactly 0.4: TP 2, FP 1; odds 2/3: 2/5 − 1/5 · 2/3 = 4/15.
    expect(netBenefit(p, y, 0.4).netBenefit).toBeCloseTo(4 / 15, 15);
    // t = 0.5: TP 1, FP 1, odds 1 → 0; treat all 2/5 − 3/5 = −1/5.
    expect(netBenefit(p, y, 0.5)).toEqual({
      threshold: 0.5,
      netBenefit: 0,
      treatAll: 2 / 5 - 3 / 5,
      treatNone: 0,
    });
    expect(() => netBenefit(p, y, 1)).toThrow(/strictly between 0 and 1/);
    expect(() => netBenefit(p, y, 0)).toThrow(/strictly between 0 and 1/);
  });

  it('threshold selection by hand', () => {
    // Positives score 0.9, 0.8, 0.6, 0.4; negatives 0.7, 0.5, 0.3, 0.2.
    const p = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2];
    const y = [1, 1, 0, 1, 0, 1, 0, 0];
    const s75 = thresholdForSensitivity(p, y, 0.75); // 3 of 4 positives: the 3rd highest positive score
    expect([s75.threshold, s75.achieved, s75.confusion.specificity]).toEqual([0.6, 0.75, 0.75]);
    const s80 = thresholdForSensitivity(p, y, 0.8); // needs all 4
    expect([s80.threshold, s80.achieved, s80.confusion.specificity]).toEqual([0.4, 1, 0.5]);
    expect(thresholdForSensitivity(p, y, 1).threshold).toBe(0.4);
    expect(thresholdForSensitivity(p, y, 0.25).threshold).toBe(0.9);
    // Specificity 0.75: the 3rd lowest negative is 0.5, so the threshold is the lowest score above it, 0.6.
    const t75 = thresholdForSpecificity(p, y, 0.75);
    expect([t75.threshold, t75.achieved, t75.confusion.sensitivity]).toEqual([0.6, 0.75, 0.75]);
    const t100 = thresholdForSpecificity(p, y, 1); // above the highest negative (0.7)
    expect([t100.threshold, t100.achieved, t100.confusion.sensitivity]).toEqual([0.8, 1, 0.5]);
    // The top score is a negative: only "nobody positive" reaches specificity 1.
    const none = thresholdForSpecificity([0.9, 0.5], [0, 1], 1);
    expect([none.threshold, none.achieved, none.confusion.tp]).toEqual([Number.POSITIVE_INFINITY, 1, 0]);
    // Ties: every row scoring the threshold is positive, so the achieved value can overshoot the target.
    const tied = thresholdForSensitivity([0.5, 0.5, 0.5, 0.2], [1, 0, 1, 0], 0.5);
    expect([tied.threshold, tied.achieved]).toEqual([0.5, 1]);
    expect(thresholdForSpecificity([0.5, 0.5, 0.5, 0.2], [1, 0, 1, 0], 0.5).threshold).toBe(0.5);
    expect(thresholdForSpecificity([0.5, 0.5, 0.5, 0.2], [1, 0, 1, 0], 1).threshold).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(() => thresholdForSensitivity(p, y, 0)).toThrow(/\(0, 1\]/);
    expect(() => thresholdForSpecificity([0.5], [1], 0.9)).toThrow(/without negative/);
  });

  it('threshold selection agrees with a brute-force search on random data with ties', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let rep = 0; rep < 20; rep++) {
      const n = 5 + Math.floor(rand() * 40);
      const p = Array.from({ length: n }, () => Math.round(rand() * 20) / 20);
      const y = p.map((s) => (rand() < s ? 1 : 0));
      if (!y.includes(0) || !y.includes(1)) continue;
      const candidates = [...new Set(p)].sort((a, b) => a - b);
      for (const target of [0.1, 0.5, 0.7, 0.9, 1]) {
        const sens = (t: number) => confusionMatrix(p, y, t).sensitivity as number;
        const spec = (t: number) => confusionMatrix(p, y, t).specificity as number;
        const bestSens = Math.max(...candidates.filter((t) => sens(t) >= target));
        const bestSpec = Math.min(
          ...[...candidates, Number.POSITIVE_INFINITY].filter((t) => spec(t) >= target),
        );
        expect(thresholdForSensitivity(p, y, target).threshold).toBe(bestSens);
        expect(thresholdForSpecificity(p, y, target).threshold).toBe(bestSpec);
      }
    }
  });

  it('average precision by hand, with a tie', () => {
    // 0.8 (pos): P 1, R 1/2; 0.6 tie (pos + neg): P 2/3, R 1. AP = 1/2 · 1 + 1/2 · 2/3 = 5/6.
    expect(averagePrecision([0.8, 0.6, 0.6, 0.3], [1, 0, 1, 0])).toBeCloseTo(5 / 6, 15);
    expect(averagePrecision([0.1, 0.2], [1, 1])).toBe(1);
    expect(() => averagePrecision([0.1, 0.2], [0, 0])).toThrow(/without positive/);
  });

  it('confusion matrix: weighted counts, undefined rates, ±Infinity', () => {
    const c = confusionMatrix([0.9, 0.2, 0.7], [1, 0, 0], 0.5, [3, 1, 2]);
    expect(c.matrix).toEqual([
      [1, 2],
      [0, 3],
    ]);
    expect([c.n, c.ppv, c.f1]).toEqual([6, 3 / 5, 6 / 8]);
    const nobody = confusionMatrix([0.9, 0.2], [0, 0], Number.POSITIVE_INFINITY);
    expect([nobody.tn, nobody.sensitivity, nobody.ppv, nobody.f1]).toEqual([2, null, null, null]);
    expect(() => confusionMatrix([0.5], [1], Number.NaN)).toThrow(/NaN/);
    expect(() => confusionMatrix([0.5], [1], 0.5, [-1])).toThrow(/weight 1/);
    expect(() => brier([0.5, Number.NaN], [1, 0])).toThrow(/score 2/);
    expect(() => brier([0.5, 0.5], [1, 2])).toThrow(/label 2/);
  });

  it('log loss clips at machine epsilon like sklearn', () => {
    expect(logLoss([1, 0], [1, 0])).toBeCloseTo(-Math.log(1 - Number.EPSILON), 20);
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(Number.EPSILON), 12);
    expect(logLoss([0.5, 0.5], [1, 0])).toBeCloseTo(Math.LN2, 15);
  });

  it('calibration slope and intercept: closed-form saturated cases', () => {
    // Two groups of 10 at p = 0.2 and p = 0.6 with observed rates 0.2 and 0.6: perfectly calibrated.
    const group = (p: number, n: number, pos: number) => ({
      p: new Array<number>(n).fill(p),
      y: Array.from({ length: n }, (_, i) => (i < pos ? 1 : 0)),
    });
    const a = group(0.2, 10, 2);
    const b = group(0.6, 10, 6);
    const ideal = calibrationSlopeIntercept([...a.p, ...b.p], [...a.y, ...b.y]);
    expect(ideal.slope).toBeCloseTo(1, 12);
    expect(ideal.interceptTwoParam).toBeCloseTo(0, 12);
    expect(ideal.intercept).toBeCloseTo(0, 12);
    // Observed 0.5 and 0.9 instead: the two-parameter fit reproduces both rates, so
    // a + b·logit(0.2) = 0 and a + b·logit(0.6) = logit(0.9): b = ln 9 / ln 6, a = b·ln 4.
    const c = group(0.2, 10, 5);
    const d = group(0.6, 10, 9);
    const fit = calibrationSlopeIntercept([...c.p, ...d.p], [...c.y, ...d.y]);
    expect(fit.slope).toBeCloseTo(Math.log(9) / Math.log(6), 12);
    expect(fit.interceptTwoParam).toBeCloseTo((Math.log(9) / Math.log(6)) * Math.log(4), 12);
    // Intercept with slope 1 solves 10·σ(c − ln 4) + 10·σ(c + ln 1.5) = 14.
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    expect(10 * sig(fit.intercept - Math.log(4)) + 10 * sig(fit.intercept + Math.log(1.5))).toBeCloseTo(
      14,
      12,
    );
    // p = 0 and 1 are clipped to 1e-15 from the ends before the logit (fixture: the numpy Newton fit).
    expect(CALIBRATION_CLIP).toBe(1e-15);
    const clipped = fixture.calibration_clipped;
    const got = calibrationSlopeIntercept(clipped.p, clipped.y);
    close(got.slope, clipped.slope, TOL, 'calibration vs numpy Newton', 'clipped slope');
    close(got.intercept, clipped.intercept, TOL, 'calibration vs numpy Newton', 'clipped intercept');
    close(
      got.interceptTwoParam,
      clipped.intercept_two_param,
      TOL,
      'calibration vs numpy Newton',
      'clipped a',
    );
    // Positives {0.8, 0.9} all above negatives {0.1, 0.2}: no finite maximum-likelihood slope.
    expect(() => calibrationSlopeIntercept([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toThrow(
      /separate the classes/,
    );
    expect(() => calibrationSlopeIntercept([0.1, 0.2], [1, 1])).toThrow(/one class/);
  });

  it('ROC curve: ties, drop_intermediate and deterministic downsampling', () => {
    // Distinct scores 0.9, 0.8, 0.7 (tied pos + neg), 0.1.
    const full = rocCurve([0.9, 0.8, 0.7, 0.7, 0.1], [1, 1, 1, 0, 0], { dropIntermediate: false });
    expect(full.fpr).toEqual([0, 0, 0, 0.5, 1]);
    expect(full.tpr).toEqual([0, 1 / 3, 2 / 3, 1, 1]);
    expect(full.thresholds).toEqual([1.9, 0.9, 0.8, 0.7, 0.1]);
    // No point there is collinear with equal steps (as sklearn decides before adding (0, 0)): nothing dropped.
    expect(rocCurve([0.9, 0.8, 0.7, 0.7, 0.1], [1, 1, 1, 0, 0]).thresholds).toEqual(full.thresholds);
    // Points (0, 1/3), (0, 2/3), (0, 1), (1, 1) before (0, 0) is added: (0, 2/3) is the middle of equal steps
    // and goes, as in sklearn's roc_curve([1, 1, 1, 0], [0.9, 0.8, 0.7, 0.6]).
    const dropped = rocCurve([0.9, 0.8, 0.7, 0.6], [1, 1, 1, 0]);
    expect(dropped.thresholds).toEqual([1.9, 0.9, 0.7, 0.6]);
    expect(dropped.tpr).toEqual([0, 1 / 3, 1, 1]);
    expect(dropped.fpr).toEqual([0, 0, 0, 1]);

    expect(downsampleIndices(5, 3)).toEqual([0, 2, 4]);
    expect(downsampleIndices(3, 101)).toEqual([0, 1, 2]);
    expect(() => downsampleIndices(3, 1)).toThrow(/at least 2/);
    const n = 1000;
    const scores = Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n);
    const labels = scores.map((s, i) => (s + ((i * 31) % 17) / 40 > 0.6 ? 1 : 0));
    const big = rocCurve(scores, labels, { dropIntermediate: false });
    expect(big.fullLength).toBe(n + 1);
    expect(big.fpr.length).toBe(101);
    expect(rocCurve(scores, labels, { dropIntermediate: false })).toEqual(big); // deterministic
    const all = rocCurve(scores, labels, { dropIntermediate: false, maxPoints: Number.POSITIVE_INFINITY });
    const picks = downsampleIndices(n + 1, 101);
    expect(big.fpr).toEqual(picks.map((i) => all.fpr[i]));
    expect(big.thresholds).toEqual(picks.map((i) => all.thresholds[i]));
    for (let i = 1; i < big.fpr.length; i++) {
      expect(big.fpr[i]).toBeGreaterThanOrEqual(big.fpr[i - 1] as number);
      expect(big.tpr[i]).toBeGreaterThanOrEqual(big.tpr[i - 1] as number);
    }
    expect(() => rocCurve([0.1, 0.2], [1, 1])).toThrow(/both classes/);
  });
});
