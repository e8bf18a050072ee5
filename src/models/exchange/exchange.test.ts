/**
 * The exchange model on bad and degenerate input: an actor with salience 0 everywhere, powers that are
 * all 0, an actor without stances; the spec's §2.7 check; the options' limits.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isInputError } from '../../errors.js';
import type { Scenario } from '../../scenario/schema.js';
import { runModel } from '../registry.js';

/** H1 of exchange-spec.md §8 plus `extra` actors. */
function twoIssues(extra: Scenario['actors'] = [], capability = 1): Scenario {
  return {
    title: 'two issues',
    salienceScale: 1,
    issues: [{ id: 'p1', scale: { min: 0, max: 100 } }, { id: 'p2', scale: { min: 0, max: 100 } }],
    actors: [
      { id: 'i', capability, stances: { p1: { position: 0, salience: 0.8 }, p2: { position: 0, salience: 0.2 } } },
      { id: 'j', capability, stances: { p1: { position: 100, salience: 0.3 }, p2: { position: 100, salience: 0.7 } } },
      ...extra,
    ],
  };
}

test('exchange: the check of spec §2.7 (i ends at 100 on p2, next preference 42; j at 33.33 on p1, next 74.67)', () => {
  const forecast = runModel('exchange', twoIssues(), { options: { rounds: 1 } });
  const [exchange] = forecast.exchange!.rounds[0]!.exchanges;
  assert.equal(exchange!.i.actor, 'i');
  assert.equal(exchange!.i.supplies, 'p2');
  assert.ok(Math.abs(exchange!.i.to - 100) < 1e-9);
  assert.ok(Math.abs(exchange!.j.to - 100 / 3) < 1e-9);
  assert.ok(Math.abs(forecast.issues[1]!.rounds[1]!.positions.i! - 42) < 1e-9);
  assert.ok(Math.abs(forecast.issues[0]!.rounds[1]!.positions.j! - 74.6666666666667) < 1e-9);
});

test('exchange: an actor with salience 0 on every issue trades nothing, and the others still do', () => {
  const silent = { id: 'k', capability: 1, stances: { p1: { position: 100, salience: 0 }, p2: { position: 100, salience: 0 } } };
  for (const preset of ['default', 'decide']) {
    const forecast = runModel('exchange', twoIssues([silent]), { preset, options: { rounds: 2 } });
    const traders = forecast.exchange!.rounds.flatMap((round) => round.exchanges.flatMap((exchange) => [exchange.i.actor, exchange.j.actor]));
    assert.ok(!traders.includes('k'), preset);
    assert.ok(traders.includes('i') && traders.includes('j'), preset);
    assert.ok(forecast.issues.every((issue) => Number.isFinite(issue.outcome)));
  }
  // Decide divides by zero there (E14): the decide preset says so, and zeroWeights: error stops.
  const decide = runModel('exchange', twoIssues([{ ...silent, stances: { p1: { position: 0, salience: 0.5 }, p2: { position: 0, salience: 0 } } }]), { preset: 'decide' });
  assert.ok(decide.notes.some((note) => note.includes('division by zero') && note.includes('"k" has salience 0 on issue "p2"')), decide.notes.join('\n'));
  assert.throws(
    () => runModel('exchange', twoIssues([{ ...silent, stances: { p1: { position: 0, salience: 0.5 }, p2: { position: 0, salience: 0 } } }]), { preset: 'decide', options: { zeroWeights: 'error' } }),
    (error: unknown) => isInputError(error) && /E14/u.test(error.message),
  );
});

test('exchange: powers that are all 0 give the plain mean, no exchange and a note', () => {
  const forecast = runModel('exchange', twoIssues([], 0), { options: { rounds: 2 } });
  assert.ok(forecast.exchange!.rounds.every((round) => round.exchanges.length === 0));
  assert.deepEqual(forecast.issues.map((issue) => issue.outcome), [50, 50]);
  assert.ok(forecast.notes.some((note) => note.includes('every power × salience is 0')));
});

test('exchange: an actor without stances takes no part, with a note', () => {
  const forecast = runModel('exchange', twoIssues([{ id: 'ghost', capability: 5, stances: {} }]), { options: { rounds: 1 } });
  assert.ok(forecast.notes.some((note) => note.includes('ghost')));
  assert.equal(forecast.exchange!.rounds[0]!.exchanges.length, 1);
  assert.equal(forecast.exchange!.rounds[0]!.externalities.ghost!.outerNegative, 0);
});

test('exchange: options out of range are input errors', () => {
  for (const options of [{ rounds: 0 }, { p: 1.5 }, { salienceWeight: 0.8, fixedWeight: 0.5 }, { tieRule: 'random' }]) {
    assert.throws(() => runModel('exchange', twoIssues(), { options }), isInputError, JSON.stringify(options));
  }
});

test('exchange: an issue scale other than 0–100 gives the same trades, on its own scale (eq. 0)', () => {
  const scaled = twoIssues();
  scaled.issues[0] = { id: 'p1', scale: { min: 4, max: 10 } };
  for (const actor of scaled.actors) actor.stances.p1!.position = 4 + (actor.stances.p1!.position * 6) / 100;
  const plain = runModel('exchange', twoIssues(), { options: { rounds: 2 } });
  const forecast = runModel('exchange', scaled, { options: { rounds: 2 } });
  assert.ok(Math.abs(forecast.issues[0]!.outcome - (4 + (plain.issues[0]!.outcome * 6) / 100)) < 1e-9);
  assert.ok(Math.abs(forecast.exchange!.rounds[0]!.exchanges[0]!.gain - plain.exchange!.rounds[0]!.exchanges[0]!.gain) < 1e-12);
});
