/**
 * Weighted mean Σ wᵢxᵢ / Σ wᵢ: the compromise model (Van den Bos 1991; Achen 2006) when wᵢ = cᵢsᵢ
 * (eum-spec.md §7.1). With all weights zero it falls back to the plain mean, so it never divides by zero.
 */
export function weightedMean(positions: readonly number[], weights: readonly number[]): number {
  if (positions.length === 0) throw new RangeError('weightedMean needs at least one position');
  let weightSum = 0;
  let weightedSum = 0;
  for (let i = 0; i < positions.length; i++) {
    weightSum += weights[i]!;
    weightedSum += weights[i]! * positions[i]!;
  }
  if (weightSum <= 0) return mean(positions);
  return weightedSum / weightSum;
}

/** Arithmetic mean Σ xᵢ / n. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean needs at least one value');
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
