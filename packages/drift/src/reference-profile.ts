/**
 * drift.feature against a stored reference profile: the compact one-pass profile of a dataset that a previous
 * run wrote into its evidence bundle (`profiles` in evidence.json), so the baseline's raw data is not needed.
 *
 * What the profile keeps, and what each comparison can therefore claim:
 *   - every column: rows and missing cells → the missingness Z-test is exact;
 *   - a numeric column: a KLL sketch. Up to 1024 values the sketch is in exact mode (level 0 holds every value),
 *     so the reference sample IS the data and every test equals the raw-data path. A larger column's sketch is
 *     compacted: its items, weighted 2^level, stand for the data within the sketch's rank error; the statistics
 *     (see ./weighted-stats) are computed on that weighted sample and marked approximate;
 *   - a text / categorical column: the 10 most frequent values with their counts, plus "other" = count − Σ top.
 *     When the top values cover every cell the counts are exact (Space-Saving is exact while the number of
 *     distinct values fits its counters), else the unlisted categories form one "other" bucket (approximate);
 *   - a sensitive column: no values at all, so it cannot be compared (reported as skipped).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  type ColumnProfile,
  DatasetProfile,
  displayPath,
  EVIDENCE_SCHEMA_VERSION,
  InputError,
  nearest,
  portablePath,
} from '@regops/core';
import {
  AUTO_MAX_CATEGORIES_AS_NUMBER,
  type ColumnKind,
  type ColumnSide,
  type ColumnTest,
  columnTest,
  type DriftMethod,
  MethodMismatch,
  requireNumbers,
} from './column-drift';
import {
  chiSquareHomogeneity,
  equalWidthEdges,
  histogramCounts,
  JS_DEFAULT_BINS,
  jensenShannonDistance,
  PSI_DEFAULT_BINS,
  populationStabilityIndex,
  quantileBinCounts,
  twoProportionZTest,
  WASSERSTEIN_MIN_STD,
  wassersteinDistance,
} from './stats';
import {
  kllRankError,
  type WeightedSample,
  weightedHistogramCounts,
  weightedKs,
  weightedQuantileBinCounts,
  weightedQuantileEdges,
  weightedSample,
} from './weighted-stats';

export interface ReferenceProfileSpec {
  /** Path of a previous evidence.json, relative to regops.yml. */
  evidence: string;
  /** Name of the dataset whose profile is the baseline. */
  dataset: string;
}

/** Which baseline was used: recorded in every result of the check. */
export interface ReferenceProfileSource {
  /** The evidence file, relative to regops.yml with / separators. */
  evidence: string;
  /** sha256 of the evidence file's bytes, as read. */
  sha256: string;
  bytes: number;
  schema_version: string;
  tool_version: string | null;
  /** When the baseline run started (its run.started_at). */
  started_at: string | null;
  /** The baseline run's commit (run.git.sha) and whether its working tree had uncommitted changes. */
  git_sha: string | null;
  git_dirty: boolean | null;
  dataset: string;
  /** The dataset's file in the baseline run (its datasets entry) and that file's sha256 (its inputs entry). */
  dataset_path: string | null;
  dataset_sha256: string | null;
  rows: number;
}

export interface LoadedReferenceProfile {
  source: ReferenceProfileSource;
  /** The evidence file as messages show it (relative to the working directory). */
  display: string;
  profile: DatasetProfile;
}

const SCHEMA_MAJOR = EVIDENCE_SCHEMA_VERSION.split('.')[0] as string;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

/**
 * Reads and checks `spec.evidence` (relative to `rootDir`) and returns the profile of `spec.dataset` with the
 * record of where it came from. Every problem is an InputError (exit 2) whose message starts with `where`
 * (e.g. "check drift: reference_profile") and names the file and the dataset.
 */
