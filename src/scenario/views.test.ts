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
  assert.deepEqual({ ...names }, { a1: 'Alpha', a2: 'a2', a3: 'a3', a4: 'a4' });
  // Keyed by actor ids, so without a prototype: an actor "constructor" keeps its own entry (issue 14).
  assert.equal(Object.getPrototypeOf(names), null);
  assert.deepEqual({ ...actorNames([{ id: 'constructor', name: 'Builder' }, { id: '__proto__' }]) }, JSON.parse('{"constructor":"Builder","__proto__":"__proto__"}'));
});
