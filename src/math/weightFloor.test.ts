import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flooredWeight, productWeight, weightFloor } from './weightFloor.js';

test('weights below the floor (subnormal ones included) count as zero; the floor itself and above are kept', () => {
  for (const tiny of [5e-324, 1e-310, 2.2250738585072014e-308, 9.99e-301]) assert.equal(flooredWeight(tiny), 0);
  assert.equal(flooredWeight(weightFloor), weightFloor);
  assert.equal(flooredWeight(0.25), 0.25);
  assert.ok(Number.isNaN(flooredWeight(Number.NaN)));
  assert.equal(productWeight(1e-160, 1e-160), 0);
  assert.equal(productWeight(1e8, 5e-324), 0);
  assert.equal(productWeight(40, 0.5), 20);
});
