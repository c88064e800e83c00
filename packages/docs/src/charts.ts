/**
 * SVG charts for the HTML report, drawn from numbers only: pure functions, no clock, no randomness, fixed
 * decimals, so the same input always gives the same bytes. Every chart is one inline `<svg>` with explicit
 * width, height and viewBox, `role="img"` and a `<title>`; it references nothing outside itself (no `url(…)`,
 * no links, no fonts, no scripts). Every piece of text is escaped here for HTML/XML: these strings are inserted
 * into the page after Markdown rendering, so nothing else escapes them. The second series is always told apart
 * by more than colour (dashes, a light fill with a dashed outline, hollow markers), so the charts read in
 * greyscale print too.
 */
import { formatNumber } from './format';

/**
 * `&`, `<`, `>`, `"` and `'` as entities: safe in HTML/SVG text and in quoted attribute values. U+2028 and
 * U+2029 become character references too, so that the report's line-separator pass never turns them into
 * `<br>` inside an SVG.
 */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"'\u2028\u2029]/g, (ch) => XML_ENTITIES[ch] ?? ch);
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\u2028': '&#8232;',
  '\u2029': '&#8233;',
};

/** One line: runs of white space (line breaks included) as one space. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const INK = '#1f2328';
const MUTED = '#57606a';
const GRID = '#e1e4e8';
const PRIMARY = '#1f4e79';
const SECONDARY = '#b35900';
const SECONDARY_FILL = '#f6c99b';
const NEUTRAL = '#8c959f';
const BOUND = '#b3261e';
const COUNT_FILL = '#d0d7de';

/** Dash patterns: the second series and reference lines are never told apart by colour alone. */
const DASH_SECONDARY = '6 3';
const DASH_REFERENCE = '4 4';
const DASH_BOUND = '2 3';

/** Decimals of values printed inside charts (tables in the report keep six). */
export const CHART_DECIMALS = 3;

function fixed(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** An SVG coordinate: at most two decimals, trailing zeros dropped, never `-0`. */
function n(v: number): string {
  const s = fixed(v, 2);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** A value printed in a chart: fixed CHART_DECIMALS, or `—` when there is none. */
export function chartNumber(v: number | null | undefined, decimals = CHART_DECIMALS): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return fixed(v, decimals);
}

/** Fewest decimals (≤ 6) that show every multiple of `step` exactly. */
function stepDecimals(step: number): number {
  for (let d = 0; d < 6; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return 6;
}

export interface Axis {
  min: number;
  max: number;
  step: number;
  ticks: number[];
  decimals: number;
}

/** A step of 1, 2, 2.5 or 5 × 10^k giving about `target` intervals over `span`. */
function niceStep(span: number, target: number): number {
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  const f = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
  return f * power;
}

/** Round tick values (about `target` intervals) covering [min, max]. */
export function niceAxis(min: number, max: number, target = 5): Axis {
  let lo = min;
  let hi = max;
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) {
    lo = 0;
    hi = 1;
  }
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, target);
  const start = Math.floor(lo / step + 1e-9) * step;
  const end = Math.ceil(hi / step - 1e-9) * step;
  const count = Math.round((end - start) / step);
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((start + i * step).toPrecision(12)));
  return {
    min: ticks[0] ?? start,
    max: ticks[ticks.length - 1] ?? end,
    step,
    ticks,
    decimals: stepDecimals(step),
  };
}

/** The [0, 1] axis of rates and probabilities. */
function unitAxis(): Axis {
  return { min: 0, max: 1, step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], decimals: 1 };
}

function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** User text shortened to `max` characters (by code point), with an ellipsis. */
function clip(s: string, max: number): string {
  const chars = [...oneLine(s)];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** Rough width of a label in pixels at 11 px: enough to lay out legends without measuring text. */
function textWidth(s: string, size = 11): number {
  return [...s].length * size * 0.58;
}

function text(
  x: number,
  y: number,
  content: string,
  attrs: Record<string, string | number> = {},
  fullTitle?: string,
): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? n(v) : v)}"`)
    .join('');
  const tooltip =
    fullTitle !== undefined && oneLine(fullTitle) !== content
      ? `<title>${escapeXml(oneLine(fullTitle))}</title>`
      : '';
  return `<text x="${n(x)}" y="${n(y)}"${a}>${tooltip}${escapeXml(oneLine(content))}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, attrs: string): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" ${attrs}/>`;
}

function rect(x: number, y: number, w: number, h: number, attrs: string): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, w))}" height="${n(Math.max(0, h))}" ${attrs}/>`;
}

