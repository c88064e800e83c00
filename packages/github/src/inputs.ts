import path from 'node:path';
import { ConfigurationError } from '@regops/core';

/**
 * The actions, their inputs (with the defaults action.yml declares: the runner applies those, and the same
 * defaults apply here when an input is absent, e.g. under a test harness) and their outputs. A test checks
 * that every action.yml says the same.
 */

export const ACTION_NAMES = ['regops', 'data-check', 'model-test', 'drift', 'docs', 'gate'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export interface InputSpec {
  description: string;
  default: string;
}

const common = (name: ActionName, check: string, out: string): Record<string, InputSpec> => ({
  ...(name === 'docs'
    ? {
        evidence: {
          description:
            'Path of an evidence bundle (evidence.json) to render and publish, relative to the workspace.',
          default: 'regops-out/evidence.json',
        },
      }
    : {
        config: { description: 'Path of regops.yml, relative to the workspace.', default: 'regops.yml' },
      }),
  out: {
    description:
      'Directory for evidence.json and the documents, relative to the workspace (replaced when it holds earlier RegOps output; refused when it holds anything else).',
    default: out,
  },
  token: {
    description:
      'Token for the GitHub API (comment, check run, status, reviews). Empty: nothing is posted, the evidence is still written.',
    // The runner's expression, written as action.yml has it (not a JavaScript template).
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
    default: '${{ github.token }}',
  },
  comment: {
    description: 'Create or update the sticky pull request comment (true/false).',
    default: 'true',
  },
  'comment-key': {
    description:
      'Tells apart the comments of several runs of this action on one pull request (e.g. one per regops.yml); default: the config path.',
    default: '',
  },
  'check-run': {
    description:
      'Publish a check run on the head commit (a commit status when check runs are not permitted) (true/false).',
    default: 'true',
  },
  'check-name': { description: 'Name of the check run or commit status.', default: check },
  'fail-on-gate': {
    description: 'Fail the step when the design control fails (true/false); false: report only.',
    default: 'true',
  },
  'upload-artifacts': {
    description: 'Upload the evidence and documents as a workflow artifact (true/false).',
    default: 'true',
  },
  'artifact-name': {
    description: 'Name of the artifact (unique per workflow run: set it per job in a matrix).',
    default: name === 'regops' ? 'regops-evidence' : `regops-${name}`,
  },
  'bot-login': {
    description:
      'Login the sticky comment is posted as, to find it again: default github-actions[bot] (GITHUB_TOKEN); for a GitHub App token, <app-slug>[bot]. A personal access token is recognised by itself.',
    default: '',
  },
  ...(name === 'regops' || name === 'gate'
    ? {
        'design-review': {
          description:
            'Judge the design review of the pull request (linked requirement IDs, approvals on the head commit, required reviewers, labels): true, false, or auto (when regops.yml has gate.review).',
          default: name === 'gate' ? 'true' : 'auto',
        },
      }
    : {}),
});

export interface ActionSpec {
  name: ActionName;
  title: string;
  description: string;
  /** Stages whose checks run; null: no pipeline (docs renders an existing evidence bundle). */
  stages: ('data' | 'model' | 'drift')[] | null;
  inputs: Record<string, InputSpec>;
}

export const OUTPUTS: Record<string, string> = {
  verdict: 'pass or fail: the design control (verification gate and, when judged, the design review).',
  gate: 'pass or fail: the verification gate of the evidence (check results, requirement coverage, PCCP).',
  'design-review': 'pass, fail or skipped: the design review of the pull request.',
  evidence: 'Path of evidence.json.',
  out: 'The output directory.',
  counts: 'Result counts as JSON: {"pass":n,"fail":n,"warn":n,"error":n,"skip":n}.',
  pass: 'Number of passing results.',
  fail: 'Number of failing results.',
  warn: 'Number of results with a warning.',
  error: 'Number of results that could not be computed.',
  skip: 'Number of skipped results.',
  metrics: 'JSON object: result id → { metric name → value } (e.g. {"auroc":{"auroc":0.82,…}}).',
  'comment-url': 'URL of the sticky comment ("" when none was posted).',
  'check-url': 'URL of the check run ("" when none was posted).',
  'artifact-url': 'URL of the uploaded artifact ("" when none was uploaded).',
};

const ALL: ActionSpec['stages'] = ['data', 'model', 'drift'];

export const ACTIONS: Record<ActionName, ActionSpec> = {
  regops: {
    name: 'regops',
    title: 'RegOps design control',
    description:
      'Runs the whole RegOps pipeline from regops.yml (data checks, ONNX model tests, drift), decides the design-control gate, writes the evidence bundle and documents, and publishes a sticky PR comment, the regops/design-control check run, the job summary and an artifact.',
    stages: ALL,
    inputs: common('regops', 'regops/design-control', 'regops-out'),
  },
  'data-check': {
    name: 'data-check',
    title: 'RegOps data checks',
    description:
      'Runs the data.* checks of regops.yml (schema, completeness, duplicates, leakage, PHI, …) and publishes their evidence.',
    stages: ['data'],
    inputs: common('data-check', 'regops/data-check', 'regops-out/data-check'),
  },
  'model-test': {
    name: 'model-test',
    title: 'RegOps model tests',
    description:
      'Runs the model.* checks of regops.yml on the ONNX model (metrics with confidence intervals, baseline comparison, subgroups, behaviour, determinism) and publishes their evidence.',
    stages: ['model'],
    inputs: common('model-test', 'regops/model-test', 'regops-out/model-test'),
  },
  drift: {
    name: 'drift',
    title: 'RegOps drift',
    description:
      'Runs the drift.* checks of regops.yml (feature and prediction drift against a reference) and publishes their evidence.',
    stages: ['drift'],
    inputs: common('drift', 'regops/drift', 'regops-out/drift'),
  },
  docs: {
    name: 'docs',
    title: 'RegOps documents',
    description:
      'Renders the documents of an existing evidence bundle and publishes its comment, check run and job summary, without running any check: the second workflow of the workflow_run pattern for pull requests from forks.',
    stages: null,
    inputs: common('docs', 'regops/design-control', 'regops-out/docs'),
  },
  gate: {
    name: 'gate',
    title: 'RegOps design-control gate',
    description:
      'The design control of a pull request: runs the whole pipeline and judges the design review (linked requirement IDs, approvals on the head commit, required reviewers per path, change-type labels); every reason for failing is listed in the regops/design-control check run.',
    stages: ALL,
    inputs: common('gate', 'regops/design-control', 'regops-out/gate'),
  },
};

export interface ActionInputs {
  /** Absolute path of regops.yml (not for docs). */
  config: string | null;
  /** As given (relative to the workspace), for the comment key and messages. */
  configInput: string;
  evidence: string | null;
  out: string;
  token: string | null;
  comment: boolean;
  commentKey: string;
  checkRun: boolean;
  checkName: string;
  failOnGate: boolean;
  uploadArtifacts: boolean;
  artifactName: string;
  botLogins: string[];
  designReview: 'true' | 'false' | 'auto';
}

/** INPUT_<NAME> as the runner sets it (upper case, spaces as _, hyphens kept), or the action.yml default. */
function raw(spec: ActionSpec, name: string, env: NodeJS.ProcessEnv): string {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  if (value !== undefined && value.trim() !== '') return value.trim();
  const def = spec.inputs[name]?.default ?? '';
  return def.startsWith('${{') ? '' : def;
}

function bool(spec: ActionSpec, name: string, env: NodeJS.ProcessEnv, problems: string[]): boolean {
  const v = raw(spec, name, env);
  if (/^(true|True|TRUE)$/.test(v)) return true;
  if (/^(false|False|FALSE)$/.test(v)) return false;
  problems.push(`input ${name}: "${v}" is not true or false`);
  return false;
}

/** The inputs of `action`, checked; every mistake in one ConfigurationError. */
export function readInputs(action: ActionName, env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const spec = ACTIONS[action];
  const problems: string[] = [];
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const inWorkspace = (p: string) => path.resolve(workspace, p);
  const configInput = spec.inputs.config ? raw(spec, 'config', env) : '';
  const evidenceInput = spec.inputs.evidence ? raw(spec, 'evidence', env) : '';
  const out = raw(spec, 'out', env);
  if (out === '') problems.push('input out: empty; give a directory such as regops-out');
  const designReview = spec.inputs['design-review'] ? raw(spec, 'design-review', env) : 'false';
  if (!['true', 'false', 'auto'].includes(designReview)) {
    problems.push(`input design-review: "${designReview}" is not true, false or auto`);
  }
  const checkName = raw(spec, 'check-name', env);
  const inputs: ActionInputs = {
    config: configInput ? inWorkspace(configInput) : null,
    configInput,
    evidence: evidenceInput ? inWorkspace(evidenceInput) : null,
    out: inWorkspace(out || '.'),
    token: raw(spec, 'token', env) || env.GITHUB_TOKEN || null,
    comment: bool(spec, 'comment', env, problems),
    commentKey: raw(spec, 'comment-key', env) || configInput || evidenceInput || 'default',
    checkRun: bool(spec, 'check-run', env, problems),
    checkName: checkName || (spec.inputs['check-name']?.default ?? 'regops'),
    failOnGate: bool(spec, 'fail-on-gate', env, problems),
    uploadArtifacts: bool(spec, 'upload-artifacts', env, problems),
    artifactName: raw(spec, 'artifact-name', env),
    botLogins: raw(spec, 'bot-login', env)
      .split(/[\s,]+/)
      .filter((l) => l !== ''),
    designReview: designReview as ActionInputs['designReview'],
  };
  if (spec.stages !== null && !configInput) problems.push('input config: empty; give the path of regops.yml');
  if (spec.stages === null && !evidenceInput)
    problems.push('input evidence: empty; give the path of evidence.json');
  if (/[":<>|*?\r\n\\/]/.test(inputs.artifactName)) {
    problems.push(
      `input artifact-name: "${inputs.artifactName}" may not contain " : < > | * ? \\ / or a newline`,
    );
  }
  if (problems.length > 0) throw new ConfigurationError(problems.map((p) => `${action}: ${p}`));
  return inputs;
}
