/**
 * The predetermined change control plan (PCCP) as a machine-checked contract: pccp.yml declares which
 * modifications the plan allows, which items of the cleared device are frozen, which data rules hold and
 * which acceptance criteria a change must meet. `evaluatePccp` judges one change against it from the run's
 * config and check results, without I/O: every rule is met, violated or not evaluated (missing evidence is
 * never a pass), and the change is within the plan only when every rule is met.
 */
import path from 'node:path';
import { z } from 'zod';
import type { RegopsConfig } from './config';
import { ConfigurationError } from './errors';
import { displayPath } from './files';
import {
  LOWER_IS_BETTER,
  METRIC_LABELS,
  MODEL_METRICS,
  type ModelMetricName,
  PAIRED_METRICS,
} from './metric-names';
import type { CheckResult } from './results';
import { nearest } from './suggest';
import type { ModelCardMeta } from './trace';
import { parseWith } from './validate';
import { readYamlFile } from './yaml-file';

/* ------------------------------------------------------------------ schema */

export const PCCP_MODIFICATION_TYPES = [
  'retrain',
  'recalibrate',
  'threshold',
  'hyperparameters',
  'training_data',
  'preprocessing',
  'architecture',
  'features',
] as const;
export const ModificationType = z
  .enum(PCCP_MODIFICATION_TYPES)
  .describe(
    'retrain: refit on the same kind of data; recalibrate: refit the probability mapping only; threshold: move the operating point; hyperparameters: change fitting settings; training_data: add or replace training records; preprocessing: change imputation, scaling or encoding; architecture: change the model family or structure; features: change the model inputs.',
  );
export type ModificationType = z.infer<typeof ModificationType>;

/** Metrics a plan can bound from model.metric results (every metric but class_recall, which needs a class). */
export const PCCP_METRICS = MODEL_METRICS.filter((m) => m !== 'class_recall') as Exclude<
  ModelMetricName,
  'class_recall'
>[];
export type PccpMetric = Exclude<ModelMetricName, 'class_recall'>;

/** Metrics model.compare computes as Δ with a paired interval. */
export const PCCP_NON_INFERIORITY_METRICS = PAIRED_METRICS;

/** Metrics model.subgroups computes per group. */
export const PCCP_SUBGROUP_METRICS = PAIRED_METRICS;

/** Metrics where lower is better (used when a model.compare result does not state its direction). */
export const PCCP_LOWER_IS_BETTER = LOWER_IS_BETTER;

/** Check types whose passing result shows that training and test data share no record or patient. */
export const PCCP_SPLIT_CHECKS: readonly string[] = ['data.leakage', 'data.splits'];

const label = (m: string) => METRIC_LABELS[m as ModelMetricName] ?? m;

const labelValue = z.union([z.string(), z.number()]).transform((v) => String(v));

const Modification = z.strictObject({
  type: ModificationType,
  description: z
    .string()
    .min(1)
    .describe('What this modification may change and how it is carried out (the modification protocol).'),
});

const Frozen = z
  .strictObject({
    intended_use: z
      .string()
      .min(1)
      .describe(
        "The cleared intended use; compared, whitespace-normalized, with the model card's intended_use.purpose.",
      ),
    input_schema: z
      .strictObject({
        input: z.string().min(1).describe('model.input: the name of the input tensor.'),
        features: z
          .array(z.string().min(1))
          .min(1)
          .describe('model.features: the dataset columns fed to the model, in this order.'),
      })
      .describe('The model input: a change of the tensor name or of any feature or its position is outside.'),
    output_type: z
      .strictObject({
        task: z.enum(['binary', 'multiclass', 'regression']).describe('model.task (default binary).'),
        probabilities: z
          .string()
          .min(1)
          .optional()
          .describe('model.probabilities: the output holding class probabilities.'),
        positive_index: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe('model.positive_index: the probabilities column of the positive class.'),
        output: z.string().min(1).optional().describe('model.output: the regression output.'),
        label: z.string().min(1).optional().describe('model.label: the predicted-label output.'),
      })
      .describe('What the model outputs; only the fields given here are frozen (task always).'),
    label_definition: z
      .strictObject({
        column: z.string().min(1).describe('target.column: the reference-standard label column.'),
        positive: labelValue.optional().describe('target.positive: the positive class value.'),
        negative: labelValue.optional().describe('target.negative: the negative class value.'),
        classes: z
          .array(labelValue)
          .min(2)
          .optional()
          .describe('target.classes: the class values, in order (multiclass).'),
      })
      .describe(
        'The reference standard (ground truth); only the fields given here are frozen (column always).',
      ),
  })
  .partial()
  .describe('Items the cleared device fixes: a change to any of them is outside the plan.');

const Bound = {
  on: z
    .enum(['point', 'lower', 'upper'])
    .default('point')
    .describe('Judge the point estimate (default) or the lower/upper end of its 95% confidence interval.'),
  min: z.number().optional().describe('The value judged must be at least this.'),
  max: z.number().optional().describe('The value judged must be at most this (lower-is-better metrics).'),
};
const needsBound = (b: { min?: number | undefined; max?: number | undefined }) =>
  b.min !== undefined || b.max !== undefined;
