import {
  type CheckEntry,
  type CheckResult,
  type ConfigProblem,
  nearest,
  type RegopsConfig,
} from '@regops/core';
import { z } from 'zod';
import { defineStreamingCheck, PHI_KEY } from '../stream-check';
import { PHI_SCAN_DEFAULTS, type PhiFinding, PhiScanner } from './scanner';

const options = {
  datasets: z.array(z.string()).optional().describe('Datasets to scan (default: every configured dataset).'),
  min_fraction: z
    .number()
    .gt(0)
    .max(1)
    .default(PHI_SCAN_DEFAULTS.min_fraction)
    .describe(
      'Fraction (0–1] of a column’s scanned non-missing values a value detector must match to flag it (ZIP codes need at least 0.8, person names 0.5).',
    ),
  max_values: z
    .number()
    .int()
    .min(1)
    .default(PHI_SCAN_DEFAULTS.max_values)
    .describe('Non-missing values scanned per column at most; matches are counted in those only.'),
  dates: z
    .boolean()
    .default(PHI_SCAN_DEFAULTS.dates)
    .describe(
      'Also report event dates (columns such as visit_date or admission_date) as `date`, with a warning. Dates of birth are always reported.',
    ),
  mrn_pattern: z
    .string()
    .optional()
    .describe(
      'Regular expression (JavaScript, unicode) for medical record numbers, tested against each trimmed value; anchor it with ^…$. Default: 1–4 letters then 5–10 digits, or MRN followed by digits.',
    ),
  ignore: z
    .array(z.string())
    .default([])
    .describe(
      'Columns not scanned and never reported (e.g. a known-safe coded column the detectors mistake).',
    ),
};

export interface PhiCheckConfig extends CheckEntry {
  datasets?: string[] | undefined;
  min_fraction: number;
  max_values: number;
  dates: boolean;
  mrn_pattern?: string | undefined;
  ignore: string[];
}

/** This entry's own scan, when its options differ from the always-on scan's defaults; else null. */
type PhiState = PhiFinding[] | null;

const MAX_ROWS_LISTED = 5;

function targetDatasets(cfg: PhiCheckConfig, project: RegopsConfig): string[] {
  return cfg.datasets ?? Object.keys(project.datasets);
}

/**
 * Whether the always-on scan (run with the defaults on every dataset pass) answers for this entry. `ignore`
 * and `datasets` only filter its findings; the other options change what is detected, so they need a scan
 * of their own (in the same pass, bounded by max_values like the shared one).
 */
export function needsOwnScan(
  cfg: Pick<PhiCheckConfig, 'min_fraction' | 'max_values' | 'dates' | 'mrn_pattern'>,
) {
  return (
    (cfg.min_fraction ?? PHI_SCAN_DEFAULTS.min_fraction) !== PHI_SCAN_DEFAULTS.min_fraction ||
    (cfg.max_values ?? PHI_SCAN_DEFAULTS.max_values) !== PHI_SCAN_DEFAULTS.max_values ||
    (cfg.dates ?? PHI_SCAN_DEFAULTS.dates) !== PHI_SCAN_DEFAULTS.dates ||
    cfg.mrn_pattern !== undefined
  );
}

/** `email (email, by name)`: the detectors that fired, never a value. */
export function describeFinding(f: PhiFinding): string {
  const parts: string[] = f.detectors.map((d) => d.id);
  if (f.by_name) {
    const same = parts.some((id) => id === f.name_kind || id === `${f.name_kind}-like`);
    parts.push(same ? 'by name' : `by name: ${f.name_kind}`);
  }
  return `${f.column} (${parts.join(', ')})`;
}

function rowsText(findings: PhiFinding[]): string {
  const rows = [...new Set(findings.flatMap((f) => f.example_rows))].sort((a, b) => a - b);
  if (rows.length === 0) return '';
  const shown = rows.slice(0, MAX_ROWS_LISTED);
  return `; row${shown.length > 1 ? 's' : ''} ${shown.join(', ')}${rows.length > shown.length ? ', …' : ''}`;
}

const CATEGORIES = 'names, dates of birth, SSN, MRN, contact details, addresses, ZIP, IP, URL';

