import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseScenario } from '../../scenario/parse.js';
import { fromRepo } from '../../../tests/support/paths.js';
import { runModel } from '../registry.js';

const load = (name: string) => parseScenario(readFileSync(fromRepo('examples', name), 'utf8'), { file: name }).scenario;

describe('nash with the channel fields (channels-spec §8, §13)', () => {
  it('the extended example: no agreement on either issue, the status quo (60, 10) in every round, and the note names who blocks', () => {
    const forecast = runModel('nash', load('backchannel-2024-channels.yaml'));
    const settlement = forecast.issues.find((issue) => issue.issue === 'settlement')!;
    const talks = forecast.issues.find((issue) => issue.issue === 'talks')!;
    assert.equal(settlement.outcome, 60);
    assert.equal(talks.outcome, 10);
    assert.ok(settlement.notes.includes('no agreement acceptable to every actor: us-republicans accepts no agreement; the forecast is the status quo'), settlement.notes.join('\n'));
    assert.ok(talks.notes.some((note) => note.startsWith('no agreement acceptable to every actor: russia accepts no agreement')));
    assert.ok(talks.notes.includes("pair channels are ignored by nash (it reads the issue's table)"));
    assert.equal(settlement.path!.length, 13);
    assert.ok(settlement.path!.every((point) => point.outcome === null));
    assert.deepEqual(settlement.path![1], { round: 1, startDate: '2024-01-28', endDate: '2024-02-28', outcome: null });
  });

  it('the neutral case keeps today\'s formula: the original example has no path and the same outcome as before the extension', () => {
    const forecast = runModel('nash', load('backchannel-2024.yaml'));
    for (const issue of forecast.issues) assert.equal(issue.path, undefined);
  });

  it('without a status quo the general solver uses the common loss and says so', () => {
    const scenario = parseScenario(
      JSON.stringify({
        title: 't',
        salienceScale: 100,
        issues: [{ id: 'q' }],
        actors: [
          { id: 'a', capability: 1, stances: { q: { position: 0, salience: 100, hurt: 0.1 } } },
          { id: 'b', capability: 1, stances: { q: { position: 100, salience: 100 } } },
        ],
      }),
      { format: 'json' },
    ).scenario;
    const issue = runModel('nash', scenario).issues[0]!;
    assert.ok(issue.notes.some((note) => note.startsWith('issue "q" has no status quo: the disagreement point is the common disagreement utility −20000')), issue.notes.join('\n'));
    assert.ok(issue.outcome > 0 && issue.outcome < 100);
  });
});
