import { InputError, type Table } from '@regops/core';
import { openSource } from './readers/index';
import type { Cell, SourceSpec } from './types';

/**
 * Reads a whole dataset (CSV, JSONL or Parquet, see `openSource`) into an in-memory columnar Table.
 * For evaluation-sized data (model inference, drift); whole-dataset checks stream with `openSource`.
 */
export async function readTable(spec: SourceSpec): Promise<Table> {
  const source = await openSource(spec);
  const cols: Cell[][] = source.header.map(() => []);
  let rowCount = 0;
  for await (const batch of source.batches()) {
    for (const row of batch.rows) {
      for (let j = 0; j < cols.length; j++) (cols[j] as Cell[]).push(row[j] ?? null);
    }
    rowCount += batch.rows.length;
  }
  return makeTable(spec.name, spec.path, source.header, cols, rowCount, source.display);
}

export interface CsvOptions {
  /** Dataset name from the config. */
  name: string;
  absPath: string;
  /** Path recorded in the table and the evidence (relative to the config directory). */
  path: string;
  /** Path shown in error messages (relative to the working directory); defaults to `path`. */
  display?: string;
  delimiter: string;
  naValues: readonly string[];
}

/** A CSV file as a Table, whatever its extension: `readTable` with `format: 'csv'`. */
export function readCsvTable(opts: CsvOptions): Promise<Table> {
  return readTable({ ...opts, format: 'csv' });
}

/**
 * A Table over columns already in memory. `display` is the file name used in error messages (defaults
 * to `path`).
 */
export function makeTable(
  name: string,
  path: string,
  header: string[],
  cols: (string | null)[][],
  rowCount: number,
  display: string = path,
): Table {
  const index = new Map(header.map((h, i) => [h, i]));
  const numericCache = new Map<string, Float64Array>();
  const column = (col: string): (string | null)[] => {
    const i = index.get(col);
    if (i === undefined) {
      throw new InputError(
        `${display}: column "${col}" not found; the file's columns are: ${header.join(', ')}`,
      );
    }
    return cols[i] as (string | null)[];
  };
  return {
    name,
    path,
    header,
    rowCount,
    hasColumn: (col) => index.has(col),
    column,
    numeric(col) {
      const cached = numericCache.get(col);
      if (cached) return cached;
      const raw = column(col);
      const out = new Float64Array(raw.length);
      for (let r = 0; r < raw.length; r++) {
        const s = raw[r];
        if (s === null || s === undefined) {
          out[r] = Number.NaN;
          continue;
        }
        const v = s.trim() === '' ? Number.NaN : Number(s);
        if (Number.isNaN(v)) {
          throw new InputError(
            `${display}: row ${r + 1}, column "${col}": expected a number, got a text value; fix the cell or add its text to na_values`,
          );
        }
        out[r] = v;
      }
      numericCache.set(col, out);
      return out;
    },
  };
}
