import { nearest } from '@regops/core';
import { parseAllDocuments, parseDocument } from 'yaml';
import dataCheck from '../../../gitlab-templates/templates/data-check.yml?raw';
import docs from '../../../gitlab-templates/templates/docs.yml?raw';
import drift from '../../../gitlab-templates/templates/drift.yml?raw';
import full from '../../../gitlab-templates/templates/full.yml?raw';
import gate from '../../../gitlab-templates/templates/gate.yml?raw';
import modelTest from '../../../gitlab-templates/templates/model-test.yml?raw';
import type { GitlabJobName } from './jobs';

/**
 * The CI/CD components' `spec:inputs`, and a check of the inputs an `include:` passes them, as GitLab checks
 * them when it creates a pipeline: unknown inputs, missing required ones, wrong types, values outside
 * `options` or not matching `regex`. GitLab stops the pipeline with its own message; `regops gitlab lint`
 * says the same before the push, with the input's description.
 */

export const COMPONENT_SOURCES: Record<GitlabJobName, string> = {
  full,
  'data-check': dataCheck,
  'model-test': modelTest,
  drift,
  docs,
  gate,
};

export type InputType = 'string' | 'boolean' | 'number' | 'array';

export interface InputSpec {
  type: InputType;
  description: string;
  /** undefined: required. */
  default?: unknown;
  options?: unknown[];
  regex?: string;
}

/** The `spec:inputs` of a component file (the first YAML document). */
export function componentInputs(source: string): Record<string, InputSpec> {
  const [header] = parseAllDocuments(source);
  const spec = (header?.toJS() as { spec?: { inputs?: Record<string, Record<string, unknown>> } } | undefined)
    ?.spec;
  const out: Record<string, InputSpec> = {};
  for (const [name, raw] of Object.entries(spec?.inputs ?? {})) {
    const r = raw ?? {};
    out[name] = {
      type: (r.type as InputType | undefined) ?? 'string',
      description: typeof r.description === 'string' ? r.description : '',
      ...('default' in r ? { default: r.default } : {}),
      ...(Array.isArray(r.options) ? { options: r.options } : {}),
      ...(typeof r.regex === 'string' ? { regex: r.regex } : {}),
    };
  }
  return out;
}

const typeOf = (v: unknown): InputType | 'null' | 'object' =>
  Array.isArray(v) ? 'array' : v === null ? 'null' : (typeof v as InputType | 'object');

const shown = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** Every problem of `inputs` passed to `component`, one line each; [] when GitLab would accept them. */
export function checkComponentInputs(
  component: string,
  spec: Record<string, InputSpec>,
  inputs: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  const names = Object.keys(spec);
  for (const [name, value] of Object.entries(inputs)) {
    const s = spec[name];
    if (!s) {
      const hint = nearest(name, names);
      problems.push(
        `${component}: unknown input ${name}${hint ? ` (did you mean ${hint}?)` : ''}; the inputs are ${names.join(', ')}`,
      );
      continue;
    }
    const t = typeOf(value);
    if (t !== s.type) {
      problems.push(
        `${component}: input ${name} must be a ${s.type}, got ${t === 'string' || t === 'number' || t === 'boolean' ? `the ${t} ${shown(value)}` : t}${s.type === 'boolean' && t === 'string' ? ' (write true or false without quotes)' : ''}`,
      );
      continue;
    }
    if (s.options && !s.options.some((o) => o === value)) {
      problems.push(
        `${component}: input ${name} must be one of ${s.options.map(shown).join(', ')}, got ${shown(value)}`,
      );
    }
    if (s.regex && !new RegExp(s.regex).test(String(value))) {
      problems.push(
        `${component}: input ${name} ${shown(value)} does not match ${s.regex}: ${s.description}`,
      );
    }
  }
  for (const [name, s] of Object.entries(spec)) {
    if (s.default === undefined && !(name in inputs)) {
      problems.push(`${component}: input ${name} is required: ${s.description}`);
    }
  }
  return problems;
}

/** `…/<name>@<version>` of a component address, when <name> is one of RegOps' components. */
export function regopsComponentName(address: string): GitlabJobName | null {
  const m = /\/([^/@]+)@[^@]+$/.exec(address.trim());
  const name = m?.[1];
  return name !== undefined && name in COMPONENT_SOURCES ? (name as GitlabJobName) : null;
}

/**
 * The problems of every RegOps component a .gitlab-ci.yml includes (include: component: …/<name>@<version>),
 * with the YAML's line numbers. A component that is not RegOps' is not checked.
 */
export function lintCiConfig(text: string, file = '.gitlab-ci.yml'): { checked: number; problems: string[] } {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    return { checked: 0, problems: doc.errors.map((e) => `${file}: ${e.message.split('\n')[0]}`) };
  }
  const root = doc.toJS() as { include?: unknown } | null;
  const raw = root?.include;
  const includes = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  let checked = 0;
  const problems: string[] = [];
  for (const [i, entry] of includes.entries()) {
    if (
      entry === null ||
      typeof entry !== 'object' ||
      typeof (entry as { component?: unknown }).component !== 'string'
    )
      continue;
    const { component, inputs } = entry as { component: string; inputs?: unknown };
    const name = regopsComponentName(component);
    if (name === null) continue;
    checked++;
    const given = inputs === undefined || inputs === null ? {} : inputs;
    if (typeof given !== 'object' || Array.isArray(given)) {
      problems.push(`${file}: include[${i}] (${name}): inputs must be a mapping of input names to values`);
      continue;
    }
    for (const p of checkComponentInputs(
      name,
      componentInputs(COMPONENT_SOURCES[name]),
      given as Record<string, unknown>,
    )) {
      problems.push(`${file}: include[${i}] ${p}`);
    }
  }
  return { checked, problems };
}
