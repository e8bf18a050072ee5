import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idRecord, stanceOf, stancesCopy } from './keyed.js';

test('an id record keeps entries under __proto__, constructor and toString, and lacks what it was not given', () => {
  const record = idRecord<number>([['__proto__', 1], ['constructor', 2]]);
  record['toString'] = 3;
  assert.deepEqual(Object.keys(record), ['__proto__', 'constructor', 'toString']);
  assert.equal(record['hasOwnProperty'], undefined);
  assert.equal(JSON.stringify(record), '{"__proto__":1,"constructor":2,"toString":3}');
});

test('stanceOf reads own stances only; a stances copy takes any issue id', () => {
  const actor = JSON.parse('{"stances":{"__proto__":{"position":1,"salience":2}}}') as { stances: Record<string, { position: number; salience: number }> };
  assert.deepEqual(stanceOf(actor, '__proto__'), { position: 1, salience: 2 });
  assert.equal(stanceOf(actor, 'constructor'), undefined);
  const copy = stancesCopy(actor);
  copy['__proto__'] = { position: 3, salience: 4 };
  copy['valueOf'] = { position: 5, salience: 6 };
  assert.deepEqual(Object.keys(copy), ['__proto__', 'valueOf']);
});
