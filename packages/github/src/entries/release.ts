import * as core from '@actions/core';

/**
 * Entry of the release action (bundled to dist/actions/release/index.mjs): `regops release` on the runner,
 * with the GitHub API of the workflow (GITHUB_API_URL, GITHUB_REPOSITORY and the `token` input).
 * Exit code: 0 package without findings, 1 findings (the package is still written), 2 bad input, 3 internal.
 */
export async function run(): Promise<void> {
  try {
    const { buildRelease } = await import('../../../cli/src/release/command');
    const token = core.getInput('token');
    if (token) core.setSecret(token);
    const opt = (name: string) => core.getInput(name).trim() || undefined;
    const ws = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const publish = opt('publish');
    if (publish !== undefined && publish !== 'github' && publish !== 'none')
      throw Object.assign(new Error(`input publish: "github" or "none", got "${publish}"`), { exitCode: 2 });
    const r = await buildRelease({
      config: `${ws}/${opt('config') ?? 'regops.yml'}`,
      from: opt('from'),
      to: opt('to') ?? (process.env.GITHUB_REF_TYPE === 'tag' ? process.env.GITHUB_REF_NAME : undefined),
      out: opt('out') ? `${ws}/${opt('out')}` : undefined,
      anomalyLabels: opt('anomaly-labels')?.split(','),
      publish: publish === 'github' ? 'github' : undefined,
      env: { ...process.env, ...(token ? { GITHUB_TOKEN: token } : {}) },
      log: {
        info: (m: string) => core.info(m),
        warn: (m: string) => core.warning(m),
        debug: (m: string) => core.debug(m),
      },
    });
    core.setOutput('dir', r.dir);
    core.setOutput('zip', r.zip);
    core.setOutput('version', r.info.version);
    core.setOutput('findings', String(r.info.findings.length));
    core.setOutput('asset-url', r.published?.download_url ?? '');
    for (const f of r.info.findings) core.warning(f);
    process.exitCode = r.info.findings.length === 0 ? 0 : 1;
    if (r.info.findings.length > 0 && core.getBooleanInput('fail-on-findings'))
      core.setFailed(`${r.info.findings.length} finding(s) in the release package ${r.info.version}`);
    else process.exitCode = 0;
  } catch (e) {
    const code = (e as { exitCode?: unknown }).exitCode;
    core.setFailed((e as Error).message);
    process.exitCode = typeof code === 'number' ? code : 3;
  }
}
