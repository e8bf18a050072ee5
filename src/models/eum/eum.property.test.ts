/**
 * The default preset is mirror-symmetric: reflecting every issue's scale (x → min + max − x) reflects
 * every round's positions, median and mean (eum-spec.md TV1d: "a correct, symmetric engine should pass
 * this reflection test"). Random scenarios come from tests/support/arbitraries.ts (grids make ties common).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { arbitraryScenario } from '../../../tests/support/arbitraries.js';
import type { Scenario } from '../../scenario/schema.js';
import { reflectScenario, runEum } from '../../../tests/support/eumTesting.js';

function pivotOf(scenario: Scenario) {
  return (issueId: string): number => {
    const { scale } = scenario.issues.find((issue) => issue.id === issueId)!;
    return scale.min + scale.max;
  };
}

test('default preset: reflecting the scale reflects every round (positions, median, mean)', () => {
  fc.assert(
    fc.property(arbitraryScenario({ maxActors: 7 }), (scenario) => {
      const pivot = pivotOf(scenario);
      const original = runEum(scenario, 'default', { rounds: 6 });
      const mirrored = runEum(reflectScenario(scenario, pivot), 'default', { rounds: 6 });
      original.issues.forEach((issue, issueIndex) => {
        const { scale } = scenario.issues[issueIndex]!;
        const tolerance = 1e-9 * (scale.max - scale.min);
        const reflected = (x: number) => pivot(issue.issue) - x;
        const other = mirrored.issues[issueIndex]!;
        assert.equal(other.rounds.length, issue.rounds.length);
        issue.rounds.forEach((round, index) => {
          const mirror = other.rounds[index]!;
          const at = `issue ${issue.issue} round ${round.round}`;
          assert.ok(Math.abs(reflected(mirror.median) - round.median) <= tolerance, `${at}: median ${round.median} vs reflected ${reflected(mirror.median)}`);
          assert.ok(Math.abs(reflected(mirror.mean) - round.mean) <= tolerance, `${at}: mean ${round.mean} vs reflected ${reflected(mirror.mean)}`);
          for (const [actor, position] of Object.entries(round.positions))
            assert.ok(Math.abs(reflected(mirror.positions[actor]!) - position) <= tolerance, `${at}: ${actor} ${position} vs reflected ${reflected(mirror.positions[actor]!)}`);
        });
      });
    }),
    { numRuns: 150 },
  );
});
