import { weightedMedian } from '../math/weightedMedian.js';
import { votingWeights } from '../scenario/views.js';
import { staticModel } from './baseline.js';

/**
 * The weighted median (BDM's median voter, the Condorcet winner under c·s-weighted votes): the first
 * position, in ascending order, where the cumulative c·s weight reaches half the total (lower tie rule,
 * eum-spec.md §7.2).
 */
export const weightedMedianModel = staticModel({
  id: 'weighted-median',
  title: 'Weighted median (median voter)',
  reference: 'Black (1948); Bueno de Mesquita (1994); eum-spec.md §7.2.',
  summary:
    'The capability × salience weighted median of the positions; on an exact half-weight tie, the lower position.',
  outcome: (people) => weightedMedian(people.map((participant) => participant.position), votingWeights(people)),
});
