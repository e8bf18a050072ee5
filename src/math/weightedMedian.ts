/**
 * Weighted median of positions: BDM's median voter position (Scholz et al. 2011, eqs. 26–29;
 * eum-spec.md §3.2, §7.2, A12).
 *
 * BDM's median voter is the Condorcet winner among the actors' positions under linear c·s-weighted
 * votes; with absolute-distance preferences that is the weighted median, the minimiser of Σ wᵢ|x − xᵢ|:
 * the first position, in ascending order, at which the cumulative weight reaches half the total.
 * When the cumulative weight is exactly half at a position p, every point of [p, next position] wins:
 * `lower` returns p (Scholz-code's tournament and the baselines: always an actor's position),
 * `midpoint` the middle of the winning interval, the only choice that commutes with reflecting the
 * scale. "Exactly half" allows a relative 1e-12 of the total weight, so rounding neither misses nor
 * invents a tie. With all weights zero the weights are taken as equal.
 */
export type MedianTie = 'lower' | 'midpoint';

/** The weighted median; `tie` as above (default `lower`). */
export function weightedMedian(positions: readonly number[], weights: readonly number[], tie: MedianTie = 'lower'): number {
  const order = positions.map((_, index) => index).sort((a, b) => positions[a]! - positions[b]! || a - b);
  return weightedMedianInOrder(positions, weights, order, tie);
}

/**
 * The weighted median when the caller already keeps the actors sorted: `order` lists the indices by
 * ascending position (the EUM engine keeps it from round to round instead of sorting again).
 */
export function weightedMedianInOrder(
  positions: ArrayLike<number>,
  weights: ArrayLike<number>,
  order: ArrayLike<number>,
  tie: MedianTie,
): number {
  const n = positions.length;
  if (n === 0) throw new RangeError('weightedMedian needs at least one position');
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const equal = !(total > 0);
  if (equal) total = n;
  const half = total / 2 - total * 1e-12;
  const lowerPosition = positions[order[firstReachingHalf(n, (k) => (equal ? 1 : weights[order[k]!]!), half)]!]!;
  if (tie === 'lower') return lowerPosition;
  const upperPosition = positions[order[n - 1 - firstReachingHalf(n, (k) => (equal ? 1 : weights[order[n - 1 - k]!]!), half)]!]!;
  return upperPosition > lowerPosition ? (lowerPosition + upperPosition) / 2 : lowerPosition;
}

/** The first k at which the running sum of weightAt(0..k) reaches `half` (n − 1 if none does). */
function firstReachingHalf(n: number, weightAt: (k: number) => number, half: number): number {
  let cumulative = 0;
  for (let k = 0; k < n; k++) {
    cumulative += weightAt(k);
    if (cumulative >= half) return k;
  }
  return n - 1;
}
