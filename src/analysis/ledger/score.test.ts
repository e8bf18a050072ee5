import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brierScore, calibrationBins, crpsFromQuantiles, quantileLevels } from './score.js';

test('Brier: (p − o)²', () => {
  assert.equal(brierScore(0.8, true), (0.8 - 1) ** 2);
  assert.equal(brierScore(0.8, false), 0.8 ** 2);
  assert.equal(brierScore(1, true), 0);
});

test('CRPS from quantiles approaches the closed forms', () => {
  // A point forecast at 40 (every quantile 40): CRPS = |y − 40|.
  assert.ok(Math.abs(crpsFromQuantiles(new Array(99).fill(40), 55) - 15) < 1e-12);
  // Uniform on [0, 100] at y = 50: ∫₀⁵⁰ (x/100)² dx + ∫₅₀¹⁰⁰ (1 − x/100)² dx = 100/12.
  const uniform = quantileLevels(999).map((tau) => 100 * tau);
  assert.ok(Math.abs(crpsFromQuantiles(uniform, 50) - 100 / 12) < 0.01, String(crpsFromQuantiles(uniform, 50)));
  // At y = 100: ∫₀¹⁰⁰ (x/100)² dx = 100/3.
  assert.ok(Math.abs(crpsFromQuantiles(uniform, 100) - 100 / 3) < 0.05, String(crpsFromQuantiles(uniform, 100)));
});

test('calibration bins count, average and observe', () => {
  const bins = calibrationBins([
    { probability: 0.05, happened: false },
    { probability: 0.95, happened: true },
    { probability: 1, happened: true },
    { probability: 0.91, happened: false },
  ]);
  assert.equal(bins.length, 10);
  assert.deepEqual([bins[0]!.count, bins[0]!.observedFrequency], [1, 0]);
  assert.equal(bins[9]!.count, 3);
  assert.ok(Math.abs(bins[9]!.meanProbability! - (0.95 + 1 + 0.91) / 3) < 1e-12);
  assert.ok(Math.abs(bins[9]!.observedFrequency! - 2 / 3) < 1e-12);
  assert.equal(bins[5]!.meanProbability, null);
});
