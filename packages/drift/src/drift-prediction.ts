/**
 * drift.prediction: what moved in the model's output and in the labels between a reference dataset and the
 * current one, and how the candidate's scores differ from the baseline model's on the same current rows.
 *
 * - Score drift: the candidate's P(positive) on the reference rows vs on the current rows, two-sample KS.
 * - Label drift: the share of target.positive on each side (when both have the target column), two-proportion
 *   Z-test.
 *   These two p-values are corrected together (Holm, or as configured) and judged against `alpha`.
 * - Baseline vs candidate on the current rows (when a baseline model is declared): mean and largest absolute
 *   change of P(positive), and the flips at `threshold` (counts and 1-based row numbers only, never values).
 *   Reported, not judged: the two score vectors are paired, so a two-sample test would not apply; model.compare
 *   judges the change on labelled data.
 */
import {
  type Check,
  type CheckEntry,
  type ConfigProblem,
  ConfigurationError,
  type Metric,
  nearest,
  type RegopsConfig,
  type RunContext,
  type Table,
} from '@regops/core';
import { predictionFlips, predictPositive } from '@regops/model';
import { z } from 'zod';
import { formatStat } from './drift-feature';
import { ksTwoSample } from './ks';
import { benjaminiHochbergAdjust, holmAdjust, twoProportionZTest } from './stats';

export interface DriftPredictionConfig extends CheckEntry {
  reference: string;
  current: string;
  alpha: number;
  correction: 'holm' | 'bh' | 'none';
  threshold: number;
  fail_on: 'drift' | 'none';
}

function datasetProblem(
  field: 'reference' | 'current',
  name: string,
  project: RegopsConfig,
): ConfigProblem[] {
  const names = Object.keys(project.datasets);
  if (names.includes(name)) return [];
  const hint = nearest(name, names);
  return [
    {
      path: [field],
      message: `unknown dataset "${name}"${hint ? `; did you mean "${hint}"?` : ''} (defined: ${names.join(', ') || 'none'})`,
    },
  ];
}

/**
 * Rows labelled target.positive among the labelled rows, or null when the dataset has no target column. Lenient
 * on purpose (missing labels are left out, other labels count as negative): the label checks and model.metric
 * are where label problems fail; here the share only describes the data.
 */
