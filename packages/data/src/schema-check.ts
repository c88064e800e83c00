import path from 'node:path';
import {
  type CheckEntry,
  type CheckResult,
  type ConfigProblem,
  displayPath,
  parseWith,
  readYamlFile,
  type Table,
} from '@regops/core';
import { z } from 'zod';
import { allOr, rowsText, unknownDatasets } from './checks/common';
import { defineStreamingCheck } from './stream-check';

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
  columns: z.record(z.string(), ColumnSpec).optional().describe('Declared columns by name.'),
  schema: z
    .string()
    .optional()
    .describe(
      'A schema file (YAML with `columns:`, e.g. from `regops data infer-schema`), instead of `columns`.',
    ),
  allow_extra_columns: z.boolean().default(true).describe('Whether columns not declared here are accepted.'),
};

export interface SchemaCheckConfig extends CheckEntry {
  datasets?: string[] | undefined;
  columns?: Record<string, ColumnSpec> | undefined;
  schema?: string | undefined;
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

/** Checks the cells of one column against its declared spec, one cell at a time (bounded memory). */
export class ColumnChecker {
  private n = 0;
  private missing = 0;
  private readonly missingRows: number[] = [];
  private readonly acc = new Map<ColumnFinding['problem'], { count: number; rows: number[]; text: string }>();
  private readonly tests: {
    problem: ColumnFinding['problem'];
    text: string;
    test: (v: string) => boolean;
  }[] = [];

  constructor(
    readonly name: string,
    private readonly spec: ColumnSpec,
  ) {
    const isNumber = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));
    const t = this.tests;
    if (spec.type === 'number')
      t.push({ problem: 'type', text: 'value(s) that are not numbers', test: (v) => !isNumber(v) });
    if (spec.type === 'integer') {
      t.push({
        problem: 'type',
        text: 'value(s) that are not integers',
        test: (v) => !isNumber(v) || !Number.isInteger(Number(v)),
      });
    }
    if (spec.type === 'boolean')
      t.push({ problem: 'type', text: 'value(s) that are not booleans', test: (v) => !BOOL.has(v.trim()) });
    const { min, max, allowed, pattern } = spec;
    if (min !== undefined)
      t.push({
        problem: 'below_min',
        text: `value(s) below the minimum ${min}`,
        test: (v) => isNumber(v) && Number(v) < min,
      });
    if (max !== undefined)
      t.push({
        problem: 'above_max',
        text: `value(s) above the maximum ${max}`,
        test: (v) => isNumber(v) && Number(v) > max,
      });
    if (allowed) {
      const set = new Set(allowed);
      t.push({
        problem: 'not_allowed',
        text: `value(s) outside the allowed set {${allowed.join(', ')}}`,
        test: (v) => !set.has(v),
      });
    }
    if (pattern !== undefined) {
      const re = new RegExp(pattern, 'u');
      t.push({ problem: 'pattern', text: `value(s) not matching /${pattern}/`, test: (v) => !re.test(v) });
    }
  }

  /** One cell; `row` is its 1-based data-row number. */
  add(v: string | null, row: number): void {
    this.n++;
    if (v === null) {
      this.missing++;
      if (this.missingRows.length < MAX_ROWS_LISTED) this.missingRows.push(row);
      return;
    }
    for (const t of this.tests) {
      if (!t.test(v)) continue;
      let a = this.acc.get(t.problem);
      if (!a) {
        a = { count: 0, rows: [], text: t.text };
        this.acc.set(t.problem, a);
      }
      a.count++;
      if (a.rows.length < MAX_ROWS_LISTED) a.rows.push(row);
    }
  }

  findings(): ColumnFinding[] {
    const { name, spec, n, missing } = this;
    const out: ColumnFinding[] = [];
    if (!spec.nullable && missing > 0) {
      out.push({
        column: name,
        problem: 'not_nullable',
        count: missing,
        rows: this.missingRows,
        text: `${missing} missing value(s), but the column is declared nullable: false${rowsText(this.missingRows, missing)}`,
      });
    }
    if (spec.max_missing !== undefined && n > 0 && missing / n > spec.max_missing) {
      out.push({
        column: name,
        problem: 'too_many_missing',
        count: missing,
        rows: [],
        text: `${((100 * missing) / n).toFixed(1)}% missing (${missing}/${n}), above the allowed ${(100 * spec.max_missing).toFixed(1)}%`,
      });
    }
    for (const t of this.tests) {
      const a = this.acc.get(t.problem);
      if (a && !out.some((f) => f.problem === t.problem)) {
        out.push({
          column: name,
          problem: t.problem,
          count: a.count,
          rows: a.rows,
          text: `${a.count} ${a.text}${rowsText(a.rows, a.count)}`,
        });
      }
    }
    return out;
  }
}

