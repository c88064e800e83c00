import type { Evidence } from '@regops/core';
import { buildChangeControl } from './change-control';
import { renderCompliance } from './compliance';
import { buildDataCard } from './datacard';
import { tidyMarkdown } from './format';
import { render, templates } from './hbs';
import { buildModelCard } from './modelcard';
import { type RenderOptions, renderReport } from './report';
import { renderSbom, renderSoupList } from './sbom';
import { renderTraceCsv, renderTraceHtml } from './trace-export';
import { buildCommon, commentGroups } from './view';

export { assessCompliance, renderCompliance } from './compliance';
export { formatShare, resultDatasets, WITHHELD } from './datacard';
export { MAX_DRIFT_FIGURES, type ReportFigure, reportFigures } from './figures';
export {
  codeSpan,
  escapeMarkdown,
  formatBound,
  formatComparison,
  formatNumber,
  formatObserved,
} from './format';
export {
  builtinTemplateSources,
  HELPER_NAMES,
  loadTemplates,
  type TemplateName,
  type Templates,
} from './hbs';
export { escapeXmlText, type JunitOptions, renderJunit } from './junit';
export { MODEL_INDEX_TASK } from './modelcard';
export { findChromium, type PdfOptions, type PdfOutcome, renderPdf } from './pdf';
export { type RenderOptions, renderReport } from './report';
export { renderSbom, renderSoupList } from './sbom';
export {
  diffTrace,
  renderTraceCsv,
  renderTraceDiff,
  renderTraceHtml,
  type TraceDiff,
  traceRows,
} from './trace-export';

/**
 * Documents rendered from one evidence bundle. Everything comes from the bundle: no clock, environment,
 * file reads or randomness, so the same evidence always gives byte-identical documents.
 */

/** First line of every PR/MR comment, so that the CI step can find and update its own comment. */
export const COMMENT_MARKER = '<!-- regops:comment -->';

/** The pull/merge-request comment (GitHub-flavoured Markdown): verdict, failures first, the rest collapsed. */
export function renderComment(e: Evidence, options: RenderOptions = {}): string {
  const common = buildCommon(e);
  return tidyMarkdown(
    render((options.templates ?? templates).comment, {
      ...common,
      groups: commentGroups(common),
      changeControl: buildChangeControl(e),
    }),
  );
}

/** A first model card: Hugging Face front matter (`model-index`) and the Model Cards sections, gaps listed. */
export function renderModelCard(e: Evidence, options: RenderOptions = {}): string {
  const common = buildCommon(e);
  const card = buildModelCard(e, common);
  const body = tidyMarkdown(render((options.templates ?? templates).modelCard, { ...common, card }));
  return `---\n${card.frontMatter}---\n\n${body}`;
}

/**
 * The dataset card: every dataset in the evidence in the sections of Datasheets for Datasets. Written answers
 * come from the dataset card file; composition (columns, label balance, subgroups, missing values, data-check
 * results) only from the profiles and results in the evidence. Sensitive columns show no values.
 */
export function renderDatasetCard(e: Evidence, options: RenderOptions = {}): string {
  const common = buildCommon(e);
  return tidyMarkdown(
    render((options.templates ?? templates).datasetCard, { ...common, card: buildDataCard(e, common) }),
  );
}

/** Requirement × verifying result matrix with hazards and risk controls, GAP rows and uncovered controls. */
export function renderTraceability(e: Evidence, options: RenderOptions = {}): string {
  return tidyMarkdown(render((options.templates ?? templates).traceability, buildCommon(e)));
}

export const DOCUMENT_NAMES = [
  'comment.md',
  'model-card.md',
  'traceability.md',
  'traceability.csv',
  'traceability.html',
  'report.html',
  'dataset-card.md',
  'compliance.md',
  'sbom.cdx.json',
  'soup.md',
] as const;
export type DocumentName = (typeof DOCUMENT_NAMES)[number];

/** Every document, by file name; `options.templates` (loadTemplates) replaces built-in templates. */
export function renderAll(e: Evidence, options: RenderOptions = {}): Record<DocumentName, string> {
  return {
    'comment.md': renderComment(e, options),
    'model-card.md': renderModelCard(e, options),
    'traceability.md': renderTraceability(e, options),
    'traceability.csv': renderTraceCsv(e),
    'traceability.html': renderTraceHtml(e),
    'report.html': renderReport(e, options),
    'dataset-card.md': renderDatasetCard(e, options),
    'compliance.md': renderCompliance(e),
    'sbom.cdx.json': renderSbom(e),
    'soup.md': renderSoupList(e),
  };
}