function positives(table: Table, project: RegopsConfig): { k: number; n: number } | null {
  const target = project.target;
  if (!target || target.positive === undefined || !table.hasColumn(target.column)) return null;
  const positive = target.positive.trim();
  const asNumber = positive !== '' && Number.isFinite(Number(positive)) ? Number(positive) : null;
  let k = 0;
  let n = 0;
  for (const cell of table.column(target.column)) {
    const v = cell?.trim() ?? '';
    if (v === '') continue;
    n++;
    if (v === positive || (asNumber !== null && v !== '' && Number(v) === asNumber)) k++;
  }
  return n === 0 ? null : { k, n };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function scores(ctx: RunContext, dataset: string, table: Table): Promise<Float64Array> {
  const model = ctx.config.model;
  if (!model) throw new ConfigurationError('drift.prediction needs a `model:` section');
  return ctx.memo(`predict:${dataset}`, () => predictPositive({ rootDir: ctx.rootDir, model, table }));
}

export const driftPredictionCheck: Check<DriftPredictionConfig> = {
  type: 'drift.prediction',
  stage: 'drift',
  description:
    "Prediction and label drift: the candidate's scores and the label share on the reference vs the current data, and the candidate vs the baseline model on the same current rows",
  options: {
    reference: z.string().min(1).describe('Dataset the model was developed on (e.g. train).'),
    current: z.string().min(1).describe('Dataset compared with it (e.g. new-site data).'),
    alpha: z.number().gt(0).lt(1).default(0.05).describe('Drift when a corrected p-value is below this.'),
    correction: z
      .enum(['holm', 'bh', 'none'])
      .default('holm')
      .describe('Correction over the score and label tests.'),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe('Operating point for the baseline-vs-candidate flips (positive iff P ≥ threshold).'),
    fail_on: z
      .enum(['drift', 'none'])
      .default('drift')
      .describe('drift: the check fails when scores or labels drift; none: report only (a warning).'),
  },

  validate(cfg, project) {
    const problems = [
      ...datasetProblem('reference', cfg.reference, project),
      ...datasetProblem('current', cfg.current, project),
    ];
    if (cfg.reference === cfg.current) {
      problems.push({ path: ['current'], message: `reference and current are both "${cfg.current}"` });
    }
    if (!project.model) problems.push({ path: [], message: 'drift.prediction needs a `model:` section' });
    return problems;
  },

  columns(cfg, project) {
    const features = project.model?.features ?? [];
    return [cfg.reference, cfg.current].flatMap((dataset) =>
      features.map((column, k) => ({ dataset, column, field: ['model', 'features', k] })),
    );
  },

  criterion(cfg) {
    const judged = `score KS and label-share Z-test p (${cfg.correction}) ≥ ${cfg.alpha}`;
    return `${cfg.fail_on === 'none' ? 'reported, never failing: ' : ''}${judged}, ${cfg.current} vs ${cfg.reference}`;
  },

  async run(ctx, cfg) {
    const [ref, cur] = await Promise.all([
      ctx.services.loadTable(cfg.reference),
      ctx.services.loadTable(cfg.current),
    ]);
    const [pRef, pCur] = [await scores(ctx, cfg.reference, ref), await scores(ctx, cfg.current, cur)];
    const ks = ksTwoSample(pRef, pCur);
    const lRef = positives(ref, ctx.config);
    const lCur = positives(cur, ctx.config);
    const label = lRef && lCur ? twoProportionZTest(lRef.k, lRef.n, lCur.k, lCur.n) : null;
    const raw = [ks.pValue, ...(label ? [label.pValue] : [])];
    const adjusted =
      cfg.correction === 'none'
        ? raw
        : [
            ...(cfg.correction === 'holm'
              ? holmAdjust(raw, cfg.alpha)
              : benjaminiHochbergAdjust(raw, cfg.alpha)
            ).adjusted,
          ];
    const scoreDrift = (adjusted[0] as number) < cfg.alpha;
    const labelDrift = label !== null && (adjusted[1] as number) < cfg.alpha;
    const bound = { op: '>=' as const, value: cfg.alpha };
    const metrics: Metric[] = [
      { name: 'score_ks_statistic', value: ks.statistic },
      { name: 'score_p_adjusted', value: adjusted[0] as number, threshold: bound },
    ];
    const texts = [
      `scores: KS D=${formatStat(ks.statistic)}, p(${cfg.correction})=${formatStat(adjusted[0] as number)}${scoreDrift ? ' (drift)' : ''}`,
    ];
    if (label && lRef && lCur) {
      metrics.push(
        { name: 'label_share_reference', value: lRef.k / lRef.n },
        { name: 'label_share_current', value: lCur.k / lCur.n },
        { name: 'label_p_adjusted', value: adjusted[1] as number, threshold: bound },
      );
      texts.push(
        `label share ${pct(lRef.k / lRef.n)} → ${pct(lCur.k / lCur.n)}, p(${cfg.correction})=${formatStat(adjusted[1] as number)}${labelDrift ? ' (drift)' : ''}`,
      );
    } else {
      texts.push('labels: not compared (no target column on both sides)');
    }
    const details: Record<string, unknown> = {
      reference: ref.name,
      current: cur.name,
      n_reference: ref.rowCount,
      n_current: cur.rowCount,
      score_ks: { statistic: ks.statistic, p_value: ks.pValue, method: ks.method },
      label:
        label && lRef && lCur ? { reference: lRef, current: lCur, z: label.z, p_value: label.pValue } : null,
      correction: cfg.correction,
    };
    const baseline = ctx.baseline;
    const model = ctx.config.model;
    if (baseline?.modelPath && model) {
      const baselineModel = { ...model, path: baseline.modelPath };
      const pBase = await ctx.memo(`predict-baseline:${cfg.current}:${baseline.modelPath}`, () =>
        predictPositive({ rootDir: ctx.rootDir, model: baselineModel, table: cur }),
      );
      let sum = 0;
      let max = 0;
      for (let i = 0; i < pCur.length; i++) {
        const d = Math.abs((pCur[i] as number) - (pBase[i] as number));
        sum += d;
        max = Math.max(max, d);
      }
      const mean = pCur.length === 0 ? 0 : sum / pCur.length;
      const flips = predictionFlips(pBase, pCur, cfg.threshold);
      metrics.push(
        { name: 'mean_abs_score_change', value: mean },
        { name: 'max_abs_score_change', value: max },
        { name: 'flips', value: flips.count },
      );
      details.baseline = {
        model: baseline.modelDisplay,
        source: baseline.source,
        threshold: cfg.threshold,
        flips,
      };
      texts.push(
        `vs baseline on ${cur.name}: mean |ΔP| ${formatStat(mean)}, max ${formatStat(max)}, ${flips.count} flip(s) at ${cfg.threshold} (${flips.to_positive} to positive, ${flips.to_negative} to negative${flips.rows.length > 0 ? `; rows ${flips.rows.slice(0, 10).join(', ')}${flips.count > 10 ? ', …' : ''}` : ''})`,
      );
    }
    const drift = scoreDrift || labelDrift;
    return [
      {
        id: cfg.id,
        check: 'drift.prediction',
        title: cfg.title ?? 'Prediction and label drift',
        verifies: cfg.verifies,
        controls: cfg.controls,
        status: drift ? (cfg.fail_on === 'drift' ? 'fail' : 'warn') : 'pass',
        metrics,
        details,
        message: `${drift ? 'drift: ' : ''}${texts.join('; ')}; ${cur.name} (n=${cur.rowCount}) vs ${ref.name} (n=${ref.rowCount})`,
      },
    ];
  },
};
