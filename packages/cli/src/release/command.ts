import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  checkSha256Sums,
  type DesignReviewPolicyInput,
  Evidence,
  InputError,
  type Logger,
  MANIFEST_FILE,
  readZip,
  renderSha256Sums,
  TOOL_VERSION,
  writeZip,
} from '@regops/core';
import { documentFiles } from '../main';
import { runProject } from '../run-project';
import {
  type Anomaly,
  type AnomalyList,
  anomalyFindings,
  DEFAULT_ANOMALY_LABELS,
  isEvaluated,
  parseAnomalyFields,
  renderAnomalies,
} from './anomalies';
import { git, gitChanges, previousTag, resolveCommit, tagsAt } from './git';
import {
  ApiError,
  type FetchedPull,
  fetchPull,
  type GithubApi,
  githubApiFromEnv,
  listOpenIssues,
  type PublishedAsset,
  publishToRelease,
} from './github';
import {
  ANOMALIES_FILE,
  type ChangeRecord,
  DOCUMENTS_DIR,
  defaultLinkPattern,
  RELEASE_FILE,
  type ReleaseInfo,
  recordFromApi,
  recordFromGit,
  renderDesignHistoryIndex,
  renderReleaseNotes,
} from './package';

export interface ReleaseOptions {
  config: string;
  from?: string | undefined;
  to?: string | undefined;
  out?: string | undefined;
  tagPattern?: string | undefined;
  repository?: string | undefined;
  /** Labels of the residual anomalies (any of them); default bug, anomaly. */
  anomalyLabels?: readonly string[] | undefined;
  /** Where to publish the zip besides writing it locally: `github` attaches it to the release of the tag. */
  publish?: 'github' | undefined;
  env?: NodeJS.ProcessEnv;
  log: Logger;
}

export interface ReleaseResult {
  dir: string;
  zip: string;
  info: ReleaseInfo;
  changes: ChangeRecord[];
  files: Record<string, string>;
  anomalies: AnomalyList;
  /** The asset on the GitHub release, with --publish github. */
  published: PublishedAsset | null;
}

