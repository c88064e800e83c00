/**
 * Behavioural tests of the model (CheckList-style): invariance to a perturbation that must not matter,
 * directional expectations on one feature, and a file of minimum-functionality cases. Messages name rows
 * by their 1-based number, never by their values.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type Check,
  type CheckEntry,
  type CheckResult,
  type ConfigProblem,
  ConfigurationError,
  displayPath,
  InputError,
  type Metric,
  type ModelConfig,
  meets,
  nearest,
  parseYamlText,
  type RegopsConfig,
  type RunContext,
  resolveInput,
  sha256File,
  type Table,
  type Threshold,
} from '@regops/core';
import { makeTable, readTable } from '@regops/data';
import { z } from 'zod';
import { evalDataset, featureColumns } from './eval-dataset';
import { DEFAULT_THRESHOLD, formatValue } from './model-metric';
import { predictPositive } from './runner';

// ---------------------------------------------------------------------------------------------------------
// Shared by the behaviour and determinism checks
// ---------------------------------------------------------------------------------------------------------

/** Seed of the row sample and of `shuffle` when the entry sets none. */
export const DEFAULT_SEED = 1;

const NO_DATASETS = 'none';

/** Problems with `dataset:` (unknown name, or no default), worded as model.metric words them. */
export function evalDatasetProblems(dataset: string | undefined, project: RegopsConfig): ConfigProblem[] {
  const known = Object.keys(project.datasets);
  const knownText = known.join(', ') || NO_DATASETS;
  if (dataset !== undefined) {
    if (known.includes(dataset)) return [];
    const hint = nearest(dataset, known);
    return [
      {
        path: ['dataset'],
        message: `unknown dataset "${dataset}"${hint ? `; did you mean "${hint}"?` : ''} (defined: ${knownText})`,
      },
    ];
  }
  const tests = known.filter((k) => project.datasets[k]?.role === 'test');
  if (tests.length === 1) return [];
  return [
    {
      path: [],
      message:
        tests.length === 0
          ? `no \`dataset:\` given and no dataset has role \`test\`; set \`dataset:\` to one of: ${knownText}`
          : `no \`dataset:\` given and several datasets have role \`test\` (${tests.join(', ')}); set \`dataset:\` to one of them`,
    },
  ];
}

/** The problem of a model check in a config without `model:`. */
export function modelProblems(type: string, project: RegopsConfig): ConfigProblem[] {
  return project.model
    ? []
    : [{ path: [], message: `${type} needs the model under test: add a \`model:\` section to the config` }];
}

/** `feature` must be one of model.features (perturbing anything else cannot change the prediction). */
export function featureProblems(feature: string, project: RegopsConfig): ConfigProblem[] {
  const features = project.model?.features;
  if (!features || features.includes(feature)) return [];
  const hint = nearest(feature, features);
  return [
    {
      path: ['feature'],
      message: `feature "${feature}" is not one of model.features${hint ? `; did you mean "${hint}"?` : ''} (model.features: ${features.join(', ')})`,
    },
  ];
}

/** The model and dataset of a model check at run time (validate() has already reported what is missing). */
export function runTarget(
  ctx: RunContext,
  cfg: CheckEntry & { dataset?: string | undefined },
  type: string,
): { model: ModelConfig; dataset: string } {
  const { model } = ctx.config;
  if (!model) {
    throw new ConfigurationError(`check ${cfg.id}: ${type} needs a \`model:\` section in the config`);
  }
  const dataset = evalDataset(cfg.dataset, ctx.config);
  if (dataset === null) {
    throw new ConfigurationError(
      `check ${cfg.id}: cannot tell which dataset to run on; set \`dataset:\` (defined: ${Object.keys(ctx.config.datasets).join(', ') || NO_DATASETS})`,
    );
  }
  return { model, dataset };
}

