import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { validateScenario } from '../../../src/scenario/validate.js';
import { fromRepo } from '../../../tests/support/paths.js';
import { freshProposal, freshRatifier, participants, setTableChannel, tableChoice } from './dealEdits.js';

type Example = Record<string, unknown> & { issues: Record<string, unknown>[]; actors: Record<string, unknown>[] };
const example = () => parse(readFileSync(fromRepo('examples', 'backchannel-2024-channels.yaml'), 'utf8')) as Example;
const problems = (document: unknown): { field?: string; message: string }[] => {
  try {
    validateScenario(document);
    return [];
  } catch (error) {
    return (error as { problems?: { field?: string; message: string }[] }).problems ?? [{ message: String(error) }];
  }
};

test('a fresh proposal is dated at the start, between two participants, at the status quo, in public, and valid', () => {
  const draft = example();
  const proposal = freshProposal(draft);
  assert.deepEqual(proposal, { date: '2024-01-28', from: 'russia', to: 'ukraine', issue: 'settlement', position: 60, channel: 'public' });
  assert.deepEqual(freshProposal(draft, 'talks')['position'], 10);
  draft['proposals'] = [...(draft['proposals'] as unknown[]), proposal, freshProposal(draft, 'talks')];
  assert.deepEqual(problems(draft), []);
  (draft['proposals'] as Record<string, unknown>[]).at(-1)!['position'] = 150;
  assert.deepEqual(problems(draft).map((problem) => problem.message), ["position 150 is outside the issue's scale [0, 100]"]);
});

test('without a status quo a proposal starts mid-scale; without a timeline, at asOf', () => {
  const draft = { asOf: '2024-03-01', issues: [{ id: 'a', scale: { min: -10, max: 30 } }], actors: [{ id: 'x', stances: { a: {} } }, { id: 'y', stances: { a: {} } }] };
  assert.deepEqual(freshProposal(draft), { date: '2024-03-01', from: 'x', to: 'y', issue: 'a', position: 10, channel: 'public' });
  assert.deepEqual(participants(draft, 'a'), ['x', 'y']);
});

test('a fresh ratifier ratifies for the first veto player, and is a participant that is not one; it validates', () => {
  const draft = example();
  const ratifier = freshRatifier(draft, 'talks');
  assert.deepEqual(ratifier, { actor: 'ukraine', for: 'us' });
  draft.issues[1]!['ratifiers'] = [ratifier, freshRatifier(draft, 'settlement')];
  assert.deepEqual(freshRatifier(draft, 'settlement'), { actor: 'us', for: 'russia' });
  assert.deepEqual(problems(draft), []);
});

test('the table: a channel chosen keeps its evidence, a leak only while private; none removes it', () => {
  const issue: Record<string, unknown> = {};
  assert.equal(tableChoice(issue), '');
  setTableChannel(issue, 'private');
  assert.deepEqual(issue['table'], { channel: 'private' });
  issue['table'] = { channel: 'private', leak: 0.3, evidence: 'quote' };
  setTableChannel(issue, 'private');
  assert.deepEqual(issue['table'], { channel: 'private', leak: 0.3, evidence: 'quote' });
  setTableChannel(issue, 'closed');
  assert.deepEqual(issue['table'], { channel: 'closed', evidence: 'quote' });
  assert.equal(tableChoice(issue), 'closed');
  setTableChannel(issue, '');
  assert.deepEqual(issue, {});
});