function polyline(points: [number, number][], attrs: string): string {
  return `<polyline points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" ${attrs}/>`;
}

function open(width: number, height: number, title: string, kind: string): string[] {
  return [
    `<svg class="chart-svg chart-${kind}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="${escapeXml(FONT)}" font-size="11" fill="${INK}">`,
    `<title>${escapeXml(oneLine(title))}</title>`,
    rect(0, 0, width, height, 'fill="#ffffff"'),
    text(12, 20, clip(title, Math.floor((width - 24) / 7)), { 'font-size': 13, 'font-weight': 600 }, title),
  ];
}

type Swatch = 'line' | 'dashed' | 'reference' | 'bound' | 'bar' | 'bar-secondary' | 'bar-count' | 'point';

function swatch(kind: Swatch, x: number, y: number): string {
  switch (kind) {
    case 'line':
      return line(x, y, x + 22, y, `stroke="${PRIMARY}" stroke-width="2.5"`);
    case 'dashed':
      return line(
        x,
        y,
        x + 22,
        y,
        `stroke="${SECONDARY}" stroke-width="2.5" stroke-dasharray="${DASH_SECONDARY}"`,
      );
    case 'reference':
      return line(
        x,
        y,
        x + 22,
        y,
        `stroke="${NEUTRAL}" stroke-width="1.5" stroke-dasharray="${DASH_REFERENCE}"`,
      );
    case 'bound':
      return line(x, y, x + 22, y, `stroke="${BOUND}" stroke-width="2" stroke-dasharray="${DASH_BOUND}"`);
    case 'bar':
      return rect(x + 4, y - 6, 14, 12, `fill="${PRIMARY}"`);
    case 'bar-secondary':
      return rect(
        x + 4,
        y - 6,
        14,
        12,
        `fill="${SECONDARY_FILL}" stroke="${SECONDARY}" stroke-width="1.5" stroke-dasharray="3 2"`,
      );
    case 'bar-count':
      return rect(x + 4, y - 6, 14, 12, `fill="${COUNT_FILL}"`);
    case 'point':
      return `<circle cx="${n(x + 11)}" cy="${n(y)}" r="4" fill="#ffffff" stroke="${PRIMARY}" stroke-width="2"/>`;
  }
}

const LEGEND_Y = 42;
const LEGEND_LINE = 17;

/**
 * The legend below the title, wrapped onto more lines when it does not fit the width. `extra` is the height
 * it takes beyond one line: charts grow by it and start their plot that much lower.
 */
function legend(
  items: { swatch: Swatch; label: string }[],
  width: number,
): { parts: string[]; extra: number } {
  const parts: string[] = [];
  const x0 = 12;
  let x = x0;
  let row = 0;
  for (const item of items) {
    const label = clip(item.label, 60);
    const w = 28 + textWidth(label);
    if (x > x0 && x + w > width - 12) {
      row++;
      x = x0;
    }
    const y = LEGEND_Y + row * LEGEND_LINE;
    parts.push(swatch(item.swatch, x, y - 4), text(x + 28, y, label, {}, item.label));
    x += w + 18;
  }
  return { parts, extra: row * LEGEND_LINE };
}

