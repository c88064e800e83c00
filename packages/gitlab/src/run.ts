import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EVIDENCE_FILE, type Io, outputFiles, runProject, writeOutputDir } from '@regops/cli';
import {
  type ChangeRequest,
  ConfigurationError,
  checkTitle,
  commentBody,
  type DesignReview,
  type DesignReviewPolicyInput,
  type Evidence,
  evaluateDesignReview,
  InputError,
  isRegopsError,
  type Logger,
  nearest,
  overallVerdict,
  type Project,
  type Review,
  readEvidenceFile,
  UsageError,
} from '@regops/core';
import { renderJunit } from '@regops/docs';
import { lintCiConfig } from './components';
import { readGitlabContext } from './context';
import {
  DEFAULT_TOKEN_VARIABLE,
  GITLAB_JOB_SPECS,
  GITLAB_JOBS,
  type GitlabJobName,
  type GitlabJobSpec,
} from './jobs';
import { GitlabPlatform } from './platform';

/** File names in the output directory, next to the evidence and documents. */
export const JUNIT_FILE = 'junit.xml';
export const DOTENV_FILE = 'regops.env';

/** Exit codes: 0 passed (or reporting only), 1 design control failed, 2 bad input, 3 internal error, 4 nothing posted while fail-on-unposted. */
export const EXIT_UNPOSTED = 4;

const ICON: Record<string, string> = { pass: '✅', fail: '❌', warn: '⚠️', error: '⛔', skip: '⏭️' };

export const GITLAB_HELP = `Usage: regops gitlab <job> [options]
       regops gitlab lint [--file .gitlab-ci.yml]

Runs one RegOps job in GitLab CI (what the CI/CD components in gitlab-templates/ call): the checks, the
design review of the merge request, the evidence and documents, a JUnit report and a dotenv report in the
output directory; then the sticky merge request note and the commit status, with the access token named
by --token-variable.

Jobs: ${GITLAB_JOBS.join(', ')}

Options:
  --config FILE             regops.yml (not for docs)                       default regops.yml
  --evidence FILE           evidence.json to republish (docs only)          default regops-out/evidence.json
  --out DIR                 output directory                                default regops-out[/<job>]
  --token-variable NAME     CI/CD variable holding a project/group access token with the api scope
                            (CI_JOB_TOKEN cannot post notes or statuses)     default ${DEFAULT_TOKEN_VARIABLE}
  --comment true|false      create or update the sticky merge request note   default true
  --comment-key KEY         tells apart notes of several runs of one job     default the config path
  --status true|false       set the commit status                            default true
  --status-name NAME        name of the commit status                        default regops/design-control, regops/<job>
  --design-review auto|true|false  judge the merge request's design review   default auto (full), true (gate)
  --fail-on-gate true|false        exit 1 when the design control fails       default true
  --fail-on-unposted true|false    exit ${EXIT_UNPOSTED} when the note or status could not be posted  default false
  --bot-username NAMES      further usernames earlier notes were posted as (comma-separated)

Exit codes: 0 passed, 1 design control failed, 2 bad input, 3 internal error, ${EXIT_UNPOSTED} not posted (fail-on-unposted).

lint checks the inputs a .gitlab-ci.yml passes to the RegOps components it includes (unknown, missing,
wrong type, not among the options), as GitLab does when it creates the pipeline.
`;

export interface GitlabOptions {
  job: GitlabJobName;
  spec: GitlabJobSpec;
  config: string;
  evidence: string;
  out: string;
  tokenVariable: string;
  comment: boolean;
  commentKey: string;
  status: boolean;
  statusName: string;
  designReview: 'auto' | 'true' | 'false';
  failOnGate: boolean;
  failOnUnposted: boolean;
  botUsernames: string[];
}

