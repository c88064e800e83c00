import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  type Evidence,
  evidenceJsonSchema,
  isRegopsError,
  type Logger,
  loadProject,
  nearest,
  prepare,
  readEvidenceFile,
  runPipeline,
  TOOL_VERSION,
  UsageError,
} from '@regops/core';
import { loadTemplates, renderAll, renderTraceDiff } from '@regops/docs';
import { z } from 'zod';
import { COMMAND_HELP, MAIN_HELP } from './help';
import { inferSchemaFile } from './infer-schema';
import { EVIDENCE_FILE, writeOutputDir } from './output';
import { defaultRegistry } from './registry';
import { buildRelease, verifyPackage } from './release/command';
import { createServices } from './services';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

function logger(io: Io, debug: boolean): Logger {
  return {
    info: (m) => io.err(`regops: ${m}\n`),
    warn: (m) => io.err(`regops: warning: ${m}\n`),
    debug: (m) => {
      if (debug) io.err(`regops: debug: ${m}\n`);
    },
  };
}

function parse(
  command: string,
  args: string[],
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } },
      allowPositionals: false,
      strict: true,
    }).values as Record<string, string | boolean | undefined>;
  } catch (e) {
    const err = e as Error & { code?: string };
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
      const hint = nearest(unknown.replace(/^-+/, ''), [...Object.keys(options), 'help', 'debug']);
      throw new UsageError(
        `${command}: unknown option ${unknown}${hint ? `; did you mean --${hint}?` : ''} (see: regops ${command} --help)`,
      );
    }
    throw new UsageError(`${command}: ${err.message.split('\n')[0]} (see: regops ${command} --help)`);
  }
}

export interface DocumentOptions {
  /** A directory of templates that replace the built-in ones (see loadTemplates). */
  templatesDir?: string | undefined;
  /** The base branch's evidence: adds traceability-diff.md (what changed in the matrix). */
  baseEvidence?: Evidence | undefined;
}

/** Every document of an evidence bundle, by file name. */
export function documentFiles(evidence: Evidence, options: DocumentOptions = {}): Record<string, string> {
  const templates = options.templatesDir ? loadTemplates(options.templatesDir) : undefined;
  const docs: Record<string, string> = renderAll(evidence, templates ? { templates } : {});
  if (options.baseEvidence) docs['traceability-diff.md'] = renderTraceDiff(options.baseEvidence, evidence);
  return docs;
}

/** Documents plus the evidence itself, as the files of an output directory. */
export function outputFiles(evidence: Evidence, options: DocumentOptions = {}): Record<string, string> {
  return { [EVIDENCE_FILE]: `${JSON.stringify(evidence, null, 2)}\n`, ...documentFiles(evidence, options) };
}

async function cmdRun(args: string[], io: Io): Promise<number> {
  const v = parse('run', args, {
    config: { type: 'string', short: 'c' },
    out: { type: 'string', short: 'o' },
    templates: { type: 'string' },
    'base-evidence': { type: 'string' },
  });
  if (v.help) return help(io, 'run');
  const log = logger(io, Boolean(v.debug));
  const registry = defaultRegistry();
  const project = loadProject(String(v.config ?? 'regops.yml'), registry);
  // Read the inputs that only the documents need before the run, so a mistake costs nothing.
  const docOptions: DocumentOptions = {
    templatesDir: v.templates ? String(v.templates) : undefined,
    baseEvidence: v['base-evidence'] ? readEvidenceFile(String(v['base-evidence'])) : undefined,
  };
  if (docOptions.templatesDir) loadTemplates(docOptions.templatesDir);
  const evidence = await runPipeline(project, registry, createServices(project), { log });
  const outDir = String(v.out ?? 'regops-out');
  const files = outputFiles(evidence, docOptions);
  writeOutputDir(outDir, files);
  const { verdict, counts } = evidence.gate;
  io.out(
    `${verdict === 'pass' ? 'PASS' : 'FAIL'}: design control ${verdict === 'pass' ? 'passed' : 'failed'} (${counts.pass} pass, ${counts.fail} fail, ${counts.warn} warn, ${counts.error} error, ${counts.skip} skip); wrote ${Object.keys(files).length} files to ${outDir}\n`,
  );
  for (const r of evidence.gate.reasons) io.out(`  - ${r.message}\n`);
  return verdict === 'pass' ? 0 : 1;
}

