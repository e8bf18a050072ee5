import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../errors.js';
import { readScenarioOrDraft } from './importing.js';

const good = `title: T
issues: [{ id: talks }]
actors:
  - { id: a, capability: 1, stances: { talks: { position: 10, salience: 50 } } }
  - { id: b, capability: 1, stances: { talks: { position: 90, salience: 50 } } }
`;

test('a file that validates is a scenario', () => {
  const read = readScenarioOrDraft(good, { file: 'good.yaml' });
  assert.equal(read.kind, 'scenario');
});

test('a YAML file that reads but does not validate is a draft: what was read, with every problem and its line', () => {
  const read = readScenarioOrDraft(good.replace('salience: 50 } } }\n  - { id: b', 'salience: 150 } } }\n  - { id: b'), { file: 'bad.yaml' });
  assert.equal(read.kind, 'draft');
  if (read.kind !== 'draft') return;
  assert.equal((read.draft.actors as { stances: { talks: { salience: number } } }[])[0]!.stances.talks.salience, 150);
  assert.deepEqual(read.problems.map((problem) => [problem.file, problem.line, problem.field]), [['bad.yaml', 4, 'actors[0].stances.talks.salience']]);
});

test('JSON and CSV drafts keep what they read', () => {
  const json = readScenarioOrDraft(JSON.stringify({ title: 'J', issues: [], actors: [] }), { file: 'j.json' });
  assert.equal(json.kind, 'draft');
  const csv = readScenarioOrDraft('actor,issue,capability,position,salience\na,t,1,10,50\nb,t,x,90,50\n', { file: 'c.csv' });
  assert.equal(csv.kind, 'draft');
  if (csv.kind === 'draft') {
    assert.ok(csv.problems.some((problem) => problem.line === 3), JSON.stringify(csv.problems));
    assert.equal((csv.draft.actors as unknown[]).length, 2);
  }
});

test('a text that is no scenario at all is still an error with its line', () => {
  assert.throws(() => readScenarioOrDraft('title: [unclosed\nissues: x', { file: 'broken.yaml' }), (error: unknown) => error instanceof InputError && error.problems[0]?.line !== undefined);
  assert.throws(() => readScenarioOrDraft('just some words', { file: 'words.yaml' }), InputError);
  assert.throws(() => readScenarioOrDraft('{"title": ', { file: 'cut.json' }), InputError);
});
