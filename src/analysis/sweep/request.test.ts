import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../errors.js';
import { defaultNoise } from './noise.js';
import { SweepRequestSchema, sweepSpecFromRequest } from './request.js';
import { prepareSweep } from './spec.js';
import { runSweep } from './sweep.js';
import { threeActors } from './testScenario.js';

test('a request reads its noise, shocks and thresholds in the CLI syntax', () => {
  const request = SweepRequestSchema.parse({
    model: 'weighted-mean',
    runs: 40,
    seed: 3,
    noise: ['position=uniform:10'],
    thresholds: ['talks:5'],
    bins: 8,
  });
  const spec = sweepSpecFromRequest(request, threeActors);
  assert.deepEqual(spec.thresholds, [{ issue: 'talks', value: 5 }]);
  assert.equal(spec.histogramBins, 8);
  assert.equal(spec.noise?.length, 1);
  assert.deepEqual(runSweep(spec), runSweep({ ...spec }), 'deterministic for a given seed');
});

test('no noise in the request means the CLI default noise; an empty list means none', () => {
  const withDefault = prepareSweep(sweepSpecFromRequest({ model: 'weighted-mean', runs: 1, seed: 1 }, threeActors));
  assert.deepEqual(withDefault.spec.noise, [...defaultNoise]);
  const without = prepareSweep(sweepSpecFromRequest({ model: 'weighted-mean', runs: 1, seed: 1, noise: [] }, threeActors));
  assert.deepEqual(without.spec.noise, []);
});

test('a malformed entry is an InputError naming its place in the request', () => {
  assert.throws(
    () => sweepSpecFromRequest({ model: 'eum', runs: 1, seed: 1, noise: ['position=normal:5%', 'position=banana:5'] }, threeActors),
    (error: unknown) => error instanceof InputError && error.problems.some((problem) => problem.field?.startsWith('noise[1]') === true),
  );
});
