import { type FileHandle, open } from 'node:fs/promises';
import { InputError } from '@regops/core';
import {
  type AsyncBuffer,
  type FileMetaData,
  type ParquetParsers,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type SchemaElement,
} from 'hyparquet';
import type { Cell, DatasetSource, RowBatch, SourceSpec } from '../types';
import { BatchBuilder, batchSizeOf, fail, ioError, validateHeader } from './common';

/** Most rows decoded at once: one row group, or slices of this many rows of a bigger one. */
const MAX_RANGE_ROWS = 65_536;
const SUPPORTED_CODECS = new Set(['UNCOMPRESSED', 'SNAPPY']);
const MAGIC = 'PAR1';

/** An AsyncBuffer that reads slices of an open file on demand (never the whole file). */
function fileBuffer(fh: FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end = size): Promise<ArrayBuffer> {
      const out = new ArrayBuffer(Math.max(0, end - start));
      const view = new Uint8Array(out);
      let done = 0;
      while (done < view.length) {
        const { bytesRead } = await fh.read(view, done, view.length - done, start + done);
        if (bytesRead === 0) throw new Error('parquet file is shorter than its metadata says');
        done += bytesRead;
      }
      return out;
    },
  };
}

/** Opens the file, hands `use` an AsyncBuffer over it, and closes it again. */
async function withFile<T>(
  absPath: string,
  where: string,
  use: (file: AsyncBuffer) => Promise<T>,
): Promise<T> {
  let fh: FileHandle;
  try {
    fh = await open(absPath, 'r');
  } catch (e) {
    throw ioError(e, where) ?? e;
  }
  try {
    const { size } = await fh.stat();
    return await use(fileBuffer(fh, size));
  } finally {
    await fh.close();
  }
}

function parquetError(e: unknown, where: string): unknown {
  if (e instanceof InputError) return e;
  const io = ioError(e, where);
  if (io) return io;
  // hyparquet's messages describe the structure ("parquet unsupported encoding: …"), not cell values.
  if (e instanceof Error) return fail(where, `cannot read the Parquet file (${e.message})`);
  return e;
}

const isoDay = (d: Date) => {
  const iso = d.toISOString();
  return iso.slice(0, iso.indexOf('T'));
};
const validDate = (d: Date) => !Number.isNaN(d.getTime());

/**
 * Dates and timestamps straight to ISO 8601 text: DATE as YYYY-MM-DD, timestamps (any unit, INT96) as
 * YYYY-MM-DDTHH:mm:ss.sssZ. Out-of-range values stay invalid Dates, reported with their row and column.
 */
const parsers: Partial<ParquetParsers> = {
  dateFromDays(days: number) {
    const d = new Date(days * 86_400_000);
    return validDate(d) ? isoDay(d) : d;
  },
  timestampFromMilliseconds: (ms: bigint) => isoTimestamp(Number(ms)),
  timestampFromMicroseconds: (us: bigint) => isoTimestamp(Number(us / 1000n)),
  timestampFromNanoseconds: (ns: bigint) => isoTimestamp(Number(ns / 1_000_000n)),
};
function isoTimestamp(ms: number): string | Date {
  const d = new Date(ms);
  return validDate(d) ? d.toISOString() : d;
}

/** The shortest decimal text that reads back as the same 32-bit float (0.1f → "0.1", not 0.10000000149…). */
function float32Text(v: number): string {
  for (let p = 1; p < 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === v) return String(Number(s));
  }
  return String(v);
}

type Convert = (v: unknown, row: number) => Cell;

function converter(where: string, column: string, element: SchemaElement, na: Set<string>): Convert {
  const isFloat32 = element.type === 'FLOAT';
  const bad = (row: number, what: string) => fail(where, `row ${row}, column "${column}": ${what}`);
  return (v, row) => {
    let s: string;
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') s = v;
    else if (typeof v === 'number') {
      if (Number.isNaN(v)) return null;
      s = isFloat32 ? float32Text(v) : String(v);
    } else if (typeof v === 'bigint') s = v.toString();
    else if (typeof v === 'boolean') s = v ? 'true' : 'false';
    else if (v instanceof Date) {
      if (!validDate(v)) throw bad(row, 'the date or timestamp is out of range');
      s = v.toISOString();
    } else if (v instanceof Uint8Array) throw bad(row, 'binary values are not supported');
    else throw bad(row, 'nested values (lists, structs, maps) are not supported; flatten the column');
    return na.has(s) ? null : s;
  };
}

