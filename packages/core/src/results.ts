import { z } from 'zod';

export const STATUSES = ['pass', 'fail', 'warn', 'error', 'skip'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const Threshold = z
  .strictObject({
    op: z.enum(['>=', '<=', '>', '<']),
    value: z.number(),
  })
  .describe('Acceptance bound: the metric passes when `value op bound` holds.');
export type Threshold = z.infer<typeof Threshold>;

export const Metric = z.strictObject({
  name: z.string(),
  value: z.number().nullable().describe('Observed value; null when it could not be computed.'),
  ci: z.tuple([z.number(), z.number()]).optional().describe('Confidence interval [low, high].'),
  threshold: Threshold.optional(),
  unit: z.string().optional(),
});
export type Metric = z.infer<typeof Metric>;

export const CheckResult = z.strictObject({
  id: z
    .string()
    .describe('Unique within the run: the check id, plus `/part` when one check yields several results.'),
  check: z.string().describe('Check type, e.g. `model.metric`.'),
  title: z.string(),
  status: Status,
  verifies: z.array(z.string()).describe('Requirement IDs this result verifies.'),
  controls: z.array(z.string()).describe('Risk-control IDs this result is evidence for.'),
  metrics: z.array(Metric),
  message: z.string().describe('One line for humans: observed vs bound, or why it could not run.'),
  details: z.record(z.string(), z.unknown()).optional(),
  duration_ms: z.number().optional(),
});
export type CheckResult = z.infer<typeof CheckResult>;

/** True when `value op bound` holds. NaN never passes. */
export function meets(value: number, t: Threshold): boolean {
  if (!Number.isFinite(value)) return false;
  switch (t.op) {
    case '>=':
      return value >= t.value;
    case '<=':
      return value <= t.value;
    case '>':
      return value > t.value;
    case '<':
      return value < t.value;
  }
}

/** Worst status first: error > fail > warn > pass > skip. */
export function worstStatus(statuses: readonly Status[]): Status {
  const order: Status[] = ['error', 'fail', 'warn', 'pass', 'skip'];
  for (const s of order) if (statuses.includes(s)) return s;
  return 'skip';
}
