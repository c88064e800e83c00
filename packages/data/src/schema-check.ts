import {
  type Check,
  type CheckEntry,
  type CheckResult,
  type ConfigProblem,
  nearest,
  type RegopsConfig,
  type Table,
} from '@regops/core';
import { z } from 'zod';

export const ColumnSpec = z.strictObject({
  type: z.enum(['number', 'integer', 'string', 'boolean']).describe('Value type of every non-missing cell.'),
  nullable: z.boolean().default(true).describe('Whether missing cells are allowed at all.'),
  max_missing: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Largest allowed fraction of missing cells (0–1).'),
  min: z.number().optional().describe('Smallest allowed value (numbers).'),
  max: z.number().optional().describe('Largest allowed value (numbers).'),
  allowed: z
    .array(z.union([z.string(), z.number(), z.boolean()]).transform(String))
    .optional()
    .describe('The only values allowed (categories).'),
  pattern: z.string().optional().describe('Regular expression every value must match (strings).'),
  unit: z.string().optional().describe('Unit of measure, recorded in the evidence and dataset card.'),
  description: z.string().optional(),
});
export type ColumnSpec = z.infer<typeof ColumnSpec>;

const options = {
  datasets: z.array(z.string()).optional().describe('Datasets to check (default: every configured dataset).'),
  columns: z.record(z.string(), ColumnSpec).describe('Declared columns by name.'),
  allow_extra_columns: z.boolean().default(true).describe('Whether columns not declared here are accepted.'),
};

export interface SchemaCheckConfig extends CheckEntry {
  datasets?: string[] | undefined;
  columns: Record<string, ColumnSpec>;
  allow_extra_columns: boolean;
}

export interface ColumnFinding {
  column: string;
  problem:
    | 'missing_column'
    | 'extra_column'
    | 'not_nullable'
    | 'too_many_missing'
    | 'type'
    | 'below_min'
    | 'above_max'
    | 'not_allowed'
    | 'pattern';
  /** Number of offending cells (1 for column-level problems). */
  count: number;
  /** First offending data rows (1-based, header not counted). Row numbers only: never cell values. */
  rows: number[];
  text: string;
}

const MAX_ROWS_LISTED = 5;
const BOOL = new Set(['true', 'false', 'TRUE', 'FALSE', 'True', 'False', '0', '1']);

function targetDatasets(cfg: SchemaCheckConfig, project: RegopsConfig): string[] {
  return cfg.datasets ?? Object.keys(project.datasets);
}

function rowsText(rows: number[], count: number): string {
  if (rows.length === 0) return '';
  const more = count > rows.length ? `, … ${count - rows.length} more` : '';
  return ` (row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}${more})`;
}

/** Check one column of a table against its declared spec. */
export function checkColumn(table: Table, name: string, spec: ColumnSpec): ColumnFinding[] {
  const findings: ColumnFinding[] = [];
  const raw = table.column(name);
  const n = raw.length;
  const cellProblem = (problem: ColumnFinding['problem'], text: string, test: (v: string) => boolean) => {
    const rows: number[] = [];
    let count = 0;
    for (let r = 0; r < n; r++) {
      const v = raw[r];
      if (v === null || v === undefined) continue;
      if (test(v)) {
        count++;
        if (rows.length < MAX_ROWS_LISTED) rows.push(r + 1);
      }
    }
    if (count > 0)
      findings.push({ column: name, problem, count, rows, text: `${count} ${text}${rowsText(rows, count)}` });
  };

  let missing = 0;
  const missingRows: number[] = [];
  raw.forEach((v, r) => {
    if (v === null) {
      missing++;
      if (missingRows.length < MAX_ROWS_LISTED) missingRows.push(r + 1);
    }
  });
  if (!spec.nullable && missing > 0) {
    findings.push({
      column: name,
      problem: 'not_nullable',
      count: missing,
      rows: missingRows,
      text: `${missing} missing value(s), but the column is declared nullable: false${rowsText(missingRows, missing)}`,
    });
  }
  if (spec.max_missing !== undefined && n > 0 && missing / n > spec.max_missing) {
    findings.push({
      column: name,
      problem: 'too_many_missing',
      count: missing,
      rows: [],
      text: `${((100 * missing) / n).toFixed(1)}% missing (${missing}/${n}), above the allowed ${(100 * spec.max_missing).toFixed(1)}%`,
    });
  }
  const isNumber = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));
  if (spec.type === 'number') cellProblem('type', 'value(s) that are not numbers', (v) => !isNumber(v));
  if (spec.type === 'integer')
    cellProblem(
      'type',
      'value(s) that are not integers',
      (v) => !isNumber(v) || !Number.isInteger(Number(v)),
    );
  if (spec.type === 'boolean')
    cellProblem('type', 'value(s) that are not booleans', (v) => !BOOL.has(v.trim()));
  if (spec.min !== undefined) {
    const min = spec.min;
    cellProblem('below_min', `value(s) below the minimum ${min}`, (v) => isNumber(v) && Number(v) < min);
  }
  if (spec.max !== undefined) {
    const max = spec.max;
    cellProblem('above_max', `value(s) above the maximum ${max}`, (v) => isNumber(v) && Number(v) > max);
  }
  if (spec.allowed) {
    const allowed = new Set(spec.allowed);
    cellProblem(
      'not_allowed',
      `value(s) outside the allowed set {${spec.allowed.join(', ')}}`,
      (v) => !allowed.has(v),
    );
  }
  if (spec.pattern !== undefined) {
    const re = new RegExp(spec.pattern, 'u');
    cellProblem('pattern', `value(s) not matching /${spec.pattern}/`, (v) => !re.test(v));
  }
  return findings;
}

