import type { Evidence } from '@regops/core';
import MarkdownIt, { type Env } from 'markdown-it';
import { escapeXml } from './charts';
import { type ReportFigure, reportFigures } from './figures';
import { LINE_SEPARATOR, tidyMarkdown } from './format';
import { templates as builtin, FIGURE_FENCE, render, type Templates } from './hbs';
import { buildModelCard } from './modelcard';
import { buildCommon } from './view';

/** Options of every renderer. */
export interface RenderOptions {
  /** Templates to render with (loadTemplates(dir)); the built-in ones by default. */
  templates?: Templates;
}

/** Where the figures travel through markdown-it's render environment. */
const FIGURES = 'regopsFigures';

function figuresOf(env: Env | undefined): readonly ReportFigure[] {
  const f = env?.[FIGURES];
  return Array.isArray(f) ? (f as ReportFigure[]) : [];
}

/**
 * Markdown source of the HTML report (user text escaped for markdown-it with raw HTML disabled). Each result
 * carries its `figures`; the template places each with `{{figure this}}`, a fenced block that stands for it.
 */
function reportMarkdown(e: Evidence, t: Templates, figures: readonly ReportFigure[]): string {
  const common = buildCommon(e);
  const card = buildModelCard(e, common);
  const results = common.results.map((r) => ({
    ...r,
    figures: figures.filter((f) => f.resultId === r.id),
  }));
  return tidyMarkdown(
    render(t.report, { ...common, results, card, inputs: e.inputs, datasets: card.datasets }, 'html'),
  );
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

function figureHtml(f: ReportFigure): string {
  return `<figure class="chart chart-${f.kind}">\n${f.svg}\n<figcaption>${escapeXml(f.caption)}</figcaption>\n</figure>\n`;
}

const defaultFence = markdown.renderer.rules.fence;
/**
 * A `regops-figure` fence becomes the SVG of the figure it names. Only the figure helper writes such a
 * fence: user text cannot open one (backticks and tildes are escaped in it, and a code span's closing
 * backticks make an invalid info string), and a fence naming no figure of this report renders as nothing.
 */
markdown.renderer.rules.fence = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token && token.info.trim() === FIGURE_FENCE) {
    const key = token.content.trim();
    const figure = /^\d+$/.test(key) ? figuresOf(env)[Number(key)] : undefined;
    return figure ? figureHtml(figure) : '';
  }
  return defaultFence
    ? defaultFence(tokens, idx, options, env, self)
    : self.renderToken(tokens, idx, options);
};

/**
 * A standalone HTML page: inline CSS, inline SVG charts (ROC, calibration, model comparison, subgroup
 * intervals, drift histograms), no scripts, no external resources; prints on paper.
 */
export function renderReport(e: Evidence, options: RenderOptions = {}): string {
  const t = options.templates ?? builtin;
  const figures = reportFigures(e);
  const env: Env = { [FIGURES]: figures };
  const body = markdown
    .render(reportMarkdown(e, t, figures), env)
    .replaceAll(LINE_SEPARATOR, '<br>')
    .replaceAll('\u2029', '<br>');
  return render(
    t.reportPage,
    {
      title: `Design-control report: ${e.project.name} (${e.gate.verdict})`,
      generator: `${e.tool.name} ${e.tool.version}`,
      verdict: e.gate.verdict,
      figureCount: figures.length,
      body,
    },
    'html',
  );
}
