/**
 * Reading a discrete predicted distribution over ascending candidates: its median (the forecast:
 * the smallest candidate at which the cumulative probability reaches 1/2, which minimises the expected
 * absolute error) and its central intervals (equal tails: the smallest candidates at which the
 * cumulative probability reaches (1 − q)/2 and 1 − (1 − q)/2).
 */

/** Cumulative sums at or above this count as reaching a level (rounding of probabilities that sum to 1). */
const slack = 1e-12;

/** The smallest candidate whose cumulative probability reaches `level`. */
export function quantileOf(candidates: readonly number[], probabilities: ArrayLike<number>, level: number): number {
  let cumulative = 0;
  for (let k = 0; k < candidates.length; k++) {
    cumulative += probabilities[k]!;
    if (cumulative >= level - slack) return candidates[k]!;
  }
  return candidates[candidates.length - 1]!;
}

export function medianOf(candidates: readonly number[], probabilities: ArrayLike<number>): number {
  return quantileOf(candidates, probabilities, 0.5);
}

export const intervalLevels = [0.5, 0.8, 0.9] as const;

/** The central interval holding `coverage` of the probability. */
export function centralInterval(candidates: readonly number[], probabilities: ArrayLike<number>, coverage: number): [number, number] {
  const tail = (1 - coverage) / 2;
  return [quantileOf(candidates, probabilities, tail), quantileOf(candidates, probabilities, 1 - tail)];
}