/** Check one column of an in-memory table against its declared spec. */
export function checkColumn(table: Table, name: string, spec: ColumnSpec): ColumnFinding[] {
  const checker = new ColumnChecker(name, spec);
  table.column(name).forEach((v, r) => {
    checker.add(v, r + 1);
  });
  return checker.findings();
}

export const SchemaFile = z.strictObject({ columns: z.record(z.string(), ColumnSpec) });

const schemaFiles = new Map<string, Record<string, ColumnSpec>>();

/** The declared columns: the entry's own, or those of its schema file (read once, errors with file and line). */
function declaredColumns(cfg: SchemaCheckConfig, rootDir: string): Record<string, ColumnSpec> {
  if (cfg.columns) return cfg.columns;
  const abs = path.resolve(rootDir, cfg.schema ?? '');
  let cols = schemaFiles.get(abs);
  if (!cols) {
    cols = parseWith(SchemaFile, readYamlFile(abs, displayPath(abs), 'schema file')).columns;
    schemaFiles.set(abs, cols);
  }
  return cols;
}

interface SchemaState {
  columns: Record<string, ColumnSpec>;
  path: string;
  rows: number;
  header: string[];
  checkers: ColumnChecker[];
  indexes: number[];
}

export const dataSchemaCheck = defineStreamingCheck<SchemaCheckConfig, SchemaState>({
  type: 'data.schema',
  description: 'Dataset matches its declared schema (columns, types, ranges, allowed values, missingness)',
  options,
  validate(cfg, project) {
    const problems: ConfigProblem[] = unknownDatasets(cfg.datasets, project);
    if ((cfg.columns === undefined) === (cfg.schema === undefined)) {
      problems.push({
        path: [],
        message: 'give the columns either inline (`columns:`) or in a file (`schema:`), not both or neither',
      });
    }
    for (const [col, spec] of Object.entries(cfg.columns ?? {})) {
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
    const cols = cfg.columns ? `${Object.keys(cfg.columns).length}` : `the schema file ${cfg.schema}:`;
    return `${cols} declared column(s) present with declared types, ranges, allowed values and missingness${cfg.allow_extra_columns ? '' : ', no other columns'}; datasets: ${allOr(cfg.datasets, project).join(', ')}`;
  },
  datasets: (cfg, project) => allOr(cfg.datasets, project),
  visitor(cfg, { source, rootDir }) {
    const columns = declaredColumns(cfg, rootDir);
    const declared = Object.entries(columns).filter(([col]) => source.header.includes(col));
    const st: SchemaState = {
      columns,
      path: source.path,
      rows: 0,
      header: source.header,
      checkers: declared.map(([col, spec]) => new ColumnChecker(col, spec)),
      indexes: declared.map(([col]) => source.header.indexOf(col)),
    };
    return {
      batch(b) {
        for (let i = 0; i < b.rows.length; i++) {
          const row = b.rows[i] as (string | null)[];
          for (let k = 0; k < st.checkers.length; k++) {
            (st.checkers[k] as ColumnChecker).add(row[st.indexes[k] as number] ?? null, b.start + i);
          }
        }
        st.rows += b.rows.length;
      },
      state: () => st,
    };
  },
  finish(cfg, f) {
    const results: CheckResult[] = [];
    for (const [dsName, st] of f.states) {
      const findings: ColumnFinding[] = [];
      for (const col of Object.keys(st.columns)) {
        if (!st.header.includes(col)) {
          findings.push({
            column: col,
            problem: 'missing_column',
            count: 1,
            rows: [],
            text: 'declared column is not in the file',
          });
        }
      }
      for (const c of st.checkers) findings.push(...c.findings());
      if (!cfg.allow_extra_columns) {
        for (const col of st.header) {
          if (!(col in st.columns)) {
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
        (s, x) => s + (x.problem === 'missing_column' || x.problem === 'extra_column' ? 0 : x.count),
        0,
      );
      const status = findings.length === 0 ? 'pass' : 'fail';
      const summary = findings.slice(0, 3).map((x) => `${x.column}: ${x.text}`);
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
          { name: 'rows', value: st.rows },
        ],
        message:
          status === 'pass'
            ? `${st.path}: ${Object.keys(st.columns).length} declared column(s) conform in ${st.rows} rows`
            : `${st.path}: ${summary.join('; ')}${more}`,
        details: { dataset: dsName, findings },
      });
    }
    return results;
  },
});
