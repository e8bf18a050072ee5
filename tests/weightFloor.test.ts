/**
 * The weight floor in every model (issue 14, item 9; src/math/weightFloor.ts): an actor whose
 * capability, or salience, is subnormal or below the floor gets exactly the forecast it would get
 * with zero — outcome and every round's positions — in every registered model.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { models, runModel } from '../src/models/registry.js';
import type { Forecast } from '../src/models/model.js';
import type { Scenario } from '../src/scenario/schema.js';
import { validateScenario } from '../src/scenario/validate.js';

const tiny = [5e-324, 1e-310, 2.2250738585072014e-308, 1e-301];

/** Three actors on two issues; actor "c" gets the capability and saliences given (`everyone`: every actor gets the capability). */
function scenario(capability: number, salience: number, everyone = false): Scenario {
  return validateScenario({
    title: 'floor',
    salienceScale: 1,
    issues: [{ id: 'x', statusQuo: 20 }, { id: 'y', statusQuo: 70 }],
    actors: [
      { id: 'a', capability: everyone ? capability : 60, stances: { x: { position: 0, salience: 0.4 }, y: { position: 80, salience: 0.3 } } },
      { id: 'b', capability: everyone ? capability : 30, stances: { x: { position: 70, salience: 0.6 }, y: { position: 20, salience: 0.2 } } },
      { id: 'c', capability, stances: { x: { position: 100, salience }, y: { position: 50, salience } } },
    ],
  }).scenario;
}

const summary = (forecast: Forecast) => JSON.stringify(forecast.issues.map((issue) => [issue.outcome, issue.rounds.map((round) => [round.positions, round.median, round.mean])]));

for (const model of models) {
  test(`${model.id}: a capability or salience below the weight floor gives the forecast zero gives`, () => {
    const allZero = summary(runModel(model.id, scenario(0, 0.3, true)));
    const zeroCapability = summary(runModel(model.id, scenario(0, 0.3)));
    const zeroSalience = summary(runModel(model.id, scenario(50, 0)));
    for (const value of tiny) {
      assert.equal(summary(runModel(model.id, scenario(value, 0.3))), zeroCapability, `capability ${value}`);
      // Every weight below the floor: the equal weights of the all-zero case, not a ratio of underflowed sums.
      assert.equal(summary(runModel(model.id, scenario(value, 0.3, true))), allZero, `every capability ${value}`);
      // A salience counts as zero where it weighs; the SMP also reads it as attention (a share of 1), where 1e-301 is not 0.
      assert.equal(summary(runModel(model.id, scenario(50, value))), zeroSalience, `salience ${value}`);
    }
  });
}
