import type { Metric } from '@regops/core';
import { z } from 'zod';
import { defineStreamingCheck, type FinishContext } from '../stream-check';
import type { DatasetSource } from '../types';
import {
  allOr,
  CappedCounts,
  columnsOption,
  datasetResult,
  datasetsOption,
  type Entry,
  HeavyHitters,
  listedColumns,
  pct,
  shown,
  toNumber,
  unknownDatasets,
} from './common';

type ColumnsCfg = { datasets?: string[] | undefined; columns?: string[] | undefined };

function pick(cfg: ColumnsCfg, source: DatasetSource): { names: string[]; idx: number[]; absent: string[] } {
  const names = cfg.columns ?? source.header;
  return {
    names,
    idx: names.map((c) => source.header.indexOf(c)),
    absent: names.filter((c) => !source.header.includes(c)),
  };
}

/* ---------------------------------------------------------------- mixed types */

type MixedCfg = Entry<ColumnsCfg & { max_minority_fraction: number }>;
interface MixedState {
  names: string[];
  absent: string[];
  numeric: number[];
  text: number[];
  firstNumeric: number[][];
  firstText: number[][];
}

export const mixedTypesCheck = defineStreamingCheck<MixedCfg, MixedState>({
  type: 'data.mixed_types',
  description: 'No column mixes numbers and text',
  options: {
    datasets: datasetsOption,
    columns: columnsOption,
    max_minority_fraction: z
      .number()
      .min(0)
      .max(0.5)
      .default(0)
      .describe('Largest share of the minority type (numbers vs text) among non-missing cells.'),
  },
  validate: (cfg, project) => unknownDatasets(cfg.datasets, project),
  criterion: (cfg, project) =>
    `minority type (numbers vs text) ≤ ${pct(cfg.max_minority_fraction)} of each column's values; datasets: ${allOr(cfg.datasets, project).join(', ')}`,
  columns: listedColumns,
  datasets: (cfg, project) => allOr(cfg.datasets, project),
  visitor(cfg, { source }) {
    const { names, idx, absent } = pick(cfg, source);
    const st: MixedState = {
      names,
      absent,
      numeric: names.map(() => 0),
      text: names.map(() => 0),
      firstNumeric: names.map(() => []),
      firstText: names.map(() => []),
    };
    return {
      batch(b) {
        for (let i = 0; i < b.rows.length; i++) {
          const row = b.rows[i] as (string | null)[];
          for (let k = 0; k < idx.length; k++) {
            const j = idx[k] as number;
            if (j < 0) continue;
            const v = row[j] ?? null;
            if (v === null) continue;
            const isNum = !Number.isNaN(toNumber(v));
            const counts = isNum ? st.numeric : st.text;
            counts[k] = (counts[k] ?? 0) + 1;
            const first = (isNum ? st.firstNumeric : st.firstText)[k] as number[];
            if (first.length < 3) first.push(b.start + i);
          }
        }
      },
      state: () => st,
    };
  },
  finish(cfg, f) {
    return [...f.states].map(([ds, st]) => {
      const path = f.sources.get(ds)?.path ?? ds;
      const problems: string[] = [];
      const metrics: Metric[] = [];
      st.names.forEach((col, k) => {
        const n = st.numeric[k] ?? 0;
        const t = st.text[k] ?? 0;
        if (n === 0 || t === 0) return;
        const minority = Math.min(n, t) / (n + t);
        metrics.push({
          name: `minority_fraction:${col}`,
          value: minority,
          threshold: { op: '<=', value: cfg.max_minority_fraction },
        });
        if (minority > cfg.max_minority_fraction) {
          const rows = (n < t ? st.firstNumeric : st.firstText)[k] ?? [];
          problems.push(
            `${col}: ${n} number(s) and ${t} text value(s) (minority ${pct(minority)}; e.g. rows ${rows.join(', ')})`,
          );
        }
      });
      for (const a of st.absent) problems.push(`${a}: column not in the file`);
      return datasetResult(
        cfg,
        'data.mixed_types',
        ds,
        problems.length ? 'fail' : 'pass',
        [{ name: 'mixed_columns', value: problems.length, threshold: { op: '<=', value: 0 } }, ...metrics],
        problems.length ? `${path}: ${problems.join('; ')}` : `${path}: no column mixes numbers and text`,
        {
          numeric: Object.fromEntries(st.names.map((c, k) => [c, st.numeric[k]])),
          text: Object.fromEntries(st.names.map((c, k) => [c, st.text[k]])),
        },
      );
    });
  },
});

