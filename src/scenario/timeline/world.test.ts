import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseScenario } from '../parse.js';
import type { Scenario } from '../schema.js';
import { fromRepo } from '../../../tests/support/paths.js';
import { leafLabel, leavesOf, mixtureOf } from './leaves.js';
import { channelBetween, compileLeaf, timelineOf, unreachedNotes } from './world.js';
import { trustIn, trustSettings } from './trust.js';

const example = (): Scenario => parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024-channels.yaml'), 'utf8'), { file: 'x.yaml' }).scenario;

describe('leaves and per-round inputs (channels-spec §5)', () => {
  it('V-B1: the extended example has four leaves with probabilities 0.385, 0.315, 0.165, 0.135', () => {
    const leaves = leavesOf(example().branches);
    assert.deepEqual(leaves.map(leafLabel), ['aid=passes;channel=cut', 'aid=fails;channel=cut', 'aid=passes;channel=open', 'aid=fails;channel=open']);
    const expected = [0.385, 0.315, 0.165, 0.135];
    leaves.forEach((leaf, index) => assert.ok(Math.abs(leaf.probability - expected[index]!) < 1e-12));
    assert.ok(Math.abs(leaves.reduce((sum, leaf) => sum + leaf.probability, 0) - 1) < 1e-12);
  });
  it('V-B2: a conditional branch splits only the leaves where its condition holds', () => {
    const outcome = (id: string, probability: number) => ({ id, probability });
    const leaves = leavesOf([
      { id: 'A', date: '2024-02-01', outcomes: [outcome('x', 0.6), outcome('z', 0.4)] },
      { id: 'B', date: '2024-03-01', when: { branch: 'A', outcome: 'x' }, outcomes: [outcome('y', 0.5), outcome('n', 0.5)] },
    ]);
    assert.deepEqual(leaves.map((leaf) => [leafLabel(leaf), Number(leaf.probability.toFixed(12))]), [['A=x;B=y', 0.3], ['A=x;B=n', 0.3], ['A=z', 0.4]]);
  });
  it('B4: mixture mean, merged distribution and the median at half the probability', () => {
    const mixture = mixtureOf([{ value: 3, probability: 0.2 }, { value: 1, probability: 0.3 }, { value: 3, probability: 0.5 }]);
    assert.ok(Math.abs(mixture.mean - 2.4) < 1e-12);
    assert.deepEqual(mixture.distribution, [[1, 0.3], [3, 0.7]]);
    assert.equal(mixture.median, 3);
    assert.equal(mixtureOf([{ value: 1, probability: 0.5 }, { value: 2, probability: 0.5 }]).median, 1);
  });
  it('effects take hold from their round: General Winter in round 10, the aid vote in round 3, the channel cut in round 2', () => {
    const scenario = example();
    const [cutPasses, , openPasses] = leavesOf(scenario.branches);
    const world = compileLeaf(scenario, cutPasses!, 12);
    const capability = (t: number) => world.states[t]!.stances.get('ukraine')!.get('settlement')!.capability;
    assert.equal(capability(2), 40);
    assert.equal(capability(3), 50);
    assert.equal(capability(9), 50);
    assert.ok(Math.abs(capability(10) - 42.5) < 1e-12);
    assert.equal(world.states[10]!.statusQuo.get('settlement'), 63);
    assert.equal(world.states[10]!.stances.get('russia')!.get('settlement')!.hurt, 0.03);
    assert.equal(channelBetween(world.states[1]!, 'russia', 'us', 'talks').channel, 'private');
    assert.equal(channelBetween(world.states[2]!, 'russia', 'us', 'talks').channel, 'closed');
    assert.equal(channelBetween(compileLeaf(scenario, openPasses!, 12).states[2]!, 'us', 'russia', 'talks').channel, 'private');
    assert.deepEqual(world.jumps[3], [{ actor: 'us-republicans', issue: 'settlement', to: 45, label: 'US supplemental aid vote: passes' }]);
    assert.deepEqual(unreachedNotes(compileLeaf(scenario, cutPasses!, 8), 8), ['General Winter (2024-11-01) falls in round 10, after the last round run (8): no effect']);
  });
});

describe('trust (channels-spec §6)', () => {
  it('V-R1: the extended example, prior (0.8, 2)', () => {
    const scenario = example();
    const world = compileLeaf(scenario, leavesOf(scenario.branches)[0]!, 1);
    const settings = trustSettings(scenario);
    const tau = (i: string, j: string) => trustIn(settings, world.states[1]!, world.timeline, 1, i, j);
    const cases: [string, string, number][] = [
      ['russia', 'us', 0.4], ['russia', 'ukraine', 0.32], ['russia', 'germany', 0.533333], ['russia', 'eu', 0.533333], ['russia', 'china', 0.8],
      ['ukraine', 'russia', 0.266667], ['us', 'russia', 0.266667], ['ukraine', 'us', 0.8],
    ];
    for (const [i, j, value] of cases) assert.ok(Math.abs(tau(i, j) - value) < 1e-6, `${i} in ${j}: ${tau(i, j)}`);
  });
  it('V-R2: a half-life fades old records', () => {
    const base = {
      title: 't', asOf: '2024-01-01', salienceScale: 100, issues: [{ id: 'x' }],
      actors: [{ id: 'a', capability: 1, stances: { x: { position: 0, salience: 50 } } }, { id: 'b', capability: 1, stances: { x: { position: 100, salience: 50 } } }],
      trust: {
        prior: { mean: 0.8, strength: 2 },
        records: [{ date: '2014-01-01', actors: ['b'], outcome: 'broken', seenBy: ['a'] }, { date: '2020-01-01', actors: ['b'], outcome: 'kept', seenBy: ['a'] }],
      },
    };
    const tau = (input: object, i: string, j: string) => {
      const scenario = parseScenario(JSON.stringify(input), { format: 'json' }).scenario;
      const world = compileLeaf(scenario, leavesOf(undefined)[0]!, 1);
      assert.ok(timelineOf(scenario));
      return trustIn(trustSettings(scenario), world.states[1]!, world.timeline, 1, i, j);
    };
    assert.ok(Math.abs(tau(base, 'a', 'b') - 0.65) < 1e-9);
    assert.ok(Math.abs(tau({ ...base, trust: { ...base.trust, halfLifeYears: 5 } }, 'a', 'b') - 0.769846) < 1e-6);
    assert.ok(Math.abs(tau(base, 'b', 'a') - 0.8) < 1e-12);
  });
});

describe('information nodes (channels-spec B3)', () => {
  it('a leaf knows a branch from the round its date falls in', async () => {
    const { informationNode } = await import('./world.js');
    const scenario = example();
    const timeline = timelineOf(scenario)!;
    const leaf = leavesOf(scenario.branches)[1]!;
    assert.deepEqual([0, 1, 2, 3, 12].map((t) => informationNode(scenario, timeline, leaf, t)), ['', '', 'channel=cut', 'aid=fails;channel=cut', 'aid=fails;channel=cut']);
  });
});
