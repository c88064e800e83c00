import { z } from 'zod';
import { DesignReviewPolicy } from './design-review';
import { PccpChangeConfig } from './pccp';
import { Status } from './results';

const RelPath = z.string().min(1).describe('Path relative to the directory of regops.yml.');

export const DATASET_ROLES = ['train', 'test', 'reference', 'current'] as const;

export const DatasetConfig = z.strictObject({
  path: RelPath,
  role: z
    .enum(DATASET_ROLES)
    .describe(
      'train: the model was fitted on it; test: held-out evaluation; reference: drift baseline; current: new data',
    ),
  format: z
    .enum(['csv', 'jsonl', 'parquet'])
    .optional()
    .describe('File format; default from the extension (.csv, .tsv, .txt, .jsonl, .ndjson, .parquet).'),
  delimiter: z.string().length(1).optional().describe('CSV field delimiter (default: ",", tab for .tsv).'),
  na_values: z.array(z.string()).default(['', 'NA']).describe('Cell texts that mean "missing".'),
  description: z.string().optional(),
});
export type DatasetConfig = z.infer<typeof DatasetConfig>;

export const MODEL_TASKS = ['binary', 'multiclass', 'regression'] as const;

export const ModelConfig = z.strictObject({
  path: RelPath.describe('The ONNX model under test (the candidate).'),
  task: z
    .enum(MODEL_TASKS)
    .optional()
    .describe(
      'binary (default): P(positive) from the probabilities output; multiclass: the whole probabilities output [N, k], one column per target.classes entry; regression: the numeric prediction output (model.output).',
    ),
  input: z.string().min(1).describe('Name of the model input tensor, e.g. float_input.'),
  features: z
    .array(z.string().min(1))
    .min(1)
    .describe('Dataset columns fed to the input tensor, in this order, as float32.'),
  probabilities: z
    .string()
    .min(1)
    .default('probabilities')
    .describe('Output holding class probabilities [N, k].'),
  positive_index: z
    .number()
    .int()
    .min(0)
    .default(1)
    .describe('Column of the probabilities output for the positive class.'),
  output: z
    .string()
    .min(1)
    .optional()
    .describe('Regression: the output holding the predicted values, [N] or [N, 1].'),
  label: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Classification: the output holding predicted labels [N] (skl2onnx names it "label"). When set, every row\'s label must be the one its highest-probability column stands for: a model whose two outputs disagree fails with the rows named.',
    ),
  batch_size: z.number().int().min(1).default(4096),
  name: z.string().optional(),
  version: z.string().optional(),
});
export type ModelConfig = z.infer<typeof ModelConfig>;

export const TargetConfig = z.strictObject({
  column: z.string().min(1).describe('Dataset column holding the true label (regression: the true value).'),
  positive: z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .optional()
    .describe('Cell value of the positive class, e.g. pos or 1 (required when model.task is binary).'),
  negative: z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .optional()
    .describe('Cell value of the negative class; when set, any other label is an error.'),
  classes: z
    .array(z.union([z.string(), z.number()]).transform((v) => String(v)))
    .min(2)
    .optional()
    .describe(
      'Multiclass: the label values in the order of the probabilities columns (required when model.task is multiclass).',
    ),
});

export const BaselineConfig = z.strictObject({
  model: RelPath.optional().describe(
    'The model this change replaces, for comparison: a file in the working tree, or (from: git) its path on the target branch (default: model.path).',
  ),
  from: z
    .enum(['path', 'git'])
    .default('path')
    .describe(
      'path: baseline.model is a file in the working tree; git: read it at the merge-base of HEAD and the target branch (git show, no network).',
    ),
  ref: z
    .string()
    .min(1)
    .optional()
    .describe(
      'from: git: the target branch or commit (e.g. origin/main); default: GITHUB_BASE_REF or CI_MERGE_REQUEST_DIFF_BASE_SHA.',
    ),
  description: z.string().optional(),
});

