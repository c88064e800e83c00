import { z } from 'zod';

/**
 * The compact one-pass profile of a dataset, stored in the evidence bundle. Drift compares against it, so a
 * baseline's raw data is not needed. Columns that are sensitive (declared in `privacy.sensitive`, or flagged
 * by the PHI scan) carry no values at all: no min/max/quantiles, and top values only as masked text.
 */
export const NumericSummary = z.strictObject({
  count: z.number().int().describe('Cells that parsed as finite numbers.'),
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  std: z.number().describe('Sample standard deviation (n - 1); 0 for a single value.'),
  quantiles: z
    .array(z.strictObject({ q: z.number(), value: z.number() }))
    .describe('From the KLL sketch: q in [0, 1], approximate within the sketch rank error.'),
  histogram: z.strictObject({
    edges: z.array(z.number()).describe('k + 1 ascending edges of k equal-width bins from min to max.'),
    counts: z.array(z.number()).describe('Approximate count per bin (from the sketch).'),
  }),
  sketch: z
    .strictObject({
      kind: z.literal('kll'),
      k: z.number().int(),
      n: z.number().int(),
      levels: z.array(z.array(z.number())).describe('Retained items per level; item weight is 2^level.'),
    })
    .describe('Mergeable quantile sketch, for drift against this profile.'),
});
export type NumericSummary = z.infer<typeof NumericSummary>;

export const TopValue = z.strictObject({
  value: z.string().describe('The category text, or its masked form for a sensitive column.'),
  count: z.number().int(),
});

export const ColumnProfile = z.strictObject({
  name: z.string(),
  count: z.number().int().describe('Non-missing cells.'),
  missing: z.number().int(),
  inferred_type: z.enum(['integer', 'number', 'boolean', 'string', 'empty']),
  type_counts: z
    .strictObject({
      integer: z.number().int(),
      number: z.number().int(),
      boolean: z.number().int(),
      string: z.number().int(),
    })
    .describe(
      'Non-missing cells by the type they parse as (integer: whole numbers; number: other finite numbers).',
    ),
  sensitive: z.boolean().describe('Values are masked or withheld everywhere RegOps writes.'),
  distinct: z.strictObject({
    value: z.number().int(),
    exact: z.boolean().describe('false: a HyperLogLog estimate.'),
  }),
  numeric: NumericSummary.nullable(),
  top: z
    .array(TopValue)
    .nullable()
    .describe('Most frequent values (strings and categories); null for numeric columns.'),
});
export type ColumnProfile = z.infer<typeof ColumnProfile>;

export const DatasetProfile = z.strictObject({
  dataset: z.string(),
  rows: z.number().int(),
  columns: z.array(ColumnProfile),
  missing_per_row: z
    .array(z.strictObject({ missing: z.number().int(), rows: z.number().int() }))
    .describe('How many rows have exactly `missing` missing cells.'),
});
export type DatasetProfile = z.infer<typeof DatasetProfile>;
