/**
 * The validated predictor: the model and preset with the best out-of-sample record on the DEU III
 * backtest, read from the shipped predictor record (data/calibration/record.json), never named in code.
 * When the record names a model this build does not register, the answer falls back to the record's
 * reference model (the compromise model) and says so; with no record at all, to the weighted mean.
 */
import { models } from '../../models/registry.js';

/** One row of the predictor record (src/analysis/backtest/record.ts is the schema of the shipped file). */
export interface PredictorRow {
  model: string;
  preset?: string;
  /** Out-of-sample mean absolute error on DEU III's 0–100 scales, and its interval. */
  mae: number;
  interval: [number, number];
  outOfSample: boolean;
  n: number;
}

/** The shape of the predictor record the answer reads. */
export interface PredictorRecordLike {
  dataset: string;
  protocol?: unknown;
  validated: { model: string; preset?: string };
  reference: { model: string };
  predictors: PredictorRow[];
}

export interface ChosenPredictor {
  model: string;
  preset?: string;
  /** The record's row for the chosen predictor, when it has one. */
  row?: PredictorRow;
  dataset?: string;
  /** Why the chosen predictor is not the record's validated one, when it is not. */
  fallback?: string;
}

/** The model used when no record is given: the compromise model of Thomson et al. (2006), ch. 4. */
export const fallbackModel = 'weighted-mean';

const isRegistered = (id: string): boolean => models.some((model) => model.id === id);

/** The record's row for a model and preset (a missing preset is the default). */
export function recordRow(record: PredictorRecordLike | undefined, model: string, preset: string | undefined): PredictorRow | undefined {
  return record?.predictors.find((row) => row.model === model && (row.preset ?? 'default') === (preset ?? 'default'));
}

export function choosePredictor(record: PredictorRecordLike | undefined): ChosenPredictor {
  if (!record) return { model: fallbackModel, fallback: `no predictor record (data/calibration/record.json) is available: the predictor is the compromise model (${fallbackModel}), without a backtest MAE` };
  const { model, preset } = record.validated;
  if (isRegistered(model)) return withRow(record, model, preset);
  const reference = record.reference.model;
  return { ...withRow(record, reference, undefined), fallback: `the record's validated predictor "${model}" is not in this build: the answer uses the record's reference model (${reference})` };
}

function withRow(record: PredictorRecordLike, model: string, preset: string | undefined): ChosenPredictor {
  const chosen: ChosenPredictor = { model, dataset: record.dataset };
  if (preset !== undefined) chosen.preset = preset;
  const row = recordRow(record, model, preset);
  if (row) chosen.row = row;
  return chosen;
}