export const dataSchemaCheck: Check<SchemaCheckConfig> = {
  type: 'data.schema',
  stage: 'data',
  description: 'Dataset matches its declared schema (columns, types, ranges, allowed values, missingness)',
  options,
  validate(cfg, project) {
    const problems: ConfigProblem[] = [];
    const known = Object.keys(project.datasets);
    (cfg.datasets ?? []).forEach((name, k) => {
      if (!known.includes(name)) {
        const hint = nearest(name, known);
        problems.push({
          path: ['datasets', k],
          message: `unknown dataset "${name}"${hint ? `; did you mean "${hint}"?` : ''} (defined: ${known.join(', ') || 'none'})`,
        });
      }
    });
    if (targetDatasets(cfg, project).length === 0) {
      problems.push({
        path: ['datasets'],
        message: 'no dataset to check: add one under `datasets:` at the top level',
      });
    }
    for (const [col, spec] of Object.entries(cfg.columns)) {
      if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
        problems.push({
          path: ['columns', col],
          message: `min (${spec.min}) is greater than max (${spec.max})`,
        });
      }
      if (spec.pattern !== undefined) {
        try {
          new RegExp(spec.pattern, 'u');
        } catch (e) {
          problems.push({
            path: ['columns', col, 'pattern'],
            message: `not a valid regular expression: ${(e as Error).message}`,
          });
        }
      }
    }
    return problems;
  },
  criterion(cfg, project) {
    const cols = Object.keys(cfg.columns).length;
    return `${cols} declared column(s) present with declared types, ranges, allowed values and missingness${cfg.allow_extra_columns ? '' : ', no other columns'}; datasets: ${targetDatasets(cfg, project).join(', ')}`;
  },
  async run(ctx, cfg) {
    const results: CheckResult[] = [];
    for (const dsName of targetDatasets(cfg, ctx.config)) {
      const table = await ctx.services.loadTable(dsName);
      const findings: ColumnFinding[] = [];
      for (const [col, spec] of Object.entries(cfg.columns)) {
        if (!table.hasColumn(col)) {
          findings.push({
            column: col,
            problem: 'missing_column',
            count: 1,
            rows: [],
            text: 'declared column is not in the file',
          });
          continue;
        }
        findings.push(...checkColumn(table, col, spec));
      }
      if (!cfg.allow_extra_columns) {
        for (const col of table.header) {
          if (!(col in cfg.columns)) {
            findings.push({
              column: col,
              problem: 'extra_column',
              count: 1,
              rows: [],
              text: 'column is not declared (allow_extra_columns: false)',
            });
          }
        }
      }
      const cells = findings.reduce(
        (s, f) => s + (f.problem === 'missing_column' || f.problem === 'extra_column' ? 0 : f.count),
        0,
      );
      const status = findings.length === 0 ? 'pass' : 'fail';
      const summary = findings.slice(0, 3).map((f) => `${f.column}: ${f.text}`);
      const more = findings.length > 3 ? `; … ${findings.length - 3} more finding(s)` : '';
      results.push({
        id: `${cfg.id}/${dsName}`,
        check: 'data.schema',
        title: `${cfg.title ?? 'Schema'}: ${dsName}`,
        status,
        verifies: cfg.verifies,
        controls: cfg.controls,
        metrics: [
          { name: 'schema_findings', value: findings.length, threshold: { op: '<=', value: 0 } },
          { name: 'offending_cells', value: cells },
          { name: 'rows', value: table.rowCount },
        ],
        message:
          status === 'pass'
            ? `${table.path}: ${Object.keys(cfg.columns).length} declared column(s) conform in ${table.rowCount} rows`
            : `${table.path}: ${summary.join('; ')}${more}`,
        details: { dataset: dsName, findings },
      });
    }
    return results;
  },
};
