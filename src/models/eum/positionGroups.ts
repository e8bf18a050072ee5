/**
 * Actors grouped by distinct position. Every probability in the EUM depends only on the two positions
 * (not on who holds them), so it is computed once per pair of distinct positions: m² values, where m ≤ n
 * is the number of distinct positions.
 *
 * The groups live in preallocated arrays that are refilled every round: positions change little from
 * one round to the next, so the actors are re-sorted by insertion sort starting from the previous
 * round's order (near-linear in practice, never worse than O(n²), which a round costs anyway).
 */
export class PositionGroups {
  /** The actors sorted by position (stable: input order within a position). */
  readonly actorsByPosition: Int32Array;
  /** For each actor (input order), the index of its position in `values`. */
  readonly groupOf: Int32Array;
  /** The distinct positions, ascending: the first `count` entries. */
  readonly values: Float64Array;
  /** How many actors hold each distinct position: the first `count` entries. */
  readonly counts: Float64Array;
  /** m, the number of distinct positions. */
  count = 0;

  constructor(readonly size: number) {
    this.actorsByPosition = Int32Array.from({ length: size }, (_, index) => index);
    this.groupOf = new Int32Array(size);
    this.values = new Float64Array(size);
    this.counts = new Float64Array(size);
  }

  /** Regroups the actors at `positions` (length `size`). */
  update(positions: ArrayLike<number>): void {
    sortByPosition(positions, this.actorsByPosition);
    const { actorsByPosition, groupOf, values, counts } = this;
    let m = 0;
    for (let k = 0; k < this.size; k++) {
      const actor = actorsByPosition[k]!;
      const position = positions[actor]!;
      if (m === 0 || values[m - 1] !== position) {
        values[m] = position;
        counts[m] = 0;
        m++;
      }
      counts[m - 1]! += 1;
      groupOf[actor] = m - 1;
    }
    this.count = m;
  }
}

/**
 * Sorts `order` (a permutation of actor indices) by position, ties by index: the unique order of that
 * strict total order, so the result does not depend on where the sort started or how it sorts.
 * Insertion sort, because `order` is usually sorted already (last round's order); when it is far from
 * sorted (the first round: input order), a comparison sort instead of O(n²) moves.
 */
export function sortByPosition(positions: ArrayLike<number>, order: Int32Array): void {
  let budget = 8 * order.length + 64;
  for (let k = 1; k < order.length; k++) {
    const actor = order[k]!;
    const position = positions[actor]!;
    let slot = k;
    while (slot > 0) {
      const before = order[slot - 1]!;
      const difference = positions[before]! - position;
      if (difference < 0 || (difference === 0 && before < actor)) break;
      order[slot] = before;
      slot--;
    }
    order[slot] = actor;
    budget -= k - slot;
    if (budget < 0) {
      order.sort((first, second) => positions[first]! - positions[second]! || first - second);
      return;
    }
  }
}

/** The first index in the ascending `values[from..to)` whose value is ≥ threshold (`to` if none). */
export function firstAtLeast(values: Float64Array, threshold: number, from: number, to: number): number {
  // Callers usually resume just before the answer: step a few places before bisecting.
  for (let step = 0; step < 4 && from < to; step++, from++) if (values[from]! >= threshold) return from;
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < threshold) low = middle + 1;
    else high = middle;
  }
  return low;
}