const boundMessage = { message: 'needs a bound: set min, max or both' };

const Floor = z
  .strictObject({
    metric: z.enum(PCCP_METRICS).describe('Metric of a model.metric check.'),
    ...Bound,
    dataset: z
      .string()
      .min(1)
      .optional()
      .describe("Dataset the result must be on (default: data.test_set's dataset, when set)."),
    check: z
      .string()
      .min(1)
      .optional()
      .describe('Only the result of this check id (default: every model.metric result for the metric).'),
  })
  .refine(needsBound, boundMessage);

const SubgroupFloor = z
  .strictObject({
    attribute: z.string().min(1).describe('The attribute of a model.subgroups check (e.g. age, sex, site).'),
    metric: z.enum(PCCP_SUBGROUP_METRICS).describe('A metric that model.subgroups computes per group.'),
    ...Bound,
    dataset: z
      .string()
      .min(1)
      .optional()
      .describe("Dataset the result must be on (default: data.test_set's dataset, when set)."),
  })
  .refine(needsBound, boundMessage);

const NonInferiority = z.strictObject({
  metric: z
    .enum(PCCP_NON_INFERIORITY_METRICS)
    .describe('Metric of a model.compare check (candidate vs baseline); brier: lower is better.'),
  margin: z
    .number()
    .positive()
    .describe(
      'Largest loss allowed: the 95% CI of Δ (candidate − baseline) must have its lower end ≥ −margin (higher is better) or its upper end ≤ +margin (lower is better). This margin applies, not the check’s own.',
    ),
  subgroups: z
    .boolean()
    .default(false)
    .describe('Also require non-inferiority in every subgroup the model.compare check compares by.'),
  dataset: z
    .string()
    .min(1)
    .optional()
    .describe("Dataset the comparison must be on (default: data.test_set's dataset, when set)."),
});

export const PccpFile = z
  .strictObject({
    version: z.literal(1).describe('PCCP format version.'),
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" or "-"')
      .describe('Identifier of the plan, e.g. PCCP-001 (as in the submission).'),
    title: z.string().min(1).optional(),
    description: z.string().min(1).optional(),
    modifications: z
      .array(Modification)
      .min(1)
      .superRefine((mods, ctx) => {
        const seen = new Set<string>();
        mods.forEach((m, i) => {
          if (seen.has(m.type))
            ctx.addIssue({
              code: 'custom',
              path: [i, 'type'],
              message: `duplicate modification type "${m.type}"`,
            });
          seen.add(m.type);
        });
      })
      .optional()
      .describe('Modification types the plan allows; a change declaring any other type is outside the plan.'),
    frozen: Frozen.optional(),
    data: z
      .strictObject({
        test_set: z
          .strictObject({
            dataset: z.string().min(1).describe('Name of the sequestered test dataset in regops.yml.'),
            sha256: z
              .string()
              .regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hexadecimal digits (the sha256sum of the file)')
              .transform((s) => s.toLowerCase())
              .describe('SHA-256 of its file: the test set must not change.'),
          })
          .describe('The sequestered test set, identified by its file hash.'),
        min_subgroup_n: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe(
            'Every group in the model.subgroups and per-subgroup model.compare results has at least this n.',
          ),
        no_patient_overlap: z
          .boolean()
          .optional()
          .describe(
            'true: a passing split-integrity (data.leakage) result must show no overlap of train and test.',
          ),
      })
      .partial()
      .optional()
      .describe('Rules about the data a change is evaluated on.'),
    acceptance: z
      .strictObject({
        non_inferiority: z
          .array(NonInferiority)
          .default([])
          .describe('Non-inferiority against the baseline, from model.compare results.'),
        floors: z
          .array(Floor)
          .default([])
          .describe('Absolute bounds on the whole test set, from model.metric results.'),
        subgroup_floors: z
          .array(SubgroupFloor)
          .default([])
          .describe('Absolute bounds in every group, from model.subgroups results.'),
      })
      .optional()
      .describe('Performance criteria a change must meet.'),
  })
  .describe(
    'Predetermined change control plan (PCCP): the changes a cleared model may undergo, and how each is verified.',
  );
export type Pccp = z.infer<typeof PccpFile>;
export type PccpInputFile = z.input<typeof PccpFile>;

/** What regops.yml records when the gate lets a change outside the plan through; the verdict stays 'outside'. */
export const PccpOverride = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(20, 'give the reason in at least 20 characters')
      .describe('Why the change may proceed although it is outside the plan.'),
    approved_by: z.string().trim().min(1).describe('Who approved it (name and role).'),
    reference: z
      .string()
      .trim()
      .min(1)
      .describe('The record that covers it, e.g. a CAPA, change request or new submission number.'),
  })
  .describe('Documented approval of a change outside the PCCP.');
export type PccpOverride = z.infer<typeof PccpOverride>;

