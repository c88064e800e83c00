import type { RowBatch, RowVisitor } from '../types';
import {
  BIT,
  DEFAULT_MRN_PATTERN,
  isEventDateName,
  matchValue,
  nameKind,
  type PhiNameKind,
  type PhiValueId,
  VALUE_DETECTORS,
} from './detect';

export interface PhiScanOptions {
  /** Fraction of a column's scanned non-missing values a value detector must match (default 0.3; ZIP ≥ 0.8). */
  min_fraction?: number;
  /** Non-missing values scanned per column at most (default 20 000); later values are not looked at. */
  max_values?: number;
  /** Also report date columns named as events (visit_date, admission…) as `date` (default false). */
  dates?: boolean;
  /** MRN pattern (regular expression source or RegExp); default: 1–4 letters then 5–10 digits, or MRN + digits. */
  mrn_pattern?: string | RegExp;
  /** Columns not scanned and never reported. */
  ignore?: readonly string[];
}

export const PHI_SCAN_DEFAULTS = { min_fraction: 0.3, max_values: 20_000, dates: false } as const;

export interface PhiDetectorHit {
  id: PhiValueId;
  /** Scanned values that matched. */
  matches: number;
  /** Non-missing values scanned in this column (at most max_values). */
  scanned: number;
}

/** One column that may hold PHI. Row numbers only: never a value, not even masked. */
export interface PhiFinding {
  column: string;
  /** Value detectors whose match fraction reached their threshold. */
  detectors: PhiDetectorHit[];
  /** The column name alone says identifier. */
  by_name: boolean;
  /** What the name says (null when not by name). */
  name_kind: PhiNameKind | null;
  /** low: only event dates (reported with dates: true); high: anything else. */
  severity: 'high' | 'low';
  /** First (up to 3) 1-based data rows whose value matched a reported detector. */
  example_rows: number[];
}

const EXAMPLES = 3;
/** Distinct full-name-like values needed to call a column without a name-like name a names column. */
export const MIN_DISTINCT_NAMES = 50;

/** Detector order of the report, with the bit each counts. */
const COUNTED: readonly { id: PhiValueId; bit: number }[] = [
  { id: 'person-name', bit: BIT.name },
  { id: 'date-of-birth', bit: BIT.birthDate },
  { id: 'date', bit: BIT.date },
  { id: 'ssn-like', bit: BIT.ssn },
  { id: 'mrn-like', bit: BIT.mrn },
  { id: 'email', bit: BIT.email },
  { id: 'phone', bit: BIT.phone },
  { id: 'address', bit: BIT.address },
  { id: 'zip', bit: BIT.zip },
  { id: 'ip', bit: BIT.ip },
  { id: 'url', bit: BIT.url },
];
/** Counters: one per COUNTED entry, then full names (2–3 words). */
const FULL_NAME = COUNTED.length;

const FLOOR = new Map(VALUE_DETECTORS.map((d) => [d.id, d.min_fraction_floor ?? 0]));

interface ColumnState {
  index: number;
  name: string;
  kind: PhiNameKind | null;
  scanned: number;
  counts: number[];
  rows: number[][];
  /** Hashes of distinct full-name-like values, up to MIN_DISTINCT_NAMES (hashes, not the values). */
  names: Set<number>;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function compileMrn(p: string | RegExp | undefined): RegExp {
  if (p === undefined) return DEFAULT_MRN_PATTERN;
  // No g/y flags: `test` must not carry state from one cell to the next.
  return typeof p === 'string' ? new RegExp(p, 'u') : new RegExp(p.source, p.flags.replace(/[gy]/g, ''));
}

/**
 * Scans every column of one dataset pass for identifiers (see detect.ts), looking at no more than
 * `max_values` non-missing values per column. Holds counts, row numbers and hashes, never a cell value.
 */
export class PhiScanner implements RowVisitor {
  private readonly minFraction: number;
  private readonly maxValues: number;
  private readonly dates: boolean;
  private readonly mrn: RegExp;
  private readonly columns: ColumnState[];
  private open: number;

  constructor(
    readonly header: readonly string[],
    options: PhiScanOptions = {},
  ) {
    this.minFraction = options.min_fraction ?? PHI_SCAN_DEFAULTS.min_fraction;
    this.maxValues = options.max_values ?? PHI_SCAN_DEFAULTS.max_values;
    this.dates = options.dates ?? PHI_SCAN_DEFAULTS.dates;
    this.mrn = compileMrn(options.mrn_pattern);
    const ignore = new Set(options.ignore ?? []);
    this.columns = [];
    header.forEach((name, index) => {
      if (ignore.has(name)) return;
      this.columns.push({
        index,
        name,
        kind: nameKind(name),
        scanned: 0,
        counts: new Array(COUNTED.length + 1).fill(0),
        rows: [...COUNTED, null].map(() => []),
        names: new Set(),
      });
    });
    this.open = this.maxValues > 0 ? this.columns.length : 0;
  }

