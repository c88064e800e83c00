import { createRequire as __regopsCreateRequire } from 'node:module';
const require = __regopsCreateRequire(import.meta.url);
import {
  debug,
  getBooleanInput,
  getInput,
  info,
  setFailed,
  setOutput,
  setSecret,
  warning
} from "../chunks/chunk-X7KFVCOR.mjs";
import "../chunks/chunk-SDNCZGG2.mjs";

// packages/github/src/entries/release.ts
async function run() {
  try {
    const { buildRelease } = await import("../chunks/command-CMZR63XI.mjs");
    const token = getInput("token");
    if (token) setSecret(token);
    const opt = (name) => getInput(name).trim() || void 0;
    const ws = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const publish = opt("publish");
    if (publish !== void 0 && publish !== "github" && publish !== "none")
      throw Object.assign(new Error(`input publish: "github" or "none", got "${publish}"`), { exitCode: 2 });
    const r = await buildRelease({
      config: `${ws}/${opt("config") ?? "regops.yml"}`,
      from: opt("from"),
      to: opt("to") ?? (process.env.GITHUB_REF_TYPE === "tag" ? process.env.GITHUB_REF_NAME : void 0),
      out: opt("out") ? `${ws}/${opt("out")}` : void 0,
      anomalyLabels: opt("anomaly-labels")?.split(","),
      publish: publish === "github" ? "github" : void 0,
      env: { ...process.env, ...token ? { GITHUB_TOKEN: token } : {} },
      log: {
        info: (m) => info(m),
        warn: (m) => warning(m),
        debug: (m) => debug(m)
      }
    });
    setOutput("dir", r.dir);
    setOutput("zip", r.zip);
    setOutput("version", r.info.version);
    setOutput("findings", String(r.info.findings.length));
    setOutput("asset-url", r.published?.download_url ?? "");
    for (const f of r.info.findings) warning(f);
    process.exitCode = r.info.findings.length === 0 ? 0 : 1;
    if (r.info.findings.length > 0 && getBooleanInput("fail-on-findings"))
      setFailed(`${r.info.findings.length} finding(s) in the release package ${r.info.version}`);
    else process.exitCode = 0;
  } catch (e) {
    const code = e.exitCode;
    setFailed(e.message);
    process.exitCode = typeof code === "number" ? code : 3;
  }
}

// action-entry:regops-action:release
await run();
