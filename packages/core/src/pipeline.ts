import path from 'node:path';
import { resolveBaseline } from './baseline';
import {
  type Baseline,
  type CheckRegistry,
  createMemo,
  type Logger,
  type ModelInfo,
  type RunContext,
  type Services,
} from './check';
import type { CheckEntry } from './config';
import { collectDependencies, type Dependencies } from './dependencies';
import { InputError, isRegopsError, ModelOutputError } from './errors';
import { type DeclaredCheck, EVIDENCE_SCHEMA_VERSION, type Evidence } from './evidence';
import { displayPath, portablePath, resolveInput, sha256File } from './files';
import { evaluateGate } from './gate';
import { gitInfo } from './git';
import { applyOverride, evaluatePccp, intendedUseText, type PccpVerdict } from './pccp';
import type { DatasetProfile } from './profile';
import type { Project } from './project';
import type { CheckResult } from './results';
import { TOOL_VERSION } from './version';
import { formatPath } from './yaml-file';

const TOP_LEVEL = new Set(['model', 'target', 'checks', 'datasets', 'baseline', 'privacy']);

/** A ColumnNeed field as a path from the config root: relative ones are inside `checks[i]`. */
function absoluteField(field: (string | number)[], i: number): (string | number)[] {
  return typeof field[0] === 'string' && TOP_LEVEL.has(field[0]) ? field : ['checks', i, ...field];
}

export interface Prepared {
  inputs: Evidence['inputs'];
  model: ModelInfo | null;
  baselineModel: ModelInfo | null;
  headers: Map<string, string[]>;
  /** The parsed lockfiles and SOUP metadata of `sbom:`, or null without one. */
  dependencies: Dependencies | null;
}

const STAGE_ORDER = { data: 0, model: 1, drift: 2 } as const;

function configWhere(project: Project, field: (string | number)[]): string {
  const pos = project.configFile.locate(field);
  return `${project.configFile.display}${pos ? `:${pos.line}:${pos.col}` : ''}: ${formatPath(field)}`;
}

/** Check the model's signature against the config: input name, feature count, probability output. */
function checkModelSignature(project: Project, info: ModelInfo): void {
  const m = project.config.model;
  if (!m) return;
  const input = info.inputs.find((t) => t.name === m.input);
  if (!input) {
    throw new InputError(
      `${configWhere(project, ['model', 'input'])}: the model ${m.path} has no input "${m.input}"; its inputs are: ${info.inputs.map((t) => `"${t.name}"`).join(', ')}. Set model.input to one of them.`,
    );
  }
  const width = input.shape[input.shape.length - 1];
  if (typeof width === 'number' && width !== m.features.length) {
    throw new InputError(
      `${configWhere(project, ['model', 'features'])}: ${m.features.length} feature(s) listed, but input "${m.input}" of ${m.path} takes ${width} (shape [${input.shape.join(', ')}])`,
    );
  }
  if (!info.outputs.some((t) => t.name === m.probabilities)) {
    throw new InputError(
      `${configWhere(project, ['model', 'probabilities'])}: the model ${m.path} has no output "${m.probabilities}"; its outputs are: ${info.outputs.map((t) => `"${t.name}"`).join(', ')}`,
    );
  }
}

/**
 * Everything `regops validate` checks beyond the YAML: linked files exist and are hashed, the model loads
 * and matches the config, datasets parse and have every column a check names.
 */
