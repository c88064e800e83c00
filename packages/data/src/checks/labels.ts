import type { Metric } from '@regops/core';
import { z } from 'zod';
import { defineStreamingCheck } from '../stream-check';
import {
  allOr,
  CappedCounts,
  datasetResult,
  datasetsOption,
  type Entry,
  needs,
  pct,
  shown,
  toNumber,
  unknownDatasets,
} from './common';

/** Wilson score interval for a proportion (z = 1.959964 for 95%). */
export function wilson(successes: number, n: number, z = 1.959963984540054): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/* ----------------------------------------------------------- label prevalence */

type PrevCfg = Entry<{
  datasets?: string[] | undefined;
  target?: string | undefined;
  positive?: string | undefined;
  min?: number | undefined;
  max?: number | undefined;
}>;
interface PrevState {
  positives: number;
  labelled: number;
  missing: number;
  absent: boolean;
}

export const labelPrevalenceCheck = defineStreamingCheck<PrevCfg, PrevState>({
  type: 'data.label_prevalence',
  description: 'Share of positive labels within bounds',
  options: {
    datasets: datasetsOption,
    target: z.string().optional().describe('Label column (default: target.column).'),
    positive: z
      .union([z.string(), z.number()])
      .transform(String)
      .optional()
      .describe('Positive label value (default: target.positive).'),
    min: z.number().min(0).max(1).optional(),
    max: z.number().min(0).max(1).optional(),
  },
  validate(cfg, project) {
    const problems = unknownDatasets(cfg.datasets, project);
    if (!(cfg.target ?? project.target?.column))
      problems.push({ path: ['target'], message: 'no label column: set target here or target.column' });
    if (!(cfg.positive ?? project.target?.positive))
      problems.push({
        path: ['positive'],
        message: 'no positive value: set positive here or target.positive',
      });
    if (cfg.min === undefined && cfg.max === undefined)
      problems.push({ path: [], message: 'no bound: set min, max or both' });
    return problems;
  },
  criterion(cfg, project) {
    const pos = cfg.positive ?? project.target?.positive;
    const range = [
      cfg.min !== undefined ? `≥ ${pct(cfg.min)}` : null,
      cfg.max !== undefined ? `≤ ${pct(cfg.max)}` : null,
    ]
      .filter(Boolean)
      .join(' and ');
    return `share of ${cfg.target ?? project.target?.column} = ${pos} ${range}; datasets: ${allOr(cfg.datasets, project).join(', ')}`;
  },
  columns: (cfg, project) =>
    needs(allOr(cfg.datasets, project), [
      { column: cfg.target ?? project.target?.column, field: cfg.target ? ['target'] : ['target', 'column'] },
    ]),
  datasets: (cfg, project) => allOr(cfg.datasets, project),
  visitor(cfg, { source, project }) {
    const target = (cfg.target ?? project.target?.column) as string;
    const positive = (cfg.positive ?? project.target?.positive) as string;
    const ti = source.header.indexOf(target);
    const st: PrevState = { positives: 0, labelled: 0, missing: 0, absent: ti < 0 };
    const posNum = toNumber(positive);
    return {
      batch(b) {
        if (ti < 0) return;
        for (const row of b.rows) {
          const v = row[ti] ?? null;
          if (v === null) {
            st.missing++;
            continue;
          }
          st.labelled++;
          if (v === positive || (!Number.isNaN(posNum) && toNumber(v) === posNum)) st.positives++;
        }
      },
      state: () => st,
    };
  },
  finish(cfg, f) {
    return [...f.states].map(([ds, st]) => {
      const path = f.sources.get(ds)?.path ?? ds;
      const target = cfg.target ?? f.ctx.config.target?.column;
      if (st.absent)
        return datasetResult(
          cfg,
          'data.label_prevalence',
          ds,
          'error',
          [],
          `${path}: label column "${target}" not in the file`,
        );
      const p = st.labelled > 0 ? st.positives / st.labelled : Number.NaN;
      const ci = wilson(st.positives, st.labelled);
      const metrics: Metric[] = [];
      if (cfg.min !== undefined)
        metrics.push({ name: 'prevalence', value: p, ci, threshold: { op: '>=', value: cfg.min } });
      if (cfg.max !== undefined)
        metrics.push({ name: 'prevalence', value: p, ci, threshold: { op: '<=', value: cfg.max } });
      const fail =
        Number.isNaN(p) || (cfg.min !== undefined && p < cfg.min) || (cfg.max !== undefined && p > cfg.max);
      return datasetResult(
        cfg,
        'data.label_prevalence',
        ds,
        fail ? 'fail' : 'pass',
        metrics,
        `${path}: ${st.positives} of ${st.labelled} labelled rows positive (${Number.isNaN(p) ? 'no labels' : pct(p)}, 95% CI ${pct(ci[0])}–${pct(ci[1])})${st.missing ? `; ${st.missing} without a label` : ''}`,
        { positives: st.positives, labelled: st.labelled, missing_labels: st.missing },
      );
    });
  },
});

/* ------------------------------------------------------ dataset and subgroup size */

const Subgroup = z.strictObject({
  column: z.string(),
  bins: z
    .array(z.number())
    .min(2)
    .optional()
    .describe('Ascending edges for a numeric column: [21, 40, 120] gives groups [21, 40) and [40, 120).'),
  min_rows: z.number().int().min(0).describe('Fewest rows allowed in each group.'),
});
type SizeCfg = Entry<{
  datasets?: string[] | undefined;
  min_rows?: number | undefined;
  subgroups?: z.infer<typeof Subgroup>[] | undefined;
}>;
interface SizeState {
  rows: number;
  groups: { column: string; absent: boolean; counts: CappedCounts; outside: number; missing: number }[];
}

