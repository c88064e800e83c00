import { runEntry } from './shell';

/** Entry of the regops action (bundled to dist/actions/regops/index.mjs, which calls it; @github/local-action calls it too). */
export function run(): Promise<void> {
  return runEntry('regops');
}
