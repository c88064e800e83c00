import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CheckResult, Evidence } from '@regops/core';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { reportFigures } from '../src/figures';
import { formatNumber, renderComment, renderModelCard, renderReport } from '../src/index';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/evidence/pima-demo.json', import.meta.url));

const ATT = (g: number, m: number, a: number) => ({ glucose: g, mass: m, age: a });

function importanceResult(names = { glucose: 'glucose', mass: 'mass', age: 'age' }): CheckResult {
  const rename = (o: Record<string, number>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [names[k as keyof typeof names], v]));
  const ranking = [
    { rank: 1, feature: names.glucose, importance: 0.117217, low: 0.070541, high: 0.161907, sd: 0.03 },
    { rank: 2, feature: names.mass, importance: 0.074006, low: 0.039743, high: 0.111101, sd: 0.02 },
    { rank: 3, feature: names.age, importance: 0.000274, low: -0.010227, high: 0.01214, sd: 0.008 },
  ];
  return {
    id: 'importance',
    check: 'model.importance',
    title: 'What drives the model',
    verifies: [],
    controls: [],
    status: 'pass',
    metrics: [
      { name: 'auroc', value: 0.8225 },
      ...ranking.map((r) => ({
        name: `importance:${r.feature}`,
        value: r.importance,
        ci: [r.low, r.high] as [number, number],
      })),
      { name: 'n', value: 192 },
      { name: 'n_positive', value: 67 },
    ],
    details: {
      dataset: 'test',
      metric: 'auroc',
      method: 'permutation importance',
      repeats: 10,
      seed: 0,
      interval: { level: 0.95, kind: 'percentile', note: 'permutation variation only' },
      ranking,
      must_not_drive: { features: [names.age], top_k: 2, violations: [] },
      baseline_importance: [{ feature: names.glucose, mean: 0.1, ci: [0.05, 0.15] }],
      partial_dependence: [
        {
          feature: names.glucose,
          grid: [50, 100, 150, 200],
          mean: [0.1, 0.2, 0.45, 0.7],
          ice_p10: [0.02, 0.05, 0.2, 0.4],
          ice_p90: [0.3, 0.5, 0.7, 0.9],
          monotone: 'increasing',
        },
        { feature: names.mass, grid: [20, 30, 40], mean: [0.2, 0.3, 0.35], monotone: true },
      ],
      attributions: {
        method: 'exact Shapley',
        features: [names.glucose, names.mass, names.age],
        threshold: 0.3,
        false_negatives: [
          {
            row: 138,
            p: 0.01,
            value: -4,
            base: -1,
            attributions: rename(ATT(-1.94, 0.08, -0.34)),
            efficiency_gap: 0,
          },
        ],
        false_negatives_total: 14,
        flips: {
          count: 20,
          to_positive: 8,
          to_negative: 12,
          explained: [
            {
              row: 4,
              p_baseline: 0.47,
              p_candidate: 0.11,
              candidate: { value: -2, base: -1, attributions: rename(ATT(0.41, -0.12, -0.9)) },
            },
            {
              row: 13,
              p_baseline: 0.25,
              p_candidate: 0.33,
              candidate: { value: 1, base: -1, attributions: rename(ATT(0.57, 0.36, 0.001)) },
            },
          ],
        },
      },
    },
    message: 'AUROC 0.8225 on test',
  } as unknown as CheckResult;
}

function evidence(result: CheckResult | null): Evidence {
  const raw = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { results: unknown[] };
  if (result) raw.results.push(result);
  return Evidence.parse(raw);
}

function section(doc: string, head: string): string {
  const start = doc.indexOf(head);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = doc.indexOf('\n## ', start + head.length);
  return doc.slice(start, next < 0 ? undefined : next);
}

