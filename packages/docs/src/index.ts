import type { Evidence } from '@regops/core';
import MarkdownIt from 'markdown-it';
import { buildChangeControl } from './change-control';
import { buildDataCard } from './datacard';
import { LINE_SEPARATOR, tidyMarkdown } from './format';
import { render, templates } from './hbs';
import { buildModelCard } from './modelcard';
import { buildCommon, commentGroups } from './view';

export { formatShare, resultDatasets, WITHHELD } from './datacard';
export {
  codeSpan,
  escapeMarkdown,
  formatBound,
  formatComparison,
  formatNumber,
  formatObserved,
} from './format';
export { MODEL_INDEX_TASK } from './modelcard';

/**
 * Documents rendered from one evidence bundle. Everything comes from the bundle: no clock, environment,
 * file reads or randomness, so the same evidence always gives byte-identical documents.
 */

/** First line of every PR/MR comment, so that the CI step can find and update its own comment. */
export const COMMENT_MARKER = '<!-- regops:comment -->';

/** The pull/merge-request comment (GitHub-flavoured Markdown): verdict, failures first, the rest collapsed. */
export function renderComment(e: Evidence): string {
  const common = buildCommon(e);
  return tidyMarkdown(
    render(templates.comment, {
      ...common,
      groups: commentGroups(common),
      changeControl: buildChangeControl(e),
    }),
  );
}

/** A first model card: Hugging Face front matter (`model-index`) and the Model Cards sections, gaps listed. */
export function renderModelCard(e: Evidence): string {
  const common = buildCommon(e);
  const card = buildModelCard(e, common);
  const body = tidyMarkdown(render(templates.modelCard, { ...common, card }));
  return `---\n${card.frontMatter}---\n\n${body}`;
}

/**
 * The dataset card: every dataset in the evidence in the sections of Datasheets for Datasets. Written answers
 * come from the dataset card file; composition (columns, label balance, subgroups, missing values, data-check
 * results) only from the profiles and results in the evidence. Sensitive columns show no values.
 */
export function renderDatasetCard(e: Evidence): string {
  const common = buildCommon(e);
  return tidyMarkdown(render(templates.datasetCard, { ...common, card: buildDataCard(e, common) }));
}

/** Requirement × verifying result matrix with hazards and risk controls, GAP rows and uncovered controls. */
export function renderTraceability(e: Evidence): string {
  return tidyMarkdown(render(templates.traceability, buildCommon(e)));
}

/** Markdown source of the HTML report (user text escaped for markdown-it with raw HTML disabled). */
function reportMarkdown(e: Evidence): string {
  const common = buildCommon(e);
  const card = buildModelCard(e, common);
  return tidyMarkdown(
    render(templates.report, { ...common, card, inputs: e.inputs, datasets: card.datasets }, 'html'),
  );
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** A standalone HTML page: inline CSS, no scripts, no external resources. */
export function renderReport(e: Evidence): string {
  const body = markdown
    .render(reportMarkdown(e))
    .replaceAll(LINE_SEPARATOR, '<br>')
    .replaceAll('\u2029', '<br>');
  return render(
    templates.reportPage,
    {
      title: `Design-control report: ${e.project.name} (${e.gate.verdict})`,
      generator: `${e.tool.name} ${e.tool.version}`,
      verdict: e.gate.verdict,
      body,
    },
    'html',
  );
}

export const DOCUMENT_NAMES = [
  'comment.md',
  'model-card.md',
  'traceability.md',
  'report.html',
  'dataset-card.md',
] as const;
export type DocumentName = (typeof DOCUMENT_NAMES)[number];

/** Every document, by file name. */
export function renderAll(e: Evidence): Record<DocumentName, string> {
  return {
    'comment.md': renderComment(e),
    'model-card.md': renderModelCard(e),
    'traceability.md': renderTraceability(e),
    'report.html': renderReport(e),
    'dataset-card.md': renderDatasetCard(e),
  };
}
