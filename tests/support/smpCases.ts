/**
 * Seeded random SMP cases (scenario, options) for tests/smpWorkspace.test.ts: the same list on every
 * run. Every KTAB parameter varies, with and without ideal adjustment, deterministic and stochastic,
 * long runs with the stopping rule off (cycles are replayed), and a few larger runs where one actor's
 * queue can hold more bargains than there are actors (InitRcvrInterp).
 */
import fc from 'fast-check';
import { arbitraryScenario } from './arbitraries.js';
import type { Scenario } from '../../src/scenario/schema.js';
import {
  BargainModels,
  BigRAdjusts,
  BigRRanges,
  InterVecBargains,
  PceModels,
  StateTransitions,
  ThirdPartyCommits,
  VictoryProbModels,
  VotingRules,
} from '../../src/models/smp/options.js';
import { randomSpatialScenario } from '../../bench/smp.js';

const arbitraryOptions = fc.record(
  {
    victoryProbModel: fc.constantFrom(...VictoryProbModels),
    pceModel: fc.constantFrom(...PceModels),
    stateTransitions: fc.constantFrom(...StateTransitions),
    votingRule: fc.constantFrom(...VotingRules),
    bigRAdjust: fc.constantFrom(...BigRAdjusts),
    bigRRange: fc.constantFrom(...BigRRanges),
    thirdPartyCommit: fc.constantFrom(...ThirdPartyCommits),
    interVecBargain: fc.constantFrom(...InterVecBargains),
    bargainModel: fc.constantFrom(...BargainModels),
    stopThreshold: fc.constantFrom(0, 0, 0.02, 0.1),
    maxTurns: fc.integer({ min: 2, max: 40 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  },
  { noNullPrototype: true },
);

/** Some actors move their ideals toward others' positions (rows summing to at most 0.9). */
function withIdealAdjustment(scenario: Scenario, picks: number[], options: Record<string, unknown>): Record<string, unknown> {
  if (picks.length === 0) return options;
  const ids = scenario.actors.map((actor) => actor.id);
  const idealAdjustment = ids.slice(0, picks.length).flatMap((actor, index) => [
    { actor, reference: ids[picks[index]! % ids.length]!, adjust: 0.3 },
    { actor, reference: actor, adjust: 0.6 },
  ]);
  return { ...options, idealAdjustment };
}

export type SmpCase = [Scenario, Record<string, unknown>];

export function smpCases(): Record<'random' | 'larger', SmpCase[]> {
  return {
    random: fc
      .sample(fc.tuple(arbitraryScenario({ maxActors: 9 }), fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }), arbitraryOptions), { numRuns: 300, seed: 164 })
      .map(([scenario, picks, options]) => [scenario, withIdealAdjustment(scenario, picks, options)]),
    larger: fc
      .sample(fc.tuple(fc.integer({ min: 20, max: 40 }), arbitraryOptions), { numRuns: 12, seed: 165 })
      .map(([n, options]): SmpCase => [randomSpatialScenario(n, n), { ...options, maxTurns: Math.min(options.maxTurns, 8) }]),
  };
}
