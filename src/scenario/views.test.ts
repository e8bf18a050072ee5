import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorNames } from './views.js';

test('actors are named by name, or by id when the name is missing or shared', () => {
  const names = actorNames([
    { id: 'a1', name: 'Alpha' },
    { id: 'a2', name: 'Random Spatial Actor' },
    { id: 'a3', name: 'Random Spatial Actor' },
    { id: 'a4' },
  ]);
  assert.deepEqual(names, { a1: 'Alpha', a2: 'a2', a3: 'a3', a4: 'a4' });
});