/** mulberry32: a small, fast PRNG with 32-bit state, so samples and shuffles are the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with a seeded generator. */
export function seededShuffle<T>(items: T[], seed: number): T[] {
  const rand = seededRandom(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/**
 * 0-based indices of the rows to evaluate: all `n` rows when `max` is undefined or not smaller, otherwise
 * `max` rows drawn without replacement with a seeded generator, in ascending order.
 */
export function sampleRows(n: number, max: number | undefined, seed: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (max === undefined || n <= max) return all;
  return seededShuffle(all, seed)
    .slice(0, max)
    .sort((a, b) => a - b);
}

/** Up to `max` 1-based row numbers, as "3, 17, 25, …". */
export function rowList(rows: readonly number[], max = 5): string {
  return rows.slice(0, max).join(', ') + (rows.length > max ? ', …' : '');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Numbers as cell texts, so they parse back to the same double; NaN is a missing cell. */
const cellOf = (v: number): string | null => (Number.isNaN(v) ? null : String(v));

/** The rows a behaviour check evaluates, their unperturbed P(positive), and a way to score perturbed copies. */
interface Evaluated {
  model: ModelConfig;
  dataset: string;
  table: Table;
  /** 0-based rows of `table` evaluated, ascending. */
  rows: number[];
  /** True when `max_rows` drew a sample (of the rows not skipped). */
  sampled: boolean;
  /** Rows left out because the `skipMissing` feature is missing there. */
  skipped: number;
  /** Cell texts of each model feature on `rows` (the texts the dataset holds). */
  cells: Map<string, (string | null)[]>;
  /** P(positive) of the unperturbed rows. */
  base: Float64Array;
  /** P(positive) of the evaluated rows with some feature columns replaced (`what` labels the table). */
  predict(replace: Map<string, (string | null)[]>, what: string): Promise<Float64Array>;
}

/**
 * Loads the dataset, picks the rows to evaluate (all, or `max_rows` drawn with the seed; rows where
 * `skipMissing` is missing are left out first) and scores them unperturbed. When every row is evaluated the
 * predictions are the ones model.metric memoizes (`predict:<dataset>`), so the model runs once for both.
 */
async function evaluate(
  ctx: RunContext,
  cfg: CheckEntry & {
    dataset?: string | undefined;
    max_rows?: number | undefined;
    seed?: number | undefined;
  },
  type: string,
  skipMissing?: string,
): Promise<Evaluated> {
  const { model, dataset } = runTarget(ctx, cfg, type);
  const table = await ctx.services.loadTable(dataset);
  // Data problems (a missing column, text in a number column) first, with the dataset's own row numbers.
  for (const f of model.features) table.numeric(f);
  const seed = cfg.seed ?? DEFAULT_SEED;
  const present = skipMissing === undefined ? null : table.numeric(skipMissing);
  const candidates: number[] = [];
  for (let r = 0; r < table.rowCount; r++)
    if (!present || !Number.isNaN(present[r] as number)) candidates.push(r);
  const rows = sampleRows(candidates.length, cfg.max_rows, seed).map((i) => candidates[i] as number);
  const sampled = rows.length < candidates.length;
  const skipped = table.rowCount - candidates.length;
  const cells = new Map<string, (string | null)[]>();
  for (const f of model.features) {
    const raw = table.column(f);
    cells.set(
      f,
      rows.map((r) => raw[r] ?? null),
    );
  }
  const subset = [
    skipped > 0 ? `${skipMissing} present` : '',
    sampled ? `${rows.length} sampled rows` : '',
  ].filter((s) => s !== '');
  const where = subset.length > 0 ? `${table.path} (${subset.join(', ')})` : table.path;
  const build = (replace: Map<string, (string | null)[]>, label: string) =>
    makeTable(
      dataset,
      label,
      model.features,
      model.features.map((f) => replace.get(f) ?? (cells.get(f) as (string | null)[])),
      rows.length,
    );
  const key = `predict:${dataset}${skipped > 0 ? `:present:${skipMissing}` : ''}${sampled ? `:sample:${cfg.max_rows}:${seed}` : ''}`;
  const base = await ctx.memo(key, () =>
    predictPositive({
      rootDir: ctx.rootDir,
      model,
      table: rows.length === table.rowCount ? table : build(new Map(), where),
    }),
  );
  return {
    model,
    dataset,
    table,
    rows,
    sampled,
    skipped,
    cells,
    base,
    predict: (replace, what) =>
      predictPositive({ rootDir: ctx.rootDir, model, table: build(replace, `${where} with ${what}`) }),
  };
}

const passes = (metrics: Metric[]) =>
  metrics.every((m) => !m.threshold || (m.value !== null && meets(m.value, m.threshold)));

const commonOptions = {
  dataset: z.string().optional().describe('Dataset to run on (default: the dataset with role `test`).'),
  max_rows: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Evaluate at most this many rows, drawn with a fixed seed when the dataset is larger.'),
  seed: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe(`Seed of the row sample (and of \`shuffle\`); default ${DEFAULT_SEED}.`),
};

const thresholdOption = z
  .number()
  .min(0)
  .max(1)
  .optional()
  .describe(
    `Operating point: a row is predicted positive iff P(positive) ≥ threshold (default ${DEFAULT_THRESHOLD}).`,
  );

// ---------------------------------------------------------------------------------------------------------
// model.invariance
// ---------------------------------------------------------------------------------------------------------

export const DEFAULT_INVARIANCE_TOLERANCE = 0.01;

export const Perturbation = z.union([
  z.strictObject({ set: z.union([z.number(), z.string()]) }).describe('Set every row to this value.'),
  z.strictObject({ add: z.number() }).describe('Add this number to every row.'),
  z.strictObject({ multiply: z.number() }).describe('Multiply every row by this number.'),
  z.strictObject({ shuffle: z.literal(true) }).describe('Permute the column across rows (seeded).'),
  z.strictObject({ missing: z.literal(true) }).describe('Make the value missing in every row.'),
]);
export type Perturbation = z.infer<typeof Perturbation>;

export interface InvarianceConfig extends CheckEntry {
  dataset?: string | undefined;
  feature: string;
  perturbation: Perturbation;
  tolerance?: number | undefined;
  min_fraction?: number | undefined;
  threshold?: number | undefined;
  max_flipped?: number | undefined;
  max_rows?: number | undefined;
  seed?: number | undefined;
}

/** "set to 0", "multiplied by 1.1", … (config values only, never data). */
export function perturbationText(p: Perturbation): string {
  if ('set' in p) return typeof p.set === 'number' ? `set to ${p.set}` : `set to "${p.set}"`;
  if ('add' in p) return p.add >= 0 ? `increased by ${p.add}` : `decreased by ${-p.add}`;
  if ('multiply' in p) return `multiplied by ${p.multiply}`;
  if ('shuffle' in p) return 'shuffled across rows';
  return 'set to missing';
}

const isNumberText = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/** The replacement column for a perturbation. `naValues` are the dataset's texts for "missing". */
function perturbColumn(
  p: Perturbation,
  cells: (string | null)[],
  values: Float64Array,
  naValues: readonly string[],
  seed: number,
): (string | null)[] {
  if ('set' in p) {
    const text = typeof p.set === 'number' ? String(p.set) : naValues.includes(p.set) ? null : p.set.trim();
    return cells.map(() => text);
  }
  if ('add' in p) return Array.from(values, (v) => cellOf(v + p.add));
  if ('multiply' in p) return Array.from(values, (v) => cellOf(v * p.multiply));
  if ('shuffle' in p) return seededShuffle([...cells], seed);
  return cells.map(() => null);
}

function invarianceProblems(cfg: InvarianceConfig, project: RegopsConfig, dataset: string | null) {
  const problems: ConfigProblem[] = [];
  const p = cfg.perturbation;
  if ('add' in p && p.add === 0) {
    problems.push({
      path: ['perturbation', 'add'],
      message: 'adding 0 changes nothing; the check could not fail',
    });
  }
  if ('multiply' in p && p.multiply === 1) {
    problems.push({
      path: ['perturbation', 'multiply'],
      message: 'multiplying by 1 changes nothing; the check could not fail',
    });
  }
  if ('set' in p && typeof p.set === 'string' && !isNumberText(p.set)) {
    const na = dataset ? (project.datasets[dataset]?.na_values ?? []) : [];
    if (!na.includes(p.set)) {
      problems.push({
        path: ['perturbation', 'set'],
        message: `"${p.set}" is not a number${na.length > 0 ? ` nor one of the dataset's na_values (${na.map((v) => `"${v}"`).join(', ')})` : ''}; model features are fed as numbers (use \`missing: true\` for a missing value)`,
      });
    }
  }
  return problems;
}

function invarianceCriterion(cfg: InvarianceConfig, dataset: string): string {
  const tol = cfg.tolerance ?? DEFAULT_INVARIANCE_TOLERANCE;
  const share =
    cfg.min_fraction === undefined || cfg.min_fraction >= 1
      ? 'every row'
      : `at least ${cfg.min_fraction * 100}% of rows`;
  const flips =
    cfg.max_flipped !== undefined
      ? ` and at most ${plural(cfg.max_flipped, 'decision')} flipped at threshold ${cfg.threshold ?? DEFAULT_THRESHOLD}`
      : '';
  return `P(positive) changes by ≤ ${tol} on ${share} of ${dataset} when ${cfg.feature} is ${perturbationText(cfg.perturbation)}${flips}`;
}

export const invarianceCheck: Check<InvarianceConfig> = {
  type: 'model.invariance',
  stage: 'model',
  description: 'Perturbing a feature that must not matter leaves P(positive) (almost) unchanged',
  options: {
    dataset: commonOptions.dataset,
    feature: z.string().min(1).describe('The model feature to perturb (one of model.features).'),
    perturbation: Perturbation.describe(
      'How to perturb the feature: {set: value}, {add: number}, {multiply: number}, {shuffle: true} or {missing: true}.',
    ),
    tolerance: z
      .number()
      .min(0)
      .optional()
      .describe(`Largest allowed |ΔP(positive)| per row (default ${DEFAULT_INVARIANCE_TOLERANCE}).`),
    min_fraction: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('Share of rows that must stay within the tolerance (default 1: every row).'),
    threshold: thresholdOption,
    max_flipped: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'Largest allowed number of decisions flipped at `threshold` (default: reported, not bounded).',
      ),
    max_rows: commonOptions.max_rows,
    seed: commonOptions.seed,
  },

  validate(cfg, project) {
    const dataset = evalDataset(cfg.dataset, project);
    return [
      ...modelProblems('model.invariance', project),
      ...evalDatasetProblems(cfg.dataset, project),
      ...featureProblems(cfg.feature, project),
      ...invarianceProblems(cfg, project, dataset),
    ];
  },

  columns: (cfg, project) => featureColumns(cfg.dataset, project),

  criterion(cfg, project) {
    return invarianceCriterion(cfg, evalDataset(cfg.dataset, project) ?? cfg.dataset ?? 'the test dataset');
  },

  async run(ctx, cfg) {
    const problems = invarianceProblems(cfg, ctx.config, evalDataset(cfg.dataset, ctx.config));
    if (problems.length > 0) {
      throw new ConfigurationError(problems.map((p) => `check ${cfg.id}: ${p.path.join('.')}: ${p.message}`));
    }
    const ev = await evaluate(ctx, cfg, 'model.invariance');
    const { dataset, table, rows, base } = ev;
    const tolerance = cfg.tolerance ?? DEFAULT_INVARIANCE_TOLERANCE;
    const threshold = cfg.threshold ?? DEFAULT_THRESHOLD;
    const minFraction = cfg.min_fraction ?? 1;
    const seed = cfg.seed ?? DEFAULT_SEED;
    const what = `${cfg.feature} ${perturbationText(cfg.perturbation)}`;
    const cells = ev.cells.get(cfg.feature);
    if (!cells)
      throw new ConfigurationError(`check ${cfg.id}: feature "${cfg.feature}" is not one of model.features`);
    const column = table.numeric(cfg.feature);
    const values = Float64Array.from(rows, (r) => column[r] as number);
    const na = ctx.config.datasets[dataset]?.na_values ?? [];
    const replaced = perturbColumn(cfg.perturbation, cells, values, na, seed);
    const after = await ev.predict(new Map([[cfg.feature, replaced]]), what);

    const n = rows.length;
    const over: number[] = [];
    const flippedRows: number[] = [];
    let maxChange = 0;
    let maxRow: number | null = null;
    for (let i = 0; i < n; i++) {
      const change = Math.abs((after[i] as number) - (base[i] as number));
      if (change > maxChange) {
        maxChange = change;
        maxRow = (rows[i] as number) + 1;
      }
      const row = (rows[i] as number) + 1;
      if (change > tolerance) over.push(row);
      if ((after[i] as number) >= threshold !== (base[i] as number) >= threshold) flippedRows.push(row);
    }
    const within = n === 0 ? null : (n - over.length) / n;
    const byRow = minFraction >= 1;
    const changeBound: Threshold = { op: '<=', value: tolerance };
    const metrics: Metric[] = [
      {
        name: 'max_abs_change',
        value: n === 0 ? null : maxChange,
        ...(byRow ? { threshold: changeBound } : {}),
      },
      { name: 'rows_over_tolerance', value: over.length },
      {
        name: 'fraction_within_tolerance',
        value: within,
        ...(byRow ? {} : { threshold: { op: '>=', value: minFraction } as Threshold }),
      },
      {
        name: 'flipped_decisions',
        value: flippedRows.length,
        ...(cfg.max_flipped !== undefined
          ? { threshold: { op: '<=', value: cfg.max_flipped } as Threshold }
          : {}),
      },
      { name: 'n', value: n },
      { name: 'tolerance', value: tolerance },
      { name: 'threshold', value: threshold },
    ];
    const base_: Omit<CheckResult, 'status' | 'message'> = {
      id: cfg.id,
      check: 'model.invariance',
      title: cfg.title ?? invarianceCheck.description,
      verifies: cfg.verifies,
      controls: cfg.controls,
      metrics,
      details: {
        dataset,
        dataset_path: table.path,
        model: ev.model.path,
        feature: cfg.feature,
        perturbation: cfg.perturbation,
        tolerance,
        min_fraction: minFraction,
        threshold,
        rows_evaluated: n,
        rows_in_dataset: table.rowCount,
        sampled: ev.sampled,
        ...(ev.sampled || 'shuffle' in cfg.perturbation ? { seed } : {}),
        rows_over_tolerance: over.slice(0, 100),
        flipped_rows: flippedRows.slice(0, 100),
        max_change_row: maxRow,
      },
    };
    const rowsText = ev.sampled
      ? `${n} sampled rows of ${dataset} (of ${table.rowCount})`
      : `${n} rows of ${dataset}`;
    if (n === 0) {
      return [{ ...base_, status: 'error', message: `${dataset} has no rows; nothing to perturb` }];
    }
    const flipText = `${plural(flippedRows.length, 'decision')} flipped at threshold ${threshold}${cfg.max_flipped !== undefined ? ` (at most ${cfg.max_flipped} allowed)` : ''}`;
    const maxText = formatValue(maxChange, byRow ? [changeBound] : []);
    const message =
      over.length === 0
        ? `P(positive) changed by at most ${maxText} (tolerance ${tolerance}) on all ${rowsText} when ${cfg.feature} is ${perturbationText(cfg.perturbation)}; ${flipText}`
        : `P(positive) changed by more than ${tolerance} on ${over.length} of ${rowsText} (rows ${rowList(over)}) when ${cfg.feature} is ${perturbationText(cfg.perturbation)}; max change ${maxText}${byRow ? '' : `; ${formatValue(within ?? 0, [{ op: '>=', value: minFraction }])} of rows within tolerance (bound ≥ ${minFraction})`}; ${flipText}`;
    return [{ ...base_, status: passes(metrics) ? 'pass' : 'fail', message }];
  },
};

// ---------------------------------------------------------------------------------------------------------
// model.directional
// ---------------------------------------------------------------------------------------------------------

export const DEFAULT_DIRECTIONAL_TOLERANCE = 1e-6;

export interface DirectionalConfig extends CheckEntry {
  dataset?: string | undefined;
  feature: string;
  direction: 'increase' | 'decrease';
  delta?: number | undefined;
  factor?: number | undefined;
  tolerance?: number | undefined;
  max_violations?: number | undefined;
  max_rows?: number | undefined;
  seed?: number | undefined;
}

/** "raising glucose by 10", "multiplying age by 1.1". */
function stepText(cfg: DirectionalConfig): string {
  if (cfg.factor !== undefined) return `multiplying ${cfg.feature} by ${cfg.factor}`;
  const d = cfg.delta ?? 0;
  return d >= 0 ? `raising ${cfg.feature} by ${d}` : `lowering ${cfg.feature} by ${-d}`;
}

/** True when the step raises the feature (for positive values, with `factor`). */
const stepRaises = (cfg: DirectionalConfig) =>
  cfg.factor !== undefined ? cfg.factor > 1 : (cfg.delta ?? 0) > 0;

/** The move of P(positive) that violates the expectation, as a past-tense verb. */
const wrongMove = (cfg: DirectionalConfig) =>
  stepRaises(cfg) === (cfg.direction === 'increase') ? 'lowered' : 'raised';

export const directionalCheck: Check<DirectionalConfig> = {
  type: 'model.directional',
  stage: 'model',
  description: 'Changing a feature moves P(positive) only in the expected direction',
  options: {
    dataset: commonOptions.dataset,
    feature: z.string().min(1).describe('The model feature to change (one of model.features).'),
    direction: z
      .enum(['increase', 'decrease'])
      .describe('Expected direction of the risk when the feature increases.'),
    delta: z
      .number()
      .optional()
      .describe('Add this to the feature (e.g. 10 for +10 mg/dL). Set delta or factor.'),
    factor: z
      .number()
      .positive()
      .optional()
      .describe('Multiply the feature by this (e.g. 1.1 for +10%). Set delta or factor.'),
    tolerance: z
      .number()
      .min(0)
      .optional()
      .describe(
        `Move of P(positive) against the expected direction still accepted per row (default ${DEFAULT_DIRECTIONAL_TOLERANCE}).`,
      ),
    max_violations: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Largest allowed number of rows that move against the expected direction (default 0).'),
    max_rows: commonOptions.max_rows,
    seed: commonOptions.seed,
  },

  validate(cfg, project) {
    const problems: ConfigProblem[] = [
      ...modelProblems('model.directional', project),
      ...evalDatasetProblems(cfg.dataset, project),
      ...featureProblems(cfg.feature, project),
    ];
    if (cfg.delta === undefined && cfg.factor === undefined) {
      problems.push({
        path: [],
        message: `set \`delta\` (an absolute step, e.g. delta: 10) or \`factor\` (e.g. factor: 1.1): how much to change ${cfg.feature}`,
      });
    } else if (cfg.delta !== undefined && cfg.factor !== undefined) {
      problems.push({ path: ['factor'], message: 'set either `delta` or `factor`, not both' });
    }
    if (cfg.delta === 0) {
      problems.push({ path: ['delta'], message: 'delta 0 changes nothing; the check could not fail' });
    }
    if (cfg.factor === 1) {
      problems.push({ path: ['factor'], message: 'factor 1 changes nothing; the check could not fail' });
    }
    return problems;
  },

  columns: (cfg, project) => featureColumns(cfg.dataset, project),

  criterion(cfg, project) {
    const dataset = evalDataset(cfg.dataset, project) ?? cfg.dataset ?? 'the test dataset';
    const maxV = cfg.max_violations ?? 0;
    return `${stepText(cfg)} never ${wrongMove(cfg)} P(positive) by more than ${cfg.tolerance ?? DEFAULT_DIRECTIONAL_TOLERANCE} on ${dataset}${maxV > 0 ? ` except on at most ${plural(maxV, 'row')}` : ''}`;
  },

  async run(ctx, cfg) {
    const ev = await evaluate(ctx, cfg, 'model.directional', cfg.feature);
    const { dataset, table, rows, base } = ev;
    if (cfg.delta === undefined && cfg.factor === undefined) {
      throw new ConfigurationError(`check ${cfg.id}: set \`delta\` or \`factor\``);
    }
    const tolerance = cfg.tolerance ?? DEFAULT_DIRECTIONAL_TOLERANCE;
    const maxViolations = cfg.max_violations ?? 0;
    const riskSign = cfg.direction === 'increase' ? 1 : -1;
    const col = table.numeric(cfg.feature);
    const values = Float64Array.from(rows, (r) => col[r] as number);
    const moved = Float64Array.from(values, (v) =>
      cfg.factor !== undefined ? v * cfg.factor : v + (cfg.delta ?? 0),
    );
    const after = await ev.predict(new Map([[cfg.feature, Array.from(moved, cellOf)]]), stepText(cfg));

    const violations: number[] = [];
    const skippedMissing = ev.skipped;
    let unchanged = 0;
    let checked = 0;
    let worst = 0;
    let worstRow: number | null = null;
    let sumChange = 0;
    for (let i = 0; i < rows.length; i++) {
      const x = values[i] as number;
      const x2 = moved[i] as number;
      if (x2 === x) {
        unchanged++;
        continue;
      }
      checked++;
      const change = (after[i] as number) - (base[i] as number);
      sumChange += change;
      // Positive when P(positive) moved the expected way for this row's step.
      const expected = Math.sign(x2 - x) * riskSign * change;
      if (-expected > worst) {
        worst = -expected;
        worstRow = (rows[i] as number) + 1;
      }
      if (-expected > tolerance) violations.push((rows[i] as number) + 1);
    }
    const bound: Threshold = { op: '<=', value: maxViolations };
    const metrics: Metric[] = [
      { name: 'violations', value: violations.length, threshold: bound },
      { name: 'worst_opposite_change', value: checked === 0 ? null : worst },
      { name: 'mean_change', value: checked === 0 ? null : sumChange / checked },
      { name: 'rows_checked', value: checked },
      { name: 'rows_skipped_missing', value: skippedMissing },
      ...(cfg.factor !== undefined ? [{ name: 'rows_unchanged', value: unchanged }] : []),
      { name: 'tolerance', value: tolerance },
    ];
    const result: Omit<CheckResult, 'status' | 'message'> = {
      id: cfg.id,
      check: 'model.directional',
      title: cfg.title ?? directionalCheck.description,
      verifies: cfg.verifies,
      controls: cfg.controls,
      metrics,
      details: {
        dataset,
        dataset_path: table.path,
        model: ev.model.path,
        feature: cfg.feature,
        direction: cfg.direction,
        ...(cfg.delta !== undefined ? { delta: cfg.delta } : { factor: cfg.factor }),
        tolerance,
        max_violations: maxViolations,
        rows_evaluated: rows.length,
        rows_in_dataset: table.rowCount,
        sampled: ev.sampled,
        ...(ev.sampled ? { seed: cfg.seed ?? DEFAULT_SEED } : {}),
        violating_rows: violations.slice(0, 100),
        worst_row: worstRow,
      },
    };
    const skips = [
      skippedMissing > 0 ? `${plural(skippedMissing, 'row')} skipped with ${cfg.feature} missing` : '',
      unchanged > 0 ? `${plural(unchanged, 'row')} unchanged (${cfg.feature} = 0)` : '',
    ].filter((s) => s !== '');
    const skipText = skips.length > 0 ? `; ${skips.join(', ')}` : '';
    const of = ev.sampled ? `${dataset} (sampled, ${table.rowCount} rows in all)` : dataset;
    if (checked === 0) {
      return [
        {
          ...result,
          status: 'error',
          message: `no row of ${of} could be checked: ${table.rowCount === 0 ? 'the dataset has no rows' : rows.length === 0 ? `every row has ${cfg.feature} missing` : `${cfg.feature} is missing or 0 in every row, so ${stepText(cfg)} changes nothing`}`,
        },
      ];
    }
    const worstText = formatValue(worst, [{ op: '<=', value: tolerance }]);
    const allowed = maxViolations > 0 ? `; at most ${maxViolations} allowed` : '';
    const message =
      violations.length === 0
        ? `${stepText(cfg)} never ${wrongMove(cfg)} P(positive) by more than ${tolerance} on ${checked} rows of ${of}; worst opposite change ${worstText}${skipText}`
        : `${stepText(cfg)} ${wrongMove(cfg)} P(positive) by more than ${tolerance} on ${violations.length} of ${checked} rows of ${of} (rows ${rowList(violations)}${allowed}); worst opposite change ${worstText}${skipText}`;
    return [{ ...result, status: passes(metrics) ? 'pass' : 'fail', message }];
  },
};

// ---------------------------------------------------------------------------------------------------------
// model.cases
// ---------------------------------------------------------------------------------------------------------

export const CASE_FILE_EXTENSIONS = ['.csv', '.tsv', '.yml', '.yaml', '.json'] as const;
const POSITIVE_WORDS = ['1', 'true', 'positive', 'pos', 'yes'];
const NEGATIVE_WORDS = ['0', 'false', 'negative', 'neg', 'no'];
const CASE_NA = ['', 'NA'];

export interface CasesConfig extends CheckEntry {
  file: string;
  threshold?: number | undefined;
  min_pass_rate?: number | undefined;
}

/** Cases read from the file: one entry per case, feature cells as texts (null = missing). */
export interface CaseSet {
  ids: string[];
  notes: (string | null)[];
  expected: Uint8Array;
  /** Cell texts per model feature, in model.features order. */
  cols: (string | null)[][];
}

function labelOf(value: unknown, positive: string | undefined, where: string): 0 | 1 {
  const text = value === null || value === undefined ? '' : String(value).trim();
  const lower = text.toLowerCase();
  if (positive !== undefined) {
    const p = positive.trim();
    if (text === p || (isNumberText(text) && isNumberText(p) && Number(text) === Number(p))) return 1;
  }
  if (POSITIVE_WORDS.includes(lower)) return 1;
  if (NEGATIVE_WORDS.includes(lower)) return 0;
  const accepted = `${positive !== undefined ? `"${positive}" (target.positive), ` : ''}1/0, true/false, positive/negative, pos/neg or yes/no`;
  throw new InputError(
    text === ''
      ? `${where}: \`expected\` is missing; give the expected label: ${accepted}`
      : `${where}: \`expected\` "${text}" is not a label regops knows; use ${accepted}`,
  );
}

function caseIdsChecked(ids: string[], display: string): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) {
      throw new InputError(
        `${display}: case id "${id}" is used by cases ${first + 1} and ${i + 1}; ids must be unique`,
      );
    }
    seen.set(id, i);
  });
}

