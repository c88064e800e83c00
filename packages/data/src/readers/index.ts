import path from 'node:path';
import type { DataFormat, DatasetSource, SourceSpec } from '../types';
import { fail } from './common';
import { openCsv } from './csv';
import { openJsonl } from './jsonl';
import { openParquet } from './parquet';

const BY_EXTENSION: Record<string, DataFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.parquet': 'parquet',
};

/** The format a file's extension implies (case-insensitive), or undefined when it implies none. */
export function formatFromPath(file: string): DataFormat | undefined {
  return BY_EXTENSION[path.extname(file).toLowerCase()];
}

/**
 * Opens a dataset file for streaming: picks the reader from `spec.format` or the extension, reads and
 * validates the header (and that there is at least one data row), and returns a source whose
 * `batches()` reads the file from the start on every call. Every problem is an InputError naming the file.
 */
export async function openSource(spec: SourceSpec): Promise<DatasetSource> {
  const where = spec.display ?? spec.path;
  const ext = path.extname(spec.absPath).toLowerCase();
  const format = spec.format ?? BY_EXTENSION[ext];
  switch (format) {
    case 'csv':
      return openCsv(spec, where, spec.delimiter ?? (ext === '.tsv' ? '\t' : ','));
    case 'jsonl':
      return openJsonl(spec, where);
    case 'parquet':
      return openParquet(spec, where);
    case undefined:
      throw fail(
        where,
        `cannot tell the file's format from ${ext ? `its extension "${ext}"` : 'a name without an extension'}; set format: (csv, jsonl or parquet) for this dataset`,
      );
    default:
      throw fail(where, `unknown format "${String(format)}"; use csv, jsonl or parquet`);
  }
}