/* --------------------------------------------------------- category variants */

const MAX_TRACKED = 1000;
type VariantsCfg = Entry<ColumnsCfg>;
interface CountsState {
  names: string[];
  absent: string[];
  counts: CappedCounts[];
  heavy: HeavyHitters[];
  numeric: number[];
  nonMissing: number[];
}

/**
 * Per-column value counts (for spelling variants) or heavy hitters (for near-constant columns). Counting
 * stops for a column that is mostly numbers after its first 1000 values: it has no categories to compare.
 */
function countsVisitor(cfg: ColumnsCfg, source: DatasetSource, want: 'counts' | 'heavy') {
  const { names, idx, absent } = pick(cfg, source);
  const st: CountsState = {
    names,
    absent,
    counts: names.map(() => new CappedCounts(MAX_TRACKED)),
    heavy: names.map(() => new HeavyHitters(MAX_TRACKED)),
    numeric: names.map(() => 0),
    nonMissing: names.map(() => 0),
  };
  return {
    batch(b: { rows: (string | null)[][] }) {
      for (const row of b.rows) {
        for (let k = 0; k < idx.length; k++) {
          const j = idx[k] as number;
          if (j < 0) continue;
          const v = row[j] ?? null;
          if (v === null) continue;
          const seen = (st.nonMissing[k] ?? 0) + 1;
          st.nonMissing[k] = seen;
          if (want === 'heavy') {
            (st.heavy[k] as HeavyHitters).add(v);
            continue;
          }
          if (seen > 1000 && (st.numeric[k] ?? 0) > 500) continue;
          if (!Number.isNaN(toNumber(v))) st.numeric[k] = (st.numeric[k] ?? 0) + 1;
          (st.counts[k] as CappedCounts).add(v);
        }
      }
    },
    state: () => st,
  };
}

/** Normal form of a category spelling: trimmed, lower-case, inner whitespace collapsed. */
export function normalCategory(v: string): string {
  return v.trim().toLowerCase().replace(/\s+/g, ' ');
}

function sensitiveOf<S>(f: FinishContext<S>, ds: string): Set<string> {
  return f.sensitive.get(ds) ?? new Set();
}

