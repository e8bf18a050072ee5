/**
 * SMP on subnormal saliences (issue 14, item 9): an actor whose saliences are all tiny judges distances
 * as one with saliences in the same ratio (the weights are scaled by a power of two before they are
 * squared), never 0/0. Before the fix, a salience of 5e-324 made its distances NaN and the outcome
 * probabilities summed to 3.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateScenario } from '../../scenario/validate.js';
import type { IssueForecast } from '../model.js';
import { runModel } from '../registry.js';

function threeActors(salience: number) {
  return validateScenario({
    title: 'subnormal salience',
    salienceScale: 1,
    issues: [{ id: 'x' }],
    actors: [
      { id: 'a', capability: 10, stances: { x: { position: 0, salience } } },
      { id: 'b', capability: 11, stances: { x: { position: 40, salience: 0.5 } } },
      { id: 'c', capability: 12, stances: { x: { position: 100, salience: 0.5 } } },
    ],
  }).scenario;
}

/** Round 0's three actors hold distinct positions: their probabilities of being the outcome are finite and sum to 1. */
function assertRoundZeroProbabilities(issue: IssueForecast): void {
  const probabilities = Object.values(issue.rounds[0]!.smp!.probabilities);
  assert.ok(probabilities.every(Number.isFinite), String(probabilities));
  assert.ok(Math.abs(probabilities.reduce((sum, p) => sum + p, 0) - 1) < 1e-9, String(probabilities));
}

test('SMP: a valid subnormal salience gives outcome probabilities that sum to 1 and the outcome of salience 0', () => {
  const zero = runModel('smp', threeActors(0)).issues[0]!;
  for (const salience of [5e-324, 1e-310, 1e-200, 1e-170]) {
    const issue = runModel('smp', threeActors(salience)).issues[0]!;
    assertRoundZeroProbabilities(issue);
    assert.ok(Math.abs(issue.outcome - zero.outcome) < 1e-9, `salience ${salience}: ${issue.outcome} vs ${zero.outcome}`);
    assert.deepEqual(issue.mostProbable!.actors, zero.mostProbable!.actors);
  }
});

test('SMP: an actor whose saliences over a two-issue space are both tiny judges distances by their ratio', () => {
  const space = (scale: number) =>
    validateScenario({
      title: 'tiny saliences',
      salienceScale: 1,
      issues: [{ id: 'x' }, { id: 'y' }],
      actors: [
        { id: 'a', capability: 10, stances: { x: { position: 0, salience: 0.2 * scale }, y: { position: 10, salience: 0.6 * scale } } },
        { id: 'b', capability: 11, stances: { x: { position: 40, salience: 0.3 }, y: { position: 60, salience: 0.5 } } },
        { id: 'c', capability: 12, stances: { x: { position: 100, salience: 0.3 }, y: { position: 90, salience: 0.5 } } },
      ],
    }).scenario;
  const outcomes = (scale: number) => runModel('smp', space(scale)).issues.map((issue) => issue.outcome);
  const tiny = outcomes(2 ** -700);
  assert.ok(tiny.every(Number.isFinite), String(tiny));
  for (const issue of runModel('smp', space(2 ** -700)).issues) assertRoundZeroProbabilities(issue);
  // 2^-700 scales the saliences exactly; only their sum (the attention in challenges) is then ≈ 0.
  assert.deepEqual(tiny, outcomes(2 ** -699));
});
