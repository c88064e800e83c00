import { ConfigurationError, InputError, type Table } from '@regops/core';
import { confusionMatrix } from './classification';

/** Binary labels: 1 = positive class, 0 = anything else. */
export type Labels = ArrayLike<number>;

function checkInputs(scores: ArrayLike<number>, labels: Labels): void {
  if (scores.length !== labels.length) {
    throw new RangeError(`${scores.length} score(s) but ${labels.length} label(s)`);
  }
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i] as number))
      throw new RangeError(`score ${i + 1} is NaN (missing); metrics need every score`);
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new RangeError(`label ${i + 1} is ${String(y)}, expected 0 or 1`);
  }
}

/** Number of positive labels. */
export function countPositive(labels: Labels): number {
  let n = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) n++;
  return n;
}

/**
 * Area under the ROC curve, equal to sklearn's roc_auc_score: the Mann-Whitney U statistic with tied scores
 * given their average rank (a tie between a positive and a negative counts one half). Throws when a score is
 * NaN or when one class is absent (the AUROC is then undefined).
 */
export function auroc(scores: ArrayLike<number>, labels: Labels): number {
  checkInputs(scores, labels);
  const n = scores.length;
  const nPos = countPositive(labels);
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) {
    throw new RangeError(
      `AUROC is undefined with only one class present (${nPos} positive, ${nNeg} negative)`,
    );
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (scores[a] as number) - (scores[b] as number));
  // Sum of (1-based, tie-averaged) ranks of the positives.
  let rankSumPos = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    const s = scores[order[i] as number];
    while (j + 1 < n && scores[order[j + 1] as number] === s) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[order[k] as number] === 1) rankSumPos += avgRank;
    i = j + 1;
  }
  const u = rankSumPos - (nPos * (nPos + 1)) / 2;
  return u / (nPos * nNeg);
}

export interface Confusion {
  /** A row is predicted positive iff its score ≥ threshold. */
  threshold: number;
  n: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** TP / (TP + FN); null without positives. */
  sensitivity: number | null;
  /** TN / (TN + FP); null without negatives. */
  specificity: number | null;
  /** TP / (TP + FP); null when no row is predicted positive. */
  ppv: number | null;
  /** TN / (TN + FN); null when no row is predicted negative. */
  npv: number | null;
  /** (TP + TN) / n; null for no rows. */
  accuracy: number | null;
}

/**
 * Confusion counts and rates at an operating point (positive iff score ≥ threshold): the unweighted,
 * finite-threshold view of `confusionMatrix`.
 */
export function confusionAt(scores: ArrayLike<number>, labels: Labels, threshold: number): Confusion {
  checkInputs(scores, labels);
  if (!Number.isFinite(threshold)) throw new RangeError(`threshold must be a number, got ${threshold}`);
  if (scores.length === 0) {
    return {
      threshold,
      n: 0,
      tp: 0,
      fp: 0,
      tn: 0,
      fn: 0,
      sensitivity: null,
      specificity: null,
      ppv: null,
      npv: null,
      accuracy: null,
    };
  }
  const { n, tp, fp, tn, fn, sensitivity, specificity, ppv, npv, accuracy } = confusionMatrix(
    scores,
    labels,
    threshold,
  );
  return { threshold, n, tp, fp, tn, fn, sensitivity, specificity, ppv, npv, accuracy };
}

function isNumeric(s: string): boolean {
  return s.trim() !== '' && Number.isFinite(Number(s));
}

/**
 * 1 where the target column holds the positive value, 0 elsewhere (one-vs-rest). A cell matches when its
 * text equals `positive` (surrounding spaces ignored) or, when both are numbers, has the same value ("1.0"
 * matches 1). A missing label is an InputError naming file, row and column; cell values are never printed.
 */
export function labelsFromTable(
  table: Table,
  target: { column: string; positive?: string | undefined; negative?: string | undefined },
): Uint8Array {
  if (target.positive === undefined) {
    throw new ConfigurationError(
      'target.positive is not set: binary checks (model.metric binary metrics, model.subgroups) need the label value of the positive class (e.g. positive: 1)',
    );
  }
  const raw = table.column(target.column);
  const positive = target.positive.trim();
  const positiveNumber = isNumeric(positive) ? Number(positive) : null;
  const negative = target.negative?.trim();
  const negativeNumber = negative !== undefined && isNumeric(negative) ? Number(negative) : null;
  const out = new Uint8Array(raw.length);
  const missing: number[] = [];
  const others: number[] = [];
  const negatives = new Set<string>();
  for (let r = 0; r < raw.length; r++) {
    const cell = raw[r];
    const v = cell?.trim() ?? '';
    if (cell === null || cell === undefined || v === '') {
      missing.push(r + 1);
      continue;
    }
    const isPositive =
      v === positive || (positiveNumber !== null && isNumeric(v) && Number(v) === positiveNumber);
    out[r] = isPositive ? 1 : 0;
    if (isPositive) continue;
    if (negative !== undefined) {
      const isNegative =
        v === negative || (negativeNumber !== null && isNumeric(v) && Number(v) === negativeNumber);
      if (!isNegative) others.push(r + 1);
    } else {
      negatives.add(isNumeric(v) ? String(Number(v)) : v);
      if (negatives.size > 1) others.push(r + 1);
    }
  }
  if (others.length > 0) {
    const rows = others.slice(0, 5).join(', ') + (others.length > 5 ? ', …' : '');
    const anyPositive = out.some((x) => x === 1);
    throw new InputError(
      !anyPositive
        ? `${table.path}: column "${target.column}" (target.column): no row has the label target.positive "${positive}", and there are several other labels; check target.positive (and set target.negative)`
        : negative !== undefined
          ? `${table.path}: column "${target.column}" (target.column): ${others.length} row(s) hold a label that is neither target.positive "${positive}" nor target.negative "${negative}" (rows ${rows}); fix those rows or the target section`
          : `${table.path}: column "${target.column}" (target.column) holds more than two distinct labels (first other label at rows ${rows}); binary metrics need exactly target.positive "${positive}" and one negative label: set target.negative to name it, or fix those rows`,
    );
  }
  if (missing.length > 0) {
    const rows = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '');
    throw new InputError(
      `${table.path}: row ${missing[0]}, column "${target.column}" (target.column): the label is missing${missing.length > 1 ? ` (${missing.length} rows without a label: ${rows})` : ''}. Model metrics need a label on every row: fill it in or remove the row.`,
    );
  }
  return out;
}