interface Plot {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function gridAndAxes(
  plot: Plot,
  xAxis: Axis,
  yAxis: Axis,
  xLabel: string,
  yLabel: string,
  yFormat: (v: number) => string = (v) => fixed(v, yAxis.decimals),
): string[] {
  const sx = scale(xAxis.min, xAxis.max, plot.x0, plot.x1);
  const sy = scale(yAxis.min, yAxis.max, plot.y1, plot.y0);
  const out: string[] = [];
  for (const t of xAxis.ticks) {
    out.push(line(sx(t), plot.y0, sx(t), plot.y1, `stroke="${GRID}"`));
    out.push(text(sx(t), plot.y1 + 15, fixed(t, xAxis.decimals), { 'text-anchor': 'middle', fill: MUTED }));
  }
  for (const t of yAxis.ticks) {
    out.push(line(plot.x0, sy(t), plot.x1, sy(t), `stroke="${GRID}"`));
    out.push(text(plot.x0 - 6, sy(t) + 4, yFormat(t), { 'text-anchor': 'end', fill: MUTED }));
  }
  out.push(rect(plot.x0, plot.y0, plot.x1 - plot.x0, plot.y1 - plot.y0, `fill="none" stroke="${MUTED}"`));
  out.push(text((plot.x0 + plot.x1) / 2, plot.y1 + 34, xLabel, { 'text-anchor': 'middle' }));
  const cy = (plot.y0 + plot.y1) / 2;
  out.push(
    `<text x="14" y="${n(cy)}" text-anchor="middle" transform="rotate(-90 14 ${n(cy)})">${escapeXml(yLabel)}</text>`,
  );
  return out;
}

function close(parts: string[]): string {
  return `${parts.join('\n')}\n</svg>`;
}

function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

// ---------------------------------------------------------------------------------------------------------
// ROC curve

export interface RocChartInput {
  title: string;
  fpr: readonly number[];
  tpr: readonly number[];
  /** Legend text of the curve, e.g. "candidate (AUROC 0.823)". */
  curveLabel: string;
  /** Operating points marked on the curve (e.g. the screening threshold). */
  points?: readonly { fpr: number; tpr: number; label: string }[];
}

/** ROC curve (true-positive against false-positive rate) with the chance diagonal. */
export function rocChart(input: RocChartInput): string {
  const width = 440;
  const points = input.points ?? [];
  const leg = legend(
    [
      { swatch: 'line', label: input.curveLabel },
      { swatch: 'reference', label: 'chance' },
      ...(points.length > 0 ? [{ swatch: 'point' as const, label: 'operating point' }] : []),
    ],
    width,
  );
  const height = 440 + leg.extra;
  const plot: Plot = { x0: 58, x1: width - 20, y0: 62 + leg.extra, y1: height - 50 };
  const axis = unitAxis();
  const sx = scale(0, 1, plot.x0, plot.x1);
  const sy = scale(0, 1, plot.y1, plot.y0);
  const parts = open(width, height, input.title, 'roc');
  parts.push(...leg.parts);
  parts.push(
    ...gridAndAxes(
      plot,
      axis,
      axis,
      'False-positive rate (1 − specificity)',
      'True-positive rate (sensitivity)',
    ),
  );
  parts.push(
    line(
      sx(0),
      sy(0),
      sx(1),
      sy(1),
      `stroke="${NEUTRAL}" stroke-width="1.5" stroke-dasharray="${DASH_REFERENCE}"`,
    ),
  );
  const curve: [number, number][] = [];
  const length = Math.min(input.fpr.length, input.tpr.length);
  for (let i = 0; i < length; i++) {
    const x = input.fpr[i];
    const y = input.tpr[i];
    if (finite(x) && finite(y)) curve.push([sx(clamp01(x)), sy(clamp01(y))]);
  }
  if (curve.length > 0)
    parts.push(polyline(curve, `stroke="${PRIMARY}" stroke-width="2.5" stroke-linejoin="round"`));
  for (const p of points) {
    if (!finite(p.fpr) || !finite(p.tpr)) continue;
    const x = sx(clamp01(p.fpr));
    const y = sy(clamp01(p.tpr));
    parts.push(
      `<circle cx="${n(x)}" cy="${n(y)}" r="5" fill="#ffffff" stroke="${PRIMARY}" stroke-width="2.5"/>`,
    );
    parts.push(text(x + 9, y + 15, clip(p.label, 28), { 'font-weight': 600 }, p.label));
  }
  return close(parts);
}

// ---------------------------------------------------------------------------------------------------------
// Calibration (reliability) diagram

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number | null;
  observed: number | null;
}

export interface CalibrationChartInput {
  title: string;
  bins: readonly CalibrationBin[];
}

/**
 * Reliability diagram: observed positive share against mean predicted probability per bin, the diagonal of
 * perfect calibration, and the rows per bin as grey bars along the bottom (scaled to a quarter of the height).
 */
export function calibrationChart(input: CalibrationChartInput): string {
  const width = 440;
  const maxCount = Math.max(0, ...input.bins.map((b) => (finite(b.count) ? b.count : 0)));
  const leg = legend(
    [
      { swatch: 'line', label: 'observed share' },
      { swatch: 'reference', label: 'perfect calibration' },
      { swatch: 'bar-count', label: `rows per bin (max ${maxCount})` },
    ],
    width,
  );
  const height = 440 + leg.extra;
  const plot: Plot = { x0: 58, x1: width - 20, y0: 62 + leg.extra, y1: height - 50 };
  const axis = unitAxis();
  const sx = scale(0, 1, plot.x0, plot.x1);
  const sy = scale(0, 1, plot.y1, plot.y0);
  const parts = open(width, height, input.title, 'calibration');
  parts.push(...leg.parts);
  parts.push(...gridAndAxes(plot, axis, axis, 'Mean predicted probability', 'Observed share of positives'));
  const barHeight = (plot.y1 - plot.y0) / 4;
  for (const b of input.bins) {
    if (!finite(b.lower) || !finite(b.upper) || !finite(b.count) || b.count <= 0 || maxCount <= 0) continue;
    const h = (b.count / maxCount) * barHeight;
    const x = sx(clamp01(b.lower));
    const w = sx(clamp01(b.upper)) - x;
    parts.push(rect(x + 1, plot.y1 - h, w - 2, h, `fill="${COUNT_FILL}"`));
  }
  parts.push(
    line(
      sx(0),
      sy(0),
      sx(1),
      sy(1),
      `stroke="${NEUTRAL}" stroke-width="1.5" stroke-dasharray="${DASH_REFERENCE}"`,
    ),
  );
  const pts: [number, number][] = [];
  for (const b of input.bins) {
    if (!finite(b.count) || b.count <= 0 || !finite(b.meanPredicted) || !finite(b.observed)) continue;
    pts.push([sx(clamp01(b.meanPredicted)), sy(clamp01(b.observed))]);
  }
  if (pts.length > 0) parts.push(polyline(pts, `stroke="${PRIMARY}" stroke-width="2"`));
  for (const [x, y] of pts) parts.push(rect(x - 4, y - 4, 8, 8, `fill="${PRIMARY}"`));
  return close(parts);
}