export async function prepare(
  project: Project,
  registry: CheckRegistry,
  services: Services,
  baseline: Baseline | null = projectBaseline(project),
): Promise<Prepared> {
  const { config, rootDir } = project;
  const cfgDisplay = project.configFile.display;
  const inputs: Evidence['inputs'] = [];
  const add = async (abs: string, kind: Evidence['inputs'][number]['kind']) => {
    inputs.push({ path: portablePath(rootDir, abs), kind, ...(await sha256File(abs)) });
  };
  await add(project.configPath, 'config');
  await add(project.linked.requirements, 'requirements');
  if (project.linked.risks) await add(project.linked.risks, 'risks');
  if (project.linked.modelcard) await add(project.linked.modelcard, 'modelcard');
  if (project.linked.datacard) await add(project.linked.datacard, 'datacard');
  if (config.pccp) await add(path.resolve(rootDir, config.pccp.plan), 'pccp');
  for (const [name, ds] of Object.entries(config.datasets)) {
    await add(resolveInput(rootDir, ds.path, configWhere(project, ['datasets', name, 'path'])), 'dataset');
  }
  let model: ModelInfo | null = null;
  if (config.model) {
    await add(resolveInput(rootDir, config.model.path, configWhere(project, ['model', 'path'])), 'model');
    model = await services.inspectModel(config.model.path);
    checkModelSignature(project, model);
  }
  let baselineModel: ModelInfo | null = null;
  if (baseline?.source === 'git' && baseline.modelPath && baseline.modelDisplay) {
    inputs.push({
      path: baseline.modelDisplay,
      kind: 'baseline_model',
      ...(await sha256File(baseline.modelPath)),
    });
    baselineModel = { ...(await services.inspectModel(baseline.modelPath)), path: baseline.modelDisplay };
  } else if (config.baseline?.model) {
    await add(
      resolveInput(rootDir, config.baseline.model, configWhere(project, ['baseline', 'model'])),
      'baseline_model',
    );
    baselineModel = await services.inspectModel(config.baseline.model);
  }
  let dependencies: Dependencies | null = null;
  if (config.sbom) {
    for (const [i, rel] of config.sbom.lockfiles.entries()) {
      await add(resolveInput(rootDir, rel, configWhere(project, ['sbom', 'lockfiles', i])), 'lockfile');
    }
    if (config.sbom.soup) {
      await add(resolveInput(rootDir, config.sbom.soup, configWhere(project, ['sbom', 'soup'])), 'soup');
    }
    dependencies = collectDependencies(rootDir, config.sbom, (field) => configWhere(project, field));
  }
  const headers = new Map<string, string[]>();
  for (const name of Object.keys(config.datasets)) headers.set(name, await services.header(name));

  config.checks.forEach((check, i) => {
    if (!check.enabled) return;
    const plugin = registry.get(check.type);
    for (const need of plugin?.columns?.(check, config) ?? []) {
      const header = headers.get(need.dataset);
      const rel = config.datasets[need.dataset]?.path;
      if (!header || !rel || header.includes(need.column)) continue;
      throw new InputError(
        `${displayPath(path.resolve(rootDir, rel))}: column "${need.column}" not found (named by ${formatPath(absoluteField(need.field, i))} in ${cfgDisplay}, used by check ${check.id}); the file's columns are: ${header.join(', ')}`,
      );
    }
  });
  return { inputs, model, baselineModel, headers, dependencies };
}

export function declaredChecks(project: Project, registry: CheckRegistry): DeclaredCheck[] {
  return project.config.checks.map((c: CheckEntry) => {
    const plugin = registry.get(c.type);
    return {
      id: c.id,
      type: c.type,
      title: c.title ?? plugin?.description ?? c.type,
      enabled: c.enabled,
      verifies: c.verifies,
      controls: c.controls,
      criterion: plugin ? plugin.criterion(c, project.config) : '',
    };
  });
}

export interface RunOptions {
  log: Logger;
  /** ISO time recorded as the run's start; defaults to SOURCE_DATE_EPOCH or now. */
  now?: Date;
  platform?: Evidence['run']['platform'];
  change?: Evidence['run']['change'];
  /** The baseline resolved by the caller (e.g. from git); default: baseline.model in the working tree. */
  baseline?: Baseline | null;
  /**
   * Leave out what differs between two runs of the same inputs (each check's duration_ms), so the evidence and
   * every document are byte-identical (release packages). Default: on when SOURCE_DATE_EPOCH is set.
   */
  reproducible?: boolean;
}

