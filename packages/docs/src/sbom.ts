import { createHash } from 'node:crypto';
import {
  type DependencyPackage,
  type Evidence,
  type Metric,
  type ModelEvidence,
  type SoupItem,
  soupItemFor,
  THRESHOLD_METRICS,
} from '@regops/core';
import { codeSpan, compareCodeUnits, escapeMarkdown, shortSha, tidyMarkdown } from './format';

/**
 * The software bill of materials (CycloneDX 1.6 JSON) and the IEC 62304 SOUP list, from the evidence alone.
 *
 * Determinism: the BOM's `metadata.timestamp` is the run's `run.started_at`, and its `serialNumber` is a
 * UUID derived from the evidence: the first 128 bits of SHA-256 over `regops-sbom-v1\n` followed by the
 * evidence as canonical JSON (object keys sorted by code unit, no whitespace, undefined members left out),
 * with the RFC 9562 version (8, custom) and variant bits set. The same evidence always gives the same
 * serial number and byte-identical files; different evidence gives a different serial number.
 */

export const CYCLONEDX_SPEC_VERSION = '1.6';

/** Shown in the SOUP list for a field the SOUP file does not give. */
export const NOT_DOCUMENTED = 'not documented';

/* ------------------------------------------------------------------ determinism */

/** JSON with object keys sorted by code unit and no whitespace: the same for the same value everywhere. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
    .sort(compareCodeUnits);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** `urn:uuid:…` of the BOM: a UUIDv8 from SHA-256 of the canonical evidence (see the module comment). */
