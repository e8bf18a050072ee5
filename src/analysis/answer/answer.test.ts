import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromRepo } from '../../../tests/support/paths.js';
import { models, runModel } from '../../models/registry.js';
import { parseScenario } from '../../scenario/parse.js';
import type { Scenario } from '../../scenario/schema.js';
import { computeAnswer } from './answer.js';
import type { PredictorRecordLike } from './predictor.js';

const { scenario } = parseScenario(readFileSync(fromRepo('examples/backchannel-2024.yaml'), 'utf8'), { file: 'backchannel-2024.yaml' });
const allForecasts = (preset?: string) => models.map((model) => runModel(model.id, scenario, preset !== undefined && preset in model.presets ? { preset } : {}));
const record: PredictorRecordLike = {
  dataset: 'DEU III',
  validated: { model: 'weighted-median' },
  reference: { model: 'weighted-mean' },
  predictors: [
    { model: 'weighted-median', mae: 22.5, interval: [20.1, 24.9], outOfSample: true, n: 351 },
    { model: 'weighted-mean', mae: 23.4, interval: [21.5, 25.3], outOfSample: true, n: 351 },
    { model: 'eum', preset: 'default', mae: 28.1, interval: [25.6, 30.6], outOfSample: true, n: 351 },
  ],
};

test('the worked example: talks is flagged fragile (EUM\'s 40 is its minority mode), settlement is not', () => {
  const { answer } = computeAnswer({ scenario, forecasts: allForecasts() });
  const [settlement, talks] = answer.issues;
  assert.equal(talks!.fragile.value, true, talks!.fragile.reason);
  assert.match(talks!.fragile.reason, /eum \(default\)'s point forecast 40\.0 sits in a minority mode/);
  assert.equal(settlement!.fragile.value, false, settlement!.fragile.reason);
  // No record: the compromise model, said in a note.
  assert.equal(answer.predictor.model, 'weighted-mean');
  assert.match(answer.notes[0]!, /no predictor record/);
  assert.equal(talks!.forecast, runModel('weighted-mean', scenario).issues[1]!.outcome);
  const { p5, p25, median, p75, p95 } = talks!.interval;
  assert.ok(p5 <= p25 && p25 <= median && median <= p75 && p75 <= p95);
  assert.equal(talks!.probabilities[0]!.threshold, 50);
  assert.match(answer.sweep.spread, /no estimate has a range/);
});

test('the answer is seeded: the same inputs give the same answer', () => {
  const forecasts = allForecasts();
  assert.deepEqual(computeAnswer({ scenario, forecasts, seed: 9 }).answer, computeAnswer({ scenario, forecasts, seed: 9 }).answer);
});

test('the predictor and the MAEs come from the record; an unregistered validated model falls back to the reference', () => {
  const { answer } = computeAnswer({ scenario, forecasts: allForecasts(), record, runs: { predictor: 200, model: 100 } });
  assert.equal(answer.predictor.label, 'weighted-median');
  assert.equal(answer.predictor.mae, 22.5);
  assert.deepEqual(answer.issues[1]!.predictor.interval, [20.1, 24.9]);
  assert.equal(answer.issues[1]!.forecast, 70);
  const maes = Object.fromEntries(answer.issues[1]!.models.map((model) => [model.model, model.backtestMae]));
  assert.deepEqual(maes, { mean: null, 'weighted-mean': 23.4, 'weighted-median': 22.5, nash: null, eum: 28.1, smp: null });
  const unknown = computeAnswer({ scenario, forecasts: allForecasts(), record: { ...record, validated: { model: 'oracle' } }, runs: { predictor: 50, model: 50 } }).answer;
  assert.equal(unknown.predictor.model, 'weighted-mean');
  assert.equal(unknown.predictor.mae, 23.4);
  assert.match(unknown.notes[0]!, /"oracle" is not in this build/);
});

test('scholz2011-code: the talks 2-cycle is reported with the values it alternates between', () => {
  const { answer } = computeAnswer({ scenario, forecasts: allForecasts('scholz2011-code'), runs: { predictor: 50, model: 50 } });
  const note = answer.issues[1]!.notes.find((text) => text.includes('cycles'));
  assert.equal(note, 'eum (scholz2011-code) cycles: its median alternates between 45.2 and 37.8 in the last rounds (a 2-cycle), so its outcome depends on the round count (45.2 after 9 rounds, 37.8 after 10)');
});

test('SMP: its outcome is printed with its most probable position and probability', () => {
  const { answer } = computeAnswer({ scenario, forecasts: allForecasts(), runs: { predictor: 50, model: 50 } });
  assert.ok(answer.issues[1]!.notes.includes("smp: outcome 67.0 (probability-weighted mean); most probable 69.3 (P 0.47: us-republicans, china). SMP's outcome is the probability-weighted mean of its final positions (each position weighted by its probability of being the outcome)."));
});

test('questions get their probabilities from the predictor\'s runs; stated ranges are said to be used', () => {
  const withQuestions: Scenario = {
    ...scenario,
    actors: scenario.actors.map((actor) => (actor.id !== 'eu' ? actor : { ...actor, stances: { ...actor.stances, talks: { ...actor.stances.talks!, range: { position: [30, 55] } } } })),
    questions: [
      { id: 'talks-50', text: 'Will talks reach 50?', issue: 'talks', threshold: 50, direction: 'at-least', deadline: 5 },
      { id: 'talks-low', text: 'Will talks stay at or below 45?', issue: 'talks', threshold: 45, direction: 'at-most' },
    ],
  };
  const { answer, samples } = computeAnswer({ scenario: withQuestions, forecasts: [runModel('weighted-mean', withQuestions)], runs: { predictor: 300, model: 50 } });
  const talks = answer.issues[1]!;
  const share = (test: (value: number) => boolean) => samples[1]!.filter(test).length / samples[1]!.length;
  assert.deepEqual(talks.probabilities.slice(1).map((p) => [p.question, p.probability]), [['talks-50', share((v) => v >= 50)], ['talks-low', share((v) => v <= 45)]]);
  assert.equal(answer.issues[0]!.probabilities.length, 1);
  assert.ok(talks.notes.some((note) => note.startsWith('question talks-50: its deadline (round 5) is sealed with it')), talks.notes.join('\n'));
  assert.match(answer.sweep.spread, /stated ranges drawn uniformly/);
});
