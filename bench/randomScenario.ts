/** Random one-issue scenarios for benchmarks, from the project's seeded generator (src/math/random.ts). */
import { createRandom } from '../src/math/random.js';
import type { Scenario } from '../src/scenario/schema.js';

/** n actors on a 0–100 scale: continuous positions (all distinct), capability 1–100, salience 0.1–1. */
export function randomScenario(actorCount: number, seed: number): Scenario {
  const random = createRandom(seed);
  return {
    title: `random ${actorCount} actors (seed ${seed})`,
    salienceScale: 1,
    issues: [{ id: 'issue', scale: { min: 0, max: 100 } }],
    actors: Array.from({ length: actorCount }, (_, index) => ({
      id: `a${index}`,
      capability: random.uniform(1, 100),
      stances: { issue: { position: random.uniform(0, 100), salience: random.uniform(0.1, 1) } },
    })),
  };
}
