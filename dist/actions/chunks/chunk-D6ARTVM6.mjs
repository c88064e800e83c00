import { createRequire as __regopsCreateRequire } from 'node:module';
const require = __regopsCreateRequire(import.meta.url);
import {
  debug,
  setFailed
} from "./chunk-X7KFVCOR.mjs";

// packages/github/src/entries/shell.ts
function runtimeProblem(e) {
  const text = `${e?.message ?? ""} ${e?.code ?? ""}`;
  if (!/onnxruntime|napi-v6|libonnxruntime/i.test(text)) return null;
  const here = `${process.platform}-${process.arch}`;
  return here === "linux-x64" ? `the ONNX runtime bundled with RegOps could not be loaded (${e.message.split("\n")[0]}); the action's dist/node_modules may be incomplete: use a tagged release of the action` : `the ONNX runtime bundled with RegOps is for linux-x64 runners only, and this runner is ${here}: use ubuntu-latest, or the portable composite action (uses: <owner>/regops/actions/portable@<ref>), which installs the runtime for this platform (see actions/README.md)`;
}
async function runEntry(name) {
  try {
    const { runAction } = await import("./action-WCGZCW4R.mjs");
    process.exitCode = await runAction(name);
  } catch (e) {
    const regops = e instanceof Error && typeof e.exitCode === "number";
    const runtime = regops ? null : runtimeProblem(e);
    if (regops) {
      setFailed(e.message);
      process.exitCode = e.exitCode;
    } else if (runtime) {
      setFailed(runtime);
      process.exitCode = 2;
    } else {
      setFailed(
        `internal error: ${e?.message ?? String(e)}. This is a bug in RegOps: please report it with the log of this step (re-run with debug logging for the stack trace).`
      );
      debug(e?.stack ?? String(e));
      process.exitCode = 3;
    }
  }
}

export {
  runEntry
};
