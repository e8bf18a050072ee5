/**
 * Golden tests of the `scholz2011-code` preset against the Scholz-code reference outputs
 * (../shared/vectors/eum, eum-spec.md §6 TV1a–TV1d, TV3), relative tolerance 1e-9, and of the
 * `scholz2011-paper` preset against the paper-literal run of eum-spec.md §4.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromShared } from '../../../tests/support/paths.js';
import type { Dyad, IssueForecast } from '../model.js';
import { assertClose, loadScenario, readRows, reflectScenario, runEum } from '../../../tests/support/eumTesting.js';
import { dyadList } from '../dyadTable.js';

const vector = (name: string): string => fromShared('vectors', 'eum', name);
const emission = loadScenario(vector('emission_standards_bdm1994.csv'));
const golden: IssueForecast = runEum(emission, 'scholz2011-code', { dyads: true }).issues[0]!;
const actors = emission.actors.map((actor) => actor.id);

test('scholz2011-code: every position, the median and the mean in rounds 0–10 (TV1a)', () => {
  const rows = readRows(vector('emission_scholzcode_positions.csv'));
  assert.equal(golden.rounds.length, rows.length);
  for (const row of rows) {
    const round = golden.rounds[Number(row.round)]!;
    for (const actor of actors) assertClose(round.positions[actor], Number(row[actor]), `round ${row.round} ${actor}`);
    assertClose(round.median, Number(row.median), `round ${row.round} median`);
    assertClose(round.mean, Number(row.mean_cs_weighted), `round ${row.round} mean`);
  }
  assert.equal(golden.outcome, 7);
});

test('scholz2011-code: risk exponents in every round (TV1a)', () => {
  for (const row of readRows(vector('emission_scholzcode_risk_exponents.csv'))) {
    const round = golden.rounds[Number(row.round)]!;
    for (const actor of actors) assertClose(round.riskExponents?.[actor], Number(row[actor]), `round ${row.round} r(${actor})`);
  }
});

test('scholz2011-code: round-1 security sums and risk exponents (TV1b)', () => {
  const round = golden.rounds[1]!;
  for (const row of readRows(vector('emission_scholzcode_round1_security.csv'))) {
    assertClose(round.security?.[row.actor!], Number(row.security_sum_EU_others_challenge_i_at_r1), `S(${row.actor})`);
    assertClose(round.riskExponents?.[row.actor!], Number(row.r_i), `r(${row.actor})`);
  }
});

test('scholz2011-code: round-1 views of every ordered pair, with r_i and r_j (TV1c)', () => {
  const dyads = new Map<string, Dyad>(dyadList(golden.rounds[1]!.dyads!).map((dyad) => [`${dyad.actor}>${dyad.other}`, dyad]));
  const rows = readRows(vector('emission_scholzcode_round1_eu_views.csv'));
  assert.equal(rows.length, 90);
  for (const row of rows) {
    const mine = dyads.get(`${row.view_i}>${row.other_j}`);
    const theirs = dyads.get(`${row.other_j}>${row.view_i}`);
    const at = `${row.view_i} viewing ${row.other_j}`;
    assertClose(mine?.probability, Number(row.P_i_beats_j), `${at}: P`);
    assertClose(mine?.expectedUtility, Number(row.EU_i_challenges_j__r_i), `${at}: EU i→j with r_i`);
    assertClose(mine?.otherExpectedUtility, Number(row.EU_j_challenges_i__r_i), `${at}: EU j→i with r_i`);
    // j's own view of the dyad holds the same two EUs evaluated with r_j.
    assertClose(theirs?.expectedUtility, Number(row.EU_j_challenges_i__r_j), `${at}: EU j→i with r_j`);
    assertClose(theirs?.otherExpectedUtility, Number(row.EU_i_challenges_j__r_j), `${at}: EU i→j with r_j`);
  }
});

test('scholz2011-code: every move (mover, type, proposer, new position, both EUs)', () => {
  const expected = readRows(vector('emission_scholzcode_moves.csv'));
  const actual = golden.rounds.flatMap((round) => (round.moves ?? []).map((move) => ({ round: round.round, ...move })));
  assert.equal(actual.length, expected.length);
  expected.forEach((row, index) => {
    const move = actual[index]!;
    const at = `move ${index} (round ${row.round})`;
    assert.equal(move.round, Number(row.round), at);
    assert.equal(move.actor, row.mover, at);
    assert.equal(move.kind, row.offer_type === 'confrontation' ? 'conflict-lost' : row.offer_type, at);
    assert.equal(move.proposer, row.proposer, at);
    assertClose(move.to, Number(row.new_position), `${at}: new position`);
    assertClose(move.expectedUtility, Number(row.EU_mover_challenges_proposer), `${at}: EU mover→proposer`);
    assertClose(move.otherExpectedUtility, Number(row.EU_proposer_challenges_mover_as_perceived_by_mover), `${at}: EU proposer→mover`);
  });
});

test('scholz2011-code: the dyads whose offers were taken are marked', () => {
  const taken = dyadList(golden.rounds[1]!.dyads!).filter((dyad) => dyad.taken).map((dyad) => `${dyad.actor}>${dyad.other}`);
  assert.deepEqual(taken.sort(), ['Belgium>France', 'Ireland>Luxembourg', 'Luxembourg>Belgium']);
});

test('scholz2011-code: the Sultan problem is a stalemate for 10 rounds (TV3)', () => {
  const sultan = runEum(loadScenario(vector('sultan_bdm1997.csv')), 'scholz2011-code').issues[0]!;
  assert.equal(sultan.rounds.length, 11);
  for (const round of sultan.rounds) {
    assert.equal(round.median, 13.9);
    assertClose(round.mean, 13.619912134884823, `round ${round.round} mean`);
    assert.deepEqual(round.moves ?? [], []);
  }
});

test('scholz2011-code is not mirror-symmetric: reflected medians as in TV1d', () => {
  const reflected = runEum(reflectScenario(emission, () => 14), 'scholz2011-code').issues[0]!;
  const backMedians = reflected.rounds.slice(1).map((round) => Number((14 - round.median).toFixed(4)));
  assert.deepEqual(backMedians, [8.4159, 9.6109, 9.962, 9.9996, 10, 10, 10, 8.1792, 9.2997, 9.8757]);
  assert.notEqual(Number((14 - reflected.rounds[4]!.median).toFixed(4)), Number(golden.rounds[4]!.median.toFixed(4)));
});

test('scholz2011-paper reproduces the paper-literal run of eum-spec.md §4 (least move; highest EU)', () => {
  const leastMove = runEum(emission, 'scholz2011-paper').issues[0]!;
  assert.deepEqual(leastMove.rounds.map((round) => round.median), Array(11).fill(7));
  const means = leastMove.rounds.slice(1, 5).map((round) => Number(round.mean.toFixed(2)));
  assert.deepEqual(means, [7.52, 7.89, 7.16, 7]);
  const highestEu = runEum(emission, 'scholz2011-paper', { offerChoice: 'highest-eu' }).issues[0]!;
  assert.deepEqual(highestEu.rounds.slice(1).map((round) => round.median), Array(10).fill(10));
});

test('the presets differ on the emission data', () => {
  const medians = (preset: string) => runEum(emission, preset).issues[0]!.rounds.map((round) => round.median);
  assert.notDeepEqual(medians('scholz2011-code'), medians('scholz2011-paper'));
  assert.notDeepEqual(medians('scholz2011-code'), medians('default'));
});
