import type { Check, CheckEntry, CheckResult, ConfigProblem, Metric, Threshold } from '@regops/core';
import { meets, PAIRED_METRICS, type PairedMetric } from '@regops/core';
import { z } from 'zod';
import { evalDataset, evalDatasetProblems, modelProblems, runTarget } from './behavior';
import { bootstrapCi } from './bootstrap';
import { confusionMatrix } from './classification';
import { METRIC_LABELS, type ModelMetricName, metricFunction, statisticFor } from './metric-defs';
import { labelsFromTable } from './metrics';
import { DEFAULT_THRESHOLD, formatValue } from './model-metric';
import { predictPositive } from './runner';

const GROUP_METRICS = PAIRED_METRICS;
type GroupMetric = PairedMetric;
const GAPS = [
  'tpr_difference',
  'fpr_difference',
  'equalized_odds',
  'demographic_parity',
  'calibration_difference',
] as const;
type Gap = (typeof GAPS)[number];

const Bound = z.strictObject({
  min: z.number().min(0).max(1).optional(),
  max: z.number().min(0).max(1).optional(),
  on: z.enum(['point', 'lower', 'upper']).default('point'),
});
type BoundCfg = z.infer<typeof Bound>;

export interface SubgroupsConfig extends CheckEntry {
  dataset?: string | undefined;
  attribute: string;
  bins?: number[] | undefined;
  threshold?: number | undefined;
  min_size: number;
  small_groups: 'fail' | 'warn';
  metrics: Partial<Record<GroupMetric, BoundCfg>>;
  gaps: Partial<Record<Gap, number>>;
  resamples: number;
  seed: number;
}

interface Group {
  name: string;
  rows: number[];
}

/** Rows by attribute value (or numeric bin [a, b)); rows with the attribute missing or outside the bins are left out. */
function groupRows(
  values: (string | null)[],
  bins: number[] | undefined,
): { groups: Group[]; unassigned: number } {
  const byName = new Map<string, number[]>();
  let unassigned = 0;
  const names: string[] = [];
  if (bins) for (let i = 0; i < bins.length - 1; i++) names.push(`[${bins[i]}, ${bins[i + 1]})`);
  values.forEach((v, r) => {
    if (v === null) {
      unassigned++;
      return;
    }
    let name: string | undefined = v;
    if (bins) {
      const x = Number(v);
      name = undefined;
      for (let i = 0; i < bins.length - 1; i++)
        if (x >= (bins[i] as number) && x < (bins[i + 1] as number)) name = names[i];
      if (name === undefined) {
        unassigned++;
        return;
      }
    }
    const list = byName.get(name) ?? [];
    list.push(r);
    byName.set(name, list);
  });
  const order = bins ? names : [...byName.keys()].sort();
  return {
    groups: order.filter((n) => byName.has(n)).map((name) => ({ name, rows: byName.get(name) ?? [] })),
    unassigned,
  };
}

function bounds(b: BoundCfg): Threshold[] {
  return [
    ...(b.min !== undefined ? [{ op: '>=' as const, value: b.min }] : []),
    ...(b.max !== undefined ? [{ op: '<=' as const, value: b.max }] : []),
  ];
}

const pick = <T>(a: ArrayLike<T>, rows: number[]): T[] => rows.map((r) => a[r] as T);

/**
 * model.subgroups: the model's metrics with bootstrap intervals in each group of a declared attribute
 * (a category column, or numeric bins), each with its own bound, a minimum group size, and the gaps
 * between groups (TPR and FPR differences, equalized odds, demographic parity, calibration-in-the-large).
 */
