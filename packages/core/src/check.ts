import { z } from 'zod';
import { baseConfigShape, type CheckEntry, checkCommonShape, type RegopsConfig } from './config';
import type { DatasetProfile } from './profile';
import type { CheckResult } from './results';

/** A loaded dataset. Row numbers in messages are 1-based data rows (the header is not counted). */
export interface Table {
  name: string;
  /** Path relative to the config directory, as shown to users. */
  path: string;
  header: string[];
  rowCount: number;
  /** Raw cell texts, null where missing. Throws InputError naming file and column when absent. */
  column(name: string): (string | null)[];
  /** Numbers, NaN where missing. Throws InputError naming file, column and row at a non-number. */
  numeric(name: string): Float64Array;
  hasColumn(name: string): boolean;
}

export interface TensorInfo {
  name: string;
  type: string;
  shape: (number | string)[];
}

/** What the evidence records of an ONNX model. */
export interface ModelInfo {
  path: string;
  sha256: string;
  bytes: number;
  ir_version: number | null;
  producer_name: string | null;
  producer_version: string | null;
  opsets: Record<string, number>;
  inputs: TensorInfo[];
  outputs: TensorInfo[];
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

/**
 * The result of one streaming pass over a dataset: its profile, and the state each data check that reads
 * that dataset accumulated during the same pass (by check id; the data package knows the shapes).
 */
export interface ScanResult {
  profile: DatasetProfile;
  byCheck: Map<string, unknown>;
}

/** Services the pipeline needs from the data and model packages; injected so core has no I/O opinions. */
export interface Services {
  /** The whole dataset in memory (for model inference and drift on evaluation-sized data). */
  loadTable(name: string): Promise<Table>;
  /** One bounded-memory pass over the dataset, shared by the profile and every data check (memoized). */
  scan(name: string): Promise<ScanResult>;
  /** Column names of the dataset (reads only the start of the file). */
  header(name: string): Promise<string[]>;
  inspectModel(relPath: string): Promise<ModelInfo>;
}

/**
 * The baseline a change is compared with: the model (and, where declared, the config) the change replaces,
 * resolved before any check runs and recorded in the evidence.
 */
export interface Baseline {
  /** path: files in the working tree; git: files read from a commit (the merge-base with the target branch). */
  source: 'path' | 'git';
  /** git: the commit the baseline files were read from, and the ref it was resolved from. */
  sha?: string | undefined;
  ref?: string | undefined;
  /** Absolute path of the baseline ONNX model (a temporary copy when read from git); null: no baseline model. */
  modelPath: string | null;
  /** How messages name the baseline model (e.g. "models/m.onnx@3f2a1c0" or the configured path). */
  modelDisplay: string | null;
  /** The baseline's regops.yml as parsed YAML (not validated) when read from git; null when not available. */
  config: Record<string, unknown> | null;
}

export interface RunContext {
  /** Absolute directory of regops.yml; every configured path is relative to it. */
  rootDir: string;
  config: RegopsConfig;
  /** The resolved baseline; null or absent when the config declares none. */
  baseline?: Baseline | null;
  services: Services;
  log: Logger;
  /** Compute once per run and share (e.g. model predictions used by several metric checks). */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** A static problem found before running: `path` is relative to the check entry. */
/** `RunContext.memo`: each key computed once; `onCompute` sees the keys actually computed. */
export function createMemo(onCompute?: (key: string) => void): RunContext['memo'] {
  const memo = new Map<string, Promise<unknown>>();
  return <T>(key: string, compute: () => Promise<T>) => {
    let p = memo.get(key) as Promise<T> | undefined;
    if (!p) {
      onCompute?.(key);
      p = compute();
      memo.set(key, p);
    }
    return p;
  };
}

export interface ConfigProblem {
  path: (string | number)[];
  message: string;
}

export interface ColumnNeed {
  dataset: string;
  column: string;
  /**
   * Config path that names the column: from the config root when it starts with a top-level key
   * (['model', 'features', 2]), otherwise inside the check entry (['columns', 0]).
   */
  field: (string | number)[];
}

/**
 * A Check verifies one kind of thing. `options` is the zod shape of its own config fields (merged with the
 * common ones: id, title, verifies, controls, enabled).
 */
export interface Check<C extends CheckEntry = CheckEntry> {
  type: string;
  stage: 'data' | 'model' | 'drift';
  description: string;
  options: z.core.$ZodLooseShape;
  /** Cross-references that the schema alone cannot see (dataset names, model presence). */
  validate?(config: C, project: RegopsConfig): ConfigProblem[];
  /** Dataset columns this check reads, so a missing column is reported before anything runs. */
  columns?(config: C, project: RegopsConfig): ColumnNeed[];
  /** The acceptance criterion in words, for the traceability matrix (e.g. "AUROC ≥ 0.75 on test"). */
  criterion(config: C, project: RegopsConfig): string;
  run(ctx: RunContext, config: C): Promise<CheckResult[]>;
}

export class CheckRegistry {
  private readonly checks = new Map<string, Check>();

  register<C extends CheckEntry>(check: Check<C>): this {
    if (this.checks.has(check.type)) throw new Error(`check type ${check.type} registered twice`);
    this.checks.set(check.type, check as unknown as Check);
    return this;
  }

  get(type: string): Check | undefined {
    return this.checks.get(type);
  }

  list(): Check[] {
    return [...this.checks.values()].sort((a, b) => a.type.localeCompare(b.type));
  }

  /** The full regops.yml schema: base fields plus one strict entry shape per registered check type. */
  configSchema(): z.ZodType<RegopsConfig> {
    const entries = this.list().map((c) =>
      z
        .strictObject({ ...checkCommonShape, type: z.literal(c.type), ...c.options })
        .describe(`${c.type}: ${c.description}`),
    );
    const checkEntry =
      entries.length === 0
        ? z.never()
        : z.discriminatedUnion('type', entries as unknown as [z.ZodObject, ...z.ZodObject[]]);
    return z
      .strictObject({ ...baseConfigShape, checks: z.array(checkEntry).default([]) })
      .describe('RegOps configuration (regops.yml)') as unknown as z.ZodType<RegopsConfig>;
  }
}