// ---------------------------------------------------------------------------------------------------------
// Paired histograms (drift)

export type DistributionData =
  | { kind: 'histogram'; edges: readonly number[]; reference: readonly number[]; current: readonly number[] }
  | {
      kind: 'categories';
      categories: readonly string[];
      reference: readonly number[];
      current: readonly number[];
      other?: readonly [number, number];
    };

export interface DistributionChartInput {
  title: string;
  data: DistributionData;
  referenceLabel: string;
  currentLabel: string;
  /** Axis label under the bars (the column). */
  xLabel: string;
}

function shares(counts: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + (finite(c) && c > 0 ? c : 0), 0);
  return counts.map((c) => (total > 0 && finite(c) && c > 0 ? c / total : 0));
}

/** Edge labels: as many decimals as the bin width needs (at most four), integers as they are. */
function edgeFormat(edges: readonly number[]): (v: number) => string {
  const widths = edges.slice(1).map((e, i) => Math.abs(e - (edges[i] as number)));
  const smallest = Math.min(...widths.filter((w) => w > 0), Number.POSITIVE_INFINITY);
  const decimals = Number.isFinite(smallest)
    ? Math.min(4, Math.max(0, 1 - Math.floor(Math.log10(smallest))))
    : 2;
  return (v) => {
    if (Number.isInteger(v)) return String(v);
    const s = fixed(v, decimals);
    return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  };
}

/**
 * Reference and current distribution side by side in each bin (numeric columns: the common equal-width bins;
 * categorical: the listed categories and "other"), as shares of each side's rows so that samples of different
 * sizes compare. Reference: solid bars; current: light bars with a dashed outline.
 */