const OPTIONS = {
  config: { type: 'string' },
  evidence: { type: 'string' },
  out: { type: 'string' },
  'token-variable': { type: 'string' },
  comment: { type: 'string' },
  'comment-key': { type: 'string' },
  status: { type: 'string' },
  'status-name': { type: 'string' },
  'design-review': { type: 'string' },
  'fail-on-gate': { type: 'string' },
  'fail-on-unposted': { type: 'string' },
  'bot-username': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const;

/** The job and options of `regops gitlab …`, checked; every mistake in one UsageError. */
export function parseGitlabArgs(argv: string[]): GitlabOptions | 'help' {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
      const hint = nearest(unknown.replace(/^-+/, ''), Object.keys(OPTIONS));
      throw new UsageError(
        `gitlab: unknown option ${unknown}${hint ? `; did you mean --${hint}?` : ''} (see: regops gitlab --help)`,
      );
    }
    throw new UsageError(`gitlab: ${err.message.split('\n')[0]} (see: regops gitlab --help)`);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const [job, ...extra] = parsed.positionals;
  if (job === undefined) {
    throw new UsageError(
      `gitlab: name the job: ${GITLAB_JOBS.join(', ')} (or lint) (see: regops gitlab --help)`,
    );
  }
  if (!(GITLAB_JOBS as readonly string[]).includes(job)) {
    const hint = nearest(job, [...GITLAB_JOBS]);
    throw new UsageError(
      `gitlab: unknown job "${job}"${hint ? `; did you mean ${hint}?` : ''}; jobs: ${GITLAB_JOBS.join(', ')}`,
    );
  }
  if (extra.length > 0)
    throw new UsageError(`gitlab: unexpected argument "${extra[0]}" (see: regops gitlab --help)`);
  const spec = GITLAB_JOB_SPECS[job as GitlabJobName];
  const problems: string[] = [];
  const text = (name: keyof typeof OPTIONS, def: string) => {
    const value = v[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : def;
  };
  const bool = (name: keyof typeof OPTIONS, def: boolean) => {
    const value = text(name, String(def));
    if (/^true$/i.test(value)) return true;
    if (/^false$/i.test(value)) return false;
    problems.push(`--${name}: "${value}" is not true or false`);
    return def;
  };
  const designReview = text('design-review', spec.designReview);
  if (!['auto', 'true', 'false'].includes(designReview)) {
    problems.push(`--design-review: "${designReview}" is not auto, true or false`);
  }
  const tokenVariable = text('token-variable', DEFAULT_TOKEN_VARIABLE);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenVariable)) {
    problems.push(
      `--token-variable: "${tokenVariable}" is not a variable name; give the NAME of the CI/CD variable that holds the token (e.g. ${DEFAULT_TOKEN_VARIABLE}), not the token`,
    );
  }
  const config = text('config', 'regops.yml');
  const evidence = text('evidence', 'regops-out/evidence.json');
  const options: GitlabOptions = {
    job: spec.name,
    spec,
    config,
    evidence,
    out: text('out', spec.out),
    tokenVariable,
    comment: bool('comment', true),
    // docs: the key is set once the evidence is read (its config's path), so it updates the full job's note.
    commentKey: text('comment-key', spec.stages === null ? '' : config),
    status: bool('status', true),
    statusName: text('status-name', spec.statusName),
    designReview: designReview as GitlabOptions['designReview'],
    failOnGate: bool('fail-on-gate', true),
    failOnUnposted: bool('fail-on-unposted', false),
    botUsernames: text('bot-username', '')
      .split(/[\s,]+/)
      .filter((u) => u !== ''),
  };
  if (spec.stages === null && v.config !== undefined)
    problems.push('--config: the docs job reads --evidence, not a config');
  if (spec.stages !== null && v.evidence !== undefined)
    problems.push(`--evidence: only the docs job reads an evidence bundle`);
  if (problems.length > 0) throw new UsageError(`gitlab ${job}: ${problems.join('; ')}`);
  return options;
}

/** The token from the variable the component names; null with the reason when there is none to use. */
export function readToken(
  env: NodeJS.ProcessEnv,
  variable: string,
): { token: string | null; source: string; problem: string | null } {
  const source = `the CI/CD variable ${variable}`;
  const howTo = `create a project (or group) access token with the api scope and the Developer role, and store it as a masked CI/CD variable named ${variable} (or set the component input token_variable to the name of the variable that holds it)`;
  if (variable === 'CI_JOB_TOKEN') {
    return {
      token: null,
      source,
      problem: `token_variable is CI_JOB_TOKEN, and the job token cannot post merge request notes or commit statuses: ${howTo}`,
    };
  }
  const value = env[variable];
  if (value === undefined || value.trim() === '') {
    return {
      token: null,
      source,
      problem: `${source} is ${value === undefined ? 'not set' : 'empty'}, and CI_JOB_TOKEN cannot post merge request notes or commit statuses: ${howTo}. A protected variable is only available to pipelines of protected branches and tags, and a fork's merge request pipeline gets none of the target project's variables`,
    };
  }
  return { token: value.trim(), source, problem: null };
}

