import type { Evidence, ModelEvidence } from '@regops/core';
import { stringify } from 'yaml';
import { buildExaminations, type ExaminationView } from './examination';
import { type Common, type ResultView, sortedEntries } from './view';

/** The task written into the Hugging Face `model-index`: every RegOps model scores rows of a table. */
export const MODEL_INDEX_TASK = 'tabular-classification';

export interface ModelView {
  path: string;
  sha256: string;
  bytes: number;
  irVersion: number | null;
  producerName: string | null;
  producerVersion: string | null;
  opsets: { domain: string; version: number }[];
  inputs: ModelEvidence['inputs'];
  outputs: ModelEvidence['outputs'];
}

export interface DatasetRow {
  name: string;
  role: string;
  rows: number;
  columns: string[];
  path: string;
  sha256: string | null;
}

export interface ModelCardView {
  name: string;
  frontMatter: string;
  metaFile: string | null;
  details: { label: string; value: string }[];
  model: ModelView | null;
  baseline: ModelView | null;
  intendedUse: {
    purpose: string | null;
    primaryUses: string[];
    primaryUsers: string[];
    outOfScope: string[];
    any: boolean;
  };
  factors: string[];
  metricResults: ResultView[];
  trainingText: string | null;
  evaluationText: string | null;
  datasets: DatasetRow[];
  trainingDatasets: DatasetRow[];
  evaluationDatasets: DatasetRow[];
  measuredResults: ResultView[];
  /** Model examination: one per model.importance result. */
  examinations: ExaminationView[];
  ethical: string[];
  limitations: string[];
  caveats: string[];
  /** ONC HTI-1 source-attribute categories, each answered from the card file or the evidence, or a gap. */
  sourceAttributes: { category: string; answer: string; from: string; gap: boolean }[];
  gaps: string[];
}

const DETAIL_FIELDS = [
  ['name', 'Name'],
  ['version', 'Version'],
  ['developers', 'Developers'],
  ['date', 'Date'],
  ['license', 'License'],
  ['contact', 'Contact'],
  ['description', 'Description'],
] as const;

function modelView(m: ModelEvidence | null): ModelView | null {
  if (!m) return null;
  return {
    path: m.path,
    sha256: m.sha256,
    bytes: m.bytes,
    irVersion: m.ir_version,
    producerName: m.producer_name,
    producerVersion: m.producer_version,
    opsets: sortedEntries(m.opsets).map(([domain, version]) => ({ domain, version })),
    inputs: m.inputs,
    outputs: m.outputs,
  };
}

function fileStem(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.[^.]+$/, '') || base;
}

function frontMatter(e: Evidence, name: string, metricResults: ResultView[]): string {
  const groups = new Map<string | null, { type: string; value: number; name: string }[]>();
  for (const r of metricResults) {
    // The measured performance metrics are the ones with an acceptance bound; counts (n, n_positive) and the
    // operating threshold stay in the tables below.
    const judged = r.metrics.filter((m) => m.threshold !== undefined);
    for (const m of judged.length > 0 ? judged : r.metrics.slice(0, 1)) {
      if (m.value === null) continue;
      const list = groups.get(r.dataset) ?? [];
      list.push({
        type: m.name,
        value: m.value,
        name: r.title,
      });
      groups.set(r.dataset, list);
    }
  }
  const results = [...groups].map(([dataset, metrics]) => ({
    task: { type: MODEL_INDEX_TASK },
    ...(dataset === null ? {} : { dataset: { name: dataset, type: dataset } }),
    metrics,
  }));
  const license = e.modelcard?.model_details?.license;
  const doc = {
    ...(license ? { license } : {}),
    'model-index': [{ name, results }],
  };
  return stringify(doc, { lineWidth: 0, minContentWidth: 0 });
}

