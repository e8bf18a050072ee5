import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Explanation } from '../../analysis/explain.js';
import { formatShort } from '../../analysis/formatNumber.js';
import type { Forecast } from '../../models/model.js';
import { runParley } from '../../../tests/support/runParley.js';

const example = 'examples/backchannel-2024.yaml';

describe('parley explain', () => {
  it('explains one actor on every issue it takes part in, in words', async () => {
    const { code, out, err } = await runParley(['explain', example, '--actor', 'russia']);
    assert.equal(code, 0, err);
    assert.match(out, /^russia on settlement, round 1\n {2}In round 1 on settlement, Russia /u);
    assert.match(out, /^russia on talks, round 1$/mu);
    assert.match(out, /Russia expects [+-][\d.e-]+ from challenging Ukraine and thinks Ukraine expects [+-][\d.e-]+ from challenging it/u);
  });

  it('prints numbers that come from the forecast: the move in the summary is the forecast move', async () => {
    const forecast = JSON.parse((await runParley(['forecast', example, '--model', 'eum', '--dyads', '--json'])).out) as Forecast;
    const round = forecast.issues.find((issue) => issue.issue === 'talks')!.rounds[2]!;
    const { code, out } = await runParley(['explain', example, '--actor', 'us', '--issue', 'talks', '--round', '2', '--json']);
    assert.equal(code, 0);
    const [explanation] = JSON.parse(out) as Explanation[];
    assert.equal(explanation!.to, round.positions['us']);
    const move = round.moves!.find((candidate) => candidate.actor === 'us');
    const summary = explanation!.sentences[0]!.text;
    if (move) assert.ok(summary.includes(`moves from ${formatShort(move.from, 1)} to ${formatShort(move.to, 1)}`), summary);
    else assert.match(summary, /does not move/u);
    const taken = round.dyads!.filter((dyad) => dyad.actor === 'us' && dyad.taken);
    const takenSentences = explanation!.sentences.filter((sentence) => sentence.topic === 'offer-received' && sentence.text.endsWith('— taken.'));
    assert.deepEqual(takenSentences.map((sentence) => sentence.other), taken.map((dyad) => dyad.other));
  });

  describe('bad input exits 2', () => {
    const cases: [string, string[], RegExp][] = [
      ['no --actor', [], /^actor: say which actor to explain with --actor ID/u],
      ['unknown actor', ['--actor', 'france'], /^actor: unknown actor "france"; expected one of russia, ukraine/u],
      ['unknown issue', ['--actor', 'russia', '--issue', 'sanctions'], /^issue: unknown issue "sanctions"; expected one of settlement, talks/u],
      ['round past the end', ['--actor', 'russia', '--round', '11'], /^round: round must be an integer from 1 to 10, got 11/u],
      ['round not a number', ['--actor', 'russia', '--round', 'first'], /--round must be an integer ≥ 1, got "first"/u],
      ['model without dyads', ['--actor', 'russia', '--model', 'weighted-mean'], /^dyads: model "weighted-mean" has no option "dyads"/u],
      ['unknown preset', ['--actor', 'russia', '--preset', 'nope'], /^preset: model "eum" has no preset "nope"/u],
    ];
    for (const [name, flags, message] of cases) {
      it(name, async () => {
        const { code, out, err } = await runParley(['explain', example, ...flags]);
        assert.equal(code, 2);
        assert.equal(out, '');
        assert.match(err, message);
      });
    }
  });
});