async function cmdValidate(args: string[], io: Io): Promise<number> {
  const v = parse('validate', args, { config: { type: 'string', short: 'c' } });
  if (v.help) return help(io, 'validate');
  const registry = defaultRegistry();
  const project = loadProject(String(v.config ?? 'regops.yml'), registry);
  const prepared = await prepare(project, registry, createServices(project));
  io.out(
    `${project.configFile.display}: valid (${project.config.checks.length} checks, ${project.requirements.length} requirements, ${project.hazards.length} hazards, ${prepared.inputs.length} input files hashed)\n`,
  );
  return 0;
}

function cmdSchema(args: string[], io: Io): number {
  const v = parse('schema', args, { out: { type: 'string', short: 'o' }, kind: { type: 'string' } });
  if (v.help) return help(io, 'schema');
  const schemas = allSchemas();
  if (v.out) {
    const dir = String(v.out);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(schemas)) writeFileSync(path.join(dir, name), text);
    io.out(
      `wrote ${Object.keys(schemas)
        .map((n) => path.join(dir, n))
        .join(', ')}\n`,
    );
    return 0;
  }
  const kind = String(v.kind ?? 'config');
  if (kind !== 'config' && kind !== 'evidence')
    throw new UsageError(`schema: --kind must be config or evidence, got "${kind}"`);
  io.out(kind === 'config' ? (schemas['regops.schema.json'] ?? '') : (schemas['evidence.schema.json'] ?? ''));
  return 0;
}

/** The committed JSON Schemas, generated from the zod schemas. */
export function allSchemas(): Record<string, string> {
  const config = {
    $id: 'regops-config-1',
    ...(z.toJSONSchema(defaultRegistry().configSchema(), { target: 'draft-2020-12', io: 'input' }) as object),
  };
  return {
    'regops.schema.json': `${JSON.stringify(config, null, 2)}\n`,
    'evidence.schema.json': `${JSON.stringify(evidenceJsonSchema(), null, 2)}\n`,
  };
}

function cmdRender(args: string[], io: Io): number {
  const v = parse('render', args, {
    evidence: { type: 'string', short: 'e' },
    out: { type: 'string', short: 'o' },
    templates: { type: 'string' },
    'base-evidence': { type: 'string' },
  });
  if (v.help) return help(io, 'render');
  if (!v.evidence) throw new UsageError('render: --evidence FILE is required (see: regops render --help)');
  const file = String(v.evidence);
  const evidence = readEvidenceFile(file);
  const outDir = String(v.out ?? path.dirname(file));
  const docs = documentFiles(evidence, {
    templatesDir: v.templates ? String(v.templates) : undefined,
    baseEvidence: v['base-evidence'] ? readEvidenceFile(String(v['base-evidence'])) : undefined,
  });
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(docs)) writeFileSync(path.join(outDir, name), text);
  io.out(`rendered ${Object.keys(docs).length} documents into ${outDir}\n`);
  return 0;
}

async function cmdData(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') return help(io, 'data');
  if (sub !== 'infer-schema')
    throw new UsageError(
      `data: unknown subcommand "${sub}"; subcommands: infer-schema (see: regops data --help)`,
    );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        format: { type: 'string' },
        delimiter: { type: 'string' },
        na: { type: 'string', multiple: true },
        sensitive: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        debug: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(
      `data infer-schema: ${(e as Error).message.split('\n')[0]} (see: regops data --help)`,
    );
  }
  const v = parsed.values as {
    format?: string;
    delimiter?: string;
    na?: string[];
    sensitive?: string[];
    help?: boolean;
  };
  if (v.help) return help(io, 'data');
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0)
    throw new UsageError('data infer-schema: give exactly one data file (see: regops data --help)');
  if (v.format && !['csv', 'jsonl', 'parquet'].includes(v.format)) {
    throw new UsageError(`data infer-schema: --format must be csv, jsonl or parquet, got "${v.format}"`);
  }
  io.out(await inferSchemaFile(file, v));
  return 0;
}

