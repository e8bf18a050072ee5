/**
 * The median voter position μ (Scholz et al. 2011, eqs. 26–29; eum-spec.md §3.2, A12).
 *
 * BDM's median voter is the Condorcet winner among the actors' positions under linear c·s-weighted
 * votes; with absolute-distance preferences that is the weighted median, the minimiser of Σ w_k |x − x_k|.
 * When the cumulative weight is exactly half at a position p, every point of [p, next position] wins:
 * `lower` returns p (Scholz-code's tournament and the baselines), `midpoint` the middle of the winning
 * interval, which is the only choice that commutes with reflecting the scale. "Exactly half" allows a
 * relative 1e-12 of the total weight, so a tie is not missed (or invented) by rounding. All weights zero:
 * equal weights.
 */
export type MedianTie = 'lower' | 'midpoint';

/** `order`: the actors sorted by position (ties in input order), as the engine keeps them for the round. */
export function medianVoterPosition(positions: ArrayLike<number>, weights: ArrayLike<number>, order: ArrayLike<number>, tie: MedianTie): number {
  const n = positions.length;
  if (n === 0) throw new RangeError('medianVoterPosition needs at least one position');
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const equal = !(total > 0);
  if (equal) total = n;
  const half = total / 2 - total * 1e-12;
  let lower = n - 1;
  let below = 0;
  for (let k = 0; k < n; k++) {
    below += equal ? 1 : weights[order[k]!]!;
    if (below >= half) {
      lower = k;
      break;
    }
  }
  const lowerPosition = positions[order[lower]!]!;
  if (tie === 'lower') return lowerPosition;
  let upper = 0;
  let above = 0;
  for (let k = n - 1; k >= 0; k--) {
    above += equal ? 1 : weights[order[k]!]!;
    if (above >= half) {
      upper = k;
      break;
    }
  }
  const upperPosition = positions[order[upper]!]!;
  return upperPosition > lowerPosition ? (lowerPosition + upperPosition) / 2 : lowerPosition;
}
