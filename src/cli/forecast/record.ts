/**
 * The shipped predictor record (data/calibration/record.json, written by the backtest's calibration),
 * read for the answer; undefined when this build ships none (the answer then says so).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { PredictorRecordLike } from '../../analysis/answer/predictor.js';
import { packageFile } from '../version.js';

export function loadShippedRecord(): PredictorRecordLike | undefined {
  const file = packageFile('data', 'calibration', 'record.json');
  if (file === undefined || !existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as PredictorRecordLike;
}
