import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../errors.js';
import { parseScenario } from './parse.js';
import { validateScenario } from './validate.js';
import { serializeScenario } from './write.js';

function base(): Record<string, unknown> {
  return {
    title: 'Ranges',
    salienceScale: 100,
    issues: [{ id: 'talks', scale: { min: 0, max: 100 } }],
    actors: [
      { id: 'a', capability: 40, capabilityRange: [30, 50], stances: { talks: { position: 40, salience: 60, range: { position: [30, 55], salience: [40, 70] } } } },
      { id: 'b', capability: 50, stances: { talks: { position: 20, salience: 40 } } },
    ],
    questions: [{ id: 'reach-50', text: 'Will talks reach 50?', issue: 'talks', threshold: 50, direction: 'at-least', deadline: 5 }],
  };
}

function problems(input: unknown): string[] {
  try {
    validateScenario(input);
  } catch (error) {
    assert.ok(error instanceof InputError);
    return error.problems.map((problem) => `${problem.field}: ${problem.message}`);
  }
  return [];
}

const stanceOf = (scenario: Record<string, unknown>) => ((scenario.actors as Record<string, unknown>[])[0]!.stances as Record<string, Record<string, unknown>>).talks!;

test('ranges and questions are valid, kept as given, and the models see plain numbers', () => {
  const { scenario } = validateScenario(base());
  assert.deepEqual(scenario.actors[0]!.stances.talks!.range, { position: [30, 55], salience: [40, 70] });
  assert.equal(scenario.actors[0]!.stances.talks!.position, 40);
  assert.deepEqual(scenario.actors[0]!.capabilityRange, [30, 50]);
  assert.equal(scenario.questions?.[0]?.direction, 'at-least');
});

test('a reversed range, one that misses its value, and one off the scale are each named by field', () => {
  const input = base();
  stanceOf(input).range = { position: [55, 30], salience: [70, 90] };
  (input.actors as Record<string, unknown>[])[0]!.capabilityRange = [-5, 35];
  assert.deepEqual(problems(input), [
    'actors[0].capabilityRange: capability range [-5, 35] does not contain the capability 40',
    'actors[0].capabilityRange: capability range [-5, 35] lies outside the capabilities (≥ 0)',
    'actors[0].stances.talks.range.position: position range [55, 30] is reversed: expected [low, high] with low ≤ high',
    'actors[0].stances.talks.range.salience: salience range [70, 90] does not contain the salience 60',
  ]);
  const offScale = base();
  stanceOf(offScale).range = { position: [30, 120] };
  assert.deepEqual(problems(offScale), ["actors[0].stances.talks.range.position: position range [30, 120] lies outside the issue's scale [0, 100]"]);
  const salienceOff = base();
  stanceOf(salienceOff).range = { salience: [40, 170] };
  assert.deepEqual(problems(salienceOff), ['actors[0].stances.talks.range.salience: salience range [40, 170] lies outside [0, 100] (salienceScale 100)']);
});

test('a question on an unknown issue, off the scale, or with a repeated id is refused', () => {
  const input = base();
  input.questions = [
    { id: 'q', text: 'x', issue: 'tariffs', threshold: 50, direction: 'at-least' },
    { id: 'q', text: 'y', issue: 'talks', threshold: 150, direction: 'at-most' },
    { id: 'r', text: 'z', issue: 'talks', threshold: 50, direction: 'above' },
  ];
  const found = problems(input);
  assert.ok(found.includes('questions[0].issue: unknown issue "tariffs"; expected one of talks'), found.join('\n'));
  assert.ok(found.includes('questions[1].id: duplicate question id "q" (also questions[0])'), found.join('\n'));
  assert.ok(found.includes('questions[1].threshold: threshold 150 is outside the scale of issue "talks" [0, 100]'), found.join('\n'));
  assert.ok(found.some((line) => line.startsWith('questions[2].direction:')), found.join('\n'));
});

test('the YAML and JSON writers round-trip ranges and questions', () => {
  const { scenario } = validateScenario(base());
  for (const format of ['yaml', 'json'] as const) {
    const text = serializeScenario(scenario, format);
    assert.deepEqual(parseScenario(text, { format }).scenario, scenario);
  }
});
