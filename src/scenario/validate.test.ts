import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError, type Problem } from '../errors.js';
import { validateScenario } from './validate.js';

/** A valid scenario object; tests change one thing at a time. */
function base(): Record<string, unknown> {
  return {
    title: 'Back-channel',
    salienceScale: 100,
    issues: [
      { id: 'talks', scale: { min: 0, max: 100 }, statusQuo: 10 },
      { id: 'sanctions', scale: { min: 0, max: 10 } },
    ],
    actors: [
      { id: 'russia', name: 'Russia', capability: 40, stances: { talks: { position: 60, salience: 60 }, sanctions: { position: 10, salience: 80 } } },
      { id: 'usa', capability: 50, stances: { talks: { position: 20, salience: 40 }, sanctions: { position: 2, salience: 50 } } },
    ],
  };
}

function problemsOf(input: unknown, locate?: (path: readonly (string | number)[]) => number | undefined): Problem[] {
  try {
    validateScenario(input, locate, 'scenario.json');
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return [...error.problems];
  }
  assert.fail('expected validation to fail');
}

const actors = (scenario: Record<string, unknown>) => scenario.actors as Record<string, unknown>[];
const issues = (scenario: Record<string, unknown>) => scenario.issues as Record<string, unknown>[];

test('a valid scenario passes unchanged, with the declared salience scale and no notes', () => {
  const { scenario, notes } = validateScenario(base());
  assert.deepEqual(scenario, base());
  assert.deepEqual(notes, []);
});

test('a missing scale defaults to [0, 100]', () => {
  const input = base();
  delete issues(input)[0]!.scale;
  assert.deepEqual(validateScenario(input).scenario.issues[0]!.scale, { min: 0, max: 100 });
});

test('every cross-field problem is reported at once, with file, field and what was expected', () => {
  const input = base();
  issues(input).push({ id: 'talks' });
  issues(input)[1]!.scale = { min: 10, max: 5 };
  issues(input)[0]!.statusQuo = 150;
  actors(input).push({ id: 'russia', capability: 1, stances: { talks: { position: 120, salience: 130 }, ceasefire: { position: 1, salience: 1 } } });
  const problems = problemsOf(input);
  const byField = Object.fromEntries(problems.map((problem) => [problem.field, problem.message]));
  assert.equal(byField['issues[2].id'], 'duplicate issue id "talks" (also issues[0])');
  assert.equal(byField['issues[1].scale'], 'scale min 10 must be below max 5');
  assert.equal(byField['issues[0].statusQuo'], "status quo 150 is outside the issue's scale [0, 100]");
  assert.equal(byField['actors[2].id'], 'duplicate actor id "russia" (also actors[0])');
  assert.equal(byField['actors[2].stances.talks.position'], "position 120 is outside the issue's scale [0, 100]");
  assert.equal(byField['actors[2].stances.talks.salience'], 'salience 130 is outside [0, 100] (salienceScale 100)');
  assert.equal(byField['actors[2].stances.ceasefire'], 'unknown issue "ceasefire"; expected one of talks, sanctions');
  assert.ok(problems.every((problem) => problem.file === 'scenario.json'));
});

test('shape problems (zod) come with the cross-field ones and say what was found', () => {
  const input = base();
  delete actors(input)[1]!.capability;
  actors(input)[0]!.capability = -3;
  (actors(input)[0]!.stances as Record<string, Record<string, unknown>>).talks!.salience = 'high';
  (actors(input)[0]!.stances as Record<string, Record<string, unknown>>).talks!.position = 150;
  issues(input)[0]!.colour = 'red';
  const byField = Object.fromEntries(problemsOf(input).map((problem) => [problem.field, problem.message]));
  assert.equal(byField['actors[1].capability'], 'missing; expected a number');
  assert.equal(byField['actors[0].capability'], 'capability must be ≥ 0, got -3');
  assert.equal(byField['actors[0].stances.talks.salience'], 'expected a number, got "high"');
  assert.equal(byField['actors[0].stances.talks.position'], "position 150 is outside the issue's scale [0, 100]");
  assert.match(byField['issues[0].colour'] ?? '', /^unknown field "colour"; expected one of id, name, description, scale, statusQuo/u);
});

