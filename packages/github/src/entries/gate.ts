import { runEntry } from './shell';

/** Entry of the gate action (bundled to dist/actions/gate/index.mjs, which calls it; @github/local-action calls it too). */
export function run(): Promise<void> {
  return runEntry('gate');
}
