import { InputError } from '@regops/core';
import type { Cell, RowBatch } from '../types';

export const DEFAULT_BATCH_SIZE = 8192;

/** `FILE: message`, the shape of every reader error. */
export function fail(where: string, message: string): InputError {
  return new InputError(`${where}: ${message}`);
}

export function batchSizeOf(size: number | undefined): number {
  const n = size ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(n) || n < 1) throw new Error(`batchSize must be a positive integer, got ${n}`);
  return n;
}

/**
 * Checks a header: no empty names, no name twice. `header` must already be in its final form (CSV names
 * trimmed). Column numbers in messages are 1-based.
 */
export function validateHeader(where: string, header: readonly string[]): void {
  const first = new Map<string, number>();
  for (let i = 0; i < header.length; i++) {
    const h = header[i] as string;
    if (h === '') throw fail(where, `the header has an empty column name (column ${i + 1})`);
    const prev = first.get(h);
    if (prev !== undefined) {
      throw fail(where, `the header names column "${h}" twice (columns ${prev + 1} and ${i + 1})`);
    }
    first.set(h, i);
  }
}

/** Turns a file-system error into an InputError naming the file; undefined for anything else. */
export function ioError(e: unknown, where: string): InputError | undefined {
  if (typeof e !== 'object' || e === null || !('syscall' in e)) return undefined;
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return fail(where, 'file not found');
    case 'EISDIR':
      return fail(where, 'is a directory, not a file');
    case 'EACCES':
    case 'EPERM':
      return fail(where, 'permission denied');
    default:
      return fail(where, `cannot read the file (${String(code)})`);
  }
}

/** Collects rows into batches of a fixed size; `start` is the 1-based data-row number of each batch. */
export class BatchBuilder {
  private rows: Cell[][] = [];
  private start = 1;
  private count = 0;

  constructor(private readonly size: number) {}

  /** Adds one row; returns a full batch when there is one to hand out. */
  add(row: Cell[]): RowBatch | undefined {
    this.rows.push(row);
    this.count++;
    return this.rows.length >= this.size ? this.take() : undefined;
  }

  /** The last, partial batch, if any rows are left. */
  rest(): RowBatch | undefined {
    return this.rows.length > 0 ? this.take() : undefined;
  }

  private take(): RowBatch {
    const batch = { rows: this.rows, start: this.start };
    this.rows = [];
    this.start = this.count + 1;
    return batch;
  }
}
