import { mean } from '../math/weightedMean.js';
import { staticModel } from './baseline.js';

/** The plain mean of the actors' positions, Σ xᵢ / n: the naive baseline every model should beat. */
export const meanModel = staticModel({
  id: 'mean',
  title: 'Mean position',
  reference: 'Baseline (eum-spec.md §7).',
  summary: 'The unweighted mean of the actors’ positions: ignores capability and salience.',
  outcome: (people) => mean(people.map((participant) => participant.position)),
});
