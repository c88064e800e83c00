import type {
  CheckResult,
  ColumnProfile,
  DataCardMeta,
  DatasetProfile,
  Evidence,
  Metric,
  NumericSummary,
} from '@regops/core';
import { meets } from '@regops/core';
import { compareCodeUnits, formatBound, formatCi, formatNumber } from './format';
import type { Common, ResultView } from './view';

/**
 * View model of the dataset card (Datasheets for Datasets, Gebru et al. 2021). Written answers come from the
 * dataset card file (`e.datacard`); every number comes from the profiles and the data-check results in the
 * evidence. A value of a sensitive column is never put into the view, not even masked: the column keeps its
 * type, missing and distinct counts, and "withheld (sensitive)" stands in for everything else.
 */

export const WITHHELD = 'withheld (sensitive)';

/** A written answer: its label and the user's text. */
export interface Answer {
  label: string;
  value: string;
}

/** A written answer given as a list. */
export interface AnswerList {
  label: string;
  items: string[];
}

export interface ColumnRow {
  name: string;
  type: string;
  missing: string;
  distinct: string;
  /** Everything after the distinct count is withheld. */
  withheld: boolean;
  /** Formatted numeric summary, or null for a column without one. */
  numeric: { min: string; median: string; max: string; meanStd: string } | null;
  /** Up to three most frequent values with their counts, or null for none. */
  top: { value: string; count: string }[] | null;
  /** Shown in the value cells when there is neither a numeric summary nor top values. */
  noValues: string;
}

export interface PrevalenceRow {
  result: ResultView;
  /** null when the result carries no counts (an error); the message says why. */
  measured: {
    positives: number;
    labelled: number;
    missingLabels: number;
    prevalence: string;
    interval: string;
  } | null;
}

export interface LabelView {
  /** data.label_prevalence results for this dataset. */
  prevalence: PrevalenceRow[];
  /** Label balance read from the profile's top values of the recorded target column. */
  profile: {
    column: string;
    rows: { value: string; count: string; share: string; positive: boolean }[];
    complete: boolean;
  } | null;
  /** The target column is sensitive: its values are not shown. */
  withheldColumn: string | null;
  /** Why the label balance is not measured (null when it is measured or withheld). */
  notMeasured: string | null;
}

export interface SubgroupRow {
  result: string;
  column: string;
  /** null: the column is sensitive, the group label is withheld. */
  group: string | null;
  rows: number;
  share: string;
  limit: string;
  meetsLimit: string;
}

export interface DatasetView {
  name: string;
  path: string | null;
  role: string | null;
  rowsText: string;
  columnsText: string;
  sha256: string | null;
  description: string | null;
  profiled: boolean;
  columns: ColumnRow[];
  /** Some cell of the column table carries ≈ (a sketch estimate or a possibly overstated count). */
  estimates: boolean;
  label: LabelView;
  subgroups: { rows: SubgroupRow[]; note: string | null };
  missingPerRow: { missing: number; rows: number; share: string }[];
  checks: ResultView[];
}

export interface DataCardView {
  metaFile: string | null;
  motivation: Answer[];
  composition: { answers: Answer[]; notes: string[]; datasets: DatasetView[]; shared: ResultView[] };
  collection: { answers: Answer[]; sources: { dataset: string; source: string }[] };
  preprocessing: { steps: string[]; answers: Answer[] };
  uses: AnswerList[];
  distribution: Answer[];
  maintenance: Answer[];
  gaps: string[];
}

/** Data checks whose absence the card reports, and what their absence leaves unmeasured. */
const EXPECTED_CHECKS: readonly [string, string][] = [
  ['data.size', 'subgroup sizes not measured'],
  ['data.label_prevalence', 'label balance not judged against a bound'],
  ['data.missing', 'missing values not judged against a bound'],
  ['data.duplicates', 'duplicate rows not measured'],
  ['data.phi', 'not scanned for protected health information'],
];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function int(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

/** `34.9%` of a part of a whole; `0%` and `100%` only when exact, `<0.1%` / `>99.9%` near them. */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '—';
  if (part === 0) return '0%';
  if (part === whole) return '100%';
  const p = (100 * part) / whole;
  if (p < 0.05) return '<0.1%';
  if (p > 99.95) return '>99.9%';
  return `${p.toFixed(1)}%`;
}

