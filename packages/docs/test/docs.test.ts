import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Evidence } from '@regops/core';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  COMMENT_MARKER,
  codeSpan,
  DOCUMENT_NAMES,
  escapeMarkdown,
  formatComparison,
  formatNumber,
  renderAll,
  renderComment,
  renderModelCard,
  renderReport,
  renderTraceability,
} from '../src/index';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/evidence/sample.json', import.meta.url));

function load(): Evidence {
  return Evidence.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
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

/** Rows of the first table whose header starts with `first`, as header → cell maps. */
function table(doc: string, first: string): Record<string, string>[] {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  expect(start, `table starting with ${first}`).toBeGreaterThanOrEqual(0);
  const header = cells(lines[start] ?? '');
  const rows: Record<string, string>[] = [];
  for (let i = start + 2; i < lines.length && lines[i]?.startsWith('|'); i++) {
    const c = cells(lines[i] ?? '');
    expect(c, `row ${lines[i]}`).toHaveLength(header.length);
    rows.push(Object.fromEntries(header.map((h, k) => [h, c[k] ?? ''])));
  }
  return rows;
}

describe('fixture', () => {
  it('is a valid, realistic evidence bundle', () => {
    const e = load();
    expect(e.requirements.length).toBeGreaterThanOrEqual(6);
    expect(e.hazards.map((h) => h.id)).toEqual(['HAZ-001', 'HAZ-002', 'HAZ-003']);
    expect(new Set(e.checks.map((c) => c.type))).toEqual(
      new Set(['data.schema', 'model.metric', 'drift.feature']),
    );
    const failing = e.results.filter((r) => r.status === 'fail');
    expect(failing.map((r) => [r.check, r.metrics[0]?.value, r.metrics[0]?.threshold])).toEqual([
      ['model.metric', 0.8225671641791045, { op: '>=', value: 0.99 }],
    ]);
    const declared = new Set(e.checks.flatMap((c) => c.verifies));
    expect(e.requirements.filter((r) => !declared.has(r.id)).map((r) => r.id)).toEqual(['REQ-006']);
    const nasty = e.requirements.find((r) => r.id === 'REQ-004')?.title ?? '';
    expect(nasty).toContain('|');
    expect(nasty).toContain('<script>');
    expect(nasty).toContain('\n');
  });
});

describe('determinism', () => {
  it('renders byte-identical documents twice and after a JSON round trip', () => {
    const e = load();
    const first = renderAll(e);
    expect(Object.keys(first)).toEqual([...DOCUMENT_NAMES]);
    expect(renderAll(e)).toEqual(first);
    const again = renderAll(Evidence.parse(JSON.parse(JSON.stringify(e))));
    for (const [name, text] of Object.entries(first))
      expect(again[name as keyof typeof again], name).toBe(text);
  });

  it('does not depend on the key order of records', () => {
    const e = load();
    const shuffled = structuredClone(e);
    if (shuffled.model)
      shuffled.model.opsets = Object.fromEntries(Object.entries(shuffled.model.opsets).reverse());
    expect(renderAll(shuffled)).toEqual(renderAll(e));
  });
});

describe('renderComment', () => {
  const comment = renderComment(load());

  it('starts with the hidden marker and puts the verdict before any result', () => {
    expect(comment.split('\n')[0]).toBe(COMMENT_MARKER);
    const verdict = comment.indexOf('❌ Design control: change blocked');
    expect(verdict).toBeGreaterThan(0);
    for (const r of load().results) expect(comment.indexOf(r.id), r.id).toBeGreaterThan(verdict);
    expect(comment).toContain('✅ 6 pass · ❌ 1 fail · ⚠️ 1 warn · ⛔ 0 error · ⏭️ 1 skip');
  });

  it('lists the failing check first with observed value, bound, requirements and controls', () => {
    const failing = comment.indexOf('`auroc-test`');
    const entry = comment.slice(failing, comment.indexOf('\n- ', failing));
    expect(entry).toContain('auroc: **0.822567 < 0.99 (bound ≥ 0.99)**');
    expect(entry).toContain('CI 0.758780–0.881008');
    expect(entry).toContain('Verifies REQ-001 (Discrimination on held-out data)');
    expect(entry).toContain('risk controls RC-002');
    expect(failing).toBeLessThan(comment.indexOf('`drift/glucose`'));
    for (const id of ['schema/train', 'brier-test', 'sensitivity-test', 'drift/mass', 'ece-test']) {
      expect(failing, id).toBeLessThan(comment.indexOf(`\`${id}\``));
    }
  });

  it('collapses passing and skipped results into a details table', () => {
    const open = comment.indexOf('<details><summary>6 passed · 1 skipped</summary>');
    const close = comment.indexOf('</details>');
    expect(open).toBeGreaterThan(comment.indexOf('#### Warnings'));
    for (const id of [
      'schema/train',
      'schema/test',
      'brier-test',
      'sensitivity-test',
      'accuracy-test',
      'drift/mass',
      'ece-test',
    ]) {
      const at = comment.indexOf(`\`${id}\``);
      expect(at, id).toBeGreaterThan(open);
      expect(at, id).toBeLessThan(close);
    }
    const rows = table(comment, 'Status');
    expect(rows.find((r) => r.Result?.startsWith('`brier-test`'))?.Observed).toBe(
      'brier 0.165389 < 0.2 (bound ≤ 0.2)',
    );
    expect(rows.find((r) => r.Result?.startsWith('`ece-test`'))?.Status).toBe('⏭️ skip');
    expect(comment.slice(open, close)).not.toContain('auroc-test');
  });

  it('escapes user text, lists gaps, gate reasons and the footer', () => {
    const warn = comment.split('\n').find((l) => l.includes('PSI 0.2342 between train and shifted'));
    expect(warn).toBe(
      '  - glucose: PSI 0.2342 between train and shifted is above 0.2 \\| review before release<br>KS p-value 3.12e-5',
    );
    expect(comment).toContain(
      '**Requirements without a verifying result:** REQ-006 (Intended population is stated)',
    );
    expect(comment).toContain(
      '- `unverified_requirement` REQ-007: REQ-007 (Expected calibration error) has no check that verifies it',
    );
    expect(comment.trimEnd().split('\n').pop()).toBe(
      '<sub>regops 0.1.0 · commit `3f9c2e1` · model sha256 `77a79587e4e5`</sub>',
    );
    expect(comment).not.toMatch(/<script/i);
    expect(comment.endsWith('</sub>\n')).toBe(true);
  });

  it('says the change may merge when the gate passes', () => {
    const e = load();
    e.gate = { ...e.gate, verdict: 'pass', reasons: [] };
    const ok = renderComment(e);
    expect(ok.split('\n')[1]).toBe('### ✅ Design control: change may merge');
    expect(ok).toContain('Gate: no reason to block');
  });
});

describe('renderTraceability', () => {
  const doc = renderTraceability(load());
  const rows = table(doc, 'Requirement');

  it('has one row per requirement and verifying result, with hazards and controls from the risk file', () => {
    expect(rows.map((r) => `${r.Requirement} ${r.Check}`)).toEqual([
      'REQ-001 `auroc-test`',
      'REQ-002 `brier-test`',
      'REQ-003 `sensitivity-test`',
      'REQ-004 `schema/train`',
      'REQ-004 `schema/test`',
      'REQ-005 `drift/glucose`',
      'REQ-005 `drift/mass`',
      'REQ-006 —',
      'REQ-007 `ece-test`',
    ]);
    expect(rows[0]).toEqual({
      Requirement: 'REQ-001',
      Title: 'Discrimination on held-out data',
      'Hazard(s)': 'HAZ-001 (Missed diabetes risk)',
      'Risk control(s)': 'RC-002',
      Check: '`auroc-test`',
      'Acceptance criterion': 'AUROC ≥ 0.99 on test',
      Observed: 'auroc 0.822567 < 0.99 (bound ≥ 0.99)',
      Status: '❌ fail',
      Commit: '`3f9c2e1`',
      Change: '#42',
    });
    expect(rows[2]?.['Risk control(s)']).toBe('RC-001');
    expect(rows[5]?.['Hazard(s)']).toBe('HAZ-003 (Use outside the development population)');
    expect(rows[5]?.Observed).toBe('psi 0.234170 > 0.2 (bound ≤ 0.2); ks_pvalue 3.120e-5');
    expect(rows[1]?.['Hazard(s)']).toBe('—');
  });

  it('shows the unverified requirement as a GAP row', () => {
    const gap = rows.find((r) => r.Requirement === 'REQ-006');
    expect(gap).toMatchObject({
      Status: '**GAP**',
      Check: '—',
      'Hazard(s)': 'HAZ-003 (Use outside the development population)',
      'Risk control(s)': 'RC-005',
      'Acceptance criterion': 'no check verifies this requirement',
    });
    expect(rows.filter((r) => r.Status === '**GAP**')).toHaveLength(1);
  });

  it('escapes pipes, newlines and HTML in user text inside cells', () => {
    const titles = rows.filter((r) => r.Requirement === 'REQ-004').map((r) => r.Title);
    expect(titles).toEqual([
      'Input data conform to schema \\| ranges<br>&lt;script&gt;alert("REQ-004")&lt;/script&gt;',
      'Input data conform to schema \\| ranges<br>&lt;script&gt;alert("REQ-004")&lt;/script&gt;',
    ]);
    expect(doc).not.toMatch(/<script/i);
  });

  it('lists uncovered risk controls and results that verify no requirement', () => {
    const controls = table(doc, 'Risk control');
    expect(controls).toEqual([
      {
        'Risk control': 'RC-005',
        Hazard: 'HAZ-003 (Use outside the development population)',
        Control: 'Labelling states the intended population',
        'Implemented by': 'REQ-006',
      },
    ]);
    const note = doc.slice(doc.indexOf('Results that verify no requirement:'));
    expect(note).toContain('`accuracy-test` — Accuracy at 0.5 on test');
    expect(note).not.toContain('auroc-test');
  });
});

describe('renderModelCard', () => {
  const card = renderModelCard(load());
  const [, front = '', body = ''] = card.split(/^---$/m);

  it('has YAML front matter with a Hugging Face model-index', () => {
    expect(card.startsWith('---\n')).toBe(true);
    const meta = parseYaml(front) as {
      license: string;
      'model-index': {
        name: string;
        results: {
          task: { type: string };
          dataset: { name: string };
          metrics: { type: string; value: number; name: string }[];
        }[];
      }[];
    };
    expect(meta.license).toBe('apache-2.0');
    const index = meta['model-index'][0];
    expect(index?.name).toBe('Pima diabetes risk (gradient-boosted trees)');
    expect(index?.results).toHaveLength(1);
    const result = index?.results[0];
    expect(result?.task.type).toBe('tabular-classification');
    expect(result?.dataset.name).toBe('test');
    expect(result?.metrics).toEqual([
      { type: 'auroc', value: 0.8225671641791045, name: 'AUROC on test' },
      { type: 'brier', value: 0.16538896426570746, name: 'Brier score on test' },
      { type: 'sensitivity', value: 0.6119402985074627, name: 'Sensitivity at 0.5 on test' },
      { type: 'accuracy', value: 0.7708333333333334, name: 'Accuracy at 0.5 on test' },
    ]);
  });

  it('has the model card sections in order, filled from meta and evidence', () => {
    const headings = body.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Model details',
      '## Intended use',
      '## Factors',
      '## Metrics',
      '## Evaluation data',
      '## Training data',
      '## Quantitative analyses',
      '## Model examination',
      '## Source attributes (ONC HTI-1)',
      '## Ethical considerations',
      '## Caveats and limitations',
      '## Gaps',
    ]);
    expect(body).toContain(
      '- **sha256:** `77a79587e4e55e355baa009b3b5a5f24bc26fe7dda57d9c5dd523a740f98081f`',
    );
    expect(body).toContain('- **ONNX producer:** medml-fixtures-handwritten-onnx-helper');
    expect(body).toContain('- **Opsets:** (default domain) 15, `ai.onnx.ml` 3');
    expect(body).toContain('- **Inputs:** `float_input tensor(float) [N, 8]`');
    expect(body).toContain('- **Purpose:** Flag adult patients');
    const metrics = table(body, 'Result');
    expect(metrics[0]).toEqual({
      Result: '`auroc-test` AUROC on test',
      Metric: 'auroc',
      Dataset: 'test',
      Value: '0.822567',
      CI: '0.758780–0.881008',
      Bound: '≥ 0.99',
      Status: '❌ fail',
    });
    const datasets = table(body, 'Dataset');
    expect(datasets.map((d) => [d.Dataset, d.Role, d.Rows, d.sha256])).toEqual([
      ['test', 'test', '192', '`6670abb17a4b5a23c7fc21201de4eae362320909ff3f815748a68000f888aa86`'],
      ['shifted', 'current', '46', '`7f855f929df62f93e78b313c65ae1bc51e372b056ce2c94eed2e47cf97407daf`'],
    ]);
    expect(body).toContain('`drift/glucose` | `drift.feature` | ks_pvalue | 3.120e-5');
  });

  it('lists every gap instead of filling it', () => {
    const gaps = body
      .slice(body.indexOf('## Gaps'))
      .split('\n')
      .filter((l) => l.startsWith('- '));
    expect(gaps).toEqual([
      '- Model details › date: not provided in modelcard.yml',
      '- Model details › contact: not provided in modelcard.yml',
      '- Model details › ONNX producer version: not recorded in the model file',
      '- Evaluation data › description: not provided in modelcard.yml',
      '- Model examination: no model.importance result in the evidence (add a model.importance check)',
      '- Ethical considerations: not provided in modelcard.yml',
      '- Caveats: not provided in modelcard.yml',
      // No source_attributes in the file and no model.subgroups result in this evidence:
      '- Source attributes (HTI-1) › Process used to ensure fairness in development: describe the fairness process in modelcard.yml and add a model.subgroups check',
      '- Source attributes (HTI-1) › External validation process: not provided: describe external validation (data, who performed it, results) in modelcard.yml',
      '- Source attributes (HTI-1) › Ongoing maintenance of implementation and use: not provided: describe how performance is monitored in use',
      '- Source attributes (HTI-1) › Update and continued validation or fairness assessment schedule: not provided: state when the model is re-validated',
    ]);
    const ethical = body.slice(body.indexOf('## Ethical considerations'), body.indexOf('## Caveats'));
    expect(ethical.trim()).toBe('## Ethical considerations\n\nNot provided; see Gaps.');
    expect(body).toContain(
      '- Developed on one population \\| 768 women of Pima heritage<br>&lt;script&gt;alert("card")&lt;/script&gt;',
    );
    expect(card).not.toMatch(/<script/i);
  });

  it('reports every written section as a gap when there is no model card file', () => {
    const e = load();
    e.modelcard = null;
    e.inputs = e.inputs.filter((i) => i.kind !== 'modelcard');
    const bare = renderModelCard(e);
    for (const part of [
      'Model details › name',
      'Intended use › purpose',
      'Factors',
      'Training data › description',
      'Limitations',
    ]) {
      expect(bare).toContain(`- ${part}: not provided (the config names no model card file)`);
    }
    expect(bare).toContain('# Model card: pima_hgb_candidate\n');
    expect(bare).toContain('No model card file is in the evidence inputs');
    expect(parseYaml(bare.split(/^---$/m)[1] ?? '')).not.toHaveProperty('license');
  });
});

