/**
 * The median voter position μ (Scholz et al. 2011, eqs. 26–29; eum-spec.md §3.2, A12): the weighted
 * median of src/math/weightedMedian.ts, on the order the engine keeps sorted between rounds. The tie
 * rule is the preset's `medianTie` option.
 */
export { weightedMedianInOrder as medianVoterPosition, type MedianTie } from '../../../src/models/../math/weightedMedian.js';
