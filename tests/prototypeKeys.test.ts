/**
 * Keyed data in the core never relies on the reserved-id refusal alone (issue 14, item 6): with the
 * readers' check bypassed — a scenario built as the JSON API would receive it, passed straight to the
 * core — actors and issues named `__proto__`, `constructor`, `toString`, `hasOwnProperty` and `valueOf`
 * get finite forecasts in every model, with every actor's position present in every round, and the
 * analyses (sweeps, advice, explanations) keep them too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { advise } from '../src/analysis/advise/advise.js';
import { runSweep } from '../src/analysis/sweep/index.js';
import { models, runModel } from '../src/models/registry.js';
import type { Forecast } from '../src/models/model.js';
import type { Scenario } from '../src/scenario/schema.js';

const reserved = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** Reserved ids for every actor and issue; every actor has a stance on every issue; JSON.parse keeps `__proto__` as an own key. */
function reservedScenario(issues = reserved.slice(0, 2)): Scenario {
  const actors = reserved.map((id, a) => ({
    id,
    capability: 10 + 7 * a,
    stances: Object.fromEntries(issues.map((issue, k) => [issue, { position: (a * 23 + k * 31) % 100, salience: 20 + 5 * a }])),
  }));
  // Object.fromEntries and JSON keep "__proto__" as an own property, as the server's JSON body would.
  return JSON.parse(JSON.stringify({ title: 'reserved ids', salienceScale: 100, issues: issues.map((id) => ({ id, scale: { min: 0, max: 100 } })), actors })) as Scenario;
}

/** Whether the actor has its own stance on the issue (never an inherited property). */
const takesPart = (scenario: Scenario, actor: string, issue: string) => Object.hasOwn(scenario.actors.find((candidate) => candidate.id === actor)!.stances, issue);

function assertEveryActorPresent(forecast: Forecast, scenario: Scenario): void {
  assert.deepEqual(forecast.issues.map((issue) => issue.issue), scenario.issues.map((issue) => issue.id), `${forecast.model}: issues`);
  for (const issue of forecast.issues) {
    assert.ok(Number.isFinite(issue.outcome), `${forecast.model} ${issue.issue}: outcome ${issue.outcome}`);
    for (const round of issue.rounds) {
      assert.ok(Number.isFinite(round.median) && Number.isFinite(round.mean), `${forecast.model} ${issue.issue} round ${round.round}`);
      for (const actor of scenario.actors) {
        if (!takesPart(scenario, actor.id, issue.issue)) {
          assert.ok(!Object.hasOwn(round.positions, actor.id), `${forecast.model} ${issue.issue}: a position for ${actor.id}, who takes no part`);
          continue;
        }
        assert.ok(Object.hasOwn(round.positions, actor.id), `${forecast.model} ${issue.issue} round ${round.round}: no position for ${actor.id}`);
        assert.equal(typeof round.positions[actor.id], 'number', `${forecast.model} ${issue.issue} round ${round.round}: ${actor.id}`);
        assert.ok(Number.isFinite(round.positions[actor.id]), `${forecast.model} ${issue.issue} round ${round.round}: ${actor.id} at ${round.positions[actor.id]}`);
      }
      for (const keyed of [round.smp?.probabilities, round.smp?.riskAttitudes, round.riskExponents, round.security, round.voting?.positions]) {
        if (keyed === undefined) continue;
        for (const actor of scenario.actors)
          if (takesPart(scenario, actor.id, issue.issue)) assert.ok(Object.hasOwn(keyed, actor.id) && Number.isFinite(keyed[actor.id]), `${forecast.model} round ${round.round}: ${actor.id}`);
      }
    }
  }
  // The output JSON names every actor in every round (a key lost to a prototype would vanish here).
  const json = JSON.parse(JSON.stringify(forecast)) as Forecast;
  for (const issue of json.issues) {
    const participants = scenario.actors.filter((actor) => takesPart(scenario, actor.id, issue.issue)).length;
    for (const round of issue.rounds) assert.equal(Object.keys(round.positions).length, participants, `${forecast.model} JSON`);
  }
}

for (const model of models) {
  test(`${model.id}: actors and issues with reserved ids, the refusal bypassed, get finite forecasts with every actor present`, () => {
    const scenario = reservedScenario();
    assertEveryActorPresent(runModel(model.id, scenario), scenario);
    if (model.id === 'eum') assertEveryActorPresent(runModel(model.id, scenario, { options: { dyads: true } }), scenario);
  });

  test(`${model.id}: with reserved ids, an actor without a stance on an issue is left out of it, not read from Object.prototype`, () => {
    const scenario = reservedScenario(['__proto__', 'constructor', 'toString']);
    // "__proto__" sits out "constructor", "toString" sits out "__proto__", "valueOf" sits out "toString".
    for (const [actor, issue] of [['__proto__', 'constructor'], ['toString', '__proto__'], ['valueOf', 'toString']] as const)
      delete scenario.actors.find((candidate) => candidate.id === actor)!.stances[issue];
    assert.ok(!takesPart(scenario, '__proto__', 'constructor') && takesPart(scenario, 'constructor', 'constructor'));
    let forecast: Forecast;
    try {
      forecast = runModel(model.id, scenario);
    } catch (error) {
      // A model may decline an incomplete space with an InputError, naming the actor and the issue.
      assert.match(String(error), /has no stance on issue|takes no part/u);
      return;
    }
    assertEveryActorPresent(forecast, scenario);
  });
}

test('sweeps and advice keep reserved ids: every actor moves or not, every lever is found', () => {
  const scenario = reservedScenario();
  for (const model of ['weighted-mean', 'eum', 'smp']) {
    const sweep = runSweep({ scenario, model, runs: 8, seed: 1 });
    for (const issue of sweep.issues) {
      assert.ok(Number.isFinite(issue.mean), `${model} sweep mean`);
      assert.deepEqual(Object.keys(issue.moved).sort(), [...reserved].sort(), `${model} sweep moved`);
    }
    const advice = advise(scenario, { actor: 'constructor', issue: '__proto__', goal: { kind: 'toward', value: 90 }, model, steps: 4, maxLevers: 1 });
    assert.ok(Number.isFinite(advice.baseline.outcome), `${model} advice`);
    assert.ok(advice.levers.length > 0, `${model}: no levers`);
  }
});
