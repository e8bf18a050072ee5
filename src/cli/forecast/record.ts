/**
 * The shipped predictor record (data/calibration/record.json, written by the backtest's calibration),
 * read for the answer; undefined when this build ships none (the answer then says so). Its full zod
 * schema belongs to the backtest (PredictorRecordSchema); here only what the answer reads is checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { PredictorRecordLike } from '../../analysis/answer/predictor.js';
import { InputError } from '../../errors.js';
import { packageFile } from '../version.js';

export function loadShippedRecord(): PredictorRecordLike | undefined {
  const file = packageFile('data', 'calibration', 'record.json');
  if (file === undefined || !existsSync(file)) return undefined;
  let record: Partial<PredictorRecordLike>;
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as Partial<PredictorRecordLike>;
  } catch (error) {
    throw new InputError({ file, message: `the predictor record is not JSON (${error instanceof Error ? error.message : String(error)})` });
  }
  const usable = typeof record?.validated?.model === 'string' && typeof record.reference?.model === 'string' && Array.isArray(record.predictors) && typeof record.dataset === 'string';
  if (!usable) throw new InputError({ file, message: 'the predictor record lacks dataset, validated.model, reference.model or predictors' });
  return record as PredictorRecordLike;
}
