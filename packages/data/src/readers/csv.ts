import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '@regops/core';
import { parse } from 'csv-parse';
import type { Cell, DatasetSource, RowBatch, SourceSpec } from '../types';
import { BatchBuilder, batchSizeOf, fail, ioError, validateHeader } from './common';
import { utf8Chunks } from './utf8';

/** The records of a CSV file, streamed through the UTF-8 check and csv-parse (RFC 4180, BOM, CRLF). */
function records(absPath: string, where: string, delimiter: string): AsyncIterable<string[]> {
  const parser = parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true });
  // pipeline destroys the parser with the source's error (missing file, bad UTF-8), so iterating the
  // parser rejects with it; when the consumer stops early it closes the file. Its own promise is not needed.
  pipeline(Readable.from(utf8Chunks(absPath, where), { objectMode: false }), parser).catch(() => {});
  return parser;
}

/**
 * Errors from reading a CSV file, as InputErrors. csv-parse's own messages can quote cell text, so they
 * are replaced by ours, which name only the line.
 */
function csvError(e: unknown, where: string): unknown {
  if (e instanceof InputError) return e;
  const io = ioError(e, where);
  if (io) return io;
  const err = e as { code?: unknown; lines?: unknown };
  if (typeof err.code !== 'string') return e;
  const line = typeof err.lines === 'number' ? ` at line ${err.lines}` : '';
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return fail(where, 'the file ends inside a quoted field (a quote is never closed); check the quoting');
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return fail(where, `a closing quote is followed by other text${line}; check the quoting`);
    case 'INVALID_OPENING_QUOTE':
      return fail(where, `a quote appears inside an unquoted field${line}; check the quoting`);
    default:
      return fail(where, `not a valid CSV file (${err.code}${line})`);
  }
}

export async function openCsv(spec: SourceSpec, where: string, delimiter: string): Promise<DatasetSource> {
  const batchSize = batchSizeOf(spec.batchSize);
  let header: string[] | undefined;
  let hasRow = false;
  try {
    for await (const rec of records(spec.absPath, where, delimiter)) {
      if (header) {
        hasRow = true;
        break;
      }
      header = rec.map((h) => h.trim());
    }
  } catch (e) {
    throw csvError(e, where);
  }
  if (!header) throw fail(where, 'the file is empty (expected a header row)');
  validateHeader(where, header);
  if (!hasRow) throw fail(where, 'the file has a header but no data rows');

  const width = header.length;
  const na = new Set(spec.naValues);
  async function* batches(): AsyncGenerator<RowBatch> {
    const out = new BatchBuilder(batchSize);
    let row = -1; // the header is record 0
    try {
      for await (const rec of records(spec.absPath, where, delimiter)) {
        row++;
        if (row === 0) continue;
        if (rec.length !== width) {
          throw fail(
            where,
            `row ${row} has ${rec.length} field(s), but the header has ${width}; check the delimiter (${JSON.stringify(delimiter)}) and quoting`,
          );
        }
        const cells: Cell[] = new Array(width);
        for (let j = 0; j < width; j++) {
          const v = rec[j] as string;
          cells[j] = na.has(v) ? null : v;
        }
        const full = out.add(cells);
        if (full) yield full;
      }
    } catch (e) {
      throw csvError(e, where);
    }
    const last = out.rest();
    if (last) yield last;
  }

  return {
    name: spec.name,
    path: spec.path,
    display: where,
    format: 'csv',
    header,
    batches,
  };
}
