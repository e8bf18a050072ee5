/**
 * Properties of the exchange model on random multi-issue scenarios (tests/support/arbitraries.ts):
 * - every realised equal-gain exchange gives both sides the same gain, recomputed from its moves (eq. 9);
 * - no move leaves the scale: every exchange's positions, every voting position and preference on the issue's scale (also with p > 0);
 * - with one issue nothing is traded and the outcome is the compromise (the weighted mean);
 * - the same seed gives the same run, with the random-rate variant and the coin-flip tie rule.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { arbitraryScenario, arbitrarySingleIssueScenario } from '../../../tests/support/arbitraries.js';
import { weightedMean } from '../../math/weightedMean.js';
import type { Scenario } from '../../scenario/schema.js';
import { participants, votingWeights } from '../../scenario/views.js';
import type { Forecast, RealisedExchange } from '../model.js';
import { runModel } from '../registry.js';

const multiIssue = arbitraryScenario({ minActors: 2, maxActors: 7, issues: { min: 2, max: 4 } });
const runs = { numRuns: 80 };

/** Both sides' gains of an exchange from its moves: the outcome shift r = |m|·w/W on each issue (eqs. 4–9). */
function sideGains(scenario: Scenario, exchange: RealisedExchange): [number, number] {
  const shift = (actor: string, issueId: string, move: number): number => {
    const issue = scenario.issues.find((candidate) => candidate.id === issueId)!;
    const people = participants(scenario, issueId);
    const total = votingWeights(people).reduce((sum, weight) => sum + weight, 0);
    const self = people.find((person) => person.id === actor)!;
    return ((Math.abs(move) * 100) / (issue.scale.max - issue.scale.min)) * ((self.capability * self.salience) / total);
  };
  const salience = (actor: string, issueId: string) => participants(scenario, issueId).find((person) => person.id === actor)!.salience;
  const { i, j } = exchange;
  const rq = shift(i.actor, i.supplies, i.move);
  const rp = shift(j.actor, j.supplies, j.move);
  return [rp * salience(i.actor, i.demands) - rq * salience(i.actor, i.supplies), rq * salience(j.actor, j.demands) - rp * salience(j.actor, j.supplies)];
}

test('exchange: every realised equal-gain exchange gives both sides the gain (eq. 9)', () => {
  let checked = 0;
  fc.assert(
    fc.property(multiIssue, (scenario) => {
      const forecast = runModel('exchange', scenario, { options: { rounds: 1 } });
      for (const exchange of forecast.exchange!.rounds[0]!.exchanges) {
        checked++;
        const [gainI, gainJ] = sideGains(scenario, exchange);
        const tolerance = 1e-9 * Math.max(exchange.gain, 1e-6);
        assert.ok(Math.abs(gainI - exchange.gain) <= tolerance, `I's gain ${gainI} vs the exchange's ${exchange.gain}`);
        assert.ok(Math.abs(gainJ - exchange.gain) <= tolerance, `J's gain ${gainJ} vs the exchange's ${exchange.gain}`);
        assert.ok(exchange.gain > 0);
      }
    }),
    runs,
  );
  assert.ok(checked >= 20, `only ${checked} exchanges were checked`);
});

function assertOnScale(scenario: Scenario, forecast: Forecast): void {
  for (const issueForecast of forecast.issues) {
    const { min, max } = scenario.issues.find((issue) => issue.id === issueForecast.issue)!.scale;
    const slack = 1e-9 * (max - min);
    const check = (value: number, what: string) => assert.ok(value >= min - slack && value <= max + slack, `${issueForecast.issue} ${what} = ${value} is off [${min}, ${max}]`);
    for (const round of issueForecast.rounds) {
      for (const [actor, value] of Object.entries(round.positions)) check(value, `round ${round.round} preference of ${actor}`);
      for (const [actor, value] of Object.entries(round.voting?.positions ?? {})) check(value, `round ${round.round} voting position of ${actor}`);
    }
  }
  for (const round of forecast.exchange!.rounds) {
    for (const exchange of round.exchanges) {
      for (const side of [exchange.i, exchange.j]) {
        const { min, max } = scenario.issues.find((issue) => issue.id === side.supplies)!.scale;
        const slack = 1e-9 * (max - min);
        assert.ok(side.to >= min - slack && side.to <= max + slack, `round ${round.round}: ${side.actor} moves to ${side.to} on ${side.supplies}, off [${min}, ${max}]`);
      }
    }
  }
}

for (const [label, options] of [
  ['default', {}],
  ['decide', { preset: 'decide' }],
  ['random rate p = 1', { options: { p: 1, seed: 7 } }],
  ['random rate p = 0.5, coin-flip ties', { options: { p: 0.5, seed: 3, tieRule: 'coin-flip' } }],
] as const) {
  test(`exchange (${label}): no move leaves the scale`, () => {
    fc.assert(
      fc.property(multiIssue, (scenario) => {
        const request = { ...options, options: { ...('options' in options ? options.options : {}), rounds: 4 } };
        assertOnScale(scenario, runModel('exchange', scenario, request));
      }),
      runs,
    );
  });
}

test('exchange: with one issue nothing is traded, and the outcome is the compromise', () => {
  fc.assert(
    fc.property(arbitrarySingleIssueScenario({ maxActors: 6 }), (scenario) => {
      const forecast = runModel('exchange', scenario, { options: { rounds: 3 } });
      assert.ok(forecast.exchange!.rounds.every((round) => round.exchanges.length === 0), 'no exchange');
      const people = participants(scenario, scenario.issues[0]!.id);
      const compromise = weightedMean(
        people.map((person) => person.position),
        votingWeights(people),
      );
      assert.ok(Math.abs(forecast.issues[0]!.outcome - compromise) <= 1e-9 * Math.max(1, Math.abs(compromise)), `${forecast.issues[0]!.outcome} vs ${compromise}`);
      assert.ok(forecast.notes.some((note) => note.includes('one issue only')), 'a note says why');
    }),
    runs,
  );
});

test('exchange: the same seed gives the same run (random rate and coin flips)', () => {
  fc.assert(
    fc.property(multiIssue, fc.integer({ min: 0, max: 1000 }), (scenario, seed) => {
      const request = { options: { rounds: 3, p: 0.7, seed, tieRule: 'coin-flip' } };
      assert.deepEqual(runModel('exchange', scenario, request), runModel('exchange', scenario, request));
    }),
    { numRuns: 40 },
  );
});
