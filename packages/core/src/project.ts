import path from 'node:path';
import type { CheckRegistry } from './check';
import type { RegopsConfig } from './config';
import { ConfigurationError } from './errors';
import { displayPath } from './files';
import { loadPccp, type Pccp } from './pccp';
import { nearest } from './suggest';
import {
  DataCardMeta,
  type Hazard,
  ModelCardMeta,
  type Requirement,
  RequirementsFile,
  RisksFile,
} from './trace';
import { parseWith, problemAt } from './validate';
import { type PathKey, readYamlFile, type YamlFile } from './yaml-file';

/** regops.yml and the design files it links, validated and cross-checked. */
export interface Project {
  configPath: string;
  rootDir: string;
  configFile: YamlFile;
  config: RegopsConfig;
  requirements: Requirement[];
  hazards: Hazard[];
  modelcard: ModelCardMeta | null;
  datacard: DataCardMeta | null;
  /** The change control plan named by `pccp.plan`, validated. */
  pccp: Pccp | null;
  /** Absolute paths of the linked YAML files, by kind. */
  linked: { requirements: string; risks: string | null; modelcard: string | null; datacard: string | null };
}

function unknownRef(kind: string, id: string, known: string[]): string {
  const hint = nearest(id, known);
  return `unknown ${kind} "${id}"${hint ? `; did you mean "${hint}"?` : ''}${known.length ? ` (defined: ${known.join(', ')})` : ''}`;
}

function duplicates<T>(items: readonly T[], key: (t: T) => string): number[] {
  const seen = new Set<string>();
  const dups: number[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) dups.push(i);
    seen.add(k);
  });
  return dups;
}

/**
 * Load regops.yml and everything it links. Throws one ConfigurationError listing every problem found
 * (schema problems of each file, then dangling or duplicate IDs), each with file, line and path.
 */
export function loadProject(configPath: string, registry: CheckRegistry): Project {
  const abs = path.resolve(configPath);
  const configFile = readYamlFile(abs, displayPath(abs), 'config file');
  if (configFile.data === null || configFile.data === undefined) {
    throw new ConfigurationError(
      `${configFile.display}: the file is empty; see examples/pima-diabetes/regops.yml`,
    );
  }
  const config = parseWith(registry.configSchema(), configFile);
  const rootDir = path.dirname(abs);
  const problems: string[] = [];
  const at = (p: PathKey[], msg: string) => problems.push(problemAt(configFile, p, msg));

  const linkedFile = (
    field: 'requirements' | 'risks' | 'modelcard' | 'datacard',
    rel: string,
    what: string,
  ): YamlFile | null => {
    const fileAbs = path.resolve(rootDir, rel);
    try {
      return readYamlFile(fileAbs, displayPath(fileAbs), what);
    } catch (e) {
      if (e instanceof ConfigurationError) {
        const msg = e.problems.join('; ');
        if (/not found/.test(msg))
          at([field], `${what} not found: ${rel} (looked in ${displayPath(fileAbs)})`);
        else problems.push(...e.problems);
        return null;
      }
      throw e;
    }
  };
  const parseLinked = <T>(file: YamlFile | null, parse: (f: YamlFile) => T): T | null => {
    if (!file) return null;
    try {
      return parse(file);
    } catch (e) {
      if (e instanceof ConfigurationError) {
        problems.push(...e.problems);
        return null;
      }
      throw e;
    }
  };

  const reqFile = linkedFile('requirements', config.requirements, 'requirements file');
  const reqs = parseLinked(reqFile, (f) => parseWith(RequirementsFile, f))?.requirements ?? null;
  const riskFile = config.risks ? linkedFile('risks', config.risks, 'risks file') : null;
  const hazards = parseLinked(riskFile, (f) => parseWith(RisksFile, f))?.hazards ?? null;
  const cardFile = config.modelcard ? linkedFile('modelcard', config.modelcard, 'model card file') : null;
  const modelcard = parseLinked(cardFile, (f) => parseWith(ModelCardMeta, f));
  const dataFile = config.datacard ? linkedFile('datacard', config.datacard, 'dataset card file') : null;
  const datacard = parseLinked(dataFile, (f) => parseWith(DataCardMeta, f));
  if (datacard?.datasets && dataFile) {
    for (const name of Object.keys(datacard.datasets)) {
      if (!(name in config.datasets)) {
        problems.push(
          problemAt(
            dataFile,
            ['datasets', name],
            `unknown dataset "${name}" (defined in regops.yml: ${Object.keys(config.datasets).join(', ')})`,
          ),
        );
      }
    }
  }

  // Cross-references.
  const reqIds = (reqs ?? []).map((r) => r.id);
  if (reqs && reqFile) {
    for (const i of duplicates(reqs, (r) => r.id)) {
      problems.push(
        problemAt(reqFile, ['requirements', i, 'id'], `duplicate requirement ID "${reqs[i]?.id}"`),
      );
    }
  }
  const controlIds: string[] = [];
  if (hazards && riskFile) {
    for (const i of duplicates(hazards, (h) => h.id)) {
      problems.push(problemAt(riskFile, ['hazards', i, 'id'], `duplicate hazard ID "${hazards[i]?.id}"`));
    }
    const controls = hazards.flatMap((h, i) => h.controls.map((c, j) => ({ c, i, j })));
    for (const k of duplicates(controls, (x) => x.c.id)) {
      const x = controls[k];
      if (x)
        problems.push(
          problemAt(
            riskFile,
            ['hazards', x.i, 'controls', x.j, 'id'],
            `duplicate risk-control ID "${x.c.id}"`,
          ),
        );
    }
    controlIds.push(...controls.map((x) => x.c.id));
    if (reqs) {
      for (const { c, i, j } of controls) {
        c.requirements.forEach((id, k) => {
          if (!reqIds.includes(id)) {
            problems.push(
              problemAt(
                riskFile,
                ['hazards', i, 'controls', j, 'requirements', k],
                unknownRef('requirement', id, reqIds),
              ),
            );
          }
        });
      }
    }
  }

  for (const i of duplicates(config.checks, (c) => c.id)) {
    at(['checks', i, 'id'], `duplicate check id "${config.checks[i]?.id}"`);
  }
  config.checks.forEach((check, i) => {
    if (reqs) {
      check.verifies.forEach((id, j) => {
        if (!reqIds.includes(id)) at(['checks', i, 'verifies', j], unknownRef('requirement', id, reqIds));
      });
    }
    check.controls.forEach((id, j) => {
      if (!config.risks)
        at(
          ['checks', i, 'controls', j],
          `names risk control "${id}", but no risks file is configured (add \`risks:\`)`,
        );
      else if (hazards && !controlIds.includes(id))
        at(['checks', i, 'controls', j], unknownRef('risk control', id, controlIds));
    });
    const plugin = registry.get(check.type);
    for (const p of plugin?.validate?.(check, config) ?? []) at(['checks', i, ...p.path], p.message);
  });

  if (problems.length > 0) throw new ConfigurationError(problems);
  const pccp = config.pccp ? loadPccp(rootDir, config.pccp.plan) : null;
  return {
    configPath: abs,
    rootDir,
    configFile,
    config,
    requirements: reqs ?? [],
    hazards: hazards ?? [],
    modelcard,
    datacard,
    pccp,
    linked: {
      requirements: path.resolve(rootDir, config.requirements),
      risks: config.risks ? path.resolve(rootDir, config.risks) : null,
      modelcard: config.modelcard ? path.resolve(rootDir, config.modelcard) : null,
      datacard: config.datacard ? path.resolve(rootDir, config.datacard) : null,
    },
  };
}
