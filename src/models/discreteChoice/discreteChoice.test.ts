import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { runModel } from '../registry.js';
import type { Scenario } from '../../scenario/schema.js';
import { choiceSet } from './candidates.js';

test('the choice set: a 5 % grid, every position and the status quo, once each, with their features', () => {
  const set = choiceSet(
    [
      { position: 20, weight: 1 },
      { position: 33, weight: 1 },
      { position: 20, weight: 2 },
    ],
    { min: 0, max: 100 },
    47,
  );
  assert.equal(set.candidates.length, 21 + 2); // 20 is on the grid; 33 and 47 are not
  assert.ok(set.candidates.every((value, k) => k === 0 || value > set.candidates[k - 1]!));
  const compromise = (20 + 33 + 40) / 4;
  assert.equal(set.compromise, compromise);
  const at20 = set.features[set.candidates.indexOf(20)]!;
  const d = Math.abs(20 - compromise) / 10;
  assert.deepEqual(Array.from(at20), [d, d * d, 1, 0.75]);
  assert.deepEqual(Array.from(set.features[set.candidates.indexOf(47)]!).slice(2), [0, 0]);
});

const scenarioArbitrary = fc
  .record({
    min: fc.integer({ min: -50, max: 50 }),
    width: fc.integer({ min: 1, max: 200 }),
    actors: fc.array(fc.record({ capability: fc.double({ min: 0, max: 100, noNaN: true }), position: fc.double({ min: 0, max: 1, noNaN: true }), salience: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 12 }),
    statusQuo: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  })
  .map(({ min, width, actors, statusQuo }): Scenario => ({
    title: 'random',
    salienceScale: 1,
    issues: [{ id: 'x', scale: { min, max: min + width }, ...(statusQuo !== undefined ? { statusQuo: min + statusQuo * width } : {}) }],
    actors: actors.map((actor, index) => ({ id: `a${index}`, capability: actor.capability, stances: { x: { position: min + actor.position * width, salience: actor.salience } } })),
  }));

test('on random scenarios: finite, on the scale, deterministic, a candidate, intervals nested around the forecast', () => {
  fc.assert(
    fc.property(scenarioArbitrary, (scenario) => {
      const first = runModel('discrete-choice', scenario).issues[0]!;
      assert.deepEqual(runModel('discrete-choice', scenario).issues[0], first);
      const { min, max } = scenario.issues[0]!.scale;
      assert.ok(Number.isFinite(first.outcome) && first.outcome >= min && first.outcome <= max);
      const stated = scenario.actors.map((actor) => ({ position: actor.stances['x']!.position, weight: actor.capability * actor.stances['x']!.salience }));
      assert.ok(choiceSet(stated, scenario.issues[0]!.scale, scenario.issues[0]!.statusQuo).candidates.includes(first.outcome));
      const { p50, p80, p90 } = first.distribution!.intervals;
      assert.ok(p90[0] <= p80[0] && p80[0] <= p50[0] && p50[0] <= first.outcome && first.outcome <= p50[1] && p50[1] <= p80[1] && p80[1] <= p90[1]);
      const total = first.distribution!.top.reduce((sum, candidate) => sum + candidate.probability, 0);
      assert.ok(total > 0 && total <= 1 + 1e-12);
    }),
    { seed: 15, numRuns: 300 },
  );
});

test('coefficients can be given as an option; a wrong count is an input error', () => {
  const scenario: Scenario = {
    title: 't',
    salienceScale: 1,
    issues: [{ id: 'x', scale: { min: 0, max: 100 } }],
    actors: [
      { id: 'a', capability: 1, stances: { x: { position: 10, salience: 1 } } },
      { id: 'b', capability: 3, stances: { x: { position: 90, salience: 1 } } },
    ],
  };
  // A strong pull to positions held by much weight: b's 90.
  assert.equal(runModel('discrete-choice', scenario, { options: { beta: [0, 0, 5, 20] } }).issues[0]!.outcome, 90);
  assert.throws(() => runModel('discrete-choice', scenario, { options: { beta: [1, 2] } }), /expected 4 coefficients/u);
});