/** A suggested `pccp:` section for regops.yml: the plan file and what this change declares. */
export const PccpChangeConfig = z
  .strictObject({
    plan: z.string().min(1).describe('The PCCP file (pccp.yml), relative to regops.yml.'),
    modifications: z
      .array(ModificationType)
      .default([])
      .describe('Modification types this change makes; each must be one the plan allows.'),
    override: PccpOverride.optional(),
  })
  .describe('The predetermined change control plan this change is judged against.');
export type PccpChangeConfig = z.infer<typeof PccpChangeConfig>;

export const PCCP_RULE_STATUSES = ['met', 'violated', 'not_evaluated'] as const;

export const PccpRuleResult = z.strictObject({
  rule: z.string().describe("The plan's rule, e.g. frozen.input_schema or acceptance.floors[0]."),
  status: z.enum(PCCP_RULE_STATUSES),
  message: z.string().describe('What was compared, both values when they differ, or what evidence to add.'),
});
export type PccpRuleResult = z.infer<typeof PccpRuleResult>;

export const PccpVerdict = z.strictObject({
  id: z.string(),
  verdict: z.enum(['within', 'outside']).describe('within only when every rule is met.'),
  rules: z.array(PccpRuleResult),
  overridden: PccpOverride.optional().describe('The approval recorded for a change outside the plan.'),
});
export type PccpVerdict = z.infer<typeof PccpVerdict>;

/* ------------------------------------------------------------------ loading */

/** Read and validate a PCCP file (path relative to `rootDir`); ConfigurationError (exit 2) with file:line:col. */
export function loadPccp(rootDir: string, relPath: string): Pccp {
  const abs = path.resolve(rootDir, relPath);
  const file = readYamlFile(abs, displayPath(abs), 'PCCP file');
  if (file.data === null || file.data === undefined) {
    throw new ConfigurationError(
      `${file.display}: the PCCP file is empty; see examples/pima-diabetes/pccp.yml`,
    );
  }
  return parseWith(PccpFile, file);
}

/* ---------------------------------------------------------------- evaluating */

export interface PccpInput {
  /** What this change declares (regops.yml `pccp.modifications`). */
  change: { modifications: string[] };
  /** The candidate's config (model, target, datasets). */
  config: RegopsConfig;
  /** The model card's intended use (see `intendedUseText`), or null when there is none. */
  intendedUse: string | null;
  /** Dataset name → sha256 of its file, from the evidence inputs. */
  datasetHashes: Record<string, string>;
  /** Every check result of the run. */
  results: CheckResult[];
}

/** The text `frozen.intended_use` is compared with: the model card's intended_use.purpose. */
export function intendedUseText(modelcard: ModelCardMeta | null | undefined): string | null {
  return modelcard?.intended_use?.purpose ?? null;
}

type RuleStatus = PccpRuleResult['status'];
const rule = (name: string, status: RuleStatus, message: string): PccpRuleResult => ({
  rule: name,
  status,
  message,
});

/** A number as shown in messages: at most 4 decimals, no trailing zeros. */
function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = Number(x.toFixed(4)).toString();
  return s === '-0' ? '0' : s;
}

const q = (v: unknown) => (v === undefined ? 'not set' : JSON.stringify(v));
const differs = (field: string, plan: unknown, change: unknown) =>
  `${field}: ${q(plan)} in the plan, ${q(change)} in the change`;
const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();
const hash12 = (h: string) => `${h.slice(0, 12)}…`;
const details = (r: CheckResult) => (r.details ?? {}) as Record<string, unknown>;

function listDiffs(diffs: string[], max = 5): string {
  return diffs.length <= max
    ? diffs.join('; ')
    : `${diffs.slice(0, max).join('; ')}; and ${diffs.length - max} more`;
}

function evalModifications(pccp: Pccp, declared: string[]): PccpRuleResult {
  const allowed = (pccp.modifications ?? []).map((m) => m.type as string);
  const name = 'modifications';
  if (declared.length === 0)
    return rule(
      name,
      'violated',
      'the change declares no modification type; set pccp.modifications in regops.yml',
    );
  if (allowed.length === 0)
    return rule(
      name,
      'violated',
      `the plan allows no modification type; the change declares ${declared.join(', ')}`,
    );
  const problems = declared
    .filter((d, i) => !allowed.includes(d) && declared.indexOf(d) === i)
    .map((d) => {
      if (!(PCCP_MODIFICATION_TYPES as readonly string[]).includes(d)) {
        const hint = nearest(d, PCCP_MODIFICATION_TYPES);
        return `"${d}" is not a modification type${hint ? `; did you mean "${hint}"?` : ''}`;
      }
      return `the change declares "${d}", which the plan does not allow`;
    });
  if (problems.length > 0)
    return rule(name, 'violated', `${problems.join('; ')} (allowed: ${allowed.join(', ')})`);
  return rule(name, 'met', `declared ${[...new Set(declared)].join(', ')}; allowed by the plan`);
}

