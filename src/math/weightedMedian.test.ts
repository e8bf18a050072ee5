import assert from 'node:assert/strict';
import { test } from 'node:test';
import { weightedMedian } from './weightedMedian.js';

test('weighted median takes the lower position on an exact half-weight tie', () => {
  assert.equal(weightedMedian([10, 20], [1, 1]), 10);
  assert.equal(weightedMedian([20, 10], [1, 1]), 10);
});

test('weighted median follows the weight', () => {
  assert.equal(weightedMedian([0, 50, 100], [1, 1, 3]), 100);
  assert.equal(weightedMedian([0, 50, 100], [2, 1, 2]), 50);
});

test('weighted median with all weights zero treats weights as equal', () => {
  assert.equal(weightedMedian([3, 1, 2], [0, 0, 0]), 2);
});
