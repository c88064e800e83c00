import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DatasetConfig, ModelConfig, type RegopsConfig, TargetConfig } from '../src/config';
import { ConfigurationError } from '../src/errors';
import {
  applyOverride,
  evaluatePccp,
  intendedUseText,
  loadPccp,
  type Pccp,
  PccpFile,
  type PccpInput,
  type PccpInputFile,
  PccpOverride,
  type PccpRuleResult,
  pccpCriterionText,
  pccpSummary,
} from '../src/pccp';
import type { CheckResult, Metric } from '../src/results';
import { ModelCardMeta } from '../src/trace';

const REPO = path.resolve(__dirname, '../../..');
const PIMA = path.join(REPO, 'examples/pima-diabetes');

/* ------------------------------------------------------------------ loading */

function writePlan(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'regops-pccp-'));
  writeFileSync(path.join(dir, 'pccp.yml'), text);
  return { dir, file: path.join(dir, 'pccp.yml') };
}

function loadProblems(text: string): { file: string; problems: string[] } {
  const { dir, file } = writePlan(text);
  try {
    loadPccp(dir, 'pccp.yml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).exitCode).toBe(2);
    return { file, problems: (e as ConfigurationError).problems };
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadPccp', () => {
  it('validates the Pima example', () => {
    const plan = loadPccp(PIMA, 'pccp.yml');
    expect(plan.id).toBe('PCCP-001');
    expect(plan.modifications?.map((m) => m.type)).toEqual([
      'retrain',
      'hyperparameters',
      'recalibrate',
      'training_data',
    ]);
    expect(plan.data?.test_set?.dataset).toBe('test');
    expect(plan.acceptance?.floors[0]).toEqual({ metric: 'auroc', on: 'lower', min: 0.7 });
    expect(plan.acceptance?.non_inferiority[0]).toEqual({ metric: 'auroc', margin: 0.05, subgroups: false });
  });

  it('accepts a plan with only version and id', () => {
    const { dir } = writePlan('version: 1\nid: PCCP-9\n');
    expect(loadPccp(dir, 'pccp.yml')).toEqual({ version: 1, id: 'PCCP-9' });
  });

  it('names an unknown key with file:line:col and the nearest known key', () => {
    const { file, problems } = loadProblems(
      'version: 1\nid: PCCP-1\nacceptance:\n  floor:\n    - { metric: auroc, min: 0.7 }\n',
    );
    expect(problems).toEqual([
      `${file}:4:3: acceptance.floor: unknown key \`floor\`; did you mean \`floors\`?`,
    ]);
  });

  it('suggests the nearest key at the top level and inside frozen', () => {
    const { file, problems } = loadProblems(
      'version: 1\nid: PCCP-1\nfrozn: {}\ndata:\n  test_set: { dataset: test, sha265: x }\n',
    );
    expect(problems).toEqual([
      `${file}:3:1: frozn: unknown key \`frozn\`; did you mean \`frozen\`?`,
      `${file}:5:13: data.test_set.sha256: required, but missing`,
      `${file}:5:30: data.test_set.sha265: unknown key \`sha265\`; did you mean \`sha256\`?`,
    ]);
  });

  it('names an unknown criterion metric and suggests the nearest one', () => {
    const { file, problems } = loadProblems(
      'version: 1\nid: PCCP-1\nacceptance:\n  floors:\n    - metric: aucroc\n      min: 0.7\n',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(`^${reEscape(file)}:5:15: acceptance\\.floors\\[0\\]\\.metric: expected one of "auroc", `),
    );
    expect(problems[0]).toMatch(/got "aucroc"; did you mean "auroc"\?$/);
  });

  it('names a non-inferiority metric model.compare does not compute', () => {
    const { problems } = loadProblems(
      'version: 1\nid: PCCP-1\nacceptance:\n  non_inferiority: [{ metric: log_loss, margin: 0.1 }]\n',
    );
    expect(problems[0]).toContain(
      'acceptance.non_inferiority[0].metric: expected one of "auroc", "sensitivity", "specificity", "ppv", "npv", "accuracy", "brier", got "log_loss"',
    );
  });

  it('names a subgroup metric model.subgroups does not compute', () => {
    const { problems } = loadProblems(
      'version: 1\nid: PCCP-1\nacceptance:\n  subgroup_floors:\n    - { attribute: age, metric: f1, min: 0.5 }\n',
    );
    expect(problems[0]).toContain(
      'acceptance.subgroup_floors[0].metric: expected one of "auroc", "sensitivity"',
    );
    expect(problems[0]).toContain('got "f1"');
  });

  it('names an unknown modification type, a wrong type and a bound-less floor', () => {
    const { file, problems } = loadProblems(
      [
        'version: 1',
        'id: PCCP-1',
        'modifications:',
        '  - { type: retrian, description: refit }',
        'acceptance:',
        '  non_inferiority: [{ metric: auroc, margin: five }]',
        '  floors: [{ metric: auroc, on: lower }]',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([
      `${file}:4:13: modifications[0].type: expected one of "retrain", "recalibrate", "threshold", "hyperparameters", "training_data", "preprocessing", "architecture", "features", got "retrian"; did you mean "retrain"?`,
      `${file}:6:46: acceptance.non_inferiority[0].margin: expected number, got "five"`,
      `${file}:7:12: acceptance.floors[0]: needs a bound: set min, max or both`,
    ]);
  });

  it('rejects a duplicate modification type and a malformed sha256', () => {
    const { file, problems } = loadProblems(
      [
        'version: 1',
        'id: PCCP-1',
        'modifications:',
        '  - { type: retrain, description: a }',
        '  - { type: retrain, description: b }',
        'data:',
        '  test_set: { dataset: test, sha256: abc123 }',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([
      `${file}:5:13: modifications[1].type: duplicate modification type "retrain"`,
      `${file}:7:38: data.test_set.sha256: expected 64 hexadecimal digits (the sha256sum of the file), got "abc123"`,
    ]);
  });

  it('requires version and id', () => {
    const { file, problems } = loadProblems('title: x\n');
    expect(problems).toEqual([
      `${file}:1:1: version: expected one of "1", got nothing`,
      `${file}:1:1: id: required, but missing`,
    ]);
  });

  it('reports a missing file and an empty file clearly', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regops-pccp-'));
    expect(() => loadPccp(dir, 'nope.yml')).toThrow(
      new ConfigurationError(`${path.join(dir, 'nope.yml')}: PCCP file not found (no such file)`),
    );
    const { dir: d2, file } = writePlan('# nothing yet\n');
    expect(() => loadPccp(d2, 'pccp.yml')).toThrow(
      `${file}: the PCCP file is empty; see examples/pima-diabetes/pccp.yml`,
    );
  });
});

function reEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/* ---------------------------------------------------------------- evaluator */

const HASH = 'a'.repeat(64);
const OTHER = `${'b'.repeat(12)}${'c'.repeat(52)}`;
const FEATURES = ['pregnant', 'glucose', 'pressure', 'age'];

const PLAN_SOURCE: PccpInputFile = {
  version: 1,
  id: 'PCCP-T',
  modifications: [
    { type: 'retrain', description: 'refit' },
    { type: 'recalibrate', description: 'recalibrate' },
  ],
  frozen: {
    intended_use: 'Prioritise adults   for\n confirmatory testing.',
    input_schema: { input: 'float_input', features: FEATURES },
    output_type: { task: 'binary', probabilities: 'probabilities', positive_index: 1 },
    label_definition: { column: 'diabetes', positive: 'pos' },
  },
  data: { test_set: { dataset: 'test', sha256: HASH }, min_subgroup_n: 20, no_patient_overlap: true },
  acceptance: {
    non_inferiority: [{ metric: 'auroc', margin: 0.05 }],
    floors: [{ metric: 'auroc', on: 'lower', min: 0.7 }],
    subgroup_floors: [{ attribute: 'age', metric: 'sensitivity', min: 0.5 }],
  },
};
const plan = (patch: Partial<PccpInputFile> = {}): Pccp => PccpFile.parse({ ...PLAN_SOURCE, ...patch });

function config(patch: { model?: Partial<ModelConfig>; target?: RegopsConfig['target'] } = {}): RegopsConfig {
  return {
    version: 1,
    project: { name: 'test' },
    model: {
      path: 'm.onnx',
      input: 'float_input',
      features: [...FEATURES],
      probabilities: 'probabilities',
      positive_index: 1,
      batch_size: 4096,
      ...patch.model,
    },
    target: 'target' in patch ? patch.target : { column: 'diabetes', positive: 'pos' },
    datasets: {
      train: { path: 'train.csv', role: 'train', na_values: [] },
      test: { path: 'test.csv', role: 'test', na_values: [] },
    },
    requirements: 'requirements.yml',
    privacy: { sensitive: [], allow_phi: [] },
    gate: { fail_on: ['fail', 'error'], require_verified: false },
    checks: [],
  };
}

function result(p: Partial<CheckResult> & Pick<CheckResult, 'id' | 'check'>): CheckResult {
  return {
    title: p.id,
    status: 'pass',
    verifies: [],
    controls: [],
    metrics: [],
    message: '',
    ...p,
  };
}

const metricResult = (id: string, metric: Metric, dataset = 'test', status: CheckResult['status'] = 'pass') =>
  result({
    id,
    check: 'model.metric',
    status,
    metrics: [metric, { name: 'n', value: 192 }],
    details: { dataset },
  });

const compareResult = (
  id: string,
  delta: Metric,
  opts: {
    subgroup?: { attribute: string; group: string };
    n?: number;
    margin?: number;
    direction?: string;
    dataset?: string;
  } = {},
) =>
  result({
    id: opts.subgroup ? `${id}/${opts.subgroup.attribute}=${opts.subgroup.group}` : id,
    check: 'model.compare',
    metrics: [delta, { name: 'n', value: opts.n ?? 192 }],
    details: {
      metric: delta.name.replace(/^delta_/, ''),
      margin: opts.margin ?? 0.05,
      direction: opts.direction ?? 'higher_is_better',
      subgroup: opts.subgroup ?? null,
      ...(opts.dataset ? { dataset: opts.dataset } : {}),
    },
  });

type Group = Record<string, unknown>;

const subgroupsResult = (groups: Group[], attribute = 'age') =>
  result({
    id: 'age-groups',
    check: 'model.subgroups',
    metrics: [{ name: 'groups', value: groups.length }],
    details: { dataset: 'test', attribute, threshold: 0.3, groups, gaps: {}, unassigned: 0 },
  });

const YOUNG: Group = {
  group: '[21, 40)',
  rows: 146,
  positives: 45,
  sensitivity: { value: 0.7111, ci: [0.5778, 0.8444] },
};
const OLD: Group = {
  group: '[40, 120)',
  rows: 46,
  positives: 22,
  sensitivity: { value: 0.9545, ci: [0.8636, 1] },
};
const GROUPS = [YOUNG, OLD];

const RESULTS: CheckResult[] = [
  result({
    id: 'split/rows',
    check: 'data.leakage',
    metrics: [{ name: 'overlapping_rows', value: 0 }],
    details: { dataset: 'test' },
  }),
  metricResult('auroc', { name: 'auroc', value: 0.8226, ci: [0.757, 0.8812] }),
  compareResult('vs-baseline', { name: 'delta_auroc', value: -0.0013, ci: [-0.03, 0.027] }),
  subgroupsResult(GROUPS),
];

function input(patch: Partial<PccpInput> = {}): PccpInput {
  return {
    change: { modifications: ['retrain'] },
    config: config(),
    intendedUse: 'Prioritise adults for confirmatory testing.',
    datasetHashes: { train: OTHER, test: HASH },
    results: RESULTS,
    ...patch,
  };
}

const ruleOf = (rules: PccpRuleResult[], name: string) => {
  const r = rules.find((x) => x.rule === name);
  if (!r) throw new Error(`no rule ${name} in ${rules.map((x) => x.rule).join(', ')}`);
  return r;
};

/** Evaluate and check that exactly `name` is not met, with this status and message. */
function onlyBroken(
  inp: PccpInput,
  name: string,
  status: 'violated' | 'not_evaluated',
  message: string,
  p = plan(),
) {
  const v = evaluatePccp(p, inp);
  expect(v.verdict).toBe('outside');
  expect(v.rules.filter((r) => r.status !== 'met')).toEqual([{ rule: name, status, message }]);
}

describe('evaluatePccp', () => {
  it('is within the plan when every rule is met', () => {
    const v = evaluatePccp(plan(), input());
    expect(v).toEqual({
      id: 'PCCP-T',
      verdict: 'within',
      rules: [
        { rule: 'modifications', status: 'met', message: 'declared retrain; allowed by the plan' },
        { rule: 'frozen.intended_use', status: 'met', message: 'intended use as in the plan' },
        {
          rule: 'frozen.input_schema',
          status: 'met',
          message: "input float_input with the 4 features in the plan's order",
        },
        {
          rule: 'frozen.output_type',
          status: 'met',
          message: 'task "binary", probabilities "probabilities", positive_index 1 as in the plan',
        },
        {
          rule: 'frozen.label_definition',
          status: 'met',
          message: 'column "diabetes", positive "pos" as in the plan',
        },
        { rule: 'data.test_set', status: 'met', message: 'test: sha256 aaaaaaaaaaaa… as in the plan' },
        {
          rule: 'data.min_subgroup_n',
          status: 'met',
          message: 'every group has n ≥ 20 (2 group(s); smallest age=[40, 120) with n=46)',
        },
        {
          rule: 'data.no_patient_overlap',
          status: 'met',
          message:
            'split/rows passed (identical rows only: set id_column on the check to compare patient IDs)',
        },
        {
          rule: 'acceptance.non_inferiority[0]',
          status: 'met',
          message: 'non-inferior within margin 0.05: vs-baseline: Δ AUROC -0.0013 (95% CI -0.03 to 0.027)',
        },
        {
          rule: 'acceptance.floors[0]',
          status: 'met',
          message: 'AUROC (lower end of the 95% CI) ≥ 0.7 on test: auroc 0.757',
        },
        {
          rule: 'acceptance.subgroup_floors[0]',
          status: 'met',
          message: 'sensitivity ≥ 0.5 in every age group on test: [21, 40) 0.7111, [40, 120) 0.9545',
        },
      ],
    });
  });

  describe('modifications', () => {
    it('violated when a declared type is not allowed', () => {
      onlyBroken(
        input({ change: { modifications: ['retrain', 'architecture'] } }),
        'modifications',
        'violated',
        'the change declares "architecture", which the plan does not allow (allowed: retrain, recalibrate)',
      );
    });
    it('violated when the change declares none', () => {
      onlyBroken(
        input({ change: { modifications: [] } }),
        'modifications',
        'violated',
        'the change declares no modification type; set pccp.modifications in regops.yml',
      );
    });
    it('suggests the nearest type for a misspelled one', () => {
      onlyBroken(
        input({ change: { modifications: ['retrian'] } }),
        'modifications',
        'violated',
        '"retrian" is not a modification type; did you mean "retrain"? (allowed: retrain, recalibrate)',
      );
    });
    it('violated when the plan allows none', () => {
      const { modifications: _, ...rest } = PLAN_SOURCE;
      onlyBroken(
        input(),
        'modifications',
        'violated',
        'the plan allows no modification type; the change declares retrain',
        PccpFile.parse(rest),
      );
    });
  });

  describe('frozen', () => {
    it('intended use: compared whitespace-normalized, both texts named', () => {
      onlyBroken(
        input({ intendedUse: 'Diagnose diabetes in adults.' }),
        'frozen.intended_use',
        'violated',
        'intended use differs: "Prioritise adults for confirmatory testing." in the plan, "Diagnose diabetes in adults." in the change',
      );
    });
    it('intended use: long texts are shown around the first difference', () => {
      const long = `${'word '.repeat(30)}ends here.`;
      const v = evaluatePccp(
        plan({ frozen: { intended_use: long } }),
        input({ intendedUse: `${long} More.` }),
      );
      expect(ruleOf(v.rules, 'frozen.intended_use').message).toBe(
        'intended use differs: from character 161: "…word word word word ends here." in the plan, "…word word word word ends here. More." in the change',
      );
    });
    it('intended use: not evaluated without a model card', () => {
      onlyBroken(
        input({ intendedUse: null }),
        'frozen.intended_use',
        'not_evaluated',
        'the model card states no intended use: set intended_use.purpose in the model card file',
      );
    });
    it('input schema: names the feature that differs and both values', () => {
      onlyBroken(
        input({ config: config({ model: { features: ['pregnant', 'glucose', 'bp', 'age'] } }) }),
        'frozen.input_schema',
        'violated',
        'features[2]: "pressure" in the plan, "bp" in the change',
      );
    });
    it('input schema: a renamed input and an added feature', () => {
      onlyBroken(
        input({ config: config({ model: { input: 'x', features: [...FEATURES, 'insulin'] } }) }),
        'frozen.input_schema',
        'violated',
        'input: "float_input" in the plan, "x" in the change; features[4]: not set in the plan, "insulin" in the change',
      );
    });
    it('output type: a different positive column', () => {
      onlyBroken(
        input({ config: config({ model: { positive_index: 0 } }) }),
        'frozen.output_type',
        'violated',
        'positive_index: 1 in the plan, 0 in the change',
      );
    });
    it('output type: task defaults to binary in the change', () => {
      onlyBroken(
        input({ config: config({ model: { task: 'regression' } }) }),
        'frozen.output_type',
        'violated',
        'task: "binary" in the plan, "regression" in the change',
      );
    });
    it('label definition: a different positive value', () => {
      onlyBroken(
        input({ config: config({ target: { column: 'diabetes', positive: '1' } }) }),
        'frozen.label_definition',
        'violated',
        'positive: "pos" in the plan, "1" in the change',
      );
    });
    it('label definition: a change without a target section', () => {
      onlyBroken(
        input({ config: config({ target: undefined }) }),
        'frozen.label_definition',
        'violated',
        'the change has no target section; the plan fixes the label',
      );
    });
  });

  describe('data', () => {
    it('test set: a different sha256 is outside, both hashes shown', () => {
      onlyBroken(
        input({ datasetHashes: { test: OTHER } }),
        'data.test_set',
        'violated',
        'test: sha256 aaaaaaaaaaaa… in the plan, bbbbbbbbbbbb… in the change (the sequestered test set must not change)',
      );
    });
    it('test set: a renamed dataset', () => {
      const c = config();
      c.datasets = { train: c.datasets.train as DatasetConfig, tests: c.datasets.test as DatasetConfig };
      onlyBroken(
        input({ config: c }),
        'data.test_set',
        'violated',
        'dataset "test" is not in the change\'s datasets (renamed to "tests"?) (defined: train, tests)',
      );
    });
    it('test set: not evaluated without a hash', () => {
      onlyBroken(
        input({ datasetHashes: {} }),
        'data.test_set',
        'not_evaluated',
        'no sha256 of dataset "test" in the evidence inputs: the run must read and hash its file',
      );
    });
    it('min_subgroup_n: names the groups below', () => {
      const groups = [YOUNG, { ...OLD, rows: 12 }];
      onlyBroken(
        input({ results: [...RESULTS.slice(0, 3), subgroupsResult(groups)] }),
        'data.min_subgroup_n',
        'violated',
        '1 group(s) below n = 20: age=[40, 120) (n=12)',
      );
    });
    it('min_subgroup_n: reads per-group model.compare results too', () => {
      const small = compareResult(
        'vs-baseline',
        { name: 'delta_auroc', value: 0.01, ci: [-0.02, 0.04] },
        { subgroup: { attribute: 'site', group: 'B' }, n: 7 },
      );
      onlyBroken(
        input({ results: [...RESULTS, small] }),
        'data.min_subgroup_n',
        'violated',
        '1 group(s) below n = 20: site=B (n=7)',
      );
    });
    it('min_subgroup_n: not evaluated without per-group results', () => {
      const v = evaluatePccp(plan({ acceptance: {} }), input({ results: RESULTS.slice(0, 3) }));
      expect(ruleOf(v.rules, 'data.min_subgroup_n')).toEqual({
        rule: 'data.min_subgroup_n',
        status: 'not_evaluated',
        message:
          'no per-group results: add a model.subgroups check (or a model.compare check with subgroups) to show the group sizes',
      });
      expect(v.verdict).toBe('outside');
    });
    it('no_patient_overlap: violated when the split check fails', () => {
      const failed = result({
        id: 'split/ids',
        check: 'data.leakage',
        status: 'fail',
        metrics: [{ name: 'shared_ids', value: 3 }],
        message: 'test vs train: 3 patient_id value(s) in both datasets',
      });
      onlyBroken(
        input({ results: [failed, ...RESULTS.slice(1)] }),
        'data.no_patient_overlap',
        'violated',
        'split/ids fail: test vs train: 3 patient_id value(s) in both datasets',
      );
    });
    it('no_patient_overlap: not evaluated when the split check could not run', () => {
      const errored = result({
        id: 'split',
        check: 'data.leakage',
        status: 'error',
        message: 'column(s) missing: patient_id not in data/test.csv',
      });
      onlyBroken(
        input({ results: [errored, ...RESULTS.slice(1)] }),
        'data.no_patient_overlap',
        'not_evaluated',
        'split error: column(s) missing: patient_id not in data/test.csv',
      );
    });
    it('no_patient_overlap: not evaluated without a split result', () => {
      onlyBroken(
        input({ results: RESULTS.slice(1) }),
        'data.no_patient_overlap',
        'not_evaluated',
        'no split-integrity result: add a data.leakage check (reference: train, current: test; id_column: the patient ID column)',
      );
    });
    it('no_patient_overlap: a passing ID comparison needs no note', () => {
      const ids = result({
        id: 'split/ids',
        check: 'data.leakage',
        metrics: [{ name: 'shared_ids', value: 0 }],
      });
      const v = evaluatePccp(plan(), input({ results: [ids, ...RESULTS] }));
      expect(ruleOf(v.rules, 'data.no_patient_overlap').message).toBe('split/ids, split/rows passed');
    });
  });

  describe('acceptance', () => {
    it('non-inferiority: violated when the lower end is below −margin', () => {
      onlyBroken(
        input({
          results: [
            ...RESULTS.slice(0, 2),
            compareResult('vs-baseline', { name: 'delta_auroc', value: -0.03, ci: [-0.0712, 0.01] }),
            RESULTS[3] as CheckResult,
          ],
        }),
        'acceptance.non_inferiority[0]',
        'violated',
        'not non-inferior within margin 0.05: vs-baseline: Δ AUROC -0.03 (95% CI -0.0712 to 0.01), lower end -0.0712 < -0.05',
      );
    });
    it("non-inferiority: the plan's margin applies, not the check's", () => {
      const loose = compareResult(
        'vs-baseline',
        { name: 'delta_auroc', value: -0.03, ci: [-0.06, 0.0] },
        { margin: 0.1 },
      );
      const v = evaluatePccp(
        plan(),
        input({ results: [...RESULTS.slice(0, 2), loose, RESULTS[3] as CheckResult] }),
      );
      expect(ruleOf(v.rules, 'acceptance.non_inferiority[0]').status).toBe('violated');
    });
    it('non-inferiority: missing model.compare evidence is not evaluated, so outside', () => {
      onlyBroken(
        input({ results: RESULTS.filter((r) => r.check !== 'model.compare') }),
        'acceptance.non_inferiority[0]',
        'not_evaluated',
        'no model.compare result for auroc on test: add a model.compare check with metric: auroc, dataset: test',
      );
    });
    it('non-inferiority: a comparison on another dataset does not count', () => {
      const elsewhere = compareResult(
        'vs-baseline',
        { name: 'delta_auroc', value: 0.01, ci: [-0.02, 0.04] },
        { dataset: 'shifted' },
      );
      onlyBroken(
        input({ results: [...RESULTS.filter((r) => r.check !== 'model.compare'), elsewhere] }),
        'acceptance.non_inferiority[0]',
        'not_evaluated',
        'no model.compare result for auroc on test: add a model.compare check with metric: auroc, dataset: test',
      );
      const onTest = compareResult(
        'vs-baseline',
        { name: 'delta_auroc', value: 0.01, ci: [-0.02, 0.04] },
        { dataset: 'test' },
      );
      const v = evaluatePccp(
        plan(),
        input({ results: [...RESULTS.slice(0, 2), onTest, RESULTS[3] as CheckResult] }),
      );
      expect(v.verdict).toBe('within');
    });
    it('non-inferiority: lower-is-better metrics are judged by the upper end', () => {
      const p = plan({
        acceptance: { non_inferiority: [{ metric: 'brier', margin: 0.02 }] },
      });
      const brier = (hi: number) =>
        compareResult(
          'brier-vs-baseline',
          { name: 'delta_brier', value: 0.005, ci: [-0.01, hi] },
          { direction: 'lower_is_better' },
        );
      const ok = evaluatePccp(p, input({ results: [...RESULTS, brier(0.019)] }));
      expect(ok.verdict).toBe('within');
      onlyBroken(
        input({ results: [...RESULTS, brier(0.031)] }),
        'acceptance.non_inferiority[0]',
        'violated',
        'not non-inferior within margin 0.02: brier-vs-baseline: Δ Brier score 0.005 (95% CI -0.01 to 0.031), upper end 0.031 > +0.02',
        p,
      );
    });
    it('non-inferiority: per subgroup when the plan asks for it', () => {
      const p = plan({
        acceptance: { non_inferiority: [{ metric: 'auroc', margin: 0.05, subgroups: true }] },
        data: { test_set: { dataset: 'test', sha256: HASH } },
      });
      onlyBroken(
        input(),
        'acceptance.non_inferiority[0]',
        'not_evaluated',
        'no per-subgroup model.compare result for auroc on test: set `by:` (the subgroup column) on the model.compare check for auroc',
        p,
      );
      const sub = (group: string, lo: number) =>
        compareResult(
          'vs-baseline',
          { name: 'delta_auroc', value: 0, ci: [lo, 0.05] },
          { subgroup: { attribute: 'age', group } },
        );
      onlyBroken(
        input({ results: [...RESULTS, sub('young', -0.02), sub('old', -0.09)] }),
        'acceptance.non_inferiority[0]',
        'violated',
        'not non-inferior within margin 0.05: vs-baseline/age=old: Δ AUROC 0 (95% CI -0.09 to 0.05), lower end -0.09 < -0.05',
        p,
      );
    });
    it('non-inferiority: a result without an interval is not evaluated', () => {
      const noCi = result({
        id: 'vs-baseline',
        check: 'model.compare',
        status: 'error',
        metrics: [{ name: 'delta_auroc', value: null }],
        details: { metric: 'auroc', subgroup: null },
      });
      onlyBroken(
        input({ results: [...RESULTS.slice(0, 2), noCi, RESULTS[3] as CheckResult] }),
        'acceptance.non_inferiority[0]',
        'not_evaluated',
        'vs-baseline: no confidence interval for Δ AUROC (status error)',
      );
    });
    it('floors: violated when the lower CI end is below the floor', () => {
      onlyBroken(
        input({
          results: [
            RESULTS[0] as CheckResult,
            metricResult('auroc', { name: 'auroc', value: 0.78, ci: [0.68, 0.86] }),
            ...RESULTS.slice(2),
          ],
        }),
        'acceptance.floors[0]',
        'violated',
        'auroc: AUROC (lower end of the 95% CI) 0.68 < 0.7',
      );
    });
    it('floors: only results on the test set count', () => {
      onlyBroken(
        input({
          results: [
            RESULTS[0] as CheckResult,
            metricResult('auroc', { name: 'auroc', value: 0.8, ci: [0.75, 0.85] }, 'train'),
            ...RESULTS.slice(2),
          ],
        }),
        'acceptance.floors[0]',
        'not_evaluated',
        'no model.metric result for auroc on test: add a model.metric check with metric: auroc, dataset: test',
      );
    });
    it('floors: a point-estimate result without an interval cannot show the lower end', () => {
      onlyBroken(
        input({
          results: [
            RESULTS[0] as CheckResult,
            metricResult('auroc', { name: 'auroc', value: 0.8 }),
            ...RESULTS.slice(2),
          ],
        }),
        'acceptance.floors[0]',
        'not_evaluated',
        'no confidence interval for auroc on test (auroc): set ci: on the model.metric check',
      );
    });
    it('floors: max bounds and a named check', () => {
      const p = plan({
        acceptance: { floors: [{ metric: 'brier', on: 'upper', max: 0.2, check: 'calibration' }] },
      });
      const results = [
        ...RESULTS,
        metricResult('calibration', { name: 'brier', value: 0.165, ci: [0.133, 0.21] }),
        metricResult('other-brier', { name: 'brier', value: 0.3, ci: [0.25, 0.35] }),
      ];
      onlyBroken(
        input({ results }),
        'acceptance.floors[0]',
        'violated',
        'calibration: Brier score (upper end of the 95% CI) 0.21 > 0.2',
        p,
      );
    });
    it('subgroup floors: names the group below the floor', () => {
      const groups = [YOUNG, { ...OLD, sensitivity: { value: 0.45, ci: [0.3, 0.6] } }];
      onlyBroken(
        input({ results: [...RESULTS.slice(0, 3), subgroupsResult(groups)] }),
        'acceptance.subgroup_floors[0]',
        'violated',
        'age=[40, 120): sensitivity 0.45 < 0.5',
      );
    });
    it('subgroup floors: a group too small to judge is not evaluated', () => {
      const groups = [YOUNG, { group: '[40, 120)', rows: 25, positives: 5, too_small: true }];
      onlyBroken(
        input({ results: [...RESULTS.slice(0, 3), subgroupsResult(groups)] }),
        'acceptance.subgroup_floors[0]',
        'not_evaluated',
        'age=[40, 120): too small to judge (n=25)',
      );
    });
    it('subgroup floors: the metric must be computed by a model.subgroups check on that attribute', () => {
      const noSens = GROUPS.map(({ sensitivity: _, ...g }) => ({
        ...g,
        auroc: { value: 0.8, ci: [0.7, 0.9] },
      }));
      onlyBroken(
        input({ results: [...RESULTS.slice(0, 3), subgroupsResult(noSens)] }),
        'acceptance.subgroup_floors[0]',
        'not_evaluated',
        'model.subgroups for age does not compute sensitivity: add sensitivity under the metrics of check age-groups',
      );
      const v = evaluatePccp(
        plan(),
        input({ results: [...RESULTS.slice(0, 3), subgroupsResult(GROUPS, 'sex')] }),
      );
      expect(ruleOf(v.rules, 'acceptance.subgroup_floors[0]')).toEqual({
        rule: 'acceptance.subgroup_floors[0]',
        status: 'not_evaluated',
        message:
          'no model.subgroups result for attribute age on test: add a model.subgroups check with attribute: age and sensitivity under its metrics',
      });
    });
  });

  it('records an override and keeps the verdict outside', () => {
    const v = evaluatePccp(plan(), input({ datasetHashes: { test: OTHER } }));
    const o = PccpOverride.parse({
      reason: 'Test set corrected for two mislabelled records (see CAPA).',
      approved_by: 'J. Doe, Head of QA',
      reference: 'CAPA-2024-017',
    });
    const overridden = applyOverride(v, o);
    expect(overridden.verdict).toBe('outside');
    expect(overridden.overridden).toEqual(o);
    expect(pccpSummary(overridden)).toBe(
      'PCCP-T: outside the plan (violated: data.test_set); overridden by J. Doe, Head of QA (CAPA-2024-017)',
    );
    expect(PccpOverride.safeParse({ reason: 'too short', approved_by: 'x', reference: 'y' }).success).toBe(
      false,
    );
  });

  it('summarises and prints the criteria', () => {
    expect(pccpSummary(evaluatePccp(plan(), input()))).toBe('PCCP-T: within the plan (11 of 11 rules met)');
    expect(pccpSummary(evaluatePccp(plan(), input({ intendedUse: null, results: [] })))).toBe(
      'PCCP-T: outside the plan (not evaluated: frozen.intended_use, data.min_subgroup_n, data.no_patient_overlap, acceptance.non_inferiority[0], acceptance.floors[0], acceptance.subgroup_floors[0])',
    );
    expect(pccpCriterionText(plan())).toEqual([
      {
        rule: 'modifications',
        criterion: 'The change declares only these modification types: retrain, recalibrate',
      },
      {
        rule: 'frozen.intended_use',
        criterion: 'Intended use unchanged: "Prioritise adults for confirmatory testing."',
      },
      {
        rule: 'frozen.input_schema',
        criterion: 'Model input float_input with features pregnant, glucose, pressure, age, in this order',
      },
      {
        rule: 'frozen.output_type',
        criterion:
          'Output unchanged: task binary, probabilities output probabilities, positive class in column 1',
      },
      {
        rule: 'frozen.label_definition',
        criterion: 'Label definition unchanged: column diabetes, positive "pos"',
      },
      { rule: 'data.test_set', criterion: 'Sequestered test set test unchanged (sha256 aaaaaaaaaaaa…)' },
      { rule: 'data.min_subgroup_n', criterion: 'Every evaluated subgroup has n ≥ 20' },
      {
        rule: 'data.no_patient_overlap',
        criterion: 'No record or patient in both the training and the test data (data.leakage passes)',
      },
      {
        rule: 'acceptance.non_inferiority[0]',
        criterion:
          'Non-inferior to the baseline in AUROC: 95% CI of Δ (candidate − baseline) lower end ≥ -0.05 on test',
      },
      { rule: 'acceptance.floors[0]', criterion: 'AUROC (lower end of the 95% CI) ≥ 0.7 on test' },
      { rule: 'acceptance.subgroup_floors[0]', criterion: 'sensitivity ≥ 0.5 in every age group on test' },
    ]);
  });
});

/* ------------------------------------------------------------ Pima example */

describe('examples/pima-diabetes/pccp.yml', () => {
  const regops = parse(readFileSync(path.join(PIMA, 'regops.yml'), 'utf8')) as Record<string, unknown>;
  const pimaConfig: RegopsConfig = {
    ...config(),
    model: ModelConfig.parse(regops.model),
    target: TargetConfig.parse(regops.target),
    datasets: Object.fromEntries(
      Object.entries(regops.datasets as Record<string, unknown>).map(([k, v]) => [k, DatasetConfig.parse(v)]),
    ),
  };
  const card = ModelCardMeta.parse(parse(readFileSync(path.join(PIMA, 'modelcard.yml'), 'utf8')));
  const sha = (rel: string) =>
    createHash('sha256')
      .update(readFileSync(path.join(PIMA, rel)))
      .digest('hex');
  // Numbers from a run of the example (out/pima-diabetes/evidence.json); the comparison with the baseline
  // is written here until the example declares a model.compare check.
  const results: CheckResult[] = [
    result({ id: 'split/rows', check: 'data.leakage', metrics: [{ name: 'overlapping_rows', value: 0 }] }),
    metricResult('auroc', {
      name: 'auroc',
      value: 0.8225671641791045,
      ci: [0.7569910447761194, 0.8811940298507462],
    }),
    metricResult('auroc-interval', {
      name: 'auroc',
      value: 0.8225671641791045,
      ci: [0.7471675053950273, 0.8789612269596347],
    }),
    metricResult('sensitivity', { name: 'sensitivity', value: 0.7910447761194029, ci: [0.701, 0.8806] }),
    metricResult('specificity', { name: 'specificity', value: 0.728, ci: [0.64, 0.808] }),
    metricResult('calibration', { name: 'brier', value: 0.1653889655698547, ci: [0.1332, 0.1985] }),
    subgroupsResult([
      {
        group: '[21, 40)',
        rows: 146,
        positives: 45,
        auroc: { value: 0.8261826182618262, ci: [0.7443, 0.8929] },
        sensitivity: { value: 0.7111111111111111, ci: [0.5778, 0.8444] },
      },
      {
        group: '[40, 120)',
        rows: 46,
        positives: 22,
        auroc: { value: 0.7935606060606061, ci: [0.6609, 0.9129] },
        sensitivity: { value: 0.9545454545454546, ci: [0.8636, 1] },
      },
    ]),
    compareResult('vs-baseline', { name: 'delta_auroc', value: -0.0013, ci: [-0.03, 0.027] }),
  ];
  const pimaInput = (patch: Partial<PccpInput> = {}): PccpInput => ({
    change: { modifications: ['retrain', 'hyperparameters'] },
    config: pimaConfig,
    intendedUse: intendedUseText(card),
    datasetHashes: { train: sha('data/train.csv'), test: sha('data/test.csv') },
    results,
    ...patch,
  });

  it('freezes what regops.yml and modelcard.yml declare, and the real test-set hash', () => {
    const p = loadPccp(PIMA, 'pccp.yml');
    expect(p.frozen?.input_schema).toEqual({
      input: pimaConfig.model?.input,
      features: pimaConfig.model?.features,
    });
    expect(p.frozen?.intended_use).toBe(card.intended_use?.purpose);
    expect(p.frozen?.label_definition).toEqual({ column: 'diabetes', positive: 'pos' });
    expect(p.data?.test_set?.sha256).toBe(sha('data/test.csv'));
  });

  it('the Pima candidate is within the plan', () => {
    const v = evaluatePccp(loadPccp(PIMA, 'pccp.yml'), pimaInput());
    expect(v.rules.filter((r) => r.status !== 'met')).toEqual([]);
    expect(v.verdict).toBe('within');
    expect(ruleOf(v.rules, 'acceptance.floors[0]').message).toBe(
      'AUROC (lower end of the 95% CI) ≥ 0.7 on test: auroc 0.757, auroc-interval 0.7472',
    );
  });

  it('a changed training set is fine, a changed test set is outside', () => {
    const p = loadPccp(PIMA, 'pccp.yml');
    const hashes = { train: '0'.repeat(64), test: sha('data/test.csv') };
    expect(evaluatePccp(p, pimaInput({ datasetHashes: hashes })).verdict).toBe('within');
    const shifted = { ...hashes, test: sha('data/shifted.csv') };
    const v = evaluatePccp(p, pimaInput({ datasetHashes: shifted }));
    expect(v.verdict).toBe('outside');
    expect(v.rules.filter((r) => r.status !== 'met').map((r) => r.rule)).toEqual(['data.test_set']);
  });

  it('an architecture change is outside the plan', () => {
    const v = evaluatePccp(
      loadPccp(PIMA, 'pccp.yml'),
      pimaInput({ change: { modifications: ['architecture'] } }),
    );
    expect(v.verdict).toBe('outside');
    expect(ruleOf(v.rules, 'modifications').message).toBe(
      'the change declares "architecture", which the plan does not allow (allowed: retrain, hyperparameters, recalibrate, training_data)',
    );
  });
});
