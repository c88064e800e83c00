import { z } from 'zod';

const Id = (prefix: string) =>
  z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, `an ID such as ${prefix}-001 (letters, digits, '-', '_', '.')`);

export const Requirement = z.strictObject({
  id: Id('REQ'),
  title: z.string().min(1),
  text: z.string().min(1).describe('The design input, as a "shall" statement.'),
  type: z
    .enum(['performance', 'safety', 'data', 'functional', 'usability', 'security', 'regulatory'])
    .describe('Kind of design input.'),
  source: z.string().optional().describe('Where it comes from: user need, standard, risk analysis.'),
});
export type Requirement = z.infer<typeof Requirement>;

export const RequirementsFile = z.strictObject({
  requirements: z.array(Requirement).min(1),
});

export const RiskControl = z.strictObject({
  id: Id('RC'),
  text: z.string().min(1),
  requirements: z.array(z.string()).default([]).describe('Requirement IDs that implement this control.'),
});
export type RiskControl = z.infer<typeof RiskControl>;

export const Hazard = z.strictObject({
  id: Id('HAZ'),
  title: z.string().min(1),
  situation: z.string().optional().describe('Hazardous situation (ISO 14971).'),
  harm: z.string().min(1),
  severity: z.enum(['negligible', 'minor', 'serious', 'critical', 'catastrophic']).optional(),
  probability: z.enum(['improbable', 'remote', 'occasional', 'probable', 'frequent']).optional(),
  controls: z.array(RiskControl).min(1),
});
export type Hazard = z.infer<typeof Hazard>;

export const RisksFile = z.strictObject({
  hazards: z.array(Hazard).min(1),
});

const text = z.string().min(1);
const textList = z.array(text);

/** User-written parts of the model card; measured parts come only from the evidence. */
export const ModelCardMeta = z.strictObject({
  model_details: z
    .strictObject({
      name: text,
      version: text.optional(),
      developers: text.optional(),
      date: text.optional(),
      license: text.optional(),
      contact: text.optional(),
      description: text.optional(),
    })
    .optional(),
  intended_use: z
    .strictObject({
      purpose: text.optional(),
      primary_uses: textList.optional(),
      primary_users: textList.optional(),
      out_of_scope: textList.optional(),
    })
    .optional(),
  factors: textList.optional(),
  training_data: text.optional(),
  evaluation_data: text.optional(),
  ethical_considerations: textList.optional(),
  limitations: textList.optional(),
  caveats: textList.optional(),
  source_attributes: z
    .strictObject({
      output: text.optional().describe('What the model outputs and how it is shown to the user.'),
      patient_population: text.optional().describe('The patients the model is intended for.'),
      decision_role: text.optional().describe('Its role in the decision: inform, augment, replace.'),
      fairness_process: text.optional().describe('How fairness was addressed during development.'),
      external_validation: text.optional().describe('External validation: data, who performed it, results.'),
      ongoing_maintenance: text.optional().describe('How performance is monitored in use.'),
      update_schedule: text.optional().describe('When the model is re-validated or updated.'),
    })
    .optional()
    .describe(
      'ONC HTI-1 source attributes for predictive decision support interventions that the rest of the card does not cover.',
    ),
});
export type ModelCardMeta = z.infer<typeof ModelCardMeta>;

/**
 * User-written parts of the dataset card (Datasheets for Datasets, Gebru et al.); composition numbers come
 * only from the evidence (the profiles and the data checks).
 */
export const DataCardMeta = z.strictObject({
  motivation: z
    .strictObject({ purpose: text.optional(), creators: text.optional(), funding: text.optional() })
    .optional(),
  composition: z
    .strictObject({
      instances: text.optional().describe('What one row represents.'),
      label_source: text.optional(),
      sensitive_data: text.optional(),
      notes: textList.optional(),
    })
    .optional(),
  collection: z
    .strictObject({
      process: text.optional(),
      timeframe: text.optional(),
      ethics_review: text.optional(),
      consent: text.optional(),
    })
    .optional(),
  preprocessing: z.strictObject({ steps: textList.optional(), raw_data_kept: text.optional() }).optional(),
  uses: z.strictObject({ intended: textList.optional(), not_recommended: textList.optional() }).optional(),
  distribution: z.strictObject({ license: text.optional(), access: text.optional() }).optional(),
  maintenance: z
    .strictObject({ maintainer: text.optional(), update_policy: text.optional(), errata: text.optional() })
    .optional(),
  datasets: z
    .record(z.string(), z.strictObject({ description: text.optional(), source: text.optional() }))
    .optional()
    .describe('Per dataset (by its name in regops.yml).'),
});
export type DataCardMeta = z.infer<typeof DataCardMeta>;
