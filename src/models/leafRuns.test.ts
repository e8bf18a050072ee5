import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Scenario } from '../scenario/schema.js';
import { leavesOf } from '../scenario/timeline/leaves.js';
import { runModel } from './registry.js';
import { arbitrarySingleIssueScenario } from '../../tests/support/arbitraries.js';
import { loadScenario } from '../../tests/support/eumTesting.js';
import { fromRepo } from '../../tests/support/paths.js';

const arbitraryBranches = fc.array(
  fc.record({ weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 3 }), conditional: fc.boolean() }),
  { minLength: 1, maxLength: 5 },
);

describe('branches → leaves → mixture (channels-spec §5)', () => {
  it('T-P1: leaf probabilities sum to 1 within 1e-12', () => {
    fc.assert(
      fc.property(arbitraryBranches, (specs) => {
        const branches = specs.map((spec, index) => {
          const total = spec.weights.reduce((sum, weight) => sum + weight, 0);
          const outcomes = spec.weights.map((weight, k) => ({ id: `o${k}`, probability: weight / total }));
          return { id: `b${index}`, date: '2024-02-01', outcomes, ...(spec.conditional && index > 0 ? { when: { branch: `b${index - 1}`, outcome: 'o0' } } : {}) };
        });
        const sum = leavesOf(branches).reduce((total, leaf) => total + leaf.probability, 0);
        assert.ok(Math.abs(sum - 1) < 1e-12, String(sum));
      }),
      { seed: 1, numRuns: 1000 },
    );
  });
  it('T-P2 (EUM): a branch whose outcome has probability 1 gives the same positions in every round as an event with its effects', () => {
    fc.assert(
      fc.property(arbitrarySingleIssueScenario({ maxActors: 6 }), fc.integer({ min: 0, max: 100 }), fc.nat(), (scenario, capability, pick) => {
        const actor = scenario.actors[pick % scenario.actors.length]!.id;
        const effects = [{ actor, capability }];
        const base: Scenario = { ...scenario, timeline: { start: '2024-01-01', step: '1m' } };
        const asEvent = runModel('eum', { ...base, events: [{ date: '2024-03-15', effects }] }, { options: { rounds: 5 } });
        const asBranch = runModel('eum', { ...base, branches: [{ id: 'b', date: '2024-03-15', outcomes: [{ id: 'yes', probability: 1, effects }, { id: 'no', probability: 0 }] }] }, { options: { rounds: 5 } });
        const positions = (forecast: typeof asEvent) => forecast.issues[0]!.rounds.map((round) => round.positions);
        assert.deepEqual(asBranch.issues[0]!.leaves![0]!.rounds.map((round) => round.positions), positions(asEvent));
        assert.equal(asBranch.issues[0]!.outcome, asEvent.issues[0]!.outcome);
      }),
      { seed: 3, numRuns: 100 },
    );
  });
});

describe('Nash under branches (channels-spec §5.4, §8 N6)', () => {
  it('every leaf keeps its own path; the issue path is the most probable leaf’s', () => {
    const scenario = loadScenario(fromRepo('examples', 'backchannel-2024-channels.yaml'));
    const forecast = runModel('nash', scenario);
    for (const issue of forecast.issues) {
      const leaves = issue.leaves!;
      assert.ok(leaves.length > 1);
      for (const leaf of leaves) assert.equal(leaf.path?.length, issue.path?.length);
      const likeliest = leaves.reduce((best, leaf) => (leaf.probability > best.probability ? leaf : best));
      assert.deepEqual(likeliest.path, issue.path);
    }
  });
  it('a branch that moves an actor changes that leaf’s path from its date on, and only that leaf’s', () => {
    const base = loadScenario(fromRepo('examples', 'backchannel-2024.yaml'));
    const actor = base.actors[0]!.id;
    const issue = base.issues[0]!.id;
    const scenario: Scenario = {
      ...base,
      timeline: { start: '2024-01-01', step: '1m' },
      branches: [{ id: 'shift', date: '2024-03-15', outcomes: [{ id: 'no', probability: 0.6 }, { id: 'yes', probability: 0.4, effects: [{ actor, issue, position: 0 }] }] }],
    };
    const forecast = runModel('nash', { ...scenario, timeline: { ...scenario.timeline!, end: '2024-06-01' } });
    const [stay, move] = forecast.issues.find((result) => result.issue === issue)!.leaves!;
    const outcomes = (leaf: typeof stay) => leaf!.path!.map((point) => point.outcome);
    assert.deepEqual(outcomes(stay).slice(0, 3), outcomes(move).slice(0, 3), 'before the branch date the leaves agree (B3)');
    assert.notDeepEqual(outcomes(stay), outcomes(move));
  });
});
