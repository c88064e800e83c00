import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Evidence } from '@regops/core';
import { describe, expect, it } from 'vitest';
import { assessCompliance, COMPLIANCE_CATALOGUE, FRAMEWORKS, renderCompliance } from '../src/compliance';

const PIMA = fileURLToPath(new URL('../../../test/fixtures/evidence/pima-demo.json', import.meta.url));

function load(): Evidence {
  return Evidence.parse(JSON.parse(readFileSync(PIMA, 'utf8')));
}

/** A modified deep copy of the Pima evidence, validated again. */
function variant(change: (e: Evidence) => void): Evidence {
  const e = structuredClone(load());
  change(e);
  return Evidence.parse(e);
}

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

/** Every table of the document, each as header → cell maps; every row must have the header's cell count. */
function tables(doc: string): { header: string[]; rows: Record<string, string>[] }[] {
  const lines = doc.split('\n');
  const out: { header: string[]; rows: Record<string, string>[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]?.startsWith('|') || !lines[i + 1]?.startsWith('|---')) continue;
    const header = cells(lines[i] ?? '');
    const rows: Record<string, string>[] = [];
    let k = i + 2;
    for (; k < lines.length && lines[k]?.startsWith('|'); k++) {
      const c = cells(lines[k] ?? '');
      expect(c, `row ${lines[k]}`).toHaveLength(header.length);
      rows.push(Object.fromEntries(header.map((h, j) => [h, c[j] ?? ''])));
    }
    out.push({ header, rows });
    i = k;
  }
  return out;
}

/** The rows of one framework's section (the table right after its `## name` heading). */
function section(doc: string, name: string): Record<string, string>[] {
  const start = doc.indexOf(`\n## ${name}\n`);
  expect(start, `section ${name}`).toBeGreaterThanOrEqual(0);
  const rest = doc.slice(start + 1);
  const end = rest.indexOf('\n## ', 1);
  const [first] = tables(end === -1 ? rest : rest.slice(0, end));
  expect(first, `table of ${name}`).toBeDefined();
  return first?.rows ?? [];
}

function row(rows: Record<string, string>[], key: string, value: string, title?: string) {
  const found = rows.filter(
    (r) => (r[key] ?? '') === value && (title === undefined || (r.Title ?? '').includes(title)),
  );
  expect(found, `row ${key}=${value} ${title ?? ''}`).toHaveLength(1);
  return found[0] as Record<string, string>;
}

const iec = (doc: string, clause: string) => row(section(doc, 'IEC 62304'), 'Clause', clause);
const item = (doc: string, name: string, id: string, title?: string) =>
  row(section(doc, name), 'Item', id, title);
const findings = (doc: string) => doc.slice(doc.indexOf('## Findings'), doc.indexOf('## IEC 62304'));