/** Builds the release package (directory and zip); see `regops release --help`. */
export async function buildRelease(options: ReleaseOptions): Promise<ReleaseResult> {
  const env = options.env ?? process.env;
  const anomalyLabels = [
    ...new Set(
      (options.anomalyLabels ?? DEFAULT_ANOMALY_LABELS).map((l) => l.trim()).filter((l) => l !== ''),
    ),
  ];
  if (anomalyLabels.length === 0) throw new InputError('--anomaly-labels: give at least one label');
  if (options.publish !== undefined && options.publish !== 'github')
    throw new InputError(`--publish: only "github" is supported, got "${options.publish}"`);
  const publishApi = options.publish === 'github' ? githubApiFromEnv(env, options.repository) : null;
  if (publishApi && !('api' in publishApi))
    throw new InputError(`--publish github needs the GitHub API: ${publishApi.reason}`);
  const configPath = path.resolve(options.config);
  if (!existsSync(configPath)) throw new InputError(`${options.config}: file not found`);
  let top: string;
  try {
    top = git(path.dirname(configPath), ['rev-parse', '--show-toplevel']);
  } catch {
    throw new InputError(
      `${options.config}: not in a git repository; a release is built from the git history`,
    );
  }
  const pattern = options.tagPattern ?? 'v*';
  const toRef = options.to ?? 'HEAD';
  const to = resolveCommit(top, toRef, '--to');
  let from: { ref: string | null; sha: string } | null = null;
  if (options.from !== undefined)
    from = { ref: options.from, sha: resolveCommit(top, options.from, '--from') };
  else {
    const prev = previousTag(top, to, pattern);
    if (prev) from = { ref: prev.tag, sha: prev.sha };
  }
  if (from) {
    try {
      git(top, ['merge-base', '--is-ancestor', from.sha, to]);
    } catch {
      throw new InputError(`--from ${from.ref ?? from.sha} is not an ancestor of --to ${toRef}`);
    }
  }
  const toTag =
    options.to && !/^[0-9a-f]{7,40}$/i.test(options.to) ? options.to : tagsAt(top, to, pattern).at(-1);
  const version = toTag ?? to.slice(0, 7);
  const commitTime = new Date(Number(git(top, ['show', '-s', '--format=%ct', to])) * 1000);
  const epoch = env.SOURCE_DATE_EPOCH;
  const when = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : commitTime;
  if (!from)
    options.log.info(`no earlier release tag matching ${pattern}: first release, including all history`);

  // 1. Verification re-run on the release commit (a temporary worktree when it is not the checkout).
  const head = git(top, ['rev-parse', 'HEAD']);
  const rel = path.relative(top, configPath);
  let worktree: string | null = null;
  let evidence: Evidence;
  let policy: DesignReviewPolicyInput;
  try {
    let config = configPath;
    if (head !== to) {
      worktree = path.join(mkdtempSync(path.join(tmpdir(), 'regops-release-')), 'tree');
      git(top, ['worktree', 'add', '--detach', '--quiet', worktree, to]);
      config = path.join(worktree, rel);
      options.log.info(`verifying ${to.slice(0, 7)} in a temporary worktree`);
    }
    // Same release commit, same package: no check timings in the evidence.
    const run = await runProject(config, { log: options.log, now: when, reproducible: true });
    evidence = run.evidence;
    policy = run.project.config.gate.review ?? {};
  } finally {
    if (worktree) {
      try {
        git(top, ['worktree', 'remove', '--force', worktree]);
      } catch {}
      rmSync(path.dirname(worktree), { recursive: true, force: true });
    }
  }

  // 2. The changes, from git; their review records from the platform when it answers.
  const history = gitChanges(top, from?.sha ?? null, to);
  const linkPattern = defaultLinkPattern(policy);
  const apiConfig = githubApiFromEnv(env, options.repository);
  let note: string | null = null;
  const changes: ChangeRecord[] = [];
  let apiDown: string | null = 'api' in apiConfig ? null : apiConfig.reason;
  for (const c of history) {
    if (c.number === null || c.platform === 'gitlab' || apiDown !== null || !('api' in apiConfig)) {
      const why =
        c.number === null
          ? null
          : c.platform === 'gitlab'
            ? 'review records could not be fetched: GitLab merge requests are read from git history only in this version'
            : `review records could not be fetched: ${apiDown}`;
      changes.push(recordFromGit(c, evidence, linkPattern, why));
      continue;
    }
    let pull: FetchedPull;
    try {
      pull = await fetchPull(apiConfig.api, c.number);
    } catch (e) {
      const msg = (e as Error).message;
      // Not found: this change only; anything else (network, credentials, server): the API for all the rest.
      if (!(e instanceof ApiError && e.status === 404)) apiDown = msg;
      changes.push(recordFromGit(c, evidence, linkPattern, `review records could not be fetched: ${msg}`));
      continue;
    }
    changes.push(recordFromApi(c, pull, evidence, policy));
  }
  const notes = [...new Set(changes.map((c) => c.note).filter((n): n is string => n !== null))];
  if (notes.length > 0) note = notes.join('; ');
  if (note) options.log.warn(note);

  // Residual anomalies: open issues with the labels, from the platform (not from git: they are not in it).
  const anomalies = await listAnomalies('api' in apiConfig ? apiConfig.api : null, apiConfig, anomalyLabels);
  if (anomalies.note) options.log.warn(`residual anomalies could not be listed: ${anomalies.note}`);

  // 3. The files.
  const docs = documentFiles(evidence);
  const files: Record<string, string> = { 'evidence.json': `${JSON.stringify(evidence, null, 2)}\n` };
  for (const [name, text] of Object.entries(docs)) files[`${DOCUMENTS_DIR}/${name}`] = text;
  for (const c of changes) files[`changes/${c.id}.json`] = `${JSON.stringify(c, null, 2)}\n`;
  const findings = changes.flatMap((c) =>
    c.findings.map(
      (f) =>
        `${c.number === null ? c.commit.slice(0, 7) : `${c.platform === 'gitlab' ? '!' : '#'}${c.number}`}: ${f}`,
    ),
  );
  findings.push(...anomalyFindings(anomalies));
  if (evidence.gate.verdict !== 'pass')
    findings.unshift(
      `the verification of the release commit failed: ${evidence.gate.reasons.map((r) => r.message).join('; ')}`,
    );
  const info: ReleaseInfo = {
    format: 'regops-release-1',
    tool: evidence.tool,
    version,
    from: { ref: from?.ref ?? null, sha: from?.sha ?? null, first_release: from === null },
    to: { ref: toTag ?? toRef, sha: to },
    review_records: {
      source: changes.some((c) => c.source === 'api') ? 'api' : 'git',
      platform: 'api' in apiConfig ? 'github' : null,
      note,
    },
    verification: { verdict: evidence.gate.verdict, counts: evidence.gate.counts },
    anomalies: {
      source: anomalies.source,
      labels: anomalies.labels,
      note: anomalies.note,
      file: ANOMALIES_FILE,
      items: anomalies.items,
    },
    changes: changes.map((c) => ({
      id: c.id,
      file: `changes/${c.id}.json`,
      title: c.title,
      findings: c.findings.length,
    })),
    findings,
  };
  files[RELEASE_FILE] = `${JSON.stringify(info, null, 2)}\n`;
  files[ANOMALIES_FILE] = renderAnomalies(version, anomalies);
  files['release-notes.md'] = renderReleaseNotes(info, changes);
  files['design-history-index.md'] = renderDesignHistoryIndex(
    info,
    [...Object.keys(files), 'design-history-index.md'],
    changes,
  );
  files[MANIFEST_FILE] = renderSha256Sums(files);

  const dir = path.resolve(options.out ?? `regops-release-${version.replace(/[^\w.-]+/g, '_')}`);
  writePackageDir(dir, files);
  const zip = `${dir}.zip`;
  const base = path.basename(dir);
  const names = Object.keys(files).sort();
  writeFileSync(
    zip,
    writeZip(
      names.map((n) => ({ name: `${base}/${n}`, data: files[n] as string })),
      when,
    ),
  );
  let published: PublishedAsset | null = null;
  if (publishApi && 'api' in publishApi) {
    if (!toTag)
      throw new InputError(
        `--publish github: the release commit ${to.slice(0, 7)} has no tag matching ${pattern}; give --to TAG`,
      );
    try {
      published = await publishToRelease(publishApi.api, toTag, to, {
        name: path.basename(zip),
        data: readFileSync(zip),
        contentType: 'application/zip',
      });
    } catch (e) {
      throw new InputError(
        `--publish github: could not attach ${path.basename(zip)} to the release ${toTag}: ${(e as Error).message} (the package is written to ${dir})`,
      );
    }
    options.log.info(
      `attached ${published.name} (${published.size} bytes) to the GitHub release ${toTag}${published.created ? ' (created)' : ''}${published.replaced ? ', replacing the earlier upload' : ''}`,
    );
  }
  return { dir, zip, info, changes, files, anomalies, published };
}

