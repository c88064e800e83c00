/**
 * The repository's third-party dependencies, read from its lockfiles (package-lock.json, pinned
 * requirements.txt), and the IEC 62304 SOUP metadata the user writes for them (soup.yml). Both are collected
 * into the evidence during a run, so that the SBOM and the SOUP list are rendered from the evidence alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigurationError, InputError } from './errors';
import { displayPath, portablePath, resolveInput } from './files';
import { nearest } from './suggest';
import { parseWith, problemAt } from './validate';
import { type PathKey, parseYamlText, readYamlFile, type YamlFile } from './yaml-file';

/* ------------------------------------------------------------------ schema */

export const PACKAGE_HASH_ALGS = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'] as const;

export const PackageHash = z.strictObject({
  alg: z.enum(PACKAGE_HASH_ALGS).describe('CycloneDX hash algorithm name.'),
  content: z.string().regex(/^[0-9a-f]+$/, 'lower-case hex digits'),
});
export type PackageHash = z.infer<typeof PackageHash>;

export const DependencyPackage = z.strictObject({
  ecosystem: z.enum(['npm', 'pypi']),
  name: z.string().describe('As the lockfile spells it (npm: with its @scope).'),
  version: z.string(),
  purl: z.string().describe('Package URL, e.g. pkg:npm/%40scope/name@1.0.0 or pkg:pypi/scikit-learn@1.2.1.'),
  direct: z
    .boolean()
    .describe(
      'Declared by the project itself (package.json of the root or a workspace; a requirements line that pip-compile does not mark as pulled in by another package).',
    ),
  scope: z
    .enum(['required', 'optional', 'dev'])
    .describe('npm: dev (only for development), optional, or required; requirements.txt: always required.'),
  hashes: z.array(PackageHash).describe('npm: from `integrity`; requirements.txt: from `--hash` options.'),
  license: z.string().nullable().describe('As the lockfile records it (npm), else null.'),
  resolved: z.string().nullable().describe('npm: where the package was downloaded from.'),
  markers: z.string().nullable().describe('requirements.txt: the PEP 508 environment marker, if any.'),
  depends_on: z
    .array(z.string())
    .describe('purls of the packages this one depends on (within the same lockfile).'),
});
export type DependencyPackage = z.infer<typeof DependencyPackage>;

export const LOCKFILE_FORMATS = ['package-lock', 'requirements'] as const;

export const LockfileDependencies = z.strictObject({
  path: z.string().describe('Relative to the directory of regops.yml, with / separators.'),
  format: z.enum(LOCKFILE_FORMATS),
  graph: z
    .boolean()
    .describe(
      'true when depends_on is complete (package-lock.json; requirements.txt with pip-compile `# via` annotations).',
    ),
  packages: z.array(DependencyPackage),
});
export type LockfileDependencies = z.infer<typeof LockfileDependencies>;

export const SOUP_RISK_LEVELS = ['low', 'medium', 'high'] as const;

const text = z.string().min(1);

/** IEC 62304 metadata of one SOUP item, written by the user. */
export const SoupItem = z.strictObject({
  supplier: text.optional().describe('Manufacturer or maintainer of the SOUP item (IEC 62304 §8.1.2).'),
  license: text
    .optional()
    .describe('License (an SPDX expression where possible); overrides what the lockfile records.'),
  purpose: text.optional().describe('What the software system uses the SOUP item for.'),
  risk_level: z
    .enum(SOUP_RISK_LEVELS)
    .optional()
    .describe(
      'Risk the SOUP item contributes to hazardous situations (IEC 62304 §7.1.2): low, medium or high.',
    ),
  requirements: z
    .array(text)
    .optional()
    .describe('Functional and performance requirements the SOUP item must meet (IEC 62304 §5.3.3).'),
  known_anomalies: z
    .strictObject({
      reference: text.describe(
        'Where the published anomaly list is (URL of the issue tracker or release notes).',
      ),
      reviewed: text.optional().describe('When it was last evaluated, e.g. 2025-01-31.'),
      notes: text
        .optional()
        .describe('The evaluation: anomalies relevant to this use and how they are handled.'),
    })
    .optional()
    .describe('The SOUP item’s published anomaly list and its evaluation (IEC 62304 §7.1.3).'),
  verification: text
    .optional()
    .describe('How the system verifies that the SOUP item does what it is used for.'),
});
export type SoupItem = z.infer<typeof SoupItem>;