describe('renderReport', () => {
  const html = renderReport(load());

  it('is a standalone HTML5 page', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>Design-control report: pima-diabetes (fail)</title>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<style>');
  });

  it('escapes user HTML and loads nothing from elsewhere', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(
      'Input data conform to schema | ranges<br>&lt;script&gt;alert(&quot;REQ-004&quot;)&lt;/script&gt;',
    );
    expect(html).not.toMatch(/\b(?:src|href|srcset|action)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|<link|<img|<iframe/i);
    // The change URL is evidence, shown as text only.
    const urls = html.match(/https?:\/\/\S+/g) ?? [];
    expect(urls).toEqual(['https://github.com/example-health/pima-risk/pull/42)</li>']);
  });

  it('contains verdict, counts, results with metrics, traceability, inputs and run metadata', () => {
    const order = [
      '<h2>Verdict</h2>',
      '<strong>Change blocked</strong>',
      '<h2>Results</h2>',
      '<h3>❌ <code>auroc-test</code>: AUROC on test</h3>',
      '<h2>Traceability</h2>',
      '<td><strong>GAP</strong></td>',
      '<h2>Inputs</h2>',
      '<h2>Run</h2>',
    ];
    const at = order.map((s) => html.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(html).toContain('<td>❌ fail</td>\n<td>1</td>');
    expect(html).toContain(
      '<td>auroc</td>\n<td>0.822567</td>\n<td>0.758780–0.881008</td>\n<td>≥ 0.99</td>\n<td>no</td>',
    );
    expect(html).toContain(
      '<td><code>data/test.csv</code></td>\n<td><code>6670abb17a4b5a23c7fc21201de4eae362320909ff3f815748a68000f888aa86</code></td>',
    );
    expect(html).toContain('commit <code>3f9c2e1d8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d</code>');
  });
});

