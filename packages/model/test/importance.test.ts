import {
  CheckRegistry,
  type CheckResult,
  ConfigurationError,
  createMemo,
  type RegopsConfig,
  type RunContext,
} from '@regops/core';
import { createDataServices } from '@regops/data';
import { afterAll, describe, expect, it } from 'vitest';
import {
  importanceUnits,
  inspectModel,
  type ModelImportanceConfig,
  modelImportanceCheck,
  numericTable,
  permutationImportance,
  Xoshiro128,
} from '../src';
import { FEATURES, PIMA } from './helpers';
import { logisticSetup } from './logistic';

const registry = new CheckRegistry().register(modelImportanceCheck);
const quiet = { info() {}, warn() {}, debug() {} };

describe('permutation importance on a synthetic logistic ONNX model', () => {
  // Independent standard-normal features; the true model is the ONNX model, so the effects are known.
  const COEF = [2.0, 1.0, 0.3, 0];
  const setup = logisticSetup(COEF, -0.5);
  afterAll(() => setup.cleanup());
  const n = 2000;
  const rng = new Xoshiro128(42);
  const cols = COEF.map(() => Float64Array.from({ length: n }, () => rng.normal()));
  const labels = Uint8Array.from({ length: n }, (_, i) => {
    const z = -0.5 + COEF.reduce((s, c, j) => s + c * (cols[j]?.[i] as number), 0);
    return rng.float() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  });
  const table = numericTable('synthetic', 'synthetic.csv', setup.features, cols);

  it('ranks the features in the order of their true effect, with intervals over repeats', async () => {
    const r = await permutationImportance({
      rootDir: setup.dir,
      model: setup.model,
      table,
      labels,
      metric: 'auroc',
      units: importanceUnits(setup.features),
      repeats: 10,
      seed: 0,
      level: 0.95,
    });
    expect(r.ranking.map((f) => f.feature)).toEqual(['x1', 'x2', 'x3', 'x4']);
    const [a, b, c, d] = r.ranking;
    // Clearly separated for the real effects; the null feature's interval covers 0.
    expect(a?.low).toBeGreaterThan(b?.high as number);
    expect(b?.low).toBeGreaterThan(c?.high as number);
    expect(c?.low).toBeGreaterThan(0);
    expect(d?.low).toBeLessThanOrEqual(0);
    expect(d?.high).toBeGreaterThanOrEqual(0);
    expect(Math.abs(d?.importance as number)).toBeLessThan(0.002);
    for (const f of r.ranking) expect(f.drops).toHaveLength(10);
    // 4 features × 10 repeats × 2000 rows stacked into one inference table.
    expect(r.batches).toBe(1);
    // Same seed, same numbers; brier (lower is better) gives the same order with positive drops.
    const again = await permutationImportance({
      rootDir: setup.dir,
      model: setup.model,
      table,
      labels,
      metric: 'brier',
      units: importanceUnits(setup.features),
      repeats: 5,
      seed: 0,
      level: 0.9,
    });
    expect(again.ranking.map((f) => f.feature).slice(0, 3)).toEqual(['x1', 'x2', 'x3']);
    expect(again.ranking[0]?.importance).toBeGreaterThan(0);
  });

  it('permutes a group of columns together, as one feature', async () => {
    const r = await permutationImportance({
      rootDir: setup.dir,
      model: setup.model,
      table,
      labels,
      metric: 'auroc',
      units: importanceUnits(setup.features, { strong: ['x1', 'x2'] }),
      repeats: 4,
      seed: 3,
      level: 0.95,
    });
    expect(r.ranking.map((f) => f.feature)).toEqual(['strong', 'x3', 'x4']);
    expect(r.ranking[0]?.columns).toEqual(['x1', 'x2']);
  });
});

function pimaConfig(checks: Record<string, unknown>[], over: Record<string, unknown> = {}): RegopsConfig {
  return registry.configSchema().parse({
    version: 1,
    project: { name: 'pima' },
    requirements: 'requirements.yml',
    model: {
      path: 'models/pima_hgb_candidate.onnx',
      input: 'float_input',
      features: FEATURES,
      label: 'label',
    },
    baseline: { model: 'models/pima_logreg_baseline.onnx' },
    target: { column: 'diabetes', positive: 'pos' },
    datasets: {
      train: { path: 'data/train.csv', role: 'train' },
      test: { path: 'data/test.csv', role: 'test' },
    },
    checks: checks.map((c) => ({ type: 'model.importance', ...c })),
    ...over,
  });
}

