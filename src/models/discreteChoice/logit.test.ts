import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRandom } from '../../math/random.js';
import { choiceProbabilities, fitLogit, penalisedLikelihood, type Observation } from './logit.js';

function randomObservations(seed: number, count: number): Observation[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const size = 2 + random.int(6);
    const features = Array.from({ length: size }, () => Float64Array.from({ length: 4 }, () => random.uniform(-2, 2)));
    return { features, chosen: random.int(size) };
  });
}

test('the gradient and the Hessian equal central differences of ℓ and of the gradient', () => {
  const observations = randomObservations(5, 40);
  const beta = [0.3, -0.7, 1.1, 0.2];
  const lambda = 2;
  const { gradient, hessian } = penalisedLikelihood(observations, beta, lambda);
  const h = 1e-5;
  for (let j = 0; j < 4; j++) {
    const plus = beta.map((b, k) => (k === j ? b + h : b));
    const minus = beta.map((b, k) => (k === j ? b - h : b));
    const upper = penalisedLikelihood(observations, plus, lambda);
    const lower = penalisedLikelihood(observations, minus, lambda);
    const numeric = (upper.value - lower.value) / (2 * h);
    assert.ok(Math.abs(numeric - gradient[j]!) < 1e-6 * Math.max(1, Math.abs(numeric)), `∂ℓ/∂β${j}: ${numeric} vs ${gradient[j]}`);
    for (let k = 0; k < 4; k++) {
      const numericSecond = (upper.gradient[k]! - lower.gradient[k]!) / (2 * h);
      assert.ok(Math.abs(numericSecond - hessian[j * 4 + k]!) < 1e-5 * Math.max(1, Math.abs(numericSecond)), `H[${j}][${k}]`);
    }
  }
});

test('the fit is the maximum: the gradient vanishes there and any nearby β has lower ℓ', () => {
  const observations = randomObservations(9, 80);
  const beta = fitLogit(observations, 1);
  const at = penalisedLikelihood(observations, beta, 1);
  assert.ok(Math.max(...at.gradient.map(Math.abs)) < 1e-8);
  for (let j = 0; j < 4; j++) {
    const moved = Array.from(beta, (b, k) => (k === j ? b + 0.01 : b));
    assert.ok(penalisedLikelihood(observations, moved, 1).value < at.value);
  }
});

test('probabilities are a distribution, stable for large utilities', () => {
  const p = choiceProbabilities([Float64Array.of(1000, 0, 0, 0), Float64Array.of(999, 0, 0, 0)], [1, 0, 0, 0]);
  assert.ok(Math.abs(p[0]! + p[1]! - 1) < 1e-15);
  assert.ok(Math.abs(p[0]! / p[1]! - Math.E) < 1e-9);
});
