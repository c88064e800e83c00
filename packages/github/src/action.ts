import path from 'node:path';
import * as core from '@actions/core';
import { EVIDENCE_FILE, outputFiles, runProject, writeOutputDir } from '@regops/cli';
import {
  annotationsFor,
  type ChangeRequest,
  ConfigurationError,
  checkSummary,
  checkTitle,
  commentBody,
  conclusion,
  type DesignReview,
  type DesignReviewPolicyInput,
  type Evidence,
  evaluateDesignReview,
  type Logger,
  metricsOutput,
  overallVerdict,
  type Project,
  type Review,
  readEvidenceFile,
} from '@regops/core';
import { readGithubContext } from './context';
import { ACTIONS, type ActionInputs, type ActionName, readInputs } from './inputs';
import { GithubPlatform } from './platform';

const ICON: Record<string, string> = { pass: '✅', fail: '❌', warn: '⚠️', error: '⛔', skip: '⏭️' };

/** Pipeline log lines go to the job log; a multi-line warning keeps its first line (the rest only in debug). */
function pipelineLogger(): Logger {
  return {
    info: (m) => core.info(`regops: ${m}`),
    warn: (m) => {
      const [first, ...rest] = m.split('\n');
      core.warning(`regops: ${first}`);
      if (rest.length > 0) core.debug(rest.join('\n'));
    },
    debug: (m) => core.debug(`regops: ${m}`),
  };
}

/** Reviews, changed files and the current description of the change, then the shared design-review rules. */
async function judgeDesignReview(
  platform: GithubPlatform,
  change: ChangeRequest,
  evidence: Evidence,
  policy: DesignReviewPolicyInput,
): Promise<DesignReview> {
  // The description and labels as they are now (edited since the event?); the head stays the commit verified.
  const now = await platform.fetchChange(change.number);
  const current: ChangeRequest = now
    ? { ...now, headSha: change.headSha, fromFork: change.fromFork }
    : change;
  let reviews: Review[] | null = null;
  let files: string[] | null = null;
  if (platform.capabilities().reviews) {
    try {
      reviews = await platform.listReviews();
    } catch (e) {
      core.warning(`design review: the reviews could not be listed (${(e as Error).message.split('\n')[0]})`);
    }
    try {
      files = await platform.changedFiles();
    } catch (e) {
      core.warning(
        `design review: the changed files could not be listed (${(e as Error).message.split('\n')[0]})`,
      );
    }
  }
  return evaluateDesignReview({
    change: current,
    reviews,
    changedFiles: files,
    requirements: evidence.requirements,
    policy,
  });
}

function reportSkip(what: string, reason: string, warned: string | null): void {
  // Expected on push/dispatch/release runs, or already said once at the start: a note, not a warning.
  if (/^no pull request for the /.test(reason) || reason === warned)
    core.info(`${what}: skipped (${reason})`);
  else core.warning(`RegOps posted no ${what}: ${reason}`);
}

/**
 * One action run, as the runner runs it (inputs and context from `env`; @actions/core writes outputs and the
 * summary where the runner says). Returns the exit code: 0 passed, 1 the design control failed, 2 bad inputs.
 * A mistake in regops.yml or a file it names is thrown as a RegOps error, which the entry shell reports in one line.
 */