function pipelineLogger(io: Io, debug: boolean): Logger {
  return {
    info: (m) => io.err(`regops: ${m}\n`),
    warn: (m) => io.err(`regops: warning: ${m.split('\n')[0]}\n`),
    debug: (m) => {
      if (debug) io.err(`regops: debug: ${m}\n`);
    },
  };
}

/** The merge request as it is now, its approvals and changed files, then core's design-review rules. */
async function judgeDesignReview(
  platform: GitlabPlatform,
  change: ChangeRequest,
  evidence: Evidence,
  policy: DesignReviewPolicyInput,
  warn: (m: string) => void,
): Promise<DesignReview> {
  const now = await platform.fetchChange(change.number);
  // The description, labels and author as they are now; the head stays the commit this pipeline verified.
  const current: ChangeRequest = now
    ? { ...now, headSha: change.headSha, fromFork: change.fromFork }
    : change;
  let reviews: Review[] | null = null;
  let files: string[] | null = null;
  const caps = platform.capabilities();
  if (caps.reviews) {
    try {
      reviews = await platform.listReviews();
    } catch (e) {
      warn(`design review: the approvals could not be read (${(e as Error).message.split('\n')[0]})`);
    }
    try {
      files = await platform.changedFiles();
    } catch (e) {
      warn(`design review: the changed files could not be listed (${(e as Error).message.split('\n')[0]})`);
    }
  } else {
    warn(`design review: the approvals cannot be read: ${caps.reason.reviews}`);
  }
  return evaluateDesignReview({
    change: current,
    reviews,
    changedFiles: files,
    requirements: evidence.requirements,
    policy,
  });
}

/** GitLab references merge requests as !N (#N links an issue): the shared templates write #N. */
export function gitlabReferences(markdown: string, iid: number): string {
  return markdown
    .replace(new RegExp(`^(#{1,6} Design review of )#${iid}:`, 'm'), `$1!${iid}:`)
    .replace(new RegExp(`(\\bchange )#${iid}\\b`, 'g'), `$1!${iid}`);
}

/**
 * `regops gitlab <job> …`: one RegOps job in GitLab CI. Writes every report first, then posts what the token
 * allows; returns the exit code and never throws.
 */
