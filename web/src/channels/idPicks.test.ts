import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idsIn, listValue, shownOptions, togglePick, withUnknown } from './idPicks.js';

test('ticking adds at the end, unticking removes every copy, the others keep their order', () => {
  assert.deepEqual(togglePick(['ukraine', 'germany'], 'us', true), ['ukraine', 'germany', 'us']);
  assert.deepEqual(togglePick(['ukraine', 'germany', 'ukraine'], 'ukraine', false), ['germany']);
  assert.deepEqual(togglePick(['ukraine'], 'ukraine', true), ['ukraine'], 'ticking a chosen id does not list it twice');
  assert.deepEqual(togglePick([], 'russia', false), []);
});

test('an id the draft holds that is no choice stays listed, once, marked, after the choices', () => {
  const choices = [['russia', 'Russia'], ['us', 'United States']] as const;
  assert.deepEqual(withUnknown(choices, ['us', 'nato', 'nato']), [['russia', 'Russia'], ['us', 'United States'], ['nato', 'nato (not in the list)']]);
  assert.deepEqual(withUnknown(choices, []), choices);
});

test('a draft value read as ids, and an empty pick removed only from an optional field', () => {
  assert.deepEqual(idsIn(['us', 3]), ['us', '3']);
  assert.deepEqual(idsIn('us, russia'), []);
  assert.deepEqual(idsIn(undefined), []);
  assert.equal(listValue([], true), undefined);
  assert.deepEqual(listValue([], false), []);
  assert.deepEqual(listValue(['us'], true), ['us']);
});

test('a choice lists what the draft holds: a known value as is, an unknown one marked, an empty one as "—"', () => {
  const actors = [
    ['russia', 'Russia'],
    ['us', 'United States'],
  ] as const;
  assert.deepEqual(shownOptions(actors, 'us'), actors);
  assert.deepEqual(shownOptions(actors, 'nato'), [...actors, ['nato', 'nato (not in the list)']]);
  assert.deepEqual(shownOptions(actors, ''), [['', '—'], ...actors]);
  assert.deepEqual(shownOptions([['', 'none'], ...actors], ''), [['', 'none'], ...actors]);
});
