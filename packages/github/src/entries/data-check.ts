import { runEntry } from './shell';

/** Entry of the data-check action (bundled to dist/actions/data-check/index.mjs, which calls it; @github/local-action calls it too). */
export function run(): Promise<void> {
  return runEntry('data-check');
}
