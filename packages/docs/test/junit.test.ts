import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CheckResult, Evidence } from '@regops/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXmlText, renderJunit } from '../src/index';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/evidence/pima-demo.json', import.meta.url));
const load = (): Evidence => Evidence.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));

/** Whether the text has a character XML 1.0 does not allow anywhere in a document. */
function hasForbidden(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
    if (c === 0xfffe || c === 0xffff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

interface Case {
  classname: string;
  name: string;
  time: string;
  failure?: { '#text'?: string; message: string; type: string };
  error?: { '#text'?: string; message: string; type: string };
  skipped?: { message: string };
  'system-out'?: string;
}

function parse(xml: string): { suites: Record<string, unknown>; cases: Case[] } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`invalid XML: ${JSON.stringify(valid.err)}`);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  }).parse(xml);
  const suites = doc.testsuites as Record<string, unknown> & { testsuite: { testcase?: Case[] }[] };
  return { suites, cases: suites.testsuite.flatMap((s) => s.testcase ?? []) };
}

function result(over: Partial<CheckResult>): CheckResult {
  return {
    id: 'x',
    check: 'model.metric',
    title: 'X',
    status: 'pass',
    verifies: [],
    controls: [],
    metrics: [],
    message: 'ok',
    ...over,
  };
}

describe('renderJunit', () => {
  it('has one testcase per check result, classname = check type, and counts that add up', () => {
    const e = load();
    const xml = renderJunit(e);
    const { suites, cases } = parse(xml);
    expect(cases).toHaveLength(e.results.length);
    expect(cases.map((c) => c.classname)).toEqual(e.results.map((r) => r.check));
    for (const [i, r] of e.results.entries()) expect(cases[i]?.name.startsWith(r.id)).toBe(true);
    expect(suites.tests).toBe(String(e.results.length));
    expect(suites.failures).toBe('0');
    // The demo's warnings pass (gate.fail_on is fail, error) and keep their message.
    const warned = e.results.filter((r) => r.status === 'warn').length;
    expect(warned).toBeGreaterThan(0);
    expect(cases.filter((c) => c['system-out']?.startsWith('warning: '))).toHaveLength(warned);
    // Suites by stage, in order of first appearance.
    expect((suites.testsuite as { name: string }[]).map((s) => s.name)).toEqual(['data', 'model', 'drift']);
  });

  it('is deterministic: the same evidence gives the same bytes', () => {
    expect(renderJunit(load())).toBe(renderJunit(load()));
  });

  it('reports a failure with observed vs bound, errors, skips, and warnings the gate fails on', () => {
    const e = load();
    e.gate.policy.fail_on = ['fail', 'error', 'warn'];
    e.results = [
      result({
        id: 'auroc',
        title: 'Discrimination',
        status: 'fail',
        message: 'auroc 0.6 is below 0.75',
        metrics: [
          { name: 'auroc', value: 0.6, ci: [0.55, 0.65], threshold: { op: '>=', value: 0.75 } },
          { name: 'n', value: 192 },
        ],
        verifies: ['REQ-001'],
      }),
      result({ id: 'phi', check: 'data.phi', status: 'error', message: 'could not read data/x.csv' }),
      result({ id: 'cases', check: 'model.cases', status: 'skip', message: 'no cases file' }),
      result({ id: 'drift', check: 'drift.feature', status: 'warn', message: 'glucose drifted' }),
      result({ id: 'ok', check: 'data.size', status: 'pass' }),
    ];
    const { suites, cases } = parse(renderJunit(e));
    expect(suites).toMatchObject({ tests: '5', failures: '2', errors: '1', skipped: '1' });
    const byId = (id: string) => cases.find((c) => c.name.split(':')[0] === id);
    const [fail, error, skip, warn, pass] = ['auroc', 'phi', 'cases', 'drift', 'ok'].map(byId);
    expect(fail?.failure?.type).toBe('model.metric');
    expect(fail?.failure?.message).toBe('auroc 0.6 is below 0.75 (auroc: 0.600000 < 0.75 (bound ≥ 0.75))');
    expect(fail?.failure?.['#text']).toContain(
      'auroc: 0.600000 < 0.75 (bound ≥ 0.75) [CI 0.550000, 0.650000]',
    );
    expect(fail?.failure?.['#text']).toContain('n: 192');
    expect(fail?.failure?.['#text']).toContain('verifies: REQ-001');
    expect(error?.error).toMatchObject({ type: 'data.phi', message: 'could not read data/x.csv' });
    expect(skip?.skipped?.message).toBe('no cases file');
    expect(warn?.failure?.type).toBe('drift.feature (warn)');
    expect(pass?.failure).toBeUndefined();
  });

  it('escapes markup and makes control characters visible, in attributes and text', () => {
    const e = load();
    const nasty = `a<b>&"c'\u0001\u001b\u000b\uFFFE\uD800x\u{1F600}\ttab\nline\r`;
    e.project.name = nasty;
    e.results = [result({ id: 'r', title: nasty, status: 'fail', message: nasty })];
    const xml = renderJunit(e);
    expect(hasForbidden(xml)).toBe(false);
    const { suites, cases } = parse(xml);
    const shown = 'a<b>&"c\'\\u0001\\u001B\\u000B\\uFFFE\\uD800x\u{1F600}\ttab\nline\r';
    expect(suites.name).toBe(`RegOps: ${shown}`);
    expect(cases[0]?.name).toBe(`r: ${shown}`);
    expect(cases[0]?.failure?.message).toBe(shown);
    expect(cases[0]?.failure?.['#text']?.startsWith(shown)).toBe(true);
  });

  it('escapeXmlText leaves ordinary text alone', () => {
    expect(escapeXmlText('µU/mL ≥ 0.75 – ok')).toBe('µU/mL ≥ 0.75 – ok');
    expect(escapeXmlText('"q"', true)).toBe('&quot;q&quot;');
    expect(escapeXmlText('"q"')).toBe('"q"');
  });
});
