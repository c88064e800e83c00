import { runEntry } from './shell';

/** Entry of the drift action (bundled to dist/actions/drift/index.mjs, which calls it; @github/local-action calls it too). */
export function run(): Promise<void> {
  return runEntry('drift');
}
