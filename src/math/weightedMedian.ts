/**
 * Weighted median of positions: the first position (in ascending order) at which the cumulative
 * weight reaches half of the total weight (eum-spec.md §7.2, the "lower" tie rule).
 *
 * It minimises Σ wᵢ|x − xᵢ| and is the Condorcet winner under the pairwise votes of BDM's median voter
 * (Scholz et al. 2011, eqs. 26–29). When the cumulative weight equals exactly half at p, every point of
 * [p, next position] is a median; the lower end p is returned, so the result is always an actor's
 * position. With all weights zero the weights are taken as equal.
 */
export function weightedMedian(positions: readonly number[], weights: readonly number[]): number {
  if (positions.length === 0) throw new RangeError('weightedMedian needs at least one position');
  const order = positions.map((_, index) => index).sort((a, b) => positions[a]! - positions[b]!);
  let total = 0;
  for (const w of weights) total += w;
  const useEqual = total <= 0;
  if (useEqual) total = positions.length;
  let cumulative = 0;
  for (const index of order) {
    cumulative += useEqual ? 1 : weights[index]!;
    if (cumulative * 2 >= total) return positions[index]!;
  }
  return positions[order[order.length - 1]!]!;
}