export async function runGitlab(
  argv: string[],
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await runJob(argv, io, env, debug);
  } catch (e) {
    if (isRegopsError(e)) {
      io.err(`regops: error: ${e.message}\n`);
      if (debug && e.stack) io.err(`${e.stack}\n`);
      return e.exitCode;
    }
    io.err(`regops: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    io.err(
      debug
        ? `${(e as Error)?.stack}\n`
        : 'This is a bug in RegOps; run the job again with --debug for the stack trace and report it.\n',
    );
    return 3;
  }
}

/** `regops gitlab lint`: the RegOps component includes of a .gitlab-ci.yml, checked against their spec:inputs. */
function runLint(argv: string[], io: Io): number {
  let file = '.gitlab-ci.yml';
  try {
    const { values } = parseArgs({
      args: argv,
      options: { file: { type: 'string' }, debug: { type: 'boolean' } },
      strict: true,
    });
    if (values.file) file = values.file;
  } catch (e) {
    throw new UsageError(`gitlab lint: ${(e as Error).message.split('\n')[0]} (see: regops gitlab --help)`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(
      `${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message}`,
    );
  }
  const { checked, problems } = lintCiConfig(text, file);
  if (problems.length > 0) throw new ConfigurationError(problems);
  io.out(
    `${file}: ${checked === 0 ? 'includes no RegOps component' : `${checked} RegOps component include(s), inputs valid`}\n`,
  );
  return 0;
}

async function runJob(argv: string[], io: Io, env: NodeJS.ProcessEnv, debug: boolean): Promise<number> {
  if (argv[0] === 'lint') return runLint(argv.slice(1), io);
  const options = parseGitlabArgs(argv);
  if (options === 'help') {
    io.out(GITLAB_HELP);
    return 0;
  }
  const { spec } = options;
  const say = (m: string) => io.err(`regops: ${m}\n`);
  const warn = (m: string) => io.err(`regops: warning: ${m}\n`);
  const ctx = readGitlabContext(env);
  const inWorkspace = (p: string) => path.resolve(ctx.workspace, p);
  const rel = (p: string) => path.relative(ctx.workspace, p).split(path.sep).join('/') || '.';
  const outDir = inWorkspace(options.out);
  const relOut = rel(outDir);
  const reportUrl =
    ctx.jobUrl && !relOut.startsWith('..') ? `${ctx.jobUrl}/artifacts/file/${relOut}/report.html` : null;
  const token = readToken(env, options.tokenVariable);
  const platform = new GitlabPlatform({
    context: ctx,
    token: token.token,
    tokenSource: token.source,
    tokenProblem: token.problem,
    commentAction: spec.commentAction,
    botUsernames: options.botUsernames,
    dotenvPath: path.join(outDir, DOTENV_FILE),
    reportUrl,
    log: { info: say, warning: warn, debug: (m) => debug && io.err(`regops: debug: ${m}\n`) },
  });
  if (ctx.problem) warn(`RegOps runs locally and posts nothing to GitLab: ${ctx.problem}`);
  const wantsNote = options.comment && ctx.change !== null;
  const wantsStatus = options.status && ctx.sha !== null;
  if (!ctx.problem && token.token === null && (wantsNote || wantsStatus)) {
    warn(`nothing will be posted to GitLab: ${token.problem}`);
  }

  // 1. The evidence: run the checks (or read the bundle the docs job republishes).
  let evidence: Evidence;
  let project: Project | null = null;
  if (spec.stages === null) {
    const file = inWorkspace(options.evidence);
    evidence = readEvidenceFile(
      file,
      'the docs job needs the artifacts of the job that made it: needs: [{ job: …, artifacts: true }]',
    );
    say(`read ${rel(file)}`);
    if (options.commentKey === '') {
      options.commentKey = evidence.inputs.find((i) => i.kind === 'config')?.path ?? 'regops.yml';
    }
  } else {
    const change = ctx.change
      ? { number: ctx.change.number, url: ctx.change.url || null, title: ctx.change.title || null }
      : null;
    const run = await runProject(inWorkspace(options.config), {
      log: pipelineLogger(io, debug),
      stages: spec.stages,
      platform: 'gitlab',
      change,
    });
    project = run.project;
    evidence = run.evidence;
    if (run.selected === 0) {
      warn(
        `${options.config} declares no ${spec.stages.join('/')} checks: the ${options.job} job has nothing to verify (the gate fails with no_results)`,
      );
    }
  }

  // 2. The design review of the merge request, into the evidence before it is written.
  if (project !== null && options.designReview !== 'false') {
    const configured = project.config.gate.review;
    if (options.designReview === 'true' || configured) {
      if (ctx.change === null) {
        say(
          `design review: skipped (no merge request: this is a ${ctx.pipelineSource ?? 'non-MR'} pipeline)`,
        );
      } else {
        if (!configured) say('design review: regops.yml has no gate.review; judging with the defaults');
        evidence.design_review = await judgeDesignReview(
          platform,
          ctx.change,
          evidence,
          configured ?? {},
          warn,
        );
      }
    }
  }

  // 3. Every report on disk, whatever GitLab allows afterwards.
  const files: Record<string, string> = { ...outputFiles(evidence), [JUNIT_FILE]: renderJunit(evidence) };
  writeOutputDir(outDir, files);
  const verdict = overallVerdict(evidence);
  const counts = evidence.gate.counts;
  for (const r of evidence.results) io.err(`${ICON[r.status] ?? ''} ${r.id} ${r.status}: ${r.message}\n`);
  for (const r of evidence.design_review?.reasons ?? []) io.err(`❌ design review ${r.code}: ${r.message}\n`);
  io.err(
    `${verdict === 'pass' ? 'PASS' : 'FAIL'}: design control ${verdict === 'pass' ? 'passed' : 'failed'} (${counts.pass ?? 0} pass, ${counts.fail ?? 0} fail, ${counts.warn ?? 0} warn, ${counts.error ?? 0} error, ${counts.skip ?? 0} skip); wrote ${Object.keys(files).length + 1} files to ${relOut}\n`,
  );
  await platform.setOutputs({
    verdict,
    gate: evidence.gate.verdict,
    'design-review': evidence.design_review?.verdict ?? 'skipped',
    evidence: `${relOut}/${EVIDENCE_FILE}`,
    junit: `${relOut}/${JUNIT_FILE}`,
    report: `${relOut}/report.html`,
    pass: String(counts.pass ?? 0),
    fail: String(counts.fail ?? 0),
    warn: String(counts.warn ?? 0),
    error: String(counts.error ?? 0),
    skip: String(counts.skip ?? 0),
    'note-url': '',
    status: 'not set',
  });

  // 4. Publish: the sticky note and the commit status. A refusal is a log line, never a crash.
  const unposted: string[] = [];
  const publish = async (what: string, step: () => Promise<void>) => {
    try {
      await step();
    } catch (e) {
      const reason = `GitLab failed (${(e as Error).message.split('\n')[0]}) after retries`;
      warn(`RegOps could not post the ${what}: ${reason}; the reports are in ${relOut}`);
      unposted.push(`the ${what}: ${reason}`);
    }
  };
  if (!options.comment) say('merge request note: off (comment: false)');
  else if (ctx.change === null)
    say(`merge request note: skipped (${platform.capabilities().reason.comment})`);
  else {
    const body = gitlabReferences(commentBody(evidence, files['comment.md'] ?? ''), ctx.change.number);
    await publish('merge request note', async () => {
      const outcome = await platform.upsertComment(options.commentKey, body);
      if (outcome.status === 'skipped') {
        warn(`RegOps posted no merge request note: ${outcome.reason}`);
        unposted.push(`the merge request note: ${outcome.reason}`);
      } else {
        say(`${outcome.status} the merge request note${outcome.url ? `: ${outcome.url}` : ''}`);
        await platform.setOutputs({ 'note-url': outcome.url ?? '' });
      }
    });
  }
  if (!options.status) say('commit status: off (status: false)');
  else if (ctx.sha === null) say('commit status: skipped (no commit SHA)');
  else {
    const state = verdict === 'pass' ? 'success' : 'failure';
    await publish(`commit status ${options.statusName}`, async () => {
      const outcome = await platform.setStatus(
        options.statusName,
        state,
        checkTitle(evidence),
        platform.reportUrl ?? undefined,
      );
      if (outcome.status === 'skipped') {
        warn(`RegOps set no commit status ${options.statusName}: ${outcome.reason}`);
        unposted.push(`the commit status ${options.statusName}: ${outcome.reason}`);
      } else {
        say(
          `commit status ${options.statusName}: ${state === 'success' ? 'success' : 'failed'} on ${ctx.sha?.slice(0, 8)}`,
        );
        await platform.setOutputs({ status: state === 'success' ? 'success' : 'failed' });
      }
    });
  }

  // 5. The exit code: the gate's, then whether everything that should have been posted was.
  let code = 0;
  if (verdict === 'fail') {
    const reasons = [
      ...evidence.gate.reasons.map((r) => r.message),
      ...(evidence.design_review?.reasons ?? []).map((r) => `design review: ${r.message}`),
    ];
    const message = `design control failed:\n${reasons.map((r) => `  - ${r}`).join('\n')}`;
    if (options.failOnGate) {
      io.err(`regops: ${message}\n`);
      code = 1;
    } else warn(`${message}\n(fail_on_gate is false, so this job passes)`);
  }
  if (unposted.length > 0) {
    const tail = options.failOnUnposted
      ? code === 0
        ? `fail_on_unposted is true, so this job fails (exit ${EXIT_UNPOSTED})`
        : 'fail_on_unposted is true'
      : 'fail_on_unposted is false, so this does not fail the job';
    warn(
      `not posted to GitLab: ${unposted.length === 1 ? unposted[0] : `\n${unposted.map((u) => `  - ${u}`).join('\n')}\n`} (every report is in ${relOut}; ${tail})`,
    );
    if (options.failOnUnposted && code === 0) code = EXIT_UNPOSTED;
  }
  return code;
}
