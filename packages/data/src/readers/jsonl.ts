import { InputError } from '@regops/core';
import type { Cell, DatasetSource, RowBatch, SourceSpec } from '../types';
import { BatchBuilder, batchSizeOf, fail, ioError, validateHeader } from './common';
import { utf8Chunks } from './utf8';

const NEWLINE = 0x0a;

/** The lines of a byte stream ('\n'-separated; a trailing '\r' is left for JSON.parse to skip as space). */
async function* lines(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let first = true;
  const text = (b: Buffer) => {
    const s = b.toString('utf8');
    if (!first) return s;
    first = false;
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, from)) {
      const piece = chunk.subarray(from, nl);
      yield text(pending.length > 0 ? Buffer.concat([...pending, piece]) : piece);
      pending = [];
      from = nl + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length > 0) yield text(Buffer.concat(pending));
}

/**
 * V8's JSON.parse messages quote the offending text (e.g. `Unexpected token 'x', "{"a": xyz}" is not
 * valid JSON`); keep only the kind of error and its column, never the text.
 */
function jsonReason(message: string): string {
  if (/^Unexpected token/.test(message)) return 'unexpected character';
  let m = message.replace(/,? ".*" is not valid JSON$/s, '');
  m = m.replace(/ in JSON at position (\d+)(?: \(line \d+ column \d+\))?/, (_, p: string) => {
    return ` at column ${Number(p) + 1}`;
  });
  if (m.includes('"') || m === '') return 'syntax error';
  return m.charAt(0).toLowerCase() + m.slice(1);
}

interface Parsed {
  line: number;
  value: Record<string, unknown>;
}

/** The JSON objects of a JSONL file, with their line numbers; blank lines are skipped. */
async function* objects(absPath: string, where: string): AsyncGenerator<Parsed> {
  let line = 0;
  for await (const text of lines(utf8Chunks(absPath, where))) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw fail(where, `line ${line} is not valid JSON (${jsonReason((e as Error).message)})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw fail(where, `line ${line} is not a JSON object (expected one object per line)`);
    }
    yield { line, value: value as Record<string, unknown> };
  }
}

function jsonlError(e: unknown, where: string): unknown {
  if (e instanceof InputError) return e;
  return ioError(e, where) ?? e;
}

export async function openJsonl(spec: SourceSpec, where: string): Promise<DatasetSource> {
  const batchSize = batchSizeOf(spec.batchSize);
  let first: Parsed | undefined;
  try {
    for await (const o of objects(spec.absPath, where)) {
      first = o;
      break;
    }
  } catch (e) {
    throw jsonlError(e, where);
  }
  if (!first) throw fail(where, 'the file is empty (expected one JSON object per line)');
  // The first object's keys are the columns (it is also data row 1).
  const header = Object.keys(first.value);
  if (header.length === 0) {
    throw fail(where, `line ${first.line} is an empty object; the first object's keys name the columns`);
  }
  validateHeader(where, header);

  const index = new Map(header.map((h, i) => [h, i]));
  const na = new Set(spec.naValues);
  const cell = (v: unknown, row: number, key: string): Cell => {
    let s: string;
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') s = v;
    else if (typeof v === 'number') s = String(v);
    else if (typeof v === 'boolean') s = v ? 'true' : 'false';
    else {
      throw fail(
        where,
        `row ${row}, column "${key}": nested values (arrays and objects) are not supported; flatten the column`,
      );
    }
    return na.has(s) ? null : s;
  };

  async function* batches(): AsyncGenerator<RowBatch> {
    const out = new BatchBuilder(batchSize);
    let row = 0;
    try {
      for await (const { value } of objects(spec.absPath, where)) {
        row++;
        const cells: Cell[] = new Array(header.length).fill(null);
        for (const key of Object.keys(value)) {
          const j = index.get(key);
          if (j === undefined) {
            throw fail(
              where,
              `row ${row} has key "${key}", which the first row does not have; every row must use the first row's keys`,
            );
          }
          cells[j] = cell(value[key], row, key);
        }
        const full = out.add(cells);
        if (full) yield full;
      }
    } catch (e) {
      throw jsonlError(e, where);
    }
    const last = out.rest();
    if (last) yield last;
  }

  return { name: spec.name, path: spec.path, display: where, format: 'jsonl', header, batches };
}
