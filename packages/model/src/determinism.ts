/**
 * Operational properties of the model: the same input gives the same output (model.determinism), and
 * inference is fast enough (model.latency). Latency depends on the machine; the evidence records which.
 */
import os from 'node:os';
import path from 'node:path';
import {
  type Check,
  type CheckEntry,
  type ConfigProblem,
  InputError,
  type Metric,
  meets,
  type RegopsConfig,
  type Table,
  type Threshold,
} from '@regops/core';
import { makeTable } from '@regops/data';
import * as ort from 'onnxruntime-node';
import { z } from 'zod';
import {
  DEFAULT_SEED,
  evalDataset,
  evalDatasetProblems,
  featureColumns,
  modelProblems,
  rowList,
  runTarget,
  sampleRows,
} from './behavior';
import { predictPositive } from './runner';

const datasetOption = z
  .string()
  .optional()
  .describe('Dataset to run on (default: the dataset with role `test`).');
const seedOption = z
  .number()
  .int()
  .min(0)
  .optional()
  .describe(`Seed of the row sample; default ${DEFAULT_SEED}.`);
const threadsOption = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('onnxruntime intra-op threads (default 1, as for every other model check).');

/** `value` with `digits` significant digits, or more where fewer would round it across a bound. */
export function formatSignificant(value: number, bounds: readonly Threshold[] = [], digits = 3): string {
  if (value === 0) return '0';
  for (let d = digits; d <= 15; d++) {
    const shown = Number(value.toPrecision(d));
    if (bounds.every((b) => meets(shown, b) === meets(value, b))) return String(shown);
  }
  return String(value);
}

/** The rows of `table` listed in `rows` (0-based), model features only, as a new in-memory table. */
function subTable(table: Table, features: readonly string[], rows: readonly number[], label: string): Table {
  const cols = features.map((f) => {
    const raw = table.column(f);
    return rows.map((r) => raw[r] ?? null);
  });
  return makeTable(table.name, label, [...features], cols, rows.length);
}

// ---------------------------------------------------------------------------------------------------------
// model.determinism
// ---------------------------------------------------------------------------------------------------------

export interface DeterminismConfig extends CheckEntry {
  dataset?: string | undefined;
  tolerance?: number | undefined;
  max_rows?: number | undefined;
  seed?: number | undefined;
  threads?: number | undefined;
}

