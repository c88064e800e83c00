import { type Metric, meets, type Threshold } from '@regops/core';
import Handlebars from 'handlebars';
import {
  codeSpan,
  escapeMarkdown,
  formatBound,
  formatCi,
  formatNumber,
  formatObserved,
  type Target,
} from './format';
import commentSource from './templates/comment.md.hbs?raw';
import commentChangeSource from './templates/comment-change.md.hbs?raw';
import commentResultSource from './templates/comment-result.md.hbs?raw';
import datasetCardSource from './templates/dataset-card.md.hbs?raw';
import datasetTableSource from './templates/dataset-table.md.hbs?raw';
import modelCardSource from './templates/model-card.md.hbs?raw';
import reportPageSource from './templates/report.html.hbs?raw';
import reportSource from './templates/report.md.hbs?raw';
import traceControlsSource from './templates/trace-controls.md.hbs?raw';
import traceMatrixSource from './templates/trace-matrix.md.hbs?raw';
import traceOrphansSource from './templates/trace-orphans.md.hbs?raw';
import traceabilitySource from './templates/traceability.md.hbs?raw';

/**
 * The private Handlebars environment of the docs package. Markdown templates keep Handlebars' HTML
 * escaping as a safety net for any bare `{{value}}`, but every user string goes through a helper that
 * escapes it for its Markdown context and returns a SafeString. The HTML page template uses plain
 * Handlebars escaping.
 */
const hb = Handlebars.create();

type Options = Handlebars.HelperOptions;

function target(options: Options): Target {
  const data = options.data as { target?: Target } | undefined;
  return data?.target === 'html' ? 'html' : 'md';
}

function safe(s: string): Handlebars.SafeString {
  return new hb.SafeString(s);
}

function asString(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

interface Ref {
  id: string;
  title?: string | null;
}

function isRef(v: unknown): v is Ref {
  return typeof v === 'object' && v !== null && typeof (v as Ref).id === 'string';
}

const EMPTY = '—';

/** Last argument of every helper call is Handlebars' options object. */
function helper(fn: (args: unknown[], options: Options) => string): Handlebars.HelperDelegate {
  return (...all: unknown[]) => {
    const options = all[all.length - 1] as Options;
    return safe(fn(all.slice(0, -1), options));
  };
}

hb.registerHelper({
  /** User text in an inline Markdown context (paragraph, list item, heading, table cell). */
  text: helper(([v], o) => escapeMarkdown(asString(v), target(o))),
  /** User text as a code span outside tables. */
  code: helper(([v]) => codeSpan(asString(v), false)),
  /** User text as a code span inside a table cell. */
  ccode: helper(([v]) => codeSpan(asString(v), true)),
  /** A plain number. */
  num: helper(([v]) => formatNumber(typeof v === 'number' ? v : null)),
  /** Observed value against its bound, with the unit. */
  observed: helper(([m], o) => formatObserved(m as Metric, (s) => escapeMarkdown(s, target(o)))),
  /** Observed value alone, with the unit. */
  value: helper(([m], o) => {
    const metric = m as Metric;
    const unit = metric.unit ? ` ${escapeMarkdown(metric.unit, target(o))}` : '';
    return `${formatNumber(metric.value)}${metric.value === null ? '' : unit}`;
  }),
  ci: helper(([m]) => formatCi(m as Metric) || EMPTY),
  bound: helper(([m]) => {
    const t = (m as Metric).threshold;
    return t ? formatBound(t as Threshold) : EMPTY;
  }),
  /** Whether the value meets its bound: yes, no, or — without a bound. */
  met: helper(([m]) => {
    const metric = m as Metric;
    if (!metric.threshold) return EMPTY;
    return metric.value !== null && meets(metric.value, metric.threshold) ? 'yes' : 'no';
  }),
  /** IDs (strings or objects with an id), comma separated; — when none. */
  ids: helper(([list], o) => {
    const items = (Array.isArray(list) ? list : []).map((x) => (isRef(x) ? x.id : asString(x)));
    return items.length === 0 ? EMPTY : items.map((s) => escapeMarkdown(s, target(o))).join(', ');
  }),
  /** `ID (title)` for each item, semicolon separated; — when none. */
  refs: helper(([list], o) => {
    const items = (Array.isArray(list) ? list : []).filter(isRef);
    if (items.length === 0) return EMPTY;
    const t = target(o);
    return items
      .map((r) =>
        r.title ? `${escapeMarkdown(r.id, t)} (${escapeMarkdown(r.title, t)})` : escapeMarkdown(r.id, t),
      )
      .join('; ');
  }),
  /** Plain strings, escaped, comma separated; — when none. */
  join: helper(([list], o) => {
    const items = (Array.isArray(list) ? list : []).map(asString);
    return items.length === 0 ? EMPTY : items.map((s) => escapeMarkdown(s, target(o))).join(', ');
  }),
  /** An ONNX tensor as one code span: `name type [shape]`. */
  tensor: helper(([t]) => {
    const x = t as { name: string; type: string; shape: (number | string)[] };
    return codeSpan(`${x.name} ${x.type} [${x.shape.map(String).join(', ')}]`, false);
  }),
  /** An ONNX opset domain; the empty name is the default domain. */
  domain: helper(([d]) => (asString(d) === '' ? '(default domain)' : codeSpan(asString(d), false))),
});

hb.registerPartial({
  'comment-change': commentChangeSource,
  'comment-result': commentResultSource,
  'dataset-table': datasetTableSource,
  'trace-matrix': traceMatrixSource,
  'trace-controls': traceControlsSource,
  'trace-orphans': traceOrphansSource,
});

const compileOptions = { strict: true } as const;

export const templates = {
  comment: hb.compile(commentSource, compileOptions),
  modelCard: hb.compile(modelCardSource, compileOptions),
  datasetCard: hb.compile(datasetCardSource, compileOptions),
  traceability: hb.compile(traceabilitySource, compileOptions),
  report: hb.compile(reportSource, compileOptions),
  reportPage: hb.compile(reportPageSource, compileOptions),
};

/** Render a template with the output target the escaping helpers read. */
export function render(
  template: Handlebars.TemplateDelegate,
  context: object,
  renderTarget: Target = 'md',
): string {
  return template(context, { data: { target: renderTarget } });
}