function missingColumnError(display: string, column: string, features: readonly string[], have: string[]) {
  const k = features.indexOf(column);
  return new InputError(
    `${display}: column "${column}" not found${k >= 0 ? ` (model.features[${k}])` : ''}; the cases need every model feature and \`expected\`; the file's columns are: ${have.join(', ') || '(none)'}`,
  );
}

async function readCsvCases(
  abs: string,
  rel: string,
  display: string,
  features: readonly string[],
  positive: string | undefined,
): Promise<CaseSet> {
  const table = await readTable({
    name: 'cases',
    absPath: abs,
    path: rel,
    display,
    format: 'csv',
    naValues: CASE_NA,
  });
  for (const c of [...features, 'expected']) {
    if (!table.hasColumn(c)) throw missingColumnError(display, c, features, table.header);
  }
  const n = table.rowCount;
  const idCol = table.hasColumn('id') ? table.column('id') : null;
  const noteCol = table.hasColumn('note') ? table.column('note') : null;
  const ids = Array.from({ length: n }, (_, i) => idCol?.[i]?.trim() || `#${i + 1}`);
  // Numbers are checked here so the message names the cases file, row and column.
  for (const f of features) table.numeric(f);
  const exp = table.column('expected');
  const expected = Uint8Array.from({ length: n }, (_, i) =>
    labelOf(exp[i], positive, `${display}: row ${i + 1} (case ${ids[i]})`),
  );
  return {
    ids,
    notes: Array.from({ length: n }, (_, i) => noteCol?.[i] ?? null),
    expected,
    cols: features.map((f) => table.column(f)),
  };
}