export async function openParquet(spec: SourceSpec, where: string): Promise<DatasetSource> {
  const batchSize = batchSizeOf(spec.batchSize);
  let metadata: FileMetaData;
  try {
    metadata = await withFile(spec.absPath, where, async (file) => {
      if (file.byteLength === 0) throw fail(where, 'the file is empty (expected a Parquet file)');
      const magic = (buf: ArrayBuffer) => Buffer.from(buf).toString('latin1') === MAGIC;
      const size = file.byteLength;
      if (size < 12 || !magic(await file.slice(0, 4)) || !magic(await file.slice(size - 4, size))) {
        throw fail(where, "not a Parquet file (no PAR1 magic bytes); set format: to the file's real format");
      }
      return parquetMetadataAsync(file);
    });
  } catch (e) {
    throw parquetError(e, where);
  }

  const columns = parquetSchema(metadata).children;
  const header = columns.map((c) => c.element.name);
  if (header.length === 0) throw fail(where, 'the Parquet file has no columns');
  validateHeader(where, header);
  for (const c of columns) {
    if (c.children.length > 0 || c.element.repetition_type === 'REPEATED') {
      throw fail(
        where,
        `column "${c.element.name}" is nested (a list, struct or map), which is not supported; flatten it`,
      );
    }
  }
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const codec = chunk.meta_data?.codec;
      if (codec && !SUPPORTED_CODECS.has(codec)) {
        throw fail(
          where,
          `the Parquet file is compressed with ${codec}, which is not supported; write it with snappy or no compression`,
        );
      }
    }
  }
  if (Number(metadata.num_rows) === 0) throw fail(where, 'the file has a header but no data rows');

  const na = new Set(spec.naValues);
  const convert = columns.map((c) => converter(where, c.element.name, c.element, na));
  const rangeRows = Math.max(batchSize, MAX_RANGE_ROWS);

  async function* rowRanges(file: AsyncBuffer): AsyncGenerator<unknown[][]> {
    let groupStart = 0;
    for (const group of metadata.row_groups) {
      const groupEnd = groupStart + Number(group.num_rows);
      for (let rowStart = groupStart; rowStart < groupEnd; rowStart += rangeRows) {
        const rowEnd = Math.min(groupEnd, rowStart + rangeRows);
        let rows: unknown[][] = [];
        await parquetRead({
          file,
          metadata,
          columns: header,
          rowStart,
          rowEnd,
          parsers,
          useOffsetIndex: true,
          onComplete: (r: unknown[][]) => {
            rows = r;
          },
        });
        if (rows.length !== rowEnd - rowStart) {
          throw new Error(`expected ${rowEnd - rowStart} rows from ${rowStart}, got ${rows.length}`);
        }
        yield rows;
      }
      groupStart = groupEnd;
    }
  }

  async function* batches(): AsyncGenerator<RowBatch> {
    let fh: FileHandle | undefined;
    try {
      try {
        fh = await open(spec.absPath, 'r');
      } catch (e) {
        throw ioError(e, where) ?? e;
      }
      const file = fileBuffer(fh, (await fh.stat()).size);
      const out = new BatchBuilder(batchSize);
      let row = 0;
      for await (const range of rowRanges(file)) {
        for (const values of range) {
          row++;
          const cells: Cell[] = new Array(header.length);
          for (let j = 0; j < header.length; j++) cells[j] = (convert[j] as Convert)(values[j], row);
          const full = out.add(cells);
          if (full) yield full;
        }
      }
      const last = out.rest();
      if (last) yield last;
    } catch (e) {
      throw parquetError(e, where);
    } finally {
      await fh?.close();
    }
  }

  return { name: spec.name, path: spec.path, display: where, format: 'parquet', header, batches };
}
