import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectDependencies, type DependencyPackage, Evidence, packageUrl } from '@regops/core';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  buildSbom,
  canonicalJson,
  licenseChoice,
  renderSbom,
  renderSoupList,
  sbomSerialNumber,
} from '../src/sbom';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const EXAMPLE = path.join(REPO, 'examples', 'pima-diabetes');
const FIXTURE = path.join(REPO, 'test', 'fixtures', 'evidence', 'pima-demo.json');
const SCHEMAS = path.join(REPO, 'node_modules', '@cyclonedx', 'cyclonedx-library', 'res', 'schema');

const where = (field: (string | number)[]) => `regops.yml: ${field.join('.')}`;

function fileInput(root: string, rel: string, kind: 'lockfile' | 'soup') {
  const bytes = readFileSync(path.join(root, rel));
  return { path: rel, kind, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** The Pima demo's evidence as a run with `sbom: { lockfiles: [training/requirements.txt], soup: soup.yml }` records it. */
function pimaEvidence(): Evidence {
  const raw = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const sbom = { lockfiles: ['training/requirements.txt'], soup: 'soup.yml' };
  raw.dependencies = collectDependencies(EXAMPLE, sbom, where);
  raw.inputs.push(
    fileInput(EXAMPLE, 'training/requirements.txt', 'lockfile'),
    fileInput(EXAMPLE, 'soup.yml', 'soup'),
  );
  return Evidence.parse(raw);
}

/** The same, plus this repository's own package-lock.json (hundreds of npm packages, scoped, dev, licenses). */
function wideEvidence(): Evidence {
  const raw = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const sbom = {
    lockfiles: ['examples/pima-diabetes/training/requirements.txt', 'package-lock.json'],
    soup: 'examples/pima-diabetes/soup.yml',
  };
  raw.dependencies = collectDependencies(REPO, sbom, where);
  return Evidence.parse(raw);
}

function cycloneDxValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Formats ajv-formats lacks: an IRI reference has no spaces or characters IRIs exclude; an email has one @.
  ajv.addFormat('iri-reference', /^[^\s<>"{}|\\^`]*$/u);
  ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/u);
  const load = (file: string) => JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8'));
  // The BOM schema refers to its sub-schemas by their SNAPSHOT file names, relative to its own $id.
  ajv.addSchema({
    ...load('spdx.SNAPSHOT.schema.json'),
    $id: 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json',
  });
  ajv.addSchema({
    ...load('jsf-0.82.SNAPSHOT.schema.json'),
    $id: 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json',
  });
  return ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));
}
const validate = cycloneDxValidator();

function expectValid(json: string): Record<string, unknown> {
  const bom = JSON.parse(json);
  const ok = validate(bom);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  return bom;
}

interface Component {
  type: string;
  'bom-ref': string;
  name: string;
  group?: string;
  version?: string;
  scope?: string;
  hashes?: { alg: string; content: string }[];
  licenses?: Record<string, unknown>[];
  purl?: string;
  modelCard?: Record<string, unknown>;
  data?: Record<string, unknown>[];
  properties?: { name: string; value: string }[];
}

const components = (bom: Record<string, unknown>) => bom.components as Component[];

