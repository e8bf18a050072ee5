/**
 * The engine's speed-ups must not change a result:
 * - with dyads off, the default and Scholz-code presets take the offers-only path of round.ts (which
 *   skips the sides of a dyad that cannot receive a better offer); with dyads on, every dyad is read in
 *   full. Both must give the same forecast to the bit, dyads aside;
 * - small workspaces are reused from one run to the next: a run must not depend on the run before it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { arbitraryScenario } from '../../../tests/support/arbitraries.js';
import type { Forecast } from '../model.js';
import { runEum } from '../../../tests/support/eumTesting.js';

function withoutDyads(forecast: Forecast): Forecast {
  return {
    ...forecast,
    options: { ...forecast.options, dyads: false },
    issues: forecast.issues.map((issue) => ({ ...issue, rounds: issue.rounds.map(({ dyads: _dyads, ...round }) => round) })),
  };
}

const variants: { preset: string; options: Record<string, unknown> }[] = [
  { preset: 'default', options: {} },
  { preset: 'default', options: { salienceInEu: 'as-printed' } },
  { preset: 'default', options: { offerChoice: 'highest-eu' } },
  { preset: 'default', options: { capitulation: false, medianTie: 'lower' } },
  { preset: 'scholz2011-code', options: {} },
  { preset: 'scholz2011-paper', options: {} },
];

test('dyads on or off, every preset gives the same forecast to the bit', () => {
  fc.assert(
    fc.property(arbitraryScenario({ maxActors: 9 }), fc.constantFrom(...variants), (scenario, { preset, options }) => {
      const fast = runEum(scenario, preset, { ...options, rounds: 6, dyads: false });
      const full = runEum(scenario, preset, { ...options, rounds: 6, dyads: true });
      assert.deepStrictEqual(fast, withoutDyads(full));
    }),
    { numRuns: 200 },
  );
});

test('a run does not depend on the runs before it (reused workspaces)', () => {
  fc.assert(
    fc.property(arbitraryScenario({ maxActors: 6, issues: 1 }), arbitraryScenario({ maxActors: 6, issues: 1 }), (first, second) => {
      const before = runEum(first, 'scholz2011-code', { rounds: 4, dyads: true });
      runEum(second, 'default', { rounds: 4 });
      runEum(second, 'scholz2011-code', { rounds: 4, dyads: true });
      assert.deepStrictEqual(runEum(first, 'scholz2011-code', { rounds: 4, dyads: true }), before);
    }),
    { numRuns: 100 },
  );
});
