import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError, Evidence } from '@regops/core';
import MarkdownIt from 'markdown-it';
import { afterEach, describe, expect, it } from 'vitest';
import {
  calibrationChart,
  distributionChart,
  escapeXml,
  intervalChart,
  niceAxis,
  rocChart,
} from '../src/charts';
import { reportFigures } from '../src/figures';
import {
  builtinTemplateSources,
  HELPER_NAMES,
  loadTemplates,
  renderAll,
  renderPdf,
  renderReport,
  renderTraceability,
} from '../src/index';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/evidence/pima-demo.json', import.meta.url));

function load(): Evidence {
  return Evidence.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
}

const IMG = '<img src=x onerror=alert(1)>';
const TITLE = `**bold** | pipe | ${IMG}`;

/** Every string and key of a JSON value with `from` replaced. */
function replaceDeep(v: unknown, from: string, to: string): unknown {
  if (typeof v === 'string') return v.replaceAll(from, to);
  if (Array.isArray(v)) return v.map((x) => replaceDeep(x, from, to));
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k.replaceAll(from, to), replaceDeep(x, from, to)]),
    );
  return v;
}

/**
 * The Pima evidence with hostile user text: the column `pregnant` renamed to an HTML image tag everywhere
 * (profiles, datasets, drift results and their charts), an age group and the first requirement and hazard
 * titled with Markdown emphasis, table pipes and the same tag.
 */
function hostile(): Evidence {
  let raw = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  raw = replaceDeep(raw, 'pregnant', IMG) as Record<string, unknown>;
  raw = replaceDeep(raw, '[21, 40)', TITLE) as Record<string, unknown>;
  const e = Evidence.parse(raw);
  const req = e.requirements[0];
  const haz = e.hazards[0];
  if (!req || !haz) throw new Error('fixture has no requirement or hazard');
  req.title = TITLE;
  haz.title = TITLE;
  return e;
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

/** Every GFM table of a Markdown document: its header width and each body row's cell count. */
function tables(doc: string): { header: string; width: number; rows: { row: string; cells: number }[] }[] {
  const lines = doc.split('\n');
  const out: ReturnType<typeof tables> = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = lines[i] ?? '';
    if (!header.startsWith('|') || !/^\|(?:\s*:?-+:?\s*\|)+$/.test(lines[i + 1] ?? '')) continue;
    const t = { header, width: cells(header).length, rows: [] as { row: string; cells: number }[] };
    for (let j = i + 2; j < lines.length && lines[j]?.startsWith('|'); j++) {
      const row = lines[j] ?? '';
      t.rows.push({ row, cells: cells(row).length });
    }
    out.push(t);
  }
  return out;
}