describe('sparse evidence', () => {
  it('renders every document without a model, git, change, model card or results', () => {
    const e = load();
    e.model = null;
    e.baseline_model = null;
    e.modelcard = null;
    e.datasets = [];
    e.hazards = [];
    e.checks = [];
    e.results = [];
    e.inputs = e.inputs.filter((i) => i.kind === 'config' || i.kind === 'requirements');
    e.run = { ...e.run, git: null, change: null, platform: 'local' };
    e.gate = {
      verdict: 'fail',
      reasons: [{ code: 'no_results', message: 'no check produced a result' }],
      policy: { fail_on: ['fail', 'error'], require_verified: false },
      counts: { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 },
    };
    const docs = renderAll(Evidence.parse(e));
    expect(docs['comment.md']).toContain('- `no_results`: no check produced a result');
    expect(docs['comment.md']).toContain('commit not recorded · model sha256 no model');
    expect(docs['comment.md']).not.toContain('<details>');
    expect(docs['model-card.md']).toContain('- Model details › model file: no model in the evidence');
    expect(docs['model-card.md']).toContain('- Metrics: no model.metric result in the evidence');
    expect(table(docs['traceability.md'], 'Requirement').every((r) => r.Status === '**GAP**')).toBe(true);
    expect(docs['report.html']).toContain('<li>Git: not recorded</li>');
  });
});

