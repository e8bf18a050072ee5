/**
 * The channel lever on a scenario with channel fields: it reads each pair's channel on the issue from
 * the scenario (closed / public / private), tries the other two kinds, costs one unit per change, and a
 * move rewrites the scenario's channel rules (one rule per pair and issue, channels-spec §3.4), so the
 * scored forecast is the forecast of the scenario a user would write by hand.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { eumModel } from '../../models/eum/eum.js';
import { parseScenario } from '../../scenario/parse.js';
import type { Scenario } from '../../scenario/schema.js';
import { fromRepo } from '../../../tests/support/paths.js';
import { advise } from './advise.js';
import { channelChange, channelState, leversFor, moveCost, scanValues, type Lever } from './levers.js';
import { applyMoves } from './variant.js';

const example = parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024-channels.yaml'), 'utf8'), { file: 'backchannel-2024-channels.yaml' }).scenario;
const channelLevers = (scenario: Scenario, actor: string, issue: string) => leversFor(scenario, actor, issue, ['channel'], { kind: 'scenario' });
const leverWith = (levers: Lever[], other: string) => levers.find((lever) => lever.other === other)!;

describe('the channel lever on scenario channels', () => {
  it("reads today's channel of each pair on the issue, with a private channel's leak", () => {
    const levers = channelLevers(example, 'us', 'talks');
    const russia = leverWith(levers, 'russia');
    assert.equal(channelState(russia, russia.current), 'private');
    assert.equal(russia.leak, 0.2);
    assert.equal(channelState(leverWith(levers, 'germany'), leverWith(levers, 'germany').current), 'public');
    assert.deepEqual(scanValues(russia, 20).map((value) => channelChange(russia, value)), ['closed', 'public']);
    assert.equal(moveCost({ lever: russia, value: 0 }), 10);
    assert.equal(moveCost({ lever: russia, value: 1 }), 10);
  });

  it('a move rewrites the rules: one per pair and issue, other issues kept, public needs none, private keeps the leak', () => {
    const scenario: Scenario = {
      title: 'rules',
      salienceScale: 1,
      issues: [
        { id: 'x', scale: { min: 0, max: 100 } },
        { id: 'y', scale: { min: 0, max: 100 } },
      ],
      channels: [{ between: ['a', 'b'], channel: 'private', leak: 0.3 }],
      actors: ['a', 'b', 'c'].map((id, index) => ({ id, capability: 1 + index, stances: { x: { position: 30 * index, salience: 0.5 }, y: { position: 10 * index, salience: 0.5 } } })),
    };
    const base = { scenario, closedDyads: [] };
    const ab = leverWith(channelLevers(scenario, 'a', 'x'), 'b');
    const closed = applyMoves(base, [{ lever: ab, value: 0 }]).scenario.channels;
    assert.deepEqual(closed, [
      { between: ['a', 'b'], channel: 'private', leak: 0.3, issues: ['y'] },
      { between: ['a', 'b'], channel: 'closed', issues: ['x'] },
    ]);
    assert.deepEqual(applyMoves(base, [{ lever: ab, value: 1 }]).scenario.channels, [{ between: ['a', 'b'], channel: 'private', leak: 0.3, issues: ['y'] }]);
    const ac = leverWith(channelLevers(scenario, 'a', 'x'), 'c');
    assert.equal(channelState(ac, ac.current), 'public');
    assert.deepEqual(applyMoves(base, [{ lever: ac, value: 2 }]).scenario.channels, [...scenario.channels!, { between: ['a', 'c'], channel: 'private', issues: ['x'] }]);
    assert.deepEqual(scenario.channels, [{ between: ['a', 'b'], channel: 'private', leak: 0.3 }], 'the base scenario is not mutated');
  });

  it("advise scores each kind on the scenario's own channels: its forecast is the hand-edited scenario's", () => {
    const advice = advise(example, { actor: 'us', issue: 'talks', goal: { kind: 'toward', value: 60 }, levers: ['channel'], maxLevers: 1 });
    const russia = advice.levers.find((lever) => lever.other === 'russia')!;
    assert.equal(russia.issue, 'talks');
    assert.equal(channelState(russia, russia.current), 'private');
    // Every single change the search reports: its forecast is that of the scenario edited by hand.
    const scored = advice.levers.flatMap((lever) => [lever.flipPoint, lever.bestRatio]).filter((candidate) => candidate !== undefined);
    for (const candidate of scored) {
      const move = candidate.moves[0]!;
      assert.deepEqual(move.channel, { from: channelState(move, move.from), to: channelState(move, move.to) });
      const rules = (example.channels ?? []).filter((rule) => !(rule.between.includes('us') && rule.between.includes(move.other!)));
      const others = rule(example, move.other!);
      const edited: Scenario = { ...example, channels: [...rules, ...others, ...(move.channel!.to === 'public' ? [] : [{ between: ['us', move.other!], channel: move.channel!.to, issues: ['talks'] }])] };
      const expected = eumModel.run(edited, eumModel.optionsSchema.parse({})).issues.find((issue) => issue.issue === 'talks')!.outcome;
      assert.ok(Math.abs(candidate.outcome - expected) < 1e-9, `${move.lever} → ${move.channel!.to}: ${candidate.outcome} vs ${expected}`);
    }
    assert.ok(scored.length > 0, 'some channel change moves the forecast toward 60');
  });
});

/** The example's rule for us and `other` narrowed to the issues other than talks (the edit keeps them). */
function rule(scenario: Scenario, other: string): NonNullable<Scenario['channels']> {
  const existing = (scenario.channels ?? []).find((candidate) => candidate.between.includes('us') && candidate.between.includes(other));
  if (!existing) return [];
  const covers = existing.issues ?? scenario.issues.map((issue) => issue.id);
  const rest = covers.filter((id) => id !== 'talks');
  return rest.length === 0 ? [] : [{ ...existing, issues: rest }];
}