/** A value measured in the data (min, median, max): as it is, at most six decimals. */
function dataValue(v: number): string {
  return formatNumber(v, 'bound');
}

/**
 * The dataset names a data result is about: `details.dataset`; else a message that starts with a dataset's
 * path (`data/train.csv: …`); else a message that starts with `current vs reference:` (split checks); else
 * an id ending in `/<dataset>`. Only names of datasets in the evidence count.
 */
export function resultDatasets(
  r: CheckResult,
  datasets: readonly { name: string; path: string | null }[],
): string[] {
  const names = datasets.map((d) => d.name);
  const ds = r.details?.dataset;
  if (typeof ds === 'string' && names.includes(ds)) return [ds];
  const byPath = datasets.find((d) => d.path !== null && r.message.startsWith(`${d.path}:`));
  if (byPath) return [byPath.name];
  const pair = /^(.+?) vs (.+?):/.exec(r.message);
  if (pair && names.includes(pair[1] as string) && names.includes(pair[2] as string))
    return [pair[1] as string, pair[2] as string];
  const slash = r.id.lastIndexOf('/');
  const suffix = slash >= 0 ? r.id.slice(slash + 1) : null;
  if (suffix !== null && names.includes(suffix)) return [suffix];
  return [];
}

function isDataCheck(r: { check: string }): boolean {
  return r.check.startsWith('data.');
}

/** Exact while the sketch is still in exact mode: every value retained at level 0. */
function sketchExact(n: NumericSummary): boolean {
  return (n.sketch.levels[0]?.length ?? 0) === n.sketch.n;
}

/** Top counts are exact when the profile lists every distinct value (no counter was ever replaced). */
function topExact(c: ColumnProfile): boolean {
  return c.top !== null && c.distinct.exact && c.top.length === c.distinct.value;
}

function columnRow(
  c: ColumnProfile,
  rows: number,
  where: string,
  gaps: string[],
): ColumnRow & { approx: boolean } {
  let approx = !c.distinct.exact;
  const base = {
    name: c.name,
    type: c.inferred_type,
    missing: `${c.missing} (${formatShare(c.missing, rows)})`,
    distinct: c.distinct.exact ? String(c.distinct.value) : `≈${c.distinct.value}`,
  };
  if (c.sensitive) return { ...base, withheld: true, numeric: null, top: null, noValues: WITHHELD, approx };
  let numeric: ColumnRow['numeric'] = null;
  if (c.numeric) {
    const n = c.numeric;
    const q = n.quantiles.find((x) => x.q === 0.5);
    const exact = sketchExact(n);
    if (!q) gaps.push(`${where} › ${c.name}: no median in the profile`);
    else if (!exact) approx = true;
    numeric = {
      min: dataValue(n.min),
      median: q ? `${exact ? '' : '≈'}${dataValue(q.value)}` : 'not measured',
      max: dataValue(n.max),
      meanStd: `${formatNumber(n.mean)} ± ${formatNumber(n.std)}`,
    };
  }
  let top: ColumnRow['top'] = null;
  if (c.top && c.top.length > 0) {
    const mark = topExact(c) ? '' : '≈';
    if (mark) approx = true;
    top = c.top.slice(0, 3).map((t) => ({ value: t.value, count: `${mark}${t.count}` }));
  }
  let noValues = '—';
  if (!numeric && !top && c.count > 0) {
    noValues = 'not measured';
    gaps.push(`${where} › ${c.name}: no value summary in the profile`);
  }
  return { ...base, withheld: false, numeric, top, noValues, approx };
}

/** The target column the evidence records (model results carry `details.target.column`). */
function recordedTargets(e: Evidence): { columns: string[]; positive: string | null } {
  const columns = new Set<string>();
  const positives = new Set<string>();
  for (const r of e.results) {
    const t = r.details?.target;
    if (!isObject(t) || typeof t.column !== 'string') continue;
    columns.add(t.column);
    if (typeof t.positive === 'string') positives.add(t.positive);
  }
  return {
    columns: [...columns].sort(compareCodeUnits),
    positive: positives.size === 1 ? ([...positives][0] as string) : null,
  };
}

