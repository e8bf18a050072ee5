import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterReplicates, quantile } from './bootstrap.js';
import { crossValidateBlend, groupedFolds, simplexGrid } from './crossValidation.js';
import { errorMetrics } from './metrics.js';

test('grouped folds never split a group and use every fold', () => {
  const groups = ['a', 'a', 'b', 'c', 'c', 'c', 'd', 'e', 'f'];
  const folds = groupedFolds(groups, 3, 11);
  groups.forEach((group, index) => assert.equal(folds[index], folds[groups.indexOf(group)]));
  assert.deepEqual([...new Set(folds)].sort(), [0, 1, 2]);
  assert.deepEqual(groupedFolds(groups, 3, 11), folds);
});

test('the simplex grid covers every convex combination at the step', () => {
  const grid = simplexGrid(3, 2);
  assert.equal(grid.length, 6);
  for (const weights of grid) assert.equal(weights.reduce((a, b) => a + b, 0), 1);
});

test('a blend recovers the component that forecasts perfectly, out of sample', () => {
  const outcomes = [10, 20, 30, 40, 50, 60, 70, 80];
  const noise = outcomes.map((value, index) => value + (index % 2 === 0 ? 15 : -15));
  const fit = crossValidateBlend([noise, outcomes], outcomes, ['p', 'p', 'q', 'q', 'r', 'r', 's', 's'], { folds: 2, seed: 1, divisions: 10 });
  assert.deepEqual(fit.predictions, outcomes);
  for (const weights of fit.foldWeights) assert.deepEqual(weights, [0, 1]);
});

test('metrics: MAE, RMSE, median absolute error and share within 10 points', () => {
  const metrics = errorMetrics([-5, 10, 20, -40]);
  assert.deepEqual(metrics, { mae: 18.75, rmse: Math.sqrt((25 + 100 + 400 + 1600) / 4), medianAbsoluteError: 15, within10: 0.5 });
});

test('cluster replicates draw whole clusters, reproducibly', () => {
  const clusters = ['a', 'a', 'b', 'c'];
  const replicates = clusterReplicates(clusters, 50, 9);
  assert.deepEqual(clusterReplicates(clusters, 50, 9), replicates);
  for (const replicate of replicates) {
    assert.equal(replicate.filter((index) => index === 0).length, replicate.filter((index) => index === 1).length);
  }
  assert.equal(quantile([1, 2, 3, 4, 5], 0.5), 3);
  assert.equal(quantile([0, 10], 0.25), 2.5);
});
