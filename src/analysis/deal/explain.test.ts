import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScenario } from '../../scenario/parse.js';
import { analyseDeal } from './analyse.js';
import { dayText, dealText, rowText } from './explain.js';

/** V-D2: b's capability × 4 from 2024-02-15; b holds out at 0 and 1, ripe at 2. */
const scenario = parseScenario(
  JSON.stringify({
    title: 'd',
    salienceScale: 100,
    timeline: { start: '2024-01-01', step: '1m', end: '2024-04-01' },
    issues: [{ id: 'q', statusQuo: 50 }],
    actors: [
      { id: 'a', name: 'Alpha', capability: 100, stances: { q: { position: 0, salience: 100, hurt: 0.2, patience: 0.9 } } },
      { id: 'b', name: 'Beta', capability: 100, stances: { q: { position: 100, salience: 100, hurt: 0.2, patience: 0.9 } } },
    ],
    events: [{ date: '2024-02-15', label: 'Beta grows', effects: [{ actor: 'b', capability: { times: 4 } }] }],
  }),
  { format: 'json' },
).scenario;
const names = (id: string) => ({ a: 'Alpha', b: 'Beta' })[id] ?? id;

describe('deal analysis in words (channels-spec §10.2)', () => {
  const result = analyseDeal(scenario);
  const issue = result.issues[0]!;
  it('dates read as "1 Jan 2024"', () => assert.equal(dayText('2024-01-01'), '1 Jan 2024'));
  it('a waiting member: the deal, the values as flows, from the result', () => {
    const row = issue.leaves[0]!.rows[0]!;
    const detail = row.values['b']!;
    const text = rowText(issue, row, names);
    assert.match(text, /^Now \(1 Jan 2024\): a deal at 50\.0 exists, but Beta holds out \(accepting is worth −\d\.\d{4} a year, waiting −\d\.\d{4}\): it expects with probability 1\.00 an agreement at 59\.0 on average, around Mar 2024 \(after Beta grows \(2024-02-15\)\)\.$/u);
    assert.ok(detail.accept! < detail.wait);
  });
  it('the ripe point, and the holdout\'s expectation with the event it waits for', () => {
    assert.equal(rowText(issue, issue.leaves[0]!.rows[2]!, names), 'At 1 Mar 2024: ripe — every veto player accepts 59.0.');
    const text = dealText(result, names);
    assert.match(text, /^q \(veto players Alpha, Beta; public table\): P\(agreement by 1 Apr 2024\) = 1\.00; expected terms if agreed 59\.0\.$/mu);
    assert.match(text, /P\(agreement by point\): 0\.00 0\.00 1\.00 1\.00/u);
  });
});
