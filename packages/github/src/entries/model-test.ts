import { runEntry } from './shell';

/** Entry of the model-test action (bundled to dist/actions/model-test/index.mjs, which calls it; @github/local-action calls it too). */
export function run(): Promise<void> {
  return runEntry('model-test');
}