describe('model examination', () => {
  it('model card: importance table, verdict, PD, flips with attributions, after Quantitative analyses', () => {
    const card = renderModelCard(evidence(importanceResult()));
    expect(card.indexOf('## Model examination')).toBeGreaterThan(card.indexOf('## Quantitative analyses'));
    const s = section(card, '## Model examination');
    expect(s).toContain(
      `| 1 | \`glucose\` | ${formatNumber(0.117217)} | ${formatNumber(0.070541)} to ${formatNumber(0.161907)} | ${formatNumber(0.1)} (${formatNumber(0.05)} to ${formatNumber(0.15)}) |`,
    );
    expect(s).toContain(
      `| 3 | \`age\` | ${formatNumber(0.000274)} | ${formatNumber(-0.010227)} to ${formatNumber(0.01214)} | — |`,
    );
    expect(s).toContain('none of them drives the model');
    expect(s).toContain('- `glucose`: increasing (4 grid points)');
    expect(s).toContain('- `mass`: monotone (3 grid points)');
    expect(s).toContain('20 row(s) changed predicted class (8 to positive, 12 to negative)');
    expect(s).toContain(
      `| 4 | ${formatNumber(0.47)} | ${formatNumber(0.11)} | \`age\` −${formatNumber(0.9)}, \`glucose\` +${formatNumber(0.41)}, \`mass\` −${formatNumber(0.12)} |`,
    );
    expect(s).toContain('| 138 |');
    expect(card).not.toContain('Model examination: no model.importance result');
  });

  it('model card: a gap line without a model.importance result', () => {
    const card = renderModelCard(evidence(null));
    expect(section(card, '## Model examination')).toContain('No model.importance result in the evidence');
    expect(section(card, '## Gaps')).toContain('Model examination: no model.importance result');
  });

  it('comment: top features with intervals and the flips explained', () => {
    const c = renderComment(evidence(importanceResult()));
    expect(c).toContain('#### What drives the model');
    expect(c).toContain(
      `\`glucose\` ${formatNumber(0.117217, 'metric', 4)} (${formatNumber(0.070541, 'metric', 4)} to ${formatNumber(0.161907, 'metric', 4)})`,
    );
    expect(c).toContain('20 flip(s) between baseline and candidate, 2 explained');
    expect(c).toContain('- row 4: `age` −0.90, `glucose` +0.41, `mass` −0.12');
    expect(c).toContain('- row 13: `glucose` +0.57, `mass` +0.36, `age` 0.00');
    expect(renderComment(evidence(null))).not.toContain('What drives the model');
  });

  it('report: importance bars with whiskers and PD curves attached to the result', () => {
    const e = evidence(importanceResult());
    const figs = reportFigures(e).filter((f) => f.resultId === 'importance');
    expect(figs.map((f) => f.kind)).toEqual(['importance', 'pdp', 'pdp']);
    for (const f of figs) {
      expect(f.svg).toMatch(/^<svg [^>]*role="img"/);
      expect(f.svg).toContain('<title>');
    }
    expect(figs[0]?.svg).toContain('0.1172 (0.0705 to 0.1619)');
    expect(figs[0]?.svg).toContain('baseline 0.1000 (0.0500 to 0.1500)');
    expect(figs[1]?.svg).toContain('<polygon');
    expect(figs[2]?.svg).not.toContain('<polygon');
    const html = renderReport(e);
    expect(html).toContain('chart-importance');
    expect(html).toContain('chart-pdp');
  });

  it('escapes hostile feature names everywhere', () => {
    const names = { glucose: '<script>alert(1)</script>', mass: 'a|b`**x**', age: '"><img src=x onerror=y>' };
    const e = evidence(importanceResult(names));
    const html = renderReport(e);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    for (const f of reportFigures(e)) expect(f.svg).not.toMatch(/<script|<img/);
    const card = renderModelCard(e);
    const comment = renderComment(e);
    // Rendered as GitHub would (raw HTML allowed), the Markdown documents make no element of the names.
    const md = new MarkdownIt({ html: true });
    for (const doc of [card, comment]) {
      const out = md.render(doc);
      expect(out).not.toContain('<script>');
      expect(out).not.toContain('<img');
    }
    // The pipe inside a table cell does not split the row.
    const row = card.split('\n').find((l) => l.startsWith('| 2 |'));
    expect(row).toBeDefined();
    expect(row).toContain('a\\|b');
  });

  it('renders byte-identically', () => {
    const a = evidence(importanceResult());
    const b = evidence(importanceResult());
    expect(renderModelCard(a)).toBe(renderModelCard(b));
    expect(renderComment(a)).toBe(renderComment(b));
    expect(renderReport(a)).toBe(renderReport(b));
  });
});