async function listAnomalies(
  api: GithubApi | null,
  apiConfig: { api: GithubApi } | { reason: string },
  labels: string[],
): Promise<AnomalyList> {
  if (!api)
    return { source: 'none', labels, note: 'reason' in apiConfig ? apiConfig.reason : null, items: [] };
  try {
    const issues = await listOpenIssues(api, labels);
    const items: Anomaly[] = issues.map((i) => {
      const fields = parseAnomalyFields(i.body);
      return {
        number: i.number,
        title: i.title,
        url: i.url,
        author: i.author,
        labels: i.labels,
        created_at: i.created_at,
        fields,
        evaluated: isEvaluated(fields),
      };
    });
    return { source: 'api', labels, note: null, items };
  } catch (e) {
    return { source: 'none', labels, note: (e as Error).message, items: [] };
  }
}

/** Writes the package into a fresh directory and moves it into place; an existing DIR must be an earlier package or empty. */
function writePackageDir(dir: string, files: Record<string, string>): void {
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MANIFEST_FILE))
      throw new InputError(
        `${dir}: exists and is not a release package (no ${MANIFEST_FILE}); choose another --out or empty it`,
      );
  }
  const parent = path.dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(path.join(parent, `.${path.basename(dir)}.tmp-`));
  try {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(tmp, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    if (existsSync(dir)) {
      const old = `${tmp}.old`;
      renameSync(dir, old);
      renameSync(tmp, dir);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------
// verify

export interface VerifyResult {
  /** Files checked against the manifest. */
  checked: number;
  documents: number;
  /** One line per problem, each naming its file. */
  problems: string[];
  /** What does not fail the check but may explain a difference. */
  warnings: string[];
}

function readTree(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [k, v] of readTree(dir, rel)) out.set(k, v);
    else if (entry.isFile()) out.set(rel, readFileSync(path.join(dir, rel)));
  }
  return out;
}

/** The files of a package directory or zip (a zip's single top directory stripped); InputError if neither. */
export function readPackage(target: string): Map<string, Buffer> {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(target);
  } catch {
    throw new InputError(`${target}: not found`);
  }
  if (st.isDirectory()) return readTree(target);
  let entries: Map<string, Buffer>;
  try {
    entries = readZip(readFileSync(target));
  } catch (e) {
    throw new InputError(`${target}: not a release package directory or zip: ${(e as Error).message}`);
  }
  const tops = new Set([...entries.keys()].map((n) => n.split('/')[0]));
  const [only] = tops;
  if (tops.size === 1 && [...entries.keys()].every((n) => n.includes('/'))) {
    return new Map([...entries].map(([k, v]) => [k.slice((only as string).length + 1), v]));
  }
  return entries;
}

