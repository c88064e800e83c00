/** One cell as read from any format: its text, or null when missing (empty field, NA token, JSON null). */
export type Cell = string | null;

/** A batch of rows. `start` is the 1-based data-row number of rows[0] (the header is not counted). */
export interface RowBatch {
  rows: Cell[][];
  start: number;
}

export type DataFormat = 'csv' | 'jsonl' | 'parquet';

export interface SourceSpec {
  /** Dataset name from the config. */
  name: string;
  absPath: string;
  /** Path recorded in the evidence (relative to the config directory). */
  path: string;
  /** Path shown in error messages (relative to the working directory); defaults to `path`. */
  display?: string;
  /** Default: from the extension (.csv/.tsv/.txt → csv, .jsonl/.ndjson → jsonl, .parquet → parquet). */
  format?: DataFormat;
  /** CSV only. Default ',' (tab for .tsv). */
  delimiter?: string;
  /** Cell texts that mean missing (all formats; JSON null and absent keys are always missing). */
  naValues: readonly string[];
  /** Rows per batch; default 8192. */
  batchSize?: number;
}

/**
 * A dataset file opened for streaming. `header` is known once opened; `batches()` reads the file from the
 * start each time it is called, holding at most one batch (plus the parser's buffer) in memory.
 * Errors are InputErrors that name the file, and the row and column when there is one.
 */
export interface DatasetSource {
  name: string;
  path: string;
  display: string;
  format: DataFormat;
  header: string[];
  batches(): AsyncIterable<RowBatch>;
}

/** Something that sees every row of one pass over a dataset. */
export interface RowVisitor {
  batch(b: RowBatch): void;
}