function context(config: RegopsConfig, withBaseline = true): RunContext {
  return {
    rootDir: PIMA,
    config,
    log: quiet,
    baseline: withBaseline
      ? {
          source: 'path',
          modelPath: `${PIMA}/models/pima_logreg_baseline.onnx`,
          modelDisplay: 'models/pima_logreg_baseline.onnx',
          config: null,
        }
      : null,
    services: { ...createDataServices(config, PIMA), inspectModel: (rel) => inspectModel(PIMA, rel) },
    memo: createMemo(),
  };
}

async function run(config: RegopsConfig, withBaseline = true): Promise<CheckResult> {
  const [r] = await modelImportanceCheck.run(
    context(config, withBaseline),
    config.checks[0] as ModelImportanceConfig,
  );
  return r as CheckResult;
}

interface Ranked {
  rank: number;
  feature: string;
  importance: number;
  low: number;
  high: number;
}

describe('model.importance on the Pima example', () => {
  it('records every feature with an interval and passes without must_not_drive', async () => {
    const t0 = performance.now();
    const r = await run(pimaConfig([{ id: 'importance' }]));
    const seconds = (performance.now() - t0) / 1000;
    expect(r.status).toBe('pass');
    const ranking = r.details?.ranking as Ranked[];
    expect(ranking).toHaveLength(8);
    expect(ranking.map((x) => x.feature).sort()).toEqual([...FEATURES].sort());
    for (const f of FEATURES) {
      const m = r.metrics.find((x) => x.name === `importance:${f}`);
      expect(m?.ci).toHaveLength(2);
      expect(
        (m?.ci?.[0] as number) <= (m?.value as number) && (m?.value as number) <= (m?.ci?.[1] as number),
      ).toBe(true);
    }
    // glucose is the strongest predictor of diabetes in Pima.
    expect(ranking[0]?.feature).toBe('glucose');
    expect(r.message).toMatch(
      /top features by AUROC drop over 10 permutations \(95% interval over repeats\): glucose/,
    );
    expect(r.details?.interval).toMatchObject({ kind: 'percentile over the permutation repeats' });
    expect(r.details?.inference_batches).toBe(1);
    expect(seconds).toBeLessThan(10);
  });

  it('age marked must-not-drive: fails naming age exactly when it is in the top 3 or its interval excludes 0', async () => {
    const r = await run(pimaConfig([{ id: 'no-age', must_not_drive: ['age'], top_k: 3 }]));
    const ranking = r.details?.ranking as Ranked[];
    const age = ranking.find((x) => x.feature === 'age') as Ranked;
    const drives = age.rank <= 3 || age.low > 0;
    expect(r.status).toBe(drives ? 'fail' : 'pass');
    if (drives) {
      expect(r.message).toMatch(/^age must not drive the model, but it /);
      expect(r.message).toContain(age.rank <= 3 ? `ranks #${age.rank} of 8 (top 3)` : 'lies above 0');
    }
    expect(r.details?.must_not_drive).toMatchObject({ features: ['age'], top_k: 3 });
    // On this model and split age ranks #3 (AUROC drop ≈ 0.022, interval ≈ 0.010–0.035): the check fails.
    expect(age.rank).toBe(3);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('ranks #3 of 8 (top 3) and its 95% interval over repeats lies above 0');
  });

  it('explains the flips and the most confidently missed positives with exact Shapley values', async () => {
    const r = await run(
      pimaConfig([{ id: 'why', attributions: { flips: 3, false_negatives: 3, background: 50 } }]),
    );
    const att = r.details?.attributions as {
      features: string[];
      false_negatives: {
        row: number;
        p: number;
        value: number;
        base: number;
        attributions: Record<string, number>;
      }[];
      flips: {
        count: number;
        explained: {
          row: number;
          candidate: { attributions: Record<string, number>; value: number; base: number };
        }[];
      };
    };
    expect(att.false_negatives).toHaveLength(3);
    const ps = att.false_negatives.map((c) => c.p);
    expect([...ps].sort((a, b) => a - b)).toEqual(ps);
    for (const c of att.false_negatives) {
      expect(Object.keys(c.attributions)).toEqual(FEATURES);
      const sum = Object.values(c.attributions).reduce((s, v) => s + v, 0);
      expect(sum).toBeCloseTo(c.value - c.base, 9);
    }
    expect(att.flips.count).toBeGreaterThan(0);
    expect(att.flips.explained.length).toBe(Math.min(3, att.flips.count));
    // Row numbers and attributions only: no feature value is recorded.
    for (const c of att.false_negatives) {
      expect(Object.keys(c).sort()).toEqual(['attributions', 'base', 'efficiency_gap', 'p', 'row', 'value']);
    }
    const text = JSON.stringify(r.details);
    expect(text).toContain('no feature value is recorded');
  });

  it('without a baseline model the flips are skipped, not an error', async () => {
    const r = await run(
      pimaConfig([{ id: 'why', repeats: 3, attributions: { false_negatives: 1, background: 20 } }]),
      false,
    );
    const att = r.details?.attributions as { flips: unknown };
    expect(att.flips).toEqual({
      skipped: 'no baseline model resolved',
    });
  });
});