  /** True once every column has had max_values non-missing values looked at: later batches are skipped. */
  get done(): boolean {
    return this.open === 0;
  }

  batch(b: RowBatch): void {
    if (this.open === 0) return;
    const rows = b.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as (string | null)[];
      const rowNo = b.start + r;
      for (const c of this.columns) {
        if (c.scanned >= this.maxValues) continue;
        const raw = row[c.index];
        if (raw === null || raw === undefined) continue;
        const v = raw.trim();
        if (v === '') continue;
        c.scanned++;
        if (c.scanned === this.maxValues) this.open--;
        const bits = matchValue(v, this.mrn);
        if (bits === 0) continue;
        for (let k = 0; k < COUNTED.length; k++) {
          if (bits & (COUNTED[k] as { bit: number }).bit) {
            c.counts[k] = (c.counts[k] as number) + 1;
            const ex = c.rows[k] as number[];
            if (ex.length < EXAMPLES) ex.push(rowNo);
          }
        }
        if (bits & BIT.fullName) {
          c.counts[FULL_NAME] = (c.counts[FULL_NAME] as number) + 1;
          const ex = c.rows[FULL_NAME] as number[];
          if (ex.length < EXAMPLES) ex.push(rowNo);
          if (c.names.size < MIN_DISTINCT_NAMES) c.names.add(fnv1a(v));
        }
      }
      if (this.open === 0) return;
    }
  }

  /**
   * Flagged columns, in header order. JSON-serialisable; holds no value.
   *
   * A value detector reports a column when its matches / scanned ≥ max(min_fraction, its floor): ZIP 0.8,
   * person name 0.5. Extra rules:
   * - person-name: with a name-like column name, 1–3 capitalised words; otherwise only 2–3-word values count
   *   and the column needs ≥ 50 distinct of them (keeps Male/Female, Placebo/Treatment, city lists out).
   * - date-of-birth: dates with a year from 1900 to this year, when the name hints birth (dob, birth_date…)
   *   or does not name an event (admission, visit, sample, collected, ts…: see isEventDateName).
   * - date: any date, only with `dates: true` and when the column is not already date-of-birth; a column
   *   whose only finding is `date` (and not by name) has severity low.
   * A column is also reported, with or without value detectors, when its name alone says identifier.
   */
  findings(): PhiFinding[] {
    const out: PhiFinding[] = [];
    for (const c of this.columns) {
      const detectors: PhiDetectorHit[] = [];
      const exampleRows = new Set<number>();
      const reaches = (id: PhiValueId, matches: number) =>
        c.scanned > 0 && matches / c.scanned >= Math.max(this.minFraction, FLOOR.get(id) ?? 0);
      let birth = false;
      COUNTED.forEach(({ id }, k) => {
        let matches = c.counts[k] as number;
        let rows = c.rows[k] as number[];
        if (id === 'person-name' && c.kind !== 'person-name') {
          // Without a name-like column name: full names (2–3 words) only, and enough distinct ones to rule
          // out a category column ("Male"/"Female", "New York"/"Boston").
          matches = c.counts[FULL_NAME] as number;
          rows = c.rows[FULL_NAME] as number[];
          if (c.names.size < MIN_DISTINCT_NAMES) return;
        }
        if (id === 'date-of-birth') {
          // Birth dates: the name hints birth, or the name is not an event date (admission, visit, sample…).
          if (c.kind !== 'date-of-birth' && isEventDateName(c.name)) return;
        }
        if (id === 'date' && (birth || !this.dates)) return;
        if (!reaches(id, matches)) return;
        if (id === 'date-of-birth') birth = true;
        detectors.push({ id, matches, scanned: c.scanned });
        for (const r of rows) exampleRows.add(r);
      });
      const byName = c.kind !== null;
      if (detectors.length === 0 && !byName) continue;
      const onlyDates = !byName && detectors.every((d) => d.id === 'date');
      out.push({
        column: c.name,
        detectors,
        by_name: byName,
        name_kind: c.kind,
        severity: onlyDates ? 'low' : 'high',
        example_rows: [...exampleRows].sort((a, b) => a - b).slice(0, EXAMPLES),
      });
    }
    return out;
  }
}
