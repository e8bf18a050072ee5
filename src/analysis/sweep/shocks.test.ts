import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../errors.js';
import type { Scenario } from '../../scenario/schema.js';
import { checkShocks, dropActors, parseShock, shockOptions } from './shocks.js';

const scenario: Scenario = {
  title: 'two issues',
  salienceScale: 100,
  issues: [{ id: 'a', scale: { min: 0, max: 100 } }, { id: 'b', scale: { min: 0, max: 100 } }],
  actors: [
    { id: 'x', capability: 50, stances: { a: { position: 10, salience: 50 }, b: { position: 20, salience: 60 } } },
    { id: 'y', capability: 30, stances: { a: { position: 90, salience: 80 } } },
  ],
};

test('parseShock reads drops, closed dyads and changes from a round on', () => {
  assert.deepEqual(parseShock('drop:x'), { kind: 'drop', actor: 'x' });
  assert.deepEqual(parseShock('close:x,y'), { kind: 'close', actors: ['x', 'y'] });
  assert.deepEqual(parseShock('x.capability=60@3'), { kind: 'change', actor: 'x', field: 'capability', value: 60, fromRound: 3 });
  assert.deepEqual(parseShock('x.b.salience=30@2'), { kind: 'change', actor: 'x', issue: 'b', field: 'salience', value: 30, fromRound: 2 });
});

test('parseShock refuses malformed shocks', () => {
  for (const bad of ['drop:', 'close:x', 'close:x,x', 'x.position=5@2', 'x.capability=5', 'x.capability=5@0', 'x.capability=-1@2', 'x.a.capability=5@2', 'explode:x'])
    assert.throws(() => parseShock(bad), InputError, bad);
});

test('checkShocks names unknown actors and issues, bad values and issues left empty', () => {
  const messages = checkShocks(
    [parseShock('drop:z'), parseShock('y.b.salience=10@2'), parseShock('x.salience=150@2'), parseShock('x.c.salience=1@1'), parseShock('drop:x')],
    scenario,
  ).map((problem) => `${problem.field}: ${problem.message}`);
  assert.ok(messages.some((message) => message.startsWith('shocks[0]: unknown actor "z"')), messages.join('\n'));
  assert.ok(messages.some((message) => message.startsWith('shocks[1]: actor "y" takes no part in issue "b"')));
  assert.ok(messages.some((message) => message.startsWith('shocks[2]: salience 150 is outside')));
  assert.ok(messages.some((message) => message.startsWith('shocks[3]: unknown issue "c"')));
  assert.ok(messages.some((message) => message.includes('leaves no actor on issue "b"')));
  assert.ok(messages.some((message) => message.startsWith('shocks[2]: actor "x" is dropped')));
});

test('drops remove the actor; changes and closed dyads become model options', () => {
  assert.deepEqual(dropActors(scenario, [parseShock('drop:y')]).actors.map((actor) => actor.id), ['x']);
  assert.deepEqual(shockOptions([parseShock('x.a.salience=30@2'), parseShock('close:x,y'), parseShock('drop:y')]), {
    changes: [{ fromRound: 2, actor: 'x', issue: 'a', salience: 30 }],
    closedDyads: [['x', 'y']],
  });
  assert.deepEqual(shockOptions([parseShock('drop:y')]), {});
});
