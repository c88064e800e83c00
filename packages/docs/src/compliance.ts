import type { CheckResult, DeclaredCheck, Evidence, Requirement, RiskControl, Status } from '@regops/core';
import { normalizePypiName } from '@regops/core';
import { codeSpan, escapeMarkdown, shortSha, type Target, tidyMarkdown } from './format';
import { declaredCheckFor, STATUS_ICON } from './view';

/**
 * The compliance report: the evidence of one run mapped, item by item, to IEC 62304, ISO 14971, the FDA /
 * Health Canada / MHRA Good Machine Learning Practice principles, the predetermined change control plan and
 * Annex IV of the EU AI Act. The mapping is data (COMPLIANCE_CATALOGUE): each item names the clause, what
 * RegOps evidence bears on it and a function of the evidence that returns present, partial, missing or not
 * applicable with a one-line reason and links into the evidence. What the evidence cannot show is a gap,
 * never filled with boilerplate; a gap is a finding for the design history file, not a failure: only the
 * gate policy blocks a change. Everything comes from the evidence (no clock, no files, no environment), so
 * the same evidence always gives the same bytes.
 */

/* ------------------------------------------------------------------ types */

export type ComplianceStatus = 'present' | 'partial' | 'missing' | 'not_applicable';
export const COMPLIANCE_STATUSES: readonly ComplianceStatus[] = [
  'present',
  'partial',
  'missing',
  'not_applicable',
];

export type FrameworkId = 'iec62304' | 'iso14971' | 'gmlp' | 'pccp' | 'euaiact';
export type SafetyClass = 'A' | 'B' | 'C';

export interface Framework {
  id: FrameworkId;
  name: string;
  /** Edition or source the items follow. */
  source: string;
  /** What the section covers and what it cannot, in one paragraph. */
  scope: string;
}

export const FRAMEWORKS: readonly Framework[] = [
  {
    id: 'iec62304',
    name: 'IEC 62304',
    source: 'IEC 62304:2006+AMD1:2015, Medical device software: software life cycle processes',
    scope:
      'Clauses the evidence bears on, each with the software safety classes that require it (Table A.1). A clause not required for the declared class is not applicable. The model is treated as a software item of the software system; processes outside the run (the quality management system, architecture, integration into the device) are listed as gaps where the class requires them.',
  },
  {
    id: 'iso14971',
    name: 'ISO 14971',
    source: 'ISO 14971:2019, Medical devices: application of risk management to medical devices',
    scope:
      'Risk analysis from the risk file, and per risk control the verification of its implementation (a check names the control) and of its effectiveness (the results that name it pass). RegOps cannot judge whether a residual risk is acceptable.',
  },
  {
    id: 'gmlp',
    name: 'FDA GMLP',
    source:
      'Good Machine Learning Practice for Medical Device Development: Guiding Principles (FDA, Health Canada, MHRA, October 2021)',
    scope: 'Each of the ten guiding principles, mapped to what the evidence of one run can show.',
  },
  {
    id: 'pccp',
    name: 'PCCP',
    source: 'Predetermined change control plan, judged by RegOps against the change (pccp.yml)',
    scope: 'The verdict of the plan and every rule of it, as evaluated in this run.',
  },
  {
    id: 'euaiact',
    name: 'EU AI Act Annex IV',
    source:
      'Regulation (EU) 2024/1689, Annex IV: technical documentation of a high-risk AI system (Article 11(1))',
    scope:
      'The nine points of the technical documentation. Several are declarations or systems of the provider that a verification run cannot hold; they stay gaps here.',
  },
];

/**
 * A piece of Markdown built from trusted literals (`lit`), user text (`text`, escaped for its context) and
 * identifiers or paths (`code`, a code span). Escaping happens at render time, when the context (table
 * cell or list item) is known.
 */
type Part = { t: 'lit'; s: string } | { t: 'text'; s: string } | { t: 'code'; s: string };
export type Phrase = readonly Part[];
type Piece = string | number | Phrase | Part;

const isPart = (v: unknown): v is Part =>
  typeof v === 'object' && v !== null && 't' in v && !Array.isArray(v);

/** Tagged template: literal parts are trusted Markdown, interpolated strings and numbers are user text. */
function p(strings: TemplateStringsArray, ...values: Piece[]): Phrase {
  const out: Part[] = [];
  strings.forEach((s, i) => {
    if (s !== '') out.push({ t: 'lit', s });
    if (i >= values.length) return;
    const v = values[i] as Piece;
    if (typeof v === 'string') out.push({ t: 'text', s: v });
    else if (typeof v === 'number') out.push({ t: 'lit', s: String(v) });
    else if (isPart(v)) out.push(v);
    else out.push(...v);
  });
  return out;
}

const code = (s: string): Part => ({ t: 'code', s });
const lit = (s: string): Phrase => [{ t: 'lit', s }];
/** Catalogue text: written by us, but escaped like user text (it names fields such as `checks[].controls`). */
const plain = (s: string): Phrase => [{ t: 'text', s }];

/** Phrases joined with a literal separator. */
function join(items: readonly Phrase[], sep = ', '): Phrase {
  const out: Part[] = [];
  items.forEach((x, i) => {
    if (i > 0) out.push({ t: 'lit', s: sep });
    out.push(...x);
  });
  return out;
}

