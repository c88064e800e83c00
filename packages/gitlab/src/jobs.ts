import type { Stage } from '@regops/cli';

/**
 * The GitLab jobs: one per CI/CD component in gitlab-templates/templates/<name>.yml, with the defaults the
 * components declare (a test checks that each component's spec:inputs say the same).
 */

export const GITLAB_JOBS = ['full', 'data-check', 'model-test', 'drift', 'docs', 'gate'] as const;
export type GitlabJobName = (typeof GITLAB_JOBS)[number];

export interface GitlabJobSpec {
  name: GitlabJobName;
  title: string;
  /** Stages whose checks run; null: no pipeline (docs renders an existing evidence bundle). */
  stages: Stage[] | null;
  /** Default output directory, relative to the project directory. */
  out: string;
  /** Default name of the commit status. */
  statusName: string;
  /** Default of --design-review. */
  designReview: 'auto' | 'true' | 'false';
  /** The `action` of the sticky note's marker (the full pipeline shares GitHub's umbrella `regops`). */
  commentAction: string;
}

/** The variable the components read the access token from, unless `token_variable` names another. */
export const DEFAULT_TOKEN_VARIABLE = 'REGOPS_GITLAB_TOKEN';

const ALL: Stage[] = ['data', 'model', 'drift'];

export const GITLAB_JOB_SPECS: Record<GitlabJobName, GitlabJobSpec> = {
  full: {
    name: 'full',
    title: 'RegOps design control (full pipeline)',
    stages: ALL,
    out: 'regops-out',
    statusName: 'regops/design-control',
    designReview: 'auto',
    commentAction: 'regops',
  },
  'data-check': {
    name: 'data-check',
    title: 'RegOps data checks',
    stages: ['data'],
    out: 'regops-out/data-check',
    statusName: 'regops/data-check',
    designReview: 'false',
    commentAction: 'data-check',
  },
  'model-test': {
    name: 'model-test',
    title: 'RegOps model tests',
    stages: ['model'],
    out: 'regops-out/model-test',
    statusName: 'regops/model-test',
    designReview: 'false',
    commentAction: 'model-test',
  },
  drift: {
    name: 'drift',
    title: 'RegOps drift',
    stages: ['drift'],
    out: 'regops-out/drift',
    statusName: 'regops/drift',
    designReview: 'false',
    commentAction: 'drift',
  },
  docs: {
    name: 'docs',
    title: 'RegOps documents',
    stages: null,
    out: 'regops-out/docs',
    statusName: 'regops/design-control',
    designReview: 'false',
    // Republishes the evidence of the full pipeline: the same note, the same status.
    commentAction: 'regops',
  },
  gate: {
    name: 'gate',
    title: 'RegOps design-control gate',
    stages: ALL,
    out: 'regops-out/gate',
    statusName: 'regops/design-control',
    designReview: 'true',
    commentAction: 'gate',
  },
};