function yamlCases(
  text: string,
  display: string,
  features: readonly string[],
  positive: string | undefined,
): CaseSet {
  const data = parseYamlText(text, display).data;
  const list = Array.isArray(data)
    ? data
    : data !== null && typeof data === 'object' && Array.isArray((data as { cases?: unknown }).cases)
      ? ((data as { cases: unknown[] }).cases as unknown[])
      : null;
  if (list === null) {
    throw new InputError(
      `${display}: expected a list of cases (or a \`cases:\` list), each a mapping of feature values and \`expected\``,
    );
  }
  const records = list.map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new InputError(`${display}: case ${i + 1} is not a mapping of feature values and \`expected\``);
    }
    return item as Record<string, unknown>;
  });
  const keys = new Set(records.flatMap((r) => Object.keys(r)));
  for (const c of [...features, 'expected']) {
    if (records.length > 0 && !keys.has(c)) throw missingColumnError(display, c, features, [...keys]);
  }
  const ids = records.map((r, i) =>
    r.id === undefined || r.id === null || String(r.id).trim() === '' ? `#${i + 1}` : String(r.id).trim(),
  );
  const cols = features.map((f) =>
    records.map((r, i) => {
      if (!(f in r)) {
        throw new InputError(
          `${display}: case ${ids[i]} has no "${f}"; every case lists every model feature (null for a missing value)`,
        );
      }
      const v = r[f];
      if (v === null) return null;
      if (typeof v === 'number') return Number.isNaN(v) ? null : String(v);
      if (typeof v === 'string' && (CASE_NA.includes(v.trim()) || isNumberText(v))) {
        return CASE_NA.includes(v.trim()) ? null : v.trim();
      }
      throw new InputError(`${display}: case ${ids[i]}, "${f}": expected a number or null`);
    }),
  );
  return {
    ids,
    notes: records.map((r) => (r.note === undefined || r.note === null ? null : String(r.note))),
    expected: Uint8Array.from(records, (r, i) => labelOf(r.expected, positive, `${display}: case ${ids[i]}`)),
    cols,
  };
}