function runStart(now?: Date): string {
  if (now) return now.toISOString();
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

/** The change judged against the project's PCCP (with the recorded override, if any); null without a plan. */
function judgeChange(project: Project, prepared: Prepared, results: CheckResult[]): PccpVerdict | null {
  const { config, rootDir } = project;
  if (!project.pccp || !config.pccp) return null;
  const datasetHashes: Record<string, string> = {};
  for (const [name, ds] of Object.entries(config.datasets)) {
    const rel = portablePath(rootDir, path.resolve(rootDir, ds.path));
    const input = prepared.inputs.find((i) => i.kind === 'dataset' && i.path === rel);
    if (input) datasetHashes[name] = input.sha256;
  }
  const verdict = evaluatePccp(project.pccp, {
    change: { modifications: config.pccp.modifications },
    config,
    intendedUse: intendedUseText(project.modelcard),
    datasetHashes,
    results,
  });
  return config.pccp.override ? applyOverride(verdict, config.pccp.override) : verdict;
}

/** The project's baseline (working tree or git, see ./baseline). */
export function projectBaseline(project: Project): Baseline | null {
  return resolveBaseline({
    rootDir: project.rootDir,
    configFile: path.relative(project.rootDir, project.configPath),
    config: project.config,
  });
}

/** Run every enabled check (data, then model, then drift) and build the evidence bundle with its gate. */
export async function runPipeline(
  project: Project,
  registry: CheckRegistry,
  services: Services,
  options: RunOptions,
): Promise<Evidence> {
  const startedAt = runStart(options.now);
  const reproducible = options.reproducible ?? /^\d+$/.test(process.env.SOURCE_DATE_EPOCH ?? '');
  const baseline = options.baseline === undefined ? projectBaseline(project) : options.baseline;
  const prepared = await prepare(project, registry, services, baseline);
  const ctx: RunContext = {
    rootDir: project.rootDir,
    config: project.config,
    baseline,
    services,
    log: options.log,
    memo: createMemo(),
  };
  const ordered = project.config.checks
    .map((c, i) => ({ c, i, plugin: registry.get(c.type) }))
    .sort((a, b) => {
      const sa = a.plugin ? STAGE_ORDER[a.plugin.stage] : 9;
      const sb = b.plugin ? STAGE_ORDER[b.plugin.stage] : 9;
      return sa - sb || a.i - b.i;
    });
  const results: CheckResult[] = [];
  for (const { c, plugin } of ordered) {
    if (!plugin) continue;
    const title = c.title ?? plugin.description;
    if (!c.enabled) {
      results.push({
        id: c.id,
        check: c.type,
        title,
        status: 'skip',
        verifies: c.verifies,
        controls: c.controls,
        metrics: [],
        message: 'disabled in the config (enabled: false)',
      });
      continue;
    }
    const t0 = performance.now();
    options.log.info(`running ${c.id} (${c.type})`);
    try {
      const out = await plugin.run(ctx, c);
      const ms = Math.round(performance.now() - t0);
      for (const r of out) results.push(reproducible ? r : { ...r, duration_ms: ms });
    } catch (e) {
      if (e instanceof ModelOutputError) {
        results.push({
          id: c.id,
          check: c.type,
          title,
          status: 'fail',
          verifies: c.verifies,
          controls: c.controls,
          metrics: [],
          message: `the model misbehaved: ${e.message}`,
        });
        continue;
      }
      if (isRegopsError(e)) throw e;
      options.log.warn(`${c.id}: internal error: ${(e as Error).stack ?? String(e)}`);
      results.push({
        id: c.id,
        check: c.type,
        title,
        status: 'error',
        verifies: c.verifies,
        controls: c.controls,
        metrics: [],
        message: `could not run: ${(e as Error).message}`,
      });
    }
  }
  const checks = declaredChecks(project, registry);
  const pccp = judgeChange(project, prepared, results);
  const gate = evaluateGate(project.config.gate, results, project.requirements, checks, pccp);
  const profiles: DatasetProfile[] = [];
  for (const name of Object.keys(project.config.datasets)) profiles.push((await services.scan(name)).profile);
  const datasets = Object.entries(project.config.datasets).map(([name, ds], i) => ({
    name,
    path: ds.path,
    role: ds.role,
    rows: profiles[i]?.rows ?? 0,
    columns: prepared.headers.get(name) ?? [],
  }));
  return {
    schema_version: EVIDENCE_SCHEMA_VERSION,
    tool: { name: 'regops', version: TOOL_VERSION },
    run: {
      started_at: startedAt,
      platform: options.platform ?? 'local',
      git: gitInfo(project.rootDir),
      change: options.change ?? null,
    },
    project: {
      name: project.config.project.name,
      description: project.config.project.description ?? null,
      safety_class: project.config.project.safety_class ?? null,
    },
    inputs: prepared.inputs,
    model: prepared.model,
    baseline_model: prepared.baselineModel,
    pccp,
    baseline: baseline
      ? {
          source: baseline.source,
          ref: baseline.ref ?? null,
          sha: baseline.sha ?? null,
          model: baseline.modelDisplay,
        }
      : null,
    dependencies: prepared.dependencies,
    datasets,
    profiles,
    requirements: project.requirements,
    hazards: project.hazards,
    modelcard: project.modelcard,
    datacard: project.datacard,
    checks,
    results,
    gate,
    design_review: null,
  };
}