function prevalenceRow(r: CheckResult, view: ResultView): PrevalenceRow {
  const d = r.details;
  const positives = int(d?.positives);
  const labelled = int(d?.labelled);
  if (positives === null || labelled === null) return { result: view, measured: null };
  const metric: Metric | undefined = r.metrics.find((m) => m.name === 'prevalence');
  const value = metric?.value ?? (labelled > 0 ? positives / labelled : null);
  return {
    result: view,
    measured: {
      positives,
      labelled,
      missingLabels: int(d?.missing_labels) ?? 0,
      prevalence: formatNumber(value),
      interval: metric ? formatCi(metric) : '',
    },
  };
}

function labelView(
  e: Evidence,
  results: { r: CheckResult; view: ResultView }[],
  profile: DatasetProfile | null,
): LabelView {
  const prevalence = results
    .filter(({ r }) => r.check === 'data.label_prevalence')
    .map(({ r, view }) => prevalenceRow(r, view));
  const view: LabelView = { prevalence, profile: null, withheldColumn: null, notMeasured: null };
  if (prevalence.some((p) => p.measured)) return view;
  const targets = recordedTargets(e);
  const noCheck =
    prevalence.length === 0
      ? 'no data.label_prevalence result'
      : 'no data.label_prevalence result with counts';
  if (targets.columns.length === 0) {
    view.notMeasured = `${noCheck}, and the evidence records no target column`;
    return view;
  }
  if (targets.columns.length > 1) {
    view.notMeasured = `${noCheck}, and the results name ${targets.columns.length} target columns (${targets.columns.join(', ')})`;
    return view;
  }
  const column = targets.columns[0] as string;
  const c = profile?.columns.find((x) => x.name === column);
  if (!profile || !c) {
    view.notMeasured = profile
      ? `the target column ${column} is not in the profile of this dataset`
      : 'no profile of this dataset';
    return view;
  }
  if (c.sensitive) {
    view.withheldColumn = column;
    return view;
  }
  if (!c.top || c.top.length === 0) {
    view.notMeasured = `the profile keeps no value counts for the target column ${column}`;
    return view;
  }
  const complete = topExact(c);
  view.profile = {
    column,
    complete,
    rows: c.top.map((t) => ({
      value: t.value,
      count: `${complete ? '' : '≈'}${t.count}`,
      share: formatShare(t.count, c.count),
      positive: targets.positive !== null && t.value === targets.positive,
    })),
  };
  return view;
}

interface GroupEntry {
  column: string;
  group: string;
  rows: number;
}

function groupEntries(r: CheckResult): GroupEntry[] {
  const groups = r.details?.groups;
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((g) =>
    isObject(g) && typeof g.column === 'string' && typeof g.group === 'string' && int(g.rows) !== null
      ? [{ column: g.column, group: g.group, rows: g.rows as number }]
      : [],
  );
}

function subgroupRows(
  results: { r: CheckResult }[],
  profile: DatasetProfile | null,
  rows: number | null,
): SubgroupRow[] {
  const sensitive = new Set(profile?.columns.filter((c) => c.sensitive).map((c) => c.name) ?? []);
  return results.flatMap(({ r }) => {
    const total = int(r.details?.rows) ?? rows ?? 0;
    return groupEntries(r).map((g) => {
      const threshold = r.metrics.find((m) => m.name === `rows:${g.column}=${g.group}`)?.threshold;
      return {
        result: r.id,
        column: g.column,
        group: sensitive.has(g.column) ? null : g.group,
        rows: g.rows,
        share: formatShare(g.rows, total),
        limit: threshold ? formatBound(threshold) : '—',
        meetsLimit: threshold ? (meets(g.rows, threshold) ? 'yes' : 'no') : '—',
      };
    });
  });
}

const NOT_ANSWERED = 'not answered';

