/**
 * Forecast-error metrics over a set of issues, on the 0–100 DEU scale. `errors` are forecast − outcome
 * (only their absolute value matters here).
 */

export interface ErrorMetrics {
  /** Mean absolute error: Σ|eᵢ| / n. */
  mae: number;
  /** Root mean squared error: √(Σeᵢ² / n). */
  rmse: number;
  /** Median of |eᵢ| (the midpoint of the two middle values for even n). */
  medianAbsoluteError: number;
  /** Share of issues with |eᵢ| ≤ 10 points. */
  within10: number;
}

export const metricNames = ['mae', 'rmse', 'medianAbsoluteError', 'within10'] as const;
export type MetricName = (typeof metricNames)[number];

/** The metrics of the errors at `indices` (all of them when absent); at least one index. */
export function errorMetrics(errors: readonly number[], indices?: readonly number[]): ErrorMetrics {
  const chosen = indices ?? errors.map((_, index) => index);
  if (chosen.length === 0) throw new RangeError('errorMetrics needs at least one error');
  const absolute = new Float64Array(chosen.length);
  let sum = 0;
  let squares = 0;
  let close = 0;
  chosen.forEach((index, k) => {
    const value = Math.abs(errors[index]!);
    absolute[k] = value;
    sum += value;
    squares += value * value;
    if (value <= 10) close++;
  });
  return { mae: sum / chosen.length, rmse: Math.sqrt(squares / chosen.length), medianAbsoluteError: median(absolute), within10: close / chosen.length };
}

/** The median (midpoint of the middle two for an even count); sorts a copy. */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) throw new RangeError('median needs at least one value');
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The mean of the values at `indices`. */
export function meanAt(values: readonly number[], indices: readonly number[]): number {
  let sum = 0;
  for (const index of indices) sum += values[index]!;
  return sum / indices.length;
}
