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

test('an exact half-weight tie is found despite rounding (0.01·1 + 0.06·1 … sums that are not exact)', () => {
  // Saliences 1, 6, 7 on 0–100 give weights 0.01, 0.06, 0.07: 0.01 + 0.06 is not exactly half of the
  // floating-point total, yet 50 and 100 tie (Σ w|x − p| is 4 at both). The lower rule takes 50.
  assert.equal(weightedMedian([0, 50, 100], [0.01, 0.06, 0.07]), 50);
  assert.equal(weightedMedian([0, 50, 100], [0.01, 0.06, 0.07], 'midpoint'), 75);
});

test('the midpoint rule commutes with reflecting the scale', () => {
  const positions = [10, 20, 30, 40];
  const weights = [1, 1, 1, 1];
  assert.equal(weightedMedian(positions, weights, 'midpoint'), 25);
  assert.equal(weightedMedian(positions.map((x) => 50 - x), weights, 'midpoint'), 50 - 25);
});
