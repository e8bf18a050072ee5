import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setSide, sideOf } from './redLineEdits.js';

test('a new red line starts at the actor’s own position; switching sides keeps its value, cost and evidence', () => {
  const stance: Record<string, unknown> = { position: 95 };
  assert.equal(sideOf({}), '');
  setSide(stance, 'atLeast');
  assert.deepEqual(stance['commitment'], { atLeast: 95 });
  stance['commitment'] = { atLeast: 80, cost: 1, evidence: 'no unilateral concessions' };
  setSide(stance, 'atMost');
  assert.deepEqual(stance['commitment'], { atMost: 80, cost: 1, evidence: 'no unilateral concessions' });
  assert.equal(sideOf(stance['commitment'] as Record<string, unknown>), 'atMost');
  setSide(stance, '');
  assert.deepEqual(stance, { position: 95 });
});
