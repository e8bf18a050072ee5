import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centralInterval, medianOf } from './distribution.js';

test('the median is the smallest candidate where the cumulative probability reaches 1/2', () => {
  assert.equal(medianOf([0, 50, 100], [0.2, 0.3, 0.5]), 50); // 0.2, 0.5: reaches at 50
  assert.equal(medianOf([0, 50, 100], [0.2, 0.29, 0.51]), 100);
  assert.equal(medianOf([0, 50, 100], [0.6, 0.2, 0.2]), 0);
  assert.equal(medianOf([10, 20], [0.1 + 0.2 + 0.2 - 0.000000000000000055, 0.5]), 10); // 0.5 up to rounding
});

test('central intervals are nested and hold the median', () => {
  const candidates = [0, 10, 20, 30, 40, 50];
  const p = [0.05, 0.1, 0.2, 0.3, 0.25, 0.1];
  const median = medianOf(candidates, p);
  assert.equal(median, 30);
  const [i50, i80, i90] = [0.5, 0.8, 0.9].map((q) => centralInterval(candidates, p, q));
  assert.deepEqual(i50, [20, 40]);
  assert.deepEqual(i90, [0, 50]);
  for (const [low, high] of [i50!, i80!, i90!]) assert.ok(low <= median && median <= high);
  assert.ok(i80![0] >= i90![0] && i80![1] <= i90![1] && i50![0] >= i80![0] && i50![1] <= i80![1]);
});
