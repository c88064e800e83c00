/**
 * Partial dependence (PD) and individual conditional expectation (ICE) summaries for model.importance.
 *
 * - Grid of a feature: the reference data's quantiles at (i + 0.5) / points, i = 0 … points − 1, taken as
 *   observed values (inverse empirical CDF, the smallest value x with F(x) ≥ p, so a 0/1 or integer-coded
 *   feature gets only values it really takes), non-finite values ignored, duplicates removed (ascending).
 * - PD(v) = mean over ALL evaluated rows of P(positive) with the feature set to v, every other feature as is.
 * - ICE summary: for each grid point, the 10th and 90th percentiles (type 7) across rows of the per-row
 *   curves, on a seeded sample of `iceRows` rows (all rows when fewer). Per-row curves are never returned:
 *   they are patient-level.
 * - Batched inference: every (feature, grid point) copy of the dataset is stacked into a few large tables
 *   (≤ BATCH_CELLS feature cells each), each scored with one inference session.
 * - Monotonicity verdict of the PD curve, with MONOTONE_TOLERANCE on P(positive):
 *   'flat' when max − min < tolerance; else 'increasing' when no step between successive grid points falls by
 *   more than the tolerance; 'decreasing' when none rises by more than it; else 'non-monotone'. The tolerance
 *   absorbs float32 inference noise, not real wiggles.
 */
import type { ModelConfig, Table } from '@regops/core';
import { quantileType7 } from './bootstrap';
import { Xoshiro128 } from './random';
import { predictPositive } from './runner';
import { numericTable } from './shapley';

/** Feature cells (rows × features) per stacked inference table: 4M float64 = 32 MB. */
const BATCH_CELLS = 4_000_000;
/** Tolerance (on P(positive)) of the monotonicity verdict; see the module comment. */
export const MONOTONE_TOLERANCE = 1e-6;
export const ICE_LOW = 0.1;
export const ICE_HIGH = 0.9;

export type Monotonicity = 'increasing' | 'decreasing' | 'flat' | 'non-monotone';

export interface PartialDependenceCurve {
  feature: string;
  grid: number[];
  mean: number[];
  ice_p10: number[];
  ice_p90: number[];
  monotone: Monotonicity;
}

/** Grid points of a feature: observed quantiles of `values` at (i + 0.5) / points, unique, ascending. */
export function quantileGrid(values: ArrayLike<number>, points: number): number[] {
  const sorted = Float64Array.from(Array.from(values).filter((v) => Number.isFinite(v))).sort();
  const m = sorted.length;
  if (m === 0 || points < 1) return [];
  const grid: number[] = [];
  for (let i = 0; i < points; i++) {
    const p = (i + 0.5) / points;
    const v = sorted[Math.min(m - 1, Math.max(0, Math.ceil(m * p) - 1))] as number;
    if (grid.length === 0 || v !== grid[grid.length - 1]) grid.push(v);
  }
  return grid;
}

/** Monotonicity verdict of a curve (ascending grid), with `tolerance` on its values. */
export function monotonicity(curve: readonly number[], tolerance = MONOTONE_TOLERANCE): Monotonicity {
  if (curve.length === 0) return 'flat';
  const range = Math.max(...curve) - Math.min(...curve);
  if (!(range >= tolerance)) return 'flat';
  let rises = false;
  let falls = false;
  for (let k = 1; k < curve.length; k++) {
    const d = (curve[k] as number) - (curve[k - 1] as number);
    if (d > tolerance) rises = true;
    if (d < -tolerance) falls = true;
  }
  if (rises && falls) return 'non-monotone';
  return falls ? 'decreasing' : 'increasing';
}

export interface PartialDependenceOptions {
  rootDir: string;
  model: ModelConfig;
  /** The evaluated rows. */
  table: Table;
  /** The features (model.features names) and their grids, in the order wanted. */
  features: { feature: string; grid: number[] }[];
  /** Rows in the ICE summary (a seeded sample without replacement; all rows when ≥ the row count). */
  iceRows: number;
  seed: number;
}

export interface PartialDependenceResult {
  curves: PartialDependenceCurve[];
  /** Inference calls (sessions) used. */
  batches: number;
  /** Rows in the ICE summary. */
  iceRows: number;
}

function sampleRows(n: number, k: number, seed: number): Uint32Array {
  const p = Uint32Array.from({ length: n }, (_, i) => i);
  if (k >= n) return p;
  const rng = new Xoshiro128(seed);
  // Partial Fisher–Yates: the first k positions are a uniform sample without replacement.
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = p[i] as number;
    p[i] = p[j] as number;
    p[j] = t;
  }
  return p.slice(0, k).sort();
}

/** PD and ICE summaries of the given features on their grids, batched. */
export async function partialDependence(opts: PartialDependenceOptions): Promise<PartialDependenceResult> {
  const { model, table } = opts;
  const n = table.rowCount;
  const features = model.features;
  const width = features.length;
  const original = features.map((f) => table.numeric(f));
  const ice = sampleRows(n, opts.iceRows, opts.seed);

  const blocks: { f: number; g: number; column: number; value: number }[] = [];
  opts.features.forEach(({ feature, grid }, f) => {
    const column = features.indexOf(feature);
    if (column < 0) throw new RangeError(`partial dependence: "${feature}" is not one of model.features`);
    for (const [g, value] of grid.entries()) blocks.push({ f, g, column, value });
  });
  const mean = opts.features.map(({ grid }) => new Array<number>(grid.length).fill(Number.NaN));
  const p10 = opts.features.map(({ grid }) => new Array<number>(grid.length).fill(Number.NaN));
  const p90 = opts.features.map(({ grid }) => new Array<number>(grid.length).fill(Number.NaN));

  const perTable = Math.max(1, Math.floor(BATCH_CELLS / Math.max(1, n * width)));
  let batches = 0;
  for (let start = 0; start < blocks.length; start += perTable) {
    const chunk = blocks.slice(start, start + perTable);
    const cols = original.map(() => new Float64Array(chunk.length * n));
    chunk.forEach(({ column, value }, c) => {
      const at = c * n;
      for (let j = 0; j < width; j++) {
        const dst = cols[j] as Float64Array;
        if (j === column) dst.fill(value, at, at + n);
        else dst.set(original[j] as Float64Array, at);
      }
    });
    const stacked = numericTable(
      table.name,
      `${table.path} (partial dependence copies)`,
      [...features],
      cols,
    );
    const p = await predictPositive({ rootDir: opts.rootDir, model, table: stacked });
    batches++;
    chunk.forEach(({ f, g }, c) => {
      const part = p.subarray(c * n, (c + 1) * n);
      let s = 0;
      for (let i = 0; i < n; i++) s += part[i] as number;
      (mean[f] as number[])[g] = s / n;
      const rows = Float64Array.from(ice, (i) => part[i] as number).sort();
      (p10[f] as number[])[g] = quantileType7(rows, ICE_LOW);
      (p90[f] as number[])[g] = quantileType7(rows, ICE_HIGH);
    });
  }
  const curves = opts.features.map(
    ({ feature, grid }, f): PartialDependenceCurve => ({
      feature,
      grid: [...grid],
      mean: mean[f] as number[],
      ice_p10: p10[f] as number[],
      ice_p90: p90[f] as number[],
      monotone: monotonicity(mean[f] as number[]),
    }),
  );
  return { curves, batches, iceRows: ice.length };
}
