import { runEntry } from './shell';

/** Entry of the docs action (bundled to dist/actions/docs/index.mjs, which calls it; @github/local-action calls it too). */
export function run(): Promise<void> {
  return runEntry('docs');
}
