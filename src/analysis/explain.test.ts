import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../errors.js';
import { DyadTable, dyadAt } from '../models/dyadTable.js';
import type { Dyad, Forecast, Round } from '../models/model.js';
import { describeDyad, explainActor } from './explain.js';

/** A crafted three-actor round: Russia wins its conflict with the US, the US compromises toward Russia. */
function craftedForecast(): Forecast {
  const dyad = (actor: string, other: string, fields: Partial<Dyad> & Pick<Dyad, 'perception'>): Dyad => ({
    actor,
    other,
    probability: 0.5,
    expectedUtility: 0,
    otherExpectedUtility: 0,
    taken: false,
    ...fields,
  });
  const start: Round = { round: 0, positions: { russia: 95, us: 40, ukraine: 5 }, median: 40, mean: 48.25 };
  const first: Round = {
    round: 1,
    positions: { russia: 95, us: 62.04, ukraine: 5 },
    median: 62.04,
    mean: 55.5,
    moves: [{ actor: 'us', kind: 'compromise', proposer: 'russia', from: 40, to: 62.04, expectedUtility: -0.2, otherExpectedUtility: 0.5 }],
    dyads: DyadTable.of(['russia', 'us', 'ukraine'], [
      dyad('russia', 'us', { perception: 'conflict-won', probability: 0.72, expectedUtility: 0.41, otherExpectedUtility: 0.12 }),
      dyad('us', 'russia', { perception: 'compromise', probability: 0.28, expectedUtility: -0.2, otherExpectedUtility: 0.5, offer: 62.04, taken: true }),
      dyad('russia', 'ukraine', { perception: 'stalemate', expectedUtility: -0.1, otherExpectedUtility: -0.3 }),
      dyad('ukraine', 'russia', { perception: 'stalemate', expectedUtility: -0.3, otherExpectedUtility: -0.1 }),
      dyad('us', 'ukraine', { perception: 'capitulation-won', expectedUtility: 0.3, otherExpectedUtility: -0.6 }),
      dyad('ukraine', 'us', { perception: 'capitulation', expectedUtility: -0.6, otherExpectedUtility: 0.3, offer: 40 }),
    ]),
  };
  return {
    model: 'eum',
    preset: 'default',
    options: { dyads: true },
    notes: [],
    issues: [{ issue: 'settlement', outcome: 62.04, rounds: [start, first], notes: [] }],
  };
}

const names = { russia: 'Russia', us: 'the United States', ukraine: 'Ukraine' };

describe('explainActor', () => {
  it('states both sides of each dyad in words, with numbers read from the forecast', () => {
    const explanation = explainActor(craftedForecast(), { actor: 'russia', issue: 'settlement', round: 1, names });
    const dyadTexts = explanation.sentences.filter((sentence) => sentence.topic === 'dyad').map((sentence) => sentence.text);
    assert.deepEqual(dyadTexts, [
      'Russia sees a conflict it wins against the United States and will not move; the United States would accept a compromise with Russia at 62.',
      'Russia and Ukraine see a stalemate: neither expects to gain from a challenge.',
    ]);
    assert.equal(explanation.from, 95);
    assert.equal(explanation.to, 95);
    assert.equal(explanation.sentences[0]!.text, 'In round 1 on settlement, Russia holds 95 and does not move. The median moves from 40 to 62.');
  });

  it('reports the expectations behind a dyad', () => {
    const explanation = explainActor(craftedForecast(), { actor: 'russia', issue: 'settlement', round: 1, names });
    const expectations = explanation.sentences.find((sentence) => sentence.topic === 'expectations' && sentence.other === 'us');
    assert.equal(
      expectations?.text,
      'Russia expects +0.41 from challenging the United States and thinks the United States expects +0.12 from challenging it; P(Russia prevails) = 0.72.',
    );
  });

  it('says which offer a mover took and the offers an actor made', () => {
    const forecast = craftedForecast();
    const us = explainActor(forecast, { actor: 'us', issue: 'settlement', round: 1, names, decimals: 2 });
    assert.equal(us.sentences[0]!.text, 'In round 1 on settlement, the United States moves from 40 to 62.04, accepting a compromise offered by Russia. The median moves from 40 to 62.04.');
    assert.deepEqual(
      us.sentences.filter((sentence) => sentence.topic.startsWith('offer')).map((sentence) => sentence.text),
      ['Offer from Russia: the United States would move to 62.04 (compromise) — taken.', 'Offer to Ukraine: Ukraine would move to 40 (capitulation) — Ukraine does not take it.'],
    );
    const russia = explainActor(forecast, { actor: 'russia', issue: 'settlement', round: 1, names });
    assert.deepEqual(
      russia.sentences.filter((sentence) => sentence.topic === 'offer-made').map((sentence) => sentence.text),
      ['Offer to the United States: the United States would move to 62 (compromise) — the United States takes it.'],
    );
  });

  it('falls back to actor ids without names', () => {
    const explanation = explainActor(craftedForecast(), { actor: 'ukraine', issue: 'settlement', round: 1 });
    assert.match(explanation.sentences[0]!.text, /^In round 1 on settlement, ukraine holds 5 and does not move\./u);
    assert.ok(explanation.sentences.some((sentence) => sentence.text.startsWith('Ukraine would capitulate to us, moving to 40;')));
  });

  it('rejects an unknown actor, issue or round, and a forecast without dyads, as bad input', () => {
    const forecast = craftedForecast();
    const attempt = (request: Partial<Parameters<typeof explainActor>[1]>, target = forecast) => () =>
      explainActor(target, { actor: 'russia', issue: 'settlement', round: 1, ...request });
    assert.throws(attempt({ actor: 'france' }), (error: unknown) => error instanceof InputError && error.problems[0]!.field === 'actor');
    assert.throws(attempt({ issue: 'talks' }), (error: unknown) => error instanceof InputError && /unknown issue "talks"/u.test(error.message));
    assert.throws(attempt({ round: 0 }), /round must be an integer from 1 to 1, got 0/u);
    assert.throws(attempt({ round: 2 }), /round must be an integer from 1 to 1, got 2/u);
    const withoutDyads = structuredClone(forecast);
    delete withoutDyads.issues[0]!.rounds[1]!.dyads;
    assert.throws(attempt({}, withoutDyads), /dyads: true/u);
  });
});

describe('describeDyad', () => {
  it('gives the hover text of one dyad-matrix cell', () => {
    const dyad = dyadAt(craftedForecast().issues[0]!.rounds[1]!.dyads!, 1);
    assert.equal(
      describeDyad(dyad, { names }),
      'The United States would accept a compromise with Russia at 62 (the United States expects -0.2 from challenging Russia and thinks Russia expects +0.5 from challenging it; P(the United States prevails) = 0.28).',
    );
  });
});