function evalIntendedUse(plan: string, actual: string | null): PccpRuleResult {
  const name = 'frozen.intended_use';
  if (actual === null)
    return rule(
      name,
      'not_evaluated',
      'the model card states no intended use: set intended_use.purpose in the model card file',
    );
  const a = normalize(plan);
  const b = normalize(actual);
  if (a === b) return rule(name, 'met', 'intended use as in the plan');
  return rule(name, 'violated', `intended use differs: ${excerpt(a, b)}`);
}

/** Both texts in full when short, else around their first difference. */
function excerpt(a: string, b: string): string {
  if (a.length <= 100 && b.length <= 100) return `${q(a)} in the plan, ${q(b)} in the change`;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const start = Math.max(0, i - 30);
  const cut = (s: string) =>
    `${start > 0 ? '…' : ''}${s.slice(start, i + 50)}${s.length > i + 50 ? '…' : ''}`;
  return `from character ${i + 1}: ${q(cut(a))} in the plan, ${q(cut(b))} in the change`;
}

function compareLists(field: string, plan: readonly string[], change: readonly string[]): string[] {
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(plan.length, change.length); i++) {
    const p = plan[i];
    const c = change[i];
    if (p !== c) diffs.push(`${field}[${i}]: ${q(p)} in the plan, ${q(c)} in the change`);
  }
  return diffs;
}

function evalInputSchema(
  plan: NonNullable<NonNullable<Pccp['frozen']>['input_schema']>,
  config: RegopsConfig,
): PccpRuleResult {
  const name = 'frozen.input_schema';
  const model = config.model;
  if (!model) return rule(name, 'violated', 'the change has no model section; the plan fixes its input');
  const diffs: string[] = [];
  if (plan.input !== model.input) diffs.push(differs('input', plan.input, model.input));
  diffs.push(...compareLists('features', plan.features, model.features));
  if (diffs.length > 0) return rule(name, 'violated', listDiffs(diffs));
  return rule(
    name,
    'met',
    `input ${plan.input} with the ${plan.features.length} features in the plan's order`,
  );
}

function evalOutputType(
  plan: NonNullable<NonNullable<Pccp['frozen']>['output_type']>,
  config: RegopsConfig,
): PccpRuleResult {
  const name = 'frozen.output_type';
  const model = config.model;
  if (!model) return rule(name, 'violated', 'the change has no model section; the plan fixes its output');
  const actual: Record<string, unknown> = {
    task: model.task ?? 'binary',
    probabilities: model.probabilities,
    positive_index: model.positive_index,
    output: model.output,
    label: model.label,
  };
  const diffs: string[] = [];
  const fields = Object.entries(plan).filter(([, v]) => v !== undefined);
  for (const [k, v] of fields) if (actual[k] !== v) diffs.push(differs(k, v, actual[k]));
  if (diffs.length > 0) return rule(name, 'violated', listDiffs(diffs));
  return rule(name, 'met', `${fields.map(([k, v]) => `${k} ${q(v)}`).join(', ')} as in the plan`);
}

function evalLabelDefinition(
  plan: NonNullable<NonNullable<Pccp['frozen']>['label_definition']>,
  config: RegopsConfig,
): PccpRuleResult {
  const name = 'frozen.label_definition';
  const target = config.target;
  if (!target) return rule(name, 'violated', 'the change has no target section; the plan fixes the label');
  const diffs: string[] = [];
  if (plan.column !== target.column) diffs.push(differs('column', plan.column, target.column));
  if (plan.positive !== undefined && plan.positive !== target.positive)
    diffs.push(differs('positive', plan.positive, target.positive));
  if (plan.negative !== undefined && plan.negative !== target.negative)
    diffs.push(differs('negative', plan.negative, target.negative));
  if (plan.classes !== undefined) {
    if (!target.classes) diffs.push(differs('classes', plan.classes, undefined));
    else diffs.push(...compareLists('classes', plan.classes, target.classes));
  }
  if (diffs.length > 0) return rule(name, 'violated', listDiffs(diffs));
  const parts = [`column ${q(plan.column)}`];
  if (plan.positive !== undefined) parts.push(`positive ${q(plan.positive)}`);
  if (plan.negative !== undefined) parts.push(`negative ${q(plan.negative)}`);
  if (plan.classes !== undefined) parts.push(`classes ${plan.classes.map((c) => q(c)).join(', ')}`);
  return rule(name, 'met', `${parts.join(', ')} as in the plan`);
}

function evalTestSet(
  plan: NonNullable<NonNullable<Pccp['data']>['test_set']>,
  input: PccpInput,
): PccpRuleResult {
  const name = 'data.test_set';
  const known = Object.keys(input.config.datasets);
  if (!known.includes(plan.dataset)) {
    const hint = nearest(plan.dataset, known);
    return rule(
      name,
      'violated',
      `dataset "${plan.dataset}" is not in the change's datasets${hint ? ` (renamed to "${hint}"?)` : ''} (defined: ${known.join(', ') || 'none'})`,
    );
  }
  const actual = input.datasetHashes[plan.dataset];
  if (actual === undefined)
    return rule(
      name,
      'not_evaluated',
      `no sha256 of dataset "${plan.dataset}" in the evidence inputs: the run must read and hash its file`,
    );
  if (actual.toLowerCase() !== plan.sha256)
    return rule(
      name,
      'violated',
      `${plan.dataset}: sha256 ${hash12(plan.sha256)} in the plan, ${hash12(actual.toLowerCase())} in the change (the sequestered test set must not change)`,
    );
  return rule(name, 'met', `${plan.dataset}: sha256 ${hash12(plan.sha256)} as in the plan`);
}

