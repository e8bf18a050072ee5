/**
 * Small scenarios for the sweep's tests and benchmark: a fixed three-actor, two-issue one, and
 * random n-actor ones drawn with Parley's seeded generator.
 */
import { createRandom } from '../../math/random.js';
import type { Scenario } from '../../scenario/schema.js';

export const threeActors: Scenario = {
  title: 'three actors, two issues',
  salienceScale: 100,
  issues: [
    { id: 'deal', scale: { min: 0, max: 100 } },
    { id: 'talks', scale: { min: 0, max: 10 } },
  ],
  actors: [
    { id: 'north', capability: 80, stances: { deal: { position: 90, salience: 90 }, talks: { position: 2, salience: 50 } } },
    { id: 'south', capability: 40, stances: { deal: { position: 10, salience: 100 }, talks: { position: 8, salience: 70 } } },
    { id: 'east', capability: 60, stances: { deal: { position: 45, salience: 40 } } },
  ],
};

/** n actors on one issue [0, 100]: capabilities in [10, 100], positions in [0, 100], saliences in [10, 100]. */
export function randomScenario(actorCount: number, seed: number): Scenario {
  const random = createRandom(seed);
  const round = (value: number): number => Math.round(value * 10) / 10;
  return {
    title: `${actorCount} random actors`,
    salienceScale: 100,
    issues: [{ id: 'issue', scale: { min: 0, max: 100 } }],
    actors: Array.from({ length: actorCount }, (_, index) => ({
      id: `a${index + 1}`,
      capability: round(random.uniform(10, 100)),
      stances: { issue: { position: round(random.uniform(0, 100)), salience: round(random.uniform(10, 100)) } },
    })),
  };
}
