/**
 * SMP speed: seconds per turn at 10, 50, 100 and 200 actors on random two-dimensional scenarios
 * (fixed seed; KTAB-like actors: capability 10–200, total salience 0.75–0.99 split over the
 * dimensions, positions uniform on 0–100), default options, a fixed number of turns. Targets (issue 3):
 * 100 actors under 0.25 s per turn, 200 under 2 s. KTAB smpc -O2 on this machine: 0.7 s at 50,
 * 12.8 s at 100, 284 s at 200 (ktab-smp.md).
 */
import { performance } from 'node:perf_hooks';
import { createRandom } from '../src/math/random.js';
import { smpModel } from '../src/models/smp/smp.js';
import type { Scenario } from '../src/scenario/schema.js';
import type { BenchSuite, BenchTable } from './suite.js';

const SIZES = [10, 50, 100, 200];
const TURNS = 4;
const SEED = 20170530;
const KTAB_SECONDS: Record<number, string> = { 50: '0.7', 100: '12.8', 200: '284' };
const TARGET_SECONDS: Record<number, number> = { 100: 0.25, 200: 2 };

export function randomSpatialScenario(actorCount: number, seed: number): Scenario {
  const random = createRandom(seed);
  const dimensions = ['d1', 'd2'];
  return {
    title: `random ${actorCount} actors, 2 dimensions (seed ${seed})`,
    salienceScale: 1,
    issues: dimensions.map((id) => ({ id, scale: { min: 0, max: 100 } })),
    spaces: [{ id: 'space', issues: dimensions }],
    actors: Array.from({ length: actorCount }, (_, index) => {
      const attention = random.uniform(0.75, 0.99);
      const shares = dimensions.map(() => random.uniform(0.1, 1));
      const total = shares.reduce((sum, share) => sum + share, 0);
      return {
        id: `a${index}`,
        capability: random.uniform(10, 200),
        stances: Object.fromEntries(dimensions.map((id, k) => [id, { position: random.uniform(0, 100), salience: (attention * shares[k]!) / total }])),
      };
    }),
  };
}

function secondsPerTurn(scenario: Scenario, repetitions: number): number {
  const options = smpModel.optionsSchema.parse({ maxTurns: TURNS, stopThreshold: 0 });
  let best = Infinity;
  for (let k = 0; k < repetitions; k++) {
    const start = performance.now();
    const forecast = smpModel.run(scenario, options);
    const elapsed = (performance.now() - start) / 1000;
    if (forecast.issues[0]!.rounds.length !== TURNS + 1) throw new Error('the run did not make the turns asked for');
    best = Math.min(best, elapsed / TURNS);
  }
  return best;
}

export const smpSuite: BenchSuite = {
  name: 'smp',
  run(): BenchTable {
    const rows = SIZES.map((size) => {
      const seconds = secondsPerTurn(randomSpatialScenario(size, SEED), size <= 50 ? 5 : 2);
      const target = TARGET_SECONDS[size];
      return [
        String(size),
        seconds.toFixed(size <= 50 ? 4 : 3),
        KTAB_SECONDS[size] ?? '–',
        target === undefined ? '–' : `< ${target} ${seconds < target ? '✓' : '✗'}`,
      ];
    });
    return {
      title: 'SMP (KTAB Spatial Model of Politics): seconds per turn',
      columns: ['actors', 's/turn (Parley)', 's/turn (KTAB smpc -O2, quoted)', 'target'],
      rows,
      notes: [
        `random 2-dimension scenarios (seed ${SEED}), default options, ${TURNS} turns per run (stopping rule off), best of 2–5 runs, one thread`,
        'a turn = infer risk attitudes and outcome probabilities, every actor picks its best challenge, bargains, every queue resolved',
        "KTAB's column is quoted from ktab-smp.md (its smpc built with -O2 and run on this kind of machine); it is not re-measured in this run",
      ],
    };
  },
};
