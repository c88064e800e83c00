import path from 'node:path';
import { z } from 'zod';
import { cellsKey, hashKey } from '../hash';
import { type Spill, spillFor } from '../spill';
import { defineStreamingCheck } from '../stream-check';
import { allOr, datasetResult, datasetsOption, type Entry, needs, unknownDatasets } from './common';

type Cfg = Entry<{
  datasets?: string[] | undefined;
  target?: string | undefined;
  features?: string[] | undefined;
  max_rows: number;
}>;

interface State {
  spill: Spill;
  rows: number;
  skippedNoLabel: number;
  missing: string[];
}

function targetOf(cfg: Cfg, project: { target?: { column: string } | undefined }): string | undefined {
  return cfg.target ?? project.target?.column;
}

/**
 * Rows whose feature values are identical but whose labels differ: every row of a group of identical feature
 * vectors that holds more than one distinct label counts (rows with a missing label are left out).
 */
export const conflictingLabelsCheck = defineStreamingCheck<Cfg, State>({
  type: 'data.conflicting_labels',
  description: 'No rows with identical features and different labels',
  options: {
    datasets: datasetsOption,
    target: z.string().optional().describe('Label column (default: target.column).'),
    features: z
      .array(z.string())
      .min(1)
      .optional()
      .describe('Feature columns (default: model.features, else all but the label).'),
    max_rows: z.number().int().min(0).default(0).describe('Largest number of rows in conflicting groups.'),
  },
  validate(cfg, project) {
    const problems = unknownDatasets(cfg.datasets, project);
    if (!targetOf(cfg, project))
      problems.push({
        path: ['target'],
        message: 'no label column: set target here or target.column at the top level',
      });
    return problems;
  },
  criterion: (cfg, project) =>
    `≤ ${cfg.max_rows} row(s) with identical features and a different ${targetOf(cfg, project)}; datasets: ${allOr(cfg.datasets, project).join(', ')}`,
  columns: (cfg, project) =>
    needs(allOr(cfg.datasets, project), [
      { column: targetOf(cfg, project), field: cfg.target ? ['target'] : ['target', 'column'] },
      ...(cfg.features ?? project.model?.features ?? []).map((column, k) => ({
        column,
        field: cfg.features ? ['features', k] : ['model', 'features', k],
      })),
    ]),
  datasets: (cfg, project) => allOr(cfg.datasets, project),
  visitor(cfg, { source, project, rootDir }) {
    const target = targetOf(cfg, project) as string;
    const features = cfg.features ?? project.model?.features ?? source.header.filter((c) => c !== target);
    const fi = features.map((c) => source.header.indexOf(c));
    const ti = source.header.indexOf(target);
    const st: State = {
      spill: spillFor(path.resolve(rootDir, source.path)),
      rows: 0,
      skippedNoLabel: 0,
      missing: [...features, target].filter((c) => !source.header.includes(c)),
    };
    return {
      batch(b) {
        if (st.missing.length > 0) return;
        for (let i = 0; i < b.rows.length; i++) {
          const row = b.rows[i] as (string | null)[];
          const label = row[ti];
          if (label === null || label === undefined) {
            st.skippedNoLabel++;
            continue;
          }
          st.spill.add(hashKey(cellsKey(fi.map((j) => row[j]))), `${b.start + i}\u001f${hashKey(label)}`);
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
        if (st.missing.length > 0) {
          return datasetResult(
            cfg,
            'data.conflicting_labels',
            ds,
            'error',
            [],
            `${path}: column(s) not in the file: ${st.missing.join(', ')}`,
          );
        }
        let conflictingRows = 0;
        let groups = 0;
        const examples: number[][] = [];
        for (let p = 0; p < st.spill.partitions; p++) {
          const byKey = new Map<string, { rows: number[]; labels: Set<string> }>();
          for (const { key, payload } of st.spill.read(p)) {
            const [row, label] = payload.split('\u001f') as [string, string];
            const g = byKey.get(key) ?? { rows: [], labels: new Set<string>() };
            g.rows.push(Number(row));
            g.labels.add(label);
            byKey.set(key, g);
          }
          for (const g of byKey.values()) {
            if (g.labels.size > 1) {
              groups++;
              conflictingRows += g.rows.length;
              examples.push(g.rows.slice(0, 4));
            }
          }
        }
        examples.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
        const fail = conflictingRows > cfg.max_rows;
        const ex = examples
          .slice(0, 3)
          .map((rows) => `rows ${rows.join(', ')}`)
          .join('; ');
        return datasetResult(
          cfg,
          'data.conflicting_labels',
          ds,
          fail ? 'fail' : 'pass',
          [
            {
              name: 'conflicting_rows',
              value: conflictingRows,
              threshold: { op: '<=', value: cfg.max_rows },
            },
            { name: 'conflicting_groups', value: groups },
          ],
          `${path}: ${conflictingRows} row(s) in ${groups} group(s) of identical features with different labels${ex ? ` (${ex})` : ''}`,
          {
            rows: st.rows,
            conflicting_rows: conflictingRows,
            groups,
            rows_without_label: st.skippedNoLabel,
            examples: examples.slice(0, 5),
          },
        );
      } finally {
        st.spill.dispose();
      }
    });
  },
});