/** `REQ-001`, `REQ-002` and 3 more. */
function codes(ids: readonly string[], max = 6): Phrase {
  const shown = join(ids.slice(0, max).map((id) => [code(id)]));
  return ids.length > max ? p`${shown} and ${ids.length - max} more` : shown;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function renderPhrase(x: Phrase, inTable: boolean, target: Target): string {
  return x
    .map((part) =>
      part.t === 'lit'
        ? part.s
        : part.t === 'text'
          ? escapeMarkdown(part.s, target)
          : codeSpan(part.s, inTable),
    )
    .join('');
}

export type EvidenceLink =
  | { kind: 'file'; path: string; sha256: string }
  | { kind: 'result'; id: string; status: Status }
  | { kind: 'requirement' | 'control' | 'hazard' | 'check' | 'pccp' | 'commit'; id: string }
  | { kind: 'change'; number: number; url: string | null };

export interface Assessment {
  status: ComplianceStatus;
  reason: Phrase;
  links: EvidenceLink[];
  /** For items assessed once per subject (risk control, PCCP rule): replaces the catalogue's title. */
  title?: Phrase;
  /** Replaces the catalogue's clause (PCCP rules are named by the plan). */
  clause?: Phrase;
}

type InputKind = Evidence['inputs'][number]['kind'];

export interface ComplianceContext {
  e: Evidence;
  /** The declared IEC 62304 class; null when none is declared. */
  safetyClass: SafetyClass | null;
  /** Results of the given check types, in evidence order. */
  resultsOf(...types: string[]): CheckResult[];
  /** The input file of a kind (the first one), as a link. */
  file(kind: InputKind): EvidenceLink[];
  /** Every input file of a kind, as links. */
  files(kind: InputKind): EvidenceLink[];
  /** Every requirement with the results that verify it, in evidence order. */
  verification: { requirement: Requirement; results: CheckResult[] }[];
  /** Every risk control with its hazard, in evidence order. */
  controls: { control: RiskControl; hazard: Evidence['hazards'][number] }[];
  /** Enabled declared checks that produced no result. */
  silentChecks: DeclaredCheck[];
}

export interface CatalogueItem {
  framework: FrameworkId;
  clause: string;
  title: string;
  /** What RegOps evidence the item is mapped to (the catalogue appendix). */
  mappedTo: string;
  /** IEC 62304 Table A.1: the software safety classes that require the clause. */
  classes?: readonly SafetyClass[];
  /** One assessment, or one per subject (risk control, PCCP rule). */
  assess(x: ComplianceContext): Assessment[];
}

/* ------------------------------------------------------------------ helpers */

const ALL: readonly SafetyClass[] = ['A', 'B', 'C'];
const BC: readonly SafetyClass[] = ['B', 'C'];
const C_ONLY: readonly SafetyClass[] = ['C'];

const one = (status: ComplianceStatus, reason: Phrase, links: EvidenceLink[] = []): Assessment[] => [
  { status, reason, links },
];

const resultLinks = (rs: readonly CheckResult[]): EvidenceLink[] =>
  rs.map((r) => ({ kind: 'result', id: r.id, status: r.status }));
const reqLinks = (ids: readonly string[]): EvidenceLink[] => ids.map((id) => ({ kind: 'requirement', id }));

const passed = (rs: readonly CheckResult[]) => rs.length > 0 && rs.every((r) => r.status === 'pass');
const notPassing = (rs: readonly CheckResult[]) => rs.filter((r) => r.status !== 'pass');

/** `4 pass, 5 warn` in the order of the statuses. */
function statusCounts(rs: readonly CheckResult[]): string {
  const order: Status[] = ['pass', 'warn', 'fail', 'error', 'skip'];
  return order
    .map((s) => [s, rs.filter((r) => r.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}

/** Results grouped by their declared check, `auroc` or `drift (9 results)`. */
function checkIds(rs: readonly CheckResult[]): string[] {
  return [...new Set(rs.map((r) => r.id.split('/')[0] ?? r.id))];
}

/** present when every part holds, missing when none does, partial otherwise. */
function graded(parts: readonly boolean[]): ComplianceStatus {
  const held = parts.filter(Boolean).length;
  return held === parts.length ? 'present' : held === 0 ? 'missing' : 'partial';
}

function modelLink(e: Evidence): EvidenceLink[] {
  return e.model ? [{ kind: 'file', path: e.model.path, sha256: e.model.sha256 }] : [];
}

function commitLink(e: Evidence): EvidenceLink[] {
  return e.run.git?.sha ? [{ kind: 'commit', id: e.run.git.sha }] : [];
}

/** Results of drift checks whose current data are new data (role current), top-level only. */
function driftOnCurrentData(x: ComplianceContext): CheckResult[] {
  const current = new Set(x.e.datasets.filter((d) => d.role === 'current').map((d) => d.name));
  return x.resultsOf('drift.feature', 'drift.prediction').filter((r) => {
    const c = r.details?.current;
    return !r.id.includes('/') && typeof c === 'string' && current.has(c);
  });
}

/** Requirement verification split into gaps, non-passing and passing. */
function verificationState(x: ComplianceContext) {
  const gaps = x.verification.filter((v) => v.results.length === 0).map((v) => v.requirement);
  const failing = x.verification.filter((v) => v.results.length > 0 && !passed(v.results));
  const verified = x.verification.filter((v) => passed(v.results)).map((v) => v.requirement);
  return { gaps, failing, verified };
}

function requirementList(reqs: readonly Requirement[], max = 4): Phrase {
  const shown = join(reqs.slice(0, max).map((r) => p`${code(r.id)} (${r.title})`));
  return reqs.length > max ? p`${shown} and ${reqs.length - max} more` : shown;
}

function failingList(items: readonly { requirement: Requirement; results: CheckResult[] }[]): Phrase {
  return join(
    items.slice(0, 4).map((v) => p`${code(v.requirement.id)} (${statusCounts(v.results)})`),
    '; ',
  );
}

/** Usability requirements and how far results verify them (GMLP 7, Annex IV 2(e) and 3). */
function humanFactors(x: ComplianceContext) {
  const usability = x.verification.filter((v) => v.requirement.type === 'usability');
  return {
    usability,
    verified: usability.filter((v) => passed(v.results)),
    unverified: usability.filter((v) => v.results.length === 0).map((v) => v.requirement),
  };
}

/** `evidence.dependencies` (lockfiles and SOUP metadata of `sbom:` in regops.yml); null without an sbom section. */
type SoupEvidence = NonNullable<Evidence['dependencies']>;
type SoupMeta = SoupEvidence['soup'] extends infer S
  ? S extends { items: Record<string, infer M> }
    ? M
    : never
  : never;

function dependencies(e: Evidence): SoupEvidence | null {
  return e.dependencies ?? null;
}

/** The SOUP items: direct packages the software needs at run time (dev-only packages are not SOUP). */
function soupPackages(d: SoupEvidence) {
  const items = d.soup?.items ?? {};
  const keys = Object.keys(items);
  const seen = new Set<string>();
  const out: { name: string; version: string; meta: SoupMeta | undefined }[] = [];
  for (const lock of d.lockfiles) {
    for (const pkg of lock.packages) {
      if (!pkg.direct || pkg.scope === 'dev') continue;
      const id = `${pkg.ecosystem}:${pkg.name}@${pkg.version}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const key = Object.hasOwn(items, pkg.name)
        ? pkg.name
        : pkg.ecosystem === 'pypi'
          ? keys.find((k) => normalizePypiName(k) === normalizePypiName(pkg.name))
          : undefined;
      out.push({ name: pkg.name, version: pkg.version, meta: key === undefined ? undefined : items[key] });
    }
  }
  return out;
}

/** Input files of a kind given as a string (lockfile and soup are newer kinds than some evidence). */
function inputsOfKind(e: Evidence, kind: string): EvidenceLink[] {
  return e.inputs
    .filter((i) => (i.kind as string) === kind)
    .map((i) => ({ kind: 'file', path: i.path, sha256: i.sha256 }));
}

const soupLinks = (e: Evidence) => [...inputsOfKind(e, 'lockfile'), ...inputsOfKind(e, 'soup')];

const SPLIT_CHECKS = ['data.leakage', 'data.splits'];
const BEHAVIOUR_CHECKS = ['model.determinism', 'model.invariance', 'model.directional', 'model.cases'];
const NOT_RECORDED = (what: string) => p`${lit(what)} not in the evidence`;

/* ------------------------------------------------------------------ IEC 62304 */

const IEC_62304: CatalogueItem[] = [
  {
    framework: 'iec62304',
    clause: '4.3',
    title: 'Software safety classification',
    mappedTo: 'project.safety_class in regops.yml',
    classes: ALL,
    assess: (x) =>
      x.safetyClass
        ? one(
            'present',
            p`class ${x.safetyClass} declared; the rationale for it belongs in the risk management file`,
            x.file('config'),
          )
        : one(
            'missing',
            p`no software safety class declared (project.safety_class); until one is assigned, class C requirements apply, so no clause below is marked not applicable`,
            x.file('config'),
          ),
  },
  {
    framework: 'iec62304',
    clause: '5.1.1',
    title: 'Software development plan',
    mappedTo: 'regops.yml: the verification part of the plan (checks and acceptance criteria)',
    classes: ALL,
    assess: (x) =>
      x.e.inputs.some((i) => i.kind === 'config')
        ? one(
            'partial',
            p`regops.yml plans the verification (${plural(x.e.checks.length, 'declared check')}); the development plan itself (processes, deliverables, life cycle model) is not in the evidence`,
            x.file('config'),
          )
        : one('missing', NOT_RECORDED('no configuration file and no development plan')),
  },
  {
    framework: 'iec62304',
    clause: '5.1.4',
    title: 'Software development standards, methods and tools planning',
    mappedTo: 'the tool and version recorded in the evidence',
    classes: C_ONLY,
    assess: (x) =>
      one(
        'partial',
        p`the verification tool is identified (${x.e.tool.name} ${x.e.tool.version}, evidence schema ${x.e.schema_version}); the development standards, methods and other tools are not in the evidence`,
        x.file('config'),
      ),
  },
  {
    framework: 'iec62304',
    clause: '5.1.6',
    title: 'Software verification planning',
    mappedTo: 'declared checks with acceptance criteria, each verifying requirements',
    classes: ALL,
    assess: (x) => {
      const enabled = x.e.checks.filter((c) => c.enabled);
      if (enabled.length === 0) return one('missing', p`no enabled check is declared`, x.file('config'));
      const unplanned = x.e.requirements.filter((r) => !enabled.some((c) => c.verifies.includes(r.id)));
      const untied = enabled.filter((c) => c.verifies.length === 0 && c.controls.length === 0);
      const noCriterion = enabled.filter((c) => c.criterion.trim() === '');
      const issues: Phrase[] = [];
      if (unplanned.length > 0) issues.push(p`no check planned for ${requirementList(unplanned)}`);
      if (untied.length > 0)
        issues.push(p`${codes(untied.map((c) => c.id))} verify no requirement and no risk control`);
      if (noCriterion.length > 0)
        issues.push(p`${codes(noCriterion.map((c) => c.id))} state no acceptance criterion`);
      const links = [...x.file('config'), ...reqLinks(unplanned.map((r) => r.id))];
      return issues.length === 0
        ? one(
            'present',
            p`${plural(enabled.length, 'enabled check')} with acceptance criteria cover every requirement`,
            links,
          )
        : one('partial', join(issues, '; '), links);
    },
  },
  {
    framework: 'iec62304',
    clause: '5.2.1–5.2.2',
    title: 'Software requirements defined and documented',
    mappedTo: 'requirements.yml: identified requirements with type and source',
    classes: ALL,
    assess: (x) => {
      const reqs = x.e.requirements;
      if (reqs.length === 0) return one('missing', p`no requirement in the evidence`, x.file('requirements'));
      const types = [...new Set(reqs.map((r) => r.type))].map(
        (t) => `${t} ${reqs.filter((r) => r.type === t).length}`,
      );
      return one(
        'present',
        p`${plural(reqs.length, 'requirement')} (${types.join(', ')})`,
        x.file('requirements'),
      );
    },
  },
  {
    framework: 'iec62304',
    clause: '5.2.3',
    title: 'Risk control measures included in the software requirements',
    mappedTo: 'risks.yml: each risk control names the requirements that implement it',
    classes: BC,
    assess: (x) => {
      if (x.controls.length === 0)
        return one('missing', p`no hazard or risk control in the evidence`, x.file('risks'));
      const known = new Set(x.e.requirements.map((r) => r.id));
      const loose = x.controls.filter(
        ({ control }) =>
          control.requirements.length === 0 || control.requirements.some((id) => !known.has(id)),
      );
      const links = [...x.file('risks'), ...x.file('requirements')];
      return loose.length === 0
        ? one(
            'present',
            p`each of ${plural(x.controls.length, 'risk control')} is implemented by a declared requirement`,
            links,
          )
        : one(
            'partial',
            p`${codes(loose.map((c) => c.control.id))} name no requirement or an undeclared one`,
            links,
          );
    },
  },
  {
    framework: 'iec62304',
    clause: '5.2.6',
    title: 'Verify software requirements',
    mappedTo: 'unique requirement IDs with a source, each with a declared check (testable)',
    classes: ALL,
    assess: (x) => {
      const reqs = x.e.requirements;
      if (reqs.length === 0) return one('missing', p`no requirement in the evidence`, x.file('requirements'));
      const untested = reqs.filter((r) => !x.e.checks.some((c) => c.enabled && c.verifies.includes(r.id)));
      const noSource = reqs.filter((r) => r.source === undefined);
      const shown: Phrase[] = [];
      if (untested.length > 0) shown.push(p`no check tests ${requirementList(untested)}`);
      if (noSource.length > 0) shown.push(p`no source for ${codes(noSource.map((r) => r.id))}`);
      return one(
        'partial',
        p`${shown.length > 0 ? join(shown, '; ') : lit('IDs are unique, every requirement has a source and a check')}; the review that requirements are unambiguous and not contradictory is not in the evidence`,
        [...x.file('requirements'), ...reqLinks(untested.map((r) => r.id))],
      );
    },
  },
  {
    framework: 'iec62304',
    clause: '5.4.2–5.4.4',
    title: 'Detailed design of software units and interfaces, verified',
    mappedTo: 'nothing: the detailed design is outside the evidence',
    classes: C_ONLY,
    assess: (x) =>
      one(
        'missing',
        p`no detailed design in the evidence${x.e.model ? lit(' (the model’s input and output tensors are recorded)') : []}`,
        modelLink(x.e),
      ),
  },
  {
    framework: 'iec62304',
    clause: '5.5.3, 5.5.5',
    title: 'Software unit acceptance criteria and unit verification (the model as a unit)',
    mappedTo: 'model.* results with their acceptance criteria',
    classes: BC,
    assess: (x) => {
      const rs = x.e.results.filter((r) => r.check.startsWith('model.'));
      if (rs.length === 0) return one('missing', p`no model check produced a result`, modelLink(x.e));
      const bad = notPassing(rs);
      return bad.length === 0
        ? one(
            'present',
            p`${plural(rs.length, 'model result')} pass their acceptance criteria`,
            resultLinks(rs),
          )
        : one(
            'partial',
            p`${plural(rs.length, 'model result')}: ${statusCounts(rs)}; not passing: ${codes(checkIds(bad))}`,
            resultLinks(rs),
          );
    },
  },
  {
    framework: 'iec62304',
    clause: '5.5.4',
    title: 'Additional software unit acceptance criteria',
    mappedTo: 'behavioural model checks (determinism, invariance, direction, cases)',
    classes: C_ONLY,
    assess: (x) => {
      const rs = x.resultsOf(...BEHAVIOUR_CHECKS);
      if (rs.length === 0)
        return one('missing', p`no behavioural model check (determinism, invariance, direction, cases) ran`);
      return one(
        'partial',
        p`behavioural checks ${codes(checkIds(rs))} (${statusCounts(rs)}); data and control flow, fault handling, initialisation and memory of the surrounding code are not in the evidence`,
        resultLinks(rs),
      );
    },
  },
  {
    framework: 'iec62304',
    clause: '5.6',
    title: 'Software integration and integration testing',
    mappedTo: 'nothing: RegOps runs the model in its own ONNX runtime',
    classes: BC,
    assess: (x) =>
      one(
        'missing',
        p`the model is tested on its own; its integration into the device software and the integration tests are not in the evidence`,
        modelLink(x.e),
      ),
  },
  {
    framework: 'iec62304',
    clause: '5.7',
    title: 'Software system testing: every requirement tested, results recorded',
    mappedTo: 'results verifying each requirement, with the acceptance criterion and status',
    classes: ALL,
    assess: (x) => {
      if (x.e.results.length === 0) return one('missing', p`no check produced a result`);
      const { gaps, failing, verified } = verificationState(x);
      if (gaps.length === 0 && failing.length === 0)
        return one(
          'present',
          p`all ${plural(verified.length, 'requirement')} verified by passing results`,
          x.file('requirements'),
        );
      const issues: Phrase[] = [];
      if (gaps.length > 0) issues.push(p`not verified: ${requirementList(gaps)}`);
      if (failing.length > 0) issues.push(p`not passing: ${failingList(failing)}`);
      return one(
        'partial',
        p`${verified.length} of ${plural(x.verification.length, 'requirement')} verified by passing results; ${join(issues, '; ')}`,
        [
          ...reqLinks(gaps.map((r) => r.id)),
          ...reqLinks(failing.map((v) => v.requirement.id)),
          ...resultLinks(failing.flatMap((v) => notPassing(v.results))),
        ],
      );
    },
  },
  {
    framework: 'iec62304',
    clause: '5.8.1',
    title: 'Software verification complete before release',
    mappedTo: 'gate verdict, requirement coverage, every enabled check with a result',
    classes: ALL,
    assess: (x) => {
      if (x.e.results.length === 0) return one('missing', p`no check produced a result`);
      const { gaps, failing } = verificationState(x);
      const skipped = x.e.results.filter((r) => r.status === 'skip');
      const issues: Phrase[] = [];
      if (x.e.gate.verdict === 'fail') issues.push(p`the gate failed`);
      if (gaps.length > 0) issues.push(p`${plural(gaps.length, 'requirement')} not verified`);
      if (failing.length > 0)
        issues.push(p`${plural(failing.length, 'requirement')} with non-passing results`);
      if (x.silentChecks.length > 0) issues.push(p`no result from ${codes(x.silentChecks.map((c) => c.id))}`);
      if (skipped.length > 0) issues.push(p`${plural(skipped.length, 'result')} skipped`);
      const links: EvidenceLink[] = [
        ...reqLinks(gaps.map((r) => r.id)),
        ...x.silentChecks.map((c): EvidenceLink => ({ kind: 'check', id: c.id })),
        ...commitLink(x.e),
      ];
      return issues.length === 0
        ? one('present', p`gate ${x.e.gate.verdict}; every requirement verified and every check ran`, links)
        : one('partial', p`gate ${x.e.gate.verdict}; ${join(issues, '; ')}`, links);
    },
  },
  {
    framework: 'iec62304',
    clause: '5.8.2',
    title: 'Known residual anomalies documented',
    mappedTo: 'non-passing results listed in the evidence',
    classes: ALL,
    assess: (x) => {
      if (x.e.results.length === 0) return one('missing', p`no check produced a result`);
      const bad = notPassing(x.e.results);
      return one(
        'partial',
        p`${bad.length === 0 ? lit('no check result is an anomaly') : p`${plural(bad.length, 'non-passing result')} documented (${statusCounts(bad)})`}; anomalies known from the problem tracking system are not in the evidence`,
        resultLinks(bad),
      );
    },
  },
  {
    framework: 'iec62304',
    clause: '5.8.3',
    title: 'Known residual anomalies evaluated',
    mappedTo: 'the gate policy (which statuses block); the evaluation itself is outside the evidence',
    classes: ALL,
    assess: (x) => {
      if (x.e.results.length === 0) return one('missing', p`no check produced a result`);
      const bad = notPassing(x.e.results);
      const blocking = x.e.gate.policy.fail_on.join(', ');
      return one(
        'partial',
        bad.length === 0
          ? p`no non-passing result to evaluate; anomalies from the problem tracking system are not in the evidence`
          : p`the gate policy blocks on ${blocking || 'no status'}; the evaluation that ${plural(bad.length, 'non-passing result')} do not contribute to an unacceptable risk is not in the evidence`,
        resultLinks(bad),
      );
    },
  },
  {
    framework: 'iec62304',
    clause: '5.8.4',
    title: 'Released version documented',
    mappedTo: 'git commit (clean tree) and the sha256 of the model',
    classes: ALL,
    assess: (x) => {
      const git = x.e.run.git;
      const issues: Phrase[] = [];
      if (!git?.sha) issues.push(p`no commit recorded`);
      else if (git.dirty === true) issues.push(p`the working tree had uncommitted changes`);
      else if (git.dirty === null) issues.push(p`git did not say whether the tree was clean`);
      if (!x.e.model) issues.push(p`no model in the evidence`);
      const links = [...commitLink(x.e), ...modelLink(x.e)];
      if (issues.length === 0)
        return one('present', p`commit ${code(shortSha(git?.sha, 7))} and the model’s sha256`, links);
      return one(links.length === 0 ? 'missing' : 'partial', join(issues, '; '), links);
    },
  },
  {
    framework: 'iec62304',
    clause: '5.8.5',
    title: 'How the released software was created documented',
    mappedTo: 'hashed inputs (config, data, model) and the ONNX producer',
    classes: BC,
    assess: (x) => {
      if (x.e.inputs.length === 0) return one('missing', p`no input file recorded`);
      const producer = x.e.model?.producer_name
        ? p`; ONNX producer ${code(`${x.e.model.producer_name} ${x.e.model.producer_version ?? ''}`.trim())}`
        : [];
      return one(
        'partial',
        p`${plural(x.e.inputs.length, 'input file')} identified by sha256${producer}; the build procedure and environment of the model are not in the evidence`,
        [...x.file('config'), ...x.files('dataset'), ...modelLink(x.e)],
      );
    },
  },
  {
    framework: 'iec62304',
    clause: '6.2.3',
    title: 'Change request analysed',
    mappedTo:
      'the pull/merge request, the comparison with the released model (model.compare) and the PCCP verdict',
    classes: ALL,
    assess: (x) => {
      const compare = x.resultsOf('model.compare').filter((r) => !r.id.includes('/'));
      const change = x.e.run.change;
      const parts = [change !== null, compare.length > 0, x.e.pccp !== null];
      const issues: Phrase[] = [];
      if (!change) issues.push(p`no pull/merge request recorded for this run`);
      if (compare.length === 0) issues.push(p`no comparison with the released model`);
      if (!x.e.pccp) issues.push(p`no change control plan judged the change`);
      const links: EvidenceLink[] = [
        ...(change ? [{ kind: 'change', number: change.number, url: change.url } as const] : []),
        ...resultLinks(compare),
        ...(x.e.pccp ? [{ kind: 'pccp', id: x.e.pccp.id } as const] : []),
      ];
      return one(
        graded(parts),
        issues.length === 0
          ? p`change, comparison with the released model and PCCP verdict recorded`
          : join(issues, '; '),
        links,
      );
    },
  },
  {
    framework: 'iec62304',
    clause: '6.2.4',
    title: 'Change request approved',
    mappedTo: 'the override approval of a change outside the PCCP; other approvals are outside the evidence',
    classes: ALL,
    assess: (x) => {
      const o = x.e.pccp?.overridden;
      if (o)
        return one(
          'partial',
          p`change outside the plan approved by ${o.approved_by} (${o.reference}); the approval of the change request itself is not in the evidence`,
          [{ kind: 'pccp', id: x.e.pccp?.id ?? '' }],
        );
      return one(
        'missing',
        p`the approval of the change request (e.g. the pull/merge request review) is not in the evidence`,
        x.e.run.change ? [{ kind: 'change', number: x.e.run.change.number, url: x.e.run.change.url }] : [],
      );
    },
  },
  {
    framework: 'iec62304',
    clause: '6.3.1–6.3.2',
    title: 'Modification implemented and re-released: regression against the released version',
    mappedTo: 'the baseline model and model.compare results',
    classes: ALL,
    assess: (x) => {
      const compare = x.resultsOf('model.compare');
      if (!x.e.baseline_model && compare.length === 0)
        return one('missing', p`no released (baseline) model to compare with`);
      const links: EvidenceLink[] = [
        ...(x.e.baseline_model
          ? [{ kind: 'file', path: x.e.baseline_model.path, sha256: x.e.baseline_model.sha256 } as const]
          : []),
        ...resultLinks(compare),
      ];
      if (compare.length === 0)
        return one('partial', p`a baseline model is recorded but no model.compare check ran`, links);
      const bad = notPassing(compare);
      return bad.length === 0
        ? one('present', p`non-inferior to the released model in ${codes(checkIds(compare))}`, links)
        : one('partial', p`comparison with the released model not passing: ${codes(checkIds(bad))}`, links);
    },
  },
  {
    framework: 'iec62304',
    clause: '7.1',
    title: 'Software contributing to hazardous situations analysed',
    mappedTo: 'risks.yml: hazards with hazardous situation and harm',
    classes: BC,
    assess: (x) => {
      const hz = x.e.hazards;
      if (hz.length === 0) return one('missing', p`no hazard in the evidence`, x.file('risks'));
      const noSituation = hz.filter((h) => !h.situation);
      return noSituation.length === 0
        ? one(
            'present',
            p`${plural(hz.length, 'hazard')}, each with hazardous situation and harm`,
            x.file('risks'),
          )
        : one(
            'partial',
            p`no hazardous situation for ${codes(noSituation.map((h) => h.id))}`,
            x.file('risks'),
          );
    },
  },
  {
    framework: 'iec62304',
    clause: '7.1.3',
    title: 'Published SOUP anomaly lists evaluated',
    mappedTo: 'soup.yml: known_anomalies (reference, reviewed, notes) of each direct run-time dependency',
    classes: BC,
    assess: (x) => {
      const d = dependencies(x.e);
      if (!d?.soup) return one('missing', p`no SOUP metadata (sbom.soup) in the evidence`, soupLinks(x.e));
      const pkgs = soupPackages(d);
      if (pkgs.length === 0)
        return one('present', p`no direct run-time dependency in the lockfiles`, soupLinks(x.e));
      const referenced = pkgs.filter((q) => q.meta?.known_anomalies);
      const evaluated = referenced.filter(
        (q) => q.meta?.known_anomalies?.reviewed || q.meta?.known_anomalies?.notes,
      );
      const open = pkgs.filter((q) => !evaluated.includes(q)).map((q) => q.name);
      return one(
        evaluated.length === pkgs.length ? 'present' : referenced.length === 0 ? 'missing' : 'partial',
        evaluated.length === pkgs.length
          ? p`the published anomaly list of each of ${plural(pkgs.length, 'SOUP item')} is evaluated`
          : p`of ${plural(pkgs.length, 'SOUP item')}, ${referenced.length} reference their anomaly list and ${evaluated.length} record its evaluation (reviewed or notes); open: ${codes(open)}`,
        soupLinks(x.e),
      );
    },
  },
  {
    framework: 'iec62304',
    clause: '7.2',
    title: 'Risk control measures defined',
    mappedTo: 'risks.yml: controls per hazard',
    classes: BC,
    assess: (x) =>
      x.controls.length === 0
        ? one('missing', p`no risk control in the evidence`, x.file('risks'))
        : one(
            'present',
            p`${plural(x.controls.length, 'risk control')} for ${plural(x.e.hazards.length, 'hazard')}`,
            x.file('risks'),
          ),
  },
  {
    framework: 'iec62304',
    clause: '7.3.1',
    title: 'Risk control measures verified',
    mappedTo: 'results naming each risk control',
    classes: BC,
    assess: (x) => {
      if (x.controls.length === 0) return one('missing', p`no risk control in the evidence`, x.file('risks'));
      const unverified = x.controls.filter(({ control }) => !passed(controlResults(x, control.id)));
      return unverified.length === 0
        ? one('present', p`every risk control is named by passing results`, x.file('risks'))
        : one(
            'partial',
            p`not verified by passing results: ${codes(unverified.map((c) => c.control.id))}`,
            unverified.map((c): EvidenceLink => ({ kind: 'control', id: c.control.id })),
          );
    },
  },
  {
    framework: 'iec62304',
    clause: '7.4.1',
    title: 'Changes analysed with respect to safety',
    mappedTo: 'the PCCP verdict and the risk-control checks re-run on the change',
    classes: ALL,
    assess: (x) => {
      const rerun = x.controls.filter(({ control }) => controlResults(x, control.id).length > 0);
      const pccp = x.e.pccp;
      const parts = [pccp !== null && (pccp.verdict === 'within' || pccp.overridden !== undefined)];
      if (x.controls.length > 0) parts.push(rerun.length === x.controls.length);
      const issues: Phrase[] = [];
      if (!pccp) issues.push(p`no change control plan judged the change`);
      else if (pccp.verdict === 'outside')
        issues.push(p`outside the plan${pccp.overridden ? lit(' (override recorded)') : []}`);
      if (x.controls.length === 0) issues.push(p`no risk control in the evidence`);
      else if (rerun.length < x.controls.length)
        issues.push(
          p`${rerun.length} of ${plural(x.controls.length, 'risk control')} re-verified on this change`,
        );
      const status = x.controls.length === 0 && !pccp ? 'missing' : graded(parts);
      return one(
        status,
        issues.length === 0
          ? p`within the plan and all ${plural(x.controls.length, 'risk control')} re-verified on this change`
          : join(issues, '; '),
        pccp ? [{ kind: 'pccp', id: pccp.id }] : [],
      );
    },
  },
  {
    framework: 'iec62304',
    clause: '8.1.1, 8.1.3',
    title: 'Configuration items identified',
    mappedTo: 'git commit and the sha256 of every input file',
    classes: ALL,
    assess: (x) => {
      const git = x.e.run.git;
      const files = x.e.inputs.length;
      const issues: Phrase[] = [];
      if (!git?.sha) issues.push(p`no commit recorded`);
      else if (git.dirty !== false) issues.push(p`the working tree was not recorded clean`);
      if (files === 0) issues.push(p`no input file recorded`);
      const links = [...commitLink(x.e), ...x.file('config')];
      if (issues.length === 0)
        return one(
          'present',
          p`commit ${code(shortSha(git?.sha, 7))}; ${plural(files, 'input file')} with sha256`,
          links,
        );
      return one(!git?.sha && files === 0 ? 'missing' : 'partial', join(issues, '; '), links);
    },
  },
  {
    framework: 'iec62304',
    clause: '8.1.2',
    title: 'SOUP identified',
    mappedTo:
      'lockfiles (name and version of every package) and soup.yml (supplier of each direct run-time dependency)',
    classes: ALL,
    assess: (x) => {
      const d = dependencies(x.e);
      if (!d || d.lockfiles.length === 0)
        return one(
          'missing',
          p`no lockfile and no SOUP list in the evidence (sbom in regops.yml)`,
          soupLinks(x.e),
        );
      const all = d.lockfiles.reduce((n, l) => n + l.packages.length, 0);
      const pkgs = soupPackages(d);
      const noSupplier = pkgs.filter((q) => !q.meta?.supplier).map((q) => q.name);
      const identified = p`${plural(all, 'package')} in ${plural(d.lockfiles.length, 'lockfile')} identified by name and version`;
      return noSupplier.length === 0
        ? one(
            'present',
            p`${identified}; supplier recorded for all ${plural(pkgs.length, 'direct run-time dependency', 'direct run-time dependencies')}`,
            soupLinks(x.e),
          )
        : one(
            'partial',
            p`${identified}; no supplier for ${noSupplier.length} of ${plural(pkgs.length, 'direct run-time dependency', 'direct run-time dependencies')}: ${codes(noSupplier)}`,
            soupLinks(x.e),
          );
    },
  },
  {
    framework: 'iec62304',
    clause: '8.2.4',
    title: 'Traceability of change',
    mappedTo: 'the pull/merge request and the commit',
    classes: ALL,
    assess: (x) => {
      const change = x.e.run.change;
      const sha = x.e.run.git?.sha;
      const links: EvidenceLink[] = [
        ...(change ? [{ kind: 'change', number: change.number, url: change.url } as const] : []),
        ...commitLink(x.e),
      ];
      if (change && sha)
        return one('present', p`change #${change.number} at commit ${code(shortSha(sha, 7))}`, links);
      if (sha) return one('partial', p`commit recorded, but no pull/merge request for this run`, links);
      return one(change ? 'partial' : 'missing', p`no commit recorded`, links);
    },
  },
  {
    framework: 'iec62304',
    clause: '9',
    title: 'Software problem resolution',
    mappedTo: 'non-passing results as input to problem reports',
    classes: ALL,
    assess: (x) => {
      if (x.e.results.length === 0) return one('missing', p`no check produced a result`);
      const bad = notPassing(x.e.results);
      return one(
        'partial',
        p`${plural(bad.length, 'non-passing result')} recorded with reasons; problem reports, their investigation and tracking are not in the evidence`,
        resultLinks(bad),
      );
    },
  },
];

/* ------------------------------------------------------------------ ISO 14971 */

function controlResults(x: ComplianceContext, id: string): CheckResult[] {
  return x.e.results.filter((r) => r.controls.includes(id));
}

function controlTitle(what: string, c: ComplianceContext['controls'][number]): Phrase {
  return p`${lit(what)}: ${code(c.control.id)} ${c.control.text} (${code(c.hazard.id)} ${c.hazard.title})`;
}

/** No risk control declared; checks that name controls anyway point at a risk file that is missing them. */
function noControls(x: ComplianceContext): Assessment[] {
  const named = [...new Set(x.e.checks.flatMap((c) => c.controls))];
  return one(
    'missing',
    named.length > 0
      ? p`no hazard or risk control in the evidence, although checks name ${codes(named)}`
      : p`no hazard or risk control in the evidence`,
    x.file('risks'),
  );
}

const ISO_14971: CatalogueItem[] = [
  {
    framework: 'iso14971',
    clause: '5.2',
    title: 'Intended use and reasonably foreseeable misuse',
    mappedTo: 'model card: intended_use.purpose and out_of_scope',
    assess: (x) => {
      const iu = x.e.modelcard?.intended_use;
      const purpose = iu?.purpose !== undefined;
      const misuse = (iu?.out_of_scope ?? []).length > 0;
      const issues: Phrase[] = [];
      if (!purpose) issues.push(p`no intended purpose`);
      if (!misuse) issues.push(p`no out-of-scope use`);
      return one(
        graded([purpose, misuse]),
        issues.length === 0 ? p`intended purpose and out-of-scope uses stated` : join(issues, '; '),
        x.file('modelcard'),
      );
    },
  },
  {
    framework: 'iso14971',
    clause: '5.4',
    title: 'Hazards and hazardous situations identified',
    mappedTo: 'risks.yml: hazards with hazardous situation and harm',
    assess: (x) => {
      const hz = x.e.hazards;
      if (hz.length === 0) return one('missing', p`no hazard in the evidence`, x.file('risks'));
      const noSituation = hz.filter((h) => !h.situation);
      return noSituation.length === 0
        ? one('present', p`${plural(hz.length, 'hazard')} with hazardous situation and harm`, x.file('risks'))
        : one(
            'partial',
            p`no hazardous situation for ${codes(noSituation.map((h) => h.id))}`,
            x.file('risks'),
          );
    },
  },
  {
    framework: 'iso14971',
    clause: '5.5',
    title: 'Risk estimated (severity and probability)',
    mappedTo: 'risks.yml: severity and probability per hazard',
    assess: (x) => {
      const hz = x.e.hazards;
      if (hz.length === 0) return one('missing', p`no hazard in the evidence`, x.file('risks'));
      const open = hz.filter((h) => !h.severity || !h.probability);
      return open.length === 0
        ? one('present', p`severity and probability for every hazard`, x.file('risks'))
        : one(
            open.length === hz.length ? 'missing' : 'partial',
            p`no severity or probability for ${codes(open.map((h) => h.id))}`,
            x.file('risks'),
          );
    },
  },
  {
    framework: 'iso14971',
    clause: '7.1',
    title: 'Risk control option analysis',
    mappedTo: 'risks.yml: controls per hazard',
    assess: (x) =>
      x.controls.length === 0
        ? noControls(x)
        : one(
            'partial',
            p`${plural(x.controls.length, 'risk control')} identified for ${plural(x.e.hazards.length, 'hazard')}; the option analysis (inherent safety, protective measures, information for safety) is not in the evidence`,
            x.file('risks'),
          ),
  },
  {
    framework: 'iso14971',
    clause: '7.2',
    title: 'Implementation of each risk control measure verified',
    mappedTo: 'an enabled check that names the control (checks[].controls)',
    assess: (x) => {
      if (x.controls.length === 0) return noControls(x);
      return x.controls.map((c): Assessment => {
        const id = c.control.id;
        const title = controlTitle('Implementation verified', c);
        const naming = x.e.checks.filter((k) => k.controls.includes(id));
        const enabled = naming.filter((k) => k.enabled);
        const results = controlResults(x, id);
        const checkLinks = enabled.map((k): EvidenceLink => ({ kind: 'check', id: k.id }));
        if (enabled.length > 0)
          return {
            title,
            status: 'present',
            reason: p`implemented in ${codes(enabled.map((k) => k.id))}`,
            links: [{ kind: 'control', id }, ...checkLinks],
          };
        if (results.length > 0)
          return {
            title,
            status: 'present',
            reason: p`results name the control: ${codes(checkIds(results))}`,
            links: [{ kind: 'control', id }, ...resultLinks(results)],
          };
        if (naming.length > 0)
          return {
            title,
            status: 'partial',
            reason: p`named only by disabled checks ${codes(naming.map((k) => k.id))}`,
            links: [{ kind: 'control', id }],
          };
        const viaRequirements = x.e.checks.filter(
          (k) => k.enabled && k.verifies.some((r) => c.control.requirements.includes(r)),
        );
        if (viaRequirements.length > 0)
          return {
            title,
            status: 'partial',
            reason: p`its requirements are checked by ${codes(viaRequirements.map((k) => k.id))}, but no check names the control`,
            links: [{ kind: 'control', id }, ...reqLinks(c.control.requirements)],
          };
        return {
          title,
          status: 'missing',
          reason: p`no check names the control or verifies its requirements`,
          links: [{ kind: 'control', id }, ...reqLinks(c.control.requirements)],
        };
      });
    },
  },
  {
    framework: 'iso14971',
    clause: '7.2',
    title: 'Effectiveness of each risk control measure verified',
    mappedTo: 'the results that name the control pass',
    assess: (x) => {
      if (x.controls.length === 0) return noControls(x);
      return x.controls.map((c): Assessment => {
        const id = c.control.id;
        const title = controlTitle('Effectiveness verified', c);
        const results = controlResults(x, id);
        const links: EvidenceLink[] = [{ kind: 'control', id }, ...resultLinks(results)];
        if (results.length === 0)
          return { title, status: 'missing', reason: p`no result names the control`, links };
        const bad = notPassing(results);
        if (bad.length === 0)
          return {
            title,
            status: 'present',
            reason: p`${plural(results.length, 'result')} pass`,
            links,
          };
        return {
          title,
          status: bad.length === results.length ? 'missing' : 'partial',
          reason: p`${statusCounts(results)}: effectiveness ${bad.length === results.length ? lit('not shown') : lit('not shown by every result')} (${codes(checkIds(bad))})`,
          links,
        };
      });
    },
  },
  {
    framework: 'iso14971',
    clause: '7.3',
    title: 'Residual risk evaluated',
    mappedTo: 'the verification of each control; acceptability is a judgement outside the evidence',
    assess: (x) =>
      x.controls.length === 0
        ? noControls(x)
        : one(
            'partial',
            p`the verification of every control is shown above; whether each residual risk is acceptable is the manufacturer’s evaluation, not in the evidence`,
            x.file('risks'),
          ),
  },
  {
    framework: 'iso14971',
    clause: '7.6',
    title: 'Completeness of risk control',
    mappedTo: 'every hazard has a control whose results pass',
    assess: (x) => {
      if (x.controls.length === 0) return noControls(x);
      const open = x.e.hazards.filter((h) => !h.controls.some((c) => passed(controlResults(x, c.id))));
      return open.length === 0
        ? one('present', p`every hazard has at least one control verified effective`, x.file('risks'))
        : one(
            'partial',
            p`no control verified effective for ${codes(open.map((h) => h.id))}`,
            open.map((h): EvidenceLink => ({ kind: 'hazard', id: h.id })),
          );
    },
  },
  {
    framework: 'iso14971',
    clause: '8',
    title: 'Overall residual risk evaluated',
    mappedTo: 'nothing: the benefit–risk evaluation is outside the evidence',
    assess: () =>
      one(
        'missing',
        p`the evaluation of the overall residual risk against the benefits is not in the evidence`,
      ),
  },
  {
    framework: 'iso14971',
    clause: '10',
    title: 'Production and post-production information collected and reviewed',
    mappedTo: 'nothing yet: drift checks of one run are not post-production monitoring',
    assess: (x) => {
      const drift = driftOnCurrentData(x);
      return one(
        'missing',
        drift.length > 0
          ? p`drift checks on new data ran with this change (${codes(checkIds(drift))}); information from the device in use is not in the evidence`
          : p`no information from the device in use in the evidence`,
        resultLinks(drift),
      );
    },
  },
];

/* ------------------------------------------------------------------ GMLP */

const GMLP: CatalogueItem[] = [
  {
    framework: 'gmlp',
    clause: '1',
    title: 'Multi-disciplinary expertise is leveraged throughout the total product life cycle',
    mappedTo: 'nothing: who contributed is not in the evidence',
    assess: () =>
      one('missing', p`the clinical, data science and engineering expertise involved is not in the evidence`),
  },
  {
    framework: 'gmlp',
    clause: '2',
    title: 'Good software engineering and security practices are implemented',
    mappedTo: 'version control, hashed inputs, determinism and identifier scans',
    assess: (x) => {
      const git = Boolean(x.e.run.git?.sha);
      const det = x.resultsOf('model.determinism');
      const phi = x.resultsOf('data.phi');
      const shown: Phrase[] = [];
      if (git) shown.push(p`commit ${code(shortSha(x.e.run.git?.sha, 7))}`);
      if (x.e.inputs.length > 0) shown.push(p`${plural(x.e.inputs.length, 'input file')} hashed`);
      if (passed(det)) shown.push(p`deterministic output`);
      if (passed(phi)) shown.push(p`no identifiers in the data`);
      const deps = dependencies(x.e);
      const packages = deps ? deps.lockfiles.reduce((n, l) => n + l.packages.length, 0) : 0;
      if (packages > 0) shown.push(p`${plural(packages, 'dependency', 'dependencies')} listed`);
      const status = shown.length === 0 ? 'missing' : 'partial';
      return one(
        status,
        p`${shown.length > 0 ? join(shown, ', ') : lit('no engineering evidence')}; the software engineering process and security practices (${packages > 0 ? lit('threat model, access control') : lit('threat model, SBOM, access control')}) are not in the evidence`,
        [...commitLink(x.e), ...resultLinks([...det, ...phi])],
      );
    },
  },
  {
    framework: 'gmlp',
    clause: '3',
    title: 'Clinical study participants and data sets are representative of the intended patient population',
    mappedTo: 'label prevalence and size checks, subgroup performance, the dataset card',
    assess: (x) => {
      const population = x.resultsOf('data.label_prevalence', 'data.size');
      const subgroups = x.resultsOf('model.subgroups');
      const dc = x.e.datacard;
      const sheet = Boolean(dc?.composition || dc?.collection);
      const issues: Phrase[] = [];
      if (population.length === 0) issues.push(p`no prevalence or size check`);
      else if (!passed(population)) issues.push(p`prevalence or size checks not passing`);
      if (subgroups.length === 0) issues.push(p`no subgroup check`);
      else if (!passed(subgroups)) issues.push(p`subgroup checks not passing`);
      if (!sheet) issues.push(p`no composition or collection in the dataset card`);
      return one(
        graded([passed(population), passed(subgroups), sheet]),
        issues.length === 0
          ? p`prevalence and size checks, subgroup performance and the dataset card’s composition and collection`
          : join(issues, '; '),
        [...resultLinks([...population, ...subgroups]), ...x.file('datacard')],
      );
    },
  },
  {
    framework: 'gmlp',
    clause: '4',
    title: 'Training data sets are independent of test sets',
    mappedTo: 'data.leakage results',
    assess: (x) => {
      const rs = x.resultsOf(...SPLIT_CHECKS);
      if (rs.length === 0) return one('missing', p`no leakage check compared training and test data`);
      const bad = notPassing(rs);
      return bad.length === 0
        ? one(
            'present',
            p`${codes(checkIds(rs))} passed: no test record is in the training data`,
            resultLinks(rs),
          )
        : one(
            bad.length === rs.length ? 'missing' : 'partial',
            p`leakage checks not passing: ${codes(checkIds(bad))} (${statusCounts(rs)})`,
            resultLinks(rs),
          );
    },
  },
  {
    framework: 'gmlp',
    clause: '5',
    title: 'Selected reference datasets are based upon best available methods',
    mappedTo: 'dataset card: label source; PCCP: frozen label definition',
    assess: (x) => {
      const source = x.e.datacard?.composition?.label_source;
      const frozen = x.e.pccp?.rules.find((r) => r.rule === 'frozen.label_definition');
      const links = [
        ...x.file('datacard'),
        ...(frozen ? [{ kind: 'pccp', id: x.e.pccp?.id ?? '' } as const] : []),
      ];
      if (!source)
        return one('missing', p`the dataset card does not say how the reference labels were obtained`, links);
      return one(
        'partial',
        p`the reference standard is described (label source)${frozen?.status === 'met' ? lit(' and frozen by the PCCP') : []}; whether it is the best available method is a judgement not in the evidence`,
        links,
      );
    },
  },
  {
    framework: 'gmlp',
    clause: '6',
    title: 'Model design is tailored to the available data and reflects the intended use of the device',
    mappedTo: 'model card: intended use and model description; risk controls',
    assess: (x) => {
      const purpose = x.e.modelcard?.intended_use?.purpose;
      const description = x.e.modelcard?.model_details?.description;
      if (!purpose && !description)
        return one(
          'missing',
          p`no intended use and no model description in the evidence`,
          x.file('modelcard'),
        );
      return one(
        'partial',
        p`${purpose ? lit('intended use') : lit('no intended use')}, ${description ? lit('model description') : lit('no model description')}; the design rationale (why this model suits the data and the use) is not in the evidence`,
        [...x.file('modelcard'), ...modelLink(x.e)],
      );
    },
  },
  {
    framework: 'gmlp',
    clause: '7',
    title: 'Focus is placed on the performance of the human-AI team',
    mappedTo: 'usability requirements and their results',
    assess: (x) => {
      const h = humanFactors(x);
      if (h.usability.length === 0)
        return one(
          'missing',
          p`no usability requirement; the performance of the human-AI team is not in the evidence`,
        );
      if (h.verified.length === 0)
        return one(
          'missing',
          p`usability requirements declared but not verified by passing results: ${requirementList(h.usability.map((v) => v.requirement))}`,
          reqLinks(h.usability.map((v) => v.requirement.id)),
        );
      return one(
        'partial',
        p`usability requirements verified: ${codes(h.verified.map((v) => v.requirement.id))}; the human-AI team performance is not measured`,
        reqLinks(h.usability.map((v) => v.requirement.id)),
      );
    },
  },
  {
    framework: 'gmlp',
    clause: '8',
    title: 'Testing demonstrates device performance during clinically relevant conditions',
    mappedTo: 'model.metric results with confidence intervals, subgroup performance',
    assess: (x) => {
      const metrics = x.resultsOf('model.metric');
      const subgroups = x.resultsOf('model.subgroups');
      if (metrics.length === 0) return one('missing', p`no model.metric result`, resultLinks(subgroups));
      const withoutCi = metrics.filter((r) => !r.metrics.some((m) => m.ci !== undefined));
      const issues: Phrase[] = [];
      if (!passed(metrics)) issues.push(p`metrics not passing: ${codes(checkIds(notPassing(metrics)))}`);
      if (withoutCi.length > 0) issues.push(p`no confidence interval in ${codes(checkIds(withoutCi))}`);
      if (subgroups.length === 0) issues.push(p`no subgroup performance`);
      else if (!passed(subgroups)) issues.push(p`subgroup checks not passing`);
      const links = resultLinks([...metrics, ...subgroups]);
      return issues.length === 0
        ? one(
            'present',
            p`${plural(metrics.length, 'metric result')} with 95% confidence intervals and subgroup performance pass`,
            links,
          )
        : one('partial', join(issues, '; '), links);
    },
  },
  {
    framework: 'gmlp',
    clause: '9',
    title: 'Users are provided clear, essential information',
    mappedTo: 'the model card: intended use, limitations, out-of-scope uses or caveats',
    assess: (x) => {
      const mc = x.e.modelcard;
      if (!mc) return one('missing', p`no model card file`);
      const purpose = Boolean(mc.intended_use?.purpose);
      const limits = (mc.limitations ?? []).length > 0;
      const warnings = (mc.intended_use?.out_of_scope ?? []).length + (mc.caveats ?? []).length > 0;
      const issues: Phrase[] = [];
      if (!purpose) issues.push(p`no intended purpose`);
      if (!limits) issues.push(p`no limitations`);
      if (!warnings) issues.push(p`no out-of-scope uses or caveats`);
      return one(
        graded([purpose, limits, warnings]),
        issues.length === 0
          ? p`the model card states intended use, limitations and out-of-scope uses`
          : p`model card: ${join(issues, '; ')}`,
        x.file('modelcard'),
      );
    },
  },
  {
    framework: 'gmlp',
    clause: '10',
    title: 'Deployed models are monitored for performance and re-training risks are managed',
    mappedTo:
      'nothing yet: monitoring of the deployed model is not in the evidence (the PCCP covers re-training)',
    assess: (x) => {
      const drift = driftOnCurrentData(x);
      const plan = x.e.pccp ? p`; re-training is governed by ${code(x.e.pccp.id)}` : [];
      return one(
        'missing',
        p`${drift.length > 0 ? p`drift checks on new data ran with this change (${codes(checkIds(drift))}), but` : []} no monitoring of the deployed model is in the evidence${plan}`,
        [...resultLinks(drift), ...(x.e.pccp ? [{ kind: 'pccp', id: x.e.pccp.id } as const] : [])],
      );
    },
  },
];

/* ------------------------------------------------------------------ PCCP */

const RULE_TITLES: [RegExp, string][] = [
  [/^modifications$/, 'Modification of a type the plan allows'],
  [/^frozen\.intended_use$/, 'Frozen: intended use unchanged'],
  [/^frozen\.input_schema$/, 'Frozen: model input unchanged'],
  [/^frozen\.output_type$/, 'Frozen: model output unchanged'],
  [/^frozen\.label_definition$/, 'Frozen: reference standard (label) unchanged'],
  [/^data\.test_set$/, 'Sequestered test set unchanged'],
  [/^data\.min_subgroup_n$/, 'Minimum subgroup size'],
  [/^data\.no_patient_overlap$/, 'No overlap between training and test data'],
  [/^acceptance\.non_inferiority\[/, 'Acceptance: non-inferior to the released model'],
  [/^acceptance\.floors\[/, 'Acceptance: performance floor'],
  [/^acceptance\.subgroup_floors\[/, 'Acceptance: subgroup performance floor'],
];

const RULE_STATUS = { met: 'met', violated: 'violated', not_evaluated: 'not evaluated' } as const;

const PCCP_ITEMS: CatalogueItem[] = [
  {
    framework: 'pccp',
    clause: 'Verdict',
    title: 'Change within the predetermined change control plan',
    mappedTo: 'evidence.pccp: the verdict of the plan',
    assess: (x) => {
      const v = x.e.pccp;
      if (!v) return one('missing', p`no change control plan declared (pccp in regops.yml)`);
      const links: EvidenceLink[] = [{ kind: 'pccp', id: v.id }, ...x.file('pccp')];
      const met = v.rules.filter((r) => r.status === 'met').length;
      if (v.verdict === 'within')
        return one(
          'present',
          p`within ${code(v.id)}: ${met} of ${plural(v.rules.length, 'rule')} met`,
          links,
        );
      if (v.overridden)
        return one(
          'partial',
          p`outside ${code(v.id)} (${met} of ${plural(v.rules.length, 'rule')} met); override approved by ${v.overridden.approved_by} (${v.overridden.reference})`,
          links,
        );
      return one('missing', p`outside ${code(v.id)}: ${met} of ${plural(v.rules.length, 'rule')} met`, links);
    },
  },
  {
    framework: 'pccp',
    clause: 'Rules',
    title: 'Each rule of the plan',
    mappedTo: 'evidence.pccp.rules: met, violated or not evaluated',
    assess: (x) => {
      const v = x.e.pccp;
      if (!v) return [];
      return v.rules.map(
        (r): Assessment => ({
          clause: [code(r.rule)],
          title: lit(RULE_TITLES.find(([re]) => re.test(r.rule))?.[1] ?? 'Rule of the plan'),
          status: r.status === 'met' ? 'present' : 'missing',
          reason: p`${RULE_STATUS[r.status]}: ${r.message}`,
          links: [{ kind: 'pccp', id: v.id }],
        }),
      );
    },
  },
];

/* ------------------------------------------------------------------ EU AI Act */

const EU_AI_ACT: CatalogueItem[] = [
  {
    framework: 'euaiact',
    clause: '1',
    title: 'General description of the AI system',
    mappedTo: 'model card (intended purpose, name, version), the model file',
    assess: (x) => {
      const md = x.e.modelcard?.model_details;
      const purpose = x.e.modelcard?.intended_use?.purpose;
      const shown: string[] = [];
      if (purpose) shown.push('intended purpose');
      if (md?.name) shown.push('name');
      if (md?.version) shown.push('version');
      if (x.e.model) shown.push('model file and format');
      if (shown.length === 0)
        return one(
          'missing',
          p`no intended purpose, name, version or model in the evidence`,
          x.file('modelcard'),
        );
      return one(
        'partial',
        p`${shown.join(', ')} recorded; the provider, hardware, forms placed on the market, user interface and instructions for use are not in the evidence`,
        [...x.file('modelcard'), ...modelLink(x.e)],
      );
    },
  },
  {
    framework: 'euaiact',
    clause: '2(a)–(c)',
    title: 'Development methods, design specifications and system architecture',
    mappedTo: 'the model file (ONNX producer, tensors) and the model card description',
    assess: (x) => {
      const description = x.e.modelcard?.model_details?.description;
      if (!x.e.model && !description)
        return one('missing', p`no model and no model description in the evidence`, x.file('modelcard'));
      return one(
        'partial',
        p`${x.e.model ? lit('model file, format and producer') : lit('no model file')}${description ? lit(', model description') : []}; design choices, their rationale and the system architecture are not in the evidence`,
        [...modelLink(x.e), ...x.file('modelcard')],
      );
    },
  },
  {
    framework: 'euaiact',
    clause: '2(d)',
    title: 'Data requirements: datasheets of the training data (provenance, scope, labelling, cleaning)',
    mappedTo: 'dataset card, dataset profiles and data checks',
    assess: (x) => {
      const dc = x.e.datacard;
      const parts: [boolean, string][] = [
        [Boolean(dc?.collection?.process), 'collection process'],
        [Boolean(dc?.composition?.label_source), 'labelling'],
        [(dc?.preprocessing?.steps ?? []).length > 0, 'cleaning and preprocessing'],
        [x.e.profiles.length > 0, 'dataset profiles'],
      ];
      const missing = parts.filter(([ok]) => !ok).map(([, what]) => what);
      const links = [...x.file('datacard'), ...x.files('dataset')];
      return one(
        graded(parts.map(([ok]) => ok)),
        missing.length === 0
          ? p`collection, labelling and preprocessing described; ${plural(x.e.profiles.length, 'dataset')} profiled`
          : p`not in the evidence: ${missing.join(', ')}`,
        links,
      );
    },
  },
  {
    framework: 'euaiact',
    clause: '2(e)',
    title: 'Assessment of the human oversight measures (Article 14)',
    mappedTo: 'usability requirements and their results',
    assess: (x) => {
      const h = humanFactors(x);
      return h.verified.length > 0
        ? one(
            'partial',
            p`usability requirements verified: ${codes(h.verified.map((v) => v.requirement.id))}; the assessment of human oversight is not in the evidence`,
            reqLinks(h.verified.map((v) => v.requirement.id)),
          )
        : one(
            'missing',
            p`no assessment of human oversight in the evidence${h.unverified.length > 0 ? p` (unverified: ${codes(h.unverified.map((r) => r.id))})` : []}`,
            reqLinks(h.unverified.map((r) => r.id)),
          );
    },
  },
  {
    framework: 'euaiact',
    clause: '2(f)',
    title: 'Pre-determined changes and continuous compliance',
    mappedTo: 'the PCCP and its verdict',
    assess: (x) =>
      x.e.pccp
        ? one('present', p`plan ${code(x.e.pccp.id)} judged on this change: ${x.e.pccp.verdict}`, [
            { kind: 'pccp', id: x.e.pccp.id },
            ...x.file('pccp'),
          ])
        : one('missing', p`no change control plan declared`),
  },
  {
    framework: 'euaiact',
    clause: '2(g)',
    title: 'Validation and testing: procedures, data, metrics, test logs',
    mappedTo: 'declared checks with criteria, results with metrics, datasets, run time',
    assess: (x) => {
      if (x.e.results.length === 0) return one('missing', p`no check produced a result`);
      const subgroups = x.resultsOf('model.subgroups').length > 0;
      return one(
        'partial',
        p`${plural(x.e.checks.length, 'declared check')} with criteria, ${plural(x.e.results.length, 'result')} on ${plural(x.e.datasets.length, 'dataset')}${subgroups ? lit(', subgroup performance') : lit(', no subgroup analysis of discriminatory impact')}, dated ${x.e.run.started_at}; the test logs are not signed by the responsible persons`,
        [...x.file('config'), ...x.files('dataset')],
      );
    },
  },
  {
    framework: 'euaiact',
    clause: '2(h)',
    title: 'Cybersecurity measures',
    mappedTo: 'security requirements and their results',
    assess: (x) => {
      const sec = x.verification.filter((v) => v.requirement.type === 'security');
      const ok = sec.filter((v) => passed(v.results));
      return ok.length > 0
        ? one(
            'partial',
            p`security requirements verified: ${codes(ok.map((v) => v.requirement.id))}; the cybersecurity measures of the system are not in the evidence`,
            reqLinks(ok.map((v) => v.requirement.id)),
          )
        : one('missing', p`no verified security requirement; cybersecurity measures are not in the evidence`);
    },
  },
  {
    framework: 'euaiact',
    clause: '3',
    title:
      'Monitoring, functioning and control: capabilities, limitations, accuracy per group, input specifications',
    mappedTo: 'model card limitations, metric and subgroup results, hazards, model inputs',
    assess: (x) => {
      const parts: [boolean, string][] = [
        [(x.e.modelcard?.limitations ?? []).length > 0, 'limitations'],
        [x.resultsOf('model.metric').length > 0, 'expected accuracy'],
        [x.resultsOf('model.subgroups').length > 0, 'accuracy per group'],
        [x.e.hazards.length > 0, 'foreseeable risks'],
        [x.e.model !== null, 'input specification'],
      ];
      const shown = parts.filter(([ok]) => ok).map(([, w]) => w);
      const absent = parts.filter(([ok]) => !ok).map(([, w]) => w);
      if (shown.length === 0)
        return one('missing', p`none of limitations, accuracy, risks or inputs recorded`);
      return one(
        'partial',
        p`${shown.join(', ')} recorded; not in the evidence: ${[...absent, 'human oversight measures'].join(', ')}`,
        [...x.file('modelcard'), ...x.file('risks'), ...resultLinks(x.resultsOf('model.subgroups'))],
      );
    },
  },
  {
    framework: 'euaiact',
    clause: '4',
    title: 'Appropriateness of the performance metrics',
    mappedTo: 'metric results tied to requirements with a stated source',
    assess: (x) => {
      const metrics = x.resultsOf('model.metric');
      if (metrics.length === 0) return one('missing', p`no model.metric result`);
      const ids = [...new Set(metrics.flatMap((r) => r.verifies))];
      const sourced = x.e.requirements.filter((r) => ids.includes(r.id) && r.source);
      return one(
        'partial',
        p`metrics verify ${plural(ids.length, 'requirement')}, ${sourced.length} with a stated source; the justification that these metrics suit the system is not in the evidence`,
        reqLinks(ids),
      );
    },
  },
  {
    framework: 'euaiact',
    clause: '5',
    title: 'Risk management system (Article 9)',
    mappedTo: 'hazards, risk controls and their verification',
    assess: (x) =>
      x.controls.length === 0
        ? noControls(x)
        : one(
            'partial',
            p`${plural(x.e.hazards.length, 'hazard')} and ${plural(x.controls.length, 'risk control')} with their verification (ISO 14971 section); the risk management system itself is not in the evidence`,
            x.file('risks'),
          ),
  },
  {
    framework: 'euaiact',
    clause: '6',
    title: 'Relevant changes made through the life cycle',
    mappedTo: 'the change, the baseline comparison and the PCCP verdict of this run',
    assess: (x) => {
      const has = x.e.run.change !== null || x.e.baseline_model !== null || x.e.pccp !== null;
      if (!has) return one('missing', p`no change, baseline or change control plan recorded`);
      return one(
        'partial',
        p`this change is recorded against the released model; the history of earlier changes is not in the evidence`,
        [
          ...(x.e.baseline_model
            ? [{ kind: 'file', path: x.e.baseline_model.path, sha256: x.e.baseline_model.sha256 } as const]
            : []),
          ...(x.e.pccp ? [{ kind: 'pccp', id: x.e.pccp.id } as const] : []),
        ],
      );
    },
  },
  {
    framework: 'euaiact',
    clause: '7',
    title: 'Harmonised standards applied, or other solutions',
    mappedTo: 'nothing: the list is a declaration of the provider',
    assess: () =>
      one(
        'missing',
        p`the provider’s list of applied standards is not in the evidence (this report maps, it does not declare)`,
      ),
  },
  {
    framework: 'euaiact',
    clause: '8',
    title: 'EU declaration of conformity (Article 47)',
    mappedTo: 'nothing: outside RegOps',
    assess: () => one('missing', p`the declaration of conformity is issued by the provider, outside RegOps`),
  },
  {
    framework: 'euaiact',
    clause: '9',
    title: 'Post-market monitoring system and plan (Article 72)',
    mappedTo: 'nothing yet: monitoring of the system in use is not in the evidence',
    assess: (x) => {
      const drift = driftOnCurrentData(x);
      return one(
        'missing',
        p`no post-market monitoring plan or data in the evidence${drift.length > 0 ? p` (drift checks on new data ran with this change: ${codes(checkIds(drift))})` : []}`,
        resultLinks(drift),
      );
    },
  },
];

/** Every item, in report order. */
export const COMPLIANCE_CATALOGUE: readonly CatalogueItem[] = [
  ...IEC_62304,
  ...ISO_14971,
  ...GMLP,
  ...PCCP_ITEMS,
  ...EU_AI_ACT,
];

/* ------------------------------------------------------------------ assessment */

export interface ComplianceRow {
  framework: FrameworkId;
  clause: Phrase;
  title: Phrase;
  classes: readonly SafetyClass[] | null;
  status: ComplianceStatus;
  reason: Phrase;
  links: EvidenceLink[];
  /** Gate reasons that refer to this row's evidence: the finding blocks the change. */
  gate: Evidence['gate']['reasons'];
}

export interface ComplianceView {
  safetyClass: SafetyClass | null;
  rows: ComplianceRow[];
  counts: { framework: Framework; counts: Record<ComplianceStatus, number>; total: number }[];
}

function context(e: Evidence): ComplianceContext {
  const files = (kind: InputKind): EvidenceLink[] =>
    e.inputs.filter((i) => i.kind === kind).map((i) => ({ kind: 'file', path: i.path, sha256: i.sha256 }));
  const silentChecks = e.checks.filter(
    (c) => c.enabled && !e.results.some((r) => declaredCheckFor(r, [c]) !== null),
  );
  return {
    e,
    safetyClass: e.project.safety_class,
    resultsOf: (...types) => e.results.filter((r) => types.includes(r.check)),
    file: (kind) => files(kind).slice(0, 1),
    files,
    verification: e.requirements.map((requirement) => ({
      requirement,
      results: e.results.filter((r) => r.verifies.includes(requirement.id)),
    })),
    controls: e.hazards.flatMap((hazard) => hazard.controls.map((control) => ({ control, hazard }))),
    silentChecks,
  };
}

function linkIds(l: EvidenceLink): string[] {
  switch (l.kind) {
    case 'file':
      return [l.path];
    case 'change':
      return [];
    default:
      return [l.id];
  }
}

/** Assess every catalogue item against the evidence. */
export function assessCompliance(e: Evidence): ComplianceView {
  const x = context(e);
  const rows: ComplianceRow[] = [];
  for (const item of COMPLIANCE_CATALOGUE) {
    const classes = item.classes ?? null;
    if (classes && x.safetyClass && !classes.includes(x.safetyClass)) {
      rows.push({
        framework: item.framework,
        clause: plain(item.clause),
        title: plain(item.title),
        classes,
        status: 'not_applicable',
        reason: p`required for class ${classes.join(', ')} only; class ${x.safetyClass} declared`,
        links: [],
        gate: [],
      });
      continue;
    }
    for (const a of item.assess(x)) {
      const ids = new Set(a.links.flatMap(linkIds));
      rows.push({
        framework: item.framework,
        clause: a.clause ?? plain(item.clause),
        title: a.title ?? plain(item.title),
        classes,
        status: a.status,
        reason: a.reason,
        links: a.links,
        gate:
          a.status === 'present' ? [] : e.gate.reasons.filter((r) => r.ref !== undefined && ids.has(r.ref)),
      });
    }
  }
  const counts = FRAMEWORKS.map((framework) => {
    const mine = rows.filter((r) => r.framework === framework.id);
    const c = Object.fromEntries(
      COMPLIANCE_STATUSES.map((s) => [s, mine.filter((r) => r.status === s).length]),
    ) as Record<ComplianceStatus, number>;
    return { framework, counts: c, total: mine.length };
  });
  return { safetyClass: x.safetyClass, rows, counts };
}

/* ------------------------------------------------------------------ rendering */

export const COMPLIANCE_ICON: Record<ComplianceStatus, string> = {
  present: '✅',
  partial: '🟨',
  missing: '⬜',
  not_applicable: '➖',
};

const STATUS_WORD: Record<ComplianceStatus, string> = {
  present: 'present',
  partial: 'partial',
  missing: 'missing',
  not_applicable: 'not applicable',
};

const EMPTY = '—';
const MAX_LINKS = 8;

function renderLinks(links: readonly EvidenceLink[], inTable: boolean): string {
  const out: string[] = [];
  const seen = new Set<string>();
  const results = new Map<string, { kind: 'result'; id: string; status: Status }[]>();
  for (const l of links) {
    if (l.kind === 'result') {
      const key = l.id.split('/')[0] ?? l.id;
      const group = results.get(key);
      if (group) {
        if (!group.some((g) => g.id === l.id)) group.push(l);
        continue;
      }
      results.set(key, [l]);
      out.push(`\u0000${key}`);
      continue;
    }
    const key = `${l.kind}:${linkIds(l).join()}:${l.kind === 'change' ? l.number : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    switch (l.kind) {
      case 'file':
        out.push(`${codeSpan(l.path, inTable)} (sha256 ${l.sha256.slice(0, 12)})`);
        break;
      case 'commit':
        out.push(`commit ${codeSpan(shortSha(l.id, 7), inTable)}`);
        break;
      case 'change':
        out.push(`change #${l.number}${l.url ? ` ${codeSpan(l.url, inTable)}` : ''}`);
        break;
      default:
        out.push(codeSpan(l.id, inTable));
    }
  }
  const rendered = out.map((s) => {
    if (!s.startsWith('\u0000')) return s;
    const key = s.slice(1);
    const group = results.get(key) ?? [];
    const only = group[0];
    if (group.length === 1 && only) return `${codeSpan(only.id, inTable)} ${STATUS_ICON[only.status]}`;
    const order: Status[] = ['pass', 'warn', 'fail', 'error', 'skip'];
    const tally = order
      .map((st) => [st, group.filter((g) => g.status === st).length] as const)
      .filter(([, n]) => n > 0)
      .map(([st, n]) => `${STATUS_ICON[st]} ${n}`)
      .join(' ');
    return `${codeSpan(key, inTable)} (${group.length} results: ${tally})`;
  });
  if (rendered.length === 0) return EMPTY;
  const shown = rendered.slice(0, MAX_LINKS).join(', ');
  return rendered.length > MAX_LINKS ? `${shown} and ${rendered.length - MAX_LINKS} more` : shown;
}

function cell(s: string): string {
  // Phrases never hold raw newlines (escapeMarkdown turns them into <br>); keep any literal one off the row.
  return s.replace(/\n/g, ' ');
}

function gateNote(row: ComplianceRow, inTable: boolean): string {
  if (row.gate.length === 0) return '';
  const refs = [...new Set(row.gate.map((g) => g.ref ?? g.code))];
  return ` **Blocks the gate** (${refs.map((r) => codeSpan(r, inTable)).join(', ')}).`;
}

function statusCell(s: ComplianceStatus): string {
  return `${COMPLIANCE_ICON[s]} ${STATUS_WORD[s]}`;
}

function header(e: Evidence, t: Target): string {
  const git = e.run.git;
  const commit = git?.sha
    ? `commit ${codeSpan(shortSha(git.sha, 7), false)}${git.dirty === true ? ' with uncommitted changes' : ''}`
    : 'commit not recorded';
  const change = e.run.change
    ? ` · change #${e.run.change.number}${e.run.change.title ? ` (${escapeMarkdown(e.run.change.title, t)})` : ''}`
    : '';
  const cls = e.project.safety_class
    ? `IEC 62304 software safety class ${e.project.safety_class}`
    : 'no IEC 62304 software safety class declared';
  return [
    `# Compliance report: ${escapeMarkdown(e.project.name, t)}`,
    '',
    `${commit}${change} · run started ${escapeMarkdown(e.run.started_at, t)} · ${escapeMarkdown(e.tool.name, t)} ${escapeMarkdown(e.tool.version, t)} · evidence schema ${escapeMarkdown(e.schema_version, t)} · ${cls} · gate verdict **${e.gate.verdict}**`,
  ].join('\n');
}

function intro(e: Evidence): string {
  const policy = e.gate.policy;
  const failOn = policy.fail_on.length > 0 ? policy.fail_on.join(', ') : 'no status';
  return [
    'Each item maps the evidence of this run to a clause of a standard or guidance: ✅ **present** (the evidence shows it), 🟨 **partial** (part of it, or not every result passes), ⬜ **missing** (the evidence does not show it), ➖ **not applicable** (not required for the declared software safety class).',
    '',
    `Missing and partial items are findings for the design history file, not failures: the gate alone decides whether the change may proceed (it fails on ${failOn}; unverified requirements ${policy.require_verified ? 'block' : 'do not block'}). A finding that the gate blocks on is marked. This report maps evidence; it is not a conformity assessment.`,
  ].join('\n');
}

function summary(v: ComplianceView): string {
  const lines = [
    '| Framework | Items | ✅ Present | 🟨 Partial | ⬜ Missing | ➖ Not applicable |',
    '|---|---|---|---|---|---|',
  ];
  for (const { framework, counts, total } of v.counts) {
    lines.push(
      `| ${framework.name} | ${total} | ${counts.present} | ${counts.partial} | ${counts.missing} | ${counts.not_applicable} |`,
    );
  }
  return lines.join('\n');
}

function frameworkName(id: FrameworkId): string {
  return FRAMEWORKS.find((f) => f.id === id)?.name ?? id;
}

function findings(v: ComplianceView, t: Target): string {
  const open = v.rows.filter((r) => r.status === 'missing' || r.status === 'partial');
  if (open.length === 0) return 'No finding: every applicable item is present.';
  return open
    .map(
      (r) =>
        `- **${frameworkName(r.framework)} ${renderPhrase(r.clause, false, t)}** ${renderPhrase(r.title, false, t)} — ${COMPLIANCE_ICON[r.status]} ${STATUS_WORD[r.status]}: ${renderPhrase(r.reason, false, t)}.${gateNote(r, false)}`,
    )
    .join('\n');
}

function section(v: ComplianceView, f: Framework, t: Target): string {
  const rows = v.rows.filter((r) => r.framework === f.id);
  const iec = f.id === 'iec62304';
  const out = [`## ${f.name}`, '', `${f.source}. ${f.scope}`, ''];
  if (iec) {
    const applicable = rows.filter((r) => r.status !== 'not_applicable').length;
    out.push(
      v.safetyClass
        ? `Declared software safety class **${v.safetyClass}**: ${applicable} of ${rows.length} items required, ${rows.length - applicable} not applicable.`
        : `No software safety class declared: every item is treated as required (class C).`,
      '',
    );
  }
  if (f.id === 'pccp' && rows.length === 1 && rows[0]?.status === 'missing') {
    out.push('No predetermined change control plan is declared for this project.', '');
  }
  out.push(
    iec
      ? '| Clause | Title | Classes | Status | Evidence | Finding |\n|---|---|---|---|---|---|'
      : '| Item | Title | Status | Evidence | Finding |\n|---|---|---|---|---|',
  );
  for (const r of rows) {
    const cells = [
      renderPhrase(r.clause, true, t),
      renderPhrase(r.title, true, t),
      ...(iec ? [r.classes ? r.classes.join(', ') : EMPTY] : []),
      statusCell(r.status),
      renderLinks(r.links, true),
      `${renderPhrase(r.reason, true, t)}${gateNote(r, true)}`,
    ];
    out.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  return out.join('\n');
}

function catalogue(t: Target): string {
  const lines = [
    '## Catalogue',
    '',
    'What each item is mapped to in the RegOps evidence.',
    '',
    '| Framework | Item | Title | Mapped to |',
    '|---|---|---|---|',
  ];
  for (const item of COMPLIANCE_CATALOGUE) {
    lines.push(
      `| ${frameworkName(item.framework)} | ${[item.clause, item.title, item.mappedTo].map((s) => escapeMarkdown(s, t)).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/**
 * The compliance report (GitHub-flavoured Markdown): header, summary per framework, findings, one table per
 * framework, the catalogue. Deterministic: the same evidence gives the same bytes. `target` 'html' escapes
 * line breaks in user text for markdown-it with raw HTML disabled (the report pipeline), 'md' (default) for
 * GitHub/GitLab.
 */
export function renderCompliance(e: Evidence, target: Target = 'md'): string {
  const v = assessCompliance(e);
  const parts = [
    header(e, target),
    intro(e),
    '## Summary',
    summary(v),
    '## Findings',
    findings(v, target),
    ...FRAMEWORKS.map((f) => section(v, f, target)),
    catalogue(target),
  ];
  return tidyMarkdown(parts.join('\n\n'));
}
