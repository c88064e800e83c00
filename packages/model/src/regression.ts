/**
 * Regression metrics, equal to sklearn's mean_absolute_error, mean_squared_error(squared=False) and
 * r2_score (force_finite=True), each with optional non-negative sample weights (weighted means).
 */

function check(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
): void {
  const n = yTrue.length;
  if (yPred.length !== n) throw new RangeError(`${n} true value(s) but ${yPred.length} prediction(s)`);
  if (weights !== undefined && weights.length !== n) {
    throw new RangeError(`${n} true value(s) but ${weights.length} weight(s)`);
  }
  if (n === 0) throw new RangeError('no rows: the metric needs at least one value');
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(yTrue[i] as number)) throw new RangeError(`true value ${i + 1} is ${yTrue[i]}`);
    if (!Number.isFinite(yPred[i] as number)) throw new RangeError(`prediction ${i + 1} is ${yPred[i]}`);
    if (weights !== undefined) {
      const w = weights[i] as number;
      if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`weight ${i + 1} is ${w}, expected ≥ 0`);
      total += w;
    }
  }
  if (weights !== undefined && !(total > 0)) throw new RangeError('the weights sum to 0');
}

const weightAt = (weights: ArrayLike<number> | undefined, i: number): number =>
  weights === undefined ? 1 : (weights[i] as number);

/** Mean absolute error, mean(|y − ŷ|). */
export function meanAbsoluteError(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  check(yTrue, yPred, weights);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    sum += w * Math.abs((yTrue[i] as number) - (yPred[i] as number));
    total += w;
  }
  return sum / total;
}

/** Root mean squared error, sqrt(mean((y − ŷ)²)). */
export function rootMeanSquaredError(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  check(yTrue, yPred, weights);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weightAt(weights, i);
    const d = (yTrue[i] as number) - (yPred[i] as number);
    sum += w * d * d;
    total += w;
  }
  return Math.sqrt(sum / total);
}

/**
 * Coefficient of determination R² = 1 − Σw(y − ŷ)² / Σw(y − ȳ)², ȳ the (weighted) mean of y. As sklearn's
 * r2_score with force_finite=True: when y is constant (zero denominator) R² is 1 for perfect predictions and
 * 0 otherwise. Needs at least two rows (sklearn returns NaN with a warning; this throws).
 */
export function r2Score(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  check(yTrue, yPred, weights);
  const n = yTrue.length;
  if (n < 2) throw new RangeError('R² is undefined for fewer than two rows');
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    const w = weightAt(weights, i);
    sw += w;
    swy += w * (yTrue[i] as number);
  }
  const mean = swy / sw;
  let residual = 0;
  let totalSS = 0;
  for (let i = 0; i < n; i++) {
    const w = weightAt(weights, i);
    const y = yTrue[i] as number;
    const r = y - (yPred[i] as number);
    residual += w * r * r;
    totalSS += w * (y - mean) * (y - mean);
  }
  if (residual === 0) return 1;
  if (totalSS === 0) return 0;
  return 1 - residual / totalSS;
}
