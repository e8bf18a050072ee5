/**
 * How receiver i reads a dyad with j from the two expected utilities it sees (Scholz et al. 2011,
 * Fig. 6 octants; eum-spec.md §3.7), and the position i would move to.
 *   a = EU_{i→j}, b = EU_{j→i} (as perceived by i, or with r_j: A3).
 */
import type { Perception } from '../../../src/models/model.js';

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

/** The receiver's perception of the dyad (no allocation: the round loop calls this n² times). */
export function perceive(a: number, b: number, xi: number, xj: number): Perception {
  if (xi === xj) return 'same-position';
  if (positive(a) && positive(b)) {
    if (b - a > EU_TOLERANCE) return 'conflict-lost';
    return a - b > EU_TOLERANCE ? 'conflict-won' : 'stalemate';
  }
  if (negative(a) && positive(b)) return b + a > EU_TOLERANCE ? 'compromise' : 'capitulation';
  if (positive(a) && negative(b)) return a + b > EU_TOLERANCE ? 'compromise-won' : 'capitulation-won';
  return 'stalemate';
}

/**
 * Where i moves if it takes the offer behind a perception: x_j after a lost conflict or a capitulation
 * (unless capitulation is off), x_i + (x_j − x_i)|a/b| for a compromise (eq. 36); undefined otherwise.
 */
export function offerFor(perception: Perception, a: number, b: number, xi: number, xj: number, capitulation: boolean): number | undefined {
  if (perception === 'conflict-lost') return xj;
  if (perception === 'compromise') return xi + (xj - xi) * (-a / b);
  if (perception === 'capitulation' && capitulation) return xj;
  return undefined;
}

/**
 * The offer a dyad makes to receiver i, as a rank (0 conflict lost, 1 compromise, 2 capitulation, the
 * order of preference; −1 for none): the same octants as `perceive` + `offerFor`, without strings, for
 * the round loop. Every offer needs b > 0, so most dyads are settled by the first test. (xi ≠ xj.)
 */
export function offerRank(a: number, b: number, capitulation: boolean): number {
  if (!positive(b)) return -1;
  if (positive(a)) return b - a > EU_TOLERANCE ? 0 : -1;
  if (!negative(a)) return -1;
  if (b + a > EU_TOLERANCE) return 1;
  return capitulation ? 2 : -1;
}

/** Where i moves for an offer of that rank: x_j, or x_i + (x_j − x_i)|a/b| for a compromise (eq. 36). */
export function offerPosition(rank: number, a: number, b: number, xi: number, xj: number): number {
  return rank === 1 ? xi + (xj - xi) * (-a / b) : xj;
}

export function readDyad(a: number, b: number, xi: number, xj: number, capitulation: boolean): Reading {
  const perception = perceive(a, b, xi, xj);
  const offer = offerFor(perception, a, b, xi, xj, capitulation);
  return offer === undefined ? { perception } : { perception, offer };
}
