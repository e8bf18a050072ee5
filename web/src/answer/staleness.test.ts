import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Scenario } from '../../../src/scenario/schema.js';
import { changedParts, staleness } from './staleness.js';

const base: Scenario = {
  title: 'T',
  salienceScale: 100,
  issues: [{ id: 'x', scale: { min: 0, max: 100 } }],
  actors: [
    { id: 'a', capability: 1, stances: { x: { position: 10, salience: 50 } } },
    { id: 'b', capability: 2, stances: { x: { position: 90, salience: 50 } } },
  ],
};

test('the same scenario is not stale; an edited one is, naming what changed', () => {
  assert.deepEqual(staleness(base, structuredClone(base)), { stale: false });
  const edited = structuredClone(base);
  edited.actors[0]!.stances.x!.position = 20;
  edited.title = 'T2';
  const result = staleness(base, edited);
  assert.equal(result.stale, true);
  assert.ok(result.stale && result.canRerun);
  assert.deepEqual(changedParts(base, edited), ['title', 'actors']);
  assert.match(result.stale ? result.reason : '', /title, actors/u);
});

test('a draft with problems is stale and cannot be re-run', () => {
  const result = staleness(base, undefined);
  assert.ok(result.stale && !result.canRerun);
});
