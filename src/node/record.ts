/**
 * The shipped predictor record (data/calibration/record.json, written by `npm run calibrate`), read
 * for the answer and checked against its schema; undefined when this build ships none (the answer
 * then says so). A damaged file is an input error naming it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { PredictorRecordSchema } from '../analysis/backtest/record.js';
import type { PredictorRecordLike } from '../analysis/answer/predictor.js';
import { InputError } from '../errors.js';
import { packageFile } from './version.js';

export function loadShippedRecord(): PredictorRecordLike | undefined {
  const file = packageFile('data', 'calibration', 'record.json');
  if (file === undefined || !existsSync(file)) return undefined;
  const parsed = PredictorRecordSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new InputError({ file, message: `the shipped predictor record does not match its schema: ${parsed.error.issues[0]?.message ?? 'unknown problem'}` });
  return parsed.data;
}