describe('compliance report on the Pima demo', () => {
  const e = load();
  const doc = renderCompliance(e);

  it('has a header from the evidence, the summary, the findings and every framework section', () => {
    expect(doc.startsWith('# Compliance report: Pima diabetes risk model (example)\n')).toBe(true);
    expect(doc).toContain(
      'commit `ca18411` · run started 2026-12-08T01:17:32.372Z · regops 0.1.0 · evidence schema 1.0.0 · IEC 62304 software safety class B · gate verdict **pass**',
    );
    for (const h of ['## Summary', '## Findings', '## Catalogue']) expect(doc).toContain(`\n${h}\n`);
    for (const f of FRAMEWORKS) expect(section(doc, f.name).length).toBeGreaterThan(0);
    // The summary counts are the section's rows.
    const [summary] = tables(doc);
    const v = assessCompliance(e);
    for (const f of FRAMEWORKS) {
      const r = row(summary?.rows ?? [], 'Framework', f.name);
      const rows = section(doc, f.name);
      expect(Number(r.Items)).toBe(rows.length);
      expect(Number(r['✅ Present'])).toBe(rows.filter((x) => x.Status === '✅ present').length);
      expect(Number(r['⬜ Missing'])).toBe(rows.filter((x) => x.Status === '⬜ missing').length);
      expect(v.counts.find((c) => c.framework.id === f.id)?.total).toBe(rows.length);
    }
  });

  it('IEC 62304: class B requires the A/B/C and B/C clauses and marks the class-C-only ones not applicable', () => {
    expect(iec(doc, '4.3').Status).toBe('✅ present');
    for (const clause of ['5.1.4', '5.4.2–5.4.4', '5.5.4']) {
      const r = iec(doc, clause);
      expect(r.Classes).toBe('C');
      expect(r.Status).toBe('➖ not applicable');
      expect(r.Finding).toBe('required for class C only; class B declared');
    }
    // B/C clauses apply to class B.
    expect(iec(doc, '5.2.3').Status).toBe('✅ present');
    expect(iec(doc, '5.6').Status).toBe('⬜ missing');
    expect(iec(doc, '7.3.1').Status).toBe('✅ present');
    // REQ-007 (output presentation) has no check: system testing and release verification are partial.
    expect(iec(doc, '5.7').Status).toBe('🟨 partial');
    expect(iec(doc, '5.7').Finding).toContain('not verified: `REQ-007` (Output presentation)');
    expect(iec(doc, '5.7').Finding).toContain('`REQ-016` (4 pass, 6 warn)');
    expect(iec(doc, '5.8.1').Status).toBe('🟨 partial');
    expect(iec(doc, '5.8.4').Status).toBe('✅ present');
    expect(iec(doc, '6.3.1–6.3.2').Status).toBe('✅ present');
    expect(iec(doc, '7.4.1').Status).toBe('✅ present');
    // No pull request in a local run.
    expect(iec(doc, '8.2.4').Status).toBe('🟨 partial');
    expect(doc).toContain('Declared software safety class **B**: 26 of 29 items required, 3 not applicable.');
  });

  it('IEC 62304: class A marks the B/C clauses not applicable, class C none', () => {
    const a = renderCompliance(variant((x) => (x.project.safety_class = 'A')));
    for (const clause of ['5.2.3', '5.5.3, 5.5.5', '5.6', '5.8.5', '7.1', '7.1.3', '7.2', '7.3.1'])
      expect(iec(a, clause).Status, clause).toBe('➖ not applicable');
    for (const clause of ['5.7', '5.8.1', '5.8.3', '6.2.3', '7.4.1', '8.1.2', '9'])
      expect(iec(a, clause).Status, clause).not.toBe('➖ not applicable');
    const c = renderCompliance(variant((x) => (x.project.safety_class = 'C')));
    expect(section(c, 'IEC 62304').filter((r) => r.Status === '➖ not applicable')).toHaveLength(0);
    expect(iec(c, '5.5.4').Status).toBe('🟨 partial');
    expect(iec(c, '5.4.2–5.4.4').Status).toBe('⬜ missing');
  });

  it('ISO 14971: every risk control implemented (a check names it) and effective (its results pass)', () => {
    const rows = section(doc, 'ISO 14971');
    // By hand from the fixture: the checks naming each control, and its results (all pass).
    const byHand: Record<string, { checks: string[]; results: number }> = {
      'RC-001': { checks: ['sensitivity'], results: 1 },
      'RC-002': { checks: ['specificity'], results: 1 },
      'RC-003': { checks: ['schema', 'completeness', 'duplicates', 'conflicts'], results: 10 },
      'RC-004': { checks: ['age-groups', 'drift'], results: 10 },
      'RC-005': { checks: ['split'], results: 1 },
      'RC-006': { checks: ['phi'], results: 3 },
    };
    expect(e.hazards.flatMap((h) => h.controls.map((c) => c.id))).toEqual(Object.keys(byHand));
    for (const [id, want] of Object.entries(byHand)) {
      const impl = row(rows, 'Item', '7.2', `Implementation verified: \`${id}\``);
      expect(impl.Status).toBe('✅ present');
      expect(impl.Finding).toBe(`implemented in ${want.checks.map((c) => `\`${c}\``).join(', ')}`);
      const eff = row(rows, 'Item', '7.2', `Effectiveness verified: \`${id}\``);
      expect(eff.Status).toBe('✅ present');
      expect(eff.Finding).toBe(`${want.results} ${want.results === 1 ? 'result' : 'results'} pass`);
    }
    expect(row(rows, 'Item', '7.3').Status).toBe('🟨 partial');
    expect(row(rows, 'Item', '7.6').Status).toBe('✅ present');
    expect(row(rows, 'Item', '8').Status).toBe('⬜ missing');
  });

  it('ISO 14971: a failing risk-control result makes the control not effective, still implemented', () => {
    const failed = renderCompliance(
      variant((x) => {
        const r = x.results.find((q) => q.id === 'sensitivity');
        if (r) r.status = 'fail';
      }),
    );
    const rows = section(failed, 'ISO 14971');
    expect(row(rows, 'Item', '7.2', 'Implementation verified: `RC-001`').Status).toBe('✅ present');
    const eff = row(rows, 'Item', '7.2', 'Effectiveness verified: `RC-001`');
    expect(eff.Status).toBe('⬜ missing');
    expect(eff.Finding).toContain('1 fail: effectiveness not shown');
    expect(row(rows, 'Item', '7.6').Status).toBe('🟨 partial');
    expect(iec(failed, '7.3.1').Status).toBe('🟨 partial');
    expect(iec(failed, '7.3.1').Finding).toContain('`RC-001`');
  });

  it('GMLP: 4 present from the leakage check, 8 present with intervals and subgroups, 7 and 10 missing', () => {
    const g4 = item(doc, 'FDA GMLP', '4');
    expect(g4.Status).toBe('✅ present');
    expect(g4.Evidence).toBe('`split/rows` ✅');
    expect(item(doc, 'FDA GMLP', '8').Status).toBe('✅ present');
    expect(item(doc, 'FDA GMLP', '9').Status).toBe('✅ present');
    expect(item(doc, 'FDA GMLP', '1').Status).toBe('⬜ missing');
    const g7 = item(doc, 'FDA GMLP', '7');
    expect(g7.Status).toBe('⬜ missing');
    expect(g7.Finding).toContain('`REQ-007`');
    const g10 = item(doc, 'FDA GMLP', '10');
    expect(g10.Status).toBe('⬜ missing');
    expect(g10.Finding).toContain('no monitoring of the deployed model');
    expect(findings(doc)).toContain('**FDA GMLP 10** Deployed models are monitored');
  });

  it('GMLP 4 turns missing without a leakage result', () => {
    const doc2 = renderCompliance(
      variant((x) => (x.results = x.results.filter((r) => r.check !== 'data.leakage'))),
    );
    expect(item(doc2, 'FDA GMLP', '4').Status).toBe('⬜ missing');
  });

  it('PCCP: the verdict and every rule of the plan', () => {
    const rows = section(doc, 'PCCP');
    expect(row(rows, 'Item', 'Verdict').Status).toBe('✅ present');
    expect(row(rows, 'Item', 'Verdict').Finding).toBe('within `PCCP-001`: 14 of 14 rules met');
    const rules = e.pccp?.rules ?? [];
    expect(rows).toHaveLength(1 + rules.length);
    for (const r of rules) expect(row(rows, 'Item', `\`${r.rule}\``).Status).toBe('✅ present');
  });

  it('EU AI Act Annex IV: all nine points, the declaration of conformity missing', () => {
    const rows = section(doc, 'EU AI Act Annex IV');
    const points = [...new Set(rows.map((r) => (r.Item ?? '').replace(/\(.*$/, '')))];
    expect(points).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(row(rows, 'Item', '8').Status).toBe('⬜ missing');
    expect(row(rows, 'Item', '2(d)').Status).toBe('✅ present');
    expect(row(rows, 'Item', '2(f)').Status).toBe('✅ present');
    expect(row(rows, 'Item', '9').Status).toBe('⬜ missing');
  });

  it('lists every missing and partial item as a finding, and only those', () => {
    const v = assessCompliance(e);
    const open = v.rows.filter((r) => r.status === 'missing' || r.status === 'partial');
    const list = findings(doc)
      .split('\n')
      .filter((l) => l.startsWith('- '));
    expect(list).toHaveLength(open.length);
    // Missing is a finding, not a failure: the gate passed and nothing is marked as blocking.
    expect(doc).not.toContain('Blocks the gate');
  });

  it('is stable: the same evidence gives the same bytes', () => {
    expect(renderCompliance(load())).toBe(doc);
    expect(renderCompliance(structuredClone(e))).toBe(doc);
    expect(doc.endsWith('\n')).toBe(true);
    expect(doc).not.toMatch(/\n\n\n/);
  });

  it('has one catalogue row per catalogue item', () => {
    const catalogue = tables(doc).at(-1);
    expect(catalogue?.header).toEqual(['Framework', 'Item', 'Title', 'Mapped to']);
    expect(catalogue?.rows).toHaveLength(COMPLIANCE_CATALOGUE.length);
  });
});

