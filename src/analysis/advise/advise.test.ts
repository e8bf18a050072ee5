import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isInputError } from '../../errors.js';
import { parseScenario } from '../../scenario/parse.js';
import type { Scenario } from '../../scenario/schema.js';
import { fromRepo } from '../../../tests/support/paths.js';
import { advise, type AdviseRequest } from './advise.js';

const worked = parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024.yaml'), 'utf8'), { file: 'backchannel-2024.yaml' }).scenario;

/** Three actors on one 0–100 issue; weights capability × salience. */
function threeActors(stances: Array<[id: string, capability: number, position: number, salience: number]>): Scenario {
  return {
    title: 'hand-built',
    salienceScale: 100,
    issues: [{ id: 'x', scale: { min: 0, max: 100 } }],
    actors: stances.map(([id, capability, position, salience]) => ({ id, capability, stances: { x: { position, salience } } })),
  };
}

describe('advise: flip points found where the answer is known by construction', () => {
  it('weighted mean: the position change that brings the compromise to V is (V − x̄)·W / w_i', () => {
    const scenario = threeActors([
      ['a', 1, 20, 40],
      ['b', 2, 50, 30],
      ['c', 1, 90, 50],
    ]);
    const weights = [0.4, 0.6, 0.5];
    const total = weights.reduce((sum, w) => sum + w, 0);
    const mean = (20 * 0.4 + 50 * 0.6 + 90 * 0.5) / total;
    const target = 58;
    const expected = 90 + ((target - mean) * total) / 0.5; // c alone moves the mean
    const advice = advise(scenario, { actor: 'c', issue: 'x', goal: { kind: 'toward', value: target }, model: 'weighted-mean', levers: ['position'] });
    const flip = advice.levers[0]!.flipPoint;
    assert.ok(expected < 100, 'the construction keeps the answer on the scale');
    assert.ok(flip, 'a flip point exists within the scale');
    assert.ok(Math.abs(flip.moves[0]!.to - expected) <= 100 / 20 / 1024 + 1e-9, `${flip.moves[0]!.to} vs ${expected}`);
    // Toward a lower target: the closed form is below today's position.
    const lower = advise(scenario, { actor: 'c', issue: 'x', goal: { kind: 'toward', value: 50 }, model: 'weighted-mean', levers: ['position'] });
    const lowerExpected = 90 + ((50 - mean) * total) / 0.5;
    assert.ok(Math.abs(lower.levers[0]!.flipPoint!.moves[0]!.to - lowerExpected) <= 100 / 20 / 1024 + 1e-9);
  });

  it('weighted median: a pivotal actor takes the median once its weight passes the others’ (salience 70 here)', () => {
    // Weights .4 at 20, .3 at 50, s at 80: the median leaves 50 for 80 once .4 + .3 < (0.7 + s) / 2, i.e. s > .7.
    const scenario = threeActors([
      ['a', 1, 20, 40],
      ['b', 1, 50, 30],
      ['c', 1, 80, 20],
    ]);
    const advice = advise(scenario, { actor: 'c', issue: 'x', goal: { kind: 'toward', value: 80 }, model: 'weighted-median', levers: ['salience'] });
    const flip = advice.levers[0]!.flipPoint!;
    assert.equal(flip.outcome, 80);
    assert.ok(Math.abs(flip.moves[0]!.to - 70) <= 100 / 20 / 1024 + 1e-9, String(flip.moves[0]!.to));
    assert.ok(flip.moves[0]!.to >= 70);
  });

  it('EUM: the flip point is where a fine scan first reaches the goal, within the scan resolution', () => {
    const request: AdviseRequest = { actor: 'us', issue: 'talks', goal: { kind: 'toward', value: 50 }, levers: ['salience'] };
    const flip = advise(worked, request).levers[0]!.flipPoint!;
    const fine = advise(worked, { ...request, steps: 400 }).levers[0]!.flipPoint!;
    assert.ok(Math.abs(flip.moves[0]!.to - fine.moves[0]!.to) <= 100 / 20, `${flip.moves[0]!.to} vs ${fine.moves[0]!.to}`);
    assert.ok(flip.reached && fine.reached);
  });

  it('flip: finds what makes a firm actor concede toward the advised one, and says why', () => {
    // The EU holds firm at 40 on talks (EUM default); the US administration stands at 75.
    const advice = advise(worked, { actor: 'us', issue: 'talks', goal: { kind: 'flip', other: 'eu' }, levers: ['position', 'salience'] });
    assert.equal(advice.baseline.concession, 0);
    const reached = advice.levers.filter((lever) => lever.flipPoint);
    assert.ok(reached.length > 0);
    for (const lever of reached) {
      assert.ok(lever.flipPoint!.reached);
      assert.match(lever.flipPoint!.explanation![0]!, /^If United States/u);
    }
  });
});

