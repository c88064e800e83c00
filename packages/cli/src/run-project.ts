import {
  type Evidence,
  type Logger,
  loadProject,
  type Project,
  type RunOptions,
  runPipeline,
} from '@regops/core';
import { defaultRegistry } from './registry';
import { createServices } from './services';

export const STAGES = ['data', 'model', 'drift'] as const;
export type Stage = (typeof STAGES)[number];

export interface RunProjectOptions extends Omit<RunOptions, 'log'> {
  log: Logger;
  /**
   * Run only the checks of these stages (data, model, drift); default: all. A partial run does not judge
   * requirement coverage (`gate.require_verified`) nor the change control plan (`pccp`), which only the whole
   * pipeline can: its checks list holds the checks of these stages only and its `pccp` is null.
   */
  stages?: readonly Stage[];
}

export interface ProjectRun {
  /** The project as loaded (all checks), for locating config entries. */
  project: Project;
  evidence: Evidence;
  /** Checks of the selected stages that the config declares (enabled or not). */
  selected: number;
}

/**
 * Load regops.yml and run the pipeline, optionally over the checks of some stages only: what `regops run`
 * does before it writes the output directory, for the GitHub/GitLab action entries.
 */
export async function runProject(configPath: string, options: RunProjectOptions): Promise<ProjectRun> {
  const registry = defaultRegistry();
  const project = loadProject(configPath, registry);
  const { stages, ...runOptions } = options;
  let target = project;
  let selected = project.config.checks.length;
  if (stages && STAGES.some((s) => !stages.includes(s))) {
    const checks = project.config.checks.filter((c) => {
      const stage = registry.get(c.type)?.stage;
      return stage !== undefined && stages.includes(stage);
    });
    selected = checks.length;
    target = {
      ...project,
      pccp: null,
      config: {
        ...project.config,
        checks,
        pccp: undefined,
        gate: { ...project.config.gate, require_verified: false },
      },
    };
  }
  const evidence = await runPipeline(target, registry, createServices(target), runOptions);
  return { project, evidence, selected };
}
