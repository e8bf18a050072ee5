/**
 * How receiver i reads a dyad with j from the two expected utilities it sees (Scholz et al. 2011,
 * Fig. 6 octants; eum-spec.md §3.7), and the position i would move to.
 *   a = EU_{i→j}, b = EU_{j→i} (as perceived by i, or with r_j: A3).
 */
import type { Perception } from '../model.js';

export interface Reading {
  perception: Perception;
  /** Where i would move if it took this offer; undefined when the dyad does not move i. */
  offer?: number;
}

/**
 * Octants (A7: compromise needs b > 0, as the figure shows; A8: boundaries on the diagonals):
 * - a > 0, b > 0: conflict. b > a: i loses and moves fully to x_j; a > b: i wins; a = b: nobody moves.
 * - a < 0 < b: i concedes. b > |a|: compromise, i moves the fraction |a/b| of the way (eq. 36);
 *   |a| ≥ b: capitulation, i moves fully to x_j (never, when `capitulation` is off: Scholz's code, A10).
 * - a > 0 > b: the mirror image, j concedes (handled from j's side).
 * - otherwise (both ≤ 0, or a zero): stalemate.
 *
 * EUs are sums of O(1) utilities, so their rounding error is absolute: values within EU_TOLERANCE of
 * each other (or of 0) count as equal. Without it, a tie that is exact in real arithmetic (e.g. a = b
 * when P = 1) is broken by the last bit, differently when the scale is reflected.
 */
export const EU_TOLERANCE = 1e-12;

function positive(value: number): boolean {
  return value > EU_TOLERANCE;
}

function negative(value: number): boolean {
  return value < -EU_TOLERANCE;
}

export function readDyad(a: number, b: number, xi: number, xj: number, capitulation: boolean): Reading {
  if (xi === xj) return { perception: 'same-position' };
  if (positive(a) && positive(b)) {
    if (b - a > EU_TOLERANCE) return { perception: 'conflict-lost', offer: xj };
    if (a - b > EU_TOLERANCE) return { perception: 'conflict-won' };
    return { perception: 'stalemate' };
  }
  if (negative(a) && positive(b)) {
    if (b + a > EU_TOLERANCE) return { perception: 'compromise', offer: xi + (xj - xi) * (-a / b) };
    return capitulation ? { perception: 'capitulation', offer: xj } : { perception: 'capitulation' };
  }
  if (positive(a) && negative(b)) return a + b > EU_TOLERANCE ? { perception: 'compromise-won' } : { perception: 'capitulation-won' };
  return { perception: 'stalemate' };
}