interface GroupN {
  group: string;
  n: number;
  source: string;
}

/** Group sizes from model.subgroups (details.groups) and per-group results (id with '/', metric n). */
function groupSizes(results: readonly CheckResult[]): GroupN[] {
  const out: GroupN[] = [];
  for (const r of results) {
    if (r.check !== 'model.subgroups' && r.check !== 'model.compare') continue;
    const d = details(r);
    if (r.check === 'model.subgroups' && Array.isArray(d.groups)) {
      const attr = typeof d.attribute === 'string' ? d.attribute : '?';
      for (const g of d.groups as Record<string, unknown>[]) {
        if (typeof g?.rows === 'number')
          out.push({ group: `${attr}=${String(g.group)}`, n: g.rows, source: r.id });
      }
      continue;
    }
    const n = r.metrics.find((m) => m.name === 'n')?.value;
    if (!r.id.includes('/') || typeof n !== 'number') continue;
    const sub = d.subgroup as { attribute?: unknown; group?: unknown } | null | undefined;
    const group =
      sub && sub.attribute !== undefined
        ? `${String(sub.attribute)}=${String(sub.group)}`
        : r.id.slice(r.id.indexOf('/') + 1);
    out.push({ group, n, source: r.id });
  }
  return out;
}

function evalMinSubgroupN(min: number, results: readonly CheckResult[]): PccpRuleResult {
  const name = 'data.min_subgroup_n';
  const sizes = groupSizes(results);
  if (sizes.length === 0)
    return rule(
      name,
      'not_evaluated',
      'no per-group results: add a model.subgroups check (or a model.compare check with subgroups) to show the group sizes',
    );
  // One entry per group: the smallest n any result reports for it.
  const byGroup = new Map<string, number>();
  for (const s of sizes)
    byGroup.set(s.group, Math.min(s.n, byGroup.get(s.group) ?? Number.POSITIVE_INFINITY));
  const small = [...byGroup].filter(([, n]) => n < min);
  if (small.length > 0)
    return rule(
      name,
      'violated',
      `${small.length} group(s) below n = ${min}: ${small.map(([g, n]) => `${g} (n=${n})`).join(', ')}`,
    );
  const [g, n] = [...byGroup].sort((a, b) => a[1] - b[1])[0] as [string, number];
  return rule(
    name,
    'met',
    `every group has n ≥ ${min} (${byGroup.size} group(s); smallest ${g} with n=${n})`,
  );
}

function evalNoOverlap(results: readonly CheckResult[]): PccpRuleResult {
  const name = 'data.no_patient_overlap';
  const splits = results.filter((r) => PCCP_SPLIT_CHECKS.includes(r.check));
  if (splits.length === 0)
    return rule(
      name,
      'not_evaluated',
      'no split-integrity result: add a data.leakage check (reference: train, current: test; id_column: the patient ID column)',
    );
  const say = (rs: CheckResult[]) => rs.map((r) => `${r.id} ${r.status}: ${r.message}`).join('; ');
  const bad = splits.filter((r) => r.status === 'fail' || r.status === 'warn');
  if (bad.length > 0) return rule(name, 'violated', say(bad));
  // error or skip: the check could not say whether the data overlap.
  const unknown = splits.filter((r) => r.status !== 'pass');
  if (unknown.length > 0) return rule(name, 'not_evaluated', say(unknown));
  const byId = splits.some((r) => r.metrics.some((m) => m.name === 'shared_ids'));
  return rule(
    name,
    'met',
    `${splits.map((r) => r.id).join(', ')} passed${byId ? '' : ' (identical rows only: set id_column on the check to compare patient IDs)'}`,
  );
}

