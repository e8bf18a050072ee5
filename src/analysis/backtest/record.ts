/**
 * The shipped predictor record (data/calibration/record.json): each model's record on DEU III, from
 * which the answer picks its validated predictor. The schema is also the type; the file is written by
 * `npm run calibrate` (src/analysis/backtest/discreteChoice/calibration.ts), never by hand.
 */
import { z } from 'zod';

const interval = z.tuple([z.number(), z.number()]);

export const PredictorRecordSchema = z
  .object({
    dataset: z.string(),
    protocol: z.string(),
    parley: z.string(),
    generated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'expected a date YYYY-MM-DD'),
    capability: z.enum(['equal', 'council-ssi']),
    validated: z.object({ model: z.string(), preset: z.string().optional() }).strict(),
    reference: z.object({ model: z.literal('weighted-mean') }).strict(),
    predictors: z.array(
      z
        .object({
          model: z.string(),
          preset: z.string().optional(),
          mae: z.number(),
          interval,
          deltaMae: z.number(),
          deltaInterval: interval,
          outOfSample: z.boolean(),
          n: z.number().int(),
        })
        .strict(),
    ),
  })
  .strict();

export type PredictorRecord = z.infer<typeof PredictorRecordSchema>;
