/**
 * Shapley–Shubik power indices of a voting game (Shapley & Shubik 1954), exactly, by counting
 * coalitions with dynamic programming instead of enumerating the n! orders:
 *
 *   φᵢ = Σ over coalitions S ⊆ N∖{i} that lose while S ∪ {i} wins of |S|!·(n − |S| − 1)! / n!
 *
 * Whether a coalition wins may depend on its size and its total weight (votes or population), which
 * covers the Nice weighted votes and the Lisbon double majority. Weights must be non-negative
 * integers (e.g. population in hundredths of a percent); the work grows as n²·Σweights.
 */

/** Does a coalition of `size` members with total `weight` win? Must be monotone in both. */
export type WinningRule = (size: number, weight: number) => boolean;

export function shapleyShubik(weights: readonly number[], isWinning: WinningRule): number[] {
  const n = weights.length;
  if (weights.some((weight) => !Number.isInteger(weight) || weight < 0)) throw new RangeError('weights must be non-negative integers');
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const width = total + 1;
  // counts[k·width + w]: how many coalitions of k players have total weight w.
  const counts = new Float64Array((n + 1) * width);
  counts[0] = 1;
  for (const weight of weights) {
    for (let k = n; k >= 1; k--) {
      for (let w = total; w >= weight; w--) counts[k * width + w]! += counts[(k - 1) * width + w - weight]!;
    }
  }
  // share[k] = k!(n−k−1)!/n! = 1 / (n·C(n−1, k)).
  const share: number[] = [];
  let binomial = 1;
  for (let k = 0; k < n; k++) {
    share.push(1 / (n * binomial));
    binomial = (binomial * (n - 1 - k)) / (k + 1);
  }
  const without = new Float64Array((n + 1) * width);
  return weights.map((weight) => {
    // Coalitions of the others: remove player i from the counts (exact in integers below 2⁵³).
    for (let k = 0; k <= n; k++) {
      for (let w = 0; w <= total; w++) {
        const withI = k >= 1 && w >= weight ? without[(k - 1) * width + w - weight]! : 0;
        without[k * width + w] = counts[k * width + w]! - withI;
      }
    }
    let index = 0;
    for (let k = 0; k < n; k++) {
      for (let w = 0; w + weight <= total; w++) {
        const coalitions = without[k * width + w]!;
        if (coalitions > 0 && !isWinning(k, w) && isWinning(k + 1, w + weight)) index += coalitions * share[k]!;
      }
    }
    return index;
  });
}

/** Weighted voting: a coalition wins with at least `quota` votes (the Council before Lisbon). */
export const weightedQuota =
  (quota: number): WinningRule =>
  (_size, weight) =>
    weight >= quota;

/**
 * The Lisbon double majority (TEU art. 16(4); TFEU art. 238(3)): at least 55 % of the members,
 * comprising at least 15 of them, representing at least 65 % of the population; and a blocking
 * minority needs at least four members, so any coalition whose complement has fewer than four wins.
 * `totalWeight` is the population of all members in the same integer units as the weights.
 */
export function lisbonDoubleMajority(members: number, totalWeight: number): WinningRule {
  const memberQuota = Math.max(Math.ceil(0.55 * members - 1e-9), Math.min(15, members));
  return (size, weight) => (size >= memberQuota && weight >= 0.65 * totalWeight) || members - size < 4;
}