/** Re-checks the manifest and re-renders the documents from the bundled evidence. */
export function verifyPackage(target: string): VerifyResult {
  const files = readPackage(target);
  const manifest = files.get(MANIFEST_FILE);
  if (!manifest) throw new InputError(`${target}: no ${MANIFEST_FILE}: not a RegOps release package`);
  let checked: number;
  const problems: string[] = [];
  const warnings: string[] = [];
  try {
    const r = checkSha256Sums(manifest.toString('utf8'), files);
    checked = r.checked;
    for (const p of r.problems)
      problems.push(
        `${p.file}: ${p.problem === 'modified' ? 'SHA-256 does not match SHA256SUMS' : p.problem === 'missing' ? 'listed in SHA256SUMS but missing' : 'not listed in SHA256SUMS'}`,
      );
  } catch (e) {
    throw new InputError(`${target}: ${(e as Error).message}`);
  }
  const raw = files.get('evidence.json');
  if (!raw) throw new InputError(`${target}: no evidence.json: not a RegOps release package`);
  let evidence: Evidence;
  try {
    const parsed = Evidence.safeParse(JSON.parse(raw.toString('utf8')));
    if (!parsed.success)
      throw new Error(
        parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; '),
      );
    evidence = parsed.data;
  } catch (e) {
    problems.push(`evidence.json: not a valid evidence bundle: ${(e as Error).message}`);
    return { checked, documents: 0, problems, warnings };
  }
  if (evidence.tool.version !== TOOL_VERSION)
    warnings.push(
      `evidence.json: written by regops ${evidence.tool.version}, verified with ${TOOL_VERSION}: documents may differ for that reason`,
    );
  const docs = documentFiles(evidence);
  for (const [name, text] of Object.entries(docs)) {
    const file = `${DOCUMENTS_DIR}/${name}`;
    const have = files.get(file);
    const want = Buffer.from(text, 'utf8');
    if (!have) problems.push(`${file}: missing (re-rendered from evidence.json)`);
    else if (!have.equals(want)) {
      let i = 0;
      while (i < have.length && i < want.length && have[i] === want[i]) i++;
      problems.push(`${file}: differs from the document re-rendered from evidence.json at byte ${i}`);
    }
  }
  for (const name of files.keys()) {
    if (name.startsWith(`${DOCUMENTS_DIR}/`) && !(name.slice(DOCUMENTS_DIR.length + 1) in docs))
      problems.push(`${name}: not a document regops renders from evidence.json`);
  }
  return { checked, documents: Object.keys(docs).length, problems, warnings };
}