describe('compliance report with evidence removed', () => {
  it('no PCCP: the verdict, Annex IV 2(f) and change analysis turn missing or partial with a finding', () => {
    const doc = renderCompliance(variant((x) => (x.pccp = null)));
    const rows = section(doc, 'PCCP');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.Status).toBe('⬜ missing');
    expect(rows[0]?.Finding).toBe('no change control plan declared (pccp in regops.yml)');
    expect(doc).toContain('No predetermined change control plan is declared for this project.');
    expect(item(doc, 'EU AI Act Annex IV', '2(f)').Status).toBe('⬜ missing');
    expect(iec(doc, '6.2.3').Finding).toContain('no change control plan judged the change');
    const f = findings(doc);
    expect(f).toContain('**PCCP Verdict** Change within the predetermined change control plan — ⬜ missing');
    expect(f).toContain('**EU AI Act Annex IV 2(f)**');
  });

  it('no safety class: 4.3 missing with a finding, every clause required', () => {
    const doc = renderCompliance(variant((x) => (x.project.safety_class = null)));
    const r = iec(doc, '4.3');
    expect(r.Status).toBe('⬜ missing');
    expect(r.Finding).toContain('no software safety class declared');
    expect(section(doc, 'IEC 62304').filter((x) => x.Status === '➖ not applicable')).toHaveLength(0);
    expect(doc).toContain('No software safety class declared: every item is treated as required (class C).');
    expect(doc).toContain('no IEC 62304 software safety class declared · gate verdict **pass**');
    expect(findings(doc)).toContain('**IEC 62304 4.3** Software safety classification — ⬜ missing');
  });

  it('no hazards: the risk items turn missing with findings', () => {
    const doc = renderCompliance(variant((x) => (x.hazards = [])));
    const rows = section(doc, 'ISO 14971');
    for (const clause of ['5.4', '5.5', '7.1', '7.2', '7.3', '7.6']) {
      const mine = rows.filter((r) => r.Item === clause);
      expect(mine.length, clause).toBeGreaterThan(0);
      for (const r of mine) expect(r.Status, clause).toBe('⬜ missing');
    }
    // One row each for implementation and effectiveness, naming the controls the checks still refer to.
    const rc = rows.filter((r) => r.Item === '7.2');
    expect(rc).toHaveLength(2);
    expect(rc[0]?.Finding).toContain('although checks name `RC-003`');
    expect(iec(doc, '7.1').Status).toBe('⬜ missing');
    expect(iec(doc, '7.3.1').Status).toBe('⬜ missing');
    expect(iec(doc, '5.2.3').Status).toBe('⬜ missing');
    expect(item(doc, 'EU AI Act Annex IV', '5').Status).toBe('⬜ missing');
    const f = findings(doc);
    expect(f).toContain(
      '**ISO 14971 7.2** Implementation of each risk control measure verified — ⬜ missing',
    );
    expect(f).toContain('**ISO 14971 7.2** Effectiveness of each risk control measure verified — ⬜ missing');
  });

  it('marks a finding the gate blocks on', () => {
    const doc = renderCompliance(
      variant((x) => {
        x.gate.policy.require_verified = true;
        x.gate.verdict = 'fail';
        x.gate.reasons = [
          {
            code: 'unverified_requirement',
            ref: 'REQ-007',
            message: 'REQ-007 (Output presentation) has no check that verifies it',
          },
        ];
      }),
    );
    expect(iec(doc, '5.7').Finding).toContain('**Blocks the gate** (`REQ-007`).');
    expect(iec(doc, '5.8.1').Finding).toContain('gate fail');
    expect(doc).toContain('unverified requirements block');
    expect(findings(doc)).toContain('**Blocks the gate** (`REQ-007`).');
  });
});