function evalNonInferiority(
  i: number,
  ni: NonNullable<Pccp['acceptance']>['non_inferiority'][number],
  dataset: string | undefined,
  results: readonly CheckResult[],
): PccpRuleResult {
  const name = `acceptance.non_inferiority[${i}]`;
  const deltaName = `delta_${ni.metric}`;
  const onDs = dataset ? ` on ${dataset}` : '';
  // A result that names no dataset is taken to be on the test set.
  const compare = results.filter(
    (r) =>
      r.check === 'model.compare' &&
      (details(r).metric === ni.metric || r.metrics.some((m) => m.name === deltaName)) &&
      (dataset === undefined || details(r).dataset === undefined || details(r).dataset === dataset),
  );
  const isSub = (r: CheckResult) => (details(r).subgroup ?? null) !== null || r.id.includes('/');
  const overall = compare.filter((r) => !isSub(r));
  const subs = compare.filter(isSub);
  if (overall.length === 0)
    return rule(
      name,
      'not_evaluated',
      `no model.compare result for ${ni.metric}${onDs}: add a model.compare check with metric: ${ni.metric}${dataset ? `, dataset: ${dataset}` : ''}`,
    );
  if (ni.subgroups && subs.length === 0)
    return rule(
      name,
      'not_evaluated',
      `no per-subgroup model.compare result for ${ni.metric}${onDs}: set \`by:\` (the subgroup column) on the model.compare check for ${ni.metric}`,
    );
  const judged = ni.subgroups ? [...overall, ...subs] : overall;
  const failing: string[] = [];
  const missing: string[] = [];
  const shown: string[] = [];
  for (const r of judged) {
    const delta = r.metrics.find((m) => m.name === deltaName);
    const direction =
      details(r).direction === 'lower_is_better' ||
      (details(r).direction === undefined && PCCP_LOWER_IS_BETTER.includes(ni.metric))
        ? 'lower'
        : 'higher';
    if (!delta?.ci || delta.value === null) {
      missing.push(`${r.id}: no confidence interval for Δ ${label(ni.metric)} (status ${r.status})`);
      continue;
    }
    const [lo, hi] = delta.ci;
    const range = `Δ ${label(ni.metric)} ${fmt(delta.value)} (95% CI ${fmt(lo)} to ${fmt(hi)})`;
    if (direction === 'higher' ? lo < -ni.margin : hi > ni.margin) {
      failing.push(
        direction === 'higher'
          ? `${r.id}: ${range}, lower end ${fmt(lo)} < -${fmt(ni.margin)}`
          : `${r.id}: ${range}, upper end ${fmt(hi)} > +${fmt(ni.margin)}`,
      );
    } else shown.push(`${r.id}: ${range}`);
  }
  if (failing.length > 0)
    return rule(name, 'violated', `not non-inferior within margin ${fmt(ni.margin)}: ${failing.join('; ')}`);
  if (missing.length > 0) return rule(name, 'not_evaluated', missing.join('; '));
  return rule(name, 'met', `non-inferior within margin ${fmt(ni.margin)}: ${shown.join('; ')}`);
}

function boundText(b: {
  on: 'point' | 'lower' | 'upper';
  min?: number | undefined;
  max?: number | undefined;
}) {
  const parts = [];
  if (b.min !== undefined) parts.push(`≥ ${fmt(b.min)}`);
  if (b.max !== undefined) parts.push(`≤ ${fmt(b.max)}`);
  return parts.join(' and ');
}
const onText = (on: 'point' | 'lower' | 'upper') => (on === 'point' ? '' : ` (${on} end of the 95% CI)`);

/** The bound a value misses, as text ("0.68 < 0.7"), or null when it meets every bound. */
function miss(value: number, b: { min?: number | undefined; max?: number | undefined }): string | null {
  if (!Number.isFinite(value)) return `${value}`;
  if (b.min !== undefined && value < b.min) return `${fmt(value)} < ${fmt(b.min)}`;
  if (b.max !== undefined && value > b.max) return `${fmt(value)} > ${fmt(b.max)}`;
  return null;
}

function judgedValue(
  value: number | null | undefined,
  ci: readonly [number, number] | null | undefined,
  on: 'point' | 'lower' | 'upper',
): number | null {
  if (value === null || value === undefined) return null;
  if (on === 'point') return value;
  if (!ci) return null;
  return on === 'lower' ? ci[0] : ci[1];
}

function evalFloor(
  i: number,
  f: NonNullable<Pccp['acceptance']>['floors'][number],
  dataset: string | undefined,
  results: readonly CheckResult[],
): PccpRuleResult {
  const name = `acceptance.floors[${i}]`;
  const onDs = dataset ? ` on ${dataset}` : '';
  const matching = results.filter(
    (r) =>
      r.check === 'model.metric' &&
      r.metrics[0]?.name === f.metric &&
      (f.check === undefined || r.id === f.check || r.id.startsWith(`${f.check}/`)) &&
      (dataset === undefined || details(r).dataset === dataset),
  );
  if (matching.length === 0) {
    const which = f.check ? ` from check ${f.check}` : '';
    return rule(
      name,
      'not_evaluated',
      `no model.metric result for ${f.metric}${onDs}${which}: add a model.metric check with metric: ${f.metric}${dataset ? `, dataset: ${dataset}` : ''}`,
    );
  }
  const failing: string[] = [];
  const undefinedValue: string[] = [];
  const noCi: string[] = [];
  const shown: string[] = [];
  for (const r of matching) {
    const m = r.metrics[0];
    const v = judgedValue(m?.value, m?.ci, f.on);
    if (m?.value === null || m?.value === undefined) {
      undefinedValue.push(`${r.id}: ${f.metric} could not be computed (status ${r.status})`);
      continue;
    }
    if (v === null) {
      noCi.push(r.id);
      continue;
    }
    const why = miss(v, f);
    if (why) failing.push(`${r.id}: ${label(f.metric)}${onText(f.on)} ${why}`);
    else shown.push(`${r.id} ${fmt(v)}`);
  }
  if (failing.length > 0) return rule(name, 'violated', failing.join('; '));
  if (undefinedValue.length > 0) return rule(name, 'not_evaluated', undefinedValue.join('; '));
  if (shown.length === 0)
    return rule(
      name,
      'not_evaluated',
      `no confidence interval for ${f.metric}${onDs} (${noCi.join(', ')}): set ci: on the model.metric check`,
    );
  return rule(name, 'met', `${label(f.metric)}${onText(f.on)} ${boundText(f)}${onDs}: ${shown.join(', ')}`);
}