export async function loadReferenceProfile(
  rootDir: string,
  spec: ReferenceProfileSpec,
  where: string,
): Promise<LoadedReferenceProfile> {
  const abs = path.resolve(rootDir, spec.evidence);
  const shown = displayPath(abs);
  let bytes: Buffer;
  try {
    if (!(await stat(abs)).isFile())
      throw new InputError(`${where}.evidence: ${spec.evidence} is not a file`);
    bytes = await readFile(abs);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new InputError(`${where}.evidence: file not found: ${spec.evidence} (looked in ${shown})`);
    throw new InputError(`${where}.evidence: cannot read ${shown}: ${(e as Error).message}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new InputError(
      `${where}: ${shown} is not JSON (${(e as Error).message}); expected the evidence.json of a previous regops run`,
    );
  }
  const version = isObject(json) ? str(json.schema_version) : null;
  if (!isObject(json) || version === null) {
    throw new InputError(
      `${where}: ${shown} is not a RegOps evidence bundle (no schema_version); expected the evidence.json of a previous regops run`,
    );
  }
  if (version.split('.')[0] !== SCHEMA_MAJOR) {
    throw new InputError(
      `${where}: ${shown}: evidence schema version ${version}, this RegOps reads ${SCHEMA_MAJOR}.x: re-run the baseline with this version`,
    );
  }
  const profiles = Array.isArray(json.profiles) ? json.profiles : null;
  if (profiles === null)
    throw new InputError(`${where}: ${shown}: no profiles list (evidence schema version ${version})`);
  const names = profiles.map((p) => (isObject(p) ? str(p.dataset) : null)).filter((n) => n !== null);
  const index = profiles.findIndex((p) => isObject(p) && p.dataset === spec.dataset);
  if (index < 0) {
    const hint = nearest(spec.dataset, names);
    throw new InputError(
      `${where}.dataset: ${shown} has no profile of dataset "${spec.dataset}"${hint ? `; did you mean "${hint}"?` : ''} (${names.length > 0 ? `profiles: ${names.join(', ')}` : 'it holds no profiles'})`,
    );
  }
  const parsed = parseProfile(profiles[index]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InputError(
      `${where}: ${shown}: profiles[${index}] (dataset "${spec.dataset}") is not a valid profile: ${at}${issue?.message ?? 'invalid'}`,
    );
  }
  const run = isObject(json.run) ? json.run : {};
  const git = isObject(run.git) ? run.git : {};
  const tool = isObject(json.tool) ? json.tool : {};
  const datasets = Array.isArray(json.datasets) ? json.datasets.filter(isObject) : [];
  const datasetPath = str(datasets.find((d) => d.name === spec.dataset)?.path);
  const inputs = Array.isArray(json.inputs) ? json.inputs.filter(isObject) : [];
  const norm = (p: string) => path.posix.normalize(p.split(path.sep).join('/'));
  const input =
    datasetPath === null
      ? undefined
      : inputs.find(
          (i) => i.kind === 'dataset' && typeof i.path === 'string' && norm(i.path) === norm(datasetPath),
        );
  return {
    profile: parsed.data,
    display: shown,
    source: {
      evidence: portablePath(rootDir, abs),
      sha256,
      bytes: bytes.length,
      schema_version: version,
      tool_version: str(tool.version),
      started_at: str(run.started_at),
      git_sha: str(git.sha),
      git_dirty: typeof git.dirty === 'boolean' ? git.dirty : null,
      dataset: spec.dataset,
      dataset_path: datasetPath,
      dataset_sha256: str(input?.sha256),
      rows: parsed.data.rows,
    },
  };
}

/**
 * The profile validated with this version's DatasetProfile. Fields it does not know (a later minor version of
 * the same schema major may add some) are dropped rather than rejected; every known field must be valid.
 */
function parseProfile(raw: unknown): ReturnType<typeof DatasetProfile.safeParse> {
  let data = raw;
  for (let attempt = 0; attempt < 50; attempt++) {
    const parsed = DatasetProfile.safeParse(data);
    if (parsed.success || parsed.error.issues.some((i) => i.code !== 'unrecognized_keys')) return parsed;
    if (attempt === 0) data = structuredClone(raw);
    for (const issue of parsed.error.issues) {
      let at: unknown = data;
      for (const key of issue.path) at = (at as Record<PropertyKey, unknown>)[key as PropertyKey];
      for (const key of (issue as { keys: string[] }).keys) delete (at as Record<string, unknown>)[key];
    }
  }
  return DatasetProfile.safeParse(data);
}

/** "train profile from baseline/evidence.json (commit abc1234)", for messages. */
export function describeSource(s: ReferenceProfileSource): string {
  const commit =
    s.git_sha === null
      ? 'no commit recorded'
      : `commit ${s.git_sha.slice(0, 7)}${s.git_dirty ? ', uncommitted changes' : ''}`;
  return `${s.dataset} profile from ${s.evidence} (${commit})`;
}

/** The column of a loaded profile; an InputError naming file, dataset and column when it is not there. */
export function profileColumn(loaded: LoadedReferenceProfile, column: string, where: string): ColumnProfile {
  const col = loaded.profile.columns.find((c) => c.name === column);
  if (col) return col;
  const names = loaded.profile.columns.map((c) => c.name);
  const hint = nearest(column, names);
  throw new InputError(
    `${where}: ${loaded.display}: the profile of dataset "${loaded.source.dataset}" has no column "${column}"${hint ? `; did you mean "${hint}"?` : ''} (columns: ${names.join(', ')})`,
  );
}

/**
 * The reference side of one column, as far as the profile allows:
 *   - skip: nothing to compare (sensitive, no values, or no usable summary), with the reason;
 *   - values: every value is known (exact-mode sketch): an ordinary ColumnSide, the raw-data path applies;
 *   - sketch: a compacted KLL sketch: a weighted sample (approximate);
 *   - counts: category counts from the top values (+ "other"), exact when `complete`.
 */
export type ProfileSide =
  | { type: 'skip'; rows: number; missing: number; count: number; reason: string }
  | { type: 'values'; side: ColumnSide }
  | {
      type: 'sketch';
      rows: number;
      missing: number;
      count: number;
      sample: WeightedSample;
      /** Exact extremes and population standard deviation from the profile's moments. */
      min: number;
      max: number;
      std: number;
      distinct: number;
      k: number;
      rankError: number;
    }
  | {
      type: 'counts';
      rows: number;
      missing: number;
      count: number;
      counts: Map<string, number>;
      /** Cells in categories the profile does not list (0 when complete). */
      other: number;
      complete: boolean;
      distinct: number;
    };

/** What the per-column result says about the reference's accuracy. */
export function accuracyText(ref: ProfileSide): string {
  switch (ref.type) {
    case 'values':
      return 'profile (exact: the KLL sketch holds every value)';
    case 'sketch':
      return `profile (approximate: KLL sketch, rank error ≈ ${(100 * ref.rankError).toFixed(2)}%)`;
    case 'counts':
      return ref.complete
        ? 'profile (exact: the top values cover every cell)'
        : `profile (approximate: the ${ref.counts.size} most frequent categories, the rest as one "other" bucket)`;
    case 'skip':
      return 'profile (not comparable)';
  }
}

/** `where` starts the message of an inconsistent sketch (e.g. "check drift: reference_profile: <file>"). */
export function profileSide(col: ColumnProfile, rows: number, where: string): ProfileSide {
  const base = { rows, missing: col.missing, count: col.count };
  if (col.sensitive) {
    return {
      type: 'skip',
      ...base,
      reason: `column "${col.name}" is sensitive in the reference profile, which therefore holds none of its values`,
    };
  }
  if (col.count === 0) {
    return {
      type: 'skip',
      ...base,
      reason: `column "${col.name}" has no values in the reference profile (all ${rows} row(s) missing)`,
    };
  }
  const numeric = col.numeric;
  const textCells = col.type_counts.boolean + col.type_counts.string;
  if (numeric !== null) {
    if (textCells > 0) {
      return {
        type: 'skip',
        ...base,
        reason: `the reference profile summarises only the ${numeric.count} numeric cell(s) of column "${col.name}" (${textCells} hold text), so it cannot be compared as numbers or as categories; compare with the raw data (\`reference:\`)`,
      };
    }
    const { levels, n, k } = numeric.sketch;
    const values: number[] = [];
    const weights: number[] = [];
    levels.forEach((items, h) => {
      for (const v of items) {
        values.push(v);
        weights.push(2 ** h);
      }
    });
    const weight = weights.reduce((a, b) => a + b, 0);
    if (weight !== n || n !== col.count) {
      throw new InputError(
        `${where}: the KLL sketch of column "${col.name}" is inconsistent: its items weigh ${weight}, n = ${n}, the column has ${col.count} value(s)`,
      );
    }
    if (values.length === n) {
      // exact mode: level 0 holds every value
      const numbers = Float64Array.from(values);
      return {
        type: 'values',
        side: { rows, missing: col.missing, texts: values.map(String), numbers },
      };
    }
    return {
      type: 'sketch',
      ...base,
      sample: weightedSample(values, weights),
      min: numeric.min,
      max: numeric.max,
      std: n > 1 ? numeric.std * Math.sqrt((n - 1) / n) : 0,
      distinct: col.distinct.value,
      k,
      rankError: kllRankError(k),
    };
  }
  if (col.top !== null) {
    const counts = new Map<string, number>();
    let listed = 0;
    for (const t of col.top) {
      counts.set(t.value, (counts.get(t.value) ?? 0) + t.count);
      listed += t.count;
    }
    const other = Math.max(0, col.count - listed);
    return {
      type: 'counts',
      ...base,
      counts,
      other,
      complete: other === 0,
      distinct: col.distinct.value,
    };
  }
  return {
    type: 'skip',
    ...base,
    reason: `the reference profile has no summary of column "${col.name}" (its numbers overflow float64)`,
  };
}