describe('SOUP (evidence.dependencies)', () => {
  const pkg = (name: string, direct: boolean, scope = 'required') => ({
    ecosystem: 'pypi',
    name,
    version: '1.0.0',
    purl: `pkg:pypi/${name}@1.0.0`,
    direct,
    scope,
    hashes: [],
    license: null,
    resolved: null,
    markers: null,
    depends_on: [],
  });
  /** Read structurally by the report: set without re-validating, so the test does not depend on the schema. */
  function withDependencies(deps: unknown): Evidence {
    return { ...structuredClone(load()), dependencies: deps } as unknown as Evidence;
  }
  const lockfiles = [
    {
      path: 'training/requirements.txt',
      format: 'requirements',
      graph: true,
      packages: [
        pkg('scikit-learn', true),
        pkg('numpy', true),
        pkg('scipy', false),
        pkg('pytest', true, 'dev'),
      ],
    },
  ];

  it('without an sbom section, SOUP identification and anomaly evaluation are missing', () => {
    const doc = renderCompliance(withDependencies(null));
    expect(iec(doc, '8.1.2').Status).toBe('⬜ missing');
    expect(iec(doc, '7.1.3').Status).toBe('⬜ missing');
    expect(findings(doc)).toContain('**IEC 62304 8.1.2** SOUP identified — ⬜ missing');
  });

  it('identifies SOUP from the lockfiles and the supplier of each direct run-time dependency', () => {
    const soup = {
      path: 'soup.yml',
      items: {
        // Python names compare as PEP 503 normalizes them.
        Scikit_Learn: {
          supplier: 'The scikit-learn developers',
          known_anomalies: { reference: 'https://x' },
        },
        numpy: {
          supplier: 'NumPy Developers',
          known_anomalies: { reference: 'https://y', reviewed: '2025-01-31' },
        },
      },
    };
    const doc = renderCompliance(withDependencies({ lockfiles, soup }));
    const r812 = iec(doc, '8.1.2');
    expect(r812.Status).toBe('✅ present');
    expect(r812.Finding).toBe(
      '4 packages in 1 lockfile identified by name and version; supplier recorded for all 2 direct run-time dependencies',
    );
    const r713 = iec(doc, '7.1.3');
    expect(r713.Status).toBe('🟨 partial');
    expect(r713.Finding).toContain('2 reference their anomaly list and 1 record its evaluation');
    expect(r713.Finding).toContain('open: `scikit-learn`');
    expect(item(doc, 'FDA GMLP', '2').Finding).toContain('4 dependencies listed');

    const partial = renderCompliance(
      withDependencies({ lockfiles, soup: { path: 'soup.yml', items: { numpy: soup.items.numpy } } }),
    );
    expect(iec(partial, '8.1.2').Status).toBe('🟨 partial');
    expect(iec(partial, '8.1.2').Finding).toContain(
      'no supplier for 1 of 2 direct run-time dependencies: `scikit-learn`',
    );
  });
});

