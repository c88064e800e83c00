import path from 'node:path';
import type { CheckResult, ConfigProblem, RegopsConfig } from '@regops/core';
import { z } from 'zod';
import { hashKey, rowKeys } from '../hash';
import { mask } from '../mask';
import { type Spill, spillFor } from '../spill';
import { defineStreamingCheck } from '../stream-check';
import type { DatasetSource } from '../types';
import {
  CappedCounts,
  datasetResult,
  datasetWithRole,
  type Entry,
  needs,
  pct,
  shown,
  toNumber,
  unknownDataset,
} from './common';

type PairCfg = { reference?: string | undefined; current?: string | undefined };

function pair(
  cfg: PairCfg,
  project: RegopsConfig,
): { reference: string | undefined; current: string | undefined } {
  return {
    reference: cfg.reference ?? datasetWithRole(project, ['reference', 'train']),
    current: cfg.current ?? datasetWithRole(project, ['current', 'test']),
  };
}

function validatePair(cfg: PairCfg, project: RegopsConfig): ConfigProblem[] {
  const problems = [
    ...unknownDataset(cfg.reference, project, 'reference'),
    ...unknownDataset(cfg.current, project, 'current'),
  ];
  const { reference, current } = pair(cfg, project);
  if (!reference)
    problems.push({
      path: ['reference'],
      message: 'no reference dataset: set `reference:` (or give exactly one dataset role reference or train)',
    });
  if (!current)
    problems.push({
      path: ['current'],
      message: 'no current dataset: set `current:` (or give exactly one dataset role current or test)',
    });
  if (reference && reference === current)
    problems.push({ path: ['current'], message: `reference and current are both "${reference}"` });
  return problems;
}

const pairOptions = {
  reference: z.string().optional().describe('Reference dataset (default: role reference, else train).'),
  current: z.string().optional().describe('Dataset compared with it (default: role current, else test).'),
};

/* ------------------------------------------------------- unseen categories */

type UnseenCfg = Entry<
  PairCfg & { columns?: string[] | undefined; max_categories: number; max_unseen_fraction: number }
>;
interface UnseenState {
  header: string[];
  rows: number;
  counts: CappedCounts[];
  numeric: number[];
  nonMissing: number[];
}