export const phiCheck = defineStreamingCheck<PhiCheckConfig, PhiState>({
  type: 'data.phi',
  description:
    'No patient identifiers (names, dates of birth, SSN, MRN, e-mail, phone, address, ZIP, IP, URL) in dataset columns outside privacy.allow_phi',
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
        message: 'no dataset to scan: add one under `datasets:` at the top level',
      });
    }
    if (cfg.mrn_pattern !== undefined) {
      try {
        new RegExp(cfg.mrn_pattern, 'u');
      } catch (e) {
        problems.push({
          path: ['mrn_pattern'],
          message: `not a valid regular expression: ${(e as Error).message}`,
        });
      }
    }
    return problems;
  },
  criterion(cfg, project) {
    const dates = cfg.dates ? '; event dates reported as warnings' : '';
    return `no identifiers (${CATEGORIES}) outside privacy.allow_phi${dates}; datasets: ${targetDatasets(cfg, project).join(', ')}`;
  },
  datasets: targetDatasets,
  visitor(cfg, v) {
    if (!needsOwnScan(cfg)) return { batch() {}, state: () => null };
    const scanner = new PhiScanner(v.source.header, {
      min_fraction: cfg.min_fraction,
      max_values: cfg.max_values,
      dates: cfg.dates,
      mrn_pattern: cfg.mrn_pattern,
      ignore: cfg.ignore,
    });
    return { batch: (b) => scanner.batch(b), state: () => scanner.findings() };
  },
  async finish(cfg, f) {
    const results: CheckResult[] = [];
    const allow = new Set(f.ctx.config.privacy.allow_phi);
    const ignore = new Set(cfg.ignore);
    const own = needsOwnScan(cfg);
    for (const [ds, state] of f.states) {
      const path = f.sources.get(ds)?.path ?? f.ctx.config.datasets[ds]?.path ?? ds;
      const base = {
        id: `${cfg.id}/${ds}`,
        check: 'data.phi',
        title: `${cfg.title ?? 'PHI scan'}: ${ds}`,
        verifies: cfg.verifies,
        controls: cfg.controls,
      };
      let all: PhiFinding[] | undefined;
      if (own) all = state ?? undefined;
      else all = (await f.ctx.services.scan(ds)).byCheck.get(PHI_KEY) as PhiFinding[] | undefined;
      if (!Array.isArray(all)) {
        // Fail closed: no scan is not a clean scan.
        results.push({
          ...base,
          status: 'error',
          metrics: [{ name: 'phi_columns', value: null, threshold: { op: '<=', value: 0 } }],
          message: `${path}: the PHI scan produced no findings for dataset ${ds}; the data pass did not run the scanner`,
          details: { dataset: ds },
        });
        continue;
      }
      const findings = all.filter((x) => !ignore.has(x.column));
      const allowed = findings.filter((x) => allow.has(x.column));
      const open = findings.filter((x) => !allow.has(x.column));
      const high = open.filter((x) => x.severity === 'high');
      const low = open.filter((x) => x.severity === 'low');
      const status = high.length > 0 ? 'fail' : low.length > 0 ? 'warn' : 'pass';
      const allowedText =
        allowed.length > 0
          ? `${allowed.length} flagged column(s) declared in privacy.allow_phi: ${allowed.map((x) => x.column).join(', ')}`
          : '';
      let message: string;
      if (status === 'pass') {
        message = `${path}: no possible PHI outside privacy.allow_phi${allowedText ? `; ${allowedText}` : ''}`;
      } else {
        const what = high.length > 0 ? 'possible PHI' : 'dates';
        message =
          `${path}: ${what} in ${open.length} column(s) not declared in privacy.allow_phi: ` +
          `${open.map(describeFinding).join(', ')}${rowsText(open)}${allowedText ? `; ${allowedText}` : ''}`;
      }
      results.push({
        ...base,
        status,
        metrics: [
          { name: 'phi_columns', value: high.length, threshold: { op: '<=', value: 0 } },
          { name: 'date_columns', value: low.length },
          { name: 'allowed_phi_columns', value: allowed.length },
        ],
        message,
        details: {
          dataset: ds,
          scan: own ? 'own' : 'shared',
          options: {
            min_fraction: cfg.min_fraction,
            max_values: cfg.max_values,
            dates: cfg.dates,
            ...(cfg.mrn_pattern !== undefined ? { mrn_pattern: cfg.mrn_pattern } : {}),
          },
          ignored: cfg.ignore,
          not_allowed: open.map((x) => x.column),
          allowed: allowed.map((x) => x.column),
          findings,
        },
      });
    }
    return results;
  },
});
