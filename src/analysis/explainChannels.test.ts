import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runModel } from '../models/registry.js';
import { actorNames } from '../scenario/views.js';
import { fromRepo } from '../../tests/support/paths.js';
import { loadScenario } from '../../tests/support/eumTesting.js';
import { describeDyad, explainActor } from './explain.js';
import { dyadList } from '../models/dyadTable.js';

const scenario = loadScenario(fromRepo('examples', 'backchannel-2024-channels.yaml'));
const names = { ...actorNames(scenario.actors), us: 'the United States' };
const forecast = runModel('eum', scenario, { options: { dyads: true } });

describe('EUM explanations with channels (channels-spec §10.1)', () => {
  it("Russia and the US's private pressure in round 1 (the spec's sentence, from the forecast's numbers)", () => {
    const explanation = explainActor(forecast, { actor: 'russia', issue: 'talks', round: 1, names });
    const texts = explanation.sentences.filter((sentence) => sentence.topic === 'channel').map((sentence) => sentence.text);
    assert.ok(
      texts.includes(
        'Russia sees a conflict it loses against the United States (a = +0.736, b = +1.282) in their private channel and would move from 15 to 75, ' +
          'but pressure in a private channel counts only as far as it trusts the United States (0.40): 36.0 points less; the private exchange may leak ' +
          '(probability 0.20), so its audience cost still takes 3.0 points; its public red line (at most 25, cost 0.50) stops it 10.0 points short; ' +
          "so this offer would take it only to 26. It takes Germany's offer instead (25).",
      ),
      texts.join('\n'),
    );
    assert.ok(texts[0]!.endsWith('so it moves to 25.'), texts[0]);
  });
  it('a hold says why every offer was refused; the workbench hover of an adjusted dyad carries the same sentence', () => {
    const explanation = explainActor(forecast, { actor: 'us', issue: 'talks', round: 1, names });
    const hold = explanation.sentences.find((sentence) => sentence.topic === 'channel')!;
    assert.equal(
      hold.text,
      'The United States sees a conflict it loses against Germany (a = +0.051, b = +0.068) in their public channel and would move from 75 to 70, ' +
        'but a public retreat costs it 0.10 of the scale (its audience cost): 5.0 points less; so it refuses it, as it refuses every other offer, and holds at 75.',
    );
    const dyad = dyadList(forecast.issues[1]!.rounds[1]!.dyads!).find((candidate) => candidate.actor === 'russia' && candidate.other === 'us')!;
    assert.match(describeDyad(dyad, { names }), /pressure in a private channel counts only as far as it trusts the United States \(0\.40\): 36\.0 points less/u);
  });
});

describe('parley explain --leaf (channels-spec §5.4)', () => {
  it('explains the named leaf (V-E15 in words) and refuses an unknown one with exit 2', async () => {
    const { runParley } = await import('../../tests/support/runParley.js');
    const open = await runParley(['explain', 'examples/backchannel-2024-channels.yaml', '--actor', 'russia', '--issue', 'talks', '--round', '2', '--leaf', 'channel=open,aid=passes']);
    assert.equal(open.code, 0);
    assert.match(open.out, /Russia moves from 25 to 32, giving in to United States \(administration\)/u);
    assert.match(open.out, /its public red line \(at most 25, cost 0\.50\) stops it 10\.0 points short; so it moves to 32\./u);
    const unknown = await runParley(['explain', 'examples/backchannel-2024-channels.yaml', '--actor', 'russia', '--leaf', 'channel=nope']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /leaf: no leaf "channel=nope"; expected one of channel=cut,aid=passes/u);
  });
});
