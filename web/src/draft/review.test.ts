import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { draftScenario } from '../../../src/scenario/draft/index.js';
import { isInputError } from '../../../src/errors.js';
import { parseScenario } from '../../../src/scenario/parse.js';
import { validateScenario } from '../../../src/scenario/validate.js';
import { fromRepo, fromShared } from '../../../tests/support/paths.js';
import { scenarioFromReview, stanceKey, startReview } from './review.js';

const article = readFileSync(fromShared('seed', 'backchannel-article.txt'), 'utf8');
const example = parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024.yaml'), 'utf8'), { file: 'backchannel-2024.yaml' }).scenario;

function problemFields(value: unknown): string[] {
  try {
    validateScenario(value);
    return [];
  } catch (error) {
    if (!isInputError(error)) throw error;
    return error.problems.map((problem) => problem.field ?? '');
  }
}

test('only accepted items enter the scenario, each stance with its quotes as evidence', () => {
  const draft = draftScenario(article, { file: 'backchannel-article.txt', scenario: example });
  const review = startReview(draft);
  const russiaTalks = draft.proposals.find((p) => p.actor === 'russia' && p.issue === 'talks')!;
  const usTalks = stanceKey('us', 'talks');
  review.rejectedStances.add(usTalks);
  review.positions.set(stanceKey('russia', 'talks'), '10');
  review.rejectedIssues.add('settlement');
  const drafted = draft.actors.map((actor) => actor.id);
  const unknown = drafted.filter((id) => !example.actors.some((actor) => actor.id === id));
  for (const id of unknown) review.rejectedActors.add(id);
  const scenario = validateScenario(scenarioFromReview(draft, review)).scenario;
  assert.deepEqual(scenario.issues.map((issue) => issue.id), ['talks']);
  assert.deepEqual(scenario.actors.map((actor) => actor.id), drafted.filter((id) => !unknown.includes(id)));
  const russia = scenario.actors.find((actor) => actor.id === 'russia')!;
  assert.equal(russia.capability, example.actors.find((actor) => actor.id === 'russia')!.capability);
  assert.equal(russia.stances.talks!.position, 10);
  assert.equal(russia.stances.talks!.salience, russiaTalks.salience);
  for (const cue of russiaTalks.cues) assert.ok(russia.stances.talks!.evidence!.includes(`"${cue.sentence.text}"`));
  assert.equal(scenario.actors.find((actor) => actor.id === 'us')!.stances.talks, undefined);
  assert.equal(scenario.actors.some((actor) => actor.stances.settlement !== undefined), false);
  assert.equal(scenario.asOf, example.asOf);
});

test('what is missing or mistyped is named by the schema: a capability the text does not give, a position typed wrong', () => {
  const draft = draftScenario(article, { file: 'a.txt' });
  const review = startReview(draft);
  assert.ok(draft.actors.length > 0);
  const fields = problemFields(scenarioFromReview(draft, review));
  assert.ok(fields.includes('actors[0].capability'), fields.join(', '));
  assert.ok(fields.includes('issues'), fields.join(', '));
  const withIssues = draftScenario(article, { file: 'a.txt', scenario: example });
  const second = startReview(withIssues);
  const first = withIssues.proposals[0]!;
  second.positions.set(stanceKey(first.actor, first.issue), 'far');
  const index = withIssues.actors.findIndex((actor) => actor.id === first.actor);
  for (const actor of withIssues.actors) if (!example.actors.some((known) => known.id === actor.id)) second.capabilities.set(actor.id, '1');
  assert.deepEqual(problemFields(scenarioFromReview(withIssues, second)), [`actors[${index}].stances.${first.issue}.position`]);
});
