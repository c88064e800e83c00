import type { Metric, Threshold } from '@regops/core';

/**
 * Where a Markdown document ends up. `md` is read on GitHub/GitLab/Hugging Face, where raw `<br>` is allowed;
 * `html` goes through markdown-it with raw HTML disabled, so a line break inside user text travels as
 * U+2028 (not a line ending for CommonMark) and becomes `<br>` after rendering.
 */
export type Target = 'md' | 'html';

export const LINE_SEPARATOR = '\u2028';

const OP_SYMBOL: Record<Threshold['op'], string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

/** Shown for a metric value the evidence records as null (could not be computed). */
export const NOT_COMPUTED = 'not computed';

/**
 * Decimals of a measured value in every document: six, so a reader can compare a printed metric with an
 * independently computed one to 1e-6 (e.g. sklearn's AUROC in a model's sidecar).
 */
export const METRIC_DECIMALS = 6;

function fixed(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  // toFixed keeps the sign of values that round to zero ("-0.0000"): drop it.
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/**
 * The one number formatter of every document. Integers as they are; other values with METRIC_DECIMALS
 * (`metric`) or with at most that many decimals and no trailing zeros (`bound`: the value as the config declares it);
 * magnitudes below 1e-4 in exponent notation so that small p-values do not print as zero.
 */
export function formatNumber(
  v: number | null | undefined,
  style: 'metric' | 'bound' = 'metric',
  decimals = METRIC_DECIMALS,
): string {
  if (v === null || v === undefined) return NOT_COMPUTED;
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (Number.isInteger(v)) return String(v);
  if (Math.abs(v) < 1e-4) return v.toExponential(3);
  const s = fixed(v, decimals);
  return style === 'bound' && s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** `≥ 0.99` */
export function formatBound(t: Threshold): string {
  return `${OP_SYMBOL[t.op]} ${formatNumber(t.value, 'bound')}`;
}

/**
 * Observed value against its bound, e.g. `0.8226 < 0.99`. The observed value gets more decimals when
 * METRIC_DECIMALS would print it equal to a bound it differs from (0.69996 against 0.7 is not "0.7000 < 0.7").
 */
export function formatComparison(value: number, t: Threshold): string {
  const bound = formatNumber(t.value, 'bound');
  let decimals = METRIC_DECIMALS;
  let observed = formatNumber(value, 'metric', decimals);
  while (value !== t.value && Number(observed) === t.value && decimals < 12 && !Number.isInteger(value)) {
    decimals++;
    observed = formatNumber(value, 'metric', decimals);
  }
  const rel = Number.isNaN(value) ? '≠' : value < t.value ? '<' : value > t.value ? '>' : '=';
  return `${observed} ${rel} ${bound}`;
}

/**
 * `0.8226 < 0.99 (bound ≥ 0.99)`, `576`, or `not computed (bound ≥ 0.99)`. The unit is user text: pass the
 * escaper of the output context.
 */
export function formatObserved(m: Metric, escapeUnit: (s: string) => string = (s) => s): string {
  const unit = m.unit ? ` ${escapeUnit(m.unit)}` : '';
  if (m.value === null)
    return m.threshold ? `${NOT_COMPUTED} (bound ${formatBound(m.threshold)})` : NOT_COMPUTED;
  if (!m.threshold) return `${formatNumber(m.value)}${unit}`;
  return `${formatComparison(m.value, m.threshold)}${unit} (bound ${formatBound(m.threshold)})`;
}

/** `0.7588–0.8810`, or '' without an interval. */
export function formatCi(m: Metric): string {
  return m.ci ? `${formatNumber(m.ci[0])}–${formatNumber(m.ci[1])}` : '';
}

export function shortSha(sha: string | null | undefined, length: number): string {
  return sha ? sha.slice(0, length) : '';
}

function normalizeNewlines(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

/**
 * User text for any inline Markdown context (paragraph, list item, heading, table cell): HTML-significant
 * characters become entities, Markdown punctuation that could start links, images, code, emphasis or break
 * a table is backslash-escaped, line breaks become `<br>` (md) or U+2028 (html), and a leading character
 * that would open a block (heading, list, quote, thematic break) is escaped.
 */
export function escapeMarkdown(input: string, target: Target): string {
  const lines = normalizeNewlines(input).trim().split('\n');
  const escaped = lines.map((line) =>
    line
      .replace(/[\\`*[\]|~]/g, (c) => `\\${c}`)
      // `_` between two letters or digits can neither open nor close emphasis: keep snake_case readable.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Block openers at the start: ATX heading, bullet, setext underline or thematic break, ordered item.
      .replace(/^(\s*)(#{1,6}(?=\s|$)|[-+](?=\s|$)|[-=](?=[-=\s]*$))/, '$1\\$2')
      .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
      // A closing ATX sequence would be dropped from a heading.
      .replace(/(\s)(#+)$/, (_m, space: string, hashes: string) => `${space}${hashes.replace(/#/g, '\\#')}`),
  );
  return escaped.join(target === 'md' ? '<br>' : LINE_SEPARATOR);
}

/**
 * User text as a code span (identifiers, paths, hashes). The fence is longer than any run of backticks
 * inside; in a table cell `|` is escaped (GFM strips the backslash before splitting cells).
 */
export function codeSpan(input: string, inTable: boolean): string {
  let s = normalizeNewlines(input).replace(/\n/g, ' ');
  if (s === '') return '';
  if (inTable) s = s.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** Plain ASCII comparison: the same order everywhere, whatever the locale of the machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One trailing newline, no trailing blanks on lines, never more than one empty line in a row. */
export function tidyMarkdown(s: string): string {
  return `${s
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