export function distributionChart(input: DistributionChartInput): string {
  const d = input.data;
  const categorical = d.kind === 'categories';
  const labels: string[] = [];
  let ref: number[];
  let cur: number[];
  if (d.kind === 'categories') {
    const other = d.other ?? [0, 0];
    const withOther = other[0] > 0 || other[1] > 0;
    labels.push(...d.categories, ...(withOther ? ['(other)'] : []));
    ref = shares([...d.reference, ...(withOther ? [other[0]] : [])]);
    cur = shares([...d.current, ...(withOther ? [other[1]] : [])]);
  } else {
    ref = shares(d.reference);
    cur = shares(d.current);
  }
  const slots = Math.max(ref.length, cur.length, 1);
  const width = Math.max(520, Math.min(900, 90 + slots * (categorical ? 44 : 40)));
  const leg = legend(
    [
      { swatch: 'bar', label: input.referenceLabel },
      { swatch: 'bar-secondary', label: input.currentLabel },
    ],
    width,
  );
  const height = (categorical ? 340 : 300) + leg.extra;
  const plot: Plot = { x0: 58, x1: width - 16, y0: 62 + leg.extra, y1: height - (categorical ? 92 : 50) };
  const yAxis = niceAxis(0, Math.max(0.05, ...ref, ...cur), 4);
  const sy = scale(0, yAxis.max, plot.y1, plot.y0);
  const slot = (plot.x1 - plot.x0) / slots;
  const parts = open(width, height, input.title, 'distribution');
  parts.push(...leg.parts);
  for (const t of yAxis.ticks) {
    parts.push(line(plot.x0, sy(t), plot.x1, sy(t), `stroke="${GRID}"`));
    parts.push(
      text(plot.x0 - 6, sy(t) + 4, `${fixed(t * 100, Math.max(0, yAxis.decimals - 2))}%`, {
        'text-anchor': 'end',
        fill: MUTED,
      }),
    );
  }
  for (let i = 0; i < slots; i++) {
    const x = plot.x0 + i * slot;
    const pad = Math.min(4, slot * 0.1);
    const bar = (slot - 2 * pad) / 2;
    const r = ref[i] ?? 0;
    const c = cur[i] ?? 0;
    parts.push(rect(x + pad, sy(r), bar, plot.y1 - sy(r), `fill="${PRIMARY}"`));
    if (c > 0)
      parts.push(
        rect(
          x + pad + bar + 0.75,
          sy(c),
          bar - 1.5,
          plot.y1 - sy(c),
          `fill="${SECONDARY_FILL}" stroke="${SECONDARY}" stroke-width="1.5" stroke-dasharray="3 2"`,
        ),
      );
  }
  parts.push(rect(plot.x0, plot.y0, plot.x1 - plot.x0, plot.y1 - plot.y0, `fill="none" stroke="${MUTED}"`));
  if (d.kind === 'histogram') {
    const format = edgeFormat(d.edges);
    const every = slots > 12 ? Math.ceil(slots / 12) : 1;
    d.edges.forEach((edge, i) => {
      if (i % every !== 0 && i !== d.edges.length - 1) return;
      const x = plot.x0 + i * slot;
      parts.push(line(x, plot.y1, x, plot.y1 + 4, `stroke="${MUTED}"`));
      parts.push(text(x, plot.y1 + 16, format(edge), { 'text-anchor': 'middle', fill: MUTED }));
    });
  } else {
    labels.forEach((label, i) => {
      const x = plot.x0 + (i + 0.5) * slot;
      const y = plot.y1 + 12;
      parts.push(
        `<text x="${n(x)}" y="${n(y)}" text-anchor="end" fill="${MUTED}" transform="rotate(-35 ${n(x)} ${n(y)})">${oneLine(label) === clip(label, 14) ? '' : `<title>${escapeXml(oneLine(label))}</title>`}${escapeXml(clip(label, 14))}</text>`,
      );
    });
  }
  parts.push(
    text(
      (plot.x0 + plot.x1) / 2,
      height - 12,
      clip(input.xLabel, 70),
      { 'text-anchor': 'middle' },
      input.xLabel,
    ),
  );
  const cy = (plot.y0 + plot.y1) / 2;
  parts.push(
    `<text x="14" y="${n(cy)}" text-anchor="middle" transform="rotate(-90 14 ${n(cy)})">Share of non-missing values</text>`,
  );
  return close(parts);
}

// ---------------------------------------------------------------------------------------------------------
// Interval (forest) plot

export interface IntervalBound {
  op: '>=' | '<=' | '>' | '<';
  value: number;
  /** What the bound is judged on: the point value or an end of the interval. */
  on?: 'point' | 'lower' | 'upper';
}

export interface IntervalRow {
  label: string;
  value: number | null;
  ci: readonly [number, number] | null;
  /** Shown instead of the numbers, e.g. "too small to judge". */
  note?: string;
}

export interface IntervalSection {
  label: string;
  rows: readonly IntervalRow[];
  bounds: readonly IntervalBound[];
}

export interface IntervalChartInput {
  title: string;
  sections: readonly IntervalSection[];
  xLabel: string;
  /** A reference line across all sections, e.g. zero difference. */
  reference?: { value: number; label: string };
  decimals?: number;
}

const OP_SYMBOL: Record<IntervalBound['op'], string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

function boundLabel(b: IntervalBound): string {
  const on = b.on === 'lower' ? ' (lower CI end)' : b.on === 'upper' ? ' (upper CI end)' : '';
  return `bound ${OP_SYMBOL[b.op]} ${formatNumber(b.value, 'bound')}${on}`;
}

/**
 * Forest plot: one row per group (or comparison) with its point estimate and interval, grouped in sections
 * (one per metric) with each section's bound as a dashed vertical line, and an optional reference line.
 */
