/**
 * Multiclass metrics over a row-major [N, K] matrix of class scores (for example a model's probabilities
 * output: row i holds P(class 0) … P(class K−1)) and integer class labels 0 … K−1.
 */
import { weightedOneVsRest } from './row-bootstrap';

function check(probabilities: ArrayLike<number>, k: number, labels: ArrayLike<number>): number {
  if (!Number.isInteger(k) || k < 2)
    throw new RangeError(`the number of classes must be an integer ≥ 2, got ${k}`);
  const n = labels.length;
  if (probabilities.length !== n * k) {
    throw new RangeError(
      `${probabilities.length} score(s) for ${n} row(s) × ${k} classes (expected ${n * k})`,
    );
  }
  for (let i = 0; i < n; i++) {
    const y = labels[i] as number;
    if (!(Number.isInteger(y) && y >= 0 && y < k)) {
      throw new RangeError(`label ${i + 1} is ${String(y)}, expected a class index from 0 to ${k - 1}`);
    }
  }
  for (let j = 0; j < probabilities.length; j++) {
    if (!Number.isFinite(probabilities[j] as number)) {
      throw new RangeError(`row ${Math.floor(j / k) + 1}, class ${j % k}: score is ${probabilities[j]}`);
    }
  }
  return n;
}

export interface OneVsRestAuroc {
  /** Unweighted mean of the per-class AUROCs (sklearn average='macro'). */
  macro: number;
  /** Mean of the per-class AUROCs weighted by class support (sklearn average='weighted'). */
  weighted: number;
  /** AUROC of class c against the rest, from column c of the scores. */
  perClass: number[];
  /** Rows of each class. */
  support: number[];
}

/**
 * One-vs-rest AUROC, equal to sklearn's roc_auc_score(labels, scores, multi_class='ovr', average='macro' /
 * 'weighted'): for each class c, the binary AUROC (ties counting one half) of column c with class c as the
 * positive class. Every class must occur in `labels` (its AUROC is undefined otherwise). Unlike sklearn, rows
 * need not sum to 1.
 */
export function oneVsRestAuroc(
  probabilities: ArrayLike<number>,
  k: number,
  labels: ArrayLike<number>,
): OneVsRestAuroc {
  const n = check(probabilities, k, labels);
  const support = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) support[labels[i] as number] = (support[labels[i] as number] as number) + 1;
  const missing = support.flatMap((s, c) => (s === 0 ? [c] : []));
  if (missing.length > 0) {
    throw new RangeError(
      `one-vs-rest AUROC needs every class in the labels; class(es) ${missing.join(', ')} have no row`,
    );
  }
  const { macro, weighted, perClass } = weightedOneVsRest(
    probabilities,
    k,
    labels,
  )(new Uint8Array(n).fill(1));
  return { macro, weighted, perClass, support };
}

/** Predicted class per row: the column with the highest score, the lowest index on a tie (numpy argmax). */
export function argmaxClass(probabilities: ArrayLike<number>, k: number): Uint32Array {
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`the number of classes must be an integer ≥ 1, got ${k}`);
  if (probabilities.length % k !== 0) {
    throw new RangeError(`${probabilities.length} score(s) is not a whole number of rows of ${k}`);
  }
  const n = probabilities.length / k;
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) {
      if ((probabilities[i * k + c] as number) > (probabilities[i * k + best] as number)) best = c;
    }
    out[i] = best;
  }
  return out;
}

/**
 * Recall of each class, #{predicted c and true c} / #{true c}, as sklearn's recall_score(average=None);
 * null for a class with no row (sklearn reports 0 with a warning).
 */
export function perClassRecall(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  k: number,
): (number | null)[] {
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`the number of classes must be an integer ≥ 1, got ${k}`);
  if (predicted.length !== labels.length) {
    throw new RangeError(`${predicted.length} prediction(s) but ${labels.length} label(s)`);
  }
  const hits = new Array<number>(k).fill(0);
  const support = new Array<number>(k).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i] as number;
    const p = predicted[i] as number;
    for (const [what, v] of [
      ['label', y],
      ['prediction', p],
    ] as const) {
      if (!(Number.isInteger(v) && v >= 0 && v < k)) {
        throw new RangeError(`${what} ${i + 1} is ${String(v)}, expected a class index from 0 to ${k - 1}`);
      }
    }
    support[y] = (support[y] as number) + 1;
    if (p === y) hits[y] = (hits[y] as number) + 1;
  }
  return support.map((s, c) => (s === 0 ? null : (hits[c] as number) / s));
}