interface GroupMetricEntry {
  value: number | null;
  ci: [number, number] | null;
}

function evalSubgroupFloor(
  i: number,
  f: NonNullable<Pccp['acceptance']>['subgroup_floors'][number],
  dataset: string | undefined,
  results: readonly CheckResult[],
): PccpRuleResult {
  const name = `acceptance.subgroup_floors[${i}]`;
  const onDs = dataset ? ` on ${dataset}` : '';
  const matching = results.filter(
    (r) =>
      r.check === 'model.subgroups' &&
      details(r).attribute === f.attribute &&
      (dataset === undefined || details(r).dataset === dataset) &&
      Array.isArray(details(r).groups),
  );
  if (matching.length === 0)
    return rule(
      name,
      'not_evaluated',
      `no model.subgroups result for attribute ${f.attribute}${onDs}: add a model.subgroups check with attribute: ${f.attribute} and ${f.metric} under its metrics`,
    );
  const groups = matching.flatMap((r) =>
    (details(r).groups as Record<string, unknown>[]).map((g) => ({ r, g })),
  );
  const computed = groups.some(({ g }) => g[f.metric] !== undefined);
  if (!computed && groups.some(({ g }) => g.too_small !== true))
    return rule(
      name,
      'not_evaluated',
      `model.subgroups for ${f.attribute} does not compute ${f.metric}: add ${f.metric} under the metrics of check ${matching.map((r) => r.id).join(', ')}`,
    );
  const failing: string[] = [];
  const unjudged: string[] = [];
  const shown: string[] = [];
  for (const { g } of groups) {
    const gname = `${f.attribute}=${String(g.group)}`;
    if (g.too_small === true) {
      unjudged.push(`${gname}: too small to judge (n=${String(g.rows)})`);
      continue;
    }
    const e = g[f.metric] as GroupMetricEntry | undefined;
    const v = judgedValue(e?.value, e?.ci, f.on);
    if (v === null) {
      unjudged.push(`${gname}: ${f.metric}${f.on === 'point' ? '' : ` ${f.on} CI end`} not computed`);
      continue;
    }
    const why = miss(v, f);
    if (why) failing.push(`${gname}: ${label(f.metric)}${onText(f.on)} ${why}`);
    else shown.push(`${String(g.group)} ${fmt(v)}`);
  }
  if (failing.length > 0) return rule(name, 'violated', [...failing, ...unjudged].join('; '));
  if (unjudged.length > 0) return rule(name, 'not_evaluated', unjudged.join('; '));
  return rule(
    name,
    'met',
    `${label(f.metric)}${onText(f.on)} ${boundText(f)} in every ${f.attribute} group${onDs}: ${shown.join(', ')}`,
  );
}

/**
 * Judge one change against the plan. Pure: every input is given. The verdict is 'within' only when every
 * rule is met; a violated rule or one without evidence makes it 'outside'.
 */
export function evaluatePccp(pccp: Pccp, input: PccpInput): PccpVerdict {
  const rules: PccpRuleResult[] = [evalModifications(pccp, input.change.modifications)];
  const fz = pccp.frozen;
  if (fz?.intended_use !== undefined) rules.push(evalIntendedUse(fz.intended_use, input.intendedUse));
  if (fz?.input_schema) rules.push(evalInputSchema(fz.input_schema, input.config));
  if (fz?.output_type) rules.push(evalOutputType(fz.output_type, input.config));
  if (fz?.label_definition) rules.push(evalLabelDefinition(fz.label_definition, input.config));
  const data = pccp.data;
  if (data?.test_set) rules.push(evalTestSet(data.test_set, input));
  if (data?.min_subgroup_n !== undefined) rules.push(evalMinSubgroupN(data.min_subgroup_n, input.results));
  if (data?.no_patient_overlap) rules.push(evalNoOverlap(input.results));
  const acc = pccp.acceptance;
  const testDs = data?.test_set?.dataset;
  acc?.non_inferiority.forEach((ni, i) => {
    rules.push(evalNonInferiority(i, ni, ni.dataset ?? testDs, input.results));
  });
  acc?.floors.forEach((f, i) => {
    rules.push(evalFloor(i, f, f.dataset ?? testDs, input.results));
  });
  acc?.subgroup_floors.forEach((f, i) => {
    rules.push(evalSubgroupFloor(i, f, f.dataset ?? testDs, input.results));
  });
  return {
    id: pccp.id,
    verdict: rules.every((r) => r.status === 'met') ? 'within' : 'outside',
    rules,
  };
}