test('non-numbers such as NaN and Infinity are rejected', () => {
  const input = base();
  (actors(input)[0]!.stances as Record<string, Record<string, unknown>>).talks!.position = Number.NaN;
  actors(input)[1]!.capability = Number.POSITIVE_INFINITY;
  const fields = problemsOf(input).map((problem) => problem.field);
  assert.ok(fields.includes('actors[0].stances.talks.position'));
  assert.ok(fields.includes('actors[1].capability'));
});

test('an issue with no actor is an error; an issue with one actor is a warning note', () => {
  const none = base();
  for (const actor of actors(none)) delete (actor.stances as Record<string, unknown>).sanctions;
  assert.deepEqual(
    problemsOf(none).map((problem) => [problem.field, problem.message]),
    [['issues[1]', 'no actor has a stance on issue "sanctions"; expected at least one']],
  );
  const one = base();
  delete (actors(one)[1]!.stances as Record<string, unknown>).sanctions;
  const { notes } = validateScenario(one);
  assert.deepEqual(notes, ['warning: only one actor (Russia) takes part in issue "sanctions": its forecast is that actor\'s position']);
});

test('an empty scenario (no issues or no actors) is an error', () => {
  assert.ok(problemsOf({ ...base(), issues: [] }).some((problem) => problem.field === 'issues' && /at least one issue/u.test(problem.message)));
  assert.ok(problemsOf({ ...base(), actors: [] }).some((problem) => problem.field === 'actors' && /at least one actor/u.test(problem.message)));
  assert.equal(problemsOf(null)[0]!.message, 'expected an object, got null');
  assert.equal(problemsOf([1, 2])[0]!.message, 'expected an object, got a list');
});