export const determinismCheck: Check<DeterminismConfig> = {
  type: 'model.determinism',
  stage: 'model',
  description: 'Two independent runs of the model give the same P(positive) for every row',
  options: {
    dataset: datasetOption,
    tolerance: z
      .number()
      .min(0)
      .optional()
      .describe('Largest allowed |difference| of P(positive) between the runs (default 0: bit-identical).'),
    max_rows: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Run on at most this many rows, drawn with a fixed seed when the dataset is larger.'),
    seed: seedOption,
    threads: threadsOption,
  },

  validate(cfg, project) {
    return [...modelProblems('model.determinism', project), ...evalDatasetProblems(cfg.dataset, project)];
  },

  columns: (cfg, project) => featureColumns(cfg.dataset, project),

  criterion(cfg, project) {
    const dataset = evalDataset(cfg.dataset, project) ?? cfg.dataset ?? 'the test dataset';
    const tol = cfg.tolerance ?? 0;
    return `two independent runs on ${dataset} give ${tol === 0 ? 'identical P(positive)' : `P(positive) within ${tol}`} for every row`;
  },

  async run(ctx, cfg) {
    const { model, dataset } = runTarget(ctx, cfg, 'model.determinism');
    const table = await ctx.services.loadTable(dataset);
    for (const f of model.features) table.numeric(f);
    const tolerance = cfg.tolerance ?? 0;
    const threads = cfg.threads ?? 1;
    const rows = sampleRows(table.rowCount, cfg.max_rows, cfg.seed ?? DEFAULT_SEED);
    const sampled = rows.length < table.rowCount;
    const input = sampled
      ? subTable(table, model.features, rows, `${table.path} (${rows.length} sampled rows)`)
      : table;
    // Deliberately not memoized: each call opens, runs and releases its own session.
    const first = await predictPositive({ rootDir: ctx.rootDir, model, table: input, threads });
    const second = await predictPositive({ rootDir: ctx.rootDir, model, table: input, threads });
    const different: number[] = [];
    let maxDiff = 0;
    for (let i = 0; i < rows.length; i++) {
      const d = Math.abs((first[i] as number) - (second[i] as number));
      if (d > maxDiff) maxDiff = d;
      if (d > tolerance) different.push((rows[i] as number) + 1);
    }
    const bound: Threshold = { op: '<=', value: tolerance };
    const n = rows.length;
    const metrics: Metric[] = [
      { name: 'max_abs_difference', value: n === 0 ? null : maxDiff, threshold: bound },
      { name: 'rows_different', value: different.length },
      { name: 'n', value: n },
      { name: 'threads', value: threads },
    ];
    const base = {
      id: cfg.id,
      check: 'model.determinism',
      title: cfg.title ?? determinismCheck.description,
      verifies: cfg.verifies,
      controls: cfg.controls,
      metrics,
      details: {
        dataset,
        dataset_path: table.path,
        model: model.path,
        tolerance,
        threads,
        rows_evaluated: n,
        rows_in_dataset: table.rowCount,
        sampled,
        different_rows: different.slice(0, 100),
      },
    };
    const on = sampled ? `${n} sampled rows of ${dataset} (of ${table.rowCount})` : `${n} rows of ${dataset}`;
    if (n === 0) return [{ ...base, status: 'error', message: `${dataset} has no rows; nothing to compare` }];
    const diffText = formatSignificant(maxDiff, [bound]);
    const message =
      different.length === 0
        ? maxDiff === 0
          ? `two runs in separate sessions gave identical P(positive) on all ${on} (tolerance ${tolerance})`
          : `two runs in separate sessions gave P(positive) within ${tolerance} on all ${on} (max difference ${diffText})`
        : `two runs in separate sessions gave P(positive) differing by more than ${tolerance} on ${different.length} of ${on} (rows ${rowList(different)}); max difference ${diffText}`;
    return [{ ...base, status: different.length === 0 ? 'pass' : 'fail', message }];
  },
};

// ---------------------------------------------------------------------------------------------------------
// model.latency
// ---------------------------------------------------------------------------------------------------------

export const DEFAULT_LATENCY_SAMPLE = 200;
export const DEFAULT_LATENCY_BATCHES = 20;
export const DEFAULT_LATENCY_WARMUP = 5;

export interface LatencyConfig extends CheckEntry {
  dataset?: string | undefined;
  sample?: number | undefined;
  batch_size?: number | undefined;
  batches?: number | undefined;
  warmup?: number | undefined;
  threads?: number | undefined;
  seed?: number | undefined;
  max_p95_ms_per_row?: number | undefined;
  max_p95_ms_per_batch?: number | undefined;
}

/** Nearest-rank percentile (`q` in [0, 1]) of unsorted values; null for none. */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const k = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[k - 1] as number;
}

function latencyBounds(cfg: LatencyConfig): { row?: Threshold; batch?: Threshold } {
  return {
    ...(cfg.max_p95_ms_per_row !== undefined ? { row: { op: '<=', value: cfg.max_p95_ms_per_row } } : {}),
    ...(cfg.max_p95_ms_per_batch !== undefined
      ? { batch: { op: '<=', value: cfg.max_p95_ms_per_batch } }
      : {}),
  } as { row?: Threshold; batch?: Threshold };
}

function runtimeVersion(): string {
  const v = (ort.env.versions as Record<string, string | undefined>).node ?? ort.env.versions.common;
  return v ? `onnxruntime-node ${v}` : 'onnxruntime-node';
}

