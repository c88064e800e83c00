import {
  type CheckEntry,
  type CheckResult,
  type ColumnNeed,
  type ConfigProblem,
  type DatasetConfig,
  type Metric,
  nearest,
  type RegopsConfig,
  type Status,
} from '@regops/core';
import { z } from 'zod';
import { mask } from '../mask';

export const datasetsOption = z
  .array(z.string())
  .min(1)
  .optional()
  .describe('Datasets to check (default: every configured dataset).');

export const columnsOption = z
  .array(z.string())
  .min(1)
  .optional()
  .describe('Columns to check (default: every column).');

/** Problems with dataset names an entry gives, at `path` inside the entry. */
export function unknownDatasets(
  names: readonly string[] | undefined,
  project: RegopsConfig,
  field = 'datasets',
): ConfigProblem[] {
  const known = Object.keys(project.datasets);
  const problems: ConfigProblem[] = [];
  (names ?? []).forEach((name, k) => {
    if (known.includes(name)) return;
    const hint = nearest(name, known);
    problems.push({
      path: [field, k],
      message: `unknown dataset "${name}"${hint ? `; did you mean "${hint}"?` : ''} (defined: ${known.join(', ') || 'none'})`,
    });
  });
  if (!names && known.length === 0) {
    problems.push({
      path: [field],
      message: 'no dataset to check: add one under `datasets:` at the top level',
    });
  }
  return problems;
}

export function unknownDataset(
  name: string | undefined,
  project: RegopsConfig,
  field: string,
): ConfigProblem[] {
  return name === undefined
    ? []
    : unknownDatasets([name], project, field).map((p) => ({ ...p, path: [field] }));
}

/** The entry's `datasets`, or every configured dataset. */
export function allOr(names: readonly string[] | undefined, project: RegopsConfig): string[] {
  return names ? [...names] : Object.keys(project.datasets);
}

/** The only dataset with one of `roles` (in order of preference), or undefined. */
export function datasetWithRole(project: RegopsConfig, roles: DatasetConfig['role'][]): string | undefined {
  for (const role of roles) {
    const names = Object.keys(project.datasets).filter((n) => project.datasets[n]?.role === role);
    if (names.length === 1) return names[0];
    if (names.length > 1) return undefined;
  }
  return undefined;
}

/** ` (rows 3, 9, … 12 more)` for messages: row numbers only, never values. */
export function rowsText(rows: readonly number[], count: number): string {
  if (rows.length === 0) return '';
  const more = count > rows.length ? `, … ${count - rows.length} more` : '';
  return ` (row${count > 1 ? 's' : ''} ${rows.join(', ')}${more})`;
}

/** A value as it may appear in output: masked when its column is sensitive, quoted otherwise. */
export function shown(value: string, sensitive: boolean): string {
  return sensitive ? mask(value) : JSON.stringify(value);
}

export function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

/** A CheckResult for one dataset of an entry (`id/dataset`). */
export function datasetResult(
  cfg: CheckEntry,
  check: string,
  dataset: string,
  status: Status,
  metrics: Metric[],
  message: string,
  details?: Record<string, unknown>,
  part = dataset,
): CheckResult {
  return {
    id: `${cfg.id}/${part}`,
    check,
    title: `${cfg.title ?? defaultTitles[check] ?? check}: ${part}`,
    status,
    verifies: cfg.verifies,
    controls: cfg.controls,
    metrics,
    message,
    details: { dataset, ...details },
  };
}

const defaultTitles: Record<string, string> = {
  'data.missing': 'Missing values',
  'data.duplicates': 'Duplicate rows',
  'data.conflicting_labels': 'Conflicting labels',
  'data.mixed_types': 'Mixed types',
  'data.category_variants': 'Category spelling variants',
  'data.constant': 'Constant columns',
  'data.unseen_categories': 'Categories unseen in the reference',
  'data.label_prevalence': 'Label prevalence',
  'data.size': 'Dataset size',
  'data.leakage': 'Split integrity',
};

/** Parses a cell as a finite number, or returns NaN. */
export function toNumber(cell: string | null): number {
  if (cell === null) return Number.NaN;
  const t = cell.trim();
  if (t === '') return Number.NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : Number.NaN;
}

/** Bounded exact value counts: stops adding new values past `cap` distinct (then `overflow` is true). */
export class CappedCounts {
  readonly counts = new Map<string, number>();
  overflow = false;
  constructor(private readonly cap: number) {}
  add(v: string): void {
    const c = this.counts.get(v);
    if (c !== undefined) this.counts.set(v, c + 1);
    else if (this.counts.size < this.cap) this.counts.set(v, 1);
    else this.overflow = true;
  }
}

export type Entry<T> = CheckEntry & T;

/**
 * Misra–Gries heavy hitters: any value with a share above 1/(k+1) is kept, its count low by at most
 * n/(k+1); exact while there are at most k distinct values.
 */
export class HeavyHitters {
  readonly counters = new Map<string, number>();
  n = 0;
  constructor(private readonly k: number) {}
  add(v: string): void {
    this.n++;
    const c = this.counters.get(v);
    if (c !== undefined) this.counters.set(v, c + 1);
    else if (this.counters.size < this.k) this.counters.set(v, 1);
    else {
      for (const [key, count] of this.counters) {
        if (count <= 1) this.counters.delete(key);
        else this.counters.set(key, count - 1);
      }
    }
  }
  /** Largest kept count, and whether it is exact (no decrement happened). */
  top(): { value: string | null; count: number } {
    let value: string | null = null;
    let count = 0;
    for (const [v, c] of this.counters) {
      if (c > count) {
        count = c;
        value = v;
      }
    }
    return { value, count };
  }
}

/** ColumnNeeds of an entry: each named column in each dataset (paths relative to the check entry). */
export function needs(
  datasets: readonly string[],
  columns: readonly { column: string | undefined; field: (string | number)[] }[],
): ColumnNeed[] {
  return datasets.flatMap((dataset) =>
    columns
      .filter((c): c is { column: string; field: (string | number)[] } => c.column !== undefined)
      .map((c) => ({ dataset, column: c.column, field: c.field })),
  );
}

/** ColumnNeeds for an entry's `columns:` list in each of its datasets (default: every dataset). */
export function listedColumns(
  cfg: { datasets?: string[] | undefined; columns?: string[] | undefined },
  project: RegopsConfig,
): ColumnNeed[] {
  return needs(
    allOr(cfg.datasets, project),
    (cfg.columns ?? []).map((column, k) => ({ column, field: ['columns', k] })),
  );
}
