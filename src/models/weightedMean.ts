import { weightedMean } from '../math/weightedMean.js';
import { votingWeights } from '../scenario/views.js';
import { staticModel } from './baseline.js';

/** The compromise model: Σ cᵢsᵢxᵢ / Σ cᵢsᵢ (Van den Bos 1991; Achen 2006; eum-spec.md §7.1). */
export const weightedMeanModel = staticModel({
  id: 'weighted-mean',
  title: 'Weighted mean (compromise model)',
  reference: 'Van den Bos (1991); Achen, in Thomson et al., The European Union Decides (2006), ch. 4.',
  summary:
    'The capability × salience weighted mean of the positions. A limit of the Nash bargaining solution, and a strong predictor of EU decisions.',
  outcome: (people) => weightedMean(people.map((participant) => participant.position), votingWeights(people)),
});