export const unseenCategoriesCheck = defineStreamingCheck<UnseenCfg, UnseenState>({
  type: 'data.unseen_categories',
  description: 'No categories that the reference (training) data never had',
  options: {
    ...pairOptions,
    columns: z
      .array(z.string())
      .min(1)
      .optional()
      .describe('Category columns (default: text columns with few distinct values in the reference).'),
    max_categories: z
      .number()
      .int()
      .min(1)
      .default(50)
      .describe(
        'A text column with more distinct values than this in the reference is not treated as a category.',
      ),
    max_unseen_fraction: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe('Largest fraction of current rows holding an unseen category, per column.'),
  },
  validate: validatePair,
  criterion(cfg, project) {
    const { reference, current } = pair(cfg, project);
    return `rows of ${current} with a category absent from ${reference} ≤ ${pct(cfg.max_unseen_fraction)} per category column`;
  },
  datasets(cfg, project) {
    const { reference, current } = pair(cfg, project);
    return [reference as string, current as string];
  },
  visitor(_cfg, { source }) {
    const st: UnseenState = {
      header: source.header,
      rows: 0,
      counts: source.header.map(() => new CappedCounts(1000)),
      numeric: source.header.map(() => 0),
      nonMissing: source.header.map(() => 0),
    };
    return {
      batch(b) {
        st.rows += b.rows.length;
        for (const row of b.rows) {
          for (let j = 0; j < st.header.length; j++) {
            const v = row[j] ?? null;
            if (v === null) continue;
            st.nonMissing[j] = (st.nonMissing[j] ?? 0) + 1;
            if (!Number.isNaN(toNumber(v))) st.numeric[j] = (st.numeric[j] ?? 0) + 1;
            (st.counts[j] as CappedCounts).add(v);
          }
        }
      },
      state: () => st,
    };
  },
  finish(cfg, f) {
    const { reference, current } = pair(cfg, f.ctx.config);
    const ref = f.states.get(reference as string) as UnseenState;
    const cur = f.states.get(current as string) as UnseenState;
    const sensitive = f.sensitive.get(current as string) ?? new Set<string>();
    const columns =
      cfg.columns ??
      ref.header.filter((_, j) => {
        const c = ref.counts[j] as CappedCounts;
        return (
          !c.overflow &&
          c.counts.size <= cfg.max_categories &&
          (ref.numeric[j] ?? 0) <= (ref.nonMissing[j] ?? 0) / 2
        );
      });
    const problems: string[] = [];
    const findings: { column: string; unseen: { value: string; rows: number }[]; fraction: number }[] = [];
    for (const col of columns) {
      const rj = ref.header.indexOf(col);
      const cj = cur.header.indexOf(col);
      if (rj < 0 || cj < 0) {
        problems.push(`${col}: column not in ${rj < 0 ? reference : current}`);
        continue;
      }
      const known = (ref.counts[rj] as CappedCounts).counts;
      const unseen = [...(cur.counts[cj] as CappedCounts).counts].filter(([v]) => !known.has(v));
      const rows = unseen.reduce((s, [, n]) => s + n, 0);
      const fraction = cur.rows > 0 ? rows / cur.rows : 0;
      if (unseen.length === 0) continue;
      unseen.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const list = unseen.slice(0, 10).map(([v, n]) => ({ value: shown(v, sensitive.has(col)), rows: n }));
      findings.push({ column: col, unseen: list, fraction });
      if (fraction > cfg.max_unseen_fraction) {
        problems.push(
          `${col}: ${list.map((u) => `${u.value} (${u.rows} rows)`).join(', ')}${unseen.length > 10 ? ', …' : ''}`,
        );
      }
    }
    const path = f.sources.get(current as string)?.path ?? current;
    return [
      datasetResult(
        cfg,
        'data.unseen_categories',
        current as string,
        problems.length ? 'fail' : 'pass',
        [{ name: 'columns_with_unseen', value: problems.length, threshold: { op: '<=', value: 0 } }],
        problems.length
          ? `${path}: categories not in ${reference}: ${problems.join('; ')}`
          : `${path}: every category in ${columns.length} category column(s) also occurs in ${reference}`,
        { reference, columns, findings },
      ),
    ];
  },
});

/* ------------------------------------------------------------------ leakage */

type LeakCfg = Entry<
  PairCfg & {
    id_column?: string | undefined;
    time_column?: string | undefined;
    exact_rows: boolean;
    max_shared_ids: number;
    max_overlap_rows: number;
    max_earlier_rows: number;
  }
>;
interface LeakState {
  source: { path: string; header: string[] };
  rows: number;
  ids: Spill | null;
  rowHashes: Spill | null;
  times: Spill | null;
  maxTime: number;
  badTimes: number;
  absent: string[];
}

/** A time cell as milliseconds (ISO 8601 dates and date-times) or as the number it is; NaN otherwise. */
export function parseTime(cell: string | null): number {
  if (cell === null) return Number.NaN;
  const n = toNumber(cell);
  if (!Number.isNaN(n)) return n;
  const t = Date.parse(cell.trim());
  return Number.isNaN(t) ? Number.NaN : t;
}

