import { type CheckResult, type Evidence, meets, type Status } from '@regops/core';
import { formatNumber, formatObserved } from './format';

/**
 * The check results as a JUnit XML report, for CI test widgets (GitLab's `artifacts:reports:junit`, and any
 * JUnit reader): one `<testcase>` per check result, `classname` = the check type, `name` = the result id and
 * title. A result whose status makes the gate fail (gate.policy.fail_on) is a `<failure>` (`<error>` for an
 * error), with every metric as observed against its bound; a skipped result is `<skipped>`; the rest pass,
 * a warning keeping its message in `<system-out>`. Test suites group the results by stage (the check type's
 * prefix: data, model, drift). Pure: the same evidence always gives the same bytes.
 */

/**
 * Text that is valid inside an XML 1.0 element or attribute: the five markup characters as entities, and the
 * characters XML 1.0 forbids (C0 controls other than tab/newline/carriage return, U+FFFE, U+FFFF, unpaired
 * surrogates) shown as a visible `\uXXXX` rather than dropped. In attributes, tab and line breaks become
 * character references, so attribute-value normalisation does not turn them into spaces.
 */
export function escapeXmlText(text: string, attribute = false): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] ?? '';
        out += text[i + 1] ?? '';
        i++;
      } else out += visible(c);
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      out += visible(c);
      continue;
    }
    switch (c) {
      case 0x26:
        out += '&amp;';
        continue;
      case 0x3c:
        out += '&lt;';
        continue;
      case 0x3e:
        out += '&gt;';
        continue;
      case 0x22:
        out += attribute ? '&quot;' : '"';
        continue;
      case 0x27:
        out += attribute ? '&apos;' : "'";
        continue;
      case 0x09:
        out += attribute ? '&#9;' : '\t';
        continue;
      case 0x0a:
        out += attribute ? '&#10;' : '\n';
        continue;
      case 0x0d:
        out += '&#13;';
        continue;
    }
    if (c < 0x20 || c === 0xfffe || c === 0xffff || (c >= 0x7f && c <= 0x84) || (c >= 0x86 && c <= 0x9f)) {
      // C0 controls are forbidden; C1 controls (but NEL) are allowed yet "discouraged": shown the same way.
      out += visible(c);
      continue;
    }
    out += text[i] ?? '';
  }
  return out;
}

const visible = (c: number) => `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;

const attr = (name: string, value: string | number) => ` ${name}="${escapeXmlText(String(value), true)}"`;

/** Seconds with millisecond precision, as JUnit's `time` attribute. */
const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

function stageOf(r: CheckResult): string {
  const prefix = r.check.split('.')[0] ?? '';
  return prefix === '' ? 'other' : prefix;
}

/** What the result's testcase is in JUnit terms, given the gate's fail_on policy. */
function outcomeOf(status: Status, failOn: readonly Status[]): 'pass' | 'failure' | 'error' | 'skipped' {
  if (status === 'error') return 'error';
  if (status === 'fail') return 'failure';
  if (status === 'skip') return failOn.includes('skip') ? 'failure' : 'skipped';
  if (status === 'warn') return failOn.includes('warn') ? 'failure' : 'pass';
  return 'pass';
}

/** The failure text: the message, then every metric as observed against its bound. */
function detailText(r: CheckResult): string {
  const lines = [r.message];
  for (const m of r.metrics) {
    const ci = m.ci ? ` [CI ${m.ci.map((x) => formatNumber(x)).join(', ')}]` : '';
    lines.push(`${m.name}: ${formatObserved(m)}${ci}`);
  }
  if (r.verifies.length > 0) lines.push(`verifies: ${r.verifies.join(', ')}`);
  if (r.controls.length > 0) lines.push(`risk controls: ${r.controls.join(', ')}`);
  return lines.join('\n');
}

/** The observed-vs-bound summary for the `message` attribute: the metrics that miss their bound, else the message. */
function failureMessage(r: CheckResult): string {
  const bounded = r.metrics.filter((m) => m.threshold !== undefined);
  const missed = bounded.filter((m) => m.value === null || (m.threshold && !meets(m.value, m.threshold)));
  const shown = missed.length > 0 ? missed : bounded;
  if (shown.length === 0) return r.message;
  return `${r.message} (${shown.map((m) => `${m.name}: ${formatObserved(m)}`).join('; ')})`;
}

export interface JunitOptions {
  /** Name of the `<testsuites>` element; default `RegOps: <project name>`. */
  name?: string;
}

export function renderJunit(e: Evidence, options: JunitOptions = {}): string {
  const failOn = e.gate.policy.fail_on;
  const stages: string[] = [];
  const byStage = new Map<string, CheckResult[]>();
  for (const r of e.results) {
    const s = stageOf(r);
    if (!byStage.has(s)) {
      byStage.set(s, []);
      stages.push(s);
    }
    byStage.get(s)?.push(r);
  }
  const count = (rs: readonly CheckResult[]) => {
    const c = { tests: rs.length, failures: 0, errors: 0, skipped: 0, ms: 0 };
    for (const r of rs) {
      const o = outcomeOf(r.status, failOn);
      if (o === 'failure') c.failures++;
      else if (o === 'error') c.errors++;
      else if (o === 'skipped') c.skipped++;
      c.ms += r.duration_ms ?? 0;
    }
    return c;
  };
  const total = count(e.results);
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    `<testsuites${attr('name', options.name ?? `RegOps: ${e.project.name}`)}${attr('tests', total.tests)}${attr('failures', total.failures)}${attr('errors', total.errors)}${attr('skipped', total.skipped)}${attr('time', seconds(total.ms))}${attr('timestamp', e.run.started_at)}>`,
  );
  for (const stage of stages) {
    const rs = byStage.get(stage) ?? [];
    const c = count(rs);
    lines.push(
      `  <testsuite${attr('name', stage)}${attr('tests', c.tests)}${attr('failures', c.failures)}${attr('errors', c.errors)}${attr('skipped', c.skipped)}${attr('time', seconds(c.ms))}${attr('timestamp', e.run.started_at)}>`,
    );
    lines.push('    <properties>');
    lines.push(`      <property${attr('name', 'regops.version')}${attr('value', e.tool.version)}/>`);
    lines.push(`      <property${attr('name', 'regops.gate')}${attr('value', e.gate.verdict)}/>`);
    if (e.run.git?.sha)
      lines.push(`      <property${attr('name', 'git.sha')}${attr('value', e.run.git.sha)}/>`);
    lines.push('    </properties>');
    for (const r of rs) {
      const name = r.title && r.title !== r.id ? `${r.id}: ${r.title}` : r.id;
      const open = `    <testcase${attr('classname', r.check)}${attr('name', name)}${attr('time', seconds(r.duration_ms ?? 0))}`;
      const o = outcomeOf(r.status, failOn);
      if (o === 'pass') {
        if (r.status === 'warn') {
          lines.push(`${open}>`);
          lines.push(`      <system-out>${escapeXmlText(`warning: ${detailText(r)}`)}</system-out>`);
          lines.push('    </testcase>');
        } else lines.push(`${open}/>`);
        continue;
      }
      lines.push(`${open}>`);
      if (o === 'skipped') {
        lines.push(`      <skipped${attr('message', r.message)}/>`);
      } else {
        const tag = o === 'error' ? 'error' : 'failure';
        lines.push(
          `      <${tag}${attr('message', failureMessage(r))}${attr('type', r.status === 'fail' || r.status === 'error' ? r.check : `${r.check} (${r.status})`)}>${escapeXmlText(detailText(r))}</${tag}>`,
        );
      }
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