function binLabel(edges: readonly number[], i: number): string {
  return `[${edges[i]}, ${edges[i + 1]})`;
}

export const sizeCheck = defineStreamingCheck<SizeCfg, SizeState>({
  type: 'data.size',
  description: 'Enough rows overall and in each declared subgroup',
  options: {
    datasets: datasetsOption,
    min_rows: z.number().int().min(0).optional().describe('Fewest rows allowed in the dataset.'),
    subgroups: z
      .array(Subgroup)
      .optional()
      .describe('Subgroups by a category column or numeric bins, each with its minimum size.'),
  },
  validate(cfg, project) {
    const problems = unknownDatasets(cfg.datasets, project);
    if (cfg.min_rows === undefined && !cfg.subgroups?.length)
      problems.push({ path: [], message: 'no bound: set min_rows or subgroups' });
    cfg.subgroups?.forEach((g, i) => {
      if (g.bins?.some((b, k) => k > 0 && b <= (g.bins?.[k - 1] ?? b))) {
        problems.push({ path: ['subgroups', i, 'bins'], message: 'bin edges must be strictly ascending' });
      }
    });
    return problems;
  },
  criterion(cfg, project) {
    const parts = [];
    if (cfg.min_rows !== undefined) parts.push(`≥ ${cfg.min_rows} rows`);
    for (const g of cfg.subgroups ?? [])
      parts.push(
        `≥ ${g.min_rows} rows in each ${g.column} group${g.bins ? ` (bins ${g.bins.join(', ')})` : ''}`,
      );
    return `${parts.join('; ')}; datasets: ${allOr(cfg.datasets, project).join(', ')}`;
  },
  columns: (cfg, project) =>
    needs(
      allOr(cfg.datasets, project),
      (cfg.subgroups ?? []).map((g, i) => ({ column: g.column, field: ['subgroups', i, 'column'] })),
    ),
  datasets: (cfg, project) => allOr(cfg.datasets, project),
  visitor(cfg, { source }) {
    const defs = cfg.subgroups ?? [];
    const idx = defs.map((g) => source.header.indexOf(g.column));
    const st: SizeState = {
      rows: 0,
      groups: defs.map((g, k) => ({
        column: g.column,
        absent: (idx[k] as number) < 0,
        counts: new CappedCounts(1000),
        outside: 0,
        missing: 0,
      })),
    };
    return {
      batch(b) {
        st.rows += b.rows.length;
        defs.forEach((g, k) => {
          const j = idx[k] as number;
          const acc = st.groups[k];
          if (j < 0 || !acc) return;
          for (const row of b.rows) {
            const v = row[j] ?? null;
            if (v === null) {
              acc.missing++;
              continue;
            }
            if (!g.bins) {
              acc.counts.add(v);
              continue;
            }
            const x = toNumber(v);
            const bins = g.bins;
            let i = -1;
            for (let e = 0; e < bins.length - 1; e++)
              if (x >= (bins[e] as number) && x < (bins[e + 1] as number)) i = e;
            if (i < 0) acc.outside++;
            else acc.counts.add(binLabel(bins, i));
          }
        });
      },
      state: () => st,
    };
  },
  finish(cfg, f) {
    return [...f.states].map(([ds, st]) => {
      const path = f.sources.get(ds)?.path ?? ds;
      const sensitive = f.sensitive.get(ds) ?? new Set<string>();
      const metrics: Metric[] = [];
      const problems: string[] = [];
      const groups: { column: string; group: string; rows: number }[] = [];
      if (cfg.min_rows !== undefined) {
        metrics.push({ name: 'rows', value: st.rows, threshold: { op: '>=', value: cfg.min_rows } });
        if (st.rows < cfg.min_rows) problems.push(`${st.rows} rows < ${cfg.min_rows}`);
      }
      (cfg.subgroups ?? []).forEach((g, k) => {
        const acc = st.groups[k];
        if (!acc) return;
        if (acc.absent) {
          problems.push(`${g.column}: column not in the file`);
          return;
        }
        const entries: [string, number][] = g.bins
          ? g.bins
              .slice(0, -1)
              .map((_, i) => [
                binLabel(g.bins as number[], i),
                acc.counts.counts.get(binLabel(g.bins as number[], i)) ?? 0,
              ])
          : [...acc.counts.counts].sort((a, b) => (a[0] < b[0] ? -1 : 1));
        for (const [name, n] of entries) {
          const label = g.bins ? name : shown(name, sensitive.has(g.column));
          groups.push({ column: g.column, group: label, rows: n });
          metrics.push({
            name: `rows:${g.column}=${label}`,
            value: n,
            threshold: { op: '>=', value: g.min_rows },
          });
          if (n < g.min_rows) problems.push(`${g.column} ${label}: ${n} rows < ${g.min_rows}`);
        }
      });
      return datasetResult(
        cfg,
        'data.size',
        ds,
        problems.length ? 'fail' : 'pass',
        metrics,
        problems.length
          ? `${path}: ${problems.join('; ')}`
          : `${path}: ${st.rows} rows; every declared group is large enough`,
        { rows: st.rows, groups },
      );
    });
  },
});
