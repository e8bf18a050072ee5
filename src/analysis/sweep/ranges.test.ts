import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Scenario } from '../../scenario/schema.js';
import { drawEstimates } from './perturb.js';
import { hasRanges, prepareSweep } from './spec.js';
import { runSweep } from './sweep.js';
import { threeActors } from './testScenario.js';

/** threeActors with north's deal position stated as 70–95 and its capability as 60–80. */
const ranged: Scenario = {
  ...threeActors,
  actors: threeActors.actors.map((actor) =>
    actor.id !== 'north' ? actor : { ...actor, capabilityRange: [60, 80] as [number, number], stances: { ...actor.stances, deal: { ...actor.stances.deal!, range: { position: [70, 95] as [number, number] } } } },
  ),
};

test('a stated range is drawn uniformly on the range, over any noise spec; other estimates keep their noise', () => {
  assert.equal(hasRanges(threeActors), false);
  assert.equal(hasRanges(ranged), true);
  const prepared = prepareSweep({ scenario: ranged, model: 'weighted-median', runs: 10, seed: 1, noise: [{ field: 'position', distribution: 'normal', size: 1, relative: false }] });
  const position = prepared.inputs.find((input) => input.actor === 'north' && input.field === 'position' && input.issue === 'deal')!;
  assert.deepEqual(position.law, { distribution: 'uniform', value: 90, size: 20, min: 70, max: 95 });
  const capability = prepared.inputs.find((input) => input.actor === 'north' && input.field === 'capability')!;
  assert.deepEqual(capability.law, { distribution: 'uniform', value: 80, size: 20, min: 60, max: 80 });
  const south = prepared.inputs.find((input) => input.actor === 'south' && input.field === 'position' && input.issue === 'deal')!;
  assert.deepEqual(south.law, { distribution: 'normal', value: 10, size: 1, min: 0, max: 100 });
  const [low, middle, high] = [0, 0.5, 0.999999].map((u) => drawEstimates([position], [u])[0]!);
  assert.equal(low, 70);
  assert.equal(middle, 82.5);
  assert.ok(high! > 94.99 && high! <= 95);
});

test('a sweep over ranges keeps every outcome a ranged actor can reach inside its range', () => {
  const alone: Scenario = { ...ranged, actors: ranged.actors.filter((actor) => actor.id !== 'east') };
  const result = runSweep({ scenario: alone, model: 'mean', runs: 200, seed: 3, noise: [] });
  const deal = result.issues.find((issue) => issue.issue === 'deal')!;
  // mean of north (70–95) and south (10): outcomes between 40 and 52.5.
  assert.ok(deal.min >= 40 && deal.max <= 52.5, `${deal.min} … ${deal.max}`);
  assert.ok(deal.max - deal.min > 10, 'the range is explored');
});
