/** Hand-checkable cases of the SMP's formulas (utility.ts, voting.ts, challenge.ts, bargain.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interpolateBargain } from './bargain.js';
import { thirdPartyVote } from './challenge.js';
import { estimatedRisk, riskFromProbabilities, spatialUtility, weightedDistance } from './utility.js';
import { conditionalPce, markovUniformPce, scalarPce, victoryProbability, vote } from './voting.js';

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

test('salience-weighted distance is normalised by the saliences', () => {
  close(weightedDistance([0, 0], 0, [1, 0], 0, [1, 1], 0, 2), Math.sqrt(0.5));
  close(weightedDistance([0, 0], 0, [1, 0], 0, [1, 0], 0, 2), 1);
  close(weightedDistance([0, 0], 0, [1, 0], 0, [0, 1], 0, 2), 0);
  // Scaling every salience leaves the distance unchanged.
  close(weightedDistance([0.2, 0.9], 0, [0.5, 0.1], 0, [0.3, 0.6], 0, 2), weightedDistance([0.2, 0.9], 0, [0.5, 0.1], 0, [0.03, 0.06], 0, 2));
});

test('utility (1 − d)(1 + dR): linear, concave and convex', () => {
  close(spatialUtility(0.5, 0), 0.5);
  close(spatialUtility(0.5, 1), 0.75);
  close(spatialUtility(0.5, -0.5), 0.375);
  close(spatialUtility(0, -0.5), 1);
  close(spatialUtility(1, 1), 0);
});

test('risk attitudes map the likeliest position to 1 and the least likely to the bottom of the range', () => {
  const p = [0.1, 0.3, 0.6];
  assert.deepEqual(Array.from(riskFromProbabilities(p, 'Mid')).map((r) => Math.round(r * 1e12) / 1e12), [-0.5, 0.1, 1]);
  assert.deepEqual(Array.from(riskFromProbabilities(p, 'Min')).map((r) => Math.round(r * 1e12) / 1e12), [0, 0.4, 1]);
  assert.deepEqual(Array.from(riskFromProbabilities(p, 'Max')).map((r) => Math.round(r * 1e12) / 1e12), [-1, -0.2, 1]);
  assert.deepEqual(Array.from(riskFromProbabilities([0.5, 0.5], 'Mid')), [0, 0], 'equal probabilities: risk-neutral');
  close(estimatedRisk(1, -0.5, 'OneThird'), 0.5);
  close(estimatedRisk(1, -0.5, 'Full'), -0.5);
  close(estimatedRisk(1, -0.5, 'None'), 1);
});

test('votes by rule', () => {
  close(vote('Prop', 2, 0.7, 0.4), 0.6);
  close(vote('Binary', 2, 0.7, 0.4), 2);
  close(vote('Cubic', 2, 0.7, 0.4), 2 * 0.3 ** 3, 1e-15);
  close(vote('ASymProsp', 3, 0.7, 0.4), 0.6);
  close(vote('ASymProsp', 3, 0.4, 0.7), -0.9);
  close(victoryProbability('Linear', 3, 1), 0.75);
  close(victoryProbability('Square', 3, 1), 0.9);
  close(victoryProbability('Binary', 2, 1), 1 / (1 + 1e-6));
});

test('conditional PCE: p_i ∝ Π_j P(i beats j)', () => {
  const victory = Float64Array.from([0.5, 0.8, 0.2, 0.5]);
  const p = conditionalPce(victory, 2);
  close(p[0]!, 0.8);
  close(p[1]!, 0.2);
  const markov = markovUniformPce(victory, 2);
  close(markov[0]! + markov[1]!, 1, 1e-9);
  assert.ok(markov[0]! > 0.5, 'the stronger option is likelier');
});

test('scalar PCE: everyone preferring option 1 makes it near certain', () => {
  const utilities = Float64Array.from([0.2, 0.9, 0.1, 0.8, 0.3, 0.7]);
  const p = scalarPce([1, 1, 1], utilities, 3, 2, 'Prop', 'Linear', 'Conditional');
  assert.ok(p[1]! > 0.999999, `p = ${p[1]}`);
});

test('a semi-committed third party counts its own position only when it backs the winner', () => {
  // With its own position worth as much as i's, SemiCommit and FullCommit differ only by that term.
  const semi = thirdPartyVote(1, 'Prop', 'SemiCommit', 0.6, 0.4, 0.8, 0.2, 1);
  close(semi, 0.6 * (0.8 + 0.8 + 1) + 0.4 * 0.6 - (0.6 * 2.4 + 0.4 * (0.2 + 0.2 + 1)));
});

test('S2P2 bargain of SActor-00 with SActor-06 in turn 1 of dummyData_3Dim (KTAB log: 75.61, 24.78, 71.95)', () => {
  const positions = Float64Array.from([0.7579, 0.0637, 0.7045, 0.7096, 0.3346, 0.9036]);
  const salience = Float64Array.from([0.4953, 0.0591, 0.2815, 0.3175, 0.2793, 0.2603]);
  const bargain = interpolateBargain('S2P2', positions, salience, 3, 0, 1, 0.7643, 1 - 0.7643);
  assert.deepEqual(Array.from(bargain.initiator, (x) => Math.round(x * 1000) / 10), [75.6, 24.8, 72]);
  // The receiver's point leans by the 1e-6 tilt toward its own position: 24.79 against 24.78 in KTAB's log.
  assert.ok(bargain.receiver[1]! >= bargain.initiator[1]!);
  for (const x of [...bargain.initiator, ...bargain.receiver]) close(x, Math.round(x * 1e4) / 1e4, 1e-12);
});