/** The key of the "other" bucket: no cell text can be it. */
const OTHER = '\u0000other';

/** Categories of a current side: numbers by value when every cell is a number, else the text (as column-drift). */
function currentCategories(cur: ColumnSide): string[] {
  return cur.texts.map((t, i) => (cur.numbers ? String(cur.numbers[i]) : t));
}

/** A profile side turned into category counts (a compacted sketch: weighted item counts, approximate). */
function asCounts(ref: Extract<ProfileSide, { type: 'sketch' | 'counts' }>): {
  counts: Map<string, number>;
  other: number;
  complete: boolean;
} {
  if (ref.type === 'counts') return ref;
  const counts = new Map<string, number>();
  const s = ref.sample;
  for (let i = 0; i < s.values.length; i++) {
    const key = String(s.values[i]);
    counts.set(key, (counts.get(key) ?? 0) + (s.weights[i] as number));
  }
  return { counts, other: 0, complete: true };
}

export interface CountTable {
  categories: string[];
  reference: Float64Array;
  current: Float64Array;
  /** Current categories the reference does not have (only known when the reference lists every category). */
  fresh: { values: string[]; rows: number };
}

/**
 * Reference counts and current counts over one set of categories: the listed reference categories, the current
 * ones (a current category the profile does not list joins the "other" bucket when the profile has one, since
 * it may be one of the unlisted reference categories; else it is a new category with reference count 0).
 * Categories in string order, as `categoryCounts` orders cell texts.
 */
