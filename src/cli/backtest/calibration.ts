/**
 * The shipped calibration files (data/calibration/), computed from the shipped DEU III copy:
 * `parley backtest --fit discrete-choice | --record` print them, `npm run calibrate` writes them.
 */
import { runModel } from '../../models/registry.js';
import { parseDeuDataset } from '../../analysis/backtest/deu3.js';
import { calibrateDiscreteChoice, calibrationInputs, predictorRecord, recordBacktest, type DiscreteChoiceCalibration } from '../../analysis/backtest/discreteChoice/calibration.js';
import type { PredictorRecord } from '../../analysis/backtest/record.js';
import { readDeuFiles, shippedDataDirectory } from '../commands/backtest.js';
import type { CliIo } from '../io.js';
import { parleyVersion } from '../version.js';

export interface CalibrationFile extends DiscreteChoiceCalibration {
  parley: string;
  fitted: string;
}

export async function calibrationOutputs(io: Pick<CliIo, 'cwd'>): Promise<{ calibration: CalibrationFile; record: PredictorRecord }> {
  const dataset = parseDeuDataset(await readDeuFiles(shippedDataDirectory('deu3'), io));
  const inputs = calibrationInputs(dataset, (item) => runModel('weighted-mean', item.scenario).issues[0]!.outcome);
  const today = new Date().toISOString().slice(0, 10);
  const calibration = { ...calibrateDiscreteChoice(inputs), parley: parleyVersion(), fitted: today };
  return { calibration, record: predictorRecord(recordBacktest(inputs), calibration, parleyVersion(), today) };
}
