import type { Metric } from '@regops/core';
import { z } from 'zod';
import { defineStreamingCheck } from '../stream-check';
import { allOr, datasetResult, datasetsOption, type Entry, needs, pct, unknownDatasets } from './common';

type Cfg = Entry<{
  datasets?: string[] | undefined;
  max_fraction?: number | undefined;
  columns?: Record<string, number> | undefined;
  row_max_missing?: number | undefined;
  max_incomplete_rows?: number | undefined;
}>;

interface State {
  header: string[];
  rows: number;
  missing: number[];
  /** Rows with more than row_max_missing missing cells, and the first few of them. */
  incomplete: number;
  incompleteRows: number[];
}

export const missingCheck = defineStreamingCheck<Cfg, State>({
  type: 'data.missing',
  description: 'Missing values per column and per row within bounds',
  options: {
    datasets: datasetsOption,
    max_fraction: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('Largest missing fraction allowed in any column.'),
    columns: z
      .record(z.string(), z.number().min(0).max(1))
      .optional()
      .describe('Per-column largest missing fraction, overriding max_fraction.'),
    row_max_missing: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('A row with more missing cells than this is incomplete.'),
    max_incomplete_rows: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('Largest fraction of incomplete rows allowed.'),
  },
  validate(cfg, project) {
    const problems = unknownDatasets(cfg.datasets, project);
    if (
      cfg.max_fraction === undefined &&
      cfg.columns === undefined &&
      cfg.max_incomplete_rows === undefined
    ) {
      problems.push({ path: [], message: 'no bound: set max_fraction, columns or max_incomplete_rows' });
    }
    if ((cfg.row_max_missing === undefined) !== (cfg.max_incomplete_rows === undefined)) {
      problems.push({
        path: [cfg.row_max_missing === undefined ? 'row_max_missing' : 'max_incomplete_rows'],
        message: 'row_max_missing and max_incomplete_rows go together: set both',
      });
    }
    return problems;
  },
  criterion(cfg, project) {
    const parts: string[] = [];
    if (cfg.max_fraction !== undefined) parts.push(`missing ≤ ${pct(cfg.max_fraction)} in every column`);
    for (const [c, f] of Object.entries(cfg.columns ?? {})) parts.push(`${c} missing ≤ ${pct(f)}`);
    if (cfg.max_incomplete_rows !== undefined) {
      parts.push(`rows with > ${cfg.row_max_missing} missing cells ≤ ${pct(cfg.max_incomplete_rows)}`);
    }
    return `${parts.join('; ')}; datasets: ${allOr(cfg.datasets, project).join(', ')}`;
  },
  columns: (cfg, project) =>
    needs(
      allOr(cfg.datasets, project),
      Object.keys(cfg.columns ?? {}).map((column) => ({ column, field: ['columns', column] })),
    ),
  datasets: (cfg, project) => allOr(cfg.datasets, project),
  visitor(cfg, { source }) {
    const width = source.header.length;
    const st: State = {
      header: source.header,
      rows: 0,
      missing: new Array(width).fill(0),
      incomplete: 0,
      incompleteRows: [],
    };
    const rowLimit = cfg.row_max_missing ?? Number.POSITIVE_INFINITY;
    return {
      batch(b) {
        for (let i = 0; i < b.rows.length; i++) {
          const row = b.rows[i] as (string | null)[];
          let m = 0;
          for (let j = 0; j < width; j++) {
            if (row[j] === null) {
              m++;
              st.missing[j] = (st.missing[j] ?? 0) + 1;
            }
          }
          if (m > rowLimit) {
            st.incomplete++;
            if (st.incompleteRows.length < 5) st.incompleteRows.push(b.start + i);
          }
        }
        st.rows += b.rows.length;
      },
      state: () => st,
    };
  },
  finish(cfg, f) {
    return [...f.states].map(([ds, st]) => {
      const path = f.sources.get(ds)?.path ?? ds;
      const metrics: Metric[] = [];
      const problems: string[] = [];
      st.header.forEach((col, j) => {
        const bound = cfg.columns?.[col] ?? cfg.max_fraction;
        const frac = st.rows > 0 ? (st.missing[j] ?? 0) / st.rows : 0;
        metrics.push({
          name: `missing:${col}`,
          value: frac,
          ...(bound !== undefined ? { threshold: { op: '<=' as const, value: bound } } : {}),
        });
        if (bound !== undefined && frac > bound) {
          problems.push(`${col} ${pct(frac)} missing (${st.missing[j]}/${st.rows}) > ${pct(bound)}`);
        }
      });
      for (const col of Object.keys(cfg.columns ?? {})) {
        if (!st.header.includes(col)) problems.push(`${col}: column not in the file`);
      }
      if (cfg.max_incomplete_rows !== undefined) {
        const frac = st.rows > 0 ? st.incomplete / st.rows : 0;
        metrics.push({
          name: 'incomplete_rows',
          value: frac,
          threshold: { op: '<=', value: cfg.max_incomplete_rows },
        });
        if (frac > cfg.max_incomplete_rows) {
          problems.push(
            `${st.incomplete} row(s) (${pct(frac)}) have more than ${cfg.row_max_missing} missing cells > ${pct(cfg.max_incomplete_rows)} (rows ${st.incompleteRows.join(', ')}${st.incomplete > st.incompleteRows.length ? ', …' : ''})`,
          );
        }
      }
      return datasetResult(
        cfg,
        'data.missing',
        ds,
        problems.length ? 'fail' : 'pass',
        metrics,
        problems.length
          ? `${path}: ${problems.join('; ')}`
          : `${path}: missing values within bounds in ${st.rows} rows`,
        {
          rows: st.rows,
          missing: Object.fromEntries(st.header.map((c, j) => [c, st.missing[j] ?? 0])),
          incomplete_rows: st.incomplete,
        },
      );
    });
  },
});
