import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyseDeal } from '../../../src/analysis/deal/analyse.js';
import { dealText } from '../../../src/analysis/deal/explain.js';
import type { DealResult } from '../../../src/analysis/deal/types.js';
import { parseScenario } from '../../../src/scenario/parse.js';
import { actorNames } from '../../../src/scenario/views.js';
import { fromRepo } from '../../../tests/support/paths.js';
import { memberCell, pointName, summaryText } from './dealWords.js';

const example = () => parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024-channels.yaml'), 'utf8'), { file: 'x.yaml' }).scenario;

/** The example without red lines and trust records: agreement in the leaves where the aid vote fails. */
function variant() {
  const document = JSON.parse(JSON.stringify(example())) as Record<string, unknown> & { actors: { stances: Record<string, Record<string, unknown>> }[] };
  for (const actor of document.actors) for (const stance of Object.values(actor.stances)) delete stance['commitment'];
  delete document['trust'];
  return parseScenario(JSON.stringify(document), { file: 'v.json' }).scenario;
}

test('the summary line is `parley deal`’s first line for the issue', () => {
  for (const scenario of [example(), variant()]) {
    const names = actorNames(scenario.actors);
    const name = (id: string) => names[id] ?? id;
    const result = analyseDeal(scenario);
    for (const issue of result.issues) {
      const cli = dealText({ ...result, issues: [issue], notes: [] } satisfies DealResult, name).split('\n')[0];
      assert.equal(summaryText(issue, name), cli);
    }
  }
  assert.equal(pointName({ round: 3, date: null }), 'point 3');
  assert.equal(pointName({ round: 3, date: '2024-04-28' }), '28 Apr 2024');
});

test('each veto player’s cell: its bound, no agreement at all, no channel, accepts or waits', () => {
  const result = analyseDeal(example());
  const settlement = result.issues.find((issue) => issue.issue === 'settlement')!;
  const now = settlement.leaves[0]!.rows[0]!;
  assert.deepEqual(memberCell(now, 'russia'), { text: 'nothing below 82.2', kind: 'wait' });
  assert.deepEqual(memberCell(now, 'ukraine'), { text: 'nothing above 21.4', kind: 'wait' });
  const aidFails = settlement.leaves.find((leaf) => leaf.leaf['aid'] === 'fails')!;
  const november = aidFails.rows.find((row) => row.date === '2024-11-28')!;
  assert.deepEqual(memberCell(november, 'russia'), { text: 'accepts no agreement at all', kind: 'wait' });
  assert.deepEqual(memberCell(november, 'ukraine'), { text: '—', kind: 'none' });
  const talks = result.issues.find((issue) => issue.issue === 'talks')!;
  const cut = talks.leaves.find((leaf) => leaf.leaf['channel'] === 'cut')!;
  assert.deepEqual(memberCell(cut.rows.at(-1)!, 'us'), { text: 'no channel', kind: 'none' });

  const ripeSettlement = analyseDeal(variant()).issues.find((issue) => issue.issue === 'settlement')!;
  const ripeLeaf = ripeSettlement.leaves.find((leaf) => leaf.firstRipe !== null)!;
  const ripe = ripeLeaf.rows[ripeLeaf.firstRipe!.round]!;
  for (const member of ripeSettlement.members) assert.deepEqual(memberCell(ripe, member), { text: 'accepts', kind: 'accept' });
  const waiting = ripeSettlement.leaves.flatMap((leaf) => leaf.rows).find((row) => row.deal !== null && !row.ripe)!;
  const holdout = ripeSettlement.members.find((member) => !waiting.accept[member])!;
  assert.deepEqual(memberCell(waiting, holdout), { text: 'waits (for a better deal)', kind: 'wait' });
});
