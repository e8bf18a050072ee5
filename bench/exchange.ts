/**
 * Exchange model speed: rounds per second at 10 actors × 6 issues (the size of Decide's toll example),
 * 15 × 13 (its CoP21 data) and 50 × 20, on random Decide-like scenarios (fixed seed; positions on
 * multiples of 5, saliences on multiples of 0.05, powers 0.05–1), both presets, 10 rounds per run.
 * Candidate pairs grow as actors² × issues². Target (issue 11): a round at 50 × 20 under 1 s.
 */
import { performance } from 'node:perf_hooks';
import { createRandom } from '../src/math/random.js';
import { exchangeModel } from '../src/models/exchange/exchange.js';
import type { Scenario } from '../src/scenario/schema.js';
import type { BenchSuite, BenchTable } from './suite.js';

const SIZES: Array<[actors: number, issues: number]> = [
  [10, 6],
  [15, 13],
  [50, 20],
];
const ROUNDS = 10;
const SEED = 19940101;

export function randomExchangeScenario(actorCount: number, issueCount: number, seed: number): Scenario {
  const random = createRandom(seed);
  const issues = Array.from({ length: issueCount }, (_, k) => ({ id: `k${k}`, scale: { min: 0, max: 100 } }));
  return {
    title: `random ${actorCount} actors × ${issueCount} issues (seed ${seed})`,
    salienceScale: 1,
    issues,
    actors: Array.from({ length: actorCount }, (_, a) => ({
      id: `a${a}`,
      capability: 0.05 + Math.round(random.uniform(0, 19)) * 0.05,
      stances: Object.fromEntries(issues.map((issue) => [issue.id, { position: Math.round(random.uniform(0, 20)) * 5, salience: 0.05 + Math.round(random.uniform(0, 19)) * 0.05 }])),
    })),
  };
}

/** Best of `repetitions` runs: seconds per round and the exchanges realised per round. */
function measure(scenario: Scenario, preset: string, repetitions: number): { seconds: number; exchanges: number } {
  const options = exchangeModel.optionsSchema.parse({ ...exchangeModel.presets[preset]!.options, rounds: ROUNDS });
  exchangeModel.run(scenario, { ...options, rounds: 2 }); // warm-up: compile before timing
  let best = Infinity;
  let exchanges = 0;
  for (let k = 0; k < repetitions; k++) {
    const start = performance.now();
    const forecast = exchangeModel.run(scenario, options);
    best = Math.min(best, (performance.now() - start) / 1000 / ROUNDS);
    exchanges = forecast.exchange!.rounds.reduce((sum, round) => sum + round.exchanges.length, 0) / ROUNDS;
  }
  return { seconds: best, exchanges };
}

export const exchangeSuite: BenchSuite = {
  name: 'exchange',
  run(): BenchTable {
    const rows = SIZES.flatMap(([actors, issues]) => {
      const scenario = randomExchangeScenario(actors, issues, SEED);
      return ['decide', 'default'].map((preset) => {
        const { seconds, exchanges } = measure(scenario, preset, actors >= 50 ? 2 : 5);
        const target = actors === 50 ? (seconds < 1 ? '< 1 s: met' : '< 1 s: MISSED') : '—';
        return [`${actors} × ${issues}`, preset, exchanges.toFixed(0), (1 / seconds).toFixed(1), `${(seconds * 1000).toFixed(1)} ms`, target];
      });
    });
    return {
      title: 'Exchange model: rounds per second',
      columns: ['actors × issues', 'preset', 'exchanges per round', 'rounds/s', 'per round', 'target'],
      rows,
      notes: [`${ROUNDS} rounds per run, best of 5 runs (2 at 50 × 20), one thread; random Decide-like scenarios, seed ${SEED}.`],
    };
  },
};