export function intervalChart(input: IntervalChartInput): string {
  const decimals = input.decimals ?? CHART_DECIMALS;
  const rowH = 24;
  const headH = 24;
  const width = 680;
  const labelW = 170;
  const valueW = 190;
  const hasBounds = input.sections.some((sec) => sec.bounds.length > 0);
  const leg = legend(
    [
      { swatch: 'line', label: 'estimate and interval' },
      ...(hasBounds ? [{ swatch: 'bound' as const, label: 'bound' }] : []),
      ...(input.reference ? [{ swatch: 'reference' as const, label: input.reference.label }] : []),
    ],
    width,
  );
  const top = 62 + leg.extra;
  const rows = input.sections.reduce((s, sec) => s + sec.rows.length, 0);
  const height = top + input.sections.length * headH + rows * rowH + 56;
  const plot: Plot = { x0: labelW, x1: width - valueW, y0: top, y1: height - 56 };
  const values: number[] = [];
  for (const sec of input.sections) {
    for (const r of sec.rows) {
      if (finite(r.value)) values.push(r.value);
      if (r.ci) values.push(...r.ci.filter(finite));
    }
    values.push(...sec.bounds.map((b) => b.value).filter(finite));
  }
  if (input.reference) values.push(input.reference.value);
  const lo = values.length > 0 ? Math.min(...values) : 0;
  const hi = values.length > 0 ? Math.max(...values) : 1;
  const pad = (hi - lo) * 0.05;
  // Rates and probabilities keep to [0, 1].
  const unit = lo >= 0 && hi <= 1;
  const xAxis = niceAxis(unit ? Math.max(0, lo - pad) : lo - pad, unit ? Math.min(1, hi + pad) : hi + pad, 5);
  const sx = scale(xAxis.min, xAxis.max, plot.x0 + 8, plot.x1 - 8);
  const parts = open(width, height, input.title, 'interval');
  parts.push(...leg.parts);
  for (const t of xAxis.ticks) {
    parts.push(line(sx(t), plot.y0, sx(t), plot.y1, `stroke="${GRID}"`));
    parts.push(text(sx(t), plot.y1 + 15, fixed(t, xAxis.decimals), { 'text-anchor': 'middle', fill: MUTED }));
  }
  if (input.reference && finite(input.reference.value)) {
    const x = sx(input.reference.value);
    parts.push(
      line(
        x,
        plot.y0,
        x,
        plot.y1,
        `stroke="${NEUTRAL}" stroke-width="1.5" stroke-dasharray="${DASH_REFERENCE}"`,
      ),
    );
  }
  parts.push(text(width - valueW + 12, top - 6, `estimate (interval)`, { fill: MUTED }));
  let y = top;
  for (const sec of input.sections) {
    const y0 = y;
    parts.push(rect(0, y, width, headH, 'fill="#f6f8fa"'));
    parts.push(text(12, y + 16, clip(sec.label, 26), { 'font-weight': 600 }, sec.label));
    const boundTexts = sec.bounds.map(boundLabel).join('; ');
    if (boundTexts)
      parts.push(text(width - valueW + 12, y + 16, clip(boundTexts, 30), { fill: BOUND }, boundTexts));
    y += headH;
    for (const r of sec.rows) {
      const cy = y + rowH / 2;
      parts.push(text(24, cy + 4, clip(r.label, 22), {}, r.label));
      if (r.ci && finite(r.ci[0]) && finite(r.ci[1])) {
        const a = sx(r.ci[0]);
        const b = sx(r.ci[1]);
        parts.push(line(a, cy, b, cy, `stroke="${PRIMARY}" stroke-width="2"`));
        parts.push(line(a, cy - 5, a, cy + 5, `stroke="${PRIMARY}" stroke-width="2"`));
        parts.push(line(b, cy - 5, b, cy + 5, `stroke="${PRIMARY}" stroke-width="2"`));
      }
      if (finite(r.value)) {
        const x = sx(r.value);
        parts.push(rect(x - 4.5, cy - 4.5, 9, 9, `fill="${PRIMARY}"`));
      }
      const shown =
        r.note ??
        (finite(r.value)
          ? `${chartNumber(r.value, decimals)}${r.ci ? ` (${chartNumber(r.ci[0], decimals)} to ${chartNumber(r.ci[1], decimals)})` : ''}`
          : 'not computed');
      parts.push(text(width - valueW + 12, cy + 4, clip(shown, 30), {}, shown));
      y += rowH;
    }
    for (const b of sec.bounds) {
      if (!finite(b.value)) continue;
      const x = sx(b.value);
      parts.push(
        line(x, y0 + 2, x, y - 2, `stroke="${BOUND}" stroke-width="2" stroke-dasharray="${DASH_BOUND}"`),
      );
    }
  }
  parts.push(rect(plot.x0, plot.y0, plot.x1 - plot.x0, plot.y1 - plot.y0, `fill="none" stroke="${MUTED}"`));
  parts.push(
    text(
      (plot.x0 + plot.x1) / 2,
      height - 16,
      clip(input.xLabel, 60),
      { 'text-anchor': 'middle' },
      input.xLabel,
    ),
  );
  return close(parts);
}

// ---------------------------------------------------------------------------------------------------------
// Importance bars