/**
 * The cases of a `model.cases` file (CSV/TSV with a header, or YAML/JSON: a list, or a `cases:` list, of
 * mappings). Every model feature and `expected` must be present; `id` and `note` are optional. InputErrors
 * name the file and the column or case.
 */
export async function readCases(
  rootDir: string,
  rel: string,
  features: readonly string[],
  positive: string | undefined,
  where = 'model.cases file',
): Promise<CaseSet> {
  const abs = resolveInput(rootDir, rel, where);
  const display = displayPath(abs);
  const ext = path.extname(rel).toLowerCase();
  const cases =
    ext === '.csv' || ext === '.tsv'
      ? await readCsvCases(abs, rel, display, features, positive)
      : yamlCases(await readFile(abs, 'utf8'), display, features, positive);
  if (cases.ids.length === 0) throw new InputError(`${display}: the file holds no cases`);
  caseIdsChecked(cases.ids, display);
  return cases;
}

function idList(ids: string[], max = 10): string {
  return ids.slice(0, max).join(', ') + (ids.length > max ? `, … (${ids.length - max} more)` : '');
}

export const casesCheck: Check<CasesConfig> = {
  type: 'model.cases',
  stage: 'model',
  description: 'Hand-written cases (minimum functionality) are classified as expected',
  options: {
    file: z
      .string()
      .min(1)
      .describe(
        'CSV or YAML file of cases, relative to regops.yml: every model feature, `expected` (the label), optional `id` and `note`.',
      ),
    threshold: thresholdOption,
    min_pass_rate: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('Share of cases that must be classified as expected (default 1: all of them).'),
  },

  validate(cfg, project) {
    const problems = modelProblems('model.cases', project);
    const ext = path.extname(cfg.file).toLowerCase();
    if (!(CASE_FILE_EXTENSIONS as readonly string[]).includes(ext)) {
      problems.push({
        path: ['file'],
        message: `"${cfg.file}": cases are read from ${CASE_FILE_EXTENSIONS.join(', ')} files (by extension)`,
      });
    }
    return problems;
  },

  criterion(cfg) {
    const rate = cfg.min_pass_rate ?? 1;
    return `${rate >= 1 ? 'every case' : `at least ${rate * 100}% of the cases`} in ${cfg.file} classified as expected at threshold ${cfg.threshold ?? DEFAULT_THRESHOLD}`;
  },

  async run(ctx, cfg) {
    const { model } = ctx.config;
    if (!model)
      throw new ConfigurationError(`check ${cfg.id}: model.cases needs a \`model:\` section in the config`);
    const threshold = cfg.threshold ?? DEFAULT_THRESHOLD;
    const minRate = cfg.min_pass_rate ?? 1;
    const cases = await readCases(
      ctx.rootDir,
      cfg.file,
      model.features,
      ctx.config.target?.positive,
      `check ${cfg.id}: file`,
    );
    const n = cases.ids.length;
    const table = makeTable('cases', cfg.file, [...model.features], cases.cols, n);
    const p = await predictPositive({ rootDir: ctx.rootDir, model, table });
    const failing: string[] = [];
    const perCase = cases.ids.map((id, i) => {
      const predicted = (p[i] as number) >= threshold ? 1 : 0;
      const ok = predicted === cases.expected[i];
      if (!ok) failing.push(id);
      return {
        id,
        expected: cases.expected[i] === 1 ? 'positive' : 'negative',
        predicted: predicted === 1 ? 'positive' : 'negative',
        p_positive: p[i] as number,
        pass: ok,
        ...(cases.notes[i] ? { note: cases.notes[i] } : {}),
      };
    });
    const passed = n - failing.length;
    const rate = passed / n;
    const bound: Threshold = { op: '>=', value: minRate };
    const metrics: Metric[] = [
      { name: 'pass_rate', value: rate, threshold: bound },
      { name: 'cases', value: n },
      { name: 'failed', value: failing.length },
      { name: 'threshold', value: threshold },
    ];
    const { sha256 } = await sha256File(path.resolve(ctx.rootDir, cfg.file));
    const status = meets(rate, bound) ? 'pass' : 'fail';
    const head = `${passed} of ${n} cases in ${cfg.file} classified as expected at threshold ${threshold} (pass rate ${formatValue(rate, [bound])}, bound ≥ ${minRate})`;
    return [
      {
        id: cfg.id,
        check: 'model.cases',
        title: cfg.title ?? casesCheck.description,
        status,
        verifies: cfg.verifies,
        controls: cfg.controls,
        metrics,
        message: failing.length === 0 ? head : `${head}; failing: ${idList(failing)}`,
        details: { file: cfg.file, file_sha256: sha256, model: model.path, threshold, cases: perCase },
      },
    ];
  },
};

export { evalDataset, featureColumns, labelledColumns } from './eval-dataset';