describe('model.importance bad input', () => {
  const problems = (entry: Record<string, unknown>) => {
    const config = pimaConfig([{ id: 'i', ...entry }]);
    return modelImportanceCheck.validate?.(config.checks[0] as ModelImportanceConfig, config) ?? [];
  };

  it('names a group column that is not a feature, with the config path', () => {
    const p = problems({ groups: { body: ['mass', 'tricep'] } });
    expect(p).toContainEqual({
      path: ['groups', 'body', 1],
      message: expect.stringMatching(/"tricep" is not one of model.features; did you mean "triceps"\?/),
    });
  });

  it('names a must-not-drive feature that the model does not have', () => {
    const p = problems({ must_not_drive: ['record_id'] });
    expect(p[0]?.path).toEqual(['must_not_drive', 0]);
    expect(p[0]?.message).toMatch(/"record_id" is not a model feature or group/);
    expect(problems({ must_not_drive: ['body'], groups: { body: ['mass', 'triceps'] } })).toEqual([]);
    // A grouped column is measured as its group only.
    expect(problems({ must_not_drive: ['mass'], groups: { body: ['mass', 'triceps'] } })[0]?.path).toEqual([
      'must_not_drive',
      0,
    ]);
  });

  it('names a column in two groups', () => {
    const p = problems({ groups: { a: ['mass'], b: ['mass', 'age'] } });
    expect(p[0]).toEqual({
      path: ['groups', 'b', 0],
      message: expect.stringMatching(/already in group "a"/),
    });
  });

  it('rejects too few rows for the repeats at run time, naming repeats', async () => {
    const config = pimaConfig([{ id: 'tiny', repeats: 10 }]);
    const ctx = context(config, false);
    ctx.services = {
      ...ctx.services,
      loadTable: async (name) => {
        const t = await createDataServices(config, PIMA).loadTable(name);
        return {
          ...t,
          rowCount: 5,
          column: (c) => t.column(c).slice(0, 5),
          numeric: (c) => t.numeric(c).slice(0, 5),
        };
      },
    };
    const err = await modelImportanceCheck
      .run(ctx, config.checks[0] as ModelImportanceConfig)
      .catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(
      /check tiny: repeats: test has 5 row\(s\), too few for 10 permutation repeats/,
    );
  });

  it('the schema rejects repeats < 2 and an unknown metric', () => {
    expect(() => pimaConfig([{ id: 'i', repeats: 1 }])).toThrow();
    expect(() => pimaConfig([{ id: 'i', metric: 'sensitivity' }])).toThrow();
  });
});

interface Curve {
  feature: string;
  grid: number[];
  mean: number[];
  ice_p10: number[];
  ice_p90: number[];
  monotone: string;
}