export function buildModelCard(e: Evidence, c: Common): ModelCardView {
  const meta = e.modelcard;
  const metaFile = e.inputs.find((i) => i.kind === 'modelcard')?.path ?? null;
  const missing = metaFile
    ? `not provided in ${metaFile}`
    : meta
      ? 'not provided in the model card file'
      : 'not provided (the config names no model card file)';
  const gaps: string[] = [];
  const need = <T>(value: T | undefined, label: string): T | undefined => {
    if (value === undefined || (Array.isArray(value) && value.length === 0))
      gaps.push(`${label}: ${missing}`);
    return value;
  };

  const md = meta?.model_details;
  const details: ModelCardView['details'] = [];
  for (const [key, label] of DETAIL_FIELDS) {
    const value = need(md?.[key], `Model details › ${label.toLowerCase()}`);
    if (value !== undefined) details.push({ label, value });
  }

  const model = modelView(e.model);
  if (!model) gaps.push('Model details › model file: no model in the evidence');
  else {
    if (model.irVersion === null)
      gaps.push('Model details › ONNX IR version: not recorded in the model file');
    if (model.producerName === null)
      gaps.push('Model details › ONNX producer: not recorded in the model file');
    if (model.producerVersion === null)
      gaps.push('Model details › ONNX producer version: not recorded in the model file');
  }

  const iu = meta?.intended_use;
  const purpose = need(iu?.purpose, 'Intended use › purpose') ?? null;
  const primaryUses = need(iu?.primary_uses, 'Intended use › primary uses') ?? [];
  const primaryUsers = need(iu?.primary_users, 'Intended use › primary users') ?? [];
  const outOfScope = need(iu?.out_of_scope, 'Intended use › out-of-scope uses') ?? [];
  const factors = need(meta?.factors, 'Factors') ?? [];

  const metricResults = c.results.filter((r) => r.check === 'model.metric');
  if (metricResults.length === 0) gaps.push('Metrics: no model.metric result in the evidence');
  for (const r of metricResults) {
    for (const m of r.metrics)
      if (m.value === null) gaps.push(`Metrics › ${r.id} ${m.name}: not computed in this run`);
  }

  const datasetRows: DatasetRow[] = e.datasets.map((d) => ({
    name: d.name,
    role: d.role,
    rows: d.rows,
    columns: d.columns,
    path: d.path,
    sha256: e.inputs.find((i) => i.kind === 'dataset' && i.path === d.path)?.sha256 ?? null,
  }));
  for (const d of datasetRows) {
    if (d.sha256 === null) gaps.push(`Datasets › ${d.name}: no file hash in the evidence inputs`);
  }
  const trainingDatasets = datasetRows.filter((d) => d.role === 'train');
  const evaluationDatasets = datasetRows.filter((d) => d.role !== 'train');
  const evaluationText = need(meta?.evaluation_data, 'Evaluation data › description') ?? null;
  if (evaluationDatasets.length === 0) gaps.push('Evaluation data: no evaluation dataset in the evidence');
  const trainingText = need(meta?.training_data, 'Training data › description') ?? null;
  if (trainingDatasets.length === 0) gaps.push('Training data: no dataset with role train in the evidence');

  const measuredResults = c.results.filter((r) => r.metrics.length > 0);
  if (measuredResults.length === 0)
    gaps.push('Quantitative analyses: no result with metrics in the evidence');
  const examinations = buildExaminations(e);
  if (examinations.length === 0)
    gaps.push('Model examination: no model.importance result in the evidence (add a model.importance check)');
  const ethical = need(meta?.ethical_considerations, 'Ethical considerations') ?? [];
  const limitations = need(meta?.limitations, 'Limitations') ?? [];
  const caveats = need(meta?.caveats, 'Caveats') ?? [];

  const name = md?.name ?? (e.model ? fileStem(e.model.path) : e.project.name);
  const sourceAttributes = hti1(e, meta, measuredResults);
  for (const a of sourceAttributes)
    if (a.gap) gaps.push(`Source attributes (HTI-1) › ${a.category}: ${a.answer}`);
  return {
    name,
    frontMatter: frontMatter(e, name, metricResults),
    metaFile,
    details,
    model,
    baseline: modelView(e.baseline_model),
    intendedUse: {
      purpose,
      primaryUses,
      primaryUsers,
      outOfScope,
      any: purpose !== null || primaryUses.length + primaryUsers.length + outOfScope.length > 0,
    },
    factors,
    metricResults,
    trainingText,
    evaluationText,
    datasets: datasetRows,
    trainingDatasets,
    evaluationDatasets,
    measuredResults,
    examinations,
    ethical,
    limitations,
    caveats,
    sourceAttributes,
    gaps,
  };
}

