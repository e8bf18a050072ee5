import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inverseNormalCdf, normalCdf } from './normal.js';

test('Φ matches tabulated values', () => {
  assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
  assert.ok(Math.abs(normalCdf(1.959963984540054) - 0.975) < 1e-7);
  assert.ok(Math.abs(normalCdf(-1) - 0.15865525393145707) < 1e-7);
  assert.equal(normalCdf(Infinity), 1);
  assert.equal(normalCdf(-Infinity), 0);
});

test('Φ⁻¹ matches tabulated quantiles in the centre and both tails', () => {
  assert.ok(Math.abs(inverseNormalCdf(0.975) - 1.959963984540054) < 1e-8);
  assert.ok(Math.abs(inverseNormalCdf(0.5)) < 1e-12);
  assert.ok(Math.abs(inverseNormalCdf(0.001) + 3.090232306167813) < 1e-8);
  assert.ok(Math.abs(inverseNormalCdf(0.999) - 3.090232306167813) < 1e-8);
  assert.equal(inverseNormalCdf(0), -Infinity);
  assert.equal(inverseNormalCdf(1), Infinity);
});

test('Φ⁻¹ inverts Φ', () => {
  for (let x = -4; x <= 4; x += 0.37) assert.ok(Math.abs(inverseNormalCdf(normalCdf(x)) - x) < 1e-5, `x = ${x}`);
});