export async function runAction(name: ActionName, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const spec = ACTIONS[name];
  let inputs: ActionInputs;
  try {
    inputs = readInputs(name, env);
  } catch (e) {
    if (e instanceof ConfigurationError) {
      core.setFailed(e.message);
      return 2;
    }
    throw e;
  }
  const ctx = readGithubContext(env);
  if (ctx.problem) core.warning(`RegOps runs locally and posts nothing to GitHub: ${ctx.problem}`);
  const platform = new GithubPlatform({
    context: ctx,
    token: inputs.token,
    commentAction: name,
    botLogins: inputs.botLogins,
    log: { info: core.info, warning: core.warning, debug: core.debug },
  });

  // 1. The evidence: run the pipeline (or read the bundle the docs action republishes).
  let evidence: Evidence;
  let project: Project | null = null;
  if (spec.stages === null) {
    evidence = readEvidenceFile(
      inputs.evidence ?? '',
      'download the evidence artifact of the first workflow into it',
    );
    core.info(`regops: read ${path.relative(ctx.workspace, inputs.evidence ?? '') || inputs.evidence}`);
    await adoptEvidenceChange(platform, evidence);
  } else {
    const change = ctx.change
      ? { number: ctx.change.number, url: ctx.change.url || null, title: ctx.change.title || null }
      : null;
    const run = await runProject(inputs.config ?? '', {
      log: pipelineLogger(),
      stages: spec.stages,
      platform: 'github',
      change,
    });
    project = run.project;
    evidence = run.evidence;
    if (run.selected === 0) {
      core.error(
        `${inputs.configInput} declares no ${spec.stages.join('/')} checks: ${name} has nothing to verify (the gate fails with no_results); add such checks or use the action that runs the checks you have`,
      );
    }
  }

  // 2. The design review, into the evidence before it is written.
  if (project !== null && inputs.designReview !== 'false') {
    const configured = project.config.gate.review;
    if (inputs.designReview === 'true' || configured) {
      const change = ctx.change;
      if (change === null) {
        core.info(`design review: skipped (no pull request for the ${ctx.event} event)`);
      } else {
        if (!configured) {
          core.info(
            'design review: regops.yml has no gate.review; judging with the defaults (see actions/README.md)',
          );
        }
        evidence.design_review = await judgeDesignReview(platform, change, evidence, configured ?? {});
      }
    }
  }

  // 3. Evidence and documents on disk: always, whatever GitHub allows afterwards.
  const files = outputFiles(evidence);
  writeOutputDir(inputs.out, files);
  const evidencePath = path.join(inputs.out, EVIDENCE_FILE);
  const verdict = overallVerdict(evidence);
  const counts = evidence.gate.counts;
  for (const r of evidence.results) core.info(`${ICON[r.status] ?? ''} ${r.id} ${r.status}: ${r.message}`);
  core.info(
    `${verdict === 'pass' ? 'PASS' : 'FAIL'}: design control ${verdict === 'pass' ? 'passed' : 'failed'} (${counts.pass} pass, ${counts.fail} fail, ${counts.warn} warn, ${counts.error} error, ${counts.skip} skip); wrote ${Object.keys(files).length} files to ${path.relative(ctx.workspace, inputs.out) || inputs.out}`,
  );
  const outputs: Record<string, string> = {
    verdict,
    gate: evidence.gate.verdict,
    'design-review': evidence.design_review?.verdict ?? 'skipped',
    evidence: evidencePath,
    out: inputs.out,
    counts: JSON.stringify(counts),
    pass: String(counts.pass ?? 0),
    fail: String(counts.fail ?? 0),
    warn: String(counts.warn ?? 0),
    error: String(counts.error ?? 0),
    skip: String(counts.skip ?? 0),
    metrics: JSON.stringify(metricsOutput(evidence)),
    'comment-url': '',
    'check-url': '',
    'artifact-url': '',
  };
  await platform.setOutputs(outputs);

  // 4. Publish: artifact, job summary, comment, check run. A refusal is a log line, never a crash.
  const publish = async (what: string, step: () => Promise<void>) => {
    try {
      await step();
    } catch (e) {
      core.error(
        `RegOps could not post the ${what}: ${(e as Error).message.split('\n')[0]} (the evidence is in ${inputs.out})`,
      );
    }
  };
  if (inputs.uploadArtifacts) {
    await publish('artifact', async () => {
      const outcome = await platform.uploadArtifacts(
        inputs.artifactName,
        Object.keys(files).map((f) => path.join(inputs.out, f)),
      );
      if (outcome.status === 'done') {
        core.info(`uploaded the artifact ${inputs.artifactName}${outcome.url ? `: ${outcome.url}` : ''}`);
        await platform.setOutputs({ 'artifact-url': outcome.url ?? '' });
      } else core.info(`artifact not uploaded: ${outcome.reason}; the files are in ${inputs.out}`);
    });
  }
  const body = commentBody(evidence, files['comment.md'] ?? '');
  await publish('job summary', async () => {
    const outcome = await platform.writeSummary(body);
    if (outcome.status === 'skipped') core.info(`job summary not written: ${outcome.reason}`);
  });
  if (inputs.comment) {
    await publish('comment', async () => {
      const outcome = await platform.upsertComment(inputs.commentKey, body);
      if (outcome.status === 'skipped') reportSkip('comment', outcome.reason, ctx.problem);
      else {
        core.info(`${outcome.status} the comment${outcome.url ? `: ${outcome.url}` : ''}`);
        await platform.setOutputs({ 'comment-url': outcome.url ?? '' });
      }
    });
  }
  if (inputs.checkRun) {
    await publish(`check run ${inputs.checkName}`, async () => {
      const outcome = await platform.publishCheck(inputs.checkName, {
        conclusion: conclusion(evidence),
        title: checkTitle(evidence),
        summary: checkSummary(evidence, files['comment.md'] ?? ''),
        annotations: project ? annotationsFor(project, evidence, ctx.workspace) : [],
      });
      if (outcome.status === 'skipped')
        reportSkip(`check run ${inputs.checkName}`, outcome.reason, ctx.problem);
      else {
        core.info(`published ${inputs.checkName}${outcome.url ? `: ${outcome.url}` : ''}`);
        await platform.setOutputs({ 'check-url': outcome.url ?? '' });
      }
    });
  }

  // 5. The exit code is the gate's.
  if (verdict === 'pass') return 0;
  const reasons = [
    ...evidence.gate.reasons.map((r) => r.message),
    ...(evidence.design_review?.reasons ?? []).map((r) => `design review: ${r.message}`),
  ];
  const message = `design control failed:\n${reasons.map((r) => `  - ${r}`).join('\n')}`;
  if (inputs.failOnGate) {
    core.setFailed(message);
    return 1;
  }
  core.warning(`${message}\n(fail-on-gate: false, so this step passes)`);
  return 0;
}

/**
 * The docs action republishes evidence made elsewhere. In a workflow_run for a fork's pull request GitHub does
 * not say which pull request it was: the evidence does, and the pull request's head must be the commit the
 * triggering run verified, so an altered artifact cannot post onto another pull request.
 */
async function adoptEvidenceChange(platform: GithubPlatform, evidence: Evidence): Promise<void> {
  const ctx = platform.githubContext;
  const number = evidence.run.change?.number;
  if (ctx.event !== 'workflow_run' || ctx.change !== null || number === undefined || ctx.problem) return;
  const pr = await platform.fetchChange(number);
  if (pr === null) return;
  const expected = ctx.triggeringRun?.headSha ?? ctx.sha;
  if (expected && pr.headSha.toLowerCase() !== expected.toLowerCase()) {
    core.warning(
      `the evidence names pull request #${number}, whose head ${pr.headSha.slice(0, 7)} is not the commit ${expected.slice(0, 7)} the triggering run verified: nothing is posted to it`,
    );
    return;
  }
  if (evidence.run.git?.sha && pr.headSha.toLowerCase() !== evidence.run.git.sha.toLowerCase()) {
    core.info(
      `note: the evidence was made on ${evidence.run.git.sha.slice(0, 7)} (the merge commit of a pull_request run), the head is ${pr.headSha.slice(0, 7)}`,
    );
  }
  platform.setChange(pr);
}