export interface ImportanceBar {
  label: string;
  value: number;
  ci: readonly [number, number] | null;
  /** The baseline model's value and interval, when recorded. */
  baseline?: { value: number; ci: readonly [number, number] | null } | null;
}

export interface ImportanceChartInput {
  title: string;
  bars: readonly ImportanceBar[];
  xLabel: string;
  decimals?: number;
}

function whisker(a: number, b: number, cy: number, attrs: string): string[] {
  return [line(a, cy, b, cy, attrs), line(a, cy - 4, a, cy + 4, attrs), line(b, cy - 4, b, cy + 4, attrs)];
}

/**
 * Horizontal bars from zero (one per feature, highest first as given) with interval whiskers; the baseline
 * model's value, when recorded, as a hollow dashed bar below each candidate bar. Zero is a reference line.
 */
export function importanceChart(input: ImportanceChartInput): string {
  const decimals = input.decimals ?? 4;
  const hasBaseline = input.bars.some((b) => b.baseline);
  const rowH = hasBaseline ? 34 : 24;
  const width = 680;
  const labelW = 150;
  const valueW = 200;
  const leg = legend(
    [
      { swatch: 'bar', label: hasBaseline ? 'candidate, with interval' : 'importance, with interval' },
      ...(hasBaseline ? [{ swatch: 'bar-secondary' as const, label: 'baseline, with interval' }] : []),
      { swatch: 'reference', label: 'no effect (0)' },
    ],
    width,
  );
  const top = 62 + leg.extra;
  const height = top + Math.max(1, input.bars.length) * rowH + 56;
  const plot: Plot = { x0: labelW, x1: width - valueW, y0: top, y1: height - 56 };
  const values: number[] = [0];
  for (const b of input.bars) {
    if (finite(b.value)) values.push(b.value);
    if (b.ci) values.push(...b.ci.filter(finite));
    if (b.baseline) {
      if (finite(b.baseline.value)) values.push(b.baseline.value);
      if (b.baseline.ci) values.push(...b.baseline.ci.filter(finite));
    }
  }
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.05;
  const xAxis = niceAxis(lo < 0 ? lo - pad : 0, hi + pad, 5);
  const sx = scale(xAxis.min, xAxis.max, plot.x0 + 8, plot.x1 - 8);
  const parts = open(width, height, input.title, 'importance');
  parts.push(...leg.parts);
  for (const t of xAxis.ticks) {
    parts.push(line(sx(t), plot.y0, sx(t), plot.y1, `stroke="${GRID}"`));
    parts.push(text(sx(t), plot.y1 + 15, fixed(t, xAxis.decimals), { 'text-anchor': 'middle', fill: MUTED }));
  }
  parts.push(text(width - valueW + 12, top - 6, 'estimate (interval)', { fill: MUTED }));
  const x0 = sx(0);
  let y = top;
  for (const b of input.bars) {
    const cy = hasBaseline ? y + 11 : y + rowH / 2;
    parts.push(text(12, cy + 4, clip(b.label, 20), {}, b.label));
    if (finite(b.value)) {
      const x = sx(b.value);
      parts.push(rect(Math.min(x0, x), cy - 6, Math.abs(x - x0), 12, `fill="${PRIMARY}"`));
    }
    if (b.ci && finite(b.ci[0]) && finite(b.ci[1]))
      parts.push(...whisker(sx(b.ci[0]), sx(b.ci[1]), cy, `stroke="${INK}" stroke-width="1.5"`));
    const shown = finite(b.value)
      ? `${chartNumber(b.value, decimals)}${b.ci ? ` (${chartNumber(b.ci[0], decimals)} to ${chartNumber(b.ci[1], decimals)})` : ''}`
      : 'not computed';
    parts.push(text(width - valueW + 12, cy + 4, clip(shown, 32), {}, shown));
    const base = b.baseline;
    if (base && finite(base.value)) {
      const by = cy + 13;
      const x = sx(base.value);
      parts.push(
        rect(
          Math.min(x0, x),
          by - 4,
          Math.abs(x - x0),
          8,
          `fill="${SECONDARY_FILL}" stroke="${SECONDARY}" stroke-width="1" stroke-dasharray="3 2"`,
        ),
      );
      if (base.ci && finite(base.ci[0]) && finite(base.ci[1]))
        parts.push(
          ...whisker(sx(base.ci[0]), sx(base.ci[1]), by, `stroke="${SECONDARY}" stroke-width="1.5"`),
        );
      const bshown = `baseline ${chartNumber(base.value, decimals)}${base.ci ? ` (${chartNumber(base.ci[0], decimals)} to ${chartNumber(base.ci[1], decimals)})` : ''}`;
      parts.push(text(width - valueW + 12, by + 4, clip(bshown, 32), { fill: MUTED }, bshown));
    }
    y += rowH;
  }
  parts.push(
    line(
      x0,
      plot.y0,
      x0,
      plot.y1,
      `stroke="${NEUTRAL}" stroke-width="1.5" stroke-dasharray="${DASH_REFERENCE}"`,
    ),
  );
  parts.push(rect(plot.x0, plot.y0, plot.x1 - plot.x0, plot.y1 - plot.y0, `fill="none" stroke="${MUTED}"`));
  parts.push(
    text(
      (plot.x0 + plot.x1) / 2,
      height - 16,
      clip(input.xLabel, 60),
      { 'text-anchor': 'middle' },
      input.xLabel,
    ),
  );
  return close(parts);
}

