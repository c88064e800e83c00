import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Dependencies } from './dependencies';
import { DesignReview } from './design-review';
import { ConfigurationError, InputError } from './errors';
import { PccpVerdict } from './pccp';
import { DatasetProfile } from './profile';
import { CheckResult, Status } from './results';
import { DataCardMeta, Hazard, ModelCardMeta, Requirement } from './trace';

export const EVIDENCE_SCHEMA_VERSION = '1.0.0';

const Tensor = z.strictObject({
  name: z.string(),
  type: z.string(),
  shape: z.array(z.union([z.number(), z.string()])),
});

export const ModelEvidence = z.strictObject({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int(),
  ir_version: z.number().int().nullable(),
  producer_name: z.string().nullable(),
  producer_version: z.string().nullable(),
  opsets: z.record(z.string(), z.number().int()),
  inputs: z.array(Tensor),
  outputs: z.array(Tensor),
});

export const InputFile = z.strictObject({
  path: z.string().describe('Relative to the directory of regops.yml, with / separators.'),
  kind: z.enum([
    'config',
    'requirements',
    'risks',
    'modelcard',
    'datacard',
    'dataset',
    'model',
    'baseline_model',
    'pccp',
    'lockfile',
    'soup',
  ]),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int(),
});

export const DatasetEvidence = z.strictObject({
  name: z.string(),
  path: z.string(),
  role: z.string(),
  rows: z.number().int(),
  columns: z.array(z.string()),
});

export const DeclaredCheck = z.strictObject({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  enabled: z.boolean(),
  verifies: z.array(z.string()),
  controls: z.array(z.string()),
  criterion: z.string().describe('Acceptance criterion in words, from the config.'),
});

export const GateReason = z.strictObject({
  code: z.enum(['result_status', 'unverified_requirement', 'no_results', 'pccp_outside']),
  message: z.string(),
  ref: z.string().optional(),
});

export const Gate = z.strictObject({
  verdict: z.enum(['pass', 'fail']),
  reasons: z.array(GateReason),
  policy: z.strictObject({ fail_on: z.array(Status), require_verified: z.boolean() }),
  counts: z.record(Status, z.number().int()),
});

export const Evidence = z
  .strictObject({
    schema_version: z.literal(EVIDENCE_SCHEMA_VERSION),
    tool: z.strictObject({ name: z.literal('regops'), version: z.string() }),
    run: z.strictObject({
      started_at: z.string().describe('ISO 8601 UTC; SOURCE_DATE_EPOCH when set.'),
      platform: z.enum(['local', 'github', 'gitlab']),
      git: z
        .strictObject({
          sha: z.string().nullable(),
          ref: z.string().nullable(),
          dirty: z.boolean().nullable(),
        })
        .nullable(),
      change: z
        .strictObject({ number: z.number().int(), url: z.string().nullable(), title: z.string().nullable() })
        .nullable()
        .describe('The pull/merge request, when there is one.'),
    }),
    project: z.strictObject({
      name: z.string(),
      description: z.string().nullable(),
      safety_class: z
        .enum(['A', 'B', 'C'])
        .nullable()
        .default(null)
        .describe('IEC 62304 software safety class.'),
    }),
    inputs: z.array(InputFile),
    model: ModelEvidence.nullable(),
    baseline_model: ModelEvidence.nullable(),
    baseline: z
      .strictObject({
        source: z.enum(['path', 'git']),
        ref: z
          .string()
          .nullable()
          .describe('git: the target branch or commit the merge-base was taken with.'),
        sha: z.string().nullable().describe('git: the merge-base commit the baseline files were read from.'),
        model: z.string().nullable().describe('How the baseline model is named (path, or path@commit).'),
      })
      .nullable()
      .default(null)
      .describe('Which baseline the change was compared with (null: none declared).'),
    pccp: PccpVerdict.nullable()
      .default(null)
      .describe('The change judged against the predetermined change control plan (null: no plan declared).'),
    dependencies: Dependencies.nullable()
      .default(null)
      .describe(
        "The repository's dependencies from the lockfiles of sbom.lockfiles, with the SOUP metadata of sbom.soup (null: no sbom section).",
      ),
    datasets: z.array(DatasetEvidence),
    profiles: z.array(DatasetProfile).describe('One-pass profile of each dataset the data checks read.'),
    requirements: z.array(Requirement),
    hazards: z.array(Hazard),
    modelcard: ModelCardMeta.nullable(),
    datacard: DataCardMeta.nullable(),
    checks: z.array(DeclaredCheck),
    results: z.array(CheckResult),
    gate: Gate,
    design_review: DesignReview.nullable()
      .default(null)
      .describe(
        'The design review of the pull/merge request (linked design inputs, reviewers with time and commit, labels) and its verdict, judged by the GitHub or GitLab integration; null: not judged (local run, no change request, or no gate.review policy).',
      ),
  })
  .describe('RegOps evidence bundle: everything one run verified, the single source of every document.');
export type Evidence = z.infer<typeof Evidence>;
export type ModelEvidence = z.infer<typeof ModelEvidence>;
export type Gate = z.infer<typeof Gate>;
export type DeclaredCheck = z.infer<typeof DeclaredCheck>;

/** JSON Schema (draft 2020-12) of the evidence bundle, committed as schema/evidence.schema.json. */
export function evidenceJsonSchema(): Record<string, unknown> {
  return {
    $id: `regops-evidence-${EVIDENCE_SCHEMA_VERSION}`,
    ...(z.toJSONSchema(Evidence, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>),
  };
}

/**
 * An evidence bundle read from a file and validated: InputError for a missing file or bad JSON (with `missing`,
 * a hint of where the file should come from), ConfigurationError listing up to 10 schema problems.
 */
export function readEvidenceFile(file: string, missing = ''): Evidence {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `${file}: ${code === 'ENOENT' ? `file not found${missing ? ` (${missing})` : ''}` : `not valid JSON: ${(e as Error).message}`}`,
    );
  }
  const parsed = Evidence.safeParse(data);
  if (!parsed.success) {
    throw new ConfigurationError(
      parsed.error.issues
        .slice(0, 10)
        .map((i) => `${file}: ${i.path.join('.') || '(top level)'}: ${i.message}`),
    );
  }
  return parsed.data;
}
