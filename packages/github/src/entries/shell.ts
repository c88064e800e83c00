import * as core from '@actions/core';
import type { ActionName } from '../inputs';

/** How the vendored ONNX runtime fails to load on a platform it was not copied for. */
function runtimeProblem(e: unknown): string | null {
  const text = `${(e as Error)?.message ?? ''} ${(e as { code?: string })?.code ?? ''}`;
  if (!/onnxruntime|napi-v6|libonnxruntime/i.test(text)) return null;
  const here = `${process.platform}-${process.arch}`;
  return here === 'linux-x64'
    ? `the ONNX runtime bundled with RegOps could not be loaded (${(e as Error).message.split('\n')[0]}); the action's dist/node_modules may be incomplete: use a tagged release of the action`
    : `the ONNX runtime bundled with RegOps is for linux-x64 runners only, and this runner is ${here}: use ubuntu-latest, or the portable composite action (uses: <owner>/regops/actions/portable@<ref>), which installs the runtime for this platform (see actions/README.md)`;
}

/**
 * What every action's entry does: load the engine (dynamically, so that a runtime that cannot load is a
 * message and not a stack trace), run the action, and turn anything unexpected into one clear failure line.
 * The exit code is set, never forced: 0 pass, 1 design control failed, 2 bad input or config, 3 internal error.
 */
export async function runEntry(name: ActionName): Promise<void> {
  try {
    const { runAction } = await import('../action');
    process.exitCode = await runAction(name);
  } catch (e) {
    // A RegOps error (a mistake in regops.yml or an input file) says what to fix; checked by shape, not class.
    const regops = e instanceof Error && typeof (e as { exitCode?: unknown }).exitCode === 'number';
    const runtime = regops ? null : runtimeProblem(e);
    if (regops) {
      core.setFailed((e as Error).message);
      process.exitCode = (e as unknown as { exitCode: number }).exitCode;
    } else if (runtime) {
      core.setFailed(runtime);
      process.exitCode = 2;
    } else {
      core.setFailed(
        `internal error: ${(e as Error)?.message ?? String(e)}. This is a bug in RegOps: please report it with the log of this step (re-run with debug logging for the stack trace).`,
      );
      core.debug((e as Error)?.stack ?? String(e));
      process.exitCode = 3;
    }
  }
}