test('an undeclared salience scale is inferred where unambiguous, with a note saying why', () => {
  const percent = base();
  delete percent.salienceScale;
  const inferred = validateScenario(percent);
  assert.equal(inferred.scenario.salienceScale, 100);
  assert.deepEqual(inferred.notes, ["salienceScale not declared: assumed 0–100 because Russia's salience on talks is 60"]);

  const shares = base();
  delete shares.salienceScale;
  for (const actor of actors(shares))
    for (const stance of Object.values(actor.stances as Record<string, Record<string, number>>)) stance.salience = stance.salience! / 100;
  const fromShares = validateScenario(shares);
  assert.equal(fromShares.scenario.salienceScale, 1);
  assert.match(fromShares.notes[0]!, /^salienceScale not declared: assumed 0–1 because Russia's salience on talks is 0\.6/u);
});

test('saliences that are all 0 or 1 without a declared scale are ambiguous: an error asks to declare it', () => {
  const input = base();
  delete input.salienceScale;
  for (const actor of actors(input)) for (const stance of Object.values(actor.stances as Record<string, Record<string, number>>)) stance.salience = 1;
  const [problem] = problemsOf(input);
  assert.equal(problem?.field, 'salienceScale');
  assert.match(problem?.message ?? '', /ambiguous: declare salienceScale: 1 .* or 100/u);
});

test('a declared scale of 1 rejects saliences on 0–100, with a hint', () => {
  const input = { ...base(), salienceScale: 1 };
  const problem = problemsOf(input).find((candidate) => candidate.field === 'actors[0].stances.talks.salience');
  assert.equal(problem?.message, 'salience 60 is outside [0, 1] (salienceScale 1) (is salienceScale 100 meant?)');
  assert.equal(problemsOf({ ...base(), salienceScale: 10 })[0]?.message, 'expected 1 or 100, got 10');
});

test('problems carry the line the locate function gives, and are sorted by line', () => {
  const input = base();
  actors(input)[1]!.capability = -1;
  issues(input)[0]!.statusQuo = -5;
  const lines: Record<string, number> = { 'actors.1.capability': 30, 'issues.0.statusQuo': 4 };
  const problems = problemsOf(input, (path) => lines[path.join('.')]);
  assert.deepEqual(
    problems.map((problem) => [problem.line, problem.field]),
    [
      [4, 'issues[0].statusQuo'],
      [30, 'actors[1].capability'],
    ],
  );
});

test('a negative salience is reported whatever the scale, and ignored when the scale is inferred', () => {
  const stancesOf = (input: Record<string, unknown>, index: number) => actors(input)[index]!.stances as Record<string, Record<string, number>>;
  // −0.5 and 1s: without the negative the scale is still ambiguous, and both problems are reported.
  const ambiguous = base();
  delete ambiguous.salienceScale;
  for (const actor of actors(ambiguous)) for (const stance of Object.values(actor.stances as Record<string, Record<string, number>>)) stance.salience = 1;
  stancesOf(ambiguous, 0).talks!.salience = -0.5;
  const problems = problemsOf(ambiguous);
  assert.deepEqual(
    problems.map((problem) => problem.field),
    ['salienceScale', 'actors[0].stances.talks.salience'],
  );
  assert.equal(problems[1]!.message, 'salience -0.5 is negative; expected a salience from 0 to the salience scale (1 or 100)');
  // −0.5 and 0.6: the scale 0–1 is inferred from 0.6, and −0.5 is outside it.
  const inferred = base();
  delete inferred.salienceScale;
  for (const actor of actors(inferred)) for (const stance of Object.values(actor.stances as Record<string, Record<string, number>>)) stance.salience = 0.6;
  stancesOf(inferred, 0).talks!.salience = -0.5;
  assert.deepEqual(
    problemsOf(inferred).map((problem) => [problem.field, problem.message]),
    [['actors[0].stances.talks.salience', 'salience -0.5 is outside [0, 1] (salienceScale 1)']],
  );
});

test('huge numbers are refused with the bound: capability above 1e12, scale ends, positions and status quo beyond ±1e12', () => {
  const input = base();
  actors(input)[0]!.capability = 1e308;
  const issues = input.issues as Array<Record<string, unknown>>;
  issues[0]!.scale = { min: 0, max: 1e308 };
  issues[0]!.statusQuo = 1e13;
  issues[1]!.scale = { min: -1e13, max: 10 };
  const problems = problemsOf(input);
  const byField = Object.fromEntries(problems.map((problem) => [problem.field, problem.message]));
  assert.match(byField['actors[0].capability'] ?? '', /^capability must be ≤ 1e12 \(KTAB caps it at 1e8.*\), got 1e\+308$/u);
  assert.match(byField['issues[0].scale.max'] ?? '', /^expected a number within ±1e12/u);
  assert.match(byField['issues[0].statusQuo'] ?? '', /^expected a number within ±1e12/u);
  assert.match(byField['issues[1].scale.min'] ?? '', /^expected a number within ±1e12/u);
  const position = base();
  (actors(position)[1]!.stances as Record<string, Record<string, number>>).sanctions!.position = -2e12;
  assert.ok(problemsOf(position).some((problem) => problem.field === 'actors[1].stances.sanctions.position' && /within ±1e12/u.test(problem.message)));
  // At the bound, accepted.
  const atBound = base();
  actors(atBound)[0]!.capability = 1e12;
  (atBound.issues as Array<Record<string, unknown>>)[0]!.scale = { min: -1e12, max: 1e12 };
  assert.equal(validateScenario(atBound).scenario.actors[0]!.capability, 1e12);
});

test('ids may not hold characters that specs use ( . * = @ : ) or control characters; the message names the character', () => {
  const cases: [string, string][] = [
    ['a.b', '"."'],
    ['all*', '"*"'],
    ['x=1', '"="'],
    ['us@2', '"@"'],
    ['drop:us', '":"'],
    ['nul\u0000', 'the control character U+0000'],
    ['tab\tbed', 'the control character U+0009'],
    ['two words', 'a space'],
  ];
  for (const [id, shown] of cases) {
    const actorInput = base();
    actors(actorInput)[0]!.id = id;
    const actorProblem = problemsOf(actorInput).find((problem) => problem.field === 'actors[0].id');
    assert.ok(actorProblem?.message.startsWith(`an id may not contain ${shown} (id ${JSON.stringify(id)})`), `${JSON.stringify(id)}: ${actorProblem?.message}`);
    const issueInput = base();
    (issueInput.issues as Array<Record<string, unknown>>)[1]!.id = id;
    for (const actor of actors(issueInput)) {
      const stances = actor.stances as Record<string, unknown>;
      stances[id] = stances.sanctions;
      delete stances.sanctions;
    }
    assert.ok(problemsOf(issueInput).some((problem) => problem.field === 'issues[1].id' && problem.message.includes(shown)), JSON.stringify(id));
  }
  const fine = base();
  actors(fine)[0]!.id = 'us-republicans_2024';
  assert.equal(validateScenario(fine).scenario.actors[0]!.id, 'us-republicans_2024');
});
