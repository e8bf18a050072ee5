import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellOf, nextKind, withCell } from './pairChannels.js';

const issues = ['settlement', 'talks'];
const example = () => [
  { between: ['us', 'russia'], channel: 'private', leak: 0.2, evidence: 'privately requested' },
  { between: ['us', 'ukraine'], channel: 'private', leak: 0.1 },
];

test('a pair without a rule is public; a rule covers both orders of its pair', () => {
  assert.deepEqual(cellOf(example(), 'china', 'eu', 'talks', issues), { kind: 'public', rules: [] });
  assert.deepEqual(cellOf(example(), 'russia', 'us', 'talks', issues), { kind: 'private', leak: 0.2, rules: [0], evidence: 'privately requested' });
  assert.deepEqual(cellOf(undefined, 'a', 'b', undefined, issues), { kind: 'public', rules: [] });
});

test('with every issue chosen, a pair whose issues differ is mixed', () => {
  const channels = [{ between: ['a', 'b'], channel: 'closed', issues: ['talks'] }];
  assert.equal(cellOf(channels, 'a', 'b', undefined, issues).kind, 'mixed');
  assert.equal(cellOf(channels, 'a', 'b', 'talks', issues).kind, 'closed');
  assert.equal(cellOf(channels, 'a', 'b', 'settlement', issues).kind, 'public');
});

test('closing a pair on one issue splits its all-issue rule, keeping its place, leak and evidence', () => {
  const next = withCell(example(), 'russia', 'us', issues, 'talks', { kind: 'closed' });
  assert.deepEqual(next, [
    { between: ['us', 'russia'], channel: 'private', leak: 0.2, issues: ['settlement'], evidence: 'privately requested' },
    { between: ['us', 'russia'], channel: 'closed', issues: ['talks'], evidence: 'privately requested' },
    { between: ['us', 'ukraine'], channel: 'private', leak: 0.1 },
  ]);
  // Setting it back merges the rules again.
  assert.deepEqual(withCell(next, 'us', 'russia', issues, 'talks', { kind: 'private', leak: 0.2 }), example());
});

test('setting every issue public drops the rule unless it carries evidence; a new pair is appended', () => {
  const next = withCell(example(), 'us', 'ukraine', issues, undefined, { kind: 'public' });
  assert.deepEqual(next, [example()[0]]);
  const evidenced = withCell(example(), 'us', 'russia', issues, undefined, { kind: 'public' });
  assert.deepEqual(evidenced[0], { between: ['us', 'russia'], channel: 'public', evidence: 'privately requested' });
  const added = withCell(example(), 'china', 'eu', issues, 'settlement', { kind: 'private', leak: 0.3 });
  assert.deepEqual(added.at(-1), { between: ['china', 'eu'], channel: 'private', leak: 0.3, issues: ['settlement'] });
  assert.equal(added.length, 3);
});

test('a private leak is kept when only the kind is given, and rules the matrix cannot read stay', () => {
  const odd = [{ between: ['only-one'], channel: 'closed' }, ...example()];
  const next = withCell(odd, 'us', 'ukraine', issues, undefined, { kind: 'private' });
  assert.deepEqual(next, odd);
  assert.deepEqual(withCell(odd, 'us', 'ukraine', issues, undefined, { kind: 'private', leak: 0.5 })[2], { between: ['us', 'ukraine'], channel: 'private', leak: 0.5 });
});

test('Space cycles public → private → closed → public', () => {
  assert.equal(nextKind('public'), 'private');
  assert.equal(nextKind('private'), 'closed');
  assert.equal(nextKind('closed'), 'public');
  assert.equal(nextKind('mixed'), 'public');
});