describe('advise: search properties', () => {
  it('raising the budget never lowers the best reachable gain', () => {
    const gains = [2, 5, 10, 25, 50, 200].map((budget) => advise(worked, { actor: 'us', issue: 'talks', goal: { kind: 'toward', value: 55 }, budget, steps: 10 }).best?.gain ?? 0);
    for (let k = 1; k < gains.length; k++) assert.ok(gains[k]! >= gains[k - 1]! - 1e-12, gains.join(', '));
  });

  it('the Pareto front rises in gain as cost rises, and nothing scored beats a point of it on both', () => {
    const advice = advise(worked, { actor: 'us', issue: 'settlement', goal: { kind: 'toward', value: 30 }, steps: 10 });
    for (let k = 1; k < advice.pareto.length; k++) {
      assert.ok(advice.pareto[k]!.cost >= advice.pareto[k - 1]!.cost);
      assert.ok(advice.pareto[k]!.gain > advice.pareto[k - 1]!.gain);
    }
    assert.ok(advice.best === undefined || advice.best.gain >= advice.pareto.at(-1)!.gain - 1e-12);
  });

  it('is deterministic for a seed, robustness included', () => {
    const request: AdviseRequest = { actor: 'us', issue: 'talks', goal: { kind: 'toward', value: 50 }, robust: 20, seed: 7, steps: 8, levers: ['salience', 'position'] };
    assert.deepEqual(advise(worked, request), advise(worked, request));
    const shares = advise(worked, request).levers.flatMap((lever) => (lever.flipPoint?.robustness ? [lever.flipPoint.robustness.share] : []));
    assert.ok(shares.length > 0 && shares.every((share) => share >= 0 && share <= 1));
  });

  it('works with every model that forecasts an issue', () => {
    for (const model of ['eum', 'smp', 'nash', 'mean', 'weighted-mean', 'weighted-median']) {
      const advice = advise(worked, { actor: 'us', issue: 'talks', goal: { kind: 'toward', value: 55 }, model, steps: 4, maxLevers: 1, levers: ['salience', 'position'] });
      assert.equal(advice.model, model);
      assert.ok(Number.isFinite(advice.baseline.outcome));
    }
  });
});

describe('advise: bad input', () => {
  const base: AdviseRequest = { actor: 'us', issue: 'talks', goal: { kind: 'toward', value: 50 } };
  const cases: Array<[string, Partial<AdviseRequest>, string]> = [
    ['unknown actor', { actor: 'nobody' }, 'actor'],
    ['unknown issue', { issue: 'nothing' }, 'issue'],
    ['unknown lever', { levers: ['bribe' as never] }, 'levers'],
    ['goal off the scale', { goal: { kind: 'toward', value: 120 } }, 'goal'],
    ['flip naming the actor itself', { goal: { kind: 'flip', other: 'us' } }, 'goal'],
    ['flip naming an unknown actor', { goal: { kind: 'flip', other: 'mars' } }, 'goal'],
    ['zero budget', { budget: 0 }, 'budget'],
    ['negative budget', { budget: -3 }, 'budget'],
    ['flip with a model that has no rounds', { goal: { kind: 'flip', other: 'russia' }, model: 'weighted-mean' }, 'goal'],
  ];
  for (const [what, change, field] of cases) {
    it(`${what}: an InputError on ${field}`, () => {
      assert.throws(
        () => advise(worked, { ...base, ...change }),
        (error: unknown) => isInputError(error) && error.problems.some((problem) => problem.field === field),
      );
    });
  }

  it('flip naming an actor without a stance on the issue', () => {
    const scenario: Scenario = { ...worked, actors: [...worked.actors, { id: 'outsider', capability: 1, stances: { settlement: { position: 1, salience: 1 } } }] };
    assert.throws(() => advise(scenario, { ...base, goal: { kind: 'flip', other: 'outsider' } }), (error: unknown) => isInputError(error) && /takes no part/u.test(error.message));
  });
});