export const categoryVariantsCheck = defineStreamingCheck<VariantsCfg, CountsState>({
  type: 'data.category_variants',
  description: 'Each category is spelled one way (no "Yes" / "yes " / "YES")',
  options: { datasets: datasetsOption, columns: columnsOption },
  validate: (cfg, project) => unknownDatasets(cfg.datasets, project),
  criterion: (cfg, project) =>
    `no category with several spellings (case, surrounding or repeated spaces) in text columns with ≤ ${MAX_TRACKED} distinct values; datasets: ${allOr(cfg.datasets, project).join(', ')}`,
  columns: listedColumns,
  datasets: (cfg, project) => allOr(cfg.datasets, project),
  visitor: (cfg, { source }) => countsVisitor(cfg, source, 'counts'),
  finish(cfg, f) {
    return [...f.states].map(([ds, st]) => {
      const path = f.sources.get(ds)?.path ?? ds;
      const sensitive = sensitiveOf(f, ds);
      const problems: string[] = [];
      const findings: { column: string; variants: { value: string; count: number }[] }[] = [];
      st.names.forEach((col, k) => {
        const c = st.counts[k] as CappedCounts;
        const counted = Math.min(st.nonMissing[k] ?? 0, 1000);
        if (c.overflow || (st.numeric[k] ?? 0) > counted / 2) return;
        const groups = new Map<string, [string, number][]>();
        for (const [v, n] of c.counts) {
          const key = normalCategory(v);
          groups.set(key, [...(groups.get(key) ?? []), [v, n]]);
        }
        for (const variants of groups.values()) {
          if (variants.length < 2) continue;
          variants.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
          const list = variants.map(([v, n]) => ({ value: shown(v, sensitive.has(col)), count: n }));
          findings.push({ column: col, variants: list });
          problems.push(`${col}: ${list.map((x) => `${x.value} ×${x.count}`).join(', ')}`);
        }
      });
      for (const a of st.absent) problems.push(`${a}: column not in the file`);
      return datasetResult(
        cfg,
        'data.category_variants',
        ds,
        problems.length ? 'fail' : 'pass',
        [{ name: 'variant_groups', value: findings.length, threshold: { op: '<=', value: 0 } }],
        problems.length
          ? `${path}: one category spelled several ways: ${problems.join('; ')}`
          : `${path}: every category has one spelling`,
        { findings },
      );
    });
  },
});

/* ---------------------------------------------------- constant / near-constant */

type ConstantCfg = Entry<ColumnsCfg & { max_dominant_fraction: number }>;

export const constantCheck = defineStreamingCheck<ConstantCfg, CountsState>({
  type: 'data.constant',
  description: 'No constant or near-constant column',
  options: {
    datasets: datasetsOption,
    columns: columnsOption,
    max_dominant_fraction: z
      .number()
      .gt(0)
      .max(1)
      .default(0.99)
      .describe(
        'A column whose most frequent value has at least this share of non-missing cells is near-constant (1 = only fully constant columns fail).',
      ),
  },
  validate: (cfg, project) => unknownDatasets(cfg.datasets, project),
  criterion: (cfg, project) =>
    `no column whose most frequent value reaches ${pct(cfg.max_dominant_fraction)} of its values; datasets: ${allOr(cfg.datasets, project).join(', ')}`,
  columns: listedColumns,
  datasets: (cfg, project) => allOr(cfg.datasets, project),
  visitor: (cfg, { source }) => countsVisitor(cfg, source, 'heavy'),
  finish(cfg, f) {
    return [...f.states].map(([ds, st]) => {
      const path = f.sources.get(ds)?.path ?? ds;
      const problems: string[] = [];
      const metrics: Metric[] = [];
      st.names.forEach((col, k) => {
        const nonMissing = st.nonMissing[k] ?? 0;
        if (nonMissing === 0) {
          problems.push(`${col}: no values at all`);
          return;
        }
        // Misra–Gries: exact up to MAX_TRACKED distinct values, otherwise low by at most 0.1% of the cells.
        const share = (st.heavy[k] as HeavyHitters).top().count / nonMissing;
        metrics.push({
          name: `dominant_fraction:${col}`,
          value: share,
          threshold: { op: '<', value: cfg.max_dominant_fraction },
        });
        if (share >= cfg.max_dominant_fraction) {
          problems.push(
            share === 1
              ? `${col}: constant (one value in all ${nonMissing} cells)`
              : `${col}: one value in ${pct(share)} of cells`,
          );
        }
      });
      for (const a of st.absent) problems.push(`${a}: column not in the file`);
      return datasetResult(
        cfg,
        'data.constant',
        ds,
        problems.length ? 'fail' : 'pass',
        [{ name: 'constant_columns', value: problems.length, threshold: { op: '<=', value: 0 } }, ...metrics],
        problems.length ? `${path}: ${problems.join('; ')}` : `${path}: no constant or near-constant column`,
      );
    });
  },
});