/** What the latency numbers depend on, for the evidence. */
export function machineInfo(threads: number): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    logical_cpus: cpus.length,
    platform: `${process.platform}-${process.arch}`,
    node: process.version,
    runtime: runtimeVersion(),
    threads,
  };
}

export const latencyCheck: Check<LatencyConfig> = {
  type: 'model.latency',
  stage: 'model',
  description: 'Inference latency per row (batch size 1) and per batch within bounds (p95)',
  options: {
    dataset: datasetOption,
    sample: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(`Single-row runs timed (default ${DEFAULT_LATENCY_SAMPLE}); rows drawn with a fixed seed.`),
    batch_size: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Rows per batch for the per-batch latency (default: model.batch_size).'),
    batches: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        `Batches timed (default ${DEFAULT_LATENCY_BATCHES}); rows taken in turn, repeating the dataset if needed.`,
      ),
    warmup: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(`Untimed single-row runs first (default ${DEFAULT_LATENCY_WARMUP}; one untimed batch too).`),
    threads: threadsOption,
    seed: seedOption,
    max_p95_ms_per_row: z
      .number()
      .positive()
      .optional()
      .describe('Highest acceptable 95th-percentile latency of one row (batch size 1), in milliseconds.'),
    max_p95_ms_per_batch: z
      .number()
      .positive()
      .optional()
      .describe(
        'Highest acceptable 95th-percentile latency of one batch of `batch_size` rows, in milliseconds.',
      ),
  },

  validate(cfg, project) {
    const problems: ConfigProblem[] = [
      ...modelProblems('model.latency', project),
      ...evalDatasetProblems(cfg.dataset, project),
    ];
    if (cfg.max_p95_ms_per_row === undefined && cfg.max_p95_ms_per_batch === undefined) {
      problems.push({
        path: [],
        message:
          'set `max_p95_ms_per_row` and/or `max_p95_ms_per_batch`: the latency bound in milliseconds (e.g. max_p95_ms_per_row: 5)',
      });
    }
    return problems;
  },

  columns: (cfg, project) => featureColumns(cfg.dataset, project),

  criterion(cfg, project: RegopsConfig) {
    const dataset = evalDataset(cfg.dataset, project) ?? cfg.dataset ?? 'the test dataset';
    const batchSize = cfg.batch_size ?? project.model?.batch_size ?? 0;
    const parts = [
      cfg.max_p95_ms_per_row !== undefined ? `≤ ${cfg.max_p95_ms_per_row} ms per row (batch size 1)` : '',
      cfg.max_p95_ms_per_batch !== undefined
        ? `≤ ${cfg.max_p95_ms_per_batch} ms per batch of ${batchSize} rows`
        : '',
    ].filter((s) => s !== '');
    return `p95 inference latency ${parts.join(' and ') || '(no bound set)'} on ${dataset}`;
  },

  async run(ctx, cfg) {
    const { model, dataset } = runTarget(ctx, cfg, 'model.latency');
    const table = await ctx.services.loadTable(dataset);
    const cols = model.features.map((f) => table.numeric(f));
    const n = table.rowCount;
    const sample = cfg.sample ?? DEFAULT_LATENCY_SAMPLE;
    const batchSize = cfg.batch_size ?? model.batch_size;
    const batches = cfg.batches ?? DEFAULT_LATENCY_BATCHES;
    const warmup = cfg.warmup ?? DEFAULT_LATENCY_WARMUP;
    const threads = cfg.threads ?? 1;
    const bounds = latencyBounds(cfg);
    const common = {
      id: cfg.id,
      check: 'model.latency',
      title: cfg.title ?? latencyCheck.description,
      verifies: cfg.verifies,
      controls: cfg.controls,
    };
    if (n === 0) {
      return [
        { ...common, status: 'error', metrics: [], message: `${dataset} has no rows; nothing to time` },
      ];
    }
    const order = sampleRows(n, sample, cfg.seed ?? DEFAULT_SEED);
    // The runner validates the model's signature and outputs on the sampled rows, with its own messages.
    await predictPositive({
      rootDir: ctx.rootDir,
      model,
      table: subTable(table, model.features, order, `${table.path} (${order.length} sampled rows)`),
      threads,
    });

    const width = model.features.length;
    const feed = (rows: (i: number) => number, count: number) => {
      const data = new Float32Array(count * width);
      for (let i = 0; i < count; i++) {
        const r = rows(i);
        for (let j = 0; j < width; j++) data[i * width + j] = (cols[j] as Float64Array)[r] as number;
      }
      return { [model.input]: new ort.Tensor('float32', data, [count, width]) };
    };
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(path.resolve(ctx.rootDir, model.path), {
        executionProviders: ['cpu'],
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        logSeverityLevel: 3,
      });
    } catch (e) {
      throw new InputError(
        `${model.path}: ${runtimeVersion()} could not load the model: ${(e as Error).message}`,
      );
    }
    const outputs = [model.probabilities];
    const rowMs: number[] = [];
    const batchMs: number[] = [];
    try {
      const oneRow = (k: number) => feed(() => order[k % order.length] as number, 1);
      const oneBatch = (b: number) => feed((i) => (b * batchSize + i) % n, batchSize);
      for (let w = 0; w < warmup; w++) await session.run(oneRow(w), outputs);
      for (let k = 0; k < sample; k++) {
        const feeds = oneRow(k);
        const t0 = performance.now();
        await session.run(feeds, outputs);
        rowMs.push(performance.now() - t0);
      }
      await session.run(oneBatch(batches), outputs);
      for (let b = 0; b < batches; b++) {
        const feeds = oneBatch(b);
        const t0 = performance.now();
        await session.run(feeds, outputs);
        batchMs.push(performance.now() - t0);
      }
    } finally {
      await session.release();
    }

    const p50Row = percentile(rowMs, 0.5) as number;
    const p95Row = percentile(rowMs, 0.95) as number;
    const p50Batch = percentile(batchMs, 0.5) as number;
    const p95Batch = percentile(batchMs, 0.95) as number;
    const metrics: Metric[] = [
      { name: 'p50_ms_per_row', value: p50Row, unit: 'ms' },
      { name: 'p95_ms_per_row', value: p95Row, unit: 'ms', ...(bounds.row ? { threshold: bounds.row } : {}) },
      { name: 'p50_ms_per_batch', value: p50Batch, unit: 'ms' },
      {
        name: 'p95_ms_per_batch',
        value: p95Batch,
        unit: 'ms',
        ...(bounds.batch ? { threshold: bounds.batch } : {}),
      },
      { name: 'rows_timed', value: sample },
      { name: 'batches_timed', value: batches },
      { name: 'batch_size', value: batchSize },
    ];
    const pass =
      (bounds.row !== undefined || bounds.batch !== undefined) &&
      (!bounds.row || meets(p95Row, bounds.row)) &&
      (!bounds.batch || meets(p95Batch, bounds.batch));
    const ms = (v: number, b?: Threshold) => `${formatSignificant(v, b ? [b] : [])} ms`;
    const boundText = (b?: Threshold) => (b ? `bound ≤ ${b.value} ms` : 'no bound');
    const message = `p95 ${ms(p95Row, bounds.row)} per row (${boundText(bounds.row)}; p50 ${ms(p50Row)}), p95 ${ms(p95Batch, bounds.batch)} per batch of ${batchSize} rows (${boundText(bounds.batch)}; p50 ${ms(p50Batch)}) on ${dataset}; ${sample} single-row runs, ${batches} batches, ${threads} thread${threads === 1 ? '' : 's'}`;
    return [
      {
        ...common,
        status: pass ? 'pass' : 'fail',
        metrics,
        message,
        details: {
          dataset,
          dataset_path: table.path,
          model: model.path,
          sample,
          distinct_rows: order.length,
          batch_size: batchSize,
          batches,
          warmup,
          timed: 'session.run only (input tensors built before the clock starts)',
          machine: machineInfo(threads),
        },
      },
    ];
  },
};