describe('formatting and escaping', () => {
  it('formats numbers with one rule', () => {
    expect(formatNumber(0.8225671641791045)).toBe('0.822567');
    expect(formatNumber(576)).toBe('576');
    expect(formatNumber(0.0000312)).toBe('3.120e-5');
    expect(formatNumber(null)).toBe('not computed');
    expect(formatNumber(-0.00001)).toBe('-1.000e-5');
    expect(formatNumber(0.99, 'bound')).toBe('0.99');
    expect(formatNumber(9.9999999, 'bound')).toBe('10');
    expect(formatComparison(0.8225671641791045, { op: '>=', value: 0.99 })).toBe('0.822567 < 0.99');
    expect(formatComparison(0.6999996, { op: '>=', value: 0.7 })).toBe('0.6999996 < 0.7');
    expect(formatComparison(0.7, { op: '>=', value: 0.7 })).toBe('0.700000 = 0.7');
  });

  it('escapes user text for Markdown', () => {
    expect(escapeMarkdown('a | b\n<script>x</script>', 'md')).toBe(
      'a \\| b<br>&lt;script&gt;x&lt;/script&gt;',
    );
    expect(escapeMarkdown('a\r\nb', 'html')).toBe('a\u2028b');
    expect(escapeMarkdown('![x](https://e.test/i.png)', 'md')).toBe('!\\[x\\](https://e.test/i.png)');
    expect(escapeMarkdown('# not a heading', 'md')).toBe('\\# not a heading');
    expect(escapeMarkdown('- item', 'md')).toBe('\\- item');
    expect(escapeMarkdown('1. item', 'md')).toBe('1\\. item');
    expect(escapeMarkdown('0.1.0 and snake_case _em_', 'md')).toBe('0.1.0 and snake_case \\_em\\_');
    expect(codeSpan('a`b|c', true)).toBe('``a`b\\|c``');
    expect(codeSpan('`x', false)).toBe('`` `x ``');
  });
});

describe('model card: ONC HTI-1 source attributes', () => {
  it('answers each of the nine categories from the card file or the evidence, and lists the rest as gaps', () => {
    const e = load();
    const withAttributes: Evidence = {
      ...e,
      modelcard: {
        ...(e.modelcard ?? {}),
        source_attributes: { external_validation: 'Validated at | site B by **an** independent team.' },
      },
    };
    const card = renderModelCard(withAttributes);
    const section = card.slice(
      card.indexOf('## Source attributes (ONC HTI-1)'),
      card.indexOf('## Ethical considerations'),
    );
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Category'));
    expect(rows).toHaveLength(9);
    expect(section).toContain(
      '| External validation process | Validated at \\| site B by \\*\\*an\\*\\* independent team. |',
    );
    expect(section).toContain('| Ongoing maintenance of implementation and use | **GAP**: not provided');
    expect(card).toContain(
      '- Source attributes (HTI-1) › Ongoing maintenance of implementation and use: not provided',
    );
    expect(card).not.toContain('Source attributes (HTI-1) › External validation process');
  });
});