export function countTable(
  ref: Extract<ProfileSide, { type: 'sketch' | 'counts' }>,
  cur: ColumnSide,
): CountTable {
  const r = asCounts(ref);
  const curCounts = new Map<string, number>();
  const freshMap = new Map<string, number>();
  for (const c of currentCategories(cur)) {
    const known = r.counts.has(c);
    const key = known || r.complete ? c : OTHER;
    curCounts.set(key, (curCounts.get(key) ?? 0) + 1);
    if (!known && r.complete) freshMap.set(c, (freshMap.get(c) ?? 0) + 1);
  }
  const keys = new Set([...r.counts.keys(), ...curCounts.keys()]);
  if (r.other > 0) keys.add(OTHER);
  const categories = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let rows = 0;
  for (const n of freshMap.values()) rows += n;
  return {
    categories,
    reference: Float64Array.from(categories, (c) => (c === OTHER ? r.other : (r.counts.get(c) ?? 0))),
    current: Float64Array.from(categories, (c) => curCounts.get(c) ?? 0),
    fresh: { values: [...freshMap.keys()].sort(), rows },
  };
}

/** Kind of the column (numeric: a numeric sketch, numbers on the current side, more than 5 distinct values). */
export function profileKind(
  ref: Extract<ProfileSide, { type: 'sketch' | 'counts' }>,
  cur: ColumnSide,
): { kind: ColumnKind; distinct: number } {
  if (ref.type === 'sketch' && cur.numbers !== null) {
    const seen = new Set<string>();
    for (const v of ref.sample.values) seen.add(String(v));
    for (const c of currentCategories(cur)) seen.add(String(c));
    const distinct = Math.max(seen.size, ref.distinct);
    if (distinct > AUTO_MAX_CATEGORIES_AS_NUMBER) return { kind: 'numeric', distinct };
  }
  const listed = countTable(ref, cur).categories.length;
  return {
    kind: 'categorical',
    distinct: ref.type === 'counts' && !ref.complete ? Math.max(listed, ref.distinct) : listed,
  };
}

/**
 * `testColumn` for a reference that is a compacted sketch or category counts (for an exact-mode sketch use
 * `testColumn` itself). Same methods and statistic names; numeric statistics on the weighted sketch sample:
 *   - ks: D from the weighted ECDF, asymptotic p-value with n = the profile's count (`weightedKs`);
 *   - wasserstein: weighted Wasserstein-1 / max(population std from the profile's exact moments, 0.001);
 *   - jensen_shannon: 10 equal-width bins over [min(profile min, current), max(profile max, current)],
 *     weighted reference counts;
 *   - psi: reference-quantile bins of the expanded sample, weighted counts;
 *   - chi_square / z on a numeric column: weighted counts per value.
 */