describe('report figures', () => {
  const e = load();
  const html = renderReport(e);

  it('draws nine charts for the Pima run, each under its result', () => {
    const figures = reportFigures(e);
    expect(figures.map((f) => [f.kind, f.resultId])).toEqual([
      ['roc', 'auroc'],
      ['calibration', 'calibration'],
      ['compare', 'vs-baseline'],
      ['compare', 'sensitivity-vs-baseline'],
      ['subgroups', 'age-groups'],
      ['drift', 'drift-shifted/pregnant'],
      ['drift', 'drift-shifted/pressure'],
      ['drift', 'drift-shifted/insulin'],
      ['drift', 'drift-shifted/age'],
    ]);
    expect(html.match(/<svg /g)).toHaveLength(9);
    expect(html.match(/<figure class="chart /g)).toHaveLength(9);
    expect(html.match(/<figcaption>/g)).toHaveLength(9);
    // Each figure follows its result's heading and comes before the next result.
    for (const f of figures) {
      const heading = html.indexOf(`<code>${f.resultId}</code>:`);
      const svg = html.indexOf(f.svg);
      expect(heading, f.resultId).toBeGreaterThan(0);
      expect(svg, f.resultId).toBeGreaterThan(heading);
      expect(html.slice(heading + 1, svg), f.resultId).not.toContain('<h3>');
    }
    // The operating point of the sensitivity check is marked on the ROC curve.
    expect(figures[0]?.caption).toContain('threshold 0.3 (sensitivity 0.791045, specificity 0.728000)');
    expect(figures[0]?.svg).toContain('>threshold 0.3</text>');
    // Bounds drawn in the subgroup plot and the comparison.
    expect(figures[4]?.svg).toContain('bound ≥ 0.65');
    expect(figures[2]?.svg).toContain('bound ≥ -0.05 (lower CI end)');
  });

  it('gives every chart a size, a viewBox, role="img" and a title, and nothing outside itself', () => {
    for (const svg of html.match(/<svg [^>]*>\n<title>[^<]+<\/title>/g) ?? []) {
      expect(svg).toMatch(/ width="\d+" height="\d+" viewBox="0 0 \d+ \d+" role="img"/);
    }
    expect(html.match(/<svg [^>]*>\n<title>[^<]+<\/title>/g)).toHaveLength(9);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|<foreignObject|<use\b|<image\b/i);
    expect(html).not.toMatch(/\b(?:src|href|xlink:href|srcset|action)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
    expect(html).not.toContain('\u2028');
  });

  it('is byte-identical when rendered twice and after a JSON round trip', () => {
    const again = renderReport(load());
    expect(again).toBe(html);
    expect(renderReport(Evidence.parse(JSON.parse(JSON.stringify(e))))).toBe(html);
    const all = renderAll(e);
    expect(renderAll(load())).toEqual(all);
    expect(all['report.html']).toBe(html);
  });

  it('prints: figures do not break across pages', () => {
    expect(html).toContain('@media print');
    expect(html).toMatch(/figure\.chart \{[^}]*break-inside: avoid/);
  });

  it('renders without figures when the evidence has no chart data', () => {
    const bare = load();
    for (const r of bare.results) delete r.details;
    const out = renderReport(Evidence.parse(bare));
    expect(out).not.toContain('<svg');
    expect(out).not.toContain('regops-figure');
  });
});

describe('hostile user text', () => {
  const e = hostile();
  const docs = renderAll(e);

  it('stays inert in every document', () => {
    // Markdown as a renderer that lets raw HTML through would show it (GitHub's sanitizer is stricter).
    const permissive = new MarkdownIt({ html: true });
    for (const [name, doc] of Object.entries(docs)) {
      // Data formats carry the text as data: CSV (RFC 4180 quoted) and JSON (the SBOM) are never rendered as
      // HTML; the CSV's own test checks the quoting and the formula guard.
      if (name.endsWith('.csv') || name.endsWith('.json')) {
        expect(doc, name).not.toContain('<strong>bold</strong>');
        continue;
      }
      const html = name.endsWith('.md') ? permissive.render(doc) : doc;
      expect(html, name).not.toMatch(/<img/i);
      expect(html, name).not.toMatch(/<[^>]*onerror/i);
      expect(html, name).not.toContain('<strong>bold</strong>');
      // The SOUP list shows dependencies only, where the hostile text does not occur.
      if (name !== 'soup.md') expect(html, name).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
    const html = docs['report.html'];
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<strong>bold</strong>');
    expect(html).not.toContain('<em>bold</em>');
  });

  it('keeps Markdown tables whole', () => {
    for (const [name, doc] of Object.entries(docs)) {
      if (!name.endsWith('.md')) continue;
      for (const t of tables(doc)) {
        for (const r of t.rows) expect(r.cells, `${name}: ${r.row}`).toBe(t.width);
      }
    }
    const trace = renderTraceability(e);
    expect(trace).toContain('\\*\\*bold\\*\\* \\| pipe \\| &lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps HTML table cells whole and shows the text as written', () => {
    const html = docs['report.html'];
    expect(html).toContain('<td>**bold** | pipe | &lt;img src=x onerror=alert(1)&gt;</td>');
    for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
      const head = (table.match(/<thead>[\s\S]*?<\/thead>/)?.[0].match(/<th[ >]/g) ?? []).length;
      for (const row of table.match(/<tbody>[\s\S]*?<\/tbody>/)?.[0].match(/<tr>[\s\S]*?<\/tr>/g) ?? []) {
        expect((row.match(/<td[ >]/g) ?? []).length, row).toBe(head);
      }
    }
  });

  it('escapes labels inside the charts', () => {
    const figures = reportFigures(e);
    const drift = figures.find((f) => f.resultId.endsWith(IMG));
    expect(drift?.svg).toContain('&lt;img src=x onerror=alert(1)&gt;: shifted against train');
    const groups = figures.find((f) => f.kind === 'subgroups');
    expect(groups?.svg).toContain('**bold** | pipe | &lt;img');
    for (const f of figures) expect(f.svg).not.toMatch(/<img/);
    expect(renderReport(e)).toBe(docs['report.html']);
  });
});

describe('charts', () => {
  it('escapes &, <, >, quotes and line separators', () => {
    expect(escapeXml(`a&b<c>d"e'f\u2028g`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f&#8232;g');
  });

  it('chooses round axis ticks with fixed decimals', () => {
    expect(niceAxis(0.577, 1)).toMatchObject({
      min: 0.5,
      max: 1,
      ticks: [0.5, 0.6, 0.7, 0.8, 0.9, 1],
      decimals: 1,
    });
    expect(niceAxis(-0.0322, 0.0279)).toMatchObject({ ticks: [-0.04, -0.02, 0, 0.02, 0.04], decimals: 2 });
    expect(niceAxis(0, 0.37, 4)).toMatchObject({ ticks: [0, 0.1, 0.2, 0.3, 0.4], decimals: 1 });
    expect(niceAxis(3, 3).ticks.length).toBeGreaterThan(1);
  });

  it('writes numbers with fixed decimals and never -0', () => {
    const svg = rocChart({ title: 't', fpr: [0, 1 / 3, 1], tpr: [0, 2 / 3, 1], curveLabel: 'AUROC 0.667' });
    expect(svg).toMatch(/<polyline points="[\d., ]+"/);
    expect(svg).not.toMatch(/="[^"]*\d\.\d{3,}/);
    expect(svg).not.toContain('-0 ');
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('escapes every label and skips values it cannot draw', () => {
    const svgs = [
      rocChart({
        title: IMG,
        fpr: [0, Number.NaN, 1],
        tpr: [0, 0.5, 1],
        curveLabel: IMG,
        points: [{ fpr: 0.2, tpr: 0.6, label: IMG }],
      }),
      calibrationChart({
        title: IMG,
        bins: [
          { lower: 0, upper: 0.5, count: 3, meanPredicted: 0.2, observed: null },
          { lower: 0.5, upper: 1, count: 0, meanPredicted: null, observed: null },
        ],
      }),
      distributionChart({
        title: IMG,
        data: {
          kind: 'categories',
          categories: [IMG, `a"b'c&d`],
          reference: [3, 1],
          current: [0, 2],
          other: [1, 0],
        },
        referenceLabel: IMG,
        currentLabel: IMG,
        xLabel: IMG,
      }),
      intervalChart({
        title: IMG,
        sections: [
          {
            label: IMG,
            rows: [
              { label: IMG, value: 0.5, ci: [0.4, 0.6] },
              { label: 'small', value: null, ci: null, note: IMG },
            ],
            bounds: [{ op: '>=', value: 0.45 }],
          },
        ],
        xLabel: IMG,
      }),
    ];
    for (const svg of svgs) {
      expect(svg).not.toContain('<img');
      expect(svg).toContain('&lt;img');
      expect(svg).not.toMatch(/NaN|Infinity|undefined|null/);
      expect(svg.startsWith('<svg class="chart-svg')).toBe(true);
      expect(svg.endsWith('</svg>')).toBe(true);
    }
    expect(svgs[2]).toContain('a&quot;b&#39;c&amp;d');
    expect(svgs[2]).toContain('>(other)</text>');
  });
});

describe('template overrides', () => {
  const dirs: string[] = [];
  function dir(files: Record<string, string>): string {
    const d = mkdtempSync(path.join(tmpdir(), 'regops-templates-'));
    dirs.push(d);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(d, name), text);
    return d;
  }
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function configurationError(fn: () => unknown): ConfigurationError {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigurationError);
      return err as ConfigurationError;
    }
    throw new Error('expected a ConfigurationError');
  }

  it('renders byte-identical documents from a copy of the built-in templates', () => {
    const e = load();
    const t = loadTemplates(dir(builtinTemplateSources()));
    expect(renderAll(e, { templates: t })).toEqual(renderAll(e));
  });

  it('replaces documents and partials and adds new partials', () => {
    const e = load();
    const d = dir({
      'report.md.hbs':
        '# Report for {{text project.name}}\n\n{{> footer}}\n\n{{#each results}}{{#each figures}}\n{{figure this}}\n\n{{/each}}{{/each}}',
      'footer.md.hbs': 'Prepared by {{text tool.name}} {{text tool.version}}.',
      'trace-matrix.md.hbs': '{{#each trace}}- {{text requirement.id}}\n{{/each}}',
      'notes.txt': 'not a template',
    });
    const t = loadTemplates(d);
    const html = renderReport(e, { templates: t });
    expect(html).toContain(`<h1>Report for ${e.project.name}</h1>`);
    expect(html).toContain(`<p>Prepared by regops ${e.tool.version}.</p>`);
    expect(html.match(/<svg /g)).toHaveLength(9);
    const trace = renderTraceability(e, { templates: t });
    expect(trace).toContain('- REQ-001\n');
    expect(trace).not.toContain('| Requirement |');
    // The built-in templates are untouched.
    expect(renderReport(e)).not.toContain('Report for');
  });

  it('escapes user text in user templates too', () => {
    const e = hostile();
    const t = loadTemplates(
      dir({
        'report.md.hbs': '{{#each trace}}\n- {{text requirement.title}} / {{requirement.title}}\n{{/each}}',
      }),
    );
    const html = renderReport(e, { templates: t });
    expect(html).not.toMatch(/<img|<strong>bold/);
    expect(html).toContain('<li>**bold** | pipe | &lt;img src=x onerror=alert(1)&gt; / ');
  });

  it('gives no access to prototypes', () => {
    // In the HTML page template, prototype properties resolve to nothing.
    const page = loadTemplates(
      dir({
        'report.html.hbs':
          '[{{constructor}}][{{lookup this "constructor"}}][{{__proto__}}][{{#if constructor}}{{constructor.name}}{{else}}none{{/if}}][{{__defineGetter__}}]{{{body}}}',
      }),
    );
    expect(renderReport(load(), { templates: page }).startsWith('[][][][none][]<h1>')).toBe(true);
    // In Markdown templates, where every value must exist, they are names missing from the data.
    for (const expr of [
      '{{constructor}}',
      '{{project.constructor}}',
      '{{lookup project "constructor"}}',
      '{{text __proto__}}',
    ]) {
      const t = loadTemplates(dir({ 'report.md.hbs': `# Report\n${expr}\n` }));
      expect(configurationError(() => renderReport(load(), { templates: t })).message, expr).toMatch(
        /report\.md\.hbs:2:\d+: .*not defined/,
      );
    }
  });

  it('escapes bare values in user Markdown templates for Markdown', () => {
    const e = hostile();
    const t = loadTemplates(
      dir({
        'traceability.md.hbs':
          '| A | B |\n|---|---|\n{{#each trace}}\n| {{requirement.title}} | {{lookup requirement "title"}} |\n{{/each}}\n',
      }),
    );
    const md = renderTraceability(e, { templates: t });
    expect(md).toContain(
      '| \\*\\*bold\\*\\* \\| pipe \\| &lt;img src=x onerror=alert(1)&gt; | \\*\\*bold\\*\\* \\| pipe',
    );
    for (const r of tables(md)[0]?.rows ?? []) expect(r.cells).toBe(2);
    const missing = loadTemplates(dir({ 'comment.md.hbs': 'a\n\nb {{project.nmae}}\n' }));
    expect(configurationError(() => renderAll(e, { templates: missing })).message).toMatch(
      /comment\.md\.hbs:3:3: "project\.nmae" is not defined here \(templates are strict: every name must exist\)$/,
    );
  });

  it('names the file and line of a syntax error', () => {
    const d = dir({ 'report.md.hbs': '# Report\n\n{{#if project.name}}\nunclosed\n' });
    const err = configurationError(() => loadTemplates(d));
    expect(err.message).toMatch(new RegExp(`^${escapeRe(path.join(d, 'report.md.hbs'))}:\\d+: syntax error`));
    expect(err.exitCode).toBe(2);
    const mismatch = dir({ 'comment.md.hbs': 'a\n{{#if x}}\n{{/each}}\n' });
    expect(configurationError(() => loadTemplates(mismatch)).message).toBe(
      `${path.join(mismatch, 'comment.md.hbs')}:2:4: if doesn't match each`,
    );
  });

  it('names the file and line of an unknown helper', () => {
    const d = dir({ 'footer.md.hbs': 'line one\nline two {{shout project.name}}\n' });
    const err = configurationError(() => loadTemplates(d));
    expect(err.message).toMatch(
      new RegExp(`^${escapeRe(path.join(d, 'footer.md.hbs'))}:2:10: unknown helper "shout" \\(known: `),
    );
    for (const h of HELPER_NAMES) expect(err.message).toContain(h);
    expect(err.exitCode).toBe(2);
  });

  it('refuses unescaped output in Markdown templates', () => {
    const d = dir({ 'comment.md.hbs': '# Comment\n\nx {{{project.name}}}\n' });
    expect(configurationError(() => loadTemplates(d)).message).toBe(
      `${path.join(d, 'comment.md.hbs')}:3:3: unescaped output ({{{…}}} or {{&…}}) is not allowed in a Markdown template: use {{text …}}`,
    );
  });

  it('names the file and line of an unknown partial', () => {
    const d = dir({ 'report.md.hbs': '# Report\n{{> nowhere}}\n' });
    expect(configurationError(() => loadTemplates(d)).message).toMatch(
      new RegExp(`^${escapeRe(path.join(d, 'report.md.hbs'))}:2:1: unknown partial "nowhere" \\(available: `),
    );
  });

  it('names the file and line of a name missing from the data, at render time', () => {
    const d = dir({
      'report.md.hbs': '# Report\n\n{{> extra}}\n',
      'extra.md.hbs': 'fine\n\n{{#each results}}{{no_such_field}}{{/each}}\n',
    });
    const t = loadTemplates(d);
    const err = configurationError(() => renderReport(load(), { templates: t }));
    expect(err.message).toBe(
      `${path.join(d, 'extra.md.hbs')}:3:18: "no_such_field" is not defined here (templates are strict: every name must exist)`,
    );
  });

  it('names the file and line of a helper argument missing from the data', () => {
    const typo = dir({
      'report.md.hbs': '# Report\n\n{{#each trace}}\n- {{text requirement.titel}}\n{{/each}}\n',
    });
    expect(configurationError(() => renderReport(load(), { templates: loadTemplates(typo) })).message).toBe(
      `${path.join(typo, 'report.md.hbs')}:4:3: text: argument 1 is not defined here (a name missing from the data?)`,
    );
    const each = dir({ 'traceability.md.hbs': '{{#each requirements}}\n{{/each}}\n' });
    expect(
      configurationError(() => renderTraceability(load(), { templates: loadTemplates(each) })).message,
    ).toBe(
      `${path.join(each, 'traceability.md.hbs')}:1:1: each: argument 1 is not defined here (a name missing from the data?)`,
    );
  });

  it('reports a missing directory and two files for one partial', () => {
    const missing = path.join(tmpdir(), 'regops-no-such-templates-dir');
    expect(configurationError(() => loadTemplates(missing)).message).toBe(
      `${missing}: cannot read the templates directory (it does not exist)`,
    );
    const d = dir({ 'footer.md.hbs': 'a', 'footer.html.hbs': 'b' });
    expect(configurationError(() => loadTemplates(d)).message).toContain(
      'partial "footer" is also defined by',
    );
  });
});

describe('renderPdf', () => {
  it('writes nothing and says why without a Chromium', async () => {
    const out = path.join(tmpdir(), 'regops-never-written.pdf');
    await expect(
      renderPdf('<!DOCTYPE html>', out, { executablePath: '/nonexistent/chromium' }),
    ).resolves.toEqual({
      written: false,
      reason: 'no Chromium found (looked for /nonexistent/chromium)',
    });
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