describe('model.importance partial dependence and baseline importances on the Pima example', () => {
  it('records PD/ICE curves for the top 3 features in rank order; glucose is increasing', async () => {
    const r = await run(pimaConfig([{ id: 'importance' }]));
    const ranking = r.details?.ranking as Ranked[];
    const pd = r.details?.partial_dependence as Curve[];
    expect(pd.map((c) => c.feature)).toEqual(ranking.slice(0, 3).map((x) => x.feature));
    for (const c of pd) {
      expect(Object.keys(c).sort()).toEqual(['feature', 'grid', 'ice_p10', 'ice_p90', 'mean', 'monotone']);
      expect(c.grid.length).toBeGreaterThan(1);
      expect(c.grid.length).toBeLessThanOrEqual(10);
      expect([...c.grid].sort((a, b) => a - b)).toEqual(c.grid);
      expect(new Set(c.grid).size).toBe(c.grid.length);
      for (const k of ['mean', 'ice_p10', 'ice_p90'] as const) expect(c[k]).toHaveLength(c.grid.length);
      c.mean.forEach((m, g) => {
        expect(c.ice_p10[g] as number).toBeLessThanOrEqual(m);
        expect(m).toBeLessThanOrEqual(c.ice_p90[g] as number);
      });
    }
    // On this model: glucose increasing (PD ≈ 0.13 at 80 mg/dl to ≈ 0.76 at 181), mass and age non-monotone
    // (the gradient-boosted candidate dips: mass after 31.6, age at 58).
    const glucose = pd.find((c) => c.feature === 'glucose') as Curve;
    expect(glucose.monotone).toBe('increasing');
    expect(glucose.grid[0]).toBe(80);
    expect(glucose.mean[0]).toBeCloseTo(0.133, 3);
    expect(glucose.mean.at(-1)).toBeCloseTo(0.759, 3);
    expect(pd.map((c) => c.monotone)).toEqual(['increasing', 'non-monotone', 'non-monotone']);
    expect(r.details?.partial_dependence_method).toMatchObject({
      reference_dataset: 'train',
      inference_batches: 1,
      monotone: expect.stringContaining('1e-6'),
    });
  });

  it('skips sensitive features (no grid value stored) and groups, with a note; false turns it off', async () => {
    const r = await run(
      pimaConfig([{ id: 'importance', repeats: 3, compare_baseline: false }], {
        privacy: { sensitive: ['glucose'] },
      }),
    );
    const ranking = r.details?.ranking as Ranked[];
    expect(ranking[0]?.feature).toBe('glucose');
    const pd = r.details?.partial_dependence as Curve[];
    expect(pd.map((c) => c.feature)).toEqual(ranking.slice(1, 3).map((x) => x.feature));
    expect(r.details?.partial_dependence_method).toMatchObject({
      skipped: [{ feature: 'glucose', reason: expect.stringMatching(/^sensitive column/) }],
    });
    expect(JSON.stringify(pd)).not.toContain('"glucose"');
    expect(r.details?.baseline_importance).toBeUndefined();

    const g = await run(pimaConfig([{ id: 'i', repeats: 3, groups: { body: ['mass', 'triceps'] } }]));
    const gd = g.details as Record<string, unknown>;
    const skipped = (gd.partial_dependence_method as { skipped?: { feature: string }[] }).skipped;
    const top3 = (gd.ranking as Ranked[]).slice(0, 3).map((x) => x.feature);
    // On this split the body group (mass + triceps) ranks in the top 3: it is skipped, the other two get curves.
    expect(top3).toContain('body');
    expect(skipped?.map((s) => s.feature)).toEqual(['body']);
    expect((gd.partial_dependence as Curve[]).map((c) => c.feature)).toEqual(
      top3.filter((f) => f !== 'body'),
    );

    const off = await run(pimaConfig([{ id: 'i', repeats: 3, partial_dependence: false }]));
    expect(off.details?.partial_dependence).toBeUndefined();
  });

  it('records the baseline model importances under the same permutations, side by side', async () => {
    const r = await run(pimaConfig([{ id: 'importance', must_not_drive: ['age'] }]));
    const cand = r.details?.ranking as Ranked[];
    const base = r.details?.baseline_importance as { feature: string; mean: number; ci: [number, number] }[];
    expect(base.map((b) => b.feature).sort()).toEqual([...FEATURES].sort());
    for (const b of base) {
      expect(Object.keys(b).sort()).toEqual(['ci', 'feature', 'mean']);
      expect(b.ci[0]).toBeLessThanOrEqual(b.mean);
      expect(b.mean).toBeLessThanOrEqual(b.ci[1]);
    }
    // Ordered by the baseline's own importance.
    expect([...base].sort((a, b) => b.mean - a.mean).map((b) => b.feature)).toEqual(
      base.map((b) => b.feature),
    );
    // Different from the candidate's: the logistic baseline relies on glucose more (≈ 0.165 vs ≈ 0.117) and
    // hardly on age (≈ 0.003, rank 5, vs ≈ 0.022, rank 3).
    const byName = (f: string) => base.find((b) => b.feature === f) as { mean: number };
    expect(byName('glucose').mean).toBeCloseTo(0.1651, 3);
    expect(byName('age').mean).toBeLessThan(0.01);
    expect(base.findIndex((b) => b.feature === 'age')).toBe(4);
    for (const c of cand) expect(byName(c.feature).mean).not.toBe(c.importance);
    expect(r.details?.baseline_importance_method).toMatchObject({
      model: 'models/pima_logreg_baseline.onnx',
    });
    // must_not_drive stays on the candidate: age fails there although it does not drive the baseline.
    expect(r.status).toBe('fail');
    expect(r.metrics.some((m) => m.name.startsWith('baseline'))).toBe(false);
  });

  it('without a baseline model the baseline importances are skipped with a note', async () => {
    const r = await run(pimaConfig([{ id: 'i', repeats: 3 }]), false);
    expect(r.details?.baseline_importance).toBeUndefined();
    expect(r.details?.baseline_importance_skipped).toBe('no baseline model resolved');
  });
});