export const PrivacyConfig = z.strictObject({
  sensitive: z
    .array(z.string())
    .default([])
    .describe(
      'Columns whose values never appear in any output (masked or withheld), whatever the PHI scan finds.',
    ),
  allow_phi: z
    .array(z.string())
    .default([])
    .describe(
      'Columns that may hold identifiers (e.g. pseudonymous study IDs): the PHI check passes them, but they stay masked.',
    ),
});
export type PrivacyConfig = z.infer<typeof PrivacyConfig>;

export const GateConfig = z.strictObject({
  fail_on: z.array(Status).default(['fail', 'error']).describe('Result statuses that block the change.'),
  require_verified: z
    .boolean()
    .default(false)
    .describe('Block the change when a requirement has no check that verifies it.'),
  review: DesignReviewPolicy.optional().describe(
    'Design review of a pull/merge request: linked requirement or change IDs in its description, approvals on the head commit, required reviewers per path, change-type labels. Judged by the GitHub and GitLab integrations.',
  ),
});
export type GateConfig = z.infer<typeof GateConfig>;

/** Fields every check entry has, whatever its type. */
export const checkCommonShape = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-"')
    .describe('Unique name of this check in the config.'),
  title: z.string().optional(),
  verifies: z.array(z.string()).default([]).describe('Requirement IDs this check verifies.'),
  controls: z.array(z.string()).default([]).describe('Risk-control IDs this check is evidence for.'),
  enabled: z.boolean().default(true),
};

export interface CheckEntry {
  id: string;
  type: string;
  title?: string | undefined;
  verifies: string[];
  controls: string[];
  enabled: boolean;
  [key: string]: unknown;
}

export const baseConfigShape = {
  version: z.literal(1).describe('Config format version.'),
  project: z.strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    safety_class: z
      .enum(['A', 'B', 'C'])
      .optional()
      .describe(
        'IEC 62304 software safety class of the software system the model is part of (A: no injury possible; B: non-serious injury; C: death or serious injury). The compliance report lists what the class requires.',
      ),
  }),
  model: ModelConfig.optional(),
  baseline: BaselineConfig.optional(),
  target: TargetConfig.optional(),
  datasets: z
    .record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" or "-"'), DatasetConfig)
    .default({})
    .describe('Datasets by name.'),
  requirements: RelPath.describe('YAML file of requirements (design inputs).'),
  risks: RelPath.optional().describe('YAML file of hazards and risk controls (ISO 14971).'),
  modelcard: RelPath.optional().describe('YAML file with the written parts of the model card.'),
  datacard: RelPath.optional().describe(
    'YAML file with the written parts of the dataset card (Datasheets for Datasets).',
  ),
  privacy: PrivacyConfig.default({ sensitive: [], allow_phi: [] }),
  gate: GateConfig.default({ fail_on: ['fail', 'error'], require_verified: false }),
  sbom: z
    .strictObject({
      lockfiles: z
        .array(RelPath)
        .default([])
        .describe(
          "The repository's dependency lockfiles (package-lock.json, pinned requirements.txt), listed in the SBOM and the SOUP list.",
        ),
      soup: RelPath.optional().describe(
        'YAML file with IEC 62304 SOUP metadata per dependency (supplier, purpose, risk level, …).',
      ),
    })
    .optional()
    .describe('Software bill of materials (CycloneDX 1.6) and SOUP list.'),
  pccp: PccpChangeConfig.optional().describe(
    'The predetermined change control plan (pccp.yml) this change is judged against; a change outside it fails the gate unless an override is recorded.',
  ),
};

export interface RegopsConfig {
  version: 1;
  project: { name: string; description?: string | undefined; safety_class?: 'A' | 'B' | 'C' | undefined };
  model?: ModelConfig | undefined;
  baseline?: z.infer<typeof BaselineConfig> | undefined;
  target?:
    | {
        column: string;
        positive?: string | undefined;
        negative?: string | undefined;
        classes?: string[] | undefined;
      }
    | undefined;
  datasets: Record<string, DatasetConfig>;
  requirements: string;
  risks?: string | undefined;
  modelcard?: string | undefined;
  datacard?: string | undefined;
  privacy: PrivacyConfig;
  gate: GateConfig;
  sbom?: { lockfiles: string[]; soup?: string | undefined } | undefined;
  pccp?: PccpChangeConfig | undefined;
  checks: CheckEntry[];
}