export function buildDataCard(e: Evidence, c: Common): DataCardView {
  const meta: DataCardMeta | null = e.datacard;
  const metaFile = e.inputs.find((i) => i.kind === 'datacard')?.path ?? null;
  const missing = metaFile
    ? `${NOT_ANSWERED} in ${metaFile}`
    : meta
      ? `${NOT_ANSWERED} in the dataset card file`
      : `${NOT_ANSWERED} (the config names no dataset card file)`;
  const gaps: string[] = [];
  const answers = (
    section: string,
    part: Record<string, string | string[] | undefined> | undefined,
    fields: readonly [string, string][],
  ): Answer[] =>
    fields.flatMap(([key, label]) => {
      const value = part?.[key];
      if (typeof value === 'string') return [{ label, value }];
      if (value === undefined || value.length === 0)
        gaps.push(`${section} › ${label.toLowerCase()}: ${missing}`);
      return [];
    });
  const list = (section: string, label: string, value: string[] | undefined): string[] => {
    if (!value || value.length === 0) gaps.push(`${section} › ${label.toLowerCase()}: ${missing}`);
    return value ?? [];
  };

  const motivation = answers('Motivation', meta?.motivation, [
    ['purpose', 'Purpose'],
    ['creators', 'Creators'],
    ['funding', 'Funding'],
  ]);

  const comp = meta?.composition;
  const compositionAnswers = answers('Composition', comp, [
    ['instances', 'What one row represents'],
    ['label_source', 'Label source'],
    ['sensitive_data', 'Sensitive data'],
  ]);
  const notes = comp?.notes ?? [];

  // Every dataset in the evidence, then any profile of a dataset the evidence does not list.
  const entries: {
    name: string;
    path: string | null;
    role: string | null;
    rows: number | null;
    columns: number | null;
  }[] = e.datasets.map((d) => ({
    name: d.name,
    path: d.path,
    role: d.role,
    rows: d.rows,
    columns: d.columns.length,
  }));
  for (const p of e.profiles) {
    if (!entries.some((d) => d.name === p.dataset))
      entries.push({ name: p.dataset, path: null, role: null, rows: null, columns: null });
  }
  if (entries.length === 0) gaps.push('Composition: no dataset in the evidence');

  const dataResults = e.results
    .map((r, i) => ({ r, view: c.results[i] as ResultView, datasets: resultDatasets(r, entries) }))
    .filter(({ r }) => isDataCheck(r));
  const shared = dataResults.filter((x) => x.datasets.length === 0).map((x) => x.view);

  const metaDatasets = meta?.datasets ?? {};
  const datasets: DatasetView[] = entries.map((d) => {
    const where = `Composition › ${d.name}`;
    const profile = e.profiles.find((p) => p.dataset === d.name) ?? null;
    const results = dataResults.filter((x) => x.datasets.includes(d.name));
    const sha256 =
      d.path === null
        ? null
        : (e.inputs.find((i) => i.kind === 'dataset' && i.path === d.path)?.sha256 ?? null);
    if (d.path === null)
      gaps.push(`${where}: profiled, but not in the evidence's list of datasets (no file or role)`);
    else if (sha256 === null) gaps.push(`${where}: no file hash in the evidence inputs`);
    const description = metaDatasets[d.name]?.description ?? null;
    if (description === null) gaps.push(`${where} › description: ${missing}`);

    const rows = profile?.rows ?? d.rows;
    const columns: ColumnRow[] = [];
    let estimates = false;
    if (!profile)
      gaps.push(`${where}: no profile in the evidence, so columns and missing values are not measured`);
    else {
      for (const col of profile.columns) {
        const { approx, ...row } = columnRow(col, profile.rows, where, gaps);
        estimates ||= approx;
        columns.push(row);
      }
      const profiledNames = new Set(profile.columns.map((col) => col.name));
      const unprofiled = (e.datasets.find((x) => x.name === d.name)?.columns ?? []).filter(
        (name) => !profiledNames.has(name),
      );
      if (unprofiled.length > 0)
        gaps.push(`${where}: ${unprofiled.length} column(s) not in the profile: ${unprofiled.join(', ')}`);
      if (profile.missing_per_row.length === 0 && profile.rows > 0)
        gaps.push(`${where} › missing values per row: not in the profile`);
    }

    const label = labelView(e, results, profile);
    if (label.notMeasured) gaps.push(`${where} › label balance: not measured: ${label.notMeasured}`);

    const sizeResults = results.filter(({ r }) => r.check === 'data.size');
    const subgroups = subgroupRows(sizeResults, profile, rows);
    let note: string | null = null;
    if (sizeResults.length > 0 && subgroups.length === 0) {
      note = 'No subgroup measured: the data.size results list no groups';
      gaps.push(
        `${where} › subgroups: the data.size check declares no subgroups, so subgroup sizes are not measured`,
      );
    }

    for (const [check, consequence] of EXPECTED_CHECKS) {
      // Without any label measurement, the label-balance gap above already names the missing check.
      if (check === 'data.label_prevalence' && label.notMeasured) continue;
      if (!results.some(({ r }) => r.check === check))
        gaps.push(`${where}: no ${check} check: ${consequence}`);
    }
    for (const { r } of results) {
      if (r.status === 'error' || r.status === 'skip')
        gaps.push(
          `${where}: ${r.check} result ${r.id} is ${r.status === 'error' ? 'an error' : 'skipped'}, so it measured nothing`,
        );
    }

    return {
      name: d.name,
      path: d.path,
      role: d.role,
      rowsText: rows === null ? 'not measured' : String(rows),
      columnsText: String(d.columns ?? profile?.columns.length ?? 'not measured'),
      sha256,
      description,
      profiled: profile !== null,
      columns,
      estimates,
      label,
      subgroups: { rows: subgroups, note },
      missingPerRow: (profile?.missing_per_row ?? []).map((m) => ({
        missing: m.missing,
        rows: m.rows,
        share: formatShare(m.rows, profile?.rows ?? 0),
      })),
      checks: results.map((x) => x.view),
    };
  });
  if (entries.length > 1 && !dataResults.some(({ r }) => r.check === 'data.leakage'))
    gaps.push('Composition: no data.leakage check: overlap between datasets not measured');
  for (const name of Object.keys(metaDatasets).sort(compareCodeUnits)) {
    if (!entries.some((d) => d.name === name))
      gaps.push(`Composition › ${name}: described in the dataset card file, but not in the evidence`);
  }

  const collectionAnswers = answers('Collection process', meta?.collection, [
    ['process', 'Process'],
    ['timeframe', 'Timeframe'],
    ['ethics_review', 'Ethics review'],
    ['consent', 'Consent'],
  ]);
  const sources: { dataset: string; source: string }[] = [];
  for (const d of entries) {
    const source = metaDatasets[d.name]?.source;
    if (source === undefined) gaps.push(`Collection process › ${d.name} › source: ${missing}`);
    else sources.push({ dataset: d.name, source });
  }

  const steps = list('Preprocessing / cleaning / labelling', 'Steps', meta?.preprocessing?.steps);
  const preprocessingAnswers = answers('Preprocessing / cleaning / labelling', meta?.preprocessing, [
    ['raw_data_kept', 'Raw data kept'],
  ]);

  const uses: AnswerList[] = [
    { label: 'Intended uses', items: list('Uses', 'Intended uses', meta?.uses?.intended) },
    {
      label: 'Uses not recommended',
      items: list('Uses', 'Uses not recommended', meta?.uses?.not_recommended),
    },
  ].filter((u) => u.items.length > 0);

  const distribution = answers('Distribution', meta?.distribution, [
    ['license', 'License'],
    ['access', 'Access'],
  ]);
  const maintenance = answers('Maintenance', meta?.maintenance, [
    ['maintainer', 'Maintainer'],
    ['update_policy', 'Update policy'],
    ['errata', 'Errata'],
  ]);

  return {
    metaFile,
    motivation,
    composition: { answers: compositionAnswers, notes, datasets, shared },
    collection: { answers: collectionAnswers, sources },
    preprocessing: { steps, answers: preprocessingAnswers },
    uses,
    distribution,
    maintenance,
    gaps,
  };
}
