/** A small fixed scenario for the sweep's tests: three actors, two issues on different scales, one actor sitting one out. */
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