export const SoupFile = z
  .strictObject({
    soup: z
      .record(z.string().min(1), SoupItem)
      .describe(
        'Per dependency, by its name in the lockfile (Python names compare as PEP 503 normalizes them).',
      ),
  })
  .describe('IEC 62304 SOUP metadata (soup.yml).');
export type SoupFile = z.infer<typeof SoupFile>;

/** What a run records about dependencies: every configured lockfile, parsed, and the SOUP metadata. */
export const Dependencies = z.strictObject({
  lockfiles: z.array(LockfileDependencies).describe('In the order of sbom.lockfiles.'),
  soup: z
    .strictObject({
      path: z.string().describe('Relative to the directory of regops.yml, with / separators.'),
      items: z.record(z.string(), SoupItem),
    })
    .nullable()
    .describe('The SOUP metadata file (sbom.soup), or null when none is configured.'),
});
export type Dependencies = z.infer<typeof Dependencies>;

/* ------------------------------------------------------------------ names */

/** PEP 503 normalized form of a Python project name: lower case, runs of `-`, `_`, `.` as one `-`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Percent-encoding of one purl component: everything but unreserved characters. */
function purlEncode(s: string): string {
  return Array.from(new TextEncoder().encode(s), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9.\-_~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/** Package URL (purl spec): npm keeps the scope as namespace, pypi lower-cases and turns `_` into `-`. */
export function packageUrl(ecosystem: DependencyPackage['ecosystem'], name: string, version: string): string {
  if (ecosystem === 'npm') {
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    const ns = slash > 0 ? `${purlEncode(name.slice(0, slash))}/` : '';
    return `pkg:npm/${ns}${purlEncode(slash > 0 ? name.slice(slash + 1) : name)}@${purlEncode(version)}`;
  }
  return `pkg:pypi/${purlEncode(name.toLowerCase().replace(/_/g, '-'))}@${purlEncode(version)}`;
}

/** The SOUP metadata for a package: by exact name, or for Python by PEP 503 normalized name. */
export function soupItemFor(
  items: Record<string, SoupItem> | null | undefined,
  pkg: Pick<DependencyPackage, 'ecosystem' | 'name'>,
): SoupItem | undefined {
  if (!items) return undefined;
  if (Object.hasOwn(items, pkg.name)) return items[pkg.name];
  if (pkg.ecosystem !== 'pypi') return undefined;
  const norm = normalizePypiName(pkg.name);
  const key = Object.keys(items)
    .filter((k) => normalizePypiName(k) === norm)
    .sort()[0];
  return key === undefined ? undefined : items[key];
}

/* ------------------------------------------------------------------ JSON */

function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The first JSON syntax error in `text` as offset and message. JSON.parse's messages (and whether they carry
 * a position) differ between Node versions, so the error is located here instead.
 */
export function jsonSyntaxError(text: string): { offset: number; message: string } | null {
  let i = 0;
  const found = () => (i >= text.length ? 'the end of the file' : JSON.stringify(text[i]));
  const fail = (message: string): never => {
    throw new JsonSyntaxError(i, message);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
      i++;
  };
  const str = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail('control character (e.g. a line break) inside a string');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape in a string');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail('invalid escape in a string');
        i += 2;
        continue;
      }
      i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a double-quoted property name, found ${found()}`);
        str();
        ws();
        if (text[i] !== ':') fail(`expected ':' after a property name, found ${found()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}' after a property value, found ${found()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']' after an array element, found ${found()}`);
      }
    }
    if (c === '"') {
      str();
      return;
    }
    const num = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    num.lastIndex = i;
    if ((c === '-' || (c !== undefined && c >= '0' && c <= '9')) && num.test(text)) {
      i = num.lastIndex;
      return;
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    fail(`expected a value, found ${found()}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
    return null;
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { offset: e.offset, message: e.message };
    throw e;
  }
}

/** JSON.parse with a `file:line:col: not valid JSON: …` InputError. */
function parseJson(text: string, display: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (e) {
    const err = jsonSyntaxError(body);
    if (!err) throw new InputError(`${display}: not valid JSON: ${(e as Error).message}`);
    const pos = lineCol(body, err.offset);
    throw new InputError(`${display}:${pos.line}:${pos.col}: not valid JSON: ${err.message}`);
  }
}

/* ------------------------------------------------------------------ package-lock.json */

const depMap = z.record(z.string(), z.string());

const NpmLockEntry = z.looseObject({
  name: z.string().optional(),
  version: z.string().optional(),
  resolved: z.string().optional(),
  integrity: z.string().optional(),
  license: z.unknown().optional(),
  link: z.boolean().optional(),
  dev: z.boolean().optional(),
  optional: z.boolean().optional(),
  devOptional: z.boolean().optional(),
  extraneous: z.boolean().optional(),
  dependencies: depMap.optional(),
  devDependencies: depMap.optional(),
  optionalDependencies: depMap.optional(),
  peerDependencies: depMap.optional(),
});
type NpmLockEntry = z.infer<typeof NpmLockEntry>;

const NpmLock = z.looseObject({
  lockfileVersion: z.number().int(),
  packages: z.record(z.string(), NpmLockEntry).optional(),
});

const SRI_ALGS: Record<string, { alg: PackageHash['alg']; bytes: number }> = {
  sha1: { alg: 'SHA-1', bytes: 20 },
  sha256: { alg: 'SHA-256', bytes: 32 },
  sha384: { alg: 'SHA-384', bytes: 48 },
  sha512: { alg: 'SHA-512', bytes: 64 },
};

/** An npm `integrity` (Subresource Integrity: `sha512-<base64>`, space-separated) as hex hashes. */
export function integrityHashes(integrity: string): PackageHash[] | null {
  const out: PackageHash[] = [];
  for (const token of integrity.trim().split(/\s+/)) {
    const m = /^(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})(?:\?.*)?$/.exec(token);
    const spec = m ? SRI_ALGS[m[1] as string] : undefined;
    if (!m || !spec) return null;
    const bytes = Buffer.from(m[2] as string, 'base64');
    if (bytes.length !== spec.bytes) return null;
    out.push({ alg: spec.alg, content: bytes.toString('hex') });
  }
  return out.length > 0 ? out : null;
}

function npmLicense(raw: unknown): string | null {
  if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
  if (raw && typeof raw === 'object' && typeof (raw as { type?: unknown }).type === 'string')
    return (raw as { type: string }).type;
  return null;
}

/** The folder a lockfile key's packages resolve from next, walking up: `a/node_modules/b` → `a`. */
function parentKey(key: string): string | null {
  if (key === '') return null;
  const i = key.lastIndexOf('/node_modules/');
  return i >= 0 ? key.slice(0, i) : '';
}

/** Node's module resolution over the lockfile's keys: the entry `name` resolves to from folder `from`. */
function resolveNpm(keys: ReadonlySet<string>, from: string, name: string): string | null {
  let dir: string | null = from;
  while (dir !== null) {
    const key = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (keys.has(key)) return key;
    dir = parentKey(dir);
  }
  return null;
}

/** Locate a lockfile path for an error message; the YAML parser reads JSON with positions. */
function jsonWhere(text: string, display: string, at: PathKey[]): string {
  try {
    const file = parseYamlText(text.replace(/^\uFEFF/, ''), display);
    const pos = file.locate(at);
    if (pos) return `${display}:${pos.line}:${pos.col}`;
  } catch {
    // fall through: no position
  }
  return display;
}

/**
 * Parse a package-lock.json (or npm-shrinkwrap.json) of lockfileVersion 2 or 3: every installed package of the
 * `packages` map except the project and its workspaces (first-party code) and links to them.
 */
export function parsePackageLock(text: string, display: string): Omit<LockfileDependencies, 'path'> {
  const data = parseJson(text, display);
  const checked = NpmLock.safeParse(data);
  if (!checked.success) {
    let file: YamlFile | null = null;
    try {
      file = parseYamlText(text.replace(/^\uFEFF/, ''), display);
    } catch {
      file = null;
    }
    if (file) parseWith(NpmLock, file);
    throw new InputError(`${display}: not an npm lockfile: ${checked.error.issues[0]?.message ?? ''}`);
  }
  const lock = checked.data;
  if (lock.lockfileVersion < 2 || !lock.packages) {
    throw new InputError(
      `${jsonWhere(text, display, ['lockfileVersion'])}: lockfileVersion ${lock.lockfileVersion} has no "packages" map (npm 6 and older); regenerate it with npm 7 or later (npm install --package-lock-only)`,
    );
  }
  const entries = lock.packages;
  const keys = new Set(Object.keys(entries));
  // Importers: the root and each workspace folder (keys outside node_modules). Their packages are the
  // project's own code; what they declare are the direct dependencies.
  const importers = [...keys].filter((k) => k === '' || !/(^|\/)node_modules\//.test(k));
  const byKey = new Map<string, DependencyPackage>();
  for (const [key, entry] of Object.entries(entries)) {
    if (importers.includes(key) || entry.link || entry.extraneous) continue;
    const at = key.lastIndexOf('node_modules/');
    const name = entry.name ?? key.slice(at + 'node_modules/'.length);
    if (entry.version === undefined || entry.version === '') {
      throw new InputError(
        `${jsonWhere(text, display, ['packages', key])}: packages["${key}"] has no version; regenerate the lockfile (npm install --package-lock-only)`,
      );
    }
    let hashes: PackageHash[] = [];
    if (entry.integrity !== undefined) {
      const parsed = integrityHashes(entry.integrity);
      if (!parsed) {
        throw new InputError(
          `${jsonWhere(text, display, ['packages', key, 'integrity'])}: packages["${key}"].integrity is not a Subresource Integrity hash (sha512-<base64>): ${JSON.stringify(entry.integrity)}`,
        );
      }
      hashes = parsed;
    }
    byKey.set(key, {
      ecosystem: 'npm',
      name,
      version: entry.version,
      purl: packageUrl('npm', name, entry.version),
      direct: false,
      scope: entry.dev ? 'dev' : entry.optional || entry.devOptional ? 'optional' : 'required',
      hashes,
      license: npmLicense(entry.license),
      resolved: entry.resolved ?? null,
      markers: null,
      depends_on: [],
    });
  }
  const edges = (from: string, entry: NpmLockEntry, withDev: boolean): string[] => {
    const names = new Set([
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}),
      ...(withDev ? Object.keys(entry.devDependencies ?? {}) : []),
    ]);
    const out: string[] = [];
    for (const n of names) {
      const key = resolveNpm(keys, from, n);
      if (key !== null) out.push(key);
    }
    return out;
  };
  for (const imp of importers) {
    const entry = entries[imp];
    if (!entry) continue;
    for (const key of edges(imp, entry, true)) {
      const pkg = byKey.get(key);
      if (pkg) pkg.direct = true;
    }
  }
  for (const [key, pkg] of byKey) {
    const entry = entries[key];
    if (!entry) continue;
    const purls = edges(key, entry, false)
      .map((k) => byKey.get(k)?.purl)
      .filter((p): p is string => p !== undefined && p !== pkg.purl);
    pkg.depends_on = [...new Set(purls)].sort();
  }
  // The same name@version can be installed at several places in the tree: one package, merged.
  const byPurl = new Map<string, DependencyPackage>();
  for (const pkg of byKey.values()) {
    const seen = byPurl.get(pkg.purl);
    if (!seen) {
      byPurl.set(pkg.purl, pkg);
      continue;
    }
    seen.direct ||= pkg.direct;
    seen.scope = strongerScope(seen.scope, pkg.scope);
    seen.depends_on = [...new Set([...seen.depends_on, ...pkg.depends_on])].sort();
    seen.hashes = mergeHashes(seen.hashes, pkg.hashes);
    seen.license ??= pkg.license;
    seen.resolved ??= pkg.resolved;
  }
  return { format: 'package-lock', graph: true, packages: sortPackages([...byPurl.values()]) };
}

const SCOPE_RANK: Record<DependencyPackage['scope'], number> = { required: 0, optional: 1, dev: 2 };

function strongerScope(
  a: DependencyPackage['scope'],
  b: DependencyPackage['scope'],
): DependencyPackage['scope'] {
  return SCOPE_RANK[a] <= SCOPE_RANK[b] ? a : b;
}

function mergeHashes(a: PackageHash[], b: PackageHash[]): PackageHash[] {
  const seen = new Map<string, PackageHash>();
  for (const h of [...a, ...b]) seen.set(`${h.alg}:${h.content}`, h);
  return [...seen.values()].sort((x, y) =>
    x.alg === y.alg ? (x.content < y.content ? -1 : 1) : x.alg < y.alg ? -1 : 1,
  );
}

function sortPackages(pkgs: DependencyPackage[]): DependencyPackage[] {
  return pkgs.sort((a, b) => (a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0));
}

/* ------------------------------------------------------------------ requirements.txt */

const PIP_HASH_HEX: Record<string, { alg: PackageHash['alg']; length: number }> = {
  sha256: { alg: 'SHA-256', length: 64 },
  sha384: { alg: 'SHA-384', length: 96 },
  sha512: { alg: 'SHA-512', length: 128 },
};

const COMMENT = /(^|\s+)#.*$/;

export interface RequirementsOptions {
  /**
   * Whether an included file (`-r other.txt`, resolved against the requirements file's folder) is itself
   * one of the configured lockfiles. An include that is not is an error: its packages would be missing.
   */
  included?: (ref: string) => boolean;
}

interface LogicalLine {
  line: number;
  text: string;
}

/** pip's line joining: a trailing backslash continues the line, a comment line ends it. */
function joinLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let parts: string[] = [];
  let first = 0;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const isComment = /^\s*#/.test(raw);
      if (!raw.endsWith('\\') || isComment) {
        const line = isComment ? ` ${raw}` : raw;
        if (parts.length > 0) {
          parts.push(line);
          out.push({ line: first, text: parts.join('') });
          parts = [];
        } else out.push({ line: i + 1, text: line });
      } else {
        if (parts.length === 0) first = i + 1;
        parts.push(raw.slice(0, -1));
      }
    });
  if (parts.length > 0) out.push({ line: first, text: parts.join('') });
  return out;
}

/** Value of an option given as `--opt=value`, `--opt value` or `-o value`; null when absent. */
function optionValue(tokens: string[], names: string[]): { value: string | null; rest: string[] } {
  const t0 = tokens[0] ?? '';
  for (const n of names) {
    if (t0 === n) return { value: tokens[1] ?? null, rest: tokens.slice(2) };
    if (n.startsWith('--') && t0.startsWith(`${n}=`))
      return { value: t0.slice(n.length + 1), rest: tokens.slice(1) };
    if (!n.startsWith('--') && t0.startsWith(n) && t0.length > n.length)
      return { value: t0.slice(n.length), rest: tokens.slice(1) };
  }
  return { value: null, rest: tokens };
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/s;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9.+!_-]*$/;

/**
 * Parse a pinned requirements.txt (pip freeze or pip-compile output): every requirement must be
 * `name==version` (extras and environment markers allowed), with `--hash` options where the file has them.
 * pip-compile's `# via` annotations give the dependency graph and tell direct from transitive requirements;
 * without them every line counts as direct.
 */
export function parseRequirements(
  text: string,
  display: string,
  options: RequirementsOptions = {},
): Omit<LockfileDependencies, 'path'> {
  interface Req {
    pkg: DependencyPackage;
    via: string[];
  }
  const reqs: Req[] = [];
  let last: Req | null = null;
  let viaBlock = false;
  const where = (line: number) => `${display}:${line}`;

  const addVia = (r: Req | null, list: string) => {
    if (!r) return;
    for (const v of list.split(',')) if (v.trim() !== '') r.via.push(v.trim());
  };

  for (const { line, text: logical } of joinLines(text)) {
    const comment = /(?:^|\s)#(.*)$/.exec(logical)?.[1]?.trim() ?? null;
    const body = logical.replace(COMMENT, '').trim();
    if (body === '') {
      // A comment line: pip-compile's `# via …` block after a requirement.
      if (comment === null) {
        viaBlock = false;
        continue;
      }
      const via = /^via(?:\s+(.*))?$/.exec(comment);
      if (via) {
        viaBlock = via[1] === undefined;
        if (via[1] !== undefined) addVia(last, via[1]);
      } else if (viaBlock && /^\s*#\s{2,}\S/.test(logical)) addVia(last, comment);
      else viaBlock = false;
      continue;
    }
    viaBlock = false;
    const tokens = body.split(/\s+/);
    if (body.startsWith('-')) {
      last = null;
      const inc = optionValue(tokens, ['-r', '--requirement']);
      if (inc.value !== null) {
        if (!options.included?.(inc.value)) {
          throw new InputError(
            `${where(line)}: "-r ${inc.value}" includes a requirements file that is not in sbom.lockfiles; add it there so that its packages are listed and the file is hashed`,
          );
        }
        continue;
      }
      const ed = optionValue(tokens, ['-e', '--editable']);
      if (ed.value !== null && (/:\/\//.test(ed.value) || /^(git|hg|svn|bzr)\+/.test(ed.value))) {
        throw new InputError(
          `${where(line)}: "${body}" is an editable install from a repository or URL, which has no released version; pin it as name==version`,
        );
      }
      // Other options (-e for the local project, -c, --index-url, --find-links, --require-hashes, …) name no package.
      continue;
    }
    // As pip does: the requirement is the text before the first token that starts with "-".
    const firstOpt = tokens.findIndex((t) => t.startsWith('-'));
    const reqText = (firstOpt < 0 ? tokens : tokens.slice(0, firstOpt)).join(' ');
    const optTokens = firstOpt < 0 ? [] : tokens.slice(firstOpt);
    const m = NAME.exec(reqText);
    if (!m || !/^([=<>!~@;]|$)/.test((m[3] ?? '').trim())) {
      throw new InputError(
        `${where(line)}: "${body}" is not a requirement of the form name==version; pin every package (pip freeze or pip-compile write such a file)`,
      );
    }
    const name = m[1] as string;
    const rest = (m[3] ?? '').trim();
    const semi = rest.indexOf(';');
    const spec = (semi < 0 ? rest : rest.slice(0, semi)).trim();
    const markers = semi < 0 ? null : rest.slice(semi + 1).trim() || null;
    if (spec.startsWith('@')) {
      throw new InputError(
        `${where(line)}: "${reqText}" is a direct URL reference without a version; pin it as ${name}==<version> (with --hash) so the SBOM can name the release`,
      );
    }
    const pin = /^===?\s*(\S+)$/.exec(spec);
    const version = pin?.[1];
    if (!version || !VERSION.test(version)) {
      throw new InputError(
        `${where(line)}: "${reqText}" is not pinned; pin an exact version (${name}==<version>), e.g. with pip freeze or pip-compile, so the SBOM names the release that was used`,
      );
    }
    const hashes: PackageHash[] = [];
    let ot = optTokens;
    while (ot.length > 0) {
      const h = optionValue(ot, ['--hash']);
      if (h.value === null) {
        ot = ot.slice(1);
        continue;
      }
      ot = h.rest;
      const hm = /^(\w+):(.*)$/.exec(h.value);
      const spec2 = hm ? PIP_HASH_HEX[(hm[1] as string).toLowerCase()] : undefined;
      if (!hm || !spec2) {
        throw new InputError(
          `${where(line)}: --hash=${h.value}: expected sha256:, sha384: or sha512: followed by the hex digest`,
        );
      }
      const hex = (hm[2] as string).toLowerCase();
      if (!new RegExp(`^[0-9a-f]{${spec2.length}}$`).test(hex)) {
        throw new InputError(
          `${where(line)}: --hash=${h.value}: a ${hm[1]} digest is ${spec2.length} hex digits`,
        );
      }
      hashes.push({ alg: spec2.alg, content: hex });
    }
    const r: Req = {
      pkg: {
        ecosystem: 'pypi',
        name,
        version,
        purl: packageUrl('pypi', name, version),
        direct: true,
        scope: 'required',
        hashes: mergeHashes([], hashes),
        license: null,
        resolved: null,
        markers,
        depends_on: [],
      },
      via: [],
    };
    if (comment !== null) {
      const via = /^via\s+(.*)$/.exec(comment);
      if (via?.[1]) addVia(r, via[1]);
    }
    reqs.push(r);
    last = r;
  }

  // The graph from `# via`: an entry that names another package of the file is its parent; anything else
  // (-r requirements.in, "project (pyproject.toml)") means the project asked for it directly.
  const byName = new Map<string, Req[]>();
  for (const r of reqs) {
    const k = normalizePypiName(r.pkg.name);
    byName.set(k, [...(byName.get(k) ?? []), r]);
  }
  const graph = reqs.some((r) => r.via.length > 0);
  if (graph) {
    for (const r of reqs) {
      const parents = r.via.filter((v) => byName.has(normalizePypiName(v)));
      const others = r.via.filter(
        (v) => !byName.has(normalizePypiName(v)) && !/^(-c|--constraint)\b/.test(v),
      );
      r.pkg.direct = r.via.length === 0 || others.length > 0;
      for (const p of parents) {
        for (const parent of byName.get(normalizePypiName(p)) ?? []) {
          if (parent !== r)
            parent.pkg.depends_on = [...new Set([...parent.pkg.depends_on, r.pkg.purl])].sort();
        }
      }
    }
  }
  // The same pin on several lines (e.g. with different markers) is one package.
  const byPurl = new Map<string, DependencyPackage>();
  for (const { pkg } of reqs) {
    const seen = byPurl.get(pkg.purl);
    if (!seen) {
      byPurl.set(pkg.purl, pkg);
      continue;
    }
    seen.direct ||= pkg.direct;
    seen.hashes = mergeHashes(seen.hashes, pkg.hashes);
    seen.depends_on = [...new Set([...seen.depends_on, ...pkg.depends_on])].sort();
    seen.markers =
      seen.markers === null || pkg.markers === null ? null : `(${seen.markers}) or (${pkg.markers})`;
  }
  return { format: 'requirements', graph, packages: sortPackages([...byPurl.values()]) };
}

/* ------------------------------------------------------------------ collecting */

/** The lockfile format a file name stands for, or null when it is not one RegOps reads. */
export function lockfileFormat(file: string): LockfileDependencies['format'] | null {
  const base = path.basename(file).toLowerCase();
  if (base === 'package-lock.json' || base === 'npm-shrinkwrap.json') return 'package-lock';
  if (base.endsWith('.txt')) return 'requirements';
  return null;
}

/** Read and validate the SOUP metadata file (sbom.soup). */
export function loadSoupFile(
  rootDir: string,
  relPath: string,
): { file: YamlFile; items: Record<string, SoupItem> } {
  const abs = path.resolve(rootDir, relPath);
  const file = readYamlFile(abs, displayPath(abs), 'SOUP file');
  if (file.data === null || file.data === undefined) {
    throw new ConfigurationError(
      `${file.display}: the SOUP file is empty; see examples/pima-diabetes/soup.yml`,
    );
  }
  return { file, items: parseWith(SoupFile, file).soup };
}

/**
 * Parse every lockfile of `sbom.lockfiles` and the SOUP file of `sbom.soup`. `where` names a config field
 * (`regops.yml:41:5: sbom.lockfiles[0]`) for messages about missing files. A SOUP entry that names no
 * dependency of any lockfile is an error (a misspelt name would otherwise leave a gap unnoticed).
 */
export function collectDependencies(
  rootDir: string,
  sbom: { lockfiles: string[]; soup?: string | undefined },
  where: (field: PathKey[]) => string,
): Dependencies {
  const absPaths = sbom.lockfiles.map((rel, i) =>
    resolveInput(rootDir, rel, where(['sbom', 'lockfiles', i])),
  );
  const configured = new Set(absPaths);
  const lockfiles = absPaths.map((abs, i): LockfileDependencies => {
    const rel = sbom.lockfiles[i] as string;
    const format = lockfileFormat(abs);
    if (!format) {
      throw new InputError(
        `${where(['sbom', 'lockfiles', i])}: ${rel} is not a lockfile RegOps reads; use package-lock.json (or npm-shrinkwrap.json) or a pinned requirements .txt file`,
      );
    }
    const text = readFileSync(abs, 'utf8');
    const display = displayPath(abs);
    const parsed =
      format === 'package-lock'
        ? parsePackageLock(text, display)
        : parseRequirements(text, display, {
            included: (ref) => configured.has(path.resolve(path.dirname(abs), ref)),
          });
    return { path: portablePath(rootDir, abs), ...parsed };
  });
  let soup: Dependencies['soup'] = null;
  if (sbom.soup) {
    const abs = resolveInput(rootDir, sbom.soup, where(['sbom', 'soup']));
    const { file, items } = loadSoupFile(rootDir, sbom.soup);
    const packages = lockfiles.flatMap((l) => l.packages);
    const names = [...new Set(packages.map((p) => p.name))].sort();
    const problems: string[] = [];
    for (const key of Object.keys(items)) {
      const matched = packages.some((p) =>
        p.ecosystem === 'pypi' ? normalizePypiName(p.name) === normalizePypiName(key) : p.name === key,
      );
      if (matched) continue;
      const hint = nearest(key, names);
      const listed = sbom.lockfiles.length > 0 ? sbom.lockfiles.join(', ') : 'none configured';
      problems.push(
        problemAt(
          file,
          ['soup', key],
          `no dependency of that name in the lockfiles (${listed})${hint ? `; did you mean "${hint}"?` : ''}`,
          key,
        ),
      );
    }
    if (problems.length > 0) throw new ConfigurationError(problems);
    soup = { path: portablePath(rootDir, abs), items };
  }
  return { lockfiles, soup };
}
