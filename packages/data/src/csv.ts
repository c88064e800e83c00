import { createReadStream } from 'node:fs';
import { InputError, type Table } from '@regops/core';
import { parse } from 'csv-parse';

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

/**
 * Read a CSV file (RFC 4180: quotes, embedded newlines, CRLF, BOM) into a columnar table.
 * Rows must all have the header's width; the first ragged row is reported with its number.
 */
export async function readCsvTable(opts: CsvOptions): Promise<Table> {
  const na = new Set(opts.naValues);
  const where = opts.display ?? opts.path;
  const parser = createReadStream(opts.absPath).pipe(
    parse({ bom: true, delimiter: opts.delimiter, relax_column_count: true, skip_empty_lines: true }),
  );
  let header: string[] | null = null;
  let cols: (string | null)[][] = [];
  let rows = 0;
  try {
    for await (const rec of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = rec.map((h) => h.trim());
        const seen = new Set<string>();
        for (const h of header) {
          if (h === '') throw new InputError(`${where}: the header has an empty column name`);
          if (seen.has(h)) throw new InputError(`${where}: the header names column "${h}" twice`);
          seen.add(h);
        }
        cols = header.map(() => []);
        continue;
      }
      rows++;
      if (rec.length !== header.length) {
        throw new InputError(
          `${where}: row ${rows} has ${rec.length} field(s), but the header has ${header.length}; check the delimiter (${JSON.stringify(opts.delimiter)}) and quoting`,
        );
      }
      for (let j = 0; j < rec.length; j++) {
        const v = rec[j] as string;
        (cols[j] as (string | null)[]).push(na.has(v) ? null : v);
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as Error & { code?: string; lines?: number };
    if (err.code === 'ENOENT') throw new InputError(`${where}: file not found`);
    throw new InputError(`${where}: not a valid CSV file: ${err.message}`);
  }
  if (!header) throw new InputError(`${where}: the file is empty (expected a header row)`);
  return makeTable(opts.name, opts.path, header, cols, rows);
}

export function makeTable(
  name: string,
  path: string,
  header: string[],
  cols: (string | null)[][],
  rowCount: number,
): Table {
  const index = new Map(header.map((h, i) => [h, i]));
  const numericCache = new Map<string, Float64Array>();
  const column = (col: string): (string | null)[] => {
    const i = index.get(col);
    if (i === undefined) {
      throw new InputError(
        `${path}: column "${col}" not found; the file's columns are: ${header.join(', ')}`,
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
            `${path}: row ${r + 1}, column "${col}": expected a number, got a text value; fix the cell or add its text to na_values`,
          );
        }
        out[r] = v;
      }
      numericCache.set(col, out);
      return out;
    },
  };
}
