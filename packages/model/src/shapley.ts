/**
 * Exact (interventional) Shapley values for a few rows of a model with few features.
 *
 * For a row x, a background sample B and a coalition S of features, the value of S is the mean model output
 * over the background with the features of S set to the row's values:
 *
 *   v(S) = (1/|B|) Σ_{b ∈ B} g(f(x_S, b_{−S}))
 *
 * where g is the identity (`probability` scale) or the logit (`logit` scale, probabilities clamped to
 * [1e−12, 1 − 1e−12] first). All 2^F coalitions are evaluated by running the model on 2^F · |B| synthetic
 * rows per case (F ≤ MAX_SHAPLEY_FEATURES), and the Shapley value of feature j is
 *
 *   φ_j = Σ_{S ⊆ F∖{j}} |S|! (F − |S| − 1)! / F! · (v(S ∪ {j}) − v(S)).
 *
 * Efficiency holds by construction: Σ φ_j = v(F) − v(∅) = g(f(x)) − mean_b g(f(b)); it is checked in code
 * (floating-point gap reported) so that a wrong coalition table cannot go unnoticed.
 *
 * For a model that is linear on the logit, logit f(z) = c + Σ β_j z_j, the logit-scale values are the closed
 * form φ_j = β_j (x_j − mean_b b_j) (tested against a hand-built ONNX logistic model).
 */
import type { ModelConfig, Table } from '@regops/core';
import { predictPositive } from './runner';

/** 2^12 coalitions × the background: beyond this exact enumeration is not practical. */
export const MAX_SHAPLEY_FEATURES = 12;
/** |Σ φ − (v(all) − v(∅))| above this (relative to the scale of the values) is an internal error. */
export const EFFICIENCY_TOLERANCE = 1e-6;

export type ShapleyScale = 'logit' | 'probability';

const CLAMP = 1e-12;

/** The model output on the chosen scale. */
export function onScale(p: number, scale: ShapleyScale): number {
  if (scale === 'probability') return p;
  const q = Math.min(1 - CLAMP, Math.max(CLAMP, p));
  return Math.log(q / (1 - q));
}

/**
 * Shapley values from the value of every coalition: `values[mask]` is v(S) for the coalition whose features
 * are the set bits of `mask` (bit j = feature j), `values.length` = 2^F.
 */
export function shapleyFromCoalitions(values: ArrayLike<number>, nFeatures: number): Float64Array {
  const size = 1 << nFeatures;
  if (values.length !== size) {
    throw new RangeError(`${nFeatures} feature(s) need ${size} coalition values, got ${values.length}`);
  }
  // weight[s] = s! (F − s − 1)! / F!
  const fact = [1];
  for (let k = 1; k <= nFeatures; k++) fact.push((fact[k - 1] as number) * k);
  const weight = Array.from(
    { length: nFeatures },
    (_, s) => ((fact[s] as number) * (fact[nFeatures - s - 1] as number)) / (fact[nFeatures] as number),
  );
  const phi = new Float64Array(nFeatures);
  for (let mask = 0; mask < size; mask++) {
    const s = popcount(mask);
    for (let j = 0; j < nFeatures; j++) {
      const bit = 1 << j;
      if (mask & bit) continue;
      phi[j] =
        (phi[j] as number) +
        (weight[s] as number) * ((values[mask | bit] as number) - (values[mask] as number));
    }
  }
  return phi;
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}

export interface ShapleyCase {
  /** 1-based row number in the explained table. */
  row: number;
  /** Model output for the row, on the scale (v(all features)). */
  value: number;
  /** Mean model output over the background, on the scale (v(∅)). */
  base: number;
  /** One attribution per feature, in `features` order. */
  attributions: number[];
  /** Σ attributions − (value − base): zero up to rounding (checked). */
  efficiency_gap: number;
}

export interface ShapleyOptions {
  rootDir: string;
  model: ModelConfig;
  /** The table holding the rows to explain. */
  table: Table;
  /** 0-based indices of the rows of `table` to explain. */
  rows: readonly number[];
  /** The background sample: its feature columns, one Float64Array per model feature (same length each). */
  background: readonly Float64Array[];
  scale: ShapleyScale;
}

/**
 * A numeric in-memory Table over columns already parsed (no text round trip): the synthetic coalition rows
 * and permuted copies fed to `predictPositive`.
 */
export function numericTable(name: string, path: string, header: string[], cols: Float64Array[]): Table {
  const index = new Map(header.map((h, i) => [h, i]));
  const rowCount = cols[0]?.length ?? 0;
  const get = (col: string): Float64Array => {
    const i = index.get(col);
    if (i === undefined) throw new RangeError(`${path}: no column "${col}" in the synthetic table`);
    return cols[i] as Float64Array;
  };
  return {
    name,
    path,
    header,
    rowCount,
    hasColumn: (col) => index.has(col),
    numeric: get,
    column: (col) => Array.from(get(col), (v) => (Number.isNaN(v) ? null : String(v))),
  };
}

/**
 * Exact Shapley values of `model` (P(positive) on `scale`) for each of `rows`, against `background`.
 * One inference session per case (2^F · |B| rows). Throws RangeError beyond MAX_SHAPLEY_FEATURES features,
 * and Error when the efficiency identity fails (an internal error, never expected).
 */
export async function exactShapley(opts: ShapleyOptions): Promise<ShapleyCase[]> {
  const { model, table, rows, background, scale } = opts;
  const features = model.features;
  const F = features.length;
  if (F > MAX_SHAPLEY_FEATURES) {
    throw new RangeError(
      `exact Shapley values need at most ${MAX_SHAPLEY_FEATURES} features (2^F coalitions); the model has ${F}`,
    );
  }
  if (background.length !== F)
    throw new RangeError(`background has ${background.length} column(s), model ${F}`);
  const B = background[0]?.length ?? 0;
  if (B === 0) throw new RangeError('the background sample is empty');
  const x = features.map((f) => table.numeric(f));
  const size = 1 << F;
  const out: ShapleyCase[] = [];
  for (const r of rows) {
    const cols = features.map(() => new Float64Array(size * B));
    for (let mask = 0; mask < size; mask++) {
      for (let j = 0; j < F; j++) {
        const col = cols[j] as Float64Array;
        const at = mask * B;
        if (mask & (1 << j)) col.fill((x[j] as Float64Array)[r] as number, at, at + B);
        else col.set(background[j] as Float64Array, at);
      }
    }
    const synthetic = numericTable(table.name, `${table.path} (coalitions for row ${r + 1})`, features, cols);
    const p = await predictPositive({ rootDir: opts.rootDir, model, table: synthetic });
    const values = new Float64Array(size);
    for (let mask = 0; mask < size; mask++) {
      let s = 0;
      for (let b = 0; b < B; b++) s += onScale(p[mask * B + b] as number, scale);
      values[mask] = s / B;
    }
    const phi = shapleyFromCoalitions(values, F);
    const value = values[size - 1] as number;
    const base = values[0] as number;
    let sum = 0;
    for (const v of phi) sum += v;
    const gap = sum - (value - base);
    if (!(Math.abs(gap) <= EFFICIENCY_TOLERANCE * Math.max(1, Math.abs(value), Math.abs(base)))) {
      throw new Error(
        `Shapley efficiency check failed for row ${r + 1}: Σφ = ${sum}, f(x) − E[f] = ${value - base}`,
      );
    }
    out.push({ row: r + 1, value, base, attributions: Array.from(phi), efficiency_gap: gap });
  }
  return out;
}
