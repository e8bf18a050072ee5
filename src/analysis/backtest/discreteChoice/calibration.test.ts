import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { shippedCalibration } from '../../../models/discreteChoice/calibration.js';
import { runModel } from '../../../models/registry.js';
import { shippedDeuDataset } from '../../../../tests/support/deu3Data.js';
import { fromRepo } from '../../../../tests/support/paths.js';
import { PredictorRecordSchema } from '../record.js';
import { calibrateDiscreteChoice, calibrationInputs, predictorRecord, recordBacktest } from './calibration.js';
import { fitWith, forecastCase } from './fit.js';
import { choiceCases } from './observations.js';

const inputs = calibrationInputs(shippedDeuDataset(), (item) => runModel('weighted-mean', item.scenario).issues[0]!.outcome);
const calibration = calibrateDiscreteChoice(inputs);

test('the fit at λ = 10 reproduces the reference coefficients (1e-4) and the in-sample MAE 21.69', () => {
  const items = choiceCases(inputs.ssi);
  assert.equal(items.length, 351);
  const { beta } = fitWith(items, 10);
  [-0.3691, 0.0164, 1.961, 0.7566].forEach((reference, j) => assert.ok(Math.abs(beta[j]! - reference) <= 1.5e-4, `β${j + 1} = ${beta[j]} vs ${reference}`));
  const mae = items.reduce((sum, item) => sum + Math.abs(forecastCase(item, beta) - item.outcome), 0) / items.length;
  assert.ok(Math.abs(mae - 21.69) < 0.005, String(mae));
});

test('out of sample it beats both compromise baselines, as the study found (within ±0.3)', () => {
  const { randomCv, leaveOneEraOut } = calibration.outOfSample;
  const near = (value: number, expected: number) => assert.ok(Math.abs(value - expected) <= 0.3, `${value} vs ${expected}`);
  near(randomCv.mae.value, 21.79);
  near(randomCv.mae.low, 19.55);
  near(randomCv.mae.high, 24.17);
  near(randomCv.deltaMae.compromise.value, -1.85);
  near(randomCv.deltaMae.compromise.high, -0.73);
  near(randomCv.deltaMae.compromiseSsi.value, -1.13);
  near(randomCv.deltaMae.compromiseSsi.high, -0.35);
  assert.ok(randomCv.deltaMae.compromise.high < 0 && randomCv.deltaMae.compromiseSsi.high < 0, 'the intervals exclude 0');
  near(leaveOneEraOut.mae.value, 21.8);
  near(leaveOneEraOut.deltaMae.compromise.value, -1.84);
  near(leaveOneEraOut.deltaMae.compromiseSsi.value, -1.12);
  // Calibration: each central interval covers at least its share of the outcomes.
  assert.ok(randomCv.coverage.p50 >= 0.5 && randomCv.coverage.p80 >= 0.8 && randomCv.coverage.p90 >= 0.9, JSON.stringify(randomCv.coverage));
});

test('the shipped calibration, its module and the record are what a refit gives (dates and version aside)', () => {
  const shipped = JSON.parse(readFileSync(fromRepo('data', 'calibration', 'discrete-choice.json'), 'utf8')) as Record<string, unknown>;
  const { parley, fitted, ...rest } = shipped;
  assert.equal(typeof parley, 'string');
  assert.match(String(fitted), /^\d{4}-\d{2}-\d{2}$/u);
  assert.deepEqual(rest, JSON.parse(JSON.stringify(calibration)));
  assert.deepEqual([...shippedCalibration.beta], calibration.beta);
  assert.equal(shippedCalibration.lambda, calibration.lambda);
  const record = PredictorRecordSchema.parse(JSON.parse(readFileSync(fromRepo('data', 'calibration', 'record.json'), 'utf8')));
  const regenerated = predictorRecord(recordBacktest(inputs), calibration, record.parley, record.generated);
  assert.deepEqual(record, JSON.parse(JSON.stringify(regenerated)));
  assert.equal(record.validated.model, 'discrete-choice');
});