describe('escaping', () => {
  const HOSTILE = '<img src=x onerror=alert(1)> | **bold** `tick` [link](http://x)';

  it('escapes user text from requirements, hazards, controls, the PCCP and the project', () => {
    const e = variant((x) => {
      x.project.name = `Demo ${HOSTILE}`;
      const req = x.requirements.find((r) => r.id === 'REQ-007');
      if (req) req.title = HOSTILE;
      const hz = x.hazards[0];
      if (hz) {
        hz.title = HOSTILE;
        const c = hz.controls[0];
        if (c) c.text = `${HOSTILE}\nsecond line`;
      }
      const rule = x.pccp?.rules[0];
      if (rule) rule.message = HOSTILE;
    });
    const doc = renderCompliance(e);
    expect(doc).not.toContain('<img');
    expect(doc).not.toContain('**bold**');
    expect(doc).not.toContain('[link](');
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt; \\| \\*\\*bold\\*\\*');
    // Every table keeps its cell count (tables() checks each row against its header).
    const all = tables(doc);
    expect(all.length).toBe(FRAMEWORKS.length + 2);
    const plain = tables(renderCompliance(load()));
    expect(all.map((t) => t.rows.length)).toEqual(plain.map((t) => t.rows.length));
    // The hostile requirement title appears in system testing, the hazard title in the ISO 14971 rows.
    expect(iec(doc, '5.7').Finding).toContain('`REQ-007` (&lt;img');
    const impl = row(section(doc, 'ISO 14971'), 'Item', '7.2', 'Implementation verified: `RC-001`');
    expect(impl.Title).toContain('&lt;img src=x onerror=alert(1)&gt; \\|');
    expect(impl.Title).toContain('<br>second line');
    expect(row(section(doc, 'PCCP'), 'Item', '`modifications`').Finding).toContain('met: &lt;img');
    expect(doc.startsWith('# Compliance report: Demo &lt;img')).toBe(true);
    // For the HTML pipeline (markdown-it, raw HTML off) a line break in user text travels as U+2028.
    const html = renderCompliance(e, 'html');
    expect(html).not.toContain('<br>');
    expect(html).toContain('\u2028second line');
    // Findings (list items) are escaped too.
    expect(findings(doc)).toContain('`REQ-007` (&lt;img src=x onerror=alert(1)&gt; \\| \\*\\*bold\\*\\*');
  });
});