export function testAgainstProfile(
  method: DriftMethod,
  ref: Extract<ProfileSide, { type: 'sketch' | 'counts' }>,
  cur: ColumnSide,
  kind: ColumnKind,
  threshold?: number,
): ColumnTest {
  const numeric = ref.type === 'sketch' && cur.numbers !== null;
  requireNumbers(method, numeric);
  const out = (statistic: number, p: number | null) => columnTest(method, statistic, p, threshold);
  const asNumbers = numeric && kind === 'numeric';
  const c = cur.numbers as Float64Array;
  const sketch = ref as Extract<ProfileSide, { type: 'sketch' }>;
  switch (method) {
    case 'ks': {
      const ks = weightedKs(sketch.sample, c);
      return out(ks.statistic, ks.pValue);
    }
    case 'wasserstein': {
      const distance = wassersteinDistance(sketch.sample.values, c, sketch.sample.weights);
      return out(distance / Math.max(sketch.std, WASSERSTEIN_MIN_STD), null);
    }
    case 'jensen_shannon': {
      if (asNumbers) {
        const edges = equalWidthEdges([Float64Array.of(sketch.min, sketch.max), c], JS_DEFAULT_BINS);
        return out(
          jensenShannonDistance(weightedHistogramCounts(sketch.sample, edges), histogramCounts(c, edges)),
          null,
        );
      }
      const t = countTable(ref, cur);
      return out(jensenShannonDistance(t.reference, t.current), null);
    }
    case 'psi': {
      if (asNumbers) {
        const edges = weightedQuantileEdges(sketch.sample, PSI_DEFAULT_BINS);
        return out(
          populationStabilityIndex(
            weightedQuantileBinCounts(sketch.sample, edges),
            quantileBinCounts(c, edges),
          ),
          null,
        );
      }
      const t = countTable(ref, cur);
      return out(populationStabilityIndex(t.reference, t.current), null);
    }
    case 'chi_square': {
      const t = countTable(ref, cur);
      const chi = chiSquareHomogeneity(t.reference, t.current);
      return out(chi.statistic, chi.pValue);
    }
    case 'z': {
      const t = countTable(ref, cur);
      if (t.categories.length !== 2) {
        throw new MethodMismatch(
          `the Z-test compares the share of one of 2 categories, and the column has ${t.categories.length}; use chi_square`,
        );
      }
      const z = twoProportionZTest(
        t.reference[0] as number,
        ref.count,
        t.current[0] as number,
        cur.texts.length,
      );
      return out(z.z, z.pValue);
    }
  }
}

type Chart =
  | { kind: 'histogram'; edges: number[]; reference: number[]; current: number[] }
  | {
      kind: 'categories';
      categories: string[];
      reference: number[];
      current: number[];
      other: [number, number];
    };

/**
 * Chart data like `chartData`: 10 equal-width bins over both sides (the reference's exact min/max, weighted
 * counts), or the 20 most frequent categories; `other` also holds the profile's unlisted categories.
 */
export function profileChartData(
  ref: Extract<ProfileSide, { type: 'sketch' | 'counts' }>,
  cur: ColumnSide,
  kind: ColumnKind,
  maxCategories = 20,
): Chart {
  if (kind === 'numeric' && ref.type === 'sketch' && cur.numbers) {
    const edges = equalWidthEdges([Float64Array.of(ref.min, ref.max), cur.numbers], 10);
    return {
      kind: 'histogram',
      edges: [...edges],
      reference: [...weightedHistogramCounts(ref.sample, edges)],
      current: [...histogramCounts(cur.numbers, edges)],
    };
  }
  const t = countTable(ref, cur);
  const order = t.categories
    .map((c, i) => ({ c, i, n: (t.reference[i] as number) + (t.current[i] as number) }))
    .filter((x) => x.c !== OTHER)
    .sort((a, b) => b.n - a.n || (a.c < b.c ? -1 : 1));
  const kept = order.slice(0, maxCategories);
  const rest = order.slice(maxCategories);
  const otherIndex = t.categories.indexOf(OTHER);
  const otherRef = otherIndex < 0 ? 0 : (t.reference[otherIndex] as number);
  const otherCur = otherIndex < 0 ? 0 : (t.current[otherIndex] as number);
  return {
    kind: 'categories',
    categories: kept.map((x) => x.c),
    reference: kept.map((x) => t.reference[x.i] as number),
    current: kept.map((x) => t.current[x.i] as number),
    other: [
      otherRef + rest.reduce((s, x) => s + (t.reference[x.i] as number), 0),
      otherCur + rest.reduce((s, x) => s + (t.current[x.i] as number), 0),
    ],
  };
}