describe('renderSbom', () => {
  it('validates against the official CycloneDX 1.6 JSON schema', () => {
    expectValid(renderSbom(pimaEvidence()));
    expectValid(renderSbom(wideEvidence()));
    // An evidence bundle without dependencies (no sbom: section) still gives a valid BOM.
    const bare = Evidence.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
    expect(bare.dependencies).toBeNull();
    expectValid(renderSbom(bare));
    // The validator does reject what the schema forbids, including in the SPDX sub-schema.
    const broken = JSON.parse(renderSbom(pimaEvidence()));
    broken.components[0].hashes[0].content = 'not-hex';
    expect(validate(broken)).toBe(false);
    const badLicense = JSON.parse(renderSbom(pimaEvidence()));
    badLicense.components[5].licenses = [{ license: { id: 'Not-An-SPDX-Id' } }];
    expect(validate(badLicense)).toBe(false);
  });

  it('carries the models and datasets with the hashes of the evidence', () => {
    const e = pimaEvidence();
    const bom = expectValid(renderSbom(e));
    const list = components(bom);
    expect(list.map((c) => [c.type, c['bom-ref']])).toEqual([
      ['machine-learning-model', 'model:models/pima_hgb_candidate.onnx'],
      ['machine-learning-model', 'baseline-model:models/pima_logreg_baseline.onnx'],
      ['data', 'dataset:shifted'],
      ['data', 'dataset:test'],
      ['data', 'dataset:train'],
      ['library', 'pkg:pypi/numpy@1.24.2'],
      ['library', 'pkg:pypi/onnx@1.12.0'],
      ['library', 'pkg:pypi/pandas@1.5.3'],
      ['library', 'pkg:pypi/scikit-learn@1.2.1'],
    ]);
    const [candidate, baseline] = list;
    expect(candidate?.hashes).toEqual([{ alg: 'SHA-256', content: e.model?.sha256 }]);
    expect(candidate?.hashes?.[0]?.content).toBe(
      '77a79587e4e55e355baa009b3b5a5f24bc26fe7dda57d9c5dd523a740f98081f',
    );
    expect(baseline?.hashes).toEqual([{ alg: 'SHA-256', content: e.baseline_model?.sha256 }]);
    expect(baseline?.scope).toBe('excluded');
    for (const d of e.datasets) {
      const c = list.find((x) => x['bom-ref'] === `dataset:${d.name}`);
      const sha = e.inputs.find((i) => i.kind === 'dataset' && i.path === d.path)?.sha256;
      expect(c?.hashes, d.name).toEqual([{ alg: 'SHA-256', content: sha }]);
      expect(c?.data?.[0]).toMatchObject({ type: 'dataset', name: d.name });
    }
    const meta = bom.metadata as Record<string, unknown>;
    expect(meta.timestamp).toBe(e.run.started_at);
    expect(meta.component).toMatchObject({ type: 'application', name: e.project.name });
    expect(bom.serialNumber).toBe(sbomSerialNumber(e));
  });

  it('gives the candidate a model card from the evidence', () => {
    const e = pimaEvidence();
    const card = components(buildSbom(e))[0]?.modelCard as {
      modelParameters: Record<string, unknown>;
      quantitativeAnalysis: { performanceMetrics: Record<string, unknown>[] };
      considerations: Record<string, unknown>;
    };
    expect(card.modelParameters).toEqual({
      approach: { type: 'supervised' },
      task: 'binary classification',
      datasets: [{ ref: 'dataset:test' }, { ref: 'dataset:train' }],
      inputs: [{ format: 'float_input: float [N, 8]' }],
      outputs: [{ format: 'label: int64 [N]' }, { format: 'probabilities: float [N, 2]' }],
    });
    const auroc = e.results.find((r) => r.id === 'auroc')?.metrics[0];
    expect(card.quantitativeAnalysis.performanceMetrics[0]).toEqual({
      type: 'auroc',
      value: String(auroc?.value),
      slice: 'test',
      confidenceInterval: { lowerBound: String(auroc?.ci?.[0]), upperBound: String(auroc?.ci?.[1]) },
    });
    expect(card.quantitativeAnalysis.performanceMetrics).toContainEqual(
      expect.objectContaining({ type: 'sensitivity at threshold 0.3', slice: 'test' }),
    );
    // AUROC again (for the bound on its interval's lower end) is not repeated.
    expect(
      card.quantitativeAnalysis.performanceMetrics.filter((m) => m.type === 'auroc' && m.slice === 'test'),
    ).toHaveLength(1);
    expect(card.quantitativeAnalysis.performanceMetrics).toContainEqual(
      expect.objectContaining({ type: 'auroc', slice: 'test, age=[40, 120)' }),
    );
    expect(card.considerations).toEqual({
      users: e.modelcard?.intended_use?.primary_users,
      useCases: [e.modelcard?.intended_use?.purpose, ...(e.modelcard?.intended_use?.primary_uses ?? [])],
      technicalLimitations: e.modelcard?.limitations,
    });
  });

  it('lists lockfile packages with purl, hashes, licenses, SOUP properties and the graph', () => {
    const e = wideEvidence();
    const bom = expectValid(renderSbom(e));
    const list = components(bom);
    const sklearn = list.find((c) => c.purl === 'pkg:pypi/scikit-learn@1.2.1');
    expect(sklearn).toMatchObject({
      type: 'library',
      name: 'scikit-learn',
      version: '1.2.1',
      scope: 'required',
      licenses: [{ license: { id: 'BSD-3-Clause' } }],
    });
    expect(sklearn?.properties).toContainEqual({ name: 'regops:soup:risk_level', value: 'medium' });
    // npm: the scope as group, integrity (sha512, base64) as hex.
    const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8'));
    const entry = lock.packages['node_modules/@biomejs/biome'];
    const biome = list.find((c) => c.purl === packageUrl('npm', '@biomejs/biome', entry.version));
    expect(biome).toMatchObject({ group: '@biomejs', name: 'biome', scope: 'excluded' });
    expect(biome?.licenses).toEqual([{ expression: 'MIT OR Apache-2.0' }]);
    const b64 = (entry.integrity as string).replace(/^sha512-/, '');
    expect(biome?.hashes).toEqual([{ alg: 'SHA-512', content: Buffer.from(b64, 'base64').toString('hex') }]);
    // Every bom-ref is unique and every reference in the graph names a component.
    const refs = new Set(list.map((c) => c['bom-ref']));
    expect(refs.size).toBe(list.length);
    refs.add('project');
    const graph = bom.dependencies as { ref: string; dependsOn: string[] }[];
    for (const d of graph) {
      expect(refs.has(d.ref), d.ref).toBe(true);
      for (const r of d.dependsOn) expect(refs.has(r), `${d.ref} → ${r}`).toBe(true);
    }
    const root = graph.find((d) => d.ref === 'project');
    expect(root?.dependsOn).toContain('model:models/pima_hgb_candidate.onnx');
    expect(root?.dependsOn).toContain('pkg:pypi/scikit-learn@1.2.1');
    expect(root?.dependsOn).toContain(packageUrl('npm', 'zod', lock.packages['node_modules/zod'].version));
    // requirements.txt without `# via` gives no graph: its packages have no entry (unknown, not "none").
    expect(graph.some((d) => d.ref.startsWith('pkg:pypi/'))).toBe(false);
  });

  it('is byte-identical for the same evidence, also after a JSON round trip', () => {
    const e = pimaEvidence();
    const first = renderSbom(e);
    expect(renderSbom(e)).toBe(first);
    expect(renderSbom(Evidence.parse(JSON.parse(JSON.stringify(e))))).toBe(first);
    expect(renderSoupList(e)).toBe(renderSoupList(Evidence.parse(JSON.parse(JSON.stringify(e)))));
    // A different run gives a different serial number.
    const other = { ...e, run: { ...e.run, started_at: '2027-01-01T00:00:00.000Z' } };
    expect(sbomSerialNumber(other)).not.toBe(sbomSerialNumber(e));
    expect(sbomSerialNumber(e)).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('writes canonical JSON and license choices the schema accepts', () => {
    expect(canonicalJson({ b: 1, a: [1, undefined, { d: undefined, c: 'x' }] })).toBe(
      '{"a":[1,null,{"c":"x"}],"b":1}',
    );
    expect(licenseChoice('MIT')).toEqual([{ license: { id: 'MIT' } }]);
    expect(licenseChoice('(MIT OR Apache-2.0)')).toEqual([{ expression: '(MIT OR Apache-2.0)' }]);
    expect(licenseChoice('Apache-2.0 WITH LLVM-exception')).toEqual([
      { expression: 'Apache-2.0 WITH LLVM-exception' },
    ]);
    expect(licenseChoice('Proprietary')).toEqual([{ license: { name: 'Proprietary' } }]);
    expect(licenseChoice('Example only, not for clinical use')).toEqual([
      { license: { name: 'Example only, not for clinical use' } },
    ]);
    expect(licenseChoice('MIT OR')).toEqual([{ license: { name: 'MIT OR' } }]);
  });
});

/* ------------------------------------------------------------------ SOUP list */

/** Cells of a GFM table row: split at pipes not escaped by a backslash. */
function cells(row: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (ch === '\\' && i + 1 < row.length) {
      cur += ch + row[i + 1];
      i++;
    } else if (ch === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.slice(1, -1);
}

function tableRows(doc: string): Record<string, string>[] {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| SOUP item |'));
  expect(start).toBeGreaterThanOrEqual(0);
  const header = cells(lines[start] ?? '');
  const rows: Record<string, string>[] = [];
  for (let i = start + 2; i < lines.length && lines[i]?.startsWith('|'); i++) {
    const c = cells(lines[i] ?? '');
    expect(c, lines[i]).toHaveLength(header.length);
    rows.push(Object.fromEntries(header.map((h, k) => [h, c[k] ?? ''])));
  }
  return rows;
}

function withPackages(
  e: Evidence,
  packages: DependencyPackage[],
  soup: Evidence['dependencies'] extends infer D ? (D extends { soup: infer S } ? S : never) : never,
): Evidence {
  return {
    ...e,
    dependencies: {
      lockfiles: [{ path: 'requirements.txt', format: 'requirements', graph: false, packages }],
      soup,
    },
  };
}

const pkg = (name: string, version: string, over: Partial<DependencyPackage> = {}): DependencyPackage => ({
  ecosystem: 'pypi',
  name,
  version,
  purl: packageUrl('pypi', name, version),
  direct: true,
  scope: 'required',
  hashes: [],
  license: null,
  resolved: null,
  markers: null,
  depends_on: [],
  ...over,
});

describe('renderSoupList', () => {
  it('lists the Pima training packages with their SOUP metadata and no gaps', () => {
    const doc = renderSoupList(pimaEvidence());
    expect(doc).toContain('**Gaps: none**: all 4 SOUP items are documented.');
    const rows = tableRows(doc);
    expect(rows.map((r) => [r['SOUP item'], r.Version, r['Risk level'], r.Lockfile])).toEqual([
      ['`numpy`', '`1.24.2`', 'low', '`training/requirements.txt`'],
      ['`onnx`', '`1.12.0`', 'medium', '`training/requirements.txt`'],
      ['`pandas`', '`1.5.3`', 'low', '`training/requirements.txt`'],
      ['`scikit-learn`', '`1.2.1`', 'medium', '`training/requirements.txt`'],
    ]);
    expect(rows[3]).toMatchObject({
      Supplier: 'The scikit-learn developers',
      License: 'BSD-3-Clause',
      'Known anomalies': '<https://github.com/scikit-learn/scikit-learn/issues>',
      Dependency: 'direct',
    });
    expect(doc).toContain('### `scikit-learn` `1.2.1`');
    const filled = doc.split('\n').filter((l) => l.startsWith('|') || l.startsWith('- '));
    expect(filled.join('\n')).not.toContain('not documented');
  });

  it('shows a missing field as a gap, never filled in', () => {
    const e = pimaEvidence();
    const soup = {
      path: 'soup.yml',
      items: { numpy: { supplier: 'NumPy Developers', risk_level: 'low' as const } },
    };
    const doc = renderSoupList(
      withPackages(e, [pkg('numpy', '1.24.2'), pkg('scipy', '1.10.1', { direct: false })], soup),
    );
    expect(doc).toContain(
      '**Gaps: 2 of 2 SOUP items** not fully documented: 1 has no entry in the SOUP file (`scipy`); 1 has missing fields (`numpy`: license, purpose, known anomalies, requirements, verification).',
    );
    const rows = tableRows(doc);
    expect(rows[1]).toMatchObject({
      'SOUP item': '`scipy`',
      Supplier: 'not documented',
      License: 'not documented',
      Purpose: 'not documented',
      'Risk level': 'not documented',
      'Known anomalies': 'not documented',
      Dependency: 'transitive',
    });
    expect(rows[0]).toMatchObject({
      Supplier: 'NumPy Developers',
      'Risk level': 'low',
      License: 'not documented',
    });
  });

  it('says so when the evidence has no dependencies, and leaves development packages out', () => {
    const bare = Evidence.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
    expect(renderSoupList(bare)).toContain('**Gaps:** no dependency data in the evidence');
    const e = withPackages(bare, [pkg('numpy', '1.24.2'), pkg('pytest', '8.0.0', { scope: 'dev' })], null);
    const doc = renderSoupList(e);
    expect(tableRows(doc).map((r) => r['SOUP item'])).toEqual(['`numpy`']);
    expect(doc).toContain(
      '1 development-only package (npm devDependencies) is not part of the released software',
    );
    expect(doc).toContain('but the config names none (`sbom.soup`)');
  });

  it('renders hostile names and metadata inert', () => {
    const bare = Evidence.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
    const nasty = '<img src=x onerror=alert(1)>|**bold**';
    const soup = {
      path: 'soup.yml',
      items: {
        [nasty]: {
          supplier: '<script>alert(1)</script> | **x**',
          purpose: '[link](javascript:alert(1))\n# heading',
          known_anomalies: { reference: 'javascript:alert(1)' },
          requirements: ['<img src=y onerror=alert(2)>'],
        },
      },
    };
    const e = withPackages(
      bare,
      [pkg(nasty, '1.0|<b>', { ecosystem: 'npm', purl: packageUrl('npm', nasty, '1.0|<b>') })],
      soup,
    );
    const doc = renderSoupList(e);
    const rows = tableRows(doc);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.['SOUP item']).toBe('`<img src=x onerror=alert(1)>\\|**bold**`');
    const html = new MarkdownIt({ html: true }).render(doc);
    expect(html).not.toMatch(/<img|<script|<b>|<strong>bold|href="javascript/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;|**bold**');
    expect((html.match(/<tr>/g) ?? []).length).toBe(2);
    // The SBOM stays valid and keeps the name as data.
    const bom = expectValid(renderSbom(e));
    expect(components(bom).find((c) => c.type === 'library')?.name).toBe(nasty);
  });
});