function leakVisitor(cfg: LeakCfg, source: DatasetSource, rootDir: string) {
  const file = path.resolve(rootDir, source.path);
  const ii = cfg.id_column ? source.header.indexOf(cfg.id_column) : -1;
  const ti = cfg.time_column ? source.header.indexOf(cfg.time_column) : -1;
  const st: LeakState = {
    source: { path: source.path, header: source.header },
    rows: 0,
    ids: cfg.id_column && ii >= 0 ? spillFor(file) : null,
    rowHashes: cfg.exact_rows ? spillFor(file) : null,
    times: cfg.time_column && ti >= 0 ? spillFor(file) : null,
    maxTime: Number.NEGATIVE_INFINITY,
    badTimes: 0,
    absent: [cfg.id_column, cfg.time_column].filter(
      (c): c is string => c !== undefined && !source.header.includes(c),
    ),
  };
  return {
    batch(b: { rows: (string | null)[][]; start: number }) {
      const keys = st.rowHashes ? rowKeys(b.rows) : null;
      for (let i = 0; i < b.rows.length; i++) {
        const row = b.rows[i] as (string | null)[];
        const r = b.start + i;
        if (st.ids) {
          const id = row[ii] ?? null;
          // Only a hash and the masked form of an ID reach the temporary spill files.
          if (id !== null) st.ids.add(hashKey(id.trim()), `${r}\u001f${mask(id)}`);
        }
        st.rowHashes?.add(keys?.[i] as string, String(r));
        if (st.times) {
          const t = parseTime(row[ti] ?? null);
          if (Number.isNaN(t)) st.badTimes++;
          else {
            if (t > st.maxTime) st.maxTime = t;
            // Any key spreads time records over the partitions; the row number in hex is cheap.
            st.times.add((Math.imul(r, 2654435761) >>> 0).toString(16).padStart(8, '0'), `${r}\u001f${t}`);
          }
        }
      }
      st.rows += b.rows.length;
    },
    state: () => st,
  };
}

/** Keys of `a` that also occur in `b`, partition by partition: count of `b` records and examples. */
function overlap(a: Spill, b: Spill): { keys: number; rows: number; examples: string[] } {
  let keys = 0;
  let rows = 0;
  const examples: string[] = [];
  for (let p = 0; p < a.partitions; p++) {
    const inA = new Set(a.read(p).map((r) => r.key));
    const seen = new Set<string>();
    for (const { key, payload } of b.read(p)) {
      if (!inA.has(key)) continue;
      rows++;
      if (!seen.has(key)) {
        seen.add(key);
        keys++;
        if (examples.length < 5) examples.push(payload);
      }
    }
  }
  return { keys, rows, examples };
}

