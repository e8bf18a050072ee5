/**
 * Summary statistics of a sample of outcomes, computed in one fixed order so the same sample always
 * gives bit-identical numbers.
 */

/**
 * The p-quantile of a sorted sample by linear interpolation between order statistics, Hyndman & Fan
 * (1996) definition 7 (R's default): h = (n − 1)·p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), 0-based.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty sample');
  const h = (n - 1) * p;
  const below = Math.floor(h);
  const lower = sorted[below]!;
  if (below + 1 >= n) return lower;
  return lower + (h - below) * (sorted[below + 1]! - lower);
}

/** Mean and population variance by Welford's update (stable; Welford 1962). */
export function meanAndVariance(values: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0;
  let sumOfSquares = 0;
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    const delta = value - mean;
    mean += delta / (k + 1);
    sumOfSquares += delta * (value - mean);
  }
  return { mean, variance: values.length > 0 ? sumOfSquares / values.length : 0 };
}

/**
 * Counts in `bins` equal-width bins over [min, max]; bin b holds [min + b·w, min + (b+1)·w), the last
 * bin also holds max. Values outside the range count in the end bins.
 */
export function histogram(values: ArrayLike<number>, min: number, max: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const width = (max - min) / bins;
  for (let k = 0; k < values.length; k++) {
    const bin = width > 0 ? Math.floor((values[k]! - min) / width) : 0;
    counts[Math.min(bins - 1, Math.max(0, bin))]! += 1;
  }
  return counts;
}