async function cmdRelease(args: string[], io: Io): Promise<number> {
  const v = parse('release', args, {
    config: { type: 'string', short: 'c' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'tag-pattern': { type: 'string' },
    repo: { type: 'string' },
    'anomaly-labels': { type: 'string' },
    publish: { type: 'string' },
  });
  if (v.help) return help(io, 'release');
  const r = await buildRelease({
    config: String(v.config ?? 'regops.yml'),
    from: v.from === undefined ? undefined : String(v.from),
    to: v.to === undefined ? undefined : String(v.to),
    out: v.out === undefined ? undefined : String(v.out),
    tagPattern: v['tag-pattern'] === undefined ? undefined : String(v['tag-pattern']),
    repository: v.repo === undefined ? undefined : String(v.repo),
    anomalyLabels: v['anomaly-labels'] === undefined ? undefined : String(v['anomaly-labels']).split(','),
    publish: v.publish === undefined ? undefined : (String(v.publish) as 'github'),
    log: logger(io, Boolean(v.debug)),
  });
  const { info } = r;
  const range = info.from.first_release
    ? 'first release, all history'
    : `${info.from.ref ?? info.from.sha?.slice(0, 7)}..${info.to.ref}`;
  io.out(
    `release ${info.version} (${range}): ${r.changes.length} change${r.changes.length === 1 ? '' : 's'}, review records from ${info.review_records.source}, verification ${info.verification.verdict}, ${info.findings.length} finding${info.findings.length === 1 ? '' : 's'}; wrote ${Object.keys(r.files).length} files to ${r.dir} and ${r.zip}\n`,
  );
  if (info.review_records.note) io.out(`  note: ${info.review_records.note}\n`);
  if (r.published)
    io.out(
      `attached ${r.published.name} to the GitHub release ${info.to.ref}: ${r.published.download_url}\n`,
    );
  for (const f of info.findings) io.out(`  - ${f}\n`);
  return info.findings.length === 0 ? 0 : 1;
}

function cmdVerify(args: string[], io: Io): number {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`verify: ${(e as Error).message.split('\n')[0]} (see: regops verify --help)`);
  }
  if (parsed.values.help) return help(io, 'verify');
  const [target, ...extra] = parsed.positionals;
  if (!target || extra.length > 0)
    throw new UsageError('verify: give exactly one package directory or zip (see: regops verify --help)');
  const r = verifyPackage(target);
  for (const w of r.warnings) io.err(`regops: warning: ${w}\n`);
  if (r.problems.length > 0) {
    io.out(`FAIL: ${target}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}\n`);
    for (const p of r.problems) io.out(`  - ${p}\n`);
    return 1;
  }
  io.out(
    `OK: ${target}: ${r.checked} files match SHA256SUMS; ${r.documents} documents re-rendered from evidence.json are byte-identical\n`,
  );
  return 0;
}

function help(io: Io, command?: string): number {
  io.out(command ? (COMMAND_HELP[command] ?? MAIN_HELP) : MAIN_HELP);
  return 0;
}

/** Run the CLI; returns the exit code. Never throws. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const debug = argv.includes('--debug');
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
        return help(io);
      case 'help':
        return help(io, rest[0]);
      case '--version':
      case 'version':
        io.out(`${TOOL_VERSION}\n`);
        return 0;
      case 'run':
        return await cmdRun(rest, io);
      case 'validate':
        return await cmdValidate(rest, io);
      case 'schema':
        return cmdSchema(rest, io);
      case 'render':
        return cmdRender(rest, io);
      case 'data':
        return await cmdData(rest, io);
      case 'release':
        return await cmdRelease(rest, io);
      case 'verify':
        return cmdVerify(rest, io);
      case 'gitlab':
        // Loaded on demand: @regops/gitlab imports this package (a static import would be a cycle).
        return await (await import('@regops/gitlab')).runGitlab(rest, io);
      default:
        throw new UsageError(
          `unknown command "${command}"; commands: run, validate, schema, render, data, release, verify, gitlab (see: regops --help)`,
        );
    }
  } catch (e) {
    if (isRegopsError(e)) {
      io.err(`regops: error: ${e.message}\n`);
      if (debug && e.stack) io.err(`${e.stack}\n`);
      return e.exitCode;
    }
    io.err(`regops: internal error: ${(e as Error).message ?? String(e)}\n`);
    io.err(
      debug
        ? `${(e as Error).stack}\n`
        : 'This is a bug in RegOps; run again with --debug for the stack trace and report it.\n',
    );
    return 3;
  }
}
