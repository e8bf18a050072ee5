/**
 * The calibration Parley ships for the discrete-choice compromise, and the record from which the
 * answer picks its validated predictor — both computed here from the DEU III data set, never typed in:
 * `parley backtest --fit discrete-choice` and `parley backtest --record` print them, and
 * `npm run calibrate` writes them to data/calibration/ (and the model's calibration module).
 */
import { featureNames } from '../../../models/discreteChoice/candidates.js';
import { runBacktest, compromiseId, type BacktestResult } from '../backtest.js';
import { buildCases, type BacktestCase } from '../cases.js';
import { parseCapabilityRule } from '../capability.js';
import type { DeuDataset } from '../deu3.js';
import type { PredictorRecord } from '../record.js';
import { fitSelectingLambda, forecastCase } from './fit.js';
import { choiceCases, clusterOf } from './observations.js';
import { leaveOneEraOut, randomCv, reportOutOfSample, type OutOfSampleReport } from './study.js';

export const calibrationSeed = 1;
export const calibrationReplicates = 1000;
export const datasetName = 'DEU III (Arregui & Perarnaud 2021, doi:10.34810/data53; CC BY 4.0): the 351 scoreable issues of EU legislation, 1998–2019';

export interface DiscreteChoiceCalibration {
  model: 'discrete-choice';
  features: string[];
  beta: number[];
  lambda: number;
  lambdaRule: string;
  capability: 'council-ssi';
  institutions: 'largest-state';
  dataset: string;
  issues: number;
  inSampleMae: number;
  outOfSample: { randomCv: OutOfSampleReport; leaveOneEraOut: OutOfSampleReport };
}

/** The pieces both outputs need: the cases under both capability rules and the compromise's errors. */
export interface CalibrationInputs {
  ssi: BacktestCase[];
  equal: BacktestCase[];
  compromiseErrors: number[];
  compromiseSsiErrors: number[];
}

export function calibrationInputs(dataset: DeuDataset, compromiseForecast: (item: BacktestCase) => number): CalibrationInputs {
  const ssi = buildCases(dataset, parseCapabilityRule('council-ssi', 'largest-state'));
  const equal = buildCases(dataset, parseCapabilityRule('equal'));
  const errors = (cases: readonly BacktestCase[]) => cases.map((item) => Math.abs(compromiseForecast(item) - item.outcome));
  return { ssi, equal, compromiseErrors: errors(equal), compromiseSsiErrors: errors(ssi) };
}

export function calibrateDiscreteChoice(inputs: CalibrationInputs): DiscreteChoiceCalibration {
  const { ssi } = inputs;
  const items = choiceCases(ssi);
  const fit = fitSelectingLambda(items, ssi.map(clusterOf), calibrationSeed);
  const bootstrap = { replicates: calibrationReplicates, seed: calibrationSeed };
  const report = (result: Parameters<typeof reportOutOfSample>[0]) => reportOutOfSample(result, ssi, inputs.compromiseErrors, inputs.compromiseSsiErrors, bootstrap);
  return {
    model: 'discrete-choice',
    features: [...featureNames],
    beta: fit.beta,
    lambda: fit.lambda,
    lambdaRule: `the λ of {1, 3, 10, 30, 100} with the least cluster-grouped 5-fold CV MAE (seed ${calibrationSeed})`,
    capability: 'council-ssi',
    institutions: 'largest-state',
    dataset: datasetName,
    issues: ssi.length,
    inSampleMae: items.reduce((sum, item) => sum + Math.abs(forecastCase(item, fit.beta) - item.outcome), 0) / items.length,
    outOfSample: { randomCv: report(randomCv(ssi, calibrationSeed)), leaveOneEraOut: report(leaveOneEraOut(ssi, calibrationSeed)) },
  };
}

/**
 * The predictor record: every registered model and preset on the issues with Council Shapley–Shubik
 * capabilities (those fitted here out of sample), with MAE and ΔMAE to the compromise model. The
 * validated predictor is the lowest MAE whose whole ΔMAE interval lies below 0; else the compromise.
 * The discrete-choice row is its random-CV record (all five repetitions), against the same compromise.
 */
export function predictorRecord(backtest: BacktestResult, calibration: DiscreteChoiceCalibration, parley: string, generated: string): PredictorRecord {
  const predictors = backtest.rows
    .filter((row) => row.kind !== 'baseline' && row.id !== 'blend-cv')
    .map((row) => {
      const [model, preset] = row.id.split(':') as [string, string | undefined];
      if (model === calibration.model) return calibrationRow(calibration, backtest.issues);
      return {
        model,
        ...(preset !== undefined ? { preset } : {}),
        mae: row.metrics.mae.value,
        interval: [row.metrics.mae.low, row.metrics.mae.high] as [number, number],
        deltaMae: row.maeDifference.value,
        deltaInterval: [row.maeDifference.low, row.maeDifference.high] as [number, number],
        outOfSample: true,
        n: backtest.issues,
      };
    });
  const better = predictors.filter((row) => row.deltaInterval[1] < 0).sort((a, b) => a.mae - b.mae)[0];
  return {
    dataset: datasetName,
    protocol: `proposal-cluster bootstrap (${backtest.bootstrap.replicates} replicates, seed ${backtest.bootstrap.seed}); models fitted on these issues scored by 10-fold CV by proposal`,
    parley,
    generated,
    capability: 'council-ssi',
    validated: better ? { model: better.model, ...(better.preset !== undefined ? { preset: better.preset } : {}) } : { model: compromiseId },
    reference: { model: compromiseId },
    predictors,
  };
}

function calibrationRow(calibration: DiscreteChoiceCalibration, issues: number): PredictorRecord['predictors'][number] {
  const { mae, deltaMae } = calibration.outOfSample.randomCv;
  return {
    model: calibration.model,
    mae: mae.value,
    interval: [mae.low, mae.high],
    deltaMae: deltaMae.compromiseSsi.value,
    deltaInterval: [deltaMae.compromiseSsi.low, deltaMae.compromiseSsi.high],
    outOfSample: true,
    n: issues,
  };
}

/** The backtest behind the record: Council Shapley–Shubik capabilities, the record's seed and replicates. */
export function recordBacktest(inputs: CalibrationInputs): BacktestResult {
  return runBacktest(inputs.ssi, { replicates: calibrationReplicates, seed: calibrationSeed, folds: 10 });
}
