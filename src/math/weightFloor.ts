/**
 * The weight floor (issue 14, item 9): a weight below `weightFloor` counts as zero, in every model and
 * baseline, so a subnormal weight gives exactly the outcome a zero weight gives, never a far-off one.
 *
 * Why 1e-300: models multiply weights by positions, utilities, distances and probabilities, and sum
 * them. A product below the smallest normal double (2^-1022 ≈ 2.2e-308) keeps fewer than 53 bits —
 * 5e-324 keeps one — so a ratio of such sums (a weighted mean, a share of the vote) can land anywhere.
 * 1e-300 leaves eight decimal orders above 2^-1022: a weight at the floor times any factor ≥ 1e-8
 * (a position on a scale, a utility difference, a probability) is still a normal number at full
 * precision. No weight a person writes comes near it (capability × salience ≥ 1e-300 needs a
 * capability and a salience near 1e-150); positions, capabilities and saliences themselves are not
 * floored, only the weights made from them.
 */
export const weightFloor = 1e-300;

/** The weight, or 0 when it lies below `weightFloor` (NaN stays NaN). */
export function flooredWeight(weight: number): number {
  return weight < weightFloor ? 0 : weight;
}

/** The product weight a·b (capability × salience, BDM's wᵢ = cᵢsᵢ), below the floor counted as zero. */
export function productWeight(a: number, b: number): number {
  return flooredWeight(a * b);
}