export const subgroupsCheck: Check<SubgroupsConfig> = {
  type: 'model.subgroups',
  stage: 'model',
  description: 'Model performance per subgroup with intervals, and fairness gaps between subgroups',
  options: {
    dataset: z.string().optional().describe('Dataset (default: the dataset with role test).'),
    attribute: z.string().min(1).describe('Column defining the groups (e.g. sex, site, age).'),
    bins: z
      .array(z.number())
      .min(2)
      .optional()
      .describe('Ascending edges for a numeric attribute: [21, 40, 120].'),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe(`Operating point (default ${DEFAULT_THRESHOLD}).`),
    min_size: z
      .number()
      .int()
      .min(1)
      .default(30)
      .describe('Groups with fewer rows are reported as too small to judge.'),
    small_groups: z.enum(['fail', 'warn']).default('fail').describe('Status when a group is below min_size.'),
    metrics: z
      .partialRecord(z.enum(GROUP_METRICS), Bound)
      .default({})
      .describe('Per-group bounds, e.g. { sensitivity: { min: 0.7, on: lower } }.'),
    gaps: z
      .partialRecord(z.enum(GAPS), z.number().min(0).max(1))
      .default({})
      .describe(
        'Largest allowed gap between the groups: tpr_difference, fpr_difference, equalized_odds, demographic_parity, calibration_difference.',
      ),
    resamples: z
      .number()
      .int()
      .min(100)
      .default(1000)
      .describe('Bootstrap resamples for the per-group intervals.'),
    seed: z.number().int().min(0).default(0),
  },
  validate(cfg, project) {
    const problems: ConfigProblem[] = [
      ...modelProblems('model.subgroups', project),
      ...evalDatasetProblems(cfg.dataset, project),
    ];
    if (!project.target)
      problems.push({ path: [], message: 'model.subgroups needs the true labels: add a `target:` section' });
    if (Object.keys(cfg.metrics).length === 0 && Object.keys(cfg.gaps).length === 0) {
      problems.push({ path: [], message: 'no bound: set per-group `metrics:` bounds, `gaps:` or both' });
    }
    if (cfg.bins?.some((b, i) => i > 0 && b <= (cfg.bins?.[i - 1] ?? b))) {
      problems.push({ path: ['bins'], message: 'bin edges must be strictly ascending' });
    }
    return problems;
  },
  columns(cfg, project) {
    const ds = evalDataset(cfg.dataset, project);
    return ds ? [{ dataset: ds, column: cfg.attribute, field: ['attribute'] }] : [];
  },
  criterion(cfg, project) {
    const parts = Object.entries(cfg.metrics).map(([m, b]) => {
      const bs = bounds(b as BoundCfg)
        .map((t) => `${t.op === '>=' ? '≥' : '≤'} ${t.value}`)
        .join(' and ');
      return `${METRIC_LABELS[m as ModelMetricName]} ${bs}${(b as BoundCfg).on !== 'point' ? ` (${(b as BoundCfg).on} 95% CI)` : ''} in every group`;
    });
    for (const [g, v] of Object.entries(cfg.gaps)) parts.push(`${g.replace(/_/g, ' ')} ≤ ${v}`);
    return `${parts.join('; ')}; groups of ${cfg.attribute}${cfg.bins ? ` (bins ${cfg.bins.join(', ')})` : ''} with ≥ ${cfg.min_size} rows, on ${evalDataset(cfg.dataset, project) ?? 'the test dataset'}`;
  },
  async run(ctx, cfg) {
    const { model, dataset } = runTarget(ctx, cfg, 'model.subgroups');
    const target = ctx.config.target;
    if (!target) throw new Error('model.subgroups without target (validate reports this)');
    const table = await ctx.services.loadTable(dataset);
    const labels = labelsFromTable(table, target);
    const scores = await ctx.memo(`predict:${dataset}`, () =>
      predictPositive({ rootDir: ctx.rootDir, model, table }),
    );
    const threshold = cfg.threshold ?? DEFAULT_THRESHOLD;
    const sensitive =
      ctx.config.privacy.sensitive.includes(cfg.attribute) ||
      ctx.config.privacy.allow_phi.includes(cfg.attribute);
    const { groups, unassigned } = groupRows(table.column(cfg.attribute), cfg.bins);
    const metrics: Metric[] = [];
    const problems: string[] = [];
    const small: string[] = [];
    const table_: Record<string, unknown>[] = [];
    const rates: {
      name: string;
      tpr: number | null;
      fpr: number | null;
      positiveRate: number;
      calib: number;
    }[] = [];
    groups.forEach((g, gi) => {
      const label = sensitive ? `group ${gi + 1}` : g.name;
      const s = Float64Array.from(pick(scores, g.rows));
      const y = Uint8Array.from(pick(labels, g.rows));
      const nPos = y.reduce((a, b) => a + b, 0);
      const c = confusionMatrix(s, y, threshold);
      let meanP = 0;
      for (const p of s) meanP += p;
      rates.push({
        name: label,
        tpr: c.sensitivity,
        fpr: c.specificity === null ? null : 1 - c.specificity,
        positiveRate: (c.tp + c.fp) / g.rows.length,
        calib: nPos / g.rows.length - meanP / g.rows.length,
      });
      const row: Record<string, unknown> = { group: label, rows: g.rows.length, positives: nPos };
      if (g.rows.length < cfg.min_size) {
        small.push(`${cfg.attribute} ${label}: ${g.rows.length} rows < ${cfg.min_size}`);
        row.too_small = true;
        table_.push(row);
        return;
      }
      for (const [m, b] of Object.entries(cfg.metrics) as [GroupMetric, BoundCfg][]) {
        const value = metricFunction(m, threshold)(s, y);
        let ci: [number, number] | undefined;
        if (value !== null && nPos > 0 && nPos < y.length) {
          try {
            const r = bootstrapCi({
              scores: s,
              labels: y,
              statistic: statisticFor(m, threshold),
              resamples: cfg.resamples,
              seed: cfg.seed,
              method: 'percentile',
            });
            ci = [r.low, r.high];
          } catch {
            ci = undefined;
          }
        }
        const judged =
          value === null ? null : b.on === 'point' ? value : ci ? (b.on === 'lower' ? ci[0] : ci[1]) : null;
        const name = `${m}[${cfg.attribute}=${label}]${b.on === 'point' ? '' : `_ci_${b.on}`}`;
        for (const t of bounds(b)) {
          metrics.push({ name, value: judged, ...(ci && b.on === 'point' ? { ci } : {}), threshold: t });
          if (judged === null || !meets(judged, t)) {
            problems.push(
              `${METRIC_LABELS[m]} in ${cfg.attribute} ${label} ${judged === null ? 'undefined' : formatValue(judged, [t])}${b.on === 'point' ? '' : ` (${b.on} CI)`} not ${t.op === '>=' ? '≥' : '≤'} ${t.value}`,
            );
          }
        }
        row[m] = { value, ci: ci ?? null };
      }
      table_.push(row);
    });
    const judgedGroups = rates.filter((_, i) => (groups[i]?.rows.length ?? 0) >= cfg.min_size);
    const spread = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null);
      return v.length >= 2 ? Math.max(...v) - Math.min(...v) : null;
    };
    const gapValues: Record<Gap, number | null> = {
      tpr_difference: spread(judgedGroups.map((r) => r.tpr)),
      fpr_difference: spread(judgedGroups.map((r) => r.fpr)),
      equalized_odds: null,
      demographic_parity: spread(judgedGroups.map((r) => r.positiveRate)),
      calibration_difference: spread(judgedGroups.map((r) => r.calib)),
    };
    const tprD = gapValues.tpr_difference;
    const fprD = gapValues.fpr_difference;
    gapValues.equalized_odds = tprD === null || fprD === null ? null : Math.max(tprD, fprD);
    for (const [gap, max] of Object.entries(cfg.gaps) as [Gap, number][]) {
      const v = gapValues[gap];
      metrics.push({ name: gap, value: v, threshold: { op: '<=', value: max } });
      if (v === null) problems.push(`${gap.replace(/_/g, ' ')}: needs two groups large enough to compare`);
      else if (v > max)
        problems.push(`${gap.replace(/_/g, ' ')} ${formatValue(v, [{ op: '<=', value: max }])} > ${max}`);
    }
    metrics.push({ name: 'groups', value: groups.length }, { name: 'small_groups', value: small.length });
    const status: CheckResult['status'] =
      problems.length > 0
        ? 'fail'
        : small.length > 0
          ? cfg.small_groups === 'fail'
            ? 'fail'
            : 'warn'
          : 'pass';
    const summary = judgedGroups
      .map(
        (r) =>
          `${r.name}: TPR ${r.tpr === null ? '—' : r.tpr.toFixed(3)}, FPR ${r.fpr === null ? '—' : r.fpr.toFixed(3)}`,
      )
      .join('; ');
    return [
      {
        id: cfg.id,
        check: 'model.subgroups',
        title: cfg.title ?? `Subgroups by ${cfg.attribute}`,
        status,
        verifies: cfg.verifies,
        controls: cfg.controls,
        metrics,
        message: `${[...problems, ...small.map((x) => `too small to judge: ${x}`)].join('; ') || `every group within bounds`} (${summary}; threshold ${threshold}${unassigned ? `; ${unassigned} row(s) without a group` : ''}) on ${dataset}`,
        details: {
          dataset,
          attribute: cfg.attribute,
          threshold,
          groups: table_,
          gaps: gapValues,
          unassigned,
        },
      },
    ];
  },
};
