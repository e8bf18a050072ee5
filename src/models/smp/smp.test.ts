/** The `smp` model's behaviour beyond the KTAB reference runs: options, stopping, spaces, seeds, output. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromShared } from '../../../tests/support/paths.js';
import { InputError } from '../../errors.js';
import { readKtab } from '../../scenario/ktab/index.js';
import type { Scenario } from '../../scenario/schema.js';
import { runModel } from '../registry.js';
import {
  BargainModels,
  BigRAdjusts,
  BigRRanges,
  InterVecBargains,
  PceModels,
  StateTransitions,
  ThirdPartyCommits,
  VictoryProbModels,
  VotingRules,
} from './options.js';

function ktabScenario(file: string): Scenario {
  const format = file.endsWith('.xml') ? 'ktab-xml' : 'ktab-csv';
  return readKtab(readFileSync(fromShared('vectors', 'ktab', 'inputs', file), 'utf8'), format, file).scenario;
}

const dummy = ktabScenario('dummyData_3Dim.csv');
const turnsOf = (forecast: ReturnType<typeof runModel>) => forecast.issues[0]!.rounds.length - 1;

test('stochastic mode is reproducible: the same seed gives the same run, other seeds other runs', () => {
  const example = ktabScenario('smpExample-fixed.xml');
  assert.equal(example.spaces?.[0]?.smpOptions?.stateTransitions, 'Stochastic', 'the file asks for stochastic transitions');
  const first = runModel('smp', example, { options: { seed: 42 } });
  assert.deepEqual(runModel('smp', example, { options: { seed: 42 } }), first);
  const finals = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(runModel('smp', example, { options: { seed } }).issues.map((i) => i.rounds.at(-1)!.positions)));
  assert.ok(new Set(finals).size > 1, 'different seeds give different runs');
});

test("the stopping rule is configurable: threshold, minimum and maximum turns (KTAB's by default)", () => {
  const capped = runModel('smp', dummy, { options: { maxTurns: 3 } });
  assert.equal(turnsOf(capped), 3);
  assert.equal(capped.issues[0]!.stoppedEarly, undefined, 'stopping at the cap is not an early stop');
  assert.equal(turnsOf(runModel('smp', dummy, { options: { minTurns: 14, maxTurns: 20 } })) >= 14, true);
  assert.equal(turnsOf(runModel('smp', dummy, { options: { stopThreshold: 0, maxTurns: 15 } })), 15);
  const loose = turnsOf(runModel('smp', dummy, { options: { stopThreshold: 0.5 } }));
  assert.ok(loose >= 2 && loose < 10, `a looser threshold stops sooner (${loose} turns)`);
  assert.throws(() => runModel('smp', dummy, { options: { minTurns: 5, maxTurns: 3 } }), InputError);
});

test('every documented value of every KTAB parameter runs to finite positions on the scale', () => {
  const values: Record<string, readonly string[]> = {
    victoryProbModel: VictoryProbModels,
    pceModel: PceModels,
    stateTransitions: StateTransitions,
    votingRule: VotingRules,
    bigRAdjust: BigRAdjusts,
    bigRRange: BigRRanges,
    thirdPartyCommit: ThirdPartyCommits,
    interVecBargain: InterVecBargains,
    bargainModel: BargainModels,
  };
  for (const [option, list] of Object.entries(values)) {
    for (const value of list) {
      const forecast = runModel('smp', dummy, { options: { [option]: value, maxTurns: 6 } });
      assert.equal(forecast.options[option], value);
      for (const issueForecast of forecast.issues) {
        assert.ok(Number.isFinite(issueForecast.outcome) && issueForecast.outcome >= 0 && issueForecast.outcome <= 100, `${option}=${value}`);
        for (const round of issueForecast.rounds) for (const x of Object.values(round.positions)) assert.ok(x >= 0 && x <= 100, `${option}=${value}: ${x}`);
      }
    }
  }
});

test('bargain models: InitRcvrInterp proposes two bargains per challenge, PWCompInterp one blend', () => {
  const round1 = (bargainModel: string) => runModel('smp', dummy, { options: { bargainModel, maxTurns: 2 } }).issues[0]!.rounds[1]!.smp!;
  const single = round1('InitOnlyInterp');
  assert.equal(round1('InitRcvrInterp').bargains.length, 2 * single.bargains.length);
  assert.ok(round1('PWCompInterp').bargains.every((bargain) => bargain.perspective === 'compromise'));
});

test('each round says who proposed what to whom, why, and what each actor took', () => {
  const forecast = runModel('smp', dummy);
  const [first] = forecast.issues;
  const round = first!.rounds[1]!;
  const smp = round.smp!;
  assert.deepEqual(first!.rounds[0]!.smp!.bargains, []);
  // KTAB's log: in turn 1 SActor-00 targets SActor-06 (P = 0.7643, gain +0.0947).
  const offer = smp.bargains.find((bargain) => bargain.initiator === 'SActor-00')!;
  assert.equal(offer.receiver, 'SActor-06');
  assert.ok(Math.abs(offer.probability - 0.7643) < 5e-5 && Math.abs(offer.expectedGain - 0.0947) < 5e-5);
  assert.ok(Math.abs(offer.receiverExpectedGain - -0.1548) < 5e-5);
  assert.equal(smp.choices.length, dummy.actors.length);
  for (const choice of smp.choices) {
    const before = forecast.issues.map((issueForecast) => issueForecast.rounds[0]!.positions[choice.actor]!);
    const after = forecast.issues.map((issueForecast) => issueForecast.rounds[1]!.positions[choice.actor]!);
    if (choice.bargain === null) assert.deepEqual(after, before, `${choice.actor} stayed put`);
    else {
      const bargain = smp.bargains[choice.bargain]!;
      const offered = bargain.initiator === choice.actor ? bargain.initiatorPosition : bargain.receiverPosition;
      assert.deepEqual(after, forecast.issues.map((issueForecast) => offered[issueForecast.issue]!), `${choice.actor} took bargain ${choice.bargain}`);
    }
  }
  // KTAB's log: SActor-00 takes bargain 4:0 (with SActor-04), at probability 0.4968.
  const taken = smp.choices.find((choice) => choice.actor === 'SActor-00')!;
  assert.equal(smp.bargains[taken.bargain!]!.initiator, 'SActor-04');
  assert.ok(Math.abs(taken.probability - 0.4968) < 5e-5);
});

test('ideal adjustment (KTAB accommodation) changes the run; rows above 1 are refused', () => {
  const plain = runModel('smp', dummy);
  const adjusted = runModel('smp', dummy, {
    options: {
      idealAdjustment: [
        { actor: 'SActor-01', reference: 'SActor-01', adjust: 0.5 },
        { actor: 'SActor-01', reference: 'SActor-05', adjust: 0.3 },
      ],
    },
  });
  assert.notDeepEqual(adjusted.issues[0]!.rounds.at(-1)!.positions, plain.issues[0]!.rounds.at(-1)!.positions);
  assert.throws(
    () => runModel('smp', dummy, { options: { idealAdjustment: [{ actor: 'SActor-01', reference: 'SActor-05', adjust: 0.3 }] } }),
    (error: unknown) => error instanceof InputError && /SActor-01.*more than 1/u.test(error.message),
  );
  assert.throws(
    () => runModel('smp', dummy, { options: { idealAdjustment: [{ actor: 'Nobody', reference: 'SActor-05', adjust: 0.3 }] } }),
    /unknown actor "Nobody"/u,
  );
});

const twoSpaces: Scenario = {
  title: 'two spaces',
  salienceScale: 100,
  issues: ['a', 'b', 'c'].map((id) => ({ id, scale: { min: 0, max: 10 } })),
  spaces: [
    { id: 'ab', issues: ['a', 'b'] },
    { id: 'c', issues: ['c'] },
  ],
  actors: [
    { id: 'x', capability: 50, stances: { a: { position: 1, salience: 40 }, b: { position: 2, salience: 50 }, c: { position: 9, salience: 80 } } },
    { id: 'y', capability: 30, stances: { a: { position: 8, salience: 60 }, b: { position: 7, salience: 30 }, c: { position: 2, salience: 60 } } },
    { id: 'z', capability: 40, stances: { a: { position: 5, salience: 20 }, b: { position: 9, salience: 70 } } },
  ],
};

test('the SMP runs on the first space, or the one named; positions stay on the issues\' scales', () => {
  const first = runModel('smp', twoSpaces);
  assert.deepEqual(first.issues.map((issueForecast) => issueForecast.issue), ['a', 'b']);
  for (const issueForecast of first.issues) assert.ok(issueForecast.outcome >= 0 && issueForecast.outcome <= 10);
  const c = runModel('smp', twoSpaces, { options: { space: 'c' } });
  assert.deepEqual(c.issues.map((issueForecast) => issueForecast.issue), ['c']);
  assert.match(c.notes.join('\n'), /only 2 actor/u);
  assert.throws(() => runModel('smp', twoSpaces, { options: { space: 'nope' } }), /unknown space "nope"/u);
});

test('a declared space needs every dimension from every actor taking part', () => {
  const gap = structuredClone(twoSpaces);
  delete (gap.actors[2]!.stances as Record<string, unknown>)['b'];
  assert.throws(
    () => runModel('smp', gap),
    (error: unknown) => error instanceof InputError && /actor "z" has no stance on issue "b" of space "ab"/u.test(error.message),
  );
});

test('without a declared space: over-attentive actors are scaled down, partial participation splits the issues', () => {
  const plain: Scenario = { ...structuredClone(twoSpaces), spaces: undefined } as Scenario;
  delete (plain as { spaces?: unknown }).spaces;
  const split = runModel('smp', plain);
  assert.deepEqual(split.issues.map((issueForecast) => issueForecast.issue), ['a', 'b', 'c']);
  assert.match(split.notes.join('\n'), /its own one-dimensional space/u);
  const complete = structuredClone(plain);
  complete.issues = complete.issues.slice(0, 2);
  for (const actor of complete.actors) delete (actor.stances as Record<string, unknown>)['c'];
  complete.actors[0]!.stances['a']!.salience = 90;
  const joint = runModel('smp', complete);
  assert.match(joint.notes.join('\n'), /actor "x": saliences over a, b sum to 140 > 100; scaled down/u);
});
