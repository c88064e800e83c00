// The RegOps CLI with `regops gitlab …` registered, as packages/cli/src/main.ts will register it: the harness
// bundles this file (test/gitlab/harness.ts) and the components run it with node, from a path given as the
// component input `regops`, the way an air-gapped runner runs the bundle of a release.
import { main } from '@regops/cli';
import { runGitlab } from '../../packages/gitlab/src/index';

const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
const [command, ...rest] = process.argv.slice(2);
process.exitCode = command === 'gitlab' ? await runGitlab(rest, io) : await main(process.argv.slice(2), io);