export const leakageCheck = defineStreamingCheck<LeakCfg, LeakState>({
  type: 'data.leakage',
  description:
    'Split integrity: no patient, row or time overlap between reference (train) and current (test) data',
  options: {
    ...pairOptions,
    id_column: z
      .string()
      .optional()
      .describe('Patient (or subject) ID column: no ID may be in both datasets.'),
    time_column: z
      .string()
      .optional()
      .describe('Time column: no current row may be earlier than the latest reference row.'),
    exact_rows: z.boolean().default(true).describe('Also look for identical rows in both datasets.'),
    max_shared_ids: z.number().int().min(0).default(0),
    max_overlap_rows: z.number().int().min(0).default(0),
    max_earlier_rows: z.number().int().min(0).default(0),
  },
  validate(cfg, project) {
    const problems = validatePair(cfg, project);
    if (!cfg.id_column && !cfg.time_column && !cfg.exact_rows) {
      problems.push({
        path: [],
        message: 'nothing to check: set id_column, time_column or exact_rows: true',
      });
    }
    return problems;
  },
  criterion(cfg, project) {
    const { reference, current } = pair(cfg, project);
    const parts = [];
    if (cfg.id_column) parts.push(`≤ ${cfg.max_shared_ids} ${cfg.id_column} value(s) in both`);
    if (cfg.exact_rows) parts.push(`≤ ${cfg.max_overlap_rows} identical row(s) in both`);
    if (cfg.time_column)
      parts.push(
        `≤ ${cfg.max_earlier_rows} ${current} row(s) not later than the latest ${reference} ${cfg.time_column}`,
      );
    return `${current} vs ${reference}: ${parts.join('; ')}`;
  },
  datasets(cfg, project) {
    const { reference, current } = pair(cfg, project);
    return [reference as string, current as string];
  },
  columns(cfg, project) {
    const { reference, current } = pair(cfg, project);
    return needs(
      [reference, current].filter((d): d is string => d !== undefined),
      [
        { column: cfg.id_column, field: ['id_column'] },
        { column: cfg.time_column, field: ['time_column'] },
      ],
    );
  },
  visitor: (cfg, { source, rootDir }) => leakVisitor(cfg, source, rootDir),
  finish(cfg, f) {
    const { reference, current } = pair(cfg, f.ctx.config);
    const ref = f.states.get(reference as string) as LeakState;
    const cur = f.states.get(current as string) as LeakState;
    const results: CheckResult[] = [];
    const label = `${current} vs ${reference}`;
    const make = (
      part: string,
      fail: boolean,
      metrics: CheckResult['metrics'],
      message: string,
      details?: Record<string, unknown>,
    ) =>
      datasetResult(
        cfg,
        'data.leakage',
        current as string,
        fail ? 'fail' : 'pass',
        metrics,
        message,
        details,
        part,
      );
    try {
      const absent = [
        ...ref.absent.map((c) => `${c} not in ${ref.source.path}`),
        ...cur.absent.map((c) => `${c} not in ${cur.source.path}`),
      ];
      if (absent.length > 0) {
        return [
          datasetResult(
            cfg,
            'data.leakage',
            current as string,
            'error',
            [],
            `column(s) missing: ${absent.join('; ')}`,
          ),
        ];
      }
      if (ref.ids && cur.ids) {
        const o = overlap(ref.ids, cur.ids);
        const masked = o.examples.map((p) => p.split('\u001f')[1]);
        const rowsOf = o.examples.map((p) => p.split('\u001f')[0]);
        results.push(
          make(
            'ids',
            o.keys > cfg.max_shared_ids,
            [
              { name: 'shared_ids', value: o.keys, threshold: { op: '<=', value: cfg.max_shared_ids } },
              { name: 'current_rows_with_shared_ids', value: o.rows },
            ],
            o.keys === 0
              ? `${label}: no ${cfg.id_column} in both datasets`
              : `${label}: ${o.keys} ${cfg.id_column} value(s) in both datasets (${o.rows} ${current} row(s)), e.g. ${masked.join(', ')} at ${current} rows ${rowsOf.join(', ')}`,
            { shared_ids: o.keys, rows: o.rows, examples_masked: masked, example_rows: rowsOf.map(Number) },
          ),
        );
      }
      if (ref.rowHashes && cur.rowHashes) {
        const o = overlap(ref.rowHashes, cur.rowHashes);
        results.push(
          make(
            'rows',
            o.rows > cfg.max_overlap_rows,
            [
              {
                name: 'overlapping_rows',
                value: o.rows,
                threshold: { op: '<=', value: cfg.max_overlap_rows },
              },
            ],
            o.rows === 0
              ? `${label}: no row of ${current} is identical to a row of ${reference}`
              : `${label}: ${o.rows} row(s) of ${current} identical to a row of ${reference} (rows ${o.examples.join(', ')}${o.keys > o.examples.length ? ', …' : ''})`,
            { overlapping_rows: o.rows, example_rows: o.examples.map(Number) },
          ),
        );
      }
      if (ref.times && cur.times) {
        let earlier = 0;
        const rows: number[] = [];
        for (let p = 0; p < cur.times.partitions; p++) {
          for (const { payload } of cur.times.read(p)) {
            const [r, t] = payload.split('\u001f');
            if (Number(t) <= ref.maxTime) {
              earlier++;
              if (rows.length < 5) rows.push(Number(r));
            }
          }
        }
        rows.sort((a, b) => a - b);
        results.push(
          make(
            'time',
            earlier > cfg.max_earlier_rows,
            [{ name: 'earlier_rows', value: earlier, threshold: { op: '<=', value: cfg.max_earlier_rows } }],
            earlier === 0
              ? `${label}: every ${current} row is later than the latest ${reference} ${cfg.time_column}`
              : `${label}: ${earlier} ${current} row(s) not later than the latest ${reference} ${cfg.time_column} (e.g. rows ${rows.join(', ')})`,
            {
              earlier_rows: earlier,
              unparsed_times: { [reference as string]: ref.badTimes, [current as string]: cur.badTimes },
            },
          ),
        );
      }
      return results;
    } finally {
      for (const s of [ref.ids, ref.rowHashes, ref.times, cur.ids, cur.rowHashes, cur.times]) s?.dispose();
    }
  },
});
