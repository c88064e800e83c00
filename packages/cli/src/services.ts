import type { Project, Services } from '@regops/core';
import { createDataServices } from '@regops/data';
import { inspectModel } from '@regops/model';

/** The data and model services of a local run: datasets read once (streamed for checks) and cached by name. */
export function createServices(project: Project): Services {
  return {
    ...createDataServices(project.config, project.rootDir),
    inspectModel: (relPath) => inspectModel(project.rootDir, relPath),
  };
}