/**
 * The ONC HTI-1 (45 CFR 170.315(b)(11)) source-attribute categories for a predictive decision support
 * intervention, answered from modelcard.yml or from what the evidence measured; unanswered ones are gaps.
 */
function hti1(
  e: Evidence,
  meta: Evidence['modelcard'],
  measured: ResultView[],
): ModelCardView['sourceAttributes'] {
  const sa = meta?.source_attributes;
  const card = meta ? 'modelcard.yml' : '';
  const row = (category: string, answer: string | null | undefined, from: string, missing: string) =>
    answer ? { category, answer, from, gap: false } : { category, answer: missing, from: '—', gap: true };
  const checks = (type: string) => measured.filter((r) => r.check === type);
  const metricCount = checks('model.metric').length;
  const subgroups = checks('model.subgroups');
  const inputs = e.model?.inputs.map((t) => `${t.name} [${t.shape.join(', ')}]`).join(', ');
  const features = e.profiles[0]?.columns.length;
  return [
    row(
      'Details and output of the intervention',
      [meta?.model_details?.description, sa?.output].filter(Boolean).join(' ') || null,
      `${card} model_details.description, source_attributes.output`,
      'describe the output in modelcard.yml (model_details.description, source_attributes.output)',
    ),
    row(
      'Purpose of the intervention',
      [meta?.intended_use?.purpose, sa?.patient_population, sa?.decision_role].filter(Boolean).join(' ') ||
        null,
      `${card} intended_use.purpose, source_attributes.patient_population/decision_role`,
      'state the purpose, the intended patients and the decision role in modelcard.yml',
    ),
    row(
      'Cautioned out-of-scope use',
      [...(meta?.intended_use?.out_of_scope ?? []), ...(meta?.limitations ?? [])].join(' ') || null,
      `${card} intended_use.out_of_scope, limitations`,
      'list out-of-scope uses and known limitations in modelcard.yml',
    ),
    row(
      'Development details and input features',
      inputs
        ? `ONNX input ${inputs}${features ? `; ${features} column(s) profiled in the datasets` : ''}; training data: ${meta?.training_data ?? 'see Training data'}`
        : null,
      'evidence: model signature, dataset profiles',
      'no model in the evidence',
    ),
    row(
      'Process used to ensure fairness in development',
      [
        sa?.fairness_process,
        subgroups.length > 0
          ? `measured: ${subgroups.map((r) => r.id).join(', ')} (subgroup metrics with intervals and gaps between groups)`
          : null,
      ]
        .filter(Boolean)
        .join(' ') || null,
      `${card} source_attributes.fairness_process; model.subgroups results`,
      'describe the fairness process in modelcard.yml and add a model.subgroups check',
    ),
    row(
      'External validation process',
      sa?.external_validation,
      `${card} source_attributes.external_validation`,
      'not provided: describe external validation (data, who performed it, results) in modelcard.yml',
    ),
    row(
      'Quantitative measures of performance',
      metricCount > 0
        ? `${metricCount} model.metric result(s), with bootstrap intervals where configured, in Quantitative analyses`
        : null,
      'evidence: model.metric results',
      'no model.metric result in the evidence',
    ),
    row(
      'Ongoing maintenance of implementation and use',
      sa?.ongoing_maintenance,
      `${card} source_attributes.ongoing_maintenance`,
      'not provided: describe how performance is monitored in use',
    ),
    row(
      'Update and continued validation or fairness assessment schedule',
      sa?.update_schedule,
      `${card} source_attributes.update_schedule`,
      'not provided: state when the model is re-validated',
    ),
  ];
}