// ---------------------------------------------------------------------------------------------------------
// Partial dependence

export interface PartialDependenceChartInput {
  title: string;
  feature: string;
  grid: readonly number[];
  mean: readonly number[];
  /** 10th and 90th percentiles of the individual (ICE) curves, when recorded. */
  p10?: readonly number[] | null;
  p90?: readonly number[] | null;
  yLabel: string;
}

/** Partial dependence: the mean prediction over the feature's grid, with the p10–p90 band of the ICE curves. */
export function partialDependenceChart(input: PartialDependenceChartInput): string {
  const width = 440;
  const len = Math.min(input.grid.length, input.mean.length);
  const band =
    input.p10 && input.p90 && input.p10.length >= len && input.p90.length >= len
      ? { lo: input.p10, hi: input.p90 }
      : null;
  const leg = legend(
    [
      { swatch: 'line', label: 'mean prediction (partial dependence)' },
      ...(band ? [{ swatch: 'bar-secondary' as const, label: 'p10–p90 of individual curves' }] : []),
    ],
    width,
  );
  const height = 340 + leg.extra;
  const plot: Plot = { x0: 58, x1: width - 20, y0: 62 + leg.extra, y1: height - 50 };
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < len; i++) {
    const g = input.grid[i];
    const m = input.mean[i];
    if (finite(g)) xs.push(g);
    if (finite(m)) ys.push(m);
    if (band) {
      const a = band.lo[i];
      const b = band.hi[i];
      if (finite(a)) ys.push(a);
      if (finite(b)) ys.push(b);
    }
  }
  const xAxis = niceAxis(xs.length > 0 ? Math.min(...xs) : 0, xs.length > 0 ? Math.max(...xs) : 1, 5);
  const yAxis =
    ys.length > 0 && Math.min(...ys) >= 0 && Math.max(...ys) <= 1
      ? niceAxis(Math.min(...ys), Math.max(...ys), 5)
      : niceAxis(ys.length > 0 ? Math.min(...ys) : 0, ys.length > 0 ? Math.max(...ys) : 1, 5);
  const sx = scale(xAxis.min, xAxis.max, plot.x0, plot.x1);
  const sy = scale(yAxis.min, yAxis.max, plot.y1, plot.y0);
  const parts = open(width, height, input.title, 'pdp');
  parts.push(...leg.parts);
  parts.push(...gridAndAxes(plot, xAxis, yAxis, input.feature, input.yLabel));
  if (band) {
    const upper: [number, number][] = [];
    const lower: [number, number][] = [];
    for (let i = 0; i < len; i++) {
      const g = input.grid[i];
      const a = band.lo[i];
      const b = band.hi[i];
      if (finite(g) && finite(a) && finite(b)) {
        upper.push([sx(g), sy(b)]);
        lower.push([sx(g), sy(a)]);
      }
    }
    if (upper.length > 1) {
      const pts = [...upper, ...lower.reverse()].map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
      parts.push(
        `<polygon points="${pts}" fill="${SECONDARY_FILL}" fill-opacity="0.6" stroke="${SECONDARY}" stroke-width="1" stroke-dasharray="3 2"/>`,
      );
    }
  }
  const curve: [number, number][] = [];
  for (let i = 0; i < len; i++) {
    const g = input.grid[i];
    const m = input.mean[i];
    if (finite(g) && finite(m)) curve.push([sx(g), sy(m)]);
  }
  if (curve.length > 0)
    parts.push(polyline(curve, `stroke="${PRIMARY}" stroke-width="2.5" stroke-linejoin="round"`));
  for (const [x, y] of curve) parts.push(`<circle cx="${n(x)}" cy="${n(y)}" r="2.5" fill="${PRIMARY}"/>`);
  return close(parts);
}
