import path from 'node:path';
import { z } from 'zod';
import { cellsKey, hashKey, rowKeys } from '../hash';
import { type Spill, spillFor } from '../spill';
import { defineStreamingCheck } from '../stream-check';
import {
  allOr,
  columnsOption,
  datasetResult,
  datasetsOption,
  type Entry,
  listedColumns,
  pct,
  unknownDatasets,
} from './common';

type Cfg = Entry<{ datasets?: string[] | undefined; columns?: string[] | undefined; max_fraction: number }>;

interface State {
  spill: Spill;
  rows: number;
  missingColumns: string[];
}

export interface DuplicateSummary {
  /** Rows that repeat an earlier row (pandas `duplicated().sum()`). */
  duplicates: number;
  /** Up to 5 examples: a duplicate row and the first row it repeats (row numbers only). */
  examples: { row: number; first: number }[];
}

/** Count keys seen before, partition by partition (records carry the row number as payload). */
export function countRepeats(spill: Spill): DuplicateSummary {
  let duplicates = 0;
  const examples: { row: number; first: number }[] = [];
  for (let p = 0; p < spill.partitions; p++) {
    const first = new Map<string, number>();
    for (const { key, payload } of spill.read(p)) {
      const row = Number(payload);
      const seen = first.get(key);
      if (seen === undefined) first.set(key, row);
      else {
        duplicates++;
        examples.push({ row, first: seen });
      }
    }
  }
  examples.sort((a, b) => a.row - b.row);
  return { duplicates, examples: examples.slice(0, 5) };
}

export const duplicatesCheck = defineStreamingCheck<Cfg, State>({
  type: 'data.duplicates',
  description: 'Duplicate rows within bounds (exact match over the chosen columns)',
  options: {
    datasets: datasetsOption,
    columns: columnsOption,
    max_fraction: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe('Largest fraction of rows that repeat an earlier row.'),
  },
  validate: (cfg, project) => unknownDatasets(cfg.datasets, project),
  criterion: (cfg, project) =>
    `rows repeating an earlier row${cfg.columns ? ` (on ${cfg.columns.join(', ')})` : ''} ≤ ${pct(cfg.max_fraction)}; datasets: ${allOr(cfg.datasets, project).join(', ')}`,
  columns: listedColumns,
  datasets: (cfg, project) => allOr(cfg.datasets, project),
  visitor(cfg, { source, rootDir }) {
    const idx = (cfg.columns ?? source.header).map((c) => source.header.indexOf(c));
    const st: State = {
      spill: spillFor(path.resolve(rootDir, source.path)),
      rows: 0,
      missingColumns: (cfg.columns ?? []).filter((c) => !source.header.includes(c)),
    };
    return {
      batch(b) {
        // Whole rows share their keys with the other checks of the same pass.
        const keys = cfg.columns ? null : rowKeys(b.rows);
        for (let i = 0; i < b.rows.length; i++) {
          const row = b.rows[i] as (string | null)[];
          const key = keys ? (keys[i] as string) : hashKey(cellsKey(idx.map((j) => (j < 0 ? null : row[j]))));
          st.spill.add(key, String(b.start + i));
        }
        st.rows += b.rows.length;
      },
      state: () => st,
    };
  },
  finish(cfg, f) {
    return [...f.states].map(([ds, st]) => {
      const path = f.sources.get(ds)?.path ?? ds;
      try {
        if (st.missingColumns.length > 0) {
          return datasetResult(
            cfg,
            'data.duplicates',
            ds,
            'error',
            [],
            `${path}: column(s) not in the file: ${st.missingColumns.join(', ')}`,
          );
        }
        const { duplicates, examples } = countRepeats(st.spill);
        const frac = st.rows > 0 ? duplicates / st.rows : 0;
        const fail = frac > cfg.max_fraction;
        const ex = examples.map((e) => `row ${e.row} = row ${e.first}`).join(', ');
        return datasetResult(
          cfg,
          'data.duplicates',
          ds,
          fail ? 'fail' : 'pass',
          [
            { name: 'duplicate_fraction', value: frac, threshold: { op: '<=', value: cfg.max_fraction } },
            { name: 'duplicate_rows', value: duplicates },
          ],
          `${path}: ${duplicates} of ${st.rows} rows repeat an earlier row (${pct(frac)})${ex ? `: ${ex}${duplicates > examples.length ? ', …' : ''}` : ''}`,
          { rows: st.rows, duplicates, examples },
        );
      } finally {
        st.spill.dispose();
      }
    });
  },
});
