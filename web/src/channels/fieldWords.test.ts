import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Draft } from '../editor/draft.js';
import { fieldWords, parseField, problemWords } from './fieldWords.js';

const draft = (): Draft => ({
  issues: [{ id: 'settlement', name: 'Terms of a settlement' }, { id: 'talks' }],
  actors: [
    { id: 'russia', name: 'Russia', stances: {} },
    { id: 'us', name: 'United States', stances: {} },
  ],
  channels: [{ between: ['us', 'russia'], channel: 'public', leak: 0.2 }],
  trust: { records: [{ date: '2015-02-12', label: 'Minsk II', actors: ['russia'], seenBy: ['us', 'nope'] }], set: [{ of: 'us', in: 'russia', value: 2 }] },
  events: [{ date: '2024-11-01', label: 'General Winter', effects: [{}] }],
  branches: [{ id: 'aid', date: '2024-04-20', outcomes: [{ id: 'passes', label: 'passes' }] }],
});

test('parseField reads keys and indices', () => {
  assert.deepEqual(parseField('actors[0].stances.settlement.commitment.atLeast'), ['actors', 0, 'stances', 'settlement', 'commitment', 'atLeast']);
});

test('actors and issues are named, field names become words', () => {
  assert.equal(fieldWords(draft(), 'actors[0].stances.settlement.commitment.atLeast'), 'Russia, Terms of a settlement: red line, at least');
  assert.equal(fieldWords(draft(), 'actors[1].audienceCost'), 'United States: audience cost');
  assert.equal(fieldWords(draft(), 'issues[1].vetoPlayers'), 'talks: veto players');
  assert.equal(fieldWords(draft(), 'channels[0].leak'), 'the channel between United States and Russia: leak probability');
});

test('list items are named by label and date', () => {
  assert.equal(fieldWords(draft(), 'trust.records[0].seenBy[1]'), 'trust, record “Minsk II” (2015-02-12): seen by, entry 2');
  assert.equal(fieldWords(draft(), 'trust.set[0].value'), 'trust, the trust of United States in Russia: value');
  assert.equal(fieldWords(draft(), 'events[0].effects[0]'), 'event “General Winter” (2024-11-01), effect 1');
  assert.equal(fieldWords(draft(), 'branches[0].outcomes'), 'branch “aid” (2024-04-20): outcomes');
  assert.equal(fieldWords(draft(), 'branches[0].outcomes[0].probability'), 'branch “aid” (2024-04-20), outcome “passes”: probability');
  assert.equal(fieldWords(draft(), 'timeline.step'), 'timeline: step');
  assert.equal(fieldWords(draft(), undefined), 'the scenario');
});

test('a problem reads where, then what, with quoted actor ids named', () => {
  assert.equal(
    problemWords(draft(), { field: 'trust.records[0].seenBy[1]', message: 'unknown actor "nope"; expected one of russia, us' }),
    'trust, record “Minsk II” (2015-02-12): seen by, entry 2 — unknown actor "nope"; expected one of russia, us',
  );
  assert.equal(problemWords(draft(), { field: 'actors[0]', message: 'the pair "us" and "russia"' }), 'Russia — the pair United States and Russia');
});