/** The verdict with the approval recorded; it stays 'outside' (the gate decides what an override allows). */
export function applyOverride(verdict: PccpVerdict, override: PccpOverride): PccpVerdict {
  return { ...verdict, overridden: { ...override } };
}

/* ------------------------------------------------------------------ words */

/** Each rule of the plan in words, under the rule names the verdict uses, for documents. */
export function pccpCriterionText(pccp: Pccp): { rule: string; criterion: string }[] {
  const out: { rule: string; criterion: string }[] = [];
  const add = (r: string, criterion: string) => out.push({ rule: r, criterion });
  const mods = pccp.modifications ?? [];
  add(
    'modifications',
    mods.length === 0
      ? 'No modification is allowed'
      : `The change declares only these modification types: ${mods.map((m) => m.type).join(', ')}`,
  );
  const fz = pccp.frozen;
  if (fz?.intended_use !== undefined)
    add('frozen.intended_use', `Intended use unchanged: ${q(normalize(fz.intended_use))}`);
  if (fz?.input_schema)
    add(
      'frozen.input_schema',
      `Model input ${fz.input_schema.input} with features ${fz.input_schema.features.join(', ')}, in this order`,
    );
  if (fz?.output_type) {
    const o = fz.output_type;
    const parts = [`task ${o.task}`];
    if (o.probabilities !== undefined) parts.push(`probabilities output ${o.probabilities}`);
    if (o.positive_index !== undefined) parts.push(`positive class in column ${o.positive_index}`);
    if (o.output !== undefined) parts.push(`prediction output ${o.output}`);
    if (o.label !== undefined) parts.push(`label output ${o.label}`);
    add('frozen.output_type', `Output unchanged: ${parts.join(', ')}`);
  }
  if (fz?.label_definition) {
    const l = fz.label_definition;
    const parts = [`column ${l.column}`];
    if (l.positive !== undefined) parts.push(`positive ${q(l.positive)}`);
    if (l.negative !== undefined) parts.push(`negative ${q(l.negative)}`);
    if (l.classes !== undefined) parts.push(`classes ${l.classes.join(', ')}`);
    add('frozen.label_definition', `Label definition unchanged: ${parts.join(', ')}`);
  }
  const data = pccp.data;
  if (data?.test_set)
    add(
      'data.test_set',
      `Sequestered test set ${data.test_set.dataset} unchanged (sha256 ${hash12(data.test_set.sha256)})`,
    );
  if (data?.min_subgroup_n !== undefined)
    add('data.min_subgroup_n', `Every evaluated subgroup has n ≥ ${data.min_subgroup_n}`);
  if (data?.no_patient_overlap)
    add(
      'data.no_patient_overlap',
      'No record or patient in both the training and the test data (data.leakage passes)',
    );
  const acc = pccp.acceptance;
  const testDs = data?.test_set?.dataset;
  acc?.non_inferiority.forEach((ni, i) => {
    const lower = PCCP_LOWER_IS_BETTER.includes(ni.metric);
    add(
      `acceptance.non_inferiority[${i}]`,
      `Non-inferior to the baseline in ${label(ni.metric)}: 95% CI of Δ (candidate − baseline) ${lower ? `upper end ≤ +${fmt(ni.margin)}` : `lower end ≥ -${fmt(ni.margin)}`}${ni.subgroups ? ', overall and in every subgroup' : ''}${(ni.dataset ?? testDs) ? ` on ${ni.dataset ?? testDs}` : ''}`,
    );
  });
  acc?.floors.forEach((f, i) => {
    const ds = f.dataset ?? testDs;
    add(
      `acceptance.floors[${i}]`,
      `${label(f.metric)}${onText(f.on)} ${boundText(f)}${ds ? ` on ${ds}` : ''}${f.check ? ` (check ${f.check})` : ''}`,
    );
  });
  acc?.subgroup_floors.forEach((f, i) => {
    const ds = f.dataset ?? testDs;
    add(
      `acceptance.subgroup_floors[${i}]`,
      `${label(f.metric)}${onText(f.on)} ${boundText(f)} in every ${f.attribute} group${ds ? ` on ${ds}` : ''}`,
    );
  });
  return out;
}

/** One line for a comment or report: the verdict and the rules that keep the change outside. */
export function pccpSummary(verdict: PccpVerdict): string {
  const met = verdict.rules.filter((r) => r.status === 'met').length;
  if (verdict.verdict === 'within')
    return `${verdict.id}: within the plan (${met} of ${verdict.rules.length} rules met)`;
  const of = (s: RuleStatus) => verdict.rules.filter((r) => r.status === s).map((r) => r.rule);
  const parts = [];
  const v = of('violated');
  const n = of('not_evaluated');
  if (v.length > 0) parts.push(`violated: ${v.join(', ')}`);
  if (n.length > 0) parts.push(`not evaluated: ${n.join(', ')}`);
  const o = verdict.overridden;
  return `${verdict.id}: outside the plan (${parts.join('; ')})${o ? `; overridden by ${o.approved_by} (${o.reference})` : ''}`;
}
