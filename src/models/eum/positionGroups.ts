/**
 * Actors grouped by distinct position. Every probability in the EUM depends only on the two positions
 * (not on who holds them), so it is computed once per pair of distinct positions: m² values, where m ≤ n
 * is the number of distinct positions.
 */
export interface PositionGroups {
  /** The distinct positions, ascending. */
  values: Float64Array;
  /** How many actors hold each distinct position. */
  counts: Float64Array;
  /** For each actor (input order), the index of its position in `values`. */
  groupOf: Int32Array;
  /** The actors sorted by position (stable: input order within a position). */
  actorsByPosition: Int32Array;
}

export function groupPositions(positions: ArrayLike<number>): PositionGroups {
  const n = positions.length;
  const order = Array.from({ length: n }, (_, index) => index).sort((a, b) => positions[a]! - positions[b]! || a - b);
  const values: number[] = [];
  const counts: number[] = [];
  const groupOf = new Int32Array(n);
  for (const actor of order) {
    const position = positions[actor]!;
    if (values.length === 0 || values[values.length - 1] !== position) {
      values.push(position);
      counts.push(0);
    }
    counts[counts.length - 1]! += 1;
    groupOf[actor] = values.length - 1;
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts), groupOf, actorsByPosition: Int32Array.from(order) };
}

/** The first index in the ascending `values[from..to)` whose value is ≥ threshold (`to` if none). */
export function firstAtLeast(values: Float64Array, threshold: number, from: number, to: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < threshold) low = middle + 1;
    else high = middle;
  }
  return low;
}
