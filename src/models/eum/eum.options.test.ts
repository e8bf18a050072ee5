/**
 * Options of the EUM: shocks (`changes`), `closedDyads`, early stop, dyads on/off, multi-issue
 * independence, and degenerate inputs (no NaN).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromShared } from '../../../tests/support/paths.js';
import { InputError } from '../../errors.js';
import type { Scenario } from '../../scenario/schema.js';
import type { Forecast } from '../model.js';
import { loadScenario, runEum } from '../../../tests/support/eumTesting.js';
import { DyadTable, dyadList } from '../dyadTable.js';

const emission = loadScenario(fromShared('vectors', 'eum', 'emission_standards_bdm1994.csv'));
const issueId = emission.issues[0]!.id;

function withStance(scenario: Scenario, actorId: string, change: { capability?: number; salience?: number }): Scenario {
  return {
    ...scenario,
    actors: scenario.actors.map((actor) => {
      if (actor.id !== actorId) return actor;
      const stances = Object.fromEntries(
        Object.entries(actor.stances).map(([id, stance]) => [id, change.salience === undefined ? stance : { ...stance, salience: change.salience }]),
      );
      return { ...actor, capability: change.capability ?? actor.capability, stances };
    }),
  };
}

function finiteEverywhere(value: unknown): boolean {
  if (value instanceof DyadTable) return finiteEverywhere(dyadList(value));
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(finiteEverywhere);
  if (value !== null && typeof value === 'object') return Object.values(value).every(finiteEverywhere);
  return true;
}

const roundsAfterInput = (forecast: Forecast) => forecast.issues[0]!.rounds.slice(1).map(({ positions, median, mean }) => ({ positions, median, mean }));

test('a change from round 1 equals starting with the new capability and salience (salience on the scenario scale)', () => {
  const change = { actor: 'UK', capability: 0.05, salience: 30 };
  const shocked = runEum(emission, 'scholz2011-code', { changes: [{ fromRound: 1, ...change }] });
  const rewritten = runEum(withStance(emission, 'UK', change), 'scholz2011-code');
  assert.deepEqual(roundsAfterInput(shocked), roundsAfterInput(rewritten));
  assert.notDeepEqual(roundsAfterInput(shocked), roundsAfterInput(runEum(emission, 'scholz2011-code')));
});

test('a change from round 4 leaves rounds 1–3 alone and alters what follows', () => {
  const plain = runEum(emission, 'scholz2011-code').issues[0]!.rounds;
  const shocked = runEum(emission, 'scholz2011-code', { changes: [{ fromRound: 4, actor: 'France', issue: issueId, salience: 5 }] }).issues[0]!.rounds;
  assert.deepEqual(shocked.slice(0, 4).map((round) => round.positions), plain.slice(0, 4).map((round) => round.positions));
  assert.notDeepEqual(shocked.slice(4).map((round) => round.mean), plain.slice(4).map((round) => round.mean));
});

test('changes and closedDyads naming unknown actors or issues, or a salience above the scale, are InputErrors naming the field', () => {
  assert.throws(
    () => runEum(emission, 'default', { changes: [{ fromRound: 2, actor: 'Narnia', capability: 1 }] }),
    (error: unknown) => error instanceof InputError && error.problems[0]?.field === 'options.changes[0].actor',
  );
  assert.throws(
    () => runEum(emission, 'default', { changes: [{ fromRound: 2, actor: 'UK', issue: 'fisheries', salience: 1 }] }),
    (error: unknown) => error instanceof InputError && error.problems[0]?.field === 'options.changes[0].issue',
  );
  assert.throws(
    () => runEum(emission, 'default', { closedDyads: [['UK', 'Atlantis']] }),
    (error: unknown) => error instanceof InputError && error.problems[0]?.field === 'options.closedDyads[0][1]',
  );
  // The emission saliences are on 0–100: a changed salience of 120 is above the scale.
  assert.throws(
    () => runEum(emission, 'default', { changes: [{ fromRound: 2, actor: 'UK', salience: 120 }] }),
    (error: unknown) => error instanceof InputError && error.problems[0]?.field === 'options.changes[0].salience',
  );
});

test('a closed dyad neither challenges nor makes offers, in both directions, but still votes', () => {
  const open = runEum(emission, 'default', { dyads: true }).issues[0]!.rounds[1]!;
  const closed = runEum(emission, 'scholz2011-code', { dyads: true, closedDyads: [['Belgium', 'Luxembourg']] }).issues[0]!;
  for (const round of closed.rounds.slice(1)) {
    const pair = (a: string, b: string) => (a === 'Belgium' && b === 'Luxembourg') || (a === 'Luxembourg' && b === 'Belgium');
    assert.ok(!(round.dyads ? dyadList(round.dyads) : []).some((dyad) => pair(dyad.actor, dyad.other)), `round ${round.round}: a closed dyad was read`);
    assert.ok(!(round.moves ?? []).some((move) => pair(move.actor, move.proposer)), `round ${round.round}: a closed dyad made a move`);
  }
  // Round 1 of the open run: Luxembourg loses a conflict to Belgium (TV1a); closed, it cannot.
  assert.equal(runEum(emission, 'scholz2011-code').issues[0]!.rounds[1]!.moves?.find((move) => move.actor === 'Luxembourg')?.proposer, 'Belgium');
  // Votes are unchanged: with eq. 31 (no risk exponents in P) the other dyads' probabilities are the same.
  const closedDefault = runEum(emission, 'default', { dyads: true, closedDyads: [['Belgium', 'Luxembourg']] }).issues[0]!.rounds[1]!;
  const probability = (round: typeof open, actor: string, other: string) =>
    (round.dyads ? dyadList(round.dyads) : []).find((dyad) => dyad.actor === actor && dyad.other === other)?.probability;
  assert.equal(probability(closedDefault, 'Netherlands', 'France'), probability(open, 'Netherlands', 'France'));
  assert.equal(probability(closedDefault, 'Belgium', 'France'), probability(open, 'Belgium', 'France'));
});

test('dyads are kept only when asked for', () => {
  assert.equal(runEum(emission, 'default').issues[0]!.rounds[1]!.dyads, undefined);
  assert.equal(runEum(emission, 'default', { dyads: true }).issues[0]!.rounds[1]!.dyads?.length, 90);
});

test('early stop ends the run after k quiet rounds and says so; the default runs every round', () => {
  const stopped = runEum(emission, 'scholz2011-paper', { rounds: 10, earlyStop: { epsilon: 1e-9, rounds: 2 } }).issues[0]!;
  assert.deepEqual(stopped.stoppedEarly, { afterRound: 2, rule: '|Δmedian| < 1e-9 for 2 consecutive rounds' });
  assert.equal(stopped.rounds.length, 3);
  assert.equal(stopped.outcome, 7);
  const full = runEum(emission, 'scholz2011-paper').issues[0]!;
  assert.equal(full.rounds.length, 11);
  assert.equal(full.stoppedEarly, undefined);
});

test('each issue is bargained independently', () => {
  const twoIssues: Scenario = {
    ...emission,
    issues: [...emission.issues, { ...emission.issues[0]!, id: 'copy' }],
    actors: emission.actors.map((actor) => ({ ...actor, stances: { ...actor.stances, copy: actor.stances[issueId]! } })),
  };
  const forecast = runEum(twoIssues, 'scholz2011-code');
  const single = runEum(emission, 'scholz2011-code');
  assert.deepEqual(forecast.issues[1]!.rounds, single.issues[0]!.rounds);
  assert.deepEqual(forecast.issues[0]!.rounds, single.issues[0]!.rounds);
});

test('degenerate inputs give finite answers: one position, every salience 0, a single actor, zero rounds', () => {
  const allAtSeven = { ...emission, actors: emission.actors.map((actor) => ({ ...actor, stances: { [issueId]: { ...actor.stances[issueId]!, position: 7 } } })) };
  const noSalience = { ...emission, actors: emission.actors.map((actor) => ({ ...actor, stances: { [issueId]: { ...actor.stances[issueId]!, salience: 0 } } })) };
  const alone = { ...emission, actors: emission.actors.slice(0, 1) };
  for (const preset of ['default', 'scholz2011-code', 'scholz2011-paper']) {
    for (const [name, scenario, outcome] of [['one position', allAtSeven, 7], ['no salience', noSalience, undefined], ['alone', alone, 4]] as const) {
      for (const extra of [{ dyads: true }, { dyads: true, Q: 0.5 }, { rounds: 0 }]) {
        const forecast = runEum(scenario, preset, extra);
        assert.ok(finiteEverywhere(forecast), `${preset}, ${name}, ${JSON.stringify(extra)}: a non-finite number`);
        if (outcome !== undefined) assert.equal(forecast.issues[0]!.outcome, outcome, `${preset}, ${name}`);
      }
    }
  }
  assert.ok(runEum(noSalience, 'default').issues[0]!.notes.some((note) => note.includes('every salience is 0')));
});

test('Q < 1 changes the expected utilities and notes the unverified T rule', () => {
  const half = runEum(emission, 'default', { Q: 0.5, dyads: true }).issues[0]!;
  const one = runEum(emission, 'default', { dyads: true }).issues[0]!;
  assert.notEqual(half.rounds[1]!.dyads!.expectedUtility[0], one.rounds[1]!.dyads!.expectedUtility[0]);
  assert.ok(half.notes.some((note) => note.includes('A6')));
});