export function sbomSerialNumber(e: Evidence): string {
  const digest = createHash('sha256')
    .update(`regops-sbom-v1\n${canonicalJson(e)}`)
    .digest();
  const b = Buffer.from(digest.subarray(0, 16));
  b[6] = ((b[6] as number) & 0x0f) | 0x80;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/* ------------------------------------------------------------------ dependencies, merged */

/** One package across every lockfile that lists it (the same purl is one component). */
export interface DependencyView {
  ecosystem: DependencyPackage['ecosystem'];
  name: string;
  version: string;
  purl: string;
  direct: boolean;
  scope: DependencyPackage['scope'];
  hashes: DependencyPackage['hashes'];
  /** The SOUP file's license, else the lockfile's; null when neither gives one. */
  license: string | null;
  resolved: string | null;
  markers: string | null;
  dependsOn: string[];
  /** Whether some lockfile gives this package's complete dependency list. */
  graphKnown: boolean;
  lockfiles: string[];
  soup: SoupItem | null;
}

const SCOPE_RANK = { required: 0, optional: 1, dev: 2 } as const;

/** Every package of the evidence's lockfiles, merged by purl and sorted by purl. */
export function dependencyViews(e: Evidence): DependencyView[] {
  const deps = e.dependencies;
  if (!deps) return [];
  const byPurl = new Map<string, DependencyView>();
  for (const lock of deps.lockfiles) {
    for (const p of lock.packages) {
      const seen = byPurl.get(p.purl);
      if (!seen) {
        const soup = soupItemFor(deps.soup?.items, p) ?? null;
        byPurl.set(p.purl, {
          ecosystem: p.ecosystem,
          name: p.name,
          version: p.version,
          purl: p.purl,
          direct: p.direct,
          scope: p.scope,
          hashes: [...p.hashes],
          license: soup?.license ?? p.license,
          resolved: p.resolved,
          markers: p.markers,
          dependsOn: lock.graph ? [...p.depends_on] : [],
          graphKnown: lock.graph,
          lockfiles: [lock.path],
          soup,
        });
        continue;
      }
      seen.direct ||= p.direct;
      if (SCOPE_RANK[p.scope] < SCOPE_RANK[seen.scope]) seen.scope = p.scope;
      for (const h of p.hashes)
        if (!seen.hashes.some((x) => x.alg === h.alg && x.content === h.content)) seen.hashes.push(h);
      seen.license ??= p.license;
      seen.resolved ??= p.resolved;
      if (lock.graph) {
        seen.dependsOn = [...new Set([...seen.dependsOn, ...p.depends_on])];
        seen.graphKnown = true;
      }
      if (!seen.lockfiles.includes(lock.path)) seen.lockfiles.push(lock.path);
    }
  }
  const known = new Set(byPurl.keys());
  return [...byPurl.values()]
    .map((d) => ({
      ...d,
      hashes: [...d.hashes].sort(
        (a, b) => compareCodeUnits(a.alg, b.alg) || compareCodeUnits(a.content, b.content),
      ),
      dependsOn: d.dependsOn.filter((p) => known.has(p) && p !== d.purl).sort(compareCodeUnits),
      lockfiles: [...d.lockfiles].sort(compareCodeUnits),
    }))
    .sort((a, b) => compareCodeUnits(a.purl, b.purl));
}

/* ------------------------------------------------------------------ licenses */

/**
 * Common SPDX license IDs (each is in the SPDX list the CycloneDX 1.6 schema enumerates). Only these are
 * written as `license.id`, so the BOM stays schema-valid without shipping the whole list; a compound SPDX
 * expression of them is an `expression`, any other text a license `name`.
 */
const SPDX_IDS = new Set([
  '0BSD',
  'AFL-2.1',
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
  'Apache-1.1',
  'Apache-2.0',
  'Artistic-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'BSD-3-Clause-Clear',
  'BSD-4-Clause',
  'BSL-1.0',
  'CC-BY-3.0',
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC0-1.0',
  'CDDL-1.0',
  'CDDL-1.1',
  'EPL-1.0',
  'EPL-2.0',
  'GPL-2.0-only',
  'GPL-2.0-or-later',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'HPND',
  'ISC',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'MIT',
  'MIT-0',
  'MPL-1.1',
  'MPL-2.0',
  'MS-PL',
  'NCSA',
  'ODbL-1.0',
  'OFL-1.1',
  'PSF-2.0',
  'Python-2.0',
  'Unicode-3.0',
  'Unicode-DFS-2016',
  'Unlicense',
  'WTFPL',
  'X11',
  'Zlib',
  'ZPL-2.1',
]);

/** Whether `s` is an SPDX expression (AND / OR / WITH, parentheses) of known IDs or LicenseRef-s. */
function isSpdxExpression(s: string): boolean {
  const tokens = s
    .replace(/[()]/g, (p) => ` ${p} `)
    .trim()
    .split(/\s+/);
  let i = 0;
  const id = (t: string | undefined) =>
    t !== undefined && (SPDX_IDS.has(t.replace(/\+$/, '')) || /^LicenseRef-[A-Za-z0-9.-]+$/.test(t));
  const term = (): boolean => {
    if (tokens[i] === '(') {
      i++;
      if (!expr() || tokens[i] !== ')') return false;
      i++;
      return true;
    }
    if (!id(tokens[i])) return false;
    i++;
    if (tokens[i] === 'WITH') {
      i += 2;
      return tokens[i - 1] !== undefined && /^[A-Za-z0-9.-]+$/.test(tokens[i - 1] as string);
    }
    return true;
  };
  const expr = (): boolean => {
    if (!term()) return false;
    while (tokens[i] === 'AND' || tokens[i] === 'OR') {
      i++;
      if (!term()) return false;
    }
    return true;
  };
  return expr() && i === tokens.length;
}

/** A CycloneDX license choice for a license text. */
export function licenseChoice(license: string): Record<string, unknown>[] {
  const t = license.trim();
  if (SPDX_IDS.has(t)) return [{ license: { id: t } }];
  if (isSpdxExpression(t)) return [{ expression: t }];
  return [{ license: { name: t } }];
}

/* ------------------------------------------------------------------ CycloneDX */

type Json = Record<string, unknown>;

const prop = (name: string, value: string): Json => ({ name, value });

function fileStem(p: string): string {
  const base = p.split('/').pop() ?? p;
  return base.replace(/\.[^.]+$/, '') || base;
}

function tensorFormat(t: ModelEvidence['inputs'][number]): string {
  return `${t.name}: ${t.type} [${t.shape.join(', ')}]`;
}

const TASKS: Record<string, string> = {
  binary: 'binary classification',
  multiclass: 'multiclass classification',
  regression: 'regression',
};

/** The model's task as the model.metric results record it (details.task, or a positive class: binary). */
function modelTask(e: Evidence): string | null {
  for (const r of e.results) {
    if (r.check !== 'model.metric' || !r.details) continue;
    const task = r.details.task;
    if (typeof task === 'string' && TASKS[task]) return TASKS[task] as string;
    const target = r.details.target as { positive?: unknown } | undefined;
    if (target && target.positive !== undefined) return TASKS.binary as string;
  }
  return null;
}

function metricEntry(type: string, m: Metric, slice: string | null): Json {
  return {
    type,
    value: String(m.value),
    ...(slice ? { slice } : {}),
    ...(m.ci ? { confidenceInterval: { lowerBound: String(m.ci[0]), upperBound: String(m.ci[1]) } } : {}),
  };
}

/**
 * Measured performance of the candidate: the metric of each model.metric result (with its interval) and
 * each per-group metric of model.subgroups, in the evidence's result order, full precision. A metric that
 * an earlier result already gave with the same value on the same slice (e.g. AUROC again for a bound on
 * its interval) is not repeated.
 */
function performanceMetrics(e: Evidence): Json[] {
  const out: Json[] = [];
  const seen = new Set<string>();
  const add = (name: string, m: Metric, slice: string | null, threshold: number | null) => {
    const type =
      threshold !== null && (THRESHOLD_METRICS as readonly string[]).includes(name)
        ? `${name} at threshold ${threshold}`
        : name;
    const key = JSON.stringify([type, slice, m.value]);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(metricEntry(type, m, slice));
  };
  for (const r of e.results) {
    if (r.status === 'skip' || !r.details) continue;
    const d = r.details;
    if (typeof d.model === 'string' && e.model && d.model !== e.model.path) continue;
    const dataset = typeof d.dataset === 'string' ? d.dataset : null;
    const threshold = typeof d.threshold === 'number' ? d.threshold : null;
    if (r.check === 'model.metric') {
      const m = r.metrics[0];
      if (m && m.value !== null) add(m.name, m, dataset, threshold);
    } else if (r.check === 'model.subgroups') {
      for (const m of r.metrics) {
        const g = /^([A-Za-z0-9_]+)\[(.+)\]$/.exec(m.name);
        if (g && m.value !== null)
          add(g[1] as string, m, `${dataset ? `${dataset}, ` : ''}${g[2]}`, threshold);
      }
    }
  }
  return out;
}

function considerations(e: Evidence): Json | null {
  const mc = e.modelcard;
  if (!mc) return null;
  const iu = mc.intended_use;
  const useCases = [...(iu?.purpose ? [iu.purpose] : []), ...(iu?.primary_uses ?? [])];
  const c: Json = {
    ...(iu?.primary_users?.length ? { users: iu.primary_users } : {}),
    ...(useCases.length ? { useCases } : {}),
    ...(mc.limitations?.length ? { technicalLimitations: mc.limitations } : {}),
    ...(mc.ethical_considerations?.length
      ? { ethicalConsiderations: mc.ethical_considerations.map((name) => ({ name })) }
      : {}),
  };
  return Object.keys(c).length > 0 ? c : null;
}

const MODEL_REF = (m: ModelEvidence) => `model:${m.path}`;
const BASELINE_REF = (m: ModelEvidence) => `baseline-model:${m.path}`;
const DATASET_REF = (name: string) => `dataset:${name}`;

function modelProperties(m: ModelEvidence): Json[] {
  return [
    prop('regops:path', m.path),
    prop('regops:bytes', String(m.bytes)),
    ...(m.ir_version !== null ? [prop('regops:onnx:ir_version', String(m.ir_version))] : []),
    ...(m.producer_name !== null ? [prop('regops:onnx:producer_name', m.producer_name)] : []),
    ...(m.producer_version !== null ? [prop('regops:onnx:producer_version', m.producer_version)] : []),
    ...Object.keys(m.opsets)
      .sort(compareCodeUnits)
      .map((domain) => prop(`regops:onnx:opset:${domain}`, String(m.opsets[domain]))),
  ];
}

function modelParameters(e: Evidence, m: ModelEvidence, withDatasets: boolean): Json {
  const task = modelTask(e);
  const datasets = withDatasets
    ? e.datasets
        .filter((d) => d.role === 'train' || d.role === 'test')
        .map((d) => d.name)
        .sort(compareCodeUnits)
        .map((name) => ({ ref: DATASET_REF(name) }))
    : [];
  return {
    ...(task ? { approach: { type: 'supervised' }, task } : {}),
    ...(datasets.length ? { datasets } : {}),
    inputs: m.inputs.map((t) => ({ format: tensorFormat(t) })),
    outputs: m.outputs.map((t) => ({ format: tensorFormat(t) })),
  };
}

function candidateComponent(e: Evidence, m: ModelEvidence): Json {
  const md = e.modelcard?.model_details;
  const metrics = performanceMetrics(e);
  const cons = considerations(e);
  const extra = [
    ...(e.modelcard?.intended_use?.out_of_scope ?? []).map((t) => prop('regops:modelcard:out_of_scope', t)),
    ...(e.modelcard?.caveats ?? []).map((t) => prop('regops:modelcard:caveat', t)),
    ...(e.modelcard?.factors ?? []).map((t) => prop('regops:modelcard:factor', t)),
  ];
  return {
    type: 'machine-learning-model',
    'bom-ref': MODEL_REF(m),
    ...(md?.developers ? { manufacturer: { name: md.developers } } : {}),
    name: md?.name ?? fileStem(m.path),
    ...(md?.version ? { version: md.version } : {}),
    ...(md?.description ? { description: md.description } : {}),
    hashes: [{ alg: 'SHA-256', content: m.sha256 }],
    ...(md?.license ? { licenses: licenseChoice(md.license) } : {}),
    modelCard: {
      modelParameters: modelParameters(e, m, true),
      ...(metrics.length ? { quantitativeAnalysis: { performanceMetrics: metrics } } : {}),
      ...(cons ? { considerations: cons } : {}),
    },
    properties: [prop('regops:role', 'candidate'), ...modelProperties(m), ...extra],
  };
}

function baselineComponent(e: Evidence, m: ModelEvidence): Json {
  const b = e.baseline;
  return {
    type: 'machine-learning-model',
    'bom-ref': BASELINE_REF(m),
    name: fileStem(m.path.replace(/@[^/]*$/, '')),
    description: 'The released model this change is compared with (baseline); not part of this release.',
    scope: 'excluded',
    hashes: [{ alg: 'SHA-256', content: m.sha256 }],
    modelCard: { modelParameters: modelParameters(e, m, false) },
    properties: [
      prop('regops:role', 'baseline'),
      ...(b ? [prop('regops:baseline:source', b.source)] : []),
      ...(b?.ref ? [prop('regops:baseline:ref', b.ref)] : []),
      ...(b?.sha ? [prop('regops:baseline:commit', b.sha)] : []),
      ...modelProperties(m),
    ],
  };
}

const ROLE_TEXT: Record<string, string> = {
  train: 'training data (the model was fitted on it)',
  test: 'held-out evaluation data',
  reference: 'drift reference data',
  current: 'current data compared with the reference',
};

function datasetComponents(e: Evidence): Json[] {
  const dc = e.datacard;
  return [...e.datasets]
    .sort((a, b) => compareCodeUnits(a.name, b.name))
    .map((d) => {
      const sha = e.inputs.find((i) => i.kind === 'dataset' && i.path === d.path)?.sha256;
      const card = dc?.datasets?.[d.name];
      const sensitive = dc?.composition?.sensitive_data;
      return {
        type: 'data',
        'bom-ref': DATASET_REF(d.name),
        name: d.name,
        ...(card?.description ? { description: card.description } : {}),
        ...(sha ? { hashes: [{ alg: 'SHA-256', content: sha }] } : {}),
        ...(dc?.distribution?.license ? { licenses: licenseChoice(dc.distribution.license) } : {}),
        data: [
          {
            type: 'dataset',
            name: d.name,
            contents: {
              properties: [
                prop('regops:path', d.path),
                prop('regops:role', d.role),
                prop('regops:rows', String(d.rows)),
                prop('regops:columns', d.columns.join(', ')),
              ],
            },
            ...(sensitive ? { sensitiveData: [sensitive] } : {}),
            description: `${ROLE_TEXT[d.role] ?? d.role}; ${d.rows} rows, ${d.columns.length} columns`,
          },
        ],
        ...(card?.source ? { properties: [prop('regops:datacard:source', card.source)] } : {}),
      };
    });
}

const CDX_SCOPE = { required: 'required', optional: 'optional', dev: 'excluded' } as const;

function libraryComponent(d: DependencyView): Json {
  const slash = d.ecosystem === 'npm' && d.name.startsWith('@') ? d.name.indexOf('/') : -1;
  const s = d.soup;
  const properties = [
    ...d.lockfiles.map((l) => prop('regops:lockfile', l)),
    prop('regops:dependency', d.direct ? 'direct' : 'transitive'),
    ...(d.ecosystem === 'npm' && d.scope === 'dev' ? [prop('cdx:npm:package:development', 'true')] : []),
    ...(d.markers ? [prop('regops:python:environment_marker', d.markers)] : []),
    ...(s?.purpose ? [prop('regops:soup:purpose', s.purpose)] : []),
    ...(s?.risk_level ? [prop('regops:soup:risk_level', s.risk_level)] : []),
    ...(s?.requirements ?? []).map((r) => prop('regops:soup:requirement', r)),
    ...(s?.known_anomalies ? [prop('regops:soup:known_anomalies', s.known_anomalies.reference)] : []),
    ...(s?.known_anomalies?.reviewed
      ? [prop('regops:soup:known_anomalies_reviewed', s.known_anomalies.reviewed)]
      : []),
    ...(s?.known_anomalies?.notes
      ? [prop('regops:soup:known_anomalies_notes', s.known_anomalies.notes)]
      : []),
    ...(s?.verification ? [prop('regops:soup:verification', s.verification)] : []),
  ];
  const resolved = d.resolved && /^https?:\/\/[^\s<>"{}|\\^`]+$/.test(d.resolved) ? d.resolved : null;
  return {
    type: 'library',
    'bom-ref': d.purl,
    ...(s?.supplier ? { supplier: { name: s.supplier } } : {}),
    ...(slash > 0 ? { group: d.name.slice(0, slash), name: d.name.slice(slash + 1) } : { name: d.name }),
    version: d.version,
    scope: CDX_SCOPE[d.scope],
    ...(d.hashes.length ? { hashes: d.hashes } : {}),
    ...(d.license ? { licenses: licenseChoice(d.license) } : {}),
    purl: d.purl,
    ...(resolved ? { externalReferences: [{ type: 'distribution', url: resolved }] } : {}),
    properties,
  };
}

/** The CycloneDX 1.6 BOM as an object (see renderSbom). */
export function buildSbom(e: Evidence): Json {
  const deps = dependencyViews(e);
  const components: Json[] = [];
  if (e.model) components.push(candidateComponent(e, e.model));
  if (e.baseline_model) components.push(baselineComponent(e, e.baseline_model));
  components.push(...datasetComponents(e));
  components.push(...deps.map(libraryComponent));

  const rootDeps = [
    ...(e.model ? [MODEL_REF(e.model)] : []),
    ...deps.filter((d) => d.direct).map((d) => d.purl),
  ].sort(compareCodeUnits);
  const dependencies: Json[] = [
    { ref: 'project', dependsOn: rootDeps },
    ...deps.filter((d) => d.graphKnown).map((d) => ({ ref: d.purl, dependsOn: d.dependsOn })),
  ];
  const git = e.run.git;
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: CYCLONEDX_SPEC_VERSION,
    serialNumber: sbomSerialNumber(e),
    version: 1,
    metadata: {
      timestamp: e.run.started_at,
      tools: { components: [{ type: 'application', name: e.tool.name, version: e.tool.version }] },
      component: {
        type: 'application',
        'bom-ref': 'project',
        name: e.project.name,
        ...(e.project.description ? { description: e.project.description } : {}),
        properties: [
          ...(e.project.safety_class ? [prop('regops:iec62304:safety_class', e.project.safety_class)] : []),
          ...(git?.sha ? [prop('regops:git:commit', git.sha)] : []),
          ...(git?.ref ? [prop('regops:git:ref', git.ref)] : []),
          ...(e.run.change ? [prop('regops:change', String(e.run.change.number))] : []),
        ],
      },
    },
    components,
    dependencies,
  };
}

/**
 * The software bill of materials as CycloneDX 1.6 JSON: the candidate model (machine-learning-model with a
 * modelCard: signature, task, datasets, measured performance with intervals, considerations from the model
 * card file), the baseline model (scope excluded), every dataset (data, SHA-256 of the file), and every
 * package of the lockfiles (library, purl, hashes, license, scope; npm devDependencies as excluded) with the
 * dependency graph (project → candidate model and direct dependencies; package → package where the lockfile
 * gives it). Sorted throughout; byte-identical for the same evidence.
 */
export function renderSbom(e: Evidence): string {
  return `${JSON.stringify(buildSbom(e), null, 2)}\n`;
}

/* ------------------------------------------------------------------ SOUP list */

const md = (s: string) => escapeMarkdown(s, 'md');

function anomaliesCell(a: SoupItem['known_anomalies']): string | null {
  if (!a) return null;
  const ref = /^https?:\/\/[^\s<>|`\\]+$/.test(a.reference) ? `<${a.reference}>` : md(a.reference);
  return a.reviewed ? `${ref} (reviewed ${md(a.reviewed)})` : ref;
}

interface SoupRow {
  d: DependencyView;
  missing: string[];
}

function soupRow(d: DependencyView): SoupRow {
  const s = d.soup;
  const missing: string[] = [];
  if (!s?.supplier) missing.push('supplier');
  if (!d.license) missing.push('license');
  if (!s?.purpose) missing.push('purpose');
  if (!s?.risk_level) missing.push('risk level');
  if (!s?.known_anomalies) missing.push('known anomalies');
  if (!s?.requirements?.length) missing.push('requirements');
  if (!s?.verification) missing.push('verification');
  return { d, missing };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The SOUP list (IEC 62304 §8.1.2 with §5.3.3 and §7.1): one row per third-party package of the lockfiles
 * (development-only npm packages are counted, not listed), with supplier, license, purpose, risk level and
 * known anomalies from the SOUP file. A missing field reads "not documented" and the item is counted in the
 * gaps line; nothing is filled in.
 */
export function renderSoupList(e: Evidence): string {
  const out: string[] = [];
  const commit = shortSha(e.run.git?.sha, 7);
  out.push(`# SOUP list: ${md(e.project.name)}`, '');
  out.push(
    `Commit ${commit ? codeSpan(commit, false) : 'not recorded'} · run started ${md(e.run.started_at)} · ${md(e.tool.name)} ${md(e.tool.version)}`,
    '',
  );
  const deps = e.dependencies;
  if (!deps) {
    out.push(
      '**Gaps:** no dependency data in the evidence: the config has no `sbom:` section naming lockfiles, so no SOUP item is listed.',
    );
    return tidyMarkdown(out.join('\n'));
  }
  const lockList = deps.lockfiles.map((l) => codeSpan(l.path, false)).join(', ') || 'none';
  const soupText = deps.soup
    ? `from ${codeSpan(deps.soup.path, false)}`
    : 'from the SOUP file, but the config names none (`sbom.soup`)';
  out.push(
    `Software of unknown provenance (IEC 62304): every third-party package in the ${deps.lockfiles.length === 1 ? 'lockfile' : 'lockfiles'} ${lockList}, with supplier, license, purpose, risk level (§7.1.2), known anomalies (§7.1.3), requirements (§5.3.3) and verification ${soupText}. A field the SOUP file does not give reads “${NOT_DOCUMENTED}”. Hashes and the dependency graph are in the SBOM (\`sbom.cdx.json\`).`,
    '',
  );
  const all = dependencyViews(e);
  const listed = all.filter((d) => d.scope !== 'dev');
  const devOnly = all.length - listed.length;
  const rows = listed
    .map(soupRow)
    .sort(
      (a, b) =>
        compareCodeUnits(a.d.name.toLowerCase(), b.d.name.toLowerCase()) ||
        compareCodeUnits(a.d.purl, b.d.purl),
    );
  const gaps = rows.filter((r) => r.missing.length > 0);
  if (rows.length === 0) out.push('**Gaps: none**: the lockfiles list no package outside development.');
  else if (gaps.length === 0)
    out.push(`**Gaps: none**: all ${plural(rows.length, 'SOUP item is', 'SOUP items are')} documented.`);
  else {
    const undocumented = gaps.filter((r) => r.d.soup === null);
    const partial = gaps.filter((r) => r.d.soup !== null);
    const parts: string[] = [];
    if (undocumented.length > 0)
      parts.push(
        `${plural(undocumented.length, 'has', 'have')} no entry in the SOUP file (${undocumented.map((r) => codeSpan(r.d.name, false)).join(', ')})`,
      );
    if (partial.length > 0)
      parts.push(
        `${plural(partial.length, 'has', 'have')} missing fields (${partial.map((r) => `${codeSpan(r.d.name, false)}: ${r.missing.join(', ')}`).join('; ')})`,
      );
    out.push(
      `**Gaps: ${gaps.length} of ${plural(rows.length, 'SOUP item', 'SOUP items')}** not fully documented: ${parts.join('; ')}.`,
    );
  }
  out.push('');
  if (rows.length > 0) {
    out.push(
      '| SOUP item | Version | Supplier | License | Purpose | Risk level | Known anomalies | Dependency | Lockfile |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const { d } of rows) {
      const s = d.soup;
      const cell = (v: string | null | undefined) => (v ? md(v) : NOT_DOCUMENTED);
      out.push(
        `| ${[
          codeSpan(d.name, true),
          codeSpan(d.version, true),
          cell(s?.supplier),
          cell(d.license),
          cell(s?.purpose),
          cell(s?.risk_level),
          anomaliesCell(s?.known_anomalies) ?? NOT_DOCUMENTED,
          d.direct ? 'direct' : 'transitive',
          d.lockfiles.map((l) => codeSpan(l, true)).join(', '),
        ].join(' | ')} |`,
      );
    }
    out.push('');
  }
  if (devOnly > 0) {
    out.push(
      `${plural(devOnly, 'development-only package (npm devDependencies) is', 'development-only packages (npm devDependencies) are')} not part of the released software and not listed here; the SBOM lists them with scope excluded.`,
      '',
    );
  }
  const documented = rows.filter((r) => r.d.soup !== null);
  if (documented.length > 0) {
    out.push('## Requirements and verification', '');
    out.push(
      'What each documented SOUP item must do for this software (IEC 62304 §5.3.3), how that is verified, and the evaluation of its known anomalies (§7.1.3).',
      '',
    );
    for (const { d } of documented) {
      const s = d.soup as SoupItem;
      out.push(`### ${codeSpan(d.name, false)} ${codeSpan(d.version, false)}`, '');
      if (s.requirements?.length) {
        out.push('- **Requirements:**');
        for (const r of s.requirements) out.push(`  - ${md(r)}`);
      } else out.push(`- **Requirements:** ${NOT_DOCUMENTED}`);
      out.push(`- **Verification:** ${s.verification ? md(s.verification) : NOT_DOCUMENTED}`);
      const a = anomaliesCell(s.known_anomalies);
      out.push(
        `- **Known anomalies:** ${a ?? NOT_DOCUMENTED}${s.known_anomalies?.notes ? `: ${md(s.known_anomalies.notes)}` : ''}`,
      );
      out.push('');
    }
  }
  return tidyMarkdown(out.join('\n'));
}
